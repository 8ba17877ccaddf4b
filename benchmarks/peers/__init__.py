"""The same documents and rules as frivillig's, modelled with pydantic v2 and with msgspec.

The peers are ours, written for this benchmark: they exist only to be measured
against, as a user who did not pick frivillig would write models of the same JSON
form. Both read a portfolio exactly as frivillig writes it at schema version 3
(every field, nulls included, the ``schema_version`` and ``type`` envelope; a
document of an earlier version, which frivillig migrates, they refuse) and check the same
rules in the same place: declaratively where frivillig's loader has msgspec check
a constraint (types, ranges, lengths, id and text patterns, enumerations, the 98
municipality codes), in Python where frivillig checks in Python (``rules.py``),
with the same bounded cache of RRULE checks.
"""
