"""Helpers for integration tests: settings pointing at the harness servers, notes, waiting."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from sqlalchemy import func, select

from assistant.runtime import run_all
from assistant.settings import Settings
from assistant.store import linked, owners
from assistant.store.db import make_engine, session_factory, transaction, upgrade
from assistant.store.models import Contact, InboundMessage, OutboxMessage

ROOT = Path(__file__).resolve().parents[2]
# The receiving server's authserv-id: its Authentication-Results header (RFC 8601) is how the
# assistant knows an owner's mail is really the owner's.
TRUSTED_MTA = "mx.test"


def authenticated(sender: str) -> str:
    """The Authentication-Results header the receiving server adds to the owner's own mail."""
    return f"{TRUSTED_MTA}; dmarc=pass header.from={sender.rpartition('@')[2]}"


@dataclass(frozen=True)
class Mailboxes:
    assistant: str
    owner: str


def fresh_mailboxes() -> Mailboxes:
    tag = uuid.uuid4().hex[:10]
    return Mailboxes(assistant=f"assistant-{tag}@example.net", owner=f"sam-{tag}@example.com")


def ca_bundle(tmp_path: Path, *certs: Path) -> Path:
    bundle = tmp_path / "ca-bundle.pem"
    bundle.write_text("".join(Path(c).read_text() for c in certs))
    return bundle


def server_env(dovecot, smtp_server, boxes: Mailboxes, database_url: str,  # noqa: ANN001
               redis_url: str | None, tmp_path: Path, smtp_kind: str = "smtp",
               imap_tls: str = "starttls") -> dict[str, str]:
    env = {
        "ASSISTANT_DATABASE_URL": database_url,
        "ASSISTANT_INBOX_URL": dovecot.imap_url(boxes.assistant, tls=imap_tls),
        "ASSISTANT_INBOX_PASSWORD": dovecot.password,
        "ASSISTANT_SMTP_URL": smtp_server.url(smtp_kind),
        "ASSISTANT_SMTP_PASSWORD": smtp_server.password,
        "ASSISTANT_ADDRESS": boxes.assistant,
        "ASSISTANT_SECRET_KEY": "test-secret-key",
        "ASSISTANT_TLS_CA_FILE": str(ca_bundle(tmp_path, dovecot.cafile, smtp_server.cafile)),
        "ASSISTANT_VAR_DIR": str(tmp_path / "var"),
        "ASSISTANT_POLL_SECONDS": "5",
        "ASSISTANT_TRUSTED_AUTHSERV_IDS": TRUSTED_MTA,
    }
    if redis_url:
        env["ASSISTANT_REDIS_URL"] = redis_url
    return env


def register_owner(database_url: str, address: str, name: str = "Sam Rivera",
                   timezone: str = "America/Chicago", *, now: datetime) -> int:
    """The owner, registered at ``now`` on the clock the test gives the assistant."""
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as session:
            return owners.add_owner(session, name=name, addresses=[address], timezone=timezone,
                                    region="US", now=now).id
    finally:
        engine.dispose()


def register_linked_owner(database_url: str, dovecot, smtp_server,  # noqa: ANN001
                          address: str) -> int:
    """An owner whose own mailbox (IMAP and submission) is the harness account ``address``."""
    owner_id = register_owner(database_url, address, now=datetime.now(UTC))
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as session:
            linked.link(session, owner_id, imap_url=dovecot.imap_url(address),
                        smtp_url=smtp_server.submission_url(address), auth="password",
                        sent_folder=None, now=datetime.now(UTC))
    finally:
        engine.dispose()
    return owner_id


def note(sender: str, to: str, subject: str, body: str, sender_name: str = "Sam Rivera") -> bytes:
    message = EmailMessage()
    message["Authentication-Results"] = authenticated(sender)
    message["From"] = f"{sender_name} <{sender}>"
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain=sender.split("@")[1])
    message.set_content(body)
    return message.as_bytes()


@contextmanager
def assistant_running(env: dict[str, str]) -> Iterator[Settings]:
    """`assistant run` in a thread of this process, stopped when the block ends."""
    settings = Settings.from_env(env)
    stop = threading.Event()
    errors: list[BaseException] = []

    def target() -> None:
        try:
            run_all(settings, stop)
        except BaseException as exc:  # surfaced in the test below, not lost in a thread
            errors.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    try:
        yield settings
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not errors, errors


def run_process(env: dict[str, str]) -> subprocess.Popen[bytes]:
    """`assistant run` as a separate process (for kill tests)."""
    full = {**os.environ, **env}
    return subprocess.Popen([sys.executable, "-m", "assistant.cli", "run"], env=full, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def wait_for(condition: Callable[[], bool], timeout: float = 20.0, every: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return condition()


@dataclass(frozen=True)
class StoreCounts:
    inbound: int
    pending: int
    unmoved: int
    contacts: int
    outbox: int
    unsent: int


def counts(database_url: str) -> StoreCounts:
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as s:
            def n(model, *where):  # type: ignore[no-untyped-def]
                return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)

            return StoreCounts(
                inbound=n(InboundMessage), pending=n(InboundMessage,
                                                     InboundMessage.status == "pending"),
                unmoved=n(InboundMessage, InboundMessage.moved.is_(False)),
                contacts=n(Contact), outbox=n(OutboxMessage),
                unsent=n(OutboxMessage, OutboxMessage.status != "sent"))
    finally:
        engine.dispose()


def contact_names(database_url: str) -> list[str]:
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as s:
            return sorted(n or "" for n in s.scalars(select(Contact.name)))
    finally:
        engine.dispose()


def owner_mail(dovecot, owner: str, count: int, timeout: float = 30.0) -> list[EmailMessage]:  # noqa: ANN001
    """The owner's mail from the assistant, in delivery order, once there are ``count``."""
    import email
    import email.policy

    def found() -> list[EmailMessage]:
        return [email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[misc]
                for raw in dovecot.messages(owner, "INBOX")]

    assert wait_for(lambda: len(found()) >= count, timeout=timeout), [
        str(m["Subject"]) for m in found()]
    return found()
