"""parse_message gives the same reading whatever Python's hash seed (PYTHONHASHSEED).

Each run is a fresh interpreter with its own seed: within one process the order of a set of
strings is fixed, so only separate processes show an order that leaks from a set.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ("0", "5", "77", "1234")
# Two people share a first name, and each is then named by first name alone.
SHARED_FIRST_NAMES = (
    b"From: Sam Rivera <sam@example.com>\n"
    b"To: assistant@example.net\n"
    b"Subject: 2 people from the SaaS founders breakfast\n"
    b"Date: Mon, 23 Nov 2026 09:44:13 +0000\n"
    b"Message-ID: <shared-first-names@example.com>\n"
    b"Content-Type: text/plain; charset=\"utf-8\"\n"
    b"MIME-Version: 1.0\n"
    b"\n"
    b"People from the SaaS founders breakfast:\n"
    b"- Peter Haddad, peter.haddad@bluefin.ai, VP Engineering at Bluefin Analytics. "
    b"Peter is hiring a frontend lead.\n"
    b"- Peter Chen, peter.chen@bluefin.ai, Director of Sales at Bluefin Analytics. "
    b"Peter is looking for banks to pilot with.\n"
    b"- Nadia Garcia, nadia.garcia@tessellate.dev, Founder & CEO at Tessellate. "
    b"Nadia wants an intro to a seed investor.\n"
    b"- Nadia Patel, nadia.patel@ledgerly.com, Head of Design at Ledgerly. "
    b"Nadia needs a partner for their Azure migration.\n"
)
PARSE = """
import json, sys
from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message
owner = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))
parsed = parse_message(sys.stdin.buffer.read(), owner)
print(json.dumps(parsed.to_json(), sort_keys=True, ensure_ascii=False))
"""


def parse_with_seed(raw: bytes, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", PARSE], input=raw, env=env, cwd=ROOT,
                          capture_output=True, check=True, timeout=120)
    return done.stdout.decode("utf-8")


@pytest.mark.dateless
def test_same_reading_under_every_hash_seed() -> None:
    # Given a note where two people share a first name
    # When it is parsed in interpreters with different hash seeds
    readings = {seed: parse_with_seed(SHARED_FIRST_NAMES, seed) for seed in SEEDS}
    # Then every seed reads it the same way
    assert len(set(readings.values())) == 1, readings
