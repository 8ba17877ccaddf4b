"""Actors: the municipalities, institutions, associations, companies and citizens that take part.

Co-creation (samskabelse) happens across four sectors: the public sector, civil
society (the voluntary sector), the private sector and citizens. Each kind of
actor belongs to one sector. Actors are a tagged union in the JSON form: every
actor object carries a ``kind`` that says which class it is.
"""

from typing import TypeAlias

import attrs

from .._core.labels import LabelledEnum
from .validators import (
    MAX_TITLE,
    municipality_code,
    number_range,
    optional_cvr,
    optional_municipality_code,
    optional_text,
    text,
    typed_fields,
)

__all__ = [
    "Actor",
    "ActorKind",
    "CitizenGroup",
    "Municipality",
    "PrivateCompany",
    "PublicInstitution",
    "Sector",
    "VoluntaryOrganisation",
    "VolunteerCentre",
    "VolunteerCouncil",
]


class Sector(LabelledEnum):
    """The four sectors that co-creation crosses."""

    PUBLIC = ("public", "offentlig", "public")
    CIVIL = ("civil", "civilsamfund (frivillig)", "civil society (voluntary)")
    PRIVATE = ("private", "privat", "private")
    CITIZEN = ("citizen", "borger", "citizen")


class ActorKind(LabelledEnum):
    """The kinds of actor the model knows; the ``kind`` tag in the JSON form."""

    MUNICIPALITY = ("municipality", "kommune", "municipality")
    PUBLIC_INSTITUTION = ("public_institution", "offentlig institution", "public institution")
    VOLUNTARY_ORGANISATION = (
        "voluntary_organisation",
        "frivillig organisation (forening)",
        "voluntary organisation (association)",
    )
    VOLUNTEER_CENTRE = ("volunteer_centre", "frivilligcenter", "volunteer centre")
    VOLUNTEER_COUNCIL = ("volunteer_council", "frivilligråd", "volunteer council")
    PRIVATE_COMPANY = ("private_company", "privat virksomhed", "private company")
    CITIZEN_GROUP = ("citizen_group", "borgere (gruppe)", "citizens (group)")

    @property
    def sector(self) -> Sector:
        """The sector this kind of actor belongs to."""
        return _SECTORS[self]


_SECTORS = {
    ActorKind.MUNICIPALITY: Sector.PUBLIC,
    ActorKind.PUBLIC_INSTITUTION: Sector.PUBLIC,
    ActorKind.VOLUNTARY_ORGANISATION: Sector.CIVIL,
    ActorKind.VOLUNTEER_CENTRE: Sector.CIVIL,
    ActorKind.VOLUNTEER_COUNCIL: Sector.CIVIL,
    ActorKind.PRIVATE_COMPANY: Sector.PRIVATE,
    ActorKind.CITIZEN_GROUP: Sector.CITIZEN,
}


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Municipality:
    """A Danish municipality (kommune), one of the 98, as a party to a collaboration.

    Attributes:
        name: The name used in the collaboration, e.g. ``"Københavns Kommune"``.
        code: The official 3-digit municipality code (Danmarks Statistik), e.g. ``101``.
        unit: The administration or department that takes part, if narrower than
            the whole municipality (e.g. ``"Sundheds- og Omsorgsforvaltningen"``).
    """

    name: str = attrs.field(validator=text(MAX_TITLE))
    code: int = attrs.field(validator=municipality_code)
    unit: str | None = attrs.field(default=None, validator=optional_text(MAX_TITLE))

    kind = ActorKind.MUNICIPALITY


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PublicInstitution:
    """A municipal or other public workplace: a care home, a school, a library.

    Attributes:
        name: The institution's name.
        municipality_code: The municipality it belongs to.
        institution_type: What kind of institution it is, e.g. ``"plejehjem"``.
    """

    name: str = attrs.field(validator=text(MAX_TITLE))
    municipality_code: int = attrs.field(validator=municipality_code)
    institution_type: str | None = attrs.field(default=None, validator=optional_text(MAX_TITLE))

    kind = ActorKind.PUBLIC_INSTITUTION


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class VoluntaryOrganisation:
    """A voluntary association (forening) or other voluntary organisation.

    Associations are value-based, self-governing and driven by engagement and
    fiery souls (ildsjæle). The fields below are what the rules need to tell
    whether the association meets the conditions of the support it receives
    (which scheme that is, is recorded on its
    [`Participant`][frivillig.Participant]): approval under Folkeoplysningsloven
    § 4 and its yearly declaration on child-protection certificates, or support
    to voluntary social work under Serviceloven § 18. ``None`` means not recorded.

    Attributes:
        name: The association's name.
        cvr: Its CVR number (8 digits), if registered; required for public grants.
        cause: What the association works for, in its own words.
        municipality_code: The municipality it is based in, if known.
        paying_members: How many members pay a membership fee, if known.
        has_statutes: Whether it has statutes (vedtægter) stating a purpose.
        has_board: Whether it has an elected board (bestyrelse).
        democratic: Whether members elect the board at a general assembly.
        child_certificate_declaration_year: The last year for which it gave the
            municipality its declaration on obtaining child-protection
            certificates (børneattester); ``None`` when none is recorded.
        voluntary_effort_is_core: Whether unpaid voluntary effort is the core
            (kernen) of its activity, as support under Serviceloven § 18 requires.
    """

    name: str = attrs.field(validator=text(MAX_TITLE))
    cvr: str | None = attrs.field(default=None, validator=optional_cvr)
    cause: str | None = attrs.field(default=None, validator=optional_text())
    municipality_code: int | None = attrs.field(default=None, validator=optional_municipality_code)
    paying_members: int | None = attrs.field(
        default=None, validator=number_range(0, 10_000_000, optional=True)
    )
    has_statutes: bool | None = None
    has_board: bool | None = None
    democratic: bool | None = None
    child_certificate_declaration_year: int | None = attrs.field(
        default=None, validator=number_range(2005, 2200, optional=True)
    )
    voluntary_effort_is_core: bool | None = None

    kind = ActorKind.VOLUNTARY_ORGANISATION


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class VolunteerCentre:
    """A local volunteer centre (frivilligcenter) that supports associations and volunteers.

    Attributes:
        name: The centre's name.
        cvr: Its CVR number, if registered.
        municipality_code: The municipality it serves, if known.
    """

    name: str = attrs.field(validator=text(MAX_TITLE))
    cvr: str | None = attrs.field(default=None, validator=optional_cvr)
    municipality_code: int | None = attrs.field(default=None, validator=optional_municipality_code)

    kind = ActorKind.VOLUNTEER_CENTRE


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class VolunteerCouncil:
    """A local volunteer council (frivilligråd) that speaks for the voluntary sector.

    Attributes:
        name: The council's name.
        municipality_code: The municipality it belongs to, if known.
    """

    name: str = attrs.field(validator=text(MAX_TITLE))
    municipality_code: int | None = attrs.field(default=None, validator=optional_municipality_code)

    kind = ActorKind.VOLUNTEER_COUNCIL


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PrivateCompany:
    """A private company taking part, e.g. as sponsor or as a co-creating partner.

    Attributes:
        name: The company's name.
        cvr: Its CVR number, if known.
    """

    name: str = attrs.field(validator=text(MAX_TITLE))
    cvr: str | None = attrs.field(default=None, validator=optional_cvr)

    kind = ActorKind.PRIVATE_COMPANY


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CitizenGroup:
    """Citizens taking part as a party of their own, e.g. residents or relatives.

    Individual volunteers are [`Volunteer`][frivillig.Volunteer]s; a citizen group
    is a party that speaks with one voice, such as a residents' network.

    Attributes:
        name: What the group calls itself, e.g. ``"Pårørenderådet"``.
        size: How many people it has, if known.
    """

    name: str = attrs.field(validator=text(MAX_TITLE))
    size: int | None = attrs.field(
        default=None, validator=number_range(1, 10_000_000, optional=True)
    )

    kind = ActorKind.CITIZEN_GROUP


Actor: TypeAlias = (
    Municipality
    | PublicInstitution
    | VoluntaryOrganisation
    | VolunteerCentre
    | VolunteerCouncil
    | PrivateCompany
    | CitizenGroup
)
"""Any actor: the union of the actor classes, told apart by their ``kind``."""

ACTOR_CLASSES: dict[ActorKind, type[Actor]] = {
    ActorKind.MUNICIPALITY: Municipality,
    ActorKind.PUBLIC_INSTITUTION: PublicInstitution,
    ActorKind.VOLUNTARY_ORGANISATION: VoluntaryOrganisation,
    ActorKind.VOLUNTEER_CENTRE: VolunteerCentre,
    ActorKind.VOLUNTEER_COUNCIL: VolunteerCouncil,
    ActorKind.PRIVATE_COMPANY: PrivateCompany,
    ActorKind.CITIZEN_GROUP: CitizenGroup,
}
