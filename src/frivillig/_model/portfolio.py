"""Portfolios: many collaborations, e.g. one municipality's, for aggregate views."""

from collections.abc import Iterator, Sequence

import attrs

from .._core.arguments import require_iterable
from ..errors import ArgumentTypeError
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

__all__ = ["Portfolio", "each_collaboration"]


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


def each_collaboration(items: object) -> Iterator[Collaboration]:
    """The collaborations of a collaboration, a portfolio, or an iterable of either, lazily.

    Raises:
        ArgumentTypeError: ``items``, or an item of it, is neither.
    """
    if isinstance(items, Collaboration):
        yield items
        return
    if isinstance(items, Portfolio):
        yield from items.collaborations
        return
    iterator = require_iterable(items, "collaborations or portfolios, or an iterable of them")
    for index, item in enumerate(iterator):
        if isinstance(item, Collaboration):
            yield item
        elif isinstance(item, Portfolio):
            yield from item.collaborations
        else:
            msg = (
                f"items[{index}] must be a Collaboration or a Portfolio, got "
                f"{type(item).__name__}; frivillig.batch.iter_collaborations reads documents "
                "and leaves bad ones out"
            )
            raise ArgumentTypeError(msg)
