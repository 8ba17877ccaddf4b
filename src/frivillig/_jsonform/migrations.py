"""Upgrades of documents written in older versions of the JSON form.

``MIGRATIONS[n]`` turns a version ``n`` document into a version ``n + 1`` document. Each
works on a deep copy and leaves its argument as it was; the loader runs them one after
another and only then checks the document, so an old document is held to the same
rules as a new one.
"""

import copy
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["MIGRATIONS", "Migration"]

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _volunteers_in(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The volunteers of a collaboration document, or of each collaboration in a portfolio.

    Anything not shaped as expected is skipped: the loader reports it after the migration.
    """
    collaborations = document.get("collaborations")
    holders = collaborations if isinstance(collaborations, list) else [document]
    for holder in holders:
        volunteers = holder.get("volunteers") if isinstance(holder, dict) else None
        if isinstance(volunteers, list):
            yield from (volunteer for volunteer in volunteers if isinstance(volunteer, dict))


def _benefit_from_v1(volunteer: dict[str, Any]) -> None:
    """Version 1's yes/no ``on_unemployment_benefit`` becomes version 2's ``benefit``.

    ``true`` said the volunteer receives dagpenge. ``false`` said only that they do
    not, and nothing of efterløn (version 1 could not say it), so it becomes unknown:
    the key is left out. Any other value is left as it is, for the loader to report.
    """
    value = volunteer.get("on_unemployment_benefit")
    if type(value) is not bool or "benefit" in volunteer:
        return
    del volunteer["on_unemployment_benefit"]
    if value:
        volunteer["benefit"] = "unemployment"


def _v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds facts the rules need; every one is optional, and unknown in version 1.

    A version 1 document says nothing of them, so it reads as a version 2 document
    that leaves them unknown: the rules then say that a fact is missing rather than
    assume it. One field changed its meaning: a volunteer's ``on_unemployment_benefit``
    (yes/no) became ``benefit`` (dagpenge, efterløn, neither, or unknown). An
    association's ``child_certificate_declaration_year`` of ``null`` said "never, or not
    known" and now says "not recorded"; version 1 could not tell the two apart, so it is
    left as it is, and rule FR115 reports it as unknown, not as missing.
    """
    upgraded = copy.deepcopy(document)
    upgraded["schema_version"] = 2
    for volunteer in _volunteers_in(upgraded):
        _benefit_from_v1(volunteer)
    return upgraded


def _v2_to_v3(document: dict[str, Any]) -> dict[str, Any]:
    """Version 3 adds time logs: the hours each volunteer gave each task, month by month.

    A version 2 document could not hold them, so it reads as a collaboration with no
    hours logged (an empty ``time_logs``): the rules then judge a volunteer's hours
    by the plan alone, as they did before. Nothing else changed.
    """
    upgraded = copy.deepcopy(document)
    upgraded["schema_version"] = 3
    return upgraded


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3}
