"""Cross-references inside a collaboration: every id named must exist.

Single fields are checked when an object is made; whether a goal's agreement
names a party that is really in the collaboration can only be checked on the
whole. The loader runs these checks on every document, and the rule check
reports them as findings.
"""

from collections.abc import Iterator
from typing import TypeVar

from ._collaboration import Collaboration
from ._portfolio import Portfolio
from ._validators import render_path
from .errors import Problem, ValidationError

__all__ = ["integrity_problems", "is_valid", "validate"]

V = TypeVar("V", Collaboration, Portfolio)

Path = tuple[str | int, ...]


def _dangling(collaboration: Collaboration) -> Iterator[tuple[Path, str]]:
    parties = collaboration.party_ids
    volunteer_ids = {volunteer.id for volunteer in collaboration.volunteers}
    goal_ids = {goal.id for goal in collaboration.goals}

    def party(path: Path, value: str | None, what: str) -> Iterator[tuple[Path, str]]:
        if value is not None and value not in parties:
            yield path, f"{what} {value!r} is not a participant of the collaboration"

    yield from party(("initiator",), collaboration.initiator, "initiator")
    for task_kind, holder in collaboration.responsibilities.items():
        yield from party(("responsibilities", task_kind.value), holder, "holder")
    for g, goal in enumerate(collaboration.goals):
        for w, wish in enumerate(goal.wishes):
            yield from party(("goals", g, "wishes", w, "party"), wish.party, "party")
        for a, agreement in enumerate(goal.agreements):
            yield from party(("goals", g, "agreements", a, "party"), agreement.party, "party")
    for t, task in enumerate(collaboration.tasks):
        yield from party(("tasks", t, "led_by"), task.led_by, "leader")
        for v, volunteer_id in enumerate(task.volunteers):
            if volunteer_id not in volunteer_ids:
                yield (
                    ("tasks", t, "volunteers", v),
                    f"volunteer {volunteer_id!r} is not among the collaboration's volunteers",
                )
    for v, volunteer in enumerate(collaboration.volunteers):
        yield from party(("volunteers", v, "association"), volunteer.association, "association")
        if volunteer.child_certificate is not None:
            yield from party(
                ("volunteers", v, "child_certificate", "checked_by"),
                volunteer.child_certificate.checked_by,
                "checker",
            )
    if collaboration.agreement is not None:
        for p, party_id in enumerate(collaboration.agreement.parties):
            yield from party(("agreement", "parties", p), party_id, "signing party")
    if collaboration.forum is not None:
        for p, party_id in enumerate(collaboration.forum.agenda_set_by):
            yield from party(("forum", "agenda_set_by", p), party_id, "party")
    if collaboration.evaluation_plan is not None:
        for p, party_id in enumerate(collaboration.evaluation_plan.respondents):
            yield from party(("evaluation_plan", "respondents", p), party_id, "respondent")
    for r, round_ in enumerate(collaboration.rounds):
        for s, response in enumerate(round_.responses):
            yield from party(("rounds", r, "responses", s, "party"), response.party, "respondent")
            for goal_id in response.goal_progress:
                if goal_id not in goal_ids:
                    yield (
                        ("rounds", r, "responses", s, "goal_progress", goal_id),
                        f"goal {goal_id!r} is not one of the collaboration's goals",
                    )
        for k, rating in enumerate(round_.ratings):
            yield from party(("rounds", r, "ratings", k, "rater"), rating.rater, "rater")
            yield from party(("rounds", r, "ratings", k, "ratee"), rating.ratee, "rated party")


def integrity_problems(collaboration: Collaboration, *, root: str = "$") -> list[Problem]:
    """List every id in the collaboration that refers to nothing in it.

    Args:
        collaboration: The collaboration to check.
        root: The JSON path of the collaboration in its document.

    Returns:
        One [`Problem`][frivillig.errors.Problem] with code ``"reference"`` per
        dangling id, in document order; empty when every reference resolves.
    """
    return [
        Problem(path=render_path(path, root), message=message, code="reference")
        for path, message in _dangling(collaboration)
    ]


def validate(obj: V) -> V:
    """Check that every id named in a collaboration (or each one of a portfolio) exists.

    Fields are already checked when an object is made; this adds the checks
    that need the whole collaboration. It returns the object unchanged, so it
    can be used inline, as python-stdnum's ``validate`` is.

    Args:
        obj: A collaboration or a portfolio.

    Returns:
        ``obj`` itself.

    Raises:
        ValidationError: some id refers to nothing; ``problems`` lists each.
    """
    if isinstance(obj, Portfolio):
        problems = [
            problem
            for index, collaboration in enumerate(obj.collaborations)
            for problem in integrity_problems(collaboration, root=f"$.collaborations[{index}]")
        ]
    else:
        problems = integrity_problems(obj)
    if problems:
        raise ValidationError(problems)
    return obj


def is_valid(obj: Collaboration | Portfolio) -> bool:
    """Tell whether [`validate`][frivillig.validate] would accept ``obj``."""
    try:
        if isinstance(obj, Portfolio):
            validate(obj)
        else:
            validate(obj)
    except ValidationError:
        return False
    return True
