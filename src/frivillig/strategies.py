"""Hypothesis strategies for frivillig's objects, for property-based tests.

A system that embeds frivillig (a grant system, a case system, a volunteer
portal, a data warehouse) can test its own code against realistic, valid
collaborations, portfolios and volunteer policies, and against documents that
are *nearly* valid. Every strategy here builds its objects valid by
construction: each field passes its validator, every id named inside a
collaboration refers to one of its parties, volunteers or goals, dates come in
order, evaluation rounds fall on the dates of the evaluation plan, and a
collaboration in a given lifecycle status holds what the lifecycle demands to
have reached it (every goal agreed by every party once it is active, a decided
round before it is continued or adjusted, a final round before it ends after an
evaluation).

The module needs Hypothesis, which is an optional dependency: install
``frivillig[hypothesis]``. ``import frivillig`` never imports it. Installing
frivillig also registers these strategies with Hypothesis through its
``hypothesis`` entry point, so ``st.from_type(Collaboration)`` works in a test
suite without importing this module.

Strategies follow Hypothesis's own conventions: plural names, keyword-only
arguments, ``min_*``/``max_*`` bounds, strategies as arguments where a value
varies, and ``hypothesis.errors.InvalidArgument`` when the arguments are
inconsistent or make it impossible to build anything.

They are also built to be quick to draw, so that they fit in a test suite's
time and Hypothesis's health checks: a record (a party, a goal, a task, a
volunteer, a round) reads its many small decisions from one drawn string of
bytes, so a collaboration costs Hypothesis a few dozen choices rather than
hundreds. Failing examples still shrink decision by decision, each towards its
simplest value.

Examples:
    >>> from hypothesis import given, settings
    >>> from frivillig import LifecycleStatus
    >>> from frivillig.strategies import collaborations
    >>> @settings(max_examples=10)
    ... @given(collaborations(status=LifecycleStatus.ACTIVE))
    ... def test_active_collaborations_have_agreed_goals(c):
    ...     assert c.goals
    ...     assert all(goal.agreed_by() == c.party_ids for goal in c.goals)
    >>> test_active_collaborations_have_agreed_goals()
"""

import contextvars
import datetime as dt
import enum
import functools
import itertools
import json
import operator
import string
import typing
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple, TypeVar

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy

from ._core.frozenmap import FrozenMap
from ._core.labels import LabelledEnum
from ._core.paths import render_path
from ._model.actors import (
    ACTOR_CLASSES,
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
from ._model.collaboration import (
    AgreementDocument,
    Collaboration,
    Forum,
    GovernanceMode,
    LifecycleStatus,
    ManagementTask,
    Purpose,
    ValueCase,
    VolunteerModel,
    WelfareRole,
)
from ._model.evaluation import Decision, DyadicRating, EvaluationPlan, EvaluationRound, Response
from ._model.formalisation import CollaborationLevel, FormalisationLevel
from ._model.goals import Agreement, Goal, GoalStatus, Indicator, Wish
from ._model.participation import Participant, ParticipantRole, Readiness, Resource, SupportScheme
from ._model.policy import PolicyProcess, VolunteerPolicy
from ._model.portfolio import Portfolio
from ._model.tasks import ReservedKind, Task, TaskKind, WorkCategory
from ._model.validators import is_identifier
from ._model.volunteers import (
    AgeBand,
    Attachment,
    Benefit,
    ChildCertificateCheck,
    Coercion,
    Engagement,
    PeriodWithChildren,
    Remuneration,
    Volunteer,
    VolunteerFunction,
    is_personal,
)
from ._reference.cpr import find_cpr_like
from ._reference.municipalities import MunicipalityInfo, Region, RegionMembership, get_municipality
from ._reference.municipalities import municipalities as _municipality_table
from ._rules.checking import check as _check
from ._rules.engine import (
    CheckSettings,
    Evidence,
    Finding,
    Hit,
    Report,
    Rule,
    Rulebook,
    RuleContext,
    RuleExample,
    Severity,
    Source,
    SourceKind,
)
from ._rules.rulebook import BUILTIN_RULES, DEFAULT_RULEBOOK
from ._scores.instruments import (
    Aggregation,
    Anchor,
    Band,
    Category,
    Factor,
    Instrument,
    InstrumentMeasure,
    InstrumentResult,
    InstrumentScore,
    Item,
    Note,
    Provenance,
    Scale,
    ScoringRule,
    Verification,
    get_instrument,
    instrument_ids,
    score_instrument,
)
from ._scores.scores import (
    DEFAULT_HEALTH_WEIGHTS,
    FormalisationRecommendation,
    FormalisationSettings,
    Score,
    ScorePart,
    ScoreSettings,
    recommend_formalisation,
    score_all,
)
from ._scores.trends import (
    CollaborationTrends,
    DyadicPair,
    DyadicSummary,
    Period,
    PeriodPoint,
    PortfolioSeries,
    PortfolioTrends,
    RoundPoint,
    RoundSeries,
    Spread,
    dyadic_summary,
)
from ._scores.trends import collaboration_trends as _trends_of
from ._scores.trends import portfolio_trends as _portfolio_trends_of
from .errors import Problem
from .schedules import DueDate, EvaluationTolerance, ScheduleStatus, evaluation_status
from .serialization import SCHEMA_VERSION, Document, LoadLimits, to_dict

__all__ = [
    "DefectKind",
    "DefectiveDocument",
    "actors",
    "agreement_documents",
    "agreements",
    "anchors",
    "bands",
    "categories",
    "check_settings",
    "child_certificate_checks",
    "citizen_groups",
    "collaboration_trends",
    "collaborations",
    "cvr_numbers",
    "defective_documents",
    "due_dates",
    "dyadic_pairs",
    "dyadic_ratings",
    "dyadic_summaries",
    "evaluation_plans",
    "evaluation_rounds",
    "evaluation_tolerances",
    "factors",
    "findings",
    "formalisation_recommendations",
    "formalisation_settings",
    "forums",
    "frozen_maps",
    "goals",
    "hits",
    "indicators",
    "instrument_results",
    "instrument_scores",
    "instruments",
    "items",
    "load_limits",
    "municipalities",
    "municipality_codes",
    "municipality_infos",
    "notes",
    "participants",
    "period_points",
    "periods_with_children",
    "portfolio_series",
    "portfolio_trends",
    "portfolios",
    "private_companies",
    "problems",
    "provenances",
    "public_institutions",
    "readinesses",
    "region_memberships",
    "regions",
    "reports",
    "responses",
    "round_points",
    "round_series",
    "rule_contexts",
    "rule_examples",
    "rulebooks",
    "rules",
    "scales",
    "schedule_statuses",
    "score_parts",
    "score_settings",
    "scores",
    "scoring_rules",
    "sources",
    "spreads",
    "tasks",
    "value_cases",
    "voluntary_organisations",
    "volunteer_centres",
    "volunteer_councils",
    "volunteer_policies",
    "volunteers",
    "wishes",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)
K = TypeVar("K")
V = TypeVar("V")

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


# -- drawing many small decisions at once ------------------------------------------------
#
# Hypothesis spends tens of microseconds of bookkeeping on every value drawn, however
# small, and a collaboration is made of several hundred small decisions: flags,
# choices from short lists, small numbers, subsets, dates. Drawn one by one they
# made a collaboration cost some 450 choices, and drawing was slow enough to fail
# Hypothesis's too_slow health check on a busy machine. So each record (a party, a
# goal, a task, a volunteer, a round, a response, the collaboration's own fields)
# draws one byte string, its dice, and reads its small decisions from it. Only
# free texts, floats, generated ids and the sizes of collections are drawn on their
# own: a text is a realistic Danish phrase, chosen by the dice, half the time.
#
# Shrinking still works decision by decision: a zero byte always reads as the
# simplest decision (False, nothing, the first item, the lower bound), and
# Hypothesis shrinks a byte string byte by byte towards zeros. Sizes of collections
# are drawn as integers, which the shrinker lowers while deleting what follows them.
#
# Strategies are built once and cached: building a strategy inside every draw costs
# more than drawing from it.

_DICE_SIZE = 24  # bytes a record draws at first; it draws more if it reads past them


@functools.cache
def _bytes(size: int) -> SearchStrategy[bytes]:
    return st.binary(min_size=size, max_size=size)


def _size_for(count: int) -> int:
    """How many bytes it takes to hold the numbers from 0 to ``count - 1``."""
    return max(1, ((count - 1).bit_length() + 7) // 8)


class _Dice:
    """The small decisions of one record, read one after another from drawn bytes.

    Every reading takes a number of bytes fixed by its arguments, so a decision
    keeps its place in the bytes while the values read before it change. A zero
    byte reads as the simplest decision.
    """

    __slots__ = ("_at", "_data", "_draw", "_size")

    def __init__(self, draw: DrawFn, size: int = _DICE_SIZE) -> None:
        self._draw = draw
        self._size = size
        self._data = draw(_bytes(size))
        self._at = 0

    def _take(self, count: int) -> bytes:
        at = self._at
        end = at + count
        if end > len(self._data):  # read past the bytes drawn: draw some more
            self._data = self._data[at:] + self._draw(_bytes(max(self._size, count)))
            at, end = 0, count
        self._at = end
        return self._data[at:end]

    def byte(self) -> int:
        """A number from 0 to 255."""
        at = self._at
        if at == len(self._data):
            self._take(1)
            return self._data[0]
        self._at = at + 1
        return self._data[at]

    def flag(self) -> bool:
        """True or False, even odds; False is simpler."""
        return self.byte() >= 128

    def maybe_flag(self) -> bool | None:
        """``None`` half the time, else ``False`` or ``True``."""
        value = self.byte()
        return None if value < 128 else value >= 192

    def index(self, count: int) -> int:
        """A number from 0 to ``count - 1``, each as likely; 0 is simplest."""
        if count <= 256:
            return self.byte() * count >> 8
        size = _size_for(count)
        return int.from_bytes(self._take(size)) * count >> (8 * size)

    def choice(self, items: Sequence[T]) -> T:
        """One of ``items``; the first is simplest."""
        return items[self.index(len(items))]

    def maybe_choice(self, items: Sequence[T]) -> T | None:
        """``None`` half the time, else one of ``items``."""
        present = self.flag()
        item = self.choice(items)
        return item if present else None

    def integer(self, low: int, high: int) -> int:
        """A number from ``low`` to ``high``; each bound one time in 16, ``low`` simplest."""
        span = high - low
        if span < 224:  # the middle 224 values of a byte hold every number
            value = self.byte()
            if value < 16:
                return low
            if value >= 240:
                return high
            return low + (value - 16) * (span + 1) // 224
        size = _size_for(-(-(span + 1) * 8 // 7))  # the middle 7/8 of the values hold all
        value = int.from_bytes(self._take(size))
        top = 1 << (8 * size)
        edge = top >> 4
        if value < edge:
            return low
        if value >= top - edge:
            return high
        return low + (value - edge) * (span + 1) // (top - 2 * edge)

    def maybe_integer(self, low: int, high: int) -> int | None:
        """``None`` half the time, else a number from ``low`` to ``high``."""
        present = self.flag()
        value = self.integer(low, high)
        return value if present else None

    def date(self, low: dt.date, high: dt.date) -> dt.date:
        """A date from ``low`` to ``high``, or ``low`` when ``high`` is before it."""
        return low + dt.timedelta(days=self.integer(0, max((high - low).days, 0)))

    def sample(self, items: Sequence[T], min_size: int = 0, max_size: int | None = None) -> list[T]:
        """Distinct members of ``items`` in drawn order; the first few in order are simplest."""
        total = len(items)
        most = total if max_size is None else min(max_size, total)
        count = self.integer(min(min_size, most), most)
        if total <= 256:
            picks = [byte * (total - taken) >> 8 for taken, byte in enumerate(self._take(most))]
        else:
            picks = [self.index(total - taken) for taken in range(most)]
        pool = list(items)
        return [pool.pop(pick) for pick in picks[:count]]

    def permutation(self, items: Sequence[T]) -> list[T]:
        """All of ``items``, in drawn order."""
        return self.sample(items, len(items), len(items))


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


# -- goals --------------------------------------------------------------------------------


def _read_party(dice: _Dice, party_ids: tuple[str, ...] | None) -> str:
    return _read_id(dice, _PARTY_SLUGS) if party_ids is None else dice.choice(party_ids)


def _read_party_ids(dice: _Dice, party_ids: tuple[str, ...] | None) -> tuple[str, ...]:
    """The given party ids, or one to four new ones."""
    if party_ids is not None:
        return party_ids
    return _read_new_ids(dice, _PARTY_SLUGS, dice.integer(1, 4))


def _nonempty(name: str, ids: tuple[str, ...] | None, what: str) -> tuple[str, ...] | None:
    if ids == ():
        msg = f"{name} must name at least one party {what}"
        raise InvalidArgument(msg)
    return ids


@st.composite
def _wishes(draw: DrawFn, party_ids: tuple[str, ...] | None) -> Wish:
    dice = _Dice(draw, 4)
    return Wish(party=_read_party(dice, party_ids), text=_draw_text(draw, dice, 300))


def wishes(*, party_ids: Sequence[str] | None = None) -> SearchStrategy[Wish]:
    """A strategy for the wishes a party states before a goal is agreed.

    Args:
        party_ids: The ids the wishing party is drawn from; any id by default.

    Raises:
        InvalidArgument: ``party_ids`` is empty or holds an invalid or repeated id.
    """
    ids = _check_ids("party_ids", party_ids)
    return _wishes(_nonempty("party_ids", ids, "that wishes"))


@st.composite
def _agreements(draw: DrawFn, party_ids: tuple[str, ...] | None) -> Agreement:
    dice = _Dice(draw, 4)
    return Agreement(
        party=_read_party(dice, party_ids), agreed_on=dice.date(_EARLIEST, _LATEST_START)
    )


def agreements(*, party_ids: Sequence[str] | None = None) -> SearchStrategy[Agreement]:
    """A strategy for one party's agreement to a goal, with its date.

    Args:
        party_ids: The ids the agreeing party is drawn from; any id by default.

    Raises:
        InvalidArgument: ``party_ids`` is empty or holds an invalid or repeated id.
    """
    ids = _check_ids("party_ids", party_ids)
    return _agreements(_nonempty("party_ids", ids, "that agrees"))


def _draw_indicator_value(draw: DrawFn, dice: _Dice, *, present: bool = True) -> float | None:
    """A realistic whole number from 0 to 1000, or any float of up to 10**15 either way."""
    anything = dice.flag()
    realistic = dice.integer(0, 1000)
    if not present:
        return None
    return draw(_floats(-_MAX_INDICATOR, _MAX_INDICATOR)) if anything else float(realistic)


def _draw_indicator(draw: DrawFn, dice: _Dice) -> Indicator:
    baseline = _draw_indicator_value(draw, dice, present=dice.flag())
    target = typing.cast(float, _draw_indicator_value(draw, dice))
    if target == baseline:  # a target must differ from the baseline
        target = baseline + 1 if baseline < _MAX_INDICATOR - 1 else baseline - 1
    name = _draw_text(draw, dice, 120)
    return Indicator(
        name=name,
        unit=_draw_text(draw, dice, 20) if dice.flag() else dice.choice(_UNITS),
        baseline=baseline,
        target=target,
    )


@st.composite
def _indicators(draw: DrawFn) -> Indicator:
    return _draw_indicator(draw, _Dice(draw, 12))


@functools.cache
def indicators() -> SearchStrategy[Indicator]:
    """A strategy for the indicators goals' progress is measured by.

    Each has a name, a unit, an optional baseline and a target that differs
    from the baseline.
    """
    return _indicators()


def _draw_goal(
    draw: DrawFn,
    dice: _Dice,
    goal_id: str,
    party_ids: tuple[str, ...],
    *,
    all_agree: bool,
    evaluated: bool,
    around: dt.date,
) -> Goal:
    """A goal; ``all_agree`` makes every party agree, ``evaluated`` allows outcomes."""
    wishing = dice.sample(party_ids)
    agreeing = dice.permutation(party_ids) if all_agree else dice.sample(party_ids)
    earliest = _shift(around, -_AGREEMENT_LEAD_DAYS)
    agreed_on = [dice.date(earliest, around) for _ in agreeing]
    outcome = dice.choice(_OUTCOMES)
    agreed = dice.flag()
    if all_agree:
        status = outcome if evaluated else GoalStatus.AGREED
    elif agreeing and set(agreeing) == set(party_ids):
        status = GoalStatus.AGREED if agreed else GoalStatus.PROPOSED
    else:
        status = GoalStatus.PROPOSED
    text = _draw_text(draw, dice, 300)
    wished = tuple(Wish(party=party, text=_draw_text(draw, dice, 200)) for party in wishing)
    return Goal(
        id=goal_id,
        text=text,
        wishes=wished,
        indicator=_draw_indicator(draw, dice) if dice.flag() else None,
        agreements=tuple(
            Agreement(party=party, agreed_on=day)
            for party, day in zip(agreeing, agreed_on, strict=True)
        ),
        status=status,
        note=_draw_maybe_text(draw, dice, 200),
    )


def _goal_dice_size(party_count: int) -> int:
    return 28 + 5 * party_count


@st.composite
def _goals(draw: DrawFn, party_ids: tuple[str, ...] | None) -> Goal:
    dice = _Dice(draw, _goal_dice_size(4 if party_ids is None else len(party_ids)))
    parties = _read_party_ids(dice, party_ids)
    all_agree = dice.flag()
    evaluated = dice.flag()
    return _draw_goal(
        draw,
        dice,
        _read_id(dice, _GOAL_SLUGS),
        parties,
        all_agree=all_agree,
        evaluated=all_agree and evaluated,
        around=dice.date(_EARLIEST, _LATEST_START),
    )


def goals(*, party_ids: Sequence[str] | None = None) -> SearchStrategy[Goal]:
    """A strategy for a collaboration's goals, with the wishes and agreements behind them.

    Each goal has the wishes behind it, an optional indicator, and the
    parties' agreements (at most one per party). A goal agreed by every party
    may have an outcome (achieved, partly achieved ...); one that is not is
    proposed.

    Args:
        party_ids: The parties whose wishes and agreements a goal records; a
            few generated ids by default.

    Raises:
        InvalidArgument: ``party_ids`` holds an invalid or repeated id.
    """
    return _goals(_check_ids("party_ids", party_ids))


# -- tasks and volunteers ----------------------------------------------------------------

_TASK_KINDS = tuple(TaskKind)
_AGE_BANDS = tuple(AgeBand)
_ATTACHMENTS = tuple(Attachment)
_REMUNERATIONS = tuple(Remuneration)
_BENEFITS = tuple(Benefit)
_COERCIONS = tuple(Coercion)
_WORK_CATEGORIES = tuple(WorkCategory)
_ENGAGEMENT_KINDS = tuple(Engagement)


def _draw_task(
    draw: DrawFn,
    dice: _Dice,
    task_id: str,
    party_ids: tuple[str, ...] | None,
    volunteer_ids: tuple[str, ...],
    *,
    children: bool | None,
) -> Task:
    """A task; ``children=True`` means contact with children and at least one volunteer."""
    kind = dice.choice(_TASK_KINDS)
    offers = dice.sample(_FUNCTIONS, 0, 3)
    reserved = dice.sample(_RESERVED, 0, 2)
    authority, contact, confidential, core, rota, directed, replaces, led, timed = (
        dice.flag() for _ in range(9)
    )
    assigned = dice.sample(volunteer_ids, 1 if children else 0, 4)
    leader = _read_party(dice, party_ids) if party_ids != () and led else None
    return Task(
        id=task_id,
        title=_draw_text(draw, dice, 120),
        description=_draw_maybe_text(draw, dice, 500),
        kind=kind,
        offers=tuple(offers),
        exercises_authority=authority,
        reserved=tuple(reserved),
        children_contact=contact if children is None else children,
        confidential_data=confidential,
        core_staff_task=core,
        fixed_rota=rota,
        directed_by_institution=directed,
        replaces_cut_post=replaces,
        hours_per_week=draw(_floats(0.0, 168.0)) if timed else None,
        volunteers=tuple(assigned),
        led_by=leader,
        work_category=dice.maybe_choice(_WORK_CATEGORIES),
    )


@st.composite
def _tasks(
    draw: DrawFn,
    party_ids: tuple[str, ...] | None,
    volunteer_ids: tuple[str, ...] | None,
    children: bool | None,
) -> Task:
    dice = _Dice(draw, 40)
    pool = (
        _read_new_ids(dice, _VOLUNTEER_SLUGS, dice.integer(1, 4))
        if volunteer_ids is None
        else volunteer_ids
    )
    task_id = _read_id(dice, _TASK_SLUGS)
    return _draw_task(draw, dice, task_id, party_ids, pool, children=children)


def tasks(
    *,
    party_ids: Sequence[str] | None = None,
    volunteer_ids: Sequence[str] | None = None,
    children: bool | None = None,
) -> SearchStrategy[Task]:
    """A strategy for the tasks volunteers do.

    Each task has the facts the limits of volunteering depend on: authority,
    reserved work, children, confidential data, signs of displacement.

    Args:
        party_ids: The ids a task's leader is drawn from; any id by default.
        volunteer_ids: The ids the assigned volunteers are drawn from; a few
            generated ids by default.
        children: ``True`` for tasks with contact with children under 15 and at
            least one volunteer assigned, ``False`` for tasks without such
            contact, ``None`` for either.

    Raises:
        InvalidArgument: an id is invalid or repeated, or ``children=True`` with
            no volunteer to assign.
    """
    _check_flag("children", children)
    parties = _check_ids("party_ids", party_ids)
    given = _check_ids("volunteer_ids", volunteer_ids)
    if children and given == ():
        msg = "children=True needs at least one volunteer in volunteer_ids"
        raise InvalidArgument(msg)
    return _tasks(parties, given, children)


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


# -- evaluation ------------------------------------------------------------------------------

# How often a plan recurs, with the intervals drawn: (FREQ, lowest, highest INTERVAL).
_FREQUENCIES = (("MONTHLY", 1, 12), ("YEARLY", 1, 3), ("WEEKLY", 2, 52))
# A COUNT is dropped when its last date would fall later than this after the first date
# (a monthly rule from the 31st skips short months; a rule from 29 February skips years).
_COUNTED_YEARS = 50


class _Recurrence(NamedTuple):
    """A drawn recurrence rule: ``FREQ``, ``INTERVAL`` and ``COUNT``, without BY-parts."""

    frequency: str
    interval: int
    times: int | None  # COUNT


def _recurrence_dates(
    rule: _Recurrence, first: dt.date, limit: int, *, last_year: int = dt.MAXYEAR
) -> list[dt.date]:
    """The first ``limit`` dates of ``rule`` from ``first``, up to the end of ``last_year``.

    This is what RFC 5545 (and dateutil) reads from a rule without BY-parts: each
    period holds the first date's weekday, day of the month or day of the year, and a
    period without that day (the 31st of a short month, 29 February outside a leap
    year) has no date. Working it out here is much faster than having dateutil expand
    the rule for every collaboration drawn.
    """
    if rule.times is not None:
        limit = min(limit, rule.times)
    step = rule.interval * {"MONTHLY": 1, "YEARLY": 12}.get(rule.frequency, 0)
    found: list[dt.date] = []
    period = 0
    while len(found) < limit:
        if step == 0:  # weekly
            try:
                day = first + dt.timedelta(weeks=rule.interval * period)
            except OverflowError:
                break
        else:
            months = first.month - 1 + step * period
            year = first.year + months // 12
            if year > min(last_year, dt.MAXYEAR):
                break
            try:
                day = dt.date(year, months % 12 + 1, first.day)
            except ValueError:  # no such day in that month
                period += 1
                continue
        if day.year > last_year:
            break
        found.append(day)
        period += 1
    return found


def _read_recurrence(dice: _Dice, first: dt.date) -> tuple[_Recurrence, str]:
    """A recurrence rule and its RRULE text.

    The text has no DTSTART or BY-parts, so the first date is the first occurrence.
    """
    frequency, low, high = dice.choice(_FREQUENCIES)
    interval = dice.integer(low, high)
    spelled = dice.flag()  # INTERVAL=1 written out
    counted = dice.flag()
    count = dice.integer(1, 12)
    prefixed = dice.flag()
    rule = _Recurrence(frequency, interval, count if counted else None)
    if counted:
        reached = _recurrence_dates(rule, first, count, last_year=first.year + _COUNTED_YEARS)
        if len(reached) < count:
            rule = rule._replace(times=None)
    parts = [f"FREQ={frequency}"]
    if interval != 1 or spelled:
        parts.append(f"INTERVAL={interval}")
    if rule.times is not None:
        parts.append(f"COUNT={rule.times}")
    return rule, ("RRULE:" if prefixed else "") + ";".join(parts)


@functools.cache
def _instrument_ids() -> tuple[str, ...]:
    return instrument_ids()


def _draw_plan(
    draw: DrawFn, dice: _Dice, party_ids: tuple[str, ...] | None, first_date: dt.date
) -> tuple[EvaluationPlan, _Recurrence]:
    if party_ids:
        everyone = dice.flag()
        respondents = dice.permutation(party_ids) if everyone else dice.sample(party_ids)
    else:
        respondents = list(_read_some_parties(dice, party_ids))
    rule, text = _read_recurrence(dice, first_date)
    plan = EvaluationPlan(
        rrule=text,
        first_date=first_date,
        instruments=tuple(dice.sample(_instrument_ids(), 0, 2)),
        respondents=tuple(respondents),
        timezone=dice.choice(_TIMEZONES),
    )
    return plan, rule


@st.composite
def _evaluation_plans(draw: DrawFn, party_ids: tuple[str, ...] | None) -> EvaluationPlan:
    dice = _Dice(draw, 16)
    return _draw_plan(draw, dice, party_ids, dice.date(_EARLIEST, _LATEST_START))[0]


def evaluation_plans(*, party_ids: Sequence[str] | None = None) -> SearchStrategy[EvaluationPlan]:
    """A strategy for plans of when and how a collaboration is evaluated.

    Each has an RFC 5545 recurrence (monthly, yearly or weekly, with or
    without a count), a first date, the instruments answered and the parties
    that must answer.

    Args:
        party_ids: The ids the respondents are drawn from; any ids by default.

    Raises:
        InvalidArgument: ``party_ids`` holds an invalid or repeated id.
    """
    return _evaluation_plans(_check_ids("party_ids", party_ids))


@functools.cache
def _fractions() -> SearchStrategy[float]:
    return st.floats(min_value=0.0, max_value=1.0)


def _draw_between(draw: DrawFn, low: float, high: float) -> float:
    """A float from ``low`` to ``high``; Hypothesis's own floats pick the place between."""
    value = low + (high - low) * draw(_fractions())
    return min(max(value, low), high)


def _draw_progress(draw: DrawFn, goal: Goal) -> float:
    """A reported value of a goal's indicator, between its baseline and its target."""
    indicator = goal.indicator
    if indicator is None:
        return _draw_between(draw, -1e6, 1e6)
    start = indicator.baseline if indicator.baseline is not None else 0.0
    # + 0.0 turns -0.0 into 0.0, so that a value at the bound has the usual sign
    low, high = sorted((start + 0.0, indicator.target + 0.0))
    return _draw_between(draw, low, high)


def _draw_answers(draw: DrawFn, dice: _Dice, instrument: Instrument) -> dict[str, float | None]:
    """Answers to some of an instrument's items, on its scale; ``None`` for one left out."""
    scale = instrument.scale
    answers: dict[str, float | None] = {}
    for item in dice.sample(instrument.items, 0, _MAX_ANSWERS):
        left_out = dice.byte() >= 192  # one answer in four
        value = dice.integer(scale.minimum, scale.maximum)
        if left_out:
            answers[item.id] = None
        elif scale.whole_numbers:
            answers[item.id] = float(value)
        else:
            answers[item.id] = _draw_between(draw, float(scale.minimum), float(scale.maximum))
    return answers


def _draw_response(
    draw: DrawFn,
    dice: _Dice,
    party: str,
    goals: tuple[Goal, ...],
    instruments: tuple[str, ...] | None,
) -> Response:
    reported = dice.sample(goals)
    choices = _instrument_ids() if instruments is None else instruments
    answered = dice.flag()
    instrument = dice.choice(choices) if choices and answered else None
    satisfaction = dice.maybe_integer(1, 5)
    return Response(
        party=party,
        satisfaction=satisfaction,
        goal_progress={goal.id: _draw_progress(draw, goal) for goal in reported},
        instrument=instrument,
        answers=_draw_answers(draw, dice, get_instrument(instrument)) if instrument else {},
        comment=_draw_maybe_text(draw, dice, 300),
    )


@functools.cache
def _stand_ins(goal_ids: tuple[str, ...]) -> tuple[Goal, ...]:
    """Goals to report progress for, when only their ids are given."""
    return tuple(Goal(id=goal_id, text="mål") for goal_id in goal_ids)


@st.composite
def _responses(
    draw: DrawFn, party_ids: tuple[str, ...] | None, goal_ids: tuple[str, ...]
) -> Response:
    dice = _Dice(draw)
    party = _read_party(dice, party_ids)
    return _draw_response(draw, dice, party, _stand_ins(goal_ids), None)


def responses(
    *, party_ids: Sequence[str] | None = None, goal_ids: Sequence[str] | None = None
) -> SearchStrategy[Response]:
    """A strategy for one party's response in an evaluation round.

    Each has a satisfaction of 1-5, progress reported per goal, and answers to
    the items of one of the built-in instruments, on its scale.

    Args:
        party_ids: The ids the responding party is drawn from; any id by default.
        goal_ids: The goals progress may be reported for; none by default.

    Raises:
        InvalidArgument: an id is invalid or repeated, or ``party_ids`` is empty.
    """
    parties = _nonempty("party_ids", _check_ids("party_ids", party_ids), "that responds")
    return _responses(parties, _check_ids("goal_ids", goal_ids) or ())


def _pairs(party_ids: Sequence[str]) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a in party_ids for b in party_ids if a != b)


_LEVELS = tuple(CollaborationLevel)


@st.composite
def _dyadic_ratings(draw: DrawFn, party_ids: tuple[str, ...] | None) -> DyadicRating:
    dice = _Dice(draw, 4)
    rater, ratee = (
        _read_new_ids(dice, _PARTY_SLUGS, 2)
        if party_ids is None
        else dice.choice(_pairs(party_ids))
    )
    return DyadicRating(rater=rater, ratee=ratee, level=dice.choice(_LEVELS))


def dyadic_ratings(*, party_ids: Sequence[str] | None = None) -> SearchStrategy[DyadicRating]:
    """A strategy for how one party rates its relation to another.

    The rating is on the Levels of Collaboration scale (0 none ... 5
    collaboration); a party never rates itself.

    Args:
        party_ids: The ids rater and rated party are drawn from; any ids by default.

    Raises:
        InvalidArgument: ``party_ids`` names fewer than two parties, or holds an
            invalid or repeated id.
    """
    ids = _check_ids("party_ids", party_ids)
    if ids is not None and len(ids) < 2:
        msg = f"party_ids={ids!r} must name at least two parties to rate each other"
        raise InvalidArgument(msg)
    return _dyadic_ratings(ids)


def _draw_round(
    draw: DrawFn,
    dice: _Dice,
    round_id: str,
    held_on: dt.date,
    *,
    party_ids: tuple[str, ...],
    respondents: tuple[str, ...],
    goals: tuple[Goal, ...],
    instruments: tuple[str, ...] | None,
    decision: Decision | None,
    final: bool,
) -> EvaluationRound:
    answering = dice.sample(respondents or party_ids)
    rated = dice.sample(_pairs(party_ids), 0, _MAX_RATINGS)
    levels = [dice.choice(_LEVELS) for _ in rated]
    summary = _draw_maybe_text(draw, dice, 500)
    return EvaluationRound(
        id=round_id,
        held_on=held_on,
        responses=tuple(
            _draw_response(draw, dice, party, goals, instruments) for party in answering
        ),
        ratings=tuple(
            DyadicRating(rater=rater, ratee=ratee, level=level)
            for (rater, ratee), level in zip(rated, levels, strict=True)
        ),
        decision=decision,
        final=final,
        summary=summary,
    )


_DECISIONS = (None, *Decision)


@st.composite
def _evaluation_rounds(
    draw: DrawFn, party_ids: tuple[str, ...] | None, goal_ids: tuple[str, ...]
) -> EvaluationRound:
    dice = _Dice(draw, 32)
    parties = _read_party_ids(dice, party_ids)
    final = dice.flag()
    decision = dice.choice(_DECISIONS)
    round_id = _read_id(dice, _ROUND_SLUGS)
    return _draw_round(
        draw,
        dice,
        round_id,
        dice.date(_EARLIEST, _LATEST_START),
        party_ids=parties,
        respondents=parties,
        goals=_stand_ins(goal_ids),
        instruments=None,
        decision=Decision.END if final else decision,
        final=final,
    )


def evaluation_rounds(
    *, party_ids: Sequence[str] | None = None, goal_ids: Sequence[str] | None = None
) -> SearchStrategy[EvaluationRound]:
    """A strategy for single evaluation rounds of a collaboration.

    Each has the parties' responses (at most one each), their dyadic ratings
    (at most one per ordered pair) and the decision taken. A final round
    decides to end. Inside
    [`collaborations`][frivillig.strategies.collaborations], rounds also fall
    on the dates of the evaluation plan.

    Args:
        party_ids: The parties that respond and rate; a few generated ids by
            default.
        goal_ids: The goals progress may be reported for; none by default.

    Raises:
        InvalidArgument: an id is invalid or repeated.
    """
    parties = _check_ids("party_ids", party_ids)
    return _evaluation_rounds(parties, _check_ids("goal_ids", goal_ids) or ())


# -- collaborations --------------------------------------------------------------------------


class _Shape(NamedTuple):
    """What a lifecycle status demands of a collaboration's data."""

    all_agree: bool
    plan: bool  # True: required; False: optional
    min_rounds: int
    max_rounds: int
    last_decision: tuple[Decision | None, ...]
    ended: bool


def _shape(status: LifecycleStatus, evaluated: bool, max_rounds: int) -> _Shape:
    """The data a collaboration needs to have reached ``status`` along a plausible path.

    ``evaluated`` says whether the collaboration has been through an
    evaluation: an active or agreeing collaboration that has is back from an
    adjustment; an ended one ended after a final round.
    """
    if status in (S.CONTINUED, S.ADJUSTED):
        last = (Decision.CONTINUE,) if status is S.CONTINUED else _ADJUSTMENTS
        return _Shape(True, True, 1, max_rounds, last, ended=False)
    if status is S.EVALUATING:
        return _Shape(True, True, 0, max_rounds, (None, *_ONGOING_DECISIONS), ended=False)
    if status is S.ENDED:
        if evaluated:
            return _Shape(True, True, 1, max_rounds, (Decision.END,), ended=True)
        return _Shape(False, False, 0, 0, (None,), ended=True)
    if evaluated:  # active or agreeing goals again after an adjustment
        return _Shape(status is S.ACTIVE, True, 1, max_rounds, _ADJUSTMENTS, ended=False)
    return _Shape(status is S.ACTIVE, False, 0, 0, (None,), ended=False)


def _feasible_statuses(max_goals: int, max_rounds: int) -> tuple[LifecycleStatus, ...]:
    """The statuses a collaboration can have when it may hold this many goals and rounds."""
    if max_goals == 0:
        return (S.EXPLORING, S.AGREEING_GOALS, S.ENDED)
    if max_rounds == 0:
        return (S.EXPLORING, S.AGREEING_GOALS, S.ACTIVE, S.EVALUATING, S.ENDED)
    return tuple(LifecycleStatus)


def _task_children(children: bool | None, index: int) -> bool | None:
    """Whether task ``index`` has contact with children: the first does when ``children``."""
    if children is None or not children:
        return children
    return True if index == 0 else None


# The record being drawn, for the one strategy that draws every record (see _draw_record).
_RECORD: contextvars.ContextVar[Callable[[DrawFn], Any]] = contextvars.ContextVar("_RECORD")


@st.composite
def _records(draw: DrawFn) -> Any:
    return _RECORD.get()(draw)


_ONE_RECORD = _records()


def _draw_record(draw: DrawFn, build: Callable[[DrawFn], T]) -> T:
    """``build(draw)``, drawn as one piece, so that the shrinker can delete a whole record.

    One strategy, built once, draws every record and is told which through a context
    variable: a strategy built for each record would cost more than the record.
    """
    token = _RECORD.set(build)
    try:
        return typing.cast(T, draw(_ONE_RECORD))
    finally:
        _RECORD.reset(token)


def _draw_records(
    draw: DrawFn,
    low: int,
    high: int,
    size: int,
    slugs: tuple[str, ...],
    make: Callable[[_Dice, str, int], T],
) -> tuple[T, ...]:
    """From ``low`` to ``high`` records with distinct ids, each with its own dice.

    The number is drawn as an integer, and each record as one piece, so that the
    shrinker can lower the number and delete a record to match.
    """
    count = draw(_ints(low, high))
    taken: set[str] = set()

    def record(index: int) -> Callable[[DrawFn], T]:
        def build(inner: DrawFn) -> T:
            dice = _Dice(inner, size)
            return make(dice, _read_fresh_id(dice, slugs, taken), index)

        return build

    return tuple(_draw_record(draw, record(index)) for index in range(count))


class _Limits(NamedTuple):
    min_parties: int
    max_parties: int
    max_goals: int
    max_tasks: int
    max_volunteers: int
    max_rounds: int


_ENGAGEMENTS = {
    VolunteerModel.ASSOCIATION: (Engagement.ASSOCIATION,),
    VolunteerModel.OWN_VOLUNTEERS: (Engagement.MUNICIPALITY,),
    VolunteerModel.MIXED: (Engagement.ASSOCIATION, Engagement.MUNICIPALITY),
}
_VOLUNTEER_MODELS = tuple(VolunteerModel)
_GOVERNANCE_MODES = tuple(GovernanceMode)
_WELFARE_ROLES = tuple(WelfareRole)
_FORMALISATION_LEVELS = tuple(FormalisationLevel)
_HOLDER_SLUGS = ("koordinator", "frivilligleder", "p-0042")


@st.composite
def _collaborations(
    draw: DrawFn,
    *,
    status: LifecycleStatus | None,
    children: bool | None,
    limits: _Limits,
    municipality_code: SearchStrategy[int] | None,
    start_on: SearchStrategy[dt.date] | None,
    actor: SearchStrategy[Actor] | None,
) -> Collaboration:
    dice = _Dice(draw, 96 + 2 * limits.max_parties)  # the collaboration's own decisions
    if status is None:
        status = dice.choice(_feasible_statuses(limits.max_goals, limits.max_rounds))
    may_have_rounds = limits.max_rounds > 0 and limits.max_goals > 0
    been_evaluated = dice.flag()
    evaluated = status in (S.EVALUATING, S.CONTINUED, S.ADJUSTED) or (
        status in (S.ACTIVE, S.AGREEING_GOALS, S.ENDED) and may_have_rounds and been_evaluated
    )
    shape = _shape(status, evaluated, limits.max_rounds)

    code = _draw_code(draw, dice, municipality_code)
    start = dice.date(_EARLIEST, _LATEST_START) if start_on is None else draw(start_on)
    if start >= _LATEST_SAFE:
        msg = f"start_on drew {start!r}; draw start dates before {_LATEST_SAFE.isoformat()}"
        raise InvalidArgument(msg)

    # the parties: the municipality first; by default the second is from civil society
    def party(own: _Dice, party_id: str, index: int) -> Participant:
        if index == 0:
            return _draw_participant(draw, own, party_id, _draw_municipality(draw, own, code))
        if actor is not None:
            return _draw_participant(draw, own, party_id, draw(actor))
        kind = own.choice(_CIVIL_KINDS if index == 1 else _PARTNER_KINDS)
        partner = _draw_actor(draw, own, kind, codes=None, home=code)
        return _draw_participant(draw, own, party_id, partner)

    parties = _draw_records(draw, limits.min_parties, limits.max_parties, 56, _PARTY_SLUGS, party)
    party_ids = tuple(p.id for p in parties)
    engaging = tuple(p.id for p in parties if p.actor.kind in _ENGAGING_KINDS)

    # goals, agreed by every party once the collaboration is (or has been) active
    goal_list = _draw_records(
        draw,
        1 if shape.all_agree else 0,
        limits.max_goals,
        _goal_dice_size(len(party_ids)),
        _GOAL_SLUGS,
        lambda own, goal_id, _: _draw_goal(
            draw,
            own,
            goal_id,
            party_ids,
            all_agree=shape.all_agree,
            evaluated=shape.min_rounds > 0,
            around=start,
        ),
    )

    # volunteers, engaged as the volunteer model says, and their tasks
    model = dice.choice(_VOLUNTEER_MODELS)
    if not engaging:
        model = VolunteerModel.OWN_VOLUNTEERS
    needs = 1 if children else 0
    volunteer_list = _draw_records(
        draw,
        needs,
        limits.max_volunteers,
        _VOLUNTEER_DICE_SIZE,
        _VOLUNTEER_SLUGS,
        lambda own, volunteer_id, _: _draw_volunteer(
            draw,
            own,
            volunteer_id,
            engagement=own.choice(_ENGAGEMENTS[model]),
            association_ids=engaging,
            checker_ids=(party_ids[0],),
            around=start,
        ),
    )
    volunteer_ids = tuple(v.id for v in volunteer_list)
    task_list = _draw_records(
        draw,
        needs,
        limits.max_tasks,
        40,
        _TASK_SLUGS,
        lambda own, task_id, index: _draw_task(
            draw,
            own,
            task_id,
            party_ids,
            volunteer_ids,
            children=_task_children(children, index),
        ),
    )

    # the evaluation plan, and rounds held on its dates
    planned = dice.flag()
    first_date = dice.date(start, _shift(start, 400))
    plan: EvaluationPlan | None = None
    held: list[dt.date] = []
    if shape.plan or planned:
        plan, rule = _draw_plan(draw, dice, party_ids, first_date)
        held = _recurrence_dates(rule, first_date, shape.max_rounds)
    count = draw(_ints(shape.min_rounds, len(held))) if held else 0
    rounds = _draw_records(
        draw,
        count,
        count,
        72,
        _ROUND_SLUGS,
        lambda own, round_id, index: _draw_round(
            draw,
            own,
            round_id,
            held[index],
            party_ids=party_ids,
            respondents=typing.cast(EvaluationPlan, plan).respondents,
            goals=goal_list,
            instruments=typing.cast(EvaluationPlan, plan).instruments,
            decision=own.choice(shape.last_decision if index == count - 1 else _ONGOING_DECISIONS),
            final=shape.ended and index == count - 1,
        ),
    )

    latest = held[count - 1] if count else start
    ends = dice.flag()
    if shape.ended:
        end_on: dt.date | None = dice.date(latest, _shift(latest, 365))
    else:
        end_day = dice.date(_shift(latest, 30), _shift(latest, 1500))
        end_on = end_day if ends else None
    responsibilities = {task: dice.choice(party_ids) for task in dice.sample(_MANAGEMENT_TASKS)}
    # the people inside the parties who hold some of them; one may hold several
    holders = {task: _read_id(dice, _HOLDER_SLUGS) for task in dice.sample(tuple(responsibilities))}

    return Collaboration(
        id=_read_id(dice, _COLLABORATION_SLUGS),
        title=_draw_text(draw, dice, 120),
        municipality_code=code,
        participants=parties,
        initiator=dice.maybe_choice(party_ids),
        purposes=tuple(dice.sample(_PURPOSES, 0, 3)),
        value_case=_draw_value_case(draw, dice) if dice.flag() else None,
        governance_mode=dice.choice(_GOVERNANCE_MODES),
        welfare_role=dice.choice(_WELFARE_ROLES),
        volunteer_model=model,
        responsibilities=responsibilities,
        responsibility_holders=holders,
        goals=goal_list,
        tasks=task_list,
        volunteers=volunteer_list,
        formalisation=dice.choice(_FORMALISATION_LEVELS),
        agreement=_draw_agreement_document(draw, dice, party_ids) if dice.flag() else None,
        forum=_draw_forum(draw, dice, party_ids) if dice.flag() else None,
        start_on=start,
        end_on=end_on,
        status=status,
        evaluation_plan=plan,
        rounds=rounds,
        description=_draw_maybe_text(draw, dice, 500),
    )


def collaborations(
    *,
    status: LifecycleStatus | None = None,
    min_parties: int = 2,
    max_parties: int = 5,
    children: bool | None = None,
    max_goals: int = 3,
    max_tasks: int = 3,
    max_volunteers: int = 4,
    max_rounds: int = 3,
    municipality_code: SearchStrategy[int] | None = None,
    start_on: SearchStrategy[dt.date] | None = None,
    actors: SearchStrategy[Actor] | None = None,
) -> SearchStrategy[Collaboration]:
    """A strategy for valid, realistic collaborations between a municipality and civil society.

    Each collaboration's first party is its municipality; by default the second
    comes from civil society (an association, a volunteer centre or council, or
    citizens) and the rest from any sector. Every id it names refers to one of
    its parties, volunteers or goals; volunteers engaged through an association
    name one that takes part; agreements, forums and plans name only parties;
    dates come in order; and rounds are held on the dates of the evaluation
    plan, taken from its recurrence rule.

    The data also fits the lifecycle status: the strategy builds what
    [`transition`][frivillig.transition] would have required on the way there.
    Exploring and agreeing collaborations have goals some parties have not yet
    agreed to; from active on, every goal is agreed by every party; an
    evaluating collaboration has a plan; a continued or adjusted one has a
    round whose decision says so; an ended one either ended before it became
    active or after a final round that decided to end.

    Args:
        status: The lifecycle status of every collaboration drawn; any status
            by default. To draw from some statuses, use
            ``st.sampled_from([...]).flatmap(lambda s: collaborations(status=s))``.
        min_parties: The fewest parties, the municipality included (at least 1).
        max_parties: The most parties.
        children: ``True`` for collaborations where volunteers work with
            children under 15 (at least one such task with a volunteer),
            ``False`` for none, ``None`` for either.
        max_goals: The most goals; a status from active on has at least one.
        max_tasks: The most tasks.
        max_volunteers: The most volunteers.
        max_rounds: The most evaluation rounds.
        municipality_code: A strategy for the municipality's code; any of the
            98 by default.
        start_on: A strategy for the start date; 2000-2040 by default. Draw
            dates before the year 9000, so that later dates fit the calendar.
        actors: A strategy for the actors of the parties other than the
            municipality; by default as described above.

    Raises:
        InvalidArgument: a bound is negative or below its minimum, a maximum
            is below its minimum, a strategy argument is not a strategy, or the
            arguments allow nothing: a status from active on with
            ``max_goals=0``, a continued or adjusted status with
            ``max_rounds=0``, or ``children=True`` with no task or volunteer.

    Examples shrink towards an exploring collaboration of the municipality and
    one association, with no goals, tasks or volunteers.
    """
    _check_member("status", status, LifecycleStatus)
    _check_bounds("parties", min_parties, max_parties, floor=1)
    for name, value in (
        ("goals", max_goals),
        ("tasks", max_tasks),
        ("volunteers", max_volunteers),
        ("rounds", max_rounds),
    ):
        _check_max(name, value)
    _check_flag("children", children)
    _check_strategy("municipality_code", municipality_code)
    _check_strategy("start_on", start_on)
    _check_strategy("actors", actors)
    if status is not None and status not in _feasible_statuses(max_goals, max_rounds):
        msg = (
            f"status={status.value!r} needs at least one goal (max_goals={max_goals}) and, "
            f"for continued or adjusted, a decided round (max_rounds={max_rounds})"
        )
        raise InvalidArgument(msg)
    if children and (max_tasks == 0 or max_volunteers == 0):
        msg = "children=True needs max_tasks >= 1 and max_volunteers >= 1"
        raise InvalidArgument(msg)
    return _collaborations(
        status=status,
        children=children,
        limits=_Limits(min_parties, max_parties, max_goals, max_tasks, max_volunteers, max_rounds),
        municipality_code=municipality_code,
        start_on=start_on,
        actor=actors,
    )


# -- policies and portfolios -----------------------------------------------------------------

_POLICY_TITLES = ("Frivillighedspolitik", "Civilsamfundsstrategi")
_POLICY_PROCESSES = tuple(PolicyProcess)


def _draw_policy(draw: DrawFn, dice: _Dice, code: int) -> VolunteerPolicy:
    adopted = dice.date(dt.date(1995, 1, 1), _LATEST_START)
    revised = dice.flag()
    revised_on = dice.date(adopted, _shift(adopted, 3650))
    title = _draw_text(draw, dice, 120) if dice.flag() else dice.choice(_POLICY_TITLES)
    process = dice.choice(_POLICY_PROCESSES)
    taken: set[str] = set()
    commitments = tuple(
        _fresh_text(_draw_text(draw, dice, 300), taken, 300) for _ in range(dice.integer(0, 4))
    )
    return VolunteerPolicy(
        municipality_code=code,
        title=title,
        adopted_on=adopted,
        revised_on=revised_on if revised else None,
        process=process,
        commitments=commitments,
        reference=_draw_maybe_text(draw, dice, 120),
    )


@st.composite
def _volunteer_policies(draw: DrawFn, municipality_code: SearchStrategy[int]) -> VolunteerPolicy:
    code = draw(municipality_code)
    return _draw_policy(draw, _Dice(draw, 16), code)


@functools.cache
def _all_volunteer_policies() -> SearchStrategy[VolunteerPolicy]:
    return _volunteer_policies(municipality_codes())


def volunteer_policies(
    *, municipality_code: SearchStrategy[int] | None = None
) -> SearchStrategy[VolunteerPolicy]:
    """A strategy for municipalities' volunteer policies (frivilligpolitikker).

    Each was adopted on a date, perhaps revised later, made in one of three
    ways, and has its commitments.

    Args:
        municipality_code: A strategy for the municipality whose policy it is;
            any of the 98 by default.

    Raises:
        InvalidArgument: ``municipality_code`` is not a strategy.
    """
    _check_strategy("municipality_code", municipality_code)
    if municipality_code is None:
        return _all_volunteer_policies()
    return _volunteer_policies(municipality_code)


@functools.cache
def _portfolio_members(code: int | None, min_size: int, max_size: int) -> SearchStrategy[Any]:
    """Small collaborations of the portfolio's municipality, or of any."""
    members = collaborations(
        municipality_code=None if code is None else st.just(code),
        max_parties=3,
        max_goals=2,
        max_tasks=2,
        max_volunteers=2,
        max_rounds=2,
    )
    return st.lists(members, min_size=min_size, max_size=max_size)


_PORTFOLIO_SLUGS = ("kbh-2026", "portefolje")


@st.composite
def _portfolios(
    draw: DrawFn,
    *,
    min_size: int,
    max_size: int,
    municipality_code: SearchStrategy[int | None],
    members: SearchStrategy[list[Collaboration]] | None,
) -> Portfolio:
    code = draw(municipality_code)
    drawn = draw(_portfolio_members(code, min_size, max_size) if members is None else members)
    dice = _Dice(draw, 24)
    taken: set[str] = set()
    unique = []
    for member in drawn:  # ids are made distinct after drawing
        fresh = _fresh(member.id, taken)
        unique.append(member if fresh == member.id else attrs.evolve(member, id=fresh))
    with_policy = dice.flag()
    return Portfolio(
        id=_read_id(dice, _PORTFOLIO_SLUGS),
        title=_draw_text(draw, dice, 120),
        municipality_code=code,
        policy=_draw_policy(draw, dice, code) if code is not None and with_policy else None,
        collaborations=tuple(unique),
        description=_draw_maybe_text(draw, dice, 500),
    )


def portfolios(
    *,
    min_size: int = 0,
    max_size: int = 3,
    municipality_code: SearchStrategy[int | None] | None = None,
    collaborations: SearchStrategy[Collaboration] | None = None,
) -> SearchStrategy[Portfolio]:
    """A strategy for portfolios: collaborations with distinct ids, looked at together.

    A portfolio that belongs to a municipality holds only that municipality's
    collaborations, and may carry its volunteer policy.

    Args:
        min_size: The fewest collaborations.
        max_size: The most collaborations. Each is a full collaboration, so
            large portfolios are slow to draw and may exceed what Hypothesis
            lets one example hold.
        municipality_code: A strategy for the portfolio's municipality code, or
            ``None`` for one that spans municipalities; by default either.
        collaborations: A strategy for the collaborations; by default small
            ones of the portfolio's municipality. Ids are made distinct after
            drawing.

    Raises:
        InvalidArgument: the bounds are negative or inconsistent, or a strategy
            argument is not a strategy.
    """
    _check_bounds("size", min_size, max_size)
    _check_strategy("municipality_code", municipality_code)
    _check_strategy("collaborations", collaborations)
    code: SearchStrategy[int | None] = (
        st.none() | municipality_codes() if municipality_code is None else municipality_code
    )
    return _portfolios(
        min_size=min_size,
        max_size=max_size,
        municipality_code=code,
        members=(
            None
            if collaborations is None
            else st.lists(collaborations, min_size=min_size, max_size=max_size)
        ),
    )


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


# -- instruments -----------------------------------------------------------------------------


@functools.cache
def _builtin_instruments() -> tuple[Instrument, ...]:
    return tuple(get_instrument(instrument_id) for instrument_id in instrument_ids())


def _draw_note(draw: DrawFn, dice: _Dice) -> Note:
    return Note(da=_draw_text(draw, dice, 300), en=_draw_text(draw, dice, 300))


@st.composite
def _notes(draw: DrawFn) -> Note:
    return _draw_note(draw, _Dice(draw, 2))


@functools.cache
def notes() -> SearchStrategy[Note]:
    """A strategy for short texts in Danish and English, as instruments and scores carry them."""
    return _notes()


def _draw_anchor(draw: DrawFn, dice: _Dice, value: int) -> Anchor:
    return Anchor(
        value=value, label_da=_draw_text(draw, dice, 60), label_en=_draw_text(draw, dice, 60)
    )


@st.composite
def _anchors(draw: DrawFn) -> Anchor:
    dice = _Dice(draw, 3)
    return _draw_anchor(draw, dice, dice.integer(-3, 10))


def anchors() -> SearchStrategy[Anchor]:
    """A strategy for the words that go with one point of a response scale."""
    return _anchors()


def _draw_scale(draw: DrawFn, dice: _Dice) -> Scale:
    minimum = dice.integer(-3, 1)
    maximum = minimum + dice.integer(1, 10)
    points = dice.sample(range(minimum, maximum + 1), 0, 5)
    fractional = dice.byte() >= 192  # one scale in four allows answers between the points
    return Scale(
        minimum=minimum,
        maximum=maximum,
        anchors=tuple(_draw_anchor(draw, dice, value) for value in sorted(points)),
        whole_numbers=not fractional,
    )


@st.composite
def _scales(draw: DrawFn) -> Scale:
    return _draw_scale(draw, _Dice(draw, 20))


def scales() -> SearchStrategy[Scale]:
    """A strategy for response scales: a minimum, a greater maximum and anchors on the scale."""
    return _scales()


def _draw_item(draw: DrawFn, dice: _Dice, item_id: str) -> Item:
    reverse = dice.byte() >= 192  # one item in four is scored in reverse
    return Item(
        id=item_id,
        text_da=_draw_text(draw, dice, 300),
        text_en=_draw_text(draw, dice, 300),
        reverse=reverse,
    )


@st.composite
def _items(draw: DrawFn) -> Item:
    dice = _Dice(draw, 4)
    return _draw_item(draw, dice, _read_id(dice, _ITEM_SLUGS))


def items() -> SearchStrategy[Item]:
    """A strategy for an instrument's items (statements), some scored in reverse."""
    return _items()


def _draw_category(draw: DrawFn, dice: _Dice, category_id: str) -> Category:
    return Category(
        id=category_id,
        label_da=_draw_text(draw, dice, 80),
        label_en=_draw_text(draw, dice, 80),
    )


@st.composite
def _categories(draw: DrawFn) -> Category:
    dice = _Dice(draw, 3)
    return _draw_category(draw, dice, _read_id(dice, _CATEGORY_SLUGS))


@functools.cache
def categories() -> SearchStrategy[Category]:
    """A strategy for the categories that group an instrument's factors."""
    return _categories()


def _draw_factor(
    draw: DrawFn, dice: _Dice, factor_id: str, category: str | None, item_ids: Sequence[str]
) -> Factor:
    return Factor(
        id=factor_id,
        label_da=_draw_text(draw, dice, 80),
        label_en=_draw_text(draw, dice, 80),
        category=category,
        items=tuple(_draw_item(draw, dice, item_id) for item_id in item_ids),
    )


@st.composite
def _factors(draw: DrawFn) -> Factor:
    dice = _Dice(draw, 24)
    factor_id = _read_id(dice, _FACTOR_SLUGS)
    grouped = dice.flag()
    category = _read_id(dice, _CATEGORY_SLUGS)
    item_ids = _read_new_ids(dice, _ITEM_SLUGS, dice.integer(1, 4))
    return _draw_factor(draw, dice, factor_id, category if grouped else None, item_ids)


def factors() -> SearchStrategy[Factor]:
    """A strategy for the factors an instrument measures, each with at least one item."""
    return _factors()


def _draw_band(draw: DrawFn, dice: _Dice, key: str, lower: float) -> Band:
    return Band(
        key=key,
        lower=lower,
        label_da=_draw_text(draw, dice, 60),
        label_en=_draw_text(draw, dice, 60),
        meaning_da=_draw_maybe_text(draw, dice, 300),
        meaning_en=_draw_maybe_text(draw, dice, 300),
    )


def _draw_bands(draw: DrawFn, dice: _Dice, low: float, high: float) -> tuple[Band, ...]:
    lowers = sorted({_draw_between(draw, low, high) for _ in range(dice.integer(0, 4))})
    keys = _read_new_ids(dice, _BAND_SLUGS, len(lowers))
    return tuple(
        _draw_band(draw, dice, key, lower) for key, lower in zip(keys, lowers, strict=True)
    )


@st.composite
def _bands(draw: DrawFn) -> Band:
    dice = _Dice(draw, 6)
    key = _read_id(dice, _BAND_SLUGS)
    return _draw_band(draw, dice, key, draw(_floats(-1e12, 1e12)))


def bands() -> SearchStrategy[Band]:
    """A strategy for interpretation bands: a key, a lower bound and what a score there means."""
    return _bands()


_AGGREGATIONS = tuple(Aggregation)
_MEASURES = tuple(InstrumentMeasure)  # the first, the collaboration, is simplest
_VERIFICATIONS = tuple(Verification)


def _draw_scoring_rule(draw: DrawFn, dice: _Dice) -> ScoringRule:
    aggregation = dice.choice(_AGGREGATIONS)
    overall = dice.flag()
    return ScoringRule(
        aggregation=aggregation,
        min_answered=draw(_shares()),
        overall=overall,
    )


@functools.cache
def _shares() -> SearchStrategy[float]:
    return st.floats(min_value=0.0, max_value=1.0, exclude_min=True)


@st.composite
def _scoring_rules(draw: DrawFn) -> ScoringRule:
    return _draw_scoring_rule(draw, _Dice(draw, 2))


@functools.cache
def scoring_rules() -> SearchStrategy[ScoringRule]:
    """A strategy for how answers become scores, and how many answers a score needs."""
    return _scoring_rules()


def _draw_provenance(draw: DrawFn, dice: _Dice) -> Provenance:
    grades = [dice.choice(_VERIFICATIONS) for _ in range(5)]
    return Provenance(
        factors=grades[0],
        items=grades[1],
        scale=grades[2],
        scoring=grades[3],
        bands=grades[4],
        notes=tuple(_draw_note(draw, dice) for _ in range(dice.integer(0, 2))),
    )


@st.composite
def _provenances(draw: DrawFn) -> Provenance:
    return _draw_provenance(draw, _Dice(draw, 12))


@functools.cache
def provenances() -> SearchStrategy[Provenance]:
    """A strategy for how well each aspect of an instrument is backed by its sources."""
    return _provenances()


@st.composite
def _made_instruments(draw: DrawFn) -> Instrument:
    dice = _Dice(draw, 160)
    scale = _draw_scale(draw, dice)
    category_ids = _read_new_ids(dice, _CATEGORY_SLUGS, dice.integer(0, 3))
    count = max(len(category_ids), dice.integer(1, 4))
    factor_ids = _read_new_ids(dice, _FACTOR_SLUGS, count)
    item_ids = _read_new_ids(dice, _ITEM_SLUGS, dice.integer(count, 3 * count))
    owners = list(range(count)) + [dice.index(count) for _ in item_ids[count:]]
    homes = [
        category_ids[index] if index < len(category_ids) else dice.choice(category_ids)
        for index in range(count)
        if category_ids
    ]
    return Instrument(
        id=_read_id(dice, _INSTRUMENT_SLUGS),
        name_da=_draw_text(draw, dice, 120),
        name_en=_draw_text(draw, dice, 120),
        edition=_draw_maybe_text(draw, dice, 60),
        citation=_draw_text(draw, dice, 300),
        licence=_draw_text(draw, dice, 300),
        description_da=_draw_maybe_text(draw, dice, 300),
        description_en=_draw_maybe_text(draw, dice, 300),
        scale=scale,
        categories=tuple(_draw_category(draw, dice, category_id) for category_id in category_ids),
        factors=tuple(
            _draw_factor(
                draw,
                dice,
                factor_id,
                homes[index] if homes else None,
                [item for item, owner in zip(item_ids, owners, strict=True) if owner == index],
            )
            for index, factor_id in enumerate(factor_ids)
        ),
        scoring=_draw_scoring_rule(draw, dice),
        bands=_draw_bands(draw, dice, float(scale.minimum), float(scale.maximum)),
        provenance=_draw_provenance(draw, dice),
        measures=dice.choice(_MEASURES),
    )


@functools.cache
def instruments() -> SearchStrategy[Instrument]:
    """A strategy for instruments: questionnaires as data.

    Draws are the built-in instruments and instruments made up here, each with
    a scale, factors (in categories or not) whose items have ids unique in the
    instrument, a scoring rule, bands in increasing order and a provenance.
    Examples shrink towards the first built-in instrument.
    """
    return st.sampled_from(_builtin_instruments()) | _made_instruments()


@st.composite
def _instrument_results(draw: DrawFn) -> InstrumentResult:
    instrument = draw(instruments())
    return score_instrument(instrument, _draw_answers(draw, _Dice(draw), instrument))


@functools.cache
def instrument_results() -> SearchStrategy[InstrumentResult]:
    """A strategy for one respondent's scored answers to an instrument.

    Each is what [`score_instrument`][frivillig.score_instrument] returns for
    some of an instrument's items answered on its scale.
    """
    return _instrument_results()


@st.composite
def _instrument_scores(draw: DrawFn) -> InstrumentScore:
    result = draw(instrument_results())
    found = (*result.factors, *result.categories, *filter(None, (result.overall,)))
    return _draw_choice(draw, found)


@functools.cache
def instrument_scores() -> SearchStrategy[InstrumentScore]:
    """A strategy for the score of one factor, one category or a whole instrument."""
    return _instrument_scores()


# -- rules, reports and settings --------------------------------------------------------------


def _example_collaboration() -> Collaboration:
    from ._jsonform.examples import load_example

    return load_example()


@functools.cache
def sources() -> SearchStrategy[Source]:
    """A strategy for the sources that justify a rule: law, guidance, practice, the talk."""
    return st.builds(
        Source,
        kind=_members(SourceKind),
        citation=_texts(200),
        evidence=_members(Evidence),
        note=_maybe_texts(300),
    )


@functools.cache
def rules() -> SearchStrategy[Rule]:
    """A strategy for the built-in rules, at their own severity or re-graded."""
    return st.tuples(st.sampled_from(BUILTIN_RULES), st.none() | _members(Severity)).map(
        lambda pair: pair[0] if pair[1] is None else attrs.evolve(pair[0], severity=pair[1])
    )


@functools.cache
def rule_examples() -> SearchStrategy[RuleExample]:
    """A strategy for the example collaborations the built-in rules ship with."""
    found = [
        example
        for rule in BUILTIN_RULES
        for example in (rule.failing_example, rule.passing_example)
        if example is not None
    ]
    return st.sampled_from(found)


@st.composite
def _formalisation_settings(draw: DrawFn) -> FormalisationSettings:
    short = draw(_ints(1, 365))
    return FormalisationSettings(
        short_days=short,
        long_days=short + draw(_ints(0, 3650)),
        many_parties=draw(_ints(2, 20)),
        partnership_drivers=draw(_ints(1, 4)),
        loose_step_penalty=draw(_floats(0.0, 100.0)),
        tight_step_penalty=draw(_floats(0.0, 100.0)),
    )


@functools.cache
def formalisation_settings() -> SearchStrategy[FormalisationSettings]:
    """A strategy for the thresholds behind the recommended formalisation level."""
    return st.just(FormalisationSettings()) | _formalisation_settings()


@functools.cache
def check_settings() -> SearchStrategy[CheckSettings]:
    """A strategy for the thresholds the rules use: the defaults, or others in their ranges."""
    return st.just(CheckSettings()) | st.builds(
        CheckSettings,
        child_certificate_before_start=st.frozensets(_members(Attachment)),
        child_certificate_backstop_months=_ints(0, 12),
        child_certificate_backstop_occasions=_ints(1, 10),
        child_certificate_backstop_continuous_days=_ints(0, 30),
        child_certificate_deadline_days=_ints(0, 60),
        child_certificate_renewal_months=_maybe_ints(1, 120),
        displacement_soft_signs=_ints(1, 2),
        first_evaluation_within_days=_ints(1, 730),
        evaluation_tolerance=evaluation_tolerances(),
        formalisation=formalisation_settings(),
        formalisation_too_loose_steps=_ints(1, 5),
        formalisation_too_tight_steps=_ints(1, 5),
        dependence_share=st.floats(min_value=0, max_value=1),
        min_key_persons=_ints(1, 5),
        benefit_free_hours_per_month=st.floats(min_value=0, max_value=744),
        benefit_free_hours_public=st.floats(min_value=0, max_value=744),
        weeks_per_month=st.floats(min_value=4, max_value=5),
        association_min_paying_members=_ints(0, 50),
        association_declaration_grace_days=_ints(0, 90),
    )


@st.composite
def _rulebooks(draw: DrawFn) -> Rulebook:
    codes = [rule.code for rule in DEFAULT_RULEBOOK.rules]
    return Rulebook(
        rules=DEFAULT_RULEBOOK.rules,
        disabled=frozenset(_draw_subset(draw, codes, max_size=4)),
        severities={
            code: draw(_members(Severity)) for code in _draw_subset(draw, codes, max_size=4)
        },
        settings=draw(check_settings()),
    )


@functools.cache
def rulebooks() -> SearchStrategy[Rulebook]:
    """A strategy for rulebooks: the built-in rules, some disabled or re-graded, with settings."""
    return st.just(DEFAULT_RULEBOOK) | _rulebooks()


@functools.cache
def _checked_collaborations() -> SearchStrategy[Collaboration]:
    return collaborations(max_parties=4, max_goals=2, max_tasks=2, max_volunteers=3, max_rounds=2)


def _draw_today(draw: DrawFn, collaboration: Collaboration) -> dt.date:
    """A day to judge the collaboration on: from its start to some years on."""
    return _draw_date(draw, collaboration.start_on, _shift(collaboration.start_on, 2000))


@st.composite
def _rule_contexts(draw: DrawFn) -> RuleContext:
    collaboration = draw(_checked_collaborations())
    return RuleContext(
        collaboration=collaboration,
        today=_draw_today(draw, collaboration),
        settings=draw(check_settings()),
    )


@functools.cache
def rule_contexts() -> SearchStrategy[RuleContext]:
    """A strategy for what a rule function is given: a collaboration, a day and the settings."""
    return _rule_contexts()


@functools.cache
def _example_hits() -> tuple[Hit, ...]:
    """What the built-in rules find in their own failing examples (one hit each at least)."""
    found: list[Hit] = []
    for rule in BUILTIN_RULES:
        example = rule.failing_example
        if example is not None:
            context = RuleContext(
                collaboration=example.build(), today=example.today, settings=CheckSettings()
            )
            found.extend(rule.check(context))
    return tuple(found)


@st.composite
def _hits(draw: DrawFn) -> Hit:
    context = draw(rule_contexts())
    rule = draw(st.sampled_from(BUILTIN_RULES))
    found = tuple(rule.check(context))
    return _draw_choice(draw, found or _example_hits())


@functools.cache
def hits() -> SearchStrategy[Hit]:
    """A strategy for what rule functions yield: the built-in rules' hits on collaborations.

    A rule that finds nothing in the drawn collaboration is replaced by a hit
    from the built-in rules' own failing examples, so every draw is a real hit.
    """
    return _hits()


@st.composite
def _reports(draw: DrawFn) -> Report:
    collaboration = draw(_checked_collaborations())
    return _check(collaboration, today=_draw_today(draw, collaboration), rulebook=draw(rulebooks()))


@functools.cache
def reports() -> SearchStrategy[Report]:
    """A strategy for rule reports: [`check`][frivillig.check] on drawn collaborations and days."""
    return _reports()


@functools.cache
def _example_findings() -> tuple[Finding, ...]:
    return tuple(
        finding
        for rule in BUILTIN_RULES
        if rule.failing_example is not None
        for finding in _check(rule.failing_example.build(), today=rule.failing_example.today)
    )


@st.composite
def _findings(draw: DrawFn) -> Finding:
    return _draw_choice(draw, draw(reports()).findings or _example_findings())


@functools.cache
def findings() -> SearchStrategy[Finding]:
    """A strategy for findings of the rule check, from reports on drawn collaborations.

    A report without findings is replaced by a finding on one of the built-in
    rules' failing examples, so every draw is a real finding.
    """
    return _findings()


@functools.cache
def load_limits() -> SearchStrategy[LoadLimits]:
    """A strategy for the limits the loader applies to one document."""
    return st.just(LoadLimits()) | st.builds(
        LoadLimits,
        max_bytes=_ints(1, 64 * 1024 * 1024),
        max_depth=_ints(1, 64),
        max_items=_ints(1, 100_000),
        max_string_length=_ints(1, 100_000),
        max_integer_digits=_ints(1, 4300),
        max_problems=_ints(1, 10_000),
    )


# -- scores ------------------------------------------------------------------------------------


@st.composite
def _score_settings(draw: DrawFn) -> ScoreSettings:
    keys = tuple(DEFAULT_HEALTH_WEIGHTS)
    weights = {key: draw(st.floats(min_value=0, max_value=10)) for key in _draw_subset(draw, keys)}
    if not any(weight > 0 for weight in weights.values()):
        weights[_draw_choice(draw, keys)] = 1.0  # at least one score must count
    own = draw(st.lists(_made_instruments(), max_size=1))
    return ScoreSettings(
        health_weights=typing.cast(Any, weights),  # the converter makes the FrozenMap
        motive_threshold=draw(_ints(1, 7)),
        formalisation=draw(formalisation_settings()),
        tolerance=draw(evaluation_tolerances()),
        late_credit=draw(st.floats(min_value=0, max_value=1)),
        instruments=typing.cast(Any, {instrument.id: instrument for instrument in own}),
    )


@functools.cache
def score_settings() -> SearchStrategy[ScoreSettings]:
    """A strategy for the settings of the scores: the defaults, or others in their ranges."""
    return st.just(ScoreSettings()) | _score_settings()


@st.composite
def _all_scores(draw: DrawFn) -> tuple[Score, ...]:
    collaboration = draw(_checked_collaborations())
    found = score_all(
        collaboration, today=_draw_today(draw, collaboration), settings=draw(score_settings())
    )
    return tuple(found.values())


@functools.cache
def scores() -> SearchStrategy[Score]:
    """A strategy for explainable scores of drawn collaborations, of every kind the library has."""
    return _all_scores().flatmap(st.sampled_from)


@functools.cache
def _example_score_parts() -> tuple[ScorePart, ...]:
    found = score_all(_example_collaboration(), today=_EXAMPLE_DAY)
    return tuple(part for score in found.values() for part in score.parts)


@st.composite
def _score_parts(draw: DrawFn) -> ScorePart:
    found = tuple(part for score in draw(_all_scores()) for part in score.parts)
    return _draw_choice(draw, found or _example_score_parts())


@functools.cache
def score_parts() -> SearchStrategy[ScorePart]:
    """A strategy for the parts scores are made of, with their weights and explanations."""
    return _score_parts()


@st.composite
def _recommendations(draw: DrawFn) -> FormalisationRecommendation:
    return recommend_formalisation(
        draw(_checked_collaborations()), settings=draw(formalisation_settings())
    )


@functools.cache
def formalisation_recommendations() -> SearchStrategy[FormalisationRecommendation]:
    """A strategy for the formalisation level recommended for drawn collaborations, with reasons."""
    return _recommendations()


# -- trends ---------------------------------------------------------------------------------------


@functools.cache
def _evaluated_collaborations() -> SearchStrategy[Collaboration]:
    return collaborations(
        status=S.CONTINUED, max_parties=4, max_goals=2, max_tasks=1, max_volunteers=1
    )


@functools.cache
def _example_trends() -> CollaborationTrends:
    return _trends_of(_example_collaboration())


@functools.cache
def collaboration_trends() -> SearchStrategy[CollaborationTrends]:
    """A strategy for the trends of drawn collaborations across their evaluation rounds."""
    return _evaluated_collaborations().map(_trends_of)


def _series_of(trends: CollaborationTrends) -> tuple[RoundSeries, ...]:
    return (trends.satisfaction, *trends.factors)


@st.composite
def _round_series(draw: DrawFn) -> RoundSeries:
    return _draw_choice(draw, _series_of(draw(collaboration_trends())))


@functools.cache
def round_series() -> SearchStrategy[RoundSeries]:
    """A strategy for one measure (satisfaction or an instrument factor) followed round by round."""
    return _round_series()


def _points_of(trends: CollaborationTrends) -> list[RoundPoint]:
    return [point for series in _series_of(trends) for point in series.points]


@st.composite
def _round_points(draw: DrawFn) -> RoundPoint:
    found = _points_of(draw(collaboration_trends())) or _points_of(_example_trends())
    return _draw_choice(draw, found)


@functools.cache
def round_points() -> SearchStrategy[RoundPoint]:
    """A strategy for one round's values of a measure, by party, with their spread.

    Drawn collaborations whose rounds report nothing are replaced by the
    shipped example's rounds, so every draw is a real point.
    """
    return _round_points()


@functools.cache
def spreads() -> SearchStrategy[Spread]:
    """A strategy for the spread of the parties' values in one round."""
    return round_points().map(operator.attrgetter("spread"))


@st.composite
def _dyadic_summaries(draw: DrawFn) -> DyadicSummary:
    collaboration = draw(_evaluated_collaborations())
    round_ = _draw_choice(draw, collaboration.rounds)
    return dyadic_summary(round_, min_difference=draw(_ints(1, 3)))


@functools.cache
def dyadic_summaries() -> SearchStrategy[DyadicSummary]:
    """A strategy for what the parties' dyadic ratings in one round add up to."""
    return _dyadic_summaries()


@st.composite
def _dyadic_pairs(draw: DrawFn) -> DyadicPair:
    found = draw(dyadic_summaries()).pairs or tuple(
        pair for summary in _example_trends().dyads for pair in summary.pairs
    )
    return _draw_choice(draw, found)


@functools.cache
def dyadic_pairs() -> SearchStrategy[DyadicPair]:
    """A strategy for two parties' ratings of each other in one round."""
    return _dyadic_pairs()


@functools.cache
def _evaluated_portfolios() -> SearchStrategy[Portfolio]:
    return portfolios(
        min_size=1,
        max_size=2,
        municipality_code=st.none(),
        collaborations=_evaluated_collaborations(),
    )


@st.composite
def _portfolio_trends(draw: DrawFn) -> PortfolioTrends:
    period = _draw_choice(draw, typing.get_args(Period))
    return _portfolio_trends_of(draw(_evaluated_portfolios()), period=period)


@functools.cache
def portfolio_trends() -> SearchStrategy[PortfolioTrends]:
    """A strategy for the trends of drawn portfolios, period by period."""
    return _portfolio_trends()


def _portfolio_series_of(trends: PortfolioTrends) -> tuple[PortfolioSeries, ...]:
    return (trends.satisfaction, *trends.factors)


@st.composite
def _portfolio_series(draw: DrawFn) -> PortfolioSeries:
    return _draw_choice(draw, _portfolio_series_of(draw(portfolio_trends())))


@functools.cache
def portfolio_series() -> SearchStrategy[PortfolioSeries]:
    """A strategy for one measure followed across a portfolio, period by period."""
    return _portfolio_series()


@functools.cache
def _example_period_points() -> tuple[PeriodPoint, ...]:
    example = _example_collaboration()
    portfolio = Portfolio(id="eksempel", title="Eksempel", collaborations=(example,))
    trends = _portfolio_trends_of(portfolio)
    return tuple(p for series in _portfolio_series_of(trends) for p in series.points)


@st.composite
def _period_points(draw: DrawFn) -> PeriodPoint:
    trends = draw(portfolio_trends())
    found = tuple(p for series in _portfolio_series_of(trends) for p in series.points)
    return _draw_choice(draw, found or _example_period_points())


@functools.cache
def period_points() -> SearchStrategy[PeriodPoint]:
    """A strategy for one period's values of a measure across a portfolio's collaborations."""
    return _period_points()


# -- evaluation schedules ---------------------------------------------------------------------


@functools.cache
def evaluation_tolerances() -> SearchStrategy[EvaluationTolerance]:
    """A strategy for how early and how late a round may be held and still count, in days."""
    return st.just(EvaluationTolerance()) | st.builds(
        EvaluationTolerance, early_days=_ints(0, 60), grace_days=_ints(0, 60)
    )


def _status_of(
    collaboration: Collaboration, today: dt.date, tolerance: EvaluationTolerance
) -> ScheduleStatus:
    plan = typing.cast(EvaluationPlan, collaboration.evaluation_plan)  # evaluated: it has one
    return evaluation_status(plan, collaboration.rounds, today=today, tolerance=tolerance)


@st.composite
def _schedule_statuses(draw: DrawFn) -> ScheduleStatus:
    collaboration = draw(_evaluated_collaborations())
    return _status_of(
        collaboration, _draw_today(draw, collaboration), draw(evaluation_tolerances())
    )


@functools.cache
def schedule_statuses() -> SearchStrategy[ScheduleStatus]:
    """A strategy for where drawn collaborations' evaluation cycles stand on a drawn day."""
    return _schedule_statuses()


@functools.cache
def _example_due_dates() -> tuple[DueDate, ...]:
    return _status_of(_example_collaboration(), _EXAMPLE_DAY, EvaluationTolerance()).due


@st.composite
def _due_dates(draw: DrawFn) -> DueDate:
    return _draw_choice(draw, draw(schedule_statuses()).due or _example_due_dates())


@functools.cache
def due_dates() -> SearchStrategy[DueDate]:
    """A strategy for one due date of an evaluation plan, with the round that covers it.

    A drawn schedule with no due date yet is replaced by the shipped example's,
    so every draw is a real due date.
    """
    return _due_dates()


# -- nearly valid documents ---------------------------------------------------------------


class DefectKind(LabelledEnum):
    """The kinds of defect a nearly valid document can have, one at a time."""

    WRONG_TYPE = ("wrong_type", "forkert type", "wrong type")
    MISSING_FIELD = ("missing_field", "manglende felt", "missing field")
    UNKNOWN_FIELD = ("unknown_field", "ukendt felt", "unknown field")
    BAD_ENUM_VALUE = ("bad_enum_value", "ugyldig valgmulighed", "value not among the choices")
    BAD_DATE = ("bad_date", "ugyldig dato", "invalid date")
    OUT_OF_RANGE = ("out_of_range", "tal uden for det tilladte", "number out of range")
    DANGLING_ID = ("dangling_id", "henvisning til noget, der ikke findes", "dangling id")
    DUPLICATE_ID = ("duplicate_id", "id brugt to gange", "id used twice")
    INVALID_MUNICIPALITY_CODE = (
        "invalid_municipality_code",
        "ugyldig kommunekode",
        "invalid municipality code",
    )
    INVALID_CVR = ("invalid_cvr", "ugyldigt CVR-nummer", "invalid CVR number")
    WRONG_SCHEMA_VERSION = ("wrong_schema_version", "forkert skemaversion", "wrong schema version")
    NOT_JSON = ("not_json", "ikke JSON", "not JSON")


class DefectiveDocument(NamedTuple):
    """A document with exactly one defect, and the problem the loader must report for it.

    Attributes:
        document: The document: a dict for [`from_dict`][frivillig.from_dict],
            or, for [`DefectKind.NOT_JSON`][frivillig.strategies.DefectKind], text
            for [`loads`][frivillig.loads].
        path: The JSON path of the defect, as the loader's problems write it.
        code: The problem code the loader reports for it.
        kind: The kind of defect.
    """

    document: dict[str, Any] | str
    path: str
    code: str
    kind: DefectKind

    @property
    def text(self) -> str:
        """The document as JSON text, for code that reads text rather than dicts."""
        if isinstance(self.document, str):
            return self.document
        return json.dumps(self.document, ensure_ascii=False)


Segment = str | int


@attrs.frozen
class _Site:
    """A place in a document: its path, the JSON container and key, and what the model holds."""

    path: tuple[Segment, ...]
    container: Any
    key: Segment
    value: Any
    value_type: Any
    owner: Any
    field: str | None
    role: str  # "field", "item", "map_value", "map_key" or "kind"


def _has_personal_fields(cls: type[Any]) -> bool:
    return attrs.has(cls) and any(map(is_personal, attrs.fields(cls)))


def _unwrap(tp: Any) -> Any:
    args = typing.get_args(tp)
    if type(None) in args and len(args) == 2:
        return next(arg for arg in args if arg is not type(None))
    return tp


def _walk(obj: Any, data: Any, path: tuple[Segment, ...]) -> Iterator[_Site]:
    """Yield every place in ``data``, the JSON form of the attrs object ``obj``."""
    if isinstance(obj, _ACTOR_TYPES):
        yield _Site((*path, "kind"), data, "kind", obj.kind, ActorKind, obj, "kind", "kind")
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        here = (*path, field.name)
        yield _Site(here, data, field.name, value, field.type, obj, field.name, "field")
        yield from _walk_value(value, data[field.name], here, field.type, obj, field.name)


def _walk_value(
    value: Any, data: Any, path: tuple[Segment, ...], tp: Any, owner: Any, name: str
) -> Iterator[_Site]:
    inner = _unwrap(tp)
    if attrs.has(type(value)):
        yield from _walk(value, data, path)
    elif isinstance(value, tuple):
        (item_type,) = typing.get_args(inner)[:1]
        for index, item in enumerate(value):
            yield _Site((*path, index), data, index, item, item_type, owner, name, "item")
            yield from _walk_value(item, data[index], (*path, index), item_type, owner, name)
    elif isinstance(value, FrozenMap):
        _, item_type = typing.get_args(inner)
        for key, item in value.items():
            json_key = key.value if isinstance(key, enum.Enum) else key
            yield _Site(
                (*path, json_key), data, json_key, item, item_type, owner, name, "map_value"
            )
            yield _Site((*path, json_key), data, json_key, key, str, owner, name, "map_key")


_ACTOR_TYPES = tuple(ACTOR_CLASSES.values())

_PARTY_REFERENCES = frozenset(
    {
        (Collaboration, "initiator"),
        (Collaboration, "responsibilities"),
        (Wish, "party"),
        (Agreement, "party"),
        (Task, "led_by"),
        (Volunteer, "association"),
        (ChildCertificateCheck, "checked_by"),
        (AgreementDocument, "parties"),
        (Forum, "agenda_set_by"),
        (EvaluationPlan, "respondents"),
        (Response, "party"),
        (DyadicRating, "rater"),
        (DyadicRating, "ratee"),
    }
)
_OTHER_REFERENCES = frozenset({(Task, "volunteers"), (Response, "goal_progress")})

_OUT_OF_RANGE = {
    "satisfaction": 6,
    "openness": 0,
    "equality": 6,
    "risk_willingness": 0,
    "budget_share_from_municipality": 1.5,
    "hours_per_week": 200.0,
    "hours_offered_per_week": 169.0,
    "meetings_per_year": 400,
    "paying_members": -1,
    "size": 0,
    "key_persons": -2,
    "birth_year": 1850,
    "child_certificate_declaration_year": 1999,
    "occasions_with_children": -1,
    "longest_continuous_days": -1,
    "motives": 8,
}
_BAD_MUNICIPALITY_CODES = ((411, "unknown"), (999, "unknown"), (1084, "range"), (0, "range"))
_UNKNOWN_FIELDS = ("titel", "startdato", "notes", "colour", "navn", "extra")


def _is_required(site: _Site) -> bool:
    if site.role != "field" or site.field is None:
        return False
    return attrs.fields_dict(type(site.owner))[site.field].default is attrs.NOTHING


def _is_municipality_code(site: _Site) -> bool:
    return site.field == "municipality_code" or (
        isinstance(site.owner, Municipality) and site.field == "code"
    )


def _is_reference(site: _Site) -> bool:
    key = (type(site.owner), site.field)
    if site.role == "map_key":
        return key in _OTHER_REFERENCES
    if site.role == "map_value":
        return key == (Collaboration, "responsibilities")
    if key not in _PARTY_REFERENCES and key not in _OTHER_REFERENCES:
        return False
    if isinstance(site.owner, Volunteer) and site.owner.engagement is Engagement.MUNICIPALITY:
        return False  # the volunteer's association must stay empty
    scalar = site.role == "field" and not isinstance(site.value, tuple | FrozenMap)
    return scalar or site.role == "item"


def _is_numeric(tp: Any) -> bool:
    return _unwrap(tp) in (int, float)


def _collections_with_ids(site: _Site) -> bool:
    return (
        site.role == "field"
        and isinstance(site.value, tuple)
        and len(site.value) > 1
        and all(attrs.has(type(item)) and hasattr(item, "id") for item in site.value)
    )


def _fresh_id(document: Any) -> str:
    """An id that appears nowhere in ``document``."""
    taken = set(_strings(document))
    return next(
        candidate
        for candidate in (f"ukendt-{n}" if n else "ukendt" for n in itertools.count())
        if candidate not in taken
    )


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


def _wrong_type(value: Any, value_type: Any) -> Any:
    """A JSON value of a type the model never accepts where ``value`` stands."""
    if value is None:  # an array, unless the field holds one when it is set
        return {} if typing.get_origin(_unwrap(value_type)) is tuple else []
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return value[0] if value and not isinstance(value[0], list) else {}
    return [value]


def _bad_choices(member: enum.Enum) -> list[str]:
    taken = {m.value for m in type(member)}
    candidates: list[str] = [str(member.value).upper(), f"{member.value}x"]
    if isinstance(member, LabelledEnum):
        candidates = [member.da, member.en, *candidates]
    return [c for c in dict.fromkeys(candidates) if c not in taken]


def _bad_dates(day: dt.date | None) -> list[str]:
    day = day or dt.date(2026, 1, 15)
    return [
        f"{day.year:04d}-02-30",
        day.strftime("%d-%m-%Y"),
        day.strftime("%Y/%m/%d"),
        day.isoformat() + "T09:00:00",
        f"{day.day}. {day.month}. {day.year}",
    ]


def _bad_cvrs(draw: DrawFn) -> list[tuple[str, str]]:
    valid = draw(cvr_numbers())
    wrong_check = valid[:7] + str((int(valid[7]) + 1) % 10)
    return [
        (wrong_check, "checksum"),
        (valid[:7], "length"),
        (valid + "1", "length"),
        ("DK" + valid, "format"),
        (f"{valid[:2]} {valid[2:4]} {valid[4:6]} {valid[6:]}", "format"),
        ("0" + valid[1:], "format"),
    ]


def _small_collaborations(
    *, min_parties: int = 1, partners: SearchStrategy[Actor] | None = None
) -> SearchStrategy[Collaboration]:
    return collaborations(
        min_parties=min_parties,
        max_parties=3,
        max_goals=2,
        max_tasks=2,
        max_volunteers=2,
        max_rounds=2,
        actors=partners,
    )


@functools.cache
def _documents_for(chosen: DefectKind) -> SearchStrategy[Document]:
    """Valid documents that surely have a place for a defect of the chosen kind."""
    if chosen is DefectKind.INVALID_CVR:  # each of these actors has a cvr field, set or null
        kinds = (ActorKind.VOLUNTARY_ORGANISATION, ActorKind.VOLUNTEER_CENTRE)
        partners = actors(kinds=(*kinds, ActorKind.PRIVATE_COMPANY))
        return _small_collaborations(min_parties=2, partners=partners)
    if chosen is DefectKind.DUPLICATE_ID:
        return _small_collaborations(min_parties=2) | portfolios(
            min_size=2, max_size=2, collaborations=_small_collaborations()
        )
    options: list[SearchStrategy[Any]] = [
        _small_collaborations(),
        portfolios(min_size=1, max_size=2, collaborations=_small_collaborations()),
    ]
    if chosen not in (DefectKind.DANGLING_ID, DefectKind.OUT_OF_RANGE):
        options.append(volunteer_policies())
    return st.one_of(options)


_DEFECT_KINDS = tuple(DefectKind)


@st.composite
def _defective_documents(
    draw: DrawFn, kind: DefectKind | None, documents: SearchStrategy[Document] | None
) -> DefectiveDocument:
    chosen = kind if kind is not None else _draw_choice(draw, _DEFECT_KINDS)
    source = draw(_documents_for(chosen) if documents is None else documents)
    document = to_dict(source)
    sites = list(_walk(source, document, ()))

    def pick(candidates: list[_Site]) -> _Site:
        assume(candidates)  # only a caller's own documents can lack a place for the defect
        return _draw_choice(draw, candidates)

    def found(path: tuple[Segment, ...], code: str) -> DefectiveDocument:
        return DefectiveDocument(document=document, path=render_path(path), code=code, kind=chosen)

    if chosen is DefectKind.NOT_JSON:
        text = json.dumps(document, ensure_ascii=False)
        how = _draw_choice(draw, ("truncated", "trailing_comma", "python", "empty"))
        if how == "truncated":
            text = text[: draw(st.integers(min_value=1, max_value=len(text) - 1))]
        elif how == "trailing_comma":
            text = text[:-1] + ",}"
        elif how == "python":
            text = repr(document)
        else:
            text = ""
        return DefectiveDocument(document=text, path="$", code="json", kind=chosen)
    if chosen is DefectKind.WRONG_SCHEMA_VERSION:
        replacement = _draw_choice(draw, (0, -1, SCHEMA_VERSION + 1, "1", 1.0, None, "missing"))
        if replacement == "missing":
            del document["schema_version"]
        else:
            document["schema_version"] = replacement
        return found(("schema_version",), "schema_version")
    if chosen is DefectKind.WRONG_TYPE:
        site = pick([s for s in sites if s.role not in ("kind", "map_key")])
        site.container[site.key] = _wrong_type(site.container[site.key], site.value_type)
        return found(site.path, "type")
    if chosen is DefectKind.MISSING_FIELD:
        site = pick([s for s in sites if s.role == "kind" or _is_required(s)])
        del site.container[site.key]
        return found(site.path, "missing")
    if chosen is DefectKind.UNKNOWN_FIELD:
        objects = [((), document, type(source))] + [
            (s.path, s.container[s.key], type(s.value))
            for s in sites
            if s.role in ("field", "item") and attrs.has(type(s.value))
        ]
        path, container, cls = _draw_choice(draw, objects)
        names = {field.name for field in attrs.fields(cls)} | {"kind", "schema_version", "type"}
        name = _draw_choice(draw, [c for c in _UNKNOWN_FIELDS if c not in names])
        container[name] = _draw_choice(draw, ("x", 1, True, None))
        # in an object with personal fields, or inside one, the loader hides the key
        held = {site.path: site.value for site in sites}
        around = [source, *(held[path[:end]] for end in range(1, len(path) + 1))]
        if any(_has_personal_fields(type(obj)) for obj in around):
            return DefectiveDocument(
                document=document,
                path=render_path(path) + "[<key hidden>]",
                code="unknown_field",
                kind=chosen,
            )
        return found((*path, name), "unknown_field")
    if chosen is DefectKind.BAD_ENUM_VALUE:
        site = pick([s for s in sites if s.role != "map_key" and isinstance(s.value, enum.Enum)])
        site.container[site.key] = _draw_choice(draw, _bad_choices(site.value))
        return found(site.path, "choice")
    if chosen is DefectKind.BAD_DATE:
        site = pick(
            [
                s
                for s in sites
                if s.role in ("field", "item")
                and (
                    isinstance(s.value, dt.date)
                    or (s.value is None and _unwrap(s.value_type) is dt.date)
                )
            ]
        )
        site.container[site.key] = _draw_choice(draw, _bad_dates(site.value))
        return found(site.path, "format")
    if chosen is DefectKind.OUT_OF_RANGE:
        site = pick(
            [
                s
                for s in sites
                if s.role in ("field", "map_value")
                and _is_numeric(s.value_type)
                and not _is_municipality_code(s)
            ]
        )
        generic: Any = 10**16 if _unwrap(site.value_type) is int else 1e16
        site.container[site.key] = _draw_choice(
            draw, [_OUT_OF_RANGE.get(str(site.field), generic), -generic]
        )
        return found(site.path, "range")
    if chosen is DefectKind.DANGLING_ID:
        site = pick([s for s in sites if _is_reference(s)])
        ghost = _fresh_id(document)
        if site.role == "map_key":
            items = list(site.container.items())
            site.container.clear()
            site.container.update((ghost if k == site.key else k, v) for k, v in items)
            return found((*site.path[:-1], ghost), "reference")
        site.container[site.key] = ghost
        return found(site.path, "reference")
    if chosen is DefectKind.DUPLICATE_ID:
        site = pick([s for s in sites if _collections_with_ids(s)])
        items = site.container[site.key]
        later = draw(st.integers(min_value=1, max_value=len(items) - 1))
        earlier = draw(st.integers(min_value=0, max_value=later - 1))
        items[later]["id"] = items[earlier]["id"]
        return found((*site.path, later, "id"), "duplicate")
    if chosen is DefectKind.INVALID_MUNICIPALITY_CODE:
        site = pick([s for s in sites if s.role == "field" and _is_municipality_code(s)])
        value, code = _draw_choice(draw, _BAD_MUNICIPALITY_CODES)
        site.container[site.key] = value
        return found(site.path, code)
    # DefectKind.INVALID_CVR
    site = pick([s for s in sites if s.role == "field" and s.field == "cvr"])
    number, code = _draw_choice(draw, _bad_cvrs(draw))
    site.container[site.key] = number
    return found(site.path, code)


def defective_documents(
    *,
    kind: DefectKind | None = None,
    documents: SearchStrategy[Document] | None = None,
) -> SearchStrategy[DefectiveDocument]:
    """A strategy for nearly valid documents, each with exactly one defect.

    Each is the JSON form of a valid collaboration, portfolio or volunteer
    policy with one defect, and comes with the problem the loader must report
    for it. Use it to test how a system handles documents it has to reject.

    The defect is one of the [`DefectKind`][frivillig.strategies.DefectKind]s:
    a value of the wrong JSON type (code ``"type"``), a required field left out
    (``"missing"``), a field the model does not have (``"unknown_field"``), a
    value not among an enumeration's choices (``"choice"``), a date not in the
    form ``YYYY-MM-DD`` or not in the calendar (``"format"``), a number out of
    its range (``"range"``), an id that refers to nothing in the collaboration
    (``"reference"``), an id used twice (``"duplicate"``), a municipality code
    none of the 98 has (``"unknown"``, or ``"range"`` when it is not three
    digits), a CVR number with a wrong check digit, length or form
    (``"checksum"``, ``"length"``, ``"format"``), a schema version that is
    missing or not one this release reads (``"schema_version"``), or text that
    is not JSON at all (``"json"``).

    Args:
        kind: The kind of defect; any kind by default.
        documents: A strategy for the valid documents to spoil; by default
            small collaborations, portfolios and policies, chosen so that each
            kind of defect has a place. With a strategy of your own, documents
            without a place for the defect (no CVR number, say) are rejected,
            which Hypothesis reports as a health-check failure if it happens
            too often.

    Raises:
        InvalidArgument: ``kind`` is not a DefectKind, or ``documents`` is not a
            strategy.
    """
    _check_member("kind", kind, DefectKind)
    _check_strategy("documents", documents)
    return _defective_documents(kind, documents)
