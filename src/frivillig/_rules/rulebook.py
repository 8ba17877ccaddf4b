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

from .. import schedules
from .._core.calendar import add_days, add_months
from .._core.labels import Language
from .._model.actors import Sector, VoluntaryOrganisation
from .._model.collaboration import Collaboration, Forum, LifecycleStatus, ManagementTask, ValueCase
from .._model.evaluation import Decision
from .._model.formalisation import FormalisationLevel
from .._model.goals import Goal, GoalStatus
from .._model.participation import Participant, Resource, SupportScheme
from .._model.tasks import ReservedKind, Task, TaskKind, WorkCategory
from .._model.volunteers import (
    AgeBand,
    Benefit,
    ChildCertificateCheck,
    Coercion,
    Engagement,
    PeriodWithChildren,
    Remuneration,
    Volunteer,
)
from .._privacy import cpr_spans, mask_cpr_like, may_hold_cpr_like
from .._scores.scores import (
    RISK_DRIVERS,
    FormalisationDriver,
    counted_dependence,
    dkk,
    driver_label,
    level_rank,
    money_facts,
    recommended_level,
)
from .engine import (
    CheckSettings,
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
    severity: Severity | None = None,
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
        severity=severity,
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
    "yearly or every 2 or 3 years. Certificates are obtained for persons aged 15 and over "
    "(Fredensborg Kommune; FDF).",
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
    "a voluntary organisation without deduction (65 hours on efterløn); volunteering "
    "directly for a public institution is deducted hour by hour (stated for dagpenge); "
    "'activities' that could not be offered as paid work are unlimited. The order may since "
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
SECTION_18_SUPPORT = Source(
    kind=S.GUIDANCE,
    citation="Serviceloven § 18; Social- og Boligministeriet (sm.dk): betingelser for § 18-støtte",
    evidence=E.VERIFIED,
    note="Support under § 18 goes to voluntary social work: the voluntary effort must be the "
    "core of the activity and the grant must support that effort, and the collaboration "
    "should primarily be local. That a municipality requires the association to be based in "
    "the municipality is municipal practice (Kerteminde; secondary).",
)
ASSOCIATION_CVR = Source(
    kind=S.GUIDANCE,
    citation="Erhvervsstyrelsen: generelt om foreninger (CVR-registrering ved offentlige tilskud)",
    evidence=E.VERIFIED,
    note="Registration in the CVR is optional for a voluntary association, but required when "
    "it receives public grants; grants are paid to a NemKonto, which needs a CVR number "
    "(frivillighed.dk; secondary).",
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
    from .._jsonform.examples import load_example

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

_AGE_UNKNOWN: Texts = (
    " Registreringen viser ikke, om den frivillige er fyldt 15 år; frivillige under 15 år "
    "skal ikke have en børneattest.",
    " The record does not show whether the volunteer is 15 or older; volunteers under 15 "
    "need no certificate.",
)


def _who_checks(collaboration: Collaboration, volunteer: Volunteer) -> Texts:
    if volunteer.engagement is Engagement.MUNICIPALITY:
        return "Kommunen", "The municipality"
    party = collaboration.participant(volunteer.association or "")
    if party is None:
        return "Den forening, der har den frivillige,", "The association that engages the volunteer"
    return _name(party), _name(party)


def _under_age(volunteer: Volunteer, today: dt.date) -> bool | None:
    """Whether the volunteer is under 15 on ``today``; ``None`` when the record cannot tell.

    The birth year tells, except in the year the volunteer turns 15; then, and
    without a birth year, the age band tells, if there is one.
    """
    if volunteer.birth_year is not None:
        reached = today.year - volunteer.birth_year  # the age reached this calendar year
        if reached < CHILD_AGE_LIMIT:
            return True
        if reached > CHILD_AGE_LIMIT:
            return False
    if volunteer.age_band is None:
        return None
    return volunteer.age_band is AgeBand.UNDER_15


def _threshold_day(
    periods: Sequence[PeriodWithChildren], settings: CheckSettings
) -> dt.date | None:
    """The day the dated time with children first passes the backstop, if it does.

    Each limb is dated from its own trigger: a continuous period passes on the day
    it has lasted more than the set number of days; occasions pass on the day of
    the occasion that is the set number within the set number of months.
    """
    passed: list[dt.date] = []
    longest = settings.child_certificate_backstop_continuous_days
    passed.extend(add_days(p.first_day, longest) for p in periods if p.days > longest)
    needed = settings.child_certificate_backstop_occasions
    months = settings.child_certificate_backstop_months
    days = sorted(p.first_day for p in periods)
    for index in range(needed - 1, len(days)):
        if days[index] <= add_months(days[index - needed + 1], months):
            passed.append(days[index])
            break
    return min(passed, default=None)


def _backstop(volunteer: Volunteer, settings: CheckSettings) -> tuple[str, dt.date | None]:
    """Where a volunteer stands under the backstop: ``(state, due date)``.

    The state is ``"passed"`` (with the date the certificate is due by),
    ``"not_passed"``, ``"undated"`` (the undated counts of an older record show the
    threshold may have been passed, but not when) or ``"unknown"``.
    """
    periods = volunteer.periods_with_children
    if periods is not None:
        day = _threshold_day(periods, settings)
        if day is None:
            return "not_passed", None
        return "passed", add_days(day, settings.child_certificate_deadline_days)
    occasions = volunteer.occasions_with_children
    longest = volunteer.longest_continuous_days
    if (occasions is not None and occasions >= settings.child_certificate_backstop_occasions) or (
        longest is not None and longest > settings.child_certificate_backstop_continuous_days
    ):
        return "undated", None
    if occasions == 0 or (occasions is not None and longest is not None):
        return "not_passed", None
    return "unknown", None


def _limbs(settings: CheckSettings) -> Texts:
    months = settings.child_certificate_backstop_months
    occasions = settings.child_certificate_backstop_occasions
    days = settings.child_certificate_backstop_continuous_days
    return (
        f"mindst {occasions} gange inden for {months} måneder, eller én sammenhængende periode "
        f"på mere end {days} dage",
        f"at least {occasions} occasions within {months} months, or one continuous period of "
        f"more than {days} days",
    )


def _certificate_hit(
    paths: list[tuple[str | int, ...]],
    texts: Texts,
    reason: str,
    *,
    age_unknown: bool,
    source: str | None = None,
) -> Hit:
    if age_unknown:
        texts = (texts[0] + _AGE_UNKNOWN[0], texts[1] + _AGE_UNKNOWN[1])
    # A certificate is on file; only a date to judge its timing by is missing: a warning.
    severity = Severity.WARNING if reason == "timing_unknown" else None
    return _hit(paths, texts, reason, source=source, personal=True, severity=severity)


def child_certificate(context: RuleContext) -> Iterator[Hit]:
    """A volunteer with regular attachment is with children under 15 without a timely check."""
    collaboration, settings, today = context.collaboration, context.settings, context.today
    child_tasks: dict[str, list[int]] = {}
    for index, task in enumerate(collaboration.tasks):
        if task.children_contact:
            for volunteer_id in dict.fromkeys(task.volunteers):
                child_tasks.setdefault(volunteer_id, []).append(index)
    deadline = settings.child_certificate_deadline_days
    limbs = _limbs(settings)
    order = CHILD_CERTIFICATE_ORDER.citation
    # A start date or time with children that is not recorded is unknown while volunteers
    # are at work; before the collaboration runs (or after it ended) nobody has started.
    at_work = collaboration.status in RUNNING
    for v, volunteer in enumerate(collaboration.volunteers):
        indexes = child_tasks.get(volunteer.id)
        if not indexes:
            continue
        under_age = _under_age(volunteer, today)
        if under_age:
            continue
        hit = functools.partial(
            _certificate_hit,
            [("volunteers", v), *(("tasks", t) for t in indexes)],
            age_unknown=under_age is None,
        )
        task_ids = [collaboration.tasks[t].id for t in indexes]
        tasks = (_tasks_phrase(task_ids, "da"), _tasks_phrase(task_ids, "en"))
        certificate: ChildCertificateCheck | None = volunteer.child_certificate
        if certificate is not None and certificate.checked_on > today:
            certificate = None
        who = _who_checks(collaboration, volunteer)
        vid = volunteer.id

        if certificate is not None and not certificate.clear:
            yield hit(
                (
                    f"Den registrerede kontrol af børneattesten giver ikke den frivillige '{vid}' "
                    f"adgang til kontakt med børn under {CHILD_AGE_LIMIT} år, men den frivillige "
                    f"er sat på {tasks[0]}. Tag straks den frivillige af opgaverne med børn.",
                    f"The recorded child-certificate check does not clear volunteer '{vid}' for "
                    f"contact with children under {CHILD_AGE_LIMIT}, yet the volunteer is "
                    f"assigned to {tasks[1]}. Take the volunteer off the tasks with children "
                    "at once.",
                ),
                "not_clear",
            )
            continue
        start = volunteer.started_on
        if volunteer.attachment in settings.child_certificate_before_start:
            if start is None:
                if at_work and certificate is None:
                    yield hit(
                        (
                            f"Den frivillige '{vid}' er sat på {tasks[0]} med kontakt med "
                            f"børn under {CHILD_AGE_LIMIT} år i en rolle med fast tilknytning, "
                            "men der er ikke registreret nogen børneattest. Startdatoen er ikke "
                            "registreret, men attesten mangler, uanset hvornår den frivillige "
                            f"startede. {who[0]} skal indhente børneattesten nu og holde den "
                            "frivillige væk fra børnene, til den er indhentet og uden "
                            "anmærkninger.",
                            f"Volunteer '{vid}' is assigned to {tasks[1]}, with contact with "
                            f"children under {CHILD_AGE_LIMIT}, in a role with regular "
                            "attachment (fast tilknytning), but no child-protection certificate "
                            "(børneattest) is on file. The start date is not recorded, but the "
                            f"certificate is missing whatever it was. {who[1]} must obtain the "
                            "certificate now and keep the volunteer away from the children "
                            "until it is checked and clear.",
                        ),
                        "missing_start_unknown",
                    )
                    continue
                if at_work:
                    yield hit(
                        (
                            f"Der er registreret en børneattest for den frivillige '{vid}' i "
                            f"{tasks[0]}, men ikke hvornår den frivillige startede, så det kan "
                            "ikke afgøres, om attesten blev indhentet før start, som loven "
                            "kræver ved fast tilknytning. Registrér den frivilliges startdato.",
                            "A child-protection certificate is on file for volunteer "
                            f"'{vid}' in {tasks[1]}, but the volunteer's start date is not, so "
                            "whether the certificate was checked before the start, as the law "
                            "requires with regular attachment, cannot be judged. Record the "
                            "volunteer's start date.",
                        ),
                        "timing_unknown",
                    )
            elif start <= today and certificate is None:
                yield hit(
                    (
                        f"Den frivillige '{vid}' har siden {start.isoformat()} haft kontakt med "
                        f"børn under {CHILD_AGE_LIMIT} år i {tasks[0]} i en rolle med fast "
                        "tilknytning, men der blev ikke indhentet en børneattest før start. "
                        f"{who[0]} skal indhente børneattesten nu og holde den frivillige væk "
                        "fra børnene, til den er indhentet og uden anmærkninger.",
                        f"Volunteer '{vid}' has been in contact with children under "
                        f"{CHILD_AGE_LIMIT} in {tasks[1]} since {start.isoformat()}, in a "
                        "role with regular attachment (fast tilknytning), but no child-"
                        "protection certificate (børneattest) was checked before the start. "
                        f"{who[1]} must obtain the certificate now and keep the volunteer away "
                        "from the children until it is checked and clear.",
                    ),
                    "missing_before_start",
                )
                continue
            elif certificate is not None and certificate.checked_on > start:
                yield hit(
                    (
                        f"Børneattesten for den frivillige '{vid}' blev først indhentet, efter "
                        f"den frivillige startede i {tasks[0]} den {start.isoformat()}; "
                        "loven kræver den før start ved fast tilknytning. Sørg for, at nye "
                        "frivillige på opgaven får attesten indhentet, før de starter.",
                        f"The child-protection certificate for volunteer '{vid}' was checked "
                        f"only after the volunteer started in {tasks[1]} on "
                        f"{start.isoformat()}; with regular attachment the law requires the "
                        "check before the start. Make sure new volunteers on the task are "
                        "checked before they start.",
                    ),
                    "late",
                )
        else:
            state, due = _backstop(volunteer, settings)
            if state == "unknown" and not at_work:
                state = "not_passed"
            if certificate is None and state == "passed" and due is not None and due < today:
                yield hit(
                    (
                        f"Den frivillige '{vid}' har været sammen med børn under "
                        f"{CHILD_AGE_LIMIT} år i {tasks[0]} så ofte eller så længe, at det "
                        f"er fast tilknytning ({limbs[0]}), og fristen på {deadline} dage for "
                        f"at indhente børneattesten er overskredet. {who[0]} skal indhente den "
                        "nu.",
                        f"Volunteer '{vid}' has been with children under {CHILD_AGE_LIMIT} in "
                        f"{tasks[1]} often or long enough to count as regularly attached "
                        f"({limbs[1]}), and the {deadline} days allowed for checking the child-"
                        f"protection certificate have passed. {who[1]} must obtain it now.",
                    ),
                    "backstop_overdue",
                    source=order,
                )
                continue
            if certificate is None and state == "undated":
                yield hit(
                    (
                        f"Den frivillige '{vid}' har været sammen med børn under "
                        f"{CHILD_AGE_LIMIT} år i {tasks[0]} så ofte eller så længe, at grænsen "
                        f"for fast tilknytning kan være nået ({limbs[0]}), men gangene er ikke "
                        "registreret med datoer, så fristen for børneattesten kan ikke "
                        f"beregnes. {who[0]} skal indhente attesten nu og registrere gangene og "
                        "perioderne med børn med datoer.",
                        f"Volunteer '{vid}' has been with children under {CHILD_AGE_LIMIT} in "
                        f"{tasks[1]} often or long enough that the threshold for regular "
                        f"attachment may have been passed ({limbs[1]}), but the record does not "
                        "date the occasions, so the certificate's deadline cannot be worked "
                        f"out. {who[1]} must obtain the certificate now, and record the "
                        "occasions and periods with children with their dates.",
                    ),
                    "backstop_unknown",
                    source=order,
                )
                continue
            if certificate is None and state == "unknown":
                yield hit(
                    (
                        f"Den frivillige '{vid}' er sat på {tasks[0]} med kontakt med børn "
                        f"under {CHILD_AGE_LIMIT} år uden fast tilknytning fra start og uden "
                        "børneattest, men det er ikke registreret, hvor ofte eller hvor længe "
                        "den frivillige har været sammen med børnene. Efter "
                        f"{limbs[0]}, skal attesten indhentes inden for {deadline} dage. "
                        "Registrér gangene og perioderne med børn med datoer, eller indhent "
                        "attesten nu.",
                        f"Volunteer '{vid}' is assigned to {tasks[1]}, with contact with "
                        f"children under {CHILD_AGE_LIMIT}, without regular attachment from "
                        "the start and without a child-protection certificate, but how often "
                        "or how long the volunteer has been with the children is not "
                        f"recorded. After {limbs[1]}, the certificate is due within {deadline} "
                        "days. Record the occasions and periods with children, with their "
                        "dates, or obtain the certificate now.",
                    ),
                    "backstop_unknown",
                    source=order,
                )
                continue
            if certificate is not None and state == "passed" and due is not None:
                if certificate.checked_on > due:
                    yield hit(
                        (
                            f"Børneattesten for den frivillige '{vid}' blev først indhentet "
                            f"efter fristen på {deadline} dage, der begyndte, da den frivillige "
                            f"fik fast tilknytning i {tasks[0]}. Hold øje med, hvornår "
                            "frivillige uden fast tilknytning fra start når grænsen.",
                            f"The child-protection certificate for volunteer '{vid}' was "
                            f"checked only after the {deadline} days allowed from the day the "
                            f"volunteer became regularly attached in {tasks[1]}. Keep track of "
                            "when volunteers who were not regular from the start pass the "
                            "limit.",
                        ),
                        "late",
                        source=order,
                    )
            elif certificate is not None and state in ("undated", "unknown"):
                yield hit(
                    (
                        f"Der er registreret en børneattest for den frivillige '{vid}' i "
                        f"{tasks[0]}, men det er ikke registreret med datoer, hvornår den "
                        "frivillige har været sammen med børnene, så det kan ikke afgøres, om "
                        "attesten blev "
                        f"indhentet inden for fristen på {deadline} dage efter, at den "
                        "frivillige fik fast tilknytning. Registrér gangene og perioderne med "
                        "børn med datoer.",
                        "A child-protection certificate is on file for volunteer "
                        f"'{vid}' in {tasks[1]}, but not the dates on which the volunteer was "
                        "with the children, so whether it was checked within the "
                        f"{deadline} days allowed after the volunteer became regularly "
                        "attached cannot be judged. Record the occasions and periods with "
                        "children, with their dates.",
                    ),
                    "timing_unknown",
                    source=order,
                )
        renewal = settings.child_certificate_renewal_months
        if (
            certificate is not None
            and renewal is not None
            and add_months(certificate.checked_on, renewal) < today
        ):
            yield hit(
                (
                    f"Børneattesten for den frivillige '{vid}' er ældre end kommunens "
                    f"fornyelsesinterval på {renewal} måneder. {who[0]} skal indhente en ny.",
                    f"The child-protection certificate for volunteer '{vid}' is older than the "
                    f"municipality's renewal interval of {renewal} months. {who[1]} must obtain "
                    "a new one.",
                ),
                "renewal_due",
                source=CHILD_CERTIFICATE_POLICIES.citation,
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
        if volunteer.coercion not in (None, Coercion.NONE):
            # The same words for every obligation: which one (a sentence, say) is not named.
            yield _hit(
                [("volunteers", v)],
                (
                    f"Den frivillige '{vid}' deltager ikke af fri vilje: deltagelsen er "
                    "registreret som en pligt (en betingelse for en offentlig ydelse, en del af "
                    "en dom eller en sanktion, hvis den frivillige stopper). Frivilligt arbejde "
                    "efter § 18 foregår uden fysisk, retlig eller økonomisk tvang. Registrér "
                    "indsatsen efter de regler, der gælder for pligten, og ikke som frivilligt "
                    "arbejde, eller gør deltagelsen frivillig.",
                    f"Volunteer '{vid}' does not take part freely: taking part is recorded as "
                    "an obligation (a condition of a public benefit, part of a sentence, or a "
                    "sanction for stopping). Volunteering in the sense of § 18 is free of "
                    "physical, legal and economic coercion. Record the effort under the rules "
                    "of the obligation, not as volunteering, or make taking part voluntary.",
                ),
                "coerced",
                personal=True,
            )
        if volunteer.for_own_benefit:
            yield _hit(
                [("volunteers", v)],
                (
                    f"Den frivillige '{vid}' deltager for sin egen skyld (fx som deltager i en "
                    "selvhjælpsgruppe), og det er ikke frivilligt arbejde efter § 18, som skal "
                    "komme andre end en selv og ens familie til gode. Registrér deltagelsen for "
                    "sig; den, der leder gruppen for andre, kan godt være frivillig.",
                    f"Volunteer '{vid}' takes part for their own benefit (for example as a "
                    "member of a self-help group), which is not volunteering in the sense of "
                    "§ 18: the effort must benefit others than oneself and one's family. Record "
                    "the participation separately; whoever facilitates the group for others "
                    "can be a volunteer.",
                ),
                "own_benefit",
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
        if len(missing) == 1:
            what = missing[0].with_volunteers("da"), missing[0].with_volunteers("en")
        else:
            what = (
                f"disse opgaver med de frivillige: {_join([t.da for t in missing], 'da')}",
                f"these volunteer-management tasks: {_join([t.en for t in missing], 'en')}",
            )
        yield _hit(
            [("responsibilities",)],
            (
                f"Ingen part har ansvaret for {what[0]}. Aftal, hvem der gør det, og skriv "
                "det ind i samarbejdets ansvarsfordeling.",
                f"No party is responsible for {what[1]}. Agree who does it, and record it in "
                "the collaboration's responsibilities.",
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

_ENDS_WITHOUT_ROUND = frozenset({Status.EXPLORING, Status.AGREEING_GOALS})
"""The statuses a collaboration may end from without a final round: it was never at work."""


def _ended_without_final_round(collaboration: Collaboration) -> Iterator[Hit]:
    """An ended collaboration needs a final round when it ended from evaluating."""
    rounds = collaboration.rounds
    if any(round_.final for round_ in rounds):
        return
    ended_from = collaboration.ended_from
    if ended_from is None and rounds:
        # The parties decided at the latest round to end: they ended from evaluating.
        latest = max(rounds, key=lambda round_: (round_.held_on, round_.id))
        if latest.decision is Decision.END:
            ended_from = Status.EVALUATING
    if ended_from in _ENDS_WITHOUT_ROUND:
        return
    if ended_from is Status.EVALUATING:
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
    yield _hit(
        [("ended_from",), ("rounds",)],
        (
            "Samarbejdet er afsluttet uden en afsluttende evaluering, og det fremgår ikke, "
            "hvilken status det blev afsluttet fra. Blev det afsluttet efter en "
            "evaluering, mangler den afsluttende evaluering: hold en sidste runde med alle "
            "parter. Blev det afsluttet, før det kom i gang (undersøgende eller afklaring af "
            "mål), er der ingen afsluttende runde at holde. Skriv i begge tilfælde ind, hvilken "
            "status samarbejdet blev afsluttet fra.",
            "The collaboration has ended without a final evaluation, and it is not recorded "
            "which status it ended from. If it ended after an evaluation, the final evaluation "
            "is missing: hold a last round with every party. If it ended before it got under "
            "way (exploring or agreeing goals), there is no final round to hold. Either way, "
            "record the status it ended from.",
        ),
        "final_evaluation_unknown",
    )


def _first_evaluation_late(
    collaboration: Collaboration, first: dt.date, settings: CheckSettings
) -> Iterator[Hit]:
    """The first evaluation falls after the window from the start: months, or days if set."""
    start = collaboration.start_on
    days = settings.first_evaluation_within_days
    if days is not None:
        latest = add_days(start, days)
        window_da, window_en = f"{days} dage", f"{days} days"
    else:
        months = settings.first_evaluation_within_months
        latest = add_months(start, months)
        window_da = f"{months} måned{'er' if months != 1 else ''}"
        window_en = f"{months} month{'s' if months != 1 else ''}"
    if first <= latest:
        return
    wait = (first - start).days
    yield _hit(
        [("evaluation_plan", "first_date")],
        (
            f"Den første evaluering er planlagt til {first.isoformat()}, {wait} dage efter "
            f"starten den {start.isoformat()}; kommunen forventer den senest "
            f"{latest.isoformat()}, {window_da} efter starten. Ryk den første evaluering "
            "frem: et nyt samarbejde har brug for et tidligt tjek af, om formen passer til "
            "parterne.",
            f"The first evaluation is planned for {first.isoformat()}, {wait} days after the "
            f"start on {start.isoformat()}; the municipality expects it by "
            f"{latest.isoformat()}, {window_en} after the start. Move it earlier: a new "
            "collaboration needs an early check of whether the form suits the parties.",
        ),
        "first_too_late",
    )


def evaluation(context: RuleContext) -> Iterator[Hit]:
    """No evaluation plan, an overdue or late first evaluation, or an end without a final one."""
    collaboration, settings, today = context.collaboration, context.settings, context.today
    status = collaboration.status
    plan = collaboration.evaluation_plan
    if status is Status.ENDED:
        yield from _ended_without_final_round(collaboration)
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
    yield from _first_evaluation_late(collaboration, plan.first_date, settings)
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
_WRITTEN = frozenset({F.COLLABORATION_AGREEMENT, F.PARTNERSHIP_AGREEMENT})
"""The levels that are a written agreement of the collaboration as a whole."""


def formalisation_misfit(context: RuleContext) -> Iterator[Hit]:
    """The formalisation level is far from what the collaboration's risk drivers call for."""
    collaboration, settings = context.collaboration, context.settings
    actual = collaboration.formalisation
    if not actual.is_volunteering:
        return
    if actual in _WRITTEN and collaboration.agreement is None and collaboration.status in RUNNING:
        yield _no_agreement_document(actual)
    money = money_facts(collaboration)
    wanted, drivers = recommended_level(collaboration, settings.formalisation)
    large = FormalisationDriver.LARGE_MONEY in drivers
    hit = _misfit(
        actual,
        wanted,
        tuple(drivers),
        money[1] if large else 0,
        (
            settings.formalisation_too_loose_steps,
            settings.formalisation_too_tight_steps,
            settings.formalisation_warning_steps,
            settings.formalisation_warning_risks,
            settings.formalisation_error_steps,
            settings.formalisation_error_risks,
        ),
    )
    if hit is not None:
        yield hit
    partnership = level_rank(F.PARTNERSHIP_AGREEMENT)
    if (
        money[2]
        and not large
        and level_rank(wanted) < partnership
        and partnership - level_rank(actual) >= settings.formalisation_too_loose_steps
    ):
        yield _amount_unknown(collaboration, settings.formalisation.large_money_dkk)


def _no_agreement_document(actual: FormalisationLevel) -> Hit:
    return _hit(
        [("agreement",), ("formalisation",)],
        (
            f"Samarbejdet er registreret som '{actual.da}', men der er ikke registreret nogen "
            "skriftlig aftale. Registrér aftalen (titel, dato og hvor den ligger), eller skriv "
            "den, hvis samarbejdet i dag kun hviler på en mundtlig aftale.",
            f"The collaboration is recorded as '{actual.en}', but no written agreement is "
            "recorded. Record the agreement (title, date and where it is kept), or write one if "
            "the collaboration rests on an oral agreement today.",
        ),
        "no_agreement_document",
        severity=Severity.WARNING,
    )


def _amount_unknown(collaboration: Collaboration, threshold: int) -> Hit:
    """Money changes hands, but not how much: from ``threshold`` a partnership is called for."""
    # In the order of their names and ids, so that the finding does not depend on the order
    # the parties are listed in.
    givers = sorted(
        (
            (index, participant)
            for index, participant in enumerate(collaboration.participants)
            if Resource.MONEY in participant.resources and participant.funding_dkk_per_year is None
        ),
        key=lambda given: (_name(given[1]), given[1].id),
    )
    if givers:
        names = [_name(participant) for _, participant in givers]
        what = (
            f"{_join(names, 'da')} giver penge til samarbejdet, men beløbet er ikke registreret.",
            f"{_join(names, 'en')} {'gives' if len(names) == 1 else 'give'} money to the "
            "collaboration, but the amount is not recorded.",
        )
        paths: list[tuple[str | int, ...]] = [("participants", index) for index, _ in givers]
    else:
        what = (
            "Der er penge i samarbejdet (en part får en del af sit budget fra kommunen), men "
            "det er ikke registreret, hvem der giver dem, eller hvor mange penge det er.",
            "Money changes hands (a party gets part of its budget from the municipality), but "
            "it is not recorded who gives it or how much it is.",
        )
        paths = [("formalisation",)]
    return _hit(
        paths,
        (
            f"{what[0]} Fra {dkk(threshold, 'da')} om året kalder pengene alene på en "
            f"{F.PARTNERSHIP_AGREEMENT.da}: registrér beløbet om året (funding_dkk_per_year), "
            "så det kan vurderes, om samarbejdet er formaliseret nok.",
            f"{what[1]} From {dkk(threshold, 'en')} a year the money alone calls for a "
            f"{F.PARTNERSHIP_AGREEMENT.en}: record the amount a year (funding_dkk_per_year), so "
            "that it can be judged whether the collaboration is formal enough.",
        ),
        "money_amount_unknown",
        severity=Severity.INFO,
    )


def _loose_severity(
    steps: int, drivers: tuple[FormalisationDriver, ...], grades: tuple[int, ...]
) -> Severity:
    """How serious a form too loose by ``steps`` is, given the risk drivers among ``drivers``."""
    _, _, warning_steps, warning_risks, error_steps, error_risks = grades
    risks = sum(driver in RISK_DRIVERS for driver in drivers)
    if steps >= error_steps and risks >= error_risks:
        return Severity.ERROR
    if steps >= warning_steps or risks >= warning_risks:
        return Severity.WARNING
    return Severity.INFO


@functools.lru_cache(maxsize=512)
def _misfit(
    actual: FormalisationLevel,
    wanted: FormalisationLevel,
    drivers: tuple[FormalisationDriver, ...],
    money_dkk: int,
    grades: tuple[int, ...],
) -> Hit | None:
    """The hit for a level far from the one wanted, or ``None``; few combinations, so kept.

    ``grades`` are the settings ``formalisation_too_loose_steps``, ``..._too_tight_steps``,
    ``..._warning_steps``, ``..._warning_risks``, ``..._error_steps`` and ``..._error_risks``.
    """
    shown = [
        driver
        for driver in drivers
        if driver is not FormalisationDriver.MONEY or FormalisationDriver.LARGE_MONEY not in drivers
    ]
    why_da = _join([driver_label(d, "da", money_dkk) for d in shown], "da")
    why_en = _join([driver_label(d, "en", money_dkk) for d in shown], "en")
    why_da = why_da or "ingen særlige risici"
    why_en = why_en or "no particular risks"
    too_loose_steps, too_tight_steps = grades[0], grades[1]
    loose = level_rank(wanted) - level_rank(actual)
    if loose >= too_loose_steps:
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
            severity=_loose_severity(loose, drivers, grades),
        )
    if -loose >= too_tight_steps:
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
            severity=Severity.INFO,
        )
    return None


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


# -- FR112 single key person -------------------------------------------------------


def _task_names(tasks: Iterable[ManagementTask], lang: Language) -> str:
    ordered = [task for task in ManagementTask if task in set(tasks)]
    return _join([task.da if lang == "da" else task.en for task in ordered], lang)


def _concentration(context: RuleContext) -> Iterator[Hit]:
    """One person holds most of the responsibilities, or might: their holders are unknown."""
    collaboration = context.collaboration
    most = context.settings.max_responsibilities_per_holder
    held = collaboration.responsibilities
    holders = collaboration.responsibility_holders
    tasks_of: dict[str, list[ManagementTask]] = {}
    for task, holder in holders.items():
        tasks_of.setdefault(holder, []).append(task)
    concentrated: set[str] = set()
    for holder in sorted(tasks_of):
        tasks = tasks_of[holder]
        if len(tasks) < most:
            continue
        concentrated.update(held[task] for task in tasks)
        count = len(tasks)
        yield _hit(
            [("responsibility_holders",)],
            (
                f"Én person, '{holder}', har ansvaret for {_task_names(tasks, 'da')}: {count} af "
                "de fem ansvarsområder i ledelsen af de frivillige (højst "
                f"{most - 1} pr. person). Falder personen fra, står de frivillige uden ledelse. "
                "Fordel ansvaret på flere personer, og skriv ned, hvordan opgaverne udføres.",
                f"One person, '{holder}', holds {_task_names(tasks, 'en')}: {count} of the five "
                f"volunteer-management responsibilities (at most {most - 1} per person). If that "
                "one person leaves, nobody manages the volunteers. Share the responsibilities "
                "among more people, and write down how they are done.",
            ),
            "concentrated_responsibilities",
        )
    if collaboration.status not in RUNNING:
        return
    # A holder is a person inside the party that holds the responsibility, so a
    # responsibility with an unknown holder can only add to a person of that party.
    for index, participant in enumerate(collaboration.participants):
        party = participant.id
        if party in concentrated:
            continue
        own = [task for task in ManagementTask if held.get(task) == party]
        unknown = [task for task in own if task not in holders]
        if not unknown:
            continue
        known_most = max((len(tasks_of[holders[t]]) for t in own if t in holders), default=0)
        if len(unknown) + known_most < most:
            continue
        name = _name(participant)
        yield _hit(
            [("responsibility_holders",), ("participants", index)],
            (
                f"Det vides ikke, hvem hos {name} der har ansvaret for "
                f"{_task_names(unknown, 'da')}. Har én person {most} eller flere af de fem "
                "ansvarsområder i ledelsen af de frivillige, afhænger samarbejdet af den person. "
                "Skriv for hvert ansvarsområde et pseudonymt id for den, der har det (intet "
                "navn), så tjekket kan se, om ansvaret ligger hos én person.",
                f"It is not recorded who at {name} holds {_task_names(unknown, 'en')}. If one "
                f"person holds {most} or more of the five volunteer-management "
                "responsibilities, the collaboration depends on that person. Record a "
                "pseudonymous id (no name) for the holder of each, so that the check can see "
                "whether they rest on one person.",
            ),
            "holders_unknown",
        )


def single_key_person(context: RuleContext) -> Iterator[Hit]:
    """A party rests on too few key persons, or one person holds most responsibilities."""
    yield from _concentration(context)
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


_BENEFIT_DEFINITE = {Benefit.UNEMPLOYMENT: "dagpengene", Benefit.EARLY_RETIREMENT: "efterlønnen"}


def _benefit_limit(benefit: Benefit, settings: CheckSettings) -> float:
    if benefit is Benefit.EARLY_RETIREMENT:
        return settings.early_retirement_free_hours_per_month
    return settings.benefit_free_hours_per_month


def _benefit_hours(
    volunteer: Volunteer, v: int, assigned: list[tuple[int, Task]], settings: CheckSettings
) -> Iterator[Hit]:
    """The planned hours that count against what the volunteer's benefit allows."""
    benefit = volunteer.benefit
    if benefit is None or benefit is Benefit.NONE:
        return
    planned = [(t, task) for t, task in assigned if task.hours_per_week]
    direct = volunteer.engagement is Engagement.MUNICIPALITY
    if direct:
        # Directly for a public institution every hour counts, whatever kind of work it is.
        counted, unknown = planned, []
        limit = settings.benefit_free_hours_public
    else:
        counted = [(t, k) for t, k in planned if k.work_category is WorkCategory.UNPAID_WORK]
        unknown = [(t, k) for t, k in planned if k.work_category is None]
        limit = _benefit_limit(benefit, settings)
    per_month = settings.weeks_per_month
    monthly = math.fsum(task.hours_per_week or 0.0 for _, task in counted) * per_month
    vid = volunteer.id
    if monthly > limit:
        ids = [task.id for _, task in counted]
        if direct and limit == 0:
            texts = (
                f"Den frivillige '{vid}' er frivillig direkte for kommunen og er sat på cirka "
                f"{_number(monthly, 'da')} timer om måneden; for en frivillig på {benefit.da} "
                "trækkes hver time i frivilligt arbejde direkte for en offentlig institution i "
                f"{_BENEFIT_DEFINITE[benefit]}. Lad den frivillige være tilknyttet gennem en "
                "forening, eller bed den frivillige afklare det med sin a-kasse først.",
                f"Volunteer '{vid}' volunteers directly for the municipality and is planned for "
                f"about {_number(monthly, 'en')} hours a month; for a volunteer on {benefit.en}, "
                "every hour of voluntary work directly for a public institution is deducted. "
                "Engage the volunteer through an association, or ask the volunteer to clear it "
                "with their unemployment fund (a-kasse) first.",
            )
        else:
            texts = (
                f"Den frivillige '{vid}' er sat på cirka {_number(monthly, 'da')} timer om "
                f"måneden i {_tasks_phrase(ids, 'da')}, mere end de {_number(limit, 'da')} "
                f"timer frivilligt ulønnet arbejde, en frivillig på {benefit.da} må give uden "
                "fradrag (aktiviteter tæller ikke med). Sæt timerne ned, eller bed den "
                "frivillige afklare dem med sin a-kasse først.",
                f"Volunteer '{vid}' is planned for about {_number(monthly, 'en')} hours a month "
                f"in {_tasks_phrase(ids, 'en')}, more than the {_number(limit, 'en')} hours of "
                f"unpaid voluntary work a volunteer on {benefit.en} may give without deduction "
                "(activities do not count). Lower the hours, or ask the volunteer to clear "
                "them with their unemployment fund (a-kasse) first.",
            )
        yield _hit(
            [("volunteers", v), *(("tasks", t) for t, _ in counted)],
            texts,
            "benefit_hours",
            source=UNEMPLOYMENT_BENEFIT.citation,
            personal=True,
        )
        return
    total = monthly + math.fsum(task.hours_per_week or 0.0 for _, task in unknown) * per_month
    if not unknown or total <= limit:
        return
    ids = [task.id for _, task in unknown]
    one = len(ids) == 1
    yield _hit(
        [("volunteers", v), *(("tasks", t) for t, _ in unknown)],
        (
            f"Den frivillige '{vid}' er på {benefit.da}, men det er ikke registreret, om "
            f"{_tasks_phrase(ids, 'da')} er "
            + ("en aktivitet" if one else "aktiviteter")
            + ", som ikke tæller med, eller frivilligt ulønnet arbejde, der højst må fylde "
            f"{_number(limit, 'da')} timer om måneden uden fradrag. Tæller alle timerne med, "
            f"er den frivillige sat på cirka {_number(total, 'da')} timer om måneden. "
            "Registrér, hvilken slags arbejde "
            + ("opgaven" if one else "opgaverne")
            + " er, eller bed den frivillige afklare timerne med sin a-kasse.",
            f"Volunteer '{vid}' receives {benefit.en}, but whether {_tasks_phrase(ids, 'en')} "
            + ("is an activity" if one else "are activities")
            + ", which "
            + ("does" if one else "do")
            + " not count, or unpaid voluntary work, which may take at most "
            f"{_number(limit, 'en')} hours a month without deduction, is not recorded. "
            f"Counting every hour, the volunteer is planned for about {_number(total, 'en')} "
            "hours a month. Record which kind of work the "
            + ("task is" if one else "tasks are")
            + ", or ask the volunteer to clear the hours with their unemployment fund "
            "(a-kasse).",
        ),
        "work_category_unknown",
        source=UNEMPLOYMENT_BENEFIT.citation,
        personal=True,
    )


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
        yield from _benefit_hours(volunteer, v, list(zip(indexes, tasks, strict=True)), settings)


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


_FOLKEOPLYSNING_SCHEME: Texts = (
    "tilskud efter folkeoplysningsloven",
    "support under the Folkeoplysning Act",
)
_SECTION_18_SCHEME: Texts = ("§ 18-støtte efter serviceloven", "support under Serviceloven § 18")
_BASED_HERE: Texts = ("hjemsted i kommunen", "its seat in the municipality")

Condition = tuple[str, str, Texts, Texts]
"""A condition of support: the actor's field, the reason code, what the association
fails (Danish, English) and what it needs (Danish, English)."""


def _approval_conditions(
    actor: VoluntaryOrganisation, least: int
) -> tuple[list[Condition], list[Condition]]:
    """The conditions of Folkeoplysningsloven § 4, stk. 3 the association fails, and the unknown."""
    conditions: list[tuple[bool | None, Condition]] = [
        (
            actor.has_statutes,
            (
                "has_statutes",
                "no_statutes",
                ("har ingen vedtægter med et formål", "has no statutes stating a purpose"),
                ("vedtægter med et formål", "statutes stating a purpose"),
            ),
        ),
        (
            actor.has_board,
            (
                "has_board",
                "no_board",
                ("har ingen bestyrelse", "has no board"),
                ("en bestyrelse", "a board"),
            ),
        ),
        (
            actor.democratic,
            (
                "democratic",
                "not_democratic",
                ("er ikke demokratisk opbygget", "is not democratically structured"),
                ("en demokratisk opbygning", "a democratic structure"),
            ),
        ),
        (
            None if actor.paying_members is None else actor.paying_members >= least,
            (
                "paying_members",
                "too_few_members",
                (
                    f"har færre end {least} betalende medlemmer",
                    f"has fewer than {least} paying members",
                ),
                (f"mindst {least} betalende medlemmer", f"at least {least} paying members"),
            ),
        ),
    ]
    failing = [condition for met, condition in conditions if met is False]
    unknown = [condition for met, condition in conditions if met is None]
    return failing, unknown


def _unknown_conditions(
    name: str, field: tuple[str | int, ...], scheme: Texts, unknown: list[tuple[str, Texts]]
) -> Hit:
    needs_da = _join([need[0] for _, need in unknown], "da")
    needs_en = _join([need[1] for _, need in unknown], "en")
    return _hit(
        [(*field, attribute) for attribute, _ in unknown],
        (
            f"Det er ikke registreret, om {name} opfylder disse betingelser for {scheme[0]}: "
            f"{needs_da}. Registrér dem, så reglen kan vurdere støtten.",
            f"It is not recorded whether {name} meets these conditions of {scheme[1]}: "
            f"{needs_en}. Record them, so that the rule can judge the support.",
        ),
        "conditions_unknown",
        severity=Severity.INFO,
    )


def _folkeoplysning(context: RuleContext, participant: Participant, index: int) -> Iterator[Hit]:
    """What an association supported under folkeoplysningsloven lacks (§ 4, stk. 3 and 4)."""
    from .._reference.municipalities import get_municipality

    actor = participant.actor
    assert isinstance(actor, VoluntaryOrganisation)  # noqa: S101 - the caller checks it
    collaboration = context.collaboration
    name = _name(participant)
    field: tuple[str | int, ...] = ("participants", index, "actor")
    failing, unknown = _approval_conditions(actor, context.settings.association_min_paying_members)
    for attribute, reason, (fails_da, fails_en), (needs_da, needs_en) in failing:
        yield _hit(
            [(*field, attribute)],
            (
                f"{name} får tilskud efter folkeoplysningsloven, men {fails_da}. En godkendt "
                f"folkeoplysende forening skal have {needs_da} (folkeoplysningsloven § 4, stk. "
                "3): bed foreningen rette det før næste tilskud.",
                f"{name} receives support under the Folkeoplysning Act but {fails_en}. An "
                f"approved association must have {needs_en} (Folkeoplysningsloven § 4, stk. 3): "
                "ask the association to put it right before the next grant.",
            ),
            reason,
            source=ASSOCIATION_APPROVAL.citation,
        )
    missing = [(attribute, needs) for attribute, _, _, needs in unknown]
    home = actor.municipality_code
    if home is None:
        missing.append(("municipality_code", _BASED_HERE))
    elif home != collaboration.municipality_code:
        here = get_municipality(collaboration.municipality_code).official_name
        there = get_municipality(home).official_name
        yield _hit(
            [(*field, "municipality_code")],
            (
                f"{name} får tilskud efter folkeoplysningsloven fra {here}, men er "
                f"hjemmehørende i {there}. En godkendt folkeoplysende forening skal være "
                "hjemmehørende i den kommune, der giver tilskuddet (folkeoplysningsloven § 4, "
                "stk. 3).",
                f"{name} receives support under the Folkeoplysning Act from {here} but is based "
                f"in {there}. An approved association must be based in the municipality that "
                "supports it (Folkeoplysningsloven § 4, stk. 3).",
            ),
            "not_local",
            source=ASSOCIATION_APPROVAL.citation,
        )
    if missing:
        yield _unknown_conditions(name, field, _FOLKEOPLYSNING_SCHEME, missing)
    year = _declaration_year(context)
    declared = actor.child_certificate_declaration_year
    where = [(*field, "child_certificate_declaration_year")]
    if declared is None:
        yield _hit(
            where,
            (
                f"Det er ikke registreret, om {name} har afgivet erklæringen om børneattester "
                f"for {year}. En forening, der får tilskud efter folkeoplysningsloven, skal "
                "afgive den hvert år, og uden den må kommunen ikke give tilskud eller anvise "
                "lokaler: registrér erklæringen, eller bed foreningen om den.",
                f"It is not recorded whether {name} has given its declaration on child "
                f"certificates for {year}. An association supported under the Folkeoplysning "
                "Act must give it every year, and without it the municipality may not give "
                "grants or premises: record the declaration, or ask the association for it.",
            ),
            "declaration_unknown",
            source=ASSOCIATION_DECLARATION.citation,
            severity=Severity.WARNING,
        )
    elif declared < year:
        yield _hit(
            where,
            (
                f"{name} har ikke afgivet erklæringen om børneattester for {year} (den seneste "
                f"er for {declared}). En forening, der får tilskud efter folkeoplysningsloven, "
                "skal afgive den hvert år. Uden den må kommunen ikke give tilskud eller anvise "
                "lokaler: bed foreningen om årets erklæring.",
                f"{name} has not given its declaration on child certificates for {year} (the "
                f"last is for {declared}). An association supported under the Folkeoplysning "
                "Act must give it every year. Without it the municipality may not give grants "
                "or premises: ask the association for this year's declaration.",
            ),
            "no_declaration",
            source=ASSOCIATION_DECLARATION.citation,
        )


def _section_18(context: RuleContext, participant: Participant, index: int) -> Iterator[Hit]:
    """What support under Serviceloven § 18 asks: voluntary effort as the core, mainly local."""
    from .._reference.municipalities import get_municipality

    actor = participant.actor
    assert isinstance(actor, VoluntaryOrganisation)  # noqa: S101 - the caller checks it
    collaboration = context.collaboration
    name = _name(participant)
    field: tuple[str | int, ...] = ("participants", index, "actor")
    missing: list[tuple[str, Texts]] = []
    if actor.voluntary_effort_is_core is None:
        missing.append(
            (
                "voluntary_effort_is_core",
                (
                    "en frivillig indsats som kernen i aktiviteten",
                    "voluntary effort as the core of its activity",
                ),
            )
        )
    elif not actor.voluntary_effort_is_core:
        yield _hit(
            [(*field, "voluntary_effort_is_core")],
            (
                f"{name} får § 18-støtte efter serviceloven, men den frivillige indsats er ikke "
                "kernen i foreningens aktivitet. § 18-støtte skal gå til en aktivitet, hvor den "
                "frivillige indsats er kernen, og støtte netop den indsats: vurder støtten efter "
                "en anden ordning, eller lad den gå til den frivillige del af aktiviteten.",
                f"{name} receives support under Serviceloven § 18, but voluntary effort is not "
                "the core of its activity. § 18 support must go to an activity whose core is "
                "the voluntary effort, and support that effort: assess the support under "
                "another scheme, or direct it at the voluntary part of the activity.",
            ),
            "section_18_not_core",
            source=SECTION_18_SUPPORT.citation,
        )
    home = actor.municipality_code
    if home is None:
        missing.append(("municipality_code", _BASED_HERE))
    elif home != collaboration.municipality_code:
        here = get_municipality(collaboration.municipality_code).official_name
        there = get_municipality(home).official_name
        yield _hit(
            [(*field, "municipality_code")],
            (
                f"{name} får § 18-støtte fra {here}, men er hjemmehørende i {there}. "
                "Samarbejdet efter § 18 skal først og fremmest være lokalt (lokale foreninger og "
                "lokalafdelinger af landsorganisationer), og mange kommuner kræver, at "
                "foreningen er hjemmehørende i kommunen: tjek kommunens egne betingelser for "
                "§ 18-støtte.",
                f"{name} receives § 18 support from {here} but is based in {there}. "
                "Collaboration under § 18 should first of all be local (local associations and "
                "local branches of national organisations), and many municipalities require the "
                "association to be based in the municipality: check the municipality's own "
                "conditions for § 18 support.",
            ),
            "section_18_not_local",
            source=SECTION_18_SUPPORT.citation,
            severity=Severity.WARNING,
        )
    if missing:
        yield _unknown_conditions(name, field, _SECTION_18_SCHEME, missing)


def _scheme_unknown(context: RuleContext, participant: Participant, index: int) -> Hit:
    """Municipal money, but no scheme: which conditions apply cannot be told."""
    actor = participant.actor
    assert isinstance(actor, VoluntaryOrganisation)  # noqa: S101 - the caller checks it
    share = participant.budget_share_from_municipality or 0.0
    name = _name(participant)
    failing, _ = _approval_conditions(actor, context.settings.association_min_paying_members)
    if failing:
        fails_da = _join([fails[0] for _, _, fails, _ in failing], "da")
        fails_en = _join([fails[1] for _, _, fails, _ in failing], "en")
        more = (
            " Gives støtten efter folkeoplysningsloven, opfylder foreningen ikke kravene til en "
            f"godkendt forening: den {fails_da}.",
            " If the support is under the Folkeoplysning Act, the association does not meet "
            f"what an approved association must: it {fails_en}.",
        )
    else:
        more = ("", "")
    return _hit(
        [("participants", index, "support_schemes")],
        (
            f"{name} får {_percent(share, 'da')} af sit budget fra kommunen, men det er ikke "
            "registreret, efter hvilken ordning foreningen får støtte. Betingelserne afhænger af "
            "ordningen: en forening, der får tilskud efter folkeoplysningsloven, skal være "
            "godkendt efter lovens § 4 og hvert år afgive en erklæring om børneattester; "
            "§ 18-støtte efter serviceloven skal gå til frivilligt socialt arbejde, hvor den "
            "frivillige indsats er kernen. Registrér ordningen (support_schemes)." + more[0],
            f"{name} gets {_percent(share, 'en')} of its budget from the municipality, but it "
            "is not recorded under which scheme it is supported. The conditions depend on the "
            "scheme: an association supported under the Folkeoplysning Act must be approved "
            "under the Act's § 4 and declare every year that it obtains child certificates; "
            "support under Serviceloven § 18 must go to voluntary social work whose core is "
            "the voluntary effort. Record the scheme (support_schemes)." + more[1],
        ),
        "scheme_unknown",
        severity=Severity.WARNING,
    )


def _no_cvr(participant: Participant, index: int) -> Hit:
    name = _name(participant)
    return _hit(
        [("participants", index, "actor", "cvr")],
        (
            f"{name} får støtte fra kommunen, men der er ikke registreret et CVR-nummer. En "
            "forening, der modtager offentlige tilskud, skal være registreret i CVR, og tilskud "
            "udbetales til en NemKonto, der kræver et CVR-nummer: registrér foreningens "
            "CVR-nummer.",
            f"{name} receives support from the municipality, but no CVR number is recorded. An "
            "association that receives public grants must be registered in the CVR, and grants "
            "are paid to a NemKonto, which needs a CVR number: record the association's CVR "
            "number.",
        ),
        "no_cvr_recorded",
        source=ASSOCIATION_CVR.citation,
        severity=Severity.WARNING,
    )


def association_eligibility(context: RuleContext) -> Iterator[Hit]:
    """A supported association fails a condition of the scheme it is supported under."""
    for index, participant in enumerate(context.collaboration.participants):
        actor = participant.actor
        if not isinstance(actor, VoluntaryOrganisation):
            continue
        schemes = participant.support_schemes
        if schemes is None:
            share = participant.budget_share_from_municipality
            if share is None or share <= 0:
                continue  # no sign of municipal support
            yield _scheme_unknown(context, participant, index)
        elif not schemes:
            continue  # no municipal support scheme
        if actor.cvr is None:
            yield _no_cvr(participant, index)
        if schemes is None:
            continue
        if SupportScheme.FOLKEOPLYSNING in schemes:
            yield from _folkeoplysning(context, participant, index)
        if SupportScheme.SERVICELOVEN_18 in schemes:
            yield from _section_18(context, participant, index)


# -- FR116 integrity ---------------------------------------------------------------

_QUOTED_ID = re.compile(r"'([^']*)'")


def integrity(context: RuleContext) -> Iterator[Hit]:
    """An id named in the collaboration refers to nothing in it."""
    from .._model.integrity import integrity_problems

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


# -- reason codes ------------------------------------------------------------------
#
# Each finding carries a reason code (Hit.reason) that says what kind of finding it is within
# its rule. The codes are part of the contract, as the rule codes are: systems act on them,
# and the rule catalogue lists them with what they mean. Every code a rule reports must be
# declared here (tests/test_language_and_catalogue.py fails, naming the code, when one is
# not); each meaning is given in Danish, then English.

_ASSOCIATION = ("En forening, der får støtte efter folkeoplysningsloven, ", "An association ")
_FOLKEOPLYSNING = " supported under the Folkeoplysning Act"

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
    "FR103": {
        "not_clear": (
            "Den registrerede kontrol af børneattesten gav ikke den frivillige lov til kontakt "
            "med børn, men den frivillige er på en opgave med børn.",
            "The recorded certificate check did not clear the volunteer, who is on a task "
            "with children.",
        ),
        "missing_before_start": (
            "En frivillig med fast tilknytning fra start har haft kontakt med børn, uden at "
            "børneattesten blev indhentet før start.",
            "A volunteer with regular attachment from the start has been with children "
            "without a certificate checked before the start.",
        ),
        "missing_start_unknown": (
            "En frivillig med fast tilknytning fra start har ingen børneattest, og startdatoen "
            "er ikke registreret.",
            "A volunteer with regular attachment from the start has no certificate on file, "
            "and the start date is not recorded.",
        ),
        "late": (
            "Børneattesten blev indhentet, men først efter fristen: efter start, eller efter "
            "fristen fra den dag, den frivillige fik fast tilknytning.",
            "The certificate was checked, but only after it was due: after the start, or "
            "after the deadline from the day the volunteer became regularly attached.",
        ),
        "timing_unknown": (
            "Der er en børneattest, men de datoer, der afgør, om den blev indhentet i tide "
            "(starten eller gangene med børn), er ikke registreret.",
            "A certificate is on file, but the dates that tell whether it was checked in time "
            "(the start, or the occasions with children) are not recorded.",
        ),
        "backstop_overdue": (
            "En frivillig har fået fast tilknytning gennem tiden eller gangene med børn, og "
            "fristen for børneattesten er overskredet, uden at den er indhentet.",
            "A volunteer became regularly attached through the time or the occasions with "
            "children, and the certificate's deadline has passed without one.",
        ),
        "backstop_unknown": (
            "En frivillig uden fast tilknytning fra start har ingen børneattest, og gangene med "
            "børn er ikke registreret med datoer, så fristen kan ikke beregnes.",
            "A volunteer without regular attachment from the start has no certificate, and "
            "the occasions with children are not recorded with dates, so the deadline cannot "
            "be worked out.",
        ),
        "renewal_due": (
            "Børneattesten er ældre end kommunens interval for fornyelse.",
            "The certificate is older than the municipality's renewal interval.",
        ),
    },
    "FR104": {
        "no_undertaking": (
            "En frivillig på en opgave med fortrolige personoplysninger har ikke underskrevet "
            "en tavshedserklæring.",
            "A volunteer on a task with confidential personal data has no confidentiality "
            "undertaking on file.",
        ),
    },
    "FR105": {
        "displacement": (
            "En opgave har tegn på, at frivillige overtager arbejde, som lønnede medarbejdere "
            "udfører eller udførte.",
            "A task shows signs that volunteers take over work paid staff perform or performed.",
        ),
    },
    "FR106": {
        "spontaneous": (
            "Samarbejdet er registreret som spontan hjælp, som ikke er organiseret frivilligt "
            "arbejde.",
            "The collaboration is recorded as spontaneous help, which is not organised "
            "volunteering.",
        ),
        "paid_contract": (
            "Samarbejdet er en betalt kontrakt: køb af en ydelse, ikke frivilligt arbejde.",
            "The collaboration is a paid contract: buying a service, not volunteering.",
        ),
        "paid": (
            "En frivillig får løn ud over dækning af udgifter eller et symbolsk beløb.",
            "A volunteer is paid beyond expenses or a symbolic amount.",
        ),
        "own_family": (
            "En frivillig hjælper sin egen familie.",
            "A volunteer helps their own family.",
        ),
        "coerced": (
            "En frivillig deltager ikke af fri vilje, fx fordi deltagelsen er en betingelse for "
            "en ydelse.",
            "A volunteer does not take part freely, for example because taking part is a "
            "condition of a benefit.",
        ),
        "own_benefit": (
            "En frivillig deltager for sin egen skyld, ikke til gavn for andre.",
            "A volunteer takes part for their own benefit, not for the benefit of others.",
        ),
        "allowance_from_municipality": (
            "En frivillig, der er tilknyttet direkte af kommunen, er lovet en skattefri "
            "godtgørelse, som kun en forening kan udbetale.",
            "A volunteer engaged directly by the municipality is promised a tax-free "
            "allowance, which only an association can pay.",
        ),
    },
    "FR107": {
        "no_goals": (
            "Samarbejdet er forbi afklaringen af mål, men har intet mål.",
            "The collaboration is past the agreeing stage but has no goal.",
        ),
        "unagreed_goal": (
            "Samarbejdet er forbi afklaringen af mål, og en part har ikke tilsluttet sig et mål.",
            "The collaboration is past the agreeing stage, and a party has not agreed to a goal.",
        ),
        "no_wishes": (
            "En part har ikke udtrykt nogen ønsker til samarbejdet.",
            "A party has stated no wishes for the collaboration.",
        ),
    },
    "FR108": {
        "unassigned": (
            "Et eller flere af de fem ansvarsområder i frivilligledelsen har ingen ansvarlig.",
            "One or more of the five volunteer-management responsibilities is held by nobody.",
        ),
        "holder_not_a_party": (
            "Et ansvar ligger hos nogen, der ikke er part i samarbejdet.",
            "A responsibility lies with someone who is not a party to the collaboration.",
        ),
    },
    "FR109": {
        "no_plan": (
            "Et igangværende samarbejde har ingen evalueringsplan.",
            "A running collaboration has no evaluation plan.",
        ),
        "first_too_late": (
            "Den første planlagte evaluering ligger senere efter start, end indstillingen "
            "tillader (i kalendermåneder, eller i dage, hvis regelbogen tæller dage).",
            "The first planned evaluation comes later after the start than the setting allows "
            "(in calendar months, or in days when the rulebook counts days).",
        ),
        "overdue": (
            "En evaluering, der skulle holdes, er ikke holdt endnu.",
            "An evaluation that was due has not been held yet.",
        ),
        "missed": (
            "En evaluering blev aldrig holdt, og der er ikke holdt nogen runde siden.",
            "An evaluation was never held, and no round has been held since.",
        ),
        "no_final_evaluation": (
            "Samarbejdet blev afsluttet fra evaluering uden en afsluttende evaluering.",
            "The collaboration ended from evaluating without a final evaluation.",
        ),
        "final_evaluation_unknown": (
            "Samarbejdet er afsluttet uden en afsluttende evaluering, og det er ikke "
            "registreret, hvilken status det blev afsluttet fra, så det kan ikke afgøres, om "
            "der skulle have været en.",
            "The collaboration has ended without a final evaluation, and the status it ended "
            "from is not recorded, so whether one was needed cannot be told.",
        ),
    },
    "FR110": {
        "too_loose": (
            "Formaliseringsniveauet er lavere, end samarbejdets risikofaktorer kalder på.",
            "The formalisation level is below what the collaboration's risk drivers call for.",
        ),
        "too_tight": (
            "Formaliseringsniveauet er højere, end samarbejdet kalder på.",
            "The formalisation level is above what the collaboration calls for.",
        ),
        "no_agreement_document": (
            "Niveauet er registreret som en skriftlig aftale (samarbejds- eller "
            "partnerskabsaftale), men der er ikke registreret noget aftaledokument.",
            "The level is recorded as a written agreement (a collaboration or partnership "
            "agreement), but no agreement document is recorded.",
        ),
        "money_amount_unknown": (
            "Der er penge involveret, men det er ikke registreret, hvem der giver dem, eller "
            "hvor mange det er, så det niveau, pengene kalder på, kan ikke afgøres helt.",
            "Money changes hands, but who gives it or how much it is is not recorded, so the "
            "level the money calls for cannot be told fully.",
        ),
    },
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
    "FR112": {
        "single_key_person": (
            "En part bæres af færre nøglepersoner (ildsjæle), end indstillingen kræver.",
            "A party rests on fewer key persons (fiery souls) than the setting asks for.",
        ),
        "concentrated_responsibilities": (
            "Én person, en ansvarshaver hos en af parterne, har de fleste af de fem "
            "ansvarsområder i frivilligledelsen.",
            "One person, a role holder inside a party, holds most of the five "
            "volunteer-management responsibilities.",
        ),
        "holders_unknown": (
            "Det er ikke registreret, hvem hos en part der har dens ansvarsområder, så det kan "
            "ikke udelukkes, at de samler sig hos én person.",
            "It is not recorded who inside a party holds its responsibilities, so that they "
            "rest on one person cannot be ruled out.",
        ),
    },
    "FR113": {
        "influence_hands_only": (
            "En frivillig, der vil have indflydelse, får kun hænder-opgaver.",
            "A volunteer who wants influence gets only hands-tasks.",
        ),
        "hours_over_offer": (
            "En frivillig er sat på flere timer, end den frivillige har tilbudt.",
            "A volunteer is planned for more hours than offered.",
        ),
        "benefit_hours": (
            "En frivillig på dagpenge eller efterløn er sat på flere timers ulønnet frivilligt "
            "arbejde, end ydelsen tillader uden fradrag.",
            "A volunteer on unemployment benefit or early retirement pay is planned for more "
            "hours of unpaid voluntary work than the benefit allows without deduction.",
        ),
        "work_category_unknown": (
            "En frivillig på en ydelse er sat på flere timer, end ydelsen tillader, hvis hver "
            "time tæller, og det er ikke registreret, om opgaverne er aktiviteter, som ikke "
            "tæller.",
            "A volunteer on a benefit is planned for more hours than it allows if every hour "
            "counts, and whether the tasks are activities, which do not count, is not "
            "recorded.",
        ),
    },
    "FR114": {
        "no_purpose": (
            "Samarbejdet angiver intet formål.",
            "The collaboration states no purpose.",
        ),
        "no_citizen_value": (
            "Samarbejdet angiver ingen værdi for brugerne eller borgerne.",
            "The collaboration names no value for the users or citizens.",
        ),
    },
    "FR115": {
        "no_statutes": (
            _ASSOCIATION[0] + "har ikke vedtægter med et formål.",
            _ASSOCIATION[1] + _FOLKEOPLYSNING + " has no statutes with a purpose.",
        ),
        "no_board": (
            _ASSOCIATION[0] + "har ingen bestyrelse.",
            _ASSOCIATION[1] + _FOLKEOPLYSNING + " has no board.",
        ),
        "not_democratic": (
            _ASSOCIATION[0] + "har ikke en demokratisk opbygning.",
            _ASSOCIATION[1] + _FOLKEOPLYSNING + " has no democratic structure.",
        ),
        "too_few_members": (
            _ASSOCIATION[0] + "har færre betalende medlemmer, end en godkendt forening skal "
            "have (`association_min_paying_members`).",
            _ASSOCIATION[1] + _FOLKEOPLYSNING + " has fewer paying members than an approved "
            "association needs (`association_min_paying_members`).",
        ),
        "not_local": (
            _ASSOCIATION[0] + "er hjemmehørende i en anden kommune.",
            _ASSOCIATION[1] + _FOLKEOPLYSNING + " is based in another municipality.",
        ),
        "no_declaration": (
            "Foreningens årlige erklæring om børneattester mangler for året.",
            "The association's yearly declaration on child certificates is missing for the year.",
        ),
        "declaration_unknown": (
            "Det er ikke registreret, om foreningen har afgivet sin årlige erklæring om "
            "børneattester.",
            "Whether the association has given its yearly declaration on child certificates "
            "is not recorded.",
        ),
        "conditions_unknown": (
            "Det er ikke registreret, om foreningen opfylder en eller flere betingelser for den "
            "ordning, den får støtte efter.",
            "Whether the association meets one or more conditions of the scheme it is "
            "supported under is not recorded.",
        ),
        "section_18_not_core": (
            "En organisation, der får støtte efter servicelovens § 18, har ikke den frivillige "
            "indsats som kernen i sin aktivitet.",
            "An organisation supported under Serviceloven § 18 does not have voluntary effort "
            "as the core of its activity.",
        ),
        "section_18_not_local": (
            "En organisation, der får støtte efter servicelovens § 18, er hjemmehørende i en "
            "anden kommune.",
            "An organisation supported under Serviceloven § 18 is based in another municipality.",
        ),
        "scheme_unknown": (
            "En forening får penge fra kommunen, men det er ikke registreret, efter hvilken "
            "ordning den får støtte.",
            "An association gets money from the municipality, but the scheme it is supported "
            "under is not recorded.",
        ),
        "no_cvr_recorded": (
            "En forening, der får støtte fra kommunen, har intet registreret CVR-nummer.",
            "An association supported by the municipality has no CVR number recorded.",
        ),
    },
    "FR116": {
        "dangling_reference": (
            "Et id i samarbejdet henviser til noget, der ikke findes i det.",
            "An id in the collaboration refers to something that is not in it.",
        ),
    },
    "FR117": {
        "cpr_number": (
            "En tekst indeholder et tal med form som et CPR-nummer.",
            "A text holds a number shaped like a CPR number.",
        ),
    },
}
"""The reason codes of the built-in rules, by rule code, each with its meaning (da, en)."""


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
            "`child_certificate_before_start`) needs the check before the volunteer starts, "
            "and without a recorded start date a missing certificate is still reported, and a "
            "certificate on file whose timing cannot be judged is reported as such (a "
            "warning: the certificate is there; the date to judge it by is missing); for "
            "others, at least 3 occasions with children within 3 months, or one continuous "
            "period of more than a week, make the check due within 3 weeks (the backstop). "
            "Each limb is dated from its own trigger in the volunteer's dated "
            "`periods_with_children`: the occasion that completes the count, or the day a "
            "period passes a week. When the time with children is not recorded, or only as "
            "the undated counts of schema version 1, the rule says that the backstop cannot "
            "be dated rather than assume it was not passed (counts under both thresholds rule "
            "it out). A start date or time with children that is not recorded is unknown while "
            "the collaboration runs (active, evaluating, continued, adjusted); before it runs, "
            "or after it ended, it means that the volunteer has not started. The figures "
            "differ by sector and association policies are stricter, so "
            "all are settings. A check that was not clear is reported at once. The law sets "
            "no renewal interval; a municipality may set one. Volunteers under 15 are not "
            "checked (certificates are obtained for persons aged 15 and over): by birth year, "
            "or by age band in the year the birth year cannot tell; when the record does not "
            "show the age, each finding says so. The library stores only that a certificate "
            "was checked, when, by whom and whether it was clear, never its content, and "
            "messages show none of it, nor any date worked out from the dates with children."
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
            "is paid, a volunteer who works for their own family, a volunteer who takes part "
            "under an obligation (`coercion`: a condition of a public benefit, a sentence, "
            "another sanction for stopping; the message does not say which), a volunteer who "
            "takes part for their own benefit (`for_own_benefit`, e.g. a member of a self-help "
            "group), and a volunteer engaged directly by the municipality who is promised a "
            "tax-free allowance, which only an association can pay (Ligningsloven § 7 M). "
            "Coercion and own benefit are reported when recorded; not recorded is no finding."
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
            "without an evaluation plan; a first evaluation planned later than "
            "`first_evaluation_within_months` calendar months after the start (or "
            "`first_evaluation_within_days` days, when a rulebook sets it); an evaluation that "
            "is overdue (its due date is more than the grace period of `evaluation_tolerance` "
            "ago, and no round was held from its early window on); a due date that was missed "
            "with no round held since; and a collaboration that ended from evaluating without "
            "a final evaluation. One that ended from exploring or agreeing goals never got "
            "under way and needs no final round, as the lifecycle has it. When `ended_from` is "
            "unknown, a latest round whose decision was to end says it ended from evaluating; "
            "otherwise the rule says that it cannot tell. Due dates and rounds are matched as "
            "[`frivillig.schedules`][frivillig.schedules] does. How soon and how often are the "
            "library's defaults, not law."
        ),
        sources=(TALK_EVALUATION, REGIONS_CHECKLIST),
        check=evaluation,
        settings=(
            "first_evaluation_within_months",
            "first_evaluation_within_days",
            "evaluation_tolerance",
        ),
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
        severity=Severity.WARNING,
        title_da="Formaliseringen passer ikke",
        title_en="Formalisation does not fit",
        rationale=(
            "A formal collaboration gives transparent frames, a less formal one flexibility. "
            "The rule takes the level the collaboration's risk drivers call for - money, and "
            "how much (from `formalisation.large_money_dkk` a year, the sum of the parties' "
            "`funding_dkk_per_year`, the money alone calls for a partnership agreement), "
            "contact with children, confidential personal data, closeness to authority, "
            "volunteers through an association, many parties, a long or open-ended period, or "
            "a small, short experiment - from "
            "[`recommend_formalisation`][frivillig.recommend_formalisation], the same "
            "recommendation the formalisation-fit score explains, and reports a form "
            "`formalisation_too_loose_steps` or more below it (`too_loose`) or "
            "`formalisation_too_tight_steps` or more above it (`too_tight`), with the reasons. "
            "It grades a form too loose by how far and how risky the misfit is: an error "
            "`formalisation_error_steps` or more below with `formalisation_error_risks` or more "
            "risk drivers (money, large sums, children, confidential personal data, closeness "
            "to authority); a warning `formalisation_warning_steps` or more below, or with "
            "`formalisation_warning_risks` risk drivers; advice otherwise. A form too tight is "
            "advice. It also reports a collaboration at work that is recorded as a "
            "collaboration or partnership agreement with no agreement document "
            "(`no_agreement_document`, a warning), and money whose amount is not recorded when "
            "the amount could call for a partnership agreement (`money_amount_unknown`, "
            "advice). Spontaneous help and paid contracts are left to FR106. The drivers, "
            "thresholds and grades are the library's choice."
        ),
        sources=(TALK_FORMALISATION, FORMALISATION_LADDER, REGIONS_CHECKLIST),
        check=formalisation_misfit,
        settings=(
            "formalisation",
            "formalisation_too_loose_steps",
            "formalisation_too_tight_steps",
            "formalisation_warning_steps",
            "formalisation_warning_risks",
            "formalisation_error_steps",
            "formalisation_error_risks",
        ),
        failing_example=_example(
            "Money, an association's volunteers and an open end, run on individual volunteer "
            "agreements only: one step too loose, with money.",
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
    Rule(
        code="FR112",
        name="single-key-person",
        severity=Severity.WARNING,
        title_da="Afhængig af én ildsjæl",
        title_en="Depends on one fiery soul",
        rationale=(
            "Voluntary organisations run on engagement and fiery souls (ildsjæle); a "
            "collaboration whose part rests on one person stops when that person leaves. The "
            "rule reports one person (a role holder inside a party, named in "
            "`responsibility_holders` by a pseudonymous id) who holds "
            "`max_responsibilities_per_holder` or more of the five volunteer-management "
            "responsibilities; while volunteers are at work, a party whose holders are "
            "unknown for enough responsibilities that one of its people might hold that many "
            "(the rule does not assume they are spread); and each party whose `key_persons` "
            "is known and below `min_key_persons`."
        ),
        sources=(TALK_FIERY_SOULS, TALK_MANAGEMENT),
        check=single_key_person,
        settings=("max_responsibilities_per_holder", "min_key_persons"),
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
            "tasks' `hours_per_week`) than offered; and a volunteer on dagpenge or efterløn "
            "(`benefit`) planned for more hours a month of unpaid voluntary work than the "
            "benefit allows without deduction: through an association, only tasks whose "
            "`work_category` is unpaid work count ('activities' are unlimited), against "
            "`benefit_free_hours_per_month` (dagpenge) or "
            "`early_retirement_free_hours_per_month` (efterløn); directly for the "
            "municipality every hour counts, against `benefit_free_hours_public`. A task "
            "whose work category is not recorded is reported when counting its hours would "
            "take the volunteer over the limit. A benefit that is not recorded is no finding."
        ),
        sources=(TALK_VOLUNTEERS, UNEMPLOYMENT_BENEFIT),
        check=volunteer_fit,
        settings=(
            "benefit_free_hours_per_month",
            "early_retirement_free_hours_per_month",
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
        title_da="Foreningen opfylder ikke betingelserne for sin støtte",
        title_en="Association does not meet the conditions of its support",
        rationale=(
            "Each scheme under which a municipality supports an association has its own "
            "conditions, so the rule judges an association by the schemes recorded on its "
            "party (`support_schemes`). Under folkeoplysningsloven an approved association "
            "has statutes with a purpose, a board, a democratic structure, at least "
            "`association_min_paying_members` paying members and its seat in the "
            "municipality (`no_statutes`, `no_board`, `not_democratic`, `too_few_members`, "
            "`not_local`), and gives a yearly declaration that it obtains child certificates, "
            "without which the municipality may not give grants or premises "
            "(`no_declaration`; a declaration not recorded is `declaration_unknown`, a "
            "warning). Under Serviceloven § 18 the voluntary effort must be the core of the "
            "activity (`section_18_not_core`) and the collaboration mainly local "
            "(`section_18_not_local`, a warning: requiring the seat in the municipality is "
            "municipal practice). Other support has the municipality's own conditions. Every "
            "supported association must be registered in the CVR to receive public grants "
            "(`no_cvr_recorded`, a warning, since the number may only be unrecorded). An "
            "association with a share of its budget from the municipality and no scheme "
            "recorded gets `scheme_unknown` (a warning) instead of another scheme's "
            "conditions; `support_schemes` of `[]` says it receives no support. Conditions "
            "whose facts are not recorded are named as unknown (`conditions_unknown`, advice), "
            "never reported as missing."
        ),
        sources=(
            ASSOCIATION_APPROVAL,
            ASSOCIATION_DECLARATION,
            SECTION_18_SUPPORT,
            ASSOCIATION_CVR,
        ),
        check=association_eligibility,
        settings=("association_min_paying_members", "association_declaration_grace_days"),
        failing_example=_example(
            "The visiting-friends association, were it supported under the Folkeoplysning Act, "
            "last declared for 2025.",
            lambda: _with_participant(
                _with_actor(_base(), 2, child_certificate_declaration_year=2025),
                2,
                support_schemes=(SupportScheme.FOLKEOPLYSNING,),
            ),
        ),
        passing_example=_example(
            "The association is supported under Serviceloven § 18, and voluntary effort is the "
            "core of its activity.",
            _base,
        ),
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
BUILTIN_RULES: tuple[Rule, ...] = tuple(
    attrs.evolve(rule, reasons=REASONS.get(rule.code, {})) for rule in _RULES
)
"""The built-in rules, ``FR101`` to ``FR117``, in the order of the limits they check."""

DEFAULT_RULEBOOK = Rulebook(rules=BUILTIN_RULES)
"""The built-in rules with the default settings: copy and change it with its methods."""
