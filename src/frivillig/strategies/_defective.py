"""Nearly valid documents: valid ones spoilt by exactly one defect, with the problem to report."""

import datetime as dt
import enum
import functools
import itertools
import json
import typing
from collections.abc import Iterator
from typing import Any, NamedTuple

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

from .._core.frozenmap import FrozenMap
from .._core.labels import LabelledEnum
from .._core.paths import render_path
from .._model.actors import ACTOR_CLASSES, Actor, ActorKind, Municipality
from .._model.collaboration import AgreementDocument, Collaboration, Forum
from .._model.evaluation import DyadicRating, EvaluationPlan, Response
from .._model.goals import Agreement, Wish
from .._model.tasks import Task
from .._model.volunteers import ChildCertificateCheck, Engagement, Volunteer, is_personal
from ..serialization import SCHEMA_VERSION, Document, to_dict
from ._actors import actors
from ._collaborations import collaborations, portfolios, volunteer_policies
from ._primitives import _check_member, _check_strategy, _draw_choice
from ._registers import cvr_numbers

# -- nearly valid documents ---------------------------------------------------------------


class DefectKind(LabelledEnum):
    """The kinds of defect a nearly valid document can have, one at a time."""

    WRONG_TYPE = ("wrong_type", "forkert type", "wrong type")
    MISSING_FIELD = ("missing_field", "manglende felt", "missing field")
    UNKNOWN_FIELD = ("unknown_field", "ukendt felt", "unknown field")
    BAD_ENUM_VALUE = ("bad_enum_value", "ugyldig valgmulighed", "value not among the choices")
    BAD_DATE = ("bad_date", "ugyldig dato", "invalid date")
    OUT_OF_RANGE = ("out_of_range", "tal uden for det tilladte", "number out of range")
    DANGLING_ID = ("dangling_id", "henvisning til noget, der ikke findes", "dangling id")
    DUPLICATE_ID = ("duplicate_id", "id brugt to gange", "id used twice")
    INVALID_MUNICIPALITY_CODE = (
        "invalid_municipality_code",
        "ugyldig kommunekode",
        "invalid municipality code",
    )
    INVALID_CVR = ("invalid_cvr", "ugyldigt CVR-nummer", "invalid CVR number")
    WRONG_SCHEMA_VERSION = ("wrong_schema_version", "forkert skemaversion", "wrong schema version")
    NOT_JSON = ("not_json", "ikke JSON", "not JSON")


class DefectiveDocument(NamedTuple):
    """A document with exactly one defect, and the problem the loader must report for it.

    Attributes:
        document: The document: a dict for [`from_dict`][frivillig.from_dict],
            or, for [`DefectKind.NOT_JSON`][frivillig.strategies.DefectKind], text
            for [`loads`][frivillig.loads].
        path: The JSON path of the defect, as the loader's problems write it.
        code: The problem code the loader reports for it.
        kind: The kind of defect.
    """

    document: dict[str, Any] | str
    path: str
    code: str
    kind: DefectKind

    @property
    def text(self) -> str:
        """The document as JSON text, for code that reads text rather than dicts."""
        if isinstance(self.document, str):
            return self.document
        return json.dumps(self.document, ensure_ascii=False)


Segment = str | int


@attrs.frozen
class _Site:
    """A place in a document: its path, the JSON container and key, and what the model holds."""

    path: tuple[Segment, ...]
    container: Any
    key: Segment
    value: Any
    value_type: Any
    owner: Any
    field: str | None
    role: str  # "field", "item", "map_value", "map_key" or "kind"


def _has_personal_fields(cls: type[Any]) -> bool:
    return attrs.has(cls) and any(map(is_personal, attrs.fields(cls)))


def _unwrap(tp: Any) -> Any:
    args = typing.get_args(tp)
    if type(None) in args and len(args) == 2:
        return next(arg for arg in args if arg is not type(None))
    return tp


def _walk(obj: Any, data: Any, path: tuple[Segment, ...]) -> Iterator[_Site]:
    """Yield every place in ``data``, the JSON form of the attrs object ``obj``."""
    if isinstance(obj, _ACTOR_TYPES):
        yield _Site((*path, "kind"), data, "kind", obj.kind, ActorKind, obj, "kind", "kind")
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        here = (*path, field.name)
        yield _Site(here, data, field.name, value, field.type, obj, field.name, "field")
        yield from _walk_value(value, data[field.name], here, field.type, obj, field.name)


def _walk_value(
    value: Any, data: Any, path: tuple[Segment, ...], tp: Any, owner: Any, name: str
) -> Iterator[_Site]:
    inner = _unwrap(tp)
    if attrs.has(type(value)):
        yield from _walk(value, data, path)
    elif isinstance(value, tuple):
        (item_type,) = typing.get_args(inner)[:1]
        for index, item in enumerate(value):
            yield _Site((*path, index), data, index, item, item_type, owner, name, "item")
            yield from _walk_value(item, data[index], (*path, index), item_type, owner, name)
    elif isinstance(value, FrozenMap):
        _, item_type = typing.get_args(inner)
        for key, item in value.items():
            json_key = key.value if isinstance(key, enum.Enum) else key
            yield _Site(
                (*path, json_key), data, json_key, item, item_type, owner, name, "map_value"
            )
            yield _Site((*path, json_key), data, json_key, key, str, owner, name, "map_key")


_ACTOR_TYPES = tuple(ACTOR_CLASSES.values())

_PARTY_REFERENCES = frozenset(
    {
        (Collaboration, "initiator"),
        (Collaboration, "responsibilities"),
        (Wish, "party"),
        (Agreement, "party"),
        (Task, "led_by"),
        (Volunteer, "association"),
        (ChildCertificateCheck, "checked_by"),
        (AgreementDocument, "parties"),
        (Forum, "agenda_set_by"),
        (EvaluationPlan, "respondents"),
        (Response, "party"),
        (DyadicRating, "rater"),
        (DyadicRating, "ratee"),
    }
)
_OTHER_REFERENCES = frozenset({(Task, "volunteers"), (Response, "goal_progress")})

_OUT_OF_RANGE = {
    "satisfaction": 6,
    "openness": 0,
    "equality": 6,
    "risk_willingness": 0,
    "budget_share_from_municipality": 1.5,
    "hours_per_week": 200.0,
    "hours_offered_per_week": 169.0,
    "meetings_per_year": 400,
    "paying_members": -1,
    "size": 0,
    "key_persons": -2,
    "birth_year": 1850,
    "child_certificate_declaration_year": 1999,
    "occasions_with_children": -1,
    "longest_continuous_days": -1,
    "motives": 8,
}
_BAD_MUNICIPALITY_CODES = ((411, "unknown"), (999, "unknown"), (1084, "range"), (0, "range"))
_UNKNOWN_FIELDS = ("titel", "startdato", "notes", "colour", "navn", "extra")


def _is_required(site: _Site) -> bool:
    if site.role != "field" or site.field is None:
        return False
    return attrs.fields_dict(type(site.owner))[site.field].default is attrs.NOTHING


def _is_municipality_code(site: _Site) -> bool:
    return site.field == "municipality_code" or (
        isinstance(site.owner, Municipality) and site.field == "code"
    )


def _is_reference(site: _Site) -> bool:
    key = (type(site.owner), site.field)
    if site.role == "map_key":
        return key in _OTHER_REFERENCES
    if site.role == "map_value":
        return key == (Collaboration, "responsibilities")
    if key not in _PARTY_REFERENCES and key not in _OTHER_REFERENCES:
        return False
    if isinstance(site.owner, Volunteer) and site.owner.engagement is Engagement.MUNICIPALITY:
        return False  # the volunteer's association must stay empty
    scalar = site.role == "field" and not isinstance(site.value, tuple | FrozenMap)
    return scalar or site.role == "item"


def _is_numeric(tp: Any) -> bool:
    return _unwrap(tp) in (int, float)


def _collections_with_ids(site: _Site) -> bool:
    return (
        site.role == "field"
        and isinstance(site.value, tuple)
        and len(site.value) > 1
        and all(attrs.has(type(item)) and hasattr(item, "id") for item in site.value)
    )


def _fresh_id(document: Any) -> str:
    """An id that appears nowhere in ``document``."""
    taken = set(_strings(document))
    return next(
        candidate
        for candidate in (f"ukendt-{n}" if n else "ukendt" for n in itertools.count())
        if candidate not in taken
    )


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


def _wrong_type(value: Any, value_type: Any) -> Any:
    """A JSON value of a type the model never accepts where ``value`` stands."""
    if value is None:  # an array, unless the field holds one when it is set
        return {} if typing.get_origin(_unwrap(value_type)) is tuple else []
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return value[0] if value and not isinstance(value[0], list) else {}
    return [value]


def _bad_choices(member: enum.Enum) -> list[str]:
    taken = {m.value for m in type(member)}
    candidates: list[str] = [str(member.value).upper(), f"{member.value}x"]
    if isinstance(member, LabelledEnum):
        candidates = [member.da, member.en, *candidates]
    return [c for c in dict.fromkeys(candidates) if c not in taken]


def _bad_dates(day: dt.date | None) -> list[str]:
    day = day or dt.date(2026, 1, 15)
    return [
        f"{day.year:04d}-02-30",
        day.strftime("%d-%m-%Y"),
        day.strftime("%Y/%m/%d"),
        day.isoformat() + "T09:00:00",
        f"{day.day}. {day.month}. {day.year}",
    ]


def _bad_cvrs(draw: DrawFn) -> list[tuple[str, str]]:
    valid = draw(cvr_numbers())
    wrong_check = valid[:7] + str((int(valid[7]) + 1) % 10)
    return [
        (wrong_check, "checksum"),
        (valid[:7], "length"),
        (valid + "1", "length"),
        ("DK" + valid, "format"),
        (f"{valid[:2]} {valid[2:4]} {valid[4:6]} {valid[6:]}", "format"),
        ("0" + valid[1:], "format"),
    ]


def _small_collaborations(
    *, min_parties: int = 1, partners: SearchStrategy[Actor] | None = None
) -> SearchStrategy[Collaboration]:
    return collaborations(
        min_parties=min_parties,
        max_parties=3,
        max_goals=2,
        max_tasks=2,
        max_volunteers=2,
        max_rounds=2,
        actors=partners,
    )


@functools.cache
def _documents_for(chosen: DefectKind) -> SearchStrategy[Document]:
    """Valid documents that surely have a place for a defect of the chosen kind."""
    if chosen is DefectKind.INVALID_CVR:  # each of these actors has a cvr field, set or null
        kinds = (ActorKind.VOLUNTARY_ORGANISATION, ActorKind.VOLUNTEER_CENTRE)
        partners = actors(kinds=(*kinds, ActorKind.PRIVATE_COMPANY))
        return _small_collaborations(min_parties=2, partners=partners)
    if chosen is DefectKind.DUPLICATE_ID:
        return _small_collaborations(min_parties=2) | portfolios(
            min_size=2, max_size=2, collaborations=_small_collaborations()
        )
    options: list[SearchStrategy[Any]] = [
        _small_collaborations(),
        portfolios(min_size=1, max_size=2, collaborations=_small_collaborations()),
    ]
    if chosen not in (DefectKind.DANGLING_ID, DefectKind.OUT_OF_RANGE):
        options.append(volunteer_policies())
    return st.one_of(options)


_DEFECT_KINDS = tuple(DefectKind)


@st.composite
def _defective_documents(
    draw: DrawFn, kind: DefectKind | None, documents: SearchStrategy[Document] | None
) -> DefectiveDocument:
    chosen = kind if kind is not None else _draw_choice(draw, _DEFECT_KINDS)
    source = draw(_documents_for(chosen) if documents is None else documents)
    document = to_dict(source)
    sites = list(_walk(source, document, ()))

    def pick(candidates: list[_Site]) -> _Site:
        assume(candidates)  # only a caller's own documents can lack a place for the defect
        return _draw_choice(draw, candidates)

    def found(path: tuple[Segment, ...], code: str) -> DefectiveDocument:
        return DefectiveDocument(document=document, path=render_path(path), code=code, kind=chosen)

    if chosen is DefectKind.NOT_JSON:
        text = json.dumps(document, ensure_ascii=False)
        how = _draw_choice(draw, ("truncated", "trailing_comma", "python", "empty"))
        if how == "truncated":
            text = text[: draw(st.integers(min_value=1, max_value=len(text) - 1))]
        elif how == "trailing_comma":
            text = text[:-1] + ",}"
        elif how == "python":
            text = repr(document)
        else:
            text = ""
        return DefectiveDocument(document=text, path="$", code="json", kind=chosen)
    if chosen is DefectKind.WRONG_SCHEMA_VERSION:
        replacement = _draw_choice(draw, (0, -1, SCHEMA_VERSION + 1, "1", 1.0, None, "missing"))
        if replacement == "missing":
            del document["schema_version"]
        else:
            document["schema_version"] = replacement
        return found(("schema_version",), "schema_version")
    if chosen is DefectKind.WRONG_TYPE:
        site = pick([s for s in sites if s.role not in ("kind", "map_key")])
        site.container[site.key] = _wrong_type(site.container[site.key], site.value_type)
        return found(site.path, "type")
    if chosen is DefectKind.MISSING_FIELD:
        site = pick([s for s in sites if s.role == "kind" or _is_required(s)])
        del site.container[site.key]
        return found(site.path, "missing")
    if chosen is DefectKind.UNKNOWN_FIELD:
        objects = [((), document, type(source))] + [
            (s.path, s.container[s.key], type(s.value))
            for s in sites
            if s.role in ("field", "item") and attrs.has(type(s.value))
        ]
        path, container, cls = _draw_choice(draw, objects)
        names = {field.name for field in attrs.fields(cls)} | {"kind", "schema_version", "type"}
        name = _draw_choice(draw, [c for c in _UNKNOWN_FIELDS if c not in names])
        container[name] = _draw_choice(draw, ("x", 1, True, None))
        # in an object with personal fields, or inside one, the loader hides the key
        held = {site.path: site.value for site in sites}
        around = [source, *(held[path[:end]] for end in range(1, len(path) + 1))]
        if any(_has_personal_fields(type(obj)) for obj in around):
            return DefectiveDocument(
                document=document,
                path=render_path(path) + "[<key hidden>]",
                code="unknown_field",
                kind=chosen,
            )
        return found((*path, name), "unknown_field")
    if chosen is DefectKind.BAD_ENUM_VALUE:
        site = pick([s for s in sites if s.role != "map_key" and isinstance(s.value, enum.Enum)])
        site.container[site.key] = _draw_choice(draw, _bad_choices(site.value))
        return found(site.path, "choice")
    if chosen is DefectKind.BAD_DATE:
        site = pick(
            [
                s
                for s in sites
                if s.role in ("field", "item")
                and (
                    isinstance(s.value, dt.date)
                    or (s.value is None and _unwrap(s.value_type) is dt.date)
                )
            ]
        )
        site.container[site.key] = _draw_choice(draw, _bad_dates(site.value))
        return found(site.path, "format")
    if chosen is DefectKind.OUT_OF_RANGE:
        site = pick(
            [
                s
                for s in sites
                if s.role in ("field", "map_value")
                and _is_numeric(s.value_type)
                and not _is_municipality_code(s)
            ]
        )
        generic: Any = 10**16 if _unwrap(site.value_type) is int else 1e16
        site.container[site.key] = _draw_choice(
            draw, [_OUT_OF_RANGE.get(str(site.field), generic), -generic]
        )
        return found(site.path, "range")
    if chosen is DefectKind.DANGLING_ID:
        site = pick([s for s in sites if _is_reference(s)])
        ghost = _fresh_id(document)
        if site.role == "map_key":
            items = list(site.container.items())
            site.container.clear()
            site.container.update((ghost if k == site.key else k, v) for k, v in items)
            return found((*site.path[:-1], ghost), "reference")
        site.container[site.key] = ghost
        return found(site.path, "reference")
    if chosen is DefectKind.DUPLICATE_ID:
        site = pick([s for s in sites if _collections_with_ids(s)])
        items = site.container[site.key]
        later = draw(st.integers(min_value=1, max_value=len(items) - 1))
        earlier = draw(st.integers(min_value=0, max_value=later - 1))
        items[later]["id"] = items[earlier]["id"]
        return found((*site.path, later, "id"), "duplicate")
    if chosen is DefectKind.INVALID_MUNICIPALITY_CODE:
        site = pick([s for s in sites if s.role == "field" and _is_municipality_code(s)])
        value, code = _draw_choice(draw, _BAD_MUNICIPALITY_CODES)
        site.container[site.key] = value
        return found(site.path, code)
    # DefectKind.INVALID_CVR
    site = pick([s for s in sites if s.role == "field" and s.field == "cvr"])
    number, code = _draw_choice(draw, _bad_cvrs(draw))
    site.container[site.key] = number
    return found(site.path, code)


def defective_documents(
    *,
    kind: DefectKind | None = None,
    documents: SearchStrategy[Document] | None = None,
) -> SearchStrategy[DefectiveDocument]:
    """A strategy for nearly valid documents, each with exactly one defect.

    Each is the JSON form of a valid collaboration, portfolio or volunteer
    policy with one defect, and comes with the problem the loader must report
    for it. Use it to test how a system handles documents it has to reject.

    The defect is one of the [`DefectKind`][frivillig.strategies.DefectKind]s:
    a value of the wrong JSON type (code ``"type"``), a required field left out
    (``"missing"``), a field the model does not have (``"unknown_field"``), a
    value not among an enumeration's choices (``"choice"``), a date not in the
    form ``YYYY-MM-DD`` or not in the calendar (``"format"``), a number out of
    its range (``"range"``), an id that refers to nothing in the collaboration
    (``"reference"``), an id used twice (``"duplicate"``), a municipality code
    none of the 98 has (``"unknown"``, or ``"range"`` when it is not three
    digits), a CVR number with a wrong check digit, length or form
    (``"checksum"``, ``"length"``, ``"format"``), a schema version that is
    missing or not one this release reads (``"schema_version"``), or text that
    is not JSON at all (``"json"``).

    Args:
        kind: The kind of defect; any kind by default.
        documents: A strategy for the valid documents to spoil; by default
            small collaborations, portfolios and policies, chosen so that each
            kind of defect has a place. With a strategy of your own, documents
            without a place for the defect (no CVR number, say) are rejected,
            which Hypothesis reports as a health-check failure if it happens
            too often.

    Raises:
        InvalidArgument: ``kind`` is not a DefectKind, or ``documents`` is not a
            strategy.
    """
    _check_member("kind", kind, DefectKind)
    _check_strategy("documents", documents)
    return _defective_documents(kind, documents)
