"""The library leaves the host process as it found it.

A library embedded in a web service or a batch job must not change what the whole
process shares: the garbage collector, warning filters, logging, the locale, signal
handlers, the working directory. Each public entry point is run here while the
functions that change such state are replaced by recorders, so a change that is undone
before returning (a pause of the collector, say) is seen too.
"""

import datetime as dt
import gc
import locale
import logging
import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import frivillig
from frivillig import batch, records, schedules

TODAY = dt.date(2026, 11, 27)

# Every function that changes process-wide state, by module and name.
_CHANGERS: tuple[tuple[Any, str], ...] = (
    (gc, "disable"),
    (gc, "enable"),
    (gc, "set_threshold"),
    (gc, "freeze"),
    (gc, "unfreeze"),
    (gc, "set_debug"),
    (locale, "setlocale"),
    (logging, "basicConfig"),
    (logging, "disable"),
    (logging, "captureWarnings"),
    (warnings, "filterwarnings"),
    (warnings, "simplefilter"),
    (warnings, "resetwarnings"),
    (signal, "signal"),
    (os, "chdir"),
    (sys, "setrecursionlimit"),
    (sys, "setswitchinterval"),
)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    calls: list[str] = []
    for module, name in _CHANGERS:
        original = getattr(module, name)

        def recorder(
            *args: Any, __name: str = f"{module.__name__}.{name}", __original: Any = original
        ) -> Any:
            calls.append(__name)
            return __original(*args)

        monkeypatch.setattr(module, name, recorder)
    enabled, threshold, filters = gc.isenabled(), gc.get_threshold(), list(warnings.filters)
    root = logging.getLogger()
    handlers, level, cwd = list(root.handlers), root.level, os.getcwd()
    yield calls
    assert gc.isenabled() is enabled
    assert gc.get_threshold() == threshold
    assert warnings.filters == filters
    assert root.handlers == handlers
    assert root.level == level
    assert os.getcwd() == cwd


def _portfolio() -> frivillig.Portfolio:
    return frivillig.generate_portfolio(3, 6)


def _refused(text: str) -> None:
    try:
        frivillig.loads(text)
    except frivillig.ValidationError:
        return
    raise AssertionError(text)


def _entry_points(tmp: Path) -> dict[str, Callable[[], object]]:
    collaboration = frivillig.load_example()
    portfolio = _portfolio()
    text = frivillig.dumps(collaboration)
    frivillig.dump(collaboration, tmp / "one.json")
    batch.write_jsonl(portfolio, tmp / "many.jsonl")
    plan = collaboration.evaluation_plan
    assert plan is not None
    return {
        "loads": lambda: frivillig.loads(text),
        "loads (bad)": lambda: _refused("{}"),
        "load": lambda: frivillig.load(tmp / "one.json"),
        "dumps": lambda: frivillig.dumps(portfolio, indent=2),
        "dump": lambda: frivillig.dump(collaboration, tmp / "again.json"),
        "check": lambda: frivillig.check(collaboration, today=TODAY),
        "check_portfolio": lambda: frivillig.check_portfolio(portfolio, today=TODAY),
        "score_all": lambda: frivillig.score_all(collaboration, today=TODAY),
        "render_schedule": lambda: schedules.render_schedule(collaboration, today=TODAY),
        "evaluation_status": lambda: schedules.evaluation_status(
            plan, collaboration.rounds, today=TODAY
        ),
        "records": lambda: list(records.collaboration_records(portfolio)),
        "finding_records": lambda: list(records.finding_records(portfolio, today=TODAY)),
        "load_portfolio": lambda: batch.load_portfolio(tmp / "many.jsonl"),
        "iter_documents": lambda: list(batch.iter_documents(tmp / "many.jsonl")),
        "write_jsonl": lambda: batch.write_jsonl(portfolio, tmp / "out.jsonl"),
        "evaluate": lambda: list(batch.evaluate(tmp / "many.jsonl", today=TODAY)),
        "generate_portfolio": _portfolio,
    }


_NAMES = (
    "loads",
    "loads (bad)",
    "load",
    "dumps",
    "dump",
    "check",
    "check_portfolio",
    "score_all",
    "render_schedule",
    "evaluation_status",
    "records",
    "finding_records",
    "load_portfolio",
    "iter_documents",
    "write_jsonl",
    "evaluate",
    "generate_portfolio",
)


def test_every_entry_point_is_tried(tmp_path: Path) -> None:
    assert set(_entry_points(tmp_path)) == set(_NAMES)


@pytest.mark.parametrize("name", _NAMES)
def test_no_entry_point_changes_process_state(
    name: str, tmp_path: Path, recorded: list[str]
) -> None:
    entry = _entry_points(tmp_path)[name]
    recorded.clear()  # setting up wrote files through the library too; judge the call alone
    entry()
    assert recorded == []


def test_a_rule_runs_with_the_collector_as_the_host_left_it() -> None:
    seen: list[bool] = []

    def rule_check(context: frivillig.RuleContext) -> Iterator[frivillig.Hit]:
        seen.append(gc.isenabled())
        yield from ()

    rule = frivillig.Rule(
        code="KK991",
        name="watches",
        severity=frivillig.Severity.INFO,
        title_da="Ser på opsamleren",
        title_en="Watches the collector",
        rationale="Records whether the garbage collector is on while rules run.",
        sources=(frivillig.Source(kind=frivillig.SourceKind.MODEL, citation="tests"),),
        check=rule_check,
    )
    book = frivillig.Rulebook(rules=[rule])
    portfolio = _portfolio()
    assert gc.isenabled()
    frivillig.check_portfolio(portfolio, today=TODAY, rulebook=book)
    assert seen
    assert all(seen)


def test_loading_in_threads_never_switches_the_collector_off() -> None:
    text = frivillig.dumps(_portfolio())
    stop = threading.Event()
    samples: list[bool] = []

    def load() -> None:
        while not stop.is_set():
            frivillig.loads(text)

    workers = [threading.Thread(target=load) for _ in range(4)]
    for worker in workers:
        worker.start()
    try:
        for _ in range(200):
            samples.append(gc.isenabled())
            frivillig.loads(text)
    finally:
        stop.set()
        for worker in workers:
            worker.join()
    assert all(samples)
