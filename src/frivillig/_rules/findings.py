"""Findings and what they rest on: severities, sources, hits, findings and their order."""

import re
from collections.abc import Iterable
from typing import Any

import attrs

from .._core.arguments import require_language, require_member
from .._core.labels import LabelledEnum, Language, OrderedLabelledEnum
from .._model.validators import text

PathSegments = tuple[str | int, ...]


class Severity(OrderedLabelledEnum):
    """How serious a finding is: an error must not happen, a warning is a risk, info is advice.

    Severities are ordered, ``Severity.ERROR > Severity.WARNING > Severity.INFO``,
    so a caller can ask for "warnings and worse" with ``>=``.
    """

    INFO = ("info", "råd", "info")
    WARNING = ("warning", "advarsel", "warning")
    ERROR = ("error", "fejl", "error")


class SourceKind(LabelledEnum):
    """What kind of source justifies a rule: law, guidance, an agreement, practice or the talk."""

    LAW = ("law", "lov eller bekendtgørelse", "law or executive order")
    GUIDANCE = ("guidance", "vejledning", "official guidance")
    AGREEMENT = ("agreement", "aftale eller charter", "agreement or charter")
    PRACTICE = ("practice", "kommunal eller foreningspraksis", "municipal or association practice")
    TALK = (
        "talk",
        "oplægget 'Har frivillighed en grænse?' (2013)",
        "the talk 'Does volunteering have a limit?' (2013)",
    )
    MODEL = ("model", "bibliotekets datamodel", "the library's data model")


class Evidence(LabelledEnum):
    """How firmly a source or a default figure is established.

    ``verified`` means seen in a primary or official text (for a source from the
    talk: that the talk says it, which makes it the talk's view, not law; see
    [`Source.evidence_label`][frivillig.Source.evidence_label]); ``secondary`` means
    stated by a municipality, an association or another second-hand source;
    ``unverified`` means sources disagree or none was found; ``choice`` marks a
    default the library chose itself, with no source behind the figure.
    """

    VERIFIED = ("verified", "verificeret", "verified")
    SECONDARY = ("secondary", "sekundær kilde", "secondary source")
    UNVERIFIED = ("unverified", "ikke verificeret", "unverified")
    CHOICE = ("choice", "bibliotekets valg", "library's choice")


@attrs.frozen(kw_only=True)
class Source:
    """A source that justifies a rule: a law, a guidance, an agreement, practice or the talk.

    Attributes:
        kind: What kind of source it is.
        citation: The citation, short enough for a report line, e.g.
            ``"Børneattestloven (LBK nr. 362 af 2. april 2014) § 2, stk. 1"``.
        evidence: How firmly what the rule takes from it is established.
        note: What the rule takes from the source, or what is uncertain about it.
    """

    kind: SourceKind
    citation: str = attrs.field(validator=text(500))
    evidence: Evidence = Evidence.VERIFIED
    note: str | None = None

    def evidence_label(self, lang: Language = "en") -> str:
        """How firmly the source is established, said so that no one over-reads it.

        A source from the talk that is ``verified`` was checked against the talk:
        the talk says it. That makes it what the talk says, not law, and the label
        says so.

        Examples:
            >>> Source(kind=SourceKind.TALK, citation="Oplægget (2013)").evidence_label("en")
            'verified that the talk says this; not a legal source'
            >>> Source(kind=SourceKind.LAW, citation="Ligningsloven § 7 M").evidence_label("da")
            'verificeret'
        """
        lang = require_language(lang)
        if self.kind is SourceKind.TALK and self.evidence is Evidence.VERIFIED:
            if lang == "da":
                return "verificeret, at oplægget siger dette; ikke en retskilde"
            return "verified that the talk says this; not a legal source"
        return self.evidence.label(lang)


def _segments(value: Iterable[str | Iterable[str | int]]) -> tuple[PathSegments | str, ...]:
    return tuple([path if isinstance(path, str) else tuple(path) for path in value])


@attrs.frozen(kw_only=True)
class Hit:
    """One thing a rule function found: where, what, and what to do, in both languages.

    Rule functions yield hits; the check adds the rule's code, name, severity
    and source and turns each hit into a [`Finding`][frivillig.Finding].

    Attributes:
        paths: The objects the hit points at, the most important first: each
            as path segments relative to the collaboration, e.g.
            ``("tasks", 1)`` for ``$.tasks[1]``, or as a JSON path from the
            collaboration's root, ``"$.tasks[1]"``.
        message_da: What is wrong and what to do, in Danish.
        message_en: The same in English.
        reason: A short, stable, machine-readable kind of hit within the rule,
            e.g. ``"overdue"``.
        source: The citation to show, when it is narrower than the rule's
            sources.
        personal: Whether the hit rests on a volunteer's personal data, so a
            system can keep it out of logs.
        severity: The severity the rule gives this hit when it grades its
            hits itself (FR110 grades a misfit by how far and how risky it is);
            ``None``, the default, gives the rule's severity. A rulebook that
            re-grades the rule overrides both.
    """

    paths: tuple[PathSegments | str, ...] = attrs.field(converter=_segments)
    message_da: str
    message_en: str
    reason: str
    source: str | None = None
    personal: bool = False
    severity: Severity | None = None


# -- findings and reports ----------------------------------------------------------


@attrs.frozen(kw_only=True)
class Finding:
    """One thing wrong or risky in a collaboration, with what to do and why.

    Attributes:
        code: The code of the rule that found it, e.g. ``"FR101"``.
        name: The rule's name.
        severity: How serious it is, after any re-grading by the rulebook.
        message_da: What is wrong and what to do, in Danish.
        message_en: The same in English.
        paths: The objects it points at, as JSON paths into the document, e.g.
            ``$.tasks[1]``; the most important first.
        source: The law, agreement, practice or part of the talk behind it.
        reason: A short, stable, machine-readable kind of finding within the rule.
        collaboration: The id of the collaboration it was found in.
        personal: Whether it rests on a volunteer's personal data.
    """

    code: str
    name: str
    severity: Severity
    message_da: str
    message_en: str
    paths: tuple[str, ...]
    source: str
    reason: str
    collaboration: str | None = None
    personal: bool = False

    def message(self, lang: Language = "en") -> str:
        """Return the message in the given language."""
        lang = require_language(lang)
        return self.message_da if lang == "da" else self.message_en

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as JSON-compatible data."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "reason": self.reason,
            "collaboration": self.collaboration,
            "paths": list(self.paths),
            "message_da": self.message_da,
            "message_en": self.message_en,
            "source": self.source,
            "personal": self.personal,
        }


_SEGMENT = re.compile(r"\d+|\D+")


def path_key(path: str) -> tuple[tuple[int, int, str], ...]:
    """A JSON path's sort key: its runs of digits as numbers, the text between as text."""
    return tuple(
        [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in _SEGMENT.findall(path)]
    )


_SEVERITY_RANKS = {severity: severity.rank for severity in Severity}


def finding_sort_key(finding: Finding) -> tuple[Any, ...]:
    """Order findings: most severe first, then by code, by path and by message."""
    return (
        -_SEVERITY_RANKS[finding.severity],
        finding.code,
        tuple([path_key(path) for path in finding.paths]),
        finding.reason,
        finding.message_en,
    )


class _InReportOrder(tuple[Finding, ...]):
    """Findings already ordered by `finding_sort_key`, so a report keeps them as they are."""

    __slots__ = ()


def in_report_order(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Mark findings the caller has put in `finding_sort_key` order, ties in their first order.

    The check orders its findings with a key it makes while it finds them, and
    a [`Report`][frivillig.Report] made from them keeps that order instead of
    sorting them again.
    """
    return _InReportOrder(findings)


def _sorted_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    if type(findings) is _InReportOrder:
        return tuple(findings)
    return tuple(sorted(findings, key=finding_sort_key))


def _severity_filter(value: object, name: str = "severity") -> Severity | None:
    """The severity asked for, or ``None``; a `UsageError` when it is neither."""
    return None if value is None else require_member(value, Severity, name)
