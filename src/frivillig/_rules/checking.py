"""Checking: run a rulebook over a collaboration or a portfolio and report what it finds.

>>> import datetime as dt
>>> import frivillig
>>> report = frivillig.check(frivillig.load_example(), today=dt.date(2026, 10, 15))
>>> report.passes, len(report)
(True, 0)
>>> broken = frivillig.check(frivillig.load_example("limits_broken"), today=dt.date(2026, 10, 15))
>>> broken.passes
False
>>> broken.findings[0].code, broken.findings[0].severity.value
('FR101', 'error')
"""

import datetime as dt

from .._core.arguments import require_date, require_instance
from .._core.caches import lru
from .._core.paths import render_path
from .._model.collaboration import Collaboration
from .._model.portfolio import Portfolio
from ..errors import RuleError
from .engine import (
    CheckSettings,
    Finding,
    Hit,
    Report,
    Rule,
    Rulebook,
    RuleContext,
    Severity,
    in_report_order,
    path_key,
)
from .rulebook import DEFAULT_RULEBOOK

__all__ = ["check", "check_portfolio"]


def _arguments(today: object, rulebook: object, settings: object) -> tuple[Rulebook, CheckSettings]:
    require_date(today)
    book = DEFAULT_RULEBOOK if rulebook is None else rulebook
    book = require_instance(book, Rulebook, "rulebook")
    chosen = book.settings if settings is None else settings
    return book, require_instance(chosen, CheckSettings, "settings")


def _not_iterable(code: str, hits: object) -> str:
    return f"rule {code} gave a {type(hits).__name__}, not an iterable of Hit"


PathKey = tuple[tuple[int, int, str], ...]


@lru("checking.paths", typed=True)
def _relative_keyed(*segments: str | int) -> tuple[str, PathKey]:
    """The path segments rendered without a root (``.tasks[1]``), with their sort key.

    Rules point at the same few kinds of objects in every collaboration, so the
    rendered paths and their keys are kept; each segment is its own argument, so
    that ``True`` and ``1`` are kept apart.
    """
    relative = render_path(segments, "")
    return relative, path_key(relative)


def _relative(*segments: str | int) -> str:
    """The path segments rendered without a root: ``.tasks[1]``."""
    return _relative_keyed(*segments)[0]


def _root(path: tuple[str | int, ...] | str, root: str) -> str:
    if isinstance(path, str):
        return root + path[1:] if path.startswith("$") else path
    return root + _relative(*path)


Enabled = tuple[tuple[Rule, Severity, str, int, bool], ...]
"""The rules that run, each with the severity and citation its findings get, its rank, and
whether the rulebook re-grades it (then a hit's own severity does not count)."""


def _enabled(rulebook: Rulebook) -> Enabled:
    enabled = []
    for rule in rulebook.enabled:
        severity = rulebook.severity(rule.code)
        regraded = rule.code in rulebook.severities
        enabled.append((rule, severity, rule.source_text, -severity.rank, regraded))
    return tuple(enabled)


FindingKey = tuple[int, str, int, tuple[PathKey, ...], str, str]
"""A finding's place in a report, found without taking its paths apart again.

A report orders its findings by `finding_sort_key`: severity, code, the keys of
the paths, reason and message. A path the check renders is the root of its
collaboration (``$`` or ``$.collaborations[7]``) followed by a relative path that
starts with ``.`` or ``[`` (or is empty). Two such paths under one root compare as
their relative parts do, and under two roots as the collaborations' places do;
a finding without paths comes before every finding with paths. So the key
``(severity, code, place, keys of the relative paths, reason, message)``, with
place -1 for no paths, orders the findings exactly as `finding_sort_key` does,
ties included. A path in any other shape makes the check sort the long way.
"""


def _relative_part(path: str) -> tuple[str, PathKey] | None:
    """A JSON path given by a rule as text, as its part after ``$`` with its key.

    ``None`` when the path does not start with ``$``, or its part after ``$``
    starts with a digit: the short key does not hold for it.
    """
    if not path.startswith("$"):
        return None
    relative = path[1:]
    key = path_key(relative)
    if key and key[0][0] == 0:
        return None
    return relative, key


def _findings(
    collaboration: Collaboration,
    *,
    today: dt.date,
    rules: Enabled,
    settings: CheckSettings,
    root: str,
    place: int = 0,
    keys: list[FindingKey] | None = None,
) -> tuple[list[Finding], bool]:
    """The findings of every rule, and whether ``keys`` got each one's `FindingKey`.

    ``keys`` gets one key per finding, in the order of the findings, for as
    long as every path has the shape the short key needs; the second value says
    whether it did.
    """
    context = RuleContext(collaboration=collaboration, today=today, settings=settings)
    found: list[Finding] = []
    keyed = keys is not None
    collaboration_id = collaboration.id
    for rule, rule_severity, citation, rule_rank, regraded in rules:
        code = rule.code
        hits = rule.check(context)
        try:
            each = iter(hits)
        except TypeError:  # None, say: the rule's own mistake
            raise RuleError(code, type(hits).__name__, _not_iterable(code, hits)) from None
        for hit in each:
            if not isinstance(hit, Hit):
                raise RuleError(code, type(hit).__name__)
            paths: list[str] = []
            path_keys: list[PathKey] = []
            for path in hit.paths:
                if isinstance(path, str):
                    part = _relative_part(path) if keyed else None
                    if part is None:
                        keyed = False
                        paths.append(_root(path, root))
                        continue
                    relative, key = part
                else:
                    relative, key = _relative_keyed(*path)
                paths.append(root + relative)
                path_keys.append(key)
            message_en = hit.message_en
            reason = hit.reason
            severity, rank = rule_severity, rule_rank
            if hit.severity is not None and not regraded:
                severity, rank = hit.severity, -hit.severity.rank
            found.append(
                Finding(
                    code=code,
                    name=rule.name,
                    severity=severity,
                    message_da=hit.message_da,
                    message_en=message_en,
                    paths=tuple(paths),
                    source=hit.source or citation,
                    reason=reason,
                    collaboration=collaboration_id,
                    personal=hit.personal,
                )
            )
            if keyed:
                keys.append(  # type: ignore[union-attr]
                    (rank, code, place if paths else -1, tuple(path_keys), reason, message_en)
                )
    return found, keyed


def _in_report_order(findings: list[Finding], keys: list[FindingKey] | None) -> tuple[Finding, ...]:
    """The findings as a report orders them: by their keys when every one has a key."""
    if keys is None or len(keys) != len(findings):
        return tuple(findings)
    order = sorted(range(len(findings)), key=keys.__getitem__)
    return in_report_order([findings[index] for index in order])


def check(
    collaboration: Collaboration,
    *,
    today: dt.date,
    rulebook: Rulebook | None = None,
    settings: CheckSettings | None = None,
) -> Report:
    """Check a collaboration against the limits of volunteering and report what is wrong or risky.

    Every enabled rule of the rulebook runs; each finding names its rule,
    severity, the objects it points at (JSON paths such as ``$.tasks[1]``),
    what to do in Danish and English, and the source behind it. The check is
    deterministic: the same collaboration, date and rulebook always give the
    same report.

    Args:
        collaboration: The collaboration to check.
        today: The date to check on; rules that depend on time (certificate
            deadlines, overdue evaluations, yearly declarations) use it, and the
            library never reads the clock.
        rulebook: The rules to run, with a municipality's changes; the default
            rulebook when ``None``.
        settings: Thresholds to use instead of the rulebook's own.

    Returns:
        The report; [`Report.passes`][frivillig.Report.passes] is false when
        any finding is an error.

    Raises:
        ArgumentTypeError: an argument has the wrong type (a programming
            mistake: a ``datetime`` for ``today``, a dict for ``collaboration``).
        RuleError: a rule of the municipality's own gives something other than
            an iterable of [`Hit`][frivillig.Hit] (a mistake in the rule's code, a
            [`UsageError`][frivillig.UsageError]).
    """
    require_instance(collaboration, Collaboration, "collaboration")
    book, chosen = _arguments(today, rulebook, settings)
    keys: list[FindingKey] = []
    findings, keyed = _findings(
        collaboration, today=today, rules=_enabled(book), settings=chosen, root="$", keys=keys
    )
    return Report(
        subject=collaboration.id,
        subject_type="collaboration",
        today=today,
        rules=tuple(rule.code for rule in book.enabled),
        findings=_in_report_order(findings, keys if keyed else None),
    )


def check_portfolio(
    portfolio: Portfolio,
    *,
    today: dt.date,
    rulebook: Rulebook | None = None,
    settings: CheckSettings | None = None,
) -> Report:
    """Check every collaboration of a portfolio and gather the findings in one report.

    Paths point into the portfolio document (``$.collaborations[2].tasks[1]``)
    and each finding names its collaboration, so the report can be split with
    [`Report.by_collaboration`][frivillig.Report.by_collaboration].

    The check leaves Python's garbage collector alone, as every function of the
    library does; the performance page of the documentation says what a long
    batch job that holds a large portfolio can do about it on its own side.

    Args:
        portfolio: The portfolio, e.g. all of one municipality's collaborations.
        today: The date to check on.
        rulebook: The rules to run; the default rulebook when ``None``.
        settings: Thresholds to use instead of the rulebook's own.

    Returns:
        One report for the whole portfolio.

    Raises:
        ArgumentTypeError: an argument has the wrong type (a programming mistake).
        RuleError: as [`check`][frivillig.check].
    """
    require_instance(portfolio, Portfolio, "portfolio")
    book, chosen = _arguments(today, rulebook, settings)
    rules = _enabled(book)
    findings: list[Finding] = []
    keys: list[FindingKey] | None = []
    for index, collaboration in enumerate(portfolio.collaborations):
        found, keyed = _findings(
            collaboration,
            today=today,
            rules=rules,
            settings=chosen,
            root=f"$.collaborations[{index}]",
            place=index,
            keys=keys,
        )
        findings.extend(found)
        if not keyed:
            keys = None
    return Report(
        subject=portfolio.id,
        subject_type="portfolio",
        today=today,
        rules=tuple(rule.code for rule in book.enabled),
        findings=_in_report_order(findings, keys),
    )
