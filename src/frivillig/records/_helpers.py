"""Helpers the record functions share: argument checks, masking, keys and enumeration values."""

from collections.abc import Iterable, Iterator

from .._core.arguments import require_language
from .._core.labels import LabelledEnum, Language
from .._model.actors import ActorKind
from .._model.collaboration import Collaboration
from .._model.evaluation import EvaluationRound
from .._reference.cpr import mask_cpr_like
from ..errors import ArgumentTypeError, Problem, ValidationError
from ._schema import SEPARATOR, Record


def _error(message: str, code: str, path: str = "$") -> ValidationError:
    return ValidationError([Problem(path=path, message=message, code=code)])


def _masked(rows: Iterator[Record]) -> Iterator[Record]:
    """The rows, with every CPR-shaped number in a text value masked."""
    for row in rows:
        for name, value in row.items():
            if type(value) is str:
                row[name] = mask_cpr_like(value)
        yield row


def _check_personal(include_personal: object) -> bool:
    if not isinstance(include_personal, bool):
        msg = f"include_personal must be True or False, got {type(include_personal).__name__}"
        raise ArgumentTypeError(msg)
    return include_personal


def _check_lang(lang: object) -> Language:
    """The language asked for; the caller's mistake (a `UsageError`) when it is neither."""
    return require_language(lang)


def _joined(members: Iterable[LabelledEnum]) -> str:
    return SEPARATOR.join(member.value for member in members)


def _value(member: LabelledEnum | None) -> str | None:
    return None if member is None else member.value


def _label(member: LabelledEnum | None, lang: Language) -> str | None:
    return None if member is None else member.label(lang)


def _keys(collaboration: Collaboration) -> Record:
    return {
        "collaboration_id": collaboration.id,
        "municipality_code": collaboration.municipality_code,
    }


def _round_keys(collaboration: Collaboration, number: int, round_: EvaluationRound) -> Record:
    return {
        "collaboration_id": collaboration.id,
        "municipality_code": collaboration.municipality_code,
        "round_id": round_.id,
        "round_number": number,
        "held_on": round_.held_on,
    }


def _kinds(collaboration: Collaboration) -> dict[str, ActorKind]:
    return {participant.id: participant.actor.kind for participant in collaboration.participants}
