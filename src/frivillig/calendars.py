"""Evaluation plans as calendars: an iCalendar (``.ics``) file for Outlook and Google Calendar.

Municipal staff keep their appointments in Outlook; a collaboration's
[`EvaluationPlan`][frivillig.EvaluationPlan] reaches it as an RFC 5545 file with
one recurring event per collaboration that has a plan. The file is made with the
``icalendar`` package (the ``ics`` extra: ``pip install 'frivillig[ics]'``).

**What the file holds.** One ``VCALENDAR`` (``PRODID`` naming frivillig and its
version, ``VERSION:2.0``), a ``VTIMEZONE`` for every time zone the plans use
(generated from the system's time zone data, or the ``tzdata`` package, by
icalendar), and per planned collaboration one ``VEVENT``:

- ``UID``: ``<collaboration id>.evaluation@frivillig``, the same on every export,
  so that a calendar that reads the file again updates the series rather than
  adding a second one. An id holding a CPR-shaped number is never written: its
  UID is a hash of the id instead (in letters only, so that it cannot look like
  one either).
- ``DTSTART;TZID=<the plan's zone>`` at 09:00 local time on the first due date,
  ``DTEND`` half an hour later, and ``TRANSP:TRANSPARENT`` (the reminder does not
  block the day). A plan in UTC is written in UTC (``...Z``), which needs no
  ``VTIMEZONE``.
- ``RRULE``: the plan's rule, read and written by icalendar (never through
  ``str()`` of a dateutil rule, which drops the time zone), with ``WKST``
  always given, the time of day (``BYHOUR``, ``BYMINUTE``, ``BYSECOND``) left out
  and an ``UNTIL`` rewritten in UTC, as RFC 5545 requires beside a ``TZID``.
- ``EXDATE``: the due dates a round has already answered (see below).
- ``SUMMARY`` ``Evaluering: <title>`` and a ``DESCRIPTION`` with the cadence in
  Danish ([`describe_cadence`][frivillig.schedules.describe_cadence]), each one line
  with every control character shown as a visible escape and every CPR-shaped
  number masked.
- ``DTSTAMP``: midnight UTC at the start of ``today``; without ``today``, of the
  latest day the collaboration's data names (its last round held, or its plan's
  first date). The clock is never read, so the same input gives the same bytes.

**Why 09:00 local time.** The library's due dates are local dates, worked out in
wall-clock time (see [`frivillig.schedules`][]). A recurring event whose
``DTSTART`` has a ``TZID`` is expanded in the same wall-clock time by every
calendar, so each occurrence falls on its due date at 09:00 local time whether
daylight saving time is in force or not, also on the days the clocks change (in
Europe/Copenhagen from 02:00 to 03:00 in March and back in October). Midnight
would be the wrong choice: in some zones the clocks change at midnight, and a
time that does not exist is moved, in RFC 5545's reading, by the length of the
gap, which at midnight moves it to another day. Nine in the morning is far from
any change of the clocks, and is when a reminder is useful. A plan's own time of
day is not carried over: the plan says on which day an evaluation is due, and a
late-evening time could move to the next day in a zone that changes its clocks
then. An all-day event (``VALUE=DATE``) would also keep the dates, but has no
time zone, shows as a banner without a reminder in Outlook, and cannot carry the
plan's zone to a reader elsewhere.

**Rounds already held: EXDATEs.** A due date that a round has answered (held on
time or late, as [`evaluation_status`][frivillig.schedules.evaluation_status]
matches rounds to due dates on ``today``) is taken out of the series with an
``EXDATE``. The calendar is a to-do list: an occurrence is an evaluation that is
due and not yet held. When a round is held, the next export clears its
reminder, while a missed or overdue due date stays visible. The rounds
themselves are not written as events: the record of a round is in the
collaboration's data, not in a colleague's calendar. A round held early (within
the days before its due date that
[`EvaluationTolerance`][frivillig.schedules.EvaluationTolerance] allows) clears
its due date too; a round dated after ``today``, or older than the status looks
back ([`LOOKBACK_YEARS`][frivillig.schedules.LOOKBACK_YEARS]), clears nothing.

A collaboration without a plan, or whose plan has no due date, contributes no
event. Like the rest of the library, the series follows the plan alone: a
collaboration's ``end_on`` does not end it.

Examples:
    >>> import datetime as dt
    >>> import frivillig
    >>> from frivillig import calendars
    >>> data = calendars.to_ics(frivillig.load_example(), today=dt.date(2026, 11, 27))
    >>> data.startswith(b"BEGIN:VCALENDAR")
    True
    >>> b"DTSTART;TZID=Europe/Copenhagen:20260601T090000" in data
    True
"""

import datetime as dt
import hashlib
import zoneinfo
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._core.arguments import require_date
from ._core.extras import require_extra
from ._core.files import PathLike, replacing_binary
from ._model.collaboration import Collaboration
from ._model.evaluation import EvaluationPlan
from ._model.portfolio import Portfolio
from ._privacy import terminal_safe
from ._reference.cpr import find_cpr_like
from ._version import __version__
from .errors import ArgumentTypeError
from .schedules import DueState, describe_cadence, evaluation_status, next_due_dates

if TYPE_CHECKING:
    from icalendar import Calendar, Event

__all__ = ["EVENT_TIME", "to_ics", "write_ics"]

EVENT_TIME = dt.time(9, 0)
"""The local time of day at which each due date's event starts (09:00)."""

_EVENT_LENGTH = dt.timedelta(minutes=30)
_PRODID = f"-//frivillig//frivillig {__version__}//DA"
_TIME_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND")
_ANSWERED = (DueState.HELD, DueState.HELD_LATE)
# The years a VTIMEZONE lists the changes of the clocks for, after the latest of
# "today" and the first due dates; a calendar re-exported later gets later years.
_ZONE_YEARS = 31
_LAST_ZONE_DAY = dt.date(9990, 1, 1)  # icalendar overflows at the very end of the calendar
_UTC_KEYS = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Zulu"})


def _icalendar() -> Any:
    return require_extra("icalendar", "ics", what="writing a calendar needs")


def _collaborations(obj: object) -> tuple[tuple[Collaboration, ...], str]:
    """The collaborations of ``obj`` and the calendar's name, or the caller's mistake."""
    if isinstance(obj, Collaboration):
        return (obj,), f"Evaluering: {terminal_safe(obj.title)}"
    if isinstance(obj, Portfolio):
        return obj.collaborations, f"Evalueringer: {terminal_safe(obj.title)}"
    hint = ""
    if isinstance(obj, dict):
        hint = "; read a dict with frivillig.from_dict first"
    elif isinstance(obj, str | bytes):
        hint = "; read JSON text with frivillig.loads first"
    msg = f"obj must be a Collaboration or a Portfolio, got {type(obj).__name__}{hint}"
    raise ArgumentTypeError(msg)


def _uid(collaboration_id: str) -> str:
    """A UID from the collaboration's id alone; a hash of it when the id looks like a CPR number."""
    if not find_cpr_like(collaboration_id):
        return f"{collaboration_id}.evaluation@frivillig"
    digest = hashlib.sha256(collaboration_id.encode("utf-8")).hexdigest()[:32]
    letters = digest.translate(str.maketrans("0123456789abcdef", "abcdefghijklmnop"))
    return f"{letters}.evaluation@frivillig"


def _reference_day(collaboration: Collaboration, today: dt.date | None) -> dt.date:
    """``today``, or the latest day the collaboration's plan and rounds name."""
    if today is not None:
        return today
    plan = collaboration.evaluation_plan
    days = [round_.held_on for round_ in collaboration.rounds]
    if plan is not None:
        days.append(plan.first_date)
    return max(days, default=collaboration.start_on)


def _zone(key: str) -> dt.tzinfo:
    return dt.UTC if key in _UTC_KEYS else zoneinfo.ZoneInfo(key)


def _at(day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    """The event's start on ``day``: 09:00 local wall-clock time in ``zone``."""
    return dt.datetime.combine(day, EVENT_TIME, tzinfo=zone)


def _rule(icalendar: Any, plan: EvaluationPlan, zone: dt.tzinfo) -> Any:
    """The plan's rule as icalendar's ``vRecur``, ready to stand beside a 09:00 ``DTSTART``.

    The rule is expanded from midnight (or its one time of day) by the library,
    one occurrence a day at most, so leaving the time of day out keeps its dates
    and its ``COUNT``. An ``UNTIL`` keeps the dates whose occurrence the library
    reaches by then: the last such date's 09:00, in UTC.
    """
    text = plan.rrule.strip()
    body = text[6:] if text.upper().startswith("RRULE:") else text
    rule = icalendar.vRecur.from_ical(body.upper())
    hour, minute, second = (int(rule.get(part, [0])[0]) for part in _TIME_PARTS)
    named = dt.time(hour, minute, second)
    for part in _TIME_PARTS:
        rule.pop(part, None)
    rule.setdefault("WKST", ["MO"])
    if "UNTIL" in rule:
        until = rule["UNTIL"][0]
        if not isinstance(until, dt.datetime):
            until = dt.datetime.combine(until, dt.time())
        last = until.date() if named <= until.time() else until.date() - dt.timedelta(days=1)
        rule["UNTIL"] = [_at(last, zone).astimezone(dt.UTC)]
    return rule


def _description(plan: EvaluationPlan, collaboration: Collaboration, excluded: int) -> str:
    lines = [
        f"Evaluering af samarbejdet {terminal_safe(collaboration.title)}.",
        f"Kadence: {terminal_safe(describe_cadence(plan, 'da'))}.",
    ]
    if excluded:
        lines.append(
            "Datoer, hvor en evalueringsrunde allerede er holdt, er taget ud af serien "
            f"({excluded})."
        )
    lines.append(f"Tidszone: {plan.timezone}. Dannet af frivillig {__version__}.")
    return "\n".join(lines)


def _event(
    icalendar: Any, collaboration: Collaboration, today: dt.date | None
) -> tuple["Event", str, dt.date, dt.date] | None:
    """The collaboration's recurring event, its zone, first due date and reference day."""
    plan = collaboration.evaluation_plan
    if plan is None:
        return None
    first = next_due_dates(plan, after=plan.first_date, inclusive=True)
    if not first:
        return None
    day = _reference_day(collaboration, today)
    zone = _zone(plan.timezone)
    status = evaluation_status(plan, collaboration.rounds, today=day)
    answered = [entry.due_on for entry in status.due if entry.state in _ANSWERED]
    event = icalendar.Event()
    event.add("uid", _uid(collaboration.id))
    event.add("dtstamp", dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC))
    start = _at(first[0], zone)
    event.add("dtstart", start)
    event.add("dtend", start + _EVENT_LENGTH)
    event.add("rrule", _rule(icalendar, plan, zone))
    if answered:
        event.add("exdate", [_at(due, zone) for due in answered])
    event.add("summary", f"Evaluering: {terminal_safe(collaboration.title)}")
    event.add("description", _description(plan, collaboration, len(answered)))
    event.add("transp", "TRANSPARENT")
    return event, plan.timezone, first[0], day


def _calendar(
    collaborations: Sequence[Collaboration], name: str, today: dt.date | None
) -> "Calendar":
    """The calendar of the collaborations' plans; the command line calls it for any input."""
    icalendar = _icalendar()
    calendar: Calendar = icalendar.Calendar()
    calendar.add("prodid", _PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    events = [_event(icalendar, c, today) for c in collaborations]
    spans: dict[str, tuple[dt.date, dt.date]] = {}
    for found in events:
        if found is None:
            continue
        _, key, first, day = found
        low, high = spans.get(key, (first, first))
        spans[key] = (min(low, first), max(high, first, day))
    for key in sorted(spans):
        if key not in _UTC_KEYS:
            calendar.add_component(_timezone(icalendar, key, *spans[key]))
    for found in events:
        if found is not None:
            calendar.add_component(found[0])
    return calendar


def _timezone(icalendar: Any, key: str, first: dt.date, latest: dt.date) -> Any:
    """The zone's VTIMEZONE: its changes of the clocks from the first event on, for 31 years."""
    last = min(dt.date(min(latest.year + _ZONE_YEARS, dt.MAXYEAR), 1, 1), _LAST_ZONE_DAY)
    start = min(dt.date(first.year, 1, 1), dt.date(last.year - 1, 1, 1))
    return icalendar.Timezone.from_tzid(key, first_date=start, last_date=last)


def to_ics(obj: Collaboration | Portfolio, *, today: dt.date | None = None) -> bytes:
    """Write the evaluation plans of a collaboration or a portfolio as an iCalendar file.

    One recurring event per collaboration that has a plan, at 09:00 local time on
    each due date, with the due dates a round has answered left out; see the
    module documentation for what the file holds and why.

    Args:
        obj: A collaboration, or a portfolio (one event per planned collaboration).
        today: The day the rounds held are judged on, and the events' ``DTSTAMP``;
            by default each collaboration's latest round held (or its plan's first
            date), so that the output depends on the data alone.

    Returns:
        The calendar as RFC 5545 bytes (UTF-8, lines ending in CRLF).

    Raises:
        ArgumentTypeError: ``obj`` is not a collaboration or a portfolio, or
            ``today`` is not a ``datetime.date`` (a ``datetime`` or a string is
            refused): programming mistakes.
        MissingExtraError: icalendar is not installed (``pip install 'frivillig[ics]'``).

    Examples:
        >>> import datetime as dt
        >>> import frivillig
        >>> from frivillig import calendars
        >>> data = calendars.to_ics(frivillig.load_example(), today=dt.date(2026, 11, 27))
        >>> for line in data.decode().splitlines():
        ...     if line.startswith(("UID", "RRULE", "EXDATE")):
        ...         print(line)
        UID:kbh-valmuen-besoegsvenner.evaluation@frivillig
        RRULE:FREQ=MONTHLY;INTERVAL=3;WKST=MO
        EXDATE;TZID=Europe/Copenhagen:20260601T090000,20260901T090000
    """
    collaborations, name = _collaborations(obj)
    if today is not None:
        today = require_date(today)
    return bytes(_calendar(collaborations, name, today).to_ical())


def write_ics(
    obj: Collaboration | Portfolio, path: PathLike, *, today: dt.date | None = None
) -> None:
    """Write the evaluation plans of a collaboration or a portfolio to an ``.ics`` file.

    The file holds what [`to_ics`][frivillig.calendars.to_ics] returns, and is
    written whole or not at all: to a temporary file beside ``path``, moved over
    it once complete, so a failure leaves an existing file as it was.

    Args:
        obj: A collaboration or a portfolio.
        path: The file to write; its folder must exist.
        today: As for [`to_ics`][frivillig.calendars.to_ics].

    Raises:
        ArgumentTypeError: ``obj``, ``path`` or ``today`` has the wrong type
            (programming mistakes).
        MissingExtraError: icalendar is not installed (``pip install 'frivillig[ics]'``).
        OSError: the file cannot be written (no such folder, no permission, no space).
    """
    data = to_ics(obj, today=today)
    if not isinstance(path, str) and not hasattr(path, "__fspath__"):
        msg = f"path must be a str or an os.PathLike, got {type(path).__name__}"
        raise ArgumentTypeError(msg)
    with replacing_binary(path) as handle:
        handle.write(data)
