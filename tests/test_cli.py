"""The command line, through its entry point and as a real process."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import frivillig
from frivillig._cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_check_the_example() -> None:
    code, out, err = run("check")
    assert code == 0, err
    assert "valid" in out
    assert "Besøgsvenner på Plejecenter Valmuen" in out


def test_check_in_danish() -> None:
    code, out, _ = run("--lang", "da", "check")
    assert code == 0
    assert "gyldig" in out
    assert "samarbejdsaftale med en forening" in out


def test_check_a_good_file(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    frivillig.dump(frivillig.load_example(), path)
    code, out, _ = run("check", str(path))
    assert code == 0
    assert str(path) in out


def test_check_a_bad_file_names_every_problem(tmp_path: Path) -> None:
    doc = frivillig.to_dict(frivillig.load_example())
    doc["title"] = ""
    doc["goals"][0]["agreements"][0]["party"] = "ghost"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run("check", str(path))
    assert code == 1
    assert out == ""
    assert f"{path} is not valid" in err
    assert "$.title" in err
    assert "Traceback" not in err


def test_check_not_json(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b"\x00\x01 not json")
    code, _, err = run("check", str(path))
    assert code == 1
    assert "not valid JSON" in err or "not UTF-8" in err


def test_check_a_missing_file() -> None:
    code, _, err = run("check", "/no/such/file.json")
    assert code == 1
    assert "cannot be read" in err


def test_usage_errors_exit_2() -> None:
    assert run()[0] == 2
    assert run("frobnicate")[0] == 2
    assert run("--lang", "fr", "check")[0] == 2


@pytest.mark.parametrize("argv", [["-m", "frivillig", "check"], ["-m", "frivillig", "--version"]])
def test_python_dash_m(argv: list[str]) -> None:
    result = subprocess.run([sys.executable, *argv], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "frivillig" in result.stdout.lower() or "valid" in result.stdout


def test_check_prints_findings_and_gates_on_errors() -> None:
    code, out, _ = run("check", "--example", "limits_broken")
    assert code == 1
    assert "FR101 authority-task-given-to-volunteers" in out
    assert "$.tasks[1]" in out
    assert "FAILS" in out


def test_check_json_output_is_the_report() -> None:
    code, out, _ = run("check", "--example", "limits_broken", "--format", "json")
    assert code == 1
    report = json.loads(out)
    codes = {finding["code"] for finding in report["findings"]}
    assert {"FR101", "FR103", "FR107"} <= codes


def test_check_on_a_given_day(tmp_path: Path) -> None:
    # the example's association declared its child-certificate routine for 2026 only
    code, out, _ = run("check", "--today", "2027-02-01")
    assert code == 1
    assert "FR115" in out
    code, out, _ = run("check", "--today", "2026-11-27")
    assert code == 0
    assert "PASSES" in out


def test_check_with_a_bad_date_is_a_usage_error() -> None:
    code, _, err = run("check", "--today", "2026-13-01")
    assert code == 2
    assert "YYYY-MM-DD" in err


def test_check_in_danish_translates_the_report() -> None:
    _, out, _ = run("--lang", "da", "check", "--example", "limits_broken")
    assert "IKKE GODKENDT" in out


def test_score_prints_every_score_with_its_parts() -> None:
    code, out, _ = run("score")
    assert code == 0
    for label in ("Goal alignment", "Equality", "Formalisation fit", "Collaboration health"):
        assert label in out
    assert "weight" in out


def test_score_json_is_machine_readable() -> None:
    code, out, _ = run("score", "--format", "json", "--example", "limits_broken")
    assert code == 0
    scores = json.loads(out)["esbjerg-oest-lektier-og-weekendklub"]
    assert 0 <= scores["collaboration_health"]["value"] <= 100


def test_schedule_prints_due_dates() -> None:
    code, out, _ = run("schedule", "--count", "2")
    assert code == 0
    assert "2026-12-01" in out
    code, out, _ = run("--lang", "da", "schedule")
    assert "Evalueringsplan" in out


def test_schedule_without_a_plan() -> None:
    code, out, _ = run("schedule", "--example", "limits_broken")
    assert code == 0
    assert "No evaluation plan" in out


def test_check_shows_the_scores_and_next_dates() -> None:
    _, out, _ = run("check")
    assert "Collaboration health" in out
    assert "Next evaluations due: 2026-12-01" in out
