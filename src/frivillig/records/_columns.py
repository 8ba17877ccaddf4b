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
    _c("collaboration_id", "Samarbejde (id)", str, "The collaboration's id."),
    _c(
        "municipality_code",
        "Kommunekode",
        int,
        "The official 3-digit code of the collaboration's municipality.",
    ),
)
_ROUND_KEYS = (
    *_KEYS,
    _c(
        "round_id",
        "Evalueringsrunde (id)",
        str,
        "The evaluation round's id within the collaboration.",
    ),
    _c(
        "round_number",
        "Rundens nummer",
        int,
        "The round's position among the collaboration's rounds, from 1.",
    ),
    _c("held_on", "Rundens dato", dt.date, "The date the round was held."),
)

COLLABORATION_COLUMNS = Schema(
    "collaboration",
    (
        *_KEYS,
        _c("municipality_name", "Kommune", str, "The municipality's short name, e.g. 'København'."),
        _c("title", "Titel", str, "The collaboration's title."),
        *_enum("status", "Status", LifecycleStatus, "Where it is in its lifecycle."),
        *_enum(
            "ended_from",
            "Afsluttet fra",
            LifecycleStatus,
            "For an ended collaboration, the status it ended from; empty when unknown.",
            nullable=True,
        ),
        *_enum(
            "formalisation",
            "Formalisering",
            FormalisationLevel,
            "How formal it is (an ordered level).",
        ),
        *_enum(
            "governance_mode",
            "Styringsform",
            GovernanceMode,
            "Autonomous or negotiated co-governance.",
        ),
        *_enum(
            "welfare_role",
            "Rolle i velfærden",
            WelfareRole,
            "Supplement, corrective or element of welfare.",
        ),
        *_enum(
            "volunteer_model",
            "Frivilligmodel",
            VolunteerModel,
            "Association, own volunteers, or both.",
        ),
        _c("start_on", "Startdato", dt.date, "When it started (or starts)."),
        _c("end_on", "Slutdato", dt.date, "When it ended (or is planned to end).", nullable=True),
        _c(
            "initiator",
            "Initiativtager (id)",
            str,
            "The id of the party that took the initiative.",
            nullable=True,
        ),
        _c(
            "initiator_kind",
            "Initiativtagers aktørtype",
            str,
            "The kind of actor that took the initiative.",
            nullable=True,
            enum=ActorKind,
        ),
        _c("purposes", "Formål", str, "The purposes it serves, joined with ';' ('' for none)."),
        _c("purpose_count", "Antal formål", int, "How many purposes it states."),
        _c("participant_count", "Antal parter", int, "How many parties take part."),
        _c("goal_count", "Antal mål", int, "How many goals it has."),
        _c(
            "goals_agreed_by_all",
            "Mål alle har tilsluttet sig",
            int,
            "How many goals every party has agreed to.",
        ),
        _c("task_count", "Antal opgaver", int, "How many tasks volunteers do."),
        _c("volunteer_count", "Antal frivillige", int, "How many volunteers it has."),
        _c(
            "responsibilities_held",
            "Ansvarsområder besat (af 5)",
            int,
            "How many of the five management tasks someone holds.",
        ),
        _c(
            "most_responsibilities_per_holder",
            "Flest ansvarsområder hos én ansvarshaver",
            int,
            "The most management tasks one named person (role holder) holds; empty when no "
            "holder is named.",
            nullable=True,
        ),
        _c(
            "max_budget_share_from_municipality",
            "Største budgetandel fra kommunen",
            float,
            "The highest share of a party's budget that comes from the municipality.",
            nullable=True,
        ),
        _c("has_agreement", "Skriftlig aftale", bool, "Whether there is a written agreement."),
        _c(
            "agreement_signed_on",
            "Aftale underskrevet",
            dt.date,
            "When the agreement was signed.",
            nullable=True,
        ),
        _c(
            "has_forum",
            "Har forum",
            bool,
            "Whether there is a forum where the parties set the agenda.",
        ),
        _c(
            "has_evaluation_plan", "Har evalueringsplan", bool, "Whether an evaluation plan exists."
        ),
        _c(
            "evaluation_rrule",
            "Evalueringsplanens gentagelse (RRULE)",
            str,
            "The plan's recurrence, as RRULE text.",
            nullable=True,
        ),
        _c(
            "first_evaluation_on",
            "Første evaluering",
            dt.date,
            "The plan's first date.",
            nullable=True,
        ),
        _c("round_count", "Antal evalueringsrunder", int, "How many evaluation rounds were held."),
        _c(
            "last_round_on",
            "Seneste evalueringsrunde",
            dt.date,
            "When the latest round was held.",
            nullable=True,
        ),
        *_enum(
            "last_decision",
            "Seneste beslutning",
            Decision,
            "The decision after the latest round.",
            nullable=True,
        ),
    ),
)
"""The columns of [`collaboration_records`][frivillig.records.collaboration_records]."""

PARTICIPANT_COLUMNS = Schema(
    "participant",
    (
        *_KEYS,
        _c("party_id", "Part (id)", str, "The party's id within the collaboration."),
        *_enum("actor_kind", "Aktørtype", ActorKind, "What kind of actor the party is."),
        *_enum("sector", "Sektor", Sector, "The sector the actor belongs to."),
        _c("actor_name", "Aktørens navn", str, "The actor's name."),
        _c("cvr", "CVR-nummer", str, "The actor's CVR number, if it has one.", nullable=True),
        _c("roles", "Roller", str, "The roles the party plays, joined with ';'."),
        _c("resources", "Ressourcer", str, "What the party brings, joined with ';'."),
        _c("is_initiator", "Tog initiativet", bool, "Whether the party took the initiative."),
        _c(
            "budget_share_from_municipality",
            "Budgetandel fra kommunen",
            float,
            "The share (0-1) of the party's budget that comes from the municipality.",
            nullable=True,
        ),
        _c(
            "key_persons",
            "Antal ildsjæle",
            int,
            "How many key persons carry the party's part.",
            nullable=True,
        ),
        _c(
            "support_schemes",
            "Støtteordninger",
            str,
            "The schemes the municipality supports the party under, joined with ';' ('' for "
            "none); empty when not recorded.",
            nullable=True,
        ),
        _c(
            "funding_dkk_per_year",
            "Bidrag (kr. om året)",
            int,
            "The money (DKK a year) the party puts into the collaboration.",
            nullable=True,
        ),
        _c("readiness_openness", "Åbenhed (1-5)", int, "The party's openness, 1-5.", nullable=True),
        _c(
            "readiness_equality",
            "Ligeværdighed (1-5)",
            int,
            "How far it meets others as equals, 1-5.",
            nullable=True,
        ),
        _c(
            "readiness_risk_willingness",
            "Risikovillighed (1-5)",
            int,
            "Its willingness to take risks, 1-5.",
            nullable=True,
        ),
        _c(
            "wishes_stated",
            "Antal ønsker",
            int,
            "How many wishes the party stated across the goals.",
        ),
        _c("goals_agreed", "Antal mål tilsluttet", int, "How many goals the party has agreed to."),
        _c(
            "responsibilities",
            "Ansvarsområder",
            str,
            "The management tasks the party holds, joined with ';'.",
        ),
    ),
)
"""The columns of [`participant_records`][frivillig.records.participant_records]."""

GOAL_COLUMNS = Schema(
    "goal",
    (
        *_KEYS,
        _c("goal_id", "Mål (id)", str, "The goal's id within the collaboration."),
        _c("text", "Mål", str, "The goal as the parties worded it."),
        *_enum("status", "Målstatus", GoalStatus, "How far the goal has come."),
        _c("indicator_name", "Indikator", str, "What is measured.", nullable=True),
        _c("indicator_unit", "Enhed", str, "The indicator's unit.", nullable=True),
        _c("baseline", "Udgangspunkt", float, "The indicator's value at the start.", nullable=True),
        _c("target", "Målværdi", float, "The value the parties aim for.", nullable=True),
        _c("wish_count", "Antal ønsker", int, "How many wishes led to the goal."),
        _c(
            "parties_with_wishes",
            "Parter med ønsker",
            int,
            "How many parties stated a wish for it.",
        ),
        _c("agreement_count", "Antal tilslutninger", int, "How many parties agreed to it."),
        _c("party_count", "Antal parter", int, "How many parties the collaboration has."),
        _c(
            "agreed_by_all",
            "Alle har tilsluttet sig",
            bool,
            "Whether every party has agreed to it.",
        ),
        _c(
            "first_agreed_on",
            "Første tilslutning",
            dt.date,
            "The first agreement's date.",
            nullable=True,
        ),
        _c(
            "last_agreed_on",
            "Seneste tilslutning",
            dt.date,
            "The latest agreement's date.",
            nullable=True,
        ),
    ),
)
"""The columns of [`goal_records`][frivillig.records.goal_records]."""

TASK_COLUMNS = Schema(
    "task",
    (
        *_KEYS,
        _c("task_id", "Opgave (id)", str, "The task's id within the collaboration."),
        _c("title", "Opgave", str, "What the task is."),
        *_enum("kind", "Opgavetype", TaskKind, "Hands, heads or both."),
        _c(
            "offers",
            "Giver den frivillige (VFI)",
            str,
            "What the task offers a volunteer (VFI functions), joined with ';'.",
        ),
        _c(
            "exercises_authority",
            "Myndighedsudøvelse",
            bool,
            "Whether the task exercises public authority.",
        ),
        _c(
            "reserved",
            "Forbeholdt ansatte",
            str,
            "Kinds of work reserved for staff in the task, joined with ';'.",
        ),
        _c(
            "children_contact",
            "Kontakt med børn under 15",
            bool,
            "Whether the task gives contact with children under 15.",
        ),
        _c(
            "confidential_data",
            "Fortrolige personoplysninger",
            bool,
            "Whether the task handles confidential personal data.",
        ),
        _c(
            "core_staff_task",
            "Kerneopgave for ansatte",
            bool,
            "Whether paid staff perform or performed the task.",
        ),
        _c(
            "fixed_rota",
            "Fast vagtplan",
            bool,
            "Whether it has a fixed rota with a duty to find a substitute.",
        ),
        _c(
            "directed_by_institution",
            "Ledet af institutionen",
            bool,
            "Whether the institution directs the work.",
        ),
        _c(
            "replaces_cut_post",
            "Erstatter nedlagt stilling",
            bool,
            "Whether the task replaces a post that was cut.",
        ),
        _c(
            "hours_per_week",
            "Timer om ugen",
            float,
            "Hours a week the task asks of each volunteer.",
            nullable=True,
        ),
        _c("volunteer_count", "Antal frivillige", int, "How many volunteers are assigned."),
        _c(
            "led_by",
            "Ledende part (id)",
            str,
            "The id of the party that leads the task.",
            nullable=True,
        ),
        *_enum(
            "work_category",
            "Arbejdskategori",
            WorkCategory,
            "Activity or unpaid voluntary work, as the dagpenge and efterløn rules class it; "
            "empty when not recorded.",
            nullable=True,
        ),
    ),
)
"""The columns of [`task_records`][frivillig.records.task_records]."""

RESPONSE_COLUMNS = Schema(
    "response",
    (
        *_ROUND_KEYS,
        _c("party_id", "Besvarende part (id)", str, "The id of the responding party."),
        _c(
            "party_kind",
            "Partens aktørtype",
            str,
            "The kind of actor that responded.",
            nullable=True,
            enum=ActorKind,
        ),
        _c(
            "satisfaction",
            "Tilfredshed (1-5)",
            int,
            "Satisfaction with the form of collaboration, 1-5.",
            nullable=True,
        ),
        _c(
            "goals_reported",
            "Antal mål rapporteret",
            int,
            "How many goals the party reported progress on.",
        ),
        _c(
            "instrument",
            "Spørgeskema (id)",
            str,
            "The id of the instrument answered.",
            nullable=True,
        ),
        _c("answer_count", "Antal udsagn", int, "How many instrument items the response covers."),
        _c(
            "answered_count",
            "Antal besvarede",
            int,
            "How many of them were answered (not left empty).",
        ),
        _c(
            "comment",
            "Kommentar",
            str,
            "The party's free-text comment; empty unless include_personal=True "
            "(redact drops it), CPR-shaped numbers masked.",
            nullable=True,
        ),
        *_enum(
            "decision", "Beslutning", Decision, "The decision taken after the round.", nullable=True
        ),
        _c("final", "Slutevaluering", bool, "Whether the round is the final evaluation."),
    ),
)
"""The columns of [`response_records`][frivillig.records.response_records]."""

PROGRESS_COLUMNS = Schema(
    "progress",
    (
        *_ROUND_KEYS,
        _c("party_id", "Rapporterende part (id)", str, "The id of the party that reported."),
        _c("goal_id", "Mål (id)", str, "The goal reported on."),
        _c("value", "Rapporteret værdi", float, "The reported value of the goal's indicator."),
        _c("baseline", "Udgangspunkt", float, "The indicator's baseline.", nullable=True),
        _c("target", "Målværdi", float, "The indicator's target.", nullable=True),
    ),
)
"""The columns of [`progress_records`][frivillig.records.progress_records]."""

ANSWER_COLUMNS = Schema(
    "answer",
    (
        *_ROUND_KEYS,
        _c("party_id", "Besvarende part (id)", str, "The id of the party that answered."),
        _c("instrument", "Spørgeskema (id)", str, "The id of the instrument.", nullable=True),
        _c("item_id", "Udsagn (id)", str, "The item's id within the instrument."),
        _c(
            "value",
            "Svar",
            float,
            "The answer; empty when the item was left unanswered.",
            nullable=True,
        ),
    ),
)
"""The columns of [`answer_records`][frivillig.records.answer_records]."""

RATING_COLUMNS = Schema(
    "rating",
    (
        *_ROUND_KEYS,
        _c("rater", "Vurderende part (id)", str, "The id of the party that rates."),
        _c("ratee", "Vurderet part (id)", str, "The id of the party rated."),
        *_enum(
            "level",
            "Samarbejdsniveau",
            CollaborationLevel,
            "The Levels of Collaboration rung (ordered).",
        ),
        _c(
            "level_rank",
            "Samarbejdsniveau (trin)",
            int,
            "The rung as a number, 0 (none) to 5 (collaboration).",
        ),
    ),
)
"""The columns of [`rating_records`][frivillig.records.rating_records]."""

HOURS_COLUMNS = Schema(
    "hours",
    (
        *_KEYS,
        _c("task_id", "Opgave (id)", str, "The task's id within the collaboration."),
        *_enum(
            "work_category",
            "Arbejdskategori",
            WorkCategory,
            "Activity or unpaid voluntary work, as the dagpenge and efterløn rules class it; "
            "empty when not recorded.",
            nullable=True,
        ),
        _c(
            "month",
            "Måned",
            dt.date,
            "The calendar month the hours were given in, as its first day (2026-03-01).",
        ),
        _c(
            "volunteers",
            "Frivillige med timer",
            int,
            "How many volunteers logged hours on the task that month (1 in a row of one "
            "volunteer).",
        ),
        _c(
            "hours",
            "Timer",
            float,
            "The hours they gave the task that month, added up over the volunteers.",
        ),
        _c(
            "volunteer_id",
            "Frivillig (id)",
            str,
            "The volunteer's pseudonymous id; empty unless include_personal=True, which "
            "gives one row per volunteer, task and month.",
            nullable=True,
        ),
    ),
)
"""The columns of [`hours_records`][frivillig.records.hours_records]."""

SCORE_COLUMNS: tuple[Column, ...] = (
    _c(
        "score_goal_alignment",
        "Målafstemning (score)",
        float,
        "Goal alignment, 0-100: how far the parties stated wishes and agreed on the goals.",
        nullable=True,
    ),
    _c(
        "score_equality",
        "Ligeværd (score)",
        float,
        "Equality, 0-100: economic dependence weighed against shared decision making.",
        nullable=True,
    ),
    _c(
        "score_co_creation_readiness",
        "Parathed til samskabelse (score)",
        float,
        "Co-creation readiness, 0-100: the parties' openness, equality and willingness to risk.",
        nullable=True,
    ),
    _c(
        "score_formalisation_fit",
        "Passende formalisering (score)",
        float,
        "Formalisation fit, 0-100: how well the formalisation fits what its risks call for.",
        nullable=True,
    ),
    _c(
        "score_volunteer_fit",
        "Match mellem frivillige og opgaver (score)",
        float,
        "Volunteer fit, 0-100: how well the tasks give volunteers meaning, commitment and action.",
        nullable=True,
    ),
    _c(
        "score_evaluation_health",
        "Evalueringens sundhed (score)",
        float,
        "Evaluation health, 0-100: evaluated on time, and every party satisfied.",
        nullable=True,
    ),
    _c(
        "score_collaboration_health",
        "Samarbejdets sundhed (score)",
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
        f"Dækning: {(column.title_da or column.name).removesuffix(' (score)')}",
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
        _c(
            "collaboration_id",
            "Samarbejde (id)",
            str,
            "The id of the collaboration the finding is in.",
        ),
        _c(
            "municipality_code",
            "Kommunekode",
            int,
            "The collaboration's municipality; empty when the rows come from a report, "
            "which does not name it.",
            nullable=True,
        ),
        _c("checked_on", "Kontroldato", dt.date, "The date the check was made for."),
        _c("code", "Regelkode", str, "The code of the rule that found it, e.g. 'FR101'."),
        _c("name", "Regelnavn", str, "The rule's name, e.g. 'authority-task-given-to-volunteers'."),
        _c(
            "title",
            "Regel",
            str,
            "The rule's title in the language asked for; empty for a rule the rulebook "
            "does not know (a report made with rules of your own).",
            nullable=True,
        ),
        *_enum(
            "severity",
            "Alvorlighed",
            Severity,
            "How serious it is: error, warning or info (ordered).",
        ),
        _c("reason", "Årsag", str, "A short, stable kind of finding within the rule."),
        _c("message", "Besked", str, "What is wrong and what to do, in the language asked for."),
        _c(
            "paths",
            "Stier (JSON)",
            str,
            "The JSON paths it points at, most important first, joined with ';'.",
        ),
        _c("source", "Kilde", str, "The law, guidance, agreement or practice behind the rule."),
        _c(
            "personal",
            "Bygger på personoplysninger",
            bool,
            "Whether the finding rests on a volunteer's personal data.",
        ),
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
            HOURS_COLUMNS,
            FINDING_COLUMNS,
        )
    }
)
"""Every record type's schema, by record type name."""
