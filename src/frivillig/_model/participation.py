"""Participation: how an actor takes part in a collaboration.

A participant is an actor seen from inside one collaboration: the roles it
plays, the resources it brings, how far it depends economically on the
municipality, and how ready it is for co-creation. The talk's point on
equality is that a collaboration "cannot fully escape that one party depends
economically on the other"; the share of a party's budget that comes from the
municipality is what makes that dependence visible.
"""

from collections.abc import Sequence
from typing import Any

import attrs

from .._core.labels import LabelledEnum
from .actors import Actor
from .validators import (
    FieldError,
    as_tuple,
    distinct,
    identifier,
    number_range,
    sequence_converters,
    typed_fields,
)

__all__ = ["Participant", "ParticipantRole", "Readiness", "Resource", "SupportScheme"]


class ParticipantRole(LabelledEnum):
    """The roles a party can play in a collaboration."""

    OWNER = ("owner", "ejer", "owner")
    FUNDER = ("funder", "bevillingsgiver", "funder")
    HOST = ("host", "vært (lægger rammer til)", "host (provides the setting)")
    VOLUNTEER_PROVIDER = ("volunteer_provider", "stiller frivillige", "provides volunteers")
    COORDINATOR = ("coordinator", "koordinator (tovholder)", "coordinator")
    ADVISER = ("adviser", "rådgiver", "adviser")
    USER_REPRESENTATIVE = ("user_representative", "repræsenterer brugerne", "represents users")


class Resource(LabelledEnum):
    """What a party brings to the collaboration."""

    MONEY = ("money", "penge", "money")
    PREMISES = ("premises", "lokaler", "premises")
    STAFF_TIME = ("staff_time", "medarbejdertid", "staff time")
    VOLUNTEERS = ("volunteers", "frivillige", "volunteers")
    KNOWLEDGE = ("knowledge", "viden", "knowledge")
    NETWORK = ("network", "netværk", "network")
    EQUIPMENT = ("equipment", "udstyr", "equipment")
    USER_ACCESS = ("user_access", "adgang til brugerne", "access to users")


class SupportScheme(LabelledEnum):
    """The scheme under which a party receives support from the municipality.

    Each scheme has its own conditions (see rule FR115): an association approved
    under folkeoplysningsloven (§ 4) must meet the law's requirements and give a
    yearly declaration on child-protection certificates; support to voluntary
    social work under Serviceloven § 18 requires that the voluntary effort is the
    core of the activity and is mainly local; other support (e.g. a pool of the
    municipality's own) has the municipality's own conditions.
    """

    FOLKEOPLYSNING = (
        "folkeoplysning",
        "tilskud efter folkeoplysningsloven",
        "support under the Folkeoplysning Act (folkeoplysningsloven)",
    )
    SERVICELOVEN_18 = (
        "serviceloven_18",
        "§ 18-støtte efter serviceloven",
        "support under Serviceloven § 18",
    )
    OTHER = ("other", "anden kommunal støtte", "other municipal support")


_LIKERT = number_range(1, 5, optional=True)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Readiness:
    """A party's own view of the three preconditions of co-creation, on a 1-5 scale.

    The talk: co-creation "presupposes openness, equality and willingness to
    take risks". Each may be unknown (``None``).

    Attributes:
        openness: How open the party is to other ways of solving the task.
        equality: How far the party meets the others as equals.
        risk_willingness: How willing the party is to try something that may fail.
    """

    openness: int | None = attrs.field(default=None, validator=_LIKERT)
    equality: int | None = attrs.field(default=None, validator=_LIKERT)
    risk_willingness: int | None = attrs.field(default=None, validator=_LIKERT)


def _roles(value: Sequence[ParticipantRole]) -> tuple[ParticipantRole, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _resources(value: Sequence[Resource]) -> tuple[Resource, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _schemes(value: Sequence[SupportScheme] | None) -> tuple[SupportScheme, ...] | None:
    return value if value is None or type(value) is tuple else as_tuple(value)


sequence_converters(_roles, _resources, _schemes)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Participant:
    """An actor taking part in a collaboration: a party to it.

    Attributes:
        id: The party's id within the collaboration, used by goals, tasks,
            responsibilities and evaluation responses to refer to it.
        actor: Who the party is.
        roles: The roles it plays.
        resources: What it brings.
        budget_share_from_municipality: The share (0-1) of the party's own
            budget that comes from the municipality, if known: its economic
            dependence.
        key_persons: How many key persons (ildsjæle) carry the party's part of
            the collaboration, if known.
        readiness: The party's own view of the preconditions of co-creation.
        support_schemes: The schemes under which the party receives support from
            the municipality, if known: an empty tuple (an empty list in JSON) says
            it receives none, ``None`` (the default) that it is not recorded.
        funding_dkk_per_year: The money (DKK a year) the party puts into the
            collaboration, if known; a party that gives money brings
            ``Resource.MONEY``.
    """

    id: str = attrs.field(validator=identifier)
    actor: Actor
    roles: tuple[ParticipantRole, ...] = attrs.field(
        default=(), converter=_roles, validator=distinct
    )
    resources: tuple[Resource, ...] = attrs.field(
        default=(), converter=_resources, validator=distinct
    )
    budget_share_from_municipality: float | None = attrs.field(
        default=None, validator=number_range(0.0, 1.0, optional=True)
    )
    key_persons: int | None = attrs.field(
        default=None, validator=number_range(0, 100_000, optional=True)
    )
    readiness: Readiness | None = None
    support_schemes: tuple[SupportScheme, ...] | None = attrs.field(
        default=None, converter=_schemes, validator=attrs.validators.optional(distinct)
    )
    funding_dkk_per_year: int | None = attrs.field(
        default=None, validator=number_range(0, 1_000_000_000_000, optional=True)
    )

    @budget_share_from_municipality.validator
    def _check_share(self, attribute: "attrs.Attribute[Any]", value: float | None) -> None:
        if value is not None and self.actor.kind.value == "municipality" and value != 1.0:
            raise FieldError(
                (attribute.name,),
                "a municipality's own budget comes from the municipality; leave it empty",
                "conflict",
            )

    @support_schemes.validator
    def _check_support(
        self, attribute: "attrs.Attribute[Any]", value: tuple[SupportScheme, ...] | None
    ) -> None:
        if value and self.actor.kind.value == "municipality":
            raise FieldError(
                (attribute.name,),
                "a municipality does not receive support from itself; leave it empty",
                "conflict",
            )

    @funding_dkk_per_year.validator
    def _check_funding(self, attribute: "attrs.Attribute[Any]", value: int | None) -> None:
        if value and Resource.MONEY not in self.resources:
            raise FieldError(
                (attribute.name,),
                "a party that puts money into the collaboration brings money: "
                "add 'money' to its resources",
                "conflict",
            )
