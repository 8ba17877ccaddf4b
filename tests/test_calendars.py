"""Evaluation plans as calendars: the .ics file gives exactly the library's due dates."""

import datetime as dt
import io
import json
import zoneinfo
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frivillig
import frivillig.strategies as fst
from frivillig import calendars, schedules
from frivillig._cli import main
from frivillig.errors import ArgumentTypeError

icalendar = pytest.importorskip("icalendar")
recurring_ical_events = pytest.importorskip("recurring_ical_events")

TODAY = dt.date(2026, 11, 27)
EXAMPLE = frivillig.load_example()
YEARS = 5

# Hand-written rules: the daylight-saving changes in Europe/Copenhagen (the last Sundays
# of March and October), the 31st, the last Friday, weekly, a named time of day (one
# that does not exist on the day the clocks go forward), COUNT and UNTIL.
RULES = [
    "FREQ=MONTHLY;BYDAY=-1SU",
    "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=DAILY;BYMONTH=3,10",
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
    "FREQ=WEEKLY;BYDAY=SU;WKST=SU;INTERVAL=2",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1",
    "FREQ=MONTHLY;INTERVAL=3",
    "RRULE:FREQ=MONTHLY;INTERVAL=6;COUNT=7",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
    "FREQ=YEARLY;BYMONTH=3,9;BYDAY=-1FR;COUNT=4",
    "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30",
    "FREQ=DAILY;BYHOUR=23;BYMINUTE=30;INTERVAL=5",
    "FREQ=WEEKLY;BYDAY=SU;UNTIL=20271031",
    "FREQ=WEEKLY;BYDAY=SU;BYHOUR=10;UNTIL=20271031",
    "FREQ=MONTHLY;BYDAY=-1SU;UNTIL=20280326T020000",
    "freq=monthly;byday=1mo",
]
ZONES = ["Europe/Copenhagen", "Atlantic/Faroe", "America/Nuuk", "UTC", "Australia/Sydney"]


@st.composite
def plans(draw: st.DrawFn) -> frivillig.EvaluationPlan:
    """A plan from the strategies, or one of the hand-written rules from a drawn date."""
    if draw(st.booleans()):
        return draw(fst.evaluation_plans())
    return frivillig.EvaluationPlan(
        rrule=draw(st.sampled_from(RULES)),
        first_date=draw(st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31))),
        timezone=draw(st.sampled_from(ZONES)),
    )


def collaboration_with(
    plan: frivillig.EvaluationPlan | None, rounds: tuple[frivillig.EvaluationRound, ...] = ()
) -> frivillig.Collaboration:
    start = min([EXAMPLE.start_on] + ([plan.first_date] if plan else []))
    return attrs.evolve(EXAMPLE, evaluation_plan=plan, rounds=rounds, start_on=start)


def expanded(data: bytes, zone: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """The local dates of the file's occurrences from ``start`` up to (not including) ``end``."""
    tz = zoneinfo.ZoneInfo(zone)
    calendar = icalendar.Calendar.from_ical(data)
    found = recurring_ical_events.of(calendar).between(
        dt.datetime.combine(start, dt.time(), tzinfo=tz),
        dt.datetime.combine(end, dt.time(), tzinfo=tz),
    )
    days = [event["DTSTART"].dt.astimezone(tz) for event in found]
    assert all(moment.time() == calendars.EVENT_TIME for moment in days)
    return sorted(moment.date() for moment in days)


def expected(
    collaboration: frivillig.Collaboration, start: dt.date, end: dt.date, today: dt.date
) -> list[dt.date]:
    """The library's due dates over the span, less those a round has answered by ``today``."""
    plan = collaboration.evaluation_plan
    assert plan is not None
    due = schedules.due_dates(plan, since=start, until=end - dt.timedelta(days=1))
    status = schedules.evaluation_status(plan, collaboration.rounds, today=today)
    answered = {
        entry.due_on
        for entry in status.due
        if entry.state in (schedules.DueState.HELD, schedules.DueState.HELD_LATE)
    }
    return [day for day in due if day not in answered]


# -- (a) the file's occurrences are the library's due dates --------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans(), offset=st.integers(0, 400))
def test_expanding_the_file_gives_the_librarys_due_dates(
    plan: frivillig.EvaluationPlan, offset: int
) -> None:
    collaboration = collaboration_with(plan)
    data = calendars.to_ics(collaboration, today=TODAY)
    start = plan.first_date + dt.timedelta(days=offset)
    end = dt.date(start.year + YEARS, start.month, 1)
    assert expanded(data, plan.timezone, start, end) == expected(collaboration, start, end, TODAY)


@pytest.mark.parametrize("rule", RULES)
def test_every_hand_written_rule_across_the_changes_of_the_clocks(rule: str) -> None:
    plan = frivillig.EvaluationPlan(rrule=rule, first_date=dt.date(2026, 1, 1))
    collaboration = collaboration_with(plan)
    data = calendars.to_ics(collaboration, today=TODAY)
    start, end = plan.first_date, dt.date(2031, 1, 1)
    found = expanded(data, plan.timezone, start, end)
    assert found == expected(collaboration, start, end, TODAY)
    assert found  # every rule has dates in these five years


def test_the_days_the_clocks_change_are_kept() -> None:
    plan = frivillig.EvaluationPlan(rrule="FREQ=MONTHLY;BYDAY=-1SU", first_date=dt.date(2026, 1, 1))
    found = expanded(
        calendars.to_ics(collaboration_with(plan), today=TODAY),
        plan.timezone,
        dt.date(2026, 1, 1),
        dt.date(2027, 1, 1),
    )
    assert dt.date(2026, 3, 29) in found  # clocks forward
    assert dt.date(2026, 10, 25) in found  # clocks back
    assert len(found) == 12


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(collaboration=fst.collaborations(max_rounds=3), days=st.integers(0, 3000))
def test_rounds_held_take_their_due_dates_out(
    collaboration: frivillig.Collaboration, days: int
) -> None:
    plan = collaboration.evaluation_plan
    if plan is None:
        assert b"BEGIN:VEVENT" not in calendars.to_ics(collaboration, today=TODAY)
        return
    today = plan.first_date + dt.timedelta(days=days)
    data = calendars.to_ics(collaboration, today=today)
    start = plan.first_date
    end = dt.date(start.year + YEARS, start.month, 1)
    assert expanded(data, plan.timezone, start, end) == expected(collaboration, start, end, today)


def test_the_example_leaves_out_the_two_rounds_held() -> None:
    data = calendars.to_ics(EXAMPLE, today=TODAY)
    found = expanded(data, "Europe/Copenhagen", dt.date(2026, 1, 1), dt.date(2027, 7, 1))
    # Due every three months from 1 June 2026; rounds held for June and September.
    assert found == [dt.date(2026, 12, 1), dt.date(2027, 3, 1), dt.date(2027, 6, 1)]
    assert b"EXDATE;TZID=Europe/Copenhagen:20260601T090000,20260901T090000" in data
    # Judged before the rounds were held, nothing is left out.
    early = calendars.to_ics(EXAMPLE, today=dt.date(2026, 5, 1))
    assert b"EXDATE" not in early


# -- (b) deterministic bytes, a stable UID ---------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(plan=plans())
def test_the_same_input_gives_the_same_bytes(plan: frivillig.EvaluationPlan) -> None:
    collaboration = collaboration_with(plan)
    assert calendars.to_ics(collaboration, today=TODAY) == calendars.to_ics(
        collaboration_with(plan), today=TODAY
    )
    assert calendars.to_ics(collaboration) == calendars.to_ics(collaboration)


def uids(data: bytes) -> list[str]:
    calendar = icalendar.Calendar.from_ical(data)
    return [str(event["UID"]) for event in calendar.walk("VEVENT")]


def test_the_uid_is_stable_across_re_export() -> None:
    first = uids(calendars.to_ics(EXAMPLE, today=TODAY))
    assert first == ["kbh-valmuen-besoegsvenner.evaluation@frivillig"]
    changed = attrs.evolve(EXAMPLE, title="Et nyt navn", rounds=EXAMPLE.rounds[:1])
    later = calendars.to_ics(changed, today=TODAY + dt.timedelta(days=200))
    assert uids(later) == first
    assert b"Et nyt navn" in later


def test_an_id_shaped_like_a_cpr_number_is_hashed_in_letters() -> None:
    collaboration = attrs.evolve(EXAMPLE, id="211062-5629")
    data = calendars.to_ics(collaboration, today=TODAY)
    (uid,) = uids(data)
    assert uid.endswith(".evaluation@frivillig")
    assert uid.removesuffix(".evaluation@frivillig").isalpha()
    assert b"5629" not in data
    assert uids(calendars.to_ics(collaboration, today=TODAY)) == [uid]
    other = attrs.evolve(EXAMPLE, id="211062-5630")
    assert uids(calendars.to_ics(other, today=TODAY)) != [uid]


def test_dtstamp_comes_from_today_or_the_data_never_the_clock() -> None:
    event = icalendar.Calendar.from_ical(calendars.to_ics(EXAMPLE, today=TODAY)).walk("VEVENT")[0]
    assert event["DTSTAMP"].dt == dt.datetime(2026, 11, 27, tzinfo=dt.UTC)
    event = icalendar.Calendar.from_ical(calendars.to_ics(EXAMPLE)).walk("VEVENT")[0]
    assert event["DTSTAMP"].dt == dt.datetime(2026, 9, 2, tzinfo=dt.UTC)  # the last round


def test_the_calendar_has_its_header_time_zone_and_danish_text() -> None:
    data = calendars.to_ics(EXAMPLE, today=TODAY)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["PRODID"]) == f"-//frivillig//frivillig {frivillig.__version__}//DA"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Evaluering: Besøgsvenner på Plejecenter Valmuen"
    assert "hver tredje måned fra 1. juni 2026" in str(event["DESCRIPTION"])
    assert b"DTSTART;TZID=Europe/Copenhagen:20260601T090000" in data
    assert b"RRULE:FREQ=MONTHLY;INTERVAL=3;WKST=MO" in data


def test_control_characters_and_cpr_numbers_do_not_reach_the_text() -> None:
    collaboration = attrs.evolve(EXAMPLE, title="Valmuen\u202e 211062-5629 \x1b[2J")
    data = calendars.to_ics(collaboration, today=TODAY)
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    for name in ("SUMMARY", "DESCRIPTION", "X-WR-CALNAME"):
        text = str(event.get(name) or icalendar.Calendar.from_ical(data)[name])
        assert "5629" not in text
        assert "\x1b" not in text
        assert "\u202e" not in text
    assert "[CPR]" in str(event["SUMMARY"])


def test_an_until_becomes_utc_and_keeps_the_last_date() -> None:
    plan = frivillig.EvaluationPlan(
        rrule="FREQ=WEEKLY;BYDAY=SU;UNTIL=20271031", first_date=dt.date(2026, 1, 1)
    )
    data = calendars.to_ics(collaboration_with(plan), today=TODAY)
    assert b"UNTIL=20271031T080000Z" in data  # 09:00 in Copenhagen, winter time again
    found = expanded(data, plan.timezone, dt.date(2027, 10, 1), dt.date(2028, 1, 1))
    assert found[-1] == dt.date(2027, 10, 31)


def test_a_plan_in_utc_needs_no_time_zone() -> None:
    plan = frivillig.EvaluationPlan(
        rrule="FREQ=YEARLY", first_date=dt.date(2026, 9, 1), timezone="UTC"
    )
    data = calendars.to_ics(collaboration_with(plan), today=TODAY)
    assert b"DTSTART:20260901T090000Z" in data
    assert b"BEGIN:VTIMEZONE" not in data


# -- (c) a portfolio ---------------------------------------------------------------------------


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fst.portfolios(max_size=4))
def test_a_portfolio_gives_one_event_per_planned_collaboration(
    portfolio: frivillig.Portfolio,
) -> None:
    data = calendars.to_ics(portfolio, today=TODAY)
    calendar = icalendar.Calendar.from_ical(data)
    planned = [c for c in portfolio.collaborations if c.evaluation_plan is not None]
    assert len(calendar.walk("VEVENT")) == len(planned)
    assert len(set(uids(data))) == len(planned)
    zones = {c.evaluation_plan.timezone for c in planned if c.evaluation_plan} - {"UTC"}
    assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} == zones


def test_a_collaboration_without_a_plan_has_no_event() -> None:
    data = calendars.to_ics(collaboration_with(None), today=TODAY)
    assert b"BEGIN:VCALENDAR" in data
    assert b"BEGIN:VEVENT" not in data


def test_write_ics_writes_the_same_bytes_whole(tmp_path: Path) -> None:
    portfolio = frivillig.Portfolio(id="p", title="Valby", collaborations=(EXAMPLE,))
    path = tmp_path / "plan.ics"
    calendars.write_ics(portfolio, path, today=TODAY)
    assert path.read_bytes() == calendars.to_ics(portfolio, today=TODAY)
    assert list(tmp_path.iterdir()) == [path]
    with pytest.raises(FileNotFoundError):
        calendars.write_ics(portfolio, tmp_path / "missing" / "plan.ics", today=TODAY)


@pytest.mark.parametrize("bad", [dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC), "2026-11-27", 5])
def test_today_must_be_a_date(bad: object) -> None:
    with pytest.raises(ArgumentTypeError):
        calendars.to_ics(EXAMPLE, today=bad)  # type: ignore[arg-type]


def test_obj_must_be_a_collaboration_or_a_portfolio(tmp_path: Path) -> None:
    with pytest.raises(ArgumentTypeError, match="from_dict"):
        calendars.to_ics(frivillig.to_dict(EXAMPLE))  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        calendars.write_ics(EXAMPLE, 5, today=TODAY)  # type: ignore[arg-type]


def test_a_missing_icalendar_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(frivillig.records.MissingExtraError, match=r"frivillig\[ics\]"):
        calendars.to_ics(EXAMPLE, today=TODAY)


# -- (d) the command line ------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_schedule_ics_writes_a_file_icalendar_reads(tmp_path: Path) -> None:
    path = tmp_path / "plan.ics"
    code, out, err = run("schedule", "--ics", "-o", str(path), "--today", TODAY.isoformat())
    assert code == 0, err
    assert out == f"wrote {path} (1 event)\n"
    data = path.read_bytes()
    assert data == calendars.to_ics(EXAMPLE, today=TODAY)
    assert len(icalendar.Calendar.from_ical(data).walk("VEVENT")) == 1


def test_schedule_ics_to_standard_output(tmp_path: Path) -> None:
    code, out, _ = run("schedule", "--ics", "--today", TODAY.isoformat())
    assert code == 0
    assert out == calendars.to_ics(EXAMPLE, today=TODAY).decode().replace("\r\n", "\n")
    assert len(icalendar.Calendar.from_ical(out).walk("VEVENT")) == 1


def test_schedule_ics_of_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    frivillig.dump(EXAMPLE, folder / "a.json")
    frivillig.dump(collaboration_with(None), folder / "b.json")  # the same id again
    (folder / "c.json").write_text(json.dumps({"type": "collaboration"}), encoding="utf-8")
    path = tmp_path / "plan.ics"
    code, out, err = run("schedule", str(folder), "--ics", "-o", str(path), "--today", "2026-11-27")
    assert code == 1  # c.json is not valid; the others are written
    assert "c.json is not valid" in err
    assert "b.json is not valid" in err  # the reader refuses an id seen before
    assert path.exists()
    assert out.startswith(f"wrote {path}")


def test_schedule_ics_usage_and_problems(tmp_path: Path) -> None:
    source = tmp_path / "c.json"
    frivillig.dump(EXAMPLE, source)
    assert run("schedule", "-o", str(tmp_path / "x.ics"))[0] == 2  # -o without --ics
    assert run("schedule", str(source), "--ics", "-o", str(source))[0] == 2  # over the input
    assert source.read_bytes() == frivillig.dumps(EXAMPLE).encode() or source.exists()
    assert run("schedule", "--ics", "--today", "27-11-2026")[0] == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = run("schedule", str(bad), "--ics", "-o", str(tmp_path / "y.ics"))
    assert code == 1
    assert not (tmp_path / "y.ics").exists()
    code, _, err = run("schedule", "--ics", "-o", str(tmp_path / "no" / "plan.ics"))
    assert code == 1
    assert "cannot write" in err
    code, _, err = run("--lang", "da", "schedule", "--ics", "--example", "limits_broken")
    assert code == 0
    assert "evalueringsplan" in err
