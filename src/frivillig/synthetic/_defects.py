"""The shapes, the defaults, the defects and their rates, and `SyntheticCollaboration`."""

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

import attrs

from .._core.labels import LabelledEnum
from .._model.collaboration import Collaboration

Shape = Literal["varied", "benchmark"]
"""The shapes of synthetic collaboration: ``"varied"`` or ``"benchmark"``."""

DEFAULT_AS_OF = dt.date(2026, 10, 1)
"""The day a synthetic collaboration is drawn as of, unless another is given.

Start dates, evaluation rounds and overdue evaluations are placed relative to
it; nothing is dated after it except planned starts and due dates. Pass the same
date as ``today`` to the rule check and the scores."""

DEFAULT_MUNICIPALITY_CODES: tuple[int, ...] = (101, 147, 461, 561, 751, 851)
"""København, Frederiksberg, Odense, Esbjerg, Aarhus and Aalborg."""


class Defect(LabelledEnum):
    """A weakness the varied generator puts into a collaboration on purpose.

    Each corresponds to one of the limits a rule checks (or a sign a score
    reads); the module's table gives the rate and which collaborations can get it.
    """

    AUTHORITY_TASK = (
        "authority_task",
        "frivillige udøver myndighed",
        "volunteers exercise public authority",
    )
    RESERVED_TASK = (
        "reserved_task",
        "frivillige løser en opgave forbeholdt personalet",
        "volunteers do a task reserved for staff",
    )
    DISPLACEMENT = (
        "displacement",
        "frivillige fortrænger lønnet personale",
        "volunteers displace paid staff",
    )
    CHILD_CERTIFICATE_MISSING = (
        "child_certificate_missing",
        "børneattest mangler eller er indhentet for sent",
        "child certificate missing or checked too late",
    )
    CONFIDENTIALITY_MISSING = (
        "confidentiality_missing",
        "tavshedserklæring mangler",
        "no confidentiality undertaking",
    )
    GOAL_NOT_AGREED = (
        "goal_not_agreed",
        "et mål er ikke aftalt med alle parter",
        "a goal is not agreed by every party",
    )
    NO_EVALUATION_PLAN = (
        "no_evaluation_plan",
        "ingen evalueringsplan",
        "no evaluation plan",
    )
    EVALUATION_OVERDUE = (
        "evaluation_overdue",
        "en evaluering er overskredet",
        "an evaluation is overdue",
    )
    ECONOMIC_DEPENDENCE_WITHOUT_FORUM = (
        "economic_dependence_without_forum",
        "stor økonomisk afhængighed og intet fælles forum",
        "high economic dependence and no shared forum",
    )
    FALLING_SATISFACTION = (
        "falling_satisfaction",
        "faldende tilfredshed",
        "falling satisfaction",
    )
    RESPONSIBILITY_UNASSIGNED = (
        "responsibility_unassigned",
        "et frivilligledelsesansvar er ikke placeret",
        "a volunteer-management responsibility is held by nobody",
    )
    NO_PURPOSE = ("no_purpose", "intet formål", "no stated purpose")
    SINGLE_KEY_PERSON = (
        "single_key_person",
        "afhængig af én ildsjæl",
        "depends on a single key person",
    )
    INFLUENCE_DENIED = (
        "influence_denied",
        "en frivillig, der vil have indflydelse, får kun praktiske opgaver",
        "a volunteer who wants influence gets only hands tasks",
    )
    HOURS_EXCEEDED = (
        "hours_exceeded",
        "en frivillig bedes om flere timer end tilbudt",
        "a volunteer is asked for more hours than offered",
    )
    ALLOWANCE_FROM_MUNICIPALITY = (
        "allowance_from_municipality",
        "skattefri godtgørelse til en frivillig ansat direkte af kommunen",
        "tax-free allowance to a volunteer engaged directly by the municipality",
    )
    FORMALISATION_MISFIT = (
        "formalisation_misfit",
        "formaliseringen er for løs til samarbejdets risici",
        "formalisation too loose for the collaboration's risks",
    )
    ENDED_WITHOUT_FINAL = (
        "ended_without_final",
        "afsluttet uden slutevaluering",
        "ended without a final evaluation",
    )
    BENEFIT_HOURS_LOGGED = (
        "benefit_hours_logged",
        "en frivillig på dagpenge har registreret over 44 timer på en måned uden for aktiviteter",
        "a volunteer on dagpenge logged over 44 hours in a month outside activities",
    )


D = Defect

DEFECT_RATES: Mapping[Defect, float] = MappingProxyType(
    {
        D.AUTHORITY_TASK: 0.06,
        D.RESERVED_TASK: 0.08,
        D.DISPLACEMENT: 0.07,
        D.CHILD_CERTIFICATE_MISSING: 0.25,
        D.CONFIDENTIALITY_MISSING: 0.25,
        D.GOAL_NOT_AGREED: 0.12,
        D.NO_EVALUATION_PLAN: 0.08,
        D.EVALUATION_OVERDUE: 0.15,
        D.ECONOMIC_DEPENDENCE_WITHOUT_FORUM: 0.10,
        D.FALLING_SATISFACTION: 0.15,
        D.RESPONSIBILITY_UNASSIGNED: 0.08,
        D.NO_PURPOSE: 0.05,
        D.SINGLE_KEY_PERSON: 0.10,
        D.INFLUENCE_DENIED: 0.10,
        D.HOURS_EXCEEDED: 0.08,
        D.ALLOWANCE_FROM_MUNICIPALITY: 0.15,
        D.FORMALISATION_MISFIT: 0.12,
        D.ENDED_WITHOUT_FINAL: 0.25,
        D.BENEFIT_HOURS_LOGGED: 0.3,
    }
)
"""The probability of each defect in a collaboration eligible for it (see the module)."""

OVERDUE_DAYS = 30
"""How many days past a due date an ``evaluation_overdue`` collaboration at least is,
with no round held since."""


@attrs.frozen(kw_only=True)
class SyntheticCollaboration:
    """A generated collaboration and the defects put into it on purpose.

    Attributes:
        collaboration: The collaboration, valid like any loaded one.
        defects: The defects it was given; empty for a collaboration built to
            show none of them.
    """

    collaboration: Collaboration
    defects: frozenset[Defect] = frozenset()
