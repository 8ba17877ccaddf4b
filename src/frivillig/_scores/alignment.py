"""The goal alignment score."""

import statistics

from .._model.collaboration import Collaboration
from .._model.goals import GoalStatus
from .score import HIGH, Score, _fixed_part, _part, _percent, _score

# -- goal alignment -------------------------------------------------------------------


def goal_alignment(collaboration: Collaboration) -> Score:
    """Score how far the parties have stated their wishes and agreed on the goals.

    The talk calls this the most important thing: a collaboration can only
    develop once every party has stated its wishes and agreed to its goals.
    Dropped goals are left out; agreements and wishes by someone who is not a
    party do not count. One more party agreeing to a goal never lowers the score.

    Args:
        collaboration: The collaboration.

    Returns:
        The score, with the parts *agreement* (0.7) and *wishes* (0.3).
    """
    parties = collaboration.party_ids
    goals = [goal for goal in collaboration.goals if goal.status is not GoalStatus.DROPPED]
    n = len(parties)
    if not n:
        agreement = _part(
            "agreement",
            ("aftale", "agreement"),
            None,
            0.7,
            ("samarbejdet har ingen parter", "the collaboration has no parties"),
        )
        wishes = _part(
            "wishes",
            ("ønsker", "wishes"),
            None,
            0.3,
            ("samarbejdet har ingen parter", "the collaboration has no parties"),
        )
        return _score("goal_alignment", "Målafstemning", "Goal alignment", [agreement, wishes])
    if goals:
        shares = [len(goal.agreed_by() & parties) / n for goal in goals]
        mean_share = statistics.fmean(shares)
        agreement = _part(
            "agreement",
            ("aftale", "agreement"),
            mean_share * HIGH,
            0.7,
            (
                f"i gennemsnit har {_percent(mean_share)} af de {n} parter tilsluttet sig "
                f"hvert af de {len(goals)} mål",
                f"on average {_percent(mean_share)} of the {n} parties agreed to each of "
                f"the {len(goals)} goals",
            ),
        )
    else:
        agreement = _fixed_part(
            "agreement",
            ("aftale", "agreement"),
            0.0,
            0.7,
            ("der er endnu ingen mål at være enige om", "there are no goals to agree on yet"),
        )
    wishing = {wish.party for goal in goals for wish in goal.wishes} & parties
    wishes = _part(
        "wishes",
        ("ønsker", "wishes"),
        len(wishing) / n * HIGH,
        0.3,
        (
            f"{len(wishing)} af de {n} parter har fremsat mindst ét ønske",
            f"{len(wishing)} of the {n} parties stated at least one wish",
        ),
    )
    return _score("goal_alignment", "Målafstemning", "Goal alignment", [agreement, wishes])
