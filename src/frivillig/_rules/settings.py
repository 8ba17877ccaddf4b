"""The thresholds the rules use: `CheckSettings`, each field with its help and evidence."""

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .._core.frozenmap import FrozenMap
from .._model.validators import FieldError, number_range
from .._model.volunteers import Attachment
from .._scores.scores import FormalisationSettings
from ..schedules import DEFAULT_TOLERANCE, EvaluationTolerance
from .findings import Evidence


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


def settings_help() -> Mapping[str, tuple[str, Evidence]]:
    """Return each setting's help text and evidence, for the rule catalogue."""
    return {
        field.name: (field.metadata["help"], field.metadata["evidence"])
        for field in attrs.fields(CheckSettings)
    }
