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

import datetime as dt
import enum
import functools
import itertools
import json
import operator
import string
import typing
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple, TypeVar
from zoneinfo import ZoneInfo

import attrs
from dateutil.rrule import rrulestr
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy

from ._actors import (
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
from ._checking import check as _check
from ._collaboration import (
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
from ._evaluation import Decision, DyadicRating, EvaluationPlan, EvaluationRound, Response
from ._formalisation import CollaborationLevel, FormalisationLevel
from ._frozenmap import FrozenMap
from ._goals import Agreement, Goal, GoalStatus, Indicator, Wish
from ._instruments import (
    Aggregation,
    Anchor,
    Band,
    Category,
    Factor,
    Instrument,
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
from ._labels import LabelledEnum
from ._municipalities import MunicipalityInfo, Region, RegionMembership, get_municipality
from ._municipalities import municipalities as _municipality_table
from ._participation import Participant, ParticipantRole, Readiness, Resource
from ._policy import PolicyProcess, VolunteerPolicy
from ._portfolio import Portfolio
from ._privacy import find_cpr_like
from ._rulebook import BUILTIN_RULES, DEFAULT_RULEBOOK
from ._rules import (
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
from ._scores import (
    DEFAULT_HEALTH_WEIGHTS,
    FormalisationRecommendation,
    FormalisationSettings,
    Score,
    ScorePart,
    ScoreSettings,
    recommend_formalisation,
    score_all,
)
from ._tasks import ReservedKind, Task, TaskKind
from ._trends import (
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
from ._trends import collaboration_trends as _trends_of
from ._trends import portfolio_trends as _portfolio_trends_of
from ._validators import is_identifier, render_path
from ._volunteers import (
    AgeBand,
    Attachment,
    ChildCertificateCheck,
    Engagement,
    Remuneration,
    Volunteer,
    VolunteerFunction,
)
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


# -- scalars ---------------------------------------------------------------------------
#
# Strategies are built once and cached: building a strategy inside every draw
# costs more than drawing from it. Helpers named ``_draw_*`` take the ``draw``
# function of the composite strategy that calls them and return a value.


def _clip(text: str, max_size: int) -> str:
    """Shorten ``text`` to ``max_size`` characters, keeping its first, visible one."""
    return text[:max_size].rstrip() or text[:1]


@functools.cache
def _flags() -> SearchStrategy[bool]:
    return st.booleans()


@functools.cache
def _texts(max_size: int) -> SearchStrategy[str]:
    """Non-empty text of at most ``max_size`` characters: Danish words or any letters."""
    words = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(
        lambda parts: _clip(" ".join(parts).capitalize(), max_size)
    )
    visible = st.characters(categories=("L", "N", "P", "S"))
    anything = st.builds(operator.add, visible, st.text(max_size=min(max_size, 24) - 1))
    return st.one_of(words, anything)


@functools.cache
def _maybe_texts(max_size: int) -> SearchStrategy[str | None]:
    return st.none() | _texts(max_size)


def _not_cpr_like(text: str) -> bool:
    return not find_cpr_like(text)


@functools.cache
def _ids(slugs: tuple[str, ...] = ()) -> SearchStrategy[str]:
    """Ids as the model accepts them; readable slugs first, then generated ones."""
    generated = st.builds(
        operator.add, st.sampled_from(_ID_START), st.text(_ID_REST, max_size=12)
    ).filter(_not_cpr_like)  # a volunteer id shaped like a CPR number is refused
    return st.sampled_from(slugs) | generated if slugs else generated


@functools.cache
def _id_lists(slugs: tuple[str, ...], min_size: int, max_size: int) -> SearchStrategy[list[str]]:
    return st.lists(_ids(slugs), min_size=min_size, max_size=max_size, unique=True)


@functools.cache
def _ints(low: int, high: int) -> SearchStrategy[int]:
    return st.integers(min_value=low, max_value=high)


@functools.cache
def _maybe_ints(low: int, high: int) -> SearchStrategy[int | None]:
    return st.none() | _ints(low, high)


@functools.cache
def _maybe_floats(low: float, high: float) -> SearchStrategy[float | None]:
    return st.none() | st.floats(min_value=low, max_value=high)


@functools.cache
def _members(cls: type[E]) -> SearchStrategy[E]:
    return st.sampled_from(cls)


@functools.cache
def _choices(items: tuple[T, ...]) -> SearchStrategy[T]:
    return st.sampled_from(items)


@functools.cache
def _index_lists(count: int, min_size: int, max_size: int) -> SearchStrategy[list[int]]:
    return st.lists(
        st.sampled_from(range(count)), min_size=min_size, max_size=max_size, unique=True
    )


@functools.cache
def _permutations(count: int) -> SearchStrategy[list[int]]:
    return st.permutations(range(count))


@functools.cache
def _offsets(span: int) -> SearchStrategy[int]:
    return st.integers(min_value=0, max_value=span)


def _draw_flag(draw: DrawFn) -> bool:
    return draw(_flags())


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


def _draw_permutation(draw: DrawFn, items: Sequence[T]) -> list[T]:
    return [items[index] for index in draw(_permutations(len(items)))] if items else []


def _shift(day: dt.date, days: int) -> dt.date:
    """Move ``day`` by ``days``, staying inside the calendar."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _draw_date(draw: DrawFn, low: dt.date, high: dt.date) -> dt.date:
    """A date from ``low`` to ``high``; examples shrink towards ``low``."""
    span = (high - low).days
    return low if span <= 0 else low + dt.timedelta(days=draw(_offsets(span)))


@functools.cache
def _dates() -> SearchStrategy[dt.date]:
    return st.dates(min_value=_EARLIEST, max_value=_LATEST_START)


@functools.cache
def municipality_codes() -> SearchStrategy[int]:
    """A strategy for the codes of Denmark's 98 municipalities (kommuner).

    Codes are numbers as Danmarks Statistik writes them (``101`` København ...
    ``860`` Hjørring). They come from the table frivillig ships, so every code
    drawn is one the library accepts; ``411`` (Christiansø) is never drawn.
    Examples shrink towards ``101``.
    """
    return st.sampled_from(tuple(sorted(info.code for info in _municipality_table())))


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


@functools.cache
def _maybe_cvrs() -> SearchStrategy[str | None]:
    return st.none() | cvr_numbers()


# -- actors ------------------------------------------------------------------------------


def _codes(municipality_code: SearchStrategy[int] | None) -> SearchStrategy[int]:
    return municipality_codes() if municipality_code is None else municipality_code


def _official_name(code: int) -> str:
    return f"{get_municipality(code).name} Kommune"


@st.composite
def _municipalities(draw: DrawFn, code: SearchStrategy[int]) -> Municipality:
    number = draw(code)
    return Municipality(
        name=_official_name(number) if _draw_flag(draw) else draw(_texts(80)),
        code=number,
        unit=draw(_maybe_units()),
    )


@functools.cache
def _maybe_units() -> SearchStrategy[str | None]:
    return st.none() | st.sampled_from(("Sundhed og Omsorg", "Børn og Unge")) | _texts(80)


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
    return _municipalities(_codes(code))


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
    return st.builds(
        PublicInstitution,
        name=st.builds(
            "{} {}".format,
            st.sampled_from(("Plejecenter", "Skole", "Bibliotek", "Bosted")),
            st.sampled_from(("Valmuen", "Solsikken", "Nord", "Øst")),
        )
        | _texts(120),
        municipality_code=_codes(municipality_code),
        institution_type=st.none() | st.sampled_from(_INSTITUTION_TYPES),
    )


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
    flag = st.none() | st.booleans()
    return st.builds(
        VoluntaryOrganisation,
        name=st.builds("{} i {}".format, _texts(60), st.sampled_from(("Valby", "Vejle", "Tønder")))
        | _texts(120),
        cvr=_maybe_cvrs(),
        cause=_maybe_texts(300),
        municipality_code=st.none() | _codes(municipality_code),
        paying_members=_maybe_ints(0, 10_000_000),
        has_statutes=flag,
        has_board=flag,
        democratic=flag,
        child_certificate_declaration_year=_maybe_ints(2005, 2200),
    )


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
    return st.builds(
        VolunteerCentre,
        name=st.builds("Frivilligcenter {}".format, _texts(60)),
        cvr=_maybe_cvrs(),
        municipality_code=st.none() | _codes(municipality_code),
    )


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
    return st.builds(
        VolunteerCouncil,
        name=st.builds("Frivilligrådet i {}".format, _texts(60)),
        municipality_code=st.none() | _codes(municipality_code),
    )


@functools.cache
def private_companies() -> SearchStrategy[PrivateCompany]:
    """A strategy for private companies taking part, as sponsors or as partners."""
    return st.builds(
        PrivateCompany,
        name=st.builds("{} ApS".format, _texts(60)) | _texts(120),
        cvr=_maybe_cvrs(),
    )


@functools.cache
def citizen_groups() -> SearchStrategy[CitizenGroup]:
    """A strategy for groups of citizens that take part as a party of their own.

    Examples are a residents' network or a council of relatives.
    """
    return st.builds(
        CitizenGroup,
        name=st.sampled_from(("Pårørenderådet", "Beboerne i Nordparken")) | _texts(120),
        size=_maybe_ints(1, 10_000_000),
    )


def _actor_strategy(kind: ActorKind, code: SearchStrategy[int] | None) -> SearchStrategy[Actor]:
    builders: dict[ActorKind, Callable[[], SearchStrategy[Any]]] = {
        ActorKind.MUNICIPALITY: lambda: municipalities(code=code),
        ActorKind.PUBLIC_INSTITUTION: lambda: public_institutions(municipality_code=code),
        ActorKind.VOLUNTARY_ORGANISATION: lambda: voluntary_organisations(municipality_code=code),
        ActorKind.VOLUNTEER_CENTRE: lambda: volunteer_centres(municipality_code=code),
        ActorKind.VOLUNTEER_COUNCIL: lambda: volunteer_councils(municipality_code=code),
        ActorKind.PRIVATE_COMPANY: private_companies,
        ActorKind.CITIZEN_GROUP: citizen_groups,
    }
    return typing.cast(SearchStrategy[Actor], builders[kind]())


@functools.cache
def _actors_of(kinds: tuple[ActorKind, ...]) -> SearchStrategy[Actor]:
    return st.one_of([_actor_strategy(kind, None) for kind in kinds])


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
    chosen = tuple(ActorKind) if kinds is None else tuple(kinds)
    if not chosen or not all(isinstance(kind, ActorKind) for kind in chosen):
        msg = f"kinds={kinds!r} must be a non-empty sequence of ActorKind members"
        raise InvalidArgument(msg)
    unique = tuple(dict.fromkeys(chosen))
    if municipality_code is None:
        return _actors_of(unique)
    return st.one_of([_actor_strategy(kind, municipality_code) for kind in unique])


def _localise(draw: DrawFn, actor: Actor, code: int) -> Actor:
    """Most local actors belong to the collaboration's own municipality."""
    local = (PublicInstitution, VoluntaryOrganisation, VolunteerCentre, VolunteerCouncil)
    if (
        isinstance(actor, local)
        and actor.municipality_code not in (None, code)
        and _draw_flag(draw)
    ):
        return attrs.evolve(actor, municipality_code=code)
    return actor


# -- participants ---------------------------------------------------------------------


@functools.cache
def readinesses() -> SearchStrategy[Readiness]:
    """A strategy for a party's own view of the three preconditions of co-creation.

    Openness, equality and willingness to take risks are each 1-5 or unknown.
    """
    likert = _maybe_ints(1, 5)
    return st.builds(Readiness, openness=likert, equality=likert, risk_willingness=likert)


@functools.cache
def _maybe_readinesses() -> SearchStrategy[Readiness | None]:
    return st.none() | readinesses()


def _draw_participant(draw: DrawFn, party_id: str, actor: Actor) -> Participant:
    dependent = actor.kind is not ActorKind.MUNICIPALITY
    return Participant(
        id=party_id,
        actor=actor,
        roles=tuple(_draw_subset(draw, _ROLES, max_size=3)),
        resources=tuple(_draw_subset(draw, _RESOURCES, max_size=4)),
        budget_share_from_municipality=draw(_maybe_floats(0.0, 1.0)) if dependent else None,
        key_persons=draw(_maybe_ints(0, 50)),
        readiness=draw(_maybe_readinesses()),
    )


@st.composite
def _participants(draw: DrawFn, actor: SearchStrategy[Actor]) -> Participant:
    return _draw_participant(draw, draw(_ids(_PARTY_SLUGS)), draw(actor))


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
    return _participants(actors() if actor is None else actor)


# -- goals --------------------------------------------------------------------------------


def _draw_party(draw: DrawFn, party_ids: tuple[str, ...] | None) -> str:
    return draw(_ids(_PARTY_SLUGS)) if party_ids is None else _draw_choice(draw, party_ids)


def _draw_party_ids(draw: DrawFn, party_ids: tuple[str, ...] | None) -> tuple[str, ...]:
    if party_ids is not None:
        return party_ids
    return tuple(draw(_id_lists(_PARTY_SLUGS, 1, 4)))


def _nonempty(name: str, ids: tuple[str, ...] | None, what: str) -> tuple[str, ...] | None:
    if ids == ():
        msg = f"{name} must name at least one party {what}"
        raise InvalidArgument(msg)
    return ids


@st.composite
def _wishes(draw: DrawFn, party_ids: tuple[str, ...] | None) -> Wish:
    return Wish(party=_draw_party(draw, party_ids), text=draw(_texts(300)))


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
    return Agreement(party=_draw_party(draw, party_ids), agreed_on=draw(_dates()))


def agreements(*, party_ids: Sequence[str] | None = None) -> SearchStrategy[Agreement]:
    """A strategy for one party's agreement to a goal, with its date.

    Args:
        party_ids: The ids the agreeing party is drawn from; any id by default.

    Raises:
        InvalidArgument: ``party_ids`` is empty or holds an invalid or repeated id.
    """
    ids = _check_ids("party_ids", party_ids)
    return _agreements(_nonempty("party_ids", ids, "that agrees"))


@functools.cache
def _indicator_values() -> SearchStrategy[float]:
    realistic = _ints(0, 1000).map(float)
    return realistic | st.floats(min_value=-1e15, max_value=1e15)


@st.composite
def _indicators(draw: DrawFn) -> Indicator:
    baseline = draw(st.none() | _indicator_values())
    target = draw(_indicator_values())
    if target == baseline:  # a target must differ from the baseline
        target = baseline + 1 if baseline < _MAX_INDICATOR - 1 else baseline - 1
    return Indicator(
        name=draw(_texts(120)),
        unit=draw(_choices(_UNITS) | _texts(20)),
        baseline=baseline,
        target=target,
    )


@functools.cache
def indicators() -> SearchStrategy[Indicator]:
    """A strategy for the indicators goals' progress is measured by.

    Each has a name, a unit, an optional baseline and a target that differs
    from the baseline.
    """
    return _indicators()


@functools.cache
def _maybe_indicators() -> SearchStrategy[Indicator | None]:
    return st.none() | indicators()


def _draw_goal(
    draw: DrawFn,
    goal_id: str,
    party_ids: tuple[str, ...],
    *,
    all_agree: bool,
    evaluated: bool,
    around: dt.date,
) -> Goal:
    """A goal; ``all_agree`` makes every party agree, ``evaluated`` allows outcomes."""
    wishing = _draw_subset(draw, party_ids)
    agreeing = _draw_permutation(draw, party_ids) if all_agree else _draw_subset(draw, party_ids)
    earliest = _shift(around, -_AGREEMENT_LEAD_DAYS)
    if all_agree:
        status = _draw_choice(draw, _OUTCOMES) if evaluated else GoalStatus.AGREED
    elif agreeing and set(agreeing) == set(party_ids):
        status = _draw_choice(draw, (GoalStatus.PROPOSED, GoalStatus.AGREED))
    else:
        status = GoalStatus.PROPOSED
    return Goal(
        id=goal_id,
        text=draw(_texts(300)),
        wishes=tuple(Wish(party=party, text=draw(_texts(200))) for party in wishing),
        indicator=draw(_maybe_indicators()),
        agreements=tuple(
            Agreement(party=party, agreed_on=_draw_date(draw, earliest, around))
            for party in agreeing
        ),
        status=status,
        note=draw(_maybe_texts(200)),
    )


@st.composite
def _goals(draw: DrawFn, party_ids: tuple[str, ...] | None) -> Goal:
    parties = _draw_party_ids(draw, party_ids)
    all_agree = _draw_flag(draw)
    return _draw_goal(
        draw,
        draw(_ids(_GOAL_SLUGS)),
        parties,
        all_agree=all_agree,
        evaluated=all_agree and _draw_flag(draw),
        around=draw(_dates()),
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


def _draw_task(
    draw: DrawFn,
    task_id: str,
    party_ids: tuple[str, ...] | None,
    volunteer_ids: tuple[str, ...],
    *,
    children: bool | None,
) -> Task:
    """A task; ``children=True`` means contact with children and at least one volunteer."""
    return Task(
        id=task_id,
        title=draw(_texts(120)),
        description=draw(_maybe_texts(500)),
        kind=draw(_members(TaskKind)),
        offers=tuple(_draw_subset(draw, _FUNCTIONS, max_size=3)),
        exercises_authority=_draw_flag(draw),
        reserved=tuple(_draw_subset(draw, _RESERVED, max_size=2)),
        children_contact=_draw_flag(draw) if children is None else children,
        confidential_data=_draw_flag(draw),
        core_staff_task=_draw_flag(draw),
        fixed_rota=_draw_flag(draw),
        directed_by_institution=_draw_flag(draw),
        replaces_cut_post=_draw_flag(draw),
        hours_per_week=draw(_maybe_floats(0.0, 168.0)),
        volunteers=tuple(
            _draw_subset(draw, volunteer_ids, min_size=1 if children else 0, max_size=4)
        ),
        led_by=(_draw_party(draw, party_ids) if party_ids != () and _draw_flag(draw) else None),
    )


@st.composite
def _tasks(
    draw: DrawFn,
    party_ids: tuple[str, ...] | None,
    volunteer_ids: tuple[str, ...] | None,
    children: bool | None,
) -> Task:
    pool = (
        tuple(draw(_id_lists(_VOLUNTEER_SLUGS, 1, 4))) if volunteer_ids is None else volunteer_ids
    )
    return _draw_task(draw, draw(_ids(_TASK_SLUGS)), party_ids, pool, children=children)


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
    return ChildCertificateCheck(
        checked_on=draw(_dates()), checked_by=_draw_party(draw, party_ids), clear=_draw_flag(draw)
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


def _draw_volunteer(
    draw: DrawFn,
    volunteer_id: str,
    *,
    engagement: Engagement,
    association_ids: tuple[str, ...],
    checker_ids: tuple[str, ...] | None,
    around: dt.date,
) -> Volunteer:
    """A volunteer engaged as given; one engaged through an association names it."""
    association = (
        _draw_choice(draw, association_ids)
        if engagement is Engagement.ASSOCIATION and association_ids
        else None
    )
    checkers = (association,) if association is not None else checker_ids
    started_on = (
        _draw_date(draw, _shift(around, -400), _shift(around, 800)) if _draw_flag(draw) else None
    )
    reference = started_on or around
    certificate = (
        ChildCertificateCheck(
            checked_on=_draw_date(draw, _shift(reference, -120), reference),
            checked_by=_draw_party(draw, checkers),
            clear=_draw_flag(draw),
        )
        if checkers != () and _draw_flag(draw)
        else None
    )
    age = _draw_choice(draw, ("none", "year", "band"))
    return Volunteer(
        id=volunteer_id,
        engagement=engagement,
        association=association,
        birth_year=draw(_ints(1920, 2012)) if age == "year" else None,
        age_band=draw(_members(AgeBand)) if age == "band" else None,
        motives={function: draw(_ints(1, 7)) for function in _draw_subset(draw, _FUNCTIONS)},
        wants_influence=_draw_flag(draw),
        hours_offered_per_week=draw(_maybe_floats(0.0, 168.0)),
        skills=tuple(_draw_subset(draw, _SKILLS, max_size=3)),
        authorisations=tuple(_draw_subset(draw, _AUTHORISATIONS)),
        attachment=draw(_members(Attachment)),
        started_on=started_on,
        occasions_with_children=draw(_maybe_ints(0, 500)),
        longest_continuous_days=draw(_maybe_ints(0, 60)),
        child_certificate=certificate,
        confidentiality_signed_on=(
            _draw_date(draw, _shift(reference, -60), reference) if _draw_flag(draw) else None
        ),
        remuneration=draw(_members(Remuneration)),
        on_unemployment_benefit=_draw_flag(draw),
        for_own_family=_draw_flag(draw),
    )


@st.composite
def _volunteers(draw: DrawFn, party_ids: tuple[str, ...] | None) -> Volunteer:
    return _draw_volunteer(
        draw,
        draw(_ids(_VOLUNTEER_SLUGS)),
        engagement=draw(_members(Engagement)),
        association_ids=_draw_party_ids(draw, party_ids),
        checker_ids=party_ids,
        around=draw(_dates()),
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


@functools.cache
def value_cases() -> SearchStrategy[ValueCase]:
    """A strategy for the value a collaboration has for institution, employees and citizens.

    Each of the three perspectives is stated or not.
    """
    return st.builds(
        ValueCase,
        institution=_maybe_texts(300),
        employees=_maybe_texts(300),
        citizens=_maybe_texts(300),
    )


def _draw_some_parties(draw: DrawFn, party_ids: tuple[str, ...] | None) -> tuple[str, ...]:
    if party_ids is None:
        return tuple(draw(_id_lists(_PARTY_SLUGS, 0, 4)))
    return tuple(_draw_subset(draw, party_ids))


@st.composite
def _agreement_documents(draw: DrawFn, party_ids: tuple[str, ...] | None) -> AgreementDocument:
    return AgreementDocument(
        title=draw(_choices(("Samarbejdsaftale", "Partnerskabsaftale")) | _texts(120)),
        signed_on=draw(_dates()) if _draw_flag(draw) else None,
        reference=draw(st.none() | _choices(("sag 2026-0042", "https://example.dk/aftale"))),
        parties=_draw_some_parties(draw, party_ids),
    )


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


@st.composite
def _forums(draw: DrawFn, party_ids: tuple[str, ...] | None) -> Forum:
    return Forum(
        name=draw(_choices(("Styregruppen", "Følgegruppen")) | _texts(120)),
        meetings_per_year=draw(_maybe_ints(0, 366)),
        agenda_set_by=_draw_some_parties(draw, party_ids),
    )


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


@st.composite
def _rrule_texts(draw: DrawFn) -> str:
    """RRULE text without DTSTART or BY-parts, so the first date is the first occurrence."""
    freq, low, high = _draw_choice(draw, (("MONTHLY", 1, 12), ("YEARLY", 1, 3), ("WEEKLY", 2, 52)))
    interval = draw(_ints(low, high))
    parts = [f"FREQ={freq}"]
    if interval != 1 or _draw_flag(draw):
        parts.append(f"INTERVAL={interval}")
    if _draw_flag(draw):
        parts.append(f"COUNT={draw(_ints(1, 12))}")
    prefix = "RRULE:" if _draw_flag(draw) else ""
    return prefix + ";".join(parts)


@functools.cache
def _rrules() -> SearchStrategy[str]:
    return _rrule_texts()


def _occurrences(plan: EvaluationPlan, limit: int) -> list[dt.date]:
    """The first ``limit`` dates of an evaluation plan, by dateutil's reading of its RRULE."""
    body = plan.rrule[6:] if plan.rrule.upper().startswith("RRULE:") else plan.rrule
    start = dt.datetime.combine(plan.first_date, dt.time(9), tzinfo=ZoneInfo(plan.timezone))
    rule = rrulestr(body, dtstart=start)
    return [moment.date() for moment in itertools.islice(iter(rule), limit)]


def _draw_plan(
    draw: DrawFn, party_ids: tuple[str, ...] | None, first_date: dt.date
) -> EvaluationPlan:
    if party_ids:
        everyone = _draw_flag(draw)
        respondents = (
            _draw_permutation(draw, party_ids) if everyone else _draw_subset(draw, party_ids)
        )
    else:
        respondents = list(_draw_some_parties(draw, party_ids))
    return EvaluationPlan(
        rrule=draw(_rrules()),
        first_date=first_date,
        instruments=tuple(_draw_subset(draw, instrument_ids(), max_size=2)),
        respondents=tuple(respondents),
        timezone=_draw_choice(draw, _TIMEZONES),
    )


@st.composite
def _evaluation_plans(draw: DrawFn, party_ids: tuple[str, ...] | None) -> EvaluationPlan:
    return _draw_plan(draw, party_ids, draw(_dates()))


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
def _progress(low: float, high: float) -> SearchStrategy[float]:
    return st.floats(min_value=low, max_value=high)


def _draw_progress(draw: DrawFn, goal: Goal) -> float:
    """A reported value of a goal's indicator, between its baseline and its target."""
    indicator = goal.indicator
    if indicator is None:
        return draw(_progress(-1e6, 1e6))
    start = indicator.baseline if indicator.baseline is not None else 0.0
    # + 0.0 turns -0.0 into 0.0: sorted() keeps (0.0, -0.0) as it is, which st.floats
    # refuses, and the cache would hand that strategy to the equal key (-0.0, 0.0).
    low, high = sorted((start + 0.0, indicator.target + 0.0))
    return draw(_progress(low, high))


def _draw_answers(draw: DrawFn, instrument: Instrument) -> dict[str, float | None]:
    """Answers to some of an instrument's items, on its scale; ``None`` for one left out."""
    scale = instrument.scale
    answers: dict[str, float | None] = {}
    for item in _draw_subset(draw, instrument.items, max_size=_MAX_ANSWERS):
        if _draw_flag(draw) and _draw_flag(draw):
            answers[item.id] = None
        elif scale.whole_numbers:
            answers[item.id] = float(draw(_ints(scale.minimum, scale.maximum)))
        else:
            answers[item.id] = draw(_progress(float(scale.minimum), float(scale.maximum)))
    return answers


def _draw_response(
    draw: DrawFn, party: str, goals: tuple[Goal, ...], instruments: tuple[str, ...] | None
) -> Response:
    progress = {goal.id: _draw_progress(draw, goal) for goal in _draw_subset(draw, goals)}
    choices = instrument_ids() if instruments is None else instruments
    instrument = _draw_choice(draw, choices) if choices and _draw_flag(draw) else None
    return Response(
        party=party,
        satisfaction=draw(_maybe_ints(1, 5)),
        goal_progress=progress,
        instrument=instrument,
        answers=_draw_answers(draw, get_instrument(instrument)) if instrument else {},
        comment=draw(_maybe_texts(300)),
    )


@st.composite
def _responses(
    draw: DrawFn, party_ids: tuple[str, ...] | None, goal_ids: tuple[str, ...]
) -> Response:
    stand_ins = tuple(Goal(id=goal_id, text="mål") for goal_id in goal_ids)
    return _draw_response(draw, _draw_party(draw, party_ids), stand_ins, None)


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


@st.composite
def _dyadic_ratings(draw: DrawFn, party_ids: tuple[str, ...] | None) -> DyadicRating:
    rater, ratee = (
        draw(_id_lists(_PARTY_SLUGS, 2, 2))
        if party_ids is None
        else _draw_choice(draw, _pairs(party_ids))
    )
    return DyadicRating(rater=rater, ratee=ratee, level=draw(_members(CollaborationLevel)))


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
    answering = _draw_subset(draw, respondents or party_ids)
    rated = _draw_subset(draw, _pairs(party_ids), max_size=_MAX_RATINGS)
    return EvaluationRound(
        id=round_id,
        held_on=held_on,
        responses=tuple(_draw_response(draw, party, goals, instruments) for party in answering),
        ratings=tuple(
            DyadicRating(rater=rater, ratee=ratee, level=draw(_members(CollaborationLevel)))
            for rater, ratee in rated
        ),
        decision=decision,
        final=final,
        summary=draw(_maybe_texts(500)),
    )


@st.composite
def _evaluation_rounds(
    draw: DrawFn, party_ids: tuple[str, ...] | None, goal_ids: tuple[str, ...]
) -> EvaluationRound:
    parties = _draw_party_ids(draw, party_ids)
    final = _draw_flag(draw)
    return _draw_round(
        draw,
        draw(_ids(_ROUND_SLUGS)),
        draw(_dates()),
        party_ids=parties,
        respondents=parties,
        goals=tuple(Goal(id=goal_id, text="mål") for goal_id in goal_ids),
        instruments=None,
        decision=Decision.END if final else _draw_choice(draw, (None, *Decision)),
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


def _draw_partners(
    draw: DrawFn, count: int, code: int, actor: SearchStrategy[Actor] | None
) -> list[Actor]:
    """The parties besides the municipality; by default the first is from civil society."""
    if count == 0:
        return []
    if actor is not None:
        return [draw(actor) for _ in range(count)]
    first = draw(_actors_of(_CIVIL_KINDS))
    rest = [draw(_actors_of(_PARTNER_KINDS)) for _ in range(count - 1)]
    return [_localise(draw, partner, code) for partner in (first, *rest)]


def _task_children(children: bool | None, index: int) -> bool | None:
    """Whether task ``index`` has contact with children: the first does when ``children``."""
    if children is None or not children:
        return children
    return True if index == 0 else None


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


@st.composite
def _collaborations(
    draw: DrawFn,
    *,
    status: LifecycleStatus | None,
    children: bool | None,
    limits: _Limits,
    municipality_code: SearchStrategy[int],
    start_on: SearchStrategy[dt.date],
    actor: SearchStrategy[Actor] | None,
) -> Collaboration:
    if status is None:
        status = _draw_choice(draw, _feasible_statuses(limits.max_goals, limits.max_rounds))
    may_have_rounds = limits.max_rounds > 0 and limits.max_goals > 0
    evaluated = status in (S.EVALUATING, S.CONTINUED, S.ADJUSTED) or (
        status in (S.ACTIVE, S.AGREEING_GOALS, S.ENDED) and may_have_rounds and _draw_flag(draw)
    )
    shape = _shape(status, evaluated, limits.max_rounds)

    code = draw(municipality_code)
    start = draw(start_on)
    if start >= _LATEST_SAFE:
        msg = f"start_on drew {start!r}; draw start dates before {_LATEST_SAFE.isoformat()}"
        raise InvalidArgument(msg)

    # the parties: the municipality first, then the others
    party_ids = tuple(draw(_id_lists(_PARTY_SLUGS, limits.min_parties, limits.max_parties)))
    home = Municipality(
        name=_official_name(code) if _draw_flag(draw) else draw(_texts(80)),
        code=code,
        unit=draw(_maybe_units()),
    )
    partners = _draw_partners(draw, len(party_ids) - 1, code, actor)
    parties = tuple(
        _draw_participant(draw, party_id, party_actor)
        for party_id, party_actor in zip(party_ids, (home, *partners), strict=True)
    )
    engaging = tuple(p.id for p in parties if p.actor.kind in _ENGAGING_KINDS)

    # goals, agreed by every party once the collaboration is (or has been) active
    goal_ids = draw(_id_lists(_GOAL_SLUGS, 1 if shape.all_agree else 0, limits.max_goals))
    goal_list = tuple(
        _draw_goal(
            draw,
            goal_id,
            party_ids,
            all_agree=shape.all_agree,
            evaluated=shape.min_rounds > 0,
            around=start,
        )
        for goal_id in goal_ids
    )

    # volunteers, engaged as the volunteer model says, and their tasks
    model = draw(_members(VolunteerModel)) if engaging else VolunteerModel.OWN_VOLUNTEERS
    needs = 1 if children else 0
    volunteer_ids = tuple(draw(_id_lists(_VOLUNTEER_SLUGS, needs, limits.max_volunteers)))
    volunteer_list = tuple(
        _draw_volunteer(
            draw,
            volunteer_id,
            engagement=_draw_choice(draw, _ENGAGEMENTS[model]),
            association_ids=engaging,
            checker_ids=(party_ids[0],),
            around=start,
        )
        for volunteer_id in volunteer_ids
    )
    task_ids = draw(_id_lists(_TASK_SLUGS, needs, limits.max_tasks))
    task_list = tuple(
        _draw_task(
            draw, task_id, party_ids, volunteer_ids, children=_task_children(children, index)
        )
        for index, task_id in enumerate(task_ids)
    )

    # the evaluation plan, and rounds held on its dates
    plan = (
        _draw_plan(draw, party_ids, _draw_date(draw, start, _shift(start, 400)))
        if shape.plan or _draw_flag(draw)
        else None
    )
    held = _occurrences(plan, shape.max_rounds) if plan is not None and shape.max_rounds else []
    count = draw(_ints(shape.min_rounds, len(held))) if held else 0
    round_ids = draw(_id_lists(_ROUND_SLUGS, count, count)) if count else []
    rounds = tuple(
        _draw_round(
            draw,
            round_id,
            held[index],
            party_ids=party_ids,
            respondents=plan.respondents if plan is not None else (),
            goals=goal_list,
            instruments=plan.instruments if plan is not None else (),
            decision=_draw_choice(
                draw, shape.last_decision if index == count - 1 else _ONGOING_DECISIONS
            ),
            final=shape.ended and index == count - 1,
        )
        for index, round_id in enumerate(round_ids)
    )

    latest = held[count - 1] if count else start
    if shape.ended:
        end_on: dt.date | None = _draw_date(draw, latest, _shift(latest, 365))
    else:
        planned = _draw_flag(draw)
        end_on = _draw_date(draw, _shift(latest, 30), _shift(latest, 1500)) if planned else None

    return Collaboration(
        id=draw(_ids(_COLLABORATION_SLUGS)),
        title=draw(_texts(120)),
        municipality_code=code,
        participants=parties,
        initiator=_draw_choice(draw, party_ids) if _draw_flag(draw) else None,
        purposes=tuple(_draw_subset(draw, _PURPOSES, max_size=3)),
        value_case=draw(st.none() | value_cases()),
        governance_mode=draw(_members(GovernanceMode)),
        welfare_role=draw(_members(WelfareRole)),
        volunteer_model=model,
        responsibilities={
            task: _draw_choice(draw, party_ids) for task in _draw_subset(draw, _MANAGEMENT_TASKS)
        },
        goals=goal_list,
        tasks=task_list,
        volunteers=volunteer_list,
        formalisation=draw(_members(FormalisationLevel)),
        agreement=draw(_agreement_documents(party_ids)) if _draw_flag(draw) else None,
        forum=draw(_forums(party_ids)) if _draw_flag(draw) else None,
        start_on=start,
        end_on=end_on,
        status=status,
        evaluation_plan=plan,
        rounds=rounds,
        description=draw(_maybe_texts(500)),
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
        municipality_code=_codes(municipality_code),
        start_on=_dates() if start_on is None else start_on,
        actor=actors,
    )


# -- policies and portfolios -----------------------------------------------------------------


@st.composite
def _volunteer_policies(draw: DrawFn, municipality_code: SearchStrategy[int]) -> VolunteerPolicy:
    adopted = _draw_date(draw, dt.date(1995, 1, 1), _LATEST_START)
    return VolunteerPolicy(
        municipality_code=draw(municipality_code),
        title=draw(_choices(("Frivillighedspolitik", "Civilsamfundsstrategi")) | _texts(120)),
        adopted_on=adopted,
        revised_on=_draw_date(draw, adopted, _shift(adopted, 3650)) if _draw_flag(draw) else None,
        process=draw(_members(PolicyProcess)),
        commitments=tuple(draw(st.lists(_texts(300), max_size=4, unique=True))),
        reference=draw(_maybe_texts(120)),
    )


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
    return _volunteer_policies(_codes(municipality_code))


@functools.cache
def _portfolio_members(code: int | None) -> SearchStrategy[Collaboration]:
    return collaborations(
        municipality_code=None if code is None else st.just(code),
        max_parties=3,
        max_goals=2,
        max_tasks=2,
        max_volunteers=2,
        max_rounds=2,
    )


@st.composite
def _portfolios(
    draw: DrawFn,
    *,
    min_size: int,
    max_size: int,
    municipality_code: SearchStrategy[int | None],
    collaborations_: SearchStrategy[Collaboration] | None,
) -> Portfolio:
    code = draw(municipality_code)
    members = _portfolio_members(code) if collaborations_ is None else collaborations_
    drawn = draw(st.lists(members, min_size=min_size, max_size=max_size))
    ids = draw(_id_lists(_COLLABORATION_SLUGS, len(drawn), len(drawn)))
    policy = (
        draw(_volunteer_policies(st.just(code))) if code is not None and _draw_flag(draw) else None
    )
    return Portfolio(
        id=draw(_ids(("kbh-2026", "portefolje"))),
        title=draw(_texts(120)),
        municipality_code=code,
        policy=policy,
        collaborations=tuple(
            member if member.id == new_id else attrs.evolve(member, id=new_id)
            for member, new_id in zip(drawn, ids, strict=True)
        ),
        description=draw(_maybe_texts(500)),
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
        collaborations_=collaborations,
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


@functools.cache
def notes() -> SearchStrategy[Note]:
    """A strategy for short texts in Danish and English, as instruments and scores carry them."""
    return st.builds(Note, da=_texts(300), en=_texts(300))


def _draw_anchor(draw: DrawFn, value: int) -> Anchor:
    return Anchor(value=value, label_da=draw(_texts(60)), label_en=draw(_texts(60)))


@st.composite
def _anchors(draw: DrawFn) -> Anchor:
    return _draw_anchor(draw, draw(_ints(-3, 10)))


def anchors() -> SearchStrategy[Anchor]:
    """A strategy for the words that go with one point of a response scale."""
    return _anchors()


def _draw_scale(draw: DrawFn) -> Scale:
    minimum = draw(_ints(-3, 1))
    maximum = minimum + draw(_ints(1, 10))
    points = _draw_subset(draw, range(minimum, maximum + 1), max_size=5)
    return Scale(
        minimum=minimum,
        maximum=maximum,
        anchors=tuple(_draw_anchor(draw, value) for value in sorted(points)),
        whole_numbers=not (_draw_flag(draw) and _draw_flag(draw)),
    )


@st.composite
def _scales(draw: DrawFn) -> Scale:
    return _draw_scale(draw)


def scales() -> SearchStrategy[Scale]:
    """A strategy for response scales: a minimum, a greater maximum and anchors on the scale."""
    return _scales()


def _draw_item(draw: DrawFn, item_id: str) -> Item:
    return Item(
        id=item_id,
        text_da=draw(_texts(300)),
        text_en=draw(_texts(300)),
        reverse=_draw_flag(draw) and _draw_flag(draw),
    )


@st.composite
def _items(draw: DrawFn) -> Item:
    return _draw_item(draw, draw(_ids(_ITEM_SLUGS)))


def items() -> SearchStrategy[Item]:
    """A strategy for an instrument's items (statements), some scored in reverse."""
    return _items()


@functools.cache
def categories() -> SearchStrategy[Category]:
    """A strategy for the categories that group an instrument's factors."""
    return st.builds(Category, id=_ids(_CATEGORY_SLUGS), label_da=_texts(80), label_en=_texts(80))


def _draw_factor(
    draw: DrawFn, factor_id: str, category: str | None, item_ids: Sequence[str]
) -> Factor:
    return Factor(
        id=factor_id,
        label_da=draw(_texts(80)),
        label_en=draw(_texts(80)),
        category=category,
        items=tuple(_draw_item(draw, item_id) for item_id in item_ids),
    )


@st.composite
def _factors(draw: DrawFn) -> Factor:
    return _draw_factor(
        draw,
        draw(_ids(_FACTOR_SLUGS)),
        draw(st.none() | _ids(_CATEGORY_SLUGS)),
        draw(_id_lists(_ITEM_SLUGS, 1, 4)),
    )


def factors() -> SearchStrategy[Factor]:
    """A strategy for the factors an instrument measures, each with at least one item."""
    return _factors()


def _draw_bands(draw: DrawFn, low: float, high: float) -> tuple[Band, ...]:
    lowers = sorted(set(draw(st.lists(_progress(low, high), max_size=4))))
    keys = draw(_id_lists(_BAND_SLUGS, len(lowers), len(lowers)))
    return tuple(
        Band(
            key=key,
            lower=lower,
            label_da=draw(_texts(60)),
            label_en=draw(_texts(60)),
            meaning_da=draw(_maybe_texts(300)),
            meaning_en=draw(_maybe_texts(300)),
        )
        for key, lower in zip(keys, lowers, strict=True)
    )


@st.composite
def _bands(draw: DrawFn) -> Band:
    return Band(
        key=draw(_ids(_BAND_SLUGS)),
        lower=draw(_progress(-1e12, 1e12)),
        label_da=draw(_texts(60)),
        label_en=draw(_texts(60)),
        meaning_da=draw(_maybe_texts(300)),
        meaning_en=draw(_maybe_texts(300)),
    )


def bands() -> SearchStrategy[Band]:
    """A strategy for interpretation bands: a key, a lower bound and what a score there means."""
    return _bands()


@functools.cache
def scoring_rules() -> SearchStrategy[ScoringRule]:
    """A strategy for how answers become scores, and how many answers a score needs."""
    return st.builds(
        ScoringRule,
        aggregation=_members(Aggregation),
        min_answered=st.floats(min_value=0.0, max_value=1.0, exclude_min=True),
        overall=st.booleans(),
    )


@functools.cache
def provenances() -> SearchStrategy[Provenance]:
    """A strategy for how well each aspect of an instrument is backed by its sources."""
    grade = _members(Verification)
    return st.builds(
        Provenance,
        factors=grade,
        items=grade,
        scale=grade,
        scoring=grade,
        bands=grade,
        notes=st.lists(notes(), max_size=2).map(tuple),
    )


@st.composite
def _made_instruments(draw: DrawFn) -> Instrument:
    scale = _draw_scale(draw)
    category_ids = draw(_id_lists(_CATEGORY_SLUGS, 0, 3))
    count = max(len(category_ids), draw(_ints(1, 4)))
    factor_ids = draw(_id_lists(_FACTOR_SLUGS, count, count))
    item_ids = draw(_id_lists(_ITEM_SLUGS, count, 3 * count))
    owners = list(range(count)) + [draw(_ints(0, count - 1)) for _ in item_ids[count:]]
    return Instrument(
        id=draw(_ids(_INSTRUMENT_SLUGS)),
        name_da=draw(_texts(120)),
        name_en=draw(_texts(120)),
        edition=draw(_maybe_texts(60)),
        citation=draw(_texts(300)),
        licence=draw(_texts(300)),
        description_da=draw(_maybe_texts(300)),
        description_en=draw(_maybe_texts(300)),
        scale=scale,
        categories=tuple(
            Category(id=category_id, label_da=draw(_texts(80)), label_en=draw(_texts(80)))
            for category_id in category_ids
        ),
        factors=tuple(
            _draw_factor(
                draw,
                factor_id,
                (
                    category_ids[index]
                    if index < len(category_ids)
                    else _draw_choice(draw, category_ids)
                )
                if category_ids
                else None,
                [item for item, owner in zip(item_ids, owners, strict=True) if owner == index],
            )
            for index, factor_id in enumerate(factor_ids)
        ),
        scoring=draw(scoring_rules()),
        bands=_draw_bands(draw, float(scale.minimum), float(scale.maximum)),
        provenance=draw(provenances()),
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
    return score_instrument(instrument, _draw_answers(draw, instrument))


@functools.cache
def instrument_results() -> SearchStrategy[InstrumentResult]:
    """A strategy for one respondent's scored answers to an instrument.

    Each is what [`score_instrument`][frivillig.score_instrument] returns for
    some of an instrument's items answered on its scale.
    """
    return _instrument_results()


@functools.cache
def instrument_scores() -> SearchStrategy[InstrumentScore]:
    """A strategy for the score of one factor, one category or a whole instrument."""
    return instrument_results().flatmap(
        lambda result: st.sampled_from(
            (*result.factors, *result.categories, *filter(None, (result.overall,)))
        )
    )


# -- rules, reports and settings --------------------------------------------------------------


def _example_collaboration() -> Collaboration:
    from ._examples import load_example

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
        loose_step_penalty=draw(_progress(0.0, 100.0)),
        tight_step_penalty=draw(_progress(0.0, 100.0)),
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


def _wrong_type(value: Any) -> Any:
    """A JSON value of a type the model never accepts where ``value`` stands."""
    if value is None:
        return []
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


def _documents_for(chosen: DefectKind) -> SearchStrategy[Document]:
    """Valid documents that surely have a place for a defect of the chosen kind."""
    if chosen is DefectKind.INVALID_CVR:  # each of these actors has a cvr field, set or null
        kinds = (ActorKind.VOLUNTARY_ORGANISATION, ActorKind.VOLUNTEER_CENTRE)
        return _small_collaborations(partners=actors(kinds=(*kinds, ActorKind.PRIVATE_COMPANY)))
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


@st.composite
def _defective_documents(
    draw: DrawFn, kind: DefectKind | None, documents: SearchStrategy[Document] | None
) -> DefectiveDocument:
    chosen = kind if kind is not None else draw(st.sampled_from(DefectKind))
    source = draw(_documents_for(chosen) if documents is None else documents)
    document = to_dict(source)
    sites = list(_walk(source, document, ()))

    def pick(candidates: list[_Site]) -> _Site:
        assume(candidates)  # only a caller's own documents can lack a place for the defect
        return draw(st.sampled_from(candidates))

    def found(path: tuple[Segment, ...], code: str) -> DefectiveDocument:
        return DefectiveDocument(document=document, path=render_path(path), code=code, kind=chosen)

    if chosen is DefectKind.NOT_JSON:
        text = json.dumps(document, ensure_ascii=False)
        how = draw(st.sampled_from(("truncated", "trailing_comma", "python", "empty")))
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
        replacement = draw(st.sampled_from((0, -1, SCHEMA_VERSION + 1, "1", 1.0, None, "missing")))
        if replacement == "missing":
            del document["schema_version"]
        else:
            document["schema_version"] = replacement
        return found(("schema_version",), "schema_version")
    if chosen is DefectKind.WRONG_TYPE:
        site = pick([s for s in sites if s.role not in ("kind", "map_key")])
        site.container[site.key] = _wrong_type(site.container[site.key])
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
        path, container, cls = draw(st.sampled_from(objects))
        names = {field.name for field in attrs.fields(cls)} | {"kind", "schema_version", "type"}
        name = draw(st.sampled_from([c for c in _UNKNOWN_FIELDS if c not in names]))
        container[name] = draw(st.sampled_from(("x", 1, True, None)))
        return found((*path, name), "unknown_field")
    if chosen is DefectKind.BAD_ENUM_VALUE:
        site = pick([s for s in sites if s.role != "map_key" and isinstance(s.value, enum.Enum)])
        site.container[site.key] = draw(st.sampled_from(_bad_choices(site.value)))
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
        site.container[site.key] = draw(st.sampled_from(_bad_dates(site.value)))
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
        site.container[site.key] = draw(
            st.sampled_from([_OUT_OF_RANGE.get(str(site.field), generic), -generic])
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
        value, code = draw(st.sampled_from(_BAD_MUNICIPALITY_CODES))
        site.container[site.key] = value
        return found(site.path, code)
    # DefectKind.INVALID_CVR
    site = pick([s for s in sites if s.role == "field" and s.field == "cvr"])
    number, code = draw(st.sampled_from(_bad_cvrs(draw)))
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
