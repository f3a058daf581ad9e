"""``doctor`` for each owner's way of sending: a linked mailbox is logged into (IMAP, the Sent
folder, SMTP submission; nothing is sent or changed), and without one the owner domain's SPF
and DMARC say whether the relay can send as the owner (``sender_policy``)."""

from __future__ import annotations

from sqlalchemy import Engine

from assistant.errors import ConfigurationError, DeliveryError, MailboxError
from assistant.mail.accounts import open_owner_imap, open_owner_sender
from assistant.operator.checks import CheckResult, fail, ok, skip, warn
from assistant.operator.sender_policy import Resolve, dns_resolver, relay_verdict, reserved
from assistant.settings import ServerURL, Settings, redact_url
from assistant.store.linked import LinkedMailbox


def check_owner_sending(engine: Engine | None, settings: Settings,
                        resolve: Resolve | None = None) -> list[CheckResult]:
    from assistant.store import linked, owners
    from assistant.store.db import session_factory, transaction

    if engine is None:
        return [skip("sending", "owners' sending not checked: the database is not ready")]
    with transaction(session_factory(engine)) as session:
        profiles = owners.list_owners(session)
        boxes = {box.owner_id: box for box in linked.all_linked(session)}
    results = []
    for profile in profiles:
        box = boxes.get(profile.id)
        if box is not None:
            results += check_linked(settings, box)
        else:
            results.append(check_relay(settings, profile.primary_address,
                                       resolve or dns_resolver()))
    return results


def check_linked(settings: Settings, box: LinkedMailbox) -> list[CheckResult]:
    name = f"linked:{box.owner_id}"
    if not (settings.owner_passwords.get(box.owner_id)
            or settings.owner_password_files.get(box.owner_id)
            or ServerURL.parse(box.imap_url).password):
        return [fail(name, f"owner {box.address}: linked, but no secret is set",
                     f"set ASSISTANT_OWNER_{box.owner_id}_PASSWORD or "
                     f"ASSISTANT_OWNER_{box.owner_id}_PASSWORD_FILE")]
    results = []
    try:
        with open_owner_imap(settings, box) as imap:
            folder = imap.sent_folder(box.sent_folder)
            imap.examine()
        results.append(ok(name, f"owner {box.address}: IMAP login at "
                                f"{redact_url(box.imap_url)}, INBOX read-only, Sent is {folder!r}"))
    except (MailboxError, ConfigurationError) as exc:
        results.append(fail(name, f"owner {box.address}: IMAP {exc}",
                            _hint(box)))
    sender = open_owner_sender(settings, box)
    try:
        sender.check()
        results.append(ok(name, f"owner {box.address}: submission login at "
                                f"{redact_url(box.smtp_url)} ({box.auth})"))
    except (DeliveryError, ConfigurationError) as exc:
        results.append(fail(name, f"owner {box.address}: submission {exc}", _hint(box)))
    finally:
        sender.close()
    return results


def check_relay(settings: Settings, owner_address: str, resolve: Resolve) -> CheckResult:
    domain = owner_address.rpartition("@")[2]
    relay = ServerURL.parse(settings.smtp_url)
    if relay.scheme == "maildir":
        return skip("relay", f"owner {owner_address}: the outbox is a local Maildir")
    if reserved(domain):
        return skip("relay", f"owner {owner_address}: {domain} is a reserved test domain")
    try:
        verdict = relay_verdict(domain, settings.assistant_address.rpartition("@")[2],
                                relay.host, resolve)
    except OSError as exc:
        return warn("relay", f"owner {owner_address}: SPF/DMARC of {domain} unreadable: {exc}")
    message = f"owner {owner_address}: {verdict.message}"
    if verdict.status == "ok":
        return ok("relay", message)
    return (fail if verdict.status == "fail" else warn)("relay", message, verdict.hint)


def _hint(box: LinkedMailbox) -> str:
    if box.auth == "xoauth2":
        return (f"refresh the access token in ASSISTANT_OWNER_{box.owner_id}_PASSWORD(_FILE) "
                "(README: linked mailboxes, XOAUTH2)")
    return (f"check the app password in ASSISTANT_OWNER_{box.owner_id}_PASSWORD(_FILE) and "
            "the URLs (`assistant owner link`)")
