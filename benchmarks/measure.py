"""One measurement in a fresh process: load a portfolio file with one library, and time the rest.

Run by ``run.py`` as ``python -m benchmarks.measure LIBRARY FILE``; prints one JSON
object. A fresh process per measurement keeps one library's heap from weighing on
the next, and makes the peak resident memory (``ru_maxrss``) that of this load.
"""

import datetime as dt
import gc
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TODAY = dt.date(2026, 9, 1)


def _rss() -> int:
    """The resident memory of this process now, in bytes."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def _peak() -> int:
    """The most resident memory this process has had, in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _timed(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def _library(name: str) -> tuple[Callable[[bytes], Any], Callable[[Any], Any]]:
    if name == "frivillig":
        import frivillig

        limits = frivillig.LoadLimits(max_bytes=2**40, max_items=10**7)
        return (lambda data: frivillig.loads(data, frivillig.Portfolio, limits=limits)), (
            frivillig.dumps
        )
    if name == "pydantic":
        from .peers import pydantic_models

        return pydantic_models.load, pydantic_models.dump
    from .peers import msgspec_models

    return msgspec_models.load, msgspec_models.dump


def _operations(portfolio: Any) -> dict[str, float]:
    """Time frivillig's own work on a loaded portfolio: check, score, schedule, records."""
    import frivillig
    from frivillig import records, schedules

    from .instrument import score_settings

    settings = score_settings()
    collaborations = portfolio.collaborations

    def score() -> None:
        for collaboration in collaborations:
            frivillig.score_all(collaboration, today=TODAY, settings=settings)

    def schedule() -> None:
        for collaboration in collaborations:
            if collaboration.evaluation_plan is not None:
                schedules.next_due_dates(collaboration.evaluation_plan, after=TODAY)

    def export() -> None:
        for table in (
            records.collaboration_records,
            records.participant_records,
            records.goal_records,
            records.response_records,
            records.progress_records,
            records.answer_records,
        ):
            for _ in table(portfolio):
                pass

    times = {}
    for name, function in (
        ("check", lambda: frivillig.check_portfolio(portfolio, today=TODAY)),
        ("score", score),
        ("schedule", schedule),
        ("records", export),
    ):
        gc.collect()
        times[name], _ = _timed(function)
    return times


def main(library: str, path: str, *, operations: bool) -> dict[str, Any]:
    """Load the file once with the library and return the times and memory as a dict."""
    load, dump = _library(library)
    # One-time set-up (type adapters, generated functions) is not what is measured:
    # every library first reads and writes a small portfolio.
    from .data import portfolio_document

    dump(load(portfolio_document(5, 0)))
    data = Path(path).read_bytes()
    gc.collect()
    before = _rss()
    seconds, portfolio = _timed(lambda: load(data))
    peak = _peak() - before
    gc.collect()
    held = _rss() - before
    result: dict[str, Any] = {"load": seconds, "peak": max(peak, 0), "held": held}
    gc.collect()
    result["dump"], text = _timed(lambda: dump(portfolio))
    del text
    if operations:
        result.update(_operations(portfolio))
    return result


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], operations="--operations" in sys.argv)))
