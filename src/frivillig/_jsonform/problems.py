"""Problems found while reading a document: their paths, messages and errors.

The detailed reader raises ``_Invalid`` while it structures, with paths relative to the
value; ``_problem`` turns a path and a message into the ``Problem`` the caller sees, with
every CPR-shaped number masked.
"""

import contextvars
from typing import TypeVar

from .._core.paths import render_path
from .._reference.cpr import mask_cpr_like
from ..errors import Problem
from .limits import _DEFAULT_LIMITS, LoadLimits

T = TypeVar("T")


class _HiddenKey:
    """A path segment in place of a key that is not shown: it may be personal data."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "[<key hidden>]"


_HIDDEN_KEY = _HiddenKey()
Segment = str | int | _HiddenKey
_SHOWN = 60
_HIDDEN = "the value (hidden: personal data)"

# The limits of the load in progress, and whether the loader is inside an object with
# personal fields (where it must not repeat any value it finds).
_LIMITS: contextvars.ContextVar[LoadLimits] = contextvars.ContextVar(
    "frivillig_limits", default=_DEFAULT_LIMITS
)
_QUIET: contextvars.ContextVar[bool] = contextvars.ContextVar("frivillig_quiet", default=False)

Found = list[tuple[tuple[Segment, ...], str, str]]


class _Invalid(Exception):
    """Problems found while structuring, with paths relative to the value.

    ``truncated`` says that more problems were found than ``max_problems``
    allows, and that the search stopped.
    """

    def __init__(self, problems: Found, *, truncated: bool = False) -> None:
        self.problems = problems
        self.truncated = truncated
        super().__init__(problems)


def _gather(problems: Found, error: _Invalid, *prefix: Segment) -> None:
    """Add a part's problems under its path; stop the search once too many are found."""
    problems.extend(((*prefix, *path), message, code) for path, message, code in error.problems)
    _check_count(problems, truncated=error.truncated)


def _check_count(problems: Found, *, truncated: bool = False) -> None:
    most = _LIMITS.get().max_problems
    if truncated or len(problems) > most:
        raise _Invalid(problems[:most], truncated=True)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _shown(value: str) -> str:
    if _QUIET.get():
        return _HIDDEN
    # masked before it is shortened or escaped, either of which could split a number
    value = mask_cpr_like(value)
    return repr(value if len(value) <= _SHOWN else value[:_SHOWN] + "…")


def _problem(path: tuple[Segment, ...], message: str, code: str) -> Problem:
    # A CPR-shaped number is never repeated, wherever the loader found it.
    return Problem(path=mask_cpr_like(_render(path)), message=mask_cpr_like(message), code=code)


def _render(path: tuple[Segment, ...]) -> str:
    """The JSON path of ``path``, each key's CPR-shaped numbers masked before it is quoted."""
    parts = ["$"]
    for segment in path:
        if isinstance(segment, _HiddenKey):
            parts.append(repr(segment))
        else:  # masked first: quoting writes a no-break space as \xa0, which splits a number
            shown = mask_cpr_like(segment) if isinstance(segment, str) else segment
            parts.append(render_path((shown,), root=""))
    return "".join(parts)


def _problems(found: Found, *, truncated: bool) -> list[Problem]:
    problems = [_problem(*problem) for problem in found]
    if truncated:
        problems.append(
            _problem(
                (),
                f"more problems were found; only the first {len(found)} are listed "
                "(LoadLimits.max_problems)",
                "limit",
            )
        )
    return problems
