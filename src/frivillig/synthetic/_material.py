"""The material the generators draw from (``data/synthetic.json``, read once), and fixed choices."""

import functools
import json
from collections.abc import Mapping, Sequence
from importlib.resources import files
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from .._core.labels import LabelledEnum
from .._model.collaboration import Purpose, WelfareRole
from .._model.formalisation import CollaborationLevel
from .._model.tasks import ReservedKind, TaskKind, WorkCategory
from .._model.volunteers import AgeBand, VolunteerFunction

# -- the material: themes, names, texts ------------------------------------------------
# The Danish names and texts are data, in ``data/synthetic.json``; the generator below
# draws from them. A theme is one kind of collaboration, with its institution, association,
# tasks and goals; ``{place}`` and ``{institution}`` in its texts are filled in per draw.


@attrs.frozen
class _TaskTemplate:
    id: str
    title: str
    kind: TaskKind
    offers: tuple[VolunteerFunction, ...]
    hours: tuple[float, float]
    children: bool = False
    confidential: bool = False
    led_by_association: bool = True
    work_category: WorkCategory | None = None


@attrs.frozen
class _GoalTemplate:
    id: str
    text: str
    indicator: str
    unit: str
    baseline: tuple[int, int] | None
    target: tuple[int, int]


@attrs.frozen
class _Theme:
    key: str
    title: str
    institution_id: str
    institution_name: str
    institution_type: str
    association: str
    cause: str
    unit: str
    tasks: tuple[_TaskTemplate, ...]
    goals: tuple[_GoalTemplate, ...]
    value_case: tuple[str, str, str]
    purposes: tuple[Purpose, ...]
    roles: tuple[WelfareRole, ...]
    description: str

    def institution(self, place: str) -> str:
        return self.institution_name.format(place=place)

    def collaboration_title(self, place: str) -> str:
        return self.title.format(institution=self.institution(place), place=place)


@attrs.frozen
class _Material:
    themes: tuple[_Theme, ...]
    places: tuple[str, ...]
    company_suffixes: tuple[str, ...]
    citizen_groups: tuple[str, ...]
    forums: tuple[str, ...]
    wishes: Mapping[str, tuple[str, ...]]
    """What each kind of party wishes, by party id; ``"institution"`` for the host."""
    authority_tasks: tuple[str, ...]
    reserved_tasks: tuple[tuple[str, ReservedKind], ...]
    displacement_tasks: tuple[str, ...]
    summaries: tuple[str, ...]
    comments: tuple[str, ...]


_Member = TypeVar("_Member", bound=LabelledEnum)


def _member(cls: type[_Member], value: str) -> _Member:
    return next(member for member in cls if member.value == value)


def _pair(values: Sequence[int]) -> tuple[int, int]:
    low, high = values
    return low, high


def _task_template(entry: dict[str, Any]) -> _TaskTemplate:
    low, high = entry["hours"]
    return _TaskTemplate(
        id=entry["id"],
        title=entry["title"],
        kind=_member(TaskKind, entry["kind"]),
        offers=tuple(_member(VolunteerFunction, value) for value in entry["offers"]),
        hours=(float(low), float(high)),
        children=entry.get("children", False),
        confidential=entry.get("confidential", False),
        led_by_association=entry.get("led_by_association", True),
        work_category=(
            _member(WorkCategory, entry["work_category"]) if "work_category" in entry else None
        ),
    )


def _goal_template(entry: dict[str, Any]) -> _GoalTemplate:
    baseline = entry["baseline"]
    return _GoalTemplate(
        id=entry["id"],
        text=entry["text"],
        indicator=entry["indicator"],
        unit=entry["unit"],
        baseline=None if baseline is None else _pair(baseline),
        target=_pair(entry["target"]),
    )


def _theme(entry: dict[str, Any]) -> _Theme:
    value = entry["value_case"]
    return _Theme(
        key=entry["key"],
        title=entry["title"],
        institution_id=entry["institution_id"],
        institution_name=entry["institution_name"],
        institution_type=entry["institution_type"],
        association=entry["association"],
        cause=entry["cause"],
        unit=entry["unit"],
        tasks=tuple(_task_template(task) for task in entry["tasks"]),
        goals=tuple(_goal_template(goal) for goal in entry["goals"]),
        value_case=(value["institution"], value["employees"], value["citizens"]),
        purposes=tuple(_member(Purpose, purpose) for purpose in entry["purposes"]),
        roles=tuple(_member(WelfareRole, role) for role in entry["roles"]),
        description=entry["description"],
    )


@functools.cache
def _material() -> _Material:
    """Read the packaged material, once per process."""
    resource = files("frivillig") / "data" / "synthetic.json"
    raw: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return _Material(
        themes=tuple(_theme(theme) for theme in raw["themes"]),
        places=tuple(raw["places"]),
        company_suffixes=tuple(raw["company_suffixes"]),
        citizen_groups=tuple(raw["citizen_groups"]),
        forums=tuple(raw["forums"]),
        wishes=MappingProxyType({party: tuple(texts) for party, texts in raw["wishes"].items()}),
        authority_tasks=tuple(raw["authority_tasks"]),
        reserved_tasks=tuple(
            (task["title"], _member(ReservedKind, task["reserved"]))
            for task in raw["reserved_tasks"]
        ),
        displacement_tasks=tuple(raw["displacement_tasks"]),
        summaries=tuple(raw["summaries"]),
        comments=tuple(raw["comments"]),
    )


_RRULES: tuple[tuple[str, int], ...] = (
    ("FREQ=MONTHLY;INTERVAL=3", 3),
    ("FREQ=MONTHLY;INTERVAL=6", 6),
    ("FREQ=YEARLY", 12),
)
_RRULE_WEIGHTS = (35, 45, 20)
_BAROMETER = "barometer"
_BAROMETER_ITEMS = tuple(f"b{n:02d}" for n in range(1, 11))
_BENCHMARK_INSTRUMENT = "benchmark-20"
_BENCHMARK_ITEMS = tuple(f"q{n:02d}" for n in range(1, 21))
_AGE_BANDS = (AgeBand.FROM_18_TO_29, AgeBand.FROM_30_TO_49, AgeBand.FROM_50_TO_66, AgeBand.FROM_67)
_AGE_WEIGHTS = (15, 25, 30, 30)
_CHILD_AGE_WEIGHTS = (25, 40, 25, 10)
_RATING_LEVELS = tuple(CollaborationLevel)
