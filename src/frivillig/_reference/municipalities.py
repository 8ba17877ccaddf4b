"""Denmark's 98 municipalities (kommuner) and the regions they belong to.

Denmark has had 98 municipalities in 5 regions since the structural reform of
2007. On 2027-01-01 Region Hovedstaden and Region Sjælland merge into Region
Østdanmark, leaving 4 regions. Region membership is therefore *time-versioned*:
ask which region a municipality belongs to *on a given date*. The library never
reads the clock, so the date is always an argument.

The table ships with the package (``frivillig/data/municipalities.json``) and is
read the first time it is needed, not when frivillig is imported. Its codes and
short names come from the DAR/DAWA kommunekodeliste and Danmarks Statistik,
cross-checked against HL7 Denmark's DK Core code list; the file's ``source`` entry
says where each part comes from and when it was verified.

>>> import datetime
>>> from frivillig._reference.municipalities import get_municipality, regions
>>> copenhagen = get_municipality("0101")
>>> copenhagen.name, copenhagen.code, copenhagen.dar_code
('København', 101, '0101')
>>> copenhagen.official_name
'Københavns Kommune'
>>> copenhagen.region(on=datetime.date(2026, 6, 1)).label("da")
'Region Hovedstaden'
>>> copenhagen.region(on=datetime.date(2027, 1, 1)).label("da")
'Region Østdanmark'
>>> len(regions(on=datetime.date(2026, 12, 31))), len(regions(on=datetime.date(2027, 1, 1)))
(5, 4)
"""

import datetime
import functools
import json
import re
import reprlib
from typing import Any

import attrs

from frivillig._core.arguments import require_language
from frivillig._core.labels import Language
from frivillig.errors import InvalidComponent, InvalidFormat, Problem, ValidationError

__all__ = [
    "MunicipalityInfo",
    "Region",
    "RegionMembership",
    "get_municipality",
    "municipalities",
    "regions",
]


def _check_period(valid_from: datetime.date | None, valid_to: datetime.date | None) -> None:
    """Raise if a validity period ends before it starts."""
    if valid_from is not None and valid_to is not None and valid_to < valid_from:
        message = f"valid_to {valid_to.isoformat()} is before valid_from {valid_from.isoformat()}"
        raise ValidationError([Problem(path="$.valid_to", message=message, code="order")])


def _covers(
    valid_from: datetime.date | None, valid_to: datetime.date | None, on: datetime.date
) -> bool:
    """Tell whether the inclusive period from ``valid_from`` to ``valid_to`` contains ``on``."""
    return (valid_from is None or valid_from <= on) and (valid_to is None or on <= valid_to)


def _as_date(on: object) -> datetime.date:
    """Return ``on`` as a plain date (a datetime gives its own date), or raise InvalidFormat."""
    if isinstance(on, datetime.datetime):
        return on.date()
    if isinstance(on, datetime.date):
        return on
    message = f"expected a datetime.date to look the region up on, got {type(on).__name__}"
    raise InvalidFormat([Problem(path="$", message=message, code="type")])


@attrs.frozen(kw_only=True)
class Region:
    """A Danish region (region), the level of government above the municipalities.

    Regions run hospitals and regional development. There are five from 2007 to
    2026; on 2027-01-01 Region Hovedstaden and Region Sjælland merge into Region
    Østdanmark.

    Attributes:
        code: The region's DAGI regionskode (``1081`` Region Nordjylland to
            ``1085`` Region Sjælland, in the order of ISO 3166-2 ``DK-81`` to
            ``DK-85``), or ``None`` when it is not known. Region Østdanmark's code
            was not published when this table was verified, so it is ``None``
            (unverified). The code ``1083`` for Region Syddanmark follows from
            that ordering and is high-confidence but was not seen in a DAWA record.
        name_da: The Danish name, for example ``"Region Hovedstaden"``.
        name_en: The English name, for example ``"Capital Region of Denmark"``.
        valid_from: The first day the region exists, or ``None`` if it existed
            before the data begins.
        valid_to: The last day the region exists, or ``None`` if no end is known.
    """

    code: int | None
    name_da: str
    name_en: str
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None

    def __attrs_post_init__(self) -> None:
        """Check that the region's validity period does not end before it starts."""
        _check_period(self.valid_from, self.valid_to)

    def label(self, lang: Language = "en") -> str:
        """Return the region's name in Danish (``"da"``) or English (``"en"``).

        Examples:
            >>> Region(code=1084, name_da="Region Hovedstaden",
            ...        name_en="Capital Region of Denmark").label("da")
            'Region Hovedstaden'
        """
        lang = require_language(lang)
        return self.name_da if lang == "da" else self.name_en


@attrs.frozen(kw_only=True)
class RegionMembership:
    """A period during which a municipality belongs to a region.

    Attributes:
        region: The region the municipality belongs to.
        valid_from: The first day of membership (inclusive), or ``None`` if it
            began before the data begins.
        valid_to: The last day of membership (inclusive), or ``None`` if no end
            is known.
    """

    region: Region
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None

    def __attrs_post_init__(self) -> None:
        """Check that the membership does not end before it starts."""
        _check_period(self.valid_from, self.valid_to)

    def covers(self, on: datetime.date) -> bool:
        """Tell whether the membership is in force on the given day."""
        return _covers(self.valid_from, self.valid_to, _as_date(on))


@attrs.frozen(kw_only=True)
class MunicipalityInfo:
    """One of Denmark's 98 municipalities (kommuner) and its region over time.

    The municipality is the local authority that collaborates with volunteers
    and associations (for example under serviceloven § 18).

    Attributes:
        code: The kommunekode as a number, as Danmarks Statistik writes it
            (``101`` for København). ``dar_code`` renders it as DAR/DAWA do.
        name: The short name used by DAR/DAWA, without "Kommune", for example
            ``"København"``, ``"Vesthimmerlands"`` or ``"Bornholm"`` (officially
            "Bornholms Regionskommune").
        memberships: The regions the municipality belongs to, one period each,
            in date order; the periods do not overlap.
        official_name: The name to use in Danish text, for example
            ``"Københavns Kommune"`` (genitive), ``"Frederiksberg Kommune"`` or
            ``"Bornholms Regionskommune"``; never build it from ``name`` and
            "Kommune". By default ``name`` and "Kommune".
    """

    code: int
    name: str
    memberships: tuple[RegionMembership, ...]
    official_name: str = attrs.field(
        default=attrs.Factory(lambda self: f"{self.name} Kommune", takes_self=True)
    )

    @property
    def dar_code(self) -> str:
        """The kommunekode as DAR/DAWA write it: 4 digits, zero-padded (``"0101"``)."""
        return f"{self.code:04d}"

    def region(self, on: datetime.date) -> Region:
        """Return the region the municipality belongs to on a given day.

        Args:
            on: The day to look up. It is required because the library never
                reads the clock; membership changes on 2027-01-01 for the
                municipalities of Region Hovedstaden and Region Sjælland.

        Returns:
            The region whose membership covers ``on``.

        Raises:
            InvalidFormat: ``on`` is not a date.
            InvalidComponent: No membership covers ``on``.
        """
        day = _as_date(on)
        for membership in self.memberships:
            if membership.covers(day):
                return membership.region
        message = (
            f"{self.name} ({self.dar_code}) belongs to no region on {day.isoformat()} "
            "in frivillig's municipality table"
        )
        raise InvalidComponent([Problem(path="$", message=message, code="range")])


@attrs.frozen(kw_only=True)
class _Table:
    """The parsed municipality table: the municipalities by code and all regions."""

    by_code: dict[int, MunicipalityInfo]
    regions: tuple[Region, ...]


def _parse_date(value: Any) -> datetime.date | None:
    """Parse an ISO date from the JSON table, where ``null`` means open-ended."""
    return None if value is None else datetime.date.fromisoformat(value)


@functools.cache
def _table() -> _Table:
    """Read and parse the packaged table, once per process.

    The table is read with ``pkgutil.get_data`` (from a folder or a zip file alike):
    ``importlib.resources`` takes several times as long to import, and the first
    document with a municipality code waits for it.
    """
    import pkgutil

    data = pkgutil.get_data("frivillig", "data/municipalities.json")
    if data is None:  # pragma: no cover - only a loader that cannot read package data
        msg = "frivillig's municipality table cannot be read"
        raise FileNotFoundError(msg)
    raw: dict[str, Any] = json.loads(data.decode("utf-8"))
    by_key: dict[str, Region] = {
        entry["key"]: Region(
            code=entry["code"],
            name_da=entry["name_da"],
            name_en=entry["name_en"],
            valid_from=_parse_date(entry["valid_from"]),
            valid_to=_parse_date(entry["valid_to"]),
        )
        for entry in raw["regions"]
    }
    by_code = {
        entry["code"]: MunicipalityInfo(
            code=entry["code"],
            name=entry["name"],
            official_name=entry["official_name"],
            memberships=tuple(
                RegionMembership(
                    region=by_key[member["region"]],
                    valid_from=_parse_date(member["valid_from"]),
                    valid_to=_parse_date(member["valid_to"]),
                )
                for member in entry["memberships"]
            ),
        )
        for entry in sorted(raw["municipalities"], key=lambda entry: entry["code"])
    }
    ordered = sorted(by_key.values(), key=lambda region: (region.code is None, region.code or 0))
    return _Table(by_code=by_code, regions=tuple(ordered))


@functools.cache
def _known_codes() -> frozenset[int]:
    """Return the codes of the 98 municipalities (used by the identifiers module)."""
    return frozenset(_table().by_code)


def municipalities() -> tuple[MunicipalityInfo, ...]:
    """Return Denmark's 98 municipalities, sorted by code.

    0411 Christiansø is not among them: it appears in address code lists but lies
    outside the municipal division.

    Examples:
        >>> len(municipalities()), municipalities()[0].name
        (98, 'København')
    """
    return tuple(_table().by_code.values())


def get_municipality(code: int | str) -> MunicipalityInfo:
    """Return the municipality with the given kommunekode.

    Args:
        code: The code as a number (``101``) or as a 3-digit or 4-digit
            zero-padded string (``"101"``, ``"0101"``).

    Returns:
        The municipality.

    Raises:
        InvalidFormat: ``code`` is not a municipality code in form, for example
            ``"1O1"``, ``"10101"`` or ``1084`` (a region code).
        InvalidComponent: ``code`` is well formed but none of the 98
            municipalities has it, for example ``411`` (Christiansø).

    Examples:
        >>> get_municipality(101).name
        'København'
    """
    return _table().by_code[validate_municipality_code(code)]


def regions(on: datetime.date) -> tuple[Region, ...]:
    """Return the regions that exist on a given day, sorted by code.

    Before 2027 there are five; from 2027-01-01 there are four, with Region
    Østdanmark (whose code is not known, so it sorts last) in place of Region
    Hovedstaden and Region Sjælland.

    Args:
        on: The day to look up; the library never reads the clock.

    Returns:
        The regions in force on ``on``.

    Raises:
        InvalidFormat: ``on`` is not a date.

    Examples:
        >>> len(regions(on=datetime.date(2026, 12, 31))), len(regions(on=datetime.date(2027, 1, 1)))
        (5, 4)
        >>> regions(on=datetime.date(2027, 1, 1))[-1].name_da
        'Region Østdanmark'
    """
    day = _as_date(on)
    return tuple(
        region for region in _table().regions if _covers(region.valid_from, region.valid_to, day)
    )


# -- municipality codes (re-exported by frivillig.identifiers) -------------------------

_CHRISTIANSOE = 411
_MUNICIPALITY_TEXT = re.compile(r"[0-9]{3,4}")

_repr = reprlib.Repr()
_repr.maxstring = 40
_repr.maxother = 40


def _show(value: object) -> str:
    """Render a value for a message, shortening a long one."""
    return _repr.repr(value)


def _type_name(value: object) -> str:
    """Name a value's type for a message."""
    return type(value).__name__


def _municipality_type_message(value: object) -> str:
    """Say that a municipality code must be an int."""
    return (
        "expected a municipality code as an int such as 101, "
        f"got {_type_name(value)} {_show(value)}"
    )


def _municipality_code_problem(value: int, shown: str) -> tuple[str, str] | None:
    """Check an integer municipality code; ``shown`` is how messages name it."""
    codes = _known_codes()
    if not 100 <= value <= 999:
        message = (
            f"{shown} is not a 3-digit number; municipality codes run from "
            f"{min(codes)} to {max(codes)}"
        )
        region = next((r for r in _table().regions if r.code == value), None)
        if region is not None:
            message += f" ({value} is the region code of {region.name_da})"
        return message, "range"
    if value == _CHRISTIANSOE:
        message = (
            f"{shown} is Christiansø (Ertholmene), which is not one of the 98 municipalities: "
            "it lies outside the municipal division and has no municipality or region"
        )
        return message, "unknown"
    if value not in codes:
        message = (
            f"{shown} is not one of the 98 municipality codes; "
            "frivillig.municipalities() lists them"
        )
        return message, "unknown"
    return None


def municipality_code_problem(value: object) -> tuple[str, str] | None:
    """Check a municipality code in the form frivillig stores: an ``int``.

    Args:
        value: The value to check, of any type. A ``bool`` is not a code, and a
            string such as ``"0101"`` is reported as a wrong type (use
            [`validate_municipality_code`][frivillig.identifiers.validate_municipality_code]
            to read one).

    Returns:
        ``None`` if ``value`` is the code of one of the 98 municipalities, else
        ``(message, code)`` with code ``"type"`` (not an ``int``), ``"range"``
        (not a 3-digit number) or ``"unknown"`` (3 digits, but no
        municipality has it, for example 411 Christiansø).
    """
    if type(value) is int and value in _known_codes():
        return None  # the common case, answered without building a message
    if isinstance(value, bool) or not isinstance(value, int):
        message = _municipality_type_message(value)
        if isinstance(value, str):
            message += "; validate_municipality_code() reads '101' or '0101'"
        return message, "type"
    return _municipality_code_problem(value, str(value))


def validate_municipality_code(code: int | str) -> int:
    """Read a municipality code and check that one of the 98 municipalities has it.

    Args:
        code: The code as an ``int`` (``101``) or as a string of 3 digits or 4
            zero-padded digits (``"101"``, ``"0101"``); whitespace around a
            string is ignored.

    Returns:
        The code as an ``int``, the form frivillig stores.

    Raises:
        InvalidFormat: ``code`` is not a municipality code in form: another
            type, a string of other characters, or a number that does not have
            3 digits.
        InvalidComponent: ``code`` is well formed but none of the 98
            municipalities has it, for example ``411`` (Christiansø).
    """
    return _validate_municipality_code(code)


def _validate_municipality_code(code: object) -> int:
    """Implement validate_municipality_code for a value of any type."""
    if isinstance(code, str):
        text = code.strip()
        if not _MUNICIPALITY_TEXT.fullmatch(text):
            message = (
                f"{_show(code)} is not a municipality code; expected 3 digits or 4 "
                "zero-padded digits, such as '101' or '0101'"
            )
            raise InvalidFormat([Problem(path="$", message=message, code="format")])
        number = int(text)
        problem = _municipality_code_problem(number, _show(code))
    elif isinstance(code, int) and not isinstance(code, bool):
        number = code
        problem = _municipality_code_problem(number, str(number))
    else:
        message = _municipality_type_message(code)
        raise InvalidFormat([Problem(path="$", message=message, code="type")])
    if problem is not None:
        message, kind = problem
        error = InvalidComponent if kind == "unknown" else InvalidFormat
        raise error([Problem(path="$", message=message, code=kind)])
    return number


def is_valid_municipality_code(code: object) -> bool:
    """Tell whether ``code`` is one of the 98 codes, in a form validate_municipality_code reads."""
    try:
        _validate_municipality_code(code)
    except ValidationError:
        return False
    return True
