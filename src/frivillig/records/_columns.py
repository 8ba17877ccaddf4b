"""The schemas of the library's record types, and `COLUMNS`, which holds them all."""

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType

from .._model.actors import ActorKind, Sector
from .._model.collaboration import GovernanceMode, LifecycleStatus, VolunteerModel, WelfareRole
from .._model.evaluation import Decision
from .._model.formalisation import CollaborationLevel, FormalisationLevel
from .._model.goals import GoalStatus
from .._model.tasks import TaskKind, WorkCategory
from .._rules.engine import Severity
from ._schema import Column, Schema, _c, _enum

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
