"""What the command line writes: terminal-safe streams, and refusing or failing to write OUT."""

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from .._core.files import overwrites
from .._privacy import terminal_safe
from .text import _TEXT, EXIT_PROBLEMS


class _TerminalStream:
    """A text stream that passes only terminal-safe text on to the stream it wraps.

    Everything the command line writes goes through one of these: a line is
    written once it is complete, with every character a terminal would act on
    escaped and every CPR-shaped number masked (see `terminal_safe`); only the
    newlines that end lines are kept. A number cannot hide by being written in
    pieces, since none of its separators is a newline.
    """

    def __init__(self, stream: TextIO, before: Callable[[], None] | None = None) -> None:
        self._stream = stream
        self._pending = ""
        self._before = before

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if lines:
            if self._before is not None:
                self._before()
            self._stream.write("".join(f"{terminal_safe(line)}\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def close(self) -> None:
        """Write the rest of an unfinished line; the wrapped stream stays open."""
        if self._pending:
            pending, self._pending = self._pending, ""
            if self._before is not None:
                self._before()
            self._stream.write(terminal_safe(pending))


def _overwrites_input(
    command: str, args: argparse.Namespace, err: TextIO, *others: tuple[str, Path | str | None]
) -> bool:
    """Whether ``-o OUT`` is a file being read; say so.

    The files read are the command's ``FILE`` (or, for a folder, one of its documents)
    and ``others``: each the argument that names a file (``"--template"``) and its value.
    """
    if args.output is None:
        return False
    texts = _TEXT[getattr(args, "lang", "en")]
    for what, source in (("", getattr(args, "file", None)), *others):
        if source is not None and overwrites(args.output, source):
            text = texts["overwrites_option" if what else "overwrites"]
            print(
                text.format(command=command, out=args.output, source=source, option=what),
                file=err,
            )
            return True
    return False


def _cannot_write(command: str, path: Path, error: OSError, err: TextIO) -> int:
    print(f"frivillig {command}: cannot write {path}: {error.strerror or error}", file=err)
    return EXIT_PROBLEMS
