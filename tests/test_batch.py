"""Batch reading: good documents go on, bad ones are reported, nothing is read too early."""

import datetime as dt
import functools
import io
import json
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

import frivillig
from frivillig import batch, records, synthetic
from frivillig.batch import BadDocument, BatchReport

T = TypeVar("T")


def good_collaborations(size: int = 6, seed: int = 3) -> list[frivillig.Collaboration]:
    """Collaborations in the order of their ids, which is the order a folder is read in."""
    found = synthetic.iter_collaborations(seed, size, municipality_codes=[751])
    return sorted(found, key=lambda c: c.id)


def document(collaboration: frivillig.Collaboration) -> dict[str, Any]:
    return frivillig.to_dict(collaboration)


@pytest.fixture
def mixed_folder(tmp_path: Path) -> tuple[Path, list[frivillig.Collaboration]]:
    """Six good collaborations, two more in a portfolio, a policy, and eight bad documents."""
    good = good_collaborations()
    batch.write_folder(good, tmp_path)
    extra = good_collaborations(2, seed=99)
    portfolio = frivillig.Portfolio(id="p", title="To mere", collaborations=tuple(extra))
    (tmp_path / "zz-portfolio.json").write_text(frivillig.dumps(portfolio), encoding="utf-8")
    policy = frivillig.VolunteerPolicy(
        municipality_code=751,
        title="Frivilligpolitik",
        adopted_on=dt.date(2024, 3, 1),
        process=frivillig.PolicyProcess.CO_DESIGNED,
    )
    (tmp_path / "policy.json").write_text(frivillig.dumps(policy), encoding="utf-8")

    broken = {
        "bad-json.json": "{ this is not json",
        "bad-empty.json": "",
        "bad-missing.json": json.dumps({"schema_version": 1, "type": "collaboration"}),
        "bad-version.json": json.dumps({**document(good[0]), "schema_version": 99}),
        "bad-field.json": json.dumps({**document(good[1]), "id": "other", "title": "  "}),
        "bad-reference.json": json.dumps(
            {**document(good[2]), "id": "dangling", "initiator": "nobody"}
        ),
    }
    for name, text in broken.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "bad-encoding.json").write_bytes(b'{"title": "\xff"}')
    # The same collaboration again under another file name: a duplicate id.
    shutil.copy(tmp_path / f"{good[0].id}.json", tmp_path / "zz-copy.json")
    # Not read: another pattern, and a subfolder.
    (tmp_path / "README.txt").write_text("not a document", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inner.json").write_text("{", encoding="utf-8")
    return tmp_path, good + extra


BAD_CODES = {
    "bad-json.json": "json",
    "bad-empty.json": "json",
    "bad-missing.json": "missing",
    "bad-version.json": "schema_version",
    "bad-field.json": "empty",
    "bad-reference.json": "reference",
    "bad-encoding.json": "encoding",
    "zz-copy.json": "duplicate",
}


def test_a_folder_yields_every_good_document_and_a_bad_document_for_each_bad_one(
    mixed_folder: tuple[Path, list[frivillig.Collaboration]],
) -> None:
    folder, good = mixed_folder
    found = list(batch.iter_documents(folder))
    loaded = [d for d in found if isinstance(d, frivillig.Collaboration)]
    portfolios = [d for d in found if isinstance(d, frivillig.Portfolio)]
    bad = [d for d in found if isinstance(d, BadDocument)]
    # 6 files + zz-copy hold collaborations; the duplicate is found only when collecting.
    assert [c.id for c in loaded] == [*(c.id for c in good[:6]), good[0].id]
    assert loaded[:6] == good[:6]
    assert portfolios[0].collaborations == tuple(good[6:])
    assert sorted(Path(b.source).name for b in bad) == sorted(set(BAD_CODES) - {"zz-copy.json"})
    assert all(b.line is None for b in bad)
    assert len(found) == 16


def test_load_portfolio_keeps_every_good_collaboration_and_reports_each_bad_document(
    mixed_folder: tuple[Path, list[frivillig.Collaboration]],
) -> None:
    folder, good = mixed_folder
    portfolio, report = batch.load_portfolio(folder)
    assert {c.id for c in portfolio.collaborations} == {c.id for c in good}
    assert len(portfolio.collaborations) == 8
    frivillig.validate(portfolio)
    assert report.documents == 16
    assert report.collaborations == 8
    assert not report.ok
    by_name = {Path(b.source).name: b for b in report.bad}
    assert set(by_name) == set(BAD_CODES)
    for name, code in BAD_CODES.items():
        codes = {problem.code for problem in by_name[name].problems}
        assert code in codes, (name, by_name[name])
    # The problems carry their JSON paths.
    missing_paths = {p.path for p in by_name["bad-missing.json"].problems}
    assert {"$.id", "$.title", "$.participants"} <= missing_paths
    assert [p.path for p in by_name["bad-reference.json"].problems] == ["$.initiator"]
    assert [p.path for p in by_name["bad-field.json"].problems] == ["$.title"]
    duplicate = by_name["zz-copy.json"].problems[0]
    assert duplicate.path == "$.id"
    assert f"{good[0].id}.json" in duplicate.message
    # One municipality, one policy for it: both land on the portfolio.
    assert portfolio.municipality_code == 751
    assert portfolio.policy == report.policies[0]
    assert portfolio.title == f"Collaborations from {folder.name}"
    text = str(report)
    assert text.startswith("16 documents read: 8 collaborations, 8 bad documents")
    for name in BAD_CODES:
        assert name in text


def test_a_folder_with_good_and_bad_documents_yields_every_good_ones_rows(
    mixed_folder: tuple[Path, list[frivillig.Collaboration]],
) -> None:
    folder, good = mixed_folder
    report = BatchReport()
    rows = list(records.goal_records(batch.iter_collaborations(folder, report=report)))
    expected = list(records.goal_records(good))

    def key(row: dict[str, Any]) -> tuple[str, str]:
        return row["collaboration_id"], row["goal_id"]

    assert sorted(rows, key=key) == sorted(expected, key=key)
    assert len(report.bad) == len(BAD_CODES)


def test_without_a_report_each_bad_document_is_a_warning(
    mixed_folder: tuple[Path, list[frivillig.Collaboration]],
) -> None:
    folder, good = mixed_folder
    with pytest.warns(frivillig.FrivilligWarning) as caught:
        collaborations = list(batch.iter_collaborations(folder))
    assert len(collaborations) == len(good)
    assert len(caught) == len(BAD_CODES)
    assert any("bad-json.json" in str(warning.message) for warning in caught)


def test_json_lines_with_broken_lines_report_their_line_numbers(tmp_path: Path) -> None:
    good = good_collaborations(5)
    path = tmp_path / "export.jsonl"
    assert batch.write_jsonl(good, path) == 5
    lines = path.read_text(encoding="utf-8").splitlines()
    # Line 3 is cut short, line 4 is blank, line 6 names a party that does not exist.
    bad_reference = json.dumps({**document(good[3]), "initiator": "nobody"})
    text = [lines[0], lines[1], lines[2][:100], "", bad_reference, lines[4]]
    path.write_text("\n".join(text) + "\n", encoding="utf-8")

    found = list(batch.iter_documents(path))
    assert [type(item).__name__ for item in found] == [
        "Collaboration",
        "Collaboration",
        "BadDocument",
        "BadDocument",
        "Collaboration",
    ]
    cut, reference = (item for item in found if isinstance(item, BadDocument))
    assert (cut.line, cut.problems[0].code) == (3, "json")
    assert (reference.line, reference.problems[0].path) == (5, "$.initiator")
    assert cut.where == f"{path}, line 3"
    assert str(reference).startswith(f"{path}, line 5: 1 problem:")
    assert found[4] == good[4]

    portfolio, report = batch.load_portfolio(path)
    assert [c.id for c in portfolio.collaborations] == [good[0].id, good[1].id, good[4].id]
    assert [(b.line, b.problems[0].code) for b in report.bad] == [(3, "json"), (5, "reference")]


def test_streams_of_json_lines_are_read_too() -> None:
    good = good_collaborations(2)
    text = "\n".join(frivillig.dumps(c) for c in good) + "\n{broken\n"
    found = list(batch.iter_documents(io.StringIO(text)))
    assert found[:2] == good
    assert isinstance(found[2], BadDocument)
    assert (found[2].source, found[2].line) == ("<stream>", 3)
    from_bytes = list(batch.iter_documents(io.BytesIO(text.encode("utf-8"))))
    assert from_bytes[:2] == good


def test_a_single_json_file_and_a_portfolio_document(tmp_path: Path) -> None:
    good = good_collaborations(3)
    path = tmp_path / "alle.json"
    frivillig.dump(frivillig.Portfolio(id="alle", title="Alle", collaborations=tuple(good)), path)
    portfolio, report = batch.load_portfolio(path, portfolio_id="kopi", title="Kopi")
    assert portfolio.collaborations == tuple(good)
    assert (portfolio.id, portfolio.title) == ("kopi", "Kopi")
    assert report.ok
    assert report.documents == 1
    assert str(report) == "1 document read: 3 collaborations, 0 bad documents"


def test_an_iterable_of_paths_is_consumed_lazily(tmp_path: Path) -> None:
    good = good_collaborations(4)
    paths = batch.write_folder(good, tmp_path)
    taken: list[Path] = []

    def lazily() -> Iterator[Path]:
        for path in paths:
            taken.append(path)
            yield path

    documents = batch.iter_documents(lazily())
    assert taken == []
    assert next(documents) == good[0]
    assert taken == paths[:1]
    assert next(documents) == good[1]
    assert taken == paths[:2]


def test_a_folder_is_read_file_by_file_as_the_iterator_advances(tmp_path: Path) -> None:
    good = good_collaborations(3)
    paths = batch.write_folder(good, tmp_path)
    documents = batch.iter_documents(tmp_path)
    first = next(documents)
    # A file changed after the iterator started, before it is reached, is read as it is now.
    paths[2].write_text("{", encoding="utf-8")
    rest = list(documents)
    assert first in good
    assert isinstance(rest[-1], BadDocument)
    assert rest[-1].source == str(paths[2])


def test_paths_that_cannot_be_read_are_bad_documents(tmp_path: Path) -> None:
    good = good_collaborations(1)
    (path,) = batch.write_folder(good, tmp_path / "ok")
    found = list(batch.iter_documents([tmp_path / "missing.json", path, tmp_path, 7]))  # type: ignore[list-item]
    assert [type(item).__name__ for item in found] == [
        "BadDocument",
        "Collaboration",
        "BadDocument",
        "BadDocument",
    ]
    assert found[0].problems[0].code == "io"  # type: ignore[union-attr]
    assert found[2].problems[0].code == "io"  # type: ignore[union-attr]
    assert (found[3].source, found[3].problems[0].code) == ("<item 3>", "type")  # type: ignore[union-attr]
    missing_jsonl = list(batch.iter_documents([tmp_path / "missing.jsonl"]))
    assert missing_jsonl[0].problems[0].code == "io"  # type: ignore[union-attr]


def test_a_document_of_another_type_is_bad_when_a_type_is_asked_for(
    mixed_folder: tuple[Path, list[frivillig.Collaboration]],
) -> None:
    folder, _ = mixed_folder
    found = list(batch.iter_documents(folder, cls=frivillig.Collaboration))
    names = {Path(b.source).name for b in found if isinstance(b, BadDocument)}
    assert {"zz-portfolio.json", "policy.json"} <= names
    with pytest.raises(frivillig.ArgumentValueError):
        batch.iter_documents(folder, cls=dict)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("/no/such/place", frivillig.ValidationError),
        (b"bytes", frivillig.ArgumentTypeError),
        (42, frivillig.ArgumentTypeError),
    ],
)
def test_an_unusable_source_raises_at_once(source: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        batch.iter_documents(source)  # type: ignore[arg-type]


def test_progress_wraps_the_files_of_a_folder_and_the_lines_of_json_lines(tmp_path: Path) -> None:
    good = good_collaborations(3)
    batch.write_folder(good, tmp_path / "folder")
    batch.write_jsonl(good, tmp_path / "all.jsonl")
    seen: list[list[Any]] = []

    def progress(items: Iterable[T], *, label: str = "") -> Iterable[T]:
        materialised = list(items)
        seen.append(materialised)
        return materialised

    from_folder = list(batch.iter_documents(tmp_path / "folder", progress=progress))
    assert from_folder == good
    assert [len(s) for s in seen] == [3]
    assert all(isinstance(p, Path) for p in seen[0])
    seen.clear()
    wrapped = functools.partial(progress, label="Loading")
    portfolio, _ = batch.load_portfolio(tmp_path / "all.jsonl", progress=wrapped)
    assert portfolio.collaborations == tuple(good)
    assert len(seen) == 1
    assert len(seen[0]) == 3


def test_write_folder_and_jsonl_refuse_what_they_cannot_write(tmp_path: Path) -> None:
    collaboration = good_collaborations(1)[0]
    with_colon = frivillig.Collaboration(
        id="kk:2026:1", title="Kolon", municipality_code=101, start_on=dt.date(2026, 1, 1),
        participants=collaboration.participants[:1],
    )  # fmt: skip
    (path,) = batch.write_folder([with_colon], tmp_path)
    assert path.name == "kk_2026_1.json"
    assert frivillig.load(path) == with_colon
    twin = frivillig.Collaboration(
        id="kk_2026_1", title="Kolon", municipality_code=101, start_on=dt.date(2026, 1, 1),
        participants=collaboration.participants[:1],
    )  # fmt: skip
    with pytest.raises(frivillig.ValidationError) as caught:
        batch.write_folder([with_colon, twin], tmp_path)
    assert caught.value.problems[0].code == "duplicate"
    with pytest.raises(frivillig.ArgumentTypeError):
        batch.write_folder(["not a collaboration"], tmp_path)  # type: ignore[list-item]
    with pytest.raises(frivillig.ArgumentTypeError):
        batch.write_jsonl([collaboration, 3], tmp_path / "x.jsonl")  # type: ignore[list-item]


def test_written_documents_read_back_unchanged(tmp_path: Path) -> None:
    portfolio = synthetic.generate_portfolio(8, 25)
    batch.write_folder(portfolio, tmp_path / "folder", indent=None)
    batch.write_jsonl(portfolio, tmp_path / "all.ndjson")
    from_folder, folder_report = batch.load_portfolio(tmp_path / "folder")
    from_lines, lines_report = batch.load_portfolio(tmp_path / "all.ndjson")
    assert folder_report.ok
    assert lines_report.ok
    assert set(from_folder.collaborations) == set(portfolio.collaborations)
    assert from_lines.collaborations == portfolio.collaborations
    assert from_lines.municipality_code is None


# -- check and score over a stream -------------------------------------------------------------

TODAY = dt.date(2026, 10, 1)


def test_evaluate_checks_and_scores_every_good_collaboration_and_reports_each_bad_document(
    mixed_folder: tuple[Path, list[frivillig.Collaboration]],
) -> None:
    folder, good = mixed_folder
    report = BatchReport()
    evaluations = list(batch.evaluate(folder, today=TODAY, report=report))
    assert [e.collaboration for e in evaluations] == sorted(good[:6], key=lambda c: c.id) + good[6:]
    for evaluation in evaluations:
        assert evaluation.report == frivillig.check(evaluation.collaboration, today=TODAY)
        assert evaluation.scores == frivillig.score_all(evaluation.collaboration, today=TODAY)
        assert evaluation.passes is evaluation.report.passes
    # Where each came from: its own file, or its place in the portfolio document.
    single = evaluations[0]
    assert Path(single.source).name == f"{single.collaboration.id}.json"
    assert (single.line, single.path, single.where) == (None, "$", single.source)
    inner = evaluations[-1]
    assert Path(inner.source).name == "zz-portfolio.json"
    assert inner.path == "$.collaborations[1]"
    assert inner.where == f"{inner.source}, $.collaborations[1]"
    # Each bad document is reported, as when loading.
    assert sorted(Path(b.source).name for b in report.bad) == sorted(BAD_CODES)
    assert (report.documents, report.collaborations) == (16, 8)


def test_evaluate_streams_one_document_at_a_time(tmp_path: Path) -> None:
    good = good_collaborations(4)
    batch.write_folder(good, tmp_path)
    evaluations = batch.evaluate(tmp_path, today=TODAY)
    first = next(evaluations)
    assert first.collaboration == good[0]
    # The later files are not read yet: breaking one now is seen when it is reached.
    (tmp_path / f"{good[3].id}.json").write_text("{", encoding="utf-8")
    with pytest.warns(frivillig.FrivilligWarning, match="not valid JSON"):
        rest = list(evaluations)
    assert [e.collaboration for e in rest] == good[1:3]


def test_evaluate_reads_json_lines_with_progress_and_line_numbers(tmp_path: Path) -> None:
    good = good_collaborations(3)
    path = tmp_path / "export.jsonl"
    batch.write_jsonl(good, path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"schema_version": 1}\n')
    wrapped: list[int] = []

    def progress(items: Iterable[T]) -> Iterator[T]:
        for item in items:
            wrapped.append(1)
            yield item

    report = BatchReport()
    evaluations = list(batch.evaluate(path, today=TODAY, report=report, progress=progress))
    assert [e.line for e in evaluations] == [1, 2, 3]
    assert evaluations[1].where == f"{path}, line 2"
    assert len(wrapped) == 4
    assert [b.line for b in report.bad] == [4]


def test_a_collaboration_that_cannot_be_scored_is_a_bad_document(tmp_path: Path) -> None:
    example = frivillig.load_example()
    data = frivillig.to_dict(example)
    data["rounds"][1]["responses"][2]["instrument"] = "our-own-survey"
    # The loader accepts an instrument it does not know: one of your own may be given
    # when scoring.
    unknown = frivillig.loads(json.dumps(data))
    portfolio = frivillig.Portfolio(
        id="p",
        title="To samarbejder",
        collaborations=(frivillig.load_example("limits_broken"), unknown),
    )
    (tmp_path / "portfolio.json").write_text(frivillig.dumps(portfolio), encoding="utf-8")
    report = BatchReport()
    evaluations = list(batch.evaluate(tmp_path, today=TODAY, report=report))
    assert [e.collaboration.id for e in evaluations] == ["esbjerg-oest-lektier-og-weekendklub"]
    (bad,) = report.bad
    assert Path(bad.source).name == "portfolio.json"
    assert bad.problems[0].path == "$.collaborations[1].rounds[1].responses[2].instrument"
    assert bad.problems[0].code == "reference"
    assert (report.documents, report.collaborations) == (1, 1)
    # Without a report it is a warning, and the good one still comes.
    with pytest.warns(frivillig.FrivilligWarning, match="our-own-survey"):
        assert len(list(batch.evaluate(tmp_path, today=TODAY))) == 1
    # With the instrument given in the settings, it is scored.
    survey = renamed_barometer("our-own-survey")
    settings = frivillig.ScoreSettings(instruments={"our-own-survey": survey})
    scored = list(batch.evaluate(tmp_path, today=TODAY, score_settings=settings))
    assert len(scored) == 2


def renamed_barometer(new_id: str) -> frivillig.Instrument:
    import attrs

    return attrs.evolve(frivillig.get_instrument("barometer"), id=new_id)


@pytest.mark.parametrize(
    "arguments",
    [
        {"today": "2026-10-01"},
        {"today": dt.datetime(2026, 10, 1, tzinfo=dt.UTC)},
        {"today": TODAY, "rulebook": "strict"},
        {"today": TODAY, "check_settings": {}},
        {"today": TODAY, "score_settings": {}},
    ],
)
def test_evaluate_refuses_bad_arguments_at_once(tmp_path: Path, arguments: dict[str, Any]) -> None:
    with pytest.raises(frivillig.ArgumentTypeError):  # the caller's mistake, not bad data
        batch.evaluate(tmp_path, **arguments)
    with pytest.raises(frivillig.ValidationError):
        batch.evaluate(tmp_path / "missing", today=TODAY)


def test_evaluate_uses_the_rulebook_and_settings_given(tmp_path: Path) -> None:
    broken = frivillig.load_example("limits_broken")
    batch.write_folder([broken], tmp_path)
    book = frivillig.DEFAULT_RULEBOOK.only("FR101")
    (evaluation,) = batch.evaluate(tmp_path, today=TODAY, rulebook=book)
    assert {f.code for f in evaluation.report.findings} == {"FR101"}
    settings = frivillig.ScoreSettings(health_weights={"equality": 1.0})
    (evaluation,) = batch.evaluate(tmp_path, today=TODAY, score_settings=settings)
    scores = evaluation.scores
    assert scores["collaboration_health"].value == scores["equality"].value
