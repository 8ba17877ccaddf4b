"""Small helpers of the generators: dates, CVR numbers, argument checks and the random generator."""

import datetime as dt
import random
from collections.abc import Mapping

from .._model.collaboration import ManagementTask
from .._model.participation import Readiness
from .._reference.municipalities import get_municipality
from ..errors import Problem, ValidationError
from ..identifiers import municipality_code_problem
from ._defects import DEFECT_RATES, Defect

# -- small helpers -----------------------------------------------------------------------


def _cvr(rng: random.Random) -> str:
    """Draw a CVR number whose modulus-11 check digit is right (stdnum computes the sum)."""
    from stdnum.dk import cvr as stdnum_cvr  # slow to import; needed only here

    while True:
        body = str(rng.randint(1, 9)) + "".join(rng.choices("0123456789", k=6))
        check = -stdnum_cvr.checksum(body + "0") % 11
        if check < 10:
            return body + str(check)


def _add_months(day: dt.date, months: int) -> dt.date:
    years, month = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + years, month + 1, min(day.day, 28))


def _days(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


def _half_hours(rng: random.Random, low: float, high: float) -> float:
    return float(round(rng.uniform(low, high) * 2) / 2)


def _holders(responsibilities: Mapping[ManagementTask, str]) -> dict[ManagementTask, str]:
    """Two role holders in each party, who take its responsibilities in turn.

    No one then holds more than two of the five, and no random draw is spent, so the
    rest of a generated portfolio is as it was before holders were modelled.
    """
    held: dict[str, int] = {}
    holders = {}
    for task in ManagementTask:
        party = responsibilities.get(task)
        if party is None:
            continue
        turn = held.get(party, 0)
        held[party] = turn + 1
        holders[task] = f"{party}-koordinator-{turn % 2 + 1}"
    return holders


def _municipality_name(code: int) -> str:
    return get_municipality(code).official_name


def _readiness(rng: random.Random) -> Readiness | None:
    if rng.random() < 0.3:
        return None
    return Readiness(
        openness=rng.randint(2, 5), equality=rng.randint(2, 5), risk_willingness=rng.randint(1, 5)
    )


def _problem(message: str, code: str, path: str = "$") -> ValidationError:
    return ValidationError([Problem(path=path, message=message, code=code)])


def _rates(defect_rates: Mapping[Defect | str, float] | None) -> dict[Defect, float]:
    rates = dict(DEFECT_RATES)
    if defect_rates is None:
        return rates
    by_value = {defect.value: defect for defect in Defect}
    for key, rate in defect_rates.items():
        defect = key if isinstance(key, Defect) else by_value.get(key)
        if defect is None:
            choices = ", ".join(by_value)
            msg = f"{key!r} is not a defect; use one of {choices}"
            raise _problem(msg, "choice")
        if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 <= rate <= 1:
            msg = f"the rate of {defect.value} must be a number from 0 to 1"
            raise _problem(msg, "range", f"$.defect_rates.{defect.value}")
        rates[defect] = float(rate)
    return rates


def _check_code(code: object) -> int:
    problem = municipality_code_problem(code)
    if problem is not None:
        raise _problem(problem[0], problem[1], "$.municipality_code")
    assert isinstance(code, int)  # noqa: S101 - municipality_code_problem accepted it
    return code


def _rng(rng_or_seed: random.Random | int | str) -> random.Random:
    if isinstance(rng_or_seed, random.Random):
        return rng_or_seed
    if isinstance(rng_or_seed, bool) or not isinstance(rng_or_seed, int | str):
        msg = f"expected a random.Random, an int or a str seed, got {type(rng_or_seed).__name__}"
        raise _problem(msg, "type")
    return random.Random(rng_or_seed)  # noqa: S311 - synthetic data, not cryptography
