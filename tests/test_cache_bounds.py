"""Every cache the library keeps is bounded in bytes, not only in entries."""

import datetime as dt

import pytest

import frivillig
from frivillig import serialization
from frivillig._model import evaluation as _evaluation


def test_remembered_key_sets_stay_within_their_budget() -> None:
    kept = serialization._KeySets()
    long_keys = tuple(f"{'k' * 4000}{index}" for index in range(60))
    for index in range(200):
        kept.add((*long_keys[:-1], f"{index}"))
    assert kept.bytes <= kept._MAX_BYTES
    assert sum(sum(len(key) for key in keys) for keys in kept.found) <= kept._MAX_BYTES


def test_a_large_key_tuple_is_not_remembered() -> None:
    kept = serialization._KeySets()
    kept.add(tuple(f"k{index}" for index in range(65)))
    assert not kept.found


def test_an_overlong_rrule_is_refused_before_it_is_kept() -> None:
    _evaluation._rrule_problem.cache_clear()
    text = "FREQ=DAILY;" + "X" * 10_000_000
    with pytest.raises(frivillig.ValidationError) as caught:
        frivillig.EvaluationPlan(rrule=text, first_date=dt.date(2026, 1, 1))
    assert caught.value.problems[0].code == "length"
    assert _evaluation._rrule_problem.cache_info().currsize == 0
