"""The rules both peers check, as plain functions shared by their models.

Each mirrors a rule of frivillig's model: ids, non-empty text of bounded length,
the 98 municipality codes, the CVR check digit, a one-RRULE evaluation plan, an
IANA time zone, distinct members of lists, unique ids, the cross-field rules
(an end before the start, a target equal to its baseline, ...) and the ids a
collaboration refers to. Type, range, enumeration and unknown-field checks are
each library's own.
"""

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from typing import Any

from dateutil.rrule import rrule as RRule
from dateutil.rrule import rrulestr

import frivillig

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"
NOT_BLANK = r"\S"
MUNICIPALITY_CODES = frozenset(info.code for info in frivillig.municipalities())
_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
_FREQUENCIES = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
_LATE_START = dt.datetime(dt.MAXYEAR - 20, 1, 1)  # noqa: DTZ001 - wall-clock dates only


def municipality_code(value: int) -> int:
    if value not in MUNICIPALITY_CODES:
        msg = f"{value} is not one of the 98 municipality codes"
        raise ValueError(msg)
    return value


def optional_municipality_code(value: int | None) -> int | None:
    return None if value is None else municipality_code(value)


def cvr(value: str | None) -> str | None:
    if value is None:
        return None
    if not (len(value) == 8 and value.isascii() and value.isdigit()) or value[0] == "0":
        msg = "a CVR number is 8 digits, not starting with 0"
        raise ValueError(msg)
    if sum(w * int(d) for w, d in zip(_CVR_WEIGHTS, value, strict=True)) % 11:
        msg = "the CVR check digit does not match"
        raise ValueError(msg)
    return value


def rrule_text(value: str) -> str:
    if len(value) > 500 or "DTSTART" in value.upper() or "\n" in value:
        msg = "give only the RRULE part, at most 500 characters"
        raise ValueError(msg)
    body = value[6:] if value.upper().startswith("RRULE:") else value
    try:
        rule = rrulestr(body, dtstart=dt.datetime(2000, 1, 1))  # noqa: DTZ001
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
        msg = f"not a valid recurrence rule: {error}"
        raise ValueError(msg) from None
    frequency = next(
        (p.split("=", 1)[1].upper() for p in body.split(";") if p.upper().startswith("FREQ=")), ""
    )
    if not isinstance(rule, RRule) or frequency not in _FREQUENCIES:
        msg = "an evaluation plan is one DAILY, WEEKLY, MONTHLY or YEARLY rule"
        raise ValueError(msg)
    late = rule.replace(dtstart=_LATE_START, count=None, until=None)
    if late.after(_LATE_START, inc=True) is None:
        msg = "the rule yields no date"
        raise ValueError(msg)
    return value


def timezone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        msg = f"{value!r} is not an IANA time zone"
        raise ValueError(msg) from None
    return value


def distinct(values: tuple[Any, ...]) -> tuple[Any, ...]:
    if len(set(values)) != len(values):
        msg = "a value is listed twice"
        raise ValueError(msg)
    return values


def unique(key: str) -> Any:
    def check(values: tuple[Any, ...]) -> tuple[Any, ...]:
        if len({getattr(value, key) for value in values}) != len(values):
            msg = f"a {key} is used twice"
            raise ValueError(msg)
        return values

    return check


def unique_pairs(ratings: tuple[Any, ...]) -> tuple[Any, ...]:
    if len({(r.rater, r.ratee) for r in ratings}) != len(ratings):
        msg = "a pair is rated twice"
        raise ValueError(msg)
    return ratings


def not_before(later: dt.date | None, earlier: dt.date | None, what: str) -> None:
    if later is not None and earlier is not None and later < earlier:
        msg = f"{what} is before its start"
        raise ValueError(msg)


def _dangling(c: Any) -> Iterable[str]:
    """Yield every id the collaboration names that is not one of its parts."""
    parties = {p.id for p in c.participants}
    volunteers = {v.id for v in c.volunteers}
    goals = {g.id for g in c.goals}
    named: list[str | None] = [c.initiator, *c.responsibilities.values()]
    for goal in c.goals:
        named.extend(w.party for w in goal.wishes)
        named.extend(a.party for a in goal.agreements)
    for task in c.tasks:
        named.append(task.led_by)
        yield from (v for v in task.volunteers if v not in volunteers)
    for volunteer in c.volunteers:
        named.append(volunteer.association)
        if volunteer.child_certificate is not None:
            named.append(volunteer.child_certificate.checked_by)
    if c.agreement is not None:
        named.extend(c.agreement.parties)
    if c.forum is not None:
        named.extend(c.forum.agenda_set_by)
    if c.evaluation_plan is not None:
        named.extend(c.evaluation_plan.respondents)
    for round_ in c.rounds:
        for response in round_.responses:
            named.append(response.party)
            yield from (g for g in response.goal_progress if g not in goals)
        for rating in round_.ratings:
            named.extend((rating.rater, rating.ratee))
    yield from (p for p in named if p is not None and p not in parties)


def collaboration(c: Any) -> None:
    """Check a collaboration's cross-field rules and every id it refers to."""
    not_before(c.end_on, c.start_on, "end_on")
    missing = next(iter(_dangling(c)), None)
    if missing is not None:
        msg = f"{missing!r} refers to nothing in the collaboration"
        raise ValueError(msg)


def participant(p: Any, kind: str) -> None:
    share = p.budget_share_from_municipality
    if share is not None and kind == "municipality" and share != 1.0:
        msg = "a municipality's own budget comes from the municipality"
        raise ValueError(msg)


def volunteer(v: Any) -> None:
    if v.engagement is frivillig.Engagement.MUNICIPALITY and v.association is not None:
        msg = "a volunteer engaged by the municipality has no association"
        raise ValueError(msg)
    if any(not 1 <= strength <= 7 for strength in v.motives.values()):
        msg = "a motive strength is 1 to 7"
        raise ValueError(msg)


def indicator(i: Any) -> None:
    if i.baseline is not None and i.target == i.baseline:
        msg = "the target equals the baseline"
        raise ValueError(msg)


def rating(r: Any) -> None:
    if r.rater == r.ratee:
        msg = "a party cannot rate itself"
        raise ValueError(msg)
