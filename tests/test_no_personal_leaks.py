"""No personal value appears in a repr, a str, a log record, a warning or an error.

A volunteer is built with values no other part of a collaboration holds (a
birth year of 1931, 13.75 hours a week, an authorisation named "Zebulon", ...);
every object, report, score, error and log record the library makes from it is
searched for them.
"""

import copy
import datetime as dt
import json
import logging
import warnings
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import frivillig
from frivillig import (
    Benefit,
    ChildCertificateCheck,
    Coercion,
    Engagement,
    PeriodWithChildren,
    Portfolio,
    Remuneration,
    ValidationError,
    Volunteer,
    VolunteerFunction,
    personal_fields,
)
from frivillig import strategies as fs

TODAY = dt.date(2026, 9, 1)
KEY = bytes(range(32))
PERSONAL = personal_fields(Volunteer)

# Values that appear nowhere else in the example collaboration, in every form a message
# could write them in.
MARKERS = (
    "1931",
    "13.75",
    "13,75",
    "Zebulon",
    "4321",
    "987",
    "2018-11-29",
    "29.11.2018",
    "29. november 2018",
    "2019-07-23",
    "23.07.2019",
    "23. juli 2019",
)

SECRET = Volunteer(
    id="v-secret",
    engagement=Engagement.MUNICIPALITY,
    birth_year=1931,
    motives={VolunteerFunction.VALUES: 7, VolunteerFunction.PROTECTIVE: 2},
    hours_offered_per_week=13.75,
    authorisations=("Zebulonsygeplejerske",),
    occasions_with_children=4321,
    longest_continuous_days=987,
    periods_with_children=(
        PeriodWithChildren(first_day=dt.date(2018, 11, 29), last_day=dt.date(2019, 7, 23)),
    ),
    child_certificate=ChildCertificateCheck(
        checked_on=dt.date(2018, 11, 29), checked_by="kommune", clear=False
    ),
    confidentiality_signed_on=dt.date(2019, 7, 23),
    remuneration=Remuneration.PAY,
    benefit=Benefit.EARLY_RETIREMENT,
    for_own_family=True,
    coercion=Coercion.SENTENCE,
    for_own_benefit=True,
    started_on=dt.date(2026, 4, 1),
)


def _with_secret() -> frivillig.Collaboration:
    example = frivillig.load_example()
    task = attrs.evolve(
        example.tasks[0],
        volunteers=(*example.tasks[0].volunteers, SECRET.id),
        children_contact=True,
        confidential_data=True,
    )
    return attrs.evolve(
        example, volunteers=(*example.volunteers, SECRET), tasks=(task, *example.tasks[1:])
    )


COLLABORATION = _with_secret()


def _assert_no_markers(text: str) -> None:
    for marker in MARKERS:
        assert marker not in text, marker


def _assert_no_personal_field(text: str) -> None:
    for name in PERSONAL:
        assert f"{name}=" not in text, name


def test_the_markers_are_distinctive() -> None:
    # Without the secret volunteer, the example's JSON form holds none of the markers, so
    # finding one later means it came from the volunteer.
    _assert_no_markers(frivillig.dumps(frivillig.load_example(), indent=2))
    with pytest.raises(AssertionError):
        _assert_no_markers(frivillig.dumps(COLLABORATION))


# -- repr and str -----------------------------------------------------------------------


def test_repr_and_str_of_the_model_show_no_personal_value() -> None:
    portfolio = Portfolio(id="p", title="P", collaborations=(COLLABORATION,))
    for obj in (SECRET, COLLABORATION, portfolio):
        for text in (repr(obj), str(obj)):
            _assert_no_markers(text)
            _assert_no_personal_field(text)
    assert "v-secret" in repr(SECRET)  # the pseudonymous id is what identifies it


@settings(max_examples=100)
@given(volunteer=fs.volunteers())
def test_no_volunteer_repr_names_a_personal_field(volunteer: Volunteer) -> None:
    _assert_no_personal_field(repr(volunteer))
    _assert_no_personal_field(str(volunteer))


def _outputs() -> list[str]:
    report = frivillig.check(COLLABORATION, today=TODAY)
    texts = [repr(report), str(report), report.to_text("en"), report.to_text("da")]
    texts += [report.summary("en"), report.summary("da")]
    for finding in report.findings:
        texts += [repr(finding), str(finding)]
    for score in frivillig.score_all(COLLABORATION, today=TODAY).values():
        texts += [repr(score), score.to_text("en"), score.to_text("da")]
    texts += [
        frivillig.render_scores(COLLABORATION, today=TODAY, lang=lang) for lang in ("en", "da")
    ]
    return texts


def test_reports_and_scores_show_no_personal_value() -> None:
    for text in _outputs():
        _assert_no_markers(text)
        _assert_no_personal_field(text)


# -- errors -------------------------------------------------------------------------

# Each case puts a bad value with a marker into one field of the secret volunteer.
BAD_VALUES: list[tuple[str, Any]] = [
    ("birth_year", 19310),
    ("birth_year", "1931"),
    ("age_band", "Zebulon 1931"),
    ("motives", {"Zebulon": 3}),
    ("motives", {"values": 1931}),
    ("hours_offered_per_week", 1931.75),
    ("hours_offered_per_week", "13.75"),
    ("authorisations", ["Zebulon", "Zebulon"]),
    ("authorisations", "Zebulon"),
    ("occasions_with_children", -4321),
    ("longest_continuous_days", 987_000_000),
    ("child_certificate", {"checked_on": "29.11.2018", "checked_by": "Zebulon 1931"}),
    ("child_certificate", {"checked_on": "2018-11-29", "checked_by": "x", "clear": "Zebulon"}),
    ("confidentiality_signed_on", "2019-07-32"),
    ("confidentiality_signed_on", "23.07.2019"),
    ("remuneration", "Zebulon"),
    ("benefit", "Zebulon"),
    ("for_own_family", 1931),
    ("coercion", "Zebulon 1931"),
    ("for_own_benefit", 1931),
    ("periods_with_children", [{"first_day": "2019-07-23", "last_day": "2018-11-29"}]),
    ("periods_with_children", [{"first_day": "23.07.2019", "last_day": None}]),
    ("periods_with_children", [{"first_day": "2019-07-23", "Zebulon": 1931}]),
    ("started_on", "Zebulon 1931"),
    ("engagement", "Zebulon"),
    ("attachment", "1931"),
    ("Zebulon Hansen", "born 1931"),
]


@pytest.mark.parametrize(("field", "value"), BAD_VALUES)
def test_loader_errors_never_repeat_a_value_from_a_volunteer(field: str, value: Any) -> None:
    document = frivillig.to_dict(COLLABORATION)
    document["volunteers"][-1][field] = value
    with pytest.raises(ValidationError) as caught:
        frivillig.loads(json.dumps(document))
    assert caught.value.problems
    for text in (str(caught.value), repr(caught.value), *map(repr, caught.value.problems)):
        _assert_no_markers(text)
    assert all(p.path.startswith("$.volunteers[5]") for p in caught.value.problems)


def test_the_loader_still_names_a_misspelt_field_in_a_volunteer() -> None:
    document = frivillig.to_dict(COLLABORATION)
    document["volunteers"][-1]["birthyear"] = 1931
    with pytest.raises(ValidationError) as caught:
        frivillig.from_dict(document)
    # the key itself is not shown (it could be personal text); the field it resembles is
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.volunteers[5][<key hidden>]", "unknown_field")
    ]
    assert "did you mean 'birth_year'?" in caught.value.problems[0].message


def test_outside_volunteers_the_loader_shows_what_it_got() -> None:
    document = frivillig.to_dict(COLLABORATION)
    document["status"] = "Zebulon"
    with pytest.raises(ValidationError, match="'Zebulon' is not one of"):
        frivillig.from_dict(document)


def test_the_loader_never_repeats_a_cpr_shaped_number() -> None:
    document = frivillig.to_dict(COLLABORATION)
    document["status"] = "211062-5629"
    document["211062-5629"] = 1
    with pytest.raises(ValidationError) as caught:
        frivillig.from_dict(document)
    assert len(caught.value.problems) == 2
    for text in (str(caught.value), *map(repr, caught.value.problems)):
        assert "5629" not in text
        assert "211062" not in text


@pytest.mark.parametrize(
    "make",
    [
        lambda: Volunteer(id="v1", birth_year=19310),
        lambda: Volunteer(id="v1", hours_offered_per_week=1931.75),
        lambda: Volunteer(id="v1", occasions_with_children=-4321),
        lambda: Volunteer(id="v1", longest_continuous_days=987_000_000),
        lambda: PeriodWithChildren(first_day=dt.date(2019, 7, 23), last_day=dt.date(2018, 11, 29)),
        lambda: Volunteer(id="v1", motives={VolunteerFunction.VALUES: 1931}),
        lambda: Volunteer(id="v1", authorisations=("Zebulon", "Zebulon")),
        lambda: attrs.evolve(SECRET, birth_year=19310),
    ],
)
def test_building_a_volunteer_with_a_bad_value_does_not_repeat_it(make: Callable[[], Any]) -> None:
    with pytest.raises(ValidationError) as caught:
        make()
    _assert_no_markers(str(caught.value))
    _assert_no_markers(repr(caught.value))


def test_pseudonymise_errors_do_not_show_the_key() -> None:
    with pytest.raises(frivillig.ArgumentValueError) as caught:  # a key too short: the caller's
        frivillig.pseudonymise(COLLABORATION, key=b"Zebulon-1931")
    _assert_no_markers(str(caught.value))


# -- logs and warnings -------------------------------------------------------------------


def test_no_log_record_or_warning_holds_a_personal_value(caplog: pytest.LogCaptureFixture) -> None:
    document = frivillig.to_dict(COLLABORATION)
    broken = copy.deepcopy(document)
    broken["volunteers"][-1]["age_band"] = "Zebulon 1931"
    with caplog.at_level(logging.DEBUG), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frivillig.loads(json.dumps(document))
        with pytest.raises(ValidationError):
            frivillig.loads(json.dumps(broken))
        _outputs()
        frivillig.pseudonymise(COLLABORATION, key=KEY)
        frivillig.redact(COLLABORATION)
        frivillig.cpr_problems(COLLABORATION)
    for record in caplog.records:
        _assert_no_markers(record.getMessage())
    for warning in caught:
        _assert_no_markers(str(warning.message))


# -- what leaves the municipality ------------------------------------------------------------


def test_an_analysis_export_holds_no_dropped_value() -> None:
    export = frivillig.dumps(frivillig.pseudonymise(COLLABORATION, key=KEY))
    for marker in ("1931", "Zebulon", "4321", "987", "2018-11-29", "2019-07-23", "v-secret"):
        assert marker not in export
    assert "13.75" not in export  # coarsened to 14.0


def test_a_redacted_collaboration_holds_nothing_of_the_volunteer() -> None:
    shared = frivillig.dumps(frivillig.redact(COLLABORATION))
    _assert_no_markers(shared)
    assert "v-secret" not in shared
    assert '"volunteers": []' in frivillig.dumps(frivillig.redact(COLLABORATION), indent=1)
