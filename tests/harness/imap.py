"""Test-side IMAP helpers over imapclient: read and write a mailbox as its user would."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

_APPENDUID = re.compile(rb"APPENDUID \d+ (\d+)")


@dataclass(frozen=True)
class ImapAccount:
    """Where and as whom to log in (plain IMAP on loopback: these helpers need no TLS)."""

    host: str
    port: int
    user: str
    password: str


@contextlib.contextmanager
def session(account: ImapAccount) -> Iterator[IMAPClient]:
    """Yield a logged-in client and log it out afterwards."""
    client = IMAPClient(account.host, account.port, ssl=False, timeout=10)
    try:
        client.login(account.user, account.password)
        yield client
    finally:
        with contextlib.suppress(OSError, IMAPClientError):
            client.logout()


def append(account: ImapAccount, folder: str, raw: bytes, when: datetime | None = None) -> int:
    """Append raw to folder (created if missing), with ``when`` as its internal date (the
    arrival time SEARCH SINCE reads), and return its UID (RFC 4315 APPENDUID)."""
    with session(account) as client:
        _ensure_folder(client, folder)
        response = client.append(folder, raw, msg_time=when)
    return _appended_uid(response)


def _appended_uid(response: bytes) -> int:
    match = _APPENDUID.search(response)
    if match is None:
        raise AssertionError(f"server gave no APPENDUID: {response!r}")
    return int(match.group(1))


def append_many(account: ImapAccount, folder: str, raws: list[bytes]) -> list[int]:
    """Append each of raws over one connection (fast for benchmarks); return their UIDs."""
    with session(account) as client:
        _ensure_folder(client, folder)
        responses = [client.append(folder, raw) for raw in raws]
    return [_appended_uid(response) for response in responses]


def messages(account: ImapAccount, folder: str = "INBOX") -> list[bytes]:
    """Return the raw bytes of every message in folder, in UID order ([] if no folder)."""
    with session(account) as client:
        return _read(client, folder)


def _read(client: IMAPClient, folder: str) -> list[bytes]:
    if not client.folder_exists(folder):
        return []
    client.select_folder(folder, readonly=True)
    uids = sorted(client.search("ALL"))
    if not uids:
        return []
    fetched = client.fetch(uids, [b"BODY.PEEK[]"])
    return [fetched[uid][b"BODY[]"] for uid in uids]


def create_folder(account: ImapAccount, folder: str) -> None:
    """Create folder unless it exists."""
    with session(account) as client:
        _ensure_folder(client, folder)


def folders(account: ImapAccount) -> list[str]:
    """Return the names of the user's folders."""
    with session(account) as client:
        return sorted(name for _flags, _sep, name in client.list_folders())


def wait_for_messages(
    account: ImapAccount, folder: str, count: int, timeout: float = 10.0
) -> list[bytes]:
    """Poll until folder holds at least count messages; return them all, or raise TimeoutError."""
    deadline = time.monotonic() + timeout
    with session(account) as client:
        found = _read(client, folder)
        while len(found) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"{account.user} {folder}: {len(found)} messages after {timeout} s, "
                    f"wanted {count}"
                )
            time.sleep(0.05)
            found = _read(client, folder)
    return found


def _ensure_folder(client: IMAPClient, folder: str) -> None:
    if not client.folder_exists(folder):
        client.create_folder(folder)
