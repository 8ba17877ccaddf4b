"""The input of a command: one document, a folder or a JSON Lines file, and its bad documents."""

import argparse
import datetime as dt
import zoneinfo
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO, TypeVar

from .. import batch
from .._core.labels import Language
from .._jsonform.examples import EXAMPLE_AS_OF, load_example
from .._model.collaboration import Collaboration
from .._model.portfolio import Portfolio
from .._privacy import terminal_safe
from ..errors import Problem, ValidationError
from ..serialization import Document, load
from .progress import _Progress
from .text import _TEXT, EXIT_OK, EXIT_PROBLEMS, _counted


def _today(args: argparse.Namespace) -> dt.date:
    """The date to check on: ``--today``, the example's own date, or today in Denmark."""
    if args.today is not None:
        return dt.date.fromisoformat(args.today)
    if args.file is None:
        return EXAMPLE_AS_OF
    return dt.datetime.now(zoneinfo.ZoneInfo("Europe/Copenhagen")).date()


def _read(args: argparse.Namespace, err: TextIO) -> tuple[str, Document | None]:
    """Load the document named on the command line (or the example), reporting problems."""
    t = _TEXT[args.lang]
    source = terminal_safe(str(args.file)) if args.file else f"<example:{args.example}>"
    try:
        document: Document = load(args.file) if args.file else load_example(args.example)
    except ValidationError as error:
        print(f"{source} {t['invalid']}:", file=err)
        _print_problems(error.problems, err, args.lang)
        return source, None
    except OSError as error:
        reason = terminal_safe(str(error.strerror or error))
        print(f"{source} {t['unreadable']}: {reason}", file=err)
        return source, None
    return source, document


# -- many documents ------------------------------------------------------------------------


def _is_batch(path: Path | None) -> bool:
    """Whether the input is many documents: a folder, or a JSON Lines file."""
    return path is not None and (path.is_dir() or path.suffix.lower() in batch.JSON_LINES_SUFFIXES)


def _print_problems(problems: Iterable[Problem], err: TextIO, lang: Language = "en") -> None:
    """One line per problem: its JSON path and its message, each kept on its line."""
    for problem in problems:
        message = problem.message_in(lang)
        print(f"  {terminal_safe(problem.path)}: {terminal_safe(message)}", file=err)


T = TypeVar("T")


def _read_or_say_why(
    path: Path, read: Callable[[Path], T], lang: Language, err: TextIO
) -> T | None:
    """``read(path)``, or ``None`` after printing why the file is invalid or unreadable."""
    source = terminal_safe(str(path))
    try:
        return read(path)
    except ValidationError as error:
        print(f"{source} {_TEXT[lang]['invalid']}:", file=err)
        _print_problems(error.problems, err, lang)
    except OSError as error:
        reason = terminal_safe(str(error.strerror or error))
        print(f"{source} {_TEXT[lang]['unreadable']}: {reason}", file=err)
    return None


def _where(source: str, line: int | None, lang: Language, path: str = "$") -> str:
    """The file, the line for JSON Lines and the path inside a portfolio, in the language."""
    where = source if line is None else f"{source}, {'linje' if lang == 'da' else 'line'} {line}"
    return where if path == "$" else f"{where}, {path}"


def _print_bad(bad: batch.BadDocument, lang: Language, err: TextIO) -> None:
    where = _where(bad.source, bad.line, lang)
    print(f"{terminal_safe(where)} {_TEXT[lang]['invalid']}:", file=err)
    _print_problems(bad.problems, err, lang)


def _evaluations(
    args: argparse.Namespace, err: TextIO
) -> tuple[Iterator[batch.Evaluation], batch.BatchReport] | None:
    """Check and score a folder or JSON Lines file as it is read; report bad documents at once."""
    report = batch.BatchReport()
    try:
        found = batch.evaluate(args.file, today=_today(args), report=report)
    except ValidationError as error:
        reason = terminal_safe("; ".join(p.message_in(args.lang) for p in error.problems))
        source = terminal_safe(str(args.file))
        print(f"{source} {_TEXT[args.lang]['unreadable']}: {reason}", file=err)
        return None

    meter: _Progress = args.meter

    def reported() -> Iterator[batch.Evaluation]:
        shown = 0
        for evaluation in found:
            for bad in report.bad[shown:]:
                _print_bad(bad, args.lang, err)
            shown = len(report.bad)
            meter.update(report)
            yield evaluation
        for bad in report.bad[shown:]:
            _print_bad(bad, args.lang, err)
        meter.clear()

    return reported(), report


def _collaborations(
    args: argparse.Namespace, err: TextIO
) -> tuple[Iterable[Collaboration], batch.BatchReport, str] | None:
    """The collaborations of the input, however given, and a report that fills as they are read.

    Bad documents are printed to ``err`` with their file, line and JSON paths.
    """
    if _is_batch(args.file):
        found = _evaluations(args, err)
        if found is None:
            return None
        evaluations, report = found
        return (e.collaboration for e in evaluations), report, terminal_safe(str(args.file))
    source, document = _read(args, err)
    if document is None:
        return None
    collaborations = _documents_of(document)
    report = batch.BatchReport(documents=1, collaborations=len(collaborations))
    return collaborations, report, source


def _outcome(report: batch.BatchReport, source: str, lang: Language, err: TextIO) -> int:
    """Exit 1 when a document was bad or nothing was found; else 0."""
    if not report.collaborations and not report.bad:
        print(_TEXT[lang]["nothing"].format(source=source), file=err)
    return EXIT_PROBLEMS if report.bad or not report.collaborations else EXIT_OK


def _read_line(report: batch.BatchReport, lang: Language) -> str:
    return _TEXT[lang]["read"].format(
        documents=_counted(report.documents, "document", lang),
        collaborations=_counted(report.collaborations, "collaboration_n", lang),
        bad=_counted(len(report.bad), "bad", lang),
    )


def _documents_of(document: Document) -> list[Collaboration]:
    if isinstance(document, Collaboration):
        return [document]
    if isinstance(document, Portfolio):
        return list(document.collaborations)
    return []
