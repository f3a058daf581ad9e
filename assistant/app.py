"""The running assistant's shared parts: settings, database, and per-thread mail senders.

Built once at a process entry point (``build_app(Settings.from_env())``) and passed down.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from assistant.clock import Clock, system_clock
from assistant.mail.smtp import Outgoing, open_outgoing
from assistant.settings import Settings
from assistant.store.db import make_engine, session_factory


@dataclass
class App:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock = system_clock
    _local: threading.local = field(default_factory=threading.local, repr=False)
    _senders: list[Outgoing] = field(default_factory=list, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def outgoing(self) -> Outgoing:
        """This thread's SMTP sender (aiosmtplib clients belong to one event loop each)."""
        sender = getattr(self._local, "sender", None)
        if sender is None:
            sender = open_outgoing(self.settings)
            self._local.sender = sender
            with self._lock:
                self._senders.append(sender)
        return sender

    def close(self) -> None:
        with self._lock:
            senders, self._senders = self._senders, []
        for sender in senders:
            sender.close()
        self.engine.dispose()


def build_app(settings: Settings, clock: Clock | None = None) -> App:
    """The clock is injected so that tests and the demo can move time forward."""
    engine = make_engine(settings.database_url)
    app = App(settings=settings, engine=engine, sessions=session_factory(engine))
    if clock is not None:
        app.clock = clock
    return app
