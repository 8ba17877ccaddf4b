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

import bisect
import datetime as dt
import zoneinfo
from collections.abc import Iterable, Iterator
from typing import Any, cast

import attrs
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

from ._core.arguments import require_date, require_instance, require_language
from ._core.caches import BoundedCache, date_tuple_bytes
from ._core.calendar import add_days, add_months
from ._core.labels import LabelledEnum, Language
from ._model.collaboration import Collaboration
from ._model.evaluation import EvaluationPlan, EvaluationRound
from ._model.validators import FieldError, number_range
from .errors import ArgumentTypeError, ArgumentValueError

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

_MAX_COUNT = 10_000


def _days_validator(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError((attribute.name,), "expected a whole number of days", "type")
    number_range(0, 366)(_, attribute, value)


@attrs.frozen(kw_only=True)
class EvaluationTolerance:
    """How far from its due date a round may be held and still count, in days.

    Both figures are the library's own defaults, not taken from any rule or
    source; set them to what the parties agreed.

    Attributes:
        early_days: How many days before a due date a round may be held and
            still cover it (default 14).
        grace_days: How many days after a due date a round counts as held on
            time; after that an unheld due date is overdue (default 14).
    """

    early_days: int = attrs.field(default=14, validator=_days_validator)
    grace_days: int = attrs.field(default=14, validator=_days_validator)


DEFAULT_TOLERANCE = EvaluationTolerance()
"""Fourteen days early and fourteen days of grace."""


class DueState(LabelledEnum):
    """Where one due date of an evaluation plan stands on a given day."""

    UPCOMING = ("upcoming", "kommende", "coming up")
    DUE = ("due", "forfalden, inden for fristen", "due, within the grace period")
    OVERDUE = ("overdue", "overskredet", "overdue")
    MISSED = ("missed", "sprunget over", "missed")
    HELD = ("held", "afholdt til tiden", "held on time")
    HELD_LATE = ("held_late", "afholdt for sent", "held late")


@attrs.frozen(kw_only=True)
class DueDate:
    """One due date of an evaluation plan and the round that covers it, if any.

    Attributes:
        due_on: The date the evaluation is due.
        state: Where it stands on the day asked about.
        round_id: The id of the round that covers it, if one does.
        held_on: The date that round was held.
        days_late: Days from the due date to the round (negative when held
            early), when a round covers it.
        days_overdue: Days since the due date, when it is overdue.
    """

    due_on: dt.date
    state: DueState
    round_id: str | None = None
    held_on: dt.date | None = None
    days_late: int | None = None
    days_overdue: int | None = None


@attrs.frozen(kw_only=True)
class ScheduleStatus:
    """Where a collaboration's evaluation cycle stands on a given day.

    Attributes:
        today: The day asked about, in the plan's time zone.
        due: Every due date whose window has opened by ``today``, in order,
            each with its state and the round that covers it.
        next_due_on: The first due date after ``today``, if the rule has one.
        unscheduled_rounds: The ids of rounds that cover no due date: held
            before the first window, or a further round in a window already
            covered.
    """

    today: dt.date
    due: tuple[DueDate, ...]
    next_due_on: dt.date | None
    unscheduled_rounds: tuple[str, ...] = ()

    @property
    def current(self) -> DueDate | None:
        """The last due date whose window has opened: the one still open, if any."""
        return self.due[-1] if self.due else None

    @property
    def overdue(self) -> bool:
        """Whether an evaluation is overdue on ``today``."""
        current = self.current
        return current is not None and current.state is DueState.OVERDUE

    @property
    def days_overdue(self) -> int:
        """How many days the overdue evaluation is past its due date; 0 when none is."""
        current = self.current
        if current is None or current.days_overdue is None:
            return 0
        return current.days_overdue

    @property
    def missed(self) -> tuple[dt.date, ...]:
        """The due dates whose window closed without a round."""
        return tuple(entry.due_on for entry in self.due if entry.state is DueState.MISSED)

    def count(self, state: DueState) -> int:
        """Count the due dates in the given state."""
        return sum(1 for entry in self.due if entry.state is state)

    def to_text(self, lang: Language = "en") -> str:
        """Render the status for a terminal, in Danish or English."""
        lang = require_language(lang)
        t = _TEXT[lang]
        lines = [f"{t['status_on']} {self.today.isoformat()}: {self._headline(lang)}"]
        if self.due:
            lines.append(f"{t['due_dates']}:")
            for entry in self.due:
                line = f"  {entry.due_on.isoformat()}  {entry.state.label(lang)}"
                if entry.round_id is not None and entry.held_on is not None:
                    line += f" ({t['round']} {entry.round_id}, {entry.held_on.isoformat()})"
                elif entry.days_overdue is not None:
                    line += f" ({entry.days_overdue} {t['days']})"
                lines.append(line)
        missed = ", ".join(d.isoformat() for d in self.missed) or t["none"]
        lines.append(f"{t['missed']}: {missed}")
        if self.unscheduled_rounds:
            lines.append(f"{t['unscheduled']}: {', '.join(self.unscheduled_rounds)}")
        return "\n".join(lines)

    def _headline(self, lang: Language) -> str:
        t = _TEXT[lang]
        current = self.current
        if current is not None and current.state is DueState.OVERDUE:
            return t["overdue"].format(days=self.days_overdue, due=current.due_on.isoformat())
        if current is not None and current.state is DueState.DUE:
            return t["due_now"].format(due=current.due_on.isoformat())
        if self.next_due_on is not None:
            return t["next"].format(due=self.next_due_on.isoformat())
        return t["ended"]


_TEXT: dict[Language, dict[str, str]] = {
    "en": {
        "status_on": "Evaluation status on",
        "due_dates": "Due dates so far",
        "round": "round",
        "days": "days overdue",
        "missed": "Missed rounds",
        "unscheduled": "Unscheduled rounds",
        "none": "none",
        "overdue": "overdue by {days} days (due {due})",
        "due_now": "due now (due {due}, within the grace period)",
        "next": "on schedule; next due {due}",
        "ended": "on schedule; the plan has no further due dates",
        "plan": "Evaluation plan",
        "no_plan": "No evaluation plan.",
        "upcoming": "Next due dates",
    },
    "da": {
        "status_on": "Evalueringsstatus pr.",
        "due_dates": "Forfaldsdatoer indtil nu",
        "round": "runde",
        "days": "dage over fristen",
        "missed": "Oversprungne runder",
        "unscheduled": "Runder uden for planen",
        "none": "ingen",
        "overdue": "{days} dage over fristen (forfalden {due})",
        "due_now": "forfalden nu ({due}, inden for fristen)",
        "next": "følger planen; næste gang {due}",
        "ended": "følger planen; planen har ikke flere datoer",
        "plan": "Evalueringsplan",
        "no_plan": "Ingen evalueringsplan.",
        "upcoming": "Kommende datoer",
    },
}


# -- the rule ------------------------------------------------------------------


def _rule_body(text: str) -> str:
    stripped = text.strip()
    return stripped[6:] if stripped.upper().startswith("RRULE:") else stripped


def _body(plan: EvaluationPlan) -> str:
    return _rule_body(plan.rrule)


def _parts(plan: EvaluationPlan) -> dict[str, str]:
    return _split(plan.rrule)


def _require_plan(plan: object) -> None:
    require_instance(plan, EvaluationPlan, "plan", "an EvaluationPlan")


_WEEK_START = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_FREQ = {"DAILY": DAILY, "WEEKLY": WEEKLY, "MONTHLY": MONTHLY, "YEARLY": YEARLY}
_DAY_PARTS = frozenset({"BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY", "BYEASTER"})


@attrs.frozen
class _Rule:
    """A plan's rule, parsed once: dateutil's rrule and what re-anchoring it needs."""

    rule: rrule
    freq: int
    interval: int
    wkst: int
    first: dt.date
    counted: bool
    defaults: dict[str, Any]


def _split(text: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for piece in _rule_body(text).split(";"):
        name, _, value = piece.partition("=")
        if name.strip():
            parts[name.strip().upper()] = value.strip().upper()
    return parts


def _parse(text: str, first_date: dt.date) -> _Rule:
    # Local wall-clock time: naive on purpose, as the plan's validator parses it;
    # the plan's time zone only decides which local date "today" is.
    start = dt.datetime.combine(first_date, dt.time())
    parts = _split(text)
    # RFC 5545's week starts on Monday unless WKST says otherwise; dateutil would take
    # the host's calendar.firstweekday() instead, so the week start is always given.
    wkst = _WEEK_START.get(parts.get("WKST", "MO"), 0)
    rule = cast(rrule, rrulestr(_rule_body(text), dtstart=start)).replace(wkst=wkst)
    freq = _FREQ[parts["FREQ"]]
    defaults: dict[str, Any] = {}
    # The days dateutil takes from the first date when the rule names none; a rule
    # started on another day must be given them to pick the same days.
    if not _DAY_PARTS & parts.keys():
        if freq == YEARLY:
            if "BYMONTH" not in parts:
                defaults["bymonth"] = first_date.month
            defaults["bymonthday"] = first_date.day
        elif freq == MONTHLY:
            defaults["bymonthday"] = first_date.day
        elif freq == WEEKLY:
            defaults["byweekday"] = first_date.weekday()
    return _Rule(
        rule=rule,
        freq=freq,
        interval=int(parts.get("INTERVAL", "1")),
        wkst=wkst,
        first=first_date,
        counted="COUNT" in parts,
        defaults=defaults,
    )


def _anchor(parsed: _Rule, since: dt.date) -> dt.date | None:
    """The start of a period of the rule, after its first period and at most two before ``since``.

    The rule's periods (days, weeks, months or years, ``INTERVAL`` apart) repeat
    from the first date on; the dates a rule picks in one period depend only on the
    period and its BY... parts. So expanding the rule from the start of a later
    period gives exactly the dates it gives from the first date, from that period
    on. ``None`` when there is no such period before ``since``.
    """
    first, step = parsed.first, parsed.interval
    if parsed.freq == DAILY:
        periods = (since - first).days // step - 1
        return _shift(first, periods * step) if periods >= 1 else None
    if parsed.freq == WEEKLY:
        week = _shift(first, -((first.weekday() - parsed.wkst) % 7))
        periods = (since - week).days // (7 * step) - 1
        return _shift(week, periods * step * 7) if periods >= 1 else None
    if parsed.freq == MONTHLY:
        start = first.year * 12 + first.month - 1
        periods = (since.year * 12 + since.month - 1 - start) // step - 1
        if periods < 1:
            return None
        year, month = divmod(start + periods * step, 12)
        return dt.date(year, month + 1, 1)
    periods = (since.year - first.year) // step - 1
    return dt.date(first.year + periods * step, 1, 1) if periods >= 1 else None


def _expansion(parsed: _Rule, since: dt.date | None) -> rrule:
    """The rule, started as late as it can be and still give every date on or after ``since``.

    A rule with ``COUNT`` counts from its first date and is expanded from there
    (``COUNT`` is at most 1,000); any other is started at most two periods
    before ``since``, so the work does not grow with the years between.
    """
    if since is None or parsed.counted or since <= parsed.first:
        return parsed.rule
    anchor = _anchor(parsed, since)
    if anchor is None:
        return parsed.rule
    return parsed.rule.replace(dtstart=dt.datetime.combine(anchor, dt.time()), **parsed.defaults)


def _rule(plan: EvaluationPlan) -> _Rule:
    _require_plan(plan)
    return _parse(plan.rrule, plan.first_date)


def _dates(parsed: _Rule, start: dt.date | None = None) -> Iterator[dt.date]:
    """Yield the distinct local dates of the rule's occurrences, on or after ``start``."""
    rule = _expansion(parsed, start)
    occurrences: Iterable[dt.datetime]
    if start is None:
        occurrences = rule
    else:
        occurrences = rule.xafter(dt.datetime.combine(start, dt.time()), inc=True)
    last: dt.date | None = None
    for occurrence in _within_calendar(occurrences):
        day = occurrence.date()
        if day != last:
            yield day
            last = day


def _within_calendar(occurrences: Iterable[dt.datetime]) -> Iterator[dt.datetime]:
    """Yield the occurrences, ending where dateutil steps past 9999-12-31.

    dateutil builds a whole week (or month) at a time, and raises ``ValueError``
    when that period runs past the last day of the calendar; no date is lost, as
    there is none after it.
    """
    iterator = iter(occurrences)
    while True:
        try:
            yield next(iterator)
        except StopIteration:
            return
        except (ValueError, OverflowError):
            return


def _local_date(value: object, plan: EvaluationPlan, name: str) -> dt.date:
    """The day ``value`` falls on: a date as it is, an aware datetime in the plan's time zone.

    Schedules know the time zone to read a moment in (the plan's), so they take an
    aware datetime too; a naive one is a caller's mistake, as anything else is.
    """
    if isinstance(value, dt.datetime):
        if value.utcoffset() is None:
            message = (
                f"{name} is a datetime without a time zone; pass a datetime.date "
                "or an aware datetime"
            )
            raise ArgumentTypeError(message)
        return value.astimezone(zoneinfo.ZoneInfo(plan.timezone)).date()
    return require_date(value, name)


_shift = add_days


LOOKBACK_YEARS = 20
"""How many years before "today" a status looks back for due dates."""


def judged_from(plan: EvaluationPlan, today: dt.date) -> dt.date:
    """The first day whose due dates a status on ``today`` judges.

    That is the plan's first date, or the day twenty years before ``today`` when the
    plan is older than that: due dates further back are not judged, which keeps the
    work and the memory of a status small whatever the dates.
    """
    today = require_date(today)
    return max(plan.first_date, add_months(today, -12 * LOOKBACK_YEARS))


Windows = tuple[tuple[dt.date, ...], tuple[dt.date, ...], dt.date | None]
"""The due dates whose window has opened, the days their windows open, and the next due date."""


def _windows_bytes(key: tuple[object, ...], value: Windows) -> int:
    return 512 + 2 * date_tuple_bytes(len(value[0]))


# At most 32 MiB of due dates, however many plans and days are asked about.
_WINDOWS: BoundedCache[tuple[str, dt.date, int, dt.date, dt.date], Windows] = BoundedCache(
    32 * 1024 * 1024, _windows_bytes, "due dates"
)


def _windows(
    text: str, first_date: dt.date, early_days: int, today: dt.date, since: dt.date
) -> Windows:
    """Expand a plan's rule from ``since`` up to the first due date whose window has not opened.

    A pure function of the rule's text, its first date, how early a window opens,
    the day asked about and the first day judged, so its answers are kept (within
    32 MiB): the collaborations of a portfolio share a few cadences, and the rule
    check and the scores ask the same question of the same plan.
    """
    key = (text, first_date, early_days, today, since)
    kept = _WINDOWS.get(key)
    if kept is not None:
        return kept
    opened: list[dt.date] = []
    following: dt.date | None = None
    for due in _dates(_parse(text, first_date), since):
        if _shift(due, -early_days) > today:
            following = due
            break
        opened.append(due)
    starts = tuple(_shift(due, -early_days) for due in opened)
    return _WINDOWS.put(key, (tuple(opened), starts, following))


def due_dates(
    plan: EvaluationPlan, *, until: dt.date | dt.datetime, since: dt.date | None = None
) -> tuple[dt.date, ...]:
    """List the plan's due dates from its first date (or ``since``) up to ``until``.

    Args:
        plan: The evaluation plan.
        until: The last day to include (a date, or an aware datetime read in the
            plan's time zone).
        since: The first day to include; the plan's first date when ``None``.

    Returns:
        The due dates, strictly increasing, each on the rule.

    Raises:
        ArgumentTypeError: ``plan`` is not an evaluation plan, ``until`` is not a
            date or an aware datetime, or ``since`` is not a date (programming
            mistakes).
    """
    rule = _rule(plan)
    last = _local_date(until, plan, "until")
    if since is not None:
        since = require_date(since, "since")
    found: list[dt.date] = []
    for day in _dates(rule, since):
        if day > last:
            break
        found.append(day)
    return tuple(found)


def next_due_dates(
    plan: EvaluationPlan,
    *,
    after: dt.date | dt.datetime,
    count: int = 1,
    inclusive: bool = False,
) -> tuple[dt.date, ...]:
    """Return the next ``count`` due dates after a given day.

    Args:
        plan: The evaluation plan.
        after: The day to count from ("today"): a date, or an aware datetime
            read in the plan's time zone.
        count: How many due dates to return (0 to 10,000); fewer when the rule
            ends (``COUNT`` or ``UNTIL``) before that.
        inclusive: Whether a due date on ``after`` itself counts.

    Returns:
        The due dates, strictly increasing.

    Raises:
        ArgumentTypeError: ``plan`` is not an evaluation plan, ``count`` is not
            a whole number, or ``after`` is not a date or an aware datetime
            (programming mistakes).
        ArgumentValueError: ``count`` is below 0 or above 10,000.
    """
    if isinstance(count, bool) or not isinstance(count, int):
        message = f"count must be a whole number (int), got {type(count).__name__}"
        raise ArgumentTypeError(message)
    if not 0 <= count <= _MAX_COUNT:
        message = f"count must be from 0 to {_MAX_COUNT}"
        raise ArgumentValueError(message)
    rule = _rule(plan)
    day = _local_date(after, plan, "after")
    if not inclusive:
        if day >= dt.date.max:
            return ()
        day = _shift(day, 1)
    found: list[dt.date] = []
    if count == 0:
        return ()
    for due in _dates(rule, day):
        found.append(due)
        if len(found) == count:
            break
    return tuple(found)


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


# At most 32 MiB of statuses: the rule check and the scores ask the same question of
# the same collaboration, so the last few hundred answers are kept.
_STATUSES: BoundedCache[
    tuple[str, dt.date, int, int, dt.date, tuple[tuple[dt.date, str], ...]], ScheduleStatus
] = BoundedCache(32 * 1024 * 1024, _status_bytes, "statuses")


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


# -- describing the cadence ----------------------------------------------------------

_UNITS: dict[str, tuple[str, str, str, bool]] = {
    # FREQ: (English singular, English plural, Danish singular, Danish noun is neuter)
    "DAILY": ("day", "days", "dag", False),
    "WEEKLY": ("week", "weeks", "uge", False),
    "MONTHLY": ("month", "months", "måned", False),
    "YEARLY": ("year", "years", "år", True),
}
_DA_ORDINALS = {3: "tredje", 4: "fjerde", 5: "femte", 6: "sjette", 12: "tolvte"}
_WEEKDAYS = {
    "MO": ("Monday", "mandag"),
    "TU": ("Tuesday", "tirsdag"),
    "WE": ("Wednesday", "onsdag"),
    "TH": ("Thursday", "torsdag"),
    "FR": ("Friday", "fredag"),
    "SA": ("Saturday", "lørdag"),
    "SU": ("Sunday", "søndag"),
}
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS_DA = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
_EN_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}
_DA_NTH = {1: "første", 2: "anden", 3: "tredje", 4: "fjerde", 5: "femte"}
_DESCRIBED = frozenset({"FREQ", "INTERVAL", "BYDAY", "BYMONTH", "BYMONTHDAY", "COUNT", "UNTIL"})
_DESCRIBED_TIME = frozenset({"BYHOUR", "BYMINUTE", "BYSECOND", "WKST"})


def _join(items: list[str], lang: Language) -> str:
    if len(items) <= 1:
        return "".join(items)
    word = "og" if lang == "da" else "and"
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _long_date(day: dt.date, lang: Language) -> str:
    if lang == "da":
        return f"{day.day}. {_MONTHS_DA[day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def _every(freq: str, interval: int, lang: Language) -> str:
    en_one, en_many, da_noun, neuter = _UNITS[freq]
    if lang == "en":
        return f"every {en_one}" if interval == 1 else f"every {interval} {en_many}"
    every = "hvert" if neuter else "hver"
    if interval == 1:
        return f"{every} {da_noun}"
    if interval == 2:
        return f"{every} {'andet' if neuter else 'anden'} {da_noun}"
    return f"{every} {_DA_ORDINALS.get(interval, f'{interval}.')} {da_noun}"


def _weekday(token: str, lang: Language) -> str | None:
    code = token[-2:]
    if code not in _WEEKDAYS:
        return None
    name = _WEEKDAYS[code][0 if lang == "en" else 1]
    prefix = token[:-2]
    if not prefix:
        return name
    try:
        n = int(prefix)
    except ValueError:
        return None
    if lang == "en":
        if n == -1:
            return f"the last {name}"
        if n == -2:
            return f"the second-to-last {name}"
        return f"the {_EN_ORDINALS[n]} {name}" if n in _EN_ORDINALS else None
    if n == -1:
        return f"den sidste {name}"
    if n == -2:
        return f"den næstsidste {name}"
    return f"den {_DA_NTH[n]} {name}" if n in _DA_NTH else None


def _month_days(value: str, lang: Language) -> str | None:
    words: list[str] = []
    for token in value.split(","):
        try:
            n = int(token)
        except ValueError:
            return None
        if n == -1:
            words.append("the last day" if lang == "en" else "den sidste dag i måneden")
        elif 1 <= n <= 31:
            words.append(_en_nth(n) if lang == "en" else f"den {n}.")
        else:
            return None
    if lang == "en":
        return "on " + _join(words, lang)
    return _join(words, lang)


def _en_nth(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"the {n}{suffix}"


def _until(value: str) -> dt.date | None:
    try:
        return dt.date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except (ValueError, IndexError):
        return None


def _clock(parts: dict[str, str], lang: Language) -> str | None:
    hour, minute = parts.get("BYHOUR"), parts.get("BYMINUTE", "0")
    if hour is None or parts.get("BYSECOND", "0") != "0":
        return None
    if not (hour.isdigit() and minute.isdigit()):
        return None
    if lang == "da":
        return f"kl. {int(hour):02d}.{int(minute):02d}"
    return f"at {int(hour):02d}:{int(minute):02d}"


def describe_cadence(plan: EvaluationPlan, lang: Language = "en") -> str:
    """Describe how often the collaboration is evaluated, in plain Danish or English.

    The common parts of a rule are put in words: the frequency and interval,
    weekdays (with "first" or "last"), months, days of the month, the time of
    day, a count and an end date. A rule with parts beyond these keeps its
    text in brackets, so that nothing is silently left out.

    Args:
        plan: The evaluation plan.
        lang: ``"da"`` or ``"en"``.

    Returns:
        A phrase such as ``"every 3 months from 1 June 2026"`` or
        ``"hver tredje måned fra 1. juni 2026"``.

    Raises:
        ArgumentTypeError: ``plan`` is not an evaluation plan (a programming mistake).

    Examples:
        >>> import datetime as dt
        >>> from frivillig import EvaluationPlan
        >>> plan = EvaluationPlan(
        ...     rrule="FREQ=YEARLY;BYMONTH=3,9;BYDAY=-1FR;COUNT=4", first_date=dt.date(2026, 1, 1)
        ... )
        >>> describe_cadence(plan)
        'every year on the last Friday in March and September from 1 January 2026, 4 times in all'
        >>> describe_cadence(plan, "da")
        'hvert år den sidste fredag i marts og september fra 1. januar 2026, i alt 4 gange'
    """
    lang = require_language(lang)
    require_instance(plan, EvaluationPlan, "plan", "an EvaluationPlan")
    parts = _parts(plan)
    freq = parts.get("FREQ", "")
    interval_text = parts.get("INTERVAL", "1")
    undescribed = False
    interval = int(interval_text) if interval_text.isdigit() and int(interval_text) > 0 else 1
    if freq not in _UNITS:
        return _fallback(plan, lang)
    phrase = [_every(freq, interval, lang)]
    if "BYDAY" in parts:
        days = [_weekday(token, lang) for token in parts["BYDAY"].split(",")]
        if any(day is None for day in days):
            undescribed = True
        else:
            named = [day for day in days if day is not None]
            if lang == "en":
                phrase.append("on " + _join(named, lang))
            else:
                phrase.append(_join(named, lang))
    if "BYMONTHDAY" in parts:
        days_text = _month_days(parts["BYMONTHDAY"], lang)
        if days_text is None:
            undescribed = True
        else:
            phrase.append(days_text)
    if "BYMONTH" in parts:
        tokens = parts["BYMONTH"].split(",")
        if all(token.isdigit() and 1 <= int(token) <= 12 for token in tokens):
            names = _MONTHS_EN if lang == "en" else _MONTHS_DA
            phrase.append(
                ("in " if lang == "en" else "i ") + _join([names[int(t) - 1] for t in tokens], lang)
            )
        else:
            undescribed = True
    if parts.keys() & {"BYHOUR", "BYMINUTE", "BYSECOND"}:
        clock = _clock(parts, lang)
        if clock is None:
            undescribed = True
        else:
            phrase.append(clock)
    phrase.append(("from " if lang == "en" else "fra ") + _long_date(plan.first_date, lang))
    text = " ".join(phrase)
    if "COUNT" in parts and parts["COUNT"].isdigit():
        n = int(parts["COUNT"])
        if lang == "en":
            text += ", once only" if n == 1 else f", {n} times in all"
        else:
            text += ", kun én gang" if n == 1 else f", i alt {n} gange"
    if "UNTIL" in parts:
        end = _until(parts["UNTIL"])
        if end is None:
            undescribed = True
        else:
            text += (" until " if lang == "en" else " til og med ") + _long_date(end, lang)
    if undescribed or parts.keys() - _DESCRIBED - _DESCRIBED_TIME:
        text += f" ({'regel' if lang == 'da' else 'rule'}: {_body(plan)})"
    return text


def _fallback(plan: EvaluationPlan, lang: Language) -> str:
    start = _long_date(plan.first_date, lang)
    if lang == "da":
        return f"efter reglen {_body(plan)} fra {start}"
    return f"by the rule {_body(plan)} from {start}"


def rfc5545_text(plan: EvaluationPlan) -> str:
    """Write the plan as RFC 5545 text with its time zone, for a calendar.

    dateutil's own ``str()`` of a rule drops the time zone of its start, so the
    ``DTSTART;TZID=...`` line is written here from the plan's fields.

    Args:
        plan: The evaluation plan.

    Returns:
        Two lines: ``DTSTART;TZID=<zone>:<first date>T000000`` and ``RRULE:<rule>``.

    Raises:
        ArgumentTypeError: ``plan`` is not an evaluation plan (a programming mistake).

    Examples:
        >>> import datetime as dt
        >>> from frivillig import EvaluationPlan
        >>> plan = EvaluationPlan(rrule="FREQ=YEARLY", first_date=dt.date(2026, 9, 1))
        >>> print(rfc5545_text(plan))
        DTSTART;TZID=Europe/Copenhagen:20260901T000000
        RRULE:FREQ=YEARLY
    """
    require_instance(plan, EvaluationPlan, "plan", "an EvaluationPlan")
    start = plan.first_date.strftime("%Y%m%d")
    return f"DTSTART;TZID={plan.timezone}:{start}T000000\nRRULE:{_body(plan)}"


def render_schedule(
    collaboration: Collaboration,
    *,
    today: dt.date | dt.datetime,
    lang: Language = "en",
    count: int = 3,
    tolerance: EvaluationTolerance = DEFAULT_TOLERANCE,
) -> str:
    """Render a collaboration's evaluation cycle for a terminal, in Danish or English.

    The text gives the cadence in words, the status on ``today`` (overdue or
    not, and by how many days), every due date so far with the round that
    covered it, the missed rounds, and the next ``count`` due dates.

    Args:
        collaboration: The collaboration.
        today: The day to judge on (a date, or an aware datetime).
        lang: ``"da"`` or ``"en"``.
        count: How many upcoming due dates to list.
        tolerance: How early a round may be held and how long the grace period is.

    Returns:
        Lines of text, without a trailing newline.

    Raises:
        ArgumentTypeError: ``today`` is not a date or an aware datetime (a programming mistake).
    """
    lang = require_language(lang)
    if not (isinstance(today, dt.datetime) and today.utcoffset() is not None):
        today = require_date(today)  # a date; an aware datetime is read in the plan's time zone
    t = _TEXT[lang]
    plan = collaboration.evaluation_plan
    if plan is None:
        return t["no_plan"]
    status = evaluation_status(plan, collaboration.rounds, today=today, tolerance=tolerance)
    upcoming = next_due_dates(plan, after=status.today, count=count)
    lines = [
        f"{t['plan']}: {describe_cadence(plan, lang)}",
        status.to_text(lang),
        f"{t['upcoming']}: {', '.join(d.isoformat() for d in upcoming) or t['none']}",
    ]
    return "\n".join(lines)
