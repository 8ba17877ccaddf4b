"""The functions of the JSON form, which ``frivillig.serialization`` re-exports.

``loads``, ``load``, ``dumps``, ``dump``, ``to_dict`` and ``from_dict``.
"""

import json
import os
import typing
from pathlib import Path
from typing import Any

from ..errors import ArgumentTypeError, ValidationError
from . import documents  # SCHEMA_VERSION is read from it when used: tests patch it there
from .converter import _converter
from .documents import Document, _document_type
from .fast_reader import _FALLBACK, _fast_loads
from .limits import LoadLimits, _limits
from .problems import _LIMITS, T, _problem
from .reader import _check_references, _from_dict, _parse
from .writer import _fast_dumps

__all__ = ["dump", "dumps", "from_dict", "load", "loads", "to_dict"]


def to_dict(obj: Document) -> dict[str, Any]:
    """Turn a top-level object into its JSON form as plain Python data.

    The object is checked as the loader checks what it reads (every id it names
    must be one of its parts), so what is written always reads back.

    Args:
        obj: A [`Collaboration`][frivillig.Collaboration],
            [`Portfolio`][frivillig.Portfolio] or
            [`VolunteerPolicy`][frivillig.VolunteerPolicy].

    Returns:
        A dict of JSON-compatible values, starting with ``schema_version`` and ``type``.

    Raises:
        ArgumentTypeError: ``obj`` is not a top-level type (a programming mistake).
        ValidationError: the loader would refuse the document; ``problems``
            names each id that refers to nothing, with its path.
    """
    name = _document_type(obj)
    _check_references(obj)
    return _unchecked_dict(obj, name)


def _unchecked_dict(obj: Any, name: str) -> dict[str, Any]:
    body = _converter.unstructure(obj)
    return {"schema_version": documents.SCHEMA_VERSION, "type": name, **body}


def _shown_dict(obj: Document) -> dict[str, Any]:
    """``to_dict`` without the loader's checks, for the library's own use only.

    For *showing* an object known to break a rule across fields (a rule's example
    of a dangling id), never for writing a document: what it gives may not read back.
    """
    return _unchecked_dict(obj, _document_type(obj))


def dumps(obj: Document, *, indent: int | None = None) -> str:
    """Write a top-level object as a JSON document.

    The text is the JSON form's written form (see the documentation's page on the
    JSON form): equal objects always give the same text, and it reads back equal.
    Members come in a fixed order (``schema_version``, ``type``, then each
    object's fields as the schema lists them, an actor's ``kind`` first), map
    keys sorted (or in the enumeration's order), floats as Python writes them
    (a whole float keeps its ``.0``). Compact by default, with no space after a
    comma or a colon: the text is ``json.dumps(to_dict(obj), ensure_ascii=False,
    separators=(",", ":"))``, or with ``indent=n`` that of ``json.dumps(...,
    indent=n)``. The object is checked first as the loader checks what it reads,
    so what is written always reads back.

    Args:
        obj: The object to write.
        indent: Indent nested levels by this many spaces; compact when ``None``.

    Returns:
        The JSON text, with non-ASCII letters (æ, ø, å) written as they are.

    Raises:
        ArgumentTypeError: ``obj`` is not a top-level type (a programming mistake).
        ValidationError: the loader would refuse the document; ``problems``
            names each id that refers to nothing, with its path.
    """
    name = _document_type(obj)
    _check_references(obj)
    return _checked_text(obj, name, indent)


def _checked_text(obj: Document, name: str, indent: int | None) -> str:
    """The JSON text of an object whose references are already checked (see ``dumps``)."""
    text = _fast_dumps(obj, indent)
    if text is not None:
        return text
    return json.dumps(
        _unchecked_dict(obj, name),
        ensure_ascii=False,
        indent=indent,
        separators=_COMPACT if indent is None else None,
        allow_nan=False,
    )


# The separators of the compact form: no space after a comma or a colon.
_COMPACT = (",", ":")


def dump(obj: Document, path: str | Path, *, indent: int | None = 2) -> None:
    """Write a top-level object to a file as UTF-8 JSON (indented by default).

    The file is written whole or not at all: to a temporary file in the same
    folder, moved over ``path`` once complete, so a failure, an interrupt or a
    crash leaves a file that was there as it was. A file replaced keeps its
    permissions; a symbolic link is written through. An object the loader would
    refuse is not written at all (see [`dumps`][frivillig.dumps]).

    Raises:
        ArgumentTypeError: ``obj`` is not a top-level type, or ``path`` is not a
            path (programming mistakes).
        ValidationError: the loader would refuse the document; nothing is written.
        OSError: the file cannot be written (no such folder, no permission, a folder).
    """
    from .._core.files import replacing_text

    given: object = path  # any object may come, whatever the annotation says
    if not isinstance(given, str | os.PathLike):
        usage = f"path must be a file path, got {type(given).__name__}"
        raise ArgumentTypeError(usage)
    text = dumps(obj, indent=indent)
    with replacing_text(path) as file:
        file.write(text + "\n")


@typing.overload
def from_dict(data: Any, cls: type[T], *, limits: LoadLimits | None = None) -> T: ...
@typing.overload
def from_dict(data: Any, cls: None = None, *, limits: LoadLimits | None = None) -> Document: ...
def from_dict(data: Any, cls: type[Any] | None = None, *, limits: LoadLimits | None = None) -> Any:
    """Read a top-level object from its JSON form as plain Python data.

    Args:
        data: The parsed JSON document (a dict). It is never changed.
        cls: The type expected; when ``None``, the document's ``type`` decides.
        limits: How much the document may hold; [`LoadLimits`][frivillig.LoadLimits]'
            defaults when ``None``.

    Returns:
        The object, validated: every field, and every id it refers to.

    Raises:
        SchemaVersionError: ``schema_version`` is missing, not an integer, or
            newer than this release reads.
        ValidationError: anything else is wrong, including a document over a
            limit; ``problems`` lists the problems found (at most
            ``limits.max_problems``), each with its JSON path.
    """
    checked = _limits(limits)
    token = _LIMITS.set(checked)
    try:
        return _from_dict(data, cls, checked)
    finally:
        _LIMITS.reset(token)


@typing.overload
def loads(
    text: str | bytes | bytearray, cls: type[T], *, limits: LoadLimits | None = None
) -> T: ...
@typing.overload
def loads(
    text: str | bytes | bytearray, cls: None = None, *, limits: LoadLimits | None = None
) -> Document: ...
def loads(
    text: str | bytes | bytearray, cls: type[Any] | None = None, *, limits: LoadLimits | None = None
) -> Any:
    """Read a top-level object from a JSON document.

    Any text or bytes may come in: whatever is wrong with it, the only
    exception is a [`ValidationError`][frivillig.ValidationError], and the
    work and memory are bounded by ``limits``.

    A document written as frivillig writes it (every field, nothing unknown, no
    key twice) is read by a fast path built on msgspec; any other goes through
    the detailed reader, which gives the same object or lists every problem.
    The loader leaves Python's garbage collector as the host set it; the
    performance page of the documentation says what a long-running job can do
    about the collector after loading a large portfolio.

    Args:
        text: The document, as text or as UTF-8 bytes.
        cls: The type expected; when ``None``, the document's ``type`` decides.
        limits: How much the document may hold; [`LoadLimits`][frivillig.LoadLimits]'
            defaults when ``None``.

    Returns:
        The validated object.

    Raises:
        ValidationError: the text is not JSON, is over a limit, or the document
            breaks the model's rules; ``problems`` lists the problems with their paths.
    """
    checked = _limits(limits)
    obj = _fast_loads(text, cls, checked)
    if obj is _FALLBACK:
        obj = from_dict(_parse(text, checked, cls), cls, limits=checked)
    return obj


@typing.overload
def load(path: str | Path, cls: type[T], *, limits: LoadLimits | None = None) -> T: ...
@typing.overload
def load(path: str | Path, cls: None = None, *, limits: LoadLimits | None = None) -> Document: ...
def load(
    path: str | Path, cls: type[Any] | None = None, *, limits: LoadLimits | None = None
) -> Any:
    """Read a top-level object from a JSON file; see [`loads`][frivillig.loads].

    At most ``limits.max_bytes`` bytes (and one more, to tell) are read, so a
    huge file or a device that never ends costs no more than the limit.

    Raises:
        ValidationError: as [`loads`][frivillig.loads], or ``path`` is not a path.
        OSError: the file cannot be read (it does not exist, is a folder, ...).
    """
    checked = _limits(limits)
    if not isinstance(path, str | os.PathLike):
        raise ValidationError(
            [_problem((), f"expected a file path, got {type(path).__name__}", "type")]
        )
    with Path(path).open("rb") as file:
        data = file.read(checked.max_bytes + 1)
    return loads(data, cls, limits=checked)
