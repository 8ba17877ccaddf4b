"""FR113's hours against a volunteer's benefit: the plan is the forecast, the logs the facts.

A volunteer on dagpenge or efterløn may give a limited number of hours a month of unpaid
voluntary work without deduction. The planned hours (each task's ``hours_per_week`` times
``weeks_per_month``) say whether the plan will keep within the limit; the hours logged
(``Collaboration.time_logs``) say whether a calendar month did. Both are read here, and so
are the logged hours against what the volunteer offered.
"""

import datetime as dt
import math
from collections.abc import Iterator, Mapping, Sequence

from ..._core.labels import Language
from ..._core.wording import MONTH_NAMES
from ..._model.hours import TimeLog
from ..._model.tasks import Task, WorkCategory
from ..._model.volunteers import Benefit, Engagement, Volunteer
from ..engine import CheckSettings, Hit, Source
from ._shared import E, S, Texts, _hit, _join, _number, _tasks_phrase

# -- source ------------------------------------------------------------------------

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


# -- planned hours: the forecast ---------------------------------------------------

_BENEFIT_DEFINITE = {Benefit.UNEMPLOYMENT: "dagpengene", Benefit.EARLY_RETIREMENT: "efterlønnen"}


def _benefit_limit(benefit: Benefit, settings: CheckSettings) -> float:
    if benefit is Benefit.EARLY_RETIREMENT:
        return settings.early_retirement_free_hours_per_month
    return settings.benefit_free_hours_per_month


def _kind_not_recorded(
    vid: str, benefit: Benefit, ids: list[str], limit: float, counting: Texts
) -> Texts:
    """A message that the kind of the tasks ``ids`` is not recorded, with what ``counting`` says.

    ``counting`` (da, en) says what counting every hour of those tasks would mean.
    """
    one = len(set(ids)) == 1
    return (
        f"Den frivillige '{vid}' er på {benefit.da}, men det er ikke registreret, om "
        f"{_tasks_phrase(ids, 'da')} er "
        + ("en aktivitet" if one else "aktiviteter")
        + ", som ikke tæller med, eller frivilligt ulønnet arbejde, der højst må fylde "
        f"{_number(limit, 'da')} timer om måneden uden fradrag. {counting[0]} "
        "Registrér, hvilken slags arbejde "
        + ("opgaven" if one else "opgaverne")
        + " er, eller bed den frivillige afklare timerne med sin a-kasse.",
        f"Volunteer '{vid}' receives {benefit.en}, but whether {_tasks_phrase(ids, 'en')} "
        + ("is an activity" if one else "are activities")
        + ", which "
        + ("does" if one else "do")
        + " not count, or unpaid voluntary work, which may take at most "
        f"{_number(limit, 'en')} hours a month without deduction, is not recorded. "
        f"{counting[1]} Record which kind of work the "
        + ("task is" if one else "tasks are")
        + ", or ask the volunteer to clear the hours with their unemployment fund "
        "(a-kasse).",
    )


def _benefit_hours(
    volunteer: Volunteer, v: int, assigned: list[tuple[int, Task]], settings: CheckSettings
) -> Iterator[Hit]:
    """The planned hours that count against what the volunteer's benefit allows."""
    benefit = volunteer.benefit
    if benefit is None:
        yield from _planned_benefit_unknown(volunteer, v, assigned, settings)
        return
    if benefit is Benefit.NONE:
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
    yield _hit(
        [("volunteers", v), *(("tasks", t) for t, _ in unknown)],
        _kind_not_recorded(
            vid,
            benefit,
            ids,
            limit,
            (
                f"Tæller alle timerne med, er den frivillige sat på cirka {_number(total, 'da')} "
                "timer om måneden.",
                f"Counting every hour, the volunteer is planned for about "
                f"{_number(total, 'en')} hours a month.",
            ),
        ),
        "work_category_unknown",
        source=UNEMPLOYMENT_BENEFIT.citation,
        personal=True,
    )


# -- logged hours: what each calendar month held -----------------------------------

Logs = list[tuple[int, TimeLog]]
"""Time logs with their indexes in the collaboration's ``time_logs``."""


def _months_phrase(months: Sequence[dt.date], lang: Language) -> str:
    """The months in calendar order, named in ``lang``: ``"March 2026 and April 2026"``."""
    names = MONTH_NAMES[lang]
    return _join([f"{names[m.month - 1]} {m.year}" for m in sorted(months)], lang)


def _by_month(logs: Logs) -> dict[dt.date, Logs]:
    months: dict[dt.date, Logs] = {}
    for index, log in logs:
        months.setdefault(log.month, []).append((index, log))
    return months


def _over(logs: Logs, limit: float) -> bool:
    """Whether the logs' hours together exceed ``limit``, compared exactly.

    ``fsum`` rounds only once, after the exact sum: the answer does not depend on the
    order of the logs, and an exact excess, however small, is never rounded away.
    """
    return math.fsum([*(log.hours for _, log in logs), -limit]) > 0


def _paths(v: int, logs: Logs) -> list[tuple[str, int]]:
    return [("volunteers", v), *(("time_logs", index) for index, _ in sorted(logs))]


def _task_ids(logs: Logs) -> list[str]:
    return [log.task for _, log in logs]


def _logged_benefit_hours(
    volunteer: Volunteer,
    v: int,
    logs: Logs,
    categories: Mapping[str, WorkCategory | None],
    settings: CheckSettings,
) -> Iterator[Hit]:
    """The months whose logged hours went over what the volunteer's benefit allows.

    ``categories`` gives each task's work category by task id; a log on a task that is
    not there has no recorded category. The logged hours are personal, so a message
    names the months but never the hours.
    """
    benefit = volunteer.benefit
    if benefit is None:
        yield from _logged_benefit_unknown(volunteer, v, logs, categories, settings)
        return
    if benefit is Benefit.NONE:
        return
    direct = volunteer.engagement is Engagement.MUNICIPALITY
    counted: Logs = []
    unknown: Logs = []
    for index, log in logs:
        category = categories.get(log.task)
        if direct or category is WorkCategory.UNPAID_WORK:
            counted.append((index, log))
        elif category is None:
            unknown.append((index, log))
    limit = settings.benefit_free_hours_public if direct else _benefit_limit(benefit, settings)
    by_month = _by_month(counted)
    over = sorted(month for month, month_logs in by_month.items() if _over(month_logs, limit))
    vid = volunteer.id
    if over:
        over_logs = [entry for month in over for entry in by_month[month]]
        if direct:
            amount: Texts = ("timer", "hours")
            if limit:
                amount = (
                    f"flere end {_number(limit, 'da')} timer om måneden",
                    f"more than {_number(limit, 'en')} hours a month",
                )
            texts = (
                f"Den frivillige '{vid}' er frivillig direkte for kommunen og har registreret "
                f"{amount[0]} i {_months_phrase(over, 'da')}; for en frivillig på {benefit.da} "
                "trækkes frivilligt arbejde direkte for en offentlig institution time for time "
                f"i {_BENEFIT_DEFINITE[benefit]}. Bed den frivillige afklare timerne med sin "
                "a-kasse, og lad den frivillige være tilknyttet gennem en forening, eller "
                "planlæg færre timer.",
                f"Volunteer '{vid}' volunteers directly for the municipality and logged "
                f"{amount[1]} in {_months_phrase(over, 'en')}; for a volunteer on {benefit.en}, "
                "voluntary work directly for a public institution is deducted hour by hour. "
                "Ask the volunteer to clear the hours with their unemployment fund (a-kasse), "
                "and engage the volunteer through an association, or plan fewer hours.",
            )
        else:
            ids = _task_ids(over_logs)
            texts = (
                f"Den frivillige '{vid}' har i {_months_phrase(over, 'da')} registreret flere "
                f"timer frivilligt ulønnet arbejde ({_tasks_phrase(ids, 'da')}), end de "
                f"{_number(limit, 'da')} timer om måneden, en frivillig på {benefit.da} må "
                "give uden fradrag (aktiviteter tæller ikke med). Timerne over grænsen trækkes "
                f"i {_BENEFIT_DEFINITE[benefit]}: bed den frivillige afklare dem med sin "
                "a-kasse, og planlæg færre timer.",
                f"Volunteer '{vid}' logged more hours of unpaid voluntary work "
                f"({_tasks_phrase(ids, 'en')}) in {_months_phrase(over, 'en')} than the "
                f"{_number(limit, 'en')} hours a month a volunteer on {benefit.en} may give "
                "without deduction (activities do not count). The hours over the limit are "
                "deducted from the benefit: ask the volunteer to clear them with their "
                "unemployment fund (a-kasse), and plan fewer hours.",
            )
        yield _hit(
            _paths(v, over_logs),
            texts,
            "benefit_hours_logged",
            source=UNEMPLOYMENT_BENEFIT.citation,
            personal=True,
        )
    if not unknown:
        return
    unknown_by_month = _by_month(unknown)
    maybe = sorted(
        month
        for month, month_logs in unknown_by_month.items()
        if month not in over and _over(by_month.get(month, []) + month_logs, limit)
    )
    if not maybe:
        return
    maybe_logs = [entry for month in maybe for entry in unknown_by_month[month]]
    ids = _task_ids(maybe_logs)
    yield _hit(
        _paths(v, maybe_logs),
        _kind_not_recorded(
            vid,
            benefit,
            ids,
            limit,
            (
                "Tæller alle de registrerede timer med, var den frivillige over grænsen i "
                f"{_months_phrase(maybe, 'da')}.",
                "Counting every hour logged, the volunteer went over the limit in "
                f"{_months_phrase(maybe, 'en')}.",
            ),
        ),
        "work_category_unknown_logged",
        source=UNEMPLOYMENT_BENEFIT.citation,
        personal=True,
    )


# -- a benefit that is not recorded ------------------------------------------------------------
#
# Whether a volunteer receives dagpenge or efterløn is often not recorded, and then the
# check cannot tell whether hours are deducted. It says so where it matters: when a
# volunteer engaged through an association gives more unpaid voluntary work in a month
# than the lower of the two limits. Directly for the municipality every hour would count,
# so an unrecorded benefit there would be reported for nearly every volunteer; it is not.


def _unknown_benefit_limit(settings: CheckSettings) -> float:
    return min(
        settings.benefit_free_hours_per_month, settings.early_retirement_free_hours_per_month
    )


def _benefit_unknown_texts(vid: str, what: Texts, limit: float) -> Texts:
    """The message on a volunteer whose benefit is not recorded; ``what`` (da, en) is the hours."""
    return (
        f"Den frivillige '{vid}' {what[0]}, mere end de {_number(limit, 'da')} timer om "
        "måneden, en frivillig på dagpenge må give uden fradrag, og det er ikke registreret, "
        "om den frivillige får dagpenge eller efterløn. Registrér den frivilliges ydelse "
        "(eller at der ingen er), så kontrollen kan vurdere timerne, eller bed den frivillige "
        "afklare dem med sin a-kasse.",
        f"Volunteer '{vid}' {what[1]}, more than the {_number(limit, 'en')} hours a month a "
        "volunteer on unemployment benefit (dagpenge) may give without deduction, and whether "
        "the volunteer receives dagpenge or efterløn is not recorded. Record the volunteer's "
        "benefit (or that there is none) so the check can judge the hours, or ask the "
        "volunteer to clear them with their unemployment fund (a-kasse).",
    )


def _planned_benefit_unknown(
    volunteer: Volunteer, v: int, assigned: list[tuple[int, Task]], settings: CheckSettings
) -> Iterator[Hit]:
    if volunteer.engagement is Engagement.MUNICIPALITY:
        return
    counted = [
        (t, task)
        for t, task in assigned
        if task.hours_per_week and task.work_category is WorkCategory.UNPAID_WORK
    ]
    monthly = math.fsum(task.hours_per_week or 0.0 for _, task in counted) * (
        settings.weeks_per_month
    )
    limit = _unknown_benefit_limit(settings)
    if monthly <= limit:
        return
    ids = [task.id for _, task in counted]
    yield _hit(
        [("volunteers", v), *(("tasks", t) for t, _ in counted)],
        _benefit_unknown_texts(
            volunteer.id,
            (
                f"er sat på cirka {_number(monthly, 'da')} timer frivilligt ulønnet arbejde om "
                f"måneden i {_tasks_phrase(ids, 'da')}",
                f"is planned for about {_number(monthly, 'en')} hours of unpaid voluntary "
                f"work a month in {_tasks_phrase(ids, 'en')}",
            ),
            limit,
        ),
        "benefit_unknown",
        source=UNEMPLOYMENT_BENEFIT.citation,
        personal=True,
    )


def _logged_benefit_unknown(
    volunteer: Volunteer,
    v: int,
    logs: Logs,
    categories: Mapping[str, WorkCategory | None],
    settings: CheckSettings,
) -> Iterator[Hit]:
    if volunteer.engagement is Engagement.MUNICIPALITY:
        return
    counted = [entry for entry in logs if categories.get(entry[1].task) is WorkCategory.UNPAID_WORK]
    limit = _unknown_benefit_limit(settings)
    by_month = _by_month(counted)
    over = sorted(month for month, month_logs in by_month.items() if _over(month_logs, limit))
    if not over:
        return
    over_logs = [entry for month in over for entry in by_month[month]]
    ids = _task_ids(over_logs)
    yield _hit(
        _paths(v, over_logs),
        _benefit_unknown_texts(
            volunteer.id,
            (
                f"har i {_months_phrase(over, 'da')} registreret timer frivilligt ulønnet "
                f"arbejde ({_tasks_phrase(ids, 'da')})",
                f"logged hours of unpaid voluntary work ({_tasks_phrase(ids, 'en')}) in "
                f"{_months_phrase(over, 'en')}",
            ),
            limit,
        ),
        "benefit_unknown_logged",
        source=UNEMPLOYMENT_BENEFIT.citation,
        personal=True,
    )


def _work_categories(tasks: Sequence[Task]) -> dict[str, WorkCategory | None]:
    """Each task's work category by task id (``None``: not recorded)."""
    return {task.id: task.work_category for task in tasks}
