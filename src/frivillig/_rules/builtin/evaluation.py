"""The rule on evaluation.

FR109: the evaluation is missing or late.
"""

import datetime as dt
from collections.abc import Iterator

import attrs

from ... import schedules
from ..._core.calendar import add_days, add_months
from ..._model.collaboration import Collaboration
from ..._model.evaluation import Decision
from ..engine import (
    CheckSettings,
    Hit,
    Rule,
    RuleContext,
    Severity,
    Source,
)
from ._shared import (
    REGIONS_CHECKLIST,
    RUNNING,
    S,
    Status,
    Texts,
    _base,
    _example,
    _hit,
    _with_reasons,
)

# -- sources -----------------------------------------------------------------------

TALK_EVALUATION = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): 'Evaluer samarbejdet'",
    note="A good collaboration is not built overnight; evaluate continuously whether the "
    "chosen form satisfies both parties. How soon and how often are the library's defaults.",
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


# -- examples ----------------------------------------------------------------------


def _no_evaluation_plan() -> Collaboration:
    return attrs.evolve(_base(), evaluation_plan=None)


# -- reason codes ------------------------------------------------------------------

REASONS: dict[str, dict[str, Texts]] = {
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
}
"""The reason codes of this module's rules, by rule code, each with its meaning (da, en)."""


# -- the rules ---------------------------------------------------------------------

_RULES: tuple[Rule, ...] = (
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
)
RULES: tuple[Rule, ...] = _with_reasons(_RULES, REASONS)
"""This module's rules, with their reason codes, in code order."""
