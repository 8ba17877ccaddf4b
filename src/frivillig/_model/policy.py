"""Volunteer policy: a municipality's frivilligpolitik, and how it was made.

Many municipalities have a volunteer policy; the talk notes great differences
in how they came about, "from processes where the associations took part to
top-down processes".
"""

import datetime as dt

import attrs

from .._core.labels import LabelledEnum
from .validators import (
    MAX_TITLE,
    municipality_code,
    not_before,
    optional_text,
    strings,
    text,
    texts,
    typed_fields,
)

__all__ = ["PolicyProcess", "VolunteerPolicy"]


class PolicyProcess(LabelledEnum):
    """How a volunteer policy was made."""

    CO_DESIGNED = (
        "co_designed",
        "udviklet sammen med foreningerne",
        "co-designed with associations",
    )
    CONSULTED = ("consulted", "foreningerne blev hørt", "associations were consulted")
    TOP_DOWN = ("top_down", "top-down", "top-down")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class VolunteerPolicy:
    """A municipality's volunteer policy (frivilligpolitik).

    Attributes:
        municipality_code: The municipality whose policy it is.
        title: The policy's title.
        adopted_on: The date the municipal council adopted it.
        revised_on: The date it was last revised, if it was.
        process: How it was made.
        commitments: What the municipality commits to, one item each.
        reference: Where the policy is published: a link or a case number.
    """

    municipality_code: int = attrs.field(validator=municipality_code)
    title: str = attrs.field(validator=text(MAX_TITLE))
    adopted_on: dt.date
    revised_on: dt.date | None = attrs.field(
        default=None,
        validator=not_before("adopted_on", what="a policy is revised after it is adopted"),
    )
    process: PolicyProcess
    commitments: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=texts(2000))
    reference: str | None = attrs.field(default=None, validator=optional_text(MAX_TITLE))
