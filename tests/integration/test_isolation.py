"""One owner never sees or acts on another owner's contacts, drafts or summaries: every
command and reply path, with two owners in one store and one mailbox."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from assistant.app import build_app
from assistant.settings import Settings
from assistant.store.db import transaction
from assistant.store.models import Contact, Owner
from assistant.summary.sample import seed_sample_history
from tests.integration.helpers import fresh_mailboxes, register_owner, server_env
from tests.integration.test_commands_e2e import deliver, message

NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
# What only the first owner's data holds (a "find" answer echoes the name asked for).
A_NAMES = ("Acme Robotics", "jane@acme.example", "ali@khan.example", "Cara Lind", "Dan Wu",
           "Bob Stone", "SRE contracting")


@pytest.fixture
def two_owners(dovecot, smtp_server, database_url, tmp_path):  # noqa: ANN001
    boxes = fresh_mailboxes()
    other = "bea-" + boxes.owner
    env = server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path)
    owner_a = register_owner(database_url, boxes.owner, now=NOW)
    register_owner(database_url, other, name="Bea Other", now=NOW)
    app = build_app(Settings.from_env(env), clock=lambda: NOW)
    with transaction(app.sessions) as session:
        seed_sample_history(session, owner_a, NOW)
    yield app, boxes, other
    app.close()


def _text(raw: bytes) -> str:
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    parts = [parsed.get_body(("plain",)).get_content()]  # type: ignore[union-attr]
    parts += [p.get_content() if isinstance(p.get_content(), str)
              else p.get_content().decode(errors="replace") for p in parsed.iter_attachments()]
    return "\n".join(parts)


@pytest.mark.parametrize("command", ["find Jane Doe", "find Jane", "pending", "export",
                                     "summary", "help"])
def test_another_owners_commands_never_show_the_first_owners_data(two_owners, dovecot,
                                                                  command):
    app, boxes, other = two_owners
    # When the second owner sends a command
    deliver(app, message(other, boxes.assistant, command))
    answer = dovecot.wait_for_messages(other, "INBOX", 1, timeout=20)[0]
    # Then nothing of the first owner's network is in the answer or its attachments
    text = _text(answer)
    assert not [name for name in A_NAMES if name in text], text


def test_undo_on_another_owners_acknowledgement_removes_nothing(two_owners, dovecot):
    app, boxes, other = two_owners
    # Given the first owner's note, acknowledged
    deliver(app, message(boxes.owner, boxes.assistant, "Coffee",
                         "Met Zoe Park (zoe@park.example) at the robotics meetup."))
    ack = email.message_from_bytes(dovecot.wait_for_messages(boxes.owner, "INBOX", 1)[0],
                                   policy=email.policy.default)
    with transaction(app.sessions) as session:
        before = session.scalar(select(func.count()).select_from(Contact))
    # When the second owner answers that acknowledgement with "undo"
    deliver(app, message(other, boxes.assistant, f"Re: {ack['Subject']}", "undo",
                         in_reply_to=str(ack["Message-ID"])))
    # Then the first owner's contacts are all still there
    with transaction(app.sessions) as session:
        after = session.scalar(select(func.count()).select_from(Contact))
        zoe = session.scalar(select(func.count()).select_from(Contact)
                             .where(Contact.name == "Zoe Park"))
    assert (after, zoe) == (before, 1)


def test_pause_by_one_owner_pauses_only_that_owner(two_owners, dovecot):
    app, boxes, other = two_owners
    deliver(app, message(other, boxes.assistant, "pause"))
    dovecot.wait_for_messages(other, "INBOX", 1, timeout=20)
    with transaction(app.sessions) as session:
        paused = dict(session.execute(select(Owner.name, Owner.paused)).all())
    assert paused == {"Sam Rivera": False, "Bea Other": True}
