"""A JSON Schema (draft 2020-12) of the JSON form, for systems that validate on their side.

The schema is generated from the model's classes, so it cannot drift from them.
It states the structure: types, required fields, the values each enumeration
allows, ISO dates, the ``kind`` tag of actors, and that no other fields are
allowed. Rules that span fields or need reference data (ordered dates, ids that
must exist, the 98 municipality codes, CVR check digits) are not expressed in
it: the library's own loader checks them, and is the authority.

Examples:
    >>> import frivillig.schema
    >>> schema = frivillig.schema.json_schema("collaboration")
    >>> schema["properties"]["schema_version"]["const"] == frivillig.SCHEMA_VERSION
    True
"""

import datetime as dt
import types
import typing
from typing import Any

import attrs

from ._actors import ACTOR_CLASSES, Actor
from ._frozenmap import FrozenMap
from ._labels import LabelledEnum
from .errors import Problem, ValidationError
from .serialization import DOCUMENT_TYPES, SCHEMA_VERSION

__all__ = ["json_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _origin(tp: Any) -> Any:
    return typing.get_origin(tp)


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def of(self, tp: Any) -> dict[str, Any]:
        simple = {
            str: {"type": "string"},
            int: {"type": "integer"},
            float: {"type": "number"},
            bool: {"type": "boolean"},
            dt.date: {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        }
        if tp in simple:
            return dict(simple[tp])
        if tp == Actor:
            return {"oneOf": [self.ref(cls, tag=kind.value) for kind, cls in ACTOR_CLASSES.items()]}
        if isinstance(tp, type) and issubclass(tp, LabelledEnum):
            return self.ref(tp)
        if attrs.has(tp):
            return self.ref(tp)
        origin = _origin(tp)
        args = typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            options = [arg for arg in args if arg is not type(None)]
            inner = [self.of(arg) for arg in options]
            schema = inner[0] if len(inner) == 1 else {"anyOf": inner}
            return {"anyOf": [schema, {"type": "null"}]} if type(None) in args else schema
        if origin is tuple:
            return {"type": "array", "items": self.of(args[0])}
        if origin is FrozenMap:
            key_type, value_type = args
            mapping: dict[str, Any] = {
                "type": "object",
                "additionalProperties": self.of(value_type),
            }
            if isinstance(key_type, type) and issubclass(key_type, LabelledEnum):
                mapping["propertyNames"] = {"enum": [member.value for member in key_type]}
            return mapping
        msg = f"no JSON Schema for {tp!r}"
        raise TypeError(msg)

    def ref(self, cls: type[Any], tag: str | None = None) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve first: classes may refer to themselves
            self.defs[name] = (
                self.enum(cls) if issubclass(cls, LabelledEnum) else self.obj(cls, tag)
            )
        return {"$ref": f"#/$defs/{name}"}

    def enum(self, cls: type[LabelledEnum]) -> dict[str, Any]:
        return {
            "type": "string",
            "enum": [member.value for member in cls],
            "description": (cls.__doc__ or "").strip().splitlines()[0],
        }

    def obj(self, cls: type[Any], tag: str | None) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["kind"] = {"const": tag}
            required.append("kind")
        for field in attrs.fields(cls):
            properties[field.name] = self.of(field.type)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        return {
            "type": "object",
            "description": (cls.__doc__ or "").strip().splitlines()[0],
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def json_schema(document_type: str = "collaboration") -> dict[str, Any]:
    """Return the JSON Schema of one kind of document.

    Args:
        document_type: The document's ``type``: ``"collaboration"``,
            ``"portfolio"``, ``"volunteer_policy"`` or any other registered in
            [`DOCUMENT_TYPES`][frivillig.serialization.DOCUMENT_TYPES].

    Returns:
        A JSON Schema (draft 2020-12) as plain data, ready for ``json.dumps``.

    Raises:
        ValidationError: ``document_type`` is not a document type.
    """
    if document_type not in DOCUMENT_TYPES:
        names = ", ".join(DOCUMENT_TYPES)
        message = f"{document_type!r} is not a document type; use one of {names}"
        raise ValidationError([Problem(path="$", message=message, code="choice")])
    builder = _Builder()
    root = builder.obj(DOCUMENT_TYPES[document_type], tag=None)
    root["properties"] = {
        "schema_version": {"const": SCHEMA_VERSION},
        "type": {"const": document_type},
        **root["properties"],
    }
    root["required"] = ["schema_version", *root["required"]]
    return {
        "$schema": _DIALECT,
        "$id": f"https://frivillig.dk/schema/{SCHEMA_VERSION}/{document_type}.json",
        "title": f"frivillig {document_type} document, schema version {SCHEMA_VERSION}",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
