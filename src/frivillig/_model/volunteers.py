"""Volunteers: the people who give their time, kept to the minimum of personal data.

A volunteer is identified by a pseudonymous id that only the municipality's or
association's own system can link to a person. The library never stores a name,
an address or a CPR number. The fields that are still personal (birth year, age
band, motives, time with children, checks held, hours, benefits, obligations) are
marked ``personal`` in their attrs metadata and are left out of ``repr``.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .._core.frozenmap import FrozenMap
from .._core.labels import LabelledEnum
from .._reference.cpr import find_cpr_like
from .validators import (
    MAX_TITLE,
    FieldError,
    as_tuple,
    identifier,
    number_range,
    optional_identifier,
    sequence_converters,
    strings,
    texts,
    typed_fields,
)

__all__ = [
    "AgeBand",
    "Attachment",
    "Benefit",
    "ChildCertificateCheck",
    "Coercion",
    "Engagement",
    "PeriodWithChildren",
    "Remuneration",
    "Volunteer",
    "VolunteerFunction",
    "is_personal",
]

PERSONAL = {"personal": True}
"""Field metadata that marks a field as personal data."""


def is_personal(field: "attrs.Attribute[Any]") -> bool:
    """Tell whether an attrs field holds personal data about a volunteer."""
    return bool(field.metadata.get("personal", False))


class VolunteerFunction(LabelledEnum):
    """The six motivational functions of the Volunteer Functions Inventory (Clary et al. 1998)."""

    VALUES = ("values", "værdier", "values")
    UNDERSTANDING = ("understanding", "forståelse", "understanding")
    SOCIAL = ("social", "socialt", "social")
    CAREER = ("career", "karriere", "career")
    PROTECTIVE = ("protective", "beskyttelse", "protective")
    ENHANCEMENT = ("enhancement", "selvudvikling", "enhancement")


class AgeBand(LabelledEnum):
    """Coarse age bands, for when a birth year is more than the purpose needs."""

    UNDER_15 = ("under_15", "under 15 år", "under 15")
    FROM_15_TO_17 = ("15_17", "15-17 år", "15-17")
    FROM_18_TO_29 = ("18_29", "18-29 år", "18-29")
    FROM_30_TO_49 = ("30_49", "30-49 år", "30-49")
    FROM_50_TO_66 = ("50_66", "50-66 år", "50-66")
    FROM_67 = ("67_plus", "67 år og derover", "67 and over")


class Attachment(LabelledEnum):
    """How a volunteer is attached: the distinction behind the child-certificate rule.

    A role meant from the start to be more than one-off or short-term has
    regular attachment (fast tilknytning) and needs the certificate before the
    volunteer starts.
    """

    ONE_OFF = ("one_off", "enkeltstående", "one-off")
    SHORT_TERM = ("short_term", "kortvarig", "short-term")
    REGULAR = ("regular", "fast tilknytning", "regular attachment")


class Engagement(LabelledEnum):
    """Who engages the volunteer: the municipality directly, or an association."""

    MUNICIPALITY = ("municipality", "direkte i kommunen", "directly by the municipality")
    ASSOCIATION = ("association", "gennem en forening", "through an association")


class Remuneration(LabelledEnum):
    """What a volunteer receives, from nothing to pay (which is no longer volunteering)."""

    NONE = ("none", "intet", "nothing")
    EXPENSES = ("expenses", "dækning af udgifter", "reimbursed expenses")
    SYMBOLIC = ("symbolic", "symbolsk beløb", "a symbolic amount")
    TAX_FREE_ALLOWANCE = (
        "tax_free_allowance",
        "skattefri godtgørelse (LL § 7 M)",
        "tax-free allowance (LL § 7 M)",
    )
    PAY = ("pay", "løn", "pay")


class Benefit(LabelledEnum):
    """A public benefit that limits how much unpaid voluntary work a volunteer may do.

    Volunteers on unemployment benefit (dagpenge) or early retirement pay
    (efterløn) may give a voluntary organisation only so many hours a month of
    unpaid voluntary work (frivilligt ulønnet arbejde) without a deduction;
    activities (aktiviteter) are unlimited. Other benefits have rules of their
    own that the library does not model.
    """

    NONE = ("none", "hverken dagpenge eller efterløn", "neither dagpenge nor efterløn")
    UNEMPLOYMENT = ("unemployment", "dagpenge", "unemployment benefit (dagpenge)")
    EARLY_RETIREMENT = ("early_retirement", "efterløn", "early retirement pay (efterløn)")


class Coercion(LabelledEnum):
    """Whether a volunteer takes part freely, or under an obligation that makes it not voluntary.

    Volunteering in the sense of Serviceloven § 18 is free of physical, legal
    and economic coercion: no one may face a sanction for stopping.
    """

    NONE = ("none", "fri til at stoppe", "free to stop")
    BENEFIT_CONDITION = (
        "benefit_condition",
        "betingelse for en offentlig ydelse",
        "a condition of a public benefit",
    )
    SENTENCE = (
        "sentence",
        "del af en dom (fx samfundstjeneste)",
        "part of a sentence (e.g. community service)",
    )
    OTHER = ("other", "anden sanktion ved ophør", "another sanction for stopping")


def _motive_map(value: Mapping[VolunteerFunction, int]) -> FrozenMap[VolunteerFunction, int]:
    return FrozenMap(value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ChildCertificateCheck:
    """That a child-protection certificate (børneattest) was obtained, and with what outcome.

    Only the fact of the check is stored, never the certificate's content.

    Attributes:
        checked_on: The date the certificate was received and checked.
        checked_by: The id of the party that checked it.
        clear: Whether the certificate was clear (no relevant convictions).
    """

    checked_on: dt.date
    checked_by: str = attrs.field(validator=identifier)
    clear: bool


def _last_day(
    instance: "PeriodWithChildren", attribute: "attrs.Attribute[Any]", value: object
) -> None:
    if isinstance(value, dt.date) and value < instance.first_day:
        raise FieldError(
            (attribute.name,),
            "is before first_day; a period ends on or after the day it begins",
            "order",
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PeriodWithChildren:
    """One occasion, or one continuous period, in which a volunteer was with children under 15.

    The child-certificate rule counts these: several occasions within a few
    months, or one continuous period of more than a week (a camp, say), make a
    volunteer regularly attached even when the role was not meant to be.

    Attributes:
        first_day: The day the occasion or period began.
        last_day: The last day of a period of more than one day, inclusive; empty
            for an occasion of a single day.
    """

    first_day: dt.date
    last_day: dt.date | None = attrs.field(default=None, validator=_last_day)

    @property
    def days(self) -> int:
        """How many days in a row the occasion or period lasted, counting both ends."""
        return ((self.last_day or self.first_day) - self.first_day).days + 1


def _pseudonymous_id(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    identifier(_, attribute, value)
    if find_cpr_like(str(value)):
        raise FieldError(
            (attribute.name,),
            "is shaped like a CPR number; a volunteer's id must be a pseudonym, never a CPR number",
            "personal_data",
        )


def _periods(value: Sequence[PeriodWithChildren] | None) -> tuple[PeriodWithChildren, ...] | None:
    return value if value is None or type(value) is tuple else as_tuple(value)


sequence_converters(_periods)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Volunteer:
    """A volunteer (frivillig), by pseudonymous id, with what the rules and scores need.

    Attributes:
        id: A pseudonymous id, unique in the collaboration.
        engagement: Whether the municipality engages the volunteer directly or an
            association does.
        association: The id of the participant that engages the volunteer, when
            it is an association.
        birth_year: The birth year, if the purpose needs it (personal).
        age_band: A coarse age band, when the birth year is more than needed (personal).
        motives: How strongly each of the six VFI functions motivates the
            volunteer, on the VFI's 1-7 scale (personal).
        wants_influence: Whether the volunteer wants a say (a "head"), not only
            practical work (a "hand").
        hours_offered_per_week: Hours per week the volunteer offers (personal).
        skills: Skills the volunteer brings, in plain words.
        authorisations: Professional authorisations, e.g. ``"sygeplejerske"`` (personal).
        attachment: How the volunteer is attached (one-off, short-term, regular).
        started_on: The date the volunteer started; ``None`` when not started or not
            recorded. While the collaboration is not running (exploring, agreeing
            goals, ended), the rules read ``None`` as not started; once it runs, as
            not recorded.
        occasions_with_children: How many times the volunteer has acted as a
            leader or helper for children under 15, undated (personal). Read
            from older documents; it can rule the child-certificate backstop
            out, but not date it: record ``periods_with_children`` instead.
        longest_continuous_days: The longest continuous period, in days, spent
            with children under 15, e.g. on a camp, undated (personal); as
            ``occasions_with_children``.
        periods_with_children: Each occasion and continuous period the
            volunteer spent with children under 15, with its dates (personal);
            empty when there was none yet, ``None`` when not recorded.
        child_certificate: The last child-protection certificate check, if any (personal).
        confidentiality_signed_on: The date a confidentiality undertaking
            (tavshedserklæring) was signed, if one was (personal).
        remuneration: What the volunteer receives (personal).
        benefit: The benefit the volunteer receives that caps unpaid voluntary
            work without deduction: dagpenge, efterløn or neither; ``None`` when
            not recorded (personal).
        for_own_family: Whether the work is done for the volunteer's own family,
            which is not volunteering in the § 18 sense (personal).
        coercion: Whether the volunteer takes part freely or under an
            obligation (a condition of a benefit, a sentence, another sanction
            for stopping), which is not volunteering in the § 18 sense;
            ``None`` when not recorded (personal).
        for_own_benefit: Whether the volunteer takes part for their own
            benefit, e.g. as a member of a self-help group rather than its
            facilitator, which is not volunteering in the § 18 sense; ``None``
            when not recorded (personal).
    """

    id: str = attrs.field(validator=_pseudonymous_id)
    engagement: Engagement = Engagement.ASSOCIATION
    association: str | None = attrs.field(default=None, validator=optional_identifier)
    birth_year: int | None = attrs.field(
        default=None,
        repr=False,
        metadata=PERSONAL,
        validator=number_range(1900, 2100, optional=True, personal=True),
    )
    age_band: AgeBand | None = attrs.field(default=None, repr=False, metadata=PERSONAL)
    motives: FrozenMap[VolunteerFunction, int] = attrs.field(
        factory=FrozenMap, converter=_motive_map, repr=False, metadata=PERSONAL
    )
    wants_influence: bool = False
    hours_offered_per_week: float | None = attrs.field(
        default=None,
        repr=False,
        metadata=PERSONAL,
        validator=number_range(0, 168, optional=True, personal=True),
    )
    skills: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=texts(MAX_TITLE))
    authorisations: tuple[str, ...] = attrs.field(
        default=(), converter=strings, repr=False, metadata=PERSONAL, validator=texts(MAX_TITLE)
    )
    attachment: Attachment = Attachment.REGULAR
    started_on: dt.date | None = None
    occasions_with_children: int | None = attrs.field(
        default=None,
        repr=False,
        metadata=PERSONAL,
        validator=number_range(0, 100_000, optional=True, personal=True),
    )
    longest_continuous_days: int | None = attrs.field(
        default=None,
        repr=False,
        metadata=PERSONAL,
        validator=number_range(0, 100_000, optional=True, personal=True),
    )
    periods_with_children: tuple[PeriodWithChildren, ...] | None = attrs.field(
        default=None, converter=_periods, repr=False, metadata=PERSONAL
    )
    child_certificate: ChildCertificateCheck | None = attrs.field(
        default=None, repr=False, metadata=PERSONAL
    )
    confidentiality_signed_on: dt.date | None = attrs.field(
        default=None, repr=False, metadata=PERSONAL
    )
    remuneration: Remuneration = attrs.field(
        default=Remuneration.NONE, repr=False, metadata=PERSONAL
    )
    benefit: Benefit | None = attrs.field(default=None, repr=False, metadata=PERSONAL)
    for_own_family: bool = attrs.field(default=False, repr=False, metadata=PERSONAL)
    coercion: Coercion | None = attrs.field(default=None, repr=False, metadata=PERSONAL)
    for_own_benefit: bool | None = attrs.field(default=None, repr=False, metadata=PERSONAL)

    @motives.validator
    def _check_motives(
        self, attribute: "attrs.Attribute[Any]", value: FrozenMap[object, object]
    ) -> None:
        for function, strength in value.items():
            if not isinstance(function, VolunteerFunction):
                raise FieldError((attribute.name,), "keys must be VFI functions", "choice")
            if (
                isinstance(strength, bool)
                or not isinstance(strength, int)
                or not 1 <= strength <= 7
            ):
                raise FieldError(
                    (attribute.name, function.value),
                    "is out of range; a VFI motive strength is a whole number from 1 to 7",
                    "range",
                )

    @association.validator
    def _check_association(self, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if self.engagement is Engagement.MUNICIPALITY and value is not None:
            raise FieldError(
                (attribute.name,),
                "is set, but engagement is 'municipality'; leave it empty or engage the "
                "volunteer through the association",
                "conflict",
            )
