"""The built-in rules: for each, a collaboration that breaks it and the nearest that does not.

Most cases start from the embedded example (a care home, a visiting-friends
association and a volunteer centre, which breaks no rule on ``TODAY``) and change
one thing. Dates in the expected values are computed by hand in the comments.
"""

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import frivillig
from frivillig import (
    BUILTIN_RULES,
    DEFAULT_RULEBOOK,
    AgeBand,
    Attachment,
    Benefit,
    ChildCertificateCheck,
    Collaboration,
    Engagement,
    EvaluationRound,
    FormalisationLevel,
    GoalStatus,
    LifecycleStatus,
    ManagementTask,
    PeriodWithChildren,
    Remuneration,
    ReservedKind,
    Severity,
    TaskKind,
    WorkCategory,
    check,
    schedules,
)

TODAY = dt.date(2026, 10, 15)


# -- helpers -----------------------------------------------------------------------


def base() -> Collaboration:
    return frivillig.load_example()


def run(collaboration: Collaboration, code: str, today: dt.date = TODAY, **settings: Any) -> list:
    book = DEFAULT_RULEBOOK.only(code)
    if settings:
        book = book.configure(**settings)
    return list(check(collaboration, today=today, rulebook=book))


def reasons(findings: list) -> list[tuple[str, tuple[str, ...]]]:
    return [(finding.reason, finding.paths) for finding in findings]


def task(c: Collaboration, index: int, **changes: Any) -> Collaboration:
    tasks = list(c.tasks)
    tasks[index] = attrs.evolve(tasks[index], **changes)
    return attrs.evolve(c, tasks=tuple(tasks))


def volunteer(c: Collaboration, index: int, **changes: Any) -> Collaboration:
    volunteers = list(c.volunteers)
    volunteers[index] = attrs.evolve(volunteers[index], **changes)
    return attrs.evolve(c, volunteers=tuple(volunteers))


def participant(c: Collaboration, index: int, **changes: Any) -> Collaboration:
    participants = list(c.participants)
    participants[index] = attrs.evolve(participants[index], **changes)
    return attrs.evolve(c, participants=tuple(participants))


def actor(c: Collaboration, index: int, **changes: Any) -> Collaboration:
    return participant(c, index, actor=attrs.evolve(c.participants[index].actor, **changes))


def goal(c: Collaboration, index: int, **changes: Any) -> Collaboration:
    goals = list(c.goals)
    goals[index] = attrs.evolve(goals[index], **changes)
    return attrs.evolve(c, goals=tuple(goals))


def certificate(on: dt.date, *, clear: bool = True) -> ChildCertificateCheck:
    return ChildCertificateCheck(checked_on=on, checked_by="besoegsvenner", clear=clear)


# -- the catalogue as a whole ------------------------------------------------------


def test_the_embedded_example_breaks_no_rule_on_the_day_checked() -> None:
    report = check(base(), today=TODAY)
    assert report.passes
    assert report.findings == ()
    assert report.rules == tuple(f"FR{n}" for n in range(101, 118))


def test_there_are_seventeen_rules_with_stable_codes_in_order() -> None:
    assert [rule.code for rule in BUILTIN_RULES] == [f"FR{n}" for n in range(101, 118)]
    assert len({rule.name for rule in BUILTIN_RULES}) == 17
    for rule in BUILTIN_RULES:
        assert rule.sources
        assert rule.rationale
        assert rule.title_da
        assert rule.title_en
        assert rule.failing_example is not None
        assert rule.passing_example is not None


EXAMPLE_PATHS = {
    "FR101": ("$.tasks[0]",),
    "FR102": ("$.tasks[0]",),
    "FR103": ("$.volunteers[4]", "$.tasks[1]"),
    "FR104": ("$.volunteers[2]", "$.tasks[0]"),
    "FR105": ("$.tasks[0]",),
    "FR106": ("$.volunteers[0]",),
    "FR107": ("$.goals[1]",),
    "FR108": ("$.responsibilities",),
    "FR109": ("$.evaluation_plan",),
    "FR110": ("$.formalisation",),
    "FR111": ("$.participants[3]", "$.forum.agenda_set_by"),
    "FR112": ("$.participants[2]",),
    "FR113": ("$.volunteers[1]", "$.tasks[0]", "$.tasks[1]"),
    "FR114": ("$.value_case.citizens",),
    "FR115": ("$.participants[2].actor.child_certificate_declaration_year",),
    "FR116": ("$.goals[0].agreements[0].party",),
    "FR117": ("$.rounds[1].summary",),
}


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda rule: rule.code)
def test_each_rules_failing_example_is_reported_at_the_right_object(rule: frivillig.Rule) -> None:
    assert rule.failing_example is not None
    assert rule.passing_example is not None
    failing = run(rule.failing_example.build(), rule.code, rule.failing_example.today)
    assert [finding.paths for finding in failing] == [EXAMPLE_PATHS[rule.code]]
    assert failing[0].severity is rule.severity
    assert failing[0].code == rule.code
    assert failing[0].name == rule.name
    assert run(rule.passing_example.build(), rule.code, rule.passing_example.today) == []


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda rule: rule.code)
def test_each_failing_example_breaks_no_other_rule_than_its_own(rule: frivillig.Rule) -> None:
    assert rule.failing_example is not None
    codes = {f.code for f in check(rule.failing_example.build(), today=TODAY)}
    also = {
        # A dangling agreement also leaves the goal unagreed by the real party.
        "FR116": {"FR107"},
        # Authority, reserved work and direction by the institution are a third heavy
        # driver (with money and the open end): a partnership agreement is recommended.
        "FR101": {"FR110"},
        "FR102": {"FR110"},
        "FR105": {"FR110"},
    }
    assert codes == {rule.code} | also.get(rule.code, set())


# -- FR101 authority ---------------------------------------------------------------


def test_fr101_reports_an_authority_task_even_before_anyone_is_assigned() -> None:
    found = run(task(base(), 1, exercises_authority=True, volunteers=()), "FR101")
    assert reasons(found) == [("authority_task", ("$.tasks[1]",))]
    assert "aktivitetsudvalg" in found[0].message_en
    assert "myndighedsudøvelse" in found[0].message_da
    assert run(task(base(), 1, volunteers=()), "FR101") == []


# -- FR102 reserved tasks ----------------------------------------------------------


def test_fr102_names_the_reserved_kinds_and_cites_the_authorisation_act_for_health_work() -> None:
    keys = run(task(base(), 0, reserved=(ReservedKind.KEYS, ReservedKind.MONEY)), "FR102")
    assert reasons(keys) == [("reserved_task", ("$.tasks[0]",))]
    # Declared order: money before keys, whatever order the task lists them in.
    assert "handling a citizen's money and keys to a citizen's home" in keys[0].message_en
    assert keys[0].source.startswith("Randers Kommune")
    medicine = run(task(base(), 0, reserved=(ReservedKind.MEDICINE,)), "FR102")
    assert medicine[0].source.startswith("Autorisationsloven")
    assert run(task(base(), 0, reserved=()), "FR102") == []


# -- FR103 child certificate -------------------------------------------------------


def children() -> Collaboration:
    """Task 1 (v02, v05) turns to children; v02 was checked before the start, v05 not."""
    c = task(base(), 1, children_contact=True)
    return volunteer(c, 1, child_certificate=certificate(dt.date(2026, 3, 5)))


def test_fr103_regular_volunteer_without_a_certificate_after_the_start() -> None:
    found = run(children(), "FR103")
    assert reasons(found) == [("missing_before_start", ("$.volunteers[4]", "$.tasks[1]"))]
    assert found[0].personal
    assert "'Besøgsvennerne i Valby' must obtain" in found[0].message_en
    # v05 started 2026-05-01; checked the day before: in time.
    fixed = volunteer(children(), 4, child_certificate=certificate(dt.date(2026, 4, 30)))
    assert run(fixed, "FR103") == []


def test_fr103_checked_on_the_day_of_the_start_is_in_time_the_day_after_is_late() -> None:
    same_day = volunteer(children(), 4, child_certificate=certificate(dt.date(2026, 5, 1)))
    assert run(same_day, "FR103") == []
    late = volunteer(children(), 4, child_certificate=certificate(dt.date(2026, 5, 2)))
    found = run(late, "FR103")
    assert reasons(found) == [("late", ("$.volunteers[4]", "$.tasks[1]"))]
    assert "2026-05-02" not in found[0].message_en + found[0].message_da  # no personal dates


def test_fr103_a_volunteer_who_has_not_started_needs_no_finding_yet() -> None:
    assert run(volunteer(children(), 4, started_on=dt.date(2026, 11, 1)), "FR103") == []
    # Without a start date the certificate is missing whatever the start was (issue 14).
    unknown = run(volunteer(children(), 4, started_on=None), "FR103")
    assert [f.reason for f in unknown] == ["missing_start_unknown"]


def test_fr103_a_check_that_was_not_clear_is_reported_at_once() -> None:
    unclear = volunteer(
        children(), 4, child_certificate=certificate(dt.date(2026, 4, 1), clear=False)
    )
    assert reasons(run(unclear, "FR103")) == [("not_clear", ("$.volunteers[4]", "$.tasks[1]"))]


def test_fr103_a_check_dated_after_today_counts_as_no_check() -> None:
    future = volunteer(children(), 4, child_certificate=certificate(dt.date(2026, 12, 1)))
    assert [f.reason for f in run(future, "FR103")] == ["missing_before_start"]


def test_fr103_the_municipality_checks_its_own_volunteers() -> None:
    own = volunteer(children(), 4, engagement=Engagement.MUNICIPALITY, association=None)
    found = run(own, "FR103")
    assert found[0].message_en.count("The municipality must obtain") == 1
    assert "Kommunen skal indhente" in found[0].message_da


def test_fr103_under_15s_are_not_checked() -> None:
    assert run(volunteer(children(), 4, age_band=AgeBand.UNDER_15), "FR103") == []


def backstop(**changes: Any) -> Collaboration:
    """v05 on the children's task, attached short-term, no certificate."""
    return volunteer(children(), 4, attachment=Attachment.SHORT_TERM, **changes)


def occasions(*days: dt.date) -> tuple[PeriodWithChildren, ...]:
    return tuple(PeriodWithChildren(first_day=day) for day in days)


def period(first: dt.date, last: dt.date) -> tuple[PeriodWithChildren, ...]:
    return (PeriodWithChildren(first_day=first, last_day=last),)


THREE = occasions(dt.date(2026, 6, 1), dt.date(2026, 7, 1), dt.date(2026, 9, 1))


def test_fr103_backstop_three_occasions_within_three_months() -> None:
    # The third occasion, 2026-09-01, is within 3 months of the first; due 21 days
    # later: 2026-09-22.
    c = backstop(started_on=dt.date(2026, 6, 1), periods_with_children=THREE)
    assert run(c, "FR103", today=dt.date(2026, 9, 22)) == []
    found = run(c, "FR103", today=dt.date(2026, 9, 23))
    assert reasons(found) == [("backstop_overdue", ("$.volunteers[4]", "$.tasks[1]"))]
    assert "2026-09" not in found[0].message_en  # dated from personal facts: no date shown
    assert found[0].source.startswith("Kirkeministeriets BEK nr. 404")
    # Two occasions are not enough, however long.
    two = backstop(started_on=dt.date(2026, 6, 1), periods_with_children=THREE[:2])
    assert run(two, "FR103") == []


def test_fr103_backstop_one_continuous_period_of_more_than_a_week() -> None:
    # 8 days in a row from 2026-10-01: the 8th day is 2026-10-08; due 2026-10-29.
    c = backstop(periods_with_children=period(dt.date(2026, 10, 1), dt.date(2026, 10, 8)))
    assert run(c, "FR103", today=dt.date(2026, 10, 29)) == []
    assert [f.reason for f in run(c, "FR103", today=dt.date(2026, 10, 30))] == ["backstop_overdue"]
    week = backstop(periods_with_children=period(dt.date(2026, 10, 1), dt.date(2026, 10, 7)))
    assert run(week, "FR103", today=dt.date(2026, 12, 1)) == []
    # FDF's stricter policy: more than 4 days. 5 days: the 5th day 2026-10-05, due 2026-10-26.
    camp = backstop(periods_with_children=period(dt.date(2026, 10, 1), dt.date(2026, 10, 5)))
    fdf = {"child_certificate_backstop_continuous_days": 4}
    assert run(camp, "FR103", today=dt.date(2026, 10, 26), **fdf) == []
    assert len(run(camp, "FR103", today=dt.date(2026, 10, 27), **fdf)) == 1


def test_fr103_backstop_certificate_after_the_deadline_is_late() -> None:
    c = backstop(
        periods_with_children=THREE,
        child_certificate=certificate(dt.date(2026, 9, 30)),  # after 2026-09-22
    )
    assert [f.reason for f in run(c, "FR103")] == ["late"]
    in_time = backstop(
        periods_with_children=THREE,
        child_certificate=certificate(dt.date(2026, 9, 20)),
    )
    assert run(in_time, "FR103") == []


def test_fr103_which_attachments_need_a_check_before_the_start_is_a_setting() -> None:
    c = backstop(started_on=dt.date(2026, 10, 1), periods_with_children=())
    assert run(c, "FR103") == []
    strict = {"child_certificate_before_start": {Attachment.REGULAR, Attachment.SHORT_TERM}}
    assert [f.reason for f in run(c, "FR103", **strict)] == ["missing_before_start"]


def test_fr103_renewal_only_when_the_municipality_sets_an_interval() -> None:
    # v02 checked 2026-03-05; renewal after 6 months: due after 2026-09-05.
    c = children()
    assert run(c, "FR103", today=dt.date(2030, 1, 1)) != []  # v05 is still missing
    c = volunteer(c, 4, child_certificate=certificate(dt.date(2026, 4, 30)))
    assert run(c, "FR103", today=dt.date(2030, 1, 1)) == []  # no renewal rule by default
    renew = {"child_certificate_renewal_months": 6}
    assert run(c, "FR103", today=dt.date(2026, 9, 5), **renew) == []
    found = run(c, "FR103", today=dt.date(2026, 9, 6), **renew)
    assert reasons(found) == [("renewal_due", ("$.volunteers[1]", "$.tasks[1]"))]
    # v05's check of 2026-04-30 turns 6 months old on 2026-10-30.
    assert len(run(c, "FR103", today=dt.date(2026, 10, 31), **renew)) == 2


# -- FR104 confidentiality ---------------------------------------------------------


def test_fr104_undertaking_missing_or_signed_after_today() -> None:
    data = task(base(), 0, confidential_data=True)
    assert run(data, "FR104") == []
    missing = volunteer(data, 2, confidentiality_signed_on=None)
    found = run(missing, "FR104")
    assert reasons(found) == [("no_undertaking", ("$.volunteers[2]", "$.tasks[0]"))]
    assert found[0].personal
    later = volunteer(data, 2, confidentiality_signed_on=dt.date(2026, 10, 16))
    assert len(run(later, "FR104")) == 1
    # v05 has no undertaking either way but does not handle the data.
    assert run(volunteer(data, 4, confidentiality_signed_on=None), "FR104") == []


# -- FR105 displacement ------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "reported"),
    [
        ({"core_staff_task": True}, True),
        ({"replaces_cut_post": True}, True),
        ({"fixed_rota": True}, False),
        ({"directed_by_institution": True}, False),
        ({"fixed_rota": True, "directed_by_institution": True}, True),
    ],
)
def test_fr105_signs_of_displacement(changes: dict[str, bool], reported: bool) -> None:
    found = run(task(base(), 0, **changes), "FR105")
    assert reasons(found) == ([("displacement", ("$.tasks[0]",))] if reported else [])


def test_fr105_one_soft_sign_is_enough_when_the_municipality_says_so() -> None:
    assert len(run(task(base(), 0, fixed_rota=True), "FR105", displacement_soft_signs=1)) == 1


# -- FR106 not volunteering --------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"remuneration": Remuneration.PAY}, "paid"),
        ({"remuneration": Remuneration.EXPENSES}, None),
        ({"remuneration": Remuneration.SYMBOLIC}, None),
        ({"remuneration": Remuneration.TAX_FREE_ALLOWANCE}, None),  # through the association
        ({"for_own_family": True}, "own_family"),
        (
            {
                "remuneration": Remuneration.TAX_FREE_ALLOWANCE,
                "engagement": Engagement.MUNICIPALITY,
                "association": None,
            },
            "allowance_from_municipality",
        ),
        ({"engagement": Engagement.MUNICIPALITY, "association": None}, None),
    ],
)
def test_fr106_volunteers_who_are_not_volunteering(changes: dict, reason: str | None) -> None:
    found = run(volunteer(base(), 0, **changes), "FR106")
    assert reasons(found) == ([(reason, ("$.volunteers[0]",))] if reason else [])


def test_fr106_allowance_cites_the_tax_act() -> None:
    c = volunteer(
        base(),
        0,
        remuneration=Remuneration.TAX_FREE_ALLOWANCE,
        engagement=Engagement.MUNICIPALITY,
        association=None,
    )
    assert run(c, "FR106")[0].source == "Ligningsloven § 7 M"


@pytest.mark.parametrize(
    ("level", "reason"),
    [
        (FormalisationLevel.SPONTANEOUS, "spontaneous"),
        (FormalisationLevel.PAID_CONTRACT, "paid_contract"),
        (FormalisationLevel.AD_HOC_EVENT, None),
    ],
)
def test_fr106_the_two_ends_of_the_ladder_are_not_volunteering(
    level: FormalisationLevel, reason: str | None
) -> None:
    found = run(attrs.evolve(base(), formalisation=level), "FR106")
    assert reasons(found) == ([(reason, ("$.formalisation",))] if reason else [])


# -- FR107 goals not agreed --------------------------------------------------------


def without_municipality(c: Collaboration, index: int) -> Collaboration:
    kept = tuple(a for a in c.goals[index].agreements if a.party != "kommune")
    return goal(c, index, agreements=kept)


def test_fr107_an_unagreed_goal_past_the_agreeing_stage() -> None:
    found = run(without_municipality(base(), 1), "FR107")
    assert reasons(found) == [("unagreed_goal", ("$.goals[1]",))]
    assert "'kommune'" in found[0].message_en


def test_fr107_unagreed_goals_are_fine_while_agreeing_and_when_dropped() -> None:
    agreeing = attrs.evolve(without_municipality(base(), 1), status=LifecycleStatus.AGREEING_GOALS)
    assert run(agreeing, "FR107") == []
    dropped = goal(without_municipality(base(), 1), 1, status=GoalStatus.DROPPED)
    assert run(dropped, "FR107") == []


def test_fr107_a_party_without_wishes() -> None:
    c = base()
    for index in range(len(c.goals)):
        kept = tuple(w for w in c.goals[index].wishes if w.party != "frivilligcenter")
        c = goal(c, index, wishes=kept)
    assert reasons(run(c, "FR107")) == [("no_wishes", ("$.participants[3]",))]


def test_fr107_no_goal_at_all_while_active() -> None:
    c = attrs.evolve(base(), goals=(), rounds=())
    assert reasons(run(c, "FR107"))[0] == ("no_goals", ("$.goals",))


# -- FR108 no one responsible ------------------------------------------------------


def test_fr108_unassigned_and_dangling_responsibilities() -> None:
    c = base()
    held = dict(c.responsibilities)
    del held[ManagementTask.MOTIVATION]
    del held[ManagementTask.RECRUITMENT]
    found = run(attrs.evolve(c, responsibilities=held), "FR108")
    assert reasons(found) == [("unassigned", ("$.responsibilities",))]
    assert "recruitment and motivation" in found[0].message_en  # in the declared order
    held = {**c.responsibilities, ManagementTask.SPARRING: "frivilligraadet"}
    found = run(attrs.evolve(c, responsibilities=held), "FR108")
    assert reasons(found) == [("holder_not_a_party", ("$.responsibilities.sparring",))]


def test_fr108_waits_until_volunteers_are_at_work() -> None:
    c = attrs.evolve(base(), responsibilities={}, status=LifecycleStatus.EXPLORING)
    assert run(c, "FR108") == []


# -- FR109 evaluation --------------------------------------------------------------


def test_fr109_no_plan_only_matters_once_the_collaboration_runs() -> None:
    c = attrs.evolve(base(), evaluation_plan=None)
    assert reasons(run(c, "FR109")) == [("no_plan", ("$.evaluation_plan",))]
    assert run(attrs.evolve(c, status=LifecycleStatus.AGREEING_GOALS), "FR109") == []


def test_fr109_first_evaluation_too_late() -> None:
    c = base()
    plan = c.evaluation_plan
    assert plan is not None
    # Started 2026-03-01; six calendar months later is 2026-09-01 (184 days).
    on_time = attrs.evolve(c, evaluation_plan=attrs.evolve(plan, first_date=dt.date(2026, 9, 1)))
    assert run(on_time, "FR109") == []
    late = attrs.evolve(c, evaluation_plan=attrs.evolve(plan, first_date=dt.date(2026, 9, 2)))
    found = run(late, "FR109")
    assert reasons(found) == [("first_too_late", ("$.evaluation_plan.first_date",))]
    assert "185 days" in found[0].message_en
    assert run(late, "FR109", first_evaluation_within_days=200) == []


def test_fr109_overdue_after_the_grace_period() -> None:
    # Planned every 3 months from 2026-06-01: ..., 2026-09-01, 2026-12-01, 2027-03-01.
    # The round of 2026-09-02 covers 2026-09-01; 2026-12-01 is overdue after 14 days' grace.
    assert run(base(), "FR109", today=dt.date(2026, 12, 15)) == []
    found = run(base(), "FR109", today=dt.date(2026, 12, 16))
    assert reasons(found) == [("overdue", ("$.evaluation_plan", "$.rounds"))]
    assert "due on 2026-12-01 is 15 days overdue" in found[0].message_en
    lenient = schedules.EvaluationTolerance(early_days=14, grace_days=40)
    assert run(base(), "FR109", today=dt.date(2027, 1, 10), evaluation_tolerance=lenient) == []


def test_fr109_a_missed_evaluation_with_no_round_since() -> None:
    # 2027-03-01's window opens 14 days early, on 2027-02-15: then 2026-12-01 is missed.
    assert [f.reason for f in run(base(), "FR109", today=dt.date(2027, 2, 14))] == ["overdue"]
    found = run(base(), "FR109", today=dt.date(2027, 2, 15))
    assert reasons(found) == [("missed", ("$.evaluation_plan", "$.rounds"))]
    assert "2026-12-01 was never held" in found[0].message_en
    # A round after the missed date (here, covering 2027-03-01 early) ends the finding.
    spring = EvaluationRound(id="2027-q1", held_on=dt.date(2027, 2, 20))
    c = attrs.evolve(base(), rounds=(*base().rounds, spring))
    assert run(c, "FR109", today=dt.date(2027, 2, 25)) == []


def test_fr109_a_round_in_the_early_window_counts() -> None:
    # 2026-12-01's window opens on 2026-11-17.
    early = EvaluationRound(id="2026-q4", held_on=dt.date(2026, 11, 17))
    c = attrs.evolve(base(), rounds=(*base().rounds, early))
    assert run(c, "FR109", today=dt.date(2027, 1, 15)) == []
    # A day earlier it falls in 2026-09-01's window, already covered: 2026-12-01 is overdue.
    too_early = attrs.evolve(early, held_on=dt.date(2026, 11, 16))
    c = attrs.evolve(base(), rounds=(*base().rounds, too_early))
    assert [f.reason for f in run(c, "FR109", today=dt.date(2027, 1, 15))] == ["overdue"]


def test_fr109_an_ended_collaboration_needs_a_final_evaluation() -> None:
    ended = attrs.evolve(
        base(),
        status=LifecycleStatus.ENDED,
        end_on=dt.date(2026, 10, 1),
        ended_from=LifecycleStatus.EVALUATING,
    )
    assert reasons(run(ended, "FR109")) == [("no_final_evaluation", ("$.rounds",))]
    rounds = list(ended.rounds)
    rounds[-1] = attrs.evolve(rounds[-1], final=True)
    assert run(attrs.evolve(ended, rounds=tuple(rounds)), "FR109") == []


# -- FR110 formalisation misfit ----------------------------------------------------


def small_experiment(level: FormalisationLevel) -> Collaboration:
    """Two parties, the care home's own volunteers, no money, no risky task, 90 days."""
    c = base()
    parties = tuple(
        attrs.evolve(p, resources=(), budget_share_from_municipality=None)
        for p in c.participants
        if p.id in {"plejecenter", "besoegsvenner"}
    )
    return attrs.evolve(
        c,
        participants=parties,
        volunteer_model=frivillig.VolunteerModel.OWN_VOLUNTEERS,
        formalisation=level,
        end_on=dt.date(2026, 5, 30),  # 90 days after 2026-03-01
        status=LifecycleStatus.EXPLORING,
    )


def test_fr110_too_loose_for_the_risk_drivers() -> None:
    # Money, an association's volunteers and the open end each call for at least a
    # collaboration agreement; individual volunteer agreements are one step below.
    loose = attrs.evolve(base(), formalisation=FormalisationLevel.VOLUNTEER_AGREEMENT)
    found = run(loose, "FR110")
    assert reasons(found) == [("too_loose", ("$.formalisation",))]
    assert found[0].severity is Severity.WARNING  # one step too loose, with money
    assert (
        "(money between the parties, volunteers through an association and a long or "
        "open-ended period) call for 'collaboration agreement with an association'"
    ) in found[0].message_en
    assert run(base(), "FR110") == []
    assert run(loose, "FR110", formalisation_too_loose_steps=2) == []
    # The recommendation is the one the formalisation-fit score explains.
    assert frivillig.recommend_formalisation(loose).level is (
        FormalisationLevel.COLLABORATION_AGREEMENT
    )


def test_fr110_too_tight_for_a_small_short_experiment() -> None:
    # No driver but the short experiment: ad-hoc volunteers (rank 1) are enough.
    tight = small_experiment(FormalisationLevel.COLLABORATION_AGREEMENT)  # rank 3
    assert reasons(run(tight, "FR110")) == [("too_tight", ("$.formalisation",))]
    assert run(small_experiment(FormalisationLevel.VOLUNTEER_AGREEMENT), "FR110") == []
    assert run(tight, "FR110", formalisation_too_tight_steps=3) == []


def test_fr110_leaves_the_ends_of_the_ladder_to_fr106() -> None:
    paid = small_experiment(FormalisationLevel.PAID_CONTRACT)
    assert run(paid, "FR110") == []


# -- FR111 equality ----------------------------------------------------------------


def test_fr111_a_dependent_party_without_a_forum() -> None:
    found = run(attrs.evolve(base(), forum=None), "FR111")
    # The volunteer centre gets 80 %; the association 35 %, below the 50 % default.
    assert reasons(found) == [("no_forum", ("$.participants[3]", "$.forum"))]
    assert "80%" in found[0].message_en
    assert "80 %" in found[0].message_da
    assert len(run(attrs.evolve(base(), forum=None), "FR111", dependence_share=0.3)) == 2
    assert run(attrs.evolve(base(), forum=None), "FR111", dependence_share=0.81) == []


def test_fr111_the_forums_agenda_must_be_set_with_a_public_party() -> None:
    c = base()
    assert c.forum is not None
    forum = attrs.evolve(c.forum, agenda_set_by=("besoegsvenner", "frivilligcenter"))
    found = run(attrs.evolve(c, forum=forum), "FR111")
    assert reasons(found) == [("agenda_not_shared", ("$.participants[3]", "$.forum.agenda_set_by"))]


# -- FR112 single key person -------------------------------------------------------


def test_fr112_key_persons() -> None:
    assert reasons(run(participant(base(), 2, key_persons=1), "FR112")) == [
        ("single_key_person", ("$.participants[2]",))
    ]
    assert len(run(participant(base(), 2, key_persons=0), "FR112")) == 1
    assert run(participant(base(), 2, key_persons=None), "FR112") == []
    # The association has 2, the volunteer centre 3: with a minimum of 3 one is reported.
    assert len(run(base(), "FR112", min_key_persons=3)) == 1


# -- FR113 volunteer fit -----------------------------------------------------------


def test_fr113_volunteers_who_want_a_say_get_only_hands_tasks() -> None:
    found = run(task(base(), 1, kind=TaskKind.HANDS), "FR113")
    assert reasons(found) == [
        ("influence_hands_only", ("$.volunteers[1]", "$.tasks[0]", "$.tasks[1]")),
        ("influence_hands_only", ("$.volunteers[4]", "$.tasks[1]")),
    ]
    assert run(task(base(), 1, kind=TaskKind.BOTH), "FR113") == []


def test_fr113_more_hours_than_offered() -> None:
    # v02 offered 3 hours; 2 (visits) + 1.5 (committee) = 3.5.
    found = run(task(base(), 1, hours_per_week=1.5), "FR113")
    assert reasons(found) == [("hours_over_offer", ("$.volunteers[1]", "$.tasks[0]", "$.tasks[1]"))]
    assert "3.5 hours" in found[0].message_en
    assert "3,5 timer" in found[0].message_da
    assert found[0].personal


def test_fr113_unemployment_benefit_through_an_association() -> None:
    # v01 gives 2 h/week = 2 * 52/12 = 8.7 h/month: within 44. The visits are an
    # activity in the example; here they count as unpaid voluntary work.
    on_benefit = task(
        volunteer(base(), 0, benefit=Benefit.UNEMPLOYMENT),
        0,
        work_category=WorkCategory.UNPAID_WORK,
    )
    assert run(on_benefit, "FR113") == []
    # 11 h/week = 47.7 h/month: over 44 (and over the 3 hours offered).
    heavy = task(on_benefit, 0, hours_per_week=11)
    found = [f for f in run(heavy, "FR113") if f.reason == "benefit_hours"]
    assert [f.paths for f in found] == [("$.volunteers[0]", "$.tasks[0]")]
    assert "about 47.7 hours a month" in found[0].message_en
    # v02-v04 visit too, and their benefit is not recorded: at 47.7 h/month, over 44, the
    # check cannot tell whether the hours are deducted, and says so.
    unknown = [f.paths[0] for f in run(heavy, "FR113") if f.reason == "benefit_unknown"]
    assert unknown == ["$.volunteers[1]", "$.volunteers[2]", "$.volunteers[3]"]
    assert run(heavy, "FR113", benefit_free_hours_per_month=48) == [
        f for f in run(heavy, "FR113") if f.reason not in ("benefit_hours", "benefit_unknown")
    ]


def test_fr113_unemployment_benefit_directly_for_the_municipality() -> None:
    # The plan alone: the hours logged are tested in test_rules_hours.py.
    direct = volunteer(
        attrs.evolve(base(), time_logs=()),
        0,
        benefit=Benefit.UNEMPLOYMENT,
        engagement=Engagement.MUNICIPALITY,
        association=None,
    )
    found = run(direct, "FR113")
    assert reasons(found) == [("benefit_hours", ("$.volunteers[0]", "$.tasks[0]"))]
    assert "every hour" in found[0].message_en
    assert run(direct, "FR113", benefit_free_hours_public=10) == []


# -- FR114 purpose -----------------------------------------------------------------


def test_fr114_purpose_and_value_for_the_citizens() -> None:
    assert reasons(run(attrs.evolve(base(), purposes=()), "FR114")) == [
        ("no_purpose", ("$.purposes",))
    ]
    assert reasons(run(attrs.evolve(base(), value_case=None), "FR114")) == [
        ("no_citizen_value", ("$.value_case",))
    ]


# -- FR115 association eligibility -------------------------------------------------
# The example's association is supported under Serviceloven § 18; more cases, by scheme,
# are in test_domain_associations.py.


def folkeoplysning(c: Collaboration) -> Collaboration:
    return participant(c, 2, support_schemes=(frivillig.SupportScheme.FOLKEOPLYSNING,))


@pytest.mark.parametrize(
    ("changes", "reason", "field"),
    [
        ({"has_statutes": False}, "no_statutes", "has_statutes"),
        ({"has_board": False}, "no_board", "has_board"),
        ({"democratic": False}, "not_democratic", "democratic"),
        ({"paying_members": 4}, "too_few_members", "paying_members"),
        ({"municipality_code": 561}, "not_local", "municipality_code"),
        ({"child_certificate_declaration_year": 2025}, "no_declaration", None),
    ],
)
def test_fr115_what_an_approved_association_lacks(
    changes: dict, reason: str, field: str | None
) -> None:
    found = run(folkeoplysning(actor(base(), 2, **changes)), "FR115")
    path = f"$.participants[2].actor.{field or 'child_certificate_declaration_year'}"
    assert reasons(found) == [(reason, (path,))]
    assert found[0].severity is Severity.ERROR


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"paying_members": 5}, None),
        ({"paying_members": None}, "conditions_unknown"),
        ({"has_statutes": None}, "conditions_unknown"),
        ({"municipality_code": None}, "conditions_unknown"),
        ({"child_certificate_declaration_year": None}, "declaration_unknown"),
    ],
)
def test_fr115_enough_is_not_reported_and_unknown_is_reported_as_unknown(
    changes: dict, reason: str | None
) -> None:
    found = run(folkeoplysning(actor(base(), 2, **changes)), "FR115")
    assert [f.reason for f in found] == ([reason] if reason else [])
    assert all(f.severity < Severity.ERROR for f in found)


def test_fr115_only_associations_with_municipal_support() -> None:
    c = actor(base(), 2, paying_members=1)
    unknown = participant(c, 2, support_schemes=None)
    assert run(participant(unknown, 2, budget_share_from_municipality=None), "FR115") == []
    assert run(participant(unknown, 2, budget_share_from_municipality=0.0), "FR115") == []
    assert run(participant(c, 2, support_schemes=()), "FR115") == []


def test_fr115_the_yearly_declaration_and_its_grace_period() -> None:
    # Declared for 2026; on 2027-01-10 the 2027 declaration is due, unless 10+ days of grace.
    c = folkeoplysning(base())
    assert len(run(c, "FR115", today=dt.date(2027, 1, 10))) == 1
    assert run(c, "FR115", today=dt.date(2027, 1, 10), association_declaration_grace_days=10) == []
    assert (
        len(run(c, "FR115", today=dt.date(2027, 1, 11), association_declaration_grace_days=10)) == 1
    )
    # Under § 18 no declaration is asked for.
    assert run(base(), "FR115", today=dt.date(2027, 1, 10)) == []


# -- FR116 integrity ---------------------------------------------------------------


def test_fr116_reports_what_integrity_problems_finds() -> None:
    c = task(base(), 0, volunteers=("v01", "v99"))
    found = run(c, "FR116")
    assert reasons(found) == [("dangling_reference", ("$.tasks[0].volunteers[1]",))]
    assert "'v99'" in found[0].message_da
    assert "en frivillig" in found[0].message_da
    assert [p.path for p in frivillig.integrity_problems(c)] == ["$.tasks[0].volunteers[1]"]


# -- FR117 CPR numbers in free text ------------------------------------------------


def summary(c: Collaboration, index: int, text: str) -> Collaboration:
    rounds = list(c.rounds)
    rounds[index] = attrs.evolve(rounds[index], summary=text)
    return attrs.evolve(c, rounds=tuple(rounds))


def assert_never_repeated(report: frivillig.Report, *numbers: str) -> None:
    shown = [report.to_text("da"), report.to_text("en"), report.to_json()]
    for finding in report:
        shown.extend((finding.message_da, finding.message_en, *finding.paths, repr(finding)))
    for number in numbers:
        assert all(number not in text for text in shown), number


def test_fr117_points_at_each_text_that_holds_a_cpr_shaped_number() -> None:
    c = attrs.evolve(base(), description="Kontakt: 211062-5629.")
    c = task(c, 1, description="Ring 0101801234 eller 290200 4000 inden mødet.")
    c = goal(c, 0, note="Borgeren (2110620629) ønsker besøg om tirsdagen.")
    agreement = attrs.evolve(base().agreement, reference="KK sag 010203-1234")
    c = attrs.evolve(c, agreement=agreement)
    # One finding for each text cpr_problems names; the report sorts them by path.
    found = {finding.paths: finding for finding in run(c, "FR117")}
    assert sorted(found) == sorted((p.path,) for p in frivillig.cpr_problems(c))
    assert sorted(found) == [
        ("$.agreement.reference",),
        ("$.description",),
        ("$.goals[0].note",),
        ("$.tasks[1].description",),
    ]
    assert {finding.reason for finding in found.values()} == {"cpr_number"}
    # "Kontakt: " is 9 characters: the number is characters 10-20.
    described = found[("$.description",)]
    assert "holds a number shaped like a CPR number (characters 10-20)" in described.message_en
    assert "et tal, der ligner et CPR-nummer (tegn 10-20)" in described.message_da
    # "Ring " is 5 characters, so the first number is 6-15; " eller " is 16-22, and the
    # second number, 11 characters with its space, is 23-33.
    two = found[("$.tasks[1].description",)]
    assert "2 numbers shaped like CPR numbers (characters 6-15 and 23-33)" in two.message_en
    assert "2 tal, der ligner CPR-numre (tegn 6-15 og 23-33)" in two.message_da
    found = list(found.values())
    assert all(f.severity is Severity.ERROR and not f.personal for f in found)
    assert "Remove the number from the text" in found[0].message_en
    assert "gem aldrig CPR-numre" in found[0].message_da
    assert found[0].source.startswith("Databeskyttelsesloven")


def test_fr117_never_repeats_the_number_in_the_report() -> None:
    c = summary(base(), 0, "Ny besøgsven, cpr 211062-5629, og reserve 0101801234.")
    report = check(c, today=TODAY)
    assert [(f.code, f.paths) for f in report] == [("FR117", ("$.rounds[0].summary",))]
    assert not report.passes
    assert_never_repeated(report, "211062", "5629", "0101801234", "010180")
    other = attrs.evolve(c, id="kbh-valmuen-2")
    portfolio = frivillig.Portfolio(id="p", title="Valby", collaborations=(base(), other))
    in_portfolio = frivillig.check_portfolio(portfolio, today=TODAY)
    assert [f.paths for f in in_portfolio] == [("$.collaborations[1].rounds[0].summary",)]
    assert_never_repeated(in_portfolio, "211062", "5629", "0101801234", "010180")


@pytest.mark.parametrize(
    "text",
    [
        "Ny besøgsven (v06) starter i november.",
        "Sag 320126-1234 er lukket.",  # day 32: no date, so no CPR number
        "Sag 2026-0412, tlf. 33 66 33 66.",
        "Konto 12110625629.",  # eleven digits
        "Nummer 211062-562.",  # nine digits
        "Nummer 211062--5629.",  # two hyphens
    ],
)
def test_fr117_numbers_that_are_not_shaped_like_a_cpr_number(text: str) -> None:
    assert run(summary(base(), 0, text), "FR117") == []


@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1999, 12, 31)),
    serial=st.integers(0, 3999),
    separator=st.sampled_from(["", "-", " "]),
)
def test_fr117_finds_every_twentieth_century_number_and_never_shows_it(
    day: dt.date, serial: int, separator: str
) -> None:
    number = f"{day:%d%m%y}{separator}{serial:04d}"  # 7th digit 0-3: born in the 1900s
    before = "Ring til den frivillige på "
    report = check(summary(base(), 1, before + number), today=TODAY)
    (finding,) = report.findings
    assert finding.paths == ("$.rounds[1].summary",)
    where = f"{len(before) + 1}-{len(before) + len(number)}"
    assert f"(characters {where})" in finding.message_en
    assert_never_repeated(report, number, number.replace(separator, "") if separator else number)


def test_limits_broken_yields_each_expected_finding() -> None:
    report = check(frivillig.load_example("limits_broken"), today=TODAY)
    expected = [
        ("FR101", "authority_task", ("$.tasks[1]",)),
        ("FR103", "missing_before_start", ("$.volunteers[0]", "$.tasks[0]")),
        ("FR103", "backstop_overdue", ("$.volunteers[2]", "$.tasks[0]")),
        ("FR103", "late", ("$.volunteers[4]", "$.tasks[2]")),
        ("FR104", "no_undertaking", ("$.volunteers[0]", "$.tasks[1]")),
        ("FR106", "allowance_from_municipality", ("$.volunteers[3]",)),
        ("FR107", "unagreed_goal", ("$.goals[0]",)),
        ("FR107", "unagreed_goal", ("$.goals[1]",)),
        ("FR107", "no_wishes", ("$.participants[2]",)),
        ("FR107", "no_wishes", ("$.participants[3]",)),
        # two rungs too loose with money, children, personal data and authority: an error
        ("FR110", "too_loose", ("$.formalisation",)),
        (
            "FR115",
            "no_declaration",
            ("$.participants[2].actor.child_certificate_declaration_year",),
        ),
        ("FR115", "too_few_members", ("$.participants[2].actor.paying_members",)),
        ("FR105", "displacement", ("$.tasks[2]",)),
        ("FR108", "unassigned", ("$.responsibilities",)),
        ("FR109", "no_plan", ("$.evaluation_plan",)),
        ("FR111", "no_forum", ("$.participants[2]", "$.forum")),
        ("FR112", "single_key_person", ("$.participants[2]",)),
        ("FR113", "influence_hands_only", ("$.volunteers[0]", "$.tasks[0]", "$.tasks[1]")),
        ("FR113", "benefit_hours", ("$.volunteers[3]", "$.tasks[1]", "$.tasks[2]")),
        ("FR113", "hours_over_offer", ("$.volunteers[4]", "$.tasks[2]")),
        ("FR114", "no_citizen_value", ("$.value_case.citizens",)),
        ("FR115", "no_cvr_recorded", ("$.participants[2].actor.cvr",)),
    ]
    assert [(f.code, f.reason, f.paths) for f in report.findings] == expected
    assert not report.passes
    assert {severity.value: n for severity, n in report.counts.items()} == {
        "error": 13,
        "warning": 10,
        "info": 0,
    }


def test_limits_broken_is_a_valid_document() -> None:
    c = frivillig.load_example("limits_broken")
    assert frivillig.is_valid(c)
    assert frivillig.loads(frivillig.dumps(c)) == c
