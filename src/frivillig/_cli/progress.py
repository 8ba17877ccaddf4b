"""The progress line the command line draws on standard error while it reads many documents."""

import contextlib
import os
import time
from collections.abc import Callable
from typing import TextIO

from .. import batch
from .._core.labels import Language
from .text import _TEXT, _counted

PROGRESS_INTERVAL = 0.25
"""Seconds at least between two drawings of the progress line: four a second at most."""


def _isatty(stream: object) -> bool:
    """Whether ``stream`` is a terminal; a stream that cannot tell is not one."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (OSError, ValueError):
        return False


class _Progress:
    """One line on standard error that says how far the reading of many documents has come.

    It is off until `switch` turns it on: by default when standard error is a
    terminal, or as ``--progress`` and ``--no-progress`` say. The line holds only
    counts and fixed words, never a document's text; it is rewritten in place after
    a carriage return, the one control character the command line writes of its
    own, and only to this stream. It is drawn for the first document and then at
    most once every ``interval`` seconds of ``clock`` (a monotonic clock, which a
    test may replace), and wiped with spaces before anything else is written and
    when the reading ends, so that it leaves nothing behind.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        clock: Callable[[], float] = time.monotonic,
        interval: float = PROGRESS_INTERVAL,
    ) -> None:
        self._stream = stream
        self._clock = clock
        self._interval = interval
        self._lang: Language = "en"
        self._width = 80
        self._last: float | None = None
        self._shown = 0
        self.enabled = False

    def switch(self, on: bool | None, lang: Language) -> None:
        """Turn the line on (``True``), off (``False``), or on only for a terminal (``None``)."""
        self.enabled = _isatty(self._stream) if on is None else on
        self._lang = lang
        with contextlib.suppress(AttributeError, OSError, ValueError):
            self._width = max(os.get_terminal_size(self._stream.fileno()).columns, 20)

    def update(self, report: batch.BatchReport) -> None:
        """Draw the counts of ``report``, unless the line was drawn less than a moment ago."""
        if not self.enabled:
            return
        now = self._clock()
        if self._last is not None and now - self._last < self._interval:
            return
        self._last = now
        text = _TEXT[self._lang]["progress"].format(
            documents=_counted(report.documents, "document", self._lang),
            collaborations=_counted(report.collaborations, "collaboration_n", self._lang),
            bad=_counted(len(report.bad), "bad", self._lang),
        )[: self._width - 1]
        self._stream.write("\r" + text.ljust(self._shown))
        self._stream.flush()
        self._shown = len(text)

    def clear(self) -> None:
        """Wipe the line, if one is shown, and leave the cursor at the start of it."""
        if self._shown:
            self._stream.write("\r" + " " * self._shown + "\r")
            self._stream.flush()
            self._shown = 0
