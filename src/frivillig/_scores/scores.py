"""Scores: explainable measures of how well a collaboration works.

Every score is a pure function of the collaboration (and, where the calendar
matters, of "today", passed in), runs from 0 to 100, and returns the weighted
parts it was made of, each with its own value, weight and explanation in
Danish and English, so that a caseworker can see why.

A score never rises because a fact is missing. A part whose inputs are partly
or wholly unknown counts what is unknown as the lowest it could be, so its
value is the least the known facts allow, and it reports its *coverage*: the
share of its inputs that are known. A part that does not apply (no volunteers,
no round held yet: there is nothing to judge, not something unknown) is left
out and the other weights count in its place. A score's value is the weighted
mean of the parts that apply, an unknown part counting 0; its coverage is the
share of that weight whose inputs were known. Filling in a missing fact can
then only keep a score or raise it. When no part has a value the score's value
is ``None``.

The weights and thresholds are the library's own choices, documented on each
score function and on [`ScoreSettings`][frivillig.ScoreSettings]; none comes
from a published source. A 1-5 rating ``x`` counts as ``(x - 1) / 4 * 100``.
"""

import datetime as dt
import functools
import json
import math
import statistics
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from .._core.arguments import require_date, require_instance, require_language
from .._core.frozenmap import FrozenMap
from .._core.labels import LabelledEnum, Language
from .._core.paths import render_path
from .._model.actors import ActorKind, VoluntaryOrganisation
from .._model.collaboration import Collaboration, VolunteerModel
from .._model.evaluation import EvaluationRound
from .._model.formalisation import FormalisationLevel
from .._model.goals import GoalStatus
from .._model.participation import Participant, Resource
from .._model.tasks import TaskKind
from .._model.validators import FieldError
from .._model.volunteers import VolunteerFunction
from .._privacy import terminal_safe
from ..errors import Problem, ValidationError
from ..schedules import (
    DEFAULT_TOLERANCE,
    DueState,
    EvaluationTolerance,
    evaluation_status,
    next_due_dates,
)
from .instruments import (
    Aggregation,
    Instrument,
    InstrumentMeasure,
    InstrumentResult,
    Note,
    _checked_values,
    built_in_instrument,
    get_instrument,
    score_answers_at,
)

__all__ = [
    "DEFAULT_HEALTH_WEIGHTS",
    "FormalisationDriver",
    "FormalisationRecommendation",
    "FormalisationSettings",
    "Score",
    "ScorePart",
    "ScoreSettings",
    "Scores",
    "co_creation_readiness",
    "collaboration_health",
    "equality",
    "evaluation_health",
    "formalisation_fit",
    "goal_alignment",
    "level_held",
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
        value: The part's value from 0 to 100, counting what is unknown as
            the lowest it could be; ``None`` when it does not apply or nothing
            known lifts it above 0.
        weight: The part's weight in the score.
        explanation_da: How the value came about, in Danish.
        explanation_en: How the value came about, in English.
        coverage: The share of the part's inputs that are known, from 0 to 1;
            ``None`` when the part does not apply (there was no material for
            it), and it is left out of the score. By default 1 for a part with
            a value and ``None`` for one without.
    """

    key: str
    label_da: str
    label_en: str
    value: float | None
    weight: float
    explanation_da: str
    explanation_en: str
    coverage: float | None = attrs.field(
        default=attrs.Factory(lambda self: None if self.value is None else 1.0, takes_self=True)
    )

    @property
    def applies(self) -> bool:
        """Whether the part counts in its score: it has material, known or not."""
        return self.coverage is not None

    def label(self, lang: Language = "en") -> str:
        """Return the part's name in the given language."""
        return self.label_da if require_language(lang) == "da" else self.label_en

    def explanation(self, lang: Language = "en") -> str:
        """Return the explanation in the given language."""
        return self.explanation_da if require_language(lang) == "da" else self.explanation_en

    def to_dict(self) -> dict[str, Any]:
        """Return the part as JSON-compatible data: its fields, by name, in their order.

        Examples:
            >>> import frivillig
            >>> part = frivillig.goal_alignment(frivillig.load_example()).parts[0]
            >>> part.to_dict()["key"], part.to_dict()["weight"]
            ('agreement', 0.7)
        """
        return {
            "key": self.key,
            "label_da": self.label_da,
            "label_en": self.label_en,
            "value": self.value,
            "weight": self.weight,
            "explanation_da": self.explanation_da,
            "explanation_en": self.explanation_en,
            "coverage": self.coverage,
        }


@attrs.frozen(kw_only=True)
class Score:
    """An explainable score: its value, its range, and the weighted parts it was made of.

    Attributes:
        key: A stable id of the score, e.g. ``"goal_alignment"``.
        label_da: The score's name in Danish.
        label_en: The score's name in English.
        value: The weighted mean of the parts that apply, a part without a
            value counting 0, from ``low`` to ``high``; ``None`` when no part
            has a value.
        low: The lowest value possible (0).
        high: The highest value possible (100).
        parts: The weighted components.
        notes: Further explanation, e.g. a recommendation and its reasons.
        coverage: The share of the weight of the parts that apply whose inputs
            were known, from 0 to 1; ``None`` when no part applies. Below 1,
            the value counts the unknown as the lowest it could be.
    """

    key: str
    label_da: str
    label_en: str
    value: float | None
    low: float = LOW
    high: float = HIGH
    parts: tuple[ScorePart, ...] = ()
    notes: tuple[Note, ...] = ()
    coverage: float | None = attrs.field(
        default=attrs.Factory(lambda self: _coverage(self.parts), takes_self=True)
    )

    def label(self, lang: Language = "en") -> str:
        """Return the score's name in the given language."""
        return self.label_da if require_language(lang) == "da" else self.label_en

    def to_dict(self) -> dict[str, Any]:
        """Return the score as JSON-compatible data: its fields, by name, in their order.

        The parts are lists of their own ``to_dict``, the notes objects with
        ``da`` and ``en``. [`result_schema("score")`][frivillig.schema.result_schema]
        is its JSON Schema.

        Examples:
            >>> import frivillig
            >>> data = frivillig.goal_alignment(frivillig.load_example()).to_dict()
            >>> data["key"], data["value"], data["low"], data["high"], len(data["parts"])
            ('goal_alignment', 100.0, 0.0, 100.0, 2)
        """
        return {
            "key": self.key,
            "label_da": self.label_da,
            "label_en": self.label_en,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "parts": [part.to_dict() for part in self.parts],
            "notes": [{"da": note.da, "en": note.en} for note in self.notes],
            "coverage": self.coverage,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the score as JSON text; the same score always gives the same text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

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
        lang = require_language(lang)
        word = "af" if lang == "da" else "of"
        value = _shown(self.value, lang, known=self.coverage is not None)
        head = f"{self.label(lang)}: {value} {word} {_number(self.high, lang, 0)}"
        coverage = self.coverage
        partial = coverage is not None and coverage < 1 - _EPSILON
        if coverage is not None and partial:
            head += f" ({_coverage_words(coverage, lang)})"
        lines = [head]
        for part in self.parts:
            weight = _number(part.weight, lang, 2)
            weight_word = "vægt" if lang == "da" else "weight"
            shown = _shown(part.value, lang, known=part.applies)
            partly = part.coverage is not None and part.coverage < 1 - _EPSILON
            if partly and part.value is not None and part.coverage is not None:
                shown += f" ({_coverage_words(part.coverage, lang)})"
            lines.append(
                f"  - {part.label(lang)} ({weight_word} {weight}): "
                f"{shown} - {part.explanation(lang)}"
            )
        lines.extend(f"  {note.get(lang)}" for note in self.notes)
        if partial:
            lines.append(f"  {_COVERAGE_NOTE[lang]}")
        return "\n".join(lines)


class Scores(FrozenMap[str, Score]):
    """The scores of a collaboration by key, as [`score_all`][frivillig.score_all] returns them.

    A [`FrozenMap`][frivillig.FrozenMap] of [`Score`][frivillig.Score] (it
    compares, hashes, pickles and reads as one) with a JSON form.

    Examples:
        >>> import datetime as dt
        >>> import frivillig
        >>> scores = frivillig.score_all(frivillig.load_example(), today=dt.date(2026, 10, 1))
        >>> list(scores.to_dict())[0], scores.to_dict()["goal_alignment"]["value"]
        ('goal_alignment', 100.0)
    """

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the scores as JSON-compatible data: each score's ``to_dict``, by key, in order."""
        return {key: score.to_dict() for key, score in self.items()}

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the scores as JSON text; the same scores always give the same text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _number(value: float, lang: Language, digits: int = 1) -> str:
    shown = f"{value:.{digits}f}"
    return shown.replace(".", ",") if lang == "da" else shown


def _shown(value: float | None, lang: Language, *, known: bool = False) -> str:
    if value is None and known:
        return "ukendt" if lang == "da" else "unknown"
    if value is None:
        return "intet grundlag" if lang == "da" else "no data"
    return _number(value, lang)


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


_EPSILON = 1e-9

_COVERAGE_NOTE: dict[str, str] = {
    "da": "Det ukendte tæller som det laveste, det kan være, indtil det bliver kendt: at "
    "udfylde en manglende oplysning kan kun holde scoren eller hæve den.",
    "en": "What is unknown counts as the lowest it could be until it is known: filling in a "
    "missing fact can only keep the score or raise it.",
}


def _coverage_words(coverage: float, lang: Language) -> str:
    shown = round(coverage * 100)
    if shown == 100:  # just below 1: do not claim all is known
        shown = 99
    return f"dækning {shown} %" if lang == "da" else f"coverage {shown}%"


def _coverage(parts: Iterable[ScorePart]) -> float | None:
    """The share of the weight of the parts that apply whose inputs were known."""
    weights: list[float] = []
    known: list[float] = []
    for part in parts:
        if part.coverage is not None:
            weights.append(part.weight)
            known.append(part.weight * part.coverage)
    total = math.fsum(weights)
    if not weights or total <= 0:
        return None
    return min(max(math.fsum(known) / total, 0.0), 1.0)


def _combine(parts: Iterable[ScorePart]) -> float | None:
    """The weighted mean of the parts that apply, a part without a value counting 0.

    A part that does not apply is left out; one that applies but whose inputs are
    unknown counts as 0, so leaving a fact out never lifts the score. ``None`` when
    no part of any weight has a value.
    """
    weights: list[float] = []
    weighted: list[float] = []
    valued = False
    for part in parts:
        if part.coverage is None:
            continue
        weights.append(part.weight)
        if part.value is not None:
            valued = valued or part.weight > 0
            weighted.append(part.weight * part.value)
    total = math.fsum(weights)
    if not valued or total <= 0:
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


_APPLIES = 1.0
"""The coverage of a part whose inputs are all known (the default for a part with a value)."""


def _part(
    key: str,
    labels: tuple[str, str],
    value: float | None,
    weight: float,
    explanation: tuple[str, str],
    coverage: float | None = _APPLIES,
) -> ScorePart:
    """A part; without a value and a ``coverage``, one that does not apply (no material)."""
    if value is None:
        return _fixed_part(
            key, labels, None, weight, explanation, None if coverage == _APPLIES else coverage
        )
    return ScorePart(
        key=key,
        label_da=labels[0],
        label_en=labels[1],
        value=min(max(value, LOW), HIGH),
        weight=weight,
        explanation_da=explanation[0],
        explanation_en=explanation[1],
        coverage=coverage,
    )


def _unknown_part(
    key: str,
    labels: tuple[str, str],
    value: float | None,
    weight: float,
    explanation: tuple[str, str],
    coverage: float,
) -> ScorePart:
    """A part that applies but rests on inputs partly unknown: a value of 0 is shown as unknown."""
    if value is not None and value <= LOW and coverage < 1 - _EPSILON:
        value = None
    if value is None:
        return _fixed_part(key, labels, None, weight, explanation, coverage)
    return _part(key, labels, value, weight, explanation, coverage)


@functools.lru_cache(maxsize=256, typed=True)
def _fixed_part(
    key: str,
    labels: tuple[str, str],
    value: float | None,
    weight: float,
    explanation: tuple[str, str],
    coverage: float | None = _APPLIES,
) -> ScorePart:
    """A part that is the same in every collaboration that has it, made once and kept.

    Parts without material (value and coverage ``None``), wholly unknown ones and
    the fixed ones of a missing forum or plan say the same everywhere; at most 256
    are kept.
    """
    return ScorePart(
        key=key,
        label_da=labels[0],
        label_en=labels[1],
        value=None if value is None else min(max(value, LOW), HIGH),
        weight=weight,
        explanation_da=explanation[0],
        explanation_en=explanation[1],
        coverage=None if value is None and coverage == _APPLIES else coverage,
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


def counted_dependence(collaboration: Collaboration, participant: Participant) -> float | None:
    """The share of a party's budget from the municipality that counts as economic dependence.

    The municipality, and a public institution of the collaboration's own
    municipality, are funded by that municipality because they are part of it:
    the public sector's dependence on its own municipality is not an inequality
    between the parties, so it does not count (``None``). Every other party's
    ``budget_share_from_municipality`` counts, when known. The equality score and
    rule FR111 both count dependence this way.
    """
    if not dependence_counts(collaboration, participant):
        return None
    return participant.budget_share_from_municipality


def dependence_counts(collaboration: Collaboration, participant: Participant) -> bool:
    """Whether a party's funding by the municipality would count as dependence, if known.

    Not for the municipality, nor a public institution of the collaboration's own
    municipality (see `counted_dependence`).
    """
    actor = participant.actor
    return not (
        actor.kind is ActorKind.MUNICIPALITY
        or (
            actor.kind is ActorKind.PUBLIC_INSTITUTION
            and getattr(actor, "municipality_code", None) == collaboration.municipality_code
        )
    )


def equality(collaboration: Collaboration) -> Score:
    """Score the power balance: economic dependence against shared decision making.

    The talk: the collaboration "cannot fully escape that one party depends
    economically on the other", so the parties must work at meeting as equals.
    The most dependent party sets the independence part; a forum whose agenda
    every party sets is the room for dialogue between equals. The score never
    rises when a party's economic dependence rises. A public institution's
    funding by its own municipality is not counted (see rule FR111): it is part
    of the municipality, not a party that depends on it.

    Args:
        collaboration: The collaboration.

    Returns:
        The score, with the parts *independence* (0.4), *shared agenda* (0.4)
        and *felt equality* (0.2).
    """
    parties = collaboration.party_ids
    n = len(parties)
    dependent = sorted(
        (share, participant.id)
        for participant in collaboration.participants
        if (share := counted_dependence(collaboration, participant)) is not None
    )
    unknown = sorted(
        participant.id
        for participant in collaboration.participants
        if participant.budget_share_from_municipality is None
        and dependence_counts(collaboration, participant)
    )
    if unknown:
        # Any of them could get its whole budget from the municipality: until their shares
        # are known, the part is the least it could be, and a share left out never lifts it.
        known = (
            (
                f" (den mest afhængige kendte part, {max(dependent)[1]}, får "
                f"{_percent(max(dependent)[0])})",
                f" (the most dependent known party, {max(dependent)[1]}, gets "
                f"{_percent(max(dependent)[0])})",
            )
            if dependent
            else ("", "")
        )
        independence = _unknown_part(
            "independence",
            ("økonomisk uafhængighed", "economic independence"),
            None,
            0.4,
            (
                f"det vides ikke, hvor stor en del af budgettet {', '.join(unknown)} får fra "
                f"kommunen; indtil det kendes, tæller delen som 0{known[0]}",
                f"it is not known how much of its budget {', '.join(unknown)} gets from the "
                f"municipality; until it is, the part counts as 0{known[1]}",
            ),
            len(dependent) / (len(dependent) + len(unknown)),
        )
    elif dependent:
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
                "ingen part er afhængig af kommunens penge på en måde, der tæller",
                "no party's funding by the municipality counts as dependence",
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
    """The parties' own ratings of one precondition; a party that gave none counts as 1.

    The value is the mean over every party, an unrated party counting as the
    lowest rating; the coverage is the share of parties that rated.
    """
    n = len(collaboration.participants)
    ratings = sorted(
        (getattr(participant.readiness, field), participant.id)
        for participant in collaboration.participants
        if participant.readiness is not None and getattr(participant.readiness, field) is not None
    )
    if not n:
        none = ("samarbejdet har ingen parter", "the collaboration has no parties")
        return _part(field, labels, None, weight, none)
    if not ratings:
        return _unknown_part(
            field,
            labels,
            None,
            weight,
            ("ingen part har vurderet sig selv", "no party has rated itself"),
            0.0,
        )
    mean = statistics.fmean(rating for rating, _ in ratings)
    lowest, who = ratings[0]
    k = len(ratings)
    explanation = (
        f"gennemsnit {_number(mean, 'da', 2)} på 1-5 fra {k} parter; lavest: {who} ({lowest})",
        f"mean {_number(mean, 'en', 2)} on 1-5 from {k} parties; lowest: {who} ({lowest})",
    )
    if k < n:
        explanation = (
            f"{explanation[0]}; {n - k} af de {n} parter har ikke vurderet sig selv, og en "
            "manglende vurdering tæller som 1, indtil den gives",
            f"{explanation[1]}; {n - k} of the {n} parties did not rate themselves, and a "
            "missing rating counts as 1 until it is given",
        )
    value = math.fsum(_likert(rating) for rating, _ in ratings) / n
    return _unknown_part(field, labels, value, weight, explanation, k / n)


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
    LARGE_MONEY = ("large_money", "store beløb mellem parterne", "large sums between the parties")
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
    FormalisationDriver.LARGE_MONEY: _L.PARTNERSHIP_AGREEMENT,
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
        money_dkk_per_year: The money the parties put in a year, as far as
            recorded: the sum of their known ``funding_dkk_per_year``.
        money_amount_unknown: Whether money changes hands but some of its amount
            is not recorded, so that the money may call for more than ``level``.
    """

    level: FormalisationLevel
    drivers: tuple[FormalisationDriver, ...]
    reasons: tuple[Note, ...]
    money_dkk_per_year: int = 0
    money_amount_unknown: bool = False


_RISKY = frozenset(
    {
        FormalisationDriver.MONEY,
        FormalisationDriver.LARGE_MONEY,
        FormalisationDriver.CHILDREN,
        FormalisationDriver.PERSONAL_DATA,
        FormalisationDriver.AUTHORITY,
    }
)
"""The drivers that rule out a small, short experiment: the risk drivers, by which rule
FR110 also grades a misfit."""

RISK_DRIVERS = _RISKY


def money_facts(collaboration: Collaboration) -> tuple[bool, int, bool]:
    """Whether money changes hands, the yearly amount recorded, and whether some is unknown.

    Money changes hands when a party brings money or gets part of its budget from
    the municipality (the municipality's own funding of itself and of its own
    institutions does not count; see `dependence_counts`). The amount is the sum of
    the known ``funding_dkk_per_year`` of the parties that bring money; it is partly
    unknown when one of them has no amount, or when money changes hands and no party
    is recorded as bringing it.
    """
    participants = collaboration.participants
    givers = [p for p in participants if Resource.MONEY in p.resources]
    present = bool(givers) or any(
        p.budget_share_from_municipality
        for p in participants
        if dependence_counts(collaboration, p)  # not the public sector's own funding
    )
    total = sum(p.funding_dkk_per_year or 0 for p in givers)
    unknown = present and (not givers or any(p.funding_dkk_per_year is None for p in givers))
    return present, total, unknown


def _drivers(
    collaboration: Collaboration,
    settings: FormalisationSettings,
    money: tuple[bool, int, bool] | None = None,
) -> list[FormalisationDriver]:
    found: list[FormalisationDriver] = []
    participants = collaboration.participants
    tasks = collaboration.tasks
    present, total, _ = money_facts(collaboration) if money is None else money
    if present:
        found.append(FormalisationDriver.MONEY)
        if total >= settings.large_money_dkk:
            found.append(FormalisationDriver.LARGE_MONEY)
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


def dkk(amount: int, lang: Language) -> str:
    """An amount of Danish kroner as each language writes it: 2.000.000 kr., DKK 2,000,000."""
    shown = f"{amount:,}"
    return f"{shown.replace(',', '.')} kr." if lang == "da" else f"DKK {shown}"


def driver_label(driver: FormalisationDriver, lang: Language, money_dkk: int) -> str:
    """The driver's label; large sums say how much money changes hands a year."""
    if driver is FormalisationDriver.LARGE_MONEY:
        if lang == "da":
            return f"{dkk(money_dkk, 'da')} om året mellem parterne"
        return f"{dkk(money_dkk, 'en')} a year between the parties"
    return driver.label(lang)


def _reasons(
    collaboration: Collaboration, settings: FormalisationSettings
) -> tuple[FormalisationLevel, list[FormalisationDriver], list[tuple[str, str]], int, bool]:
    """The recommended level, the drivers, the reasons, and the money and whether it is known."""
    money = money_facts(collaboration)
    drivers = _drivers(collaboration, settings, money)
    _, total, unknown = money
    level, reasons = _reasons_for(drivers, settings, total, unknown)
    return level, drivers, reasons, total, unknown


def _unknown_amount_matters(drivers: Iterable[FormalisationDriver], unknown: bool) -> bool:
    """Whether a partly unknown amount could still be a large sum."""
    return unknown and FormalisationDriver.LARGE_MONEY not in drivers


def _reasons_for(
    drivers: list[FormalisationDriver],
    settings: FormalisationSettings,
    money_dkk: int = 0,
    amount_unknown: bool = False,
) -> tuple[FormalisationLevel, list[tuple[str, str]]]:
    """The level the drivers call for, and the reasons in Danish and English."""
    level, heavy = _recommended_level(drivers, settings)
    reasons: list[tuple[str, str]] = []
    for driver in drivers:
        floor = _FLOORS[driver]
        reasons.append(
            (
                f"{driver_label(driver, 'da', money_dkk)}: mindst {floor.da}",
                f"{driver_label(driver, 'en', money_dkk)}: at least {floor.en}",
            )
        )
    if _unknown_amount_matters(drivers, amount_unknown):
        threshold = settings.large_money_dkk
        reasons.append(
            (
                f"{FormalisationDriver.MONEY.da}, beløbet er ukendt: fra "
                f"{dkk(threshold, 'da')} om året kalder pengene alene på en "
                f"{_L.PARTNERSHIP_AGREEMENT.da}",
                f"{FormalisationDriver.MONEY.en}, the amount is unknown: from "
                f"{dkk(threshold, 'en')} a year the money alone calls for a "
                f"{_L.PARTNERSHIP_AGREEMENT.en}",
            )
        )
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
    - DKK 1,000,000 a year or more (``large_money_dkk``: the sum of the parties'
      ``funding_dkk_per_year``) calls for a partnership agreement;
    - three or more of money, many parties, a long period and closeness to
      authority call for a partnership agreement.

    When money changes hands and its amount is not (fully) recorded, the
    recommendation says so (``money_amount_unknown``) and names the amount from
    which the money alone would call for a partnership agreement.

    Args:
        collaboration: The collaboration.
        settings: The thresholds; the defaults when ``None``.

    Returns:
        The recommended level, the drivers found and the reasons.
    """
    settings = settings or FormalisationSettings()
    level, drivers, reasons, total, unknown = _reasons(collaboration, settings)
    return FormalisationRecommendation(
        level=level,
        drivers=tuple(drivers),
        reasons=tuple(Note(da=da, en=en) for da, en in reasons),
        money_dkk_per_year=total,
        money_amount_unknown=_unknown_amount_matters(drivers, unknown),
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

    Two things keep the score honest. A paid contract or spontaneous help is
    not volunteering, so no form of volunteering collaboration fits it: its fit
    is 0. And where money changes hands but its amount is not recorded, the
    fit is the lower of the fit for the recorded facts and the fit had the
    amount been a large sum (``large_money_dkk`` or more), so the score never
    rises because the amount is missing; the part's coverage is then the share
    of the parties bringing money whose amount is known.

    Args:
        collaboration: The collaboration.
        settings: The thresholds and penalties; the defaults when ``None``.

    Returns:
        The score, with one part, *fit*.
    """
    settings = settings or FormalisationSettings()
    money = money_facts(collaboration)
    drivers = _drivers(collaboration, settings, money)
    _, total, unknown = money
    large = FormalisationDriver.LARGE_MONEY in drivers
    matters = _unknown_amount_matters(drivers, unknown)
    coverage = None
    if matters:
        givers = [p for p in collaboration.participants if Resource.MONEY in p.resources]
        known = sum(p.funding_dkk_per_year is not None for p in givers)
        coverage = known / len(givers) if givers else 0.0
    return _if_money_unknown(
        collaboration,
        settings,
        _fit(
            collaboration.formalisation, tuple(drivers), settings, total if large else 0, coverage
        ),
    )


def _if_money_unknown(
    collaboration: Collaboration, settings: FormalisationSettings, found: Score
) -> Score:
    """The fit when it is not known whether money passes between the parties at all.

    No party is recorded as bringing money, and some party whose funding by the
    municipality would count has no ``budget_share_from_municipality``: money may
    pass all the same. The fit is then the lower of the fit without money and the
    fit with money of an unknown amount, and its coverage the lower of theirs, so a
    budget share left out never raises the score.
    """
    present, _, _ = money_facts(collaboration)
    silent = sorted(
        p.id
        for p in collaboration.participants
        if p.budget_share_from_municipality is None and dependence_counts(collaboration, p)
    )
    if present or not silent:
        return found
    with_money = _drivers(collaboration, settings, (True, 0, True))
    worst = _fit(collaboration.formalisation, tuple(with_money), settings, 0, 0.0)
    lower = worst if _or_zero(worst.value) <= _or_zero(found.value) else found
    (fit,) = lower.parts
    coverage = min(_or_zero(found.coverage), _or_zero(worst.coverage))
    note = Note(
        da=f"Det vides ikke, om der går penge mellem parterne: {', '.join(silent)} har ikke "
        "oplyst, hvor stor en del af budgettet der kommer fra kommunen. Tilpasningen er den "
        "laveste af tilpasningen uden penge og tilpasningen med penge af ukendt størrelse.",
        en=f"It is not known whether money passes between the parties: {', '.join(silent)} "
        "have not stated how much of their budget comes from the municipality. The fit is the "
        "lower of the fit without money and the fit with money of an unknown amount.",
    )
    return _score(
        lower.key,
        lower.label_da,
        lower.label_en,
        [attrs.evolve(fit, coverage=coverage)],
        [*lower.notes, note],
    )


def _or_zero(value: float | None) -> float:
    return 0.0 if value is None else value


def _steps_fit(
    actual: FormalisationLevel, recommended: FormalisationLevel, settings: FormalisationSettings
) -> tuple[float, str, str]:
    """The fit of a level against a recommended one, and how far off it is in words."""
    steps = _LEVEL_RANKS[actual] - _LEVEL_RANKS[recommended]
    if steps < 0:
        return (
            HIGH - -steps * settings.loose_step_penalty,
            f"{-steps} trin løsere end anbefalet",
            f"{-steps} step{'s' if steps < -1 else ''} looser than recommended",
        )
    if steps > 0:
        return (
            HIGH - steps * settings.tight_step_penalty,
            f"{steps} trin strammere end anbefalet",
            f"{steps} step{'s' if steps > 1 else ''} tighter than recommended",
        )
    return HIGH, "som anbefalet", "as recommended"


_NOT_VOLUNTEERING = {
    _L.PAID_CONTRACT: (
        "betalt kontrakt er køb af en ydelse, ikke frivilligt arbejde",
        "a paid contract is buying a service, not volunteering",
    ),
    _L.SPONTANEOUS: (
        "spontan hjælp er ikke organiseret frivilligt arbejde efter serviceloven § 18",
        "spontaneous help is not organised volunteering in the sense of Serviceloven § 18",
    ),
}


@functools.lru_cache(maxsize=512)
def _fit(
    actual: FormalisationLevel,
    drivers: tuple[FormalisationDriver, ...],
    settings: FormalisationSettings,
    money_dkk: int = 0,
    amount_coverage: float | None = None,
) -> Score:
    """The formalisation fit of a level, given the drivers found and the settings.

    The score depends on the collaboration only through its level, its drivers,
    the amount when it is a large sum and, when an amount is unknown, the share
    known (``amount_coverage``), of which there are few combinations, so the
    (immutable) scores are kept; the cache holds at most 512.
    """
    amount_unknown = amount_coverage is not None
    recommended, reasons = _reasons_for(list(drivers), settings, money_dkk, amount_unknown)
    if not actual.is_volunteering:
        what_da, what_en = _NOT_VOLUNTEERING[actual]
        value = LOW
        explanation = (
            f"{what_da}: ingen form for frivilligsamarbejde passer",
            f"{what_en}: no form of volunteering collaboration fits",
        )
    else:
        value, da, en = _steps_fit(actual, recommended, settings)
        explanation = (
            f"{actual.da}, anbefalet {recommended.da}: {da}",
            f"{actual.en}, recommended {recommended.en}: {en}",
        )
        if amount_unknown:
            worst, _ = _recommended_level([*drivers, FormalisationDriver.LARGE_MONEY], settings)
            worse, da, en = _steps_fit(actual, worst, settings)
            if worse < value:
                threshold = settings.large_money_dkk
                value = worse
                explanation = (
                    f"{actual.da}, anbefalet {recommended.da}, men beløbet er ukendt: fra "
                    f"{dkk(threshold, 'da')} om året kalder pengene på en {worst.da}, og "
                    f"tilpasningen regnes mod den: {da}",
                    f"{actual.en}, recommended {recommended.en}, but the amount is unknown: "
                    f"from {dkk(threshold, 'en')} a year the money calls for a {worst.en}, "
                    f"and the fit is counted against it: {en}",
                )
    if amount_unknown and actual.is_volunteering:
        fit = _part("fit", ("tilpasning", "fit"), value, 1.0, explanation, amount_coverage)
    else:
        fit = _part("fit", ("tilpasning", "fit"), value, 1.0, explanation)
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

    - *meaning* (0.4): for each volunteer with a task, the share of the strong
      motives (at least ``motive_threshold`` on the 1-7 scale) that the
      volunteer's tasks offer, 1 with no strong motive; the mean over those
      volunteers. A motive whose strength is unknown counts as a strong one the
      tasks do not offer, unless they offer it.
    - *commitment* (0.3): for each volunteer with a task, 1 when the hours asked
      are within the hours offered, else offered / asked; 0 while the hours
      offered or a task's hours are unknown.
    - *action* (0.3): for each volunteer, 1 with a task that suits them, 0 with
      no task or, for one who wants influence, with only hands tasks.

    So a missing motive or number of hours never raises the score; the parts'
    coverage says how much of the motives and hours is known.

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
    motives_known: list[float] = []
    commitments: list[float] = []
    hours_known: list[float] = []
    actions: list[float] = []
    over_asked = 0
    hours_unknown = 0
    partial_profiles = 0
    hands_only = 0
    idle = 0
    functions = len(VolunteerFunction)
    for volunteer in collaboration.volunteers:
        tasks = tasks_of[volunteer.id]
        if tasks:
            offered = {function for task in tasks for function in task.offers}
            motives = volunteer.motives
            strong = {f for f, strength in motives.items() if strength >= motive_threshold}
            # An unknown motive could be a strong one; it is unmet unless the tasks offer it.
            unmet_unknown = sum(
                1 for f in VolunteerFunction if f not in motives and f not in offered
            )
            needed = len(strong) + unmet_unknown
            matches.append(len(strong & offered) / needed if needed else 1.0)
            motives_known.append(len(motives) / functions)
            if len(motives) < functions:
                partial_profiles += 1
            hours = [task.hours_per_week for task in tasks]
            offered_hours = volunteer.hours_offered_per_week
            known = sum(1 for h in hours if h is not None) + (offered_hours is not None)
            hours_known.append(known / (len(hours) + 1))
            if offered_hours is None or any(h is None for h in hours):
                hours_unknown += 1
                commitments.append(0.0)
            else:
                asked = math.fsum(h for h in hours if h is not None)
                if asked <= offered_hours:
                    commitments.append(1.0)
                else:
                    over_asked += 1
                    commitments.append(offered_hours / asked)
        if not tasks:
            idle += 1
            actions.append(0.0)
        elif volunteer.wants_influence and all(task.kind is TaskKind.HANDS for task in tasks):
            hands_only += 1
            actions.append(0.0)
        else:
            actions.append(1.0)
    n = len(matches)
    if n:
        explanation = (
            f"i gennemsnit tilbyder opgaverne {_percent(statistics.fmean(matches))} af de "
            f"stærke motiver hos {n} frivillige med opgaver",
            f"on average the tasks offer {_percent(statistics.fmean(matches))} of the strong "
            f"motives of {n} volunteers with tasks",
        )
        if partial_profiles:
            explanation = (
                f"{explanation[0]}; {partial_profiles} har ikke oplyst alle seks motiver, og et "
                "ukendt motiv, som opgaverne ikke tilbyder, tæller som et stærkt motiv, de ikke "
                "møder",
                f"{explanation[1]}; {partial_profiles} have not stated all six motives, and an "
                "unknown motive the tasks do not offer counts as a strong one they do not meet",
            )
        meaning = _unknown_part(
            "meaning",
            ("mening", "meaning"),
            statistics.fmean(matches) * HIGH,
            0.4,
            explanation,
            statistics.fmean(motives_known),
        )
        explanation = (
            f"{over_asked} af {n} frivillige med opgaver bliver bedt om flere timer, end de "
            "tilbyder",
            f"{over_asked} of {n} volunteers with tasks are asked for more hours than they offer",
        )
        if hours_unknown:
            explanation = (
                f"{explanation[0]}; for {hours_unknown} kendes de tilbudte timer eller en "
                "opgaves timer ikke, og de tæller som 0, indtil de kendes",
                f"{explanation[1]}; for {hours_unknown} the hours offered or a task's hours are "
                "unknown, and they count as 0 until known",
            )
        commitment = _unknown_part(
            "commitment",
            ("engagement", "commitment"),
            statistics.fmean(commitments) * HIGH,
            0.3,
            explanation,
            statistics.fmean(hours_known),
        )
    else:
        none = ("ingen frivillig har en opgave", "no volunteer has a task")
        meaning = _part("meaning", ("mening", "meaning"), None, 0.4, none)
        commitment = _part("commitment", ("engagement", "commitment"), None, 0.3, none)
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


def _answered_bound(
    instrument: Instrument, answers: object, base: tuple[str | int, ...]
) -> tuple[float, float]:
    """One respondent's result as the least it could be, from 0 to 1, and the share answered.

    Each item's answer (reverse-coded items turned around) counts as its place on
    the scale, an unanswered item as 0, the bottom; each factor is the mean over
    all its items, and the result combines the factors as the instrument's
    overall score does. With every item answered it is the place of the overall
    score on its range (of the factors' mean place, without an overall score);
    leaving an answer out can only lower it. Answers that do not fit the
    instrument raise ``ValidationError`` at their paths, as scoring them does.
    """
    values = _checked_values(instrument, instrument.items, answers, "$", (*base, "answers"))
    scale = instrument.scale
    low, span = float(scale.minimum), float(scale.maximum - scale.minimum)
    by_items = (
        instrument.scoring.aggregation is Aggregation.SUM and instrument.scoring.overall
    )  # a prorated sum weighs each factor by its items
    weights: list[float] = []
    places: list[float] = []
    answered: list[float] = []
    for factor in instrument.factors:
        count = len(factor.items)
        given = [values[item.id] for item in factor.items if item.id in values]
        weight = float(count) if by_items else 1.0
        weights.append(weight)
        places.append(weight * math.fsum((value - low) / span for value in given) / count)
        answered.append(weight * len(given) / count)
    total = math.fsum(weights)
    return math.fsum(places) / total, math.fsum(answered) / total


def level_held(before: float, after: float) -> float:
    """How well a level was held from one round to the next, from 0 to 100.

    ``before`` and ``after`` are places on a 0-100 range. A level that held or
    rose counts as the level reached; one that fell counts as the level reached
    less the fall. So a steady high level scores as well as rising to it, and
    better than rising to a lower one; a fall always costs. Evaluation health's
    *trend* part and [`RoundSeries.held`][frivillig.RoundSeries.held] use it.
    """
    return min(max(min(after, 2 * after - before), LOW), HIGH)


def evaluation_health(
    collaboration: Collaboration,
    *,
    today: dt.date,
    settings: ScoreSettings | None = None,
) -> Score:
    """Score whether the collaboration is evaluated, on time, and satisfies every party.

    The talk: "evaluate continuously whether the chosen form satisfies both
    parties". The latest round held (by date) is judged for every party of the
    collaboration: a party that gave no satisfaction rating, or no answers to an
    instrument that assesses the collaboration, counts as the lowest until it
    does, so a missing answer never raises the score. The round before it gives
    the trend; the plan gives punctuality (see
    [`frivillig.schedules`][frivillig.schedules]).

    - *satisfaction* (0.25): the parties' mean satisfaction (1-5).
    - *least satisfied party* (0.15): the lowest satisfaction (1-5); unknown
      while a party has not rated.
    - *trend* (0.15): how well the mean satisfaction held since the round before
      (see [`level_held`][frivillig.level_held]): the level reached, less any
      fall. A steady high level scores as well as rising to it. A party that did
      not rate the round before counts as having been fully satisfied then, so
      a missing rating never hides a fall.
    - *punctuality* (0.25): the share of due dates so far covered on time, a
      late round counting ``late_credit`` (0 without a plan).
    - *instrument results* (0.2): each party's answers to an instrument that
      assesses the collaboration (its ``measures`` is ``collaboration`` or
      ``satisfaction``: not the VFI's volunteer motives), as a share of the
      instrument's range, an unanswered item counting as the bottom.

    Satisfaction, trend and instrument results do not apply before a round is
    held (the trend, before two are); punctuality, before a due date has passed.

    Args:
        collaboration: The collaboration.
        today: The day to judge punctuality on, a ``datetime.date`` (a
            ``datetime`` is refused: say which day with ``.date()``).
        settings: The settings; the defaults when ``None``.

    Returns:
        The score, with its five parts; the parties' latest satisfaction as notes.

    Raises:
        ValidationError: a response names an instrument that is neither built
            in nor in ``settings.instruments``, or its answers do not fit the
            instrument.
        ArgumentTypeError: ``today`` is not a ``datetime.date`` (a ``datetime``
            included), or an argument has the wrong type: a programming mistake.
    """
    _check_today(today)
    settings = _check_arguments(collaboration, settings)
    ordered = _ordered_rounds(collaboration)
    parties = sorted(collaboration.party_ids)
    n = len(parties)
    notes: list[Note] = []
    labels_satisfaction = ("tilfredshed", "satisfaction")
    labels_least = ("mindst tilfredse part", "least satisfied party")
    labels_trend = ("udvikling", "trend")
    if not ordered or not n:
        none = (
            ("der er endnu ikke holdt nogen runde", "no round has been held yet")
            if n
            else ("samarbejdet har ingen parter", "the collaboration has no parties")
        )
        satisfaction = _part("satisfaction", labels_satisfaction, None, 0.25, none)
        least = _part("least_satisfied", labels_least, None, 0.15, none)
    else:
        latest = ordered[-1][1]
        marks = _marks(latest, parties)
        satisfaction, least = _satisfaction_parts(latest, marks, parties)
        if marks:
            notes.append(
                Note(
                    da="Tilfredshed i seneste runde: "
                    + ", ".join(f"{party} {marks[party]}" for party in sorted(marks)),
                    en="Satisfaction in the latest round: "
                    + ", ".join(f"{party} {marks[party]}" for party in sorted(marks)),
                )
            )
    if len(ordered) >= 2 and n:
        trend = _trend_part(ordered[-2][1], ordered[-1][1], parties)
    else:
        trend = _part(
            "trend",
            labels_trend,
            None,
            0.15,
            ("færre end to runder er holdt", "fewer than two rounds have been held"),
        )
    punctuality = _punctuality(collaboration, today, settings)
    instrument = _instrument_part(collaboration, ordered, parties, settings)
    return _score(
        "evaluation_health",
        "Evalueringens sundhed",
        "Evaluation health",
        [satisfaction, least, trend, punctuality, instrument],
        notes,
    )


def _marks(round_: EvaluationRound, parties: list[str]) -> dict[str, int]:
    """The satisfaction of each party that rated in the round."""
    wanted = set(parties)
    return {
        r.party: r.satisfaction
        for r in round_.responses
        if r.satisfaction is not None and r.party in wanted
    }


def _satisfaction_parts(
    latest: EvaluationRound, marks: dict[str, int], parties: list[str]
) -> tuple[ScorePart, ScorePart]:
    n, k = len(parties), len(marks)
    where = (
        f"i runden {latest.id} ({latest.held_on.isoformat()})",
        f"in round {latest.id} ({latest.held_on.isoformat()})",
    )
    labels_satisfaction = ("tilfredshed", "satisfaction")
    labels_least = ("mindst tilfredse part", "least satisfied party")
    if not k:
        none = (
            f"ingen part har vurderet sin tilfredshed {where[0]}",
            f"no party rated its satisfaction {where[1]}",
        )
        return (
            _unknown_part("satisfaction", labels_satisfaction, None, 0.25, none, 0.0),
            _unknown_part("least_satisfied", labels_least, None, 0.15, none, 0.0),
        )
    mean = statistics.fmean(marks.values())
    missing = [party for party in parties if party not in marks]
    explanation = (
        f"gennemsnit {_number(mean, 'da', 2)} på 1-5 fra {k} parter {where[0]}",
        f"mean {_number(mean, 'en', 2)} on 1-5 from {k} parties {where[1]}",
    )
    if missing:
        explanation = (
            f"{explanation[0]}; {', '.join(missing)} har ikke vurderet, og en manglende "
            "vurdering tæller som 1, indtil den gives",
            f"{explanation[1]}; {', '.join(missing)} did not rate, and a missing rating counts "
            "as 1 until it is given",
        )
    satisfaction = _unknown_part(
        "satisfaction",
        labels_satisfaction,
        math.fsum(_likert(mark) for mark in marks.values()) / n,
        0.25,
        explanation,
        k / n,
    )
    lowest_mark = min(marks.values())
    lowest = sorted(party for party, mark in marks.items() if mark == lowest_mark)
    if missing:
        least = _unknown_part(
            "least_satisfied",
            labels_least,
            None,
            0.15,
            (
                f"{', '.join(missing)} har ikke vurderet, så den mindst tilfredse part kendes "
                f"ikke (lavest af de øvrige: {', '.join(lowest)}, {lowest_mark})",
                f"{', '.join(missing)} did not rate, so the least satisfied party is not known "
                f"(lowest of the others: {', '.join(lowest)}, {lowest_mark})",
            ),
            k / n,
        )
    else:
        least = _part(
            "least_satisfied",
            labels_least,
            _likert(lowest_mark),
            0.15,
            (
                f"{', '.join(lowest)}: {lowest_mark} på 1-5",
                f"{', '.join(lowest)}: {lowest_mark} on 1-5",
            ),
        )
    return satisfaction, least


def _trend_part(before: EvaluationRound, after: EvaluationRound, parties: list[str]) -> ScorePart:
    """The level held from the round before to the latest, the unknown counted against it."""
    n = len(parties)
    marks_before, marks_after = _marks(before, parties), _marks(after, parties)
    # The least the latest level could be, and the most the earlier one could have been.
    reached = math.fsum(_likert(mark) for mark in marks_after.values()) / n
    was = (
        math.fsum(_likert(mark) for mark in marks_before.values()) + HIGH * (n - len(marks_before))
    ) / n
    coverage = (len(marks_before) + len(marks_after)) / (2 * n)
    if marks_before and marks_after:
        mean_before = statistics.fmean(marks_before.values())
        mean_after = statistics.fmean(marks_after.values())
        da_before, da_after = _number(mean_before, "da", 2), _number(mean_after, "da", 2)
        en_before, en_after = _number(mean_before, "en", 2), _number(mean_after, "en", 2)
        if mean_after < mean_before:
            da = f"gennemsnittet faldt fra {da_before} til {da_after}: niveauet minus faldet"
            en = f"the mean fell from {en_before} to {en_after}: the level reached, less the fall"
        elif mean_after > mean_before:
            da = f"gennemsnittet steg fra {da_before} til {da_after}: det nåede niveau tæller"
            en = f"the mean rose from {en_before} to {en_after}: the level reached counts"
        else:
            da = f"gennemsnittet holdt sig på {da_after}: et stabilt niveau tæller som niveauet"
            en = f"the mean held at {en_after}: a steady level counts as the level held"
    else:
        da = "en af de to seneste runder har ingen vurderinger af tilfredsheden"
        en = "one of the last two rounds has no satisfaction ratings"
    if coverage < 1:
        da += "; en part, der ikke vurderede, tæller som 1 i seneste runde og 5 i runden før"
        en += "; a party that did not rate counts as 1 in the latest round and 5 in the one before"
    return _unknown_part(
        "trend", ("udvikling", "trend"), level_held(was, reached), 0.15, (da, en), coverage
    )


def _check_today(today: object) -> None:
    """Refuse what is not a ``datetime.date`` (a ``datetime`` too), as ``check`` does."""
    require_date(today)


def _check_arguments(collaboration: object, settings: object) -> "ScoreSettings":
    """The settings to use, once the collaboration and the settings have their types."""
    require_instance(collaboration, Collaboration, "collaboration")
    if settings is None:
        return DEFAULT_SETTINGS
    return require_instance(settings, ScoreSettings, "settings")


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
    parties: list[str],
    settings: ScoreSettings,
) -> ScorePart:
    labels = ("resultater af spørgeskema", "instrument results")
    if not ordered or not parties:
        return _part(
            "instruments",
            labels,
            None,
            0.2,
            ("der er endnu ikke holdt nogen runde", "no round has been held yet"),
        )
    index, round_ = ordered[-1]
    wanted = set(parties)
    places: list[float] = []
    answered: list[float] = []
    counted: set[str] = set()
    others: set[tuple[str, InstrumentMeasure]] = set()
    for s_, response in enumerate(round_.responses):
        if response.instrument is None or response.party not in wanted:
            continue
        base = ("rounds", index, "responses", s_)
        instrument = _response_instrument(response.instrument, settings.instruments, base)
        if not instrument.measures.assesses_collaboration:
            others.add((instrument.id, instrument.measures))
            continue
        place, share = _answered_bound(instrument, response.answers, base)
        places.append(place)
        answered.append(share)
        counted.add(instrument.id)
    n = len(parties)
    value = math.fsum(places) / n * HIGH
    coverage = math.fsum(answered) / n
    names = ", ".join(sorted(counted))
    if places:
        explanation = (
            f"{len(places)} af {n} parter besvarede {names} i runden {round_.id}: i gennemsnit "
            f"{_number(value, 'da')} % af skalaen, når en part eller et udsagn uden svar "
            "tæller som bunden",
            f"{len(places)} of {n} parties answered {names} in round {round_.id}: on average "
            f"{_number(value, 'en')}% of the scale, a party or item without an answer counting "
            "as the bottom",
        )
    else:
        explanation = (
            f"ingen part besvarede et spørgeskema om samarbejdet i runden {round_.id}",
            f"no party answered an instrument that assesses the collaboration in round {round_.id}",
        )
    if others:
        ranked = sorted(others, key=lambda other: (other[0], other[1].value))
        shown_da = ", ".join(f"{id_} ({measures.da})" for id_, measures in ranked)
        shown_en = ", ".join(f"{id_} ({measures.en})" for id_, measures in ranked)
        explanation = (
            f"{explanation[0]}; svar på {shown_da} måler ikke samarbejdet og tæller ikke med",
            f"{explanation[1]}; answers to {shown_en} do not assess the collaboration and do "
            "not count",
        )
    return _unknown_part("instruments", labels, value, 0.2, explanation, coverage)


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
            coverage=score.coverage,
        )
        for score in components
    ]
    return _score("collaboration_health", "Samarbejdets sundhed", "Collaboration health", parts)


def collaboration_health(
    collaboration: Collaboration,
    *,
    today: dt.date,
    settings: ScoreSettings | None = None,
) -> Score:
    """Score the collaboration's overall health: a weighted mean of the six other scores.

    The weights are ``settings.health_weights`` (by default
    [`DEFAULT_HEALTH_WEIGHTS`][frivillig.DEFAULT_HEALTH_WEIGHTS]). A score that
    does not apply (no part has material) is left out and the other weights
    count in its place; one whose inputs are all unknown counts 0, and each
    score's coverage carries into the health's.

    Args:
        collaboration: The collaboration.
        today: The day to judge on, a ``datetime.date``.
        settings: The settings; the defaults when ``None``.

    Returns:
        The score, with one part per score.

    Raises:
        ValidationError: as [`evaluation_health`][frivillig.evaluation_health].
        ArgumentTypeError: as [`evaluation_health`][frivillig.evaluation_health].
    """
    _check_today(today)
    settings = _check_arguments(collaboration, settings)
    return _health(_components(collaboration, today, settings), settings)


def score_all(
    collaboration: Collaboration,
    *,
    today: dt.date,
    settings: ScoreSettings | None = None,
) -> Scores:
    """Compute every score of a collaboration.

    Args:
        collaboration: The collaboration.
        today: The day to judge on, a ``datetime.date``.
        settings: The settings; the defaults when ``None``.

    Returns:
        The scores by key (a [`Scores`][frivillig.Scores], a ``FrozenMap`` with
        ``to_dict`` and ``to_json``), in this order: ``goal_alignment``, ``equality``,
        ``co_creation_readiness``, ``formalisation_fit``, ``volunteer_fit``,
        ``evaluation_health`` and ``collaboration_health``.

    Raises:
        ValidationError: as [`evaluation_health`][frivillig.evaluation_health].
        ArgumentTypeError: as [`evaluation_health`][frivillig.evaluation_health].

    Examples:
        >>> import datetime as dt
        >>> import frivillig
        >>> scores = frivillig.score_all(frivillig.load_example(), today=dt.date(2026, 10, 1))
        >>> list(scores)[-1]
        'collaboration_health'
        >>> all(0 <= s.value <= 100 for s in scores.values() if s.value is not None)
        True
    """
    _check_today(today)
    settings = _check_arguments(collaboration, settings)
    components = _components(collaboration, today, settings)
    scores = [*components, _health(components, settings)]
    return Scores((score.key, score) for score in scores)


def render_scores(
    collaboration: Collaboration,
    *,
    today: dt.date,
    lang: Language = "en",
    settings: ScoreSettings | None = None,
    count: int = 3,
) -> str:
    """Render every score and the next due dates of a collaboration for a terminal.

    Args:
        collaboration: The collaboration.
        today: The day to judge on, a ``datetime.date``.
        lang: ``"da"`` or ``"en"``.
        settings: The settings; the defaults when ``None``.
        count: How many upcoming due dates to list.

    Returns:
        Lines of text, without a trailing newline: a heading, each score with
        its parts and notes, and the next due dates.

    Raises:
        ValidationError: as [`evaluation_health`][frivillig.evaluation_health].
        ArgumentTypeError: as [`evaluation_health`][frivillig.evaluation_health].
        ArgumentValueError: ``lang`` is text other than ``"da"`` or ``"en"``.
    """
    lang = require_language(lang)
    _check_today(today)
    settings = _check_arguments(collaboration, settings)
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
