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
import functools

from ._collaboration import Collaboration
from ._portfolio import Portfolio
from ._rulebook import DEFAULT_RULEBOOK
from ._rules import CheckSettings, Finding, Hit, Report, Rule, Rulebook, RuleContext, Severity
from ._validators import render_path
from .errors import Problem, ValidationError

__all__ = ["check", "check_portfolio"]


def _type_error(value: object, *, expected: str, path: str = "$") -> ValidationError:
    return ValidationError(
        [
            Problem(
                path=path, message=f"expected {expected}, got {type(value).__name__}", code="type"
            )
        ]
    )


def _arguments(today: object, rulebook: object, settings: object) -> tuple[Rulebook, CheckSettings]:
    if not isinstance(today, dt.date) or isinstance(today, dt.datetime):
        raise _type_error(today, expected="a date for 'today'")
    book = DEFAULT_RULEBOOK if rulebook is None else rulebook
    if not isinstance(book, Rulebook):
        raise _type_error(rulebook, expected="a Rulebook")
    chosen = book.settings if settings is None else settings
    if not isinstance(chosen, CheckSettings):
        raise _type_error(settings, expected="CheckSettings")
    return book, chosen


@functools.lru_cache(maxsize=4096, typed=True)
def _relative(*segments: str | int) -> str:
    """The path segments rendered without a root: ``.tasks[1]``.

    Rules point at the same few kinds of objects in every collaboration, so the
    rendered paths are kept; each segment is its own argument, so that ``True``
    and ``1`` are kept apart.
    """
    return render_path(segments, "")


def _root(path: tuple[str | int, ...] | str, root: str) -> str:
    if isinstance(path, str):
        return root + path[1:] if path.startswith("$") else path
    return root + _relative(*path)


Enabled = tuple[tuple[Rule, Severity, str], ...]
"""The rules that run, each with the severity and the citation its findings get."""


def _enabled(rulebook: Rulebook) -> Enabled:
    return tuple(
        (rule, rulebook.severity(rule.code), rule.source_text) for rule in rulebook.enabled
    )


def _findings(
    collaboration: Collaboration,
    *,
    today: dt.date,
    rules: Enabled,
    settings: CheckSettings,
    root: str,
) -> list[Finding]:
    context = RuleContext(collaboration=collaboration, today=today, settings=settings)
    found: list[Finding] = []
    for rule, severity, citation in rules:
        for hit in rule.check(context):
            if not isinstance(hit, Hit):
                raise ValidationError(
                    [
                        Problem(
                            path=root,
                            message=f"rule {rule.code} gave a {type(hit).__name__}, not a Hit",
                            code="type",
                        )
                    ]
                )
            found.append(
                Finding(
                    code=rule.code,
                    name=rule.name,
                    severity=severity,
                    message_da=hit.message_da,
                    message_en=hit.message_en,
                    paths=tuple([_root(path, root) for path in hit.paths]),
                    source=hit.source or citation,
                    reason=hit.reason,
                    collaboration=collaboration.id,
                    personal=hit.personal,
                )
            )
    return found


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
        ValidationError: an argument has the wrong type, or a rule of the
            municipality's own gives something other than a [`Hit`][frivillig.Hit].
    """
    if not isinstance(collaboration, Collaboration):
        raise _type_error(collaboration, expected="a Collaboration")
    book, chosen = _arguments(today, rulebook, settings)
    findings = _findings(
        collaboration, today=today, rules=_enabled(book), settings=chosen, root="$"
    )
    return Report(
        subject=collaboration.id,
        subject_type="collaboration",
        today=today,
        rules=tuple(rule.code for rule in book.enabled),
        findings=tuple(findings),
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

    Args:
        portfolio: The portfolio, e.g. all of one municipality's collaborations.
        today: The date to check on.
        rulebook: The rules to run; the default rulebook when ``None``.
        settings: Thresholds to use instead of the rulebook's own.

    Returns:
        One report for the whole portfolio.

    Raises:
        ValidationError: an argument has the wrong type.
    """
    if not isinstance(portfolio, Portfolio):
        raise _type_error(portfolio, expected="a Portfolio")
    book, chosen = _arguments(today, rulebook, settings)
    rules = _enabled(book)
    findings: list[Finding] = []
    for index, collaboration in enumerate(portfolio.collaborations):
        findings.extend(
            _findings(
                collaboration,
                today=today,
                rules=rules,
                settings=chosen,
                root=f"$.collaborations[{index}]",
            )
        )
    return Report(
        subject=portfolio.id,
        subject_type="portfolio",
        today=today,
        rules=tuple(rule.code for rule in book.enabled),
        findings=tuple(findings),
    )
