"""Instruments as data: the shipped instruments, user-defined ones, and scoring."""

import json
import math
import statistics
from importlib.resources import files

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import (
    Aggregation,
    Band,
    Category,
    Factor,
    Instrument,
    Item,
    Provenance,
    Scale,
    ScoringRule,
    Verification,
    get_instrument,
    instrument_ids,
    score_instrument,
)
from frivillig.errors import ValidationError

V = Verification


def provenance(**kwargs: Verification) -> Provenance:
    base = {"factors": V.CHOICE, "items": V.CHOICE, "scale": V.CHOICE, "scoring": V.CHOICE}
    return Provenance(**{**base, "bands": V.CHOICE, **kwargs})


# -- the shipped instruments ---------------------------------------------------------------


def test_the_shipped_instruments() -> None:
    assert instrument_ids() == ("barometer", "pat-2003", "vfi-1998", "wilder-2001")
    for instrument_id in instrument_ids():
        instrument = get_instrument(instrument_id)
        assert instrument.id == instrument_id
        assert instrument.citation.strip()
        assert instrument.licence.strip()
        texts = [item.text_da for item in instrument.items] + [i.text_en for i in instrument.items]
        assert len(set(texts)) == len(texts)


def test_wilder_structure_follows_the_reference() -> None:
    wilder = get_instrument("wilder-2001")
    # 2nd edition: 20 factors in 6 categories, 40 statements, 1-5 agreement [V]
    assert len(wilder.factors) == 20
    assert [c.id for c in wilder.categories] == [
        "environment",
        "membership",
        "process_structure",
        "communication",
        "purpose",
        "resources",
    ]
    assert len(wilder.items) == 40
    assert (wilder.scale.minimum, wilder.scale.maximum) == (1, 5)
    # the per-factor split recalled from the scoring sheet [U]: 6/6/13/5/7/3 by category
    per_category = {
        c.id: sum(len(f.items) for f in wilder.factors if f.category == c.id)
        for c in wilder.categories
    }
    assert per_category == {
        "environment": 6,
        "membership": 6,
        "process_structure": 13,
        "communication": 5,
        "purpose": 7,
        "resources": 3,
    }
    # bands >= 4.0 strength, 3.0-3.9 borderline, below 3.0 concern [V2]
    assert [(b.key, b.lower) for b in wilder.bands] == [
        ("concern", 1.0),
        ("borderline", 3.0),
        ("strength", 4.0),
    ]
    assert wilder.provenance.bands is V.SECONDARY
    assert wilder.provenance.items is V.UNVERIFIED
    assert not wilder.verified
    assert wilder.provenance.unverified == ("items",)


def test_pat_vfi_and_barometer_structure() -> None:
    pat = get_instrument("pat-2003")
    assert [f.label_en for f in pat.factors] == [
        "P1. Recognise and accept the need for partnership",
        "P2. Develop clarity and realism of purpose",
        "P3. Ensure commitment and ownership",
        "P4. Develop and maintain trust",
        "P5. Create clear and robust partnership arrangements",
        "P6. Monitor, measure and learn",
    ]
    assert pat.bands == ()
    assert pat.provenance.unverified == ("scale", "scoring", "bands")

    vfi = get_instrument("vfi-1998")
    assert {f.id for f in vfi.factors} == {
        function.value for function in frivillig.VolunteerFunction
    }
    assert all(len(f.items) == 5 for f in vfi.factors)
    assert (vfi.scale.minimum, vfi.scale.maximum) == (1, 7)
    # numbering after the commonly cited key [U]
    assert [i.id for i in vfi.factor("career").items] == [
        "vfi01",
        "vfi10",
        "vfi15",
        "vfi21",
        "vfi28",
    ]
    assert sorted(i.id for i in vfi.items) == [f"vfi{n:02d}" for n in range(1, 31)]
    assert "items" in vfi.provenance.unverified
    assert vfi.bands == ()

    barometer = get_instrument("barometer")
    assert [f.id for f in barometer.factors] == [
        "goal_clarity",
        "equality",
        "formalisation_fit",
        "satisfaction_with_form",
        "meaning_for_volunteers",
    ]
    assert barometer.verified
    assert {i.id for i in barometer.items if i.reverse} == {"b04", "b06", "b10"}


@pytest.mark.parametrize("instrument_id", ["barometer", "pat-2003", "vfi-1998", "wilder-2001"])
def test_shipped_files_are_in_canonical_json_form(instrument_id: str) -> None:
    instrument = get_instrument(instrument_id)
    path = files("frivillig") / "data" / "instruments" / f"{instrument_id}.json"
    text = path.read_text(encoding="utf-8")
    assert json.loads(text)["type"] == "instrument"
    assert frivillig.loads(text, Instrument) == instrument
    assert frivillig.loads(frivillig.dumps(instrument)) == instrument


def test_unknown_instrument() -> None:
    with pytest.raises(ValidationError) as error:
        get_instrument("psat")
    assert error.value.problems[0].code == "choice"


# -- defining your own ------------------------------------------------------------------


def small_instrument(**changes: object) -> Instrument:
    fields: dict[str, object] = {
        "id": "mine",
        "name_da": "Mit",
        "name_en": "Mine",
        "citation": "Our own.",
        "licence": "Ours.",
        "scale": Scale(minimum=1, maximum=5),
        "categories": (Category(id="c", label_da="K", label_en="C"),),
        "factors": (
            Factor(
                id="f",
                label_da="F",
                label_en="F",
                category="c",
                items=(
                    Item(id="i1", text_da="a", text_en="a"),
                    Item(id="i2", text_da="b", text_en="b", reverse=True),
                ),
            ),
        ),
        "bands": (
            Band(key="low", lower=1, label_da="lav", label_en="low"),
            Band(key="high", lower=3.5, label_da="høj", label_en="high"),
        ),
        "provenance": provenance(),
    }
    fields.update(changes)
    return Instrument(**fields)  # type: ignore[arg-type]


def test_an_instrument_of_your_own_round_trips_through_json() -> None:
    mine = small_instrument()
    text = frivillig.dumps(mine)
    assert json.loads(text)["type"] == "instrument"
    assert frivillig.loads(text) == mine
    assert frivillig.loads(text, Instrument) == mine


@pytest.mark.parametrize(
    ("changes", "path", "code"),
    [
        (
            {
                "factors": (
                    Factor(
                        id="f",
                        label_da="F",
                        label_en="F",
                        category="x",
                        items=(Item(id="i1", text_da="a", text_en="a"),),
                    ),
                )
            },
            "$.factors[0].category",
            "reference",
        ),
        (
            {
                "factors": (
                    Factor(
                        id="f",
                        label_da="F",
                        label_en="F",
                        items=(Item(id="i1", text_da="a", text_en="a"),),
                    ),
                )
            },
            "$.factors[0].category",
            "missing",
        ),
        (
            {
                "bands": (
                    Band(key="a", lower=3, label_da="a", label_en="a"),
                    Band(key="b", lower=3, label_da="b", label_en="b"),
                )
            },
            "$.bands[1].lower",
            "order",
        ),
        (lambda: {"scoring": ScoringRule(min_answered=0)}, None, "range"),
        (lambda: {"scale": Scale(minimum=3, maximum=3)}, None, "order"),
    ],
)
def test_invalid_instruments_raise_with_a_path(
    changes: object, path: str | None, code: str
) -> None:
    with pytest.raises(ValidationError) as error:
        small_instrument(**(changes() if callable(changes) else changes))  # type: ignore[arg-type]
    problem = error.value.problems[0]
    assert problem.code == code
    if path is not None:
        assert problem.path == path


def test_duplicate_item_ids_across_factors() -> None:
    item = Item(id="i1", text_da="a", text_en="a")
    factors = (
        Factor(id="f", label_da="F", label_en="F", category="c", items=(item,)),
        Factor(id="g", label_da="G", label_en="G", category="c", items=(item,)),
    )
    with pytest.raises(ValidationError) as error:
        small_instrument(factors=factors)
    assert error.value.problems[0].path == "$.factors[1].items[0].id"


def test_loading_a_bad_instrument_document_lists_every_problem() -> None:
    data = frivillig.to_dict(small_instrument())
    data["scale"]["minimum"] = "1"
    data["factors"][0]["items"][0]["reverse"] = "no"
    with pytest.raises(ValidationError) as error:
        frivillig.from_dict(data, Instrument)
    paths = {problem.path for problem in error.value.problems}
    assert {"$.scale.minimum", "$.factors[0].items[0].reverse"} <= paths


# -- scoring: worked examples -----------------------------------------------------------------


def test_barometer_by_hand() -> None:
    barometer = get_instrument("barometer")
    answers = {
        "b01": 5, "b02": 4,  # goal clarity: (5 + 4) / 2 = 4.5
        "b03": 4, "b04": 2,  # equality: b04 reversed 1 + 5 - 2 = 4; (4 + 4) / 2 = 4.0
        "b05": 3, "b06": 4,  # formalisation: b06 reversed 6 - 4 = 2; (3 + 2) / 2 = 2.5
        "b07": 4, "b08": None,  # satisfaction: 1 of 2 answered (needed: ceil(0.5 * 2) = 1): 4.0
        "b09": None,  # meaning: b09 missing, b10 left out: not scored
    }  # fmt: skip
    result = score_instrument(barometer, answers)
    assert [(s.key, s.value) for s in result.factors] == [
        ("goal_clarity", 4.5),
        ("equality", 4.0),
        ("formalisation_fit", 2.5),
        ("satisfaction_with_form", 4.0),
        ("meaning_for_volunteers", None),
    ]
    assert [s.band.key if s.band else None for s in result.factors] == [
        "working",  # >= 4.0
        "working",  # exactly 4.0: lower bounds are inclusive
        "act",  # < 3.0
        "working",
        None,
    ]
    # overall: 4 of 5 factors scored (needed ceil(2.5) = 3): (4.5 + 4 + 2.5 + 4) / 4 = 3.75
    assert result.overall is not None
    assert result.overall.value == 3.75
    assert result.overall.band is not None
    assert result.overall.band.key == "discuss"
    assert (result.overall.answered, result.overall.expected) == (4, 5)
    assert result.missing == ("b08", "b09", "b10")
    assert result.unverified == ()


def test_wilder_categories_and_overall_by_hand() -> None:
    wilder = get_instrument("wilder-2001")
    # Environment: history (w01, w02), legitimacy (w03, w04), climate (w05, w06).
    answers: dict[str, float | None] = {"w01": 5, "w02": 4, "w03": 3, "w04": 3, "w05": 2}
    result = score_instrument(wilder, answers)
    # history (5 + 4) / 2 = 4.5 strength; legitimacy 3.0 borderline; climate 1 of 2: 2.0 concern
    assert [(s.value, s.band.key if s.band else None) for s in result.factors[:3]] == [
        (4.5, "strength"),
        (3.0, "borderline"),
        (2.0, "concern"),
    ]
    # environment = (4.5 + 3.0 + 2.0) / 3 = 3.1666...
    environment = result.categories[0]
    assert environment.key == "environment"
    assert environment.value == pytest.approx(9.5 / 3)
    # membership has no answers: not scored
    assert result.categories[1].value is None
    # overall needs 10 of the 20 factors; only 3 are scored
    assert result.overall is not None
    assert result.overall.value is None
    assert result.unverified == ("items",)


def test_sum_rule_prorates_by_hand() -> None:
    pat = get_instrument("pat-2003")  # 4-point scale, sum per principle, 3 statements each
    answers: dict[str, float | None] = {"p1a": 4, "p1b": 3, "p1c": 2, "p2a": 4, "p2b": 2}
    result = score_instrument(pat, answers)
    # P1: 4 + 3 + 2 = 9 of 3..12; P2: mean (4 + 2) / 2 = 3, prorated 3 * 3 = 9
    assert [(s.value, s.low, s.high) for s in result.factors[:2]] == [
        (9.0, 3.0, 12.0),
        (9.0, 3.0, 12.0),
    ]
    assert result.factors[0].band is None
    # overall needs 3 of 6 principles; only 2 scored
    assert result.overall is not None
    assert result.overall.value is None
    assert (result.overall.low, result.overall.high) == (18.0, 72.0)
    # with P3 too (1 + 1 + 1 = 3): mean of (9, 9, 3) = 7, prorated over 6 principles = 42
    answers.update({"p3a": 1, "p3b": 1, "p3c": 1})
    overall = score_instrument(pat, answers).overall
    assert overall is not None
    assert overall.value == 42.0


def test_answers_are_checked_against_the_scale() -> None:
    barometer = get_instrument("barometer")
    bad = {"b01": 6, "b02": 2.5, "b03": "4", "b04": True, "x99": 3, "b05": float("nan")}
    with pytest.raises(ValidationError) as error:
        score_instrument(barometer, bad, root="$.rounds[0].responses[1].answers")
    found = {(p.path, p.code) for p in error.value.problems}
    assert found == {
        ("$.rounds[0].responses[1].answers.b01", "range"),
        ("$.rounds[0].responses[1].answers.b02", "format"),
        ("$.rounds[0].responses[1].answers.b03", "type"),
        ("$.rounds[0].responses[1].answers.b04", "type"),
        ("$.rounds[0].responses[1].answers.x99", "reference"),
        ("$.rounds[0].responses[1].answers.b05", "range"),
    }
    with pytest.raises(ValidationError):
        score_instrument(barometer, [("b01", 3)])  # type: ignore[arg-type]


def test_result_text_in_both_languages() -> None:
    result = score_instrument(get_instrument("wilder-2001"), {"w01": 4, "w02": 5})
    assert "History of collaboration or cooperation in the community: 4.50 [strength] (2/2)" in (
        result.to_text("en")
    )
    da = result.to_text("da")
    assert "Tradition for samarbejde i lokalsamfundet: 4,50 [styrke] (2/2)" in da
    assert "(ikke bekræftet: udsagn)" in da


# -- scoring: properties ---------------------------------------------------------------------


@st.composite
def instruments(draw: st.DrawFn) -> Instrument:
    low = draw(st.integers(0, 3))
    high = low + draw(st.integers(1, 9))
    n_factors = draw(st.integers(1, 4))
    with_categories = draw(st.booleans())
    factors = []
    count = 0
    for f in range(n_factors):
        items = []
        for _ in range(draw(st.integers(1, 5))):
            count += 1
            items.append(
                Item(id=f"i{count}", text_da="x", text_en="x", reverse=draw(st.booleans()))
            )
        factors.append(
            Factor(
                id=f"f{f}",
                label_da="F",
                label_en="F",
                category=(f"c{f % 2}" if n_factors > 1 else "c0") if with_categories else None,
                items=tuple(items),
            )
        )
    categories: tuple[Category, ...] = ()
    if with_categories:
        used = sorted({factor.category for factor in factors if factor.category})
        categories = tuple(Category(id=c, label_da=c, label_en=c) for c in used)
    cuts = draw(st.lists(st.integers(low, high), unique=True, max_size=3).map(sorted))
    return Instrument(
        id="gen",
        name_da="G",
        name_en="G",
        citation="c",
        licence="l",
        scale=Scale(minimum=low, maximum=high),
        categories=categories,
        factors=tuple(factors),
        scoring=ScoringRule(
            aggregation=draw(st.sampled_from(list(Aggregation))),
            min_answered=draw(st.sampled_from([0.25, 0.5, 1.0])),
        ),
        bands=tuple(Band(key=f"b{c}", lower=c, label_da="b", label_en="b") for c in cuts),
        provenance=provenance(),
    )


@st.composite
def instruments_and_answers(draw: st.DrawFn) -> tuple[Instrument, dict[str, float | None]]:
    instrument = draw(instruments())
    scale = instrument.scale
    answers: dict[str, float | None] = {}
    for item in instrument.items:
        choice = draw(st.sampled_from(["answer", "answer", "none", "absent"]))
        if choice == "answer":
            answers[item.id] = draw(st.integers(scale.minimum, scale.maximum))
        elif choice == "none":
            answers[item.id] = None
    return instrument, answers


@settings(max_examples=200, deadline=None)
@given(pair=instruments_and_answers())
def test_factor_score_is_the_mean_of_its_items_after_reverse_coding(
    pair: tuple[Instrument, dict[str, float | None]],
) -> None:
    instrument, answers = pair
    result = score_instrument(instrument, answers)
    low, high = instrument.scale.minimum, instrument.scale.maximum
    for factor, score in zip(instrument.factors, result.factors, strict=True):
        recoded = [
            (low + high - answers[item.id]) if item.reverse else answers[item.id]  # type: ignore[operator]
            for item in factor.items
            if answers.get(item.id) is not None
        ]
        needed = max(1, math.ceil(instrument.scoring.min_answered * len(factor.items)))
        if len(recoded) < needed:
            assert score.value is None
            continue
        mean = statistics.fmean(recoded)  # type: ignore[arg-type]
        if instrument.scoring.aggregation is Aggregation.MEAN:
            assert score.value == pytest.approx(mean)
        else:
            assert score.value == pytest.approx(mean * len(factor.items))


@settings(max_examples=200, deadline=None)
@given(pair=instruments_and_answers())
def test_every_score_lies_in_its_range_and_its_band(
    pair: tuple[Instrument, dict[str, float | None]],
) -> None:
    instrument, answers = pair
    result = score_instrument(instrument, answers)
    every = [*result.factors, *result.categories]
    if result.overall is not None:
        every.append(result.overall)
    for score in every:
        assert score.low <= score.high
        if score.value is None:
            assert score.band is None
            continue
        assert score.low - 1e-9 <= score.value <= score.high + 1e-9
        reached = [band for band in instrument.bands if band.lower <= score.value + 1e-9]
        assert score.band == (reached[-1] if reached else None)


@settings(max_examples=150, deadline=None)
@given(pair=instruments_and_answers(), data=st.data())
def test_scores_do_not_depend_on_the_order_of_items_or_answers(
    pair: tuple[Instrument, dict[str, float | None]], data: st.DataObject
) -> None:
    instrument, answers = pair
    result = score_instrument(instrument, answers)
    shuffled_answers = dict(data.draw(st.permutations(list(answers.items()))))
    factors = tuple(
        attrs.evolve(factor, items=tuple(data.draw(st.permutations(factor.items))))
        for factor in instrument.factors
    )
    reordered = attrs.evolve(instrument, factors=factors)
    again = score_instrument(reordered, shuffled_answers)
    assert [s.value for s in again.factors] == [s.value for s in result.factors]
    assert [s.value for s in again.categories] == [s.value for s in result.categories]
    assert again.overall == result.overall


@settings(max_examples=100, deadline=None)
@given(instrument=instruments())
def test_user_instruments_round_trip(instrument: Instrument) -> None:
    assert frivillig.loads(frivillig.dumps(instrument), Instrument) == instrument
