"""Strategies for volunteers, their child-certificate checks and their periods with children."""

import datetime as dt
import functools
import operator
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

from .._model.volunteers import (
    AgeBand,
    Attachment,
    Benefit,
    ChildCertificateCheck,
    Coercion,
    Engagement,
    PeriodWithChildren,
    Remuneration,
    Volunteer,
)
from ._dice import _Dice
from ._goals import _nonempty, _read_party, _read_party_ids
from ._primitives import (
    _AUTHORISATIONS,
    _EARLIEST,
    _FUNCTIONS,
    _LATEST_START,
    _SKILLS,
    _VOLUNTEER_SLUGS,
    _check_ids,
    _floats,
    _read_id,
    _shift,
)

# -- volunteers ---------------------------------------------------------------------------------

_AGE_BANDS = tuple(AgeBand)
_ATTACHMENTS = tuple(Attachment)
_REMUNERATIONS = tuple(Remuneration)
_BENEFITS = tuple(Benefit)
_COERCIONS = tuple(Coercion)
_ENGAGEMENT_KINDS = tuple(Engagement)


@st.composite
def _child_certificate_checks(
    draw: DrawFn, party_ids: tuple[str, ...] | None
) -> ChildCertificateCheck:
    dice = _Dice(draw, 4)
    return ChildCertificateCheck(
        checked_on=dice.date(_EARLIEST, _LATEST_START),
        checked_by=_read_party(dice, party_ids),
        clear=dice.flag(),
    )


def child_certificate_checks(
    *, party_ids: Sequence[str] | None = None
) -> SearchStrategy[ChildCertificateCheck]:
    """A strategy for records that a child-protection certificate (børneattest) was checked.

    Each says when, by which party, and whether the certificate was clear.

    Args:
        party_ids: The ids the checking party is drawn from; any id by default.

    Raises:
        InvalidArgument: ``party_ids`` is empty or holds an invalid or repeated id.
    """
    ids = _check_ids("party_ids", party_ids)
    return _child_certificate_checks(_nonempty("party_ids", ids, "that checks certificates"))


def _read_period(dice: _Dice, around: dt.date) -> PeriodWithChildren:
    """A day, or up to two weeks in a row (a camp, say), with children, around a date."""
    first = dice.date(_shift(around, -180), _shift(around, 730))
    continuous = dice.flag()
    days = dice.integer(0, 14)
    return PeriodWithChildren(first_day=first, last_day=_shift(first, days) if continuous else None)


def _read_periods(dice: _Dice, around: dt.date) -> tuple[PeriodWithChildren, ...]:
    """None to three periods with children, in order; none means none yet."""
    found = [_read_period(dice, around) for _ in range(dice.integer(0, 3))]
    return tuple(sorted(found, key=operator.attrgetter("first_day")))


@st.composite
def _periods_with_children(draw: DrawFn) -> PeriodWithChildren:
    dice = _Dice(draw, 8)
    return _read_period(dice, dice.date(_EARLIEST, _LATEST_START))


@functools.cache
def periods_with_children() -> SearchStrategy[PeriodWithChildren]:
    """A strategy for the occasions and periods a volunteer spent with children under 15.

    Each is a single day, or a continuous period of up to two weeks (a camp, say),
    whose last day is not before its first.
    """
    return _periods_with_children()


def _draw_volunteer(
    draw: DrawFn,
    dice: _Dice,
    volunteer_id: str,
    *,
    engagement: Engagement,
    association_ids: tuple[str, ...],
    checker_ids: tuple[str, ...] | None,
    around: dt.date,
) -> Volunteer:
    """A volunteer engaged as given; one engaged through an association names it."""
    association = (
        dice.choice(association_ids)
        if engagement is Engagement.ASSOCIATION and association_ids
        else None
    )
    checkers = (association,) if association is not None else checker_ids
    started = dice.flag()
    start_day = dice.date(_shift(around, -400), _shift(around, 800))
    started_on = start_day if started else None
    reference = started_on or around
    checked = dice.flag() and checkers != ()
    checked_on = dice.date(_shift(reference, -120), reference)
    clear = dice.flag()
    certificate = (
        ChildCertificateCheck(
            checked_on=checked_on, checked_by=_read_party(dice, checkers), clear=clear
        )
        if checked
        else None
    )
    age = dice.index(3)  # no age, a birth year or an age band
    birth_year = dice.integer(1920, 2012)
    age_band = dice.choice(_AGE_BANDS)
    motivated = dice.sample(_FUNCTIONS)
    strengths = [dice.integer(1, 7) for _ in _FUNCTIONS]
    wants_influence = dice.flag()
    offers_hours = dice.flag()
    skills = dice.sample(_SKILLS, 0, 3)
    authorisations = dice.sample(_AUTHORISATIONS)
    attachment = dice.choice(_ATTACHMENTS)
    occasions = dice.maybe_integer(0, 500)
    longest = dice.maybe_integer(0, 60)
    signed = dice.flag()
    signed_on = dice.date(_shift(reference, -60), reference)
    remuneration = dice.choice(_REMUNERATIONS)
    benefit = dice.maybe_choice(_BENEFITS)
    for_family = dice.flag()
    coercion = dice.maybe_choice(_COERCIONS)
    for_own_benefit = dice.maybe_flag()
    periods = _read_periods(dice, reference) if dice.flag() else None
    return Volunteer(
        id=volunteer_id,
        engagement=engagement,
        association=association,
        birth_year=birth_year if age == 1 else None,
        age_band=age_band if age == 2 else None,
        motives=dict(zip(motivated, strengths, strict=False)),
        wants_influence=wants_influence,
        hours_offered_per_week=draw(_floats(0.0, 168.0)) if offers_hours else None,
        skills=tuple(skills),
        authorisations=tuple(authorisations),
        attachment=attachment,
        started_on=started_on,
        occasions_with_children=occasions,
        longest_continuous_days=longest,
        child_certificate=certificate,
        confidentiality_signed_on=signed_on if signed else None,
        remuneration=remuneration,
        periods_with_children=periods,
        benefit=benefit,
        for_own_family=for_family,
        coercion=coercion,
        for_own_benefit=for_own_benefit,
    )


_VOLUNTEER_DICE_SIZE = 80


@st.composite
def _volunteers(draw: DrawFn, party_ids: tuple[str, ...] | None) -> Volunteer:
    dice = _Dice(draw, _VOLUNTEER_DICE_SIZE)
    volunteer_id = _read_id(dice, _VOLUNTEER_SLUGS)
    engagement = dice.choice(_ENGAGEMENT_KINDS)
    return _draw_volunteer(
        draw,
        dice,
        volunteer_id,
        engagement=engagement,
        association_ids=_read_party_ids(dice, party_ids),
        checker_ids=party_ids,
        around=dice.date(_EARLIEST, _LATEST_START),
    )


def volunteers(*, party_ids: Sequence[str] | None = None) -> SearchStrategy[Volunteer]:
    """A strategy for volunteers, by pseudonymous id.

    Each has the few personal facts the rules and scores need (an age band or
    a birth year, motives on the Volunteer Functions Inventory, checks held,
    hours offered). A volunteer engaged by the municipality names no
    association; one engaged through an association names it.

    Args:
        party_ids: The ids an engaging association or a checking party is
            drawn from; any id by default.

    Raises:
        InvalidArgument: ``party_ids`` holds an invalid or repeated id.
    """
    return _volunteers(_check_ids("party_ids", party_ids))
