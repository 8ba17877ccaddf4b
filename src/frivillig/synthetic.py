"""Synthetic collaborations and portfolios: seeded, realistic, and valid by construction.

Examples, documentation, tests and benchmarks need collaborations to work on,
and real ones hold personal data. This module makes them up. Everything is drawn
from the standard library's `random.Random` with a seed, so the same seed gives
the same collaborations on every machine and Python version, and nothing but the
core install is needed.

Two shapes are available:

``"varied"`` (the default)
    Collaborations of eleven kinds (visiting friends at a care home, homework
    cafés, sport in after-school care, shared meals, walking groups, mentors for
    the unemployed, nature care, a volunteer-run café, digital help, language
    friends, a youth club) across the municipalities asked for, at every stage
    of the lifecycle, with two to seven parties. Names of institutions and
    associations are made up from Danish parts ("Plejecenter Lindevang",
    "Besøgsvennerne i Kærholm"); municipalities are real, by their official
    code; CVR numbers carry a valid check digit. Quality varies on purpose: each
    collaboration may carry some of the [`Defect`][frivillig.synthetic.Defect]s
    listed below, so that the rule check and the scores have something to find.
``"benchmark"``
    Collaborations of fixed size for timing: 5 participants, 4 goals with an
    indicator and every party's agreement, and 8 evaluation rounds, each with
    one response that reports progress on the 4 goals and answers 20
    instrument items (``"q01"`` to ``"q20"``, values 1 to 5). No tasks, no
    volunteers, no defects. One such collaboration is about 8.6 KB as
    [`dumps`][frivillig.dumps] writes it, of which the rounds are half.

**Defects.** A defect is applied to a collaboration *where it can occur* (the
eligibility column) with the probability in
[`DEFECT_RATES`][frivillig.synthetic.DEFECT_RATES]; the draws are independent.
[`generate_case`][frivillig.synthetic.generate_case] and
[`iter_cases`][frivillig.synthetic.iter_cases] return which defects each
collaboration got, so a test can check that a rule finds exactly those. A
collaboration without a given defect is built so as not to show it (every
volunteer on a children's task has a clear child certificate checked before they
started, satisfaction never falls between rounds, the formalisation level is the
one [`recommend_formalisation`][frivillig.recommend_formalisation] gives or one
step above it, and so on). A collaboration with none of the defects passes the
built-in rule check with the default settings, as of the day it was drawn.

| defect | rate | eligible collaborations | in the default portfolio |
|---|---|---|---|
| `authority_task` | 0.06 | all | 20 |
| `reserved_task` | 0.08 | all | 21 |
| `displacement` | 0.07 | all | 22 |
| `child_certificate_missing` | 0.25 | a volunteer has started on a task with children | 23 |
| `confidentiality_missing` | 0.25 | a volunteer has a task with confidential data | 17 |
| `goal_not_agreed` | 0.12 | past agreeing goals (active, evaluating, continued, adjusted) | 27 |
| `no_evaluation_plan` | 0.08 | past agreeing goals | 18 |
| `evaluation_overdue` | 0.15 | past agreeing goals, with a plan | 41 |
| `economic_dependence_without_forum` | 0.10 | a civil-society party takes part | 35 |
| `falling_satisfaction` | 0.15 | at least three evaluation rounds | 31 |
| `responsibility_unassigned` | 0.08 | past agreeing goals | 15 |
| `no_purpose` | 0.05 | all | 20 |
| `single_key_person` | 0.10 | a civil-society party takes part | 26 |
| `influence_denied` | 0.10 | a volunteer works on hands tasks only | 23 |
| `hours_exceeded` | 0.08 | a volunteer has a task with hours | 27 |
| `allowance_from_municipality` | 0.15 | a volunteer is engaged directly by the municipality | 17 |
| `formalisation_misfit` | 0.12 | the recommended level is above an ad-hoc event | 30 |
| `ended_without_final` | 0.25 | ended | 12 |

The last column counts the collaborations with each defect in the default portfolio,
``generate_portfolio(seed=2026)`` (300 collaborations); 75 of them have none. The
test suite checks each rate against a larger sample.

Examples:
    >>> from frivillig import synthetic
    >>> portfolio = synthetic.generate_portfolio(seed=7, size=20)
    >>> len(portfolio.collaborations)
    20
    >>> portfolio == synthetic.generate_portfolio(seed=7, size=20)
    True
    >>> case = synthetic.generate_case(7, defect_rates={"no_purpose": 1.0})
    >>> synthetic.Defect.NO_PURPOSE in case.defects, case.collaboration.purposes
    (True, ())
"""

import datetime as dt
import functools
import json
import random
from collections.abc import Iterator, Mapping, Sequence
from importlib.resources import files
from types import MappingProxyType
from typing import Any, Literal, TypeVar, get_args

import attrs

from ._core.labels import LabelledEnum
from ._model.actors import (
    CitizenGroup,
    Municipality,
    PrivateCompany,
    PublicInstitution,
    VoluntaryOrganisation,
    VolunteerCentre,
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
from ._model.portfolio import Portfolio
from ._model.tasks import ReservedKind, Task, TaskKind, WorkCategory
from ._model.volunteers import (
    AgeBand,
    Attachment,
    ChildCertificateCheck,
    Engagement,
    Remuneration,
    Volunteer,
    VolunteerFunction,
)
from ._reference.municipalities import get_municipality
from ._scores.scores import recommend_formalisation
from .errors import Problem, ValidationError
from .identifiers import municipality_code_problem

__all__ = [
    "BENCHMARK_ANSWERS",
    "BENCHMARK_GOALS",
    "BENCHMARK_PARTICIPANTS",
    "BENCHMARK_ROUNDS",
    "DEFAULT_AS_OF",
    "DEFAULT_MUNICIPALITY_CODES",
    "DEFECT_RATES",
    "OVERDUE_DAYS",
    "Defect",
    "Shape",
    "SyntheticCollaboration",
    "generate_case",
    "generate_collaboration",
    "generate_portfolio",
    "iter_cases",
    "iter_collaborations",
]

Shape = Literal["varied", "benchmark"]
"""The shapes of synthetic collaboration: ``"varied"`` or ``"benchmark"``."""

DEFAULT_AS_OF = dt.date(2026, 10, 1)
"""The day a synthetic collaboration is drawn as of, unless another is given.

Start dates, evaluation rounds and overdue evaluations are placed relative to
it; nothing is dated after it except planned starts and due dates. Pass the same
date as ``today`` to the rule check and the scores."""

DEFAULT_MUNICIPALITY_CODES: tuple[int, ...] = (101, 147, 461, 561, 751, 851)
"""København, Frederiksberg, Odense, Esbjerg, Aarhus and Aalborg."""


class Defect(LabelledEnum):
    """A weakness the varied generator puts into a collaboration on purpose.

    Each corresponds to one of the limits a rule checks (or a sign a score
    reads); the module's table gives the rate and which collaborations can get it.
    """

    AUTHORITY_TASK = (
        "authority_task",
        "frivillige udøver myndighed",
        "volunteers exercise public authority",
    )
    RESERVED_TASK = (
        "reserved_task",
        "frivillige løser en opgave forbeholdt personalet",
        "volunteers do a task reserved for staff",
    )
    DISPLACEMENT = (
        "displacement",
        "frivillige fortrænger lønnet personale",
        "volunteers displace paid staff",
    )
    CHILD_CERTIFICATE_MISSING = (
        "child_certificate_missing",
        "børneattest mangler eller er indhentet for sent",
        "child certificate missing or checked too late",
    )
    CONFIDENTIALITY_MISSING = (
        "confidentiality_missing",
        "tavshedserklæring mangler",
        "no confidentiality undertaking",
    )
    GOAL_NOT_AGREED = (
        "goal_not_agreed",
        "et mål er ikke aftalt med alle parter",
        "a goal is not agreed by every party",
    )
    NO_EVALUATION_PLAN = (
        "no_evaluation_plan",
        "ingen evalueringsplan",
        "no evaluation plan",
    )
    EVALUATION_OVERDUE = (
        "evaluation_overdue",
        "en evaluering er overskredet",
        "an evaluation is overdue",
    )
    ECONOMIC_DEPENDENCE_WITHOUT_FORUM = (
        "economic_dependence_without_forum",
        "stor økonomisk afhængighed og intet fælles forum",
        "high economic dependence and no shared forum",
    )
    FALLING_SATISFACTION = (
        "falling_satisfaction",
        "faldende tilfredshed",
        "falling satisfaction",
    )
    RESPONSIBILITY_UNASSIGNED = (
        "responsibility_unassigned",
        "et frivilligledelsesansvar er ikke placeret",
        "a volunteer-management responsibility is held by nobody",
    )
    NO_PURPOSE = ("no_purpose", "intet formål", "no stated purpose")
    SINGLE_KEY_PERSON = (
        "single_key_person",
        "afhængig af én ildsjæl",
        "depends on a single key person",
    )
    INFLUENCE_DENIED = (
        "influence_denied",
        "en frivillig, der vil have indflydelse, får kun praktiske opgaver",
        "a volunteer who wants influence gets only hands tasks",
    )
    HOURS_EXCEEDED = (
        "hours_exceeded",
        "en frivillig bedes om flere timer end tilbudt",
        "a volunteer is asked for more hours than offered",
    )
    ALLOWANCE_FROM_MUNICIPALITY = (
        "allowance_from_municipality",
        "skattefri godtgørelse til en frivillig ansat direkte af kommunen",
        "tax-free allowance to a volunteer engaged directly by the municipality",
    )
    FORMALISATION_MISFIT = (
        "formalisation_misfit",
        "formaliseringen er for løs til samarbejdets risici",
        "formalisation too loose for the collaboration's risks",
    )
    ENDED_WITHOUT_FINAL = (
        "ended_without_final",
        "afsluttet uden slutevaluering",
        "ended without a final evaluation",
    )


D = Defect

DEFECT_RATES: Mapping[Defect, float] = MappingProxyType(
    {
        D.AUTHORITY_TASK: 0.06,
        D.RESERVED_TASK: 0.08,
        D.DISPLACEMENT: 0.07,
        D.CHILD_CERTIFICATE_MISSING: 0.25,
        D.CONFIDENTIALITY_MISSING: 0.25,
        D.GOAL_NOT_AGREED: 0.12,
        D.NO_EVALUATION_PLAN: 0.08,
        D.EVALUATION_OVERDUE: 0.15,
        D.ECONOMIC_DEPENDENCE_WITHOUT_FORUM: 0.10,
        D.FALLING_SATISFACTION: 0.15,
        D.RESPONSIBILITY_UNASSIGNED: 0.08,
        D.NO_PURPOSE: 0.05,
        D.SINGLE_KEY_PERSON: 0.10,
        D.INFLUENCE_DENIED: 0.10,
        D.HOURS_EXCEEDED: 0.08,
        D.ALLOWANCE_FROM_MUNICIPALITY: 0.15,
        D.FORMALISATION_MISFIT: 0.12,
        D.ENDED_WITHOUT_FINAL: 0.25,
    }
)
"""The probability of each defect in a collaboration eligible for it (see the module)."""

OVERDUE_DAYS = 30
"""How many days past a due date an ``evaluation_overdue`` collaboration at least is,
with no round held since."""


@attrs.frozen(kw_only=True)
class SyntheticCollaboration:
    """A generated collaboration and the defects put into it on purpose.

    Attributes:
        collaboration: The collaboration, valid like any loaded one.
        defects: The defects it was given; empty for a collaboration built to
            show none of them.
    """

    collaboration: Collaboration
    defects: frozenset[Defect] = frozenset()


# -- the material: themes, names, texts ------------------------------------------------
# The Danish names and texts are data, in ``data/synthetic.json``; the generator below
# draws from them. A theme is one kind of collaboration, with its institution, association,
# tasks and goals; ``{place}`` and ``{institution}`` in its texts are filled in per draw.


@attrs.frozen
class _TaskTemplate:
    id: str
    title: str
    kind: TaskKind
    offers: tuple[VolunteerFunction, ...]
    hours: tuple[float, float]
    children: bool = False
    confidential: bool = False
    led_by_association: bool = True
    work_category: WorkCategory | None = None


@attrs.frozen
class _GoalTemplate:
    id: str
    text: str
    indicator: str
    unit: str
    baseline: tuple[int, int] | None
    target: tuple[int, int]


@attrs.frozen
class _Theme:
    key: str
    title: str
    institution_id: str
    institution_name: str
    institution_type: str
    association: str
    cause: str
    unit: str
    tasks: tuple[_TaskTemplate, ...]
    goals: tuple[_GoalTemplate, ...]
    value_case: tuple[str, str, str]
    purposes: tuple[Purpose, ...]
    roles: tuple[WelfareRole, ...]
    description: str

    def institution(self, place: str) -> str:
        return self.institution_name.format(place=place)

    def collaboration_title(self, place: str) -> str:
        return self.title.format(institution=self.institution(place), place=place)


@attrs.frozen
class _Material:
    themes: tuple[_Theme, ...]
    places: tuple[str, ...]
    company_suffixes: tuple[str, ...]
    citizen_groups: tuple[str, ...]
    forums: tuple[str, ...]
    wishes: Mapping[str, tuple[str, ...]]
    """What each kind of party wishes, by party id; ``"institution"`` for the host."""
    authority_tasks: tuple[str, ...]
    reserved_tasks: tuple[tuple[str, ReservedKind], ...]
    displacement_tasks: tuple[str, ...]
    summaries: tuple[str, ...]
    comments: tuple[str, ...]


_Member = TypeVar("_Member", bound=LabelledEnum)


def _member(cls: type[_Member], value: str) -> _Member:
    return next(member for member in cls if member.value == value)


def _pair(values: Sequence[int]) -> tuple[int, int]:
    low, high = values
    return low, high


def _task_template(entry: dict[str, Any]) -> _TaskTemplate:
    low, high = entry["hours"]
    return _TaskTemplate(
        id=entry["id"],
        title=entry["title"],
        kind=_member(TaskKind, entry["kind"]),
        offers=tuple(_member(VolunteerFunction, value) for value in entry["offers"]),
        hours=(float(low), float(high)),
        children=entry.get("children", False),
        confidential=entry.get("confidential", False),
        led_by_association=entry.get("led_by_association", True),
        work_category=(
            _member(WorkCategory, entry["work_category"]) if "work_category" in entry else None
        ),
    )


def _goal_template(entry: dict[str, Any]) -> _GoalTemplate:
    baseline = entry["baseline"]
    return _GoalTemplate(
        id=entry["id"],
        text=entry["text"],
        indicator=entry["indicator"],
        unit=entry["unit"],
        baseline=None if baseline is None else _pair(baseline),
        target=_pair(entry["target"]),
    )


def _theme(entry: dict[str, Any]) -> _Theme:
    value = entry["value_case"]
    return _Theme(
        key=entry["key"],
        title=entry["title"],
        institution_id=entry["institution_id"],
        institution_name=entry["institution_name"],
        institution_type=entry["institution_type"],
        association=entry["association"],
        cause=entry["cause"],
        unit=entry["unit"],
        tasks=tuple(_task_template(task) for task in entry["tasks"]),
        goals=tuple(_goal_template(goal) for goal in entry["goals"]),
        value_case=(value["institution"], value["employees"], value["citizens"]),
        purposes=tuple(_member(Purpose, purpose) for purpose in entry["purposes"]),
        roles=tuple(_member(WelfareRole, role) for role in entry["roles"]),
        description=entry["description"],
    )


@functools.cache
def _material() -> _Material:
    """Read the packaged material, once per process."""
    resource = files("frivillig") / "data" / "synthetic.json"
    raw: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return _Material(
        themes=tuple(_theme(theme) for theme in raw["themes"]),
        places=tuple(raw["places"]),
        company_suffixes=tuple(raw["company_suffixes"]),
        citizen_groups=tuple(raw["citizen_groups"]),
        forums=tuple(raw["forums"]),
        wishes=MappingProxyType({party: tuple(texts) for party, texts in raw["wishes"].items()}),
        authority_tasks=tuple(raw["authority_tasks"]),
        reserved_tasks=tuple(
            (task["title"], _member(ReservedKind, task["reserved"]))
            for task in raw["reserved_tasks"]
        ),
        displacement_tasks=tuple(raw["displacement_tasks"]),
        summaries=tuple(raw["summaries"]),
        comments=tuple(raw["comments"]),
    )


_RRULES: tuple[tuple[str, int], ...] = (
    ("FREQ=MONTHLY;INTERVAL=3", 3),
    ("FREQ=MONTHLY;INTERVAL=6", 6),
    ("FREQ=YEARLY", 12),
)
_RRULE_WEIGHTS = (35, 45, 20)
_BAROMETER = "barometer"
_BAROMETER_ITEMS = tuple(f"b{n:02d}" for n in range(1, 11))
_BENCHMARK_INSTRUMENT = "benchmark-20"
_BENCHMARK_ITEMS = tuple(f"q{n:02d}" for n in range(1, 21))
_AGE_BANDS = (AgeBand.FROM_18_TO_29, AgeBand.FROM_30_TO_49, AgeBand.FROM_50_TO_66, AgeBand.FROM_67)
_AGE_WEIGHTS = (15, 25, 30, 30)
_CHILD_AGE_WEIGHTS = (25, 40, 25, 10)
_RATING_LEVELS = tuple(CollaborationLevel)


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


# -- the varied generator ---------------------------------------------------------------


@attrs.define
class _Draft:
    """The defects of one collaboration while it is drawn."""

    rng: random.Random
    rates: dict[Defect, float]
    defects: set[Defect] = attrs.Factory(set)

    def draw(self, defect: Defect) -> bool:
        return self.rng.random() < self.rates[defect]

    def roll(self, defect: Defect) -> bool:
        hit = self.draw(defect)
        if hit:
            self.defects.add(defect)
        return hit


@attrs.define
class _TaskDraft:
    """A task while it is drawn: a task's fields, with a list of volunteers that grows."""

    id: str
    title: str
    kind: TaskKind
    hours_per_week: float
    led_by: str
    offers: tuple[VolunteerFunction, ...] = ()
    exercises_authority: bool = False
    reserved: tuple[ReservedKind, ...] = ()
    children_contact: bool = False
    confidential_data: bool = False
    core_staff_task: bool = False
    fixed_rota: bool = False
    directed_by_institution: bool = False
    replaces_cut_post: bool = False
    work_category: WorkCategory | None = None
    volunteers: list[str] = attrs.Factory(list)

    def build(self) -> Task:
        return Task(**{**attrs.asdict(self, recurse=False), "volunteers": tuple(self.volunteers)})


@attrs.define
class _VolunteerDraft:
    id: str
    engagement: Engagement
    tasks: list[_TaskDraft]
    started_on: dt.date | None
    age_band: AgeBand
    wants_influence: bool = False
    hours_offered: float = 0.0
    certificate: ChildCertificateCheck | None = None
    confidentiality: dt.date | None = None
    remuneration: Remuneration = Remuneration.NONE

    @property
    def asked_hours(self) -> float:
        return sum(task.hours_per_week for task in self.tasks)

    def works_with_children(self) -> bool:
        return any(task.children_contact for task in self.tasks)

    def handles_data(self) -> bool:
        return any(task.confidential_data for task in self.tasks)

    def hands_only(self) -> bool:
        return all(task.kind is TaskKind.HANDS for task in self.tasks)

    @property
    def checker(self) -> str:
        """The party that checks the volunteer's child certificate: whoever engages them."""
        return "forening" if self.engagement is Engagement.ASSOCIATION else "kommune"

    def build(self, rng: random.Random, as_of: dt.date) -> Volunteer:
        functions = list(dict.fromkeys(f for task in self.tasks for f in task.offers))[:2]
        extra = rng.choice(_FUNCTIONS)
        if extra not in functions:
            functions.append(extra)
        children = self.works_with_children()
        days = 0 if self.started_on is None else (as_of - self.started_on).days
        return Volunteer(
            id=self.id,
            engagement=self.engagement,
            association="forening" if self.engagement is Engagement.ASSOCIATION else None,
            age_band=self.age_band,
            motives={function: rng.randint(3, 7) for function in functions},
            wants_influence=self.wants_influence,
            hours_offered_per_week=self.hours_offered,
            attachment=Attachment.REGULAR
            if children or rng.random() < 0.9
            else Attachment.SHORT_TERM,
            started_on=self.started_on,
            occasions_with_children=min(200, days // 7) if children and days >= 7 else None,
            child_certificate=self.certificate,
            confidentiality_signed_on=self.confidentiality,
            remuneration=self.remuneration,
        )


_FUNCTIONS = tuple(VolunteerFunction)
_FIRST_WITHIN = 170
"""A first evaluation is planned at most this many days after the start."""
_DEFECT_TASKS = frozenset({"myndighed", "forbeholdt", "fast-vagt"})
_PHASES = ("exploring", "agreeing", "young", "running", "ended")
_PHASE_WEIGHTS = (5, 7, 20, 55, 13)
_MODELS = (VolunteerModel.ASSOCIATION, VolunteerModel.OWN_VOLUNTEERS, VolunteerModel.MIXED)
_MODEL_WEIGHTS = (60, 20, 20)


def _municipality_party(
    theme: _Theme,
    code: int,
    *,
    resources: tuple[Resource, ...] = (),
    readiness: Readiness | None = None,
) -> Participant:
    return Participant(
        id="kommune",
        actor=Municipality(name=_municipality_name(code), code=code, unit=theme.unit),
        roles=(ParticipantRole.OWNER, ParticipantRole.FUNDER),
        resources=resources,
        readiness=readiness,
        funding_dkk_per_year=_MUNICIPAL_FUNDING if Resource.MONEY in resources else None,
    )


_MUNICIPAL_FUNDING = 150_000
"""What a synthetic municipality puts into a collaboration a year, in DKK: well below the
default amount (DKK 1,000,000) from which money alone calls for a partnership agreement."""

_COMPANY_FUNDING = 25_000
"""What a synthetic company that brings money puts in a year, in DKK."""

_FOLKEOPLYSNING_THEMES = frozenset({"idraet-sfo", "ungdomsklub"})
"""The themes whose association is a folkeoplysende forening (sport, a youth club); the
others do voluntary social work supported under Serviceloven § 18."""


def _support(theme: _Theme, cvr: str | None) -> tuple[SupportScheme, ...]:
    """The support scheme of a synthetic association.

    None without a CVR number, which a public grant needs.
    """
    if cvr is None:
        return ()
    if theme.key in _FOLKEOPLYSNING_THEMES:
        return (SupportScheme.FOLKEOPLYSNING,)
    return (SupportScheme.SERVICELOVEN_18,)


def _institution_party(
    theme: _Theme,
    code: int,
    place: str,
    *,
    resources: tuple[Resource, ...] = (),
    readiness: Readiness | None = None,
) -> Participant:
    return Participant(
        id=theme.institution_id,
        actor=PublicInstitution(
            name=theme.institution(place),
            municipality_code=code,
            institution_type=theme.institution_type,
        ),
        roles=(ParticipantRole.HOST,),
        resources=resources,
        readiness=readiness,
    )


def _parties(
    rng: random.Random, draft: _Draft, theme: _Theme, code: int, place: str, model: VolunteerModel,
    as_of: dt.date,
) -> tuple[list[Participant], list[str]]:  # fmt: skip
    """Draw the parties; return them and the ids of the civil-society parties."""
    material = _material()
    participants = [
        _municipality_party(
            theme,
            code,
            resources=(Resource.MONEY, Resource.STAFF_TIME),
            readiness=_readiness(rng),
        ),
        _institution_party(
            theme,
            code,
            place,
            resources=(Resource.PREMISES, Resource.USER_ACCESS, Resource.STAFF_TIME)[
                : rng.randint(2, 3)
            ],
            readiness=_readiness(rng),
        ),
    ]
    has_association = model is not VolunteerModel.OWN_VOLUNTEERS
    has_centre = rng.random() < 0.4
    civil = (["forening"] if has_association else []) + (["frivilligcenter"] if has_centre else [])
    shares = {"forening": round(rng.uniform(0.0, 0.55), 2), "frivilligcenter": 0.0}
    shares["frivilligcenter"] = round(rng.uniform(0.3, 0.9), 2)
    key_party = rng.choice(civil) if civil else ""
    if civil and draft.roll(D.ECONOMIC_DEPENDENCE_WITHOUT_FORUM):
        shares[rng.choice(civil)] = round(rng.uniform(0.6, 0.95), 2)
    single_key = bool(civil) and draft.roll(D.SINGLE_KEY_PERSON)

    def key_persons(party: str) -> int:
        return 1 if single_key and party == key_party else rng.randint(2, 6)

    if has_association:
        association = VoluntaryOrganisation(
            name=theme.association.format(place=place),
            cvr=_cvr(rng) if rng.random() < 0.85 else None,
            cause=theme.cause.format(place=place),
            municipality_code=code,
            paying_members=rng.randint(8, 400),
            has_statutes=True,
            has_board=True,
            democratic=True,
            child_certificate_declaration_year=as_of.year,
            voluntary_effort_is_core=True,
        )
        participants.append(
            Participant(
                id="forening",
                actor=association,
                support_schemes=_support(theme, association.cvr),
                roles=(ParticipantRole.VOLUNTEER_PROVIDER,)
                + ((ParticipantRole.COORDINATOR,) if rng.random() < 0.4 else ()),
                resources=(Resource.VOLUNTEERS, Resource.KNOWLEDGE),
                budget_share_from_municipality=shares["forening"],
                key_persons=key_persons("forening"),
                readiness=_readiness(rng),
            )
        )
    if has_centre:
        participants.append(
            Participant(
                id="frivilligcenter",
                actor=VolunteerCentre(
                    name=f"Frivilligcentret {rng.choice(material.places)}",
                    cvr=_cvr(rng),
                    municipality_code=code,
                ),
                roles=(ParticipantRole.COORDINATOR, ParticipantRole.ADVISER),
                resources=(Resource.KNOWLEDGE, Resource.NETWORK),
                budget_share_from_municipality=shares["frivilligcenter"],
                key_persons=key_persons("frivilligcenter"),
                readiness=_readiness(rng),
            )
        )
    if rng.random() < 0.15:
        participants.append(
            Participant(
                id="virksomhed",
                actor=PrivateCompany(
                    name=f"{rng.choice(material.places)} {rng.choice(material.company_suffixes)}",
                    cvr=_cvr(rng),
                ),
                roles=(ParticipantRole.FUNDER,),
                resources=(Resource.MONEY, Resource.EQUIPMENT)[: rng.randint(1, 2)],
                readiness=_readiness(rng),
                funding_dkk_per_year=_COMPANY_FUNDING,
            )
        )
    if rng.random() < 0.15:
        participants.append(
            Participant(
                id="borgere",
                actor=CitizenGroup(
                    name=f"{rng.choice(material.citizen_groups)} ved {theme.institution(place)}",
                    size=rng.randint(4, 40),
                ),
                roles=(ParticipantRole.USER_REPRESENTATIVE,),
                resources=(Resource.KNOWLEDGE,),
                readiness=_readiness(rng),
            )
        )
    return participants, civil


def _goals(
    rng: random.Random, draft: _Draft, theme: _Theme, party_ids: list[str], phase: str,
    start_on: dt.date, as_of: dt.date,
) -> list[Goal]:  # fmt: skip
    templates = rng.sample(theme.goals, k=rng.randint(2, len(theme.goals)))
    unagreed = phase in ("young", "running") and draft.roll(D.GOAL_NOT_AGREED)
    unagreed_goal = rng.randrange(len(templates))
    unagreed_party = rng.choice(party_ids)
    wish_parties = [
        rng.sample(party_ids, k=rng.randint(1, min(3, len(party_ids)))) for _ in templates
    ]
    for party in party_ids:
        if not any(party in parties for parties in wish_parties):
            wish_parties[rng.randrange(len(templates))].append(party)
    agreed_latest = min(_days(start_on, -1), as_of)
    wishes = _material().wishes
    goals = []
    for number, template in enumerate(templates):
        baseline = None if template.baseline is None else float(rng.randint(*template.baseline))
        target = float(rng.randint(*template.target))
        if baseline == target:
            target += 1.0
        left_out = unagreed and number == unagreed_goal
        if phase == "exploring":
            agreeing: list[str] = []
        elif phase == "agreeing":
            agreeing = rng.sample(party_ids, k=rng.randint(0, len(party_ids) - 1))
        elif left_out:
            agreeing = [party for party in party_ids if party != unagreed_party]
        else:
            agreeing = party_ids
        if phase in ("exploring", "agreeing") or left_out:
            status = GoalStatus.PROPOSED
        elif phase == "ended":
            status = rng.choice(
                (GoalStatus.ACHIEVED, GoalStatus.PARTLY_ACHIEVED, GoalStatus.NOT_ACHIEVED)
            )
        else:
            status = GoalStatus.AGREED
        goals.append(
            Goal(
                id=template.id,
                text=template.text,
                wishes=tuple(
                    Wish(party=party, text=rng.choice(wishes.get(party, wishes["institution"])))
                    for party in wish_parties[number]
                ),
                indicator=Indicator(
                    name=template.indicator, unit=template.unit, baseline=baseline, target=target
                ),
                agreements=tuple(
                    Agreement(party=party, agreed_on=_days(agreed_latest, -rng.randint(0, 45)))
                    for party in agreeing
                ),
                status=status,
            )
        )
    return goals


def _tasks(rng: random.Random, draft: _Draft, theme: _Theme, leader: str) -> list[_TaskDraft]:
    material = _material()
    institution = theme.institution_id
    tasks = [
        _TaskDraft(
            id=template.id,
            title=template.title,
            kind=template.kind,
            offers=template.offers,
            children_contact=template.children,
            confidential_data=template.confidential,
            hours_per_week=_half_hours(rng, *template.hours),
            led_by=leader if template.led_by_association else institution,
            work_category=template.work_category,
        )
        for template in theme.tasks
    ]
    if draft.roll(D.AUTHORITY_TASK):
        tasks.append(
            _TaskDraft(
                id="myndighed",
                title=rng.choice(material.authority_tasks),
                kind=TaskKind.HEADS,
                exercises_authority=True,
                confidential_data=True,
                hours_per_week=_half_hours(rng, 1.0, 3.0),
                led_by=institution,
            )
        )
    if draft.roll(D.RESERVED_TASK):
        title, reserved = rng.choice(material.reserved_tasks)
        tasks.append(
            _TaskDraft(
                id="forbeholdt",
                title=title,
                kind=TaskKind.HANDS,
                reserved=(reserved,),
                hours_per_week=_half_hours(rng, 1.0, 3.0),
                led_by=institution,
            )
        )
    if draft.roll(D.DISPLACEMENT):
        tasks.append(
            _TaskDraft(
                id="fast-vagt",
                title=rng.choice(material.displacement_tasks),
                kind=TaskKind.HANDS,
                core_staff_task=True,
                fixed_rota=True,
                directed_by_institution=True,
                replaces_cut_post=rng.random() < 0.5,
                hours_per_week=_half_hours(rng, 4.0, 8.0),
                led_by=institution,
            )
        )
    return tasks


def _volunteers(
    rng: random.Random, draft: _Draft, tasks: list[_TaskDraft], model: VolunteerModel,
    started: bool, start_on: dt.date, last_day: dt.date, as_of: dt.date, children_theme: bool,
) -> list[_VolunteerDraft]:  # fmt: skip
    # The first volunteers cover the tasks once each, the tasks that break a limit first,
    # so that a collaboration not yet started still has someone on those.
    theme_tasks = len(tasks) - sum(task.id in _DEFECT_TASKS for task in tasks)
    order = tasks[theme_tasks:] + tasks[:theme_tasks]
    if started:
        count = rng.randint(max(3, len(tasks)), 12)
    else:
        count = max(rng.randint(0, 3), len(tasks) - theme_tasks)
    volunteers: list[_VolunteerDraft] = []
    for number in range(count):
        if model is VolunteerModel.ASSOCIATION:
            engagement = Engagement.ASSOCIATION
        elif model is VolunteerModel.OWN_VOLUNTEERS:
            engagement = Engagement.MUNICIPALITY
        else:
            engagement = rng.choice((Engagement.ASSOCIATION, Engagement.MUNICIPALITY))
        own = [order[number] if number < len(order) else rng.choice(tasks)]
        if rng.random() < 0.3:
            second = rng.choice(tasks)
            if second is not own[0]:
                own.append(second)
        started_on = None
        if started:
            latest = min(last_day, _days(start_on, 365))
            started_on = _days(start_on, rng.randint(0, max(0, (latest - start_on).days)))
        volunteer = _VolunteerDraft(
            id=f"v{number + 1:02d}",
            engagement=engagement,
            tasks=own,
            started_on=started_on,
            age_band=rng.choices(
                _AGE_BANDS, weights=_CHILD_AGE_WEIGHTS if children_theme else _AGE_WEIGHTS
            )[0],
        )
        for task in own:
            task.volunteers.append(volunteer.id)
        volunteers.append(volunteer)

    for volunteer in volunteers:
        volunteer.wants_influence = not volunteer.hands_only() and rng.random() < 0.6
        volunteer.hours_offered = volunteer.asked_hours + _half_hours(rng, 0.0, 3.0)
        begins = volunteer.started_on or _days(as_of, rng.randint(1, 30))
        ready = volunteer.started_on is not None or rng.random() < 0.5
        if ready and volunteer.works_with_children():
            volunteer.certificate = ChildCertificateCheck(
                checked_on=min(_days(begins, -rng.randint(3, 30)), as_of),
                checked_by=volunteer.checker,
                clear=True,
            )
        if volunteer.handles_data():
            volunteer.confidentiality = min(_days(begins, -rng.randint(0, 14)), as_of)
        if volunteer.engagement is Engagement.ASSOCIATION and rng.random() < 0.05:
            volunteer.remuneration = Remuneration.TAX_FREE_ALLOWANCE
        elif rng.random() < 0.25:
            volunteer.remuneration = Remuneration.EXPENSES

    working = [volunteer for volunteer in volunteers if volunteer.started_on is not None]
    with_children = [volunteer for volunteer in working if volunteer.works_with_children()]
    if with_children and draft.roll(D.CHILD_CERTIFICATE_MISSING):
        volunteer = rng.choice(with_children)
        assert volunteer.started_on is not None  # noqa: S101 - only those who started
        late = _days(volunteer.started_on, rng.randint(60, 150))
        volunteer.certificate = (
            ChildCertificateCheck(checked_on=late, checked_by=volunteer.checker, clear=True)
            if late <= as_of and rng.random() < 0.3
            else None
        )
    with_data = [volunteer for volunteer in volunteers if volunteer.handles_data()]
    if with_data and draft.roll(D.CONFIDENTIALITY_MISSING):
        rng.choice(with_data).confidentiality = None
    hands_only = [volunteer for volunteer in volunteers if volunteer.hands_only()]
    if hands_only and draft.roll(D.INFLUENCE_DENIED):
        rng.choice(hands_only).wants_influence = True
    if volunteers and draft.roll(D.HOURS_EXCEEDED):
        volunteer = rng.choice(volunteers)
        volunteer.hours_offered = max(0.5, volunteer.asked_hours - _half_hours(rng, 1.0, 2.0))
        if volunteer.hours_offered >= volunteer.asked_hours:
            volunteer.hours_offered = volunteer.asked_hours / 2
    direct = [v for v in volunteers if v.engagement is Engagement.MUNICIPALITY]
    if direct and draft.roll(D.ALLOWANCE_FROM_MUNICIPALITY):
        rng.choice(direct).remuneration = Remuneration.TAX_FREE_ALLOWANCE
    return volunteers


def _rounds(
    rng: random.Random, due: list[dt.date], *, last_day: dt.date, respondents: tuple[str, ...],
    goals: list[Goal], falling: bool, instrument: str | None, pairs: list[tuple[str, str]],
    ending: bool, final: bool,
) -> list[EvaluationRound]:  # fmt: skip
    """Draw one round per due date, each held within ten days of it and not after last_day."""
    material = _material()
    count = len(due)
    satisfaction: dict[str, list[int]] = {}
    for party in respondents:
        level = rng.choice((3, 4, 4, 4, 5, 5))
        values = []
        for number in range(count):
            if number and rng.random() < 0.2:
                level = min(5, level + 1)
            values.append(level)
        if falling:
            top = rng.choice((4, 5))
            values = [min(value, top) for value in values[:-3]] + [top, top - 1, top - 2]
        satisfaction[party] = values
    rated = [pair for pair in pairs if rng.random() < 0.8]
    base_level = {pair: rng.randint(2, 4) for pair in rated}
    progress_share = [rng.uniform(0.7, 1.1) * (n + 1) / (count + 1) for n in range(count)]
    reporters = {goal.id: [p for p in respondents if rng.random() < 0.7] for goal in goals}
    rounds = []
    for number, day in enumerate(due):
        held_on = min(_days(day, rng.randint(0, 10)), last_day)
        responses = []
        for party in respondents:
            progress = {}
            for goal in goals:
                indicator = goal.indicator
                if indicator is None or (party not in reporters[goal.id] and party != "kommune"):
                    continue
                start = indicator.baseline
                if start is None:
                    start = round(indicator.target * 0.6)
                value = start + (indicator.target - start) * progress_share[number]
                progress[goal.id] = float(round(value, 1))
            answers: dict[str, float | None] = {}
            if instrument is not None:
                mood = satisfaction[party][number]
                answers = {
                    item: None
                    if rng.random() < 0.05
                    else float(min(5, max(1, mood + rng.choice((-1, 0, 0, 1)))))
                    for item in _BAROMETER_ITEMS
                }
            responses.append(
                Response(
                    party=party,
                    satisfaction=satisfaction[party][number],
                    goal_progress=progress,
                    instrument=instrument,
                    answers=answers,
                    comment=rng.choice(material.comments) if rng.random() < 0.15 else None,
                )
            )
        ratings = tuple(
            DyadicRating(
                rater=rater,
                ratee=ratee,
                level=_RATING_LEVELS[
                    min(5, max(0, base_level[(rater, ratee)] + rng.choice((-1, 0, 0, 1))))
                ],
            )
            for rater, ratee in rated
        )
        last = number == count - 1
        if last and ending:
            decision: Decision | None = Decision.END
        elif last:
            decision = rng.choices(
                (None, Decision.CONTINUE, Decision.ADJUST_GOALS, Decision.ADJUST_FORMALISATION),
                weights=(15, 65, 12, 8),
            )[0]
        else:
            decision = rng.choices(
                (Decision.CONTINUE, Decision.ADJUST_GOALS, Decision.ADJUST_FORMALISATION),
                weights=(85, 10, 5),
            )[0]
        rounds.append(
            EvaluationRound(
                id=f"r{number + 1:02d}",
                held_on=held_on,
                responses=tuple(responses),
                ratings=ratings,
                decision=decision,
                final=last and ending and final,
                summary=rng.choice(material.summaries) if rng.random() < 0.3 else None,
            )
        )
    return rounds


def _varied(
    rng: random.Random, code: int, serial: str, as_of: dt.date, rates: dict[Defect, float]
) -> SyntheticCollaboration:
    material = _material()
    draft = _Draft(rng=rng, rates=rates)
    theme = rng.choice(material.themes)
    place = rng.choice(material.places)
    phase = rng.choices(_PHASES, weights=_PHASE_WEIGHTS)[0]
    model = rng.choices(_MODELS, weights=_MODEL_WEIGHTS)[0]
    title = theme.collaboration_title(place)

    # The start, and for ended collaborations the end; all relative to as_of.
    if phase in ("exploring", "agreeing"):
        start_on = _days(as_of, rng.randint(-30, 90))
    elif phase == "young":
        start_on = _days(as_of, -rng.randint(20, 150))
    elif phase == "running":
        start_on = _days(as_of, -rng.randint(365, 1460))
    else:
        start_on = _days(as_of, -rng.randint(730, 2190))
    end_on = None
    if phase == "ended":
        end_on = min(_days(start_on, rng.randint(365, 1460)), _days(as_of, -7))
    # A young collaboration whose first evaluation is overdue started a little earlier.
    overdue = phase in ("young", "running") and draft.draw(D.EVALUATION_OVERDUE)
    no_plan = phase in ("young", "running") and draft.roll(D.NO_EVALUATION_PLAN)
    overdue = overdue and not no_plan
    if phase == "young" and overdue:
        start_on = _days(as_of, -rng.randint(200, 300))
    last_day = end_on or as_of

    participants, civil = _parties(rng, draft, theme, code, place, model, as_of)
    party_ids = [participant.id for participant in participants]
    has_association = "forening" in party_ids
    leader = "forening" if has_association else theme.institution_id
    goals = _goals(rng, draft, theme, party_ids, phase, start_on, as_of)
    tasks = _tasks(rng, draft, theme, leader)
    started = phase in ("young", "running", "ended")
    children_theme = any(task.children for task in theme.tasks)
    volunteers = _volunteers(
        rng, draft, tasks, model, started, start_on, last_day, as_of, children_theme
    )

    no_purpose = draft.roll(D.NO_PURPOSE)
    recruiter = leader if has_association else "kommune"
    responsibilities = {
        ManagementTask.RECRUITMENT: recruiter,
        ManagementTask.INTRODUCTION: theme.institution_id,
        ManagementTask.SPARRING: "frivilligcenter" if "frivilligcenter" in party_ids else recruiter,
        ManagementTask.MOTIVATION: recruiter,
        ManagementTask.CONFLICT_HANDLING: rng.choice((theme.institution_id, recruiter)),
    }
    if phase in ("young", "running") and draft.roll(D.RESPONSIBILITY_UNASSIGNED):
        for task in rng.sample(tuple(ManagementTask), k=rng.randint(1, 2)):
            del responsibilities[task]
    holders = _holders(responsibilities)
    agreement = None
    if phase != "exploring" and rng.random() < 0.9:
        agreement = AgreementDocument(
            title=title,
            signed_on=None if phase == "agreeing" else _days(start_on, -rng.randint(0, 30)),
            reference=f"Sag {start_on.year}-{rng.randint(1, 9999):04d}",
            parties=() if phase == "agreeing" else tuple(party_ids),
        )
    dependent = D.ECONOMIC_DEPENDENCE_WITHOUT_FORUM in draft.defects
    shares = [p.budget_share_from_municipality or 0.0 for p in participants]
    forum = None
    if not dependent and (max(shares) >= 0.5 or rng.random() < 0.6):
        forum = Forum(
            name=rng.choice(material.forums),
            meetings_per_year=rng.choice((2, 4, 4, 6, 10, 12)),
            agenda_set_by=tuple(party_ids),
        )

    # Evaluation: the plan, a round for each due date up to as_of (or the end), the status.
    rrule, interval = rng.choices(_RRULES, weights=_RRULE_WEIGHTS)[0]
    respondents = tuple(party for party in party_ids if party != "virksomhed")
    instrument = _BAROMETER if rng.random() < 0.3 else None
    if phase == "young" and overdue:
        first_date = _days(start_on, rng.randint(60, 160))
    elif phase == "young":
        # Not due yet, and within _FIRST_WITHIN days of the start (which is 20-150 days ago).
        latest = (_days(start_on, _FIRST_WITHIN) - as_of).days
        first_date = _days(as_of, rng.randint(7, latest))
    elif phase in ("exploring", "agreeing"):
        first_date = _days(max(as_of, start_on), rng.randint(7, 120))
    else:
        first_date = _add_months(start_on, rng.randint(2, 5))
    first_date = first_date.replace(day=min(first_date.day, 28))
    due: list[dt.date] = []
    if phase in ("running", "ended"):
        step = 0
        while (occurrence := _add_months(first_date, step * interval)) <= last_day:
            due.append(occurrence)
            step += 1
    if phase == "young" and overdue:
        draft.defects.add(D.EVALUATION_OVERDUE)
    if phase == "running" and overdue:
        late = [n for n, day in enumerate(due) if day <= _days(as_of, -OVERDUE_DAYS)]
        if late:
            draft.defects.add(D.EVALUATION_OVERDUE)
            due = due[: late[-1]]
    if phase == "ended":
        final_day = _days(last_day, -rng.randint(0, 14))
        if not due or due[-1] < _days(final_day, -30):
            due.append(final_day)
    falling = len(due) >= 3 and draft.roll(D.FALLING_SATISFACTION)
    final = not (phase == "ended" and draft.roll(D.ENDED_WITHOUT_FINAL))
    public = ["kommune", theme.institution_id]
    partners = civil[:1] or [theme.institution_id]
    pairs = [(a, b) for a in public for b in partners if a != b]
    pairs += [(b, a) for a, b in pairs]
    rounds = _rounds(
        rng, due, last_day=last_day, respondents=respondents, goals=goals, falling=falling,
        instrument=instrument, pairs=pairs, ending=phase == "ended", final=final,
    )  # fmt: skip
    if phase == "exploring":
        status = LifecycleStatus.EXPLORING
    elif phase == "agreeing":
        status = LifecycleStatus.AGREEING_GOALS
    elif phase == "ended":
        status = LifecycleStatus.ENDED
    elif not rounds:
        status = LifecycleStatus.ACTIVE
    elif rounds[-1].decision is None:
        status = LifecycleStatus.EVALUATING
    elif rounds[-1].decision is Decision.CONTINUE:
        status = LifecycleStatus.CONTINUED
    else:
        status = LifecycleStatus.ADJUSTED
    plan = None
    if not no_plan and (started or rng.random() < 0.5):
        plan = EvaluationPlan(
            rrule=rrule,
            first_date=first_date,
            instruments=(instrument,) if instrument else (),
            respondents=respondents,
        )

    collaboration = Collaboration(
        id=f"{code:04d}-{theme.key}-{serial}",
        title=title,
        municipality_code=code,
        participants=tuple(participants),
        initiator=rng.choice(("kommune", leader, leader)),
        purposes=() if no_purpose else tuple(rng.sample(theme.purposes, k=rng.randint(1, 2))),
        value_case=None
        if no_purpose
        else ValueCase(
            institution=theme.value_case[0],
            employees=theme.value_case[1],
            citizens=theme.value_case[2],
        ),
        governance_mode=rng.choices(
            (GovernanceMode.NEGOTIATED, GovernanceMode.AUTONOMOUS), weights=(70, 30)
        )[0],
        welfare_role=rng.choice(theme.roles),
        volunteer_model=model,
        responsibilities=responsibilities,
        responsibility_holders=holders,
        goals=tuple(goals),
        tasks=tuple(task.build() for task in tasks),
        volunteers=tuple(volunteer.build(rng, as_of) for volunteer in volunteers),
        formalisation=FormalisationLevel.VOLUNTEER_AGREEMENT,
        agreement=agreement,
        forum=forum,
        start_on=start_on,
        end_on=end_on,
        status=status,
        ended_from=LifecycleStatus.EVALUATING if status is LifecycleStatus.ENDED else None,
        evaluation_plan=plan,
        rounds=tuple(rounds),
        description=theme.description,
    )
    collaboration = _formalise(rng, draft, collaboration)
    return SyntheticCollaboration(collaboration=collaboration, defects=frozenset(draft.defects))


_LEVELS = tuple(FormalisationLevel)


def _formalise(rng: random.Random, draft: _Draft, collaboration: Collaboration) -> Collaboration:
    """Set the formalisation level from what the collaboration's risk drivers call for.

    A collaboration without the misfit defect gets the recommended level, or one
    step above it; one with the defect gets one or two steps below it (never
    below an ad-hoc event, which is still volunteering).
    """
    recommended = recommend_formalisation(collaboration).level
    floor = FormalisationLevel.AD_HOC_EVENT
    if recommended > floor and draft.roll(D.FORMALISATION_MISFIT):
        level = _LEVELS[max(floor.rank, recommended.rank - rng.choice((1, 1, 2)))]
    elif recommended < FormalisationLevel.PARTNERSHIP_AGREEMENT and rng.random() < 0.2:
        level = _LEVELS[recommended.rank + 1]
    else:
        level = recommended
    agreement = collaboration.agreement
    if agreement is not None:
        agreement = attrs.evolve(agreement, title=f"{level.da.capitalize()}: {agreement.title}")
    elif level in _WRITTEN and collaboration.status in _AT_WORK:
        # A collaboration at work under a written agreement has the document (rule FR110).
        agreement = AgreementDocument(
            title=f"{level.da.capitalize()}: {collaboration.title}",
            signed_on=collaboration.start_on,
            parties=tuple(participant.id for participant in collaboration.participants),
        )
    return attrs.evolve(collaboration, formalisation=level, agreement=agreement)


_WRITTEN = frozenset(
    {FormalisationLevel.COLLABORATION_AGREEMENT, FormalisationLevel.PARTNERSHIP_AGREEMENT}
)
_AT_WORK = frozenset(
    {
        LifecycleStatus.ACTIVE,
        LifecycleStatus.EVALUATING,
        LifecycleStatus.CONTINUED,
        LifecycleStatus.ADJUSTED,
    }
)


# -- the benchmark generator ------------------------------------------------------------

BENCHMARK_PARTICIPANTS = 5
"""How many parties a benchmark collaboration has: municipality, institution,
association, volunteer centre and a citizen group."""

BENCHMARK_GOALS = 4
"""How many goals a benchmark collaboration has, each agreed by every party."""

BENCHMARK_ROUNDS = 8
"""How many evaluation rounds a benchmark collaboration has, one every three months."""

BENCHMARK_ANSWERS = len(_BENCHMARK_ITEMS)
"""How many instrument items (``"q01"`` to ``"q20"``) each benchmark response answers."""


def _benchmark(
    rng: random.Random, code: int, serial: str, as_of: dt.date
) -> SyntheticCollaboration:
    material = _material()
    theme = rng.choice(material.themes)
    place = rng.choice(material.places)
    start_on = _days(as_of, -rng.randint(760, 900))
    participants = [
        _municipality_party(theme, code),
        _institution_party(theme, code, place),
        Participant(
            id="forening",
            actor=VoluntaryOrganisation(
                name=theme.association.format(place=place),
                cvr=_cvr(rng),
                municipality_code=code,
            ),
            roles=(ParticipantRole.VOLUNTEER_PROVIDER,),
            budget_share_from_municipality=round(rng.uniform(0.0, 0.5), 2),
        ),
        Participant(
            id="frivilligcenter",
            actor=VolunteerCentre(name=f"Frivilligcentret {place}", municipality_code=code),
            roles=(ParticipantRole.COORDINATOR,),
        ),
        Participant(
            id="borgere",
            actor=CitizenGroup(name=f"Brugerrådet ved {theme.institution(place)}"),
            roles=(ParticipantRole.USER_REPRESENTATIVE,),
        ),
    ]
    party_ids = [participant.id for participant in participants]
    agreed_on = _days(start_on, -rng.randint(1, 30))
    goals = tuple(
        Goal(
            id=f"g{number + 1}",
            text=template.text,
            indicator=Indicator(
                name=template.indicator,
                unit=template.unit,
                baseline=0.0,
                target=float(rng.randint(*template.target)),
            ),
            agreements=tuple(Agreement(party=party, agreed_on=agreed_on) for party in party_ids),
            status=GoalStatus.AGREED,
        )
        for number, template in enumerate((theme.goals * 2)[:BENCHMARK_GOALS])
    )
    first_date = _add_months(start_on, 3)
    respondent = "forening"
    rounds = tuple(
        EvaluationRound(
            id=f"r{number + 1}",
            held_on=_add_months(first_date, 3 * number),
            responses=(
                Response(
                    party=respondent,
                    satisfaction=rng.randint(1, 5),
                    goal_progress={goal.id: float(rng.randint(0, 40)) for goal in goals},
                    instrument=_BENCHMARK_INSTRUMENT,
                    answers={item: float(rng.randint(1, 5)) for item in _BENCHMARK_ITEMS},
                ),
            ),
            decision=Decision.CONTINUE,
        )
        for number in range(BENCHMARK_ROUNDS)
    )
    collaboration = Collaboration(
        id=f"{code:04d}-benchmark-{serial}",
        title=theme.collaboration_title(place),
        municipality_code=code,
        participants=tuple(participants),
        purposes=theme.purposes[:1],
        responsibilities=dict.fromkeys(ManagementTask, "forening"),
        goals=goals,
        start_on=start_on,
        status=LifecycleStatus.CONTINUED,
        evaluation_plan=EvaluationPlan(
            rrule=f"FREQ=MONTHLY;INTERVAL=3;COUNT={BENCHMARK_ROUNDS}",
            first_date=first_date,
            instruments=(_BENCHMARK_INSTRUMENT,),
            respondents=(respondent,),
        ),
        rounds=rounds,
    )
    return SyntheticCollaboration(collaboration=collaboration)


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
