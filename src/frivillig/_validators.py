"""Plain validator functions for attrs fields, and the error they raise.

The validators are plain functions rather than attrs' validator objects: they are
several times cheaper to call, which matters when a portfolio of thousands of
collaborations is loaded. Each raises [`FieldError`][] with a path *relative to
the object being validated*, so that the loader can report it at the full JSON
path of the document.
"""

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

import attrs

from .errors import Problem, ValidationError

__all__ = ["FieldError"]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

MAX_TEXT = 5000
MAX_TITLE = 300
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")


class FieldError(ValidationError):
    """A field's value breaks a rule of the model.

    It is a [`ValidationError`][frivillig.errors.ValidationError] with one
    problem, whose path is relative to the object being made (``$.title``);
    the loader re-roots it at the object's place in the document.

    Attributes:
        path: Path segments relative to the object: the field name first, then
            indexes (``int``) or mapping keys for values inside it.
        message: What is wrong and what was expected.
        code: The stable kind of problem (see [`Problem`][frivillig.errors.Problem]).
    """

    def __init__(self, path: Sequence[str | int], message: str, code: str) -> None:
        """Create the error; see the class's attributes."""
        self.path = tuple(path)
        self.message = message
        self.code = code
        super().__init__([Problem(path=render_path(self.path), message=message, code=code)])

    def __reduce__(self) -> Any:
        """Pickle and copy with the path intact."""
        return (type(self), (self.path, self.message, self.code))


def render_path(segments: Iterable[str | int], root: str = "$") -> str:
    """Render path segments as a JSON path: ``$.goals[0].text``."""
    parts = [root]
    for segment in segments:
        if isinstance(segment, int):
            parts.append(f"[{segment}]")
        elif _ID.fullmatch(segment) and "." not in segment and ":" not in segment:
            parts.append(f".{segment}")
        else:
            parts.append(f"[{segment!r}]")
    return "".join(parts)


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

    return check


def optional_text(max_length: int = MAX_TEXT) -> Validator:
    """Like [`text`][], but also allow ``None``."""
    inner = text(max_length)

    def check(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if value is not None:
            inner(instance, attribute, value)

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

    return check


def distinct(_: Any, attribute: "attrs.Attribute[Any]", value: Collection[Any]) -> None:
    """Require the members of a tuple of enum members or values to be distinct."""
    seen: set[Any] = set()
    for index, item in enumerate(value):
        if item in seen:
            raise FieldError((attribute.name, index), f"{item} is listed twice", "duplicate")
        seen.add(item)


def unique_ids(key: str = "id") -> Validator:
    """Require the objects of a tuple to have distinct ``key`` attributes."""

    def check(_: Any, attribute: "attrs.Attribute[Any]", value: Iterable[Any]) -> None:
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

    def check(_: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        for key, number in value.items():
            if not isinstance(key, str) or not _ID.fullmatch(key):
                raise FieldError(
                    (attribute.name,), f"key {str(key)[:40]!r} is not a valid id", "format"
                )
            if number is None and allow_none:
                continue
            if isinstance(number, bool) or not isinstance(number, int | float):
                expected = "a number or null" if allow_none else "a number"
                raise FieldError((attribute.name, key), f"expected {expected}", "type")
            if not -1e15 <= number <= 1e15:
                raise FieldError((attribute.name, key), "must be a finite number", "range")

    return check


def is_identifier(value: object) -> bool:
    """Tell whether ``value`` is a valid id."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def municipality_code(_: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    """Require one of the 98 official 3-digit municipality codes."""
    from .identifiers import municipality_code_problem

    problem = municipality_code_problem(value)
    if problem is not None:
        raise FieldError((attribute.name,), *problem)


def optional_municipality_code(
    instance: Any, attribute: "attrs.Attribute[Any]", value: Any
) -> None:
    """Like [`municipality_code`][], but also allow ``None``."""
    if value is not None:
        municipality_code(instance, attribute, value)


def optional_cvr(_: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    """Require a CVR number in compact form (8 digits), or ``None``."""
    from .identifiers import cvr_problem

    if value is not None:
        problem = cvr_problem(value)
        if problem is not None:
            raise FieldError((attribute.name,), *problem)
