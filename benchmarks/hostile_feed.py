"""Feed one message through the whole pipeline and classify how it ended.

store (``inbound.store_fetched``) -> ``process_inbound`` -> ``send_outbox`` for every email it
queued (the outbox is a local Maildir). An exception escaping any of the three is a crash;
a message left ``pending`` (or never stored) is lost; a failed or quarantined message from the
registered owner must have its explanation in the outbox, and every email must go to the owner
only (nothing copied from hostile headers may add a recipient).
"""

from __future__ import annotations

import json
import logging
import signal
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from types import FrameType

from sqlalchemy import select

from assistant.app import App
from assistant.pipeline.calm_acks import flush_due
from assistant.pipeline.process import process_inbound
from assistant.pipeline.send import send_outbox
from assistant.store import inbound
from assistant.store.db import transaction
from assistant.store.inbound import FetchedMessage
from assistant.store.models import ContactEmail, OutboxMessage

log = logging.getLogger(__name__)

MAILBOX = "hostile"
FINAL = ("processed", "failed", "ignored", "quarantined")
# Seconds per message. The alarm raises inside the pipeline: the parser's own guard turns it
# into a failed message with an explanation (a parse-time budget); anywhere else it escapes and
# counts as a crash. Either way the message is listed under ``over_budget``.
TIME_BUDGET = 10


class Hang(Exception):
    """Raised by the alarm when one message takes longer than TIME_BUDGET."""


@dataclass
class Tally:
    messages: int = 0
    crashes: list[dict[str, str]] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    unexplained: list[str] = field(default_factory=list)
    foreign_recipients: list[str] = field(default_factory=list)
    quarantined: int = 0
    deduplicated: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    good_notes: int = 0
    good_affected: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    over_budget: list[str] = field(default_factory=list)


class Feeder:
    def __init__(self, app: App, owner_id: int, owner_address: str,
                 tally: Tally | None = None) -> None:
        self.app, self.owner_id, self.owner_address = app, owner_id, owner_address
        self.tally = tally if tally is not None else Tally()
        self._uid = 0
        signal.signal(signal.SIGALRM, _alarm)

    def feed(self, raw: bytes, label: str) -> str:
        """One hostile message; returns its final status (or ``crash``/``lost``)."""
        self.tally.messages += 1
        self.tally.labels[label.split(":")[0]] += 1
        started = time.perf_counter()
        status = self._through(raw, label)
        elapsed = time.perf_counter() - started
        self.tally.seconds.append(elapsed)
        if elapsed >= TIME_BUDGET * 0.9:
            self.tally.over_budget.append(f"{label[:120]}: {elapsed:.1f} s, {len(raw)} bytes")
        self.tally.statuses[status] += 1
        return status

    def feed_good(self, raw: bytes, email: str) -> None:
        """A known good note behind the hostile ones: its contact must exist afterwards."""
        self.tally.good_notes += 1
        status = self._through(raw, "good")
        with transaction(self.app.sessions) as session:
            found = session.scalar(select(ContactEmail.id).where(ContactEmail.email == email))
        if status != "processed" or found is None:
            self.tally.good_affected.append(f"{email}: {status}")

    def _through(self, raw: bytes, label: str) -> str:
        self._uid += 1
        signal.alarm(TIME_BUDGET)
        try:
            inbound_id = self._store(raw, label)
            if inbound_id is None:
                return "deduplicated"  # the same bytes were stored before: that row stands
            outcome = self._step("process", label, lambda: process_inbound(self.app, inbound_id))
            for outbox_id in outcome.outbox_ids if outcome not in (None, "crash") else ():
                if outbox_id is not None:  # None: an acknowledgement held for a burst
                    self._step("send", label, lambda o=outbox_id: send_outbox(self.app, o))
            return self._verdict(inbound_id, label, crashed=outcome == "crash")
        except _Crashed:
            return "crash"
        finally:
            signal.alarm(0)

    def _store(self, raw: bytes, label: str) -> int | None:
        message = FetchedMessage(source_ref=f"{self._uid}", raw=raw, uid=self._uid)

        def store() -> int | None:
            with transaction(self.app.sessions) as session:
                return inbound.store_fetched(session, MAILBOX, 1, message,
                                             received_at=self.app.clock())

        new_id = self._step("store", label, store)
        if new_id is None:
            self.tally.deduplicated += 1
        return new_id  # type: ignore[return-value]

    def _step(self, stage: str, label: str, call):  # type: ignore[no-untyped-def]
        try:
            return call()
        except Exception as exc:  # counted and shown: this is what the run looks for
            self.tally.crashes.append({"stage": stage, "label": label,
                                       "error": f"{type(exc).__name__}: {exc}"[:500],
                                       "where": _product_frames(exc)})
            if stage == "store":
                self.tally.lost.append(f"{label}: not stored ({type(exc).__name__})")
                raise _Crashed from exc
            return "crash"

    def _verdict(self, inbound_id: int, label: str, crashed: bool) -> str:
        with transaction(self.app.sessions) as session:
            record = inbound.load(session, inbound_id)
            status = record.status if record else "missing"
            explained = self._explained(session, inbound_id, status)
        if status not in FINAL:
            self.tally.lost.append(f"{label}: ended {status}")
            return "crash" if crashed else "lost"
        if status in ("failed", "quarantined") and record and record.owner_id == self.owner_id:
            if explained:
                self.tally.quarantined += 1
            else:
                self.tally.unexplained.append(f"{label}: {status} without an explanation")
        return status

    def _explained(self, session, inbound_id: int, status: str) -> bool:  # type: ignore[no-untyped-def]
        if status == "quarantined":  # one notice a day per owner (assistant/pipeline/process)
            day = self.app.clock().date().isoformat()
            key = OutboxMessage.idempotency_key == f"quarantine:{self.owner_id}:{day}"
        else:
            key = OutboxMessage.idempotency_key.in_((f"failed:{inbound_id}",
                                                     f"approval-note:{inbound_id}"))
        return session.scalar(select(OutboxMessage.id).where(key)) is not None

    def flush_held(self) -> None:
        """The acknowledgements held for a burst, combined as the scheduler would once their
        window has ended, and sent."""
        later = self.app.clock() + timedelta(seconds=self.app.settings.ack_burst_seconds + 1)
        queued = self._step("flush", "held acks", lambda: flush_due(self.app, later))
        for outbox_id in queued if isinstance(queued, list) else ():
            self._step("send", "held acks", lambda o=outbox_id: send_outbox(self.app, o))

    def check_outbox(self) -> None:
        """Every email went to the owner only, and was sent (a held acknowledgement merged into
        a combined email that was sent)."""
        self.flush_held()
        with transaction(self.app.sessions) as session:
            rows = session.execute(select(OutboxMessage.id, OutboxMessage.status,
                                          OutboxMessage.recipients)).all()
        for row in rows:
            recipients = json.loads(row.recipients)
            if recipients != [self.owner_address]:
                self.tally.foreign_recipients.append(f"outbox {row.id}: {recipients}")
            if row.status not in ("sent", "merged"):
                self.tally.lost.append(f"outbox {row.id} left {row.status}")


def _product_frames(exc: BaseException) -> str:
    """The assistant's own frames of the traceback, innermost last: where to fix it."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f"{f.filename.split('/work/main/')[-1]}:{f.lineno} {f.name}" for f in frames
            if "/assistant/" in f.filename]
    return " > ".join(ours[-6:]) + f" | innermost: {frames[-1].name}" if frames else ""


class _Crashed(Exception):
    """The message could not even be stored."""


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    # Again every 2 s until the message is done: code that catches the first one and goes on
    # (a guard around one part of many) gets the next.
    signal.alarm(2)
    raise Hang(f"one message took over {TIME_BUDGET} s")
