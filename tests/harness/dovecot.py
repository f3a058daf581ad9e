"""A private Dovecot (IMAP, IMAPS, LMTP) on loopback, in a temp dir, for the tests.

Every address is a mailbox and every mailbox has the same password, so a test can read what
the assistant sent to any contact. Mail reaches a mailbox by IMAP APPEND (``append``) or by
LMTP delivery (RFC 2033), which is what the loopback SMTP server does.
"""

from __future__ import annotations

import getpass
import logging
import os
import pwd
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from . import imap
from ._support import (
    LOOPBACK,
    CertPair,
    ServerUnavailable,
    die_with_parent,
    free_port,
    make_self_signed,
    require_binary,
    stop_process,
    wait_for_ports,
)
from .dovecot_config import DovecotLayout, render_config

logger = logging.getLogger(__name__)

PASSWORD = "secret"
START_TIMEOUT_S = 10.0


class Dovecot:
    """One running private Dovecot; build it with ``Dovecot.start(tmpdir)``."""

    def __init__(self, binary: str, layout: DovecotLayout) -> None:
        self._binary = binary
        self._layout = layout
        self._process: subprocess.Popen[bytes] | None = None

    @classmethod
    def start(cls, tmpdir: Path) -> Dovecot:
        """Write a config under tmpdir, start Dovecot in the foreground, wait for its ports."""
        binary = require_binary("dovecot", "apt-get install dovecot-imapd dovecot-lmtpd")
        tmpdir = Path(tmpdir)
        tmpdir.mkdir(parents=True, exist_ok=True)
        server = cls(binary, _make_layout(tmpdir))
        server._launch()
        return server

    # -- lifecycle -------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop the server and delete its mail (the config and log stay under tmpdir)."""
        self._halt()
        shutil.rmtree(self._layout.runtime_dir, ignore_errors=True)

    def restart(self) -> None:
        """Stop and start again on the same ports; mail is kept."""
        self._halt()
        self._launch()

    def _launch(self) -> None:
        command = [self._binary, "-F", "-c", str(self._layout.config_path)]
        self._process = subprocess.Popen(
            die_with_parent(command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        ports = [self.imap_port, self.imaps_port, self.lmtp_port]
        try:
            wait_for_ports(ports, START_TIMEOUT_S, "dovecot")
        except ServerUnavailable as error:
            raise ServerUnavailable(f"{error}: {self._failure_text()}") from None
        logger.info("dovecot up: imap %d, imaps %d, lmtp %d", *ports)

    def _halt(self) -> None:
        if self._process is not None:
            stop_process(self._process)
            self._process = None

    def _failure_text(self) -> str:
        assert self._process is not None
        stop_process(self._process)
        pipe = self._process.stderr
        stderr = pipe.read().decode(errors="replace") if pipe is not None else ""
        return (stderr.strip() + " " + self.log_text()[-2000:]).strip()

    # -- where it is -----------------------------------------------------------------------

    @property
    def host(self) -> str:
        return LOOPBACK

    @property
    def imap_port(self) -> int:
        return self._layout.imap_port

    @property
    def imaps_port(self) -> int:
        return self._layout.imaps_port

    @property
    def lmtp_port(self) -> int:
        return self._layout.lmtp_port

    @property
    def password(self) -> str:
        return self._layout.password

    @property
    def cafile(self) -> Path:
        """The self-signed certificate, to verify both IMAPS and STARTTLS."""
        return self._layout.cert

    @property
    def cert_pair(self) -> CertPair:
        """Certificate and key, which the SMTP server reuses so one cafile trusts both."""
        return CertPair(cert=self._layout.cert, key=self._layout.key)

    @property
    def log_path(self) -> Path:
        return self._layout.log_path

    def log_text(self) -> str:
        """Return Dovecot's log so far (useful in assertion messages)."""
        path = self._layout.log_path
        return path.read_text(errors="replace") if path.exists() else ""

    def imap_url(self, user: str, folder: str = "INBOX", tls: str = "starttls") -> str:
        """Return e.g. ``imap://jane%40example.com@127.0.0.1:PORT/INBOX``.

        tls="starttls" and tls="none" both give ``imap://`` on the plain port (Dovecot offers
        STARTTLS there; using it is the client's choice); tls="imaps" gives ``imaps://``.
        """
        scheme, port = {
            "starttls": ("imap", self.imap_port),
            "none": ("imap", self.imap_port),
            "imaps": ("imaps", self.imaps_port),
        }[tls]
        return f"{scheme}://{quote(user, safe='')}@{self.host}:{port}/{quote(folder, safe='/')}"

    # -- mailbox helpers (imapclient, plain IMAP on loopback) -------------------------------

    def account(self, user: str) -> imap.ImapAccount:
        return imap.ImapAccount(self.host, self.imap_port, user, self.password)

    def append(self, user: str, folder: str, raw: bytes, when: datetime | None = None) -> int:
        """APPEND raw to the user's folder (created if missing), arrived ``when`` (default:
        now); return the new UID."""
        return imap.append(self.account(user), folder, raw, when)

    def append_many(self, user: str, folder: str, raws: list[bytes]) -> list[int]:
        """APPEND many messages over one connection; return their UIDs in order."""
        return imap.append_many(self.account(user), folder, raws)

    def messages(self, user: str, folder: str = "INBOX") -> list[bytes]:
        """Return every message in the folder as raw bytes, in UID order."""
        return imap.messages(self.account(user), folder)

    def create_folder(self, user: str, folder: str) -> None:
        imap.create_folder(self.account(user), folder)

    def folders(self, user: str) -> list[str]:
        return imap.folders(self.account(user))

    def wait_for_messages(
        self, user: str, folder: str, count: int, timeout: float = 10.0
    ) -> list[bytes]:
        """Poll until the folder holds at least count messages; return them all."""
        return imap.wait_for_messages(self.account(user), folder, count, timeout)


def _make_layout(tmpdir: Path) -> DovecotLayout:
    # Mail and sockets live in a short, world-traversable dir under /tmp: pytest's tmp dirs
    # are 0700 root, which the unprivileged mail uid could not enter, and unix socket paths
    # are limited to 108 bytes.
    runtime = Path(tempfile.mkdtemp(prefix="harness-dovecot-", dir="/tmp"))
    runtime.chmod(0o755)
    uid, gid, service_user = _mail_identity()
    layout = DovecotLayout(
        config_dir=tmpdir, runtime_dir=runtime,
        cert=tmpdir / "dovecot.crt", key=tmpdir / "dovecot.key",
        imap_port=free_port(), imaps_port=free_port(), lmtp_port=free_port(),
        password=PASSWORD, mail_uid=uid, mail_gid=gid, service_user=service_user,
    )
    make_self_signed(tmpdir, "dovecot")
    layout.mail_root.mkdir()
    os.chown(layout.mail_root, uid, gid)
    layout.config_path.write_text(render_config(layout))
    return layout


def _mail_identity() -> tuple[int, int, str | None]:
    """Return (uid, gid) owning the mail, and the service user when not running as root.

    CI runs as root; the unprivileged variant is best effort and not exercised by the tests.
    """
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        return nobody.pw_uid, nobody.pw_gid, None
    return os.getuid(), os.getgid(), getpass.getuser()
