"""Associations, money and formalisation: answers a coordinator can act on (issue 14).

Each test starts from the embedded example (a care home, a visiting-friends
association supported under Serviceloven § 18, and a volunteer centre, which breaks no
rule on ``TODAY``) and changes the facts that show one item:

- item 2: FR115 applies each support scheme's own conditions (folkeoplysningsloven,
  Serviceloven § 18, other) and reports unknown facts as unknown;
- item 4: FR110 weighs the money by its amount, grades its severity by how far and how
  risky the misfit is, and finds a written level without an agreement document;
- item 10: equality, like FR111, leaves out the public sector's dependence on its own
  municipality;
- item 12: a paid contract is not volunteering, so no volunteering form fits it.
"""

import copy
import datetime as dt
import json
from typing import Any

import attrs
import jsonschema
import pytest

import frivillig
from frivillig import (
    DEFAULT_RULEBOOK,
    Collaboration,
    FormalisationLevel,
    FormalisationSettings,
    Resource,
    Severity,
    check,
    records,
    serialization,
)
from frivillig._reference.municipalities import get_municipality
from frivillig.errors import ValidationError
from frivillig.schema import json_schema

TODAY = dt.date(2026, 10, 15)
ASSOCIATION = 2  # the visiting-friends association's place among the participants
ACTOR = f"$.participants[{ASSOCIATION}].actor"


# -- helpers -----------------------------------------------------------------------


def base() -> Collaboration:
    return frivillig.load_example()


def run(collaboration: Collaboration, code: str, **settings: Any) -> list[frivillig.Finding]:
    book = DEFAULT_RULEBOOK.only(code)
    if settings:
        book = book.configure(**settings)
    return list(check(collaboration, today=TODAY, rulebook=book))


def found(findings: list[frivillig.Finding]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.reason, f.severity.value, f.paths) for f in findings]


def participant(c: Collaboration, index: int, **changes: Any) -> Collaboration:
    participants = list(c.participants)
    participants[index] = attrs.evolve(participants[index], **changes)
    return attrs.evolve(c, participants=tuple(participants))


def actor(c: Collaboration, index: int, **changes: Any) -> Collaboration:
    return participant(c, index, actor=attrs.evolve(c.participants[index].actor, **changes))


def supported(*schemes: "frivillig.SupportScheme", **facts: Any) -> Collaboration:
    """The example, its association supported under these schemes, with these facts."""
    c = participant(base(), ASSOCIATION, support_schemes=schemes)
    return actor(c, ASSOCIATION, **facts) if facts else c


def task(c: Collaboration, index: int, **changes: Any) -> Collaboration:
    tasks = list(c.tasks)
    tasks[index] = attrs.evolve(tasks[index], **changes)
    return attrs.evolve(c, tasks=tuple(tasks))


def funded(c: Collaboration, dkk: int | None) -> Collaboration:
    """The municipality (party 0) puts ``dkk`` a year into the collaboration."""
    return participant(c, 0, funding_dkk_per_year=dkk)


# -- the model: new facts, in both readers and in the schema --------------------------


def test_the_example_states_its_support_scheme_and_money() -> None:
    c = base()
    association = c.participants[ASSOCIATION]
    assert association.support_schemes == (frivillig.SupportScheme.SERVICELOVEN_18,)
    assert association.actor.voluntary_effort_is_core is True
    assert c.participants[0].funding_dkk_per_year == 70_000
    report = check(c, today=TODAY)
    assert report.passes
    assert report.findings == ()


def test_new_facts_are_unknown_by_default() -> None:
    party = frivillig.Participant(
        id="forening", actor=frivillig.VoluntaryOrganisation(name="Foreningen")
    )
    assert party.support_schemes is None
    assert party.funding_dkk_per_year is None
    assert party.actor.voluntary_effort_is_core is None


def test_new_facts_load_through_the_fast_and_the_detailed_reader() -> None:
    c = participant(
        supported(
            frivillig.SupportScheme.FOLKEOPLYSNING,
            frivillig.SupportScheme.OTHER,
            voluntary_effort_is_core=False,
        ),
        0,
        funding_dkk_per_year=2_000_000,
    )
    text = frivillig.dumps(c)
    data = json.loads(text)
    assert data["participants"][ASSOCIATION]["support_schemes"] == ["folkeoplysning", "other"]
    assert data["participants"][0]["funding_dkk_per_year"] == 2_000_000
    assert data["participants"][ASSOCIATION]["actor"]["voluntary_effort_is_core"] is False
    fast = serialization._fast_loads(text, None, frivillig.LoadLimits())
    assert fast is not serialization._FALLBACK
    detailed = serialization.from_dict(json.loads(text))
    assert fast == detailed == c
    # an empty tuple (no municipal support scheme) is kept apart from unknown (null)
    none = supported()
    assert frivillig.loads(frivillig.dumps(none)) == none
    assert none.participants[ASSOCIATION].support_schemes == ()


def test_new_facts_are_in_the_json_schema() -> None:
    schema = json.dumps(json_schema())
    for name in ("support_schemes", "funding_dkk_per_year", "voluntary_effort_is_core"):
        assert f'"{name}"' in schema
    document = frivillig.to_dict(
        participant(supported(frivillig.SupportScheme.FOLKEOPLYSNING), 0, funding_dkk_per_year=5)
    )
    jsonschema.validate(document, json_schema(), format_checker=jsonschema.FormatChecker())
    bad = copy.deepcopy(document)
    bad["participants"][ASSOCIATION]["support_schemes"] = ["paragraf_18"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, json_schema())
    with pytest.raises(ValidationError) as info:
        frivillig.from_dict(bad)
    assert info.value.problems[0].path == "$.participants[2].support_schemes[0]"


def test_a_version_1_document_reads_with_the_new_facts_unknown() -> None:
    document = frivillig.to_dict(base())
    document["schema_version"] = 1
    for party in document["participants"]:
        del party["support_schemes"], party["funding_dkk_per_year"]
        party["actor"].pop("voluntary_effort_is_core", None)
    old = frivillig.from_dict(document)
    association = old.participants[ASSOCIATION]
    assert association.support_schemes is None
    assert association.actor.voluntary_effort_is_core is None
    assert old.participants[0].funding_dkk_per_year is None


def test_a_version_1_document_without_a_declaration_is_not_refused_grants() -> None:
    # Version 1 read a missing declaration as "never declared" and FR115 said the
    # municipality "may not give grants"; version 2 knows no scheme for it, so it says so.
    document = frivillig.to_dict(
        actor(base(), ASSOCIATION, child_certificate_declaration_year=None)
    )
    document["schema_version"] = 1
    for party in document["participants"]:
        del party["support_schemes"], party["funding_dkk_per_year"]
        party["actor"].pop("voluntary_effort_is_core", None)
    old = frivillig.from_dict(document)
    assert [f.reason for f in run(old, "FR115")] == ["scheme_unknown"]


def test_the_new_facts_are_in_the_participant_records() -> None:
    rows = {row["party_id"]: row for row in records.participant_records(base())}
    assert rows["besoegsvenner"]["support_schemes"] == "serviceloven_18"
    assert rows["kommune"]["support_schemes"] is None
    assert rows["kommune"]["funding_dkk_per_year"] == 70_000
    assert rows["plejecenter"]["funding_dkk_per_year"] is None
    none = participant(base(), ASSOCIATION, support_schemes=())
    rows = {row["party_id"]: row for row in records.participant_records(none)}
    assert rows["besoegsvenner"]["support_schemes"] == ""


def test_funding_is_money_the_party_brings() -> None:
    with pytest.raises(ValidationError) as info:
        participant(base(), 1, funding_dkk_per_year=10_000)  # the care home brings no money
    assert info.value.problems[0].code == "conflict"
    assert info.value.problems[0].path == "$.funding_dkk_per_year"
    with pytest.raises(ValidationError):
        funded(base(), -1)
    document = frivillig.to_dict(base())
    document["participants"][1]["funding_dkk_per_year"] = 10_000
    with pytest.raises(ValidationError) as loaded:
        frivillig.from_dict(document)
    assert loaded.value.problems[0].path == "$.participants[1].funding_dkk_per_year"


def test_support_is_not_given_by_the_municipality_to_itself() -> None:
    with pytest.raises(ValidationError) as info:
        participant(base(), 0, support_schemes=(frivillig.SupportScheme.OTHER,))
    assert info.value.problems[0].code == "conflict"


# -- municipality names --------------------------------------------------------------


def test_official_names_come_from_the_data() -> None:
    assert get_municipality(101).official_name == "Københavns Kommune"
    assert get_municipality(400).official_name == "Bornholms Regionskommune"
    assert get_municipality(480).official_name == "Nordfyns Kommune"
    assert get_municipality(147).official_name == "Frederiksberg Kommune"
    assert all(
        m.official_name.startswith(m.name)
        for m in frivillig._reference.municipalities.municipalities()
    )


# -- item 2: FR115 by support scheme ---------------------------------------------------


def test_fr115_section_18_support_is_not_judged_by_folkeoplysningsloven() -> None:
    # The example's association is supported under § 18. Few paying members, no board and
    # no declaration on file are no conditions of § 18 support; before, FR115 reported
    # each as an error with "Uden den må kommunen ikke give tilskud".
    c = supported(
        frivillig.SupportScheme.SERVICELOVEN_18,
        paying_members=3,
        has_board=False,
        child_certificate_declaration_year=None,
    )
    assert run(c, "FR115") == []


def test_fr115_section_18_asks_that_voluntary_effort_is_the_core() -> None:
    (finding,) = run(
        supported(frivillig.SupportScheme.SERVICELOVEN_18, voluntary_effort_is_core=False), "FR115"
    )
    assert found([finding]) == [
        ("section_18_not_core", "error", (f"{ACTOR}.voluntary_effort_is_core",))
    ]
    assert finding.message_da.startswith(
        "'Besøgsvennerne i Valby' får § 18-støtte efter serviceloven, men den frivillige "
        "indsats er ikke kernen i foreningens aktivitet."
    )
    assert finding.message_en.startswith(
        "'Besøgsvennerne i Valby' receives support under Serviceloven § 18, but voluntary "
        "effort is not the core of its activity."
    )


def test_fr115_section_18_support_should_be_local() -> None:
    (finding,) = run(
        supported(frivillig.SupportScheme.SERVICELOVEN_18, municipality_code=147), "FR115"
    )
    assert found([finding]) == [
        ("section_18_not_local", "warning", (f"{ACTOR}.municipality_code",))
    ]
    assert (
        "får § 18-støtte fra Københavns Kommune, men er hjemmehørende i Frederiksberg Kommune."
        in finding.message_da
    )
    assert (
        "receives § 18 support from Københavns Kommune but is based in Frederiksberg Kommune."
        in finding.message_en
    )


@pytest.mark.parametrize(
    ("facts", "reason", "field", "da", "en"),
    [
        (
            {"paying_members": 4},
            "too_few_members",
            "paying_members",
            "har færre end 5 betalende medlemmer",
            "has fewer than 5 paying members",
        ),
        (
            {"has_board": False},
            "no_board",
            "has_board",
            "har ingen bestyrelse",
            "has no board",
        ),
        (
            {"has_statutes": False},
            "no_statutes",
            "has_statutes",
            "har ingen vedtægter med et formål",
            "has no statutes stating a purpose",
        ),
        (
            {"democratic": False},
            "not_democratic",
            "democratic",
            "er ikke demokratisk opbygget",
            "is not democratically structured",
        ),
    ],
)
def test_fr115_folkeoplysning_conditions(
    facts: dict[str, Any], reason: str, field: str, da: str, en: str
) -> None:
    (finding,) = run(supported(frivillig.SupportScheme.FOLKEOPLYSNING, **facts), "FR115")
    assert found([finding]) == [(reason, "error", (f"{ACTOR}.{field}",))]
    assert finding.message_da.startswith(
        f"'Besøgsvennerne i Valby' får tilskud efter folkeoplysningsloven, men {da}."
    )
    assert finding.message_en.startswith(
        f"'Besøgsvennerne i Valby' receives support under the Folkeoplysning Act but {en}."
    )
    assert "mangler mindst" not in finding.message_da


@pytest.mark.parametrize(
    ("code", "official"),
    [(147, "Frederiksberg Kommune"), (400, "Bornholms Regionskommune")],
)
def test_fr115_folkeoplysning_not_local_names_municipalities_by_their_official_names(
    code: int, official: str
) -> None:
    (finding,) = run(
        supported(frivillig.SupportScheme.FOLKEOPLYSNING, municipality_code=code), "FR115"
    )
    assert found([finding]) == [("not_local", "error", (f"{ACTOR}.municipality_code",))]
    assert (
        f"får tilskud efter folkeoplysningsloven fra Københavns Kommune, men er hjemmehørende "
        f"i {official}." in finding.message_da
    )
    assert "København Kommune" not in finding.message_da
    assert (
        f"receives support under the Folkeoplysning Act from Københavns Kommune but is based "
        f"in {official}." in finding.message_en
    )


def test_fr115_bornholm_supports_as_bornholms_regionskommune() -> None:
    c = attrs.evolve(base(), municipality_code=400)
    c = participant(c, 0, actor=frivillig.Municipality(name="Bornholms Regionskommune", code=400))
    c = participant(c, 1, actor=attrs.evolve(c.participants[1].actor, municipality_code=400))
    c = participant(c, 3, actor=attrs.evolve(c.participants[3].actor, municipality_code=400))
    c = participant(c, ASSOCIATION, support_schemes=(frivillig.SupportScheme.FOLKEOPLYSNING,))
    (finding,) = run(c, "FR115")
    assert finding.reason == "not_local"
    assert "fra Bornholms Regionskommune, men er hjemmehørende i Københavns Kommune." in (
        finding.message_da
    )


def test_fr115_a_late_declaration_is_missing_an_unknown_one_is_unknown() -> None:
    late = run(
        supported(frivillig.SupportScheme.FOLKEOPLYSNING, child_certificate_declaration_year=2025),
        "FR115",
    )
    assert found(late) == [
        ("no_declaration", "error", (f"{ACTOR}.child_certificate_declaration_year",))
    ]
    assert "Uden den må kommunen ikke give tilskud eller anvise lokaler" in late[0].message_da
    assert "Without it the municipality may not give grants or premises" in late[0].message_en
    unknown = run(
        supported(frivillig.SupportScheme.FOLKEOPLYSNING, child_certificate_declaration_year=None),
        "FR115",
    )
    assert found(unknown) == [
        ("declaration_unknown", "warning", (f"{ACTOR}.child_certificate_declaration_year",))
    ]
    assert unknown[0].message_da.startswith(
        "Det er ikke registreret, om 'Besøgsvennerne i Valby' har afgivet erklæringen om "
        "børneattester for 2026."
    )
    assert unknown[0].message_en.startswith(
        "It is not recorded whether 'Besøgsvennerne i Valby' has given its declaration on "
        "child certificates for 2026."
    )


def test_fr115_an_unknown_scheme_is_reported_as_unknown() -> None:
    # Municipal money (35 % of the budget) but no scheme recorded: which conditions apply
    # cannot be told; the facts that would fail under folkeoplysningsloven are named.
    c = participant(base(), ASSOCIATION, support_schemes=None)
    (finding,) = run(c, "FR115")
    assert found([finding]) == [
        ("scheme_unknown", "warning", (f"$.participants[{ASSOCIATION}].support_schemes",))
    ]
    assert finding.message_da.startswith(
        "'Besøgsvennerne i Valby' får 35 % af sit budget fra kommunen, men det er ikke "
        "registreret, efter hvilken ordning foreningen får støtte."
    )
    assert finding.message_en.startswith(
        "'Besøgsvennerne i Valby' gets 35% of its budget from the municipality, but it is "
        "not recorded under which scheme it is supported."
    )
    few = run(actor(c, ASSOCIATION, paying_members=3), "FR115")
    assert [f.reason for f in few] == ["scheme_unknown"]
    assert (
        "Gives støtten efter folkeoplysningsloven, opfylder foreningen ikke kravene til en "
        "godkendt forening: den har færre end 5 betalende medlemmer."
    ) in few[0].message_da
    assert (
        "If the support is under the Folkeoplysning Act, the association does not meet what "
        "an approved association must: it has fewer than 5 paying members."
    ) in few[0].message_en
    # no money and no scheme: no sign of support
    assert run(participant(c, ASSOCIATION, budget_share_from_municipality=None), "FR115") == []


def test_fr115_no_support_scheme_means_no_conditions() -> None:
    assert run(supported(paying_members=1, has_board=False, cvr=None), "FR115") == []


def test_fr115_other_support_asks_only_what_every_supported_association_needs() -> None:
    assert (
        run(supported(frivillig.SupportScheme.OTHER, paying_members=1, has_board=False), "FR115")
        == []
    )
    (finding,) = run(supported(frivillig.SupportScheme.OTHER, cvr=None), "FR115")
    assert found([finding]) == [("no_cvr_recorded", "warning", (f"{ACTOR}.cvr",))]
    assert "der er ikke registreret et CVR-nummer" in finding.message_da
    assert "no CVR number is recorded" in finding.message_en


def test_fr115_unknown_conditions_are_named() -> None:
    c = supported(frivillig.SupportScheme.FOLKEOPLYSNING, has_board=None, paying_members=None)
    (finding,) = run(c, "FR115")
    assert found([finding]) == [
        ("conditions_unknown", "info", (f"{ACTOR}.has_board", f"{ACTOR}.paying_members"))
    ]
    assert (
        "Det er ikke registreret, om 'Besøgsvennerne i Valby' opfylder disse betingelser for "
        "tilskud efter folkeoplysningsloven: en bestyrelse og mindst 5 betalende medlemmer."
    ) in finding.message_da
    assert (
        "It is not recorded whether 'Besøgsvennerne i Valby' meets these conditions of support "
        "under the Folkeoplysning Act: a board and at least 5 paying members."
    ) in finding.message_en


def test_fr115_both_schemes_are_each_judged_by_their_own_conditions() -> None:
    c = supported(
        frivillig.SupportScheme.FOLKEOPLYSNING,
        frivillig.SupportScheme.SERVICELOVEN_18,
        paying_members=2,
        voluntary_effort_is_core=False,
    )
    assert [f.reason for f in run(c, "FR115")] == ["too_few_members", "section_18_not_core"]


# -- item 4: FR110 money by amount, severity by distance and risk, written level -------


def test_fr110_two_million_a_year_calls_for_a_partnership_agreement() -> None:
    # Before, money was yes/no: DKK 2 million a year under a collaboration agreement got
    # no finding, and a collaboration agreement was recommended.
    c = funded(base(), 2_000_000)
    assert frivillig.recommend_formalisation(c).level is FormalisationLevel.PARTNERSHIP_AGREEMENT
    (finding,) = run(c, "FR110")
    assert found([finding]) == [("too_loose", "warning", ("$.formalisation",))]
    assert "2.000.000 kr. om året mellem parterne" in finding.message_da
    assert "kalder på 'partnerskabsaftale'" in finding.message_da
    assert "DKK 2,000,000 a year between the parties" in finding.message_en
    assert "call for 'partnership agreement'" in finding.message_en
    # the threshold is a setting
    higher = FormalisationSettings(large_money_dkk=3_000_000)
    assert run(c, "FR110", formalisation=higher) == []
    assert frivillig.formalisation_fit(c).value == 60.0
    assert frivillig.formalisation_fit(c, settings=higher).value == 100.0


def test_fr110_an_oral_partnership_moving_two_million() -> None:
    c = attrs.evolve(
        funded(base(), 2_000_000),
        formalisation=FormalisationLevel.PARTNERSHIP_AGREEMENT,
        agreement=None,
    )
    (finding,) = run(c, "FR110")
    assert found([finding]) == [
        ("no_agreement_document", "warning", ("$.agreement", "$.formalisation"))
    ]
    assert finding.message_da.startswith(
        "Samarbejdet er registreret som 'partnerskabsaftale', men der er ikke registreret "
        "nogen skriftlig aftale."
    )
    assert finding.message_en.startswith(
        "The collaboration is recorded as 'partnership agreement', but no written agreement "
        "is recorded."
    )
    # while the parties are still exploring, the agreement may be unwritten
    exploring = attrs.evolve(c, status=frivillig.LifecycleStatus.EXPLORING)
    assert run(exploring, "FR110") == []
    # a collaboration agreement without its document is found too
    plain = attrs.evolve(base(), agreement=None)
    assert [f.reason for f in run(plain, "FR110")] == ["no_agreement_document"]


def test_fr110_severity_follows_distance_and_risk() -> None:
    # two rungs too loose (ad-hoc event, rank 1, where a collaboration agreement, rank 3,
    # is called for) with money and children: an error (before: info)
    children = task(base(), 0, children_contact=True)
    far = attrs.evolve(children, formalisation=FormalisationLevel.AD_HOC_EVENT)
    (finding,) = run(far, "FR110")
    assert found([finding]) == [("too_loose", "error", ("$.formalisation",))]
    assert "penge mellem parterne, kontakt med børn under 15" in finding.message_da
    assert "money between the parties, contact with children under 15" in finding.message_en
    # one rung too loose with money: a warning
    near = attrs.evolve(base(), formalisation=FormalisationLevel.VOLUNTEER_AGREEMENT)
    assert found(run(near, "FR110")) == [("too_loose", "warning", ("$.formalisation",))]
    # one rung too loose without a risk driver: advice
    riskless = participant(
        participant(near, 0, resources=(Resource.STAFF_TIME,), funding_dkk_per_year=None),
        ASSOCIATION,
        budget_share_from_municipality=None,
        support_schemes=(),
    )
    riskless = participant(riskless, 3, budget_share_from_municipality=None)
    assert found(run(riskless, "FR110")) == [("too_loose", "info", ("$.formalisation",))]
    # the grades are settings
    assert found(run(far, "FR110", formalisation_error_risks=3)) == [
        ("too_loose", "warning", ("$.formalisation",))
    ]
    assert found(run(near, "FR110", formalisation_warning_risks=2)) == [
        ("too_loose", "info", ("$.formalisation",))
    ]
    # a rulebook that re-grades the rule overrides the grades
    book = DEFAULT_RULEBOOK.only("FR110").regrade("FR110", "info")
    assert [f.severity for f in check(far, today=TODAY, rulebook=book)] == [Severity.INFO]


def test_fr110_one_rung_too_tight_is_advice() -> None:
    # A partnership agreement where a collaboration agreement is called for: rank 4 vs 3.
    tight = attrs.evolve(base(), formalisation=FormalisationLevel.PARTNERSHIP_AGREEMENT)
    assert run(tight, "FR110") == []  # one rung is within the default of 2
    (finding,) = run(tight, "FR110", formalisation_too_tight_steps=1)
    assert found([finding]) == [("too_tight", "info", ("$.formalisation",))]


def test_fr110_money_of_unknown_amount_is_reported_as_unknown() -> None:
    c = funded(base(), None)
    (finding,) = run(c, "FR110")
    assert found([finding]) == [("money_amount_unknown", "info", ("$.participants[0]",))]
    assert finding.message_da.startswith(
        "'Københavns Kommune' giver penge til samarbejdet, men beløbet er ikke registreret."
    )
    assert "Fra 1.000.000 kr. om året kalder pengene alene på en partnerskabsaftale" in (
        finding.message_da
    )
    assert finding.message_en.startswith(
        "'Københavns Kommune' gives money to the collaboration, but the amount is not recorded."
    )
    assert "From DKK 1,000,000 a year the money alone calls for a partnership agreement" in (
        finding.message_en
    )
    # under a partnership agreement the amount changes nothing
    partnership = attrs.evolve(c, formalisation=FormalisationLevel.PARTNERSHIP_AGREEMENT)
    assert run(partnership, "FR110") == []


def test_formalisation_fit_never_rises_when_the_amount_is_unknown() -> None:
    for dkk in (0, 70_000, 999_999, 1_000_000, 2_000_000):
        for level in FormalisationLevel:
            known = attrs.evolve(funded(base(), dkk), formalisation=level)
            unknown = attrs.evolve(funded(base(), None), formalisation=level)
            before = frivillig.formalisation_fit(known).value
            after = frivillig.formalisation_fit(unknown).value
            assert before is not None
            assert after is not None
            assert after <= before, (dkk, level)
    fit = frivillig.formalisation_fit(funded(base(), None))
    assert fit.value == 60.0
    assert "beløbet er ukendt" in fit.to_text("da")
    assert "the amount is unknown" in fit.to_text("en")


# -- item 10: equality leaves out the public sector's own funding ----------------------


def test_equality_leaves_out_a_public_institutions_funding_by_its_own_municipality() -> None:
    # The care home gets all its budget from its own municipality: before, equality fell
    # from 60.5 to 52.5; that is no inequality between the parties, and FR111 agrees.
    c = base()
    care_home = participant(c, 1, budget_share_from_municipality=1.0)
    assert frivillig.equality(c).value == 60.5
    assert frivillig.equality(care_home).value == 60.5
    independence = frivillig.equality(care_home).parts[0]
    assert independence.key == "independence"
    assert "frivilligcenter" in independence.explanation_en
    assert run(attrs.evolve(care_home, forum=None), "FR111")[0].paths[0] == "$.participants[3]"
    assert "$.participants[1]" not in {
        f.paths[0] for f in run(attrs.evolve(care_home, forum=None), "FR111")
    }


def test_equality_and_fr111_count_the_same_dependence() -> None:
    # A public institution of another municipality that this municipality funds is a party
    # that depends on another; both the score and the rule count it.
    c = participant(
        base(),
        1,
        actor=frivillig.PublicInstitution(name="Plejecenter Lindely", municipality_code=147),
        budget_share_from_municipality=0.9,
    )
    # the most dependent party is now the institution (90 %): independence 10, not 20
    assert frivillig.equality(c).value == pytest.approx(60.5 - 0.4 * (20 - 10))
    rule = run(attrs.evolve(c, forum=None), "FR111")
    assert [f.paths[0] for f in rule] == ["$.participants[1]", "$.participants[3]"]


# -- item 12: a paid contract is not volunteering --------------------------------------


def test_a_paid_contract_has_no_formalisation_fit() -> None:
    # Money, a long period and a task directed by the institution: three heavy drivers
    # call for a partnership agreement. A paid contract is one rung above it; before, that
    # scored 100 - 20 = 80.
    c = task(base(), 0, directed_by_institution=True)
    assert frivillig.recommend_formalisation(c).level is FormalisationLevel.PARTNERSHIP_AGREEMENT
    paid = attrs.evolve(c, formalisation=FormalisationLevel.PAID_CONTRACT)
    fit = frivillig.formalisation_fit(paid)
    assert fit.value == 0.0
    (part,) = fit.parts
    assert part.explanation_da == (
        "betalt kontrakt er køb af en ydelse, ikke frivilligt arbejde: ingen form for "
        "frivilligsamarbejde passer"
    )
    assert part.explanation_en == (
        "a paid contract is buying a service, not volunteering: no form of volunteering "
        "collaboration fits"
    )
    spontaneous = attrs.evolve(c, formalisation=FormalisationLevel.SPONTANEOUS)
    assert frivillig.formalisation_fit(spontaneous).value == 0.0
