"""Type-checked, never run: the public API used the way callers write it.

``mypy --strict typing_tests`` in CI fails if a change makes ordinary use of the
API a type error (for example mapping fields that stop accepting a plain dict).
"""

import datetime as dt

import attrs

import frivillig

municipality = frivillig.Participant(
    id="kommune", actor=frivillig.Municipality(name="Aarhus Kommune", code=751)
)
association = frivillig.Participant(
    id="forening",
    actor=frivillig.VoluntaryOrganisation(name="Besøgsvennerne", cvr="37124583"),
    budget_share_from_municipality=0.4,
)
volunteer = frivillig.Volunteer(
    id="v1", motives={frivillig.VolunteerFunction.VALUES: 6}, hours_offered_per_week=2.5
)
collaboration = frivillig.Collaboration(
    id="c1",
    title="Besøgsvenner",
    municipality_code=751,
    participants=(municipality, association),
    responsibilities={frivillig.ManagementTask.RECRUITMENT: "forening"},
    volunteers=(volunteer,),
    start_on=dt.date(2026, 1, 1),
)
response = frivillig.Response(party="forening", satisfaction=4, goal_progress={"g1": 3.0})
changed: frivillig.Collaboration = attrs.evolve(collaboration, title="Nyt navn")
moved: frivillig.Collaboration = frivillig.transition(
    changed, frivillig.LifecycleStatus.ENDED, on=dt.date(2026, 2, 1)
)
text: str = frivillig.dumps(moved)
loaded: frivillig.Collaboration = frivillig.loads(text, frivillig.Collaboration)
any_document: frivillig.serialization.Document = frivillig.loads(text)
report: frivillig.Report = frivillig.check(loaded, today=dt.date(2026, 11, 27))
passes: bool = report.passes
health: frivillig.Score = frivillig.collaboration_health(loaded, today=dt.date(2026, 11, 27))
label: str = frivillig.FormalisationLevel.PARTNERSHIP_AGREEMENT.label("da")
problems: tuple[frivillig.Problem, ...] = frivillig.ValidationError([]).problems

# Where a tuple is stored, any sequence is accepted (and stored as a tuple).
listed = frivillig.Collaboration(
    id="c2",
    title="Lektiecafé",
    municipality_code=751,
    participants=[municipality, association],
    purposes=[frivillig.Purpose.QUALITY],
    start_on=dt.date(2026, 1, 1),
)
stored: tuple[frivillig.Participant, ...] = listed.participants
roles_from_list = frivillig.Participant(
    id="forening", actor=association.actor, roles=[frivillig.ParticipantRole.OWNER]
)
wishes = frivillig.Goal(
    id="g1", text="Flere besøg", wishes=[frivillig.Wish(party="forening", text="Tid")]
)
moved_by_value: frivillig.Collaboration = frivillig.transition(changed, "agreeing_goals")
