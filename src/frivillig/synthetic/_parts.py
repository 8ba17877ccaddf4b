"""The goals, tasks, volunteers and evaluation rounds of a varied collaboration."""

import datetime as dt
import random

from .._model.collaboration import VolunteerModel
from .._model.evaluation import Decision, DyadicRating, EvaluationRound, Response
from .._model.goals import Agreement, Goal, GoalStatus, Indicator, Wish
from .._model.tasks import TaskKind
from .._model.volunteers import ChildCertificateCheck, Engagement, Remuneration
from ._defects import D
from ._drafts import _DEFECT_TASKS, _Draft, _TaskDraft, _VolunteerDraft
from ._helpers import _days, _half_hours
from ._material import (
    _AGE_BANDS,
    _AGE_WEIGHTS,
    _BAROMETER_ITEMS,
    _CHILD_AGE_WEIGHTS,
    _RATING_LEVELS,
    _material,
    _Theme,
)


def _goals(
    rng: random.Random, draft: _Draft, theme: _Theme, party_ids: list[str], phase: str,
    start_on: dt.date, as_of: dt.date,
) -> list[Goal]:  # fmt: skip
    templates = rng.sample(theme.goals, k=rng.randint(2, len(theme.goals)))
    unagreed = phase in ("young", "running") and draft.roll(D.GOAL_NOT_AGREED)
    unagreed_goal = rng.randrange(len(templates))
    unagreed_party = rng.choice(party_ids)
    wish_parties = [
        rng.sample(party_ids, k=rng.randint(1, min(3, len(party_ids)))) for _ in templates
    ]
    for party in party_ids:
        if not any(party in parties for parties in wish_parties):
            wish_parties[rng.randrange(len(templates))].append(party)
    agreed_latest = min(_days(start_on, -1), as_of)
    wishes = _material().wishes
    goals = []
    for number, template in enumerate(templates):
        baseline = None if template.baseline is None else float(rng.randint(*template.baseline))
        target = float(rng.randint(*template.target))
        if baseline == target:
            target += 1.0
        left_out = unagreed and number == unagreed_goal
        if phase == "exploring":
            agreeing: list[str] = []
        elif phase == "agreeing":
            agreeing = rng.sample(party_ids, k=rng.randint(0, len(party_ids) - 1))
        elif left_out:
            agreeing = [party for party in party_ids if party != unagreed_party]
        else:
            agreeing = party_ids
        if phase in ("exploring", "agreeing") or left_out:
            status = GoalStatus.PROPOSED
        elif phase == "ended":
            status = rng.choice(
                (GoalStatus.ACHIEVED, GoalStatus.PARTLY_ACHIEVED, GoalStatus.NOT_ACHIEVED)
            )
        else:
            status = GoalStatus.AGREED
        goals.append(
            Goal(
                id=template.id,
                text=template.text,
                wishes=tuple(
                    Wish(party=party, text=rng.choice(wishes.get(party, wishes["institution"])))
                    for party in wish_parties[number]
                ),
                indicator=Indicator(
                    name=template.indicator, unit=template.unit, baseline=baseline, target=target
                ),
                agreements=tuple(
                    Agreement(party=party, agreed_on=_days(agreed_latest, -rng.randint(0, 45)))
                    for party in agreeing
                ),
                status=status,
            )
        )
    return goals


def _tasks(rng: random.Random, draft: _Draft, theme: _Theme, leader: str) -> list[_TaskDraft]:
    material = _material()
    institution = theme.institution_id
    tasks = [
        _TaskDraft(
            id=template.id,
            title=template.title,
            kind=template.kind,
            offers=template.offers,
            children_contact=template.children,
            confidential_data=template.confidential,
            hours_per_week=_half_hours(rng, *template.hours),
            led_by=leader if template.led_by_association else institution,
            work_category=template.work_category,
        )
        for template in theme.tasks
    ]
    if draft.roll(D.AUTHORITY_TASK):
        tasks.append(
            _TaskDraft(
                id="myndighed",
                title=rng.choice(material.authority_tasks),
                kind=TaskKind.HEADS,
                exercises_authority=True,
                confidential_data=True,
                hours_per_week=_half_hours(rng, 1.0, 3.0),
                led_by=institution,
            )
        )
    if draft.roll(D.RESERVED_TASK):
        title, reserved = rng.choice(material.reserved_tasks)
        tasks.append(
            _TaskDraft(
                id="forbeholdt",
                title=title,
                kind=TaskKind.HANDS,
                reserved=(reserved,),
                hours_per_week=_half_hours(rng, 1.0, 3.0),
                led_by=institution,
            )
        )
    if draft.roll(D.DISPLACEMENT):
        tasks.append(
            _TaskDraft(
                id="fast-vagt",
                title=rng.choice(material.displacement_tasks),
                kind=TaskKind.HANDS,
                core_staff_task=True,
                fixed_rota=True,
                directed_by_institution=True,
                replaces_cut_post=rng.random() < 0.5,
                hours_per_week=_half_hours(rng, 4.0, 8.0),
                led_by=institution,
            )
        )
    return tasks


def _volunteers(
    rng: random.Random, draft: _Draft, tasks: list[_TaskDraft], model: VolunteerModel,
    started: bool, start_on: dt.date, last_day: dt.date, as_of: dt.date, children_theme: bool,
) -> list[_VolunteerDraft]:  # fmt: skip
    # The first volunteers cover the tasks once each, the tasks that break a limit first,
    # so that a collaboration not yet started still has someone on those.
    theme_tasks = len(tasks) - sum(task.id in _DEFECT_TASKS for task in tasks)
    order = tasks[theme_tasks:] + tasks[:theme_tasks]
    if started:
        count = rng.randint(max(3, len(tasks)), 12)
    else:
        count = max(rng.randint(0, 3), len(tasks) - theme_tasks)
    volunteers: list[_VolunteerDraft] = []
    for number in range(count):
        if model is VolunteerModel.ASSOCIATION:
            engagement = Engagement.ASSOCIATION
        elif model is VolunteerModel.OWN_VOLUNTEERS:
            engagement = Engagement.MUNICIPALITY
        else:
            engagement = rng.choice((Engagement.ASSOCIATION, Engagement.MUNICIPALITY))
        own = [order[number] if number < len(order) else rng.choice(tasks)]
        if rng.random() < 0.3:
            second = rng.choice(tasks)
            if second is not own[0]:
                own.append(second)
        started_on = None
        if started:
            latest = min(last_day, _days(start_on, 365))
            started_on = _days(start_on, rng.randint(0, max(0, (latest - start_on).days)))
        volunteer = _VolunteerDraft(
            id=f"v{number + 1:02d}",
            engagement=engagement,
            tasks=own,
            started_on=started_on,
            age_band=rng.choices(
                _AGE_BANDS, weights=_CHILD_AGE_WEIGHTS if children_theme else _AGE_WEIGHTS
            )[0],
        )
        for task in own:
            task.volunteers.append(volunteer.id)
        volunteers.append(volunteer)

    for volunteer in volunteers:
        volunteer.wants_influence = not volunteer.hands_only() and rng.random() < 0.6
        volunteer.hours_offered = volunteer.asked_hours + _half_hours(rng, 0.0, 3.0)
        begins = volunteer.started_on or _days(as_of, rng.randint(1, 30))
        ready = volunteer.started_on is not None or rng.random() < 0.5
        if ready and volunteer.works_with_children():
            volunteer.certificate = ChildCertificateCheck(
                checked_on=min(_days(begins, -rng.randint(3, 30)), as_of),
                checked_by=volunteer.checker,
                clear=True,
            )
        if volunteer.handles_data():
            volunteer.confidentiality = min(_days(begins, -rng.randint(0, 14)), as_of)
        if volunteer.engagement is Engagement.ASSOCIATION and rng.random() < 0.05:
            volunteer.remuneration = Remuneration.TAX_FREE_ALLOWANCE
        elif rng.random() < 0.25:
            volunteer.remuneration = Remuneration.EXPENSES

    working = [volunteer for volunteer in volunteers if volunteer.started_on is not None]
    with_children = [volunteer for volunteer in working if volunteer.works_with_children()]
    if with_children and draft.roll(D.CHILD_CERTIFICATE_MISSING):
        volunteer = rng.choice(with_children)
        assert volunteer.started_on is not None  # noqa: S101 - only those who started
        late = _days(volunteer.started_on, rng.randint(60, 150))
        volunteer.certificate = (
            ChildCertificateCheck(checked_on=late, checked_by=volunteer.checker, clear=True)
            if late <= as_of and rng.random() < 0.3
            else None
        )
    with_data = [volunteer for volunteer in volunteers if volunteer.handles_data()]
    if with_data and draft.roll(D.CONFIDENTIALITY_MISSING):
        rng.choice(with_data).confidentiality = None
    hands_only = [volunteer for volunteer in volunteers if volunteer.hands_only()]
    if hands_only and draft.roll(D.INFLUENCE_DENIED):
        rng.choice(hands_only).wants_influence = True
    if volunteers and draft.roll(D.HOURS_EXCEEDED):
        volunteer = rng.choice(volunteers)
        volunteer.hours_offered = max(0.5, volunteer.asked_hours - _half_hours(rng, 1.0, 2.0))
        if volunteer.hours_offered >= volunteer.asked_hours:
            volunteer.hours_offered = volunteer.asked_hours / 2
    direct = [v for v in volunteers if v.engagement is Engagement.MUNICIPALITY]
    if direct and draft.roll(D.ALLOWANCE_FROM_MUNICIPALITY):
        rng.choice(direct).remuneration = Remuneration.TAX_FREE_ALLOWANCE
    return volunteers


def _rounds(
    rng: random.Random, due: list[dt.date], *, last_day: dt.date, respondents: tuple[str, ...],
    goals: list[Goal], falling: bool, instrument: str | None, pairs: list[tuple[str, str]],
    ending: bool, final: bool,
) -> list[EvaluationRound]:  # fmt: skip
    """Draw one round per due date, each held within ten days of it and not after last_day."""
    material = _material()
    count = len(due)
    satisfaction: dict[str, list[int]] = {}
    for party in respondents:
        level = rng.choice((3, 4, 4, 4, 5, 5))
        values = []
        for number in range(count):
            if number and rng.random() < 0.2:
                level = min(5, level + 1)
            values.append(level)
        if falling:
            top = rng.choice((4, 5))
            values = [min(value, top) for value in values[:-3]] + [top, top - 1, top - 2]
        satisfaction[party] = values
    rated = [pair for pair in pairs if rng.random() < 0.8]
    base_level = {pair: rng.randint(2, 4) for pair in rated}
    progress_share = [rng.uniform(0.7, 1.1) * (n + 1) / (count + 1) for n in range(count)]
    reporters = {goal.id: [p for p in respondents if rng.random() < 0.7] for goal in goals}
    rounds = []
    for number, day in enumerate(due):
        held_on = min(_days(day, rng.randint(0, 10)), last_day)
        responses = []
        for party in respondents:
            progress = {}
            for goal in goals:
                indicator = goal.indicator
                if indicator is None or (party not in reporters[goal.id] and party != "kommune"):
                    continue
                start = indicator.baseline
                if start is None:
                    start = round(indicator.target * 0.6)
                value = start + (indicator.target - start) * progress_share[number]
                progress[goal.id] = float(round(value, 1))
            answers: dict[str, float | None] = {}
            if instrument is not None:
                mood = satisfaction[party][number]
                answers = {
                    item: None
                    if rng.random() < 0.05
                    else float(min(5, max(1, mood + rng.choice((-1, 0, 0, 1)))))
                    for item in _BAROMETER_ITEMS
                }
            responses.append(
                Response(
                    party=party,
                    satisfaction=satisfaction[party][number],
                    goal_progress=progress,
                    instrument=instrument,
                    answers=answers,
                    comment=rng.choice(material.comments) if rng.random() < 0.15 else None,
                )
            )
        ratings = tuple(
            DyadicRating(
                rater=rater,
                ratee=ratee,
                level=_RATING_LEVELS[
                    min(5, max(0, base_level[(rater, ratee)] + rng.choice((-1, 0, 0, 1))))
                ],
            )
            for rater, ratee in rated
        )
        last = number == count - 1
        if last and ending:
            decision: Decision | None = Decision.END
        elif last:
            decision = rng.choices(
                (None, Decision.CONTINUE, Decision.ADJUST_GOALS, Decision.ADJUST_FORMALISATION),
                weights=(15, 65, 12, 8),
            )[0]
        else:
            decision = rng.choices(
                (Decision.CONTINUE, Decision.ADJUST_GOALS, Decision.ADJUST_FORMALISATION),
                weights=(85, 10, 5),
            )[0]
        rounds.append(
            EvaluationRound(
                id=f"r{number + 1:02d}",
                held_on=held_on,
                responses=tuple(responses),
                ratings=ratings,
                decision=decision,
                final=last and ending and final,
                summary=rng.choice(material.summaries) if rng.random() < 0.3 else None,
            )
        )
    return rounds
