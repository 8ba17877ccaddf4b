"""The JSON form's machinery below ``frivillig.serialization``.

The documents and their envelope, the load limits, the detailed reader (a cattrs
converter), the fast reader and writer (msgspec), migrations between schema versions,
and the bundled example documents.
"""
