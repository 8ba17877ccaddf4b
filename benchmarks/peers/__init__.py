"""The same documents and rules as frivillig's, modelled with pydantic v2 and with msgspec.

They exist only to be measured against: a user who did not pick frivillig would
write models like these. Both read the JSON form of a portfolio exactly as
frivillig writes it (every field, nulls included, the ``schema_version`` and
``type`` envelope) and check the same rules (see ``rules.py``).
"""
