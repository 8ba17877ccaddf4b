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

from .alignment import goal_alignment
from .all import render_scores, score_all
from .equality import counted_dependence as counted_dependence
from .equality import dependence_counts as dependence_counts
from .equality import equality
from .evaluation import evaluation_health, level_held
from .evaluation import resolve_instrument as resolve_instrument
from .evaluation import round_instrument_results as round_instrument_results
from .fit import volunteer_fit
from .formalisation import RISK_DRIVERS as RISK_DRIVERS
from .formalisation import (
    FormalisationDriver,
    FormalisationRecommendation,
    formalisation_fit,
    recommend_formalisation,
)
from .formalisation import dkk as dkk
from .formalisation import driver_label as driver_label
from .formalisation import level_rank as level_rank
from .formalisation import money_facts as money_facts
from .formalisation import recommended_level as recommended_level
from .health import collaboration_health
from .readiness import co_creation_readiness
from .score import HIGH as HIGH
from .score import LOW as LOW
from .score import Score, ScorePart, Scores
from .settings import COMPONENTS as COMPONENTS
from .settings import DEFAULT_HEALTH_WEIGHTS, FormalisationSettings, ScoreSettings
from .settings import DEFAULT_SETTINGS as DEFAULT_SETTINGS

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
