"""The varied generator's drafts: a collaboration's defects, tasks and volunteers while drawn."""

import datetime as dt
import random

import attrs

from .._model.collaboration import VolunteerModel
from .._model.tasks import ReservedKind, Task, TaskKind, WorkCategory
from .._model.volunteers import (
    AgeBand,
    Attachment,
    ChildCertificateCheck,
    Engagement,
    Remuneration,
    Volunteer,
    VolunteerFunction,
)
from ._defects import Defect

# -- the varied generator ---------------------------------------------------------------


@attrs.define
class _Draft:
    """The defects of one collaboration while it is drawn."""

    rng: random.Random
    rates: dict[Defect, float]
    defects: set[Defect] = attrs.Factory(set)

    def draw(self, defect: Defect) -> bool:
        return self.rng.random() < self.rates[defect]

    def roll(self, defect: Defect) -> bool:
        hit = self.draw(defect)
        if hit:
            self.defects.add(defect)
        return hit


@attrs.define
class _TaskDraft:
    """A task while it is drawn: a task's fields, with a list of volunteers that grows."""

    id: str
    title: str
    kind: TaskKind
    hours_per_week: float
    led_by: str
    offers: tuple[VolunteerFunction, ...] = ()
    exercises_authority: bool = False
    reserved: tuple[ReservedKind, ...] = ()
    children_contact: bool = False
    confidential_data: bool = False
    core_staff_task: bool = False
    fixed_rota: bool = False
    directed_by_institution: bool = False
    replaces_cut_post: bool = False
    work_category: WorkCategory | None = None
    volunteers: list[str] = attrs.Factory(list)

    def build(self) -> Task:
        return Task(**{**attrs.asdict(self, recurse=False), "volunteers": tuple(self.volunteers)})


@attrs.define
class _VolunteerDraft:
    id: str
    engagement: Engagement
    tasks: list[_TaskDraft]
    started_on: dt.date | None
    age_band: AgeBand
    wants_influence: bool = False
    hours_offered: float = 0.0
    certificate: ChildCertificateCheck | None = None
    confidentiality: dt.date | None = None
    remuneration: Remuneration = Remuneration.NONE

    @property
    def asked_hours(self) -> float:
        return sum(task.hours_per_week for task in self.tasks)

    def works_with_children(self) -> bool:
        return any(task.children_contact for task in self.tasks)

    def handles_data(self) -> bool:
        return any(task.confidential_data for task in self.tasks)

    def hands_only(self) -> bool:
        return all(task.kind is TaskKind.HANDS for task in self.tasks)

    @property
    def checker(self) -> str:
        """The party that checks the volunteer's child certificate: whoever engages them."""
        return "forening" if self.engagement is Engagement.ASSOCIATION else "kommune"

    def build(self, rng: random.Random, as_of: dt.date) -> Volunteer:
        functions = list(dict.fromkeys(f for task in self.tasks for f in task.offers))[:2]
        extra = rng.choice(_FUNCTIONS)
        if extra not in functions:
            functions.append(extra)
        children = self.works_with_children()
        days = 0 if self.started_on is None else (as_of - self.started_on).days
        return Volunteer(
            id=self.id,
            engagement=self.engagement,
            association="forening" if self.engagement is Engagement.ASSOCIATION else None,
            age_band=self.age_band,
            motives={function: rng.randint(3, 7) for function in functions},
            wants_influence=self.wants_influence,
            hours_offered_per_week=self.hours_offered,
            attachment=Attachment.REGULAR
            if children or rng.random() < 0.9
            else Attachment.SHORT_TERM,
            started_on=self.started_on,
            occasions_with_children=min(200, days // 7) if children and days >= 7 else None,
            child_certificate=self.certificate,
            confidentiality_signed_on=self.confidentiality,
            remuneration=self.remuneration,
        )


_FUNCTIONS = tuple(VolunteerFunction)
_FIRST_WITHIN = 170
"""A first evaluation is planned at most this many days after the start."""
_DEFECT_TASKS = frozenset({"myndighed", "forbeholdt", "fast-vagt"})
_PHASES = ("exploring", "agreeing", "young", "running", "ended")
_PHASE_WEIGHTS = (5, 7, 20, 55, 13)
_MODELS = (VolunteerModel.ASSOCIATION, VolunteerModel.OWN_VOLUNTEERS, VolunteerModel.MIXED)
_MODEL_WEIGHTS = (60, 20, 20)
