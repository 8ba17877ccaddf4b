"""Strategies for municipality codes, CVR numbers, the municipality table, problems, frozen maps."""

import functools
import operator
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from .._core.frozenmap import FrozenMap
from .._core.paths import render_path
from .._reference.municipalities import MunicipalityInfo, Region, RegionMembership
from .._reference.municipalities import municipalities as _municipality_table
from ..errors import Problem
from ._dice import _Dice
from ._primitives import _PROBLEM_CODES, _check_bounds, _check_strategy, _ints, _texts

K = TypeVar("K")
V = TypeVar("V")


@functools.cache
def _code_table() -> tuple[int, ...]:
    return tuple(sorted(info.code for info in _municipality_table()))


@functools.cache
def municipality_codes() -> SearchStrategy[int]:
    """A strategy for the codes of Denmark's 98 municipalities (kommuner).

    Codes are numbers as Danmarks Statistik writes them (``101`` København ...
    ``860`` Hjørring). They come from the table frivillig ships, so every code
    drawn is one the library accepts; ``411`` (Christiansø) is never drawn.
    Examples shrink towards ``101``.
    """
    return st.sampled_from(_code_table())


def _cvr_from(seven_digits: int) -> str:
    """Complete seven digits into a CVR number with a valid modulus-11 check digit."""
    digits = [int(char) for char in str(seven_digits)]
    weights = (2, 7, 6, 5, 4, 3, 2)
    check = -sum(w * d for w, d in zip(weights, digits, strict=True)) % 11
    if check == 10:  # no digit completes this prefix; change the last digit (weight 2)
        digits[-1] = (digits[-1] + 1) % 10
        check = -sum(w * d for w, d in zip(weights, digits, strict=True)) % 11
    return "".join(map(str, digits)) + str(check)


@functools.cache
def cvr_numbers() -> SearchStrategy[str]:
    """A strategy for valid CVR numbers, the register numbers of companies and associations.

    Numbers come in the compact form frivillig stores: 8 digits, not starting
    with 0, whose modulus-11 check digit matches. The check digit is computed,
    not filtered for, so every draw is valid. Examples shrink towards
    ``"10000004"``.
    """
    return _ints(1_000_000, 9_999_999).map(_cvr_from)


def _read_cvr(dice: _Dice) -> str | None:
    present = dice.flag()
    number = _cvr_from(dice.integer(1_000_000, 9_999_999))
    return number if present else None


# -- reference data, problems and mappings -------------------------------------------------


def _by_code() -> list[MunicipalityInfo]:
    return sorted(_municipality_table(), key=operator.attrgetter("code"))


@functools.cache
def municipality_infos() -> SearchStrategy[MunicipalityInfo]:
    """A strategy for the 98 municipalities of the table frivillig ships.

    Each comes with its regions over time. Examples shrink towards København.
    """
    return st.sampled_from(_by_code())


@functools.cache
def region_memberships() -> SearchStrategy[RegionMembership]:
    """A strategy for the periods in which a municipality belongs to a region.

    The periods are those of the shipped table, before and after the 2027 merger.
    """
    found = {membership: None for info in _by_code() for membership in info.memberships}
    return st.sampled_from(tuple(found))


@functools.cache
def regions() -> SearchStrategy[Region]:
    """A strategy for Denmark's regions as the shipped table has them.

    These are the five of 2007-2026 and Region Østdanmark from 2027.
    """
    found = {m.region: None for info in _by_code() for m in info.memberships}
    return st.sampled_from(tuple(found))


@functools.cache
def problems() -> SearchStrategy[Problem]:
    """A strategy for problems as the library reports them.

    Each [`Problem`][frivillig.errors.Problem] has a JSON path, a message and
    one of the stable problem codes.
    """
    segment = st.sampled_from(("goals", "participants", "title", "actor", "cvr")) | _ints(0, 20)
    return st.builds(
        Problem,
        path=st.lists(segment, max_size=4).map(render_path),
        message=_texts(200),
        code=st.sampled_from(_PROBLEM_CODES),
    )


def frozen_maps(
    keys: SearchStrategy[K],
    values: SearchStrategy[V],
    *,
    min_size: int = 0,
    max_size: int | None = None,
) -> SearchStrategy[FrozenMap[K, V]]:
    """A strategy for the read-only mappings of the model, from keys and values strategies.

    Each is a [`FrozenMap`][frivillig.FrozenMap].

    Args:
        keys: A strategy for the keys.
        values: A strategy for the values.
        min_size: The fewest items.
        max_size: The most items; no limit by default.

    Raises:
        InvalidArgument: ``keys`` or ``values`` is not a strategy, or the sizes
            are inconsistent.
    """
    _check_strategy("keys", keys)
    _check_strategy("values", values)
    _check_bounds("size", min_size, min_size if max_size is None else max_size)
    return st.dictionaries(keys, values, min_size=min_size, max_size=max_size).map(FrozenMap)
