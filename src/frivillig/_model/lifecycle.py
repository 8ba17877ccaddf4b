"""Lifecycle transitions: functions that return a new collaboration or say what blocks them.

The lifecycle runs exploring → agreeing goals → active → evaluating → continued,
adjusted or ended, and from continued or adjusted back to evaluating. Each
transition checks its preconditions and raises
[`TransitionError`][frivillig.errors.TransitionError] listing every one that
fails; the collaboration passed in is never changed.
"""

import datetime as dt

import attrs

from .._core.arguments import require_date, require_instance, require_member
from .._core.paths import render_path
from ..errors import Problem, TransitionError
from .collaboration import Collaboration, LifecycleStatus
from .integrity import integrity_problems

__all__ = ["ALLOWED_TRANSITIONS", "transition", "transition_problems"]

S = LifecycleStatus

ALLOWED_TRANSITIONS: dict[LifecycleStatus, frozenset[LifecycleStatus]] = {
    S.EXPLORING: frozenset({S.AGREEING_GOALS, S.ENDED}),
    S.AGREEING_GOALS: frozenset({S.ACTIVE, S.EXPLORING, S.ENDED}),
    S.ACTIVE: frozenset({S.EVALUATING}),
    S.EVALUATING: frozenset({S.CONTINUED, S.ADJUSTED, S.ENDED}),
    S.CONTINUED: frozenset({S.EVALUATING}),
    S.ADJUSTED: frozenset({S.EVALUATING, S.AGREEING_GOALS}),
    S.ENDED: frozenset(),
}
"""The statuses each status may move to. An ended collaboration stays ended;
one that never became active may end from exploring or from agreeing goals."""

_NEEDS_AGREED_GOALS = frozenset({S.ACTIVE, S.CONTINUED, S.ADJUSTED})


def _problem(path: tuple[str | int, ...], message: str, code: str) -> Problem:
    return Problem(path=render_path(path), message=message, code=code)


def _arguments(
    collaboration: object, to: object, on: object
) -> tuple[Collaboration, LifecycleStatus, dt.date | None]:
    """Check the arguments of a transition: the caller's mistakes raise a ``UsageError``."""
    checked = require_instance(collaboration, Collaboration, "collaboration")
    return (
        checked,
        require_member(to, LifecycleStatus, "to"),
        None if on is None else require_date(on, "on"),
    )


def transition_problems(
    collaboration: Collaboration, to: LifecycleStatus | str, *, on: dt.date | None = None
) -> list[Problem]:
    """List every precondition that blocks moving ``collaboration`` to ``to``.

    Args:
        collaboration: The collaboration as it is.
        to: The status asked for.
        on: The date of the move; needed when moving to ``ended``, which sets
            the end date.

    Returns:
        The failed preconditions; empty when the transition may happen.

    Raises:
        ArgumentTypeError: ``collaboration`` is not a collaboration, ``to`` is not
            a status nor text, or ``on`` is not a ``datetime.date``.
        ArgumentValueError: ``to`` is text that is not a status's value.
    """
    collaboration, to, on = _arguments(collaboration, to, on)
    current = collaboration.status
    if to not in ALLOWED_TRANSITIONS[current]:
        allowed = ", ".join(sorted(s.value for s in ALLOWED_TRANSITIONS[current])) or "nothing"
        return [
            _problem(
                ("status",),
                f"a collaboration cannot go from {current.value} to {to.value}; from "
                f"{current.value} it can go to {allowed}",
                "transition",
            )
        ]
    problems = list(integrity_problems(collaboration))
    if to in _NEEDS_AGREED_GOALS or to is S.EVALUATING:
        if not collaboration.goals:
            problems.append(
                _problem(("goals",), "has no goal; agree at least one goal first", "no_goal")
            )
        parties = collaboration.party_ids
        for index, goal in enumerate(collaboration.goals):
            missing = sorted(parties - goal.agreed_by())
            if missing:
                problems.append(
                    _problem(
                        ("goals", index, "agreements"),
                        f"goal {goal.id!r} is not agreed by {', '.join(missing)}; every party "
                        "must agree to every goal before the collaboration is active",
                        "unagreed_goal",
                    )
                )
    if to is S.EVALUATING and collaboration.evaluation_plan is None:
        problems.append(
            _problem(
                ("evaluation_plan",), "is missing; plan the evaluation before evaluating", "no_plan"
            )
        )
    if to in (S.CONTINUED, S.ADJUSTED, S.ENDED) and current is S.EVALUATING:
        if not collaboration.rounds:
            problems.append(
                _problem(
                    ("rounds",),
                    "has no evaluation round; hold the round before deciding",
                    "no_round",
                )
            )
        elif collaboration.rounds[-1].decision is None:
            problems.append(
                _problem(
                    ("rounds", len(collaboration.rounds) - 1, "decision"),
                    "is missing; record the decision the parties took after the round",
                    "no_decision",
                )
            )
    if to is S.ENDED:
        if on is None:
            problems.append(
                _problem(("end_on",), "give the date the collaboration ends (on=...)", "missing")
            )
        elif on < collaboration.start_on:
            problems.append(_problem(("end_on",), "the end date is before the start date", "order"))
        was_active = current is S.EVALUATING
        if was_active and not any(round_.final for round_ in collaboration.rounds):
            problems.append(
                _problem(
                    ("rounds",),
                    "has no final evaluation; mark the last round final before ending",
                    "no_final_evaluation",
                )
            )
    return problems


def transition(
    collaboration: Collaboration, to: LifecycleStatus | str, *, on: dt.date | None = None
) -> Collaboration:
    """Move a collaboration to a new lifecycle status.

    Args:
        collaboration: The collaboration as it is; it is not changed.
        to: The status asked for: a ``LifecycleStatus`` or its value
            (``"agreeing_goals"``).
        on: The date of the move; required when ending, and stored as ``end_on``.

    Returns:
        A new collaboration with the new status (and, when ended, the end date
        and the status it ended from, ``ended_from``).

    Raises:
        TransitionError: a precondition fails: the move is not allowed from the
            current status, a goal is not agreed by every party, there is no
            evaluation plan, no decision after the last round, no final
            evaluation before ending, or an id refers to nothing.
        ArgumentTypeError: an argument has the wrong type (a programming mistake).
        ArgumentValueError: ``to`` is text that is not a status's value.
    """
    collaboration, to, on = _arguments(collaboration, to, on)
    problems = transition_problems(collaboration, to, on=on)
    if problems:
        msg = (
            f"cannot move collaboration {collaboration.id!r} "
            f"from {collaboration.status.value} to {to.value}:"
        )
        raise TransitionError(msg, problems)
    if to is S.ENDED:
        return attrs.evolve(collaboration, status=to, end_on=on, ended_from=collaboration.status)
    return attrs.evolve(collaboration, status=to)
