"""Shared helpers: vocabularies, argument checks, texts, ids, numbers and dates."""

import datetime as dt
import enum
import functools
import itertools
import string
import unicodedata
from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy

from .._model.actors import ActorKind
from .._model.collaboration import LifecycleStatus, ManagementTask, Purpose
from .._model.evaluation import Decision
from .._model.goals import GoalStatus
from .._model.participation import ParticipantRole, Resource, SupportScheme
from .._model.tasks import ReservedKind
from .._model.validators import is_identifier
from .._model.volunteers import VolunteerFunction
from .._reference.cpr import find_cpr_like
from ._dice import T, _Dice

E = TypeVar("E", bound=enum.Enum)


S = LifecycleStatus

# -- vocabularies: realistic Danish values beside arbitrary ones ------------------

_WORDS = (
    "besøgsvenner",
    "lektiecafé",
    "natteravne",
    "madklub",
    "motion",
    "fællesskab",
    "ældre",
    "børn",
    "unge",
    "bibliotek",
    "plejecenter",
    "idræt",
    "kultur",
    "naboskab",
    "integration",
    "ensomhed",
    "sundhed",
    "natur",
    "køkkenhave",
    "værksted",
    "for",
    "og",
    "i",
    "med",
)
_INSTITUTION_TYPES = (
    "plejehjem",
    "skole",
    "bibliotek",
    "fritidsklub",
    "daginstitution",
    "bosted",
    "sundhedshus",
    "kulturhus",
)
_UNITS = ("personer", "beboere", "%", "timer", "besøg", "deltagere", "frivillige", "kr.")
_SKILLS = ("madlavning", "guitar", "it-hjælp", "førstehjælp", "lektiehjælp", "havearbejde")
_PARTY_SLUGS = (
    "kommune",
    "forening",
    "frivilligcenter",
    "frivilligraad",
    "plejecenter",
    "skole",
    "bibliotek",
    "virksomhed",
    "borgere",
    "boligforening",
)
_INSTRUMENT_SLUGS = ("eget-skema", "tilfredshed-2026")
_ITEM_SLUGS = ("q1", "q2", "q3")
_FACTOR_SLUGS = ("tillid", "kommunikation", "formaal")
_CATEGORY_SLUGS = ("omgivelser", "ressourcer")
_BAND_SLUGS = ("svag", "middel", "staerk")
_VOLUNTEER_SLUGS = ("frivillig-1", "frivillig-2", "f-0042")
_COLLABORATION_SLUGS = ("kbh-besoegsvenner", "vejle-lektiecafe", "samarbejde-1")
_AUTHORISATIONS = ("sygeplejerske", "lærer", "pædagog")
_GOAL_SLUGS = ("maal-1", "maal-2", "ugentligt-besoeg", "flere-frivillige", "mindre-ensomhed")
_TASK_SLUGS = ("besoeg", "gaatur", "lektiehjaelp", "cafe", "koordinering", "udflugt")
_ROUND_SLUGS = ("runde-1", "runde-2", "2026-foraar", "2026-efteraar")
_TIMEZONES = ("Europe/Copenhagen", "Atlantic/Faroe", "America/Nuuk", "UTC")
_PROBLEM_CODES = (
    "type",
    "missing",
    "unknown_field",
    "choice",
    "range",
    "format",
    "checksum",
    "reference",
    "order",
    "duplicate",
    "schema_version",
    "json",
)

_ID_START = string.ascii_letters + string.digits
_ID_REST = _ID_START + "_.:-"

_EARLIEST = dt.date(2000, 1, 1)
_EXAMPLE_DAY = dt.date(2026, 10, 1)
_LATEST_START = dt.date(2040, 12, 31)
_LATEST_SAFE = dt.date(9000, 1, 1)
_AGREEMENT_LEAD_DAYS = 365
_MAX_RATINGS = 6
_MAX_ANSWERS = 8
_MAX_INDICATOR = 1e15

_ROLES = tuple(ParticipantRole)
_SUPPORT_SCHEMES = tuple(SupportScheme)
_RESOURCES = tuple(Resource)
_FUNCTIONS = tuple(VolunteerFunction)
_RESERVED = tuple(ReservedKind)
_PURPOSES = tuple(Purpose)
_MANAGEMENT_TASKS = tuple(ManagementTask)

_ONGOING_DECISIONS = (Decision.CONTINUE, Decision.ADJUST_FORMALISATION, Decision.ADJUST_GOALS)
_ADJUSTMENTS = (Decision.ADJUST_FORMALISATION, Decision.ADJUST_GOALS)
_OUTCOMES = (
    GoalStatus.AGREED,
    GoalStatus.ACHIEVED,
    GoalStatus.PARTLY_ACHIEVED,
    GoalStatus.NOT_ACHIEVED,
    GoalStatus.DROPPED,
)
_CIVIL_KINDS = (
    ActorKind.VOLUNTARY_ORGANISATION,
    ActorKind.VOLUNTEER_CENTRE,
    ActorKind.VOLUNTEER_COUNCIL,
    ActorKind.CITIZEN_GROUP,
)
_PARTNER_KINDS = tuple(kind for kind in ActorKind if kind is not ActorKind.MUNICIPALITY)
_ENGAGING_KINDS = frozenset({ActorKind.VOLUNTARY_ORGANISATION, ActorKind.VOLUNTEER_CENTRE})


# -- argument checks -----------------------------------------------------------------


def _check_bounds(name: str, low: int, high: int, *, floor: int = 0) -> None:
    """Raise InvalidArgument unless ``floor <= low <= high`` are whole numbers."""
    for label, value in ((f"min_{name}", low), (f"max_{name}", high)):
        if isinstance(value, bool) or not isinstance(value, int):
            msg = f"{label}={value!r} must be a whole number"
            raise InvalidArgument(msg)
    if low < floor:
        msg = f"min_{name}={low!r} must be at least {floor}"
        raise InvalidArgument(msg)
    if high < low:
        msg = f"max_{name}={high!r} is less than min_{name}={low!r}"
        raise InvalidArgument(msg)


def _check_max(name: str, value: int) -> None:
    """Raise InvalidArgument unless ``value`` is a whole number of at least 0."""
    _check_bounds(name, 0, value)


def _check_strategy(name: str, value: object) -> None:
    """Raise InvalidArgument unless ``value`` is ``None`` or a strategy."""
    if value is not None and not isinstance(value, SearchStrategy):
        msg = f"{name}={value!r} must be a Hypothesis strategy (e.g. st.just(...)) or None"
        raise InvalidArgument(msg)


def _check_flag(name: str, value: object) -> None:
    """Raise InvalidArgument unless ``value`` is ``True``, ``False`` or ``None``."""
    if value is not None and not isinstance(value, bool):
        msg = f"{name}={value!r} must be True, False or None"
        raise InvalidArgument(msg)


def _check_ids(name: str, ids: Sequence[str] | None) -> tuple[str, ...] | None:
    """Return ``ids`` as a tuple, or raise InvalidArgument if one is not a distinct id."""
    if ids is None:
        return None
    if isinstance(ids, str):
        msg = f"{name}={ids!r} must be a sequence of ids, not one string"
        raise InvalidArgument(msg)
    values = tuple(ids)
    for value in values:
        if not is_identifier(value):
            msg = f"{name} contains {value!r}, which is not a valid id"
            raise InvalidArgument(msg)
    if len(set(values)) != len(values):
        msg = f"{name}={values!r} lists an id twice"
        raise InvalidArgument(msg)
    return values


def _check_member(name: str, value: object, cls: type[enum.Enum]) -> None:
    """Raise InvalidArgument unless ``value`` is ``None`` or a member of ``cls``."""
    if value is not None and not isinstance(value, cls):
        msg = f"{name}={value!r} must be a {cls.__name__} member or None"
        raise InvalidArgument(msg)


# -- scalars -----------------------------------------------------------------------------


def _clip(text: str, max_size: int) -> str:
    """Shorten ``text`` to ``max_size`` characters, keeping its first, visible one."""
    return text[:max_size].rstrip() or text[:1]


_PHRASE_COUNT = 64


@functools.cache
def _phrases(max_size: int) -> tuple[str, ...]:
    """Realistic Danish phrases of one to six words, of at most ``max_size`` characters."""
    found = []
    for number in range(_PHRASE_COUNT):
        words = [_WORDS[(number + 7 * k) % len(_WORDS)] for k in range(1 + number % 6)]
        found.append(_clip(" ".join(words).capitalize(), max_size))
    return tuple(found)


@functools.cache
def _free_texts(max_size: int) -> SearchStrategy[str]:
    return st.text(min_size=1, max_size=min(max_size, 24))


def _visible(text: str) -> str:
    """``text`` with a visible first character: a letter, digit, punctuation or symbol."""
    if unicodedata.category(text[0])[0] not in "LNPS":
        return "Æ" + text[1:]
    return text


def _draw_text(draw: DrawFn, dice: _Dice, max_size: int) -> str:
    """Non-empty text of at most ``max_size`` characters: a Danish phrase or any letters."""
    control = dice.byte()
    if control < 128:
        phrases = _phrases(max_size)
        return phrases[control * len(phrases) >> 7]
    return _visible(draw(_free_texts(max_size)))


def _draw_maybe_text(draw: DrawFn, dice: _Dice, max_size: int) -> str | None:
    """``None`` half the time, else text as ``_draw_text`` draws it."""
    control = dice.byte()
    if control < 128:
        return None
    if control < 192:
        phrases = _phrases(max_size)
        return phrases[(control - 128) * len(phrases) >> 6]
    return _visible(draw(_free_texts(max_size)))


@functools.cache
def _texts(max_size: int) -> SearchStrategy[str]:
    """Non-empty text of at most ``max_size`` characters: Danish phrases or any letters."""
    return st.sampled_from(_phrases(max_size)) | _free_texts(max_size).map(_visible)


@functools.cache
def _maybe_texts(max_size: int) -> SearchStrategy[str | None]:
    return st.none() | _texts(max_size)


def _fresh_text(text: str, taken: set[str], max_size: int) -> str:
    """``text``, or ``text`` numbered if it is taken; then taken."""
    if text in taken:
        text = next(
            numbered
            for number in itertools.count(2)
            if (numbered := f"{text[: max_size - 8]} ({number})") not in taken
        )
    taken.add(text)
    return text


_ID_LENGTH = 12  # generated ids have at most this many characters after the first


def _read_id(dice: _Dice, slugs: tuple[str, ...] = ()) -> str:
    """An id as the model accepts it: one of the readable ``slugs`` or a generated one.

    A generated id is a letter or digit and up to twelve of the characters ids allow.
    """
    control = dice.byte()
    if slugs and control < 128:
        return slugs[control * len(slugs) >> 7]
    length = dice.integer(0, _ID_LENGTH)
    generated = dice.choice(_ID_START) + "".join(dice.choice(_ID_REST) for _ in range(length))
    # a volunteer id shaped like a CPR number is refused
    return "pseudonym" if find_cpr_like(generated) else generated


def _fresh(value: str, taken: set[str]) -> str:
    """``value``, or ``value`` numbered if it is taken; then taken."""
    if value in taken:
        value = next(
            numbered
            for number in itertools.count(2)
            if (numbered := f"{value[:120]}-{number}") not in taken
        )
    taken.add(value)
    return value


def _read_fresh_id(dice: _Dice, slugs: tuple[str, ...], taken: set[str]) -> str:
    """An id not yet ``taken``, and now taken: the next free slug after a taken one."""
    value = _read_id(dice, slugs)
    if value in taken and value in slugs:
        start = slugs.index(value)
        free = [slug for slug in slugs[start:] + slugs[:start] if slug not in taken]
        value = free[0] if free else value
    return _fresh(value, taken)


def _read_new_ids(dice: _Dice, slugs: tuple[str, ...], count: int) -> tuple[str, ...]:
    """``count`` distinct ids."""
    taken: set[str] = set()
    return tuple(_read_fresh_id(dice, slugs, taken) for _ in range(count))


@functools.cache
def _ints(low: int, high: int) -> SearchStrategy[int]:
    return st.integers(min_value=low, max_value=high)


@functools.cache
def _maybe_ints(low: int, high: int) -> SearchStrategy[int | None]:
    return st.none() | _ints(low, high)


@functools.cache
def _floats(low: float, high: float) -> SearchStrategy[float]:
    return st.floats(min_value=low, max_value=high)


@functools.cache
def _members(cls: type[E]) -> SearchStrategy[E]:
    return st.sampled_from(cls)


@functools.cache
def _index_lists(count: int, min_size: int, max_size: int) -> SearchStrategy[list[int]]:
    return st.lists(
        st.sampled_from(range(count)), min_size=min_size, max_size=max_size, unique=True
    )


def _draw_choice(draw: DrawFn, items: Sequence[T]) -> T:
    """One of ``items``; examples shrink towards the first."""
    return items[draw(_ints(0, len(items) - 1))]


def _draw_subset(
    draw: DrawFn, items: Sequence[T], *, min_size: int = 0, max_size: int | None = None
) -> list[T]:
    """Distinct members of ``items``, in drawn order."""
    count = len(items)
    most = count if max_size is None else min(max_size, count)
    if most == 0:
        return []
    indexes = draw(_index_lists(count, min(min_size, most), most))
    return [items[index] for index in indexes]


def _shift(day: dt.date, days: int) -> dt.date:
    """Move ``day`` by ``days``, staying inside the calendar."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _draw_date(draw: DrawFn, low: dt.date, high: dt.date) -> dt.date:
    """A date from ``low`` to ``high``; examples shrink towards ``low``."""
    span = (high - low).days
    return low if span <= 0 else low + dt.timedelta(days=draw(_ints(0, span)))
