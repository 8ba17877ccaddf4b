"""The ``export`` command: tables of rows written as CSV, JSON Lines, Parquet or Excel."""

import argparse
import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from .. import records
from .._core.files import replacing_binary, replacing_text
from .._core.labels import Language
from .._model.collaboration import Collaboration
from .._privacy import terminal_safe
from .documents import (
    _collaborations,
    _outcome,
    _today,
)
from .output import _cannot_write, _overwrites_input
from .text import _TEXT, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

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
    # Added up over the volunteers, whatever --include-personal says.
    "hours": (records.HOURS_COLUMNS, _labelled(records.hours_records)),
    "findings": (
        records.FINDING_COLUMNS,
        lambda collaborations, args: records.finding_records(
            collaborations, today=_today(args), lang=args.lang
        ),
    ),
}
"""The tables ``export`` writes: the record type's schema and how to make its rows."""

FORMATS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".xlsx": "xlsx",
}


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
        print(_TEXT[lang]["unknown_format"].format(name=repr(args.output.name)), file=err)
        return EXIT_USAGE
    if kind == "parquet" and args.output is None:
        print(_TEXT[lang]["binary"].format(what=_TEXT[lang]["parquet"], suffix="parquet"), file=err)
        return EXIT_USAGE
    if kind == "xlsx" and args.output is None:
        print(_TEXT[lang]["binary"].format(what=_TEXT[lang]["workbook"], suffix="xlsx"), file=err)
        return EXIT_USAGE
    if _overwrites_input("export", args, err):
        return EXIT_USAGE
    found = _collaborations(args, err)
    if found is None:
        return EXIT_PROBLEMS
    collaborations, report, source = found
    if kind == "xlsx":
        written = _export_workbook(args, collaborations, out, err)
        return written if written != EXIT_OK else _outcome(report, source, lang, err)
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


def _export_workbook(
    args: argparse.Namespace, collaborations: Iterable[Collaboration], out: TextIO, err: TextIO
) -> int:
    """Write every table as a sheet of one workbook (``--table`` is not used); 0 when written."""
    lang: Language = args.lang
    try:
        counts = records.to_xlsx(
            collaborations,
            args.output,
            today=_today(args),
            lang=lang,
            include_personal=args.include_personal,
        )
    except records.MissingExtraError as error:
        print(str(error), file=err)
        return EXIT_PROBLEMS
    except OSError as error:
        return _cannot_write("export", args.output, error, err)
    rows_text = _TEXT[lang]["rows"].format(count=sum(counts.values()))
    print(f"{_TEXT[lang]['wrote'].format(path=args.output)} ({rows_text})", file=out)
    return EXIT_OK
