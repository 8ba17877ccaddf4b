"""Trends across rounds, disagreement between parties, and dyadic ratings."""

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import (
    CollaborationLevel,
    DyadicRating,
    EvaluationRound,
    Portfolio,
    Response,
    Spread,
    TrendDirection,
    collaboration_trends,
    dyadic_summary,
    portfolio_trends,
)
from frivillig.errors import ValidationError

PARTIES = ["a", "b", "c", "d"]
LEVELS = list(CollaborationLevel)


# -- local strategies -----------------------------------------------------------------------


@st.composite
def ratings(draw: st.DrawFn) -> list[DyadicRating]:
    pairs = [(x, y) for x in PARTIES for y in PARTIES if x != y]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    return [DyadicRating(rater=x, ratee=y, level=draw(st.sampled_from(LEVELS))) for x, y in chosen]


@st.composite
def rounds(draw: st.DrawFn) -> tuple[EvaluationRound, ...]:
    found = []
    days = draw(st.lists(st.integers(0, 700), unique=True, max_size=5))
    for i, day in enumerate(days):
        responses = tuple(
            Response(party=p, satisfaction=draw(st.none() | st.integers(1, 5)))
            for p in PARTIES
            if draw(st.booleans())
        )
        found.append(
            EvaluationRound(
                id=f"r{i}",
                held_on=dt.date(2026, 1, 1) + dt.timedelta(days=day),
                responses=responses,
                ratings=tuple(draw(ratings())),
            )
        )
    return tuple(found)


def collaboration_with(rounds_: tuple[EvaluationRound, ...]) -> frivillig.Collaboration:
    return frivillig.Collaboration(
        id="c",
        title="T",
        municipality_code=101,
        participants=tuple(
            frivillig.Participant(id=p, actor=frivillig.CitizenGroup(name=p)) for p in PARTIES
        ),
        start_on=dt.date(2026, 1, 1),
        rounds=rounds_,
    )


# -- properties ----------------------------------------------------------------------------


@given(values=st.lists(st.integers(1, 5), max_size=8), data=st.data())
def test_spread_is_independent_of_order_and_consistent(
    values: list[int], data: st.DataObject
) -> None:
    spread = Spread.of(values)
    assert spread == Spread.of(data.draw(st.permutations(values)))
    assert spread.count == len(values)
    if not values:
        assert spread.mean is None
        return
    assert spread.lowest is not None
    assert spread.highest is not None
    assert spread.mean is not None
    assert spread.lowest <= spread.mean <= spread.highest
    assert spread.range == spread.highest - spread.lowest
    assert spread.stdev is not None
    assert spread.stdev >= 0


@settings(max_examples=150, deadline=None)
@given(given_ratings=ratings(), data=st.data(), gap=st.integers(1, 5))
def test_dyadic_summary(given_ratings: list[DyadicRating], data: st.DataObject, gap: int) -> None:
    summary = dyadic_summary(given_ratings, min_difference=gap)
    assert summary == dyadic_summary(data.draw(st.permutations(given_ratings)), min_difference=gap)
    assert summary.ratings == len(given_ratings)
    if given_ratings:
        assert summary.mean_level is not None
        assert 0 <= summary.mean_level <= 5
    counted = sum(
        (p.first_rates_second is not None) + (p.second_rates_first is not None)
        for p in summary.pairs
    )
    assert counted == len(given_ratings)
    assert all(p.first < p.second for p in summary.pairs)
    levels = {(r.rater, r.ratee): r.level.rank for r in given_ratings}
    expected = sorted(
        (x, y)
        for (x, y), level in levels.items()
        if x < y and (y, x) in levels and abs(level - levels[(y, x)]) >= gap
    )
    assert [(p.first, p.second) for p in summary.mismatched] == expected
    assert all(not p.mutual for p in summary.one_sided)


@settings(max_examples=100, deadline=None)
@given(rounds_=rounds(), data=st.data())
def test_trends_do_not_depend_on_order_and_name_the_lowest(
    rounds_: tuple[EvaluationRound, ...], data: st.DataObject
) -> None:
    collaboration = collaboration_with(rounds_)
    trends = collaboration_trends(collaboration)
    shuffled = tuple(
        attrs.evolve(r, responses=tuple(data.draw(st.permutations(r.responses))))
        for r in data.draw(st.permutations(rounds_))
    )
    assert collaboration_trends(collaboration_with(shuffled)) == trends
    dates = [point.held_on for point in trends.satisfaction.points]
    assert dates == sorted(dates)
    for point in trends.satisfaction.points:
        values = dict(point.by_party)
        assert point.spread.count == len(values)
        if len(set(values.values())) > 1:
            low = min(values.values())
            assert point.lowest == tuple(sorted(p for p, v in values.items() if v == low))
            assert all(values[p] < max(values.values()) for p in point.lowest)
        else:
            assert point.lowest == ()


# -- worked examples -----------------------------------------------------------------------


def test_the_example_by_hand() -> None:
    trends = collaboration_trends(frivillig.load_example())
    first, second = trends.satisfaction.points
    # 2026-q2: kommune 4, plejecenter 4, besoegsvenner 3, frivilligcenter 4
    assert first.spread.mean == 3.75
    assert (first.spread.lowest, first.spread.highest, first.spread.range) == (3.0, 4.0, 1.0)
    # deviations -0.75, 0.25, 0.25, 0.25: variance (0.5625 + 3 * 0.0625) / 4 = 0.1875
    assert first.spread.stdev == pytest.approx(0.1875**0.5)
    assert first.lowest == ("besoegsvenner",)
    # 2026-q3: 4, 5, 4, 4 -> 4.25; +0.5 is more than 5% of the 1-5 range (0.2): rising
    assert second.spread.mean == 4.25
    assert trends.satisfaction.change == 0.5
    assert trends.satisfaction.direction is TrendDirection.RISING
    assert trends.least_satisfied == ("besoegsvenner", "frivilligcenter", "kommune")
    assert trends.satisfaction.party_changes() == {
        "besoegsvenner": 1.0,
        "frivilligcenter": 0.0,
        "kommune": 0.0,
        "plejecenter": 1.0,
    }
    # barometer equality in 2026-q2 (b04 reversed: 6 - x):
    # kommune (4 + 4) / 2 = 4, plejecenter 4, besoegsvenner (3 + 2) / 2 = 2.5,
    # frivilligcenter (4 + 3) / 2 = 3.5; mean 14 / 4 = 3.5
    equality = trends.factor("barometer", "equality")
    assert dict(equality.points[0].by_party) == {
        "besoegsvenner": 2.5,
        "frivilligcenter": 3.5,
        "kommune": 4.0,
        "plejecenter": 4.0,
    }
    assert equality.points[0].spread.mean == 3.5
    assert equality.points[0].lowest == ("besoegsvenner",)
    assert [s.key for s in trends.factors][:2] == ["barometer:goal_clarity", "barometer:equality"]
    with pytest.raises(ValidationError):
        trends.factor("barometer", "nonsense")
    with pytest.raises(ValidationError):
        collaboration_trends(frivillig.load_example(), steady_within=2)


def test_the_example_dyads_by_hand() -> None:
    trends = collaboration_trends(frivillig.load_example())
    first, second = trends.dyads
    # 2026-q2: plejecenter->besoegsvenner 3, besoegsvenner->plejecenter 2,
    # kommune->besoegsvenner 3, besoegsvenner->kommune 3: mean 11 / 4 = 2.75
    assert first.mean_level == 2.75
    # besoegsvenner receives 3 and 3; plejecenter 2; kommune 3
    assert dict(first.received) == {"besoegsvenner": 3.0, "kommune": 3.0, "plejecenter": 2.0}
    assert [(p.first, p.second, p.difference) for p in first.mismatched] == [
        ("besoegsvenner", "plejecenter", 1)
    ]
    assert first.one_sided == ()
    # 2026-q3: 4, 3, 3, 3: mean 13 / 4 = 3.25
    assert second.mean_level == 3.25
    # asking for at least 2 levels apart: no pair differs that much
    assert dyadic_summary(frivillig.load_example().rounds[1], min_difference=2).mismatched == ()
    text = first.to_text("en")
    assert "besoegsvenner -> plejecenter 2 (cooperation)" in text
    assert "samvirke" in first.to_text("da")


def test_one_sided_ratings() -> None:
    summary = dyadic_summary(
        [DyadicRating(rater="a", ratee="b", level=CollaborationLevel.NETWORKING)]
    )
    assert summary.mean_level == 1.0
    assert [(p.first, p.second) for p in summary.one_sided] == [("a", "b")]
    assert summary.mismatched == ()
    assert dyadic_summary([]).mean_level is None
    with pytest.raises(ValidationError):
        dyadic_summary([], min_difference=0)


def lowered(collaboration: frivillig.Collaboration, new_id: str) -> frivillig.Collaboration:
    """A copy whose later round has every party at 2."""
    first, later = collaboration.rounds
    low = tuple(attrs.evolve(r, satisfaction=2) for r in later.responses)
    return attrs.evolve(
        collaboration, id=new_id, rounds=(first, attrs.evolve(later, responses=low))
    )


def test_portfolio_by_hand() -> None:
    example = frivillig.load_example()
    other = lowered(example, "anden")
    portfolio = Portfolio(id="p", title="P", collaborations=(other, example))
    trends = portfolio_trends(portfolio)
    assert [t.collaboration for t in trends.collaborations] == ["anden", example.id]
    q2, q3 = trends.satisfaction.points
    # 2026-Q2: both collaborations' first rounds: 4, 4, 3, 4 twice -> mean 3.75
    assert (q2.period, q2.collaborations, q2.spread.mean) == ("2026-Q2", 2, 3.75)
    # 2026-Q3: 4, 5, 4, 4 and 2, 2, 2, 2 -> 25 / 8 = 3.125; per collaboration 4.25 and 2.0
    assert (q3.period, q3.spread.mean) == ("2026-Q3", 3.125)
    assert dict(q3.by_collaboration) == {"anden": 2.0, example.id: 4.25}
    assert (q3.spread.lowest, q3.spread.highest) == (2.0, 5.0)
    assert trends.falling == ("anden",)
    # in "anden" everyone rated 2 in the latest round: nobody is less satisfied than the others
    assert dict(trends.least_satisfied) == {
        example.id: ("besoegsvenner", "frivilligcenter", "kommune")
    }
    # the barometer factors follow too, period by period
    assert [s.key for s in trends.factors] == [
        "barometer:goal_clarity",
        "barometer:equality",
        "barometer:formalisation_fit",
        "barometer:satisfaction_with_form",
        "barometer:meaning_for_volunteers",
    ]
    years = portfolio_trends(portfolio, period="year")
    assert [p.period for p in years.satisfaction.points] == ["2026"]
    months = portfolio_trends(portfolio, period="month")
    assert [p.period for p in months.satisfaction.points] == ["2026-06", "2026-09"]
    text = trends.to_text("da")
    assert "Faldende tilfredshed: anden" in text
    assert "2026-Q3: 3,12 (2,00-5,00; 2 samarbejder)" in text  # 3.125 to two decimals, half-even


def test_portfolio_errors_carry_the_full_path() -> None:
    example = frivillig.load_example()
    first, later = example.rounds
    bad = attrs.evolve(later.responses[0], answers={"b01": 9})
    broken = attrs.evolve(
        example,
        id="broken",
        rounds=(first, attrs.evolve(later, responses=(bad, *later.responses[1:]))),
    )
    portfolio = Portfolio(id="p", title="P", collaborations=(example, broken))
    with pytest.raises(ValidationError) as error:
        portfolio_trends(portfolio)
    assert error.value.problems[0].path == "$.collaborations[1].rounds[1].responses[0].answers.b01"
    with pytest.raises(ValidationError):
        portfolio_trends(portfolio, period="week")  # type: ignore[arg-type]
