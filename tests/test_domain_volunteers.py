"""Issue 14, items 1, 3 and 6: what a volunteer's record must say for FR103, FR106 and FR113.

Each case starts from the embedded example (which breaks no rule on ``TODAY``) and
changes what the item is about. Dates in the expected values are worked out by hand
in the comments.
"""

import copy
import datetime as dt
import json
from typing import Any

import attrs
import jsonschema
import pytest

import frivillig
from frivillig import (
    DEFAULT_RULEBOOK,
    AgeBand,
    Attachment,
    Benefit,
    ChildCertificateCheck,
    Coercion,
    Collaboration,
    Engagement,
    LifecycleStatus,
    PeriodWithChildren,
    Severity,
    Volunteer,
    WorkCategory,
    check,
    serialization,
)
from frivillig.errors import ValidationError
from frivillig.schema import json_schema

TODAY = dt.date(2026, 10, 15)


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


def certificate(day: dt.date, *, clear: bool = True) -> ChildCertificateCheck:
    return ChildCertificateCheck(checked_on=day, checked_by="besoegsvenner", clear=clear)


def days(*pairs: tuple[dt.date, dt.date | None]) -> tuple[PeriodWithChildren, ...]:
    return tuple(PeriodWithChildren(first_day=a, last_day=b) for a, b in pairs)


def occasions(*dates: dt.date) -> tuple[PeriodWithChildren, ...]:
    return tuple(PeriodWithChildren(first_day=d) for d in dates)


# -- item 1: FR103, the child certificate -------------------------------------------------


def children() -> Collaboration:
    """Task 1 (v02, v05) turns to children; v02 was checked before the start, v05 not."""
    c = task(base(), 1, children_contact=True)
    return volunteer(c, 1, child_certificate=certificate(dt.date(2026, 3, 5)))


V05 = ("$.volunteers[4]", "$.tasks[1]")


def test_fr103_missing_certificate_is_an_error_whatever_the_start_date() -> None:
    # Before: no start date, no certificate, regular attachment: no finding at all.
    found = run(volunteer(children(), 4, started_on=None), "FR103")
    assert reasons(found) == [("missing_start_unknown", V05)]
    assert found[0].personal
    assert found[0].message_en == (
        "Volunteer 'v05' is assigned to task 'aktivitetsudvalg', with contact with children "
        "under 15, in a role with regular attachment (fast tilknytning), but no "
        "child-protection certificate (børneattest) is on file. The start date is not "
        "recorded, but the certificate is missing whatever it was. 'Besøgsvennerne i Valby' "
        "must obtain the certificate now and keep the volunteer away from the children until "
        "it is checked and clear."
    )
    assert found[0].message_da == (
        "Den frivillige 'v05' er sat på opgaven 'aktivitetsudvalg' med kontakt med børn "
        "under 15 år i en rolle med fast tilknytning, men der er ikke registreret nogen "
        "børneattest. Startdatoen er ikke registreret, men attesten mangler, uanset hvornår "
        "den frivillige startede. 'Besøgsvennerne i Valby' skal indhente børneattesten nu og "
        "holde den frivillige væk fra børnene, til den er indhentet og uden anmærkninger."
    )


def test_fr103_before_the_collaboration_runs_no_start_date_means_not_started() -> None:
    agreeing = attrs.evolve(children(), status=LifecycleStatus.AGREEING_GOALS)
    assert run(volunteer(agreeing, 4, started_on=None), "FR103") == []
    short = volunteer(agreeing, 4, started_on=None, attachment=Attachment.SHORT_TERM)
    assert run(short, "FR103") == []
    # A recorded start date is a fact whatever the status.
    assert [f.reason for f in run(agreeing, "FR103")] == ["missing_before_start"]


def test_fr103_a_certificate_whose_timing_cannot_be_judged_has_its_own_finding() -> None:
    c = volunteer(
        children(), 4, started_on=None, child_certificate=certificate(dt.date(2026, 4, 30))
    )
    found = run(c, "FR103")
    assert reasons(found) == [("timing_unknown", V05)]
    assert found[0].severity is Severity.WARNING  # the certificate is there
    assert found[0].message_en == (
        "A child-protection certificate is on file for volunteer 'v05' in task "
        "'aktivitetsudvalg', but the volunteer's start date is not, so whether the "
        "certificate was checked before the start, as the law requires with regular "
        "attachment, cannot be judged. Record the volunteer's start date."
    )
    assert found[0].message_da == (
        "Der er registreret en børneattest for den frivillige 'v05' i opgaven "
        "'aktivitetsudvalg', men ikke hvornår den frivillige startede, så det kan ikke "
        "afgøres, om attesten blev indhentet før start, som loven kræver ved fast "
        "tilknytning. Registrér den frivilliges startdato."
    )
    assert "2026-04-30" not in found[0].message_en + found[0].message_da


def backstop(**changes: Any) -> Collaboration:
    """v05 on the children's task, attached short-term from 2026-03-01, no certificate."""
    changes.setdefault("started_on", dt.date(2026, 3, 1))
    return volunteer(children(), 4, attachment=Attachment.SHORT_TERM, **changes)


def test_fr103_the_continuous_limb_is_dated_from_the_period_itself() -> None:
    # An 8-day camp from 2026-09-01 passes 7 days on its 8th day, 2026-09-08: due
    # 21 days later, 2026-09-29. Before, the limb was dated from started_on
    # (2026-03-01 + 7 days, due 2026-03-29): months too early.
    camp = backstop(periods_with_children=days((dt.date(2026, 9, 1), dt.date(2026, 9, 8))))
    assert run(camp, "FR103", today=dt.date(2026, 9, 29)) == []
    found = run(camp, "FR103", today=dt.date(2026, 9, 30))
    assert reasons(found) == [("backstop_overdue", V05)]
    assert found[0].source.startswith("Kirkeministeriets BEK nr. 404")
    assert found[0].message_en == (
        "Volunteer 'v05' has been with children under 15 in task 'aktivitetsudvalg' often or "
        "long enough to count as regularly attached (at least 3 occasions within 3 months, or "
        "one continuous period of more than 7 days), and the 21 days allowed for checking the "
        "child-protection certificate have passed. 'Besøgsvennerne i Valby' must obtain it now."
    )
    assert found[0].message_da == (
        "Den frivillige 'v05' har været sammen med børn under 15 år i opgaven "
        "'aktivitetsudvalg' så ofte eller så længe, at det er fast tilknytning (mindst 3 gange "
        "inden for 3 måneder, eller én sammenhængende periode på mere end 7 dage), og fristen "
        "på 21 dage for at indhente børneattesten er overskredet. 'Besøgsvennerne i Valby' "
        "skal indhente den nu."
    )
    # The dates with children are personal: no date derived from them is shown.
    for text in (found[0].message_en, found[0].message_da):
        assert "2026-09" not in text
    # A week in a row is not more than a week.
    week = backstop(periods_with_children=days((dt.date(2026, 9, 1), dt.date(2026, 9, 7))))
    assert run(week, "FR103", today=dt.date(2026, 12, 1)) == []


def test_fr103_the_occasions_limb_counts_occasions_inside_a_three_month_window() -> None:
    # Four occasions about two months apart: never 3 within 3 months. Before, 4
    # occasions and more than 3 months since the start were enough.
    spread = backstop(
        periods_with_children=occasions(
            dt.date(2026, 3, 1), dt.date(2026, 5, 1), dt.date(2026, 7, 2), dt.date(2026, 9, 3)
        )
    )
    assert run(spread, "FR103") == []
    # Three within 3 months: the third, 2026-07-01, passes the threshold; due 2026-07-22.
    close = backstop(
        periods_with_children=occasions(
            dt.date(2026, 6, 1), dt.date(2026, 6, 15), dt.date(2026, 7, 1)
        )
    )
    assert run(close, "FR103", today=dt.date(2026, 7, 22)) == []
    assert reasons(run(close, "FR103", today=dt.date(2026, 7, 23))) == [("backstop_overdue", V05)]
    # A certificate checked after that deadline is late; on the deadline it is in time.
    late = volunteer(close, 4, child_certificate=certificate(dt.date(2026, 7, 23)))
    found = run(late, "FR103")
    assert reasons(found) == [("late", V05)]
    assert found[0].message_en == (
        "The child-protection certificate for volunteer 'v05' was checked only after the 21 "
        "days allowed from the day the volunteer became regularly attached in task "
        "'aktivitetsudvalg'. Keep track of when volunteers who were not regular from the "
        "start pass the limit."
    )
    assert found[0].message_da == (
        "Børneattesten for den frivillige 'v05' blev først indhentet efter fristen på 21 "
        "dage, der begyndte, da den frivillige fik fast tilknytning i opgaven "
        "'aktivitetsudvalg'. Hold øje med, hvornår frivillige uden fast tilknytning fra "
        "start når grænsen."
    )
    in_time = volunteer(close, 4, child_certificate=certificate(dt.date(2026, 7, 22)))
    assert run(in_time, "FR103") == []


def test_fr103_the_backstop_needs_no_start_date() -> None:
    camp = backstop(
        started_on=None,
        periods_with_children=days((dt.date(2026, 9, 1), dt.date(2026, 9, 8))),
    )
    assert reasons(run(camp, "FR103")) == [("backstop_overdue", V05)]


def test_fr103_an_unrecorded_time_with_children_is_reported_as_unknown() -> None:
    # Before: silent, as if the volunteer had never been with the children.
    found = run(backstop(), "FR103")
    assert reasons(found) == [("backstop_unknown", V05)]
    assert found[0].message_en == (
        "Volunteer 'v05' is assigned to task 'aktivitetsudvalg', with contact with children "
        "under 15, without regular attachment from the start and without a child-protection "
        "certificate, but how often or how long the volunteer has been with the children is "
        "not recorded. After at least 3 occasions within 3 months, or one continuous period "
        "of more than 7 days, the certificate is due within 21 days. Record the occasions and "
        "periods with children, with their dates, or obtain the certificate now."
    )
    assert found[0].message_da == (
        "Den frivillige 'v05' er sat på opgaven 'aktivitetsudvalg' med kontakt med børn under "
        "15 år uden fast tilknytning fra start og uden børneattest, men det er ikke "
        "registreret, hvor ofte eller hvor længe den frivillige har været sammen med børnene. "
        "Efter mindst 3 gange inden for 3 måneder, eller én sammenhængende periode på mere end "
        "7 dage, skal attesten indhentes inden for 21 dage. Registrér gangene og perioderne "
        "med børn med datoer, eller indhent attesten nu."
    )
    # Recorded as none yet: nothing to report.
    assert run(backstop(periods_with_children=()), "FR103") == []


def test_fr103_a_certificate_under_the_backstop_without_dates_cannot_be_judged() -> None:
    found = run(backstop(child_certificate=certificate(dt.date(2026, 4, 1))), "FR103")
    assert reasons(found) == [("timing_unknown", V05)]
    assert found[0].message_en == (
        "A child-protection certificate is on file for volunteer 'v05' in task "
        "'aktivitetsudvalg', but not the dates on which the volunteer was with the children, "
        "so whether it was checked within the 21 days allowed after the volunteer became "
        "regularly attached cannot be judged. Record the occasions and periods with "
        "children, with their dates."
    )
    assert found[0].message_da == (
        "Der er registreret en børneattest for den frivillige 'v05' i opgaven "
        "'aktivitetsudvalg', men det er ikke registreret med datoer, hvornår den frivillige "
        "har været sammen med børnene, så det kan ikke afgøres, om attesten blev indhentet "
        "inden for fristen på 21 dage efter, at den frivillige fik fast tilknytning. "
        "Registrér gangene og perioderne med børn med datoer."
    )
    # With the dates, it is judged: checked before any threshold was passed.
    dated = volunteer(
        backstop(child_certificate=certificate(dt.date(2026, 4, 1))),
        4,
        periods_with_children=occasions(dt.date(2026, 4, 2), dt.date(2026, 5, 7)),
    )
    assert run(dated, "FR103") == []


def test_fr103_undated_counts_from_version_1_cannot_date_the_backstop() -> None:
    # Before: dated from started_on (2026-03-01 + 7 days; due 2026-03-29).
    legacy = backstop(occasions_with_children=1, longest_continuous_days=8)
    found = run(legacy, "FR103")
    assert reasons(found) == [("backstop_unknown", V05)]
    assert found[0].message_en == (
        "Volunteer 'v05' has been with children under 15 in task 'aktivitetsudvalg' often or "
        "long enough that the threshold for regular attachment may have been passed (at least "
        "3 occasions within 3 months, or one continuous period of more than 7 days), but the "
        "record does not date the occasions, so the certificate's deadline cannot be worked "
        "out. 'Besøgsvennerne i Valby' must obtain the certificate now, and record the "
        "occasions and periods with children with their dates."
    )
    assert found[0].message_da == (
        "Den frivillige 'v05' har været sammen med børn under 15 år i opgaven "
        "'aktivitetsudvalg' så ofte eller så længe, at grænsen for fast tilknytning kan være "
        "nået (mindst 3 gange inden for 3 måneder, eller én sammenhængende periode på mere end "
        "7 dage), men gangene er ikke registreret med datoer, så fristen for børneattesten kan "
        "ikke beregnes. 'Besøgsvennerne i Valby' skal indhente attesten nu og registrere "
        "gangene og perioderne med børn med datoer."
    )
    # Counts below both thresholds rule the backstop out, dated or not.
    assert run(backstop(occasions_with_children=2, longest_continuous_days=7), "FR103") == []


def test_fr103_under_15s_are_exempt_by_their_birth_year() -> None:
    # Born 2014: at most 12 on 2026-10-15. Before: only the age band exempted.
    assert run(volunteer(children(), 4, age_band=None, birth_year=2014), "FR103") == []
    # Born 1990, whatever the band says.
    adult = volunteer(children(), 4, age_band=None, birth_year=1990)
    assert [f.reason for f in run(adult, "FR103")] == ["missing_before_start"]


AGE_EN = (
    " The record does not show whether the volunteer is 15 or older; volunteers under 15 "
    "need no certificate."
)
AGE_DA = (
    " Registreringen viser ikke, om den frivillige er fyldt 15 år; frivillige under 15 år "
    "skal ikke have en børneattest."
)


@pytest.mark.parametrize(
    ("changes", "says_so"),
    [
        ({"age_band": None, "birth_year": None}, True),  # nothing recorded
        ({"age_band": None, "birth_year": 2011}, True),  # turns 15 in 2026
        ({"age_band": AgeBand.FROM_15_TO_17, "birth_year": 2011}, False),
        ({"age_band": AgeBand.FROM_67, "birth_year": None}, False),
    ],
)
def test_fr103_says_when_the_age_is_unknown(changes: dict[str, Any], says_so: bool) -> None:
    found = run(volunteer(children(), 4, **changes), "FR103")
    assert [f.reason for f in found] == ["missing_before_start"]
    assert found[0].message_en.endswith(AGE_EN) is says_so
    assert found[0].message_da.endswith(AGE_DA) is says_so
    if says_so:
        assert "2011" not in found[0].message_en + found[0].message_da


def test_fr103_under_15_by_the_band_in_the_year_the_birth_year_cannot_tell() -> None:
    c = volunteer(children(), 4, age_band=AgeBand.UNDER_15, birth_year=2011)
    assert run(c, "FR103") == []


def test_period_with_children_checks_its_days_without_showing_them() -> None:
    with pytest.raises(ValidationError) as caught:
        PeriodWithChildren(first_day=dt.date(2026, 9, 8), last_day=dt.date(2026, 9, 1))
    assert [(p.path, p.code) for p in caught.value.problems] == [("$.last_day", "order")]
    assert "2026" not in str(caught.value)
    assert PeriodWithChildren(first_day=dt.date(2026, 9, 1)).days == 1
    assert PeriodWithChildren(first_day=dt.date(2026, 9, 1), last_day=dt.date(2026, 9, 8)).days == 8


# -- item 3: FR113, hours that count against a benefit ------------------------------------


def on_benefit(benefit: Benefit, hours: float, category: WorkCategory | None) -> Collaboration:
    """v01 on ``benefit``, through the association, on the visits at ``hours`` a week."""
    c = volunteer(base(), 0, benefit=benefit, hours_offered_per_week=40)
    return task(c, 0, hours_per_week=hours, work_category=category)


def fr113(c: Collaboration, **settings: Any) -> list:
    """FR113's findings on v01 (the others on the visits may get hours over their offer)."""
    return [f for f in run(c, "FR113", **settings) if f.paths[0] == "$.volunteers[0]"]


def test_fr113_activities_do_not_count_against_the_dagpenge_limit() -> None:
    # 11 h/week = 47.7 h/month; before, every hour counted: a false warning.
    assert fr113(on_benefit(Benefit.UNEMPLOYMENT, 11, WorkCategory.ACTIVITY)) == []


def test_fr113_unpaid_work_counts_against_the_dagpenge_limit() -> None:
    found = fr113(on_benefit(Benefit.UNEMPLOYMENT, 11, WorkCategory.UNPAID_WORK))
    assert reasons(found) == [("benefit_hours", ("$.volunteers[0]", "$.tasks[0]"))]
    assert found[0].message_en == (
        "Volunteer 'v01' is planned for about 47.7 hours a month in task 'besoegsven', more "
        "than the 44 hours of unpaid voluntary work a volunteer on unemployment benefit "
        "(dagpenge) may give without deduction (activities do not count). Lower the hours, or "
        "ask the volunteer to clear them with their unemployment fund (a-kasse) first."
    )
    assert found[0].message_da == (
        "Den frivillige 'v01' er sat på cirka 47,7 timer om måneden i opgaven 'besoegsven', "
        "mere end de 44 timer frivilligt ulønnet arbejde, en frivillig på dagpenge må give "
        "uden fradrag (aktiviteter tæller ikke med). Sæt timerne ned, eller bed den frivillige "
        "afklare dem med sin a-kasse først."
    )


def test_fr113_efterloen_has_its_own_limit() -> None:
    # 11 h/week = 47.7 h/month: within 65. 16 h/week = 69.3 h/month: over.
    assert fr113(on_benefit(Benefit.EARLY_RETIREMENT, 11, WorkCategory.UNPAID_WORK)) == []
    found = fr113(on_benefit(Benefit.EARLY_RETIREMENT, 16, WorkCategory.UNPAID_WORK))
    assert reasons(found) == [("benefit_hours", ("$.volunteers[0]", "$.tasks[0]"))]
    assert "more than the 65 hours" in found[0].message_en
    assert "early retirement pay (efterløn)" in found[0].message_en
    assert "mere end de 65 timer" in found[0].message_da
    assert "en frivillig på efterløn" in found[0].message_da
    heavy = on_benefit(Benefit.EARLY_RETIREMENT, 16, WorkCategory.UNPAID_WORK)
    assert fr113(heavy, early_retirement_free_hours_per_month=70) == []


def test_fr113_no_benefit_no_limit() -> None:
    c = on_benefit(Benefit.UNEMPLOYMENT, 30, WorkCategory.UNPAID_WORK)
    assert fr113(volunteer(c, 0, benefit=Benefit.NONE)) == []


def test_fr113_a_benefit_not_recorded_is_reported_over_the_lower_limit() -> None:
    # 30 h/week of unpaid voluntary work is about 130 h/month: whether it is deducted
    # depends on a benefit that is not recorded.
    c = volunteer(on_benefit(Benefit.UNEMPLOYMENT, 30, WorkCategory.UNPAID_WORK), 0, benefit=None)
    assert reasons(fr113(c)) == [("benefit_unknown", ("$.volunteers[0]", "$.tasks[0]"))]
    # 10 h/week (about 43.3 h/month) is under both limits: nothing to ask.
    ten = volunteer(on_benefit(Benefit.UNEMPLOYMENT, 10, WorkCategory.UNPAID_WORK), 0, benefit=None)
    assert fr113(ten) == []


def test_fr113_an_unknown_kind_of_work_is_reported_as_missing() -> None:
    found = fr113(on_benefit(Benefit.UNEMPLOYMENT, 11, None))
    assert reasons(found) == [("work_category_unknown", ("$.volunteers[0]", "$.tasks[0]"))]
    assert found[0].message_en == (
        "Volunteer 'v01' receives unemployment benefit (dagpenge), but whether task "
        "'besoegsven' is an activity, which does not count, or unpaid voluntary work, which "
        "may take at most 44 hours a month without deduction, is not recorded. Counting every "
        "hour, the volunteer is planned for about 47.7 hours a month. Record which kind of "
        "work the task is, or ask the volunteer to clear the hours with their unemployment "
        "fund (a-kasse)."
    )
    assert found[0].message_da == (
        "Den frivillige 'v01' er på dagpenge, men det er ikke registreret, om opgaven "
        "'besoegsven' er en aktivitet, som ikke tæller med, eller frivilligt ulønnet arbejde, "
        "der højst må fylde 44 timer om måneden uden fradrag. Tæller alle timerne med, er den "
        "frivillige sat på cirka 47,7 timer om måneden. Registrér, hvilken slags arbejde "
        "opgaven er, eller bed den frivillige afklare timerne med sin a-kasse."
    )
    # Within the limit even if every hour counts: the answer is known.
    assert fr113(on_benefit(Benefit.UNEMPLOYMENT, 2, None)) == []


def test_fr113_directly_for_the_municipality_every_hour_counts() -> None:
    # The plan alone: the hours logged are tested in test_rules_hours.py.
    c = volunteer(
        attrs.evolve(on_benefit(Benefit.EARLY_RETIREMENT, 2, WorkCategory.ACTIVITY), time_logs=()),
        0,
        engagement=Engagement.MUNICIPALITY,
        association=None,
    )
    found = fr113(c)
    assert reasons(found) == [("benefit_hours", ("$.volunteers[0]", "$.tasks[0]"))]
    assert "every hour" in found[0].message_en
    assert "efterlønnen" in found[0].message_da


# -- item 6: FR106, not free and not for others -------------------------------------------


@pytest.mark.parametrize(
    "coercion", [Coercion.BENEFIT_CONDITION, Coercion.SENTENCE, Coercion.OTHER]
)
def test_fr106_coerced_is_not_volunteering(coercion: Coercion) -> None:
    found = run(volunteer(base(), 0, coercion=coercion), "FR106")
    assert reasons(found) == [("coerced", ("$.volunteers[0]",))]
    assert found[0].personal
    # The same words whatever the obligation is: a sentence is not named.
    assert found[0].message_en == (
        "Volunteer 'v01' does not take part freely: taking part is recorded as an obligation "
        "(a condition of a public benefit, part of a sentence, or a sanction for stopping). "
        "Volunteering in the sense of § 18 is free of physical, legal and economic coercion. "
        "Record the effort under the rules of the obligation, not as volunteering, or make "
        "taking part voluntary."
    )
    assert found[0].message_da == (
        "Den frivillige 'v01' deltager ikke af fri vilje: deltagelsen er registreret som en "
        "pligt (en betingelse for en offentlig ydelse, en del af en dom eller en sanktion, hvis "
        "den frivillige stopper). Frivilligt arbejde efter § 18 foregår uden fysisk, retlig "
        "eller økonomisk tvang. Registrér indsatsen efter de regler, der gælder for pligten, og "
        "ikke som frivilligt arbejde, eller gør deltagelsen frivillig."
    )


def test_fr106_free_or_unknown_is_not_reported() -> None:
    assert run(volunteer(base(), 0, coercion=Coercion.NONE), "FR106") == []
    assert run(volunteer(base(), 0, coercion=None), "FR106") == []


def test_fr106_for_own_benefit_is_not_volunteering() -> None:
    found = run(volunteer(base(), 0, for_own_benefit=True), "FR106")
    assert reasons(found) == [("own_benefit", ("$.volunteers[0]",))]
    assert found[0].message_en == (
        "Volunteer 'v01' takes part for their own benefit (for example as a member of a "
        "self-help group), which is not volunteering in the sense of § 18: the effort must "
        "benefit others than oneself and one's family. Record the participation separately; "
        "whoever facilitates the group for others can be a volunteer."
    )
    assert found[0].message_da == (
        "Den frivillige 'v01' deltager for sin egen skyld (fx som deltager i en "
        "selvhjælpsgruppe), og det er ikke frivilligt arbejde efter § 18, som skal komme andre "
        "end en selv og ens familie til gode. Registrér deltagelsen for sig; den, der leder "
        "gruppen for andre, kan godt være frivillig."
    )
    assert run(volunteer(base(), 0, for_own_benefit=False), "FR106") == []


# -- the JSON form: both readers, the schema, the migration --------------------------------


def with_new_facts() -> Collaboration:
    c = volunteer(
        base(),
        0,
        benefit=Benefit.UNEMPLOYMENT,
        coercion=Coercion.NONE,
        for_own_benefit=False,
        periods_with_children=days(
            (dt.date(2026, 6, 1), None), (dt.date(2026, 7, 1), dt.date(2026, 7, 9))
        ),
    )
    return task(c, 1, work_category=WorkCategory.UNPAID_WORK)


def test_new_facts_load_through_the_fast_and_the_detailed_reader() -> None:
    from tests.test_fast_path import _agree

    c = with_new_facts()
    text = frivillig.dumps(c)
    fast = _agree(text)
    assert fast is not serialization._FALLBACK
    assert fast == c
    document = json.loads(text)
    assert document["volunteers"][0]["benefit"] == "unemployment"
    assert document["volunteers"][0]["periods_with_children"] == [
        {"first_day": "2026-06-01", "last_day": None},
        {"first_day": "2026-07-01", "last_day": "2026-07-09"},
    ]
    assert document["tasks"][1]["work_category"] == "unpaid_work"
    assert frivillig.from_dict(document) == c


def test_the_schema_has_the_new_facts() -> None:
    schema = json_schema("collaboration")
    defs = schema["$defs"]
    volunteer_fields = defs["Volunteer"]["properties"]
    for name in ("benefit", "coercion", "for_own_benefit", "periods_with_children"):
        assert name in volunteer_fields, name
    assert "on_unemployment_benefit" not in volunteer_fields
    assert "work_category" in defs["Task"]["properties"]
    document = frivillig.to_dict(with_new_facts())
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    document["tasks"][1]["work_category"] = "hobby"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def version_1(benefit: object) -> dict[str, Any]:
    document = frivillig.to_dict(base())
    document["schema_version"] = 1
    for person in document["volunteers"]:
        for name in ("benefit", "coercion", "for_own_benefit", "periods_with_children"):
            person.pop(name)
        person["on_unemployment_benefit"] = False
    for item in document["tasks"]:
        item.pop("work_category")
    document["volunteers"][0]["on_unemployment_benefit"] = benefit
    return document


def test_version_1_benefit_true_is_dagpenge_false_is_unknown() -> None:
    old = version_1(True)
    kept = copy.deepcopy(old)
    loaded = frivillig.from_dict(old)
    assert old == kept
    assert loaded.volunteers[0].benefit is Benefit.UNEMPLOYMENT
    # v1's false said only "not on dagpenge"; efterløn was not a fact v1 had.
    assert [v.benefit for v in loaded.volunteers[1:]] == [None] * 4
    assert frivillig.loads(json.dumps(old)) == loaded
    upgraded = serialization.MIGRATIONS[1](old)
    assert "on_unemployment_benefit" not in upgraded["volunteers"][0]
    assert upgraded["volunteers"][0]["benefit"] == "unemployment"
    assert "benefit" not in upgraded["volunteers"][1]


def test_version_1_in_a_portfolio_is_migrated_too() -> None:
    body = {k: v for k, v in version_1(True).items() if k not in ("schema_version", "type")}
    portfolio = {
        "schema_version": 1,
        "type": "portfolio",
        "id": "p",
        "title": "P",
        "collaborations": [body],
    }
    loaded = frivillig.from_dict(portfolio)
    assert loaded.collaborations[0].volunteers[0].benefit is Benefit.UNEMPLOYMENT


def test_version_1_with_a_wrong_benefit_value_is_still_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        frivillig.from_dict(version_1("Zebulon"))
    assert all(p.path.startswith("$.volunteers[0]") for p in caught.value.problems)
    assert "Zebulon" not in str(caught.value)


def test_the_new_personal_facts_stay_out_of_repr() -> None:
    person = Volunteer(
        id="v9",
        benefit=Benefit.EARLY_RETIREMENT,
        coercion=Coercion.SENTENCE,
        for_own_benefit=True,
        periods_with_children=occasions(dt.date(2026, 1, 2)),
    )
    shown = repr(person)
    for word in ("EARLY_RETIREMENT", "SENTENCE", "for_own_benefit", "2026"):
        assert word not in shown
    assert {"benefit", "coercion", "for_own_benefit", "periods_with_children"} <= set(
        frivillig.personal_fields(Volunteer)
    )
