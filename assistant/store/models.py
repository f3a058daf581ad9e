"""SQLAlchemy 2 models. The database is the source of truth for all durable state.

Every table a job writes carries a natural key with a unique constraint, so a job that runs
twice (at-least-once delivery from the broker) writes its effects once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no zone: read back as UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store: use aware UTC datetimes")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Owner(Base):
    __tablename__ = "owners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    region: Mapped[str] = mapped_column(String(8), default="US")
    language: Mapped[str] = mapped_column(String(8), default="en")
    followup_hour: Mapped[int] = mapped_column(Integer, default=9)
    summary_weekday: Mapped[int] = mapped_column(Integer, default=0)
    summary_hour: Mapped[int] = mapped_column(Integer, default=8)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    secret_tag: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    addresses: Mapped[list[OwnerAddress]] = relationship(
        back_populates="owner", cascade="all, delete-orphan", order_by="OwnerAddress.id"
    )


class OwnerAddress(Base):
    __tablename__ = "owner_addresses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    address: Mapped[str] = mapped_column(String(320), unique=True)

    owner: Mapped[Owner] = relationship(back_populates="addresses")


class InboundMessage(Base):
    """A message as it arrived: raw bytes kept before anything else happens to it.

    ``source_ref`` is the mailbox-local identity (``UIDVALIDITY/UID`` for IMAP, the key for a
    Maildir); ``sha256`` dedupes across a UIDVALIDITY change. Message-ID is only a hint.
    """

    __tablename__ = "inbound_messages"
    __table_args__ = (
        UniqueConstraint("mailbox", "source_ref", name="uq_inbound_source"),
        UniqueConstraint("mailbox", "sha256", name="uq_inbound_sha256"),
        Index("ix_inbound_status", "status"),
        Index("ix_inbound_unmoved", "mailbox", "moved"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(500))
    source_ref: Mapped[str] = mapped_column(String(200))
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    uid: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    sha256: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str | None] = mapped_column(String(998), nullable=True)
    size: Mapped[int] = mapped_column(Integer)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(16), default="pending")
    kind: Mapped[str | None] = mapped_column(String(16), nullable=True)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("owners.id", ondelete="SET NULL"), nullable=True, index=True
    )
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    moved: Mapped[bool] = mapped_column(Boolean, default=False)


class Contact(Base):
    __tablename__ = "contacts"
    __table_args__ = (Index("ix_contacts_owner_name", "owner_id", "name_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(300), nullable=True)
    name_key: Mapped[str | None] = mapped_column(String(300), nullable=True)
    company: Mapped[str | None] = mapped_column(String(300), nullable=True)
    title: Mapped[str | None] = mapped_column(String(300), nullable=True)
    context: Mapped[str | None] = mapped_column(Text, nullable=True)
    introduced_by: Mapped[str | None] = mapped_column(String(300), nullable=True)
    # False while the owner has not met the person (the parser's "not met yet")
    met: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    status: Mapped[str] = mapped_column(String(16), default="active")
    source_inbound_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbound_messages.id", ondelete="SET NULL"), nullable=True
    )
    last_touch_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_reply_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    emails: Mapped[list[ContactEmail]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactEmail.id"
    )
    phones: Mapped[list[ContactPhone]] = relationship(
        cascade="all, delete-orphan", order_by="ContactPhone.id"
    )
    facts: Mapped[list[ContactFact]] = relationship(
        cascade="all, delete-orphan", order_by="ContactFact.id"
    )


class ContactEmail(Base):
    __tablename__ = "contact_emails"
    __table_args__ = (UniqueConstraint("owner_id", "email", name="uq_contact_email_owner"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(320))
    bad: Mapped[bool] = mapped_column(Boolean, default=False)

    contact: Mapped[Contact] = relationship(back_populates="emails")


class ContactPhone(Base):
    __tablename__ = "contact_phones"
    __table_args__ = (UniqueConstraint("contact_id", "phone", name="uq_contact_phone"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    phone: Mapped[str] = mapped_column(String(32))


class ContactFact(Base):
    """One value one message contributed to a contact: the provenance of every field.

    A later message adds facts; it never erases what another message said.
    """

    __tablename__ = "contact_facts"
    __table_args__ = (
        UniqueConstraint("contact_id", "inbound_id", "field", "value", name="uq_contact_fact"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    inbound_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbound_messages.id", ondelete="SET NULL"), nullable=True, index=True
    )
    field: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Interaction(Base):
    __tablename__ = "interactions"
    __table_args__ = (
        Index("ix_interactions_owner_time", "owner_id", "occurred_at"),
        UniqueConstraint("contact_id", "inbound_id", "kind", name="uq_interaction_inbound"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    inbound_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbound_messages.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str | None] = mapped_column(Text, nullable=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OutboxMessage(Base):
    """An email the assistant will send, written before any SMTP transaction.

    ``idempotency_key`` names the effect (``ack:<inbound id>``), so a job that runs twice writes
    one row; ``message_id`` is generated up front so a retry sends the same message.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status", "status"),
                      Index("ix_outbox_message_id", "message_id"),
                      Index("ix_outbox_created", "created_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("owners.id", ondelete="CASCADE"), nullable=True, index=True
    )
    purpose: Mapped[str] = mapped_column(String(32))
    message_id: Mapped[str] = mapped_column(String(998))
    envelope_from: Mapped[str] = mapped_column(String(320))
    recipients: Mapped[str] = mapped_column(Text)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class FollowUp(Base):
    """One planned touch of a contact: the first follow-up (sequence 1) or the second.

    Status flow: scheduled -> awaiting_approval -> approved -> sent; or skipped, stopped,
    cancelled (the contact replied), snoozed back to scheduled. ``due_at`` is when the draft
    goes to the owner; the scheduler tick turns due rows into drafting jobs.
    """

    __tablename__ = "followups"
    __table_args__ = (
        UniqueConstraint("contact_id", "sequence", name="uq_followup_sequence"),
        Index("ix_followups_due", "status", "due_at"),
        Index("ix_followups_owner_status", "owner_id", "status"),
        # Outbox keys and approval tokens name follow-ups by id: an id must never come back
        # after ``undo`` deletes a row (SQLite reuses the largest rowid without this).
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    sequence: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(24), default="scheduled")
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    source_inbound_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbound_messages.id", ondelete="SET NULL"), nullable=True
    )
    to_address: Mapped[str | None] = mapped_column(String(320), nullable=True)
    subject: Mapped[str | None] = mapped_column(Text, nullable=True)
    body: Mapped[str | None] = mapped_column(Text, nullable=True)
    value_adds: Mapped[str | None] = mapped_column(Text, nullable=True)
    placeholders: Mapped[str | None] = mapped_column(Text, nullable=True)
    approval_message_id: Mapped[str | None] = mapped_column(String(998), nullable=True)
    sent_outbox_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox.id", ondelete="SET NULL"), nullable=True
    )
    drafted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ApprovalToken(Base):
    """A single-use approval token: the signed value travels in Reply-To; this row makes it
    single-use (``used_at``) and lets the owner's answer find its draft."""

    __tablename__ = "approval_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), unique=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"))
    followup_id: Mapped[int] = mapped_column(
        ForeignKey("followups.id", ondelete="CASCADE"), index=True
    )
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Resource(Base):
    """Something in the owner's library worth sharing (a checklist, an article, a tool)."""

    __tablename__ = "resources"
    __table_args__ = (UniqueConstraint("owner_id", "url", name="uq_resource_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"),
                                          index=True)
    title: Mapped[str] = mapped_column(String(500))
    url: Mapped[str] = mapped_column(String(2000))
    tags: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ConnectionHealth(Base):
    """How the latest attempts to reach a server went, one row per connection (the watcher's
    mailbox, by its identity).

    Written by the process that connects and read by ``assistant status``, which runs in
    another process: a refused login shows there with the number of failures in a row, the
    last error and when the next attempt comes. ``consecutive_failures`` is 0 once connected.
    """

    __tablename__ = "connection_health"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500), unique=True)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_failure_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    connected_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Digest(Base):
    """One email to the owner listing drafts by number (the morning digest, or the answer to
    ``pending``), answered by a reply: its Reply-To carries a signed token whose nonce finds
    this row; ``message_id`` finds it from In-Reply-To when a client drops Reply-To."""

    __tablename__ = "digests"
    __table_args__ = (Index("ix_digests_owner", "owner_id"),
                      Index("ix_digests_message_id", "message_id"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    nonce: Mapped[str] = mapped_column(String(64), unique=True)
    message_id: Mapped[str] = mapped_column(String(998))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DigestItem(Base):
    """Number ``number`` of a digest: a follow-up and the fingerprint of its draft as shown."""

    __tablename__ = "digest_items"
    __table_args__ = (UniqueConstraint("digest_id", "number", name="uq_digest_item_number"),
                      Index("ix_digest_items_followup", "followup_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    digest_id: Mapped[int] = mapped_column(ForeignKey("digests.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    followup_id: Mapped[int] = mapped_column(ForeignKey("followups.id", ondelete="CASCADE"))
    fingerprint: Mapped[str] = mapped_column(String(64))


class ApprovalMode(Base):
    """The owner's choice: ``digest`` (one morning email), ``each`` (one email per draft);
    no row means automatic (a digest when more than a few drafts are due together)."""

    __tablename__ = "approval_modes"

    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"),
                                          primary_key=True)
    mode: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


# -- The owner's own mailbox (linked accounts) ---------------------------------------------


class LinkedAccount(Base):
    """An owner's own mailbox: IMAP to see replies and the Sent folder, SMTP submission to
    send follow-ups as the owner truly sends them. Optional: an owner without one stays in
    relay mode. No password here: it comes from ``ASSISTANT_OWNER_<id>_PASSWORD`` or
    ``_FILE`` like every other secret (an XOAUTH2 access token when ``auth`` is xoauth2).

    ``sent_filed``: whether the provider files submitted mail in Sent by itself (learned on
    the first send: None until then). ``uidvalidity``/``last_uid``: where the reply watcher
    resumes in the owner's INBOX (RFC 3501 2.3.1.1: UIDs hold only within one UIDVALIDITY).
    """

    __tablename__ = "linked_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"),
                                          unique=True)
    imap_url: Mapped[str] = mapped_column(String(1000))
    smtp_url: Mapped[str] = mapped_column(String(1000))
    auth: Mapped[str] = mapped_column(String(16), default="password")
    sent_folder: Mapped[str | None] = mapped_column(String(500), nullable=True)
    sent_filed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    last_uid: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SeenReply(Base):
    """A message in an owner's own INBOX that matched a contact: only the match is kept
    (which contact, what it was, its Message-ID), never the message."""

    __tablename__ = "seen_replies"
    __table_args__ = (UniqueConstraint("owner_id", "message_key", name="uq_seen_reply"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"),
                                            index=True)
    message_key: Mapped[str] = mapped_column(String(998))
    kind: Mapped[str] = mapped_column(String(16))
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SentCopy(Base):
    """A linked owner's follow-up that left but whose copy could not be put in their Sent
    folder (IMAP down, a timeout, a full mailbox): the copy is still owed. The message is the
    outbox row's ``raw``; the recovery sweep files it (after looking for its Message-ID, so
    never twice) with backoff until ``filed``, or stops (``given_up``) and tells the owner;
    ``dropped`` when nothing is owed any more (the provider files sent mail itself, the
    mailbox was unlinked, the follow-up is not known to have left).
    """

    __tablename__ = "sent_copies"
    __table_args__ = (Index("ix_sent_copies_due", "status", "next_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outbox_id: Mapped[int] = mapped_column(ForeignKey("outbox.id", ondelete="CASCADE"),
                                           unique=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="owed")
    failures: Mapped[int] = mapped_column(Integer, default=1)
    owed_since: Mapped[datetime] = mapped_column(UTCDateTime())
    next_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
