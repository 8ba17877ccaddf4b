"""Goals: what the parties want the collaboration to achieve, and their agreement to it.

The talk's most important advice: clarify the goals. A collaboration can only
develop once every party has stated its wishes and, through dialogue, agreed
on its goals. A goal therefore records each party's wishes, an indicator to
follow, and each party's agreement with its date.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs

from .._core.labels import LabelledEnum
from .validators import (
    MAX_TITLE,
    FieldError,
    as_tuple,
    identifier,
    number_range,
    optional_text,
    sequence_converters,
    text,
    typed_fields,
)

__all__ = ["Agreement", "Goal", "GoalStatus", "Indicator", "Wish"]


class GoalStatus(LabelledEnum):
    """How far a goal has come."""

    PROPOSED = ("proposed", "foreslået", "proposed")
    AGREED = ("agreed", "aftalt", "agreed")
    ACHIEVED = ("achieved", "nået", "achieved")
    PARTLY_ACHIEVED = ("partly_achieved", "delvist nået", "partly achieved")
    NOT_ACHIEVED = ("not_achieved", "ikke nået", "not achieved")
    DROPPED = ("dropped", "opgivet", "dropped")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Wish:
    """A wish one party stated before the goal was agreed.

    Attributes:
        party: The id of the party that stated it.
        text: The wish, in the party's words.
    """

    party: str = attrs.field(validator=identifier)
    text: str = attrs.field(validator=text())


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Agreement:
    """One party's agreement to a goal.

    Attributes:
        party: The id of the party that agreed.
        agreed_on: The date it agreed.
    """

    party: str = attrs.field(validator=identifier)
    agreed_on: dt.date


_finite = number_range(-1e15, 1e15, optional=True)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Indicator:
    """How progress towards a goal is measured: a baseline, a target and a unit.

    Attributes:
        name: What is measured, e.g. ``"residents with a weekly visit"``.
        unit: The unit, e.g. ``"residents"`` or ``"%"``.
        baseline: The value at the start, if known.
        target: The value the parties aim for.
    """

    name: str = attrs.field(validator=text(MAX_TITLE))
    unit: str = attrs.field(validator=text(50))
    baseline: float | None = attrs.field(default=None, validator=_finite)
    target: float = attrs.field(validator=_finite)

    @target.validator
    def _check_target(self, attribute: "attrs.Attribute[Any]", value: float) -> None:
        if self.baseline is not None and value == self.baseline:
            raise FieldError(
                (attribute.name,),
                "equals the baseline; a target must differ from where the goal starts",
                "conflict",
            )


def _wishes(value: Sequence[Wish]) -> tuple[Wish, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _agreements(value: Sequence[Agreement]) -> tuple[Agreement, ...]:
    return value if type(value) is tuple else as_tuple(value)


sequence_converters(_wishes, _agreements)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Goal:
    """A goal of the collaboration, with the wishes behind it and each party's agreement.

    Attributes:
        id: The goal's id within the collaboration.
        text: The goal, as the parties worded it.
        wishes: The wishes the parties stated that led to it.
        indicator: How progress is measured, if it is.
        agreements: The parties that agreed to it, and when; at most one per party.
        status: How far it has come.
        note: Anything the parties want remembered about the goal, in words: why
            it was changed, what it depends on.
    """

    id: str = attrs.field(validator=identifier)
    text: str = attrs.field(validator=text())
    wishes: tuple[Wish, ...] = attrs.field(default=(), converter=_wishes)
    indicator: Indicator | None = None
    agreements: tuple[Agreement, ...] = attrs.field(default=(), converter=_agreements)
    status: GoalStatus = GoalStatus.PROPOSED
    note: str | None = attrs.field(default=None, validator=optional_text())

    @agreements.validator
    def _check_agreements(
        self, attribute: "attrs.Attribute[Any]", value: tuple[Agreement, ...]
    ) -> None:
        seen: set[str] = set()
        for index, agreement in enumerate(value):
            if agreement.party in seen:
                raise FieldError(
                    (attribute.name, index, "party"),
                    f"party {agreement.party!r} agrees twice; keep one agreement per party",
                    "duplicate",
                )
            seen.add(agreement.party)

    def agreed_by(self) -> frozenset[str]:
        """Return the ids of the parties that have agreed to the goal."""
        return frozenset(agreement.party for agreement in self.agreements)
