"""Upgrades of documents written in older versions of the JSON form.

``MIGRATIONS[n]`` turns a version ``n`` document into a version ``n + 1`` document. Each
works on a deep copy and leaves its argument as it was; the loader runs them one after
another and only then checks the document, so an old document is held to the same
rules as a new one.
"""

import copy
from collections.abc import Callable
from typing import Any

__all__ = ["MIGRATIONS", "Migration"]

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds facts the rules need; every one is optional, and unknown in version 1.

    A version 1 document says nothing of them, so it reads as a version 2 document
    that leaves them unknown: the rules then say that a fact is missing rather than
    assume it.
    """
    upgraded = copy.deepcopy(document)
    upgraded["schema_version"] = 2
    return upgraded


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}
