"""Enumerations that carry a Danish and an English label beside their value."""

import enum
from typing import Self

from ..errors import LANGUAGES, Language, require_language

__all__ = ["LANGUAGES", "LabelledEnum", "Language", "OrderedLabelledEnum", "require_language"]


class LabelledEnum(enum.Enum):
    """An enumeration whose members have a stable value and two labels.

    The value (lower-case English, ``snake_case``) is what the JSON form stores
    and never changes; the labels are for people and may be improved.
    """

    _value_: str
    da: str
    en: str

    def __new__(cls, value: str, da: str, en: str) -> Self:
        """Create a member from its value and its Danish and English labels."""
        member = object.__new__(cls)
        member._value_ = value
        member.da = da
        member.en = en
        return member

    # Members are singletons that compare by identity; hashing them by identity too is
    # consistent with that, and quicker than Enum's hash of the member's name.
    __hash__ = object.__hash__

    def label(self, lang: Language = "en") -> str:
        """Return the member's label in the given language (``"da"`` or ``"en"``).

        Raises:
            ArgumentValueError: ``lang`` is other text (``"DA"``, say).
            ArgumentTypeError: ``lang`` is not text.
        """
        return self.da if require_language(lang) == "da" else self.en

    def __str__(self) -> str:
        """Return the stable value, as the JSON form writes it."""
        return self._value_


class OrderedLabelledEnum(LabelledEnum):
    """A labelled enumeration whose members are ordered as they are declared."""

    @property
    def rank(self) -> int:
        """The member's position in the declared order, from 0."""
        return type(self)._member_names_.index(self.name)

    def _ranks(self, other: object) -> tuple[int, int] | None:
        if isinstance(other, OrderedLabelledEnum) and type(other) is type(self):
            return self.rank, other.rank
        return None

    def __lt__(self, other: object) -> bool:
        """Compare by declared order."""
        ranks = self._ranks(other)
        return NotImplemented if ranks is None else ranks[0] < ranks[1]

    def __le__(self, other: object) -> bool:
        """Compare by declared order."""
        ranks = self._ranks(other)
        return NotImplemented if ranks is None else ranks[0] <= ranks[1]

    def __gt__(self, other: object) -> bool:
        """Compare by declared order."""
        ranks = self._ranks(other)
        return NotImplemented if ranks is None else ranks[0] > ranks[1]

    def __ge__(self, other: object) -> bool:
        """Compare by declared order."""
        ranks = self._ranks(other)
        return NotImplemented if ranks is None else ranks[0] >= ranks[1]
