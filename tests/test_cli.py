"""The command line, through its entry point and as a real process."""

import csv
import datetime as dt
import importlib
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import frivillig
from frivillig import batch, plots, records, synthetic
from frivillig._cli import main
from frivillig.schema import json_schema, result_schema


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
    # Were the example's association supported under the Folkeoplysning Act, its yearly
    # child-certificate declaration, given for 2026, would be due again in 2027. (Under
    # Serviceloven § 18, as it is supported, no declaration is asked for.)
    example = frivillig.load_example()
    parties = list(example.participants)
    parties[2] = attrs.evolve(parties[2], support_schemes=(frivillig.SupportScheme.FOLKEOPLYSNING,))
    path = tmp_path / "folkeoplysning.json"
    frivillig.dump(attrs.evolve(example, participants=tuple(parties)), path)
    code, out, _ = run("check", str(path), "--today", "2027-02-01")
    assert code == 1
    assert "FR115" in out
    code, out, _ = run("check", str(path), "--today", "2026-11-27")
    assert code == 0
    assert "PASSES" in out
    code, out, _ = run("check", "--today", "2027-02-01")
    assert "FR115" not in out


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


# -- many documents ------------------------------------------------------------------------

TODAY = "2026-10-01"
CLEAN = dict.fromkeys(synthetic.Defect, 0.0)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three collaborations without defects, one that breaks the limits, and a broken file."""
    folder = tmp_path / "export"
    batch.write_folder(synthetic.iter_collaborations(11, 3, defect_rates=CLEAN), folder)
    batch.write_folder([frivillig.load_example("limits_broken")], folder)
    doc = frivillig.to_dict(frivillig.load_example())
    doc["title"] = ""
    (folder / "zz-broken.json").write_text(json.dumps(doc), encoding="utf-8")
    return folder


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.jsonl"
    batch.write_jsonl(synthetic.iter_collaborations(12, 4, defect_rates=CLEAN), path)
    return path


def test_check_a_folder_reports_each_bad_file_and_goes_on(folder: Path) -> None:
    code, out, err = run("check", str(folder), "--today", TODAY)
    assert code == 1
    broken = folder / "zz-broken.json"
    assert f"{broken} is not valid:" in err
    assert "  $.title: must not be empty" in err
    # Every good collaboration is checked, with the file it came from.
    for path in sorted(folder.glob("*.json")):
        if path != broken:
            assert f"{path}:\nCollaboration '{path.stem}'" in out
    assert "FR101 authority-task-given-to-volunteers" in out
    assert "5 documents read: 4 collaborations, 1 bad document" in out
    assert "1 of them fails the check (an error finding)" in out


def test_check_json_lines_that_pass_exits_0(clean: Path) -> None:
    code, out, err = run("check", str(clean), "--today", TODAY)
    assert (code, err) == (0, "")
    assert "4 documents read: 4 collaborations, 0 bad documents" in out
    assert f"{clean}, line 4:" in out
    code, out, _ = run("--lang", "da", "check", str(clean), "--today", TODAY)
    assert code == 0
    assert "4 dokumenter læst: 4 samarbejder, 0 ugyldige dokumenter" in out
    assert "0 af dem er ikke godkendt" in out


def test_check_a_folder_as_json(folder: Path) -> None:
    code, out, _ = run("check", str(folder), "--today", TODAY, "--format", "json")
    assert code == 1
    result = json.loads(out)
    assert (result["documents"], result["collaborations"], result["failing"]) == (5, 4, 1)
    (bad,) = result["bad"]
    assert Path(bad["source"]).name == "zz-broken.json"
    assert bad["line"] is None
    assert {"path": "$.title", "code": "empty"}.items() <= bad["problems"][0].items()
    failing = [r for r in result["reports"] if not r["passes"]]
    assert [Path(r["source"]).name for r in failing] == ["esbjerg-oest-lektier-og-weekendklub.json"]
    assert failing[0]["path"] == "$"
    assert failing[0]["findings"][0]["code"] == "FR101"


def test_check_json_lines_with_a_broken_line(clean: Path) -> None:
    with clean.open("a", encoding="utf-8") as handle:
        handle.write('{"schema_version": 1, "type": "collaboration"\n')
    code, out, err = run("check", str(clean), "--today", TODAY)
    assert code == 1
    assert f"{clean}, line 5 is not valid:" in err
    assert "  $: not valid JSON" in err
    assert "5 documents read: 4 collaborations, 1 bad document" in out


def test_check_an_empty_folder_or_a_missing_json_lines_file(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path))
    assert code == 1
    assert f"no collaboration found in {tmp_path}" in err
    code, _, err = run("check", str(tmp_path / "missing.jsonl"))
    assert code == 1
    assert "missing.jsonl cannot be read" in err


def test_score_a_folder(folder: Path) -> None:
    code, out, err = run("score", str(folder), "--today", TODAY, "--format", "json")
    assert code == 1
    assert "zz-broken.json is not valid" in err
    scores = json.loads(out)
    assert len(scores) == 4
    assert set(scores["esbjerg-oest-lektier-og-weekendklub"]) >= {
        "equality",
        "collaboration_health",
    }
    code, out, _ = run("score", str(folder), "--today", TODAY)
    assert out.count("Collaboration health") == 4


def test_score_and_schedule_json_lines(clean: Path) -> None:
    code, out, err = run("score", str(clean), "--today", TODAY)
    assert (code, err) == (0, "")
    code, out, _ = run("schedule", str(clean), "--today", TODAY)
    assert code == 0
    for collaboration in batch.iter_collaborations(clean):
        assert f"{collaboration.id}: {collaboration.title}" in out


def test_a_policy_document_has_nothing_to_score(tmp_path: Path) -> None:
    policy = frivillig.VolunteerPolicy(
        municipality_code=751,
        title="Frivilligpolitik",
        adopted_on=dt.date(2024, 3, 1),
        process=frivillig.PolicyProcess.CO_DESIGNED,
    )
    path = tmp_path / "policy.json"
    frivillig.dump(policy, path)
    code, _, err = run("score", str(path))
    assert code == 1
    assert f"no collaboration found in {path}" in err


# -- export ----------------------------------------------------------------------------------

TABLE_RECORDS = {
    "collaborations": "collaboration",
    "participants": "participant",
    "goals": "goal",
    "tasks": "task",
    "responses": "response",
    "progress": "progress",
    "answers": "answer",
    "ratings": "rating",
    "hours": "hours",
    "findings": "finding",
}


@pytest.mark.parametrize("table", list(TABLE_RECORDS))
def test_export_every_table_of_the_example_as_csv(table: str) -> None:
    # The example of broken limits has findings; the other has evaluation rounds.
    example = "limits_broken" if table == "findings" else "visiting_friends"
    code, out, err = run("export", "--table", table, "--example", example)
    assert (code, err) == (0, "")
    rows = list(csv.reader(io.StringIO(out)))
    schema = records.COLUMNS[TABLE_RECORDS[table]]
    if table == "collaborations":
        schema = records.SCORED_COLLABORATION_COLUMNS
    assert rows[0] == list(schema)
    assert len(rows) > 1
    assert all(len(row) == len(schema) for row in rows)


def test_export_csv_values_by_hand() -> None:
    code, out, _ = run("--lang", "da", "export")
    assert code == 0
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["collaboration_id"] == "kbh-valmuen-besoegsvenner"
    assert row["status_label"] == "videreført"
    assert (row["has_forum"], row["end_on"]) == ("true", "")
    assert row["start_on"] == "2026-03-01"
    # Scored as of the example's own date, as 'frivillig score' does.
    health = frivillig.collaboration_health(frivillig.load_example(), today=dt.date(2026, 11, 27))
    assert float(row["score_collaboration_health"]) == pytest.approx(health.value)


def test_export_findings_as_json_lines_to_a_file(tmp_path: Path) -> None:
    path = tmp_path / "findings.jsonl"
    code, out, _ = run(
        "export", "--table", "findings", "--example", "limits_broken", "-o", str(path)
    )
    assert code == 0
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert out == f"wrote {path} ({len(lines)} rows)\n"
    assert lines[0]["code"] == "FR101"
    assert lines[0]["checked_on"] == "2026-11-27"
    assert lines[0]["personal"] is False
    assert list(lines[0]) == list(records.FINDING_COLUMNS)


def test_export_from_a_folder_writes_every_good_ones_rows(folder: Path, tmp_path: Path) -> None:
    path = tmp_path / "goals.csv"
    code, _, err = run("export", str(folder), "--table", "goals", "-o", str(path))
    assert code == 1
    assert "zz-broken.json is not valid" in err
    with path.open(encoding="utf-8", newline="") as handle:
        written = list(csv.DictReader(handle))
    good = list(batch.iter_collaborations(folder, report=batch.BatchReport()))
    assert len(good) == 4
    expected = list(records.goal_records(good))
    assert [(r["collaboration_id"], r["goal_id"]) for r in written] == [
        (r["collaboration_id"], r["goal_id"]) for r in expected
    ]


def test_export_parquet(clean: Path, tmp_path: Path) -> None:
    pl = pytest.importorskip("polars")
    path = tmp_path / "collaborations.parquet"
    code, out, _ = run("export", str(clean), "--today", TODAY, "-o", str(path))
    assert code == 0
    assert out == f"wrote {path} (4 rows)\n"
    frame = pl.read_parquet(path)
    assert frame.columns == list(records.SCORED_COLLABORATION_COLUMNS)
    assert frame.schema["start_on"] == pl.Date
    assert frame.schema["score_collaboration_health"] == pl.Float64


def test_an_empty_parquet_table_has_the_labels_of_the_language_asked_for(tmp_path: Path) -> None:
    pl = pytest.importorskip("polars")
    path = tmp_path / "findings.parquet"
    # the example passes its check on its own date: the findings table has no rows
    code, _, _ = run("--lang", "da", "export", "--table", "findings", "-o", str(path))
    assert code == 0
    frame = pl.read_parquet(path)
    assert frame.height == 0
    danish = [severity.label("da") for severity in frivillig.Severity]
    assert frame.schema["severity_label"].categories.to_list() == danish


def test_export_parquet_without_polars_or_pandas_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.import_module

    def without(name: str, package: str | None = None) -> object:
        if name in {"polars", "pandas"}:
            raise ModuleNotFoundError(name)
        return real(name, package)

    monkeypatch.setattr(records.importlib, "import_module", without)
    code, _, err = run("export", "-o", str(tmp_path / "c.parquet"))
    assert code == 1
    assert "pip install 'frivillig[polars]'" in err


def test_export_usage_errors(tmp_path: Path) -> None:
    code, _, err = run("export", "--format", "parquet")
    assert code == 2
    assert "-o OUT.parquet" in err
    code, _, err = run("export", "-o", str(tmp_path / "table.ods"))
    assert code == 2
    assert "--format" in err
    # --format wins over the file name.
    code, _, _ = run("export", "--format", "jsonl", "-o", str(tmp_path / "table.txt"))
    assert code == 0
    json.loads((tmp_path / "table.txt").read_text(encoding="utf-8"))
    assert run("export", "--table", "volunteers")[0] == 2


def test_export_usage_errors_are_told_in_danish_under_lang_da(tmp_path: Path) -> None:
    code, _, err = run("--lang", "da", "export", "--format", "parquet")
    assert code == 2
    assert "Parquet er binær; angiv en fil med -o OUT.parquet" in err
    code, _, err = run("--lang", "da", "export", "--format", "xlsx")
    assert code == 2
    assert "en projektmappe er binær" in err
    code, _, err = run("--lang", "da", "export", "-o", str(tmp_path / "table.ods"))
    assert code == 2
    assert "kan ikke se formatet af 'table.ods'" in err


# -- schema ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["collaboration", "portfolio", "volunteer_policy", "instrument"])
def test_schema_prints_the_json_schema(kind: str) -> None:
    code, out, _ = run("schema", kind)
    assert code == 0
    assert json.loads(out) == json_schema(kind)


@pytest.mark.parametrize("kind", ["score", "scores", "report"])
def test_schema_prints_the_schema_of_a_result(kind: str) -> None:
    code, out, _ = run("schema", kind)
    assert code == 0
    assert json.loads(out) == result_schema(kind)


def test_schema_defaults_to_a_collaboration_and_refuses_unknown_types() -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert json.loads(out)["title"].startswith("frivillig collaboration document")
    code, _, err = run("schema", "volunteer")
    assert code == 2
    assert "invalid choice" in err


# -- plot ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "suffix", "magic"),
    [
        ("factor-profile", ".png", b"\x89PNG"),
        ("satisfaction", ".svg", b"<?xml"),
        ("findings", ".pdf", b"%PDF"),
    ],
)
def test_plot_saves_each_kind_from_the_example(
    tmp_path: Path, kind: str, suffix: str, magic: bytes
) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "figures" / f"{kind}{suffix}"
    code, out, err = run("plot", kind, "-o", str(path))
    assert (code, err) == (0, "")
    assert out == f"wrote {path}\n"
    assert path.read_bytes().startswith(magic)


def test_plot_from_a_folder(folder: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    code, _, err = run(
        "plot", "findings", str(folder), "--today", TODAY, "-o", str(tmp_path / "f.png")
    )
    assert code == 1  # the broken file is reported; the figure is still drawn
    assert "zz-broken.json is not valid" in err
    assert (tmp_path / "f.png").exists()
    code, _, err = run("plot", "satisfaction", str(folder), "-o", str(tmp_path / "s.png"))
    assert "4 collaborations in" in err
    assert "choose another with --collaboration ID" in err
    code, _, err = run(
        "plot",
        "satisfaction",
        str(folder),
        "--collaboration",
        "esbjerg-oest-lektier-og-weekendklub",
        "-o",
        str(tmp_path / "one.png"),
    )
    assert code == 0  # it stops reading at the one asked for, before the broken file
    assert err == ""
    code, _, err = run(
        "plot", "satisfaction", "--collaboration", "nobody", "-o", str(tmp_path / "x.png")
    )
    assert code == 1
    assert "no collaboration with id 'nobody'" in err


def test_plot_usage_errors(tmp_path: Path) -> None:
    assert run("plot", "satisfaction")[0] == 2  # no -o
    assert run("plot", "pie", "-o", str(tmp_path / "x.png"))[0] == 2
    code, _, err = run("plot", "satisfaction", "-o", str(tmp_path / "x.jpg"))
    assert code == 2
    assert ".png, .svg, .pdf" in err


def test_plot_without_matplotlib_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.import_module

    def without(name: str, package: str | None = None) -> object:
        if name.startswith("matplotlib"):
            raise ModuleNotFoundError(name)
        return real(name, package)

    monkeypatch.setattr(plots.importlib, "import_module", without)
    code, _, err = run("plot", "satisfaction", "-o", str(tmp_path / "x.png"))
    assert code == 1
    assert "pip install 'frivillig[plot]'" in err


# -- help ------------------------------------------------------------------------------------


def test_help_names_every_command_and_the_exit_codes() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for command in ("check", "score", "schedule", "export", "schema", "plot"):
        assert f"    {command} " in out
    assert "embedded example" in out
    assert "exit codes:" in out


@pytest.mark.parametrize("command", ["check", "score", "schedule", "export", "plot"])
def test_each_command_says_it_works_on_the_embedded_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "embedded example" in " ".join(out.split())


def test_an_unknown_instrument_is_reported_not_raised(tmp_path: Path) -> None:
    data = frivillig.to_dict(frivillig.load_example())
    data["rounds"][1]["responses"][0]["instrument"] = "our-own-survey"
    path = tmp_path / "own.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run("score", str(path))
    assert code == 1
    assert f"{path} is not valid:\n  $.rounds[1].responses[0].instrument: " in err
    assert "Traceback" not in err
    # In a JSON Lines file it is a bad document, and the others go on.
    lines = tmp_path / "all.jsonl"
    lines.write_text(
        json.dumps(data) + "\n" + frivillig.dumps(frivillig.load_example("limits_broken")) + "\n",
        encoding="utf-8",
    )
    code, out, err = run("score", str(lines), "--format", "json")
    assert code == 1
    assert f"{lines}, line 1 is not valid:" in err
    assert "  $.rounds[1].responses[0].instrument: instrument 'our-own-survey'" in err
    assert list(json.loads(out)) == ["esbjerg-oest-lektier-og-weekendklub"]
    assert "Traceback" not in err


# -- as real processes -----------------------------------------------------------------------


def console_script() -> str:
    script = Path(sys.executable).parent / "frivillig"
    found = shutil.which("frivillig", path=str(script.parent)) or shutil.which("frivillig")
    if found is None:
        pytest.skip("the frivillig console script is not installed")
    return found


def test_the_console_script_and_its_exit_codes(folder: Path, clean: Path, tmp_path: Path) -> None:
    script = console_script()

    def call(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([script, *argv], capture_output=True, text=True, check=False)

    result = call("check", str(clean), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    result = call("check", str(folder), "--today", TODAY)
    assert result.returncode == 1
    assert "zz-broken.json is not valid" in result.stderr
    result = call("export", "--table", "findings", "--example", "limits_broken")
    assert result.returncode == 0
    assert result.stdout.startswith("collaboration_id,municipality_code,")
    result = call("schema", "portfolio")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"].startswith("frivillig portfolio document")
    assert call("export", "--format", "parquet").returncode == 2
    assert call("--lang", "fr", "check").returncode == 2


def test_plot_and_export_through_python_dash_m(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "satisfaction.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "frivillig",
            "--lang",
            "da",
            "plot",
            "satisfaction",
            "-o",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"skrev {path}\n"
    assert path.read_bytes().startswith(b"\x89PNG")
    result = subprocess.run(
        [sys.executable, "-m", "frivillig", "export", "--table", "responses"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 1 + 8  # the header, and 4 parties in 2 rounds


# -- progress on a terminal --------------------------------------------------------------------


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


_DRAWN = re.compile(r"\r[^\r\n]*(?=\r)")


def without_progress(text: str) -> str:
    """The text with every drawing and wiping of the progress line taken out."""
    return _DRAWN.sub("", text).replace("\r", "")


def run_on(out: io.StringIO, err: io.StringIO, *argv: str) -> int:
    return main(list(argv), out=out, err=err)


@pytest.mark.parametrize("command", ["check", "score", "schedule", "export"])
def test_progress_is_shown_on_a_terminal_and_wiped(command: str, folder: Path) -> None:
    out, err = io.StringIO(), Terminal()
    code = run_on(out, err, command, str(folder), "--today", TODAY)
    plain_code, plain_out, plain_err = run(command, str(folder), "--today", TODAY)
    assert code == plain_code == 1
    assert out.getvalue() == plain_out  # byte for byte the same
    shown = err.getvalue()
    assert "\r1 document read: 1 collaboration, 0 bad documents ..." in shown
    assert without_progress(shown) == plain_err
    assert "\r" not in plain_err
    drawings = _DRAWN.findall(shown)
    assert drawings[-1].strip("\r ") == ""  # the last line drawn is wiped again


def test_progress_in_danish(clean: Path) -> None:
    err = Terminal()
    assert run_on(io.StringIO(), err, "--lang", "da", "check", str(clean), "--today", TODAY) == 0
    assert "\r1 dokument læst: 1 samarbejde, 0 ugyldige dokumenter ..." in err.getvalue()
    assert err.getvalue().endswith("\r")
    assert without_progress(err.getvalue()) == ""


def test_no_progress_on_a_terminal_when_asked(folder: Path) -> None:
    for argv in (["check", "--no-progress"], ["--no-progress", "check"]):
        err = Terminal()
        run_on(io.StringIO(), err, *argv, str(folder), "--today", TODAY)
        assert "\r" not in err.getvalue()
        assert err.getvalue() == run("check", str(folder), "--today", TODAY)[2]


def test_progress_when_asked_without_a_terminal(clean: Path) -> None:
    for argv in (["export", "--progress"], ["--progress", "export"]):
        out, err = io.StringIO(), io.StringIO()
        assert run_on(out, err, *argv, str(clean), "--today", TODAY) == 0
        assert "\r1 document read" in err.getvalue()
        assert without_progress(err.getvalue()) == ""
        assert out.getvalue() == run("export", str(clean), "--today", TODAY)[1]


def test_no_progress_for_one_document() -> None:
    err = Terminal()
    assert run_on(io.StringIO(), err, "check") == 0
    assert err.getvalue() == ""


def test_output_to_the_same_terminal_is_unchanged(folder: Path) -> None:
    out, err = Terminal(), Terminal()
    run_on(out, err, "check", str(folder), "--today", TODAY)
    assert out.getvalue() == run("check", str(folder), "--today", TODAY)[1]


def test_progress_is_drawn_at_most_once_an_interval() -> None:
    from frivillig._cli import _Progress

    now = [0.0]
    stream = Terminal()
    meter = _Progress(stream, clock=lambda: now[0], interval=1.0)
    meter.switch(None, "en")
    report = batch.BatchReport()
    drawn = []
    for tick in (0.0, 0.5, 0.99, 1.0, 1.5, 2.0, 2.0, 5.0):
        now[0] = tick
        report.documents += 1
        report.collaborations += 1
        before = stream.getvalue().count("\r")
        meter.update(report)
        if stream.getvalue().count("\r") > before:
            drawn.append(report.documents)
    assert drawn == [1, 4, 6, 8]
    assert stream.getvalue().endswith("\r8 documents read: 8 collaborations, 0 bad documents ...")
    width = len("8 documents read: 8 collaborations, 0 bad documents ...")
    meter.clear()
    assert stream.getvalue().endswith("\r" + " " * width + "\r")
    meter.clear()  # nothing is shown: nothing more is written
    assert stream.getvalue().endswith("...\r" + " " * width + "\r")


def test_a_shorter_line_covers_a_longer_one_and_off_draws_nothing() -> None:
    from frivillig._cli import _Progress

    stream = Terminal()
    meter = _Progress(stream, clock=lambda: 0.0, interval=0.0)
    meter.switch(None, "en")
    meter.update(batch.BatchReport(documents=100, collaborations=100))
    meter.update(batch.BatchReport(documents=1, collaborations=1))
    second = stream.getvalue().rsplit("\r", 1)[1]
    assert second.startswith("1 document read: 1 collaboration")
    assert len(second) == len("100 documents read: 100 collaborations, 0 bad documents ...")
    off = io.StringIO()
    quiet = _Progress(off, clock=lambda: 0.0)
    quiet.switch(None, "en")  # not a terminal
    quiet.update(batch.BatchReport(documents=1))
    quiet.clear()
    assert off.getvalue() == ""


def test_progress_never_reaches_a_pipe(clean: Path, folder: Path) -> None:
    script = console_script()

    def call(*argv: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([script, *argv], capture_output=True, check=False)

    for source in (clean, folder):
        auto = call("export", str(source), "--today", TODAY)
        off = call("export", "--no-progress", str(source), "--today", TODAY)
        forced = call("export", "--progress", str(source), "--today", TODAY)
        assert auto.stdout == off.stdout == forced.stdout
        assert auto.stderr == off.stderr
        assert b"\r" not in auto.stderr
        assert b"\r" in forced.stderr
    assert call("check", str(clean), "--today", TODAY).stderr == b""


def test_progress_is_wiped_when_reading_stops_early(folder: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    first = sorted(path.stem for path in folder.glob("*.json"))[0]
    argv = ["plot", "satisfaction", str(folder), "--today", TODAY, "--collaboration", first]
    err = Terminal()
    code = run_on(io.StringIO(), err, *argv, "-o", str(tmp_path / "a.png"))
    plain = run(*argv, "-o", str(tmp_path / "b.png"))
    assert code == plain[0] == 0
    assert "\r1 document read" in err.getvalue()
    assert err.getvalue().endswith("\r")
    assert without_progress(err.getvalue()) == plain[2]
