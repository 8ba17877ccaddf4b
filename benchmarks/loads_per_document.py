"""Time ``frivillig.loads`` on ``generate_portfolio``'s documents, read one by one.

A web service reads each request body on its own: ``loads(text, Collaboration)``
per document. This prints the time per document (median and spread over
interleaved repetitions, all in this one process, with the collector as Python
sets it) and the top entries of a cProfile run over the same documents. It needs
frivillig only::

    python -m benchmarks.loads_per_document [--size 300] [--repeat 7] [--top 15]

``--baseline FILE`` adds another version of ``frivillig/serialization.py`` (say
``git show HEAD~1:src/frivillig/serialization.py > old.py``), loaded beside the
installed one, so that before and after are timed in the same process, their passes
interleaved; it must fit the rest of the installed package. The figures depend on
the machine; nothing here is a test.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import pstats
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import frivillig


def documents(seed: int, size: int) -> list[str]:
    """The collaborations of ``generate_portfolio(seed, size)``, each as its own document."""
    portfolio = frivillig.generate_portfolio(seed, size)
    return [frivillig.dumps(collaboration) for collaboration in portfolio.collaborations]


def per_document(read: Callable[[Any], Any], texts: Sequence[Any]) -> float:
    """Mean seconds per document for one pass of ``read`` over ``texts``."""
    clock = time.perf_counter
    start = clock()
    for text in texts:
        read(text)
    return (clock() - start) / len(texts)


def read_collaboration(text: str | bytes) -> Any:
    return frivillig.loads(text, frivillig.Collaboration)


def baseline(path: str) -> Callable[[str | bytes], Any]:
    """``loads(text, Collaboration)`` of the serialization module in ``path``."""
    name = "frivillig._baseline_serialization"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        failure = f"cannot load {path}"
        raise SystemExit(failure)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    loads = module.loads
    return lambda text: loads(text, frivillig.Collaboration)


Contender = tuple[Callable[[Any], Any], Sequence[Any]]


def measure(contenders: dict[str, Contender], repeat: int) -> dict[str, list[float]]:
    """Seconds per document for each contender, passes interleaved, after one warm-up pass."""
    for read, texts in contenders.values():
        per_document(read, texts)
    runs: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(repeat):
        for name, (read, texts) in contenders.items():
            runs[name].append(per_document(read, texts))
    return runs


def profile(read: Callable[[Any], Any], texts: Sequence[Any], top: int) -> str:
    """The top entries, by own time and by cumulative time, of one profiled pass."""
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        read(text)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--baseline", metavar="FILE", help="another serialization.py to time")
    args = parser.parse_args(argv)

    texts = documents(args.seed, args.size)
    sizes = [len(text.encode()) for text in texts]
    colons = sum(1 for text in texts if ":" in "".join(text.split('"')[1::2]))
    print(
        f"{len(texts)} documents of generate_portfolio({args.seed}, {args.size}), "
        f"{statistics.mean(sizes) / 1024:.1f} KiB on average; "
        f"{colons} with a colon inside a string"
    )
    bodies = [text.encode() for text in texts]
    contenders: dict[str, Contender] = {
        "loads(text, Collaboration)": (read_collaboration, texts),
        "loads(bytes, Collaboration)": (read_collaboration, bodies),
    }
    if args.baseline:
        old = baseline(args.baseline)
        if any(old(text) != read_collaboration(text) for text in texts):
            failure = "the baseline reads the documents otherwise"
            raise SystemExit(failure)
        contenders["baseline loads(text, Collaboration)"] = (old, texts)
        contenders["baseline loads(bytes, Collaboration)"] = (old, bodies)
    runs = measure(contenders, args.repeat)
    for name, seconds in runs.items():
        micro = [s * 1e6 for s in seconds]
        print(
            f"{name}: median {statistics.median(micro):.0f} µs per document "
            f"(min {min(micro):.0f}, max {max(micro):.0f}, {args.repeat} passes: "
            + ", ".join(f"{m:.0f}" for m in micro)
            + ")"
        )
    if not args.no_profile:
        print("Profile of loads(text, Collaboration), one pass:")
        print(profile(read_collaboration, texts, args.top))
        if args.baseline:
            print("Profile of the baseline's loads(text, Collaboration), one pass:")
            print(profile(contenders["baseline loads(text, Collaboration)"][0], texts, args.top))


if __name__ == "__main__":
    main()
