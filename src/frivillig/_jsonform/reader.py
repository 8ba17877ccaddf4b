"""The detailed reader, which lists every problem of a document with its path.

It parses JSON text within the load limits, checks the envelope, migrates, structures
and checks references.
"""

import json
from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

from .._model.collaboration import Collaboration
from .._model.integrity import _dangling, _resolves
from .._model.portfolio import Portfolio
from ..errors import ArgumentTypeError, Problem, ValidationError
from . import documents  # SCHEMA_VERSION is read from it when used: tests patch it there
from .converter import _structure_value
from .documents import _ENVELOPE, DOCUMENT_TYPES, _check_envelope, _migrate
from .limits import _DEFAULT_LIMITS, LoadLimits
from .problems import Segment, _Invalid, _json_type, _problem, _problems
from .raw import _hide_keys, _limit_problems, _roots


def _from_dict(data: Any, cls: type[Any] | None, limits: LoadLimits) -> Any:
    if cls is not None and cls not in DOCUMENT_TYPES.values():
        names = ", ".join(t.__name__ for t in DOCUMENT_TYPES.values())
        shown = cls.__name__ if isinstance(cls, type) else type(cls).__name__
        usage = f"cls must be None or one of {names}, got {shown}"
        raise ArgumentTypeError(usage)
    if type(data) is not dict:
        raise ValidationError(
            [_problem((), f"expected a JSON object, got {_json_type(data)}", "type")]
        )
    found, truncated = _limit_problems(data, limits)
    if found:
        roots = _roots(data, cls)
        found = [(_hide_keys(path, roots), message, code) for path, message, code in found]
        raise ValidationError(_problems(found, truncated=truncated))
    version, target = _check_envelope(data, cls)
    if version < documents.SCHEMA_VERSION:
        data = _migrate(dict(data), version)
    body = {key: value for key, value in data.items() if key not in _ENVELOPE}
    obj = _structure_value(body, target)
    _check_references(obj, limits)
    return obj


def _check_references(obj: Any, limits: LoadLimits = _DEFAULT_LIMITS) -> None:
    """Raise the loader's error for every id in ``obj`` that refers to nothing in it.

    The loader runs this on what it built; the writers run it before they write,
    so that no document is written that the loader refuses. A quick pass over
    sets of ids (``_resolves``) clears almost every collaboration.
    """
    target = type(obj)
    if target is Collaboration:
        if _resolves(obj):
            return
        dangling: Iterable[tuple[tuple[Segment, ...], str]] = _dangling(obj)
    elif target is Portfolio:
        if all(map(_resolves, obj.collaborations)):
            return
        dangling = (
            (("collaborations", index, *path), message)
            for index, collaboration in enumerate(obj.collaborations)
            for path, message in _dangling(collaboration)
        )
    else:
        return
    found = [
        (_hide_keys(path, (target,)), message, "reference")
        for path, message in islice(dangling, limits.max_problems + 1)
    ]
    if found:
        truncated = len(found) > limits.max_problems
        raise ValidationError(_problems(found[: limits.max_problems], truncated=truncated))


def _reject_constant(name: str) -> Any:
    raise _Invalid([((), f"{name} is not allowed; JSON numbers must be finite", "json")])


class _Repeated(dict[str, Any]):
    """An object read from JSON in which some keys (``repeated``) appear more than once."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        repeated: dict[str, None] = {}
        for key, _ in pairs:
            if key in seen:
                repeated[key] = None
            seen.add(key)
        self.repeated = tuple(repeated)


def _object_hook(
    limits: LoadLimits, repeated: list[_Repeated]
) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """The hook that makes each JSON object, checking its size and the length of its keys.

    An object with a key twice is made as a ``_Repeated`` and added to ``repeated``; the
    parser does not know where an object is, so the paths are found once it is done.
    """

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        if len(pairs) > limits.max_items:
            raise _Invalid(
                [
                    (
                        (),
                        f"an object has {len(pairs)} members; at most {limits.max_items} are "
                        "allowed (LoadLimits.max_items)",
                        "length",
                    )
                ]
            )
        result = dict(pairs)
        longest = max(map(len, result), default=0)
        if longest > limits.max_string_length:
            raise _Invalid(
                [
                    (
                        (),
                        f"an object has a key {longest} characters long; at most "
                        f"{limits.max_string_length} are allowed "
                        "(LoadLimits.max_string_length)",
                        "length",
                    )
                ]
            )
        if len(result) < len(pairs):
            marked = _Repeated(pairs)
            repeated.append(marked)
            return marked
        return result

    return no_duplicates


def _repeated_keys(data: Any, roots: tuple[Any, ...], most: int) -> list[Problem]:
    """A problem for each key that appears twice in an object, in document order, with its path."""
    found: list[tuple[int, str]] = []  # (the object's node, the key)
    links: list[tuple[int, Segment]] = [(-1, "")]  # each node's parent and place in it
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack and len(found) <= most:
        value, node = stack.pop()
        if type(value) is _Repeated:
            found.extend((node, key) for key in value.repeated)
        items = value.items() if isinstance(value, dict) else enumerate(value)
        children = []
        for segment, item in items:
            if isinstance(item, dict | list):
                links.append((node, segment))
                children.append((item, len(links) - 1))
        stack.extend(reversed(children))

    def path(node: int) -> tuple[Segment, ...]:
        segments: list[Segment] = []
        while node > 0:
            node, segment = links[node]
            segments.append(segment)
        return tuple(reversed(segments))

    problems = [
        (
            _hide_keys((*path(node), key), roots),
            "appears more than once in the same object; keep one",
            "duplicate_key",
        )
        for node, key in found[:most]
    ]
    return _problems(problems, truncated=len(found) > most)


def _int_hook(limits: LoadLimits) -> Callable[[str], int]:
    def parse_int(literal: str) -> int:
        if len(literal) - literal.startswith("-") > limits.max_integer_digits:
            raise _Invalid(
                [
                    (
                        (),
                        f"an integer has more than {limits.max_integer_digits} digits "
                        "(LoadLimits.max_integer_digits)",
                        "range",
                    )
                ]
            )
        return int(literal)

    return parse_int


def _too_big(limits: LoadLimits, unit: str) -> ValidationError:
    return ValidationError(
        [
            _problem(
                (),
                f"the document is larger than the limit of {limits.max_bytes} {unit} "
                "(LoadLimits.max_bytes); raise the limit to read it",
                "size",
            )
        ]
    )


def _parse(
    text: str | bytes | bytearray,
    limits: LoadLimits = _DEFAULT_LIMITS,
    cls: type[Any] | None = None,
) -> Any:
    if isinstance(text, bytes | bytearray):
        if len(text) > limits.max_bytes:
            raise _too_big(limits, "bytes")
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError(
                [
                    _problem(
                        (),
                        f"the document is not UTF-8 text (byte {error.start} is invalid)",
                        "encoding",
                    )
                ]
            ) from None
    if not isinstance(text, str):
        raise ValidationError(
            [_problem((), f"expected JSON text or bytes, got {type(text).__name__}", "type")]
        )
    if len(text) > limits.max_bytes:
        raise _too_big(limits, "characters")
    if text.startswith("\ufeff"):
        raise ValidationError(
            [_problem((), "the document starts with a byte-order mark; remove it", "encoding")]
        )
    repeated: list[_Repeated] = []
    try:
        data = json.loads(
            text,
            object_pairs_hook=_object_hook(limits, repeated),
            parse_int=_int_hook(limits),
            parse_constant=_reject_constant,
        )
    except _Invalid as error:
        raise ValidationError([_problem(*problem) for problem in error.problems]) from None
    except json.JSONDecodeError as error:
        raise ValidationError(
            [
                _problem(
                    (),
                    f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}",
                    "json",
                )
            ]
        ) from None
    except RecursionError:
        raise ValidationError(
            [_problem((), "the document is nested too deeply", "depth")]
        ) from None
    except ValueError as error:
        raise ValidationError([_problem((), f"not valid JSON: {error}", "json")]) from None
    if repeated:
        raise ValidationError(_repeated_keys(data, _roots(data, cls), limits.max_problems))
    return data
