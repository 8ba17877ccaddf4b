"""Synthetic collaborations and portfolios: seeded, realistic, and valid by construction.

Examples, documentation, tests and benchmarks need collaborations to work on,
and real ones hold personal data. This module makes them up. Everything is drawn
from the standard library's `random.Random` with a seed, so the same seed gives
the same collaborations on every machine and Python version, and nothing but the
core install is needed.

Two shapes are available:

``"varied"`` (the default)
    Collaborations of eleven kinds (visiting friends at a care home, homework
    cafés, sport in after-school care, shared meals, walking groups, mentors for
    the unemployed, nature care, a volunteer-run café, digital help, language
    friends, a youth club) across the municipalities asked for, at every stage
    of the lifecycle, with two to seven parties. Names of institutions and
    associations are made up from Danish parts ("Plejecenter Lindevang",
    "Besøgsvennerne i Kærholm"); municipalities are real, by their official
    code; CVR numbers carry a valid check digit. Quality varies on purpose: each
    collaboration may carry some of the [`Defect`][frivillig.synthetic.Defect]s
    listed below, so that the rule check and the scores have something to find.
    Volunteers who have started log their hours (``time_logs``): one log per
    volunteer, task and month, from the month they started to the last whole
    month before ``as_of`` (or the month the collaboration ended), but not every
    month (fewer in July, August and December; some volunteers stop), with
    hours around the task's hours a week times 52/12, in quarter hours. A
    collaboration keeps the logs of its latest months, at most
    [`MAX_TIME_LOGS`][frivillig.synthetic.MAX_TIME_LOGS] (about 120 on
    average). Of the working-age volunteers engaged through an association who
    have started, and are planned for no more than the 44 hours a month of
    unpaid voluntary work that dagpenge allow, 8 % are on dagpenge
    (``benefit``); they log no more than 44 hours in any month, unless the
    collaboration has the ``benefit_hours_logged`` defect, which rule FR113
    finds.
``"benchmark"``
    Collaborations of fixed size for timing: 5 participants, 4 goals with an
    indicator and every party's agreement, and 8 evaluation rounds, each with
    one response that reports progress on the 4 goals and answers 20
    instrument items (``"q01"`` to ``"q20"``, values 1 to 5). No tasks, no
    volunteers, no time logs, no defects. One such collaboration is about 8.6 KB as
    [`dumps`][frivillig.dumps] writes it, of which the rounds are half.

**Defects.** A defect is applied to a collaboration *where it can occur* (the
eligibility column) with the probability in
[`DEFECT_RATES`][frivillig.synthetic.DEFECT_RATES]; the draws are independent.
[`generate_case`][frivillig.synthetic.generate_case] and
[`iter_cases`][frivillig.synthetic.iter_cases] return which defects each
collaboration got, so a test can check that a rule finds exactly those. A
collaboration without a given defect is built so as not to show it (every
volunteer on a children's task has a clear child certificate checked before they
started, satisfaction never falls between rounds, the formalisation level is the
one [`recommend_formalisation`][frivillig.recommend_formalisation] gives or one
step above it, and so on). A collaboration with none of the defects passes the
built-in rule check with the default settings, as of the day it was drawn.

| defect | rate | eligible collaborations | in the default portfolio |
|---|---|---|---|
| `authority_task` | 0.06 | all | 20 |
| `reserved_task` | 0.08 | all | 21 |
| `displacement` | 0.07 | all | 22 |
| `child_certificate_missing` | 0.25 | a volunteer has started on a task with children | 23 |
| `confidentiality_missing` | 0.25 | a volunteer has a task with confidential data | 17 |
| `goal_not_agreed` | 0.12 | past agreeing goals (active, evaluating, continued, adjusted) | 27 |
| `no_evaluation_plan` | 0.08 | past agreeing goals | 18 |
| `evaluation_overdue` | 0.15 | past agreeing goals, with a plan | 41 |
| `economic_dependence_without_forum` | 0.10 | a civil-society party takes part | 35 |
| `falling_satisfaction` | 0.15 | at least three evaluation rounds | 31 |
| `responsibility_unassigned` | 0.08 | past agreeing goals | 15 |
| `no_purpose` | 0.05 | all | 20 |
| `single_key_person` | 0.10 | a civil-society party takes part | 26 |
| `influence_denied` | 0.10 | a volunteer works on hands tasks only | 23 |
| `hours_exceeded` | 0.08 | a volunteer has a task with hours | 27 |
| `allowance_from_municipality` | 0.15 | a volunteer is engaged directly by the municipality | 17 |
| `formalisation_misfit` | 0.12 | the recommended level is above an ad-hoc event | 30 |
| `ended_without_final` | 0.25 | ended | 12 |
| `benefit_hours_logged` | 0.3 | a volunteer on dagpenge logged hours not on an activity | 13 |

The last column counts the collaborations with each defect in the default portfolio,
``generate_portfolio(seed=2026)`` (300 collaborations); 72 of them have none. The
test suite checks each rate against a larger sample.

Examples:
    >>> from frivillig import synthetic
    >>> portfolio = synthetic.generate_portfolio(seed=7, size=20)
    >>> len(portfolio.collaborations)
    20
    >>> portfolio == synthetic.generate_portfolio(seed=7, size=20)
    True
    >>> case = synthetic.generate_case(7, defect_rates={"no_purpose": 1.0})
    >>> synthetic.Defect.NO_PURPOSE in case.defects, case.collaboration.purposes
    (True, ())
"""

from ._benchmark import BENCHMARK_ANSWERS as BENCHMARK_ANSWERS
from ._benchmark import BENCHMARK_GOALS as BENCHMARK_GOALS
from ._benchmark import BENCHMARK_PARTICIPANTS as BENCHMARK_PARTICIPANTS
from ._benchmark import BENCHMARK_ROUNDS as BENCHMARK_ROUNDS
from ._defects import DEFAULT_AS_OF as DEFAULT_AS_OF
from ._defects import DEFAULT_MUNICIPALITY_CODES as DEFAULT_MUNICIPALITY_CODES
from ._defects import DEFECT_RATES as DEFECT_RATES
from ._defects import OVERDUE_DAYS as OVERDUE_DAYS
from ._defects import Defect as Defect
from ._defects import Shape as Shape
from ._defects import SyntheticCollaboration as SyntheticCollaboration
from ._generate import generate_case as generate_case
from ._generate import generate_collaboration as generate_collaboration
from ._generate import generate_portfolio as generate_portfolio
from ._generate import iter_cases as iter_cases
from ._generate import iter_collaborations as iter_collaborations
from ._hours import MAX_TIME_LOGS as MAX_TIME_LOGS

__all__ = [
    "BENCHMARK_ANSWERS",
    "BENCHMARK_GOALS",
    "BENCHMARK_PARTICIPANTS",
    "BENCHMARK_ROUNDS",
    "DEFAULT_AS_OF",
    "DEFAULT_MUNICIPALITY_CODES",
    "DEFECT_RATES",
    "MAX_TIME_LOGS",
    "OVERDUE_DAYS",
    "Defect",
    "Shape",
    "SyntheticCollaboration",
    "generate_case",
    "generate_collaboration",
    "generate_portfolio",
    "iter_cases",
    "iter_collaborations",
]
