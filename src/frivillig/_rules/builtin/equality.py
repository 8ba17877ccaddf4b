"""The rule on equality between the parties.

FR111: the equality risk.
"""

from collections.abc import Callable, Iterator

import attrs

from ..._model.actors import Sector
from ..._model.collaboration import Collaboration, Forum
from ..._scores.scores import (
    counted_dependence,
)
from ..engine import (
    Hit,
    Rule,
    RuleContext,
    Severity,
    Source,
)
from ._shared import (
    E,
    S,
    Texts,
    _base,
    _example,
    _hit,
    _name,
    _percent,
    _with_reasons,
)

# -- sources -----------------------------------------------------------------------

TALK_EQUALITY = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): 'Ligeværdighed'",
    note="The collaboration cannot fully escape that one party depends economically on the "
    "other, so the parties must work together to make room for equal dialogue.",
)
CHARTER_ROLES = Source(
    kind=S.AGREEMENT,
    citation="Frivilligcharteret (2001): tillid og respekt for hinandens opgaver og roller",
    evidence=E.SECONDARY,
)


# -- FR111 equality ----------------------------------------------------------------


def equality_risk(context: RuleContext) -> Iterator[Hit]:
    """A party depends economically on the municipality and has no forum to set the agenda in."""
    collaboration, settings = context.collaboration, context.settings
    forum: Forum | None = collaboration.forum
    public = {p.id for p in collaboration.participants if p.actor.kind.sector is Sector.PUBLIC}
    for index, participant in enumerate(collaboration.participants):
        # The municipality and its own institutions do not count: see counted_dependence.
        share = counted_dependence(collaboration, participant)
        if share is None or share < settings.dependence_share:
            continue
        name = _name(participant)
        if forum is None:
            yield _hit(
                [("participants", index), ("forum",)],
                (
                    f"{name} får {_percent(share, 'da')} af sit budget fra kommunen, og "
                    "samarbejdet har intet forum, hvor begge sætter dagsordenen. Opret et forum "
                    f"(fx en styregruppe), hvor {name} og kommunen sammen sætter dagsordenen, så "
                    "dialogen kan foregå mellem ligeværdige parter.",
                    f"{name} gets {_percent(share, 'en')} of its budget from the municipality, "
                    "and the collaboration has no forum where both set the agenda. Set up one "
                    f"(e.g. a steering group) where {name} and the municipality set the agenda "
                    "together, so that the dialogue can be between equals.",
                ),
                "no_forum",
            )
            continue
        setters = set(forum.agenda_set_by)
        if participant.id in setters and (not public or setters & public):
            continue
        yield _hit(
            [("participants", index), ("forum", "agenda_set_by")],
            (
                f"{name} får {_percent(share, 'da')} af sit budget fra kommunen, men sætter "
                f"ikke dagsordenen i '{forum.name}' sammen med den offentlige part. Lad {name} "
                "og kommunen sætte dagsordenen sammen.",
                f"{name} gets {_percent(share, 'en')} of its budget from the municipality, but "
                f"does not set the agenda of '{forum.name}' together with the public party. Let "
                f"{name} and the municipality set the agenda together.",
            ),
            "agenda_not_shared",
        )


# -- examples ----------------------------------------------------------------------


def _forum_without(*parties: str) -> Callable[[], Collaboration]:
    def build() -> Collaboration:
        base = _base()
        forum = base.forum
        assert forum is not None  # noqa: S101 - the example has a forum
        kept = tuple(p for p in forum.agenda_set_by if p not in parties)
        return attrs.evolve(base, forum=attrs.evolve(forum, agenda_set_by=kept))

    return build


# -- reason codes ------------------------------------------------------------------

REASONS: dict[str, dict[str, Texts]] = {
    "FR111": {
        "no_forum": (
            "En part, der er økonomisk afhængig af kommunen, er med i et samarbejde uden et "
            "forum, hvor begge sætter dagsordenen.",
            "A party that depends economically on the municipality is in a collaboration with "
            "no forum where both set the agenda.",
        ),
        "agenda_not_shared": (
            "En part, der er økonomisk afhængig af kommunen, sætter ikke dagsordenen i "
            "samarbejdets forum sammen med den offentlige part.",
            "A party that depends economically on the municipality does not set the agenda of "
            "the collaboration's forum together with the public party.",
        ),
    },
}
"""The reason codes of this module's rules, by rule code, each with its meaning (da, en)."""


# -- the rules ---------------------------------------------------------------------

_RULES: tuple[Rule, ...] = (
    Rule(
        code="FR111",
        name="equality-risk",
        severity=Severity.WARNING,
        title_da="Risiko for ulige samarbejde",
        title_en="Equality at risk",
        rationale=(
            "The collaboration cannot fully escape that one party depends economically on the "
            "other, so the parties must make room for dialogue between equals. The rule "
            "reports each party that gets at least `dependence_share` of its budget from the "
            "municipality, when the collaboration has no forum, or a forum whose agenda that "
            "party and a public party do not set together. The municipality and its own "
            "public institutions are left out: the public sector's dependence on its own "
            "municipality is not an inequality between the parties. The equality score counts "
            "dependence the same way."
        ),
        sources=(TALK_EQUALITY, CHARTER_ROLES),
        check=equality_risk,
        settings=("dependence_share",),
        failing_example=_example(
            "The volunteer centre (80 % of its budget from the municipality) does not set the "
            "forum's agenda.",
            _forum_without("frivilligcenter"),
        ),
        passing_example=_example("Every party sets the forum's agenda together.", _base),
    ),
)
RULES: tuple[Rule, ...] = _with_reasons(_RULES, REASONS)
"""This module's rules, with their reason codes, in code order."""
