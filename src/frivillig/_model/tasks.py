"""Tasks: what volunteers do, and the facts the limits of volunteering depend on.

The talk asks for "hands and heads": some tasks need practical work (hands),
others ideas and co-decision (heads). A task also records the facts the rules
need to tell where volunteering stops: authority, tasks reserved for staff,
contact with children, confidential data, and signs of displacing paid staff.
"""

from collections.abc import Sequence

import attrs

from .._core.labels import LabelledEnum
from .validators import (
    MAX_TITLE,
    as_tuple,
    distinct,
    identifier,
    identifiers,
    number_range,
    optional_text,
    sequence_converters,
    strings,
    text,
    typed_fields,
)
from .volunteers import VolunteerFunction

__all__ = ["ReservedKind", "Task", "TaskKind", "WorkCategory"]


class TaskKind(LabelledEnum):
    """Whether a task needs hands (practical work) or heads (ideas and co-decision)."""

    HANDS = ("hands", "hænder", "hands")
    HEADS = ("heads", "hoveder", "heads")
    BOTH = ("both", "hænder og hoveder", "hands and heads")


class ReservedKind(LabelledEnum):
    """Kinds of task that municipal practice reserves for staff."""

    PERSONAL_CARE = ("personal_care", "personlig pleje", "personal care")
    NURSING = ("nursing", "sygepleje", "nursing")
    MEDICINE = ("medicine", "medicinhåndtering", "handling medicine")
    MONEY = ("money", "håndtering af borgerens penge", "handling a citizen's money")
    KEYS = ("keys", "nøgler til borgerens hjem", "keys to a citizen's home")
    VISITATED_SERVICE = ("visitated_service", "visiteret ydelse", "visitated (assessed) service")
    HEALTH_AUTHORISATION = (
        "health_authorisation",
        "kræver sundhedsfaglig autorisation",
        "needs a health professional's authorisation",
    )


class WorkCategory(LabelledEnum):
    """How the rules for volunteers on dagpenge or efterløn class a task.

    An activity (aktivitet) is hobby-like and could not be offered as paid work,
    such as a visiting friend or serving coffee in a social café: it is unlimited.
    Unpaid voluntary work (frivilligt ulønnet arbejde) could be paid work, and
    counts against the hours the volunteer's benefit allows without deduction.
    """

    ACTIVITY = ("activity", "aktivitet", "activity")
    UNPAID_WORK = ("unpaid_work", "frivilligt ulønnet arbejde", "unpaid voluntary work")


def _offers(value: Sequence[VolunteerFunction]) -> tuple[VolunteerFunction, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _reserved(value: Sequence[ReservedKind]) -> tuple[ReservedKind, ...]:
    return value if type(value) is tuple else as_tuple(value)


sequence_converters(_offers, _reserved)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Task:
    """A task in the collaboration, and who does it.

    Attributes:
        id: The task's id within the collaboration.
        title: What the task is, in a few words.
        description: More detail, if needed.
        kind: Hands, heads or both.
        offers: What the task offers a volunteer, as VFI functions (e.g. a
            visiting-friend task offers ``values`` and ``social``).
        exercises_authority: Whether the task exercises public authority
            (myndighedsudøvelse): decisions, visitation, sanctions, journal entries.
        reserved: Kinds of work in the task that practice reserves for staff.
        children_contact: Whether the task gives direct contact with, or regular
            presence among, children under 15.
        confidential_data: Whether the task handles confidential personal data.
        core_staff_task: Whether paid staff perform, or performed, the task.
        fixed_rota: Whether the task has a fixed rota with a duty to find a substitute.
        directed_by_institution: Whether the institution directs how the work is done.
        replaces_cut_post: Whether the task replaces a post that was cut.
        hours_per_week: How many hours a week the task asks of each volunteer.
        work_category: Whether the task is an activity or unpaid voluntary work
            under the rules for volunteers on dagpenge or efterløn; ``None`` when
            not recorded.
        volunteers: The ids of the volunteers assigned.
        led_by: The id of the party that leads the task, if named.
    """

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=text(MAX_TITLE))
    description: str | None = attrs.field(default=None, validator=optional_text())
    kind: TaskKind = TaskKind.HANDS
    offers: tuple[VolunteerFunction, ...] = attrs.field(
        default=(), converter=_offers, validator=distinct
    )
    exercises_authority: bool = False
    reserved: tuple[ReservedKind, ...] = attrs.field(
        default=(), converter=_reserved, validator=distinct
    )
    children_contact: bool = False
    confidential_data: bool = False
    core_staff_task: bool = False
    fixed_rota: bool = False
    directed_by_institution: bool = False
    replaces_cut_post: bool = False
    hours_per_week: float | None = attrs.field(
        default=None, validator=number_range(0, 168, optional=True)
    )
    work_category: WorkCategory | None = None
    volunteers: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=identifiers)
    led_by: str | None = attrs.field(default=None, validator=attrs.validators.optional(identifier))
