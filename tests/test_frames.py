"""The DataFrames' dtype contract: one declared dtype per column name, full categories.

So frames of every table join on their keys without a cast, and frames of two batches
concatenate keeping every dtype, in pandas and in polars.
"""

import datetime as dt
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import records, strategies, synthetic
from frivillig.errors import ArgumentTypeError, ArgumentValueError
from frivillig.records import COLUMNS, Column, Schema

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

TODAY = dt.date(2026, 10, 1)
LANGUAGES = ("da", "en")
SCHEMAS: dict[str, Schema] = {**COLUMNS, "scored": records.SCORED_COLLABORATION_COLUMNS}
"""Every table the record functions make, the scored collaborations included."""
BY_TABLE = {"status", "status_label"}
"""The names whose enumeration differs by table (a collaboration's and a goal's status)."""
REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "records.md"


def rows_of(table: str, items: Any, lang: str) -> list[dict[str, Any]]:
    if table == "scored":
        extra = records.score_columns(today=TODAY)
        return list(records.collaboration_records(items, lang=lang, extra=extra))  # type: ignore[arg-type]
    if table == "finding":
        return list(records.finding_records(items, today=TODAY, lang=lang))  # type: ignore[arg-type]
    if table == "response":
        return list(records.response_records(items, lang=lang, include_personal=True))  # type: ignore[arg-type]
    if table == "hours":
        return list(records.hours_records(items, lang=lang, include_personal=True))  # type: ignore[arg-type]
    function = getattr(records, f"{table}_records")
    if table in ("progress", "answer"):
        return list(function(items))
    return list(function(items, lang=lang))


def _batch(seed: int) -> frivillig.Portfolio:
    """A portfolio drawn with ``seed``, and the example (under an id of the batch's own),
    whose time logs give the hours table rows."""
    generated = synthetic.generate_portfolio(seed, 40)
    example = frivillig.load_example()
    logged = attrs.evolve(example, id=f"{example.id}-{seed}")
    return attrs.evolve(generated, collaborations=(*generated.collaborations, logged))


@pytest.fixture(scope="module")
def batches() -> tuple[frivillig.Portfolio, frivillig.Portfolio]:
    """Two batches: portfolios drawn with different seeds."""
    return _batch(11), _batch(12)


Cache = dict[tuple[str, str, int], tuple[list[dict[str, Any]], Any, Any]]


@pytest.fixture(scope="module")
def made(batches: tuple[frivillig.Portfolio, frivillig.Portfolio]) -> Cache:
    """Rows, a pandas and a polars frame per (table, language, batch), made once."""
    cache: Cache = {}
    for table, schema in SCHEMAS.items():
        for lang in LANGUAGES:
            for index, batch in enumerate(batches):
                rows = rows_of(table, batch, lang)
                assert rows, (table, index)
                cache[table, lang, index] = (
                    rows,
                    records.to_pandas(rows, schema),
                    records.to_polars(rows, schema),
                )
    return cache


def declared_categories(column: Column, lang: str) -> list[str]:
    """Every category a column carries, whatever rows are present."""
    if column.name == "code":
        return [rule.code for rule in frivillig.DEFAULT_RULEBOOK]
    assert column.enum is not None
    if column.label:
        return [member.label(lang) for member in column.enum]  # type: ignore[arg-type]
    return [member.value for member in column.enum]


def is_categorical(column: Column) -> bool:
    return column.enum is not None or column.name == "code"


# -- the declared table ------------------------------------------------------------------------


def test_the_declared_table_gives_every_column_name_one_dtype() -> None:
    declared = records._DTYPES
    names = {column.name for schema in SCHEMAS.values() for column in schema.columns}
    assert set(declared) == names
    for schema in SCHEMAS.values():
        for column in schema.columns:
            dtype = declared[column.name]
            assert dtype.categorical == is_categorical(column), column.name
            if column.nullable:
                assert dtype.nullable, column.name
    # A nullable integer in one table is a nullable integer in every table.
    assert declared["municipality_code"].pandas == "Int64"
    assert declared["round_number"].pandas == "int64"
    assert declared["satisfaction"].pandas == "Int64"
    assert declared["code"].polars == "Categorical"


def test_a_column_typed_two_ways_is_refused_when_the_module_loads() -> None:
    one = Column(name="amount", type=int, description="A count.")
    other = Column(name="amount", type=float, description="A share.")
    with pytest.raises(TypeError, match="amount"):
        records._declare([one, other])
    # Nullable in one table makes it nullable in all.
    table = records._declare([one, attrs.evolve(one, nullable=True)])
    assert table["amount"].pandas == "Int64"


def test_the_reference_page_lists_the_declared_dtypes() -> None:
    page = REFERENCE.read_text(encoding="utf-8")
    found = re.search(r"<!-- dtypes:start -->\n(.*?)<!-- dtypes:end -->", page, re.DOTALL)
    assert found, "docs/reference/records.md lacks the dtype table's markers"
    expected = records._dtype_table()
    assert found.group(1) == expected, (
        "The dtype table of docs/reference/records.md is out of date; replace the lines "
        "between its markers with the output of\n"
        "python -c 'from frivillig import records; print(records._dtype_table(), end=\"\")'"
    )


# -- each table ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("table", list(SCHEMAS))
def test_every_pandas_column_has_its_declared_dtype(made: Cache, table: str, lang: str) -> None:
    schema = SCHEMAS[table]
    _, frame, _ = made[table, lang, 0]
    assert list(frame.columns) == list(schema)
    for column in schema.columns:
        dtype = frame[column.name].dtype
        declared = records._DTYPES[column.name]
        assert str(dtype) == declared.pandas, (table, column.name)
        if is_categorical(column):
            assert list(dtype.categories) == declared_categories(column, lang), column.name
            assert dtype.ordered == column.ordered, column.name


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("table", list(SCHEMAS))
def test_every_polars_column_has_its_declared_dtype(made: Cache, table: str, lang: str) -> None:
    schema = SCHEMAS[table]
    rows, _, frame = made[table, lang, 0]
    assert frame.columns == list(schema)
    for column in schema.columns:
        dtype = frame.schema[column.name]
        if column.enum is not None:
            assert dtype == pl.Enum(declared_categories(column, lang)), column.name
        else:
            assert dtype == getattr(pl, records._DTYPES[column.name].polars), column.name
    assert frame.row(0, named=True) == rows[0]


def test_a_column_name_has_the_same_dtype_in_every_table(made: Cache) -> None:
    pandas_dtypes: dict[str, list[Any]] = {}
    polars_dtypes: dict[str, list[Any]] = {}
    for table in SCHEMAS:
        _, frame, polars_frame = made[table, "en", 0]
        for name in frame.columns:
            pandas_dtypes.setdefault(name, []).append(frame[name].dtype)
            polars_dtypes.setdefault(name, []).append(polars_frame.schema[name])
    shared = [name for name, dtypes in pandas_dtypes.items() if len(dtypes) > 1]
    assert {"collaboration_id", "municipality_code", "title", "value", "baseline"} <= set(shared)
    for name in shared:
        if name in BY_TABLE:
            # Each table's status is a categorical of its own enumeration.
            assert all(str(dtype) == "category" for dtype in pandas_dtypes[name])
            assert all(isinstance(dtype, pl.Enum) for dtype in polars_dtypes[name])
            continue
        first, *others = pandas_dtypes[name]
        assert all(dtype == first for dtype in others), (name, pandas_dtypes[name])
        polars_first, *polars_others = polars_dtypes[name]
        assert all(dtype == polars_first for dtype in polars_others), name


# -- joins and concatenation -------------------------------------------------------------------


def test_the_tables_join_on_their_keys_without_a_cast(made: Cache) -> None:
    keys = ["collaboration_id", "municipality_code"]
    _, collaborations, polars_collaborations = made["collaboration", "da", 0]
    for table in ("participant", "goal", "task", "response", "hours", "finding", "scored"):
        _, frame, polars_frame = made[table, "da", 0]
        for key in keys:
            assert frame[key].dtype == collaborations[key].dtype, (table, key)
        joined = frame[keys].merge(collaborations[[*keys, "title"]], on=keys, validate="m:1")
        assert len(joined) == len(frame), table
        polars_joined = polars_frame.select(keys).join(
            polars_collaborations.select([*keys, "title"]), on=keys, how="inner"
        )
        assert polars_joined.height == polars_frame.height, table
    round_keys = [*keys, "round_id", "round_number", "held_on", "party_id"]
    _, responses, polars_responses = made["response", "en", 0]
    for table in ("progress", "answer"):
        _, frame, polars_frame = made[table, "en", 0]
        joined = frame[round_keys].merge(responses[round_keys], on=round_keys, validate="m:1")
        assert len(joined) == len(frame), table
        assert (
            polars_frame.select(round_keys).join(polars_responses.select(round_keys), on=round_keys)
        ).height == polars_frame.height


def test_findings_read_from_a_report_join_on_the_collaboration() -> None:
    broken = frivillig.load_example("limits_broken")
    report = frivillig.check(broken, today=TODAY)
    findings = records.to_pandas(records.finding_records(report), records.FINDING_COLUMNS)
    collaborations = records.to_pandas(
        records.collaboration_records(broken), records.COLLABORATION_COLUMNS
    )
    assert findings["municipality_code"].isna().all()
    assert findings["municipality_code"].dtype == collaborations["municipality_code"].dtype
    joined = findings.merge(collaborations, on="collaboration_id", suffixes=("", "_c"))
    assert len(joined) == len(report.findings)
    assert set(joined["municipality_code_c"]) == {broken.municipality_code}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("table", list(SCHEMAS))
def test_frames_of_two_batches_concatenate_keeping_every_dtype(
    made: Cache, table: str, lang: str
) -> None:
    rows_a, frame_a, polars_a = made[table, lang, 0]
    rows_b, frame_b, polars_b = made[table, lang, 1]
    both = pd.concat([frame_a, frame_b], ignore_index=True)
    assert both.dtypes.to_dict() == frame_a.dtypes.to_dict() == frame_b.dtypes.to_dict()
    # No value is lost on the way: what was empty is empty, and only that.
    assert both.isna().sum().to_dict() == (frame_a.isna().sum() + frame_b.isna().sum()).to_dict()
    polars_both = pl.concat([polars_a, polars_b])
    assert polars_both.schema == polars_a.schema == polars_b.schema
    assert polars_both.height == len(rows_a) + len(rows_b)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("table", list(SCHEMAS))
def test_empty_records_give_frames_with_every_column_and_dtype(
    made: Cache, table: str, lang: str
) -> None:
    schema = SCHEMAS[table]
    _, frame, polars_frame = made[table, lang, 0]
    empty = records.to_pandas([], schema, lang=lang)  # type: ignore[arg-type]
    assert empty.shape == (0, len(schema))
    assert empty.dtypes.to_dict() == frame.dtypes.to_dict()
    assert pd.concat([empty, frame]).dtypes.to_dict() == frame.dtypes.to_dict()
    polars_empty = records.to_polars(iter(()), schema, lang=lang)  # type: ignore[arg-type]
    assert polars_empty.shape == (0, len(schema))
    assert polars_empty.schema == polars_frame.schema
    assert pl.concat([polars_empty, polars_frame]).schema == polars_frame.schema


@settings(max_examples=15, deadline=None)
@given(
    first=strategies.portfolios(max_size=2),
    second=strategies.portfolios(max_size=2),
    lang=st.sampled_from(LANGUAGES),
)
def test_any_two_batches_concatenate_keeping_every_dtype(
    first: frivillig.Portfolio, second: frivillig.Portfolio, lang: str
) -> None:
    for table, schema in SCHEMAS.items():
        rows = [rows_of(table, batch, lang) for batch in (first, second)]
        # The language is named: a batch with no label, or labels that read alike in
        # both languages, cannot tell it.
        frames = [records.to_pandas(r, schema, lang=lang) for r in rows]  # type: ignore[arg-type]
        both = pd.concat(frames, ignore_index=True)
        assert both.dtypes.to_dict() == frames[0].dtypes.to_dict() == frames[1].dtypes.to_dict()
        assert len(both) == len(rows[0]) + len(rows[1])
        empty = frames[0].isna().sum() + frames[1].isna().sum()
        assert both.isna().sum().to_dict() == empty.to_dict()
        polars_frames = [records.to_polars(r, schema, lang=lang) for r in rows]  # type: ignore[arg-type]
        assert pl.concat(polars_frames).schema == polars_frames[0].schema


# -- categories ------------------------------------------------------------------------------------


def own_rulebook() -> frivillig.Rulebook:
    """The default rulebook and a municipality's own copy of FR101, as KBH201."""
    own = attrs.evolve(
        frivillig.DEFAULT_RULEBOOK.rule("FR101"), code="KBH201", name="kbh-authority"
    )
    return frivillig.DEFAULT_RULEBOOK.add(own)


def test_a_rule_of_ones_own_is_kept_and_named_with_its_rulebook() -> None:
    book = own_rulebook()
    builtin = [rule.code for rule in frivillig.DEFAULT_RULEBOOK]
    broken = frivillig.load_example("limits_broken")
    rows = list(records.finding_records(broken, today=TODAY, rulebook=book))
    assert "KBH201" in {row["code"] for row in rows}
    # Without the rulebook, its code is a category after the built-in ones, never NaN.
    frame = records.to_pandas(rows, records.FINDING_COLUMNS)
    assert list(frame["code"].cat.categories) == [*builtin, "KBH201"]
    assert not frame["code"].isna().any()
    assert list(frame["code"]) == [row["code"] for row in rows]
    # With it, every frame of that rulebook has the same categories, whatever rows it holds.
    clean = list(records.finding_records(frivillig.load_example(), today=TODAY, rulebook=book))
    frames = [records.to_pandas(r, records.FINDING_COLUMNS, rulebook=book) for r in (rows, clean)]
    assert list(frames[1]["code"].cat.categories) == [*builtin, "KBH201"]
    assert pd.concat(frames)["code"].dtype == frames[0]["code"].dtype
    # polars holds rule codes as a Categorical, which concatenates whatever codes are present.
    polars_frames = [records.to_polars(r, records.FINDING_COLUMNS) for r in (rows, clean)]
    assert pl.concat(polars_frames).schema["code"] == pl.Categorical
    assert pl.concat(polars_frames)["code"].to_list() == [row["code"] for row in rows + clean]


def test_a_value_outside_the_enumeration_is_kept_after_its_members() -> None:
    (row,) = records.collaboration_records(frivillig.load_example())
    odd = {**row, "status": "paused", "status_label": "sat på pause"}
    frame = records.to_pandas([row, odd], records.COLLABORATION_COLUMNS)
    members = [status.value for status in frivillig.LifecycleStatus]
    assert list(frame["status"].cat.categories) == [*members, "paused"]
    assert list(frame["status"]) == [row["status"], "paused"]
    assert frame["status_label"].iloc[1] == "sat på pause"
    polars_frame = records.to_polars([row, odd], records.COLLABORATION_COLUMNS)
    assert polars_frame["status"].to_list() == [row["status"], "paused"]


def test_the_language_of_the_labels_is_read_from_them_or_named() -> None:
    example = frivillig.load_example()
    danish = [m.da for m in frivillig.LifecycleStatus]
    english = [m.en for m in frivillig.LifecycleStatus]
    da_rows = list(records.collaboration_records(example, lang="da"))
    en_rows = list(records.collaboration_records(example, lang="en"))
    schema = records.COLLABORATION_COLUMNS
    assert list(records.to_pandas(da_rows, schema)["status_label"].cat.categories) == danish
    assert list(records.to_pandas(en_rows, schema)["status_label"].cat.categories) == english
    # Nothing to read it from: English, unless named.
    assert list(records.to_pandas([], schema)["status_label"].cat.categories) == english
    assert list(records.to_pandas([], schema, lang="da")["status_label"].cat.categories) == danish
    polars_empty = records.to_polars([], schema, lang="da")
    assert polars_empty.schema["status_label"] == pl.Enum(danish)


def test_an_extra_column_with_a_library_name_gets_its_dtype() -> None:
    # A column of one's own named like a library column of the same kind joins with it.
    schema = records.COLLABORATION_COLUMNS.extend(
        Column(name="satisfaction", type=int, description="The latest satisfaction.")
    )
    rows = list(
        records.collaboration_records(frivillig.load_example(), extra=lambda c: {"satisfaction": 4})
    )
    assert str(records.to_pandas(rows, schema)["satisfaction"].dtype) == "Int64"
    # Of another kind, it keeps its own.
    other = records.COLLABORATION_COLUMNS.extend(
        Column(name="satisfaction", type=str, description="In words.")
    )
    words = [{**row, "satisfaction": "good"} for row in rows]
    assert str(records.to_pandas(words, other)["satisfaction"].dtype) == "string"


def test_bad_arguments_to_the_frame_builders_are_the_callers_mistake() -> None:
    rows = list(records.goal_records(frivillig.load_example()))
    for function in (records.to_pandas, records.to_polars):
        with pytest.raises(ArgumentValueError, match="lang"):
            function(rows, records.GOAL_COLUMNS, lang="fr")  # type: ignore[arg-type]
        with pytest.raises(ArgumentTypeError, match="rulebook"):
            function(rows, records.GOAL_COLUMNS, rulebook="strict")  # type: ignore[arg-type]
        with pytest.raises(ArgumentTypeError, match="records"):
            function(3, records.GOAL_COLUMNS)  # type: ignore[arg-type]
