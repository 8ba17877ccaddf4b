"""Evaluation cycles: due dates from an RRULE, rounds matched to them, overdue and missed."""

import datetime as dt
import itertools
import zoneinfo

import attrs
import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import EvaluationPlan, EvaluationRound, schedules
from frivillig.errors import ValidationError
from frivillig.schedules import DueState, EvaluationTolerance

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
QUARTERLY = EvaluationPlan(rrule="FREQ=MONTHLY;INTERVAL=3", first_date=dt.date(2026, 6, 1))
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def held(round_id: str, day: str) -> EvaluationRound:
    return EvaluationRound(id=round_id, held_on=dt.date.fromisoformat(day))


# -- local strategies -------------------------------------------------------------------


@st.composite
def plans(draw: st.DrawFn) -> EvaluationPlan:
    """Plans with the rule shapes evaluation plans use, valid by construction."""
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    parts = [f"FREQ={freq}", f"INTERVAL={draw(st.integers(1, 6))}"]
    if freq == "WEEKLY" and draw(st.booleans()):
        days = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=3, unique=True))
        parts.append("BYDAY=" + ",".join(days))
    if freq == "MONTHLY":
        shape = draw(st.sampled_from(["plain", "monthday", "nth"]))
        if shape == "monthday":
            parts.append(f"BYMONTHDAY={draw(st.sampled_from([1, 10, 15, 28, -1]))}")
        elif shape == "nth":
            nth = draw(st.sampled_from([1, 2, -1]))
            parts.append(f"BYDAY={nth}{draw(st.sampled_from(WEEKDAYS))}")
    if freq == "YEARLY" and draw(st.booleans()):
        months = draw(st.lists(st.integers(1, 12), min_size=1, max_size=2, unique=True))
        parts.append("BYMONTH=" + ",".join(str(m) for m in sorted(months)))
        parts.append(f"BYMONTHDAY={draw(st.integers(1, 28))}")
    if draw(st.booleans()):
        parts.append(f"COUNT={draw(st.integers(1, 12))}")
    first = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)))
    return EvaluationPlan(rrule=";".join(parts), first_date=first)


def oracle(plan: EvaluationPlan):  # type: ignore[no-untyped-def]
    """The rule as dateutil reads it, for membership checks."""
    return rrulestr(plan.rrule, dtstart=dt.datetime.combine(plan.first_date, dt.time()))


def on_simple_rule(plan: EvaluationPlan, day: dt.date) -> bool:
    """Membership worked out by hand for rules without BY parts."""
    parts = dict(part.split("=") for part in plan.rrule.split(";"))
    k = int(parts["INTERVAL"])
    first = plan.first_date
    months = (day.year - first.year) * 12 + day.month - first.month
    return {
        "DAILY": (day - first).days % k == 0,
        "WEEKLY": (day - first).days % (7 * k) == 0,
        "MONTHLY": day.day == first.day and months % k == 0,
        "YEARLY": (day.month, day.day) == (first.month, first.day)
        and (day.year - first.year) % k == 0,
    }[parts["FREQ"]]


# -- properties ----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(plan=plans(), span=st.integers(0, 800))
def test_due_dates_lie_on_the_rule_after_the_start_strictly_increasing(
    plan: EvaluationPlan, span: int
) -> None:
    until = plan.first_date + dt.timedelta(days=span)
    dates = schedules.due_dates(plan, until=until)
    assert all(plan.first_date <= d <= until for d in dates)
    assert all(a < b for a, b in itertools.pairwise(dates))
    rule = oracle(plan)
    assert all(dt.datetime.combine(d, dt.time()) in rule for d in dates)
    if "BY" not in plan.rrule:
        assert all(on_simple_rule(plan, d) for d in dates)
    # nothing on the rule is left out
    expected = [
        o.date()
        for o in rule.between(
            dt.datetime.combine(plan.first_date, dt.time()),
            dt.datetime.combine(until, dt.time()),
            inc=True,
        )
    ]
    assert list(dates) == expected


@settings(max_examples=150, deadline=None)
@given(plan=plans(), offset=st.integers(-30, 900), count=st.integers(0, 6))
def test_next_due_dates_follow_after_and_agree_with_due_dates(
    plan: EvaluationPlan, offset: int, count: int
) -> None:
    after = plan.first_date + dt.timedelta(days=offset)
    upcoming = schedules.next_due_dates(plan, after=after, count=count)
    assert len(upcoming) <= count
    assert all(d > after and d >= plan.first_date for d in upcoming)
    assert all(a < b for a, b in itertools.pairwise(upcoming))
    if upcoming:
        every = schedules.due_dates(plan, until=upcoming[-1])
        assert tuple(d for d in every if d > after) == upcoming
    inclusive = schedules.next_due_dates(plan, after=after, count=count, inclusive=True)
    assert all(d >= after for d in inclusive)


@st.composite
def rounds_for(draw: st.DrawFn, plan: EvaluationPlan) -> list[EvaluationRound]:
    days = draw(st.lists(st.integers(-40, 700), max_size=8, unique=True).map(sorted))
    return [
        EvaluationRound(id=f"r{i}", held_on=plan.first_date + dt.timedelta(days=d))
        for i, d in enumerate(days)
    ]


@settings(max_examples=150, deadline=None)
@given(data=st.data(), plan=plans(), early=st.integers(0, 30), grace=st.integers(0, 30))
def test_status_partitions_rounds_and_ignores_their_order(
    data: st.DataObject, plan: EvaluationPlan, early: int, grace: int
) -> None:
    rounds = data.draw(rounds_for(plan))
    today = plan.first_date + dt.timedelta(days=data.draw(st.integers(-30, 720)))
    tolerance = EvaluationTolerance(early_days=early, grace_days=grace)
    status = schedules.evaluation_status(plan, rounds, today=today, tolerance=tolerance)
    shuffled = data.draw(st.permutations(rounds))
    assert status == schedules.evaluation_status(plan, shuffled, today=today, tolerance=tolerance)
    covering = [entry.round_id for entry in status.due if entry.round_id is not None]
    past = sorted(r.id for r in rounds if r.held_on <= today)
    assert sorted(covering + list(status.unscheduled_rounds)) == past
    final = {DueState.HELD, DueState.HELD_LATE, DueState.MISSED}
    assert all(entry.state in final for entry in status.due[:-1])
    if status.overdue:
        assert status.days_overdue > grace
        assert status.current is not None
        assert status.current.due_on + dt.timedelta(days=grace) < today
    assert all(entry.due_on - dt.timedelta(days=early) <= today for entry in status.due)
    if status.next_due_on is not None:
        assert status.next_due_on > today


@settings(max_examples=100, deadline=None)
@given(data=st.data(), plan=plans())
def test_holding_one_more_round_never_adds_a_missed_one(
    data: st.DataObject, plan: EvaluationPlan
) -> None:
    rounds = data.draw(rounds_for(plan))
    today = plan.first_date + dt.timedelta(days=720)
    extra = EvaluationRound(
        id="extra", held_on=plan.first_date + dt.timedelta(days=data.draw(st.integers(0, 720)))
    )
    before = schedules.missed_rounds(plan, rounds, today=today)
    after = schedules.missed_rounds(plan, [*rounds, extra], today=today)
    assert set(after) <= set(before)


# -- worked examples --------------------------------------------------------------------


def test_quarterly_due_dates_by_hand() -> None:
    # Every third month from 1 June 2026: 1 Jun, 1 Sep, 1 Dec 2026, 1 Mar 2027.
    assert schedules.due_dates(QUARTERLY, until=dt.date(2027, 3, 1)) == (
        dt.date(2026, 6, 1),
        dt.date(2026, 9, 1),
        dt.date(2026, 12, 1),
        dt.date(2027, 3, 1),
    )
    # strictly after 1 Sep: 1 Dec, 1 Mar; inclusive: 1 Sep first.
    assert schedules.next_due_dates(QUARTERLY, after=dt.date(2026, 9, 1), count=2) == (
        dt.date(2026, 12, 1),
        dt.date(2027, 3, 1),
    )
    assert schedules.next_due_dates(
        QUARTERLY, after=dt.date(2026, 9, 1), count=1, inclusive=True
    ) == (dt.date(2026, 9, 1),)


def test_months_without_the_day_are_skipped() -> None:
    # From 31 January monthly: February, April and June have no 31st (RFC 5545).
    plan = EvaluationPlan(rrule="FREQ=MONTHLY", first_date=dt.date(2026, 1, 31))
    assert schedules.next_due_dates(plan, after=dt.date(2026, 1, 1), count=4) == (
        dt.date(2026, 1, 31),
        dt.date(2026, 3, 31),
        dt.date(2026, 5, 31),
        dt.date(2026, 7, 31),
    )


def test_a_rule_that_picks_days_starts_on_the_first_match() -> None:
    # 7 January 2026 is a Wednesday; the first Monday on or after it is 12 January.
    plan = EvaluationPlan(rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=2", first_date=dt.date(2026, 1, 7))
    assert schedules.due_dates(plan, until=dt.date(2026, 12, 31)) == (
        dt.date(2026, 1, 12),
        dt.date(2026, 1, 19),
    )
    # COUNT=2 ends the rule: nothing after 19 January.
    assert schedules.next_due_dates(plan, after=dt.date(2026, 1, 19), count=5) == ()


def test_until_ends_the_rule() -> None:
    # First Monday of each month through 31 March 2026: 5 Jan, 2 Feb, 2 Mar.
    plan = EvaluationPlan(
        rrule="FREQ=MONTHLY;BYDAY=1MO;UNTIL=20260331", first_date=dt.date(2026, 1, 1)
    )
    assert schedules.due_dates(plan, until=dt.date(2027, 1, 1)) == (
        dt.date(2026, 1, 5),
        dt.date(2026, 2, 2),
        dt.date(2026, 3, 2),
    )


def test_the_example_is_on_schedule_then_overdue_then_missed() -> None:
    rounds = frivillig.load_example().rounds  # held 3 June and 2 September 2026
    on_time = schedules.evaluation_status(QUARTERLY, rounds, today=dt.date(2026, 10, 1))
    assert [(e.due_on, e.state, e.days_late) for e in on_time.due] == [
        (dt.date(2026, 6, 1), DueState.HELD, 2),  # 3 Jun - 1 Jun
        (dt.date(2026, 9, 1), DueState.HELD, 1),  # 2 Sep - 1 Sep
    ]
    assert on_time.next_due_on == dt.date(2026, 12, 1)
    assert not on_time.overdue

    # 15 Dec: 1 Dec plus 14 days of grace; still due, not overdue.
    assert schedules.evaluation_status(
        QUARTERLY, rounds, today=dt.date(2026, 12, 15)
    ).current == schedules.DueDate(due_on=dt.date(2026, 12, 1), state=DueState.DUE)

    # 20 Dec: grace ended 15 Dec; overdue by 20 - 1 = 19 days.
    late = schedules.evaluation_status(QUARTERLY, rounds, today=dt.date(2026, 12, 20))
    assert late.overdue
    assert late.days_overdue == 19
    assert schedules.is_overdue(QUARTERLY, rounds, today=dt.date(2026, 12, 20))

    # 20 Feb 2027: the window of 1 Mar opened on 1 Mar - 14 days = 15 Feb, so 1 Dec is missed
    # and 1 Mar is coming up.
    missed = schedules.evaluation_status(QUARTERLY, rounds, today=dt.date(2027, 2, 20))
    assert missed.missed == (dt.date(2026, 12, 1),)
    assert missed.current is not None
    assert missed.current.state is DueState.UPCOMING
    assert not missed.overdue
    assert schedules.missed_rounds(QUARTERLY, rounds, today=dt.date(2027, 2, 20)) == (
        dt.date(2026, 12, 1),
    )


def test_rounds_held_early_late_and_off_schedule() -> None:
    rounds = [
        held("q2", "2026-06-03"),
        held("q3", "2026-09-02"),
        held("extra", "2026-11-10"),  # before 1 Dec - 14 = 17 Nov: in the window of 1 Sep
        held("q4", "2026-12-20"),  # 19 days after 1 Dec: late (grace 14)
    ]
    status = schedules.evaluation_status(QUARTERLY, rounds, today=dt.date(2027, 1, 10))
    assert status.due[-1] == schedules.DueDate(
        due_on=dt.date(2026, 12, 1),
        state=DueState.HELD_LATE,
        round_id="q4",
        held_on=dt.date(2026, 12, 20),
        days_late=19,
    )
    assert status.unscheduled_rounds == ("extra",)

    # held 20 Nov: inside the window (from 17 Nov), 11 days early, on time.
    early = schedules.evaluation_status(
        QUARTERLY, [held("q4", "2026-11-20")], today=dt.date(2026, 11, 25)
    )
    assert early.current == schedules.DueDate(
        due_on=dt.date(2026, 12, 1),
        state=DueState.HELD,
        round_id="q4",
        held_on=dt.date(2026, 11, 20),
        days_late=-11,
    )

    # a round dated after today is ignored
    future = schedules.evaluation_status(
        QUARTERLY, [held("later", "2026-06-10")], today=dt.date(2026, 6, 5)
    )
    assert future.current is not None
    assert future.current.state is DueState.DUE


def test_today_is_read_in_danish_local_time() -> None:
    # 30 Nov 2026 23:30 UTC is 1 Dec 00:30 in Copenhagen (CET, UTC+1): the due date has come.
    utc_evening = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)
    status = schedules.evaluation_status(QUARTERLY, (), today=utc_evening)
    assert status.today == dt.date(2026, 12, 1)
    # in summer (CEST, UTC+2) 31 Aug 22:30 UTC is 1 Sep 00:30
    summer = dt.datetime(2026, 8, 31, 22, 30, tzinfo=dt.UTC)
    assert schedules.next_due_dates(QUARTERLY, after=summer, inclusive=True) == (
        dt.date(2026, 9, 1),
    )
    assert schedules.next_due_dates(
        QUARTERLY, after=dt.datetime(2026, 9, 1, 0, 30, tzinfo=CPH), inclusive=True
    ) == (dt.date(2026, 9, 1),)


@pytest.mark.parametrize(
    "call",
    [
        lambda: EvaluationTolerance(early_days=-1),
        lambda: EvaluationTolerance(grace_days=1.5),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_raise_our_error(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        call()


def test_a_count_out_of_range_is_the_callers_mistake() -> None:
    with pytest.raises(frivillig.ArgumentValueError):
        schedules.next_due_dates(QUARTERLY, after=dt.date(2026, 1, 1), count=-1)


@pytest.mark.parametrize(
    "call",
    [
        lambda: schedules.evaluation_status(QUARTERLY, (), today=dt.datetime(2026, 1, 1)),  # noqa: DTZ001
        lambda: schedules.next_due_dates(QUARTERLY, after="2026-01-01"),  # type: ignore[arg-type]
        lambda: schedules.describe_cadence("FREQ=DAILY"),  # type: ignore[arg-type]
    ],
)
def test_an_argument_of_the_wrong_type_is_the_callers_mistake(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(frivillig.ArgumentTypeError):
        call()


@pytest.mark.parametrize(
    ("rule", "first", "en", "da"),
    [
        (
            "FREQ=MONTHLY;INTERVAL=3",
            dt.date(2026, 6, 1),
            "every 3 months from 1 June 2026",
            "hver tredje måned fra 1. juni 2026",
        ),
        (
            "FREQ=YEARLY",
            dt.date(2026, 9, 1),
            "every year from 1 September 2026",
            "hvert år fra 1. september 2026",
        ),
        (
            "FREQ=YEARLY;INTERVAL=2",
            dt.date(2026, 9, 1),
            "every 2 years from 1 September 2026",
            "hvert andet år fra 1. september 2026",
        ),
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
            dt.date(2026, 1, 5),
            "every 2 weeks on Monday and Thursday from 5 January 2026",
            "hver anden uge mandag og torsdag fra 5. januar 2026",
        ),
        (
            "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=1",
            dt.date(2026, 1, 5),
            "every month on the last day from 5 January 2026, once only",
            "hver måned den sidste dag i måneden fra 5. januar 2026, kun én gang",
        ),
        (
            "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=15;UNTIL=20281231",
            dt.date(2026, 1, 15),
            "every 6 months on the 15th from 15 January 2026 until 31 December 2028",
            "hver sjette måned den 15. fra 15. januar 2026 til og med 31. december 2028",
        ),
        (
            "FREQ=DAILY;INTERVAL=10;BYHOUR=9;BYMINUTE=30",
            dt.date(2026, 1, 5),
            "every 10 days at 09:30 from 5 January 2026",
            "hver 10. dag kl. 09.30 fra 5. januar 2026",
        ),
        (
            "FREQ=MONTHLY;BYSETPOS=1;BYDAY=MO,TU",
            dt.date(2026, 1, 5),
            "every month on Monday and Tuesday from 5 January 2026 "
            "(rule: FREQ=MONTHLY;BYSETPOS=1;BYDAY=MO,TU)",
            "hver måned mandag og tirsdag fra 5. januar 2026 "
            "(regel: FREQ=MONTHLY;BYSETPOS=1;BYDAY=MO,TU)",
        ),
    ],
)
def test_describe_cadence(rule: str, first: dt.date, en: str, da: str) -> None:
    plan = EvaluationPlan(rrule=rule, first_date=first)
    assert schedules.describe_cadence(plan, "en") == en
    assert schedules.describe_cadence(plan, "da") == da


@settings(max_examples=60, deadline=None)
@given(plan=plans())
def test_rfc5545_text_keeps_the_zone_and_the_dates(plan: EvaluationPlan) -> None:
    text = schedules.rfc5545_text(plan)
    assert text.startswith("DTSTART;TZID=Europe/Copenhagen:")
    rule = rrulestr(text)
    first = [occurrence for _, occurrence in zip(range(5), rule, strict=False)]
    assert all(occurrence.tzinfo is not None for occurrence in first)
    expected = schedules.next_due_dates(plan, after=plan.first_date, count=5, inclusive=True)
    assert tuple(o.date() for o in first) == expected


def test_render_schedule_in_both_languages() -> None:
    collaboration = frivillig.load_example()
    en = schedules.render_schedule(collaboration, today=dt.date(2026, 12, 20), lang="en")
    assert "every 3 months from 1 June 2026" in en
    assert "overdue by 19 days (due 2026-12-01)" in en
    assert "Next due dates: 2027-03-01, 2027-06-01, 2027-09-01" in en
    da = schedules.render_schedule(collaboration, today=dt.date(2026, 12, 20), lang="da")
    assert "19 dage over fristen" in da
    assert "Kommende datoer: 2027-03-01" in da
    without = attrs.evolve(collaboration, evaluation_plan=None)
    assert schedules.render_schedule(without, today=dt.date(2026, 1, 1), lang="da") == (
        "Ingen evalueringsplan."
    )
