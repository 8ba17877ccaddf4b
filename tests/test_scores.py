"""Scores: bounded, explained, independent of order, monotone where the docs say so."""

import datetime as dt
import math

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import (
    Agreement,
    Collaboration,
    EvaluationPlan,
    EvaluationRound,
    FormalisationLevel,
    FormalisationSettings,
    Forum,
    Goal,
    GoalStatus,
    Participant,
    Readiness,
    Resource,
    Response,
    Score,
    ScoreSettings,
    Task,
    TaskKind,
    Volunteer,
    VolunteerFunction,
    Wish,
)
from frivillig.errors import ValidationError

TODAY = dt.date(2026, 10, 1)
FUNCTIONS = list(VolunteerFunction)


# -- local strategies -----------------------------------------------------------------------


def actor(draw: st.DrawFn, index: int) -> object:
    if index == 0:
        return frivillig.Municipality(name="Københavns Kommune", code=101)
    kind = draw(st.sampled_from(["association", "centre", "institution", "citizens"]))
    if kind == "association":
        return frivillig.VoluntaryOrganisation(name=f"Forening {index}")
    if kind == "centre":
        return frivillig.VolunteerCentre(name=f"Frivilligcenter {index}")
    if kind == "institution":
        return frivillig.PublicInstitution(name=f"Plejehjem {index}", municipality_code=101)
    return frivillig.CitizenGroup(name=f"Borgere {index}")


likert = st.none() | st.integers(1, 5)


@st.composite
def participants(draw: st.DrawFn, n: int) -> tuple[Participant, ...]:
    found = []
    for index in range(n):
        the_actor = actor(draw, index)
        share = None if index == 0 else draw(st.none() | st.floats(0, 1))
        readiness = draw(
            st.none()
            | st.builds(Readiness, openness=likert, equality=likert, risk_willingness=likert)
        )
        found.append(
            Participant(
                id=f"p{index}",
                actor=the_actor,  # type: ignore[arg-type]
                resources=tuple(draw(st.sets(st.sampled_from(list(Resource)), max_size=2))),
                budget_share_from_municipality=share,
                readiness=readiness,
            )
        )
    return tuple(found)


def subset(draw: st.DrawFn, ids: list[str]) -> list[str]:
    return [i for i in ids if draw(st.booleans())]


@st.composite
def collaborations(draw: st.DrawFn) -> Collaboration:
    n = draw(st.integers(1, 5))
    parties = draw(participants(n))
    ids = [p.id for p in parties]
    day = dt.date(2026, 1, 1)
    goals = tuple(
        Goal(
            id=f"g{g}",
            text="Et mål",
            wishes=tuple(Wish(party=p, text="Et ønske") for p in subset(draw, ids)),
            agreements=tuple(Agreement(party=p, agreed_on=day) for p in subset(draw, ids)),
            status=draw(st.sampled_from(list(GoalStatus))),
        )
        for g in range(draw(st.integers(0, 3)))
    )
    volunteers = tuple(
        Volunteer(
            id=f"v{v}",
            motives={f: draw(st.integers(1, 7)) for f in FUNCTIONS if draw(st.booleans())},
            wants_influence=draw(st.booleans()),
            hours_offered_per_week=draw(st.none() | st.sampled_from([0.5, 1.0, 2.0, 5.0])),
        )
        for v in range(draw(st.integers(0, 4)))
    )
    volunteer_ids = [v.id for v in volunteers]
    tasks = tuple(
        Task(
            id=f"t{t}",
            title="En opgave",
            kind=draw(st.sampled_from(list(TaskKind))),
            offers=tuple(f for f in FUNCTIONS if draw(st.booleans())),
            hours_per_week=draw(st.none() | st.sampled_from([0.5, 1.0, 2.0, 4.0])),
            volunteers=tuple(subset(draw, volunteer_ids)),
            children_contact=draw(st.booleans()),
            confidential_data=draw(st.booleans()),
            exercises_authority=draw(st.booleans()),
        )
        for t in range(draw(st.integers(0, 3)))
    )
    forum = (
        Forum(name="Forum", agenda_set_by=tuple(subset(draw, ids))) if draw(st.booleans()) else None
    )
    start = dt.date(2026, 1, 1)
    end = draw(st.none() | st.integers(0, 900).map(lambda d: start + dt.timedelta(days=d)))
    plan = None
    if draw(st.booleans()):
        plan = EvaluationPlan(rrule="FREQ=MONTHLY;INTERVAL=3", first_date=dt.date(2026, 3, 1))
    rounds = []
    for r in range(draw(st.integers(0, 3))):
        responses = []
        for party in subset(draw, ids):
            answers = {}
            if draw(st.booleans()):
                answers = {f"b{i:02d}": draw(st.none() | st.integers(1, 5)) for i in range(1, 11)}
            responses.append(
                Response(
                    party=party,
                    satisfaction=draw(likert),
                    instrument="barometer" if answers else None,
                    answers=answers,
                )
            )
        rounds.append(
            EvaluationRound(
                id=f"r{r}",
                held_on=dt.date(2026, 3, 1) + dt.timedelta(days=draw(st.integers(0, 200))),
                responses=tuple(responses),
            )
        )
    return Collaboration(
        id="c",
        title="Et samarbejde",
        municipality_code=101,
        participants=parties,
        goals=goals,
        tasks=tasks,
        volunteers=volunteers,
        forum=forum,
        formalisation=draw(st.sampled_from(list(FormalisationLevel))),
        start_on=start,
        end_on=end,
        evaluation_plan=plan,
        rounds=tuple(rounds),
    )


def shuffled(draw: st.DrawFn, collaboration: Collaboration) -> Collaboration:
    """The same collaboration with every list in another order."""

    def perm(items):  # type: ignore[no-untyped-def]
        return tuple(draw(st.permutations(items)))

    return attrs.evolve(
        collaboration,
        participants=perm(collaboration.participants),
        goals=perm(
            [
                attrs.evolve(g, agreements=perm(g.agreements), wishes=perm(g.wishes))
                for g in collaboration.goals
            ]
        ),
        tasks=perm(
            [
                attrs.evolve(t, volunteers=perm(t.volunteers), offers=perm(t.offers))
                for t in collaboration.tasks
            ]
        ),
        volunteers=perm(collaboration.volunteers),
        rounds=perm([attrs.evolve(r, responses=perm(r.responses)) for r in collaboration.rounds]),
    )


# -- properties ----------------------------------------------------------------------------


def check_bounded(score: Score) -> None:
    assert score.low == 0.0
    assert score.high == 100.0
    assert score.label_da.strip()
    assert score.label_en.strip()
    for part in score.parts:
        assert part.weight >= 0
        assert part.explanation_da.strip()
        assert part.explanation_en.strip()
        assert part.value is None or 0.0 <= part.value <= 100.0
        assert part.coverage is None or 0.0 <= part.coverage <= 1.0
    # The parts that apply count, one without a value (its inputs unknown) as 0.
    applying = [p for p in score.parts if p.applies]
    total = math.fsum(p.weight for p in applying)
    if applying and total > 0:
        expected_coverage = math.fsum(p.weight * (p.coverage or 0.0) for p in applying) / total
        assert score.coverage == pytest.approx(expected_coverage)
    if not any(p.value is not None and p.weight > 0 for p in applying):
        assert score.value is None
        return
    assert score.value is not None
    assert 0.0 <= score.value <= 100.0
    expected = math.fsum(p.weight * (p.value or 0.0) for p in applying) / total
    assert score.value == pytest.approx(expected)


@settings(max_examples=120, deadline=None)
@given(collaboration=collaborations())
def test_every_score_lies_in_its_range_and_is_its_weighted_parts(
    collaboration: Collaboration,
) -> None:
    scores = frivillig.score_all(collaboration, today=TODAY)
    assert list(scores) == [
        "goal_alignment",
        "equality",
        "co_creation_readiness",
        "formalisation_fit",
        "volunteer_fit",
        "evaluation_health",
        "collaboration_health",
    ]
    for score in scores.values():
        check_bounded(score)
        assert score.to_text("da")
        assert score.to_text("en")


@settings(max_examples=120, deadline=None)
@given(collaboration=collaborations(), data=st.data())
def test_scores_do_not_depend_on_order(collaboration: Collaboration, data: st.DataObject) -> None:
    other = shuffled(data.draw, collaboration)
    assert frivillig.score_all(other, today=TODAY) == frivillig.score_all(
        collaboration, today=TODAY
    )


@settings(max_examples=150, deadline=None)
@given(collaboration=collaborations(), data=st.data())
def test_goal_alignment_never_falls_when_one_more_party_agrees(
    collaboration: Collaboration, data: st.DataObject
) -> None:
    open_pairs = [
        (g, p.id)
        for g, goal in enumerate(collaboration.goals)
        for p in collaboration.participants
        if p.id not in goal.agreed_by()
    ]
    assume(open_pairs)
    g, party = data.draw(st.sampled_from(open_pairs))
    goal = collaboration.goals[g]
    agreed = attrs.evolve(
        goal, agreements=(*goal.agreements, Agreement(party=party, agreed_on=TODAY))
    )
    goals = list(collaboration.goals)
    goals[g] = agreed
    after = frivillig.goal_alignment(attrs.evolve(collaboration, goals=tuple(goals)))
    before = frivillig.goal_alignment(collaboration)
    assert before.value is not None
    assert after.value is not None
    assert after.value >= before.value


@settings(max_examples=150, deadline=None)
@given(collaboration=collaborations(), data=st.data())
def test_equality_never_rises_when_economic_dependence_rises(
    collaboration: Collaboration, data: st.DataObject
) -> None:
    candidates = [
        i
        for i, p in enumerate(collaboration.participants)
        if p.budget_share_from_municipality is not None
    ]
    assume(candidates)
    i = data.draw(st.sampled_from(candidates))
    participant = collaboration.participants[i]
    share = participant.budget_share_from_municipality
    assert share is not None
    higher = data.draw(st.floats(share, 1.0))
    participants = list(collaboration.participants)
    participants[i] = attrs.evolve(participant, budget_share_from_municipality=higher)
    after = frivillig.equality(attrs.evolve(collaboration, participants=tuple(participants)))
    before = frivillig.equality(collaboration)
    assert before.value is not None
    assert after.value is not None
    assert after.value <= before.value


@settings(max_examples=60, deadline=None)
@given(
    collaboration=collaborations(),
    key=st.sampled_from(
        [
            "goal_alignment",
            "equality",
            "co_creation_readiness",
            "formalisation_fit",
            "volunteer_fit",
            "evaluation_health",
        ]
    ),
)
def test_health_with_a_single_weight_is_that_score(collaboration: Collaboration, key: str) -> None:
    settings_ = ScoreSettings(health_weights={key: 1.0})
    scores = frivillig.score_all(collaboration, today=TODAY, settings=settings_)
    assert scores["collaboration_health"].value == pytest.approx(scores[key].value)


# -- worked examples: the embedded example ----------------------------------------------------


def test_the_example_by_hand() -> None:
    scores = frivillig.score_all(frivillig.load_example(), today=TODAY)
    values = {key: score.value for key, score in scores.items()}
    # every party agreed to both goals and stated wishes: 0.7 * 100 + 0.3 * 100
    assert values["goal_alignment"] == 100.0
    # independence: the volunteer centre gets 80% from the municipality: 100 * (1 - 0.8) = 20
    # shared agenda: 4 of 4 parties = 100; felt equality: mean(3, 4, 3, 4) = 3.5 -> 62.5
    # 0.4 * 20 + 0.4 * 100 + 0.2 * 62.5 = 8 + 40 + 12.5 = 60.5
    assert values["equality"] == pytest.approx(60.5)
    # openness mean(4, 4, 5, 5) = 4.5 -> 87.5; equality 62.5; risk mean(3, 2, 4, 4) = 3.25
    # -> 56.25; (87.5 + 62.5 + 56.25) / 3 = 68.75
    assert values["co_creation_readiness"] == pytest.approx(68.75)
    # money, an association and an open end call for a collaboration agreement: as it is
    assert values["formalisation_fit"] == 100.0
    # meaning: strong motives (>= 5) matched by the tasks' offers; each volunteer states 3
    # of the 6 motives, and an unknown one the tasks do not offer counts as strong and unmet:
    # v01 2/(2+3), v02 3/(3+2), v03 2/(2+3), v04 1/(3+2), v05 2/(3+2) -> 2.0/5 = 40
    # (coverage 3/6 = 0.5); commitment: nobody is asked for more hours than offered -> 100
    # action: both who want influence have a heads task -> 100
    # 0.4 * 40 + 0.3 * 100 + 0.3 * 100 = 76, coverage 0.4 * 0.5 + 0.6 = 0.8
    assert values["volunteer_fit"] == pytest.approx(76.0)
    assert scores["volunteer_fit"].coverage == pytest.approx(0.8)
    # satisfaction in 2026-q3: (4 + 5 + 4 + 4) / 4 = 4.25 -> 81.25; lowest 4 -> 75
    # trend: 3.75 -> 4.25 rose: the level reached, 81.25; punctuality: 2 of 2 on time -> 100
    # barometer overall per party in 2026-q3 (reversed b04, b06, b10):
    #   kommune 4.1 -> 77.5, plejecenter 4.5 -> 87.5, besoegsvenner 4.0 -> 75,
    #   frivilligcenter 3.8 -> 70; mean 77.5
    # 0.25 * 81.25 + 0.15 * 75 + 0.15 * 81.25 + 0.25 * 100 + 0.2 * 77.5
    #   = 20.3125 + 11.25 + 12.1875 + 25 + 15.5 = 84.25
    assert values["evaluation_health"] == pytest.approx(84.25)
    # 0.25 * 100 + 0.15 * 60.5 + 0.10 * 68.75 + 0.15 * 100 + 0.15 * 76 + 0.20 * 84.25
    #   = 25 + 9.075 + 6.875 + 15 + 11.4 + 16.85 = 84.2; coverage 1 - 0.15 * 0.2 = 0.97
    assert values["collaboration_health"] == pytest.approx(84.2)
    assert scores["collaboration_health"].coverage == pytest.approx(0.97)


def base(**changes: object) -> Collaboration:
    fields: dict[str, object] = {
        "id": "c",
        "title": "T",
        "municipality_code": 101,
        "participants": (
            Participant(id="kommune", actor=frivillig.Municipality(name="K", code=101)),
            Participant(id="borgere", actor=frivillig.CitizenGroup(name="B")),
        ),
        "start_on": dt.date(2026, 1, 1),
    }
    fields.update(changes)
    return Collaboration(**fields)  # type: ignore[arg-type]


def test_formalisation_for_a_short_experiment_and_a_partnership() -> None:
    # Two parties, 60 days, nothing risky: ad-hoc volunteers (rank 1). A collaboration
    # agreement (rank 3) is 2 steps too tight: 100 - 2 * 20 = 60.
    small = base(end_on=dt.date(2026, 3, 2))
    recommendation = frivillig.recommend_formalisation(small)
    assert recommendation.level is FormalisationLevel.AD_HOC_EVENT
    assert recommendation.drivers == (frivillig.FormalisationDriver.SHORT_EXPERIMENT,)
    assert frivillig.formalisation_fit(small).value == 60.0

    # Five parties, money, no end: three heavy drivers -> partnership agreement (rank 4).
    # A volunteer agreement (rank 2) is 2 steps too loose: 100 - 2 * 40 = 20.
    many = tuple(
        Participant(id=f"p{i}", actor=frivillig.CitizenGroup(name=f"B{i}")) for i in range(4)
    )
    funder = Participant(
        id="kommune",
        actor=frivillig.Municipality(name="K", code=101),
        resources=(Resource.MONEY,),
    )
    big = base(participants=(funder, *many), formalisation=FormalisationLevel.VOLUNTEER_AGREEMENT)
    assert frivillig.recommend_formalisation(big).level is FormalisationLevel.PARTNERSHIP_AGREEMENT
    fit = frivillig.formalisation_fit(big)
    assert fit.value == 20.0
    assert "Recommended level: partnership agreement." in fit.to_text("en")
    assert "Anbefalet niveau: partnerskabsaftale." in fit.to_text("da")

    # with a higher threshold for a partnership, a collaboration agreement is recommended
    lenient = FormalisationSettings(partnership_drivers=4)
    assert (
        frivillig.recommend_formalisation(big, settings=lenient).level
        is FormalisationLevel.COLLABORATION_AGREEMENT
    )


def test_goal_alignment_by_hand() -> None:
    # 2 parties; goal a agreed by both (1), goal b by one (1/2), goal c dropped (ignored):
    # agreement mean(1, 0.5) = 0.75 -> 75; wishes: only kommune -> 1/2 -> 50
    # 0.7 * 75 + 0.3 * 50 = 52.5 + 15 = 67.5
    day = dt.date(2026, 1, 1)
    goals = (
        Goal(
            id="a",
            text="A",
            wishes=(Wish(party="kommune", text="w"),),
            agreements=(
                Agreement(party="kommune", agreed_on=day),
                Agreement(party="borgere", agreed_on=day),
            ),
        ),
        Goal(id="b", text="B", agreements=(Agreement(party="kommune", agreed_on=day),)),
        Goal(id="c", text="C", status=GoalStatus.DROPPED),
    )
    score = frivillig.goal_alignment(base(goals=goals))
    assert score.value == pytest.approx(67.5)
    assert [(p.key, p.value, p.weight) for p in score.parts] == [
        ("agreement", 75.0, 0.7),
        ("wishes", 50.0, 0.3),
    ]
    # no goals: nothing agreed yet (0), and nobody stated a wish (0)
    assert frivillig.goal_alignment(base()).value == 0.0


def test_evaluation_health_without_plan_and_with_late_rounds() -> None:
    # no plan, no rounds: punctuality 0 is the only part with a value
    score = frivillig.evaluation_health(base(), today=TODAY)
    assert score.value == 0.0
    # quarterly from 1 Mar: due 1 Mar (held 3 Mar, on time), 1 Jun (held 30 Jun, late),
    # 1 Sep (nothing; on 1 Oct its grace has ended: overdue).
    # punctuality = (1 + 0.5 * 1) / 3 = 0.5 -> 50
    plan = EvaluationPlan(rrule="FREQ=MONTHLY;INTERVAL=3", first_date=dt.date(2026, 3, 1))
    rounds = (
        EvaluationRound(
            id="r1",
            held_on=dt.date(2026, 3, 3),
            responses=(
                Response(party="kommune", satisfaction=5),
                Response(party="borgere", satisfaction=3),
            ),
        ),
        EvaluationRound(
            id="r2",
            held_on=dt.date(2026, 6, 30),
            responses=(
                Response(party="kommune", satisfaction=4),
                Response(party="borgere", satisfaction=2),
            ),
        ),
    )
    score = frivillig.evaluation_health(base(evaluation_plan=plan, rounds=rounds), today=TODAY)
    parts = {part.key: part.value for part in score.parts}
    # latest mean (4 + 2) / 2 = 3 -> 50; lowest 2 -> 25; trend: the mean fell from 4 (75) to
    # 3 (50): the level reached less the fall, 50 - 25 = 25; no instrument answers: unknown
    assert parts == {
        "satisfaction": 50.0,
        "least_satisfied": 25.0,
        "trend": 25.0,
        "punctuality": 50.0,
        "instruments": None,
    }
    # 0.25 * 50 + 0.15 * 25 + 0.15 * 25 + 0.25 * 50 + 0.2 * 0 (unknown) = 32.5, coverage 0.8
    assert score.value == pytest.approx(32.5)
    assert score.coverage == pytest.approx(0.8)
    assert "borgere: 2 on 1-5" in score.to_text("en")
    # a round held late counts fully when late_credit is 1: (1 + 1) / 3
    generous = ScoreSettings(late_credit=1.0)
    again = frivillig.evaluation_health(
        base(evaluation_plan=plan, rounds=rounds), today=TODAY, settings=generous
    )
    assert {p.key: p.value for p in again.parts}["punctuality"] == pytest.approx(200 / 3)


def test_volunteer_fit_counts_without_naming_personal_values() -> None:
    # v1 wants influence but has only a hands task; asked 4 h, offers 2 h -> 2/4;
    # strong motives values and career (the other four are weak), the task offers values
    # -> 1/2. meaning 50, commitment 50, action 0: 0.4 * 50 + 0.3 * 50 + 0.3 * 0 = 35
    volunteer = Volunteer(
        id="v1",
        motives={
            **dict.fromkeys(FUNCTIONS, 1),
            VolunteerFunction.VALUES: 7,
            VolunteerFunction.CAREER: 5,
        },
        wants_influence=True,
        hours_offered_per_week=2,
    )
    task = Task(
        id="t",
        title="T",
        kind=TaskKind.HANDS,
        offers=(VolunteerFunction.VALUES,),
        hours_per_week=4,
        volunteers=("v1",),
    )
    score = frivillig.volunteer_fit(base(volunteers=(volunteer,), tasks=(task,)))
    assert score.value == pytest.approx(35.0)
    text = score.to_text("en")
    assert "1 of 1 volunteers with tasks are asked for more hours than they offer" in text
    assert "v1" not in text
    # no volunteers: no value
    assert frivillig.volunteer_fit(base()).value is None


def test_render_scores_in_both_languages() -> None:
    example = frivillig.load_example()
    en = frivillig.render_scores(example, today=TODAY, lang="en")
    assert "Goal alignment: 100.0 of 100" in en
    assert "Collaboration health: 84.2 of 100 (coverage 97%)" in en
    assert "Next evaluations due: 2026-12-01, 2027-03-01, 2027-06-01" in en
    da = frivillig.render_scores(example, today=dt.date(2026, 12, 20), lang="da")
    assert "Målafstemning: 100,0 af 100" in da
    assert "19 dage over fristen" in da


def test_bad_settings_and_unknown_instruments_raise_our_error() -> None:
    with pytest.raises(ValidationError):
        ScoreSettings(health_weights={"nonsense": 1.0})
    with pytest.raises(ValidationError):
        ScoreSettings(health_weights={"equality": -1.0})
    with pytest.raises(ValidationError):
        ScoreSettings(health_weights={"equality": 0.0})
    with pytest.raises(ValidationError):
        FormalisationSettings(partnership_drivers=0)
    example = frivillig.load_example()
    round_ = example.rounds[0]
    response = attrs.evolve(round_.responses[0], instrument="unknown-survey")
    changed = attrs.evolve(
        example, rounds=(attrs.evolve(round_, responses=(response, *round_.responses[1:])),)
    )
    with pytest.raises(frivillig.ArgumentTypeError):  # the caller's mistakes: usage errors
        frivillig.evaluation_health(base(), today=dt.datetime(2026, 1, 1))  # noqa: DTZ001
    with pytest.raises(frivillig.ArgumentTypeError):
        frivillig.evaluation_health(base(), today=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    with pytest.raises(frivillig.ArgumentTypeError):
        frivillig.evaluation_health(base(), today="2026-01-01")  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as error:
        frivillig.score_all(changed, today=TODAY)
    assert error.value.problems[0].path == "$.rounds[0].responses[0].instrument"
