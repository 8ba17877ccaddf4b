"""Strategies for where a collaboration's evaluation schedule stands, and its due dates."""

import datetime as dt
import functools
import typing

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

from .._model.collaboration import Collaboration
from .._model.evaluation import EvaluationPlan
from ..schedules import DueDate, EvaluationTolerance, ScheduleStatus, evaluation_status
from ._evaluation import evaluation_tolerances
from ._primitives import _EXAMPLE_DAY, _draw_choice
from ._reports import _draw_today, _example_collaboration
from ._scoring import _evaluated_collaborations

# -- evaluation schedules ---------------------------------------------------------------------


def _status_of(
    collaboration: Collaboration, today: dt.date, tolerance: EvaluationTolerance
) -> ScheduleStatus:
    plan = typing.cast(EvaluationPlan, collaboration.evaluation_plan)  # evaluated: it has one
    return evaluation_status(plan, collaboration.rounds, today=today, tolerance=tolerance)


@st.composite
def _schedule_statuses(draw: DrawFn) -> ScheduleStatus:
    collaboration = draw(_evaluated_collaborations())
    return _status_of(
        collaboration, _draw_today(draw, collaboration), draw(evaluation_tolerances())
    )


@functools.cache
def schedule_statuses() -> SearchStrategy[ScheduleStatus]:
    """A strategy for where drawn collaborations' evaluation cycles stand on a drawn day."""
    return _schedule_statuses()


@functools.cache
def _example_due_dates() -> tuple[DueDate, ...]:
    return _status_of(_example_collaboration(), _EXAMPLE_DAY, EvaluationTolerance()).due


@st.composite
def _due_dates(draw: DrawFn) -> DueDate:
    return _draw_choice(draw, draw(schedule_statuses()).due or _example_due_dates())


@functools.cache
def due_dates() -> SearchStrategy[DueDate]:
    """A strategy for one due date of an evaluation plan, with the round that covers it.

    A drawn schedule with no due date yet is replaced by the shipped example's,
    so every draw is a real due date.
    """
    return _due_dates()
