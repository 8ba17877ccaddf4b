r"""JSON Schemas (draft 2020-12) of the JSON form and of results, for systems that check them.

[`json_schema`][frivillig.schema.json_schema] gives the schema of a document.
It is generated from the model's classes and from the constraints their field
validators state for the loader's fast path (see ``Constraint`` in the
validators module), so it cannot drift from them. It states every rule that
concerns one field alone: types (integers apart from numbers), required
members and no others, ``schema_version`` and ``type``, the values each
enumeration allows, the ``kind`` tag of actors, ids (1-128 letters, digits,
``_ . : -``, starting with a letter or digit), text that must hold something
visible and its longest length, number ranges, the 98 municipality codes, ISO
dates (``format: date``), lists that must not be empty or must not repeat a
value, the keys and values of mappings, the 8 digits of a CVR number, and which
fields may be ``null``.

What a validator of the schema cannot tell is left to the library's loader,
which is the authority (its ``problems`` name the rule by ``code``):

- rules across fields: dates in order (``order``), ids that must name
  something in the document (``reference``), ids that must be unique within a
  list of objects (``duplicate``), facts that contradict each other
  (``conflict``), an instrument's anchors within its scale and factors in its
  categories;
- rules that need a computation or reference data: the CVR check digit
  (``checksum``), an id shaped like a CPR number where a pseudonym belongs
  (``personal_data``), the grammar of an evaluation plan's recurrence rule, and
  a time zone known to the IANA database;
- the loader also reads documents of older schema versions and upgrades them,
  and refuses a whole number written with a fraction (``3.0`` for ``3``), which
  JSON Schema counts as an integer; the loader's limits
  ([`LoadLimits`][frivillig.LoadLimits]) are settings of the reader, not rules
  of the form.

The schema's own ``description`` lists the same. Patterns are ECMA-262, as
JSON Schema says, and mean the same under Python's ``re.search`` (a pattern
anchored at the end comes with ``"not": {"pattern": "\n"}``, because Python's
``$`` also matches before a final newline).

[`result_schema`][frivillig.schema.result_schema] gives the schema of the JSON
form of a [`Score`][frivillig.Score], of the scores
[`score_all`][frivillig.score_all] returns, and of a
[`Report`][frivillig.Report].

Examples:
    >>> import frivillig.schema
    >>> schema = frivillig.schema.json_schema("collaboration")
    >>> schema["properties"]["schema_version"]["const"] == frivillig.SCHEMA_VERSION
    True
    >>> schema["properties"]["id"]["pattern"]
    '^(?:[A-Za-z0-9][A-Za-z0-9_.:-]{0,127})$'
"""

import datetime as dt
import functools
import inspect
import json
import math
import re
import types
import typing
from collections.abc import Callable
from typing import Any, cast

import attrs

from ._core.frozenmap import FrozenMap
from ._core.labels import LabelledEnum
from ._model.actors import ACTOR_CLASSES, Actor
from ._model.collaboration import _ENDS_FROM, _ended_from, _holders, _responsibilities
from ._model.evaluation import MAX_RRULE_LENGTH, _rrule
from ._model.hours import _first_of_month
from ._model.instruments import _finite, _non_empty, _share
from ._model.instruments import _whole as _whole_number
from ._model.validators import (
    ID_CONSTRAINT,
    Constraint,
    constraint,
    distinct,
    identifiers,
    optional_cvr,
    own_validator,
)
from ._model.volunteers import Volunteer, _pseudonymous_id
from .errors import ArgumentTypeError, ArgumentValueError
from .serialization import DOCUMENT_TYPES, SCHEMA_VERSION

__all__ = ["RESULT_TYPES", "json_schema", "result_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_NO_NEWLINE: dict[str, Any] = {"not": {"pattern": r"\n"}}
_DATE = {
    "type": "string",
    "format": "date",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    **_NO_NEWLINE,
}
_NULL = {"type": "null"}

RESULT_TYPES = ("score", "scores", "report")
"""The results [`result_schema`][frivillig.schema.result_schema] describes."""


@attrs.frozen
class _Rule:
    """A rule the loader checks that the schema does not state.

    ``name`` is a short name; ``codes`` are the problem codes the loader reports
    for it; ``where`` is a regular expression searched in the problem's path
    (``None``: any path); ``message`` one searched in its message.
    """

    name: str
    text: str
    codes: tuple[str, ...]
    where: str | None = None
    message: str | None = None


_INDEX = r"\[\d+\]"
_RULES_NOT_IN_SCHEMA = (
    _Rule(
        "order",
        "dates and bounds in order: end_on not before start_on, revised_on not before "
        "adopted_on, a period's last_day not before its first_day, an evaluation plan's "
        "first_date not before start_on, a time log's month not before the month of "
        "start_on, a scale's maximum above its minimum, bands by strictly increasing lower "
        "bound",
        ("order",),
        r"(end_on|revised_on|last_day|first_date|time_logs\[\d+\]\.month|\.maximum|\.lower)$",
    ),
    _Rule(
        "reference",
        "every id named inside a collaboration names a participant, goal, task, volunteer "
        "or instrument that exists; a factor's category is one of the instrument's",
        ("reference",),
    ),
    _Rule(
        "duplicate",
        "ids unique within a list of objects (participants, goals, tasks, volunteers, "
        "rounds, a round's responses by party, collaborations, categories, factors, items, "
        "bands), one agreement per party and goal, one rating per ordered pair, one anchor "
        "per scale point, one time log per volunteer, task and month",
        ("duplicate",),
        rf"(\.id|\.party|\.key|\.value|ratings{_INDEX}|time_logs{_INDEX})$",
    ),
    _Rule(
        "conflict",
        "no contradiction between fields: a municipality's budget share and support "
        "schemes, funding only with money among the resources, a target that differs from "
        "the baseline, no rating of oneself, an association only when an association "
        "engages the volunteer, ended_from only when ended, a holder only for a "
        "responsibility that some party holds",
        ("conflict",),
    ),
    _Rule(
        "anchors",
        "an instrument's anchors lie within its scale",
        ("range",),
        rf"anchors{_INDEX}\.value$",
    ),
    _Rule(
        "categories",
        "when an instrument has categories, every factor names one and every category has a factor",
        ("missing", "empty"),
        r"(\.category|\.categories)$",
    ),
    _Rule("checksum", "a CVR number passes its modulus-11 check digit", ("checksum",), r"\.cvr$"),
    _Rule(
        "personal_data",
        "a volunteer's id and a responsibility holder's id are pseudonyms, never shaped "
        "like a CPR number",
        ("personal_data",),
    ),
    _Rule(
        "rrule",
        "an evaluation plan's rrule is one RFC 5545 recurrence rule of the parts a plan "
        "uses, and a counted rule ends within the years the library expands",
        ("format", "range", "choice"),
        r"evaluation_plan\.rrule$",
    ),
    _Rule(
        "timezone",
        "an evaluation plan's timezone is a zone of the IANA time zone database",
        ("choice",),
        r"evaluation_plan\.timezone$",
    ),
    _Rule(
        "limits",
        "the loader's limits (LoadLimits: bytes, depth, items, string length, integer digits)",
        ("size", "depth", "length", "range"),
        message="LoadLimits",
    ),
)
"""The rules left to the loader, by the problem codes and paths it reports them with."""

_NOTES_NOT_IN_SCHEMA = (
    "the loader also reads documents of an older schema_version and upgrades them",
    "JSON Schema counts a whole number written with a fraction (3.0) as an integer; the "
    "loader does not",
)


# How frivillig writes a document: what a reader may rely on, and what it must not need.
_WRITTEN_FORM = (
    "frivillig writes a document as UTF-8 JSON, compact (no whitespace between tokens) "
    "unless asked to indent it; members in the order of each object's properties here "
    "(schema_version and type first, an actor's kind first), map keys sorted (keys "
    "from an enumeration in the enumeration's order), numbers as Python writes them "
    "(a whole float keeps its .0). Equal objects give equal text, and the text reads "
    "back equal. Readers must not depend on member order or spacing: the loader accepts "
    "any."
)


@functools.cache
def _visible_pattern() -> str:
    r"""A character class of every character ``str.strip()`` keeps (not ``str.isspace()``).

    ECMA-262's ``\S`` and Python's differ (U+001C-U+001F, U+0085, U+FEFF), so the
    class names the characters one by one: the same in both.
    """
    spaces = [code for code in range(0x10000) if chr(code).isspace()]
    ranges: list[list[int]] = []
    for code in spaces:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = [
        f"\\u{low:04x}" if low == high else f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges
    ]
    return f"[^{''.join(parts)}]"


_PLAIN = re.compile(r"[A-Za-z0-9_.:\-\[\]{},]*")  # no escapes, groups, anchors or alternatives


def _pattern(python: str) -> dict[str, Any]:
    """The schema of a constraint's pattern (searched, as ``re.search`` does) in ECMA-262."""
    if python == r"\S":
        return {"pattern": _visible_pattern()}
    anchored = re.fullmatch(r"\\A\(\?:(.*)\)\\Z", python, re.DOTALL)
    if anchored is not None and _PLAIN.fullmatch(anchored.group(1)):
        return {"pattern": f"^(?:{anchored.group(1)})$", **_NO_NEWLINE}
    message = f"no ECMA-262 form of the pattern {python!r}"
    raise TypeError(message)


def _number(value: float) -> float:
    return int(value) if float(value).is_integer() else value


def _is_optional(tp: Any) -> bool:
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _parts(validator: Any) -> list[Any]:
    """The validators a field's validator runs, one by one (``and_``, ``optional`` opened)."""
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    if isinstance(inner, tuple):
        return [part for item in inner for part in _parts(item)]
    wrapped = getattr(validator, "validator", None)
    if type(validator).__name__ == "_OptionalValidator" and wrapped is not None:
        return _parts(wrapped)
    return [validator]


def _name(validator: Any) -> str:
    return f"{getattr(validator, '__module__', '?')}.{getattr(validator, '__qualname__', '?')}"


# Validators whose rules the schema cannot state: across fields or list items, or needing
# reference data (the time zone database). Their problems are in _RULES_NOT_IN_SCHEMA.
_ACROSS = frozenset(
    {
        "frivillig._model.validators.unique_ids.<locals>.check",
        "frivillig._model.validators.not_before.<locals>.check",
        "frivillig._model.volunteers._last_day",
        "frivillig._model.volunteers.Volunteer._check_association",
        "frivillig._model.collaboration._plan_after_start",
        "frivillig._model.collaboration._logs",
        "frivillig._model.evaluation._reaches_dates",
        "frivillig._model.evaluation._timezone",
        "frivillig._model.evaluation.DyadicRating._check_ratee",
        "frivillig._model.evaluation.EvaluationRound._check_ratings",
        "frivillig._model.participation.Participant._check_share",
        "frivillig._model.participation.Participant._check_support",
        "frivillig._model.participation.Participant._check_funding",
        "frivillig._model.goals.Indicator._check_target",
        "frivillig._model.goals.Goal._check_agreements",
        "frivillig._model.instruments.Scale._check_maximum",
        "frivillig._model.instruments.Scale._check_anchors",
        "frivillig._model.instruments.Instrument._check_factors",
        "frivillig._model.instruments.Instrument._check_bands",
    }
)


def _id_schema() -> dict[str, Any]:
    return {"type": "string", **_pattern(cast(str, ID_CONSTRAINT.pattern))}


def _visible_text(max_length: int) -> dict[str, Any]:
    return {"type": "string", "pattern": _visible_pattern(), "maxLength": max_length}


def _texts_facts(validator: Any) -> dict[str, Any]:
    longest = inspect.getclosurevars(validator).nonlocals["max_length"]
    return {"items": _visible_text(longest), "uniqueItems": True}


# What the validators without a Constraint require of their one field, by validator.
_FACTS: dict[Any, Callable[[Any], dict[str, Any]]] = {
    distinct: lambda _: {"uniqueItems": True},
    identifiers: lambda _: {"items": _id_schema(), "uniqueItems": True},
    _non_empty: lambda _: {"minItems": 1},
    _share: lambda _: {"exclusiveMinimum": 0, "maximum": 1},
    _finite: lambda _: {"minimum": -(10**12), "maximum": 10**12},
    _whole_number: lambda _: {"type": "integer", "minimum": -(10**6), "maximum": 10**6},
    _responsibilities: lambda _: {"additionalProperties": _id_schema()},
    _holders: lambda _: {"additionalProperties": _id_schema()},  # + not CPR-shaped, + conflict
    _pseudonymous_id: lambda _: _id_schema(),  # + not CPR-shaped
    optional_cvr: lambda _: {"type": "string", "pattern": "^[1-9][0-9]{7}$", **_NO_NEWLINE},
    _ended_from: lambda _: {
        "type": "string",
        "enum": [status.value for status in sorted(_ENDS_FROM, key=_order)],
    },
    _rrule: lambda _: _visible_text(MAX_RRULE_LENGTH) | _NO_NEWLINE,  # + its grammar
    _first_of_month: lambda _: {"pattern": "^[0-9]{4}-[0-9]{2}-01$"},
    Volunteer._check_motives: lambda _: {
        "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 7}
    },
}
_FACTS_BY_NAME: dict[str, Callable[[Any], dict[str, Any]]] = {
    "frivillig._model.validators.texts.<locals>.check": _texts_facts,
}


def _order(member: LabelledEnum) -> int:
    return list(type(member)).index(member)


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Add the facts of ``extra`` to the schema ``base`` (both plain data)."""
    if "enum" in extra and "$ref" in base:
        return dict(extra)  # a narrower choice than the enumeration's
    merged = dict(base)
    for key, value in extra.items():
        if key in ("items", "additionalProperties", "propertyNames") and isinstance(
            merged.get(key), dict
        ):
            merged[key] = _merge(merged[key], value)
        elif key == "not" and "not" in merged:
            if merged["not"] != value:
                merged["allOf"] = [*merged.get("allOf", []), {"not": value}]
        else:
            merged[key] = value
    return merged


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.unclassified: dict[str, None] = {}

    def of(self, tp: Any) -> dict[str, Any]:
        """The schema of a value of type ``tp``, with no validator's facts."""
        if tp is str:
            return {"type": "string"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is dt.date:
            return dict(_DATE)
        if tp == Actor:
            return {"oneOf": [self.ref(cls, tag=kind.value) for kind, cls in ACTOR_CLASSES.items()]}
        if isinstance(tp, type) and (issubclass(tp, LabelledEnum) or attrs.has(tp)):
            return self.ref(tp)
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            options = [arg for arg in args if arg is not type(None)]
            inner = [self.of(arg) for arg in options]
            schema = inner[0] if len(inner) == 1 else {"anyOf": inner}
            return {"anyOf": [schema, _NULL]} if type(None) in args else schema
        if origin is tuple:
            return {"type": "array", "items": self.of(args[0])}
        if origin is FrozenMap:
            key_type, value_type = args
            mapping: dict[str, Any] = {
                "type": "object",
                "additionalProperties": self.of(value_type),
            }
            if isinstance(key_type, type) and issubclass(key_type, LabelledEnum):
                mapping["propertyNames"] = {"enum": [member.value for member in key_type]}
            return mapping
        message = f"no JSON Schema for {tp!r}"
        raise TypeError(message)

    def constrained(self, tp: Any, found: Constraint) -> dict[str, Any]:
        """The schema of type ``tp`` under a validator's constraint, as the fast reader reads it."""
        if found.choices is not None and tp is int:
            return {"type": "integer", "enum": list(found.choices)}
        if found.keys is not None and typing.get_origin(tp) is FrozenMap:
            key, value = typing.get_args(tp)
            values = self.of(value)
            if found.values is not None:
                values = self.field(value, found.values)
            return {
                "type": "object",
                "propertyNames": self.field(key, found.keys),
                "additionalProperties": values,
            }
        if tp is str and found.ge is None and found.le is None:
            schema: dict[str, Any] = {"type": "string"}
            if found.max_length is not None:
                schema["maxLength"] = found.max_length
            if found.pattern is not None:
                schema.update(_pattern(found.pattern))
            return schema
        if tp in (int, float) and found.pattern is None and found.max_length is None:
            schema = {"type": "integer" if tp is int else "number"}
            low, high = found.ge, found.le
            if tp is int:  # whole bounds, as the fast reader uses
                low = None if low is None else math.ceil(low)
                high = None if high is None else math.floor(high)
            if low is not None:
                schema["minimum"] = _number(low)
            if high is not None:
                schema["maximum"] = _number(high)
            return schema
        message = f"the constraint {found!r} does not fit {tp!r}"
        raise TypeError(message)

    def field(self, tp: Any, found: Constraint) -> dict[str, Any]:
        """``constrained``, for a type that may be optional (a constraint holds when set)."""
        if _is_optional(tp):
            inner = next(arg for arg in typing.get_args(tp) if arg is not type(None))
            return {"anyOf": [self.constrained(inner, found), _NULL]}
        if typing.get_origin(tp) in (typing.Union, types.UnionType):
            message = f"a constraint on the union {tp!r}"
            raise TypeError(message)
        return self.constrained(tp, found)

    def of_field(self, field: "attrs.Attribute[Any]") -> dict[str, Any]:
        """The schema of one field: its type and what its own validators require of it alone."""
        tp = field.type
        optional = _is_optional(tp)
        inner = (
            next(arg for arg in typing.get_args(tp) if arg is not type(None)) if optional else tp
        )
        schema: dict[str, Any] | None = None
        extras: list[dict[str, Any]] = []
        for part in _parts(own_validator(field)):
            found = constraint(part)
            if found is not None:
                schema = self.constrained(inner, found) if schema is None else schema
                continue
            facts = _FACTS.get(part) or _FACTS_BY_NAME.get(_name(part))
            if facts is not None:
                extras.append(facts(part))
            elif _name(part) not in _ACROSS:
                self.unclassified[_name(part)] = None
        if schema is None:
            schema = self.of(inner)
        for extra in extras:
            schema = _merge(schema, extra)
        return {"anyOf": [schema, _NULL]} if optional else schema

    def ref(self, cls: type[Any], tag: str | None = None) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve first: classes may refer to themselves
            self.defs[name] = (
                self.enum(cls) if issubclass(cls, LabelledEnum) else self.obj(cls, tag)
            )
        return {"$ref": f"#/$defs/{name}"}

    def enum(self, cls: type[LabelledEnum]) -> dict[str, Any]:
        return {
            "type": "string",
            "enum": [member.value for member in cls],
            "description": (cls.__doc__ or "").strip().splitlines()[0],
        }

    def obj(self, cls: type[Any], tag: str | None) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["kind"] = {"type": "string", "const": tag}
            required.append("kind")
        for field in attrs.fields(cls):
            properties[field.name] = self.of_field(field)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        return {
            "type": "object",
            "description": (cls.__doc__ or "").strip().splitlines()[0],
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def _description() -> str:
    rules = "; ".join(rule.text for rule in _RULES_NOT_IN_SCHEMA)
    notes = "; ".join(_NOTES_NOT_IN_SCHEMA)
    return (
        "Every rule on a single field is stated here. Left to frivillig's loader, which is "
        f"the authority: {rules}. Also: {notes}."
    )


def _unclassified() -> tuple[str, ...]:
    """The validators of the model the schema knows nothing about (should be none)."""
    builder = _Builder()
    for cls in DOCUMENT_TYPES.values():
        builder.ref(cls)
    return tuple(builder.unclassified)


def _check_choice(value: object, choices: tuple[str, ...], name: str) -> str:
    """Return ``value`` when it is one of ``choices``; raise the caller's mistake otherwise."""
    if isinstance(value, str) and value in choices:
        return value
    names = ", ".join(choices)
    if not isinstance(value, str):
        message = f"{name} must be one of {names}, got {type(value).__name__}"
        raise ArgumentTypeError(message)
    message = f"{name} must be one of {names}"
    raise ArgumentValueError(message)


def json_schema(document_type: str = "collaboration") -> dict[str, Any]:
    """Return the JSON Schema of one kind of document.

    The same call gives the same schema, member for member and in the same order.

    Args:
        document_type: The document's ``type``: ``"collaboration"``,
            ``"portfolio"``, ``"volunteer_policy"`` or any other registered in
            [`DOCUMENT_TYPES`][frivillig.serialization.DOCUMENT_TYPES].

    Returns:
        A JSON Schema (draft 2020-12) as plain data, ready for ``json.dumps``.

    Raises:
        ArgumentValueError: ``document_type`` is text but not a document type.
        ArgumentTypeError: ``document_type`` is not text.
    """
    name = _check_choice(document_type, tuple(DOCUMENT_TYPES), "document_type")
    return _document_schema(name)


@functools.cache
def _cached_document_schema(document_type: str) -> str:
    builder = _Builder()
    root = builder.obj(DOCUMENT_TYPES[document_type], tag=None)
    root["properties"] = {
        "schema_version": {"type": "integer", "const": SCHEMA_VERSION},
        "type": {"type": "string", "const": document_type},
        **root["properties"],
    }
    root["required"] = ["schema_version", "type", *root["required"]]
    root["description"] = f"{root['description']} {_description()}"
    schema = {
        "$schema": _DIALECT,
        "$id": f"https://frivillig.dk/schema/{SCHEMA_VERSION}/{document_type}.json",
        "title": f"frivillig {document_type} document, schema version {SCHEMA_VERSION}",
        "$comment": _WRITTEN_FORM,
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
    return json.dumps(schema, ensure_ascii=False)


def _document_schema(document_type: str) -> dict[str, Any]:
    # a fresh copy each time: the caller may change what it gets
    return cast(dict[str, Any], json.loads(_cached_document_schema(document_type)))


def result_schema(result_type: str) -> dict[str, Any]:
    """Return the JSON Schema of the JSON form of a result.

    ``"score"`` is what [`Score.to_dict`][frivillig.Score.to_dict] gives,
    ``"scores"`` what ``to_dict`` of [`score_all`][frivillig.score_all]'s result
    gives, and ``"report"`` what [`Report.to_dict`][frivillig.Report.to_dict] gives.

    Args:
        result_type: ``"score"``, ``"scores"`` or ``"report"``.

    Returns:
        A JSON Schema (draft 2020-12) as plain data, ready for ``json.dumps``.

    Raises:
        ArgumentValueError: ``result_type`` is text but not one of these.
        ArgumentTypeError: ``result_type`` is not text.

    Examples:
        >>> import frivillig.schema
        >>> frivillig.schema.result_schema("score")["required"][:2]
        ['key', 'label_da']
    """
    name = _check_choice(result_type, RESULT_TYPES, "result_type")
    return cast(dict[str, Any], json.loads(_cached_result_schema(name)))


# What the results promise beyond their types (see the classes' docstrings).
_RESULT_FACTS: dict[tuple[str, str], dict[str, Any]] = {
    ("Score", "value"): {"minimum": 0, "maximum": 100},
    ("Score", "low"): {"const": 0},
    ("Score", "high"): {"const": 100},
    ("Score", "coverage"): {"minimum": 0, "maximum": 1},
    ("ScorePart", "value"): {"minimum": 0, "maximum": 100},
    ("ScorePart", "weight"): {"minimum": 0},
    ("ScorePart", "coverage"): {"minimum": 0, "maximum": 1},
}


def _result_object(builder: _Builder, cls: type[Any]) -> None:
    """Put ``cls`` in the definitions as a result: every member always present."""
    builder.ref(cls)
    definition = builder.defs[cls.__name__]
    definition["required"] = list(definition["properties"])
    for name, schema in definition["properties"].items():
        facts = _RESULT_FACTS.get((cls.__name__, name))
        if facts is None:
            continue
        if "anyOf" in schema:  # a number or null: the facts hold for the number
            schema["anyOf"][0] = _merge(schema["anyOf"][0], facts)
        else:
            definition["properties"][name] = _merge(schema, facts)


@functools.cache
def _cached_result_schema(result_type: str) -> str:
    from ._model.instruments import Note
    from ._rules.engine import Finding, Report, Severity
    from ._scores.scores import Score, ScorePart

    builder = _Builder()
    for cls in (Note, ScorePart, Score):
        _result_object(builder, cls)
    root: dict[str, Any]
    if result_type == "score":
        root = builder.defs.pop("Score")
        title = "a score"
    elif result_type == "scores":
        root = {
            "type": "object",
            "description": "Every score of a collaboration, by key (score_all).",
            "propertyNames": _id_schema(),
            "additionalProperties": {"$ref": "#/$defs/Score"},
        }
        title = "the scores of a collaboration"
    else:
        _result_object(builder, Finding)
        severities = [severity.value for severity in Severity]
        root = {
            "type": "object",
            "description": (Report.__doc__ or "").strip().splitlines()[0],
            "properties": {
                "subject": {"type": "string"},
                "subject_type": {"type": "string", "enum": ["collaboration", "portfolio"]},
                "today": dict(_DATE),
                "passes": {"type": "boolean"},
                "counts": {
                    "type": "object",
                    "propertyNames": {"enum": severities},
                    "required": severities,
                    "additionalProperties": {"type": "integer", "minimum": 0},
                },
                "rules": {"type": "array", "items": {"type": "string"}},
                "findings": {"type": "array", "items": {"$ref": "#/$defs/Finding"}},
            },
            "required": [
                "subject",
                "subject_type",
                "today",
                "passes",
                "counts",
                "rules",
                "findings",
            ],
            "additionalProperties": False,
        }
        title = "a check's report"
    schema = {
        "$schema": _DIALECT,
        "$id": f"https://frivillig.dk/schema/{SCHEMA_VERSION}/result/{result_type}.json",
        "title": f"frivillig: the JSON form of {title}",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
    return json.dumps(schema, ensure_ascii=False)
