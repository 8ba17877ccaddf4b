"""A plan's rule expanded into due dates: parsing, re-anchoring, the kept windows, due dates."""

import bisect
import datetime as dt
import zoneinfo
from collections.abc import Iterable, Iterator
from typing import Any, cast

import attrs
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

from .._core.arguments import require_date, require_instance
from .._core.caches import BoundedCache, bounded, date_tuple_bytes
from .._core.calendar import add_days, add_months
from .._model.evaluation import EvaluationPlan
from ..errors import ArgumentTypeError, ArgumentValueError

_MAX_COUNT = 10_000


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
    text: str
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
        text=_rule_body(text),
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


def _counted_bytes(key: tuple[str, dt.date], value: tuple[dt.date, ...]) -> int:
    return 256 + len(key[0]) + date_tuple_bytes(len(value))


# Every date of a rule with COUNT (at most 1,000), by rule and first date: such a rule
# counts from its first date, so each question would otherwise expand it from there.
_COUNTED: BoundedCache[tuple[str, dt.date], tuple[dt.date, ...]] = bounded(
    "schedules.counted_dates", _counted_bytes
)


def _counted_dates(parsed: _Rule) -> tuple[dt.date, ...]:
    """Every distinct local date of a rule with ``COUNT``, expanded once and kept."""
    key = (parsed.text, parsed.first)
    found = _COUNTED.get(key)
    if found is None:
        found = _COUNTED.put(key, tuple(_distinct(parsed.rule)))
    return found


def _dates(parsed: _Rule, start: dt.date | None = None) -> Iterator[dt.date]:
    """Yield the distinct local dates of the rule's occurrences, on or after ``start``."""
    if parsed.counted:
        every = _counted_dates(parsed)
        yield from every[0 if start is None else bisect.bisect_left(every, start) :]
        return
    rule = _expansion(parsed, start)
    occurrences: Iterable[dt.datetime]
    if start is None:
        occurrences = rule
    else:
        occurrences = rule.xafter(dt.datetime.combine(start, dt.time()), inc=True)
    yield from _distinct(occurrences)


def _distinct(occurrences: Iterable[dt.datetime]) -> Iterator[dt.date]:
    """The distinct local dates of the occurrences, in order, within the calendar."""
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


# Within its budget in frivillig._core.caches, however many plans and days are asked about.
_WINDOWS: BoundedCache[tuple[str, dt.date, int, dt.date, dt.date], Windows] = bounded(
    "schedules.windows", _windows_bytes
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
