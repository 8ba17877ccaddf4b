"""Hypothesis settings for frivillig's own tests: no deadline, however busy the machine.

A deadline measures the machine as much as the code: on a busy two-core machine one
example of a rule check can take longer than Hypothesis's 200 ms. The tests in this
directory therefore run under a settings profile without a deadline, built on whatever
profile is in force (so ``--hypothesis-profile`` still applies). Health checks stay on;
without a deadline, Hypothesis allows 30 s instead of 1 s of drawing before
``HealthCheck.too_slow`` fails, so a busy machine does not fail that one either.

The profile is in force only while this directory's test modules are imported (when
``@settings`` and ``@given`` take the settings of the moment) and while its tests run.
The examples in the documentation and the docstrings run under Hypothesis's own
defaults, as a user's tests do; the library itself never loads a profile.
"""

import contextlib
from collections.abc import Generator, Iterator
from typing import Any

import pytest
from hypothesis import settings

SUITE_PROFILE = "frivillig-tests"
_OUTER_PROFILE = "frivillig-outside-tests"
_in_force = False


@contextlib.contextmanager
def suite_settings() -> Iterator[None]:
    """Put the suite's profile in force, and the settings in force before back afterwards."""
    global _in_force
    if _in_force:
        yield
        return
    outer = settings.default
    settings.register_profile(_OUTER_PROFILE, outer)
    settings.register_profile(SUITE_PROFILE, outer, deadline=None)
    settings.load_profile(SUITE_PROFILE)
    _in_force = True
    try:
        yield
    finally:
        _in_force = False
        settings.load_profile(_OUTER_PROFILE)


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None, Any, Any]:
    with suite_settings():
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, Any]:
    with suite_settings():
        return (yield)
