"""The volunteer-task fit score."""

import math
import statistics
from typing import Any

from .._model.collaboration import Collaboration
from .._model.tasks import TaskKind
from .._model.volunteers import VolunteerFunction
from .score import HIGH, Score, _part, _percent, _score, _unknown_part

# -- volunteer-task fit -----------------------------------------------------------------


def volunteer_fit(collaboration: Collaboration, *, motive_threshold: int = 5) -> Score:
    """Score how well the tasks give the volunteers meaning, commitment and action.

    The talk: volunteers want meaning, commitment and action, and "hands and
    heads". After the functional matching idea behind the Volunteer Functions
    Inventory (Clary et al. 1998; Stukas et al. 2009), a task gives meaning when
    it offers what a volunteer's strong motives seek. Only counts appear in the
    explanations: motives and hours are personal data.

    - *meaning* (0.4): for each volunteer with a task, the share of the strong
      motives (at least ``motive_threshold`` on the 1-7 scale) that the
      volunteer's tasks offer, 1 with no strong motive; the mean over those
      volunteers. A motive whose strength is unknown counts as a strong one the
      tasks do not offer, unless they offer it.
    - *commitment* (0.3): for each volunteer with a task, 1 when the hours asked
      are within the hours offered, else offered / asked; 0 while the hours
      offered or a task's hours are unknown.
    - *action* (0.3): for each volunteer, 1 with a task that suits them, 0 with
      no task or, for one who wants influence, with only hands tasks.

    So a missing motive or number of hours never raises the score; the parts'
    coverage says how much of the motives and hours is known.

    Args:
        collaboration: The collaboration.
        motive_threshold: The strength from which a motive counts as strong.

    Returns:
        The score, with the parts *meaning*, *commitment* and *action*.
    """
    tasks_of: dict[str, list[Any]] = {v.id: [] for v in collaboration.volunteers}
    for task in collaboration.tasks:
        for volunteer_id in task.volunteers:
            if volunteer_id in tasks_of:
                tasks_of[volunteer_id].append(task)
    matches: list[float] = []
    motives_known: list[float] = []
    commitments: list[float] = []
    hours_known: list[float] = []
    actions: list[float] = []
    over_asked = 0
    hours_unknown = 0
    partial_profiles = 0
    hands_only = 0
    idle = 0
    functions = len(VolunteerFunction)
    for volunteer in collaboration.volunteers:
        tasks = tasks_of[volunteer.id]
        if tasks:
            offered = {function for task in tasks for function in task.offers}
            motives = volunteer.motives
            strong = {f for f, strength in motives.items() if strength >= motive_threshold}
            # An unknown motive could be a strong one; it is unmet unless the tasks offer it.
            unmet_unknown = sum(
                1 for f in VolunteerFunction if f not in motives and f not in offered
            )
            needed = len(strong) + unmet_unknown
            matches.append(len(strong & offered) / needed if needed else 1.0)
            motives_known.append(len(motives) / functions)
            if len(motives) < functions:
                partial_profiles += 1
            hours = [task.hours_per_week for task in tasks]
            offered_hours = volunteer.hours_offered_per_week
            known = sum(1 for h in hours if h is not None) + (offered_hours is not None)
            hours_known.append(known / (len(hours) + 1))
            if offered_hours is None or any(h is None for h in hours):
                hours_unknown += 1
                commitments.append(0.0)
            else:
                asked = math.fsum(h for h in hours if h is not None)
                if asked <= offered_hours:
                    commitments.append(1.0)
                else:
                    over_asked += 1
                    commitments.append(offered_hours / asked)
        if not tasks:
            idle += 1
            actions.append(0.0)
        elif volunteer.wants_influence and all(task.kind is TaskKind.HANDS for task in tasks):
            hands_only += 1
            actions.append(0.0)
        else:
            actions.append(1.0)
    n = len(matches)
    if n:
        explanation = (
            f"i gennemsnit tilbyder opgaverne {_percent(statistics.fmean(matches))} af de "
            f"stærke motiver hos {n} frivillige med opgaver",
            f"on average the tasks offer {_percent(statistics.fmean(matches))} of the strong "
            f"motives of {n} volunteers with tasks",
        )
        if partial_profiles:
            explanation = (
                f"{explanation[0]}; {partial_profiles} har ikke oplyst alle seks motiver, og et "
                "ukendt motiv, som opgaverne ikke tilbyder, tæller som et stærkt motiv, de ikke "
                "møder",
                f"{explanation[1]}; {partial_profiles} have not stated all six motives, and an "
                "unknown motive the tasks do not offer counts as a strong one they do not meet",
            )
        meaning = _unknown_part(
            "meaning",
            ("mening", "meaning"),
            statistics.fmean(matches) * HIGH,
            0.4,
            explanation,
            statistics.fmean(motives_known),
        )
        explanation = (
            f"{over_asked} af {n} frivillige med opgaver bliver bedt om flere timer, end de "
            "tilbyder",
            f"{over_asked} of {n} volunteers with tasks are asked for more hours than they offer",
        )
        if hours_unknown:
            explanation = (
                f"{explanation[0]}; for {hours_unknown} kendes de tilbudte timer eller en "
                "opgaves timer ikke, og de tæller som 0, indtil de kendes",
                f"{explanation[1]}; for {hours_unknown} the hours offered or a task's hours are "
                "unknown, and they count as 0 until known",
            )
        commitment = _unknown_part(
            "commitment",
            ("engagement", "commitment"),
            statistics.fmean(commitments) * HIGH,
            0.3,
            explanation,
            statistics.fmean(hours_known),
        )
    else:
        none = ("ingen frivillig har en opgave", "no volunteer has a task")
        meaning = _part("meaning", ("mening", "meaning"), None, 0.4, none)
        commitment = _part("commitment", ("engagement", "commitment"), None, 0.3, none)
    action = _part(
        "action",
        ("handling", "action"),
        statistics.fmean(actions) * HIGH if actions else None,
        0.3,
        (
            f"{idle} af {len(actions)} frivillige har ingen opgave; {hands_only} vil have "
            "indflydelse, men har kun hænder-opgaver"
            if actions
            else "samarbejdet har ingen frivillige",
            f"{idle} of {len(actions)} volunteers have no task; {hands_only} want influence "
            "but have only hands tasks"
            if actions
            else "the collaboration has no volunteers",
        ),
    )
    return _score(
        "volunteer_fit",
        "Match mellem frivillige og opgaver",
        "Volunteer-task fit",
        [meaning, commitment, action],
    )
