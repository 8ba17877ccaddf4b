"""Check Danish identifiers: CVR numbers and municipality codes.

Each identifier has three functions, in the style of python-stdnum:

* ``validate_*`` takes what a person typed, normalises it and returns the stored
  form, or raises one of frivillig's errors (all are also ``ValueError``);
* ``is_valid_*`` answers the same question with ``True`` or ``False``;
* ``*_problem`` checks a value *as frivillig stores it* (the compact form of a
  JSON document) and returns ``None`` or a ``(message, code)`` pair, without
  raising, so a loader can collect every problem of a document.

**CVR numbers.** A CVR number (Det Centrale Virksomhedsregister) identifies a
Danish company or association, including a registered voluntary association. It
has 8 digits; the last is a modulus-11 check digit, computed with python-stdnum's
``stdnum.dk.cvr``. ``validate_cvr`` accepts spaces, the usual separators and a
``DK`` prefix (as on a VAT number) and returns the 8 digits.

**Municipality codes.** A kommunekode identifies one of Denmark's 98
municipalities. Danmarks Statistik writes it as a number (``101`` for
København), DAR/DAWA as 4 zero-padded digits (``"0101"``); frivillig stores the
number. ``validate_municipality_code`` accepts either form. ``411``
(Christiansø) appears in address code lists but is not one of the 98
municipalities, so it is rejected with a message that says so.

Examples:
    CVR numbers:

    >>> from frivillig.identifiers import cvr_problem, is_valid_cvr, validate_cvr
    >>> validate_cvr("DK 13 74 81 36")
    '13748136'
    >>> is_valid_cvr("24256791")
    False
    >>> cvr_problem("1358562")
    ("'1358562' has 7 digits; a CVR number has 8", 'length')
    >>> cvr_problem("DK13748136")[1]
    'format'
    >>> validate_cvr("13585627")
    Traceback (most recent call last):
        ...
    frivillig.errors.InvalidChecksum: 1 problem:
      $: '13585627' fails the CVR check digit (modulus 11); check for a mistyped digit

    Municipality codes:

    >>> from frivillig.identifiers import (
    ...     is_valid_municipality_code, municipality_code_problem, validate_municipality_code)
    >>> validate_municipality_code("0101")
    101
    >>> is_valid_municipality_code(411)
    False
    >>> message, code = municipality_code_problem(999)
    >>> message
    '999 is not one of the 98 municipality codes; frivillig.municipalities() lists them'
    >>> code
    'unknown'
"""

from frivillig._reference.municipalities import (
    _show,
    _type_name,
    is_valid_municipality_code,
    municipality_code_problem,
    validate_municipality_code,
)
from frivillig.errors import (
    InvalidChecksum,
    InvalidFormat,
    InvalidLength,
    Problem,
    ValidationError,
)

__all__ = [
    "cvr_problem",
    "is_valid_cvr",
    "is_valid_municipality_code",
    "municipality_code_problem",
    "validate_cvr",
    "validate_municipality_code",
]

_CVR_LENGTH = 8

_CVR_ERRORS: dict[str, type[ValidationError]] = {
    "type": InvalidFormat,
    "format": InvalidFormat,
    "length": InvalidLength,
    "checksum": InvalidChecksum,
}


def _cvr_type_message(value: object) -> str:
    """Say that a CVR number must be a string."""
    return (
        f"expected a CVR number as a string of {_CVR_LENGTH} digits, "
        f"got {_type_name(value)} {_show(value)}"
    )


def _cvr_problem(digits: str, shown: str, *, compact_only: bool) -> tuple[str, str] | None:
    """Check the compact form of a CVR number; ``shown`` is how messages name it."""
    if not digits:
        return f"{shown} is empty; a CVR number has {_CVR_LENGTH} digits", "length"
    stray = next((char for char in digits if char not in "0123456789"), None)
    if stray is not None:
        expected = (
            "a CVR number is stored as 8 digits with no spaces, separators or 'DK' prefix"
            if compact_only
            else "a CVR number is 8 digits, optionally with spaces and a 'DK' prefix"
        )
        return f"{shown} contains {stray!r}; {expected}", "format"
    if len(digits) != _CVR_LENGTH:
        unit = "digit" if len(digits) == 1 else "digits"
        return f"{shown} has {len(digits)} {unit}; a CVR number has {_CVR_LENGTH}", "length"
    if digits.startswith("0"):
        return f"{shown} starts with 0; no CVR number starts with 0", "format"
    from stdnum.dk import cvr as stdnum_cvr  # imported when first needed: it is slow to import

    if stdnum_cvr.checksum(digits) != 0:
        message = f"{shown} fails the CVR check digit (modulus 11); check for a mistyped digit"
        return message, "checksum"
    return None


def cvr_problem(value: object) -> tuple[str, str] | None:
    """Check a CVR number in the compact form frivillig stores.

    The compact form is exactly 8 digits. Spaces, separators and a ``DK`` prefix
    are *not* accepted here; [`validate_cvr`][frivillig.identifiers.validate_cvr]
    accepts and removes them.

    Args:
        value: The value to check, of any type.

    Returns:
        ``None`` if ``value`` is a valid CVR number, else ``(message, code)``:
        the message says what is wrong and what is expected, and the code is
        ``"type"`` (not a string), ``"format"`` (a character other than a digit,
        or a leading 0), ``"length"`` (not 8 digits) or ``"checksum"`` (the
        modulus-11 check digit does not match).
    """
    if not isinstance(value, str):
        return _cvr_type_message(value), "type"
    return _cvr_problem(value, _show(value), compact_only=True)


def validate_cvr(number: str) -> str:
    """Normalise a CVR number and check it.

    Args:
        number: The CVR number as typed: 8 digits, optionally with spaces or the
            separators ``-.,/:`` and a ``DK`` prefix (``"DK 13 74 81 36"``).

    Returns:
        The 8 digits (``"13748136"``), the form frivillig stores.

    Raises:
        InvalidFormat: ``number`` is not a string, contains something other than
            digits, or starts with 0.
        InvalidLength: ``number`` does not have 8 digits (also an InvalidFormat).
        InvalidChecksum: The modulus-11 check digit does not match.
    """
    return _validate_cvr(number)


def _validate_cvr(number: object) -> str:
    """Implement validate_cvr for a value of any type."""
    if not isinstance(number, str):
        raise InvalidFormat([Problem(path="$", message=_cvr_type_message(number), code="type")])
    from stdnum.dk import cvr as stdnum_cvr
    from stdnum.exceptions import ValidationError as StdnumError

    try:
        digits = stdnum_cvr.compact(number)
    except StdnumError:  # pragma: no cover - stdnum only raises here for non-strings
        digits = number
    shown = _show(number) if digits == number else f"{_show(number)} (read as {_show(digits)})"
    problem = _cvr_problem(digits, shown, compact_only=False)
    if problem is not None:
        message, code = problem
        raise _CVR_ERRORS[code]([Problem(path="$", message=message, code=code)])
    return digits


def is_valid_cvr(number: object) -> bool:
    """Tell whether ``number`` is a valid CVR number, in any form validate_cvr accepts."""
    try:
        _validate_cvr(number)
    except ValidationError:
        return False
    return True
