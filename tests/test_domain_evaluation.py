"""Issue 14, items 5, 7, 8, 9 and 11: answers about evaluation a coordinator can act on.

- FR112 sees one person holding most of the volunteer-management responsibilities,
  from the role holders named inside the parties, and says so when they are unknown.
- FR109 asks for a final evaluation only when the collaboration ended from
  evaluating, and counts the window of the first evaluation in calendar months.
- Evaluation health counts only instruments that assess the collaboration.
- No score rises because a fact is missing; each reports its coverage.
- The trend part of evaluation health does not penalise a steady high level.

Each test starts from the embedded example (which breaks no rule on ``TODAY``)
and changes one thing.
"""

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import (
    DEFAULT_RULEBOOK,
    Collaboration,
    FrozenMap,
    Instrument,
    InstrumentMeasure,
    LifecycleStatus,
    ManagementTask,
    Score,
    check,
    records,
    schema,
    serialization,
)
from frivillig import strategies as fs
from frivillig.errors import ValidationError

TODAY = dt.date(2026, 10, 15)
M = ManagementTask


def base() -> Collaboration:
    return frivillig.load_example()


def run(collaboration: Collaboration, code: str, today: dt.date = TODAY, **settings: Any) -> list:
    book = DEFAULT_RULEBOOK.only(code)
    if settings:
        book = book.configure(**settings)
    return list(check(collaboration, today=today, rulebook=book))


def reasons(findings: list) -> list[tuple[str, tuple[str, ...]]]:
    return [(finding.reason, finding.paths) for finding in findings]


def part(score: Score, key: str) -> Any:
    (found,) = [p for p in score.parts if p.key == key]
    return found


def both_readers(document: dict[str, Any], cls: Any, *, complete: bool = True) -> Any:
    """Load a document through the fast reader and the detailed one; they must agree.

    The fast reader reads a complete document (every field written, as ``dumps``
    writes it); one with fields left out it may leave to the detailed reader.
    """
    text = json.dumps(document)
    fast = serialization._fast_loads(text, cls, serialization.LoadLimits())
    detailed = serialization.from_dict(json.loads(text), cls)
    if complete:
        assert fast is not serialization._FALLBACK
    if fast is not serialization._FALLBACK:
        assert fast == detailed
    assert frivillig.loads(text, cls) == detailed
    return detailed


# -- item 5: FR112 sees one person holding most responsibilities -------------------------


def one_party_holds_all(**holders: str) -> Collaboration:
    """The visiting-friends association holds all five responsibilities."""
    return attrs.evolve(
        base(),
        responsibilities=dict.fromkeys(M, "besoegsvenner"),
        responsibility_holders={M(task): holder for task, holder in holders.items()},
    )


def test_fr112_one_fiery_soul_holding_all_five_is_found() -> None:
    c = one_party_holds_all(**{task.value: "koordinator-7f3a" for task in M})
    found = run(c, "FR112")
    assert reasons(found) == [("concentrated_responsibilities", ("$.responsibility_holders",))]
    assert found[0].message_da == (
        "Én person, 'koordinator-7f3a', har ansvaret for rekruttering, introduktion, sparring, "
        "motivation og konflikthåndtering: 5 af de fem ansvarsområder i ledelsen af de "
        "frivillige (højst 2 pr. person). Falder personen fra, står de frivillige uden "
        "ledelse. Fordel ansvaret på flere personer, og skriv ned, hvordan opgaverne udføres."
    )
    assert found[0].message_en == (
        "One person, 'koordinator-7f3a', holds recruitment, introduction, supervision "
        "(sparring), motivation and conflict handling: 5 of the five volunteer-management "
        "responsibilities (at most 2 per person). If that one person leaves, nobody manages "
        "the volunteers. Share the responsibilities among more people, and write down how "
        "they are done."
    )
    # Without a holder per responsibility the old rule saw nothing here: key_persons is 2.
    assert c.participants[2].key_persons == 2


def test_fr112_responsibilities_spread_over_people_pass() -> None:
    c = one_party_holds_all(
        recruitment="p-1",
        motivation="p-1",
        introduction="p-2",
        sparring="p-2",
        conflict_handling="p-3",
    )
    assert run(c, "FR112") == []
    # Three for one person is most of the five.
    crowded = one_party_holds_all(
        recruitment="p-1",
        motivation="p-1",
        introduction="p-1",
        sparring="p-2",
        conflict_handling="p-3",
    )
    assert [f.reason for f in run(crowded, "FR112")] == ["concentrated_responsibilities"]
    assert run(crowded, "FR112", max_responsibilities_per_holder=4) == []


def test_fr112_unknown_holders_are_reported_not_assumed_spread() -> None:
    c = one_party_holds_all()
    found = run(c, "FR112")
    assert reasons(found) == [
        ("holders_unknown", ("$.responsibility_holders", "$.participants[2]"))
    ]
    assert found[0].message_da == (
        "Det vides ikke, hvem hos 'Besøgsvennerne i Valby' der har ansvaret for rekruttering, "
        "introduktion, sparring, motivation og konflikthåndtering. Har én person 3 eller flere "
        "af de fem ansvarsområder i ledelsen af de frivillige, afhænger samarbejdet af den "
        "person. Skriv for hvert ansvarsområde et pseudonymt id for den, der har det (intet "
        "navn), så tjekket kan se, om ansvaret ligger hos én person."
    )
    assert found[0].message_en == (
        "It is not recorded who at 'Besøgsvennerne i Valby' holds recruitment, introduction, "
        "supervision (sparring), motivation and conflict handling. If one person holds 3 or "
        "more of the five volunteer-management responsibilities, the collaboration depends on "
        "that person. Record a pseudonymous id (no name) for the holder of each, so that the "
        "check can see whether they rest on one person."
    )
    # Two known holders and three unknown: the unknown three could still be one person's.
    partly = one_party_holds_all(recruitment="p-1", motivation="p-2")
    assert [f.reason for f in run(partly, "FR112")] == ["holders_unknown"]
    assert "rekruttering" not in run(partly, "FR112")[0].message_da
    # Four known, each a different person: the fifth cannot make three for anyone.
    nearly = one_party_holds_all(
        recruitment="p-1", motivation="p-2", introduction="p-3", sparring="p-4"
    )
    assert run(nearly, "FR112") == []


def test_fr112_needs_no_holders_where_no_party_holds_most() -> None:
    # The example spreads the five over three parties (2, 2 and 1): no one person of one
    # party can hold three, so nothing is unknown that matters.
    assert base().responsibility_holders == FrozenMap()
    assert run(base(), "FR112") == []
    # Before the collaboration is at work, unknown holders are not yet reported.
    exploring = attrs.evolve(one_party_holds_all(), status=LifecycleStatus.EXPLORING)
    assert run(exploring, "FR112") == []


def test_responsibility_holders_in_the_json_form() -> None:
    document = frivillig.to_dict(one_party_holds_all(recruitment="p-1", sparring="p-1"))
    assert document["responsibility_holders"] == {"recruitment": "p-1", "sparring": "p-1"}
    loaded = both_readers(document, Collaboration)
    assert loaded.responsibility_holders[M.SPARRING] == "p-1"
    # A version 1 document has no holders: it reads unchanged, every holder unknown.
    old = frivillig.to_dict(base())
    del old["responsibility_holders"], old["ended_from"]
    old["schema_version"] = 1
    assert frivillig.loads(json.dumps(old), Collaboration) == base()
    properties = schema.json_schema("collaboration")["properties"]
    assert "responsibility_holders" in properties
    assert "ended_from" in properties


def test_a_holder_is_a_pseudonym_for_a_responsibility_some_party_holds() -> None:
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(base(), responsibility_holders={M.RECRUITMENT: "010190-1234"})
    assert caught.value.problems[0].code == "personal_data"
    no_party = attrs.evolve(
        base(), responsibilities={M.RECRUITMENT: "besoegsvenner"}, responsibility_holders={}
    )
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(no_party, responsibility_holders={M.SPARRING: "p-1"})
    assert (caught.value.problems[0].path, caught.value.problems[0].code) == (
        "$.responsibility_holders.sparring",
        "conflict",
    )


def test_holders_are_people_in_exports_and_records() -> None:
    c = one_party_holds_all(recruitment="v01", motivation="v01", sparring="p-2")
    export = frivillig.pseudonymise(c, key=bytes(range(32)))
    # A holder who is also a volunteer keeps one pseudonym for both.
    assert export.responsibility_holders[M.RECRUITMENT] == export.volunteers[0].id
    assert "v01" not in export.responsibility_holders.values()
    assert frivillig.redact(c).responsibility_holders == FrozenMap()
    (row,) = records.collaboration_records(c)
    assert row["most_responsibilities_per_holder"] == 2
    (row,) = records.collaboration_records(base())
    assert row["most_responsibilities_per_holder"] is None
    ended = attrs.evolve(
        base(), status=LifecycleStatus.ENDED, ended_from=LifecycleStatus.EVALUATING
    )
    (row,) = records.collaboration_records(ended, lang="da")
    assert (row["ended_from"], row["ended_from_label"]) == ("evaluating", "under evaluering")


# -- item 7: FR109 ---------------------------------------------------------------------


def test_fr109_a_collaboration_ended_from_exploring_needs_no_final_round() -> None:
    exploring = attrs.evolve(base(), status=LifecycleStatus.EXPLORING, rounds=())
    ended = frivillig.transition(exploring, LifecycleStatus.ENDED, on=dt.date(2026, 10, 1))
    assert ended.ended_from is LifecycleStatus.EXPLORING
    assert run(ended, "FR109") == []
    agreeing = attrs.evolve(ended, ended_from=LifecycleStatus.AGREEING_GOALS)
    assert run(agreeing, "FR109") == []


def test_fr109_ended_from_evaluating_without_a_final_round() -> None:
    ended = attrs.evolve(
        base(),
        status=LifecycleStatus.ENDED,
        end_on=dt.date(2026, 10, 1),
        ended_from=LifecycleStatus.EVALUATING,
    )
    found = run(ended, "FR109")
    assert reasons(found) == [("no_final_evaluation", ("$.rounds",))]
    assert found[0].message_da == (
        "Samarbejdet er afsluttet uden en afsluttende evaluering. Hold en sidste "
        "evalueringsrunde med alle parter, og skriv ned, hvad I lærte og besluttede."
    )
    assert found[0].message_en == (
        "The collaboration has ended without a final evaluation. Hold a last round with every "
        "party, and record what was learned and decided."
    )


def test_fr109_an_unknown_end_is_reported_as_unknown() -> None:
    ended = attrs.evolve(base(), status=LifecycleStatus.ENDED, end_on=dt.date(2026, 10, 1))
    assert ended.ended_from is None
    found = run(ended, "FR109")
    assert reasons(found) == [("final_evaluation_unknown", ("$.ended_from", "$.rounds"))]
    assert found[0].message_da == (
        "Samarbejdet er afsluttet uden en afsluttende evaluering, og det fremgår ikke, hvilken "
        "status det blev afsluttet fra. Blev det afsluttet efter en evaluering, mangler den "
        "afsluttende evaluering: hold en sidste runde med alle parter. Blev det afsluttet, før "
        "det kom i gang (undersøgende eller afklaring af mål), er der ingen afsluttende runde "
        "at holde. Skriv i begge tilfælde ind, hvilken status samarbejdet blev afsluttet fra."
    )
    assert found[0].message_en == (
        "The collaboration has ended without a final evaluation, and it is not recorded which "
        "status it ended from. If it ended after an evaluation, the final evaluation is "
        "missing: hold a last round with every party. If it ended before it got under way "
        "(exploring or agreeing goals), there is no final round to hold. Either way, record "
        "the status it ended from."
    )
    rounds = list(ended.rounds)
    rounds[-1] = attrs.evolve(rounds[-1], final=True)
    assert run(attrs.evolve(ended, rounds=tuple(rounds)), "FR109") == []
    # A latest round whose decision was to end says where it ended from: evaluating.
    rounds[-1] = attrs.evolve(rounds[-1], final=False, decision=frivillig.Decision.END)
    decided = attrs.evolve(ended, rounds=tuple(rounds))
    assert reasons(run(decided, "FR109")) == [("no_final_evaluation", ("$.rounds",))]


def test_ended_from_belongs_to_an_ended_collaboration() -> None:
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(base(), ended_from=LifecycleStatus.EVALUATING)
    assert (caught.value.problems[0].path, caught.value.problems[0].code) == (
        "$.ended_from",
        "conflict",
    )
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(base(), status=LifecycleStatus.ENDED, ended_from=LifecycleStatus.ACTIVE)
    assert caught.value.problems[0].code == "choice"
    ended = attrs.evolve(base(), status=LifecycleStatus.ENDED, ended_from=LifecycleStatus.EXPLORING)
    assert both_readers(frivillig.to_dict(ended), Collaboration) == ended


def with_first_date(c: Collaboration, first: dt.date, **changes: Any) -> Collaboration:
    assert c.evaluation_plan is not None
    plan = attrs.evolve(c.evaluation_plan, first_date=first)
    return attrs.evolve(c, evaluation_plan=plan, **changes)


def test_fr109_a_six_month_window_is_six_calendar_months() -> None:
    # The example starts on 2026-03-01; six months later is 2026-09-01, 184 days on.
    assert base().start_on == dt.date(2026, 3, 1)
    six_months = with_first_date(base(), dt.date(2026, 9, 1))
    assert run(six_months, "FR109") == []
    late = with_first_date(base(), dt.date(2026, 9, 2))
    found = run(late, "FR109")
    assert reasons(found) == [("first_too_late", ("$.evaluation_plan.first_date",))]
    assert found[0].message_da == (
        "Den første evaluering er planlagt til 2026-09-02, 185 dage efter starten den "
        "2026-03-01; kommunen forventer den senest 2026-09-01, 6 måneder efter starten. Ryk "
        "den første evaluering frem: et nyt samarbejde har brug for et tidligt tjek af, om "
        "formen passer til parterne."
    )
    assert found[0].message_en == (
        "The first evaluation is planned for 2026-09-02, 185 days after the start on "
        "2026-03-01; the municipality expects it by 2026-09-01, 6 months after the start. "
        "Move it earlier: a new collaboration needs an early check of whether the form suits "
        "the parties."
    )
    assert run(late, "FR109", first_evaluation_within_months=7) == []
    # A rulebook that counts days still can; then the days count instead of the months.
    assert [f.reason for f in run(six_months, "FR109", first_evaluation_within_days=183)] == [
        "first_too_late"
    ]
    assert (
        "183 days after the start"
        in run(six_months, "FR109", first_evaluation_within_days=183)[0].message_en
    )


def test_fr109_months_end_on_the_last_day_of_a_shorter_month() -> None:
    # From 31 August, six months on is the last day of February.
    start = dt.date(2026, 8, 31)
    c = with_first_date(base(), dt.date(2027, 2, 28), start_on=start, rounds=(), time_logs=())
    assert run(c, "FR109", today=dt.date(2027, 1, 1)) == []
    later = with_first_date(c, dt.date(2027, 3, 1))
    assert [f.reason for f in run(later, "FR109", today=dt.date(2027, 1, 1))] == ["first_too_late"]


def test_fr109_windows_near_the_end_of_the_calendar() -> None:
    start = dt.date(9999, 12, 1)
    c = with_first_date(base(), dt.date(9999, 12, 31), start_on=start, rounds=(), time_logs=())
    assert run(c, "FR109", today=dt.date(9999, 12, 31)) == []
    assert run(c, "FR109", today=dt.date(9999, 12, 31), first_evaluation_within_days=3660) == []


# -- item 8: only instruments that assess the collaboration count ---------------------------


def latest_answers(c: Collaboration, instrument: str, answer: float) -> Collaboration:
    """Every party answers the instrument in the latest round, every item with ``answer``."""
    items = [item.id for item in frivillig.get_instrument(instrument).items]
    rounds = list(c.rounds)
    rounds[-1] = attrs.evolve(
        rounds[-1],
        responses=tuple(
            attrs.evolve(r, instrument=instrument, answers=dict.fromkeys(items, answer))
            for r in rounds[-1].responses
        ),
    )
    return attrs.evolve(c, rounds=tuple(rounds))


def test_built_in_instruments_say_what_they_measure() -> None:
    measures = {i: frivillig.get_instrument(i).measures for i in frivillig.instrument_ids()}
    assert measures == {
        "barometer": InstrumentMeasure.COLLABORATION,
        "pat-2003": InstrumentMeasure.COLLABORATION,
        "vfi-1998": InstrumentMeasure.VOLUNTEER_MOTIVES,
        "wilder-2001": InstrumentMeasure.COLLABORATION,
    }
    assert not InstrumentMeasure.VOLUNTEER_MOTIVES.assesses_collaboration
    assert InstrumentMeasure.SATISFACTION.assesses_collaboration


def test_volunteer_motives_are_not_the_collaborations_quality() -> None:
    high = frivillig.evaluation_health(latest_answers(base(), "vfi-1998", 7), today=TODAY)
    low = frivillig.evaluation_health(latest_answers(base(), "vfi-1998", 1), today=TODAY)
    assert high.value == low.value
    instruments = part(high, "instruments")
    assert (instruments.value, instruments.coverage) == (None, 0.0)
    assert instruments.explanation_da == (
        "ingen part besvarede et spørgeskema om samarbejdet i runden 2026-q3; svar på "
        "vfi-1998 (den frivilliges motiver) måler ikke samarbejdet og tæller ikke med"
    )
    assert instruments.explanation_en == (
        "no party answered an instrument that assesses the collaboration in round 2026-q3; "
        "answers to vfi-1998 (a volunteer's motives) do not assess the collaboration and do "
        "not count"
    )
    # The barometer, which does assess the collaboration, still counts.
    barometer = frivillig.evaluation_health(latest_answers(base(), "barometer", 5), today=TODAY)
    assert part(barometer, "instruments").value is not None
    assert barometer.value is not None
    assert high.value is not None
    assert barometer.value > high.value


def own_instrument(**changes: Any) -> Instrument:
    barometer = frivillig.get_instrument("barometer")
    fields = {f.name: getattr(barometer, f.name) for f in attrs.fields(Instrument)}
    del fields["measures"]
    return Instrument(**{**fields, "id": "eget", **changes})


def test_own_instruments_assess_the_collaboration_unless_they_say_otherwise() -> None:
    assert own_instrument().measures is InstrumentMeasure.COLLABORATION
    document = frivillig.to_dict(own_instrument())
    del document["measures"]
    # A version 1 instrument has no 'measures': it reads as one that assesses the collaboration.
    old = {**document, "schema_version": 1}
    assert frivillig.loads(json.dumps(old), Instrument).measures is InstrumentMeasure.COLLABORATION
    loaded = both_readers(document, Instrument, complete=False)
    assert loaded.measures is InstrumentMeasure.COLLABORATION
    document["measures"] = "volunteer_experience"
    loaded = both_readers(document, Instrument)
    assert loaded.measures is InstrumentMeasure.VOLUNTEER_EXPERIENCE
    assert "measures" in schema.json_schema("instrument")["properties"]
    # Answered in a round, an instrument of the volunteers' own experience does not count.
    settings = frivillig.ScoreSettings(instruments={"eget": loaded})
    c = latest_answers(base(), "barometer", 5)
    rounds = list(c.rounds)
    rounds[-1] = attrs.evolve(
        rounds[-1],
        responses=tuple(attrs.evolve(r, instrument="eget") for r in rounds[-1].responses),
    )
    scored = frivillig.evaluation_health(
        attrs.evolve(c, rounds=tuple(rounds)), today=TODAY, settings=settings
    )
    assert part(scored, "instruments").value is None


# -- item 9: missing facts never raise a score ----------------------------------------------


def without_budget_shares(c: Collaboration) -> Collaboration:
    return attrs.evolve(
        c,
        participants=tuple(
            attrs.evolve(p, budget_share_from_municipality=None) for p in c.participants
        ),
    )


def test_removing_budget_shares_does_not_raise_equality_or_health() -> None:
    before = frivillig.score_all(base(), today=TODAY)
    after = frivillig.score_all(without_budget_shares(base()), today=TODAY)
    assert before["equality"].value == pytest.approx(60.5)
    assert before["equality"].coverage == 1.0
    # 0.4 * 0 (unknown) + 0.4 * 100 + 0.2 * 62.5 = 52.5; known: 0.6 of the weight.
    assert after["equality"].value == pytest.approx(52.5)
    assert after["equality"].coverage == pytest.approx(0.6)
    for key in before:
        assert after[key].value <= before[key].value, key
    independence = part(after["equality"], "independence")
    assert (independence.value, independence.coverage) == (None, 0.0)
    assert independence.explanation_da == (
        "det vides ikke, hvor stor en del af budgettet besoegsvenner, frivilligcenter får fra "
        "kommunen; indtil det kendes, tæller delen som 0"
    )
    assert independence.explanation_en == (
        "it is not known how much of its budget besoegsvenner, frivilligcenter gets from the "
        "municipality; until it is, the part counts as 0"
    )
    text_en, text_da = after["equality"].to_text("en"), after["equality"].to_text("da")
    assert text_en.splitlines()[0] == "Equality (power balance): 52.5 of 100 (coverage 60%)"
    assert text_da.splitlines()[0] == "Ligeværd (magtbalance): 52,5 af 100 (dækning 60 %)"
    assert "  - economic independence (weight 0.40): unknown - it is not known" in text_en
    assert "  - økonomisk uafhængighed (vægt 0,40): ukendt - det vides ikke" in text_da
    assert text_en.splitlines()[-1] == (
        "  What is unknown counts as the lowest it could be until it is known: filling in a "
        "missing fact can only keep the score or raise it."
    )
    assert text_da.splitlines()[-1] == (
        "  Det ukendte tæller som det laveste, det kan være, indtil det bliver kendt: at "
        "udfylde en manglende oplysning kan kun holde scoren eller hæve den."
    )


def test_removing_the_most_dependent_partys_share_does_not_raise_equality() -> None:
    c = base()
    participants = list(c.participants)
    participants[3] = attrs.evolve(participants[3], budget_share_from_municipality=None)
    after = frivillig.equality(attrs.evolve(c, participants=tuple(participants)))
    assert after.value == pytest.approx(52.5)
    assert after.coverage == pytest.approx(0.4 * 0.5 + 0.6)
    assert part(after, "independence").explanation_en.endswith(
        "(the most dependent known party, besoegsvenner, gets 35%)"
    )


def test_coverage_in_records() -> None:
    shares_unknown = without_budget_shares(base())
    extra = records.score_columns(today=TODAY)
    (row,) = records.collaboration_records(shares_unknown, extra=extra)
    assert row["score_equality"] == pytest.approx(52.5)
    assert row["coverage_equality"] == pytest.approx(0.6)
    assert row["coverage_goal_alignment"] == 1.0


def test_removing_readiness_ratings_does_not_raise_any_score() -> None:
    c = base()
    before = frivillig.score_all(c, today=TODAY)
    one = list(c.participants)
    one[0] = attrs.evolve(one[0], readiness=None)
    partly = frivillig.score_all(attrs.evolve(c, participants=tuple(one)), today=TODAY)
    none = frivillig.score_all(
        attrs.evolve(c, participants=tuple(attrs.evolve(p, readiness=None) for p in one)),
        today=TODAY,
    )
    for key in before:
        assert _value(none[key]) <= _value(partly[key]) <= _value(before[key]), key
    readiness = none["co_creation_readiness"]
    assert (readiness.value, readiness.coverage) == (None, 0.0)
    assert partly["co_creation_readiness"].coverage == pytest.approx(0.75)
    assert part(partly["equality"], "equality").explanation_en == (
        "mean 3.67 on 1-5 from 3 parties; lowest: besoegsvenner (3); 1 of the 4 parties did "
        "not rate themselves, and a missing rating counts as 1 until it is given"
    )
    assert part(partly["equality"], "equality").explanation_da == (
        "gennemsnit 3,67 på 1-5 fra 3 parter; lavest: besoegsvenner (3); 1 af de 4 parter har "
        "ikke vurderet sig selv, og en manglende vurdering tæller som 1, indtil den gives"
    )
    assert none["collaboration_health"].coverage < partly["collaboration_health"].coverage


def _removals(obj: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The paths of every optional fact that is known: a field whose unknown is ``None``,
    an entry of a mapping of facts, an instrument answer."""
    if not attrs.has(type(obj)):
        return
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if field.default is None and value is not None:
            yield (*path, field.name)
        if isinstance(value, FrozenMap) and field.name != "responsibilities":
            # Leaving a responsibility out says that nobody holds it, not that it is unknown.
            for key in value:
                yield (*path, field.name, key)
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                yield from _removals(item, (*path, field.name, index))
        elif attrs.has(type(value)):
            yield from _removals(value, (*path, field.name))


def _without(obj: Any, path: tuple[Any, ...]) -> Any:
    head, *rest = path
    if isinstance(obj, tuple):
        items = list(obj)
        items[head] = _without(items[head], tuple(rest))
        return tuple(items)
    if isinstance(obj, FrozenMap):
        if obj[head] is None:
            return obj
        data = dict(obj)
        if type(head) is str:  # an instrument's answers: an item left unanswered
            data[head] = None
        else:
            del data[head]
        return FrozenMap(data)
    if not rest:
        return attrs.evolve(obj, **{head: None})
    return attrs.evolve(obj, **{head: _without(getattr(obj, head), tuple(rest))})


# Where ``None`` states a fact, removing the value is not leaving a fact out. No end date
# says that the collaboration is open-ended, which calls for more formality: it is left
# out. No plan, forum or written agreement says that there is none: a known fact that
# counts at the bottom, so the score must not rise, but its coverage may (it is known).
_OPEN_ENDED = ("end_on",)
_FACTS_OF_ABSENCE = frozenset({("evaluation_plan",), ("forum",), ("agreement",)})


def _value(score: Score) -> float:
    return 0.0 if score.value is None else score.value


def _coverage(score: Score) -> float:
    return 0.0 if score.coverage is None else score.coverage


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fs.collaborations(), st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)))
def test_no_score_rises_when_a_fact_is_removed(c: Collaboration, today: dt.date) -> None:
    try:
        before = frivillig.score_all(c, today=today)
    except ValidationError:  # answers to an instrument the collaboration does not know
        return
    for path in _removals(c):
        if path == _OPEN_ENDED:
            continue
        try:
            smaller = _without(c, path)
        except ValidationError:  # a fact another field needs (e.g. a party's holder)
            continue
        after = frivillig.score_all(smaller, today=today)
        for key, score in before.items():
            assert _value(after[key]) <= _value(score) + 1e-9, (key, path)
            if path not in _FACTS_OF_ABSENCE:
                assert _coverage(after[key]) <= _coverage(score) + 1e-9, (key, path)


# -- item 11: a steady high level is good -------------------------------------------------


def satisfaction(c: Collaboration, first: int, second: int) -> Collaboration:
    rounds = list(c.rounds)
    for index, mark in ((0, first), (1, second)):
        rounds[index] = attrs.evolve(
            rounds[index],
            responses=tuple(attrs.evolve(r, satisfaction=mark) for r in rounds[index].responses),
        )
    return attrs.evolve(c, rounds=tuple(rounds))


def test_a_steady_high_level_scores_at_least_as_well_as_rising_to_it() -> None:
    steady = frivillig.evaluation_health(satisfaction(base(), 5, 5), today=TODAY)
    rising = frivillig.evaluation_health(satisfaction(base(), 2, 5), today=TODAY)
    assert steady.value is not None
    assert rising.value is not None
    assert steady.value >= rising.value
    # 0.25 * 100 + 0.15 * 100 + 0.15 * 100 + 0.25 * 100 + 0.2 * 77.5
    assert steady.value == pytest.approx(95.5)
    trend = part(steady, "trend")
    assert trend.value == 100.0
    assert trend.explanation_da == (
        "gennemsnittet holdt sig på 5,00: et stabilt niveau tæller som niveauet"
    )
    assert trend.explanation_en == "the mean held at 5.00: a steady level counts as the level held"
    assert part(rising, "trend").explanation_en == (
        "the mean rose from 2.00 to 5.00: the level reached counts"
    )
    # Rising is still better than staying where one started, and a fall always costs.
    low = frivillig.evaluation_health(satisfaction(base(), 2, 2), today=TODAY)
    fell = frivillig.evaluation_health(satisfaction(base(), 5, 4), today=TODAY)
    held = frivillig.evaluation_health(satisfaction(base(), 4, 4), today=TODAY)
    assert low.value is not None
    assert fell.value is not None
    assert held.value is not None
    assert low.value < rising.value
    assert fell.value < held.value
    assert part(fell, "trend").explanation_da == (
        "gennemsnittet faldt fra 5,00 til 4,00: niveauet minus faldet"
    )


def test_the_trend_of_a_series_holds_a_steady_level_as_well() -> None:
    steady = frivillig.collaboration_trends(satisfaction(base(), 5, 5)).satisfaction
    rising = frivillig.collaboration_trends(satisfaction(base(), 2, 5)).satisfaction
    assert steady.held == rising.held == 100.0
    assert frivillig.collaboration_trends(satisfaction(base(), 5, 4)).satisfaction.held == 50.0
    assert frivillig.level_held(75.0, 75.0) == 75.0
    assert frivillig.level_held(100.0, 75.0) == 50.0
