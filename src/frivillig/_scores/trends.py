"""Trends and disagreement: how satisfaction and factor scores move across rounds.

The talk asks the parties to evaluate again and again whether the form they
chose satisfies *every* party, and the published instruments (Wilder, the
Partnership Assessment Tool, the Levels of Collaboration scale) all treat
disagreement between partners as a finding in its own right. So every figure
here comes with its spread across the parties (lowest, highest, range,
standard deviation), not only the mean, and names the party or parties that
rate lowest.

Dyadic ratings on the Levels of Collaboration scale (Frey et al. 2006) are
summarised per round: the mean level, the level each party receives, and the
pairs that rate each other differently or only one way.
"""

import datetime as dt
import statistics
from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from .._core.arguments import require_language
from .._core.frozenmap import FrozenMap
from .._core.labels import LabelledEnum, Language
from .._model.collaboration import Collaboration
from .._model.evaluation import EvaluationRound
from .._model.portfolio import Portfolio
from ..errors import Problem, ValidationError
from .dyads import DyadicPair, DyadicSummary, _number, dyadic_summary
from .instruments import Instrument
from .scores import level_held, resolve_instrument, round_instrument_results

__all__ = [
    "CollaborationTrends",
    "DyadicPair",
    "DyadicSummary",
    "PeriodPoint",
    "PortfolioSeries",
    "PortfolioTrends",
    "RoundPoint",
    "RoundSeries",
    "Spread",
    "TrendDirection",
    "collaboration_trends",
    "dyadic_summary",
    "portfolio_trends",
]

Period = Literal["month", "quarter", "year"]


class TrendDirection(LabelledEnum):
    """Which way a figure moved from one round to the next."""

    RISING = ("rising", "stigende", "rising")
    STEADY = ("steady", "stabil", "steady")
    FALLING = ("falling", "faldende", "falling")
    UNKNOWN = ("unknown", "ukendt (for få runder)", "unknown (too few rounds)")


@attrs.frozen(kw_only=True)
class Spread:
    """The mean of some values and how far apart they lie.

    Attributes:
        count: How many values there are.
        mean: Their mean, or ``None`` without values.
        lowest: The lowest value.
        highest: The highest value.
        range: The highest minus the lowest.
        stdev: The population standard deviation (0 for a single value).
    """

    count: int
    mean: float | None = None
    lowest: float | None = None
    highest: float | None = None
    range: float | None = None
    stdev: float | None = None

    @classmethod
    def of(cls, values: Iterable[float]) -> "Spread":
        """Summarise the values (in any order: the result does not depend on it)."""
        data = sorted(float(value) for value in values)
        if not data:
            return cls(count=0)
        return cls(
            count=len(data),
            mean=statistics.fmean(data),
            lowest=data[0],
            highest=data[-1],
            range=data[-1] - data[0],
            stdev=statistics.pstdev(data),
        )


@attrs.frozen(kw_only=True)
class RoundPoint:
    """One figure in one round: each party's value and their spread.

    Attributes:
        round_id: The round's id.
        held_on: The date the round was held.
        by_party: Each responding party's value, by party id, sorted by id.
        spread: The mean and spread across the parties.
        lowest: The parties with the lowest value when the parties differ
            (for satisfaction: the least satisfied); empty when all agree.
    """

    round_id: str
    held_on: dt.date
    by_party: FrozenMap[str, float]
    spread: Spread
    lowest: tuple[str, ...] = ()


def _point(round_: EvaluationRound, values: Mapping[str, float]) -> RoundPoint:
    spread = Spread.of(values.values())
    lowest: tuple[str, ...] = ()
    if spread.range:
        lowest = tuple(sorted(party for party, value in values.items() if value == spread.lowest))
    return RoundPoint(
        round_id=round_.id,
        held_on=round_.held_on,
        by_party=FrozenMap(sorted(values.items())),
        spread=spread,
        lowest=lowest,
    )


def _direction(
    change: float | None, low: float, high: float, steady_within: float
) -> TrendDirection:
    if change is None:
        return TrendDirection.UNKNOWN
    if abs(change) <= steady_within * (high - low):
        return TrendDirection.STEADY
    return TrendDirection.RISING if change > 0 else TrendDirection.FALLING


@attrs.frozen(kw_only=True)
class RoundSeries:
    """A figure followed across a collaboration's rounds: satisfaction or one factor.

    Attributes:
        key: ``"satisfaction"`` or ``"<instrument id>:<factor id>"``.
        label_da: Its name in Danish.
        label_en: Its name in English.
        low: The lowest value possible.
        high: The highest value possible.
        points: One point per round with values, by date.
        steady_within: A change of at most this share of the range counts as steady.
    """

    key: str
    label_da: str
    label_en: str
    low: float
    high: float
    points: tuple[RoundPoint, ...]
    steady_within: float = 0.05

    def label(self, lang: Language = "en") -> str:
        """Return the name in the given language."""
        lang = require_language(lang)
        return self.label_da if lang == "da" else self.label_en

    @property
    def change(self) -> float | None:
        """The change of the mean from the first round to the last, if there are two."""
        if len(self.points) < 2:
            return None
        first, last = self.points[0].spread.mean, self.points[-1].spread.mean
        return None if first is None or last is None else last - first

    @property
    def last_change(self) -> float | None:
        """The change of the mean since the round before the last, if there are two."""
        if len(self.points) < 2:
            return None
        before, last = self.points[-2].spread.mean, self.points[-1].spread.mean
        return None if before is None or last is None else last - before

    @property
    def direction(self) -> TrendDirection:
        """Which way the mean moved since the round before the last."""
        return _direction(self.last_change, self.low, self.high, self.steady_within)

    @property
    def held(self) -> float | None:
        """How well the mean held since the round before the last, from 0 to 100.

        The level reached (the mean's place on the range), less any fall: a steady
        high level scores as well as rising to it (see
        [`level_held`][frivillig.level_held]). ``None`` with fewer than two rounds.
        """
        if len(self.points) < 2:
            return None
        before, last = self.points[-2].spread.mean, self.points[-1].spread.mean
        if before is None or last is None or self.high <= self.low:
            return None
        span = self.high - self.low
        return level_held((before - self.low) / span * 100, (last - self.low) / span * 100)

    def party_changes(self) -> FrozenMap[str, float]:
        """Each party's change from its first round in the series to its last."""
        first: dict[str, float] = {}
        last: dict[str, float] = {}
        counts: dict[str, int] = {}
        for point in self.points:
            for party, value in point.by_party.items():
                first.setdefault(party, value)
                last[party] = value
                counts[party] = counts.get(party, 0) + 1
        return FrozenMap(
            (party, last[party] - first[party]) for party in sorted(first) if counts[party] > 1
        )

    def to_text(self, lang: Language = "en") -> str:
        """Render the series for a terminal, in Danish or English."""
        lang = require_language(lang)
        head = f"{self.label(lang)} ({self.direction.label(lang)})"
        lines = [head]
        for point in self.points:
            s = point.spread
            words = ("gns.", "spænd", "lavest") if lang == "da" else ("mean", "range", "lowest")
            line = (
                f"  {point.held_on.isoformat()} {point.round_id}: {words[0]} "
                f"{_number(s.mean, lang)}, {words[1]} {_number(s.lowest, lang)}-"
                f"{_number(s.highest, lang)}"
            )
            if point.lowest:
                line += f", {words[2]}: {', '.join(point.lowest)}"
            lines.append(line)
        return "\n".join(lines)


# -- a collaboration's trends --------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CollaborationTrends:
    """How a collaboration's satisfaction and factor scores move across its rounds.

    Attributes:
        collaboration: The collaboration's id.
        satisfaction: Each party's satisfaction with the form of collaboration (1-5).
        factors: One series per instrument factor answered in some round, by
            instrument id and then in the instrument's order; each point holds
            each respondent's factor score.
        dyads: One dyadic summary per round with ratings, by date.
    """

    collaboration: str
    satisfaction: RoundSeries
    factors: tuple[RoundSeries, ...] = ()
    dyads: tuple[DyadicSummary, ...] = ()

    @property
    def least_satisfied(self) -> tuple[str, ...]:
        """The parties less satisfied than the others in the latest round; empty if all agree."""
        return self.satisfaction.points[-1].lowest if self.satisfaction.points else ()

    def factor(self, instrument_id: str, factor_id: str) -> RoundSeries:
        """Return the series of one factor of one instrument.

        Raises:
            ValidationError: no round has answers to that factor.
        """
        key = f"{instrument_id}:{factor_id}"
        for series in self.factors:
            if series.key == key:
                return series
        raise ValidationError(
            [Problem(path="$.factors", message=f"no series {key!r}", code="reference")]
        )

    def to_text(self, lang: Language = "en") -> str:
        """Render the trends for a terminal, in Danish or English."""
        lang = require_language(lang)
        lines = [self.satisfaction.to_text(lang)]
        lines.extend(series.to_text(lang) for series in self.factors)
        lines.extend(summary.to_text(lang) for summary in self.dyads)
        return "\n".join(lines)


def collaboration_trends(
    collaboration: Collaboration,
    *,
    instruments: Mapping[str, Instrument] | None = None,
    steady_within: float = 0.05,
    min_difference: int = 1,
) -> CollaborationTrends:
    """Follow a collaboration's satisfaction and instrument factor scores across its rounds.

    Rounds are taken by date (then id). A factor score is each respondent's
    own, scored with [`score_instrument`][frivillig.score_instrument]; each
    point gives every party's value and the spread between them, and names
    the lowest-rating party when the parties differ.

    Args:
        collaboration: The collaboration.
        instruments: Instruments of your own, by id; built-in ones are found
            without this.
        steady_within: A change of at most this share of the scale's range
            counts as steady (default 0.05: 0.2 on a 1-5 scale).
        min_difference: Passed on to [`dyadic_summary`][frivillig.dyadic_summary].

    Returns:
        The trends.

    Raises:
        ValidationError: a response names an unknown instrument, or its answers
            do not fit the instrument (each problem with its JSON path);
            ``steady_within`` is not a share from 0 to 1.
    """
    if (
        isinstance(steady_within, bool)
        or not isinstance(steady_within, int | float)
        or not 0 <= steady_within <= 1
    ):
        raise ValidationError(
            [Problem(path="$", message="'steady_within' must be a share from 0 to 1", code="range")]
        )
    ordered = sorted(enumerate(collaboration.rounds), key=lambda p: (p[1].held_on, p[1].id))
    satisfaction_points = []
    factor_points: dict[tuple[str, str], list[RoundPoint]] = {}
    known: dict[str, Instrument] = {}
    dyads = []
    for index, round_ in ordered:
        marks = {
            r.party: float(r.satisfaction) for r in round_.responses if r.satisfaction is not None
        }
        if marks:
            satisfaction_points.append(_point(round_, marks))
        by_factor: dict[tuple[str, str], dict[str, float]] = {}
        for party, instrument, result in round_instrument_results(
            collaboration, index, instruments
        ):
            known[instrument.id] = instrument
            for score in result.factors:
                if score.value is not None:
                    by_factor.setdefault((instrument.id, score.key), {})[party] = score.value
        for key, values in by_factor.items():
            factor_points.setdefault(key, []).append(_point(round_, values))
        if round_.ratings:
            dyads.append(dyadic_summary(round_, min_difference=min_difference))
    satisfaction = RoundSeries(
        key="satisfaction",
        label_da="Tilfredshed med samarbejdsformen",
        label_en="Satisfaction with the form of collaboration",
        low=1.0,
        high=5.0,
        points=tuple(satisfaction_points),
        steady_within=steady_within,
    )
    factors = []
    for instrument_id in sorted(known):
        instrument = known[instrument_id]
        for factor_score in _factor_ranges(instrument):
            key = (instrument_id, factor_score[0])
            if key in factor_points:
                factors.append(
                    RoundSeries(
                        key=f"{instrument_id}:{factor_score[0]}",
                        label_da=factor_score[1],
                        label_en=factor_score[2],
                        low=factor_score[3],
                        high=factor_score[4],
                        points=tuple(factor_points[key]),
                        steady_within=steady_within,
                    )
                )
    return CollaborationTrends(
        collaboration=collaboration.id,
        satisfaction=satisfaction,
        factors=tuple(factors),
        dyads=tuple(dyads),
    )


def _factor_ranges(instrument: Instrument) -> list[tuple[str, str, str, float, float]]:
    from .instruments import Aggregation

    low, high = float(instrument.scale.minimum), float(instrument.scale.maximum)
    ranges = []
    for factor in instrument.factors:
        size = 1 if instrument.scoring.aggregation is Aggregation.MEAN else len(factor.items)
        ranges.append((factor.id, factor.label_da, factor.label_en, low * size, high * size))
    return ranges


# -- a portfolio's trends -----------------------------------------------------------------


def _period(day: dt.date, period: Period) -> str:
    if period == "year":
        return f"{day.year}"
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


@attrs.frozen(kw_only=True)
class PeriodPoint:
    """One figure in one period across a portfolio's collaborations.

    Attributes:
        period: The period, e.g. ``"2026-Q3"``, ``"2026-09"`` or ``"2026"``.
        collaborations: How many collaborations held a round with values in it.
        spread: The mean and spread over every party's value in those rounds.
        by_collaboration: Each collaboration's mean in the period, by id.
    """

    period: str
    collaborations: int
    spread: Spread
    by_collaboration: FrozenMap[str, float]


@attrs.frozen(kw_only=True)
class PortfolioSeries:
    """A figure followed across a portfolio, period by period.

    Attributes:
        key: ``"satisfaction"`` or ``"<instrument id>:<factor id>"``.
        label_da: Its name in Danish.
        label_en: Its name in English.
        low: The lowest value possible.
        high: The highest value possible.
        points: One point per period with values, in order.
    """

    key: str
    label_da: str
    label_en: str
    low: float
    high: float
    points: tuple[PeriodPoint, ...]

    def label(self, lang: Language = "en") -> str:
        """Return the name in the given language."""
        lang = require_language(lang)
        return self.label_da if lang == "da" else self.label_en


@attrs.frozen(kw_only=True)
class PortfolioTrends:
    """How satisfaction and factor scores move across a portfolio of collaborations.

    Attributes:
        portfolio: The portfolio's id.
        collaborations: Each collaboration's own trends, by id.
        satisfaction: Satisfaction by period across the collaborations.
        factors: Each instrument factor by period across the collaborations.
    """

    portfolio: str
    collaborations: tuple[CollaborationTrends, ...]
    satisfaction: PortfolioSeries
    factors: tuple[PortfolioSeries, ...] = ()

    @property
    def falling(self) -> tuple[str, ...]:
        """The collaborations whose satisfaction fell since their round before the last."""
        return tuple(
            trends.collaboration
            for trends in self.collaborations
            if trends.satisfaction.direction is TrendDirection.FALLING
        )

    @property
    def least_satisfied(self) -> FrozenMap[str, tuple[str, ...]]:
        """Per collaboration, the parties less satisfied than the others in its latest round."""
        return FrozenMap(
            (trends.collaboration, trends.least_satisfied)
            for trends in self.collaborations
            if trends.least_satisfied
        )

    def to_text(self, lang: Language = "en") -> str:
        """Render the portfolio's trends for a terminal, in Danish or English."""
        lang = require_language(lang)
        lines = []
        for series in (self.satisfaction, *self.factors):
            lines.append(series.label(lang))
            for point in series.points:
                s = point.spread
                word = "samarbejder" if lang == "da" else "collaborations"
                lines.append(
                    f"  {point.period}: {_number(s.mean, lang)} "
                    f"({_number(s.lowest, lang)}-{_number(s.highest, lang)}; "
                    f"{point.collaborations} {word})"
                )
        if self.falling:
            word = "Faldende tilfredshed" if lang == "da" else "Falling satisfaction"
            lines.append(f"{word}: {', '.join(self.falling)}")
        for collaboration, parties in self.least_satisfied.items():
            word = "mindst tilfredse" if lang == "da" else "least satisfied"
            lines.append(f"{collaboration}: {word} {', '.join(parties)}")
        return "\n".join(lines)


def _portfolio_series(
    key: str,
    labels: tuple[str, str, float, float],
    series_by_collaboration: list[tuple[str, RoundSeries]],
    period: Period,
) -> PortfolioSeries:
    pooled: dict[str, list[float]] = {}
    means: dict[str, dict[str, list[float]]] = {}
    for collaboration_id, series in series_by_collaboration:
        for point in series.points:
            name = _period(point.held_on, period)
            pooled.setdefault(name, []).extend(point.by_party.values())
            means.setdefault(name, {}).setdefault(collaboration_id, []).extend(
                point.by_party.values()
            )
    points = tuple(
        PeriodPoint(
            period=name,
            collaborations=len(means[name]),
            spread=Spread.of(pooled[name]),
            by_collaboration=FrozenMap(
                (cid, statistics.fmean(values)) for cid, values in sorted(means[name].items())
            ),
        )
        for name in sorted(pooled)
    )
    return PortfolioSeries(
        key=key,
        label_da=labels[0],
        label_en=labels[1],
        low=labels[2],
        high=labels[3],
        points=points,
    )


def _factor_rank(key: str, instruments: Mapping[str, Instrument] | None) -> tuple[str, int, str]:
    instrument_id, _, factor_id = key.partition(":")
    instrument = resolve_instrument(instrument_id, instruments, "$")
    order = [factor.id for factor in instrument.factors]
    return (instrument_id, order.index(factor_id) if factor_id in order else len(order), factor_id)


def portfolio_trends(
    portfolio: Portfolio,
    *,
    period: Period = "quarter",
    instruments: Mapping[str, Instrument] | None = None,
    steady_within: float = 0.05,
) -> PortfolioTrends:
    """Follow satisfaction and factor scores across a portfolio, period by period.

    Collaborations hold their rounds on different dates, so the portfolio view
    groups rounds by calendar period. Within a period every party's value in
    every collaboration counts once; each point also gives each
    collaboration's own mean, so the spread between collaborations shows.

    Args:
        portfolio: The portfolio.
        period: ``"quarter"`` (the default), ``"month"`` or ``"year"``.
        instruments: Instruments of your own, by id.
        steady_within: Passed on to each collaboration's trends.

    Returns:
        The trends of each collaboration and of the portfolio.

    Raises:
        ValidationError: ``period`` is not one of the three, or a response's
            answers do not fit its instrument (each problem with its JSON path,
            from the portfolio's root).
    """
    if period not in ("month", "quarter", "year"):
        raise ValidationError(
            [
                Problem(
                    path="$",
                    message="'period' must be 'month', 'quarter' or 'year'",
                    code="choice",
                )
            ]
        )
    trends = []
    for index, collaboration in enumerate(portfolio.collaborations):
        try:
            trends.append(
                collaboration_trends(
                    collaboration, instruments=instruments, steady_within=steady_within
                )
            )
        except ValidationError as error:
            prefix = f"$.collaborations[{index}]"
            raise ValidationError(
                [
                    Problem(path=prefix + p.path[1:], message=p.message, code=p.code)
                    for p in error.problems
                ]
            ) from None
    ordered = sorted(trends, key=lambda t: t.collaboration)
    satisfaction = _portfolio_series(
        "satisfaction",
        (
            "Tilfredshed med samarbejdsformen",
            "Satisfaction with the form of collaboration",
            1.0,
            5.0,
        ),
        [(t.collaboration, t.satisfaction) for t in ordered],
        period,
    )
    by_key: dict[str, list[tuple[str, RoundSeries]]] = {}
    labels: dict[str, tuple[str, str, float, float]] = {}
    for t in ordered:
        for series in t.factors:
            by_key.setdefault(series.key, []).append((t.collaboration, series))
            labels[series.key] = (series.label_da, series.label_en, series.low, series.high)
    factors = tuple(
        _portfolio_series(key, labels[key], by_key[key], period)
        for key in sorted(by_key, key=lambda key: _factor_rank(key, instruments))
    )
    return PortfolioTrends(
        portfolio=portfolio.id,
        collaborations=tuple(ordered),
        satisfaction=satisfaction,
        factors=factors,
    )
