"""The ``score`` and ``schedule`` commands: every score, and the evaluation plan's dates."""

import argparse
import json
from typing import Any, TextIO

from .. import records
from .._core.files import replacing_binary
from .._privacy import terminal_safe
from .._scores.scores import render_scores, score_all
from ..schedules import render_schedule
from .documents import (
    _collaborations,
    _outcome,
    _today,
)
from .output import _cannot_write, _overwrites_input
from .text import _TEXT, EXIT_PROBLEMS, EXIT_USAGE

# -- score and schedule ------------------------------------------------------------------------


def _score(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    found = _collaborations(args, err)
    if found is None:
        return EXIT_PROBLEMS
    collaborations, report, source = found
    today = _today(args)
    payload: dict[str, Any] = {}
    blocks = []
    for c in collaborations:
        if args.format == "json":
            payload[c.id] = {
                key: {
                    "value": score.value,
                    "low": score.low,
                    "high": score.high,
                    "coverage": score.coverage,
                }
                for key, score in score_all(c, today=today).items()
            }
        else:
            blocks.append(render_scores(c, today=today, lang=args.lang))
    if args.format == "json":
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=out)
    elif blocks:
        print("\n\n".join(blocks), file=out)
    return _outcome(report, source, args.lang, err)


def _schedule(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.ics or args.output is not None:
        return _schedule_ics(args, out, err)
    found = _collaborations(args, err)
    if found is None:
        return EXIT_PROBLEMS
    collaborations, report, source = found
    today = _today(args)
    blocks = []
    for collaboration in collaborations:
        head = f"{collaboration.id}: {terminal_safe(collaboration.title)}"
        body = (
            render_schedule(collaboration, today=today, lang=args.lang, count=args.count)
            if collaboration.evaluation_plan is not None
            else _TEXT[args.lang]["no_plan"]
        )
        blocks.append(f"{head}\n{body}")
    if blocks:
        print("\n\n".join(blocks), file=out)
    return _outcome(report, source, args.lang, err)


# -- schedule --ics ------------------------------------------------------------------------------

_ICS_TEXT = {
    "en": {
        "needs_ics": "frivillig schedule: -o OUT writes a calendar; give --ics too",
        "no_plans": "no collaboration in {source} has an evaluation plan; the calendar is empty",
        "events": "event|events",
    },
    "da": {
        "needs_ics": "frivillig schedule: -o OUT skriver en kalender; angiv også --ics",
        "no_plans": "intet samarbejde i {source} har en evalueringsplan; kalenderen er tom",
        "events": "begivenhed|begivenheder",
    },
}


def _schedule_ics(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the evaluation plans as an iCalendar file (``-o OUT``) or to standard output."""
    from ..calendars import _calendar

    t = _ICS_TEXT[args.lang]
    if not args.ics:
        print(t["needs_ics"], file=err)
        return EXIT_USAGE
    if _overwrites_input("schedule", args, err):
        return EXIT_USAGE
    found = _collaborations(args, err)
    if found is None:
        return EXIT_PROBLEMS
    collaborations, report, source = found
    # Ids are unique across the input: the reader reports a repeated one as a bad document.
    chosen = tuple(collaborations)
    if len(chosen) == 1:
        name = f"Evaluering: {terminal_safe(chosen[0].title)}"
    else:
        name = f"Evalueringer: {len(chosen)} samarbejder"
    try:
        data = bytes(_calendar(chosen, name, _today(args)).to_ical())
    except records.MissingExtraError as error:
        print(str(error), file=err)
        return EXIT_PROBLEMS
    if chosen and not any(c.evaluation_plan is not None for c in chosen):
        print(t["no_plans"].format(source=source), file=err)
    if args.output is None:
        # A terminal's lines end in LF; RFC 5545's CRLF is kept in a file written with -o.
        out.write(data.decode("utf-8").replace("\r\n", "\n"))
    else:
        try:
            with replacing_binary(args.output) as handle:
                handle.write(data)
        except OSError as error:
            return _cannot_write("schedule", args.output, error, err)
        one, many = t["events"].split("|")
        count = data.count(b"BEGIN:VEVENT")
        events = f"{count} {one if count == 1 else many}"
        print(f"{_TEXT[args.lang]['wrote'].format(path=args.output)} ({events})", file=out)
    return _outcome(report, source, args.lang, err)
