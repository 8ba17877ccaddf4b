"""The fast loader and writer agree with the detailed ones on every document, good or bad.

``loads`` first tries a fast path (msgspec reading into mirrors of the model,
then the model's own validators); whatever it does not accept goes to the
detailed path, which reports every problem. These tests hold the fast path to
that: on any document it either gives up or gives the object the detailed path
gives, so ``loads`` returns the same object or raises the same problems either
way. ``dumps`` likewise writes through msgspec when it can, and must write the
very text the JSON module writes.
"""

import copy
import gc
import json
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stdnum.dk import cvr

import frivillig
from frivillig import LoadLimits, Portfolio, serialization
from frivillig import strategies as fs
from frivillig._model.integrity import _dangling, _resolves
from frivillig._model.validators import (
    _ID,
    ID_CONSTRAINT,
    all_ids,
    constraint,
    id_mapping,
    own_validator,
)
from frivillig.errors import ValidationError
from frivillig.identifiers import cvr_problem

LIMITS = LoadLimits()
EXAMPLE: dict[str, Any] = frivillig.to_dict(frivillig.load_example())
documents = fs.collaborations() | fs.portfolios() | fs.volunteer_policies() | fs.instruments()
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _detailed(text: str | bytes, cls: Any = None, limits: LoadLimits = LIMITS) -> Any:
    """What the detailed path alone gives: the object, or the problems it raises."""
    try:
        return serialization.from_dict(serialization._parse(text, limits), cls, limits=limits)
    except ValidationError as error:
        return error.problems


def _agree(text: str | bytes, cls: Any = None, limits: LoadLimits = LIMITS) -> Any:
    """Assert that the fast path gives up or agrees with the detailed path; return its result."""
    fast = serialization._fast_loads(text, cls, limits)
    detailed = _detailed(text, cls, limits)
    if fast is not serialization._FALLBACK:
        assert fast == detailed
        assert repr(fast) == repr(detailed)
    try:
        loaded: Any = frivillig.loads(text, cls, limits=limits)
    except ValidationError as error:
        loaded = error.problems
    assert loaded == detailed
    return fast


# -- good documents ---------------------------------------------------------------------


@FAST
@given(document=documents)
def test_good_documents_are_read_fast_and_equal(document: Any) -> None:
    text = frivillig.dumps(document)
    for data in (text, text.encode("utf-8"), frivillig.dumps(document, indent=2)):
        fast = _agree(data)
        assert fast == document
        assert _agree(data, type(document)) == document


def test_the_benchmark_portfolio_is_read_fast() -> None:
    portfolio = frivillig.generate_portfolio(3, 20, shape="benchmark")
    assert _agree(frivillig.dumps(portfolio).encode()) == portfolio


def test_a_portfolio_over_the_default_limits_is_read_fast_with_raised_limits() -> None:
    portfolio = frivillig.generate_portfolio(5, 30, shape="benchmark")
    text = frivillig.dumps(portfolio)
    tight = LoadLimits(max_bytes=len(text) - 1)
    assert serialization._fast_loads(text, None, tight) is serialization._FALLBACK
    assert _agree(text, None, LoadLimits(max_bytes=len(text))) == portfolio


# -- bad documents -----------------------------------------------------------------------


@FAST
@given(defective=fs.defective_documents())
def test_defective_documents_raise_the_detailed_problems(defective: Any) -> None:
    assert _agree(defective.text) is serialization._FALLBACK


@st.composite
def _spoiled(draw: st.DrawFn) -> str:
    """The example document with one value replaced, a key repeated, or a field added."""
    document = copy.deepcopy(EXAMPLE)
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
        break
    text = json.dumps(document, ensure_ascii=False)
    if isinstance(node, dict) and node:
        key = draw(st.sampled_from(sorted(node)))
        value = json.dumps(node[key], ensure_ascii=False)
        action = draw(st.sampled_from(["repeat", "replace", "add", "escape"]))
        inner = json.dumps(node, ensure_ascii=False)
        if action == "repeat":
            spoiled = inner[:-1] + (", " if len(node) else "") + f'"{key}": {value}}}'
        elif action == "replace":
            replacement = draw(
                st.none()
                | st.booleans()
                | st.integers()
                | st.floats(allow_nan=False, allow_infinity=False)
                | st.text(max_size=5)
            )
            spoiled = json.dumps({**node, key: replacement}, ensure_ascii=False)
        elif action == "add":
            spoiled = inner[:-1] + f', "{draw(st.sampled_from(["x", key + "_", "a:b"]))}": 1}}'
        else:  # a key written with an escape, which reads as the same key: a duplicate
            escaped = "".join(
                f"\\u{ord(char):04x}" if char == ":" or i == 0 else char
                for i, char in enumerate(key)
            )
            spoiled = inner[:-1] + f', "{escaped}": {value}}}'
        text = text.replace(inner, spoiled, 1)
    return text


@FAST
@given(text=_spoiled())
def test_spoiled_documents_agree(text: str) -> None:
    _agree(text)
    _agree(text.encode("utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        # a key twice, the first hidden by the second
        '{"schema_version": 1, "type": "policy", "x": 1}',
        json.dumps(EXAMPLE).replace('"title": ', '"title": "first", "title": ', 1),
        json.dumps(EXAMPLE).replace('"id": ', '"id": "x:y", "id": ', 1),
        json.dumps(EXAMPLE).replace('"id": ', '"\\u0069d": "x", "id": ', 1),
        json.dumps(EXAMPLE).replace('"id": ', '"id": "a\\u003ab", "id": ', 1),
        # colons in strings, escaped and not, with nothing wrong
        json.dumps({**EXAMPLE, "description": "Mål: flere besøg; kl. 10:00"}),
        json.dumps({**EXAMPLE, "description": "Mål\\u003a flere"}),
        json.dumps({**EXAMPLE, "description": "Mål: flere"}, ensure_ascii=True),
        # an older or newer schema version, a missing type, a field left out
        json.dumps({**EXAMPLE, "schema_version": 0}),
        json.dumps({**EXAMPLE, "schema_version": 2}),
        json.dumps({key: value for key, value in EXAMPLE.items() if key != "type"}),
        json.dumps({key: value for key, value in EXAMPLE.items() if key != "description"}),
        # numbers the detailed path reads otherwise
        json.dumps(EXAMPLE).replace('"target": 12.0', '"target": 12', 1),
        json.dumps(EXAMPLE).replace('"target": 12.0', '"target": 9007199254740993', 1),
        json.dumps(EXAMPLE).replace('"target": 12.0', '"target": -0.0', 1),
        json.dumps(EXAMPLE).replace('"target": 12.0', '"target": 1e400', 1),
        json.dumps(EXAMPLE).replace('"municipality_code": 101', '"municipality_code": 101.0', 1),
        json.dumps(EXAMPLE).replace('"municipality_code": 101', '"municipality_code": true', 1),
        "\ufeff" + json.dumps(EXAMPLE),
        json.dumps(EXAMPLE) + " ",
        json.dumps(EXAMPLE, indent=3),
    ],
)
def test_tricky_documents_agree(text: str) -> None:
    _agree(text)
    _agree(text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize(
    "limits",
    [
        LoadLimits(max_string_length=10),
        LoadLimits(max_items=3),
        LoadLimits(max_items=20),
        LoadLimits(max_depth=3),
        LoadLimits(max_integer_digits=2),
        LoadLimits(max_integer_digits=3),
        LoadLimits(max_bytes=100),
    ],
)
def test_limits_hold_on_the_fast_path(limits: LoadLimits) -> None:
    text = json.dumps(EXAMPLE)
    _agree(text, None, limits)
    with pytest.raises(ValidationError):
        frivillig.loads(text, limits=limits)


# -- the pieces the fast path relies on --------------------------------------------------


@FAST
@given(defective=fs.defective_documents())
def test_the_quick_reference_check_is_the_integrity_check(defective: Any) -> None:
    if (
        not isinstance(defective.document, dict)
        or defective.document.get("type") != "collaboration"
    ):
        return
    body = {k: v for k, v in defective.document.items() if k not in ("schema_version", "type")}
    try:
        collaboration = serialization._structure_value(body, frivillig.Collaboration)
    except ValidationError:
        return
    resolves = _resolves(collaboration)
    assert resolves == (next(iter(_dangling(collaboration)), None) is None)


@FAST
@given(collaboration=fs.collaborations())
def test_the_quick_reference_check_accepts_valid_collaborations(collaboration: Any) -> None:
    assert _resolves(collaboration)


def test_quick_validators_match_the_full_ones() -> None:
    rng = random.Random(7)  # noqa: S311 - not cryptography
    for _ in range(20_000):
        number = str(rng.randrange(10**7, 10**8))
        assert (cvr_problem(number) is None) == (cvr.checksum(number) == 0)
    alphabet = "aZ09_.:-\n é"
    for _ in range(20_000):
        keys = [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
            for _ in range(rng.randint(0, 4))
        ]
        assert all_ids(keys) == all(_ID.fullmatch(key) for key in keys)


@given(
    mapping=st.dictionaries(
        st.text(alphabet="ab:_-1 ", max_size=4),
        st.none() | st.booleans() | st.integers() | st.floats(),
        max_size=5,
    )
)
def test_the_quick_id_mapping_check_agrees(mapping: dict[str, Any]) -> None:
    import attrs

    field = attrs.fields(frivillig.Response).answers
    for allow_none in (True, False):
        check = id_mapping(allow_none=allow_none)
        slow = id_mapping(allow_none=allow_none)
        frozen = frivillig.FrozenMap(mapping)
        outcomes = []
        for validator, value in ((check, frozen), (slow, dict(mapping))):
            try:
                validator(None, field, value)
            except ValidationError as error:
                outcomes.append(error.problems)
            else:
                outcomes.append(None)
        assert outcomes[0] == outcomes[1]


def _constrained_fields() -> list[tuple[type[Any], Any]]:
    """Every field of the model whose validator msgspec checks on the fast path."""
    import attrs

    found, seen, todo = [], set(), list(serialization.DOCUMENT_TYPES.values())
    todo += list(frivillig._model.actors.ACTOR_CLASSES.values())
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for field in attrs.fields(cls):
            if constraint(own_validator(field)) is not None:
                found.append((cls, field))
            for tp in _types_in(field.type):
                if isinstance(tp, type) and attrs.has(tp):
                    todo.append(tp)
    return sorted(found, key=lambda pair: (pair[0].__name__, pair[1].name))


def _types_in(tp: Any) -> Any:
    import typing

    yield tp
    for arg in typing.get_args(tp):
        yield from _types_in(arg)


CONSTRAINED = _constrained_fields()
_EDGES = st.sampled_from(
    ["", " ", "\t\n", "\u00a0", "\x1c", "a", " a ", "x" * 301, "x" * 5001, "a:b", "-a", "a" * 129]
)


def _values(tp: Any) -> st.SearchStrategy[Any]:
    """Values of a field's type, near and over every bound its validators know."""
    import typing

    if tp is str:
        return _EDGES | st.text(max_size=8) | st.from_regex(_ID, fullmatch=True)
    if tp is int:
        return st.integers(-5, 1000) | st.sampled_from([0, 1, 5, 6, 10**5, 10**5 + 1, 10**7])
    if tp is float:
        return st.floats(-2e15, 2e15) | st.sampled_from([-1e15, 1e15, 0.0, 1.0, 5.0, 5.5])
    args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
    if type(None) in typing.get_args(tp):
        return st.none() | _values(args[0])
    if typing.get_origin(tp) is frivillig.FrozenMap:
        return st.dictionaries(_values(args[0]), _values(args[1]), max_size=4)
    raise TypeError(tp)


@pytest.mark.parametrize(
    ("cls", "field"), CONSTRAINED, ids=[f"{c.__name__}.{f.name}" for c, f in CONSTRAINED]
)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_each_constraint_accepts_what_its_validator_accepts(
    cls: type[Any], field: Any, data: st.DataObject
) -> None:
    import msgspec

    reader = serialization._reader(LIMITS)
    assert reader is not None
    own = own_validator(field)
    found = constraint(own)
    mirror = reader._type(field.type, found)
    value = data.draw(_values(field.type))
    try:
        converted = msgspec.convert(value, mirror)
        if found is not None and found.keys is ID_CONSTRAINT:  # keys checked as the map is built
            serialization._id_map(converted)
    except (msgspec.ValidationError, serialization._Fallback):
        msgspec_accepts = False
    else:
        msgspec_accepts = True
    if isinstance(value, dict):
        value = frivillig.FrozenMap(value)
    try:
        own(None, field, value)  # these validators look at nothing but the value
    except ValidationError:
        validator_accepts = False
    else:
        validator_accepts = True
    assert msgspec_accepts == validator_accepts, (value, found)


def test_the_common_validators_are_checked_by_msgspec() -> None:
    names = {f"{cls.__name__}.{field.name}" for cls, field in CONSTRAINED}
    assert {"Collaboration.id", "Collaboration.title", "Response.answers"} <= names
    assert len(CONSTRAINED) >= 80


def test_loading_leaves_the_collector_as_it_was() -> None:
    text = json.dumps(EXAMPLE)
    assert gc.isenabled()
    frivillig.loads(text)
    assert gc.isenabled()
    gc.disable()
    try:
        frivillig.loads(text)
        with pytest.raises(ValidationError):
            frivillig.loads("{}")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_writing_leaves_the_collector_as_it_was() -> None:
    collaboration = frivillig.load_example()
    assert gc.isenabled()
    frivillig.dumps(collaboration)
    assert gc.isenabled()
    gc.disable()
    try:
        frivillig.dumps(collaboration, indent=2)
        assert not gc.isenabled()
    finally:
        gc.enable()


# -- writing ------------------------------------------------------------------------------


def _json_module(obj: Any, indent: int | None) -> str:
    separators = (",", ":") if indent is None else None  # compact: no spaces
    return json.dumps(
        frivillig.to_dict(obj),
        ensure_ascii=False,
        indent=indent,
        separators=separators,
        allow_nan=False,
    )


@FAST
@given(document=documents, indent=st.sampled_from([None, 1, 2, 4]))
def test_fast_writing_gives_the_json_modules_text(document: Any, indent: int | None) -> None:
    fast = serialization._fast_dumps(document, indent)
    assert fast is None or fast == _json_module(document, indent)
    assert frivillig.dumps(document, indent=indent) == _json_module(document, indent)


@pytest.mark.parametrize(
    "value", [12, 0.0, -0.0, 1e-5, 0.0001, 123456789.125, 1e15, -1e15, 1e-300, 5]
)
def test_floats_are_written_as_the_json_module_writes_them(value: float) -> None:
    import attrs

    example = frivillig.load_example()
    goal = attrs.evolve(
        example.goals[0], indicator=attrs.evolve(example.goals[0].indicator, target=value)
    )
    response = attrs.evolve(example.rounds[0].responses[0], goal_progress={goal.id: value})
    changed = attrs.evolve(
        example,
        goals=(goal, *example.goals[1:]),
        rounds=(attrs.evolve(example.rounds[0], responses=(response,)), *example.rounds[1:]),
    )
    for indent in (None, 2, 0):
        assert frivillig.dumps(changed, indent=indent) == _json_module(changed, indent)


def test_what_msgspec_cannot_write_is_written_by_the_json_module() -> None:
    import attrs

    example = frivillig.load_example()
    odd = attrs.evolve(example, description="a lone surrogate \ud800 stays as it is")
    assert serialization._fast_dumps(odd, None) is None
    assert frivillig.dumps(odd) == _json_module(odd, None)


def test_a_portfolio_round_trips_through_both_paths() -> None:
    portfolio = frivillig.generate_portfolio(11, 15)
    text = frivillig.dumps(portfolio)
    assert text == _json_module(portfolio, None)
    assert frivillig.loads(text, Portfolio) == portfolio
