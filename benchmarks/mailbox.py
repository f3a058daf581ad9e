"""IMAP work done by the benchmark itself: loading notes, the baseline fetch, watching for acks.

Plain IMAP on loopback with imapclient, as the owner's mail client or the sender's server
would do it. Notes are loaded into a staging folder with one MULTIAPPEND (RFC 3502) and then
arrive in the watched INBOX all at once with one UID MOVE (RFC 6851), so the clock of the
ingestion phase starts at a single instant instead of trickling in with the APPENDs.
"""

from __future__ import annotations

import email
import email.policy
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from imapclient import IMAPClient

from tests.harness import Dovecot

STAGING = "Staging"
APPEND_CHUNK = 500  # messages per MULTIAPPEND command: a few hundred KB each


@contextmanager
def connected(dovecot: Dovecot, user: str) -> Iterator[IMAPClient]:
    client = IMAPClient(dovecot.host, dovecot.imap_port, ssl=False, timeout=60)
    client.login(user, dovecot.password)
    try:
        yield client
    finally:
        client.logout()


def load_staging(dovecot: Dovecot, user: str, notes: list[bytes]) -> float:
    """MULTIAPPEND the notes to the user's staging folder; return the seconds it took."""
    started = time.perf_counter()
    with connected(dovecot, user) as client:
        if not client.folder_exists(STAGING):
            client.create_folder(STAGING)
        for start in range(0, len(notes), APPEND_CHUNK):
            client.multiappend(STAGING, notes[start:start + APPEND_CHUNK])
    return time.perf_counter() - started


def release_staging(dovecot: Dovecot, user: str, folder: str = "INBOX") -> float:
    """Move everything in staging into folder with one UID MOVE; return time.time() before it."""
    with connected(dovecot, user) as client:
        client.select_folder(STAGING)
        uids = client.search("ALL")
        moment = time.time()
        client.move(uids, folder)
    return moment


@dataclass(frozen=True)
class Baseline:
    messages: int
    fetch_s: float
    parse_s: float

    @property
    def msgs_per_s(self) -> float:
        return self.messages / (self.fetch_s + self.parse_s)


def baseline(dovecot: Dovecot, user: str, folder: str = STAGING) -> Baseline:
    """One bulk ``UID FETCH 1:* BODY.PEEK[]`` of the folder plus a full parse of each message."""
    with connected(dovecot, user) as client:
        client.select_folder(folder, readonly=True)
        uids = client.search("ALL")
        started = time.perf_counter()
        fetched = client.fetch(uids, [b"BODY.PEEK[]"])
        fetched_at = time.perf_counter()
        for uid in uids:
            email.message_from_bytes(fetched[uid][b"BODY[]"], policy=email.policy.default)
        parsed_at = time.perf_counter()
    return Baseline(len(uids), fetched_at - started, parsed_at - fetched_at)


class MailboxPoller:
    """Counts messages in a folder, checking with NOOP (which makes Dovecot sync at once)."""

    def __init__(self, client: IMAPClient, folder: str = "INBOX") -> None:
        self.client = client
        self.folder = folder
        self.count = int(client.select_folder(folder, readonly=True)[b"EXISTS"])

    def poll(self) -> int:
        for response in self.client.noop()[1]:
            if isinstance(response, tuple) and len(response) > 1 and response[1] == b"EXISTS":
                self.count = int(response[0])
        return self.count

    def wait_for_more(self, than: int, timeout: float, every: float = 0.02) -> float | None:
        """Poll every ``every`` seconds until more than ``than`` messages; return when (perf)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.poll() > than:
                return time.perf_counter()
            time.sleep(every)
        return None
