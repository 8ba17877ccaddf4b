r"""Survey answers in: the export of a survey tool read as an evaluation round.

Evaluation rounds are often answered in a survey tool (SurveyXact, Microsoft
Forms, Google Forms), which exports one row per respondent and one column per
question, as CSV or as an Excel workbook (XLSX).
[`read_responses`][frivillig.surveys.read_responses] reads such a file against an
[`Instrument`][frivillig.Instrument] and returns an
[`EvaluationRound`][frivillig.EvaluationRound] with one [`Response`][frivillig.Response]
per row.

How the file is read:

- **Columns.** Row 1 is the header. A column whose header is an item id of the
  instrument holds the answers to that item; ``columns`` maps other headers (the
  question's text, ``Q7``) to item ids. Every item needs a column (an empty one
  will do); columns that are neither an item nor the party column (time stamps,
  e-mail addresses, names) are not read at all.
- **The party.** The column ``party_column`` holds the id of the party each
  respondent answers for; with ``collaboration``, it must be one of the
  collaboration's parties. A round holds one response per party, so two rows for
  the same party are a problem.
- **Values.** A cell holds a number on the instrument's scale (a whole number
  when the scale says so; ``3.5`` and ``3,5`` are both read as three and a half),
  or the Danish or English word of one of the scale's anchors (``"helt enig"``);
  an empty cell is an item left unanswered and is stored as ``None``. No item is
  required: the instrument's scoring rule decides from the answers given whether
  a factor can be scored (see [`score_instrument`][frivillig.score_instrument]).
- **Raw answers.** Answers are stored as given. Reverse-coded items are *not*
  turned around here: [`score_instrument`][frivillig.score_instrument] does that
  when it scores, so a reverse-coded item answered 2 is stored as 2.
- **Rows.** Rows are counted as in the file, the header being row 1 (in a CSV
  file, a record that spans lines because of a quoted line break counts once, as a
  spreadsheet shows it). Rows with no value at all are skipped.
- **All or nothing.** Every bad cell is reported, each as a
  [`Problem`][frivillig.Problem] with the path ``$.rows[R].COLUMN`` (``R`` the
  row, ``COLUMN`` the header as written in the file), and the function raises
  [`ValidationError`][frivillig.ValidationError]: no partial round is returned.
  Correct the cells the problems name and read the file again.
- **Bounds.** The file is refused when it is larger than ``limits.max_bytes``,
  has more than ``limits.max_items`` rows or columns, or a cell longer than
  ``limits.max_string_length`` (the [`LoadLimits`][frivillig.LoadLimits] of
  documents); at most ``limits.max_problems`` problems are listed.

CSV is read as UTF-8 (a byte-order mark, as Excel writes one, is allowed), with
``;``, ``,`` or a tab between cells: the one whose header row names the most of the
expected columns. XLSX needs openpyxl (``pip install 'frivillig[xlsx]'``); its first
worksheet is read.

Examples:
    >>> import datetime as dt, io
    >>> from frivillig.surveys import read_responses
    >>> answers = io.BytesIO(
    ...     "party;b01;b02;b03;b04;b05;b06;b07;b08;b09;b10\r\n"
    ...     "kommune;5;4;4;2;4;2;4;4;4;2\r\n".encode("utf-8-sig")
    ... )
    >>> round_ = read_responses(answers, "barometer", held_on=dt.date(2026, 12, 1))
    >>> round_.id, round_.responses[0].party, round_.responses[0].answers["b04"]
    ('2026-12-01', 'kommune', 2.0)
"""

import csv
import datetime as dt
import io
import json
import math
import os
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from ._core.extras import require_extra
from ._core.paths import ID, render_path
from ._jsonform.limits import LoadLimits
from ._model.collaboration import Collaboration
from ._model.evaluation import EvaluationRound, Response
from ._reference.cpr import find_cpr_like, mask_cpr_like
from ._scores.instruments import Instrument, get_instrument
from .errors import ArgumentTypeError, ArgumentValueError, Problem, ValidationError

__all__ = ["XLSX_UNPACKED_FACTOR", "read_responses"]

XLSX_UNPACKED_FACTOR = 16
"""How many times ``limits.max_bytes`` the parts of an XLSX workbook may unpack to."""

_DELIMITERS = (";", ",", "\t")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")
_SHOWN = 60  # the most characters of a header or an id a message shows

Cell = object
"""A cell as read: text from CSV; text, a number, a date, a boolean or ``None`` from XLSX."""


def read_responses(
    source: str | os.PathLike[str] | IO[bytes],
    instrument: Instrument | str,
    *,
    held_on: dt.date,
    party_column: str = "party",
    columns: Mapping[str, str] | str | os.PathLike[str] | None = None,
    collaboration: Collaboration | None = None,
    round_id: str | None = None,
    limits: LoadLimits | None = None,
) -> EvaluationRound:
    """Read a survey tool's export (CSV or XLSX) as an evaluation round.

    See the module's description for how columns, parties and values are read.

    Args:
        source: The file: a path (``.xlsx`` is read as a workbook, anything else
            as CSV) or a binary stream (a workbook when it starts as a ZIP
            archive does, else CSV).
        instrument: The instrument answered, or the id of a built-in one.
        held_on: The date the round was held.
        party_column: The header of the column that names each respondent's party.
        columns: Headers mapped to item ids, as a mapping or as a file: JSON (an
            object) or CSV (two columns, header and item id; a first row
            ``column,item`` is skipped).
        collaboration: The collaboration evaluated; each party must be one of
            its parties, and ``round_id`` must not be one of its rounds' ids.
        round_id: The round's id; the date ``held_on`` (``"2026-12-01"``) by default.
        limits: How large a file may be; the defaults of
            [`LoadLimits`][frivillig.LoadLimits] when ``None``.

    Returns:
        The round, with one response per row in the file's order, each naming
        the instrument and holding an answer (``None`` when empty) for every item.

    Raises:
        ValidationError: the file cannot be read as answers (too large, not
            UTF-8, not a workbook, no header), a column is missing or doubled,
            a cell is not on the scale, a party is missing, unknown or repeated,
            or the mapping ``columns`` names no item; every problem is listed,
            each with its row and column.
        ArgumentTypeError: an argument has the wrong type (``held_on`` a
            ``datetime``, ``instrument`` neither an instrument nor text, ...).
        ArgumentValueError: ``round_id`` or ``party_column`` is not usable.
        MissingExtraError: the file is a workbook and openpyxl is not installed.
        OSError: the file (or the mapping file) cannot be opened.
    """
    instrument = _instrument(instrument)
    if not isinstance(held_on, dt.date) or isinstance(held_on, dt.datetime):
        msg = f"held_on must be a datetime.date, got {type(held_on).__name__}"
        raise ArgumentTypeError(msg)
    if not isinstance(party_column, str) or not party_column.strip():
        msg = "party_column must be the non-empty header of the party column"
        raise ArgumentValueError(msg) if isinstance(party_column, str) else ArgumentTypeError(msg)
    given: object = collaboration  # any object may come, whatever the annotation says
    if given is not None and not isinstance(given, Collaboration):
        msg = f"collaboration must be a Collaboration, got {type(given).__name__}"
        raise ArgumentTypeError(msg)
    limits = _limits(limits)
    round_id = _round_id(round_id, held_on)
    problems = _Problems(limits.max_problems)
    mapping = _mapping(columns, instrument, problems, limits)
    rows = _rows(source, party_column, mapping, instrument, limits, problems)
    responses = _Reader(
        instrument, party_column, mapping, collaboration, problems, limits
    ).responses(rows)
    if collaboration is not None and round_id in {r.id for r in collaboration.rounds}:
        problems.add(
            "$",
            f"round id {round_id!r} is already used by a round of the collaboration; "
            "give another round_id",
            "duplicate",
        )
    if problems.found:
        raise ValidationError(problems.found)
    return EvaluationRound(id=round_id, held_on=held_on, responses=responses)


# -- the arguments ---------------------------------------------------------------------------


def _instrument(instrument: object) -> Instrument:
    if isinstance(instrument, Instrument):
        return instrument
    if isinstance(instrument, str):
        return get_instrument(instrument)
    msg = f"instrument must be an Instrument or a built-in id, got {type(instrument).__name__}"
    raise ArgumentTypeError(msg)


def _limits(limits: object) -> LoadLimits:
    if limits is None:
        return LoadLimits()
    if not isinstance(limits, LoadLimits):
        msg = f"limits must be LoadLimits, got {type(limits).__name__}"
        raise ArgumentTypeError(msg)
    return limits


def _round_id(round_id: object, held_on: dt.date) -> str:
    if round_id is None:
        return held_on.isoformat()
    if not isinstance(round_id, str):
        msg = f"round_id must be a str, got {type(round_id).__name__}"
        raise ArgumentTypeError(msg)
    if not ID.fullmatch(round_id) or find_cpr_like(round_id):
        msg = "round_id must be an id: 1-128 letters, digits, '_', '.', ':' or '-'"
        raise ArgumentValueError(msg)
    return round_id


class _Problems:
    """The problems found so far, up to ``most`` and a last one saying there are more."""

    def __init__(self, most: int) -> None:
        self.found: list[Problem] = []
        self._most = most
        self.full = False

    def add(self, path: str, message: str, code: str) -> None:
        if self.full:
            return
        if len(self.found) >= self._most:
            self.full = True
            self.found.append(
                Problem(
                    path="$",
                    message=f"more problems were found; only the first {self._most} are "
                    "listed (LoadLimits.max_problems)",
                    code="length",
                )
            )
            return
        self.found.append(Problem(path=path, message=message, code=code))


def _shown(text: str) -> str:
    """A header or an id as a message or a path shows it: masked and cut short."""
    return mask_cpr_like(text)[:_SHOWN]


def _cell_path(row: int, header: str) -> str:
    return render_path(("rows", row, _shown(header)))


# -- the mapping of columns ------------------------------------------------------------------


def _mapping(
    columns: object, instrument: Instrument, problems: _Problems, limits: LoadLimits
) -> dict[str, str]:
    """Headers mapped to item ids; a mapped id that is not an item is a problem."""
    if columns is None:
        return {}
    if isinstance(columns, str | os.PathLike):
        columns = _mapping_file(Path(columns), problems, limits)
    if not isinstance(columns, Mapping):
        msg = f"columns must be a mapping or a file path, got {type(columns).__name__}"
        raise ArgumentTypeError(msg)
    items = {item.id for item in instrument.items}
    mapping: dict[str, str] = {}
    for header, item in columns.items():
        if not isinstance(header, str) or not isinstance(item, str):
            got = type(item if isinstance(header, str) else header).__name__
            problems.add("$.columns", f"expected an id (text), got {got}", "type")
            continue
        where = render_path(("columns", _shown(header.strip())))
        if item not in items:
            problems.add(
                where,
                f"{_shown(item)!r} is not an item of instrument {instrument.id!r}",
                "reference",
            )
            continue
        mapping[header.strip()] = item
    return mapping


def _mapping_file(path: Path, problems: _Problems, limits: LoadLimits) -> dict[str, Any]:
    with path.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        problems.add("$.columns", _too_large(limits.max_bytes), "size")
        return {}
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems.add("$.columns", _not_utf8(error), "encoding")
        return {}
    if path.suffix.lower() == ".json":
        try:
            loaded = json.loads(text)
        except ValueError:
            loaded = None
        if not isinstance(loaded, dict):
            problems.add(
                "$.columns",
                "expected a JSON object from column headers to item ids",
                "type",
            )
            return {}
        return loaded
    found: dict[str, Any] = {}
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter_of(text)))
    for number, record in enumerate(records, start=1):
        cells = [cell.strip() for cell in record]
        if not any(cells) or (number == 1 and [c.lower() for c in cells] == ["column", "item"]):
            continue
        if len(cells) != 2:
            problems.add(
                render_path(("columns", number)),
                f"has {len(cells)} cells; expected two: the column header and the item id",
                "format",
            )
            continue
        found[cells[0]] = cells[1]
    return found


def _delimiter_of(text: str) -> str:
    first = text.split("\n", 1)[0]
    return max(_DELIMITERS, key=first.count)


# -- reading the file ------------------------------------------------------------------------


def _rows(
    source: object,
    party_column: str,
    mapping: Mapping[str, str],
    instrument: Instrument,
    limits: LoadLimits,
    problems: _Problems,
) -> list[tuple[int, list[Cell]]]:
    """The file's rows with their numbers (the header is row 1), or none after a problem."""
    data, workbook = _read_bytes(source, limits, problems)
    if data is None:
        return []
    if workbook:
        return _xlsx_rows(data, limits, problems)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems.add("$", _not_utf8(error), "encoding")
        return []
    expected = {party_column, *mapping, *(item.id for item in instrument.items)}
    return _csv_rows(text, expected, limits, problems)


def _read_bytes(
    source: object, limits: LoadLimits, problems: _Problems
) -> tuple[bytes | None, bool]:
    """The file's bytes (``None`` when too large) and whether it is a workbook."""
    most = limits.max_bytes
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if path.stat().st_size > most:
            data = None
        else:
            with path.open("rb") as handle:
                data = handle.read(most + 1)
        workbook = path.suffix.lower() in (".xlsx", ".xlsm")
    elif hasattr(source, "read"):
        data = source.read(most + 1)
        if not isinstance(data, bytes):
            msg = f"source must be opened in binary mode, got {type(data).__name__}"
            raise ArgumentTypeError(msg)
        workbook = data.startswith(b"PK\x03\x04")
    else:
        msg = f"source must be a file path or a binary stream, got {type(source).__name__}"
        raise ArgumentTypeError(msg)
    if data is None or len(data) > most:
        problems.add("$", _too_large(most), "size")
        return None, workbook
    return data, workbook


def _too_large(most: int) -> str:
    return (
        f"the document is larger than the limit of {most} bytes (LoadLimits.max_bytes); "
        "raise the limit to read it"
    )


def _not_utf8(error: UnicodeDecodeError) -> str:
    return (
        f"the file is not UTF-8 text (byte {error.start + 1} is invalid); "
        "save it as 'CSV UTF-8' in Excel"
    )


def _csv_rows(
    text: str, expected: set[str], limits: LoadLimits, problems: _Problems
) -> list[tuple[int, list[Cell]]]:
    def known(delimiter: str) -> tuple[int, int]:
        header = next(csv.reader([text.split("\n", 1)[0]], delimiter=delimiter), [])
        return len({cell.strip() for cell in header} & expected), len(header)

    delimiter = max(_DELIMITERS, key=known)
    rows: list[tuple[int, list[Cell]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, record in enumerate(reader, start=1):
            if not _bounded(number, len(record), limits, problems):
                break
            rows.append((number, list(record)))
    except csv.Error as error:
        problems.add(render_path(("rows", len(rows) + 1)), f"is not valid CSV ({error})", "format")
        return []
    return rows


def _bounded(number: int, width: int, limits: LoadLimits, problems: _Problems) -> bool:
    """Whether row ``number`` is within the limits; say so when it is not."""
    if number - 1 > limits.max_items:
        problems.add(
            "$",
            f"the file has more than {limits.max_items} rows of answers "
            "(LoadLimits.max_items); raise the limit to read it",
            "length",
        )
        return False
    if width > limits.max_items:
        problems.add(
            render_path(("rows", number)),
            f"has more than {limits.max_items} columns (LoadLimits.max_items); "
            "raise the limit to read it",
            "length",
        )
        return False
    return True


def _xlsx_rows(
    data: bytes, limits: LoadLimits, problems: _Problems
) -> list[tuple[int, list[Cell]]]:
    openpyxl = require_extra("openpyxl", "xlsx")
    message = (
        "the file is not a workbook that can be read (.xlsx); save it again from the "
        "spreadsheet, or export CSV"
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        problems.add("$", message, "format")
        return []
    if unpacked > XLSX_UNPACKED_FACTOR * limits.max_bytes:
        problems.add(
            "$",
            f"the workbook unpacks to more than {XLSX_UNPACKED_FACTOR * limits.max_bytes} "
            "bytes (16 times LoadLimits.max_bytes); raise the limit to read it",
            "size",
        )
        return []
    rows: list[tuple[int, list[Cell]]] = []
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            sheet.reset_dimensions()  # the stored size may be made up: read what is there
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                if not _bounded(number, len(row), limits, problems):
                    break
                rows.append((number, list(row)))
        finally:
            book.close()
    except Exception:  # openpyxl raises many kinds of error for a broken workbook
        problems.add("$", message, "format")
        return []
    return rows


# -- reading the answers ---------------------------------------------------------------------


class _Reader:
    """Turns the rows of a file into responses, noting every problem on the way."""

    def __init__(
        self,
        instrument: Instrument,
        party_column: str,
        mapping: Mapping[str, str],
        collaboration: Collaboration | None,
        problems: _Problems,
        limits: LoadLimits,
    ) -> None:
        self.instrument = instrument
        self.party_column = party_column
        self.mapping = mapping
        self.parties = None if collaboration is None else collaboration.party_ids
        self.problems = problems
        self.limits = limits
        scale = instrument.scale
        self.words: dict[str, float] = {}
        for anchor in scale.anchors:
            for word in (anchor.label_da, anchor.label_en):
                self.words.setdefault(word.strip().casefold(), float(anchor.value))

    def responses(self, rows: list[tuple[int, list[Cell]]]) -> tuple[Response, ...]:
        rows = [(number, cells) for number, cells in rows if any(map(_filled, cells))]
        if not rows:
            if not self.problems.found:
                self.problems.add(
                    "$", "the file is empty; expected a header row naming the columns", "empty"
                )
            return ()
        header_row, header = rows[0]
        located = self._columns(header_row, [_text(cell) for cell in header])
        if located is None:
            return ()
        party_at, items_at = located
        found: list[Response] = []
        seen: dict[str, int] = {}
        headers = [_text(cell).strip() for cell in header]
        for number, cells in rows[1:]:
            if len(cells) > len(header) and any(map(_filled, cells[len(header) :])):
                self.problems.add(
                    render_path(("rows", number)),
                    f"has {len(cells)} cells; the header has only {len(header)}",
                    "format",
                )
                continue
            cells = cells + [None] * (len(header) - len(cells))
            party = self._party(number, headers[party_at], cells[party_at], seen)
            answers = {
                item: self._value(number, headers[at], cells[at]) for item, at in items_at.items()
            }
            if party is not None:
                found.append(Response(party=party, instrument=self.instrument.id, answers=answers))
        return tuple(found)

    def _columns(self, row: int, header: list[str]) -> tuple[int, dict[str, int]] | None:
        """Where the party and each item are, or ``None`` when a column is missing."""
        where = render_path(("rows", row))
        party_at: int | None = None
        items = {item.id for item in self.instrument.items}
        items_at: dict[str, int] = {}
        by_item: dict[str, str] = {}
        for at, raw in enumerate(header):
            name = raw.strip()
            if len(name) > self.limits.max_string_length:
                continue
            if name == self.party_column:
                if party_at is not None:
                    self.problems.add(_cell_path(row, name), "is listed twice", "duplicate")
                party_at = at
                continue
            item = self.mapping.get(name, name if name in items else None)
            if item is None:
                continue
            if item in items_at:
                self.problems.add(
                    _cell_path(row, name),
                    f"gives the answers to item {item!r}, as column "
                    f"{_shown(by_item[item])!r} does; map one column to each item",
                    "duplicate",
                )
                continue
            items_at[item] = at
            by_item[item] = name
        if party_at is None:
            self.problems.add(
                where,
                f"has no column {_shown(self.party_column)!r} naming the party of each "
                "respondent; add it or give party_column",
                "missing",
            )
        for wanted in self.instrument.items:
            if wanted.id not in items_at:
                self.problems.add(
                    where,
                    f"has no column for item {wanted.id!r} of instrument "
                    f"{self.instrument.id!r}; add the column (it may be empty) or map "
                    "one to it with columns",
                    "missing",
                )
        if party_at is None or len(items_at) < len(items):
            return None
        return party_at, items_at

    def _long(self, path: str, text: str) -> bool:
        most = self.limits.max_string_length
        if len(text) <= most:
            return False
        self.problems.add(
            path,
            f"is {len(text)} characters long; at most {most} are allowed "
            "(LoadLimits.max_string_length)",
            "length",
        )
        return True

    def _party(self, row: int, header: str, cell: Cell, seen: dict[str, int]) -> str | None:
        path = _cell_path(row, header)
        text = _text(cell).strip()
        if self._long(path, text):
            return None
        if not text:
            self.problems.add(
                path, "is empty; every row needs the id of the responding party", "missing"
            )
            return None
        if find_cpr_like(text):
            self.problems.add(
                path,
                "holds a number shaped like a CPR number where it cannot be masked "
                "(an id or a key); change it at the source",
                "cpr",
            )
            return None
        if not ID.fullmatch(text):
            self.problems.add(
                path,
                "is not a valid id: use 1-128 letters, digits, '_', '.', ':' or '-', "
                "starting with a letter or digit",
                "format",
            )
            return None
        if self.parties is not None and text not in self.parties:
            self.problems.add(
                path, f"party {text!r} is not a participant of the collaboration", "reference"
            )
            return None
        if text in seen:
            self.problems.add(
                path,
                f"party {text!r} answered already in row {seen[text]}; a round holds one "
                "response per party",
                "duplicate",
            )
            return None
        seen[text] = row
        return text

    def _value(self, row: int, header: str, cell: Cell) -> float | None:
        """The answer in a cell, or ``None`` (for an empty cell, or after a problem)."""
        path = _cell_path(row, header)
        scale = self.instrument.scale
        low, high = scale.minimum, scale.maximum
        value: float | None = None
        if cell is None:
            return None
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            value = float(cell)
        elif isinstance(cell, str):
            text = cell.strip()
            if not text:
                return None
            if self._long(path, text):
                return None
            if _NUMBER.fullmatch(text):
                value = float(text.replace(",", "."))
            else:
                value = self.words.get(text.casefold())
        if value is None:
            self.problems.add(
                path,
                f"is not a number; expected an answer from {low} to {high} on the scale, "
                "or an empty cell",
                "type",
            )
        elif not math.isfinite(value) or not low <= value <= high:
            self.problems.add(path, f"is outside the scale; expected {low} to {high}", "range")
            value = None
        elif scale.whole_numbers and value != int(value):
            self.problems.add(path, "expected a whole number on the scale", "format")
            value = None
        return value


def _text(cell: Cell) -> str:
    return cell if isinstance(cell, str) else "" if cell is None else str(cell)


def _filled(cell: Cell) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))
