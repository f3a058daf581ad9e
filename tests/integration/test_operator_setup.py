"""The guide's setup, step by step, in a fresh directory against the test Dovecot and SMTP:
init, load .env, doctor, run; a forwarded note gets its acknowledgement."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from sqlalchemy import select

from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.models import InboundMessage
from tests.integration.helpers import ROOT, ca_bundle, fresh_mailboxes, note, wait_for

ASSISTANT = ROOT / ".venv" / "bin" / "assistant"


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env["PATH"] = f"{ASSISTANT.parent}:{env.get('PATH', '')}"
    return env


def _statuses(database_url: str) -> list[str]:
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as session:
            return list(session.scalars(select(InboundMessage.status)))
    finally:
        engine.dispose()


def _loaded(command: str) -> list[str]:
    """`set -a; . ./.env; set +a` then the command, as the guide says."""
    return ["sh", "-c", f"set -a; . ./.env; set +a; exec {command}"]


def test_guide_setup_in_a_fresh_directory(dovecot, smtp_server, tmp_path: Path) -> None:  # noqa: ANN001
    boxes = fresh_mailboxes()
    env = _clean_env()
    # Given the answers to init for the test servers
    init = subprocess.run(
        [str(ASSISTANT), "init", "--non-interactive",
         "--address", boxes.assistant, "--inbox-url", dovecot.imap_url(boxes.assistant),
         "--inbox-password", dovecot.password, "--smtp-url", smtp_server.url("starttls"),
         "--smtp-password", smtp_server.password,
         "--tls-ca-file", str(ca_bundle(tmp_path, dovecot.cafile, smtp_server.cafile)),
         "--owner", f"Sam Rivera <{boxes.owner}>", "--timezone", "America/Chicago",
         "--region", "US", "--trusted-authserv-ids", "mx.harness.test"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    # Then init wrote .env and registered the owner
    assert init.returncode == 0, init.stderr + init.stdout
    assert "owner 1 registered: Sam Rivera" in init.stdout
    # When doctor runs with the .env loaded
    doctor = subprocess.run(_loaded("assistant doctor --fix --timeout 5"), cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=120)
    # Then every check passes
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "all checks passed" in doctor.stdout
    # When `assistant run` runs and the owner forwards a note
    process = subprocess.Popen(_loaded("assistant run"), cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        # (delivered by a server that vouches for the sender, as the owner's provider would)
        proof = b"Authentication-Results: mx.harness.test; dmarc=pass header.from=example.com\r\n"
        dovecot.append(boxes.assistant, "INBOX", proof + note(
            boxes.owner, boxes.assistant, "Jane from Acme",
            "Met Jane Doe (jane.doe@acmerobotics.com), CTO at Acme Robotics, at the SaaS "
            "breakfast. She needs an SRE contractor."))
        # Then the owner receives an acknowledgement and the note was processed, not
        # quarantined
        replies = dovecot.wait_for_messages(boxes.owner, "INBOX", 1, timeout=60)
        assert b"Jane" in replies[0]
        database_url = f"sqlite:///{tmp_path / 'var' / 'assistant.db'}"
        assert wait_for(lambda: _statuses(database_url) == ["processed"], timeout=30), \
            _statuses(database_url)
    finally:
        process.send_signal(signal.SIGTERM)
        output = process.communicate(timeout=60)[0].decode(errors="replace")
    assert process.returncode == 0, output
