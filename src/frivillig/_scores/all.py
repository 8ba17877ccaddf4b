"""Every score of a collaboration at once, and their rendering for a terminal."""

import datetime as dt

from .._core.arguments import require_language
from .._core.labels import Language
from .._model.collaboration import Collaboration
from .._privacy import terminal_safe
from ..schedules import (
    evaluation_status,
    next_due_dates,
)
from .health import _components, _health
from .score import (
    Scores,
)
from .settings import (
    ScoreSettings,
    _check_arguments,
    _check_today,
)


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
