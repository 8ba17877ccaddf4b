"""Benchmarks of frivillig against pydantic v2 and msgspec; not part of the test run.

``python -m benchmarks`` runs them; see ``run.py`` and the documentation's
performance page.
"""
