"""Hours given: how many hours a volunteer gave a task in each calendar month.

A task's ``hours_per_week`` is the plan; a time log (timeregistrering) is what was
given. The rules for volunteers on dagpenge or efterløn count hours per calendar
month, and a municipality that grants an association money asks how many hours
its volunteers gave, so the log is kept by month: one entry per volunteer, task
and month. The volunteer is named by the same pseudonymous id as in the
collaboration's ``volunteers``; the hours are personal data.
"""

import datetime as dt
from typing import Any

import attrs

from .validators import FieldError, identifier, number_range, typed_fields
from .volunteers import PERSONAL, _pseudonymous_id

__all__ = ["MAX_HOURS_PER_MONTH", "TimeLog", "month_of"]

MAX_HOURS_PER_MONTH = 744
"""The most hours one log may hold: every hour of a 31-day month."""


def month_of(day: dt.date) -> dt.date:
    """The month a day falls in, as its first day: how a time log names a month.

    A ``datetime`` gives the date of its own day's month (its time and time zone
    play no part).

    Examples:
        >>> import datetime as dt
        >>> month_of(dt.date(2026, 3, 17))
        datetime.date(2026, 3, 1)
        >>> month_of(dt.datetime(2026, 3, 31, 23, 30))
        datetime.date(2026, 3, 1)
    """
    return dt.date(day.year, day.month, 1)


def _first_of_month(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if isinstance(value, dt.date) and value.day != 1:
        raise FieldError(
            (attribute.name,),
            f"is {value.isoformat()}, not the first day of a month; a time log covers a "
            f"calendar month, named by its first day ({value.replace(day=1).isoformat()})",
            "format",
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TimeLog:
    """The hours one volunteer gave one task in one calendar month (personal).

    Attributes:
        volunteer: The volunteer's pseudonymous id, as in the collaboration's
            ``volunteers``.
        task: The id of the task the hours were given to.
        month: The calendar month, named by its first day (``2026-03-01`` for
            March 2026).
        hours: The hours given that month, from 0 to 744 (personal).

    Examples:
        >>> import datetime as dt
        >>> TimeLog(volunteer="v01", task="besoeg", month=dt.date(2026, 3, 1), hours=9.5)
        TimeLog(volunteer='v01', task='besoeg', month=datetime.date(2026, 3, 1))
    """

    volunteer: str = attrs.field(validator=_pseudonymous_id)
    task: str = attrs.field(validator=identifier)
    month: dt.date = attrs.field(validator=_first_of_month)
    hours: float = attrs.field(
        repr=False,
        metadata=PERSONAL,
        validator=number_range(0, MAX_HOURS_PER_MONTH, personal=True),
    )
