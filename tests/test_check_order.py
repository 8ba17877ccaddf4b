"""The check's quick ways give what the long ways give, and it leaves the collector as it was.

A report orders its findings by severity, code, paths, reason and message; the
check orders them by keys it makes while it finds them, and a report keeps that
order. Dangling ids are found in one pass over the ids named before each is
looked at where it is; usual instrument answers are scored in one pass. Each
property below sets the quick way against the long one.
"""

import datetime as dt
import gc
from collections.abc import Iterator
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import frivillig
from frivillig import (
    Collaboration,
    FrozenMap,
    Hit,
    Instrument,
    Portfolio,
    Rule,
    Rulebook,
    RuleContext,
    Severity,
    Source,
    SourceKind,
    strategies,
)
from frivillig._model import integrity as _integrity
from frivillig._rules.checking import _enabled, _findings
from frivillig._rules.engine import finding_sort_key
from frivillig._scores.instruments import result_fraction_at
from frivillig.errors import ValidationError

TODAY = dt.date(2026, 10, 15)

# -- the order of findings ---------------------------------------------------------------

_SEGMENTS = st.one_of(
    st.integers(-3, 12),
    st.booleans(),
    st.sampled_from(("tasks", "volunteers", "goals", "a1b", "x.y", "")),
    st.text(alphabet="ab1.[]'$ ", max_size=4),
)
_TEXT_PATHS = st.sampled_from(
    ("$", "$.tasks[1]", "$.tasks[10]", "$[2]", "$.a1b", "$5", "$12.x", "tasks", "", "$$", "$.")
)
_PATHS = st.one_of(st.lists(_SEGMENTS, max_size=4).map(tuple), _TEXT_PATHS)
_HITS = st.builds(
    Hit,
    paths=st.lists(_PATHS, max_size=3),
    message_da=st.just("tekst"),
    message_en=st.sampled_from(("b", "a")),
    reason=st.sampled_from(("y", "x")),
)


def _planting_rule(code: str, name: str, severity: Severity, hits: dict[str, list[Hit]]) -> Rule:
    def check(context: RuleContext) -> Iterator[Hit]:
        yield from hits.get(f"{code}:{context.collaboration.id}", [])

    return Rule(
        code=code,
        name=name,
        severity=severity,
        title_da="Plantede fund",
        title_en="Planted hits",
        rationale="Yields the hits it is given, to test the order of a report.",
        sources=(Source(kind=SourceKind.MODEL, citation="tests"),),
        check=check,
    )


def _book(hits: dict[str, list[Hit]]) -> Rulebook:
    return Rulebook(
        rules=[
            _planting_rule("KK901", "planted-first", Severity.WARNING, hits),
            _planting_rule("KK902", "planted-second", Severity.WARNING, hits),
            _planting_rule("KK903", "planted-third", Severity.ERROR, hits),
        ]
    )


@given(
    planted=st.dictionaries(
        st.tuples(st.sampled_from(("KK901", "KK902", "KK903")), st.integers(0, 2)),
        st.lists(_HITS, max_size=4),
        max_size=6,
    )
)
def test_a_portfolio_report_orders_its_findings_as_the_sort_key_does(
    planted: dict[tuple[str, int], list[Hit]],
) -> None:
    base = frivillig.load_example()
    collaborations = tuple(attrs.evolve(base, id=f"c{index}") for index in range(3))
    portfolio = Portfolio(id="p", title="Portefølje", collaborations=collaborations)
    hits = {f"{code}:c{index}": found for (code, index), found in planted.items()}
    book = _book(hits)
    report = frivillig.check_portfolio(portfolio, today=TODAY, rulebook=book)
    rules = _enabled(book)
    long_way = []
    for index, collaboration in enumerate(collaborations):
        found, _ = _findings(
            collaboration,
            today=TODAY,
            rules=rules,
            settings=book.settings,
            root=f"$.collaborations[{index}]",
        )
        long_way.extend(found)
    assert report.findings == tuple(sorted(long_way, key=finding_sort_key))
    assert type(report.findings) is tuple


@given(planted=st.dictionaries(st.sampled_from(("KK901", "KK903")), st.lists(_HITS, max_size=5)))
def test_a_report_orders_its_findings_as_the_sort_key_does(
    planted: dict[str, list[Hit]],
) -> None:
    collaboration = frivillig.load_example()
    hits = {f"{code}:{collaboration.id}": found for code, found in planted.items()}
    book = _book(hits)
    report = frivillig.check(collaboration, today=TODAY, rulebook=book)
    found, _ = _findings(
        collaboration, today=TODAY, rules=_enabled(book), settings=book.settings, root="$"
    )
    assert report.findings == tuple(sorted(found, key=finding_sort_key))


def test_ties_keep_the_order_the_rules_gave() -> None:
    # Two hits alike in every key field but the Danish message: the report keeps
    # them in the order the rule yielded them, as a stable sort does.
    collaboration = frivillig.load_example()
    first = Hit(paths=[("tasks", 1)], message_da="først", message_en="same", reason="r")
    second = attrs.evolve(first, message_da="sidst")
    book = _book({f"KK901:{collaboration.id}": [first, second]})
    report = frivillig.check(collaboration, today=TODAY, rulebook=book)
    assert [finding.message_da for finding in report] == ["først", "sidst"]
    book = _book({f"KK901:{collaboration.id}": [second, first]})
    report = frivillig.check(collaboration, today=TODAY, rulebook=book)
    assert [finding.message_da for finding in report] == ["sidst", "først"]


# -- the collector ------------------------------------------------------------------------


def _raising_rule(error: Exception) -> Rule:
    def check(context: RuleContext) -> Iterator[Hit]:
        raise error

    return Rule(
        code="KK990",
        name="raises",
        severity=Severity.ERROR,
        title_da="Fejler",
        title_en="Raises",
        rationale="Raises, to test that the collector is restored.",
        sources=(Source(kind=SourceKind.MODEL, citation="tests"),),
        check=check,
    )


@pytest.fixture
def restore_collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("restore_collector")
@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize(
    "error", [None, RuntimeError("rule broke"), ValidationError([])], ids=["none", "raw", "ours"]
)
def test_a_portfolio_check_leaves_the_collector_as_it_found_it(
    enabled: bool, error: Exception | None
) -> None:
    portfolio = Portfolio(id="p", title="Portefølje", collaborations=(frivillig.load_example(),))
    if enabled:
        gc.enable()
    else:
        gc.disable()
    if error is None:
        seen: list[bool] = []

        def check(context: RuleContext) -> Iterator[Hit]:
            seen.append(gc.isenabled())
            yield from ()

        rule = attrs.evolve(_raising_rule(RuntimeError()), check=check)
        frivillig.check_portfolio(portfolio, today=TODAY, rulebook=Rulebook(rules=[rule]))
        assert seen == [enabled]  # the check does not touch the collector
    else:
        book = Rulebook(rules=[_raising_rule(error)])
        with pytest.raises(type(error)):
            frivillig.check_portfolio(portfolio, today=TODAY, rulebook=book)
    assert gc.isenabled() is enabled


# -- dangling ids -------------------------------------------------------------------------


def _dangle(collaboration: Collaboration, where: int) -> Collaboration:
    """The collaboration with one id made to refer to nothing, in one of several places."""
    if where == 0:
        return attrs.evolve(collaboration, initiator="ingen-part")
    if where == 1 and collaboration.goals and collaboration.goals[0].agreements:
        goal = collaboration.goals[0]
        agreement = attrs.evolve(goal.agreements[0], party="ingen-part")
        goal = attrs.evolve(goal, agreements=(agreement, *goal.agreements[1:]))
        return attrs.evolve(collaboration, goals=(goal, *collaboration.goals[1:]))
    if where == 2 and collaboration.rounds and collaboration.rounds[0].responses:
        round_ = collaboration.rounds[0]
        response = attrs.evolve(round_.responses[0], goal_progress=FrozenMap({"intet-maal": 1.0}))
        round_ = attrs.evolve(round_, responses=(response, *round_.responses[1:]))
        return attrs.evolve(collaboration, rounds=(round_, *collaboration.rounds[1:]))
    return collaboration


@given(collaboration=strategies.collaborations(max_rounds=2), where=st.integers(0, 3))
def test_the_quick_pass_over_ids_agrees_with_looking_at_each(
    collaboration: Collaboration, where: int
) -> None:
    changed = _dangle(collaboration, where)
    with mock.patch.object(_integrity, "_resolves", return_value=False):
        long_way = _integrity._dangling(changed)
    assert _integrity._resolves(changed) is (not long_way)
    assert _integrity._dangling(changed) == long_way


# -- instrument answers -------------------------------------------------------------------


@st.composite
def _answered(draw: st.DrawFn) -> tuple[Instrument, dict[str, object]]:
    instrument = draw(strategies.instruments())
    scale = instrument.scale
    items = draw(st.lists(st.sampled_from(instrument.items), unique=True, max_size=12))
    values = st.one_of(
        st.none(),
        st.integers(scale.minimum, scale.maximum),
        st.integers(scale.minimum, scale.maximum).map(float),
        st.floats(scale.minimum, scale.maximum),
    )
    answers: dict[str, object] = {item.id: draw(values) for item in items}
    if draw(st.integers(0, 5)) == 0:
        answers[draw(st.sampled_from(("zz99", items[0].id if items else "zz98")))] = draw(
            st.sampled_from((scale.maximum + 1, scale.minimum - 0.5, "5", True, float("nan")))
        )
    return instrument, answers


@given(question=_answered())
def test_usual_answers_in_a_frozen_map_score_as_in_a_dict(
    question: tuple[Instrument, dict[str, object]],
) -> None:
    instrument, answers = question
    where = ("rounds", 0, "responses", 0, "answers")
    outcomes: list[object] = []
    for given_answers in (answers, FrozenMap(answers)):
        try:
            outcomes.append(result_fraction_at(instrument, given_answers, "$", where))
        except ValidationError as error:
            outcomes.append(error.problems)
    assert outcomes[0] == outcomes[1]
