"""Rules and rulebooks: what a rule looks at, its metadata, and the rules a check runs."""

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from .._core.arguments import require_language
from .._core.frozenmap import FrozenMap
from .._core.labels import Language
from .._model.collaboration import Collaboration
from .._model.validators import FieldError, text
from .._reference.cpr import mask_cpr_like
from ..errors import ArgumentTypeError, ArgumentValueError, UsageError
from .findings import Hit, Severity, Source, _severity_filter
from .settings import CheckSettings

_CODE = re.compile(r"[A-Z]{2,6}[0-9]{3,4}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _codes(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _grades(value: Mapping[str, "Severity"]) -> FrozenMap[str, "Severity"]:
    return FrozenMap(value)


@attrs.frozen(kw_only=True)
class RuleContext:
    """What a rule function looks at: the collaboration, the date and the settings.

    Attributes:
        collaboration: The collaboration being checked.
        today: The date the check is made for; rules that depend on time use
            it and never read the clock.
        settings: The thresholds in force.
    """

    collaboration: Collaboration
    today: dt.date
    settings: CheckSettings


@attrs.frozen(kw_only=True)
class RuleExample:
    """An example collaboration for a rule, used by the tests and the rule catalogue.

    Attributes:
        description: What the example shows, in English.
        build: A function that builds the collaboration.
        today: The date to check the example on.
    """

    description: str
    build: Callable[[], Collaboration] = attrs.field(eq=False)
    today: dt.date


RuleCheck = Callable[[RuleContext], Iterable[Hit]]
"""A rule's check: a function from a context to the hits it finds."""


def _some_source(_: object, attribute: "attrs.Attribute[Any]", value: tuple[object, ...]) -> None:
    if not value:
        raise FieldError((attribute.name,), "name at least one source behind the rule", "empty")
    for index, source in enumerate(value):
        if not isinstance(source, Source):
            raise FieldError((attribute.name, index), "expected a Source", "type")


def _code(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise FieldError(
            (attribute.name,),
            "expected 2-6 capital letters and 3-4 digits, e.g. 'FR101' or 'KK201'",
            "format",
        )


def _name(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, str) or not _NAME.fullmatch(value) or len(value) > 80:
        raise FieldError(
            (attribute.name,),
            "expected lower-case words joined by '-', e.g. 'authority-task-given-to-volunteers'",
            "format",
        )


_REASON = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


def _reason_map(value: object) -> Any:
    """The codes and their meanings as a frozen map; anything else is left for the validator."""
    if not isinstance(value, Mapping):
        return value
    return FrozenMap({code: tuple(m) if isinstance(m, list) else m for code, m in value.items()})


def _reasons(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, FrozenMap):
        raise FieldError(
            (attribute.name,), "expected a mapping of reason codes to meanings", "type"
        )
    for code, meanings in value.items():
        if not isinstance(code, str) or not _REASON.fullmatch(code) or len(code) > 60:
            raise FieldError(
                (attribute.name,),
                f"{str(code)[:60]!r} is not a reason code: use lower-case words joined by "
                "'_', e.g. 'overdue'",
                "format",
            )
        if (
            not isinstance(meanings, tuple)
            or len(meanings) != 2
            or not all(isinstance(meaning, str) and meaning.strip() for meaning in meanings)
        ):
            raise FieldError(
                (attribute.name, code),
                "expected what the code means in Danish and in English: (text_da, text_en)",
                "type",
            )


def _settings_names(
    _: object, attribute: "attrs.Attribute[Any]", value: tuple[object, ...]
) -> None:
    known = {field.name for field in attrs.fields(CheckSettings)}
    for index, name in enumerate(value):
        if not isinstance(name, str) or (name not in known and not name.startswith("extra.")):
            raise FieldError(
                (attribute.name, index),
                f"{name!r} is not a setting; use a CheckSettings field or 'extra.<name>'",
                "choice",
            )


@attrs.frozen(kw_only=True)
class Rule:
    """A rule of the check: what it looks for, how serious it is, and why.

    A rule is metadata around a function. The built-in rules are listed in the
    rule catalogue; a municipality adds its own by making a ``Rule`` and
    [`Rulebook.add`][frivillig.Rulebook.add]-ing it.

    Attributes:
        code: A stable code, e.g. ``"FR101"``; never reused for another rule.
        name: A stable, readable name, e.g. ``"authority-task-given-to-volunteers"``.
        severity: The severity its findings have unless the rule grades a hit
            itself ([`Hit.severity`][frivillig.Hit]) or a rulebook re-grades the rule.
        title_da: A short title in Danish.
        title_en: A short title in English.
        rationale: Why the rule exists and what it checks exactly, in English.
        sources: The sources that justify it, the most important first.
        check: The function that finds the hits.
        settings: The names of the settings the rule uses.
        reasons: The reason codes its findings carry ([`Finding.reason`][frivillig.Finding]),
            each with what it means in Danish and English:
            ``{"overdue": ("Evalueringen er forsinket.", "The evaluation is overdue.")}``.
            They are part of the contract, as the code is: a system may act on them, and
            the rule catalogue lists them. A code is lower-case words joined by ``_``.
        failing_example: A collaboration the rule reports, if given.
        passing_example: The nearest collaboration the rule does not report, if given.

    Raises:
        ValidationError: the code or name is malformed, a setting is unknown, or a
            reason code is malformed or has no meaning in both languages.
    """

    code: str = attrs.field(validator=_code)
    name: str = attrs.field(validator=_name)
    severity: Severity
    title_da: str = attrs.field(validator=text(200))
    title_en: str = attrs.field(validator=text(200))
    rationale: str = attrs.field(validator=text())
    sources: tuple[Source, ...] = attrs.field(converter=_sources, validator=_some_source)
    check: RuleCheck = attrs.field(eq=False, repr=False)
    settings: tuple[str, ...] = attrs.field(default=(), converter=_names, validator=_settings_names)
    reasons: FrozenMap[str, tuple[str, str]] = attrs.field(
        factory=FrozenMap, converter=_reason_map, validator=_reasons, repr=False
    )
    failing_example: RuleExample | None = attrs.field(default=None, repr=False)
    passing_example: RuleExample | None = attrs.field(default=None, repr=False)

    def title(self, lang: Language = "en") -> str:
        """Return the rule's title in the given language."""
        lang = require_language(lang)
        return self.title_da if lang == "da" else self.title_en

    def reason_meaning(self, reason: str, lang: Language = "en") -> str | None:
        """What a reason code of the rule means, in the given language; ``None`` if undeclared."""
        lang = require_language(lang)
        meanings = self.reasons.get(reason)
        if meanings is None:
            return None
        return meanings[0] if lang == "da" else meanings[1]

    @property
    def source_text(self) -> str:
        """The citation a finding shows by default: the first (most important) source's."""
        return self.sources[0].citation if self.sources else ""


# -- rulebooks ---------------------------------------------------------------------


def _unknown(key: object, known: Iterable[str]) -> UsageError:
    """The error for a rule asked for by a code or name the rulebook does not have."""
    if not isinstance(key, str):
        return ArgumentTypeError(f"a rule's code or name must be a str, got {type(key).__name__}")
    shown = mask_cpr_like(key)[:60]
    message = f"no rule with code or name {shown!r}; known codes: {', '.join(known)}"
    return ArgumentValueError(message)


def _rules(value: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(sorted(value, key=lambda rule: rule.code))


def _check_rules(_: object, attribute: "attrs.Attribute[Any]", value: tuple[Rule, ...]) -> None:
    codes: set[str] = set()
    names: set[str] = set()
    for index, rule in enumerate(value):
        if not isinstance(rule, Rule):
            raise FieldError((attribute.name, index), "expected a Rule", "type")
        for key, seen in ((rule.code, codes), (rule.name, names)):
            if key in seen:
                raise FieldError(
                    (attribute.name, index),
                    f"{key!r} is used by two rules; codes and names must be unique",
                    "duplicate",
                )
            seen.add(key)


@attrs.frozen(kw_only=True)
class Rulebook:
    """The rules a check runs, with a municipality's changes: disabled rules, severities, settings.

    A rulebook is immutable: every method returns a changed copy, so the
    default rulebook is never changed by a caller.

    Attributes:
        rules: The rules, ordered by code.
        disabled: The codes of the rules that do not run.
        severities: Severities that replace a rule's own, by code.
        settings: The thresholds the rules use.

    Examples:
        >>> import frivillig
        >>> book = (
        ...     frivillig.DEFAULT_RULEBOOK.disable("FR112")
        ...     .regrade("volunteer-fit", "error")
        ...     .configure(first_evaluation_within_days=90)
        ... )
        >>> book.is_enabled("FR112"), book.severity("FR113").value
        (False, 'error')
        >>> book.settings.first_evaluation_within_days
        90
    """

    rules: tuple[Rule, ...] = attrs.field(converter=_rules, validator=_check_rules)
    disabled: frozenset[str] = attrs.field(factory=frozenset, converter=_codes)
    severities: FrozenMap[str, Severity] = attrs.field(factory=FrozenMap, converter=_grades)
    settings: CheckSettings = attrs.field(factory=CheckSettings)

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __contains__(self, key: object) -> bool:
        return any(key in (rule.code, rule.name) for rule in self.rules)

    def rule(self, key: str) -> Rule:
        """Return the rule with this code or name.

        Raises:
            ArgumentValueError: no rule has that code or name (a programming
                mistake, as a wrong name of a function would be).
            ArgumentTypeError: ``key`` is not text.
        """
        for rule in self.rules:
            if key in (rule.code, rule.name):
                return rule
        raise _unknown(key, (rule.code for rule in self.rules))

    @property
    def enabled(self) -> tuple[Rule, ...]:
        """The rules that run, ordered by code."""
        return tuple(rule for rule in self.rules if rule.code not in self.disabled)

    def is_enabled(self, key: str) -> bool:
        """Tell whether the rule with this code or name runs."""
        return self.rule(key).code not in self.disabled

    def severity(self, key: str) -> Severity:
        """Return the severity the rule's findings get in this rulebook."""
        rule = self.rule(key)
        return self.severities.get(rule.code, rule.severity)

    def disable(self, *keys: str) -> "Rulebook":
        """Return a copy in which the rules with these codes or names do not run."""
        codes = {self.rule(key).code for key in keys}
        return attrs.evolve(self, disabled=self.disabled | codes)

    def enable(self, *keys: str) -> "Rulebook":
        """Return a copy in which the rules with these codes or names run again."""
        codes = {self.rule(key).code for key in keys}
        return attrs.evolve(self, disabled=self.disabled - codes)

    def only(self, *keys: str) -> "Rulebook":
        """Return a copy in which only the rules with these codes or names run."""
        keep = {self.rule(key).code for key in keys}
        return attrs.evolve(
            self, disabled=frozenset(rule.code for rule in self.rules if rule.code not in keep)
        )

    def regrade(self, key: str, severity: Severity | str) -> "Rulebook":
        """Return a copy in which the rule's findings get another severity.

        Raises:
            ArgumentValueError: no such rule, or the severity is not error,
                warning or info.
            ArgumentTypeError: ``key`` is not text, or ``severity`` neither a
                ``Severity`` nor text.
        """
        rule = self.rule(key)
        grade = _severity_filter(severity)
        assert grade is not None  # noqa: S101 - _severity_filter only returns None for None
        return attrs.evolve(self, severities={**self.severities, rule.code: grade})

    def configure(self, **changes: Any) -> "Rulebook":
        """Return a copy with some settings changed, e.g. ``configure(min_key_persons=3)``.

        Raises:
            ArgumentValueError: a setting does not exist (a programming mistake,
                as an unknown keyword argument is).
            FieldError: a setting's value has the wrong type or is out of range
                (as [`CheckSettings`][frivillig.CheckSettings] refuses it).
        """
        known = {field.name for field in attrs.fields(CheckSettings)}
        unknown = sorted(set(changes) - known)
        if unknown:
            names = ", ".join(repr(mask_cpr_like(name)[:60]) for name in unknown)
            message = (
                f"{names} {'is' if len(unknown) == 1 else 'are'} not a setting of "
                "CheckSettings; see the fields of frivillig.CheckSettings"
            )
            raise ArgumentValueError(message)
        return attrs.evolve(self, settings=attrs.evolve(self.settings, **changes))

    def add(self, *rules: Rule) -> "Rulebook":
        """Return a copy with a municipality's own rules added.

        Raises:
            ValidationError: a rule's code or name is already in the rulebook.
        """
        return attrs.evolve(self, rules=(*self.rules, *rules))

    def with_settings(self, settings: CheckSettings) -> "Rulebook":
        """Return a copy that uses these settings."""
        return attrs.evolve(self, settings=settings)
