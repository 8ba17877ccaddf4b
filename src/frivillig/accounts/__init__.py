"""Accounts of voluntary effort: an association's hours in a year, for the municipality.

A municipality that grants an association money (under Serviceloven § 18 or its own
scheme) asks it, afterwards, what the money went to: its activities, how many volunteers
took part and how many hours they gave, by kind of task (*aktiviteter* or *frivilligt
ulønnet arbejde*). [`association_account`][frivillig.accounts.association_account]
answers from the hours logged in the collaborations (``Collaboration.time_logs``),
naming no volunteer, and says what it could not attribute.

What the account shows is the municipality's own choice: the national § 18 report was
repealed in 2017, so an [`AccountTemplate`][frivillig.accounts.AccountTemplate] picks the
measures, their order, labels and notes, and can be read from a JSON file
([`load_template`][frivillig.accounts.load_template]).
[`DEFAULT_TEMPLATE`][frivillig.accounts.DEFAULT_TEMPLATE] is a Danish grant follow-up.

Examples:
    >>> import frivillig
    >>> from frivillig.accounts import association_account
    >>> account = association_account(
    ...     frivillig.load_example(), association="besoegsvenner", year=2026
    ... )
    >>> print(account.to_text().splitlines()[0])
    Afrapportering af frivillig indsats
    >>> [(line.task, line.volunteers_active, line.hours) for line in account.activities]
    [('aktivitetsudvalg', 2, 41.0), ('besoegsven', 4, 196.0)]
"""

from ._account import AccountCollaboration, ActivityLine, AssociationAccount, Caveat
from ._compute import YEARS, association_account, association_accounts
from ._template import (
    DEFAULT_TEMPLATE,
    MAX_ITEMS,
    MAX_NOTE,
    MAX_TEMPLATE_BYTES,
    AccountItem,
    AccountTemplate,
    CaveatKind,
    Measure,
    load_template,
    template_from_dict,
)

__all__ = [
    "DEFAULT_TEMPLATE",
    "MAX_ITEMS",
    "MAX_NOTE",
    "MAX_TEMPLATE_BYTES",
    "YEARS",
    "AccountCollaboration",
    "AccountItem",
    "AccountTemplate",
    "ActivityLine",
    "AssociationAccount",
    "Caveat",
    "CaveatKind",
    "Measure",
    "association_account",
    "association_accounts",
    "load_template",
    "template_from_dict",
]
