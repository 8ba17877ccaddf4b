"""Score, ScorePart and Scores, their JSON and text, and the helpers that build them."""

import json
import math
from collections.abc import Iterable
from typing import Any

import attrs

from .._core.arguments import require_language
from .._core.caches import lru
from .._core.frozenmap import FrozenMap
from .._core.labels import Language
from .instruments import (
    Note,
)

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


@lru("scores.fixed_parts", typed=True)
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
