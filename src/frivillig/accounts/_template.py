"""What an account shows: the measures, and a municipality's template of them.

The measures are what the library computes from the time logs; a template is a
municipality's choice of them, in its order, with its own labels and notes. A
template is data: made in Python, or read from a JSON file whose every key, type and
measure is checked, each problem named by its JSON path.
"""

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from .._core.labels import LabelledEnum, Language, require_language
from .._core.paths import render_path
from .._jsonform.problems import _json_type
from .._model.validators import (
    MAX_TITLE,
    FieldError,
    as_tuple,
    optional_text,
    text,
    typed_fields,
)
from .._reference.cpr import mask_cpr_like
from ..errors import ArgumentTypeError, Problem, ValidationError

__all__ = [
    "DEFAULT_TEMPLATE",
    "MAX_ITEMS",
    "MAX_NOTE",
    "MAX_TEMPLATE_BYTES",
    "AccountItem",
    "AccountTemplate",
    "CaveatKind",
    "Measure",
    "load_template",
    "template_from_dict",
]

MAX_ITEMS = 50
"""The most items a template may list."""

MAX_NOTE = 2000
"""The most characters of a template's intro or of an item's note."""

MAX_TEMPLATE_BYTES = 256 * 1024
"""The largest template file [`load_template`][frivillig.accounts.load_template] reads."""


class Measure(LabelledEnum):
    """A measure the library computes for an association's account.

    Each item of an [`AccountTemplate`][frivillig.accounts.AccountTemplate] names
    one; the label is the built-in one unless the template gives its own.
    """

    COLLABORATIONS = (
        "collaborations",
        "Samarbejder med kommunen",
        "Collaborations with the municipality",
    )
    ACTIVITIES = ("activities", "Aktiviteter", "Activities")
    VOLUNTEERS_ACTIVE = ("volunteers_active", "Aktive frivillige", "Volunteers active")
    HOURS_TOTAL = ("hours_total", "Frivillige timer i alt", "Volunteer hours in total")
    HOURS_ACTIVITY = ("hours_activity", "Timer med aktiviteter", "Hours of activities")
    HOURS_UNPAID_WORK = (
        "hours_unpaid_work",
        "Timer med frivilligt ulønnet arbejde",
        "Hours of unpaid voluntary work",
    )
    HOURS_KIND_NOT_RECORDED = (
        "hours_kind_not_recorded",
        "Timer, art ikke registreret",
        "Hours, kind not recorded",
    )
    HOURS_BY_MONTH = ("hours_by_month", "Timer pr. måned", "Hours by month")
    MONTHS_WITH_HOURS = ("months_with_hours", "Måneder med timer", "Months with hours")
    CAVEATS = ("caveats", "Forbehold", "Caveats")


class CaveatKind(LabelledEnum):
    """What an account could not attribute, or could attribute only in part."""

    ASSOCIATION_NOT_RECORDED = (
        "association_not_recorded",
        "timer fra frivillige, der er engageret gennem en forening, men uden registreret "
        "forening: ikke talt med",
        "hours by volunteers engaged through an association, with no association "
        "recorded: not counted",
    )
    UNKNOWN_REFERENCE = (
        "unknown_reference",
        "timer, der nævner en frivillig eller en opgave, som samarbejdet ikke har: ikke talt med",
        "hours naming a volunteer or a task the collaboration does not have: not counted",
    )
    KIND_NOT_RECORDED = (
        "kind_not_recorded",
        "timer på opgaver, hvis art (aktivitet eller frivilligt ulønnet arbejde) ikke er "
        "registreret: talt med i alt, men under ingen af de to arter",
        "hours on tasks whose kind (activity or unpaid voluntary work) is not recorded: "
        "counted in the total, in neither kind",
    )


_MEASURES = {member.value: member for member in Measure}


def _items(value: Sequence["AccountItem"]) -> tuple["AccountItem", ...]:
    return as_tuple(value)  # anything but a sequence is left for the type check to refuse


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AccountItem:
    """One line or table of an account: a measure, with the municipality's label and note.

    Attributes:
        measure: What is shown.
        label_da: The label in Danish; ``None`` for the measure's own label.
        label_en: The label in English; ``None`` for the Danish label given, else the
            measure's own.
        note_da: A note shown under the measure, in Danish (e.g. what the municipality
            asks the association to comment on); ``None`` for none.
        note_en: The note in English; ``None`` for the Danish note, if any.

    Examples:
        >>> item = AccountItem(measure=Measure.HOURS_TOTAL, label_da="Timer i alt")
        >>> item.label("da"), item.label("en")
        ('Timer i alt', 'Timer i alt')
        >>> AccountItem(measure=Measure.HOURS_TOTAL).label("en")
        'Volunteer hours in total'
    """

    measure: Measure
    label_da: str | None = attrs.field(default=None, validator=optional_text(MAX_TITLE))
    label_en: str | None = attrs.field(default=None, validator=optional_text(MAX_TITLE))
    note_da: str | None = attrs.field(default=None, validator=optional_text(MAX_NOTE))
    note_en: str | None = attrs.field(default=None, validator=optional_text(MAX_NOTE))

    def label(self, lang: Language = "da") -> str:
        """The label in ``lang``: the template's own, in ``lang`` or else the other language.

        Without a label of the template's own, the measure's built-in label.
        """
        own = _pick(self.label_da, self.label_en, require_language(lang))
        return own if own is not None else self.measure.label(lang)

    def note(self, lang: Language = "da") -> str | None:
        """The note in ``lang``, else in the other language; ``None`` when there is none."""
        return _pick(self.note_da, self.note_en, require_language(lang))

    def to_dict(self) -> dict[str, Any]:
        """The item in its JSON form, as in a template file."""
        data: dict[str, Any] = {"measure": self.measure.value}
        for key, da, en in (
            ("label", self.label_da, self.label_en),
            ("note", self.note_da, self.note_en),
        ):
            if da is not None or en is not None:
                data[key] = _texts_dict(da, en)
        return data


def _pick(da: str | None, en: str | None, lang: Language) -> str | None:
    first, second = (da, en) if lang == "da" else (en, da)
    return first if first is not None else second


def _texts_dict(da: str | None, en: str | None) -> dict[str, str]:
    return {lang: value for lang, value in (("da", da), ("en", en)) if value is not None}


def _check_items(
    instance: "AccountTemplate",
    attribute: "attrs.Attribute[Any]",
    value: tuple[AccountItem, ...],
) -> None:
    if not value:
        raise FieldError((attribute.name,), "must not be empty", "empty")
    if len(value) > MAX_ITEMS:
        message = f"has {len(value)} items; at most {MAX_ITEMS} are allowed"
        raise FieldError((attribute.name,), message, "length")
    seen: set[Measure] = set()
    for index, item in enumerate(value):
        if item.measure in seen:
            message = f"{item.measure.value!r} is listed twice"
            raise FieldError((attribute.name, index, "measure"), message, "duplicate")
        seen.add(item.measure)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AccountTemplate:
    """What a municipality asks of the associations it grants money: an account's content.

    The measures are computed by the library; which of them the account shows, in
    which order, under which labels and with which notes, is the municipality's own
    choice (the national § 18 report was repealed in 2017, so there is no fixed form).

    Attributes:
        title_da: The account's title in Danish.
        title_en: The title in English; ``None`` for the Danish title.
        intro_da: A text shown under the title, in Danish; ``None`` for none.
        intro_en: The intro in English; ``None`` for the Danish intro, if any.
        items: The measures shown, in order: at least one, at most 50, each measure
            at most once.

    Examples:
        >>> template = AccountTemplate(
        ...     title_da="Timer givet",
        ...     items=[AccountItem(measure=Measure.HOURS_TOTAL)],
        ... )
        >>> template.title("en")
        'Timer givet'
        >>> template_from_dict(template.to_dict()) == template
        True
    """

    title_da: str = attrs.field(validator=text(MAX_TITLE))
    title_en: str | None = attrs.field(default=None, validator=optional_text(MAX_TITLE))
    intro_da: str | None = attrs.field(default=None, validator=optional_text(MAX_NOTE))
    intro_en: str | None = attrs.field(default=None, validator=optional_text(MAX_NOTE))
    items: tuple[AccountItem, ...] = attrs.field(converter=_items, validator=_check_items)

    def title(self, lang: Language = "da") -> str:
        """The title in ``lang``, else in Danish."""
        found = _pick(self.title_da, self.title_en, require_language(lang))
        return found if found is not None else self.title_da

    def intro(self, lang: Language = "da") -> str | None:
        """The intro in ``lang``, else in the other language; ``None`` when there is none."""
        return _pick(self.intro_da, self.intro_en, require_language(lang))

    def to_dict(self) -> dict[str, Any]:
        """The template in its JSON form: read back, it gives the same template.

        See [`template_from_dict`][frivillig.accounts.template_from_dict].
        """
        data: dict[str, Any] = {
            "type": "account_template",
            "title": _texts_dict(self.title_da, self.title_en),
        }
        if self.intro_da is not None or self.intro_en is not None:
            data["intro"] = _texts_dict(self.intro_da, self.intro_en)
        data["items"] = [item.to_dict() for item in self.items]
        return data


DEFAULT_TEMPLATE = AccountTemplate(
    title_da="Afrapportering af frivillig indsats",
    title_en="Account of the voluntary effort",
    intro_da=(
        "Foreningens frivillige indsats i de samarbejder, kommunen har støttet, opgjort fra "
        "de registrerede timer. Ingen frivillig nævnes ved navn."
    ),
    intro_en=(
        "The association's voluntary effort in the collaborations the municipality "
        "supported, counted from the hours logged. No volunteer is named."
    ),
    items=[
        AccountItem(measure=Measure.COLLABORATIONS),
        AccountItem(measure=Measure.ACTIVITIES),
        AccountItem(measure=Measure.VOLUNTEERS_ACTIVE),
        AccountItem(measure=Measure.HOURS_TOTAL),
        AccountItem(measure=Measure.HOURS_ACTIVITY),
        AccountItem(measure=Measure.HOURS_UNPAID_WORK),
        AccountItem(measure=Measure.HOURS_KIND_NOT_RECORDED),
        AccountItem(measure=Measure.HOURS_BY_MONTH),
        AccountItem(measure=Measure.CAVEATS),
    ],
)
"""The account a municipality gets unless it gives its own template: every measure but the
count of months, in Danish wording fit for following up a grant."""


# -- reading a template ----------------------------------------------------------------------

_ROOT_KEYS = ("type", "title", "intro", "items")
_ITEM_KEYS = ("measure", "label", "note")
_TEXT_KEYS = ("da", "en")
_SHOWN = 60


class _Reader:
    """The problems found in a template's JSON form, each with its path."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: tuple[str | int, ...], message: str, code: str) -> None:
        self.problems.append(Problem(path=render_path(path), message=message, code=code))

    def obj(
        self, value: object, path: tuple[str | int, ...], keys: tuple[str, ...], kind: str
    ) -> dict[str, Any] | None:
        if type(value) is not dict:
            self.add(path, f"expected a JSON object, got {_json_type(value)}", "type")
            return None
        for key in value:
            if key not in keys:
                shown = mask_cpr_like(key)[:_SHOWN] if isinstance(key, str) else "?"
                self.add(
                    (*path, shown),
                    f"is not a field of {kind}; remove it or check its spelling",
                    "unknown_field",
                )
        return value

    def text(self, value: object, path: tuple[str | int, ...], most: int) -> str | None:
        if type(value) is not str:
            self.add(path, f"expected text, got {_json_type(value)}", "type")
            return None
        if not value.strip():
            self.add(path, "must not be empty or only spaces", "empty")
            return None
        if len(value) > most:
            message = f"is {len(value)} characters long; at most {most} are allowed"
            self.add(path, message, "length")
            return None
        return value

    def texts(
        self, value: object, path: tuple[str | int, ...], most: int, *, danish: bool = False
    ) -> tuple[str | None, str | None]:
        found = self.obj(value, path, _TEXT_KEYS, "text in Danish and English")
        if found is None:
            return None, None
        if not found:
            self.add(path, "must not be empty", "empty")
        elif danish and "da" not in found:
            self.add((*path, "da"), "is required but missing", "missing")
        da, en = (
            self.text(found[lang], (*path, lang), most) if lang in found else None
            for lang in _TEXT_KEYS
        )
        return da, en

    def item(self, value: object, path: tuple[str | int, ...]) -> AccountItem | None:
        found = self.obj(value, path, _ITEM_KEYS, "account item")
        if found is None:
            return None
        measure: Measure | None = None
        if "measure" not in found:
            self.add((*path, "measure"), "is required but missing", "missing")
        elif type(found["measure"]) is not str:
            got = _json_type(found["measure"])
            self.add((*path, "measure"), f"expected text, got {got}", "type")
        else:
            measure = _MEASURES.get(found["measure"])
            if measure is None:
                shown = repr(mask_cpr_like(found["measure"])[:_SHOWN])
                choices = ", ".join(member.value for member in Measure)
                self.add((*path, "measure"), f"{shown} is not one of {choices}", "choice")
        label_da, label_en = (
            self.texts(found["label"], (*path, "label"), MAX_TITLE)
            if "label" in found
            else (None, None)
        )
        note_da, note_en = (
            self.texts(found["note"], (*path, "note"), MAX_NOTE)
            if "note" in found
            else (None, None)
        )
        if measure is None:
            return None
        return AccountItem(
            measure=measure, label_da=label_da, label_en=label_en, note_da=note_da, note_en=note_en
        )


def template_from_dict(data: object) -> AccountTemplate:
    """Read an account template from its JSON form (a dict, as ``json.loads`` gives it).

    The form: ``{"title": {"da": ..., "en": ...}, "intro": {...}, "items": [{"measure":
    "hours_total", "label": {"da": ...}, "note": {"da": ...}}, ...]}``, with
    ``"type": "account_template"`` allowed at the top. Only ``title.da``, ``items`` and
    each item's ``measure`` are required. Every unknown key, wrong type, unknown measure,
    measure listed twice, empty or too long text is reported, not only the first.

    Raises:
        ValidationError: The data is not a template; each problem names its JSON path
            (``$.items[2].measure``) and what was expected.

    Examples:
        >>> template = template_from_dict(
        ...     {"title": {"da": "Timer"}, "items": [{"measure": "hours_total"}]}
        ... )
        >>> template.items[0].measure
        <Measure.HOURS_TOTAL: 'hours_total'>
        >>> template_from_dict({"title": {"da": "Timer"}, "items": [{"measure": "x"}]})
        Traceback (most recent call last):
        ...
        frivillig.errors.ValidationError: 1 problem:
          $.items[0].measure: 'x' is not one of collaborations, activities, ...
    """
    reader = _Reader()
    root = reader.obj(data, (), _ROOT_KEYS, "account template")
    if root is None:
        raise ValidationError(reader.problems)
    if "type" in root and root["type"] != "account_template":
        got = root["type"]
        shown = repr(mask_cpr_like(got)[:_SHOWN]) if type(got) is str else _json_type(got)
        reader.add(("type",), f"{shown} is not one of account_template", "choice")
    title: tuple[str | None, str | None] = (None, None)
    if "title" in root:
        title = reader.texts(root["title"], ("title",), MAX_TITLE, danish=True)
    else:
        reader.add(("title",), "is required but missing", "missing")
    intro = reader.texts(root["intro"], ("intro",), MAX_NOTE) if "intro" in root else (None, None)
    items = _read_items(reader, root)
    if reader.problems or title[0] is None:
        raise ValidationError(reader.problems)
    try:
        return AccountTemplate(
            title_da=title[0], title_en=title[1], intro_da=intro[0], intro_en=intro[1], items=items
        )
    except ValidationError as error:  # pragma: no cover - every rule is checked above
        raise ValidationError(error.problems) from None


def _read_items(reader: _Reader, root: dict[str, Any]) -> list[AccountItem]:
    if "items" not in root:
        reader.add(("items",), "is required but missing", "missing")
        return []
    value = root["items"]
    if type(value) is not list:
        reader.add(("items",), f"expected an array, got {_json_type(value)}", "type")
        return []
    if not value:
        reader.add(("items",), "must not be empty", "empty")
        return []
    if len(value) > MAX_ITEMS:
        reader.add(("items",), f"has {len(value)} items; at most {MAX_ITEMS} are allowed", "length")
        return []
    items: list[AccountItem] = []
    seen: set[Measure] = set()
    for index, entry in enumerate(value):
        item = reader.item(entry, ("items", index))
        if item is None:
            continue
        if item.measure in seen:
            message = f"{item.measure.value!r} is listed twice"
            reader.add(("items", index, "measure"), message, "duplicate")
        seen.add(item.measure)
        items.append(item)
    return items


def load_template(path: str | os.PathLike[str]) -> AccountTemplate:
    """Read an account template from a JSON file (UTF-8, at most 256 KiB).

    Raises:
        ValidationError: The file is not JSON, or not a template (see
            [`template_from_dict`][frivillig.accounts.template_from_dict]).
        OSError: The file cannot be read.
        ArgumentTypeError: ``path`` is not a path.
    """
    given: object = path
    if not isinstance(given, str | os.PathLike):
        msg = f"path must be a file path, got {type(path).__name__}"
        raise ArgumentTypeError(msg)
    with Path(path).open("rb") as handle:
        data = handle.read(MAX_TEMPLATE_BYTES + 1)
    if len(data) > MAX_TEMPLATE_BYTES:
        message = (
            f"the template is larger than {MAX_TEMPLATE_BYTES} bytes; an account template "
            "is a few kilobytes"
        )
        raise ValidationError([Problem(path="$", message=message, code="size")])
    return template_from_dict(_parsed(data))


def _parsed(data: bytes) -> object:
    def problem(message: str, code: str) -> ValidationError:
        return ValidationError([Problem(path="$", message=message, code=code)])

    if data.startswith(b"\xef\xbb\xbf"):
        msg = "the document starts with a byte-order mark; remove it"
        raise problem(msg, "json")
    try:
        text_ = data.decode("utf-8")
    except UnicodeDecodeError as error:
        message = f"the document is not UTF-8 text (byte {error.start + 1} is invalid)"
        raise problem(message, "encoding") from None

    def pairs(found: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in found:
            if key in result:
                raise _Duplicate
            result[key] = value
        return result

    def constant(name: str) -> object:
        raise _NotFinite(name)

    try:
        return json.loads(text_, object_pairs_hook=pairs, parse_constant=constant)
    except _Duplicate:
        msg = "appears more than once in the same object; keep one"
        raise problem(msg, "duplicate") from None
    except _NotFinite as error:
        message = f"{error.args[0]} is not allowed; JSON numbers must be finite"
        raise problem(message, "json") from None
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise problem(message, "json") from None
    except RecursionError:
        msg = "the document is nested too deeply"
        raise problem(msg, "json") from None
    except ValueError as error:  # e.g. an integer of more digits than Python reads
        msg = f"not valid JSON: {error}"
        raise problem(msg, "json") from None


class _Duplicate(Exception):
    """A key appears twice in one object of a template file."""


class _NotFinite(Exception):
    """A template file holds NaN or Infinity."""
