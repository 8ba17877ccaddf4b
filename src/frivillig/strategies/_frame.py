"""Strategies for a collaboration's frame: its value case, written agreement and forum."""

import functools
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

from .._model.collaboration import AgreementDocument, Forum, ValueCase
from ._dice import _Dice
from ._primitives import (
    _EARLIEST,
    _LATEST_START,
    _PARTY_SLUGS,
    _check_ids,
    _draw_maybe_text,
    _draw_text,
    _read_new_ids,
)

# -- the collaboration's frame ---------------------------------------------------------------


def _draw_value_case(draw: DrawFn, dice: _Dice) -> ValueCase:
    return ValueCase(
        institution=_draw_maybe_text(draw, dice, 300),
        employees=_draw_maybe_text(draw, dice, 300),
        citizens=_draw_maybe_text(draw, dice, 300),
    )


@st.composite
def _value_cases(draw: DrawFn) -> ValueCase:
    return _draw_value_case(draw, _Dice(draw, 3))


@functools.cache
def value_cases() -> SearchStrategy[ValueCase]:
    """A strategy for the value a collaboration has for institution, employees and citizens.

    Each of the three perspectives is stated or not.
    """
    return _value_cases()


def _read_some_parties(dice: _Dice, party_ids: tuple[str, ...] | None) -> tuple[str, ...]:
    if party_ids is None:
        return _read_new_ids(dice, _PARTY_SLUGS, dice.integer(0, 4))
    return tuple(dice.sample(party_ids))


_AGREEMENT_TITLES = ("Samarbejdsaftale", "Partnerskabsaftale")
_AGREEMENT_REFERENCES = ("sag 2026-0042", "https://example.dk/aftale")


def _draw_agreement_document(
    draw: DrawFn, dice: _Dice, party_ids: tuple[str, ...] | None
) -> AgreementDocument:
    title = _draw_text(draw, dice, 120) if dice.flag() else dice.choice(_AGREEMENT_TITLES)
    signed = dice.flag()
    signed_on = dice.date(_EARLIEST, _LATEST_START)
    return AgreementDocument(
        title=title,
        signed_on=signed_on if signed else None,
        reference=dice.maybe_choice(_AGREEMENT_REFERENCES),
        parties=_read_some_parties(dice, party_ids),
    )


@st.composite
def _agreement_documents(draw: DrawFn, party_ids: tuple[str, ...] | None) -> AgreementDocument:
    return _draw_agreement_document(draw, _Dice(draw, 16), party_ids)


def agreement_documents(
    *, party_ids: Sequence[str] | None = None
) -> SearchStrategy[AgreementDocument]:
    """A strategy for the written agreements behind collaborations, signed only by parties.

    Args:
        party_ids: The ids the signing parties are drawn from; any ids by default.

    Raises:
        InvalidArgument: ``party_ids`` holds an invalid or repeated id.
    """
    return _agreement_documents(_check_ids("party_ids", party_ids))


_FORUM_NAMES = ("Styregruppen", "Følgegruppen")


def _draw_forum(draw: DrawFn, dice: _Dice, party_ids: tuple[str, ...] | None) -> Forum:
    name = _draw_text(draw, dice, 120) if dice.flag() else dice.choice(_FORUM_NAMES)
    return Forum(
        name=name,
        meetings_per_year=dice.maybe_integer(0, 366),
        agenda_set_by=_read_some_parties(dice, party_ids),
    )


@st.composite
def _forums(draw: DrawFn, party_ids: tuple[str, ...] | None) -> Forum:
    return _draw_forum(draw, _Dice(draw, 16), party_ids)


def forums(*, party_ids: Sequence[str] | None = None) -> SearchStrategy[Forum]:
    """A strategy for the forums where the parties meet and set the agenda.

    Args:
        party_ids: The ids the agenda-setting parties are drawn from; any ids
            by default.

    Raises:
        InvalidArgument: ``party_ids`` holds an invalid or repeated id.
    """
    return _forums(_check_ids("party_ids", party_ids))
