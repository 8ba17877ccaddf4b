"""Flat records: collaborations, parties, goals, tasks, evaluations and hours as table rows.

Analysts who follow a municipality's collaborations, or compare municipalities,
want tables, not objects. Each function here turns collaborations (one, a
[`Portfolio`][frivillig.Portfolio], or any iterable of them, consumed lazily)
into an iterator of plain dicts, one per row, with stable column names and
Python values: `str`, `int`, `float`, `bool`, `datetime.date` or `None`. No
third-party package is needed. Every row carries ``collaboration_id`` and
``municipality_code``, so the tables join.

| record type | one row per | function | schema |
|---|---|---|---|
| collaboration | collaboration | `collaboration_records` | `COLLABORATION_COLUMNS` |
| participant | party to a collaboration | `participant_records` | `PARTICIPANT_COLUMNS` |
| goal | goal | `goal_records` | `GOAL_COLUMNS` |
| task | task | `task_records` | `TASK_COLUMNS` |
| response | party's response in an evaluation round | `response_records` | `RESPONSE_COLUMNS` |
| progress | goal progress one party reported in a round | `progress_records` | `PROGRESS_COLUMNS` |
| answer | instrument item one party answered in a round | `answer_records` | `ANSWER_COLUMNS` |
| rating | dyadic rating in a round | `rating_records` | `RATING_COLUMNS` |
| hours | task and month with hours logged | `hours_records` | `HOURS_COLUMNS` |
| finding | finding of the rule check | `finding_records` | `FINDING_COLUMNS` |

**Layout of evaluations.** A response's goal progress and instrument answers
are mappings of any size, so they are not spread into columns: a response row
holds the satisfaction and counts, and the progress and the answers are *long*
tables of their own (one row per goal, or per item), joined to the responses
on ``collaboration_id``, ``round_id`` and ``party_id``. Pivot them wide in the
DataFrame library when needed.

**Values.** Enumerations appear by their stable ``value`` (the JSON form's
spelling) and, where a person reads them, in a ``*_label`` column in the
language asked for (``lang="da"`` or ``"en"``). Columns that hold several
values of an enumeration (``roles``, ``purposes``) join the values with
[`SEPARATOR`][frivillig.records.SEPARATOR] (``";"``), in the order the model
holds them; an empty string means none. Volunteers have no record type: they
are people, and their fields are personal data (see
[`Volunteer`][frivillig.Volunteer]); the task records count them, and the hours
records add up the hours they logged.

**Personal data.** Every text in every row has its CPR-shaped numbers masked, as
[`mask_cpr_like`][frivillig.mask_cpr_like] masks them (``"[CPR]"``), whatever column
it is in: titles, names, goal texts, messages, ids and the columns of an ``extra``
function. A column that holds a field [`redact`][frivillig.redact] drops is left
empty unless the caller asks for it: the response's ``comment``, which
[`response_records`][frivillig.records.response_records] fills only with
``include_personal=True`` (CPR-shaped numbers still masked), and the time logs'
``volunteer_id``: [`hours_records`][frivillig.records.hours_records] adds the hours
up over the volunteers of each task and month unless ``include_personal=True``, when
it gives one row per log with the volunteer's id. The column stays in the schema
either way, so the tables keep their shape.

**Schemas.** Each record type has a [`Schema`][frivillig.records.Schema]: a
read-only mapping from column name to [`Column`][frivillig.records.Column],
which gives the Python type, whether ``None`` may occur, the enumeration
behind the column, and a description. [`COLUMNS`][frivillig.records.COLUMNS]
holds them all by record type. The column names and types are API: a release
may add columns, but does not rename, retype or remove one without a major
version.

**DataFrames.** [`to_pandas`][frivillig.records.to_pandas] and
[`to_polars`][frivillig.records.to_polars] build a DataFrame from records and
their schema, with the dtypes the module declares for its columns, one per
column name (dates as dates, enumerations and rule codes as categoricals with
their full categories, integers that may be empty in any table as nullable
integers): the same column has the same dtype in every table, so the tables
join without a cast, and frames of two batches concatenate keeping every dtype.
They import pandas or polars only when called; install them with
``pip install 'frivillig[pandas]'`` or ``'frivillig[polars]'``.

**Scores.** [`score_columns`][frivillig.records.score_columns] gives the
collaboration rows one column per score, ``score_<key>``, a float from 0 to 100
(empty when the score has no material), computed as of the day you name;
[`SCORED_COLLABORATION_COLUMNS`][frivillig.records.SCORED_COLLABORATION_COLUMNS]
is their schema. The findings of the rule check are a record type of their own,
[`finding_records`][frivillig.records.finding_records].

**Adding columns.** ``collaboration_records`` takes an ``extra`` function that
returns more columns for each collaboration (scores, for example); describe
them with [`Schema.extend`][frivillig.records.Schema.extend] so the DataFrame
gets their dtypes. A new record type is a function that yields rows and a
``Schema``, registered in ``COLUMNS``; the existing columns are not touched.

Examples:
    >>> import frivillig
    >>> from frivillig import records
    >>> rows = list(records.goal_records(frivillig.load_example(), lang="da"))
    >>> rows[0]["goal_id"], rows[0]["status_label"], rows[0]["agreed_by_all"]
    ('ugentligt-besoeg', 'aftalt', True)
    >>> list(rows[0]) == list(records.GOAL_COLUMNS)
    True
"""

# `importlib` is read through this module by tests that make an import fail.
import importlib as importlib

from .._core.extras import MissingExtraError as MissingExtraError
from ._columns import ANSWER_COLUMNS as ANSWER_COLUMNS
from ._columns import COLLABORATION_COLUMNS as COLLABORATION_COLUMNS
from ._columns import COLUMNS as COLUMNS
from ._columns import COVERAGE_COLUMNS as COVERAGE_COLUMNS
from ._columns import FINDING_COLUMNS as FINDING_COLUMNS
from ._columns import GOAL_COLUMNS as GOAL_COLUMNS
from ._columns import HOURS_COLUMNS as HOURS_COLUMNS
from ._columns import PARTICIPANT_COLUMNS as PARTICIPANT_COLUMNS
from ._columns import PROGRESS_COLUMNS as PROGRESS_COLUMNS
from ._columns import RATING_COLUMNS as RATING_COLUMNS
from ._columns import RESPONSE_COLUMNS as RESPONSE_COLUMNS
from ._columns import SCORE_COLUMNS as SCORE_COLUMNS
from ._columns import SCORED_COLLABORATION_COLUMNS as SCORED_COLLABORATION_COLUMNS
from ._columns import TASK_COLUMNS as TASK_COLUMNS
from ._dtypes import _DTYPES as _DTYPES
from ._dtypes import _declare as _declare
from ._dtypes import _dtype_table as _dtype_table
from ._findings import _check_rulebook as _check_rulebook
from ._findings import _reports as _reports
from ._findings import _rule_titles as _rule_titles
from ._findings import finding_records as finding_records
from ._findings import score_columns as score_columns
from ._frames import to_pandas as to_pandas
from ._frames import to_polars as to_polars
from ._rows import answer_records as answer_records
from ._rows import collaboration_records as collaboration_records
from ._rows import goal_records as goal_records
from ._rows import hours_records as hours_records
from ._rows import participant_records as participant_records
from ._rows import progress_records as progress_records
from ._rows import rating_records as rating_records
from ._rows import response_records as response_records
from ._rows import task_records as task_records
from ._schema import SEPARATOR as SEPARATOR
from ._schema import Column as Column
from ._schema import Record as Record
from ._schema import Schema as Schema
from ._xlsx import to_xlsx as to_xlsx

__all__ = [
    "ANSWER_COLUMNS",
    "COLLABORATION_COLUMNS",
    "COLUMNS",
    "COVERAGE_COLUMNS",
    "FINDING_COLUMNS",
    "GOAL_COLUMNS",
    "HOURS_COLUMNS",
    "PARTICIPANT_COLUMNS",
    "PROGRESS_COLUMNS",
    "RATING_COLUMNS",
    "RESPONSE_COLUMNS",
    "SCORED_COLLABORATION_COLUMNS",
    "SCORE_COLUMNS",
    "SEPARATOR",
    "TASK_COLUMNS",
    "Column",
    "MissingExtraError",
    "Record",
    "Schema",
    "answer_records",
    "collaboration_records",
    "finding_records",
    "goal_records",
    "hours_records",
    "participant_records",
    "progress_records",
    "rating_records",
    "response_records",
    "score_columns",
    "task_records",
    "to_pandas",
    "to_polars",
    "to_xlsx",
]
