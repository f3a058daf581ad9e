"""``assistant init``: the answers, their validation, the ``.env`` text, and applying them.

Validators raise ``click.BadParameter`` so that an interactive prompt shows the message and
asks again, and a non-interactive run stops with it. ``render_env`` is pure; ``write_env``
and ``apply`` are the only steps that touch the disk and the database.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click
import phonenumbers

from assistant.operator.providers import provider_for
from assistant.owners_cli import normalize_address, parse_owner
from assistant.settings import ServerURL

INBOX_SCHEMES = ("imaps", "imap", "maildir")
SMTP_SCHEMES = ("smtps", "smtp+starttls", "smtp", "maildir")
DATABASE_PREFIXES = ("sqlite:///", "postgresql+psycopg://", "postgresql://")
# Characters a shell, systemd's EnvironmentFile= and Compose's env_file all read literally.
_BARE = re.compile(r"[A-Za-z0-9_./:@%+=,-]*")


@dataclass(frozen=True)
class InitAnswers:
    """Everything ``init`` asks for; passwords are plain here and only ever go to ``.env``."""

    database_url: str
    inbox_url: str
    smtp_url: str
    assistant_address: str
    owner: str
    timezone: str
    region: str
    inbox_password: str = ""
    smtp_password: str = ""
    redis_url: str = ""
    tls_ca_file: str = ""
    trusted_authserv_ids: str = ""
    owner_auth: str = ""


# -- validation (each returns the normalized value or raises click.BadParameter) ------------


def check_database_url(value: str) -> str:
    value = value.strip()
    if not value.startswith(DATABASE_PREFIXES):
        raise click.BadParameter("use sqlite:////absolute/path.db or "
                                 "postgresql+psycopg://user@host/dbname")
    if value.startswith("postgresql://"):
        value = "postgresql+psycopg://" + value.removeprefix("postgresql://")
    return value


def check_inbox_url(value: str) -> str:
    return _check_server_url(value.strip(), INBOX_SCHEMES,
                             "imaps://user%40example.com@imap.example.com/INBOX")


def check_smtp_url(value: str) -> str:
    return _check_server_url(value.strip(), SMTP_SCHEMES,
                             "smtps://user%40example.com@smtp.example.com:465")


def _check_server_url(value: str, schemes: tuple[str, ...], example: str) -> str:
    try:
        url = ServerURL.parse(value)
    except Exception as exc:  # noqa: BLE001 - any parse failure is the same answer to the user
        raise click.BadParameter(f"not a URL ({exc}); example: {example}") from None
    if url.scheme not in schemes:
        raise click.BadParameter(f"scheme {url.scheme!r} not supported: use one of "
                                 f"{', '.join(s + '://' for s in schemes)}; example: {example}")
    if url.scheme == "maildir":
        return value
    if not url.host:
        raise click.BadParameter(f"a host is needed; example: {example}")
    if url.password:
        raise click.BadParameter("keep the password out of the URL: it is asked separately")
    return value


def check_address(value: str) -> str:
    return normalize_address(value.strip())


def check_owner(value: str) -> str:
    name, address = parse_owner(value.strip())
    return f"{name} <{address}>"


def check_timezone(value: str) -> str:
    value = value.strip()
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter(f"unknown time zone {value!r}: use an IANA name such as "
                                 "Europe/Berlin or America/Chicago") from None
    return value


def check_region(value: str) -> str:
    value = value.strip().upper()
    if value not in phonenumbers.SUPPORTED_REGIONS:
        raise click.BadParameter(f"unknown region {value!r}: use a two-letter country code "
                                 "(US, GB, DE)")
    return value


def check_redis_url(value: str) -> str:
    value = value.strip()
    if value and not value.startswith(("redis://", "rediss://", "unix://")):
        raise click.BadParameter("use redis://host:6379/0 (or leave empty for one machine)")
    return value


def check_ca_file(value: str) -> str:
    path = Path(value.strip()).expanduser()
    if not path.is_file():
        raise click.BadParameter(f"no CA file at {path}")
    return str(path.resolve())


def check_authserv_ids(value: str) -> str:
    """RFC 8601 2.2: an authserv-id is a host-like token, the first word of the header."""
    ids = [part.strip().lower() for part in value.split(",") if part.strip()]
    bad = [i for i in ids if not re.fullmatch(r"[a-z0-9][a-z0-9.-]*", i)]
    if bad:
        raise click.BadParameter(f"not an authserv-id: {', '.join(bad)} (example: "
                                 "mx.google.com)")
    return ",".join(ids)


def check_owner_auth(value: str) -> str:
    value = value.strip().lower()
    if value not in ("auto", "required", "local"):
        raise click.BadParameter("use auto, required or local")
    return value


# -- defaults -------------------------------------------------------------------------------


def default_database_url(directory: Path) -> str:
    return f"sqlite:///{(directory / 'var' / 'assistant.db').resolve()}"


def default_inbox_url(address: str) -> str:
    host = provider_for(address).imap_host
    return f"imaps://{quote(address, safe='')}@{host}/INBOX"


def default_smtp_url(address: str) -> str:
    provider = provider_for(address)
    scheme = "smtps" if provider.smtp_port == 465 else "smtp+starttls"
    return f"{scheme}://{quote(address, safe='')}@{provider.smtp_host}:{provider.smtp_port}"


def needs_password(url: str) -> bool:
    return not url.startswith("maildir:") and ServerURL.parse(url).username is not None


# -- the .env file --------------------------------------------------------------------------


def new_secret_key() -> str:
    return secrets.token_urlsafe(32)


def env_quote(value: str) -> str:
    """A value every reader of the file takes literally: POSIX sh, systemd, Compose."""
    if _BARE.fullmatch(value):
        return value
    if "'" not in value:
        return f"'{value}'"
    escaped = re.sub(r'([\\"$`])', r"\\\1", value)
    return f'"{escaped}"'


def render_env(answers: InitAnswers, secret_key: str) -> str:
    """The ``.env`` text: only variables that ``Settings.from_env`` reads."""
    pairs = [
        ("ASSISTANT_DATABASE_URL", answers.database_url),
        ("ASSISTANT_INBOX_URL", answers.inbox_url),
        ("ASSISTANT_INBOX_PASSWORD", answers.inbox_password),
        ("ASSISTANT_SMTP_URL", answers.smtp_url),
        ("ASSISTANT_SMTP_PASSWORD", answers.smtp_password),
        ("ASSISTANT_ADDRESS", answers.assistant_address),
        ("ASSISTANT_SECRET_KEY", secret_key),
        ("ASSISTANT_REDIS_URL", answers.redis_url),
        ("ASSISTANT_TLS_CA_FILE", answers.tls_ca_file),
        ("ASSISTANT_TRUSTED_AUTHSERV_IDS", answers.trusted_authserv_ids),
        ("ASSISTANT_OWNER_AUTH", answers.owner_auth),
    ]
    lines = ["# Written by `assistant init`. Load it with: set -a; . ./.env; set +a",
             "# (systemd: EnvironmentFile=; Docker Compose: env_file:). Keep it private."]
    lines += [f"{name}={env_quote(value)}" for name, value in pairs if value]
    return "\n".join(lines) + "\n"


def write_env(path: Path, text: str, *, force: bool) -> None:
    """Write ``text`` readable by its owner only (0600) from the first byte on."""
    if path.exists() and not force:
        raise click.ClickException(f"{path} exists: pass --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    path.chmod(0o600)  # O_CREAT's mode does not apply to a file that already existed


def apply(answers: InitAnswers) -> str:
    """Migrate the database and register the owner; returns a line for the summary."""
    from assistant.clock import system_clock
    from assistant.store import owners
    from assistant.store.db import make_engine, session_factory, transaction, upgrade

    upgrade(answers.database_url)
    name, address = parse_owner(answers.owner)
    engine = make_engine(answers.database_url)
    try:
        with transaction(session_factory(engine)) as session:
            profile = owners.add_owner(session, name=name, addresses=[address],
                                       timezone=answers.timezone, region=answers.region,
                                       now=system_clock())
    except owners.DuplicateOwnerAddress:
        return f"owner {address} was already registered: kept as it is"
    finally:
        engine.dispose()
    return f"owner {profile.id} registered: {profile.name} <{address}> ({profile.timezone})"
