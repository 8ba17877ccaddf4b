"""The rules on what a collaboration is for.

FR107: goals not agreed; FR114: no purpose for the citizens.
"""

from collections.abc import Iterator

import attrs

from ..._model.collaboration import Collaboration, ValueCase
from ..._model.goals import Goal, GoalStatus
from ..engine import (
    Hit,
    Rule,
    RuleContext,
    Severity,
    Source,
)
from ._shared import (
    RUNNING,
    S,
    Texts,
    _base,
    _example,
    _hit,
    _join,
    _quoted,
    _with_goal,
    _with_reasons,
)

# -- sources -----------------------------------------------------------------------

TALK_GOALS = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): 'Det vigtigste' - afklar målene",
    note="The collaboration can only develop once both parties have stated their wishes and, "
    "through dialogue, agreed on its goals.",
)

TALK_SENSE = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): 'Det skal give mening!'",
    note="Why involve volunteers (quality, active citizenship, a more interesting workplace, "
    "innovation), and what value it has for the institution, the employees and the citizens.",
)


# -- FR107 goals not agreed --------------------------------------------------------


def goals_not_agreed(context: RuleContext) -> Iterator[Hit]:
    """Past the agreeing stage, a goal some party has not agreed to, or a party without wishes."""
    collaboration = context.collaboration
    if collaboration.status not in RUNNING:
        return
    status = collaboration.status
    live = [
        (index, goal)
        for index, goal in enumerate(collaboration.goals)
        if goal.status is not GoalStatus.DROPPED
    ]
    if not live:
        yield _hit(
            [("goals",)],
            (
                f"Samarbejdet har status '{status.da}', men har intet mål. Gå tilbage til "
                "afklaring af mål: lad hver part fortælle, hvad den ønsker, og bliv enige om "
                "mindst ét mål.",
                f"The collaboration's status is '{status.en}', but it has no goal. Go back to "
                "agreeing goals: let every party state its wishes and agree on at least one goal.",
            ),
            "no_goals",
        )
    parties = collaboration.party_ids
    for index, goal in live:
        missing = _quoted(parties - goal.agreed_by())
        if not missing:
            continue
        yield _hit(
            [("goals", index)],
            (
                f"Målet '{goal.id}' er ikke aftalt med {_join(missing, 'da')}, selv om "
                f"samarbejdet har status '{status.da}'. Tag målet op med parterne, og få alle "
                "parters accept, eller ret målet, til alle kan stå inde for det.",
                f"Goal '{goal.id}' is not agreed by {_join(missing, 'en')}, although the "
                f"collaboration's status is '{status.en}'. Take the goal up with the parties and "
                "get every party's agreement, or change it until every party can stand behind it.",
            ),
            "unagreed_goal",
        )
    wished = {wish.party for goal in collaboration.goals for wish in goal.wishes}
    for index, participant in enumerate(collaboration.participants):
        if participant.id in wished:
            continue
        yield _hit(
            [("participants", index)],
            (
                f"Parten '{participant.id}' ({participant.actor.name}) har ikke udtrykt nogen "
                "ønsker til samarbejdet. Spørg parten, hvad den vil have ud af samarbejdet, og "
                "skriv ønskerne ind ved målene.",
                f"Party '{participant.id}' ({participant.actor.name}) has stated no wishes for "
                "the collaboration. Ask the party what it wants from the collaboration, and "
                "record its wishes on the goals.",
            ),
            "no_wishes",
        )


# -- FR114 purpose -----------------------------------------------------------------


def purpose(context: RuleContext) -> Iterator[Hit]:
    """The collaboration states no purpose, or no value for the citizens or users."""
    collaboration = context.collaboration
    if not collaboration.purposes:
        yield _hit(
            [("purposes",)],
            (
                "Samarbejdet har intet formål. Skriv ned, hvorfor det findes (bedre kvalitet, "
                "aktivt medborgerskab, en mere spændende arbejdsplads, innovation ...): det skal "
                "give mening for de frivillige.",
                "The collaboration states no purpose. Write down why it exists (better "
                "quality, active citizenship, a more interesting workplace, innovation ...): it "
                "must make sense to the volunteers.",
            ),
            "no_purpose",
        )
    value: ValueCase | None = collaboration.value_case
    if value is None or value.citizens is None:
        path = ("value_case",) if value is None else ("value_case", "citizens")
        yield _hit(
            [path],
            (
                "Samarbejdet nævner ingen værdi for borgerne eller brugerne. Beskriv, hvad "
                "borgerne får ud af det: det er det, der gør de frivilliges arbejde meningsfuldt "
                "og beskytter brugerne.",
                "The collaboration names no value for the citizens or users. Describe what the "
                "citizens get from it: that is what makes the volunteers' work meaningful and "
                "keeps the users in view.",
            ),
            "no_citizen_value",
        )


# -- examples ----------------------------------------------------------------------


def _goal_without_municipality() -> Collaboration:
    base = _base()
    goal: Goal = base.goals[1]
    kept = tuple(a for a in goal.agreements if a.party != "kommune")
    return _with_goal(base, 1, agreements=kept)


def _no_citizen_value() -> Collaboration:
    base = _base()
    value = base.value_case or ValueCase()
    return attrs.evolve(base, value_case=attrs.evolve(value, citizens=None))


# -- reason codes ------------------------------------------------------------------

REASONS: dict[str, dict[str, Texts]] = {
    "FR107": {
        "no_goals": (
            "Samarbejdet er forbi afklaringen af mål, men har intet mål.",
            "The collaboration is past the agreeing stage but has no goal.",
        ),
        "unagreed_goal": (
            "Samarbejdet er forbi afklaringen af mål, og en part har ikke tilsluttet sig et mål.",
            "The collaboration is past the agreeing stage, and a party has not agreed to a goal.",
        ),
        "no_wishes": (
            "En part har ikke udtrykt nogen ønsker til samarbejdet.",
            "A party has stated no wishes for the collaboration.",
        ),
    },
    "FR114": {
        "no_purpose": (
            "Samarbejdet angiver intet formål.",
            "The collaboration states no purpose.",
        ),
        "no_citizen_value": (
            "Samarbejdet angiver ingen værdi for brugerne eller borgerne.",
            "The collaboration names no value for the users or citizens.",
        ),
    },
}
"""The reason codes of this module's rules, by rule code, each with its meaning (da, en)."""


# -- the rules ---------------------------------------------------------------------

_RULES: tuple[Rule, ...] = (
    Rule(
        code="FR107",
        name="goals-not-agreed",
        severity=Severity.ERROR,
        title_da="Målene er ikke aftalt",
        title_en="Goals not agreed",
        rationale=(
            "The talk's most important advice: the collaboration can only develop once every "
            "party has stated its wishes and, through dialogue, agreed on its goals. Once the "
            "collaboration is past the agreeing stage (active, evaluating, continued or "
            "adjusted), the rule reports a collaboration without goals, each goal (not "
            "dropped) that some party has not agreed to, and each party that has stated no "
            "wish on any goal."
        ),
        sources=(TALK_GOALS,),
        check=goals_not_agreed,
        failing_example=_example(
            "The municipality never agreed to the second goal.", _goal_without_municipality
        ),
        passing_example=_example("Every party agreed to both goals.", _base),
    ),
    Rule(
        code="FR114",
        name="no-purpose",
        severity=Severity.WARNING,
        title_da="Formål mangler",
        title_en="Purpose missing",
        rationale=(
            "'It must make sense!': a collaboration should say why it exists and what value it "
            "has for the citizens or users. The rule reports a collaboration with no purpose, "
            "and one that names no value for the citizens."
        ),
        sources=(TALK_SENSE,),
        check=purpose,
        failing_example=_example(
            "The value for the residents is not written down.", _no_citizen_value
        ),
        passing_example=_example(
            "The residents get a regular person to look forward to every week.", _base
        ),
    ),
)
RULES: tuple[Rule, ...] = _with_reasons(_RULES, REASONS)
"""This module's rules, with their reason codes, in code order."""
