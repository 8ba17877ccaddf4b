"""The ``frivillig`` command line: check, score, export and plot collaborations.

Every command that reads documents takes one JSON document, a folder of them or
a JSON Lines file, and works on the embedded example when no file is given. While
a folder or a JSON Lines file is read, a line on standard error says how far it
has come, when standard error is a terminal (``--progress``, ``--no-progress``).
Exit codes: 0 when everything is valid, 1 when an input has problems (a bad
document, an error finding, nothing to work on, a missing optional package), 2
when the command itself is used wrongly (argparse's convention).
"""

import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from typing import TextIO, cast

from .._jsonform.examples import DEFAULT_EXAMPLE
from .._privacy import terminal_safe
from ..errors import FrivilligError, ValidationError
from .documents import _print_problems as _print_problems
from .export import _write_csv as _write_csv
from .output import _TerminalStream as _TerminalStream
from .parser import _parser as _parser
from .progress import _isatty as _isatty
from .progress import _Progress as _Progress
from .text import _TEXT as _TEXT
from .text import EXIT_OK as EXIT_OK
from .text import EXIT_PROBLEMS as EXIT_PROBLEMS
from .text import EXIT_USAGE as EXIT_USAGE

__all__ = ["main"]


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default) and return its exit code.

    Everything it writes to ``out`` and ``err`` is made safe for a terminal first.
    While many documents are read, a line of progress is shown on ``err`` if it is a
    terminal (or as ``--progress``/``--no-progress`` say); it is wiped before anything
    else is written to ``err``, or to ``out`` when that is a terminal too, so what is
    written to ``out`` is the same with or without it.
    """
    raw_out, raw_err = out or sys.stdout, err or sys.stderr
    meter = _Progress(raw_err)
    streams = (
        _TerminalStream(raw_out, meter.clear if _isatty(raw_out) else None),
        _TerminalStream(raw_err, meter.clear),
    )
    try:
        return _main(argv, cast(TextIO, streams[0]), cast(TextIO, streams[1]), meter)
    finally:
        meter.clear()
        for stream in streams:
            stream.close()


def _main(argv: Sequence[str] | None, out: TextIO, err: TextIO, meter: _Progress) -> int:
    parser = _parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code) if isinstance(exit_.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(out)
        return EXIT_USAGE
    meter.switch(args.progress, args.lang)
    args.meter = meter
    try:
        return int(args.handler(args, out, err))
    except ValidationError as error:
        # A document that loads but cannot be scored, e.g. a response naming an
        # instrument that is not built in: report it like a document that does not load.
        file = getattr(args, "file", None)
        source = str(file) if file else f"<example:{getattr(args, 'example', DEFAULT_EXAMPLE)}>"
        print(f"{terminal_safe(source)} {_TEXT[args.lang]['invalid']}:", file=err)
        _print_problems(error.problems, err, args.lang)
        return EXIT_PROBLEMS
    except FrivilligError as error:  # pragma: no cover - every other error is reported above
        print(str(error), file=err)
        return EXIT_PROBLEMS


def run() -> None:
    """Entry point of the ``frivillig`` console script."""
    # The command owns its process, so it may do what the library never does: switch off
    # the cyclic garbage collector, whose full collections would otherwise walk every
    # object of a large portfolio again and again (the model's objects form no cycles).
    gc.disable()
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (e.g. ``frivillig check | head``): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_PROBLEMS
    sys.exit(code)
