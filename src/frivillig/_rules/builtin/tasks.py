"""The rules on the tasks volunteers may not be given.

FR101: tasks that exercise public authority; FR102: tasks reserved for staff.
"""

from collections.abc import Iterator

from ..._core.labels import Language
from ..._model.tasks import ReservedKind, Task
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
    _both,
    _example,
    _hit,
    _join,
    _with_reasons,
    _with_task,
)

# -- sources -----------------------------------------------------------------------

AUTHORITY_DOCTRINE = Source(
    kind=S.LAW,
    citation="Forvaltningsretten: myndighedsudøvelse kan kun overlades til private med lovhjemmel",
    evidence=E.VERIFIED,
    note="Decisions, visitation and sanctions are the public sector's exclusive competence; "
    "handing them to private persons needs a legal basis (lovhjemmel). Doctrine; no statute "
    "names volunteers.",
)
COPENHAGEN_RULES = Source(
    kind=S.PRACTICE,
    citation="Københavns Kommune: Spilleregler for samarbejdet mellem frivillige og professionelle",
    evidence=E.SECONDARY,
    note="Staff solve visitated tasks; volunteers only do tasks that need no visitation or "
    "registration, and keep no journal.",
)
TALK_LEGAL_CERTAINTY = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): retssikkerhed for brugerne",
)
RESERVED_PRACTICE = Source(
    kind=S.PRACTICE,
    citation="Randers Kommune og Ældre Sagen: regler for frivillige",
    evidence=E.SECONDARY,
    note="No personal care or nursing, no handling of residents' money or medicine, no keys "
    "to the citizen's home, no statutory public obligations.",
)
AUTHORISATION_ACT = Source(
    kind=S.LAW,
    citation="Autorisationsloven (LBK nr. 122 af 24. januar 2023) §§ 17, 73-74",
    evidence=E.VERIFIED,
    note="Reserved health work is done by authorised persons or assistants they delegate to; "
    "that volunteers are not a delegation target is an inference from municipal practice.",
)


# -- FR101 authority ---------------------------------------------------------------


def authority(context: RuleContext) -> Iterator[Hit]:
    """A task that exercises public authority is given to volunteers."""
    for index, task in enumerate(context.collaboration.tasks):
        if not task.exercises_authority:
            continue
        yield _hit(
            [("tasks", index)],
            (
                f"Opgaven '{task.id}' ({task.title}) indebærer myndighedsudøvelse (afgørelser, "
                "visitation, sanktioner eller journalføring), som kommunen ikke kan overlade til "
                "frivillige uden lovhjemmel. Lad medarbejdere varetage myndighedsdelen, og giv "
                "de frivillige opgaver uden afgørelser om borgerne.",
                f"Task '{task.id}' ({task.title}) exercises public authority (decisions, "
                "visitation, sanctions or journal entries), which the municipality cannot hand "
                "to volunteers without a legal basis. Give the authority part to staff, and give "
                "the volunteers tasks that involve no decisions about citizens.",
            ),
            "authority_task",
        )


# -- FR102 reserved tasks ----------------------------------------------------------

_HEALTH = frozenset(
    {ReservedKind.NURSING, ReservedKind.MEDICINE, ReservedKind.HEALTH_AUTHORISATION}
)


def reserved_tasks(context: RuleContext) -> Iterator[Hit]:
    """Volunteers are given work that municipal practice reserves for staff."""
    for index, task in enumerate(context.collaboration.tasks):
        if not task.reserved:
            continue
        kinds = [kind for kind in ReservedKind if kind in task.reserved]
        health = bool(_HEALTH & set(task.reserved))

        def message(lang: Language, task: Task = task, kinds: list[ReservedKind] = kinds) -> str:
            listed = _join([kind.label(lang) for kind in kinds], lang)
            if lang == "da":
                return (
                    f"Opgaven '{task.id}' ({task.title}) omfatter arbejde, som kommunal praksis "
                    f"forbeholder medarbejdere: {listed}. Lad medarbejdere varetage den del "
                    "(sundhedsfagligt arbejde kun af autoriserede personer efter "
                    "delegationsreglerne), og giv de frivillige den sociale del af opgaven."
                )
            return (
                f"Task '{task.id}' ({task.title}) includes work that municipal practice reserves "
                f"for staff: {listed}. Keep that part with staff (health work only with "
                "authorised persons under the delegation rules) and give the volunteers the "
                "social part of the task."
            )

        yield _hit(
            [("tasks", index)],
            _both(message),
            "reserved_task",
            source=AUTHORISATION_ACT.citation if health else None,
        )


# -- reason codes ------------------------------------------------------------------

REASONS: dict[str, dict[str, Texts]] = {
    "FR101": {
        "authority_task": (
            "En opgave, der indebærer myndighedsudøvelse (afgørelser, visitation, sanktioner, "
            "journalnotater), er givet til frivillige.",
            "A task that exercises public authority (decisions, visitation, sanctions, journal "
            "entries) is given to volunteers.",
        ),
    },
    "FR102": {
        "reserved_task": (
            "En opgave af en art, som kommunal praksis forbeholder medarbejdere, eller som "
            "kræver en sundhedsfaglig autorisation, er givet til frivillige.",
            "A task of a kind municipal practice reserves for staff, or one that needs a "
            "health professional's authorisation, is given to volunteers.",
        ),
    },
}
"""The reason codes of this module's rules, by rule code, each with its meaning (da, en)."""


# -- the rules ---------------------------------------------------------------------

_RULES: tuple[Rule, ...] = (
    Rule(
        code="FR101",
        name="authority-task-given-to-volunteers",
        severity=Severity.ERROR,
        title_da="Frivillige udøver myndighed",
        title_en="Volunteers exercise public authority",
        rationale=(
            "Exercising public authority (myndighedsudøvelse) - decisions about citizens, "
            "visitation, sanctions, journal entries - is the public sector's exclusive "
            "competence; handing it to private persons needs a legal basis, and no law gives "
            "one for volunteers. The users' legal certainty depends on it. The rule reports "
            "every task marked `exercises_authority`, assigned or not, because a task in a "
            "collaboration is work for volunteers."
        ),
        sources=(AUTHORITY_DOCTRINE, COPENHAGEN_RULES, TALK_LEGAL_CERTAINTY),
        check=authority,
        failing_example=_example(
            "The visiting friends are asked to write notes in the residents' journals.",
            lambda: _with_task(
                _base(),
                0,
                title="Besøgsven, der også skriver notater i beboerens journal",
                exercises_authority=True,
            ),
        ),
        passing_example=_example(
            "The visiting friends talk, walk and read aloud; staff keep the journals.", _base
        ),
    ),
    Rule(
        code="FR102",
        name="reserved-task-given-to-volunteers",
        severity=Severity.ERROR,
        title_da="Frivillige får opgaver forbeholdt medarbejdere",
        title_en="Volunteers get tasks reserved for staff",
        rationale=(
            "Municipal practice keeps some work with staff: personal care and nursing, "
            "handling medicine, handling a citizen's money, keys to a citizen's home, and "
            "visitated services; work that needs a health professional's authorisation may "
            "only be done by authorised persons or assistants they delegate to, and "
            "volunteers are not a delegation target in municipal practice. The rule reports "
            "every task with a `reserved` kind and names the kinds."
        ),
        sources=(RESERVED_PRACTICE, COPENHAGEN_RULES, AUTHORISATION_ACT),
        check=reserved_tasks,
        failing_example=_example(
            "The visiting friends are asked to hand out the residents' medicine.",
            lambda: _with_task(_base(), 0, reserved=(ReservedKind.MEDICINE,)),
        ),
        passing_example=_example("The visiting friends leave the medicine to the staff.", _base),
    ),
)
RULES: tuple[Rule, ...] = _with_reasons(_RULES, REASONS)
"""This module's rules, with their reason codes, in code order."""
