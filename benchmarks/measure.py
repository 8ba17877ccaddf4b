"""One measurement in a fresh process, for one contender and one collector setting.

Run by ``run.py``; prints one JSON object. Two kinds::

    python -m benchmarks.measure portfolio CONTENDER GC FILE
    python -m benchmarks.measure service CONTENDER GC FILE [MODULE]

``CONTENDER`` is ``frivillig``, ``pydantic`` or ``msgspec`` (the hand-written peers in
``peers/``) for a portfolio, and ``frivillig``, ``generated-pydantic`` or
``generated-msgspec`` (``MODULE``: the models ``datamodel-code-generator`` made from
frivillig's own schema) for the web-service documents. ``GC`` is ``on`` (the
collector left as Python starts it) or ``paused``: this process, standing for the
application, calls ``gc.disable()`` just before each timed call and ``gc.enable()``
just after it, the same for every contender. Between timed calls it collects, outside
the timing, also the same for all. A fresh process per measurement keeps one
contender's heap from weighing on the next, and makes the peak resident memory
(``ru_maxrss``) that of this load.

A portfolio is loaded (bytes → validated objects), its peak and held memory taken,
and written twice: as the text ``frivillig.dumps`` writes (each peer uses the writer
whose output of a small portfolio is byte-identical to frivillig's, and says whether
it was) and as compact JSON. For frivillig the rule check and the scores are then
timed on each collaboration once (first sight): the even-numbered ones with the
library's caches as the load left them, the odd-numbered ones after clearing them
(``cold``); in a portfolio of more than ``2 * CHECKED``, every n-th of each, so that
the time stays within minutes (the figure is per collaboration).
"""

import datetime as dt
import gc
import importlib.util
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TODAY = dt.date(2026, 9, 1)
WARM_UP_SIZE = 5
CHECKED = 500
"""At most this many collaborations in each half are checked and scored, evenly spaced."""


def _rss() -> int:
    """The resident memory of this process now, in bytes."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def _peak() -> int:
    """The most resident memory this process has had, in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class Clock:
    """Times calls with the collector as the setting says, the same for every contender."""

    def __init__(self, setting: str) -> None:
        if setting not in ("on", "paused"):
            msg = f"the collector is 'on' or 'paused', not {setting!r}"
            raise SystemExit(msg)
        self.paused = setting == "paused"

    def __call__(self, function: Callable[[], Any], *, collect: bool = True) -> tuple[float, Any]:
        """Run ``function`` once; return the seconds it took and what it returned.

        With ``collect`` (the default) the collector first runs, outside the timing.
        """
        if collect:
            gc.collect()
        if self.paused:
            gc.disable()
        try:
            start = time.perf_counter()
            result = function()
            return time.perf_counter() - start, result
        finally:
            if self.paused:
                gc.enable()


def clear_library_caches() -> list[str]:
    """Empty frivillig's caches of plans and schedules; return the names of those emptied.

    They are the due-date windows, schedule statuses and dates of counted rules of
    ``frivillig.schedules`` (``BoundedCache``), and the kept RRULE checks and counted
    spans of plans.
    """
    from frivillig import schedules
    from frivillig._model import evaluation as _evaluation

    emptied = []
    for owner, name in (
        (schedules, "_WINDOWS"),
        (schedules, "_STATUSES"),
        (schedules, "_COUNTED"),
        (_evaluation, "_rrule_problem"),
        (_evaluation, "_span_problem"),
    ):
        cache = getattr(owner, name, None)
        clear = getattr(cache, "clear", None) or getattr(cache, "cache_clear", None)
        if clear is not None:
            clear()
            emptied.append(f"{owner.__name__}.{name}")
    return emptied


# -- portfolios -------------------------------------------------------------------


def _frivillig() -> dict[str, Callable[..., Any]]:
    import frivillig

    limits = frivillig.LoadLimits(max_bytes=2**40, max_items=10**7)
    return {
        "load": lambda data: frivillig.loads(data, frivillig.Portfolio, limits=limits),
        "same": lambda portfolio: frivillig.dumps(portfolio),
    }


def _peer(name: str) -> dict[str, Callable[..., Any]]:
    if name == "pydantic":
        from .peers import pydantic_models as models
    elif name == "msgspec":
        from .peers import msgspec_models as models  # type: ignore[no-redef]
    else:
        msg = f"no contender {name!r}"
        raise SystemExit(msg)
    return {"load": models.load, "compact": models.dump}


def _text(value: str | bytes) -> bytes:
    return value.encode() if isinstance(value, str) else value


def _writers(name: str, small: bytes) -> tuple[dict[str, Callable[..., Any]], dict[str, Any]]:
    """The contender's reader and writers, used once on a small portfolio first.

    One-time set-up (type adapters, generated functions, compiled patterns) is not
    what is measured. The small portfolio also tells whether a peer's compact text
    is frivillig's, byte for byte.
    """
    ours = _frivillig()
    expected = _text(ours["same"](ours["load"](small)))
    facts: dict[str, Any] = {"frivillig_text": "spaced" if b'": ' in expected[:40] else "compact"}
    if name == "frivillig":
        functions = ours
        facts["identical"] = True
    else:
        functions = _peer(name)
        portfolio = functions["load"](small)
        facts["identical"] = _text(functions["compact"](portfolio)) == expected
        functions["same"] = functions["compact"]
    functions["same"](functions["load"](small))
    return functions, facts


def _operations(portfolio: Any, clock: Clock) -> dict[str, Any]:
    """Check and score every collaboration once: half as loaded, half with caches cleared."""
    import frivillig

    from .instrument import score_settings

    settings = score_settings()
    collaborations = portfolio.collaborations
    step = 2 * max(1, len(collaborations) // (2 * CHECKED))
    results: dict[str, Any] = {}
    halves = (("as_loaded", collaborations[0::step]), ("cold", collaborations[1::step]))
    for label, part in halves:
        if label == "cold":
            results["caches_cleared"] = clear_library_caches()

        def check(part: tuple[Any, ...] = part) -> None:
            for collaboration in part:
                frivillig.check(collaboration, today=TODAY)

        def score(part: tuple[Any, ...] = part) -> None:
            for collaboration in part:
                frivillig.score_all(collaboration, today=TODAY, settings=settings)

        # check first, as a caller does; per collaboration, so that halves compare
        seconds_check, _ = clock(check)
        seconds_score, _ = clock(score)
        count = max(len(part), 1)
        results[f"check_{label}"] = seconds_check / count
        results[f"score_{label}"] = seconds_score / count
    return results


def portfolio(name: str, setting: str, path: str) -> dict[str, Any]:
    """Load, measure the memory, write twice and (frivillig) check and score one portfolio."""
    from .data import portfolio_document

    clock = Clock(setting)
    functions, facts = _writers(name, portfolio_document(WARM_UP_SIZE, 0))
    data = Path(path).read_bytes()
    gc.collect()
    before = _rss()
    seconds, loaded = clock(lambda: functions["load"](data))
    peak = _peak() - before
    gc.collect()
    result: dict[str, Any] = {
        "load": seconds,
        "peak": max(peak, 0),
        "held": _rss() - before,
        **facts,
    }
    result["dump_same"], text = clock(lambda: functions["same"](loaded))
    del text
    if name == "frivillig":
        result.update(_operations(loaded, clock))
    return result


# -- web-service documents ----------------------------------------------------------


def _module(path: str) -> Any:
    spec = importlib.util.spec_from_file_location(Path(path).stem, path)
    if spec is None or spec.loader is None:
        msg = f"cannot import {path}"
        raise SystemExit(msg)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _service_reader(name: str, module_path: str | None) -> Callable[[bytes], Any]:
    if name == "frivillig":
        import frivillig

        return lambda body: frivillig.loads(body, frivillig.Collaboration)
    if module_path is None:
        msg = f"{name} needs the path of its generated module"
        raise SystemExit(msg)
    root = _module(module_path).CollaborationDocument
    if name == "generated-pydantic":
        return root.model_validate_json
    import msgspec

    return msgspec.json.Decoder(root).decode


def service(name: str, setting: str, path: str, module_path: str | None) -> dict[str, Any]:
    """Read each document as a request body, one by one; time each read."""
    from .data import service_documents

    clock = Clock(setting)
    read = _service_reader(name, module_path)
    for body in service_documents(seed=1, size=WARM_UP_SIZE):  # set-up, not measured
        read(body)
    bodies = Path(path).read_bytes().splitlines()
    times = []
    gc.collect()
    for body in bodies:  # no collection between requests: a service does not make one
        seconds, _ = clock(lambda body=body: read(body), collect=False)
        times.append(seconds)
    times.sort()
    return {
        "documents": len(times),
        "bytes": sum(map(len, bodies)) / max(len(bodies), 1),
        "read": sum(times) / max(len(times), 1),
        "read_median": times[len(times) // 2],
    }


def main(argv: list[str]) -> dict[str, Any]:
    """Run the measurement the arguments name and return its figures."""
    kind, name, setting, path, *rest = argv
    if kind == "portfolio":
        return portfolio(name, setting, path)
    if kind == "service":
        return service(name, setting, path, rest[0] if rest else None)
    msg = f"no measurement {kind!r}"
    raise SystemExit(msg)


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
