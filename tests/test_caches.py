"""Every cache of the library has its budget in one place, and keeps within it.

``frivillig._core.caches.BUDGETS`` states, for every cache that keeps answers about
the caller's data, the most answers and the most bytes it keeps. These tests find
every cache in the package's modules and hold each to its budget: bounded ones are
made from their budget, unbounded ones keep only what the package itself fixes, and
the caches of answers of bounded size are filled with the largest answers their
inputs allow and measured.
"""

import datetime as dt
import functools
import gc
import importlib
import pkgutil
import tracemalloc
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

import frivillig
from frivillig._core import caches
from frivillig._core.caches import BUDGETS, CONSTANT, BoundedCache
from frivillig._model import evaluation
from frivillig._rules import checking

_LRU = type(functools.lru_cache(maxsize=1)(lambda: None))


def _modules() -> Iterator[ModuleType]:
    yield frivillig
    for info in pkgutil.walk_packages(frivillig.__path__, "frivillig."):
        if info.name == "frivillig.__main__":
            continue  # running it runs the command
        yield importlib.import_module(info.name)


def _caches() -> dict[int, tuple[str, Any]]:
    """Every cache object at the top of a module, by identity: (where, cache).

    The strategies are left out: test tooling, they keep what they build by the
    arguments a test suite passes them (see the docstring of ``_core.caches``).
    """
    found: dict[int, tuple[str, Any]] = {}
    for module in _modules():
        if module.__name__.startswith("frivillig.strategies"):
            continue
        for name, value in vars(module).items():
            if isinstance(value, _LRU | BoundedCache):
                found.setdefault(id(value), (f"{module.__name__}.{name}", value))
    return found


def test_every_budget_is_made_and_every_bounded_cache_has_a_budget() -> None:
    found = _caches()
    made = caches.made()
    assert set(made) == set(BUDGETS)
    made_ids = {id(cache) for cache in made.values()}
    bounded = {
        where
        for where, cache in found.values()
        if isinstance(cache, BoundedCache) or cache.cache_parameters()["maxsize"] is not None
    }
    assert {where for where in bounded if id(_cache_at(found, where)) not in made_ids} == set()


def _cache_at(found: dict[int, tuple[str, Any]], where: str) -> Any:
    return next(cache for name, cache in found.values() if name == where)


def test_the_caches_are_made_with_their_budgets() -> None:
    for name, cache in caches.made().items():
        budget = BUDGETS[name]
        if isinstance(cache, _LRU):
            assert cache.cache_parameters()["maxsize"] == budget.entries, name
        elif isinstance(cache, BoundedCache):
            assert (cache.max_bytes, cache.max_entries) == (budget.bytes, budget.entries), name


def test_unbounded_caches_keep_only_what_the_package_fixes() -> None:
    unbounded = {
        f"{cache.__module__}.{cache.__qualname__}"
        for _, cache in _caches().values()
        if isinstance(cache, _LRU) and cache.cache_parameters()["maxsize"] is None
    }
    assert unbounded == set(CONSTANT)


def _growth(fill: Callable[[], None]) -> int:
    """The bytes still allocated after ``fill`` (what the caches it filled keep)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        fill()
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("name", ["evaluation.rrule_problems", "evaluation.span_problems"])
def test_rrule_caches_filled_with_the_longest_texts_keep_within_their_budget(name: str) -> None:
    budget = BUDGETS[name]
    check: Any = (
        evaluation._rrule_problem
        if name == "evaluation.rrule_problems"
        else evaluation._span_problem
    )
    check.cache_clear()
    pad = "X" * (evaluation.MAX_RRULE_LENGTH - 40)
    first = dt.date(2026, 1, 1)

    def fill() -> None:
        for index in range(budget.entries + 100):
            text = f"FREQ=DAILY;COUNT={index % 400 + 1};X-PAD={pad}{index}"[
                : evaluation.MAX_RRULE_LENGTH
            ]
            if name == "evaluation.rrule_problems":
                check(text)
            else:
                check(f"FREQ=DAILY;COUNT={index % 400 + 1};INTERVAL={index + 1}", first)

    try:
        assert _growth(fill) <= budget.bytes
        assert check.cache_info().currsize == budget.entries
    finally:
        check.cache_clear()


def test_rendered_paths_keep_within_their_budget() -> None:
    budget = BUDGETS["checking.paths"]
    checking._relative_keyed.cache_clear()
    long_id = "x" * 120

    def fill() -> None:
        for index in range(budget.entries + 100):
            checking._relative_keyed(
                "rounds", index, "ratings", f"{long_id}{index:06d}", "ratee", f"{long_id}{index}"
            )

    try:
        assert _growth(fill) <= budget.bytes
    finally:
        checking._relative_keyed.cache_clear()


def test_a_bounded_cache_keeps_no_more_entries_than_its_budget() -> None:
    cache: BoundedCache[int, str] = BoundedCache(10_000, lambda _, value: len(value), "t", 3)
    for index in range(10):
        cache.put(index, "x")
    assert len(cache) == 3
    assert cache.get(9) == "x"
    assert cache.get(0) is None
