"""What batch reading yields and reports: sources, progress, bad documents, the report."""

import os
from collections.abc import Iterable
from typing import IO, Protocol, TypeAlias, TypeVar

import attrs

from .._model.policy import VolunteerPolicy
from ..errors import (
    Problem,
)

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
