"""The rules on the limit of volunteering itself.

FR105: volunteers displace paid staff; FR106: what is called volunteering is not, or is
paid wrongly; FR113: the volunteer's fit, benefits included. FR113's hours against a
benefit, planned and logged, are read in ``_hours``.
"""

import math
from collections.abc import Iterator

from ..._model.collaboration import Collaboration
from ..._model.formalisation import FormalisationLevel
from ..._model.hours import TimeLog
from ..._model.tasks import TaskKind
from ..._model.volunteers import (
    Coercion,
    Engagement,
    Remuneration,
)
from ..engine import (
    Hit,
    Rule,
    RuleContext,
    Severity,
    Source,
)
from ._hours import (
    UNEMPLOYMENT_BENEFIT,
    _benefit_hours,
    _logged_benefit_hours,
    _work_categories,
)
from ._shared import (
    E,
    S,
    Texts,
    _base,
    _example,
    _hit,
    _join,
    _number,
    _tasks_phrase,
    _with_reasons,
    _with_task,
    _with_volunteer,
)

# -- sources -----------------------------------------------------------------------

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

TALK_VOLUNTEERS = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): 'Hænder og hoveder!'",
    note="The typical volunteer 'won't put up with just anything': wants to give a lot, but "
    "also to decide and develop.",
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


# -- FR113 volunteer fit -----------------------------------------------------------


def _volunteer_tasks(collaboration: Collaboration) -> dict[str, list[int]]:
    """Map each volunteer id to the indexes of the tasks it is assigned to."""
    found: dict[str, list[int]] = {}
    for index, task in enumerate(collaboration.tasks):
        for volunteer_id in dict.fromkeys(task.volunteers):
            found.setdefault(volunteer_id, []).append(index)
    return found


def _volunteer_logs(collaboration: Collaboration) -> dict[str, list[tuple[int, TimeLog]]]:
    """Map each volunteer id to its time logs, each with its index."""
    found: dict[str, list[tuple[int, TimeLog]]] = {}
    for index, log in enumerate(collaboration.time_logs):
        found.setdefault(log.volunteer, []).append((index, log))
    return found


def volunteer_fit(context: RuleContext) -> Iterator[Hit]:
    """Influence-seekers with only hands-tasks, hours over the offer, or over the benefit rules.

    The planned hours are the forecast; the hours logged in each calendar month are what
    happened, and are read on their own, also for a volunteer no task names any more.
    """
    collaboration, settings = context.collaboration, context.settings
    assigned = _volunteer_tasks(collaboration)
    logged = _volunteer_logs(collaboration)
    categories = _work_categories(collaboration.tasks) if logged else {}
    for v, volunteer in enumerate(collaboration.volunteers):
        logs = logged.get(volunteer.id)
        if logs:
            yield from _logged_benefit_hours(volunteer, v, logs, categories, settings)
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


# -- reason codes ------------------------------------------------------------------

REASONS: dict[str, dict[str, Texts]] = {
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
        "benefit_hours_logged": (
            "En frivillig på dagpenge eller efterløn har i en eller flere kalendermåneder "
            "registreret flere timers ulønnet frivilligt arbejde, end ydelsen tillader uden "
            "fradrag (direkte for kommunen: flere timer i alt).",
            "A volunteer on unemployment benefit or early retirement pay logged more hours of "
            "unpaid voluntary work in one or more calendar months than the benefit allows "
            "without deduction (directly for the municipality: more hours in all).",
        ),
        "work_category_unknown_logged": (
            "En frivillig på en ydelse har i en eller flere kalendermåneder registreret flere "
            "timer, end ydelsen tillader, hvis hver time tæller, og det er ikke registreret, "
            "om opgaverne er aktiviteter, som ikke tæller.",
            "A volunteer on a benefit logged more hours in one or more calendar months than it "
            "allows if every hour counts, and whether the tasks are activities, which do not "
            "count, is not recorded.",
        ),
        "benefit_unknown": (
            "En frivillig gennem en forening er sat på mere frivilligt ulønnet arbejde om "
            "måneden, end dagpenge tillader uden fradrag, og det er ikke registreret, om den "
            "frivillige får dagpenge eller efterløn.",
            "A volunteer engaged through an association is planned for more unpaid voluntary "
            "work a month than dagpenge allow without deduction, and whether the volunteer "
            "receives dagpenge or efterløn is not recorded.",
        ),
        "benefit_unknown_logged": (
            "En frivillig gennem en forening har i en eller flere kalendermåneder registreret "
            "mere frivilligt ulønnet arbejde, end dagpenge tillader uden fradrag, og det er "
            "ikke registreret, om den frivillige får dagpenge eller efterløn.",
            "A volunteer engaged through an association logged more unpaid voluntary work in "
            "one or more calendar months than dagpenge allow without deduction, and whether "
            "the volunteer receives dagpenge or efterløn is not recorded.",
        ),
    },
}
"""The reason codes of this module's rules, by rule code, each with its meaning (da, en)."""


# -- the rules ---------------------------------------------------------------------

_RULES: tuple[Rule, ...] = (
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
            "take the volunteer over the limit. The planned hours are the forecast; the hours "
            "logged (`time_logs`) are read per calendar month the same way: a month whose "
            "counted hours exceed the limit is reported (`benefit_hours_logged`), and so is a "
            "month the logs on tasks whose work category is not recorded would take over the "
            "limit if they counted (`work_category_unknown_logged`). Hours given beyond those "
            "offered are no finding: the hours offered are compared with what the volunteer "
            "is asked for, the plan. Messages name the months, never the hours logged. A "
            "volunteer engaged through an association whose benefit is not recorded is "
            "reported when planned for (`benefit_unknown`) or logging in a month "
            "(`benefit_unknown_logged`) more unpaid voluntary work than the lower of the two "
            "limits: the check cannot tell whether hours are deducted, and says so rather "
            "than assume there is no benefit. Recording `benefit` as `none` answers it. "
            "Directly for the municipality an unrecorded benefit is not reported, as every "
            "hour there would count."
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
)
RULES: tuple[Rule, ...] = _with_reasons(_RULES, REASONS)
"""This module's rules, with their reason codes, in code order."""
