"""The ``frivillig`` command line: check collaborations from a terminal or a pipeline.

Exit codes: 0 when everything is valid, 1 when a document has problems, 2 when
the command itself is used wrongly (argparse's convention).
"""

import argparse
import contextlib
import datetime as dt
import os
import sys
import zoneinfo
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ._checking import check, check_portfolio
from ._collaboration import Collaboration
from ._examples import DEFAULT_EXAMPLE, EXAMPLE_AS_OF, example_names, load_example
from ._labels import Language
from ._portfolio import Portfolio
from ._scores import render_scores, score_all
from ._version import __version__
from .errors import FrivilligError, ValidationError
from .schedules import next_due_dates, render_schedule
from .serialization import Document, load

__all__ = ["main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

_TEXT = {
    "en": {
        "valid": "valid",
        "collaboration": "Collaboration",
        "municipality": "municipality",
        "status": "status",
        "formalisation": "formalisation",
        "parties": "parties",
        "goals": "goals",
        "agreed": "agreed by every party",
        "tasks": "tasks",
        "volunteers": "volunteers",
        "rounds": "evaluation rounds",
        "last": "last held",
        "plan": "evaluation plan",
        "none": "none",
        "portfolio": "Portfolio",
        "collaborations": "collaborations",
        "invalid": "is not valid",
        "unreadable": "cannot be read",
        "scores": "Scores",
        "next": "Next evaluations due",
        "no_plan": "No evaluation plan.",
    },
    "da": {
        "valid": "gyldig",
        "collaboration": "Samarbejde",
        "municipality": "kommune",
        "status": "status",
        "formalisation": "formalisering",
        "parties": "parter",
        "goals": "mål",
        "agreed": "aftalt af alle parter",
        "tasks": "opgaver",
        "volunteers": "frivillige",
        "rounds": "evalueringsrunder",
        "last": "seneste",
        "plan": "evalueringsplan",
        "none": "ingen",
        "portfolio": "Portefølje",
        "collaborations": "samarbejder",
        "invalid": "er ikke gyldig",
        "unreadable": "kan ikke læses",
        "scores": "Scorer",
        "next": "Næste evalueringer",
        "no_plan": "Ingen evalueringsplan.",
    },
}


def _summary(collaboration: Collaboration, lang: Language) -> list[str]:
    from ._municipalities import get_municipality

    t = _TEXT[lang]
    municipality = get_municipality(collaboration.municipality_code)
    agreed = sum(1 for goal in collaboration.goals if goal.agreed_by() >= collaboration.party_ids)
    lines = [
        f"{t['collaboration']} {collaboration.id!r}: {collaboration.title}",
        f"  {t['municipality']}: {municipality.name} ({collaboration.municipality_code})",
        f"  {t['status']}: {collaboration.status.label(lang)}",
        f"  {t['formalisation']}: {collaboration.formalisation.label(lang)}",
        f"  {t['parties']} ({len(collaboration.participants)}):",
    ]
    lines.extend(
        f"    - {p.id}: {p.actor.name} ({p.actor.kind.label(lang)})"
        for p in collaboration.participants
    )
    lines.append(f"  {t['goals']}: {len(collaboration.goals)} ({agreed} {t['agreed']})")
    lines.append(f"  {t['tasks']}: {len(collaboration.tasks)}")
    lines.append(f"  {t['volunteers']}: {len(collaboration.volunteers)}")
    plan = collaboration.evaluation_plan
    lines.append(
        f"  {t['plan']}: "
        + (f"{plan.rrule} ({plan.first_date.isoformat()})" if plan else t["none"])
    )
    last = max((r.held_on for r in collaboration.rounds), default=None)
    rounds = f"  {t['rounds']}: {len(collaboration.rounds)}"
    if last is not None:
        rounds += f" ({t['last']} {last.isoformat()})"
    lines.append(rounds)
    return lines


def _describe(document: Document, lang: Language) -> list[str]:
    if isinstance(document, Collaboration):
        return _summary(document, lang)
    if isinstance(document, Portfolio):
        t = _TEXT[lang]
        lines = [f"{t['portfolio']} {document.id!r}: {document.title}"]
        lines.append(f"  {t['collaborations']}: {len(document.collaborations)}")
        for collaboration in document.collaborations:
            lines.extend("  " + line for line in _summary(collaboration, lang))
        return lines
    return [f"{type(document).__name__}: {getattr(document, 'title', '')}"]


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
    source = str(args.file) if args.file else f"<example:{args.example}>"
    try:
        document: Document = load(args.file) if args.file else load_example(args.example)
    except ValidationError as error:
        print(f"{source} {t['invalid']}:", file=err)
        for problem in error.problems:
            print(f"  {problem.path}: {problem.message}", file=err)
        return source, None
    except OSError as error:
        print(f"{source} {t['unreadable']}: {error.strerror or error}", file=err)
        return source, None
    return source, document


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang: Language = args.lang
    t = _TEXT[lang]
    source, document = _read(args, err)
    if document is None:
        return EXIT_PROBLEMS
    today = _today(args)
    if isinstance(document, Collaboration):
        report = check(document, today=today)
    elif isinstance(document, Portfolio):
        report = check_portfolio(document, today=today)
    else:
        report = None
    if args.format == "json":
        print(report.to_json() if report is not None else '{"findings": []}', file=out)
    else:
        print(f"{source}: {t['valid']}", file=out)
        for line in _describe(document, lang):
            print(line, file=out)
        if report is not None:
            print(file=out)
            print(report.to_text(lang), end="", file=out)
        if isinstance(document, Collaboration):
            print(file=out)
            for line in _score_lines(document, today, lang):
                print(line, file=out)
    if report is not None and not report.passes:
        return EXIT_PROBLEMS
    return EXIT_OK


def _score_lines(collaboration: Collaboration, today: dt.date, lang: Language) -> list[str]:
    """One line per score, and the next due dates: the short form ``check`` prints."""
    t = _TEXT[lang]
    scores = score_all(collaboration, today=today)
    width = max(len(score.label(lang)) for score in scores.values())
    lines = [f"{t['scores']} ({today.isoformat()}):"]
    for score in scores.values():
        value = "-" if score.value is None else f"{score.value:5.1f}"
        lines.append(f"  {score.label(lang):<{width}}  {value} / {score.high:g}")
    plan = collaboration.evaluation_plan
    if plan is not None:
        dates = next_due_dates(plan, after=today, count=3, inclusive=True)
        lines.append(f"{t['next']}: {', '.join(day.isoformat() for day in dates)}")
    return lines


def _documents_of(document: Document) -> list[Collaboration]:
    if isinstance(document, Collaboration):
        return [document]
    if isinstance(document, Portfolio):
        return list(document.collaborations)
    return []


def _score(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    _, document = _read(args, err)
    if document is None:
        return EXIT_PROBLEMS
    today = _today(args)
    collaborations = _documents_of(document)
    if args.format == "json":
        import json

        payload = {
            c.id: {
                key: {"value": score.value, "low": score.low, "high": score.high}
                for key, score in score_all(c, today=today).items()
            }
            for c in collaborations
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=out)
    else:
        print(
            "\n\n".join(render_scores(c, today=today, lang=args.lang) for c in collaborations),
            file=out,
        )
    return EXIT_OK if collaborations else EXIT_PROBLEMS


def _schedule(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    _, document = _read(args, err)
    if document is None:
        return EXIT_PROBLEMS
    today = _today(args)
    collaborations = _documents_of(document)
    blocks = []
    for collaboration in collaborations:
        head = f"{collaboration.id}: {collaboration.title}"
        body = (
            render_schedule(collaboration, today=today, lang=args.lang, count=args.count)
            if collaboration.evaluation_plan is not None
            else _TEXT[args.lang]["no_plan"]
        )
        blocks.append(f"{head}\n{body}")
    print("\n\n".join(blocks), file=out)
    return EXIT_OK if collaborations else EXIT_PROBLEMS


def _common(parser: argparse.ArgumentParser, *, today: bool = True) -> None:
    """Add the arguments every command that reads a document shares."""
    parser.add_argument(
        "file", nargs="?", type=Path, help="a JSON document (default: the embedded example)"
    )
    parser.add_argument(
        "--example",
        choices=example_names(),
        default=DEFAULT_EXAMPLE,
        help=f"which embedded example to use when no file is given (default: {DEFAULT_EXAMPLE})",
    )
    parser.add_argument(
        "--lang",
        choices=("da", "en"),
        default=argparse.SUPPRESS,
        help="language of labels and messages (also accepted before the command)",
    )
    if today:
        parser.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            type=_iso_date,
            help=(
                "the date to check on (default: today in Denmark; for the embedded examples "
                f"their own date, {EXAMPLE_AS_OF.isoformat()})"
            ),
        )


def _iso_date(text: str) -> str:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        message = f"{text!r} is not a date in the form YYYY-MM-DD"
        raise argparse.ArgumentTypeError(message) from None
    return text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frivillig",
        description=(
            "Model, check and evaluate collaborations between Danish municipalities and "
            "civil society (frivillighed, samskabelse). Without a file, each command works "
            "on the embedded example: a care home, a visiting-friends association and a "
            "volunteer centre."
        ),
    )
    parser.add_argument("--version", action="version", version=f"frivillig {__version__}")
    parser.add_argument(
        "--lang",
        choices=("da", "en"),
        default="en",
        help="language of labels and messages: da (Danish) or en (English, the default)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check_ = commands.add_parser(
        "check",
        help="validate a document and check it against the limits of volunteering",
        description=(
            "Load a collaboration, portfolio or volunteer-policy document, validate it, print "
            "a summary, and check it against the rules for the limits of volunteering (FR101-"
            "FR116). Exit code 0: valid and no error findings; 1: the document is invalid or "
            "has error findings (each printed with its JSON path and what to do); 2: wrong usage."
        ),
    )
    _common(check_)
    check_.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    check_.set_defaults(handler=_check)

    score = commands.add_parser(
        "score",
        help="print every score with the parts it is made of",
        description=(
            "Score a collaboration (or each of a portfolio): goal alignment, equality, "
            "co-creation readiness, formalisation fit, volunteer-task fit, evaluation health "
            "and the overall collaboration health, each with its weighted parts."
        ),
    )
    _common(score)
    score.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    score.set_defaults(handler=_score)

    schedule = commands.add_parser(
        "schedule",
        help="print the evaluation plan, what is due, overdue or missed, and the next dates",
        description=(
            "Show each collaboration's evaluation cadence, every due date so far with the "
            "round that covered it (on time, late, missed), and the next due dates."
        ),
    )
    _common(schedule)
    schedule.add_argument(
        "--count", type=int, default=3, help="how many future due dates to show (default: 3)"
    )
    schedule.set_defaults(handler=_schedule)
    return parser


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default) and return its exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code) if isinstance(exit_.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(out)
        return EXIT_USAGE
    try:
        return int(args.handler(args, out, err))
    except FrivilligError as error:  # pragma: no cover - every handler reports its own errors
        print(str(error), file=err)
        return EXIT_PROBLEMS


def run() -> None:
    """Entry point of the ``frivillig`` console script."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (e.g. ``frivillig check | head``): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_PROBLEMS
    sys.exit(code)
