"""FR113 on the hours logged: each calendar month against what the volunteer's benefit allows.

The planned hours (a task's ``hours_per_week``) are the forecast and are tested in
``test_domain_volunteers.py``; here the facts are the time logs. Each case starts from
the embedded example, whose own logs break no limit, and puts in the logs it is about.
The example's tasks: ``besoegsven`` (index 0; v01 to v04) and ``aktivitetsudvalg``
(index 1; v02 and v05). Every volunteer is engaged through the association.
"""

import datetime as dt
import json
from collections import Counter
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import (
    DEFAULT_RULEBOOK,
    Benefit,
    CheckSettings,
    Collaboration,
    Engagement,
    TimeLog,
    WorkCategory,
    check,
)
from frivillig import strategies as fs

TODAY = dt.date(2026, 12, 1)
MARCH, APRIL, MAY = dt.date(2026, 3, 1), dt.date(2026, 4, 1), dt.date(2026, 5, 1)
VISITS, COMMITTEE = "besoegsven", "aktivitetsudvalg"
LOGGED = ("benefit_hours_logged", "work_category_unknown_logged", "benefit_unknown_logged")
UNPAID, ACTIVITY = WorkCategory.UNPAID_WORK, WorkCategory.ACTIVITY


def log(volunteer: str, task: str, month: dt.date, hours: float) -> TimeLog:
    return TimeLog(volunteer=volunteer, task=task, month=month, hours=hours)


def case(
    *logs: TimeLog,
    benefit: Benefit | None = Benefit.UNEMPLOYMENT,
    direct: bool = False,
    visits: WorkCategory | None = UNPAID,
    committee: WorkCategory | None = None,
    offered: float | None = None,
) -> Collaboration:
    """The example with only ``logs``; v01 on ``benefit``, v01 and v02 offering ``offered``.

    v01 is also put on the committee, so that it can log hours there.
    """
    c = frivillig.load_example()
    volunteers = list(c.volunteers)
    changes: dict[str, Any] = {"benefit": benefit, "hours_offered_per_week": offered}
    if direct:
        changes.update(engagement=Engagement.MUNICIPALITY, association=None)
    volunteers[0] = attrs.evolve(volunteers[0], **changes)
    volunteers[1] = attrs.evolve(volunteers[1], hours_offered_per_week=offered)
    tasks = (
        attrs.evolve(c.tasks[0], work_category=visits),
        attrs.evolve(c.tasks[1], work_category=committee, volunteers=("v01", "v02", "v05")),
    )
    return attrs.evolve(c, volunteers=tuple(volunteers), tasks=tasks, time_logs=logs)


def run(c: Collaboration, **changes: Any) -> list[frivillig.Finding]:
    """FR113's findings on the logged hours, with the settings changed by ``changes``."""
    report = check(c, today=TODAY, settings=CheckSettings(**changes))
    return [f for f in report.filter(codes=["FR113"]) if f.reason in LOGGED]


def found(c: Collaboration, **changes: Any) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.reason, f.paths) for f in run(c, **changes)]


def v01(*logs: int) -> tuple[str, ...]:
    return ("$.volunteers[0]", *(f"$.time_logs[{n}]" for n in logs))


# -- the limits ---------------------------------------------------------------------------


def test_the_example_logs_break_no_limit() -> None:
    example = frivillig.load_example()
    assert example.time_logs
    assert found(example) == []
    # ... nor with v01 on dagpenge and the visits counted as unpaid work (at most 9.5 h).
    heavy = case(*example.time_logs)
    assert found(heavy) == []


def test_dagpenge_44_hours_are_allowed_and_a_quarter_more_is_not() -> None:
    assert found(case(log("v01", VISITS, MARCH, 44))) == []
    over = run(case(log("v01", VISITS, MARCH, 44.25)))
    assert [(f.reason, f.paths) for f in over] == [("benefit_hours_logged", v01(0))]
    assert over[0].personal
    assert over[0].severity is frivillig.Severity.WARNING
    assert over[0].message_en == (
        "Volunteer 'v01' logged more hours of unpaid voluntary work (task 'besoegsven') in "
        "March 2026 than the 44 hours a month a volunteer on unemployment benefit (dagpenge) "
        "may give without deduction (activities do not count). The hours over the limit are "
        "deducted from the benefit: ask the volunteer to clear them with their unemployment "
        "fund (a-kasse), and plan fewer hours."
    )
    assert over[0].message_da == (
        "Den frivillige 'v01' har i marts 2026 registreret flere timer frivilligt ulønnet "
        "arbejde (opgaven 'besoegsven'), end de 44 timer om måneden, en frivillig på dagpenge "
        "må give uden fradrag (aktiviteter tæller ikke med). Timerne over grænsen trækkes i "
        "dagpengene: bed den frivillige afklare dem med sin a-kasse, og planlæg færre timer."
    )
    assert "Bekendtgørelse om udbetaling af dagpenge" in over[0].source


def test_efterloen_65_hours_are_allowed_and_a_quarter_more_is_not() -> None:
    def on_efterloen(hours: float) -> Collaboration:
        return case(log("v01", VISITS, MARCH, hours), benefit=Benefit.EARLY_RETIREMENT)

    assert found(on_efterloen(65)) == []
    over = run(on_efterloen(65.25))
    assert [(f.reason, f.paths) for f in over] == [("benefit_hours_logged", v01(0))]
    assert "than the 65 hours a month" in over[0].message_en
    assert "early retirement pay (efterløn)" in over[0].message_en
    assert "end de 65 timer om måneden, en frivillig på efterløn" in over[0].message_da
    assert "trækkes i efterlønnen" in over[0].message_da


def test_directly_for_the_municipality_every_hour_counts() -> None:
    # An activity, which through an association would not count at all.
    one_hour = case(log("v01", VISITS, MARCH, 0.25), direct=True, visits=ACTIVITY)
    over = run(one_hour)
    assert [(f.reason, f.paths) for f in over] == [("benefit_hours_logged", v01(0))]
    assert over[0].message_en == (
        "Volunteer 'v01' volunteers directly for the municipality and logged hours in March "
        "2026; for a volunteer on unemployment benefit (dagpenge), voluntary work directly for "
        "a public institution is deducted hour by hour. Ask the volunteer to clear the hours "
        "with their unemployment fund (a-kasse), and engage the volunteer through an "
        "association, or plan fewer hours."
    )
    assert over[0].message_da.startswith(
        "Den frivillige 'v01' er frivillig direkte for kommunen og har registreret timer i "
        "marts 2026; for en frivillig på dagpenge trækkes frivilligt arbejde direkte for en "
        "offentlig institution time for time i dagpengene."
    )
    # A task whose kind is not recorded counts as well: nothing is unknown here.
    unknown = case(log("v01", COMMITTEE, MARCH, 1), direct=True)
    assert found(unknown) == [("benefit_hours_logged", v01(0))]
    # No hours that month: nothing to deduct.
    assert found(case(log("v01", VISITS, MARCH, 0), direct=True)) == []


def test_directly_for_the_municipality_against_a_changed_setting() -> None:
    def direct(hours: float) -> Collaboration:
        return case(log("v01", VISITS, MARCH, hours), direct=True, benefit=Benefit.EARLY_RETIREMENT)

    assert found(direct(10), benefit_free_hours_public=10) == []
    over = run(direct(10.25), benefit_free_hours_public=10)
    assert [(f.reason, f.paths) for f in over] == [("benefit_hours_logged", v01(0))]
    assert "logged more than 10 hours a month in March 2026" in over[0].message_en
    assert "registreret flere end 10 timer om måneden i marts 2026" in over[0].message_da
    assert "efterlønnen" in over[0].message_da


def test_activity_hours_do_not_count_through_an_association() -> None:
    assert found(case(log("v01", VISITS, MARCH, 200), visits=ACTIVITY)) == []
    # ... and do not add up with unpaid work in the same month.
    c = case(
        log("v01", VISITS, MARCH, 200),
        log("v01", COMMITTEE, MARCH, 44),
        visits=ACTIVITY,
        committee=UNPAID,
    )
    assert found(c) == []


def test_settings_change_the_limits() -> None:
    c = case(log("v01", VISITS, MARCH, 50))
    assert found(c) == [("benefit_hours_logged", v01(0))]
    assert found(c, benefit_free_hours_per_month=50) == []
    over = run(c, benefit_free_hours_per_month=49.75)
    assert "than the 49.8 hours a month" in over[0].message_en
    efterloen = case(log("v01", VISITS, MARCH, 50), benefit=Benefit.EARLY_RETIREMENT)
    assert found(efterloen) == []
    assert found(efterloen, early_retirement_free_hours_per_month=40) == [
        ("benefit_hours_logged", v01(0))
    ]
    # The dagpenge setting does not touch efterløn, and the other way round.
    assert found(efterloen, benefit_free_hours_per_month=10) == []
    assert found(c, early_retirement_free_hours_per_month=100) == [("benefit_hours_logged", v01(0))]
    # A rulebook configured the same way gives the same answer.
    book = DEFAULT_RULEBOOK.only("FR113").configure(benefit_free_hours_per_month=50)
    assert list(check(c, today=TODAY, rulebook=book)) == []


# -- which logs count ---------------------------------------------------------------------


def test_only_the_months_over_the_limit_are_named() -> None:
    c = case(
        log("v01", VISITS, MARCH, 45),
        log("v01", VISITS, APRIL, 44),
        log("v01", VISITS, MAY, 50),
        log("v01", VISITS, dt.date(2027, 1, 1), 60),
    )
    over = run(c)
    assert [(f.reason, f.paths) for f in over] == [("benefit_hours_logged", v01(0, 2, 3))]
    assert "in March 2026, May 2026 and January 2027 than" in over[0].message_en
    assert "i marts 2026, maj 2026 og januar 2027 registreret" in over[0].message_da
    assert "April" not in over[0].message_en
    assert "april" not in over[0].message_da


def test_two_tasks_in_the_same_month_add_up() -> None:
    c = case(
        log("v01", VISITS, MARCH, 30),
        log("v01", VISITS, APRIL, 30),
        log("v01", COMMITTEE, MARCH, 14.25),
        committee=UNPAID,
    )
    over = run(c)
    assert [(f.reason, f.paths) for f in over] == [("benefit_hours_logged", v01(0, 2))]
    assert "(tasks 'aktivitetsudvalg' and 'besoegsven')" in over[0].message_en
    assert "(opgaverne 'aktivitetsudvalg' og 'besoegsven')" in over[0].message_da
    assert found(attrs.evolve(c, time_logs=c.time_logs[:2])) == []


def test_the_logs_of_other_volunteers_do_not_count() -> None:
    c = case(
        log("v02", VISITS, MARCH, 40),
        log("v03", VISITS, MARCH, 8),
        log("v01", VISITS, MARCH, 10),
    )
    assert found(c) == []
    # v02 on dagpenge too: its own finding, with its own logs.
    v02 = attrs.evolve(c.volunteers[1], benefit=Benefit.UNEMPLOYMENT)
    both = attrs.evolve(c, volunteers=(c.volunteers[0], v02, *c.volunteers[2:]))
    assert found(both) == []
    more = attrs.evolve(both, time_logs=(*both.time_logs, log("v02", COMMITTEE, MARCH, 5)))
    # The committee's kind is not recorded: 45 hours, if they count.
    v02_logs = ("$.volunteers[1]", "$.time_logs[0]", "$.time_logs[3]")
    assert found(more) == [("work_category_unknown_logged", ("$.volunteers[1]", "$.time_logs[3]"))]
    unpaid = attrs.evolve(
        more, tasks=(more.tasks[0], attrs.evolve(more.tasks[1], work_category=UNPAID))
    )
    assert found(unpaid) == [("benefit_hours_logged", v02_logs)]


def test_no_benefit_no_finding_on_benefit_hours() -> None:
    c = case(
        log("v01", VISITS, MARCH, 300), log("v01", COMMITTEE, MARCH, 300), benefit=Benefit.NONE
    )
    assert found(c) == []
    for benefit in (Benefit.NONE, None):
        assert found(case(log("v01", VISITS, MARCH, 300), benefit=benefit, direct=True)) == []


def test_a_benefit_not_recorded_is_reported_where_the_hours_would_matter() -> None:
    # Through an association, unpaid voluntary work over the lower limit (44 hours, dagpenge):
    # whether hours are deducted depends on the benefit, which is not recorded.
    c = case(
        log("v01", VISITS, MARCH, 44),
        log("v01", VISITS, APRIL, 44.25),
        log("v01", COMMITTEE, MAY, 300),  # kind not recorded: not counted
        benefit=None,
    )
    unknown = run(c)
    assert [(f.reason, f.paths) for f in unknown] == [("benefit_unknown_logged", v01(1))]
    assert unknown[0].personal
    assert "April 2026" in unknown[0].message_en
    assert "april 2026" in unknown[0].message_da
    assert "is not recorded" in unknown[0].message_en
    # The lower of the two limits is the one that matters.
    assert found(c, benefit_free_hours_per_month=70) == []
    assert found(c, benefit_free_hours_per_month=70, early_retirement_free_hours_per_month=40)
    # Activities never count; recording the benefit (or none) answers the question.
    assert found(case(log("v01", VISITS, APRIL, 300), benefit=None, visits=ACTIVITY)) == []
    assert (
        found(
            attrs.evolve(
                c,
                volunteers=(attrs.evolve(c.volunteers[0], benefit=Benefit.NONE), *c.volunteers[1:]),
            )
        )
        == []
    )


def test_a_plan_over_the_lower_limit_with_no_benefit_recorded_is_reported() -> None:
    plan = case(benefit=None)
    tasks = (attrs.evolve(plan.tasks[0], hours_per_week=11), plan.tasks[1])  # ~47.7 a month
    plan = attrs.evolve(plan, tasks=tasks)
    report = check(plan, today=TODAY)
    reasons = {(f.reason, f.paths[0]) for f in report.filter(codes=["FR113"])}
    assert ("benefit_unknown", "$.volunteers[0]") in reasons
    ten = attrs.evolve(plan, tasks=(attrs.evolve(tasks[0], hours_per_week=10), tasks[1]))
    assert not [f for f in check(ten, today=TODAY) if f.reason == "benefit_unknown"]
    # Directly for the municipality every hour would count: an unrecorded benefit is not
    # reported there.
    direct = attrs.evolve(
        plan,
        volunteers=(
            attrs.evolve(plan.volunteers[0], engagement=Engagement.MUNICIPALITY, association=None),
            *plan.volunteers[1:],
        ),
    )
    unknown = {f.paths[0] for f in check(direct, today=TODAY) if f.reason == "benefit_unknown"}
    assert "$.volunteers[0]" not in unknown


def test_no_logs_no_finding_on_logged_hours() -> None:
    # A version 2 document has none: the plan alone is read, as before.
    assert found(case()) == []


# -- kinds of work not recorded -----------------------------------------------------------


def test_a_log_on_a_task_whose_kind_is_not_recorded_is_reported_when_it_matters() -> None:
    c = case(log("v01", VISITS, MARCH, 30), log("v01", COMMITTEE, MARCH, 20))
    over = run(c)
    assert [(f.reason, f.paths) for f in over] == [("work_category_unknown_logged", v01(1))]
    assert over[0].personal
    assert over[0].message_en == (
        "Volunteer 'v01' receives unemployment benefit (dagpenge), but whether task "
        "'aktivitetsudvalg' is an activity, which does not count, or unpaid voluntary work, "
        "which may take at most 44 hours a month without deduction, is not recorded. Counting "
        "every hour logged, the volunteer went over the limit in March 2026. Record which kind "
        "of work the task is, or ask the volunteer to clear the hours with their unemployment "
        "fund (a-kasse)."
    )
    assert over[0].message_da == (
        "Den frivillige 'v01' er på dagpenge, men det er ikke registreret, om opgaven "
        "'aktivitetsudvalg' er en aktivitet, som ikke tæller med, eller frivilligt ulønnet "
        "arbejde, der højst må fylde 44 timer om måneden uden fradrag. Tæller alle de "
        "registrerede timer med, var den frivillige over grænsen i marts 2026. Registrér, "
        "hvilken slags arbejde opgaven er, eller bed den frivillige afklare timerne med sin "
        "a-kasse."
    )
    # Within the limit even if every hour counts: the answer is known.
    assert found(case(log("v01", VISITS, MARCH, 30), log("v01", COMMITTEE, MARCH, 14))) == []


def test_unknown_kinds_alone_can_take_a_month_over() -> None:
    c = case(log("v01", COMMITTEE, MARCH, 45), log("v01", COMMITTEE, APRIL, 44))
    assert found(c) == [("work_category_unknown_logged", v01(0))]
    # Both tasks unrecorded: the plural, and both tasks' logs that month.
    both = case(log("v01", VISITS, MARCH, 30), log("v01", COMMITTEE, MARCH, 20), visits=None)
    over = run(both)
    assert [(f.reason, f.paths) for f in over] == [("work_category_unknown_logged", v01(0, 1))]
    assert "whether tasks 'aktivitetsudvalg' and 'besoegsven' are activities" in (
        over[0].message_en
    )
    assert "Record which kind of work the tasks are" in over[0].message_en
    assert "om opgaverne 'aktivitetsudvalg' og 'besoegsven' er aktiviteter" in over[0].message_da


def test_a_month_already_over_is_not_also_reported_as_unknown() -> None:
    c = case(
        log("v01", VISITS, MARCH, 45),
        log("v01", COMMITTEE, MARCH, 10),
        log("v01", VISITS, APRIL, 40),
        log("v01", COMMITTEE, APRIL, 10),
    )
    assert found(c) == [
        ("benefit_hours_logged", v01(0)),
        ("work_category_unknown_logged", v01(3)),
    ]


def test_activities_are_known_not_to_count() -> None:
    c = case(log("v01", VISITS, MARCH, 300), log("v01", COMMITTEE, MARCH, 44), visits=ACTIVITY)
    assert found(c) == []


# -- hours logged over the offer ----------------------------------------------------------


def test_hours_logged_beyond_the_offer_are_no_finding() -> None:
    # 3 hours a week offered is about 13 hours a month; a volunteer may choose to give more.
    c = case(
        log("v01", VISITS, MARCH, 30), log("v01", COMMITTEE, MARCH, 5), benefit=None, offered=3
    )
    assert found(c) == []


# -- personal data ------------------------------------------------------------------------

MARKERS = (
    *("47.75", "47,75", "47.8", "47,8"),
    *("40.5", "40,5", "3.75", "3,75", "44.25", "44,25", "44.3", "44,3"),
)
"""The hours logged below, every way a message could write them or their sum."""


def test_the_hours_logged_never_appear_in_a_finding() -> None:
    c = case(
        log("v01", VISITS, MARCH, 47.75),
        log("v01", VISITS, APRIL, 40.5),
        log("v01", COMMITTEE, APRIL, 3.75),
        offered=1,
    )
    report = check(c, today=TODAY)
    logged = [f for f in report if f.reason in LOGGED]
    assert sorted(f.reason for f in logged) == [
        "benefit_hours_logged",
        "work_category_unknown_logged",
    ]
    assert all(f.personal for f in logged)
    texts = [report.to_text("en"), report.to_text("da"), report.to_json(), repr(report)]
    texts += [repr(f) for f in report]
    for text in texts:
        for marker in MARKERS:
            assert marker not in text, marker
    # A finding that names a volunteer's logged months is personal, whatever its reason.
    for finding in report:
        if any(".time_logs[" in path for path in finding.paths):
            assert finding.personal, finding.reason
    assert json.loads(report.to_json())["findings"]


# -- properties ---------------------------------------------------------------------------

EN_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
MONTHS = st.sampled_from([MARCH, APRIL, MAY])
HOURS = st.integers(0, 60 * 4).map(lambda quarters: quarters / 4) | st.floats(0, 70)
"""Mostly quarter hours, whose sums land exactly on a limit; now and then any hours."""
CATEGORIES = st.sampled_from([UNPAID, ACTIVITY, None])
PAIRS = [(v, VISITS) for v in ("v01", "v02", "v03", "v04")] + [
    (v, COMMITTEE) for v in ("v01", "v02", "v05")
]


@st.composite
def example_cases(draw: st.DrawFn) -> Collaboration:
    """The example with drawn benefits, engagements, kinds of work, offers and logs.

    Three months and mostly quarter hours up to 60 a log, so that sums land on and near
    the limits.
    """
    c = case(visits=draw(CATEGORIES), committee=draw(CATEGORIES))
    volunteers = []
    for volunteer in c.volunteers:
        changes: dict[str, Any] = {
            "benefit": draw(st.sampled_from([*Benefit, None])),
            "hours_offered_per_week": draw(st.none() | st.integers(0, 12).map(float)),
        }
        if draw(st.booleans()):
            changes.update(engagement=Engagement.MUNICIPALITY, association=None)
        volunteers.append(attrs.evolve(volunteer, **changes))
    keys = draw(st.lists(st.tuples(st.sampled_from(PAIRS), MONTHS), unique=True, max_size=12))
    logs = tuple(log(v, t, month, draw(HOURS)) for (v, t), month in keys)
    return attrs.evolve(c, volunteers=tuple(volunteers), time_logs=logs)


ANY_CASE = example_cases() | fs.collaborations(max_time_logs=8)


def limit_of(volunteer: frivillig.Volunteer, s: CheckSettings) -> float:
    if volunteer.engagement is Engagement.MUNICIPALITY:
        return s.benefit_free_hours_public
    if volunteer.benefit is Benefit.EARLY_RETIREMENT:
        return s.early_retirement_free_hours_per_month
    return s.benefit_free_hours_per_month


def months_over(logs: list[tuple[int, TimeLog]], limit: float) -> dict[dt.date, list[int]]:
    """The months whose hours, summed exactly, exceed ``limit``, with their logs' indexes."""
    sums: dict[dt.date, Fraction] = {}
    for _, entry in logs:
        sums[entry.month] = sums.get(entry.month, Fraction(0)) + Fraction(entry.hours)
    over = {month for month, total in sums.items() if total > Fraction(limit)}
    return {month: [n for n, entry in logs if entry.month == month] for month in over}


def finding_of(reason: str, v: int, indexes: list[int]) -> tuple[str, tuple[str, ...]]:
    return reason, (f"$.volunteers[{v}]", *(f"$.time_logs[{n}]" for n in sorted(indexes)))


def expected(c: Collaboration, s: CheckSettings) -> set[tuple[str, tuple[str, ...]]]:
    """The logged-hours findings worked out the long way, with exact sums."""
    kinds = {task.id: task.work_category for task in c.tasks}
    result = set()
    for v, volunteer in enumerate(c.volunteers):
        own = [(n, entry) for n, entry in enumerate(c.time_logs) if entry.volunteer == volunteer.id]
        if volunteer.benefit in (Benefit.UNEMPLOYMENT, Benefit.EARLY_RETIREMENT):
            limit = limit_of(volunteer, s)
            direct = volunteer.engagement is Engagement.MUNICIPALITY
            counted = [(n, e) for n, e in own if direct or kinds[e.task] is UNPAID]
            unknown = [(n, e) for n, e in own if not direct and kinds[e.task] is None]
            over = months_over(counted, limit)
            if over:
                result.add(
                    finding_of("benefit_hours_logged", v, [n for ns in over.values() for n in ns])
                )
            unknown_months = {e.month for _, e in unknown}
            maybe = [
                n
                for month, indexes in months_over(counted + unknown, limit).items()
                if month not in over and month in unknown_months
                for n in indexes
                if kinds[c.time_logs[n].task] is None
            ]
            if maybe:
                result.add(finding_of("work_category_unknown_logged", v, maybe))
        elif volunteer.benefit is None and volunteer.engagement is Engagement.ASSOCIATION:
            lower = min(s.benefit_free_hours_per_month, s.early_retirement_free_hours_per_month)
            counted = [(n, e) for n, e in own if kinds[e.task] is UNPAID]
            over = months_over(counted, lower)
            if over:
                result.add(
                    finding_of("benefit_unknown_logged", v, [n for ns in over.values() for n in ns])
                )
    return result


SETTINGS = st.builds(
    CheckSettings,
    benefit_free_hours_per_month=st.sampled_from([44.0, 20.0, 60.25]),
    early_retirement_free_hours_per_month=st.sampled_from([65.0, 30.0]),
    benefit_free_hours_public=st.sampled_from([0.0, 10.0]),
)


@settings(max_examples=200, deadline=None)
@given(ANY_CASE, SETTINGS)
def test_a_finding_exactly_when_a_month_goes_over(c: Collaboration, s: CheckSettings) -> None:
    report = check(c, today=TODAY, settings=s)
    got = [(f.reason, f.paths) for f in report.filter(codes=["FR113"]) if f.reason in LOGGED]
    assert len(got) == len(set(got))
    assert set(got) == expected(c, s)
    # One finding of each kind per volunteer, naming each month it is about.
    assert len({(reason, paths[0]) for reason, paths in got}) == len(got)
    for finding in report:
        if finding.reason in LOGGED:
            assert finding.personal
            named = {c.time_logs[int(p[12:-1])].month for p in finding.paths[1:]}
            for month in {entry.month for entry in c.time_logs}:
                name = f"{EN_MONTHS[month.month - 1]} {month.year}"
                assert (name in finding.message_en) is (month in named), name


def logged_months(report: frivillig.Report) -> dict[str, set[str]]:
    """Each volunteer's paths of logs in a benefit_hours_logged finding."""
    return {f.paths[0]: set(f.paths[1:]) for f in report if f.reason == "benefit_hours_logged"}


@settings(max_examples=200, deadline=None)
@given(ANY_CASE, st.data())
def test_adding_a_log_never_removes_a_benefit_hours_finding(
    c: Collaboration, data: st.DataObject
) -> None:
    assume(c.volunteers and c.tasks)
    volunteer = data.draw(st.sampled_from([v.id for v in c.volunteers]))
    task = data.draw(st.sampled_from([t.id for t in c.tasks]))
    first = frivillig.month_of(c.start_on)
    month = data.draw(
        st.sampled_from([first, *(e.month for e in c.time_logs)]) if c.time_logs else st.just(first)
    )
    assume(all((e.volunteer, e.task, e.month) != (volunteer, task, month) for e in c.time_logs))
    added = attrs.evolve(c, time_logs=(*c.time_logs, log(volunteer, task, month, data.draw(HOURS))))
    before = logged_months(check(c, today=TODAY))
    after = logged_months(check(added, today=TODAY))
    for who, paths in before.items():
        assert who in after
        assert paths <= after[who]


def log_key(c: Collaboration, path: str) -> object:
    """A path with a log's index as the log's own key, which does not depend on order."""
    if path.startswith("$.time_logs["):
        entry = c.time_logs[int(path[12:-1])]
        return (entry.volunteer, entry.task, entry.month)
    return path


@settings(max_examples=200, deadline=None)
@given(ANY_CASE, st.randoms(use_true_random=False))
def test_the_order_of_the_logs_does_not_change_the_findings(c: Collaboration, random: Any) -> None:
    logs = list(c.time_logs)
    random.shuffle(logs)
    shuffled = attrs.evolve(c, time_logs=tuple(logs))
    # Reversed too: every two logs of a month then change places.
    backwards = attrs.evolve(c, time_logs=c.time_logs[::-1])

    def findings(of: Collaboration) -> Counter[object]:
        return Counter(
            (
                f.reason,
                f.message_da,
                f.message_en,
                f.personal,
                f.paths[0],
                frozenset(log_key(of, p) for p in f.paths),
            )
            for f in check(of, today=TODAY).filter(codes=["FR113"])
        )

    assert findings(shuffled) == findings(c)
    assert findings(backwards) == findings(c)


@pytest.mark.parametrize("hours", [43.75, 44.0])
def test_the_limit_itself_is_allowed(hours: float) -> None:
    # Split over the two tasks, so the sum is what is compared.
    c = case(
        log("v01", VISITS, MARCH, hours - 20),
        log("v01", COMMITTEE, MARCH, 20),
        committee=UNPAID,
    )
    assert found(c) == []
