"""The fast reader finds every repeated key, however the document is written.

msgspec keeps the last of a repeated key, so the fast reader counts: a document has
a key twice exactly when it has more colons outside strings than members read. These
properties hold that count to a reference, ``json.loads`` with an ``object_pairs_hook``
that sees every pair, on JSON written with random whitespace, random escapes in keys
and strings (``"\\u0061"`` is the key ``"a"``), colons and quotes in strings, with and
without a repeated key at a random depth; and they hold ``loads`` to the detailed
reader's problems and paths on real documents written that way.
"""

import json
import random
from typing import Any

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import LoadLimits, serialization
from frivillig.errors import ValidationError

LIMITS = LoadLimits()
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DOCUMENTS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


class Obj(tuple[tuple[str, Any], ...]):
    """A JSON object as its pairs, in order, so that a key may be written twice."""


# -- writing JSON any way it may be written ----------------------------------------------

WHITESPACE = ["", "", " ", "\n", "\t", "\r\n", " \n  "]
SHORT = {'"': '\\"', "\\": "\\\\", "/": "\\/", "\b": "\\b", "\f": "\\f", "\n": "\\n"}
SHORT |= {"\r": "\\r", "\t": "\\t"}


def _ws(rng: random.Random) -> str:
    return rng.choice(WHITESPACE)


def _char(char: str, rng: random.Random, rate: float) -> str:
    if not (char in '"\\' or ord(char) < 0x20 or rng.random() < rate):
        return char
    if char in SHORT and rng.random() < 0.5:
        return SHORT[char]
    form = "\\u{:04x}" if rng.random() < 0.5 else "\\u{:04X}"
    code = ord(char)
    if code > 0xFFFF:  # a surrogate pair
        code -= 0x10000
        return form.format(0xD800 + (code >> 10)) + form.format(0xDC00 + (code & 0x3FF))
    return form.format(code)


def _string(text: str, rng: random.Random) -> str:
    rate = rng.choice([0.0, 0.0, 0.2, 1.0])
    return '"' + "".join(_char(char, rng, rate) for char in text) + '"'


def render(value: Any, rng: random.Random) -> str:
    """``value`` as JSON text, with random whitespace and random escapes in every string."""
    if isinstance(value, Obj):
        members = [
            f"{_ws(rng)}{_string(key, rng)}{_ws(rng)}:{_ws(rng)}{render(item, rng)}{_ws(rng)}"
            for key, item in value
        ]
        return "{" + (",".join(members) or _ws(rng)) + "}"
    if isinstance(value, list):
        items = [f"{_ws(rng)}{render(item, rng)}{_ws(rng)}" for item in value]
        return "[" + (",".join(items) or _ws(rng)) + "]"
    if isinstance(value, str):
        return _string(value, rng)
    return json.dumps(value)


def as_pairs(value: Any) -> Any:
    """Plain JSON data (dicts) with each object as an ``Obj``."""
    if isinstance(value, dict):
        return Obj((key, as_pairs(item)) for key, item in value.items())
    if isinstance(value, list):
        return [as_pairs(item) for item in value]
    return value


def objects(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Obj]]:
    """Every non-empty object in ``value``, with its path, in document order."""
    found: list[tuple[tuple[Any, ...], Obj]] = []
    if isinstance(value, Obj):
        if value:
            found.append((path, value))
        for key, item in value:
            found.extend(objects(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(objects(item, (*path, index)))
    return found


def with_repeat(value: Any, path: tuple[Any, ...], key: str, item: Any) -> Any:
    """``value`` with the pair ``key: item`` added to the object at ``path``."""
    if not path:
        return Obj((*value, (key, item)))
    head, rest = path[0], path[1:]
    if isinstance(value, Obj):  # a key written twice on the way: change the last one
        index = max(i for i, (name, _) in enumerate(value) if name == head)
        pairs = list(value)
        pairs[index] = (head, with_repeat(value[index][1], rest, key, item))
        return Obj(pairs)
    return [with_repeat(x, rest, key, item) if i == head else x for i, x in enumerate(value)]


# -- the reference -------------------------------------------------------------------------


def reference(text: str) -> tuple[int, bool]:
    """The members of every object the JSON module reads, and whether any key is repeated."""
    members = 0
    repeated = False

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal members, repeated
        members += len(pairs)
        keys = [key for key, _ in pairs]
        repeated = repeated or len(set(keys)) < len(keys)
        return dict(pairs)

    json.loads(text, object_pairs_hook=hook)
    return members, repeated


def kept_members(value: Any) -> int:
    """The members msgspec keeps: one for a repeated key."""
    if isinstance(value, dict):
        return len(value) + sum(map(kept_members, value.values()))
    if isinstance(value, list):
        return sum(map(kept_members, value))
    return 0


# -- arbitrary JSON --------------------------------------------------------------------------

TRICKY = st.sampled_from(["a", "b", ":", '"', "\\", "/", " ", "é", "€", "😀", "\x00", "\n", "u"])
TEXT = st.text(TRICKY | st.characters(codec="utf-8"), max_size=6)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.lists(st.tuples(TEXT, children), max_size=4, unique_by=lambda pair: pair[0]).map(Obj)
    ),
    max_leaves=24,
)


@st.composite
def written(draw: st.DrawFn) -> tuple[str, bool]:
    """Some JSON, written any way, with a key repeated at a random depth or not."""
    value = draw(json_values)
    repeat = draw(st.booleans())
    found = objects(value)
    if repeat and found:
        path, obj = draw(st.sampled_from(found))
        key = draw(st.sampled_from([name for name, _ in obj]))
        value = with_repeat(value, path, key, draw(scalars | json_values))
    rng = draw(st.randoms(use_true_random=False))
    return _ws(rng) + render(value, rng) + _ws(rng), repeat and bool(found)


@SETTINGS
@given(document=written())
def test_the_colons_outside_strings_are_the_members(document: tuple[str, bool]) -> None:
    text, _ = document
    members, _ = reference(text)
    assert serialization._member_colons(text) == members
    assert serialization._member_colons(text.encode()) == members
    assert serialization._member_colons(bytearray(text.encode())) == members


@SETTINGS
@given(document=written())
def test_counting_finds_a_repeated_key_exactly_when_the_reference_does(
    document: tuple[str, bool],
) -> None:
    text, repeated = document
    assert reference(text)[1] == repeated
    kept = kept_members(msgspec.json.decode(text))
    # the test the fast reader makes, with the members it read
    found = text.count(":") != kept and serialization._member_colons(text) != kept
    assert found == repeated


def test_escapes_that_look_like_the_end_of_a_string() -> None:
    cases = {
        r'{"a\\": 1}': 1,
        r'{"a\"": ":"}': 1,
        r'{"\u0022:": "\\\":\\"}': 1,
        r'{"a": "\\", "b": ":\\\\"}': 2,
        r'{"\u0061": 1, "a": {"b:c": [":", "\u003a", {"": ""}]}}': 4,
        '{ "a" :\n1 , "b"\t:"::" }': 2,
        '[":", "\\"", {"x": ":"}, "\\\\"]': 1,
        '"::"': 0,
    }
    for text, members in cases.items():
        assert reference(text)[0] == members, text
        assert serialization._member_colons(text) == members, text
        assert serialization._member_colons(text.encode()) == members, text


# -- real documents through loads -------------------------------------------------------------

PORTFOLIO = frivillig.generate_portfolio(3, 40)
COLLABORATIONS = [frivillig.to_dict(c) for c in PORTFOLIO.collaborations]
SMALL_PORTFOLIO = frivillig.to_dict(frivillig.generate_portfolio(5, 3))


def _problems(text: str | bytes, cls: Any) -> Any:
    try:
        return frivillig.loads(text, cls)
    except ValidationError as error:
        return error.problems


def _detailed(text: str | bytes, cls: Any) -> Any:
    """What the detailed reader alone gives."""
    try:
        return serialization.from_dict(serialization._parse(text, LIMITS, cls), cls, limits=LIMITS)
    except ValidationError as error:
        return error.problems


@st.composite
def real_documents(draw: st.DrawFn) -> tuple[str, Any, tuple[Any, ...] | None]:
    """A document of generate_portfolio written any way; the path of a repeated key, if any."""
    portfolio = draw(st.integers(0, 3)) == 0
    data = SMALL_PORTFOLIO if portfolio else draw(st.sampled_from(COLLABORATIONS))
    value = as_pairs(data)
    where = None
    if draw(st.booleans()):
        path, obj = draw(st.sampled_from(objects(value)))
        key, old = draw(st.sampled_from(list(obj)))
        item = draw(st.sampled_from([old, "Besøg: uge 12", 1, None]))
        value = with_repeat(value, path, key, item)
        where = (*path, key)
    # a seeded generator: a whole document draws too much for st.randoms
    rng = random.Random(draw(st.integers(0, 2**32)))  # noqa: S311 - not cryptography
    return _ws(rng) + render(value, rng) + _ws(rng), data, where


@DOCUMENTS
@given(document=real_documents())
def test_loads_finds_the_repeated_key_where_the_detailed_reader_does(
    document: tuple[str, Any, tuple[Any, ...] | None],
) -> None:
    text, data, where = document
    cls = frivillig.Portfolio if data is SMALL_PORTFOLIO else frivillig.Collaboration
    assert reference(text)[1] == (where is not None)
    fast = serialization._fast_loads(text, cls, LIMITS)
    if where is None:
        assert fast is not serialization._FALLBACK  # escapes and spacing keep the fast path
        assert fast == frivillig.loads(json.dumps(data), cls)
        assert fast == _detailed(text, cls)
        return
    assert fast is serialization._FALLBACK
    shown = serialization._problem(serialization._hide_keys(where, (cls,)), "", "").path
    for written_as in (text, text.encode()):
        for asked in (cls, None):
            problems = _problems(written_as, asked)
            assert problems == _detailed(written_as, asked)
            assert [(p.path, p.code) for p in problems] == [(shown, "duplicate_key")]


def test_keys_equal_once_unescaped_are_one_key_twice() -> None:
    text = json.dumps(COLLABORATIONS[0], ensure_ascii=False)
    twice = text.replace('"title": ', '"\\u0074itle" :"Besøg: uge 12",\n"title": ', 1)
    for written_as in (twice, twice.encode()):
        fast = serialization._fast_loads(written_as, frivillig.Collaboration, LIMITS)
        assert fast is serialization._FALLBACK
        problems = _problems(written_as, frivillig.Collaboration)
        assert [(p.path, p.code) for p in problems] == [("$.title", "duplicate_key")]


def test_colons_in_strings_escaped_or_not_keep_the_fast_path() -> None:
    data = {**COLLABORATIONS[0], "title": 'Besøg: uge 12 \\": "kl. 10:00"'}
    for text in (json.dumps(data), json.dumps(data).replace(": uge", "\\u003a uge")):
        assert ": uge" in text or "\\u003a uge" in text
        fast = serialization._fast_loads(text, frivillig.Collaboration, LIMITS)
        assert fast is not serialization._FALLBACK
        assert fast.title == data["title"]
        assert fast == frivillig.loads(json.dumps(data), frivillig.Collaboration)
