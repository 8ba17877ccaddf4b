"""Reading many documents one at a time from a folder, a JSON Lines file or a stream."""

import os
import stat
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeAlias

from .._core.arguments import require_instance
from .._model.collaboration import Collaboration
from .._model.policy import VolunteerPolicy
from .._model.portfolio import Portfolio
from ..errors import (
    ArgumentTypeError,
    ArgumentValueError,
    FrivilligWarning,
    Problem,
    ValidationError,
)
from ..serialization import (
    DOCUMENT_TYPES,
    Document,
    LoadLimits,
    _limits,
    loads,
)
from ._results import JSON_LINES_SUFFIXES, BadDocument, BatchReport, Progress, Source, T

# -- reading ---------------------------------------------------------------------------------


def _error(message: str, code: str, path: str = "$") -> ValidationError:
    return ValidationError([Problem(path=path, message=message, code=code)])


def _wrap(items: Iterable[T], progress: Progress | None) -> Iterable[T]:
    return items if progress is None else progress(items)


def _is_json_lines(path: Path) -> bool:
    return path.suffix.lower() in JSON_LINES_SUFFIXES


Entry: TypeAlias = tuple[str, int | None, Any]
"""Where a document came from (file, line) and the document or its BadDocument."""


def _load(
    text: str | bytes, cls: type[Any] | None, source: str, line: int | None, limits: LoadLimits
) -> Entry:
    try:
        return source, line, loads(text, cls, limits=limits)
    except ValidationError as error:
        return source, line, BadDocument(source=source, line=line, problems=error.problems)


def _bad(source: str, line: int | None, message: str, code: str) -> Entry:
    problem = Problem(path="$", message=message, code=code)
    return source, line, BadDocument(source=source, line=line, problems=(problem,))


def _unreadable(source: str, error: OSError) -> Entry:
    reason = error.strerror or type(error).__name__
    return _bad(source, None, f"cannot read the file: {reason}", "io")


_SKIP = 1 << 16
"""How much of a line too long is read at a time while it is skipped."""

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def _lines(handle: Any, limit: int) -> Iterator[tuple[str | bytes, bool]]:
    """Each line of a stream without its line ending, and whether it is over ``limit``.

    No more than ``limit`` bytes (characters, from a text stream) and its line
    ending are read at once: the rest of a line too long is skipped in pieces,
    never held whole, and the line is yielded as an empty text.
    """
    while True:
        line = handle.readline(limit + 2)  # the line, and "\r\n" at most
        if not line:
            return
        newline, carriage = (b"\n", b"\r") if isinstance(line, bytes | bytearray) else ("\n", "\r")
        ended = line.endswith(newline)
        if ended:
            line = line[:-1]
            if line.endswith(carriage):
                line = line[:-1]
        if len(line) <= limit:
            yield line, False
            continue
        while not ended and (rest := handle.readline(_SKIP)):
            ended = rest.endswith(newline)
        yield line[:0], True


def _read_lines(
    handle: Any, cls: type[Any] | None, source: str, progress: Progress | None, limits: LoadLimits
) -> Iterator[Entry]:
    lines = _wrap(_lines(handle, limits.max_bytes), progress)
    try:
        for number, (text, too_long) in enumerate(lines, start=1):
            if too_long:
                unit = "bytes" if isinstance(text, bytes) else "characters"
                message = (
                    f"the line is longer than the limit of {limits.max_bytes} {unit} "
                    "(LoadLimits.max_bytes); it was skipped, not read whole; raise the limit "
                    "to read it"
                )
                yield _bad(source, number, message, "size")
            elif text.strip():
                yield _load(text, cls, source, number, limits)
    except OSError as error:
        yield _unreadable(source, error)


def _not_a_file(mode: int) -> str | None:
    """Why an entry of this mode is not a document, or ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        kind = "a FIFO (named pipe)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:  # pragma: no cover - no other kind of file on the systems supported
        kind = "not a regular file"
    return f"is {kind}, not a file; it was not opened"


def _open(path: Path) -> IO[bytes] | Entry:
    """Open a regular file for reading, or say why it is not a document.

    The kind of file is decided by its status, before opening it, so that a FIFO
    (which would block) or a device (which may never end) is not opened; and again
    once open, in case it changed in between.
    """
    source = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError as error:
        if os.path.islink(path):
            return _bad(source, None, "is a symbolic link to a file that does not exist", "io")
        return _unreadable(source, error)
    except OSError as error:
        return _unreadable(source, error)
    why = _not_a_file(info.st_mode)
    if why is not None:
        return _bad(source, None, why, "io")
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY)
    except OSError as error:
        return _unreadable(source, error)
    try:
        why = _not_a_file(os.fstat(fd).st_mode)
    except OSError as error:
        os.close(fd)
        return _unreadable(source, error)
    if why is not None:
        os.close(fd)
        return _bad(source, None, why, "io")
    return os.fdopen(fd, "rb")


def _read_path(
    path: Path, cls: type[Any] | None, progress: Progress | None, limits: LoadLimits
) -> Iterator[Entry]:
    source = str(path)
    opened = _open(path)
    if isinstance(opened, tuple):
        yield opened
        return
    with opened as handle:
        if _is_json_lines(path):
            yield from _read_lines(handle, cls, source, progress, limits)
            return
        try:
            data = handle.read(limits.max_bytes + 1)
        except OSError as error:
            yield _unreadable(source, error)
            return
    yield _load(data, cls, source, None, limits)


def _check_cls(cls: object) -> type[Any] | None:
    """The document type asked for; the caller's mistake when it is none."""
    if cls is not None and cls not in DOCUMENT_TYPES.values():
        names = ", ".join(t.__name__ for t in DOCUMENT_TYPES.values())
        if not isinstance(cls, type):
            usage = f"cls must be a document type or None, got {type(cls).__name__}"
            raise ArgumentTypeError(usage)
        usage = f"cannot read documents as {cls.__name__}; use one of {names}, or None for any"
        raise ArgumentValueError(usage)
    return cls  # type: ignore[return-value]


def _check_reading(pattern: object, progress: object, limits: object) -> LoadLimits:
    """The limits to read with; the caller's mistake when an argument has the wrong type."""
    if not isinstance(pattern, str):
        usage = f"pattern must be a str (a glob such as '*.json'), got {type(pattern).__name__}"
        raise ArgumentTypeError(usage)
    if progress is not None and not callable(progress):
        usage = f"progress must be a callable or None, got {type(progress).__name__}"
        raise ArgumentTypeError(usage)
    if limits is not None:
        require_instance(limits, LoadLimits, "limits", "LoadLimits or None")
    return _limits(limits)


def _documents(
    source: object,
    cls: type[Any] | None,
    pattern: str,
    progress: Progress | None,
    limits: LoadLimits | None,
) -> Iterator[Entry]:
    """Check the source at once; return an iterator that reads it lazily."""
    checked = _check_reading(pattern, progress, limits)
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if path.is_dir():
            # Every entry the pattern matches: one that is not a file is reported, not skipped.
            entries = sorted(path.glob(pattern))
            return _from_paths(_wrap(entries, progress), cls, checked)
        if path.is_file():
            if _is_json_lines(path):
                return _read_path(path, cls, progress, checked)
            return _from_paths(_wrap([path], progress), cls, checked)
        msg = f"{str(path)!r} is neither a folder nor a file"
        raise _error(msg, "io")
    if hasattr(source, "readline"):
        name = str(getattr(source, "name", "<stream>"))
        return _read_lines(source, cls, name, progress, checked)
    if isinstance(source, bytes | bytearray) or not isinstance(source, Iterable):
        usage = (
            f"source must be a path, a stream or an iterable of paths, got {type(source).__name__}"
        )
        raise ArgumentTypeError(usage)
    return _from_paths(_wrap(source, progress), cls, checked)


def _from_paths(
    paths: Iterable[object], cls: type[Any] | None, limits: LoadLimits
) -> Iterator[Entry]:
    for index, entry in enumerate(paths):
        if not isinstance(entry, str | os.PathLike):
            msg = f"expected a file path, got {type(entry).__name__}"
            yield _bad(f"<item {index}>", None, msg, "type")
            continue
        yield from _read_path(Path(entry), cls, None, limits)


def iter_documents(
    source: Source,
    *,
    cls: type[Document] | None = None,
    pattern: str = "*.json",
    progress: Progress | None = None,
    limits: LoadLimits | None = None,
) -> Iterator[Document | BadDocument]:
    """Read documents one at a time, yielding each loaded object or a bad document.

    Every document is loaded and validated like [`loads`][frivillig.loads]
    does; one that fails becomes a [`BadDocument`][frivillig.batch.BadDocument]
    in its place, and reading goes on. Only one document is in memory at a
    time, and nothing is read before the iterator is asked for it.

    Args:
        source: A folder, a JSON Lines (``.jsonl``, ``.ndjson``) or JSON file,
            an open stream of JSON Lines, or an iterable of file paths.
        cls: The document type expected (e.g. `Collaboration`); a document of
            another type is bad. ``None`` accepts any.
        pattern: Which files of a folder to read (a glob, not recursive).
        progress: A callable that wraps an iterable to show progress (see the
            module); ``None`` for none.
        limits: How much one document, a file or a line of JSON Lines, may hold,
            as for [`loads`][frivillig.loads]; no more of a file than
            ``limits.max_bytes`` (and one byte more), nor of a line than that and
            its line ending, is read.
            [`LoadLimits`][frivillig.LoadLimits]' defaults when ``None``.

    Returns:
        An iterator of [`Collaboration`][frivillig.Collaboration],
        [`Portfolio`][frivillig.Portfolio] or
        [`VolunteerPolicy`][frivillig.VolunteerPolicy] objects and
        ``BadDocument``s, in the order of the source.

    Raises:
        ArgumentTypeError: ``source`` is not a path, a stream or an iterable,
            ``cls`` not a type, ``pattern`` not text, ``progress`` not callable,
            or ``limits`` not ``LoadLimits`` (programming mistakes).
        ArgumentValueError: ``cls`` is a type that is not a document type.
        ValidationError: the source is a path to nothing (no such folder or
            file; code ``"io"``). Bad *documents* never raise.
    """
    entries = _documents(source, _check_cls(cls), pattern, progress, limits)
    return (document for _, _, document in entries)


def iter_collaborations(
    source: Source,
    *,
    report: BatchReport | None = None,
    pattern: str = "*.json",
    progress: Progress | None = None,
    limits: LoadLimits | None = None,
) -> Iterator[Collaboration]:
    """Read the good collaborations one at a time; record the bad documents in a report.

    Collaborations inside portfolio documents are yielded one by one; volunteer
    policies go to ``report.policies``. A collaboration whose id an earlier one
    already used is reported as bad (code ``"duplicate"``) and left out, so the
    result can always become a portfolio.

    Args:
        source: See [`iter_documents`][frivillig.batch.iter_documents].
        report: A report to fill while reading. Without one, each bad document
            is announced with a [`FrivilligWarning`][frivillig.errors.FrivilligWarning]
            instead, so that none is skipped silently.
        pattern: Which files of a folder to read.
        progress: A callable that wraps an iterable to show progress.
        limits: How much one document may hold; see ``iter_documents``.

    Returns:
        An iterator of collaborations, in the order of the source.

    Raises:
        ArgumentTypeError: an argument has the wrong type, as for
            [`iter_documents`][frivillig.batch.iter_documents].
        ValidationError: the source is a path to nothing (code ``"io"``).
    """
    entries = _documents(source, None, pattern, progress, limits)
    return (collaboration for _, collaboration in _located(entries, report))


Place: TypeAlias = tuple[str, int | None, str]
"""Where a collaboration was read: file, line (JSON Lines) and its JSON path there."""


def _located(
    entries: Iterator[Entry], report: BatchReport | None
) -> Iterator[tuple[Place, Collaboration]]:
    seen: dict[str, str] = {}
    counts = report if report is not None else BatchReport()

    def bad(document: BadDocument) -> None:
        counts.bad.append(document)
        if report is None:
            warnings.warn(str(document), FrivilligWarning, stacklevel=5)

    for source, line, document in entries:
        counts.documents += 1
        if isinstance(document, BadDocument):
            bad(document)
            continue
        if isinstance(document, VolunteerPolicy):
            counts.policies.append(document)
            continue
        if isinstance(document, Portfolio):
            members = list(enumerate(document.collaborations))
            prefix = "$.collaborations[{}]"
        else:
            members = [(0, document)]
            prefix = "$"
        where = source if line is None else f"{source}, line {line}"
        duplicates = []
        for index, collaboration in members:
            earlier = seen.get(collaboration.id)
            if earlier is not None:
                message = f"id {collaboration.id!r} is already used by {earlier}"
                path = prefix.format(index) + ".id"
                duplicates.append(Problem(path=path, message=message, code="duplicate"))
                continue
            seen[collaboration.id] = where
            counts.collaborations += 1
            yield (source, line, prefix.format(index)), collaboration
        if duplicates:
            bad(BadDocument(source=source, line=line, problems=tuple(duplicates)))


def load_portfolio(
    source: Source,
    *,
    portfolio_id: str = "portfolio",
    title: str | None = None,
    municipality_code: int | None = None,
    pattern: str = "*.json",
    progress: Progress | None = None,
    limits: LoadLimits | None = None,
) -> tuple[Portfolio, BatchReport]:
    """Load every good collaboration of a source into a portfolio, and report the bad ones.

    Args:
        source: See [`iter_documents`][frivillig.batch.iter_documents].
        portfolio_id: The portfolio's id.
        title: The portfolio's title; by default it names the source.
        municipality_code: The municipality the portfolio belongs to; by
            default the one every collaboration shares, if they share one.
        pattern: Which files of a folder to read.
        progress: A callable that wraps an iterable to show progress.
        limits: How much one document may hold; see ``iter_documents``.

    Returns:
        The portfolio and the [`BatchReport`][frivillig.batch.BatchReport]: how
        many documents were read, and each bad one with its problems. When the
        source holds exactly one volunteer policy for the portfolio's
        municipality, it becomes the portfolio's policy.

    Raises:
        ArgumentTypeError: an argument has the wrong type, as for
            [`iter_documents`][frivillig.batch.iter_documents].
        ValidationError: the source is a path to nothing (code ``"io"``), or
            ``portfolio_id``, ``title`` or ``municipality_code`` is not valid
            for a portfolio.
    """
    report = BatchReport()
    collaborations = tuple(
        iter_collaborations(
            source, report=report, pattern=pattern, progress=progress, limits=limits
        )
    )
    codes = {collaboration.municipality_code for collaboration in collaborations}
    if municipality_code is None and len(codes) == 1:
        municipality_code = codes.pop()
    policies = [p for p in report.policies if p.municipality_code == municipality_code]
    if title is None:
        title = f"Collaborations from {_describe(source)}"[:300]
    portfolio = Portfolio(
        id=portfolio_id,
        title=title,
        municipality_code=municipality_code,
        policy=policies[0] if len(policies) == 1 else None,
        collaborations=collaborations,
    )
    return portfolio, report


def _describe(source: Source) -> str:
    if isinstance(source, str | os.PathLike):
        return Path(source).name or str(source)
    return str(getattr(source, "name", "several files"))
