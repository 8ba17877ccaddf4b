"""The version of frivillig, defined once and read by the build backend."""

__version__ = "0.1.0"
"""The release of frivillig, as PEP 440 text; the JSON form has its own ``schema_version``."""
