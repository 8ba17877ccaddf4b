"""Strategies for evaluation: plans and their recurrence, responses, ratings, rounds, tolerances."""

import datetime as dt
import functools
from collections.abc import Sequence
from typing import NamedTuple

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy

from .._model.evaluation import Decision, DyadicRating, EvaluationPlan, EvaluationRound, Response
from .._model.formalisation import CollaborationLevel
from .._model.goals import Goal
from .._scores.instruments import Instrument, get_instrument, instrument_ids
from ..schedules import EvaluationTolerance
from ._dice import _Dice
from ._frame import _read_some_parties
from ._goals import _nonempty, _read_party, _read_party_ids
from ._primitives import (
    _EARLIEST,
    _LATEST_START,
    _MAX_ANSWERS,
    _MAX_RATINGS,
    _PARTY_SLUGS,
    _ROUND_SLUGS,
    _TIMEZONES,
    _check_ids,
    _draw_maybe_text,
    _ints,
    _read_id,
    _read_new_ids,
)

# -- evaluation ------------------------------------------------------------------------------

# How often a plan recurs, with the intervals drawn: (FREQ, lowest, highest INTERVAL).
_FREQUENCIES = (("MONTHLY", 1, 12), ("YEARLY", 1, 3), ("WEEKLY", 2, 52))
# A COUNT is dropped when its last date would fall later than this after the first date
# (a monthly rule from the 31st skips short months; a rule from 29 February skips years).
_COUNTED_YEARS = 50


class _Recurrence(NamedTuple):
    """A drawn recurrence rule: ``FREQ``, ``INTERVAL`` and ``COUNT``, without BY-parts."""

    frequency: str
    interval: int
    times: int | None  # COUNT


def _recurrence_dates(
    rule: _Recurrence, first: dt.date, limit: int, *, last_year: int = dt.MAXYEAR
) -> list[dt.date]:
    """The first ``limit`` dates of ``rule`` from ``first``, up to the end of ``last_year``.

    This is what RFC 5545 (and dateutil) reads from a rule without BY-parts: each
    period holds the first date's weekday, day of the month or day of the year, and a
    period without that day (the 31st of a short month, 29 February outside a leap
    year) has no date. Working it out here is much faster than having dateutil expand
    the rule for every collaboration drawn.
    """
    if rule.times is not None:
        limit = min(limit, rule.times)
    step = rule.interval * {"MONTHLY": 1, "YEARLY": 12}.get(rule.frequency, 0)
    found: list[dt.date] = []
    period = 0
    while len(found) < limit:
        if step == 0:  # weekly
            try:
                day = first + dt.timedelta(weeks=rule.interval * period)
            except OverflowError:
                break
        else:
            months = first.month - 1 + step * period
            year = first.year + months // 12
            if year > min(last_year, dt.MAXYEAR):
                break
            try:
                day = dt.date(year, months % 12 + 1, first.day)
            except ValueError:  # no such day in that month
                period += 1
                continue
        if day.year > last_year:
            break
        found.append(day)
        period += 1
    return found


def _read_recurrence(dice: _Dice, first: dt.date) -> tuple[_Recurrence, str]:
    """A recurrence rule and its RRULE text.

    The text has no DTSTART or BY-parts, so the first date is the first occurrence.
    """
    frequency, low, high = dice.choice(_FREQUENCIES)
    interval = dice.integer(low, high)
    spelled = dice.flag()  # INTERVAL=1 written out
    counted = dice.flag()
    count = dice.integer(1, 12)
    prefixed = dice.flag()
    rule = _Recurrence(frequency, interval, count if counted else None)
    if counted:
        reached = _recurrence_dates(rule, first, count, last_year=first.year + _COUNTED_YEARS)
        if len(reached) < count:
            rule = rule._replace(times=None)
    parts = [f"FREQ={frequency}"]
    if interval != 1 or spelled:
        parts.append(f"INTERVAL={interval}")
    if rule.times is not None:
        parts.append(f"COUNT={rule.times}")
    return rule, ("RRULE:" if prefixed else "") + ";".join(parts)


@functools.cache
def _instrument_ids() -> tuple[str, ...]:
    return instrument_ids()


def _draw_plan(
    draw: DrawFn, dice: _Dice, party_ids: tuple[str, ...] | None, first_date: dt.date
) -> tuple[EvaluationPlan, _Recurrence]:
    if party_ids:
        everyone = dice.flag()
        respondents = dice.permutation(party_ids) if everyone else dice.sample(party_ids)
    else:
        respondents = list(_read_some_parties(dice, party_ids))
    rule, text = _read_recurrence(dice, first_date)
    plan = EvaluationPlan(
        rrule=text,
        first_date=first_date,
        instruments=tuple(dice.sample(_instrument_ids(), 0, 2)),
        respondents=tuple(respondents),
        timezone=dice.choice(_TIMEZONES),
    )
    return plan, rule


@st.composite
def _evaluation_plans(draw: DrawFn, party_ids: tuple[str, ...] | None) -> EvaluationPlan:
    dice = _Dice(draw, 16)
    return _draw_plan(draw, dice, party_ids, dice.date(_EARLIEST, _LATEST_START))[0]


def evaluation_plans(*, party_ids: Sequence[str] | None = None) -> SearchStrategy[EvaluationPlan]:
    """A strategy for plans of when and how a collaboration is evaluated.

    Each has an RFC 5545 recurrence (monthly, yearly or weekly, with or
    without a count), a first date, the instruments answered and the parties
    that must answer.

    Args:
        party_ids: The ids the respondents are drawn from; any ids by default.

    Raises:
        InvalidArgument: ``party_ids`` holds an invalid or repeated id.
    """
    return _evaluation_plans(_check_ids("party_ids", party_ids))


@functools.cache
def _fractions() -> SearchStrategy[float]:
    return st.floats(min_value=0.0, max_value=1.0)


def _draw_between(draw: DrawFn, low: float, high: float) -> float:
    """A float from ``low`` to ``high``; Hypothesis's own floats pick the place between."""
    value = low + (high - low) * draw(_fractions())
    return min(max(value, low), high)


def _draw_progress(draw: DrawFn, goal: Goal) -> float:
    """A reported value of a goal's indicator, between its baseline and its target."""
    indicator = goal.indicator
    if indicator is None:
        return _draw_between(draw, -1e6, 1e6)
    start = indicator.baseline if indicator.baseline is not None else 0.0
    # + 0.0 turns -0.0 into 0.0, so that a value at the bound has the usual sign
    low, high = sorted((start + 0.0, indicator.target + 0.0))
    return _draw_between(draw, low, high)


def _draw_answers(draw: DrawFn, dice: _Dice, instrument: Instrument) -> dict[str, float | None]:
    """Answers to some of an instrument's items, on its scale; ``None`` for one left out."""
    scale = instrument.scale
    answers: dict[str, float | None] = {}
    for item in dice.sample(instrument.items, 0, _MAX_ANSWERS):
        left_out = dice.byte() >= 192  # one answer in four
        value = dice.integer(scale.minimum, scale.maximum)
        if left_out:
            answers[item.id] = None
        elif scale.whole_numbers:
            answers[item.id] = float(value)
        else:
            answers[item.id] = _draw_between(draw, float(scale.minimum), float(scale.maximum))
    return answers


def _draw_response(
    draw: DrawFn,
    dice: _Dice,
    party: str,
    goals: tuple[Goal, ...],
    instruments: tuple[str, ...] | None,
) -> Response:
    reported = dice.sample(goals)
    choices = _instrument_ids() if instruments is None else instruments
    answered = dice.flag()
    instrument = dice.choice(choices) if choices and answered else None
    satisfaction = dice.maybe_integer(1, 5)
    return Response(
        party=party,
        satisfaction=satisfaction,
        goal_progress={goal.id: _draw_progress(draw, goal) for goal in reported},
        instrument=instrument,
        answers=_draw_answers(draw, dice, get_instrument(instrument)) if instrument else {},
        comment=_draw_maybe_text(draw, dice, 300),
    )


@functools.cache
def _stand_ins(goal_ids: tuple[str, ...]) -> tuple[Goal, ...]:
    """Goals to report progress for, when only their ids are given."""
    return tuple(Goal(id=goal_id, text="mål") for goal_id in goal_ids)


@st.composite
def _responses(
    draw: DrawFn, party_ids: tuple[str, ...] | None, goal_ids: tuple[str, ...]
) -> Response:
    dice = _Dice(draw)
    party = _read_party(dice, party_ids)
    return _draw_response(draw, dice, party, _stand_ins(goal_ids), None)


def responses(
    *, party_ids: Sequence[str] | None = None, goal_ids: Sequence[str] | None = None
) -> SearchStrategy[Response]:
    """A strategy for one party's response in an evaluation round.

    Each has a satisfaction of 1-5, progress reported per goal, and answers to
    the items of one of the built-in instruments, on its scale.

    Args:
        party_ids: The ids the responding party is drawn from; any id by default.
        goal_ids: The goals progress may be reported for; none by default.

    Raises:
        InvalidArgument: an id is invalid or repeated, or ``party_ids`` is empty.
    """
    parties = _nonempty("party_ids", _check_ids("party_ids", party_ids), "that responds")
    return _responses(parties, _check_ids("goal_ids", goal_ids) or ())


def _pairs(party_ids: Sequence[str]) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a in party_ids for b in party_ids if a != b)


_LEVELS = tuple(CollaborationLevel)


@st.composite
def _dyadic_ratings(draw: DrawFn, party_ids: tuple[str, ...] | None) -> DyadicRating:
    dice = _Dice(draw, 4)
    rater, ratee = (
        _read_new_ids(dice, _PARTY_SLUGS, 2)
        if party_ids is None
        else dice.choice(_pairs(party_ids))
    )
    return DyadicRating(rater=rater, ratee=ratee, level=dice.choice(_LEVELS))


def dyadic_ratings(*, party_ids: Sequence[str] | None = None) -> SearchStrategy[DyadicRating]:
    """A strategy for how one party rates its relation to another.

    The rating is on the Levels of Collaboration scale (0 none ... 5
    collaboration); a party never rates itself.

    Args:
        party_ids: The ids rater and rated party are drawn from; any ids by default.

    Raises:
        InvalidArgument: ``party_ids`` names fewer than two parties, or holds an
            invalid or repeated id.
    """
    ids = _check_ids("party_ids", party_ids)
    if ids is not None and len(ids) < 2:
        msg = f"party_ids={ids!r} must name at least two parties to rate each other"
        raise InvalidArgument(msg)
    return _dyadic_ratings(ids)


def _draw_round(
    draw: DrawFn,
    dice: _Dice,
    round_id: str,
    held_on: dt.date,
    *,
    party_ids: tuple[str, ...],
    respondents: tuple[str, ...],
    goals: tuple[Goal, ...],
    instruments: tuple[str, ...] | None,
    decision: Decision | None,
    final: bool,
) -> EvaluationRound:
    answering = dice.sample(respondents or party_ids)
    rated = dice.sample(_pairs(party_ids), 0, _MAX_RATINGS)
    levels = [dice.choice(_LEVELS) for _ in rated]
    summary = _draw_maybe_text(draw, dice, 500)
    return EvaluationRound(
        id=round_id,
        held_on=held_on,
        responses=tuple(
            _draw_response(draw, dice, party, goals, instruments) for party in answering
        ),
        ratings=tuple(
            DyadicRating(rater=rater, ratee=ratee, level=level)
            for (rater, ratee), level in zip(rated, levels, strict=True)
        ),
        decision=decision,
        final=final,
        summary=summary,
    )


_DECISIONS = (None, *Decision)


@st.composite
def _evaluation_rounds(
    draw: DrawFn, party_ids: tuple[str, ...] | None, goal_ids: tuple[str, ...]
) -> EvaluationRound:
    dice = _Dice(draw, 32)
    parties = _read_party_ids(dice, party_ids)
    final = dice.flag()
    decision = dice.choice(_DECISIONS)
    round_id = _read_id(dice, _ROUND_SLUGS)
    return _draw_round(
        draw,
        dice,
        round_id,
        dice.date(_EARLIEST, _LATEST_START),
        party_ids=parties,
        respondents=parties,
        goals=_stand_ins(goal_ids),
        instruments=None,
        decision=Decision.END if final else decision,
        final=final,
    )


def evaluation_rounds(
    *, party_ids: Sequence[str] | None = None, goal_ids: Sequence[str] | None = None
) -> SearchStrategy[EvaluationRound]:
    """A strategy for single evaluation rounds of a collaboration.

    Each has the parties' responses (at most one each), their dyadic ratings
    (at most one per ordered pair) and the decision taken. A final round
    decides to end. Inside
    [`collaborations`][frivillig.strategies.collaborations], rounds also fall
    on the dates of the evaluation plan.

    Args:
        party_ids: The parties that respond and rate; a few generated ids by
            default.
        goal_ids: The goals progress may be reported for; none by default.

    Raises:
        InvalidArgument: an id is invalid or repeated.
    """
    parties = _check_ids("party_ids", party_ids)
    return _evaluation_rounds(parties, _check_ids("goal_ids", goal_ids) or ())


@functools.cache
def evaluation_tolerances() -> SearchStrategy[EvaluationTolerance]:
    """A strategy for how early and how late a round may be held and still count, in days."""
    return st.just(EvaluationTolerance()) | st.builds(
        EvaluationTolerance, early_days=_ints(0, 60), grace_days=_ints(0, 60)
    )
