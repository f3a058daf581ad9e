"""Writing the weekly summary to the outbox: one row per owner and ISO week, whatever happens.

The idempotency key ``summary:<owner id>:<ISO week>`` makes the summary once-per-week across
restarts, retries and several schedulers: the outbox's unique key decides, not a lock. A quiet
week (nothing happened, nothing waits on the owner) is skipped politely: the row is still
written, with status ``skipped``, so that the week is settled and nobody gets an empty email.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assistant.app import App
from assistant.domain import OwnerProfile
from assistant.errors import UnknownOwnerError
from assistant.mail.compose import address, build_email
from assistant.store import outbox, owners
from assistant.store.db import transaction
from assistant.store.models import OutboxMessage
from assistant.summary.figures import compute
from assistant.summary.load import load_summary_data
from assistant.summary.render import RenderedSummary, render_summary
from assistant.summary.types import SummaryFigures

log = logging.getLogger(__name__)

ASSISTANT_NAME = "Follow-up Assistant"
SKIPPED = "skipped"


@dataclass(frozen=True)
class BuiltSummary:
    figures: SummaryFigures
    email: RenderedSummary


def summary_key(owner_id: int, week: str) -> str:
    return f"summary:{owner_id}:{week}"


def command_address(owner: OwnerProfile, assistant_address: str) -> str:
    """Where the owner's reply commands should go: their secret sub-address when they have one
    (mail to it is trusted as theirs without Authentication-Results), else the assistant."""
    if not owner.secret_tag:
        return assistant_address
    local, _, domain = assistant_address.partition("@")
    return f"{local}+{owner.secret_tag}@{domain}"


def build_summary(session: Session, owner_id: int, now: datetime,
                  reply_address: str) -> BuiltSummary:
    """Figures and rendered bodies for one owner as of ``now`` (the week ending then);
    ``reply_address`` is where the email's one-tap commands are addressed."""
    figures = compute(load_summary_data(session, owner_id, now), now)
    return BuiltSummary(figures, render_summary(figures, reply_address))


def queue_summary(app: App, owner_id: int, week: str, now: datetime) -> int | None:
    """The outbox id of this week's summary, or None when the week was quiet (skipped)."""
    key = summary_key(owner_id, week)
    with transaction(app.sessions) as session:
        known = session.execute(select(OutboxMessage.id, OutboxMessage.status)
                                .where(OutboxMessage.idempotency_key == key)).first()
        if known is not None:
            return None if known.status == SKIPPED else int(known.id)
        outbox_id, quiet = _write(app, session, owner_id, key, now)
    if quiet:
        log.info("owner %d: quiet week %s, summary skipped", owner_id, week)
        return None
    log.info("owner %d: summary for %s queued as outbox %d", owner_id, week, outbox_id)
    return outbox_id


def _write(app: App, session: Session, owner_id: int, key: str,
           now: datetime) -> tuple[int, bool]:
    owner = owners.owner_by_id(session, owner_id)
    if owner is None:
        raise UnknownOwnerError(f"no owner with id {owner_id}")
    reply_to = command_address(owner, app.settings.assistant_address)
    built = build_summary(session, owner_id, now, reply_to)
    message = build_email(sender=address(ASSISTANT_NAME, app.settings.assistant_address),
                          to=[address(owner.name, owner.primary_address)],
                          subject=built.email.subject, text=built.email.text,
                          html=built.email.html, now=now,
                          reply_to=address(ASSISTANT_NAME, reply_to))
    outbox_id = outbox.add(session, key=key, owner_id=owner_id, purpose="summary",
                           message=message, envelope_from=app.settings.assistant_address,
                           recipients=[owner.primary_address], now=now)
    if built.figures.quiet:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == outbox_id,
                                                    OutboxMessage.status == "pending")
                        .values(status=SKIPPED))
    return outbox_id, built.figures.quiet
