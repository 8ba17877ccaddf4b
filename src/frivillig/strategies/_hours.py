"""Strategies for time logs: the hours a volunteer gave a task in a calendar month."""

import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy

from .._core.calendar import add_months
from .._model.hours import MAX_HOURS_PER_MONTH, TimeLog, month_of
from ._dice import _Dice
from ._primitives import (
    _EARLIEST,
    _LATEST_START,
    _TASK_SLUGS,
    _VOLUNTEER_SLUGS,
    _check_ids,
    _floats,
    _read_id,
)

_MONTHS_AHEAD = 60
"""How many months after the collaboration's start a drawn log may fall in."""


def _read_hours(dice: _Dice) -> float:
    """Hours in quarter hours, mostly a few a month, now and then over a benefit's limit."""
    if dice.byte() < 224:
        return dice.integer(0, 60 * 4) / 4
    return dice.integer(0, 200 * 4) / 4


def _draw_time_logs(
    dice: _Dice, pairs: Sequence[tuple[str, str]], start: dt.date, count: int
) -> tuple[TimeLog, ...]:
    """Up to ``count`` logs for the (volunteer, task) ``pairs``, from the month of ``start``.

    Each log has its own volunteer, task and month: a log drawn for a key already taken
    is left out.
    """
    if not pairs:
        return ()
    first = month_of(start)
    logs: list[TimeLog] = []
    taken: set[tuple[str, str, dt.date]] = set()
    for _ in range(count):
        volunteer, task = dice.choice(pairs)
        month = add_months(first, dice.integer(0, _MONTHS_AHEAD))
        if (volunteer, task, month) in taken:
            continue
        taken.add((volunteer, task, month))
        logs.append(TimeLog(volunteer=volunteer, task=task, month=month, hours=_read_hours(dice)))
    return tuple(logs)


@st.composite
def _time_logs(
    draw: DrawFn, volunteer_ids: tuple[str, ...] | None, task_ids: tuple[str, ...] | None
) -> TimeLog:
    dice = _Dice(draw, 12)
    volunteer = (
        _read_id(dice, _VOLUNTEER_SLUGS) if volunteer_ids is None else dice.choice(volunteer_ids)
    )
    task = _read_id(dice, _TASK_SLUGS) if task_ids is None else dice.choice(task_ids)
    return TimeLog(
        volunteer=volunteer,
        task=task,
        month=month_of(dice.date(_EARLIEST, _LATEST_START)),
        hours=draw(_floats(0.0, float(MAX_HOURS_PER_MONTH))),
    )


def time_logs(
    *, volunteer_ids: Sequence[str] | None = None, task_ids: Sequence[str] | None = None
) -> SearchStrategy[TimeLog]:
    """A strategy for time logs: the hours one volunteer gave one task in one month.

    The month is named by its first day, from 2000 to 2040; the hours are any
    number from 0 to 744 (every hour of a 31-day month), fractions included.

    Args:
        volunteer_ids: The pseudonymous ids the volunteer is drawn from; any id
            by default.
        task_ids: The ids the task is drawn from; any id by default.

    Raises:
        InvalidArgument: ``volunteer_ids`` or ``task_ids`` is empty or holds an
            invalid or repeated id.
    """
    volunteers = _check_ids("volunteer_ids", volunteer_ids)
    tasks = _check_ids("task_ids", task_ids)
    for name, ids in (("volunteer_ids", volunteers), ("task_ids", tasks)):
        if ids == ():
            msg = f"{name} must name at least one id"
            raise InvalidArgument(msg)
    return _time_logs(volunteers, tasks)
