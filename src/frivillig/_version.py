"""The version of frivillig, defined once and read by the build backend."""

__version__ = "0.1.0"
