"""The watcher: one per mailbox, IDLE when the server has it, reconnecting with backoff.

With Redis configured, a leader lock per mailbox makes a second watcher wait instead of
fetching the same mail twice.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from assistant.app import App
from assistant.errors import ConfigurationError, MailboxError
from assistant.mail.inbox import Inbox, open_inbox
from assistant.pipeline.ingest import Enqueue, ingest_pass
from assistant.store import inbound
from assistant.store.db import transaction

log = logging.getLogger(__name__)

MAX_BACKOFF = 60.0
SLICE = 0.5  # seconds between checks for finished work while waiting for mail


class Watcher:
    def __init__(self, app: App, enqueue: Enqueue, stop: threading.Event,
                 leader: Callable[[], bool] | None = None) -> None:
        self.app = app
        self.enqueue = enqueue
        self.stop = stop
        self.leader = leader or (lambda: True)

    def run(self) -> None:
        backoff = 1.0
        while not self.stop.is_set():
            if not self.leader():
                self.stop.wait(5)
                continue
            inbox = open_inbox(self.app.settings)
            try:
                uidvalidity = inbox.open()
                backoff = 1.0
                self._serve(inbox, uidvalidity)
            except MailboxError as exc:
                log.warning("mailbox unavailable (%s); retrying in %.0f s", exc, backoff)
                self.stop.wait(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
            except ConfigurationError:
                log.exception("the mailbox settings are wrong; the watcher stops")
                raise
            finally:
                _close_quietly(inbox)

    def _serve(self, inbox: Inbox, uidvalidity: int | None) -> None:
        while not self.stop.is_set() and self.leader():
            ingest_pass(self.app, inbox, uidvalidity, self.enqueue)
            self._wait_for_work(inbox, uidvalidity)

    def _wait_for_work(self, inbox: Inbox, uidvalidity: int | None) -> None:
        deadline = time.monotonic() + self.app.settings.poll_seconds
        while not self.stop.is_set() and time.monotonic() < deadline:
            if inbox.wait(SLICE) or self._moves_waiting(inbox, uidvalidity):
                return

    def _moves_waiting(self, inbox: Inbox, uidvalidity: int | None) -> bool:
        with transaction(self.app.sessions) as session:
            return bool(inbound.pending_moves(session, inbox.identity, uidvalidity))


def _close_quietly(inbox: Inbox) -> None:
    try:
        inbox.close()
    except MailboxError as exc:
        log.debug("closing the mailbox failed: %s", exc)
