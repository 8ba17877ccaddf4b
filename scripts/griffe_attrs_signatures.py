"""A griffe extension that gives every attrs class in the API reference its signature.

attrs writes a class's ``__init__`` when the class is made, so griffe, which reads
the source, finds no ``__init__`` and mkdocstrings shows the class without
parameters. This extension reads the fields from the class itself
(`attrs.fields`): each becomes a parameter, under the name ``__init__`` takes
(its alias), keyword-only where the field is, with the annotation written in the
source (so it links to the reference) and its default, shown as code would write it
(``LifecycleStatus.EXPLORING``, ``()``, ``FrozenMap()``). A field without a default is
required. A field that stores a tuple but takes any sequence (its converter says so)
shows ``Sequence[X]``, as mypy sees it. mkdocs.yml loads it through the mkdocstrings
handler's ``extensions`` option.
"""

import enum
import re
from typing import Any

import attrs
import griffe

from frivillig import FrozenMap
from frivillig._model.validators import is_sequence_converter

_TUPLE = re.compile(r"^tuple\[(.*), \.\.\.\]$")

FROM_OTHER_FIELDS = "<from the other fields>"
"""What a default made from the instance's other fields (``attrs.Factory(takes_self=True)``)
is shown as."""


def default_text(value: object) -> str:
    """Write a default value as Python code would: ``GoalStatus.PROPOSED``, ``()``, ``0.5``."""
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, tuple):
        items = [default_text(item) for item in value]
        return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    if isinstance(value, list):
        return f"[{', '.join(default_text(item) for item in value)}]"
    if isinstance(value, frozenset):
        items = sorted(default_text(item) for item in value)
        return f"frozenset({{{', '.join(items)}}})" if items else "frozenset()"
    if isinstance(value, FrozenMap):
        pairs = [f"{default_text(key)}: {default_text(item)}" for key, item in value.items()]
        return f"FrozenMap({{{', '.join(pairs)}}})" if pairs else "FrozenMap()"
    if attrs.has(type(value)):
        changed = []
        for field in attrs.fields(type(value)):
            if not field.init:
                continue
            own = getattr(value, field.name)
            default = field_default(field)
            if default is attrs.NOTHING or default is FROM_OTHER_FIELDS or own != default:
                changed.append(f"{field.alias}={default_text(own)}")
        return f"{type(value).__name__}({', '.join(changed)})"
    return repr(value)


def field_default(field: "attrs.Attribute[Any]") -> object:
    """Return the value a field gets when it is left out, `attrs.NOTHING` if it is required."""
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:
            return FROM_OTHER_FIELDS
        return default.factory()
    return default


def init_parameters(runtime: type[Any], cls: griffe.Class) -> griffe.Parameters:
    """Return the parameters of an attrs class's ``__init__``, read off its fields."""
    parameters = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
    for field in attrs.fields(runtime):
        if not field.init:
            continue
        member = cls.members.get(field.name)
        annotation = getattr(member, "annotation", None) if member is not None else None
        if annotation is None and field.type is not None:
            annotation = getattr(field.type, "__name__", str(field.type))
        if annotation is not None and is_sequence_converter(field.converter):
            # the field stores a tuple but takes any sequence, as the converter says
            annotation = _TUPLE.sub(r"Sequence[\1]", str(annotation))
        default = field_default(field)
        parameters.append(
            griffe.Parameter(
                field.alias or field.name,
                annotation=annotation,
                kind=griffe.ParameterKind.keyword_only
                if field.kw_only
                else griffe.ParameterKind.positional_or_keyword,
                default=None
                if default is attrs.NOTHING
                else default
                if default is FROM_OTHER_FIELDS
                else default_text(default),
            )
        )
    return griffe.Parameters(*parameters)


class AttrsSignatures(griffe.Extension):
    """Give every attrs class without an ``__init__`` of its own the one attrs writes."""

    def on_class(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        """Add the ``__init__`` once the class is loaded, if attrs makes the class."""
        if "__init__" in cls.members:
            return
        try:
            runtime = griffe.dynamic_import(cls.path)
        except ImportError:
            return
        if not isinstance(runtime, type) or not attrs.has(runtime):
            return
        init = griffe.Function(
            "__init__",
            parameters=init_parameters(runtime, cls),
            returns="None",
            lineno=cls.lineno,
            endlineno=cls.lineno,
        )
        init.labels.add("generated by attrs")
        cls.set_member("__init__", init)
