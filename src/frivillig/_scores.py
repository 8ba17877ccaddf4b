"""Scores: explainable measures of how well a collaboration works.

Every score is a pure function of the collaboration (and, where the calendar
matters, of "today", passed in), runs from 0 to 100, and returns the weighted
parts it was made of, each with its own value, weight and explanation in
Danish and English, so that a caseworker can see why. A score's value is the
weighted mean of its parts that have a value; a part without material (no
volunteers, no rounds yet) is left out and the other weights count in its
place. When no part has a value the score's value is ``None``.

The weights and thresholds are the library's own choices, documented on each
score function and on [`ScoreSettings`][frivillig.ScoreSettings]; none comes
from a published source. A 1-5 rating ``x`` counts as ``(x - 1) / 4 * 100``.
"""

import datetime as dt
import functools
import math
import statistics
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from ._actors import ActorKind, VoluntaryOrganisation
from ._collaboration import Collaboration, VolunteerModel
from ._evaluation import EvaluationRound
from ._formalisation import FormalisationLevel
from ._frozenmap import FrozenMap
from ._goals import GoalStatus
from ._instruments import (
    Instrument,
    InstrumentResult,
    Note,
    built_in_instrument,
    get_instrument,
    result_fraction_at,
    score_answers_at,
)
from ._labels import LabelledEnum, Language
from ._participation import Resource
from ._privacy import terminal_safe
from ._tasks import TaskKind
from ._validators import FieldError, render_path
from .errors import Problem, ValidationError
from .schedules import (
    DEFAULT_TOLERANCE,
    DueState,
    EvaluationTolerance,
    evaluation_status,
    next_due_dates,
)

__all__ = [
    "DEFAULT_HEALTH_WEIGHTS",
    "FormalisationDriver",
    "FormalisationRecommendation",
    "FormalisationSettings",
    "Score",
    "ScorePart",
    "ScoreSettings",
    "co_creation_readiness",
    "collaboration_health",
    "equality",
    "evaluation_health",
    "formalisation_fit",
    "goal_alignment",
    "recommend_formalisation",
    "render_scores",
    "score_all",
    "volunteer_fit",
]

LOW = 0.0
HIGH = 100.0


@attrs.frozen(kw_only=True)
class ScorePart:
    """One weighted component of a score.

    Attributes:
        key: A stable id of the part, e.g. ``"agreement"``.
        label_da: The part's name in Danish.
        label_en: The part's name in English.
        value: The part's value from 0 to 100, or ``None`` when there was no
            material for it (it is then left out of the score).
        weight: The part's weight in the score.
        explanation_da: How the value came about, in Danish.
        explanation_en: How the value came about, in English.
    """

    key: str
    label_da: str
    label_en: str
    value: float | None
    weight: float
    explanation_da: str
    explanation_en: str

    def label(self, lang: Language = "en") -> str:
        """Return the part's name in the given language."""
        return self.label_da if lang == "da" else self.label_en

    def explanation(self, lang: Language = "en") -> str:
        """Return the explanation in the given language."""
        return self.explanation_da if lang == "da" else self.explanation_en


@attrs.frozen(kw_only=True)
class Score:
    """An explainable score: its value, its range, and the weighted parts it was made of.

    Attributes:
        key: A stable id of the score, e.g. ``"goal_alignment"``.
        label_da: The score's name in Danish.
        label_en: The score's name in English.
        value: The weighted mean of the parts that have a value, from ``low``
            to ``high``; ``None`` when no part has one.
        low: The lowest value possible (0).
        high: The highest value possible (100).
        parts: The weighted components.
        notes: Further explanation, e.g. a recommendation and its reasons.
    """

    key: str
    label_da: str
    label_en: str
    value: float | None
    low: float = LOW
    high: float = HIGH
    parts: tuple[ScorePart, ...] = ()
    notes: tuple[Note, ...] = ()

    def label(self, lang: Language = "en") -> str:
        """Return the score's name in the given language."""
        return self.label_da if lang == "da" else self.label_en

    def to_text(self, lang: Language = "en") -> str:
        """Render the score, its parts and its notes for a terminal, in Danish or English.

        Examples:
            >>> import frivillig
            >>> score = frivillig.goal_alignment(frivillig.load_example())
            >>> print(score.to_text("en"))  # doctest: +NORMALIZE_WHITESPACE
            Goal alignment: 100.0 of 100
              - agreement (weight 0.70): 100.0 - on average 100% of the 4 parties agreed
                to each of the 2 goals
              - wishes (weight 0.30): 100.0 - 4 of the 4 parties stated at least one wish
        """
        word = "af" if lang == "da" else "of"
        value = _shown(self.value, lang)
        lines = [f"{self.label(lang)}: {value} {word} {_number(self.high, lang, 0)}"]
        for part in self.parts:
            weight = _number(part.weight, lang, 2)
            weight_word = "vægt" if lang == "da" else "weight"
            lines.append(
                f"  - {part.label(lang)} ({weight_word} {weight}): "
                f"{_shown(part.value, lang)} - {part.explanation(lang)}"
            )
        lines.extend(f"  {note.get(lang)}" for note in self.notes)
        return "\n".join(lines)


def _number(value: float, lang: Language, digits: int = 1) -> str:
    shown = f"{value:.{digits}f}"
    return shown.replace(".", ",") if lang == "da" else shown


def _shown(value: float | None, lang: Language) -> str:
    if value is None:
        return "intet grundlag" if lang == "da" else "no data"
    return _number(value, lang)


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _combine(parts: Iterable[ScorePart]) -> float | None:
    weights: list[float] = []
    weighted: list[float] = []
    for part in parts:
        if part.value is not None:
            weights.append(part.weight)
            weighted.append(part.weight * part.value)
    total = math.fsum(weights)
    if not weights or total <= 0:
        return None
    value = math.fsum(weighted) / total
    return min(max(value, LOW), HIGH)


def _score(
    key: str, label_da: str, label_en: str, parts: list[ScorePart], notes: Iterable[Note] = ()
) -> Score:
    return Score(
        key=key,
        label_da=label_da,
        label_en=label_en,
        value=_combine(parts),
        parts=tuple(parts),
        notes=tuple(notes),
    )


def _likert(value: float) -> float:
    return (value - 1) / 4 * HIGH


def _part(
    key: str,
    labels: tuple[str, str],
    value: float | None,
    weight: float,
    explanation: tuple[str, str],
) -> ScorePart:
    if value is None:
        return _fixed_part(key, labels, None, weight, explanation)
    return ScorePart(
        key=key,
        label_da=labels[0],
        label_en=labels[1],
        value=min(max(value, LOW), HIGH),
        weight=weight,
        explanation_da=explanation[0],
        explanation_en=explanation[1],
    )


@functools.lru_cache(maxsize=256, typed=True)
def _fixed_part(
    key: str,
    labels: tuple[str, str],
    value: float | None,
    weight: float,
    explanation: tuple[str, str],
) -> ScorePart:
    """A part that is the same in every collaboration that has it, made once and kept.

    Parts without material (value ``None``) and the fixed ones of a missing forum
    or plan say the same everywhere; at most 256 are kept.
    """
    return ScorePart(
        key=key,
        label_da=labels[0],
        label_en=labels[1],
        value=None if value is None else min(max(value, LOW), HIGH),
        weight=weight,
        explanation_da=explanation[0],
        explanation_en=explanation[1],
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
    """

    short_days: int = attrs.field(default=90, validator=_whole_range(1, 36_600))
    long_days: int = attrs.field(default=365, validator=_whole_range(1, 36_600))
    many_parties: int = attrs.field(default=5, validator=_whole_range(2, 10_000))
    partnership_drivers: int = attrs.field(default=3, validator=_whole_range(1, 4))
    loose_step_penalty: float = attrs.field(default=40.0, validator=_number_range(0, 100))
    tight_step_penalty: float = attrs.field(default=20.0, validator=_number_range(0, 100))


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


# -- goal alignment -------------------------------------------------------------------


def goal_alignment(collaboration: Collaboration) -> Score:
    """Score how far the parties have stated their wishes and agreed on the goals.

    The talk calls this the most important thing: a collaboration can only
    develop once every party has stated its wishes and agreed to its goals.
    Dropped goals are left out; agreements and wishes by someone who is not a
    party do not count. One more party agreeing to a goal never lowers the score.

    Args:
        collaboration: The collaboration.

    Returns:
        The score, with the parts *agreement* (0.7) and *wishes* (0.3).
    """
    parties = collaboration.party_ids
    goals = [goal for goal in collaboration.goals if goal.status is not GoalStatus.DROPPED]
    n = len(parties)
    if not n:
        agreement = _part(
            "agreement",
            ("aftale", "agreement"),
            None,
            0.7,
            ("samarbejdet har ingen parter", "the collaboration has no parties"),
        )
        wishes = _part(
            "wishes",
            ("ønsker", "wishes"),
            None,
            0.3,
            ("samarbejdet har ingen parter", "the collaboration has no parties"),
        )
        return _score("goal_alignment", "Målafstemning", "Goal alignment", [agreement, wishes])
    if goals:
        shares = [len(goal.agreed_by() & parties) / n for goal in goals]
        mean_share = statistics.fmean(shares)
        agreement = _part(
            "agreement",
            ("aftale", "agreement"),
            mean_share * HIGH,
            0.7,
            (
                f"i gennemsnit har {_percent(mean_share)} af de {n} parter tilsluttet sig "
                f"hvert af de {len(goals)} mål",
                f"on average {_percent(mean_share)} of the {n} parties agreed to each of "
                f"the {len(goals)} goals",
            ),
        )
    else:
        agreement = _fixed_part(
            "agreement",
            ("aftale", "agreement"),
            0.0,
            0.7,
            ("der er endnu ingen mål at være enige om", "there are no goals to agree on yet"),
        )
    wishing = {wish.party for goal in goals for wish in goal.wishes} & parties
    wishes = _part(
        "wishes",
        ("ønsker", "wishes"),
        len(wishing) / n * HIGH,
        0.3,
        (
            f"{len(wishing)} af de {n} parter har fremsat mindst ét ønske",
            f"{len(wishing)} of the {n} parties stated at least one wish",
        ),
    )
    return _score("goal_alignment", "Målafstemning", "Goal alignment", [agreement, wishes])


# -- equality -------------------------------------------------------------------------


def equality(collaboration: Collaboration) -> Score:
    """Score the power balance: economic dependence against shared decision making.

    The talk: the collaboration "cannot fully escape that one party depends
    economically on the other", so the parties must work at meeting as equals.
    The most dependent party sets the independence part; a forum whose agenda
    every party sets is the room for dialogue between equals. The score never
    rises when a party's economic dependence rises.

    Args:
        collaboration: The collaboration.

    Returns:
        The score, with the parts *independence* (0.4), *shared agenda* (0.4)
        and *felt equality* (0.2).
    """
    parties = collaboration.party_ids
    n = len(parties)
    dependent = sorted(
        (participant.budget_share_from_municipality, participant.id)
        for participant in collaboration.participants
        if participant.actor.kind is not ActorKind.MUNICIPALITY
        and participant.budget_share_from_municipality is not None
    )
    if dependent:
        share, party = max(dependent)
        independence = _part(
            "independence",
            ("økonomisk uafhængighed", "economic independence"),
            (1 - share) * HIGH,
            0.4,
            (
                f"den mest afhængige part, {party}, får {_percent(share)} af sit budget fra "
                "kommunen",
                f"the most dependent party, {party}, gets {_percent(share)} of its budget from "
                "the municipality",
            ),
        )
    else:
        independence = _part(
            "independence",
            ("økonomisk uafhængighed", "economic independence"),
            None,
            0.4,
            (
                "ingen part har oplyst, hvor stor en del af budgettet der kommer fra kommunen",
                "no party has stated how much of its budget comes from the municipality",
            ),
        )
    forum = collaboration.forum
    if forum is None or not n:
        agenda = _fixed_part(
            "shared_agenda",
            ("fælles dagsorden", "shared agenda"),
            0.0,
            0.4,
            (
                "der er intet forum, hvor parterne sætter dagsordenen sammen",
                "there is no forum where the parties set the agenda together",
            ),
        )
    else:
        setting = set(forum.agenda_set_by) & parties
        agenda = _part(
            "shared_agenda",
            ("fælles dagsorden", "shared agenda"),
            len(setting) / n * HIGH,
            0.4,
            (
                f"{len(setting)} af de {n} parter sætter dagsordenen i {terminal_safe(forum.name)}",
                f"{len(setting)} of the {n} parties set the agenda of {terminal_safe(forum.name)}",
            ),
        )
    felt = _readiness_part(collaboration, "equality", ("oplevet ligeværd", "felt equality"), 0.2)
    return _score(
        "equality",
        "Ligeværd (magtbalance)",
        "Equality (power balance)",
        [
            independence,
            agenda,
            felt,
        ],
    )


def _readiness_part(
    collaboration: Collaboration, field: str, labels: tuple[str, str], weight: float
) -> ScorePart:
    ratings = sorted(
        (getattr(participant.readiness, field), participant.id)
        for participant in collaboration.participants
        if participant.readiness is not None and getattr(participant.readiness, field) is not None
    )
    if not ratings:
        return _part(
            field,
            labels,
            None,
            weight,
            ("ingen part har vurderet sig selv", "no party has rated itself"),
        )
    mean = statistics.fmean(rating for rating, _ in ratings)
    lowest, who = ratings[0]
    return _part(
        field,
        labels,
        _likert(mean),
        weight,
        (
            f"gennemsnit {_number(mean, 'da', 2)} på 1-5 fra {len(ratings)} parter; lavest: "
            f"{who} ({lowest})",
            f"mean {_number(mean, 'en', 2)} on 1-5 from {len(ratings)} parties; lowest: "
            f"{who} ({lowest})",
        ),
    )


# -- co-creation readiness --------------------------------------------------------------


def co_creation_readiness(collaboration: Collaboration) -> Score:
    """Score the parties' readiness for co-creation from its three preconditions.

    The talk: co-creation "presupposes openness, equality and willingness to
    take risks". Each part is the mean of the parties' own ratings (1-5) of one
    precondition; parties that gave none are left out.

    Args:
        collaboration: The collaboration.

    Returns:
        The score, with the parts *openness*, *equality* and *risk willingness*
        (1/3 each).
    """
    third = 1 / 3
    parts = [
        _readiness_part(collaboration, "openness", ("åbenhed", "openness"), third),
        _readiness_part(collaboration, "equality", ("ligeværd", "equality"), third),
        _readiness_part(
            collaboration, "risk_willingness", ("risikovillighed", "risk willingness"), third
        ),
    ]
    return _score(
        "co_creation_readiness", "Parathed til samskabelse", "Co-creation readiness", parts
    )


# -- formalisation ----------------------------------------------------------------------


class FormalisationDriver(LabelledEnum):
    """A fact about a collaboration that calls for more (or less) formalisation."""

    MONEY = ("money", "penge mellem parterne", "money between the parties")
    CHILDREN = ("children", "kontakt med børn under 15", "contact with children under 15")
    PERSONAL_DATA = (
        "personal_data",
        "fortrolige personoplysninger",
        "confidential personal data",
    )
    AUTHORITY = (
        "authority",
        "nærhed til myndighedsudøvelse eller opgaver forbeholdt personalet",
        "closeness to public authority or tasks reserved for staff",
    )
    ASSOCIATION = (
        "association",
        "frivillige gennem en forening",
        "volunteers through an association",
    )
    MANY_PARTIES = ("many_parties", "mange parter", "many parties")
    LONG_PERIOD = ("long_period", "lang eller åben periode", "a long or open-ended period")
    SHORT_EXPERIMENT = (
        "short_experiment",
        "et lille, kortvarigt forsøg",
        "a small, short experiment",
    )


_L = FormalisationLevel
_FLOORS: dict[FormalisationDriver, FormalisationLevel] = {
    FormalisationDriver.MONEY: _L.COLLABORATION_AGREEMENT,
    FormalisationDriver.CHILDREN: _L.VOLUNTEER_AGREEMENT,
    FormalisationDriver.PERSONAL_DATA: _L.VOLUNTEER_AGREEMENT,
    FormalisationDriver.AUTHORITY: _L.COLLABORATION_AGREEMENT,
    FormalisationDriver.ASSOCIATION: _L.COLLABORATION_AGREEMENT,
    FormalisationDriver.MANY_PARTIES: _L.COLLABORATION_AGREEMENT,
    FormalisationDriver.LONG_PERIOD: _L.COLLABORATION_AGREEMENT,
    FormalisationDriver.SHORT_EXPERIMENT: _L.AD_HOC_EVENT,
}
_PARTNERSHIP_DRIVERS = (
    FormalisationDriver.MONEY,
    FormalisationDriver.MANY_PARTIES,
    FormalisationDriver.LONG_PERIOD,
    FormalisationDriver.AUTHORITY,
)


@attrs.frozen(kw_only=True)
class FormalisationRecommendation:
    """The formalisation level a collaboration's risk drivers call for, and why.

    Attributes:
        level: The recommended level.
        drivers: The drivers found in the collaboration.
        reasons: One reason per driver (and for a partnership), in Danish and English.
    """

    level: FormalisationLevel
    drivers: tuple[FormalisationDriver, ...]
    reasons: tuple[Note, ...]


_RISKY = frozenset(
    {
        FormalisationDriver.MONEY,
        FormalisationDriver.CHILDREN,
        FormalisationDriver.PERSONAL_DATA,
        FormalisationDriver.AUTHORITY,
    }
)
"""The drivers that rule out a small, short experiment."""


def _drivers(
    collaboration: Collaboration, settings: FormalisationSettings
) -> list[FormalisationDriver]:
    found: list[FormalisationDriver] = []
    participants = collaboration.participants
    tasks = collaboration.tasks
    if any(Resource.MONEY in p.resources for p in participants) or any(
        p.budget_share_from_municipality for p in participants
    ):
        found.append(FormalisationDriver.MONEY)
    if any(task.children_contact for task in tasks):
        found.append(FormalisationDriver.CHILDREN)
    if any(task.confidential_data for task in tasks):
        found.append(FormalisationDriver.PERSONAL_DATA)
    if any(
        task.exercises_authority or task.reserved or task.directed_by_institution for task in tasks
    ):
        found.append(FormalisationDriver.AUTHORITY)
    if collaboration.volunteer_model is not VolunteerModel.OWN_VOLUNTEERS and any(
        isinstance(p.actor, VoluntaryOrganisation) for p in participants
    ):
        found.append(FormalisationDriver.ASSOCIATION)
    if len(participants) >= settings.many_parties:
        found.append(FormalisationDriver.MANY_PARTIES)
    end = collaboration.end_on
    days = None if end is None else (end - collaboration.start_on).days
    if days is None or days > settings.long_days:
        found.append(FormalisationDriver.LONG_PERIOD)
    if (
        days is not None
        and days <= settings.short_days
        and len(participants) <= 2
        and _RISKY.isdisjoint(found)
    ):
        found.append(FormalisationDriver.SHORT_EXPERIMENT)
    return found


_LEVEL_RANKS: dict[FormalisationLevel, int] = {level: level.rank for level in _L}
_RANKED_FLOORS = {driver: (floor, floor.rank) for driver, floor in _FLOORS.items()}
_PARTNERSHIP_RANK = _L.PARTNERSHIP_AGREEMENT.rank


def level_rank(level: FormalisationLevel) -> int:
    """The level's place on the formalisation ladder, from 0: ``level.rank``, looked up."""
    return _LEVEL_RANKS[level]


def _recommended_level(
    drivers: list[FormalisationDriver], settings: FormalisationSettings
) -> tuple[FormalisationLevel, list[FormalisationDriver]]:
    """The level the drivers call for, and the heavy drivers among them."""
    level = (
        _L.AD_HOC_EVENT
        if FormalisationDriver.SHORT_EXPERIMENT in drivers
        else _L.VOLUNTEER_AGREEMENT
    )
    rank = _LEVEL_RANKS[level]
    for driver in drivers:
        floor, floor_rank = _RANKED_FLOORS[driver]
        if floor_rank > rank:
            level, rank = floor, floor_rank
    heavy = [driver for driver in _PARTNERSHIP_DRIVERS if driver in drivers]
    if len(heavy) >= settings.partnership_drivers and rank < _PARTNERSHIP_RANK:
        level = _L.PARTNERSHIP_AGREEMENT
    return level, heavy


def recommended_level(
    collaboration: Collaboration, settings: FormalisationSettings
) -> tuple[FormalisationLevel, list[FormalisationDriver]]:
    """The level and drivers of `recommend_formalisation`, without the reasons.

    The rule check words its own reasons, so it asks only for these.
    """
    drivers = _drivers(collaboration, settings)
    return _recommended_level(drivers, settings)[0], drivers


def _reasons(
    collaboration: Collaboration, settings: FormalisationSettings
) -> tuple[FormalisationLevel, list[FormalisationDriver], list[tuple[str, str]]]:
    """The recommended level, the drivers, and the reasons in Danish and English."""
    drivers = _drivers(collaboration, settings)
    level, reasons = _reasons_for(drivers, settings)
    return level, drivers, reasons


def _reasons_for(
    drivers: list[FormalisationDriver], settings: FormalisationSettings
) -> tuple[FormalisationLevel, list[tuple[str, str]]]:
    """The level the drivers call for, and the reasons in Danish and English."""
    level, heavy = _recommended_level(drivers, settings)
    reasons: list[tuple[str, str]] = []
    for driver in drivers:
        floor = _FLOORS[driver]
        reasons.append((f"{driver.da}: mindst {floor.da}", f"{driver.en}: at least {floor.en}"))
    if len(heavy) >= settings.partnership_drivers:
        reasons.append(
            (
                f"{len(heavy)} af de tunge drivere ({', '.join(d.da for d in heavy)}): "
                f"{_L.PARTNERSHIP_AGREEMENT.da}",
                f"{len(heavy)} of the heavy drivers ({', '.join(d.en for d in heavy)}): "
                f"{_L.PARTNERSHIP_AGREEMENT.en}",
            )
        )
    if not drivers:
        reasons.append((f"ingen særlige risici: {level.da}", f"no particular risks: {level.en}"))
    return level, reasons


def recommend_formalisation(
    collaboration: Collaboration, *, settings: FormalisationSettings | None = None
) -> FormalisationRecommendation:
    """Recommend a formalisation level from the collaboration's risk drivers, with reasons.

    The talk: a very formal collaboration gives transparent frames, a less
    formal one flexibility. The rule, with the default settings:

    - start from an individual volunteer agreement, or from ad-hoc volunteers
      for a small, short experiment (two parties at most, planned for 90 days
      or less, no money, children, personal data or authority);
    - contact with children or confidential personal data call for at least
      an individual volunteer agreement (certificates, confidentiality);
    - money between the parties, closeness to public authority or reserved
      tasks, volunteers coming through an association, five parties or more,
      or a period longer than a year (or open-ended) call for at least a
      collaboration agreement;
    - three or more of money, many parties, a long period and closeness to
      authority call for a partnership agreement.

    Args:
        collaboration: The collaboration.
        settings: The thresholds; the defaults when ``None``.

    Returns:
        The recommended level, the drivers found and the reasons.
    """
    settings = settings or FormalisationSettings()
    level, drivers, reasons = _reasons(collaboration, settings)
    return FormalisationRecommendation(
        level=level,
        drivers=tuple(drivers),
        reasons=tuple(Note(da=da, en=en) for da, en in reasons),
    )


def formalisation_fit(
    collaboration: Collaboration, *, settings: FormalisationSettings | None = None
) -> Score:
    """Score how well the collaboration's formalisation fits what its risk drivers call for.

    The recommended level and the reasons for it come from
    [`recommend_formalisation`][frivillig.recommend_formalisation]; they are the
    score's notes. Each step looser than recommended costs 40 points and each
    step tighter 20 (a collaboration too loose for its risks is worse than one
    a little too formal for its size).

    Args:
        collaboration: The collaboration.
        settings: The thresholds and penalties; the defaults when ``None``.

    Returns:
        The score, with one part, *fit*.
    """
    settings = settings or FormalisationSettings()
    drivers = _drivers(collaboration, settings)
    return _fit(collaboration.formalisation, tuple(drivers), settings)


@functools.lru_cache(maxsize=512)
def _fit(
    actual: FormalisationLevel,
    drivers: tuple[FormalisationDriver, ...],
    settings: FormalisationSettings,
) -> Score:
    """The formalisation fit of a level, given the drivers found and the settings.

    The score depends on the collaboration only through its level and its
    drivers, of which there are few combinations, so the (immutable) scores
    are kept; the cache holds at most 512.
    """
    recommended, reasons = _reasons_for(list(drivers), settings)
    steps = _LEVEL_RANKS[actual] - _LEVEL_RANKS[recommended]
    if steps < 0:
        penalty = -steps * settings.loose_step_penalty
        da = f"{-steps} trin løsere end anbefalet"
        en = f"{-steps} step{'s' if steps < -1 else ''} looser than recommended"
    elif steps > 0:
        penalty = steps * settings.tight_step_penalty
        da = f"{steps} trin strammere end anbefalet"
        en = f"{steps} step{'s' if steps > 1 else ''} tighter than recommended"
    else:
        penalty = 0.0
        da, en = "som anbefalet", "as recommended"
    fit = _part(
        "fit",
        ("tilpasning", "fit"),
        HIGH - penalty,
        1.0,
        (
            f"{actual.da}, anbefalet {recommended.da}: {da}",
            f"{actual.en}, recommended {recommended.en}: {en}",
        ),
    )
    notes = [
        Note(
            da=f"Anbefalet niveau: {recommended.da}.",
            en=f"Recommended level: {recommended.en}.",
        ),
        *(Note(da=f"- {reason_da}", en=f"- {reason_en}") for reason_da, reason_en in reasons),
    ]
    return _score("formalisation_fit", "Passende formalisering", "Formalisation fit", [fit], notes)


# -- volunteer-task fit -----------------------------------------------------------------


def volunteer_fit(collaboration: Collaboration, *, motive_threshold: int = 5) -> Score:
    """Score how well the tasks give the volunteers meaning, commitment and action.

    The talk: volunteers want meaning, commitment and action, and "hands and
    heads". After the functional matching idea behind the Volunteer Functions
    Inventory (Clary et al. 1998; Stukas et al. 2009), a task gives meaning when
    it offers what a volunteer's strong motives seek. Only counts appear in the
    explanations: motives and hours are personal data.

    - *meaning* (0.4): for each volunteer with strong motives (at least
      ``motive_threshold`` on the 1-7 scale) and a task, the share of those
      motives that the volunteer's tasks offer; the mean over volunteers.
    - *commitment* (0.3): for each volunteer with a task and known hours, 1 when
      the hours asked are within the hours offered, else offered / asked.
    - *action* (0.3): for each volunteer, 1 with a task that suits them, 0 with
      no task or, for one who wants influence, with only hands tasks.

    Args:
        collaboration: The collaboration.
        motive_threshold: The strength from which a motive counts as strong.

    Returns:
        The score, with the parts *meaning*, *commitment* and *action*.
    """
    tasks_of: dict[str, list[Any]] = {v.id: [] for v in collaboration.volunteers}
    for task in collaboration.tasks:
        for volunteer_id in task.volunteers:
            if volunteer_id in tasks_of:
                tasks_of[volunteer_id].append(task)
    matches: list[float] = []
    commitments: list[float] = []
    actions: list[float] = []
    over_asked = 0
    hands_only = 0
    idle = 0
    for volunteer in collaboration.volunteers:
        tasks = tasks_of[volunteer.id]
        strong = {f for f, strength in volunteer.motives.items() if strength >= motive_threshold}
        offered = {function for task in tasks for function in task.offers}
        if strong and tasks:
            matches.append(len(strong & offered) / len(strong))
        hours = [task.hours_per_week for task in tasks if task.hours_per_week is not None]
        if hours and volunteer.hours_offered_per_week is not None:
            asked = math.fsum(hours)
            if asked <= volunteer.hours_offered_per_week:
                commitments.append(1.0)
            else:
                over_asked += 1
                commitments.append(volunteer.hours_offered_per_week / asked)
        if not tasks:
            idle += 1
            actions.append(0.0)
        elif volunteer.wants_influence and all(task.kind is TaskKind.HANDS for task in tasks):
            hands_only += 1
            actions.append(0.0)
        else:
            actions.append(1.0)
    meaning = _part(
        "meaning",
        ("mening", "meaning"),
        statistics.fmean(matches) * HIGH if matches else None,
        0.4,
        (
            f"i gennemsnit tilbyder opgaverne {_percent(statistics.fmean(matches))} af de "
            f"stærke motiver hos {len(matches)} frivillige"
            if matches
            else "ingen frivillig med opgave har oplyst stærke motiver",
            f"on average the tasks offer {_percent(statistics.fmean(matches))} of the strong "
            f"motives of {len(matches)} volunteers"
            if matches
            else "no volunteer with a task has stated strong motives",
        ),
    )
    commitment = _part(
        "commitment",
        ("engagement", "commitment"),
        statistics.fmean(commitments) * HIGH if commitments else None,
        0.3,
        (
            f"{over_asked} af {len(commitments)} frivillige bliver bedt om flere timer, "
            "end de tilbyder"
            if commitments
            else "timer tilbudt og timer bedt om er ikke begge kendt for nogen frivillig",
            f"{over_asked} of {len(commitments)} volunteers are asked for more hours than "
            "they offer"
            if commitments
            else "hours offered and hours asked are not both known for any volunteer",
        ),
    )
    action = _part(
        "action",
        ("handling", "action"),
        statistics.fmean(actions) * HIGH if actions else None,
        0.3,
        (
            f"{idle} af {len(actions)} frivillige har ingen opgave; {hands_only} vil have "
            "indflydelse, men har kun hænder-opgaver"
            if actions
            else "samarbejdet har ingen frivillige",
            f"{idle} of {len(actions)} volunteers have no task; {hands_only} want influence "
            "but have only hands tasks"
            if actions
            else "the collaboration has no volunteers",
        ),
    )
    return _score(
        "volunteer_fit",
        "Match mellem frivillige og opgaver",
        "Volunteer-task fit",
        [meaning, commitment, action],
    )


# -- evaluation health -------------------------------------------------------------------


def _ordered_rounds(collaboration: Collaboration) -> list[tuple[int, EvaluationRound]]:
    return sorted(enumerate(collaboration.rounds), key=lambda pair: (pair[1].held_on, pair[1].id))


def _known_instrument(
    instrument_id: str, instruments: Mapping[str, Instrument] | None
) -> Instrument | None:
    """The instrument ``resolve_instrument`` finds, or ``None`` where it raises."""
    if instruments and instrument_id in instruments:
        return instruments[instrument_id]
    return built_in_instrument(instrument_id)


def resolve_instrument(
    instrument_id: str, instruments: Mapping[str, Instrument] | None, path: str
) -> Instrument:
    """Find an instrument by id among the given ones, then the built-in ones."""
    if instruments and instrument_id in instruments:
        return instruments[instrument_id]
    try:
        return get_instrument(instrument_id)
    except ValidationError:
        raise ValidationError(
            [
                Problem(
                    path=path,
                    message=f"instrument {instrument_id!r} is neither built in nor given in "
                    "the settings",
                    code="reference",
                )
            ]
        ) from None


def round_instrument_results(
    collaboration: Collaboration,
    index: int,
    instruments: Mapping[str, Instrument] | None = None,
) -> list[tuple[str, Instrument, InstrumentResult]]:
    """Score every response with instrument answers in one round: (party, instrument, result)."""
    round_ = collaboration.rounds[index]
    results = []
    for s, response in enumerate(round_.responses):
        if response.instrument is None:
            continue
        base = ("rounds", index, "responses", s)
        instrument = _response_instrument(response.instrument, instruments, base)
        result = score_answers_at(instrument, response.answers, "$", (*base, "answers"))
        results.append((response.party, instrument, result))
    return results


def _response_instrument(
    instrument_id: str, instruments: Mapping[str, Instrument] | None, base: tuple[str | int, ...]
) -> Instrument:
    """The instrument a response at ``base`` names; its path is rendered only for an error."""
    instrument = _known_instrument(instrument_id, instruments)
    if instrument is None:
        instrument = resolve_instrument(
            instrument_id, instruments, render_path((*base, "instrument"))
        )
    return instrument


def _round_instrument_values(
    collaboration: Collaboration,
    index: int,
    instruments: Mapping[str, Instrument] | None,
) -> list[tuple[Instrument, float | None]]:
    """Each instrument result in one round as a share of its range (0 to 100), or ``None``.

    The figures of `round_instrument_results` read as the overall score's place
    in its range (or the factors' mean place when there is no overall score),
    with the same errors.
    """
    round_ = collaboration.rounds[index]
    found: list[tuple[Instrument, float | None]] = []
    for s, response in enumerate(round_.responses):
        if response.instrument is None:
            continue
        base = ("rounds", index, "responses", s)
        instrument = _response_instrument(response.instrument, instruments, base)
        fraction = result_fraction_at(instrument, response.answers, "$", (*base, "answers"))
        found.append((instrument, None if fraction is None else fraction * HIGH))
    return found


def evaluation_health(
    collaboration: Collaboration,
    *,
    today: dt.date | dt.datetime,
    settings: ScoreSettings | None = None,
) -> Score:
    """Score whether the collaboration is evaluated, on time, and satisfies every party.

    The talk: "evaluate continuously whether the chosen form satisfies both
    parties". The latest round with satisfaction ratings gives the parties'
    mean satisfaction and the least satisfied party; the round before it gives
    the trend; the plan gives punctuality (see
    [`frivillig.schedules`][frivillig.schedules]); the latest round with
    instrument answers gives the instrument results, each respondent's overall
    score (or mean factor score) as a share of its range.

    - *satisfaction* (0.25): the parties' mean satisfaction (1-5).
    - *least satisfied party* (0.15): the lowest satisfaction (1-5).
    - *trend* (0.15): 50 plus 12.5 points per step the mean rose since the round
      before (0 when it fell by 4, 100 when it rose by 4).
    - *punctuality* (0.25): the share of due dates so far covered on time, a
      late round counting ``late_credit`` (0 without a plan).
    - *instrument results* (0.2): the mean of the respondents' results.

    Args:
        collaboration: The collaboration.
        today: The day to judge punctuality on (a date or an aware datetime).
        settings: The settings; the defaults when ``None``.

    Returns:
        The score, with its five parts; the parties' latest satisfaction as notes.

    Raises:
        ValidationError: a response names an instrument that is neither built
            in nor in ``settings.instruments``, or its answers do not fit the
            instrument; ``today`` is not a date or an aware datetime.
    """
    settings = settings or DEFAULT_SETTINGS
    _check_today(today)
    ordered = _ordered_rounds(collaboration)
    rated = _last_rated(ordered, 2)
    notes: list[Note] = []
    if rated:
        latest, marks = rated[-1]
        mean = statistics.fmean(marks.values())
        lowest_mark = min(marks.values())
        lowest = sorted(party for party, mark in marks.items() if mark == lowest_mark)
        satisfaction = _part(
            "satisfaction",
            ("tilfredshed", "satisfaction"),
            _likert(mean),
            0.25,
            (
                f"gennemsnit {_number(mean, 'da', 2)} på 1-5 fra {len(marks)} parter i runden "
                f"{latest.id} ({latest.held_on.isoformat()})",
                f"mean {_number(mean, 'en', 2)} on 1-5 from {len(marks)} parties in round "
                f"{latest.id} ({latest.held_on.isoformat()})",
            ),
        )
        least = _part(
            "least_satisfied",
            ("mindst tilfredse part", "least satisfied party"),
            _likert(lowest_mark),
            0.15,
            (
                f"{', '.join(lowest)}: {lowest_mark} på 1-5",
                f"{', '.join(lowest)}: {lowest_mark} on 1-5",
            ),
        )
        notes.append(
            Note(
                da="Tilfredshed i seneste runde: "
                + ", ".join(f"{party} {marks[party]}" for party in sorted(marks)),
                en="Satisfaction in the latest round: "
                + ", ".join(f"{party} {marks[party]}" for party in sorted(marks)),
            )
        )
    else:
        none = ("ingen runde med tilfredshedsvurderinger", "no round with satisfaction ratings")
        satisfaction = _part("satisfaction", ("tilfredshed", "satisfaction"), None, 0.25, none)
        least = _part(
            "least_satisfied",
            ("mindst tilfredse part", "least satisfied party"),
            None,
            0.15,
            none,
        )
    if len(rated) >= 2:
        before = statistics.fmean(rated[-2][1].values())
        after = statistics.fmean(rated[-1][1].values())
        change = after - before
        trend = _part(
            "trend",
            ("udvikling", "trend"),
            50 + 12.5 * change,
            0.15,
            (
                f"gennemsnittet gik fra {_number(before, 'da', 2)} til {_number(after, 'da', 2)}",
                f"the mean went from {_number(before, 'en', 2)} to {_number(after, 'en', 2)}",
            ),
        )
    else:
        trend = _part(
            "trend",
            ("udvikling", "trend"),
            None,
            0.15,
            ("færre end to runder med vurderinger", "fewer than two rounds with ratings"),
        )
    punctuality = _punctuality(collaboration, today, settings)
    instrument = _instrument_part(collaboration, ordered, settings)
    return _score(
        "evaluation_health",
        "Evalueringens sundhed",
        "Evaluation health",
        [satisfaction, least, trend, punctuality, instrument],
        notes,
    )


def _last_rated(
    ordered: list[tuple[int, EvaluationRound]], count: int
) -> list[tuple[EvaluationRound, dict[str, int]]]:
    """The last ``count`` rounds with satisfaction ratings, oldest first, each with its marks."""
    found: list[tuple[EvaluationRound, dict[str, int]]] = []
    for _, round_ in reversed(ordered):
        marks = {r.party: r.satisfaction for r in round_.responses if r.satisfaction is not None}
        if marks:
            found.append((round_, marks))
            if len(found) == count:
                break
    found.reverse()
    return found


def _check_today(today: object) -> None:
    if isinstance(today, dt.datetime) and today.utcoffset() is None:
        message = "'today' is a datetime without a time zone; pass a date or an aware datetime"
    elif not isinstance(today, dt.date):
        message = f"'today' must be a date or an aware datetime, not {type(today).__name__}"
    else:
        return
    raise ValidationError([Problem(path="$", message=message, code="type")])


def _punctuality(
    collaboration: Collaboration, today: dt.date | dt.datetime, settings: ScoreSettings
) -> ScorePart:
    labels = ("rettidighed", "punctuality")
    plan = collaboration.evaluation_plan
    if plan is None:
        return _fixed_part(
            "punctuality",
            labels,
            0.0,
            0.25,
            ("der er ingen evalueringsplan", "there is no evaluation plan"),
        )
    status = evaluation_status(
        plan, collaboration.rounds, today=today, tolerance=settings.tolerance
    )
    states = [entry.state for entry in status.due]
    held = states.count(DueState.HELD)
    late = states.count(DueState.HELD_LATE)
    failed = states.count(DueState.MISSED) + states.count(DueState.OVERDUE)
    judged = held + late + failed
    if not judged:
        return _part(
            "punctuality",
            labels,
            None,
            0.25,
            ("ingen evaluering er forfalden endnu", "no evaluation is due yet"),
        )
    value = (held + settings.late_credit * late) / judged * HIGH
    return _part(
        "punctuality",
        labels,
        value,
        0.25,
        (
            f"af {judged} forfaldne runder: {held} til tiden, {late} for sent, "
            f"{failed} sprunget over eller overskredet",
            f"of {judged} rounds due: {held} on time, {late} late, {failed} missed or overdue",
        ),
    )


def _instrument_part(
    collaboration: Collaboration,
    ordered: list[tuple[int, EvaluationRound]],
    settings: ScoreSettings,
) -> ScorePart:
    labels = ("resultater af spørgeskema", "instrument results")
    for index, round_ in reversed(ordered):
        results = _round_instrument_values(collaboration, index, settings.instruments)
        values = [value for _, value in results if value is not None]
        if values:
            mean = statistics.fmean(values)
            names = sorted({instrument.id for instrument, _ in results})
            return _part(
                "instruments",
                labels,
                mean,
                0.2,
                (
                    f"{len(values)} besvarelser af {', '.join(names)} i runden {round_.id}: "
                    f"i gennemsnit {_number(mean, 'da')} % af skalaen",
                    f"{len(values)} answers to {', '.join(names)} in round {round_.id}: "
                    f"on average {_number(mean, 'en')}% of the scale",
                ),
            )
    return _part(
        "instruments",
        labels,
        None,
        0.2,
        ("ingen besvarelser af et spørgeskema", "no answers to an instrument"),
    )


# -- collaboration health -----------------------------------------------------------------


def _components(
    collaboration: Collaboration, today: dt.date | dt.datetime, settings: ScoreSettings
) -> list[Score]:
    return [
        goal_alignment(collaboration),
        equality(collaboration),
        co_creation_readiness(collaboration),
        formalisation_fit(collaboration, settings=settings.formalisation),
        volunteer_fit(collaboration, motive_threshold=settings.motive_threshold),
        evaluation_health(collaboration, today=today, settings=settings),
    ]


def _health(components: list[Score], settings: ScoreSettings) -> Score:
    parts = [
        ScorePart(
            key=score.key,
            label_da=score.label_da,
            label_en=score.label_en,
            value=score.value,
            weight=float(settings.health_weights.get(score.key, 0.0)),
            explanation_da=f"se {score.label_da.lower()}",
            explanation_en=f"see {score.label_en.lower()}",
        )
        for score in components
    ]
    return _score("collaboration_health", "Samarbejdets sundhed", "Collaboration health", parts)


def collaboration_health(
    collaboration: Collaboration,
    *,
    today: dt.date | dt.datetime,
    settings: ScoreSettings | None = None,
) -> Score:
    """Score the collaboration's overall health: a weighted mean of the six other scores.

    The weights are ``settings.health_weights`` (by default
    [`DEFAULT_HEALTH_WEIGHTS`][frivillig.DEFAULT_HEALTH_WEIGHTS]); a score
    without a value is left out and the other weights count in its place.

    Args:
        collaboration: The collaboration.
        today: The day to judge on (a date or an aware datetime).
        settings: The settings; the defaults when ``None``.

    Returns:
        The score, with one part per score.

    Raises:
        ValidationError: as [`evaluation_health`][frivillig.evaluation_health].
    """
    settings = settings or DEFAULT_SETTINGS
    return _health(_components(collaboration, today, settings), settings)


def score_all(
    collaboration: Collaboration,
    *,
    today: dt.date | dt.datetime,
    settings: ScoreSettings | None = None,
) -> FrozenMap[str, Score]:
    """Compute every score of a collaboration.

    Args:
        collaboration: The collaboration.
        today: The day to judge on (a date or an aware datetime).
        settings: The settings; the defaults when ``None``.

    Returns:
        The scores by key, in this order: ``goal_alignment``, ``equality``,
        ``co_creation_readiness``, ``formalisation_fit``, ``volunteer_fit``,
        ``evaluation_health`` and ``collaboration_health``.

    Raises:
        ValidationError: as [`evaluation_health`][frivillig.evaluation_health].

    Examples:
        >>> import datetime as dt
        >>> import frivillig
        >>> scores = frivillig.score_all(frivillig.load_example(), today=dt.date(2026, 10, 1))
        >>> list(scores)[-1]
        'collaboration_health'
        >>> all(0 <= s.value <= 100 for s in scores.values() if s.value is not None)
        True
    """
    settings = settings or DEFAULT_SETTINGS
    components = _components(collaboration, today, settings)
    scores = [*components, _health(components, settings)]
    return FrozenMap((score.key, score) for score in scores)


def render_scores(
    collaboration: Collaboration,
    *,
    today: dt.date | dt.datetime,
    lang: Language = "en",
    settings: ScoreSettings | None = None,
    count: int = 3,
) -> str:
    """Render every score and the next due dates of a collaboration for a terminal.

    Args:
        collaboration: The collaboration.
        today: The day to judge on (a date or an aware datetime).
        lang: ``"da"`` or ``"en"``.
        settings: The settings; the defaults when ``None``.
        count: How many upcoming due dates to list.

    Returns:
        Lines of text, without a trailing newline: a heading, each score with
        its parts and notes, and the next due dates.

    Raises:
        ValidationError: as [`evaluation_health`][frivillig.evaluation_health].
    """
    settings = settings or DEFAULT_SETTINGS
    scores = score_all(collaboration, today=today, settings=settings)
    heading = "Scorer for" if lang == "da" else "Scores for"
    title = terminal_safe(collaboration.title)
    lines = [f"{heading} {terminal_safe(repr(collaboration.id))}: {title}", ""]
    for score in scores.values():
        lines.append(score.to_text(lang))
        lines.append("")
    plan = collaboration.evaluation_plan
    if plan is None:
        lines.append("Ingen evalueringsplan." if lang == "da" else "No evaluation plan.")
    else:
        status = evaluation_status(
            plan, collaboration.rounds, today=today, tolerance=settings.tolerance
        )
        upcoming = next_due_dates(plan, after=status.today, count=count)
        word = "Næste evalueringer" if lang == "da" else "Next evaluations due"
        none = "ingen" if lang == "da" else "none"
        lines.append(f"{word}: {', '.join(d.isoformat() for d in upcoming) or none}")
        if status.overdue:
            lines.append(
                f"{status.days_overdue} dage over fristen"
                if lang == "da"
                else f"Overdue by {status.days_overdue} days"
            )
    return "\n".join(lines)
