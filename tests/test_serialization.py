"""The JSON form: round trips, determinism, strictness, and the errors bad documents raise."""

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import frivillig
from frivillig import serialization
from frivillig._jsonform import documents
from frivillig.errors import FrivilligError, Problem, SchemaVersionError, ValidationError

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def example_doc() -> Doc:
    return frivillig.to_dict(frivillig.load_example())


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    """Set a value at a dotted path such as 'participants.1.actor.kind'."""

    def mutate(doc: Doc) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return mutate


def _delete(path: str) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        del target[last]

    return mutate


# Each case: a defect, the path the error must name, and the problem code.
MALFORMED: list[tuple[str, Callable[[Doc], None], str, str]] = [
    ("title of the wrong type", _set("title", 42), "$.title", "type"),
    ("empty title", _set("title", "   "), "$.title", "empty"),
    ("missing title", _delete("title"), "$.title", "missing"),
    ("missing participants", _delete("participants"), "$.participants", "missing"),
    ("participants not a list", _set("participants", {"a": 1}), "$.participants", "type"),
    ("unknown top-level field", _set("budget", 1000), "$.budget", "unknown_field"),
    ("unknown nested field", _set("goals.0.weight", 0.5), "$.goals[0].weight", "unknown_field"),
    (
        "bad actor kind",
        _set("participants.2.actor.kind", "kommune"),
        "$.participants[2].actor.kind",
        "choice",
    ),
    (
        "missing actor kind",
        _delete("participants.2.actor.kind"),
        "$.participants[2].actor.kind",
        "missing",
    ),
    ("bad enum value", _set("formalisation", "contract"), "$.formalisation", "choice"),
    ("enum of the wrong type", _set("status", 3), "$.status", "type"),
    ("bad date format", _set("start_on", "01-03-2026"), "$.start_on", "format"),
    ("impossible date", _set("start_on", "2026-02-30"), "$.start_on", "format"),
    ("date as a number", _set("start_on", 20260301), "$.start_on", "type"),
    ("end before start", _set("end_on", "2025-01-01"), "$.end_on", "order"),
    (
        "budget share above one",
        _set("participants.2.budget_share_from_municipality", 1.4),
        "$.participants[2].budget_share_from_municipality",
        "range",
    ),
    (
        "satisfaction out of range",
        _set("rounds.0.responses.0.satisfaction", 6),
        "$.rounds[0].responses[0].satisfaction",
        "range",
    ),
    (
        "float where an integer is due",
        _set("rounds.0.responses.0.satisfaction", 3.7),
        "$.rounds[0].responses[0].satisfaction",
        "type",
    ),
    (
        "boolean where an integer is due",
        _set("municipality_code", True),
        "$.municipality_code",
        "type",
    ),
    (
        "text where a boolean is due",
        _set("tasks.0.children_contact", "no"),
        "$.tasks[0].children_contact",
        "type",
    ),
    ("number as text", _set("tasks.0.hours_per_week", "2"), "$.tasks[0].hours_per_week", "type"),
    ("invalid municipality code", _set("municipality_code", 100), "$.municipality_code", "unknown"),
    (
        "Christiansø is no municipality",
        _set("participants.0.actor.code", 411),
        "$.participants[0].actor.code",
        "unknown",
    ),
    (
        "invalid CVR check digit",
        _set("participants.2.actor.cvr", "37124584"),
        "$.participants[2].actor.cvr",
        "checksum",
    ),
    (
        "CVR with 7 digits",
        _set("participants.2.actor.cvr", "3712458"),
        "$.participants[2].actor.cvr",
        "length",
    ),
    ("bad id", _set("goals.0.id", "ugentligt besøg!"), "$.goals[0].id", "format"),
    ("duplicate goal id", _set("goals.1.id", "ugentligt-besoeg"), "$.goals[1].id", "duplicate"),
    (
        "dangling agreement party",
        _set("goals.0.agreements.0.party", "borgerraadet"),
        "$.goals[0].agreements[0].party",
        "reference",
    ),
    ("dangling initiator", _set("initiator", "nobody"), "$.initiator", "reference"),
    (
        "dangling volunteer on a task",
        _set("tasks.0.volunteers.0", "v99"),
        "$.tasks[0].volunteers[0]",
        "reference",
    ),
    (
        "dangling responsibility holder",
        _set("responsibilities.sparring", "kl"),
        "$.responsibilities.sparring",
        "reference",
    ),
    (
        "bad responsibility key",
        _set("responsibilities.fundraising", "kommune"),
        "$.responsibilities.fundraising",
        "choice",
    ),
    (
        "bad VFI motive",
        _set("volunteers.0.motives.values", 8),
        "$.volunteers[0].motives.values",
        "range",
    ),
    (
        "bad RRULE",
        _set("evaluation_plan.rrule", "FREQ=SOMETIMES"),
        "$.evaluation_plan.rrule",
        "format",
    ),
    (
        "bad time zone",
        _set("evaluation_plan.timezone", "Europe/Esbjerg"),
        "$.evaluation_plan.timezone",
        "choice",
    ),
    (
        "self-rating",
        _set("rounds.0.ratings.0.ratee", "plejecenter"),
        "$.rounds[0].ratings[0].ratee",
        "conflict",
    ),
    ("missing schema_version", _delete("schema_version"), "$.schema_version", "schema_version"),
    ("schema_version as text", _set("schema_version", "1"), "$.schema_version", "schema_version"),
    (
        "schema_version from the future",
        _set("schema_version", 99),
        "$.schema_version",
        "schema_version",
    ),
    ("schema_version zero", _set("schema_version", 0), "$.schema_version", "schema_version"),
    ("unknown document type", _set("type", "samarbejde"), "$.type", "choice"),
]


@pytest.mark.parametrize(
    ("defect", "mutate", "path", "code"), MALFORMED, ids=[case[0] for case in MALFORMED]
)
def test_malformed_document_names_the_path(
    example_doc: Doc, defect: str, mutate: Callable[[Doc], None], path: str, code: str
) -> None:
    doc = copy.deepcopy(example_doc)
    mutate(doc)
    before = copy.deepcopy(doc)
    with pytest.raises(ValidationError) as caught:
        frivillig.from_dict(doc)
    assert (path, code) in [(p.path, p.code) for p in caught.value.problems], caught.value
    assert path in str(caught.value)
    assert doc == before, "the loader must not change what the caller passed"
    # the same defect read from text gives the same problems
    with pytest.raises(ValidationError) as from_text:
        frivillig.loads(json.dumps(doc))
    assert from_text.value.problems == caught.value.problems


def test_every_problem_is_reported_at_once(example_doc: Doc) -> None:
    doc = copy.deepcopy(example_doc)
    doc["title"] = ""
    doc["participants"][1]["actor"]["kind"] = "plejehjem"
    doc["goals"][0]["status"] = "done"
    doc["volunteers"][2]["started_on"] = "2026-04-31"
    doc["extra"] = True
    with pytest.raises(ValidationError) as caught:
        frivillig.from_dict(doc)
    paths = [problem.path for problem in caught.value.problems]
    assert paths == [
        "$.title",
        "$.participants[1].actor.kind",
        "$.goals[0].status",
        "$.volunteers[2].started_on",
        "$.extra",
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "json"),
        ("{", "json"),
        ("not json at all", "json"),
        ("[1, 2, 3]", "type"),
        ('"a string"', "type"),
        ("null", "type"),
        ('{"schema_version": 1, "type": "collaboration", "id": "a", "id": "b"}', "duplicate_key"),
        ('{"schema_version": NaN}', "json"),
        ('{"schema_version": 1, "type": "portfolio", "x": Infinity}', "json"),
        (b"\xff\xfe{}", "encoding"),
        ("\ufeff{}", "encoding"),
        ("[" * 100_000 + "]" * 100_000, "depth"),
    ],
)
def test_not_a_document(text: str | bytes, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        frivillig.loads(text)
    assert caught.value.problems[0].code == code
    assert caught.value.problems[0].path.startswith("$")


def test_errors_are_ours_and_value_errors() -> None:
    with pytest.raises(FrivilligError):
        frivillig.loads("{}")
    with pytest.raises(ValueError, match="schema_version"):
        frivillig.loads("{}")


def test_schema_version_errors_have_their_own_class() -> None:
    with pytest.raises(SchemaVersionError):
        frivillig.loads(
            f'{{"schema_version": {frivillig.SCHEMA_VERSION + 1}, "type": "collaboration"}}'
        )


def test_type_must_match_the_class_asked_for(example_doc: Doc) -> None:
    with pytest.raises(ValidationError) as caught:
        frivillig.from_dict(example_doc, frivillig.Portfolio)
    assert caught.value.problems[0].path == "$.type"


def test_type_may_be_left_out_when_the_class_is_given(example_doc: Doc) -> None:
    doc = {key: value for key, value in example_doc.items() if key != "type"}
    assert frivillig.from_dict(doc, frivillig.Collaboration) == frivillig.load_example()
    with pytest.raises(ValidationError) as caught:
        frivillig.from_dict(doc)
    assert caught.value.problems[0].path == "$.type"


def test_only_top_level_types_are_documents() -> None:
    goal = frivillig.Goal(id="g", text="A goal")
    with pytest.raises(frivillig.ArgumentTypeError):  # the caller's mistake, not bad data
        frivillig.to_dict(goal)  # type: ignore[arg-type]
    with pytest.raises(frivillig.ArgumentTypeError):
        frivillig.from_dict({"schema_version": 1}, frivillig.Goal)


def test_dump_is_deterministic_and_keeps_danish_letters() -> None:
    collaboration = frivillig.load_example()
    first = frivillig.dumps(collaboration)
    assert first == frivillig.dumps(frivillig.loads(first))
    assert "Besøgsvenner" in first
    assert json.loads(first)["schema_version"] == frivillig.SCHEMA_VERSION
    assert list(json.loads(first))[:2] == ["schema_version", "type"]


def test_dump_and_load_files(tmp_path: Path) -> None:
    collaboration = frivillig.load_example()
    target = tmp_path / "collaboration.json"
    frivillig.dump(collaboration, target)
    assert frivillig.load(target) == collaboration
    assert frivillig.load(target, frivillig.Collaboration) == collaboration


def test_every_top_level_type_round_trips() -> None:
    collaboration = frivillig.load_example()
    policy = frivillig.VolunteerPolicy(
        municipality_code=101,
        title="Frivilligpolitik",
        adopted_on=dt.date(2024, 5, 1),
        process=frivillig.PolicyProcess.CO_DESIGNED,
        commitments=("Vi inddrager foreningerne, før vi beslutter.",),
    )
    portfolio = frivillig.Portfolio(
        id="kbh-2026",
        title="Samarbejder 2026",
        municipality_code=101,
        policy=policy,
        collaborations=(collaboration,),
    )
    for obj in (collaboration, policy, portfolio):
        assert frivillig.loads(frivillig.dumps(obj)) == obj
        assert frivillig.from_dict(frivillig.to_dict(obj), type(obj)) == obj


def test_portfolio_reports_dangling_ids_inside_its_collaborations(example_doc: Doc) -> None:
    doc = copy.deepcopy(example_doc)
    doc["initiator"] = "ghost"
    body = {key: value for key, value in doc.items() if key not in ("schema_version", "type")}
    portfolio = {
        "schema_version": 1,
        "type": "portfolio",
        "id": "p",
        "title": "P",
        "collaborations": [body],
    }
    with pytest.raises(ValidationError) as caught:
        frivillig.from_dict(portfolio)
    assert caught.value.problems == (
        Problem(
            path="$.collaborations[0].initiator",
            message="initiator 'ghost' is not a participant of the collaboration",
            code="reference",
        ),
    )


def test_older_documents_are_migrated(monkeypatch: pytest.MonkeyPatch, example_doc: Doc) -> None:
    """A document one version behind runs through the migration registered for it."""
    calls: list[int] = []
    expected = frivillig.load_example()

    def rename_heading(doc: dict[str, Any]) -> dict[str, Any]:
        calls.append(doc["schema_version"])
        new = dict(doc)
        new["title"] = new.pop("heading")
        return new

    current = frivillig.SCHEMA_VERSION
    monkeypatch.setattr(documents, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(serialization.MIGRATIONS, current, rename_heading)
    old = {key: value for key, value in example_doc.items() if key != "title"}
    old["heading"] = example_doc["title"]
    old_copy = copy.deepcopy(old)
    loaded = frivillig.from_dict(old)
    assert loaded == expected
    assert calls == [current]
    assert old == old_copy, "a migration must not change the caller's document"
    assert frivillig.to_dict(loaded)["schema_version"] == current + 1


def test_a_version_1_document_reads_as_the_same_collaboration(example_doc: Doc) -> None:
    old = dict(copy.deepcopy(example_doc), schema_version=1)
    old_copy = copy.deepcopy(old)
    assert frivillig.from_dict(old) == frivillig.load_example()
    assert frivillig.loads(json.dumps(old)) == frivillig.load_example()
    assert old == old_copy
    upgraded = serialization.MIGRATIONS[1](old)
    assert upgraded["schema_version"] == 2
    assert old == old_copy


def test_a_version_without_its_migration_is_refused(
    monkeypatch: pytest.MonkeyPatch, example_doc: Doc
) -> None:
    current = frivillig.SCHEMA_VERSION
    monkeypatch.setattr(documents, "SCHEMA_VERSION", current + 2)
    monkeypatch.setitem(serialization.MIGRATIONS, current + 1, lambda doc: doc)
    with pytest.raises(SchemaVersionError, match="not a schema version"):
        frivillig.from_dict(example_doc)  # the current version lacks its step to the next


def test_validation_error_survives_pickling_and_copying() -> None:
    import pickle

    with pytest.raises(ValidationError) as caught:
        frivillig.loads("{}")
    copied = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own object
    assert copied.problems == caught.value.problems
    assert str(copied) == str(caught.value)
