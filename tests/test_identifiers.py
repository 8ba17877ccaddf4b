"""Tests for frivillig.identifiers: CVR numbers and municipality codes."""

import doctest
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from stdnum.dk import cvr as stdnum_cvr

from frivillig import identifiers
from frivillig._reference.municipalities import municipalities
from frivillig.errors import (
    FrivilligError,
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from frivillig.identifiers import (
    cvr_problem,
    is_valid_cvr,
    is_valid_municipality_code,
    municipality_code_problem,
    validate_cvr,
    validate_municipality_code,
)

CODES = frozenset(m.code for m in municipalities())
CVR_CODES = {"type", "format", "length", "checksum"}
MUNICIPALITY_CODES = {"type", "format", "range", "unknown"}
ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(),
    st.binary(),
    st.lists(st.integers(), max_size=3),
)


def outcome(function: Any, value: Any) -> Any:
    """Return what ``function(value)`` returns, or the ValidationError it raises."""
    try:
        return function(value)
    except ValidationError as error:
        return error


def raised(function: Any, *args: Any) -> ValidationError:
    """Call ``function`` and return the error it raises, which must be one of ours."""
    with pytest.raises(FrivilligError) as info:
        function(*args)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, ValidationError)
    (problem,) = info.value.problems
    assert problem.path == "$"
    return info.value


@st.composite
def valid_cvrs(draw: st.DrawFn) -> str:
    """Draw a valid CVR number: 7 digits not starting with 0 and a matching check digit."""
    body = draw(st.from_regex(r"[1-9][0-9]{6}", fullmatch=True))
    candidates = [f"{body}{digit}" for digit in range(10)]
    valid = [c for c in candidates if stdnum_cvr.checksum(c) == 0]
    # A body whose check digit would be 10 is never issued.
    assume(valid)
    return valid[0]


# --- CVR: the examples -----------------------------------------------------------------


def test_erhvervsstyrelsen_example_is_valid() -> None:
    assert validate_cvr("13748136") == "13748136"
    assert is_valid_cvr("13748136")
    assert cvr_problem("13748136") is None


def test_an_invalid_number_is_rejected() -> None:
    assert not is_valid_cvr("24256791")
    assert cvr_problem("24256791") == (
        "'24256791' fails the CVR check digit (modulus 11); check for a mistyped digit",
        "checksum",
    )
    error = raised(validate_cvr, "24256791")
    assert type(error) is InvalidChecksum


@pytest.mark.parametrize(
    "typed", ["DK 13585628", "DK13585628", "dk 13 58 56 28", " 13585628 ", "13-58-56-28"]
)
def test_validate_cvr_removes_spaces_separators_and_dk_prefix(typed: str) -> None:
    assert validate_cvr(typed) == "13585628"
    assert is_valid_cvr(typed)


# --- CVR: cvr_problem on stored values --------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1358562", ("'1358562' has 7 digits; a CVR number has 8", "length")),
        ("135856280", ("'135856280' has 9 digits; a CVR number has 8", "length")),
        ("1", ("'1' has 1 digit; a CVR number has 8", "length")),
        ("", ("'' is empty; a CVR number has 8 digits", "length")),
        (
            "13585627",
            (
                "'13585627' fails the CVR check digit (modulus 11); check for a mistyped digit",
                "checksum",
            ),
        ),
        ("03585628", ("'03585628' starts with 0; no CVR number starts with 0", "format")),
    ],
)
def test_cvr_problem_messages(value: str, expected: tuple[str, str]) -> None:
    assert cvr_problem(value) == expected


@pytest.mark.parametrize(
    ("value", "stray"),
    [("DK13585628", "D"), ("13585628 ", " "), ("1358-5628", "-"), ("1358562\uff18", "\uff18")],
)
def test_cvr_problem_rejects_anything_but_compact_digits(value: str, stray: str) -> None:
    problem = cvr_problem(value)
    assert problem is not None
    message, code = problem
    assert code == "format"
    assert f"contains {stray!r}" in message
    assert "no spaces, separators or 'DK' prefix" in message


@pytest.mark.parametrize("value", [13748136, None, b"13748136", 13748136.0, True])
def test_cvr_problem_reports_a_value_that_is_not_a_string(value: object) -> None:
    problem = cvr_problem(value)
    assert problem is not None
    message, code = problem
    assert code == "type"
    assert f"got {type(value).__name__}" in message
    assert "string of 8 digits" in message


def test_cvr_problem_shortens_a_long_value() -> None:
    problem = cvr_problem("1" * 1000)
    assert problem is not None
    assert problem[1] == "length"
    assert "1000 digits" in problem[0]
    assert len(problem[0]) < 120


# --- CVR: validate_cvr errors -----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "error_class", "code", "fragment"),
    [
        ("DK 1358562", InvalidLength, "length", "'DK 1358562' (read as '1358562') has 7 digits"),
        ("1358562x", InvalidFormat, "format", "contains 'X'"),
        ("03585628", InvalidFormat, "format", "starts with 0"),
        ("DK 13585627", InvalidChecksum, "checksum", "fails the CVR check digit"),
        ("   ", InvalidLength, "length", "is empty"),
        (13748136, InvalidFormat, "type", "got int 13748136"),
        (None, InvalidFormat, "type", "got NoneType None"),
        (b"13748136", InvalidFormat, "type", "got bytes"),
    ],
)
def test_validate_cvr_raises_our_errors_with_precise_messages(
    value: Any, error_class: type[ValidationError], code: str, fragment: str
) -> None:
    error = raised(validate_cvr, value)
    assert type(error) is error_class
    assert error.problems[0].code == code
    assert fragment in error.problems[0].message
    assert not is_valid_cvr(value)


# --- CVR: properties -------------------------------------------------------------------


@given(valid_cvrs())
def test_every_valid_cvr_passes(number: str) -> None:
    assert cvr_problem(number) is None
    assert validate_cvr(number) == number
    assert validate_cvr(f"DK {number[:2]} {number[2:4]} {number[4:6]} {number[6:]}") == number
    assert is_valid_cvr(number)


@given(valid_cvrs(), st.integers(min_value=0, max_value=7), st.integers(min_value=1, max_value=9))
def test_every_one_digit_change_of_a_valid_cvr_fails(number: str, position: int, step: int) -> None:
    changed_digit = str((int(number[position]) + step) % 10)
    changed = number[:position] + changed_digit + number[position + 1 :]
    problem = cvr_problem(changed)
    assert problem is not None
    # A changed first digit may become 0, which is a format error; anything else fails the check.
    assert problem[1] == ("format" if changed.startswith("0") else "checksum")
    assert not is_valid_cvr(changed)


@given(st.text(max_size=20))
def test_cvr_problem_agrees_with_stdnum_on_compact_values(value: str) -> None:
    compact = len(value) == 8 and all(char in "0123456789" for char in value)
    assert (cvr_problem(value) is None) == (compact and stdnum_cvr.is_valid(value))


@given(st.one_of(ANY_VALUE, st.from_regex(r"(DK)?[0-9 ]{6,12}", fullmatch=True)))
def test_validate_cvr_returns_8_digits_or_raises_one_of_ours(value: Any) -> None:
    result = outcome(validate_cvr, value)
    if isinstance(result, ValidationError):
        assert isinstance(result, FrivilligError)
        assert isinstance(result, ValueError)
        assert [p.code for p in result.problems] in [[code] for code in CVR_CODES]
        assert not is_valid_cvr(value)
    else:
        assert isinstance(result, str)
        assert len(result) == 8
        assert result.isdigit()
        assert is_valid_cvr(value)


# --- municipality codes: municipality_code_problem --------------------------------------


def test_every_one_of_the_98_codes_is_valid() -> None:
    assert len(CODES) == 98
    for code in CODES:
        assert municipality_code_problem(code) is None
        assert validate_municipality_code(code) == code
        assert validate_municipality_code(f"{code:03d}") == code
        assert validate_municipality_code(f"{code:04d}") == code
        assert is_valid_municipality_code(code)


def test_christiansoe_is_rejected_with_a_clear_message() -> None:
    problem = municipality_code_problem(411)
    assert problem is not None
    message, code = problem
    assert code == "unknown"
    assert message.startswith("411 is Christiansø")
    assert "not one of the 98 municipalities" in message
    assert not is_valid_municipality_code(411)
    assert not is_valid_municipality_code("0411")


@pytest.mark.parametrize("value", [100, 102, 999])
def test_an_unknown_code_points_to_the_list(value: int) -> None:
    assert municipality_code_problem(value) == (
        f"{value} is not one of the 98 municipality codes; frivillig.municipalities() lists them",
        "unknown",
    )


@pytest.mark.parametrize("value", [0, -101, 99, 1000, 10101])
def test_a_code_without_3_digits_is_out_of_range(value: int) -> None:
    problem = municipality_code_problem(value)
    assert problem == (
        f"{value} is not a 3-digit number; municipality codes run from 101 to 860",
        "range",
    )


def test_a_region_code_is_named_as_one() -> None:
    problem = municipality_code_problem(1084)
    assert problem is not None
    assert problem[1] == "range"
    assert "1084 is the region code of Region Hovedstaden" in problem[0]


@pytest.mark.parametrize("value", [True, False, "101", "0101", 101.0, None])
def test_municipality_code_problem_wants_an_int(value: object) -> None:
    problem = municipality_code_problem(value)
    assert problem is not None
    message, code = problem
    assert code == "type"
    assert f"got {type(value).__name__}" in message
    assert ("validate_municipality_code()" in message) == isinstance(value, str)


# --- municipality codes: validate_municipality_code -------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"), [(101, 101), ("101", 101), ("0101", 101), (" 860\n", 860)]
)
def test_validate_municipality_code_reads_ints_and_strings(value: int | str, expected: int) -> None:
    assert validate_municipality_code(value) == expected


@pytest.mark.parametrize(
    ("value", "error_class", "code", "fragment"),
    [
        (411, InvalidComponent, "unknown", "Christiansø"),
        ("0411", InvalidComponent, "unknown", "'0411' is Christiansø"),
        ("999", InvalidComponent, "unknown", "'999' is not one of the 98 municipality codes"),
        ("1084", InvalidFormat, "range", "region code of Region Hovedstaden"),
        ("050", InvalidFormat, "range", "'050' is not a 3-digit number"),
        ("10", InvalidFormat, "format", "expected 3 digits or 4 zero-padded digits"),
        ("00101", InvalidFormat, "format", "'00101' is not a municipality code"),
        ("1O1", InvalidFormat, "format", "'1O1' is not a municipality code"),
        ("", InvalidFormat, "format", "'' is not a municipality code"),
        ("\u0661\u0660\u0661", InvalidFormat, "format", "is not a municipality code"),
        (True, InvalidFormat, "type", "got bool True"),
        (101.0, InvalidFormat, "type", "got float 101.0"),
        (None, InvalidFormat, "type", "got NoneType None"),
    ],
)
def test_validate_municipality_code_raises_our_errors_with_precise_messages(
    value: Any, error_class: type[ValidationError], code: str, fragment: str
) -> None:
    error = raised(validate_municipality_code, value)
    assert type(error) is error_class
    assert error.problems[0].code == code
    assert fragment in error.problems[0].message
    assert not is_valid_municipality_code(value)


@given(st.integers())
def test_an_int_is_valid_exactly_when_it_is_one_of_the_98(value: int) -> None:
    assert is_valid_municipality_code(value) == (value in CODES)
    assert (municipality_code_problem(value) is None) == (value in CODES)


@given(st.one_of(ANY_VALUE, st.from_regex(r"\s*[0-9]{1,5}\s*", fullmatch=True)))
def test_validate_municipality_code_returns_a_known_code_or_raises_one_of_ours(value: Any) -> None:
    result = outcome(validate_municipality_code, value)
    if isinstance(result, ValidationError):
        assert isinstance(result, FrivilligError)
        assert isinstance(result, ValueError)
        (problem,) = result.problems
        assert problem.code in MUNICIPALITY_CODES
        assert type(result) is (InvalidComponent if problem.code == "unknown" else InvalidFormat)
        assert not is_valid_municipality_code(value)
    else:
        assert result in CODES
        assert is_valid_municipality_code(value)


# --- the module -------------------------------------------------------------------------


def test_module_doctests_pass() -> None:
    results = doctest.testmod(identifiers)
    assert results.attempted >= 10
    assert results.failed == 0


def test_all_lists_the_public_names() -> None:
    assert sorted(identifiers.__all__) == [
        "cvr_problem",
        "is_valid_cvr",
        "is_valid_municipality_code",
        "municipality_code_problem",
        "validate_cvr",
        "validate_municipality_code",
    ]
    for name in identifiers.__all__:
        assert callable(getattr(identifiers, name))
