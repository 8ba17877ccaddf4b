"""What the JSON reader says about a bad document, and that its two readers agree.

The loader's problems name where each problem is without repeating anything
personal: inside a volunteer no key is repeated (only the model's own field
names), and nowhere a number shaped like a CPR number, however it is written.
A duplicated key is reported where it is. The fast reader (msgspec) and the
detailed one accept and refuse the same documents under any
[`LoadLimits`][frivillig.LoadLimits], and many different limits do not make
the loader build its fast reader over and over.
"""

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import LoadLimits, serialization
from frivillig import strategies as fs
from frivillig._jsonform import fast_reader
from frivillig.errors import Problem, ValidationError

EXAMPLE: dict[str, Any] = frivillig.to_dict(frivillig.load_example())
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PERSONAL_TEXT = ("Anna", "anna", "Jensen", "jensen", "40404040")
CPR_PARTS = ("211062", "5629")


def _problems(text: str | bytes, cls: Any = None, limits: LoadLimits | None = None) -> Any:
    with pytest.raises(ValidationError) as caught:
        frivillig.loads(text, cls, limits=limits)
    return caught.value.problems


def _with_member(document: dict[str, Any], path: tuple[str | int, ...], member: str) -> str:
    """The document as JSON text with ``member`` (raw JSON) added to the object at ``path``."""
    document = copy.deepcopy(document)
    node: Any = document
    for segment in path:
        node = node[segment]
    node["\x00here"] = 0
    return json.dumps(document, ensure_ascii=False).replace('"\\u0000here": 0', member, 1)


def _assert_nothing_personal(problems: Any) -> None:
    assert problems
    for problem in problems:
        for text in (problem.path, problem.message, str(problem), repr(problem)):
            for part in (*PERSONAL_TEXT, *CPR_PARTS):
                assert part not in text, (part, problem)


# -- item 7: keys inside personal objects, duplicates where they are -----------------------


def _volunteer_document(**members: Any) -> dict[str, Any]:
    document = copy.deepcopy(EXAMPLE)
    document["volunteers"][0].update(members)
    return document


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # an unknown key written like a field name, and one written like a note
        (json.dumps(_volunteer_document(anna_jensen_40404040=1)), "unknown_field"),
        (json.dumps(_volunteer_document(**{"Anna Jensen tlf 40404040": 1})), "unknown_field"),
        # a key whose value breaks a load limit
        (json.dumps(_volunteer_document(**{"Anna Jensen tlf 40404040": "x" * 10_001})), "length"),
        (json.dumps(_volunteer_document(**{"Anna Jensen": "\ud800"})), "encoding"),
        # (an integer too long is found while parsing, and reported at the root)
        (json.dumps(_volunteer_document(**{"Anna Jensen": 10**150})), "range"),
        (json.dumps(_volunteer_document(**{"Anna Jensen": [[[[[[1]]]]]]})), "depth"),
        # a key twice, in the volunteer and in its map of motives
        (
            _with_member(EXAMPLE, ("volunteers", 0), '"Anna Jensen": 1, "Anna Jensen": 2'),
            "duplicate_key",
        ),
        (
            _with_member(
                EXAMPLE, ("volunteers", 0, "motives"), '"Anna Jensen": 1, "Anna Jensen": 2'
            ),
            "duplicate_key",
        ),
        # an unknown key in an object inside a volunteer
        (
            json.dumps(
                _volunteer_document(
                    child_certificate={
                        "checked_on": "2026-01-05",
                        "checked_by": "kommune",
                        "clear": True,
                        "Anna Jensen": 1,
                    }
                )
            ),
            "unknown_field",
        ),
        # a key with a CPR-shaped number under it
        (json.dumps(_volunteer_document(**{"211062-5629": 1})), "unknown_field"),
    ],
)
def test_no_key_inside_a_volunteer_is_repeated(text: str, code: str) -> None:
    limits = LoadLimits(max_depth=8) if "[[[[[[" in text else None
    problems = _problems(text, limits=limits)
    _assert_nothing_personal(problems)
    for problem in problems:
        assert problem.path.startswith("$.volunteers[0]") or code == "range", problem
    assert code in {problem.code for problem in problems}


def test_a_hidden_key_still_says_which_object_holds_it_and_what_is_wrong() -> None:
    text = _with_member(EXAMPLE, ("volunteers", 1), '"Anna Jensen": 1, "Anna Jensen": 2')
    assert [(p.path, p.code) for p in _problems(text)] == [
        ("$.volunteers[1][<key hidden>]", "duplicate_key")
    ]
    document = _volunteer_document(anna_jensen_40404040=1)
    problems = _problems(json.dumps(document))
    assert [(p.path, p.code) for p in problems] == [
        ("$.volunteers[0][<key hidden>]", "unknown_field")
    ]
    assert "is not a field of volunteer" in problems[0].message


def test_a_misspelt_field_of_a_volunteer_is_named_by_the_field_it_resembles() -> None:
    problems = _problems(json.dumps(_volunteer_document(birthyear=1931)))
    assert [(p.path, p.code) for p in problems] == [
        ("$.volunteers[0][<key hidden>]", "unknown_field")
    ]
    assert "'birth_year'" in problems[0].message
    assert "birthyear" not in problems[0].message


def test_the_fields_of_a_volunteer_are_still_named() -> None:
    text = _with_member(EXAMPLE, ("volunteers", 0), '"birth_year": 1931')
    assert [(p.path, p.code) for p in _problems(text)] == [
        ("$.volunteers[0].birth_year", "duplicate_key")
    ]
    document = _volunteer_document(authorisations=["x" * 10_001])
    assert [p.path for p in _problems(json.dumps(document))] == [
        "$.volunteers[0].authorisations[0]"
    ]


@pytest.mark.parametrize(
    ("path", "key", "where"),
    [
        ((), "title", "$.title"),
        (("goals", 0), "text", "$.goals[0].text"),
        (("goals", 0, "wishes", 1), "party", "$.goals[0].wishes[1].party"),
        (("participants", 2, "actor"), "kind", "$.participants[2].actor.kind"),
        (("goals", 0), "Mål: flere besøg", "$.goals[0]['Mål: flere besøg']"),
    ],
)
def test_a_duplicate_key_is_reported_where_it_is(
    path: tuple[str | int, ...], key: str, where: str
) -> None:
    text = _with_member(EXAMPLE, path, f'"{key}": "first", "{key}": "second"')
    assert [(p.path, p.code) for p in _problems(text)] == [(where, "duplicate_key")]
    assert [(p.path, p.code) for p in _problems(text.encode())] == [(where, "duplicate_key")]


def test_every_duplicate_key_is_reported_in_document_order() -> None:
    portfolio = frivillig.to_dict(frivillig.generate_portfolio(2, 7, shape="benchmark"))
    text = _with_member(portfolio, ("collaborations", 1, "goals", 0), '"text": "a", "text": "b"')
    version = f'"schema_version": {frivillig.SCHEMA_VERSION}'
    text = text.replace(version, f"{version}, {version}", 1)
    assert [(p.path, p.code) for p in _problems(text)] == [
        ("$.schema_version", "duplicate_key"),
        ("$.collaborations[1].goals[0].text", "duplicate_key"),
    ]


def test_duplicate_keys_stop_at_max_problems() -> None:
    members = ", ".join(f'"k{i}": 1, "k{i}": 2' for i in range(20))
    text = _with_member(EXAMPLE, (), members)
    problems = _problems(text, limits=LoadLimits(max_problems=5))
    assert [p.code for p in problems] == ["duplicate_key"] * 5 + ["limit"]


@pytest.mark.parametrize(
    "cpr", ["211062-5629", "2110625629", "211062 5629", "211062\u00a05629", "211062\u20115629"]
)
def test_no_cpr_shaped_number_is_repeated_however_it_is_written(cpr: str) -> None:
    for document in (
        {**EXAMPLE, "status": cpr},  # a value the loader shows
        {**EXAMPLE, "status": "x" * 52 + cpr},  # one it shortens
        {**EXAMPLE, cpr: 1},  # an unknown key
        _volunteer_document(**{cpr: 1}),  # one inside a volunteer
    ):
        text = json.dumps(document, ensure_ascii=False)
        for problems in (_problems(text), _problems(text.encode())):
            for problem in problems:
                for part in CPR_PARTS:
                    assert part not in str(problem), problem
                    assert part not in repr(problem), problem
    for member in (f'"{cpr}": 1, "{cpr}": 2', f'"{cpr}": "{"x" * 10_001}"'):
        for path in ((), ("goals", 0), ("volunteers", 0)):
            problems = _problems(_with_member(EXAMPLE, path, member))
            for problem in problems:
                for part in CPR_PARTS:
                    assert part not in str(problem), problem
                    assert part not in repr(problem), problem


def test_a_cpr_shaped_key_in_a_map_of_ids_is_not_repeated() -> None:
    document = copy.deepcopy(EXAMPLE)
    document["rounds"][0]["responses"][0]["goal_progress"] = {"211062\u00a05629": 1.0}
    for problem in _problems(json.dumps(document, ensure_ascii=False)):
        for part in CPR_PARTS:
            assert part not in str(problem), problem


# -- item 9: both readers agree under any limits ---------------------------------------------


def _detailed(text: str | bytes, cls: Any, limits: LoadLimits) -> Any:
    """What the detailed reader alone gives: the object, or the problems it raises."""
    try:
        return serialization.from_dict(serialization._parse(text, limits), cls, limits=limits)
    except ValidationError as error:
        return error.problems


def _agree(text: str | bytes, limits: LoadLimits, cls: Any = None) -> Any:
    """Assert that the fast reader gives up or gives what the detailed one gives."""
    fast = serialization._fast_loads(text, cls, limits)
    detailed = _detailed(text, cls, limits)
    if fast is not serialization._FALLBACK:
        assert not isinstance(detailed, tuple), (limits, detailed)  # the detailed one refused
        assert fast == detailed
        assert repr(fast) == repr(detailed)
    try:
        loaded: Any = frivillig.loads(text, cls, limits=limits)
    except ValidationError as error:
        loaded = error.problems
    assert loaded == detailed
    return fast


def _extent(value: Any) -> dict[str, int]:
    """The most each limit bounds in a JSON value, counted as the detailed reader counts it.

    Also ``values``: the longest string that is not a key.
    """
    extent = dict.fromkeys(
        ("max_depth", "max_items", "max_string_length", "max_integer_digits", "values"), 1
    )
    stack = [(value, 0, False)]
    while stack:
        item, level, key = stack.pop()
        if isinstance(item, str):
            extent["max_string_length"] = max(extent["max_string_length"], len(item))
            if not key:
                extent["values"] = max(extent["values"], len(item))
        elif isinstance(item, bool) or item is None or isinstance(item, float):
            continue
        elif isinstance(item, int):
            extent["max_integer_digits"] = max(extent["max_integer_digits"], len(str(abs(item))))
        else:
            extent["max_depth"] = max(extent["max_depth"], level + 1)
            extent["max_items"] = max(extent["max_items"], len(item))
            children = list(item.items()) if isinstance(item, dict) else list(enumerate(item))
            for name, child in children:
                if isinstance(name, str):
                    stack.append((name, level + 1, True))
                stack.append((child, level + 1, False))
    return extent


@st.composite
def _limits_near(draw: st.DrawFn, text: str) -> LoadLimits:
    """Limits just enough (or the defaults) for the document, except one or two just too tight.

    A string limit drawn too tight is often between the longest value and the longest
    string (a key, say), where only the names the model itself has are too long.
    """
    try:
        extent = _extent(json.loads(text))
    except ValueError:
        extent = _extent(None)
    values = extent.pop("values")
    extent["max_bytes"] = len(text)
    extent["max_problems"] = 1
    names = st.sampled_from(sorted(extent))
    tight = draw(st.sets(names, min_size=1, max_size=2) | st.just(set()))
    default = LoadLimits()
    chosen = {}
    for name, needed in extent.items():
        if name in tight:
            under = max(1, needed - 1)
            options = st.integers(max(1, needed - 2), under)
            if name == "max_string_length":
                options |= st.integers(min(values, under), under)
        else:
            options = st.just(max(needed, getattr(default, name)))
            if name not in ("max_depth", "max_items"):  # the fast reader wants room for more
                options |= st.integers(needed, needed + 2)
        chosen[name] = min(draw(options), 4300) if name == "max_integer_digits" else draw(options)
    return LoadLimits(**chosen)


@st.composite
def _spoiled(draw: st.DrawFn, document: Any) -> str:
    """A valid document with one value replaced, a key repeated, or a member added."""
    data = frivillig.to_dict(document)
    node: Any = data
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, dict | list) and child and draw(st.booleans()):
            node = child
            continue
        if draw(st.booleans()):
            node[key] = draw(
                st.none()
                | st.booleans()
                | st.integers()
                | st.floats(allow_nan=False, allow_infinity=False)
                | st.text(max_size=40)
            )
        elif isinstance(node, dict):
            node[draw(st.sampled_from(["x", f"{key}_", "a:b"]))] = copy.deepcopy(child)
        break
    return json.dumps(data, ensure_ascii=False)


documents = fs.collaborations() | fs.portfolios() | fs.volunteer_policies() | fs.instruments()
texts = (
    documents.map(frivillig.dumps)
    | documents.flatmap(_spoiled)
    | fs.defective_documents().map(lambda defective: defective.text)
)


POLICY = frivillig.VolunteerPolicy(
    municipality_code=101,
    title="Politik",
    adopted_on=frivillig.load_example().start_on,
    process=frivillig.PolicyProcess.CO_DESIGNED,
)


@st.composite
def _with_limits(draw: st.DrawFn) -> tuple[str, LoadLimits]:
    text = draw(texts)
    return text, draw(_limits_near(text) | fs.load_limits())


@FAST
@example(case=(frivillig.dumps(POLICY), LoadLimits(max_integer_digits=2)))
@example(case=(frivillig.dumps(POLICY), LoadLimits(max_string_length=13)))
@given(case=_with_limits())
def test_both_readers_agree_under_any_limits(case: tuple[str, LoadLimits]) -> None:
    text, limits = case
    _agree(text, limits)
    _agree(text.encode("utf-8", "surrogatepass"), limits)


@pytest.mark.parametrize(
    "limits",
    [
        LoadLimits(max_integer_digits=2),  # municipality_code 101
        LoadLimits(max_string_length=13),  # the key "schema_version"
        LoadLimits(max_string_length=15),  # the type "volunteer_policy"
        LoadLimits(max_string_length=9),  # a date
    ],
)
def test_the_fast_reader_refuses_what_the_limits_refuse(limits: LoadLimits) -> None:
    text = frivillig.dumps(POLICY)
    assert frivillig.loads(text) == POLICY
    assert _agree(text, limits) is serialization._FALLBACK
    with pytest.raises(ValidationError):
        frivillig.loads(text, limits=limits)


# -- item 9: one reader for many limits ---------------------------------------------------


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Every fast reader the loader builds from now on, with an empty cache of readers."""
    made: list[tuple[Any, ...]] = []
    original = serialization._Reader

    class Counted(original):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any) -> None:
            made.append(args)
            super().__init__(*args)

    monkeypatch.setattr(fast_reader, "_Reader", Counted)
    monkeypatch.setattr(fast_reader, "_READERS", type(fast_reader._READERS)())
    return made


def test_many_different_limits_share_one_reader(builds: list[tuple[Any, ...]]) -> None:
    example = frivillig.load_example()
    text = frivillig.dumps(example)
    for _ in range(2):
        for n in range(40):
            limits = LoadLimits(
                max_bytes=len(text) + n,
                max_depth=32 + n,
                max_items=1_000 + 997 * n,
                max_string_length=10_000 + 13 * n,
                max_integer_digits=100 + n,
                max_problems=1 + n,
            )
            assert serialization._fast_loads(text, None, limits) == example
            assert frivillig.loads(text, limits=limits) == example
    assert len(builds) == 1


def test_a_large_document_under_many_limits_does_not_rebuild_readers(
    builds: list[tuple[Any, ...]],
) -> None:
    portfolio = frivillig.generate_portfolio(3, 40, shape="benchmark")
    text = frivillig.dumps(portfolio)
    for _ in range(3):
        for n in range(20):
            limits = LoadLimits(max_items=len(text) + n, max_string_length=6_000 + n)
            assert serialization._fast_loads(text, None, limits) == portfolio
    assert len(builds) == 1


def test_limits_that_change_the_reader_are_kept_within_the_cache(
    builds: list[tuple[Any, ...]],
) -> None:
    text = frivillig.dumps(frivillig.generate_portfolio(3, 40, shape="benchmark"))
    tight = [LoadLimits(max_items=200 + 10 * n) for n in range(30)]  # 30 different readers
    for limits in tight:
        frivillig.loads(text, limits=limits)
    assert len(builds) == len(tight)
    cache = fast_reader._READERS
    assert 1 < len(cache) < len(tight)
    assert len(cache) * serialization._READER_BYTES <= serialization._READER_CACHE_BYTES
    for limits in tight[-len(cache) :]:  # the most recently used are kept
        frivillig.loads(text, limits=limits)
    assert len(builds) == len(tight)


def test_the_byte_bound_of_the_reader_cache_holds() -> None:
    import tracemalloc

    import msgspec

    serialization._reader(LoadLimits())  # data files and modules read once, outside the count
    example = frivillig.dumps(frivillig.load_example())
    portfolio = frivillig.dumps(frivillig.generate_portfolio(2, 3, shape="benchmark"))
    started = not tracemalloc.is_tracing()
    if started:
        tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        reader = serialization._Reader(msgspec, 1234, 5678, 12)
        serialization._read(reader, example, None)  # with every builder a load makes
        serialization._read(reader, portfolio, None)
        size = tracemalloc.get_traced_memory()[0] - before
    finally:
        if started:
            tracemalloc.stop()
    assert size <= serialization._READER_BYTES


# -- item 10: dates in other digits ------------------------------------------------------------


@pytest.mark.parametrize(
    "date",
    [
        "\u0662\u0660\u0662\u0666-\u0660\u0662-\u0661\u0666",  # Arabic-Indic digits
        "\uff12\uff10\uff12\uff16-\uff10\uff12-\uff11\uff16",  # full-width digits
        "\u0968\u0966\u0968\u096c-\u0966\u0968-\u0967\u096c",  # Devanagari digits
        "2026-0\u0662-16",
    ],
)
def test_a_date_in_other_digits_is_not_in_the_form_yyyy_mm_dd(date: str) -> None:
    text = json.dumps({**EXAMPLE, "start_on": date}, ensure_ascii=False)
    problems = _problems(text)
    assert [(p.path, p.code) for p in problems] == [("$.start_on", "format")]
    assert "is not a date in the form 'YYYY-MM-DD'" in problems[0].message
    assert _agree(text, LoadLimits()) is serialization._FALLBACK


@settings(max_examples=200, deadline=None)
@given(date=st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z"))
def test_dates_in_any_digits_are_read_alike(date: str) -> None:
    text = json.dumps({**EXAMPLE, "start_on": date, "end_on": None}, ensure_ascii=False)
    fast = _agree(text, LoadLimits())
    problems = _detailed(text, None, LoadLimits())
    if not date.isascii():
        assert fast is serialization._FALLBACK
        assert isinstance(problems, tuple)
        assert all(isinstance(p, Problem) for p in problems)
        assert "not a date in the form 'YYYY-MM-DD'" in problems[0].message
