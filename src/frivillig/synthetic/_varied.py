"""The varied generator: one collaboration of a theme, its phase, defects and formalisation."""

import datetime as dt
import random

import attrs

from .._model.collaboration import (
    AgreementDocument,
    Collaboration,
    Forum,
    GovernanceMode,
    LifecycleStatus,
    ManagementTask,
    ValueCase,
)
from .._model.evaluation import Decision, EvaluationPlan
from .._model.formalisation import FormalisationLevel
from .._scores.scores import recommend_formalisation
from ._defects import OVERDUE_DAYS, D, Defect, SyntheticCollaboration
from ._drafts import _FIRST_WITHIN, _MODEL_WEIGHTS, _MODELS, _PHASE_WEIGHTS, _PHASES, _Draft
from ._helpers import _add_months, _days, _holders
from ._hours import _time_logs
from ._material import _BAROMETER, _RRULE_WEIGHTS, _RRULES, _material
from ._parties import _parties
from ._parts import _goals, _rounds, _tasks, _volunteers


def _varied(
    rng: random.Random, code: int, serial: str, as_of: dt.date, rates: dict[Defect, float]
) -> SyntheticCollaboration:
    material = _material()
    draft = _Draft(rng=rng, rates=rates)
    theme = rng.choice(material.themes)
    place = rng.choice(material.places)
    phase = rng.choices(_PHASES, weights=_PHASE_WEIGHTS)[0]
    model = rng.choices(_MODELS, weights=_MODEL_WEIGHTS)[0]
    title = theme.collaboration_title(place)

    # The start, and for ended collaborations the end; all relative to as_of.
    if phase in ("exploring", "agreeing"):
        start_on = _days(as_of, rng.randint(-30, 90))
    elif phase == "young":
        start_on = _days(as_of, -rng.randint(20, 150))
    elif phase == "running":
        start_on = _days(as_of, -rng.randint(365, 1460))
    else:
        start_on = _days(as_of, -rng.randint(730, 2190))
    end_on = None
    if phase == "ended":
        end_on = min(_days(start_on, rng.randint(365, 1460)), _days(as_of, -7))
    # A young collaboration whose first evaluation is overdue started a little earlier.
    overdue = phase in ("young", "running") and draft.draw(D.EVALUATION_OVERDUE)
    no_plan = phase in ("young", "running") and draft.roll(D.NO_EVALUATION_PLAN)
    overdue = overdue and not no_plan
    if phase == "young" and overdue:
        start_on = _days(as_of, -rng.randint(200, 300))
    last_day = end_on or as_of

    participants, civil = _parties(rng, draft, theme, code, place, model, as_of)
    party_ids = [participant.id for participant in participants]
    has_association = "forening" in party_ids
    leader = "forening" if has_association else theme.institution_id
    goals = _goals(rng, draft, theme, party_ids, phase, start_on, as_of)
    tasks = _tasks(rng, draft, theme, leader)
    started = phase in ("young", "running", "ended")
    children_theme = any(task.children for task in theme.tasks)
    volunteers = _volunteers(
        rng, draft, tasks, model, started, start_on, last_day, as_of, children_theme
    )

    no_purpose = draft.roll(D.NO_PURPOSE)
    recruiter = leader if has_association else "kommune"
    responsibilities = {
        ManagementTask.RECRUITMENT: recruiter,
        ManagementTask.INTRODUCTION: theme.institution_id,
        ManagementTask.SPARRING: "frivilligcenter" if "frivilligcenter" in party_ids else recruiter,
        ManagementTask.MOTIVATION: recruiter,
        ManagementTask.CONFLICT_HANDLING: rng.choice((theme.institution_id, recruiter)),
    }
    if phase in ("young", "running") and draft.roll(D.RESPONSIBILITY_UNASSIGNED):
        for task in rng.sample(tuple(ManagementTask), k=rng.randint(1, 2)):
            del responsibilities[task]
    holders = _holders(responsibilities)
    agreement = None
    if phase != "exploring" and rng.random() < 0.9:
        agreement = AgreementDocument(
            title=title,
            signed_on=None if phase == "agreeing" else _days(start_on, -rng.randint(0, 30)),
            reference=f"Sag {start_on.year}-{rng.randint(1, 9999):04d}",
            parties=() if phase == "agreeing" else tuple(party_ids),
        )
    dependent = D.ECONOMIC_DEPENDENCE_WITHOUT_FORUM in draft.defects
    shares = [p.budget_share_from_municipality or 0.0 for p in participants]
    forum = None
    if not dependent and (max(shares) >= 0.5 or rng.random() < 0.6):
        forum = Forum(
            name=rng.choice(material.forums),
            meetings_per_year=rng.choice((2, 4, 4, 6, 10, 12)),
            agenda_set_by=tuple(party_ids),
        )

    # Evaluation: the plan, a round for each due date up to as_of (or the end), the status.
    rrule, interval = rng.choices(_RRULES, weights=_RRULE_WEIGHTS)[0]
    respondents = tuple(party for party in party_ids if party != "virksomhed")
    instrument = _BAROMETER if rng.random() < 0.3 else None
    if phase == "young" and overdue:
        first_date = _days(start_on, rng.randint(60, 160))
    elif phase == "young":
        # Not due yet, and within _FIRST_WITHIN days of the start (which is 20-150 days ago).
        latest = (_days(start_on, _FIRST_WITHIN) - as_of).days
        first_date = _days(as_of, rng.randint(7, latest))
    elif phase in ("exploring", "agreeing"):
        first_date = _days(max(as_of, start_on), rng.randint(7, 120))
    else:
        first_date = _add_months(start_on, rng.randint(2, 5))
    first_date = first_date.replace(day=min(first_date.day, 28))
    due: list[dt.date] = []
    if phase in ("running", "ended"):
        step = 0
        while (occurrence := _add_months(first_date, step * interval)) <= last_day:
            due.append(occurrence)
            step += 1
    if phase == "young" and overdue:
        draft.defects.add(D.EVALUATION_OVERDUE)
    if phase == "running" and overdue:
        late = [n for n, day in enumerate(due) if day <= _days(as_of, -OVERDUE_DAYS)]
        if late:
            draft.defects.add(D.EVALUATION_OVERDUE)
            due = due[: late[-1]]
    if phase == "ended":
        final_day = _days(last_day, -rng.randint(0, 14))
        if not due or due[-1] < _days(final_day, -30):
            due.append(final_day)
    falling = len(due) >= 3 and draft.roll(D.FALLING_SATISFACTION)
    final = not (phase == "ended" and draft.roll(D.ENDED_WITHOUT_FINAL))
    public = ["kommune", theme.institution_id]
    partners = civil[:1] or [theme.institution_id]
    pairs = [(a, b) for a in public for b in partners if a != b]
    pairs += [(b, a) for a, b in pairs]
    rounds = _rounds(
        rng, due, last_day=last_day, respondents=respondents, goals=goals, falling=falling,
        instrument=instrument, pairs=pairs, ending=phase == "ended", final=final,
    )  # fmt: skip
    if phase == "exploring":
        status = LifecycleStatus.EXPLORING
    elif phase == "agreeing":
        status = LifecycleStatus.AGREEING_GOALS
    elif phase == "ended":
        status = LifecycleStatus.ENDED
    elif not rounds:
        status = LifecycleStatus.ACTIVE
    elif rounds[-1].decision is None:
        status = LifecycleStatus.EVALUATING
    elif rounds[-1].decision is Decision.CONTINUE:
        status = LifecycleStatus.CONTINUED
    else:
        status = LifecycleStatus.ADJUSTED
    plan = None
    if not no_plan and (started or rng.random() < 0.5):
        plan = EvaluationPlan(
            rrule=rrule,
            first_date=first_date,
            instruments=(instrument,) if instrument else (),
            respondents=respondents,
        )

    collaboration = Collaboration(
        id=f"{code:04d}-{theme.key}-{serial}",
        title=title,
        municipality_code=code,
        participants=tuple(participants),
        initiator=rng.choice(("kommune", leader, leader)),
        purposes=() if no_purpose else tuple(rng.sample(theme.purposes, k=rng.randint(1, 2))),
        value_case=None
        if no_purpose
        else ValueCase(
            institution=theme.value_case[0],
            employees=theme.value_case[1],
            citizens=theme.value_case[2],
        ),
        governance_mode=rng.choices(
            (GovernanceMode.NEGOTIATED, GovernanceMode.AUTONOMOUS), weights=(70, 30)
        )[0],
        welfare_role=rng.choice(theme.roles),
        volunteer_model=model,
        responsibilities=responsibilities,
        responsibility_holders=holders,
        goals=tuple(goals),
        tasks=tuple(task.build() for task in tasks),
        volunteers=tuple(volunteer.build(rng, as_of) for volunteer in volunteers),
        formalisation=FormalisationLevel.VOLUNTEER_AGREEMENT,
        agreement=agreement,
        forum=forum,
        start_on=start_on,
        end_on=end_on,
        status=status,
        ended_from=LifecycleStatus.EVALUATING if status is LifecycleStatus.ENDED else None,
        evaluation_plan=plan,
        rounds=tuple(rounds),
        description=theme.description,
    )
    collaboration = _formalise(rng, draft, collaboration)
    collaboration = _time_logs(rng, draft, collaboration, as_of)
    return SyntheticCollaboration(collaboration=collaboration, defects=frozenset(draft.defects))


_LEVELS = tuple(FormalisationLevel)


def _formalise(rng: random.Random, draft: _Draft, collaboration: Collaboration) -> Collaboration:
    """Set the formalisation level from what the collaboration's risk drivers call for.

    A collaboration without the misfit defect gets the recommended level, or one
    step above it; one with the defect gets one or two steps below it (never
    below an ad-hoc event, which is still volunteering).
    """
    recommended = recommend_formalisation(collaboration).level
    floor = FormalisationLevel.AD_HOC_EVENT
    if recommended > floor and draft.roll(D.FORMALISATION_MISFIT):
        level = _LEVELS[max(floor.rank, recommended.rank - rng.choice((1, 1, 2)))]
    elif recommended < FormalisationLevel.PARTNERSHIP_AGREEMENT and rng.random() < 0.2:
        level = _LEVELS[recommended.rank + 1]
    else:
        level = recommended
    agreement = collaboration.agreement
    if agreement is not None:
        agreement = attrs.evolve(agreement, title=f"{level.da.capitalize()}: {agreement.title}")
    elif level in _WRITTEN and collaboration.status in _AT_WORK:
        # A collaboration at work under a written agreement has the document (rule FR110).
        agreement = AgreementDocument(
            title=f"{level.da.capitalize()}: {collaboration.title}",
            signed_on=collaboration.start_on,
            parties=tuple(participant.id for participant in collaboration.participants),
        )
    return attrs.evolve(collaboration, formalisation=level, agreement=agreement)


_WRITTEN = frozenset(
    {FormalisationLevel.COLLABORATION_AGREEMENT, FormalisationLevel.PARTNERSHIP_AGREEMENT}
)
_AT_WORK = frozenset(
    {
        LifecycleStatus.ACTIVE,
        LifecycleStatus.EVALUATING,
        LifecycleStatus.CONTINUED,
        LifecycleStatus.ADJUSTED,
    }
)
