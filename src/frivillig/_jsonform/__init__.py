"""The JSON form's machinery below ``frivillig.serialization``.

Migrations between schema versions, and the bundled example documents.
"""
