"""Personal data: marked fields, CPR-shaped numbers, pseudonymisation and redaction."""

import base64
import datetime as dt
import hashlib
import hmac
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import (
    CPR_MASK,
    PSEUDONYMISATION,
    REDACTION,
    AgeBand,
    Collaboration,
    FieldTreatment,
    Portfolio,
    ValidationError,
    Volunteer,
    VolunteerFunction,
    cpr_problems,
    find_cpr_like,
    mask_cpr_like,
    personal_fields,
    pseudonym,
    pseudonymise,
    redact,
)
from frivillig import strategies as fs

KEY = bytes(range(32))
OTHER_KEY = bytes(range(100, 132))
EXAMPLE = frivillig.load_example()
PERSONAL = personal_fields(Volunteer)


def _pseudonym_by_hand(volunteer_id: str, key: bytes) -> str:
    """The recipe pseudonym's docstring gives, followed step by step."""
    message = b"frivillig volunteer id" + b"\x00" + volunteer_id.encode("utf-8")
    digest = hmac.new(key, message, hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii").rstrip("=").lower()


def _clean(collaboration: Collaboration) -> bool:
    return not cpr_problems(collaboration)


# -- which fields are personal ----------------------------------------------------------


def test_personal_fields_are_the_fields_marked_personal() -> None:
    marked = tuple(f.name for f in attrs.fields(Volunteer) if f.metadata.get("personal"))
    assert marked == PERSONAL
    assert "birth_year" in PERSONAL
    assert "id" not in PERSONAL
    assert "skills" not in PERSONAL


def test_every_personal_field_has_a_documented_treatment() -> None:
    assert set(PSEUDONYMISATION) == {"id", *PERSONAL}


def test_only_volunteers_and_their_time_logs_hold_personal_fields() -> None:
    classes = [
        value
        for name in frivillig.__all__
        if isinstance(value := getattr(frivillig, name), type) and attrs.has(value)
    ]
    assert Volunteer in classes
    assert frivillig.TimeLog in classes
    assert len(classes) > 20
    for cls in classes:
        assert (personal_fields(cls) != ()) == (cls in (Volunteer, frivillig.TimeLog)), cls
    assert personal_fields(frivillig.TimeLog) == ("hours",)


@pytest.mark.parametrize("value", [int, "Volunteer", Volunteer(id="v1"), None])
def test_personal_fields_needs_a_model_class(value: Any) -> None:
    with pytest.raises(frivillig.ArgumentTypeError):  # the caller's mistake, not bad data
        personal_fields(value)


# -- CPR-shaped numbers ---------------------------------------------------------------
# The century rule (python-stdnum): 7th digit 5-8 with YY >= 58 -> 1800s; 0-3, or 4/9 with
# YY >= 37 -> 1900s; otherwise 2000s. Each case names the date it embeds.


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("2110620629", [(0, 10)]),  # 1962-10-21
        ("211062-5629", [(0, 11)]),  # 5, YY 62 >= 58: 1862-10-21
        ("290200-4000", [(0, 11)]),  # 4, YY 00 < 37: 2000-02-29, a leap day
        ("290200-0000", []),  # 0: 1900-02-29, which never was (1900 is no leap year)
        ("290256-5000", [(0, 11)]),  # 5, YY 56 < 58: 2056-02-29, a leap day
        ("290258-5000", []),  # 5, YY 58: 1858-02-29, which never was
        ("310462-1234", []),  # 31 April
        ("3213991234", []),  # month 13
        ("0000000000", []),  # day 0
        ("010130-4000", [(0, 11)]),  # 4, YY 30 < 37: 2030-01-01, in the future: still flagged
        ("2110625628", [(0, 10)]),  # fails the old modulus-11 check: still flagged
        ("211062 5629", [(0, 11)]),
        ("211062\u20135629", [(0, 11)]),  # en dash
        ("211062\u00a05629", [(0, 11)]),  # no-break space
        ("211062--5629", []),
        ("21106-25629", []),
        ("12110625629", []),  # eleven digits
        ("2110625629 7", [(0, 10)]),
        ("cpr:2110625629.", [(4, 14)]),
        ("v2110625629x", [(1, 11)]),
        ("Anna 211062-5629 og Bo 0101801234", [(5, 16), (23, 33)]),
        ("Sag 2026-0417, tlf. 33 66 33 66", []),
    ],
)
def test_find_cpr_like(text: str, spans: list[tuple[int, int]]) -> None:
    assert find_cpr_like(text) == spans


@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1999, 12, 31)),
    serial=st.integers(0, 3999),
    before=st.text(alphabet="abcæøå ,.:(", max_size=10),
    after=st.text(alphabet="abcæøå ,.:)", max_size=10),
    separator=st.sampled_from(["", "-", " "]),
)
def test_every_twentieth_century_cpr_is_found_and_masked(
    day: dt.date, serial: int, before: str, after: str, separator: str
) -> None:
    number = f"{day:%d%m%y}{separator}{serial:04d}"  # serial 0000-3999: 7th digit 0-3, 1900s
    text = before + number + after
    assert find_cpr_like(text) == [(len(before), len(before) + len(number))]
    assert mask_cpr_like(text) == before + CPR_MASK + after


@given(text=st.text(alphabet="0123456789- x\u2013", max_size=60) | st.text())
def test_masked_text_holds_no_cpr_and_is_never_longer(text: str) -> None:
    masked = mask_cpr_like(text)
    assert find_cpr_like(masked) == []
    assert len(masked) <= len(text)
    if not find_cpr_like(text):
        assert masked == text


@pytest.mark.parametrize("value", [None, 2110625629, b"2110625629"])
def test_cpr_functions_need_text(value: Any) -> None:
    with pytest.raises(frivillig.ArgumentTypeError):
        find_cpr_like(value)
    with pytest.raises(frivillig.ArgumentTypeError):
        mask_cpr_like(value)


def test_cpr_problems_name_the_place_and_never_the_number() -> None:
    round_ = EXAMPLE.rounds[0]
    response = attrs.evolve(
        round_.responses[0],
        comment="Borgerens cpr er 0101801234",
        answers={**round_.responses[0].answers, "2110625629": 3.0},
    )
    collaboration = attrs.evolve(
        EXAMPLE,
        description="Kontakt 211062-5629 eller 290200-4000",
        rounds=(attrs.evolve(round_, responses=(response, *round_.responses[1:])),),
    )
    problems = cpr_problems(collaboration)
    assert [(p.path, p.code) for p in problems] == [
        ("$.rounds[0].responses[0].answers", "cpr"),
        ("$.rounds[0].responses[0].comment", "cpr"),
        ("$.description", "cpr"),
    ]
    assert "2 numbers" in problems[2].message
    for problem in problems:
        for number in ("2110625629", "0101801234", "211062", "290200", "5629"):
            assert number not in problem.path + problem.message


def test_a_volunteer_cannot_even_be_made_with_a_cpr_number_as_id() -> None:
    with pytest.raises(ValidationError) as caught:
        Volunteer(id="0101801234")
    assert "0101801234" not in str(caught.value)


def test_the_example_holds_no_cpr_shaped_number() -> None:
    assert cpr_problems(EXAMPLE) == []
    assert cpr_problems("2110625629")[0].path == "$"


# -- pseudonyms -----------------------------------------------------------------------


def test_pseudonym_follows_the_documented_recipe() -> None:
    assert pseudonym("v01", key=KEY) == _pseudonym_by_hand("v01", KEY)
    assert len(pseudonym("v01", key=KEY)) == 52  # 256 bits in base32 without padding
    assert Volunteer(id=pseudonym("v01", key=KEY)).id == pseudonym("v01", key=KEY)  # a valid id


@given(volunteer_id=st.from_regex(r"[a-z0-9][a-z0-9_.:-]{0,20}", fullmatch=True))
def test_pseudonyms_are_keyed_and_do_not_show_the_id(volunteer_id: str) -> None:
    ours = pseudonym(volunteer_id, key=KEY)
    assert ours == pseudonym(volunteer_id, key=KEY)
    assert ours != pseudonym(volunteer_id, key=OTHER_KEY)
    assert volunteer_id not in ours or len(volunteer_id) < 4
    unkeyed = hashlib.sha256(volunteer_id.encode()).digest()
    assert ours != base64.b32encode(unkeyed).decode().rstrip("=").lower()
    assert ours != unkeyed.hex()
    assert find_cpr_like(ours) == []


def test_without_the_key_a_pseudonym_cannot_be_traced_back() -> None:
    # Someone who knows the id scheme (v00 ... v99) tries every id under a guessed key;
    # only the true key finds the volunteer.
    target = pseudonym("v42", key=KEY)
    candidates = [f"v{n:02d}" for n in range(100)]
    assert [c for c in candidates if pseudonym(c, key=OTHER_KEY) == target] == []
    assert [c for c in candidates if pseudonym(c, key=bytes(16)) == target] == []
    assert [c for c in candidates if pseudonym(c, key=KEY) == target] == ["v42"]


@pytest.mark.parametrize(
    ("volunteer_id", "key"),
    [
        ("v01", b"too short"),
        ("v01", "a text key, not bytes"),
        ("v01", None),
        ("not an id!", KEY),
        ("", KEY),
    ],
)
def test_pseudonym_refuses_bad_ids_and_keys(volunteer_id: Any, key: Any) -> None:
    with pytest.raises(frivillig.UsageError) as caught:
        pseudonym(volunteer_id, key=key)
    assert "too short" not in str(caught.value)
    assert "a text key" not in str(caught.value)


# -- pseudonymise -----------------------------------------------------------------------


def _without(document: dict[str, Any], personal: bool = True) -> dict[str, Any]:
    """The JSON form without what pseudonymisation may change: ids and personal fields."""
    del document["responsibility_holders"]  # people's ids, renamed like volunteers'
    for volunteer in document["volunteers"]:
        del volunteer["id"]
        if personal:
            for name in PERSONAL:
                del volunteer[name]
    for task in document["tasks"]:
        del task["volunteers"]
    for log in document["time_logs"]:
        del log["volunteer"]  # a volunteer's id, renamed like the volunteer's
    return document


def _pairs(original: Collaboration, export: Collaboration) -> list[tuple[Volunteer, Volunteer]]:
    return list(zip(original.volunteers, export.volunteers, strict=True))


@settings(max_examples=60, deadline=None)
@given(collaboration=fs.collaborations(max_volunteers=6), as_of=st.none() | st.dates())
def test_pseudonymise_keeps_every_column_that_is_not_personal(
    collaboration: Collaboration, as_of: dt.date | None
) -> None:
    assume(_clean(collaboration))
    export = pseudonymise(collaboration, key=KEY, as_of=as_of)
    assert _without(frivillig.to_dict(export)) == _without(frivillig.to_dict(collaboration))
    assert frivillig.is_valid(export)
    assert frivillig.loads(frivillig.dumps(export)) == export


@settings(max_examples=60, deadline=None)
@given(collaboration=fs.collaborations(max_volunteers=6), as_of=st.none() | st.dates())
def test_pseudonymise_treats_each_personal_field_as_documented(
    collaboration: Collaboration, as_of: dt.date | None
) -> None:
    assume(_clean(collaboration))
    export = pseudonymise(collaboration, key=KEY, as_of=as_of)
    for before, after in _pairs(collaboration, export):
        assert after.id == pseudonym(before.id, key=KEY)
        assert after.birth_year is None
        for name in PERSONAL:
            treatment = PSEUDONYMISATION[name]
            if treatment is FieldTreatment.KEPT and name != "age_band":
                assert getattr(after, name) == getattr(before, name), name
            elif treatment is FieldTreatment.DROPPED:
                field = attrs.fields_dict(Volunteer)[name]
                default = field.default
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    default = default.factory()
                assert getattr(after, name) == default, name
        if before.hours_offered_per_week is None:
            assert after.hours_offered_per_week is None
        else:
            assert abs(after.hours_offered_per_week - before.hours_offered_per_week) <= 0.5
            assert after.hours_offered_per_week == int(after.hours_offered_per_week)
        if before.age_band is not None or before.birth_year is None or as_of is None:
            assert after.age_band == before.age_band


@pytest.mark.parametrize(
    ("birth_year", "age_band"),
    [
        # ages reached in 2026, the year of as_of
        (1959, AgeBand.FROM_67),  # 67
        (1960, AgeBand.FROM_50_TO_66),  # 66
        (1976, AgeBand.FROM_50_TO_66),  # 50
        (1977, AgeBand.FROM_30_TO_49),  # 49
        (1996, AgeBand.FROM_30_TO_49),  # 30
        (1997, AgeBand.FROM_18_TO_29),  # 29
        (2008, AgeBand.FROM_18_TO_29),  # 18
        (2009, AgeBand.FROM_15_TO_17),  # 17
        (2011, AgeBand.FROM_15_TO_17),  # 15
        (2012, AgeBand.UNDER_15),  # 14
        (2026, AgeBand.UNDER_15),  # 0
        (2027, None),  # not yet born: no band
    ],
)
def test_a_birth_year_becomes_an_age_band(birth_year: int, age_band: AgeBand | None) -> None:
    collaboration = attrs.evolve(EXAMPLE, volunteers=(Volunteer(id="v1", birth_year=birth_year),))
    export = pseudonymise(collaboration, key=KEY, as_of=dt.date(2026, 6, 1))
    assert (export.volunteers[0].birth_year, export.volunteers[0].age_band) == (None, age_band)
    without_date = pseudonymise(collaboration, key=KEY)
    assert (without_date.volunteers[0].birth_year, without_date.volunteers[0].age_band) == (
        None,
        None,
    )


def test_a_recorded_age_band_wins_over_the_birth_year() -> None:
    volunteer = Volunteer(id="v1", birth_year=1950, age_band=AgeBand.FROM_30_TO_49)
    collaboration = attrs.evolve(EXAMPLE, volunteers=(volunteer,))
    export = pseudonymise(collaboration, key=KEY, as_of=dt.date(2026, 1, 1))
    assert export.volunteers[0].age_band is AgeBand.FROM_30_TO_49


@pytest.mark.parametrize(
    ("hours", "rounded"), [(0.4, 0.0), (0.5, 1.0), (1.5, 2.0), (2.49, 2.0), (3.0, 3.0), (168, 168)]
)
def test_hours_are_rounded_to_whole_hours(hours: float, rounded: float) -> None:
    collaboration = attrs.evolve(
        EXAMPLE, volunteers=(Volunteer(id="v1", hours_offered_per_week=hours),)
    )
    assert pseudonymise(collaboration, key=KEY).volunteers[0].hours_offered_per_week == rounded


def test_keep_leaves_the_named_personal_fields_as_they_are() -> None:
    export = pseudonymise(EXAMPLE, key=KEY, keep={"motives", "hours_offered_per_week"})
    for before, after in _pairs(EXAMPLE, export):
        assert after.motives == before.motives
        assert after.hours_offered_per_week == before.hours_offered_per_week
    assert all(v.motives == {} for v in pseudonymise(EXAMPLE, key=KEY).volunteers)


@pytest.mark.parametrize("keep", [{"id"}, {"skills"}, {"nonsense"}])
def test_keep_names_only_personal_fields(keep: set[str]) -> None:
    with pytest.raises(frivillig.ArgumentValueError) as caught:
        pseudonymise(EXAMPLE, key=KEY, keep=keep)
    assert "not personal fields" in str(caught.value)


def test_task_references_follow_their_volunteers() -> None:
    export = pseudonymise(EXAMPLE, key=KEY)
    assert EXAMPLE.tasks[1].volunteers == ("v02", "v05")
    assert export.tasks[1].volunteers == (
        pseudonym("v02", key=KEY),
        pseudonym("v05", key=KEY),
    )
    assert "v02" not in frivillig.dumps(export)


def test_pseudonyms_are_consistent_across_a_portfolio() -> None:
    # The same visiting friend, v02, takes part in two collaborations.
    second = attrs.evolve(EXAMPLE, id="kbh-valmuen-2027")
    portfolio = Portfolio(id="kbh", title="København", collaborations=(EXAMPLE, second))
    export = pseudonymise(portfolio, key=KEY)
    first_ids = [v.id for v in export.collaborations[0].volunteers]
    assert first_ids == [v.id for v in export.collaborations[1].volunteers]
    assert first_ids == [v.id for v in pseudonymise(EXAMPLE, key=KEY).volunteers]
    assert set(first_ids).isdisjoint(v.id for v in pseudonymise(EXAMPLE, key=OTHER_KEY).volunteers)


@settings(max_examples=25, deadline=None)
@given(portfolio=fs.portfolios(max_size=3))
def test_pseudonymise_maps_ids_one_to_one_across_a_portfolio(portfolio: Portfolio) -> None:
    assume(not cpr_problems(portfolio))
    export = pseudonymise(portfolio, key=KEY)
    mapping: dict[str, str] = {}
    for before, after in zip(portfolio.collaborations, export.collaborations, strict=True):
        for old, new in zip(before.volunteers, after.volunteers, strict=True):
            assert mapping.setdefault(old.id, new.id) == new.id
        for old_task, new_task in zip(before.tasks, after.tasks, strict=True):
            assert [mapping[v] for v in old_task.volunteers] == list(new_task.volunteers)
        for old_log, new_log in zip(before.time_logs, after.time_logs, strict=True):
            assert mapping[old_log.volunteer] == new_log.volunteer
    assert len(set(mapping.values())) == len(mapping)
    assert export == pseudonymise(portfolio, key=KEY)
    assert export.policy == portfolio.policy


def test_pseudonymise_masks_cpr_in_text_and_refuses_it_in_a_party_id() -> None:
    noted = attrs.evolve(EXAMPLE, description="Kontakt 211062-5629")
    assert pseudonymise(noted, key=KEY).description == f"Kontakt {CPR_MASK}"
    participant = attrs.evolve(EXAMPLE.participants[0], id="2110625629")
    with pytest.raises(ValidationError) as caught:
        pseudonymise(attrs.evolve(EXAMPLE, participants=(participant,)), key=KEY)
    assert [(p.path, p.code) for p in caught.value.problems] == [("$.participants[0].id", "cpr")]
    assert "2110625629" not in str(caught.value)


@pytest.mark.parametrize("obj", [EXAMPLE.volunteers[0], frivillig.to_dict(EXAMPLE), None])
def test_pseudonymise_and_redact_take_collaborations_and_portfolios(obj: Any) -> None:
    with pytest.raises(frivillig.ArgumentTypeError):
        pseudonymise(obj, key=KEY)
    with pytest.raises(frivillig.ArgumentTypeError):
        redact(obj)


# -- redact ---------------------------------------------------------------------------


def test_redaction_table_lists_what_redact_removes() -> None:
    shared = redact(EXAMPLE)
    document = frivillig.to_dict(shared)
    assert document["volunteers"] == []
    assert document["time_logs"] == []
    assert all(
        task["volunteers"] == [] and task["description"] is None for task in document["tasks"]
    )
    assert all(goal["note"] is None for goal in document["goals"])
    for round_ in document["rounds"]:
        assert round_["summary"] is None
        assert all(response["comment"] is None for response in round_["responses"])
    assert document["description"] is None
    assert document["agreement"]["reference"] is None
    assert document["responsibility_holders"] == {}
    dropped = [path for path, what in REDACTION.items() if what is FieldTreatment.DROPPED]
    assert len(dropped) == 10
    assert REDACTION["$.time_logs"] is FieldTreatment.DROPPED


def _without_redacted(document: dict[str, Any]) -> dict[str, Any]:
    document.pop("volunteers")
    document.pop("time_logs")
    document.pop("responsibility_holders")
    document.pop("description")
    for task in document["tasks"]:
        task.pop("volunteers")
        task.pop("description")
    for goal in document["goals"]:
        goal.pop("note")
    for round_ in document["rounds"]:
        round_.pop("summary")
        for response in round_["responses"]:
            response.pop("comment")
    if document["agreement"] is not None:
        document["agreement"].pop("reference")
    return document


@settings(max_examples=60, deadline=None)
@given(collaboration=fs.collaborations(max_volunteers=4))
def test_redact_keeps_everything_it_does_not_list(collaboration: Collaboration) -> None:
    assume(_clean(collaboration))
    shared = redact(collaboration)
    assert _without_redacted(frivillig.to_dict(shared)) == _without_redacted(
        frivillig.to_dict(collaboration)
    )
    assert frivillig.validate(shared) == shared
    assert shared.volunteers == ()
    assert shared.time_logs == ()
    assert cpr_problems(shared) == []


def test_redact_masks_cpr_in_the_text_it_keeps() -> None:
    goal = attrs.evolve(EXAMPLE.goals[0], text="Besøg hos 0101801234 hver uge")
    shared = redact(attrs.evolve(EXAMPLE, goals=(goal, *EXAMPLE.goals[1:])))
    assert shared.goals[0].text == f"Besøg hos {CPR_MASK} hver uge"
    assert cpr_problems(shared) == []


def test_redact_a_portfolio() -> None:
    policy = frivillig.VolunteerPolicy(
        municipality_code=101,
        title="Frivilligpolitik",
        adopted_on=dt.date(2020, 1, 1),
        process=frivillig.PolicyProcess.CO_DESIGNED,
    )
    portfolio = Portfolio(
        id="kbh", title="København", policy=policy, collaborations=(EXAMPLE,), description="x"
    )
    shared = redact(portfolio)
    assert shared.description is None
    assert shared.policy == policy
    assert shared.collaborations == (redact(EXAMPLE),)


def test_motives_are_enum_keyed_and_survive_masking() -> None:
    volunteer = Volunteer(id="v1", motives={VolunteerFunction.VALUES: 7})
    export = pseudonymise(attrs.evolve(EXAMPLE, volunteers=(volunteer,)), key=KEY, keep={"motives"})
    assert export.volunteers[0].motives == {VolunteerFunction.VALUES: 7}
