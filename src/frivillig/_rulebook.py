"""The built-in rules: where the limits of volunteering lie, one function per rule.

Each rule below is a plain function from a [`RuleContext`][frivillig.RuleContext]
to the [`Hit`][frivillig.Hit]s it finds, with its metadata beside it: a stable
code (``FR101`` to ``FR117``: the limits in the order of the domain description,
then the guard against CPR numbers in text), a name, a severity, a rationale,
its sources and how firmly each is established, the settings it uses, and a
failing and a passing example. The rule catalogue in the documentation is
generated from this metadata.
"""

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import attrs

from . import schedules
from ._actors import Sector, VoluntaryOrganisation
from ._calendar import add_days, add_months
from ._collaboration import Collaboration, Forum, LifecycleStatus, ManagementTask, ValueCase
from ._formalisation import FormalisationLevel
from ._goals import Goal, GoalStatus
from ._labels import Language
from ._participation import Participant
from ._privacy import cpr_spans, mask_cpr_like, may_hold_cpr_like
from ._rules import (
    Evidence,
    Hit,
    Rule,
    Rulebook,
    RuleContext,
    RuleExample,
    Severity,
    Source,
    SourceKind,
)
from ._scores import FormalisationDriver, level_rank, recommended_level
from ._tasks import ReservedKind, Task, TaskKind
from ._volunteers import AgeBand, ChildCertificateCheck, Engagement, Remuneration, Volunteer

__all__ = ["BUILTIN_RULES", "DEFAULT_RULEBOOK", "EXAMPLE_DATE"]

Status = LifecycleStatus
Texts = tuple[str, str]
"""A Danish and an English text, in that order."""

RUNNING = frozenset({Status.ACTIVE, Status.EVALUATING, Status.CONTINUED, Status.ADJUSTED})
"""The statuses in which volunteers are at work: past the agreeing stage, not ended."""

CHILD_AGE_LIMIT = 15
"""Children under this age are covered by the child-certificate law (børneattestloven § 2)."""

EXAMPLE_DATE = dt.date(2026, 10, 15)
"""The date the built-in rules' examples are checked on."""


# -- small helpers for messages ----------------------------------------------------


def _quoted(ids: Iterable[str]) -> list[str]:
    return [f"'{id_}'" for id_ in sorted(set(ids))]


def _join(items: Sequence[str], lang: Language) -> str:
    if len(items) <= 1:
        return "".join(items)
    last = " og " if lang == "da" else " and "
    return ", ".join(items[:-1]) + last + items[-1]


def _tasks_phrase(ids: Iterable[str], lang: Language) -> str:
    quoted = _quoted(ids)
    if lang == "da":
        word = "opgaven" if len(quoted) == 1 else "opgaverne"
    else:
        word = "task" if len(quoted) == 1 else "tasks"
    return f"{word} {_join(quoted, lang)}"


def _number(value: float, lang: Language) -> str:
    rounded = round(value, 1)
    shown = f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"
    return shown.replace(".", ",") if lang == "da" else shown


def _percent(share: float, lang: Language) -> str:
    return f"{share * 100:.0f} %" if lang == "da" else f"{share * 100:.0f}%"


def _name(participant: Participant) -> str:
    return f"'{participant.actor.name}'"


def _both(make: Callable[[Language], str]) -> Texts:
    return make("da"), make("en")


def _hit(
    paths: Iterable[tuple[str | int, ...] | str],
    texts: Texts,
    reason: str,
    *,
    source: str | None = None,
    personal: bool = False,
) -> Hit:
    # A message may quote a title or a name: mask CPR-shaped numbers in it here, before a
    # report wraps it into lines and a number could be split where no one finds it.
    return Hit(
        paths=paths,
        message_da=mask_cpr_like(texts[0]),
        message_en=mask_cpr_like(texts[1]),
        reason=reason,
        source=source,
        personal=personal,
    )


def _volunteer_tasks(collaboration: Collaboration) -> dict[str, list[int]]:
    """Map each volunteer id to the indexes of the tasks it is assigned to."""
    found: dict[str, list[int]] = {}
    for index, task in enumerate(collaboration.tasks):
        for volunteer_id in dict.fromkeys(task.volunteers):
            found.setdefault(volunteer_id, []).append(index)
    return found


# -- sources -----------------------------------------------------------------------

S = SourceKind
E = Evidence

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
CHILD_CERTIFICATE_ACT = Source(
    kind=S.LAW,
    citation="Børneattestloven (LBK nr. 362 af 2. april 2014) § 2, stk. 1",
    evidence=E.VERIFIED,
    note="A certificate before engaging, paid or unpaid, a person with regular attachment "
    "(fast tilknytning) who has direct contact with, or moves regularly among, children "
    "under 15. The law does not define regular attachment.",
)
CHILD_CERTIFICATE_ORDER = Source(
    kind=S.LAW,
    citation="Kirkeministeriets BEK nr. 404 af 21. april 2016 (børneattest)",
    evidence=E.VERIFIED,
    note="Two steps: a role meant from the start to be more than one-off needs the check "
    "before the start; as a backstop, more than 3 months with at least 3 occasions, or one "
    "continuous period of more than a week, makes it due within 3 weeks. Kulturministeriet's "
    "order uses the same figures (secondary); the social, day-care and school orders were "
    "not found, so the figures are settings.",
)
CHILD_CERTIFICATE_POLICIES = Source(
    kind=S.PRACTICE,
    citation="FDF's vedtægter § 4, stk. 8 og § 7, stk. 8; foreningers praksis for fornyelse",
    evidence=E.SECONDARY,
    note="Association policies are stricter than the law (FDF: more than 4 continuous days; "
    "always for overnight stays). The law sets no renewal interval; associations renew "
    "yearly or every 2 or 3 years.",
)
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
CHARTER_2001 = Source(
    kind=S.AGREEMENT,
    citation="Frivilligcharteret (2001): frivillighed skal ikke erstatte den offentlige indsats",
    evidence=E.VERIFIED,
    note="Verified as policy shared by KL and the unions (supplement, not substitute); "
    "not a statute.",
)
AES_CRITERIA = Source(
    kind=S.PRACTICE,
    citation="Arbejdsmarkedets Erhvervssikring: kriterier for frivilligt arbejde",
    evidence=E.VERIFIED,
    note="An instruction right, real work someone else would have done, a fixed rota and a "
    "duty to find a substitute mark voluntary *work*; the same features are signs of "
    "displacement.",
)
SECTION_18_DEFINITION = Source(
    kind=S.GUIDANCE,
    citation="Vejledning nr. 10266 af 19. december 2017 om det frivillige område (serviceloven)",
    evidence=E.VERIFIED,
    note="A voluntary effort is free of coercion, unpaid (expenses or a symbolic amount "
    "allowed), for people outside one's own family, for the benefit of others, and formally "
    "organised.",
)
TAX_FREE_ALLOWANCE = Source(
    kind=S.LAW,
    citation="Ligningsloven § 7 M",
    evidence=E.VERIFIED,
    note="Only an association can pay tax-free allowances to its unpaid volunteers; that "
    "volunteers engaged directly by a municipality cannot receive them is secondary (fcmf.dk).",
)
TALK_GOALS = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): 'Det vigtigste' - afklar målene",
    note="The collaboration can only develop once both parties have stated their wishes and, "
    "through dialogue, agreed on its goals.",
)
TALK_MANAGEMENT = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): 'Foreningssamarbejde eller egne "
    "frivillige?'",
    note="Whether the volunteers come through an association or are the institution's own, "
    "someone must handle these five tasks.",
)
REGIONS_CHECKLIST = Source(
    kind=S.PRACTICE,
    citation="Danske Regioner: råd og retningslinjer for samarbejdsaftaler",
    evidence=E.SECONDARY,
    note="A written agreement states the division of responsibilities and tasks, including "
    "daily management, and how the collaboration is evaluated.",
)
TALK_EVALUATION = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): 'Evaluer samarbejdet'",
    note="A good collaboration is not built overnight; evaluate continuously whether the "
    "chosen form satisfies both parties. How soon and how often are the library's defaults.",
)
TALK_FORMALISATION = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): 'Afklar behovet for formalisering'",
    note="A formal collaboration gives transparent frames for the dialogue; a less formal one "
    "gives more flexibility.",
)
FORMALISATION_LADDER = Source(
    kind=S.PRACTICE,
    citation="Dansk praksis: frivilligaftale, samarbejdsaftale, partnerskabsaftale",
    evidence=E.SECONDARY,
    note="The ordered forms, and who carries which duty at each (frivillignu.dk, Fredensborg). "
    "The risk drivers and step thresholds are the library's choice.",
)
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
TALK_FIERY_SOULS = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): engagement og ildsjæle",
)
TALK_VOLUNTEERS = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): 'Hænder og hoveder!'",
    note="The typical volunteer 'won't put up with just anything': wants to give a lot, but "
    "also to decide and develop.",
)
UNEMPLOYMENT_BENEFIT = Source(
    kind=S.PRACTICE,
    citation="Bekendtgørelse om udbetaling af dagpenge (bek. nr. 1261 af 30. oktober 2023)",
    evidence=E.SECONDARY,
    note="As the unemployment funds explain it: 44 hours a month of unpaid voluntary work for "
    "a voluntary organisation without deduction; volunteering directly for a public "
    "institution is deducted hour by hour; 'activities' are unlimited. The order may since "
    "have been replaced.",
)
TALK_SENSE = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): 'Det skal give mening!'",
    note="Why involve volunteers (quality, active citizenship, a more interesting workplace, "
    "innovation), and what value it has for the institution, the employees and the citizens.",
)
ASSOCIATION_APPROVAL = Source(
    kind=S.LAW,
    citation="Folkeoplysningsloven § 4, stk. 3",
    evidence=E.VERIFIED,
    note="An approved association has statutes with a purpose, a board, a democratic "
    "structure, at least 5 paying members, and is based in the municipality.",
)
ASSOCIATION_DECLARATION = Source(
    kind=S.LAW,
    citation="Folkeoplysningsloven § 4, stk. 4 og § 45, stk. 3",
    evidence=E.VERIFIED,
    note="Each year the association declares that it obtains child certificates; without the "
    "declaration the municipality may not give grants or premises.",
)
DATA_MODEL = Source(
    kind=S.MODEL,
    citation="frivillig: datamodellens krydshenvisninger (integrity_problems)",
    evidence=E.CHOICE,
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


# -- examples ----------------------------------------------------------------------


def _base() -> Collaboration:
    from ._examples import load_example

    return load_example("visiting_friends")


def _with_task(collaboration: Collaboration, index: int, **changes: Any) -> Collaboration:
    tasks = list(collaboration.tasks)
    tasks[index] = attrs.evolve(tasks[index], **changes)
    return attrs.evolve(collaboration, tasks=tuple(tasks))


def _with_volunteer(collaboration: Collaboration, index: int, **changes: Any) -> Collaboration:
    volunteers = list(collaboration.volunteers)
    volunteers[index] = attrs.evolve(volunteers[index], **changes)
    return attrs.evolve(collaboration, volunteers=tuple(volunteers))


def _with_participant(collaboration: Collaboration, index: int, **changes: Any) -> Collaboration:
    participants = list(collaboration.participants)
    participants[index] = attrs.evolve(participants[index], **changes)
    return attrs.evolve(collaboration, participants=tuple(participants))


def _with_actor(collaboration: Collaboration, index: int, **changes: Any) -> Collaboration:
    actor = attrs.evolve(collaboration.participants[index].actor, **changes)
    return _with_participant(collaboration, index, actor=actor)


def _with_goal(collaboration: Collaboration, index: int, **changes: Any) -> Collaboration:
    goals = list(collaboration.goals)
    goals[index] = attrs.evolve(goals[index], **changes)
    return attrs.evolve(collaboration, goals=tuple(goals))


def _example(description: str, build: Callable[[], Collaboration]) -> RuleExample:
    return RuleExample(description=description, build=build, today=EXAMPLE_DATE)


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


# -- FR103 child certificate -------------------------------------------------------


def _who_checks(collaboration: Collaboration, volunteer: Volunteer) -> Texts:
    if volunteer.engagement is Engagement.MUNICIPALITY:
        return "Kommunen", "The municipality"
    party = collaboration.participant(volunteer.association or "")
    if party is None:
        return "Den forening, der har den frivillige,", "The association that engages the volunteer"
    return _name(party), _name(party)


def _backstop_due(volunteer: Volunteer, context: RuleContext) -> dt.date | None:
    """The date the certificate is due by under the backstop, if the threshold is passed."""
    settings = context.settings
    start = volunteer.started_on
    if start is None:
        return None
    passed: list[dt.date] = []
    occasions = volunteer.occasions_with_children or 0
    months_passed = add_months(start, settings.child_certificate_backstop_months)
    if occasions >= settings.child_certificate_backstop_occasions and months_passed < context.today:
        passed.append(add_days(months_passed, 1))
    continuous_days = settings.child_certificate_backstop_continuous_days
    if (volunteer.longest_continuous_days or 0) > continuous_days:
        passed.append(add_days(start, continuous_days))
    if not passed:
        return None
    return add_days(min(passed), settings.child_certificate_deadline_days)


def child_certificate(context: RuleContext) -> Iterator[Hit]:
    """A volunteer with regular attachment is with children under 15 without a timely check."""
    collaboration, settings, today = context.collaboration, context.settings, context.today
    child_tasks: dict[str, list[int]] = {}
    for index, task in enumerate(collaboration.tasks):
        if task.children_contact:
            for volunteer_id in dict.fromkeys(task.volunteers):
                child_tasks.setdefault(volunteer_id, []).append(index)
    for v, volunteer in enumerate(collaboration.volunteers):
        indexes = child_tasks.get(volunteer.id)
        if not indexes or volunteer.age_band is AgeBand.UNDER_15:
            continue
        paths = [("volunteers", v), *(("tasks", t) for t in indexes)]
        task_ids = [collaboration.tasks[t].id for t in indexes]
        certificate: ChildCertificateCheck | None = volunteer.child_certificate
        if certificate is not None and certificate.checked_on > today:
            certificate = None
        who = _who_checks(collaboration, volunteer)
        vid = volunteer.id

        def tasks(lang: Language, ids: list[str] = task_ids) -> str:
            return _tasks_phrase(ids, lang)

        if certificate is not None and not certificate.clear:
            yield _hit(
                paths,
                (
                    f"Den registrerede kontrol af børneattesten giver ikke den frivillige '{vid}' "
                    f"adgang til kontakt med børn under {CHILD_AGE_LIMIT} år, men den frivillige "
                    f"er sat på {tasks('da')}. Tag straks den frivillige af opgaverne med børn.",
                    f"The recorded child-certificate check does not clear volunteer '{vid}' for "
                    f"contact with children under {CHILD_AGE_LIMIT}, yet the volunteer is "
                    f"assigned to {tasks('en')}. Take the volunteer off the tasks with children "
                    "at once.",
                ),
                "not_clear",
                personal=True,
            )
            continue
        start = volunteer.started_on
        started = start is not None and start <= today
        if volunteer.attachment in settings.child_certificate_before_start:
            if start is not None and started and certificate is None:
                yield _hit(
                    paths,
                    (
                        f"Den frivillige '{vid}' har siden {start.isoformat()} haft kontakt med "
                        f"børn under {CHILD_AGE_LIMIT} år i {tasks('da')} i en rolle med fast "
                        "tilknytning, men der blev ikke indhentet en børneattest før start. "
                        f"{who[0]} skal indhente børneattesten nu og holde den frivillige væk "
                        "fra børnene, til den er indhentet og uden anmærkninger.",
                        f"Volunteer '{vid}' has been in contact with children under "
                        f"{CHILD_AGE_LIMIT} in {tasks('en')} since {start.isoformat()}, in a "
                        "role with regular attachment (fast tilknytning), but no child-"
                        "protection certificate (børneattest) was checked before the start. "
                        f"{who[1]} must obtain the certificate now and keep the volunteer away "
                        "from the children until it is checked and clear.",
                    ),
                    "missing_before_start",
                    personal=True,
                )
                continue
            if start is not None and certificate is not None and certificate.checked_on > start:
                yield _hit(
                    paths,
                    (
                        f"Børneattesten for den frivillige '{vid}' blev først indhentet, efter "
                        f"den frivillige startede i {tasks('da')} den {start.isoformat()}; "
                        "loven kræver den før start ved fast tilknytning. Sørg for, at nye "
                        "frivillige på opgaven får attesten indhentet, før de starter.",
                        f"The child-protection certificate for volunteer '{vid}' was checked "
                        f"only after the volunteer started in {tasks('en')} on "
                        f"{start.isoformat()}; with regular attachment the law requires the "
                        "check before the start. Make sure new volunteers on the task are "
                        "checked before they start.",
                    ),
                    "late",
                    personal=True,
                )
        else:
            due = _backstop_due(volunteer, context)
            months = settings.child_certificate_backstop_months
            occasions = settings.child_certificate_backstop_occasions
            days = settings.child_certificate_backstop_continuous_days
            if due is not None and certificate is None and due < today:
                yield _hit(
                    paths,
                    (
                        f"Den frivillige '{vid}' har været sammen med børn under "
                        f"{CHILD_AGE_LIMIT} år i {tasks('da')} så ofte eller så længe, at det "
                        f"er fast tilknytning (mere end {months} måneder med mindst {occasions} "
                        f"gange, eller én sammenhængende periode på mere end {days} dage), og "
                        f"børneattesten skulle senest være indhentet den {due.isoformat()}. "
                        f"{who[0]} skal indhente den nu.",
                        f"Volunteer '{vid}' has been with children under {CHILD_AGE_LIMIT} in "
                        f"{tasks('en')} often or long enough to count as regularly attached "
                        f"(more than {months} months with at least {occasions} occasions, or "
                        f"one continuous period of more than {days} days), and the child-"
                        f"protection certificate was due by {due.isoformat()}. {who[1]} must "
                        "obtain it now.",
                    ),
                    "backstop_overdue",
                    source=CHILD_CERTIFICATE_ORDER.citation,
                    personal=True,
                )
                continue
            if due is not None and certificate is not None and certificate.checked_on > due:
                yield _hit(
                    paths,
                    (
                        f"Børneattesten for den frivillige '{vid}' blev først indhentet efter "
                        f"fristen den {due.isoformat()}, som gjaldt, da den frivillige fik fast "
                        f"tilknytning i {tasks('da')}. Hold øje med, hvornår frivillige uden "
                        "fast tilknytning fra start når grænsen.",
                        f"The child-protection certificate for volunteer '{vid}' was checked only "
                        f"after the deadline of {due.isoformat()} that applied once the "
                        f"volunteer became regularly attached in {tasks('en')}. Keep track of "
                        "when volunteers who were not regular from the start pass the limit.",
                    ),
                    "late",
                    source=CHILD_CERTIFICATE_ORDER.citation,
                    personal=True,
                )
        renewal = settings.child_certificate_renewal_months
        if (
            certificate is not None
            and renewal is not None
            and add_months(certificate.checked_on, renewal) < today
        ):
            yield _hit(
                paths,
                (
                    f"Børneattesten for den frivillige '{vid}' er ældre end kommunens "
                    f"fornyelsesinterval på {renewal} måneder. {who[0]} skal indhente en ny.",
                    f"The child-protection certificate for volunteer '{vid}' is older than the "
                    f"municipality's renewal interval of {renewal} months. {who[1]} must obtain "
                    "a new one.",
                ),
                "renewal_due",
                source=CHILD_CERTIFICATE_POLICIES.citation,
                personal=True,
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


# -- FR105 displacement ------------------------------------------------------------

_STRONG_SIGNS: tuple[tuple[str, Texts], ...] = (
    (
        "core_staff_task",
        ("lønnede medarbejdere løser eller løste den", "paid staff perform or performed it"),
    ),
    ("replaces_cut_post", ("den erstatter en nedlagt stilling", "it replaces a post that was cut")),
)
_SOFT_SIGNS: tuple[tuple[str, Texts], ...] = (
    (
        "fixed_rota",
        (
            "fast vagtplan med pligt til at finde en afløser",
            "a fixed rota with a duty to find a substitute",
        ),
    ),
    (
        "directed_by_institution",
        ("institutionen leder og fordeler arbejdet", "the institution directs the work"),
    ),
)


def displacement(context: RuleContext) -> Iterator[Hit]:
    """Volunteers take over work paid staff perform or performed (fortrængning)."""
    needed = context.settings.displacement_soft_signs
    for index, task in enumerate(context.collaboration.tasks):
        strong = [texts for field, texts in _STRONG_SIGNS if getattr(task, field)]
        soft = [texts for field, texts in _SOFT_SIGNS if getattr(task, field)]
        if not strong and len(soft) < needed:
            continue
        signs = strong + soft
        yield _hit(
            [("tasks", index)],
            (
                f"Opgaven '{task.id}' ({task.title}) har tegn på, at frivillige overtager "
                f"lønnede medarbejderes arbejde: {_join([s[0] for s in signs], 'da')}. Frivillige "
                "skal supplere, ikke erstatte, medarbejderne: aftal opgavens grænser med ledelse "
                "og medarbejdere (MED-udvalget), og lad kerneopgaven blive hos de ansatte.",
                f"Task '{task.id}' ({task.title}) shows signs that volunteers take over paid "
                f"staff's work: {_join([s[1] for s in signs], 'en')}. Volunteers should "
                "supplement, not replace, staff: agree the task's limits with management and "
                "staff (the MED committee), and keep the core task with employees.",
            ),
            "displacement",
        )


# -- FR106 not volunteering --------------------------------------------------------


def not_volunteering(context: RuleContext) -> Iterator[Hit]:
    """What is called volunteering is not volunteering in the § 18 sense, or is paid wrongly."""
    collaboration = context.collaboration
    if collaboration.formalisation is FormalisationLevel.SPONTANEOUS:
        yield _hit(
            [("formalisation",)],
            (
                "Samarbejdet er registreret som spontan hjælp, som ikke er organiseret frivilligt "
                "arbejde efter serviceloven § 18. Hvis frivillige deltager fast, så organisér "
                "det (en frivilligaftale eller samarbejdsaftale); ellers skal det ikke behandles "
                "som et frivilligsamarbejde.",
                "The collaboration is recorded as spontaneous help, which is not organised "
                "volunteering in the sense of Serviceloven § 18. If volunteers take part "
                "regularly, organise it (a volunteer or collaboration agreement); otherwise do "
                "not treat it as a volunteering collaboration.",
            ),
            "spontaneous",
        )
    elif collaboration.formalisation is FormalisationLevel.PAID_CONTRACT:
        yield _hit(
            [("formalisation",)],
            (
                "Samarbejdet er en betalt kontrakt: det er køb af en ydelse, ikke frivilligt "
                "arbejde. Behandl det efter reglerne for indkøb, eller skift samarbejdsform.",
                "The collaboration is a paid contract: that is buying a service, not "
                "volunteering. Handle it under the rules for procurement, or change its form.",
            ),
            "paid_contract",
        )
    for v, volunteer in enumerate(collaboration.volunteers):
        vid = volunteer.id
        if volunteer.remuneration is Remuneration.PAY:
            yield _hit(
                [("volunteers", v)],
                (
                    f"Den frivillige '{vid}' får løn ud over dækning af udgifter eller et "
                    "symbolsk beløb, så arbejdet er ikke frivilligt (ulønnet) efter § 18. Dæk kun "
                    "dokumenterede udgifter eller et symbolsk beløb, eller ansæt personen.",
                    f"Volunteer '{vid}' is paid beyond reimbursed expenses or a symbolic amount, "
                    "so the work is not volunteering (unpaid) in the sense of § 18. Pay only "
                    "documented expenses or a symbolic amount, or employ the person.",
                ),
                "paid",
                personal=True,
            )
        if volunteer.for_own_family:
            yield _hit(
                [("volunteers", v)],
                (
                    f"Den frivillige '{vid}' hjælper sin egen familie, og det er ikke frivilligt "
                    "arbejde efter § 18, som er for andre end ens egen familie. Lad den "
                    "frivillige hjælpe andre borgere, og registrér familiehjælpen for sig.",
                    f"Volunteer '{vid}' helps their own family, which is not volunteering in "
                    "the sense of § 18 (for people outside one's own family). Let the volunteer "
                    "help other citizens, and record the family help separately.",
                ),
                "own_family",
                personal=True,
            )
        if (
            volunteer.remuneration is Remuneration.TAX_FREE_ALLOWANCE
            and volunteer.engagement is Engagement.MUNICIPALITY
        ):
            yield _hit(
                [("volunteers", v)],
                (
                    f"Den frivillige '{vid}' er tilknyttet direkte af kommunen, men er lovet en "
                    "skattefri godtgørelse (LL § 7 M), som kun en forening kan udbetale til sine "
                    "frivillige. Dæk i stedet dokumenterede udgifter efter regning, eller lad "
                    "den frivillige være tilknyttet gennem en forening.",
                    f"Volunteer '{vid}' is engaged directly by the municipality but is promised "
                    "a tax-free allowance (LL § 7 M), which only an association can pay its "
                    "volunteers. Reimburse documented expenses instead, or engage the volunteer "
                    "through an association.",
                ),
                "allowance_from_municipality",
                source=TAX_FREE_ALLOWANCE.citation,
                personal=True,
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


# -- FR108 no one responsible ------------------------------------------------------


def no_one_responsible(context: RuleContext) -> Iterator[Hit]:
    """A volunteer-management responsibility is held by nobody, or by a non-party."""
    collaboration = context.collaboration
    if collaboration.status not in RUNNING:
        return
    held = collaboration.responsibilities
    missing = [task for task in ManagementTask if task not in held]
    if missing:
        yield _hit(
            [("responsibilities",)],
            (
                f"Ingen part har ansvaret for {_join([t.da for t in missing], 'da')} af de "
                "frivillige. Aftal, hvem der gør det, og skriv det ind i samarbejdets "
                "ansvarsfordeling.",
                f"No party is responsible for {_join([t.en for t in missing], 'en')} of the "
                "volunteers. Agree who does it, and record it in the collaboration's "
                "responsibilities.",
            ),
            "unassigned",
        )
    parties = collaboration.party_ids
    for task, holder in held.items():
        if holder in parties:
            continue
        yield _hit(
            [("responsibilities", task.value)],
            (
                f"Ansvaret for {task.da} ligger hos '{holder}', som ikke er part i samarbejdet. "
                "Giv ansvaret til en af parterne, eller optag den ansvarlige som part.",
                f"Responsibility for {task.en} lies with '{holder}', which is not a party to "
                "the collaboration. Give it to one of the parties, or add the holder as a party.",
            ),
            "holder_not_a_party",
        )


# -- FR109 evaluation --------------------------------------------------------------


def evaluation(context: RuleContext) -> Iterator[Hit]:
    """No evaluation plan, an overdue or late first evaluation, or an end without a final one."""
    collaboration, settings, today = context.collaboration, context.settings, context.today
    status = collaboration.status
    plan = collaboration.evaluation_plan
    if status is Status.ENDED:
        if not any(round_.final for round_ in collaboration.rounds):
            yield _hit(
                [("rounds",)],
                (
                    "Samarbejdet er afsluttet uden en afsluttende evaluering. Hold en sidste "
                    "evalueringsrunde med alle parter, og skriv ned, hvad I lærte og besluttede.",
                    "The collaboration has ended without a final evaluation. Hold a last round "
                    "with every party, and record what was learned and decided.",
                ),
                "no_final_evaluation",
            )
        return
    if plan is None:
        if status in RUNNING:
            yield _hit(
                [("evaluation_plan",)],
                (
                    f"Samarbejdet har status '{status.da}', men ingen evalueringsplan. Aftal med "
                    "parterne, hvornår og hvordan samarbejdet evalueres (fx hvert halve år), og "
                    "hvem der svarer.",
                    f"The collaboration's status is '{status.en}', but it has no evaluation "
                    "plan. Agree with the parties when and how it is evaluated (e.g. every six "
                    "months), and who answers.",
                ),
                "no_plan",
            )
        return
    limit = settings.first_evaluation_within_days
    wait = (plan.first_date - collaboration.start_on).days
    if wait > limit:
        yield _hit(
            [("evaluation_plan", "first_date")],
            (
                f"Den første evaluering er planlagt til {plan.first_date.isoformat()}, {wait} "
                f"dage efter starten den {collaboration.start_on.isoformat()}; kommunen "
                f"forventer den inden for {limit} dage. Ryk den første evaluering frem: et nyt "
                "samarbejde har brug for et tidligt tjek af, om formen passer til parterne.",
                f"The first evaluation is planned for {plan.first_date.isoformat()}, {wait} "
                f"days after the start on {collaboration.start_on.isoformat()}; the "
                f"municipality expects it within {limit} days. Move it earlier: a new "
                "collaboration needs an early check of whether the form suits the parties.",
            ),
            "first_too_late",
        )
    if status not in RUNNING:
        return
    status_now = schedules.evaluation_status(
        plan, collaboration.rounds, today=today, tolerance=settings.evaluation_tolerance
    )
    current = status_now.current
    if status_now.overdue and current is not None:
        days = status_now.days_overdue
        yield _hit(
            [("evaluation_plan",), ("rounds",)],
            (
                f"Evalueringen, der skulle holdes den {current.due_on.isoformat()}, er {days} "
                "dage over fristen. Hold runden med alle parter nu, og registrér hver parts svar "
                "og beslutningen.",
                f"The evaluation due on {current.due_on.isoformat()} is {days} days overdue. "
                "Hold the round with every party now, and record each party's response and the "
                "decision.",
            ),
            "overdue",
        )
        return
    missed = status_now.missed
    held = [r.held_on for r in collaboration.rounds if r.held_on <= status_now.today]
    if missed and (not held or max(held) < missed[-1]):
        yield _hit(
            [("evaluation_plan",), ("rounds",)],
            (
                f"Evalueringen, der skulle holdes den {missed[-1].isoformat()}, blev aldrig "
                "holdt, og der er ikke holdt nogen runde siden. Hold en runde med alle parter "
                "nu, og overvej, om planen passer til samarbejdet.",
                f"The evaluation due on {missed[-1].isoformat()} was never held, and no round "
                "has been held since. Hold a round with every party now, and consider whether "
                "the plan suits the collaboration.",
            ),
            "missed",
        )


# -- FR110 formalisation misfit ----------------------------------------------------

F = FormalisationLevel


def formalisation_misfit(context: RuleContext) -> Iterator[Hit]:
    """The formalisation level is far from what the collaboration's risk drivers call for."""
    collaboration, settings = context.collaboration, context.settings
    actual = collaboration.formalisation
    if not actual.is_volunteering:
        return
    wanted, drivers = recommended_level(collaboration, settings.formalisation)
    hit = _misfit(
        actual,
        wanted,
        tuple(drivers),
        settings.formalisation_too_loose_steps,
        settings.formalisation_too_tight_steps,
    )
    if hit is not None:
        yield hit


@functools.lru_cache(maxsize=512)
def _misfit(
    actual: FormalisationLevel,
    wanted: FormalisationLevel,
    drivers: tuple[FormalisationDriver, ...],
    too_loose_steps: int,
    too_tight_steps: int,
) -> Hit | None:
    """The hit for a level far from the one wanted, or ``None``; few combinations, so kept."""
    why_da = _join([driver.da for driver in drivers], "da") or "ingen særlige risici"
    why_en = _join([driver.en for driver in drivers], "en") or "no particular risks"
    if level_rank(wanted) - level_rank(actual) >= too_loose_steps:
        return _hit(
            [("formalisation",)],
            (
                f"Samarbejdet er formaliseret som '{actual.da}', men det, der kendetegner det "
                f"({why_da}), kalder på '{wanted.da}'. Skriv rammerne ned: hvem gør hvad, hvem "
                "indhenter børneattester, hvordan penge og oplysninger håndteres, og hvordan I "
                "evaluerer.",
                f"The collaboration is formalised as '{actual.en}', but its risk drivers "
                f"({why_en}) call for '{wanted.en}'. Put the frames in writing: who does what, who "
                "checks certificates, how money and data are handled, and how it is evaluated.",
            ),
            "too_loose",
        )
    if level_rank(actual) - level_rank(wanted) >= too_tight_steps:
        return _hit(
            [("formalisation",)],
            (
                f"Samarbejdet er formaliseret som '{actual.da}', men det, der kendetegner det "
                f"({why_da}), kalder kun på '{wanted.da}'. En lettere form giver den "
                "fleksibilitet, et lille og kort forsøg har brug for.",
                f"The collaboration is formalised as '{actual.en}', but its risk drivers "
                f"({why_en}) call only for '{wanted.en}'. A lighter form gives the flexibility a "
                "small, short experiment needs.",
            ),
            "too_tight",
        )
    return None


# -- FR111 equality ----------------------------------------------------------------


def equality_risk(context: RuleContext) -> Iterator[Hit]:
    """A party depends economically on the municipality and has no forum to set the agenda in."""
    collaboration, settings = context.collaboration, context.settings
    forum: Forum | None = collaboration.forum
    public = {p.id for p in collaboration.participants if p.actor.kind.sector is Sector.PUBLIC}
    for index, participant in enumerate(collaboration.participants):
        share = participant.budget_share_from_municipality
        if (
            share is None
            or share < settings.dependence_share
            or participant.actor.kind.sector is Sector.PUBLIC
        ):
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


# -- FR112 single key person -------------------------------------------------------


def single_key_person(context: RuleContext) -> Iterator[Hit]:
    """A party's part of the collaboration rests on too few key persons (ildsjæle)."""
    least = context.settings.min_key_persons
    for index, participant in enumerate(context.collaboration.participants):
        count = participant.key_persons
        if count is None or count >= least:
            continue
        name = _name(participant)
        yield _hit(
            [("participants", index)],
            (
                f"{name} bæres af {count} ildsjæl{'e' if count != 1 else ''} i samarbejdet, "
                f"færre end {least}; hvis den ene falder fra, kan samarbejdet gå i stå. Del "
                "opgaverne og viden med flere, og skriv ned, hvordan samarbejdet kører.",
                f"{name} carries its part of the collaboration with {count} key "
                f"person{'s' if count != 1 else ''} (ildsjæl), fewer than {least}; if one "
                "leaves, the collaboration may stop. Share the tasks and the knowledge with "
                "more people, and write down how the collaboration runs.",
            ),
            "single_key_person",
        )


# -- FR113 volunteer fit -----------------------------------------------------------


def volunteer_fit(context: RuleContext) -> Iterator[Hit]:
    """Influence-seekers with only hands-tasks, hours over the offer, or over the benefit rules."""
    collaboration, settings = context.collaboration, context.settings
    assigned = _volunteer_tasks(collaboration)
    for v, volunteer in enumerate(collaboration.volunteers):
        indexes = assigned.get(volunteer.id)
        if not indexes:
            continue
        tasks = [collaboration.tasks[t] for t in indexes]
        ids = [task.id for task in tasks]
        paths = [("volunteers", v), *(("tasks", t) for t in indexes)]
        vid = volunteer.id
        if volunteer.wants_influence and all(task.kind is TaskKind.HANDS for task in tasks):
            yield _hit(
                paths,
                (
                    f"Den frivillige '{vid}' vil have indflydelse, men har kun praktiske opgaver "
                    f"for 'hænder' ({_tasks_phrase(ids, 'da')}). Giv den frivillige en opgave "
                    "med indflydelse (for 'hoveder', fx planlægning eller medbestemmelse), ellers "
                    "risikerer I, at den frivillige stopper.",
                    f"Volunteer '{vid}' wants a say but has only practical tasks for 'hands' "
                    f"({_tasks_phrase(ids, 'en')}). Give the volunteer a task with influence (for "
                    "'heads', such as planning or co-deciding), or the volunteer may leave.",
                ),
                "influence_hands_only",
            )
        weekly = math.fsum(task.hours_per_week for task in tasks if task.hours_per_week)
        offered = volunteer.hours_offered_per_week
        if offered is not None and weekly > offered:
            yield _hit(
                paths,
                (
                    f"Den frivillige '{vid}' er sat på {_number(weekly, 'da')} timer om ugen i "
                    f"{_tasks_phrase(ids, 'da')}, mere end den frivillige har tilbudt. Aftal "
                    "timerne med den frivillige, eller del opgaverne med flere frivillige.",
                    f"Volunteer '{vid}' is planned for {_number(weekly, 'en')} hours a week in "
                    f"{_tasks_phrase(ids, 'en')}, more than the volunteer offered. Agree the "
                    "hours with the volunteer, or share the tasks with more volunteers.",
                ),
                "hours_over_offer",
                personal=True,
            )
        if not volunteer.on_unemployment_benefit or weekly <= 0:
            continue
        monthly = weekly * settings.weeks_per_month
        direct = volunteer.engagement is Engagement.MUNICIPALITY
        limit = (
            settings.benefit_free_hours_public if direct else settings.benefit_free_hours_per_month
        )
        if monthly <= limit:
            continue
        if direct and limit == 0:
            texts = (
                f"Den frivillige '{vid}' er frivillig direkte for kommunen og er sat på cirka "
                f"{_number(monthly, 'da')} timer om måneden; for en frivillig på dagpenge "
                "trækkes hver time i frivilligt arbejde direkte for en offentlig institution i "
                "dagpengene. Lad den frivillige være tilknyttet gennem en forening, eller bed "
                "den frivillige afklare det med sin a-kasse først.",
                f"Volunteer '{vid}' volunteers directly for the municipality and is planned for "
                f"about {_number(monthly, 'en')} hours a month; for a volunteer on unemployment "
                "benefit (dagpenge), every hour of voluntary work directly for a public "
                "institution is deducted. Engage the volunteer through an association, or ask "
                "the volunteer to clear it with their unemployment fund (a-kasse) first.",
            )
        else:
            texts = (
                f"Den frivillige '{vid}' er sat på cirka {_number(monthly, 'da')} ulønnede timer "
                f"om måneden, mere end de {_number(limit, 'da')} timer, en frivillig på dagpenge "
                "må give uden fradrag. Sæt timerne ned, eller bed den frivillige afklare dem "
                "med sin a-kasse først.",
                f"Volunteer '{vid}' is planned for about {_number(monthly, 'en')} unpaid hours "
                f"a month, more than the {_number(limit, 'en')} hours a volunteer on "
                "unemployment benefit (dagpenge) may give without deduction. Lower the hours, "
                "or ask the volunteer to clear them with their unemployment fund (a-kasse) first.",
            )
        yield _hit(
            paths, texts, "benefit_hours", source=UNEMPLOYMENT_BENEFIT.citation, personal=True
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


# -- FR115 association eligibility -------------------------------------------------


def _declaration_year(context: RuleContext) -> int:
    """The year whose child-certificate declaration must be on file today."""
    today = context.today
    into_year = (today - dt.date(today.year, 1, 1)).days
    grace = context.settings.association_declaration_grace_days
    return today.year - 1 if into_year < grace else today.year


def association_eligibility(context: RuleContext) -> Iterator[Hit]:
    """A supported association lacks what an approved association needs, or its declaration."""
    from ._municipalities import get_municipality

    collaboration, settings = context.collaboration, context.settings
    for index, participant in enumerate(collaboration.participants):
        actor = participant.actor
        share = participant.budget_share_from_municipality
        if not isinstance(actor, VoluntaryOrganisation) or share is None or share <= 0:
            continue
        name = _name(participant)
        field = ("participants", index, "actor")
        missing: list[tuple[str, str, Texts]] = []
        if actor.has_statutes is False:
            missing.append(
                (
                    "has_statutes",
                    "no_statutes",
                    ("vedtægter med et formål", "statutes with a purpose"),
                )
            )
        if actor.has_board is False:
            missing.append(("has_board", "no_board", ("en bestyrelse", "a board")))
        if actor.democratic is False:
            missing.append(
                (
                    "democratic",
                    "not_democratic",
                    ("en demokratisk opbygning", "a democratic structure"),
                )
            )
        least = settings.association_min_paying_members
        if actor.paying_members is not None and actor.paying_members < least:
            missing.append(
                (
                    "paying_members",
                    "too_few_members",
                    (f"mindst {least} betalende medlemmer", f"at least {least} paying members"),
                )
            )
        for attribute, reason, (need_da, need_en) in missing:
            yield _hit(
                [(*field, attribute)],
                (
                    f"{name} får støtte fra kommunen, men mangler {need_da}, som en godkendt "
                    "forening skal have. Bed foreningen rette det før næste tilskud, eller "
                    "vurder støtten efter andre regler end folkeoplysningsloven.",
                    f"{name} receives support from the municipality but lacks {need_en}, which "
                    "an approved association must have. Ask the association to put it right "
                    "before the next grant, or assess the support under rules other than "
                    "Folkeoplysningsloven.",
                ),
                reason,
            )
        home = actor.municipality_code
        if home is not None and home != collaboration.municipality_code:
            there = get_municipality(home).name
            here = get_municipality(collaboration.municipality_code).name
            yield _hit(
                [(*field, "municipality_code")],
                (
                    f"{name} får støtte fra {here} Kommune, men er hjemmehørende i {there}. En "
                    "godkendt forening skal være hjemmehørende i den kommune, der giver støtten.",
                    f"{name} receives support from {here} but is based in {there}. An approved "
                    "association must be based in the municipality that supports it.",
                ),
                "not_local",
            )
        year = _declaration_year(context)
        declared = actor.child_certificate_declaration_year
        if declared is None or declared < year:
            yield _hit(
                [(*field, "child_certificate_declaration_year")],
                (
                    f"{name} har ikke afgivet erklæringen om børneattester for {year}. Uden den "
                    "må kommunen ikke give tilskud eller anvise lokaler: bed foreningen om "
                    "årets erklæring.",
                    f"{name} has not given its declaration on child certificates for {year}. "
                    "Without it the municipality may not give grants or premises: ask the "
                    "association for this year's declaration.",
                ),
                "no_declaration",
                source=ASSOCIATION_DECLARATION.citation,
            )


# -- FR116 integrity ---------------------------------------------------------------

_QUOTED_ID = re.compile(r"'([^']*)'")


def integrity(context: RuleContext) -> Iterator[Hit]:
    """An id named in the collaboration refers to nothing in it."""
    from ._integrity import integrity_problems

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


# -- the rules ---------------------------------------------------------------------


def _no_evaluation_plan() -> Collaboration:
    return attrs.evolve(_base(), evaluation_plan=None)


def _goal_without_municipality() -> Collaboration:
    base = _base()
    goal: Goal = base.goals[1]
    kept = tuple(a for a in goal.agreements if a.party != "kommune")
    return _with_goal(base, 1, agreements=kept)


def _children_tasks(*, certified_before_start: bool) -> Collaboration:
    base = _with_task(
        _base(),
        1,
        title="Aktivitetsudvalg: sommerfest for beboere og børnebørn",
        children_contact=True,
    )
    base = _with_volunteer(
        base,
        1,
        child_certificate=ChildCertificateCheck(
            checked_on=dt.date(2026, 3, 5), checked_by="besoegsvenner", clear=True
        ),
    )
    if not certified_before_start:
        return base
    return _with_volunteer(
        base,
        4,
        child_certificate=ChildCertificateCheck(
            checked_on=dt.date(2026, 4, 24), checked_by="besoegsvenner", clear=True
        ),
    )


def _no_citizen_value() -> Collaboration:
    base = _base()
    value = base.value_case or ValueCase()
    return attrs.evolve(base, value_case=attrs.evolve(value, citizens=None))


def _dangling_agreement() -> Collaboration:
    base = _base()
    goal = base.goals[0]
    agreements = list(goal.agreements)
    agreements[0] = attrs.evolve(agreements[0], party="kommunen")
    return _with_goal(base, 0, agreements=tuple(agreements))


def _summary_with(words: str) -> Callable[[], Collaboration]:
    def build() -> Collaboration:
        base = _base()
        rounds = list(base.rounds)
        summary = f"{rounds[-1].summary} {words}"
        rounds[-1] = attrs.evolve(rounds[-1], summary=summary)
        return attrs.evolve(base, rounds=tuple(rounds))

    return build


def _forum_without(*parties: str) -> Callable[[], Collaboration]:
    def build() -> Collaboration:
        base = _base()
        forum = base.forum
        assert forum is not None  # noqa: S101 - the example has a forum
        kept = tuple(p for p in forum.agenda_set_by if p not in parties)
        return attrs.evolve(base, forum=attrs.evolve(forum, agenda_set_by=kept))

    return build


BUILTIN_RULES: tuple[Rule, ...] = (
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
    Rule(
        code="FR103",
        name="child-certificate-missing",
        severity=Severity.ERROR,
        title_da="Børneattest mangler eller kom for sent",
        title_en="Child certificate missing or late",
        rationale=(
            "A person with regular attachment (fast tilknytning) who has direct contact with, "
            "or moves regularly among, children under 15 needs a child-protection certificate "
            "(børneattest), paid or unpaid. The executive orders work in two steps: a role "
            "meant from the start to be more than one-off (the volunteer's `attachment` is in "
            "`child_certificate_before_start`) needs the check before the volunteer starts; "
            "for others, once the volunteer has been attached for more than 3 months with at "
            "least 3 occasions with children, or one continuous period of more than a week, "
            "the check is due within 3 weeks (the backstop; the rule dates it from "
            "`started_on`, so without a start date it cannot apply). The figures differ by "
            "sector and association policies are stricter, so all are settings. A check that "
            "was not clear is reported at once. The law sets no renewal interval; a "
            "municipality may set one. Volunteers in the under-15 age band are not checked "
            "(certificates are obtained for persons aged 15 and over). The library stores only "
            "that a certificate was checked, when, by whom and whether it was clear, never its "
            "content, and messages show none of it."
        ),
        sources=(
            CHILD_CERTIFICATE_ACT,
            CHILD_CERTIFICATE_ORDER,
            CHILD_CERTIFICATE_POLICIES,
        ),
        check=child_certificate,
        settings=(
            "child_certificate_before_start",
            "child_certificate_backstop_months",
            "child_certificate_backstop_occasions",
            "child_certificate_backstop_continuous_days",
            "child_certificate_deadline_days",
            "child_certificate_renewal_months",
        ),
        failing_example=_example(
            "The activity committee plans a summer party with the residents' grandchildren. "
            "Volunteer v02's certificate was checked before the start; v05's never was.",
            lambda: _children_tasks(certified_before_start=False),
        ),
        passing_example=_example(
            "The same, with v05's certificate checked (and clear) before the start.",
            lambda: _children_tasks(certified_before_start=True),
        ),
    ),
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
        code="FR105",
        name="volunteers-displace-paid-staff",
        severity=Severity.WARNING,
        title_da="Frivillige fortrænger lønnede medarbejdere",
        title_en="Volunteers displace paid staff",
        rationale=(
            "Volunteers supplement public welfare; they must not replace paid staff "
            "(fortrængning). That is the 2001 charter's principle and the shared position of "
            "KL and the unions, though not a statute. A task is reported when paid staff "
            "perform or performed it, or it replaces a post that was cut; the softer signs - a "
            "fixed rota with a duty to find a substitute, the institution directing the work "
            "- are what mark voluntary *work* in the industrial-injury criteria, and flag a "
            "task when `displacement_soft_signs` of them are present."
        ),
        sources=(CHARTER_2001, AES_CRITERIA),
        check=displacement,
        settings=("displacement_soft_signs",),
        failing_example=_example(
            "The visits run on a fixed rota with a duty to find a substitute, directed by the "
            "care home.",
            lambda: _with_task(_base(), 0, fixed_rota=True, directed_by_institution=True),
        ),
        passing_example=_example(
            "The visits run on a fixed rota, but the association organises them.",
            lambda: _with_task(_base(), 0, fixed_rota=True),
        ),
    ),
    Rule(
        code="FR106",
        name="not-volunteering",
        severity=Severity.ERROR,
        title_da="Det er ikke frivilligt arbejde",
        title_en="This is not volunteering",
        rationale=(
            "A voluntary effort in the sense of Serviceloven § 18 is free of coercion, unpaid "
            "(expenses or a symbolic amount are allowed), for people outside one's own family, "
            "for the benefit of others, and formally organised. The rule reports a "
            "collaboration recorded as spontaneous help or as a paid contract, a volunteer who "
            "is paid, a volunteer who works for their own family, and a volunteer engaged "
            "directly by the municipality who is promised a tax-free allowance, which only an "
            "association can pay (Ligningsloven § 7 M)."
        ),
        sources=(SECTION_18_DEFINITION, TAX_FREE_ALLOWANCE),
        check=not_volunteering,
        failing_example=_example(
            "Volunteer v01 is paid a wage for the visits.",
            lambda: _with_volunteer(_base(), 0, remuneration=Remuneration.PAY),
        ),
        passing_example=_example(
            "Volunteer v01 has their documented expenses reimbursed.",
            lambda: _with_volunteer(_base(), 0, remuneration=Remuneration.EXPENSES),
        ),
    ),
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
        code="FR108",
        name="no-one-responsible",
        severity=Severity.WARNING,
        title_da="Ingen har ansvaret",
        title_en="No one is responsible",
        rationale=(
            "Whether the volunteers come through an association or are the institution's own, "
            "someone must handle recruitment, introduction, sparring, motivation and conflict "
            "handling. Once volunteers are at work (active, evaluating, continued or "
            "adjusted), the rule reports the responsibilities no party holds, and each one "
            "held by an id that is not a party."
        ),
        sources=(TALK_MANAGEMENT, REGIONS_CHECKLIST),
        check=no_one_responsible,
        failing_example=_example(
            "Nobody has been given conflict handling.",
            lambda: attrs.evolve(
                _base(),
                responsibilities={
                    task: holder
                    for task, holder in _base().responsibilities.items()
                    if task is not ManagementTask.CONFLICT_HANDLING
                },
            ),
        ),
        passing_example=_example("The care home handles conflicts.", _base),
    ),
    Rule(
        code="FR109",
        name="evaluation-missing-or-late",
        severity=Severity.WARNING,
        title_da="Evaluering mangler eller er forsinket",
        title_en="Evaluation missing or late",
        rationale=(
            "A good collaboration is not built overnight: evaluate continuously whether the "
            "chosen form satisfies every party. The rule reports a collaboration at work "
            "without an evaluation plan; a first evaluation planned more than "
            "`first_evaluation_within_days` after the start; an evaluation that is overdue "
            "(its due date is more than the grace period of `evaluation_tolerance` ago, and no "
            "round was held from its early window on); a due date that was missed with no round "
            "held since; and an ended collaboration without a final evaluation. Due dates and "
            "rounds are matched as [`frivillig.schedules`][frivillig.schedules] does. How soon "
            "and how often are the library's defaults, not law."
        ),
        sources=(TALK_EVALUATION, REGIONS_CHECKLIST),
        check=evaluation,
        settings=("first_evaluation_within_days", "evaluation_tolerance"),
        failing_example=_example(
            "The collaboration is under way without an evaluation plan.", _no_evaluation_plan
        ),
        passing_example=_example(
            "The parties evaluate every three months and held the last round in time.", _base
        ),
    ),
    Rule(
        code="FR110",
        name="formalisation-misfit",
        severity=Severity.INFO,
        title_da="Formaliseringen passer ikke",
        title_en="Formalisation does not fit",
        rationale=(
            "A formal collaboration gives transparent frames, a less formal one flexibility. "
            "The rule takes the level the collaboration's risk drivers call for - money, "
            "contact with children, confidential personal data, closeness to authority, "
            "volunteers through an association, many parties, a long or open-ended period, or "
            "a small, short experiment - from "
            "[`recommend_formalisation`][frivillig.recommend_formalisation], the same "
            "recommendation the formalisation-fit score explains, and reports a form "
            "`formalisation_too_loose_steps` or more below it (too loose) or "
            "`formalisation_too_tight_steps` or more above it (too tight), with the reasons. "
            "Spontaneous help and paid contracts are left to FR106. The drivers and steps are "
            "the library's choice."
        ),
        sources=(TALK_FORMALISATION, FORMALISATION_LADDER),
        check=formalisation_misfit,
        settings=(
            "formalisation",
            "formalisation_too_loose_steps",
            "formalisation_too_tight_steps",
        ),
        failing_example=_example(
            "Money, an association's volunteers and an open end, run on individual volunteer "
            "agreements only.",
            lambda: attrs.evolve(_base(), formalisation=FormalisationLevel.VOLUNTEER_AGREEMENT),
        ),
        passing_example=_example(
            "The same collaboration under a collaboration agreement with the association.",
            _base,
        ),
    ),
    Rule(
        code="FR111",
        name="equality-risk",
        severity=Severity.WARNING,
        title_da="Risiko for ulige samarbejde",
        title_en="Equality at risk",
        rationale=(
            "The collaboration cannot fully escape that one party depends economically on the "
            "other, so the parties must make room for dialogue between equals. The rule "
            "reports each party outside the public sector that gets at least "
            "`dependence_share` of its budget from the municipality, when the collaboration "
            "has no forum, or a forum whose agenda that party and a public party do not set "
            "together."
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
    Rule(
        code="FR112",
        name="single-key-person",
        severity=Severity.WARNING,
        title_da="Afhængig af én ildsjæl",
        title_en="Depends on one fiery soul",
        rationale=(
            "Voluntary organisations run on engagement and fiery souls (ildsjæle); a "
            "collaboration whose part rests on one person stops when that person leaves. The "
            "rule reports each party whose `key_persons` is known and below "
            "`min_key_persons`."
        ),
        sources=(TALK_FIERY_SOULS,),
        check=single_key_person,
        settings=("min_key_persons",),
        failing_example=_example(
            "The visiting-friends association rests on a single key person.",
            lambda: _with_participant(_base(), 2, key_persons=1),
        ),
        passing_example=_example("The association has two key persons.", _base),
    ),
    Rule(
        code="FR113",
        name="volunteer-fit",
        severity=Severity.WARNING,
        title_da="Opgaven passer ikke til den frivillige",
        title_en="Task does not fit the volunteer",
        rationale=(
            "Volunteers want meaning, commitment and action, and the typical volunteer 'won't "
            "put up with just anything'. The rule reports a volunteer who wants influence but "
            "has only hands-tasks; a volunteer planned for more hours a week (the sum of the "
            "tasks' `hours_per_week`) than offered; and a volunteer on unemployment benefit "
            "planned for more unpaid hours a month than the benefit rules allow without "
            "deduction: `benefit_free_hours_per_month` through an association, "
            "`benefit_free_hours_public` directly for the municipality. The rule cannot tell "
            "'activities' (unlimited) from voluntary unpaid work, so it counts every planned "
            "hour."
        ),
        sources=(TALK_VOLUNTEERS, UNEMPLOYMENT_BENEFIT),
        check=volunteer_fit,
        settings=(
            "benefit_free_hours_per_month",
            "benefit_free_hours_public",
            "weeks_per_month",
        ),
        failing_example=_example(
            "The activity committee asks for 1.5 hours a week; v02, also a visiting friend, "
            "offered 3 hours in all.",
            lambda: _with_task(_base(), 1, hours_per_week=1.5),
        ),
        passing_example=_example(
            "The committee asks for 1 hour a week, so v02's tasks fit the 3 hours offered.",
            _base,
        ),
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
    Rule(
        code="FR115",
        name="association-not-eligible",
        severity=Severity.ERROR,
        title_da="Foreningen opfylder ikke kravene til støtte",
        title_en="Association not eligible for support",
        rationale=(
            "An association that receives municipal support (a `budget_share_from_"
            "municipality` above 0) must meet what Folkeoplysningsloven asks of an approved "
            "association: statutes with a purpose, a board, a democratic structure, at least 5 "
            "paying members, based in the municipality; and it must give the yearly "
            "declaration that it obtains child certificates, without which the municipality "
            "may not give grants or premises. Unknown facts (`None`) are not reported. For "
            "support under Serviceloven § 18 the conditions are the municipality's own, so a "
            "municipality may re-grade or disable the rule."
        ),
        sources=(ASSOCIATION_APPROVAL, ASSOCIATION_DECLARATION),
        check=association_eligibility,
        settings=("association_min_paying_members", "association_declaration_grace_days"),
        failing_example=_example(
            "The visiting-friends association last declared for 2025.",
            lambda: _with_actor(_base(), 2, child_certificate_declaration_year=2025),
        ),
        passing_example=_example("The association has declared for 2026.", _base),
    ),
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
"""The built-in rules, ``FR101`` to ``FR117``, in the order of the limits they check."""

DEFAULT_RULEBOOK = Rulebook(rules=BUILTIN_RULES)
"""The built-in rules with the default settings: copy and change it with its methods."""
