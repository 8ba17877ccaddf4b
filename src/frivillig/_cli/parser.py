"""The argument parser of the ``frivillig`` command: its commands, options and help texts."""

import argparse
import datetime as dt
from pathlib import Path

from .._jsonform.examples import DEFAULT_EXAMPLE, EXAMPLE_AS_OF, example_names
from .._version import __version__
from ..schema import RESULT_TYPES
from ..serialization import DOCUMENT_TYPES
from .account import _add_account
from .check import _check
from .export import TABLES, _export
from .plot import PLOTS, _plot
from .responses import _add_import_responses
from .schema import _schema
from .score import _schedule, _score
from .text import _whole_number_within

# -- the parser ------------------------------------------------------------------------------


def _common(parser: argparse.ArgumentParser, *, today: bool = True) -> None:
    """Add the arguments every command that reads documents shares."""
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar="FILE",
        help=(
            "a JSON document (collaboration, portfolio or volunteer policy), a folder of "
            "them (*.json), or a JSON Lines file (.jsonl, .ndjson) with one per line; "
            "without FILE, the embedded example"
        ),
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
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=argparse.SUPPRESS,
        help=_PROGRESS_HELP + " (also accepted before the command)",
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


_PROGRESS_HELP = (
    "while a folder or JSON Lines file is read, show how many documents have been read, "
    "on one line of standard error; by default only when standard error is a terminal"
)

DPI_RANGE = (10, 600)
"""The resolutions ``plot --dpi`` takes: at 600 dpi the tallest figure is still a few
hundred megabytes in memory while it is drawn."""


def _dpi(text: str) -> int:
    low, high = DPI_RANGE
    return _whole_number_within(text, low, high, "a resolution", " dots per inch")


def _iso_date(text: str) -> str:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        message = f"{text!r} is not a date in the form YYYY-MM-DD"
        raise argparse.ArgumentTypeError(message) from None
    return text


_EPILOG = """\
examples:
  frivillig check                          check the embedded example
  frivillig --lang da check export/        check every *.json in a folder, in Danish
  frivillig score portfolio.jsonl          score each collaboration of a JSON Lines file
  frivillig export --table findings -o findings.csv export/
  frivillig schema portfolio               the JSON Schema of a portfolio document
  frivillig plot satisfaction -o satisfaction.png
  frivillig account --year 2026 --format markdown -o account.md
                                           an association's hours for the municipality

exit codes:
  0  everything read is valid (and, for check, no finding is an error)
  1  a document is invalid or unreadable, check found an error, there was nothing to do,
     or OUT could not be written
  2  the command was used wrongly (unknown command or option, bad date or --dpi,
     an OUT that is the input)

Run 'frivillig COMMAND --help' for the options of one command.
"""


def _rule_range() -> str:
    from .._rules.rulebook import DEFAULT_RULEBOOK

    codes = [rule.code for rule in DEFAULT_RULEBOOK]
    return f"{codes[0]}-{codes[-1]}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frivillig",
        description=(
            "Model, check and evaluate collaborations between Danish municipalities and "
            "civil society (frivillighed, samskabelse). Every command that reads documents "
            "takes one JSON document, a folder of them or a JSON Lines file; without a file "
            "it works on the embedded example: a care home, a visiting-friends association "
            "and a volunteer centre."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"frivillig {__version__}")
    parser.add_argument(
        "--lang",
        choices=("da", "en"),
        default="en",
        help="language of labels and messages: da (Danish) or en (English, the default)",
    )
    parser.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, default=None, help=_PROGRESS_HELP
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check_ = commands.add_parser(
        "check",
        help="validate documents and check them against the limits of volunteering",
        description=(
            "Load a collaboration, portfolio or volunteer-policy document, validate it, "
            "print a summary, and check it against the rules for the limits of "
            f"volunteering ({_rule_range()}). Given a folder or a JSON Lines file, check "
            "every collaboration in it, report each bad document with its file, line and "
            "JSON paths, and go on. Without FILE, check the embedded example. Exit code 0: "
            "valid and no error findings; 1: a document is invalid or has error findings "
            "(each printed with its JSON path and what to do); 2: wrong usage."
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
            "Score each collaboration of a document, folder or JSON Lines file (without FILE, "
            "the embedded example): goal alignment, equality, co-creation readiness, "
            "formalisation fit, volunteer-task fit, evaluation health and the overall "
            "collaboration health, each from 0 to 100 with its weighted parts. Exit code 1 "
            "when a document is bad or no collaboration is found."
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
            "round that covered it (on time, late, missed), and the next due dates. Without "
            "FILE, the embedded example."
        ),
    )
    _common(schedule)
    schedule.add_argument(
        "--count", type=int, default=3, help="how many future due dates to show (default: 3)"
    )
    schedule.add_argument(
        "--ics",
        action="store_true",
        help=(
            "write the evaluation plans as an iCalendar file for Outlook or Google Calendar "
            "instead: one recurring event per planned collaboration, due dates already "
            "answered by a round left out (to standard output, or to -o OUT)"
        ),
    )
    schedule.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="with --ics: the .ics file to write, whole or not at all (default: standard output)",
    )
    schedule.set_defaults(handler=_schedule)

    export = commands.add_parser(
        "export",
        help="write a table of rows (CSV, JSON Lines, Parquet or Excel) for analysis",
        description=(
            "Turn collaborations into a flat table with stable column names, one row per "
            "collaboration (with its scores), party, goal, task, evaluation response, "
            "reported goal progress, instrument answer, dyadic rating, task and month with hours "
            "logged, or finding of the "
            "check. The columns are listed in the records reference. Without FILE, the "
            "embedded example. Bad documents are reported and left out; the good ones are "
            "written, and the exit code is then 1."
        ),
    )
    _common(export)
    export.add_argument(
        "--table",
        choices=list(TABLES),
        default="collaborations",
        help="which rows to write (default: collaborations)",
    )
    export.add_argument(
        "--format",
        choices=("csv", "jsonl", "parquet", "xlsx"),
        default=None,
        help=(
            "csv or jsonl (written as the rows are made, so any size works), parquet "
            "(needs polars, or pandas with pyarrow: pip install 'frivillig[polars]') or "
            "xlsx (every table as a sheet of one workbook, --table not used; needs "
            "pip install 'frivillig[xlsx]'); default: from the name of OUT, else csv"
        ),
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="the file to write (default: standard output; Parquet needs a file)",
    )
    export.add_argument(
        "--include-personal",
        action="store_true",
        help=(
            "also fill the columns of fields that 'redact' drops (the responses' comment); "
            "by default they are empty. CPR-shaped numbers are masked either way"
        ),
    )
    export.set_defaults(handler=_export)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a document type or of a result",
        description=(
            "Print the JSON Schema (draft 2020-12) of a document type of the JSON form, for "
            "systems that validate documents on their side, or of a result the library "
            "writes (score, scores, report). The schema states every rule on a single field; "
            "the rules across fields it leaves to the loader (ordered dates, ids that must "
            "exist, CVR check digits) are listed in its description and checked by "
            "'frivillig check'."
        ),
    )
    schema.add_argument(
        "type",
        nargs="?",
        choices=[*DOCUMENT_TYPES, *RESULT_TYPES],
        default="collaboration",
        metavar="TYPE",
        help=f"one of {', '.join([*DOCUMENT_TYPES, *RESULT_TYPES])} (default: collaboration)",
    )
    schema.set_defaults(handler=_schema)

    plot = commands.add_parser(
        "plot",
        help="save a figure: factor profile, satisfaction over time, or findings by rule",
        description=(
            "Draw a figure and save it as PNG, SVG or PDF (needs matplotlib: pip install "
            "'frivillig[plot]'). factor-profile: each instrument factor's score in each "
            "evaluation round, with the spread between the parties; satisfaction: each "
            "party's satisfaction with the form of collaboration, round by round; findings: "
            "the findings of the check across every collaboration, by rule and severity. "
            "Without FILE, the embedded example."
        ),
    )
    plot.add_argument("kind", choices=PLOTS, metavar="KIND", help=f"one of {', '.join(PLOTS)}")
    _common(plot)
    plot.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help="the file to write; its ending (.png, .svg or .pdf) chooses the format",
    )
    plot.add_argument(
        "--collaboration",
        metavar="ID",
        help=(
            "for factor-profile and satisfaction: which collaboration of a portfolio, "
            "folder or JSON Lines file to draw (default: the first)"
        ),
    )
    plot.add_argument(
        "--dpi",
        type=_dpi,
        default=150,
        help=(
            f"resolution of a PNG, in dots per inch, from {DPI_RANGE[0]} to {DPI_RANGE[1]} "
            "(default: 150)"
        ),
    )
    plot.set_defaults(handler=_plot)

    _add_account(commands, _common)
    _add_import_responses(commands)
    return parser
