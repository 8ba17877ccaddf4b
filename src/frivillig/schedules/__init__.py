"""Evaluation cycles: when a collaboration is due for evaluation, and whether it is late.

"A good collaboration is not built overnight": the parties evaluate again and
again whether the form they chose satisfies them. An
[`EvaluationPlan`][frivillig.EvaluationPlan] holds the cadence as an RFC 5545
recurrence rule (the ``RRULE`` calendars use) and a first date; this module turns
it into due dates with python-dateutil, matches the rounds held to those dates,
and says what is overdue and what was missed.

The library never reads the clock: every function that needs "today" takes it as
an argument, either a date (read as a date in the plan's time zone, Danish local
time by default) or a time-zone-aware datetime, which is converted to the plan's
time zone first. A system that runs in UTC therefore gets the Danish date right
around midnight.

**Due dates.** The rule is expanded in local wall-clock time from midnight at the
start of ``first_date``, as dateutil does; the due dates are the distinct local
dates of its occurrences, strictly increasing. The first date is the first due
date when it matches the rule (it does for ``FREQ=MONTHLY;INTERVAL=3``); when the
rule picks particular days (``BYDAY=MO``), the first due date is the first
matching day on or after it. A rule that starts on the 31st skips the months
without one, as RFC 5545 says. (A plan recurs daily at the finest; the plan
itself refuses anything finer.)

**How rounds are matched to due dates.** Each due date opens a window
[`tolerance.early_days`][frivillig.schedules.EvaluationTolerance] days before it,
and the window lasts until the next due date's window opens. The first round held
in a window covers that due date; it was held on time when it was held no later
than ``grace_days`` after the due date, and late otherwise. Further rounds in the
same window, and rounds held before the first window, are unscheduled extra rounds.
Rounds dated after "today" are ignored.

**Overdue and missed.** A due date with no round is *due* from the due date to
the end of the grace period, *overdue* after that while its window is still open
(overdue by the number of days since the due date), and *missed* once its window
has closed, that is once the next due date's window has opened. So at most one due
date is overdue at a time, and a round held late still counts for the date it was
late for, as long as it is held before the next window opens.

**What a plan may be.** An evaluation plan's rule recurs DAILY, WEEKLY, MONTHLY or
YEARLY with an ``INTERVAL`` from 1 to 1,000, may end by ``COUNT`` (1 to 1,000, all
within 100 years of the first date) or ``UNTIL``, and picks its days with
``BYMONTH``, ``BYMONTHDAY`` or ``BYDAY`` (not both of the last two) and
``BYSETPOS``; it may name one time of day. Its first date is not before the
collaboration starts. The loader refuses anything else at the plan's path.

**Bounded work.** A status judges the due dates of the last twenty years before
"today" ([`LOOKBACK_YEARS`][frivillig.schedules.LOOKBACK_YEARS]; a round held before
that is left out). A rule without ``COUNT`` is expanded from the start of one of its
periods shortly before the first day judged, which gives the same dates as expanding
it from its first date, so the work of any question is bounded whatever the dates:
at most twenty years of due dates and the longest gap an accepted rule can have
between two of them (eight years, for the 29th of February). The due dates and the
statuses of recent questions are kept, within 32 MiB each; each answer is made of
immutable values, so a kept answer is the answer worked out afresh.

Examples:
    >>> import datetime as dt
    >>> import frivillig
    >>> from frivillig import schedules
    >>> plan = frivillig.load_example().evaluation_plan
    >>> schedules.next_due_dates(plan, after=dt.date(2026, 10, 1), count=3)
    (datetime.date(2026, 12, 1), datetime.date(2027, 3, 1), datetime.date(2027, 6, 1))
    >>> schedules.describe_cadence(plan, "da")
    'hver tredje måned fra 1. juni 2026'
"""

from ._cadence import describe_cadence as describe_cadence
from ._cadence import render_schedule as render_schedule
from ._cadence import rfc5545_text as rfc5545_text
from ._dates import _COUNTED as _COUNTED
from ._dates import _WINDOWS as _WINDOWS
from ._dates import LOOKBACK_YEARS as LOOKBACK_YEARS
from ._dates import _dates as _dates
from ._dates import _parse as _parse
from ._dates import due_dates as due_dates
from ._dates import judged_from as judged_from
from ._dates import next_due_dates as next_due_dates
from ._matching import _STATUSES as _STATUSES
from ._matching import evaluation_status as evaluation_status
from ._matching import is_overdue as is_overdue
from ._matching import missed_rounds as missed_rounds
from ._status import DEFAULT_TOLERANCE as DEFAULT_TOLERANCE
from ._status import DueDate as DueDate
from ._status import DueState as DueState
from ._status import EvaluationTolerance as EvaluationTolerance
from ._status import ScheduleStatus as ScheduleStatus

__all__ = [
    "DEFAULT_TOLERANCE",
    "LOOKBACK_YEARS",
    "DueDate",
    "DueState",
    "EvaluationTolerance",
    "ScheduleStatus",
    "describe_cadence",
    "due_dates",
    "evaluation_status",
    "is_overdue",
    "judged_from",
    "missed_rounds",
    "next_due_dates",
    "render_schedule",
    "rfc5545_text",
]
