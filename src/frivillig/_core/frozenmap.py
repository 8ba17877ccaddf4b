"""An immutable, hashable mapping for the few mapping fields of the frozen model."""

from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from typing import Any, TypeVar, overload

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")

__all__ = ["FrozenMap"]


class FrozenMap(Mapping[K, V]):
    """A read-only mapping that keeps its insertion order and can be hashed.

    The model's objects are frozen; a plain ``dict`` inside one could still be
    changed in place, and would make the object unhashable. ``FrozenMap`` is a
    ``Mapping`` with neither problem. It compares equal to any mapping with the
    same items.

    Examples:
        >>> m = FrozenMap({"a": 1})
        >>> m["a"], m == {"a": 1}, len(m)
        (1, True, 1)
    """

    __slots__ = ("_data", "_hash")

    @overload
    def __init__(self) -> None: ...
    @overload
    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]]) -> None: ...
    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        """Copy the items of a mapping or of an iterable of pairs."""
        self._data: dict[K, V] = dict(items)
        self._hash: int | None = None

    def __getitem__(self, key: K) -> V:
        """Return the value for ``key``."""
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        """Iterate over the keys in insertion order."""
        return iter(self._data)

    def __len__(self) -> int:
        """Return the number of items."""
        return len(self._data)

    def __hash__(self) -> int:
        """Hash the items, independent of their order."""
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        """Compare with any mapping by items."""
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        """Show the items like a dict."""
        return f"FrozenMap({self._data!r})"

    # The views and lookups come from the dict itself rather than from ``Mapping``'s
    # generic versions, which go through ``__getitem__`` in Python.

    def __contains__(self, key: object) -> bool:
        """Tell whether ``key`` is one of the keys."""
        return key in self._data

    @overload
    def get(self, key: K, /) -> V | None: ...
    @overload
    def get(self, key: K, /, default: V | T) -> V | T: ...
    def get(self, key: K, /, default: object = None) -> object:
        """Return the value for ``key``, or ``default`` if it is not a key."""
        return self._data.get(key, default)

    def keys(self) -> KeysView[K]:
        """Return a view of the keys, in insertion order."""
        return self._data.keys()

    def values(self) -> ValuesView[V]:
        """Return a view of the values, in insertion order."""
        return self._data.values()

    def items(self) -> ItemsView[K, V]:
        """Return a view of the (key, value) pairs, in insertion order."""
        return self._data.items()

    def __reduce__(self) -> tuple[type["FrozenMap[Any, Any]"], tuple[dict[K, V]]]:
        """Pickle and copy by items."""
        return (type(self), (self._data,))


_EMPTY: FrozenMap[Any, Any] = FrozenMap()


def adopt(data: dict[K, V]) -> FrozenMap[K, V]:
    """A ``FrozenMap`` of ``data`` without copying it, for a dict no one else holds.

    The loader's fast path builds each map from a dict msgspec has just made and
    hands over to no one else; copying it would only make more garbage. Every
    empty map is the same object (a frozen map can be shared).
    """
    if not data:
        return _EMPTY
    made: FrozenMap[K, V] = FrozenMap.__new__(FrozenMap)
    made._data = data
    made._hash = None
    return made
