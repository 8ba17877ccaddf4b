"""What the built-in rules share.

The lifecycle statuses in which volunteers are at work, the helpers that write
messages and hits, the sources several themes cite, the helpers that build the rules'
examples from the visiting-friends example, and the helper that gives rules their
reason codes.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from ..._core.labels import Language
from ..._core.wording import number_text
from ..._model.collaboration import Collaboration, LifecycleStatus
from ..._model.participation import Participant
from ..._privacy import mask_cpr_like
from ..engine import (
    Evidence,
    Hit,
    Rule,
    RuleExample,
    Severity,
    Source,
    SourceKind,
)

Status = LifecycleStatus
Texts = tuple[str, str]
"""A Danish and an English text, in that order."""

RUNNING = frozenset({Status.ACTIVE, Status.EVALUATING, Status.CONTINUED, Status.ADJUSTED})
"""The statuses in which volunteers are at work: past the agreeing stage, not ended."""

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


_number = number_text
"""A number as the messages write it (see ``number_text``)."""


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


# -- sources -----------------------------------------------------------------------

S = SourceKind
E = Evidence

REGIONS_CHECKLIST = Source(
    kind=S.PRACTICE,
    citation="Danske Regioner: råd og retningslinjer for samarbejdsaftaler",
    evidence=E.SECONDARY,
    note="A written agreement states the division of responsibilities and tasks, including "
    "daily management, and how the collaboration is evaluated.",
)


# -- examples ----------------------------------------------------------------------


def _base() -> Collaboration:
    from ..._jsonform.examples import load_example

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


# -- reason codes ------------------------------------------------------------------
#
# Each finding carries a reason code (Hit.reason) that says what kind of finding it is within
# its rule. The codes are part of the contract, as the rule codes are: systems act on them,
# and the rule catalogue lists them with what they mean. Every code a rule reports must be
# declared in its theme module's REASONS (tests/test_language_and_catalogue.py fails, naming
# the code, when one is not); each meaning is given in Danish, then English.


def _with_reasons(rules: Iterable[Rule], reasons: dict[str, dict[str, Texts]]) -> tuple[Rule, ...]:
    """Give each rule the reason codes declared for it in ``reasons``."""
    return tuple(attrs.evolve(rule, reasons=reasons.get(rule.code, {})) for rule in rules)
