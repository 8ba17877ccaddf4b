"""Scores, the scores of ``score_all`` and reports have a JSON form, and a JSON Schema of it."""

import copy
import datetime as dt
import json
import pickle
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import strategies
from frivillig._core.frozenmap import FrozenMap
from frivillig._scores.scores import Score, ScorePart, Scores
from frivillig.errors import ArgumentTypeError, ArgumentValueError, UsageError
from frivillig.schema import RESULT_TYPES, result_schema

DAY = dt.date(2026, 10, 1)


def _validator(result_type: str) -> jsonschema.Draft202012Validator:
    schema = result_schema(result_type)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


VALIDATORS = {result_type: _validator(result_type) for result_type in RESULT_TYPES}


def _example_scores() -> Scores:
    return frivillig.score_all(frivillig.load_example(), today=DAY)


def test_score_to_dict_has_every_field_by_name() -> None:
    for score in _example_scores().values():
        data = score.to_dict()
        assert list(data) == [field.name for field in attrs.fields(Score)]
        for part, part_data in zip(score.parts, data["parts"], strict=True):
            assert part_data == part.to_dict()
            assert list(part_data) == [field.name for field in attrs.fields(ScorePart)]
            assert part_data["value"] == part.value
            assert part_data["weight"] == part.weight
        assert data["notes"] == [{"da": note.da, "en": note.en} for note in score.notes]
        assert (data["value"], data["low"], data["high"], data["coverage"]) == (
            score.value,
            score.low,
            score.high,
            score.coverage,
        )


def test_score_to_json_is_plain_deterministic_json_with_danish_letters_kept() -> None:
    scores = _example_scores()
    for score in scores.values():
        text = score.to_json()
        assert text == score.to_json()
        assert text == json.dumps(score.to_dict(), ensure_ascii=False, indent=2)
        assert json.loads(text) == score.to_dict()
        assert score.to_json(indent=None) == json.dumps(score.to_dict(), ensure_ascii=False)
    assert any(letter in scores.to_json() for letter in "æøåÆØÅ")
    assert "\\u00e6" not in scores.to_json()


def test_scores_is_a_frozen_map_as_before() -> None:
    scores = _example_scores()
    assert isinstance(scores, FrozenMap)
    plain = FrozenMap(dict(scores))
    assert scores == plain
    assert plain == scores
    assert scores == dict(scores)
    assert hash(scores) == hash(plain)
    assert repr(scores) == repr(plain)
    assert list(scores) == list(plain)
    assert list(scores)[-1] == "collaboration_health"
    pickled = pickle.loads(pickle.dumps(scores))  # noqa: S301 - our own bytes
    for copied in (pickled, copy.copy(scores), copy.deepcopy(scores)):
        assert type(copied) is Scores
        assert copied == scores


def test_scores_to_dict_keeps_the_order_and_each_score() -> None:
    scores = _example_scores()
    data = scores.to_dict()
    assert list(data) == list(scores)
    assert data == {key: score.to_dict() for key, score in scores.items()}
    assert json.loads(scores.to_json()) == data
    assert scores.to_json() == _example_scores().to_json()


def test_the_examples_validate_against_the_result_schemas() -> None:
    collaboration = frivillig.load_example()
    scores = frivillig.score_all(collaboration, today=DAY)
    VALIDATORS["scores"].validate(json.loads(scores.to_json()))
    for score in scores.values():
        VALIDATORS["score"].validate(json.loads(score.to_json()))
    report = frivillig.check(collaboration, today=DAY)
    VALIDATORS["report"].validate(json.loads(report.to_json()))


def test_the_result_schemas_refuse_what_is_not_a_result() -> None:
    score = _example_scores()["goal_alignment"].to_dict()
    for key, value in (("value", 101), ("value", "100"), ("coverage", 1.5), ("parts", None)):
        assert not VALIDATORS["score"].is_valid({**score, key: value})
    assert not VALIDATORS["score"].is_valid({**score, "extra": 1})
    missing = dict(score)
    del missing["coverage"]
    assert not VALIDATORS["score"].is_valid(missing)
    assert not VALIDATORS["scores"].is_valid({"goal_alignment": {**score, "low": 1}})
    report = frivillig.check(frivillig.load_example(), today=DAY).to_dict()
    assert not VALIDATORS["report"].is_valid({**report, "today": "1 October 2026"})
    assert not VALIDATORS["report"].is_valid({**report, "counts": {"fatal": 1}})


@pytest.mark.parametrize("result_type", RESULT_TYPES)
def test_result_schemas_are_deterministic_plain_data_and_fresh_copies(result_type: str) -> None:
    first = result_schema(result_type)
    text = json.dumps(first, ensure_ascii=False)
    first.clear()
    assert json.dumps(result_schema(result_type), ensure_ascii=False) == text
    assert json.loads(text)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_unknown_result_type_is_the_callers_mistake() -> None:
    with pytest.raises(ArgumentValueError, match="result_type must be one of score, scores"):
        result_schema("scorer")
    with pytest.raises(ArgumentTypeError):
        result_schema(None)  # type: ignore[arg-type]
    with pytest.raises(UsageError):
        result_schema("")


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.collaborations(), st.integers(min_value=0, max_value=3 * 366))
def test_every_score_of_a_drawn_collaboration_validates(
    collaboration: frivillig.Collaboration, days: int
) -> None:
    scores = frivillig.score_all(collaboration, today=collaboration.start_on + dt.timedelta(days))
    assert isinstance(scores, Scores)
    data: Any = json.loads(scores.to_json())
    VALIDATORS["scores"].validate(data)
    for key, score in scores.items():
        assert data[key] == score.to_dict()
        VALIDATORS["score"].validate(json.loads(score.to_json(indent=None)))


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.scores())
def test_every_drawn_score_validates(score: Score) -> None:
    VALIDATORS["score"].validate(json.loads(score.to_json()))


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.reports())
def test_every_drawn_report_validates(report: frivillig.Report) -> None:
    VALIDATORS["report"].validate(json.loads(report.to_json()))


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.collaborations(), st.integers(min_value=0, max_value=3 * 366))
def test_every_report_of_a_drawn_collaboration_validates(
    collaboration: frivillig.Collaboration, days: int
) -> None:
    report = frivillig.check(collaboration, today=collaboration.start_on + dt.timedelta(days))
    VALIDATORS["report"].validate(json.loads(report.to_json()))
