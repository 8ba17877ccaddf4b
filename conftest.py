"""Run every example in the documentation, the README and the docstrings as a test."""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

_markdown = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS), SkipParser()],
    patterns=["*.md"],
    path=".",
    excludes=["CHANGELOG.md"],
)
_docstrings = Sybil(parsers=[DocTestParser(optionflags=_FLAGS)], patterns=["*.py"], path="src")

pytest_collect_file = (_markdown + _docstrings).pytest()
