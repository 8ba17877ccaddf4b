"""The collaboration health score: the weighted mean of the six other scores."""

import datetime as dt

from .._model.collaboration import Collaboration
from .alignment import goal_alignment
from .equality import equality
from .evaluation import (
    evaluation_health,
)
from .fit import volunteer_fit
from .formalisation import (
    formalisation_fit,
)
from .readiness import co_creation_readiness
from .score import (
    Score,
    ScorePart,
    _score,
)
from .settings import (
    ScoreSettings,
    _check_arguments,
    _check_today,
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
