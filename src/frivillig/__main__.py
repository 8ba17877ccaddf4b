"""Run the command line: ``python -m frivillig``."""

from ._cli import run

run()
