"""Matching the rounds held to a plan's due dates: the status, its kept answers, shortcuts."""

import bisect
import datetime as dt
from collections.abc import Iterable
from typing import cast

from .._core.arguments import require_instance
from .._core.caches import BoundedCache, bounded
from .._model.evaluation import EvaluationPlan, EvaluationRound
from ..errors import ArgumentTypeError
from ._dates import _local_date, _require_plan, _shift, _windows, judged_from
from ._status import DEFAULT_TOLERANCE, DueDate, DueState, EvaluationTolerance, ScheduleStatus

# -- matching rounds to due dates -------------------------------------------------


def evaluation_status(
    plan: EvaluationPlan,
    rounds: Iterable[EvaluationRound] = (),
    *,
    today: dt.date | dt.datetime,
    tolerance: EvaluationTolerance = DEFAULT_TOLERANCE,
) -> ScheduleStatus:
    """Match the rounds held to the plan's due dates and say where the cycle stands.

    See the module documentation for how rounds are matched and what
    *overdue* and *missed* mean.

    Args:
        plan: The evaluation plan.
        rounds: The rounds held (a collaboration's ``rounds``), in any order.
        today: The day to judge on: a date, or an aware datetime read in the
            plan's time zone.
        tolerance: How early a round may be held and how long the grace period is.

    Returns:
        Every due date whose window has opened by ``today``, with its state.

    Raises:
        ArgumentTypeError: ``plan`` is not an evaluation plan, ``today`` is not a
            date or an aware datetime, ``rounds`` holds something other than
            evaluation rounds, or ``tolerance`` is not an
            [`EvaluationTolerance`][frivillig.schedules.EvaluationTolerance]
            (programming mistakes).
    """
    _require_plan(plan)
    day = _local_date(today, plan, "today")
    require_instance(tolerance, EvaluationTolerance, "tolerance", "an EvaluationTolerance")
    rounds = _require_rounds(rounds)
    since = judged_from(plan, day)
    held = tuple(sorted([(r.held_on, r.id) for r in rounds if r.held_on <= day]))
    key = (plan.rrule, plan.first_date, tolerance.early_days, tolerance.grace_days, day, held)
    kept = _STATUSES.get(key)
    if kept is not None:
        return kept
    return _STATUSES.put(key, _status(*key, since=since))


def _require_rounds(rounds: object) -> tuple[EvaluationRound, ...]:
    """The rounds as a tuple; the caller's mistake when they are not an iterable of rounds."""
    if type(rounds) is tuple and all(type(r) is EvaluationRound for r in rounds):
        return rounds
    if isinstance(rounds, str | bytes) or not isinstance(rounds, Iterable):
        message = f"rounds must be an iterable of EvaluationRound, got {type(rounds).__name__}"
        raise ArgumentTypeError(message)
    found = tuple(rounds)
    for index, round_ in enumerate(found):
        if not isinstance(round_, EvaluationRound):
            message = f"rounds[{index}] must be an EvaluationRound, got {type(round_).__name__}"
            raise ArgumentTypeError(message)
    return found


def _status_bytes(key: tuple[object, ...], value: ScheduleStatus) -> int:
    held = cast(tuple[tuple[dt.date, str], ...], key[-1])
    text = cast(str, key[0])
    return (
        1024
        + len(text)
        + 160 * len(held)
        + sum(len(round_id) for _, round_id in held)
        + 240 * len(value.due)
        + sum(48 + len(round_id) for round_id in value.unscheduled_rounds)
    )


# Within its budget in frivillig._core.caches: the rule check and the scores ask the same
# question of the same collaboration, so the last few hundred answers are kept.
_STATUSES: BoundedCache[
    tuple[str, dt.date, int, int, dt.date, tuple[tuple[dt.date, str], ...]], ScheduleStatus
] = bounded("schedules.statuses", _status_bytes)


def _status(
    text: str,
    first_date: dt.date,
    early_days: int,
    grace_days: int,
    today: dt.date,
    held: tuple[tuple[dt.date, str], ...],
    *,
    since: dt.date,
) -> ScheduleStatus:
    """Where the cycle stands, from the plan, the tolerance, the day and the rounds held by then.

    The status depends on the rounds only through their dates and ids (``held``,
    sorted), so it is a pure function of immutable values, and is kept by the caller.
    When the plan is older than the look-back (``since`` after the first date), a
    round held before the first window judged belongs to a due date not judged,
    and is left out rather than called unscheduled.
    """
    opened, starts, following = _windows(text, first_date, early_days, today, since)
    cut = since > first_date
    covering: dict[int, tuple[dt.date, str]] = {}
    unscheduled: list[str] = []
    for held_on, round_id in held:
        index = bisect.bisect_right(starts, held_on) - 1
        if index < 0 and cut:
            continue
        if index < 0 or index in covering:
            unscheduled.append(round_id)
        else:
            covering[index] = (held_on, round_id)
    last = len(opened) - 1
    entries = tuple(
        _entry(due, covering.get(index), index < last, today, grace_days)
        for index, due in enumerate(opened)
    )
    next_due = next((due for due in opened if due > today), following)
    return ScheduleStatus(
        today=today, due=entries, next_due_on=next_due, unscheduled_rounds=tuple(unscheduled)
    )


def _entry(
    due: dt.date,
    round_: tuple[dt.date, str] | None,
    closed: bool,
    today: dt.date,
    grace_days: int,
) -> DueDate:
    if round_ is not None:
        held_on, round_id = round_
        late = (held_on - due).days
        state = DueState.HELD if late <= grace_days else DueState.HELD_LATE
        return DueDate(due_on=due, state=state, round_id=round_id, held_on=held_on, days_late=late)
    if closed:
        return DueDate(due_on=due, state=DueState.MISSED)
    if today < due:
        return DueDate(due_on=due, state=DueState.UPCOMING)
    if today <= _shift(due, grace_days):
        return DueDate(due_on=due, state=DueState.DUE)
    return DueDate(due_on=due, state=DueState.OVERDUE, days_overdue=(today - due).days)


def is_overdue(
    plan: EvaluationPlan,
    rounds: Iterable[EvaluationRound] = (),
    *,
    today: dt.date | dt.datetime,
    tolerance: EvaluationTolerance = DEFAULT_TOLERANCE,
) -> bool:
    """Tell whether an evaluation is overdue on ``today``.

    Raises:
        ArgumentTypeError: as [`evaluation_status`][frivillig.schedules.evaluation_status].
    """
    return evaluation_status(plan, rounds, today=today, tolerance=tolerance).overdue


def missed_rounds(
    plan: EvaluationPlan,
    rounds: Iterable[EvaluationRound] = (),
    *,
    today: dt.date | dt.datetime,
    tolerance: EvaluationTolerance = DEFAULT_TOLERANCE,
) -> tuple[dt.date, ...]:
    """List the due dates whose window closed by ``today`` without a round.

    Raises:
        ArgumentTypeError: as [`evaluation_status`][frivillig.schedules.evaluation_status].
    """
    return evaluation_status(plan, rounds, today=today, tolerance=tolerance).missed
