"""The evaluation health score, instrument lookup and the level held between rounds."""

import datetime as dt
import math
import statistics
from collections.abc import Mapping

from .._core.paths import render_path
from .._model.collaboration import Collaboration
from .._model.evaluation import EvaluationRound
from ..errors import Problem, ValidationError
from ..schedules import (
    DueState,
    evaluation_status,
)
from .instruments import (
    Aggregation,
    Instrument,
    InstrumentMeasure,
    InstrumentResult,
    Note,
    _checked_values,
    built_in_instrument,
    get_instrument,
    score_answers_at,
)
from .score import (
    HIGH,
    LOW,
    Score,
    ScorePart,
    _fixed_part,
    _likert,
    _number,
    _part,
    _score,
    _unknown_part,
)
from .settings import (
    ScoreSettings,
    _check_arguments,
    _check_today,
)

# -- evaluation health -------------------------------------------------------------------


def _ordered_rounds(collaboration: Collaboration) -> list[tuple[int, EvaluationRound]]:
    return sorted(enumerate(collaboration.rounds), key=lambda pair: (pair[1].held_on, pair[1].id))


def _known_instrument(
    instrument_id: str, instruments: Mapping[str, Instrument] | None
) -> Instrument | None:
    """The instrument ``resolve_instrument`` finds, or ``None`` where it raises."""
    if instruments and instrument_id in instruments:
        return instruments[instrument_id]
    return built_in_instrument(instrument_id)


def resolve_instrument(
    instrument_id: str, instruments: Mapping[str, Instrument] | None, path: str
) -> Instrument:
    """Find an instrument by id among the given ones, then the built-in ones."""
    if instruments and instrument_id in instruments:
        return instruments[instrument_id]
    try:
        return get_instrument(instrument_id)
    except ValidationError:
        raise ValidationError(
            [
                Problem(
                    path=path,
                    message=f"instrument {instrument_id!r} is neither built in nor given in "
                    "the settings",
                    code="reference",
                )
            ]
        ) from None


def round_instrument_results(
    collaboration: Collaboration,
    index: int,
    instruments: Mapping[str, Instrument] | None = None,
) -> list[tuple[str, Instrument, InstrumentResult]]:
    """Score every response with instrument answers in one round: (party, instrument, result)."""
    round_ = collaboration.rounds[index]
    results = []
    for s, response in enumerate(round_.responses):
        if response.instrument is None:
            continue
        base = ("rounds", index, "responses", s)
        instrument = _response_instrument(response.instrument, instruments, base)
        result = score_answers_at(instrument, response.answers, "$", (*base, "answers"))
        results.append((response.party, instrument, result))
    return results


def _response_instrument(
    instrument_id: str, instruments: Mapping[str, Instrument] | None, base: tuple[str | int, ...]
) -> Instrument:
    """The instrument a response at ``base`` names; its path is rendered only for an error."""
    instrument = _known_instrument(instrument_id, instruments)
    if instrument is None:
        instrument = resolve_instrument(
            instrument_id, instruments, render_path((*base, "instrument"))
        )
    return instrument


def _answered_bound(
    instrument: Instrument, answers: object, base: tuple[str | int, ...]
) -> tuple[float, float]:
    """One respondent's result as the least it could be, from 0 to 1, and the share answered.

    Each item's answer (reverse-coded items turned around) counts as its place on
    the scale, an unanswered item as 0, the bottom; each factor is the mean over
    all its items, and the result combines the factors as the instrument's
    overall score does. With every item answered it is the place of the overall
    score on its range (of the factors' mean place, without an overall score);
    leaving an answer out can only lower it. Answers that do not fit the
    instrument raise ``ValidationError`` at their paths, as scoring them does.
    """
    values = _checked_values(instrument, instrument.items, answers, "$", (*base, "answers"))
    scale = instrument.scale
    low, span = float(scale.minimum), float(scale.maximum - scale.minimum)
    by_items = (
        instrument.scoring.aggregation is Aggregation.SUM and instrument.scoring.overall
    )  # a prorated sum weighs each factor by its items
    weights: list[float] = []
    places: list[float] = []
    answered: list[float] = []
    for factor in instrument.factors:
        count = len(factor.items)
        given = [values[item.id] for item in factor.items if item.id in values]
        weight = float(count) if by_items else 1.0
        weights.append(weight)
        places.append(weight * math.fsum((value - low) / span for value in given) / count)
        answered.append(weight * len(given) / count)
    total = math.fsum(weights)
    return math.fsum(places) / total, math.fsum(answered) / total


def level_held(before: float, after: float) -> float:
    """How well a level was held from one round to the next, from 0 to 100.

    ``before`` and ``after`` are places on a 0-100 range. A level that held or
    rose counts as the level reached; one that fell counts as the level reached
    less the fall. So a steady high level scores as well as rising to it, and
    better than rising to a lower one; a fall always costs. Evaluation health's
    *trend* part and [`RoundSeries.held`][frivillig.RoundSeries.held] use it.
    """
    return min(max(min(after, 2 * after - before), LOW), HIGH)


def evaluation_health(
    collaboration: Collaboration,
    *,
    today: dt.date,
    settings: ScoreSettings | None = None,
) -> Score:
    """Score whether the collaboration is evaluated, on time, and satisfies every party.

    The talk: "evaluate continuously whether the chosen form satisfies both
    parties". The latest round held (by date) is judged for every party of the
    collaboration: a party that gave no satisfaction rating, or no answers to an
    instrument that assesses the collaboration, counts as the lowest until it
    does, so a missing answer never raises the score. The round before it gives
    the trend; the plan gives punctuality (see
    [`frivillig.schedules`][frivillig.schedules]).

    - *satisfaction* (0.25): the parties' mean satisfaction (1-5).
    - *least satisfied party* (0.15): the lowest satisfaction (1-5); unknown
      while a party has not rated.
    - *trend* (0.15): how well the mean satisfaction held since the round before
      (see [`level_held`][frivillig.level_held]): the level reached, less any
      fall. A steady high level scores as well as rising to it. A party that did
      not rate the round before counts as having been fully satisfied then, so
      a missing rating never hides a fall.
    - *punctuality* (0.25): the share of due dates so far covered on time, a
      late round counting ``late_credit`` (0 without a plan).
    - *instrument results* (0.2): each party's answers to an instrument that
      assesses the collaboration (its ``measures`` is ``collaboration`` or
      ``satisfaction``: not the VFI's volunteer motives), as a share of the
      instrument's range, an unanswered item counting as the bottom.

    Satisfaction, trend and instrument results do not apply before a round is
    held (the trend, before two are); punctuality, before a due date has passed.

    Args:
        collaboration: The collaboration.
        today: The day to judge punctuality on, a ``datetime.date`` (a
            ``datetime`` is refused: say which day with ``.date()``).
        settings: The settings; the defaults when ``None``.

    Returns:
        The score, with its five parts; the parties' latest satisfaction as notes.

    Raises:
        ValidationError: a response names an instrument that is neither built
            in nor in ``settings.instruments``, or its answers do not fit the
            instrument.
        ArgumentTypeError: ``today`` is not a ``datetime.date`` (a ``datetime``
            included), or an argument has the wrong type: a programming mistake.
    """
    _check_today(today)
    settings = _check_arguments(collaboration, settings)
    ordered = _ordered_rounds(collaboration)
    parties = sorted(collaboration.party_ids)
    n = len(parties)
    notes: list[Note] = []
    labels_satisfaction = ("tilfredshed", "satisfaction")
    labels_least = ("mindst tilfredse part", "least satisfied party")
    labels_trend = ("udvikling", "trend")
    if not ordered or not n:
        none = (
            ("der er endnu ikke holdt nogen runde", "no round has been held yet")
            if n
            else ("samarbejdet har ingen parter", "the collaboration has no parties")
        )
        satisfaction = _part("satisfaction", labels_satisfaction, None, 0.25, none)
        least = _part("least_satisfied", labels_least, None, 0.15, none)
    else:
        latest = ordered[-1][1]
        marks = _marks(latest, parties)
        satisfaction, least = _satisfaction_parts(latest, marks, parties)
        if marks:
            notes.append(
                Note(
                    da="Tilfredshed i seneste runde: "
                    + ", ".join(f"{party} {marks[party]}" for party in sorted(marks)),
                    en="Satisfaction in the latest round: "
                    + ", ".join(f"{party} {marks[party]}" for party in sorted(marks)),
                )
            )
    if len(ordered) >= 2 and n:
        trend = _trend_part(ordered[-2][1], ordered[-1][1], parties)
    else:
        trend = _part(
            "trend",
            labels_trend,
            None,
            0.15,
            ("færre end to runder er holdt", "fewer than two rounds have been held"),
        )
    punctuality = _punctuality(collaboration, today, settings)
    instrument = _instrument_part(collaboration, ordered, parties, settings)
    return _score(
        "evaluation_health",
        "Evalueringens sundhed",
        "Evaluation health",
        [satisfaction, least, trend, punctuality, instrument],
        notes,
    )


def _marks(round_: EvaluationRound, parties: list[str]) -> dict[str, int]:
    """The satisfaction of each party that rated in the round."""
    wanted = set(parties)
    return {
        r.party: r.satisfaction
        for r in round_.responses
        if r.satisfaction is not None and r.party in wanted
    }


def _satisfaction_parts(
    latest: EvaluationRound, marks: dict[str, int], parties: list[str]
) -> tuple[ScorePart, ScorePart]:
    n, k = len(parties), len(marks)
    where = (
        f"i runden {latest.id} ({latest.held_on.isoformat()})",
        f"in round {latest.id} ({latest.held_on.isoformat()})",
    )
    labels_satisfaction = ("tilfredshed", "satisfaction")
    labels_least = ("mindst tilfredse part", "least satisfied party")
    if not k:
        none = (
            f"ingen part har vurderet sin tilfredshed {where[0]}",
            f"no party rated its satisfaction {where[1]}",
        )
        return (
            _unknown_part("satisfaction", labels_satisfaction, None, 0.25, none, 0.0),
            _unknown_part("least_satisfied", labels_least, None, 0.15, none, 0.0),
        )
    mean = statistics.fmean(marks.values())
    missing = [party for party in parties if party not in marks]
    explanation = (
        f"gennemsnit {_number(mean, 'da', 2)} på 1-5 fra {k} parter {where[0]}",
        f"mean {_number(mean, 'en', 2)} on 1-5 from {k} parties {where[1]}",
    )
    if missing:
        explanation = (
            f"{explanation[0]}; {', '.join(missing)} har ikke vurderet, og en manglende "
            "vurdering tæller som 1, indtil den gives",
            f"{explanation[1]}; {', '.join(missing)} did not rate, and a missing rating counts "
            "as 1 until it is given",
        )
    satisfaction = _unknown_part(
        "satisfaction",
        labels_satisfaction,
        math.fsum(_likert(mark) for mark in marks.values()) / n,
        0.25,
        explanation,
        k / n,
    )
    lowest_mark = min(marks.values())
    lowest = sorted(party for party, mark in marks.items() if mark == lowest_mark)
    if missing:
        least = _unknown_part(
            "least_satisfied",
            labels_least,
            None,
            0.15,
            (
                f"{', '.join(missing)} har ikke vurderet, så den mindst tilfredse part kendes "
                f"ikke (lavest af de øvrige: {', '.join(lowest)}, {lowest_mark})",
                f"{', '.join(missing)} did not rate, so the least satisfied party is not known "
                f"(lowest of the others: {', '.join(lowest)}, {lowest_mark})",
            ),
            k / n,
        )
    else:
        least = _part(
            "least_satisfied",
            labels_least,
            _likert(lowest_mark),
            0.15,
            (
                f"{', '.join(lowest)}: {lowest_mark} på 1-5",
                f"{', '.join(lowest)}: {lowest_mark} on 1-5",
            ),
        )
    return satisfaction, least


def _trend_part(before: EvaluationRound, after: EvaluationRound, parties: list[str]) -> ScorePart:
    """The level held from the round before to the latest, the unknown counted against it."""
    n = len(parties)
    marks_before, marks_after = _marks(before, parties), _marks(after, parties)
    # The least the latest level could be, and the most the earlier one could have been.
    reached = math.fsum(_likert(mark) for mark in marks_after.values()) / n
    was = (
        math.fsum(_likert(mark) for mark in marks_before.values()) + HIGH * (n - len(marks_before))
    ) / n
    coverage = (len(marks_before) + len(marks_after)) / (2 * n)
    if marks_before and marks_after:
        mean_before = statistics.fmean(marks_before.values())
        mean_after = statistics.fmean(marks_after.values())
        da_before, da_after = _number(mean_before, "da", 2), _number(mean_after, "da", 2)
        en_before, en_after = _number(mean_before, "en", 2), _number(mean_after, "en", 2)
        if mean_after < mean_before:
            da = f"gennemsnittet faldt fra {da_before} til {da_after}: niveauet minus faldet"
            en = f"the mean fell from {en_before} to {en_after}: the level reached, less the fall"
        elif mean_after > mean_before:
            da = f"gennemsnittet steg fra {da_before} til {da_after}: det nåede niveau tæller"
            en = f"the mean rose from {en_before} to {en_after}: the level reached counts"
        else:
            da = f"gennemsnittet holdt sig på {da_after}: et stabilt niveau tæller som niveauet"
            en = f"the mean held at {en_after}: a steady level counts as the level held"
    else:
        da = "en af de to seneste runder har ingen vurderinger af tilfredsheden"
        en = "one of the last two rounds has no satisfaction ratings"
    if coverage < 1:
        da += "; en part, der ikke vurderede, tæller som 1 i seneste runde og 5 i runden før"
        en += "; a party that did not rate counts as 1 in the latest round and 5 in the one before"
    return _unknown_part(
        "trend", ("udvikling", "trend"), level_held(was, reached), 0.15, (da, en), coverage
    )


def _punctuality(
    collaboration: Collaboration, today: dt.date | dt.datetime, settings: ScoreSettings
) -> ScorePart:
    labels = ("rettidighed", "punctuality")
    plan = collaboration.evaluation_plan
    if plan is None:
        return _fixed_part(
            "punctuality",
            labels,
            0.0,
            0.25,
            ("der er ingen evalueringsplan", "there is no evaluation plan"),
        )
    status = evaluation_status(
        plan, collaboration.rounds, today=today, tolerance=settings.tolerance
    )
    states = [entry.state for entry in status.due]
    held = states.count(DueState.HELD)
    late = states.count(DueState.HELD_LATE)
    failed = states.count(DueState.MISSED) + states.count(DueState.OVERDUE)
    judged = held + late + failed
    if not judged:
        return _part(
            "punctuality",
            labels,
            None,
            0.25,
            ("ingen evaluering er forfalden endnu", "no evaluation is due yet"),
        )
    value = (held + settings.late_credit * late) / judged * HIGH
    return _part(
        "punctuality",
        labels,
        value,
        0.25,
        (
            f"af {judged} forfaldne runder: {held} til tiden, {late} for sent, "
            f"{failed} sprunget over eller overskredet",
            f"of {judged} rounds due: {held} on time, {late} late, {failed} missed or overdue",
        ),
    )


def _instrument_part(
    collaboration: Collaboration,
    ordered: list[tuple[int, EvaluationRound]],
    parties: list[str],
    settings: ScoreSettings,
) -> ScorePart:
    labels = ("resultater af spørgeskema", "instrument results")
    if not ordered or not parties:
        return _part(
            "instruments",
            labels,
            None,
            0.2,
            ("der er endnu ikke holdt nogen runde", "no round has been held yet"),
        )
    index, round_ = ordered[-1]
    wanted = set(parties)
    places: list[float] = []
    answered: list[float] = []
    counted: set[str] = set()
    others: set[tuple[str, InstrumentMeasure]] = set()
    for s_, response in enumerate(round_.responses):
        if response.instrument is None or response.party not in wanted:
            continue
        base = ("rounds", index, "responses", s_)
        instrument = _response_instrument(response.instrument, settings.instruments, base)
        if not instrument.measures.assesses_collaboration:
            others.add((instrument.id, instrument.measures))
            continue
        place, share = _answered_bound(instrument, response.answers, base)
        places.append(place)
        answered.append(share)
        counted.add(instrument.id)
    n = len(parties)
    value = math.fsum(places) / n * HIGH
    coverage = math.fsum(answered) / n
    names = ", ".join(sorted(counted))
    if places:
        explanation = (
            f"{len(places)} af {n} parter besvarede {names} i runden {round_.id}: i gennemsnit "
            f"{_number(value, 'da')} % af skalaen, når en part eller et udsagn uden svar "
            "tæller som bunden",
            f"{len(places)} of {n} parties answered {names} in round {round_.id}: on average "
            f"{_number(value, 'en')}% of the scale, a party or item without an answer counting "
            "as the bottom",
        )
    else:
        explanation = (
            f"ingen part besvarede et spørgeskema om samarbejdet i runden {round_.id}",
            f"no party answered an instrument that assesses the collaboration in round {round_.id}",
        )
    if others:
        ranked = sorted(others, key=lambda other: (other[0], other[1].value))
        shown_da = ", ".join(f"{id_} ({measures.da})" for id_, measures in ranked)
        shown_en = ", ".join(f"{id_} ({measures.en})" for id_, measures in ranked)
        explanation = (
            f"{explanation[0]}; svar på {shown_da} måler ikke samarbejdet og tæller ikke med",
            f"{explanation[1]}; answers to {shown_en} do not assess the collaboration and do "
            "not count",
        )
    return _unknown_part("instruments", labels, value, 0.2, explanation, coverage)
