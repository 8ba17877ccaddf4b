"""Portfolios: many collaborations, e.g. one municipality's, for aggregate views."""

from collections.abc import Sequence

import attrs

from .collaboration import Collaboration
from .policy import VolunteerPolicy
from .validators import (
    MAX_TITLE,
    as_tuple,
    identifier,
    optional_municipality_code,
    optional_text,
    sequence_converters,
    text,
    typed_fields,
    unique_ids,
)

__all__ = ["Portfolio"]


def _collaborations(value: Sequence[Collaboration]) -> tuple[Collaboration, ...]:
    return value if type(value) is tuple else as_tuple(value)


sequence_converters(_collaborations)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Portfolio:
    """A set of collaborations looked at together, with the policy that frames them.

    Attributes:
        id: The portfolio's id.
        title: A title, e.g. ``"Københavns Kommunes frivilligsamarbejder 2026"``.
        municipality_code: The municipality the portfolio belongs to, if one.
        policy: The municipality's volunteer policy, if given.
        collaborations: The collaborations, each with a distinct id.
        description: More about the portfolio, in words.
    """

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=text(MAX_TITLE))
    municipality_code: int | None = attrs.field(default=None, validator=optional_municipality_code)
    policy: VolunteerPolicy | None = None
    collaborations: tuple[Collaboration, ...] = attrs.field(
        default=(), converter=_collaborations, validator=unique_ids()
    )
    description: str | None = attrs.field(default=None, validator=optional_text())
