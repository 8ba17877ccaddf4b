"""A griffe extension that shows every labelled enumeration's members in the API reference.

The members of frivillig's enumerations have no docstrings of their own: what a
member means is its Danish and English label. mkdocstrings skips members without
docstrings, so this extension appends a table of value, Danish label and English
label to the docstring of each [`LabelledEnum`][frivillig.LabelledEnum] subclass,
read from the enumeration itself. The reference can then never disagree with the
code. mkdocs.yml loads it through the mkdocstrings handler's ``extensions`` option.
"""

from typing import Any

import griffe

from frivillig import LabelledEnum, OrderedLabelledEnum


def members_table(enum_class: type[LabelledEnum]) -> str:
    """Render an enumeration's members as a Markdown table: value, Danish, English."""
    ordered = issubclass(enum_class, OrderedLabelledEnum)
    head = "| rank | value | Danish | English |" if ordered else "| value | Danish | English |"
    rule = "|---|---|---|---|" if ordered else "|---|---|---|"
    rows = [
        (f"| {member.rank} " if ordered else "")
        + f"| `{member.value}` | {member.da} | {member.en} |"
        for member in enum_class
    ]
    return "\n".join([head, rule, *rows])


class LabelledEnumMembers(griffe.Extension):
    """Append the members table to the docstring of every labelled enumeration."""

    def on_class(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        """Add the table once the class is loaded, if it is a labelled enumeration."""
        try:
            runtime = griffe.dynamic_import(cls.path)
        except ImportError:
            return
        if (
            not isinstance(runtime, type)
            or not issubclass(runtime, LabelledEnum)
            or runtime in (LabelledEnum, OrderedLabelledEnum)
        ):
            return
        table = "Members, with the value the JSON form stores and the labels:\n\n"
        table += members_table(runtime)
        if cls.docstring is None:
            cls.docstring = griffe.Docstring(table, parent=cls)
        else:
            cls.docstring.value = f"{cls.docstring.value}\n\n{table}"
