"""The ``account`` command: an association's hours in a year, for the municipality."""

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from .._core.files import replacing_text
from .._core.labels import Language
from .._privacy import terminal_safe
from .._reference.municipalities import validate_municipality_code
from ..errors import UsageError, ValidationError
from .documents import _collaborations, _read_or_say_why
from .output import _cannot_write, _overwrites_input
from .text import _TEXT, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, _whole_number_within

COMMAND = "account"

_WORDS = {
    "en": {
        "none": "no association has hours logged in {year} in {source}",
    },
    "da": {
        "none": "ingen forening har registrerede timer i {year} i {source}",
    },
}


def _year(text: str) -> int:
    from ..accounts import YEARS

    low, high = YEARS
    return _whole_number_within(text, low, high, "a year")


def _municipality(text: str) -> int:
    try:
        return validate_municipality_code(text)
    except (ValidationError, UsageError):
        message = f"{text!r} is not the code of one of the 98 municipalities, such as 101"
        raise argparse.ArgumentTypeError(message) from None


def _add_account(commands: Any, common: Any) -> None:
    """Add the ``account`` command to the parser's sub-commands.

    ``common`` adds the arguments every command that reads documents shares.
    """
    command = commands.add_parser(
        COMMAND,
        help="an association's volunteer hours in a year, for the municipality's grant",
        description=(
            "Account for an association's voluntary effort in a calendar year, for the "
            "municipality that granted it money: its activities, how many volunteers were "
            "active and the hours they logged (time_logs), by kind of task (activities, "
            "unpaid voluntary work, kind not recorded) and by month, naming no one. Hours "
            "it cannot attribute (a volunteer with no association recorded) are not counted "
            "but listed as caveats. Without --association, one account per association with "
            "logs in the year. Without FILE, the embedded example. Exit code 0: the "
            "accounts were made; 1: a document or the template is invalid or unreadable, "
            "no association is found, or OUT could not be written; 2: wrong usage."
        ),
    )
    common(command, today=False)
    command.add_argument(
        "--year", type=_year, required=True, metavar="YYYY", help="the calendar year (required)"
    )
    command.add_argument(
        "--association",
        metavar="ID",
        help="the association's party id or CVR number (default: every association)",
    )
    command.add_argument(
        "--municipality",
        type=_municipality,
        metavar="CODE",
        help="the municipality that granted the money, such as 101 (default: each one's own)",
    )
    command.add_argument(
        "--template",
        type=Path,
        metavar="T.json",
        help="what the account shows: an account template (JSON); default: the built-in one",
    )
    command.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="output format (default: text); json is a list of accounts",
    )
    command.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="the file to write, whole or not at all (default: standard output)",
    )
    command.set_defaults(handler=_account)


def _account(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .. import accounts

    lang: Language = args.lang
    if _overwrites_input(COMMAND, args, err, ("--template", args.template)):
        return EXIT_USAGE
    template = accounts.DEFAULT_TEMPLATE
    if args.template is not None:
        loaded = _template(args.template, lang, err)
        if loaded is None:
            return EXIT_PROBLEMS
        template = loaded
    found = _collaborations(args, err)
    if found is None:
        return EXIT_PROBLEMS
    iterable, report, source = found
    collaborations = tuple(iterable)
    try:
        if args.association is None:
            made = accounts.association_accounts(
                collaborations, year=args.year, municipality_code=args.municipality
            )
        else:
            made = (
                accounts.association_account(
                    collaborations,
                    association=args.association,
                    year=args.year,
                    municipality_code=args.municipality,
                ),
            )
    except UsageError as error:  # the association is not found, or not only one
        print(f"frivillig {COMMAND}: {terminal_safe(str(error))}", file=err)
        return EXIT_PROBLEMS
    if not made:
        print(_WORDS[lang]["none"].format(year=args.year, source=source), file=err)
        return EXIT_PROBLEMS
    text = _rendered(made, args.format, template, lang)
    if args.output is None:
        out.write(text)
    else:
        try:
            with replacing_text(args.output) as file:
                file.write(text)
        except OSError as error:
            return _cannot_write(COMMAND, args.output, error, err)
        print(_TEXT[lang]["wrote"].format(path=terminal_safe(str(args.output))), file=out)
    return EXIT_PROBLEMS if report.bad else EXIT_OK


def _rendered(made: tuple[Any, ...], form: str, template: Any, lang: Language) -> str:
    if form == "json":
        data = [account.to_dict() for account in made]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if form == "markdown":
        return "\n---\n\n".join(account.to_markdown(template, lang=lang) for account in made)
    return "\n".join(account.to_text(template, lang=lang) for account in made)


def _template(path: Path, lang: Language, err: TextIO) -> Any:
    """The account template at ``path``, or ``None`` after printing why it cannot be read."""
    from ..accounts import load_template

    return _read_or_say_why(path, load_template, lang, err)
