"""Store rules on a real SQLite file: merging contacts, limits on what the assistant sends,
the resource library from the command line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from assistant.app import build_app
from assistant.cli import main
from assistant.domain import OwnerProfile, ParsedContact
from assistant.errors import DeliveryError
from assistant.mail.compose import address, build_email
from assistant.pipeline.notify import queue_to_owner
from assistant.pipeline.send import send_outbox
from assistant.settings import Settings
from assistant.store import contacts, outbox, owners
from assistant.store.db import transaction, upgrade
from assistant.store.models import Contact, ContactFact

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


@pytest.fixture
def app(tmp_path):
    env = {"ASSISTANT_VAR_DIR": str(tmp_path), "ASSISTANT_SENDS_PER_OWNER_PER_HOUR": "1",
           "ASSISTANT_REPLIES_PER_SENDER_PER_HOUR": "2", "ASSISTANT_ADDRESS": "a@x.net"}
    settings = Settings.from_env(env)
    upgrade(settings.database_url)
    clock = [NOW]
    built = build_app(settings, clock=lambda: clock[0])
    built.moved = clock  # type: ignore[attr-defined]  # the test moves time with moved[0]
    yield built
    built.close()


def _owner(app, address: str = "sam@example.com") -> OwnerProfile:
    with transaction(app.sessions) as session:
        return owners.add_owner(session, name="Sam Rivera", addresses=[address],
                                timezone="America/Chicago", region="US", now=app.clock())


def _merge(app, owner_id: int, contact: ParsedContact, inbound_id: int | None = None):
    with transaction(app.sessions) as session:
        return contacts.merge_contact(session, owner_id=owner_id, inbound_id=inbound_id,
                                      parsed=contact, now=NOW)


def test_same_email_is_the_same_contact_and_blank_fields_are_filled(app):
    owner = _owner(app)
    first = _merge(app, owner.id, ParsedContact("Jane Doe", ("jane@acme.example",),
                                                needs=("an SRE",)))
    second = _merge(app, owner.id, ParsedContact("Jane D.", ("JANE@acme.example",),
                                                 company="Acme Robotics", needs=("a designer",)))
    assert second.id == first.id and not second.created
    assert (second.name, second.company) == ("Jane Doe", "Acme Robotics")
    with transaction(app.sessions) as session:
        needs = session.scalars(select(ContactFact.value).where(
            ContactFact.contact_id == first.id, ContactFact.field == "needs")).all()
    assert sorted(needs) == ["a designer", "an SRE"]  # provenance: nothing erased


def test_same_name_and_company_merge_but_owners_never_share(app):
    sam, ana = _owner(app), _owner(app, "ana@example.com")
    a = _merge(app, sam.id, ParsedContact("José Díaz", company="Corvid"))
    b = _merge(app, sam.id, ParsedContact("Jose Diaz", ("jose@corvid.example",),
                                          company="corvid"))
    c = _merge(app, ana.id, ParsedContact("José Díaz", ("jose@corvid.example",),
                                          company="Corvid"))
    d = _merge(app, sam.id, ParsedContact("José Díaz", company="Other Co"))
    assert a.id == b.id
    assert c.id != a.id and c.created
    assert d.id != a.id
    with transaction(app.sessions) as session:
        assert len(session.scalars(select(Contact)).all()) == 3


def _notices(app, owner: OwnerProfile, purpose: str, count: int) -> list[int]:
    with transaction(app.sessions) as session:
        return [queue_to_owner(app, session, key=f"{purpose}{i}", purpose=purpose, owner=owner,
                               raw=b"", template="failed", now=app.clock(),
                               context={"subject": "s", "reason": "r", "received": "now",
                                        "folder": "F"}) for i in range(count)]


def _status(app, outbox_id: int) -> str:
    with transaction(app.sessions) as session:
        return outbox.load(session, outbox_id).status


def test_mail_to_an_owner_over_the_hourly_budget_waits_and_is_never_dropped(app):
    # Given three acknowledgements for an owner whose hourly budget is two
    owner = _owner(app)
    ids = _notices(app, owner, "ack", 3)
    # When they are sent
    assert [send_outbox(app, i) for i in ids[:2]] == ["sent", "sent"]
    # Then the third is queued, not dropped, and waits for the next window
    with pytest.raises(DeliveryError, match="waits for the next window"):
        send_outbox(app, ids[2])
    assert _status(app, ids[2]) == "pending"
    # And an hour later it goes
    app.moved[0] = NOW + timedelta(hours=1, minutes=1)
    assert send_outbox(app, ids[2]) == "sent"


def test_acknowledgements_never_starve_approval_requests_or_command_answers(app):
    # Given an owner whose hourly budget is used up by acknowledgements
    owner = _owner(app)
    for outbox_id in _notices(app, owner, "ack", 2):
        send_outbox(app, outbox_id)
    # When an approval request and a command answer come in the same hour
    approval, command = _notices(app, owner, "approval", 1) + _notices(app, owner, "command", 1)
    # Then both go at once: they have a budget of their own
    assert send_outbox(app, approval) == "sent"
    assert send_outbox(app, command) == "sent"


def test_follow_ups_per_owner_per_hour_are_limited(app, tmp_path):
    owner = _owner(app)
    with transaction(app.sessions) as session:
        rows = [outbox.add(session, key=f"followup:{i}", owner_id=owner.id, purpose="followup",
                           message=build_email(sender=address("Sam", "sam@example.com"),
                                               to=[address("J", f"j{i}@a.example")],
                                               subject="Hi", text="Hi", now=NOW,
                                               automated=False),
                           envelope_from="a@x.net", recipients=[f"j{i}@a.example"],
                           now=app.clock())
                for i in range(2)]
    assert send_outbox(app, rows[0]) == "sent"
    with pytest.raises(DeliveryError, match="limit of 1 follow-ups per hour"):
        send_outbox(app, rows[1])
    assert (tmp_path / "outbox" / "j0@a.example").exists()
    assert not (tmp_path / "outbox" / "j1@a.example").exists()
    # And the second goes once the hour has passed
    app.moved[0] = NOW + timedelta(hours=1, minutes=1)
    assert send_outbox(app, rows[1]) == "sent"


def test_resource_library_from_the_command_line(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_VAR_DIR", str(tmp_path))
    runner = CliRunner()
    assert runner.invoke(main, ["owner", "add", "Sam <sam@example.com>"]).exit_code == 0
    added = runner.invoke(main, ["resource", "add", "--owner", "sam@example.com", "Checklist",
                                 "https://example.com/c", "--tag", "#sre"])
    assert added.exit_code == 0 and "added" in added.output
    bad = runner.invoke(main, ["resource", "add", "--owner", "sam@example.com", "X", "ftp://x"])
    assert bad.exit_code != 0 and "not a web link" in bad.output
    listed = runner.invoke(main, ["resource", "list", "--owner", "sam@example.com", "--json"])
    assert '"tags": [\n      "sre"\n    ]' in listed.output
