"""Evaluation: plans, rounds, responses and dyadic ratings, as data.

"A good collaboration is not built overnight": the talk asks the parties to
evaluate again and again whether the form they chose satisfies them. An
evaluation plan is a recurrence (an RFC 5545 RRULE, as calendars use) from a
first date; each round records every party's response and the decision taken.
The scheduling itself lives in [`frivillig.schedules`][].
"""

import calendar
import datetime as dt
import typing
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .._core.caches import lru
from .._core.frozenmap import FrozenMap
from .._core.labels import LabelledEnum
from .._reference.cpr import mask_cpr_like
from .formalisation import CollaborationLevel
from .validators import (
    FieldError,
    as_tuple,
    id_mapping,
    identifier,
    identifiers,
    number_range,
    optional_text,
    sequence_converters,
    strings,
    typed_fields,
    unique_ids,
)

if TYPE_CHECKING:
    from dateutil.rrule import rrule as RRule

__all__ = [
    "Decision",
    "DyadicRating",
    "EvaluationPlan",
    "EvaluationRound",
    "Response",
]

DEFAULT_TIMEZONE = "Europe/Copenhagen"


class Decision(LabelledEnum):
    """What the parties decided after an evaluation round."""

    CONTINUE = ("continue", "fortsæt", "continue")
    ADJUST_FORMALISATION = (
        "adjust_formalisation",
        "justér formaliseringen",
        "adjust the formalisation",
    )
    ADJUST_GOALS = ("adjust_goals", "justér målene", "adjust the goals")
    END = ("end", "afslut samarbejdet", "end the collaboration")


_FREQUENCIES = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
_HORIZON_YEARS = 20


def _rrule(_: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise FieldError(
            (attribute.name,), "expected RRULE text such as 'FREQ=MONTHLY;INTERVAL=6'", "type"
        )
    if len(value) > MAX_RRULE_LENGTH:
        # Checked before the kept answers, so that only short texts are kept.
        raise FieldError(
            (attribute.name,), f"is longer than {MAX_RRULE_LENGTH} characters", "length"
        )
    problem = _rrule_problem(value)
    if problem is not None:
        raise FieldError((attribute.name,), *problem)


MAX_RRULE_LENGTH = 500
"""The longest RRULE text a plan may hold."""

MAX_INTERVAL = 1000
"""The largest ``INTERVAL`` of a plan's rule."""

MAX_COUNT = 1000
"""The largest ``COUNT`` of a plan's rule."""

# The parts of RFC 5545's RRULE an evaluation plan may use. A plan falls on dates: a
# time of day may be named, but only one (BYHOUR, BYMINUTE and BYSECOND with one value
# each), so a plan recurs at most daily. BYYEARDAY, BYWEEKNO and BYEASTER, and a
# BYMONTHDAY with a BYDAY ("Friday the 13th"), are left out: no evaluation cadence needs
# them, and they are what makes a rule's dates decades apart, which would make every
# question about the next due date a search through the calendar.
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
_TIME_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND")


# Keys are at most MAX_RRULE_LENGTH characters, and answers are two short strings, so
# the 1,024 kept answers take at most about 1.5 MB (the budget in _core.caches).
@lru("evaluation.rrule_problems")
def _rrule_problem(value: str) -> tuple[str, str] | None:
    """Check RRULE text once per distinct text: portfolios repeat a few cadences many times."""
    try:
        _check_rrule(value)
    except FieldError as error:
        return error.message, error.code
    return None


def _whole(name: str, text: str, high: int) -> None:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= high:
        raise FieldError(
            ("rrule",), f"{name} must be a whole number from 1 to {high:,}, not {text!r}", "range"
        )


def _check_parts(body: str) -> None:
    """Refuse the parts of a rule that no evaluation plan needs, before dateutil reads it."""
    seen: dict[str, str] = {}
    for piece in body.split(";"):
        name, _, text = piece.partition("=")
        name = name.strip().upper()
        if not name:
            continue
        if name not in _ALLOWED_PARTS:
            raise FieldError(
                ("rrule",),
                f"{name} is not used in an evaluation plan; use FREQ, INTERVAL, COUNT, UNTIL, "
                "BYMONTH, BYMONTHDAY, BYDAY and BYSETPOS (and one time of day)",
                "format",
            )
        if name in seen:
            raise FieldError(("rrule",), f"{name} is given twice", "format")
        seen[name] = text.strip()
    if "INTERVAL" in seen:
        _whole("INTERVAL", seen["INTERVAL"], MAX_INTERVAL)
    if "COUNT" in seen:
        _whole("COUNT", seen["COUNT"], MAX_COUNT)
    for name in _TIME_PARTS:
        if "," in seen.get(name, ""):
            raise FieldError(
                ("rrule",),
                f"{name} has more than one value; an evaluation plan recurs at most once a day",
                "format",
            )
    if "BYMONTHDAY" in seen and "BYDAY" in seen:
        raise FieldError(
            ("rrule",),
            "BYMONTHDAY and BYDAY together are not used in an evaluation plan; give one of them",
            "format",
        )


def _check_rrule(value: str) -> None:
    if "DTSTART" in value.upper() or "\n" in value:
        raise FieldError(
            ("rrule",),
            "give only the RRULE part (e.g. 'FREQ=YEARLY'); the first date goes in 'first_date'",
            "format",
        )
    from dateutil.rrule import rrule as RRule  # here: slow to import
    from dateutil.rrule import rrulestr

    body = value[6:] if value.upper().startswith("RRULE:") else value
    _check_parts(body)
    start = dt.datetime(2000, 1, 1)  # noqa: DTZ001 - a parse check on wall-clock dates only
    try:
        rule = rrulestr(body, dtstart=start)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
        raise FieldError(
            ("rrule",),
            f"is not a valid RFC 5545 recurrence rule ({error}); e.g. 'FREQ=MONTHLY;INTERVAL=6'",
            "format",
        ) from None
    if not isinstance(rule, RRule):
        raise FieldError(("rrule",), "give exactly one RRULE", "format")
    frequency = next(
        (
            part.split("=", 1)[1].upper()
            for part in body.split(";")
            if part.upper().startswith("FREQ=")
        ),
        "",
    )
    if frequency not in _FREQUENCIES:
        raise FieldError(
            ("rrule",),
            "an evaluation plan recurs DAILY, WEEKLY, MONTHLY or YEARLY",
            "format",
        )
    # dateutil searches up to year 9999 for a rule that never matches; starting the search
    # _HORIZON_YEARS before that bounds the work (milliseconds instead of seconds). The
    # interval is left out here: which periods it steps through depends on the first date,
    # which _reaches_dates checks; without it, every period is tried.
    late_start = dt.datetime(dt.MAXYEAR - _HORIZON_YEARS, 1, 1)  # noqa: DTZ001 - as above
    late = rule.replace(dtstart=late_start, count=None, until=None, interval=1)
    try:
        found = late.after(late_start, inc=True)
    except (ValueError, OverflowError):  # dateutil stepped past 9999-12-31 without a date
        found = None
    if found is None:
        raise FieldError(
            ("rrule",),
            f"yields no date within {_HORIZON_YEARS} years (e.g. BYMONTH=2;BYMONTHDAY=30); "
            "check the BY... parts",
            "format",
        )


MAX_COUNTED_YEARS = 100
"""How many years after its first date the last date of a rule with ``COUNT`` may fall."""


def _reaches_dates(instance: Any, _: "attrs.Attribute[Any]", first_date: object) -> None:
    """The rule must reach its dates from its first date, within bounds.

    A rule with ``COUNT`` must reach its last date within ``MAX_COUNTED_YEARS``: a
    counted rule is expanded from its first date (a count cannot be resumed part-way),
    so its span bounds the work of every due date asked of it. A rule with an
    ``INTERVAL`` and ``BY...`` parts must yield a date from its first date: the first
    date sets which months (or years, weeks, days) the interval steps through, and
    ``FREQ=MONTHLY;INTERVAL=2;BYMONTH=1`` from a first date in February steps through
    February, April, ... and never meets January.
    """
    text = getattr(instance, "rrule", None)
    if not isinstance(text, str) or not isinstance(first_date, dt.date):
        return
    upper = text.upper()
    if "COUNT" not in upper and not ("INTERVAL" in upper and ";BY" in f";{upper}"):
        return
    if len(text) > MAX_RRULE_LENGTH or _rrule_problem(text):
        return
    problem = _span_problem(text, first_date)
    if problem is not None:
        raise FieldError(("rrule",), problem, "range")


def _phase_start(frequency: str, interval: int, first_date: dt.date) -> dt.date:
    """The latest date near the end of the calendar that an interval steps onto from ``first_date``.

    It is ``first_date`` moved on by whole intervals (days, weeks, months or years), so
    the rule steps through the same days, weeks, months or years from there as from
    ``first_date``; searching from there bounds the work to ``_HORIZON_YEARS``.
    """
    target = dt.date(dt.MAXYEAR - _HORIZON_YEARS, 1, 1)
    if first_date >= target:
        return first_date
    if frequency in ("DAILY", "WEEKLY"):
        step = interval * (7 if frequency == "WEEKLY" else 1)
        return first_date + dt.timedelta(days=(target - first_date).days // step * step)
    months = interval * (12 if frequency == "YEARLY" else 1)
    first = first_date.year * 12 + first_date.month - 1
    index = first + (target.year * 12 - first) // months * months
    while index > first:  # a day the month lacks (the 31st, 29 February): an interval back
        year, month = divmod(index, 12)
        if first_date.day <= calendar.monthrange(year, month + 1)[1]:
            return dt.date(year, month + 1, first_date.day)
        index -= months
    return first_date


# Keys are short texts and a date; answers are None or one sentence.
@lru("evaluation.span_problems")
def _span_problem(text: str, first_date: dt.date) -> str | None:
    from dateutil.rrule import rrulestr  # here: slow to import

    body = text[6:] if text.upper().startswith("RRULE:") else text
    parts = dict(piece.partition("=")[::2] for piece in body.upper().split(";"))
    if "COUNT" in parts:
        return _count_problem(body, parts, first_date)
    interval = int(parts.get("INTERVAL", "1"))
    late = _phase_start(parts["FREQ"], interval, first_date)
    start = dt.datetime.combine(late, dt.time())
    rule = typing.cast("RRule", rrulestr(body, dtstart=start)).replace(count=None, until=None)
    try:
        found = rule.after(start, inc=True)
    except (ValueError, OverflowError):  # dateutil stepped past 9999-12-31 without a date
        found = None
    if found is not None:
        return None
    return (
        f"yields no date from the first date {first_date.isoformat()}: with INTERVAL="
        f"{interval}, the dates it steps through never meet its BY... parts; change the "
        "first date or the rule"
    )


def _count_problem(body: str, parts: dict[str, str], first_date: dt.date) -> str | None:
    from dateutil.rrule import rrulestr  # here: slow to import

    wanted = int(parts.get("COUNT", "0"))
    start = dt.datetime.combine(first_date, dt.time())
    limit = dt.datetime.combine(
        dt.date(min(first_date.year + MAX_COUNTED_YEARS, dt.MAXYEAR), 12, 31), dt.time()
    )
    rule = typing.cast("RRule", rrulestr(body, dtstart=start)).replace(count=None)
    # Without its count the rule stops at its first date past the limit (or at the end of
    # the calendar), so the work is that of the span and one gap between dates.
    try:
        for found, occurrence in enumerate(rule, start=1):
            if occurrence > limit:
                break
            if found >= wanted:
                return None
    except (ValueError, OverflowError):  # dateutil stepped past 9999-12-31
        pass
    return (
        f"COUNT={wanted} reaches past the end of the {MAX_COUNTED_YEARS}th year after the "
        "first date; give fewer dates or an UNTIL date"
    )


# No IANA time zone is longer or has more parts ("America/Argentina/ComodRivadavia" is
# among the longest); zoneinfo looks a key up part by part, one import level per part,
# so a key of thousands of parts would exhaust the interpreter's recursion instead.
_LONGEST_TIMEZONE = 64
_MOST_TIMEZONE_PARTS = 4


def _timezone(_: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    import zoneinfo

    if len(value) <= _LONGEST_TIMEZONE and value.count("/") < _MOST_TIMEZONE_PARTS:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError, OSError):
            pass
        else:
            return
    # the message is made only for a name refused: most plans name a zone that exists
    problem = (
        f"{mask_cpr_like(value)[:_LONGEST_TIMEZONE]!r} is not an IANA time zone such as "
        "'Europe/Copenhagen'"
    )
    raise FieldError((attribute.name,), problem, "choice")


def _progress_map(value: Mapping[str, float]) -> FrozenMap[str, float]:
    return FrozenMap(value)


def _answer_map(value: Mapping[str, float | None]) -> FrozenMap[str, float | None]:
    return FrozenMap(value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class EvaluationPlan:
    """When and how the collaboration is evaluated.

    Attributes:
        rrule: The recurrence, as RFC 5545 RRULE text without DTSTART, e.g.
            ``"FREQ=MONTHLY;INTERVAL=6"`` for every six months.
        first_date: The date of the first evaluation; the recurrence counts from it.
        instruments: The ids of the instruments the parties answer.
        respondents: The ids of the parties that must answer.
        timezone: The IANA time zone the dates are in; Danish local time by default.
    """

    rrule: str = attrs.field(validator=_rrule)
    first_date: dt.date = attrs.field(validator=_reaches_dates)
    instruments: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=identifiers)
    respondents: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=identifiers)
    timezone: str = attrs.field(default=DEFAULT_TIMEZONE, validator=_timezone)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Response:
    """One party's response in an evaluation round.

    Attributes:
        party: The id of the responding party.
        satisfaction: Satisfaction with the form of collaboration, 1 (very
            dissatisfied) to 5 (very satisfied).
        goal_progress: Reported value of each goal's indicator, by goal id.
        instrument: The id of the instrument answered, if any.
        answers: Answers to the instrument's items, by item id; ``None`` for an
            item left unanswered.
        comment: A free-text comment.
    """

    party: str = attrs.field(validator=identifier)
    satisfaction: int | None = attrs.field(
        default=None, validator=number_range(1, 5, optional=True)
    )
    goal_progress: FrozenMap[str, float] = attrs.field(
        factory=FrozenMap, converter=_progress_map, validator=id_mapping(allow_none=False)
    )
    instrument: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(identifier)
    )
    answers: FrozenMap[str, float | None] = attrs.field(
        factory=FrozenMap, converter=_answer_map, validator=id_mapping(allow_none=True)
    )
    comment: str | None = attrs.field(default=None, validator=optional_text())


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DyadicRating:
    """How one party rates its relation to another, on the Levels of Collaboration scale.

    Attributes:
        rater: The id of the party that rates.
        ratee: The id of the party rated.
        level: The level of collaboration, from none (0) to collaboration (5).
    """

    rater: str = attrs.field(validator=identifier)
    ratee: str = attrs.field(validator=identifier)
    level: CollaborationLevel

    @ratee.validator
    def _check_ratee(self, attribute: "attrs.Attribute[Any]", value: str) -> None:
        if value == self.rater:
            raise FieldError(
                (attribute.name,), "a party cannot rate its relation to itself", "conflict"
            )


def _responses(value: Sequence[Response]) -> tuple[Response, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _ratings(value: Sequence[DyadicRating]) -> tuple[DyadicRating, ...]:
    return value if type(value) is tuple else as_tuple(value)


sequence_converters(_responses, _ratings)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class EvaluationRound:
    """One evaluation of the collaboration: who answered what, and what was decided.

    Attributes:
        id: The round's id within the collaboration.
        held_on: The date the round was held.
        responses: The parties' responses, at most one per party.
        ratings: Dyadic ratings between parties, at most one per ordered pair.
        decision: What the parties decided, once they have.
        final: Whether this is the final evaluation before the collaboration ends.
        summary: What came out of the round, in words.
    """

    id: str = attrs.field(validator=identifier)
    held_on: dt.date
    responses: tuple[Response, ...] = attrs.field(
        default=(), converter=_responses, validator=unique_ids("party")
    )
    ratings: tuple[DyadicRating, ...] = attrs.field(default=(), converter=_ratings)
    decision: Decision | None = None
    final: bool = False
    summary: str | None = attrs.field(default=None, validator=optional_text())

    @ratings.validator
    def _check_ratings(
        self, attribute: "attrs.Attribute[Any]", value: tuple[DyadicRating, ...]
    ) -> None:
        seen: set[tuple[str, str]] = set()
        for index, rating in enumerate(value):
            pair = (rating.rater, rating.ratee)
            if pair in seen:
                raise FieldError(
                    (attribute.name, index), f"{pair[0]!r} rates {pair[1]!r} twice", "duplicate"
                )
            seen.add(pair)
