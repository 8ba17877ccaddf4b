"""Hypothesis strategies for frivillig's objects, for property-based tests.

A system that embeds frivillig (a grant system, a case system, a volunteer
portal, a data warehouse) can test its own code against realistic, valid
collaborations, portfolios and volunteer policies, and against documents that
are *nearly* valid. Every strategy here builds its objects valid by
construction: each field passes its validator, every id named inside a
collaboration refers to one of its parties, volunteers or goals, dates come in
order, evaluation rounds fall on the dates of the evaluation plan, and a
collaboration in a given lifecycle status holds what the lifecycle demands to
have reached it (every goal agreed by every party once it is active, a decided
round before it is continued or adjusted, a final round before it ends after an
evaluation).

The module needs Hypothesis, which is an optional dependency: install
``frivillig[hypothesis]``. ``import frivillig`` never imports it. Installing
frivillig also registers these strategies with Hypothesis through its
``hypothesis`` entry point, so ``st.from_type(Collaboration)`` works in a test
suite without importing this module.

Strategies follow Hypothesis's own conventions: plural names, keyword-only
arguments, ``min_*``/``max_*`` bounds, strategies as arguments where a value
varies, and ``hypothesis.errors.InvalidArgument`` when the arguments are
inconsistent or make it impossible to build anything.

They are also built to be quick to draw, so that they fit in a test suite's
time and Hypothesis's health checks: a record (a party, a goal, a task, a
volunteer, a round) reads its many small decisions from one drawn string of
bytes, so a collaboration costs Hypothesis a few dozen choices rather than
hundreds. Failing examples still shrink decision by decision, each towards its
simplest value.

Examples:
    >>> from hypothesis import given, settings
    >>> from frivillig import LifecycleStatus
    >>> from frivillig.strategies import collaborations
    >>> @settings(max_examples=10)
    ... @given(collaborations(status=LifecycleStatus.ACTIVE))
    ... def test_active_collaborations_have_agreed_goals(c):
    ...     assert c.goals
    ...     assert all(goal.agreed_by() == c.party_ids for goal in c.goals)
    >>> test_active_collaborations_have_agreed_goals()
"""

# The strategies live in submodules by concept; this package is their one public door.
# A few private helpers are re-exported too, for the tests that check them directly.
from ._accounts import (
    account_collaborations,
    account_items,
    account_templates,
    activity_lines,
    association_accounts,
    caveats,
)
from ._actors import (
    actors,
    citizen_groups,
    municipalities,
    participants,
    private_companies,
    public_institutions,
    readinesses,
    voluntary_organisations,
    volunteer_centres,
    volunteer_councils,
)
from ._collaborations import collaborations, portfolios, volunteer_policies
from ._defective import DefectiveDocument, DefectKind, defective_documents
from ._dice import _Dice as _Dice
from ._evaluation import _FREQUENCIES as _FREQUENCIES
from ._evaluation import _draw_progress as _draw_progress
from ._evaluation import _Recurrence as _Recurrence
from ._evaluation import _recurrence_dates as _recurrence_dates
from ._evaluation import (
    dyadic_ratings,
    evaluation_plans,
    evaluation_rounds,
    evaluation_tolerances,
    responses,
)
from ._frame import agreement_documents, forums, value_cases
from ._goals import agreements, goals, indicators, tasks, wishes
from ._hours import time_logs
from ._instruments import (
    anchors,
    bands,
    categories,
    factors,
    instrument_results,
    instrument_scores,
    instruments,
    items,
    notes,
    provenances,
    scales,
    scoring_rules,
)
from ._registers import _cvr_from as _cvr_from
from ._registers import (
    cvr_numbers,
    frozen_maps,
    municipality_codes,
    municipality_infos,
    problems,
    region_memberships,
    regions,
)
from ._reports import (
    check_settings,
    findings,
    formalisation_settings,
    hits,
    load_limits,
    reports,
    rule_contexts,
    rule_examples,
    rulebooks,
    rules,
    sources,
)
from ._schedules import due_dates, schedule_statuses
from ._scoring import (
    collaboration_trends,
    dyadic_pairs,
    dyadic_summaries,
    formalisation_recommendations,
    period_points,
    portfolio_series,
    portfolio_trends,
    round_points,
    round_series,
    score_parts,
    score_settings,
    scores,
    spreads,
)
from ._volunteers import child_certificate_checks, periods_with_children, volunteers

__all__ = [
    "DefectKind",
    "DefectiveDocument",
    "account_collaborations",
    "account_items",
    "account_templates",
    "activity_lines",
    "actors",
    "agreement_documents",
    "agreements",
    "anchors",
    "association_accounts",
    "bands",
    "categories",
    "caveats",
    "check_settings",
    "child_certificate_checks",
    "citizen_groups",
    "collaboration_trends",
    "collaborations",
    "cvr_numbers",
    "defective_documents",
    "due_dates",
    "dyadic_pairs",
    "dyadic_ratings",
    "dyadic_summaries",
    "evaluation_plans",
    "evaluation_rounds",
    "evaluation_tolerances",
    "factors",
    "findings",
    "formalisation_recommendations",
    "formalisation_settings",
    "forums",
    "frozen_maps",
    "goals",
    "hits",
    "indicators",
    "instrument_results",
    "instrument_scores",
    "instruments",
    "items",
    "load_limits",
    "municipalities",
    "municipality_codes",
    "municipality_infos",
    "notes",
    "participants",
    "period_points",
    "periods_with_children",
    "portfolio_series",
    "portfolio_trends",
    "portfolios",
    "private_companies",
    "problems",
    "provenances",
    "public_institutions",
    "readinesses",
    "region_memberships",
    "regions",
    "reports",
    "responses",
    "round_points",
    "round_series",
    "rule_contexts",
    "rule_examples",
    "rulebooks",
    "rules",
    "scales",
    "schedule_statuses",
    "score_parts",
    "score_settings",
    "scores",
    "scoring_rules",
    "sources",
    "spreads",
    "tasks",
    "time_logs",
    "value_cases",
    "voluntary_organisations",
    "volunteer_centres",
    "volunteer_councils",
    "volunteer_policies",
    "volunteers",
    "wishes",
]
