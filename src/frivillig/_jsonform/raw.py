"""Problems found on the parsed JSON before it is structured.

The walk that checks the load limits, and the keys hidden in the paths of such problems.
"""

import enum
import re
import typing
from typing import Any

import attrs

from .._core.frozenmap import FrozenMap
from .._model.actors import ACTOR_CLASSES, Actor
from .._model.volunteers import is_personal
from .converter import _is_optional, _origin
from .documents import DOCUMENT_TYPES
from .limits import LoadLimits
from .problems import _HIDDEN_KEY, Found, Segment, _json_type

_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE_SURROGATE = (
    "holds an unpaired surrogate (such as \\ud800), which is not text; fix the encoding"
)


# -- keys inside objects with personal fields ------------------------------------------
#
# The detailed reader knows, while it structures, when it is inside an object with
# personal fields (a volunteer), and then shows no value and no key. Problems found on the
# raw JSON (a load limit, a key twice, a dangling reference) have only a path; the path is
# walked through the model's types to find where it enters such an object, and every key
# after that which is not one of the model's own names (a field, an enumeration member) is
# hidden.


def _roots(data: Any, cls: type[Any] | None) -> tuple[Any, ...]:
    """The types a document may be read as: the one asked for and the one it names."""
    tag = data.get("type") if type(data) is dict else None
    named = DOCUMENT_TYPES.get(tag) if type(tag) is str else None
    roots = tuple(tp for tp in (cls, named) if tp is not None)
    return roots or tuple(DOCUMENT_TYPES.values())


def _inner_types(tp: Any, segment: Segment) -> tuple[list[Any], bool]:
    """The types of a value of type ``tp`` at ``segment``, and whether it is a name of the model."""
    if _is_optional(tp):
        tp = next(arg for arg in typing.get_args(tp) if arg is not type(None))
    if tp == Actor:
        found: list[Any] = []
        named = segment == "kind"
        for cls in ACTOR_CLASSES.values():
            inner, known = _inner_types(cls, segment)
            found.extend(inner)
            named = named or known
        return found, named
    if isinstance(tp, type) and attrs.has(tp):
        field = attrs.fields_dict(tp).get(segment) if type(segment) is str else None
        return ([field.type], True) if field is not None else ([], False)
    args = typing.get_args(tp)
    if _origin(tp) is tuple and type(segment) is int:
        return [args[0]], False
    if _origin(tp) is FrozenMap and type(segment) is str:
        key = args[0]
        member = isinstance(key, type) and issubclass(key, enum.Enum)
        return [args[1]], member and any(segment == item.value for item in key)
    return [], False


def _is_personal_type(tp: Any) -> bool:
    if _is_optional(tp):
        tp = next(arg for arg in typing.get_args(tp) if arg is not type(None))
    if tp == Actor:
        return any(map(_is_personal_type, ACTOR_CLASSES.values()))
    return isinstance(tp, type) and attrs.has(tp) and any(map(is_personal, attrs.fields(tp)))


def _hide_keys(path: tuple[Segment, ...], roots: tuple[Any, ...]) -> tuple[Segment, ...]:
    """``path`` with every key inside an object with personal fields hidden, but the model's names.

    ``roots`` are the types the document may be read as; a key is hidden when any of them
    puts it inside such an object.
    """
    types = list(roots)
    quiet = False
    shown: list[Segment] = []
    for segment in path:
        quiet = quiet or any(map(_is_personal_type, types))
        inner: list[Any] = []
        named = False
        for tp in types:
            found, known = _inner_types(tp, segment)
            inner.extend(found)
            named = named or known
        shown.append(_HIDDEN_KEY if quiet and type(segment) is str and not named else segment)
        types = inner
    return tuple(shown)


def _limit_problems(data: Any, limits: LoadLimits) -> tuple[Found, bool]:
    """Check parsed data against the limits, without recursion, before anything else reads it."""
    found: Found = []
    bound = 10**limits.max_integer_digits
    longest = limits.max_string_length
    stack: list[tuple[Any, tuple[Segment, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        kind = type(value)
        if kind is str:
            if len(value) > longest:
                found.append(
                    (
                        path,
                        f"is {len(value)} characters long; at most {longest} are allowed "
                        "(LoadLimits.max_string_length)",
                        "length",
                    )
                )
            elif _SURROGATE.search(value):
                found.append((path, _LONE_SURROGATE, "encoding"))
        elif kind is dict or kind is list:
            if len(path) >= limits.max_depth:
                found.append(
                    (
                        path,
                        f"is nested more than {limits.max_depth} levels deep "
                        "(LoadLimits.max_depth)",
                        "depth",
                    )
                )
            elif len(value) > limits.max_items:
                what = "members" if kind is dict else "items"
                found.append(
                    (
                        path,
                        f"has {len(value)} {what}; at most {limits.max_items} are allowed "
                        "(LoadLimits.max_items)",
                        "length",
                    )
                )
            elif kind is list:
                stack.extend((value[i], (*path, i)) for i in range(len(value) - 1, -1, -1))
            else:
                children = []
                for key, item in value.items():
                    if type(key) is not str:
                        found.append(
                            (path, f"has a key that is {_json_type(key)}, not text", "type")
                        )
                    elif len(key) > longest:
                        found.append(
                            (
                                path,
                                f"has a key {len(key)} characters long; at most {longest} are "
                                "allowed (LoadLimits.max_string_length)",
                                "length",
                            )
                        )
                    elif _SURROGATE.search(key):
                        found.append((path, f"has a key that {_LONE_SURROGATE}", "encoding"))
                    else:
                        children.append((item, (*path, key)))
                stack.extend(reversed(children))
        elif kind is int:
            if not -bound < value < bound:
                found.append(
                    (
                        path,
                        f"has more than {limits.max_integer_digits} digits "
                        "(LoadLimits.max_integer_digits)",
                        "range",
                    )
                )
        elif not (kind is float or kind is bool or value is None):
            found.append((path, f"is a {kind.__name__}, which is not a JSON value", "type"))
        if len(found) > limits.max_problems:
            return found[: limits.max_problems], True
    return found, False
