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

from ._evaluation import Evaluation as Evaluation
from ._evaluation import evaluate as evaluate
from ._reading import iter_collaborations as iter_collaborations
from ._reading import iter_documents as iter_documents
from ._reading import load_portfolio as load_portfolio
from ._results import JSON_LINES_SUFFIXES as JSON_LINES_SUFFIXES
from ._results import BadDocument as BadDocument
from ._results import BatchReport as BatchReport
from ._results import PathLike as PathLike
from ._results import Progress as Progress
from ._results import Source as Source
from ._writing import write_folder as write_folder
from ._writing import write_jsonl as write_jsonl

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
