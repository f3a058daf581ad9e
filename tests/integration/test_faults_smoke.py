"""A few fault-injection trials inside pytest, on private servers started for the test: the
assistant is killed (SIGKILL) during ingestion, drafting and sending, with SMTP 550, Redis
restarted, PostgreSQL connections dropped and Dovecot restarted during IDLE, and a restart
ends with nothing lost, duplicated or sent without approval."""

from __future__ import annotations

import os

import pytest

from benchmarks.faults_run import COUNTS, run_trials, summarize
from tests.harness import ServerUnavailable

pytestmark = pytest.mark.servers

OUTAGES = ("smtp550", "redis_restart", "pg_drop", "dovecot_idle", "smtp421")


def test_few_trials_lose_and_duplicate_nothing(tmp_path):
    # Given private Dovecot, SMTP, Redis and PostgreSQL, and five trials with one outage each
    try:
        # When each trial seeds work, kills the assistant, breaks a server and restarts it
        results, seconds = run_trials(tmp_path, count=5, seed=11, outages=OUTAGES, every=1)
    except ServerUnavailable as exc:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"a server is unavailable: {exc}")
    report = summarize(results, 11, seconds)

    # Then every trial ran, and none lost, duplicated or sent anything unapproved
    assert report["trials"] == 5
    assert {r.spec.outage for r in results} >= {"smtp550", "redis_restart", "dovecot_idle"}
    assert all(r.killed_by for r in results)
    problems = {name: report[name] for name in COUNTS}
    assert problems == dict.fromkeys(COUNTS, 0), report["problems"]


def test_a_550_answer_leaves_the_email_failed_for_good(smtp_server, dovecot, faults_reset,
                                                       tmp_path):
    # Given an acknowledgement waiting in the outbox and an SMTP server that answers 550
    from assistant.app import build_app
    from assistant.pipeline.send import send_outbox
    from assistant.settings import Settings
    from assistant.store import outbox
    from assistant.store.db import transaction, upgrade
    from tests.integration.helpers import fresh_mailboxes, server_env

    boxes = fresh_mailboxes()
    database_url = f"sqlite:///{tmp_path / 'assistant.db'}"
    upgrade(database_url)
    app = build_app(Settings.from_env(server_env(dovecot, smtp_server, boxes, database_url,
                                                 None, tmp_path)))
    message = _plain_email(boxes.assistant, boxes.owner)
    with transaction(app.sessions) as session:
        outbox_id = outbox.add(session, key="ack:1", owner_id=None, purpose="ack",
                               message=message, envelope_from=boxes.assistant,
                               recipients=[boxes.owner], now=app.clock())
    smtp_server.fail_next(550)

    # When it is sent
    try:
        result = send_outbox(app, outbox_id)
        with transaction(app.sessions) as session:
            status = outbox.load(session, outbox_id).status
    finally:
        app.close()

    # Then it is failed for good (RFC 5321 4.2.1: 5yz is permanent), not queued again
    assert (result, status) == ("failed", "failed")


def _plain_email(sender: str, to: str):  # type: ignore[no-untyped-def]
    from email.message import EmailMessage
    from email.utils import make_msgid

    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, "Re: notes"
    message["Message-ID"] = make_msgid(domain="example.net")
    message.set_content("Noted.\n")
    return message
