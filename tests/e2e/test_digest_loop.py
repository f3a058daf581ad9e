"""The morning digest on real servers, with the clock moved forward instead of waited.

Seven notes on Monday afternoon -> one digest the next morning (no request per draft) -> the
owner replies "send 1 3 5": exactly those three go out, once, and a second identical reply sends
nothing more -> each mailto: button, turned into the email a mail client composes, does what it
says (Send, Skip, Snooze 3d, Edit).
"""

from __future__ import annotations

import email
import email.policy
import re
import smtplib
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid
from html import unescape
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from sqlalchemy import select

from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.models import Contact, FollowUp
from tests.e2e.clock import SteppedClock, running_with_clock
from tests.integration.helpers import (
    authenticated,
    counts,
    fresh_mailboxes,
    note,
    register_owner,
    server_env,
    wait_for,
)

pytestmark = pytest.mark.servers

START = datetime(2026, 11, 23, 21, 0, tzinfo=UTC)  # Monday 15:00 in Chicago
NEXT_MORNING = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)  # Tuesday 09:05: drafts due at 09:00
PEOPLE = [("Jane Doe", "CTO at Acme Robotics"), ("Omar Haddad", "VP Sales at Brightwave"),
          ("Lena Fischer", "founder of Kiteworks"), ("Raj Patel", "CFO at Northwind"),
          ("Mia Chen", "designer at Looma"), ("Tom Baker", "head of data at Tidepool"),
          ("Ana Souza", "COO at Verde Labs")]


def _parse(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]


def _digests(mails: list[EmailMessage]) -> list[EmailMessage]:
    return [m for m in mails if "follow-ups ready" in str(m["Subject"])]


def _mail(dovecot, owner: str) -> list[EmailMessage]:  # noqa: ANN001
    return [_parse(raw) for raw in dovecot.messages(owner, "INBOX")]


def _answers(mails: list[EmailMessage]) -> list[str]:
    """The confirmations of bulk answers, in delivery order."""
    texts = [m.get_body(preferencelist=("plain",)).get_content() for m in mails
             if str(m["Subject"]).startswith("Re: ") and "follow-ups ready" in str(m["Subject"])]
    return [t for t in texts if "Sent from your address:" in t or "Nothing was sent." in t]


def _send(smtp_server, message: EmailMessage) -> None:  # noqa: ANN001
    with smtplib.SMTP(smtp_server.host, smtp_server.port) as client:
        client.send_message(message)


def _from_owner(owner: str, to: str, subject: str, body: str, digest: EmailMessage,
                ) -> EmailMessage:
    reply = EmailMessage()
    reply["Authentication-Results"] = authenticated(owner)
    reply["From"] = f"Sam Rivera <{owner}>"
    reply["To"] = to
    reply["Subject"] = subject
    reply["Message-ID"] = make_msgid(domain=owner.split("@")[1])
    reply["In-Reply-To"] = digest["Message-ID"]
    reply["References"] = digest["Message-ID"]
    reply.set_content(body)
    return reply


def _reply_to_digest(owner: str, digest: EmailMessage, text: str) -> EmailMessage:
    quoted = "\n".join("> " + line for line in
                       digest.get_body(preferencelist=("plain",)).get_content().splitlines())
    return _from_owner(owner, str(digest["Reply-To"]), "Re: " + str(digest["Subject"]),
                       f"{text}\n\nOn Tue, Nov 24, 2026, Assistant wrote:\n{quoted}\n", digest)


def _links(digest: EmailMessage) -> dict[int, dict[str, str]]:
    """Each draft's mailto: buttons, by draft number and label."""
    html = digest.get_body(preferencelist=("html",)).get_content()
    found: dict[int, dict[str, str]] = {}
    for number, block in re.findall(r'class="num"[^>]*>(\d+)</span>(.*?)</table>', html, re.S):
        found[int(number)] = {label: unescape(href) for href, label in
                              re.findall(r'href="(mailto:[^"]+)"[^>]*>([^<]+)</a>', block)}
    return found


def _composed(owner: str, link: str, digest: EmailMessage, edit: str = "") -> EmailMessage:
    """What a mail client writes for a mailto: link (RFC 6068), In-Reply-To the digest."""
    url = urlsplit(link)
    query = parse_qs(url.query)
    return _from_owner(owner, unquote(url.path), query["subject"][0],
                       query["body"][0] + edit, digest)


def _statuses(database_url: str) -> dict[str, tuple[str, str | None]]:
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as s:
            rows = s.execute(select(Contact.name, FollowUp.status, FollowUp.body)
                             .join(FollowUp, FollowUp.contact_id == Contact.id)).all()
            return {r.name: (r.status, r.body) for r in rows}
    finally:
        engine.dispose()


def test_seven_drafts_one_digest_bulk_send_and_buttons(dovecot, smtp_server, database_url,
                                                       tmp_path):  # noqa: ANN001
    # Given seven notes about seven people, forwarded on Monday afternoon
    boxes = fresh_mailboxes()
    tag = boxes.owner.split("-")[1].split("@")[0]
    address = {name: f"{name.split()[0].lower()}-{tag}@people.example" for name, _ in PEOPLE}
    register_owner(database_url, boxes.owner, now=START)
    env = server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path)
    env.update({"ASSISTANT_TICK_SECONDS": "0.2", "ASSISTANT_POLL_SECONDS": "1"})
    for name, who in PEOPLE:
        dovecot.append(boxes.assistant, "INBOX", note(
            boxes.owner, boxes.assistant, f"Met {name}",
            f"Met {name} <{address[name]}>, {who}, at the SaaS founders breakfast.\n"))
    clock = SteppedClock(START)
    with running_with_clock(env, clock):
        assert wait_for(lambda: counts(database_url).contacts == 7
                        and counts(database_url).pending == 0, timeout=40)
        # When the next morning comes (acknowledgements are paced and may be combined: they
        # are counted apart from the digest)
        clock.set(NEXT_MORNING)
        assert wait_for(lambda: _digests(_mail(dovecot, boxes.owner)), timeout=30)
        assert not wait_for(lambda: len(_digests(_mail(dovecot, boxes.owner))) > 1, timeout=3)
        # Then exactly one digest came, every draft numbered, and no request per draft
        mails = _mail(dovecot, boxes.owner)
        assert len(_digests(mails)) == 1
        assert not any(str(m["Subject"]).startswith("Follow-up to") for m in mails)
        digest = _digests(mails)[0]
        text = digest.get_body(preferencelist=("plain",)).get_content()
        order = [re.search(rf"^{n}\. (.+)$", text, re.M).group(1).strip()  # type: ignore[union-attr]
                 for n in range(1, 8)]
        assert sorted(order) == sorted(name for name, _ in PEOPLE)
        for person in PEOPLE:
            assert dovecot.messages(address[person[0]], "INBOX") == []

        # When the owner replies "send 1 3 5"
        _send(smtp_server, _reply_to_digest(boxes.owner, digest, "send 1 3 5"))
        # Then exactly those three get their follow-up, and a confirmation says so
        for n in (1, 3, 5):
            dovecot.wait_for_messages(address[order[n - 1]], "INBOX", 1, timeout=30)
        assert wait_for(lambda: len(_answers(_mail(dovecot, boxes.owner))) == 1, timeout=20)
        confirmed = _answers(_mail(dovecot, boxes.owner))[0]
        assert "Sent from your address:" in confirmed and order[0] in confirmed

        # And the same reply again sends nothing more
        _send(smtp_server, _reply_to_digest(boxes.owner, digest, "send 1 3 5"))
        assert wait_for(lambda: len(_answers(_mail(dovecot, boxes.owner))) == 2, timeout=20)
        assert "Nothing was sent." in _answers(_mail(dovecot, boxes.owner))[1]

        # When the owner taps buttons: Send on 2, Skip on 4, Snooze 3d on 6, Edit on 7
        links = _links(digest)
        assert set(links) == set(range(1, 8))
        assert set(links[2]) == {"Send", "Edit", "Snooze 3d", "Skip"}
        _send(smtp_server, _composed(boxes.owner, links[2]["Send"], digest))
        _send(smtp_server, _composed(boxes.owner, links[4]["Skip"], digest))
        _send(smtp_server, _composed(boxes.owner, links[6]["Snooze 3d"], digest))
        _send(smtp_server, _composed(boxes.owner, links[7]["Edit"], digest,
                                     edit="\nPS: the checklist is attached to my next email."))
        edited = dovecot.wait_for_messages(address[order[6]], "INBOX", 1, timeout=30)
        dovecot.wait_for_messages(address[order[1]], "INBOX", 1, timeout=30)
        assert wait_for(lambda: counts(database_url).pending == 0 and _statuses(
            database_url)[order[5]][0] == "scheduled", timeout=30)
    # Then each did what it says, and nothing was sent twice
    assert "PS: the checklist is attached" in _parse(edited[0]).get_content()
    statuses = _statuses(database_url)
    assert statuses[order[3]][0] == "skipped" and statuses[order[5]][0] == "scheduled"
    for n, person in enumerate(order, start=1):
        expected = 1 if n in (1, 2, 3, 5, 7) else 0
        assert len(dovecot.messages(address[person], "INBOX")) == expected, person
