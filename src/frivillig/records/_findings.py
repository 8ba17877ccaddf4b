"""Score columns for the collaboration rows, and the findings of the rule check as rows."""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from .._core.arguments import require_date, require_instance
from .._core.arguments import require_iterable as _iterate
from .._core.labels import Language
from .._model.collaboration import Collaboration
from .._model.portfolio import Portfolio
from .._rules.checking import check
from .._rules.engine import CheckSettings, Report, Rulebook
from .._rules.rulebook import DEFAULT_RULEBOOK
from .._scores.scores import COMPONENTS, ScoreSettings, score_all
from ..errors import ArgumentTypeError
from ._helpers import _check_lang, _masked
from ._schema import SEPARATOR, Record

# -- scores and findings ---------------------------------------------------------------------

_SCORE_KEYS = (*COMPONENTS, "collaboration_health")


def _check_score_settings(settings: object) -> ScoreSettings | None:
    if settings is None:
        return None
    return require_instance(settings, ScoreSettings, "settings", "ScoreSettings")


def score_columns(
    *, today: dt.date, settings: ScoreSettings | None = None
) -> Callable[[Collaboration], Record]:
    """Return an ``extra`` function that adds a collaboration's scores to its row.

    Each score of [`score_all`][frivillig.score_all] becomes a column
    ``score_<key>``: a float from 0 to 100, or ``None`` when the score had no
    material (no goals, no rounds); after them, each score's coverage becomes a
    column ``coverage_<key>``, the share of its weight whose inputs were known
    (below 1, the score counts the unknown as the lowest it could be). The
    scores judge the collaboration as of ``today``: punctuality of evaluations
    depends on the date. Pass the result
    as ``extra`` to [`collaboration_records`][frivillig.records.collaboration_records]
    and use [`SCORED_COLLABORATION_COLUMNS`][frivillig.records.SCORED_COLLABORATION_COLUMNS]
    as the schema.

    Args:
        today: The day to judge on; the library never reads the clock.
        settings: The score settings; the defaults when ``None``.

    Returns:
        A function from a collaboration to its score columns, in the order of
        [`SCORE_COLUMNS`][frivillig.records.SCORE_COLUMNS], then its coverage
        columns, in the order of [`COVERAGE_COLUMNS`][frivillig.records.COVERAGE_COLUMNS].

    Raises:
        ArgumentTypeError: ``today`` is not a ``datetime.date`` (a ``datetime`` is
            refused), or ``settings`` is not [`ScoreSettings`][frivillig.ScoreSettings].
            Scoring a collaboration raises as [`score_all`][frivillig.score_all]
            does, e.g. for an answer to an unknown instrument.

    Examples:
        >>> import datetime as dt
        >>> import frivillig
        >>> from frivillig import records
        >>> scores = records.score_columns(today=dt.date(2026, 11, 27))
        >>> (row,) = records.collaboration_records(frivillig.load_example(), extra=scores)
        >>> round(row["score_goal_alignment"], 1)
        100.0
        >>> list(row)[-1], list(row) == list(records.SCORED_COLLABORATION_COLUMNS)
        ('coverage_collaboration_health', True)
    """
    day = require_date(today)
    chosen = _check_score_settings(settings)

    def scores(collaboration: Collaboration) -> Record:
        found = score_all(collaboration, today=day, settings=chosen)
        row: Record = {f"score_{key}": found[key].value for key in _SCORE_KEYS}
        row.update((f"coverage_{key}", found[key].coverage) for key in _SCORE_KEYS)
        return row

    return scores


FindingItems = Report | Collaboration | Portfolio | Iterable[Report | Collaboration | Portfolio]


def finding_records(
    items: FindingItems,
    *,
    today: dt.date | None = None,
    lang: Language = "en",
    rulebook: Rulebook | None = None,
    settings: CheckSettings | None = None,
) -> Iterator[Record]:
    """Yield one row per finding of the rule check: which rule, how serious, where and why.

    Collaborations (alone, in a portfolio, or in an iterable) are checked one
    at a time with [`check`][frivillig.check] as of ``today``; their paths
    point into the collaboration's own document (``$.tasks[1]``). Reports
    already made are read as they are, paths and all; their rows have no
    ``municipality_code``, since a report does not name it. A collaboration
    without findings gives no rows.

    Args:
        items: Collaborations, portfolios or [`Report`][frivillig.Report]s, or
            an iterable of them (read lazily).
        today: The day to check on; needed when ``items`` holds collaborations.
        lang: The language of the ``message`` and ``severity_label`` columns.
        rulebook: The rules to run; the default rulebook when ``None``.
        settings: Thresholds to use instead of the rulebook's own.

    Returns:
        An iterator of rows with the columns of
        [`FINDING_COLUMNS`][frivillig.records.FINDING_COLUMNS], most severe first
        within each collaboration.

    Raises:
        ArgumentTypeError: ``today`` is not a ``datetime.date`` (a ``datetime``
            or a string is refused), or is missing while ``items`` holds a
            collaboration (checked when called if ``items`` is a collaboration, a
            portfolio, a list or a tuple, else when the collaboration is met);
            ``lang`` is not a string; ``rulebook`` or ``settings`` has the wrong
            type; or an item is none of the above. As
            [`check`][frivillig.check] does, a wrong argument is the calling
            code's mistake (a [`UsageError`][frivillig.errors.UsageError]),
            never a ``ValidationError``.
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.

    Examples:
        >>> import datetime as dt
        >>> import frivillig
        >>> from frivillig import records
        >>> broken = frivillig.load_example("limits_broken")
        >>> rows = list(records.finding_records(broken, today=dt.date(2026, 11, 27)))
        >>> rows[0]["code"], rows[0]["severity"], rows[0]["paths"]
        ('FR101', 'error', '$.tasks[1]')
    """
    language = _check_lang(lang)
    if today is not None:
        day: dt.date | None = require_date(today)
    elif _holds_collaborations(items):
        raise _missing_today()
    else:
        day = None
    book, chosen = _check_rulebook(rulebook, settings)
    return _masked(_finding_rows(items, day, language, book, chosen))


def _holds_collaborations(items: object) -> bool:
    """Whether ``items`` holds a collaboration, as far as can be seen without consuming it."""
    if isinstance(items, list | tuple):
        return any(isinstance(item, Collaboration | Portfolio) for item in items)
    return isinstance(items, Collaboration | Portfolio)


def _missing_today() -> ArgumentTypeError:
    msg = (
        "today must be a datetime.date to check collaborations, got None; "
        "pass the day to check on (only reports already made need none)"
    )
    return ArgumentTypeError(msg)


def _check_rulebook(rulebook: object, settings: object) -> tuple[Rulebook, CheckSettings | None]:
    """The rulebook (the default one for ``None``) and the settings, or the caller's mistake."""
    book = DEFAULT_RULEBOOK if rulebook is None else rulebook
    book = require_instance(book, Rulebook, "rulebook")
    if settings is None:
        return book, None
    return book, require_instance(settings, CheckSettings, "settings", "CheckSettings")


def _rule_titles(rulebook: Rulebook, lang: Language) -> dict[str, str]:
    """The title of every rule of a rulebook, by code, in the language asked for."""
    return {rule.code: rule.title(lang) for rule in rulebook}


def _reports(
    items: object,
    today: dt.date | None,
    rulebook: Rulebook | None,
    settings: CheckSettings | None,
) -> Iterator[tuple[Report, int | None]]:
    def checked(collaboration: Collaboration) -> tuple[Report, int | None]:
        if today is None:
            raise _missing_today()
        report = check(collaboration, today=today, rulebook=rulebook, settings=settings)
        return report, collaboration.municipality_code

    if isinstance(items, Report):
        yield items, None
        return
    if isinstance(items, Collaboration | Portfolio):
        items = [items]
    iterator = _iterate(items, "collaborations, portfolios or reports, or an iterable of them")
    for index, item in enumerate(iterator):
        if isinstance(item, Report):
            yield item, None
        elif isinstance(item, Collaboration):
            yield checked(item)
        elif isinstance(item, Portfolio):
            for collaboration in item.collaborations:
                yield checked(collaboration)
        else:
            msg = (
                f"items[{index}] must be a Collaboration, a Portfolio or a Report, "
                f"got {type(item).__name__}"
            )
            raise ArgumentTypeError(msg)


def _finding_rows(
    items: FindingItems,
    today: dt.date | None,
    lang: Language,
    rulebook: Rulebook,
    settings: CheckSettings | None,
) -> Iterator[Record]:
    titles = _rule_titles(rulebook, lang)
    for report, code in _reports(items, today, rulebook, settings):
        for finding in report.findings:
            yield {
                "collaboration_id": finding.collaboration or report.subject,
                "municipality_code": code,
                "checked_on": report.today,
                "code": finding.code,
                "name": finding.name,
                "title": titles.get(finding.code),
                "severity": finding.severity.value,
                "severity_label": finding.severity.label(lang),
                "reason": finding.reason,
                "message": finding.message(lang),
                "paths": SEPARATOR.join(finding.paths),
                "source": finding.source,
                "personal": finding.personal,
            }
