"""Ids and JSON paths: the pattern every id follows, and how a problem's place is written."""

import re
from collections.abc import Iterable

__all__ = ["ID", "render_path"]

ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")
"""An id: 1 to 128 letters, digits and ``_ . : -``, starting with a letter or digit."""


def render_path(segments: Iterable[str | int], root: str = "$") -> str:
    """Render path segments as a JSON path: ``$.goals[0].text``."""
    parts = [root]
    for segment in segments:
        if isinstance(segment, int):
            parts.append(f"[{segment}]")
        elif ID.fullmatch(segment) and "." not in segment and ":" not in segment:
            parts.append(f".{segment}")
        else:
            parts.append(f"[{segment!r}]")
    return "".join(parts)
