"""The rule on the associations in a collaboration.

FR115: an association is not eligible for the support it gets.
"""

import datetime as dt
from collections.abc import Iterator

from ..._model.actors import VoluntaryOrganisation
from ..._model.participation import Participant, SupportScheme
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
    _name,
    _percent,
    _with_actor,
    _with_participant,
    _with_reasons,
)

# -- sources -----------------------------------------------------------------------

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
    from ..._reference.municipalities import get_municipality

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
    from ..._reference.municipalities import get_municipality

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


# -- reason codes ------------------------------------------------------------------

_ASSOCIATION = ("En forening, der får støtte efter folkeoplysningsloven, ", "An association ")
_FOLKEOPLYSNING = " supported under the Folkeoplysning Act"

REASONS: dict[str, dict[str, Texts]] = {
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
}
"""The reason codes of this module's rules, by rule code, each with its meaning (da, en)."""


# -- the rules ---------------------------------------------------------------------

_RULES: tuple[Rule, ...] = (
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
)
RULES: tuple[Rule, ...] = _with_reasons(_RULES, REASONS)
"""This module's rules, with their reason codes, in code order."""
