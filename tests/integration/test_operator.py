"""`assistant status` and `assistant contacts import/export` on a real database (and Redis)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import dramatiq
from click.testing import CliRunner
from dramatiq.brokers.redis import RedisBroker

from assistant.cli import main
from assistant.clock import system_clock
from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.models import Contact, FollowUp, InboundMessage, OutboxMessage
from tests.integration.helpers import register_owner

SAMPLES = Path(__file__).resolve().parents[1] / "unit" / "operator" / "samples"
NOW = datetime.now(UTC)


def _env(database_url: str, tmp_path: Path, redis_url: str | None = None) -> dict[str, str]:
    env = {"ASSISTANT_DATABASE_URL": database_url, "ASSISTANT_VAR_DIR": str(tmp_path / "var"),
           "ASSISTANT_SECRET_KEY": "k", "ASSISTANT_REDIS_URL": redis_url or ""}
    return env


def _inbound(n: int, status: str, error: str | None = None) -> InboundMessage:
    return InboundMessage(mailbox="imap://a@h:/INBOX", source_ref=f"1/{n}", uid=n,
                          sha256=f"{n:064d}", size=1, raw=b"x", status=status, error=error,
                          received_at=NOW - timedelta(minutes=10 - n), kind="note",
                          processed_at=NOW - timedelta(minutes=9 - n))


def _seed(database_url: str) -> int:
    owner_id = register_owner(database_url, "sam@example.com", name="Sam Rivera", now=NOW)
    with transaction(session_factory(engine := make_engine(database_url))) as s:
        s.add_all([_inbound(1, "processed"), _inbound(2, "failed", "no person found\nmore"),
                   _inbound(3, "quarantined", "too large"), _inbound(4, "pending")])
        s.add(OutboxMessage(idempotency_key="ack:1", purpose="ack", message_id="<m@x>",
                            envelope_from="a@x", recipients="sam@example.com", raw=b"x",
                            status="failed", last_error="550 mailbox unavailable",
                            created_at=NOW))
        contact = Contact(owner_id=owner_id, name="Jane", created_at=NOW, updated_at=NOW)
        s.add(contact)
        s.flush()
        s.add(FollowUp(owner_id=owner_id, contact_id=contact.id, status="awaiting_approval",
                       due_at=NOW, created_at=NOW))
    engine.dispose()
    return owner_id


def test_status_with_redis_queues(tmp_path: Path, redis_url: str) -> None:
    # Given a database with work in every state and two messages waiting in Redis
    database_url = f"sqlite:///{tmp_path / 'a.db'}"
    _seed(database_url)
    broker = RedisBroker(url=redis_url)
    for n in (1, 2):
        broker.enqueue(dramatiq.Message(queue_name="inbound", actor_name="process_inbound",
                                        args=(n,), kwargs={}, options={}))
    broker.close()
    # When `assistant status --json` runs
    result = CliRunner().invoke(main, ["status", "--json"], env=_env(database_url, tmp_path,
                                                                     redis_url))
    # Then queue depths, counts, drafts, failures and quarantine are all there
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    queues = {q["queue"]: q for q in data["queues"]}
    assert queues["inbound"]["ready"] == 2 and queues["outbox"]["ready"] == 0
    assert data["inbound"] == {"failed": 1, "pending": 1, "processed": 1, "quarantined": 1}
    assert data["outbox"] == {"failed": 1}
    assert data["drafts_waiting"] == {"Sam Rivera": 1}
    assert {(f["source"], f["error"]) for f in data["failures"]} == {
        ("inbound", "no person found"), ("outbox", "550 mailbox unavailable")}
    assert [q["error"] for q in data["quarantined"]] == ["too large"]
    assert data["last_received_at"].startswith(str(NOW.date()))


def test_status_text_in_process(tmp_path: Path) -> None:
    # Given no Redis configured
    database_url = f"sqlite:///{tmp_path / 'a.db'}"
    _seed(database_url)
    # When `assistant status` runs
    result = CliRunner().invoke(main, ["status"], env=_env(database_url, tmp_path))
    # Then queues are n/a and each section has its line
    assert result.exit_code == 0, result.output
    assert "n/a (in-process broker" in result.output
    assert "Drafts awaiting approval: Sam Rivera 1" in result.output
    assert "Quarantined (1):" in result.output
    assert "inbound #2 message (note)" in result.output


def test_status_on_an_empty_database_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["status"], env=_env(f"sqlite:///{tmp_path / 'n.db'}",
                                                           tmp_path))
    assert result.exit_code == 1
    assert "assistant db upgrade" in result.output


def _import(env: dict[str, str], path: Path) -> str:
    result = CliRunner().invoke(main, ["contacts", "import", str(path), "--owner",
                                       "sam@example.com"], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_import_dedupes_and_summarises(tmp_path: Path, database_url: str) -> None:
    # Given an owner and Google's export imported once
    register_owner(database_url, "sam@example.com", now=system_clock())
    env = _env(database_url, tmp_path)
    first = _import(env, SAMPLES / "google_contacts.csv")
    # When the same file is imported again, and a vCard naming one of them by email
    second = _import(env, SAMPLES / "google_contacts.csv")
    card = tmp_path / "jane.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\n"
                    "EMAIL:JANE.DOE@acmerobotics.com\r\nTEL:+1 415 555 0100\r\nEND:VCARD\r\n")
    third = _import(env, card)
    # Then the first creates, the second only updates, the third merges by email
    assert "google: 2 created, 0 updated, 1 skipped" in first
    assert "skipped 1: no name and no valid email" in first
    assert "google: 0 created, 2 updated, 1 skipped" in second
    assert "vcard: 0 created, 1 updated, 0 skipped" in third
    engine = make_engine(database_url)
    with transaction(session_factory(engine)) as s:
        jane = s.query(Contact).filter_by(name="Jane Doe").one()
        assert sorted(p.phone for p in jane.phones) == ["+14155550100", "+14155550142"]
        assert s.query(Contact).count() == 2
    engine.dispose()


def _export_to_fresh_database(source: str, fmt: str, tmp_path: Path) -> tuple[Path, str]:
    """Sam's contacts exported from ``source`` as ``fmt`` and imported into a new database:
    the file written and the new database's URL."""
    out = tmp_path / f"export.{fmt}"
    exported = CliRunner().invoke(main, ["contacts", "export", "--owner", "sam@example.com",
                                         "--format", fmt, "--output", str(out)],
                                  env=_env(source, tmp_path))
    assert exported.exit_code == 0, exported.output
    target = f"sqlite:///{tmp_path / f'{fmt}.db'}"
    register_owner(target, "sam@example.com", now=system_clock())
    _import(_env(target, tmp_path), out)
    return out, target


def test_export_then_import_gives_the_same_contacts(tmp_path: Path) -> None:
    # Given contacts imported from Outlook, LinkedIn and vCard files
    source = f"sqlite:///{tmp_path / 'a.db'}"
    register_owner(source, "sam@example.com", now=system_clock())
    for name in ("outlook_contacts.csv", "linkedin_connections.csv", "contacts.vcf"):
        _import(_env(source, tmp_path), SAMPLES / name)
    for fmt in ("vcard", "csv"):
        # When they are exported and imported for the same owner in a fresh database
        out, target = _export_to_fresh_database(source, fmt, tmp_path)
        # Then the second database exports exactly what the first did
        again = CliRunner().invoke(main, ["contacts", "export", "--owner", "sam@example.com",
                                          "--format", fmt], env=_env(target, tmp_path))
        assert again.output == out.read_text(), fmt
        assert out.read_text().count("Siemens AG") == 1


def test_a_contact_not_met_yet_is_exported_and_imported_as_not_met(tmp_path: Path) -> None:
    # Given an owner with one contact met and one only introduced ("not met yet")
    source = f"sqlite:///{tmp_path / 'a.db'}"
    owner_id = register_owner(source, "sam@example.com", now=NOW)
    with transaction(session_factory(engine := make_engine(source))) as s:
        s.add_all([Contact(owner_id=owner_id, name="Jane Doe", created_at=NOW, updated_at=NOW),
                   Contact(owner_id=owner_id, name="Ana Lopez", met=False, created_at=NOW,
                           updated_at=NOW)])
    engine.dispose()
    for fmt in ("vcard", "csv"):
        # When they are exported and imported into a fresh database
        _out, target = _export_to_fresh_database(source, fmt, tmp_path)
        # Then Ana is still not met there (her first draft will not say they met), Jane is met
        with transaction(session_factory(engine := make_engine(target))) as s:
            met = dict(s.query(Contact.name, Contact.met).all())
        engine.dispose()
        assert met == {"Jane Doe": True, "Ana Lopez": False}, fmt


def test_unknown_owner(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'a.db'}"
    register_owner(database_url, "sam@example.com", now=system_clock())
    result = CliRunner().invoke(main, ["contacts", "export", "--owner", "nobody@example.com"],
                                env=_env(database_url, tmp_path))
    assert result.exit_code == 2
    assert "no owner registered with 'nobody@example.com'" in result.output


def test_status_with_redis_down_still_reports_the_database(tmp_path: Path) -> None:
    # Given a Redis URL where nothing listens
    database_url = f"sqlite:///{tmp_path / 'a.db'}"
    _seed(database_url)
    env = _env(database_url, tmp_path, "redis://127.0.0.1:1/0")
    # When status runs
    result = CliRunner().invoke(main, ["status"], env=env)
    # Then the queue line says Redis is unreachable and the rest is shown
    assert result.exit_code == 0, result.output
    assert "Redis unreachable" in result.output
    assert "Drafts awaiting approval: Sam Rivera 1" in result.output
