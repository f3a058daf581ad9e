"""The worker is killed (SIGKILL) between each step of ingestion; a restart finishes the work
with no loss and no duplicates: one contact, one acknowledgement, the note moved once."""

from __future__ import annotations

import signal

import pytest

from assistant.clock import system_clock
from tests.integration.helpers import (
    contact_names,
    counts,
    fresh_mailboxes,
    note,
    register_owner,
    run_process,
    server_env,
    wait_for,
)

NOTES = [
    ("Jane", "Met Jane Doe <jane.doe@acmerobotics.com>, CTO at Acme Robotics.\n"),
    ("Raj", "Met Raj Patel <raj@corvidlabs.io>, VP Marketing at Corvid Labs.\n"),
]


@pytest.mark.parametrize("point", ["after_fetch", "after_store", "after_job", "before_move"])
def test_kill_between_steps_loses_and_duplicates_nothing(point, dovecot, smtp_server,
                                                         database_url, tmp_path):
    # Given two notes in the mailbox and a worker that will be killed at `point`
    boxes = fresh_mailboxes()
    register_owner(database_url, boxes.owner, now=system_clock())
    for subject, body in NOTES:
        dovecot.append(boxes.assistant, "INBOX", note(boxes.owner, boxes.assistant, subject, body))
    env = server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path)
    env["ASSISTANT_ACK_BURST_SECONDS"] = "0"  # each note acknowledged on its own, at once
    # An acknowledgement the killed worker had claimed is sent again once its claim lapses
    # (at the start if it already has, else at the next recovery sweep, SWEEP_EVERY = 30 s after
    # the restart), not after the default 5 minutes.
    env["ASSISTANT_SEND_LEASE_SECONDS"] = "3"

    # When it runs and dies there
    crashed = run_process({**env, "ASSISTANT_FAULT_POINTS": point})
    assert crashed.wait(timeout=60) == -signal.SIGKILL, crashed.stdout.read().decode()

    # And is started again without the fault
    restarted = run_process(env)
    try:
        acks = dovecot.wait_for_messages(boxes.owner, "INBOX", 2, timeout=60)
        assert wait_for(lambda: counts(database_url).unmoved == 0, timeout=20)
        assert wait_for(lambda: counts(database_url).unsent == 0, timeout=45)
    finally:
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(timeout=30)

    # Then each note was processed exactly once
    state = counts(database_url)
    assert (state.inbound, state.pending, state.contacts, state.outbox) == (2, 0, 2, 2)
    assert contact_names(database_url) == ["Jane Doe", "Raj Patel"]
    assert len(acks) == 2
    # Acknowledgements are at least once: a worker killed after the relay took one and before
    # its send was recorded (a window of milliseconds, which `before_move` can hit while the
    # send jobs run) leaves it to be sent again once its claim lapses. Never more than that.
    assert len(dovecot.messages(boxes.owner, "INBOX")) in (2, 3)
    assert dovecot.messages(boxes.assistant, "INBOX") == []
    assert len(dovecot.messages(boxes.assistant, "Assistant/Processed")) == 2
