"""Instruments: questionnaires as data.

An instrument is a questionnaire the parties (or the volunteers) answer in an
evaluation round: factors grouped in categories, the items (statements) of each
factor, a response scale, items scored in reverse, a scoring rule, and bands
that say how to read a score. Every instrument carries its citation, a licence
note, and its *provenance*: for each aspect (factors, items, scale, scoring,
bands) whether the library's source verified it, saw it only second-hand, or
could not verify it. Unverified aspects are defaults to override, not authority.

The built-in instruments follow the structure of published ones; their item
wording is the library's own. Call [`instrument_ids`][frivillig.instrument_ids]
for the list and [`get_instrument`][frivillig.get_instrument] to load one; write
your own in Python or as a JSON document of type ``"instrument"``.

How answers are scored is documented on
[`score_instrument`][frivillig.score_instrument]; the scoring lives with the scores.
"""

import math
from collections.abc import Sequence
from typing import Any

import attrs

from .._core.arguments import require_language
from .._core.labels import LabelledEnum, Language
from .._reference.cpr import mask_cpr_like
from ..errors import ArgumentTypeError, ArgumentValueError, UsageError
from .validators import (
    MAX_TITLE,
    FieldError,
    as_tuple,
    identifier,
    optional_text,
    sequence_converters,
    text,
    typed_fields,
    unique_ids,
)

__all__ = [
    "Aggregation",
    "Anchor",
    "Band",
    "Category",
    "Factor",
    "Instrument",
    "InstrumentMeasure",
    "Item",
    "Note",
    "Provenance",
    "Scale",
    "ScoringRule",
    "Verification",
]

_EPSILON = 1e-9
_NUMBER = (int, float)


class Verification(LabelledEnum):
    """How well an aspect of an instrument is backed by the library's sources."""

    VERIFIED = ("verified", "bekræftet i kilden", "verified against a source")
    SECONDARY = ("secondary", "kun set i en sekundær kilde", "seen only in a secondary source")
    UNVERIFIED = ("unverified", "ikke bekræftet", "unverified")
    NOT_FOUND = ("not_found", "ikke fundet i kilderne", "not found in the sources")
    CHOICE = ("choice", "bibliotekets eget valg", "the library's own choice")


class InstrumentMeasure(LabelledEnum):
    """What an instrument measures, and so whether its answers assess the collaboration.

    Only answers to an instrument that assesses the collaboration (its quality, or
    the parties' satisfaction with it) count towards the collaboration's evaluation
    health: a volunteer's motives, or a volunteer's own experience of volunteering,
    say nothing of how well the parties work together.
    """

    COLLABORATION = (
        "collaboration",
        "samarbejdets kvalitet",
        "the quality of the collaboration",
    )
    SATISFACTION = (
        "satisfaction",
        "parternes tilfredshed med samarbejdet",
        "the parties' satisfaction with the collaboration",
    )
    VOLUNTEER_MOTIVES = (
        "volunteer_motives",
        "den frivilliges motiver",
        "a volunteer's motives",
    )
    VOLUNTEER_EXPERIENCE = (
        "volunteer_experience",
        "den frivilliges oplevelse af at være frivillig",
        "a volunteer's experience of volunteering",
    )
    OTHER = ("other", "noget andet", "something else")

    @property
    def assesses_collaboration(self) -> bool:
        """Whether answers to such an instrument assess the collaboration itself."""
        return self in (InstrumentMeasure.COLLABORATION, InstrumentMeasure.SATISFACTION)


class Aggregation(LabelledEnum):
    """How the answers to a factor's items become the factor's score."""

    MEAN = ("mean", "gennemsnit", "mean")
    SUM = ("sum", "sum", "sum")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Note:
    """A short text in Danish and English.

    Attributes:
        da: The Danish text.
        en: The English text.
    """

    da: str = attrs.field(validator=text())
    en: str = attrs.field(validator=text())

    def get(self, lang: Language = "en") -> str:
        """Return the text in the given language."""
        lang = require_language(lang)
        return self.da if lang == "da" else self.en


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Anchor:
    """The words that go with one point of a response scale.

    Attributes:
        value: The point on the scale.
        label_da: What the point means, in Danish.
        label_en: What the point means, in English.
    """

    value: int
    label_da: str = attrs.field(validator=text(MAX_TITLE))
    label_en: str = attrs.field(validator=text(MAX_TITLE))


# Where a tuple is stored, any sequence is taken (a list, say) and stored as a tuple.


def _anchors(value: Sequence["Anchor"]) -> tuple["Anchor", ...]:
    return value if type(value) is tuple else as_tuple(value)


def _items(value: Sequence["Item"]) -> tuple["Item", ...]:
    return value if type(value) is tuple else as_tuple(value)


def _factors(value: Sequence["Factor"]) -> tuple["Factor", ...]:
    return value if type(value) is tuple else as_tuple(value)


def _categories(value: Sequence["Category"]) -> tuple["Category", ...]:
    return value if type(value) is tuple else as_tuple(value)


def _bands(value: Sequence["Band"]) -> tuple["Band", ...]:
    return value if type(value) is tuple else as_tuple(value)


def _notes(value: Sequence["Note"]) -> tuple["Note", ...]:
    return value if type(value) is tuple else as_tuple(value)


sequence_converters(_anchors, _items, _factors, _categories, _bands, _notes)


def _whole(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 1_000_000:
        raise FieldError((attribute.name,), "expected a whole number", "type")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Scale:
    """The response scale of an instrument's items.

    Attributes:
        minimum: The lowest answer, e.g. 1.
        maximum: The highest answer, e.g. 5.
        anchors: The words for some or all points of the scale.
        whole_numbers: Whether answers must be whole numbers (they usually are).
    """

    minimum: int = attrs.field(validator=_whole)
    maximum: int = attrs.field(validator=_whole)
    anchors: tuple[Anchor, ...] = attrs.field(default=(), converter=_anchors)
    whole_numbers: bool = True

    @maximum.validator
    def _check_maximum(self, attribute: "attrs.Attribute[Any]", value: int) -> None:
        if isinstance(self.minimum, int) and value <= self.minimum:
            raise FieldError((attribute.name,), "must be greater than the scale's minimum", "order")

    @anchors.validator
    def _check_anchors(self, attribute: "attrs.Attribute[Any]", value: tuple[Anchor, ...]) -> None:
        seen: set[int] = set()
        for index, anchor in enumerate(value):
            if not self.minimum <= anchor.value <= self.maximum:
                raise FieldError((attribute.name, index, "value"), "is outside the scale", "range")
            if anchor.value in seen:
                raise FieldError((attribute.name, index, "value"), "has two anchors", "duplicate")
            seen.add(anchor.value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Item:
    """One statement (item) of an instrument.

    Attributes:
        id: The item's id, unique in the instrument; answers are keyed by it.
        text_da: The statement in Danish.
        text_en: The statement in English.
        reverse: Whether agreeing means *less* of the factor, so that answers
            are reversed before scoring.
    """

    id: str = attrs.field(validator=identifier)
    text_da: str = attrs.field(validator=text(1000))
    text_en: str = attrs.field(validator=text(1000))
    reverse: bool = False

    def text(self, lang: Language = "en") -> str:
        """Return the statement in the given language."""
        lang = require_language(lang)
        return self.text_da if lang == "da" else self.text_en


def _non_empty(_: object, attribute: "attrs.Attribute[Any]", value: tuple[Any, ...]) -> None:
    if not value:
        raise FieldError((attribute.name,), "must not be empty", "empty")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Factor:
    """A factor (dimension, principle or function) an instrument measures with its items.

    Attributes:
        id: The factor's id, unique in the instrument.
        label_da: The factor's name in Danish.
        label_en: The factor's name in English.
        category: The id of the category it belongs to, if the instrument has categories.
        items: Its items; at least one.
    """

    id: str = attrs.field(validator=identifier)
    label_da: str = attrs.field(validator=text(MAX_TITLE))
    label_en: str = attrs.field(validator=text(MAX_TITLE))
    category: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(identifier)
    )
    items: tuple[Item, ...] = attrs.field(converter=_items, validator=[_non_empty, unique_ids()])

    def label(self, lang: Language = "en") -> str:
        """Return the factor's name in the given language."""
        lang = require_language(lang)
        return self.label_da if lang == "da" else self.label_en


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Category:
    """A group of factors, e.g. the Wilder inventory's *environment* or *resources*.

    Attributes:
        id: The category's id, unique in the instrument.
        label_da: Its name in Danish.
        label_en: Its name in English.
    """

    id: str = attrs.field(validator=identifier)
    label_da: str = attrs.field(validator=text(MAX_TITLE))
    label_en: str = attrs.field(validator=text(MAX_TITLE))

    def label(self, lang: Language = "en") -> str:
        """Return the category's name in the given language."""
        lang = require_language(lang)
        return self.label_da if lang == "da" else self.label_en


def _finite(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or abs(value) > 1e12
    ):
        raise FieldError((attribute.name,), "expected a finite number", "type")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Band:
    """An interpretation band: scores from ``lower`` up to the next band's lower bound.

    Attributes:
        key: A stable id, e.g. ``"strength"``.
        lower: The lowest score in the band (inclusive).
        label_da: The band's name in Danish.
        label_en: The band's name in English.
        meaning_da: What a score in the band suggests, in Danish.
        meaning_en: What a score in the band suggests, in English.
    """

    key: str = attrs.field(validator=identifier)
    lower: float = attrs.field(validator=_finite)
    label_da: str = attrs.field(validator=text(MAX_TITLE))
    label_en: str = attrs.field(validator=text(MAX_TITLE))
    meaning_da: str | None = attrs.field(default=None, validator=optional_text())
    meaning_en: str | None = attrs.field(default=None, validator=optional_text())

    def label(self, lang: Language = "en") -> str:
        """Return the band's name in the given language."""
        lang = require_language(lang)
        return self.label_da if lang == "da" else self.label_en


def _share(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise FieldError(
            (attribute.name,), "must be a share above 0 and at most 1, e.g. 0.5", "range"
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ScoringRule:
    """How answers become scores, and how missing answers are handled.

    Attributes:
        aggregation: ``mean`` (the default) or ``sum`` of a factor's items.
        min_answered: The share of a factor's items that must be answered for
            the factor to be scored, and the share of factors that must be scored
            for a category or the overall score; 0.5 by default (the library's
            choice). The count needed is rounded up and is at least one.
        overall: Whether to report an overall score across all factors.
    """

    aggregation: Aggregation = Aggregation.MEAN
    min_answered: float = attrs.field(default=0.5, validator=_share)
    overall: bool = True

    def needed(self, count: int) -> int:
        """How many of ``count`` parts must be present for a score."""
        return max(1, math.ceil(self.min_answered * count - _EPSILON))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Provenance:
    """How well each aspect of an instrument is backed, with notes on what is uncertain.

    Attributes:
        factors: The factors and categories (names and grouping).
        items: The items: how many per factor and their key. The wording of the
            built-in instruments is always the library's own.
        scale: The response scale.
        scoring: The scoring rule.
        bands: The interpretation bands.
        notes: What is uncertain and why, in Danish and English.
    """

    factors: Verification
    items: Verification
    scale: Verification
    scoring: Verification
    bands: Verification
    notes: tuple[Note, ...] = attrs.field(default=(), converter=_notes)

    @property
    def unverified(self) -> tuple[str, ...]:
        """The aspects marked unverified or not found in the sources."""
        weak = (Verification.UNVERIFIED, Verification.NOT_FOUND)
        return tuple(
            name
            for name in ("factors", "items", "scale", "scoring", "bands")
            if getattr(self, name) in weak
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Instrument:
    """A questionnaire as data: factors, items, scale, scoring rule and bands, with its source.

    Built-in instruments are loaded with [`get_instrument`][frivillig.get_instrument];
    your own can be made here or loaded from a JSON document of type
    ``"instrument"`` with [`loads`][frivillig.loads].

    Attributes:
        id: The instrument's id; responses name it in their ``instrument`` field.
        name_da: Its name in Danish.
        name_en: Its name in English.
        edition: Which edition of the published instrument it follows, if any.
        citation: The published source of its structure.
        licence: What may and may not be reused, and what the library did about it.
        description_da: What it measures, in Danish.
        description_en: What it measures, in English.
        measures: What kind of thing it measures; only answers to an instrument
            that assesses the collaboration (``collaboration`` or
            ``satisfaction``) count towards evaluation health. Your own
            instruments assess the collaboration unless they say otherwise.
        scale: The response scale, the same for every item.
        categories: The categories that group the factors, if any.
        factors: The factors, each with its items.
        scoring: How answers become scores.
        bands: Interpretation bands, by increasing lower bound; may be empty.
        provenance: How well each aspect is backed by the sources.

    Raises:
        FieldError: a field or a member of one has the wrong type (named by its
            path, ``$.factors[0]``), ids repeat, a factor names an unknown
            category (or none while the instrument has categories), or the bands
            are not in increasing order. Any sequence is taken where a tuple is
            stored, and stored as a tuple.
    """

    id: str = attrs.field(validator=identifier)
    name_da: str = attrs.field(validator=text(MAX_TITLE))
    name_en: str = attrs.field(validator=text(MAX_TITLE))
    edition: str | None = attrs.field(default=None, validator=optional_text(MAX_TITLE))
    citation: str = attrs.field(validator=text())
    licence: str = attrs.field(validator=text())
    description_da: str | None = attrs.field(default=None, validator=optional_text())
    description_en: str | None = attrs.field(default=None, validator=optional_text())
    measures: InstrumentMeasure = InstrumentMeasure.COLLABORATION
    scale: Scale
    categories: tuple[Category, ...] = attrs.field(
        default=(), converter=_categories, validator=unique_ids()
    )
    factors: tuple[Factor, ...] = attrs.field(
        converter=_factors, validator=[_non_empty, unique_ids()]
    )
    scoring: ScoringRule = ScoringRule()
    bands: tuple[Band, ...] = attrs.field(default=(), converter=_bands)
    provenance: Provenance

    @factors.validator
    def _check_factors(self, attribute: "attrs.Attribute[Any]", value: tuple[Factor, ...]) -> None:
        categories = {category.id for category in self.categories}
        seen: set[str] = set()
        for f, factor in enumerate(value):
            if factor.category is None and categories:
                raise FieldError(
                    (attribute.name, f, "category"),
                    "is missing; the instrument has categories, so every factor needs one",
                    "missing",
                )
            if factor.category is not None and factor.category not in categories:
                raise FieldError(
                    (attribute.name, f, "category"),
                    f"category {factor.category!r} is not one of the instrument's categories",
                    "reference",
                )
            for i, item in enumerate(factor.items):
                if item.id in seen:
                    raise FieldError(
                        (attribute.name, f, "items", i, "id"),
                        f"item id {item.id!r} is used twice in the instrument",
                        "duplicate",
                    )
                seen.add(item.id)
        used = {factor.category for factor in value}
        for category in self.categories:
            if category.id not in used:
                raise FieldError(
                    ("categories",),
                    f"category {category.id!r} has no factors",
                    "empty",
                )

    @bands.validator
    def _check_bands(self, attribute: "attrs.Attribute[Any]", value: tuple[Band, ...]) -> None:
        keys: set[str] = set()
        for index, band in enumerate(value):
            if index and band.lower <= value[index - 1].lower:
                raise FieldError(
                    (attribute.name, index, "lower"),
                    "bands must be listed by strictly increasing lower bound",
                    "order",
                )
            if band.key in keys:
                raise FieldError(
                    (attribute.name, index, "key"), f"key {band.key!r} is used twice", "duplicate"
                )
            keys.add(band.key)

    def name(self, lang: Language = "en") -> str:
        """Return the instrument's name in the given language."""
        lang = require_language(lang)
        return self.name_da if lang == "da" else self.name_en

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item, factor by factor."""
        return tuple(item for factor in self.factors for item in factor.items)

    @property
    def verified(self) -> bool:
        """Whether no aspect of the instrument is marked unverified or not found."""
        return not self.provenance.unverified

    def factor(self, factor_id: str) -> Factor:
        """Return the factor with the given id.

        Raises:
            ArgumentValueError: the instrument has no such factor (a programming
                mistake, as asking a mapping for a key it lacks).
        """
        for factor in self.factors:
            if factor.id == factor_id:
                return factor
        raise _no_factor(factor_id, self.id)

    def band_for(self, value: float | None) -> Band | None:
        """Return the band a score falls in: the last band whose lower bound it reaches."""
        if value is None:
            return None
        found = None
        for band in self.bands:
            if value + _EPSILON >= band.lower:
                found = band
        return found


def _no_factor(factor_id: object, instrument_id: str) -> UsageError:
    """The error for a factor asked for by an id the instrument does not have."""
    if not isinstance(factor_id, str):
        usage = f"factor_id must be a str, got {type(factor_id).__name__}"
        return ArgumentTypeError(usage)
    usage = f"instrument {instrument_id!r} has no factor {mask_cpr_like(factor_id)[:60]!r}"
    return ArgumentValueError(usage)
