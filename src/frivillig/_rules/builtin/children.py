"""The rule on volunteers who work with children.

FR103: the child certificate (børneattest) is missing or late.
"""

import datetime as dt
import functools
from collections.abc import Iterator, Sequence

from ..._core.calendar import add_days, add_months
from ..._model.collaboration import Collaboration
from ..._model.volunteers import (
    AgeBand,
    ChildCertificateCheck,
    Engagement,
    PeriodWithChildren,
    Volunteer,
)
from ..engine import (
    CheckSettings,
    Hit,
    Rule,
    RuleContext,
    Severity,
    Source,
)
from ._shared import (
    RUNNING,
    E,
    S,
    Texts,
    _base,
    _example,
    _hit,
    _name,
    _tasks_phrase,
    _with_reasons,
    _with_task,
    _with_volunteer,
)

CHILD_AGE_LIMIT = 15
"""Children under this age are covered by the child-certificate law (børneattestloven § 2)."""


# -- sources -----------------------------------------------------------------------

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


# -- examples ----------------------------------------------------------------------


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


# -- reason codes ------------------------------------------------------------------

REASONS: dict[str, dict[str, Texts]] = {
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
}
"""The reason codes of this module's rules, by rule code, each with its meaning (da, en)."""


# -- the rules ---------------------------------------------------------------------

_RULES: tuple[Rule, ...] = (
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
)
RULES: tuple[Rule, ...] = _with_reasons(_RULES, REASONS)
"""This module's rules, with their reason codes, in code order."""
