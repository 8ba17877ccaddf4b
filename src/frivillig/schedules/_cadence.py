"""A plan in words and in RFC 5545 text, and a collaboration's evaluation cycle rendered."""

import datetime as dt

from .._core.arguments import require_date, require_instance, require_language
from .._core.labels import Language
from .._core.wording import MONTH_NAMES
from .._model.collaboration import Collaboration
from .._model.evaluation import EvaluationPlan
from ._dates import _body, _parts, next_due_dates
from ._matching import evaluation_status
from ._status import _TEXT, DEFAULT_TOLERANCE, EvaluationTolerance

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
_MONTHS_EN = MONTH_NAMES["en"]
_MONTHS_DA = MONTH_NAMES["da"]
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
