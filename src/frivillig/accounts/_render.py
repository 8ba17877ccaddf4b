"""An account as plain text or Markdown, in the order and words of a template.

Both are made from the account's JSON-able form (``AssociationAccount.to_dict``), so they
can show nothing the form does not hold: no volunteer id. Every text taken from a
document passes through ``terminal_safe`` (no control character, no CPR-shaped number).
"""

from typing import Any

from .._core.labels import Language
from .._core.wording import MONTH_NAMES
from .._core.wording import number_text as _number
from .._model.tasks import WorkCategory
from .._privacy import terminal_safe
from .._reference.municipalities import get_municipality
from ..errors import FrivilligError
from ._template import AccountTemplate, CaveatKind, Measure

__all__ = ["render_markdown", "render_text"]

_WORDS = {
    "da": {
        "association": "Forening",
        "municipality": "Kommune",
        "year": "År",
        "cvr": "CVR",
        "collaboration": "Samarbejde",
        "title": "Titel",
        "task": "Opgave",
        "kind": "Art",
        "volunteers": "Aktive frivillige",
        "hours": "Timer",
        "month": "Måned",
        "hours_word": "timer",
        "none": "ingen",
        "not_recorded": "art ikke registreret",
        "logs": "registrering|registreringer",
        "in": "i",
    },
    "en": {
        "association": "Association",
        "municipality": "Municipality",
        "year": "Year",
        "cvr": "CVR",
        "collaboration": "Collaboration",
        "title": "Title",
        "task": "Task",
        "kind": "Kind",
        "volunteers": "Volunteers active",
        "hours": "Hours",
        "month": "Month",
        "hours_word": "hours",
        "none": "none",
        "not_recorded": "kind not recorded",
        "logs": "log|logs",
        "in": "in",
    },
}

_SCALARS = {
    Measure.VOLUNTEERS_ACTIVE: lambda data: data["volunteers_active"],
    Measure.HOURS_TOTAL: lambda data: data["hours_total"],
    Measure.HOURS_ACTIVITY: lambda data: data["hours_by_kind"]["activity"],
    Measure.HOURS_UNPAID_WORK: lambda data: data["hours_by_kind"]["unpaid_work"],
    Measure.HOURS_KIND_NOT_RECORDED: lambda data: data["hours_by_kind"]["not_recorded"],
    Measure.MONTHS_WITH_HOURS: lambda data: data["months_with_hours"],
}
"""The measures that are one number, and where the account's form holds it."""

_CATEGORIES = {member.value: member for member in WorkCategory}
_CAVEATS = {member.value: member for member in CaveatKind}

_COUNTS = frozenset({Measure.VOLUNTEERS_ACTIVE, Measure.MONTHS_WITH_HOURS})


def _value(measure: Measure, data: dict[str, Any], lang: Language) -> str:
    value = _SCALARS[measure](data)
    return str(value) if measure in _COUNTS else _number(value, lang)


def _municipality(code: int) -> str:
    try:
        return f"{get_municipality(code).name} ({code})"
    except FrivilligError:  # pragma: no cover - an account's code is one of the 98
        return str(code)


def _kind(value: str | None, lang: Language) -> str:
    return _WORDS[lang]["not_recorded"] if value is None else _CATEGORIES[value].label(lang)


def _months(lang: Language) -> tuple[str, ...]:
    return MONTH_NAMES[lang]


def _caveat_line(caveat: dict[str, Any], lang: Language) -> str:
    label = _CAVEATS[caveat["kind"]].label(lang)
    words = _WORDS[lang]
    one, many = words["logs"].split("|")
    logs = f"{caveat['logs']} {one if caveat['logs'] == 1 else many}"
    return f"{_number(caveat['hours'], lang)} {words['hours_word']} {words['in']} {logs}: {label}"


# -- plain text ------------------------------------------------------------------------------


def render_text(
    data: dict[str, Any],
    template: AccountTemplate,
    lang: Language,
) -> str:
    """The account's form as plain text: one line per fact, no control characters."""
    words = _WORDS[lang]
    association = data["association"]
    head = terminal_safe(association["name"])
    if association["cvr"] is not None:
        head += f", {words['cvr']} {association['cvr']}"
    lines = [
        terminal_safe(template.title(lang)),
        f"{words['association']}: {head}",
        f"{words['municipality']}: {_municipality(data['municipality_code'])}",
        f"{words['year']}: {data['year']}",
    ]
    intro = template.intro(lang)
    if intro is not None:
        lines += ["", terminal_safe(intro)]
    after_list = True
    for item in template.items:
        label = terminal_safe(item.label(lang))
        if after_list or item.measure not in _SCALARS:
            lines.append("")
        after_list = item.measure not in _SCALARS or item.note(lang) is not None
        if item.measure in _SCALARS:
            lines.append(f"{label}: {_value(item.measure, data, lang)}")
        else:
            lines.append(f"{label}:")
            found = _text_rows(item.measure, data, lang)
            lines += [f"  {row}" for row in found] or [f"  {words['none']}"]
        note = item.note(lang)
        if note is not None:
            lines.append(f"  ({terminal_safe(note)})")
    return "\n".join(lines) + "\n"


def _text_rows(
    measure: Measure,
    data: dict[str, Any],
    lang: Language,
) -> list[str]:
    words = _WORDS[lang]
    hours = words["hours_word"]
    if measure is Measure.COLLABORATIONS:
        return [
            f"- {terminal_safe(c['id'])}: {terminal_safe(c['title'])}: "
            f"{_number(c['hours'], lang)} {hours}"
            for c in data["collaborations"]
        ]
    if measure is Measure.ACTIVITIES:
        return [
            f"- {terminal_safe(line['task_title'])} ({terminal_safe(line['collaboration'])}, "
            f"{terminal_safe(line['task'])}): {_kind(line['work_category'], lang)}; "
            f"{line['volunteers_active']} {words['volunteers'].lower()}; "
            f"{_number(line['hours'], lang)} {hours}"
            for line in data["activities"]
        ]
    if measure is Measure.HOURS_BY_MONTH:
        return [
            f"{name}: {_number(month['hours'], lang)}"
            for name, month in zip(_months(lang), data["hours_by_month"], strict=True)
        ]
    return [f"- {_caveat_line(caveat, lang)}" for caveat in data["caveats"]]


# -- Markdown --------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = str.maketrans({char: f"\\{char}" for char in "\\`*_[]<>|#~"})


def _md(text: str) -> str:
    """A text from a document as Markdown shows it literally, on one line."""
    return terminal_safe(text).translate(_MARKDOWN_SPECIAL)


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render_markdown(
    data: dict[str, Any],
    template: AccountTemplate,
    lang: Language,
) -> str:
    """The account's form as Markdown: a heading, the facts, tables for lists."""
    words = _WORDS[lang]
    association = data["association"]
    name = _md(association["name"])
    if association["cvr"] is not None:
        name += f" ({words['cvr']} {association['cvr']})"
    lines = [
        f"# {_md(template.title(lang))}",
        "",
        f"- **{words['association']}:** {name}",
        f"- **{words['municipality']}:** {_md(_municipality(data['municipality_code']))}",
        f"- **{words['year']}:** {data['year']}",
    ]
    intro = template.intro(lang)
    if intro is not None:
        lines += ["", _md(intro)]
    for item in template.items:
        label = _md(item.label(lang))
        lines.append("")
        if item.measure in _SCALARS:
            lines.append(f"**{label}:** {_value(item.measure, data, lang)}")
        else:
            lines += [f"## {label}", ""]
            lines += _markdown_block(item.measure, data, lang)
        note = item.note(lang)
        if note is not None:
            lines += ["", f"*{_md(note)}*"]
    return "\n".join(lines) + "\n"


def _markdown_block(
    measure: Measure,
    data: dict[str, Any],
    lang: Language,
) -> list[str]:
    words = _WORDS[lang]
    if measure is Measure.COLLABORATIONS:
        rows = [
            [_md(c["id"]), _md(c["title"]), _number(c["hours"], lang)]
            for c in data["collaborations"]
        ]
        head = [words["collaboration"], words["title"], words["hours"]]
        return _table(head, rows) if rows else [words["none"].capitalize() + "."]
    if measure is Measure.ACTIVITIES:
        rows = [
            [
                _md(line["collaboration"]),
                f"{_md(line['task_title'])} ({_md(line['task'])})",
                _kind(line["work_category"], lang),
                str(line["volunteers_active"]),
                _number(line["hours"], lang),
            ]
            for line in data["activities"]
        ]
        head = [
            words["collaboration"],
            words["task"],
            words["kind"],
            words["volunteers"],
            words["hours"],
        ]
        return _table(head, rows) if rows else [words["none"].capitalize() + "."]
    if measure is Measure.HOURS_BY_MONTH:
        rows = [
            [name, _number(month["hours"], lang)]
            for name, month in zip(_months(lang), data["hours_by_month"], strict=True)
        ]
        return _table([words["month"], words["hours"]], rows)
    found = [f"- {_caveat_line(caveat, lang)}" for caveat in data["caveats"]]
    return found or [words["none"].capitalize() + "."]
