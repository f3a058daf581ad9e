"""An owner's own mailbox, opened with its secret: the SMTP submission server that sends as
the owner, and the IMAP server that holds the owner's Sent folder and INBOX.

The secret is ``ASSISTANT_OWNER_<id>_PASSWORD`` (or ``_FILE``, read again at each connection
so that an XOAUTH2 access token the operator refreshes is picked up); it is an app password
for ``auth=password`` and an OAuth 2.0 access token for ``auth=xoauth2`` (Gmail, Microsoft
365). It is never logged and never in a ``repr``.
"""

from __future__ import annotations

from pathlib import Path

from assistant.errors import ConfigurationError
from assistant.settings import Secret, ServerURL, Settings, redact_url
from assistant.store.linked import LinkedMailbox

SUBMISSION_SCHEMES = ("smtp", "smtps", "smtp+starttls")
IMAP_SCHEMES = ("imap", "imaps")


def owner_secret(settings: Settings, owner_id: int, url: ServerURL | None = None) -> Secret:
    path = settings.owner_password_files.get(owner_id)
    if path:
        try:
            return Secret(Path(path).read_text(encoding="utf-8").strip())
        except OSError as exc:
            raise ConfigurationError(f"ASSISTANT_OWNER_{owner_id}_PASSWORD_FILE: cannot read "
                                     f"{path}: {exc.strerror}") from None
    secret = settings.owner_passwords.get(owner_id)
    if secret:
        return secret
    return url.password if url is not None else Secret("")


def check_urls(imap_url: str, smtp_url: str) -> tuple[ServerURL, ServerURL]:
    """Both URLs parsed, with a user and a host, in schemes the assistant speaks."""
    imap, smtp = ServerURL.parse(imap_url), ServerURL.parse(smtp_url)
    if imap.scheme not in IMAP_SCHEMES or not imap.host or not imap.username:
        raise ConfigurationError(f"the owner's IMAP URL must be imaps://user@host or "
                                 f"imap://user@host, not {redact_url(imap_url)!r}")
    if smtp.scheme not in SUBMISSION_SCHEMES or not smtp.host:
        raise ConfigurationError(f"the owner's submission URL must be smtps://user@host:465 or "
                                 f"smtp+starttls://user@host:587, not {redact_url(smtp_url)!r}")
    return imap, smtp


def open_owner_sender(settings: Settings, mailbox: LinkedMailbox):  # type: ignore[no-untyped-def]
    """A one-use SMTP sender that logs in as the owner (their provider signs what it sends)."""
    from assistant.mail.smtp import SmtpSender

    url = ServerURL.parse(mailbox.smtp_url)
    return SmtpSender(url, owner_secret(settings, mailbox.owner_id, url),
                      ca_file=settings.tls_ca_file, auth=mailbox.auth)


def open_owner_imap(settings: Settings, mailbox: LinkedMailbox):  # type: ignore[no-untyped-def]
    from assistant.mail.owner_imap import OwnerImap

    url = ServerURL.parse(mailbox.imap_url)
    return OwnerImap(url, owner_secret(settings, mailbox.owner_id, url), auth=mailbox.auth,
                     ca_file=settings.tls_ca_file, idle=settings.imap_idle)
