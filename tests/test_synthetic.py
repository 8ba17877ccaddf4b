"""The synthetic generator: valid, reproducible, realistic, and with the defects it says."""

import datetime as dt
import json
import math
import random
import statistics
from collections.abc import Callable

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.dk import cvr as stdnum_cvr

import frivillig
from frivillig import synthetic
from frivillig.synthetic import DEFAULT_AS_OF, DEFECT_RATES, Defect

AS_OF = DEFAULT_AS_OF
DAY = dt.timedelta(days=1)
PAST_AGREEING = {
    frivillig.LifecycleStatus.ACTIVE,
    frivillig.LifecycleStatus.EVALUATING,
    frivillig.LifecycleStatus.CONTINUED,
    frivillig.LifecycleStatus.ADJUSTED,
}


@pytest.fixture(scope="module")
def cases() -> list[synthetic.SyntheticCollaboration]:
    return list(synthetic.iter_cases(11, 2000))


# -- what each defect looks like in the data, read independently of the generator ----------


def _task_with_volunteers(flag: Callable[[frivillig.Task], bool]) -> Callable[..., bool]:
    def check(c: frivillig.Collaboration) -> bool:
        return any(flag(task) and task.volunteers for task in c.tasks)

    return check


def _tasks_of(c: frivillig.Collaboration, volunteer_id: str) -> list[frivillig.Task]:
    return [task for task in c.tasks if volunteer_id in task.volunteers]


def _started_on(
    c: frivillig.Collaboration, flag: Callable[[frivillig.Task], bool]
) -> list[frivillig.Volunteer]:
    return [
        v
        for v in c.volunteers
        if v.started_on is not None and any(flag(task) for task in _tasks_of(c, v.id))
    ]


def _certificate_missing(c: frivillig.Collaboration) -> bool:
    return any(
        v.child_certificate is None or v.child_certificate.checked_on > v.started_on  # type: ignore[operator]
        for v in _started_on(c, lambda task: task.children_contact)
    )


def _on_tasks(
    c: frivillig.Collaboration, flag: Callable[[frivillig.Task], bool]
) -> list[frivillig.Volunteer]:
    return [v for v in c.volunteers if any(flag(task) for task in _tasks_of(c, v.id))]


def _confidentiality_missing(c: frivillig.Collaboration) -> bool:
    return any(
        v.confidentiality_signed_on is None
        for v in _on_tasks(c, lambda task: task.confidential_data)
    )


def _goal_not_agreed(c: frivillig.Collaboration) -> bool:
    return c.status in PAST_AGREEING and any(goal.agreed_by() != c.party_ids for goal in c.goals)


def _due_dates(plan: frivillig.EvaluationPlan, until: dt.date) -> list[dt.date]:
    start = dt.datetime.combine(plan.first_date, dt.time())
    rule = rrulestr(plan.rrule, dtstart=start)
    return [day.date() for day in rule.between(start, dt.datetime.combine(until, dt.time()), True)]


def _overdue(c: frivillig.Collaboration) -> bool:
    plan = c.evaluation_plan
    if c.status not in PAST_AGREEING or plan is None:
        return False
    held = [r.held_on for r in c.rounds]
    return any(
        not any(day >= due for day in held)
        for due in _due_dates(plan, AS_OF - dt.timedelta(days=synthetic.OVERDUE_DAYS))
    )


def _dependent_without_forum(c: frivillig.Collaboration) -> bool:
    shares = [p.budget_share_from_municipality or 0.0 for p in c.participants]
    return c.forum is None and max(shares) >= 0.6


def _falling(c: frivillig.Collaboration) -> bool:
    means = [
        statistics.fmean(r.satisfaction for r in round_.responses if r.satisfaction is not None)
        for round_ in c.rounds[-3:]
    ]
    return len(c.rounds) >= 3 and means[0] > means[1] > means[2]


def _influence_denied(c: frivillig.Collaboration) -> bool:
    return any(
        v.wants_influence
        and all(task.kind is frivillig.TaskKind.HANDS for task in _tasks_of(c, v.id))
        for v in c.volunteers
    )


def _hours_exceeded(c: frivillig.Collaboration) -> bool:
    return any(
        v.hours_offered_per_week is not None
        and v.hours_offered_per_week < sum(t.hours_per_week or 0 for t in _tasks_of(c, v.id))
        for v in c.volunteers
    )


def _allowance(c: frivillig.Collaboration) -> bool:
    return any(
        v.engagement is frivillig.Engagement.MUNICIPALITY
        and v.remuneration is frivillig.Remuneration.TAX_FREE_ALLOWANCE
        for v in c.volunteers
    )


def _previous(month: dt.date) -> dt.date:
    return frivillig.month_of(month - DAY)


def _on_dagpenge(c: frivillig.Collaboration) -> set[str]:
    return {v.id for v in c.volunteers if v.benefit is frivillig.Benefit.UNEMPLOYMENT}


def _counted_logs(c: frivillig.Collaboration) -> list[frivillig.TimeLog]:
    """Logs of volunteers on dagpenge in tasks not recorded as activities."""
    counted = {t.id for t in c.tasks if t.work_category is not frivillig.WorkCategory.ACTIVITY}
    dagpenge = _on_dagpenge(c)
    return [log for log in c.time_logs if log.volunteer in dagpenge and log.task in counted]


def _benefit_hours_logged(c: frivillig.Collaboration) -> bool:
    monthly: dict[tuple[str, dt.date], float] = {}
    for log in _counted_logs(c):
        key = (log.volunteer, log.month)
        monthly[key] = monthly.get(key, 0.0) + log.hours
    return any(hours > 44 for hours in monthly.values())


SIGNS: dict[Defect, Callable[[frivillig.Collaboration], bool]] = {
    Defect.AUTHORITY_TASK: _task_with_volunteers(lambda task: task.exercises_authority),
    Defect.RESERVED_TASK: _task_with_volunteers(lambda task: bool(task.reserved)),
    Defect.DISPLACEMENT: _task_with_volunteers(lambda task: task.core_staff_task),
    Defect.CHILD_CERTIFICATE_MISSING: _certificate_missing,
    Defect.CONFIDENTIALITY_MISSING: _confidentiality_missing,
    Defect.GOAL_NOT_AGREED: _goal_not_agreed,
    Defect.NO_EVALUATION_PLAN: lambda c: c.status in PAST_AGREEING and c.evaluation_plan is None,
    Defect.EVALUATION_OVERDUE: _overdue,
    Defect.ECONOMIC_DEPENDENCE_WITHOUT_FORUM: _dependent_without_forum,
    Defect.FALLING_SATISFACTION: _falling,
    Defect.RESPONSIBILITY_UNASSIGNED: lambda c: len(c.responsibilities) < 5,
    Defect.NO_PURPOSE: lambda c: not c.purposes,
    Defect.SINGLE_KEY_PERSON: lambda c: any(p.key_persons == 1 for p in c.participants),
    Defect.INFLUENCE_DENIED: _influence_denied,
    Defect.HOURS_EXCEEDED: _hours_exceeded,
    Defect.ALLOWANCE_FROM_MUNICIPALITY: _allowance,
    Defect.ENDED_WITHOUT_FINAL: lambda c: (
        c.status is frivillig.LifecycleStatus.ENDED and not any(r.final for r in c.rounds)
    ),
    Defect.FORMALISATION_MISFIT: lambda c: (
        frivillig.recommend_formalisation(c).level > c.formalisation
    ),
    Defect.BENEFIT_HOURS_LOGGED: _benefit_hours_logged,
}

_CIVIL = {"forening", "frivilligcenter"}

ELIGIBLE: dict[Defect, Callable[[frivillig.Collaboration], bool]] = {
    Defect.AUTHORITY_TASK: lambda c: True,
    Defect.RESERVED_TASK: lambda c: True,
    Defect.DISPLACEMENT: lambda c: True,
    Defect.CHILD_CERTIFICATE_MISSING: lambda c: bool(
        _started_on(c, lambda task: task.children_contact)
    ),
    Defect.CONFIDENTIALITY_MISSING: lambda c: bool(
        _on_tasks(c, lambda task: task.confidential_data)
    ),
    Defect.GOAL_NOT_AGREED: lambda c: c.status in PAST_AGREEING,
    Defect.NO_EVALUATION_PLAN: lambda c: c.status in PAST_AGREEING,
    Defect.ECONOMIC_DEPENDENCE_WITHOUT_FORUM: lambda c: bool(c.party_ids & _CIVIL),
    Defect.FALLING_SATISFACTION: lambda c: len(c.rounds) >= 3,
    Defect.RESPONSIBILITY_UNASSIGNED: lambda c: c.status in PAST_AGREEING,
    Defect.NO_PURPOSE: lambda c: True,
    Defect.SINGLE_KEY_PERSON: lambda c: bool(c.party_ids & _CIVIL),
    Defect.INFLUENCE_DENIED: lambda c: any(
        all(task.kind is frivillig.TaskKind.HANDS for task in _tasks_of(c, v.id))
        for v in c.volunteers
    ),
    Defect.HOURS_EXCEEDED: lambda c: bool(c.volunteers),
    Defect.ALLOWANCE_FROM_MUNICIPALITY: lambda c: any(
        v.engagement is frivillig.Engagement.MUNICIPALITY for v in c.volunteers
    ),
    Defect.ENDED_WITHOUT_FINAL: lambda c: c.status is frivillig.LifecycleStatus.ENDED,
    Defect.FORMALISATION_MISFIT: lambda c: (
        frivillig.recommend_formalisation(c).level > frivillig.FormalisationLevel.AD_HOC_EVENT
    ),
    Defect.BENEFIT_HOURS_LOGGED: lambda c: bool(_counted_logs(c)),
}


def test_every_defect_has_a_sign_and_a_rate() -> None:
    assert set(SIGNS) == set(Defect) == set(DEFECT_RATES)
    assert set(ELIGIBLE) == set(Defect) - {Defect.EVALUATION_OVERDUE}


@pytest.mark.parametrize("defect", list(Defect), ids=lambda d: d.value)
def test_a_defect_shows_exactly_where_it_was_put(
    cases: list[synthetic.SyntheticCollaboration], defect: Defect
) -> None:
    sign = SIGNS[defect]
    wrong = [
        case.collaboration.id
        for case in cases
        if sign(case.collaboration) != (defect in case.defects)
    ]
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("defect", sorted(ELIGIBLE, key=lambda d: d.value), ids=lambda d: d.value)
def test_each_defect_occurs_at_its_rate_among_eligible_collaborations(
    cases: list[synthetic.SyntheticCollaboration], defect: Defect
) -> None:
    eligible = [case for case in cases if ELIGIBLE[defect](case.collaboration)]
    hits = sum(defect in case.defects for case in eligible)
    rate = DEFECT_RATES[defect]
    n = len(eligible)
    assert n >= 100, n
    # Within four standard deviations of the binomial count.
    assert abs(hits - rate * n) <= 4 * math.sqrt(n * rate * (1 - rate)), (hits, n, rate)
    assert all(ELIGIBLE[defect](case.collaboration) for case in cases if defect in case.defects)


def test_overdue_evaluations_are_among_those_past_agreeing_with_a_plan(
    cases: list[synthetic.SyntheticCollaboration],
) -> None:
    eligible = [
        c.collaboration
        for c in cases
        if c.collaboration.status in PAST_AGREEING and c.collaboration.evaluation_plan is not None
    ]
    overdue = sum(_overdue(c) for c in eligible)
    # The rate applies to those with a due date far enough past: nearly all of these.
    rate, n = DEFECT_RATES[Defect.EVALUATION_OVERDUE], len(eligible)
    assert abs(overdue - rate * n) <= 4 * math.sqrt(n * rate * (1 - rate)), (overdue, n)


# The rule that finds each defect (falling satisfaction is read by the scores, not a rule).
RULES = {
    Defect.AUTHORITY_TASK: "FR101",
    Defect.RESERVED_TASK: "FR102",
    Defect.CHILD_CERTIFICATE_MISSING: "FR103",
    Defect.CONFIDENTIALITY_MISSING: "FR104",
    Defect.DISPLACEMENT: "FR105",
    Defect.ALLOWANCE_FROM_MUNICIPALITY: "FR106",
    Defect.GOAL_NOT_AGREED: "FR107",
    Defect.RESPONSIBILITY_UNASSIGNED: "FR108",
    Defect.NO_EVALUATION_PLAN: "FR109",
    Defect.EVALUATION_OVERDUE: "FR109",
    Defect.ENDED_WITHOUT_FINAL: "FR109",
    Defect.FORMALISATION_MISFIT: "FR110",
    Defect.ECONOMIC_DEPENDENCE_WITHOUT_FORUM: "FR111",
    Defect.SINGLE_KEY_PERSON: "FR112",
    Defect.INFLUENCE_DENIED: "FR113",
    Defect.HOURS_EXCEEDED: "FR113",
    Defect.BENEFIT_HOURS_LOGGED: "FR113",
    Defect.NO_PURPOSE: "FR114",
}


def test_the_rule_check_finds_each_defect_and_nothing_in_clean_collaborations(
    cases: list[synthetic.SyntheticCollaboration],
) -> None:
    assert set(RULES) == set(Defect) - {Defect.FALLING_SATISFACTION}
    for case in cases[:600]:
        report = frivillig.check(case.collaboration, today=AS_OF)
        codes = {finding.code for finding in report.findings}
        if not case.defects:
            assert not codes, (case.collaboration.id, codes)
        for defect in case.defects & RULES.keys():
            assert RULES[defect] in codes, (case.collaboration.id, defect)


def test_rates_can_be_set_to_none_or_all() -> None:
    clean = list(synthetic.iter_cases(3, 200, defect_rates=dict.fromkeys(Defect, 0.0)))
    assert all(not case.defects for case in clean)
    assert not any(SIGNS[d](case.collaboration) for case in clean for d in Defect)
    every = list(synthetic.iter_cases(3, 200, defect_rates={d.value: 1.0 for d in Defect}))
    for defect, eligible in ELIGIBLE.items():
        assert all(defect in case.defects for case in every if eligible(case.collaboration)), defect


def test_every_collaboration_is_valid_and_round_trips_through_json(
    cases: list[synthetic.SyntheticCollaboration],
) -> None:
    for case in cases[:400]:
        collaboration = frivillig.validate(case.collaboration)
        text = frivillig.dumps(collaboration)
        back = frivillig.loads(text)
        assert back == collaboration
        assert frivillig.dumps(back) == text


def test_a_portfolio_is_valid_spread_over_the_municipalities_and_round_trips() -> None:
    portfolio = synthetic.generate_portfolio(2026)
    assert len(portfolio.collaborations) == 300
    frivillig.validate(portfolio)
    assert frivillig.loads(frivillig.dumps(portfolio)) == portfolio
    codes = {c.municipality_code for c in portfolio.collaborations}
    assert codes == set(synthetic.DEFAULT_MUNICIPALITY_CODES)
    assert portfolio.municipality_code is None
    single = synthetic.generate_portfolio(1, 5, municipality_codes=[630])
    assert single.municipality_code == 630
    assert {c.municipality_code for c in single.collaborations} == {630}
    assert single.collaborations[0].participants[0].actor.name == "Vejle Kommune"


def test_quality_and_stage_vary() -> None:
    portfolio = synthetic.generate_portfolio(2026)
    statuses = {c.status for c in portfolio.collaborations}
    assert statuses == set(frivillig.LifecycleStatus)
    cases = list(synthetic.iter_cases(2026, 300))
    clean = sum(not case.defects for case in cases)
    assert 0.15 * 300 < clean < 0.4 * 300
    assert max(len(case.defects) for case in cases) >= 4


def test_same_seed_same_output_and_different_seed_different_output() -> None:
    first = [frivillig.dumps(c) for c in synthetic.iter_collaborations(5, 30)]
    again = [frivillig.dumps(c) for c in synthetic.iter_collaborations(5, 30)]
    other = [frivillig.dumps(c) for c in synthetic.iter_collaborations(6, 30)]
    assert first == again
    assert first != other
    # Collaboration i does not depend on how many are drawn.
    assert [frivillig.dumps(c) for c in synthetic.iter_collaborations(5, 10)] == first[:10]
    assert synthetic.generate_collaboration(9) == synthetic.generate_collaboration(9)
    rng = random.Random(9)  # noqa: S311 - a seeded generator, as the module takes
    assert synthetic.generate_collaboration(rng) == synthetic.generate_collaboration(9)


def test_same_seed_same_output_in_a_fresh_interpreter() -> None:
    import subprocess
    import sys

    code = (
        "import frivillig; from frivillig import synthetic; "
        "print(frivillig.dumps(synthetic.generate_portfolio(4, 12)))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert outputs.pop().strip() == frivillig.dumps(synthetic.generate_portfolio(4, 12))


def test_cvr_numbers_have_a_valid_check_digit(
    cases: list[synthetic.SyntheticCollaboration],
) -> None:
    numbers = [
        p.actor.cvr
        for case in cases
        for p in case.collaboration.participants
        if getattr(p.actor, "cvr", None) is not None
    ]
    assert len(numbers) > 1000
    assert all(stdnum_cvr.is_valid(number) for number in numbers)
    assert all(len(number) == 8 and number[0] != "0" for number in numbers)


def test_municipalities_are_real_and_named_as_they_are() -> None:
    names = {
        c.participants[0].actor.name
        for c in synthetic.iter_collaborations(1, 200, municipality_codes=[101, 400, 751])
    }
    assert names == {"Københavns Kommune", "Bornholms Regionskommune", "Aarhus Kommune"}


def test_nothing_is_dated_after_as_of_except_planned_starts_and_due_dates() -> None:
    as_of = dt.date(2025, 3, 31)
    for c in synthetic.iter_collaborations(8, 300, as_of=as_of):
        assert all(r.held_on <= as_of for r in c.rounds)
        assert all(a.agreed_on <= as_of for g in c.goals for a in g.agreements)
        assert all(v.started_on is None or v.started_on <= as_of for v in c.volunteers)
        assert all(
            v.child_certificate is None or v.child_certificate.checked_on <= as_of
            for v in c.volunteers
        )
        assert c.end_on is None or c.end_on <= as_of
        # Logs cover whole months before as_of's, or up to the month of the end.
        last = frivillig.month_of(c.end_on) if c.end_on else frivillig.month_of(as_of) - DAY
        assert all(log.month <= last for log in c.time_logs)
        if c.status in PAST_AGREEING or c.status is frivillig.LifecycleStatus.ENDED:
            assert c.start_on <= as_of


def test_lifecycle_is_coherent(cases: list[synthetic.SyntheticCollaboration]) -> None:
    status = frivillig.LifecycleStatus
    for case in cases:
        c = case.collaboration
        if c.status in (status.EXPLORING, status.AGREEING_GOALS):
            assert not c.rounds
        if c.status is status.ACTIVE:
            assert not c.rounds
        if c.status is status.EVALUATING:
            assert c.rounds[-1].decision is None
        if c.status is status.CONTINUED:
            assert c.rounds[-1].decision is frivillig.Decision.CONTINUE
        if c.status is status.ENDED:
            assert c.end_on is not None
            assert c.rounds[-1].decision is frivillig.Decision.END
        held = [r.held_on for r in c.rounds]
        assert held == sorted(held)


# -- time logs -------------------------------------------------------------------------


def test_time_logs_are_for_assigned_volunteers_from_their_start_to_the_last_month(
    cases: list[synthetic.SyntheticCollaboration],
) -> None:
    last_whole_month = dt.date(2026, 9, 1)  # the month before DEFAULT_AS_OF's
    for case in cases:
        c = case.collaboration
        started = {v.id: v.started_on for v in c.volunteers}
        assigned = {(vid, t.id) for t in c.tasks for vid in t.volunteers}
        last = last_whole_month if c.end_on is None else frivillig.month_of(c.end_on)
        keys = [(log.volunteer, log.task, log.month) for log in c.time_logs]
        assert len(keys) == len(set(keys))
        assert keys == sorted(keys, key=lambda key: (key[2], key[0], key[1]))
        assert len(keys) <= synthetic.MAX_TIME_LOGS
        for log in c.time_logs:
            assert (log.volunteer, log.task) in assigned
            started_on = started[log.volunteer]
            assert started_on is not None
            assert frivillig.month_of(started_on) <= log.month <= last
            assert log.month >= frivillig.month_of(c.start_on)
            assert 0.25 <= log.hours <= 200
            assert log.hours * 4 == int(log.hours * 4)
        if c.status in (
            frivillig.LifecycleStatus.EXPLORING,
            frivillig.LifecycleStatus.AGREEING_GOALS,
        ):
            assert not c.time_logs
    assert sum(bool(case.collaboration.time_logs) for case in cases) > 0.7 * len(cases)


def test_time_logs_skip_months_and_their_hours_follow_the_plan(
    cases: list[synthetic.SyntheticCollaboration],
) -> None:
    ratios, gaps, pairs = [], 0, 0
    for case in cases[:500]:
        c = case.collaboration
        planned = {t.id: (t.hours_per_week or 0.0) * 52 / 12 for t in c.tasks}
        months: dict[tuple[str, str], list[dt.date]] = {}
        for log in c.time_logs:
            months.setdefault((log.volunteer, log.task), []).append(log.month)
            if log.volunteer not in _on_dagpenge(c):
                ratios.append(log.hours / planned[log.task])
        for logged in months.values():
            pairs += 1
            first, last = logged[0], logged[-1]
            span = (last.year - first.year) * 12 + last.month - first.month + 1
            gaps += span > len(logged)
    # Around the plan: a typical month is within a few tenths of it, none far off.
    assert 0.7 < statistics.median(ratios) < 1.1
    assert min(ratios) > 0.3
    assert max(ratios) < 1.7
    # Volunteers pause: most of them miss a month now and then.
    assert gaps > 0.5 * pairs


def test_volunteers_on_dagpenge_log_more_than_44_hours_only_with_the_defect(
    cases: list[synthetic.SyntheticCollaboration],
) -> None:
    on_dagpenge = [case for case in cases if _on_dagpenge(case.collaboration)]
    assert len(on_dagpenge) > 0.1 * len(cases)
    for case in on_dagpenge:
        c = case.collaboration
        for v in c.volunteers:
            if v.id in _on_dagpenge(c):
                assert v.engagement is frivillig.Engagement.ASSOCIATION
                assert v.started_on is not None
        if Defect.BENEFIT_HOURS_LOGGED not in case.defects:
            monthly: dict[tuple[str, dt.date], float] = {}
            for log in c.time_logs:
                if log.volunteer in _on_dagpenge(c):
                    key = (log.volunteer, log.month)
                    monthly[key] = monthly.get(key, 0.0) + log.hours
            assert all(hours <= 44 for hours in monthly.values())


def test_many_long_collaborations_keep_their_latest_logs_within_the_bound() -> None:
    # Every collaboration started years ago: the most logs the generator makes.
    longest = max(
        (c for c in synthetic.iter_collaborations(21, 400)),
        key=lambda c: len(c.time_logs),
    )
    assert 300 < len(longest.time_logs) <= synthetic.MAX_TIME_LOGS
    text = frivillig.dumps(longest)
    assert frivillig.loads(text) == longest  # within the default LoadLimits
    assert len(text.encode()) < 100_000


def test_a_collaboration_over_the_bound_keeps_its_latest_whole_months(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from frivillig.synthetic import _hours

    full = [c for c in synthetic.iter_collaborations(21, 60) if len(c.time_logs) > 80]
    assert full
    monkeypatch.setattr(_hours, "MAX_TIME_LOGS", 50)
    for c in full:
        index = int(c.id.rsplit("-", 1)[1])
        cut = list(synthetic.iter_collaborations(21, index + 1))[index]
        assert 0 < len(cut.time_logs) <= 50
        first = min(log.month for log in cut.time_logs)
        # The logs of the latest months, whole months only, as they were without the bound.
        keys = [(log.volunteer, log.task, log.month) for log in cut.time_logs]
        assert keys == [
            (log.volunteer, log.task, log.month) for log in c.time_logs if log.month >= first
        ]
        assert len([log for log in c.time_logs if log.month >= _previous(first)]) > 50


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(min_value=0, max_value=2**32),
    as_of=st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2060, 12, 31)),
    rate=st.sampled_from((0.0, 0.3, 1.0)),
)
def test_any_seed_and_day_give_valid_bounded_logs_within_the_benefit_limit(
    seed: int, as_of: dt.date, rate: float
) -> None:
    case = synthetic.generate_case(
        seed, as_of=as_of, defect_rates={Defect.BENEFIT_HOURS_LOGGED: rate}
    )
    c = frivillig.validate(case.collaboration)
    assert len(c.time_logs) <= synthetic.MAX_TIME_LOGS
    assert frivillig.integrity_problems(c) == []
    assigned = {(vid, t.id) for t in c.tasks for vid in t.volunteers}
    assert all((log.volunteer, log.task) in assigned for log in c.time_logs)
    assert all(log.month <= as_of for log in c.time_logs)
    assert _benefit_hours_logged(c) == (Defect.BENEFIT_HOURS_LOGGED in case.defects)
    if rate == 1.0 and _counted_logs(c):
        assert Defect.BENEFIT_HOURS_LOGGED in case.defects
    assert frivillig.loads(frivillig.dumps(c)) == c


def test_time_logs_are_the_same_for_the_same_seed() -> None:
    first = [c.time_logs for c in synthetic.iter_collaborations(12, 40)]
    assert first == [c.time_logs for c in synthetic.iter_collaborations(12, 40)]
    assert first != [c.time_logs for c in synthetic.iter_collaborations(13, 40)]
    assert sum(map(len, first)) > 1000


def test_benchmark_shape_has_fixed_counts() -> None:
    collaborations = list(synthetic.iter_collaborations(1, 50, shape="benchmark"))
    for c in collaborations:
        assert len(c.participants) == synthetic.BENCHMARK_PARTICIPANTS == 5
        assert len(c.goals) == synthetic.BENCHMARK_GOALS == 4
        assert len(c.rounds) == synthetic.BENCHMARK_ROUNDS == 8
        for round_ in c.rounds:
            assert len(round_.responses) == 1
            answers = round_.responses[0].answers
            assert list(answers) == [f"q{n:02d}" for n in range(1, 21)]
            assert all(value in {1.0, 2.0, 3.0, 4.0, 5.0} for value in answers.values())
        assert not c.time_logs
        frivillig.validate(c)
        assert frivillig.loads(frivillig.dumps(c)) == c
    sizes = [len(frivillig.dumps(c).encode()) for c in collaborations]
    # The size the module's docstring states, give or take 10 %.
    assert 7_800 < statistics.fmean(sizes) < 9_500
    cases = list(synthetic.iter_cases(1, 5, shape="benchmark"))
    assert all(not case.defects for case in cases)


def test_the_default_portfolio_is_a_few_hundred_collaborations_of_realistic_size() -> None:
    portfolio = synthetic.generate_portfolio(2026)
    sizes = [len(frivillig.dumps(c)) for c in portfolio.collaborations]
    assert 5_000 < statistics.fmean(sizes) < 30_000
    titles = {c.title for c in portfolio.collaborations}
    assert len(titles) > 150
    document = json.loads(frivillig.dumps(portfolio))
    assert document["type"] == "portfolio"


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"municipality_code": 999}, "$.municipality_code"),
        ({"municipality_code": "101"}, "$.municipality_code"),
        ({"shape": "large"}, "$"),
        ({"defect_rates": {"no_such": 0.5}}, "$"),
        ({"defect_rates": {"no_purpose": 1.5}}, "$.defect_rates.no_purpose"),
        ({"as_of": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}, "$.as_of"),
    ],
)
def test_bad_arguments_raise_validation_error(kwargs: dict[str, object], path: str) -> None:
    with pytest.raises(frivillig.ValidationError) as caught:
        synthetic.generate_case(1, **kwargs)  # type: ignore[arg-type]
    assert caught.value.problems[0].path == path


def test_bad_portfolio_arguments_raise_at_once() -> None:
    with pytest.raises(frivillig.ValidationError):
        synthetic.iter_collaborations(1, -1)
    with pytest.raises(frivillig.ValidationError):
        synthetic.iter_collaborations("1", 3)  # type: ignore[arg-type]
    with pytest.raises(frivillig.ValidationError):
        synthetic.iter_collaborations(1, 3, municipality_codes=[])
    with pytest.raises(frivillig.ValidationError):
        synthetic.generate_collaboration(1.5)  # type: ignore[arg-type]


def test_the_module_documents_each_defect_with_its_rate_and_count() -> None:
    assert synthetic.__doc__ is not None
    table = [line for line in synthetic.__doc__.splitlines() if line.startswith("| `")]
    counted = dict.fromkeys(Defect, 0)
    cases = list(synthetic.iter_cases(2026, 300))
    for case in cases:
        for defect in case.defects:
            counted[defect] += 1
    rows = {}
    for line in table:
        name, rate, _, count = (cell.strip() for cell in line.strip("|").split("|"))
        rows[Defect(name.strip("`"))] = (float(rate), int(count))
    assert rows == {defect: (DEFECT_RATES[defect], counted[defect]) for defect in Defect}
    clean = sum(not case.defects for case in cases)
    assert f"(300 collaborations); {clean} of them have none" in " ".join(synthetic.__doc__.split())
