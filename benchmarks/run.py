"""Measure frivillig against pydantic v2 and msgspec, giving every contender the same chances.

Usage (from the repository root, after ``pip install -e '.[bench]'``; the web-service
figures also need ``datamodel-code-generator``, from the ``test`` extra)::

    python -m benchmarks [--sizes 1000,10000] [--repeat 3] [--large-repeat 2] [--json PATH]

The defaults (1,000 collaborations 3 times, 10,000 twice, from ``LARGE`` on
``--large-repeat``) run in under 10 minutes from a fresh clone on a shared 2-core
machine, documents made included; ``--sizes 1000,10000,100000`` adds the figure
at 100,000 (roughly half an hour more, estimated from the cost per collaboration at
10,000; most of it making and loading the documents).

How each figure is made:

- **Portfolios** (``data.py`` says how they are drawn; no two collaborations are
  copies). Each repetition runs one fresh process per contender and collector
  setting (``measure.py``); repetitions are interleaved (every contender and
  setting once, in an order rotated per repetition, before the next repetition),
  so a noisy moment hits all alike. The peers are ours (``peers/``): they read
  and write the same JSON form with the same checks, declarative where
  frivillig's loader has msgspec check them, in Python where frivillig checks in
  Python, and the same bounded cache of RRULE checks.
- **Collector**: every figure twice, with the collector on (Python's default) and
  paused by the measuring process around each timed call, the same for all.
- **Writing**: each contender writes the text ``frivillig.dumps`` writes, compact
  JSON (byte for byte; the table says if a peer's is not).
- **Check and score** (frivillig only): each collaboration once, half with the
  library's caches as the load left them, half after clearing them (cold).
- **Web service**: the collaborations of ``synthetic.generate_portfolio`` read one by
  one as request bodies: ``frivillig.loads(body, Collaboration)`` against a pydantic
  and a msgspec model generated from ``frivillig.schema.json_schema("collaboration")``
  by ``datamodel-codegen`` at run time (kept in the data folder per schema).
- **Import**: ``import frivillig`` in a fresh interpreter, with all bytecode
  compiled beforehand (``compileall`` and one import into a fresh
  ``PYTHONPYCACHEPREFIX``) and with none (``PYTHONDONTWRITEBYTECODE=1`` and an empty
  prefix, so that everything imported is compiled from source).

Every figure is the median of its repetitions, with the range (min-max) beside it;
a ratio is the median of the ratios of paired runs (same repetition and setting),
with their range. ``--json`` writes every run and summary for the performance page.
"""

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import data

CONTENDERS = ("frivillig", "pydantic", "msgspec")
PEERS = CONTENDERS[1:]
SERVICE = ("frivillig", "generated-pydantic", "generated-msgspec")
SETTINGS = ("on", "paused")
LARGE = 10_000
ROOT = Path(__file__).resolve().parent.parent
_MIB = 1024 * 1024


def _run(command: list[str], env: dict[str, str] | None = None) -> str:
    completed = subprocess.run(  # noqa: S603 - our own interpreter and modules
        command, check=False, capture_output=True, text=True, cwd=ROOT, env=env
    )
    if completed.returncode:
        msg = f"{' '.join(command)} failed:\n{completed.stderr[-3000:]}"
        raise RuntimeError(msg)
    return completed.stdout


def _measure(*arguments: str) -> dict[str, Any]:
    return json.loads(_run([sys.executable, "-m", "benchmarks.measure", *arguments]))


def _rotated(items: tuple[str, ...], turn: int) -> tuple[str, ...]:
    turn %= len(items)
    return items[turn:] + items[:turn]


def _interleaved(
    contenders: tuple[str, ...], repeat: int, measure: Any
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Run ``measure(contender, setting)`` ``repeat`` times each, interleaved."""
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {
        setting: {name: [] for name in contenders} for setting in SETTINGS
    }
    for turn in range(repeat):
        for setting in _rotated(SETTINGS, turn):
            for name in _rotated(contenders, turn):
                runs[setting][name].append(measure(name, setting))
    return runs


# -- summaries ------------------------------------------------------------------------


def _spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def _summary(
    runs: dict[str, list[dict[str, Any]]], key: str, scale: float, peers: tuple[str, ...]
) -> dict[str, Any] | None:
    """The median and range of ``key`` per contender (times ``scale``), and paired ratios."""
    ours = runs[next(iter(runs))]
    if not all(key in run for name in runs for run in runs[name]):
        found = {
            name: _spread([r[key] * scale for r in runs[name]])
            for name in runs
            if key in runs[name][0]
        }
        return {"figures": found, "ratios": {}} if found else None
    figures = {name: _spread([run[key] * scale for run in runs[name]]) for name in runs}
    ratios = {
        peer: _spread(
            [mine[key] / theirs[key] for mine, theirs in zip(ours, runs[peer], strict=True)]
        )
        for peer in peers
        if all(theirs[key] for theirs in runs[peer])
    }
    return {"figures": figures, "ratios": ratios}


def _cell(figure: dict[str, float] | None, unit: str, digits: int = 0) -> str:
    if figure is None:
        return "–"
    return (
        f"{figure['median']:,.{digits}f} {unit} "
        f"({figure['min']:,.{digits}f}–{figure['max']:,.{digits}f})"
    )


def _ratio(ratio: dict[str, float] | None) -> str:
    if ratio is None:
        return "–"
    return f"{ratio['median']:.2f}× ({ratio['min']:.2f}–{ratio['max']:.2f})"


def _rows(
    summary: dict[str, Any] | None, label: str, names: tuple[str, ...], unit: str, digits: int = 0
) -> str:
    if summary is None:
        return f"| {label} |" + " – |" * (len(names) + len(names) - 1)
    figures, ratios = summary["figures"], summary["ratios"]
    cells = [_cell(figures.get(name), unit, digits) for name in names]
    cells += [_ratio(ratios.get(peer)) for peer in names[1:]]
    return f"| {label} | " + " | ".join(cells) + " |"


# -- portfolios ------------------------------------------------------------------------


def measure_size(size: int, repeat: int, folder: Path | None, seed: int) -> dict[str, Any]:
    """Measure every contender on one size of portfolio; return the runs and summaries."""
    started = time.perf_counter()
    path = data.portfolio_file(size, seed, folder)
    made = time.perf_counter() - started
    runs = _interleaved(
        CONTENDERS, repeat, lambda name, setting: _measure("portfolio", name, setting, str(path))
    )
    per = 1e6 / size
    summaries: dict[str, Any] = {}
    for setting in SETTINGS:
        by = runs[setting]
        for run in by["frivillig"]:
            for label in ("as_loaded", "cold"):
                run[f"check_score_{label}"] = (run[f"check_{label}"] + run[f"score_{label}"]) * size
                run[f"check_score_{label}_per_load"] = run[f"check_score_{label}"] / run["load"]
        summaries[setting] = {
            key: _summary(by, key, scale, PEERS)
            for key, scale in (
                ("load", per),
                ("dump_same", per),
                ("peak", 1 / _MIB),
                ("held", 1 / _MIB),
            )
        }
        ours = {"frivillig": by["frivillig"]}
        for key, scale in (
            ("check_score_as_loaded", per),
            ("check_score_cold", per),
            ("check_score_as_loaded_per_load", 1.0),
            ("check_score_cold_per_load", 1.0),
        ):
            summaries[setting][key] = _summary(ours, key, scale, ())
        summaries[setting]["identical"] = {
            name: all(run["identical"] for run in by[name]) for name in CONTENDERS
        }
        summaries[setting]["frivillig_text"] = by["frivillig"][0]["frivillig_text"]
    return {
        "size": size,
        "bytes": path.stat().st_size,
        "repeat": repeat,
        "made_seconds": made,
        "caches_cleared": runs["on"]["frivillig"][0]["caches_cleared"],
        "runs": runs,
        "summaries": summaries,
    }


def _size_table(results: dict[str, Any]) -> list[str]:
    size = results["size"]
    names = CONTENDERS
    lines = [
        f"### {size:,} collaborations ({results['bytes'] / size / 1024:.1f} KiB of JSON each; "
        f"median (min–max) of {results['repeat']}, per collaboration)",
        "",
        "| measure | frivillig | pydantic v2 (ours) | msgspec (ours) "
        "| frivillig ÷ pydantic | frivillig ÷ msgspec |",
        "|---|---|---|---|---|---|",
    ]
    for setting in SETTINGS:
        s = results["summaries"][setting]
        gc = "collector on" if setting == "on" else "collector paused"
        text = s["frivillig_text"]
        same = "" if all(s["identical"].values()) else " (NOT byte-identical for some)"
        lines += [
            _rows(s["load"], f"load, {gc}", names, "µs"),
            _rows(s["dump_same"], f"write frivillig's text ({text}){same}, {gc}", names, "µs"),
        ]
    s = results["summaries"]["on"]
    lines += [
        _rows(s["peak"], "peak memory while loading (collector on)", names, "MiB"),
        _rows(s["held"], "memory holding the objects (collector on)", names, "MiB"),
    ]
    for setting in SETTINGS:
        s = results["summaries"][setting]
        gc = "collector on" if setting == "on" else "collector paused"
        for label, what in (
            ("as_loaded", "as the load left the caches"),
            ("cold", "caches cleared"),
        ):
            figure = s[f"check_score_{label}"]["figures"]["frivillig"]
            share = s[f"check_score_{label}_per_load"]["figures"]["frivillig"]
            lines.append(
                f"| check + score, first sight, {what}, {gc} | {_cell(figure, 'µs')} "
                f"= {_cell(share, '× load', 2)} | | | | |"
            )
    return lines


# -- web service --------------------------------------------------------------------------


def generated_models(folder: Path) -> dict[str, str]:
    """Generate pydantic and msgspec models from frivillig's collaboration schema, once per schema.

    The modules are kept in ``folder`` under a name made of the schema's and the
    generator's fingerprint; the command is ``datamodel-codegen --input SCHEMA
    --input-file-type jsonschema --output-model-type TYPE --class-name
    CollaborationDocument --disable-timestamp --output MODULE``.
    """
    from frivillig import schema

    command = shutil.which("datamodel-codegen")
    if command is None:
        return {}
    version = _run([command, "--version"]).strip()
    text = json.dumps(schema.json_schema("collaboration"), sort_keys=True, ensure_ascii=False)
    fingerprint = hashlib.sha256(f"{version}\n{text}".encode()).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"collaboration-schema-{fingerprint}.json"
    source.write_text(text, encoding="utf-8")
    modules = {}
    for name, output in (
        ("generated-pydantic", "pydantic_v2.BaseModel"),
        ("generated-msgspec", "msgspec.Struct"),
    ):
        module = folder / f"generated_{name.split('-')[1]}_{fingerprint}.py"
        if not module.exists():
            partial = module.with_suffix(".partial.py")
            _run(
                [
                    command,
                    "--input", str(source),
                    "--input-file-type", "jsonschema",
                    "--output-model-type", output,
                    "--class-name", "CollaborationDocument",
                    "--disable-timestamp",
                    "--output", str(partial),
                ]
            )  # fmt: skip
            partial.replace(module)
        modules[name] = str(module)
    return modules


def measure_service(repeat: int, folder: Path, seed: int) -> dict[str, Any] | None:
    """Read ``generate_portfolio``'s documents one by one with each contender."""
    modules = generated_models(folder)
    if not modules:
        return None
    path = data.service_file(seed, folder)
    runs = _interleaved(
        SERVICE,
        repeat,
        lambda name, setting: _measure(
            "service", name, setting, str(path), *([modules[name]] if name in modules else [])
        ),
    )
    summaries = {
        setting: {
            key: _summary(runs[setting], key, 1e6, SERVICE[1:]) for key in ("read", "read_median")
        }
        for setting in SETTINGS
    }
    first = runs["on"]["frivillig"][0]
    return {
        "documents": first["documents"],
        "bytes": first["bytes"],
        "repeat": repeat,
        "modules": modules,
        "runs": runs,
        "summaries": summaries,
    }


def _service_table(results: dict[str, Any]) -> list[str]:
    lines = [
        f"### Web service: {results['documents']} documents of `generate_portfolio`, "
        f"{results['bytes'] / 1024:.1f} KiB each, read one by one "
        f"(median (min–max) of {results['repeat']})",
        "",
        "| measure | frivillig | generated pydantic | generated msgspec "
        "| frivillig ÷ pydantic | frivillig ÷ msgspec |",
        "|---|---|---|---|---|---|",
    ]
    for setting in SETTINGS:
        s = results["summaries"][setting]
        gc = "collector on" if setting == "on" else "collector paused"
        lines.append(_rows(s["read"], f"mean read per document, {gc}", SERVICE, "µs"))
        lines.append(_rows(s["read_median"], f"median read per document, {gc}", SERVICE, "µs"))
    return lines


# -- import time -----------------------------------------------------------------------------


_IMPORT = (
    "import sys, time; start = time.perf_counter(); import frivillig; "
    "print(time.perf_counter() - start); "
    "print(','.join(m for m in ('hypothesis', 'pandas', 'polars', 'numpy', 'pydantic', 'msgspec') "
    "if m in sys.modules))"
)


def measure_import(repeat: int) -> dict[str, Any]:
    """Time ``import frivillig`` with every module's bytecode compiled, and with none."""
    times: dict[str, list[float]] = {"with": [], "without": []}
    modules = ""
    with tempfile.TemporaryDirectory(prefix="frivillig-import-") as scratch:
        compiled = Path(scratch) / "compiled"
        base = {**os.environ, "PYTHONPYCACHEPREFIX": str(compiled)}
        base.pop("PYTHONDONTWRITEBYTECODE", None)
        source = ROOT / "src" / "frivillig"
        _run([sys.executable, "-m", "compileall", "-q", str(source)], env=base)
        _run([sys.executable, "-c", "import frivillig"], env=base)  # and what it imports
        for turn in range(repeat):
            for kind in _rotated(("with", "without"), turn):
                prefix = compiled if kind == "with" else Path(scratch) / f"empty-{turn}"
                env = {**base, "PYTHONPYCACHEPREFIX": str(prefix), "PYTHONDONTWRITEBYTECODE": "1"}
                lines = _run([sys.executable, "-c", _IMPORT], env=env).splitlines()
                times[kind].append(float(lines[0]) * 1000)
                modules = lines[1] if len(lines) > 1 else ""
    return {
        "repeat": repeat,
        "with": _spread(times["with"]),
        "without": _spread(times["without"]),
        "runs": times,
        "heavy_modules": [name for name in modules.split(",") if name],
    }


# -- all -----------------------------------------------------------------------------------


def _scale(all_results: list[dict[str, Any]]) -> list[str]:
    small, large = all_results[0], all_results[-1]
    lines = [
        f"### Cost per collaboration, {large['size']:,} ÷ {small['size']:,} "
        "(load; ratio of medians, and the widest range the runs allow)",
        "",
        "| collector | frivillig | pydantic v2 (ours) | msgspec (ours) |",
        "|---|---|---|---|",
    ]
    for setting in SETTINGS:
        cells = []
        for name in CONTENDERS:
            a = large["summaries"][setting]["load"]["figures"][name]
            b = small["summaries"][setting]["load"]["figures"][name]
            cells.append(
                f"{a['median'] / b['median']:.2f}× "
                f"({a['min'] / b['max']:.2f}–{a['max'] / b['min']:.2f})"
            )
        lines.append(f"| {setting} | " + " | ".join(cells) + " |")
    return lines


def _environment() -> dict[str, Any]:
    from importlib.metadata import version

    found = {}
    for package in (
        "frivillig",
        "msgspec",
        "pydantic",
        "pydantic-core",
        "datamodel-code-generator",
    ):
        try:
            found[package] = version(package)
        except Exception:  # not installed
            found[package] = None
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "versions": found,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print the tables and (``--json``) write the results."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--sizes", default="1000,10000", help="portfolio sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions per size")
    parser.add_argument(
        "--large-repeat",
        type=int,
        default=2,
        help=f"repetitions for sizes of {LARGE:,} and more, to stay within minutes",
    )
    parser.add_argument("--service-repeat", type=int, default=3, help="web-service repetitions")
    parser.add_argument("--import-repeat", type=int, default=7, help="import-time repetitions")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated documents")
    parser.add_argument("--folder", type=Path, default=None, help="where the documents are kept")
    parser.add_argument("--json", type=Path, default=None, help="write every figure here")
    arguments = parser.parse_args(argv)
    sizes = [int(size) for size in arguments.sizes.split(",")]
    folder = arguments.folder or data.default_folder()
    started = time.perf_counter()
    report: dict[str, Any] = {"environment": _environment(), "sizes": []}

    imported = report["import"] = measure_import(arguments.import_repeat)
    heavy = ", ".join(imported["heavy_modules"]) or "none of the heavy ones"
    print(
        f"### import frivillig (median (min–max) of {imported['repeat']}, fresh interpreters)\n\n"
        "| bytecode | time |\n|---|---|\n"
        f"| compiled beforehand | {_cell(imported['with'], 'ms')} |\n"
        f"| none (everything compiled from source) | {_cell(imported['without'], 'ms')} |\n\n"
        f"Imported with it: {heavy}.\n",
        flush=True,
    )
    for size in sizes:
        repeat = arguments.large_repeat if size >= LARGE else arguments.repeat
        results = measure_size(size, repeat, folder, arguments.seed)
        report["sizes"].append(results)
        print("\n".join(_size_table(results)), end="\n\n", flush=True)
    if len(sizes) > 1:
        print("\n".join(_scale(report["sizes"])), end="\n\n", flush=True)
    service = report["service"] = measure_service(arguments.service_repeat, folder, arguments.seed)
    if service is None:
        print("(web service skipped: datamodel-codegen is not installed)\n")
    else:
        print("\n".join(_service_table(service)), end="\n\n", flush=True)
    seconds = time.perf_counter() - started
    report["seconds"] = seconds
    report["environment"]["load_average_after"] = os.getloadavg()
    cleared = ", ".join(report["sizes"][0]["caches_cleared"]) if report["sizes"] else ""
    print(
        f"Repetitions interleaved, one fresh process each; caches cleared for 'cold': {cleared}. "
        f"Load average {report['environment']['load_average'][0]:.1f} before, "
        f"{report['environment']['load_average_after'][0]:.1f} after; {seconds:.0f} s in all."
    )
    if arguments.json is not None:
        arguments.json.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    return 0
