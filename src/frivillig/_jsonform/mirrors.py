"""The fast path's msgspec mirrors of the model, and the builders of its objects.

``_Reader`` holds the mirror structs for one setting of the load limits and counts
their members; the builders make the model's objects from them.
"""

import collections
import datetime as dt
import math
import operator
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from .._core.caches import BUDGETS, register
from .._core.frozenmap import FrozenMap, adopt
from .._core.labels import LabelledEnum
from .._model.actors import ACTOR_CLASSES, Actor
from .._model.collaboration import Collaboration
from .._model.portfolio import Portfolio
from .._model.validators import (
    ID_CONSTRAINT,
    Constraint,
    all_ids,
    constraint,
    is_sequence_converter,
    own_validator,
)
from .converter import _is_optional, _origin
from .documents import _ENVELOPE, DOCUMENT_TYPES

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


def _fields_reader(names: tuple[str, ...]) -> Callable[[Any], Any]:
    """A function that reads the named attributes of an object into a tuple, at C speed."""
    read = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda obj: (read(obj),)  # attrgetter of one name gives no tuple
    return read


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
    read = _fields_reader(names)
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
    holds passes its budget (4 MiB, in ``frivillig._core.caches``) or it holds as
    many tuples as the budget allows, so it never holds more than that.
    """

    _MAX_KEYS = 64
    _MAX_BYTES = BUDGETS["serialization.id_keys"].bytes
    _MAX_ENTRIES = BUDGETS["serialization.id_keys"].entries

    def __init__(self, budget: str | None = None) -> None:
        self.found: set[tuple[str, ...]] = set()
        self.bytes = 0
        if budget is not None:
            self._MAX_BYTES = BUDGETS[budget].bytes
            self._MAX_ENTRIES = BUDGETS[budget].entries
            register(budget, self)

    def add(self, keys: tuple[str, ...]) -> None:
        if len(keys) > self._MAX_KEYS:
            return
        size = 120 + sum(56 + len(key) for key in keys)
        if self.bytes + size > self._MAX_BYTES or len(self.found) >= self._MAX_ENTRIES:
            self.found = set()
            self.bytes = 0
        self.found.add(keys)
        self.bytes += size

    def clear(self) -> None:
        self.found = set()
        self.bytes = 0


_ID_KEYS = _KeySets("serialization.id_keys")


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
