"""A card photo through the pipeline (SQLite, no server): a contact, and an acknowledgement
whose HTML shows the card as an inline thumbnail (no external request)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest
from sqlalchemy import select

from assistant.app import App, build_app
from assistant.pipeline.process import process_inbound
from assistant.settings import Settings
from assistant.store import inbound, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from assistant.store.models import OutboxMessage
from tests.unit.cards.card_art import draw_card, encode, photograph

ARRIVAL = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)
OWNER = "sam@example.com"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": "assistant@example.net"})
    upgrade(settings.database_url)
    application = build_app(settings, clock=lambda: ARRIVAL)
    with transaction(application.sessions) as session:
        owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                         timezone="America/Chicago", region="US", now=ARRIVAL)
    yield application
    application.close()


def _card_mail(data: bytes, subtype: str = "jpeg") -> bytes:
    mail = EmailMessage()
    mail["From"] = f"Sam Rivera <{OWNER}>"
    mail["To"] = "assistant@example.net"
    mail["Subject"] = "Card from the expo"
    mail["Message-ID"] = make_msgid(domain="example.com")
    mail.set_content("Met her at the robotics expo.")
    mail.add_attachment(data, maintype="image", subtype=subtype, filename="IMG_0412.jpg")
    return mail.as_bytes()


def _process(app: App, raw: bytes) -> EmailMessage:
    with transaction(app.sessions) as session:
        inbound_id = inbound.store_fetched(session, "maildir://test", None,
                                           FetchedMessage(make_msgid(), raw),
                                           received_at=app.clock())
    outcome = process_inbound(app, inbound_id)
    assert outcome is not None
    with transaction(app.sessions) as session:
        [(purpose, sent)] = session.execute(select(OutboxMessage.purpose, OutboxMessage.raw))
    mail = message_from_bytes(sent, policy=policy.default)
    assert isinstance(mail, EmailMessage)
    mail["X-Test-Purpose"] = purpose
    mail["X-Test-Status"] = outcome.status
    return mail


def test_a_card_photo_becomes_a_contact_and_an_ack_with_its_thumbnail(app: App) -> None:
    # Given the owner's email with a photo of a card lying on a table
    raw = _card_mail(encode(photograph(draw_card()), "JPEG", quality=85))
    # When it is processed
    ack = _process(app, raw)
    # Then the acknowledgement names the person and shows the card inline
    assert (ack["X-Test-Purpose"], ack["X-Test-Status"]) == ("ack", "processed")
    html = ack.get_body(("html",))
    text = ack.get_body(("plain",))
    assert html is not None and text is not None
    assert "Jane Okafor" in html.get_content() and "Jane Okafor" in text.get_content()
    [image] = [p for p in ack.walk() if p.get_content_type() == "image/jpeg"]
    cid = str(image["Content-ID"]).strip("<>")
    assert f'src="cid:{cid}"' in html.get_content()
    assert "http" not in html.get_content().split("<img", 1)[1].split(">", 1)[0]


def test_a_broken_picture_is_kept_and_explained(app: App) -> None:
    # Given a JPEG cut short in transit
    raw = _card_mail(encode(draw_card(), "JPEG")[:2500])
    # When it is processed, Then the owner is told why, and nothing crashed
    ack = _process(app, raw)
    assert (ack["X-Test-Purpose"], ack["X-Test-Status"]) == ("failed", "failed")
    body = ack.get_body(("plain",))
    assert body is not None and "cut short" in body.get_content()
