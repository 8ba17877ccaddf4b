"""Instruments at work: their answers scored, and the built-in instruments loaded.

The instrument classes (what a questionnaire is) belong to the model, in
``frivillig._model.instruments``; here are what uses them:
[`score_instrument`][frivillig.score_instrument], which documents how answers are
scored, the scores of an evaluation round's responses, and the built-in instruments
([`instrument_ids`][frivillig.instrument_ids],
[`get_instrument`][frivillig.get_instrument]), read from the package's data.
"""

import functools
import math
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .._core.arguments import require_instance, require_language
from .._core.caches import BUDGETS, register
from .._core.frozenmap import FrozenMap
from .._core.labels import Language
from .._core.paths import render_path
from .._model.instruments import (
    _NUMBER,
    Aggregation,
    Anchor,
    Band,
    Category,
    Factor,
    Instrument,
    InstrumentMeasure,
    Item,
    Note,
    Provenance,
    Scale,
    ScoringRule,
    Verification,
    _no_factor,
)
from ..errors import ArgumentTypeError, Problem, ValidationError

__all__ = [
    "Aggregation",
    "Anchor",
    "Band",
    "Category",
    "Factor",
    "Instrument",
    "InstrumentMeasure",
    "InstrumentResult",
    "InstrumentScore",
    "Item",
    "Note",
    "Provenance",
    "Scale",
    "ScoringRule",
    "Verification",
    "get_instrument",
    "instrument_ids",
    "score_instrument",
]


# -- results -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class InstrumentScore:
    """The score of one factor, one category or the whole instrument, with its band.

    Attributes:
        key: The factor's or category's id, or ``"overall"``.
        label_da: Its name in Danish.
        label_en: Its name in English.
        value: The score, or ``None`` when too few answers (or factors) were
            there to score it.
        low: The lowest score possible.
        high: The highest score possible.
        band: The band the score falls in, if the instrument has bands.
        answered: How many items were answered (for a factor) or factors
            scored (for a category or overall).
        expected: How many items (or factors) there are.
        category: The category a factor belongs to, if any.
    """

    key: str
    label_da: str
    label_en: str
    value: float | None
    low: float
    high: float
    band: Band | None = None
    answered: int
    expected: int
    category: str | None = None

    def label(self, lang: Language = "en") -> str:
        """Return the name in the given language."""
        lang = require_language(lang)
        return self.label_da if lang == "da" else self.label_en


@attrs.frozen(kw_only=True)
class InstrumentResult:
    """One respondent's answers to an instrument, scored per factor, per category and overall.

    Attributes:
        instrument: The instrument's id.
        factors: One score per factor, in the instrument's order.
        categories: One score per category, in the instrument's order.
        overall: The overall score, unless the scoring rule leaves it out.
        missing: The ids of the items not answered.
        unverified: The instrument's aspects marked unverified (see
            [`Provenance`][frivillig.Provenance]), so that a reader of the
            result sees it.
    """

    instrument: str
    factors: tuple[InstrumentScore, ...]
    categories: tuple[InstrumentScore, ...] = ()
    overall: InstrumentScore | None = None
    missing: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()

    def factor(self, factor_id: str) -> InstrumentScore:
        """Return the score of the factor with the given id.

        Raises:
            ArgumentValueError: the result has no such factor (a programming mistake).
        """
        for score in self.factors:
            if score.key == factor_id:
                return score
        raise _no_factor(factor_id, self.instrument)

    def to_text(self, lang: Language = "en") -> str:
        """Render the result for a terminal, in Danish or English."""
        lang = require_language(lang)
        lines = []
        for score in (*self.factors, *self.categories):
            lines.append(_score_line(score, lang))
        if self.overall is not None:
            lines.append(_score_line(self.overall, lang))
        if self.unverified:
            word = "ikke bekræftet" if lang == "da" else "unverified"
            aspects = [_ASPECTS_DA.get(a, a) if lang == "da" else a for a in self.unverified]
            lines.append(f"({word}: {', '.join(aspects)})")
        return "\n".join(lines)


# The aspects of an instrument (Provenance's fields) as a Danish reader knows them.
_ASPECTS_DA = {
    "factors": "faktorer",
    "items": "udsagn",
    "scale": "skala",
    "scoring": "scoring",
    "bands": "grænser",
}


def _number(value: float, lang: Language) -> str:
    shown = f"{value:.2f}"
    return shown.replace(".", ",") if lang == "da" else shown


def _score_line(score: InstrumentScore, lang: Language) -> str:
    if score.value is None:
        value = "ikke scoret" if lang == "da" else "not scored"
    else:
        value = _number(score.value, lang)
    band = f" [{score.band.label(lang)}]" if score.band is not None else ""
    return f"{score.label(lang)}: {value}{band} ({score.answered}/{score.expected})"


def _answer_problems(
    instrument: Instrument,
    items: tuple[Item, ...],
    answers: Mapping[Any, Any],
    root: str,
    where: tuple[str | int, ...],
) -> list[Problem]:
    known = {item.id for item in items}
    scale = instrument.scale
    low, high, whole = scale.minimum, scale.maximum, scale.whole_numbers
    given = _plain(answers)
    # The usual answers: known items, each a number on the scale (whole, if it must be) or None.
    if known.issuperset(given) and all(
        value is None
        or (type(value) in _NUMBER and low <= value <= high and (not whole or value == int(value)))
        for value in given.values()
    ):
        return []
    problems = []
    for key, value in given.items():
        if key not in known:
            problems.append(
                Problem(
                    path=render_path((*where, str(key)), root),
                    message=f"{str(key)[:60]!r} is not an item of instrument {instrument.id!r}",
                    code="reference",
                )
            )
            continue
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, _NUMBER):
            problems.append(
                Problem(
                    path=render_path((*where, str(key)), root),
                    message="expected a number or null",
                    code="type",
                )
            )
        elif not math.isfinite(value) or not low <= value <= high:
            problems.append(
                Problem(
                    path=render_path((*where, str(key)), root),
                    message=f"is outside the scale; expected {low} to {high}",
                    code="range",
                )
            )
        elif whole and value != int(value):
            problems.append(
                Problem(
                    path=render_path((*where, str(key)), root),
                    message="expected a whole number on the scale",
                    code="format",
                )
            )
    return problems


def _plain(mapping: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """The dict a [`FrozenMap`][frivillig.FrozenMap] keeps its items in, or the mapping itself.

    Reading a dict costs less than going through the ``Mapping`` methods.
    """
    return mapping._data if isinstance(mapping, FrozenMap) else mapping


def score_instrument(
    instrument: Instrument, answers: Mapping[str, float | None], *, root: str = "$"
) -> InstrumentResult:
    """Score one respondent's answers to an instrument.

    1. Every answer is checked against the scale: a number from the scale's
       minimum to its maximum, a whole number when the scale says so. ``None``
       (or leaving the item out) means *not answered*.
    2. Reverse-coded items are turned around: an answer ``x`` counts as
       ``minimum + maximum - x``.
    3. A factor's score is the mean of its answered items (with a ``sum`` rule,
       that mean times the number of items: a sum prorated over unanswered items).
    4. **Missing answers**: a factor is scored only when at least
       ``scoring.min_answered`` of its items are answered (by default half,
       rounded up, and always at least one); otherwise its score is ``None``.
       This rule is the library's choice; none of the sources prescribes one.
    5. A category's score is the mean of its scored factors and the overall
       score the mean of all scored factors: each factor weighs the same (a
       ``sum`` rule prorates the sum of factor scores). Each is scored only
       when at least ``min_answered`` of its factors are.
    6. Each score falls in the band with the highest lower bound at or below it.

    Args:
        instrument: The instrument answered.
        answers: The answers by item id; ``None`` or a left-out item means not answered.
        root: The JSON path of ``answers`` in its document, used in error messages.

    Returns:
        The scores per factor, per category and overall, each with its band.

    Raises:
        ArgumentTypeError: ``instrument`` is not an
            [`Instrument`][frivillig.Instrument] (a programming mistake).
        ValidationError: the answers (data) are not a mapping, or an answer
            names an unknown item, is not a number, lies outside the scale, or
            is not a whole number on a whole-number scale; every such problem
            is listed with its path.

    Examples:
        >>> from frivillig import get_instrument, score_instrument
        >>> barometer = get_instrument("barometer")
        >>> result = score_instrument(barometer, {"b01": 5, "b02": 4, "b03": 4, "b04": 2})
        >>> result.factor("goal_clarity").value
        4.5
        >>> result.factor("equality").value  # b04 is reverse-coded: 2 counts as 4
        4.0
        >>> result.factor("equality").band.label_en
        'working well'
        >>> result.factor("meaning_for_volunteers").value is None
        True
    """
    require_instance(instrument, Instrument, "instrument", "an Instrument")
    return score_answers_at(instrument, answers, root, ())


def _checked_values(
    instrument: Instrument,
    items: tuple[Item, ...],
    answers: object,
    root: str,
    where: tuple[str | int, ...],
) -> dict[str, float]:
    """Check the answers against the scale and return the answered items' values.

    Reverse-coded items are turned around. Raises ``ValidationError`` with every
    problem, each at its path below ``render_path(where, root)``.
    """
    if not isinstance(answers, Mapping):
        raise ValidationError(
            [
                Problem(
                    path=render_path(where, root),
                    message="expected the answers as a mapping",
                    code="type",
                )
            ]
        )
    problems = _answer_problems(instrument, items, answers, root, where)
    if problems:
        raise ValidationError(problems)
    scale = instrument.scale
    total = scale.minimum + scale.maximum
    given = _plain(answers)
    values: dict[str, float] = {}
    for item in items:
        answer = given.get(item.id)
        if answer is not None:
            values[item.id] = float(total - answer if item.reverse else answer)
    return values


def score_answers_at(
    instrument: Instrument, answers: object, root: str, where: tuple[str | int, ...]
) -> InstrumentResult:
    """Score answers found at the path segments ``where`` below ``root``.

    As [`score_instrument`][frivillig.score_instrument] with the root
    ``render_path(where, root)``; the path is rendered only for a problem.
    """
    items = instrument.items
    values = _checked_values(instrument, items, answers, root, where)
    factor_scores = tuple(
        _factor_score(instrument, factor, values) for factor in instrument.factors
    )
    categories = tuple(
        _group_score(
            instrument,
            category.id,
            category.label_da,
            category.label_en,
            [score for score in factor_scores if score.category == category.id],
        )
        for category in instrument.categories
    )
    overall = (
        _group_score(instrument, "overall", "samlet", "overall", list(factor_scores))
        if instrument.scoring.overall
        else None
    )
    missing = tuple(item.id for item in items if item.id not in values)
    return InstrumentResult(
        instrument=instrument.id,
        factors=factor_scores,
        categories=categories,
        overall=overall,
        missing=missing,
        unverified=instrument.provenance.unverified,
    )


def result_fraction_at(
    instrument: Instrument, answers: object, root: str, where: tuple[str | int, ...]
) -> float | None:
    """Where one respondent's result lies on its range, from 0 to 1, or ``None``.

    The result is the overall score or, when the scoring rule has none, the mean
    of the scored factors' fractions; ``None`` when it is not scored. The same
    figures as `score_answers_at` gives, without the objects that explain them,
    and the same errors.
    """
    parts = _usual_factor_values(instrument, answers)
    if parts is None:
        values = _checked_values(instrument, instrument.items, answers, root, where)
        factors = [_factor_value(instrument, factor, values) for factor in instrument.factors]
        parts = [(value, low, high) for value, _, low, high in factors]
    if instrument.scoring.overall:
        value, _, low, high = _group_value(instrument, parts)
        return None if value is None else (value - low) / (high - low)
    shares = [(value - low) / (high - low) for value, low, high in parts if value is not None]
    return _fmean(shares) if shares else None


@attrs.frozen
class _Plan:
    """What scoring the usual answers to one instrument needs, worked out once.

    Attributes:
        known: The ids of the instrument's items.
        allowed: On a whole-number scale of at most 1,000 points, every answer
            on it and ``None``; else ``None``, and each answer is looked at.
        factors: For each factor, its item ids, which of them are reversed,
            how many items it has and how many must be answered.
        low: The scale's minimum.
        high: The scale's maximum.
        whole: Whether answers must be whole numbers.
        total: ``low + high``, which a reversed answer is taken from.
        mean: Whether factors are scored as means (else as prorated sums).
    """

    known: frozenset[str]
    allowed: frozenset[object] | None
    factors: tuple[tuple[tuple[str, ...], tuple[bool, ...], int, int], ...]
    low: int
    high: int
    whole: bool
    total: int
    mean: bool


_PLANS: dict[int, tuple["Instrument", _Plan]] = register("instruments.plans", {})
_MAX_PLANS = BUDGETS["instruments.plans"].entries
# A plan holds a few sets and tuples over the items: an instrument with more items than
# this is scored without keeping its plan, so the kept plans stay within the budget.
_MAX_PLAN_ITEMS = 200
_ANSWER_TYPES = frozenset({int, float, type(None)})


def _plan(instrument: Instrument) -> _Plan:
    """The instrument's plan, kept while the instrument is among the last few scored.

    Instruments are immutable, and the same few are used for every response,
    so a plan is kept by the instrument's identity, with the instrument itself
    (so that the identity is not reused while it is kept); at most 64 are kept.
    """
    kept = _PLANS.get(id(instrument))
    if kept is not None and kept[0] is instrument:
        return kept[1]
    scale = instrument.scale
    low, high = scale.minimum, scale.maximum
    allowed: frozenset[object] | None = None
    if scale.whole_numbers and high - low <= 1000:
        allowed = frozenset((None, *range(low, high + 1)))
    rule = instrument.scoring
    plan = _Plan(
        known=frozenset(item.id for item in instrument.items),
        allowed=allowed,
        factors=tuple(
            (
                tuple(item.id for item in factor.items),
                tuple(item.reverse for item in factor.items),
                len(factor.items),
                rule.needed(len(factor.items)),
            )
            for factor in instrument.factors
        ),
        low=low,
        high=high,
        whole=scale.whole_numbers,
        total=low + high,
        mean=rule.aggregation is Aggregation.MEAN,
    )
    if len(plan.known) > _MAX_PLAN_ITEMS:
        return plan
    if len(_PLANS) >= _MAX_PLANS:
        _PLANS.clear()
    _PLANS[id(instrument)] = (instrument, plan)
    return plan


def _usual_factor_values(
    instrument: Instrument, answers: object
) -> list[tuple[float | None, float, float]] | None:
    """Each factor's value, low and high for the usual answers; else ``None``.

    The usual answers are a [`FrozenMap`][frivillig.FrozenMap] of known items,
    each a number on the scale (whole, if it must be) or ``None``: then the
    figures are those `_factor_value` gives from `_checked_values`. Anything
    else gives ``None``, and the caller goes the long way, which raises.
    """
    if type(answers) is not FrozenMap:
        return None
    given = answers._data
    plan = _plan(instrument)
    if not plan.known.issuperset(given):
        return None
    if plan.allowed is not None:
        values = given.values()
        if not (_ANSWER_TYPES.issuperset(map(type, values)) and plan.allowed.issuperset(values)):
            return None
    else:
        low, high, whole = plan.low, plan.high, plan.whole
        for answer in given.values():
            if answer is not None and not (
                type(answer) in _NUMBER
                and low <= answer <= high
                and (not whole or answer == int(answer))
            ):
                return None
    total, mean_rule = plan.total, plan.mean
    low_f, high_f = float(plan.low), float(plan.high)
    parts: list[tuple[float | None, float, float]] = []
    for ids, reverse, count, needed in plan.factors:
        if any(reverse):
            answered = [
                float(total - answer if turned else answer)
                for answer, turned in zip(map(given.get, ids), reverse, strict=True)
                if answer is not None
            ]
        else:
            answered = [float(answer) for answer in map(given.get, ids) if answer is not None]
        value: float | None = None
        if len(answered) >= needed:
            mean = _fmean(answered)
            value = mean if mean_rule else mean * count
        if mean_rule:
            parts.append((value, low_f, high_f))
        else:
            parts.append((value, float(plan.low * count), float(plan.high * count)))
    return parts


Figures = tuple[float | None, int, float, float]
"""A score's value (``None`` when not scored), how many parts it rests on, its low and high."""


def _factor_value(instrument: Instrument, factor: Factor, values: dict[str, float]) -> Figures:
    rule = instrument.scoring
    scale = instrument.scale
    answered = [values[item.id] for item in factor.items if item.id in values]
    count = len(factor.items)
    value: float | None = None
    if len(answered) >= rule.needed(count):
        mean = _fmean(answered)
        value = mean if rule.aggregation is Aggregation.MEAN else mean * count
    factor_range = 1 if rule.aggregation is Aggregation.MEAN else count
    return (
        value,
        len(answered),
        float(scale.minimum * factor_range),
        float(scale.maximum * factor_range),
    )


def _factor_score(
    instrument: Instrument, factor: Factor, values: dict[str, float]
) -> InstrumentScore:
    value, answered, low, high = _factor_value(instrument, factor, values)
    return InstrumentScore(
        key=factor.id,
        label_da=factor.label_da,
        label_en=factor.label_en,
        value=value,
        low=low,
        high=high,
        band=instrument.band_for(value),
        answered=answered,
        expected=len(factor.items),
        category=factor.category,
    )


def _group_value(instrument: Instrument, parts: list[tuple[float | None, float, float]]) -> Figures:
    rule = instrument.scoring
    scored = [value for value, _, _ in parts if value is not None]
    value: float | None = None
    if rule.aggregation is Aggregation.MEAN:
        low, high = float(instrument.scale.minimum), float(instrument.scale.maximum)
    else:
        low = math.fsum(part_low for _, part_low, _ in parts)
        high = math.fsum(part_high for _, _, part_high in parts)
    if parts and len(scored) >= rule.needed(len(parts)):
        mean = _fmean(scored)
        value = mean if rule.aggregation is Aggregation.MEAN else mean * len(parts)
        value = min(max(value, low), high)
    return value, len(scored), low, high


def _group_score(
    instrument: Instrument,
    key: str,
    label_da: str,
    label_en: str,
    parts: list[InstrumentScore],
) -> InstrumentScore:
    value, scored, low, high = _group_value(
        instrument, [(part.value, part.low, part.high) for part in parts]
    )
    return InstrumentScore(
        key=key,
        label_da=label_da,
        label_en=label_en,
        value=value,
        low=low,
        high=high,
        band=instrument.band_for(value),
        answered=scored,
        expected=len(parts),
    )


def _fmean(values: Sequence[float]) -> float:
    """``statistics.fmean``, imported on first use (the module is slow to import)."""
    import statistics

    return statistics.fmean(values)


# -- the built-in instruments -----------------------------------------------------------


@functools.cache
def _shipped() -> dict[str, Instrument]:
    from importlib.resources import files  # here: slow to import

    from ..serialization import loads

    folder = files("frivillig") / "data" / "instruments"
    found: dict[str, Instrument] = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            instrument = loads(entry.read_bytes(), Instrument)
            found[instrument.id] = instrument
    return found


def instrument_ids() -> tuple[str, ...]:
    """Return the ids of the instruments shipped with frivillig, sorted.

    Examples:
        >>> from frivillig import instrument_ids
        >>> instrument_ids()
        ('barometer', 'pat-2003', 'vfi-1998', 'wilder-2001')
    """
    return tuple(sorted(_shipped()))


def built_in_instrument(instrument_id: str) -> Instrument | None:
    """The built-in instrument with this id, or ``None``: `get_instrument` without the error."""
    return _shipped().get(instrument_id)


def get_instrument(instrument_id: str) -> Instrument:
    """Return one of the instruments shipped with frivillig.

    The four built-in instruments are: ``"wilder-2001"`` (the structure of the
    Wilder Collaboration Factors Inventory, 2nd edition), ``"pat-2003"`` (the six
    principles of the Partnership Assessment Tool), ``"vfi-1998"`` (the six
    functions of the Volunteer Functions Inventory) and ``"barometer"`` (a short
    collaboration barometer built from the talk the library starts from). Their
    item wording is the library's own; check ``provenance`` for what is unverified.

    Args:
        instrument_id: The instrument's id; see [`instrument_ids`][frivillig.instrument_ids].

    Returns:
        The instrument, loaded and validated like any other document.

    Raises:
        ValidationError: no built-in instrument has that id (kept a data
            problem: the id often comes from a response in a document).
        ArgumentTypeError: ``instrument_id`` is not text (a programming mistake).
    """
    given: object = instrument_id  # any object may come, whatever the annotation says
    if not isinstance(given, str):
        usage = f"instrument_id must be a str, got {type(given).__name__}"
        raise ArgumentTypeError(usage)
    shipped = _shipped()
    if instrument_id not in shipped:
        choices = ", ".join(sorted(shipped))
        raise ValidationError(
            [
                Problem(
                    path="$",
                    message=f"no built-in instrument {str(instrument_id)[:60]!r}; "
                    f"choose one of {choices}",
                    code="choice",
                )
            ]
        )
    return shipped[instrument_id]
