"""The parties of a synthetic collaboration: municipality, institution and civil society."""

import datetime as dt
import random

from .._model.actors import (
    CitizenGroup,
    Municipality,
    PrivateCompany,
    PublicInstitution,
    VoluntaryOrganisation,
    VolunteerCentre,
)
from .._model.collaboration import VolunteerModel
from .._model.participation import Participant, ParticipantRole, Readiness, Resource, SupportScheme
from ._defects import D
from ._drafts import _Draft
from ._helpers import _cvr, _municipality_name, _readiness
from ._material import _material, _Theme


def _municipality_party(
    theme: _Theme,
    code: int,
    *,
    resources: tuple[Resource, ...] = (),
    readiness: Readiness | None = None,
) -> Participant:
    return Participant(
        id="kommune",
        actor=Municipality(name=_municipality_name(code), code=code, unit=theme.unit),
        roles=(ParticipantRole.OWNER, ParticipantRole.FUNDER),
        resources=resources,
        readiness=readiness,
        funding_dkk_per_year=_MUNICIPAL_FUNDING if Resource.MONEY in resources else None,
    )


_MUNICIPAL_FUNDING = 150_000
"""What a synthetic municipality puts into a collaboration a year, in DKK: well below the
default amount (DKK 1,000,000) from which money alone calls for a partnership agreement."""

_COMPANY_FUNDING = 25_000
"""What a synthetic company that brings money puts in a year, in DKK."""

_FOLKEOPLYSNING_THEMES = frozenset({"idraet-sfo", "ungdomsklub"})
"""The themes whose association is a folkeoplysende forening (sport, a youth club); the
others do voluntary social work supported under Serviceloven § 18."""


def _support(theme: _Theme, cvr: str | None) -> tuple[SupportScheme, ...]:
    """The support scheme of a synthetic association.

    None without a CVR number, which a public grant needs.
    """
    if cvr is None:
        return ()
    if theme.key in _FOLKEOPLYSNING_THEMES:
        return (SupportScheme.FOLKEOPLYSNING,)
    return (SupportScheme.SERVICELOVEN_18,)


def _institution_party(
    theme: _Theme,
    code: int,
    place: str,
    *,
    resources: tuple[Resource, ...] = (),
    readiness: Readiness | None = None,
) -> Participant:
    return Participant(
        id=theme.institution_id,
        actor=PublicInstitution(
            name=theme.institution(place),
            municipality_code=code,
            institution_type=theme.institution_type,
        ),
        roles=(ParticipantRole.HOST,),
        resources=resources,
        readiness=readiness,
    )


def _parties(
    rng: random.Random, draft: _Draft, theme: _Theme, code: int, place: str, model: VolunteerModel,
    as_of: dt.date,
) -> tuple[list[Participant], list[str]]:  # fmt: skip
    """Draw the parties; return them and the ids of the civil-society parties."""
    material = _material()
    participants = [
        _municipality_party(
            theme,
            code,
            resources=(Resource.MONEY, Resource.STAFF_TIME),
            readiness=_readiness(rng),
        ),
        _institution_party(
            theme,
            code,
            place,
            resources=(Resource.PREMISES, Resource.USER_ACCESS, Resource.STAFF_TIME)[
                : rng.randint(2, 3)
            ],
            readiness=_readiness(rng),
        ),
    ]
    has_association = model is not VolunteerModel.OWN_VOLUNTEERS
    has_centre = rng.random() < 0.4
    civil = (["forening"] if has_association else []) + (["frivilligcenter"] if has_centre else [])
    shares = {"forening": round(rng.uniform(0.0, 0.55), 2), "frivilligcenter": 0.0}
    shares["frivilligcenter"] = round(rng.uniform(0.3, 0.9), 2)
    key_party = rng.choice(civil) if civil else ""
    if civil and draft.roll(D.ECONOMIC_DEPENDENCE_WITHOUT_FORUM):
        shares[rng.choice(civil)] = round(rng.uniform(0.6, 0.95), 2)
    single_key = bool(civil) and draft.roll(D.SINGLE_KEY_PERSON)

    def key_persons(party: str) -> int:
        return 1 if single_key and party == key_party else rng.randint(2, 6)

    if has_association:
        association = VoluntaryOrganisation(
            name=theme.association.format(place=place),
            cvr=_cvr(rng) if rng.random() < 0.85 else None,
            cause=theme.cause.format(place=place),
            municipality_code=code,
            paying_members=rng.randint(8, 400),
            has_statutes=True,
            has_board=True,
            democratic=True,
            child_certificate_declaration_year=as_of.year,
            voluntary_effort_is_core=True,
        )
        participants.append(
            Participant(
                id="forening",
                actor=association,
                support_schemes=_support(theme, association.cvr),
                roles=(ParticipantRole.VOLUNTEER_PROVIDER,)
                + ((ParticipantRole.COORDINATOR,) if rng.random() < 0.4 else ()),
                resources=(Resource.VOLUNTEERS, Resource.KNOWLEDGE),
                budget_share_from_municipality=shares["forening"],
                key_persons=key_persons("forening"),
                readiness=_readiness(rng),
            )
        )
    if has_centre:
        participants.append(
            Participant(
                id="frivilligcenter",
                actor=VolunteerCentre(
                    name=f"Frivilligcentret {rng.choice(material.places)}",
                    cvr=_cvr(rng),
                    municipality_code=code,
                ),
                roles=(ParticipantRole.COORDINATOR, ParticipantRole.ADVISER),
                resources=(Resource.KNOWLEDGE, Resource.NETWORK),
                budget_share_from_municipality=shares["frivilligcenter"],
                key_persons=key_persons("frivilligcenter"),
                readiness=_readiness(rng),
            )
        )
    if rng.random() < 0.15:
        participants.append(
            Participant(
                id="virksomhed",
                actor=PrivateCompany(
                    name=f"{rng.choice(material.places)} {rng.choice(material.company_suffixes)}",
                    cvr=_cvr(rng),
                ),
                roles=(ParticipantRole.FUNDER,),
                resources=(Resource.MONEY, Resource.EQUIPMENT)[: rng.randint(1, 2)],
                readiness=_readiness(rng),
                funding_dkk_per_year=_COMPANY_FUNDING,
            )
        )
    if rng.random() < 0.15:
        participants.append(
            Participant(
                id="borgere",
                actor=CitizenGroup(
                    name=f"{rng.choice(material.citizen_groups)} ved {theme.institution(place)}",
                    size=rng.randint(4, 40),
                ),
                roles=(ParticipantRole.USER_REPRESENTATIVE,),
                resources=(Resource.KNOWLEDGE,),
                readiness=_readiness(rng),
            )
        )
    return participants, civil
