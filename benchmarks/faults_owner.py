"""Fault trials for linked owners: SIGKILL around the submission to the owner's own server.

Each trial links a fresh owner to their Dovecot account (the SMTP harness's implicit-TLS
listener is their submission server), queues one approved follow-up, and kills `assistant
run` at one of three places: after DATA and before the copy is put in Sent
(``after_owner_smtp``: recovery finds it in Sent only where the provider files it, else marks
it uncertain and tells the owner), after the copy
(``after_smtp``: recovery finds it in Sent and records it sent), or after a random delay. The
assistant is restarted once the claim has lapsed; the contact must have the follow-up once,
never twice, and a row recorded as sent must have arrived with its copy in Sent.
"""

from __future__ import annotations

import random
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from assistant.app import build_app
from assistant.domain import ParsedContact
from assistant.pipeline.approve import queue_followup
from assistant.settings import Settings
from assistant.store import contacts, followups, linked, owners
from assistant.store.db import transaction
from assistant.store.models import OutboxMessage
from benchmarks.faults_rig import Rig

KILLS = ("after_owner_smtp", "after_smtp", "random")


@dataclass
class OwnerTrial:
    tag: str
    kill: str
    provider_files: bool
    status: str
    deliveries: int
    sent_copies: int
    seconds: float

    @property
    def duplicate(self) -> int:
        return max(0, self.deliveries - 1)

    @property
    def lost(self) -> int:
        """Nothing arrived although the row says sent, or the row never settled."""
        settled = self.status in ("sent", "uncertain")
        return int(not settled or (self.status == "sent" and self.deliveries == 0))

    @property
    def copy_missing(self) -> int:
        return int(self.status == "sent" and self.deliveries == 1 and self.sent_copies != 1)


def run_owner_trials(rig: Rig, count: int, rng: random.Random) -> list[OwnerTrial]:
    # Every other pair of trials plays a provider that files sent mail itself (Gmail).
    return [_trial(rig, n, KILLS[n % len(KILLS)], rng, files=(n // len(KILLS)) % 2 == 1)
            for n in range(count)]


def summarize_owner(trials: list[OwnerTrial]) -> dict[str, object]:
    return {"trials": len(trials), "duplicate_sends": sum(t.duplicate for t in trials),
            "lost": sum(t.lost for t in trials),
            "sent_copies_missing": sum(t.copy_missing for t in trials),
            "by_status": {s: sum(t.status == s for t in trials)
                          for s in sorted({t.status for t in trials})},
            "details": [asdict(t) for t in trials]}


def _trial(rig: Rig, number: int, kill: str, rng: random.Random, files: bool) -> OwnerTrial:
    started = time.monotonic()
    tag = f"owner{number:03d}-{rng.randrange(16 ** 6):06x}"
    directory = rig.root / "owner_trials" / tag
    directory.mkdir(parents=True)
    owner, jane = f"sam-{tag}@example.com", f"jane-{tag}@acme.example"
    env = _env(rig, directory, tag)
    owner_id, outbox_id = _seed(env, owner, jane, rig)
    env[f"ASSISTANT_OWNER_{owner_id}_PASSWORD"] = rig.dovecot.password
    faults = "" if kill == "random" else kill
    if files:
        rig.smtp.file_in_sent(owner)
    child = rig.spawn("run", {**env, "ASSISTANT_FAULT_POINTS": faults}, directory / "1.log")
    if kill == "random":
        time.sleep(rng.uniform(0.5, 4.0))
        child.kill()
    else:
        child.wait(60)
        child.kill()
    time.sleep(1.5)  # the claim (ASSISTANT_SEND_LEASE_SECONDS=1) lapses, as under systemd
    restarted = rig.spawn("run", env, directory / "2.log")
    status = _wait_settled(env["ASSISTANT_DATABASE_URL"], outbox_id, timeout=45)
    time.sleep(1.0)  # room for a wrong second send to show
    restarted.stop()
    rig.smtp.file_in_sent(owner, False)
    return OwnerTrial(tag=tag, kill=kill, provider_files=files, status=status,
                      deliveries=len(rig.dovecot.messages(jane, "INBOX")),
                      sent_copies=len(rig.dovecot.messages(owner, "Sent"))
                      if "Sent" in rig.dovecot.folders(owner) else 0,
                      seconds=round(time.monotonic() - started, 1))


def _env(rig: Rig, directory: Path, tag: str) -> dict[str, str]:
    bundle = directory / "ca.pem"
    bundle.write_text(Path(rig.dovecot.cafile).read_text())
    assistant = f"assistant-{tag}@example.net"
    return {"ASSISTANT_DATABASE_URL": rig.sqlite_database(directory / "assistant.db"),
            "ASSISTANT_INBOX_URL": rig.dovecot.imap_url(assistant),
            "ASSISTANT_INBOX_PASSWORD": rig.dovecot.password,
            "ASSISTANT_SMTP_URL": rig.smtp.url("smtp"), "ASSISTANT_ADDRESS": assistant,
            "ASSISTANT_SECRET_KEY": "faults-secret", "ASSISTANT_TLS_CA_FILE": str(bundle),
            "ASSISTANT_VAR_DIR": str(directory / "var"), "ASSISTANT_SEND_LEASE_SECONDS": "1",
            "ASSISTANT_POLL_SECONDS": "1", "ASSISTANT_TICK_SECONDS": "0.5"}


def _seed(env: dict[str, str], owner_address: str, jane: str, rig: Rig) -> tuple[int, int]:
    """An owner linked to their own mailbox and one approved follow-up in the outbox."""
    app = build_app(Settings.from_env(env))
    now = datetime.now(UTC)
    try:
        with transaction(app.sessions) as session:
            owner = owners.add_owner(session, name="Sam Rivera", addresses=[owner_address],
                                     timezone="UTC", region="US", now=now)
            linked.link(session, owner.id, imap_url=rig.dovecot.imap_url(owner_address),
                        smtp_url=rig.smtp.submission_url(owner_address), auth="password",
                        sent_folder=None, now=now)
            stored = contacts.merge_contact(session, owner_id=owner.id, inbound_id=None,
                                            now=now, parsed=ParsedContact(name="Jane Doe",
                                                                          emails=(jane,)))
            followup_id = followups.schedule(session, owner_id=owner.id, contact_id=stored.id,
                                             sequence=1, due_at=now, now=now)
            assert followup_id is not None
            followups.save_draft(session, followup_id, to_address=jane, subject="Great to meet",
                                 body="Hi Jane,\n\nGreat to meet you.\n\nSam", value_adds=[],
                                 placeholders=[], approval_message_id=None, now=now)
            record = followups.load(session, followup_id)
            assert record is not None
            return owner.id, queue_followup(app, session, owner, record, record.body or "", now)
    finally:
        app.close()


def _wait_settled(database_url: str, outbox_id: int, timeout: float) -> str:
    from assistant.store.db import make_engine, session_factory

    engine = make_engine(database_url)
    deadline = time.monotonic() + timeout
    status = "unknown"
    try:
        while time.monotonic() < deadline:
            with transaction(session_factory(engine)) as session:
                status = str(session.get(OutboxMessage, outbox_id).status)  # type: ignore[union-attr]
            if status in ("sent", "uncertain", "failed"):
                break
            time.sleep(0.3)
    finally:
        engine.dispose()
    return status
