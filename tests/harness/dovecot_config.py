"""Render a standalone dovecot.conf for a private loopback instance (pure: no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DovecotLayout:
    """Where a private instance keeps its files, and the ports it listens on."""

    config_dir: Path
    runtime_dir: Path
    cert: Path
    key: Path
    imap_port: int
    imaps_port: int
    lmtp_port: int
    password: str
    mail_uid: int
    mail_gid: int
    service_user: str | None

    @property
    def base_dir(self) -> Path:
        return self.runtime_dir / "run"

    @property
    def state_dir(self) -> Path:
        return self.runtime_dir / "state"

    @property
    def mail_root(self) -> Path:
        return self.runtime_dir / "mail"

    @property
    def log_path(self) -> Path:
        return self.config_dir / "dovecot.log"

    @property
    def config_path(self) -> Path:
        return self.config_dir / "dovecot.conf"


def render_config(layout: DovecotLayout) -> str:
    """Return the text of dovecot.conf for layout (Dovecot 2.3 syntax)."""
    return "\n".join(
        [_core(layout), _auth(layout), _listeners(layout), _unprivileged(layout)]
    )


def _core(layout: DovecotLayout) -> str:
    # Static passdb + allow_all_users makes every address a mailbox, so mail sent to any
    # contact can be read back. mail_fsync=never: the files are thrown away after the run.
    # A high per-user connection limit: watchers, workers and tests share one mailbox.
    return f"""\
base_dir = {layout.base_dir}
state_dir = {layout.state_dir}
instance_name = harness-{layout.imap_port}
log_path = {layout.log_path}
listen = 127.0.0.1
protocols = imap lmtp
ssl = yes
ssl_cert = <{layout.cert}
ssl_key = <{layout.key}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{layout.mail_root}/%u/Maildir
mail_fsync = never
mail_max_userip_connections = 1000
default_process_limit = 200
default_client_limit = 2000
recipient_delimiter = +
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
  }}
}}
"""


def _auth(layout: DovecotLayout) -> str:
    # Dovecot refuses uid 0 for mail access, so mail belongs to an unprivileged uid even when
    # the master runs as root.
    return f"""\
passdb {{
  driver = static
  args = password={layout.password}
}}
userdb {{
  driver = static
  args = uid={layout.mail_uid} gid={layout.mail_gid} home={layout.mail_root}/%u allow_all_users=yes
}}
"""


def _listeners(layout: DovecotLayout) -> str:
    return f"""\
service imap-login {{
  inet_listener imap {{
    port = {layout.imap_port}
  }}
  inet_listener imaps {{
    port = {layout.imaps_port}
    ssl = yes
  }}
}}
service lmtp {{
  unix_listener lmtp {{
    mode = 0600
  }}
  inet_listener lmtp {{
    port = {layout.lmtp_port}
  }}
}}
"""


def _unprivileged(layout: DovecotLayout) -> str:
    # Without root, every service runs as the invoking user and nothing can chroot.
    if layout.service_user is None:
        return ""
    user = layout.service_user
    chroots = "\n".join(
        f"service {name} {{\n  chroot =\n}}" for name in ("imap-login", "anvil", "auth")
    )
    return f"default_internal_user = {user}\ndefault_login_user = {user}\n{chroots}\n"
