"""Optional dependencies: imported where they are used, and a clear error when missing."""

import importlib
from typing import Any

from ..errors import FrivilligError

__all__ = ["MissingExtraError", "require_extra"]


class MissingExtraError(FrivilligError, ImportError):
    """An optional dependency is not installed; the message says which extra to install."""


def require_extra(module: str, extra: str, *, what: str = "this needs", name: str = "") -> Any:
    """Import ``module``, or raise ``MissingExtraError`` naming the extra to install.

    Args:
        module: The module to import, e.g. ``"openpyxl"`` or ``"matplotlib.figure"``.
        extra: The extra of frivillig that installs it, e.g. ``"xlsx"``.
        what: How the message begins, e.g. ``"writing a calendar needs"``.
        name: The package the message names; ``module`` when empty.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        msg = (
            f"{what} {name or module}, which is not installed; "
            f"install it with: pip install 'frivillig[{extra}]'"
        )
        raise MissingExtraError(msg) from None
