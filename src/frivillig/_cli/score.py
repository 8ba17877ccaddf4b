"""The ``score`` and ``schedule`` commands: every score, and the evaluation plan's dates."""

import argparse
import json
from typing import Any, TextIO

from .._privacy import terminal_safe
from .._scores.scores import render_scores, score_all
from ..schedules import render_schedule
from .documents import (
    _collaborations,
    _outcome,
    _today,
)
from .text import _TEXT, EXIT_PROBLEMS

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
