"""`records.to_xlsx` and ``frivillig export --format xlsx``: every table as a sheet.

What a sheet read back with pandas holds is compared with what `to_pandas` makes of
the same rows, after the conversion Excel forces on any value (documented in
`to_xlsx` and on the spreadsheet how-to):

- Excel has one kind of number: integers and floats both come back as numbers,
  an integer column with an empty cell as ``float64``, a float column whose values
  are all whole as ``int64``. Compared as ``Float64``.
- Excel has no categories and no string dtype: categoricals and text come back as
  text (``object`` or ``str``), and an empty text (``""``, e.g. ``purposes`` of a
  collaboration without any) as an empty cell, like ``None``. Compared as text,
  with ``""`` taken as empty. A control character Excel cannot hold is U+FFFD.
- A bool column with an empty cell comes back as ``object``. Compared as ``boolean``.
- Dates come back as ``datetime64`` (in pandas' own unit); a column empty in every
  row has no type left and comes back as ``float64`` of NaN. Compared as
  ``datetime64[ns]``.

Under ``lang="da"`` the headers are the columns' Danish titles; a sheet read back is
renamed to the column names through the titles before it is compared.
"""

import datetime as dt
import importlib
import io
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest

import frivillig
from frivillig import records
from frivillig._cli import main
from frivillig._privacy import REDACTION
from frivillig.errors import ArgumentTypeError, ArgumentValueError
from frivillig.records._dtypes import _frame_dtype
from frivillig.records._xlsx import SHEETS, _header

pd = pytest.importorskip("pandas")
openpyxl = pytest.importorskip("openpyxl")

TODAY = dt.date(2026, 11, 27)
SHEET_NAMES = list(SHEETS)
_EXCEL_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""What an Excel cell cannot hold; to_xlsx writes U+FFFD instead."""


def _read(path: Path, lang: str, name: str, *, text: bool = False) -> Any:
    """Read a sheet back, its headers (Danish under ``lang="da"``) renamed to the column names.

    With ``text``, the text columns are read as text: pandas' reader takes a text cell of
    digits (a CVR number) for a number unless told.
    """
    schema = SHEETS[name][0]
    dtype = {
        _header(column, lang): str  # type: ignore[arg-type]
        for column in schema.columns
        if _frame_dtype(column).kind in ("str", "value", "label", "code")
    }
    sheet = pd.read_excel(path, sheet_name=name, dtype=dtype if text else None)
    names = {_header(column, lang): column.name for column in schema.columns}  # type: ignore[arg-type]
    assert set(sheet.columns) == set(names), name
    return sheet.rename(columns=names)


@pytest.fixture(scope="module")
def portfolio() -> frivillig.Portfolio:
    """A small generated portfolio with a comment and a formula-like title in it, and hours
    logged by its volunteers."""
    generated = frivillig.generate_portfolio(7, 20)
    first = next(c for c in generated.collaborations if c.rounds and c.rounds[0].responses)
    round_ = first.rounds[0]
    response = attrs.evolve(round_.responses[0], comment="Ring til Else på 211062-5629")
    round_ = attrs.evolve(round_, responses=(response, *round_.responses[1:]))
    changed = attrs.evolve(
        first, title='=HYPERLINK("x")\x01 Besøg', rounds=(round_, *first.rounds[1:])
    )
    others = tuple(c for c in generated.collaborations if c is not first)
    collaborations = tuple(_logged(c) for c in (changed, *others))
    assert any(c.time_logs for c in collaborations)
    return attrs.evolve(generated, collaborations=collaborations)


def _logged(collaboration: frivillig.Collaboration) -> frivillig.Collaboration:
    """The collaboration with hours logged by each assigned volunteer in its first month."""
    month = frivillig.month_of(collaboration.start_on)
    logs = tuple(
        frivillig.TimeLog(volunteer=volunteer, task=task.id, month=month, hours=1.5 + index)
        for index, (task, volunteer) in enumerate(
            (task, volunteer) for task in collaboration.tasks for volunteer in task.volunteers
        )
    )
    return attrs.evolve(collaboration, time_logs=logs)


@pytest.fixture(scope="module", params=["en", "da"])
def written(
    request: pytest.FixtureRequest, portfolio: frivillig.Portfolio, tmp_path_factory: Any
) -> tuple[str, Path, dict[str, int]]:
    lang = request.param
    path = tmp_path_factory.mktemp(f"xlsx-{lang}") / "report.xlsx"
    counts = records.to_xlsx(portfolio, path, today=TODAY, lang=lang)
    return lang, path, counts


def _expected(portfolio: frivillig.Portfolio, name: str, lang: str) -> Any:
    schema, make = SHEETS[name]
    options = records._xlsx._Options(TODAY, lang, None, False)  # type: ignore[arg-type]
    rows = list(make(list(portfolio.collaborations), options))
    return records.to_pandas(rows, schema, lang=lang)  # type: ignore[arg-type]


def _as_excel_holds(series: Any, kind: str) -> Any:
    """The column converted to what survives Excel, so both sides compare alike."""
    if kind in ("int", "float"):
        return series.astype("Float64")
    if kind == "bool":
        return series.astype("boolean")
    if kind == "date":
        return series.astype("datetime64[ns]")
    return pd.Series(
        [None if pd.isna(v) or v == "" else _EXCEL_TEXT.sub("\ufffd", str(v)) for v in series],
        dtype=object,
    )


def test_every_table_is_a_sheet_in_order(written: tuple[str, Path, dict[str, int]]) -> None:
    _, path, counts = written
    assert list(counts) == SHEET_NAMES
    assert openpyxl.load_workbook(path).sheetnames == SHEET_NAMES
    assert all(counts[name] > 0 for name in SHEET_NAMES)


def test_sheets_read_back_as_to_pandas_makes_them(
    written: tuple[str, Path, dict[str, int]], portfolio: frivillig.Portfolio
) -> None:
    lang, path, counts = written
    for name in SHEET_NAMES:
        expected = _expected(portfolio, name, lang)
        got = _read(path, lang, name, text=True)
        assert list(got.columns) == list(expected.columns), name
        assert len(got) == len(expected) == counts[name], name
        schema = SHEETS[name][0]
        for column in schema.columns:
            kind = _frame_dtype(column).kind
            left = _as_excel_holds(got[column.name], kind)
            right = _as_excel_holds(expected[column.name], kind)
            pd.testing.assert_series_equal(
                left, right, check_names=False, obj=f"{name}.{column.name}"
            )


def test_cells_hold_real_dates_numbers_and_bools(
    written: tuple[str, Path, dict[str, int]],
) -> None:
    lang, path, _ = written
    collaborations = _read(path, lang, "collaborations")
    assert str(collaborations["start_on"].dtype).startswith("datetime64")
    assert collaborations["participant_count"].dtype == "int64"
    assert collaborations["has_agreement"].dtype == bool
    assert pd.api.types.is_float_dtype(collaborations["score_collaboration_health"])
    sheet = openpyxl.load_workbook(path)["collaborations"]
    start = list(SHEETS["collaborations"][0]).index("start_on") + 1
    cell = sheet.cell(row=2, column=start)
    assert isinstance(cell.value, dt.datetime)
    assert cell.number_format == "yyyy-mm-dd"


def test_text_of_digits_is_a_text_cell(written: tuple[str, Path, dict[str, int]]) -> None:
    _, path, _ = written
    sheet = openpyxl.load_workbook(path)["participants"]
    column = list(records.PARTICIPANT_COLUMNS).index("cvr") + 1
    cells = [sheet.cell(row=r, column=column) for r in range(2, sheet.max_row + 1)]
    numbers = [cell for cell in cells if cell.value is not None]
    assert numbers
    assert all(isinstance(cell.value, str) and cell.value.isdigit() for cell in numbers)


def test_header_frozen_filter_over_the_table_and_widths(
    written: tuple[str, Path, dict[str, int]],
) -> None:
    lang, path, counts = written
    workbook = openpyxl.load_workbook(path)
    for name in SHEET_NAMES:
        sheet = workbook[name]
        width = len(SHEETS[name][0])
        first = _header(SHEETS[name][0].columns[0], lang)  # type: ignore[arg-type]
        last = openpyxl.utils.get_column_letter(width)
        assert sheet.freeze_panes == "A2", name
        assert sheet.auto_filter.ref == f"A1:{last}{counts[name] + 1}", name
        widths = [sheet.column_dimensions[openpyxl.utils.get_column_letter(i)].width
                  for i in range(1, width + 1)]  # fmt: skip
        assert all(6 <= w <= 50 for w in widths), name
        assert widths[0] >= len(first) + 2, name


def test_danish_labels_under_headers_in_the_language(
    written: tuple[str, Path, dict[str, int]],
) -> None:
    lang, path, _ = written
    workbook = openpyxl.load_workbook(path)
    goals = workbook["goals"]
    headers = [cell.value for cell in goals[1]]
    expected_headers = [_header(c, lang) for c in records.GOAL_COLUMNS.columns]  # type: ignore[arg-type]
    assert headers == (list(records.GOAL_COLUMNS) if lang == "en" else expected_headers)
    column = list(records.GOAL_COLUMNS).index("status_label") + 1
    labels = {goals.cell(row=r, column=column).value for r in range(2, goals.max_row + 1)}
    expected = {status.label(lang) for status in frivillig.GoalStatus}  # type: ignore[arg-type]
    assert labels <= expected
    if lang == "da":
        assert labels - {status.label("en") for status in frivillig.GoalStatus}


def test_danish_headers_are_the_titles_frozen_and_filtered(
    portfolio: frivillig.Portfolio, tmp_path: Path
) -> None:
    path = tmp_path / "da.xlsx"
    counts = records.to_xlsx(portfolio, path, today=TODAY, lang="da")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == SHEET_NAMES  # the table names, in either language
    for name in SHEET_NAMES:
        schema = SHEETS[name][0]
        sheet = workbook[name]
        headers = [cell.value for cell in sheet[1]]
        assert headers == [column.title_da for column in schema.columns], name
        assert not set(headers) & set(schema), name  # no header is left a column name
        last = openpyxl.utils.get_column_letter(len(schema))
        assert sheet.freeze_panes == "A2", name
        assert sheet.auto_filter.ref == f"A1:{last}{counts[name] + 1}", name
    collaborations = [cell.value for cell in workbook["collaborations"][1]]
    assert {"Samarbejde (id)", "Kommunekode", "Startdato"} <= set(collaborations)
    assert "Samarbejdets sundhed (score)" in collaborations
    assert "Dækning: Samarbejdets sundhed" in collaborations


_TABLES = (*records.COLUMNS.values(), records.SCORED_COLLABORATION_COLUMNS)


@pytest.mark.parametrize("schema", _TABLES, ids=lambda schema: schema.name)
def test_every_column_has_a_danish_title_unique_in_its_table(schema: records.Schema) -> None:
    titles = [column.title_da for column in schema.columns]
    assert all(isinstance(t, str) and t.strip() == t and t for t in titles), schema.name
    assert len(set(titles)) == len(titles), schema.name
    for column in schema.columns:
        assert _header(column, "en") == column.name
        assert _header(column, "da") == column.title_da
        if column.label:  # the label column has the title; its value column is "(kode)"
            assert (
                schema[column.name.removesuffix("_label")].title_da == f"{column.title_da} (kode)"
            )


def test_a_danish_title_is_checked_and_optional() -> None:
    with pytest.raises(ArgumentTypeError, match="title_da"):
        records.Column(name="x", type=str, description="X.", title_da=5)  # type: ignore[arg-type]
    with pytest.raises(ArgumentValueError, match="title_da"):
        records.Column(name="x", type=str, description="X.", title_da=" ")
    untitled = records.Column(name="x", type=str, description="X.")
    assert untitled.title_da is None
    assert _header(untitled, "da") == _header(untitled, "en") == "x"
    twice = records.Column(name="y", type=str, description="Y.", title_da="Mål (id)")
    with pytest.raises(ArgumentValueError, match="Danish title 'Mål \\(id\\)' is used twice"):
        records.GOAL_COLUMNS.extend(twice)
    assert _header(records.GOAL_COLUMNS.extend(untitled)["x"], "da") == "x"


def test_text_is_never_a_formula_and_control_characters_are_replaced(
    written: tuple[str, Path, dict[str, int]],
) -> None:
    _, path, _ = written
    sheet = openpyxl.load_workbook(path)["collaborations"]
    column = list(records.COLLABORATION_COLUMNS).index("title") + 1
    titles = [sheet.cell(row=r, column=column) for r in range(2, sheet.max_row + 1)]
    formula = [cell for cell in titles if str(cell.value).startswith("=")]
    assert [cell.value for cell in formula] == ['=HYPERLINK("x")\N{REPLACEMENT CHARACTER} Besøg']
    assert formula[0].data_type == "s"


def _all_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())


def test_no_personal_field_reaches_the_file(
    written: tuple[str, Path, dict[str, int]], portfolio: frivillig.Portfolio
) -> None:
    lang, path, _ = written
    text = _all_text(path)
    assert "Else" not in text
    assert "211062" not in text
    responses = _read(path, lang, "responses")
    assert responses["comment"].isna().all()
    # No value of a field redact drops is anywhere in the file: volunteers, role
    # holders, descriptions, notes, summaries, comments, the agreement's reference.
    redacted = frivillig.redact(portfolio)
    dropped = _dropped_texts(portfolio) - _dropped_texts(redacted)
    assert dropped, "the portfolio should hold some text redact drops"
    assert not {value for value in dropped if value in text}
    assert REDACTION  # the list the test follows


def _dropped_texts(portfolio: frivillig.Portfolio) -> set[str]:
    """Every text of the portfolio (long enough to find) from a field redact may drop."""
    found: set[str] = set()
    for collaboration in portfolio.collaborations:
        for volunteer in collaboration.volunteers:
            found.update(_texts(attrs.asdict(volunteer, recurse=True)))
        found.update(collaboration.responsibility_holders.values())
        for name in ("description",):
            value = getattr(collaboration, name, None)
            if isinstance(value, str):
                found.add(value)
        for round_ in collaboration.rounds:
            found.update(r.comment for r in round_.responses if r.comment)
            summary = getattr(round_, "summary", None)
            if isinstance(summary, str):
                found.add(summary)
    ids = {p.id for c in portfolio.collaborations for p in c.participants}
    return {text for text in found if isinstance(text, str) and len(text) >= 6} - ids


def _texts(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return {t for item in value.values() for t in _texts(item)}
    if isinstance(value, list | tuple | set | frozenset):
        return {t for item in value for t in _texts(item)}
    return set()


def test_include_personal_fills_the_comment_masked(
    portfolio: frivillig.Portfolio, tmp_path: Path
) -> None:
    path = tmp_path / "personal.xlsx"
    records.to_xlsx(portfolio, path, today=TODAY, include_personal=True)
    comments = pd.read_excel(path, sheet_name="responses")["comment"].dropna().tolist()
    assert "Ring til Else på [CPR]" in comments
    assert "211062" not in _all_text(path)


def test_two_exports_are_byte_identical(portfolio: frivillig.Portfolio, tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    records.to_xlsx(portfolio, first, today=TODAY, lang="da")
    records.to_xlsx(portfolio, second, today=TODAY, lang="da")
    assert first.read_bytes() == second.read_bytes()
    properties = openpyxl.load_workbook(first).properties
    assert properties.created == properties.modified == dt.datetime(2026, 11, 27)  # noqa: DTZ001
    assert properties.creator == "frivillig"
    other = tmp_path / "c.xlsx"
    records.to_xlsx(portfolio, other, today=TODAY, lang="en")
    assert other.read_bytes() != first.read_bytes()


def test_a_failing_write_leaves_the_file_that_was_there(
    portfolio: frivillig.Portfolio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.xlsx"
    path.write_bytes(b"the old report")

    def fail(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="No space"):
        records.to_xlsx(portfolio, path, today=TODAY)
    assert path.read_bytes() == b"the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]


def test_a_failing_table_leaves_the_file_that_was_there(
    portfolio: frivillig.Portfolio, tmp_path: Path
) -> None:
    path = tmp_path / "report.xlsx"
    path.write_bytes(b"the old report")
    broken = [*portfolio.collaborations, "not a collaboration"]
    with pytest.raises(ArgumentTypeError):
        records.to_xlsx(broken, path, today=TODAY)  # type: ignore[arg-type]
    assert path.read_bytes() == b"the old report"


def test_missing_openpyxl_says_which_extra_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.import_module

    def without(name: str, package: str | None = None) -> object:
        if name == "openpyxl":
            raise ModuleNotFoundError(name)
        return real(name, package)

    monkeypatch.setattr(records.importlib, "import_module", without)
    with pytest.raises(records.MissingExtraError, match=r"frivillig\[xlsx\]"):
        records.to_xlsx(frivillig.load_example(), tmp_path / "r.xlsx", today=TODAY)
    assert not (tmp_path / "r.xlsx").exists()


def test_arguments_are_checked_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    example = frivillig.load_example()
    with pytest.raises(ArgumentTypeError):
        records.to_xlsx(example, path, today="2026-11-27")  # type: ignore[arg-type]
    with pytest.raises(ArgumentValueError):
        records.to_xlsx(example, path, today=TODAY, lang="DA")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        records.to_xlsx(example, path, today=TODAY, include_personal="yes")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        records.to_xlsx(example, path, today=TODAY, rulebook="default")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        records.to_xlsx(example, 5, today=TODAY)  # type: ignore[arg-type]
    assert not path.exists()


# -- the command -----------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_exports_every_table_to_a_workbook(
    portfolio: frivillig.Portfolio, tmp_path: Path
) -> None:
    source = tmp_path / "portfolio.json"
    frivillig.dump(portfolio, source)
    path = tmp_path / "out.xlsx"
    code, out, err = run(
        "--lang", "da", "export", str(source), "--today", TODAY.isoformat(),
        "--format", "xlsx", "-o", str(path),
    )  # fmt: skip
    assert code == 0, err
    assert f"skrev {path}" in out
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == SHEET_NAMES
    direct = tmp_path / "direct.xlsx"
    loaded = frivillig.load(source)
    assert isinstance(loaded, frivillig.Portfolio)
    records.to_xlsx(loaded, direct, today=TODAY, lang="da")
    assert path.read_bytes() == direct.read_bytes()
    assert "211062" not in _all_text(path)


def test_cli_takes_the_format_from_the_name_and_needs_a_file(tmp_path: Path) -> None:
    path = tmp_path / "example.xlsx"
    code, out, err = run("export", "-o", str(path))
    assert code == 0, err
    assert "rows" in out
    assert pd.read_excel(path, sheet_name="collaborations").shape[0] == 1
    code, _, err = run("export", "--format", "xlsx")
    assert code == 2
    assert "-o OUT.xlsx" in err
