"""The ``import-responses`` command: a survey tool's export read as an evaluation round."""

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any, TextIO

from .._core.files import replacing_text
from .._core.labels import Language
from .._model.collaboration import Collaboration
from .._privacy import terminal_safe
from .._scores.instruments import Instrument
from ..errors import UsageError, ValidationError
from ..serialization import _converter, load
from .documents import _print_problems, _read_or_say_why
from .output import _cannot_write, _overwrites_input
from .text import _TEXT, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

COMMAND = "import-responses"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        message = f"{text!r} is not a date in the form YYYY-MM-DD"
        raise argparse.ArgumentTypeError(message) from None


def _add_import_responses(commands: Any) -> None:
    """Add the ``import-responses`` command to the parser's sub-commands."""
    command = commands.add_parser(
        COMMAND,
        help="read a survey tool's answers (CSV or XLSX) as an evaluation round",
        description=(
            "Read the export of a survey tool (SurveyXact, Microsoft Forms, Google Forms): "
            "one row per respondent, a column naming the respondent's party and one column "
            "per item of the instrument, as CSV (';', ',' or tab between cells, UTF-8) or "
            "XLSX (needs pip install 'frivillig[xlsx]'). Print the evaluation round as JSON, "
            "in the form it takes in the 'rounds' of a collaboration document, or write it "
            "to OUT. Every bad cell is reported with its row (the header is row 1) and its "
            "column. Exit code 0: the round was read; 1: the answers, the instrument or the "
            "collaboration have problems, or OUT could not be written; 2: wrong usage."
        ),
    )
    command.add_argument("answers", type=Path, metavar="ANSWERS", help="the CSV or XLSX file")
    command.add_argument(
        "--instrument",
        required=True,
        metavar="ID_OR_FILE",
        help="the id of a built-in instrument (e.g. barometer), or an instrument document",
    )
    command.add_argument(
        "--collaboration",
        required=True,
        type=Path,
        metavar="FILE",
        help="the collaboration document whose parties answer",
    )
    command.add_argument(
        "--held-on",
        required=True,
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date the round was held",
    )
    command.add_argument(
        "--columns",
        type=Path,
        metavar="MAP",
        help=(
            "a file mapping column headers to item ids: JSON (an object) or CSV (two "
            "columns, header and item id)"
        ),
    )
    command.add_argument(
        "--party-column",
        default="party",
        metavar="NAME",
        help="the header of the column naming each respondent's party (default: party)",
    )
    command.add_argument(
        "--round-id", metavar="ID", help="the round's id (default: the date it was held)"
    )
    command.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="the file to write (default: print)"
    )
    command.add_argument(
        "--lang",
        choices=("da", "en"),
        default=argparse.SUPPRESS,
        help="language of messages (also accepted before the command)",
    )
    command.set_defaults(handler=_import_responses)


def _import_responses(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .. import records
    from ..surveys import read_responses

    lang: Language = args.lang
    read = (
        ("ANSWERS", args.answers),
        ("--collaboration", args.collaboration),
        ("--instrument", args.instrument),
        ("--columns", args.columns),
    )
    if _overwrites_input(COMMAND, args, err, *read):
        return EXIT_USAGE
    collaboration = _load(args.collaboration, Collaboration, lang, err)
    instrument = _instrument(args.instrument, lang, err)
    if collaboration is None or instrument is None:
        return EXIT_PROBLEMS
    try:
        round_ = read_responses(
            args.answers,
            instrument,
            held_on=args.held_on,
            party_column=args.party_column,
            columns=args.columns,
            collaboration=collaboration,
            round_id=args.round_id,
        )
    except ValidationError as error:
        print(f"{terminal_safe(str(args.answers))} {_TEXT[lang]['invalid']}:", file=err)
        _print_problems(error.problems, err, lang)
        return EXIT_PROBLEMS
    except records.MissingExtraError as error:
        print(str(error), file=err)
        return EXIT_PROBLEMS
    except UsageError as error:
        print(f"frivillig {COMMAND}: {error}", file=err)
        return EXIT_USAGE
    except OSError as error:
        reason = terminal_safe(str(error.strerror or error))
        print(f"{terminal_safe(str(error.filename or args.answers))}: {reason}", file=err)
        return EXIT_PROBLEMS
    text = json.dumps(_converter.unstructure(round_), ensure_ascii=False, indent=2)
    if args.output is None:
        print(text, file=out)
        return EXIT_OK
    try:
        with replacing_text(args.output) as file:
            file.write(text + "\n")
    except OSError as error:
        return _cannot_write(COMMAND, args.output, error, err)
    print(_TEXT[lang]["wrote"].format(path=args.output), file=out)
    return EXIT_OK


def _load(path: Path, cls: type[Any], lang: Language, err: TextIO) -> Any:
    """The document at ``path`` as ``cls``, or ``None`` after printing why it cannot be."""
    return _read_or_say_why(path, lambda where: load(where, cls), lang, err)


def _instrument(given: str, lang: Language, err: TextIO) -> Instrument | None:
    """A built-in instrument by its id, or an instrument document by its path."""
    from .._scores.instruments import built_in_instrument

    found = built_in_instrument(given)
    if found is not None:
        return found
    loaded: Instrument | None = _load(Path(given), Instrument, lang, err)
    return loaded
