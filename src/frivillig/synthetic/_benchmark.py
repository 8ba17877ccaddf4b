"""The benchmark generator: collaborations of fixed size for timing."""

import datetime as dt
import random

from .._model.actors import CitizenGroup, VoluntaryOrganisation, VolunteerCentre
from .._model.collaboration import Collaboration, LifecycleStatus, ManagementTask
from .._model.evaluation import Decision, EvaluationPlan, EvaluationRound, Response
from .._model.goals import Agreement, Goal, GoalStatus, Indicator
from .._model.participation import Participant, ParticipantRole
from ._defects import SyntheticCollaboration
from ._helpers import _add_months, _cvr, _days
from ._material import _BENCHMARK_INSTRUMENT, _BENCHMARK_ITEMS, _material
from ._parties import _institution_party, _municipality_party

# -- the benchmark generator ------------------------------------------------------------

BENCHMARK_PARTICIPANTS = 5
"""How many parties a benchmark collaboration has: municipality, institution,
association, volunteer centre and a citizen group."""

BENCHMARK_GOALS = 4
"""How many goals a benchmark collaboration has, each agreed by every party."""

BENCHMARK_ROUNDS = 8
"""How many evaluation rounds a benchmark collaboration has, one every three months."""

BENCHMARK_ANSWERS = len(_BENCHMARK_ITEMS)
"""How many instrument items (``"q01"`` to ``"q20"``) each benchmark response answers."""


def _benchmark(
    rng: random.Random, code: int, serial: str, as_of: dt.date
) -> SyntheticCollaboration:
    material = _material()
    theme = rng.choice(material.themes)
    place = rng.choice(material.places)
    start_on = _days(as_of, -rng.randint(760, 900))
    participants = [
        _municipality_party(theme, code),
        _institution_party(theme, code, place),
        Participant(
            id="forening",
            actor=VoluntaryOrganisation(
                name=theme.association.format(place=place),
                cvr=_cvr(rng),
                municipality_code=code,
            ),
            roles=(ParticipantRole.VOLUNTEER_PROVIDER,),
            budget_share_from_municipality=round(rng.uniform(0.0, 0.5), 2),
        ),
        Participant(
            id="frivilligcenter",
            actor=VolunteerCentre(name=f"Frivilligcentret {place}", municipality_code=code),
            roles=(ParticipantRole.COORDINATOR,),
        ),
        Participant(
            id="borgere",
            actor=CitizenGroup(name=f"Brugerrådet ved {theme.institution(place)}"),
            roles=(ParticipantRole.USER_REPRESENTATIVE,),
        ),
    ]
    party_ids = [participant.id for participant in participants]
    agreed_on = _days(start_on, -rng.randint(1, 30))
    goals = tuple(
        Goal(
            id=f"g{number + 1}",
            text=template.text,
            indicator=Indicator(
                name=template.indicator,
                unit=template.unit,
                baseline=0.0,
                target=float(rng.randint(*template.target)),
            ),
            agreements=tuple(Agreement(party=party, agreed_on=agreed_on) for party in party_ids),
            status=GoalStatus.AGREED,
        )
        for number, template in enumerate((theme.goals * 2)[:BENCHMARK_GOALS])
    )
    first_date = _add_months(start_on, 3)
    respondent = "forening"
    rounds = tuple(
        EvaluationRound(
            id=f"r{number + 1}",
            held_on=_add_months(first_date, 3 * number),
            responses=(
                Response(
                    party=respondent,
                    satisfaction=rng.randint(1, 5),
                    goal_progress={goal.id: float(rng.randint(0, 40)) for goal in goals},
                    instrument=_BENCHMARK_INSTRUMENT,
                    answers={item: float(rng.randint(1, 5)) for item in _BENCHMARK_ITEMS},
                ),
            ),
            decision=Decision.CONTINUE,
        )
        for number in range(BENCHMARK_ROUNDS)
    )
    collaboration = Collaboration(
        id=f"{code:04d}-benchmark-{serial}",
        title=theme.collaboration_title(place),
        municipality_code=code,
        participants=tuple(participants),
        purposes=theme.purposes[:1],
        responsibilities=dict.fromkeys(ManagementTask, "forening"),
        goals=goals,
        start_on=start_on,
        status=LifecycleStatus.CONTINUED,
        evaluation_plan=EvaluationPlan(
            rrule=f"FREQ=MONTHLY;INTERVAL=3;COUNT={BENCHMARK_ROUNDS}",
            first_date=first_date,
            instruments=(_BENCHMARK_INSTRUMENT,),
            respondents=(respondent,),
        ),
        rounds=rounds,
    )
    return SyntheticCollaboration(collaboration=collaboration)
