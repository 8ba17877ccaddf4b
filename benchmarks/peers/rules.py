"""The rules both peers check in Python, as plain functions shared by their models.

Each mirrors a rule of frivillig's model (schema version 3) that frivillig too checks
in Python after msgspec has read the document: the CVR check digit, distinct members
of lists, unique ids, a pseudonymous id that is not shaped like a CPR number, the
one-RRULE evaluation plan (cached, like frivillig's), an IANA time zone, a time log's
month named by its first day, and the cross-field rules (an end before the start, a
target equal to its baseline, a plan before the collaboration starts, a status ended
from, role holders without a responsibility, one time log per volunteer, task and
month and none before the month of the start, ...) and the ids a collaboration refers
to (time logs' volunteers and tasks included).

What frivillig has msgspec check while it reads (types, ranges, lengths, id and
text patterns, enumerations, the 98 municipality codes, unknown fields) each peer
states declaratively in its own library's way: see ``MUNICIPALITY_CODES`` and the
patterns below, used as ``Literal``/``Meta``/``StringConstraints``.
"""

import datetime as dt
import functools
import zoneinfo
from collections.abc import Iterable
from typing import Any

from dateutil.rrule import rrule as RRule
from dateutil.rrule import rrulestr

import frivillig

ID_PATTERN = r"\A(?:[A-Za-z0-9][A-Za-z0-9_.:-]{0,127})\Z"
"""An id, for msgspec (Python's ``re``, searched), as frivillig's loader states it."""
ID_PATTERN_RUST = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"
"""The same for pydantic-core's Rust regex, where ``$`` is the end of the text only."""
NOT_BLANK = r"\S"
MUNICIPALITY_CODES = tuple(sorted(info.code for info in frivillig.municipalities()))
"""The 98 codes, for a ``Literal`` in each peer: checked where the JSON is read."""

RRULE_CACHE = 1024
"""Distinct RRULE texts (and first dates of counted rules) kept, as frivillig keeps."""

_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
_FREQUENCIES = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
_ALLOWED_PARTS = frozenset(
    {
        "FREQ",
        "INTERVAL",
        "COUNT",
        "UNTIL",
        "BYMONTH",
        "BYMONTHDAY",
        "BYDAY",
        "BYSETPOS",
        "WKST",
        "BYHOUR",
        "BYMINUTE",
        "BYSECOND",
    }
)
_HORIZON_YEARS = 20
_COUNTED_YEARS = 100
_LATE_START = dt.datetime(dt.MAXYEAR - _HORIZON_YEARS, 1, 1)  # noqa: DTZ001 - dates only
_ENDS_FROM = frozenset({"exploring", "agreeing_goals", "evaluating"})


def _fail(message: str) -> None:
    raise ValueError(message)


def cvr(value: str | None) -> str | None:
    """An 8-digit CVR number whose check digit matches, or ``None``."""
    if value is None:
        return None
    if not (len(value) == 8 and value.isascii() and value.isdigit()) or value[0] == "0":
        _fail("a CVR number is 8 digits, not starting with 0")
    if sum(w * int(d) for w, d in zip(_CVR_WEIGHTS, value, strict=True)) % 11:
        _fail("the CVR check digit does not match")
    return value


def pseudonym(value: str) -> str:
    """An id that is not shaped like a CPR number (a volunteer's, a role holder's)."""
    if frivillig.find_cpr_like(value):
        _fail("an id shaped like a CPR number")
    return value


def _parts(body: str) -> dict[str, str]:
    seen: dict[str, str] = {}
    for piece in body.split(";"):
        name, _, text = piece.partition("=")
        name = name.strip().upper()
        if not name:
            continue
        if name not in _ALLOWED_PARTS or name in seen:
            _fail(f"{name} is not allowed, or given twice")
        seen[name] = text.strip()
    for name, high in (("INTERVAL", 1000), ("COUNT", 1000)):
        text = seen.get(name)
        if text is not None and not (text.isascii() and text.isdigit() and 1 <= int(text) <= high):
            _fail(f"{name} is a whole number from 1 to {high}")
    if any("," in seen.get(name, "") for name in ("BYHOUR", "BYMINUTE", "BYSECOND")):
        _fail("one time of day at most")
    if "BYMONTHDAY" in seen and "BYDAY" in seen:
        _fail("BYMONTHDAY and BYDAY together")
    return seen


@functools.lru_cache(maxsize=RRULE_CACHE)
def _rrule_problem(value: str) -> str | None:
    try:
        _check_rrule(value)
    except ValueError as error:
        return str(error)
    return None


def _check_rrule(value: str) -> None:
    if not value.strip() or len(value) > 500 or "DTSTART" in value.upper() or "\n" in value:
        _fail("give only the RRULE part, at most 500 characters")
    body = value[6:] if value.upper().startswith("RRULE:") else value
    parts = _parts(body)
    try:
        rule = rrulestr(body, dtstart=dt.datetime(2000, 1, 1))  # noqa: DTZ001
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
        _fail(f"not a valid recurrence rule: {error}")
    if not isinstance(rule, RRule) or parts.get("FREQ", "").upper() not in _FREQUENCIES:
        _fail("an evaluation plan is one DAILY, WEEKLY, MONTHLY or YEARLY rule")
    try:
        found = rule.replace(dtstart=_LATE_START, count=None, until=None).after(
            _LATE_START, inc=True
        )
    except (ValueError, OverflowError):
        found = None
    if found is None:
        _fail("the rule yields no date")


def rrule_text(value: str) -> str:
    """A plan's RRULE text, checked once per distinct text (bounded, as frivillig does)."""
    problem = _rrule_problem(value)
    if problem is not None:
        _fail(problem)
    return value


@functools.lru_cache(maxsize=RRULE_CACHE)
def _span_problem(text: str, first_date: dt.date) -> bool:
    body = text[6:] if text.upper().startswith("RRULE:") else text
    wanted = int(dict(p.partition("=")[::2] for p in body.upper().split(";")).get("COUNT", "0"))
    start = dt.datetime.combine(first_date, dt.time())
    limit = dt.datetime.combine(
        dt.date(min(first_date.year + _COUNTED_YEARS, 9999), 12, 31), dt.time()
    )
    rule = rrulestr(body, dtstart=start).replace(count=None)  # type: ignore[union-attr]
    try:
        for found, occurrence in enumerate(rule, start=1):
            if occurrence > limit:
                break
            if found >= wanted:
                return False
    except (ValueError, OverflowError):
        pass
    return True


def plan(p: Any) -> None:
    """A rule with COUNT reaches its last date within 100 years of its first date."""
    if "COUNT" in p.rrule.upper() and _span_problem(p.rrule, p.first_date):
        _fail("COUNT reaches past 100 years after the first date")


def timezone(value: str) -> str:
    """An IANA time zone."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        _fail(f"{value!r} is not an IANA time zone")
    return value


def distinct(values: tuple[Any, ...] | None) -> tuple[Any, ...] | None:
    """No member listed twice."""
    if values is not None and len(set(values)) != len(values):
        _fail("a value is listed twice")
    return values


def unique(key: str) -> Any:
    """No two objects of a list with the same ``key``."""

    def check(values: tuple[Any, ...]) -> tuple[Any, ...]:
        if len({getattr(value, key) for value in values}) != len(values):
            _fail(f"a {key} is used twice")
        return values

    return check


def unique_pairs(ratings: tuple[Any, ...]) -> tuple[Any, ...]:
    """No pair of parties rated twice in a round."""
    if len({(r.rater, r.ratee) for r in ratings}) != len(ratings):
        _fail("a pair is rated twice")
    return ratings


def not_before(later: dt.date | None, earlier: dt.date | None, what: str) -> None:
    """``later`` is not before ``earlier`` (either may be missing)."""
    if later is not None and earlier is not None and later < earlier:
        _fail(f"{what} is before its start")


def _named(c: Any) -> Iterable[str | None]:
    """Every party id the collaboration names (None where a field is empty)."""
    yield c.initiator
    yield from c.responsibilities.values()
    for goal in c.goals:
        yield from (w.party for w in goal.wishes)
        yield from (a.party for a in goal.agreements)
    for task in c.tasks:
        yield task.led_by
    for volunteer in c.volunteers:
        yield volunteer.association
        if volunteer.child_certificate is not None:
            yield volunteer.child_certificate.checked_by
    if c.agreement is not None:
        yield from c.agreement.parties
    if c.forum is not None:
        yield from c.forum.agenda_set_by
    if c.evaluation_plan is not None:
        yield from c.evaluation_plan.respondents
    for round_ in c.rounds:
        for response in round_.responses:
            yield response.party
        for rating in round_.ratings:
            yield rating.rater
            yield rating.ratee


def _resolves(c: Any) -> bool:
    parties = {p.id for p in c.participants}
    named = set(_named(c))
    named.discard(None)
    if not parties.issuperset(named):
        return False
    volunteers = {v.id for v in c.volunteers}
    if any(not volunteers.issuperset(task.volunteers) for task in c.tasks):
        return False
    if c.time_logs:
        tasks = {task.id for task in c.tasks}
        if any(log.volunteer not in volunteers or log.task not in tasks for log in c.time_logs):
            return False
    goals = {g.id for g in c.goals}
    return all(
        goals.issuperset(response.goal_progress)
        for round_ in c.rounds
        for response in round_.responses
    )


def _value(member: Any) -> Any:
    return getattr(member, "value", member)


def collaboration(c: Any) -> None:
    """Check a collaboration's cross-field rules and every id it refers to."""
    not_before(c.end_on, c.start_on, "end_on")
    if c.ended_from is not None and (
        _value(c.status) != "ended" or _value(c.ended_from) not in _ENDS_FROM
    ):
        _fail("ended_from is for an ended collaboration, from exploring, agreeing or evaluating")
    for task, holder in c.responsibility_holders.items():
        pseudonym(holder)
        if task not in c.responsibilities:
            _fail("a role holder for a responsibility no party holds")
    if c.evaluation_plan is not None and c.evaluation_plan.first_date < c.start_on:
        _fail("the evaluation plan starts before the collaboration")
    if c.time_logs:
        time_logs(c.time_logs, c.start_on)
    if not _resolves(c):
        _fail("an id refers to nothing in the collaboration")


def time_logs(logs: tuple[Any, ...], start_on: dt.date) -> None:
    """One log per volunteer, task and month, none for a month before the start's month."""
    first = start_on.replace(day=1)
    if any(log.month < first for log in logs):
        _fail("a time log is for a month before the month of start_on")
    if len({(log.volunteer, log.task, log.month) for log in logs}) != len(logs):
        _fail("two time logs for the same volunteer, task and month")


def time_log(log: Any) -> None:
    """A pseudonymous volunteer id, and a month named by its first day."""
    pseudonym(log.volunteer)
    if log.month.day != 1:
        _fail("a time log's month is named by its first day")


def participant(p: Any, kind: str) -> None:
    """A municipality funds itself and gets no support; funding means money is brought."""
    share = p.budget_share_from_municipality
    if kind == "municipality" and share is not None and share != 1.0:
        _fail("a municipality's own budget comes from the municipality")
    if kind == "municipality" and p.support_schemes:
        _fail("a municipality does not receive support from itself")
    if p.funding_dkk_per_year and all(_value(r) != "money" for r in p.resources):
        _fail("a party that puts money in brings money")


def volunteer(v: Any) -> None:
    """A pseudonymous id, no association when engaged by the municipality, motives 1-7."""
    pseudonym(v.id)
    if _value(v.engagement) == "municipality" and v.association is not None:
        _fail("a volunteer engaged by the municipality has no association")
    if any(not 1 <= strength <= 7 for strength in v.motives.values()):
        _fail("a motive strength is 1 to 7")


def period(p: Any) -> None:
    """A period with children ends on or after the day it begins."""
    not_before(p.last_day, p.first_day, "last_day")


def indicator(i: Any) -> None:
    """A target differs from its baseline."""
    if i.baseline is not None and i.target == i.baseline:
        _fail("the target equals the baseline")


def rating(r: Any) -> None:
    """A party does not rate itself."""
    if r.rater == r.ratee:
        _fail("a party cannot rate itself")
