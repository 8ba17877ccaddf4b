"""The shortcuts behind a fast check and score give the answers the long way gives.

The check and the scores keep due dates and schedule statuses they have worked
out, look for CPR-shaped numbers in one quick pass before visiting every text,
read an instrument result's place on its range without building the whole
result, and keep the JSON paths they have rendered. Each property below sets
such a shortcut against the long way round, written out here from the
documented rules.
"""

import datetime as dt
import statistics
import typing

import attrs
import pytest
from dateutil.rrule import rrulestr
from hypothesis import assume, given
from hypothesis import strategies as st

import frivillig
from frivillig import (
    Collaboration,
    EvaluationPlan,
    EvaluationRound,
    Instrument,
    InstrumentResult,
    schedules,
    strategies,
)
from frivillig._core.calendar import add_months
from frivillig._core.paths import render_path
from frivillig._privacy import _CPR_SEPARATORS, cpr_spans, may_hold_cpr_like
from frivillig._rules.checking import _relative_keyed, _root
from frivillig._scores.instruments import result_fraction_at
from frivillig.errors import ValidationError
from frivillig.schedules import DueDate, DueState, EvaluationTolerance, ScheduleStatus

# -- schedules: kept answers equal fresh ones ----------------------------------------------


def _due_dates_from_scratch(plan: EvaluationPlan) -> typing.Iterator[dt.date]:
    """The plan's due dates straight from dateutil: distinct local dates, in order."""
    body = plan.rrule.strip()
    body = body[6:] if body.upper().startswith("RRULE:") else body
    rule = rrulestr(body, dtstart=dt.datetime.combine(plan.first_date, dt.time()))
    last = None
    for occurrence in rule:
        if occurrence.date() != last:
            last = occurrence.date()
            yield last


def status_from_scratch(
    plan: EvaluationPlan,
    rounds: list[EvaluationRound],
    today: dt.date,
    tolerance: EvaluationTolerance,
) -> ScheduleStatus:
    """Where the cycle stands, matched as the schedules module documents it."""
    early = dt.timedelta(days=tolerance.early_days)
    # A status looks back twenty years: due dates before that are not judged, and a round
    # held before the first window judged is left out rather than called unscheduled.
    since = max(plan.first_date, add_months(today, -12 * schedules.LOOKBACK_YEARS))
    cut = since > plan.first_date
    opened: list[dt.date] = []
    following = None
    for due in _due_dates_from_scratch(plan):
        if due < since:
            continue
        if due - early > today:
            following = due
            break
        opened.append(due)
    covering: dict[int, EvaluationRound] = {}
    unscheduled = []
    for round_ in sorted(
        (r for r in rounds if r.held_on <= today), key=lambda r: (r.held_on, r.id)
    ):
        # the window of a due date opens `early` days before it and lasts until the next opens
        inside = [i for i, due in enumerate(opened) if due - early <= round_.held_on]
        if not inside and cut:
            continue
        if not inside or inside[-1] in covering:
            unscheduled.append(round_.id)
        else:
            covering[inside[-1]] = round_
    entries = []
    for index, due in enumerate(opened):
        cover = covering.get(index)
        if cover is not None:
            late = (cover.held_on - due).days
            state = DueState.HELD if late <= tolerance.grace_days else DueState.HELD_LATE
            entries.append(
                DueDate(
                    due_on=due,
                    state=state,
                    round_id=cover.id,
                    held_on=cover.held_on,
                    days_late=late,
                )
            )
        elif index < len(opened) - 1:
            entries.append(DueDate(due_on=due, state=DueState.MISSED))
        elif today < due:
            entries.append(DueDate(due_on=due, state=DueState.UPCOMING))
        elif (today - due).days <= tolerance.grace_days:
            entries.append(DueDate(due_on=due, state=DueState.DUE))
        else:
            entries.append(
                DueDate(due_on=due, state=DueState.OVERDUE, days_overdue=(today - due).days)
            )
    return ScheduleStatus(
        today=today,
        due=tuple(entries),
        next_due_on=next((due for due in opened if due > today), following),
        unscheduled_rounds=tuple(unscheduled),
    )


@st.composite
def schedule_questions(
    draw: st.DrawFn,
) -> tuple[EvaluationPlan, list[EvaluationRound], dt.date, EvaluationTolerance]:
    """A plan, rounds with distinct ids, a day and a tolerance to judge them by."""
    plan = draw(strategies.evaluation_plans())
    rounds = draw(st.lists(strategies.evaluation_rounds(), max_size=5, unique_by=lambda r: r.id))
    today = draw(
        st.dates(
            min_value=plan.first_date - dt.timedelta(days=60),
            max_value=plan.first_date + dt.timedelta(days=2000),
        )
    )
    return plan, rounds, today, draw(strategies.evaluation_tolerances())


def _clear_schedule_caches() -> None:
    schedules._STATUSES.clear()
    schedules._WINDOWS.clear()


@given(first=schedule_questions(), second=schedule_questions())
def test_kept_schedule_answers_equal_fresh_ones(
    first: tuple[EvaluationPlan, list[EvaluationRound], dt.date, EvaluationTolerance],
    second: tuple[EvaluationPlan, list[EvaluationRound], dt.date, EvaluationTolerance],
) -> None:
    def ask(
        question: tuple[EvaluationPlan, list[EvaluationRound], dt.date, EvaluationTolerance],
    ) -> ScheduleStatus:
        plan, rounds, today, tolerance = question
        return schedules.evaluation_status(plan, rounds, today=today, tolerance=tolerance)

    _clear_schedule_caches()
    answers = (ask(first), ask(second), ask(first))
    _clear_schedule_caches()
    again = (ask(second), ask(first))
    assert answers[0] == answers[2] == again[1] == status_from_scratch(*first)
    assert answers[1] == again[0] == status_from_scratch(*second)


@given(question=schedule_questions(), other_plan=strategies.evaluation_plans())
def test_the_same_rounds_under_another_plan_are_judged_afresh(
    question: tuple[EvaluationPlan, list[EvaluationRound], dt.date, EvaluationTolerance],
    other_plan: EvaluationPlan,
) -> None:
    plan, rounds, today, tolerance = question
    schedules.evaluation_status(plan, rounds, today=today, tolerance=tolerance)
    status = schedules.evaluation_status(other_plan, rounds, today=today, tolerance=tolerance)
    assert status == status_from_scratch(other_plan, rounds, today, tolerance)


# -- CPR-shaped numbers: the quick pass never misses one ----------------------------------------


@st.composite
def cpr_like_texts(draw: st.DrawFn) -> str:
    """A text holding a number shaped like a CPR number, with any allowed separator."""
    day = dt.date(2000, 1, 1) + dt.timedelta(days=draw(st.integers(0, 9000)))
    separator = draw(st.sampled_from(("", *_CPR_SEPARATORS)))
    serial = draw(st.integers(0, 9999))
    number = f"{day:%d%m%y}{separator}{serial:04d}"
    before = draw(st.sampled_from(("", "CPR ", "nr. ", "(")))
    after = draw(st.sampled_from(("", ".", " starter i maj", ")")))
    return before + number + after


def _plant(collaboration: Collaboration, where: str, text: str) -> Collaboration | None:
    """Put the text into one free-text field of the collaboration, if it has that field."""
    if where == "description":
        return attrs.evolve(collaboration, description=text)
    if where == "goal" and collaboration.goals:
        goals = list(collaboration.goals)
        goals[-1] = attrs.evolve(goals[-1], note=text)
        return attrs.evolve(collaboration, goals=tuple(goals))
    if where == "summary" and collaboration.rounds:
        rounds = list(collaboration.rounds)
        rounds[0] = attrs.evolve(rounds[0], summary=text)
        return attrs.evolve(collaboration, rounds=tuple(rounds))
    if where == "comment":
        for r, round_ in enumerate(collaboration.rounds):
            if round_.responses:
                responses = list(round_.responses)
                responses[-1] = attrs.evolve(responses[-1], comment=text)
                rounds = list(collaboration.rounds)
                rounds[r] = attrs.evolve(round_, responses=tuple(responses))
                return attrs.evolve(collaboration, rounds=tuple(rounds))
    if where == "actor":
        participants = list(collaboration.participants)
        actor = attrs.evolve(participants[0].actor, name=text)
        participants[0] = attrs.evolve(participants[0], actor=actor)
        return attrs.evolve(collaboration, participants=tuple(participants))
    return None


@given(collaboration=strategies.collaborations(max_rounds=2))
def test_the_quick_pass_says_no_only_where_no_text_holds_a_number(
    collaboration: Collaboration,
) -> None:
    if not may_hold_cpr_like(collaboration):
        assert list(cpr_spans(collaboration)) == []


@given(
    collaboration=strategies.collaborations(max_rounds=2),
    where=st.sampled_from(("description", "goal", "summary", "comment", "actor")),
    text=cpr_like_texts(),
)
def test_a_planted_number_is_seen_and_reported_where_it_is(
    collaboration: Collaboration, where: str, text: str
) -> None:
    assume(frivillig.find_cpr_like(text))
    planted = _plant(collaboration, where, text)
    assume(planted is not None)
    assert planted is not None
    assert may_hold_cpr_like(planted)
    report = frivillig.check(planted, today=dt.date(2030, 1, 1)).filter(codes=["FR117"])
    found = {path for path, _ in cpr_spans(planted)}
    assert found
    assert {finding.paths for finding in report} == {(path,) for path in found}


def test_without_msgspec_every_text_is_looked_at(monkeypatch: pytest.MonkeyPatch) -> None:
    from frivillig import _privacy

    monkeypatch.setattr(_privacy, "_text_encoder", lambda: None)
    assert may_hold_cpr_like(frivillig.load_example())


def _model_classes(root: type) -> set[type]:
    """The attrs classes a collaboration may hold, found through the type hints."""
    found: set[type] = set()
    pending: list[object] = [root]
    while pending:
        hint = pending.pop()
        pending.extend(typing.get_args(hint))
        if isinstance(hint, type) and attrs.has(hint) and hint not in found:
            found.add(hint)
            pending.extend(typing.get_type_hints(hint).values())
    return found


def test_every_field_of_the_model_is_written_by_the_quick_pass() -> None:
    # msgspec leaves out attributes whose names start with "_"; the model has none.
    classes = _model_classes(Collaboration)
    assert len(classes) > 10
    for cls in classes:
        private = [field.name for field in attrs.fields(cls) if field.name.startswith("_")]
        assert not private, cls


# -- instruments: a result's place on its range ---------------------------------------------


def fraction_from_result(result: InstrumentResult) -> float | None:
    """Where the overall score lies on its range, or the scored factors' mean place."""
    overall = result.overall
    if overall is not None:
        if overall.value is None:
            return None
        return (overall.value - overall.low) / (overall.high - overall.low)
    shares = [(f.value - f.low) / (f.high - f.low) for f in result.factors if f.value is not None]
    return statistics.fmean(shares) if shares else None


@st.composite
def answered(draw: st.DrawFn) -> tuple[Instrument, dict[str, object]]:
    """An instrument and answers to some of its items, now and then one off the scale."""
    instrument = draw(strategies.instruments())
    scale = instrument.scale
    items = draw(st.lists(st.sampled_from(instrument.items), unique=True, max_size=12))
    values = st.one_of(
        st.none(),
        st.integers(scale.minimum, scale.maximum),
        st.integers(scale.minimum, scale.maximum).map(float),
        st.floats(scale.minimum, scale.maximum),
    )
    answers: dict[str, object] = {item.id: draw(values) for item in items}
    if draw(st.integers(0, 9)) == 0:
        answers[draw(st.sampled_from(("zz99", items[0].id if items else "zz98")))] = draw(
            st.sampled_from((scale.maximum + 1, "5", True, float("nan")))
        )
    return instrument, answers


@given(question=answered())
def test_the_place_on_the_range_is_the_full_results(
    question: tuple[Instrument, dict[str, object]],
) -> None:
    instrument, answers = question
    where = ("rounds", 1, "responses", 0, "answers")

    def full() -> float | None:
        result = frivillig.score_instrument(
            instrument,
            answers,  # type: ignore[arg-type]
            root=render_path(where),
        )
        return fraction_from_result(result)

    def short() -> float | None:
        return result_fraction_at(instrument, answers, "$", where)

    outcomes: list[object] = []
    for way in (full, short):
        try:
            outcomes.append(way())
        except ValidationError as error:
            outcomes.append(error.problems)
    assert outcomes[0] == outcomes[1]


# -- JSON paths: kept renderings equal fresh ones -----------------------------------------------

_SEGMENTS = st.one_of(
    st.integers(-5, 10**6),
    st.booleans(),
    st.sampled_from(("tasks", "volunteers", "child_certificate", "recruitment")),
    st.text(max_size=12),
)


@given(
    paths=st.lists(st.lists(_SEGMENTS, max_size=6).map(tuple), max_size=6),
    root=st.sampled_from(("$", "$.collaborations[3]")),
)
def test_kept_paths_are_rendered_as_render_path_renders_them(
    paths: list[tuple[str | int, ...]], root: str
) -> None:
    for path in paths:
        assert _root(path, root) == render_path(path, root)


def test_true_and_one_are_kept_apart() -> None:
    _relative_keyed.cache_clear()
    assert _root(("tasks", 1), "$") == "$.tasks[1]"
    assert _root(("tasks", True), "$") == render_path(("tasks", True)) == "$.tasks[True]"
