"""Checks of the arguments callers pass, the same at every public entry point.

A wrong argument is the calling code's mistake, not bad data: these raise
[`ArgumentTypeError`][frivillig.errors.ArgumentTypeError] (a ``TypeError``) or
[`ArgumentValueError`][frivillig.errors.ArgumentValueError] (a ``ValueError``),
never a [`ValidationError`][frivillig.ValidationError], which a service maps to
"the document is bad". Messages name the argument and what was expected, and
show only the type of what was passed, never its value (it may be personal).
``require_language`` lives with the languages in ``_labels`` (which the errors
module builds on) and is re-exported here beside the other checks.
"""

import datetime as dt
import enum
from collections.abc import Iterator
from typing import Any, TypeVar

from ..errors import ArgumentTypeError, ArgumentValueError
from .labels import require_language

__all__ = [
    "require_date",
    "require_instance",
    "require_iterable",
    "require_language",
    "require_member",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

# The classes a JSON document is read as: a dict or text given for one is a document unread.
_DOCUMENTS = frozenset({"Collaboration", "Portfolio", "VolunteerPolicy", "Instrument"})


def _type_name(value: object) -> str:
    return type(value).__name__


def require_date(value: object, name: str = "today") -> dt.date:
    """Return ``value`` when it is a ``datetime.date`` (not a ``datetime``); raise otherwise.

    A ``datetime`` is refused, aware or naive: the day it falls on depends on a
    time zone the library cannot know, so the caller says which day with
    ``.date()`` (after ``.astimezone(...)`` where that matters).
    """
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        message = (
            f"{name} must be a datetime.date, not a datetime: pass {name}.date() "
            "(converted to the time zone you mean first)"
        )
        raise ArgumentTypeError(message)
    if isinstance(value, dt.date):  # a subclass of date that is not a datetime
        return value
    message = f"{name} must be a datetime.date, got {_type_name(value)}"
    raise ArgumentTypeError(message)


def require_instance(value: Any, cls: type[T], name: str, expected: str | None = None) -> T:
    """Return ``value`` when it is an instance of ``cls``; raise a type error otherwise."""
    if isinstance(value, cls):
        return value
    wanted = expected or f"a {cls.__name__}"
    hint = ""
    document = cls.__name__ in _DOCUMENTS
    if document and isinstance(value, dict):
        hint = "; read a dict with frivillig.from_dict first"
    elif document and isinstance(value, str | bytes):
        hint = "; read JSON text with frivillig.loads first"
    message = f"{name} must be {wanted}, got {_type_name(value)}{hint}"
    raise ArgumentTypeError(message)


def require_member(value: object, cls: type[E], name: str) -> E:
    """Return the member of ``cls`` that ``value`` is, or whose value (as JSON writes it) it is.

    ``"agreeing_goals"`` gives ``LifecycleStatus.AGREEING_GOALS``; other text raises
    an ``ArgumentValueError`` that lists the values, anything else an
    ``ArgumentTypeError``.
    """
    if isinstance(value, cls):
        return value
    choices = ", ".join(str(member.value) for member in cls)
    if not isinstance(value, str):
        message = (
            f"{name} must be a {cls.__name__} or its value ({choices}), got {_type_name(value)}"
        )
        raise ArgumentTypeError(message)
    for member in cls:
        if member.value == value:
            return member
    message = f"{name} is not a {cls.__name__} value; use one of {choices}"
    raise ArgumentValueError(message)


def require_iterable(items: object, expected: str, name: str = "items") -> Iterator[object]:
    """An iterator over ``items``; the caller's mistake when they are not iterable."""
    try:
        return iter(items)  # type: ignore[call-overload,no-any-return,unused-ignore]
    except TypeError:
        msg = f"{name} must be {expected}, got {_type_name(items)}"
        raise ArgumentTypeError(msg) from None
