"""The rule catalogue: one Markdown page per rule, written from the rule's own metadata.

Because the pages are generated from the rules (code, name, severity,
rationale, reason codes, sources, settings and the two examples, checked as the
page is written), the catalogue cannot drift from the code. A municipality that adds
rules of its own can document them the same way.
"""

import json
import re
import textwrap
from collections.abc import Mapping
from typing import Any

import attrs

from ..serialization import _shown_dict
from .checking import check
from .engine import CheckSettings, Rule, Rulebook, RuleExample, settings_help
from .rulebook import DEFAULT_RULEBOOK

__all__ = ["rule_catalogue", "rule_page"]

GENERATED = (
    "<!-- Generated from the rule metadata by scripts/gen_rules.py: do not edit by hand. -->"
)

_PATH_PART = re.compile(r"\.([A-Za-z0-9_-]+)|\[(\d+)\]|\['([^']*)'\]")
_ABSENT = object()


def _resolve(data: Any, path: str) -> Any:
    """Return the value at a JSON path such as ``$.goals[0].agreements`` in plain data."""
    value = data
    for name, index, key in _PATH_PART.findall(path.removeprefix("$")):
        if index:
            position = int(index)
            if not isinstance(value, list) or position >= len(value):
                return _ABSENT
            value = value[position]
        else:
            field = name or key
            if not isinstance(value, dict) or field not in value:
                return _ABSENT
            value = value[field]
    return value


def _default(value: Any) -> str:
    if isinstance(value, frozenset):
        return json.dumps(sorted(member.value for member in value))
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, Mapping):
        return "{}" if not value else json.dumps(dict(value))
    if attrs.has(type(value)):
        return json.dumps(attrs.asdict(value))
    return json.dumps(value)


def _excerpt(example: RuleExample, paths: list[str]) -> str:
    data = _shown_dict(example.build())
    shown: dict[str, Any] = {}
    for path in paths:
        value = _resolve(data, path)
        shown[path] = "(absent)" if value is _ABSENT else value
    return json.dumps(shown, ensure_ascii=False, indent=2)


def _report_lines(rule: Rule, example: RuleExample, book: Rulebook) -> tuple[list[str], list[str]]:
    report = check(example.build(), today=example.today, rulebook=book.only(rule.code))
    paths: list[str] = []
    lines: list[str] = []
    for finding in report.findings:
        paths.extend(path for path in finding.paths if path not in paths)
        lines.append(f"{finding.code} {finding.name} ({finding.severity.value})")
        lines.append(f"  at: {', '.join(finding.paths)}")
        lines.append(f"  reason: {finding.reason}")
        for message in (finding.message_en, finding.message_da):
            lines.extend(
                textwrap.wrap(message, width=88, initial_indent="  ", subsequent_indent="  ")
            )
        lines.append(f"  source: {finding.source}")
    return lines, paths


def _settings_table(names: tuple[str, ...], defaults: CheckSettings) -> list[str]:
    helps = settings_help()
    rows = ["| setting | default | evidence | meaning |", "|---|---|---|---|"]
    for name in names:
        if name.startswith("extra."):
            rows.append(f"| `{name}` | (municipality's own) | - | a setting of the rule's own |")
            continue
        meaning, evidence = helps[name]
        default = _default(getattr(defaults, name))
        rows.append(f"| `{name}` | `{default}` | {evidence.en} | {meaning} |")
    return rows


def _reasons_table(rule: Rule) -> list[str]:
    if not rule.reasons:
        return []
    rows = [
        "## Reasons",
        "",
        "Each finding carries one of these reason codes (`reason`), which say what kind of "
        "finding it is; they are stable, like the rule's code.",
        "",
        "| reason | meaning | Danish |",
        "|---|---|---|",
    ]
    for code, (meaning_da, meaning_en) in rule.reasons.items():
        rows.append(f"| `{code}` | {meaning_en} | *{meaning_da}* |")
    return [*rows, ""]


def rule_page(rule: Rule, rulebook: Rulebook | None = None) -> str:
    """Return the Markdown documentation page of one rule.

    The page shows the rule's code, name, severity, titles, rationale, the
    settings it uses with their defaults and how firmly each is established,
    the reason codes its findings carry and what each means, its sources, and
    its failing and passing examples, each checked as the page is written, with
    the objects the finding points at and the report lines.

    Args:
        rule: The rule.
        rulebook: The rulebook whose settings and severities the page shows;
            the default rulebook when ``None``.

    Returns:
        The page, ending in a newline.
    """
    book = DEFAULT_RULEBOOK if rulebook is None else rulebook
    if rule.code not in book:
        book = book.add(rule)
    severity = book.severity(rule.code)
    out = [
        GENERATED,
        "",
        f"# {rule.code} {rule.name}",
        "",
        f"**{rule.title_en}** (*{rule.title_da}*)",
        "",
        "| | |",
        "|---|---|",
        f"| code | `{rule.code}` |",
        f"| name | `{rule.name}` |",
        f"| severity | {severity.en} (*{severity.da}*) |",
        f"| settings | {', '.join(f'`{n}`' for n in rule.settings) or 'none'} |",
        "",
        "## What it checks",
        "",
        rule.rationale,
        "",
    ]
    if rule.settings:
        out.extend(["## Settings", "", *_settings_table(rule.settings, book.settings), ""])
    out.extend(_reasons_table(rule))
    out.extend(["## Sources", ""])
    for source in rule.sources:
        line = f"- *{source.kind.en}*: {source.citation} ({source.evidence_label('en')})."
        if source.note:
            line += f" {source.note}"
        out.append(line)
    out.append("")
    failing, passing = rule.failing_example, rule.passing_example
    paths: list[str] = []
    if failing is not None:
        lines, paths = _report_lines(rule, failing, book)
        out.extend(["## Failing example", "", failing.description, ""])
        if paths:
            out.extend(
                [
                    "The objects the finding points at:",
                    "",
                    "```json",
                    _excerpt(failing, paths),
                    "```",
                    "",
                ]
            )
        out.extend([f"The check on {failing.today.isoformat()} reports:", "", "```text"])
        out.extend(lines or ["(nothing)"])
        out.extend(["```", ""])
    if passing is not None:
        lines, _ = _report_lines(rule, passing, book)
        out.extend(["## Passing example", "", passing.description, ""])
        if paths:
            out.extend(
                [
                    "The same objects:",
                    "",
                    "```json",
                    _excerpt(passing, paths),
                    "```",
                    "",
                ]
            )
        if lines:
            out.extend([f"The check on {passing.today.isoformat()} reports:", "", "```text"])
            out.extend([*lines, "```", ""])
        else:
            out.extend(
                [f"The check on {passing.today.isoformat()} reports nothing for {rule.code}.", ""]
            )
    return "\n".join(out).rstrip("\n") + "\n"


def _index_page(book: Rulebook) -> str:
    out = [
        GENERATED,
        "",
        "# Rule catalogue",
        "",
        "Every rule the check knows, with its stable code and name and the severity its "
        "findings get by default. Each page says what the rule checks, the settings it "
        "uses, the sources behind it and how firmly each is established, and shows an "
        "example that breaks the rule and the nearest one that does not. How to run the "
        "check, change severities and settings, or add rules of your own is on "
        "[the check's reference page](../check.md).",
        "",
        "| code | name | severity | what it finds |",
        "|---|---|---|---|",
    ]
    for rule in book.rules:
        severity = book.severity(rule.code)
        out.append(
            f"| [{rule.code}]({rule.code}.md) | `{rule.name}` | {severity.en} | {rule.title_en} |"
        )
    out.extend(
        [
            "",
            "## Settings",
            "",
            "The thresholds the rules use ([`CheckSettings`][frivillig.CheckSettings]), with "
            "their defaults. *verified*: seen in a primary or official text (for the talk: "
            "that the talk says it); *secondary*: "
            "stated by a municipality, an association or another second-hand source; "
            "*unverified*: sources disagree or none was found; *library's choice*: a default "
            "the library chose, with no source behind the figure.",
            "",
            "| setting | default | evidence | used by | meaning |",
            "|---|---|---|---|---|",
        ]
    )
    for field in attrs.fields(CheckSettings):
        meaning, evidence = settings_help()[field.name]
        users = [rule.code for rule in book.rules if field.name in rule.settings]
        used = ", ".join(f"[{code}]({code}.md)" for code in users) or "-"
        default = _default(getattr(book.settings, field.name))
        out.append(f"| `{field.name}` | `{default}` | {evidence.en} | {used} | {meaning} |")
    return "\n".join(out) + "\n"


def rule_catalogue(rulebook: Rulebook | None = None) -> dict[str, str]:
    """Return the rule catalogue as Markdown pages, by file name.

    ``"index.md"`` lists the rules and the settings; ``"<code>.md"`` is each
    rule's page (see [`rule_page`][frivillig.rule_page]). A municipality can
    write the pages for its own rulebook the same way.

    Args:
        rulebook: The rulebook to document; the default rulebook when ``None``.

    Returns:
        The pages, the index first and then by code.

    Examples:
        >>> import frivillig
        >>> pages = frivillig.rule_catalogue()
        >>> list(pages)[:3]
        ['index.md', 'FR101.md', 'FR102.md']
    """
    book = DEFAULT_RULEBOOK if rulebook is None else rulebook
    pages = {"index.md": _index_page(book)}
    for rule in book.rules:
        pages[f"{rule.code}.md"] = rule_page(rule, book)
    return pages
