"""The settings of the scores: health weights, formalisation thresholds, argument checks."""

import math
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .._core.arguments import require_date, require_instance
from .._core.frozenmap import FrozenMap
from .._model.collaboration import Collaboration
from .._model.validators import FieldError
from ..schedules import (
    DEFAULT_TOLERANCE,
    EvaluationTolerance,
)
from .instruments import (
    Instrument,
)

# -- settings -------------------------------------------------------------------------

COMPONENTS = (
    "goal_alignment",
    "equality",
    "co_creation_readiness",
    "formalisation_fit",
    "volunteer_fit",
    "evaluation_health",
)

DEFAULT_HEALTH_WEIGHTS: FrozenMap[str, float] = FrozenMap(
    {
        "goal_alignment": 0.25,
        "equality": 0.15,
        "co_creation_readiness": 0.10,
        "formalisation_fit": 0.15,
        "volunteer_fit": 0.15,
        "evaluation_health": 0.20,
    }
)
"""The default weights of the six scores in collaboration health.

Goals weigh most, as the talk calls clarifying them the most important thing;
then evaluation, then equality, formalisation and the volunteers' fit, and
co-creation readiness least, since it rests on the parties' own ratings. The
weights are the library's choice."""


def _health_weights(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, Mapping):
        raise FieldError((attribute.name,), "expected a mapping of score keys to weights", "type")
    for key, weight in value.items():
        if key not in COMPONENTS:
            raise FieldError(
                (attribute.name,),
                f"{str(key)[:40]!r} is not one of {', '.join(COMPONENTS)}",
                "choice",
            )
        if (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not math.isfinite(weight)
            or weight < 0
        ):
            raise FieldError(
                (attribute.name, key), "a weight is a finite number of 0 or more", "range"
            )
    if not any(weight > 0 for weight in value.values()):
        raise FieldError((attribute.name,), "at least one weight must be above 0", "range")


def _whole_range(low: int, high: int) -> Callable[[object, "attrs.Attribute[Any]", object], None]:
    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise FieldError(
                (attribute.name,), f"expected a whole number from {low} to {high}", "range"
            )

    return check


def _number_range(
    low: float, high: float
) -> Callable[[object, "attrs.Attribute[Any]", object], None]:
    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not low <= value <= high
        ):
            raise FieldError((attribute.name,), f"expected a number from {low} to {high}", "range")

    return check


@attrs.frozen(kw_only=True)
class FormalisationSettings:
    """The thresholds behind the formalisation recommendation; all are the library's defaults.

    Attributes:
        short_days: A collaboration planned to last at most this many days is
            short (default 90).
        long_days: A collaboration planned to last longer than this, or with no
            end date, runs for a long period (default 365).
        many_parties: This many parties or more are many (default 5).
        partnership_drivers: How many of money, many parties, a long period and
            closeness to authority call for a partnership agreement (default 3).
        loose_step_penalty: Points off the fit per step the actual level is
            looser than recommended (default 40).
        tight_step_penalty: Points off per step tighter than recommended (default 20).
        large_money_dkk: From this much money a year (the sum of the parties'
            ``funding_dkk_per_year``) the money alone calls for a partnership
            agreement (default DKK 1,000,000).
    """

    short_days: int = attrs.field(default=90, validator=_whole_range(1, 36_600))
    long_days: int = attrs.field(default=365, validator=_whole_range(1, 36_600))
    many_parties: int = attrs.field(default=5, validator=_whole_range(2, 10_000))
    partnership_drivers: int = attrs.field(default=3, validator=_whole_range(1, 4))
    loose_step_penalty: float = attrs.field(default=40.0, validator=_number_range(0, 100))
    tight_step_penalty: float = attrs.field(default=20.0, validator=_number_range(0, 100))
    large_money_dkk: int = attrs.field(
        default=1_000_000, validator=_whole_range(1, 1_000_000_000_000)
    )


@attrs.frozen(kw_only=True)
class ScoreSettings:
    """The settings of every score, with documented defaults.

    Attributes:
        health_weights: The weight of each of the six scores in collaboration
            health, by score key; see
            [`DEFAULT_HEALTH_WEIGHTS`][frivillig.DEFAULT_HEALTH_WEIGHTS]. A key
            left out weighs 0.
        motive_threshold: From which strength on the VFI's 1-7 scale a motive
            counts as strong, and so should be matched by a task (default 5,
            above the midpoint; the library's reading of the functional
            matching idea, whose exact match rule is unverified).
        formalisation: The thresholds of the formalisation recommendation.
        tolerance: How early and how late a round may be held (see
            [`frivillig.schedules`][frivillig.schedules]).
        late_credit: How much a round held late counts for punctuality, from
            0 to 1 (default 0.5).
        instruments: Instruments of your own, by id, for responses that name
            them; the built-in instruments are found without this.

    Raises:
        ValidationError: a weight is negative or names an unknown score, every
            weight is 0, or a threshold is out of range.
    """

    health_weights: FrozenMap[str, float] = attrs.field(
        default=DEFAULT_HEALTH_WEIGHTS, converter=FrozenMap, validator=_health_weights
    )
    motive_threshold: int = attrs.field(default=5, validator=_whole_range(1, 7))
    formalisation: FormalisationSettings = FormalisationSettings()
    tolerance: EvaluationTolerance = DEFAULT_TOLERANCE
    late_credit: float = attrs.field(default=0.5, validator=_number_range(0, 1))
    instruments: FrozenMap[str, Instrument] = attrs.field(factory=FrozenMap, converter=FrozenMap)


DEFAULT_SETTINGS = ScoreSettings()


def _check_today(today: object) -> None:
    """Refuse what is not a ``datetime.date`` (a ``datetime`` too), as ``check`` does."""
    require_date(today)


def _check_arguments(collaboration: object, settings: object) -> "ScoreSettings":
    """The settings to use, once the collaboration and the settings have their types."""
    require_instance(collaboration, Collaboration, "collaboration")
    if settings is None:
        return DEFAULT_SETTINGS
    return require_instance(settings, ScoreSettings, "settings")
