"""Flat records: their columns and types, the worked figures, and the DataFrame conversions."""

import datetime as dt
import importlib
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import records, synthetic
from frivillig.errors import ArgumentTypeError, ArgumentValueError, UsageError
from frivillig.records import COLUMNS, Column, Schema

D = dt.date
TODAY = D(2026, 10, 1)


def findings(items: object, lang: str = "en") -> Iterator[dict[str, Any]]:
    return records.finding_records(items, today=TODAY, lang=lang)  # type: ignore[arg-type]


def responses(items: object, lang: str = "en") -> Iterator[dict[str, Any]]:
    """Response rows with the comment, which is left out unless asked for."""
    return records.response_records(items, lang=lang, include_personal=True)  # type: ignore[arg-type]


def hours(items: object, lang: str = "en") -> Iterator[dict[str, Any]]:
    """Hours rows one per log, with the volunteer's id, which is left out unless asked for."""
    return records.hours_records(items, lang=lang, include_personal=True)  # type: ignore[arg-type]


RECORD_FUNCTIONS: dict[str, Callable[..., Iterator[dict[str, Any]]]] = {
    "collaboration": records.collaboration_records,
    "participant": records.participant_records,
    "goal": records.goal_records,
    "task": records.task_records,
    "response": responses,
    "progress": records.progress_records,
    "answer": records.answer_records,
    "rating": records.rating_records,
    "hours": hours,
    "finding": findings,
}
WITH_LABELS = {
    "collaboration",
    "participant",
    "goal",
    "task",
    "response",
    "rating",
    "hours",
    "finding",
}


def rows_of(name: str, items: object, lang: str = "en") -> list[dict[str, Any]]:
    function = RECORD_FUNCTIONS[name]
    if name in WITH_LABELS:
        return list(function(items, lang=lang))
    return list(function(items))


@pytest.fixture(scope="module")
def portfolio() -> frivillig.Portfolio:
    """A generated portfolio, and the example, so that every table has rows (hours too)."""
    generated = synthetic.generate_portfolio(17, 80)
    return attrs.evolve(
        generated, collaborations=(*generated.collaborations, frivillig.load_example())
    )


def small() -> frivillig.Collaboration:
    """A collaboration small enough to count its rows by hand."""
    response = frivillig.Response
    return frivillig.Collaboration(
        id="lille",
        title="Lektiecafé på Egebakken Bibliotek",
        municipality_code=461,
        participants=(
            frivillig.Participant(
                id="kommune",
                actor=frivillig.Municipality(name="Odense Kommune", code=461),
                roles=(frivillig.ParticipantRole.OWNER, frivillig.ParticipantRole.FUNDER),
            ),
            frivillig.Participant(
                id="forening",
                actor=frivillig.VoluntaryOrganisation(name="Lektiehjælperne", cvr="13585628"),
                budget_share_from_municipality=0.4,
                key_persons=1,
                readiness=frivillig.Readiness(openness=5, equality=3),
            ),
        ),
        initiator="forening",
        purposes=(frivillig.Purpose.QUALITY, frivillig.Purpose.INNOVATION),
        responsibilities={
            frivillig.ManagementTask.RECRUITMENT: "forening",
            frivillig.ManagementTask.MOTIVATION: "forening",
            frivillig.ManagementTask.INTRODUCTION: "kommune",
        },
        goals=(
            frivillig.Goal(
                id="elever",
                text="Flere elever bruger caféen.",
                wishes=(
                    frivillig.Wish(party="forening", text="Flere elever."),
                    frivillig.Wish(party="forening", text="Faste frivillige."),
                ),
                indicator=frivillig.Indicator(
                    name="elever om ugen", unit="elever", baseline=10.0, target=30.0
                ),
                agreements=(
                    frivillig.Agreement(party="forening", agreed_on=D(2026, 1, 5)),
                    frivillig.Agreement(party="kommune", agreed_on=D(2026, 1, 9)),
                ),
                status=frivillig.GoalStatus.AGREED,
            ),
            frivillig.Goal(
                id="aflevering",
                text="Flere opgaver afleveres.",
                agreements=(frivillig.Agreement(party="kommune", agreed_on=D(2026, 1, 9)),),
            ),
        ),
        tasks=(
            frivillig.Task(
                id="hjaelp",
                title="Lektiehjælp",
                kind=frivillig.TaskKind.BOTH,
                children_contact=True,
                hours_per_week=2.5,
                volunteers=("v1", "v2"),
                led_by="forening",
            ),
        ),
        volunteers=(frivillig.Volunteer(id="v1"), frivillig.Volunteer(id="v2")),
        formalisation=frivillig.FormalisationLevel.PARTNERSHIP_AGREEMENT,
        start_on=D(2026, 2, 1),
        status=frivillig.LifecycleStatus.CONTINUED,
        rounds=(
            frivillig.EvaluationRound(
                id="foraar",
                held_on=D(2026, 5, 4),
                responses=(
                    response(party="kommune", satisfaction=4, goal_progress={"elever": 14.0}),
                    response(
                        party="forening",
                        satisfaction=3,
                        goal_progress={"elever": 15.0, "aflevering": 60.0},
                        instrument="barometer",
                        answers={"b01": 4.0, "b02": None, "b03": 2.0},
                    ),
                ),
                ratings=(
                    frivillig.DyadicRating(
                        rater="kommune",
                        ratee="forening",
                        level=frivillig.CollaborationLevel.COORDINATION,
                    ),
                ),
                decision=frivillig.Decision.CONTINUE,
            ),
        ),
    )


# -- columns and types ---------------------------------------------------------------------


def check_row(row: dict[str, Any], schema: Schema, lang: str) -> None:
    assert list(row) == list(schema), schema.name
    for name, column in schema.items():
        value = row[name]
        if value is None:
            assert column.nullable, (schema.name, name)
            continue
        if column.type is bool or column.type is int:
            assert type(value) is column.type, (schema.name, name, value)
        else:
            assert isinstance(value, column.type), (schema.name, name, value)
        if column.type is dt.date:
            assert not isinstance(value, dt.datetime)
        if column.enum is not None:
            members = list(column.enum)
            allowed = (
                {m.label(lang) for m in members} if column.label else {m.value for m in members}
            )
            assert value in allowed, (schema.name, name, value)


def test_every_record_type_has_a_function_and_a_schema() -> None:
    assert set(COLUMNS) == set(RECORD_FUNCTIONS)
    for name, schema in COLUMNS.items():
        assert schema.name == name
        assert getattr(records, f"{name.upper()}_COLUMNS") is schema
        assert list(schema)[:2] == ["collaboration_id", "municipality_code"]
        assert not schema["collaboration_id"].nullable
        assert all(column.description.strip() for column in schema.columns)
        for column in schema.columns:
            if column.label:
                assert column.name.endswith("_label")
                assert schema[column.name.removesuffix("_label")].enum is column.enum


@pytest.mark.parametrize("name", list(RECORD_FUNCTIONS))
@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_row_has_the_schema_columns_with_their_types(
    portfolio: frivillig.Portfolio, name: str, lang: str
) -> None:
    schema = COLUMNS[name]
    rows = rows_of(name, portfolio, lang)
    assert rows
    for row in rows:
        check_row(row, schema, lang)
    # Every column is exercised: each holds a value somewhere in the portfolio.
    unused = [column for column in schema if all(row[column] is None for row in rows)]
    assert not unused, unused


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32), shape=st.sampled_from(["varied", "benchmark"]))
def test_rows_of_any_synthetic_collaboration_follow_their_schema(seed: int, shape: str) -> None:
    collaboration = synthetic.generate_collaboration(seed, shape=shape)  # type: ignore[arg-type]
    for name, schema in COLUMNS.items():
        for row in rows_of(name, collaboration, "da"):
            check_row(row, schema, "da")
            assert row["collaboration_id"] == collaboration.id
            assert row["municipality_code"] == collaboration.municipality_code


def test_the_tables_join_on_their_keys(portfolio: frivillig.Portfolio) -> None:
    parties = {
        (r["collaboration_id"], r["party_id"]) for r in records.participant_records(portfolio)
    }
    goals = {(r["collaboration_id"], r["goal_id"]) for r in records.goal_records(portfolio)}
    responses = {
        (r["collaboration_id"], r["round_id"], r["party_id"])
        for r in records.response_records(portfolio)
    }
    assert {
        (r["collaboration_id"], r["party_id"]) for r in records.response_records(portfolio)
    } <= parties
    for row in records.progress_records(portfolio):
        assert (row["collaboration_id"], row["goal_id"]) in goals
        assert (row["collaboration_id"], row["round_id"], row["party_id"]) in responses
    for row in records.answer_records(portfolio):
        assert (row["collaboration_id"], row["round_id"], row["party_id"]) in responses
    for row in records.rating_records(portfolio):
        assert (row["collaboration_id"], row["rater"]) in parties
        assert (row["collaboration_id"], row["ratee"]) in parties
    tasks = {(r["collaboration_id"], r["task_id"]) for r in records.task_records(portfolio)}
    logged = list(records.hours_records(portfolio))
    assert logged
    for row in logged:
        assert (row["collaboration_id"], row["task_id"]) in tasks


# -- worked figures --------------------------------------------------------------------------


def test_collaboration_row_by_hand() -> None:
    (row,) = records.collaboration_records(small(), lang="da")
    assert row["collaboration_id"] == "lille"
    assert row["municipality_name"] == "Odense"
    assert (row["status"], row["status_label"]) == ("continued", "videreført")
    assert (row["formalisation"], row["formalisation_label"]) == (
        "partnership_agreement",
        "partnerskabsaftale",
    )
    assert row["purposes"] == "quality;innovation"
    assert row["purpose_count"] == 2
    assert (row["initiator"], row["initiator_kind"]) == ("forening", "voluntary_organisation")
    # Two goals; only "elever" is agreed by both parties.
    assert (row["goal_count"], row["goals_agreed_by_all"]) == (2, 1)
    assert (row["participant_count"], row["task_count"], row["volunteer_count"]) == (2, 1, 2)
    # Recruitment, motivation and introduction are held: 3 of 5.
    assert row["responsibilities_held"] == 3
    # Only the association states a share: 0.4.
    assert row["max_budget_share_from_municipality"] == 0.4
    assert (row["has_agreement"], row["has_forum"], row["has_evaluation_plan"]) == (
        False,
        False,
        False,
    )
    assert (row["round_count"], row["last_round_on"]) == (1, D(2026, 5, 4))
    assert (row["last_decision"], row["last_decision_label"]) == ("continue", "fortsæt")
    assert row["end_on"] is None


def test_participant_goal_and_task_rows_by_hand() -> None:
    kommune, forening = records.participant_records(small())
    assert kommune["roles"] == "owner;funder"
    assert (kommune["actor_kind"], kommune["sector"], kommune["sector_label"]) == (
        "municipality",
        "public",
        "public",
    )
    assert kommune["cvr"] is None
    assert (kommune["goals_agreed"], kommune["wishes_stated"]) == (2, 0)
    assert kommune["responsibilities"] == "introduction"
    assert forening["cvr"] == "13585628"
    assert forening["is_initiator"] is True
    assert (forening["goals_agreed"], forening["wishes_stated"]) == (1, 2)
    assert forening["responsibilities"] == "recruitment;motivation"
    assert (forening["readiness_openness"], forening["readiness_risk_willingness"]) == (5, None)
    assert forening["resources"] == ""

    elever, aflevering = records.goal_records(small())
    assert (elever["agreement_count"], elever["party_count"], elever["agreed_by_all"]) == (
        2,
        2,
        True,
    )
    assert (elever["first_agreed_on"], elever["last_agreed_on"]) == (D(2026, 1, 5), D(2026, 1, 9))
    assert (elever["wish_count"], elever["parties_with_wishes"]) == (2, 1)
    assert (elever["baseline"], elever["target"]) == (10.0, 30.0)
    assert aflevering["agreed_by_all"] is False
    assert aflevering["indicator_name"] is None
    assert aflevering["status"] == "proposed"

    (task,) = records.task_records(small(), lang="da")
    assert (task["kind"], task["kind_label"]) == ("both", "hænder og hoveder")
    assert (task["volunteer_count"], task["hours_per_week"]) == (2, 2.5)
    assert task["children_contact"] is True
    assert task["reserved"] == ""


def test_evaluation_rows_by_hand() -> None:
    responses = list(records.response_records(small()))
    # One round, two responses.
    assert [(r["round_number"], r["party_id"], r["satisfaction"]) for r in responses] == [
        (1, "kommune", 4),
        (1, "forening", 3),
    ]
    assert responses[0]["party_kind"] == "municipality"
    # The association reported 2 goals and answered 2 of the 3 items it was given.
    assert (responses[1]["goals_reported"], responses[1]["answer_count"]) == (2, 3)
    assert responses[1]["answered_count"] == 2
    assert responses[1]["held_on"] == D(2026, 5, 4)
    progress = list(records.progress_records(small()))
    # 1 value from the municipality + 2 from the association.
    assert [(p["party_id"], p["goal_id"], p["value"]) for p in progress] == [
        ("kommune", "elever", 14.0),
        ("forening", "elever", 15.0),
        ("forening", "aflevering", 60.0),
    ]
    assert (progress[0]["baseline"], progress[0]["target"]) == (10.0, 30.0)
    assert progress[2]["target"] is None
    answers = list(records.answer_records(small()))
    assert [(a["item_id"], a["value"]) for a in answers] == [
        ("b01", 4.0),
        ("b02", None),
        ("b03", 2.0),
    ]
    assert {a["instrument"] for a in answers} == {"barometer"}
    (rating,) = records.rating_records(small(), lang="da")
    assert (rating["level"], rating["level_rank"], rating["level_label"]) == (
        "coordination",
        3,
        "koordinering",
    )


def test_records_read_their_input_lazily() -> None:
    taken: list[int] = []

    def collaborations() -> Iterator[frivillig.Collaboration]:
        for index in range(1000):
            taken.append(index)
            yield synthetic.generate_collaboration(index, index=index)

    rows = records.collaboration_records(collaborations())
    assert taken == []
    next(rows)
    assert taken == [0]


def test_a_portfolio_a_collaboration_and_an_iterable_of_both_give_the_same_rows(
    portfolio: frivillig.Portfolio,
) -> None:
    whole = list(records.goal_records(portfolio))
    one_by_one = list(records.goal_records(list(portfolio.collaborations)))
    mixed = list(records.goal_records([portfolio.collaborations[0], portfolio]))
    assert whole == one_by_one
    first = list(records.goal_records(portfolio.collaborations[0]))
    assert mixed == first + whole


def test_bad_input_is_the_callers_mistake() -> None:
    with pytest.raises(ArgumentValueError, match="lang"):
        records.collaboration_records(small(), lang="fr")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError) as caught:
        list(records.goal_records([small(), "lille.json"]))  # type: ignore[list-item]
    assert "items[1]" in str(caught.value)
    assert "iter_collaborations" in str(caught.value)
    with pytest.raises(ArgumentTypeError):
        list(records.task_records(42))  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="include_personal"):
        records.response_records(small(), include_personal="yes")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(WITH_LABELS))
@pytest.mark.parametrize(
    ("lang", "error"),
    [
        ("fr", ArgumentValueError),
        ("DA", ArgumentValueError),
        (None, ArgumentTypeError),
        (1, ArgumentTypeError),
    ],
)
def test_a_bad_language_is_a_usage_error_when_called(
    name: str, lang: object, error: type[Exception]
) -> None:
    function = RECORD_FUNCTIONS[name]
    with pytest.raises(error) as caught:
        function(small(), lang=lang)  # raised at the call, before any row is read
    assert isinstance(caught.value, UsageError)
    assert not isinstance(caught.value, frivillig.ValidationError)


# -- extending -------------------------------------------------------------------------------


def test_extra_columns_come_after_the_standard_ones() -> None:
    def extra(collaboration: frivillig.Collaboration) -> dict[str, object]:
        return {"party_total": len(collaboration.participants), "note": None}

    (row,) = records.collaboration_records(small(), extra=extra)
    assert list(row)[: len(records.COLLABORATION_COLUMNS)] == list(records.COLLABORATION_COLUMNS)
    assert list(row)[len(records.COLLABORATION_COLUMNS) :] == ["party_total", "note"]
    assert row["party_total"] == 2

    with pytest.raises(ArgumentValueError, match="title"):
        list(records.collaboration_records(small(), extra=lambda c: {"title": "x"}))


def test_a_schema_is_a_read_only_mapping_and_extends_without_clashes() -> None:
    schema = records.GOAL_COLUMNS
    assert schema["goal_id"].type is str
    assert "goal_id" in schema
    assert len(schema) == len(schema.columns)
    wider = schema.extend(Column(name="score", type=float, description="A score.", nullable=True))
    assert list(wider) == [*schema, "score"]
    assert list(schema) == [c.name for c in schema.columns]
    with pytest.raises(frivillig.ArgumentValueError):  # a schema is declared in code
        schema.extend(Column(name="goal_id", type=str, description="Again."))
    with pytest.raises(frivillig.ArgumentValueError):
        Column(name="when", type=dt.datetime, description="Not a column type.")


# -- DataFrames ------------------------------------------------------------------------------


NULLABLE_SOMEWHERE = {
    column.name for schema in COLUMNS.values() for column in schema.columns if column.nullable
}
"""Column names that may be empty in some table: a nullable dtype in every table."""


def pandas_dtype_of(column: Column) -> str:
    if column.enum is not None or column.name == "code":
        return "category"
    if column.type is dt.date:
        return "datetime64[ns]"
    nullable = column.name in NULLABLE_SOMEWHERE
    return {
        (str, False): "string",
        (str, True): "string",
        (int, False): "int64",
        (int, True): "Int64",
        (float, False): "float64",
        (float, True): "float64",
        (bool, False): "bool",
        (bool, True): "boolean",
    }[column.type, nullable]


@pytest.mark.parametrize("name", list(RECORD_FUNCTIONS))
def test_pandas_dtypes_follow_the_schema(portfolio: frivillig.Portfolio, name: str) -> None:
    pd = pytest.importorskip("pandas")
    schema = COLUMNS[name]
    rows = rows_of(name, portfolio, "da")
    frame = records.to_pandas(rows, schema)
    assert list(frame.columns) == list(schema)
    assert len(frame) == len(rows)
    for column in schema.columns:
        dtype = frame[column.name].dtype
        assert str(dtype) == pandas_dtype_of(column), (name, column.name, dtype)
        if column.enum is not None:
            # Every member, whatever rows are present: labels in the rows' language.
            categories = list(dtype.categories)
            if column.label:
                assert categories == [m.da for m in column.enum]
            else:
                assert categories == [m.value for m in column.enum]
            assert dtype.ordered == column.ordered
    # The values survive: compare the first row column by column.
    first = frame.iloc[0]
    for column in schema.columns:
        value = rows[0][column.name]
        if value is None:
            assert pd.isna(first[column.name])
        elif column.type is dt.date:
            assert first[column.name] == pd.Timestamp(value)
        else:
            assert first[column.name] == value


@pytest.mark.parametrize("name", list(RECORD_FUNCTIONS))
def test_polars_dtypes_follow_the_schema(portfolio: frivillig.Portfolio, name: str) -> None:
    pl = pytest.importorskip("polars")
    schema = COLUMNS[name]
    rows = rows_of(name, portfolio)
    frame = records.to_polars(rows, schema)
    assert frame.columns == list(schema)
    assert frame.height == len(rows)
    simple = {str: pl.String, int: pl.Int64, float: pl.Float64, bool: pl.Boolean, dt.date: pl.Date}
    for column in schema.columns:
        dtype = frame.schema[column.name]
        if column.enum is not None:
            assert isinstance(dtype, pl.Enum)
            members = [m.en if column.label else m.value for m in column.enum]
            assert list(dtype.categories) == members
        elif column.name == "code":
            assert dtype == pl.Categorical
        else:
            assert dtype == simple[column.type], (name, column.name, dtype)
    assert frame.row(0, named=True) == rows[0]


def test_empty_records_give_empty_frames_with_the_schema_dtypes() -> None:
    pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    frame = records.to_pandas([], records.COLLABORATION_COLUMNS)
    assert frame.shape == (0, len(records.COLLABORATION_COLUMNS))
    assert str(frame["start_on"].dtype) == "datetime64[ns]"
    assert list(frame["status"].dtype.categories) == [s.value for s in frivillig.LifecycleStatus]
    polars_frame = records.to_polars([], records.GOAL_COLUMNS)
    assert polars_frame.shape == (0, len(records.GOAL_COLUMNS))
    assert polars_frame.schema["first_agreed_on"] == pl.Date


def test_a_group_by_municipality_counts_every_collaboration(
    portfolio: frivillig.Portfolio,
) -> None:
    pytest.importorskip("pandas")
    frame = records.to_pandas(
        records.collaboration_records(portfolio), records.COLLABORATION_COLUMNS
    )
    counts = frame.groupby("municipality_code").size()
    assert counts.sum() == len(portfolio.collaborations)
    expected: dict[int, int] = {}
    for collaboration in portfolio.collaborations:
        code = collaboration.municipality_code
        expected[code] = expected.get(code, 0) + 1
    assert counts.to_dict() == expected


def test_extra_columns_get_dtypes_from_an_extended_schema() -> None:
    pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    schema = records.COLLABORATION_COLUMNS.extend(
        Column(name="health", type=float, description="A score.", nullable=True)
    )
    rows = list(records.collaboration_records(small(), extra=lambda c: {"health": 0.5}))
    assert str(records.to_pandas(rows, schema)["health"].dtype) == "float64"
    assert records.to_polars(rows, schema).schema["health"] == pl.Float64
    # Without the extended schema the extra column is still there, inferred.
    assert records.to_pandas(rows, records.COLLABORATION_COLUMNS)["health"].iloc[0] == 0.5


def test_records_that_do_not_fit_the_schema_are_refused() -> None:
    pytest.importorskip("pandas")
    rows = list(records.goal_records(small()))
    with pytest.raises(frivillig.ValidationError) as caught:
        records.to_pandas(rows, records.TASK_COLUMNS)
    assert caught.value.problems[0].path == "$[0].task_id"
    assert caught.value.problems[0].code == "missing"
    wrong = [{**rows[0], "goal_count": 1, "wish_count": "2"}]
    with pytest.raises(frivillig.ValidationError) as caught:
        records.to_pandas(wrong, records.GOAL_COLUMNS)
    assert (caught.value.problems[0].path, caught.value.problems[0].code) == (
        "$[0].wish_count",
        "type",
    )
    empty = [{**rows[0], "text": None}]
    with pytest.raises(frivillig.ValidationError) as caught:
        records.to_pandas(empty, records.GOAL_COLUMNS)
    assert caught.value.problems[0].path == "$[0].text"
    far = [{**rows[0], "first_agreed_on": D(2300, 1, 1)}]
    with pytest.raises(frivillig.ValidationError) as caught:
        records.to_pandas(far, records.GOAL_COLUMNS)
    assert caught.value.problems[0].code == "range"
    with pytest.raises(ArgumentTypeError, match="schema"):
        records.to_polars(rows, "goal")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="schema"):
        records.to_pandas(rows, None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("function", "module"), [(records.to_pandas, "pandas"), (records.to_polars, "polars")]
)
def test_a_missing_extra_raises_with_an_install_hint(
    monkeypatch: pytest.MonkeyPatch, function: Callable[..., object], module: str
) -> None:
    real = importlib.import_module

    def without(name: str, package: str | None = None) -> object:
        if name == module:
            raise ModuleNotFoundError(name)
        return real(name, package)

    monkeypatch.setattr(records.importlib, "import_module", without)
    with pytest.raises(records.MissingExtraError) as caught:
        function(records.goal_records(small()), records.GOAL_COLUMNS)
    assert f"pip install 'frivillig[{module}]'" in str(caught.value)
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, frivillig.FrivilligError)


# -- scores ------------------------------------------------------------------------------------


def test_score_columns_are_the_scores_of_score_all(portfolio: frivillig.Portfolio) -> None:
    extra = records.score_columns(today=TODAY)
    rows = list(records.collaboration_records(portfolio, extra=extra))
    schema = records.SCORED_COLLABORATION_COLUMNS
    assert list(schema) == [
        *records.COLLABORATION_COLUMNS,
        *(c.name for c in records.SCORE_COLUMNS),
        *(c.name for c in records.COVERAGE_COLUMNS),
    ]
    assert [c.name for c in records.SCORE_COLUMNS] == [
        f"score_{key}" for key in frivillig.score_all(small(), today=TODAY)
    ]
    assert [c.name for c in records.COVERAGE_COLUMNS] == [
        f"coverage_{key}" for key in frivillig.score_all(small(), today=TODAY)
    ]
    for collaboration, row in zip(portfolio.collaborations, rows, strict=True):
        check_row(row, schema, "en")
        scores = frivillig.score_all(collaboration, today=TODAY)
        for key, score in scores.items():
            assert row[f"score_{key}"] == score.value
            assert row[f"score_{key}"] is None or 0 <= row[f"score_{key}"] <= 100
            assert row[f"coverage_{key}"] == score.coverage
    for column in (*records.SCORE_COLUMNS, *records.COVERAGE_COLUMNS):
        assert column.type is float
        assert column.nullable
        assert column.description.strip()
        # Somewhere in the portfolio every score has a value.
        assert any(row[column.name] is not None for row in rows), column.name


def test_score_columns_by_hand() -> None:
    (row,) = records.collaboration_records(small(), extra=records.score_columns(today=TODAY))
    # Goal alignment: agreement 0.7 x (mean share of the 2 parties agreeing to each goal:
    # (2/2 + 1/2) / 2 = 75) + wishes 0.3 x (1 of 2 parties stated a wish: 50) = 52.5 + 15 = 67.5
    assert row["score_goal_alignment"] == pytest.approx(67.5)
    assert row["score_collaboration_health"] == pytest.approx(
        frivillig.collaboration_health(small(), today=TODAY).value
    )


def test_score_columns_depend_on_the_day_and_the_settings() -> None:
    example = frivillig.load_example()
    early = records.score_columns(today=D(2026, 11, 27))(example)
    late = records.score_columns(today=D(2028, 1, 1))(example)
    # By 2028 several evaluations are overdue: evaluation health falls.
    assert late["score_evaluation_health"] < early["score_evaluation_health"]
    only_goals = frivillig.ScoreSettings(health_weights={"goal_alignment": 1.0})
    weighted = records.score_columns(today=D(2026, 11, 27), settings=only_goals)(example)
    assert weighted["score_collaboration_health"] == weighted["score_goal_alignment"]


def test_score_columns_refuse_bad_arguments() -> None:
    with pytest.raises(ArgumentTypeError, match="today"):
        records.score_columns(today=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="today"):
        records.score_columns(today="2026-01-01")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="settings"):
        records.score_columns(today=TODAY, settings={"motive_threshold": 3})  # type: ignore[arg-type]


def test_scored_rows_make_dataframes_with_float_scores(portfolio: frivillig.Portfolio) -> None:
    pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    rows = list(records.collaboration_records(portfolio, extra=records.score_columns(today=TODAY)))
    frame = records.to_pandas(rows, records.SCORED_COLLABORATION_COLUMNS)
    assert str(frame["score_collaboration_health"].dtype) == "float64"
    assert frame["score_collaboration_health"].between(0, 100).all()
    polars_frame = records.to_polars(rows, records.SCORED_COLLABORATION_COLUMNS)
    assert polars_frame.schema["score_equality"] == pl.Float64


# -- findings ----------------------------------------------------------------------------------


def test_finding_rows_by_hand() -> None:
    broken = frivillig.load_example("limits_broken")
    report = frivillig.check(broken, today=TODAY)
    rows = list(records.finding_records(broken, today=TODAY, lang="da"))
    assert len(rows) == len(report.findings)
    first = rows[0]
    assert (first["code"], first["severity"], first["severity_label"]) == ("FR101", "error", "fejl")
    assert first["title"] == "Frivillige udøver myndighed"
    assert first["message"] == report.findings[0].message_da
    assert first["paths"] == "$.tasks[1]"
    assert (first["collaboration_id"], first["municipality_code"]) == (broken.id, 561)
    assert first["checked_on"] == TODAY
    # A finding with two paths joins them with the separator, most important first.
    two = next(row for row in rows if row["code"] == "FR103")
    assert two["paths"] == "$.volunteers[0];$.tasks[0]"
    assert two["personal"] is True
    english = list(records.finding_records(broken, today=TODAY))
    assert english[0]["message"] == report.findings[0].message_en
    assert english[0]["title"] == "Volunteers exercise public authority"


def test_finding_rows_from_reports_keep_their_paths_and_lack_the_municipality() -> None:
    broken = frivillig.load_example("limits_broken")
    portfolio = frivillig.Portfolio(
        id="p", title="To", collaborations=(frivillig.load_example(), broken)
    )
    report = frivillig.check_portfolio(portfolio, today=TODAY)
    rows = list(records.finding_records(report))
    assert len(rows) == len(report.findings)
    assert rows[0]["paths"].startswith("$.collaborations[1].")
    assert {row["municipality_code"] for row in rows} == {None}
    assert {row["collaboration_id"] for row in rows} == {broken.id}
    # Checked as collaborations, the same findings point into each collaboration's document.
    checked = list(records.finding_records(portfolio, today=TODAY))
    assert [row["code"] for row in checked] == [row["code"] for row in rows]
    assert checked[0]["paths"] == "$.tasks[1]"
    # Reports and collaborations mix; a clean collaboration gives no rows.
    mixed = list(records.finding_records([report, frivillig.load_example()], today=TODAY))
    assert mixed == rows + list(records.finding_records(frivillig.load_example(), today=TODAY))


def test_finding_rows_follow_the_rulebook() -> None:
    broken = frivillig.load_example("limits_broken")
    book = frivillig.DEFAULT_RULEBOOK.only("FR101").regrade("FR101", "warning")
    rows = list(records.finding_records(broken, today=TODAY, rulebook=book))
    assert [(row["code"], row["severity"]) for row in rows] == [("FR101", "warning")]


def test_finding_records_refuse_bad_arguments() -> None:
    broken = frivillig.load_example("limits_broken")
    portfolio = frivillig.Portfolio(id="p", title="P", collaborations=(broken,))
    # Without a day to check on, collaborations are refused when called, as check refuses
    # them: the caller's mistake (a TypeError), never a ValidationError.
    for items in (broken, [broken], (portfolio,), portfolio):
        with pytest.raises(ArgumentTypeError, match="today") as caught:
            records.finding_records(items)
        assert not isinstance(caught.value, frivillig.ValidationError)
    # Read lazily, an iterator's first collaboration is where it shows.
    rows = records.finding_records(iter([broken]))
    with pytest.raises(ArgumentTypeError, match="today"):
        next(rows)
    # Reports already made need no day.
    report = frivillig.check(broken, today=TODAY)
    assert len(list(records.finding_records(report))) == len(report.findings)
    assert len(list(records.finding_records([report]))) == len(report.findings)
    for bad, error in (
        ({"today": "2026-10-01"}, ArgumentTypeError),
        ({"today": dt.datetime(2026, 10, 1, tzinfo=dt.UTC)}, ArgumentTypeError),
        ({"today": dt.datetime(2026, 10, 1)}, ArgumentTypeError),  # noqa: DTZ001 - refused
        ({"today": TODAY, "lang": "fr"}, ArgumentValueError),
        ({"today": TODAY, "lang": None}, ArgumentTypeError),
        ({"today": TODAY, "rulebook": "strict"}, ArgumentTypeError),
        ({"today": TODAY, "settings": {}}, ArgumentTypeError),
    ):
        with pytest.raises(error) as caught:
            records.finding_records(broken, **bad)  # type: ignore[arg-type]
        assert isinstance(caught.value, UsageError), bad
    with pytest.raises(ArgumentTypeError, match=r"items\[1\]"):
        list(records.finding_records([broken, "FR101"], today=TODAY))  # type: ignore[list-item]
    with pytest.raises(ArgumentTypeError):
        list(records.finding_records(3, today=TODAY))  # type: ignore[arg-type]


def test_finding_rows_of_a_portfolio_count_every_finding(portfolio: frivillig.Portfolio) -> None:
    rows = list(records.finding_records(portfolio, today=TODAY))
    expected = sum(len(frivillig.check(c, today=TODAY).findings) for c in portfolio.collaborations)
    assert len(rows) == expected > 0
    pytest.importorskip("pandas")
    frame = records.to_pandas(rows, records.FINDING_COLUMNS)
    assert frame["severity"].cat.ordered
    assert list(frame["severity"].cat.categories) == ["info", "warning", "error"]
    assert str(frame["checked_on"].dtype) == "datetime64[ns]"
    assert frame.groupby("severity", observed=True).size().sum() == expected


def test_progress_and_answer_rows_follow_the_ids_however_the_maps_were_built() -> None:
    import attrs

    example = frivillig.load_example()
    round_ = example.rounds[0]
    response = next(r for r in round_.responses if len(r.answers) > 1 or len(r.goal_progress) > 1)
    turned = attrs.evolve(
        response,
        answers=dict(reversed(list(response.answers.items()))),
        goal_progress=dict(reversed(list(response.goal_progress.items()))),
    )
    responses = tuple(turned if r is response else r for r in round_.responses)
    changed = attrs.evolve(example, rounds=(attrs.evolve(round_, responses=responses),))
    assert changed == attrs.evolve(example, rounds=(round_,))
    reloaded = frivillig.loads(frivillig.dumps(changed))
    for make in (records.progress_records, records.answer_records):
        rows = list(make(changed))
        assert rows == list(make(reloaded))
        ids = [
            row.get("goal_id", row.get("item_id"))
            for row in rows
            if row["party_id"] == response.party
        ]
        assert ids == sorted(ids)
