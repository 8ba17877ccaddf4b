"""Checking and scoring every collaboration of a source as it is read."""

import datetime as dt
import warnings
from collections.abc import Iterator

import attrs

from .._core.arguments import require_date, require_instance
from .._core.frozenmap import FrozenMap
from .._model.collaboration import Collaboration
from .._rules.checking import check
from .._rules.engine import CheckSettings, Report, Rulebook
from .._scores.scores import Score, ScoreSettings, score_all
from ..errors import (
    FrivilligWarning,
    ValidationError,
)
from ..serialization import (
    LoadLimits,
)
from ._reading import Place, _documents, _located
from ._results import BadDocument, BatchReport, Progress, Source


@attrs.frozen(kw_only=True)
class Evaluation:
    """One collaboration of a batch, checked against the rules and scored, with where it was read.

    Attributes:
        collaboration: The collaboration, loaded and validated.
        source: The file it came from, as given (or the stream's name).
        line: For JSON Lines, the line it is on, from 1; ``None`` otherwise.
        path: Where the collaboration sits in its document: ``"$"`` for a
            collaboration document, ``"$.collaborations[2]"`` for one inside a
            portfolio document. The report's paths start at the collaboration.
        report: The rule check's [`Report`][frivillig.Report], as of the day given.
        scores: Every score of [`score_all`][frivillig.score_all], by key.
    """

    collaboration: Collaboration
    source: str
    line: int | None = None
    path: str = "$"
    report: Report
    scores: FrozenMap[str, Score]

    @property
    def where(self) -> str:
        """The file, the line for JSON Lines, and the path inside a portfolio document."""
        where = self.source if self.line is None else f"{self.source}, line {self.line}"
        return where if self.path == "$" else f"{where}, {self.path}"

    @property
    def passes(self) -> bool:
        """Whether the check found no error (warnings and advice do not count)."""
        return self.report.passes


def evaluate(
    source: Source,
    *,
    today: dt.date,
    report: BatchReport | None = None,
    rulebook: Rulebook | None = None,
    check_settings: CheckSettings | None = None,
    score_settings: ScoreSettings | None = None,
    pattern: str = "*.json",
    progress: Progress | None = None,
    limits: LoadLimits | None = None,
) -> Iterator[Evaluation]:
    r"""Check and score every collaboration of a source, one at a time; report the bad documents.

    This is the rule check ([`check`][frivillig.check]) and the scores
    ([`score_all`][frivillig.score_all]) over a folder, a JSON Lines file or
    any other source of [`iter_documents`][frivillig.batch.iter_documents],
    streamed: one document is read, checked and scored at a time, so a source
    larger than memory can be evaluated. Bad documents are left out and
    recorded in ``report`` (or announced as warnings, as
    [`iter_collaborations`][frivillig.batch.iter_collaborations] does), and the
    good ones go on.

    A collaboration that loads but cannot be checked or scored (its answers
    name an instrument that is neither built in nor in ``score_settings``) is
    reported as a bad document too, its problems' paths pointing into its
    document, and left out.

    Args:
        source: See [`iter_documents`][frivillig.batch.iter_documents].
        today: The day to check and score on; the library never reads the clock.
        report: A report to fill while reading: documents read, collaborations
            found, and each bad document with its problems.
        rulebook: The rules to run; the default rulebook when ``None``.
        check_settings: Thresholds of the rules, instead of the rulebook's own.
        score_settings: Settings of the scores; the defaults when ``None``.
        pattern: Which files of a folder to read.
        progress: A callable that wraps an iterable to show progress.
        limits: How much one document may hold; see ``iter_documents``.

    Returns:
        An iterator of [`Evaluation`][frivillig.batch.Evaluation]s, in the order
        of the source.

    Raises:
        ArgumentTypeError: an argument has the wrong type (a programming
            mistake), as for [`iter_documents`][frivillig.batch.iter_documents].
        ValidationError: the source is a path to nothing (code ``"io"``). Bad
            documents never raise.

    Examples:
        >>> import datetime as dt
        >>> import io
        >>> from frivillig import batch, dumps, load_example
        >>> stream = io.StringIO(dumps(load_example("limits_broken")) + "\n{oops\n")
        >>> report = batch.BatchReport()
        >>> (one,) = batch.evaluate(stream, today=dt.date(2026, 11, 27), report=report)
        >>> one.passes, one.report.findings[0].code
        (False, 'FR101')
        >>> round(one.scores["collaboration_health"].value)
        31
        >>> report.bad[0].where
        '<stream>, line 2'
    """
    today = require_date(today)
    for value, cls, name in (
        (rulebook, Rulebook, "rulebook"),
        (check_settings, CheckSettings, "check_settings"),
        (score_settings, ScoreSettings, "score_settings"),
    ):
        if value is not None:
            require_instance(value, cls, name)
    entries = _documents(source, None, pattern, progress, limits)
    located = _located(entries, report)
    return _evaluations(located, report, today, rulebook, check_settings, score_settings)


def _evaluations(
    located: Iterator[tuple[Place, Collaboration]],
    report: BatchReport | None,
    today: dt.date,
    rulebook: Rulebook | None,
    check_settings: CheckSettings | None,
    score_settings: ScoreSettings | None,
) -> Iterator[Evaluation]:
    for (source, line, path), collaboration in located:
        try:
            found = check(collaboration, today=today, rulebook=rulebook, settings=check_settings)
            scores = score_all(collaboration, today=today, settings=score_settings)
        except ValidationError as error:
            problems = tuple(
                attrs.evolve(problem, path=path + problem.path[1:])
                if problem.path.startswith("$")
                else problem
                for problem in error.problems
            )
            bad = BadDocument(source=source, line=line, problems=problems)
            if report is None:
                warnings.warn(str(bad), FrivilligWarning, stacklevel=3)
            else:
                report.bad.append(bad)
                report.collaborations -= 1
            continue
        yield Evaluation(
            collaboration=collaboration,
            source=source,
            line=line,
            path=path,
            report=found,
            scores=scores,
        )
