"""The exceptions and warnings that frivillig raises.

Every exception the library raises on purpose derives from
[`FrivilligError`][frivillig.errors.FrivilligError]. Errors about bad input also
derive from `ValueError`, so code that already catches `ValueError` keeps working.
The classes, the attributes and the problem ``code`` values are part of the public
API; the wording of messages is not and may improve between releases.

A [`ValidationError`][frivillig.errors.ValidationError] lists *every* problem it
found, each with a JSON path in the form ``$.goals[0].agreements[1].party``, so
that a loading error and a rule finding read alike.

Examples:
    >>> from frivillig.errors import Problem, ValidationError
    >>> problem = Problem(path="$.title", message="must not be empty", code="empty")
    >>> print(ValidationError([problem]))
    1 problem:
      $.title: must not be empty
    >>> problem.render("da")
    '$.title: må ikke være tom'
"""

from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from ._core.paths import render_path

__all__ = [
    "ArgumentTypeError",
    "ArgumentValueError",
    "FieldError",
    "FrivilligError",
    "FrivilligWarning",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "Problem",
    "RuleError",
    "SchemaVersionError",
    "TransitionError",
    "UsageError",
    "ValidationError",
]

Language = Literal["da", "en"]
"""A language the library writes labels and messages in: Danish or English."""

LANGUAGES: tuple[Language, ...] = ("da", "en")


def require_language(value: object, name: str = "lang") -> Language:
    """Return ``value`` when it is ``"da"`` or ``"en"``; raise otherwise.

    Case matters: ``"DA"`` is refused rather than read as English or Danish. Any
    other text raises [`ArgumentValueError`][frivillig.errors.ArgumentValueError],
    anything else [`ArgumentTypeError`][frivillig.errors.ArgumentTypeError]: a
    wrong language is the calling code's mistake. The two languages are compared
    first, so the check costs a label or a message almost nothing.
    """
    if value == "da" or value == "en":  # compared, not hashed: any object may come
        return value
    if not isinstance(value, str):
        message = f"{name} must be 'da' or 'en', got {type(value).__name__}"
        raise ArgumentTypeError(message)
    choices = " or ".join(repr(lang) for lang in LANGUAGES)
    hint = f" (did you mean {value.lower()!r}?)" if value.lower() in LANGUAGES else ""
    message = f"{name} must be {choices}{hint}"
    raise ArgumentValueError(message)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a value, and where it is.

    The message is in English; [`message_da`][frivillig.errors.Problem.message_da]
    gives it in Danish, and [`render`][frivillig.errors.Problem.render] either.

    Attributes:
        path: Where the problem is, as a JSON path from the document's root
            (``$`` is the root, ``$.participants[2].actor.kind`` a nested field).
        message: What is wrong and what was expected, in English.
        code: A short, stable, machine-readable kind of problem, for example
            ``"type"``, ``"missing"``, ``"unknown_field"``, ``"choice"``,
            ``"range"``, ``"format"``, ``"checksum"``, ``"reference"``,
            ``"order"``, ``"duplicate"``, ``"schema_version"`` or ``"json"``.
    """

    path: str
    message: str
    code: str

    @property
    def message_da(self) -> str:
        """The message in Danish.

        It is made from the English message by its template, so it is not a field:
        problems compare, hash and pickle by ``path``, ``message`` and ``code`` as
        before. Values, codes and field names stay as the message quotes them. A
        message of no known template (one made by your own code, say) is given
        in English.
        """
        from ._core.problem_text import danish

        return danish(self.message) or self.message

    def message_in(self, lang: Language = "en") -> str:
        """The message in Danish (``"da"``) or English (``"en"``).

        Raises:
            ArgumentValueError: ``lang`` is other text (``"DA"``, say).
            ArgumentTypeError: ``lang`` is not text.
        """
        return self.message_da if require_language(lang) == "da" else self.message

    def render(self, lang: Language = "en") -> str:
        """Render the problem as ``path: message`` in Danish or English.

        Raises:
            ArgumentValueError: ``lang`` is other text (``"DA"``, say).
            ArgumentTypeError: ``lang`` is not text.
        """
        return f"{self.path}: {self.message_in(lang)}"

    def __str__(self) -> str:
        """Render the problem as ``path: message``."""
        return f"{self.path}: {self.message}"


class FrivilligError(Exception):
    """The base of every exception frivillig raises on purpose."""


class ValidationError(FrivilligError, ValueError):
    """A value, an object or a document breaks one or more of the model's rules.

    Attributes:
        problems: Every problem found, in document order.
    """

    message = "The value is not valid."

    def __init__(self, problems: Iterable[Problem] = (), message: str | None = None) -> None:
        """Create the error from the problems found.

        Args:
            problems: The problems; at least one is expected, but an error made
                without any still renders its class's default message.
            message: A summary line to show instead of the count of problems.
        """
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.summary = message
        super().__init__(str(self))

    def __str__(self) -> str:
        """Render a summary line and one line per problem."""
        if not self.problems:
            return self.summary or self.message
        count = len(self.problems)
        head = self.summary or f"{count} problem{'s' if count != 1 else ''}:"
        return "\n".join([head, *(f"  {problem}" for problem in self.problems)])

    def __reduce__(self) -> tuple[type["ValidationError"], tuple[tuple[Problem, ...], str | None]]:
        """Pickle and copy with the problems intact."""
        return (type(self), (self.problems, self.summary))


class FieldError(ValidationError):
    """A field's value breaks a rule of the model, found while the object was made.

    Raised by the classes of the model when one is made or changed in Python
    (``Participant(roles=("owner",))``, ``attrs.evolve(goal, text=" ")``). It is a
    [`ValidationError`][frivillig.ValidationError] with one problem, whose path is
    relative to the object being made: ``$.roles[0]`` names the first member of
    the field ``roles``. The loader reports the same problem at the object's place
    in the document instead.

    Attributes:
        path: Path segments relative to the object: the field name first, then
            indexes (``int``) or mapping keys for values inside it.
        message: What is wrong and what was expected.
        code: The stable kind of problem (see [`Problem`][frivillig.Problem]).
    """

    def __init__(self, path: Sequence[str | int], message: str, code: str) -> None:
        """Create the error; see the class's attributes."""
        self.path = tuple(path)
        self.message = message
        self.code = code
        super().__init__([Problem(path=render_path(self.path), message=message, code=code)])

    def __reduce__(self) -> Any:
        """Pickle and copy with the path intact."""
        return (type(self), (self.path, self.message, self.code))


class InvalidFormat(ValidationError):
    """A value has the wrong shape: a bad identifier, a date not in ISO form, ..."""

    message = "The value has an invalid format."


class InvalidLength(InvalidFormat):
    """A value has the wrong length, for example a CVR number without 8 digits."""

    message = "The value has an invalid length."


class InvalidChecksum(ValidationError):
    """A number's check digit does not match, for example a mistyped CVR number."""

    message = "The number's check digit is invalid."


class InvalidComponent(ValidationError):
    """A value is well formed but refers to something that does not exist.

    For example a municipality code that no Danish municipality has.
    """

    message = "The value refers to something unknown."


class SchemaVersionError(ValidationError):
    """A document's ``schema_version`` is missing, malformed or not supported."""

    message = "The document's schema version is not supported."


class TransitionError(FrivilligError, ValueError):
    """A collaboration cannot move to the asked lifecycle status.

    Attributes:
        problems: Each precondition that failed, with the path of the object
            that blocks the transition.
    """

    def __init__(self, message: str, problems: Iterable[Problem] = ()) -> None:
        """Create the error from a summary and the failed preconditions."""
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.summary = message
        super().__init__(str(self))

    def __str__(self) -> str:
        """Render the summary and one line per failed precondition."""
        return "\n".join([self.summary, *(f"  {problem}" for problem in self.problems)])

    def __reduce__(self) -> tuple[type["TransitionError"], tuple[str, tuple[Problem, ...]]]:
        """Pickle and copy with the problems intact."""
        return (type(self), (self.summary, self.problems))


class UsageError(FrivilligError):
    """The calling code used the API wrongly: a programming mistake, not bad data.

    A service maps a [`ValidationError`][frivillig.ValidationError] to "your
    document is bad"; a ``UsageError`` is the service's own bug (a ``datetime``
    passed where a date belongs, a language that is not ``"da"`` or ``"en"``,
    a dict where a ``Collaboration`` belongs). It is never a ``ValidationError``,
    and each concrete class is also the built-in exception Python code expects.
    """


class ArgumentTypeError(UsageError, TypeError):
    """An argument has the wrong type, e.g. a ``datetime`` for ``today``."""


class ArgumentValueError(UsageError, ValueError):
    """An argument has the right type but a value the function does not take."""


class RuleError(UsageError, TypeError):
    """A rule of your own gave something other than a [`Hit`][frivillig.Hit].

    A rule's ``check`` must return an iterable of hits; anything else is a mistake
    in the rule's code, not bad data, so it is a
    [`UsageError`][frivillig.UsageError] (and a ``TypeError``), raised by
    [`check`][frivillig.check] and [`check_portfolio`][frivillig.check_portfolio]
    when the rule runs. The message names the rule and the type of what it gave,
    never the value.

    Attributes:
        rule: The code of the rule, e.g. ``"KK201"``.
        got: The name of the type the rule gave, e.g. ``"str"``.
    """

    def __init__(self, rule: str, got: str, message: str | None = None) -> None:
        """Create the error; see the class's attributes."""
        self.rule = rule
        self.got = got
        super().__init__(message or f"rule {rule} gave a {got}, not a Hit")

    def __reduce__(self) -> Any:
        """Pickle and copy with the attributes intact."""
        return (type(self), (self.rule, self.got, str(self)))


class FrivilligWarning(UserWarning):
    """The base of every warning frivillig emits, so all can be filtered at once."""
