"""Seeded portfolios of the benchmark shape, written once to a temporary folder.

The first collaborations (up to 1,000) come from ``frivillig.synthetic`` with
``shape="benchmark"``: 5 parties, 4 goals, 8 evaluation rounds of 20 answers.
Larger portfolios repeat them with a new id and newly drawn satisfaction, goal
progress and answers, so that every collaboration differs and a portfolio of
100,000 is made in seconds. The JSON text is what ``frivillig.dumps`` writes.
"""

import copy
import random
import tempfile
from pathlib import Path
from typing import Any

import msgspec

import frivillig
from frivillig import synthetic

TEMPLATES = 1000


def default_folder() -> Path:
    """Where the portfolios go unless told otherwise: a folder in the temporary directory."""
    return Path(tempfile.gettempdir()) / "frivillig-benchmarks"


def _templates(seed: int, count: int) -> list[dict[str, Any]]:
    envelope = ("schema_version", "type")
    return [
        {
            key: value
            for key, value in frivillig.to_dict(collaboration).items()
            if key not in envelope
        }
        for collaboration in synthetic.iter_collaborations(seed, count, shape="benchmark")
    ]


def _variant(template: dict[str, Any], index: int, seed: int, rng: random.Random) -> dict[str, Any]:
    collaboration = dict(template)
    collaboration["id"] = f"{template['municipality_code']:04d}-benchmark-{seed}-{index:06d}"
    rounds = []
    for round_ in template["rounds"]:
        responses = []
        for response in round_["responses"]:
            response = dict(response)
            response["satisfaction"] = rng.randint(1, 5)
            response["goal_progress"] = {
                goal: float(rng.randint(0, 40)) for goal in response["goal_progress"]
            }
            response["answers"] = {item: float(rng.randint(1, 5)) for item in response["answers"]}
            responses.append(response)
        rounds.append({**round_, "responses": responses})
    collaboration["rounds"] = rounds
    return collaboration


def portfolio_document(size: int, seed: int) -> bytes:
    """Return the JSON document of a benchmark portfolio of ``size`` collaborations."""
    templates = _templates(seed, min(size, TEMPLATES))
    rng = random.Random(f"frivillig-benchmarks:{seed}:{size}")
    collaborations = [
        templates[index]
        if index < len(templates)
        else _variant(templates[index % len(templates)], index, seed, rng)
        for index in range(size)
    ]
    document = {
        "schema_version": frivillig.SCHEMA_VERSION,
        "type": "portfolio",
        "id": f"benchmark-{seed}-{size}",
        "title": f"Benchmark portfolio of {size} collaborations (seed {seed})",
        "municipality_code": None,
        "policy": None,
        "collaborations": collaborations,
        "description": None,
    }
    return msgspec.json.format(msgspec.json.encode(document), indent=0)


def portfolio_file(size: int, seed: int, folder: Path | None = None) -> Path:
    """Return the path of the portfolio's document, writing it first if it is not there."""
    folder = folder or default_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"portfolio-seed{seed}-{size}.json"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.write_bytes(portfolio_document(size, seed))
        partial.replace(path)
    return path


__all__ = ["copy", "default_folder", "portfolio_document", "portfolio_file"]
