"""The declared DataFrame dtypes: one per column name, the same in every table."""

import datetime as dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Literal

import attrs

from ._columns import COLUMNS, COVERAGE_COLUMNS, SCORE_COLUMNS, SCORED_COLLABORATION_COLUMNS
from ._schema import Column

_Kind = Literal["str", "int", "float", "bool", "date", "value", "label", "code"]

_KINDS: dict[type, _Kind] = {str: "str", int: "int", float: "float", bool: "bool", dt.date: "date"}

_CATEGORICAL: frozenset[_Kind] = frozenset({"value", "label", "code"})

_RULE_CODE_COLUMNS = frozenset({"code"})
"""Columns that hold rule codes: an open set, since a municipality may add rules of its own."""

_ENUM_BY_TABLE = frozenset({"status", "status_label"})
"""Column names whose enumeration depends on the table: a collaboration's lifecycle status
(`LifecycleStatus`) and a goal's status (`GoalStatus`). Their dtype is a categorical in both,
of each table's own enumeration; no other name may differ between tables."""


@attrs.frozen
class _DType:
    """How a column is held in a DataFrame: the same for a column name in every table.

    Attributes:
        kind: ``"str"``, ``"int"``, ``"float"``, ``"bool"`` or ``"date"`` for plain
            columns; ``"value"`` or ``"label"`` for an enumeration's values or
            labels; ``"code"`` for rule codes.
        nullable: Whether the column may be empty in some table that has it; an
            integer or bool column is then a nullable dtype in every table.
    """

    kind: _Kind
    nullable: bool

    @property
    def categorical(self) -> bool:
        """Whether the column is a categorical (an enumeration or rule codes)."""
        return self.kind in _CATEGORICAL

    @property
    def pandas(self) -> str:
        """The pandas dtype's name (``"category"`` for a categorical)."""
        if self.categorical:
            return "category"
        if self.kind == "int":
            return "Int64" if self.nullable else "int64"
        if self.kind == "bool":
            return "boolean" if self.nullable else "bool"
        return {"str": "string", "float": "float64", "date": "datetime64[ns]"}[self.kind]

    @property
    def polars(self) -> str:
        """The polars dtype's name (an attribute of the ``polars`` module)."""
        return {
            "str": "String",
            "int": "Int64",
            "float": "Float64",
            "bool": "Boolean",
            "date": "Date",
            "value": "Enum",
            "label": "Enum",
            "code": "Categorical",
        }[self.kind]


def _kind(column: Column) -> _Kind:
    if column.enum is not None:
        return "label" if column.label else "value"
    return _KINDS[column.type]


def _declare(columns: Iterable[Column]) -> Mapping[str, _DType]:
    """The dtype of every column name of the library's tables, refusing a name typed two ways."""
    first: dict[str, Column] = {}
    table: dict[str, _DType] = {}
    for column in columns:
        seen = first.setdefault(column.name, column)
        same_enum = seen.enum is column.enum or column.name in _ENUM_BY_TABLE
        if seen.type is not column.type or seen.label != column.label or not same_enum:
            msg = f"column {column.name!r} has two types; give one of them another name"
            raise TypeError(msg)
        kind: _Kind = "code" if column.name in _RULE_CODE_COLUMNS else _kind(column)
        known = table.get(column.name)
        table[column.name] = _DType(kind, column.nullable or (known is not None and known.nullable))
    return MappingProxyType(table)


_DTYPES: Mapping[str, _DType] = _declare(
    column
    for schema in (*COLUMNS.values(), SCORED_COLLABORATION_COLUMNS)
    for column in schema.columns
)
"""The declared dtypes: one per column name, the same in every table, used for every frame."""


def _frame_dtype(column: Column) -> _DType:
    """The declared dtype of a column, or for a column of one's own, the dtype it describes.

    A column of an extended schema that has the name of a library column of the
    same kind gets that column's dtype, so that it joins and concatenates with it.
    """
    own = _DType(_kind(column), column.nullable)
    declared = _DTYPES.get(column.name)
    if declared is None:
        return own
    fits = declared.kind == own.kind or (declared.kind == "code" and own.kind == "str")
    return declared if fits and (declared.nullable or not column.nullable) else own


def _dtype_table() -> str:
    """The declared dtypes as a Markdown table, for the reference page (kept in step by a test)."""
    tables: dict[str, list[str]] = {}
    enums: dict[str, dict[str, str]] = {}
    titles: dict[str, dict[str, list[str]]] = {}  # column name: Danish title: tables
    for schema in COLUMNS.values():
        for column in schema.columns:
            tables.setdefault(column.name, []).append(schema.name)
            titled = titles.setdefault(column.name, {})
            titled.setdefault(column.title_da or "", []).append(schema.name)
            if column.enum is not None:
                enums.setdefault(column.name, {})[schema.name] = column.enum.__name__
    for column in (*SCORE_COLUMNS, *COVERAGE_COLUMNS):
        tables.setdefault(column.name, []).append("collaboration (scored)")
        titles[column.name] = {column.title_da or "": ["collaboration (scored)"]}
    everywhere = len(COLUMNS)
    lines = [
        "| column | Danish header | tables | pandas | polars | categories |",
        "|---|---|---|---|---|---|",
    ]
    for name, dtype in _DTYPES.items():
        where = tables[name]
        shown = "all" if len(where) == everywhere else ", ".join(where)
        by_title = titles[name]
        danish = (
            next(iter(by_title))
            if len(by_title) == 1
            else "; ".join(f"{title} in {', '.join(t)}" for title, t in by_title.items())
        )
        pandas = f"`{dtype.pandas}`"
        by_table = enums.get(name, {})
        ordered = any(
            column.ordered
            for schema in COLUMNS.values()
            for column in schema.columns
            if column.name == name
        )
        if dtype.categorical and ordered:
            pandas = "`category` (ordered)"
        if dtype.kind == "code":
            categories = "the built-in rule codes, those of `rulebook`, then others present"
        elif by_table:
            names = sorted(set(by_table.values()))
            of = " / ".join(
                f"`{enum}` ({', '.join(t for t, e in by_table.items() if e == enum)})"
                if len(names) > 1
                else f"`{enum}`"
                for enum in names
            )
            categories = (
                f"labels of {of}, in `lang`" if dtype.kind == "label" else f"values of {of}"
            )
        else:
            categories = ""
        row = f"| `{name}` | {danish} | {shown} | {pandas} | `{dtype.polars}` | {categories} |"
        lines.append(row)
    return "\n".join(lines) + "\n"
