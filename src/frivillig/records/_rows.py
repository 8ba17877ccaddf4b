"""The record functions that turn collaborations into rows, one function per record type."""

import datetime as dt
import math
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .._core.labels import Language
from .._model.collaboration import Collaboration
from .._model.hours import TimeLog
from .._model.portfolio import each_collaboration as _collaborations
from .._reference.municipalities import get_municipality
from ..errors import ArgumentValueError
from ._helpers import (
    _check_lang,
    _check_personal,
    _joined,
    _keys,
    _kinds,
    _label,
    _masked,
    _round_keys,
    _value,
)
from ._schema import SEPARATOR, Items, Record

# -- turning collaborations into rows ------------------------------------------------------


def collaboration_records(
    items: Items,
    *,
    lang: Language = "en",
    extra: Callable[[Collaboration], Mapping[str, Any]] | None = None,
) -> Iterator[Record]:
    """Yield one row per collaboration: what it is, where it stands, and counts of its parts.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).
        lang: The language of the ``*_label`` columns.
        extra: A function that returns more columns for a collaboration, added
            after the standard ones (for example its scores). Its names must not
            be those of [`COLLABORATION_COLUMNS`][frivillig.records.COLLABORATION_COLUMNS].

    Returns:
        An iterator of rows with the columns of ``COLLABORATION_COLUMNS``, then
        those ``extra`` returns.

    Raises:
        ArgumentTypeError: ``lang`` is not a string, or an item is not a
            collaboration or portfolio (met when read).
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``,
            or ``extra`` returns a standard column's name.
    """
    language = _check_lang(lang)
    return _masked(_collaboration_rows(items, language, extra))


def _collaboration_rows(
    items: Items, lang: Language, extra: Callable[[Collaboration], Mapping[str, Any]] | None
) -> Iterator[Record]:
    for c in _collaborations(items):
        kinds = _kinds(c)
        plan = c.evaluation_plan
        last = c.rounds[-1] if c.rounds else None
        shares = [
            p.budget_share_from_municipality
            for p in c.participants
            if p.budget_share_from_municipality is not None
        ]
        parties = c.party_ids
        row: Record = {
            **_keys(c),
            "municipality_name": get_municipality(c.municipality_code).name,
            "title": c.title,
            "status": c.status.value,
            "status_label": c.status.label(lang),
            "ended_from": _value(c.ended_from),
            "ended_from_label": _label(c.ended_from, lang),
            "formalisation": c.formalisation.value,
            "formalisation_label": c.formalisation.label(lang),
            "governance_mode": c.governance_mode.value,
            "governance_mode_label": c.governance_mode.label(lang),
            "welfare_role": c.welfare_role.value,
            "welfare_role_label": c.welfare_role.label(lang),
            "volunteer_model": c.volunteer_model.value,
            "volunteer_model_label": c.volunteer_model.label(lang),
            "start_on": c.start_on,
            "end_on": c.end_on,
            "initiator": c.initiator,
            "initiator_kind": _value(kinds.get(c.initiator or "")),
            "purposes": _joined(c.purposes),
            "purpose_count": len(c.purposes),
            "participant_count": len(c.participants),
            "goal_count": len(c.goals),
            "goals_agreed_by_all": sum(parties <= goal.agreed_by() for goal in c.goals),
            "task_count": len(c.tasks),
            "volunteer_count": len(c.volunteers),
            "responsibilities_held": len(c.responsibilities),
            "most_responsibilities_per_holder": _most_per_holder(c),
            "max_budget_share_from_municipality": max(shares) if shares else None,
            "has_agreement": c.agreement is not None,
            "agreement_signed_on": None if c.agreement is None else c.agreement.signed_on,
            "has_forum": c.forum is not None,
            "has_evaluation_plan": plan is not None,
            "evaluation_rrule": None if plan is None else plan.rrule,
            "first_evaluation_on": None if plan is None else plan.first_date,
            "round_count": len(c.rounds),
            "last_round_on": None if last is None else last.held_on,
            "last_decision": _value(None if last is None else last.decision),
            "last_decision_label": _label(None if last is None else last.decision, lang),
        }
        if extra is not None:
            more = extra(c)
            clash = sorted(set(more) & set(row))
            if clash:
                msg = f"extra returns {', '.join(clash)}, which are standard columns"
                raise ArgumentValueError(msg)
            row.update(more)
        yield row


def _most_per_holder(c: Collaboration) -> int | None:
    counts: dict[str, int] = {}
    for holder in c.responsibility_holders.values():
        counts[holder] = counts.get(holder, 0) + 1
    return max(counts.values(), default=None)


def participant_records(items: Items, *, lang: Language = "en") -> Iterator[Record]:
    """Yield one row per party to each collaboration: who it is and how it takes part.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).
        lang: The language of the ``*_label`` columns.

    Returns:
        An iterator of rows with the columns of
        [`PARTICIPANT_COLUMNS`][frivillig.records.PARTICIPANT_COLUMNS].

    Raises:
        ArgumentTypeError: ``lang`` is not a string, or an item is not a
            collaboration or portfolio (met when read).
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.
    """
    language = _check_lang(lang)
    return _masked(_participant_rows(items, language))


def _participant_rows(items: Items, lang: Language) -> Iterator[Record]:
    for c in _collaborations(items):
        held: dict[str, list[str]] = {}
        for task, holder in c.responsibilities.items():
            held.setdefault(holder, []).append(task.value)
        for p in c.participants:
            kind = p.actor.kind
            readiness = p.readiness
            yield {
                **_keys(c),
                "party_id": p.id,
                "actor_kind": kind.value,
                "actor_kind_label": kind.label(lang),
                "sector": kind.sector.value,
                "sector_label": kind.sector.label(lang),
                "actor_name": p.actor.name,
                "cvr": getattr(p.actor, "cvr", None),
                "roles": _joined(p.roles),
                "resources": _joined(p.resources),
                "is_initiator": c.initiator == p.id,
                "budget_share_from_municipality": p.budget_share_from_municipality,
                "key_persons": p.key_persons,
                "support_schemes": None
                if p.support_schemes is None
                else _joined(p.support_schemes),
                "funding_dkk_per_year": p.funding_dkk_per_year,
                "readiness_openness": None if readiness is None else readiness.openness,
                "readiness_equality": None if readiness is None else readiness.equality,
                "readiness_risk_willingness": None
                if readiness is None
                else readiness.risk_willingness,
                "wishes_stated": sum(w.party == p.id for g in c.goals for w in g.wishes),
                "goals_agreed": sum(p.id in g.agreed_by() for g in c.goals),
                "responsibilities": SEPARATOR.join(held.get(p.id, ())),
            }


def goal_records(items: Items, *, lang: Language = "en") -> Iterator[Record]:
    """Yield one row per goal: its indicator, the wishes behind it and who agreed.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).
        lang: The language of the ``*_label`` columns.

    Returns:
        An iterator of rows with the columns of
        [`GOAL_COLUMNS`][frivillig.records.GOAL_COLUMNS].

    Raises:
        ArgumentTypeError: ``lang`` is not a string, or an item is not a
            collaboration or portfolio (met when read).
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.
    """
    language = _check_lang(lang)
    return _masked(_goal_rows(items, language))


def _goal_rows(items: Items, lang: Language) -> Iterator[Record]:
    for c in _collaborations(items):
        parties = c.party_ids
        for goal in c.goals:
            indicator = goal.indicator
            dates = sorted(a.agreed_on for a in goal.agreements)
            yield {
                **_keys(c),
                "goal_id": goal.id,
                "text": goal.text,
                "status": goal.status.value,
                "status_label": goal.status.label(lang),
                "indicator_name": None if indicator is None else indicator.name,
                "indicator_unit": None if indicator is None else indicator.unit,
                "baseline": None if indicator is None else indicator.baseline,
                "target": None if indicator is None else indicator.target,
                "wish_count": len(goal.wishes),
                "parties_with_wishes": len({w.party for w in goal.wishes}),
                "agreement_count": len(goal.agreements),
                "party_count": len(parties),
                "agreed_by_all": parties <= goal.agreed_by(),
                "first_agreed_on": dates[0] if dates else None,
                "last_agreed_on": dates[-1] if dates else None,
            }


def task_records(items: Items, *, lang: Language = "en") -> Iterator[Record]:
    """Yield one row per task: what volunteers do and the facts the limits depend on.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).
        lang: The language of the ``*_label`` columns.

    Returns:
        An iterator of rows with the columns of
        [`TASK_COLUMNS`][frivillig.records.TASK_COLUMNS].

    Raises:
        ArgumentTypeError: ``lang`` is not a string, or an item is not a
            collaboration or portfolio (met when read).
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.
    """
    language = _check_lang(lang)
    return _masked(_task_rows(items, language))


def _task_rows(items: Items, lang: Language) -> Iterator[Record]:
    for c in _collaborations(items):
        for task in c.tasks:
            yield {
                **_keys(c),
                "task_id": task.id,
                "title": task.title,
                "kind": task.kind.value,
                "kind_label": task.kind.label(lang),
                "offers": _joined(task.offers),
                "exercises_authority": task.exercises_authority,
                "reserved": _joined(task.reserved),
                "children_contact": task.children_contact,
                "confidential_data": task.confidential_data,
                "core_staff_task": task.core_staff_task,
                "fixed_rota": task.fixed_rota,
                "directed_by_institution": task.directed_by_institution,
                "replaces_cut_post": task.replaces_cut_post,
                "hours_per_week": task.hours_per_week,
                "volunteer_count": len(task.volunteers),
                "led_by": task.led_by,
                "work_category": _value(task.work_category),
                "work_category_label": _label(task.work_category, lang),
            }


def response_records(
    items: Items, *, lang: Language = "en", include_personal: bool = False
) -> Iterator[Record]:
    """Yield one row per party's response in each evaluation round.

    The response's goal progress and instrument answers are counted here; their
    values are in [`progress_records`][frivillig.records.progress_records] and
    [`answer_records`][frivillig.records.answer_records]. The free-text
    ``comment`` is a field [`redact`][frivillig.redact] drops, so its column is
    empty unless ``include_personal`` is true.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).
        lang: The language of the ``*_label`` columns.
        include_personal: Fill the ``comment`` column with each response's
            comment (CPR-shaped numbers masked); only for a use that may see
            what parties wrote.

    Returns:
        An iterator of rows with the columns of
        [`RESPONSE_COLUMNS`][frivillig.records.RESPONSE_COLUMNS].

    Raises:
        ArgumentTypeError: ``lang`` is not a string, ``include_personal`` is not
            a bool, or an item is not a collaboration or portfolio (met when read).
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.

    Examples:
        >>> import attrs
        >>> import frivillig
        >>> from frivillig import records
        >>> collaboration = frivillig.load_example()
        >>> first = collaboration.rounds[0]
        >>> response = attrs.evolve(first.responses[0], comment="Ring 211062-5629")
        >>> first = attrs.evolve(first, responses=(response, *first.responses[1:]))
        >>> commented = attrs.evolve(collaboration, rounds=(first, *collaboration.rounds[1:]))
        >>> next(records.response_records(commented))["comment"] is None
        True
        >>> next(records.response_records(commented, include_personal=True))["comment"]
        'Ring [CPR]'
    """
    language = _check_lang(lang)
    personal = _check_personal(include_personal)
    return _masked(_response_rows(items, language, personal))


def _response_rows(items: Items, lang: Language, personal: bool) -> Iterator[Record]:
    for c in _collaborations(items):
        kinds = _kinds(c)
        for number, round_ in enumerate(c.rounds, start=1):
            keys = _round_keys(c, number, round_)
            for response in round_.responses:
                yield {
                    **keys,
                    "party_id": response.party,
                    "party_kind": _value(kinds.get(response.party)),
                    "satisfaction": response.satisfaction,
                    "goals_reported": len(response.goal_progress),
                    "instrument": response.instrument,
                    "answer_count": len(response.answers),
                    "answered_count": sum(v is not None for v in response.answers.values()),
                    "comment": response.comment if personal else None,
                    "decision": _value(round_.decision),
                    "decision_label": _label(round_.decision, lang),
                    "final": round_.final,
                }


def progress_records(items: Items) -> Iterator[Record]:
    """Yield one row per goal a party reported progress on in a round (long format).

    A response's goals come in the order of the collaboration's goals (any other id
    after them, by id), so equal collaborations give the same rows however their maps
    were built.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).

    Returns:
        An iterator of rows with the columns of
        [`PROGRESS_COLUMNS`][frivillig.records.PROGRESS_COLUMNS].

    Raises:
        ArgumentTypeError: an item is not a collaboration or portfolio (met when read).
    """
    return _masked(_progress_rows(items))


def _progress_rows(items: Items) -> Iterator[Record]:
    for c in _collaborations(items):
        indicators = {goal.id: goal.indicator for goal in c.goals}
        rank = {goal.id: index for index, goal in enumerate(c.goals)}
        for number, round_ in enumerate(c.rounds, start=1):
            keys = _round_keys(c, number, round_)
            for response in round_.responses:
                for goal_id, value in _in_goal_order(response.goal_progress, rank):
                    indicator = indicators.get(goal_id)
                    yield {
                        **keys,
                        "party_id": response.party,
                        "goal_id": goal_id,
                        "value": float(value),
                        "baseline": None if indicator is None else indicator.baseline,
                        "target": None if indicator is None else indicator.target,
                    }


def _in_goal_order(
    progress: Mapping[str, float], rank: Mapping[str, int]
) -> list[tuple[str, float]]:
    """The reported goals in the collaboration's order of goals (any other after, by id)."""
    return sorted(progress.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0]))


def answer_records(items: Items) -> Iterator[Record]:
    """Yield one row per instrument item a party answered in a round (long format).

    A response's items come in the order of their ids, as the JSON form writes them, so
    equal collaborations give the same rows however their maps were built.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).

    Returns:
        An iterator of rows with the columns of
        [`ANSWER_COLUMNS`][frivillig.records.ANSWER_COLUMNS].

    Raises:
        ArgumentTypeError: an item is not a collaboration or portfolio (met when read).
    """
    return _masked(_answer_rows(items))


def _answer_rows(items: Items) -> Iterator[Record]:
    for c in _collaborations(items):
        for number, round_ in enumerate(c.rounds, start=1):
            keys = _round_keys(c, number, round_)
            for response in round_.responses:
                for item_id, value in sorted(response.answers.items()):
                    yield {
                        **keys,
                        "party_id": response.party,
                        "instrument": response.instrument,
                        "item_id": item_id,
                        "value": None if value is None else float(value),
                    }


def rating_records(items: Items, *, lang: Language = "en") -> Iterator[Record]:
    """Yield one row per dyadic rating: how one party rates its relation to another.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).
        lang: The language of the ``*_label`` columns.

    Returns:
        An iterator of rows with the columns of
        [`RATING_COLUMNS`][frivillig.records.RATING_COLUMNS].

    Raises:
        ArgumentTypeError: ``lang`` is not a string, or an item is not a
            collaboration or portfolio (met when read).
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.
    """
    language = _check_lang(lang)
    return _masked(_rating_rows(items, language))


def _rating_rows(items: Items, lang: Language) -> Iterator[Record]:
    for c in _collaborations(items):
        for number, round_ in enumerate(c.rounds, start=1):
            keys = _round_keys(c, number, round_)
            for rating in round_.ratings:
                yield {
                    **keys,
                    "rater": rating.rater,
                    "ratee": rating.ratee,
                    "level": rating.level.value,
                    "level_label": rating.level.label(lang),
                    "level_rank": rating.level.rank,
                }


def hours_records(
    items: Items, *, lang: Language = "en", include_personal: bool = False
) -> Iterator[Record]:
    """Yield the hours given to each task in each month, added up over the volunteers.

    A collaboration's [`time_logs`][frivillig.TimeLog] hold the hours each
    volunteer gave each task in a calendar month; those hours are personal
    data, and [`redact`][frivillig.redact] drops the logs. So by default a row
    is one task in one month: ``volunteers`` counts the volunteers who logged
    hours on it that month and ``hours`` adds their hours up, and
    ``volunteer_id`` is empty. With ``include_personal`` true, a row is one log
    (one volunteer, task and month): ``volunteer_id`` names the volunteer and
    ``volunteers`` is 1. The columns are the same either way, and the rows of
    one task and month add up to its row without ``include_personal``.

    A row adds up only what was logged: a task and month without a log has no
    row, since no log may mean no hours or hours nobody logged. Where one
    volunteer logged hours on a task in a month, the row is that person's hours
    (``volunteers`` is 1): leave out such rows, or rows with few volunteers,
    before sharing the table with anyone who knows who does the task.

    The rows come in the order of the collaborations, then of their tasks (a log
    for a task the collaboration does not have after them, by task id), then of
    the months, and with ``include_personal`` of the collaboration's volunteers
    (then by id): the same rows whatever order the logs are in.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).
        lang: The language of the ``*_label`` columns.
        include_personal: One row per log, with the volunteer's id; only for a
            use that may see the hours of each volunteer.

    Returns:
        An iterator of rows with the columns of
        [`HOURS_COLUMNS`][frivillig.records.HOURS_COLUMNS].

    Raises:
        ArgumentTypeError: ``lang`` is not a string, ``include_personal`` is not
            a bool, or an item is not a collaboration or portfolio (met when read).
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.

    Examples:
        >>> import frivillig
        >>> from frivillig import records
        >>> rows = list(records.hours_records(frivillig.load_example(), lang="da"))
        >>> first = rows[0]
        >>> first["task_id"], first["month"], first["volunteers"], first["hours"]
        ('besoegsven', datetime.date(2026, 3, 1), 2, 7.0)
        >>> first["work_category_label"], first["volunteer_id"]
        ('aktivitet', None)
        >>> logs = list(records.hours_records(frivillig.load_example(), include_personal=True))
        >>> len(logs), logs[0]["volunteer_id"], logs[0]["volunteers"]
        (41, 'v01', 1)
    """
    language = _check_lang(lang)
    personal = _check_personal(include_personal)
    return _masked(_hours_rows(items, language, personal))


def _hours_rows(items: Items, lang: Language, personal: bool) -> Iterator[Record]:
    for c in _collaborations(items):
        if not c.time_logs:
            continue
        tasks = {task.id: task for task in c.tasks}
        task_rank = {task_id: index for index, task_id in enumerate(tasks)}
        volunteer_rank = {volunteer.id: index for index, volunteer in enumerate(c.volunteers)}
        groups: dict[tuple[str, dt.date], list[TimeLog]] = {}
        for log in c.time_logs:
            groups.setdefault((log.task, log.month), []).append(log)
        for task_id, month in sorted(
            groups, key=lambda key: (task_rank.get(key[0], len(task_rank)), key[0], key[1])
        ):
            logs = groups[task_id, month]
            task = tasks.get(task_id)
            category = None if task is None else task.work_category
            keys: Record = {
                **_keys(c),
                "task_id": task_id,
                "work_category": _value(category),
                "work_category_label": _label(category, lang),
                "month": month,
            }
            if not personal:
                yield {
                    **keys,
                    "volunteers": len({log.volunteer for log in logs}),
                    "hours": math.fsum(log.hours for log in logs),
                    "volunteer_id": None,
                }
                continue
            logs.sort(
                key=lambda log: (
                    volunteer_rank.get(log.volunteer, len(volunteer_rank)),
                    log.volunteer,
                )
            )
            for log in logs:
                yield {
                    **keys,
                    "volunteers": 1,
                    "hours": float(log.hours),
                    "volunteer_id": log.volunteer,
                }
