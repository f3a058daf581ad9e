"""Logging set-up for the command line: plain lines, or JSON with ASSISTANT_LOG_JSON=1."""

from __future__ import annotations

import json
import logging
import os


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {"time": self.formatTime(record), "level": record.levelname,
                "logger": record.name, "message": record.getMessage()}
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)


def configure_logging(*, verbose: bool = False) -> None:
    handler = logging.StreamHandler()
    if os.environ.get("ASSISTANT_LOG_JSON", "").lower() in {"1", "true", "yes"}:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # flufl.bounce narrates every scan at INFO (about 17 lines a message)
    for noisy in ("dramatiq", "alembic", "flufl.bounce"):
        logging.getLogger(noisy).setLevel(logging.INFO if verbose else logging.WARNING)
