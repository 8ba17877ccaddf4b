"""The ``check`` command: validate documents, summarise them and check them against the rules."""

import argparse
import datetime as dt
import json
from typing import TextIO

from .._core.labels import Language
from .._model.collaboration import Collaboration
from .._model.portfolio import Portfolio
from .._privacy import terminal_safe
from .._rules.checking import check, check_portfolio
from .._scores.scores import score_all
from ..schedules import next_due_dates
from ..serialization import Document
from .documents import (
    _evaluations,
    _is_batch,
    _outcome,
    _read,
    _read_line,
    _today,
    _where,
)
from .text import _TEXT, EXIT_OK, EXIT_PROBLEMS


def _summary(collaboration: Collaboration, lang: Language) -> list[str]:
    from .._reference.municipalities import get_municipality

    t = _TEXT[lang]
    municipality = get_municipality(collaboration.municipality_code)
    agreed = sum(1 for goal in collaboration.goals if goal.agreed_by() >= collaboration.party_ids)
    lines = [
        f"{t['collaboration']} {collaboration.id!r}: {terminal_safe(collaboration.title)}",
        f"  {t['municipality']}: {municipality.name} ({collaboration.municipality_code})",
        f"  {t['status']}: {collaboration.status.label(lang)}",
        f"  {t['formalisation']}: {collaboration.formalisation.label(lang)}",
        f"  {t['parties']} ({len(collaboration.participants)}):",
    ]
    lines.extend(
        f"    - {p.id}: {terminal_safe(p.actor.name)} ({p.actor.kind.label(lang)})"
        for p in collaboration.participants
    )
    lines.append(f"  {t['goals']}: {len(collaboration.goals)} ({agreed} {t['agreed']})")
    lines.append(f"  {t['tasks']}: {len(collaboration.tasks)}")
    lines.append(f"  {t['volunteers']}: {len(collaboration.volunteers)}")
    plan = collaboration.evaluation_plan
    lines.append(
        f"  {t['plan']}: "
        + (f"{terminal_safe(plan.rrule)} ({plan.first_date.isoformat()})" if plan else t["none"])
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
        lines = [f"{t['portfolio']} {document.id!r}: {terminal_safe(document.title)}"]
        lines.append(f"  {t['collaborations']}: {len(document.collaborations)}")
        for collaboration in document.collaborations:
            lines.extend("  " + line for line in _summary(collaboration, lang))
        return lines
    return [f"{type(document).__name__}: {terminal_safe(str(getattr(document, 'title', '')))}"]


# -- check -----------------------------------------------------------------------------------


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if _is_batch(args.file):
        return _check_many(args, out, err)
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


def _check_many(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang: Language = args.lang
    found = _evaluations(args, err)
    if found is None:
        return EXIT_PROBLEMS
    evaluations, report = found
    failing = 0
    reports = []
    for evaluation in evaluations:
        failing += not evaluation.passes
        if args.format == "json":
            where = {"source": evaluation.source, "line": evaluation.line, "path": evaluation.path}
            reports.append({**where, **evaluation.report.to_dict()})
        else:
            place = _where(evaluation.source, evaluation.line, lang, evaluation.path)
            print(f"{terminal_safe(place)}:", file=out)
            print(evaluation.report.to_text(lang), file=out)
    if args.format == "json":
        payload = {
            "documents": report.documents,
            "collaborations": report.collaborations,
            "failing": failing,
            "bad": [
                {
                    "source": bad.source,
                    "line": bad.line,
                    "problems": [
                        {"path": p.path, "message": p.message, "code": p.code} for p in bad.problems
                    ],
                }
                for bad in report.bad
            ],
            "reports": reports,
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=out)
    else:
        print(_read_line(report, lang), file=out)
        verb = _TEXT[lang]["fail"].split("|")[failing != 1]
        print(_TEXT[lang]["failing"].format(count=failing, verb=verb), file=out)
    outcome = _outcome(report, terminal_safe(str(args.file)), lang, err)
    return EXIT_PROBLEMS if failing else outcome


def _score_lines(collaboration: Collaboration, today: dt.date, lang: Language) -> list[str]:
    """One line per score, and the next due dates: the short form ``check`` prints."""
    t = _TEXT[lang]
    scores = score_all(collaboration, today=today)
    width = max(len(score.label(lang)) for score in scores.values())
    lines = [f"{t['scores']} ({today.isoformat()}):"]
    for score in scores.values():
        value = "-" if score.value is None else f"{score.value:5.1f}"
        line = f"  {score.label(lang):<{width}}  {value} / {score.high:g}"
        if score.coverage is not None and score.coverage < 0.995:
            share = min(round(score.coverage * 100), 99)
            line += f"  ({t['coverage'].format(share=share)})"
        lines.append(line)
    plan = collaboration.evaluation_plan
    if plan is not None:
        dates = next_due_dates(plan, after=today, count=3, inclusive=True)
        lines.append(f"{t['next']}: {', '.join(day.isoformat() for day in dates)}")
    return lines
