"""The JSON form: dump and load every top-level type, with a schema version.

Every document frivillig writes is a JSON object with two envelope keys beside
the object's own fields: ``schema_version`` (an integer, currently
[`SCHEMA_VERSION`][frivillig.serialization.SCHEMA_VERSION]) and ``type`` (which
top-level type it holds: ``"collaboration"``, ``"portfolio"``,
``"volunteer_policy"`` or ``"instrument"``). Loading is strict: types must match exactly (``"3"``
is not the number 3, ``3.7`` is not an integer), unknown fields are rejected,
enumerations accept only their listed values, dates must be ISO ``YYYY-MM-DD``,
and every id named inside a collaboration must exist in it. A document that
breaks any of this raises [`ValidationError`][frivillig.errors.ValidationError]
listing *every* problem with its JSON path. Documents written by an older
release are upgraded through explicit migrations before they are read.

Well-formed documents are read and written through msgspec, with the same
result as the detailed reader and the JSON module give (see the documentation's
performance page for the figures and how they are measured).

Examples:
    >>> import frivillig
    >>> collaboration = frivillig.load_example()
    >>> text = frivillig.dumps(collaboration)
    >>> frivillig.loads(text) == collaboration
    True
"""

import collections
import contextvars
import datetime as dt
import difflib
import enum
import json
import math
import operator
import os
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar, cast

import attrs
from cattrs.fns import identity
from cattrs.gen import make_dict_unstructure_fn
from cattrs.preconf.json import make_converter

from ._actors import ACTOR_CLASSES, Actor, ActorKind
from ._collaboration import Collaboration
from ._frozenmap import FrozenMap, adopt
from ._instruments import Instrument
from ._integrity import _dangling, _resolves
from ._labels import LabelledEnum
from ._migrations import MIGRATIONS as _MIGRATIONS
from ._migrations import Migration
from ._policy import VolunteerPolicy
from ._portfolio import Portfolio
from ._privacy import mask_cpr_like
from ._validators import (
    ID_CONSTRAINT,
    Constraint,
    FieldError,
    all_ids,
    constraint,
    is_sequence_converter,
    own_validator,
    render_path,
)
from ._volunteers import is_personal
from .errors import ArgumentTypeError, Problem, SchemaVersionError, ValidationError

__all__ = [
    "DOCUMENT_TYPES",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Document",
    "LoadLimits",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "to_dict",
]

SCHEMA_VERSION = 2
"""The schema version this release writes, and the newest it reads."""

Document = Collaboration | Portfolio | VolunteerPolicy | Instrument
"""The top-level types that can be a JSON document of their own."""

DOCUMENT_TYPES: dict[str, type[Any]] = {
    "collaboration": Collaboration,
    "portfolio": Portfolio,
    "volunteer_policy": VolunteerPolicy,
    "instrument": Instrument,
}
"""The value of the ``type`` key for each top-level type."""

MIGRATIONS: dict[int, Migration] = _MIGRATIONS
"""Upgrades, keyed by the version they read: ``MIGRATIONS[n]`` turns a version
``n`` document into a version ``n + 1`` document. Each returns a new dict and
leaves its argument as it was."""


def _positive(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if type(value) is not int or value < 1:
        raise FieldError((attribute.name,), "expected a whole number of at least 1", "range")


def _digits(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    _positive(instance, attribute, value)
    if value > _MAX_DIGITS:  # type: ignore[operator]
        raise FieldError((attribute.name,), f"expected at most {_MAX_DIGITS}", "range")


_MAX_DIGITS = 4300


@attrs.frozen(kw_only=True)
class LoadLimits:
    """How much a document may hold before the loader refuses to read it.

    Documents come from other systems and from people, so the loader bounds
    the work and memory one document can cost. Every limit is checked before
    the document is turned into objects: the size before parsing, large
    integers and overlong keys while parsing, the rest on the parsed data.
    A document over a limit raises [`ValidationError`][frivillig.ValidationError]
    with code ``"size"`` (``max_bytes``), ``"depth"`` (``max_depth``),
    ``"length"`` (``max_items``, ``max_string_length``) or ``"range"``
    (``max_integer_digits``). The defaults hold a portfolio of about a
    thousand collaborations like the shipped example; raise them for more.

    Parsing JSON in Python costs memory: in the worst case (a document made of
    nothing but empty objects) about 25 times ``max_bytes``, and a few times
    ``max_bytes`` for ordinary documents.

    Attributes:
        max_bytes: The largest document, in bytes of UTF-8 (in characters
            when the document is given as text): 16 MiB.
        max_depth: How deeply arrays and objects may nest: 32 levels (the
            model itself needs fewer than 10).
        max_items: The most items in one array or members in one object: 10 000.
        max_string_length: The longest string or object key, in characters:
            10 000 (the longest text the model takes is 5 000).
        max_integer_digits: The most digits in an integer: 100 (at most 4300,
            Python's own limit for reading an integer from text).
        max_problems: The most problems one error lists before it stops
            looking: 1 000.

    Raises:
        FieldError: a limit is not a whole number of at least 1.

    Examples:
        >>> import frivillig
        >>> text = frivillig.dumps(frivillig.load_example())
        >>> frivillig.loads(text, limits=frivillig.LoadLimits(max_bytes=1000))
        Traceback (most recent call last):
        ...
        frivillig.errors.ValidationError: 1 problem:
          $: the document is larger than the limit of 1000 characters (LoadLimits.max_bytes); ...
    """

    max_bytes: int = attrs.field(default=16 * 1024 * 1024, validator=_positive)
    max_depth: int = attrs.field(default=32, validator=_positive)
    max_items: int = attrs.field(default=10_000, validator=_positive)
    max_string_length: int = attrs.field(default=10_000, validator=_positive)
    max_integer_digits: int = attrs.field(default=100, validator=_digits)
    max_problems: int = attrs.field(default=1000, validator=_positive)


T = TypeVar("T")


class _HiddenKey:
    """A path segment in place of a key that is not shown: it may be personal data."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "[<key hidden>]"


_HIDDEN_KEY = _HiddenKey()
Segment = str | int | _HiddenKey
_ENVELOPE = ("schema_version", "type")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits: \d takes any script's
_SHOWN = 60
_SURROGATE = re.compile("[\ud800-\udfff]")
_HIDDEN = "the value (hidden: personal data)"
_LONE_SURROGATE = (
    "holds an unpaired surrogate (such as \\ud800), which is not text; fix the encoding"
)
_DEFAULT_LIMITS = LoadLimits()

# The limits of the load in progress, and whether the loader is inside an object with
# personal fields (where it must not repeat any value it finds).
_LIMITS: contextvars.ContextVar[LoadLimits] = contextvars.ContextVar(
    "frivillig_limits", default=_DEFAULT_LIMITS
)
_QUIET: contextvars.ContextVar[bool] = contextvars.ContextVar("frivillig_quiet", default=False)

Found = list[tuple[tuple[Segment, ...], str, str]]


class _Invalid(Exception):
    """Problems found while structuring, with paths relative to the value.

    ``truncated`` says that more problems were found than ``max_problems``
    allows, and that the search stopped.
    """

    def __init__(self, problems: Found, *, truncated: bool = False) -> None:
        self.problems = problems
        self.truncated = truncated
        super().__init__(problems)


def _gather(problems: Found, error: _Invalid, *prefix: Segment) -> None:
    """Add a part's problems under its path; stop the search once too many are found."""
    problems.extend(((*prefix, *path), message, code) for path, message, code in error.problems)
    _check_count(problems, truncated=error.truncated)


def _check_count(problems: Found, *, truncated: bool = False) -> None:
    most = _LIMITS.get().max_problems
    if truncated or len(problems) > most:
        raise _Invalid(problems[:most], truncated=True)


def _fail(message: str, code: str) -> typing.NoReturn:
    raise _Invalid([((), message, code)])


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _shown(value: str) -> str:
    if _QUIET.get():
        return _HIDDEN
    # masked before it is shortened or escaped, either of which could split a number
    value = mask_cpr_like(value)
    return repr(value if len(value) <= _SHOWN else value[:_SHOWN] + "…")


# -- structure hooks -------------------------------------------------------------


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is not str:
        _fail(f"expected text, got {_json_type(value)}", "type")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is not int:
        _fail(f"expected an integer, got {_json_type(value)}", "type")
    return value


def _structure_float(value: Any, _: Any) -> float:
    if type(value) is float:
        if value != value or value in (float("inf"), float("-inf")):
            _fail("expected a finite number", "range")
        return value
    if type(value) is int:
        if abs(value) > 2**53:
            _fail("the number is too large", "range")
        return float(value)
    _fail(f"expected a number, got {_json_type(value)}", "type")


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is not bool:
        _fail(f"expected true or false, got {_json_type(value)}", "type")
    return value


def _structure_date(value: Any, _: Any) -> dt.date:
    if type(value) is not str:
        _fail(f"expected a date as text 'YYYY-MM-DD', got {_json_type(value)}", "type")
    if not _DATE.fullmatch(value):
        _fail(f"{_shown(value)} is not a date in the form 'YYYY-MM-DD'", "format")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{_shown(value)} is not a real calendar date", "format")


def _enum_hook(cls: type[LabelledEnum]) -> Callable[[Any, Any], Any]:
    by_value = {member.value: member for member in cls}
    choices = ", ".join(by_value)

    def hook(value: Any, _: Any) -> Any:
        if type(value) is not str:
            _fail(f"expected one of {choices}; got {_json_type(value)}", "type")
        try:
            return by_value[value]
        except KeyError:
            _fail(f"{_shown(value)} is not one of {choices}", "choice")

    return hook


def _optional_hook(inner: Callable[[Any, Any], Any], inner_type: Any) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _: Any) -> Any:
        return None if value is None else inner(value, inner_type)

    return hook


def _tuple_hook(inner: Callable[[Any, Any], Any], inner_type: Any) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            _fail(f"expected an array, got {_json_type(value)}", "type")
        items = []
        problems: list[tuple[tuple[Segment, ...], str, str]] = []
        for index, item in enumerate(value):
            try:
                items.append(inner(item, inner_type))
            except _Invalid as error:
                _gather(problems, error, index)
        if problems:
            raise _Invalid(problems)
        return tuple(items)

    return hook


def _mapping_hook(
    key_hook: Callable[[Any, Any], Any],
    key_type: Any,
    value_hook: Callable[[Any, Any], Any],
    value_type: Any,
) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _: Any) -> FrozenMap[Any, Any]:
        if type(value) is not dict:
            _fail(f"expected an object, got {_json_type(value)}", "type")
        items = {}
        problems: list[tuple[tuple[Segment, ...], str, str]] = []
        for key, item in value.items():
            quiet = _QUIET.get()
            try:
                structured_key = key_hook(key, key_type)
            except _Invalid as error:
                where: tuple[Segment, ...] = () if quiet else (key,)
                problems.extend(
                    ((*where, *path), f"key: {message}", code)
                    for path, message, code in error.problems
                )
                _check_count(problems, truncated=error.truncated)
                continue
            try:
                items[structured_key] = value_hook(item, value_type)
            except _Invalid as error:
                hidden = quiet and not isinstance(structured_key, enum.Enum)
                _gather(problems, error, _HIDDEN_KEY if hidden else key)
        if problems:
            raise _Invalid(problems)
        return FrozenMap(items)

    return hook


def _actor_hook(value: Any, _: Any) -> Actor:
    if type(value) is not dict:
        _fail(f"expected an actor object, got {_json_type(value)}", "type")
    kinds = ", ".join(kind.value for kind in ActorKind)
    if "kind" not in value:
        raise _Invalid(
            [(("kind",), f"is missing; it says what the actor is: one of {kinds}", "missing")]
        )
    tag = value["kind"]
    kind = next((k for k in ActorKind if k.value == tag), None) if type(tag) is str else None
    if kind is None:
        shown = _shown(tag) if type(tag) is str else _json_type(tag)
        raise _Invalid([(("kind",), f"{shown} is not one of {kinds}", "choice")])
    cls = ACTOR_CLASSES[kind]
    body = {key: item for key, item in value.items() if key != "kind"}
    return cast(Actor, _converter.get_structure_hook(cls)(body, cls))


def _attrs_hook_factory(cls: type[Any]) -> Callable[[Any, Any], Any]:
    fields = attrs.fields(cls)
    names = frozenset(field.name for field in fields)
    in_order = [field.name for field in fields]
    order: dict[Segment, int] = {field.name: index for index, field in enumerate(fields)}
    plan = [
        (
            field,
            _converter.get_structure_hook(field.type),
            field.type,
            field.default is attrs.NOTHING,
        )
        for field in fields
    ]
    quiet = any(is_personal(field) for field in fields)

    def hook(value: Any, _: Any) -> Any:
        if quiet and not _QUIET.get():
            token = _QUIET.set(True)
            try:
                return structure(value)
            finally:
                _QUIET.reset(token)
        return structure(value)

    def structure(value: Any) -> Any:
        if type(value) is not dict:
            _fail(f"expected an object, got {_json_type(value)}", "type")
        problems: list[tuple[tuple[Segment, ...], str, str]] = []
        kwargs: dict[str, Any] = {}
        for field, field_hook, field_type, required in plan:
            name = field.name
            if name not in value:
                if required:
                    problems.append(((name,), "is required but missing", "missing"))
                continue
            try:
                kwargs[name] = field_hook(value[name], field_type)
            except _Invalid as error:
                _gather(problems, error, name)
        for key in value:
            if key not in names:
                shown = key if isinstance(key, str) else str(key)
                if _QUIET.get():  # in an object with personal fields, or inside one
                    # The key is never shown, however much it looks like a field name; the
                    # field it resembles is named instead, which says nothing of the key.
                    close = difflib.get_close_matches(shown, in_order, n=1, cutoff=0.8)
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                    problems.append(
                        (
                            (_HIDDEN_KEY,),
                            f"is not a field of {_kind_name(cls)} (the key is not shown: it "
                            f"may be personal data); remove it or check its spelling{hint}",
                            "unknown_field",
                        )
                    )
                else:
                    problems.append(
                        (
                            (shown,),
                            f"is not a field of {_kind_name(cls)}; remove it or check its spelling",
                            "unknown_field",
                        )
                    )
                _check_count(problems)
        if problems:
            problems.extend(
                _field_problems(cls, kwargs, failed={p[0][0] for p in problems if p[0]})
            )
            problems.sort(
                key=lambda problem: order.get(problem[0][0], len(order)) if problem[0] else -1
            )
            _check_count(problems)
            raise _Invalid(problems)
        try:
            return cls(**kwargs)
        except FieldError as error:
            raise _Invalid([(error.path, error.message, error.code)]) from None

    return hook


def _field_problems(
    cls: type[Any], kwargs: dict[str, Any], failed: set[Segment]
) -> list[tuple[tuple[Segment, ...], str, str]]:
    """Run each field's validator on the fields that structured, to report them all at once."""
    namespace = types.SimpleNamespace(
        **{
            field.name: field.converter(kwargs[field.name])
            if field.converter and field.name in kwargs
            else kwargs.get(field.name, field.default)
            for field in attrs.fields(cls)
        }
    )
    problems: list[tuple[tuple[Segment, ...], str, str]] = []
    for field in attrs.fields(cls):
        if field.validator is None or field.name in failed or field.name not in kwargs:
            continue
        try:
            field.validator(namespace, field, getattr(namespace, field.name))
        except FieldError as error:
            problems.append((error.path, error.message, error.code))
        except (AttributeError, TypeError, ValueError):
            continue
    return problems


def _kind_name(cls: type[Any]) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


_converter = make_converter()
_converter.register_structure_hook(str, _structure_str)
_converter.register_structure_hook(int, _structure_int)
_converter.register_structure_hook(float, _structure_float)
_converter.register_structure_hook(bool, _structure_bool)
_converter.register_structure_hook(dt.date, _structure_date)
_converter.register_structure_hook_factory(
    lambda t: isinstance(t, type) and issubclass(t, LabelledEnum), _enum_hook
)


def _origin(tp: Any) -> Any:
    return typing.get_origin(tp)


def _is_optional(tp: Any) -> bool:
    args = typing.get_args(tp)
    return _origin(tp) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args


def _optional_factory(tp: Any) -> Callable[[Any, Any], Any]:
    inner_type = next(arg for arg in typing.get_args(tp) if arg is not type(None))
    return _optional_hook(_converter.get_structure_hook(inner_type), inner_type)


def _is_actor(tp: Any) -> bool:
    return bool(tp == Actor)


def _tuple_factory(tp: Any) -> Callable[[Any, Any], Any]:
    inner_type = typing.get_args(tp)[0]
    return _tuple_hook(_converter.get_structure_hook(inner_type), inner_type)


def _mapping_factory(tp: Any) -> Callable[[Any, Any], Any]:
    key_type, value_type = typing.get_args(tp)
    return _mapping_hook(
        _converter.get_structure_hook(key_type),
        key_type,
        _converter.get_structure_hook(value_type),
        value_type,
    )


_converter.register_structure_hook_factory(attrs.has, _attrs_hook_factory)
_converter.register_structure_hook_factory(
    lambda t: (
        _origin(t) is tuple and len(typing.get_args(t)) == 2 and typing.get_args(t)[1] is Ellipsis
    ),
    _tuple_factory,
)
_converter.register_structure_hook_factory(lambda t: _origin(t) is FrozenMap, _mapping_factory)
_converter.register_structure_hook_factory(_is_optional, _optional_factory)
_converter.register_structure_hook_factory(_is_actor, lambda _: _actor_hook)


def _actor_unstructure(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    inner = make_dict_unstructure_fn(cls, _converter)

    def hook(actor: Any) -> dict[str, Any]:
        return {"kind": actor.kind.value, **inner(actor)}

    return hook


# Equal objects must give equal text: a float field holding an int (3 == 3.0) is
# written as a float, -0.0 as 0.0, and a mapping's keys in a fixed order (enum keys
# in declaration order, text keys sorted), whatever order the mapping was built in.
def _is_float(tp: Any) -> bool:
    return tp is float or (_is_optional(tp) and float in typing.get_args(tp))


def _key_order(key: Any) -> tuple[int, Any]:
    return (0, type(key)._member_names_.index(key.name)) if isinstance(key, enum.Enum) else (1, key)


def _mapping_unstructure(tp: Any) -> Callable[[Any], dict[Any, Any]]:
    args = typing.get_args(tp)
    value_hook = _converter.get_unstructure_hook(args[1]) if args else _converter.unstructure

    def hook(mapping: Any) -> dict[Any, Any]:
        items = sorted(mapping.items(), key=lambda item: _key_order(item[0]))
        return {(k.value if isinstance(k, enum.Enum) else k): value_hook(v) for k, v in items}

    return hook


_converter.register_unstructure_hook_func(
    _is_float, lambda v: None if v is None else float(v) + 0.0
)
_converter.register_unstructure_hook_factory(
    lambda t: _origin(t) is FrozenMap or t is FrozenMap, _mapping_unstructure
)
for _actor_class in ACTOR_CLASSES.values():
    _converter.register_unstructure_hook(_actor_class, _actor_unstructure(_actor_class))


# -- documents ---------------------------------------------------------------------


def _type_name(cls: type[Any]) -> str:
    for name, document_type in DOCUMENT_TYPES.items():
        if document_type is cls:
            return name
    names = ", ".join(t.__name__ for t in DOCUMENT_TYPES.values())
    msg = f"{cls.__name__} is not a top-level type; use one of {names}"
    raise TypeError(msg)


def _document_type(obj: object, name: str = "obj") -> str:
    """The ``type`` of ``obj``'s document; a caller's mistake when it is not a document."""
    try:
        return _type_name(type(obj))
    except TypeError:
        *first, last = (t.__name__ for t in DOCUMENT_TYPES.values())
        names = f"{', '.join(first)} or {last}"
        hint = ""
        if isinstance(obj, dict):
            hint = "; it is already plain data"
        elif hasattr(obj, "to_dict"):
            hint = f"; use its own {type(obj).__name__}.to_dict()"
        usage = f"{name} must be a {names}, got {type(obj).__name__}{hint}"
        raise ArgumentTypeError(usage) from None


def to_dict(obj: Document) -> dict[str, Any]:
    """Turn a top-level object into its JSON form as plain Python data.

    The object is checked as the loader checks what it reads (every id it names
    must be one of its parts), so what is written always reads back.

    Args:
        obj: A [`Collaboration`][frivillig.Collaboration],
            [`Portfolio`][frivillig.Portfolio] or
            [`VolunteerPolicy`][frivillig.VolunteerPolicy].

    Returns:
        A dict of JSON-compatible values, starting with ``schema_version`` and ``type``.

    Raises:
        ArgumentTypeError: ``obj`` is not a top-level type (a programming mistake).
        ValidationError: the loader would refuse the document; ``problems``
            names each id that refers to nothing, with its path.
    """
    name = _document_type(obj)
    _check_references(obj)
    return _unchecked_dict(obj, name)


def _unchecked_dict(obj: Any, name: str) -> dict[str, Any]:
    body = _converter.unstructure(obj)
    return {"schema_version": SCHEMA_VERSION, "type": name, **body}


def _shown_dict(obj: Document) -> dict[str, Any]:
    """``to_dict`` without the loader's checks, for the library's own use only.

    For *showing* an object known to break a rule across fields (a rule's example
    of a dangling id), never for writing a document: what it gives may not read back.
    """
    return _unchecked_dict(obj, _document_type(obj))


def dumps(obj: Document, *, indent: int | None = None) -> str:
    """Write a top-level object as a JSON document.

    The text is the JSON form's written form (see the documentation's page on the
    JSON form): equal objects always give the same text, and it reads back equal.
    Members come in a fixed order (``schema_version``, ``type``, then each
    object's fields as the schema lists them, an actor's ``kind`` first), map
    keys sorted (or in the enumeration's order), floats as Python writes them
    (a whole float keeps its ``.0``). Compact by default, with no space after a
    comma or a colon: the text is ``json.dumps(to_dict(obj), ensure_ascii=False,
    separators=(",", ":"))``, or with ``indent=n`` that of ``json.dumps(...,
    indent=n)``. The object is checked first as the loader checks what it reads,
    so what is written always reads back.

    Args:
        obj: The object to write.
        indent: Indent nested levels by this many spaces; compact when ``None``.

    Returns:
        The JSON text, with non-ASCII letters (æ, ø, å) written as they are.

    Raises:
        ArgumentTypeError: ``obj`` is not a top-level type (a programming mistake).
        ValidationError: the loader would refuse the document; ``problems``
            names each id that refers to nothing, with its path.
    """
    name = _document_type(obj)
    _check_references(obj)
    return _checked_text(obj, name, indent)


def _checked_text(obj: Document, name: str, indent: int | None) -> str:
    """The JSON text of an object whose references are already checked (see ``dumps``)."""
    text = _fast_dumps(obj, indent)
    if text is not None:
        return text
    return json.dumps(
        _unchecked_dict(obj, name),
        ensure_ascii=False,
        indent=indent,
        separators=_COMPACT if indent is None else None,
        allow_nan=False,
    )


# The separators of the compact form: no space after a comma or a colon.
_COMPACT = (",", ":")


def dump(obj: Document, path: str | Path, *, indent: int | None = 2) -> None:
    """Write a top-level object to a file as UTF-8 JSON (indented by default).

    The file is written whole or not at all: to a temporary file in the same
    folder, moved over ``path`` once complete, so a failure, an interrupt or a
    crash leaves a file that was there as it was. A file replaced keeps its
    permissions; a symbolic link is written through. An object the loader would
    refuse is not written at all (see [`dumps`][frivillig.dumps]).

    Raises:
        ArgumentTypeError: ``obj`` is not a top-level type, or ``path`` is not a
            path (programming mistakes).
        ValidationError: the loader would refuse the document; nothing is written.
        OSError: the file cannot be written (no such folder, no permission, a folder).
    """
    from ._files import replacing_text

    given: object = path  # any object may come, whatever the annotation says
    if not isinstance(given, str | os.PathLike):
        usage = f"path must be a file path, got {type(given).__name__}"
        raise ArgumentTypeError(usage)
    text = dumps(obj, indent=indent)
    with replacing_text(path) as file:
        file.write(text + "\n")


def _problem(path: tuple[Segment, ...], message: str, code: str) -> Problem:
    # A CPR-shaped number is never repeated, wherever the loader found it.
    return Problem(path=mask_cpr_like(_render(path)), message=mask_cpr_like(message), code=code)


def _render(path: tuple[Segment, ...]) -> str:
    """The JSON path of ``path``, each key's CPR-shaped numbers masked before it is quoted."""
    parts = ["$"]
    for segment in path:
        if isinstance(segment, _HiddenKey):
            parts.append(repr(segment))
        else:  # masked first: quoting writes a no-break space as \xa0, which splits a number
            shown = mask_cpr_like(segment) if isinstance(segment, str) else segment
            parts.append(render_path((shown,), root=""))
    return "".join(parts)


# -- keys inside objects with personal fields ------------------------------------------
#
# The detailed reader knows, while it structures, when it is inside an object with
# personal fields (a volunteer), and then shows no value and no key. Problems found on the
# raw JSON (a load limit, a key twice, a dangling reference) have only a path; the path is
# walked through the model's types to find where it enters such an object, and every key
# after that which is not one of the model's own names (a field, an enumeration member) is
# hidden.


def _roots(data: Any, cls: type[Any] | None) -> tuple[Any, ...]:
    """The types a document may be read as: the one asked for and the one it names."""
    tag = data.get("type") if type(data) is dict else None
    named = DOCUMENT_TYPES.get(tag) if type(tag) is str else None
    roots = tuple(tp for tp in (cls, named) if tp is not None)
    return roots or tuple(DOCUMENT_TYPES.values())


def _inner_types(tp: Any, segment: Segment) -> tuple[list[Any], bool]:
    """The types of a value of type ``tp`` at ``segment``, and whether it is a name of the model."""
    if _is_optional(tp):
        tp = next(arg for arg in typing.get_args(tp) if arg is not type(None))
    if tp == Actor:
        found: list[Any] = []
        named = segment == "kind"
        for cls in ACTOR_CLASSES.values():
            inner, known = _inner_types(cls, segment)
            found.extend(inner)
            named = named or known
        return found, named
    if isinstance(tp, type) and attrs.has(tp):
        field = attrs.fields_dict(tp).get(segment) if type(segment) is str else None
        return ([field.type], True) if field is not None else ([], False)
    args = typing.get_args(tp)
    if _origin(tp) is tuple and type(segment) is int:
        return [args[0]], False
    if _origin(tp) is FrozenMap and type(segment) is str:
        key = args[0]
        member = isinstance(key, type) and issubclass(key, enum.Enum)
        return [args[1]], member and any(segment == item.value for item in key)
    return [], False


def _is_personal_type(tp: Any) -> bool:
    if _is_optional(tp):
        tp = next(arg for arg in typing.get_args(tp) if arg is not type(None))
    if tp == Actor:
        return any(map(_is_personal_type, ACTOR_CLASSES.values()))
    return isinstance(tp, type) and attrs.has(tp) and any(map(is_personal, attrs.fields(tp)))


def _hide_keys(path: tuple[Segment, ...], roots: tuple[Any, ...]) -> tuple[Segment, ...]:
    """``path`` with every key inside an object with personal fields hidden, but the model's names.

    ``roots`` are the types the document may be read as; a key is hidden when any of them
    puts it inside such an object.
    """
    types = list(roots)
    quiet = False
    shown: list[Segment] = []
    for segment in path:
        quiet = quiet or any(map(_is_personal_type, types))
        inner: list[Any] = []
        named = False
        for tp in types:
            found, known = _inner_types(tp, segment)
            inner.extend(found)
            named = named or known
        shown.append(_HIDDEN_KEY if quiet and type(segment) is str and not named else segment)
        types = inner
    return tuple(shown)


def _problems(found: Found, *, truncated: bool) -> list[Problem]:
    problems = [_problem(*problem) for problem in found]
    if truncated:
        problems.append(
            _problem(
                (),
                f"more problems were found; only the first {len(found)} are listed "
                "(LoadLimits.max_problems)",
                "limit",
            )
        )
    return problems


def _limit_problems(data: Any, limits: LoadLimits) -> tuple[Found, bool]:
    """Check parsed data against the limits, without recursion, before anything else reads it."""
    found: Found = []
    bound = 10**limits.max_integer_digits
    longest = limits.max_string_length
    stack: list[tuple[Any, tuple[Segment, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        kind = type(value)
        if kind is str:
            if len(value) > longest:
                found.append(
                    (
                        path,
                        f"is {len(value)} characters long; at most {longest} are allowed "
                        "(LoadLimits.max_string_length)",
                        "length",
                    )
                )
            elif _SURROGATE.search(value):
                found.append((path, _LONE_SURROGATE, "encoding"))
        elif kind is dict or kind is list:
            if len(path) >= limits.max_depth:
                found.append(
                    (
                        path,
                        f"is nested more than {limits.max_depth} levels deep "
                        "(LoadLimits.max_depth)",
                        "depth",
                    )
                )
            elif len(value) > limits.max_items:
                what = "members" if kind is dict else "items"
                found.append(
                    (
                        path,
                        f"has {len(value)} {what}; at most {limits.max_items} are allowed "
                        "(LoadLimits.max_items)",
                        "length",
                    )
                )
            elif kind is list:
                stack.extend((value[i], (*path, i)) for i in range(len(value) - 1, -1, -1))
            else:
                children = []
                for key, item in value.items():
                    if type(key) is not str:
                        found.append(
                            (path, f"has a key that is {_json_type(key)}, not text", "type")
                        )
                    elif len(key) > longest:
                        found.append(
                            (
                                path,
                                f"has a key {len(key)} characters long; at most {longest} are "
                                "allowed (LoadLimits.max_string_length)",
                                "length",
                            )
                        )
                    elif _SURROGATE.search(key):
                        found.append((path, f"has a key that {_LONE_SURROGATE}", "encoding"))
                    else:
                        children.append((item, (*path, key)))
                stack.extend(reversed(children))
        elif kind is int:
            if not -bound < value < bound:
                found.append(
                    (
                        path,
                        f"has more than {limits.max_integer_digits} digits "
                        "(LoadLimits.max_integer_digits)",
                        "range",
                    )
                )
        elif not (kind is float or kind is bool or value is None):
            found.append((path, f"is a {kind.__name__}, which is not a JSON value", "type"))
        if len(found) > limits.max_problems:
            return found[: limits.max_problems], True
    return found, False


def _limits(limits: object) -> LoadLimits:
    if limits is None:
        return _DEFAULT_LIMITS
    if not isinstance(limits, LoadLimits):
        usage = f"limits must be LoadLimits or None, got {type(limits).__name__}"
        raise ArgumentTypeError(usage)
    return limits


def _check_envelope(data: Mapping[str, Any], cls: type[Any] | None) -> tuple[int, type[Any]]:
    names = ", ".join(DOCUMENT_TYPES)
    if "schema_version" not in data:
        raise SchemaVersionError(
            [
                _problem(
                    ("schema_version",),
                    f"is missing; documents of this release carry {SCHEMA_VERSION}",
                    "schema_version",
                )
            ]
        )
    version = data["schema_version"]
    if type(version) is not int:
        raise SchemaVersionError(
            [
                _problem(
                    ("schema_version",),
                    f"expected an integer, got {_json_type(version)}",
                    "schema_version",
                )
            ]
        )
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(
            [
                _problem(
                    ("schema_version",),
                    f"{version} is newer than this release of frivillig reads "
                    f"({SCHEMA_VERSION}); upgrade frivillig",
                    "schema_version",
                )
            ]
        )
    if version < 1 or (
        version < SCHEMA_VERSION
        and any(v not in MIGRATIONS for v in range(version, SCHEMA_VERSION))
    ):
        raise SchemaVersionError(
            [
                _problem(
                    ("schema_version",),
                    f"{version} is not a schema version frivillig has released",
                    "schema_version",
                )
            ]
        )
    tag = data.get("type")
    if tag is None:
        if cls is None:
            raise ValidationError(
                [
                    _problem(
                        ("type",),
                        f"is missing; say which document this is: one of {names}",
                        "missing",
                    )
                ]
            )
        return version, cls
    if type(tag) is not str or tag not in DOCUMENT_TYPES:
        shown = _shown(tag) if type(tag) is str else _json_type(tag)
        raise ValidationError([_problem(("type",), f"{shown} is not one of {names}", "choice")])
    found = DOCUMENT_TYPES[tag]
    if cls is not None and found is not cls:
        raise ValidationError(
            [_problem(("type",), f"the document holds a {tag}, not a {_type_name(cls)}", "choice")]
        )
    return version, found


def _migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    for step in range(version, SCHEMA_VERSION):
        data = MIGRATIONS[step](data)
        data["schema_version"] = step + 1
    return data


@typing.overload
def from_dict(data: Any, cls: type[T], *, limits: LoadLimits | None = None) -> T: ...
@typing.overload
def from_dict(data: Any, cls: None = None, *, limits: LoadLimits | None = None) -> Document: ...
def from_dict(data: Any, cls: type[Any] | None = None, *, limits: LoadLimits | None = None) -> Any:
    """Read a top-level object from its JSON form as plain Python data.

    Args:
        data: The parsed JSON document (a dict). It is never changed.
        cls: The type expected; when ``None``, the document's ``type`` decides.
        limits: How much the document may hold; [`LoadLimits`][frivillig.LoadLimits]'
            defaults when ``None``.

    Returns:
        The object, validated: every field, and every id it refers to.

    Raises:
        SchemaVersionError: ``schema_version`` is missing, not an integer, or
            newer than this release reads.
        ValidationError: anything else is wrong, including a document over a
            limit; ``problems`` lists the problems found (at most
            ``limits.max_problems``), each with its JSON path.
    """
    checked = _limits(limits)
    token = _LIMITS.set(checked)
    try:
        return _from_dict(data, cls, checked)
    finally:
        _LIMITS.reset(token)


def _from_dict(data: Any, cls: type[Any] | None, limits: LoadLimits) -> Any:
    if cls is not None and cls not in DOCUMENT_TYPES.values():
        names = ", ".join(t.__name__ for t in DOCUMENT_TYPES.values())
        shown = cls.__name__ if isinstance(cls, type) else type(cls).__name__
        usage = f"cls must be None or one of {names}, got {shown}"
        raise ArgumentTypeError(usage)
    if type(data) is not dict:
        raise ValidationError(
            [_problem((), f"expected a JSON object, got {_json_type(data)}", "type")]
        )
    found, truncated = _limit_problems(data, limits)
    if found:
        roots = _roots(data, cls)
        found = [(_hide_keys(path, roots), message, code) for path, message, code in found]
        raise ValidationError(_problems(found, truncated=truncated))
    version, target = _check_envelope(data, cls)
    if version < SCHEMA_VERSION:
        data = _migrate(dict(data), version)
    body = {key: value for key, value in data.items() if key not in _ENVELOPE}
    obj = _structure_value(body, target)
    _check_references(obj, limits)
    return obj


def _check_references(obj: Any, limits: LoadLimits = _DEFAULT_LIMITS) -> None:
    """Raise the loader's error for every id in ``obj`` that refers to nothing in it.

    The loader runs this on what it built; the writers run it before they write,
    so that no document is written that the loader refuses. A quick pass over
    sets of ids (``_resolves``) clears almost every collaboration.
    """
    target = type(obj)
    if target is Collaboration:
        if _resolves(obj):
            return
        dangling: Iterable[tuple[tuple[Segment, ...], str]] = _dangling(obj)
    elif target is Portfolio:
        if all(map(_resolves, obj.collaborations)):
            return
        dangling = (
            (("collaborations", index, *path), message)
            for index, collaboration in enumerate(obj.collaborations)
            for path, message in _dangling(collaboration)
        )
    else:
        return
    found = [
        (_hide_keys(path, (target,)), message, "reference")
        for path, message in islice(dangling, limits.max_problems + 1)
    ]
    if found:
        truncated = len(found) > limits.max_problems
        raise ValidationError(_problems(found[: limits.max_problems], truncated=truncated))


def _structure_value(data: Any, cls: type[T]) -> T:
    try:
        return cast(T, _converter.get_structure_hook(cls)(data, cls))
    except _Invalid as error:
        raise ValidationError(_problems(error.problems, truncated=error.truncated)) from None
    except RecursionError:
        raise ValidationError(
            [_problem((), "the document is nested too deeply", "depth")]
        ) from None


def _reject_constant(name: str) -> Any:
    raise _Invalid([((), f"{name} is not allowed; JSON numbers must be finite", "json")])


class _Repeated(dict[str, Any]):
    """An object read from JSON in which some keys (``repeated``) appear more than once."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        repeated: dict[str, None] = {}
        for key, _ in pairs:
            if key in seen:
                repeated[key] = None
            seen.add(key)
        self.repeated = tuple(repeated)


def _object_hook(
    limits: LoadLimits, repeated: list[_Repeated]
) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """The hook that makes each JSON object, checking its size and the length of its keys.

    An object with a key twice is made as a ``_Repeated`` and added to ``repeated``; the
    parser does not know where an object is, so the paths are found once it is done.
    """

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        if len(pairs) > limits.max_items:
            raise _Invalid(
                [
                    (
                        (),
                        f"an object has {len(pairs)} members; at most {limits.max_items} are "
                        "allowed (LoadLimits.max_items)",
                        "length",
                    )
                ]
            )
        result = dict(pairs)
        longest = max(map(len, result), default=0)
        if longest > limits.max_string_length:
            raise _Invalid(
                [
                    (
                        (),
                        f"an object has a key {longest} characters long; at most "
                        f"{limits.max_string_length} are allowed "
                        "(LoadLimits.max_string_length)",
                        "length",
                    )
                ]
            )
        if len(result) < len(pairs):
            marked = _Repeated(pairs)
            repeated.append(marked)
            return marked
        return result

    return no_duplicates


def _repeated_keys(data: Any, roots: tuple[Any, ...], most: int) -> list[Problem]:
    """A problem for each key that appears twice in an object, in document order, with its path."""
    found: list[tuple[int, str]] = []  # (the object's node, the key)
    links: list[tuple[int, Segment]] = [(-1, "")]  # each node's parent and place in it
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack and len(found) <= most:
        value, node = stack.pop()
        if type(value) is _Repeated:
            found.extend((node, key) for key in value.repeated)
        items = value.items() if isinstance(value, dict) else enumerate(value)
        children = []
        for segment, item in items:
            if isinstance(item, dict | list):
                links.append((node, segment))
                children.append((item, len(links) - 1))
        stack.extend(reversed(children))

    def path(node: int) -> tuple[Segment, ...]:
        segments: list[Segment] = []
        while node > 0:
            node, segment = links[node]
            segments.append(segment)
        return tuple(reversed(segments))

    problems = [
        (
            _hide_keys((*path(node), key), roots),
            "appears more than once in the same object; keep one",
            "duplicate_key",
        )
        for node, key in found[:most]
    ]
    return _problems(problems, truncated=len(found) > most)


def _int_hook(limits: LoadLimits) -> Callable[[str], int]:
    def parse_int(literal: str) -> int:
        if len(literal) - literal.startswith("-") > limits.max_integer_digits:
            raise _Invalid(
                [
                    (
                        (),
                        f"an integer has more than {limits.max_integer_digits} digits "
                        "(LoadLimits.max_integer_digits)",
                        "range",
                    )
                ]
            )
        return int(literal)

    return parse_int


def _too_big(limits: LoadLimits, unit: str) -> ValidationError:
    return ValidationError(
        [
            _problem(
                (),
                f"the document is larger than the limit of {limits.max_bytes} {unit} "
                "(LoadLimits.max_bytes); raise the limit to read it",
                "size",
            )
        ]
    )


def _parse(
    text: str | bytes | bytearray,
    limits: LoadLimits = _DEFAULT_LIMITS,
    cls: type[Any] | None = None,
) -> Any:
    if isinstance(text, bytes | bytearray):
        if len(text) > limits.max_bytes:
            raise _too_big(limits, "bytes")
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError(
                [
                    _problem(
                        (),
                        f"the document is not UTF-8 text (byte {error.start} is invalid)",
                        "encoding",
                    )
                ]
            ) from None
    if not isinstance(text, str):
        raise ValidationError(
            [_problem((), f"expected JSON text or bytes, got {type(text).__name__}", "type")]
        )
    if len(text) > limits.max_bytes:
        raise _too_big(limits, "characters")
    if text.startswith("\ufeff"):
        raise ValidationError(
            [_problem((), "the document starts with a byte-order mark; remove it", "encoding")]
        )
    repeated: list[_Repeated] = []
    try:
        data = json.loads(
            text,
            object_pairs_hook=_object_hook(limits, repeated),
            parse_int=_int_hook(limits),
            parse_constant=_reject_constant,
        )
    except _Invalid as error:
        raise ValidationError([_problem(*problem) for problem in error.problems]) from None
    except json.JSONDecodeError as error:
        raise ValidationError(
            [
                _problem(
                    (),
                    f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}",
                    "json",
                )
            ]
        ) from None
    except RecursionError:
        raise ValidationError(
            [_problem((), "the document is nested too deeply", "depth")]
        ) from None
    except ValueError as error:
        raise ValidationError([_problem((), f"not valid JSON: {error}", "json")]) from None
    if repeated:
        raise ValidationError(_repeated_keys(data, _roots(data, cls), limits.max_problems))
    return data


@typing.overload
def loads(
    text: str | bytes | bytearray, cls: type[T], *, limits: LoadLimits | None = None
) -> T: ...
@typing.overload
def loads(
    text: str | bytes | bytearray, cls: None = None, *, limits: LoadLimits | None = None
) -> Document: ...
def loads(
    text: str | bytes | bytearray, cls: type[Any] | None = None, *, limits: LoadLimits | None = None
) -> Any:
    """Read a top-level object from a JSON document.

    Any text or bytes may come in: whatever is wrong with it, the only
    exception is a [`ValidationError`][frivillig.ValidationError], and the
    work and memory are bounded by ``limits``.

    A document written as frivillig writes it (every field, nothing unknown, no
    key twice) is read by a fast path built on msgspec; any other goes through
    the detailed reader, which gives the same object or lists every problem.
    The loader leaves Python's garbage collector as the host set it; the
    performance page of the documentation says what a long-running job can do
    about the collector after loading a large portfolio.

    Args:
        text: The document, as text or as UTF-8 bytes.
        cls: The type expected; when ``None``, the document's ``type`` decides.
        limits: How much the document may hold; [`LoadLimits`][frivillig.LoadLimits]'
            defaults when ``None``.

    Returns:
        The validated object.

    Raises:
        ValidationError: the text is not JSON, is over a limit, or the document
            breaks the model's rules; ``problems`` lists the problems with their paths.
    """
    checked = _limits(limits)
    obj = _fast_loads(text, cls, checked)
    if obj is _FALLBACK:
        obj = from_dict(_parse(text, checked, cls), cls, limits=checked)
    return obj


@typing.overload
def load(path: str | Path, cls: type[T], *, limits: LoadLimits | None = None) -> T: ...
@typing.overload
def load(path: str | Path, cls: None = None, *, limits: LoadLimits | None = None) -> Document: ...
def load(
    path: str | Path, cls: type[Any] | None = None, *, limits: LoadLimits | None = None
) -> Any:
    """Read a top-level object from a JSON file; see [`loads`][frivillig.loads].

    At most ``limits.max_bytes`` bytes (and one more, to tell) are read, so a
    huge file or a device that never ends costs no more than the limit.

    Raises:
        ValidationError: as [`loads`][frivillig.loads], or ``path`` is not a path.
        OSError: the file cannot be read (it does not exist, is a folder, ...).
    """
    checked = _limits(limits)
    if not isinstance(path, str | os.PathLike):
        raise ValidationError(
            [_problem((), f"expected a file path, got {type(path).__name__}", "type")]
        )
    with Path(path).open("rb") as file:
        data = file.read(checked.max_bytes + 1)
    return loads(data, cls, limits=checked)


# -- the fast path -----------------------------------------------------------------
#
# Most documents are well formed: frivillig wrote them, with every field, nothing
# unknown and no key twice. The fast path reads such a document with msgspec into
# structs that mirror the model (every field required, unknown fields refused, the load
# limits as constraints) and builds the model's objects from them through the same
# validators. Whatever it does not accept, for any reason, goes to the detailed path,
# which reads the document again and reports every problem; so the fast path only has
# to be right about the documents it accepts: those the detailed path accepts, giving
# equal objects.
#
# Duplicate keys are the one thing msgspec cannot see (the last value wins). Every
# member of a JSON object is followed by exactly one colon outside strings, and no other
# colon is outside strings, so a document has a key twice exactly when its colons outside
# strings outnumber the members read (counted from the structs and maps): msgspec keeps
# one member for a repeated key, also for keys written differently ("a" and "\u0061").
# When the document has as many colons as members, none is inside a string and no key is
# repeated; otherwise _member_colons counts the colons outside strings, and a document
# whose count comes out otherwise is left to the detailed path, which finds where each
# repeated key is.


class _Fallback(Exception):
    """The fast path cannot vouch for a document; the detailed path reads it."""


# Types made while the program runs (mirrors of the model) are subscripted through this
# namespace, so that type checkers do not take them for annotations.
_RUNTIME: Any = types.SimpleNamespace(
    Annotated=typing.Annotated,
    Literal=typing.Literal,
    Optional=typing.Optional,
    Union=typing.Union,
    dict=dict,
    tuple=tuple,
)


_FALLBACK: Any = object()

# How a mirror struct's members are counted, per field: a map adds its length; a leaf
# struct (one without nested objects) a fixed number; other structs are walked.
_MAP, _LEAF, _LEAVES, _STRUCT, _STRUCTS, _UNION = range(6)
_Plan = tuple[int, tuple[tuple[str, int, Any], ...]]


class _Reader:
    """msgspec mirrors of the model for one setting of the load limits.

    ``max_items`` may be ``None``: arrays and objects of any length (for documents too
    short to hold one over the limit). ``longest_name`` is the longest string the mirrors
    read without bounding its length: field names, enumeration members, dates, tags.
    """

    def __init__(
        self, msgspec: Any, max_items: int | None, max_length: int, max_digits: int
    ) -> None:
        self.msgspec = msgspec
        self.max_items = max_items
        self.max_length = max_length
        self.longest_name = max(map(len, (*_ENVELOPE, *DOCUMENT_TYPES, "kind", "YYYY-MM-DD")))
        int64 = 2**63 - 1
        bound = 10**max_digits if max_digits < 19 else int64
        self.int_meta = msgspec.Meta(gt=-bound, lt=bound)
        exact = min(2**53, 10**max_digits if max_digits < 16 else 2**53)
        self.float_meta = msgspec.Meta(gt=-exact, lt=exact)
        self.int_bound, self.float_bound = bound, exact
        self.structs: dict[type[Any], Any] = {}
        self.classes: dict[Any, type[Any]] = {}
        self.plans: dict[Any, _Plan] = {}
        self.levels: dict[Any, int] = {}
        self.widest = len(_ENVELOPE)
        self.builders: dict[type[Any], Callable[[Any], Any]] = {}
        self.singles = {
            cls: self._root(cls, name, tagged=False) for name, cls in DOCUMENT_TYPES.items()
        }
        tagged = [self._root(cls, name, tagged=True) for name, cls in DOCUMENT_TYPES.items()]
        self.any_root = msgspec.json.Decoder(_RUNTIME.Union[tuple(tagged)])
        self.single_decoders = {cls: msgspec.json.Decoder(s) for cls, s in self.singles.items()}
        self.collaboration = msgspec.json.Decoder(self._struct(Collaboration))

    # mirror types

    def _type(self, tp: Any, constraint: Constraint | None = None) -> Any:
        """The mirror of type ``tp``, checking ``constraint`` (a field's validator) too."""
        msgspec = self.msgspec
        if constraint is not None and _is_optional(tp):
            inner = next(arg for arg in typing.get_args(tp) if arg is not type(None))
            return _RUNTIME.Optional[self._type(inner, constraint)]
        if constraint is not None:
            return self._constrained(tp, constraint)
        if tp is str:
            return _RUNTIME.Annotated[str, msgspec.Meta(max_length=self.max_length)]
        if tp is int:
            return _RUNTIME.Annotated[int, self.int_meta]
        if tp is float:
            return _RUNTIME.Annotated[float, self.float_meta]
        if tp is bool or tp is dt.date:
            return tp
        if isinstance(tp, type) and issubclass(tp, LabelledEnum):
            if any(":" in member.value for member in tp):
                raise TypeError(tp)
            self.longest_name = max([self.longest_name, *(len(item.value) for item in tp)])
            return tp
        if tp == Actor:
            return _RUNTIME.Union[tuple(self._struct(cls) for cls in ACTOR_CLASSES.values())]
        if _is_optional(tp):
            inner = next(arg for arg in typing.get_args(tp) if arg is not type(None))
            return _RUNTIME.Optional[self._type(inner)]
        args = typing.get_args(tp)
        if _origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
            return self._sized(_RUNTIME.tuple[self._type(args[0]), ...])
        if _origin(tp) is FrozenMap:
            return self._sized(_RUNTIME.dict[self._type(args[0]), self._type(args[1])])
        if isinstance(tp, type) and attrs.has(tp):
            return self._struct(tp)
        raise TypeError(tp)

    def _sized(self, mirror: Any) -> Any:
        """An array's or a map's mirror, with the limit on its length."""
        if self.max_items is None:
            return mirror
        return _RUNTIME.Annotated[mirror, self.msgspec.Meta(max_length=self.max_items)]

    def _constrained(self, tp: Any, constraint: Constraint) -> Any:
        Meta = self.msgspec.Meta
        if constraint.choices is not None and tp is int:
            # only the choices the digit limit lets through: the detailed reader refuses
            # a longer number while it parses
            bound = self.int_bound
            choices = tuple(choice for choice in constraint.choices if -bound < choice < bound)
            if not choices:
                raise TypeError(tp)  # nothing to choose from within the limit: no fast path
            return _RUNTIME.Literal[choices]
        if constraint.keys is not None and _origin(tp) is FrozenMap:
            key, value = typing.get_args(tp)
            # Ids as keys are checked all at once when the map is built (see _id_map),
            # which is quicker than msgspec searching a pattern in each.
            keys = None if constraint.keys is ID_CONSTRAINT else constraint.keys
            return self._sized(
                _RUNTIME.dict[self._type(key, keys), self._type(value, constraint.values)]
            )
        if tp is str and constraint.ge is None and constraint.le is None:
            longest = min(self.max_length, constraint.max_length or self.max_length)
            return _RUNTIME.Annotated[str, Meta(max_length=longest, pattern=constraint.pattern)]
        if tp in (int, float) and constraint.pattern is None and constraint.max_length is None:
            return _RUNTIME.Annotated[tp, Meta(**self._bounds(tp, constraint))]
        raise TypeError(tp)  # a constraint that does not fit its field: no fast path

    def _bounds(self, tp: type[Any], constraint: Constraint) -> dict[str, float]:
        """The bounds msgspec checks for a number: the validator's, within the load limits."""
        limit = self.int_bound if tp is int else self.float_bound  # exclusive
        bounds: dict[str, float] = {}
        low, high = constraint.ge, constraint.le
        if tp is int:  # whole bounds, so that msgspec compares integers with integers
            low = None if low is None else math.ceil(low)
            high = None if high is None else math.floor(high)
        if low is not None and low > -limit:
            bounds["ge"] = low
        else:
            bounds["gt"] = -limit
        if high is not None and high < limit:
            bounds["le"] = high
        else:
            bounds["lt"] = limit
        return bounds

    def _struct(self, cls: type[Any], *, raw: bool = False) -> Any:
        if cls in self.structs and not raw:
            return self.structs[cls]
        fields = attrs.fields(cls)
        options: dict[str, Any] = {"forbid_unknown_fields": True, "gc": False}
        if cls in ACTOR_CLASSES.values():
            options.update(tag_field="kind", tag=cls.kind.value)
            self.longest_name = max(self.longest_name, len(cls.kind.value))
        spec = []
        for field in fields:
            if raw and field.name == "collaborations":
                mirror = self._sized(_RUNTIME.tuple[self.msgspec.Raw, ...])
            else:
                mirror = self._type(field.type, constraint(own_validator(field)))
            spec.append((field.name, mirror))
            self.longest_name = max(self.longest_name, len(field.name))
        struct = self.msgspec.defstruct(cls.__name__, spec, **options)
        self.classes[struct] = cls
        self.widest = max(self.widest, len(fields) + len(_ENVELOPE))
        if not raw:
            self.structs[cls] = struct
        return struct

    def _root(self, cls: type[Any], name: str, *, tagged: bool) -> Any:
        raw = cls is Portfolio
        base = self._struct(cls, raw=raw)
        spec: list[Any] = [("schema_version", int)]
        options: dict[str, Any] = {"forbid_unknown_fields": True, "gc": False}
        if tagged:
            options.update(tag_field="type", tag=name)
        else:
            unset = self.msgspec.UNSET
            spec.append(("type", _RUNTIME.Union[_RUNTIME.Literal[name], type(unset)], unset))
        root = self.msgspec.defstruct(f"{cls.__name__}Document", spec, bases=(base,), **options)
        self.classes[root] = cls
        return root

    # member counts

    def plan(self, struct: Any) -> _Plan:
        found = self.plans.get(struct)
        if found is not None:
            return found
        cls = self.classes[struct]
        base = len(attrs.fields(cls)) + (1 if cls in ACTOR_CLASSES.values() else 0)
        children = []
        for field in attrs.fields(cls):
            if cls is Portfolio and field.name == "collaborations":
                continue  # read one by one from raw JSON, and counted as they are read
            child = self._child(field.type)
            if child is not None:
                children.append((field.name, *child))
        found = (base, tuple(children))
        self.plans[struct] = found
        return found

    def _child(self, tp: Any) -> tuple[int, Any] | None:
        if _is_optional(tp):
            tp = next(arg for arg in typing.get_args(tp) if arg is not type(None))
        args = typing.get_args(tp)
        if _origin(tp) is FrozenMap:
            return _MAP, None
        if tp == Actor:
            actors = [self._struct(cls) for cls in ACTOR_CLASSES.values()]
            return _UNION, {actor: self.plan(actor) for actor in actors}
        many = _origin(tp) is tuple
        if many:
            tp = args[0]
        if not (isinstance(tp, type) and attrs.has(tp)):
            return None
        plan = self.plan(self._struct(tp))
        if not plan[1]:
            return (_LEAVES if many else _LEAF), plan[0]
        return (_STRUCTS if many else _STRUCT), plan

    def members(self, value: Any, plan: _Plan) -> int:
        count, children = plan
        for name, kind, sub in children:
            item = getattr(value, name)
            if item is None:  # an optional field left empty, one struct or many
                continue
            if kind is _MAP or kind is _LEAVES:
                count += len(item) * (sub or 1)
            elif kind is _LEAF:
                count += sub
            elif kind is _STRUCTS:
                for element in item:
                    count += self.members(element, sub)
            elif kind is _STRUCT:
                count += self.members(item, sub)
            else:
                count += self.members(item, sub[type(item)])
        return count

    # building the model's objects

    def build(self, struct: Any, cls: type[Any]) -> Any:
        """Build the model's object of class ``cls`` from its mirror struct."""
        return self.builder(cls)(struct)

    def builder(self, cls: type[Any]) -> Callable[[Any], Any]:
        builder = self.builders.get(cls)
        if builder is None:
            builder = self.builders[cls] = _generated_builder(cls, self)
        return builder


def _generated_builder(cls: type[Any], reader: _Reader) -> Callable[[Any], Any]:
    """Make the function that builds a ``cls`` from its mirror struct.

    It does what the class's ``__init__`` does (set every field, then run every
    validator in field order), except the type checks: msgspec has already read
    each value as exactly its field's type, and has checked the validators that
    state a constraint. Mapping fields get their ``FrozenMap`` (their converters
    only wrap a mapping), nested objects their own builders.
    """
    fields = attrs.fields(cls)
    names = tuple(field.name for field in fields)
    steps: list[tuple[int, object, Any]] = []
    checks: list[tuple[Callable[[Any, Any, Any], None], Any, int]] = []
    for index, field in enumerate(fields):
        own = own_validator(field)
        step = _step(field, own, reader)
        if step is not None:
            steps.append((index, *step))
        if own is not None and constraint(own) is None:  # else msgspec checked it
            checks.append((own, field, index))
    read: Callable[[Any], Any] = operator.attrgetter(*names)
    if len(names) == 1:
        only = read
        read = lambda struct: (only(struct),)  # noqa: E731 - attrgetter of one name gives no tuple
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None:
        checks.append((lambda obj, _, __: post_init(obj), None, 0))
    return _builder(cls, names, read, tuple(steps), tuple(checks))


def _builder(
    cls: type[Any],
    names: tuple[str, ...],
    read: Callable[[Any], Any],
    steps: tuple[tuple[int, object, Any], ...],
    checks: tuple[tuple[Callable[[Any, Any, Any], None], Any, int], ...],
) -> Callable[[Any], Any]:
    new = object.__new__
    binder = object.__setattr__.__get__
    # runs an iterator to its end, at C speed
    consume: Callable[[Any], None] = collections.deque(maxlen=0).extend

    def build(struct: Any) -> Any:
        values = read(struct)
        if steps:
            values = list(values)
            for index, how, step in steps:
                value = values[index]
                if how is _ONE:
                    values[index] = step(value)
                elif how is _MANY:
                    values[index] = tuple(map(step, value))
                elif how is _KIND:  # an actor: the builder of the struct's own class
                    values[index] = step[type(value)](value)
                elif value is not None:
                    values[index] = step(value)
        obj = new(cls)
        consume(map(binder(obj), names, values))  # set every field
        for check, field, index in checks:
            check(obj, field, values[index])
        return obj

    return build


class _KeySets:
    """Key tuples found to have a property, remembered within a budget in bytes.

    Maps of answers and of goal progress have the same keys over and over (an
    instrument's items, a collaboration's goals). Only small tuples are remembered
    (at most 64 keys), and the whole set is forgotten when the estimate of what it
    holds passes 4 MiB, so it never holds more than that.
    """

    _MAX_KEYS = 64
    _MAX_BYTES = 4 * 1024 * 1024

    def __init__(self) -> None:
        self.found: set[tuple[str, ...]] = set()
        self.bytes = 0

    def add(self, keys: tuple[str, ...]) -> None:
        if len(keys) > self._MAX_KEYS:
            return
        size = 120 + sum(56 + len(key) for key in keys)
        if self.bytes + size > self._MAX_BYTES:
            self.found = set()
            self.bytes = 0
        self.found.add(keys)
        self.bytes += size


_ID_KEYS = _KeySets()


def _id_map(value: dict[str, Any]) -> FrozenMap[str, Any]:
    """The map of a field whose keys must be ids, once they are found to be."""
    keys = tuple(value)
    if keys not in _ID_KEYS.found:
        if not all_ids(keys):
            raise _Fallback
        _ID_KEYS.add(keys)
    return adopt(value)


# How a step applies to a field's value: to the value, to each of its items, to the
# value unless it is None, or (an actor) by the value's own type.
_ONE, _MANY, _OPTIONAL, _KIND = object(), object(), object(), object()


def _step(field: "attrs.Attribute[Any]", own: Any, reader: _Reader) -> tuple[object, Any] | None:
    """How the mirror's value of ``field`` becomes the field's: ``(how, step)``, or ``None``."""
    tp = field.type
    if field.converter is not None and not (
        _origin(tp) is FrozenMap or is_sequence_converter(field.converter)
    ):
        raise TypeError(field.converter)  # a converter the fast path does not know: no fast path
    optional = _is_optional(tp)
    if optional:
        tp = next(arg for arg in typing.get_args(tp) if arg is not type(None))
    one = _OPTIONAL if optional else _ONE
    args = typing.get_args(tp)
    if _origin(tp) is FrozenMap:
        ids = getattr(constraint(own), "keys", None) is ID_CONSTRAINT
        return one, _id_map if ids else adopt
    if tp == Actor:
        if optional:  # no field of the model is; the detailed path reads such a document
            raise TypeError(field.type)
        actors = [reader.structs[cls] for cls in ACTOR_CLASSES.values()]
        return _KIND, {struct: reader.builder(reader.classes[struct]) for struct in actors}
    if _origin(tp) is tuple and isinstance(args[0], type) and attrs.has(args[0]):
        each = reader.builder(args[0])
        if optional:  # an optional array of objects: built when present
            return _OPTIONAL, lambda value: tuple(map(each, value))
        return _MANY, each
    if isinstance(tp, type) and attrs.has(tp):
        return one, reader.builder(tp)
    return None


def _levels(tp: Any) -> int:
    """How many levels of arrays and objects a value of type ``tp`` nests at most."""
    if tp == Actor:
        return max(_levels(cls) for cls in ACTOR_CLASSES.values())
    if _is_optional(tp):
        return _levels(next(arg for arg in typing.get_args(tp) if arg is not type(None)))
    if _origin(tp) in (tuple, FrozenMap):
        return 1 + _levels(typing.get_args(tp)[-2 if _origin(tp) is tuple else 1])
    if isinstance(tp, type) and attrs.has(tp):
        return 1 + max((_levels(field.type) for field in attrs.fields(tp)), default=0)
    return 0


# A document nests no deeper than its type allows, and the fast path reads no other.
_DEEPEST = [max(_levels(cls) for cls in DOCUMENT_TYPES.values())]

# The readers made, by the three numbers their mirrors are made with (see _reader_key),
# least recently used first. The cache is bounded in bytes: it counts each reader as
# _READER_BYTES (one holds about 0.6 MiB with its builders, measured with tracemalloc;
# tests/test_reader_trust.py checks the estimate) and keeps at most _READER_CACHE_BYTES,
# 8 MiB, so 8 readers. Limits that differ only in max_bytes, max_depth or max_problems,
# or in ways the key rounds away, share a reader.
_READER_BYTES = 1 << 20
_READER_CACHE_BYTES = 8 << 20
_ReaderKey = tuple[int | None, int, int]
_READERS: collections.OrderedDict[_ReaderKey, _Reader | None] = collections.OrderedDict()
# From this many digits the mirrors are the same: int64 bounds integers, 2**53 floats.
_SAME_DIGITS = 19


def _rounded_down(limit: int) -> int:
    """``limit`` kept to its two leading digits (99, 10 000, 12 000, 120 000), never above it.

    The fast path then refuses a little more than the limit does (a string of 10 500
    characters under a limit of 10 999), which the detailed path reads instead: slower,
    the same result, and one reader for limits that differ only in their smaller digits.
    """
    limit = min(limit, 1 << 31)  # more than any document within memory holds
    if limit < 100:
        return limit
    unit = int("1" + "0" * (len(str(limit)) - 2))
    return limit - limit % unit


def _reader_key(limits: LoadLimits, text: Any = None) -> _ReaderKey:
    """What the mirrors for these limits (and this text, if given) are made with.

    ``None`` for the number of items when the text is too short to hold an array or an
    object over the limit: one with ``n`` members has ``n - 1`` commas outside strings.
    """
    items: int | None = limits.max_items
    if text is not None:
        comma = "," if type(text) is str else b","
        if len(text) <= limits.max_items or text.count(comma) < limits.max_items:
            items = None
    return (
        None if items is None else _rounded_down(items),
        _rounded_down(limits.max_string_length),
        min(limits.max_integer_digits, _SAME_DIGITS),
    )


def _reader(limits: LoadLimits, text: Any = None) -> _Reader | None:
    """The mirrors for these limits, or ``None`` when the fast path cannot make them."""
    key = _reader_key(limits, text)
    try:
        reader = _READERS[key]
        _READERS.move_to_end(key)
    except KeyError:  # not made yet, or dropped meanwhile by another thread
        pass
    else:
        return reader
    try:
        import msgspec

        reader = _Reader(msgspec, *key)
    except (ImportError, TypeError, ValueError, OverflowError):
        reader = None
    while _READERS and (len(_READERS) + 1) * _READER_BYTES > _READER_CACHE_BYTES:
        try:
            _READERS.popitem(last=False)
        except KeyError:  # emptied by another thread
            break
    _READERS[key] = reader
    return reader


def _fast_loads(text: Any, cls: type[Any] | None, limits: LoadLimits) -> Any:
    """Read a well-formed document quickly; ``_FALLBACK`` when it needs the detailed path."""
    if type(text) not in (bytes, bytearray, str) or len(text) > limits.max_bytes:
        return _FALLBACK
    if cls is not None and cls not in DOCUMENT_TYPES.values():
        return _FALLBACK
    reader = _reader(limits, text)
    if reader is None or limits.max_depth < _DEEPEST[0]:
        return _FALLBACK
    if limits.max_string_length < reader.longest_name:
        return _FALLBACK  # msgspec does not count the characters of keys, names and dates
    if reader.max_items is not None and limits.max_items < reader.widest:
        return _FALLBACK  # nor the members of an object read into a struct
    try:
        return _read(reader, text, cls)
    except (_Fallback, ValueError, TypeError, UnicodeError, RecursionError):
        return _FALLBACK
    except reader.msgspec.MsgspecError:
        return _FALLBACK


def _read(reader: _Reader, text: Any, cls: type[Any] | None) -> Any:
    decoder = reader.any_root if cls is None else reader.single_decoders[cls]
    root = decoder.decode(text)
    if root.schema_version != SCHEMA_VERSION:
        raise _Fallback
    target = reader.classes[type(root)]
    members = 1 + (cls is None or root.type is not reader.msgspec.UNSET)
    members += reader.members(root, reader.plan(type(root)))
    if target is Portfolio:
        collaborations = []
        decode = reader.collaboration.decode
        plan = reader.plan(reader.structs[Collaboration])
        build = reader.build
        for raw in root.collaborations:
            struct = decode(raw)
            members += reader.members(struct, plan)
            collaborations.append(build(struct, Collaboration))
        fields = reader.msgspec.structs.astuple(root)[: len(attrs.fields(Portfolio))]
        kwargs = dict(zip((field.name for field in attrs.fields(Portfolio)), fields, strict=True))
        kwargs["collaborations"] = tuple(collaborations)
        if kwargs["policy"] is not None:
            kwargs["policy"] = reader.build(kwargs["policy"], VolunteerPolicy)
        obj = Portfolio(**kwargs)
        if not all(map(_resolves, obj.collaborations)):
            raise _Fallback
    else:
        obj = reader.build(root, target)
        if target is Collaboration and not _resolves(obj):
            raise _Fallback
    # More colons than members: some are inside strings (titles like "Besøg: uge 12"), or
    # a key is repeated; only the colons outside strings tell which.
    colons = text.count(":" if type(text) is str else b":")
    if colons != members and _member_colons(text) != members:
        raise _Fallback
    return obj


# A backslash and the character after it: JSON's escapes, taken left to right as a parser
# takes them (so an escaped backslash is one escape, and a quote after it is not escaped).
_ESCAPES = re.compile(rb"\\.", re.DOTALL)
# Every byte but the quote and the colon.
_NOT_QUOTE_OR_COLON = bytes(byte for byte in range(256) if byte not in b'":')


def _member_colons(text: str | bytes | bytearray) -> int:
    r"""The number of colons outside strings in a valid JSON document: its members.

    With escapes taken out (a backslash and the character after it: an escaped
    quote, backslash or ``\u0022`` leaves no quote behind), every quote left opens
    or closes a string. Of the quotes and colons kept, two quotes next to each
    other are dropped (which takes an even number of quotes from before any colon,
    so leaves it inside a string or not as it was); the colons outside strings are
    then those after an even number of quotes. The work is done by bytes methods,
    at C speed, in a few passes over the text.

    Args:
        text: A document msgspec has read without error, so valid JSON (in UTF-8,
            whose multi-byte characters hold no byte of a quote, colon or backslash).

    Returns:
        How many colons the document has outside its strings.
    """
    data = text.encode() if isinstance(text, str) else bytes(text)
    if b"\\" in data:
        data = _ESCAPES.sub(b"", data)
    kept = data.translate(None, _NOT_QUOTE_OR_COLON).replace(b'""', b"")
    return b"".join(kept.split(b'"')[::2]).count(b":")


# -- fast writing ------------------------------------------------------------------
#
# ``dumps`` hands msgspec one struct per object, made for writing only: its fields are
# the object's fields in declaration order (after ``kind`` for an actor, after
# ``schema_version`` and ``type`` for the document), which msgspec writes in the order
# they are defined. Values msgspec writes exactly as the JSON module does (text, whole
# numbers, booleans, null, dates, enumeration members and tuples of these) are passed as
# they are; mappings become dicts in their fixed key order, and floats are normalised
# (a whole float keeps its ``.0``, -0.0 becomes 0.0). A float that ``json.dumps`` would
# write with an exponent, or anything msgspec refuses, sends the object to the JSON
# module instead, so the text is always the same. The structs hold no references the
# collector must follow (``gc=False``): they live only while one document is written.


def _float_out(value: Any) -> float:
    number = value + 0.0
    if number == 0.0:
        return 0.0
    if not 1e-4 <= abs(number) < 1e16:  # json.dumps writes an exponent (or it is NaN)
        raise _Fallback
    return cast(float, number)


_FLOATS = frozenset({float})


def _float_values(data: dict[Any, Any]) -> bool:
    """Whether every value is a positive float msgspec writes as json.dumps does (no -0.0)."""
    values = data.values()
    return not data or (
        _FLOATS.issuperset(map(type, values)) and min(values) >= 1e-4 and max(values) < 1e16
    )


# Maps of answers and of goal progress have the same keys over and over, mostly in order.
_ORDERED_KEYS = _KeySets()


def _in_order(keys: tuple[str, ...]) -> bool:
    """Whether the keys are sorted, remembering the key tuples found to be."""
    if keys in _ORDERED_KEYS.found:
        return True
    if list(keys) != sorted(keys):
        return False
    _ORDERED_KEYS.add(keys)
    return True


# How a value is written: as it is (``None``), or through a function.
_Out = Callable[[Any], Any] | None


class _Writer:
    """Write structs for the model's classes, and the functions that fill them."""

    def __init__(self, msgspec: Any) -> None:
        self.msgspec = msgspec
        self.encoder = msgspec.json.Encoder()
        self.objects: dict[type[Any], Callable[[Any], Any]] = {}
        self.roots: dict[type[Any], Callable[..., Any]] = {}

    def encode(self, obj: Any, name: str, indent: int | None) -> str:
        root = self.roots.get(type(obj))
        if root is None:
            root = self.roots[type(obj)] = self._object(type(obj), ("schema_version", "type"))
        text = self.encoder.encode(root(obj, SCHEMA_VERSION, name))
        if indent is not None:
            text = self.msgspec.json.format(text, indent=indent)
        return cast(bytes, text).decode()

    def out(self, tp: Any) -> _Out:
        """How a value of type ``tp`` is written."""
        if tp in (str, int, bool, dt.date, type(None)):
            return None
        if isinstance(tp, type) and issubclass(tp, LabelledEnum):
            return None  # msgspec writes an enumeration member's value
        if tp is float:
            return _float_out
        if tp == Actor:
            return self._actor
        if _is_optional(tp):
            inner = self.out(next(arg for arg in typing.get_args(tp) if arg is not type(None)))
            if inner is None:
                return None
            return lambda value: None if value is None else inner(value)
        args = typing.get_args(tp)
        if _origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = self.out(args[0])
            if item is None:
                return None  # msgspec writes a tuple as an array
            # a tuple, which the collector stops following once it holds only structs
            return lambda items: tuple(map(item, items))
        if _origin(tp) is FrozenMap:
            return self._mapping(*args)
        if isinstance(tp, type) and attrs.has(tp):
            return self.writer(tp)
        raise TypeError(tp)  # a type the fast path does not know: the JSON module writes it

    def writer(self, cls: type[Any]) -> Callable[[Any], Any]:
        found = self.objects.get(cls)
        if found is None:
            made = self._object(cls, ("kind",) if cls in ACTOR_CLASSES.values() else ())
            if cls in ACTOR_CLASSES.values():
                kind = cls.kind.value
                found = lambda actor: made(actor, kind)  # noqa: E731 - the kind goes first
            else:
                found = made
            self.objects[cls] = found
        return found

    def _actor(self, actor: Any) -> Any:
        return self.writer(type(actor))(actor)

    def _object(self, cls: type[Any], first: tuple[str, ...]) -> Callable[..., Any]:
        """The function that writes a ``cls``, given the values of ``first`` too."""
        fields = attrs.fields(cls)
        names = tuple(field.name for field in fields)
        struct = self.msgspec.defstruct(
            f"{cls.__name__}Out", [(name, object) for name in (*first, *names)], gc=False
        )
        outs = tuple(
            (index, out)
            for index, field in enumerate(fields)
            if (out := self.out(field.type)) is not None
        )
        read: Callable[[Any], Any] = operator.attrgetter(*names)
        if len(names) == 1:
            only = read
            read = lambda obj: (only(obj),)  # noqa: E731 - attrgetter of one name gives no tuple

        def write(obj: Any, *before: Any) -> Any:
            values = read(obj)
            if outs:
                values = list(values)
                for index, out in outs:
                    values[index] = out(values[index])
            return struct(*before, *values)

        return write

    def _mapping(self, key: Any, value: Any) -> Callable[[Any], dict[Any, Any]]:
        floats = _is_float(value)
        item = self.out(value) or identity
        if isinstance(key, type) and issubclass(key, LabelledEnum):
            # msgspec writes a member as its value, as a key too
            rank = {member: index for index, member in enumerate(key)}.__getitem__

            def by_member(mapping: Any) -> dict[Any, Any]:
                data: dict[Any, Any] = mapping._data
                ranks = list(map(rank, data))
                if ranks == sorted(ranks) and (item is identity or _float_values(data)):
                    return data  # in the enumeration's order already
                return {member: item(data[member]) for member in sorted(data, key=rank)}

            return by_member
        if key is not str:
            raise TypeError(key)

        def by_key(mapping: Any) -> dict[Any, Any]:
            data = mapping._data
            if not floats or _float_values(data):
                # msgspec writes the map's own dict when its keys are in order already
                return data if _in_order(tuple(data)) else dict(sorted(data.items()))
            return {k: item(v) for k, v in sorted(data.items())}

        return by_key


_WRITERS: list[_Writer | None] = []


def _writer() -> _Writer | None:
    if not _WRITERS:
        try:
            import msgspec

            _WRITERS.append(_Writer(msgspec))
        except ImportError:
            _WRITERS.append(None)
    return _WRITERS[0]


def _fast_dumps(obj: Any, indent: int | None) -> str | None:
    """Write ``obj`` as the JSON module writes ``to_dict(obj)``, or ``None`` to let it."""
    if indent is not None and (type(indent) is not int or indent < 1):
        return None
    writer = _writer()
    if writer is None:
        return None
    try:
        name = _type_name(type(obj))
        return writer.encode(obj, name, indent)
    except (_Fallback, TypeError, ValueError, OverflowError, UnicodeError, RecursionError):
        return None
    except writer.msgspec.MsgspecError:
        return None
