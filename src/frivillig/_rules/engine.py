"""The rule model: rules, their sources and settings, findings, reports and rulebooks.

The rule check answers a caseworker's question "what is wrong or risky in this
collaboration, and what do I do about it?". Each rule has a stable code (like a
linter's, ``FR101``) and a readable name, a severity, a rationale and the
sources that justify it. A rule is a plain function that looks at a
collaboration and yields [`Hit`][frivillig.Hit]s; the check turns each hit
into a [`Finding`][frivillig.Finding] with the rule's metadata, a message in
Danish and English and the JSON paths of the objects it points at, and
gathers the findings in a [`Report`][frivillig.Report].

Municipalities differ, so the rules come in a [`Rulebook`][frivillig.Rulebook]
that a caller copies and changes without touching the library: disable a
rule, change its severity, set the thresholds in
[`CheckSettings`][frivillig.CheckSettings], or add a rule of their own.
"""

from .findings import Evidence as Evidence
from .findings import Finding as Finding
from .findings import Hit as Hit
from .findings import Severity as Severity
from .findings import Source as Source
from .findings import SourceKind as SourceKind
from .findings import finding_sort_key as finding_sort_key
from .findings import in_report_order as in_report_order
from .findings import path_key as path_key
from .report import Report as Report
from .rule import Rule as Rule
from .rule import Rulebook as Rulebook
from .rule import RuleContext as RuleContext
from .rule import RuleExample as RuleExample
from .settings import CheckSettings as CheckSettings
from .settings import settings_help as settings_help

__all__ = [
    "CheckSettings",
    "Evidence",
    "Finding",
    "Hit",
    "Report",
    "Rule",
    "RuleContext",
    "RuleExample",
    "Rulebook",
    "Severity",
    "Source",
    "SourceKind",
]
