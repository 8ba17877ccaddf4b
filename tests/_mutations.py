"""Single-field mutations of valid documents, shared by the tests that compare schema and loader.

A mutation takes a valid document (plain JSON data, as ``frivillig.to_dict`` gives
it), picks one place anywhere in its tree (a member of an object, an item of an
array, a key of a mapping) and does one thing there: replaces the value with one
of many kinds (empty, blank or spaced text, huge text, out-of-range and negative
numbers, a number written with a fraction, wrong types, unknown enumeration
values, ``null``, municipality code 999, ...), deletes it, repeats it, renames a
key or adds an unknown member beside it. The same seed gives the same
mutations, so a failure can be replayed.
"""

import copy
import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import attrs

import frivillig
from frivillig.errors import Problem, ValidationError
from frivillig.schema import _RULES_NOT_IN_SCHEMA
from frivillig.synthetic import generate_portfolio

Path = tuple[str | int, ...]

# Text of every kind that may break (or pass) a rule on one field.
_TEXTS: tuple[str, ...] = (
    "",
    " ",
    "\t\n",
    "\u00a0",
    "\u2003",
    "\x1c",
    "\ufeff",
    "a b",
    " a",
    "a\n",
    "-a",
    "_a",
    "a" * 128,
    "a" * 129,
    "x" * 51,
    "x" * 301,
    "x" * 501,
    "x" * 1001,
    "x" * 2001,
    "x" * 5001,
    "ÆØÅ æøå",
    "2026-02-30",
    "2026-1-1",
    "2026-03-01",
    "2026-03-01\n",
    "01-03-2026",
    "\u0661\u0662\u0663\u0664-\u0660\u0661-\u0660\u0661",  # Arabic-Indic digits
    "12345678",
    "12345674",
    "01234567",
    "1234567",
    "1234 5678",
    "0101901234",
    "010190-1234",
    "FREQ=MONTHLY;INTERVAL=6",
    "FREQ=SOMETIMES",
    "Europe/Copenhagen",
    "Mars/Olympus",
    "unknown",
    "MUNICIPALITY",
    "municipality",
    "citizen_group",
    "collaboration",
    "portfolio",
    "true",
    "101",
)
_NUMBERS: tuple[Any, ...] = (
    0,
    1,
    -1,
    2,
    5,
    6,
    7,
    8,
    99,
    101,
    999,
    411,
    2004,
    2005,
    2200,
    2201,
    1899,
    366,
    367,
    168,
    169,
    100_000,
    100_001,
    10_000_000,
    10_000_001,
    1_000_000,
    1_000_001,
    10**12 + 1,
    10**15,
    10**15 + 1,
    10**16,
    -(10**16),
    0.5,
    -0.5,
    1.5,
    3.0,
    101.0,
    1e-9,
    1e300,
    -1e300,
    2**63,
)
_OTHERS: tuple[Any, ...] = (None, True, False, [], {}, [1], {"a": 1}, ["a", "a"])


@dataclass(frozen=True)
class Mutation:
    """One change to a document.

    Attributes:
        document: The changed document (a deep copy; the original is untouched).
        path: Where the change is: the keys and indexes from the root.
        action: ``"replace"``, ``"delete"``, ``"repeat"``, ``"rename"`` or ``"add"``.
        value: The new value (``"replace"``), the new key (``"rename"``, ``"add"``),
            else ``None``.
    """

    document: dict[str, Any]
    path: Path
    action: str
    value: Any


def _places(node: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    """Every member and item under ``node``, with its path, depth first."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*path, key), value
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*path, index), value
            yield from _places(value, (*path, index))


def _variants(original: Any, rng: random.Random) -> Any:
    """A value to put in place of ``original``: near it, of another kind, or of any kind."""
    roll = rng.random()
    if roll < 0.35:  # near the original: the same type, just past a rule
        if isinstance(original, bool):
            return rng.choice([not original, 0, 1, "true", None])
        if isinstance(original, int):
            return rng.choice(
                [
                    original + 1,
                    original - 1,
                    -original,
                    original * 1000,
                    float(original),
                    original + 0.5,
                    str(original),
                    999,
                    -1,
                    0,
                ]
            )
        if isinstance(original, float):
            return rng.choice([-original, original * 1e6, original + 1, 0, -1e-9, 1.0001])
        if isinstance(original, str):
            return rng.choice(
                [
                    original + " x",
                    original + "\n",
                    " " + original,
                    original.upper(),
                    original * 500,
                    original[:1],
                    original.replace("-", " "),
                    original + "é",
                ]
            )
        if isinstance(original, list):
            return rng.choice([[], [*original, *original], original[:1], None, "x"])
        if isinstance(original, dict):
            return rng.choice([{}, [], None, "x"])
    if roll < 0.7:
        return rng.choice(_TEXTS)
    if roll < 0.92:
        return rng.choice(_NUMBERS)
    return copy.deepcopy(rng.choice(_OTHERS))


def mutate(document: dict[str, Any], rng: random.Random) -> Mutation:
    """Change one place of ``document`` (left untouched); see the module docstring."""
    changed = copy.deepcopy(document)
    places = list(_places(changed))
    path, original = rng.choice(places)
    parent: Any = changed
    for segment in path[:-1]:
        parent = parent[segment]
    last = path[-1]
    roll = rng.random()
    if roll < 0.12:  # delete the member or the item
        del parent[last]
        return Mutation(changed, path, "delete", None)
    if roll < 0.2 and isinstance(parent, list):  # the item twice
        parent.insert(int(last), copy.deepcopy(original))
        return Mutation(changed, path, "repeat", None)
    if roll < 0.28 and isinstance(parent, dict):
        if rng.random() < 0.5:  # an unknown member beside it
            key = rng.choice(["extra", "Id", "title ", "notes", "kind", "x-extension"])
            if key not in parent:
                parent[key] = rng.choice([1, "x", None])
                return Mutation(changed, path, "add", key)
        else:  # the key renamed: an unknown field, or another key of a mapping
            key = rng.choice((*_TEXTS[:16], "motivation", "social", "Mot ivation", "g1"))
            if key not in parent:
                parent[key] = parent.pop(last)
                return Mutation(changed, path, "rename", key)
    value = _variants(original, rng)
    parent[last] = value
    return Mutation(changed, path, "replace", value)


def mutations(document: dict[str, Any], seed: int, count: int) -> Iterator[Mutation]:
    """``count`` mutations of ``document``, the same for the same seed."""
    rng = random.Random(seed)  # noqa: S311 - not cryptography
    for _ in range(count):
        yield mutate(document, rng)


def valid_documents(document_type: str) -> list[dict[str, Any]]:
    """Valid documents of a type, without Hypothesis: examples, synthetic data, the catalogue."""
    as_of = dt.date(2026, 10, 1)
    if document_type == "collaboration":
        found: list[Any] = [frivillig.load_example(name) for name in frivillig.example_names()]
        # the smaller of the synthetic ones: a validator of the schema takes a while over a
        # large document, and a field is a field whatever the size
        drawn = generate_portfolio(1, size=40, as_of=as_of).collaborations
        found += sorted(drawn, key=lambda c: len(frivillig.dumps(c)))[:10]
    elif document_type == "portfolio":
        found = []
        for seed in range(5):  # each with its smallest collaboration or two, for speed
            portfolio = generate_portfolio(seed, size=20, as_of=as_of)
            kept = sorted(portfolio.collaborations, key=lambda c: len(frivillig.dumps(c)))
            count = 2 if seed == 1 else 1
            found.append(attrs.evolve(portfolio, collaborations=tuple(kept[:count])))
    elif document_type == "volunteer_policy":
        found = [
            frivillig.VolunteerPolicy(
                municipality_code=code,
                title=title,
                adopted_on=dt.date(2019, 5, 1),
                revised_on=revised,
                process=frivillig.PolicyProcess(process),
                commitments=commitments,
                reference=reference,
            )
            for code, title, revised, process, commitments, reference in (
                (101, "Frivillighedspolitik", None, "co_designed", (), None),
                (
                    751,
                    "Politik for samarbejde med civilsamfundet",
                    dt.date(2024, 1, 15),
                    "consulted",
                    ("Vi inviterer foreningerne med fra start", "Et årligt dialogmøde"),
                    "sag 00.01.00-P22-1-19",
                ),
                (860, "Frivilligpolitik 2020", dt.date(2020, 3, 1), "top_down", ("Én",), "x"),
            )
        ]
    elif document_type == "instrument":
        found = [frivillig.get_instrument(name) for name in frivillig.instrument_ids()]
    else:
        raise ValueError(document_type)
    return [frivillig.to_dict(obj) for obj in found]


def loader_problems(document: dict[str, Any]) -> list[Problem] | None:
    """The problems ``frivillig.loads`` finds in the document's JSON text; ``None`` if none."""
    try:
        frivillig.loads(json.dumps(document, ensure_ascii=False))
    except ValidationError as error:
        return list(error.problems)
    return None


def _is_integral_float(value: Any) -> bool:
    return type(value) is float and value.is_integer()


def documented_difference(mutation: Mutation, problems: list[Problem] | None) -> str | None:
    """Which documented difference explains the schema and the loader disagreeing, if any.

    ``problems`` are the loader's (``None``: it accepted the document). When the
    loader refused, every problem must be one of the rules the schema leaves to
    it (``frivillig.schema._RULES_NOT_IN_SCHEMA``), found by code, path and
    message; or the mutation wrote a whole number with a fraction (``3.0``),
    which JSON Schema counts as an integer. When the loader accepted, only an
    older ``schema_version``, which it upgrades, explains it.
    """
    if problems is None:
        if mutation.path == ("schema_version",) and mutation.action == "replace":
            version = mutation.value
            if type(version) is int and 1 <= version < frivillig.SCHEMA_VERSION:
                return "older schema version"
        return None
    if mutation.action == "replace" and _is_integral_float(mutation.value):
        return "integral float"
    names = []
    for problem in problems:
        rule = next(
            (
                rule
                for rule in _RULES_NOT_IN_SCHEMA
                if problem.code in rule.codes
                and (rule.where is None or re.search(rule.where, problem.path))
                and (rule.message is None or re.search(rule.message, problem.message))
            ),
            None,
        )
        if rule is None:
            return None
        names.append(rule.name)
    return "+".join(sorted(set(names)))
