"""Date arithmetic that stays inside the calendar.

The JSON form accepts every date from 0001-01-01 to 9999-12-31, so a rule that adds
three months to a start date, or a deadline of four weeks to a check, must give an
answer for the last days of year 9999 too. These functions saturate: a date past the
end of the calendar is ``date.max``, one before its start is ``date.min``. Every
answer compared with a real "today" is then still right: nothing can be due later
than the last day there is.
"""

import datetime as dt

from dateutil.relativedelta import relativedelta

__all__ = ["add_days", "add_months"]


def add_days(day: dt.date, days: int) -> dt.date:
    """Return ``day`` moved by ``days``, held at the calendar's first or last day."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def add_months(day: dt.date, months: int) -> dt.date:
    """Return ``day`` moved by whole months (the last day of a shorter month), held likewise."""
    try:
        return day + relativedelta(months=months)
    except (ValueError, OverflowError):
        return dt.date.max if months > 0 else dt.date.min
