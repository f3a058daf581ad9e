"""The inbox protocol and the URL-selected factory (``imaps://``, ``imap://``, ``maildir://``)."""

from __future__ import annotations

from typing import Protocol

from assistant.errors import ConfigurationError
from assistant.settings import ServerURL, Settings
from assistant.store.inbound import FetchedMessage


class LoginRefused(ConfigurationError):
    """Raised when the mail server refuses the inbox credentials (``NO`` to LOGIN/AUTHENTICATE).

    Retrying with the same password at once cannot help, and providers lock accounts after a
    run of failed logins; the watcher waits longer after each refusal (assistant/backoff.py)
    and keeps trying, so a fixed password or a provider's temporary refusal (RFC 5530
    ``[UNAVAILABLE]``) is picked up without a restart.
    """


class Inbox(Protocol):
    """A mailbox the watcher reads. ``refs`` are mailbox-local ids (IMAP UIDs as strings)."""

    identity: str

    def open(self) -> int | None:
        """Connect and select; returns the UIDVALIDITY (None for a Maildir).

        Raises LoginRefused when the credentials are refused, MailboxError when the server
        cannot be reached or fails."""

    def list_refs(self) -> list[str]: ...

    def fetch(self, refs: list[str]) -> list[FetchedMessage]: ...

    def move(self, refs: list[str], folder: str) -> None: ...

    def wait(self, seconds: float) -> bool:
        """Block up to ``seconds`` for new mail; True when the server says something arrived."""

    def close(self) -> None: ...


def open_inbox(settings: Settings) -> Inbox:
    url = ServerURL.parse(settings.inbox_url)
    if url.scheme == "maildir":
        from assistant.mail.maildir import MaildirInbox

        return MaildirInbox(url.path)
    if url.scheme in ("imap", "imaps"):
        from assistant.mail.imap import ImapInbox

        return ImapInbox(url, settings.inbox_password or url.password,
                         folders=(settings.processed_folder, settings.failed_folder),
                         fetch_batch=settings.fetch_batch, ca_file=settings.tls_ca_file,
                         idle=settings.imap_idle)
    raise ConfigurationError(
        f"ASSISTANT_INBOX_URL: unsupported scheme {url.scheme!r} (use imaps://, imap:// or "
        "maildir://)")


def mailbox_identity(settings: Settings) -> str:
    """A stable name for the mailbox, without any password, used as the store's key."""
    url = ServerURL.parse(settings.inbox_url)
    if url.scheme == "maildir":
        return f"maildir://{url.path}"
    folder = url.path.strip("/") or "INBOX"
    return f"{url.scheme}://{url.username or ''}@{url.host}:{url.port or ''}/{folder}"
