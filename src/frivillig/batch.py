"""Many documents at once: read a folder or a JSON Lines file, keep the good, report the bad.

A municipality's systems export collaborations as many files: a folder of JSON
documents, or one JSON Lines file with a document on each line. Some of them
will be broken. The functions here read such a source *one document at a time*,
so a portfolio larger than memory can be processed file by file, and never stop
at a bad document: each one becomes a [`BadDocument`][frivillig.batch.BadDocument]
that says which file (and line) it was and lists every problem with its JSON
path, while the good ones go on.

* [`iter_documents`][frivillig.batch.iter_documents] yields each document,
  loaded and validated, or a ``BadDocument`` in its place.
* [`iter_collaborations`][frivillig.batch.iter_collaborations] yields only the
  collaborations (those inside portfolio documents too) and records the bad
  documents in a [`BatchReport`][frivillig.batch.BatchReport]; feed it to the
  record functions of [`frivillig.records`][] to stream rows.
* [`evaluate`][frivillig.batch.evaluate] checks and scores each good
  collaboration as it is read, yielding an [`Evaluation`][frivillig.batch.Evaluation]
  that says where it came from, and records the bad documents in a report.
* [`load_portfolio`][frivillig.batch.load_portfolio] collects the good
  collaborations into a [`Portfolio`][frivillig.Portfolio] and returns the report.
* [`write_folder`][frivillig.batch.write_folder] and
  [`write_jsonl`][frivillig.batch.write_jsonl] write collaborations the way the
  readers read them.

**Sources.** A folder (its ``*.json`` files, in sorted order, not its
subfolders), a JSON Lines file (``.jsonl`` or ``.ndjson``; blank lines are
skipped), a single JSON file, an open text or binary stream of JSON Lines, or an
iterable of file paths, which is read lazily, one path at a time. An entry that
is not a file (a folder named ``*.json``, a symbolic link to nothing, a FIFO or a
device) is a bad document with code ``"io"``, never skipped in silence; a FIFO or
a device is never opened.

**Progress.** The library draws no progress bars. Every function takes a
``progress`` callable that wraps an iterable and returns one, so a notebook or a
job passes its own: ``progress=tqdm.tqdm``, or ``rich.progress.track``, or
``functools.partial(rich.progress.track, description="Loading")``. It wraps the
files of a folder (a list, so the bar knows its length), the lines of a JSON
Lines file, or the paths given. Leave it ``None`` for no progress.

**Memory.** ``iter_documents`` and ``iter_collaborations`` hold one document at
a time (``iter_collaborations`` also keeps the ids seen, to report a duplicate).
No more of a file is read than the [`LoadLimits`][frivillig.LoadLimits] allow
(``max_bytes``, and one byte more to tell), nor of a line (``max_bytes`` and its
line ending): a larger one is a bad document with code ``"size"``, and the rest
of a line too long is skipped in pieces, never held whole.
``load_portfolio`` holds every good collaboration, as a portfolio must. The
batch functions leave Python's garbage collector as the host set it; the
performance page of the documentation says what a long batch job that owns its
process can do about the collector on its own side.

Examples:
    >>> import tempfile
    >>> from pathlib import Path
    >>> from frivillig import batch, synthetic
    >>> folder = Path(tempfile.mkdtemp())
    >>> paths = batch.write_folder(synthetic.iter_collaborations(seed=1, size=3), folder)
    >>> _ = (folder / "broken.json").write_text('{"schema_version": 1, "type": "collaboration"}')
    >>> portfolio, report = batch.load_portfolio(folder)
    >>> len(portfolio.collaborations), len(report.bad)
    (3, 1)
    >>> bad = report.bad[0]
    >>> Path(bad.source).name, bad.line, str(bad.problems[0])
    ('broken.json', None, '$.id: is required but missing')
"""

import datetime as dt
import os
import stat
import warnings
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Protocol, TypeAlias, TypeVar

import attrs

from ._core.arguments import require_date, require_instance
from ._core.files import replacing_text
from ._core.frozenmap import FrozenMap
from ._model.collaboration import Collaboration
from ._model.policy import VolunteerPolicy
from ._model.portfolio import Portfolio
from ._reference.cpr import mask_cpr_like
from ._rules.checking import check
from ._rules.engine import CheckSettings, Report, Rulebook
from ._scores.scores import Score, ScoreSettings, score_all
from .errors import (
    ArgumentTypeError,
    ArgumentValueError,
    FrivilligWarning,
    Problem,
    ValidationError,
)
from .serialization import (
    DOCUMENT_TYPES,
    Document,
    LoadLimits,
    _check_references,
    _checked_text,
    _limits,
    dumps,
    loads,
)

__all__ = [
    "BadDocument",
    "BatchReport",
    "Evaluation",
    "Progress",
    "Source",
    "evaluate",
    "iter_collaborations",
    "iter_documents",
    "load_portfolio",
    "write_folder",
    "write_jsonl",
]

T = TypeVar("T")

PathLike: TypeAlias = str | os.PathLike[str]

Source: TypeAlias = PathLike | IO[str] | IO[bytes] | Iterable[PathLike]
"""Where documents come from: a folder, a JSON Lines or JSON file, an open
stream of JSON Lines, or an iterable of file paths."""

JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
"""File name endings read as JSON Lines: one document per line."""


class Progress(Protocol):
    """A callable that wraps an iterable to show progress, e.g. ``tqdm.tqdm``."""

    def __call__(self, iterable: Iterable[T], /) -> Iterable[T]:
        """Return an iterable over the same items, showing progress as they pass."""
        ...


@attrs.frozen(kw_only=True)
class BadDocument:
    """A document that could not be loaded, where it was, and everything wrong with it.

    Attributes:
        source: The file it came from, as given (or the stream's name).
        line: For JSON Lines, the line it is on, from 1; ``None`` for a file
            that holds one document.
        problems: Every problem found, each with its JSON path within the
            document (``$.goals[0].agreements[1].party``) and a stable ``code``:
            ``"json"`` when the text is not JSON, ``"io"`` when the file could
            not be read or is not a file, ``"size"`` when it (or its line) is
            larger than ``LoadLimits.max_bytes``, ``"duplicate"`` when its id was
            used by an earlier document, and the loader's codes otherwise.
    """

    source: str
    line: int | None = None
    problems: tuple[Problem, ...]

    @property
    def where(self) -> str:
        """The file, and the line for JSON Lines: ``"export.jsonl, line 7"``."""
        return self.source if self.line is None else f"{self.source}, line {self.line}"

    def __str__(self) -> str:
        """Render where the document is and one line per problem."""
        count = len(self.problems)
        head = f"{self.where}: {count} problem{'s' if count != 1 else ''}:"
        return "\n".join([head, *(f"  {problem}" for problem in self.problems)])


@attrs.define(kw_only=True)
class BatchReport:
    """What a batch run read: how many documents, how many collaborations, which were bad.

    It fills up while the run goes on, so a streaming caller can read it once
    the iterator is exhausted.

    Attributes:
        documents: Documents read, good and bad.
        collaborations: Collaborations yielded, counting those inside portfolio documents.
        bad: The documents that could not be used, in the order they were read.
        policies: Volunteer policy documents met on the way (they hold no collaboration).
    """

    documents: int = 0
    collaborations: int = 0
    bad: list[BadDocument] = attrs.Factory(list)
    policies: list[VolunteerPolicy] = attrs.Factory(list)

    @property
    def ok(self) -> bool:
        """Whether every document was good."""
        return not self.bad

    def __str__(self) -> str:
        """Summarise the run, then list each bad document with its problems."""
        head = (
            f"{self.documents} document{'s' if self.documents != 1 else ''} read: "
            f"{self.collaborations} collaboration{'s' if self.collaborations != 1 else ''}, "
            f"{len(self.bad)} bad document{'s' if len(self.bad) != 1 else ''}"
        )
        return "\n".join([head, *(str(bad) for bad in self.bad)])


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


@attrs.frozen(kw_only=True)
class Evaluation:
    """One collaboration of a batch, checked against the rules and scored, with where it was read.

    Attributes:
        collaboration: The collaboration, loaded and validated.
        source: The file it came from, as given (or the stream's name).
        line: For JSON Lines, the line it is on, from 1; ``None`` otherwise.
        path: Where the collaboration sits in its document: ``"$"`` for a
            collaboration document, ``"$.collaborations[2]"`` for one inside a
            portfolio document. The report's paths start at the collaboration.
        report: The rule check's [`Report`][frivillig.Report], as of the day given.
        scores: Every score of [`score_all`][frivillig.score_all], by key.
    """

    collaboration: Collaboration
    source: str
    line: int | None = None
    path: str = "$"
    report: Report
    scores: FrozenMap[str, Score]

    @property
    def where(self) -> str:
        """The file, the line for JSON Lines, and the path inside a portfolio document."""
        where = self.source if self.line is None else f"{self.source}, line {self.line}"
        return where if self.path == "$" else f"{where}, {self.path}"

    @property
    def passes(self) -> bool:
        """Whether the check found no error (warnings and advice do not count)."""
        return self.report.passes


def evaluate(
    source: Source,
    *,
    today: dt.date,
    report: BatchReport | None = None,
    rulebook: Rulebook | None = None,
    check_settings: CheckSettings | None = None,
    score_settings: ScoreSettings | None = None,
    pattern: str = "*.json",
    progress: Progress | None = None,
    limits: LoadLimits | None = None,
) -> Iterator[Evaluation]:
    r"""Check and score every collaboration of a source, one at a time; report the bad documents.

    This is the rule check ([`check`][frivillig.check]) and the scores
    ([`score_all`][frivillig.score_all]) over a folder, a JSON Lines file or
    any other source of [`iter_documents`][frivillig.batch.iter_documents],
    streamed: one document is read, checked and scored at a time, so a source
    larger than memory can be evaluated. Bad documents are left out and
    recorded in ``report`` (or announced as warnings, as
    [`iter_collaborations`][frivillig.batch.iter_collaborations] does), and the
    good ones go on.

    A collaboration that loads but cannot be checked or scored (its answers
    name an instrument that is neither built in nor in ``score_settings``) is
    reported as a bad document too, its problems' paths pointing into its
    document, and left out.

    Args:
        source: See [`iter_documents`][frivillig.batch.iter_documents].
        today: The day to check and score on; the library never reads the clock.
        report: A report to fill while reading: documents read, collaborations
            found, and each bad document with its problems.
        rulebook: The rules to run; the default rulebook when ``None``.
        check_settings: Thresholds of the rules, instead of the rulebook's own.
        score_settings: Settings of the scores; the defaults when ``None``.
        pattern: Which files of a folder to read.
        progress: A callable that wraps an iterable to show progress.
        limits: How much one document may hold; see ``iter_documents``.

    Returns:
        An iterator of [`Evaluation`][frivillig.batch.Evaluation]s, in the order
        of the source.

    Raises:
        ArgumentTypeError: an argument has the wrong type (a programming
            mistake), as for [`iter_documents`][frivillig.batch.iter_documents].
        ValidationError: the source is a path to nothing (code ``"io"``). Bad
            documents never raise.

    Examples:
        >>> import datetime as dt
        >>> import io
        >>> from frivillig import batch, dumps, load_example
        >>> stream = io.StringIO(dumps(load_example("limits_broken")) + "\n{oops\n")
        >>> report = batch.BatchReport()
        >>> (one,) = batch.evaluate(stream, today=dt.date(2026, 11, 27), report=report)
        >>> one.passes, one.report.findings[0].code
        (False, 'FR101')
        >>> round(one.scores["collaboration_health"].value)
        31
        >>> report.bad[0].where
        '<stream>, line 2'
    """
    today = require_date(today)
    for value, cls, name in (
        (rulebook, Rulebook, "rulebook"),
        (check_settings, CheckSettings, "check_settings"),
        (score_settings, ScoreSettings, "score_settings"),
    ):
        if value is not None:
            require_instance(value, cls, name)
    entries = _documents(source, None, pattern, progress, limits)
    located = _located(entries, report)
    return _evaluations(located, report, today, rulebook, check_settings, score_settings)


def _evaluations(
    located: Iterator[tuple[Place, Collaboration]],
    report: BatchReport | None,
    today: dt.date,
    rulebook: Rulebook | None,
    check_settings: CheckSettings | None,
    score_settings: ScoreSettings | None,
) -> Iterator[Evaluation]:
    for (source, line, path), collaboration in located:
        try:
            found = check(collaboration, today=today, rulebook=rulebook, settings=check_settings)
            scores = score_all(collaboration, today=today, settings=score_settings)
        except ValidationError as error:
            problems = tuple(
                attrs.evolve(problem, path=path + problem.path[1:])
                if problem.path.startswith("$")
                else problem
                for problem in error.problems
            )
            bad = BadDocument(source=source, line=line, problems=problems)
            if report is None:
                warnings.warn(str(bad), FrivilligWarning, stacklevel=3)
            else:
                report.bad.append(bad)
                report.collaborations -= 1
            continue
        yield Evaluation(
            collaboration=collaboration,
            source=source,
            line=line,
            path=path,
            report=found,
            scores=scores,
        )


def _describe(source: Source) -> str:
    if isinstance(source, str | os.PathLike):
        return Path(source).name or str(source)
    return str(getattr(source, "name", "several files"))


# -- writing ---------------------------------------------------------------------------------

_MAX_LISTED = 1000
"""The most problems an error of the writers lists: of the first refused collaborations."""


def _each(collaborations: object) -> Iterable[object]:
    if isinstance(collaborations, Portfolio):
        return collaborations.collaborations
    if isinstance(collaborations, str | bytes) or not isinstance(collaborations, Iterable):
        usage = (
            "collaborations must be a Portfolio or an iterable of Collaboration, "
            f"got {type(collaborations).__name__}"
        )
        raise ArgumentTypeError(usage)
    return collaborations


def _collaboration(item: object, index: int) -> Collaboration:
    if not isinstance(item, Collaboration):
        require_instance(item, Collaboration, f"collaborations[{index}]")
    return item  # type: ignore[return-value]


class _Refusals:
    """The collaborations a writer refuses: each one's problems, at ``$[index]``."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.refused: list[str] = []
        self.truncated = False

    def __bool__(self) -> bool:
        return bool(self.refused)

    def add(self, index: int, collaboration: Collaboration, problems: Iterable[Problem]) -> None:
        # Ids are not personal; one shaped like a CPR number is masked all the same.
        entry = f"$[{index}] {mask_cpr_like(collaboration.id)[:60]!r}"
        if not self.refused or self.refused[-1] != entry:
            self.refused.append(entry)
        for problem in problems:
            if len(self.problems) >= _MAX_LISTED:
                self.truncated = True
                return
            path = f"$[{index}]{problem.path[1:]}" if problem.path.startswith("$") else problem.path
            self.problems.append(Problem(path=path, message=problem.message, code=problem.code))

    def check(self, index: int, collaboration: Collaboration) -> None:
        """Add the problems the loader would find in ``collaboration``, if any."""
        try:
            _check_references(collaboration)
        except ValidationError as error:
            self.add(index, collaboration, error.problems)

    def error(self, written: int | None) -> ValidationError:
        count = len(self.refused)
        which = ", ".join(self.refused[:10]) + (", ..." if count > 10 else "")
        done = (
            "nothing was written"
            if not written
            else f"the {written} before the first were written, nothing from it on"
        )
        summary = (
            f"{count} collaboration{'s' if count != 1 else ''} would be refused ({which}); {done}:"
        )
        if self.truncated:
            summary = f"{summary[:-1]}; only the first {len(self.problems)} problems are listed:"
        return ValidationError(self.problems, message=summary)


def _file_name(collaboration: Collaboration) -> str:
    return collaboration.id.replace(":", "_") + ".json"


def _duplicate(name: str) -> Problem:
    msg = f"two collaborations would both be written to {name!r}"
    return Problem(path="$.id", message=msg, code="duplicate")


def write_folder(
    collaborations: Portfolio | Iterable[Collaboration],
    folder: PathLike,
    *,
    indent: int | None = 2,
) -> list[Path]:
    """Write each collaboration to its own JSON file, named after its id, in a folder.

    The folder is created if needed; a file of the same name is replaced. An id
    with ``:`` (not allowed in Windows file names) is written with ``_`` instead.
    Each file is written whole or not at all, like [`dump`][frivillig.dump]
    writes it, and no file is written that the loader would refuse.

    **Everything or nothing, when it can be known first.** Given a portfolio or
    a collection held in memory (a list, a tuple, any ``Collection``), every
    collaboration is checked before anything is written: when one would be
    refused (a reference to nothing, see [`dumps`][frivillig.dumps]) or two
    would get the same file name, nothing is written (not even the folder) and
    the error names every such collaboration, by its place and id, with its
    problems at ``$[index]``.

    **As they come, for an iterator.** Any other iterable (a generator, an
    iterator such as [`iter_collaborations`][frivillig.batch.iter_collaborations])
    is written one collaboration at a time, so one of any length can be written
    without holding it. A collaboration that would be refused is then found
    only when its turn comes: the files of the collaborations before it stay
    written, and no file is written for it or any after it. The rest are still
    read and checked, so that the error names every refused collaboration.

    Args:
        collaborations: A portfolio, or any iterable of collaborations.
        folder: Where to write.
        indent: Indentation of the JSON; ``None`` for one compact line.

    Returns:
        The paths written, in order.

    Raises:
        ArgumentTypeError: ``collaborations`` is not a portfolio or an iterable,
            or an item is not a collaboration (a programming mistake); from a
            collection, before anything is written.
        ValidationError: a collaboration would be refused by the loader, or two
            would get the same file name (see above for what is written then).
        OSError: a file cannot be written.
    """
    items = _each(collaborations)
    target = Path(folder)
    if isinstance(items, Collection):
        checked = [_collaboration(item, index) for index, item in enumerate(items)]
        refusals = _Refusals()
        names: set[str] = set()
        for index, collaboration in enumerate(checked):
            name = _file_name(collaboration)
            if name in names:
                refusals.add(index, collaboration, [_duplicate(name)])
            names.add(name)
            refusals.check(index, collaboration)
        if refusals:
            raise refusals.error(None)
        return _write_files(checked, target, indent)
    return _stream_files(items, target, indent)


def _write_text(path: Path, text: str) -> None:
    """Write one document's text to its file, whole or not at all."""
    with replacing_text(path) as handle:
        handle.write(text + "\n")


def _text(
    refusals: _Refusals, index: int, collaboration: Collaboration, indent: int | None
) -> str | None:
    """The collaboration's JSON text, or ``None`` once anything is refused (then only checked)."""
    if refusals:
        refusals.check(index, collaboration)
        return None
    try:
        return dumps(collaboration, indent=indent)
    except ValidationError as error:
        refusals.add(index, collaboration, error.problems)
        return None


def _write_files(checked: list[Collaboration], target: Path, indent: int | None) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for collaboration in checked:  # every one checked already: written without checking again
        path = target / _file_name(collaboration)
        _write_text(path, _checked_text(collaboration, "collaboration", indent))
        written.append(path)
    return written


def _stream_files(items: Iterable[object], target: Path, indent: int | None) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    names: set[str] = set()
    refusals = _Refusals()
    for index, item in enumerate(items):
        collaboration = _collaboration(item, index)
        name = _file_name(collaboration)
        if name in names:
            refusals.add(index, collaboration, [_duplicate(name)])
        names.add(name)
        text = _text(refusals, index, collaboration, indent)
        if text is None:  # refused: nothing more is written, the rest are only checked
            continue
        path = target / name
        _write_text(path, text)
        written.append(path)
    if refusals:
        raise refusals.error(len(written))
    return written


def write_jsonl(collaborations: Portfolio | Iterable[Collaboration], path: PathLike) -> int:
    """Write collaborations as JSON Lines: one compact document per line, UTF-8.

    The file is written whole or not at all: to a temporary file in the same
    folder, moved over ``path`` once the last collaboration is written, so a
    failure, an interrupt or a crash on the way leaves a file that was there as
    it was. Until then, a reader of the old file reads it to its end, so the
    collaborations may even come from ``path`` itself. A collaboration the
    loader would refuse is not written, and then nothing is: the rest are still
    checked, and the error names every refused collaboration, by its place and
    id, with its problems at ``$[index]``.

    Args:
        collaborations: A portfolio, or any iterable of collaborations (written
            as they come).
        path: The file to write; it is replaced if it exists.

    Returns:
        How many collaborations were written.

    Raises:
        ArgumentTypeError: ``collaborations`` is not a portfolio or an iterable,
            or an item is not a collaboration (a programming mistake); nothing
            is written.
        ValidationError: a collaboration would be refused by the loader;
            nothing is written.
        OSError: the file cannot be written.
    """
    items = _each(collaborations)
    count = 0
    refusals = _Refusals()
    with replacing_text(path, newline="\n") as handle:
        for index, item in enumerate(items):
            collaboration = _collaboration(item, index)
            text = _text(refusals, index, collaboration, None)
            if text is None:
                continue
            handle.write(text)
            handle.write("\n")
            count += 1
        if refusals:
            raise refusals.error(None)
    return count
