"""Reports: the findings of a check, their counts and verdict, as JSON and as text."""

import datetime as dt
import json
import textwrap
from collections.abc import Iterable, Iterator
from typing import Any, Literal

import attrs

from .._core.arguments import require_language
from .._core.labels import Language
from .findings import Finding, Severity, _severity_filter, _sorted_findings

_HEADINGS: dict[str, dict[Severity, str]] = {
    "en": {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Advice"},
    "da": {Severity.ERROR: "Fejl", Severity.WARNING: "Advarsler", Severity.INFO: "Råd"},
}
_WORDS = {
    "en": {
        "collaboration": "Collaboration",
        "portfolio": "Portfolio",
        "checked": "checked on",
        "passes": "PASSES",
        "fails": "FAILS",
        "rules": "rules",
        "at": "at",
        "source": "source",
        "none": "No findings.",
        "in": "in",
        Severity.ERROR: ("error", "errors"),
        Severity.WARNING: ("warning", "warnings"),
        Severity.INFO: ("advice", "advice"),
    },
    "da": {
        "collaboration": "Samarbejde",
        "portfolio": "Portefølje",
        "checked": "tjekket den",
        "passes": "GODKENDT",
        "fails": "IKKE GODKENDT",
        "rules": "regler",
        "at": "sted",
        "source": "kilde",
        "none": "Ingen fund.",
        "in": "i",
        Severity.ERROR: ("fejl", "fejl"),
        Severity.WARNING: ("advarsel", "advarsler"),
        Severity.INFO: ("råd", "råd"),
    },
}

_WIDTH = 100


@attrs.frozen(kw_only=True)
class Report:
    """The result of a check: every finding, most severe first, and whether it passes.

    Attributes:
        subject: The id of the collaboration or portfolio checked.
        subject_type: ``"collaboration"`` or ``"portfolio"``.
        today: The date the check was made for.
        rules: The codes of the rules that ran.
        findings: The findings, sorted by severity (errors first), code and path.
    """

    subject: str
    subject_type: Literal["collaboration", "portfolio"] = "collaboration"
    today: dt.date
    rules: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_sorted_findings)

    @property
    def passes(self) -> bool:
        """Whether the report has no error: what a system that gates on errors asks."""
        return not any(finding.severity is Severity.ERROR for finding in self.findings)

    @property
    def counts(self) -> dict[Severity, int]:
        """How many findings there are of each severity, errors first (zeros included)."""
        counts = dict.fromkeys(sorted(Severity, reverse=True), 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def summary(self, lang: Language = "en") -> str:
        """Return the counts as one line, e.g. ``"FAILS: 2 errors, 1 warning, 0 advice"``."""
        lang = require_language(lang)
        words = _WORDS[lang]
        parts = []
        for severity, count in self.counts.items():
            singular, plural = words[severity]
            parts.append(f"{count} {singular if count == 1 else plural}")
        verdict = words["passes"] if self.passes else words["fails"]
        return f"{verdict}: {', '.join(parts)}"

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def filter(
        self,
        *,
        severity: Severity | str | None = None,
        min_severity: Severity | str | None = None,
        codes: Iterable[str] | None = None,
        collaboration: str | None = None,
        path: str | None = None,
        personal: bool | None = None,
    ) -> "Report":
        """Return a report with only the findings that match every filter given.

        Args:
            severity: Keep findings of exactly this severity.
            min_severity: Keep findings of this severity or worse.
            codes: Keep findings of these rules, by code or name.
            collaboration: Keep findings in the collaboration with this id.
            path: Keep findings that point at this path or inside it, e.g.
                ``"$.tasks[1]"`` keeps ``$.tasks[1]`` and ``$.tasks[1].volunteers[0]``.
            personal: Keep only findings that do (``True``) or do not
                (``False``) rest on personal data.

        Returns:
            A new report with the same subject, date and rules.

        Raises:
            ArgumentValueError: a severity is not one of error, warning, info.
            ArgumentTypeError: a severity is neither a ``Severity`` nor text.
        """
        exact = _severity_filter(severity)
        least = _severity_filter(min_severity, "min_severity")
        wanted = None if codes is None else frozenset(codes)

        def inside(candidate: str) -> bool:
            return candidate == path or (
                path is not None and candidate.startswith(path) and candidate[len(path)] in ".["
            )

        kept = [
            finding
            for finding in self.findings
            if (exact is None or finding.severity is exact)
            and (least is None or finding.severity >= least)
            and (wanted is None or finding.code in wanted or finding.name in wanted)
            and (collaboration is None or finding.collaboration == collaboration)
            and (path is None or any(inside(p) for p in finding.paths))
            and (personal is None or finding.personal is personal)
        ]
        return attrs.evolve(self, findings=tuple(kept))

    def by_collaboration(self) -> dict[str, "Report"]:
        """Split the report into one report per collaboration that has findings."""
        ids = sorted({f.collaboration for f in self.findings if f.collaboration is not None})
        return {
            id_: attrs.evolve(
                self,
                subject=id_,
                subject_type="collaboration",
                findings=self.filter(collaboration=id_).findings,
            )
            for id_ in ids
        }

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-compatible data, with counts and the verdict."""
        return {
            "subject": self.subject,
            "subject_type": self.subject_type,
            "today": self.today.isoformat(),
            "passes": self.passes,
            "counts": {severity.value: count for severity, count in self.counts.items()},
            "rules": list(self.rules),
            "findings": [finding.to_dict() for finding in self.findings],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the report as JSON text; the same report always gives the same text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(self, lang: Language = "en") -> str:
        """Render the report for a terminal, grouped by severity, in Danish or English.

        Each finding shows its code and name, the collaboration (in a portfolio
        report), the paths it points at, the message and the source.
        """
        lang = require_language(lang)
        words = _WORDS[lang]
        head = f"{words[self.subject_type]} {self.subject!r}: {words['checked']} "
        lines = [
            head + f"{self.today.isoformat()} ({len(self.rules)} {words['rules']})",
            self.summary(lang),
        ]
        if not self.findings:
            lines.extend(["", str(words["none"])])
        portfolio = self.subject_type == "portfolio"
        for severity in sorted(Severity, reverse=True):
            group = [finding for finding in self.findings if finding.severity is severity]
            if not group:
                continue
            lines.extend(["", f"{_HEADINGS[lang][severity]} ({len(group)})"])
            for finding in group:
                title = f"  {finding.code} {finding.name}"
                if portfolio and finding.collaboration is not None:
                    title += f" [{words['in']} {finding.collaboration}]"
                lines.append(title)
                if finding.paths:
                    lines.append(f"    {words['at']}: {', '.join(finding.paths)}")
                lines.extend(
                    textwrap.wrap(
                        finding.message(lang),
                        width=_WIDTH,
                        initial_indent="    ",
                        subsequent_indent="    ",
                    )
                )
                lines.extend(
                    textwrap.wrap(
                        f"{words['source']}: {finding.source}",
                        width=_WIDTH,
                        initial_indent="    ",
                        subsequent_indent="      ",
                    )
                )
        return "\n".join(lines) + "\n"
