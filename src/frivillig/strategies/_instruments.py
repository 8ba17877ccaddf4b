"""Strategies for instruments (questionnaires as data), their parts, and scored answers."""

import functools
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

from .._scores.instruments import (
    Aggregation,
    Anchor,
    Band,
    Category,
    Factor,
    Instrument,
    InstrumentMeasure,
    InstrumentResult,
    InstrumentScore,
    Item,
    Note,
    Provenance,
    Scale,
    ScoringRule,
    Verification,
    get_instrument,
    instrument_ids,
    score_instrument,
)
from ._dice import _Dice
from ._evaluation import _draw_answers, _draw_between
from ._primitives import (
    _BAND_SLUGS,
    _CATEGORY_SLUGS,
    _FACTOR_SLUGS,
    _INSTRUMENT_SLUGS,
    _ITEM_SLUGS,
    _draw_choice,
    _draw_maybe_text,
    _draw_text,
    _floats,
    _read_id,
    _read_new_ids,
)

# -- instruments -----------------------------------------------------------------------------


@functools.cache
def _builtin_instruments() -> tuple[Instrument, ...]:
    return tuple(get_instrument(instrument_id) for instrument_id in instrument_ids())


def _draw_note(draw: DrawFn, dice: _Dice) -> Note:
    return Note(da=_draw_text(draw, dice, 300), en=_draw_text(draw, dice, 300))


@st.composite
def _notes(draw: DrawFn) -> Note:
    return _draw_note(draw, _Dice(draw, 2))


@functools.cache
def notes() -> SearchStrategy[Note]:
    """A strategy for short texts in Danish and English, as instruments and scores carry them."""
    return _notes()


def _draw_anchor(draw: DrawFn, dice: _Dice, value: int) -> Anchor:
    return Anchor(
        value=value, label_da=_draw_text(draw, dice, 60), label_en=_draw_text(draw, dice, 60)
    )


@st.composite
def _anchors(draw: DrawFn) -> Anchor:
    dice = _Dice(draw, 3)
    return _draw_anchor(draw, dice, dice.integer(-3, 10))


def anchors() -> SearchStrategy[Anchor]:
    """A strategy for the words that go with one point of a response scale."""
    return _anchors()


def _draw_scale(draw: DrawFn, dice: _Dice) -> Scale:
    minimum = dice.integer(-3, 1)
    maximum = minimum + dice.integer(1, 10)
    points = dice.sample(range(minimum, maximum + 1), 0, 5)
    fractional = dice.byte() >= 192  # one scale in four allows answers between the points
    return Scale(
        minimum=minimum,
        maximum=maximum,
        anchors=tuple(_draw_anchor(draw, dice, value) for value in sorted(points)),
        whole_numbers=not fractional,
    )


@st.composite
def _scales(draw: DrawFn) -> Scale:
    return _draw_scale(draw, _Dice(draw, 20))


def scales() -> SearchStrategy[Scale]:
    """A strategy for response scales: a minimum, a greater maximum and anchors on the scale."""
    return _scales()


def _draw_item(draw: DrawFn, dice: _Dice, item_id: str) -> Item:
    reverse = dice.byte() >= 192  # one item in four is scored in reverse
    return Item(
        id=item_id,
        text_da=_draw_text(draw, dice, 300),
        text_en=_draw_text(draw, dice, 300),
        reverse=reverse,
    )


@st.composite
def _items(draw: DrawFn) -> Item:
    dice = _Dice(draw, 4)
    return _draw_item(draw, dice, _read_id(dice, _ITEM_SLUGS))


def items() -> SearchStrategy[Item]:
    """A strategy for an instrument's items (statements), some scored in reverse."""
    return _items()


def _draw_category(draw: DrawFn, dice: _Dice, category_id: str) -> Category:
    return Category(
        id=category_id,
        label_da=_draw_text(draw, dice, 80),
        label_en=_draw_text(draw, dice, 80),
    )


@st.composite
def _categories(draw: DrawFn) -> Category:
    dice = _Dice(draw, 3)
    return _draw_category(draw, dice, _read_id(dice, _CATEGORY_SLUGS))


@functools.cache
def categories() -> SearchStrategy[Category]:
    """A strategy for the categories that group an instrument's factors."""
    return _categories()


def _draw_factor(
    draw: DrawFn, dice: _Dice, factor_id: str, category: str | None, item_ids: Sequence[str]
) -> Factor:
    return Factor(
        id=factor_id,
        label_da=_draw_text(draw, dice, 80),
        label_en=_draw_text(draw, dice, 80),
        category=category,
        items=tuple(_draw_item(draw, dice, item_id) for item_id in item_ids),
    )


@st.composite
def _factors(draw: DrawFn) -> Factor:
    dice = _Dice(draw, 24)
    factor_id = _read_id(dice, _FACTOR_SLUGS)
    grouped = dice.flag()
    category = _read_id(dice, _CATEGORY_SLUGS)
    item_ids = _read_new_ids(dice, _ITEM_SLUGS, dice.integer(1, 4))
    return _draw_factor(draw, dice, factor_id, category if grouped else None, item_ids)


def factors() -> SearchStrategy[Factor]:
    """A strategy for the factors an instrument measures, each with at least one item."""
    return _factors()


def _draw_band(draw: DrawFn, dice: _Dice, key: str, lower: float) -> Band:
    return Band(
        key=key,
        lower=lower,
        label_da=_draw_text(draw, dice, 60),
        label_en=_draw_text(draw, dice, 60),
        meaning_da=_draw_maybe_text(draw, dice, 300),
        meaning_en=_draw_maybe_text(draw, dice, 300),
    )


def _draw_bands(draw: DrawFn, dice: _Dice, low: float, high: float) -> tuple[Band, ...]:
    lowers = sorted({_draw_between(draw, low, high) for _ in range(dice.integer(0, 4))})
    keys = _read_new_ids(dice, _BAND_SLUGS, len(lowers))
    return tuple(
        _draw_band(draw, dice, key, lower) for key, lower in zip(keys, lowers, strict=True)
    )


@st.composite
def _bands(draw: DrawFn) -> Band:
    dice = _Dice(draw, 6)
    key = _read_id(dice, _BAND_SLUGS)
    return _draw_band(draw, dice, key, draw(_floats(-1e12, 1e12)))


def bands() -> SearchStrategy[Band]:
    """A strategy for interpretation bands: a key, a lower bound and what a score there means."""
    return _bands()


_AGGREGATIONS = tuple(Aggregation)
_MEASURES = tuple(InstrumentMeasure)  # the first, the collaboration, is simplest
_VERIFICATIONS = tuple(Verification)


def _draw_scoring_rule(draw: DrawFn, dice: _Dice) -> ScoringRule:
    aggregation = dice.choice(_AGGREGATIONS)
    overall = dice.flag()
    return ScoringRule(
        aggregation=aggregation,
        min_answered=draw(_shares()),
        overall=overall,
    )


@functools.cache
def _shares() -> SearchStrategy[float]:
    return st.floats(min_value=0.0, max_value=1.0, exclude_min=True)


@st.composite
def _scoring_rules(draw: DrawFn) -> ScoringRule:
    return _draw_scoring_rule(draw, _Dice(draw, 2))


@functools.cache
def scoring_rules() -> SearchStrategy[ScoringRule]:
    """A strategy for how answers become scores, and how many answers a score needs."""
    return _scoring_rules()


def _draw_provenance(draw: DrawFn, dice: _Dice) -> Provenance:
    grades = [dice.choice(_VERIFICATIONS) for _ in range(5)]
    return Provenance(
        factors=grades[0],
        items=grades[1],
        scale=grades[2],
        scoring=grades[3],
        bands=grades[4],
        notes=tuple(_draw_note(draw, dice) for _ in range(dice.integer(0, 2))),
    )


@st.composite
def _provenances(draw: DrawFn) -> Provenance:
    return _draw_provenance(draw, _Dice(draw, 12))


@functools.cache
def provenances() -> SearchStrategy[Provenance]:
    """A strategy for how well each aspect of an instrument is backed by its sources."""
    return _provenances()


@st.composite
def _made_instruments(draw: DrawFn) -> Instrument:
    dice = _Dice(draw, 160)
    scale = _draw_scale(draw, dice)
    category_ids = _read_new_ids(dice, _CATEGORY_SLUGS, dice.integer(0, 3))
    count = max(len(category_ids), dice.integer(1, 4))
    factor_ids = _read_new_ids(dice, _FACTOR_SLUGS, count)
    item_ids = _read_new_ids(dice, _ITEM_SLUGS, dice.integer(count, 3 * count))
    owners = list(range(count)) + [dice.index(count) for _ in item_ids[count:]]
    homes = [
        category_ids[index] if index < len(category_ids) else dice.choice(category_ids)
        for index in range(count)
        if category_ids
    ]
    return Instrument(
        id=_read_id(dice, _INSTRUMENT_SLUGS),
        name_da=_draw_text(draw, dice, 120),
        name_en=_draw_text(draw, dice, 120),
        edition=_draw_maybe_text(draw, dice, 60),
        citation=_draw_text(draw, dice, 300),
        licence=_draw_text(draw, dice, 300),
        description_da=_draw_maybe_text(draw, dice, 300),
        description_en=_draw_maybe_text(draw, dice, 300),
        scale=scale,
        categories=tuple(_draw_category(draw, dice, category_id) for category_id in category_ids),
        factors=tuple(
            _draw_factor(
                draw,
                dice,
                factor_id,
                homes[index] if homes else None,
                [item for item, owner in zip(item_ids, owners, strict=True) if owner == index],
            )
            for index, factor_id in enumerate(factor_ids)
        ),
        scoring=_draw_scoring_rule(draw, dice),
        bands=_draw_bands(draw, dice, float(scale.minimum), float(scale.maximum)),
        provenance=_draw_provenance(draw, dice),
        measures=dice.choice(_MEASURES),
    )


@functools.cache
def instruments() -> SearchStrategy[Instrument]:
    """A strategy for instruments: questionnaires as data.

    Draws are the built-in instruments and instruments made up here, each with
    a scale, factors (in categories or not) whose items have ids unique in the
    instrument, a scoring rule, bands in increasing order and a provenance.
    Examples shrink towards the first built-in instrument.
    """
    return st.sampled_from(_builtin_instruments()) | _made_instruments()


@st.composite
def _instrument_results(draw: DrawFn) -> InstrumentResult:
    instrument = draw(instruments())
    return score_instrument(instrument, _draw_answers(draw, _Dice(draw), instrument))


@functools.cache
def instrument_results() -> SearchStrategy[InstrumentResult]:
    """A strategy for one respondent's scored answers to an instrument.

    Each is what [`score_instrument`][frivillig.score_instrument] returns for
    some of an instrument's items answered on its scale.
    """
    return _instrument_results()


@st.composite
def _instrument_scores(draw: DrawFn) -> InstrumentScore:
    result = draw(instrument_results())
    found = (*result.factors, *result.categories, *filter(None, (result.overall,)))
    return _draw_choice(draw, found)


@functools.cache
def instrument_scores() -> SearchStrategy[InstrumentScore]:
    """A strategy for the score of one factor, one category or a whole instrument."""
    return _instrument_scores()
