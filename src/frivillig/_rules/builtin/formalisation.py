"""The rule on how formal a collaboration is.

FR110: the formalisation does not fit the collaboration.
"""

from collections.abc import Iterator

import attrs

from ..._core.caches import lru
from ..._model.collaboration import Collaboration
from ..._model.formalisation import FormalisationLevel
from ..._model.participation import Resource
from ..._scores.scores import (
    RISK_DRIVERS,
    FormalisationDriver,
    dkk,
    driver_label,
    level_rank,
    money_facts,
    recommended_level,
)
from ..engine import (
    Hit,
    Rule,
    RuleContext,
    Severity,
    Source,
)
from ._shared import (
    REGIONS_CHECKLIST,
    RUNNING,
    E,
    S,
    Texts,
    _base,
    _example,
    _hit,
    _join,
    _name,
    _with_reasons,
)

# -- sources -----------------------------------------------------------------------

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


@lru("rulebook.misfits")
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


# -- reason codes ------------------------------------------------------------------

REASONS: dict[str, dict[str, Texts]] = {
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
}
"""The reason codes of this module's rules, by rule code, each with its meaning (da, en)."""


# -- the rules ---------------------------------------------------------------------

_RULES: tuple[Rule, ...] = (
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
)
RULES: tuple[Rule, ...] = _with_reasons(_RULES, REASONS)
"""This module's rules, with their reason codes, in code order."""
