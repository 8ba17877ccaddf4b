"""How often the JSON Schema and ``frivillig.loads`` disagree on mutated documents.

Run with ``python benchmarks/schema_agreement.py [count] [seed]`` from the repository's
root. Each document type's valid documents (examples, synthetic portfolios, the
instrument catalogue; see ``tests/_mutations.py``) get ``count`` single-field mutations
(1000 by default) from the same seed, and each mutated document is given to a
draft-2020-12 validator (with format checking) and to the loader. The figures are for
two schemas on the same documents: the one in the last commit (``git show
HEAD:src/frivillig/schema.py``, loaded into a temporary module) and the one in the
working tree. A disagreement is either the schema accepting what the loader refuses
or the schema refusing what the loader accepts; of these, "documented" counts those
that a rule the schema leaves to the loader explains.

The figures depend only on the seed and the code, not on the machine.
"""

import collections
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import jsonschema

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from _mutations import documented_difference, loader_problems, mutations, valid_documents  # noqa: E402
from frivillig.schema import json_schema  # noqa: E402
from frivillig.serialization import DOCUMENT_TYPES  # noqa: E402

COUNT = 1000
SEED = 20261202


def head_schema_module() -> Any:
    """The schema module as it is in the last commit, loaded beside the installed package."""
    text = subprocess.run(
        ["git", "show", "HEAD:src/frivillig/schema.py"],  # noqa: S607 - git on the PATH
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    module = types.ModuleType("frivillig._schema_at_head")
    module.__package__ = "frivillig"
    exec(compile(text, "HEAD:src/frivillig/schema.py", "exec"), module.__dict__)  # noqa: S102
    return module


def measure(schema: dict[str, Any], document_type: str, count: int, seed: int) -> dict[str, int]:
    """Count agreements and disagreements of one schema with the loader."""
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    documents = valid_documents(document_type)
    counts: collections.Counter[str] = collections.Counter()
    per_document = -(-count // len(documents))
    done = 0
    for index, document in enumerate(documents):
        for mutation in mutations(document, seed + index, min(per_document, count - done)):
            done += 1
            accepted = validator.is_valid(mutation.document)
            problems = loader_problems(mutation.document)
            if accepted == (problems is None):
                counts["both accept" if accepted else "both refuse"] += 1
                continue
            direction = (
                "schema accepts, loads refuses" if accepted else "schema refuses, loads accepts"
            )
            counts[direction] += 1
            rule = documented_difference(mutation, problems)
            if rule is not None:
                counts[f"{direction} (documented)"] += 1
                counts[f"rule: {rule}"] += 1
    counts["total"] = done
    return dict(counts)


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else COUNT
    seed = int(argv[1]) if len(argv) > 1 else SEED
    head = head_schema_module()
    print(f"{count} mutations per document type, seed {seed}")
    for document_type in DOCUMENT_TYPES:
        for label, schema in (
            ("before", head.json_schema(document_type)),
            ("after", json_schema(document_type)),
        ):
            counts = measure(schema, document_type, count, seed)
            total = counts["total"]
            parts = []
            for direction in ("schema accepts, loads refuses", "schema refuses, loads accepts"):
                found = counts.get(direction, 0)
                documented = counts.get(f"{direction} (documented)", 0)
                parts.append(
                    f"{direction}: {found} ({100 * found / total:.1f}%, {documented} documented)"
                )
            both = (
                f"both accept {counts.get('both accept', 0)}, refuse {counts.get('both refuse', 0)}"
            )
            print(f"{document_type:17} {label:6} {both}; " + "; ".join(parts))
            if label == "after":
                rules = sorted((k[6:], n) for k, n in counts.items() if k.startswith("rule: "))
                print(" " * 25 + "documented by rule: " + ", ".join(f"{k} {n}" for k, n in rules))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
