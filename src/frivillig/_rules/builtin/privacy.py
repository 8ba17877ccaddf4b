"""The rules on personal data.

FR104: a confidentiality undertaking is missing; FR117: a CPR-shaped number in free text.
"""

from collections.abc import Callable, Iterator, Sequence

import attrs

from ..._core.labels import Language
from ..._model.collaboration import Collaboration
from ..._privacy import cpr_spans, may_hold_cpr_like
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
    _join,
    _tasks_phrase,
    _with_reasons,
    _with_task,
    _with_volunteer,
)

# -- sources -----------------------------------------------------------------------

CONFIDENTIALITY_LAW = Source(
    kind=S.LAW,
    citation="Forvaltningsloven § 27; straffeloven §§ 152 og 264 d",
    evidence=E.UNVERIFIED,
    note="Whether the duties for public servants bind unpaid volunteers is not settled; "
    "§ 264 d (disclosing private matters) applies to everyone.",
)
CONFIDENTIALITY_PRACTICE = Source(
    kind=S.PRACTICE,
    citation="Glostrup Kommune: tavshedserklæring for frivillige",
    evidence=E.SECONDARY,
    note="Volunteers are bound by confidentiality and the duty to notify like employees; "
    "collaboration agreements include it.",
)

CPR_ACT = Source(
    kind=S.LAW,
    citation="Databeskyttelsesloven (lov nr. 502 af 23. maj 2018) § 11; GDPR art. 87",
    evidence=E.VERIFIED,
    note="Public authorities may process CPR numbers to identify a person uniquely or as a "
    "file number; private parties, associations included, only with a basis in law, consent "
    "or in a few narrow cases; a CPR number must never be published without consent. Article "
    "87 lets the member states set the conditions for a national identification number.",
)
DATA_MINIMISATION = Source(
    kind=S.MODEL,
    citation="frivillig: dataminimering - modellen har intet CPR-felt (cpr_problems)",
    evidence=E.CHOICE,
    note="Nothing the library does needs a CPR number, so it stores none; a number in a text "
    "is found by its shape, not proven to be a CPR number.",
)


# -- FR104 confidentiality ---------------------------------------------------------


def confidentiality(context: RuleContext) -> Iterator[Hit]:
    """A volunteer handles confidential personal data without a confidentiality undertaking."""
    collaboration = context.collaboration
    data_tasks: dict[str, list[int]] = {}
    for index, task in enumerate(collaboration.tasks):
        if task.confidential_data:
            for volunteer_id in dict.fromkeys(task.volunteers):
                data_tasks.setdefault(volunteer_id, []).append(index)
    for v, volunteer in enumerate(collaboration.volunteers):
        indexes = data_tasks.get(volunteer.id)
        signed = volunteer.confidentiality_signed_on
        if not indexes or (signed is not None and signed <= context.today):
            continue
        ids = [collaboration.tasks[t].id for t in indexes]
        vid = volunteer.id
        yield _hit(
            [("volunteers", v), *(("tasks", t) for t in indexes)],
            (
                f"Den frivillige '{vid}' håndterer fortrolige personoplysninger i "
                f"{_tasks_phrase(ids, 'da')}, men der er ingen tavshedserklæring. Få den "
                "frivillige til at underskrive en, og forklar tavshedspligten, før den frivillige "
                "igen får adgang til oplysningerne.",
                f"Volunteer '{vid}' handles confidential personal data in "
                f"{_tasks_phrase(ids, 'en')}, but has no confidentiality undertaking "
                "(tavshedserklæring) on file. Have the volunteer sign one, and explain the duty "
                "of confidentiality, before the volunteer sees the data again.",
            ),
            "no_undertaking",
            personal=True,
        )


# -- FR117 CPR numbers in free text ------------------------------------------------


def _positions(spans: Sequence[tuple[int, int]], lang: Language) -> str:
    word = "tegn" if lang == "da" else "characters"
    return f"{word} {_join([f'{start + 1}-{end}' for start, end in spans], lang)}"


def cpr_numbers(context: RuleContext) -> Iterator[Hit]:
    """A text in the collaboration holds a number shaped like a CPR number."""
    if not may_hold_cpr_like(context.collaboration):
        return
    for path, spans in cpr_spans(context.collaboration):
        if len(spans) == 1:
            found = (
                "et tal, der ligner et CPR-nummer",
                "a number shaped like a CPR number",
            )
        else:
            found = (
                f"{len(spans)} tal, der ligner CPR-numre",
                f"{len(spans)} numbers shaped like CPR numbers",
            )
        yield _hit(
            [path],
            (
                f"Teksten indeholder {found[0]} ({_positions(spans, 'da')}). Fjern tallet fra "
                "teksten (er det et id, så giv det et andet), og gem aldrig CPR-numre i "
                "samarbejdet: frivillig har ikke brug for dem, og de ville følge med i hver "
                "kopi af samarbejdet.",
                f"The text holds {found[1]} ({_positions(spans, 'en')}). Remove the number "
                "from the text (if it is an id, give it another), and never store CPR numbers "
                "in the collaboration: frivillig has no need of them, and every copy of the "
                "collaboration would carry them.",
            ),
            "cpr_number",
        )


# -- examples ----------------------------------------------------------------------


def _summary_with(words: str) -> Callable[[], Collaboration]:
    def build() -> Collaboration:
        base = _base()
        rounds = list(base.rounds)
        summary = f"{rounds[-1].summary} {words}"
        rounds[-1] = attrs.evolve(rounds[-1], summary=summary)
        return attrs.evolve(base, rounds=tuple(rounds))

    return build


# -- reason codes ------------------------------------------------------------------

REASONS: dict[str, dict[str, Texts]] = {
    "FR104": {
        "no_undertaking": (
            "En frivillig på en opgave med fortrolige personoplysninger har ikke underskrevet "
            "en tavshedserklæring.",
            "A volunteer on a task with confidential personal data has no confidentiality "
            "undertaking on file.",
        ),
    },
    "FR117": {
        "cpr_number": (
            "En tekst indeholder et tal med form som et CPR-nummer.",
            "A text holds a number shaped like a CPR number.",
        ),
    },
}
"""The reason codes of this module's rules, by rule code, each with its meaning (da, en)."""


# -- the rules ---------------------------------------------------------------------

_RULES: tuple[Rule, ...] = (
    Rule(
        code="FR104",
        name="confidentiality-undertaking-missing",
        severity=Severity.ERROR,
        title_da="Tavshedserklæring mangler",
        title_en="Confidentiality undertaking missing",
        rationale=(
            "A volunteer who handles confidential personal data about citizens must know and "
            "accept the duty of confidentiality. Whether the duties of public servants bind "
            "unpaid volunteers is not settled, so municipalities impose the duty by a written "
            "undertaking (tavshedserklæring). The rule reports each volunteer on a task marked "
            "`confidential_data` without `confidentiality_signed_on` (or signed after the "
            "check date)."
        ),
        sources=(CONFIDENTIALITY_PRACTICE, CONFIDENTIALITY_LAW),
        check=confidentiality,
        failing_example=_example(
            "The visiting friends read the residents' care notes; v03 has signed no undertaking.",
            lambda: _with_volunteer(
                _with_task(_base(), 0, confidential_data=True), 2, confidentiality_signed_on=None
            ),
        ),
        passing_example=_example(
            "The same task, and every volunteer on it has signed an undertaking.",
            lambda: _with_task(_base(), 0, confidential_data=True),
        ),
    ),
    Rule(
        code="FR117",
        name="cpr-number-in-free-text",
        severity=Severity.ERROR,
        title_da="CPR-nummer i fri tekst",
        title_en="CPR number in free text",
        rationale=(
            "frivillig never stores a CPR number: the model has no field for one, and nothing "
            "the library does needs it. Public authorities may process CPR numbers to identify "
            "people, associations only with a basis in law or consent, and a CPR number must "
            "never be published without consent; a number typed into a note goes with every "
            "copy of the collaboration. The rule reports each text that "
            "holds a number shaped like a CPR number, as `frivillig.cpr_problems` finds them: "
            "ten digits, DDMMYY-SSSS, the hyphen, a dash or a space between the parts "
            "optional, no digit on either side, and the first six digits a real date by the "
            "CPR number's century rule. There is no modulus-11 check, since numbers issued "
            "since 2007 need not pass one. Every text is searched - descriptions, notes, "
            "summaries, comments, titles, ids and keys - and each finding points at one text "
            "and gives the positions of the numbers in it, never the numbers themselves. A "
            "report names its collaboration by id, so a CPR number in the collaboration's own "
            "id does appear in it: change such an id first."
        ),
        sources=(CPR_ACT, DATA_MINIMISATION),
        check=cpr_numbers,
        failing_example=_example(
            "The last evaluation summary notes a new visiting friend by CPR number.",
            _summary_with("Ny besøgsven (CPR 211062-5629) starter i november."),
        ),
        passing_example=_example(
            "The same summary names the new visiting friend by the volunteer's id.",
            _summary_with("Ny besøgsven (v06) starter i november."),
        ),
    ),
)
RULES: tuple[Rule, ...] = _with_reasons(_RULES, REASONS)
"""This module's rules, with their reason codes, in code order."""
