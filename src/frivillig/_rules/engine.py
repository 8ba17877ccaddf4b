"""The rule model: rules, their sources and settings, findings, reports and rulebooks.

The rule check answers a caseworker's question "what is wrong or risky in this
collaboration, and what do I do about it?". Each rule has a stable code (like a
linter's, ``FR101``) and a readable name, a severity, a rationale and the
sources that justify it. A rule is a plain function that looks at a
collaboration and yields [`Hit`][frivillig.Hit]s; the check turns each hit
into a [`Finding`][frivillig.Finding] with the rule's metadata, a message in
Danish and English and the JSON paths of the objects it points at, and
gathers the findings in a [`Report`][frivillig.Report].

Municipalities differ, so the rules come in a [`Rulebook`][frivillig.Rulebook]
that a caller copies and changes without touching the library: disable a
rule, change its severity, set the thresholds in
[`CheckSettings`][frivillig.CheckSettings], or add a rule of their own.
"""

import datetime as dt
import json
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Literal

import attrs

from .._core.arguments import require_language, require_member
from .._core.frozenmap import FrozenMap
from .._core.labels import LabelledEnum, Language, OrderedLabelledEnum
from .._model.collaboration import Collaboration
from .._model.validators import FieldError, number_range, text
from .._model.volunteers import Attachment
from .._reference.cpr import mask_cpr_like
from .._scores.scores import FormalisationSettings
from ..errors import ArgumentTypeError, ArgumentValueError, UsageError
from ..schedules import DEFAULT_TOLERANCE, EvaluationTolerance

__all__ = [
    "CheckSettings",
    "Evidence",
    "Finding",
    "Hit",
    "Report",
    "Rule",
    "RuleContext",
    "RuleExample",
    "Rulebook",
    "Severity",
    "Source",
    "SourceKind",
]

PathSegments = tuple[str | int, ...]

_CODE = re.compile(r"[A-Z]{2,6}[0-9]{3,4}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class Severity(OrderedLabelledEnum):
    """How serious a finding is: an error must not happen, a warning is a risk, info is advice.

    Severities are ordered, ``Severity.ERROR > Severity.WARNING > Severity.INFO``,
    so a caller can ask for "warnings and worse" with ``>=``.
    """

    INFO = ("info", "råd", "info")
    WARNING = ("warning", "advarsel", "warning")
    ERROR = ("error", "fejl", "error")


class SourceKind(LabelledEnum):
    """What kind of source justifies a rule: law, guidance, an agreement, practice or the talk."""

    LAW = ("law", "lov eller bekendtgørelse", "law or executive order")
    GUIDANCE = ("guidance", "vejledning", "official guidance")
    AGREEMENT = ("agreement", "aftale eller charter", "agreement or charter")
    PRACTICE = ("practice", "kommunal eller foreningspraksis", "municipal or association practice")
    TALK = (
        "talk",
        "oplægget 'Har frivillighed en grænse?' (2013)",
        "the talk 'Does volunteering have a limit?' (2013)",
    )
    MODEL = ("model", "bibliotekets datamodel", "the library's data model")


class Evidence(LabelledEnum):
    """How firmly a source or a default figure is established.

    ``verified`` means seen in a primary or official text (for a source from the
    talk: that the talk says it, which makes it the talk's view, not law; see
    [`Source.evidence_label`][frivillig.Source.evidence_label]); ``secondary`` means
    stated by a municipality, an association or another second-hand source;
    ``unverified`` means sources disagree or none was found; ``choice`` marks a
    default the library chose itself, with no source behind the figure.
    """

    VERIFIED = ("verified", "verificeret", "verified")
    SECONDARY = ("secondary", "sekundær kilde", "secondary source")
    UNVERIFIED = ("unverified", "ikke verificeret", "unverified")
    CHOICE = ("choice", "bibliotekets valg", "library's choice")


@attrs.frozen(kw_only=True)
class Source:
    """A source that justifies a rule: a law, a guidance, an agreement, practice or the talk.

    Attributes:
        kind: What kind of source it is.
        citation: The citation, short enough for a report line, e.g.
            ``"Børneattestloven (LBK nr. 362 af 2. april 2014) § 2, stk. 1"``.
        evidence: How firmly what the rule takes from it is established.
        note: What the rule takes from the source, or what is uncertain about it.
    """

    kind: SourceKind
    citation: str = attrs.field(validator=text(500))
    evidence: Evidence = Evidence.VERIFIED
    note: str | None = None

    def evidence_label(self, lang: Language = "en") -> str:
        """How firmly the source is established, said so that no one over-reads it.

        A source from the talk that is ``verified`` was checked against the talk:
        the talk says it. That makes it what the talk says, not law, and the label
        says so.

        Examples:
            >>> Source(kind=SourceKind.TALK, citation="Oplægget (2013)").evidence_label("en")
            'verified that the talk says this; not a legal source'
            >>> Source(kind=SourceKind.LAW, citation="Ligningsloven § 7 M").evidence_label("da")
            'verificeret'
        """
        lang = require_language(lang)
        if self.kind is SourceKind.TALK and self.evidence is Evidence.VERIFIED:
            if lang == "da":
                return "verificeret, at oplægget siger dette; ikke en retskilde"
            return "verified that the talk says this; not a legal source"
        return self.evidence.label(lang)


def _setting(default: Any, help: str, evidence: Evidence, **kwargs: Any) -> Any:
    return attrs.field(default=default, metadata={"help": help, "evidence": evidence}, **kwargs)


def _attachments(value: Iterable[Attachment]) -> frozenset[Attachment]:
    return frozenset(value)


def _check_attachments(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, frozenset) or not all(isinstance(v, Attachment) for v in value):
        raise FieldError((attribute.name,), "expected a set of Attachment members", "type")


def _positive_int(lo: int, hi: int, *, optional: bool = False) -> Any:
    inner = number_range(lo, hi, optional=optional)

    def check(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise FieldError((attribute.name,), "expected a whole number", "type")
        inner(instance, attribute, value)

    return check


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _codes(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _grades(value: Mapping[str, "Severity"]) -> FrozenMap[str, "Severity"]:
    return FrozenMap(value)


def _extras(value: Mapping[str, Any]) -> FrozenMap[str, Any]:
    return FrozenMap(value)


def _instance(cls: type) -> Any:
    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if not isinstance(value, cls):
            raise FieldError((attribute.name,), f"expected {cls.__name__}", "type")

    return check


def _extra(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, FrozenMap) or not all(isinstance(k, str) for k in value):
        raise FieldError((attribute.name,), "expected a mapping from setting names", "type")


@attrs.frozen(kw_only=True)
class CheckSettings:
    """The thresholds the rules use, each with a documented default a municipality may change.

    Where the law fixes a figure, the default is the law's; where sources
    differ or none was found, the default is marked as such (see each field's
    ``evidence`` in the rule catalogue) and is a setting, never a constant.
    Change settings with ``attrs.evolve`` or
    [`Rulebook.configure`][frivillig.Rulebook.configure]; a value out of range
    raises [`ValidationError`][frivillig.ValidationError].

    Attributes:
        child_certificate_before_start: The attachments that count as meant from
            the start to be more than one-off (fast tilknytning): a volunteer
            with one of them needs the child certificate checked before
            starting. Default: regular attachment only.
        child_certificate_backstop_months: For volunteers not attached
            regularly from the start: enough occasions with children under 15
            within this many months make the certificate due, from the day of
            the occasion that completes the count. Default 3.
        child_certificate_backstop_occasions: ... that many occasions.
            Default 3.
        child_certificate_backstop_continuous_days: One continuous period with
            children of more than this many days also makes the certificate
            due, from the day the period passes it. Default 7 (a week); FDF's
            statutes use 4.
        child_certificate_deadline_days: Days after passing the backstop
            threshold within which the certificate must be checked. Default 21.
        child_certificate_renewal_months: How old a certificate check may be
            before the municipality wants it renewed; ``None`` (the default)
            sets no renewal rule, as the law sets none.
        displacement_soft_signs: How many of the softer signs of displacement
            (a fixed rota with a duty to find a substitute, the institution
            directing the work) flag a task on their own. Default 2 (both).
        first_evaluation_within_months: The longest time from the start to the
            first planned evaluation, in calendar months: a plan starting on
            1 March may hold its first evaluation on 1 September. Default 6.
        first_evaluation_within_days: The same limit in days, for a rulebook
            that counts days; when set, it counts instead of the months.
            Default ``None``.
        evaluation_tolerance: How early and how late a round may be held and
            still count for its due date (see
            [`frivillig.schedules`][frivillig.schedules]). Default 14 days each way.
        formalisation: The thresholds behind the recommended formalisation
            level (see [`recommend_formalisation`][frivillig.recommend_formalisation]).
        formalisation_too_loose_steps: Steps below the recommended
            formalisation level that make the form too loose. Default 1.
        formalisation_too_tight_steps: Steps above the recommended level that
            make the form too tight. Default 2.
        formalisation_warning_steps: A form this many steps too loose is a
            warning even without a risk driver. Default 2.
        formalisation_warning_risks: A form too loose with at least this many
            risk drivers (money, large sums, children, confidential personal
            data, closeness to authority) is a warning. Default 1.
        formalisation_error_steps: A form this many steps too loose, with at
            least ``formalisation_error_risks`` risk drivers, is an error.
            Default 2.
        formalisation_error_risks: See ``formalisation_error_steps``. Default 2.
        dependence_share: The share of a party's budget from the municipality
            from which the party counts as economically dependent. Default 0.5.
        min_key_persons: The fewest key persons a party should have to not
            depend on a single fiery soul. Default 2.
        max_responsibilities_per_holder: How many of the five
            volunteer-management responsibilities one person (a role holder
            inside a party) may hold before the collaboration depends on that
            person. Default 3, most of the five.
        benefit_free_hours_per_month: Hours a month of unpaid voluntary work
            (not activities) a volunteer on unemployment benefit (dagpenge) may
            give a voluntary organisation without deduction. Default 44.
        early_retirement_free_hours_per_month: The same for a volunteer on
            early retirement pay (efterløn). Default 65.
        benefit_free_hours_public: The same, for either benefit, for
            volunteering directly for a public institution, where every hour
            is deducted. Default 0.
        weeks_per_month: Weeks in an average month, to turn weekly hours into
            monthly ones. Default 52/12.
        association_min_paying_members: The fewest paying members an approved
            association must have. Default 5.
        association_declaration_grace_days: Days into a new year during which
            last year's child-certificate declaration still counts. Default 0.
        extra: Settings for a municipality's own rules, by name.
    """

    child_certificate_before_start: frozenset[Attachment] = _setting(
        frozenset({Attachment.REGULAR}),
        "attachments that count as meant from the start to be more than one-off "
        "(fast tilknytning): the certificate must be checked before the volunteer starts",
        Evidence.VERIFIED,
        converter=_attachments,
        validator=_check_attachments,
    )
    child_certificate_backstop_months: int = _setting(
        3,
        "for other volunteers: enough occasions with children within this many months make "
        "the certificate due (Kirkeministeriet BEK 404/2016 verified: more than 3 months with "
        "at least 3 occasions; counted here within any span of this many months; other "
        "sectors' figures differ or were not found)",
        Evidence.UNVERIFIED,
        validator=_positive_int(0, 120),
    )
    child_certificate_backstop_occasions: int = _setting(
        3,
        "the fewest occasions with children under 15 within that span that make the "
        "certificate due, dated from the occasion that completes the count",
        Evidence.UNVERIFIED,
        validator=_positive_int(1, 1000),
    )
    child_certificate_backstop_continuous_days: int = _setting(
        7,
        "one continuous period with children of more than this many days makes the "
        "certificate due, dated from the day it passes them (FDF's statutes: 4)",
        Evidence.UNVERIFIED,
        validator=_positive_int(0, 365),
    )
    child_certificate_deadline_days: int = _setting(
        21,
        "days after passing the backstop threshold within which the certificate must be checked",
        Evidence.UNVERIFIED,
        validator=_positive_int(0, 365),
    )
    child_certificate_renewal_months: int | None = _setting(
        None,
        "months after which a certificate check must be renewed; None: no renewal rule "
        "(the law sets none; practice: every 12, 24 or 36 months)",
        Evidence.SECONDARY,
        validator=_positive_int(1, 600, optional=True),
    )
    displacement_soft_signs: int = _setting(
        2,
        "how many of the softer signs (fixed rota with a duty to find a substitute, the "
        "institution directing the work) flag displacement on their own",
        Evidence.CHOICE,
        validator=_positive_int(1, 2),
    )
    first_evaluation_within_months: int = _setting(
        6,
        "the longest time, in calendar months, from the start to the first planned evaluation",
        Evidence.CHOICE,
        validator=_positive_int(1, 120),
    )
    first_evaluation_within_days: int | None = _setting(
        None,
        "the same in days, for a rulebook that counts days; None (the default): "
        "first_evaluation_within_months counts",
        Evidence.CHOICE,
        validator=_positive_int(1, 3660, optional=True),
    )
    evaluation_tolerance: EvaluationTolerance = attrs.field(
        default=DEFAULT_TOLERANCE,
        validator=_instance(EvaluationTolerance),
        metadata={
            "help": "how many days before its due date (early_days) and after it (grace_days) "
            "a round may be held and still count; after the grace period an unheld evaluation "
            "is overdue",
            "evidence": Evidence.CHOICE,
        },
    )
    formalisation: FormalisationSettings = attrs.field(
        factory=FormalisationSettings,
        validator=_instance(FormalisationSettings),
        metadata={
            "help": "the thresholds behind the recommended formalisation level (short and long "
            "periods, many parties, how many heavy drivers call for a partnership)",
            "evidence": Evidence.CHOICE,
        },
    )
    formalisation_too_loose_steps: int = _setting(
        1,
        "steps below the recommended formalisation level that make the form too loose",
        Evidence.CHOICE,
        validator=_positive_int(1, 5),
    )
    formalisation_too_tight_steps: int = _setting(
        2,
        "steps above the recommended formalisation level that make the form too tight",
        Evidence.CHOICE,
        validator=_positive_int(1, 5),
    )
    formalisation_warning_steps: int = _setting(
        2,
        "steps too loose that make a formalisation misfit a warning, risk drivers or not",
        Evidence.CHOICE,
        validator=_positive_int(1, 5),
    )
    formalisation_warning_risks: int = _setting(
        1,
        "risk drivers (money, large sums, children, confidential personal data, closeness to "
        "authority) that make a form too loose a warning",
        Evidence.CHOICE,
        validator=_positive_int(1, 5),
    )
    formalisation_error_steps: int = _setting(
        2,
        "steps too loose that, with formalisation_error_risks risk drivers, make a "
        "formalisation misfit an error",
        Evidence.CHOICE,
        validator=_positive_int(1, 5),
    )
    formalisation_error_risks: int = _setting(
        2,
        "risk drivers that, with formalisation_error_steps steps too loose, make a "
        "formalisation misfit an error",
        Evidence.CHOICE,
        validator=_positive_int(1, 5),
    )
    dependence_share: float = _setting(
        0.5,
        "share of a party's budget from the municipality from which it counts as "
        "economically dependent",
        Evidence.CHOICE,
        validator=number_range(0.0, 1.0),
    )
    min_key_persons: int = _setting(
        2,
        "the fewest key persons (ildsjæle) a party should have",
        Evidence.CHOICE,
        validator=_positive_int(1, 1000),
    )
    max_responsibilities_per_holder: int = _setting(
        3,
        "the most of the five volunteer-management responsibilities one person may hold "
        "before the collaboration depends on that person (3: most of the five)",
        Evidence.CHOICE,
        validator=_positive_int(1, 5),
    )
    benefit_free_hours_per_month: float = _setting(
        44.0,
        "hours a month of unpaid voluntary work (activities do not count) a volunteer on "
        "unemployment benefit (dagpenge) may give a voluntary organisation without deduction "
        "(a-kasser, bekendtgørelse om udbetaling af dagpenge)",
        Evidence.SECONDARY,
        validator=number_range(0.0, 744.0),
    )
    early_retirement_free_hours_per_month: float = _setting(
        65.0,
        "the same for a volunteer on early retirement pay (efterløn) (a-kasser)",
        Evidence.SECONDARY,
        validator=number_range(0.0, 744.0),
    )
    benefit_free_hours_public: float = _setting(
        0.0,
        "the same, for either benefit, when volunteering directly for a public institution: "
        "every hour is deducted (stated for dagpenge; applied to efterløn too)",
        Evidence.SECONDARY,
        validator=number_range(0.0, 744.0),
    )
    weeks_per_month: float = _setting(
        52 / 12,
        "weeks in an average month, to turn weekly hours into monthly ones",
        Evidence.CHOICE,
        validator=number_range(4.0, 5.0),
    )
    association_min_paying_members: int = _setting(
        5,
        "the fewest paying members of an approved association (Folkeoplysningsloven § 4, stk. 3)",
        Evidence.VERIFIED,
        validator=_positive_int(0, 1000),
    )
    association_declaration_grace_days: int = _setting(
        0,
        "days into a new year during which last year's child-certificate declaration "
        "still counts (Køge Kommune: a declaration is valid to 31 December)",
        Evidence.CHOICE,
        validator=_positive_int(0, 365),
    )
    extra: FrozenMap[str, Any] = attrs.field(
        factory=FrozenMap,
        converter=_extras,
        validator=_extra,
        metadata={"help": "settings for a municipality's own rules", "evidence": Evidence.CHOICE},
    )


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


def _segments(value: Iterable[str | Iterable[str | int]]) -> tuple[PathSegments | str, ...]:
    return tuple([path if isinstance(path, str) else tuple(path) for path in value])


@attrs.frozen(kw_only=True)
class Hit:
    """One thing a rule function found: where, what, and what to do, in both languages.

    Rule functions yield hits; the check adds the rule's code, name, severity
    and source and turns each hit into a [`Finding`][frivillig.Finding].

    Attributes:
        paths: The objects the hit points at, the most important first: each
            as path segments relative to the collaboration, e.g.
            ``("tasks", 1)`` for ``$.tasks[1]``, or as a JSON path from the
            collaboration's root, ``"$.tasks[1]"``.
        message_da: What is wrong and what to do, in Danish.
        message_en: The same in English.
        reason: A short, stable, machine-readable kind of hit within the rule,
            e.g. ``"overdue"``.
        source: The citation to show, when it is narrower than the rule's
            sources.
        personal: Whether the hit rests on a volunteer's personal data, so a
            system can keep it out of logs.
        severity: The severity the rule gives this hit when it grades its
            hits itself (FR110 grades a misfit by how far and how risky it is);
            ``None``, the default, gives the rule's severity. A rulebook that
            re-grades the rule overrides both.
    """

    paths: tuple[PathSegments | str, ...] = attrs.field(converter=_segments)
    message_da: str
    message_en: str
    reason: str
    source: str | None = None
    personal: bool = False
    severity: Severity | None = None


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


# -- findings and reports ----------------------------------------------------------


@attrs.frozen(kw_only=True)
class Finding:
    """One thing wrong or risky in a collaboration, with what to do and why.

    Attributes:
        code: The code of the rule that found it, e.g. ``"FR101"``.
        name: The rule's name.
        severity: How serious it is, after any re-grading by the rulebook.
        message_da: What is wrong and what to do, in Danish.
        message_en: The same in English.
        paths: The objects it points at, as JSON paths into the document, e.g.
            ``$.tasks[1]``; the most important first.
        source: The law, agreement, practice or part of the talk behind it.
        reason: A short, stable, machine-readable kind of finding within the rule.
        collaboration: The id of the collaboration it was found in.
        personal: Whether it rests on a volunteer's personal data.
    """

    code: str
    name: str
    severity: Severity
    message_da: str
    message_en: str
    paths: tuple[str, ...]
    source: str
    reason: str
    collaboration: str | None = None
    personal: bool = False

    def message(self, lang: Language = "en") -> str:
        """Return the message in the given language."""
        lang = require_language(lang)
        return self.message_da if lang == "da" else self.message_en

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as JSON-compatible data."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "reason": self.reason,
            "collaboration": self.collaboration,
            "paths": list(self.paths),
            "message_da": self.message_da,
            "message_en": self.message_en,
            "source": self.source,
            "personal": self.personal,
        }


_SEGMENT = re.compile(r"\d+|\D+")


def path_key(path: str) -> tuple[tuple[int, int, str], ...]:
    """A JSON path's sort key: its runs of digits as numbers, the text between as text."""
    return tuple(
        [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in _SEGMENT.findall(path)]
    )


_SEVERITY_RANKS = {severity: severity.rank for severity in Severity}


def finding_sort_key(finding: Finding) -> tuple[Any, ...]:
    """Order findings: most severe first, then by code, by path and by message."""
    return (
        -_SEVERITY_RANKS[finding.severity],
        finding.code,
        tuple([path_key(path) for path in finding.paths]),
        finding.reason,
        finding.message_en,
    )


class _InReportOrder(tuple[Finding, ...]):
    """Findings already ordered by `finding_sort_key`, so a report keeps them as they are."""

    __slots__ = ()


def in_report_order(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Mark findings the caller has put in `finding_sort_key` order, ties in their first order.

    The check orders its findings with a key it makes while it finds them, and
    a [`Report`][frivillig.Report] made from them keeps that order instead of
    sorting them again.
    """
    return _InReportOrder(findings)


def _sorted_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    if type(findings) is _InReportOrder:
        return tuple(findings)
    return tuple(sorted(findings, key=finding_sort_key))


_HEADINGS: dict[str, dict[Severity, str]] = {
    "en": {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Advice"},
    "da": {Severity.ERROR: "Fejl", Severity.WARNING: "Advarsler", Severity.INFO: "Råd"},
}
_WORDS = {
    "en": {
        "collaboration": "Collaboration",
        "portfolio": "Portfolio",
        "checked": "checked on",
        "passes": "PASSES",
        "fails": "FAILS",
        "rules": "rules",
        "at": "at",
        "source": "source",
        "none": "No findings.",
        "in": "in",
        Severity.ERROR: ("error", "errors"),
        Severity.WARNING: ("warning", "warnings"),
        Severity.INFO: ("advice", "advice"),
    },
    "da": {
        "collaboration": "Samarbejde",
        "portfolio": "Portefølje",
        "checked": "tjekket den",
        "passes": "GODKENDT",
        "fails": "IKKE GODKENDT",
        "rules": "regler",
        "at": "sted",
        "source": "kilde",
        "none": "Ingen fund.",
        "in": "i",
        Severity.ERROR: ("fejl", "fejl"),
        Severity.WARNING: ("advarsel", "advarsler"),
        Severity.INFO: ("råd", "råd"),
    },
}

_WIDTH = 100


def _severity_filter(value: object, name: str = "severity") -> Severity | None:
    """The severity asked for, or ``None``; a `UsageError` when it is neither."""
    return None if value is None else require_member(value, Severity, name)


@attrs.frozen(kw_only=True)
class Report:
    """The result of a check: every finding, most severe first, and whether it passes.

    Attributes:
        subject: The id of the collaboration or portfolio checked.
        subject_type: ``"collaboration"`` or ``"portfolio"``.
        today: The date the check was made for.
        rules: The codes of the rules that ran.
        findings: The findings, sorted by severity (errors first), code and path.
    """

    subject: str
    subject_type: Literal["collaboration", "portfolio"] = "collaboration"
    today: dt.date
    rules: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_sorted_findings)

    @property
    def passes(self) -> bool:
        """Whether the report has no error: what a system that gates on errors asks."""
        return not any(finding.severity is Severity.ERROR for finding in self.findings)

    @property
    def counts(self) -> dict[Severity, int]:
        """How many findings there are of each severity, errors first (zeros included)."""
        counts = dict.fromkeys(sorted(Severity, reverse=True), 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def summary(self, lang: Language = "en") -> str:
        """Return the counts as one line, e.g. ``"FAILS: 2 errors, 1 warning, 0 advice"``."""
        lang = require_language(lang)
        words = _WORDS[lang]
        parts = []
        for severity, count in self.counts.items():
            singular, plural = words[severity]
            parts.append(f"{count} {singular if count == 1 else plural}")
        verdict = words["passes"] if self.passes else words["fails"]
        return f"{verdict}: {', '.join(parts)}"

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def filter(
        self,
        *,
        severity: Severity | str | None = None,
        min_severity: Severity | str | None = None,
        codes: Iterable[str] | None = None,
        collaboration: str | None = None,
        path: str | None = None,
        personal: bool | None = None,
    ) -> "Report":
        """Return a report with only the findings that match every filter given.

        Args:
            severity: Keep findings of exactly this severity.
            min_severity: Keep findings of this severity or worse.
            codes: Keep findings of these rules, by code or name.
            collaboration: Keep findings in the collaboration with this id.
            path: Keep findings that point at this path or inside it, e.g.
                ``"$.tasks[1]"`` keeps ``$.tasks[1]`` and ``$.tasks[1].volunteers[0]``.
            personal: Keep only findings that do (``True``) or do not
                (``False``) rest on personal data.

        Returns:
            A new report with the same subject, date and rules.

        Raises:
            ArgumentValueError: a severity is not one of error, warning, info.
            ArgumentTypeError: a severity is neither a ``Severity`` nor text.
        """
        exact = _severity_filter(severity)
        least = _severity_filter(min_severity, "min_severity")
        wanted = None if codes is None else frozenset(codes)

        def inside(candidate: str) -> bool:
            return candidate == path or (
                path is not None and candidate.startswith(path) and candidate[len(path)] in ".["
            )

        kept = [
            finding
            for finding in self.findings
            if (exact is None or finding.severity is exact)
            and (least is None or finding.severity >= least)
            and (wanted is None or finding.code in wanted or finding.name in wanted)
            and (collaboration is None or finding.collaboration == collaboration)
            and (path is None or any(inside(p) for p in finding.paths))
            and (personal is None or finding.personal is personal)
        ]
        return attrs.evolve(self, findings=tuple(kept))

    def by_collaboration(self) -> dict[str, "Report"]:
        """Split the report into one report per collaboration that has findings."""
        ids = sorted({f.collaboration for f in self.findings if f.collaboration is not None})
        return {
            id_: attrs.evolve(
                self,
                subject=id_,
                subject_type="collaboration",
                findings=self.filter(collaboration=id_).findings,
            )
            for id_ in ids
        }

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-compatible data, with counts and the verdict."""
        return {
            "subject": self.subject,
            "subject_type": self.subject_type,
            "today": self.today.isoformat(),
            "passes": self.passes,
            "counts": {severity.value: count for severity, count in self.counts.items()},
            "rules": list(self.rules),
            "findings": [finding.to_dict() for finding in self.findings],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the report as JSON text; the same report always gives the same text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(self, lang: Language = "en") -> str:
        """Render the report for a terminal, grouped by severity, in Danish or English.

        Each finding shows its code and name, the collaboration (in a portfolio
        report), the paths it points at, the message and the source.
        """
        lang = require_language(lang)
        words = _WORDS[lang]
        head = f"{words[self.subject_type]} {self.subject!r}: {words['checked']} "
        lines = [
            head + f"{self.today.isoformat()} ({len(self.rules)} {words['rules']})",
            self.summary(lang),
        ]
        if not self.findings:
            lines.extend(["", str(words["none"])])
        portfolio = self.subject_type == "portfolio"
        for severity in sorted(Severity, reverse=True):
            group = [finding for finding in self.findings if finding.severity is severity]
            if not group:
                continue
            lines.extend(["", f"{_HEADINGS[lang][severity]} ({len(group)})"])
            for finding in group:
                title = f"  {finding.code} {finding.name}"
                if portfolio and finding.collaboration is not None:
                    title += f" [{words['in']} {finding.collaboration}]"
                lines.append(title)
                if finding.paths:
                    lines.append(f"    {words['at']}: {', '.join(finding.paths)}")
                lines.extend(
                    textwrap.wrap(
                        finding.message(lang),
                        width=_WIDTH,
                        initial_indent="    ",
                        subsequent_indent="    ",
                    )
                )
                lines.extend(
                    textwrap.wrap(
                        f"{words['source']}: {finding.source}",
                        width=_WIDTH,
                        initial_indent="    ",
                        subsequent_indent="      ",
                    )
                )
        return "\n".join(lines) + "\n"


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


def settings_help() -> Mapping[str, tuple[str, Evidence]]:
    """Return each setting's help text and evidence, for the rule catalogue."""
    return {
        field.name: (field.metadata["help"], field.metadata["evidence"])
        for field in attrs.fields(CheckSettings)
    }
