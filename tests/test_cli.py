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
