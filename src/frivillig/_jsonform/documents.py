"""The documents of the JSON form and their envelope.

The schema version, the top-level types, the migrations between versions, and the
checks of a document's envelope (its ``schema_version`` and ``type``).
"""

from collections.abc import Mapping
from typing import Any

from .._model.collaboration import Collaboration
from .._model.instruments import Instrument
from .._model.policy import VolunteerPolicy
from .._model.portfolio import Portfolio
from ..errors import ArgumentTypeError, SchemaVersionError, ValidationError
from .migrations import MIGRATIONS as _MIGRATIONS
from .migrations import Migration
from .problems import _json_type, _problem, _shown

__all__ = ["DOCUMENT_TYPES", "MIGRATIONS", "SCHEMA_VERSION", "Document"]

SCHEMA_VERSION = 3
"""The schema version this release writes, and the newest it reads."""

Document = Collaboration | Portfolio | VolunteerPolicy | Instrument
"""The top-level types that can be a JSON document of their own."""

DOCUMENT_TYPES: dict[str, type[Any]] = {
    "collaboration": Collaboration,
    "portfolio": Portfolio,
    "volunteer_policy": VolunteerPolicy,
    "instrument": Instrument,
}
"""The value of the ``type`` key for each top-level type."""

MIGRATIONS: dict[int, Migration] = _MIGRATIONS
"""Upgrades, keyed by the version they read: ``MIGRATIONS[n]`` turns a version
``n`` document into a version ``n + 1`` document. Each returns a new dict and
leaves its argument as it was."""

_ENVELOPE = ("schema_version", "type")


# -- documents ---------------------------------------------------------------------


def _type_name(cls: type[Any]) -> str:
    for name, document_type in DOCUMENT_TYPES.items():
        if document_type is cls:
            return name
    names = ", ".join(t.__name__ for t in DOCUMENT_TYPES.values())
    msg = f"{cls.__name__} is not a top-level type; use one of {names}"
    raise TypeError(msg)


def _document_type(obj: object, name: str = "obj") -> str:
    """The ``type`` of ``obj``'s document; a caller's mistake when it is not a document."""
    try:
        return _type_name(type(obj))
    except TypeError:
        *first, last = (t.__name__ for t in DOCUMENT_TYPES.values())
        names = f"{', '.join(first)} or {last}"
        hint = ""
        if isinstance(obj, dict):
            hint = "; it is already plain data"
        elif hasattr(obj, "to_dict"):
            hint = f"; use its own {type(obj).__name__}.to_dict()"
        usage = f"{name} must be a {names}, got {type(obj).__name__}{hint}"
        raise ArgumentTypeError(usage) from None


def _check_envelope(data: Mapping[str, Any], cls: type[Any] | None) -> tuple[int, type[Any]]:
    names = ", ".join(DOCUMENT_TYPES)
    if "schema_version" not in data:
        raise SchemaVersionError(
            [
                _problem(
                    ("schema_version",),
                    f"is missing; documents of this release carry {SCHEMA_VERSION}",
                    "schema_version",
                )
            ]
        )
    version = data["schema_version"]
    if type(version) is not int:
        raise SchemaVersionError(
            [
                _problem(
                    ("schema_version",),
                    f"expected an integer, got {_json_type(version)}",
                    "schema_version",
                )
            ]
        )
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(
            [
                _problem(
                    ("schema_version",),
                    f"{version} is newer than this release of frivillig reads "
                    f"({SCHEMA_VERSION}); upgrade frivillig",
                    "schema_version",
                )
            ]
        )
    if version < 1 or (
        version < SCHEMA_VERSION
        and any(v not in MIGRATIONS for v in range(version, SCHEMA_VERSION))
    ):
        raise SchemaVersionError(
            [
                _problem(
                    ("schema_version",),
                    f"{version} is not a schema version frivillig has released",
                    "schema_version",
                )
            ]
        )
    tag = data.get("type")
    if tag is None:
        if cls is None:
            raise ValidationError(
                [
                    _problem(
                        ("type",),
                        f"is missing; say which document this is: one of {names}",
                        "missing",
                    )
                ]
            )
        return version, cls
    if type(tag) is not str or tag not in DOCUMENT_TYPES:
        shown = _shown(tag) if type(tag) is str else _json_type(tag)
        raise ValidationError([_problem(("type",), f"{shown} is not one of {names}", "choice")])
    found = DOCUMENT_TYPES[tag]
    if cls is not None and found is not cls:
        raise ValidationError(
            [_problem(("type",), f"the document holds a {tag}, not a {_type_name(cls)}", "choice")]
        )
    return version, found


def _migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    for step in range(version, SCHEMA_VERSION):
        data = MIGRATIONS[step](data)
        data["schema_version"] = step + 1
    return data
