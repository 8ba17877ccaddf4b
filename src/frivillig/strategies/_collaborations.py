"""Strategies for whole collaborations, municipalities' volunteer policies and portfolios."""

import contextvars
import datetime as dt
import functools
import typing
from collections.abc import Callable
from typing import Any, NamedTuple

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy

from .._model.actors import Actor
from .._model.collaboration import (
    Collaboration,
    GovernanceMode,
    LifecycleStatus,
    VolunteerModel,
    WelfareRole,
)
from .._model.evaluation import Decision, EvaluationPlan
from .._model.formalisation import FormalisationLevel
from .._model.participation import Participant
from .._model.policy import PolicyProcess, VolunteerPolicy
from .._model.portfolio import Portfolio
from .._model.volunteers import Engagement
from ._actors import _draw_actor, _draw_code, _draw_municipality, _draw_participant
from ._dice import T, _Dice
from ._evaluation import _draw_plan, _draw_round, _recurrence_dates
from ._frame import _draw_agreement_document, _draw_forum, _draw_value_case
from ._goals import _draw_goal, _draw_task, _goal_dice_size
from ._hours import _draw_time_logs
from ._primitives import (
    _ADJUSTMENTS,
    _CIVIL_KINDS,
    _COLLABORATION_SLUGS,
    _EARLIEST,
    _ENGAGING_KINDS,
    _GOAL_SLUGS,
    _LATEST_SAFE,
    _LATEST_START,
    _MANAGEMENT_TASKS,
    _ONGOING_DECISIONS,
    _PARTNER_KINDS,
    _PARTY_SLUGS,
    _PURPOSES,
    _ROUND_SLUGS,
    _TASK_SLUGS,
    _VOLUNTEER_SLUGS,
    S,
    _check_bounds,
    _check_flag,
    _check_max,
    _check_member,
    _check_strategy,
    _draw_maybe_text,
    _draw_text,
    _fresh,
    _fresh_text,
    _ints,
    _read_fresh_id,
    _read_id,
    _shift,
)
from ._registers import municipality_codes
from ._volunteers import _VOLUNTEER_DICE_SIZE, _draw_volunteer

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
    max_time_logs: int


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

    # the hours assigned volunteers gave their tasks, month by month
    assigned = [(v, task.id) for task in task_list for v in dict.fromkeys(task.volunteers)]
    logs = _draw_time_logs(
        _Dice(draw, 1 + 4 * limits.max_time_logs),
        assigned,
        start,
        draw(_ints(0, limits.max_time_logs)) if assigned else 0,
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
        time_logs=logs,
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
    max_time_logs: int = 4,
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
        max_time_logs: The most time logs; each is for a volunteer assigned to
            the task, in a month from the start on.
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
        ("time_logs", max_time_logs),
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
        limits=_Limits(
            min_parties,
            max_parties,
            max_goals,
            max_tasks,
            max_volunteers,
            max_rounds,
            max_time_logs,
        ),
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
        max_time_logs=3,
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
