"""Every cache of the library, in one place, each within a stated budget.

A library embedded in a long-running host must not grow without bound, so every
cache that keeps answers about the caller's data has a budget here, in
[`BUDGETS`][frivillig._core.caches.BUDGETS]: the most answers it keeps and the
most bytes they take. The caches are made from their budgets by
[`lru`][frivillig._core.caches.lru] (a ``functools.lru_cache`` of that many
answers, for answers of bounded size: their bytes are the entries times the
largest answer; ``tests/test_caches.py`` fills those keyed by a document's text
(RRULE checks, counted spans, rendered paths) with the largest keys allowed and
measures them, the others are keyed by the library's labels, enumerations and
settings) and by
[`bounded`][frivillig._core.caches.bounded] (a
[`BoundedCache`][frivillig._core.caches.BoundedCache], for answers whose size
varies with the data, kept within the budget by an estimate of each answer's
size). ``functools.cache`` is used only where the answers are fixed by the
package itself (its data files, its document types): those are listed in
[`CONSTANT`][frivillig._core.caches.CONSTANT] and hold the same whatever the
caller does. The Hypothesis strategies of ``frivillig.strategies`` keep the
strategies they build, by the arguments a test suite passes them; they are test
tooling, and the suite decides how many there are.

``functools.lru_cache`` bounds the number of answers, not their size: a cache of
1,024 answers each holding thousands of dates can grow to hundreds of megabytes.
``BoundedCache`` is given a budget in bytes and a function that estimates the size
of an answer; it drops the answers used least recently until the estimated total
fits, and does not keep an answer larger than a quarter of the budget at all. It
is safe to use from several threads (one lock guards every change) and holds no
reference to anything but its keys and answers.
"""

import datetime as dt
import functools
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, NamedTuple, TypeVar

__all__ = [
    "BUDGETS",
    "CONSTANT",
    "BoundedCache",
    "Budget",
    "bounded",
    "date_tuple_bytes",
    "lru",
    "made",
    "register",
]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
T = TypeVar("T")

_MISSING = object()


class BoundedCache(Generic[K, V]):
    """Keep answers by key, within ``max_bytes`` as estimated by ``size_of``.

    Args:
        max_bytes: The budget: the estimated size of every kept answer and key, added up.
        size_of: Estimates the bytes held by one key and its answer.
        name: Names the cache in ``repr``.
    """

    def __init__(
        self,
        max_bytes: int,
        size_of: Callable[[K, V], int],
        name: str,
        max_entries: int | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self.max_entries = max_entries
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
            most = self.max_entries
            while self._bytes > self.max_bytes or (most is not None and len(self._entries) > most):
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


_MIB = 1024 * 1024


class Budget(NamedTuple):
    """How much one cache may keep.

    Attributes:
        entries: The most answers it keeps.
        bytes: The most bytes its keys and answers take, estimated.
        holds: What it keeps, in a few words.
    """

    entries: int
    bytes: int
    holds: str


BUDGETS: dict[str, Budget] = {
    "schedules.windows": Budget(
        65536, 32 * _MIB, "due dates and windows of a plan, by rule text, first date and period"
    ),
    "schedules.statuses": Budget(
        65536, 32 * _MIB, "a plan's schedule status, by plan, tolerance, day and rounds held"
    ),
    "schedules.counted_dates": Budget(
        1024, 16 * _MIB, "every date of a rule with COUNT, by rule text and first date"
    ),
    "evaluation.rrule_problems": Budget(1024, 2 * _MIB, "the check of an RRULE text"),
    "evaluation.span_problems": Budget(
        1024, 2 * _MIB, "the counted span of an RRULE text from its first date"
    ),
    "checking.paths": Budget(4096, 12 * _MIB, "rendered paths of findings and their sort keys"),
    "rulebook.misfits": Budget(512, 1 * _MIB, "FR110's reading of a formalisation misfit"),
    "scores.fixed_parts": Budget(256, 1 * _MIB, "score parts that depend on no data"),
    "scores.fits": Budget(512, 1 * _MIB, "formalisation fit by level, drivers and settings"),
    "instruments.plans": Budget(64, 2 * _MIB, "an instrument's scoring plan, by instrument"),
    "serialization.readers": Budget(8, 8 * _MIB, "msgspec mirrors of the model, by load limits"),
    "serialization.id_keys": Budget(
        32768, 4 * _MIB, "key tuples of maps found to be valid ids (at most 64 keys each)"
    ),
    "serialization.ordered_keys": Budget(
        32768, 4 * _MIB, "key tuples of maps found to be in order (at most 64 keys each)"
    ),
}
"""Every cache that keeps answers about the caller's data, by name, with its budget."""

CONSTANT: dict[str, str] = {
    "frivillig._reference.municipalities._table": "the municipality table, read once",
    "frivillig._reference.municipalities._known_codes": "the 98 municipality codes",
    "frivillig._model.validators._municipality_codes": "the constraint of the 98 codes",
    "frivillig._scores.instruments._shipped": "the built-in instruments, read once",
    "frivillig.synthetic._material._material": "the material of generated portfolios",
    "frivillig._privacy._text_encoder": "one msgspec encoder",
    "frivillig.schema._visible_pattern": "one regular expression",
    "frivillig.schema._cached_document_schema": "the JSON Schema of each document type",
    "frivillig.schema._cached_result_schema": "the JSON Schema of each result type",
}
"""Caches whose answers the package fixes (one per data file or document type)."""

_MADE: dict[str, Any] = {}


def lru(
    name: str, *, typed: bool = False
) -> "Callable[[Callable[..., T]], functools._lru_cache_wrapper[T]]":
    """A ``functools.lru_cache`` of the budget's entries, for answers of bounded size."""
    budget = BUDGETS[name]

    def wrap(function: Callable[..., T]) -> "functools._lru_cache_wrapper[T]":
        made = functools.lru_cache(maxsize=budget.entries, typed=typed)(function)
        _MADE[name] = made
        return made

    return wrap


def register(name: str, cache: T) -> T:
    """Record a cache kept in its own way (within the budget ``name``) beside the others."""
    if name not in BUDGETS:
        raise KeyError(name)
    _MADE[name] = cache
    return cache


def bounded(name: str, size_of: Callable[[K, V], int]) -> BoundedCache[K, V]:
    """A ``BoundedCache`` within the budget's bytes and entries."""
    budget = BUDGETS[name]
    made: BoundedCache[K, V] = BoundedCache(budget.bytes, size_of, name, budget.entries)
    _MADE[name] = made
    return made


def made() -> dict[str, Any]:
    """The caches made so far, by name (for tests and the benchmarks)."""
    return dict(_MADE)
