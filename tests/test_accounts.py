"""Accounts of an association's hours for the municipality: hand sums, caveats, templates, CLI."""

import datetime as dt
import io
import json
import math
import random
import tempfile
import unicodedata
from pathlib import Path
from typing import Any, cast

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import (
    ActorKind,
    Collaboration,
    Engagement,
    Portfolio,
    Task,
    TimeLog,
    VoluntaryOrganisation,
    Volunteer,
    WorkCategory,
)
from frivillig._cli import main
from frivillig._privacy import terminal_safe
from frivillig.accounts import (
    DEFAULT_TEMPLATE,
    MAX_ITEMS,
    AccountItem,
    AccountTemplate,
    AssociationAccount,
    CaveatKind,
    Measure,
    association_account,
    association_accounts,
    load_template,
    template_from_dict,
)
from frivillig.errors import ArgumentTypeError, ArgumentValueError, ValidationError
from frivillig.strategies import actors, collaborations

EXAMPLE = frivillig.load_example()
CVR = "37124583"  # Besøgsvennerne i Valby in the example


def account_2026(items: Any = EXAMPLE, **kwargs: Any) -> AssociationAccount:
    kwargs.setdefault("association", "besoegsvenner")
    return association_account(items, year=2026, **kwargs)


def log(volunteer: str, task: str, month: int, hours: float, year: int = 2026) -> TimeLog:
    return TimeLog(volunteer=volunteer, task=task, month=dt.date(year, month, 1), hours=hours)


def with_logs(collaboration: Collaboration, *logs: TimeLog) -> Collaboration:
    return attrs.evolve(collaboration, time_logs=(*collaboration.time_logs, *logs))


# -- the example, summed by hand -------------------------------------------------------------
#
# From src/frivillig/data/examples/visiting_friends.json, time_logs, all in 2026:
#   besoegsven (activity):  v01 4+8.5+9+7.5+6+8+9.5+8 = 60.5;  v02 3+7+8+6.5+7+8+7.5 = 47;
#                           v03 6+7+8+7.5+6+8+7 = 49.5;        v04 2+6.5+8+3+8.5+6+5 = 39
#                           together 196, by 4 volunteers, in 29 logs
#   aktivitetsudvalg (not recorded): v02 2+3+2.5+4+3+3.5 = 18;  v05 3+4+3.5+4+4.5+4 = 23
#                           together 41, by 2 volunteers, in 12 logs
#   by month: Mar 4+3 = 7; Apr 8.5+7+2+6+2+3 = 28.5; May 9+8+3+7+6.5+4 = 37.5;
#             Jun 7.5+6.5+2.5+8+8+3.5 = 36; Jul 6+7.5+3 = 16.5; Aug 8+7+4+6+8.5+4 = 37.5;
#             Sep 9.5+8+3+8+6+4.5 = 39; Oct 8+7.5+3.5+7+5+4 = 35


def test_the_example_summed_by_hand() -> None:
    account = account_2026()
    assert account.name == "Besøgsvennerne i Valby"
    assert account.cvr == CVR
    assert account.party_ids == ("besoegsvenner",)
    assert account.municipality_code == 101
    assert account.hours_total == 237
    assert account.hours_activity == 196
    assert account.hours_unpaid_work == 0
    assert account.hours_kind_not_recorded == 41
    assert account.volunteers_active == 5
    assert account.logs == 41
    assert account.hours_by_month == (
        0.0,
        0.0,
        7.0,
        28.5,
        37.5,
        36.0,
        16.5,
        37.5,
        39.0,
        35.0,
        0.0,
        0.0,
    )
    assert account.months_with_hours == 8
    lines = [(a.task, a.work_category, a.volunteers_active, a.hours) for a in account.activities]
    assert lines == [
        ("aktivitetsudvalg", None, 2, 41),
        ("besoegsven", WorkCategory.ACTIVITY, 4, 196),
    ]
    assert [(c.id, c.hours) for c in account.collaborations] == [(EXAMPLE.id, 237)]
    [caveat] = account.caveats
    assert (caveat.kind, caveat.hours, caveat.logs) == (CaveatKind.KIND_NOT_RECORDED, 41, 12)


def test_the_association_is_found_by_its_cvr_number_too() -> None:
    assert account_2026(association=CVR) == account_2026()


def test_the_text_and_markdown_show_the_sums_the_danish_way() -> None:
    account = account_2026()
    text = account.to_text()
    assert "Afrapportering af frivillig indsats" in text
    assert "Frivillige timer i alt: 237\n" in text
    assert "april: 28,5" in text
    assert "Timer, art ikke registreret: 41" in text
    english = account.to_text(lang="en")
    assert "April: 28.5" in english
    markdown = account.to_markdown()
    assert "| april | 28,5 |" in markdown
    assert "| kbh-valmuen-besoegsvenner | Besøgsven" in markdown
    assert "| aktivitet | 4 | 196 |" in markdown


def test_unpaid_work_is_its_own_kind() -> None:
    tasks = tuple(
        attrs.evolve(t, work_category=WorkCategory.UNPAID_WORK) if t.id == "aktivitetsudvalg" else t
        for t in EXAMPLE.tasks
    )
    account = account_2026(attrs.evolve(EXAMPLE, tasks=tasks))
    assert (account.hours_activity, account.hours_unpaid_work) == (196, 41)
    assert account.hours_kind_not_recorded == 0
    assert account.caveats == ()


# -- what is not counted ---------------------------------------------------------------------


def test_a_volunteer_with_no_association_recorded_is_a_caveat_not_counted() -> None:
    stranger = Volunteer(id="v06", engagement=Engagement.ASSOCIATION, association=None)
    staff = Volunteer(id="v07", engagement=Engagement.MUNICIPALITY)
    collaboration = attrs.evolve(
        with_logs(
            EXAMPLE,
            log("v06", "besoegsven", 11, 5),
            log("v06", "besoegsven", 12, 2.5),
            log("v07", "besoegsven", 11, 9),
        ),
        volunteers=(*EXAMPLE.volunteers, stranger, staff),
    )
    account = account_2026(collaboration)
    assert account.hours_total == 237  # neither v06 nor v07 (engaged by the municipality)
    assert account.volunteers_active == 5
    caveats = {c.kind: (c.hours, c.logs) for c in account.caveats}
    assert caveats[CaveatKind.ASSOCIATION_NOT_RECORDED] == (7.5, 2)
    assert "7,5 timer i 2 registreringer" in account.to_text()


def test_a_log_naming_no_volunteer_or_task_of_the_collaboration_is_a_caveat() -> None:
    collaboration = with_logs(
        EXAMPLE, log("ghost", "besoegsven", 11, 3), log("v01", "no-such-task", 11, 4)
    )
    account = account_2026(collaboration)
    assert account.hours_total == 237
    caveats = {c.kind: (c.hours, c.logs) for c in account.caveats}
    assert caveats[CaveatKind.UNKNOWN_REFERENCE] == (7, 2)


def test_the_year_filters_the_logs() -> None:
    collaboration = with_logs(EXAMPLE, log("v01", "besoegsven", 1, 10, year=2027))
    assert account_2026(collaboration).hours_total == 237
    later = association_account(collaboration, association="besoegsvenner", year=2027)
    assert (later.hours_total, later.volunteers_active, later.logs) == (10, 1, 1)
    assert later.hours_by_month[0] == 10
    earlier = association_account(collaboration, association="besoegsvenner", year=2025)
    assert (earlier.hours_total, earlier.activities, earlier.collaborations) == (0, (), ())
    assert association_accounts(collaboration, year=2025) == ()


def other_collaboration(
    *, id_: str = "kbh-cafe", party: str = "vennerne", code: int = 101
) -> Collaboration:
    """A second collaboration with the same association (same CVR) under another party id."""
    participants = tuple(
        attrs.evolve(p, id=party) if p.id == "besoegsvenner" else p for p in EXAMPLE.participants
    )
    volunteers = (
        Volunteer(id="v01", engagement=Engagement.ASSOCIATION, association=party),
        Volunteer(id="w02", engagement=Engagement.ASSOCIATION, association=party),
        Volunteer(id="w03", engagement=Engagement.ASSOCIATION, association=party),
    )
    task = Task(
        id="cafe", title="Café", work_category=WorkCategory.UNPAID_WORK, volunteers=("v01", "w02")
    )
    collaboration = attrs.evolve(
        EXAMPLE,
        id=id_,
        title="Café",
        municipality_code=code,
        participants=participants,
        goals=(),
        tasks=(task,),
        volunteers=volunteers,
        time_logs=(
            log("v01", "cafe", 5, 3),
            log("w02", "cafe", 6, 4),
            log("w02", "cafe", 7, 0),
            log("w03", "cafe", 7, 0),  # logged, but no hours: not active
        ),
        responsibilities={},
        responsibility_holders={},
        agreement=None,
        forum=None,
        rounds=(),
        evaluation_plan=None,
    )
    if code != 101:
        participants = tuple(
            attrs.evolve(p, actor=attrs.evolve(cast(Any, p.actor), code=code))
            if p.actor.kind.value == "municipality"
            else p
            for p in participants
        )
        collaboration = attrs.evolve(collaboration, participants=participants)
    return collaboration


def test_the_cvr_number_joins_an_association_across_collaborations() -> None:
    cafe = other_collaboration()
    account = account_2026([EXAMPLE, cafe])
    assert account.party_ids == ("besoegsvenner", "vennerne")
    assert account.hours_total == 237 + 7
    assert account.hours_unpaid_work == 7
    assert account.volunteers_active == 6  # v01 counts once; w03 gave no hours
    assert [c.id for c in account.collaborations] == ["kbh-cafe", EXAMPLE.id]
    assert account_2026([cafe, EXAMPLE], association="vennerne") == account
    assert account_2026([cafe, EXAMPLE], association=CVR) == account
    [line] = [a for a in account.activities if a.task == "cafe"]
    assert (line.volunteers_active, line.hours) == (2, 7)


def test_without_a_cvr_number_the_party_id_names_the_association() -> None:
    def without_cvr(c: Collaboration) -> Collaboration:
        return attrs.evolve(
            c,
            participants=tuple(
                attrs.evolve(p, actor=attrs.evolve(cast(Any, p.actor), cvr=None))
                if p.actor.kind.value == "voluntary_organisation"
                else p
                for p in c.participants
            ),
        )

    items = [without_cvr(EXAMPLE), without_cvr(other_collaboration())]
    first = account_2026(items)
    assert (first.cvr, first.party_ids, first.hours_total) == (None, ("besoegsvenner",), 237)
    second = account_2026(items, association="vennerne")
    assert second.hours_total == 7
    assert [a.party_ids for a in association_accounts(items, year=2026)] == [
        ("besoegsvenner",),
        ("vennerne",),
    ]


def test_the_municipality_filters_the_collaborations() -> None:
    aarhus = other_collaboration(code=751)
    with pytest.raises(ArgumentValueError, match="several municipalities"):
        account_2026([EXAMPLE, aarhus])
    assert account_2026([EXAMPLE, aarhus], municipality_code=101).hours_total == 237
    assert account_2026([EXAMPLE, aarhus], municipality_code=751).hours_total == 7
    with pytest.raises(ArgumentValueError, match="no collaboration of municipality 147"):
        account_2026([EXAMPLE, aarhus], municipality_code=147)
    both = association_accounts([EXAMPLE, aarhus], year=2026)
    assert [(a.municipality_code, a.hours_total) for a in both] == [(101, 237), (751, 7)]
    only = association_accounts([EXAMPLE, aarhus], year=2026, municipality_code=751)
    assert [a.hours_total for a in only] == [7]


def test_a_portfolio_is_read_like_its_collaborations() -> None:
    portfolio = Portfolio(id="kbh", title="København", collaborations=(EXAMPLE,))
    assert account_2026(portfolio) == account_2026()
    assert account_2026([portfolio]) == account_2026()
    assert association_accounts(portfolio, year=2026) == (account_2026(),)


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"association": "nobody"}, ArgumentValueError, "no association 'nobody'"),
        ({"association": "plejecenter"}, ArgumentValueError, "public institution"),
        ({"association": 37124583}, ArgumentTypeError, "int"),
        ({"year": 1899}, ArgumentValueError, "from 1900 to 2200"),
        ({"year": 2201}, ArgumentValueError, "from 1900 to 2200"),
        ({"year": True}, ArgumentTypeError, "bool"),
        ({"year": "2026"}, ArgumentTypeError, "str"),
        ({"municipality_code": 999}, ArgumentValueError, "999"),
        ({"municipality_code": "101"}, ArgumentTypeError, "str"),
    ],
)
def test_wrong_arguments_are_the_callers_mistake(
    kwargs: dict[str, Any], error: type[Exception], words: str
) -> None:
    arguments: dict[str, Any] = {"association": "besoegsvenner", "year": 2026, **kwargs}
    with pytest.raises(error, match=words):
        association_account(EXAMPLE, **arguments)


@pytest.mark.parametrize("items", [{"id": "x"}, "kbh", 5, [EXAMPLE, {"id": "x"}]])
def test_items_must_be_collaborations(items: Any) -> None:
    with pytest.raises(ArgumentTypeError):
        association_accounts(items, year=2026)


def test_a_collaboration_given_twice_is_refused() -> None:
    with pytest.raises(ArgumentValueError, match="given twice"):
        association_accounts([EXAMPLE, EXAMPLE], year=2026)


# -- properties ------------------------------------------------------------------------------

MONTHS = [dt.date(2025 + n // 12, n % 12 + 1, 1) for n in range(36)]


ENGAGEMENTS = st.sampled_from([*[Engagement.ASSOCIATION] * 3, Engagement.MUNICIPALITY])


@st.composite
def with_association_hours(draw: st.DrawFn) -> Collaboration:
    """A drawn collaboration whose volunteers log hours for its associations (or none)."""
    drawn = draw(
        collaborations(
            max_time_logs=0,
            max_volunteers=4,
            start_on=st.dates(dt.date(2025, 1, 1), dt.date(2026, 6, 30)),
            actors=actors(
                kinds=[
                    ActorKind.VOLUNTARY_ORGANISATION,
                    ActorKind.VOLUNTARY_ORGANISATION,
                    ActorKind.VOLUNTEER_CENTRE,
                ]
            ),
        )
    )
    parties = [p.id for p in drawn.participants if isinstance(p.actor, VoluntaryOrganisation)]
    tasks = drawn.tasks or (Task(id="t0", title="Opgave"),)
    tasks = tuple(
        attrs.evolve(t, work_category=draw(st.sampled_from([*WorkCategory, None]))) for t in tasks
    )
    volunteers = drawn.volunteers or (Volunteer(id="v0"),)
    changed = []
    for volunteer in volunteers:
        engagement = draw(st.sampled_from([Engagement.ASSOCIATION] * 3 + [Engagement.MUNICIPALITY]))
        association = (
            draw(st.sampled_from([*parties, None]))
            if engagement is Engagement.ASSOCIATION
            else None
        )
        changed.append(attrs.evolve(volunteer, engagement=engagement, association=association))
    first = MONTHS.index(drawn.start_on.replace(day=1))
    keys = st.tuples(
        st.sampled_from([v.id for v in volunteers]),
        st.sampled_from([t.id for t in tasks]),
        st.sampled_from(MONTHS[first:]),
    )
    hours = st.integers(0, 2976).map(lambda quarters: quarters / 4) | st.floats(0, 744)
    entries = draw(st.lists(st.tuples(keys, hours), max_size=12, unique_by=lambda e: e[0]))
    logs = tuple(TimeLog(volunteer=v, task=t, month=month, hours=h) for (v, t, month), h in entries)
    return attrs.evolve(drawn, tasks=tasks, volunteers=tuple(changed), time_logs=logs)


DRAWN = with_association_hours()


def renamed(collaboration: Collaboration) -> tuple[Collaboration, list[str]]:
    """The collaboration with volunteer ids no other text can hold by chance."""
    names = {v.id: f"zq{index}vol9x" for index, v in enumerate(collaboration.volunteers)}
    return (
        attrs.evolve(
            collaboration,
            volunteers=tuple(attrs.evolve(v, id=names[v.id]) for v in collaboration.volunteers),
            tasks=tuple(
                attrs.evolve(t, volunteers=tuple(names.get(v, v) for v in t.volunteers))
                for t in collaboration.tasks
            ),
            time_logs=tuple(
                attrs.evolve(entry, volunteer=names.get(entry.volunteer, entry.volunteer))
                for entry in collaboration.time_logs
            ),
        ),
        list(names.values()),
    )


def years_of(collaboration: Collaboration) -> list[int]:
    return sorted({entry.month.year for entry in collaboration.time_logs}) or [2026]


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(DRAWN)
def test_no_volunteer_id_in_any_form_of_an_account(drawn: Collaboration) -> None:
    collaboration, ids = renamed(drawn)
    for year in years_of(collaboration):
        for account in association_accounts(collaboration, year=year):
            shown = [
                account.to_json(),
                account.to_text(),
                account.to_markdown(lang="en"),
                repr(account),
            ]
            assert not [i for i in ids for text in shown if i in text]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(DRAWN)
def test_the_total_is_the_sum_of_kinds_months_and_activities(drawn: Collaboration) -> None:
    for year in years_of(drawn):
        for account in association_accounts(drawn, year=year):
            kinds = (account.hours_activity, account.hours_unpaid_work)
            total = account.hours_total
            assert close(total, math.fsum((*kinds, account.hours_kind_not_recorded)))
            assert close(total, math.fsum(account.hours_by_month))
            assert close(total, math.fsum(a.hours for a in account.activities))
            assert close(total, math.fsum(c.hours for c in account.collaborations))
            assert account.volunteers_active <= sum(a.volunteers_active for a in account.activities)
            assert all(a.volunteers_active <= account.volunteers_active for a in account.activities)
            assert account.logs == sum(
                1
                for e in drawn.time_logs
                if e.month.year == year
                and any(
                    v.id == e.volunteer and v.association in account.party_ids
                    for v in drawn.volunteers
                )
                and any(t.id == e.task for t in drawn.tasks)
                and any(
                    v.id == e.volunteer and v.engagement is Engagement.ASSOCIATION
                    for v in drawn.volunteers
                )
            )


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DRAWN, min_size=1, max_size=3, unique_by=lambda c: c.id), st.randoms())
def test_the_order_of_logs_and_collaborations_does_not_matter(
    drawn: list[Collaboration], dice: random.Random
) -> None:
    shuffled = []
    for collaboration in drawn:
        logs = list(collaboration.time_logs)
        dice.shuffle(logs)
        shuffled.append(attrs.evolve(collaboration, time_logs=tuple(logs)))
    dice.shuffle(shuffled)
    for year in sorted({y for c in drawn for y in years_of(c)}):
        assert association_accounts(drawn, year=year) == association_accounts(shuffled, year=year)


def _key(account: AssociationAccount) -> tuple[Any, ...]:
    return (account.municipality_code, account.cvr, account.party_ids)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(DRAWN, st.data())
def test_adding_a_log_never_lowers_the_hours(drawn: Collaboration, data: st.DataObject) -> None:
    if not drawn.time_logs:
        return
    index = data.draw(st.integers(0, len(drawn.time_logs) - 1))
    year = drawn.time_logs[index].month.year
    without = attrs.evolve(drawn, time_logs=drawn.time_logs[:index] + drawn.time_logs[index + 1 :])
    before = {_key(a): a for a in association_accounts(without, year=year)}
    for account in association_accounts(drawn, year=year):
        earlier = before.get(_key(account))
        if earlier is not None:
            assert earlier.hours_total <= account.hours_total
            assert earlier.volunteers_active <= account.volunteers_active
            assert earlier.logs <= account.logs


def test_adding_a_log_to_the_example_adds_its_hours() -> None:
    account = account_2026(with_logs(EXAMPLE, log("v05", "besoegsven", 11, 2.25)))
    assert account.hours_total == 239.25
    assert account.hours_activity == 198.25
    assert account.hours_by_month[10] == 2.25


# -- templates -------------------------------------------------------------------------------

TEXTS = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40).filter(str.strip)


@st.composite
def templates(draw: st.DrawFn) -> AccountTemplate:
    measures = draw(st.permutations(list(Measure)))
    count = draw(st.integers(1, len(measures)))
    optional = st.none() | TEXTS
    items = [
        AccountItem(
            measure=measure,
            label_da=draw(optional),
            label_en=draw(optional),
            note_da=draw(optional),
            note_en=draw(optional),
        )
        for measure in measures[:count]
    ]
    return AccountTemplate(
        title_da=draw(TEXTS),
        title_en=draw(optional),
        intro_da=draw(optional),
        intro_en=draw(optional),
        items=items,
    )


@given(templates())
def test_a_template_comes_back_from_its_json_form(template: AccountTemplate) -> None:
    assert template_from_dict(template.to_dict()) == template
    assert template_from_dict(json.loads(json.dumps(template.to_dict()))) == template


@settings(max_examples=20)
@given(templates())
def test_every_template_renders_an_account(template: AccountTemplate) -> None:
    account = account_2026()
    for lang in ("da", "en"):
        for shown in (
            account.to_text(template, lang=lang),
            account.to_markdown(template, lang=lang),
        ):
            assert not [
                char
                for char in shown.replace("\n", "")
                if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")
            ]
        text = account.to_text(template, lang=lang)
        assert text.startswith(terminal_safe(template.title(lang)) + "\n")
        for item in template.items:
            assert terminal_safe(item.label(lang)) in text


def test_the_default_template_reads_back() -> None:
    assert template_from_dict(DEFAULT_TEMPLATE.to_dict()) == DEFAULT_TEMPLATE


def test_a_template_of_a_municipality_of_its_own() -> None:
    template = template_from_dict(
        {
            "title": {"da": "Opfølgning på § 18-tilskud", "en": "Follow-up of a § 18 grant"},
            "items": [
                {"measure": "hours_total", "label": {"da": "Timer i alt"}},
                {
                    "measure": "activities",
                    "note": {"da": "Beskriv kort hver aktivitet i en bilagt tekst."},
                },
            ],
        }
    )
    text = account_2026().to_text(template)
    assert text.splitlines()[0] == "Opfølgning på § 18-tilskud"
    assert "Timer i alt: 237" in text
    assert "(Beskriv kort hver aktivitet i en bilagt tekst.)" in text
    assert "Timer pr. måned" not in text
    assert (
        account_2026().to_text(template, lang="en").splitlines()[0] == "Follow-up of a § 18 grant"
    )


def paths(data: object) -> set[str]:
    with pytest.raises(ValidationError) as caught:
        template_from_dict(data)
    return {problem.path for problem in caught.value.problems}


def test_a_bad_template_names_every_problem_by_its_path() -> None:
    data = {
        "title": {"da": "Timer", "fr": "Heures"},
        "items": [
            {"measure": "hours_total"},
            {"measure": "hours_total", "label": {"da": 5}},
            {"measure": "hours_of_fun"},
            {"measure": "caveats", "colour": "red"},
            "activities",
            {"label": {"da": "Uden mål"}},
        ],
        "extra": True,
    }
    assert paths(data) == {
        "$.title.fr",
        "$.items[1].measure",
        "$.items[1].label.da",
        "$.items[2].measure",
        "$.items[3].colour",
        "$.items[4]",
        "$.items[5].measure",
        "$.extra",
    }
    with pytest.raises(ValidationError) as caught:
        template_from_dict(data)
    messages = {p.path: (p.message, p.code) for p in caught.value.problems}
    assert messages["$.items[2].measure"][1] == "choice"
    assert "'hours_of_fun' is not one of collaborations" in messages["$.items[2].measure"][0]
    assert messages["$.items[1].label.da"] == ("expected text, got an integer", "type")
    danish = {p.path: p.message_da for p in caught.value.problems}
    assert danish["$.items[1].label.da"] == "forventede tekst, men fik et heltal"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([], {"$"}),
        ({}, {"$.title", "$.items"}),
        ({"title": "Timer", "items": []}, {"$.title", "$.items"}),
        ({"title": {}, "items": [{"measure": "caveats"}]}, {"$.title"}),
        ({"title": {"en": "Hours"}, "items": [{"measure": "caveats"}]}, {"$.title.da"}),
        ({"title": {"da": " "}, "items": [{"measure": 1}]}, {"$.title.da", "$.items[0].measure"}),
        ({"title": {"da": "x" * 301}, "items": [{"measure": "caveats"}]}, {"$.title.da"}),
        (
            {"title": {"da": "T"}, "items": [{"measure": "caveats", "note": {"da": "x" * 2001}}]},
            {"$.items[0].note.da"},
        ),
        ({"title": {"da": "T"}, "items": [{"measure": "caveats"}] * (MAX_ITEMS + 1)}, {"$.items"}),
        (
            {"type": "portfolio", "title": {"da": "T"}, "items": [{"measure": "caveats"}]},
            {"$.type"},
        ),
    ],
)
def test_bad_templates(data: object, expected: set[str]) -> None:
    assert paths(data) == expected


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["title", "items", "intro", "measure", "label", "note", "da", "en", "x"]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=200)
@given(JSON)
def test_any_json_is_a_template_or_a_validation_error(data: object) -> None:
    problems: tuple[Any, ...] = ()
    try:
        template_from_dict(data)
    except ValidationError as error:
        problems = error.problems or (None,)
    assert all(p is not None and p.path.startswith("$") for p in problems)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{", "not valid JSON"),
        (b'{"title": {"da": "a", "da": "b"}}', "more than once"),
        (b'{"title": NaN}', "must be finite"),
        (b"\xef\xbb\xbf{}", "byte-order mark"),
        (b'{"title": "\xff"}', "not UTF-8"),
        (b" " * (300 * 1024), "larger than"),
        (b"[" * 50_000 + b"]" * 50_000, "nested too deeply"),
        (b"1" * 5000, "not valid JSON"),
    ],
)
def test_a_template_file_that_is_not_json(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "template.json"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=words):
        load_template(path)


def test_a_template_file_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "template.json"
    path.write_text(json.dumps(DEFAULT_TEMPLATE.to_dict()), encoding="utf-8")
    assert load_template(path) == DEFAULT_TEMPLATE
    with pytest.raises(ArgumentTypeError):
        load_template(5)  # type: ignore[arg-type]


def test_a_template_made_in_python_is_checked() -> None:
    with pytest.raises(ValidationError):
        AccountTemplate(title_da="T", items=[])
    with pytest.raises(ValidationError):
        AccountTemplate(title_da="T", items=[AccountItem(measure=Measure.CAVEATS)] * 2)
    with pytest.raises(ValidationError):
        AccountItem(measure="caveats")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        account_2026().to_text(template={"title": "T"})  # type: ignore[arg-type]


def test_texts_from_documents_are_terminal_safe() -> None:
    collaboration = attrs.evolve(
        EXAMPLE,
        title="Evil \x1b[2J title 0101011234 | *x*",
        tasks=tuple(attrs.evolve(t, title=f"{t.title}\u202e") for t in EXAMPLE.tasks),
    )
    account = account_2026(collaboration)
    for shown in (account.to_text(), account.to_markdown()):
        assert "\x1b" not in shown
        assert "\u202e" not in shown
        assert "0101011234" not in shown
    assert "\\| \\*x\\*" in account.to_markdown()


# -- the command line ------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_accounts_for_the_example() -> None:
    code, out, err = run("--lang", "da", "account", "--year", "2026")
    assert (code, err) == (0, "")
    assert out == account_2026().to_text(lang="da")
    code, out, _ = run("account", "--year", "2026", "--format", "markdown")
    assert code == 0
    assert "| April | 28.5 |" in out


def test_the_command_writes_json() -> None:
    code, out, _ = run("account", "--year", "2026", "--format", "json", "--association", CVR)
    assert code == 0
    [data] = json.loads(out)
    assert data == account_2026().to_dict()
    assert data["hours_total"] == 237


def test_the_command_writes_a_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "account.md"
    code, out, _ = run("account", "--year", "2026", "--format", "markdown", "-o", str(target))
    assert code == 0
    assert out == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8") == account_2026().to_markdown(lang="en")
    assert [p.name for p in tmp_path.iterdir()] == ["account.md"]  # no temporary file left
    code, _, err = run("account", "--year", "2026", "-o", str(tmp_path / "no" / "such.md"))
    assert code == 1
    assert "cannot write" in err


def test_the_command_refuses_to_overwrite_what_it_reads(tmp_path: Path) -> None:
    document = tmp_path / "c.json"
    frivillig.dump(EXAMPLE, document)
    before = document.read_bytes()
    code, _, err = run("account", str(document), "--year", "2026", "-o", str(document))
    assert code == 2
    assert document.read_bytes() == before
    template = tmp_path / "t.json"
    template.write_text(json.dumps(DEFAULT_TEMPLATE.to_dict()), encoding="utf-8")
    code, _, err = run(
        "account", "--year", "2026", "--template", str(template), "-o", str(template)
    )
    assert code == 2
    assert "template" in err


def test_the_command_reads_a_template(tmp_path: Path) -> None:
    template = tmp_path / "t.json"
    template.write_text(
        json.dumps({"title": {"da": "Timer"}, "items": [{"measure": "hours_total"}]}),
        encoding="utf-8",
    )
    code, out, _ = run("--lang", "da", "account", "--year", "2026", "--template", str(template))
    assert code == 0
    assert out.splitlines()[0] == "Timer"
    assert "Frivillige timer i alt: 237" in out
    template.write_text(json.dumps({"title": {"da": "T"}, "items": [{"measure": "x"}]}))
    code, out, err = run("account", "--year", "2026", "--template", str(template))
    assert (code, out) == (1, "")
    assert "$.items[0].measure: 'x' is not one of" in err
    code, _, err = run("account", "--year", "2026", "--template", str(tmp_path / "none.json"))
    assert code == 1
    assert "cannot be read" in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--year", "2025"], 1),
        (["--year", "2026", "--association", "nobody"], 1),
        (["--year", "2026", "--municipality", "147"], 1),
        (["--year", "2026", "--municipality", "0101"], 0),
        (["--year", "2026", "--municipality", "999"], 2),
        (["--year", "twenty"], 2),
        (["--year", "1800"], 2),
        ([], 2),
        (["--year", "2026", "--format", "pdf"], 2),
    ],
)
def test_the_exit_codes(argv: list[str], expected: int) -> None:
    code, _, _ = run("account", *argv)
    assert code == expected


def test_the_command_reports_a_bad_document(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, out, err = run("account", str(bad), "--year", "2026")
    assert (code, out) == (1, "")
    assert "bad.json" in err


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(DRAWN)
def test_the_command_prints_no_volunteer_id(drawn: Collaboration) -> None:
    collaboration, ids = renamed(drawn)
    year = years_of(collaboration)[0]
    expected = association_accounts(collaboration, year=year)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.json"
        path.write_text(frivillig.dumps(collaboration), encoding="utf-8")
        for form in ("text", "markdown", "json"):
            code, out, err = run("account", str(path), "--year", str(year), "--format", form)
            assert code == (0 if expected else 1), err
            assert not [i for i in ids if i in out or i in err]
            if form == "json" and expected:
                assert json.loads(out) == [account.to_dict() for account in expected]
