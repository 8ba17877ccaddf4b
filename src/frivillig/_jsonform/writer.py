"""The fast path of ``dumps``: msgspec structs made for writing.

They are filled from the model's objects and give the same text as the JSON module.
"""

import datetime as dt
import typing
from collections.abc import Callable
from typing import Any, cast

import attrs
from cattrs.fns import identity

from .._core.frozenmap import FrozenMap
from .._core.labels import LabelledEnum
from .._model.actors import ACTOR_CLASSES, Actor
from . import documents  # SCHEMA_VERSION is read from it when used: tests patch it there
from .converter import _is_float, _is_optional, _origin
from .documents import _type_name
from .mirrors import _Fallback, _fields_reader, _KeySets

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
_ORDERED_KEYS = _KeySets("serialization.ordered_keys")


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
        text = self.encoder.encode(root(obj, documents.SCHEMA_VERSION, name))
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
        read = _fields_reader(names)

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
