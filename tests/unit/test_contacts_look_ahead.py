"""Contacts looked up together at the start of a batch (``contacts.looking_ahead``) merge
exactly as when each is looked up on its own: the same contacts found or created, the same
rows written, whatever the batch wrote before each lookup."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from assistant.domain import ParsedContact
from assistant.settings import Settings
from assistant.store import contacts, deferred, owners
from assistant.store.db import make_engine, session_factory, transaction, upgrade

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
NAMES = ("Jane Doe", "jane  doe", "José Díaz", "Jose Diaz", "Raj Patel", "Lena Fischer", None)
EMAILS = ("jane@acme.example", "JANE@acme.example", "jd@other.example", "raj@corvid.example",
          "lena@kraft.example", "jose@diaz.example")
COMPANIES = ("Acme Robotics", "acme robotics", "Corvid Labs", None, None)


def _stored(tmp_path, name: str) -> tuple[object, list[int]]:
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path / name)})
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    sessions = session_factory(engine)
    with transaction(sessions) as session:
        ids = [owners.add_owner(session, name="Sam Rivera", addresses=[f"sam{n}@example.com"],
                                timezone="America/Chicago", region="US", now=NOW).id
               for n in (1, 2)]
        # contacts stored before the batch: by email, by name with and without a company
        for owner_id in ids:
            for parsed in (ParsedContact("Jane Doe", ("jane@acme.example",)),
                           ParsedContact("Raj Patel", (), company="Corvid Labs"),
                           ParsedContact("Lena Fischer", ("lena@kraft.example",),
                                         company="Kraftwerk Data"),
                           ParsedContact("José Díaz", ())):
                contacts.merge_contact(session, owner_id=owner_id, inbound_id=None,
                                       parsed=parsed, now=NOW)
    return sessions, ids


def _batch(rng: random.Random, owner_ids: list[int]) -> list[tuple[int, list[ParsedContact]]]:
    notes = []
    for _ in range(12):
        people = [ParsedContact(rng.choice(NAMES),
                                tuple(rng.sample(EMAILS, rng.choice((0, 0, 1, 2)))),
                                company=rng.choice(COMPANIES),
                                title=rng.choice(("CTO", None)),
                                phones=(rng.choice(("+1 415 555 0101", "+1 415 555 0102")),)
                                if rng.random() < 0.3 else ())
                  for _ in range(rng.choice((1, 1, 2)))]
        notes.append((rng.choice(owner_ids), [p for p in people if p.name or p.emails]))
    return notes


def _write(sessions, notes, ahead: bool) -> list[tuple[int, bool]]:
    found = []
    with transaction(sessions) as session, session.begin_nested(), deferred.deferring(session):
        looking = contacts.looking_ahead(session, notes) if ahead else _nothing()
        with looking:
            for owner_id, people in notes:
                for parsed in people:
                    stored = contacts.merge_contact(session, owner_id=owner_id,
                                                    inbound_id=None, parsed=parsed, now=NOW)
                    found.append((stored.id, stored.created))
    return found


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_exc: object) -> None:
        return None


def _rows(sessions) -> dict[str, list[tuple[object, ...]]]:
    queries = {
        "contacts": "SELECT id, owner_id, name, name_key, company, title FROM contacts",
        "emails": "SELECT id, owner_id, contact_id, email FROM contact_emails",
        "phones": "SELECT id, contact_id, phone FROM contact_phones",
        "facts": "SELECT id, contact_id, field, value FROM contact_facts",
    }
    with transaction(sessions) as session:
        return {name: [tuple(row) for row in session.execute(text(f"{query} ORDER BY id"))]
                for name, query in queries.items()}


@pytest.mark.parametrize("seed", range(8))
def test_looking_ahead_merges_as_each_lookup_on_its_own(tmp_path, seed):
    each, owner_ids = _stored(tmp_path, "each")
    together, same_ids = _stored(tmp_path, "together")
    assert owner_ids == same_ids
    notes = _batch(random.Random(seed), owner_ids)
    assert _write(together, notes, ahead=True) == _write(each, notes, ahead=False)
    assert _rows(together) == _rows(each)


def test_a_lookup_after_the_batch_wrote_the_same_person_reads_the_database(tmp_path):
    sessions, (owner_id, _) = _stored(tmp_path, "db")
    new = ParsedContact("Mei Chen", ("mei@helium.example",))
    notes = [(owner_id, [new]), (owner_id, [ParsedContact("Mei Chen", ())])]
    first, second = _write(sessions, notes, ahead=True)
    assert first[1] and second == (first[0], False)  # found though created after the read


@pytest.mark.parametrize("seed", range(8, 24))
def test_looking_ahead_merges_as_each_lookup_on_its_own_more_batches(tmp_path, seed):
    test_looking_ahead_merges_as_each_lookup_on_its_own(tmp_path, seed)


def _lookups(sessions) -> list[str]:
    """The candidate lookups (``_CANDIDATES``) the session's engine runs from now on."""
    from sqlalchemy import event

    seen: list[str] = []
    engine = sessions.kw["bind"]
    event.listen(engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_a: seen.append(statement)
                 if "AS by_email" in statement else None)
    return seen


def test_a_merge_keeps_what_was_read_ahead_and_brings_it_up_to_date(tmp_path):
    # A merge gives a stored contact a new email, a name and a company; the lookups after it
    # still come from the rows read ahead, and find (or not) what the database would.
    notes_of = [
        # "Jane Doe" (stored by email) gets a second email and a company
        [ParsedContact("Jane Doe", ("jane@acme.example", "jd@other.example"),
                       company="Acme Robotics")],
        # found by the email the merge added
        [ParsedContact(None, ("jd@other.example",), title="CTO")],
        # "José Díaz" (stored by name, no email) gets an email
        [ParsedContact("Jose Diaz", ("jose@diaz.example",))],
        # another "Jane Doe" with another email and another company: a new person
        [ParsedContact("Jane Doe", ("jane@elsewhere.example",), company="Corvid Labs")],
        # "José Díaz" by name with a new email: he has one now, so not the same person
        [ParsedContact("José Díaz", ("jdiaz@other.example",))],
        # "Raj Patel" by name, and a phone
        [ParsedContact("Raj Patel", (), phones=("+1 415 555 0101",))],
    ]
    each, owner_ids = _stored(tmp_path, "each")
    together, _ = _stored(tmp_path, "together")
    notes = [(owner_ids[0], people) for people in notes_of]
    lookups = _lookups(together)
    assert _write(together, notes, ahead=True) == _write(each, notes, ahead=False)
    assert _rows(together) == _rows(each)
    assert lookups == []  # every lookup came from the rows read ahead
