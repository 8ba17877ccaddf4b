"""Register frivillig's strategies with Hypothesis when Hypothesis is imported.

Installing frivillig declares this module's hook under the ``hypothesis``
entry-point group. Hypothesis runs the hook at the end of its own import, so in
any test suite where both are installed ``st.from_type(Collaboration)`` (and
``@given`` with type hints) draws valid objects from
[`frivillig.strategies`][frivillig.strategies], with no import of ours. Without
the registration, ``st.from_type`` would build attrs classes from their type
hints alone, ignoring validators and cross-references, and most draws would
fail. Set ``HYPOTHESIS_NO_PLUGINS=1`` to turn all such hooks off.

The hook imports [`frivillig`][frivillig] but not ``frivillig.strategies``: that
module imports Hypothesis, so a test suite that imports it first would run the
hook while it is half loaded. Each strategy is looked up when a test first asks
for its type.
"""

import enum
import importlib
import typing
from typing import Any

STRATEGIES: dict[str, str] = {
    "accounts.AccountCollaboration": "account_collaborations",
    "accounts.AccountItem": "account_items",
    "accounts.AccountTemplate": "account_templates",
    "accounts.ActivityLine": "activity_lines",
    "accounts.AssociationAccount": "association_accounts",
    "accounts.Caveat": "caveats",
    "Agreement": "agreements",
    "AgreementDocument": "agreement_documents",
    "Anchor": "anchors",
    "Band": "bands",
    "Category": "categories",
    "CheckSettings": "check_settings",
    "ChildCertificateCheck": "child_certificate_checks",
    "CitizenGroup": "citizen_groups",
    "Collaboration": "collaborations",
    "CollaborationTrends": "collaboration_trends",
    "DyadicPair": "dyadic_pairs",
    "DyadicRating": "dyadic_ratings",
    "DyadicSummary": "dyadic_summaries",
    "EvaluationPlan": "evaluation_plans",
    "EvaluationRound": "evaluation_rounds",
    "Factor": "factors",
    "Finding": "findings",
    "FormalisationRecommendation": "formalisation_recommendations",
    "FormalisationSettings": "formalisation_settings",
    "Forum": "forums",
    "Goal": "goals",
    "Hit": "hits",
    "Indicator": "indicators",
    "Instrument": "instruments",
    "InstrumentResult": "instrument_results",
    "InstrumentScore": "instrument_scores",
    "Item": "items",
    "LoadLimits": "load_limits",
    "Municipality": "municipalities",
    "MunicipalityInfo": "municipality_infos",
    "Note": "notes",
    "Participant": "participants",
    "PeriodPoint": "period_points",
    "PeriodWithChildren": "periods_with_children",
    "Portfolio": "portfolios",
    "PortfolioSeries": "portfolio_series",
    "PortfolioTrends": "portfolio_trends",
    "PrivateCompany": "private_companies",
    "Problem": "problems",
    "Provenance": "provenances",
    "PublicInstitution": "public_institutions",
    "Readiness": "readinesses",
    "Region": "regions",
    "RegionMembership": "region_memberships",
    "Report": "reports",
    "Response": "responses",
    "RoundPoint": "round_points",
    "RoundSeries": "round_series",
    "Rule": "rules",
    "RuleContext": "rule_contexts",
    "RuleExample": "rule_examples",
    "Rulebook": "rulebooks",
    "Scale": "scales",
    "Score": "scores",
    "ScorePart": "score_parts",
    "ScoreSettings": "score_settings",
    "ScoringRule": "scoring_rules",
    "Source": "sources",
    "Spread": "spreads",
    "Task": "tasks",
    "TimeLog": "time_logs",
    "ValueCase": "value_cases",
    "VoluntaryOrganisation": "voluntary_organisations",
    "Volunteer": "volunteers",
    "VolunteerCentre": "volunteer_centres",
    "VolunteerCouncil": "volunteer_councils",
    "VolunteerPolicy": "volunteer_policies",
    "Wish": "wishes",
    "schedules.DueDate": "due_dates",
    "schedules.EvaluationTolerance": "evaluation_tolerances",
    "schedules.ScheduleStatus": "schedule_statuses",
}
"""The strategy in ``frivillig.strategies`` for each public attrs class, by its name in
``frivillig``, or with its module for the classes of a public submodule."""


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public attrs class, enumeration and ``FrozenMap``."""
    from hypothesis import strategies as st

    import frivillig

    for type_name, strategy_name in STRATEGIES.items():
        st.register_type_strategy(public_type(type_name), _lazy(strategy_name))
    for name in frivillig.__all__:
        obj = getattr(frivillig, name)
        if isinstance(obj, type) and issubclass(obj, enum.Enum) and len(obj) > 0:
            st.register_type_strategy(obj, st.sampled_from(obj))
    st.register_type_strategy(frivillig.FrozenMap, _frozen_maps)


def public_type(name: str) -> Any:
    """The public class named ``name`` in ``frivillig``, or ``module.name`` in a submodule."""
    module, _, attribute = name.rpartition(".")
    return getattr(
        importlib.import_module(f"frivillig.{module}" if module else "frivillig"), attribute
    )


def _strategies() -> Any:
    return importlib.import_module("frivillig.strategies")


def _lazy(strategy_name: str) -> Any:
    """A resolver that builds the named strategy when a test first asks for the type."""
    return lambda _type: getattr(_strategies(), strategy_name)()


def _frozen_maps(thing: Any) -> Any:
    """Resolve ``FrozenMap[K, V]`` from its key and value types."""
    from hypothesis import strategies as st

    args = typing.get_args(thing)
    keys, values = (st.from_type(arg) for arg in args) if args else (st.text(), st.text())
    return _strategies().frozen_maps(keys, values, max_size=5)
