"""Named crash points for fault-injection runs.

``ASSISTANT_FAULT_POINTS=after_store,after_smtp`` makes the process kill itself with SIGKILL
the first time it reaches one of those points, exactly as an operator's ``kill -9`` or an
out-of-memory kill would. With no fault points configured (production), a checkpoint is a set
lookup and nothing else.
"""

from __future__ import annotations

import logging
import os
import signal

log = logging.getLogger(__name__)

POINTS = ("after_fetch", "after_store", "after_job", "before_move", "after_smtp")


def checkpoint(points: frozenset[str], name: str) -> None:
    if name in points:
        log.warning("fault point %s reached: killing the process", name)
        os.kill(os.getpid(), signal.SIGKILL)
