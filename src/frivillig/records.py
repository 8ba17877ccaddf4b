"""Flat records: collaborations, parties, goals, tasks and evaluations as rows of a table.

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
[`Volunteer`][frivillig.Volunteer]); the task records count them.

**Personal data.** Every text in every row has its CPR-shaped numbers masked, as
[`mask_cpr_like`][frivillig.mask_cpr_like] masks them (``"[CPR]"``), whatever column
it is in: titles, names, goal texts, messages, ids and the columns of an ``extra``
function. A column that holds a field [`redact`][frivillig.redact] drops is left
empty unless the caller asks for it: today that is the response's ``comment``, which
[`response_records`][frivillig.records.response_records] fills only with
``include_personal=True`` (CPR-shaped numbers still masked). The column stays in
the schema either way, so the tables keep their shape.

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

import builtins
import datetime as dt
import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._core.arguments import require_date, require_instance, require_language
from ._core.labels import LANGUAGES, LabelledEnum, Language, OrderedLabelledEnum
from ._model.actors import ActorKind, Sector
from ._model.collaboration import (
    Collaboration,
    GovernanceMode,
    LifecycleStatus,
    VolunteerModel,
    WelfareRole,
)
from ._model.evaluation import Decision, EvaluationRound
from ._model.formalisation import CollaborationLevel, FormalisationLevel
from ._model.goals import GoalStatus
from ._model.portfolio import Portfolio
from ._model.tasks import TaskKind, WorkCategory
from ._reference.cpr import mask_cpr_like
from ._reference.municipalities import get_municipality
from ._rules.checking import check
from ._rules.engine import CheckSettings, Report, Rulebook, Severity
from ._rules.rulebook import DEFAULT_RULEBOOK
from ._scores.scores import COMPONENTS, ScoreSettings, score_all
from .errors import (
    ArgumentTypeError,
    ArgumentValueError,
    FrivilligError,
    Problem,
    ValidationError,
)

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]
    import polars as pl  # type: ignore[import-not-found,unused-ignore]

__all__ = [
    "ANSWER_COLUMNS",
    "COLLABORATION_COLUMNS",
    "COLUMNS",
    "COVERAGE_COLUMNS",
    "FINDING_COLUMNS",
    "GOAL_COLUMNS",
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
    "participant_records",
    "progress_records",
    "rating_records",
    "response_records",
    "score_columns",
    "task_records",
    "to_pandas",
    "to_polars",
]

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

    Raises:
        ArgumentTypeError: ``type`` is not a type (a programming mistake).
        ArgumentValueError: ``type`` is a type the tables do not hold (a
            ``datetime``, say).
    """

    name: str
    type: builtins.type = attrs.field(validator=_column_type)
    description: str
    nullable: bool = False
    enum: builtins.type[LabelledEnum] | None = None
    label: bool = False

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

        Both are the calling code's mistakes (a schema is declared in code, not read
        as data), so they raise `ArgumentTypeError` and `ArgumentValueError`.
        """
        by_name: dict[str, Column] = {}
        given: tuple[object, ...] = self.columns  # any object may come, whatever the annotation
        for index, column in enumerate(given):
            if not isinstance(column, Column):
                msg = f"columns[{index}] must be a Column, got {type(column).__name__}"
                raise ArgumentTypeError(msg)
            if column.name in by_name:
                shown = mask_cpr_like(str(column.name))[:60]
                msg = f"columns[{index}]: column {shown!r} is defined twice"
                raise ArgumentValueError(msg)
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
            ArgumentValueError: a new column has the name of an existing one (or
                of another new one).
        """
        return Schema(self.name, self.columns + columns)


def _c(
    name: str,
    kind: type,
    description: str,
    *,
    nullable: bool = False,
    enum: type[LabelledEnum] | None = None,
) -> Column:
    return Column(name=name, type=kind, description=description, nullable=nullable, enum=enum)


def _enum(
    name: str, enum: type[LabelledEnum], description: str, *, nullable: bool = False
) -> tuple[Column, Column]:
    return (
        Column(name=name, type=str, description=description, nullable=nullable, enum=enum),
        Column(
            name=f"{name}_label",
            type=str,
            description=f"The label of {name}, in the language asked for.",
            nullable=nullable,
            enum=enum,
            label=True,
        ),
    )


_KEYS = (
    _c("collaboration_id", str, "The collaboration's id."),
    _c("municipality_code", int, "The official 3-digit code of the collaboration's municipality."),
)
_ROUND_KEYS = (
    *_KEYS,
    _c("round_id", str, "The evaluation round's id within the collaboration."),
    _c("round_number", int, "The round's position among the collaboration's rounds, from 1."),
    _c("held_on", dt.date, "The date the round was held."),
)

COLLABORATION_COLUMNS = Schema(
    "collaboration",
    (
        *_KEYS,
        _c("municipality_name", str, "The municipality's short name, e.g. 'København'."),
        _c("title", str, "The collaboration's title."),
        *_enum("status", LifecycleStatus, "Where it is in its lifecycle."),
        *_enum(
            "ended_from",
            LifecycleStatus,
            "For an ended collaboration, the status it ended from; empty when unknown.",
            nullable=True,
        ),
        *_enum("formalisation", FormalisationLevel, "How formal it is (an ordered level)."),
        *_enum("governance_mode", GovernanceMode, "Autonomous or negotiated co-governance."),
        *_enum("welfare_role", WelfareRole, "Supplement, corrective or element of welfare."),
        *_enum("volunteer_model", VolunteerModel, "Association, own volunteers, or both."),
        _c("start_on", dt.date, "When it started (or starts)."),
        _c("end_on", dt.date, "When it ended (or is planned to end).", nullable=True),
        _c("initiator", str, "The id of the party that took the initiative.", nullable=True),
        _c(
            "initiator_kind",
            str,
            "The kind of actor that took the initiative.",
            nullable=True,
            enum=ActorKind,
        ),
        _c("purposes", str, "The purposes it serves, joined with ';' ('' for none)."),
        _c("purpose_count", int, "How many purposes it states."),
        _c("participant_count", int, "How many parties take part."),
        _c("goal_count", int, "How many goals it has."),
        _c("goals_agreed_by_all", int, "How many goals every party has agreed to."),
        _c("task_count", int, "How many tasks volunteers do."),
        _c("volunteer_count", int, "How many volunteers it has."),
        _c("responsibilities_held", int, "How many of the five management tasks someone holds."),
        _c(
            "most_responsibilities_per_holder",
            int,
            "The most management tasks one named person (role holder) holds; empty when no "
            "holder is named.",
            nullable=True,
        ),
        _c(
            "max_budget_share_from_municipality",
            float,
            "The highest share of a party's budget that comes from the municipality.",
            nullable=True,
        ),
        _c("has_agreement", bool, "Whether there is a written agreement."),
        _c("agreement_signed_on", dt.date, "When the agreement was signed.", nullable=True),
        _c("has_forum", bool, "Whether there is a forum where the parties set the agenda."),
        _c("has_evaluation_plan", bool, "Whether an evaluation plan exists."),
        _c("evaluation_rrule", str, "The plan's recurrence, as RRULE text.", nullable=True),
        _c("first_evaluation_on", dt.date, "The plan's first date.", nullable=True),
        _c("round_count", int, "How many evaluation rounds were held."),
        _c("last_round_on", dt.date, "When the latest round was held.", nullable=True),
        *_enum("last_decision", Decision, "The decision after the latest round.", nullable=True),
    ),
)
"""The columns of [`collaboration_records`][frivillig.records.collaboration_records]."""

PARTICIPANT_COLUMNS = Schema(
    "participant",
    (
        *_KEYS,
        _c("party_id", str, "The party's id within the collaboration."),
        *_enum("actor_kind", ActorKind, "What kind of actor the party is."),
        *_enum("sector", Sector, "The sector the actor belongs to."),
        _c("actor_name", str, "The actor's name."),
        _c("cvr", str, "The actor's CVR number, if it has one.", nullable=True),
        _c("roles", str, "The roles the party plays, joined with ';'."),
        _c("resources", str, "What the party brings, joined with ';'."),
        _c("is_initiator", bool, "Whether the party took the initiative."),
        _c(
            "budget_share_from_municipality",
            float,
            "The share (0-1) of the party's budget that comes from the municipality.",
            nullable=True,
        ),
        _c("key_persons", int, "How many key persons carry the party's part.", nullable=True),
        _c(
            "support_schemes",
            str,
            "The schemes the municipality supports the party under, joined with ';' ('' for "
            "none); empty when not recorded.",
            nullable=True,
        ),
        _c(
            "funding_dkk_per_year",
            int,
            "The money (DKK a year) the party puts into the collaboration.",
            nullable=True,
        ),
        _c("readiness_openness", int, "The party's openness, 1-5.", nullable=True),
        _c("readiness_equality", int, "How far it meets others as equals, 1-5.", nullable=True),
        _c("readiness_risk_willingness", int, "Its willingness to take risks, 1-5.", nullable=True),
        _c("wishes_stated", int, "How many wishes the party stated across the goals."),
        _c("goals_agreed", int, "How many goals the party has agreed to."),
        _c("responsibilities", str, "The management tasks the party holds, joined with ';'."),
    ),
)  # fmt: skip
"""The columns of [`participant_records`][frivillig.records.participant_records]."""

GOAL_COLUMNS = Schema(
    "goal",
    (
        *_KEYS,
        _c("goal_id", str, "The goal's id within the collaboration."),
        _c("text", str, "The goal as the parties worded it."),
        *_enum("status", GoalStatus, "How far the goal has come."),
        _c("indicator_name", str, "What is measured.", nullable=True),
        _c("indicator_unit", str, "The indicator's unit.", nullable=True),
        _c("baseline", float, "The indicator's value at the start.", nullable=True),
        _c("target", float, "The value the parties aim for.", nullable=True),
        _c("wish_count", int, "How many wishes led to the goal."),
        _c("parties_with_wishes", int, "How many parties stated a wish for it."),
        _c("agreement_count", int, "How many parties agreed to it."),
        _c("party_count", int, "How many parties the collaboration has."),
        _c("agreed_by_all", bool, "Whether every party has agreed to it."),
        _c("first_agreed_on", dt.date, "The first agreement's date.", nullable=True),
        _c("last_agreed_on", dt.date, "The latest agreement's date.", nullable=True),
    ),
)
"""The columns of [`goal_records`][frivillig.records.goal_records]."""

TASK_COLUMNS = Schema(
    "task",
    (
        *_KEYS,
        _c("task_id", str, "The task's id within the collaboration."),
        _c("title", str, "What the task is."),
        *_enum("kind", TaskKind, "Hands, heads or both."),
        _c("offers", str, "What the task offers a volunteer (VFI functions), joined with ';'."),
        _c("exercises_authority", bool, "Whether the task exercises public authority."),
        _c("reserved", str, "Kinds of work reserved for staff in the task, joined with ';'."),
        _c("children_contact", bool, "Whether the task gives contact with children under 15."),
        _c("confidential_data", bool, "Whether the task handles confidential personal data."),
        _c("core_staff_task", bool, "Whether paid staff perform or performed the task."),
        _c("fixed_rota", bool, "Whether it has a fixed rota with a duty to find a substitute."),
        _c("directed_by_institution", bool, "Whether the institution directs the work."),
        _c("replaces_cut_post", bool, "Whether the task replaces a post that was cut."),
        _c("hours_per_week", float, "Hours a week the task asks of each volunteer.", nullable=True),
        _c("volunteer_count", int, "How many volunteers are assigned."),
        _c("led_by", str, "The id of the party that leads the task.", nullable=True),
        *_enum(
            "work_category",
            WorkCategory,
            "Activity or unpaid voluntary work, as the dagpenge and efterløn rules class it; "
            "empty when not recorded.",
            nullable=True,
        ),
    ),
)  # fmt: skip
"""The columns of [`task_records`][frivillig.records.task_records]."""

RESPONSE_COLUMNS = Schema(
    "response",
    (
        *_ROUND_KEYS,
        _c("party_id", str, "The id of the responding party."),
        _c("party_kind", str, "The kind of actor that responded.", nullable=True, enum=ActorKind),
        _c("satisfaction", int, "Satisfaction with the form of collaboration, 1-5.", nullable=True),
        _c("goals_reported", int, "How many goals the party reported progress on."),
        _c("instrument", str, "The id of the instrument answered.", nullable=True),
        _c("answer_count", int, "How many instrument items the response covers."),
        _c("answered_count", int, "How many of them were answered (not left empty)."),
        _c(
            "comment",
            str,
            "The party's free-text comment; empty unless include_personal=True "
            "(redact drops it), CPR-shaped numbers masked.",
            nullable=True,
        ),
        *_enum("decision", Decision, "The decision taken after the round.", nullable=True),
        _c("final", bool, "Whether the round is the final evaluation."),
    ),
)  # fmt: skip
"""The columns of [`response_records`][frivillig.records.response_records]."""

PROGRESS_COLUMNS = Schema(
    "progress",
    (
        *_ROUND_KEYS,
        _c("party_id", str, "The id of the party that reported."),
        _c("goal_id", str, "The goal reported on."),
        _c("value", float, "The reported value of the goal's indicator."),
        _c("baseline", float, "The indicator's baseline.", nullable=True),
        _c("target", float, "The indicator's target.", nullable=True),
    ),
)
"""The columns of [`progress_records`][frivillig.records.progress_records]."""

ANSWER_COLUMNS = Schema(
    "answer",
    (
        *_ROUND_KEYS,
        _c("party_id", str, "The id of the party that answered."),
        _c("instrument", str, "The id of the instrument.", nullable=True),
        _c("item_id", str, "The item's id within the instrument."),
        _c("value", float, "The answer; empty when the item was left unanswered.", nullable=True),
    ),
)
"""The columns of [`answer_records`][frivillig.records.answer_records]."""

RATING_COLUMNS = Schema(
    "rating",
    (
        *_ROUND_KEYS,
        _c("rater", str, "The id of the party that rates."),
        _c("ratee", str, "The id of the party rated."),
        *_enum("level", CollaborationLevel, "The Levels of Collaboration rung (ordered)."),
        _c("level_rank", int, "The rung as a number, 0 (none) to 5 (collaboration)."),
    ),
)
"""The columns of [`rating_records`][frivillig.records.rating_records]."""

SCORE_COLUMNS: tuple[Column, ...] = (
    _c(
        "score_goal_alignment",
        float,
        "Goal alignment, 0-100: how far the parties stated wishes and agreed on the goals.",
        nullable=True,
    ),
    _c(
        "score_equality",
        float,
        "Equality, 0-100: economic dependence weighed against shared decision making.",
        nullable=True,
    ),
    _c(
        "score_co_creation_readiness",
        float,
        "Co-creation readiness, 0-100: the parties' openness, equality and willingness to risk.",
        nullable=True,
    ),
    _c(
        "score_formalisation_fit",
        float,
        "Formalisation fit, 0-100: how well the formalisation fits what its risks call for.",
        nullable=True,
    ),
    _c(
        "score_volunteer_fit",
        float,
        "Volunteer fit, 0-100: how well the tasks give volunteers meaning, commitment and action.",
        nullable=True,
    ),
    _c(
        "score_evaluation_health",
        float,
        "Evaluation health, 0-100: evaluated on time, and every party satisfied.",
        nullable=True,
    ),
    _c(
        "score_collaboration_health",
        float,
        "Collaboration health, 0-100: the weighted mean of the six other scores.",
        nullable=True,
    ),
)
"""The score columns [`score_columns`][frivillig.records.score_columns] adds to the
collaboration rows: one per score of [`score_all`][frivillig.score_all], named
``score_<key>``, a float from 0 to 100, empty when the score had no material."""

COVERAGE_COLUMNS: tuple[Column, ...] = tuple(
    _c(
        f"coverage_{column.name.removeprefix('score_')}",
        float,
        f"The share (0-1) of the weight of {column.name} whose inputs were known; below 1, "
        "the score counts the unknown as the lowest it could be. Empty when the score had no "
        "material.",
        nullable=True,
    )
    for column in SCORE_COLUMNS
)
"""The coverage columns [`score_columns`][frivillig.records.score_columns] adds after the
score columns: one per score, ``coverage_<key>``, the share of its weight whose inputs
were known (see [`Score.coverage`][frivillig.Score])."""

SCORED_COLLABORATION_COLUMNS = COLLABORATION_COLUMNS.extend(*SCORE_COLUMNS, *COVERAGE_COLUMNS)
"""The columns of collaboration rows made with
``collaboration_records(items, extra=score_columns(today=...))``: those of
[`COLLABORATION_COLUMNS`][frivillig.records.COLLABORATION_COLUMNS], then
[`SCORE_COLUMNS`][frivillig.records.SCORE_COLUMNS] and
[`COVERAGE_COLUMNS`][frivillig.records.COVERAGE_COLUMNS]."""

FINDING_COLUMNS = Schema(
    "finding",
    (
        _c("collaboration_id", str, "The id of the collaboration the finding is in."),
        _c(
            "municipality_code",
            int,
            "The collaboration's municipality; empty when the rows come from a report, "
            "which does not name it.",
            nullable=True,
        ),
        _c("checked_on", dt.date, "The date the check was made for."),
        _c("code", str, "The code of the rule that found it, e.g. 'FR101'."),
        _c("name", str, "The rule's name, e.g. 'authority-task-given-to-volunteers'."),
        _c(
            "title",
            str,
            "The rule's title in the language asked for; empty for a rule the rulebook "
            "does not know (a report made with rules of your own).",
            nullable=True,
        ),
        *_enum("severity", Severity, "How serious it is: error, warning or info (ordered)."),
        _c("reason", str, "A short, stable kind of finding within the rule."),
        _c("message", str, "What is wrong and what to do, in the language asked for."),
        _c(
            "paths",
            str,
            "The JSON paths it points at, most important first, joined with ';'.",
        ),
        _c("source", str, "The law, guidance, agreement or practice behind the rule."),
        _c("personal", bool, "Whether the finding rests on a volunteer's personal data."),
    ),
)
"""The columns of [`finding_records`][frivillig.records.finding_records]."""

COLUMNS: Mapping[str, Schema] = MappingProxyType(
    {
        schema.name: schema
        for schema in (
            COLLABORATION_COLUMNS,
            PARTICIPANT_COLUMNS,
            GOAL_COLUMNS,
            TASK_COLUMNS,
            RESPONSE_COLUMNS,
            PROGRESS_COLUMNS,
            ANSWER_COLUMNS,
            RATING_COLUMNS,
            FINDING_COLUMNS,
        )
    }
)
"""Every record type's schema, by record type name."""


# -- turning collaborations into rows ------------------------------------------------------


def _error(message: str, code: str, path: str = "$") -> ValidationError:
    return ValidationError([Problem(path=path, message=message, code=code)])


def _masked(rows: Iterator[Record]) -> Iterator[Record]:
    """The rows, with every CPR-shaped number in a text value masked."""
    for row in rows:
        for name, value in row.items():
            if type(value) is str:
                row[name] = mask_cpr_like(value)
        yield row


def _check_personal(include_personal: object) -> bool:
    if not isinstance(include_personal, bool):
        msg = f"include_personal must be True or False, got {type(include_personal).__name__}"
        raise ArgumentTypeError(msg)
    return include_personal


def _check_lang(lang: object) -> Language:
    """The language asked for; the caller's mistake (a `UsageError`) when it is neither."""
    return require_language(lang)


def _collaborations(items: object) -> Iterator[Collaboration]:
    if isinstance(items, Collaboration):
        yield items
        return
    if isinstance(items, Portfolio):
        yield from items.collaborations
        return
    iterator = _iterate(items, "collaborations or portfolios, or an iterable of them")
    for index, item in enumerate(iterator):
        if isinstance(item, Collaboration):
            yield item
        elif isinstance(item, Portfolio):
            yield from item.collaborations
        else:
            msg = (
                f"items[{index}] must be a Collaboration or a Portfolio, got "
                f"{type(item).__name__}; frivillig.batch.iter_collaborations reads documents "
                "and leaves bad ones out"
            )
            raise ArgumentTypeError(msg)


def _iterate(items: object, expected: str, name: str = "items") -> Iterator[object]:
    """An iterator over ``items``; the caller's mistake when they are not iterable."""
    try:
        return iter(items)  # type: ignore[call-overload,no-any-return,unused-ignore]
    except TypeError:
        msg = f"{name} must be {expected}, got {type(items).__name__}"
        raise ArgumentTypeError(msg) from None


def _joined(members: Iterable[LabelledEnum]) -> str:
    return SEPARATOR.join(member.value for member in members)


def _value(member: LabelledEnum | None) -> str | None:
    return None if member is None else member.value


def _label(member: LabelledEnum | None, lang: Language) -> str | None:
    return None if member is None else member.label(lang)


def _keys(collaboration: Collaboration) -> Record:
    return {
        "collaboration_id": collaboration.id,
        "municipality_code": collaboration.municipality_code,
    }


def _round_keys(collaboration: Collaboration, number: int, round_: EvaluationRound) -> Record:
    return {
        "collaboration_id": collaboration.id,
        "municipality_code": collaboration.municipality_code,
        "round_id": round_.id,
        "round_number": number,
        "held_on": round_.held_on,
    }


def _kinds(collaboration: Collaboration) -> dict[str, ActorKind]:
    return {participant.id: participant.actor.kind for participant in collaboration.participants}


def collaboration_records(
    items: Items,
    *,
    lang: Language = "en",
    extra: Callable[[Collaboration], Mapping[str, Any]] | None = None,
) -> Iterator[Record]:
    """Yield one row per collaboration: what it is, where it stands, and counts of its parts.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).
        lang: The language of the ``*_label`` columns.
        extra: A function that returns more columns for a collaboration, added
            after the standard ones (for example its scores). Its names must not
            be those of [`COLLABORATION_COLUMNS`][frivillig.records.COLLABORATION_COLUMNS].

    Returns:
        An iterator of rows with the columns of ``COLLABORATION_COLUMNS``, then
        those ``extra`` returns.

    Raises:
        ArgumentTypeError: ``lang`` is not a string, or an item is not a
            collaboration or portfolio (met when read).
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``,
            or ``extra`` returns a standard column's name.
    """
    language = _check_lang(lang)
    return _masked(_collaboration_rows(items, language, extra))


def _collaboration_rows(
    items: Items, lang: Language, extra: Callable[[Collaboration], Mapping[str, Any]] | None
) -> Iterator[Record]:
    for c in _collaborations(items):
        kinds = _kinds(c)
        plan = c.evaluation_plan
        last = c.rounds[-1] if c.rounds else None
        shares = [
            p.budget_share_from_municipality
            for p in c.participants
            if p.budget_share_from_municipality is not None
        ]
        parties = c.party_ids
        row: Record = {
            **_keys(c),
            "municipality_name": get_municipality(c.municipality_code).name,
            "title": c.title,
            "status": c.status.value,
            "status_label": c.status.label(lang),
            "ended_from": _value(c.ended_from),
            "ended_from_label": _label(c.ended_from, lang),
            "formalisation": c.formalisation.value,
            "formalisation_label": c.formalisation.label(lang),
            "governance_mode": c.governance_mode.value,
            "governance_mode_label": c.governance_mode.label(lang),
            "welfare_role": c.welfare_role.value,
            "welfare_role_label": c.welfare_role.label(lang),
            "volunteer_model": c.volunteer_model.value,
            "volunteer_model_label": c.volunteer_model.label(lang),
            "start_on": c.start_on,
            "end_on": c.end_on,
            "initiator": c.initiator,
            "initiator_kind": _value(kinds.get(c.initiator or "")),
            "purposes": _joined(c.purposes),
            "purpose_count": len(c.purposes),
            "participant_count": len(c.participants),
            "goal_count": len(c.goals),
            "goals_agreed_by_all": sum(parties <= goal.agreed_by() for goal in c.goals),
            "task_count": len(c.tasks),
            "volunteer_count": len(c.volunteers),
            "responsibilities_held": len(c.responsibilities),
            "most_responsibilities_per_holder": _most_per_holder(c),
            "max_budget_share_from_municipality": max(shares) if shares else None,
            "has_agreement": c.agreement is not None,
            "agreement_signed_on": None if c.agreement is None else c.agreement.signed_on,
            "has_forum": c.forum is not None,
            "has_evaluation_plan": plan is not None,
            "evaluation_rrule": None if plan is None else plan.rrule,
            "first_evaluation_on": None if plan is None else plan.first_date,
            "round_count": len(c.rounds),
            "last_round_on": None if last is None else last.held_on,
            "last_decision": _value(None if last is None else last.decision),
            "last_decision_label": _label(None if last is None else last.decision, lang),
        }
        if extra is not None:
            more = extra(c)
            clash = sorted(set(more) & set(row))
            if clash:
                msg = f"extra returns {', '.join(clash)}, which are standard columns"
                raise ArgumentValueError(msg)
            row.update(more)
        yield row


def _most_per_holder(c: Collaboration) -> int | None:
    counts: dict[str, int] = {}
    for holder in c.responsibility_holders.values():
        counts[holder] = counts.get(holder, 0) + 1
    return max(counts.values(), default=None)


def participant_records(items: Items, *, lang: Language = "en") -> Iterator[Record]:
    """Yield one row per party to each collaboration: who it is and how it takes part.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).
        lang: The language of the ``*_label`` columns.

    Returns:
        An iterator of rows with the columns of
        [`PARTICIPANT_COLUMNS`][frivillig.records.PARTICIPANT_COLUMNS].

    Raises:
        ArgumentTypeError: ``lang`` is not a string, or an item is not a
            collaboration or portfolio (met when read).
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.
    """
    language = _check_lang(lang)
    return _masked(_participant_rows(items, language))


def _participant_rows(items: Items, lang: Language) -> Iterator[Record]:
    for c in _collaborations(items):
        held: dict[str, list[str]] = {}
        for task, holder in c.responsibilities.items():
            held.setdefault(holder, []).append(task.value)
        for p in c.participants:
            kind = p.actor.kind
            readiness = p.readiness
            yield {
                **_keys(c),
                "party_id": p.id,
                "actor_kind": kind.value,
                "actor_kind_label": kind.label(lang),
                "sector": kind.sector.value,
                "sector_label": kind.sector.label(lang),
                "actor_name": p.actor.name,
                "cvr": getattr(p.actor, "cvr", None),
                "roles": _joined(p.roles),
                "resources": _joined(p.resources),
                "is_initiator": c.initiator == p.id,
                "budget_share_from_municipality": p.budget_share_from_municipality,
                "key_persons": p.key_persons,
                "support_schemes": None
                if p.support_schemes is None
                else _joined(p.support_schemes),
                "funding_dkk_per_year": p.funding_dkk_per_year,
                "readiness_openness": None if readiness is None else readiness.openness,
                "readiness_equality": None if readiness is None else readiness.equality,
                "readiness_risk_willingness": None
                if readiness is None
                else readiness.risk_willingness,
                "wishes_stated": sum(w.party == p.id for g in c.goals for w in g.wishes),
                "goals_agreed": sum(p.id in g.agreed_by() for g in c.goals),
                "responsibilities": SEPARATOR.join(held.get(p.id, ())),
            }


def goal_records(items: Items, *, lang: Language = "en") -> Iterator[Record]:
    """Yield one row per goal: its indicator, the wishes behind it and who agreed.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).
        lang: The language of the ``*_label`` columns.

    Returns:
        An iterator of rows with the columns of
        [`GOAL_COLUMNS`][frivillig.records.GOAL_COLUMNS].

    Raises:
        ArgumentTypeError: ``lang`` is not a string, or an item is not a
            collaboration or portfolio (met when read).
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.
    """
    language = _check_lang(lang)
    return _masked(_goal_rows(items, language))


def _goal_rows(items: Items, lang: Language) -> Iterator[Record]:
    for c in _collaborations(items):
        parties = c.party_ids
        for goal in c.goals:
            indicator = goal.indicator
            dates = sorted(a.agreed_on for a in goal.agreements)
            yield {
                **_keys(c),
                "goal_id": goal.id,
                "text": goal.text,
                "status": goal.status.value,
                "status_label": goal.status.label(lang),
                "indicator_name": None if indicator is None else indicator.name,
                "indicator_unit": None if indicator is None else indicator.unit,
                "baseline": None if indicator is None else indicator.baseline,
                "target": None if indicator is None else indicator.target,
                "wish_count": len(goal.wishes),
                "parties_with_wishes": len({w.party for w in goal.wishes}),
                "agreement_count": len(goal.agreements),
                "party_count": len(parties),
                "agreed_by_all": parties <= goal.agreed_by(),
                "first_agreed_on": dates[0] if dates else None,
                "last_agreed_on": dates[-1] if dates else None,
            }


def task_records(items: Items, *, lang: Language = "en") -> Iterator[Record]:
    """Yield one row per task: what volunteers do and the facts the limits depend on.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).
        lang: The language of the ``*_label`` columns.

    Returns:
        An iterator of rows with the columns of
        [`TASK_COLUMNS`][frivillig.records.TASK_COLUMNS].

    Raises:
        ArgumentTypeError: ``lang`` is not a string, or an item is not a
            collaboration or portfolio (met when read).
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.
    """
    language = _check_lang(lang)
    return _masked(_task_rows(items, language))


def _task_rows(items: Items, lang: Language) -> Iterator[Record]:
    for c in _collaborations(items):
        for task in c.tasks:
            yield {
                **_keys(c),
                "task_id": task.id,
                "title": task.title,
                "kind": task.kind.value,
                "kind_label": task.kind.label(lang),
                "offers": _joined(task.offers),
                "exercises_authority": task.exercises_authority,
                "reserved": _joined(task.reserved),
                "children_contact": task.children_contact,
                "confidential_data": task.confidential_data,
                "core_staff_task": task.core_staff_task,
                "fixed_rota": task.fixed_rota,
                "directed_by_institution": task.directed_by_institution,
                "replaces_cut_post": task.replaces_cut_post,
                "hours_per_week": task.hours_per_week,
                "volunteer_count": len(task.volunteers),
                "led_by": task.led_by,
                "work_category": _value(task.work_category),
                "work_category_label": _label(task.work_category, lang),
            }


def response_records(
    items: Items, *, lang: Language = "en", include_personal: bool = False
) -> Iterator[Record]:
    """Yield one row per party's response in each evaluation round.

    The response's goal progress and instrument answers are counted here; their
    values are in [`progress_records`][frivillig.records.progress_records] and
    [`answer_records`][frivillig.records.answer_records]. The free-text
    ``comment`` is a field [`redact`][frivillig.redact] drops, so its column is
    empty unless ``include_personal`` is true.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).
        lang: The language of the ``*_label`` columns.
        include_personal: Fill the ``comment`` column with each response's
            comment (CPR-shaped numbers masked); only for a use that may see
            what parties wrote.

    Returns:
        An iterator of rows with the columns of
        [`RESPONSE_COLUMNS`][frivillig.records.RESPONSE_COLUMNS].

    Raises:
        ArgumentTypeError: ``lang`` is not a string, ``include_personal`` is not
            a bool, or an item is not a collaboration or portfolio (met when read).
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.

    Examples:
        >>> import attrs
        >>> import frivillig
        >>> from frivillig import records
        >>> collaboration = frivillig.load_example()
        >>> first = collaboration.rounds[0]
        >>> response = attrs.evolve(first.responses[0], comment="Ring 211062-5629")
        >>> first = attrs.evolve(first, responses=(response, *first.responses[1:]))
        >>> commented = attrs.evolve(collaboration, rounds=(first, *collaboration.rounds[1:]))
        >>> next(records.response_records(commented))["comment"] is None
        True
        >>> next(records.response_records(commented, include_personal=True))["comment"]
        'Ring [CPR]'
    """
    language = _check_lang(lang)
    personal = _check_personal(include_personal)
    return _masked(_response_rows(items, language, personal))


def _response_rows(items: Items, lang: Language, personal: bool) -> Iterator[Record]:
    for c in _collaborations(items):
        kinds = _kinds(c)
        for number, round_ in enumerate(c.rounds, start=1):
            keys = _round_keys(c, number, round_)
            for response in round_.responses:
                yield {
                    **keys,
                    "party_id": response.party,
                    "party_kind": _value(kinds.get(response.party)),
                    "satisfaction": response.satisfaction,
                    "goals_reported": len(response.goal_progress),
                    "instrument": response.instrument,
                    "answer_count": len(response.answers),
                    "answered_count": sum(v is not None for v in response.answers.values()),
                    "comment": response.comment if personal else None,
                    "decision": _value(round_.decision),
                    "decision_label": _label(round_.decision, lang),
                    "final": round_.final,
                }


def progress_records(items: Items) -> Iterator[Record]:
    """Yield one row per goal a party reported progress on in a round (long format).

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).

    Returns:
        An iterator of rows with the columns of
        [`PROGRESS_COLUMNS`][frivillig.records.PROGRESS_COLUMNS].

    Raises:
        ArgumentTypeError: an item is not a collaboration or portfolio (met when read).
    """
    return _masked(_progress_rows(items))


def _progress_rows(items: Items) -> Iterator[Record]:
    for c in _collaborations(items):
        indicators = {goal.id: goal.indicator for goal in c.goals}
        for number, round_ in enumerate(c.rounds, start=1):
            keys = _round_keys(c, number, round_)
            for response in round_.responses:
                for goal_id, value in response.goal_progress.items():
                    indicator = indicators.get(goal_id)
                    yield {
                        **keys,
                        "party_id": response.party,
                        "goal_id": goal_id,
                        "value": float(value),
                        "baseline": None if indicator is None else indicator.baseline,
                        "target": None if indicator is None else indicator.target,
                    }


def answer_records(items: Items) -> Iterator[Record]:
    """Yield one row per instrument item a party answered in a round (long format).

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).

    Returns:
        An iterator of rows with the columns of
        [`ANSWER_COLUMNS`][frivillig.records.ANSWER_COLUMNS].

    Raises:
        ArgumentTypeError: an item is not a collaboration or portfolio (met when read).
    """
    return _masked(_answer_rows(items))


def _answer_rows(items: Items) -> Iterator[Record]:
    for c in _collaborations(items):
        for number, round_ in enumerate(c.rounds, start=1):
            keys = _round_keys(c, number, round_)
            for response in round_.responses:
                for item_id, value in response.answers.items():
                    yield {
                        **keys,
                        "party_id": response.party,
                        "instrument": response.instrument,
                        "item_id": item_id,
                        "value": None if value is None else float(value),
                    }


def rating_records(items: Items, *, lang: Language = "en") -> Iterator[Record]:
    """Yield one row per dyadic rating: how one party rates its relation to another.

    Args:
        items: A collaboration, a portfolio, or an iterable of either (read lazily).
        lang: The language of the ``*_label`` columns.

    Returns:
        An iterator of rows with the columns of
        [`RATING_COLUMNS`][frivillig.records.RATING_COLUMNS].

    Raises:
        ArgumentTypeError: ``lang`` is not a string, or an item is not a
            collaboration or portfolio (met when read).
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.
    """
    language = _check_lang(lang)
    return _masked(_rating_rows(items, language))


def _rating_rows(items: Items, lang: Language) -> Iterator[Record]:
    for c in _collaborations(items):
        for number, round_ in enumerate(c.rounds, start=1):
            keys = _round_keys(c, number, round_)
            for rating in round_.ratings:
                yield {
                    **keys,
                    "rater": rating.rater,
                    "ratee": rating.ratee,
                    "level": rating.level.value,
                    "level_label": rating.level.label(lang),
                    "level_rank": rating.level.rank,
                }


# -- scores and findings ---------------------------------------------------------------------

_SCORE_KEYS = (*COMPONENTS, "collaboration_health")


def _check_score_settings(settings: object) -> ScoreSettings | None:
    if settings is None:
        return None
    return require_instance(settings, ScoreSettings, "settings", "ScoreSettings")


def score_columns(
    *, today: dt.date, settings: ScoreSettings | None = None
) -> Callable[[Collaboration], Record]:
    """Return an ``extra`` function that adds a collaboration's scores to its row.

    Each score of [`score_all`][frivillig.score_all] becomes a column
    ``score_<key>``: a float from 0 to 100, or ``None`` when the score had no
    material (no goals, no rounds); after them, each score's coverage becomes a
    column ``coverage_<key>``, the share of its weight whose inputs were known
    (below 1, the score counts the unknown as the lowest it could be). The
    scores judge the collaboration as of ``today``: punctuality of evaluations
    depends on the date. Pass the result
    as ``extra`` to [`collaboration_records`][frivillig.records.collaboration_records]
    and use [`SCORED_COLLABORATION_COLUMNS`][frivillig.records.SCORED_COLLABORATION_COLUMNS]
    as the schema.

    Args:
        today: The day to judge on; the library never reads the clock.
        settings: The score settings; the defaults when ``None``.

    Returns:
        A function from a collaboration to its score columns, in the order of
        [`SCORE_COLUMNS`][frivillig.records.SCORE_COLUMNS], then its coverage
        columns, in the order of [`COVERAGE_COLUMNS`][frivillig.records.COVERAGE_COLUMNS].

    Raises:
        ArgumentTypeError: ``today`` is not a ``datetime.date`` (a ``datetime`` is
            refused), or ``settings`` is not [`ScoreSettings`][frivillig.ScoreSettings].
            Scoring a collaboration raises as [`score_all`][frivillig.score_all]
            does, e.g. for an answer to an unknown instrument.

    Examples:
        >>> import datetime as dt
        >>> import frivillig
        >>> from frivillig import records
        >>> scores = records.score_columns(today=dt.date(2026, 11, 27))
        >>> (row,) = records.collaboration_records(frivillig.load_example(), extra=scores)
        >>> round(row["score_goal_alignment"], 1)
        100.0
        >>> list(row)[-1], list(row) == list(records.SCORED_COLLABORATION_COLUMNS)
        ('coverage_collaboration_health', True)
    """
    day = require_date(today)
    chosen = _check_score_settings(settings)

    def scores(collaboration: Collaboration) -> Record:
        found = score_all(collaboration, today=day, settings=chosen)
        row: Record = {f"score_{key}": found[key].value for key in _SCORE_KEYS}
        row.update((f"coverage_{key}", found[key].coverage) for key in _SCORE_KEYS)
        return row

    return scores


FindingItems = Report | Collaboration | Portfolio | Iterable[Report | Collaboration | Portfolio]


def finding_records(
    items: FindingItems,
    *,
    today: dt.date | None = None,
    lang: Language = "en",
    rulebook: Rulebook | None = None,
    settings: CheckSettings | None = None,
) -> Iterator[Record]:
    """Yield one row per finding of the rule check: which rule, how serious, where and why.

    Collaborations (alone, in a portfolio, or in an iterable) are checked one
    at a time with [`check`][frivillig.check] as of ``today``; their paths
    point into the collaboration's own document (``$.tasks[1]``). Reports
    already made are read as they are, paths and all; their rows have no
    ``municipality_code``, since a report does not name it. A collaboration
    without findings gives no rows.

    Args:
        items: Collaborations, portfolios or [`Report`][frivillig.Report]s, or
            an iterable of them (read lazily).
        today: The day to check on; needed when ``items`` holds collaborations.
        lang: The language of the ``message`` and ``severity_label`` columns.
        rulebook: The rules to run; the default rulebook when ``None``.
        settings: Thresholds to use instead of the rulebook's own.

    Returns:
        An iterator of rows with the columns of
        [`FINDING_COLUMNS`][frivillig.records.FINDING_COLUMNS], most severe first
        within each collaboration.

    Raises:
        ArgumentTypeError: ``today`` is not a ``datetime.date`` (a ``datetime``
            or a string is refused), or is missing while ``items`` holds a
            collaboration (checked when called if ``items`` is a collaboration, a
            portfolio, a list or a tuple, else when the collaboration is met);
            ``lang`` is not a string; ``rulebook`` or ``settings`` has the wrong
            type; or an item is none of the above. As
            [`check`][frivillig.check] does, a wrong argument is the calling
            code's mistake (a [`UsageError`][frivillig.errors.UsageError]),
            never a ``ValidationError``.
        ArgumentValueError: ``lang`` is a string other than ``"da"`` or ``"en"``.

    Examples:
        >>> import datetime as dt
        >>> import frivillig
        >>> from frivillig import records
        >>> broken = frivillig.load_example("limits_broken")
        >>> rows = list(records.finding_records(broken, today=dt.date(2026, 11, 27)))
        >>> rows[0]["code"], rows[0]["severity"], rows[0]["paths"]
        ('FR101', 'error', '$.tasks[1]')
    """
    language = _check_lang(lang)
    if today is not None:
        day: dt.date | None = require_date(today)
    elif _holds_collaborations(items):
        raise _missing_today()
    else:
        day = None
    book, chosen = _check_rulebook(rulebook, settings)
    return _masked(_finding_rows(items, day, language, book, chosen))


def _holds_collaborations(items: object) -> bool:
    """Whether ``items`` holds a collaboration, as far as can be seen without consuming it."""
    if isinstance(items, list | tuple):
        return any(isinstance(item, Collaboration | Portfolio) for item in items)
    return isinstance(items, Collaboration | Portfolio)


def _missing_today() -> ArgumentTypeError:
    msg = (
        "today must be a datetime.date to check collaborations, got None; "
        "pass the day to check on (only reports already made need none)"
    )
    return ArgumentTypeError(msg)


def _check_rulebook(rulebook: object, settings: object) -> tuple[Rulebook, CheckSettings | None]:
    """The rulebook (the default one for ``None``) and the settings, or the caller's mistake."""
    book = DEFAULT_RULEBOOK if rulebook is None else rulebook
    book = require_instance(book, Rulebook, "rulebook")
    if settings is None:
        return book, None
    return book, require_instance(settings, CheckSettings, "settings", "CheckSettings")


def _rule_titles(rulebook: Rulebook, lang: Language) -> dict[str, str]:
    """The title of every rule of a rulebook, by code, in the language asked for."""
    return {rule.code: rule.title(lang) for rule in rulebook}


def _reports(
    items: object,
    today: dt.date | None,
    rulebook: Rulebook | None,
    settings: CheckSettings | None,
) -> Iterator[tuple[Report, int | None]]:
    def checked(collaboration: Collaboration) -> tuple[Report, int | None]:
        if today is None:
            raise _missing_today()
        report = check(collaboration, today=today, rulebook=rulebook, settings=settings)
        return report, collaboration.municipality_code

    if isinstance(items, Report):
        yield items, None
        return
    if isinstance(items, Collaboration | Portfolio):
        items = [items]
    iterator = _iterate(items, "collaborations, portfolios or reports, or an iterable of them")
    for index, item in enumerate(iterator):
        if isinstance(item, Report):
            yield item, None
        elif isinstance(item, Collaboration):
            yield checked(item)
        elif isinstance(item, Portfolio):
            for collaboration in item.collaborations:
                yield checked(collaboration)
        else:
            msg = (
                f"items[{index}] must be a Collaboration, a Portfolio or a Report, "
                f"got {type(item).__name__}"
            )
            raise ArgumentTypeError(msg)


def _finding_rows(
    items: FindingItems,
    today: dt.date | None,
    lang: Language,
    rulebook: Rulebook,
    settings: CheckSettings | None,
) -> Iterator[Record]:
    titles = _rule_titles(rulebook, lang)
    for report, code in _reports(items, today, rulebook, settings):
        for finding in report.findings:
            yield {
                "collaboration_id": finding.collaboration or report.subject,
                "municipality_code": code,
                "checked_on": report.today,
                "code": finding.code,
                "name": finding.name,
                "title": titles.get(finding.code),
                "severity": finding.severity.value,
                "severity_label": finding.severity.label(lang),
                "reason": finding.reason,
                "message": finding.message(lang),
                "paths": SEPARATOR.join(finding.paths),
                "source": finding.source,
                "personal": finding.personal,
            }


# -- DataFrames ----------------------------------------------------------------------------


class MissingExtraError(FrivilligError, ImportError):
    """An optional dependency is not installed; the message says which extra to install."""


def _import(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        msg = (
            f"this needs {module}, which is not installed; "
            f"install it with: pip install 'frivillig[{extra}]'"
        )
        raise MissingExtraError(msg) from None


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


def _dtype_table() -> str:
    """The declared dtypes as a Markdown table, for the reference page (kept in step by a test)."""
    tables: dict[str, list[str]] = {}
    enums: dict[str, dict[str, str]] = {}
    for schema in COLUMNS.values():
        for column in schema.columns:
            tables.setdefault(column.name, []).append(schema.name)
            if column.enum is not None:
                enums.setdefault(column.name, {})[schema.name] = column.enum.__name__
    for column in (*SCORE_COLUMNS, *COVERAGE_COLUMNS):
        tables.setdefault(column.name, []).append("collaboration (scored)")
    everywhere = len(COLUMNS)
    lines = [
        "| column | tables | pandas | polars | categories |",
        "|---|---|---|---|---|",
    ]
    for name, dtype in _DTYPES.items():
        where = tables[name]
        shown = "all" if len(where) == everywhere else ", ".join(where)
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
        lines.append(f"| `{name}` | {shown} | {pandas} | `{dtype.polars}` | {categories} |")
    return "\n".join(lines) + "\n"
