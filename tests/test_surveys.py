"""Survey answers in: a survey tool's export read as an evaluation round (frivillig.surveys)."""

import csv
import datetime as dt
import importlib.util
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import openpyxl  # type: ignore[import-untyped,unused-ignore]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import strategies as fs
from frivillig._cli import main
from frivillig._core.problem_text import danish
from frivillig.errors import ArgumentTypeError, ArgumentValueError, ValidationError
from frivillig.records import MissingExtraError
from frivillig.surveys import read_responses

HELD_ON = dt.date(2026, 12, 1)
EXAMPLE = frivillig.load_example()
BAROMETER = frivillig.get_instrument("barometer")
ITEMS = [item.id for item in BAROMETER.items]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _csv(rows: Sequence[Sequence[object]], *, delimiter: str = ",", bom: bool = False) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _xlsx(rows: Sequence[Sequence[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _table(round_: frivillig.EvaluationRound, instrument: frivillig.Instrument) -> list[list[Any]]:
    """One row per response, one column per item; ``None`` for an answer left out."""
    ids = [item.id for item in instrument.items]
    return [
        ["party", *ids],
        *([r.party, *(r.answers.get(i) for i in ids)] for r in round_.responses),
    ]


def _as_csv_cells(rows: list[list[Any]]) -> list[list[str]]:
    return [
        ["" if cell is None else repr(cell) if isinstance(cell, float) else cell for cell in row]
        for row in rows
    ]


def _problems(data: bytes, **kwargs: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        read_responses(
            io.BytesIO(data), kwargs.pop("instrument", BAROMETER), held_on=HELD_ON, **kwargs
        )
    for problem in caught.value.problems:
        assert danish(problem.message) is not None, problem.message
    return [(p.path, p.code) for p in caught.value.problems]


def _row(party: str, *answers: object) -> list[object]:
    values = list(answers) + [3] * (len(ITEMS) - len(answers))
    return [party, *values]


HEADER: list[object] = ["party", *ITEMS]


# -- round trip ------------------------------------------------------------------------------


@st.composite
def _rounds(draw: st.DrawFn) -> tuple[frivillig.Instrument, frivillig.EvaluationRound]:
    """An instrument and a round of full answers to it (``None`` for an empty cell)."""
    instrument = draw(fs.instruments())
    parties = draw(
        st.lists(fs.responses(party_ids=None).map(lambda r: r.party), max_size=5, unique=True)
    )
    scale = instrument.scale
    if scale.whole_numbers:
        value = st.integers(scale.minimum, scale.maximum).map(float)
    else:
        # thousandths: as a survey tool writes them (openpyxl writes a float's first 15
        # significant digits, so a value such as 1e-182 would not come back whole)
        value = st.integers(scale.minimum * 1000, scale.maximum * 1000).map(lambda n: n / 1000)
    responses = [
        frivillig.Response(
            party=party,
            instrument=instrument.id,
            answers={item.id: draw(st.none() | value) for item in instrument.items},
        )
        for party in parties
    ]
    round_ = frivillig.EvaluationRound(id=HELD_ON.isoformat(), held_on=HELD_ON, responses=responses)
    return instrument, round_


@SETTINGS
@given(_rounds(), st.sampled_from([",", ";", "\t"]), st.booleans())
def test_a_round_written_as_csv_reads_back_the_same(
    drawn: tuple[frivillig.Instrument, frivillig.EvaluationRound], delimiter: str, bom: bool
) -> None:
    instrument, round_ = drawn
    data = _csv(_as_csv_cells(_table(round_, instrument)), delimiter=delimiter, bom=bom)
    assert read_responses(io.BytesIO(data), instrument, held_on=HELD_ON) == round_


@SETTINGS
@given(_rounds())
def test_a_round_written_as_xlsx_reads_back_the_same(
    drawn: tuple[frivillig.Instrument, frivillig.EvaluationRound],
) -> None:
    instrument, round_ = drawn
    data = _xlsx(_table(round_, instrument))
    assert read_responses(io.BytesIO(data), instrument, held_on=HELD_ON) == round_


def test_the_example_round_reads_back_from_a_file_path(tmp_path: Path) -> None:
    original = EXAMPLE.rounds[-1]
    path = tmp_path / "svar.xlsx"
    path.write_bytes(_xlsx(_table(original, BAROMETER)))
    read = read_responses(
        path, "barometer", held_on=original.held_on, collaboration=EXAMPLE, round_id="2026-q4"
    )
    assert [r.answers for r in read.responses] == [r.answers for r in original.responses]
    assert [r.party for r in read.responses] == [r.party for r in original.responses]


# -- the raw answers ---------------------------------------------------------------------------


def test_reverse_coded_items_arrive_raw_and_are_turned_when_scored() -> None:
    reverse = [item.id for item in BAROMETER.items if item.reverse]
    assert reverse
    row = _row("kommune", *[2 if item in reverse else 4 for item in ITEMS])
    round_ = read_responses(io.BytesIO(_csv([HEADER, row])), BAROMETER, held_on=HELD_ON)
    answers = round_.responses[0].answers
    assert all(answers[item] == 2.0 for item in reverse)
    result = frivillig.score_instrument(BAROMETER, answers)
    assert result.factor("equality").value == 4.0  # b03 = 4, b04 = 2 turned into 4


def test_empty_cells_are_unanswered_and_anchor_words_and_decimal_commas_are_read() -> None:
    scale = attrs.evolve(BAROMETER.scale, whole_numbers=False)
    instrument = attrs.evolve(BAROMETER, scale=scale)
    row = ["kommune", "", "Helt enig", "strongly disagree", "3,5", " 4 ", *[""] * 5]
    data = _csv([HEADER, row], delimiter=";")
    answers = read_responses(io.BytesIO(data), instrument, held_on=HELD_ON).responses[0].answers
    assert answers["b01"] is None
    assert (answers["b02"], answers["b03"], answers["b04"], answers["b05"]) == (5.0, 1.0, 3.5, 4.0)
    assert list(answers) == ITEMS


def test_a_semicolon_csv_with_a_bom_and_commas_in_its_headers_is_read() -> None:
    headers = {item: f"{item.upper()}. Vi ved, hvad, vi vil" for item in ITEMS}
    data = _csv(
        [["party", *headers.values(), "Tidspunkt"], [*_row("kommune"), "1.12.2026, 10:00"]],
        delimiter=";",
        bom=True,
    )
    mapping = {text: item for item, text in headers.items()}
    round_ = read_responses(io.BytesIO(data), BAROMETER, held_on=HELD_ON, columns=mapping)
    assert round_.responses[0].party == "kommune"
    assert set(round_.responses[0].answers.values()) == {3.0}


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_the_columns_can_come_from_a_mapping_file(tmp_path: Path, suffix: str) -> None:
    mapping = {f"Spørgsmål {n}": item for n, item in enumerate(ITEMS, start=1)}
    path = tmp_path / f"map{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(mapping), encoding="utf-8")
    else:
        path.write_bytes(_csv([["column", "item"], *mapping.items()], delimiter=";"))
    data = _csv([["party", *mapping], _row("kommune", 1)])
    round_ = read_responses(io.BytesIO(data), BAROMETER, held_on=HELD_ON, columns=path)
    assert round_.responses[0].answers["b01"] == 1.0


# -- every bad cell, with its row and column ---------------------------------------------------


def test_every_bad_cell_is_reported_with_its_row_and_column_and_good_rows_are_not() -> None:
    rows = [
        HEADER,
        _row("kommune"),  # row 2: good
        _row("plejecenter", 9, "x"),  # row 3: b01 off the scale, b02 not a number
        _row("besoegsvenner"),  # row 4: good
        _row("ghost", 2.5),  # row 5: unknown party, b01 not whole
        _row("frivilligcenter", *[3] * 9, 0),  # row 6: b10 off the scale
    ]
    found = _problems(_csv(rows), collaboration=EXAMPLE)
    assert found == [
        ("$.rows[3].b01", "range"),
        ("$.rows[3].b02", "type"),
        ("$.rows[5].party", "reference"),
        ("$.rows[5].b01", "format"),
        ("$.rows[6].b10", "range"),
    ]
    xlsx = _problems(_xlsx(rows), collaboration=EXAMPLE)
    assert xlsx == found
    assert not any(path.startswith(("$.rows[2]", "$.rows[4]")) for path, _ in found)


def test_an_unknown_party_is_a_problem_only_with_a_collaboration() -> None:
    data = _csv([HEADER, _row("ghost")])
    assert _problems(data, collaboration=EXAMPLE) == [("$.rows[2].party", "reference")]
    assert (
        read_responses(io.BytesIO(data), BAROMETER, held_on=HELD_ON).responses[0].party == "ghost"
    )


def test_a_missing_party_a_repeated_party_and_a_cpr_number_are_problems() -> None:
    rows = [HEADER, _row(""), _row("kommune"), _row("kommune"), _row("010190-1234"), _row("a b")]
    data = _csv(rows)
    assert _problems(data) == [
        ("$.rows[2].party", "missing"),
        ("$.rows[4].party", "duplicate"),
        ("$.rows[5].party", "cpr"),
        ("$.rows[6].party", "format"),
    ]
    with pytest.raises(ValidationError) as caught:
        read_responses(io.BytesIO(data), BAROMETER, held_on=HELD_ON)
    assert "1234" not in str(caught.value)


def test_a_missing_item_column_and_a_missing_party_column_are_problems() -> None:
    header = ["respondent", *ITEMS[:-1]]
    data = _csv([header, ["kommune", *[3] * (len(ITEMS) - 1)]])
    with pytest.raises(ValidationError) as caught:
        read_responses(io.BytesIO(data), BAROMETER, held_on=HELD_ON)
    problems = caught.value.problems
    assert [(p.path, p.code) for p in problems] == [("$.rows[1]", "missing")] * 2
    assert "'party'" in problems[0].message
    assert ITEMS[-1] in problems[1].message


def test_no_item_is_required_by_the_scoring_rule() -> None:
    """An empty row of answers is a response whose factors are not scored, not a problem."""
    round_ = read_responses(
        io.BytesIO(_csv([HEADER, ["kommune", *[""] * len(ITEMS)]])), BAROMETER, held_on=HELD_ON
    )
    answers = round_.responses[0].answers
    assert set(answers.values()) == {None}
    assert frivillig.score_instrument(BAROMETER, answers).overall.value is None  # type: ignore[union-attr]


def test_doubled_columns_a_long_row_and_a_bad_mapping_are_problems() -> None:
    data = _csv([[*HEADER, "B01 again"], [*_row("kommune"), 4], [*_row("plejecenter"), 4, "x"]])
    found = _problems(data, columns={"B01 again": "b01", "Q99": "q99"})
    assert found == [
        ("$.columns.Q99", "reference"),
        ("$.rows[1]['B01 again']", "duplicate"),
        ("$.rows[3]", "format"),
    ]
    found = _problems(_csv([HEADER, [*_row("kommune"), "extra"]]))
    assert found == [("$.rows[2]", "format")]


def test_the_round_id_must_be_new_in_the_collaboration() -> None:
    data = _csv([HEADER, _row("kommune")])
    used = EXAMPLE.rounds[0].id
    assert _problems(data, collaboration=EXAMPLE, round_id=used) == [("$", "duplicate")]


# -- bounds and unreadable files ---------------------------------------------------------------


def test_a_file_over_the_limits_is_refused() -> None:
    rows = [HEADER, *(_row(f"p{n}") for n in range(12))]
    data = _csv(rows)
    small = frivillig.LoadLimits(max_bytes=len(data) - 1)
    assert _problems(data, limits=small) == [("$", "size")]
    narrow = frivillig.LoadLimits(max_items=11)  # the 11 columns, but not the 12 rows
    assert _problems(data, limits=narrow) == [("$", "length")]
    assert _problems(_xlsx(rows), limits=narrow) == [("$", "length")]
    assert read_responses(io.BytesIO(_csv(rows[:12])), BAROMETER, held_on=HELD_ON, limits=narrow)
    assert _problems(data, limits=frivillig.LoadLimits(max_items=10)) == [("$.rows[1]", "length")]
    many = frivillig.LoadLimits(max_problems=2)
    bad = _csv([HEADER, _row("kommune", *["x"] * len(ITEMS))])
    assert len(_problems(bad, limits=many)) == 3


def test_unreadable_files_are_problems() -> None:
    assert _problems(b"") == [("$", "empty")]
    assert _problems("party;b01\nø".encode("latin-1")) == [("$", "encoding")]
    assert _problems(b"PK\x03\x04 not really a workbook") == [("$", "format")]


def test_caller_mistakes_are_usage_errors() -> None:
    data = io.BytesIO(_csv([HEADER, _row("kommune")]))
    with pytest.raises(ArgumentTypeError):
        read_responses(data, BAROMETER, held_on=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    with pytest.raises(ArgumentTypeError):
        read_responses(data, 5, held_on=HELD_ON)  # type: ignore[arg-type]
    with pytest.raises(ArgumentValueError):
        read_responses(data, BAROMETER, held_on=HELD_ON, round_id="not an id")
    with pytest.raises(ArgumentTypeError):
        read_responses(io.StringIO("party"), BAROMETER, held_on=HELD_ON)  # type: ignore[arg-type]


def test_every_message_of_the_module_has_a_danish_template() -> None:
    """The catalogue test's own reading of the source, applied to this module."""
    root = Path(__file__).resolve().parent
    spec = importlib.util.spec_from_file_location(
        "_survey_lang", root / "test_language_and_catalogue.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    import ast

    source = (root.parent / "src" / "frivillig" / "surveys.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    messages = [  # problems.add(path, message, code), and a Problem(message=...)
        module._sample(node.args[1])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "add"
        and len(node.args) == 3
    ]
    messages += [  # the messages the helpers _too_large and _not_utf8 return
        module._sample(node.value)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef) and function.name in ("_too_large", "_not_utf8")
        for node in ast.walk(function)
        if isinstance(node, ast.Return) and node.value is not None
    ]
    usage = (" must be ", "this needs ")  # the caller's mistakes and a missing extra
    messages += [t for _, t in module._source_messages(tree) if not any(u in t for u in usage)]
    assert len(messages) >= 20
    missing = [text for text in messages if text is not None and not module._has_template(text)]
    assert not missing


# -- the command -------------------------------------------------------------------------------


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> Path:
    frivillig.dump(EXAMPLE, tmp_path / "c.json")
    (tmp_path / "svar.csv").write_bytes(
        _csv([HEADER, _row("kommune"), _row("plejecenter", 4)], delimiter=";", bom=True)
    )
    return tmp_path


def _args(folder: Path, *more: str) -> list[str]:
    return [
        "import-responses",
        str(folder / "svar.csv"),
        "--instrument",
        "barometer",
        "--collaboration",
        str(folder / "c.json"),
        "--held-on",
        "2026-12-01",
        *more,
    ]


def test_the_command_prints_the_round_as_it_is_written_in_a_collaboration(files: Path) -> None:
    code, out, err = _run(*_args(files))
    assert (code, err) == (0, "")
    written = json.loads(out)
    round_ = read_responses(files / "svar.csv", BAROMETER, held_on=HELD_ON)
    added = attrs.evolve(EXAMPLE, rounds=(*EXAMPLE.rounds, round_))
    assert frivillig.to_dict(added)["rounds"][-1] == written


def test_the_command_writes_out_and_takes_an_instrument_document(files: Path) -> None:
    frivillig.dump(BAROMETER, files / "barometer.json")
    args = _args(files, "-o", str(files / "round.json"))
    args[3] = str(files / "barometer.json")
    code, out, _ = _run(*args)
    assert code == 0
    assert "round.json" in out
    assert json.loads((files / "round.json").read_text(encoding="utf-8"))["id"] == "2026-12-01"


def test_the_command_exits_1_on_bad_answers_in_danish(files: Path) -> None:
    (files / "svar.csv").write_bytes(_csv([HEADER, _row("ghost", 9)]))
    code, out, err = _run("--lang", "da", *_args(files))
    assert (code, out) == (1, "")
    assert "$.rows[2].party: parten 'ghost' er ikke part i samarbejdet" in err
    assert "$.rows[2].b01: ligger uden for skalaen" in err


def test_the_command_exits_1_on_a_bad_collaboration_or_instrument(files: Path) -> None:
    (files / "bad.json").write_text("{}", encoding="utf-8")
    args = _args(files)
    args[5] = str(files / "bad.json")
    assert _run(*args)[0] == 1
    args = _args(files)
    args[3] = "no-such-instrument"
    assert _run(*args)[0] == 1


def test_the_command_exits_2_on_wrong_usage(files: Path) -> None:
    assert _run(*_args(files)[:-2])[0] == 2  # no --held-on
    assert _run(*_args(files)[:-1], "1 December")[0] == 2
    code, _, err = _run(*_args(files, "-o", str(files / "c.json")))
    assert code == 2
    assert "will not write" in err
    assert _run(*_args(files, "--round-id", "not an id"))[0] == 2


def test_a_workbook_without_openpyxl_is_a_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _xlsx([HEADER, _row("kommune")])
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ImportError
    with pytest.raises(MissingExtraError, match=r"frivillig\[xlsx\]"):
        read_responses(io.BytesIO(data), BAROMETER, held_on=HELD_ON)
    assert read_responses(io.BytesIO(_csv([HEADER, _row("kommune")])), BAROMETER, held_on=HELD_ON)


def test_a_date_or_a_boolean_in_a_workbook_is_not_a_number() -> None:
    data = _xlsx([HEADER, _row("kommune", dt.datetime(2026, 1, 5), True)])  # noqa: DTZ001
    assert _problems(data) == [("$.rows[2].b01", "type"), ("$.rows[2].b02", "type")]
