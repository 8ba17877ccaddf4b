"""The equality (power balance) score and how economic dependence counts."""

from .._model.actors import ActorKind
from .._model.collaboration import Collaboration
from .._model.participation import Participant
from .._privacy import terminal_safe
from .readiness import _readiness_part
from .score import HIGH, Score, _fixed_part, _part, _percent, _score, _unknown_part

# -- equality -------------------------------------------------------------------------


def counted_dependence(collaboration: Collaboration, participant: Participant) -> float | None:
    """The share of a party's budget from the municipality that counts as economic dependence.

    The municipality, and a public institution of the collaboration's own
    municipality, are funded by that municipality because they are part of it:
    the public sector's dependence on its own municipality is not an inequality
    between the parties, so it does not count (``None``). Every other party's
    ``budget_share_from_municipality`` counts, when known. The equality score and
    rule FR111 both count dependence this way.
    """
    if not dependence_counts(collaboration, participant):
        return None
    return participant.budget_share_from_municipality


def dependence_counts(collaboration: Collaboration, participant: Participant) -> bool:
    """Whether a party's funding by the municipality would count as dependence, if known.

    Not for the municipality, nor a public institution of the collaboration's own
    municipality (see `counted_dependence`).
    """
    actor = participant.actor
    return not (
        actor.kind is ActorKind.MUNICIPALITY
        or (
            actor.kind is ActorKind.PUBLIC_INSTITUTION
            and getattr(actor, "municipality_code", None) == collaboration.municipality_code
        )
    )


def equality(collaboration: Collaboration) -> Score:
    """Score the power balance: economic dependence against shared decision making.

    The talk: the collaboration "cannot fully escape that one party depends
    economically on the other", so the parties must work at meeting as equals.
    The most dependent party sets the independence part; a forum whose agenda
    every party sets is the room for dialogue between equals. The score never
    rises when a party's economic dependence rises. A public institution's
    funding by its own municipality is not counted (see rule FR111): it is part
    of the municipality, not a party that depends on it.

    Args:
        collaboration: The collaboration.

    Returns:
        The score, with the parts *independence* (0.4), *shared agenda* (0.4)
        and *felt equality* (0.2).
    """
    parties = collaboration.party_ids
    n = len(parties)
    dependent = sorted(
        (share, participant.id)
        for participant in collaboration.participants
        if (share := counted_dependence(collaboration, participant)) is not None
    )
    unknown = sorted(
        participant.id
        for participant in collaboration.participants
        if participant.budget_share_from_municipality is None
        and dependence_counts(collaboration, participant)
    )
    if unknown:
        # Any of them could get its whole budget from the municipality: until their shares
        # are known, the part is the least it could be, and a share left out never lifts it.
        known = (
            (
                f" (den mest afhængige kendte part, {max(dependent)[1]}, får "
                f"{_percent(max(dependent)[0])})",
                f" (the most dependent known party, {max(dependent)[1]}, gets "
                f"{_percent(max(dependent)[0])})",
            )
            if dependent
            else ("", "")
        )
        independence = _unknown_part(
            "independence",
            ("økonomisk uafhængighed", "economic independence"),
            None,
            0.4,
            (
                f"det vides ikke, hvor stor en del af budgettet {', '.join(unknown)} får fra "
                f"kommunen; indtil det kendes, tæller delen som 0{known[0]}",
                f"it is not known how much of its budget {', '.join(unknown)} gets from the "
                f"municipality; until it is, the part counts as 0{known[1]}",
            ),
            len(dependent) / (len(dependent) + len(unknown)),
        )
    elif dependent:
        share, party = max(dependent)
        independence = _part(
            "independence",
            ("økonomisk uafhængighed", "economic independence"),
            (1 - share) * HIGH,
            0.4,
            (
                f"den mest afhængige part, {party}, får {_percent(share)} af sit budget fra "
                "kommunen",
                f"the most dependent party, {party}, gets {_percent(share)} of its budget from "
                "the municipality",
            ),
        )
    else:
        independence = _part(
            "independence",
            ("økonomisk uafhængighed", "economic independence"),
            None,
            0.4,
            (
                "ingen part er afhængig af kommunens penge på en måde, der tæller",
                "no party's funding by the municipality counts as dependence",
            ),
        )
    forum = collaboration.forum
    if forum is None or not n:
        agenda = _fixed_part(
            "shared_agenda",
            ("fælles dagsorden", "shared agenda"),
            0.0,
            0.4,
            (
                "der er intet forum, hvor parterne sætter dagsordenen sammen",
                "there is no forum where the parties set the agenda together",
            ),
        )
    else:
        setting = set(forum.agenda_set_by) & parties
        agenda = _part(
            "shared_agenda",
            ("fælles dagsorden", "shared agenda"),
            len(setting) / n * HIGH,
            0.4,
            (
                f"{len(setting)} af de {n} parter sætter dagsordenen i {terminal_safe(forum.name)}",
                f"{len(setting)} of the {n} parties set the agenda of {terminal_safe(forum.name)}",
            ),
        )
    felt = _readiness_part(collaboration, "equality", ("oplevet ligeværd", "felt equality"), 0.2)
    return _score(
        "equality",
        "Ligeværd (magtbalance)",
        "Equality (power balance)",
        [
            independence,
            agenda,
            felt,
        ],
    )
