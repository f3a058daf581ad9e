"""``doctor``'s mail checks: IMAP (login, IDLE, MOVE, folders, the server's clock) and SMTP
(connect, TLS, AUTH).

The SMTP check sends nothing: connect, EHLO, TLS, AUTH, then QUIT (RFC 5321 4.1.1.10). IMAP has
no command that tells the time; the server's clock is read from the INTERNALDATE it gives a
tiny message appended without one (RFC 3501 6.3.11), which is expunged at once.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import ssl
from datetime import datetime
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import aiosmtplib
import imapclient
from imapclient.exceptions import IMAPClientError, LoginError

from assistant.clock import Clock, system_clock
from assistant.operator.checks import (
    CheckResult,
    clock_skew,
    connect_failure,
    fail,
    ok,
    skip,
    warn,
)
from assistant.settings import ServerURL, Settings

INBOX = "ASSISTANT_INBOX_URL"
SMTP = "ASSISTANT_SMTP_URL"


def check_inbox(settings: Settings, *, timeout: float, fix: bool,
                clock: Clock = system_clock) -> list[CheckResult]:
    url = ServerURL.parse(settings.inbox_url)
    if url.scheme == "maildir":
        return [_maildir("inbox", "inbox Maildir", url.path)]
    if url.scheme not in ("imap", "imaps") or not url.host or not url.username:
        return [fail("imap.config", f"{INBOX} is not an IMAP URL with a user and a host",
                     "example: imaps://user%40example.com@imap.example.com/INBOX")]
    context = ssl.create_default_context(cafile=settings.tls_ca_file)
    implicit = url.scheme == "imaps"
    where = f"{url.host}:{url.port or (993 if implicit else 143)}"
    try:
        client = imapclient.IMAPClient(url.host, port=url.port or (993 if implicit else 143),
                                       ssl=implicit, ssl_context=context, timeout=timeout)
    except OSError as exc:
        return [connect_failure("imap.connect", "IMAP", where, exc, INBOX)]
    except IMAPClientError as exc:  # something answered, but not an IMAP greeting
        return [fail("imap.connect", f"no IMAP server at {where}: {exc}",
                     f"check the port in {INBOX} (993 for imaps://, 143 for imap://)")]
    try:
        return [ok("imap.connect", f"IMAP server answers at {where}"),
                *_imap_session(client, url, settings, context, fix, clock)]
    finally:
        _logout(client)


def _imap_session(client: imapclient.IMAPClient, url: ServerURL, settings: Settings,
                  context: ssl.SSLContext, fix: bool, clock: Clock) -> list[CheckResult]:
    tls = _imap_tls(client, url, context)
    if tls.status == "fail":
        return [tls]
    login = _imap_login(client, url, settings)
    if login.status == "fail":
        return [tls, login]
    folder = url.path.strip("/") or "INBOX"
    inbox = _inbox_folder(client, folder, url.username or "")
    results = [tls, login, *_imap_capabilities(client), inbox,
               *(_work_folder(client, name, fix)
                 for name in (settings.processed_folder, settings.failed_folder))]
    if inbox.status == "ok":
        results.append(_server_clock(client, folder, clock))
    return results


def _imap_tls(client: imapclient.IMAPClient, url: ServerURL,
              context: ssl.SSLContext) -> CheckResult:
    if url.scheme == "imaps":
        return ok("imap.tls", "IMAP TLS: implicit (imaps://, RFC 8314)")
    if b"STARTTLS" not in client.capabilities():
        return warn("imap.tls", "IMAP without TLS: the password travels in clear",
                    "use imaps:// (port 993) or a server offering STARTTLS")
    try:
        client.starttls(context)
    except (ssl.SSLError, IMAPClientError, OSError) as exc:
        return connect_failure("imap.tls", "IMAP STARTTLS", f"{url.host}", exc, INBOX)
    return ok("imap.tls", "IMAP TLS: STARTTLS (RFC 3501 6.2.1)")


def _imap_login(client: imapclient.IMAPClient, url: ServerURL,
                settings: Settings) -> CheckResult:
    password = settings.inbox_password or url.password
    user = url.username or ""
    if not password:
        return fail("imap.login", f"no IMAP password for {user}",
                    "set ASSISTANT_INBOX_PASSWORD or ASSISTANT_INBOX_PASSWORD_FILE")
    try:
        client.login(user, password.value)
    except LoginError:
        return fail("imap.login",
                    f"IMAP login refused for {user}: check ASSISTANT_INBOX_PASSWORD",
                    "Gmail, Fastmail, iCloud and Yahoo need an app password, not the account "
                    "password; Microsoft 365 may need OAuth2 (deploy/GUIDE.md)")
    except (IMAPClientError, OSError) as exc:
        return fail("imap.login", f"IMAP login failed for {user}: {exc}",
                    "check ASSISTANT_INBOX_URL and ASSISTANT_INBOX_PASSWORD")
    return ok("imap.login", f"IMAP login accepted for {user}")


def _imap_capabilities(client: imapclient.IMAPClient) -> list[CheckResult]:
    results = []
    if client.has_capability("IDLE"):
        results.append(ok("imap.idle", "IMAP IDLE advertised: new mail is seen at once (RFC 2177)"))
    else:
        results.append(warn("imap.idle", "IMAP IDLE not advertised: the inbox is polled",
                            "lower ASSISTANT_POLL_SECONDS for faster pick-up"))
    if client.has_capability("MOVE"):
        results.append(ok("imap.move", "IMAP MOVE advertised (RFC 6851)"))
    else:
        results.append(warn("imap.move", "IMAP MOVE not advertised: COPY + EXPUNGE is used",
                            "nothing to do; handled mail is moved in two steps"))
    return results


def _inbox_folder(client: imapclient.IMAPClient, folder: str, user: str) -> CheckResult:
    if client.folder_exists(folder):
        return ok("imap.folder", f"IMAP folder {folder!r} exists")
    return fail("imap.folder", f"IMAP folder {folder!r} does not exist for {user}",
                f"create it, or fix the folder at the end of {INBOX} (usually /INBOX)")


def _work_folder(client: imapclient.IMAPClient, folder: str, fix: bool) -> CheckResult:
    if client.folder_exists(folder):
        return ok("imap.folders", f"IMAP folder {folder!r} exists")
    if not fix:
        return warn("imap.folders", f"IMAP folder {folder!r} is missing",
                    "`assistant run` creates it at start, or run `assistant doctor --fix`")
    try:
        client.create_folder(folder)
    except IMAPClientError as exc:
        return fail("imap.folders", f"IMAP folder {folder!r} cannot be created: {exc}",
                    "set ASSISTANT_PROCESSED_FOLDER / ASSISTANT_FAILED_FOLDER to a folder "
                    "this account may create")
    return ok("imap.folders", f"IMAP folder {folder!r} created")


def _server_clock(client: imapclient.IMAPClient, folder: str, clock: Clock) -> CheckResult:
    """This machine's clock against the server's: the INTERNALDATE of a message appended
    without a date is the server's time of the APPEND (RFC 3501 6.3.11). The probe goes in
    already \\Deleted, so the watcher (which lists only NOT DELETED mail) never takes it, and
    is expunged by UID at once (RFC 4315 UID EXPUNGE: no other message is touched)."""
    probe = _clock_probe()
    try:
        before = clock()
        answer = client.append(folder, probe.as_bytes(), flags=(imapclient.SEEN,
                                                                imapclient.DELETED))
        after = clock()
        client.select_folder(folder)
        uids = _appended_uid(answer) or client.search(["HEADER", "Message-ID",
                                                       str(probe["Message-ID"])])
        client.normalise_times = False  # INTERNALDATE with the server's own zone offset
        dates = client.fetch(uids, ["INTERNALDATE"])
        _expunge(client, uids)
    except (IMAPClientError, OSError) as exc:
        return warn("clock.server", f"the IMAP server's time could not be read: {exc}",
                    "check this machine's clock by hand (timedatectl); the other IMAP checks "
                    "say whether the mailbox works")
    server_times = [d[b"INTERNALDATE"] for d in dates.values() if b"INTERNALDATE" in d]
    if not server_times or not isinstance(server_times[0], datetime) \
            or server_times[0].tzinfo is None:
        return warn("clock.server", "the IMAP server gave no usable time for the clock check",
                    "check this machine's clock by hand (timedatectl)")
    return clock_skew(server_times[0], before + (after - before) / 2)


def _clock_probe() -> EmailMessage:
    probe = EmailMessage()
    probe["From"] = "assistant doctor <doctor@invalid>"
    probe["Subject"] = "assistant doctor: clock check (deleted at once)"
    probe["Message-ID"] = make_msgid(domain="doctor.invalid")
    probe["Auto-Submitted"] = "auto-generated"
    probe.set_content("The assistant's doctor reads the server's time from this message.\n")
    return probe


def _appended_uid(answer: object) -> list[int]:
    """The UID from the APPEND answer's APPENDUID code (RFC 4315 3), when the server sends it."""
    text = answer.decode(errors="replace") if isinstance(answer, bytes) else str(answer)
    found = re.search(r"\[APPENDUID \d+ (\d+)\]", text)
    return [int(found.group(1))] if found else []


def _expunge(client: imapclient.IMAPClient, uids: list[int]) -> None:
    if not uids:
        return
    if client.has_capability("UIDPLUS"):
        client.uid_expunge(uids)
    else:
        client.expunge()  # only \Deleted mail goes, as the watcher's own move does


def _logout(client: imapclient.IMAPClient) -> None:
    try:
        client.logout()
    except (IMAPClientError, OSError):
        client.shutdown()


def _maildir(name: str, what: str, path: str) -> CheckResult:
    folder = Path(path)
    if folder.is_dir():
        return ok(name, f"{what} at {folder} exists")
    return warn(name, f"{what} at {folder} does not exist yet", "it is created at first run")


# -- SMTP -----------------------------------------------------------------------------------


def check_smtp(settings: Settings, *, timeout: float) -> list[CheckResult]:
    url = ServerURL.parse(settings.smtp_url)
    if url.scheme == "maildir":
        return [_maildir("smtp", "outbox Maildir (nothing is sent by SMTP)", url.path)]
    if url.scheme not in ("smtp", "smtps", "smtp+starttls") or not url.host:
        return [fail("smtp.config", f"{SMTP} is not an SMTP URL with a host",
                     "example: smtps://user%40example.com@smtp.example.com:465")]
    return asyncio.run(_smtp(url, settings, timeout))


async def _smtp(url: ServerURL, settings: Settings, timeout: float) -> list[CheckResult]:
    context = ssl.create_default_context(cafile=settings.tls_ca_file)
    implicit = url.scheme == "smtps"
    port = url.port or (465 if implicit else 587 if url.scheme == "smtp+starttls" else 25)
    where = f"{url.host}:{port}"
    client = aiosmtplib.SMTP(hostname=url.host, port=port, use_tls=implicit, start_tls=False,
                             tls_context=context, timeout=timeout)
    try:
        await client.connect()
        await client.ehlo()
    except (aiosmtplib.SMTPException, OSError) as exc:
        return [connect_failure("smtp.connect", "SMTP", where, exc, SMTP)]
    try:
        results = [ok("smtp.connect", f"SMTP server answers at {where}")]
        results.append(await _smtp_tls(client, url, where, context))
        if results[-1].status != "fail":
            results.append(await _smtp_auth(client, url, settings))
        return results
    finally:
        await _quit(client)


async def _smtp_tls(client: aiosmtplib.SMTP, url: ServerURL, where: str,
                    context: ssl.SSLContext) -> CheckResult:
    if url.scheme == "smtps":
        return ok("smtp.tls", "SMTP TLS: implicit (smtps://, RFC 8314)")
    if url.scheme == "smtp":
        if _loopback(url.host):
            return ok("smtp.tls", "SMTP without TLS to a relay on this machine")
        return warn("smtp.tls", f"SMTP without TLS to {url.host}",
                    "use smtps:// (465) or smtp+starttls:// (587)")
    if not client.supports_extension("starttls"):
        return fail("smtp.tls", f"SMTP server at {where} does not offer STARTTLS",
                    "use smtps:// on port 465, or a submission port offering STARTTLS")
    try:
        await client.starttls(tls_context=context)
        # RFC 3207 4.2: what the server offered before TLS is forgotten; ask again.
        await client.ehlo()
    except (aiosmtplib.SMTPException, OSError) as exc:
        return connect_failure("smtp.tls", "SMTP STARTTLS", where, exc, SMTP)
    return ok("smtp.tls", "SMTP TLS: STARTTLS (RFC 3207)")


async def _smtp_auth(client: aiosmtplib.SMTP, url: ServerURL,
                     settings: Settings) -> CheckResult:
    user = url.username
    if not user:
        return skip("smtp.auth", "SMTP without AUTH (no user in the URL)")
    password = settings.smtp_password or url.password
    if not password:
        return fail("smtp.auth", f"no SMTP password for {user}",
                    "set ASSISTANT_SMTP_PASSWORD or ASSISTANT_SMTP_PASSWORD_FILE")
    if not client.supports_extension("auth"):
        return fail("smtp.auth", "SMTP server offers no AUTH on this connection",
                    "use smtps:// or smtp+starttls:// (AUTH is usually offered only over TLS)")
    try:
        await client.login(user, password.value)
    except aiosmtplib.SMTPAuthenticationError as exc:
        return fail("smtp.auth", f"SMTP login refused for {user}: check ASSISTANT_SMTP_PASSWORD",
                    f"the server said {exc.code} {exc.message}")
    except (aiosmtplib.SMTPException, OSError) as exc:
        return fail("smtp.auth", f"SMTP login failed for {user}: {exc}",
                    "check ASSISTANT_SMTP_URL and ASSISTANT_SMTP_PASSWORD")
    return ok("smtp.auth", f"SMTP login accepted for {user}")


async def _quit(client: aiosmtplib.SMTP) -> None:
    if not client.is_connected:
        return
    try:
        await client.quit()
    except (aiosmtplib.SMTPException, OSError):
        client.close()


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
