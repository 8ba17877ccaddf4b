"""A small least-recently-used cache bounded by an estimate of its size in bytes.

``functools.lru_cache`` bounds the number of answers, not their size: a cache of
1,024 answers each holding thousands of dates can grow to hundreds of megabytes.
This one is given a budget in bytes and a function that estimates the size of an
answer; it drops the answers used least recently until the estimated total fits,
and does not keep an answer larger than a quarter of the budget at all. It is
safe to use from several threads (one lock guards every change) and holds no
reference to anything but its keys and answers.
"""

import datetime as dt
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["BoundedCache", "date_tuple_bytes"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_MISSING = object()


class BoundedCache(Generic[K, V]):
    """Keep answers by key, within ``max_bytes`` as estimated by ``size_of``.

    Args:
        max_bytes: The budget: the estimated size of every kept answer and key, added up.
        size_of: Estimates the bytes held by one key and its answer.
        name: Names the cache in ``repr``.
    """

    def __init__(self, max_bytes: int, size_of: Callable[[K, V], int], name: str) -> None:
        self.max_bytes = max_bytes
        self._size_of = size_of
        self._name = name
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"<BoundedCache {self._name}: {len(self._entries)} answers, "
            f"~{self._bytes} of {self.max_bytes} bytes>"
        )

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def bytes(self) -> int:
        """The estimated size of what is kept now."""
        return self._bytes

    def get(self, key: K) -> V | None:
        """Return the kept answer for ``key`` (and mark it used), or ``None``."""
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key: K, value: V) -> V:
        """Keep ``value`` for ``key`` if it fits, dropping the least recently used; return it."""
        size = self._size_of(key, value)
        if size > self.max_bytes // 4:
            return value
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._entries[key] = (value, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped
        return value

    def clear(self) -> None:
        """Forget every answer."""
        with self._lock:
            self._entries.clear()
            self._bytes = 0


_DATE_BYTES = sys.getsizeof(dt.date(2000, 1, 1))
_POINTER = 8


def date_tuple_bytes(count: int) -> int:
    """Estimate the bytes held by a tuple of ``count`` distinct dates."""
    return sys.getsizeof(()) + count * (_POINTER + _DATE_BYTES)
