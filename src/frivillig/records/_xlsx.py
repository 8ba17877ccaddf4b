"""`to_xlsx`: every table of the records module as a sheet of one Excel workbook."""

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from .._core.arguments import require_date, require_instance
from .._core.files import PathLike, replacing_binary
from .._core.labels import Language
from .._model.collaboration import Collaboration
from .._model.portfolio import each_collaboration as _collaborations
from .._rules.engine import Rulebook
from ..errors import ArgumentTypeError
from ._columns import (
    ANSWER_COLUMNS,
    FINDING_COLUMNS,
    GOAL_COLUMNS,
    HOURS_COLUMNS,
    PARTICIPANT_COLUMNS,
    PROGRESS_COLUMNS,
    RATING_COLUMNS,
    RESPONSE_COLUMNS,
    SCORED_COLLABORATION_COLUMNS,
    TASK_COLUMNS,
)
from ._findings import finding_records, score_columns
from ._frames import _import
from ._helpers import _check_lang, _check_personal
from ._rows import (
    answer_records,
    collaboration_records,
    goal_records,
    hours_records,
    participant_records,
    progress_records,
    rating_records,
    response_records,
    task_records,
)
from ._schema import Column, Items, Record, Schema

_Rows = Callable[[list[Collaboration], "_Options"], Iterator[Record]]


@attrs.frozen
class _Options:
    """What the tables are made with: the day, the language, the rulebook, personal or not."""

    today: dt.date
    lang: Language
    rulebook: Rulebook | None
    personal: bool


SHEETS: Mapping[str, tuple[Schema, _Rows]] = MappingProxyType(
    {
        "collaborations": (
            SCORED_COLLABORATION_COLUMNS,
            lambda items, o: collaboration_records(
                items, lang=o.lang, extra=score_columns(today=o.today)
            ),
        ),
        "participants": (
            PARTICIPANT_COLUMNS,
            lambda items, o: participant_records(items, lang=o.lang),
        ),
        "goals": (GOAL_COLUMNS, lambda items, o: goal_records(items, lang=o.lang)),
        "tasks": (TASK_COLUMNS, lambda items, o: task_records(items, lang=o.lang)),
        "responses": (
            RESPONSE_COLUMNS,
            lambda items, o: response_records(items, lang=o.lang, include_personal=o.personal),
        ),
        "progress": (PROGRESS_COLUMNS, lambda items, _: progress_records(items)),
        "answers": (ANSWER_COLUMNS, lambda items, _: answer_records(items)),
        "ratings": (RATING_COLUMNS, lambda items, o: rating_records(items, lang=o.lang)),
        # Always added up over the volunteers: a workbook is passed around.
        "hours": (HOURS_COLUMNS, lambda items, o: hours_records(items, lang=o.lang)),
        "findings": (
            FINDING_COLUMNS,
            lambda items, o: finding_records(
                items, today=o.today, lang=o.lang, rulebook=o.rulebook
            ),
        ),
    }
)
"""The sheets of the workbook, in order: the table's name, its schema and how to make its rows.
The same tables, by the same names, as ``frivillig export --table``."""

_DATE_FORMAT = "yyyy-mm-dd"
_MIN_WIDTH = 6
_MAX_WIDTH = 50
_WIDTH_SAMPLE = 200  # rows looked at to size a column
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters an Excel cell cannot hold (openpyxl refuses them): each becomes U+FFFD."""


def _cell_value(value: object) -> object:
    """The value as a cell holds it: text without the control characters Excel refuses."""
    if isinstance(value, str):
        return _ILLEGAL.sub("\N{REPLACEMENT CHARACTER}", value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _width(values: Iterable[object]) -> float:
    longest = max((len(str(value)) for value in values if value is not None), default=0)
    return float(min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH))


def _header(column: Column, lang: Language) -> str:
    """The header: the Danish title under ``"da"`` (the name if it has none), else the name."""
    if lang == "da" and column.title_da is not None:
        return column.title_da
    return column.name


def _fill_sheet(
    sheet: Any, schema: Schema, rows: Iterable[Record], utils: Any, lang: Language
) -> int:
    """Write the header in ``lang`` and the rows, freeze the header, filter, size the columns."""
    names = list(schema)
    headers = [_header(schema[name], lang) for name in names]
    sheet.append(headers)
    shown: list[list[object]] = [[header] for header in headers]
    count = 0
    for row in rows:
        values = [_cell_value(row[name]) for name in names]
        sheet.append(values)
        count += 1
        if count <= _WIDTH_SAMPLE:
            for column, value in zip(shown, values, strict=True):
                column.append(value)
    for index, (name, column) in enumerate(zip(names, shown, strict=True), start=1):
        letter = utils.get_column_letter(index)
        width = _width(column)
        if schema[name].type is dt.date:
            width = max(width, len(_DATE_FORMAT) + 2.0)
        sheet.column_dimensions[letter].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"  # text that starts with "=" is text, never a formula
            elif isinstance(cell.value, dt.date):
                cell.number_format = _DATE_FORMAT
    sheet.freeze_panes = "A2"
    last = utils.get_column_letter(len(names))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    return count


def _core_properties(workbook: Any, stamp: dt.datetime) -> bytes:
    """The workbook's ``docProps/core.xml``, dated ``stamp`` (openpyxl dates it when saving)."""
    functions = _import("openpyxl.xml.functions", "xlsx")
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    written: bytes = functions.tostring(workbook.properties.to_tree())
    return written


def _save(workbook: Any, stamp: dt.datetime) -> bytes:
    """The workbook as bytes, the same for the same content: no time of saving in it.

    openpyxl dates the workbook's properties and every part of the zip when it
    saves; the parts are copied into a new zip dated 1980-01-01, with the
    properties dated ``stamp``.
    """
    buffer = io.BytesIO()
    workbook.save(buffer)
    core = _core_properties(workbook, stamp)
    fixed = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = core if info.filename == "docProps/core.xml" else source.read(info)
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, data)
    return fixed.getvalue()


def to_xlsx(
    collaborations: Items,
    path: PathLike,
    *,
    today: dt.date,
    lang: Language = "en",
    rulebook: Rulebook | None = None,
    include_personal: bool = False,
) -> dict[str, int]:
    """Write every table of the records module as a sheet of one Excel workbook (``.xlsx``).

    One sheet per table, in this order and by these names: ``collaborations``
    (with their scores as of ``today``), ``participants``, ``goals``, ``tasks``,
    ``responses``, ``progress``, ``answers``, ``ratings``, ``hours`` (the hours
    logged on each task in each month, added up over the volunteers) and
    ``findings`` (the rule check as of ``today``). Each sheet has the table's columns in the order
    of its schema (the first row, frozen, with an autofilter over the table), one
    row per record, and column widths from the values. The sheet names are the
    table names in either language: the names of ``frivillig export --table``,
    the keys of the counts returned, and what a formula or a script refers to.

    **Cells.** Numbers are numbers, bools are Excel's ``TRUE``/``FALSE``, dates are
    dates (formatted ``yyyy-mm-dd``), an empty value (``None``, or a float that is
    not finite) an empty cell.
    Text is text: a value that starts with ``=`` is never a formula. Excel cannot
    hold the control characters U+0000-U+001F other than tab and line breaks; each
    becomes U+FFFD.

    **Headers.** Under ``lang="en"`` the column headers are the stable column
    names of [`COLUMNS`][frivillig.records.COLUMNS] (``municipality_code``);
    under ``lang="da"`` they are the columns' Danish titles
    ([`Column.title_da`][frivillig.records.Column], ``Kommunekode``), unique
    within each sheet, and the ``*_label`` columns, the rules' titles and the
    findings' messages are Danish, exactly as the record functions make them.
    A column's Danish title names its label column (``Status``); the column of
    stable values beside it is ``Status (kode)``.

    **Personal data.** As the record functions: no field that
    [`redact`][frivillig.redact] drops is written unless ``include_personal`` is
    true (today, the responses' ``comment``), and CPR-shaped numbers are masked in
    every text. The ``hours`` sheet is always added up over the volunteers, with
    ``include_personal`` too: a workbook holds no volunteer's own hours.

    **Writing.** The file is written whole or not at all: a failure leaves the
    file that was there. The workbook's created and modified dates are ``today``
    (midnight, UTC) and every part of the file is dated 1980-01-01, so the same
    collaborations, day and language give the same bytes.

    Args:
        collaborations: A collaboration, a portfolio, or an iterable of either
            (read once, and held while the workbook is made).
        path: The file to write; its folder must exist.
        today: The day to score and check on.
        lang: The language of the headers, the labels and the findings,
            ``"da"`` or ``"en"``.
        rulebook: The rulebook to check with; the built-in one when ``None``.
        include_personal: Fill the ``comment`` column of the responses, as
            [`response_records`][frivillig.records.response_records] does.

    Returns:
        The number of rows written to each sheet, by sheet name.

    Raises:
        MissingExtraError: openpyxl is not installed (``pip install 'frivillig[xlsx]'``).
        ArgumentTypeError: ``today`` is not a date (a ``datetime`` is not one),
            ``lang`` not a string, ``rulebook`` not a [`Rulebook`][frivillig.Rulebook],
            ``include_personal`` not a bool, ``path`` not a path, or an item not a
            collaboration or portfolio.
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.
        OSError: the file cannot be written (no such folder, no permission, no space).

    Examples:
        >>> import datetime as dt, pathlib, tempfile
        >>> import frivillig
        >>> from frivillig import records
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> counts = records.to_xlsx(
        ...     frivillig.load_example(), folder / "report.xlsx", today=dt.date(2026, 11, 27)
        ... )
        >>> list(counts)[:3], counts["collaborations"]
        (['collaborations', 'participants', 'goals'], 1)
    """
    options = _Options(
        require_date(today),
        _check_lang(lang),
        None if rulebook is None else require_instance(rulebook, Rulebook, "rulebook"),
        _check_personal(include_personal),
    )
    if not isinstance(path, str | Path) and not hasattr(path, "__fspath__"):
        msg = f"path must be a path (str or os.PathLike), got {type(path).__name__}"
        raise ArgumentTypeError(msg)
    openpyxl = _import("openpyxl", "xlsx")
    items = list(_collaborations(collaborations))
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    counts: dict[str, int] = {}
    for name, (schema, make) in SHEETS.items():
        sheet = workbook.create_sheet(title=name)
        rows = make(items, options)
        counts[name] = _fill_sheet(sheet, schema, rows, openpyxl.utils, options.lang)
    workbook.properties.creator = "frivillig"
    stamp = dt.datetime.combine(options.today, dt.time(), tzinfo=dt.UTC).replace(tzinfo=None)
    content = _save(workbook, stamp)
    with replacing_binary(path) as handle:
        handle.write(content)
    return counts
