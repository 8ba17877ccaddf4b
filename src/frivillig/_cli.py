"""The ``frivillig`` command line: check collaborations from a terminal or a pipeline.

Exit codes: 0 when everything is valid, 1 when a document has problems, 2 when
the command itself is used wrongly (argparse's convention).
"""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ._collaboration import Collaboration
from ._examples import DEFAULT_EXAMPLE, load_example
from ._labels import Language
from ._portfolio import Portfolio
from ._version import __version__
from .errors import FrivilligError, ValidationError
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


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang: Language = args.lang
    t = _TEXT[lang]
    source = str(args.file) if args.file else f"<example:{DEFAULT_EXAMPLE}>"
    try:
        document: Document = load(args.file) if args.file else load_example()
    except ValidationError as error:
        print(f"{source} {t['invalid']}:", file=err)
        for problem in error.problems:
            print(f"  {problem.path}: {problem.message}", file=err)
        return EXIT_PROBLEMS
    except OSError as error:
        print(f"{source} {t['unreadable']}: {error.strerror or error}", file=err)
        return EXIT_PROBLEMS
    print(f"{source}: {t['valid']}", file=out)
    for line in _describe(document, lang):
        print(line, file=out)
    return EXIT_OK


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
    check = commands.add_parser(
        "check",
        help="validate a JSON document and print a summary",
        description=(
            "Load a collaboration, portfolio or volunteer-policy document, validate it and "
            "print a summary. Exit code 0: valid; 1: the document has problems (each is "
            "printed with its JSON path); 2: wrong usage."
        ),
    )
    check.add_argument(
        "file", nargs="?", type=Path, help="the JSON document (default: the example)"
    )
    check.add_argument(
        "--lang", choices=("da", "en"), default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    check.set_defaults(handler=_check)
    return parser


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default) and return its exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    try:
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
    sys.exit(main())
