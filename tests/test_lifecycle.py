"""Lifecycle transitions return new collaborations or say which precondition failed."""

import datetime as dt

import attrs
import pytest

import frivillig
from frivillig import LifecycleStatus as S
from frivillig.errors import TransitionError


@pytest.fixture
def exploring() -> frivillig.Collaboration:
    example = frivillig.load_example()
    return attrs.evolve(example, status=S.EXPLORING, rounds=())


def test_the_happy_path_ends_with_a_final_evaluation(exploring: frivillig.Collaboration) -> None:
    c = frivillig.transition(exploring, S.AGREEING_GOALS)
    c = frivillig.transition(c, S.ACTIVE)
    c = frivillig.transition(c, S.EVALUATING)
    final_round = frivillig.EvaluationRound(
        id="final", held_on=dt.date(2027, 3, 1), final=True, decision=frivillig.Decision.END
    )
    c = attrs.evolve(c, rounds=(final_round,))
    ended = frivillig.transition(c, S.ENDED, on=dt.date(2027, 3, 31))
    assert ended.status is S.ENDED
    assert ended.end_on == dt.date(2027, 3, 31)
    assert c.status is S.EVALUATING, "the collaboration passed in is never changed"


def test_active_needs_every_goal_agreed_by_every_party(exploring: frivillig.Collaboration) -> None:
    goal = exploring.goals[1]
    unagreed = attrs.evolve(goal, agreements=goal.agreements[:2])
    c = attrs.evolve(exploring, status=S.AGREEING_GOALS, goals=(exploring.goals[0], unagreed))
    with pytest.raises(TransitionError) as caught:
        frivillig.transition(c, S.ACTIVE)
    (problem,) = caught.value.problems
    assert problem.path == "$.goals[1].agreements"
    assert problem.code == "unagreed_goal"
    assert "besoegsvenner" in problem.message
    assert "frivilligcenter" in problem.message


def test_active_needs_a_goal(exploring: frivillig.Collaboration) -> None:
    c = attrs.evolve(exploring, status=S.AGREEING_GOALS, goals=())
    with pytest.raises(TransitionError, match="agree at least one goal"):
        frivillig.transition(c, S.ACTIVE)


def test_transition_not_in_the_table_is_refused(exploring: frivillig.Collaboration) -> None:
    with pytest.raises(TransitionError) as caught:
        frivillig.transition(exploring, S.EVALUATING)
    assert caught.value.problems[0].code == "transition"
    assert "agreeing_goals" in caught.value.problems[0].message


def test_evaluating_needs_a_plan(exploring: frivillig.Collaboration) -> None:
    c = attrs.evolve(exploring, status=S.ACTIVE, evaluation_plan=None)
    with pytest.raises(TransitionError) as caught:
        frivillig.transition(c, S.EVALUATING)
    assert [p.code for p in caught.value.problems] == ["no_plan"]


def test_deciding_needs_a_round_with_a_decision(exploring: frivillig.Collaboration) -> None:
    c = attrs.evolve(exploring, status=S.EVALUATING)
    with pytest.raises(TransitionError, match="hold the round"):
        frivillig.transition(c, S.CONTINUED)
    undecided = frivillig.EvaluationRound(id="r1", held_on=dt.date(2026, 6, 3))
    with pytest.raises(TransitionError) as caught:
        frivillig.transition(attrs.evolve(c, rounds=(undecided,)), S.CONTINUED)
    assert caught.value.problems[0].path == "$.rounds[0].decision"


def test_no_ended_without_final_evaluation(exploring: frivillig.Collaboration) -> None:
    decided = frivillig.EvaluationRound(
        id="r1", held_on=dt.date(2026, 6, 3), decision=frivillig.Decision.END
    )
    c = attrs.evolve(exploring, status=S.EVALUATING, rounds=(decided,))
    with pytest.raises(TransitionError) as caught:
        frivillig.transition(c, S.ENDED, on=dt.date(2026, 7, 1))
    assert [p.code for p in caught.value.problems] == ["no_final_evaluation"]


def test_ending_needs_a_date_not_before_the_start(exploring: frivillig.Collaboration) -> None:
    with pytest.raises(TransitionError, match=r"on=\.\.\."):
        frivillig.transition(exploring, S.ENDED)
    with pytest.raises(TransitionError, match="before the start"):
        frivillig.transition(exploring, S.ENDED, on=dt.date(2020, 1, 1))
    abandoned = frivillig.transition(exploring, S.ENDED, on=dt.date(2026, 4, 1))
    assert abandoned.status is S.ENDED


def test_an_ended_collaboration_stays_ended(exploring: frivillig.Collaboration) -> None:
    ended = frivillig.transition(exploring, S.ENDED, on=dt.date(2026, 4, 1))
    for status in S:
        assert frivillig.transition_problems(ended, status)


def test_dangling_ids_block_every_transition(exploring: frivillig.Collaboration) -> None:
    broken = attrs.evolve(exploring, initiator="ghost")
    with pytest.raises(TransitionError) as caught:
        frivillig.transition(broken, S.AGREEING_GOALS)
    assert caught.value.problems[0].path == "$.initiator"


def test_transition_error_lists_every_failure_in_its_text(
    exploring: frivillig.Collaboration,
) -> None:
    c = attrs.evolve(exploring, status=S.ACTIVE, evaluation_plan=None, goals=())
    with pytest.raises(TransitionError) as caught:
        frivillig.transition(c, S.EVALUATING)
    text = str(caught.value)
    assert "$.goals" in text
    assert "$.evaluation_plan" in text
    assert isinstance(caught.value, ValueError)
