"""frivillig's JSON form (schema version 3) as pydantic v2 models, with the same rules.

Strict mode (``"3"`` is not 3, ``3.7`` not an integer), unknown fields
forbidden, frozen models; constraints as pydantic writes them (patterns,
lengths, ranges and the 98 municipality codes as a ``Literal`` run in
pydantic-core, where frivillig has msgspec check them), the rest as
after-validators calling ``rules``, where frivillig checks them in Python.
Actors are a union told apart by ``kind``.

``dump`` writes compact JSON (``model_dump_json``), the text ``frivillig.dumps``
writes, which ``run.py`` checks byte for byte.
"""

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic import model_validator as _model_validator

from frivillig import (
    AgeBand,
    Attachment,
    Benefit,
    Coercion,
    CollaborationLevel,
    Decision,
    Engagement,
    FormalisationLevel,
    GoalStatus,
    GovernanceMode,
    LifecycleStatus,
    ManagementTask,
    ParticipantRole,
    PolicyProcess,
    Purpose,
    Remuneration,
    ReservedKind,
    Resource,
    SupportScheme,
    TaskKind,
    VolunteerFunction,
    VolunteerModel,
    WelfareRole,
    WorkCategory,
)

from . import rules

Id = Annotated[str, StringConstraints(pattern=rules.ID_PATTERN_RUST)]
Text = Annotated[str, StringConstraints(max_length=5000, pattern=rules.NOT_BLANK)]
Title = Annotated[str, StringConstraints(max_length=300, pattern=rules.NOT_BLANK)]
Unit = Annotated[str, StringConstraints(max_length=50, pattern=rules.NOT_BLANK)]
Commitment = Annotated[str, StringConstraints(max_length=2000, pattern=rules.NOT_BLANK)]
Code = Literal[rules.MUNICIPALITY_CODES]
OptionalCode = Code | None
Cvr = Annotated[str | None, AfterValidator(rules.cvr)]
Ids = Annotated[tuple[Id, ...], AfterValidator(rules.distinct)]
Finite = Annotated[float, Field(ge=-1e15, le=1e15)]
Likert = Annotated[int, Field(ge=1, le=5)]
Hours = Annotated[float, Field(ge=0, le=168)]
MonthHours = Annotated[float, Field(ge=0, le=744)]
Count = Annotated[int, Field(ge=0, le=100_000)]


def _distinct(item: Any) -> Any:
    return Annotated[tuple[item, ...], AfterValidator(rules.distinct)]


class Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Municipality(Model):
    kind: Literal["municipality"]
    name: Title
    code: Code
    unit: Title | None = None


class PublicInstitution(Model):
    kind: Literal["public_institution"]
    name: Title
    municipality_code: Code
    institution_type: Title | None = None


class VoluntaryOrganisation(Model):
    kind: Literal["voluntary_organisation"]
    name: Title
    cvr: Cvr = None
    cause: Text | None = None
    municipality_code: OptionalCode = None
    paying_members: Annotated[int, Field(ge=0, le=10_000_000)] | None = None
    has_statutes: bool | None = None
    has_board: bool | None = None
    democratic: bool | None = None
    child_certificate_declaration_year: Annotated[int, Field(ge=2005, le=2200)] | None = None
    voluntary_effort_is_core: bool | None = None


class VolunteerCentre(Model):
    kind: Literal["volunteer_centre"]
    name: Title
    cvr: Cvr = None
    municipality_code: OptionalCode = None


class VolunteerCouncil(Model):
    kind: Literal["volunteer_council"]
    name: Title
    municipality_code: OptionalCode = None


class PrivateCompany(Model):
    kind: Literal["private_company"]
    name: Title
    cvr: Cvr = None


class CitizenGroup(Model):
    kind: Literal["citizen_group"]
    name: Title
    size: Annotated[int, Field(ge=1, le=10_000_000)] | None = None


Actor = Annotated[
    Municipality
    | PublicInstitution
    | VoluntaryOrganisation
    | VolunteerCentre
    | VolunteerCouncil
    | PrivateCompany
    | CitizenGroup,
    Field(discriminator="kind"),
]


class Readiness(Model):
    openness: Likert | None = None
    equality: Likert | None = None
    risk_willingness: Likert | None = None


class Participant(Model):
    id: Id
    actor: Actor
    roles: _distinct(ParticipantRole) = ()
    resources: _distinct(Resource) = ()
    budget_share_from_municipality: Annotated[float, Field(ge=0, le=1)] | None = None
    key_persons: Count | None = None
    readiness: Readiness | None = None
    support_schemes: _distinct(SupportScheme) | None = None
    funding_dkk_per_year: Annotated[int, Field(ge=0, le=1_000_000_000_000)] | None = None

    @_model_validator(mode="after")
    def _rules(self) -> "Participant":
        rules.participant(self, self.actor.kind)
        return self


class Wish(Model):
    party: Id
    text: Text


class Agreement(Model):
    party: Id
    agreed_on: dt.date


class Indicator(Model):
    name: Title
    unit: Unit
    baseline: Finite | None = None
    target: Finite

    @_model_validator(mode="after")
    def _rules(self) -> "Indicator":
        rules.indicator(self)
        return self


class Goal(Model):
    id: Id
    text: Text
    wishes: tuple[Wish, ...] = ()
    indicator: Indicator | None = None
    agreements: Annotated[tuple[Agreement, ...], AfterValidator(rules.unique("party"))] = ()
    status: GoalStatus = GoalStatus.PROPOSED
    note: Text | None = None


class Task(Model):
    id: Id
    title: Title
    description: Text | None = None
    kind: TaskKind = TaskKind.HANDS
    offers: _distinct(VolunteerFunction) = ()
    exercises_authority: bool = False
    reserved: _distinct(ReservedKind) = ()
    children_contact: bool = False
    confidential_data: bool = False
    core_staff_task: bool = False
    fixed_rota: bool = False
    directed_by_institution: bool = False
    replaces_cut_post: bool = False
    hours_per_week: Hours | None = None
    work_category: WorkCategory | None = None
    volunteers: Ids = ()
    led_by: Id | None = None


class ChildCertificateCheck(Model):
    checked_on: dt.date
    checked_by: Id
    clear: bool


class PeriodWithChildren(Model):
    first_day: dt.date
    last_day: dt.date | None = None

    @_model_validator(mode="after")
    def _rules(self) -> "PeriodWithChildren":
        rules.period(self)
        return self


class Volunteer(Model):
    id: Id
    engagement: Engagement = Engagement.ASSOCIATION
    association: Id | None = None
    birth_year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    age_band: AgeBand | None = None
    motives: dict[VolunteerFunction, int] = Field(default_factory=dict)
    wants_influence: bool = False
    hours_offered_per_week: Hours | None = None
    skills: _distinct(Title) = ()
    authorisations: _distinct(Title) = ()
    attachment: Attachment = Attachment.REGULAR
    started_on: dt.date | None = None
    occasions_with_children: Count | None = None
    longest_continuous_days: Count | None = None
    periods_with_children: tuple[PeriodWithChildren, ...] | None = None
    child_certificate: ChildCertificateCheck | None = None
    confidentiality_signed_on: dt.date | None = None
    remuneration: Remuneration = Remuneration.NONE
    benefit: Benefit | None = None
    for_own_family: bool = False
    coercion: Coercion | None = None
    for_own_benefit: bool | None = None

    @_model_validator(mode="after")
    def _rules(self) -> "Volunteer":
        rules.volunteer(self)
        return self


class TimeLog(Model):
    volunteer: Id
    task: Id
    month: dt.date
    hours: MonthHours

    @_model_validator(mode="after")
    def _rules(self) -> "TimeLog":
        rules.time_log(self)
        return self


class ValueCase(Model):
    institution: Text | None = None
    employees: Text | None = None
    citizens: Text | None = None


class AgreementDocument(Model):
    title: Title
    signed_on: dt.date | None = None
    reference: Title | None = None
    parties: Ids = ()


class Forum(Model):
    name: Title
    meetings_per_year: Annotated[int, Field(ge=0, le=366)] | None = None
    agenda_set_by: Ids = ()


class EvaluationPlan(Model):
    rrule: Annotated[str, AfterValidator(rules.rrule_text)]
    first_date: dt.date
    instruments: Ids = ()
    respondents: Ids = ()
    timezone: Annotated[str, AfterValidator(rules.timezone)] = "Europe/Copenhagen"

    @_model_validator(mode="after")
    def _rules(self) -> "EvaluationPlan":
        rules.plan(self)
        return self


class Response(Model):
    party: Id
    satisfaction: Likert | None = None
    goal_progress: dict[Id, Finite] = Field(default_factory=dict)
    instrument: Id | None = None
    answers: dict[Id, Finite | None] = Field(default_factory=dict)
    comment: Text | None = None


class DyadicRating(Model):
    rater: Id
    ratee: Id
    level: CollaborationLevel

    @_model_validator(mode="after")
    def _rules(self) -> "DyadicRating":
        rules.rating(self)
        return self


class EvaluationRound(Model):
    id: Id
    held_on: dt.date
    responses: Annotated[tuple[Response, ...], AfterValidator(rules.unique("party"))] = ()
    ratings: Annotated[tuple[DyadicRating, ...], AfterValidator(rules.unique_pairs)] = ()
    decision: Decision | None = None
    final: bool = False
    summary: Text | None = None


class Collaboration(Model):
    id: Id
    title: Title
    municipality_code: Code
    participants: Annotated[tuple[Participant, ...], AfterValidator(rules.unique("id"))]
    initiator: Id | None = None
    purposes: _distinct(Purpose) = ()
    value_case: ValueCase | None = None
    governance_mode: GovernanceMode = GovernanceMode.NEGOTIATED
    welfare_role: WelfareRole = WelfareRole.SUPPLEMENT
    volunteer_model: VolunteerModel = VolunteerModel.ASSOCIATION
    responsibilities: dict[ManagementTask, Id] = Field(default_factory=dict)
    responsibility_holders: dict[ManagementTask, Id] = Field(default_factory=dict)
    goals: Annotated[tuple[Goal, ...], AfterValidator(rules.unique("id"))] = ()
    tasks: Annotated[tuple[Task, ...], AfterValidator(rules.unique("id"))] = ()
    volunteers: Annotated[tuple[Volunteer, ...], AfterValidator(rules.unique("id"))] = ()
    time_logs: tuple[TimeLog, ...] = ()
    formalisation: FormalisationLevel = FormalisationLevel.COLLABORATION_AGREEMENT
    agreement: AgreementDocument | None = None
    forum: Forum | None = None
    start_on: dt.date
    end_on: dt.date | None = None
    status: LifecycleStatus = LifecycleStatus.EXPLORING
    ended_from: LifecycleStatus | None = None
    evaluation_plan: EvaluationPlan | None = None
    rounds: Annotated[tuple[EvaluationRound, ...], AfterValidator(rules.unique("id"))] = ()
    description: Text | None = None

    @_model_validator(mode="after")
    def _rules(self) -> "Collaboration":
        rules.collaboration(self)
        return self


class VolunteerPolicy(Model):
    municipality_code: Code
    title: Title
    adopted_on: dt.date
    revised_on: dt.date | None = None
    process: PolicyProcess
    commitments: _distinct(Commitment) = ()
    reference: Title | None = None

    @_model_validator(mode="after")
    def _rules(self) -> "VolunteerPolicy":
        rules.not_before(self.revised_on, self.adopted_on, "revised_on")
        return self


class Portfolio(Model):
    schema_version: Literal[3]
    type: Literal["portfolio"]
    id: Id
    title: Title
    municipality_code: OptionalCode = None
    policy: VolunteerPolicy | None = None
    collaborations: Annotated[tuple[Collaboration, ...], AfterValidator(rules.unique("id"))] = ()
    description: Text | None = None


def load(data: bytes) -> Portfolio:
    """Read and validate a portfolio document."""
    return Portfolio.model_validate_json(data)


def dump(portfolio: Portfolio) -> bytes:
    """Write a portfolio as compact JSON bytes."""
    return portfolio.model_dump_json().encode()
