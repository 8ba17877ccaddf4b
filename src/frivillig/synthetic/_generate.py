"""The public functions: one case or collaboration, an iterator of them, or a portfolio."""

import datetime as dt
import random
from collections.abc import Iterator, Mapping, Sequence
from typing import get_args

from .._model.collaboration import Collaboration
from .._model.portfolio import Portfolio
from ._benchmark import _benchmark
from ._defects import (
    DEFAULT_AS_OF,
    DEFAULT_MUNICIPALITY_CODES,
    Defect,
    Shape,
    SyntheticCollaboration,
)
from ._helpers import _check_code, _municipality_name, _problem, _rates, _rng
from ._varied import _varied

# -- public functions -------------------------------------------------------------------


def _draw(
    rng: random.Random,
    code: int,
    serial: str,
    as_of: dt.date,
    shape: Shape,
    rates: dict[Defect, float],
) -> SyntheticCollaboration:
    if shape == "benchmark":
        return _benchmark(rng, code, serial, as_of)
    return _varied(rng, code, serial, as_of, rates)


def _check_shape(shape: object) -> Shape:
    if shape not in get_args(Shape):
        msg = f"{shape!r} is not a shape; use 'varied' or 'benchmark'"
        raise _problem(msg, "choice")
    return shape  # type: ignore[return-value]


def _check_date(as_of: object) -> dt.date:
    if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
        msg = f"expected a datetime.date, got {type(as_of).__name__}"
        raise _problem(msg, "type", "$.as_of")
    return as_of


def generate_case(
    rng_or_seed: random.Random | int | str = 0,
    *,
    municipality_code: int = 101,
    shape: Shape = "varied",
    index: int = 0,
    as_of: dt.date = DEFAULT_AS_OF,
    defect_rates: Mapping[Defect | str, float] | None = None,
) -> SyntheticCollaboration:
    """Make up one collaboration and say which defects it was given.

    Args:
        rng_or_seed: A `random.Random` to draw from (it advances), or a seed
            for a new one.
        municipality_code: The municipality the collaboration belongs to.
        shape: ``"varied"`` or ``"benchmark"`` (see the module).
        index: A number that makes the collaboration's id unique in a portfolio.
        as_of: The day the collaboration is drawn as of; see
            [`DEFAULT_AS_OF`][frivillig.synthetic.DEFAULT_AS_OF].
        defect_rates: Rates to use instead of those in
            [`DEFECT_RATES`][frivillig.synthetic.DEFECT_RATES], by defect or
            by its value; ``{defect: 0.0 for defect in Defect}`` gives
            collaborations with none.

    Returns:
        The collaboration and its defects (none for the benchmark shape).

    Raises:
        ValidationError: an argument is not valid: an unknown municipality code,
            shape or defect, a rate outside 0 to 1, or ``as_of`` not a date.
    """
    rng = _rng(rng_or_seed)
    code = _check_code(municipality_code)
    day = _check_date(as_of)
    rates = _rates(defect_rates)
    return _draw(rng, code, f"{index:05d}", day, _check_shape(shape), rates)


def generate_collaboration(
    rng_or_seed: random.Random | int | str = 0,
    *,
    municipality_code: int = 101,
    shape: Shape = "varied",
    index: int = 0,
    as_of: dt.date = DEFAULT_AS_OF,
    defect_rates: Mapping[Defect | str, float] | None = None,
) -> Collaboration:
    """Make up one collaboration; see [`generate_case`][frivillig.synthetic.generate_case].

    Examples:
        >>> from frivillig import synthetic
        >>> collaboration = synthetic.generate_collaboration(42, municipality_code=751)
        >>> collaboration.municipality_code, collaboration.participants[0].actor.name
        (751, 'Aarhus Kommune')

    Raises:
        ValidationError: an argument is not valid.
    """
    return generate_case(
        rng_or_seed,
        municipality_code=municipality_code,
        shape=shape,
        index=index,
        as_of=as_of,
        defect_rates=defect_rates,
    ).collaboration


def iter_cases(
    seed: int,
    size: int,
    *,
    municipality_codes: Sequence[int] = DEFAULT_MUNICIPALITY_CODES,
    shape: Shape = "varied",
    as_of: dt.date = DEFAULT_AS_OF,
    defect_rates: Mapping[Defect | str, float] | None = None,
) -> Iterator[SyntheticCollaboration]:
    """Make up ``size`` collaborations one at a time, with the defects of each.

    Collaboration number ``i`` is drawn from its own generator, seeded with
    ``seed`` and ``i``, so it is the same however many are drawn, and a long
    run never holds more than one collaboration. Each goes to one of
    ``municipality_codes``, drawn at random. Ids have the form
    ``"0751-lektiecafe-7-00042"`` (municipality, kind, seed, number), so the
    collaborations of different seeds can be put together.

    Args:
        seed: The seed; the same seed gives the same collaborations.
        size: How many to make.
        municipality_codes: The municipalities to spread them over.
        shape: ``"varied"`` or ``"benchmark"``.
        as_of: The day they are drawn as of.
        defect_rates: Rates to use instead of the defaults (varied shape only).

    Returns:
        An iterator of [`SyntheticCollaboration`][frivillig.synthetic.SyntheticCollaboration].

    Raises:
        ValidationError: an argument is not valid (checked at once, not on the
            first item).
    """
    if isinstance(seed, bool) or not isinstance(seed, int):
        msg = f"expected an int seed, got {type(seed).__name__}"
        raise _problem(msg, "type", "$.seed")
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        msg = "size must be a whole number of at least 0"
        raise _problem(msg, "range", "$.size")
    codes = tuple(_check_code(code) for code in municipality_codes)
    if not codes:
        msg = "give at least one municipality code"
        raise _problem(msg, "empty", "$.municipality_codes")
    day = _check_date(as_of)
    checked_shape = _check_shape(shape)
    rates = _rates(defect_rates)

    def cases() -> Iterator[SyntheticCollaboration]:
        for index in range(size):
            rng = random.Random(f"frivillig:{seed}:{index}")  # noqa: S311 - not cryptography
            code = codes[rng.randrange(len(codes))]
            yield _draw(rng, code, f"{seed}-{index:05d}", day, checked_shape, rates)

    return cases()


def iter_collaborations(
    seed: int,
    size: int,
    *,
    municipality_codes: Sequence[int] = DEFAULT_MUNICIPALITY_CODES,
    shape: Shape = "varied",
    as_of: dt.date = DEFAULT_AS_OF,
    defect_rates: Mapping[Defect | str, float] | None = None,
) -> Iterator[Collaboration]:
    """Make up ``size`` collaborations one at a time, without their defects.

    See [`iter_cases`][frivillig.synthetic.iter_cases] for the arguments.

    Raises:
        ValidationError: an argument is not valid.
    """
    cases = iter_cases(
        seed,
        size,
        municipality_codes=municipality_codes,
        shape=shape,
        as_of=as_of,
        defect_rates=defect_rates,
    )
    return (case.collaboration for case in cases)


def generate_portfolio(
    seed: int,
    size: int = 300,
    *,
    municipality_codes: Sequence[int] = DEFAULT_MUNICIPALITY_CODES,
    shape: Shape = "varied",
    as_of: dt.date = DEFAULT_AS_OF,
    defect_rates: Mapping[Defect | str, float] | None = None,
) -> Portfolio:
    """Make up a portfolio of collaborations across one or more municipalities.

    The default is a realistic portfolio to practise on: 300 collaborations of
    varied quality across six large municipalities. With a single municipality
    code the portfolio is that municipality's.

    Args:
        seed: The seed; the same seed gives the same portfolio.
        size: How many collaborations.
        municipality_codes: The municipalities to spread them over.
        shape: ``"varied"`` or ``"benchmark"``.
        as_of: The day the portfolio is drawn as of.
        defect_rates: Rates to use instead of the defaults (varied shape only).

    Returns:
        A valid [`Portfolio`][frivillig.Portfolio]: every collaboration passes
        [`validate`][frivillig.validate] and reads back from its JSON form unchanged.

    Raises:
        ValidationError: an argument is not valid.
    """
    codes = tuple(municipality_codes)
    collaborations = tuple(
        iter_collaborations(
            seed,
            size,
            municipality_codes=codes,
            shape=shape,
            as_of=as_of,
            defect_rates=defect_rates,
        )
    )
    single = codes[0] if len(set(codes)) == 1 else None
    where = _municipality_name(single) if single is not None else f"{len(set(codes))} kommuner"
    return Portfolio(
        id=f"synthetic-{seed}",
        title=f"Syntetiske samarbejder, {where} (seed {seed})",
        municipality_code=single,
        collaborations=collaborations,
        description=(
            f"{size} opdigtede samarbejder ({shape}) pr. {as_of.isoformat()}, "
            "lavet af frivillig.synthetic."
        ),
    )
