"""The co-creation readiness score and the parties' own readiness ratings."""

import math
import statistics

from .._model.collaboration import Collaboration
from .score import (
    Score,
    ScorePart,
    _likert,
    _number,
    _part,
    _score,
    _unknown_part,
)


def _readiness_part(
    collaboration: Collaboration, field: str, labels: tuple[str, str], weight: float
) -> ScorePart:
    """The parties' own ratings of one precondition; a party that gave none counts as 1.

    The value is the mean over every party, an unrated party counting as the
    lowest rating; the coverage is the share of parties that rated.
    """
    n = len(collaboration.participants)
    ratings = sorted(
        (getattr(participant.readiness, field), participant.id)
        for participant in collaboration.participants
        if participant.readiness is not None and getattr(participant.readiness, field) is not None
    )
    if not n:
        none = ("samarbejdet har ingen parter", "the collaboration has no parties")
        return _part(field, labels, None, weight, none)
    if not ratings:
        return _unknown_part(
            field,
            labels,
            None,
            weight,
            ("ingen part har vurderet sig selv", "no party has rated itself"),
            0.0,
        )
    mean = statistics.fmean(rating for rating, _ in ratings)
    lowest, who = ratings[0]
    k = len(ratings)
    explanation = (
        f"gennemsnit {_number(mean, 'da', 2)} på 1-5 fra {k} parter; lavest: {who} ({lowest})",
        f"mean {_number(mean, 'en', 2)} on 1-5 from {k} parties; lowest: {who} ({lowest})",
    )
    if k < n:
        explanation = (
            f"{explanation[0]}; {n - k} af de {n} parter har ikke vurderet sig selv, og en "
            "manglende vurdering tæller som 1, indtil den gives",
            f"{explanation[1]}; {n - k} of the {n} parties did not rate themselves, and a "
            "missing rating counts as 1 until it is given",
        )
    value = math.fsum(_likert(rating) for rating, _ in ratings) / n
    return _unknown_part(field, labels, value, weight, explanation, k / n)


# -- co-creation readiness --------------------------------------------------------------


def co_creation_readiness(collaboration: Collaboration) -> Score:
    """Score the parties' readiness for co-creation from its three preconditions.

    The talk: co-creation "presupposes openness, equality and willingness to
    take risks". Each part is the mean of the parties' own ratings (1-5) of one
    precondition; parties that gave none are left out.

    Args:
        collaboration: The collaboration.

    Returns:
        The score, with the parts *openness*, *equality* and *risk willingness*
        (1/3 each).
    """
    third = 1 / 3
    parts = [
        _readiness_part(collaboration, "openness", ("åbenhed", "openness"), third),
        _readiness_part(collaboration, "equality", ("ligeværd", "equality"), third),
        _readiness_part(
            collaboration, "risk_willingness", ("risikovillighed", "risk willingness"), third
        ),
    ]
    return _score(
        "co_creation_readiness", "Parathed til samskabelse", "Co-creation readiness", parts
    )
