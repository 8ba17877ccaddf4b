"""Plain validator functions for attrs fields, and the error they raise.

The validators are plain functions rather than attrs' validator objects: they are
several times cheaper to call, which matters when a portfolio of thousands of
collaborations is loaded. Each raises [`FieldError`][frivillig.errors.FieldError]
with a path *relative to the object being validated*, so that the loader can
report it at the full JSON path of the document.
"""

import datetime as dt
import enum
import functools
import operator
import re
import types
import typing
import weakref
from collections.abc import Callable, Collection, Sequence
from typing import Any, TypeVar, cast

import attrs

from .._core.frozenmap import FrozenMap
from .._core.paths import ID
from .._reference.cpr import mask_cpr_like
from ..errors import FieldError
from ..identifiers import cvr_problem, municipality_code_problem

__all__ = ["FieldError", "as_tuple", "sequence_converters", "strings"]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
T = TypeVar("T")

MAX_TEXT = 5000
MAX_TITLE = 300
_ID = ID


@attrs.frozen
class Constraint:
    """What a validator requires, said so that msgspec can check it while it reads JSON.

    A validator with a constraint requires exactly this of a value of its field's
    type, and nothing else: the loader's fast path has msgspec check the
    constraint and does not call the validator. ``pattern`` is searched with
    ``re.search``; ``keys`` and ``values`` constrain a mapping's members.
    """

    pattern: str | None = None
    max_length: int | None = None
    ge: float | None = None
    le: float | None = None
    choices: tuple[int, ...] | None = None
    keys: "Constraint | None" = None
    values: "Constraint | None" = None


# Weak keys: a validator made and dropped at run time takes its constraint with it.
_CONSTRAINTS: weakref.WeakKeyDictionary[Any, Constraint] = weakref.WeakKeyDictionary()
ID_CONSTRAINT = Constraint(pattern=rf"\A(?:{_ID.pattern})\Z")
_NOT_BLANK = r"\S"  # searched: some character that str.strip() keeps


def _constrained(validator: Any, constraint: Constraint) -> None:
    _CONSTRAINTS[validator] = constraint


# The codes are read from the data file when a constraint is first asked for, not on import.
_MUNICIPALITY_CODES = Constraint()
_OPTIONAL = type(attrs.validators.optional(lambda *_: None))


@functools.cache
def _municipality_codes() -> Constraint:
    from .._reference.municipalities import _known_codes

    return Constraint(choices=tuple(sorted(_known_codes())))


def constraint(validator: Any) -> Constraint | None:
    """The constraint that says all a field's own validator requires, if there is one."""
    if isinstance(validator, _OPTIONAL):
        validator = cast(Any, validator).validator
    try:
        found = _CONSTRAINTS.get(validator)
    except TypeError:  # an unhashable validator object
        return None
    return _municipality_codes() if found is _MUNICIPALITY_CODES else found


def text(max_length: int = MAX_TEXT) -> Validator:
    """Require a string with visible content of at most ``max_length`` characters."""

    def check(_: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if not isinstance(value, str):
            raise FieldError(
                (attribute.name,), f"expected text, got {type(value).__name__}", "type"
            )
        if not value.strip():
            raise FieldError((attribute.name,), "must not be empty or only spaces", "empty")
        if len(value) > max_length:
            raise FieldError(
                (attribute.name,),
                f"is {len(value)} characters long; at most {max_length} are allowed",
                "length",
            )

    _constrained(check, Constraint(pattern=_NOT_BLANK, max_length=max_length))
    return check


def optional_text(max_length: int = MAX_TEXT) -> Validator:
    """Like [`text`][], but also allow ``None``."""
    inner = text(max_length)

    def check(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if value is not None:
            inner(instance, attribute, value)

    _constrained(check, Constraint(pattern=_NOT_BLANK, max_length=max_length))
    return check


def identifier(_: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    """Require an identifier: 1-128 letters, digits, ``_ . : -``, starting alphanumeric."""
    if not isinstance(value, str):
        raise FieldError(
            (attribute.name,), f"expected an id (text), got {type(value).__name__}", "type"
        )
    if not _ID.fullmatch(value):
        raise FieldError(
            (attribute.name,),
            "is not a valid id: use 1-128 letters, digits, '_', '.', ':' or '-', "
            "starting with a letter or digit",
            "format",
        )


def optional_identifier(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    """Like [`identifier`][], but also allow ``None``."""
    if value is not None:
        identifier(instance, attribute, value)


_constrained(identifier, ID_CONSTRAINT)
_constrained(optional_identifier, ID_CONSTRAINT)


def identifiers(_: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    """Require a tuple of distinct identifiers."""
    seen: set[str] = set()
    for index, item in enumerate(value):
        if not isinstance(item, str) or not _ID.fullmatch(item):
            raise FieldError((attribute.name, index), "is not a valid id", "format")
        if item in seen:
            raise FieldError((attribute.name, index), f"id {item!r} is listed twice", "duplicate")
        seen.add(item)


def texts(max_length: int = MAX_TITLE) -> Validator:
    """Require a tuple of distinct, non-empty strings."""

    def check(_: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        seen: set[str] = set()
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise FieldError((attribute.name, index), "must not be empty", "empty")
            if len(item) > max_length:
                raise FieldError(
                    (attribute.name, index), f"is longer than {max_length} characters", "length"
                )
            if item in seen:
                raise FieldError((attribute.name, index), "is listed twice", "duplicate")
            seen.add(item)

    return check


def number_range(
    low: float | None = None,
    high: float | None = None,
    *,
    optional: bool = False,
    personal: bool = False,
) -> Validator:
    """Require a number within ``[low, high]`` (either bound may be open).

    With ``personal=True`` the message never repeats the value, so that a
    person's data cannot leak into an error report or a log.
    """

    def check(_: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if value is None and optional:
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FieldError(
                (attribute.name,), f"expected a number, got {type(value).__name__}", "type"
            )
        if (low is not None and value < low) or (high is not None and value > high):
            shown = "the value" if personal else repr(value)
            if low is not None and high is not None:
                expected = f"between {low} and {high}"
            elif low is not None:
                expected = f"at least {low}"
            else:
                expected = f"at most {high}"
            raise FieldError(
                (attribute.name,), f"{shown} is out of range; expected {expected}", "range"
            )
        if isinstance(value, float) and value != value:  # NaN
            raise FieldError((attribute.name,), "must be a number, not NaN", "range")

    _constrained(check, Constraint(ge=low, le=high))
    return check


def distinct(_: Any, attribute: "attrs.Attribute[Any]", value: Collection[Any]) -> None:
    """Require the members of a tuple of enum members or values to be distinct."""
    if len(set(value)) == len(value):
        return
    seen: set[Any] = set()
    for index, item in enumerate(value):
        if item in seen:
            raise FieldError((attribute.name, index), f"{item} is listed twice", "duplicate")
        seen.add(item)


def unique_ids(key: str = "id") -> Validator:
    """Require the objects of a tuple to have distinct ``key`` attributes."""
    get = operator.attrgetter(key)

    def check(_: Any, attribute: "attrs.Attribute[Any]", value: Collection[Any]) -> None:
        if len(set(map(get, value))) == len(value):
            return
        seen: set[str] = set()
        for index, item in enumerate(value):
            item_id = getattr(item, key)
            if item_id in seen:
                raise FieldError(
                    (attribute.name, index, key), f"id {item_id!r} is used twice", "duplicate"
                )
            seen.add(item_id)

    return check


def not_before(other: str, *, what: str) -> Validator:
    """Require a date field, when set, to be on or after the date field ``other``."""

    def check(instance: Any, attribute: "attrs.Attribute[Any]", value: dt.date | None) -> None:
        earlier = getattr(instance, other)
        if value is not None and earlier is not None and value < earlier:
            raise FieldError(
                (attribute.name,),
                f"{value.isoformat()} is before {other} {earlier.isoformat()}; {what}",
                "order",
            )

    return check


def all_of(*validators: Validator) -> Validator:
    """Run several validators in order."""

    def check(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        for validator in validators:
            validator(instance, attribute, value)

    return check


def id_mapping(*, allow_none: bool) -> Validator:
    """Require a mapping from ids to finite numbers (or ``None`` when allowed)."""
    allowed: frozenset[type] = frozenset({int, float, type(None)} if allow_none else {int, float})

    def check(_: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if _plain_id_mapping(value, allowed):
            return
        for key, number in value.items():
            if not isinstance(key, str) or not _ID.fullmatch(key):
                # masked before it is shortened or quoted, either of which can split a number
                shown = mask_cpr_like(str(key))[:40]
                raise FieldError((attribute.name,), f"key {shown!r} is not a valid id", "format")
            if number is None and allow_none:
                continue
            if isinstance(number, bool) or not isinstance(number, int | float):
                expected = "a number or null" if allow_none else "a number"
                raise FieldError((attribute.name, key), f"expected {expected}", "type")
            if not -1e15 <= number <= 1e15:
                raise FieldError((attribute.name, key), "must be a finite number", "range")

    _constrained(check, Constraint(keys=ID_CONSTRAINT, values=Constraint(ge=-1e15, le=1e15)))
    return check


def _plain_id_mapping(value: Any, allowed: frozenset[type]) -> bool:
    """Tell at C speed that a mapping passes ``id_mapping`` (``False``: look item by item)."""
    if type(value) is not FrozenMap:
        return False
    data = value._data
    numbers: Any = data.values()
    if not (_STR.issuperset(map(type, data)) and all_ids(data)):
        return False
    kinds = set(map(type, numbers))
    if not allowed.issuperset(kinds):
        return False
    if type(None) in kinds:
        numbers = [number for number in numbers if number is not None]
    if not numbers:
        return True
    total = sum(numbers)
    return bool(total == total and min(numbers) >= -1e15 and max(numbers) <= 1e15)


_STR = frozenset({str})
_IDS = re.compile(rf"{_ID.pattern}(?:\n{_ID.pattern})*")


def all_ids(values: Collection[str]) -> bool:
    """Tell whether every string is a valid id, with one regular-expression match.

    Joined by newlines (which no id holds), the strings are ids exactly when the
    joined text is ids separated by newlines and has no more newlines than joins.
    """
    if not values:
        return True
    joined = "\n".join(values)
    return joined.count("\n") == len(values) - 1 and _IDS.fullmatch(joined) is not None


def is_identifier(value: object) -> bool:
    """Tell whether ``value`` is a valid id."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def municipality_code(_: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    """Require one of the 98 official 3-digit municipality codes."""
    problem = municipality_code_problem(value)
    if problem is not None:
        raise FieldError((attribute.name,), *problem)


def optional_municipality_code(
    instance: Any, attribute: "attrs.Attribute[Any]", value: Any
) -> None:
    """Like [`municipality_code`][], but also allow ``None``."""
    if value is not None:
        municipality_code(instance, attribute, value)


_constrained(municipality_code, _MUNICIPALITY_CODES)
_constrained(optional_municipality_code, _MUNICIPALITY_CODES)


def optional_cvr(_: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    """Require a CVR number in compact form (8 digits), or ``None``."""
    if value is None:
        return
    problem = cvr_problem(value)
    if problem is not None:
        raise FieldError((attribute.name,), *problem)


# -- sequences where a tuple is stored ---------------------------------------------------

# Text and bytes are sequences too, but never of the model's members: left for the type check.
_NOT_A_LIST = (str, bytes, bytearray, memoryview)
_SEQUENCE_CONVERTERS: set[Any] = set()


def as_tuple(value: Sequence[T]) -> tuple[T, ...]:
    """A tuple of the members of a list or another sequence; anything else unchanged.

    Fields that store a tuple accept any ``collections.abc.Sequence`` that is not
    text or bytes (a list, a ``range``, a ``deque``...) and store it as a tuple, in
    its order. Other values (a set, whose order is arbitrary; a generator, used
    up by reading; a string) are passed on unchanged, for the type check to
    refuse with the field's path.
    """
    if type(value) is tuple:
        return value
    if isinstance(value, Sequence) and not isinstance(value, _NOT_A_LIST):
        return tuple(value)
    return cast(tuple[T, ...], value)


def sequence_converters(*converters: Callable[[Any], Any]) -> None:
    """Mark converters as ones that only make a tuple of a sequence (see [`as_tuple`][]).

    The loader's fast path builds objects from tuples read exactly, so it may skip
    a marked converter; any other converter keeps it from the fast path. (A call,
    not a decorator: mypy's attrs plugin reads the ``__init__`` parameter's type
    from a converter only when it is a plain function.)
    """
    _SEQUENCE_CONVERTERS.update(converters)


def strings(value: Sequence[str]) -> tuple[str, ...]:
    """Convert a sequence of strings to a tuple (a field's converter, see [`as_tuple`][])."""
    return value if type(value) is tuple else as_tuple(value)


def is_sequence_converter(converter: object) -> bool:
    """Tell whether ``converter`` was marked with [`sequence_converters`][]."""
    try:
        return converter in _SEQUENCE_CONVERTERS
    except TypeError:  # an unhashable converter object
        return False


sequence_converters(strings)


def _describe(tp: Any) -> str:
    """Describe an annotated type for a message: ``"a tuple of ParticipantRole"``."""
    if tp is type(None):
        return "None"
    names = {str: "text", int: "a whole number", float: "a number", bool: "True or False"}
    if tp in names:
        return names[tp]
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(arg) for arg in args)
    if origin is tuple:
        return f"a tuple of {_describe(args[0])}"
    if origin is FrozenMap:
        return f"a mapping of {_describe(args[0])} to {_describe(args[1])}"
    return getattr(tp, "__name__", str(tp))


def _type_checker(tp: Any) -> Callable[[Any], bool] | None:
    """Build a predicate that tells whether a value has the annotated type, or ``None``."""
    if tp is Any:
        return None
    if tp is bool:
        return lambda value: type(value) is bool
    if tp is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if tp is float:
        return lambda value: isinstance(value, int | float) and not isinstance(value, bool)
    if tp is dt.date:
        return lambda value: type(value) is dt.date
    if tp is str or (isinstance(tp, type) and (attrs.has(tp) or issubclass(tp, enum.Enum))):
        return lambda value: isinstance(value, tp)
    # Containers first compare the set of their members' exact types with the types
    # that surely pass (C speed), and check member by member only when that fails.
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        checks = [_type_checker(arg) if arg is not type(None) else None for arg in args]
        if any(
            check is None and arg is not type(None) for check, arg in zip(checks, args, strict=True)
        ):
            return None
        nullable = type(None) in args
        present = [check for check in checks if check is not None]
        sure = _sure_types(tp)
        return lambda value: (
            type(value) in sure
            or (nullable and value is None)
            or any(check(value) for check in present)
        )
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _type_checker(args[0])
        if item is None:
            return lambda value: isinstance(value, tuple)
        sure = _sure_types(args[0])
        return lambda value: (
            isinstance(value, tuple)
            and (sure.issuperset(map(type, value)) or all(item(element) for element in value))
        )
    if origin is FrozenMap:
        key, val = (_type_checker(arg) for arg in args)
        sure_keys, sure_values = (_sure_types(arg) for arg in args)
        return lambda value: (
            isinstance(value, FrozenMap)
            and (
                key is None
                or sure_keys.issuperset(map(type, value._data))
                or all(key(k) for k in value._data)
            )
            and (
                val is None
                or sure_values.issuperset(map(type, value._data.values()))
                or all(val(v) for v in value._data.values())
            )
        )
    return None


def _sure_types(tp: Any) -> frozenset[type]:
    """The exact types whose every value passes ``_type_checker(tp)`` (maybe not all that do)."""
    if tp in (bool, int, str, dt.date):
        return frozenset({tp})
    if tp is float:
        return frozenset({int, float})
    if isinstance(tp, type) and (attrs.has(tp) or issubclass(tp, enum.Enum)):
        return frozenset({tp})
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return frozenset().union(*(_sure_types(arg) for arg in typing.get_args(tp)))
    if tp is type(None):
        return frozenset({tp})
    return frozenset()


_MAX_SHOWN = 40


def _enum_like(tp: Any) -> bool:
    """Tell whether a value of type ``tp`` is one of a few fixed, non-personal choices."""
    if isinstance(tp, type):
        return issubclass(tp, enum.Enum)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        return bool(args) and all(_enum_like(arg) for arg in args)
    return False


def _got(value: Any, tp: Any, personal: bool) -> str:
    """What was found, for a message: the type, and a short value only when it cannot be personal.

    A value is quoted only where an enumeration member was expected (a mistyped
    choice such as ``'owner'``), in a field that is not personal, when it is short
    text; any number shaped like a CPR number in it is masked. Everything else is
    shown by its type alone.
    """
    got = type(value).__name__
    if personal or type(value) is not str or len(value) > _MAX_SHOWN or not _enum_like(tp):
        return got
    return f"{got} {mask_cpr_like(value)!r}"


def _key_segment(key: Any, personal: bool) -> str | int:
    """A mapping's key as a path segment: an enumeration member by its value.

    In a personal field only a member is shown; any other key is hidden.
    """
    if isinstance(key, enum.Enum):
        key = key.value
    elif personal:
        return "<key hidden>"
    if isinstance(key, str):
        return mask_cpr_like(key)[:_MAX_SHOWN]
    if isinstance(key, int) and not isinstance(key, bool):
        return key
    return f"<{type(key).__name__}>"


def _mismatch(name: str, tp: Any, value: Any, personal: bool) -> FieldError:
    """The error for a field whose value is not of its type, at the member that is wrong.

    A tuple's member is named by its index (``roles[0]``), a mapping's value by its
    key (``responsibilities['recruitment']``); a bad key is reported at the field.
    """
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and value is not None:
        present = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if len(present) == 1:
            tp = present[0]
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is tuple and isinstance(value, tuple) and len(args) == 2 and args[1] is Ellipsis:
        item = _type_checker(args[0])
        for index, member in enumerate(value):
            if item is not None and not item(member):
                got = _got(member, args[0], personal)
                message = f"expected {_describe(args[0])}, got {got}"
                return FieldError((name, index), message, "type")
    if origin is FrozenMap and isinstance(value, FrozenMap) and len(args) == 2:
        key, val = (_type_checker(arg) for arg in args)
        for member_key, member in value._data.items():
            if key is not None and not key(member_key):
                got = _got(member_key, args[0], personal)
                return FieldError((name,), f"key: expected {_describe(args[0])}, got {got}", "type")
            if val is not None and not val(member):
                got = _got(member, args[1], personal)
                message = f"expected {_describe(args[1])}, got {got}"
                return FieldError((name, _key_segment(member_key, personal)), message, "type")
    return FieldError((name,), f"expected {_describe(tp)}, got {_got(value, tp, personal)}", "type")


def typed_fields(
    cls: type[Any], fields: list["attrs.Attribute[Any]"]
) -> list["attrs.Attribute[Any]"]:
    """An attrs ``field_transformer`` that checks each field's type before its own validator.

    The loader already rejects JSON of the wrong type; this gives objects made in
    Python the same guarantee, so that every object the model holds can be
    written and read back unchanged (``True`` is not accepted as a number, a
    ``datetime`` not as a date, a string not as an enumeration member). A wrong
    member of a tuple or a mapping is named by its index or key
    (``$.roles[0]: expected ParticipantRole, got str 'owner'``); a value is shown
    only where an enumeration member was expected in a field that is not
    personal (see ``_got``).
    """
    result = []
    for field in fields:
        check = _type_checker(field.type)
        if check is None:
            result.append(field)
            continue

        def validate(
            instance: Any,
            attribute: "attrs.Attribute[Any]",
            value: Any,
            _check: Callable[[Any], bool] = check,
            _own: Any = field.validator,
            _sure: frozenset[type] = _sure_types(field.type),
            _type: Any = field.type,
            _personal: bool = bool(field.metadata.get("personal", False)),
        ) -> None:
            if type(value) not in _sure and not _check(value):
                raise _mismatch(attribute.name, _type, value, _personal)
            if _own is not None:
                _own(instance, attribute, value)

        validate.own = field.validator  # type: ignore[attr-defined]
        result.append(field.evolve(validator=validate))
    return result


def own_validator(field: "attrs.Attribute[Any]") -> Callable[[Any, Any, Any], None] | None:
    """The field's own validator, without the type check ``typed_fields`` puts before it.

    The loader's fast path builds objects from values whose types msgspec has
    already checked exactly, and runs only these.
    """
    validator = field.validator
    if validator is None:
        return None
    return cast(Callable[[Any, Any, Any], None] | None, getattr(validator, "own", validator))
