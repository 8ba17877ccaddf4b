"""An association's account for a year: what it holds, and its JSON-able form."""

import json
from typing import Any

import attrs

from .._core.arguments import require_instance
from .._core.labels import Language, require_language
from .._model.tasks import WorkCategory
from ._render import render_markdown, render_text
from ._template import DEFAULT_TEMPLATE, AccountTemplate, CaveatKind

__all__ = [
    "AccountCollaboration",
    "ActivityLine",
    "AssociationAccount",
    "Caveat",
]


@attrs.frozen(kw_only=True)
class Caveat:
    """Hours an account could not attribute (or not to a kind), and how many logs hold them.

    Attributes:
        kind: What could not be attributed.
        hours: The hours of those logs.
        logs: How many logs.
    """

    kind: CaveatKind
    hours: float
    logs: int

    def to_dict(self) -> dict[str, Any]:
        """The caveat as a JSON-able dict."""
        return {"kind": self.kind.value, "hours": self.hours, "logs": self.logs}


@attrs.frozen(kw_only=True)
class ActivityLine:
    """The hours the association's volunteers gave one task of one collaboration in the year.

    Attributes:
        collaboration: The collaboration's id.
        collaboration_title: The collaboration's title.
        task: The task's id.
        task_title: The task's title.
        work_category: Whether the task is an activity or unpaid voluntary work;
            ``None`` when not recorded.
        volunteers_active: How many of the association's volunteers logged more than
            0 hours on the task in the year.
        hours: The hours logged on the task in the year.
    """

    collaboration: str
    collaboration_title: str
    task: str
    task_title: str
    work_category: WorkCategory | None
    volunteers_active: int
    hours: float

    def to_dict(self) -> dict[str, Any]:
        """The line as a JSON-able dict."""
        category = self.work_category
        return {
            "collaboration": self.collaboration,
            "collaboration_title": self.collaboration_title,
            "task": self.task,
            "task_title": self.task_title,
            "work_category": None if category is None else category.value,
            "volunteers_active": self.volunteers_active,
            "hours": self.hours,
        }


@attrs.frozen(kw_only=True)
class AccountCollaboration:
    """A collaboration of the municipality the association takes part in, and its hours.

    Attributes:
        id: The collaboration's id.
        title: Its title.
        hours: The hours the association's volunteers logged in it in the year.
    """

    id: str
    title: str
    hours: float

    def to_dict(self) -> dict[str, Any]:
        """The collaboration as a JSON-able dict."""
        return {"id": self.id, "title": self.title, "hours": self.hours}


@attrs.frozen(kw_only=True)
class AssociationAccount:
    """An association's voluntary effort in a year, for the municipality that granted it money.

    Made by [`association_account`][frivillig.accounts.association_account]. It names
    no one: volunteers are only counted. Hours are summed with ``math.fsum``, so the
    account does not depend on the order of the logs or the collaborations.

    Attributes:
        name: The association's name (as the first of its collaborations, by id, has it).
        cvr: Its CVR number, when recorded; an association is known across
            collaborations by its CVR number, else by its party id.
        party_ids: Its party ids in the collaborations counted, sorted.
        municipality_code: The municipality the account is for.
        year: The calendar year.
        collaborations: The municipality's collaborations the association takes part
            in that run in the year or have hours logged in it, by id.
        activities: One line per collaboration and task with hours logged by the
            association's volunteers in the year, by collaboration and task id.
        volunteers_active: How many distinct pseudonymous volunteer ids logged more
            than 0 hours in the year across the collaborations; an id counts once,
            also when it logs in two collaborations.
        logs: How many logs were counted.
        hours_total: Every hour counted.
        hours_activity: The hours on tasks recorded as activities (aktiviteter).
        hours_unpaid_work: The hours on tasks recorded as unpaid voluntary work
            (frivilligt ulønnet arbejde).
        hours_kind_not_recorded: The hours on tasks whose kind is not recorded.
        hours_by_month: The hours of each month, January to December.
        caveats: What could not be attributed, by kind; only kinds with logs.
    """

    name: str
    cvr: str | None
    party_ids: tuple[str, ...]
    municipality_code: int
    year: int
    collaborations: tuple[AccountCollaboration, ...]
    activities: tuple[ActivityLine, ...]
    volunteers_active: int
    logs: int
    hours_total: float
    hours_activity: float
    hours_unpaid_work: float
    hours_kind_not_recorded: float
    hours_by_month: tuple[float, ...]
    caveats: tuple[Caveat, ...]

    @property
    def months_with_hours(self) -> int:
        """How many months of the year have more than 0 hours."""
        return sum(1 for hours in self.hours_by_month if hours > 0)

    def to_dict(self) -> dict[str, Any]:
        """The account as a JSON-able dict, its keys always in the same order; no volunteer id.

        Examples:
            >>> import frivillig
            >>> from frivillig.accounts import association_account
            >>> account = association_account(
            ...     frivillig.load_example(), association="besoegsvenner", year=2026
            ... )
            >>> data = account.to_dict()
            >>> data["hours_total"], data["hours_by_kind"]
            (237.0, {'activity': 196.0, 'unpaid_work': 0.0, 'not_recorded': 41.0})
        """
        return {
            "type": "association_account",
            "association": {"name": self.name, "cvr": self.cvr, "party_ids": list(self.party_ids)},
            "municipality_code": self.municipality_code,
            "year": self.year,
            "collaborations": [c.to_dict() for c in self.collaborations],
            "activities": [line.to_dict() for line in self.activities],
            "volunteers_active": self.volunteers_active,
            "logs": self.logs,
            "hours_total": self.hours_total,
            "hours_by_kind": {
                "activity": self.hours_activity,
                "unpaid_work": self.hours_unpaid_work,
                "not_recorded": self.hours_kind_not_recorded,
            },
            "hours_by_month": [
                {"month": f"{self.year:04d}-{month:02d}", "hours": hours}
                for month, hours in enumerate(self.hours_by_month, start=1)
            ],
            "months_with_hours": self.months_with_hours,
            "caveats": [caveat.to_dict() for caveat in self.caveats],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The account as JSON text: its [`to_dict`][frivillig.accounts.AssociationAccount.to_dict].

        The same account always gives the same text.
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(
        self, template: AccountTemplate = DEFAULT_TEMPLATE, *, lang: Language = "da"
    ) -> str:
        """The account as plain text, safe to print on a terminal, as the template says.

        Numbers are written the Danish way (``237,5``) when ``lang`` is ``"da"``.

        Raises:
            ArgumentTypeError: ``template`` is not an ``AccountTemplate``.
            ArgumentValueError: ``lang`` is not ``"da"`` or ``"en"``.
        """
        return render_text(self.to_dict(), _template(template), require_language(lang))

    def to_markdown(
        self, template: AccountTemplate = DEFAULT_TEMPLATE, *, lang: Language = "da"
    ) -> str:
        """The account as Markdown, with tables of the activities and the months.

        Raises:
            ArgumentTypeError: ``template`` is not an ``AccountTemplate``.
            ArgumentValueError: ``lang`` is not ``"da"`` or ``"en"``.
        """
        return render_markdown(self.to_dict(), _template(template), require_language(lang))


def _template(template: object) -> AccountTemplate:
    return require_instance(template, AccountTemplate, "template")
