"""Strategies for rules, rulebooks, settings, contexts, hits, reports, findings, load limits."""

import datetime as dt
import functools

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

from .._model.collaboration import Collaboration
from .._model.volunteers import Attachment
from .._rules.checking import check as _check
from .._rules.engine import (
    CheckSettings,
    Evidence,
    Finding,
    Hit,
    Report,
    Rule,
    Rulebook,
    RuleContext,
    RuleExample,
    Severity,
    Source,
    SourceKind,
)
from .._rules.rulebook import BUILTIN_RULES, DEFAULT_RULEBOOK
from .._scores.scores import FormalisationSettings
from ..serialization import LoadLimits
from ._collaborations import collaborations
from ._evaluation import evaluation_tolerances
from ._primitives import (
    _draw_choice,
    _draw_date,
    _draw_subset,
    _floats,
    _ints,
    _maybe_ints,
    _maybe_texts,
    _members,
    _shift,
    _texts,
)

# -- rules, reports and settings --------------------------------------------------------------


def _example_collaboration() -> Collaboration:
    from .._jsonform.examples import load_example

    return load_example()


@functools.cache
def sources() -> SearchStrategy[Source]:
    """A strategy for the sources that justify a rule: law, guidance, practice, the talk."""
    return st.builds(
        Source,
        kind=_members(SourceKind),
        citation=_texts(200),
        evidence=_members(Evidence),
        note=_maybe_texts(300),
    )


@functools.cache
def rules() -> SearchStrategy[Rule]:
    """A strategy for the built-in rules, at their own severity or re-graded."""
    return st.tuples(st.sampled_from(BUILTIN_RULES), st.none() | _members(Severity)).map(
        lambda pair: pair[0] if pair[1] is None else attrs.evolve(pair[0], severity=pair[1])
    )


@functools.cache
def rule_examples() -> SearchStrategy[RuleExample]:
    """A strategy for the example collaborations the built-in rules ship with."""
    found = [
        example
        for rule in BUILTIN_RULES
        for example in (rule.failing_example, rule.passing_example)
        if example is not None
    ]
    return st.sampled_from(found)


@st.composite
def _formalisation_settings(draw: DrawFn) -> FormalisationSettings:
    short = draw(_ints(1, 365))
    return FormalisationSettings(
        short_days=short,
        long_days=short + draw(_ints(0, 3650)),
        many_parties=draw(_ints(2, 20)),
        partnership_drivers=draw(_ints(1, 4)),
        loose_step_penalty=draw(_floats(0.0, 100.0)),
        tight_step_penalty=draw(_floats(0.0, 100.0)),
    )


@functools.cache
def formalisation_settings() -> SearchStrategy[FormalisationSettings]:
    """A strategy for the thresholds behind the recommended formalisation level."""
    return st.just(FormalisationSettings()) | _formalisation_settings()


@functools.cache
def check_settings() -> SearchStrategy[CheckSettings]:
    """A strategy for the thresholds the rules use: the defaults, or others in their ranges."""
    return st.just(CheckSettings()) | st.builds(
        CheckSettings,
        child_certificate_before_start=st.frozensets(_members(Attachment)),
        child_certificate_backstop_months=_ints(0, 12),
        child_certificate_backstop_occasions=_ints(1, 10),
        child_certificate_backstop_continuous_days=_ints(0, 30),
        child_certificate_deadline_days=_ints(0, 60),
        child_certificate_renewal_months=_maybe_ints(1, 120),
        displacement_soft_signs=_ints(1, 2),
        first_evaluation_within_days=_ints(1, 730),
        evaluation_tolerance=evaluation_tolerances(),
        formalisation=formalisation_settings(),
        formalisation_too_loose_steps=_ints(1, 5),
        formalisation_too_tight_steps=_ints(1, 5),
        dependence_share=st.floats(min_value=0, max_value=1),
        min_key_persons=_ints(1, 5),
        benefit_free_hours_per_month=st.floats(min_value=0, max_value=744),
        benefit_free_hours_public=st.floats(min_value=0, max_value=744),
        weeks_per_month=st.floats(min_value=4, max_value=5),
        association_min_paying_members=_ints(0, 50),
        association_declaration_grace_days=_ints(0, 90),
    )


@st.composite
def _rulebooks(draw: DrawFn) -> Rulebook:
    codes = [rule.code for rule in DEFAULT_RULEBOOK.rules]
    return Rulebook(
        rules=DEFAULT_RULEBOOK.rules,
        disabled=frozenset(_draw_subset(draw, codes, max_size=4)),
        severities={
            code: draw(_members(Severity)) for code in _draw_subset(draw, codes, max_size=4)
        },
        settings=draw(check_settings()),
    )


@functools.cache
def rulebooks() -> SearchStrategy[Rulebook]:
    """A strategy for rulebooks: the built-in rules, some disabled or re-graded, with settings."""
    return st.just(DEFAULT_RULEBOOK) | _rulebooks()


@functools.cache
def _checked_collaborations() -> SearchStrategy[Collaboration]:
    return collaborations(max_parties=4, max_goals=2, max_tasks=2, max_volunteers=3, max_rounds=2)


def _draw_today(draw: DrawFn, collaboration: Collaboration) -> dt.date:
    """A day to judge the collaboration on: from its start to some years on."""
    return _draw_date(draw, collaboration.start_on, _shift(collaboration.start_on, 2000))


@st.composite
def _rule_contexts(draw: DrawFn) -> RuleContext:
    collaboration = draw(_checked_collaborations())
    return RuleContext(
        collaboration=collaboration,
        today=_draw_today(draw, collaboration),
        settings=draw(check_settings()),
    )


@functools.cache
def rule_contexts() -> SearchStrategy[RuleContext]:
    """A strategy for what a rule function is given: a collaboration, a day and the settings."""
    return _rule_contexts()


@functools.cache
def _example_hits() -> tuple[Hit, ...]:
    """What the built-in rules find in their own failing examples (one hit each at least)."""
    found: list[Hit] = []
    for rule in BUILTIN_RULES:
        example = rule.failing_example
        if example is not None:
            context = RuleContext(
                collaboration=example.build(), today=example.today, settings=CheckSettings()
            )
            found.extend(rule.check(context))
    return tuple(found)


@st.composite
def _hits(draw: DrawFn) -> Hit:
    context = draw(rule_contexts())
    rule = draw(st.sampled_from(BUILTIN_RULES))
    found = tuple(rule.check(context))
    return _draw_choice(draw, found or _example_hits())


@functools.cache
def hits() -> SearchStrategy[Hit]:
    """A strategy for what rule functions yield: the built-in rules' hits on collaborations.

    A rule that finds nothing in the drawn collaboration is replaced by a hit
    from the built-in rules' own failing examples, so every draw is a real hit.
    """
    return _hits()


@st.composite
def _reports(draw: DrawFn) -> Report:
    collaboration = draw(_checked_collaborations())
    return _check(collaboration, today=_draw_today(draw, collaboration), rulebook=draw(rulebooks()))


@functools.cache
def reports() -> SearchStrategy[Report]:
    """A strategy for rule reports: [`check`][frivillig.check] on drawn collaborations and days."""
    return _reports()


@functools.cache
def _example_findings() -> tuple[Finding, ...]:
    return tuple(
        finding
        for rule in BUILTIN_RULES
        if rule.failing_example is not None
        for finding in _check(rule.failing_example.build(), today=rule.failing_example.today)
    )


@st.composite
def _findings(draw: DrawFn) -> Finding:
    return _draw_choice(draw, draw(reports()).findings or _example_findings())


@functools.cache
def findings() -> SearchStrategy[Finding]:
    """A strategy for findings of the rule check, from reports on drawn collaborations.

    A report without findings is replaced by a finding on one of the built-in
    rules' failing examples, so every draw is a real finding.
    """
    return _findings()


@functools.cache
def load_limits() -> SearchStrategy[LoadLimits]:
    """A strategy for the limits the loader applies to one document."""
    return st.just(LoadLimits()) | st.builds(
        LoadLimits,
        max_bytes=_ints(1, 64 * 1024 * 1024),
        max_depth=_ints(1, 64),
        max_items=_ints(1, 100_000),
        max_string_length=_ints(1, 100_000),
        max_integer_digits=_ints(1, 4300),
        max_problems=_ints(1, 10_000),
    )
