"""Strategies for actors (municipalities, associations, companies ...) and the parties they make."""

import functools
import typing
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy

from .._model.actors import (
    Actor,
    ActorKind,
    CitizenGroup,
    Municipality,
    PrivateCompany,
    PublicInstitution,
    VoluntaryOrganisation,
    VolunteerCentre,
    VolunteerCouncil,
)
from .._model.participation import Participant, Readiness
from .._reference.municipalities import get_municipality
from ._dice import _Dice
from ._primitives import (
    _INSTITUTION_TYPES,
    _PARTY_SLUGS,
    _RESOURCES,
    _ROLES,
    _SUPPORT_SCHEMES,
    _check_strategy,
    _draw_maybe_text,
    _draw_text,
    _floats,
    _read_id,
)
from ._registers import _code_table, _read_cvr

# -- actors ------------------------------------------------------------------------------

_ALL_KINDS = tuple(ActorKind)
_INSTITUTION_KINDS = ("Plejecenter", "Skole", "Bibliotek", "Bosted")
_INSTITUTION_NAMES = ("Valmuen", "Solsikken", "Nord", "Øst")
_PLACES = ("Valby", "Vejle", "Tønder")
_GROUP_NAMES = ("Pårørenderådet", "Beboerne i Nordparken")
_UNIT_NAMES = ("Sundhed og Omsorg", "Børn og Unge")


def _official_name(code: int) -> str:
    return get_municipality(code).official_name


def _draw_code(draw: DrawFn, dice: _Dice, codes: SearchStrategy[int] | None) -> int:
    """A municipality code from ``codes``, or by default any of the 98."""
    table = _code_table()
    index = dice.index(len(table))
    return table[index] if codes is None else draw(codes)


def _draw_local_code(
    draw: DrawFn,
    dice: _Dice,
    codes: SearchStrategy[int] | None,
    home: int | None,
    *,
    optional: bool,
) -> int | None:
    """Where a local actor belongs: nowhere named (if ``optional``), at ``home``, or anywhere.

    Inside a collaboration (``home`` is its municipality) most local actors belong to
    the collaboration's own municipality.
    """
    control = dice.byte()
    if optional:
        if control < 128:
            return None
        control = (control - 128) * 2
    if home is not None and control < 128:
        return home
    return _draw_code(draw, dice, codes)


def _draw_unit(draw: DrawFn, dice: _Dice) -> str | None:
    control = dice.byte()
    if control < 86:
        return None
    if control < 171:
        return _UNIT_NAMES[(control - 86) * 2 // 85]
    return _draw_text(draw, dice, 80)


def _draw_municipality(draw: DrawFn, dice: _Dice, code: int) -> Municipality:
    official = dice.flag()
    return Municipality(
        name=_official_name(code) if official else _draw_text(draw, dice, 80),
        code=code,
        unit=_draw_unit(draw, dice),
    )


def _draw_actor(
    draw: DrawFn,
    dice: _Dice,
    kind: ActorKind,
    *,
    codes: SearchStrategy[int] | None,
    home: int | None,
) -> Actor:
    """An actor of ``kind``; local ones belong to ``home`` or a code from ``codes``."""
    if kind is ActorKind.MUNICIPALITY:
        return _draw_municipality(draw, dice, _draw_code(draw, dice, codes))
    named = not dice.flag()  # by default, a name after the kind's pattern
    if kind is ActorKind.PUBLIC_INSTITUTION:
        first, second = dice.choice(_INSTITUTION_KINDS), dice.choice(_INSTITUTION_NAMES)
        return PublicInstitution(
            name=f"{first} {second}" if named else _draw_text(draw, dice, 120),
            municipality_code=typing.cast(
                int, _draw_local_code(draw, dice, codes, home, optional=False)
            ),
            institution_type=dice.maybe_choice(_INSTITUTION_TYPES),
        )
    if kind is ActorKind.VOLUNTARY_ORGANISATION:
        place = dice.choice(_PLACES)
        return VoluntaryOrganisation(
            name=f"{_draw_text(draw, dice, 60)} i {place}"
            if named
            else _draw_text(draw, dice, 120),
            cvr=_read_cvr(dice),
            cause=_draw_maybe_text(draw, dice, 300),
            municipality_code=_draw_local_code(draw, dice, codes, home, optional=True),
            paying_members=dice.maybe_integer(0, 10_000_000),
            has_statutes=dice.maybe_flag(),
            has_board=dice.maybe_flag(),
            democratic=dice.maybe_flag(),
            child_certificate_declaration_year=dice.maybe_integer(2005, 2200),
            voluntary_effort_is_core=dice.maybe_flag(),
        )
    if kind is ActorKind.VOLUNTEER_CENTRE:
        return VolunteerCentre(
            name=f"Frivilligcenter {_draw_text(draw, dice, 60)}",
            cvr=_read_cvr(dice),
            municipality_code=_draw_local_code(draw, dice, codes, home, optional=True),
        )
    if kind is ActorKind.VOLUNTEER_COUNCIL:
        return VolunteerCouncil(
            name=f"Frivilligrådet i {_draw_text(draw, dice, 60)}",
            municipality_code=_draw_local_code(draw, dice, codes, home, optional=True),
        )
    if kind is ActorKind.PRIVATE_COMPANY:
        return PrivateCompany(
            name=f"{_draw_text(draw, dice, 60)} ApS" if named else _draw_text(draw, dice, 120),
            cvr=_read_cvr(dice),
        )
    group = dice.choice(_GROUP_NAMES)
    return CitizenGroup(
        name=group if named else _draw_text(draw, dice, 120),
        size=dice.maybe_integer(1, 10_000_000),
    )


@st.composite
def _actors(draw: DrawFn, kinds: tuple[ActorKind, ...], codes: SearchStrategy[int] | None) -> Actor:
    dice = _Dice(draw)
    return _draw_actor(draw, dice, dice.choice(kinds), codes=codes, home=None)


@functools.cache
def _actors_of(kinds: tuple[ActorKind, ...]) -> SearchStrategy[Actor]:
    return _actors(kinds, None)


def _actors_of_kind(kind: ActorKind, codes: SearchStrategy[int] | None) -> SearchStrategy[Any]:
    return _actors_of((kind,)) if codes is None else _actors((kind,), codes)


def municipalities(*, code: SearchStrategy[int] | None = None) -> SearchStrategy[Municipality]:
    """A strategy for municipalities as parties to a collaboration.

    Each is a [`Municipality`][frivillig.Municipality] actor, usually named
    after the real municipality with its code.

    Args:
        code: A strategy for the municipality code; by default any of the 98.

    Raises:
        InvalidArgument: ``code`` is not a strategy.
    """
    _check_strategy("code", code)
    return _actors_of_kind(ActorKind.MUNICIPALITY, code)


def public_institutions(
    *, municipality_code: SearchStrategy[int] | None = None
) -> SearchStrategy[PublicInstitution]:
    """A strategy for public institutions that belong to a municipality.

    Institutions are care homes, schools, libraries and the like.

    Args:
        municipality_code: A strategy for the code of the municipality each
            belongs to; by default any of the 98.

    Raises:
        InvalidArgument: ``municipality_code`` is not a strategy.
    """
    _check_strategy("municipality_code", municipality_code)
    return _actors_of_kind(ActorKind.PUBLIC_INSTITUTION, municipality_code)


def voluntary_organisations(
    *, municipality_code: SearchStrategy[int] | None = None
) -> SearchStrategy[VoluntaryOrganisation]:
    """A strategy for voluntary associations (foreninger).

    Each has a CVR number or not, and the facts that decide whether the
    municipality can approve it for support, known or not.

    Args:
        municipality_code: A strategy for the code of the municipality an
            association is based in, when it names one; by default any of the 98.

    Raises:
        InvalidArgument: ``municipality_code`` is not a strategy.
    """
    _check_strategy("municipality_code", municipality_code)
    return _actors_of_kind(ActorKind.VOLUNTARY_ORGANISATION, municipality_code)


def volunteer_centres(
    *, municipality_code: SearchStrategy[int] | None = None
) -> SearchStrategy[VolunteerCentre]:
    """A strategy for local volunteer centres (frivilligcentre).

    Args:
        municipality_code: A strategy for the code of the municipality a
            centre serves, when it names one; by default any of the 98.

    Raises:
        InvalidArgument: ``municipality_code`` is not a strategy.
    """
    _check_strategy("municipality_code", municipality_code)
    return _actors_of_kind(ActorKind.VOLUNTEER_CENTRE, municipality_code)


def volunteer_councils(
    *, municipality_code: SearchStrategy[int] | None = None
) -> SearchStrategy[VolunteerCouncil]:
    """A strategy for local volunteer councils (frivilligråd).

    Args:
        municipality_code: A strategy for the code of the municipality a
            council belongs to, when it names one; by default any of the 98.

    Raises:
        InvalidArgument: ``municipality_code`` is not a strategy.
    """
    _check_strategy("municipality_code", municipality_code)
    return _actors_of_kind(ActorKind.VOLUNTEER_COUNCIL, municipality_code)


@functools.cache
def private_companies() -> SearchStrategy[PrivateCompany]:
    """A strategy for private companies taking part, as sponsors or as partners."""
    return _actors_of_kind(ActorKind.PRIVATE_COMPANY, None)


@functools.cache
def citizen_groups() -> SearchStrategy[CitizenGroup]:
    """A strategy for groups of citizens that take part as a party of their own.

    Examples are a residents' network or a council of relatives.
    """
    return _actors_of_kind(ActorKind.CITIZEN_GROUP, None)


def actors(
    *,
    kinds: Sequence[ActorKind] | None = None,
    municipality_code: SearchStrategy[int] | None = None,
) -> SearchStrategy[Actor]:
    """A strategy for actors of any kind, or of the kinds asked for.

    The kinds are municipalities, public institutions, voluntary
    organisations, volunteer centres and councils, private companies and
    citizen groups. Examples shrink towards the first kind asked for.

    Args:
        kinds: The kinds of actor to draw; all kinds by default.
        municipality_code: A strategy for the municipality codes actors carry;
            by default any of the 98.

    Raises:
        InvalidArgument: ``kinds`` is empty or holds something that is not an
            [`ActorKind`][frivillig.ActorKind], or ``municipality_code`` is not a
            strategy.
    """
    _check_strategy("municipality_code", municipality_code)
    chosen = _ALL_KINDS if kinds is None else tuple(kinds)
    if not chosen or not all(isinstance(kind, ActorKind) for kind in chosen):
        msg = f"kinds={kinds!r} must be a non-empty sequence of ActorKind members"
        raise InvalidArgument(msg)
    unique = tuple(dict.fromkeys(chosen))
    if municipality_code is None:
        return _actors_of(unique)
    return _actors(unique, municipality_code)


# -- participants ---------------------------------------------------------------------


def _read_readiness(dice: _Dice) -> Readiness:
    return Readiness(
        openness=dice.maybe_integer(1, 5),
        equality=dice.maybe_integer(1, 5),
        risk_willingness=dice.maybe_integer(1, 5),
    )


@st.composite
def _readinesses(draw: DrawFn) -> Readiness:
    return _read_readiness(_Dice(draw, 6))


@functools.cache
def readinesses() -> SearchStrategy[Readiness]:
    """A strategy for a party's own view of the three preconditions of co-creation.

    Openness, equality and willingness to take risks are each 1-5 or unknown.
    """
    return _readinesses()


def _draw_participant(draw: DrawFn, dice: _Dice, party_id: str, actor: Actor) -> Participant:
    dependent = actor.kind is not ActorKind.MUNICIPALITY
    roles = dice.sample(_ROLES, 0, 3)
    resources = dice.sample(_RESOURCES, 0, 4)
    shared = dice.flag()
    key_persons = dice.maybe_integer(0, 50)
    ready = dice.flag()
    readiness = _read_readiness(dice)
    recorded = dice.flag()  # whether the support it receives is recorded
    schemes = dice.sample(_SUPPORT_SCHEMES)
    return Participant(
        id=party_id,
        actor=actor,
        roles=tuple(roles),
        resources=tuple(resources),
        budget_share_from_municipality=(draw(_floats(0.0, 1.0)) if dependent and shared else None),
        key_persons=key_persons,
        readiness=readiness if ready else None,
        # a municipality receives no support from itself
        support_schemes=(tuple(schemes) if dependent else ()) if recorded else None,
    )


@st.composite
def _participants(draw: DrawFn, actor: SearchStrategy[Actor] | None) -> Participant:
    dice = _Dice(draw, 56)
    party_id = _read_id(dice, _PARTY_SLUGS)
    kind = dice.choice(_ALL_KINDS)
    drawn = _draw_actor(draw, dice, kind, codes=None, home=None) if actor is None else draw(actor)
    return _draw_participant(draw, dice, party_id, drawn)


def participants(*, actor: SearchStrategy[Actor] | None = None) -> SearchStrategy[Participant]:
    """A strategy for parties to a collaboration.

    Each is an actor with its roles, the resources it brings, its economic
    dependence on the municipality and its readiness for co-creation. A
    municipality's own share of budget from the municipality is left empty, as
    the model requires.

    Args:
        actor: A strategy for the party's actor; any kind by default.

    Raises:
        InvalidArgument: ``actor`` is not a strategy.
    """
    _check_strategy("actor", actor)
    return _participants(actor)
