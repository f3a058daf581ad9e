"""The one Settings object: the only place the environment is read.

Entry points (the CLI, the Dramatiq worker module) build it once with ``Settings.from_env()``
and pass it down. Secrets come from ``*_PASSWORD`` or ``*_PASSWORD_FILE`` and are wrapped in
``Secret`` so they never appear in a ``repr``, a log line or an error email.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from assistant.errors import ConfigurationError

DEFAULT_VAR_DIR = Path("var")
_OWNER_PASSWORD = re.compile(r"ASSISTANT_OWNER_(\d+)_PASSWORD(_FILE)?")


@dataclass(frozen=True)
class Secret:
    """A password or key: compares and hashes like its value, prints as ``'***'``."""

    value: str = field(repr=False)

    def __repr__(self) -> str:
        return "Secret('***')" if self.value else "Secret('')"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self.value)


@dataclass(frozen=True)
class Settings:
    database_url: str
    inbox_url: str
    smtp_url: str
    assistant_address: str
    secret_key: Secret
    inbox_password: Secret = Secret("")
    smtp_password: Secret = Secret("")
    redis_url: str | None = None
    var_dir: Path = DEFAULT_VAR_DIR
    processed_folder: str = "Assistant/Processed"
    failed_folder: str = "Assistant/Failed"
    fetch_batch: int = 100
    process_batch: int = 20
    idle_renew_seconds: int = 25 * 60  # RFC 2177: re-issue IDLE before the 29-minute limit
    poll_seconds: float = 30.0
    imap_idle: bool = True  # False: poll every poll_seconds even where IDLE is advertised
    worker_threads: int = 4
    worker_timeout_ms: int = 100
    fault_points: frozenset[str] = frozenset()
    log_json: bool = False
    tls_ca_file: str | None = None
    tick_seconds: float = 30.0
    send_lease_seconds: int = 300
    receipt_grace_seconds: int = 1800
    trusted_authserv_ids: tuple[str, ...] = ()
    owner_auth: str = "auto"
    max_message_bytes: int = 25 * 1024 * 1024
    replies_per_sender_per_hour: int = 30
    sends_per_owner_per_hour: int = 20
    sends_per_owner_per_day: int = 100
    metrics_port: int | None = None
    inbox_retry_seconds: float = 5.0  # first wait after a failed login; doubles to the max
    inbox_retry_max_seconds: float = 15 * 60.0
    # Calm acknowledgements: notes arriving within this many seconds of an acknowledgement to
    # the same owner are acknowledged together in one email when the window ends (0: each note
    # is acknowledged on its own, at once).
    ack_burst_seconds: int = 300
    # Linked owners' mailboxes: ASSISTANT_OWNER_<id>_PASSWORD (an app password, or an XOAUTH2
    # access token) or ASSISTANT_OWNER_<id>_PASSWORD_FILE, re-read at each connection so a
    # token refreshed by the operator is picked up.
    owner_passwords: Mapping[int, Secret] = field(default_factory=dict, repr=False)
    owner_password_files: Mapping[int, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        var_dir = Path(env.get("ASSISTANT_VAR_DIR", str(DEFAULT_VAR_DIR)))
        secret = read_secret(env, "ASSISTANT_SECRET_KEY")
        if not secret:
            secret = _local_secret_key(var_dir)
        return cls(
            database_url=env.get("ASSISTANT_DATABASE_URL") or default_database_url(var_dir),
            inbox_url=env.get("ASSISTANT_INBOX_URL") or _maildir_url(var_dir / "inbox"),
            smtp_url=env.get("ASSISTANT_SMTP_URL") or _maildir_url(var_dir / "outbox"),
            assistant_address=env.get("ASSISTANT_ADDRESS", "assistant@localhost").strip().lower(),
            secret_key=secret,
            inbox_password=read_secret(env, "ASSISTANT_INBOX_PASSWORD"),
            smtp_password=read_secret(env, "ASSISTANT_SMTP_PASSWORD"),
            redis_url=env.get("ASSISTANT_REDIS_URL") or None,
            var_dir=var_dir,
            processed_folder=env.get("ASSISTANT_PROCESSED_FOLDER", "Assistant/Processed"),
            failed_folder=env.get("ASSISTANT_FAILED_FOLDER", "Assistant/Failed"),
            fetch_batch=_int(env, "ASSISTANT_FETCH_BATCH", 100),
            process_batch=_int(env, "ASSISTANT_PROCESS_BATCH", 20),
            poll_seconds=float(env.get("ASSISTANT_POLL_SECONDS", "30")),
            imap_idle=env.get("ASSISTANT_IMAP_IDLE", "1").lower() not in {"0", "false", "no"},
            worker_threads=_int(env, "ASSISTANT_WORKER_THREADS", 4),
            worker_timeout_ms=_int(env, "ASSISTANT_WORKER_TIMEOUT_MS", 100),
            fault_points=frozenset(filter(None, env.get("ASSISTANT_FAULT_POINTS", "").split(","))),
            log_json=env.get("ASSISTANT_LOG_JSON", "").lower() in {"1", "true", "yes"},
            tls_ca_file=env.get("ASSISTANT_TLS_CA_FILE") or None,
            tick_seconds=float(env.get("ASSISTANT_TICK_SECONDS", "30")),
            send_lease_seconds=_int(env, "ASSISTANT_SEND_LEASE_SECONDS", 300),
            receipt_grace_seconds=_int(env, "ASSISTANT_RECEIPT_GRACE_SECONDS", 1800),
            trusted_authserv_ids=tuple(filter(None, (
                p.strip().lower() for p in env.get("ASSISTANT_TRUSTED_AUTHSERV_IDS", "")
                .split(",")))),
            owner_auth=_choice(env, "ASSISTANT_OWNER_AUTH", ("auto", "required", "local")),
            max_message_bytes=_int(env, "ASSISTANT_MAX_MESSAGE_BYTES", 25 * 1024 * 1024),
            replies_per_sender_per_hour=_int(env, "ASSISTANT_REPLIES_PER_SENDER_PER_HOUR", 30),
            sends_per_owner_per_hour=_int(env, "ASSISTANT_SENDS_PER_OWNER_PER_HOUR", 20),
            sends_per_owner_per_day=_int(env, "ASSISTANT_SENDS_PER_OWNER_PER_DAY", 100),
            metrics_port=_int(env, "ASSISTANT_METRICS_PORT", 0) or None,
            inbox_retry_seconds=float(env.get("ASSISTANT_INBOX_RETRY_SECONDS", "5")),
            inbox_retry_max_seconds=float(env.get("ASSISTANT_INBOX_RETRY_MAX_SECONDS", "900")),
            ack_burst_seconds=_int(env, "ASSISTANT_ACK_BURST_SECONDS", 300),
            owner_passwords={int(m[1]): Secret(value) for key, value in env.items()
                             if (m := _OWNER_PASSWORD.fullmatch(key)) and not m[2]},
            owner_password_files={int(m[1]): value for key, value in env.items()
                                  if (m := _OWNER_PASSWORD.fullmatch(key)) and m[2]},
        )

    @property
    def trusts_local_mailbox(self) -> bool:
        """Owner mail needs no proof when it comes from a local Maildir (``auto``) or the
        operator says every message in the mailbox is the owner's (``local``)."""
        if self.owner_auth == "local":
            return True
        return self.owner_auth == "auto" and self.inbox_url.startswith("maildir:")


def _maildir_url(path: Path) -> str:
    return f"maildir://{path.resolve()}"


def default_database_url(var_dir: Path) -> str:
    return f"sqlite:///{(var_dir / 'assistant.db').resolve()}"


def read_secret(env: Mapping[str, str], name: str) -> Secret:
    """``NAME`` or the first line of the file named by ``NAME_FILE`` (Docker/systemd secrets)."""
    path = env.get(f"{name}_FILE")
    if path:
        try:
            return Secret(Path(path).read_text(encoding="utf-8").strip())
        except OSError as exc:
            raise ConfigurationError(f"{name}_FILE: cannot read {path}: {exc.strerror}") from None
    return Secret(env.get(name, ""))


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {raw!r}") from None


def _choice(env: Mapping[str, str], name: str, allowed: tuple[str, ...]) -> str:
    value = env.get(name, allowed[0]).strip().lower() or allowed[0]
    if value not in allowed:
        raise ConfigurationError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _local_secret_key(var_dir: Path) -> Secret:
    """On embedded defaults, a random key kept under var/ so tokens survive restarts."""
    import secrets

    path = var_dir / "secret_key"
    if path.exists():
        return Secret(path.read_text(encoding="utf-8").strip())
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32)
    path.write_text(key + "\n", encoding="utf-8")
    path.chmod(0o600)
    return Secret(key)


@dataclass(frozen=True)
class ServerURL:
    """A parsed ``imap://``, ``smtps://``, ``maildir://`` URL (a password in it stays secret)."""

    scheme: str
    host: str
    port: int | None
    username: str | None
    path: str
    password: Secret = Secret("")

    @classmethod
    def parse(cls, url: str) -> ServerURL:
        parts = urlsplit(url)
        if not parts.scheme:
            raise ConfigurationError(f"not a URL: {redact_url(url)!r}")
        return cls(
            scheme=parts.scheme.lower(),
            host=parts.hostname or "",
            port=parts.port,
            username=unquote(parts.username) if parts.username else None,
            path=unquote(parts.path),
            password=Secret(unquote(parts.password) if parts.password else ""),
        )


def redact_url(url: str) -> str:
    """The URL with any password replaced, for logs and errors."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return parts._replace(netloc=netloc).geturl()
