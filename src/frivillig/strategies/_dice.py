"""The dice: many small decisions of one record, read from one drawn string of bytes."""

import datetime as dt
import functools
from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

T = TypeVar("T")


# -- drawing many small decisions at once ------------------------------------------------
#
# Hypothesis spends tens of microseconds of bookkeeping on every value drawn, however
# small, and a collaboration is made of several hundred small decisions: flags,
# choices from short lists, small numbers, subsets, dates. Drawn one by one they
# made a collaboration cost some 450 choices, and drawing was slow enough to fail
# Hypothesis's too_slow health check on a busy machine. So each record (a party, a
# goal, a task, a volunteer, a round, a response, the collaboration's own fields)
# draws one byte string, its dice, and reads its small decisions from it. Only
# free texts, floats, generated ids and the sizes of collections are drawn on their
# own: a text is a realistic Danish phrase, chosen by the dice, half the time.
#
# Shrinking still works decision by decision: a zero byte always reads as the
# simplest decision (False, nothing, the first item, the lower bound), and
# Hypothesis shrinks a byte string byte by byte towards zeros. Sizes of collections
# are drawn as integers, which the shrinker lowers while deleting what follows them.
#
# Strategies are built once and cached: building a strategy inside every draw costs
# more than drawing from it.

_DICE_SIZE = 24  # bytes a record draws at first; it draws more if it reads past them


@functools.cache
def _bytes(size: int) -> SearchStrategy[bytes]:
    return st.binary(min_size=size, max_size=size)


def _size_for(count: int) -> int:
    """How many bytes it takes to hold the numbers from 0 to ``count - 1``."""
    return max(1, ((count - 1).bit_length() + 7) // 8)


class _Dice:
    """The small decisions of one record, read one after another from drawn bytes.

    Every reading takes a number of bytes fixed by its arguments, so a decision
    keeps its place in the bytes while the values read before it change. A zero
    byte reads as the simplest decision.
    """

    __slots__ = ("_at", "_data", "_draw", "_size")

    def __init__(self, draw: DrawFn, size: int = _DICE_SIZE) -> None:
        self._draw = draw
        self._size = size
        self._data = draw(_bytes(size))
        self._at = 0

    def _take(self, count: int) -> bytes:
        at = self._at
        end = at + count
        if end > len(self._data):  # read past the bytes drawn: draw some more
            self._data = self._data[at:] + self._draw(_bytes(max(self._size, count)))
            at, end = 0, count
        self._at = end
        return self._data[at:end]

    def byte(self) -> int:
        """A number from 0 to 255."""
        at = self._at
        if at == len(self._data):
            self._take(1)
            return self._data[0]
        self._at = at + 1
        return self._data[at]

    def flag(self) -> bool:
        """True or False, even odds; False is simpler."""
        return self.byte() >= 128

    def maybe_flag(self) -> bool | None:
        """``None`` half the time, else ``False`` or ``True``."""
        value = self.byte()
        return None if value < 128 else value >= 192

    def index(self, count: int) -> int:
        """A number from 0 to ``count - 1``, each as likely; 0 is simplest."""
        if count <= 256:
            return self.byte() * count >> 8
        size = _size_for(count)
        return int.from_bytes(self._take(size)) * count >> (8 * size)

    def choice(self, items: Sequence[T]) -> T:
        """One of ``items``; the first is simplest."""
        return items[self.index(len(items))]

    def maybe_choice(self, items: Sequence[T]) -> T | None:
        """``None`` half the time, else one of ``items``."""
        present = self.flag()
        item = self.choice(items)
        return item if present else None

    def integer(self, low: int, high: int) -> int:
        """A number from ``low`` to ``high``; each bound one time in 16, ``low`` simplest."""
        span = high - low
        if span < 224:  # the middle 224 values of a byte hold every number
            value = self.byte()
            if value < 16:
                return low
            if value >= 240:
                return high
            return low + (value - 16) * (span + 1) // 224
        size = _size_for(-(-(span + 1) * 8 // 7))  # the middle 7/8 of the values hold all
        value = int.from_bytes(self._take(size))
        top = 1 << (8 * size)
        edge = top >> 4
        if value < edge:
            return low
        if value >= top - edge:
            return high
        return low + (value - edge) * (span + 1) // (top - 2 * edge)

    def maybe_integer(self, low: int, high: int) -> int | None:
        """``None`` half the time, else a number from ``low`` to ``high``."""
        present = self.flag()
        value = self.integer(low, high)
        return value if present else None

    def date(self, low: dt.date, high: dt.date) -> dt.date:
        """A date from ``low`` to ``high``, or ``low`` when ``high`` is before it."""
        return low + dt.timedelta(days=self.integer(0, max((high - low).days, 0)))

    def sample(self, items: Sequence[T], min_size: int = 0, max_size: int | None = None) -> list[T]:
        """Distinct members of ``items`` in drawn order; the first few in order are simplest."""
        total = len(items)
        most = total if max_size is None else min(max_size, total)
        count = self.integer(min(min_size, most), most)
        if total <= 256:
            picks = [byte * (total - taken) >> 8 for taken, byte in enumerate(self._take(most))]
        else:
            picks = [self.index(total - taken) for taken in range(most)]
        pool = list(items)
        return [pool.pop(pick) for pick in picks[:count]]

    def permutation(self, items: Sequence[T]) -> list[T]:
        """All of ``items``, in drawn order."""
        return self.sample(items, len(items), len(items))
