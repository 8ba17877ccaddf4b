"""Example documents shipped with the package, read through the public loader."""

import datetime as dt
from typing import TYPE_CHECKING

from .._model.collaboration import Collaboration
from ..errors import Problem, ValidationError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["example_names", "load_example"]

DEFAULT_EXAMPLE = "visiting_friends"

EXAMPLE_AS_OF = dt.date(2026, 11, 27)
"""The date the examples describe: the command line checks and scores them as of
this day unless told otherwise, so that their output does not change with the
calendar."""


def _examples_folder() -> "Traversable":
    from importlib.resources import files  # here: slow to import

    return files("frivillig") / "data" / "examples"


def example_names() -> tuple[str, ...]:
    """Return the names of the example collaborations shipped with frivillig."""
    folder = _examples_folder()
    return tuple(
        sorted(
            entry.name.removesuffix(".json")
            for entry in folder.iterdir()
            if entry.name.endswith(".json")
        )
    )


def load_example(name: str = DEFAULT_EXAMPLE) -> Collaboration:
    """Load one of the example collaborations shipped with frivillig.

    The default, ``"visiting_friends"``, is a collaboration between a municipal
    care home, a visiting-friends association and the local volunteer centre,
    with agreed goals, tasks, volunteers and two evaluation rounds.

    Args:
        name: Which example; see [`example_names`][frivillig.example_names].

    Returns:
        The collaboration, loaded and validated like any other document.

    Raises:
        ValidationError: there is no example of that name.
    """
    from .api import loads

    if name not in example_names():
        choices = ", ".join(example_names())
        raise ValidationError(
            [
                Problem(
                    path="$",
                    message=f"no example named {name!r}; choose one of {choices}",
                    code="choice",
                )
            ]
        )
    data = (_examples_folder() / f"{name}.json").read_bytes()
    return loads(data, Collaboration)
