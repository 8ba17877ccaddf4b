"""Every top-level type survives the JSON form unchanged, and its text is deterministic.

The types are those of ``serialization.DOCUMENT_TYPES``, so a type added there
is tested here too, and fails if ``frivillig.strategies`` has no strategy for it.
"""

import copy
import datetime as dt
import json
import os
import pickle
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import FrozenMap, serialization
from frivillig import strategies as fs
from frivillig._hypothesis_plugin import STRATEGIES

DOCUMENTS = sorted(serialization.DOCUMENT_TYPES.items())
ROUNDS = settings(max_examples=200, deadline=None)


def _documents(cls: type[Any]) -> st.SearchStrategy[Any]:
    name = STRATEGIES.get(cls.__name__)
    if name is None:
        pytest.fail(f"{cls.__name__} is a document type with no strategy")
    return typing.cast(st.SearchStrategy[Any], getattr(fs, name)())


def test_the_document_types_are_tested() -> None:
    assert {"collaboration", "portfolio", "volunteer_policy"} <= dict(DOCUMENTS).keys()


@pytest.mark.parametrize(("name", "cls"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_load_of_dump_is_the_object(
    name: str, cls: type[Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp(name)

    @ROUNDS
    @given(_documents(cls))
    def check(obj: Any) -> None:
        path = folder / "document.json"
        frivillig.dump(obj, path)
        assert frivillig.load(path) == obj
        assert frivillig.load(path, cls) == obj
        text = frivillig.dumps(obj)
        assert frivillig.loads(text) == obj
        assert frivillig.loads(text.encode("utf-8"), cls) == obj
        assert frivillig.loads(frivillig.dumps(obj, indent=2)) == obj
        data = frivillig.to_dict(obj)
        assert (data["schema_version"], data["type"]) == (frivillig.SCHEMA_VERSION, name)
        assert frivillig.from_dict(data) == obj

    check()


@pytest.mark.parametrize(("name", "cls"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_dumping_is_deterministic(
    name: str, cls: type[Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp(name)

    @ROUNDS
    @given(_documents(cls))
    def check(obj: Any) -> None:
        text = frivillig.dumps(obj)
        assert frivillig.dumps(obj) == text
        assert frivillig.dumps(copy.deepcopy(obj)) == text
        assert frivillig.dumps(pickle.loads(pickle.dumps(obj))) == text  # noqa: S301 - our own
        assert frivillig.dumps(frivillig.loads(text)) == text
        first, second = folder / "first.json", folder / "second.json"
        frivillig.dump(obj, first)
        frivillig.dump(frivillig.load(first), second)
        assert first.read_bytes() == second.read_bytes()

    check()


# -- equal objects built in different ways -------------------------------------------------


def _inner(tp: Any) -> Any:
    args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
    return args[0] if len(args) == 1 and type(None) in typing.get_args(tp) else tp


def _rebuilt(value: Any, tp: Any, data: st.DataObject) -> Any:
    """An object equal to ``value``, made again through the constructors in another way.

    Mappings are built from their items in a drawn order, from a dict or from
    pairs; a whole number in a float field is given as an ``int`` (which a type
    checker accepts for ``float``); every object and date is made anew.
    """
    tp = _inner(tp)
    if attrs.has(type(value)):
        return type(value)(
            **{
                field.alias: _rebuilt(getattr(value, field.name), field.type, data)
                for field in attrs.fields(type(value))
            }
        )
    if isinstance(value, FrozenMap):
        _, value_type = typing.get_args(tp) or (Any, Any)
        items = data.draw(st.permutations(list(value.items())))
        pairs = [(key, _rebuilt(item, value_type, data)) for key, item in items]
        return pairs if data.draw(st.booleans()) else dict(pairs)
    if isinstance(value, tuple):
        (item_type,) = typing.get_args(tp)[:1] or (Any,)
        return tuple(_rebuilt(item, item_type, data) for item in value)
    if tp is float and isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value) if data.draw(st.booleans()) else value
    if type(value) is dt.date:
        return dt.date(value.year, value.month, value.day)
    return value


@pytest.mark.parametrize(("name", "cls"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_equal_objects_built_in_different_ways_give_the_same_text(
    name: str, cls: type[Any]
) -> None:
    @ROUNDS
    @given(_documents(cls), st.data())
    def check(obj: Any, data: st.DataObject) -> None:
        other = _rebuilt(obj, cls, data)
        assert other == obj
        assert other is not obj
        assert frivillig.dumps(other) == frivillig.dumps(obj)
        assert frivillig.dumps(other, indent=2) == frivillig.dumps(obj, indent=2)

    check()


def test_a_reordered_mapping_and_a_whole_float_give_the_same_text() -> None:
    # a worked case of the property above, on the shipped example
    original = frivillig.load_example()
    reordered = attrs.evolve(
        original, responsibilities=dict(reversed(list(original.responsibilities.items())))
    )
    party = original.participants[-1]
    whole = attrs.evolve(party, budget_share_from_municipality=1)
    as_float = attrs.evolve(party, budget_share_from_municipality=1.0)
    with_int = attrs.evolve(original, participants=(*original.participants[:-1], whole))
    with_float = attrs.evolve(original, participants=(*original.participants[:-1], as_float))
    assert reordered == original
    assert frivillig.dumps(reordered) == frivillig.dumps(original)
    assert with_int == with_float
    assert frivillig.dumps(with_int) == frivillig.dumps(with_float)
    assert '"budget_share_from_municipality": 1.0' in frivillig.dumps(with_int, indent=1)


def test_the_text_does_not_depend_on_the_process(tmp_path: Path) -> None:
    texts: list[str] = []

    @settings(max_examples=40, deadline=None, database=None)
    @given(st.one_of(fs.collaborations(), fs.portfolios(max_size=2), fs.volunteer_policies()))
    def collect(obj: Any) -> None:
        texts.append(frivillig.dumps(obj))

    collect()
    path = tmp_path / "texts.json"
    path.write_text(json.dumps(texts), encoding="utf-8")
    script = (
        "import json, sys, frivillig\n"
        "texts = json.loads(open(sys.argv[1], encoding='utf-8').read())\n"
        "print(json.dumps([frivillig.dumps(frivillig.loads(t)) for t in texts]))\n"
    )
    for seed in ("0", "4242"):
        result = subprocess.run(
            [sys.executable, "-c", script, str(path)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        assert json.loads(result.stdout) == texts
