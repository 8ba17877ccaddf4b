"""The fast path of ``loads``: reading a well-formed document through msgspec.

The cache of readers by load limits, the read itself, and the count of a document's
members that finds a key written twice.
"""

import collections
import re
from typing import Any

import attrs

from .._core.caches import BUDGETS, register
from .._model.collaboration import Collaboration
from .._model.integrity import _resolves
from .._model.policy import VolunteerPolicy
from .._model.portfolio import Portfolio
from . import documents  # SCHEMA_VERSION is read from it when used: tests patch it there
from .documents import DOCUMENT_TYPES
from .limits import LoadLimits
from .mirrors import _Fallback, _levels, _Reader

# Duplicate keys are the one thing msgspec cannot see (the last value wins). Every
# member of a JSON object is followed by exactly one colon outside strings, and no other
# colon is outside strings, so a document has a key twice exactly when its colons outside
# strings outnumber the members read (counted from the structs and maps): msgspec keeps
# one member for a repeated key, also for keys written differently ("a" and "\u0061").
# When the document has as many colons as members, none is inside a string and no key is
# repeated; otherwise _member_colons counts the colons outside strings, and a document
# whose count comes out otherwise is left to the detailed path, which finds where each
# repeated key is.

_FALLBACK: Any = object()

# A document nests no deeper than its type allows, and the fast path reads no other.
_DEEPEST = [max(_levels(cls) for cls in DOCUMENT_TYPES.values())]

# The readers made, by the three numbers their mirrors are made with (see _reader_key),
# least recently used first. The cache is bounded in bytes: it counts each reader as
# _READER_BYTES (one holds about 0.6 MiB with its builders, measured with tracemalloc;
# tests/test_reader_trust.py checks the estimate) and keeps at most _READER_CACHE_BYTES,
# its budget in frivillig._core.caches (8 MiB, so 8 readers). Limits that differ only
# in max_bytes, max_depth or max_problems, or in ways the key rounds away, share a reader.
_READER_BYTES = 1 << 20
_READER_CACHE_BYTES = BUDGETS["serialization.readers"].bytes
_ReaderKey = tuple[int | None, int, int]
_READERS: collections.OrderedDict[_ReaderKey, _Reader | None] = register(
    "serialization.readers", collections.OrderedDict()
)
# From this many digits the mirrors are the same: int64 bounds integers, 2**53 floats.
_SAME_DIGITS = 19


def _rounded_down(limit: int) -> int:
    """``limit`` kept to its two leading digits (99, 10 000, 12 000, 120 000), never above it.

    The fast path then refuses a little more than the limit does (a string of 10 500
    characters under a limit of 10 999), which the detailed path reads instead: slower,
    the same result, and one reader for limits that differ only in their smaller digits.
    """
    limit = min(limit, 1 << 31)  # more than any document within memory holds
    if limit < 100:
        return limit
    unit = int("1" + "0" * (len(str(limit)) - 2))
    return limit - limit % unit


def _reader_key(limits: LoadLimits, text: Any = None) -> _ReaderKey:
    """What the mirrors for these limits (and this text, if given) are made with.

    ``None`` for the number of items when the text is too short to hold an array or an
    object over the limit: one with ``n`` members has ``n - 1`` commas outside strings.
    """
    items: int | None = limits.max_items
    if text is not None:
        comma = "," if type(text) is str else b","
        if len(text) <= limits.max_items or text.count(comma) < limits.max_items:
            items = None
    return (
        None if items is None else _rounded_down(items),
        _rounded_down(limits.max_string_length),
        min(limits.max_integer_digits, _SAME_DIGITS),
    )


def _reader(limits: LoadLimits, text: Any = None) -> _Reader | None:
    """The mirrors for these limits, or ``None`` when the fast path cannot make them."""
    key = _reader_key(limits, text)
    try:
        reader = _READERS[key]
        _READERS.move_to_end(key)
    except KeyError:  # not made yet, or dropped meanwhile by another thread
        pass
    else:
        return reader
    try:
        import msgspec

        reader = _Reader(msgspec, *key)
    except (ImportError, TypeError, ValueError, OverflowError):
        reader = None
    while _READERS and (len(_READERS) + 1) * _READER_BYTES > _READER_CACHE_BYTES:
        try:
            _READERS.popitem(last=False)
        except KeyError:  # emptied by another thread
            break
    _READERS[key] = reader
    return reader


def _fast_loads(text: Any, cls: type[Any] | None, limits: LoadLimits) -> Any:
    """Read a well-formed document quickly; ``_FALLBACK`` when it needs the detailed path."""
    if type(text) not in (bytes, bytearray, str) or len(text) > limits.max_bytes:
        return _FALLBACK
    if cls is not None and cls not in DOCUMENT_TYPES.values():
        return _FALLBACK
    reader = _reader(limits, text)
    if reader is None or limits.max_depth < _DEEPEST[0]:
        return _FALLBACK
    if limits.max_string_length < reader.longest_name:
        return _FALLBACK  # msgspec does not count the characters of keys, names and dates
    if reader.max_items is not None and limits.max_items < reader.widest:
        return _FALLBACK  # nor the members of an object read into a struct
    try:
        return _read(reader, text, cls)
    except (_Fallback, ValueError, TypeError, UnicodeError, RecursionError):
        return _FALLBACK
    except reader.msgspec.MsgspecError:
        return _FALLBACK


def _read(reader: _Reader, text: Any, cls: type[Any] | None) -> Any:
    decoder = reader.any_root if cls is None else reader.single_decoders[cls]
    root = decoder.decode(text)
    if root.schema_version != documents.SCHEMA_VERSION:
        raise _Fallback
    target = reader.classes[type(root)]
    members = 1 + (cls is None or root.type is not reader.msgspec.UNSET)
    members += reader.members(root, reader.plan(type(root)))
    if target is Portfolio:
        collaborations = []
        decode = reader.collaboration.decode
        plan = reader.plan(reader.structs[Collaboration])
        build = reader.build
        for raw in root.collaborations:
            struct = decode(raw)
            members += reader.members(struct, plan)
            collaborations.append(build(struct, Collaboration))
        fields = reader.msgspec.structs.astuple(root)[: len(attrs.fields(Portfolio))]
        kwargs = dict(zip((field.name for field in attrs.fields(Portfolio)), fields, strict=True))
        kwargs["collaborations"] = tuple(collaborations)
        if kwargs["policy"] is not None:
            kwargs["policy"] = reader.build(kwargs["policy"], VolunteerPolicy)
        obj = Portfolio(**kwargs)
        if not all(map(_resolves, obj.collaborations)):
            raise _Fallback
    else:
        obj = reader.build(root, target)
        if target is Collaboration and not _resolves(obj):
            raise _Fallback
    # More colons than members: some are inside strings (titles like "Besøg: uge 12"), or
    # a key is repeated; only the colons outside strings tell which.
    colons = text.count(":" if type(text) is str else b":")
    if colons != members and _member_colons(text) != members:
        raise _Fallback
    return obj


# A backslash and the character after it: JSON's escapes, taken left to right as a parser
# takes them (so an escaped backslash is one escape, and a quote after it is not escaped).
_ESCAPES = re.compile(rb"\\.", re.DOTALL)
# Every byte but the quote and the colon.
_NOT_QUOTE_OR_COLON = bytes(byte for byte in range(256) if byte not in b'":')


def _member_colons(text: str | bytes | bytearray) -> int:
    r"""The number of colons outside strings in a valid JSON document: its members.

    With escapes taken out (a backslash and the character after it: an escaped
    quote, backslash or ``\u0022`` leaves no quote behind), every quote left opens
    or closes a string. Of the quotes and colons kept, two quotes next to each
    other are dropped (which takes an even number of quotes from before any colon,
    so leaves it inside a string or not as it was); the colons outside strings are
    then those after an even number of quotes. The work is done by bytes methods,
    at C speed, in a few passes over the text.

    Args:
        text: A document msgspec has read without error, so valid JSON (in UTF-8,
            whose multi-byte characters hold no byte of a quote, colon or backslash).

    Returns:
        How many colons the document has outside its strings.
    """
    data = text.encode() if isinstance(text, str) else bytes(text)
    if b"\\" in data:
        data = _ESCAPES.sub(b"", data)
    kept = data.translate(None, _NOT_QUOTE_OR_COLON).replace(b'""', b"")
    return b"".join(kept.split(b'"')[::2]).count(b":")
