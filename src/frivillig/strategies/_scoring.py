"""Strategies for scores, formalisation recommendations, and trends of collaborations."""

import functools
import operator
import typing
from typing import Any

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

from .._model.collaboration import Collaboration
from .._model.portfolio import Portfolio
from .._scores.scores import (
    DEFAULT_HEALTH_WEIGHTS,
    FormalisationRecommendation,
    Score,
    ScorePart,
    ScoreSettings,
    recommend_formalisation,
    score_all,
)
from .._scores.trends import (
    CollaborationTrends,
    DyadicPair,
    DyadicSummary,
    Period,
    PeriodPoint,
    PortfolioSeries,
    PortfolioTrends,
    RoundPoint,
    RoundSeries,
    Spread,
    dyadic_summary,
)
from .._scores.trends import collaboration_trends as _trends_of
from .._scores.trends import portfolio_trends as _portfolio_trends_of
from ._collaborations import collaborations, portfolios
from ._evaluation import evaluation_tolerances
from ._instruments import _made_instruments
from ._primitives import _EXAMPLE_DAY, S, _draw_choice, _draw_subset, _ints
from ._reports import (
    _checked_collaborations,
    _draw_today,
    _example_collaboration,
    formalisation_settings,
)

# -- scores ------------------------------------------------------------------------------------


@st.composite
def _score_settings(draw: DrawFn) -> ScoreSettings:
    keys = tuple(DEFAULT_HEALTH_WEIGHTS)
    weights = {key: draw(st.floats(min_value=0, max_value=10)) for key in _draw_subset(draw, keys)}
    if not any(weight > 0 for weight in weights.values()):
        weights[_draw_choice(draw, keys)] = 1.0  # at least one score must count
    own = draw(st.lists(_made_instruments(), max_size=1))
    return ScoreSettings(
        health_weights=typing.cast(Any, weights),  # the converter makes the FrozenMap
        motive_threshold=draw(_ints(1, 7)),
        formalisation=draw(formalisation_settings()),
        tolerance=draw(evaluation_tolerances()),
        late_credit=draw(st.floats(min_value=0, max_value=1)),
        instruments=typing.cast(Any, {instrument.id: instrument for instrument in own}),
    )


@functools.cache
def score_settings() -> SearchStrategy[ScoreSettings]:
    """A strategy for the settings of the scores: the defaults, or others in their ranges."""
    return st.just(ScoreSettings()) | _score_settings()


@st.composite
def _all_scores(draw: DrawFn) -> tuple[Score, ...]:
    collaboration = draw(_checked_collaborations())
    found = score_all(
        collaboration, today=_draw_today(draw, collaboration), settings=draw(score_settings())
    )
    return tuple(found.values())


@functools.cache
def scores() -> SearchStrategy[Score]:
    """A strategy for explainable scores of drawn collaborations, of every kind the library has."""
    return _all_scores().flatmap(st.sampled_from)


@functools.cache
def _example_score_parts() -> tuple[ScorePart, ...]:
    found = score_all(_example_collaboration(), today=_EXAMPLE_DAY)
    return tuple(part for score in found.values() for part in score.parts)


@st.composite
def _score_parts(draw: DrawFn) -> ScorePart:
    found = tuple(part for score in draw(_all_scores()) for part in score.parts)
    return _draw_choice(draw, found or _example_score_parts())


@functools.cache
def score_parts() -> SearchStrategy[ScorePart]:
    """A strategy for the parts scores are made of, with their weights and explanations."""
    return _score_parts()


@st.composite
def _recommendations(draw: DrawFn) -> FormalisationRecommendation:
    return recommend_formalisation(
        draw(_checked_collaborations()), settings=draw(formalisation_settings())
    )


@functools.cache
def formalisation_recommendations() -> SearchStrategy[FormalisationRecommendation]:
    """A strategy for the formalisation level recommended for drawn collaborations, with reasons."""
    return _recommendations()


# -- trends ---------------------------------------------------------------------------------------


@functools.cache
def _evaluated_collaborations() -> SearchStrategy[Collaboration]:
    return collaborations(
        status=S.CONTINUED, max_parties=4, max_goals=2, max_tasks=1, max_volunteers=1
    )


@functools.cache
def _example_trends() -> CollaborationTrends:
    return _trends_of(_example_collaboration())


@functools.cache
def collaboration_trends() -> SearchStrategy[CollaborationTrends]:
    """A strategy for the trends of drawn collaborations across their evaluation rounds."""
    return _evaluated_collaborations().map(_trends_of)


def _series_of(trends: CollaborationTrends) -> tuple[RoundSeries, ...]:
    return (trends.satisfaction, *trends.factors)


@st.composite
def _round_series(draw: DrawFn) -> RoundSeries:
    return _draw_choice(draw, _series_of(draw(collaboration_trends())))


@functools.cache
def round_series() -> SearchStrategy[RoundSeries]:
    """A strategy for one measure (satisfaction or an instrument factor) followed round by round."""
    return _round_series()


def _points_of(trends: CollaborationTrends) -> list[RoundPoint]:
    return [point for series in _series_of(trends) for point in series.points]


@st.composite
def _round_points(draw: DrawFn) -> RoundPoint:
    found = _points_of(draw(collaboration_trends())) or _points_of(_example_trends())
    return _draw_choice(draw, found)


@functools.cache
def round_points() -> SearchStrategy[RoundPoint]:
    """A strategy for one round's values of a measure, by party, with their spread.

    Drawn collaborations whose rounds report nothing are replaced by the
    shipped example's rounds, so every draw is a real point.
    """
    return _round_points()


@functools.cache
def spreads() -> SearchStrategy[Spread]:
    """A strategy for the spread of the parties' values in one round."""
    return round_points().map(operator.attrgetter("spread"))


@st.composite
def _dyadic_summaries(draw: DrawFn) -> DyadicSummary:
    collaboration = draw(_evaluated_collaborations())
    round_ = _draw_choice(draw, collaboration.rounds)
    return dyadic_summary(round_, min_difference=draw(_ints(1, 3)))


@functools.cache
def dyadic_summaries() -> SearchStrategy[DyadicSummary]:
    """A strategy for what the parties' dyadic ratings in one round add up to."""
    return _dyadic_summaries()


@st.composite
def _dyadic_pairs(draw: DrawFn) -> DyadicPair:
    found = draw(dyadic_summaries()).pairs or tuple(
        pair for summary in _example_trends().dyads for pair in summary.pairs
    )
    return _draw_choice(draw, found)


@functools.cache
def dyadic_pairs() -> SearchStrategy[DyadicPair]:
    """A strategy for two parties' ratings of each other in one round."""
    return _dyadic_pairs()


@functools.cache
def _evaluated_portfolios() -> SearchStrategy[Portfolio]:
    return portfolios(
        min_size=1,
        max_size=2,
        municipality_code=st.none(),
        collaborations=_evaluated_collaborations(),
    )


@st.composite
def _portfolio_trends(draw: DrawFn) -> PortfolioTrends:
    period = _draw_choice(draw, typing.get_args(Period))
    return _portfolio_trends_of(draw(_evaluated_portfolios()), period=period)


@functools.cache
def portfolio_trends() -> SearchStrategy[PortfolioTrends]:
    """A strategy for the trends of drawn portfolios, period by period."""
    return _portfolio_trends()


def _portfolio_series_of(trends: PortfolioTrends) -> tuple[PortfolioSeries, ...]:
    return (trends.satisfaction, *trends.factors)


@st.composite
def _portfolio_series(draw: DrawFn) -> PortfolioSeries:
    return _draw_choice(draw, _portfolio_series_of(draw(portfolio_trends())))


@functools.cache
def portfolio_series() -> SearchStrategy[PortfolioSeries]:
    """A strategy for one measure followed across a portfolio, period by period."""
    return _portfolio_series()


@functools.cache
def _example_period_points() -> tuple[PeriodPoint, ...]:
    example = _example_collaboration()
    portfolio = Portfolio(id="eksempel", title="Eksempel", collaborations=(example,))
    trends = _portfolio_trends_of(portfolio)
    return tuple(p for series in _portfolio_series_of(trends) for p in series.points)


@st.composite
def _period_points(draw: DrawFn) -> PeriodPoint:
    trends = draw(portfolio_trends())
    found = tuple(p for series in _portfolio_series_of(trends) for p in series.points)
    return _draw_choice(draw, found or _example_period_points())


@functools.cache
def period_points() -> SearchStrategy[PeriodPoint]:
    """A strategy for one period's values of a measure across a portfolio's collaborations."""
    return _period_points()
