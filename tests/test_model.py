"""Single-field rules are checked when an object is made, with our own error."""

import datetime as dt
import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import frivillig
from frivillig import FormalisationLevel as F
from frivillig.errors import FrivilligError, ValidationError


def municipality() -> frivillig.Participant:
    return frivillig.Participant(
        id="kommune", actor=frivillig.Municipality(name="Aarhus Kommune", code=751)
    )


def test_frozen_and_hashable() -> None:
    collaboration = frivillig.load_example()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        collaboration.title = "x"  # type: ignore[misc]
    assert hash(collaboration) == hash(frivillig.load_example())
    assert {collaboration, frivillig.load_example()} == {collaboration}
    assert pickle.loads(pickle.dumps(collaboration)) == collaboration  # noqa: S301


def test_mappings_inside_objects_cannot_be_changed() -> None:
    volunteer = frivillig.load_example().volunteers[0]
    with pytest.raises(TypeError):
        volunteer.motives[frivillig.VolunteerFunction.CAREER] = 7  # type: ignore[index]


@pytest.mark.parametrize(
    ("make", "path", "code"),
    [
        (lambda: frivillig.Goal(id="g", text=""), "$.text", "empty"),
        (lambda: frivillig.Goal(id="g 1", text="x"), "$.id", "format"),
        (lambda: frivillig.Municipality(name="X", code=999), "$.code", "unknown"),
        (lambda: frivillig.VoluntaryOrganisation(name="X", cvr="12345678"), "$.cvr", "checksum"),
        (lambda: frivillig.Readiness(openness=0), "$.openness", "range"),
        (lambda: frivillig.Readiness(openness="high"), "$.openness", "type"),  # type: ignore[arg-type]
        (
            lambda: frivillig.Indicator(name="n", unit="u", baseline=3, target=3),
            "$.target",
            "conflict",
        ),
        (
            lambda: frivillig.DyadicRating(
                rater="a", ratee="a", level=frivillig.CollaborationLevel.NONE
            ),
            "$.ratee",
            "conflict",
        ),
        (
            lambda: frivillig.Task(id="t", title="T", hours_per_week=200),
            "$.hours_per_week",
            "range",
        ),
        (
            lambda: frivillig.Task(id="t", title="T", volunteers=("v1", "v1")),
            "$.volunteers[1]",
            "duplicate",
        ),
        (
            lambda: frivillig.Volunteer(
                id="v", engagement=frivillig.Engagement.MUNICIPALITY, association="a"
            ),
            "$.association",
            "conflict",
        ),
        (
            lambda: frivillig.Participant(
                id="k",
                actor=frivillig.Municipality(name="X", code=101),
                budget_share_from_municipality=0.5,
            ),
            "$.budget_share_from_municipality",
            "conflict",
        ),
        (
            lambda: frivillig.EvaluationPlan(
                rrule="FREQ=YEARLY;BYMONTH=13", first_date=dt.date(2026, 1, 1)
            ),
            "$.rrule",
            "format",
        ),
        (
            lambda: frivillig.EvaluationPlan(
                rrule="DTSTART:20260101\nRRULE:FREQ=YEARLY", first_date=dt.date(2026, 1, 1)
            ),
            "$.rrule",
            "format",
        ),
        (
            lambda: frivillig.Collaboration(
                id="c",
                title="T",
                municipality_code=751,
                participants=(municipality(), municipality()),
                start_on=dt.date(2026, 1, 1),
            ),
            "$.participants[1].id",
            "duplicate",
        ),
        (
            lambda: frivillig.Collaboration(
                id="c",
                title="T",
                municipality_code=751,
                participants=(municipality(),),
                start_on=dt.date(2026, 1, 1),
                end_on=dt.date(2025, 12, 31),
            ),
            "$.end_on",
            "order",
        ),
    ],
)
def test_construction_rejects_bad_fields(make: object, path: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make()  # type: ignore[operator]
    assert isinstance(caught.value, FrivilligError)
    assert [(p.path, p.code) for p in caught.value.problems] == [(path, code)]


@pytest.mark.parametrize(
    ("rrule", "accepted"),
    [
        ("FREQ=MONTHLY;INTERVAL=6", True),
        ("RRULE:FREQ=YEARLY;BYMONTH=3,9;BYDAY=-1FR", True),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", True),
        ("FREQ=YEARLY;COUNT=4", True),
        ("FREQ=HOURLY", False),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", False),
        ("FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=31;BYDAY=MO", False),
        ("INTERVAL=2", False),
        ("", False),
    ],
)
def test_evaluation_plan_rrules(rrule: str, accepted: bool) -> None:
    def make() -> frivillig.EvaluationPlan:
        return frivillig.EvaluationPlan(rrule=rrule, first_date=dt.date(2026, 1, 1))

    if accepted:
        assert make().rrule == rrule
    else:
        with pytest.raises(ValidationError) as caught:
            make()
        assert caught.value.problems[0].path == "$.rrule"


def test_evolve_re_checks_fields() -> None:
    goal = frivillig.Goal(id="g", text="x")
    with pytest.raises(ValidationError):
        attrs.evolve(goal, text=" ")


def test_personal_values_stay_out_of_repr_and_messages() -> None:
    volunteer = frivillig.Volunteer(id="v1", birth_year=1961, hours_offered_per_week=3.25)
    assert "1961" not in repr(volunteer)
    assert "3.25" not in repr(volunteer)
    with pytest.raises(ValidationError) as caught:
        frivillig.Volunteer(id="v1", birth_year=1861)
    assert "1861" not in str(caught.value)
    personal = {
        field.name for field in attrs.fields(frivillig.Volunteer) if frivillig.is_personal(field)
    }
    assert {"birth_year", "motives", "child_certificate", "benefit"} <= personal
    assert "id" not in personal


def test_formalisation_levels_are_ordered() -> None:
    assert F.SPONTANEOUS < F.AD_HOC_EVENT < F.VOLUNTEER_AGREEMENT < F.COLLABORATION_AGREEMENT
    assert F.PARTNERSHIP_AGREEMENT < F.PAID_CONTRACT
    assert sorted(F, reverse=True)[0] is F.PAID_CONTRACT
    assert not F.SPONTANEOUS.is_volunteering
    assert not F.PAID_CONTRACT.is_volunteering
    assert F.PARTNERSHIP_AGREEMENT.collaboration_level is frivillig.CollaborationLevel.COLLABORATION
    with pytest.raises(TypeError):
        _ = F.SPONTANEOUS < frivillig.CollaborationLevel.NONE  # type: ignore[operator]


def test_every_enum_has_danish_and_english_labels() -> None:
    enums = [
        obj
        for name in frivillig.__all__
        if isinstance(obj := getattr(frivillig, name), type)
        and issubclass(obj, frivillig.LabelledEnum)
    ]
    enums.remove(frivillig.LabelledEnum)
    enums.remove(frivillig.OrderedLabelledEnum)
    assert len(enums) >= 20
    for enum_class in enums:
        for member in enum_class:
            assert member.label("da").strip()
            assert member.label("en").strip()
            assert member.value == member.value.lower()
            assert str(member) == member.value


def test_actor_kinds_belong_to_sectors() -> None:
    assert frivillig.ActorKind.MUNICIPALITY.sector is frivillig.Sector.PUBLIC
    assert frivillig.ActorKind.VOLUNTEER_CENTRE.sector is frivillig.Sector.CIVIL
    assert frivillig.ActorKind.PRIVATE_COMPANY.sector is frivillig.Sector.PRIVATE
    assert frivillig.ActorKind.CITIZEN_GROUP.sector is frivillig.Sector.CITIZEN
    assert {kind.sector for kind in frivillig.ActorKind} == set(frivillig.Sector)


def test_validate_reports_dangling_ids_of_objects_built_in_python() -> None:
    example = frivillig.load_example()
    assert frivillig.validate(example) is example
    broken = attrs.evolve(example, responsibilities={frivillig.ManagementTask.SPARRING: "kl"})
    assert not frivillig.is_valid(broken)
    with pytest.raises(ValidationError) as caught:
        frivillig.validate(broken)
    assert caught.value.problems[0].path == "$.responsibilities.sparring"


def test_frozen_map_behaves_like_a_read_only_mapping() -> None:
    m = frivillig.FrozenMap({"a": 1, "b": 2})
    assert m == {"b": 2, "a": 1}
    assert hash(m) == hash(frivillig.FrozenMap([("b", 2), ("a", 1)]))
    assert list(m) == ["a", "b"]
    assert repr(m) == "FrozenMap({'a': 1, 'b': 2})"
    assert m != [("a", 1)]


@given(
    items=st.dictionaries(st.text(max_size=3), st.integers(), max_size=6),
    probe=st.text(max_size=3),
)
def test_frozen_map_lookups_and_views_are_the_dicts(items: dict[str, int], probe: str) -> None:
    m = frivillig.FrozenMap(items)
    assert (probe in m) == (probe in items)
    assert m.get(probe) == items.get(probe)
    assert m.get(probe, -1) == items.get(probe, -1)
    assert list(m.keys()) == list(items.keys())
    assert list(m.values()) == list(items.values())
    assert list(m.items()) == list(items.items())
    assert m.keys() == items.keys()
    assert m.items() == items.items()


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: frivillig.Volunteer(id="v", age_band="67_plus"), "$.age_band"),
        (lambda: frivillig.VoluntaryOrganisation(name="X", has_statutes=1), "$.has_statutes"),
        (lambda: frivillig.Agreement(party="p", agreed_on=dt.datetime(2026, 1, 1)), "$.agreed_on"),  # noqa: DTZ001
        (lambda: frivillig.Task(id="t", title="T", volunteers={"v1"}), "$.volunteers"),
        (lambda: frivillig.Task(id="t", title="T", volunteers=["v1", 2]), "$.volunteers[1]"),
        (lambda: frivillig.Participant(id="p", actor="Aarhus Kommune"), "$.actor"),
        (lambda: frivillig.Municipality(name="Aarhus Kommune", code=751.0), "$.code"),
        (lambda: frivillig.Readiness(openness=True), "$.openness"),
        (lambda: frivillig.Goal(id="g", text="x", status="agreed"), "$.status"),
    ],
)
def test_objects_made_in_python_have_the_types_the_json_form_needs(make: object, path: str) -> None:
    """What the loader would reject is rejected in Python too, so every object round-trips."""
    with pytest.raises(ValidationError) as caught:
        make()  # type: ignore[operator]
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == (path, "type")


def test_a_volunteer_id_shaped_like_a_cpr_number_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        frivillig.Volunteer(id="211062-5629")
    (problem,) = caught.value.problems
    assert problem.code == "personal_data"
    assert "211062" not in str(caught.value)
    with pytest.raises(ValidationError):
        frivillig.Volunteer(id="vol-2110625629")  # a CPR number inside an id is no pseudonym
    assert frivillig.Volunteer(id="vol-0042").id == "vol-0042"
    assert frivillig.Volunteer(id="v-3213991234").id  # ten digits, but no real birth date
