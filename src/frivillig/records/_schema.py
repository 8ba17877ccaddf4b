"""The record and its columns: `Record`, `Column`, `Schema` and the separator of joined values."""

import builtins
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .._core.labels import LabelledEnum, OrderedLabelledEnum
from .._model.collaboration import Collaboration
from .._model.portfolio import Portfolio
from .._reference.cpr import mask_cpr_like
from ..errors import ArgumentTypeError, ArgumentValueError

Record = dict[str, Any]
"""One row: column name to a plain Python value (``str``, ``int``, ``float``,
``bool``, ``datetime.date`` or ``None``)."""

Items = Collaboration | Portfolio | Iterable[Collaboration | Portfolio]

SEPARATOR = ";"
"""What joins the values of a column that holds several (``"quality;innovation"``)."""

_TYPES: tuple[type, ...] = (str, int, float, bool, dt.date)


def _column_type(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """Refuse a column type the tables cannot hold: the calling code's mistake."""
    names = ", ".join(t.__name__ for t in _TYPES)
    if not isinstance(value, type):
        msg = f"a column's type must be one of {names}, got {type(value).__name__}"
        raise ArgumentTypeError(msg)
    if value not in _TYPES:
        msg = f"a column's type must be one of {names}, not {value.__name__}"
        raise ArgumentValueError(msg)


def _title(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """Refuse a Danish title that is not text, or empty: the calling code's mistake."""
    if value is None:
        return
    if not isinstance(value, str):
        msg = f"a column's title_da must be a str or None, got {type(value).__name__}"
        raise ArgumentTypeError(msg)
    if not value.strip():
        msg = "a column's title_da must not be empty (give None for no title)"
        raise ArgumentValueError(msg)


@attrs.frozen(kw_only=True)
class Column:
    """One column of a record type: its name, Python type and meaning.

    Attributes:
        name: The column name, ``snake_case``; stable across releases.
        type: The Python type of its values: `str`, `int`, `float`, `bool`
            or `datetime.date`.
        description: What the column holds, in the domain's words.
        nullable: Whether a value may be ``None`` (missing or not applicable).
        enum: The enumeration whose values (or labels) the column holds, if any;
            DataFrames make such a column categorical.
        label: Whether the column holds the enumeration's labels in the language
            asked for, rather than its stable values.
        title_da: The column's title in Danish, the header a reader sees in a
            Danish workbook (``"Kommunekode"``); every column of the library's own
            tables has one. ``None`` for a column of your own without one: its
            header is then its name.

    Raises:
        ArgumentTypeError: ``type`` is not a type, or ``title_da`` not text (a
            programming mistake).
        ArgumentValueError: ``type`` is a type the tables do not hold (a
            ``datetime``, say), or ``title_da`` is empty.

    Examples:
        >>> from frivillig import records
        >>> column = records.COLLABORATION_COLUMNS["municipality_code"]
        >>> column.name, column.title_da
        ('municipality_code', 'Kommunekode')
    """

    name: str
    type: builtins.type = attrs.field(validator=_column_type)
    description: str
    nullable: bool = False
    enum: builtins.type[LabelledEnum] | None = None
    label: bool = False
    title_da: str | None = attrs.field(default=None, validator=_title)

    @property
    def ordered(self) -> bool:
        """Whether the column's categories have an order (an ordered enumeration)."""
        return self.enum is not None and issubclass(self.enum, OrderedLabelledEnum)


@attrs.frozen
class Schema(Mapping[str, Column]):
    """The columns of one record type, in order: a read-only mapping from name to column.

    Attributes:
        name: The record type, e.g. ``"collaboration"``.
        columns: The columns, in the order rows hold them.
    """

    name: str
    columns: tuple[Column, ...]
    _by_name: Mapping[str, Column] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        """Index the columns by name, refusing a column that is not one and a name used twice.

        A Danish title used twice is refused too: a Danish workbook's headers must
        tell the columns apart. These are the calling code's mistakes (a schema is
        declared in code, not read as data), so they raise `ArgumentTypeError` and
        `ArgumentValueError`.
        """
        by_name: dict[str, Column] = {}
        titles: set[str] = set()
        given: tuple[object, ...] = self.columns  # any object may come, whatever the annotation
        for index, column in enumerate(given):
            if not isinstance(column, Column):
                msg = f"columns[{index}] must be a Column, got {type(column).__name__}"
                raise ArgumentTypeError(msg)
            if column.name in by_name:
                shown = mask_cpr_like(str(column.name))[:60]
                msg = f"columns[{index}]: column {shown!r} is defined twice"
                raise ArgumentValueError(msg)
            if column.title_da is not None:
                if column.title_da in titles:
                    shown = mask_cpr_like(column.title_da)[:60]
                    msg = f"columns[{index}]: the Danish title {shown!r} is used twice"
                    raise ArgumentValueError(msg)
                titles.add(column.title_da)
            by_name[column.name] = column
        object.__setattr__(self, "_by_name", MappingProxyType(by_name))

    def __getitem__(self, name: str) -> Column:
        """Return the column called ``name``."""
        return self._by_name[name]

    def __iter__(self) -> Iterator[str]:
        """Iterate over the column names, in order."""
        return iter(self._by_name)

    def __len__(self) -> int:
        """Return the number of columns."""
        return len(self.columns)

    def extend(self, *columns: Column) -> "Schema":
        """Return a schema with more columns after these, e.g. for an ``extra`` function.

        Raises:
            ArgumentTypeError: a new column is not a [`Column`][frivillig.records.Column].
            ArgumentValueError: a new column has the name or the Danish title of an
                existing one (or of another new one).
        """
        return Schema(self.name, self.columns + columns)


def _c(
    name: str,
    title_da: str,
    kind: type,
    description: str,
    *,
    nullable: bool = False,
    enum: type[LabelledEnum] | None = None,
) -> Column:
    return Column(
        name=name,
        type=kind,
        description=description,
        nullable=nullable,
        enum=enum,
        title_da=title_da,
    )


def _enum(
    name: str,
    title_da: str,
    enum: type[LabelledEnum],
    description: str,
    *,
    nullable: bool = False,
) -> tuple[Column, Column]:
    """The value column (titled ``"<title_da> (kode)"``) and its label column (``title_da``)."""
    return (
        Column(
            name=name,
            type=str,
            description=description,
            nullable=nullable,
            enum=enum,
            title_da=f"{title_da} (kode)",
        ),
        Column(
            name=f"{name}_label",
            type=str,
            description=f"The label of {name}, in the language asked for.",
            nullable=nullable,
            enum=enum,
            label=True,
            title_da=title_da,
        ),
    )
