"""Maildir adapters: a local inbox and a local outbox, for the embedded default and the demo."""

from __future__ import annotations

import mailbox
import time
from pathlib import Path

from assistant.errors import DeliveryError
from assistant.mail.smtp import Delivery, Receipt
from assistant.store.inbound import FetchedMessage


class MaildirInbox:
    """A Maildir read like an IMAP folder: keys are refs, sub-folders take processed mail."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self.identity = f"maildir://{self.path}"
        self._box: mailbox.Maildir | None = None
        self._seen: set[str] = set()

    def open(self) -> int | None:
        self.path.mkdir(parents=True, exist_ok=True)
        self._box = mailbox.Maildir(self.path, factory=None, create=True)
        return None

    @property
    def box(self) -> mailbox.Maildir:
        if self._box is None:
            self.open()
        assert self._box is not None
        return self._box

    def list_refs(self) -> list[str]:
        keys = sorted(self.box.keys())
        self._seen = set(keys)
        return keys

    def fetch(self, refs: list[str]) -> list[FetchedMessage]:
        found = []
        for key in refs:
            try:
                with self.box.get_file(key) as handle:
                    found.append(FetchedMessage(source_ref=key, raw=handle.read()))
            except KeyError:
                continue  # moved or removed since it was listed
        return found

    def move(self, refs: list[str], folder: str) -> None:
        target = self._folder(folder)
        for key in refs:
            try:
                with self.box.get_file(key) as handle:
                    raw = handle.read()
            except KeyError:
                continue
            target.add(raw)
            self.box.discard(key)

    def _folder(self, name: str) -> mailbox.Maildir:
        folder = name.replace("/", ".")
        if folder not in self.box.list_folders():
            return self.box.add_folder(folder)
        return self.box.get_folder(folder)

    def wait(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if set(self.box.keys()) - self._seen:
                return True
            time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))
        return False

    def close(self) -> None:
        self._box = None


class MaildirOutbox:
    """Delivers each message into ``<root>/<recipient>/`` (a Maildir per recipient)."""

    def __init__(self, path: str) -> None:
        self.root = Path(path)

    def send(self, raw: bytes, envelope_from: str, recipients: tuple[str, ...], *,
             receipt: Receipt | None = None) -> Delivery:
        everyone = (*recipients, receipt.address) if receipt else recipients
        try:
            for recipient in everyone:
                mailbox.Maildir(_maildir(self.root / recipient.lower()), factory=None,
                                create=False).add(raw)
        except OSError as exc:
            raise DeliveryError(f"cannot write to the local outbox {self.root}: {exc}") from exc
        return Delivery(tuple(recipients), receipt=bool(receipt))

    def close(self) -> None:
        return None


def _maildir(path: Path) -> Path:
    """Create a Maildir's folders; safe when two senders create the same one at once
    (``mailbox.Maildir(create=True)`` is not: one of them fails with "File exists")."""
    for sub in ("tmp", "new", "cur"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    return path
