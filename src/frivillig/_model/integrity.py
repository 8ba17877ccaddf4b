"""Cross-references inside a collaboration: every id named must exist.

Single fields are checked when an object is made; whether a goal's agreement
names a party that is really in the collaboration can only be checked on the
whole. The loader runs these checks on every document, and the rule check
reports them as findings.
"""

from typing import TypeVar

from .._core.paths import render_path
from ..errors import Problem, ValidationError
from .collaboration import Collaboration
from .portfolio import Portfolio

__all__ = ["integrity_problems", "is_valid", "validate"]

V = TypeVar("V", Collaboration, Portfolio)

Path = tuple[str | int, ...]


def _resolves(collaboration: Collaboration) -> bool:
    """Whether every id the collaboration names is one of its parts: `_dangling` finds none.

    The ids named are gathered into sets and compared with the parts in one go,
    which costs less than testing each where it is.
    """
    parties = {participant.id for participant in collaboration.participants}
    named = {collaboration.initiator, *collaboration.responsibilities.values()}
    for goal in collaboration.goals:
        for wish in goal.wishes:
            named.add(wish.party)
        for agreement in goal.agreements:
            named.add(agreement.party)
    if collaboration.tasks:
        volunteer_ids = {volunteer.id for volunteer in collaboration.volunteers}
        for task in collaboration.tasks:
            named.add(task.led_by)
            if not volunteer_ids.issuperset(task.volunteers):
                return False
    for volunteer in collaboration.volunteers:
        named.add(volunteer.association)
        if volunteer.child_certificate is not None:
            named.add(volunteer.child_certificate.checked_by)
    if collaboration.agreement is not None:
        named.update(collaboration.agreement.parties)
    if collaboration.forum is not None:
        named.update(collaboration.forum.agenda_set_by)
    if collaboration.evaluation_plan is not None:
        named.update(collaboration.evaluation_plan.respondents)
    if collaboration.rounds:
        goal_ids = {goal.id for goal in collaboration.goals}
        for round_ in collaboration.rounds:
            for response in round_.responses:
                named.add(response.party)
                if not goal_ids.issuperset(response.goal_progress):
                    return False
            for rating in round_.ratings:
                named.add(rating.rater)
                named.add(rating.ratee)
    if collaboration.time_logs:
        volunteer_ids = {volunteer.id for volunteer in collaboration.volunteers}
        task_ids = {task.id for task in collaboration.tasks}
        for log in collaboration.time_logs:
            if log.volunteer not in volunteer_ids or log.task not in task_ids:
                return False
    named.discard(None)
    return parties.issuperset(named)


def _dangling(collaboration: Collaboration) -> list[tuple[Path, str]]:
    """Each id that refers to nothing in the collaboration, with its path, in document order.

    Most collaborations have none: one quick pass over the sets of ids named
    (`_resolves`) tells, and only where it finds one is each reference tested
    where it is, with a path made for each that dangles.
    """
    if _resolves(collaboration):
        return []
    parties = collaboration.party_ids
    volunteer_ids = {volunteer.id for volunteer in collaboration.volunteers}
    goal_ids = {goal.id for goal in collaboration.goals}
    found: list[tuple[Path, str]] = []

    def party(path: Path, value: str, what: str) -> None:
        found.append((path, f"{what} {value!r} is not a participant of the collaboration"))

    initiator = collaboration.initiator
    if initiator is not None and initiator not in parties:
        party(("initiator",), initiator, "initiator")
    for task_kind, holder in collaboration.responsibilities.items():
        if holder is not None and holder not in parties:
            party(("responsibilities", task_kind.value), holder, "holder")
    for g, goal in enumerate(collaboration.goals):
        for w, wish in enumerate(goal.wishes):
            if wish.party is not None and wish.party not in parties:
                party(("goals", g, "wishes", w, "party"), wish.party, "party")
        for a, agreement in enumerate(goal.agreements):
            if agreement.party is not None and agreement.party not in parties:
                party(("goals", g, "agreements", a, "party"), agreement.party, "party")
    for t, task in enumerate(collaboration.tasks):
        if task.led_by is not None and task.led_by not in parties:
            party(("tasks", t, "led_by"), task.led_by, "leader")
        for v, volunteer_id in enumerate(task.volunteers):
            if volunteer_id not in volunteer_ids:
                found.append(
                    (
                        ("tasks", t, "volunteers", v),
                        f"volunteer {volunteer_id!r} is not among the collaboration's volunteers",
                    )
                )
    for v, volunteer in enumerate(collaboration.volunteers):
        if volunteer.association is not None and volunteer.association not in parties:
            party(("volunteers", v, "association"), volunteer.association, "association")
        certificate = volunteer.child_certificate
        if (
            certificate is not None
            and certificate.checked_by is not None
            and certificate.checked_by not in parties
        ):
            party(
                ("volunteers", v, "child_certificate", "checked_by"),
                certificate.checked_by,
                "checker",
            )
    task_ids = {task.id for task in collaboration.tasks}
    for n, log in enumerate(collaboration.time_logs):
        if log.volunteer not in volunteer_ids:
            found.append(
                (
                    ("time_logs", n, "volunteer"),
                    f"volunteer {log.volunteer!r} is not among the collaboration's volunteers",
                )
            )
        if log.task not in task_ids:
            found.append(
                (
                    ("time_logs", n, "task"),
                    f"task {log.task!r} is not one of the collaboration's tasks",
                )
            )
    agreement_document = collaboration.agreement
    if agreement_document is not None:
        for p, party_id in enumerate(agreement_document.parties):
            if party_id is not None and party_id not in parties:
                party(("agreement", "parties", p), party_id, "signing party")
    forum = collaboration.forum
    if forum is not None:
        for p, party_id in enumerate(forum.agenda_set_by):
            if party_id is not None and party_id not in parties:
                party(("forum", "agenda_set_by", p), party_id, "party")
    plan = collaboration.evaluation_plan
    if plan is not None:
        for p, party_id in enumerate(plan.respondents):
            if party_id is not None and party_id not in parties:
                party(("evaluation_plan", "respondents", p), party_id, "respondent")
    for r, round_ in enumerate(collaboration.rounds):
        for s, response in enumerate(round_.responses):
            if response.party is not None and response.party not in parties:
                party(("rounds", r, "responses", s, "party"), response.party, "respondent")
            for goal_id in response.goal_progress:
                if goal_id not in goal_ids:
                    found.append(
                        (
                            ("rounds", r, "responses", s, "goal_progress", goal_id),
                            f"goal {goal_id!r} is not one of the collaboration's goals",
                        )
                    )
        for k, rating in enumerate(round_.ratings):
            if rating.rater is not None and rating.rater not in parties:
                party(("rounds", r, "ratings", k, "rater"), rating.rater, "rater")
            if rating.ratee is not None and rating.ratee not in parties:
                party(("rounds", r, "ratings", k, "ratee"), rating.ratee, "rated party")
    return found


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
