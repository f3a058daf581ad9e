"""The watcher: one per mailbox, IDLE when the server has it, reconnecting with backoff.

A refused login or an unreachable server never ends the watcher: it waits, longer after each
failure in a row (assistant/backoff.py: doubling from ``inbox_retry_seconds`` up to
``inbox_retry_max_seconds``, with jitter), then tries again. Ending instead would let a
service manager restart it every few seconds, each restart one more failed login, which is
how providers come to lock the account. Each failure is written to the mailbox's
``connection_health`` row, which ``assistant status`` reads from any process, and counted in
the metrics.

Beside it, one reply watcher per linked owner reads header fields of new mail in the owner's
own INBOX (``assistant.pipeline.replies_seen``).

With Redis configured, a leader lock per mailbox makes a second watcher wait instead of
fetching the same mail twice.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from assistant import metrics
from assistant.app import App
from assistant.backoff import backoff_delay
from assistant.errors import ConfigurationError, MailboxError
from assistant.locks import RedisLeader, always_leader
from assistant.mail.inbox import Inbox, LoginRefused, open_inbox
from assistant.pipeline.ingest import Enqueue, ingest_pass
from assistant.pipeline.replies_seen import start_reply_watchers
from assistant.store import health, inbound
from assistant.store.db import transaction

log = logging.getLogger(__name__)

SLICE = 0.5  # seconds between checks for finished work while waiting for mail

Opener = Callable[[], Inbox]


class Watcher:
    """``opener`` builds the inbox for each connection (from the settings by default);
    ``draw`` is the random part of each wait, a number in [0, 1)."""

    def __init__(self, app: App, enqueue: Enqueue, stop: threading.Event,
                 leader: Callable[[], bool] | None = None, *, opener: Opener | None = None,
                 draw: Callable[[], float] = random.random, replies: bool = True) -> None:
        self.app = app
        self.enqueue = enqueue
        self.stop = stop
        self.leader = leader or (lambda: True)
        self.opener = opener or (lambda: open_inbox(app.settings))
        self.draw = draw
        self.failures = 0  # in a row; reset once a connection has done a whole pass
        self.replies = replies  # also watch linked owners' own INBOXes for replies

    def _owner_leader(self, name: str) -> Callable[[], bool]:
        url = self.app.settings.redis_url
        return RedisLeader(url, name) if url else always_leader

    def run(self) -> None:
        if self.replies:
            start_reply_watchers(self.app, self.stop, self._owner_leader,
                                 every=max(1.0, self.app.settings.poll_seconds))
        while not self.stop.is_set():
            if not self.leader():
                self.stop.wait(5)
                continue
            inbox = self.opener()
            connected = False
            try:
                uidvalidity = inbox.open()
                connected = True
                self._serve(inbox, uidvalidity)
            except (LoginRefused, MailboxError) as exc:
                self._back_off(inbox.identity, exc, connected=connected)
            except ConfigurationError:
                log.exception("the mailbox settings are wrong; the watcher stops")
                raise
            finally:
                _close_quietly(inbox)

    def _serve(self, inbox: Inbox, uidvalidity: int | None) -> None:
        self._record_connected(inbox.identity)
        first = True
        while not self.stop.is_set() and self.leader():
            ingest_pass(self.app, inbox, uidvalidity, self.enqueue)
            if first:  # a server that accepts the login and then fails still backs off
                first, self.failures = False, 0
            self._wait_for_work(inbox, uidvalidity)

    def _wait_for_work(self, inbox: Inbox, uidvalidity: int | None) -> None:
        deadline = time.monotonic() + self.app.settings.poll_seconds
        while not self.stop.is_set() and time.monotonic() < deadline:
            if inbox.wait(SLICE) or self._moves_waiting(inbox, uidvalidity):
                return

    def _moves_waiting(self, inbox: Inbox, uidvalidity: int | None) -> bool:
        with transaction(self.app.sessions) as session:
            return bool(inbound.pending_moves(session, inbox.identity, uidvalidity))

    # -- failures ---------------------------------------------------------------------------
    def _back_off(self, identity: str, exc: Exception, *, connected: bool) -> None:
        """Record the failure, then wait (a stop ends the wait at once)."""
        self.failures += 1
        settings = self.app.settings
        delay = backoff_delay(self.failures, base=settings.inbox_retry_seconds,
                              cap=settings.inbox_retry_max_seconds, draw=self.draw())
        if not connected:
            metrics.record_imap_login_failure(refused=isinstance(exc, LoginRefused))
        metrics.set_imap_backoff(delay)
        error = str(exc) if not connected else f"connection lost: {exc}"
        log.warning("mailbox unavailable (%s); attempt %d in a row failed, next in %.1f s",
                    error, self.failures, delay)
        now = self.app.clock()
        self._save(lambda session: health.record_failure(
            session, identity, error=error, failures=self.failures, now=now,
            next_attempt_at=now + timedelta(seconds=delay)))
        self.stop.wait(delay)

    def _record_connected(self, identity: str) -> None:
        metrics.set_imap_backoff(0)
        now = self.app.clock()
        self._save(lambda session: health.record_connected(session, identity, now))

    def _save(self, write: Callable[[Session], None]) -> None:
        """The health row is for `assistant status`; a database that cannot take it now does
        not stop the watcher (the next pass would meet the same database anyway)."""
        try:
            with transaction(self.app.sessions) as session:
                write(session)
        except SQLAlchemyError as exc:
            log.warning("the mailbox state was not recorded: %s", exc)


def _close_quietly(inbox: Inbox) -> None:
    try:
        inbox.close()
    except MailboxError as exc:
        log.debug("closing the mailbox failed: %s", exc)
