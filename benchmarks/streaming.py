"""Streaming evaluation of a large portfolio: memory, time and documents per second by size.

Usage (from the repository root)::

    python -m benchmarks.streaming [SIZE ...] [--pool 2000] [--every 50000] [--cli SIZE ...]
        [--held SIZE]

Each size (10,000, 100,000 and 500,000 by default) is run in fresh processes: a
*producer* writes the documents as JSON Lines to a pipe, and an *evaluator*
reads that pipe with ``frivillig.batch.evaluate(sys.stdin.buffer, ...)``, as a
nightly job would: every collaboration is checked and scored (with the
``benchmark-20`` instrument of ``instrument.py`` in ``ScoreSettings``), each
``Evaluation`` is looked at (passes, one score) and dropped. The producer runs in
its own process, so the evaluator's memory is the library's and the job's only,
and no file of the documents is written. The evaluator prints its resident set
size (``/proc/self/statm``) every ``--every`` documents (to standard error, as it
goes), and at the end one JSON line: its peak RSS
(``getrusage(RUSAGE_SELF).ru_maxrss``), the RSS curve, wall time from the first
document (the pool is drawn before it) and documents per second.

``--cli SIZE`` also writes SIZE documents to a JSON Lines file in the temporary
folder (about 15 KB a document) and runs ``frivillig check FILE.jsonl`` and
``frivillig export FILE.jsonl -o OUT.csv`` on it, each as a child process
(peak RSS from ``getrusage(RUSAGE_CHILDREN)`` of a fresh process that runs only
that child); the files are deleted afterwards. ``frivillig`` cannot be given the
``benchmark-20`` instrument, so the CLI's documents have no answers (the rest is
the same).

``--held SIZE`` loads SIZE documents with ``batch.load_portfolio`` (held in
memory, not streamed) and times one full ``gc.collect()`` (process CPU time),
then ``gc.freeze()`` and one full ``gc.collect()`` again: what a long-running
host that owns its process can do; the library never does it. The portfolio is
loaded with the collector on, as the host left it.

**How the documents are made.** Drawing a collaboration with ``data.py`` costs
about 2 ms (5 ms for a synthetic one), too slow for 500,000. So a *pool* of
``--pool`` collaborations (2,000 by default) is drawn once with
``data.collaboration_data(seed=1, index)`` (the benchmark's own distributions:
80 % drawn per collaboration, 20 % from ``synthetic.generate_collaboration``,
with tasks, agreements, colons in titles, distinct plans), each kept as compact
JSON bytes. Streamed document ``n`` starts from pool member ``n % pool`` (decoded
afresh) and is drawn again from its own generator,
``random.Random(f"frivillig-streaming:{n}")``:

- a new id, ``stream-{n:07d}``, and title;
- every date of the document (start, end, agreements, first date, rounds,
  volunteers' dates, an RRULE's ``UNTIL``) shifted by the same number of whole
  weeks, -104 to +26 (so weekdays, and the order of dates, are kept), one week
  more when a yearly plan's first date would fall on 29 February; a time log's
  month keeps its distance in months from the month of the start (it stays the
  first of a month);
- every response's satisfaction (1-5, none 10 %), every answer (1-5, missing 5 %)
  and every goal progress (0-40) drawn again.

The documents are 15.0 KB on average (compact JSON), with 40 time logs on average
(126 in a synthetic one, 18 in a drawn one). No two streamed documents are the same
text, and the schedule caches (keyed by RRULE text and first date) see up to
pool x 131 distinct pairs.
"""

import argparse
import datetime as dt
import gc
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from frivillig import SCHEMA_VERSION

TODAY = "2026-12-01"
SEED = 1
PAGE = os.sysconf("SC_PAGE_SIZE")
_DATE = re.compile(rb'"(\d{4})-(\d{2})-(\d{2})"')
_UNTIL = re.compile(rb"UNTIL=(\d{4})(\d{2})(\d{2})")


def _rss_mib() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * PAGE / 2**20


def _peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


# -- producing -------------------------------------------------------------------------------


def _pool(size: int) -> list[bytes]:
    from . import data

    return [msgspec.json.encode(data.collaboration_data(SEED, index)) for index in range(size)]


def _redraw(document: dict[str, Any], rng: random.Random, *, answers: bool) -> None:
    for round_ in document.get("rounds") or ():
        for response in round_.get("responses") or ():
            response["satisfaction"] = None if rng.random() < 0.1 else rng.randint(1, 5)
            if response.get("goal_progress"):
                response["goal_progress"] = {
                    goal: float(int(rng.random() * 41)) for goal in response["goal_progress"]
                }
            if not answers:
                response["answers"] = {}
                response["instrument"] = None
            elif response.get("answers"):
                response["answers"] = {item: _answer(rng) for item in response["answers"]}


def _answer(rng: random.Random) -> float | None:
    draw = rng.random()  # 1-5, each equally likely, or missing 5 % of the time
    return None if draw < 0.05 else float(1 + int((draw - 0.05) / 0.19))


def _shifted(text: bytes, days: int) -> bytes:
    delta = dt.timedelta(days=days)

    def date(match: re.Match[bytes]) -> bytes:
        day = dt.date(int(match[1]), int(match[2]), int(match[3])) + delta
        return b'"' + day.isoformat().encode() + b'"'

    def until(match: re.Match[bytes]) -> bytes:
        day = dt.date(int(match[1]), int(match[2]), int(match[3])) + delta
        return b"UNTIL=" + day.strftime("%Y%m%d").encode()

    return _UNTIL.sub(until, _DATE.sub(date, text))


def documents(size: int, pool: list[bytes], *, answers: bool = True) -> Iterator[bytes]:
    """The ``size`` streamed documents, each one line of compact JSON without its newline."""
    for number in range(size):
        rng = random.Random(f"frivillig-streaming:{number}")
        document = msgspec.json.decode(pool[number % len(pool)])
        document["id"] = f"stream-{number:07d}"
        document["title"] = f"Strømmet samarbejde nr. {number}"
        _redraw(document, rng, answers=answers)
        document = {"schema_version": SCHEMA_VERSION, "type": "collaboration", **document}
        days = 7 * rng.randint(-104, 26)
        plan = document.get("evaluation_plan")
        if plan and "YEARLY" in plan["rrule"]:  # from 29 February: every 4th year only
            first = dt.date.fromisoformat(plan["first_date"]) + dt.timedelta(days=days)
            days += 7 if (first.month, first.day) == (2, 29) else 0
        _months_ahead(document, days)
        yield _shifted(msgspec.json.encode(document), days)


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _months_ahead(document: dict[str, Any], days: int) -> None:
    """Move each log's month with the start, in whole months.

    The month is set so that, once every date is shifted by ``days``, it is the first day
    of the month as many months after the new start's month as it was after the old one.
    """
    logs = document.get("time_logs")
    if not logs:
        return
    delta = dt.timedelta(days=days)
    start = dt.date.fromisoformat(document["start_on"])
    moved = _month_index(start + delta) - _month_index(start)
    for log in logs:
        index = _month_index(dt.date.fromisoformat(log["month"])) + moved
        month = dt.date(index // 12, index % 12 + 1, 1)
        log["month"] = (month - delta).isoformat()


def _produce(args: argparse.Namespace) -> None:
    pool = _pool(args.pool)
    out = sys.stdout.buffer
    for line in documents(args.size, pool, answers=not args.no_answers):
        out.write(line + b"\n")
    out.flush()


# -- evaluating ------------------------------------------------------------------------------


def _evaluate(args: argparse.Namespace) -> None:
    from frivillig import batch

    from .instrument import score_settings

    settings = score_settings()
    today = dt.date.fromisoformat(TODAY)
    report = batch.BatchReport()
    curve = [(0, round(_rss_mib(), 1), 0.0)]
    passing = failing = 0
    health = 0.0
    start = time.perf_counter()
    evaluations = batch.evaluate(
        sys.stdin.buffer, today=today, report=report, score_settings=settings
    )
    for count, evaluation in enumerate(evaluations, start=1):
        if count == 1:  # the clock starts at the first document, once the pool is drawn
            start = time.perf_counter()
        if evaluation.passes:
            passing += 1
        else:
            failing += 1
        score = evaluation.scores.get("collaboration_health")
        if score is not None and score.value is not None:
            health += score.value
        del evaluation
        if count % args.every == 0:
            point = (count, round(_rss_mib(), 1), round(time.perf_counter() - start, 1))
            curve.append(point)
            print(f"  {point[0]:>9,} documents: RSS {point[1]:,.1f} MiB, {point[2]:,.1f} s",
                  file=sys.stderr, flush=True)  # fmt: skip
    wall = time.perf_counter() - start
    result = {
        "size": report.collaborations,
        "documents": report.documents,
        "bad": len(report.bad),
        "passing": passing,
        "failing": failing,
        "mean_health": round(health / max(report.collaborations, 1), 2),
        "wall_s": round(wall, 1),
        "per_second": round((report.collaborations - 1) / wall, 1),
        "rss_mib_curve": curve,
        "rss_mib_end": round(_rss_mib(), 1),
        "peak_rss_mib": round(_peak_mib(), 1),
        "gc_enabled": gc.isenabled(),
    }
    if report.bad:
        result["first_bad"] = str(report.bad[0])[:400]
    print(json.dumps(result))


# -- the command line and holding a portfolio ------------------------------------------------


def _child_peak(command: list[str], stdout: Any = subprocess.DEVNULL) -> dict[str, Any]:
    """Run ``command`` from a fresh process; its wall time, exit code and peak RSS."""
    runner = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "wall = time.perf_counter() - t\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'code': code, 'wall_s': round(wall, 1), "
        "'peak_rss_mib': round(peak, 1)}))\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and modules
        [sys.executable, "-c", runner, *command], capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout))


def _write_file(size: int, pool_size: int, path: Path, *, answers: bool) -> None:
    with path.open("wb") as handle:
        subprocess.run(  # noqa: S603 - our own interpreter and modules
            [
                sys.executable,
                "-m",
                "benchmarks.streaming",
                "--role",
                "produce",
                "--size",
                str(size),
                "--pool",
                str(pool_size),
                *([] if answers else ["--no-answers"]),
            ],
            stdout=handle,
            check=True,
        )


def _cli(size: int, pool_size: int, folder: Path) -> dict[str, Any]:
    source = folder / f"streaming-cli-{size}.jsonl"
    out = folder / f"streaming-cli-{size}.csv"
    try:
        _write_file(size, pool_size, source, answers=False)
        frivillig = [sys.executable, "-m", "frivillig"]
        common = ["--today", TODAY, "--no-progress"]
        check = _child_peak([*frivillig, "check", str(source), *common])
        export = _child_peak([*frivillig, "export", str(source), "-o", str(out), *common])
        rows = sum(1 for _ in out.open()) - 1 if out.exists() else None
        return {"size": size, "bytes": source.stat().st_size, "check": check, "export": export,
                "csv_rows": rows}  # fmt: skip
    finally:
        source.unlink(missing_ok=True)
        out.unlink(missing_ok=True)


def _held(args: argparse.Namespace) -> None:
    from frivillig import batch

    path = Path(args.file)
    start = time.perf_counter()
    portfolio, report = batch.load_portfolio(path)
    loaded = time.perf_counter() - start
    rss = _rss_mib()
    timings = {}
    for label in ("collector as is", "after gc.freeze()"):
        if label.startswith("after"):
            gc.freeze()
        cpu = time.process_time()
        wall = time.perf_counter()
        gc.collect()
        timings[label] = {
            "cpu_s": round(time.process_time() - cpu, 2),
            "wall_s": round(time.perf_counter() - wall, 2),
        }
    result = {
        "held": len(portfolio.collaborations),
        "bad": len(report.bad),
        "load_s": round(loaded, 1),
        "rss_mib": round(rss, 1),
        "kib_per_collaboration": round(rss * 1024 / max(len(portfolio.collaborations), 1), 1),
        "peak_rss_mib": round(_peak_mib(), 1),
        "tracked_objects": len(gc.get_objects()) + gc.get_freeze_count(),
        "frozen": gc.get_freeze_count(),
        "full_collection": timings,
    }
    print(json.dumps(result))


def _stream(size: int, args: argparse.Namespace) -> dict[str, Any]:
    me = [sys.executable, "-m", "benchmarks.streaming"]
    producer = subprocess.Popen(  # noqa: S603 - our own interpreter and modules
        [*me, "--role", "produce", "--size", str(size), "--pool", str(args.pool)],
        stdout=subprocess.PIPE,
    )
    assert producer.stdout is not None
    evaluator = subprocess.run(  # noqa: S603 - our own interpreter and modules
        [*me, "--role", "evaluate", "--every", str(args.every)],
        stdin=producer.stdout,
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    producer.stdout.close()
    producer.wait()
    if evaluator.returncode:
        raise SystemExit(evaluator.returncode)
    return dict(json.loads(evaluator.stdout))


def main() -> None:
    """Run the sizes asked for and print one JSON line of figures each."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000, 500_000])
    parser.add_argument("--pool", type=int, default=2000)
    parser.add_argument("--every", type=int, default=50_000)
    parser.add_argument("--cli", type=int, nargs="*", default=[])
    parser.add_argument("--held", type=int, default=None)
    parser.add_argument("--role", choices=("produce", "evaluate", "held"), help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--no-answers", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.role == "produce":
        return _produce(args)
    if args.role == "evaluate":
        return _evaluate(args)
    if args.role == "held":
        return _held(args)
    folder = Path(tempfile.gettempdir())
    for size in args.sizes:
        print(json.dumps({"streamed": _stream(size, args)}), flush=True)
    for size in args.cli:
        print(json.dumps({"cli": _cli(size, args.pool, folder)}), flush=True)
    if args.held:
        path = folder / f"streaming-held-{args.held}.jsonl"
        try:
            _write_file(args.held, args.pool, path, answers=True)
            done = subprocess.run(  # noqa: S603 - our own interpreter and modules
                [*[sys.executable, "-m", "benchmarks.streaming"], "--role", "held",
                 "--file", str(path)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            print(json.dumps({"held": json.loads(done.stdout)}), flush=True)
        finally:
            path.unlink(missing_ok=True)
    return None


if __name__ == "__main__":
    main()
