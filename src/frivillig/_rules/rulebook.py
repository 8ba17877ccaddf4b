"""The built-in rules: where the limits of volunteering lie, one function per rule.

Each rule is a plain function from a [`RuleContext`][frivillig.RuleContext]
to the [`Hit`][frivillig.Hit]s it finds, with its metadata beside it: a stable
code (``FR101`` to ``FR117``: the limits in the order of the domain description,
then the guard against CPR numbers in text), a name, a severity, a rationale,
its sources and how firmly each is established, the settings it uses, and a
failing and a passing example. The rule catalogue in the documentation is
generated from this metadata.

The rules live by theme in ``frivillig._rules.builtin``: ``tasks``, ``children``,
``privacy``, ``volunteering``, ``goals``, ``management``, ``evaluation``,
``formalisation``, ``equality``, ``associations`` and ``integrity``, with what
several themes use in ``_shared``; this module assembles them. To add a rule,
write its function, sources and examples in the module of its theme, add the
``Rule`` to that module's ``_RULES`` and its reason codes to that module's
``REASONS`` (the module's ``RULES`` joins the two), give it the next free code
(``BUILTIN_RULES`` orders the rules by code), add its tests, and run
``scripts/gen_rules.py``. A new theme module goes into ``_THEMES`` below.
"""

from .builtin import (
    associations,
    children,
    equality,
    evaluation,
    formalisation,
    goals,
    integrity,
    management,
    privacy,
    tasks,
    volunteering,
)
from .builtin._shared import EXAMPLE_DATE
from .engine import Rule, Rulebook

__all__ = ["BUILTIN_RULES", "DEFAULT_RULEBOOK", "EXAMPLE_DATE"]

_THEMES = (
    tasks,
    children,
    privacy,
    volunteering,
    goals,
    management,
    evaluation,
    formalisation,
    equality,
    associations,
    integrity,
)
"""The theme modules of the built-in rules."""

BUILTIN_RULES: tuple[Rule, ...] = tuple(
    sorted((rule for theme in _THEMES for rule in theme.RULES), key=lambda rule: rule.code)
)
"""The built-in rules, ``FR101`` to ``FR117``, in the order of the limits they check."""

DEFAULT_RULEBOOK = Rulebook(rules=BUILTIN_RULES)
"""The built-in rules with the default settings: copy and change it with its methods."""
