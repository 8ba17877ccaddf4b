"""Measure frivillig against pydantic v2 and msgspec on portfolios of the benchmark shape.

Usage (from the repository root, after ``pip install -e '.[bench]'``)::

    python -m benchmarks [--sizes 1000,10000,100000] [--repeat 3] [--large-repeat 1]

For each size the portfolio document is made once (seeded) in a temporary
folder. Each repetition is a fresh process per library that loads the document
(bytes → validated objects), records the peak and held memory, dumps it again
(objects → JSON), and, for frivillig, checks, scores, schedules and exports it.
The table gives the median of the repetitions, per collaboration, and the ratios
to both peers taken in the same run.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from . import data

LIBRARIES = ("frivillig", "pydantic", "msgspec")
OPERATIONS = ("check", "score", "schedule", "records")
LARGE = 50_000


def _measure(library: str, path: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.measure", library, str(path)]
    if library == "frivillig":
        command.append("--operations")
    root = Path(__file__).resolve().parent.parent
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=root)  # noqa: S603
    return json.loads(output.stdout)


def _import_time(repeat: int = 5) -> tuple[float, list[str]]:
    code = (
        "import sys, time; start = time.perf_counter(); import frivillig; "
        "print(time.perf_counter() - start); "
        "print(','.join(m for m in ('hypothesis', 'pandas', 'polars', 'numpy', 'pydantic') "
        "if m in sys.modules))"
    )
    times, heavy = [], ""
    for _ in range(repeat):
        lines = subprocess.run(  # noqa: S603
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout.splitlines()
        times.append(float(lines[0]))
        heavy = lines[1] if len(lines) > 1 else ""
    return statistics.median(times), [name for name in heavy.split(",") if name]


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def _ratio(mine: float, theirs: float) -> str:
    return f"{mine / theirs:.2f}×" if theirs else "–"


def measure_size(size: int, repeat: int, folder: Path | None, seed: int) -> dict[str, Any]:
    """Measure every library on one size; return medians (seconds, bytes) per library."""
    path = data.portfolio_file(size, seed, folder)
    results: dict[str, Any] = {"size": size, "bytes": path.stat().st_size, "repeat": repeat}
    runs: dict[str, list[dict[str, float]]] = {library: [] for library in LIBRARIES}
    for _ in range(repeat):
        for library in LIBRARIES:  # interleaved, so that a noisy moment hits all alike
            runs[library].append(_measure(library, path))
    for library in LIBRARIES:
        keys = ("load", "dump", "peak", "held", *(OPERATIONS if library == "frivillig" else ()))
        results[library] = {key: _median(runs[library], key) for key in keys}
    return results


def _table(results: dict[str, Any]) -> list[str]:
    size = results["size"]
    ours, pydantic, msgspec = (results[name] for name in LIBRARIES)
    per = 1e6 / size
    lines = [
        f"### {size:,} collaborations ({results['bytes'] / size / 1024:.1f} KiB of JSON each, "
        f"median of {results['repeat']})",
        "",
        "| measure | frivillig | pydantic v2 | msgspec "
        "| frivillig ÷ pydantic | frivillig ÷ msgspec |",
        "|---|---|---|---|---|---|",
    ]
    for key, label in (
        ("load", "load: bytes → validated objects"),
        ("dump", "dump: objects → JSON"),
    ):
        lines.append(
            f"| {label} | {ours[key]:.2f} s ({ours[key] * per:.0f} µs each) "
            f"| {pydantic[key]:.2f} s | {msgspec[key]:.2f} s "
            f"| {_ratio(ours[key], pydantic[key])} | {_ratio(ours[key], msgspec[key])} |"
        )
    for key, label in (
        ("peak", "peak memory while loading"),
        ("held", "memory holding the objects"),
    ):
        mib = 1024 * 1024
        lines.append(
            f"| {label} | {ours[key] / mib:.0f} MiB | {pydantic[key] / mib:.0f} MiB "
            f"| {msgspec[key] / mib:.0f} MiB | {_ratio(ours[key], pydantic[key])} "
            f"| {_ratio(ours[key], msgspec[key])} |"
        )
    for key in OPERATIONS:
        lines.append(
            f"| {key} (frivillig only) | {ours[key]:.2f} s ({ours[key] * per:.0f} µs each) "
            "| | | | |"
        )
    both = ours["check"] + ours["score"]
    lines.append(f"| check + score ÷ load (frivillig) | {both / ours['load']:.2f}× | | | | |")
    return lines


def _summary(all_results: list[dict[str, Any]], import_time: float, heavy: list[str]) -> list[str]:
    largest = all_results[-1]
    ours, pydantic, msgspec = (largest[name] for name in LIBRARIES)
    lines = [
        f"### Targets, at {largest['size']:,} collaborations",
        "",
        "| target | reached |",
        "|---|---|",
        f"| load ≤ 0.5 × pydantic | {_ratio(ours['load'], pydantic['load'])} |",
        f"| load ≤ 1.5 × msgspec | {_ratio(ours['load'], msgspec['load'])} |",
        f"| dump ≤ 1.5 × msgspec | {_ratio(ours['dump'], msgspec['dump'])} |",
        f"| check + score ≤ load | {(ours['check'] + ours['score']) / ours['load']:.2f}× |",
        f"| peak memory while loading ≤ 1.5 × msgspec | {_ratio(ours['peak'], msgspec['peak'])} |",
    ]
    if len(all_results) > 1:
        smallest = all_results[0]
        scale = largest["size"] / smallest["size"]
        for library in LIBRARIES:
            growth = largest[library]["load"] / (smallest[library]["load"] * scale)
            lines.append(
                f"| cost per collaboration, {largest['size']:,} vs {smallest['size']:,} "
                f"({library}) ≤ 1.5 | {growth:.2f}× |"
            )
    imported = ", ".join(heavy) or "none of hypothesis, pandas, polars, numpy, pydantic"
    lines.append(f"| `import frivillig` < 150 ms | {import_time * 1000:.0f} ms ({imported}) |")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the tables."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--sizes", default="1000,10000,100000", help="portfolio sizes, comma-separated"
    )
    parser.add_argument("--repeat", type=int, default=3, help="repetitions per size (median)")
    parser.add_argument(
        "--large-repeat",
        type=int,
        default=1,
        help=f"repetitions for sizes of {LARGE:,} and more, to stay within minutes",
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated portfolios")
    parser.add_argument("--folder", type=Path, default=None, help="where the portfolios are kept")
    arguments = parser.parse_args(argv)
    sizes = [int(size) for size in arguments.sizes.split(",")]
    started = time.perf_counter()
    import_time, heavy = _import_time()
    all_results = []
    for size in sizes:
        repeat = arguments.large_repeat if size >= LARGE else arguments.repeat
        results = measure_size(size, repeat, arguments.folder, arguments.seed)
        all_results.append(results)
        print("\n".join(_table(results)), end="\n\n", flush=True)
    print("\n".join(_summary(all_results, import_time, heavy)))
    print(
        f"\n{arguments.repeat} repetitions per size ({arguments.large_repeat} from {LARGE:,}); "
        f"{time.perf_counter() - started:.0f} s in all."
    )
    return 0
