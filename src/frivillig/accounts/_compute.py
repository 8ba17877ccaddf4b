"""Which hours belong to an association, and its account for a municipality and a year."""

import math
from collections import defaultdict
from collections.abc import Iterable

import attrs

from .._model.actors import VoluntaryOrganisation
from .._model.collaboration import Collaboration
from .._model.participation import Participant
from .._model.portfolio import Portfolio, each_collaboration
from .._model.tasks import WorkCategory
from .._model.volunteers import Engagement
from .._reference.municipalities import municipality_code_problem
from ..errors import ArgumentTypeError, ArgumentValueError
from ._account import AccountCollaboration, ActivityLine, AssociationAccount, Caveat
from ._template import CaveatKind

__all__ = ["YEARS", "association_account", "association_accounts"]

YEARS = (1900, 2200)
"""The years an account may be asked for, both included."""

_Key = tuple[str, str]
"""How an association is known across collaborations: ``("cvr", number)`` or ``("party", id)``."""


def _key(participant: Participant) -> _Key | None:
    actor = participant.actor
    if not isinstance(actor, VoluntaryOrganisation):
        return None
    return ("cvr", actor.cvr) if actor.cvr is not None else ("party", participant.id)


# -- the arguments ---------------------------------------------------------------------------


def _collaborations(items: object) -> tuple[Collaboration, ...]:
    """The collaborations given, sorted by id; each id at most once."""
    found = tuple(each_collaboration(items))
    ids: set[str] = set()
    for collaboration in found:
        if collaboration.id in ids:
            msg = f"collaboration id {collaboration.id!r} is given twice; each id names one"
            raise ArgumentValueError(msg)
        ids.add(collaboration.id)
    return tuple(sorted(found, key=lambda c: c.id))


def _year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        msg = f"year must be an int such as 2026, got {type(year).__name__}"
        raise ArgumentTypeError(msg)
    low, high = YEARS
    if not low <= year <= high:
        msg = f"year must be from {low} to {high}, got {year}"
        raise ArgumentValueError(msg)
    return year


def _municipality_code(code: object) -> int | None:
    if code is None:
        return None
    problem = municipality_code_problem(code)
    if problem is not None:
        message, kind = problem
        error = ArgumentTypeError if kind == "type" else ArgumentValueError
        msg = f"municipality_code: {message}"
        raise error(msg)
    return code  # type: ignore[return-value]  # an int: the check above says so


# -- finding the association -----------------------------------------------------------------


def _keys_named(collaborations: tuple[Collaboration, ...], association: str) -> set[_Key]:
    """The associations ``association`` names, as a CVR number or a party id."""
    found: set[_Key] = set()
    others: list[str] = []
    for collaboration in collaborations:
        for participant in collaboration.participants:
            key = _key(participant)
            if key is None:
                if participant.id == association:
                    others.append(participant.actor.kind.label("en"))
            elif key == ("cvr", association) or participant.id == association:
                found.add(key)
    if not found:
        msg = f"no association {association!r} takes part in the collaborations given"
        if others:
            msg += f": the party {association!r} is a {others[0]}, not a voluntary organisation"
        else:
            msg += "; give the party id or the CVR number of a voluntary organisation"
        raise ArgumentValueError(msg)
    return found


def association_account(
    items: Collaboration | Portfolio | Iterable[Collaboration | Portfolio],
    *,
    association: str,
    year: int,
    municipality_code: int | None = None,
) -> AssociationAccount:
    """The account of one association's voluntary effort in a year, for one municipality.

    The hours that count are the logs (``Collaboration.time_logs``) of the year
    (``log.month.year == year``) by volunteers engaged through an association
    (``Engagement.ASSOCIATION``) whose ``association`` is the association's party id, in
    the municipality's collaborations the association takes part in. An association is
    a party whose actor is a [`VoluntaryOrganisation`][frivillig.VoluntaryOrganisation];
    across collaborations it is known by its CVR number where one is recorded, else by
    its party id. Hours it cannot attribute are not counted but listed as caveats: logs
    in its collaborations by volunteers engaged through an association with none
    recorded, and logs naming a volunteer or a task the collaboration does not have.
    Hours on a task whose kind (``Task.work_category``) is not recorded are counted in
    the total and in their own line, never in either kind.

    Args:
        items: A collaboration, a portfolio or an iterable of either (each
            collaboration id at most once).
        association: The association's party id or its CVR number.
        year: The calendar year, from 1900 to 2200.
        municipality_code: The municipality that granted the money; ``None`` when the
            association takes part in collaborations of one municipality only.

    Raises:
        ArgumentValueError: No voluntary organisation is named ``association``, it names
            more than one, it takes part in no collaboration of the municipality or (with
            no code given) in those of several; the year or the code is out of range; a
            collaboration id is given twice.
        ArgumentTypeError: An argument has the wrong type.

    Examples:
        >>> import frivillig
        >>> from frivillig.accounts import association_account
        >>> account = association_account(
        ...     frivillig.load_example(), association="besoegsvenner", year=2026
        ... )
        >>> account.hours_total, account.volunteers_active, account.months_with_hours
        (237.0, 5, 8)
        >>> account.hours_activity, account.hours_kind_not_recorded
        (196.0, 41.0)
    """
    collaborations = _collaborations(items)
    named: object = association
    if not isinstance(named, str):
        msg = f"association must be a party id or a CVR number (str), got {type(named).__name__}"
        raise ArgumentTypeError(msg)
    year = _year(year)
    code = _municipality_code(municipality_code)
    keys = _keys_named(collaborations, association)
    if len(keys) > 1:
        numbers = ", ".join(sorted(value for kind, value in keys if kind == "cvr"))
        msg = (
            f"{association!r} names more than one association (CVR {numbers}); give the CVR number"
        )
        raise ArgumentValueError(msg)
    key = next(iter(keys))
    taking_part = [c for c in collaborations if _parties(c, key)]
    codes = sorted({c.municipality_code for c in taking_part})
    if code is None:
        if len(codes) > 1:
            shown = ", ".join(map(str, codes))
            msg = (
                f"association {association!r} takes part in collaborations of several "
                f"municipalities ({shown}); give municipality_code"
            )
            raise ArgumentValueError(msg)
        code = codes[0]
    elif code not in codes:
        msg = f"association {association!r} takes part in no collaboration of municipality {code}"
        raise ArgumentValueError(msg)
    return _account(key, [c for c in taking_part if c.municipality_code == code], code, year)


def association_accounts(
    items: Collaboration | Portfolio | Iterable[Collaboration | Portfolio],
    *,
    year: int,
    municipality_code: int | None = None,
) -> tuple[AssociationAccount, ...]:
    """The account of every association with logs in the year, one per municipality.

    An association with logs in the collaborations of two municipalities has an account
    for each (only for ``municipality_code``, when given). An account is made when the
    year has a log it counts or lists as a caveat. The accounts are sorted by
    municipality code, name and CVR number or party id.

    Raises:
        ArgumentValueError: The year or the code is out of range; a collaboration id
            is given twice.
        ArgumentTypeError: An argument has the wrong type.

    Examples:
        >>> import frivillig
        >>> from frivillig.accounts import association_accounts
        >>> [a.name for a in association_accounts(frivillig.load_example(), year=2026)]
        ['Besøgsvennerne i Valby']
        >>> association_accounts(frivillig.load_example(), year=2025)
        ()
    """
    collaborations = _collaborations(items)
    year = _year(year)
    code = _municipality_code(municipality_code)
    groups: dict[tuple[int, _Key], list[Collaboration]] = defaultdict(list)
    for collaboration in collaborations:
        if code is not None and collaboration.municipality_code != code:
            continue
        keys = {_key(p) for p in collaboration.participants} - {None}
        for key in keys:
            groups[collaboration.municipality_code, key].append(collaboration)  # type: ignore[index]
    accounts = [
        _account(key, found, municipality, year) for (municipality, key), found in groups.items()
    ]
    kept = [a for a in accounts if a.logs or a.caveats]
    return tuple(
        sorted(
            kept,
            key=lambda a: (a.municipality_code, a.name, a.cvr or "", a.party_ids),
        )
    )


# -- the account -----------------------------------------------------------------------------


def _parties(collaboration: Collaboration, key: _Key) -> list[Participant]:
    return [p for p in collaboration.participants if _key(p) == key]


def _runs_in(collaboration: Collaboration, year: int) -> bool:
    end = collaboration.end_on
    return collaboration.start_on.year <= year and (end is None or end.year >= year)


@attrs.define
class _Tally:
    """The hours counted so far."""

    lines: dict[tuple[str, str], list[float]] = attrs.field(factory=lambda: defaultdict(list))
    active: dict[tuple[str, str], set[str]] = attrs.field(factory=lambda: defaultdict(set))
    volunteers: set[str] = attrs.field(factory=set)
    months: list[list[float]] = attrs.field(factory=lambda: [[] for _ in range(12)])
    kinds: dict[WorkCategory | None, list[float]] = attrs.field(
        factory=lambda: {WorkCategory.ACTIVITY: [], WorkCategory.UNPAID_WORK: [], None: []}
    )
    by_collaboration: dict[str, list[float]] = attrs.field(factory=lambda: defaultdict(list))
    caveats: dict[CaveatKind, list[float]] = attrs.field(factory=lambda: defaultdict(list))
    logs: int = 0


def _account(
    key: _Key, collaborations: list[Collaboration], code: int, year: int
) -> AssociationAccount:
    tally = _Tally()
    names: list[tuple[str, str, str]] = []
    party_ids: set[str] = set()
    listed: list[Collaboration] = []
    titles: dict[tuple[str, str], tuple[str, str, WorkCategory | None]] = {}
    for collaboration in sorted(collaborations, key=lambda c: c.id):
        parties = _parties(collaboration, key)
        own = {p.id for p in parties}
        party_ids |= own
        names += [(collaboration.id, p.id, p.actor.name) for p in parties]
        counted = _count(collaboration, own, year, tally, titles)
        if counted or _runs_in(collaboration, year):
            listed.append(collaboration)
    lines = tuple(
        ActivityLine(
            collaboration=collaboration_id,
            collaboration_title=titles[collaboration_id, task_id][0],
            task=task_id,
            task_title=titles[collaboration_id, task_id][1],
            work_category=titles[collaboration_id, task_id][2],
            volunteers_active=len(tally.active[collaboration_id, task_id]),
            hours=math.fsum(hours),
        )
        for (collaboration_id, task_id), hours in sorted(tally.lines.items())
    )
    caveats = tuple(
        Caveat(kind=kind, hours=math.fsum(tally.caveats[kind]), logs=len(tally.caveats[kind]))
        for kind in CaveatKind
        if tally.caveats.get(kind)
    )
    return AssociationAccount(
        name=min(names)[2],
        cvr=key[1] if key[0] == "cvr" else None,
        party_ids=tuple(sorted(party_ids)),
        municipality_code=code,
        year=year,
        collaborations=tuple(
            AccountCollaboration(
                id=c.id, title=c.title, hours=math.fsum(tally.by_collaboration.get(c.id, ()))
            )
            for c in listed
        ),
        activities=lines,
        volunteers_active=len(tally.volunteers),
        logs=tally.logs,
        hours_total=math.fsum(h for hours in tally.lines.values() for h in hours),
        hours_activity=math.fsum(tally.kinds[WorkCategory.ACTIVITY]),
        hours_unpaid_work=math.fsum(tally.kinds[WorkCategory.UNPAID_WORK]),
        hours_kind_not_recorded=math.fsum(tally.kinds[None]),
        hours_by_month=tuple(math.fsum(month) for month in tally.months),
        caveats=caveats,
    )


def _count(
    collaboration: Collaboration,
    own: set[str],
    year: int,
    tally: _Tally,
    titles: dict[tuple[str, str], tuple[str, str, WorkCategory | None]],
) -> bool:
    """Add the year's logs of the association's volunteers in ``collaboration`` to the tally.

    Returns whether any log was counted.
    """
    volunteers = {v.id: v for v in collaboration.volunteers}
    tasks = {t.id: t for t in collaboration.tasks}
    counted = False
    for log in collaboration.time_logs:
        if log.month.year != year:
            continue
        volunteer = volunteers.get(log.volunteer)
        if volunteer is None:
            tally.caveats[CaveatKind.UNKNOWN_REFERENCE].append(log.hours)
            continue
        if volunteer.engagement is not Engagement.ASSOCIATION:
            continue
        if volunteer.association is None:
            tally.caveats[CaveatKind.ASSOCIATION_NOT_RECORDED].append(log.hours)
            continue
        if volunteer.association not in own:
            continue
        task = tasks.get(log.task)
        if task is None:
            tally.caveats[CaveatKind.UNKNOWN_REFERENCE].append(log.hours)
            continue
        line = (collaboration.id, task.id)
        titles[line] = (collaboration.title, task.title, task.work_category)
        tally.lines[line].append(log.hours)
        tally.kinds[task.work_category].append(log.hours)
        tally.months[log.month.month - 1].append(log.hours)
        tally.by_collaboration[collaboration.id].append(log.hours)
        if task.work_category is None:
            tally.caveats[CaveatKind.KIND_NOT_RECORDED].append(log.hours)
        if log.hours > 0:
            tally.active[line].add(volunteer.id)
            tally.volunteers.add(volunteer.id)
        tally.logs += 1
        counted = True
    return counted
