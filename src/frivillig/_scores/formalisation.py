"""The formalisation recommendation and the formalisation fit score."""

from collections.abc import Iterable

import attrs

from .._core.caches import lru
from .._core.labels import LabelledEnum, Language
from .._model.actors import VoluntaryOrganisation
from .._model.collaboration import Collaboration, VolunteerModel
from .._model.formalisation import FormalisationLevel
from .._model.participation import Resource
from .equality import dependence_counts
from .instruments import (
    Note,
)
from .score import HIGH, LOW, Score, _part, _score
from .settings import FormalisationSettings

# -- formalisation ----------------------------------------------------------------------


class FormalisationDriver(LabelledEnum):
    """A fact about a collaboration that calls for more (or less) formalisation."""

    MONEY = ("money", "penge mellem parterne", "money between the parties")
    LARGE_MONEY = ("large_money", "store beløb mellem parterne", "large sums between the parties")
    CHILDREN = ("children", "kontakt med børn under 15", "contact with children under 15")
    PERSONAL_DATA = (
        "personal_data",
        "fortrolige personoplysninger",
        "confidential personal data",
    )
    AUTHORITY = (
        "authority",
        "nærhed til myndighedsudøvelse eller opgaver forbeholdt personalet",
        "closeness to public authority or tasks reserved for staff",
    )
    ASSOCIATION = (
        "association",
        "frivillige gennem en forening",
        "volunteers through an association",
    )
    MANY_PARTIES = ("many_parties", "mange parter", "many parties")
    LONG_PERIOD = ("long_period", "lang eller åben periode", "a long or open-ended period")
    SHORT_EXPERIMENT = (
        "short_experiment",
        "et lille, kortvarigt forsøg",
        "a small, short experiment",
    )


_L = FormalisationLevel
_FLOORS: dict[FormalisationDriver, FormalisationLevel] = {
    FormalisationDriver.MONEY: _L.COLLABORATION_AGREEMENT,
    FormalisationDriver.LARGE_MONEY: _L.PARTNERSHIP_AGREEMENT,
    FormalisationDriver.CHILDREN: _L.VOLUNTEER_AGREEMENT,
    FormalisationDriver.PERSONAL_DATA: _L.VOLUNTEER_AGREEMENT,
    FormalisationDriver.AUTHORITY: _L.COLLABORATION_AGREEMENT,
    FormalisationDriver.ASSOCIATION: _L.COLLABORATION_AGREEMENT,
    FormalisationDriver.MANY_PARTIES: _L.COLLABORATION_AGREEMENT,
    FormalisationDriver.LONG_PERIOD: _L.COLLABORATION_AGREEMENT,
    FormalisationDriver.SHORT_EXPERIMENT: _L.AD_HOC_EVENT,
}
_PARTNERSHIP_DRIVERS = (
    FormalisationDriver.MONEY,
    FormalisationDriver.MANY_PARTIES,
    FormalisationDriver.LONG_PERIOD,
    FormalisationDriver.AUTHORITY,
)


@attrs.frozen(kw_only=True)
class FormalisationRecommendation:
    """The formalisation level a collaboration's risk drivers call for, and why.

    Attributes:
        level: The recommended level.
        drivers: The drivers found in the collaboration.
        reasons: One reason per driver (and for a partnership), in Danish and English.
        money_dkk_per_year: The money the parties put in a year, as far as
            recorded: the sum of their known ``funding_dkk_per_year``.
        money_amount_unknown: Whether money changes hands but some of its amount
            is not recorded, so that the money may call for more than ``level``.
    """

    level: FormalisationLevel
    drivers: tuple[FormalisationDriver, ...]
    reasons: tuple[Note, ...]
    money_dkk_per_year: int = 0
    money_amount_unknown: bool = False


_RISKY = frozenset(
    {
        FormalisationDriver.MONEY,
        FormalisationDriver.LARGE_MONEY,
        FormalisationDriver.CHILDREN,
        FormalisationDriver.PERSONAL_DATA,
        FormalisationDriver.AUTHORITY,
    }
)
"""The drivers that rule out a small, short experiment: the risk drivers, by which rule
FR110 also grades a misfit."""

RISK_DRIVERS = _RISKY


def money_facts(collaboration: Collaboration) -> tuple[bool, int, bool]:
    """Whether money changes hands, the yearly amount recorded, and whether some is unknown.

    Money changes hands when a party brings money or gets part of its budget from
    the municipality (the municipality's own funding of itself and of its own
    institutions does not count; see `dependence_counts`). The amount is the sum of
    the known ``funding_dkk_per_year`` of the parties that bring money; it is partly
    unknown when one of them has no amount, or when money changes hands and no party
    is recorded as bringing it.
    """
    participants = collaboration.participants
    givers = [p for p in participants if Resource.MONEY in p.resources]
    present = bool(givers) or any(
        p.budget_share_from_municipality
        for p in participants
        if dependence_counts(collaboration, p)  # not the public sector's own funding
    )
    total = sum(p.funding_dkk_per_year or 0 for p in givers)
    unknown = present and (not givers or any(p.funding_dkk_per_year is None for p in givers))
    return present, total, unknown


def _drivers(
    collaboration: Collaboration,
    settings: FormalisationSettings,
    money: tuple[bool, int, bool] | None = None,
) -> list[FormalisationDriver]:
    found: list[FormalisationDriver] = []
    participants = collaboration.participants
    tasks = collaboration.tasks
    present, total, _ = money_facts(collaboration) if money is None else money
    if present:
        found.append(FormalisationDriver.MONEY)
        if total >= settings.large_money_dkk:
            found.append(FormalisationDriver.LARGE_MONEY)
    if any(task.children_contact for task in tasks):
        found.append(FormalisationDriver.CHILDREN)
    if any(task.confidential_data for task in tasks):
        found.append(FormalisationDriver.PERSONAL_DATA)
    if any(
        task.exercises_authority or task.reserved or task.directed_by_institution for task in tasks
    ):
        found.append(FormalisationDriver.AUTHORITY)
    if collaboration.volunteer_model is not VolunteerModel.OWN_VOLUNTEERS and any(
        isinstance(p.actor, VoluntaryOrganisation) for p in participants
    ):
        found.append(FormalisationDriver.ASSOCIATION)
    if len(participants) >= settings.many_parties:
        found.append(FormalisationDriver.MANY_PARTIES)
    end = collaboration.end_on
    days = None if end is None else (end - collaboration.start_on).days
    if days is None or days > settings.long_days:
        found.append(FormalisationDriver.LONG_PERIOD)
    if (
        days is not None
        and days <= settings.short_days
        and len(participants) <= 2
        and _RISKY.isdisjoint(found)
    ):
        found.append(FormalisationDriver.SHORT_EXPERIMENT)
    return found


_LEVEL_RANKS: dict[FormalisationLevel, int] = {level: level.rank for level in _L}
_RANKED_FLOORS = {driver: (floor, floor.rank) for driver, floor in _FLOORS.items()}
_PARTNERSHIP_RANK = _L.PARTNERSHIP_AGREEMENT.rank


def level_rank(level: FormalisationLevel) -> int:
    """The level's place on the formalisation ladder, from 0: ``level.rank``, looked up."""
    return _LEVEL_RANKS[level]


def _recommended_level(
    drivers: list[FormalisationDriver], settings: FormalisationSettings
) -> tuple[FormalisationLevel, list[FormalisationDriver]]:
    """The level the drivers call for, and the heavy drivers among them."""
    level = (
        _L.AD_HOC_EVENT
        if FormalisationDriver.SHORT_EXPERIMENT in drivers
        else _L.VOLUNTEER_AGREEMENT
    )
    rank = _LEVEL_RANKS[level]
    for driver in drivers:
        floor, floor_rank = _RANKED_FLOORS[driver]
        if floor_rank > rank:
            level, rank = floor, floor_rank
    heavy = [driver for driver in _PARTNERSHIP_DRIVERS if driver in drivers]
    if len(heavy) >= settings.partnership_drivers and rank < _PARTNERSHIP_RANK:
        level = _L.PARTNERSHIP_AGREEMENT
    return level, heavy


def recommended_level(
    collaboration: Collaboration, settings: FormalisationSettings
) -> tuple[FormalisationLevel, list[FormalisationDriver]]:
    """The level and drivers of `recommend_formalisation`, without the reasons.

    The rule check words its own reasons, so it asks only for these.
    """
    drivers = _drivers(collaboration, settings)
    return _recommended_level(drivers, settings)[0], drivers


def dkk(amount: int, lang: Language) -> str:
    """An amount of Danish kroner as each language writes it: 2.000.000 kr., DKK 2,000,000."""
    shown = f"{amount:,}"
    return f"{shown.replace(',', '.')} kr." if lang == "da" else f"DKK {shown}"


def driver_label(driver: FormalisationDriver, lang: Language, money_dkk: int) -> str:
    """The driver's label; large sums say how much money changes hands a year."""
    if driver is FormalisationDriver.LARGE_MONEY:
        if lang == "da":
            return f"{dkk(money_dkk, 'da')} om året mellem parterne"
        return f"{dkk(money_dkk, 'en')} a year between the parties"
    return driver.label(lang)


def _reasons(
    collaboration: Collaboration, settings: FormalisationSettings
) -> tuple[FormalisationLevel, list[FormalisationDriver], list[tuple[str, str]], int, bool]:
    """The recommended level, the drivers, the reasons, and the money and whether it is known."""
    money = money_facts(collaboration)
    drivers = _drivers(collaboration, settings, money)
    _, total, unknown = money
    level, reasons = _reasons_for(drivers, settings, total, unknown)
    return level, drivers, reasons, total, unknown


def _unknown_amount_matters(drivers: Iterable[FormalisationDriver], unknown: bool) -> bool:
    """Whether a partly unknown amount could still be a large sum."""
    return unknown and FormalisationDriver.LARGE_MONEY not in drivers


def _reasons_for(
    drivers: list[FormalisationDriver],
    settings: FormalisationSettings,
    money_dkk: int = 0,
    amount_unknown: bool = False,
) -> tuple[FormalisationLevel, list[tuple[str, str]]]:
    """The level the drivers call for, and the reasons in Danish and English."""
    level, heavy = _recommended_level(drivers, settings)
    reasons: list[tuple[str, str]] = []
    for driver in drivers:
        floor = _FLOORS[driver]
        reasons.append(
            (
                f"{driver_label(driver, 'da', money_dkk)}: mindst {floor.da}",
                f"{driver_label(driver, 'en', money_dkk)}: at least {floor.en}",
            )
        )
    if _unknown_amount_matters(drivers, amount_unknown):
        threshold = settings.large_money_dkk
        reasons.append(
            (
                f"{FormalisationDriver.MONEY.da}, beløbet er ukendt: fra "
                f"{dkk(threshold, 'da')} om året kalder pengene alene på en "
                f"{_L.PARTNERSHIP_AGREEMENT.da}",
                f"{FormalisationDriver.MONEY.en}, the amount is unknown: from "
                f"{dkk(threshold, 'en')} a year the money alone calls for a "
                f"{_L.PARTNERSHIP_AGREEMENT.en}",
            )
        )
    if len(heavy) >= settings.partnership_drivers:
        reasons.append(
            (
                f"{len(heavy)} af de tunge drivere ({', '.join(d.da for d in heavy)}): "
                f"{_L.PARTNERSHIP_AGREEMENT.da}",
                f"{len(heavy)} of the heavy drivers ({', '.join(d.en for d in heavy)}): "
                f"{_L.PARTNERSHIP_AGREEMENT.en}",
            )
        )
    if not drivers:
        reasons.append((f"ingen særlige risici: {level.da}", f"no particular risks: {level.en}"))
    return level, reasons


def recommend_formalisation(
    collaboration: Collaboration, *, settings: FormalisationSettings | None = None
) -> FormalisationRecommendation:
    """Recommend a formalisation level from the collaboration's risk drivers, with reasons.

    The talk: a very formal collaboration gives transparent frames, a less
    formal one flexibility. The rule, with the default settings:

    - start from an individual volunteer agreement, or from ad-hoc volunteers
      for a small, short experiment (two parties at most, planned for 90 days
      or less, no money, children, personal data or authority);
    - contact with children or confidential personal data call for at least
      an individual volunteer agreement (certificates, confidentiality);
    - money between the parties, closeness to public authority or reserved
      tasks, volunteers coming through an association, five parties or more,
      or a period longer than a year (or open-ended) call for at least a
      collaboration agreement;
    - DKK 1,000,000 a year or more (``large_money_dkk``: the sum of the parties'
      ``funding_dkk_per_year``) calls for a partnership agreement;
    - three or more of money, many parties, a long period and closeness to
      authority call for a partnership agreement.

    When money changes hands and its amount is not (fully) recorded, the
    recommendation says so (``money_amount_unknown``) and names the amount from
    which the money alone would call for a partnership agreement.

    Args:
        collaboration: The collaboration.
        settings: The thresholds; the defaults when ``None``.

    Returns:
        The recommended level, the drivers found and the reasons.
    """
    settings = settings or FormalisationSettings()
    level, drivers, reasons, total, unknown = _reasons(collaboration, settings)
    return FormalisationRecommendation(
        level=level,
        drivers=tuple(drivers),
        reasons=tuple(Note(da=da, en=en) for da, en in reasons),
        money_dkk_per_year=total,
        money_amount_unknown=_unknown_amount_matters(drivers, unknown),
    )


def formalisation_fit(
    collaboration: Collaboration, *, settings: FormalisationSettings | None = None
) -> Score:
    """Score how well the collaboration's formalisation fits what its risk drivers call for.

    The recommended level and the reasons for it come from
    [`recommend_formalisation`][frivillig.recommend_formalisation]; they are the
    score's notes. Each step looser than recommended costs 40 points and each
    step tighter 20 (a collaboration too loose for its risks is worse than one
    a little too formal for its size).

    Two things keep the score honest. A paid contract or spontaneous help is
    not volunteering, so no form of volunteering collaboration fits it: its fit
    is 0. And where money changes hands but its amount is not recorded, the
    fit is the lower of the fit for the recorded facts and the fit had the
    amount been a large sum (``large_money_dkk`` or more), so the score never
    rises because the amount is missing; the part's coverage is then the share
    of the parties bringing money whose amount is known.

    Args:
        collaboration: The collaboration.
        settings: The thresholds and penalties; the defaults when ``None``.

    Returns:
        The score, with one part, *fit*.
    """
    settings = settings or FormalisationSettings()
    money = money_facts(collaboration)
    drivers = _drivers(collaboration, settings, money)
    _, total, unknown = money
    large = FormalisationDriver.LARGE_MONEY in drivers
    matters = _unknown_amount_matters(drivers, unknown)
    coverage = None
    if matters:
        givers = [p for p in collaboration.participants if Resource.MONEY in p.resources]
        known = sum(p.funding_dkk_per_year is not None for p in givers)
        coverage = known / len(givers) if givers else 0.0
    return _if_money_unknown(
        collaboration,
        settings,
        _fit(
            collaboration.formalisation, tuple(drivers), settings, total if large else 0, coverage
        ),
    )


def _if_money_unknown(
    collaboration: Collaboration, settings: FormalisationSettings, found: Score
) -> Score:
    """The fit when it is not known whether money passes between the parties at all.

    No party is recorded as bringing money, and some party whose funding by the
    municipality would count has no ``budget_share_from_municipality``: money may
    pass all the same. The fit is then the lower of the fit without money and the
    fit with money of an unknown amount, and its coverage the lower of theirs, so a
    budget share left out never raises the score.
    """
    present, _, _ = money_facts(collaboration)
    silent = sorted(
        p.id
        for p in collaboration.participants
        if p.budget_share_from_municipality is None and dependence_counts(collaboration, p)
    )
    if present or not silent:
        return found
    with_money = _drivers(collaboration, settings, (True, 0, True))
    worst = _fit(collaboration.formalisation, tuple(with_money), settings, 0, 0.0)
    lower = worst if _or_zero(worst.value) <= _or_zero(found.value) else found
    (fit,) = lower.parts
    coverage = min(_or_zero(found.coverage), _or_zero(worst.coverage))
    note = Note(
        da=f"Det vides ikke, om der går penge mellem parterne: {', '.join(silent)} har ikke "
        "oplyst, hvor stor en del af budgettet der kommer fra kommunen. Tilpasningen er den "
        "laveste af tilpasningen uden penge og tilpasningen med penge af ukendt størrelse.",
        en=f"It is not known whether money passes between the parties: {', '.join(silent)} "
        "have not stated how much of their budget comes from the municipality. The fit is the "
        "lower of the fit without money and the fit with money of an unknown amount.",
    )
    return _score(
        lower.key,
        lower.label_da,
        lower.label_en,
        [attrs.evolve(fit, coverage=coverage)],
        [*lower.notes, note],
    )


def _or_zero(value: float | None) -> float:
    return 0.0 if value is None else value


def _steps_fit(
    actual: FormalisationLevel, recommended: FormalisationLevel, settings: FormalisationSettings
) -> tuple[float, str, str]:
    """The fit of a level against a recommended one, and how far off it is in words."""
    steps = _LEVEL_RANKS[actual] - _LEVEL_RANKS[recommended]
    if steps < 0:
        return (
            HIGH - -steps * settings.loose_step_penalty,
            f"{-steps} trin løsere end anbefalet",
            f"{-steps} step{'s' if steps < -1 else ''} looser than recommended",
        )
    if steps > 0:
        return (
            HIGH - steps * settings.tight_step_penalty,
            f"{steps} trin strammere end anbefalet",
            f"{steps} step{'s' if steps > 1 else ''} tighter than recommended",
        )
    return HIGH, "som anbefalet", "as recommended"


_NOT_VOLUNTEERING = {
    _L.PAID_CONTRACT: (
        "betalt kontrakt er køb af en ydelse, ikke frivilligt arbejde",
        "a paid contract is buying a service, not volunteering",
    ),
    _L.SPONTANEOUS: (
        "spontan hjælp er ikke organiseret frivilligt arbejde efter serviceloven § 18",
        "spontaneous help is not organised volunteering in the sense of Serviceloven § 18",
    ),
}


@lru("scores.fits")
def _fit(
    actual: FormalisationLevel,
    drivers: tuple[FormalisationDriver, ...],
    settings: FormalisationSettings,
    money_dkk: int = 0,
    amount_coverage: float | None = None,
) -> Score:
    """The formalisation fit of a level, given the drivers found and the settings.

    The score depends on the collaboration only through its level, its drivers,
    the amount when it is a large sum and, when an amount is unknown, the share
    known (``amount_coverage``), of which there are few combinations, so the
    (immutable) scores are kept; the cache holds at most 512.
    """
    amount_unknown = amount_coverage is not None
    recommended, reasons = _reasons_for(list(drivers), settings, money_dkk, amount_unknown)
    if not actual.is_volunteering:
        what_da, what_en = _NOT_VOLUNTEERING[actual]
        value = LOW
        explanation = (
            f"{what_da}: ingen form for frivilligsamarbejde passer",
            f"{what_en}: no form of volunteering collaboration fits",
        )
    else:
        value, da, en = _steps_fit(actual, recommended, settings)
        explanation = (
            f"{actual.da}, anbefalet {recommended.da}: {da}",
            f"{actual.en}, recommended {recommended.en}: {en}",
        )
        if amount_unknown:
            worst, _ = _recommended_level([*drivers, FormalisationDriver.LARGE_MONEY], settings)
            worse, da, en = _steps_fit(actual, worst, settings)
            if worse < value:
                threshold = settings.large_money_dkk
                value = worse
                explanation = (
                    f"{actual.da}, anbefalet {recommended.da}, men beløbet er ukendt: fra "
                    f"{dkk(threshold, 'da')} om året kalder pengene på en {worst.da}, og "
                    f"tilpasningen regnes mod den: {da}",
                    f"{actual.en}, recommended {recommended.en}, but the amount is unknown: "
                    f"from {dkk(threshold, 'en')} a year the money calls for a {worst.en}, "
                    f"and the fit is counted against it: {en}",
                )
    if amount_unknown and actual.is_volunteering:
        fit = _part("fit", ("tilpasning", "fit"), value, 1.0, explanation, amount_coverage)
    else:
        fit = _part("fit", ("tilpasning", "fit"), value, 1.0, explanation)
    notes = [
        Note(
            da=f"Anbefalet niveau: {recommended.da}.",
            en=f"Recommended level: {recommended.en}.",
        ),
        *(Note(da=f"- {reason_da}", en=f"- {reason_en}") for reason_da, reason_en in reasons),
    ]
    return _score("formalisation_fit", "Passende formalisering", "Formalisation fit", [fit], notes)
