"""The harness itself, against the real servers: if these fail, no integration test can pass."""

from __future__ import annotations

import smtplib
import ssl
import uuid
from email.message import EmailMessage
from email.policy import SMTP

import psycopg
import pytest
import redis
import sqlalchemy
from imapclient import IMAPClient

from tests.harness import Dovecot, Postgres, RedisServer, SmtpServer

pytestmark = pytest.mark.servers


def _address(name: str) -> str:
    # Mailboxes outlive a test in the session's Dovecot: unique addresses keep tests apart.
    return f"{name}-{uuid.uuid4().hex[:8]}@example.test"


def _note(sender: str, recipient: str, subject: str = "Met Jane at the breakfast") -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = subject
    message["Message-ID"] = f"<{uuid.uuid4().hex}@example.test>"
    message.set_content("Jane Doe, CTO at Acme Robotics. Send her the checklist.")
    return message.as_bytes(policy=SMTP)


# -- Dovecot ---------------------------------------------------------------------------------


def test_append_then_read_back(dovecot: Dovecot) -> None:
    # Given an empty mailbox
    user = _address("owner")
    raw = _note("sam@example.test", user)
    # When a message is appended
    uid = dovecot.append(user, "INBOX", raw)
    # Then it reads back byte for byte, under the UID the server gave
    assert uid >= 1
    assert dovecot.messages(user) == [raw]


def test_append_many_returns_increasing_uids(dovecot: Dovecot) -> None:
    # Given three notes for a fresh folder
    user = _address("bulk")
    raws = [_note("sam@example.test", user, f"note {n}") for n in range(3)]
    # When they are appended over one connection
    uids = dovecot.append_many(user, "Notes", raws)
    # Then UIDs increase and the folder holds them in order
    assert uids == sorted(uids) and len(set(uids)) == 3
    assert dovecot.wait_for_messages(user, "Notes", 3, timeout=2) == raws


def test_folders_use_slash_and_capabilities_are_advertised(dovecot: Dovecot) -> None:
    # Given a mailbox
    user = _address("assistant")
    # When nested folders are created
    dovecot.create_folder(user, "Assistant/Processed")
    dovecot.create_folder(user, "Assistant/Processed")  # idempotent
    # Then they are listed, and the server advertises what the inbox adapter relies on
    assert "Assistant/Processed" in dovecot.folders(user)
    with IMAPClient(dovecot.host, dovecot.imap_port, ssl=False) as client:
        assert b"STARTTLS" in client.capabilities()
        client.login(user, dovecot.password)
        assert {b"IDLE", b"MOVE", b"UIDPLUS"} <= set(client.capabilities())


def test_imaps_and_starttls_verify_against_cafile(dovecot: Dovecot) -> None:
    # Given a TLS context trusting only the harness certificate
    context = ssl.create_default_context(cafile=str(dovecot.cafile))
    user = _address("owner")
    dovecot.append(user, "INBOX", _note("a@example.test", user))
    # When connecting with implicit TLS and with STARTTLS
    with IMAPClient(dovecot.host, dovecot.imaps_port, ssl=True, ssl_context=context) as imaps:
        imaps.login(user, dovecot.password)
        implicit_count = imaps.select_folder("INBOX", readonly=True)[b"EXISTS"]
    with IMAPClient(dovecot.host, dovecot.imap_port, ssl=False) as plain:
        plain.starttls(context)
        plain.login(user, dovecot.password)
        starttls_count = plain.select_folder("INBOX", readonly=True)[b"EXISTS"]
    # Then both see the message
    assert implicit_count == starttls_count == 1


def test_imap_url_forms(dovecot: Dovecot) -> None:
    # Given / When / Then: the URL forms the inbox adapter takes
    assert dovecot.imap_url("a@b.test") == f"imap://a%40b.test@127.0.0.1:{dovecot.imap_port}/INBOX"
    assert dovecot.imap_url("a@b.test", "Assistant/Failed", tls="imaps") == (
        f"imaps://a%40b.test@127.0.0.1:{dovecot.imaps_port}/Assistant/Failed"
    )


def test_idle_reports_an_append_from_another_connection(dovecot: Dovecot) -> None:
    # Given a connection idling on INBOX (RFC 2177)
    user = _address("assistant")
    dovecot.create_folder(user, "INBOX")
    with IMAPClient(dovecot.host, dovecot.imap_port, ssl=False) as watcher:
        watcher.login(user, dovecot.password)
        watcher.select_folder("INBOX")
        watcher.idle()
        # When another connection appends a message
        dovecot.append(user, "INBOX", _note("sam@example.test", user))
        responses = watcher.idle_check(timeout=5)
        watcher.idle_done()
    # Then the idling connection hears EXISTS while it idles (pushed, not found by a poll)
    assert (1, b"EXISTS") in responses


def test_restart_keeps_mail_and_ports(dovecot: Dovecot) -> None:
    # Given a mailbox with one message
    user = _address("owner")
    raw = _note("a@example.test", user)
    dovecot.append(user, "INBOX", raw)
    port = dovecot.imap_port
    # When Dovecot restarts
    dovecot.restart()
    # Then the message is still there on the same port
    assert dovecot.imap_port == port
    assert dovecot.messages(user) == [raw]


# -- SMTP into Dovecot -------------------------------------------------------------------------


def test_one_cafile_trusts_imap_and_smtp(smtp_server: SmtpServer, dovecot: Dovecot) -> None:
    assert smtp_server.cafile == dovecot.cafile


def _tls(smtp_server: SmtpServer) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(smtp_server.cafile))


def test_plain_smtp_delivers_to_every_recipient(smtp_server: SmtpServer, dovecot: Dovecot) -> None:
    # Given two recipients
    jane, omar = _address("jane"), _address("omar")
    raw = _note("assistant@example.test", jane)
    # When a message is sent over plain SMTP without AUTH
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as client:
        refused = client.sendmail("assistant@example.test", [jane, omar], raw)
    # Then both Dovecot INBOXes hold it
    assert refused == {}
    for user in (jane, omar):
        (delivered,) = dovecot.wait_for_messages(user, "INBOX", 1, timeout=5)
        assert delivered.endswith(raw)


def test_starttls_with_auth_delivers_and_is_logged(
    smtp_server: SmtpServer, dovecot: Dovecot
) -> None:
    # Given a recipient and a STARTTLS connection authenticated as the assistant
    jane = _address("jane")
    message_id = f"<{uuid.uuid4().hex}@example.test>"
    raw = _note("assistant@example.test", jane).replace(b"Message-ID: <", b"X-Old: <", 1)
    raw = f"Message-ID: {message_id}\r\n".encode() + raw
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as client:
        client.starttls(context=_tls(smtp_server))
        client.login(smtp_server.username, smtp_server.password)
        # When the message is sent
        client.sendmail("assistant@example.test", [jane], raw)
    # Then it is delivered and the transaction log says who sent what, over TLS
    assert len(dovecot.wait_for_messages(jane, "INBOX", 1, timeout=5)) == 1
    entry = next(t for t in smtp_server.transactions() if t["message_id"] == message_id)
    assert entry["rcpt_tos"] == [jane]
    assert entry["status"] == 250
    assert entry["auth_user"] == smtp_server.username
    assert entry["tls"] is True


def test_smtps_requires_auth_then_delivers(smtp_server: SmtpServer, dovecot: Dovecot) -> None:
    # Given an implicit-TLS connection
    jane = _address("jane")
    raw = _note("assistant@example.test", jane)
    with smtplib.SMTP_SSL(
        smtp_server.host, smtp_server.smtps_port, context=_tls(smtp_server), timeout=10
    ) as client:
        # When sending without AUTH, then it is refused
        with pytest.raises(smtplib.SMTPSenderRefused) as refused:
            client.sendmail("assistant@example.test", [jane], raw)
        assert refused.value.smtp_code == 530
        # When sending after AUTH, then it is delivered
        client.login(smtp_server.username, smtp_server.password)
        client.sendmail("assistant@example.test", [jane], raw)
    assert len(dovecot.wait_for_messages(jane, "INBOX", 1, timeout=5)) == 1


def test_wrong_password_is_refused(smtp_server: SmtpServer) -> None:
    with smtplib.SMTP_SSL(
        smtp_server.host, smtp_server.smtps_port, context=_tls(smtp_server), timeout=10
    ) as client:
        with pytest.raises(smtplib.SMTPAuthenticationError):
            client.login(smtp_server.username, "wrong")


@pytest.mark.parametrize("code", [421, 451, 550])
def test_fail_next_answers_the_code_then_recovers(
    faults_reset: SmtpServer, dovecot: Dovecot, code: int
) -> None:
    # Given the next transaction is set to fail with code
    smtp_server = faults_reset
    jane = _address("jane")
    raw = _note("assistant@example.test", jane)
    smtp_server.fail_next(code)
    # When a message is sent, then the client sees exactly that code and nothing is delivered
    with pytest.raises(smtplib.SMTPResponseException) as failed:
        with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as client:
            client.sendmail("assistant@example.test", [jane], raw)
    assert failed.value.smtp_code == code
    assert smtp_server.transactions()[-1]["fault"] is True
    # When it is sent again, then it goes through
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as client:
        client.sendmail("assistant@example.test", [jane], raw)
    assert len(dovecot.wait_for_messages(jane, "INBOX", 1, timeout=5)) == 1


def test_fail_next_at_mail_from_counts_transactions(faults_reset: SmtpServer) -> None:
    # Given the next two transactions fail at MAIL FROM
    smtp_server = faults_reset
    smtp_server.fail_next(451, count=2, stage="mail")
    codes = []
    # When three messages are sent
    for _ in range(3):
        with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as client:
            try:
                client.sendmail("assistant@example.test", [_address("x")], b"Subject: x\r\n\r\n.")
                codes.append(250)
            except smtplib.SMTPSenderRefused as error:
                codes.append(error.smtp_code)
    # Then two were refused and the third went through
    assert codes == [451, 451, 250]


def test_fail_recipient_refuses_only_that_address(
    faults_reset: SmtpServer, dovecot: Dovecot
) -> None:
    # Given one recipient set to be refused with 550
    smtp_server = faults_reset
    bounced, fine = _address("gone"), _address("fine")
    smtp_server.fail_recipient(bounced, 550)
    # When a message goes to both
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as client:
        refused = client.sendmail("assistant@example.test", [bounced, fine], b"Subject: y\r\n\r\n.")
    # Then only that address is refused, and the other is delivered
    assert refused == {bounced: (550, b"5.1.1 Requested action not taken: mailbox unavailable")}
    assert len(dovecot.wait_for_messages(fine, "INBOX", 1, timeout=5)) == 1
    assert dovecot.messages(bounced) == []


# -- Redis and PostgreSQL ------------------------------------------------------------------------


def test_private_redis_set_get_and_restart(redis_server: RedisServer, redis_url: str) -> None:
    # Given the private Redis (never the shared 6379)
    assert redis_server.port != 6379
    assert redis_url == f"redis://127.0.0.1:{redis_server.port}/0"
    client = redis.Redis.from_url(redis_url)
    # When a key is set, then it reads back
    client.set("harness", "ok")
    assert client.get("harness") == b"ok"
    # When Redis restarts, then it answers on the same URL, empty (no persistence)
    redis_server.restart()
    assert redis.Redis.from_url(redis_url).get("harness") is None
    client.close()


def test_postgres_fresh_database_is_created_and_dropped(postgres_server: Postgres) -> None:
    # Given a fresh database
    with postgres_server.fresh_database() as url:
        name = url.rsplit("/", 1)[1]
        # When SQLAlchemy connects through the URL, then it is that empty database
        engine = sqlalchemy.create_engine(url)
        with engine.connect() as connection:
            assert connection.execute(sqlalchemy.text("select current_database()")).scalar() == name
            tables = "select count(*) from information_schema.tables where table_schema='public'"
            assert connection.execute(sqlalchemy.text(tables)).scalar() == 0
        # connection still pooled on purpose: the drop must not wait for it
    # Then it is gone afterwards
    with psycopg.connect(host="127.0.0.1", user="postgres", dbname="postgres") as admin:
        exists = admin.execute("select 1 from pg_database where datname = %s", (name,)).fetchone()
    engine.dispose()
    assert exists is None


def test_database_url_runs_on_both_backends(database_url: str) -> None:
    # Given either backend, when connecting, then a round trip works
    engine = sqlalchemy.create_engine(database_url)
    with engine.connect() as connection:
        assert connection.execute(sqlalchemy.text("select 1")).scalar() == 1
    engine.dispose()


def test_broker_url_is_none_or_the_private_redis(
    broker_kind: str, broker_url: str | None, request: pytest.FixtureRequest
) -> None:
    if broker_kind == "inprocess":
        assert broker_url is None
    else:
        assert broker_url == request.getfixturevalue("redis_server").url
