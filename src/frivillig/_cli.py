"""The ``frivillig`` command line: check, score, export and plot collaborations.

Every command that reads documents takes one JSON document, a folder of them or
a JSON Lines file, and works on the embedded example when no file is given. While
a folder or a JSON Lines file is read, a line on standard error says how far it
has come, when standard error is a terminal (``--progress``, ``--no-progress``).
Exit codes: 0 when everything is valid, 1 when an input has problems (a bad
document, an error finding, nothing to work on, a missing optional package), 2
when the command itself is used wrongly (argparse's convention).
"""

import argparse
import contextlib
import csv
import datetime as dt
import gc
import json
import os
import sys
import time
import zoneinfo
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO, cast

from . import batch, records
from ._core.files import overwrites, replacing_binary, replacing_text
from ._core.labels import Language
from ._jsonform.examples import DEFAULT_EXAMPLE, EXAMPLE_AS_OF, example_names, load_example
from ._model.collaboration import Collaboration
from ._model.portfolio import Portfolio
from ._privacy import terminal_safe
from ._rules.checking import check, check_portfolio
from ._scores.scores import render_scores, score_all
from ._version import __version__
from .errors import FrivilligError, Problem, ValidationError
from .schedules import next_due_dates, render_schedule
from .schema import RESULT_TYPES
from .serialization import DOCUMENT_TYPES, Document, load

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
        "coverage": "coverage {share}%",
        "next": "Next evaluations due",
        "no_plan": "No evaluation plan.",
        "read": "{documents} read: {collaborations}, {bad}",
        "document": "document|documents",
        "collaboration_n": "collaboration|collaborations",
        "bad": "bad document|bad documents",
        "failing": "{count} of them {verb} the check (an error finding)",
        "fail": "fails|fail",
        "nothing": "no collaboration found in {source}",
        "wrote": "wrote {path}",
        "rows": "{count} rows",
        "not_found": "no collaboration with id {id!r} in {source}",
        "first": "{count} collaborations in {source}; plotting the first, {id!r} "
        "(choose another with --collaboration ID)",
        "progress": "{documents} read: {collaborations}, {bad} ...",
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
        "coverage": "dækning {share} %",
        "next": "Næste evalueringer",
        "no_plan": "Ingen evalueringsplan.",
        "read": "{documents} læst: {collaborations}, {bad}",
        "document": "dokument|dokumenter",
        "collaboration_n": "samarbejde|samarbejder",
        "bad": "ugyldigt dokument|ugyldige dokumenter",
        "failing": "{count} af dem {verb} ikke godkendt (et fund af typen fejl)",
        "fail": "er|er",
        "nothing": "intet samarbejde fundet i {source}",
        "wrote": "skrev {path}",
        "rows": "{count} rækker",
        "not_found": "intet samarbejde med id {id!r} i {source}",
        "first": "{count} samarbejder i {source}; tegner det første, {id!r} "
        "(vælg et andet med --collaboration ID)",
        "progress": "{documents} læst: {collaborations}, {bad} ...",
    },
}


def _summary(collaboration: Collaboration, lang: Language) -> list[str]:
    from ._reference.municipalities import get_municipality

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

PROGRESS_INTERVAL = 0.25
"""Seconds at least between two drawings of the progress line: four a second at most."""


def _isatty(stream: object) -> bool:
    """Whether ``stream`` is a terminal; a stream that cannot tell is not one."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (OSError, ValueError):
        return False


class _Progress:
    """One line on standard error that says how far the reading of many documents has come.

    It is off until `switch` turns it on: by default when standard error is a
    terminal, or as ``--progress`` and ``--no-progress`` say. The line holds only
    counts and fixed words, never a document's text; it is rewritten in place after
    a carriage return, the one control character the command line writes of its
    own, and only to this stream. It is drawn for the first document and then at
    most once every ``interval`` seconds of ``clock`` (a monotonic clock, which a
    test may replace), and wiped with spaces before anything else is written and
    when the reading ends, so that it leaves nothing behind.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        clock: Callable[[], float] = time.monotonic,
        interval: float = PROGRESS_INTERVAL,
    ) -> None:
        self._stream = stream
        self._clock = clock
        self._interval = interval
        self._lang: Language = "en"
        self._width = 80
        self._last: float | None = None
        self._shown = 0
        self.enabled = False

    def switch(self, on: bool | None, lang: Language) -> None:
        """Turn the line on (``True``), off (``False``), or on only for a terminal (``None``)."""
        self.enabled = _isatty(self._stream) if on is None else on
        self._lang = lang
        with contextlib.suppress(AttributeError, OSError, ValueError):
            self._width = max(os.get_terminal_size(self._stream.fileno()).columns, 20)

    def update(self, report: batch.BatchReport) -> None:
        """Draw the counts of ``report``, unless the line was drawn less than a moment ago."""
        if not self.enabled:
            return
        now = self._clock()
        if self._last is not None and now - self._last < self._interval:
            return
        self._last = now
        text = _TEXT[self._lang]["progress"].format(
            documents=_counted(report.documents, "document", self._lang),
            collaborations=_counted(report.collaborations, "collaboration_n", self._lang),
            bad=_counted(len(report.bad), "bad", self._lang),
        )[: self._width - 1]
        self._stream.write("\r" + text.ljust(self._shown))
        self._stream.flush()
        self._shown = len(text)

    def clear(self) -> None:
        """Wipe the line, if one is shown, and leave the cursor at the start of it."""
        if self._shown:
            self._stream.write("\r" + " " * self._shown + "\r")
            self._stream.flush()
            self._shown = 0


def _is_batch(path: Path | None) -> bool:
    """Whether the input is many documents: a folder, or a JSON Lines file."""
    return path is not None and (path.is_dir() or path.suffix.lower() in batch.JSON_LINES_SUFFIXES)


def _print_problems(problems: Iterable[Problem], err: TextIO, lang: Language = "en") -> None:
    """One line per problem: its JSON path and its message, each kept on its line."""
    for problem in problems:
        message = problem.message_in(lang)
        print(f"  {terminal_safe(problem.path)}: {terminal_safe(message)}", file=err)


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


def _counted(count: int, key: str, lang: Language) -> str:
    """``1 document``, ``2 documents``: the word of ``key`` in the right number."""
    one, many = _TEXT[lang][key].split("|")
    return f"{count} {one if count == 1 else many}"


def _read_line(report: batch.BatchReport, lang: Language) -> str:
    return _TEXT[lang]["read"].format(
        documents=_counted(report.documents, "document", lang),
        collaborations=_counted(report.collaborations, "collaboration_n", lang),
        bad=_counted(len(report.bad), "bad", lang),
    )


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


def _documents_of(document: Document) -> list[Collaboration]:
    if isinstance(document, Collaboration):
        return [document]
    if isinstance(document, Portfolio):
        return list(document.collaborations)
    return []


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


# -- export ----------------------------------------------------------------------------------

RowMaker = Callable[[Iterable[Collaboration], argparse.Namespace], Iterator[records.Record]]


def _scored(collaborations: Iterable[Collaboration], args: argparse.Namespace) -> Iterator[Any]:
    extra = records.score_columns(today=_today(args))
    return records.collaboration_records(collaborations, lang=args.lang, extra=extra)


def _labelled(function: Callable[..., Iterator[records.Record]]) -> RowMaker:
    return lambda collaborations, args: function(collaborations, lang=args.lang)


def _plain(function: Callable[..., Iterator[records.Record]]) -> RowMaker:
    return lambda collaborations, _: function(collaborations)


TABLES: dict[str, tuple[records.Schema, RowMaker]] = {
    "collaborations": (records.SCORED_COLLABORATION_COLUMNS, _scored),
    "participants": (records.PARTICIPANT_COLUMNS, _labelled(records.participant_records)),
    "goals": (records.GOAL_COLUMNS, _labelled(records.goal_records)),
    "tasks": (records.TASK_COLUMNS, _labelled(records.task_records)),
    "responses": (
        records.RESPONSE_COLUMNS,
        lambda collaborations, args: records.response_records(
            collaborations, lang=args.lang, include_personal=args.include_personal
        ),
    ),
    "progress": (records.PROGRESS_COLUMNS, _plain(records.progress_records)),
    "answers": (records.ANSWER_COLUMNS, _plain(records.answer_records)),
    "ratings": (records.RATING_COLUMNS, _labelled(records.rating_records)),
    "findings": (
        records.FINDING_COLUMNS,
        lambda collaborations, args: records.finding_records(
            collaborations, today=_today(args), lang=args.lang
        ),
    ),
}
"""The tables ``export`` writes: the record type's schema and how to make its rows."""

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


def _one_line(rows: Iterable[records.Record]) -> Iterator[records.Record]:
    """Rows whose text values are one line each, for CSV on a terminal (see `terminal_safe`)."""
    for row in rows:
        yield {
            name: terminal_safe(value) if isinstance(value, str) else value
            for name, value in row.items()
        }


def _text_value(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else value


def _write_csv(rows: Iterable[records.Record], schema: records.Schema, handle: TextIO) -> int:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(list(schema))
    count = 0
    for row in rows:
        writer.writerow([_text_value(row[name]) for name in schema])
        count += 1
    return count


def _write_jsonl(rows: Iterable[records.Record], schema: records.Schema, handle: TextIO) -> int:
    count = 0
    for row in rows:
        data = {
            name: row[name].isoformat() if isinstance(row[name], dt.date) else row[name]
            for name in schema
        }
        handle.write(json.dumps(data, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_parquet(
    rows: Iterable[records.Record], schema: records.Schema, path: Path, lang: Language
) -> int:
    """Write Parquet with polars, or with pandas and pyarrow; hint at the extra when neither is.

    The labels' categories are those of ``lang``, also when there are no rows.
    """
    kept = list(rows)
    try:
        frame = records.to_polars(kept, schema, lang=lang)
    except records.MissingExtraError:
        pass
    else:
        with replacing_binary(path) as handle:
            frame.write_parquet(handle)
        return len(kept)
    try:
        pandas_frame = records.to_pandas(kept, schema, lang=lang)
        with replacing_binary(path) as handle:
            pandas_frame.to_parquet(handle)
    except ImportError:
        msg = (
            "writing Parquet needs polars (or pandas with pyarrow), which is not installed; "
            "install it with: pip install 'frivillig[polars]'"
        )
        raise records.MissingExtraError(msg) from None
    return len(kept)


def _write_file(
    kind: str, rows: Iterable[records.Record], schema: records.Schema, path: Path, lang: Language
) -> int:
    """Write the rows to a file whole or not at all: a failure leaves a file that was there."""
    if kind == "parquet":
        return _write_parquet(rows, schema, path, lang)
    write = _write_csv if kind == "csv" else _write_jsonl
    with replacing_text(path, newline="" if kind == "csv" else "\n") as handle:
        return write(rows, schema, handle)


def _overwrites_input(command: str, args: argparse.Namespace, err: TextIO) -> bool:
    """Whether ``-o OUT`` is the input being read (or one of its folder's documents); say so."""
    if args.output is None or not overwrites(args.output, args.file):
        return False
    print(
        f"frivillig {command}: will not write {args.output}: it is the input being read "
        f"({args.file}); give another -o OUT",
        file=err,
    )
    return True


def _cannot_write(command: str, path: Path, error: OSError, err: TextIO) -> int:
    print(f"frivillig {command}: cannot write {path}: {error.strerror or error}", file=err)
    return EXIT_PROBLEMS


def _format_of(args: argparse.Namespace) -> str | None:
    if args.format is not None:
        return str(args.format)
    if args.output is None:
        return "csv"
    return FORMATS.get(args.output.suffix.lower())


def _export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang: Language = args.lang
    kind = _format_of(args)
    if kind is None:
        print(
            f"frivillig export: cannot tell the format from {args.output.name!r}; "
            "give --format csv, jsonl or parquet",
            file=err,
        )
        return EXIT_USAGE
    if kind == "parquet" and args.output is None:
        print("frivillig export: Parquet is binary; give a file with -o OUT.parquet", file=err)
        return EXIT_USAGE
    if _overwrites_input("export", args, err):
        return EXIT_USAGE
    found = _collaborations(args, err)
    if found is None:
        return EXIT_PROBLEMS
    collaborations, report, source = found
    schema, make = TABLES[args.table]
    rows = make(collaborations, args)
    if kind == "csv" and args.output is None:  # a line break in a value must not start a row
        rows = _one_line(rows)
    if args.output is None:
        count = (_write_csv if kind == "csv" else _write_jsonl)(rows, schema, out)
    else:
        try:
            count = _write_file(kind, rows, schema, args.output, lang)
        except records.MissingExtraError as error:
            print(str(error), file=err)
            return EXIT_PROBLEMS
        except OSError as error:
            return _cannot_write("export", args.output, error, err)
    if args.output is not None:
        rows_text = _TEXT[lang]["rows"].format(count=count)
        print(f"{_TEXT[lang]['wrote'].format(path=args.output)} ({rows_text})", file=out)
    return _outcome(report, source, lang, err)


# -- schema ----------------------------------------------------------------------------------


def _schema(args: argparse.Namespace, out: TextIO, _: TextIO) -> int:
    from .schema import json_schema, result_schema

    schema = result_schema(args.type) if args.type in RESULT_TYPES else json_schema(args.type)
    print(json.dumps(schema, ensure_ascii=False, indent=2), file=out)
    return EXIT_OK


# -- plot ------------------------------------------------------------------------------------

PLOT_SUFFIXES = (".png", ".svg", ".pdf")
PLOTS = ("factor-profile", "satisfaction", "findings")


def _plot(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import plots

    lang: Language = args.lang
    t = _TEXT[lang]
    if args.output.suffix.lower() not in PLOT_SUFFIXES:
        print(
            f"frivillig plot: cannot save a figure as {args.output.name!r}; "
            f"end the file name in {', '.join(PLOT_SUFFIXES)}",
            file=err,
        )
        return EXIT_USAGE
    if _overwrites_input("plot", args, err):
        return EXIT_USAGE
    found = _collaborations(args, err)
    if found is None:
        return EXIT_PROBLEMS
    collaborations, report, source = found
    try:
        if args.kind == "findings":
            figure = plots.findings_by_rule(collaborations, today=_today(args), lang=lang)
        else:
            chosen = _chosen(collaborations, args, source, err)
            if chosen is None:
                return EXIT_PROBLEMS
            draw = (
                plots.factor_profile
                if args.kind == "factor-profile"
                else plots.satisfaction_over_time
            )
            figure = draw(chosen, lang=lang)
    except records.MissingExtraError as error:
        print(str(error), file=err)
        return EXIT_PROBLEMS
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with replacing_binary(args.output) as handle:
            figure.savefig(handle, format=args.output.suffix.lower()[1:], dpi=args.dpi)
    except OSError as error:
        return _cannot_write("plot", args.output, error, err)
    print(t["wrote"].format(path=args.output), file=out)
    return _outcome(report, source, lang, err)


def _chosen(
    collaborations: Iterable[Collaboration], args: argparse.Namespace, source: str, err: TextIO
) -> Collaboration | None:
    """The collaboration ``--collaboration`` names, or the first, saying so when there are more.

    Reading stops at the one named, so a large source is not read to its end.
    """
    t = _TEXT[args.lang]
    first: Collaboration | None = None
    count = 0
    for collaboration in collaborations:
        if args.collaboration is not None and collaboration.id == args.collaboration:
            return collaboration
        count += 1
        if first is None:
            first = collaboration
    if args.collaboration is not None:
        print(t["not_found"].format(id=args.collaboration, source=source), file=err)
        return None
    if first is not None and count > 1:
        print(t["first"].format(count=count, source=source, id=first.id), file=err)
    return first


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
    try:
        value = int(text)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        message = f"{text!r} is not a resolution from {low} to {high} dots per inch"
        raise argparse.ArgumentTypeError(message)
    return value


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

exit codes:
  0  everything read is valid (and, for check, no finding is an error)
  1  a document is invalid or unreadable, check found an error, there was nothing to do,
     or OUT could not be written
  2  the command was used wrongly (unknown command or option, bad date or --dpi,
     an OUT that is the input)

Run 'frivillig COMMAND --help' for the options of one command.
"""


def _rule_range() -> str:
    from ._rules.rulebook import DEFAULT_RULEBOOK

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
    schedule.set_defaults(handler=_schedule)

    export = commands.add_parser(
        "export",
        help="write a table of rows (CSV, JSON Lines or Parquet) for analysis",
        description=(
            "Turn collaborations into a flat table with stable column names, one row per "
            "collaboration (with its scores), party, goal, task, evaluation response, "
            "reported goal progress, instrument answer, dyadic rating or finding of the "
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
        choices=("csv", "jsonl", "parquet"),
        default=None,
        help=(
            "csv or jsonl (written as the rows are made, so any size works) or parquet "
            "(needs polars, or pandas with pyarrow: pip install 'frivillig[polars]'); "
            "default: from the name of OUT, else csv"
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
    return parser


class _TerminalStream:
    """A text stream that passes only terminal-safe text on to the stream it wraps.

    Everything the command line writes goes through one of these: a line is
    written once it is complete, with every character a terminal would act on
    escaped and every CPR-shaped number masked (see `terminal_safe`); only the
    newlines that end lines are kept. A number cannot hide by being written in
    pieces, since none of its separators is a newline.
    """

    def __init__(self, stream: TextIO, before: Callable[[], None] | None = None) -> None:
        self._stream = stream
        self._pending = ""
        self._before = before

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if lines:
            if self._before is not None:
                self._before()
            self._stream.write("".join(f"{terminal_safe(line)}\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def close(self) -> None:
        """Write the rest of an unfinished line; the wrapped stream stays open."""
        if self._pending:
            pending, self._pending = self._pending, ""
            if self._before is not None:
                self._before()
            self._stream.write(terminal_safe(pending))


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
