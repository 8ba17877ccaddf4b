"""The scripts in examples/ run, exit 0 and print what their task needs."""

import subprocess
import sys
from pathlib import Path

import pytest

import frivillig
from frivillig import synthetic

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(name: str) -> str:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_every_script_is_listed_and_tested() -> None:
    scripts = sorted(path.name for path in EXAMPLES.glob("*.py"))
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert scripts == sorted(TESTED)
    for script in scripts:
        assert f"`{script}`" in readme


def test_rank_portfolio() -> None:
    out = run("rank_portfolio.py")
    lines = out.splitlines()
    assert lines[0] == "Odense: 60 collaborations, scored on 2026-10-01"
    ranked = [line for line in lines if line[:5].strip().rstrip(".").isdigit()]
    assert len(ranked) == 10
    healths = [float(line.split()[1]) for line in ranked]
    assert healths == sorted(healths)  # weakest first
    # The first is the weakest collaboration of Odense in the same portfolio, computed here.
    portfolio = synthetic.generate_portfolio(seed=2026)
    odense = [c for c in portfolio.collaborations if c.municipality_code == 461]
    lowest = min(
        frivillig.collaboration_health(c, today=synthetic.DEFAULT_AS_OF).value or 0.0
        for c in odense
    )
    assert healths[0] == round(lowest, 1)
    assert "Median health:" in out


def test_overdue_evaluations() -> None:
    out = run("overdue_evaluations.py")
    assert out.startswith("Read 300 collaborations (0 bad documents).")
    head = next(line for line in out.splitlines() if line.endswith("most overdue first:"))
    count = int(head.split()[0])
    overdue = [line for line in out.splitlines() if " days  due " in line]
    assert len(overdue) == count > 0
    days = [int(line.split()[0]) for line in overdue]
    assert days == sorted(days, reverse=True)
    assert "have no evaluation plan:" in out


def test_compare_satisfaction() -> None:
    out = run("compare_satisfaction.py")
    assert "By sector" in out
    assert "By kind of actor" in out
    for label in ("municipality", "voluntary organisation (association)", "public"):
        assert f"  {label} " in out
    assert "Association minus municipality, same round: mean " in out


def test_council_report_is_danish_markdown() -> None:
    out = run("council_report.py")
    assert out.startswith("# Frivillighedens grænser i Aarhus Kommunes samarbejder\n")
    assert "*Status pr. 1. oktober 2026." in out
    assert "| Regel | Hvad | Fejl | Advarsler | Råd | Samarbejder |" in out
    assert "| FR101 | Frivillige udøver myndighed |" in out
    assert "## De samarbejder, der skal rettes først" in out
    assert out.count("\n### ") == 10


TESTED = {
    "rank_portfolio.py": test_rank_portfolio,
    "overdue_evaluations.py": test_overdue_evaluations,
    "compare_satisfaction.py": test_compare_satisfaction,
    "council_report.py": test_council_report_is_danish_markdown,
}


@pytest.mark.parametrize("name", sorted(TESTED))
def test_a_script_gives_the_same_output_twice(name: str) -> None:
    assert run(name) == run(name)
