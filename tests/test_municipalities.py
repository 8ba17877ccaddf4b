"""Tests for the municipality and region table (frivillig._reference.municipalities)."""

import collections
import datetime
import doctest
import importlib.resources
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from frivillig._reference import municipalities as _municipalities
from frivillig._reference.municipalities import (
    MunicipalityInfo,
    Region,
    RegionMembership,
    get_municipality,
    municipalities,
    regions,
)
from frivillig.errors import (
    FrivilligError,
    InvalidComponent,
    InvalidFormat,
    Problem,
    ValidationError,
)

BEFORE_MERGER = datetime.date(2026, 12, 31)
MERGER = datetime.date(2027, 1, 1)
EXPECTED_COUNTS = {
    "Region Hovedstaden": 29,
    "Region Midtjylland": 19,
    "Region Nordjylland": 11,
    "Region Sjælland": 17,
    "Region Syddanmark": 22,
}


def raised(function: Any, *args: Any, **kwargs: Any) -> ValidationError:
    """Call ``function`` and return the error it raises, which must be one of ours."""
    with pytest.raises(FrivilligError) as info:
        function(*args, **kwargs)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, ValidationError)
    return info.value


def raw_table() -> dict[str, Any]:
    resource = importlib.resources.files("frivillig") / "data" / "municipalities.json"
    data: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return data


# --- the 98 municipalities ---------------------------------------------------------------


def test_there_are_98_municipalities_with_unique_codes_and_names() -> None:
    table = municipalities()
    assert len(table) == 98
    assert len({m.code for m in table}) == 98
    assert len({m.name for m in table}) == 98
    assert [m.code for m in table] == sorted(m.code for m in table)
    assert all(isinstance(m, MunicipalityInfo) for m in table)


def test_christiansoe_is_not_among_the_98() -> None:
    assert 411 not in {m.code for m in municipalities()}
    assert "Christiansø" not in {m.name for m in municipalities()}


def test_kobenhavn_has_code_101_and_dar_code_0101() -> None:
    copenhagen = municipalities()[0]
    assert copenhagen.name == "København"
    assert copenhagen.code == 101
    assert copenhagen.dar_code == "0101"


def test_dar_codes_are_four_zero_padded_digits() -> None:
    for municipality in municipalities():
        assert len(municipality.dar_code) == 4
        assert int(municipality.dar_code) == municipality.code


@pytest.mark.parametrize(
    ("on", "expected"),
    [(BEFORE_MERGER, EXPECTED_COUNTS), (datetime.date(2007, 1, 1), EXPECTED_COUNTS)],
)
def test_counts_per_region_before_2027(on: datetime.date, expected: dict[str, int]) -> None:
    counts = collections.Counter(m.region(on).name_da for m in municipalities())
    assert counts == expected


def test_from_2027_oestdanmark_has_46_and_there_are_4_regions() -> None:
    counts = collections.Counter(m.region(MERGER).name_da for m in municipalities())
    assert counts == {
        "Region Østdanmark": 46,
        "Region Midtjylland": 19,
        "Region Nordjylland": 11,
        "Region Syddanmark": 22,
    }
    assert len(regions(MERGER)) == 4


@pytest.mark.parametrize(
    ("code", "name", "region_2026", "region_2027"),
    [
        (101, "København", 1084, None),
        (217, "Helsingør", 1084, None),
        (253, "Greve", 1085, None),
        (400, "Bornholm", 1084, None),
        (461, "Odense", 1083, 1083),
        (615, "Horsens", 1082, 1082),
        (751, "Aarhus", 1082, 1082),
        (773, "Morsø", 1081, 1081),
        (820, "Vesthimmerlands", 1081, 1081),
        (860, "Hjørring", 1081, 1081),
    ],
)
def test_rows_carried_over_from_the_table(
    code: int, name: str, region_2026: int, region_2027: int | None
) -> None:
    municipality = get_municipality(code)
    assert municipality.name == name
    assert municipality.region(BEFORE_MERGER).code == region_2026
    assert municipality.region(MERGER).code == region_2027


def test_membership_changes_exactly_at_the_merger() -> None:
    koege = get_municipality(259)
    assert koege.region(BEFORE_MERGER).label("da") == "Region Sjælland"
    assert koege.region(MERGER).label("da") == "Region Østdanmark"
    aarhus = get_municipality(751)
    assert aarhus.region(BEFORE_MERGER) == aarhus.region(MERGER)


@given(st.dates(min_value=datetime.date(2007, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_exactly_one_membership_covers_every_day(day: datetime.date) -> None:
    for municipality in municipalities():
        covering = [m for m in municipality.memberships if m.covers(day)]
        assert len(covering) == 1
        assert covering[0].region in regions(day)


def test_region_accepts_a_datetime_as_its_date() -> None:
    moment = datetime.datetime(2027, 1, 1, 0, 30, tzinfo=datetime.UTC)
    assert get_municipality(101).region(moment).name_da == "Region Østdanmark"


@pytest.mark.parametrize("on", ["2027-01-01", None, 20270101])
def test_region_rejects_a_day_that_is_not_a_date(on: object) -> None:
    error = raised(get_municipality(101).region, on)
    assert type(error) is InvalidFormat
    assert error.problems[0].code == "type"
    assert "datetime.date" in error.problems[0].message


def test_region_raises_invalid_component_when_no_membership_covers_the_day() -> None:
    region = Region(code=1081, name_da="Region Nordjylland", name_en="North Denmark Region")
    municipality = MunicipalityInfo(
        code=851,
        name="Aalborg",
        memberships=(RegionMembership(region=region, valid_from=datetime.date(2007, 1, 1)),),
    )
    error = raised(municipality.region, datetime.date(2006, 12, 31))
    assert type(error) is InvalidComponent
    (problem,) = error.problems
    assert problem.path == "$"
    assert "Aalborg (0851)" in problem.message
    assert "2006-12-31" in problem.message


# --- get_municipality ------------------------------------------------------------------


@pytest.mark.parametrize("code", [101, "101", "0101", " 0101 "])
def test_get_municipality_accepts_int_and_padded_strings(code: int | str) -> None:
    assert get_municipality(code) is municipalities()[0]


@pytest.mark.parametrize("code", [411, "411", "0411"])
def test_get_municipality_rejects_christiansoe_with_a_clear_message(code: int | str) -> None:
    error = raised(get_municipality, code)
    assert type(error) is InvalidComponent
    (problem,) = error.problems
    assert problem.code == "unknown"
    assert "Christiansø" in problem.message
    assert "not one of the 98 municipalities" in problem.message


@pytest.mark.parametrize(
    ("code", "error_class", "kind"),
    [
        (999, InvalidComponent, "unknown"),
        ("102", InvalidComponent, "unknown"),
        ("1O1", InvalidFormat, "format"),
        ("", InvalidFormat, "format"),
        (1084, InvalidFormat, "range"),
        (True, InvalidFormat, "type"),
        (101.0, InvalidFormat, "type"),
    ],
)
def test_get_municipality_raises_our_errors(
    code: Any, error_class: type[ValidationError], kind: str
) -> None:
    error = raised(get_municipality, code)
    assert type(error) is error_class
    assert [p.code for p in error.problems] == [kind]


# --- regions ----------------------------------------------------------------------------


def test_five_regions_before_2027() -> None:
    found = regions(BEFORE_MERGER)
    assert [r.code for r in found] == [1081, 1082, 1083, 1084, 1085]
    assert [r.label("en") for r in found] == [
        "North Denmark Region",
        "Central Denmark Region",
        "Region of Southern Denmark",
        "Capital Region of Denmark",
        "Region Zealand",
    ]
    assert [r.label("da") for r in found] == [
        "Region Nordjylland",
        "Region Midtjylland",
        "Region Syddanmark",
        "Region Hovedstaden",
        "Region Sjælland",
    ]


def test_four_regions_from_2027_with_oestdanmark_of_unknown_code() -> None:
    found = regions(MERGER)
    assert [r.code for r in found] == [1081, 1082, 1083, None]
    oestdanmark = found[-1]
    assert oestdanmark.label() == "Region of Eastern Denmark"
    assert oestdanmark.label("da") == "Region Østdanmark"
    assert oestdanmark.valid_from == MERGER
    assert oestdanmark.valid_to is None


def test_merged_regions_end_on_the_last_day_of_2026() -> None:
    ending = [r for r in regions(BEFORE_MERGER) if r.valid_to is not None]
    assert [(r.code, r.valid_to) for r in ending] == [(1084, BEFORE_MERGER), (1085, BEFORE_MERGER)]


def test_regions_rejects_a_string_day() -> None:
    error = raised(regions, "2027-01-01")
    assert type(error) is InvalidFormat


def test_a_period_that_ends_before_it_starts_is_rejected() -> None:
    error = raised(
        Region,
        code=None,
        name_da="Region X",
        name_en="Region X",
        valid_from=datetime.date(2027, 1, 1),
        valid_to=datetime.date(2026, 1, 1),
    )
    assert error.problems == (
        Problem(path="$.valid_to", message=error.problems[0].message, code="order"),
    )
    assert "2026-01-01 is before valid_from 2027-01-01" in error.problems[0].message


def test_classes_are_frozen() -> None:
    copenhagen = get_municipality(101)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        copenhagen.name = "Kjøbenhavn"  # type: ignore[misc]


# --- the packaged data file -------------------------------------------------------------


def test_data_file_names_its_sources_and_verification_date() -> None:
    source = raw_table()["source"]
    text = json.dumps(source, ensure_ascii=False)
    for name in ("DAR/DAWA", "Danmarks Statistik", "HL7", "Christiansø"):
        assert name in text
    datetime.date.fromisoformat(source["verified"])


def test_data_file_marks_oestdanmark_code_as_unknown_and_unverified() -> None:
    (oestdanmark,) = [r for r in raw_table()["regions"] if r["valid_from"] == "2027-01-01"]
    assert oestdanmark["code"] is None
    assert "unverified" in oestdanmark["note"]


def test_data_file_has_no_christiansoe_row() -> None:
    assert 411 not in {m["code"] for m in raw_table()["municipalities"]}


def test_table_is_read_once_and_cached() -> None:
    assert _municipalities._table() is _municipalities._table()
    assert municipalities() == municipalities()


def test_importing_frivillig_does_not_read_the_table() -> None:
    package_parent = Path(_municipalities.__file__).resolve().parents[2]
    script = (
        "import frivillig, frivillig.identifiers, frivillig._reference.municipalities as m\n"
        "print(m._table.cache_info().currsize)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    # The command is fixed: this interpreter running the script above.
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == "0"


def test_module_doctests_pass() -> None:
    results = doctest.testmod(_municipalities)
    assert results.attempted >= 8
    assert results.failed == 0


def test_all_lists_the_public_names() -> None:
    assert sorted(_municipalities.__all__) == [
        "MunicipalityInfo",
        "Region",
        "RegionMembership",
        "get_municipality",
        "municipalities",
        "regions",
    ]
    for name in _municipalities.__all__:
        assert hasattr(_municipalities, name)
