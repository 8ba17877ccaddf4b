"""frivillig's JSON form (schema version 3) as msgspec structs, with the same rules.

msgspec is strict by default; unknown fields are forbidden, structs are frozen;
patterns, lengths, ranges and the 98 municipality codes (a ``Literal``) are
checked while decoding, as frivillig's loader has msgspec check them; the rest
runs in ``__post_init__`` through ``rules``, as frivillig runs it in Python.
Actors are a tagged union on ``kind``. The structs are made with ``gc=False``,
as msgspec's documentation advises for structs that cannot form cycles, and as
frivillig's own mirror structs are.

``dump`` writes compact JSON, the text ``frivillig.dumps`` writes, which ``run.py``
checks byte for byte.
"""

import datetime as dt
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta

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

Id = Annotated[str, Meta(pattern=rules.ID_PATTERN)]
Text = Annotated[str, Meta(max_length=5000, pattern=rules.NOT_BLANK)]
Title = Annotated[str, Meta(max_length=300, pattern=rules.NOT_BLANK)]
Unit = Annotated[str, Meta(max_length=50, pattern=rules.NOT_BLANK)]
Commitment = Annotated[str, Meta(max_length=2000, pattern=rules.NOT_BLANK)]
Finite = Annotated[float, Meta(ge=-1e15, le=1e15)]
Likert = Annotated[int, Meta(ge=1, le=5)]
Hours = Annotated[float, Meta(ge=0, le=168)]
MonthHours = Annotated[float, Meta(ge=0, le=744)]
Count = Annotated[int, Meta(ge=0, le=100_000)]
Code = Literal[rules.MUNICIPALITY_CODES]


class Model(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True, gc=False):
    pass


class Municipality(Model, kw_only=True, tag_field="kind", tag="municipality"):
    name: Title
    code: Code
    unit: Title | None = None


class PublicInstitution(Model, kw_only=True, tag_field="kind", tag="public_institution"):
    name: Title
    municipality_code: Code
    institution_type: Title | None = None


class VoluntaryOrganisation(Model, kw_only=True, tag_field="kind", tag="voluntary_organisation"):
    name: Title
    cvr: str | None = None
    cause: Text | None = None
    municipality_code: Code | None = None
    paying_members: Annotated[int, Meta(ge=0, le=10_000_000)] | None = None
    has_statutes: bool | None = None
    has_board: bool | None = None
    democratic: bool | None = None
    child_certificate_declaration_year: Annotated[int, Meta(ge=2005, le=2200)] | None = None
    voluntary_effort_is_core: bool | None = None

    def __post_init__(self) -> None:
        rules.cvr(self.cvr)


class VolunteerCentre(Model, kw_only=True, tag_field="kind", tag="volunteer_centre"):
    name: Title
    cvr: str | None = None
    municipality_code: Code | None = None

    def __post_init__(self) -> None:
        rules.cvr(self.cvr)


class VolunteerCouncil(Model, kw_only=True, tag_field="kind", tag="volunteer_council"):
    name: Title
    municipality_code: Code | None = None


class PrivateCompany(Model, kw_only=True, tag_field="kind", tag="private_company"):
    name: Title
    cvr: str | None = None

    def __post_init__(self) -> None:
        rules.cvr(self.cvr)


class CitizenGroup(Model, kw_only=True, tag_field="kind", tag="citizen_group"):
    name: Title
    size: Annotated[int, Meta(ge=1, le=10_000_000)] | None = None


Actor = (
    Municipality
    | PublicInstitution
    | VoluntaryOrganisation
    | VolunteerCentre
    | VolunteerCouncil
    | PrivateCompany
    | CitizenGroup
)


class Readiness(Model, kw_only=True):
    openness: Likert | None = None
    equality: Likert | None = None
    risk_willingness: Likert | None = None


class Participant(Model, kw_only=True):
    id: Id
    actor: Actor
    roles: tuple[ParticipantRole, ...] = ()
    resources: tuple[Resource, ...] = ()
    budget_share_from_municipality: Annotated[float, Meta(ge=0, le=1)] | None = None
    key_persons: Count | None = None
    readiness: Readiness | None = None
    support_schemes: tuple[SupportScheme, ...] | None = None
    funding_dkk_per_year: Annotated[int, Meta(ge=0, le=1_000_000_000_000)] | None = None

    def __post_init__(self) -> None:
        rules.distinct(self.roles)
        rules.distinct(self.resources)
        rules.distinct(self.support_schemes)
        rules.participant(self, type(self.actor).__struct_config__.tag)


class Wish(Model, kw_only=True):
    party: Id
    text: Text


class Agreement(Model, kw_only=True):
    party: Id
    agreed_on: dt.date


class Indicator(Model, kw_only=True):
    name: Title
    unit: Unit
    baseline: Finite | None = None
    target: Finite

    def __post_init__(self) -> None:
        rules.indicator(self)


class Goal(Model, kw_only=True):
    id: Id
    text: Text
    wishes: tuple[Wish, ...] = ()
    indicator: Indicator | None = None
    agreements: tuple[Agreement, ...] = ()
    status: GoalStatus = GoalStatus.PROPOSED
    note: Text | None = None

    def __post_init__(self) -> None:
        rules.unique("party")(self.agreements)


class Task(Model, kw_only=True):
    id: Id
    title: Title
    description: Text | None = None
    kind: TaskKind = TaskKind.HANDS
    offers: tuple[VolunteerFunction, ...] = ()
    exercises_authority: bool = False
    reserved: tuple[ReservedKind, ...] = ()
    children_contact: bool = False
    confidential_data: bool = False
    core_staff_task: bool = False
    fixed_rota: bool = False
    directed_by_institution: bool = False
    replaces_cut_post: bool = False
    hours_per_week: Hours | None = None
    work_category: WorkCategory | None = None
    volunteers: tuple[Id, ...] = ()
    led_by: Id | None = None

    def __post_init__(self) -> None:
        rules.distinct(self.offers)
        rules.distinct(self.reserved)
        rules.distinct(self.volunteers)


class ChildCertificateCheck(Model, kw_only=True):
    checked_on: dt.date
    checked_by: Id
    clear: bool


class PeriodWithChildren(Model, kw_only=True):
    first_day: dt.date
    last_day: dt.date | None = None

    def __post_init__(self) -> None:
        rules.period(self)


class Volunteer(Model, kw_only=True):
    id: Id
    engagement: Engagement = Engagement.ASSOCIATION
    association: Id | None = None
    birth_year: Annotated[int, Meta(ge=1900, le=2100)] | None = None
    age_band: AgeBand | None = None
    motives: dict[VolunteerFunction, int] = {}
    wants_influence: bool = False
    hours_offered_per_week: Hours | None = None
    skills: tuple[Title, ...] = ()
    authorisations: tuple[Title, ...] = ()
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

    def __post_init__(self) -> None:
        rules.distinct(self.skills)
        rules.distinct(self.authorisations)
        rules.volunteer(self)


class TimeLog(Model, kw_only=True):
    volunteer: Id
    task: Id
    month: dt.date
    hours: MonthHours

    def __post_init__(self) -> None:
        rules.time_log(self)


class ValueCase(Model, kw_only=True):
    institution: Text | None = None
    employees: Text | None = None
    citizens: Text | None = None


class AgreementDocument(Model, kw_only=True):
    title: Title
    signed_on: dt.date | None = None
    reference: Title | None = None
    parties: tuple[Id, ...] = ()

    def __post_init__(self) -> None:
        rules.distinct(self.parties)


class Forum(Model, kw_only=True):
    name: Title
    meetings_per_year: Annotated[int, Meta(ge=0, le=366)] | None = None
    agenda_set_by: tuple[Id, ...] = ()

    def __post_init__(self) -> None:
        rules.distinct(self.agenda_set_by)


class EvaluationPlan(Model, kw_only=True):
    rrule: str
    first_date: dt.date
    instruments: tuple[Id, ...] = ()
    respondents: tuple[Id, ...] = ()
    timezone: str = "Europe/Copenhagen"

    def __post_init__(self) -> None:
        rules.rrule_text(self.rrule)
        rules.timezone(self.timezone)
        rules.plan(self)
        rules.distinct(self.instruments)
        rules.distinct(self.respondents)


class Response(Model, kw_only=True):
    party: Id
    satisfaction: Likert | None = None
    goal_progress: dict[Id, Finite] = {}
    instrument: Id | None = None
    answers: dict[Id, Finite | None] = {}
    comment: Text | None = None


class DyadicRating(Model, kw_only=True):
    rater: Id
    ratee: Id
    level: CollaborationLevel

    def __post_init__(self) -> None:
        rules.rating(self)


class EvaluationRound(Model, kw_only=True):
    id: Id
    held_on: dt.date
    responses: tuple[Response, ...] = ()
    ratings: tuple[DyadicRating, ...] = ()
    decision: Decision | None = None
    final: bool = False
    summary: Text | None = None

    def __post_init__(self) -> None:
        rules.unique("party")(self.responses)
        rules.unique_pairs(self.ratings)


class Collaboration(Model, kw_only=True):
    id: Id
    title: Title
    municipality_code: Code
    participants: tuple[Participant, ...]
    initiator: Id | None = None
    purposes: tuple[Purpose, ...] = ()
    value_case: ValueCase | None = None
    governance_mode: GovernanceMode = GovernanceMode.NEGOTIATED
    welfare_role: WelfareRole = WelfareRole.SUPPLEMENT
    volunteer_model: VolunteerModel = VolunteerModel.ASSOCIATION
    responsibilities: dict[ManagementTask, Id] = {}
    responsibility_holders: dict[ManagementTask, Id] = {}
    goals: tuple[Goal, ...] = ()
    tasks: tuple[Task, ...] = ()
    volunteers: tuple[Volunteer, ...] = ()
    time_logs: tuple[TimeLog, ...] = ()
    formalisation: FormalisationLevel = FormalisationLevel.COLLABORATION_AGREEMENT
    agreement: AgreementDocument | None = None
    forum: Forum | None = None
    start_on: dt.date
    end_on: dt.date | None = None
    status: LifecycleStatus = LifecycleStatus.EXPLORING
    ended_from: LifecycleStatus | None = None
    evaluation_plan: EvaluationPlan | None = None
    rounds: tuple[EvaluationRound, ...] = ()
    description: Text | None = None

    def __post_init__(self) -> None:
        for field in ("participants", "goals", "tasks", "volunteers", "rounds"):
            rules.unique("id")(getattr(self, field))
        rules.distinct(self.purposes)
        rules.collaboration(self)


class VolunteerPolicy(Model, kw_only=True):
    municipality_code: Code
    title: Title
    adopted_on: dt.date
    revised_on: dt.date | None = None
    process: PolicyProcess
    commitments: tuple[Commitment, ...] = ()
    reference: Title | None = None

    def __post_init__(self) -> None:
        rules.distinct(self.commitments)
        rules.not_before(self.revised_on, self.adopted_on, "revised_on")


class Portfolio(Model, kw_only=True):
    schema_version: Literal[3]
    type: Literal["portfolio"]
    id: Id
    title: Title
    municipality_code: Code | None = None
    policy: VolunteerPolicy | None = None
    collaborations: tuple[Collaboration, ...] = ()
    description: Text | None = None

    def __post_init__(self) -> None:
        rules.unique("id")(self.collaborations)


_DECODER = msgspec.json.Decoder(Portfolio)
_ENCODER = msgspec.json.Encoder()


def load(data: bytes) -> Portfolio:
    """Read and validate a portfolio document."""
    return _DECODER.decode(data)


def dump(portfolio: Portfolio) -> bytes:
    """Write a portfolio as compact JSON bytes."""
    return _ENCODER.encode(portfolio)


__all__ = ["Any", "dump", "load"]
