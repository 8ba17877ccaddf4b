"""No CPR-shaped number and no raw control character leaves the CLI, an export or a record.

A collaboration is built whose title, party names, forum name, goal texts, indicator,
task titles and evaluation comments hold CPR-shaped numbers (with a hyphen, a dash, a
space, a no-break space or nothing between the parts) and control characters (escape
sequences, C0 and C1 controls, DEL, bidi overrides and isolates, zero-width and other
format characters, a carriage return and line breaks). Everything ``frivillig check``,
``score``, ``schedule``, ``export`` and ``plot`` show, and every record, is searched for
the numbers, with the project's own detector, with an independent regex and for the
numbers' birth dates; the CLI's output is searched for raw control characters and for a
line that a user's text started. The fields ``redact`` drops stay out of every export
unless the caller asks for them.
"""

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import frivillig
from frivillig import CPR_MASK, Collaboration, find_cpr_like, mask_cpr_like, records
from frivillig._cli import main
from frivillig._privacy import terminal_safe

TODAY = "2026-11-27"

# CPR-shaped numbers (real dates by the century rule), with each separator the detector knows.
CPRS = (
    "211062-5629",
    "0102031234",
    "150575 4321",
    "311299\u20131234",
    "290260\u00a01234",
    "121212-1212",
)
BIRTH_DATES = tuple(cpr[:6] for cpr in CPRS)

# What a terminal acts on: an escape sequence that clears the screen, one that sets the
# window title, BEL, DEL, NUL, the C1 CSI and NEL, a carriage return, bidi overrides and
# isolates, zero-width characters, the BOM, a soft hyphen, the line and paragraph
# separators, and a tag character (outside the BMP).
CONTROLS = (
    "\x1b[2J",
    "\x1b]0;owned\x07",
    "\x7f",
    "\x00",
    "\x9b31m",
    "\x85",
    "\r",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u00ad",
    "\u2028",
    "\u2029",
    "\U000e0041",
)
HOSTILE = "".join(CONTROLS)

# Text kept in fields that `redact` drops; only the comment is an export column.
DROPPED = {
    "description": "MARKER-description",
    "task description": "MARKER-task-description",
    "goal note": "MARKER-goal-note",
    "round summary": "MARKER-round-summary",
    "agreement reference": "MARKER-agreement-reference",
    "comment": "MARKER-comment",
}

_INDEPENDENT_CPR = re.compile(r"\d{6}[-\u2010-\u2015\u2212 \u00a0]?\d{4}")
_INDEPENDENT_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f\ud800-\udfff]"
)
_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _hostile(text: str, index: int) -> str:
    """``text`` with a CPR-shaped number, control characters and a line of its own after it."""
    return f"{text} {CPRS[index % len(CPRS)]} {HOSTILE} ok\nFAKE {index}"


def _collaboration() -> Collaboration:
    example = frivillig.load_example()
    participants = tuple(
        attrs.evolve(p, actor=attrs.evolve(p.actor, name=_hostile(p.actor.name, i)))
        for i, p in enumerate(example.participants)
    )
    goals = tuple(
        attrs.evolve(
            goal,
            text=_hostile(goal.text, i + 1),
            note=DROPPED["goal note"],
            indicator=None
            if goal.indicator is None
            else attrs.evolve(goal.indicator, name=_hostile(goal.indicator.name, i + 2)),
        )
        for i, goal in enumerate(example.goals)
    )
    # Tasks that exercise public authority, so that the rule check repeats their titles in
    # a message it wraps: with titles of every length, one number falls where a line breaks.
    template = example.tasks[1]
    extra = tuple(
        attrs.evolve(
            template,
            id=f"t{k:02d}",
            title=f"{'a' * (60 + k)} {CPRS[k % len(CPRS)]} {HOSTILE}\nFAKE task",
            exercises_authority=True,
            volunteers=(),
            description=DROPPED["task description"],
        )
        for k in range(24)
    )
    tasks = (
        *(
            attrs.evolve(
                task, title=_hostile(task.title, i), description=DROPPED["task description"]
            )
            for i, task in enumerate(example.tasks)
        ),
        *extra,
    )
    rounds = tuple(
        attrs.evolve(
            round_,
            summary=DROPPED["round summary"],
            responses=tuple(
                attrs.evolve(response, comment=_hostile(DROPPED["comment"], i + j))
                for j, response in enumerate(round_.responses)
            ),
        )
        for i, round_ in enumerate(example.rounds)
    )
    assert example.forum is not None
    assert example.agreement is not None
    return attrs.evolve(
        example,
        title=_hostile(example.title, 0),
        description=DROPPED["description"],
        participants=participants,
        forum=attrs.evolve(example.forum, name=_hostile(example.forum.name, 3)),
        goals=goals,
        tasks=tasks,
        rounds=rounds,
        agreement=attrs.evolve(example.agreement, reference=DROPPED["agreement reference"]),
    )


COLLABORATION = _collaboration()


def _cpr_left(text: str) -> list[str]:
    """What in ``text`` is, or shows, a CPR-shaped number: by the detector, a regex, a date."""
    found = [text[start:end] for start, end in find_cpr_like(text)]
    found += _INDEPENDENT_CPR.findall(text)
    found += [date for date in BIRTH_DATES if date in text]
    return found


def _controls_left(text: str) -> list[str]:
    """The characters a terminal would act on, other than the newline."""
    found = [c for c in text if c != "\n" and unicodedata.category(c) in _UNSAFE]
    found += _INDEPENDENT_CONTROL.findall(text)
    return found


def _fake_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.lstrip().startswith("FAKE")]


def assert_safe_for_a_terminal(text: str) -> None:
    assert not _cpr_left(text), _cpr_left(text)
    assert not _controls_left(text), _controls_left(text)
    assert not _fake_lines(text), _fake_lines(text)


def assert_no_dropped_field(text: str, *, but: tuple[str, ...] = ()) -> None:
    for field, marker in DROPPED.items():
        if field not in but:
            assert marker not in text, field


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The collaboration as one JSON document, as a JSON Lines file and in a folder."""
    folder = tmp_path_factory.mktemp("hostile")
    single = folder / "one" / "collaboration.json"
    single.parent.mkdir()
    frivillig.dump(COLLABORATION, single)
    lines = folder / "many.jsonl"
    lines.write_text(frivillig.dumps(COLLABORATION) + "\n", encoding="utf-8")
    # A folder with a good document and a bad one whose very file name is hostile.
    many = folder / "many"
    many.mkdir()
    frivillig.dump(COLLABORATION, many / "a.json")
    (many / f"b {CPRS[2]} \x1b[31m\u202e\nFAKE.json").write_text(
        json.dumps({"schema_version": 1, "title": _hostile("", 4)}), encoding="utf-8"
    )
    return {"file": single, "jsonl": lines, "folder": many}


# -- the CLI ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("source", ["file", "jsonl", "folder"])
@pytest.mark.parametrize(
    "command",
    [
        ("check",),
        ("check", "--format", "json"),
        ("score",),
        ("score", "--format", "json"),
        ("schedule",),
    ],
)
def test_check_score_and_schedule_print_no_cpr_and_no_control_character(
    command: tuple[str, ...], source: str, lang: str, documents: dict[str, Path]
) -> None:
    code, out, err = run("--lang", lang, *command, str(documents[source]), "--today", TODAY)
    assert code in (0, 1), err
    assert "Traceback" not in err
    assert out
    for text in (out, err):
        assert_safe_for_a_terminal(text)
        assert_no_dropped_field(text)


def test_the_layout_keeps_its_lines_and_the_text_stays_readable(
    documents: dict[str, Path],
) -> None:
    code, out, _ = run("check", str(documents["file"]), "--today", TODAY)
    assert code == 1
    lines = out.split("\n")
    title = next(line for line in lines if line.startswith("Collaboration 'kbh-"))
    # The title stays on its line, with what was hidden in it shown, and the number masked.
    assert title.startswith("Collaboration 'kbh-valmuen-besoegsvenner': Besøgsvenner på")
    assert CPR_MASK in title
    assert "\\u001b[2J" in title
    assert "\\u202e" in title
    assert "\\nFAKE 0" in title
    assert "  municipality: København (101)" in lines
    assert any(line.startswith("  FR101 authority-task-given-to-volunteers") for line in lines)


def test_a_json_output_stays_json_with_the_same_text(documents: dict[str, Path]) -> None:
    # Escaped, a control character in a JSON string is the same character to a JSON reader.
    code, out, _ = run("check", "--format", "json", str(documents["file"]), "--today", TODAY)
    assert code == 1
    report = json.loads(out)
    messages = " ".join(finding["message_en"] for finding in report["findings"])
    assert "\x1b[2J" in messages
    assert CPR_MASK in messages
    assert not _cpr_left(messages)


def test_a_cpr_shaped_id_and_file_name_are_masked_too(tmp_path: Path) -> None:
    collaboration = attrs.evolve(frivillig.load_example(), id=CPRS[0])
    path = tmp_path / f"{CPRS[5]}.json"
    frivillig.dump(collaboration, path)
    for command in (("check",), ("score",), ("schedule",), ("export", "--table", "findings")):
        code, out, err = run(*command, str(path), "--today", TODAY)
        assert code in (0, 1), err
        for text in (out, err):
            assert_safe_for_a_terminal(text)
        assert CPR_MASK in out


TABLES = [
    "collaborations",
    "participants",
    "goals",
    "tasks",
    "responses",
    "progress",
    "answers",
    "ratings",
    "hours",
    "findings",
]


def _parquet_text(path: Path) -> str:
    polars = pytest.importorskip("polars")
    frame = polars.read_parquet(path)
    return "\n".join(str(value) for row in frame.iter_rows() for value in row if value is not None)


def _exported(
    documents: dict[str, Path], tmp_path: Path, table: str, form: str, *options: str
) -> Iterator[str]:
    """Every text one table is exported as: to standard output and to a file."""
    if form == "parquet":
        pytest.importorskip("polars")
    source = str(documents["jsonl"])
    common = ("export", source, "--today", TODAY, "--table", table, *options)
    if form != "parquet":
        code, out, err = run(*common, "--format", form)
        assert code == 0, err
        assert_safe_for_a_terminal(out)
        yield out
    path = tmp_path / f"{table}.{form}"
    code, out, err = run(*common, "-o", str(path))
    assert code == 0, err
    assert_safe_for_a_terminal(out)
    if form == "parquet":
        yield _parquet_text(path)
    else:
        yield path.read_text(encoding="utf-8")


@pytest.mark.parametrize("form", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize("table", TABLES)
def test_export_writes_no_cpr_and_no_dropped_field(
    table: str, form: str, documents: dict[str, Path], tmp_path: Path
) -> None:
    for text in _exported(documents, tmp_path, table, form):
        assert not _cpr_left(text), _cpr_left(text)
        assert_no_dropped_field(text)


@pytest.mark.parametrize("form", ["csv", "jsonl", "parquet"])
def test_export_writes_comments_only_when_asked(
    form: str, documents: dict[str, Path], tmp_path: Path
) -> None:
    texts = list(_exported(documents, tmp_path, "responses", form, "--include-personal"))
    for text in texts:
        assert DROPPED["comment"] in text
        assert CPR_MASK in text
        assert not _cpr_left(text), _cpr_left(text)
        assert_no_dropped_field(text, but=("comment",))


@pytest.mark.parametrize("form", ["csv", "jsonl", "parquet"])
def test_export_adds_the_hours_up_even_when_personal_columns_are_asked_for(
    form: str, documents: dict[str, Path], tmp_path: Path
) -> None:
    assert COLLABORATION.time_logs
    for text in _exported(documents, tmp_path, "hours", form, "--include-personal"):
        for volunteer in COLLABORATION.volunteers:
            assert volunteer.id not in text
        assert not _cpr_left(text), _cpr_left(text)


def test_a_csv_on_standard_output_keeps_one_row_a_line(documents: dict[str, Path]) -> None:
    code, out, _ = run("export", str(documents["file"]), "--table", "goals", "--format", "csv")
    assert code == 0
    rows = out.split("\n")
    assert len(rows) == 1 + len(COLLABORATION.goals) + 1  # the header, the rows, the end
    assert list(csv.reader(io.StringIO(out)))[1][3].endswith("ok\\nFAKE 1")


# -- records ---------------------------------------------------------------------------


def _all_records(personal: bool | None = None) -> dict[str, list[records.Record]]:
    items: list[Collaboration | frivillig.Portfolio] = [
        COLLABORATION,
        frivillig.Portfolio(id="p", title="P", collaborations=(COLLABORATION,)),
    ]
    day = dt.date.fromisoformat(TODAY)
    return {
        "collaboration": list(
            records.collaboration_records(items, extra=records.score_columns(today=day))
        ),
        "participant": list(records.participant_records(items, lang="da")),
        "goal": list(records.goal_records(items)),
        "task": list(records.task_records(items)),
        "response": list(
            records.response_records(items)
            if personal is None
            else records.response_records(items, include_personal=personal)
        ),
        "progress": list(records.progress_records(items)),
        "answer": list(records.answer_records(items)),
        "rating": list(records.rating_records(items)),
        "finding": list(records.finding_records(items, today=day, lang="da")),
    }


def _texts(rows: list[records.Record]) -> list[str]:
    return [value for row in rows for value in row.values() if isinstance(value, str)]


@pytest.mark.parametrize("personal", [None, False, True])
def test_records_hold_no_cpr_shaped_number(personal: bool | None) -> None:
    for name, rows in _all_records(personal).items():
        assert rows, name
        for text in _texts(rows):
            assert not _cpr_left(text), (name, text)


def test_records_leave_out_the_comment_unless_asked() -> None:
    rows = list(records.response_records(COLLABORATION))
    assert rows
    assert all(row["comment"] is None for row in rows)
    assert list(rows[0]) == list(records.RESPONSE_COLUMNS)
    for table in _all_records().values():
        assert_no_dropped_field(" ".join(_texts(table)))
    asked = list(records.response_records(COLLABORATION, include_personal=True))
    assert [row["comment"] for row in asked] == [
        mask_cpr_like(response.comment or "")
        for round_ in COLLABORATION.rounds
        for response in round_.responses
    ]
    assert all(CPR_MASK in row["comment"] for row in asked)


def test_a_cpr_shaped_id_is_masked_in_records() -> None:
    collaboration = attrs.evolve(frivillig.load_example(), id=CPRS[0])
    (row,) = records.collaboration_records(collaboration)
    assert row["collaboration_id"] == CPR_MASK
    extra = records.collaboration_records(collaboration, extra=lambda _: {"note": CPRS[1]})
    assert next(extra)["note"] == CPR_MASK


def test_the_opt_in_must_be_a_bool() -> None:
    with pytest.raises(frivillig.errors.ArgumentTypeError):
        records.response_records(COLLABORATION, include_personal="yes")  # type: ignore[arg-type]


# -- finding messages and score explanations -------------------------------------------------


def test_finding_messages_and_score_texts_mask_the_number_before_they_are_wrapped() -> None:
    report = frivillig.check(COLLABORATION, today=dt.date.fromisoformat(TODAY))
    for finding in report:
        assert not _cpr_left(finding.message_da + finding.message_en)
    languages: tuple[Literal["da", "en"], ...] = ("da", "en")
    for lang in languages:
        assert not _cpr_left(report.to_text(lang))
        rendered = frivillig.render_scores(COLLABORATION, today=report.today, lang=lang)
        assert_safe_for_a_terminal(rendered)


# -- plots -----------------------------------------------------------------------------


def _figure_texts(figure: Any) -> list[str]:
    from matplotlib.text import Text

    return [text.get_text() for text in figure.findobj(Text)]


def test_plots_draw_no_cpr_shaped_number() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    from frivillig import plots

    figures = [
        plots.factor_profile(COLLABORATION),
        plots.satisfaction_over_time(COLLABORATION, lang="da"),
        plots.findings_by_rule([COLLABORATION], today=dt.date.fromisoformat(TODAY)),
    ]
    try:
        for figure in figures:
            texts = _figure_texts(figure)
            assert texts
            for text in texts:
                assert not _cpr_left(text), text
    finally:
        for figure in figures:
            plt.close(figure)


# -- the functions behind it -------------------------------------------------------------

_PIECES = st.sampled_from(CPRS + CONTROLS + ("\n", "\t", "1", "-", " ", "\\", "u", "2066"))
_TEXTS = st.text() | st.lists(_PIECES | st.text(max_size=5), max_size=12).map("".join)


@given(text=_TEXTS)
def test_terminal_safe_text_holds_no_cpr_and_no_control_and_is_idempotent(text: str) -> None:
    shown = terminal_safe(text)
    assert not find_cpr_like(shown)
    assert not [c for c in shown if unicodedata.category(c) in _UNSAFE]
    assert "\n" not in shown
    assert terminal_safe(shown) == shown
    assert mask_cpr_like(mask_cpr_like(text)) == mask_cpr_like(text)
    if text.isprintable() and not find_cpr_like(text):
        assert shown == text  # ordinary text is left as it is


def test_terminal_safe_shows_what_it_escapes() -> None:
    assert terminal_safe("a\nb\tc\rd") == "a\\nb\\tc\\rd"
    assert terminal_safe("\x1b[31mred\u202e") == "\\u001b[31mred\\u202e"
    assert terminal_safe("\U000e0041") == "\\udb40\\udc41"
    assert terminal_safe(f"cpr {CPRS[0]}\x07") == f"cpr {CPR_MASK}\\u0007"
    assert terminal_safe("Æblegrød 10\u00a0%") == "Æblegrød 10\u00a0%"
