"""The assistant's long-running roles, started as child processes of the fault-injection run.

Children are forked from a pre-loaded fork server (``multiprocessing`` "forkserver"), so a
restart costs milliseconds instead of the interpreter's start-up: each child runs exactly what
``assistant run`` (or ``watch``/``worker``/``scheduler``) runs, with its own Settings built
from the trial's environment, and is killed with SIGKILL like a real process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from assistant import runtime
from assistant.runtime import run_all, run_scheduler, run_watcher, run_worker, stop_on_signals
from assistant.settings import Settings
from workers import actors  # noqa: F401  (pre-loaded in the fork server)

ROLES: dict[str, Callable[[Settings, threading.Event], None]] = {
    "run": run_all, "watch": run_watcher, "worker": run_worker, "scheduler": run_scheduler,
}
PRELOAD = ["benchmarks.faults_child", "assistant.parsing", "assistant.pipeline.process",
           "assistant.pipeline.draft", "assistant.pipeline.approve", "dramatiq.brokers.redis",
           "psycopg", "sqlalchemy.dialects.postgresql.psycopg", "imapclient", "aiosmtplib"]


def serve(role: str, env: Mapping[str, str], log_path: str) -> None:
    """Child entry point: log to ``log_path`` and run ``role`` until SIGTERM or SIGKILL."""
    _log_to(Path(log_path), role)
    settings = Settings.from_env(dict(env))
    ROLES[role](settings, stop_on_signals())


def _log_to(path: Path, role: str) -> None:
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter(
        f"%(asctime)s {role} %(process)d %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    for noisy in ("alembic", "dramatiq"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger(runtime.__name__).setLevel(logging.INFO)
