"""What a schedule question answers with: the tolerance, due dates and their states, a status."""

import datetime as dt
from typing import Any

import attrs

from .._core.arguments import require_language
from .._core.labels import LabelledEnum, Language
from .._model.validators import FieldError, number_range


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
