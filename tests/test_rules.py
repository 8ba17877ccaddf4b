"""The rule model: severities, rules, settings, rulebooks, findings and reports."""

import datetime as dt
import json
from collections.abc import Iterator

import attrs
import pytest

import frivillig
from frivillig import (
    DEFAULT_RULEBOOK,
    CheckSettings,
    Evidence,
    Finding,
    Hit,
    Report,
    Rule,
    RuleContext,
    Severity,
    Source,
    SourceKind,
    ValidationError,
    check,
    check_portfolio,
)

TODAY = dt.date(2026, 10, 15)
SOURCE = Source(kind=SourceKind.PRACTICE, citation="Eksempel Kommune", evidence=Evidence.SECONDARY)


def broken() -> frivillig.Collaboration:
    return frivillig.load_example("limits_broken")


def every_task(context: RuleContext) -> Iterator[Hit]:
    """A municipality's own rule: point at every task."""
    for index, task in enumerate(context.collaboration.tasks):
        yield Hit(
            paths=[("tasks", index), "$.volunteers"],
            message_da=f"Opgave {task.id}",
            message_en=f"Task {task.id}",
            reason="every_task",
        )


def own_rule(**changes: object) -> Rule:
    fields: dict[str, object] = {
        "code": "KK201",
        "name": "every-task",
        "severity": Severity.INFO,
        "title_da": "Hver opgave",
        "title_en": "Every task",
        "rationale": "A test rule that points at every task.",
        "sources": [SOURCE],
        "check": every_task,
    }
    fields.update(changes)
    return Rule(**fields)  # type: ignore[arg-type]


# -- severity ----------------------------------------------------------------------


def test_severities_are_ordered_error_over_warning_over_info() -> None:
    assert Severity.ERROR > Severity.WARNING > Severity.INFO
    assert sorted(Severity, reverse=True) == [Severity.ERROR, Severity.WARNING, Severity.INFO]
    assert Severity.ERROR.label("da") == "fejl"
    assert Severity("warning") is Severity.WARNING


# -- rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"code": "fr101"}, "$.code"),
        ({"code": "F101"}, "$.code"),
        ({"name": "Not Kebab"}, "$.name"),
        ({"name": "trailing-"}, "$.name"),
        ({"sources": []}, "$.sources"),
        ({"settings": ["no_such_setting"]}, "$.settings[0]"),
        ({"title_en": " "}, "$.title_en"),
    ],
)
def test_a_malformed_rule_is_rejected(changes: dict, path: str) -> None:
    with pytest.raises(ValidationError) as error:
        own_rule(**changes)
    assert error.value.problems[0].path == path


def test_a_rule_may_use_its_own_extra_settings() -> None:
    assert own_rule(settings=["extra.kk_limit"]).settings == ("extra.kk_limit",)


def test_rule_titles_and_source_text() -> None:
    rule = DEFAULT_RULEBOOK.rule("FR103")
    assert rule.title("da") == "Børneattest mangler eller kom for sent"
    assert rule.source_text == rule.sources[0].citation
    assert rule is DEFAULT_RULEBOOK.rule("child-certificate-missing")


# -- settings ----------------------------------------------------------------------


def test_every_setting_is_documented_with_its_evidence() -> None:
    doc = CheckSettings.__doc__ or ""
    for field in attrs.fields(CheckSettings):
        assert f"{field.name}:" in doc, field.name
        assert field.metadata["help"]
        assert isinstance(field.metadata["evidence"], Evidence)


def test_the_law_sets_no_renewal_interval_so_the_default_sets_none() -> None:
    settings = CheckSettings()
    assert settings.child_certificate_renewal_months is None
    assert settings.child_certificate_backstop_continuous_days == 7
    assert settings.benefit_free_hours_per_month == 44.0


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"min_key_persons": 0}, "$.min_key_persons"),
        ({"min_key_persons": 2.5}, "$.min_key_persons"),
        ({"min_key_persons": True}, "$.min_key_persons"),
        ({"dependence_share": 1.5}, "$.dependence_share"),
        ({"child_certificate_renewal_months": 0}, "$.child_certificate_renewal_months"),
        ({"child_certificate_before_start": {"regular"}}, "$.child_certificate_before_start"),
        ({"extra": {1: 2}}, "$.extra"),
    ],
)
def test_settings_out_of_range_are_rejected(changes: dict, path: str) -> None:
    with pytest.raises(ValidationError) as error:
        CheckSettings(**changes)
    assert error.value.problems[0].path == path


# -- rulebooks ---------------------------------------------------------------------


def test_a_rulebook_is_changed_by_copying_and_the_default_never_changes() -> None:
    book = (
        DEFAULT_RULEBOOK.disable("FR112", "no-purpose")
        .regrade("equality-risk", Severity.ERROR)
        .configure(min_key_persons=3)
        .add(own_rule())
    )
    assert not book.is_enabled("single-key-person")
    assert not book.is_enabled("FR114")
    assert book.severity("FR111") is Severity.ERROR
    assert book.settings.min_key_persons == 3
    assert "KK201" in book
    assert "every-task" in book
    assert len(book) == 18
    assert [rule.code for rule in book.enabled][-1] == "KK201"
    # The default is untouched.
    assert DEFAULT_RULEBOOK.disabled == frozenset()
    assert DEFAULT_RULEBOOK.severity("FR111") is Severity.WARNING
    assert DEFAULT_RULEBOOK.settings == CheckSettings()
    assert len(DEFAULT_RULEBOOK) == 17
    # Enabling again, and running only some rules.
    assert book.enable("FR112").is_enabled("FR112")
    assert [rule.code for rule in DEFAULT_RULEBOOK.only("FR113", "FR101").enabled] == [
        "FR101",
        "FR113",
    ]


@pytest.mark.parametrize(
    "change",
    [
        lambda book: book.configure(min_key_persons=-1),
        lambda book: book.add(own_rule(code="FR101")),
        lambda book: book.add(own_rule(name="goals-not-agreed")),
    ],
)
def test_a_bad_rulebook_change_raises_a_validation_error(change: object) -> None:
    # A value a field of the settings or the rulebook refuses: a FieldError, as in any object.
    with pytest.raises(frivillig.FieldError):
        change(DEFAULT_RULEBOOK)  # type: ignore[operator]


@pytest.mark.parametrize(
    "change",
    [
        lambda book: book.disable("FR999"),
        lambda book: book.rule("no-such-rule"),
        lambda book: book.regrade("FR101", "fatal"),
        lambda book: book.configure(no_such_setting=1),
    ],
)
def test_asking_for_what_the_rulebook_does_not_have_is_a_usage_error(change: object) -> None:
    # A code, a name, a severity or a setting that does not exist is a mistake in the
    # calling code, as a misspelt keyword argument is: not bad data.
    with pytest.raises(frivillig.ArgumentValueError) as caught:
        change(DEFAULT_RULEBOOK)  # type: ignore[operator]
    assert not isinstance(caught.value, ValidationError)


def test_check_uses_the_rulebook_severity_and_settings() -> None:
    book = DEFAULT_RULEBOOK.only("FR112").regrade("FR112", "error").configure(min_key_persons=2)
    report = check(broken(), today=TODAY, rulebook=book)
    assert [f.severity for f in report] == [Severity.ERROR]
    assert not report.passes
    # settings= replaces the rulebook's settings.
    lenient = attrs.evolve(book.settings, min_key_persons=1)
    assert len(check(broken(), today=TODAY, rulebook=book, settings=lenient)) == 0


def test_a_municipalitys_own_rule_runs_like_a_built_in_one() -> None:
    report = check(broken(), today=TODAY, rulebook=DEFAULT_RULEBOOK.only().add(own_rule()))
    assert report.rules == ("KK201",)
    assert [f.paths for f in report] == [
        ("$.tasks[0]", "$.volunteers"),
        ("$.tasks[1]", "$.volunteers"),
        ("$.tasks[2]", "$.volunteers"),
    ]
    assert {f.source for f in report} == {"Eksempel Kommune"}
    assert report.passes  # info only


def test_a_rule_that_yields_something_else_than_a_hit_is_reported() -> None:
    def wrong(context: RuleContext) -> Iterator[object]:
        yield "not a hit"

    book = DEFAULT_RULEBOOK.only().add(own_rule(check=wrong))
    with pytest.raises(frivillig.errors.RuleError, match="not a Hit") as caught:
        check(broken(), today=TODAY, rulebook=book)
    assert not isinstance(caught.value, ValidationError)  # the rule's code is wrong, not the data


# -- check's arguments -------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: check({"id": "x"}, today=TODAY),  # type: ignore[arg-type]
        lambda: check(broken(), today="2026-10-15"),  # type: ignore[arg-type]
        lambda: check(broken(), today=dt.datetime(2026, 10, 15, tzinfo=dt.UTC)),
        lambda: check(broken(), today=TODAY, rulebook="strict"),  # type: ignore[arg-type]
        lambda: check(broken(), today=TODAY, settings={"min_key_persons": 2}),  # type: ignore[arg-type]
        lambda: check_portfolio(broken(), today=TODAY),  # type: ignore[arg-type]
    ],
)
def test_wrong_arguments_raise_a_usage_error(call: object) -> None:
    with pytest.raises(frivillig.ArgumentTypeError) as error:  # the caller's mistake, not bad data
        call()  # type: ignore[operator]
    assert not isinstance(error.value, ValidationError)


# -- reports -----------------------------------------------------------------------


def test_findings_are_sorted_by_severity_then_code_then_path() -> None:
    report = check(broken(), today=TODAY)
    keys = [(-f.severity.rank, f.code) for f in report]
    assert keys == sorted(keys)
    goals = [f.paths for f in report if f.code == "FR107"]
    assert goals == sorted(goals)


def test_paths_sort_by_number_not_by_text() -> None:
    findings = [
        Finding(
            code="KK201",
            name="every-task",
            severity=Severity.INFO,
            message_da="x",
            message_en="x",
            paths=(f"$.tasks[{n}]",),
            source="s",
            reason="r",
        )
        for n in (10, 2, 1)
    ]
    report = Report(subject="x", today=TODAY, findings=tuple(findings))
    assert [f.paths[0] for f in report] == ["$.tasks[1]", "$.tasks[2]", "$.tasks[10]"]
    assert [f.paths[0] for f in report.filter(path="$.tasks[1]")] == ["$.tasks[1]"]


def test_passes_counts_and_summary() -> None:
    report = check(broken(), today=TODAY)
    assert not report.passes
    assert report.summary() == "FAILS: 13 errors, 10 warnings, 0 advice"
    assert report.summary("da") == "IKKE GODKENDT: 13 fejl, 10 advarsler, 0 råd"
    warnings = report.filter(severity="warning")
    assert warnings.passes
    assert len(warnings) == 10
    assert warnings.summary() == "PASSES: 0 errors, 10 warnings, 0 advice"
    one = report.filter(codes=["FR101"])
    assert one.summary() == "FAILS: 1 error, 0 warnings, 0 advice"


def test_filters_combine() -> None:
    report = check(broken(), today=TODAY)
    assert len(report.filter(min_severity="warning")) == 23
    assert len(report.filter(min_severity=Severity.ERROR)) == 13
    assert {f.code for f in report.filter(codes=["volunteer-fit", "FR101"])} == {"FR101", "FR113"}
    on_v04 = report.filter(path="$.volunteers[3]")
    assert [(f.code, f.reason) for f in on_v04] == [
        ("FR106", "allowance_from_municipality"),
        ("FR113", "benefit_hours"),
    ]
    assert all(not f.personal for f in report.filter(personal=False))
    # 3 child certificates, 1 undertaking, 1 allowance, benefit hours, hours over the offer.
    assert len(report.filter(personal=True)) == 7
    assert len(report.filter(collaboration="esbjerg-oest-lektier-og-weekendklub")) == 23
    assert len(report.filter(collaboration="other")) == 0
    with pytest.raises(frivillig.ArgumentValueError):
        report.filter(severity="fatal")


def test_text_rendering_is_grouped_by_severity_with_code_paths_message_and_source() -> None:
    text = check(broken(), today=TODAY).to_text()
    lines = text.splitlines()
    assert lines[0] == (
        "Collaboration 'esbjerg-oest-lektier-og-weekendklub': checked on 2026-10-15 (17 rules)"
    )
    assert lines[1] == "FAILS: 13 errors, 10 warnings, 0 advice"
    assert text.index("Errors (13)") < text.index("Warnings (10)")
    assert "Advice (" not in text
    block = text[text.index("  FR101") : text.index("  FR103")]
    assert "    at: $.tasks[1]\n" in block
    assert "    source: Forvaltningsretten" in block
    assert all(len(line) <= 100 for line in lines)
    danish = check(broken(), today=TODAY).to_text("da")
    assert "Fejl (13)" in danish
    assert "    sted: $.tasks[1]" in danish
    assert "kilde:" in danish


def test_an_empty_report_says_so() -> None:
    text = check(frivillig.load_example(), today=TODAY).to_text()
    assert "PASSES: 0 errors, 0 warnings, 0 advice" in text
    assert text.endswith("No findings.\n")


def test_json_rendering() -> None:
    report = check(broken(), today=TODAY)
    data = json.loads(report.to_json())
    assert data == report.to_dict()
    assert data["passes"] is False
    assert data["counts"] == {"error": 13, "warning": 10, "info": 0}
    assert data["today"] == "2026-10-15"
    first = data["findings"][0]
    assert first["code"] == "FR101"
    assert first["severity"] == "error"
    assert first["paths"] == ["$.tasks[1]"]
    assert set(first) == {
        "code",
        "name",
        "severity",
        "reason",
        "collaboration",
        "paths",
        "message_da",
        "message_en",
        "source",
        "personal",
    }


def test_messages_show_no_personal_values() -> None:
    c = broken()
    report = check(c, today=TODAY)
    v04 = c.volunteers[3]
    assert v04.hours_offered_per_week == 10
    for finding in report.filter(path="$.volunteers[3]"):
        for message in (finding.message_da, finding.message_en):
            assert "10 hours" not in message
            assert "2026-01-06" not in message
    assert "30_49" not in report.to_json()


# -- portfolios --------------------------------------------------------------------


def test_a_portfolio_report_is_the_collaborations_reports_with_rooted_paths() -> None:
    collaborations = (frivillig.load_example(), broken())
    portfolio = frivillig.Portfolio(id="p", title="Portefølje", collaborations=collaborations)
    report = check_portfolio(portfolio, today=TODAY)
    assert report.subject == "p"
    assert report.subject_type == "portfolio"
    alone = check(broken(), today=TODAY)
    assert [
        attrs.evolve(f, paths=tuple(p.replace("$.collaborations[1]", "$") for p in f.paths))
        for f in report
    ] == list(alone.findings)
    split = report.by_collaboration()
    assert list(split) == ["esbjerg-oest-lektier-og-weekendklub"]
    assert len(split["esbjerg-oest-lektier-og-weekendklub"]) == 23
    text = report.to_text()
    assert text.startswith("Portfolio 'p'")
    assert (
        "  FR101 authority-task-given-to-volunteers [in esbjerg-oest-lektier-og-weekendklub]"
        in text
    )


def test_an_empty_portfolio_passes() -> None:
    report = check_portfolio(frivillig.Portfolio(id="p", title="Tom"), today=TODAY)
    assert report.passes
    assert len(report) == 0
