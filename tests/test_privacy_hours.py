"""Time logs are personal data: what `redact` and `pseudonymise` do to them."""

import math

import attrs
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import frivillig
from frivillig import (
    REDACTION,
    Collaboration,
    FieldTreatment,
    Portfolio,
    TimeLog,
    cpr_problems,
    personal_fields,
    pseudonym,
    pseudonymise,
    redact,
)
from frivillig import strategies as fs

KEY = bytes(range(32))
OTHER_KEY = bytes(range(100, 132))
EXAMPLE = frivillig.load_example()


def _clean(obj: Collaboration | Portfolio) -> bool:
    return not cpr_problems(obj)


def test_the_hours_of_a_time_log_are_personal() -> None:
    assert personal_fields(TimeLog) == ("hours",)
    log = EXAMPLE.time_logs[0]
    assert str(log.hours) not in repr(log)


# -- redact --------------------------------------------------------------------------------


def test_redact_lists_and_drops_the_time_logs_of_the_example() -> None:
    assert len(EXAMPLE.time_logs) == 41
    assert REDACTION["$.time_logs"] is FieldTreatment.DROPPED
    shared = redact(EXAMPLE)
    assert shared.time_logs == ()
    assert frivillig.to_dict(shared)["time_logs"] == []
    assert frivillig.validate(shared) == shared
    # The plan of each task stays: its hours a week are no one's hours.
    assert [t.hours_per_week for t in shared.tasks] == [t.hours_per_week for t in EXAMPLE.tasks]


@settings(max_examples=60, deadline=None)
@given(collaboration=fs.collaborations(max_time_logs=6))
def test_redact_removes_every_time_log(collaboration: Collaboration) -> None:
    assume(_clean(collaboration))
    shared = redact(collaboration)
    assert shared.time_logs == ()
    assert frivillig.validate(shared) == shared
    assert frivillig.loads(frivillig.dumps(shared)) == shared


@settings(max_examples=25, deadline=None)
@given(portfolio=fs.portfolios(max_size=3))
def test_redact_removes_the_time_logs_of_every_collaboration_of_a_portfolio(
    portfolio: Portfolio,
) -> None:
    assume(_clean(portfolio))
    shared = redact(portfolio)
    assert all(c.time_logs == () for c in shared.collaborations)


# -- pseudonymise --------------------------------------------------------------------------


def test_pseudonymise_renames_the_volunteer_of_each_log_of_the_example() -> None:
    export = pseudonymise(EXAMPLE, key=KEY)
    assert len(export.time_logs) == len(EXAMPLE.time_logs) == 41
    ids = {v.id for v in export.volunteers}
    for before, after in zip(EXAMPLE.time_logs, export.time_logs, strict=True):
        assert after.volunteer == pseudonym(before.volunteer, key=KEY)
        assert after.volunteer in ids
        assert (after.task, after.month, after.hours) == (before.task, before.month, before.hours)
    assert frivillig.validate(export) == export
    text = frivillig.dumps(export)
    assert not any(f'"v0{n}"' in text for n in range(1, 6))
    # The hours still add up as before.
    total = math.fsum(log.hours for log in EXAMPLE.time_logs)
    assert math.fsum(log.hours for log in export.time_logs) == total


def test_the_docstrings_say_what_happens_to_time_logs() -> None:
    assert "time log" in (pseudonymise.__doc__ or "")
    assert "time log" in (redact.__doc__ or "")


@settings(max_examples=60, deadline=None)
@given(
    collaboration=fs.collaborations(max_time_logs=6),
    keep=st.sets(st.sampled_from(personal_fields(frivillig.Volunteer)), max_size=3),
)
def test_pseudonymise_renames_log_volunteers_as_their_volunteers_and_nothing_else(
    collaboration: Collaboration, keep: set[str]
) -> None:
    assume(_clean(collaboration))
    export = pseudonymise(collaboration, key=KEY, keep=keep)
    renamed = {
        before.id: after.id
        for before, after in zip(collaboration.volunteers, export.volunteers, strict=True)
    }
    assert len(export.time_logs) == len(collaboration.time_logs)
    for before, after in zip(collaboration.time_logs, export.time_logs, strict=True):
        # The log's volunteer is renamed exactly as the volunteer it names ...
        assert after.volunteer == renamed[before.volunteer]
        # ... and nothing else in the log changes.
        assert attrs.evolve(after, volunteer=before.volunteer) == before
    # The collaboration stays valid: every log points at a volunteer who is there.
    assert frivillig.validate(export) == export
    assert frivillig.loads(frivillig.dumps(export)) == export


@settings(max_examples=25, deadline=None)
@given(portfolio=fs.portfolios(max_size=3))
def test_log_pseudonyms_are_the_same_across_a_portfolio_and_change_with_the_key(
    portfolio: Portfolio,
) -> None:
    assume(_clean(portfolio))
    export = pseudonymise(portfolio, key=KEY)
    other = pseudonymise(portfolio, key=OTHER_KEY)
    for before, after, again in zip(
        portfolio.collaborations, export.collaborations, other.collaborations, strict=True
    ):
        for old, new, moved in zip(before.time_logs, after.time_logs, again.time_logs, strict=True):
            assert new.volunteer == pseudonym(old.volunteer, key=KEY)
            assert moved.volunteer == pseudonym(old.volunteer, key=OTHER_KEY)
            assert new.volunteer != moved.volunteer
