"""The collaboration: the central object of the model.

A collaboration (samarbejde) brings a municipality together with voluntary
organisations, volunteers, private actors and citizens around shared goals. It
records who takes part and how, why (its purposes and the value it has for
institution, employees and citizens), how it is governed, how the volunteers are
organised and who holds each of the five volunteer-management responsibilities,
its goals and tasks, how formal it is, where it is in its lifecycle, and how it
is evaluated.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .._core.frozenmap import FrozenMap
from .._core.labels import LabelledEnum, Language
from .._reference.cpr import find_cpr_like
from .evaluation import EvaluationPlan, EvaluationRound
from .formalisation import FormalisationLevel
from .goals import Goal
from .hours import TimeLog, month_of
from .participation import Participant
from .tasks import Task
from .validators import (
    MAX_TITLE,
    FieldError,
    as_tuple,
    distinct,
    identifier,
    identifiers,
    is_identifier,
    municipality_code,
    not_before,
    number_range,
    optional_text,
    sequence_converters,
    strings,
    text,
    typed_fields,
    unique_ids,
)
from .volunteers import Volunteer

__all__ = [
    "AgreementDocument",
    "Collaboration",
    "Forum",
    "GovernanceMode",
    "LifecycleStatus",
    "ManagementTask",
    "Purpose",
    "ValueCase",
    "VolunteerModel",
    "WelfareRole",
]


class Purpose(LabelledEnum):
    """Why a collaboration exists: the talk's reasons and Socialstyrelsen's aims of co-creation."""

    QUALITY = ("quality", "bedre kvalitet i opgaveløsningen", "better quality of the service")
    ACTIVE_CITIZENSHIP = ("active_citizenship", "aktivt medborgerskab", "active citizenship")
    WORKPLACE = ("workplace", "en mere spændende arbejdsplads", "a more interesting workplace")
    INNOVATION = ("innovation", "offentlig innovation", "public innovation")
    EFFICIENCY = ("efficiency", "effektivitet", "efficiency")
    DEMOCRACY = ("democracy", "demokrati", "democracy")


class GovernanceMode(LabelledEnum):
    """The old and the new volunteering agenda: self-governance at a distance, or co-governance."""

    AUTONOMOUS = ("autonomous", "autonom selvstyring på afstand", "autonomous self-governance")
    NEGOTIATED = ("negotiated", "forhandlet samstyring", "negotiated co-governance")


class WelfareRole(LabelledEnum):
    """What volunteering is to public welfare in this collaboration."""

    SUPPLEMENT = ("supplement", "supplement", "supplement")
    CORRECTIVE = ("corrective", "korrektiv", "corrective")
    ELEMENT = ("element", "element i velfærdsproduktionen", "element of welfare production")


class VolunteerModel(LabelledEnum):
    """Whether the volunteers come through an association or are the institution's own."""

    ASSOCIATION = ("association", "foreningssamarbejde", "collaboration with an association")
    OWN_VOLUNTEERS = ("own_volunteers", "egne frivillige", "the institution's own volunteers")
    MIXED = ("mixed", "blandet", "mixed")


class ManagementTask(LabelledEnum):
    """The five volunteer-management responsibilities someone must hold."""

    RECRUITMENT = ("recruitment", "rekruttering", "recruitment")
    INTRODUCTION = ("introduction", "introduktion", "introduction")
    SPARRING = ("sparring", "sparring", "supervision (sparring)")
    MOTIVATION = ("motivation", "motivation", "motivation")
    CONFLICT_HANDLING = ("conflict_handling", "konflikthåndtering", "conflict handling")

    def with_volunteers(self, lang: Language = "en") -> str:
        """The task and whom it is for, with the preposition the task takes.

        Danish says *rekruttering af*, but *sparring med* and *konflikthåndtering
        for* de frivillige.

        Examples:
            >>> ManagementTask.SPARRING.with_volunteers("da")
            'sparring med de frivillige'
        """
        da, en = _WITH_VOLUNTEERS[self]
        return da if lang == "da" else en


_WITH_VOLUNTEERS: dict[ManagementTask, tuple[str, str]] = {
    ManagementTask.RECRUITMENT: (
        "rekruttering af de frivillige",
        "recruitment of the volunteers",
    ),
    ManagementTask.INTRODUCTION: (
        "introduktion af de frivillige",
        "introduction of the volunteers",
    ),
    ManagementTask.SPARRING: (
        "sparring med de frivillige",
        "supervision (sparring) of the volunteers",
    ),
    ManagementTask.MOTIVATION: (
        "motivation af de frivillige",
        "motivation of the volunteers",
    ),
    ManagementTask.CONFLICT_HANDLING: (
        "konflikthåndtering for de frivillige",
        "conflict handling for the volunteers",
    ),
}


class LifecycleStatus(LabelledEnum):
    """Where the collaboration is: exploring → agreeing goals → active → evaluating → ..."""

    EXPLORING = ("exploring", "undersøgende", "exploring")
    AGREEING_GOALS = ("agreeing_goals", "afklaring af mål", "agreeing goals")
    ACTIVE = ("active", "aktiv", "active")
    EVALUATING = ("evaluating", "under evaluering", "evaluating")
    CONTINUED = ("continued", "videreført", "continued")
    ADJUSTED = ("adjusted", "justeret", "adjusted")
    ENDED = ("ended", "afsluttet", "ended")


def _responsibility_map(value: Mapping[ManagementTask, str]) -> FrozenMap[ManagementTask, str]:
    try:
        return FrozenMap(value)
    except (TypeError, ValueError):
        # Not a mapping, nor pairs: left for the type check to report as the field's problem.
        return value  # type: ignore[return-value]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ValueCase:
    """The value the collaboration has, from the three perspectives the talk names.

    Attributes:
        institution: The value for the institution.
        employees: The value for the employees.
        citizens: The value for the citizens or users of the institution.
    """

    institution: str | None = attrs.field(default=None, validator=optional_text())
    employees: str | None = attrs.field(default=None, validator=optional_text())
    citizens: str | None = attrs.field(default=None, validator=optional_text())


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AgreementDocument:
    """The written agreement behind the collaboration, if there is one.

    Attributes:
        title: The document's title.
        signed_on: The date the parties signed it.
        reference: Where it is kept: a case number or a link.
        parties: The ids of the parties that signed it.
    """

    title: str = attrs.field(validator=text(MAX_TITLE))
    signed_on: dt.date | None = None
    reference: str | None = attrs.field(default=None, validator=optional_text(MAX_TITLE))
    parties: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=identifiers)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Forum:
    """A forum where the parties meet and set the agenda: the room for dialogue between equals.

    Attributes:
        name: What the forum is called, e.g. ``"Styregruppen"``.
        meetings_per_year: How often it meets.
        agenda_set_by: The ids of the parties that set its agenda together.
    """

    name: str = attrs.field(validator=text(MAX_TITLE))
    meetings_per_year: int | None = attrs.field(
        default=None, validator=number_range(0, 366, optional=True)
    )
    agenda_set_by: tuple[str, ...] = attrs.field(
        default=(), converter=strings, validator=identifiers
    )


def _responsibilities(
    _: object, attribute: "attrs.Attribute[Any]", value: FrozenMap[ManagementTask, str]
) -> None:
    for task, holder in value.items():
        if not isinstance(task, ManagementTask):
            raise FieldError((attribute.name,), "keys must be volunteer-management tasks", "choice")
        if not isinstance(holder, str) or not is_identifier(holder):
            raise FieldError((attribute.name, task.value), "expected the id of a party", "format")


def _holders(
    instance: Any, attribute: "attrs.Attribute[Any]", value: FrozenMap[ManagementTask, str]
) -> None:
    """Each holder is a pseudonymous id, for a responsibility that some party holds."""
    for task, holder in value.items():
        if not isinstance(task, ManagementTask):
            raise FieldError((attribute.name,), "keys must be volunteer-management tasks", "choice")
        if not isinstance(holder, str) or not is_identifier(holder):
            raise FieldError(
                (attribute.name, task.value),
                "expected the pseudonymous id of the person who holds it",
                "format",
            )
        if find_cpr_like(holder):
            raise FieldError(
                (attribute.name, task.value),
                "is shaped like a CPR number; a role holder's id must be a pseudonym, never a "
                "CPR number",
                "personal_data",
            )
        if task not in instance.responsibilities:
            raise FieldError(
                (attribute.name, task.value),
                f"names who holds {task.value}, but no party holds it in 'responsibilities'; "
                "give the party first",
                "conflict",
            )


_ENDS_FROM = frozenset(
    {LifecycleStatus.EXPLORING, LifecycleStatus.AGREEING_GOALS, LifecycleStatus.EVALUATING}
)
"""The statuses a collaboration may end from (see ``frivillig.ALLOWED_TRANSITIONS``)."""


def _ended_from(
    instance: Any, attribute: "attrs.Attribute[Any]", value: LifecycleStatus | None
) -> None:
    if value is None:
        return
    if instance.status is not LifecycleStatus.ENDED:
        raise FieldError(
            (attribute.name,),
            f"is set, but the status is {instance.status.value}; only an ended collaboration "
            "has ended from a status",
            "conflict",
        )
    if value not in _ENDS_FROM:
        raise FieldError(
            (attribute.name,),
            f"a collaboration cannot end from {value.value}; it ends from exploring, "
            "agreeing_goals or evaluating",
            "choice",
        )


def _plan_after_start(
    instance: Any, _: "attrs.Attribute[Any]", plan: EvaluationPlan | None
) -> None:
    """An evaluation plan starts with or after the collaboration it evaluates."""
    if plan is not None and plan.first_date < instance.start_on:
        raise FieldError(
            ("evaluation_plan", "first_date"),
            f"{plan.first_date.isoformat()} is before start_on {instance.start_on.isoformat()}; "
            "an evaluation plan starts with or after the collaboration it evaluates",
            "order",
        )


def _participants(value: Sequence[Participant]) -> tuple[Participant, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _purposes(value: Sequence[Purpose]) -> tuple[Purpose, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _goals(value: Sequence[Goal]) -> tuple[Goal, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _tasks(value: Sequence[Task]) -> tuple[Task, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _volunteers(value: Sequence[Volunteer]) -> tuple[Volunteer, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _rounds(value: Sequence[EvaluationRound]) -> tuple[EvaluationRound, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _time_logs(value: Sequence[TimeLog]) -> tuple[TimeLog, ...]:
    return value if type(value) is tuple else as_tuple(value)


sequence_converters(_participants, _purposes, _goals, _tasks, _volunteers, _rounds, _time_logs)


def _logs(instance: Any, attribute: "attrs.Attribute[Any]", value: tuple[TimeLog, ...]) -> None:
    """One log per volunteer, task and month, none for a month before the collaboration began.

    Two logs for the same volunteer, task and month would count the hours twice.
    """
    if not value:
        return
    first = month_of(instance.start_on) if isinstance(instance.start_on, dt.date) else None
    seen: set[tuple[str, str, dt.date]] = set()
    for index, log in enumerate(value):
        if first is not None and log.month < first:
            raise FieldError(
                (attribute.name, index, "month"),
                f"{log.month.isoformat()} is before the month of start_on "
                f"{instance.start_on.isoformat()}; hours are logged from the month the "
                "collaboration starts",
                "order",
            )
        key = (log.volunteer, log.task, log.month)
        if key in seen:
            raise FieldError(
                (attribute.name, index),
                f"a second log for the same volunteer, task {log.task!r} and month "
                f"{log.month.isoformat()}; give each month's hours in one log",
                "duplicate",
            )
        seen.add(key)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Collaboration:
    """A collaboration between a municipality and civil society.

    Single-field rules (ranges, formats, non-empty text, ordered dates) are
    checked when the object is made; cross-references between its parts (a goal
    agreed by a party that is not in the collaboration, say) are checked by
    [`validate`][frivillig.validate] and by the loader.

    Attributes:
        id: The collaboration's id, unique in its portfolio.
        title: A short title.
        municipality_code: The municipality the collaboration belongs to.
        participants: The parties, each an actor with roles and resources.
        initiator: The id of the party that took the initiative.
        purposes: Why the collaboration exists.
        value_case: The value it has for institution, employees and citizens.
        governance_mode: Autonomous self-governance or negotiated co-governance.
        welfare_role: Supplement, corrective or element of welfare production.
        volunteer_model: Association, the institution's own volunteers, or both.
        responsibilities: Who holds each volunteer-management responsibility,
            by party id.
        responsibility_holders: The person inside that party who holds each
            responsibility, by a pseudonymous id (never a name); a
            responsibility left out has an unknown holder.
        goals: The collaboration's goals.
        tasks: What volunteers do.
        volunteers: The volunteers, by pseudonymous id.
        time_logs: The hours each volunteer gave each task, month by month
            (personal); empty when none are logged.
        formalisation: How formal the collaboration is.
        agreement: The written agreement, if any.
        forum: Where the parties meet and set the agenda, if anywhere.
        start_on: When it started (or starts).
        end_on: When it ended (or is planned to end), if set.
        status: Where it is in its lifecycle.
        ended_from: For an ended collaboration, the status it ended from
            (exploring, agreeing goals or evaluating); ``None`` when unknown.
            [`transition`][frivillig.transition] sets it.
        evaluation_plan: When and how it is evaluated, if planned.
        rounds: The evaluation rounds held so far.
        description: More about the collaboration, in words.
    """

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=text(MAX_TITLE))
    municipality_code: int = attrs.field(validator=municipality_code)
    participants: tuple[Participant, ...] = attrs.field(
        converter=_participants, validator=unique_ids()
    )
    initiator: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(identifier)
    )
    purposes: tuple[Purpose, ...] = attrs.field(default=(), converter=_purposes, validator=distinct)
    value_case: ValueCase | None = None
    governance_mode: GovernanceMode = GovernanceMode.NEGOTIATED
    welfare_role: WelfareRole = WelfareRole.SUPPLEMENT
    volunteer_model: VolunteerModel = VolunteerModel.ASSOCIATION
    responsibilities: FrozenMap[ManagementTask, str] = attrs.field(
        factory=FrozenMap, converter=_responsibility_map, validator=_responsibilities
    )
    responsibility_holders: FrozenMap[ManagementTask, str] = attrs.field(
        factory=FrozenMap, converter=_responsibility_map, validator=_holders
    )
    goals: tuple[Goal, ...] = attrs.field(default=(), converter=_goals, validator=unique_ids())
    tasks: tuple[Task, ...] = attrs.field(default=(), converter=_tasks, validator=unique_ids())
    volunteers: tuple[Volunteer, ...] = attrs.field(
        default=(), converter=_volunteers, validator=unique_ids()
    )
    time_logs: tuple[TimeLog, ...] = attrs.field(
        default=(), converter=_time_logs, validator=_logs, repr=False
    )
    formalisation: FormalisationLevel = FormalisationLevel.COLLABORATION_AGREEMENT
    agreement: AgreementDocument | None = None
    forum: Forum | None = None
    start_on: dt.date
    end_on: dt.date | None = attrs.field(
        default=None,
        validator=not_before("start_on", what="a collaboration cannot end before it starts"),
    )
    status: LifecycleStatus = LifecycleStatus.EXPLORING
    ended_from: LifecycleStatus | None = attrs.field(default=None, validator=_ended_from)
    evaluation_plan: EvaluationPlan | None = attrs.field(default=None, validator=_plan_after_start)
    rounds: tuple[EvaluationRound, ...] = attrs.field(
        default=(), converter=_rounds, validator=unique_ids()
    )
    description: str | None = attrs.field(default=None, validator=optional_text())

    def participant(self, party_id: str) -> Participant | None:
        """Return the participant with the given id, or ``None``."""
        for participant in self.participants:
            if participant.id == party_id:
                return participant
        return None

    @property
    def party_ids(self) -> frozenset[str]:
        """The ids of all parties to the collaboration."""
        return frozenset(participant.id for participant in self.participants)
