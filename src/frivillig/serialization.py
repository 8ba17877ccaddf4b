"""The JSON form: dump and load every top-level type, with a schema version.

Every document frivillig writes is a JSON object with two envelope keys beside
the object's own fields: ``schema_version`` (an integer, currently
[`SCHEMA_VERSION`][frivillig.serialization.SCHEMA_VERSION]) and ``type`` (which
top-level type it holds: ``"collaboration"``, ``"portfolio"``,
``"volunteer_policy"`` or ``"instrument"``). Loading is strict: types must match exactly (``"3"``
is not the number 3, ``3.7`` is not an integer), unknown fields are rejected,
enumerations accept only their listed values, dates must be ISO ``YYYY-MM-DD``,
and every id named inside a collaboration must exist in it. A document that
breaks any of this raises [`ValidationError`][frivillig.errors.ValidationError]
listing *every* problem with its JSON path. Documents written by an older
release are upgraded through explicit migrations before they are read.

Well-formed documents are read and written through msgspec, with the same
result as the detailed reader and the JSON module give (see the documentation's
performance page for the figures and how they are measured).

Examples:
    >>> import frivillig
    >>> collaboration = frivillig.load_example()
    >>> text = frivillig.dumps(collaboration)
    >>> frivillig.loads(text) == collaboration
    True
"""

import sys
import types

from ._jsonform import documents as _documents
from ._jsonform.api import _checked_text as _checked_text
from ._jsonform.api import _shown_dict as _shown_dict
from ._jsonform.api import _unchecked_dict as _unchecked_dict
from ._jsonform.api import dump as dump
from ._jsonform.api import dumps as dumps
from ._jsonform.api import from_dict as from_dict
from ._jsonform.api import load as load
from ._jsonform.api import loads as loads
from ._jsonform.api import to_dict as to_dict
from ._jsonform.converter import _converter as _converter
from ._jsonform.converter import _kind_name as _kind_name
from ._jsonform.converter import _structure_value as _structure_value
from ._jsonform.documents import DOCUMENT_TYPES as DOCUMENT_TYPES
from ._jsonform.documents import MIGRATIONS as MIGRATIONS
from ._jsonform.documents import SCHEMA_VERSION as SCHEMA_VERSION
from ._jsonform.documents import Document as Document
from ._jsonform.documents import _type_name as _type_name
from ._jsonform.fast_reader import _FALLBACK as _FALLBACK
from ._jsonform.fast_reader import _READER_BYTES as _READER_BYTES
from ._jsonform.fast_reader import _READER_CACHE_BYTES as _READER_CACHE_BYTES
from ._jsonform.fast_reader import _READERS as _READERS
from ._jsonform.fast_reader import _fast_loads as _fast_loads
from ._jsonform.fast_reader import _member_colons as _member_colons
from ._jsonform.fast_reader import _read as _read
from ._jsonform.fast_reader import _reader as _reader
from ._jsonform.limits import LoadLimits as LoadLimits
from ._jsonform.limits import _limits as _limits
from ._jsonform.mirrors import _Fallback as _Fallback
from ._jsonform.mirrors import _id_map as _id_map
from ._jsonform.mirrors import _KeySets as _KeySets
from ._jsonform.mirrors import _Reader as _Reader
from ._jsonform.problems import _problem as _problem
from ._jsonform.raw import _hide_keys as _hide_keys
from ._jsonform.reader import _check_references as _check_references
from ._jsonform.reader import _parse as _parse
from ._jsonform.writer import _fast_dumps as _fast_dumps

__all__ = [
    "DOCUMENT_TYPES",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Document",
    "LoadLimits",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "to_dict",
]


class _Module(types.ModuleType):
    """This module, passing ``SCHEMA_VERSION`` on to where the reader and writer read it.

    Tests and the migration guide set ``frivillig.serialization.SCHEMA_VERSION`` for a
    while (with ``mock.patch.object`` or ``monkeypatch.setattr``) to try a migration; the
    code that reads it lives in ``frivillig._jsonform`` and reads it from
    ``frivillig._jsonform.documents``, so the value set here is set there too.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "SCHEMA_VERSION":
            setattr(_documents, name, value)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Module
