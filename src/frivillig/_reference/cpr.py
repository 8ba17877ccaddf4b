"""Numbers shaped like a Danish CPR number, found and masked in free text.

frivillig never stores a CPR number (databeskyttelsesloven § 11 lets public
authorities use them to identify people; frivillig has no need to), but free text
typed by people may hold one. These functions find such numbers and mask them,
so that no message, log or export repeats one. They are re-exported by
``frivillig`` and documented with the personal-data functions.
"""

import re

from ..errors import ArgumentTypeError

__all__ = ["CPR_MASK", "find_cpr_like", "mask_cpr_like"]

CPR_MASK = "[CPR]"
"""What [`mask_cpr_like`][frivillig.mask_cpr_like] puts in place of a CPR-shaped number."""

# Six digits (DDMMYY), an optional separator (hyphen, a Unicode dash, a space or a
# no-break space), four digits, and no digit on either side.
_CPR_SEPARATORS = "-\u2010\u2011\u2012\u2013\u2014\u2212 \u00a0"
_CPR_SHAPE = re.compile(rf"(?<![0-9])([0-9]{{6}})[{_CPR_SEPARATORS}]?([0-9]{{4}})(?![0-9])")


def _require_text(text: object) -> str:
    if not isinstance(text, str):
        msg = f"text must be a str, got {type(text).__name__}"
        raise ArgumentTypeError(msg)
    return text


def find_cpr_like(text: str) -> list[tuple[int, int]]:
    """Find the numbers in a text that are shaped like a Danish CPR number.

    A CPR number is ten digits, DDMMYY-SSSS, whose first six digits are a
    birth date; the seventh digit and the year decide the century. A match is
    ten digits with no digit on either side, optionally split after the sixth
    by a hyphen, a dash or a space, whose embedded date is a real calendar date
    by that rule (python-stdnum's ``stdnum.dk.cpr.get_birth_date``). There is
    no modulus-11 check: CPR numbers issued since 2007 need not pass one. Nor
    is a birth date in the future excluded, since the library does not read
    the clock, and a mistyped number is as personal as a correct one.

    Args:
        text: Any text, e.g. a note typed by a caseworker.

    Returns:
        The ``(start, end)`` character positions of each match, in order; the
        numbers themselves are not returned, so that a report built from the
        result cannot repeat them.

    Raises:
        ArgumentTypeError: ``text`` is not a string (a programming mistake).

    Examples:
        >>> from frivillig import find_cpr_like
        >>> find_cpr_like("Ring til Anna, cpr 211062-5629, om torsdagen.")
        [(19, 30)]
        >>> find_cpr_like("Sag 2026-0417, tlf. 12345678, konto 3213991234")
        []
    """
    spans = []
    for match in _CPR_SHAPE.finditer(_require_text(text)):
        from stdnum.dk import cpr  # slow to import; needed only when a number looks like one
        from stdnum.exceptions import ValidationError as NumberError

        try:
            cpr.get_birth_date(match.group(1) + match.group(2))
        except NumberError:
            continue
        spans.append(match.span())
    return spans


def mask_cpr_like(text: str) -> str:
    """Return ``text`` with every CPR-shaped number replaced by ``"[CPR]"``.

    Use it on free text before it goes into a log, a report or an export. The
    mask is never longer than the number it replaces.

    Args:
        text: Any text.

    Returns:
        The text, with each match of [`find_cpr_like`][frivillig.find_cpr_like]
        replaced by [`CPR_MASK`][frivillig.CPR_MASK].

    Raises:
        ArgumentTypeError: ``text`` is not a string (a programming mistake).

    Examples:
        >>> from frivillig import mask_cpr_like
        >>> mask_cpr_like("Anna (211062-5629) kan tirsdag.")
        'Anna ([CPR]) kan tirsdag.'
    """
    spans = find_cpr_like(text)
    if not spans:
        return text
    parts: list[str] = []
    position = 0
    for start, end in spans:
        parts.extend((text[position:start], CPR_MASK))
        position = end
    parts.append(text[position:])
    return "".join(parts)
