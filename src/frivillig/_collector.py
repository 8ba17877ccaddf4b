"""Pausing Python's cyclic garbage collector while the library builds many objects."""

import contextlib
import gc
import threading
from collections.abc import Iterator

# The cyclic garbage collector walks every tracked object each time it runs a full
# collection, so building millions of objects with it running costs more per object
# the more there are. The model's objects, and the findings and scores made from them,
# form no cycles; loading, dumping and checking a portfolio pause the collector while
# they build them. The pause nests, and is shared by threads that work at once.
_PAUSE_LOCK = threading.Lock()
_pauses = 0
_resume = False


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Pause the collector for the block, and restore it as it was when the last pause ends."""
    global _pauses, _resume
    with _PAUSE_LOCK:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()
