"""Strategies for wishes, agreements, indicators, goals and tasks, and the party ids they name."""

import datetime as dt
import functools
import typing
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy

from .._model.goals import Agreement, Goal, GoalStatus, Indicator, Wish
from .._model.tasks import Task, TaskKind, WorkCategory
from ._dice import _Dice
from ._primitives import (
    _AGREEMENT_LEAD_DAYS,
    _EARLIEST,
    _FUNCTIONS,
    _GOAL_SLUGS,
    _LATEST_START,
    _MAX_INDICATOR,
    _OUTCOMES,
    _PARTY_SLUGS,
    _RESERVED,
    _TASK_SLUGS,
    _UNITS,
    _VOLUNTEER_SLUGS,
    _check_flag,
    _check_ids,
    _draw_maybe_text,
    _draw_text,
    _floats,
    _read_id,
    _read_new_ids,
    _shift,
)

# -- goals --------------------------------------------------------------------------------


def _read_party(dice: _Dice, party_ids: tuple[str, ...] | None) -> str:
    return _read_id(dice, _PARTY_SLUGS) if party_ids is None else dice.choice(party_ids)


def _read_party_ids(dice: _Dice, party_ids: tuple[str, ...] | None) -> tuple[str, ...]:
    """The given party ids, or one to four new ones."""
    if party_ids is not None:
        return party_ids
    return _read_new_ids(dice, _PARTY_SLUGS, dice.integer(1, 4))


def _nonempty(name: str, ids: tuple[str, ...] | None, what: str) -> tuple[str, ...] | None:
    if ids == ():
        msg = f"{name} must name at least one party {what}"
        raise InvalidArgument(msg)
    return ids


@st.composite
def _wishes(draw: DrawFn, party_ids: tuple[str, ...] | None) -> Wish:
    dice = _Dice(draw, 4)
    return Wish(party=_read_party(dice, party_ids), text=_draw_text(draw, dice, 300))


def wishes(*, party_ids: Sequence[str] | None = None) -> SearchStrategy[Wish]:
    """A strategy for the wishes a party states before a goal is agreed.

    Args:
        party_ids: The ids the wishing party is drawn from; any id by default.

    Raises:
        InvalidArgument: ``party_ids`` is empty or holds an invalid or repeated id.
    """
    ids = _check_ids("party_ids", party_ids)
    return _wishes(_nonempty("party_ids", ids, "that wishes"))


@st.composite
def _agreements(draw: DrawFn, party_ids: tuple[str, ...] | None) -> Agreement:
    dice = _Dice(draw, 4)
    return Agreement(
        party=_read_party(dice, party_ids), agreed_on=dice.date(_EARLIEST, _LATEST_START)
    )


def agreements(*, party_ids: Sequence[str] | None = None) -> SearchStrategy[Agreement]:
    """A strategy for one party's agreement to a goal, with its date.

    Args:
        party_ids: The ids the agreeing party is drawn from; any id by default.

    Raises:
        InvalidArgument: ``party_ids`` is empty or holds an invalid or repeated id.
    """
    ids = _check_ids("party_ids", party_ids)
    return _agreements(_nonempty("party_ids", ids, "that agrees"))


def _draw_indicator_value(draw: DrawFn, dice: _Dice, *, present: bool = True) -> float | None:
    """A realistic whole number from 0 to 1000, or any float of up to 10**15 either way."""
    anything = dice.flag()
    realistic = dice.integer(0, 1000)
    if not present:
        return None
    return draw(_floats(-_MAX_INDICATOR, _MAX_INDICATOR)) if anything else float(realistic)


def _draw_indicator(draw: DrawFn, dice: _Dice) -> Indicator:
    baseline = _draw_indicator_value(draw, dice, present=dice.flag())
    target = typing.cast(float, _draw_indicator_value(draw, dice))
    if target == baseline:  # a target must differ from the baseline
        target = baseline + 1 if baseline < _MAX_INDICATOR - 1 else baseline - 1
    name = _draw_text(draw, dice, 120)
    return Indicator(
        name=name,
        unit=_draw_text(draw, dice, 20) if dice.flag() else dice.choice(_UNITS),
        baseline=baseline,
        target=target,
    )


@st.composite
def _indicators(draw: DrawFn) -> Indicator:
    return _draw_indicator(draw, _Dice(draw, 12))


@functools.cache
def indicators() -> SearchStrategy[Indicator]:
    """A strategy for the indicators goals' progress is measured by.

    Each has a name, a unit, an optional baseline and a target that differs
    from the baseline.
    """
    return _indicators()


def _draw_goal(
    draw: DrawFn,
    dice: _Dice,
    goal_id: str,
    party_ids: tuple[str, ...],
    *,
    all_agree: bool,
    evaluated: bool,
    around: dt.date,
) -> Goal:
    """A goal; ``all_agree`` makes every party agree, ``evaluated`` allows outcomes."""
    wishing = dice.sample(party_ids)
    agreeing = dice.permutation(party_ids) if all_agree else dice.sample(party_ids)
    earliest = _shift(around, -_AGREEMENT_LEAD_DAYS)
    agreed_on = [dice.date(earliest, around) for _ in agreeing]
    outcome = dice.choice(_OUTCOMES)
    agreed = dice.flag()
    if all_agree:
        status = outcome if evaluated else GoalStatus.AGREED
    elif agreeing and set(agreeing) == set(party_ids):
        status = GoalStatus.AGREED if agreed else GoalStatus.PROPOSED
    else:
        status = GoalStatus.PROPOSED
    text = _draw_text(draw, dice, 300)
    wished = tuple(Wish(party=party, text=_draw_text(draw, dice, 200)) for party in wishing)
    return Goal(
        id=goal_id,
        text=text,
        wishes=wished,
        indicator=_draw_indicator(draw, dice) if dice.flag() else None,
        agreements=tuple(
            Agreement(party=party, agreed_on=day)
            for party, day in zip(agreeing, agreed_on, strict=True)
        ),
        status=status,
        note=_draw_maybe_text(draw, dice, 200),
    )


def _goal_dice_size(party_count: int) -> int:
    return 28 + 5 * party_count


@st.composite
def _goals(draw: DrawFn, party_ids: tuple[str, ...] | None) -> Goal:
    dice = _Dice(draw, _goal_dice_size(4 if party_ids is None else len(party_ids)))
    parties = _read_party_ids(dice, party_ids)
    all_agree = dice.flag()
    evaluated = dice.flag()
    return _draw_goal(
        draw,
        dice,
        _read_id(dice, _GOAL_SLUGS),
        parties,
        all_agree=all_agree,
        evaluated=all_agree and evaluated,
        around=dice.date(_EARLIEST, _LATEST_START),
    )


def goals(*, party_ids: Sequence[str] | None = None) -> SearchStrategy[Goal]:
    """A strategy for a collaboration's goals, with the wishes and agreements behind them.

    Each goal has the wishes behind it, an optional indicator, and the
    parties' agreements (at most one per party). A goal agreed by every party
    may have an outcome (achieved, partly achieved ...); one that is not is
    proposed.

    Args:
        party_ids: The parties whose wishes and agreements a goal records; a
            few generated ids by default.

    Raises:
        InvalidArgument: ``party_ids`` holds an invalid or repeated id.
    """
    return _goals(_check_ids("party_ids", party_ids))


# -- tasks ------------------------------------------------------------------------------------

_TASK_KINDS = tuple(TaskKind)
_WORK_CATEGORIES = tuple(WorkCategory)


def _draw_task(
    draw: DrawFn,
    dice: _Dice,
    task_id: str,
    party_ids: tuple[str, ...] | None,
    volunteer_ids: tuple[str, ...],
    *,
    children: bool | None,
) -> Task:
    """A task; ``children=True`` means contact with children and at least one volunteer."""
    kind = dice.choice(_TASK_KINDS)
    offers = dice.sample(_FUNCTIONS, 0, 3)
    reserved = dice.sample(_RESERVED, 0, 2)
    authority, contact, confidential, core, rota, directed, replaces, led, timed = (
        dice.flag() for _ in range(9)
    )
    assigned = dice.sample(volunteer_ids, 1 if children else 0, 4)
    leader = _read_party(dice, party_ids) if party_ids != () and led else None
    return Task(
        id=task_id,
        title=_draw_text(draw, dice, 120),
        description=_draw_maybe_text(draw, dice, 500),
        kind=kind,
        offers=tuple(offers),
        exercises_authority=authority,
        reserved=tuple(reserved),
        children_contact=contact if children is None else children,
        confidential_data=confidential,
        core_staff_task=core,
        fixed_rota=rota,
        directed_by_institution=directed,
        replaces_cut_post=replaces,
        hours_per_week=draw(_floats(0.0, 168.0)) if timed else None,
        volunteers=tuple(assigned),
        led_by=leader,
        work_category=dice.maybe_choice(_WORK_CATEGORIES),
    )


@st.composite
def _tasks(
    draw: DrawFn,
    party_ids: tuple[str, ...] | None,
    volunteer_ids: tuple[str, ...] | None,
    children: bool | None,
) -> Task:
    dice = _Dice(draw, 40)
    pool = (
        _read_new_ids(dice, _VOLUNTEER_SLUGS, dice.integer(1, 4))
        if volunteer_ids is None
        else volunteer_ids
    )
    task_id = _read_id(dice, _TASK_SLUGS)
    return _draw_task(draw, dice, task_id, party_ids, pool, children=children)


def tasks(
    *,
    party_ids: Sequence[str] | None = None,
    volunteer_ids: Sequence[str] | None = None,
    children: bool | None = None,
) -> SearchStrategy[Task]:
    """A strategy for the tasks volunteers do.

    Each task has the facts the limits of volunteering depend on: authority,
    reserved work, children, confidential data, signs of displacement.

    Args:
        party_ids: The ids a task's leader is drawn from; any id by default.
        volunteer_ids: The ids the assigned volunteers are drawn from; a few
            generated ids by default.
        children: ``True`` for tasks with contact with children under 15 and at
            least one volunteer assigned, ``False`` for tasks without such
            contact, ``None`` for either.

    Raises:
        InvalidArgument: an id is invalid or repeated, or ``children=True`` with
            no volunteer to assign.
    """
    _check_flag("children", children)
    parties = _check_ids("party_ids", party_ids)
    given = _check_ids("volunteer_ids", volunteer_ids)
    if children and given == ():
        msg = "children=True needs at least one volunteer in volunteer_ids"
        raise InvalidArgument(msg)
    return _tasks(parties, given, children)
