"""The strategies of ``frivillig.strategies`` build valid, realistic objects, and only those.

Every public attrs class of ``frivillig`` is discovered from ``frivillig.__all__``:
a class without a strategy fails here rather than being skipped. Each strategy
is drawn several hundred times and every value is checked by the public
validators, by the cross-reference check and, for the types that are part of
the JSON form, by a JSON round trip.
"""

import datetime as dt
import enum
import importlib
import itertools
import json
import typing
from collections.abc import Callable, Iterator
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from dateutil.rrule import rrulestr
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import frivillig
from frivillig import (
    ALLOWED_TRANSITIONS,
    Actor,
    ActorKind,
    Collaboration,
    Decision,
    Engagement,
    LifecycleStatus,
    Municipality,
    Portfolio,
    accounts,
    schedules,
    serialization,
    transition_problems,
)
from frivillig import strategies as fs
from frivillig._hypothesis_plugin import STRATEGIES, public_type
from frivillig.identifiers import cvr_problem, is_valid_cvr


def _public_classes() -> dict[str, type[Any]]:
    """Every attrs class in ``frivillig.__all__``, ``frivillig.schedules`` and ``.accounts``."""
    found = {
        name: obj
        for name in frivillig.__all__
        if isinstance(obj := getattr(frivillig, name), type) and attrs.has(obj)
    }
    for module, name in [
        *(("schedules", name) for name in schedules.__all__),
        *(("accounts", name) for name in accounts.__all__),
    ]:
        obj = getattr(importlib.import_module(f"frivillig.{module}"), name)
        if isinstance(obj, type) and attrs.has(obj) and obj not in found.values():
            found[f"{module}.{name}"] = obj
    return dict(sorted(found.items()))


PUBLIC = _public_classes()
PUBLIC_CLASSES = list(PUBLIC.values())
ACTOR_CLASSES = frozenset(typing.get_args(Actor))
S = LifecycleStatus
MANY = settings(max_examples=300, deadline=None)
FEWER = settings(max_examples=150, deadline=None)
SOME = settings(max_examples=60, deadline=None)
IMPORTED = settings(max_examples=10)  # takes the suite's profile, from tests/conftest.py


def _json_form_types() -> set[type[Any]]:
    """The attrs classes a JSON document can hold: the top-level types and all they contain."""
    found: set[type[Any]] = set()
    pending = list(serialization.DOCUMENT_TYPES.values())
    while pending:
        tp = pending.pop()
        args = typing.get_args(tp)
        if args:
            pending.extend(args)
        elif isinstance(tp, type) and attrs.has(tp) and tp not in found:
            found.add(tp)
            pending.extend(field.type for field in attrs.fields(tp))
    return found


JSON_FORM_TYPES = _json_form_types()


def _attrs_values(value: Any) -> Iterator[Any]:
    """Every attrs object in ``value``, ``value`` included."""
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _attrs_values(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _attrs_values(item)
    elif isinstance(value, frivillig.FrozenMap):
        for item in value.values():
            yield from _attrs_values(item)


def _round_trip(value: Any, cls: type[Any]) -> Any:
    """Write ``value`` as JSON text and read it back, as the loader reads any part of a document."""
    if cls in serialization.DOCUMENT_TYPES.values():
        return frivillig.loads(frivillig.dumps(value), cls)
    text = json.dumps(serialization._converter.unstructure(value), ensure_ascii=False)
    target: Any = Actor if cls in ACTOR_CLASSES else cls
    return serialization._structure_value(json.loads(text), target)


def _check_valid(value: Any, cls: type[Any]) -> None:
    assert type(value) is cls
    for part in _attrs_values(value):
        attrs.validate(part)  # runs every field's validator again
    if isinstance(value, Collaboration | Portfolio):
        assert frivillig.validate(value) is value
        assert frivillig.is_valid(value)
    if cls in JSON_FORM_TYPES:
        assert _round_trip(value, cls) == value


# -- every public type -----------------------------------------------------------------


def test_the_suite_sets_no_deadline_that_a_busy_machine_could_miss() -> None:
    # the profile of tests/conftest.py is in force here, at import and while tests run
    assert IMPORTED.deadline is None
    assert settings.default is not None
    assert settings.default.deadline is None


def test_every_public_attrs_class_has_a_strategy() -> None:
    missing = [name for name in PUBLIC if name not in STRATEGIES]
    assert not missing, f"no strategy registered for: {', '.join(missing)}"
    unknown = [name for name in STRATEGIES.values() if not hasattr(fs, name)]
    assert not unknown, f"registered strategies that do not exist: {unknown}"
    assert all(public_type(name) is cls for name, cls in PUBLIC.items())


def test_the_discovery_finds_the_model() -> None:
    # guards the test above against discovering nothing
    assert {Collaboration, Portfolio, frivillig.VolunteerPolicy, Municipality} <= set(
        PUBLIC_CLASSES
    )
    assert schedules.DueDate in PUBLIC_CLASSES
    assert {Collaboration, frivillig.Goal, frivillig.Response} <= JSON_FORM_TYPES


@pytest.mark.parametrize("name", PUBLIC, ids=str)
def test_every_draw_is_valid(name: str) -> None:
    cls = PUBLIC[name]
    if name not in STRATEGIES:
        pytest.fail(f"{name} has no strategy in frivillig.strategies")
    strategy = getattr(fs, STRATEGIES[name])()

    @MANY
    @given(strategy)
    def check(value: Any) -> None:
        _check_valid(value, cls)

    check()


@pytest.mark.parametrize("name", PUBLIC, ids=str)
def test_public_strategy_names_are_plural_and_documented(name: str) -> None:
    if name not in STRATEGIES:
        pytest.fail(f"{name} has no strategy in frivillig.strategies")
    strategy_name = STRATEGIES[name]
    assert strategy_name in fs.__all__
    # the plural of the type: child_certificate_checks, or periods_with_children
    assert strategy_name.endswith("s") or strategy_name.split("_")[0].endswith("s")
    assert getattr(fs, strategy_name).__doc__


# -- collaborations ----------------------------------------------------------------------


def _predecessors(status: LifecycleStatus) -> list[LifecycleStatus]:
    return [before for before, after in ALLOWED_TRANSITIONS.items() if status in after]


@pytest.mark.parametrize("status", list(LifecycleStatus), ids=lambda s: s.value)
def test_a_collaboration_of_a_status_could_have_reached_it(status: LifecycleStatus) -> None:
    @SOME
    @given(fs.collaborations(status=status))
    def check(c: Collaboration) -> None:
        assert c.status is status
        # the last step into the status was allowed with this data
        end = c.end_on
        assert any(
            not transition_problems(
                attrs.evolve(
                    c,
                    status=before,
                    end_on=None if status is S.ENDED else end,
                    ended_from=None,  # transition sets it when the collaboration ends
                ),
                status,
                on=end,
            )
            for before in _predecessors(status)
        )
        if status in (S.ACTIVE, S.EVALUATING, S.CONTINUED, S.ADJUSTED):
            assert c.goals
            assert all(goal.agreed_by() == c.party_ids for goal in c.goals)
        if status in (S.EVALUATING, S.CONTINUED, S.ADJUSTED):
            assert c.evaluation_plan is not None
        if status is S.CONTINUED:
            assert c.rounds[-1].decision is Decision.CONTINUE
        if status is S.ADJUSTED:
            assert c.rounds[-1].decision in (
                Decision.ADJUST_FORMALISATION,
                Decision.ADJUST_GOALS,
            )
        if status is S.ENDED:
            assert c.end_on is not None
            if c.rounds:
                assert c.rounds[-1].final
                assert c.rounds[-1].decision is Decision.END
            if c.ended_from is not None:  # the status it ended from could have ended it
                before = attrs.evolve(c, status=c.ended_from, end_on=None, ended_from=None)
                assert not transition_problems(before, S.ENDED, on=c.end_on)
        else:
            assert not any(round_.final for round_ in c.rounds)

    check()


def _plan_dates(c: Collaboration, count: int) -> list[dt.date]:
    plan = c.evaluation_plan
    assert plan is not None
    body = plan.rrule.removeprefix("RRULE:")
    start = dt.datetime.combine(plan.first_date, dt.time(12), tzinfo=ZoneInfo(plan.timezone))
    return [moment.date() for moment in itertools.islice(rrulestr(body, dtstart=start), count)]


@FEWER
@given(fs.collaborations())
def test_dates_come_in_order_and_rounds_fall_on_the_plan(c: Collaboration) -> None:
    if c.rounds:
        held = [round_.held_on for round_ in c.rounds]
        assert held == _plan_dates(c, len(held))
        assert held == sorted(held)
    if c.evaluation_plan is not None:
        assert c.evaluation_plan.first_date >= c.start_on
    if c.end_on is not None:
        assert c.end_on >= max([c.start_on, *(round_.held_on for round_ in c.rounds)])
    for goal in c.goals:
        for agreement in goal.agreements:
            assert agreement.agreed_on <= c.start_on


@FEWER
@given(fs.collaborations())
def test_parties_and_volunteers_fit_together(c: Collaboration) -> None:
    home = c.participants[0]
    assert isinstance(home.actor, Municipality)
    assert home.actor.code == c.municipality_code
    assert home.budget_share_from_municipality is None
    engaging = {
        p.id
        for p in c.participants
        if p.actor.kind in (ActorKind.VOLUNTARY_ORGANISATION, ActorKind.VOLUNTEER_CENTRE)
    }
    for volunteer in c.volunteers:
        if volunteer.engagement is Engagement.MUNICIPALITY:
            assert volunteer.association is None
        else:
            assert volunteer.association in engaging
    assert frivillig.integrity_problems(c) == []


@given(st.data())
@SOME
def test_a_given_number_of_parties(data: st.DataObject) -> None:
    count = data.draw(st.integers(min_value=1, max_value=6))
    c = data.draw(fs.collaborations(min_parties=count, max_parties=count))
    assert len(c.participants) == count


@SOME
@given(fs.collaborations(children=True))
def test_with_children(c: Collaboration) -> None:
    assert any(task.children_contact and task.volunteers for task in c.tasks)


@SOME
@given(fs.collaborations(children=False))
def test_without_children(c: Collaboration) -> None:
    assert not any(task.children_contact for task in c.tasks)


@SOME
@given(fs.collaborations(municipality_code=st.just(751), status=S.EXPLORING))
def test_a_given_municipality_and_status(c: Collaboration) -> None:
    assert c.municipality_code == 751
    assert c.status is S.EXPLORING
    assert not c.rounds


@SOME
@given(fs.collaborations(max_goals=0, max_tasks=0, max_volunteers=0, max_rounds=0))
def test_the_smallest_collaborations(c: Collaboration) -> None:
    assert (c.goals, c.tasks, c.volunteers, c.rounds) == ((), (), (), ())
    assert c.status in (S.EXPLORING, S.AGREEING_GOALS, S.ENDED)


@SOME
@given(fs.collaborations(actors=fs.citizen_groups()))
def test_partners_from_a_given_strategy(c: Collaboration) -> None:
    assert all(p.actor.kind is ActorKind.CITIZEN_GROUP for p in c.participants[1:])


@FEWER
@given(fs.collaborations())
def test_plans_stay_within_what_a_plan_may_be(c: Collaboration) -> None:
    plan = c.evaluation_plan
    if plan is None:
        return
    parts = dict(part.split("=", 1) for part in plan.rrule.removeprefix("RRULE:").split(";"))
    assert set(parts) <= {"FREQ", "INTERVAL", "COUNT"}
    assert parts["FREQ"] in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
    assert 1 <= int(parts.get("INTERVAL", "1")) <= 1000
    if "COUNT" in parts:
        assert 1 <= int(parts["COUNT"]) <= 1000
        # a counted rule reaches its last date within 50 years, even from a 31st
        last = _plan_dates(c, int(parts["COUNT"]))[-1]
        assert last.year <= plan.first_date.year + 50
    assert plan.first_date >= c.start_on


# The month ends and the leap day are where a rule without BY-parts skips periods.
@st.composite
def month_end_dates(draw: st.DrawFn) -> dt.date:
    year = draw(st.integers(min_value=1990, max_value=2100))
    month = draw(st.integers(min_value=1, max_value=12))
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, draw(st.integers(min_value=min(28, last), max_value=last)))


@SOME
@given(
    frequency=st.sampled_from([f for f, _, _ in fs._FREQUENCIES]),
    interval=st.integers(min_value=1, max_value=52),
    times=st.none() | st.integers(min_value=1, max_value=12),
    first=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
    | month_end_dates(),
    limit=st.integers(min_value=1, max_value=12),
)
def test_the_drawn_dates_of_a_rule_are_dateutils(
    frequency: str, interval: int, times: int | None, first: dt.date, limit: int
) -> None:
    rule = fs._Recurrence(frequency, interval, times)
    text = f"FREQ={frequency};INTERVAL={interval}" + (f";COUNT={times}" if times else "")
    expected = [
        moment.date()
        for moment in itertools.islice(
            rrulestr(text, dtstart=dt.datetime.combine(first, dt.time(9))), limit
        )
    ]
    assert fs._recurrence_dates(rule, first, limit) == expected


# -- how values are drawn: a record's small decisions come from drawn bytes ----------------


def test_zero_bytes_read_as_the_simplest_decisions() -> None:
    dice = fs._Dice(lambda _: bytes(64))
    assert dice.flag() is False
    assert dice.maybe_flag() is None
    assert dice.choice("abc") == "a"
    assert dice.maybe_choice("abc") is None
    assert dice.integer(3, 70_000) == 3
    assert dice.maybe_integer(1, 5) is None
    assert dice.date(dt.date(2026, 1, 1), dt.date(2030, 1, 1)) == dt.date(2026, 1, 1)
    assert dice.sample(range(40), 2, 8) == [0, 1]
    assert dice.permutation("xyz") == ["x", "y", "z"]
    assert [dice.byte() for _ in range(100)] == [0] * 100  # reads on past the first bytes


@given(
    st.binary(min_size=64, max_size=64),
    st.integers(min_value=-5, max_value=10**7),
    st.integers(min_value=0, max_value=10**7),
    st.integers(min_value=0, max_value=50),
)
def test_the_dice_read_within_their_bounds(data: bytes, low: int, span: int, size: int) -> None:
    dice = fs._Dice(lambda _: data)
    assert low <= dice.integer(low, low + span) <= low + span
    items = list(range(size))
    chosen = dice.sample(items, 1, 6)
    assert len(set(chosen)) == len(chosen) <= 6
    assert set(chosen) <= set(items)
    assert len(chosen) >= min(1, size)
    assert sorted(dice.permutation(items)) == items


def test_every_number_in_a_range_can_be_read() -> None:
    for low, high in ((1, 5), (0, 223), (0, 224), (1920, 2012), (0, 1000)):
        found = {
            fs._Dice(lambda _, v=v: v.to_bytes(2)).integer(low, high) for v in range(0, 65536, 7)
        }
        assert found == set(range(low, high + 1))


def _shrunk(strategy: st.SearchStrategy[Any], condition: Callable[[Any], bool]) -> Any:
    # without the explain phase, whose variations of the example would also be found
    only = settings(database=None, deadline=None, phases=[Phase.generate, Phase.shrink])
    return find(strategy, condition, settings=only)


def test_collaborations_shrink_to_the_simplest() -> None:
    # as the docstring promises: exploring, the municipality and one association, nothing else
    c = _shrunk(fs.collaborations(), lambda _: True)
    assert c.status is S.EXPLORING
    assert [p.actor.kind for p in c.participants] == [
        ActorKind.MUNICIPALITY,
        ActorKind.VOLUNTARY_ORGANISATION,
    ]
    assert (c.goals, c.tasks, c.volunteers, c.rounds) == ((), (), (), ())
    assert c.evaluation_plan is None
    assert c.municipality_code == 101


def _records(c: Collaboration) -> int:
    return len(c.participants) + len(c.goals) + len(c.tasks) + len(c.volunteers)


def test_a_failing_collaboration_shrinks_to_what_fails() -> None:
    # the shrinker may stop at a nearly simplest example (say, evaluating with one
    # agreed goal rather than agreeing with none), but never far from it
    c = _shrunk(fs.collaborations(), lambda c: len(c.goals) >= 2)
    assert len(c.goals) == 2
    assert _records(c) <= 5
    c = _shrunk(fs.collaborations(), lambda c: len(c.rounds) >= 2)
    assert len(c.rounds) == 2
    assert _records(c) <= 4
    assert c.evaluation_plan is not None
    assert c.evaluation_plan.rrule == "FREQ=MONTHLY"


# -- portfolios, policies, identifiers -----------------------------------------------------


@given(st.data())
@SOME
def test_a_portfolio_of_a_given_size(data: st.DataObject) -> None:
    size = data.draw(st.integers(min_value=0, max_value=3))
    portfolio = data.draw(fs.portfolios(min_size=size, max_size=size))
    assert len(portfolio.collaborations) == size
    ids = [c.id for c in portfolio.collaborations]
    assert len(set(ids)) == len(ids)
    if portfolio.municipality_code is not None:
        assert {c.municipality_code for c in portfolio.collaborations} <= {
            portfolio.municipality_code
        }
        if portfolio.policy is not None:
            assert portfolio.policy.municipality_code == portfolio.municipality_code
    else:
        assert portfolio.policy is None


@MANY
@given(fs.municipality_codes())
def test_municipality_codes_are_the_real_ones(code: int) -> None:
    assert code in {info.code for info in frivillig.municipalities()}


@MANY
@given(fs.cvr_numbers())
def test_cvr_numbers_are_valid(number: str) -> None:
    assert cvr_problem(number) is None
    assert is_valid_cvr(number)


def test_a_prefix_without_a_check_digit_is_completed_differently() -> None:
    # weights 2,7,6,5,4,3,2 on 1000005 give 2 + 10 = 12; (-12) % 11 = 10 is no digit,
    # so the last digit becomes 6: 2 + 12 = 14, (-14) % 11 = 8, and 2+12+8 = 22 = 2 * 11
    assert fs._cvr_from(1_000_005) == "10000068"
    assert is_valid_cvr("10000068")


@MANY
@given(fs.frozen_maps(st.sampled_from(frivillig.ManagementTask), st.text(), max_size=3))
def test_frozen_maps(mapping: frivillig.FrozenMap[frivillig.ManagementTask, str]) -> None:
    assert isinstance(mapping, frivillig.FrozenMap)
    assert len(mapping) <= 3
    assert hash(mapping) == hash(frivillig.FrozenMap(dict(mapping)))


# -- arguments -----------------------------------------------------------------------------

BAD_ARGUMENTS: list[tuple[str, Callable[[], object]]] = [
    ("min above max", lambda: fs.collaborations(min_parties=4, max_parties=3)),
    ("no parties", lambda: fs.collaborations(min_parties=0)),
    ("negative", lambda: fs.collaborations(max_goals=-1)),
    ("not a number", lambda: fs.collaborations(max_rounds=2.5)),  # type: ignore[arg-type]
    ("a bool", lambda: fs.collaborations(max_tasks=True)),
    ("status as text", lambda: fs.collaborations(status="active")),  # type: ignore[arg-type]
    ("active without goals", lambda: fs.collaborations(status=S.ACTIVE, max_goals=0)),
    ("continued without rounds", lambda: fs.collaborations(status=S.CONTINUED, max_rounds=0)),
    ("children without tasks", lambda: fs.collaborations(children=True, max_tasks=0)),
    ("children as text", lambda: fs.collaborations(children="yes")),  # type: ignore[arg-type]
    ("code as a value", lambda: fs.collaborations(municipality_code=101)),  # type: ignore[arg-type]
    ("portfolio sizes", lambda: fs.portfolios(min_size=2, max_size=1)),
    ("one party to rate", lambda: fs.dyadic_ratings(party_ids=["a"])),
    ("a bad id", lambda: fs.goals(party_ids=["not an id"])),
    ("an id twice", lambda: fs.volunteers(party_ids=["a", "a"])),
    ("one string", lambda: fs.forums(party_ids="kommune")),
    ("no party to agree", lambda: fs.agreements(party_ids=[])),
    ("children, no volunteers", lambda: fs.tasks(children=True, volunteer_ids=[])),
    ("no kinds", lambda: fs.actors(kinds=[])),
    ("a defect as text", lambda: fs.defective_documents(kind="not_json")),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("case", "make"), BAD_ARGUMENTS, ids=[c for c, _ in BAD_ARGUMENTS])
def test_impossible_arguments_are_refused(case: str, make: Callable[[], object]) -> None:
    with pytest.raises(InvalidArgument):
        make()


def test_labelled_enums_are_labelled() -> None:
    for kind in fs.DefectKind:
        assert isinstance(kind, frivillig.LabelledEnum)
        assert kind.label("da")
        assert kind.label("en")
    assert issubclass(fs.DefectKind, enum.Enum)


@pytest.mark.parametrize(("baseline", "target"), [(None, -0.0), (-0.0, 5.0), (0.0, -1.0)])
@given(data=st.data())
def test_progress_is_drawn_for_a_zero_of_either_sign(
    baseline: float | None, target: float, data: st.DataObject
) -> None:
    # sorted((0.0, -0.0)) stays as it is, and st.floats refuses min 0.0, max -0.0
    from frivillig.strategies import _draw_progress

    indicator = frivillig.Indicator(name="visits", unit="visits", baseline=baseline, target=target)
    goal = frivillig.Goal(id="g", text="More visits", indicator=indicator)
    start = 0.0 if baseline is None else baseline
    value = _draw_progress(data.draw, goal)
    assert min(start, target) <= value <= max(start, target)
