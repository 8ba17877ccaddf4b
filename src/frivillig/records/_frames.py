"""The DataFrame makers, `to_pandas` and `to_polars`, and the error for a missing extra."""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .._core.arguments import require_instance, require_language
from .._core.arguments import require_iterable as _iterate
from .._core.extras import require_extra
from .._core.labels import LANGUAGES, Language
from .._rules.engine import Rulebook
from .._rules.rulebook import DEFAULT_RULEBOOK
from ..errors import ArgumentTypeError
from ._dtypes import _DType, _frame_dtype
from ._helpers import _error
from ._schema import Column, Schema

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]
    import polars as pl  # type: ignore[import-not-found,unused-ignore]

# -- DataFrames ----------------------------------------------------------------------------


# Kept under this name: the records' own functions call it.
_import = require_extra


def _rule_codes(rulebook: Rulebook | None) -> tuple[str, ...]:
    """The built-in rules' codes, then those only ``rulebook`` has, in the order of each."""
    codes = dict.fromkeys(rule.code for rule in DEFAULT_RULEBOOK)
    if rulebook is not None:
        codes.update(dict.fromkeys(rule.code for rule in rulebook))
    return tuple(codes)


def _declared_categories(
    column: Column, dtype: _DType, lang: Language, rulebook: Rulebook | None
) -> tuple[str, ...]:
    if dtype.kind == "code":
        return _rule_codes(rulebook)
    assert column.enum is not None  # noqa: S101 - only enumerations reach here
    if dtype.kind == "label":
        return tuple(dict.fromkeys(member.label(lang) for member in column.enum))
    return tuple(member.value for member in column.enum)


def _with_present(declared: tuple[str, ...], present: set[Any]) -> tuple[str, ...]:
    """The declared categories, then any other value present, sorted: no value is lost."""
    extra = present.difference(declared)
    extra.discard(None)
    return (*declared, *sorted(extra)) if extra else declared


def _language(labels: Iterable[tuple[Column, set[Any]]]) -> Language:
    """The language of the label columns: Danish when every label is Danish but not all English."""
    fits = dict.fromkeys(LANGUAGES, True)
    for column, present in labels:
        assert column.enum is not None  # noqa: S101 - only label columns reach here
        present = present - {None}
        for lang in LANGUAGES:
            fits[lang] = fits[lang] and present <= {member.label(lang) for member in column.enum}
    return "da" if fits["da"] and not fits["en"] else "en"


@attrs.frozen
class _Series:
    """One column of a frame to build: its values, and how to hold them."""

    name: str
    values: list[Any]
    dtype: _DType | None  # None for a column not in the schema: the library infers it
    categories: tuple[str, ...] = ()
    ordered: bool = False


def _series(records: object, schema: object, lang: object, rulebook: object) -> Iterator[_Series]:
    """Check the arguments, read the rows once, and say how to hold each column."""
    schema = require_instance(schema, Schema, "schema", "a records.Schema")
    language = None if lang is None else require_language(lang)
    book = None if rulebook is None else require_instance(rulebook, Rulebook, "rulebook")
    plan = [(column, _frame_dtype(column)) for column in schema.columns]
    columns = _columns(records, plan, schema.name)
    present = {
        column.name: set(columns[column.name]) for column, dtype in plan if dtype.categorical
    }
    if language is None:
        language = _language(
            (column, present[column.name]) for column, dtype in plan if dtype.kind == "label"
        )
    for column, dtype in plan:
        values = columns.pop(column.name)
        if dtype.categorical:
            declared = _declared_categories(column, dtype, language, book)
            categories = _with_present(declared, present[column.name])
            yield _Series(column.name, values, dtype, categories, column.ordered)
        else:
            yield _Series(column.name, values, dtype)
    for name, values in columns.items():
        yield _Series(name, values, None)


def _accepts(column: Column) -> Callable[[object], bool]:
    kind = column.type
    if kind is bool:
        return lambda value: type(value) is bool
    if kind is int:
        return lambda value: type(value) is int
    if kind is float:
        return lambda value: type(value) in (float, int)
    if kind is dt.date:
        return lambda value: isinstance(value, dt.date)
    return lambda value: type(value) is str


def _columns(
    records: object, plan: list[tuple[Column, _DType]], record_type: str
) -> dict[str, list[Any]]:
    """Turn rows into one list per column, checking each value against its column."""
    columns: dict[str, list[Any]] = {column.name: [] for column, _ in plan}
    checks = [(column.name, _accepts(column), column.nullable, column) for column, _ in plan]
    extras: list[str] = []
    for index, row in enumerate(_iterate(records, "an iterable of records (mappings)", "records")):
        if not isinstance(row, Mapping):
            msg = f"records[{index}] must be a record (a mapping), got {type(row).__name__}"
            raise ArgumentTypeError(msg)
        for name, accepts, nullable, column in checks:
            try:
                value = row[name]
            except KeyError:
                msg = f"the record has no column {name!r}; is it a {record_type} record?"
                raise _error(msg, "missing", f"$[{index}].{name}") from None
            if value is None:
                if not nullable:
                    msg = "must not be empty"
                    raise _error(msg, "missing", f"$[{index}].{name}")
            elif not accepts(value):
                msg = f"expected {column.type.__name__}, got {type(value).__name__}"
                raise _error(msg, "type", f"$[{index}].{name}")
            columns[name].append(value)
        if len(row) > len(checks):
            for name in row:
                if name not in columns:
                    extras.append(name)
                    columns[name] = [None] * index
        for name in extras:
            columns[name].append(row.get(name))
    return columns


def to_pandas(
    records: Iterable[Mapping[str, Any]],
    schema: Schema,
    *,
    lang: Language | None = None,
    rulebook: Rulebook | None = None,
) -> "pd.DataFrame":
    """Build a pandas DataFrame from records, with the dtypes the module declares for its columns.

    Dtypes: text is ``"string"``; integers are ``"int64"``, or ``"Int64"``
    where the column may be empty in any table; floats are ``"float64"`` (empty
    is ``NaN``); bools are ``"bool"``, or ``"boolean"`` where they may be empty;
    dates are ``"datetime64[ns]"`` (empty is ``NaT``). Categoricals carry their
    full categories whatever rows are present: an enumeration's values are every
    member's value, its labels every member's label in the language of the rows,
    both in the enumeration's order and ordered where the enumeration is (the
    formalisation level, the severity); a rule ``code`` has the built-in rules'
    codes, then those only ``rulebook`` has. A value outside the categories (a
    rule of your own not in ``rulebook``, a hand-made row) is kept, as an extra
    category after the declared ones, never lost as ``NaN``. So two frames built
    from rows of the same language and rulebook concatenate with
    ``pd.concat`` keeping every dtype. Columns not in the schema (from an
    ``extra`` function) follow pandas' inference.

    The same column name has the same dtype in every table (``municipality_code``
    is ``Int64`` in all of them, since a finding read from a report lacks it),
    so tables join on their keys without a cast. The one exception is ``status``
    and ``status_label``: a collaboration's and a goal's status are different
    enumerations, each table's categories its own. The
    [table of dtypes][dtypes-in-dataframes] lists every column's.

    Args:
        records: Rows, e.g. from
            [`collaboration_records`][frivillig.records.collaboration_records].
        schema: Their schema, e.g.
            [`COLLABORATION_COLUMNS`][frivillig.records.COLLABORATION_COLUMNS].
        lang: The language the rows' ``*_label`` columns are in, as passed to
            the record function. When ``None`` it is read from the labels:
            Danish when every label is a Danish one and not all are English,
            else English. Pass it for Danish rows, so that a batch whose labels
            happen to read the same in both languages, or an empty batch, gets
            the Danish categories too.
        rulebook: The rulebook the findings were made with, when it has rules of
            its own: their codes become categories too.

    Returns:
        A ``pandas.DataFrame`` with the schema's columns first, in order.

    Raises:
        MissingExtraError: pandas is not installed (``pip install 'frivillig[pandas]'``).
        ArgumentTypeError: ``schema`` is not a [`Schema`][frivillig.records.Schema],
            ``rulebook`` not a [`Rulebook`][frivillig.Rulebook], ``lang`` not a
            string, ``records`` not iterable, or a record not a mapping.
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.
        ValidationError: a record lacks a column of the schema, or holds a
            value of the wrong type, or a date pandas cannot hold (before 1677 or
            after 2262).

    Examples:
        >>> import frivillig
        >>> from frivillig import records
        >>> rows = records.goal_records(frivillig.load_example(), lang="da")
        >>> frame = records.to_pandas(rows, records.GOAL_COLUMNS)
        >>> frame["municipality_code"].dtype, list(frame["status_label"].cat.categories)
        (Int64Dtype(), ['foreslået', 'aftalt', 'nået', 'delvist nået', 'ikke nået', 'opgivet'])
    """
    pd = _import("pandas", "pandas")
    data: dict[str, Any] = {}
    for series in _series(records, schema, lang, rulebook):
        dtype = series.dtype
        if dtype is None:
            data[series.name] = pd.Series(series.values, dtype=object).infer_objects()
        elif dtype.categorical:
            categorical = pd.CategoricalDtype(categories=series.categories, ordered=series.ordered)
            data[series.name] = pd.Series(series.values, dtype=categorical)
        elif dtype.kind == "date":
            try:
                data[series.name] = pd.Series(series.values, dtype=dtype.pandas)
            except (ValueError, OverflowError):
                msg = "holds a date pandas cannot hold in nanoseconds (before 1677 or after 2262)"
                raise _error(msg, "range", f"$.{series.name}") from None
        else:
            data[series.name] = pd.Series(series.values, dtype=dtype.pandas)
    return pd.DataFrame(data, columns=list(data))


def to_polars(
    records: Iterable[Mapping[str, Any]],
    schema: Schema,
    *,
    lang: Language | None = None,
    rulebook: Rulebook | None = None,
) -> "pl.DataFrame":
    """Build a polars DataFrame from records, with the dtypes the module declares for its columns.

    Dtypes: text is ``pl.String``, integers ``pl.Int64``, floats
    ``pl.Float64``, bools ``pl.Boolean``, dates ``pl.Date``; every column may
    hold nulls. An enumeration's values are a ``pl.Enum`` of every member's
    value, its labels a ``pl.Enum`` of every member's label in the language of
    the rows, both in the enumeration's order (a value outside them, from a
    hand-made row, is kept as an extra category after them). A ``pl.Enum`` with
    the full categories is the same dtype in every batch, so ``pl.concat`` of two
    batches keeps it; one built from the labels present would differ from batch
    to batch, and polars refuses to concatenate different enums. A rule ``code``
    is a ``pl.Categorical``: rule codes are an open set (a municipality may add
    rules), and polars concatenates categoricals whatever codes each batch
    holds (before polars 1.32 it re-encodes them to do so, and says so).
    Columns not in the schema follow polars' inference.

    The same column name has the same dtype in every table, so tables join on
    their keys without a cast; ``status`` and ``status_label`` are the exception,
    as [`to_pandas`][frivillig.records.to_pandas] explains.

    Args:
        records: Rows, e.g. from [`goal_records`][frivillig.records.goal_records].
        schema: Their schema, e.g. [`GOAL_COLUMNS`][frivillig.records.GOAL_COLUMNS].
        lang: The language of the rows' ``*_label`` columns; read from the
            labels when ``None``, as [`to_pandas`][frivillig.records.to_pandas] does.
        rulebook: Accepted for symmetry with ``to_pandas``; a ``pl.Categorical``
            needs no list of codes.

    Returns:
        A ``polars.DataFrame`` with the schema's columns first, in order.

    Raises:
        MissingExtraError: polars is not installed (``pip install 'frivillig[polars]'``).
        ArgumentTypeError: ``schema`` is not a [`Schema`][frivillig.records.Schema],
            ``rulebook`` not a [`Rulebook`][frivillig.Rulebook], ``lang`` not a
            string, ``records`` not iterable, or a record not a mapping.
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.
        ValidationError: a record lacks a column of the schema, or holds a
            value of the wrong type.
    """
    polars = _import("polars", "polars")
    columns = []
    for series in _series(records, schema, lang, rulebook):
        dtype = series.dtype
        if dtype is None:
            columns.append(polars.Series(series.name, series.values, strict=False))
            continue
        if dtype.kind in ("value", "label"):
            kind = polars.Enum(series.categories)
        else:
            kind = getattr(polars, dtype.polars)
        columns.append(polars.Series(series.name, series.values, dtype=kind))
    frame: pl.DataFrame = polars.DataFrame(columns)
    return frame
