"""The cattrs converter of the detailed reader, and the unstructuring behind ``to_dict``.

Its structure hooks check every value strictly (``"3"`` is not the number 3) and
gather every problem with its path; its unstructure hooks give equal objects equal
plain data (floats as floats, mapping keys in a fixed order).
"""

import datetime as dt
import difflib
import enum
import re
import types
import typing
from collections.abc import Callable
from typing import Any, cast

import attrs
from cattrs.gen import make_dict_unstructure_fn
from cattrs.preconf.json import make_converter

from .._core.frozenmap import FrozenMap
from .._core.labels import LabelledEnum
from .._model.actors import ACTOR_CLASSES, Actor, ActorKind
from .._model.validators import FieldError
from .._model.volunteers import is_personal
from ..errors import ValidationError
from .problems import (
    _HIDDEN_KEY,
    _QUIET,
    Segment,
    T,
    _check_count,
    _gather,
    _Invalid,
    _json_type,
    _problem,
    _problems,
    _shown,
)

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits: \d takes any script's


def _fail(message: str, code: str) -> typing.NoReturn:
    raise _Invalid([((), message, code)])


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


def _structure_value(data: Any, cls: type[T]) -> T:
    try:
        return cast(T, _converter.get_structure_hook(cls)(data, cls))
    except _Invalid as error:
        raise ValidationError(_problems(error.problems, truncated=error.truncated)) from None
    except RecursionError:
        raise ValidationError(
            [_problem((), "the document is nested too deeply", "depth")]
        ) from None
