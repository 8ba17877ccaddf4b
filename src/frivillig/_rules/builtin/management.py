"""The rules on volunteer management.

FR108: no one responsible for a task of management; FR112: a single key person.
"""

from collections.abc import Iterable, Iterator

import attrs

from ..._core.labels import Language
from ..._model.collaboration import ManagementTask
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
    S,
    Texts,
    _base,
    _example,
    _hit,
    _join,
    _name,
    _with_participant,
    _with_reasons,
)

# -- sources -----------------------------------------------------------------------

TALK_MANAGEMENT = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): 'Foreningssamarbejde eller egne "
    "frivillige?'",
    note="Whether the volunteers come through an association or are the institution's own, "
    "someone must handle these five tasks.",
)

TALK_FIERY_SOULS = Source(
    kind=S.TALK,
    citation="Oplægget 'Har frivillighed en grænse?' (2013): engagement og ildsjæle",
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


# -- reason codes ------------------------------------------------------------------

REASONS: dict[str, dict[str, Texts]] = {
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
}
"""The reason codes of this module's rules, by rule code, each with its meaning (da, en)."""


# -- the rules ---------------------------------------------------------------------

_RULES: tuple[Rule, ...] = (
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
)
RULES: tuple[Rule, ...] = _with_reasons(_RULES, REASONS)
"""This module's rules, with their reason codes, in code order."""
