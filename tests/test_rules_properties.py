"""Properties of the rule check, on collaborations generated valid by construction.

The strategy below is local to these tests: it draws every part of a collaboration
and names only ids that exist, so the loader would accept the result.
"""

import datetime as dt
import re
from collections import Counter
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import (
    DEFAULT_RULEBOOK,
    ActorKind,
    AgeBand,
    Agreement,
    AgreementDocument,
    Attachment,
    Benefit,
    ChildCertificateCheck,
    CitizenGroup,
    Coercion,
    Collaboration,
    Engagement,
    EvaluationPlan,
    EvaluationRound,
    FormalisationLevel,
    Forum,
    Goal,
    GoalStatus,
    LifecycleStatus,
    ManagementTask,
    Municipality,
    Participant,
    PeriodWithChildren,
    PrivateCompany,
    PublicInstitution,
    Purpose,
    Remuneration,
    ReservedKind,
    Resource,
    Response,
    Severity,
    Task,
    TaskKind,
    ValueCase,
    VoluntaryOrganisation,
    Volunteer,
    VolunteerCentre,
    Wish,
    WorkCategory,
    check,
)

DATES = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2028, 12, 31))
TODAYS = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2029, 12, 31))
CODES = st.sampled_from([101, 561, 751])


def subsets(items: list[Any]) -> st.SearchStrategy[list[Any]]:
    return st.lists(st.sampled_from(items), unique=True) if items else st.just([])


@st.composite
def actors(draw: st.DrawFn) -> Any:
    kind = draw(st.sampled_from(list(ActorKind)))
    if kind is ActorKind.MUNICIPALITY:
        return Municipality(name="Kommunen", code=draw(CODES))
    if kind is ActorKind.PUBLIC_INSTITUTION:
        return PublicInstitution(name="Plejehjemmet", municipality_code=draw(CODES))
    if kind is ActorKind.VOLUNTARY_ORGANISATION:
        maybe = st.none() | st.booleans()
        return VoluntaryOrganisation(
            name="Foreningen",
            municipality_code=draw(st.none() | CODES),
            paying_members=draw(st.none() | st.integers(0, 20)),
            has_statutes=draw(maybe),
            has_board=draw(maybe),
            democratic=draw(maybe),
            child_certificate_declaration_year=draw(st.none() | st.integers(2024, 2029)),
        )
    if kind is ActorKind.VOLUNTEER_CENTRE:
        return VolunteerCentre(name="Frivilligcentret")
    if kind is ActorKind.PRIVATE_COMPANY:
        return PrivateCompany(name="Firmaet")
    if kind is ActorKind.CITIZEN_GROUP:
        return CitizenGroup(name="Pårørenderådet")
    return frivillig.VolunteerCouncil(name="Frivilligrådet")


@st.composite
def participants(draw: st.DrawFn, party_id: str) -> Participant:
    actor = draw(actors())
    public = actor.kind is ActorKind.MUNICIPALITY
    return Participant(
        id=party_id,
        actor=actor,
        resources=tuple(draw(subsets(list(Resource)))),
        budget_share_from_municipality=None if public else draw(st.none() | st.floats(0, 1)),
        key_persons=draw(st.none() | st.integers(0, 4)),
    )


@st.composite
def volunteers(draw: st.DrawFn, volunteer_id: str, parties: list[str]) -> Volunteer:
    engagement = draw(st.sampled_from(list(Engagement)))
    association = None
    if engagement is Engagement.ASSOCIATION:
        association = draw(st.none() | st.sampled_from(parties))
    certificate = draw(
        st.none()
        | st.builds(
            ChildCertificateCheck,
            checked_on=DATES,
            checked_by=st.sampled_from(parties),
            clear=st.booleans(),
        )
    )
    return Volunteer(
        id=volunteer_id,
        engagement=engagement,
        association=association,
        age_band=draw(st.none() | st.sampled_from(list(AgeBand))),
        wants_influence=draw(st.booleans()),
        hours_offered_per_week=draw(st.none() | st.floats(0, 40)),
        attachment=draw(st.sampled_from(list(Attachment))),
        started_on=draw(st.none() | DATES),
        birth_year=draw(st.none() | st.integers(2005, 2020)),
        occasions_with_children=draw(st.none() | st.integers(0, 40)),
        longest_continuous_days=draw(st.none() | st.integers(0, 20)),
        periods_with_children=draw(st.none() | st.lists(periods(), max_size=4).map(tuple)),
        child_certificate=certificate,
        confidentiality_signed_on=draw(st.none() | DATES),
        remuneration=draw(st.sampled_from(list(Remuneration))),
        benefit=draw(st.none() | st.sampled_from(list(Benefit))),
        for_own_family=draw(st.booleans()),
        coercion=draw(st.none() | st.sampled_from(list(Coercion))),
        for_own_benefit=draw(st.none() | st.booleans()),
    )


@st.composite
def periods(draw: st.DrawFn) -> PeriodWithChildren:
    first = draw(DATES)
    length = draw(st.none() | st.integers(0, 12))
    last = None if length is None else first + dt.timedelta(days=length)
    return PeriodWithChildren(first_day=first, last_day=last)


@st.composite
def tasks(draw: st.DrawFn, task_id: str, parties: list[str], people: list[str]) -> Task:
    flags = {
        name: draw(st.booleans())
        for name in (
            "exercises_authority",
            "children_contact",
            "confidential_data",
            "core_staff_task",
            "fixed_rota",
            "directed_by_institution",
            "replaces_cut_post",
        )
    }
    return Task(
        id=task_id,
        title=f"Opgave {task_id}",
        kind=draw(st.sampled_from(list(TaskKind))),
        reserved=tuple(draw(subsets(list(ReservedKind)))),
        hours_per_week=draw(st.none() | st.floats(0, 15)),
        work_category=draw(st.none() | st.sampled_from(list(WorkCategory))),
        volunteers=tuple(draw(subsets(people))),
        led_by=draw(st.none() | st.sampled_from(parties)),
        **flags,
    )


@st.composite
def goals(draw: st.DrawFn, goal_id: str, parties: list[str]) -> Goal:
    wishers = draw(subsets(parties))
    agreers = draw(subsets(parties))
    return Goal(
        id=goal_id,
        text=f"Mål {goal_id}",
        wishes=tuple(Wish(party=p, text="Et ønske") for p in wishers),
        agreements=tuple(Agreement(party=p, agreed_on=draw(DATES)) for p in agreers),
        status=draw(st.sampled_from(list(GoalStatus))),
    )


@st.composite
def rounds(draw: st.DrawFn, round_id: str, parties: list[str], goal_ids: list[str]) -> Any:
    responders = draw(subsets(parties))
    responses = tuple(
        Response(
            party=party,
            satisfaction=draw(st.none() | st.integers(1, 5)),
            goal_progress={g: draw(st.floats(0, 100)) for g in draw(subsets(goal_ids))},
        )
        for party in responders
    )
    return EvaluationRound(
        id=round_id, held_on=draw(DATES), responses=responses, final=draw(st.booleans())
    )


@st.composite
def collaborations(draw: st.DrawFn) -> Collaboration:
    parties = [f"p{i}" for i in range(draw(st.integers(1, 4)))]
    people = [f"v{i}" for i in range(draw(st.integers(0, 4)))]
    goal_ids = [f"g{i}" for i in range(draw(st.integers(0, 3)))]
    start = draw(DATES)
    plan = draw(
        st.none()
        | st.builds(
            EvaluationPlan,
            rrule=st.sampled_from(
                ["FREQ=MONTHLY;INTERVAL=3", "FREQ=YEARLY", "FREQ=MONTHLY;INTERVAL=6;COUNT=3"]
            ),
            first_date=st.integers(0, 400).map(lambda d: start + dt.timedelta(days=d)),
            respondents=subsets(parties).map(tuple),
        )
    )
    return Collaboration(
        id="samarbejde",
        title="Et samarbejde",
        municipality_code=draw(CODES),
        participants=tuple(draw(participants(p)) for p in parties),
        initiator=draw(st.none() | st.sampled_from(parties)),
        purposes=tuple(draw(subsets(list(Purpose)))),
        value_case=draw(
            st.none() | st.builds(ValueCase, citizens=st.none() | st.just("Borgerne får glæde."))
        ),
        responsibilities={
            task: draw(st.sampled_from(parties)) for task in draw(subsets(list(ManagementTask)))
        },
        goals=tuple(draw(goals(g, parties)) for g in goal_ids),
        tasks=tuple(draw(tasks(f"t{i}", parties, people)) for i in range(draw(st.integers(0, 3)))),
        volunteers=tuple(draw(volunteers(v, parties)) for v in people),
        formalisation=draw(st.sampled_from(list(FormalisationLevel))),
        agreement=draw(
            st.none()
            | st.builds(
                AgreementDocument, title=st.just("Aftalen"), parties=subsets(parties).map(tuple)
            )
        ),
        forum=draw(
            st.none()
            | st.builds(Forum, name=st.just("Forum"), agenda_set_by=subsets(parties).map(tuple))
        ),
        start_on=start,
        end_on=draw(st.none() | st.integers(0, 1500).map(lambda d: start + dt.timedelta(days=d))),
        status=draw(st.sampled_from(list(LifecycleStatus))),
        evaluation_plan=plan,
        rounds=tuple(
            draw(rounds(f"r{i}", parties, goal_ids)) for i in range(draw(st.integers(0, 2)))
        ),
    )


_INDEXED = re.compile(r"\$\.(participants|goals|tasks|volunteers)\[(\d+)\]")


def canonical(report: frivillig.Report, collaboration: Collaboration) -> Counter:
    """The findings with each indexed path rewritten to the id of the object it points at."""

    def by_id(path: str) -> str:
        def swap(match: re.Match[str]) -> str:
            items = getattr(collaboration, match.group(1))
            return f"$.{match.group(1)}[id={items[int(match.group(2))].id}]"

        return _INDEXED.sub(swap, path)

    return Counter(
        (
            f.code,
            f.reason,
            f.severity,
            f.message_da,
            f.message_en,
            f.source,
            by_id(f.paths[0]),
            frozenset(by_id(p) for p in f.paths[1:]),
        )
        for f in report
    )


@settings(max_examples=100, deadline=None)
@given(collaborations(), TODAYS)
def test_a_collaboration_generated_valid_has_no_integrity_error(
    collaboration: Collaboration, today: dt.date
) -> None:
    assert frivillig.is_valid(collaboration)
    report = check(collaboration, today=today)
    assert report.filter(codes=["FR116"]).findings == ()
    assert not [f for f in report if f.reason == "holder_not_a_party"]


@settings(max_examples=100, deadline=None)
@given(collaborations(), TODAYS, st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_the_order_of_parts(
    collaboration: Collaboration, today: dt.date, random: Any
) -> None:
    def shuffled(items: tuple[Any, ...]) -> tuple[Any, ...]:
        listed = list(items)
        random.shuffle(listed)
        return tuple(listed)

    reordered = attrs.evolve(
        collaboration,
        participants=shuffled(collaboration.participants),
        goals=shuffled(collaboration.goals),
        tasks=shuffled(collaboration.tasks),
        volunteers=shuffled(collaboration.volunteers),
    )
    assert canonical(check(reordered, today=today), reordered) == canonical(
        check(collaboration, today=today), collaboration
    )


@settings(max_examples=50, deadline=None)
@given(collaborations(), TODAYS)
def test_checking_is_deterministic(collaboration: Collaboration, today: dt.date) -> None:
    first = check(collaboration, today=today)
    again = check(frivillig.loads(frivillig.dumps(collaboration)), today=today)
    assert first == again
    assert first.to_json() == again.to_json()
    assert first.to_text("da") == again.to_text("da")


@settings(max_examples=60, deadline=None)
@given(collaborations(), TODAYS, st.sampled_from([rule.code for rule in DEFAULT_RULEBOOK]))
def test_disabling_or_regrading_a_rule_touches_only_its_findings(
    collaboration: Collaboration, today: dt.date, code: str
) -> None:
    full = check(collaboration, today=today)
    without = check(collaboration, today=today, rulebook=DEFAULT_RULEBOOK.disable(code))
    others = [f for f in full if f.code != code]
    assert list(without) == others
    regraded = check(
        collaboration, today=today, rulebook=DEFAULT_RULEBOOK.regrade(code, Severity.INFO)
    )
    assert [f for f in regraded if f.code != code] == others
    assert {f.severity for f in regraded if f.code == code} <= {Severity.INFO}
    assert len(regraded) == len(full)


@settings(max_examples=60, deadline=None)
@given(collaborations(), TODAYS)
def test_reports_are_sorted_and_pass_exactly_without_errors(
    collaboration: Collaboration, today: dt.date
) -> None:
    report = check(collaboration, today=today)
    ranks = [f.severity.rank for f in report]
    assert ranks == sorted(ranks, reverse=True)
    assert report.passes == (report.counts[Severity.ERROR] == 0)
    assert sum(report.counts.values()) == len(report)
    for finding in report:
        assert finding.paths
        assert all(path.startswith("$") for path in finding.paths)
        assert finding.message_da
        assert finding.message_en
        assert finding.source
