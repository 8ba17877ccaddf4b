"""Personal data: which fields hold it, pseudonymisation, redaction and CPR-shaped numbers.

Volunteers are people, and municipal systems that use frivillig are bound by
GDPR and the Danish Data Protection Act (databeskyttelsesloven). The library
keeps personal data to a minimum by design: a volunteer is a pseudonymous id
with a few fields marked ``personal`` in their attrs metadata, and it never
asks for or stores a CPR number (databeskyttelsesloven § 11 lets public
authorities use CPR numbers to identify people; frivillig has no need to).

This module holds what a caller needs on top of that:

- [`personal_fields`][frivillig.personal_fields] lists the fields of a class
  marked personal;
- [`pseudonymise`][frivillig.pseudonymise] makes an analysis export: volunteer
  ids become keyed hashes ([`pseudonym`][frivillig.pseudonym]), in the time logs
  too, and personal fields are dropped or coarsened, as
  [`PSEUDONYMISATION`][frivillig.PSEUDONYMISATION] lists;
- [`redact`][frivillig.redact] makes a copy to share outside the municipality,
  without volunteers, their time logs or internal notes, as
  [`REDACTION`][frivillig.REDACTION] lists;
- [`find_cpr_like`][frivillig.find_cpr_like],
  [`mask_cpr_like`][frivillig.mask_cpr_like] and
  [`cpr_problems`][frivillig.cpr_problems] find numbers shaped like a CPR
  number in free text, and report where they are without repeating them.
"""

import datetime as dt
import enum
import functools
import math
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any, TypeVar, cast

import attrs

from ._core.arguments import require_date, require_instance
from ._core.frozenmap import FrozenMap
from ._core.labels import LabelledEnum
from ._core.paths import render_path
from ._model.collaboration import Collaboration
from ._model.portfolio import Portfolio
from ._model.validators import FieldError, is_identifier
from ._model.volunteers import AgeBand, Volunteer, is_personal
from ._reference.cpr import _CPR_SEPARATORS, CPR_MASK, find_cpr_like, mask_cpr_like
from .errors import ArgumentTypeError, ArgumentValueError, Problem, ValidationError

__all__ = [
    "CPR_MASK",
    "PSEUDONYMISATION",
    "REDACTION",
    "FieldTreatment",
    "cpr_problems",
    "find_cpr_like",
    "mask_cpr_like",
    "personal_fields",
    "pseudonym",
    "pseudonymise",
    "redact",
]

Shareable = TypeVar("Shareable", Collaboration, Portfolio)
Segment = str | int

MIN_KEY_BYTES = 16
"""The shortest key [`pseudonymise`][frivillig.pseudonymise] accepts: 128 bits."""


_HMAC_CONTEXT = b"frivillig volunteer id\x00"


class FieldTreatment(LabelledEnum):
    """What pseudonymisation or redaction does to one field."""

    KEPT = ("kept", "bevares", "kept as it is")
    DROPPED = ("dropped", "fjernes", "dropped")
    COARSENED = ("coarsened", "gøres grovere", "coarsened")
    PSEUDONYMISED = ("pseudonymised", "pseudonymiseres", "replaced by a keyed hash")
    MASKED = ("masked", "maskeres", "CPR-shaped numbers masked")


PSEUDONYMISATION: FrozenMap[str, FieldTreatment] = FrozenMap(
    {
        "id": FieldTreatment.PSEUDONYMISED,
        "birth_year": FieldTreatment.COARSENED,
        "age_band": FieldTreatment.KEPT,
        "motives": FieldTreatment.DROPPED,
        "hours_offered_per_week": FieldTreatment.COARSENED,
        "authorisations": FieldTreatment.DROPPED,
        "occasions_with_children": FieldTreatment.DROPPED,
        "longest_continuous_days": FieldTreatment.DROPPED,
        "periods_with_children": FieldTreatment.DROPPED,
        "child_certificate": FieldTreatment.DROPPED,
        "confidentiality_signed_on": FieldTreatment.DROPPED,
        "remuneration": FieldTreatment.KEPT,
        "benefit": FieldTreatment.DROPPED,
        "for_own_family": FieldTreatment.KEPT,
        "coercion": FieldTreatment.DROPPED,
        "for_own_benefit": FieldTreatment.DROPPED,
    }
)
"""What [`pseudonymise`][frivillig.pseudonymise] does to each personal field of a volunteer.

``birth_year`` is dropped, after it has filled an empty ``age_band`` when an
``as_of`` date is given; ``hours_offered_per_week`` is rounded to whole hours.
``remuneration`` and ``for_own_family`` are kept, because the model has no
"unknown" for them: dropping them would state something false. ``benefit``,
``coercion`` and ``for_own_benefit`` have one (``None``), so they are dropped.
Every field that is not personal is kept as it is.

A volunteer's time logs (the collaboration's ``time_logs``) stay, so the export
still tells how many hours were given to which task in which month: each log's
``volunteer`` becomes the same pseudonym as the volunteer's ``id``, so the logs
still point at their volunteer, and its ``task``, ``month`` and ``hours`` are
kept as they are. The hours are personal (see
[`TimeLog`][frivillig.TimeLog]); they are kept whole because the analysis is
of hours, and the export is pseudonymised, not anonymous. For a table of hours
without a person in it, use [`hours_records`][frivillig.records.hours_records],
which adds them up over the volunteers."""

REDACTION: FrozenMap[str, FieldTreatment] = FrozenMap(
    {
        "$.volunteers": FieldTreatment.DROPPED,
        "$.time_logs": FieldTreatment.DROPPED,
        "$.tasks[*].volunteers": FieldTreatment.DROPPED,
        "$.responsibility_holders": FieldTreatment.DROPPED,
        "$.tasks[*].description": FieldTreatment.DROPPED,
        "$.goals[*].note": FieldTreatment.DROPPED,
        "$.rounds[*].summary": FieldTreatment.DROPPED,
        "$.rounds[*].responses[*].comment": FieldTreatment.DROPPED,
        "$.agreement.reference": FieldTreatment.DROPPED,
        "$.description": FieldTreatment.DROPPED,
        "every other text": FieldTreatment.MASKED,
    }
)
"""What [`redact`][frivillig.redact] removes from a collaboration, by JSON path.

Every time log goes with the volunteers: a log tells the hours one person gave
a task in a month. A portfolio is redacted collaboration by collaboration, and
loses its own ``description`` too; its volunteer policy is a public document and
is kept."""


# Characters a terminal acts on rather than shows: controls (C0, DEL, C1), format
# characters (bidi overrides and isolates, zero-width characters, the BOM, tags),
# surrogates, and the line and paragraph separators.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(char: str) -> str:
    r"""A character as a visible escape that JSON reads back: ``\n``, ``\u001b``."""
    short = _SHORT_ESCAPES.get(char)
    if short is not None:
        return short
    code = ord(char)
    if code > 0xFFFF:  # a surrogate pair, as JSON writes it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    r"""Return ``text`` as it may be shown on a terminal: nothing hidden, nothing personal.

    Every character a terminal would act on instead of showing it (an escape
    sequence's ESC, any other C0 or C1 control, DEL, a bidi override or
    isolate, a zero-width or other format character, a line break) is written
    as a visible escape, ``\n`` or ``\u202e``, which is also how JSON writes
    it; then every CPR-shaped number is masked as
    [`mask_cpr_like`][frivillig.mask_cpr_like] does. The result is one line,
    and the function is idempotent. Text that is printable and holds no
    CPR-shaped number is returned as it is.
    """
    if not text.isprintable():
        text = "".join(
            _escaped(char) if unicodedata.category(char) in _UNSAFE_CATEGORIES else char
            for char in text
        )
    return mask_cpr_like(text)


def _texts(value: object, path: tuple[Segment, ...]) -> Iterator[tuple[tuple[Segment, ...], str]]:
    """Yield every string inside a model object with its path (mapping keys at the mapping)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, enum.Enum):
        return
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            yield from _texts(getattr(value, field.name), (*path, field.name))
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str):
                yield path, key
            segment = mask_cpr_like(key) if isinstance(key, str) else str(key)
            yield from _texts(item, (*path, segment))


def cpr_problems(obj: object) -> list[Problem]:
    """Flag every text in an object that holds a number shaped like a CPR number.

    The library must not store CPR numbers, and a caseworker may still type
    one into a note, a comment or an id. Every string is checked: free text,
    titles, ids and mapping keys. A problem names where the number is and
    never repeats it.

    Args:
        obj: A collaboration, portfolio, volunteer policy or any other model
            object (or a plain string).

    Returns:
        One [`Problem`][frivillig.errors.Problem] with code ``"cpr"`` per text
        that holds one or more CPR-shaped numbers, in document order; empty when
        there are none.

    Examples:
        >>> import attrs
        >>> from frivillig import cpr_problems, load_example
        >>> collaboration = load_example()
        >>> cpr_problems(collaboration)
        []
        >>> noted = attrs.evolve(collaboration, description="Kontakt: 211062-5629")
        >>> [(p.path, p.code) for p in cpr_problems(noted)]
        [('$.description', 'cpr')]
    """
    problems = []
    for path, spans in cpr_spans(obj):
        where = ", ".join(f"{start + 1}-{end}" for start, end in spans)
        count = "a number" if len(spans) == 1 else f"{len(spans)} numbers"
        problems.append(
            Problem(
                path=path,
                message=(
                    f"holds {count} shaped like a CPR number (characters {where}); "
                    "frivillig must not store CPR numbers: remove it at the source"
                ),
                code="cpr",
            )
        )
    return problems


def _plain_mapping(value: object) -> object:
    """Give msgspec a mapping field as the dict it is kept in."""
    if isinstance(value, FrozenMap):
        return value._data
    if isinstance(value, Mapping):
        return dict(value)
    message = f"msgspec cannot write a {type(value).__name__}"
    raise TypeError(message)


@functools.cache
def _text_encoder() -> Any:
    """A msgspec MessagePack encoder for model objects, or ``None`` without msgspec."""
    try:
        import msgspec
    except ImportError:
        return None
    return msgspec.msgpack.Encoder(enc_hook=_plain_mapping)


_NINES = bytes.maketrans(b"0123456789", b"9999999999")
_NINE_SHAPES = tuple(
    b"999999" + separator.encode() + b"9999" for separator in ("", *_CPR_SEPARATORS)
)


def may_hold_cpr_like(collaboration: Collaboration) -> bool:
    """Tell, cheaply, whether some text of a collaboration may hold a CPR-shaped number.

    ``False`` means ``cpr_spans`` finds nothing in it; ``True`` means it may.
    msgspec writes the whole collaboration as MessagePack in one step: every
    field of the model is public, so every text and mapping key is in it, each
    as its UTF-8 bytes, unchanged. With every digit made a 9, a CPR-shaped
    number is ten 9s, or six and four around one of the separators. Other
    bytes (numbers, lengths, enum values) can only add shapes, so ``True`` may
    be a false alarm, but ``False`` is never a miss.
    """
    encoder = _text_encoder()
    if encoder is None:
        return True
    try:
        data = encoder.encode(collaboration)
    except Exception:  # what msgspec cannot write, the caller looks through text by text
        return True
    nines = data.translate(_NINES)
    # Every shape starts with six 9s: look for the shapes only where those are.
    position = nines.find(b"999999")
    while position >= 0:
        if nines.startswith(_NINE_SHAPES, position):
            return True
        position = nines.find(b"999999", position + 1)
    return False


def cpr_spans(obj: object) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """Yield the JSON path of each text holding CPR-shaped numbers, with the numbers' spans.

    The texts, their order and the spans are those of
    [`cpr_problems`][frivillig.cpr_problems] and
    [`find_cpr_like`][frivillig.find_cpr_like]; the rule check uses them to say
    where a number is without repeating it.
    """
    for path, text in _texts(obj, ()):
        spans = find_cpr_like(text)
        if spans:
            yield render_path(path), spans


def _masked(value: Any, path: tuple[Segment, ...], problems: list[Problem]) -> Any:
    """Return ``value`` with CPR-shaped numbers masked in its strings, rebuilt where needed."""
    if isinstance(value, str):
        return mask_cpr_like(value)
    if isinstance(value, enum.Enum):
        return value
    if attrs.has(type(value)):
        changes = {}
        for field in attrs.fields(type(value)):
            old = getattr(value, field.name)
            new = _masked(old, (*path, field.name), problems)
            if new is not old:
                changes[field.name] = new
        if not changes:
            return value
        try:
            return attrs.evolve(value, **changes)
        except FieldError as error:
            problems.append(
                Problem(
                    path=render_path((*path, *error.path)),
                    message=(
                        "holds a number shaped like a CPR number where it cannot be masked "
                        "(an id or a key); change it at the source"
                    ),
                    code="cpr",
                )
            )
            return value
    if isinstance(value, tuple):
        items = tuple(_masked(item, (*path, index), problems) for index, item in enumerate(value))
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, FrozenMap):
        pairs = [
            (
                _masked(key, path, problems),
                _masked(item, (*path, mask_cpr_like(str(key))), problems),
            )
            for key, item in value.items()
        ]
        unchanged = all(
            a is k and b is v for (a, b), (k, v) in zip(pairs, value.items(), strict=True)
        )
        return value if unchanged else FrozenMap(pairs)
    return value


def _mask_all(obj: Collaboration | Portfolio) -> Collaboration | Portfolio:
    problems: list[Problem] = []
    masked: Collaboration | Portfolio = _masked(obj, (), problems)
    if problems:
        raise ValidationError(problems)
    return masked


# -- personal fields ------------------------------------------------------------------


def personal_fields(cls: type[Any]) -> tuple[str, ...]:
    """Name the fields of a model class that hold personal data.

    A field is personal when its attrs metadata says ``personal``; such fields
    are left out of ``repr`` and never repeated in an error message. Today
    [`Volunteer`][frivillig.Volunteer] has them, which
    [`pseudonymise`][frivillig.pseudonymise] drops or coarsens, and
    [`TimeLog`][frivillig.TimeLog] has one, ``hours``, which
    [`redact`][frivillig.redact] drops with the log and ``pseudonymise`` keeps.

    Args:
        cls: An attrs class of the model, e.g. ``Volunteer``.

    Returns:
        The names of its personal fields, in declaration order (empty if none).

    Raises:
        ArgumentTypeError: ``cls`` is not an attrs class (a programming mistake).

    Examples:
        >>> from frivillig import Collaboration, Volunteer, personal_fields
        >>> personal_fields(Volunteer)[:3]
        ('birth_year', 'age_band', 'motives')
        >>> personal_fields(Collaboration)
        ()
        >>> from frivillig import TimeLog
        >>> personal_fields(TimeLog)
        ('hours',)
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        shown = f"the class {cls.__name__}" if isinstance(cls, type) else type(cls).__name__
        message = f"cls must be a model class (an attrs class), got {shown}"
        raise ArgumentTypeError(message)
    return tuple(field.name for field in attrs.fields(cls) if is_personal(field))


# -- pseudonymisation -----------------------------------------------------------------


def _check_key(key: object) -> bytes:
    if not isinstance(key, bytes | bytearray):
        msg = f"key must be bytes, got {type(key).__name__}"
        raise ArgumentTypeError(msg)
    if len(key) < MIN_KEY_BYTES:
        message = (
            f"key is {len(key)} bytes; use at least {MIN_KEY_BYTES}, e.g. secrets.token_bytes(32)"
        )
        raise ArgumentValueError(message)
    return bytes(key)


def pseudonym(volunteer_id: str, *, key: bytes) -> str:
    """Return the keyed pseudonym [`pseudonymise`][frivillig.pseudonymise] gives a volunteer id.

    The pseudonym is the lower-case, unpadded base32 (RFC 4648) form of
    HMAC-SHA256 with the caller's key over the ASCII bytes
    ``frivillig volunteer id``, a zero byte, and the id in UTF-8: 52
    characters of ``a-z`` and ``2-7``, a valid id in its own right. The same
    id and key always give the same pseudonym; without the key it cannot be
    computed, nor turned back into the id. The
    holder of the key can compute it for a known id, e.g. to find one person in
    an export when they ask for their data.

    Args:
        volunteer_id: A volunteer id.
        key: A secret key of at least 16 bytes, kept by the data controller.

    Returns:
        The pseudonym.

    Raises:
        ArgumentTypeError: ``volunteer_id`` is not text, or ``key`` is not bytes.
        ArgumentValueError: ``volunteer_id`` is not a valid id, or ``key`` is
            shorter than 16 bytes.

    Examples:
        >>> from frivillig import pseudonym
        >>> key = bytes(range(32))
        >>> len(pseudonym("v01", key=key))
        52
        >>> pseudonym("v01", key=key) == pseudonym("v01", key=key)
        True
        >>> pseudonym("v01", key=key) == pseudonym("v01", key=bytes(32))
        False
    """
    secret = _check_key(key)
    given: object = volunteer_id  # any object may come, whatever the annotation says
    if not isinstance(given, str):
        msg = f"volunteer_id must be a str, got {type(given).__name__}"
        raise ArgumentTypeError(msg)
    if not is_identifier(volunteer_id):
        msg = "volunteer_id is not a valid id"
        raise ArgumentValueError(msg)
    import base64  # here: hashlib loads OpenSSL, which only pseudonyms need
    import hashlib
    import hmac

    digest = hmac.new(secret, _HMAC_CONTEXT + volunteer_id.encode("utf-8"), hashlib.sha256)
    return base64.b32encode(digest.digest()).decode("ascii").rstrip("=").lower()


_AGE_BANDS = (
    (15, AgeBand.UNDER_15),
    (18, AgeBand.FROM_15_TO_17),
    (30, AgeBand.FROM_18_TO_29),
    (50, AgeBand.FROM_30_TO_49),
    (67, AgeBand.FROM_50_TO_66),
)


def _age_band(birth_year: int, as_of: dt.date) -> AgeBand | None:
    """The band of the age a person born in ``birth_year`` reaches in ``as_of``'s year."""
    age = as_of.year - birth_year
    if age < 0:
        return None
    for upper, band in _AGE_BANDS:
        if age < upper:
            return band
    return AgeBand.FROM_67


def _default(field: "attrs.Attribute[Any]") -> Any:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return default


def _pseudonymous_volunteer(
    volunteer: Volunteer, new_id: str, as_of: dt.date | None, keep: frozenset[str]
) -> Volunteer:
    changes: dict[str, Any] = {"id": new_id}
    for field in attrs.fields(Volunteer):
        name = field.name
        if not is_personal(field) or name in keep:
            continue
        treatment = PSEUDONYMISATION.get(name, FieldTreatment.DROPPED)
        value = getattr(volunteer, name)
        if treatment is FieldTreatment.KEPT:
            continue
        if name == "birth_year":
            if value is not None and volunteer.age_band is None and as_of is not None:
                changes["age_band"] = _age_band(value, as_of)
            changes[name] = None
        elif name == "hours_offered_per_week":
            changes[name] = None if value is None else float(math.floor(value + 0.5))
        else:
            changes[name] = _default(field)
    return attrs.evolve(volunteer, **changes)


def _pseudonymise_collaboration(
    collaboration: Collaboration, key: bytes, as_of: dt.date | None, keep: frozenset[str]
) -> Collaboration:
    cache: dict[str, str] = {}

    def rename(volunteer_id: str) -> str:
        if volunteer_id not in cache:
            cache[volunteer_id] = pseudonym(volunteer_id, key=key)
        return cache[volunteer_id]

    volunteers = tuple(
        _pseudonymous_volunteer(volunteer, rename(volunteer.id), as_of, keep)
        for volunteer in collaboration.volunteers
    )
    tasks = tuple(
        attrs.evolve(task, volunteers=tuple(rename(v) for v in task.volunteers))
        for task in collaboration.tasks
    )
    # A role holder is a person too, named by an id of the same kind: the same pseudonym
    # keeps a holder who is also a volunteer one person in the export.
    holders = {
        task: rename(holder) for task, holder in collaboration.responsibility_holders.items()
    }
    # A log keeps its task, month and hours, and points at its volunteer's new id.
    logs = tuple(
        attrs.evolve(log, volunteer=rename(log.volunteer)) for log in collaboration.time_logs
    )
    return attrs.evolve(
        collaboration,
        volunteers=volunteers,
        tasks=tasks,
        responsibility_holders=holders,
        time_logs=logs,
    )


def _check_shareable(obj: object) -> None:
    if not isinstance(obj, Collaboration | Portfolio):
        require_instance(obj, Collaboration, "obj", "a Collaboration or a Portfolio")


def _check_keep(keep: object) -> frozenset[str]:
    """The fields to keep, as a set; the caller's mistake when ``keep`` is no collection of text."""
    if isinstance(keep, str | bytes) or not isinstance(keep, Iterable):
        message = f"keep must be a collection of field names, got {type(keep).__name__}"
        raise ArgumentTypeError(message)
    kept = frozenset(keep)
    for name in kept:
        if not isinstance(name, str):
            msg = f"keep must hold field names (str), got {type(name).__name__}"
            raise ArgumentTypeError(msg)
    return kept


def pseudonymise(
    obj: Shareable,
    *,
    key: bytes,
    as_of: dt.date | None = None,
    keep: Collection[str] = (),
) -> Shareable:
    """Make an analysis export of a collaboration or portfolio: keyed ids, less personal data.

    Every volunteer id becomes its [`pseudonym`][frivillig.pseudonym], and so
    does every reference to it (the volunteers of each task and the volunteer of
    each time log), and so does the id of each role holder
    (``responsibility_holders``), a person too. A time log keeps its task, month
    and hours, so the export still adds up the hours given. The same id gets
    the same pseudonym in every collaboration of a portfolio and in every export
    made with the same key, so exports can be joined; with another key they
    cannot. Personal fields are dropped or coarsened as
    [`PSEUDONYMISATION`][frivillig.PSEUDONYMISATION] lists, unless named in
    ``keep``; every field that is not personal is kept as it is. A number shaped
    like a CPR number anywhere in the text is masked.

    The result is pseudonymised, not anonymous: whoever holds the key can link
    it back to the volunteers, so under GDPR it is still personal data.

    Args:
        obj: A collaboration or a portfolio.
        key: A secret key of at least 16 bytes (e.g. ``secrets.token_bytes(32)``),
            kept apart from the export.
        as_of: The date ages are reckoned at; when given, a birth year fills an
            empty age band with the age reached in that year. Without it, birth
            years are dropped without a trace.
        keep: Personal fields of a volunteer to keep unchanged, e.g.
            ``{"motives"}`` for an analysis of motivation.

    Returns:
        A new object of the same type.

    Raises:
        ArgumentTypeError: ``obj`` is not a collaboration or portfolio, ``key``
            is not bytes, ``keep`` is not a collection of names or ``as_of``
            is not a date (programming mistakes).
        ArgumentValueError: the key is shorter than 16 bytes, or ``keep``
            names a field that is not personal.
        ValidationError: an id or key in the data holds a CPR-shaped number
            that cannot be masked.

    Examples:
        >>> import datetime as dt
        >>> from frivillig import load_example, pseudonym, pseudonymise
        >>> collaboration = load_example()
        >>> export = pseudonymise(collaboration, key=bytes(range(32)), as_of=dt.date(2026, 6, 1))
        >>> [len(volunteer.id) for volunteer in export.volunteers][:2]
        [52, 52]
        >>> export.tasks[0].volunteers[0] == export.volunteers[0].id
        True
        >>> export.volunteers[0].motives
        FrozenMap({})
        >>> first, log = collaboration.time_logs[0], export.time_logs[0]
        >>> log.volunteer == pseudonym(first.volunteer, key=bytes(range(32)))
        True
        >>> (log.task, log.month, log.hours) == (first.task, first.month, first.hours)
        True
    """
    _check_shareable(obj)
    secret = _check_key(key)
    if as_of is not None:
        require_date(as_of, "as_of")
    allowed = set(personal_fields(Volunteer))
    kept = _check_keep(keep)
    unknown = sorted(kept - allowed)
    if unknown:
        shown = ", ".join(repr(mask_cpr_like(name)[:60]) for name in unknown)
        message = (
            f"keep names {shown}, which {'is' if len(unknown) == 1 else 'are'} not "
            f"personal fields of a volunteer; choose from {', '.join(sorted(allowed))}"
        )
        raise ArgumentValueError(message)
    target: Collaboration | Portfolio = obj
    if isinstance(target, Portfolio):
        result: Collaboration | Portfolio = attrs.evolve(
            target,
            collaborations=tuple(
                _pseudonymise_collaboration(c, secret, as_of, kept) for c in target.collaborations
            ),
        )
    else:
        result = _pseudonymise_collaboration(target, secret, as_of, kept)
    return cast(Shareable, _mask_all(result))


# -- redaction ------------------------------------------------------------------------


def _redact_collaboration(collaboration: Collaboration) -> Collaboration:
    agreement = collaboration.agreement
    if agreement is not None:
        agreement = attrs.evolve(agreement, reference=None)
    return attrs.evolve(
        collaboration,
        volunteers=(),
        time_logs=(),
        responsibility_holders={},
        tasks=tuple(
            attrs.evolve(task, volunteers=(), description=None) for task in collaboration.tasks
        ),
        goals=tuple(attrs.evolve(goal, note=None) for goal in collaboration.goals),
        rounds=tuple(
            attrs.evolve(
                round_,
                summary=None,
                responses=tuple(
                    attrs.evolve(response, comment=None) for response in round_.responses
                ),
            )
            for round_ in collaboration.rounds
        ),
        agreement=agreement,
        description=None,
    )


def redact(obj: Shareable) -> Shareable:
    """Make a copy of a collaboration or portfolio to share outside the municipality.

    Sharing a good collaboration with another municipality, a researcher or
    the public needs its goals, tasks, parties and evaluation, not the people
    in it or the notes written about them. [`REDACTION`][frivillig.REDACTION]
    lists what goes: every volunteer record (and each task's list of
    volunteers), every time log (the hours each volunteer gave each task in a
    month), the people who hold the volunteer-management responsibilities (the
    parties that hold them stay), and the free-text fields where internal notes
    are kept (the descriptions, goal notes, evaluation summaries and comments,
    and the agreement's internal reference). In every text that stays, numbers
    shaped like a CPR number are masked. For the hours given without the people,
    share the table [`hours_records`][frivillig.records.hours_records] makes,
    which adds them up over the volunteers of each task and month.

    Redaction cannot find names or other details in the text it keeps (titles,
    goals, wishes, value case, party names): read them before sharing.

    Args:
        obj: A collaboration or a portfolio.

    Returns:
        A new object of the same type.

    Raises:
        ArgumentTypeError: ``obj`` is not a collaboration or portfolio (a
            programming mistake).
        ValidationError: an id or key in the data holds a CPR-shaped number
            that cannot be masked.

    Examples:
        >>> from frivillig import load_example, redact
        >>> shared = redact(load_example())
        >>> shared.volunteers, shared.tasks[0].volunteers, shared.time_logs
        ((), (), ())
        >>> shared.goals == load_example().goals
        True
    """
    _check_shareable(obj)
    target: Collaboration | Portfolio = obj
    if isinstance(target, Portfolio):
        result: Collaboration | Portfolio = attrs.evolve(
            target,
            description=None,
            collaborations=tuple(_redact_collaboration(c) for c in target.collaborations),
        )
    else:
        result = _redact_collaboration(target)
    return cast(Shareable, _mask_all(result))
