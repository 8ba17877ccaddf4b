"""Caller mistakes are UsageErrors, bad data ValidationErrors: issue 15, items 3, 4 and 6.

- The privacy functions, the schedules, the record schemas, the rulebook's look-ups and
  the readers and writers of many documents refuse a wrong *argument* as an
  ``ArgumentTypeError`` or ``ArgumentValueError``, showing its type, never its value.
- A rule of a municipality's own that yields something other than a ``Hit`` is a
  ``RuleError``: a mistake in the rule's code, named by the rule's code.
- An instrument built in Python checks its fields' types (naming a wrong member by
  its path) and takes any sequence where a tuple is stored.
- ``batch.write_folder`` writes nothing when any collaboration of a collection would be
  refused, naming each by its place and id; from an iterator it says what it wrote.
"""

import collections
import copy
import datetime as dt
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import (
    DEFAULT_RULEBOOK,
    Evidence,
    Hit,
    Instrument,
    Rule,
    RuleContext,
    Severity,
    Source,
    SourceKind,
    batch,
    records,
    schedules,
)
from frivillig._scores.instruments import Band, Factor, Item, Note, Provenance, Scale, Verification
from frivillig.errors import (
    ArgumentTypeError,
    ArgumentValueError,
    FieldError,
    RuleError,
    UsageError,
    ValidationError,
)

TODAY = dt.date(2026, 10, 15)
KEY = bytes(range(32))
EXAMPLE = frivillig.load_example()
CPR = "2110625629"  # shaped like a CPR number: never shown in a message


def _usage(error: BaseException) -> None:
    """What every usage error here is: not a ValidationError, and no CPR-shaped text."""
    assert isinstance(error, UsageError)
    assert not isinstance(error, ValidationError)
    assert "211062" not in str(error)


# -- privacy -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [CPR, 5, None, int, frivillig.load_example])
def test_personal_fields_of_what_is_not_a_model_class_is_a_type_error(value: Any) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        frivillig.personal_fields(value)
    _usage(caught.value)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: frivillig.pseudonymise(frivillig.to_dict(EXAMPLE), key=KEY), ArgumentTypeError),  # type: ignore[type-var]
        (lambda: frivillig.redact(EXAMPLE.volunteers[0]), ArgumentTypeError),  # type: ignore[type-var]
        (lambda: frivillig.pseudonymise(EXAMPLE, key=CPR), ArgumentTypeError),  # type: ignore[arg-type]
        (lambda: frivillig.pseudonymise(EXAMPLE, key=b"short"), ArgumentValueError),
        (lambda: frivillig.pseudonymise(EXAMPLE, key=KEY, keep="motives"), ArgumentTypeError),
        (lambda: frivillig.pseudonymise(EXAMPLE, key=KEY, keep=[CPR]), ArgumentValueError),
        (lambda: frivillig.pseudonymise(EXAMPLE, key=KEY, keep=[5]), ArgumentTypeError),  # type: ignore[list-item]
        (
            lambda: frivillig.pseudonymise(EXAMPLE, key=KEY, as_of=dt.datetime(2026, 1, 1)),  # noqa: DTZ001
            ArgumentTypeError,
        ),
        (lambda: frivillig.pseudonym(5, key=KEY), ArgumentTypeError),  # type: ignore[arg-type]
        (lambda: frivillig.pseudonym(CPR + "!", key=KEY), ArgumentValueError),
        (lambda: frivillig.find_cpr_like(CPR.encode()), ArgumentTypeError),  # type: ignore[arg-type]
        (lambda: frivillig.mask_cpr_like(5), ArgumentTypeError),  # type: ignore[arg-type]
    ],
)
def test_privacy_functions_refuse_wrong_arguments_as_usage_errors(
    call: Any, error: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        call()
    _usage(caught.value)


def test_a_dict_for_a_collaboration_says_how_to_read_it() -> None:
    with pytest.raises(ArgumentTypeError, match="from_dict"):
        frivillig.redact(frivillig.to_dict(EXAMPLE))  # type: ignore[type-var]


def test_a_cpr_number_in_an_id_stays_a_problem_of_the_data() -> None:
    participant = attrs.evolve(EXAMPLE.participants[0], id=CPR)
    with pytest.raises(ValidationError) as caught:
        frivillig.redact(attrs.evolve(EXAMPLE, participants=(participant,)))
    assert not isinstance(caught.value, UsageError)
    assert [p.code for p in caught.value.problems] == ["cpr"]


# -- schedules -----------------------------------------------------------------------------

_PLAN = EXAMPLE.evaluation_plan
assert _PLAN is not None
PLAN = _PLAN


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"count": -1}, ArgumentValueError),
        ({"count": 10_001}, ArgumentValueError),
        ({"count": "3"}, ArgumentTypeError),
        ({"count": True}, ArgumentTypeError),
        ({"count": 2.0}, ArgumentTypeError),
    ],
)
def test_next_due_dates_refuses_a_count_as_a_usage_error(
    arguments: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        schedules.next_due_dates(PLAN, after=TODAY, **arguments)
    _usage(caught.value)
    assert "count" in str(caught.value)


def test_the_bounds_of_count_are_taken() -> None:
    assert PLAN is not None
    assert schedules.next_due_dates(PLAN, after=TODAY, count=0) == ()
    assert len(schedules.next_due_dates(PLAN, after=TODAY, count=10_000)) == 10_000


@pytest.mark.parametrize(
    "call",
    [
        lambda: schedules.due_dates(PLAN, until=TODAY, since=dt.datetime(2026, 1, 1)),  # noqa: DTZ001
        lambda: schedules.due_dates(PLAN, until=TODAY, since="2026-01-01"),  # type: ignore[arg-type]
        lambda: schedules.due_dates(frivillig.to_dict(EXAMPLE), until=TODAY),  # type: ignore[arg-type]
        lambda: schedules.next_due_dates(None, after=TODAY),  # type: ignore[arg-type]
        lambda: schedules.evaluation_status(PLAN, today=TODAY, tolerance=7),  # type: ignore[arg-type]
        lambda: schedules.evaluation_status(PLAN, ["r1"], today=TODAY),  # type: ignore[list-item]
        lambda: schedules.evaluation_status(PLAN, 5, today=TODAY),  # type: ignore[arg-type]
        lambda: schedules.is_overdue(PLAN, "rounds", today=TODAY),  # type: ignore[arg-type]
    ],
)
def test_schedules_refuse_other_arguments_as_type_errors(call: Any) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        call()
    _usage(caught.value)


def test_rounds_may_be_any_iterable_of_rounds() -> None:
    assert PLAN is not None
    rounds = EXAMPLE.rounds
    expected = schedules.evaluation_status(PLAN, rounds, today=TODAY)
    assert schedules.evaluation_status(PLAN, list(rounds), today=TODAY) == expected
    assert schedules.evaluation_status(PLAN, iter(rounds), today=TODAY) == expected


def test_a_tolerance_out_of_range_stays_a_field_error() -> None:
    with pytest.raises(FieldError):
        schedules.EvaluationTolerance(early_days=-1)


# -- a rule of one's own -------------------------------------------------------------------


def _rule(check: Any) -> Rule:
    return Rule(
        code="KK301",
        name="own-rule",
        severity=Severity.INFO,
        title_da="Egen regel",
        title_en="Own rule",
        rationale="A test rule.",
        sources=[Source(kind=SourceKind.PRACTICE, citation="Test", evidence=Evidence.SECONDARY)],
        check=check,
    )


def _yields(value: object) -> Any:
    def check(context: RuleContext) -> Iterator[object]:
        yield Hit(paths=[("tasks", 0)], message_da="a", message_en="a", reason="r")
        yield value

    return check


@pytest.mark.parametrize("value", [CPR, {"paths": []}, None, 5])
def test_a_rule_that_yields_no_hit_raises_a_rule_error_naming_the_rule(value: object) -> None:
    book = DEFAULT_RULEBOOK.only().add(_rule(_yields(value)))
    with pytest.raises(RuleError) as caught:
        frivillig.check(EXAMPLE, today=TODAY, rulebook=book)
    _usage(caught.value)
    assert isinstance(caught.value, TypeError)
    assert (caught.value.rule, caught.value.got) == ("KK301", type(value).__name__)
    assert str(caught.value) == f"rule KK301 gave a {type(value).__name__}, not a Hit"
    portfolio = frivillig.Portfolio(id="p", title="P", collaborations=(EXAMPLE,))
    with pytest.raises(RuleError):
        frivillig.check_portfolio(portfolio, today=TODAY, rulebook=book)


def test_a_rule_that_returns_no_iterable_raises_a_rule_error() -> None:
    book = DEFAULT_RULEBOOK.only().add(_rule(lambda context: None))
    with pytest.raises(RuleError) as caught:
        frivillig.check(EXAMPLE, today=TODAY, rulebook=book)
    assert str(caught.value) == "rule KK301 gave a NoneType, not an iterable of Hit"
    copied = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own bytes
    assert (copied.rule, copied.got, str(copied)) == (
        caught.value.rule,
        caught.value.got,
        str(caught.value),
    )


def test_an_error_a_rule_raises_itself_goes_through_unchanged() -> None:
    def check(context: RuleContext) -> Iterator[Hit]:
        message = "the rule's own bug"
        raise LookupError(message)

    book = DEFAULT_RULEBOOK.only().add(_rule(check))
    with pytest.raises(LookupError, match="own bug"):
        frivillig.check(EXAMPLE, today=TODAY, rulebook=book)


# -- rulebook look-ups ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: DEFAULT_RULEBOOK.rule(CPR), ArgumentValueError),
        (lambda: DEFAULT_RULEBOOK.rule(5), ArgumentTypeError),  # type: ignore[arg-type]
        (lambda: DEFAULT_RULEBOOK.regrade("FR101", 3), ArgumentTypeError),  # type: ignore[arg-type]
        (lambda: DEFAULT_RULEBOOK.configure(**{CPR: 1}), ArgumentValueError),
        (
            lambda: frivillig.check(EXAMPLE, today=TODAY).filter(min_severity="fatal"),
            ArgumentValueError,
        ),
        (lambda: frivillig.check(EXAMPLE, today=TODAY).filter(severity=2), ArgumentTypeError),  # type: ignore[arg-type]
    ],
)
def test_rulebook_look_ups_refuse_what_is_not_there_as_usage_errors(
    call: Any, error: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        call()
    _usage(caught.value)


# -- record schemas --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "error"),
    [("str", ArgumentTypeError), (None, ArgumentTypeError), (dt.datetime, ArgumentValueError)],
)
def test_a_column_of_a_type_the_tables_cannot_hold_is_a_usage_error(
    kind: Any, error: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        records.Column(name="x", type=kind, description="X.")
    _usage(caught.value)


def test_a_schema_refuses_a_name_twice_and_what_is_not_a_column() -> None:
    schema = records.GOAL_COLUMNS
    again = records.Column(name="goal_id", type=str, description="Again.")
    with pytest.raises(ArgumentValueError, match=r"columns\[\d+\]: column 'goal_id'") as caught:
        schema.extend(again)
    _usage(caught.value)
    new = records.Column(name="score", type=float, description="A score.", nullable=True)
    with pytest.raises(ArgumentValueError):
        schema.extend(new, new)
    with pytest.raises(ArgumentTypeError):
        schema.extend("score")  # type: ignore[arg-type]
    with pytest.raises(ArgumentValueError) as caught:
        records.Schema("x", (attrs.evolve(new, name=CPR), attrs.evolve(new, name=CPR)))
    _usage(caught.value)


def test_a_row_that_is_not_a_record_is_a_usage_error_and_a_bad_value_is_data() -> None:
    pytest.importorskip("pandas")
    rows = list(records.goal_records(EXAMPLE))
    with pytest.raises(ArgumentTypeError, match=r"records\[1\]") as caught:
        records.to_pandas([rows[0], ("not", "a", "row")], records.GOAL_COLUMNS)  # type: ignore[list-item]
    _usage(caught.value)
    with pytest.raises(ValidationError):
        records.to_pandas([{**rows[0], "text": 5}], records.GOAL_COLUMNS)


# -- reading many documents -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"cls": 5}, ArgumentTypeError),
        ({"cls": frivillig.Volunteer}, ArgumentValueError),
        ({"pattern": 5}, ArgumentTypeError),
        ({"progress": "tqdm"}, ArgumentTypeError),
        ({"limits": {"max_bytes": 10}}, ArgumentTypeError),
    ],
)
def test_reading_refuses_wrong_arguments_at_once(
    tmp_path: Path, arguments: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        batch.iter_documents(tmp_path, **arguments)
    _usage(caught.value)


def test_a_path_to_nothing_stays_a_validation_error(tmp_path: Path) -> None:
    # A path is not the calling code's mistake but the state of the disk; the CLI reports it.
    with pytest.raises(ValidationError) as caught:
        batch.iter_documents(tmp_path / "missing")
    assert caught.value.problems[0].code == "io"


# -- instruments -----------------------------------------------------------------------------


def _provenance() -> Provenance:
    v = Verification.CHOICE
    return Provenance(factors=v, items=v, scale=v, scoring=v, bands=v)


def _instrument(**changes: Any) -> Instrument:
    fields: dict[str, Any] = {
        "id": "mine",
        "name_da": "Mit",
        "name_en": "Mine",
        "citation": "Our own.",
        "licence": "Ours.",
        "scale": Scale(minimum=1, maximum=5),
        "factors": [
            Factor(
                id="f",
                label_da="F",
                label_en="F",
                items=[
                    Item(id="i1", text_da="a", text_en="a"),
                    Item(id="i2", text_da="b", text_en="b"),
                ],
            )
        ],
        "bands": [Band(key="low", lower=1, label_da="lav", label_en="low")],
        "provenance": _provenance(),
    }
    fields.update(changes)
    return Instrument(**fields)


def test_an_instrument_takes_lists_and_stores_tuples() -> None:
    instrument = _instrument(categories=collections.deque())
    assert type(instrument.factors) is tuple
    assert type(instrument.factors[0].items) is tuple
    assert type(instrument.bands) is tuple
    assert type(instrument.categories) is tuple
    notes = Provenance(
        **{**attrs.asdict(_provenance(), recurse=False), "notes": [Note(da="a", en="a")]}
    )
    assert type(notes.notes) is tuple
    scale = Scale(
        minimum=1, maximum=5, anchors=[frivillig.Anchor(value=1, label_da="a", label_en="a")]
    )
    assert type(scale.anchors) is tuple
    assert frivillig.loads(frivillig.dumps(instrument)) == instrument


@pytest.mark.parametrize(
    ("make", "path", "message"),
    [
        (lambda: _instrument(factors=["f"]), "$.factors[0]", "expected Factor, got str"),
        (
            lambda: Factor(
                id="f",
                label_da="F",
                label_en="F",
                items=[Item(id="i", text_da="a", text_en="a"), 3],  # type: ignore[list-item]
            ),
            "$.items[1]",
            "expected Item, got int",
        ),
        (lambda: _instrument(bands=[None]), "$.bands[0]", "expected Band, got NoneType"),
        (
            lambda: _instrument(measures="collaboration"),
            "$.measures",
            "expected InstrumentMeasure, got str 'collaboration'",
        ),
        (lambda: Scale(minimum=True, maximum=5), "$.minimum", "expected a whole number, got bool"),
        (
            lambda: frivillig.Anchor(value="1", label_da="a", label_en="a"),  # type: ignore[arg-type]
            "$.value",
            "expected a whole number, got str",
        ),
        (
            lambda: Item(id="i", text_da="a", text_en="a", reverse="yes"),  # type: ignore[arg-type]
            "$.reverse",
            "expected True or False, got str",
        ),
        (
            lambda: _instrument(factors={"f": 1}),
            "$.factors",
            "expected a tuple of Factor, got dict",
        ),
        (lambda: _instrument(scale=None), "$.scale", "expected Scale, got NoneType"),
    ],
)
def test_a_wrong_member_of_an_instrument_is_named_by_its_path(
    make: Any, path: str, message: str
) -> None:
    with pytest.raises(FieldError) as caught:
        make()
    (problem,) = caught.value.problems
    assert (problem.path, problem.message, problem.code) == (path, message, "type")


def test_the_built_in_instruments_still_load_and_score() -> None:
    for instrument_id in frivillig.instrument_ids():
        instrument = frivillig.get_instrument(instrument_id)
        assert frivillig.loads(frivillig.dumps(instrument), Instrument) == instrument
    result = frivillig.score_instrument(frivillig.get_instrument("barometer"), {"b01": 5})
    assert result.instrument == "barometer"


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: frivillig.score_instrument({"id": "barometer"}, {}), ArgumentTypeError),  # type: ignore[arg-type]
        (lambda: frivillig.get_instrument("barometer").factor(CPR), ArgumentValueError),
        (lambda: frivillig.get_instrument("barometer").factor(5), ArgumentTypeError),  # type: ignore[arg-type]
        (
            lambda: frivillig.score_instrument(frivillig.get_instrument("barometer"), {}).factor(
                "x"
            ),
            ArgumentValueError,
        ),
        (lambda: frivillig.get_instrument(5), ArgumentTypeError),  # type: ignore[arg-type]
    ],
)
def test_instrument_functions_refuse_wrong_arguments_as_usage_errors(
    call: Any, error: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        call()
    _usage(caught.value)


def test_answers_and_unknown_instrument_ids_stay_problems_of_the_data() -> None:
    barometer = frivillig.get_instrument("barometer")
    with pytest.raises(ValidationError):
        frivillig.score_instrument(barometer, {"b01": 9})
    with pytest.raises(ValidationError):
        frivillig.get_instrument("no-such-instrument")


# -- writing many documents -------------------------------------------------------------------


def _good(count: int) -> list[frivillig.Collaboration]:
    return [attrs.evolve(EXAMPLE, id=f"c{index}") for index in range(count)]


def _refused(collaboration: frivillig.Collaboration) -> frivillig.Collaboration:
    """A collaboration the loader refuses: its initiator is not a party."""
    return attrs.evolve(collaboration, initiator="ghost")


def test_write_folder_writes_nothing_when_one_of_a_list_would_be_refused(tmp_path: Path) -> None:
    items = _good(5)
    items[3] = _refused(items[3])
    target = tmp_path / "out"
    with pytest.raises(ValidationError) as caught:
        batch.write_folder(items, target)
    assert not isinstance(caught.value, UsageError)
    assert not target.exists()  # not even the folder
    with pytest.raises(ValidationError) as alone:
        frivillig.dumps(items[3])
    assert [(p.path, p.message, p.code) for p in caught.value.problems] == [
        ("$[3]" + p.path[1:], p.message, p.code) for p in alone.value.problems
    ]
    assert caught.value.problems[0].path == "$[3].initiator"
    assert "$[3] 'c3'" in str(caught.value)
    assert "nothing was written" in str(caught.value)


def test_write_folder_names_every_refused_collaboration_and_every_clash(tmp_path: Path) -> None:
    items = _good(6)
    items[1] = _refused(items[1])
    items[4] = _refused(items[4])
    items[5] = attrs.evolve(items[5], id="c0")
    (tmp_path / "c0.json").write_text("old", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        batch.write_folder(items, tmp_path)
    paths = [p.path for p in caught.value.problems]
    assert paths == ["$[1].initiator", "$[4].initiator", "$[5].id"]
    assert caught.value.problems[-1].code == "duplicate"
    assert str(caught.value).startswith("3 collaborations would be refused")
    assert [path.name for path in tmp_path.iterdir()] == ["c0.json"]
    assert (tmp_path / "c0.json").read_text(encoding="utf-8") == "old"  # left as it was


def test_write_folder_from_an_iterator_writes_those_before_the_first_refused(
    tmp_path: Path,
) -> None:
    items = _good(5)
    items[2] = _refused(items[2])
    items[4] = _refused(items[4])
    with pytest.raises(ValidationError) as caught:
        batch.write_folder(iter(items), tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["c0.json", "c1.json"]
    assert [p.path for p in caught.value.problems] == ["$[2].initiator", "$[4].initiator"]
    assert "the 2 before the first were written, nothing from it on" in str(caught.value)
    assert frivillig.load(tmp_path / "c1.json") == items[1]


def test_write_folder_refuses_a_wrong_item_before_writing_from_a_list(tmp_path: Path) -> None:
    with pytest.raises(ArgumentTypeError, match=r"collaborations\[1\]") as caught:
        batch.write_folder([EXAMPLE, frivillig.to_dict(EXAMPLE)], tmp_path / "out")  # type: ignore[list-item]
    _usage(caught.value)
    assert not (tmp_path / "out").exists()
    with pytest.raises(ArgumentTypeError):
        batch.write_folder(5, tmp_path)  # type: ignore[arg-type]


def test_write_jsonl_writes_nothing_and_names_every_refused_collaboration(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    batch.write_jsonl(_good(2), path)
    before = path.read_bytes()
    items = _good(4)
    items[0] = _refused(items[0])
    items[3] = _refused(items[3])
    for source in (items, iter(items)):
        with pytest.raises(ValidationError) as caught:
            batch.write_jsonl(source, path)
        assert [p.path for p in caught.value.problems] == ["$[0].initiator", "$[3].initiator"]
        assert "nothing was written" in str(caught.value)
        assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.jsonl"]


@settings(max_examples=20, deadline=None)
@given(
    count=st.integers(1, 6),
    refused=st.sets(st.integers(0, 5), max_size=3),
    kind=st.sampled_from([list, tuple, "portfolio"]),
)
def test_a_collection_is_written_whole_or_not_at_all(
    count: int, refused: set[int], kind: Any
) -> None:
    items = _good(count)
    bad = sorted(index for index in refused if index < count)
    for index in bad:
        items[index] = _refused(items[index])
    given: Any = (
        frivillig.Portfolio(id="p", title="P", collaborations=items)
        if kind == "portfolio"
        else kind(items)
    )
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out"
        if bad:
            with pytest.raises(ValidationError) as caught:
                batch.write_folder(given, target)
            assert not target.exists()
            assert [p.path for p in caught.value.problems] == [f"$[{i}].initiator" for i in bad]
        else:
            written = batch.write_folder(given, target)
            assert [path.name for path in written] == [f"c{i}.json" for i in range(count)]
            assert [frivillig.load(path) for path in written] == items


def test_the_written_documents_are_not_changed_by_the_check() -> None:
    # The check before writing must not touch what it checks.
    items = _good(3)
    kept = copy.deepcopy(items)
    with tempfile.TemporaryDirectory() as folder:
        batch.write_folder(items, folder)
    assert items == kept
