"""The hours table: logged hours added up over the volunteers of each task and month."""

import csv
import datetime as dt
import io
import math
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import Collaboration, Portfolio, WorkCategory, records
from frivillig import strategies as fs
from frivillig._cli import main
from frivillig.errors import ArgumentTypeError, ArgumentValueError

D = dt.date
EXAMPLE = frivillig.load_example()
VOLUNTEER_IDS = {volunteer.id for volunteer in EXAMPLE.volunteers}

# Worked by hand from src/frivillig/data/examples/visiting_friends.json: the 41 logs of
# v01-v05 added up per task (in the collaboration's order: besoegsven, then
# aktivitetsudvalg) and month. (task, month, volunteers, hours, the logs added up)
EXPECTED = [
    ("besoegsven", D(2026, 3, 1), 2, 7.0),  # v01 4 + v02 3
    ("besoegsven", D(2026, 4, 1), 4, 23.5),  # 8.5 + 7 + 6 + 2
    ("besoegsven", D(2026, 5, 1), 4, 30.5),  # 9 + 8 + 7 + 6.5
    ("besoegsven", D(2026, 6, 1), 4, 30.0),  # 7.5 + 6.5 + 8 + 8
    ("besoegsven", D(2026, 7, 1), 3, 16.5),  # v01 6 + v03 7.5 + v04 3 (v02 logged none)
    ("besoegsven", D(2026, 8, 1), 4, 29.5),  # 8 + 7 + 6 + 8.5
    ("besoegsven", D(2026, 9, 1), 4, 31.5),  # 9.5 + 8 + 8 + 6
    ("besoegsven", D(2026, 10, 1), 4, 27.5),  # 8 + 7.5 + 7 + 5
    ("aktivitetsudvalg", D(2026, 4, 1), 2, 5.0),  # v02 2 + v05 3
    ("aktivitetsudvalg", D(2026, 5, 1), 2, 7.0),  # 3 + 4
    ("aktivitetsudvalg", D(2026, 6, 1), 2, 6.0),  # 2.5 + 3.5
    ("aktivitetsudvalg", D(2026, 8, 1), 2, 8.0),  # 4 + 4 (no log in July)
    ("aktivitetsudvalg", D(2026, 9, 1), 2, 7.5),  # 3 + 4.5
    ("aktivitetsudvalg", D(2026, 10, 1), 2, 7.5),  # 3.5 + 4
]


def _shown(rows: list[dict[str, Any]]) -> list[tuple[str, dt.date, int, float]]:
    return [(r["task_id"], r["month"], r["volunteers"], r["hours"]) for r in rows]


# -- worked figures --------------------------------------------------------------------------


def test_default_rows_of_the_example_by_hand() -> None:
    rows = list(records.hours_records(EXAMPLE, lang="da"))
    assert _shown(rows) == EXPECTED
    assert math.fsum(r["hours"] for r in rows) == 237.0
    for row in rows:
        assert list(row) == list(records.HOURS_COLUMNS)
        assert row["collaboration_id"] == "kbh-valmuen-besoegsvenner"
        assert row["municipality_code"] == EXAMPLE.municipality_code
        assert row["volunteer_id"] is None
        assert type(row["volunteers"]) is int
        assert type(row["hours"]) is float
        assert type(row["month"]) is dt.date
        assert row["month"].day == 1
        if row["task_id"] == "besoegsven":
            assert row["work_category"] == "activity"
            assert row["work_category_label"] == WorkCategory.ACTIVITY.da
        else:  # not recorded for the committee: empty, never a guess
            assert row["work_category"] is None
            assert row["work_category_label"] is None
    english = list(records.hours_records(EXAMPLE))
    assert english[0]["work_category_label"] == WorkCategory.ACTIVITY.en


def test_default_rows_hold_no_volunteer_id() -> None:
    rows = list(records.hours_records(EXAMPLE))
    values = {value for row in rows for value in row.values()}
    assert not values & VOLUNTEER_IDS
    assert all(row["volunteer_id"] is None for row in rows)


def test_personal_rows_of_the_example_are_its_logs() -> None:
    rows = list(records.hours_records(EXAMPLE, include_personal=True))
    assert len(rows) == 41
    assert all(row["volunteers"] == 1 for row in rows)
    assert {row["volunteer_id"] for row in rows} == VOLUNTEER_IDS
    logs = {(log.volunteer, log.task, log.month): log.hours for log in EXAMPLE.time_logs}
    assert {(r["volunteer_id"], r["task_id"], r["month"]): r["hours"] for r in rows} == logs
    assert list(rows[0]) == list(records.HOURS_COLUMNS)
    # Task, then month, then the volunteers in the collaboration's order.
    assert [(r["task_id"], r["month"], r["volunteer_id"]) for r in rows[:3]] == [
        ("besoegsven", D(2026, 3, 1), "v01"),
        ("besoegsven", D(2026, 3, 1), "v02"),
        ("besoegsven", D(2026, 4, 1), "v01"),
    ]


def test_a_collaboration_without_logs_has_no_rows() -> None:
    assert list(records.hours_records(attrs.evolve(EXAMPLE, time_logs=()))) == []
    assert list(records.hours_records(frivillig.redact(EXAMPLE))) == []


def test_a_portfolio_gives_its_collaborations_in_order() -> None:
    second = attrs.evolve(EXAMPLE, id="kbh-valmuen-2027")
    portfolio = Portfolio(id="kbh", title="København", collaborations=(second, EXAMPLE))
    rows = list(records.hours_records(portfolio))
    assert [r["collaboration_id"] for r in rows] == ["kbh-valmuen-2027"] * 14 + [EXAMPLE.id] * 14
    assert _shown(rows[14:]) == EXPECTED


def test_pseudonymised_collaborations_give_the_same_default_rows() -> None:
    export = frivillig.pseudonymise(EXAMPLE, key=bytes(range(32)))
    assert list(records.hours_records(export)) == list(records.hours_records(EXAMPLE))


def test_bad_arguments_are_the_callers_mistake() -> None:
    with pytest.raises(ArgumentTypeError, match="include_personal"):
        records.hours_records(EXAMPLE, include_personal="yes")  # type: ignore[arg-type]
    with pytest.raises(ArgumentValueError):
        records.hours_records(EXAMPLE, lang="fr")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        list(records.hours_records([EXAMPLE.tasks[0]]))  # type: ignore[list-item]


def test_the_schema_is_registered_and_titled_in_danish() -> None:
    assert records.COLUMNS["hours"] is records.HOURS_COLUMNS
    assert records.HOURS_COLUMNS.name == "hours"
    assert "hours_records" in records.__all__
    assert "HOURS_COLUMNS" in records.__all__
    assert list(records.HOURS_COLUMNS) == [
        "collaboration_id",
        "municipality_code",
        "task_id",
        "work_category",
        "work_category_label",
        "month",
        "volunteers",
        "hours",
        "volunteer_id",
    ]
    assert records.HOURS_COLUMNS["volunteer_id"].nullable
    assert not records.HOURS_COLUMNS["hours"].nullable
    titles = [column.title_da for column in records.HOURS_COLUMNS.columns]
    assert all(titles)
    assert len(set(titles)) == len(titles)
    # The same column names as the tasks, with the same types: the tables join.
    for name in ("task_id", "work_category", "work_category_label"):
        assert records.HOURS_COLUMNS[name] == records.TASK_COLUMNS[name]


# -- properties ------------------------------------------------------------------------------


def _keys(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["collaboration_id"], row["task_id"], row["month"])


@settings(max_examples=80, deadline=None)
@given(collaboration=fs.collaborations(max_time_logs=6), lang=st.sampled_from(["da", "en"]))
def test_personal_rows_add_up_to_the_default_rows(collaboration: Collaboration, lang: str) -> None:
    default = list(records.hours_records(collaboration, lang=lang))  # type: ignore[arg-type]
    personal = list(records.hours_records(collaboration, lang=lang, include_personal=True))  # type: ignore[arg-type]
    assert len(personal) == len(collaboration.time_logs)
    assert all(row["volunteers"] == 1 and row["volunteer_id"] for row in personal)
    assert all(row["volunteer_id"] is None for row in default)
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for row in personal:
        groups.setdefault(_keys(row), []).append(row)
    # The groups of personal rows come in the order of the default rows, one per row.
    assert list(groups) == [_keys(row) for row in default]
    for row in default:
        group = groups[_keys(row)]
        assert row["volunteers"] == len(group) == len({r["volunteer_id"] for r in group})
        assert row["hours"] == math.fsum(r["hours"] for r in group)
        for other in group:
            assert {**other, "volunteers": 0, "hours": 0.0, "volunteer_id": None} == {
                **row,
                "volunteers": 0,
                "hours": 0.0,
            }
    total = math.fsum(log.hours for log in collaboration.time_logs)
    assert math.fsum(row["hours"] for row in default) == pytest.approx(total)


@settings(max_examples=80, deadline=None)
@given(collaboration=fs.collaborations(max_time_logs=6), data=st.data())
def test_rows_do_not_depend_on_the_order_of_the_logs(
    collaboration: Collaboration, data: st.DataObject
) -> None:
    shuffled = attrs.evolve(
        collaboration, time_logs=data.draw(st.permutations(collaboration.time_logs))
    )
    for personal in (False, True):
        assert list(records.hours_records(shuffled, include_personal=personal)) == list(
            records.hours_records(collaboration, include_personal=personal)
        )


@settings(max_examples=60, deadline=None)
@given(collaboration=fs.collaborations(max_time_logs=6))
def test_rows_follow_the_task_order_then_the_month(collaboration: Collaboration) -> None:
    rank = {task.id: index for index, task in enumerate(collaboration.tasks)}
    rows = list(records.hours_records(collaboration))
    order = [(rank[row["task_id"]], row["month"]) for row in rows]
    assert order == sorted(order)
    assert len(set(order)) == len(order)
    for row in rows:
        category = next(t for t in collaboration.tasks if t.id == row["task_id"]).work_category
        assert row["work_category"] == (None if category is None else category.value)


def test_the_example_shuffled_gives_the_same_rows() -> None:
    shuffled = attrs.evolve(EXAMPLE, time_logs=tuple(reversed(EXAMPLE.time_logs)))
    assert _shown(list(records.hours_records(shuffled))) == EXPECTED
    assert list(records.hours_records(shuffled, include_personal=True)) == list(
        records.hours_records(EXAMPLE, include_personal=True)
    )


# -- DataFrames ------------------------------------------------------------------------------


def test_to_pandas_gives_the_declared_dtypes() -> None:
    pd = pytest.importorskip("pandas")
    frame = records.to_pandas(records.hours_records(EXAMPLE, lang="da"), records.HOURS_COLUMNS)
    assert list(frame.columns) == list(records.HOURS_COLUMNS)
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert dtypes == {
        "collaboration_id": "string",
        "municipality_code": "Int64",
        "task_id": "string",
        "work_category": "category",
        "work_category_label": "category",
        "month": "datetime64[ns]",
        "volunteers": "int64",
        "hours": "float64",
        "volunteer_id": "string",
    }
    assert list(frame["work_category"].cat.categories) == [m.value for m in WorkCategory]
    assert list(frame["work_category_label"].cat.categories) == [m.da for m in WorkCategory]
    assert frame["volunteer_id"].isna().all()
    assert frame["month"].iloc[0] == pd.Timestamp(2026, 3, 1)
    assert frame["hours"].sum() == 237.0
    # The same dtypes as the task table, so they join on the task.
    tasks = records.to_pandas(records.task_records(EXAMPLE, lang="da"), records.TASK_COLUMNS)
    joined = frame.merge(
        tasks[["collaboration_id", "municipality_code", "task_id", "title"]],
        on=["collaboration_id", "municipality_code", "task_id"],
        validate="many_to_one",
    )
    assert len(joined) == len(frame)
    personal = records.to_pandas(
        records.hours_records(EXAMPLE, lang="da", include_personal=True), records.HOURS_COLUMNS
    )
    assert personal.dtypes.to_dict() == frame.dtypes.to_dict()
    assert len(personal) == 41
    assert set(personal["volunteer_id"]) == VOLUNTEER_IDS


def test_to_polars_gives_the_declared_dtypes() -> None:
    pl = pytest.importorskip("polars")
    rows = list(records.hours_records(EXAMPLE))
    frame = records.to_polars(rows, records.HOURS_COLUMNS)
    assert frame.schema["month"] == pl.Date
    assert frame.schema["volunteers"] == pl.Int64
    assert frame.schema["hours"] == pl.Float64
    assert frame.schema["volunteer_id"] == pl.String
    assert frame.schema["work_category"] == pl.Enum([m.value for m in WorkCategory])
    assert frame.row(0, named=True) == rows[0]


# -- the workbook and the command ------------------------------------------------------------


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        names = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        shared = "xl/sharedStrings.xml"
        texts = [archive.read(name).decode("utf-8") for name in names]
        if shared in archive.namelist():
            texts.append(archive.read(shared).decode("utf-8"))
    return "\n".join(texts)


@pytest.mark.parametrize("personal", [False, True])
def test_the_workbook_has_the_hours_added_up(tmp_path: Path, personal: bool) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("openpyxl")
    path = tmp_path / "report.xlsx"
    counts = records.to_xlsx(
        EXAMPLE, path, today=D(2026, 11, 27), lang="da", include_personal=personal
    )
    assert counts["hours"] == 14
    assert list(counts).index("hours") == list(counts).index("ratings") + 1
    sheet = pd.read_excel(path, sheet_name="hours")
    names = {column.title_da: column.name for column in records.HOURS_COLUMNS.columns}
    sheet = sheet.rename(columns=names)
    assert list(sheet.columns) == list(records.HOURS_COLUMNS)
    months = [stamp.date() for stamp in pd.to_datetime(sheet["month"])]
    got = list(zip(sheet["task_id"], months, sheet["volunteers"], sheet["hours"], strict=True))
    assert got == EXPECTED
    assert sheet["volunteer_id"].isna().all()
    # No volunteer's id is anywhere in the workbook, include_personal or not.
    text = _sheet_xml(path)
    for volunteer_id in VOLUNTEER_IDS:
        assert f">{volunteer_id}<" not in text


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("personal", [(), ("--include-personal",)])
def test_export_writes_the_hours_added_up(personal: tuple[str, ...]) -> None:
    code, out, err = run("export", "--table", "hours", *personal)
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(records.HOURS_COLUMNS)
    got = [
        (r["task_id"], D.fromisoformat(r["month"]), int(r["volunteers"]), float(r["hours"]))
        for r in rows
    ]
    assert got == EXPECTED
    assert all(r["volunteer_id"] == "" for r in rows)
    assert not VOLUNTEER_IDS & {value for row in rows for value in row.values()}
