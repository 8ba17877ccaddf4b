"""Hostile and broken input: whatever comes in, the loader raises only its own error, quickly.

The loader reads JSON from other systems and from people. These tests feed it
arbitrary bytes, arbitrary JSON values, the example document with parts
replaced by arbitrary values, and the classic attacks (huge numbers, deep
nesting, long strings, duplicate keys, NaN, wrong encodings), for every loader
and every document type. The coverage-guided counterpart is ``fuzz/fuzz_loads.py``.
"""

import ast
import copy
import json
import math
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import LoadLimits, serialization
from frivillig.errors import FrivilligError, SchemaVersionError, ValidationError

DOCUMENT_TYPES = list(serialization.DOCUMENT_TYPES.values())
CLASSES: list[type[Any] | None] = [None, *DOCUMENT_TYPES]
EXAMPLE: dict[str, Any] = frivillig.to_dict(frivillig.load_example())
SRC = Path(frivillig.__file__).parent

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(), children, max_size=5)
    ),
    max_leaves=25,
)


def _only_ours(load: Callable[[], Any]) -> Any:
    """Run a load; it may succeed or raise ValidationError, and nothing else."""
    try:
        return load()
    except FrivilligError as caught:
        error = caught
    assert isinstance(error, ValidationError)
    assert error.problems
    for problem in error.problems:
        assert problem.path.startswith("$")
        assert problem.code
    str(error).encode("utf-8")  # the message is printable and loggable text
    return None


def _document(body: Any, kind: Any) -> Any:
    if not isinstance(body, dict):
        return body
    return {"schema_version": 1, "type": kind, **body}


@st.composite
def mutated_examples(draw: st.DrawFn) -> dict[str, Any]:
    """The example document with up to four values replaced, removed or copied."""
    document = copy.deepcopy(EXAMPLE)
    for _ in range(draw(st.integers(1, 4))):
        node: Any = document
        while True:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            child = node[key]
            if isinstance(child, dict | list) and child and draw(st.booleans()):
                node = child
                continue
            action = draw(st.integers(0, 2))
            if action == 0 and isinstance(node, dict):
                del node[key]
            elif action == 1:
                node[key] = copy.deepcopy(node[draw(st.sampled_from(keys))])
            else:
                node[key] = draw(json_values)
            break
    return document


# -- every loader, every document type, arbitrary input ---------------------------------


@given(data=st.binary(max_size=2000), cls=st.sampled_from(CLASSES))
def test_loads_takes_any_bytes(data: bytes, cls: type[Any] | None) -> None:
    _only_ours(lambda: frivillig.loads(data, cls))


@given(text=st.text(max_size=2000), cls=st.sampled_from(CLASSES))
def test_loads_takes_any_text(text: str, cls: type[Any] | None) -> None:
    _only_ours(lambda: frivillig.loads(text, cls))


@given(value=json_values, cls=st.sampled_from(CLASSES))
def test_loads_takes_any_json_value(value: Any, cls: type[Any] | None) -> None:
    text = json.dumps(value)  # NaN and Infinity come out as bare words, as some writers do
    _only_ours(lambda: frivillig.loads(text, cls))
    _only_ours(lambda: frivillig.loads(text.encode("utf-8"), cls))


@given(
    body=json_values,
    kind=st.sampled_from([*serialization.DOCUMENT_TYPES, None]) | json_values,
    cls=st.sampled_from(CLASSES),
)
def test_from_dict_takes_any_json_value_in_an_envelope(
    body: Any, kind: Any, cls: type[Any] | None
) -> None:
    document = _document(body, kind)
    _only_ours(lambda: frivillig.from_dict(document, cls))


@settings(max_examples=300)
@given(document=mutated_examples(), cls=st.sampled_from(CLASSES))
def test_from_dict_takes_the_example_with_any_part_replaced(
    document: dict[str, Any], cls: type[Any] | None
) -> None:
    before = copy.deepcopy(document)
    loaded = _only_ours(lambda: frivillig.from_dict(document, cls))
    assert document == before or document != document  # never changed (NaN is not == itself)
    if loaded is not None:
        assert frivillig.loads(frivillig.dumps(loaded)) == loaded


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000) | json_values.map(lambda v: json.dumps(v).encode()))
def test_load_takes_any_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "document.json"
    path.write_bytes(data)
    for cls in CLASSES:
        _only_ours(lambda cls=cls: frivillig.load(path, cls))


@given(document=mutated_examples())
def test_loads_and_from_dict_agree(document: dict[str, Any]) -> None:
    try:
        text = json.dumps(document, allow_nan=False)
    except ValueError:  # NaN and infinities have no JSON text; loads refuses them earlier
        assume(False)

    def outcome(load: Callable[[], Any]) -> Any:
        try:
            return load()
        except ValidationError as error:
            return sorted((p.path, p.code) for p in error.problems)

    assert outcome(lambda: frivillig.loads(text)) == outcome(lambda: frivillig.from_dict(document))


# -- the classic attacks, one by one ---------------------------------------------------


def _problems(load: Callable[[], Any]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        load()
    return [(problem.path, problem.code) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('{"schema_version": 1, "id": ' + "9" * 5000 + "}", "range"),
        ('{"schema_version": ' + "9" * 5000 + "}", "range"),
        ('{"schema_version": -' + "9" * 101 + "}", "range"),
        ('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", "depth"),
        ("{" + '"a":{' * 40 + "}" * 40 + "}", "depth"),
        ('{"schema_version": NaN}', "json"),
        ('{"schema_version": 1, "x": -Infinity}', "json"),
        ('{"schema_version": 1, "schema_version": 1}', "duplicate_key"),
        ('{"schema_version": 1, "type": "portfolio", "id": "\\ud800", "title": "t"}', "encoding"),
        ('{"schema_version": 1, "\\udfff": 1}', "encoding"),
        ('{"schema_version": 1, "title": "' + "x" * 10_001 + '"}', "length"),
        ('{"schema_version": 1, "' + "k" * 10_001 + '": 1}', "length"),
        ('{"schema_version": 1, "x": [' + ",".join(["0"] * 10_001) + "]}", "length"),
        ("[]", "type"),
        ('"collaboration"', "type"),
        ("", "json"),
        ("\ufeff{}", "encoding"),
    ],
    ids=lambda value: value[:30] if isinstance(value, str) else value,
)
def test_classic_attacks_raise_our_error(text: str, code: str) -> None:
    assert code in {found_code for _, found_code in _problems(lambda: frivillig.loads(text))}


@pytest.mark.parametrize(
    "data",
    [
        '{"schema_version": 1}'.encode("utf-16"),
        '{"title": "Ærø"}'.encode("latin-1"),
        b"\xff\xfe\x00",
        b"\x80" * 100,
    ],
)
def test_wrong_encodings_are_refused(data: bytes) -> None:
    assert _problems(lambda: frivillig.loads(data)) == [("$", "encoding")]


def test_a_boolean_schema_version_is_refused() -> None:
    with pytest.raises(SchemaVersionError) as caught:
        frivillig.loads('{"schema_version": true}')
    assert [p.path for p in caught.value.problems] == ["$.schema_version"]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (10**5000, "range"),
        ({1, 2}, "type"),
        ((1, 2), "type"),
        (b"bytes", "type"),
        (object(), "type"),
    ],
    ids=["huge int", "set", "tuple", "bytes", "object"],
)
def test_from_dict_refuses_values_json_cannot_hold(value: Any, code: str) -> None:
    document = {**EXAMPLE, "description": value}
    assert _problems(lambda: frivillig.from_dict(document)) == [("$.description", code)]


def test_from_dict_refuses_keys_that_are_not_text() -> None:
    document = {**EXAMPLE, 7: "seven"}
    assert _problems(lambda: frivillig.from_dict(document)) == [("$", "type")]


def test_from_dict_stops_at_a_document_that_contains_itself() -> None:
    document: dict[str, Any] = {**EXAMPLE}
    document["description"] = document
    problems = _problems(lambda: frivillig.from_dict(document))
    assert problems
    assert {code for _, code in problems} == {"depth"}


@pytest.mark.parametrize("timezone", ["America", "Europe", "a" * 300, "Europe/../etc"])
def test_a_time_zone_that_names_a_folder_or_nothing_is_a_problem(timezone: str) -> None:
    # Found by fuzzing: zoneinfo raises IsADirectoryError or OSError for these.
    document = copy.deepcopy(EXAMPLE)
    document["evaluation_plan"]["timezone"] = timezone
    assert _problems(lambda: frivillig.from_dict(document)) == [
        ("$.evaluation_plan.timezone", "choice")
    ]


# -- limits --------------------------------------------------------------------------


def test_the_defaults_read_the_example_and_tight_limits_refuse_it() -> None:
    text = frivillig.dumps(frivillig.load_example())
    assert frivillig.loads(text, limits=LoadLimits()) == frivillig.load_example()
    # The example is about 15 kB and nests 6 levels deep ($.rounds[0].responses[0].answers);
    # its largest object has 28 members (the collaboration with its envelope), its longest
    # list 41 items (the time logs), and its largest integer 5 digits (the municipality's
    # DKK 70,000 a year).
    cases = [
        (LoadLimits(max_bytes=1000), "size"),
        (LoadLimits(max_depth=5), "depth"),
        (LoadLimits(max_items=40), "length"),
        (LoadLimits(max_string_length=20), "length"),
        (LoadLimits(max_integer_digits=2), "range"),
    ]
    for limits, code in cases:
        codes = {
            c for _, c in _problems(lambda limits=limits: frivillig.loads(text, limits=limits))
        }
        assert code in codes, limits
    assert frivillig.loads(text, limits=LoadLimits(max_depth=6, max_items=41, max_integer_digits=5))


@pytest.mark.parametrize("value", [0, -1, 1.5, "10", True, None])
def test_limits_must_be_whole_numbers_of_at_least_one(value: Any) -> None:
    with pytest.raises(ValidationError):
        LoadLimits(max_items=value)


def test_integer_digits_stop_at_pythons_own_limit() -> None:
    assert LoadLimits(max_integer_digits=4300).max_integer_digits == 4300
    with pytest.raises(ValidationError):
        LoadLimits(max_integer_digits=4301)


def test_limits_must_be_load_limits() -> None:
    # a dict for limits is the calling code's mistake, not a bad document
    with pytest.raises(frivillig.ArgumentTypeError, match="limits must be LoadLimits"):
        frivillig.loads("{}", limits={"max_bytes": 1})  # type: ignore[arg-type]


def test_problems_stop_at_max_problems() -> None:
    # 3000 collaborations that are each an empty object: 5 required fields missing in
    # each, 15 000 problems in all; the error lists 10 and says there were more.
    text = json.dumps(
        {"schema_version": 1, "type": "portfolio", "id": "p", "title": "P"}
        | {"collaborations": [{}] * 3000}
    )
    problems = _problems(lambda: frivillig.loads(text, limits=LoadLimits(max_problems=10)))
    assert len(problems) == 11
    assert problems[-1] == ("$", "limit")
    assert all(path.startswith("$.collaborations[0].") for path, _ in problems[:5])


def test_dangling_references_stop_at_max_problems() -> None:
    document = copy.deepcopy(EXAMPLE)
    document["tasks"][0]["volunteers"] = [f"ghost-{n}" for n in range(5000)]
    problems = _problems(lambda: frivillig.from_dict(document, limits=LoadLimits(max_problems=50)))
    assert len(problems) == 51
    assert {code for _, code in problems[:50]} == {"reference"}
    assert problems[50] == ("$", "limit")


def test_load_reads_no_more_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(b'{"schema_version": 1, "x": "' + b"a" * 5_000_000 + b'"}')
    tracemalloc.start()
    try:
        problems = _problems(lambda: frivillig.load(path, limits=LoadLimits(max_bytes=10_000)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert problems == [("$", "size")]
    assert peak < 200_000  # the 5 MB file was never read whole


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_load_stops_on_a_file_that_never_ends() -> None:
    assert _problems(lambda: frivillig.load("/dev/zero", limits=LoadLimits(max_bytes=1000))) == [
        ("$", "size")
    ]


def test_load_refuses_what_is_not_a_path() -> None:
    assert _problems(lambda: frivillig.load(42)) == [("$", "type")]  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 10_000_000,
        '{"schema_version": 1, "x": [' + "{}," * 3_000_000 + "{}]}",
        '{"schema_version": 1, "x": "' + "\\ud800" * 2_000_000 + '"}',
        '{"schema_version": 1, "type": "portfolio", "id": "p", "title": "P", "collaborations": ['
        + ",".join(["1"] * 9999)
        + "]}",
    ],
    ids=["10 MB of brackets", "3 million objects", "2 million surrogates", "9999 wrong items"],
)
def test_hostile_documents_are_refused_with_our_error(text: str) -> None:
    # No timing here (the machine is shared); the limits bound the work, and the
    # benchmarks show how long a refusal takes.
    _problems(lambda: frivillig.loads(text))


# -- what the library never does -------------------------------------------------------

FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "socket", "urllib", "http", "ftplib", "ssl"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}


@pytest.mark.parametrize("module", sorted(SRC.glob("*.py")), ids=lambda path: path.name)
def test_no_pickle_no_eval_no_network(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names = {(node.module or "").split(".")[0]}
        else:
            names = set()
        assert not names & FORBIDDEN_MODULES, (module.name, node.lineno)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in FORBIDDEN_CALLS, (module.name, node.lineno)


# -- schema evolution: loading never drops or changes a value --------------------------


def test_every_released_schema_version_can_be_read() -> None:
    for version in range(1, serialization.SCHEMA_VERSION):
        assert version in serialization.MIGRATIONS, version


def test_loading_keeps_every_value_of_the_shipped_example() -> None:
    shipped = json.loads(
        (SRC / "data" / "examples" / "visiting_friends.json").read_text(encoding="utf-8")
    )
    assert frivillig.to_dict(frivillig.from_dict(shipped)) == shipped


@given(value=st.floats(min_value=-1e15, max_value=1e15))
def test_numbers_keep_their_value_through_a_round_trip(value: float) -> None:
    document = copy.deepcopy(EXAMPLE)
    document["goals"][0]["indicator"]["target"] = value
    document["goals"][0]["indicator"]["baseline"] = None
    loaded = frivillig.loads(json.dumps(document))
    target = loaded.goals[0].indicator.target
    assert target == value
    assert math.copysign(1, target) == math.copysign(1, value)


@pytest.mark.parametrize("timezone", ["a/" * 3000 + "b", "Europe/" + "x" * 100, "a/b/c/d/e"])
def test_a_time_zone_of_many_parts_is_refused_as_a_time_zone(timezone: str) -> None:
    # zoneinfo looks a key up one import level per part: thousands of parts would exhaust
    # the interpreter's recursion, and the document be reported as nested too deeply
    document = frivillig.to_dict(frivillig.load_example())
    document["evaluation_plan"]["timezone"] = timezone
    with pytest.raises(frivillig.ValidationError) as caught:
        frivillig.loads(json.dumps(document))
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.evaluation_plan.timezone", "choice")
    ]
    assert len(str(caught.value)) < 300  # the value is shortened, not repeated whole
