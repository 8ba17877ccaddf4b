"""What an evaluation plan may be, and the bounded work of every question asked of one.

The loader refuses rules that are no plan (a zero or negative interval, several times
a day, dates decades apart, a count that runs for centuries, a first date before the
collaboration); for every plan it accepts, and any day, a status, a rule check, the
scores and a rendered schedule take a bounded number of steps through the calendar,
counted here as the periods (days, weeks, months, years) dateutil visits. Dates at the
edges of the calendar work everywhere.
"""

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from dateutil import rrule as dateutil_rrule
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import schedules, strategies
from frivillig._core.caches import BoundedCache
from frivillig._core.calendar import add_days, add_months

TODAY = dt.date(2026, 11, 27)
START = dt.date(2026, 1, 1)


def _plan(rule: str, first: dt.date = START) -> frivillig.EvaluationPlan:
    return frivillig.EvaluationPlan(rrule=rule, first_date=first)


def _with_plan(rule: str, first: dt.date, start: dt.date | None = None) -> frivillig.Collaboration:
    example = frivillig.load_example()
    return attrs.evolve(
        example,
        start_on=start or first,
        end_on=None,
        rounds=(),
        time_logs=(),
        evaluation_plan=attrs.evolve(example.evaluation_plan, rrule=rule, first_date=first),
    )


def _document(rule: str, first: str = "2026-06-01") -> str:
    data = json.loads(frivillig.dumps(frivillig.load_example()))
    data["evaluation_plan"]["rrule"] = rule
    data["evaluation_plan"]["first_date"] = first
    data["rounds"] = []
    return json.dumps(data)


# -- what a plan may be ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number from 1"),
        ("FREQ=MONTHLY;INTERVAL=0", "INTERVAL must be a whole number from 1"),
        ("FREQ=YEARLY;INTERVAL=0", "INTERVAL must be a whole number from 1"),
        ("FREQ=DAILY;INTERVAL=-1", "INTERVAL must be a whole number from 1"),
        ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be a whole number from 1"),
        ("FREQ=WEEKLY;INTERVAL=1001", "INTERVAL must be a whole number from 1"),
        ("FREQ=MONTHLY;COUNT=0", "COUNT must be a whole number from 1"),
        ("FREQ=MONTHLY;COUNT=1001", "COUNT must be a whole number from 1"),
        ("FREQ=DAILY;BYHOUR=0,1,2,3", "BYHOUR has more than one value"),
        ("FREQ=DAILY;BYHOUR=9;BYMINUTE=0,30", "BYMINUTE has more than one value"),
        ("FREQ=DAILY;BYSECOND=0,1", "BYSECOND has more than one value"),
        ("FREQ=HOURLY", "recurs DAILY, WEEKLY, MONTHLY or YEARLY"),
        ("FREQ=DAILY;BYYEARDAY=1", "BYYEARDAY is not used"),
        ("FREQ=YEARLY;BYWEEKNO=20", "BYWEEKNO is not used"),
        ("FREQ=YEARLY;BYEASTER=0", "BYEASTER is not used"),
        ("FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR", "BYMONTHDAY and BYDAY together"),
        ("FREQ=MONTHLY;INTERVAL=2;INTERVAL=3", "INTERVAL is given twice"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=40", "reaches past the end of the 100th"),
    ],
)
def test_a_rule_that_is_no_plan_is_refused_at_its_path(rule: str, words: str) -> None:
    with pytest.raises(frivillig.ValidationError) as caught:
        frivillig.loads(_document(rule))
    assert [(p.path, p.code) for p in caught.value.problems][:1] in (
        [("$.evaluation_plan.rrule", "range")],
        [("$.evaluation_plan.rrule", "format")],
    )
    assert words in caught.value.problems[0].message
    with pytest.raises(frivillig.ValidationError):
        _plan(rule)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=MONTHLY;INTERVAL=3",
        "FREQ=DAILY;INTERVAL=10;BYHOUR=9;BYMINUTE=30",
        "FREQ=WEEKLY;INTERVAL=1000",
        "FREQ=MONTHLY;COUNT=1000",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=20",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    ],
)
def test_a_plan_within_the_bounds_loads(rule: str) -> None:
    loaded = frivillig.loads(_document(rule))
    assert isinstance(loaded, frivillig.Collaboration)
    assert loaded.evaluation_plan is not None
    assert loaded.evaluation_plan.rrule == rule


def test_a_plan_starting_before_the_collaboration_is_refused() -> None:
    data = json.loads(_document("FREQ=MONTHLY;INTERVAL=3", first="1026-06-01"))
    with pytest.raises(frivillig.ValidationError) as caught:
        frivillig.loads(json.dumps(data))
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.evaluation_plan.first_date", "order")
    ]
    assert "before start_on" in caught.value.problems[0].message
    with pytest.raises(frivillig.ValidationError):
        _with_plan("FREQ=DAILY", dt.date(1, 1, 1), start=dt.date(2026, 1, 1))


@pytest.mark.parametrize(
    ("rule", "first", "accepted"),
    [
        # every second month from February: February, April, ..., never January
        ("FREQ=MONTHLY;INTERVAL=2;BYMONTH=1", dt.date(2000, 2, 1), False),
        ("FREQ=MONTHLY;INTERVAL=2;BYMONTH=1", dt.date(2000, 1, 1), True),
        ("FREQ=MONTHLY;INTERVAL=2;BYMONTH=1", dt.date(2000, 3, 31), True),
        # every second year from an odd year never meets 29 February; from 2000 it does
        ("FREQ=YEARLY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=29", dt.date(2001, 1, 1), False),
        ("FREQ=YEARLY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=29", dt.date(2000, 1, 1), True),
        # every seventh day from a Tuesday is always a Tuesday
        ("FREQ=DAILY;INTERVAL=7;BYDAY=MO", dt.date(2000, 1, 4), False),
        ("FREQ=DAILY;INTERVAL=7;BYDAY=MO", dt.date(2000, 1, 3), True),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", dt.date(2000, 1, 4), True),
        ("FREQ=MONTHLY;INTERVAL=60;BYMONTH=2", dt.date(2000, 1, 1), False),
    ],
)
def test_an_interval_that_never_meets_its_by_parts_from_the_first_date_is_refused(
    rule: str, first: dt.date, accepted: bool
) -> None:
    if accepted:
        plan = _plan(rule, first)
        assert schedules.due_dates(plan, until=first.replace(year=first.year + 40))
        return
    with pytest.raises(frivillig.ValidationError) as caught:
        _plan(rule, first)
    assert [(p.path, p.code) for p in caught.value.problems] == [("$.rrule", "range")]
    assert caught.value.problems[0].message.startswith("yields no date from the first date")


# -- counting the work -------------------------------------------------------------------


class _Periods:
    """Counts the periods dateutil builds while it expands rules."""

    def __init__(self) -> None:
        self.count = 0


@pytest.fixture
def periods(monkeypatch: pytest.MonkeyPatch) -> _Periods:
    counter = _Periods()
    info = dateutil_rrule._iterinfo
    for name in ("ydayset", "mdayset", "wdayset", "ddayset"):
        original = getattr(info, name)

        def counted(self: Any, *args: Any, __original: Any = original) -> Any:
            counter.count += 1
            return __original(self, *args)

        monkeypatch.setattr(info, name, counted)
    return counter


def _cold() -> None:
    schedules._WINDOWS.clear()
    schedules._STATUSES.clear()
    schedules._COUNTED.clear()


# The most periods one question may visit: twenty years of days looked back over, and
# the longest gap an accepted rule can have between two dates (29 February, eight years
# of days), for every status, check, score and rendering together, with room to spare.
MAX_PERIODS = 4 * (20 * 366 + 8 * 366 + 1000)

_HOSTILE = (
    ("FREQ=DAILY", dt.date(1, 1, 1)),
    ("FREQ=DAILY", dt.date(2026, 1, 1)),
    ("FREQ=DAILY;UNTIL=99991231", dt.date(2026, 1, 1)),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29", dt.date(1, 1, 1)),
    ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", dt.date(1, 1, 1)),
    ("FREQ=MONTHLY;BYMONTH=2;BYDAY=5MO", dt.date(1, 1, 1)),
    ("FREQ=YEARLY;BYMONTH=2;BYDAY=5MO", dt.date(1, 1, 1)),
    ("FREQ=MONTHLY;BYSETPOS=5;BYDAY=MO;BYMONTH=2", dt.date(1, 1, 1)),
    ("FREQ=DAILY;COUNT=1000", dt.date(1, 1, 1)),
    ("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=29;COUNT=24", dt.date(1, 1, 1)),
    # sparse and counted: 124 dates over 62 years of days, counted from the first date
    ("FREQ=DAILY;BYMONTH=1;BYMONTHDAY=1,-1;COUNT=124", dt.date(1938, 1, 1)),
    ("FREQ=DAILY;BYHOUR=23;BYMINUTE=59;BYSECOND=59", dt.date(1, 1, 1)),
)


@pytest.mark.parametrize(("rule", "first"), _HOSTILE)
@pytest.mark.parametrize(
    "today", [dt.date(1, 1, 1), dt.date(2026, 11, 27), dt.date(2100, 1, 1), dt.date.max]
)
def test_hostile_plans_take_bounded_work_on_any_day(
    rule: str, first: dt.date, today: dt.date, periods: _Periods
) -> None:
    collaboration = _with_plan(rule, first)
    _cold()
    periods.count = 0
    frivillig.check(collaboration, today=today)
    frivillig.score_all(collaboration, today=today)
    schedules.render_schedule(collaboration, today=today)
    assert periods.count <= MAX_PERIODS


def _rules() -> st.SearchStrategy[str]:
    """Accepted rules of every shape, including the sparse and the dense."""
    freq = st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"])
    months = st.lists(st.integers(1, 12), min_size=1, max_size=3, unique=True)
    monthdays = st.lists(st.integers(-31, 31).filter(bool), min_size=1, max_size=3, unique=True)
    days = st.lists(
        st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU", "1MO", "-1FR", "2WE", "5SU"]),
        min_size=1,
        max_size=3,
        unique=True,
    )

    @st.composite
    def build(draw: st.DrawFn) -> str:
        parts = [f"FREQ={draw(freq)}"]
        if draw(st.booleans()):
            parts.append(f"INTERVAL={draw(st.integers(1, 1000))}")
        if draw(st.booleans()):
            parts.append("BYMONTH=" + ",".join(map(str, draw(months))))
        choice = draw(st.integers(0, 2))
        if choice == 1:
            parts.append("BYMONTHDAY=" + ",".join(map(str, draw(monthdays))))
        elif choice == 2:
            parts.append("BYDAY=" + ",".join(draw(days)))
            if draw(st.booleans()):
                parts.append(f"BYSETPOS={draw(st.sampled_from([1, -1, 2, 5]))}")
        ending = draw(st.integers(0, 2))
        if ending == 1:
            parts.append(f"COUNT={draw(st.integers(1, 1000))}")
        elif ending == 2:
            until = draw(st.dates(min_value=dt.date(1, 1, 1)))
            parts.append(f"UNTIL={until.year:04d}{until.month:02d}{until.day:02d}")
        return ";".join(parts)

    return build()


def _accepted(rule: str, first: dt.date) -> frivillig.EvaluationPlan | None:
    try:
        return _plan(rule, first)
    except frivillig.ValidationError:
        return None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    rule=_rules(),
    first=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(2100, 1, 1)),
    data=st.data(),
)
def test_any_accepted_plan_takes_bounded_work_up_to_2100(
    rule: str, first: dt.date, data: st.DataObject
) -> None:
    assume(_accepted(rule, first) is not None)
    today = data.draw(st.dates(min_value=first, max_value=dt.date(2100, 12, 31)))
    collaboration = _with_plan(rule, first)
    counter = _Periods()
    info = dateutil_rrule._iterinfo
    originals = {name: getattr(info, name) for name in ("ydayset", "mdayset", "wdayset", "ddayset")}

    def wrap(original: Any) -> Any:
        def counted(self: Any, *args: Any) -> Any:
            counter.count += 1
            return original(self, *args)

        return counted

    _cold()
    try:
        for name, original in originals.items():
            setattr(info, name, wrap(original))
        frivillig.check(collaboration, today=today)
        frivillig.score_all(collaboration, today=today)
        schedules.render_schedule(collaboration, today=today)
    finally:
        for name, original in originals.items():
            setattr(info, name, original)
    assert counter.count <= MAX_PERIODS, (rule, first, today, counter.count)


# -- starting late gives the same dates ----------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    rule=_rules().filter(lambda text: "COUNT" not in text),
    first=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    offset=st.integers(0, 40_000),
)
def test_a_rule_started_late_gives_the_dates_it_gives_from_its_first_date(
    rule: str, first: dt.date, offset: int
) -> None:
    plan = _accepted(rule, first)
    assume(plan is not None)
    assert plan is not None
    since = add_days(first, offset)
    parsed = schedules._parse(plan.rrule, plan.first_date)
    late = list(_take(schedules._dates(parsed, since), 12))
    from_first = dateutil_rrule.rrulestr(
        rule, dtstart=dt.datetime.combine(first, dt.time())
    ).replace(wkst=0)
    expected: list[dt.date] = []
    for occurrence in from_first.xafter(dt.datetime.combine(since, dt.time()), inc=True):
        day = occurrence.date()
        if not expected or expected[-1] != day:
            expected.append(day)
        if len(expected) == 12:
            break
    assert late == expected


def _take(dates: Iterator[dt.date], count: int) -> Iterator[dt.date]:
    for index, day in enumerate(dates):
        if index == count:
            return
        yield day


# -- the caches are bounded in bytes ---------------------------------------------------------


def test_the_schedule_caches_stay_within_their_bytes() -> None:
    _cold()
    plan = _plan("FREQ=DAILY", dt.date(1900, 1, 1))
    for offset in range(400):
        schedules.evaluation_status(plan, today=add_days(dt.date(2000, 1, 1), offset * 17))
    assert schedules._WINDOWS.bytes <= schedules._WINDOWS.max_bytes
    assert schedules._STATUSES.bytes <= schedules._STATUSES.max_bytes
    assert len(schedules._WINDOWS) < 400  # the budget, not the count, decided


def test_a_bounded_cache_drops_the_least_recently_used() -> None:
    cache: BoundedCache[int, str] = BoundedCache(100, lambda _, value: len(value), "test")
    cache.put(1, "a" * 20)
    cache.put(2, "b" * 20)
    assert cache.get(1) == "a" * 20
    for key in range(3, 7):
        cache.put(key, "c" * 20)
    assert cache.bytes <= 100
    assert cache.get(2) is None
    assert cache.put(99, "x" * 26) == "x" * 26  # over a quarter of the budget: not kept
    assert cache.get(99) is None


def test_a_status_looks_back_twenty_years() -> None:
    plan = _plan("FREQ=YEARLY", dt.date(1950, 6, 1))
    status = schedules.evaluation_status(plan, today=dt.date(2026, 11, 27))
    assert status.due[0].due_on == dt.date(2007, 6, 1)
    assert schedules.judged_from(plan, dt.date(2026, 11, 27)) == dt.date(2006, 11, 27)
    recent = _plan("FREQ=YEARLY", dt.date(2020, 6, 1))
    assert schedules.evaluation_status(recent, today=TODAY).due[0].due_on == dt.date(2020, 6, 1)


# -- the edges of the calendar -------------------------------------------------------------

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EDGES = ("0001-01-01", "0001-01-02", "9999-12-30", "9999-12-31")


def _date_paths(node: object, path: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _date_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _date_paths(value, (*path, index))
    elif isinstance(node, str) and _DATE.match(node):
        yield path


def _set(document: Any, path: tuple[object, ...], value: str) -> None:
    for step in path[:-1]:
        document = document[step]
    document[path[-1]] = value


def test_a_child_certificate_at_the_end_of_the_calendar() -> None:
    example = frivillig.load_example()
    volunteer = attrs.evolve(
        example.volunteers[0],
        started_on=dt.date.max,
        occasions_with_children=5,
        longest_continuous_days=30,
    )
    collaboration = attrs.evolve(example, volunteers=(volunteer, *example.volunteers[1:]))
    for today in (dt.date.min, TODAY, dt.date.max):
        frivillig.check(collaboration, today=today)
    assert add_months(dt.date.max, 3) == dt.date.max
    assert add_days(dt.date.min, -1) == dt.date.min


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    collaboration=strategies.collaborations(max_rounds=2),
    data=st.data(),
    today=st.sampled_from([dt.date.min, TODAY, dt.date.max]),
)
def test_every_rule_score_and_schedule_works_at_the_calendars_edges(
    collaboration: frivillig.Collaboration, data: st.DataObject, today: dt.date
) -> None:
    document = json.loads(frivillig.dumps(collaboration))
    paths = list(_date_paths(document))
    assume(paths)
    for path in data.draw(st.lists(st.sampled_from(paths), min_size=1, max_size=4)):
        _set(document, path, data.draw(st.sampled_from(_EDGES)))
    try:
        moved = frivillig.loads(json.dumps(document))
    except frivillig.ValidationError:
        assume(False)
        return
    assert isinstance(moved, frivillig.Collaboration)
    frivillig.check(moved, today=today)
    frivillig.score_all(moved, today=today)
    schedules.render_schedule(moved, today=today)
