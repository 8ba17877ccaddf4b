"""How much a document may hold: ``LoadLimits``, and the check of the argument that gives them."""

from typing import Any

import attrs

from .._model.validators import FieldError
from ..errors import ArgumentTypeError

__all__ = ["LoadLimits"]


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


_DEFAULT_LIMITS = LoadLimits()


def _limits(limits: object) -> LoadLimits:
    if limits is None:
        return _DEFAULT_LIMITS
    if not isinstance(limits, LoadLimits):
        usage = f"limits must be LoadLimits or None, got {type(limits).__name__}"
        raise ArgumentTypeError(usage)
    return limits
