"""The time logs of a varied collaboration: the hours each volunteer gave each task, by month.

Logs are drawn last, after every other part of a collaboration, so that drawing them
changes nothing else: a portfolio is the same as before logs were modelled, but for
the logs and the benefit of the volunteers on dagpenge.
"""

import datetime as dt
import math
import random

import attrs

from .._core.calendar import add_months
from .._model.collaboration import Collaboration
from .._model.hours import TimeLog, month_of
from .._model.tasks import Task, WorkCategory
from .._model.volunteers import AgeBand, Benefit, Engagement, Volunteer
from .._rules.settings import CheckSettings
from ._defects import D
from ._drafts import _Draft

MAX_TIME_LOGS = 600
"""The most time logs a varied collaboration has: those of its latest months."""

_DEFAULTS = CheckSettings()

BENEFIT_LIMIT = _DEFAULTS.benefit_free_hours_per_month
"""Hours a month of unpaid voluntary work a volunteer on dagpenge may give an association
without deduction (the rule check's default): a volunteer on dagpenge logs no more,
unless the collaboration has the ``benefit_hours_logged`` defect."""

_WEEKS_PER_MONTH = _DEFAULTS.weeks_per_month
_ON_DAGPENGE = 0.08
"""The share of the working-age volunteers engaged through an association who are on dagpenge."""
_WORKING_AGE = frozenset({AgeBand.FROM_18_TO_29, AgeBand.FROM_30_TO_49, AgeBand.FROM_50_TO_66})
_LEFT = 0.12
"""The share of volunteers who stopped giving hours before the last month logged."""
_AWAY = {7: 0.45, 8: 0.2, 12: 0.3}
"""The chance that a volunteer gives no hours in a month: the summer and Christmas, by month."""
_AWAY_OTHERWISE = 0.1
"""The same in any other month: illness, a busy spell at work, a trip."""


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    months = []
    month = first
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months


def _quarters(hours: float) -> float:
    """Hours rounded down to quarter hours, at least a quarter of an hour."""
    return max(0.25, math.floor(hours * 4) / 4)


def _last_month(collaboration: Collaboration, as_of: dt.date) -> dt.date:
    """The last month logged: the month it ended, or the last whole month before ``as_of``."""
    if collaboration.end_on is not None:
        return month_of(min(collaboration.end_on, as_of))
    return add_months(month_of(as_of), -1)


def _counted(task: Task) -> bool:
    """Whether a task's hours may count against dagpenge: not recorded as an activity."""
    return task.work_category is not WorkCategory.ACTIVITY


def _planned_for_benefit(volunteer: Volunteer, tasks: list[Task]) -> float:
    """The hours a month the volunteer is planned for in tasks not recorded as activities."""
    weekly = math.fsum(task.hours_per_week or 0.0 for task in tasks if _counted(task))
    return weekly * _WEEKS_PER_MONTH


def _time_logs(
    rng: random.Random, draft: _Draft, collaboration: Collaboration, as_of: dt.date
) -> Collaboration:
    """Give the collaboration its time logs, and some volunteers dagpenge.

    A volunteer who has started logs each task from the month they started to the
    last month logged, but not every month (holidays, illness, and some stop), with
    hours around the task's planned hours a month. A few working-age volunteers
    engaged through an association, planned for no more than ``BENEFIT_LIMIT``
    hours a month in tasks not recorded as activities, are on dagpenge and log no
    more than that in any month, unless the collaboration has the
    ``benefit_hours_logged`` defect: then one of them logged more in one to three
    months.
    """
    last = _last_month(collaboration, as_of)
    tasks_of: dict[str, list[Task]] = {}
    for task in collaboration.tasks:
        for volunteer_id in dict.fromkeys(task.volunteers):
            tasks_of.setdefault(volunteer_id, []).append(task)
    hours: dict[tuple[str, str, dt.date], float] = {}
    for volunteer in collaboration.volunteers:
        tasks = tasks_of.get(volunteer.id, [])
        if volunteer.started_on is None or not tasks:
            continue
        months = _months(month_of(volunteer.started_on), last)
        if months and rng.random() < _LEFT:
            months = months[: rng.randint(1, len(months))]
        keen = rng.uniform(0.7, 1.2)
        for month in months:
            if rng.random() < _AWAY.get(month.month, _AWAY_OTHERWISE):
                continue
            for task in tasks:
                planned = (task.hours_per_week or 1.0) * _WEEKS_PER_MONTH
                hours[volunteer.id, task.id, month] = _quarters(
                    planned * keen * rng.uniform(0.5, 1.35)
                )
    if len(hours) > MAX_TIME_LOGS:
        per_month: dict[dt.date, int] = {}
        for _, _, month in hours:
            per_month[month] = per_month.get(month, 0) + 1
        kept, total = set(), 0
        for month in sorted(per_month, reverse=True):
            total += per_month[month]
            if total > MAX_TIME_LOGS:
                break
            kept.add(month)
        hours = {key: value for key, value in hours.items() if key[2] in kept}

    volunteers = list(collaboration.volunteers)
    on_dagpenge: list[str] = []
    for number, volunteer in enumerate(volunteers):
        tasks = tasks_of.get(volunteer.id, [])
        if (
            volunteer.started_on is not None
            and volunteer.engagement is Engagement.ASSOCIATION
            and volunteer.age_band in _WORKING_AGE
            and tasks
            and _planned_for_benefit(volunteer, tasks) <= BENEFIT_LIMIT
            and rng.random() < _ON_DAGPENGE
        ):
            volunteers[number] = attrs.evolve(volunteer, benefit=Benefit.UNEMPLOYMENT)
            on_dagpenge.append(volunteer.id)
    counted = {task.id for task in collaboration.tasks if _counted(task)}
    for volunteer_id in on_dagpenge:
        _keep_within_limit(hours, volunteer_id)
    # A volunteer on dagpenge who logged hours that may count: the defect can occur.
    exposed = sorted(
        {(v, t, m) for v, t, m in hours if v in on_dagpenge and t in counted},
        key=lambda key: (key[2], key[0], key[1]),
    )
    if exposed and draft.roll(D.BENEFIT_HOURS_LOGGED):
        volunteer_id = rng.choice(exposed)[0]
        own = [key for key in exposed if key[0] == volunteer_id]
        for key in rng.sample(own, k=min(len(own), rng.randint(1, 3))):
            hours[key] = _quarters(rng.uniform(BENEFIT_LIMIT + 2, BENEFIT_LIMIT + 26))
    logs = tuple(
        TimeLog(volunteer=volunteer, task=task, month=month, hours=value)
        for (volunteer, task, month), value in sorted(
            hours.items(), key=lambda item: (item[0][2], item[0][0], item[0][1])
        )
    )
    return attrs.evolve(collaboration, volunteers=tuple(volunteers), time_logs=logs)


def _keep_within_limit(hours: dict[tuple[str, str, dt.date], float], volunteer_id: str) -> None:
    """Scale down the volunteer's months of more than the limit, over all their tasks."""
    months: dict[dt.date, list[tuple[str, str, dt.date]]] = {}
    for key in hours:
        if key[0] == volunteer_id:
            months.setdefault(key[2], []).append(key)
    for keys in months.values():
        total = math.fsum(hours[key] for key in keys)
        if total > BENEFIT_LIMIT:
            for key in keys:
                hours[key] = max(0.25, math.floor(hours[key] * BENEFIT_LIMIT / total * 4) / 4)
