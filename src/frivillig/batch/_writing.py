"""Writing collaborations as a folder of JSON files or as a JSON Lines file."""

from collections.abc import Collection, Iterable
from pathlib import Path

from .._core.arguments import require_instance
from .._core.files import replacing_text
from .._model.collaboration import Collaboration
from .._model.portfolio import Portfolio
from .._reference.cpr import mask_cpr_like
from ..errors import (
    ArgumentTypeError,
    Problem,
    ValidationError,
)
from ..serialization import (
    _check_references,
    _checked_text,
    dumps,
)
from ._results import PathLike

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
