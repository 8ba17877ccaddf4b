"""The rule on the collaboration's own references.

FR116: an id that refers to nothing in the collaboration.
"""

import re
from collections.abc import Iterator

import attrs

from ..._model.collaboration import Collaboration
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
    _with_goal,
    _with_reasons,
)

# -- sources -----------------------------------------------------------------------

DATA_MODEL = Source(
    kind=S.MODEL,
    citation="frivillig: datamodellens krydshenvisninger (integrity_problems)",
    evidence=E.CHOICE,
)


# -- FR116 integrity ---------------------------------------------------------------

_QUOTED_ID = re.compile(r"'([^']*)'")


def integrity(context: RuleContext) -> Iterator[Hit]:
    """An id named in the collaboration refers to nothing in it."""
    from ..._model.integrity import integrity_problems

    for problem in integrity_problems(context.collaboration):
        match = _QUOTED_ID.search(problem.message)
        named = f"'{match.group(1)}'" if match else "id'et"
        if "goal_progress" in problem.path:
            thing = "et mål"
        elif ".volunteers[" in problem.path and problem.path.startswith("$.tasks"):
            thing = "en frivillig"
        else:
            thing = "en part"
        yield _hit(
            [problem.path],
            (
                f"{problem.path} henviser til {named}, som ikke er {thing} i samarbejdet. Ret "
                "henvisningen, eller tilføj det, der henvises til.",
                f"{problem.path}: {problem.message}. Correct the reference, or add what it "
                "refers to.",
            ),
            "dangling_reference",
        )


# -- examples ----------------------------------------------------------------------


def _dangling_agreement() -> Collaboration:
    base = _base()
    goal = base.goals[0]
    agreements = list(goal.agreements)
    agreements[0] = attrs.evolve(agreements[0], party="kommunen")
    return _with_goal(base, 0, agreements=tuple(agreements))


# -- reason codes ------------------------------------------------------------------

REASONS: dict[str, dict[str, Texts]] = {
    "FR116": {
        "dangling_reference": (
            "Et id i samarbejdet henviser til noget, der ikke findes i det.",
            "An id in the collaboration refers to something that is not in it.",
        ),
    },
}
"""The reason codes of this module's rules, by rule code, each with its meaning (da, en)."""


# -- the rules ---------------------------------------------------------------------

_RULES: tuple[Rule, ...] = (
    Rule(
        code="FR116",
        name="dangling-reference",
        severity=Severity.ERROR,
        title_da="Henvisning til noget, der ikke findes",
        title_en="Reference to something that does not exist",
        rationale=(
            "Every id named in a collaboration - in agreements, responsibilities, "
            "respondents, tasks, volunteers - must refer to something in it. The loader "
            "rejects documents with dangling ids, so the rule matters for objects built in "
            "code; it reports what `frivillig.integrity_problems` finds."
        ),
        sources=(DATA_MODEL,),
        check=integrity,
        failing_example=_example(
            "An agreement names the party 'kommunen', but the party's id is 'kommune'.",
            _dangling_agreement,
        ),
        passing_example=_example("Every agreement names a party of the collaboration.", _base),
    ),
)
RULES: tuple[Rule, ...] = _with_reasons(_RULES, REASONS)
"""This module's rules, with their reason codes, in code order."""
