"""``assistant doctor``: one line per check, a fix hint under each failure, exit 1 on any.

Checks: configuration, IMAP (login, IDLE, MOVE, folders), SMTP (connect, TLS, AUTH), Redis
(PING), the database (reachable, migrations at head), owners (addresses, time zones), the time
zone data and this machine's clock against the IMAP server's; per owner, the linked mailbox
(IMAP, Sent, submission login) or, in relay mode, the domain's SPF and DMARC. Nothing is
sent and nothing is changed, except folders with ``--fix`` and the clock check's probe
message, appended already deleted and expunged at once (doctor_mail.py).
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from assistant.clock import Clock, system_clock
from assistant.errors import ConfigurationError
from assistant.operator.checks import FAIL, CheckResult, fail, ok, skip, warn
from assistant.operator.doctor_mail import check_inbox, check_smtp
from assistant.operator.doctor_owner import check_owner_sending
from assistant.settings import Settings, redact_url

log = logging.getLogger(__name__)

SAMPLE_ZONES = ("UTC", "America/New_York", "Europe/Berlin", "Asia/Tokyo")


def check_redis(settings: Settings, *, timeout: float) -> list[CheckResult]:
    import redis
    from redis.exceptions import AuthenticationError, RedisError

    if not settings.redis_url:
        return [skip("redis", "Redis not configured: in-process broker, one machine "
                              "(`assistant run`)")]
    parts = urlsplit(settings.redis_url)
    where = f"{parts.hostname}:{parts.port or 6379}"
    client = redis.Redis.from_url(settings.redis_url, socket_timeout=timeout,
                                  socket_connect_timeout=timeout)
    try:
        client.ping()
    except AuthenticationError as exc:
        return [fail("redis", f"Redis at {where} refused the credentials: {exc}",
                     "fix the user/password in ASSISTANT_REDIS_URL")]
    except RedisError as exc:
        return [fail("redis", f"Redis unreachable at {where}: {exc}",
                     "start Redis (systemctl start redis-server, or docker compose up redis) "
                     "or fix ASSISTANT_REDIS_URL")]
    finally:
        client.close()
    return [ok("redis", f"Redis answers PING at {where}")]


def check_database(settings: Settings) -> tuple[list[CheckResult], Engine | None]:
    """The database checks, and an engine for the owner checks when the schema is current."""
    from assistant.store.db import current_revision, head_revision, make_engine

    shown = redact_url(settings.database_url)
    missing = _missing_sqlite_file(settings.database_url)
    if missing:
        return [fail("database", f"no database file at {missing}",
                     "run `assistant init` or `assistant db upgrade`")], None
    engine = make_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        first = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return [fail("database", f"database unreachable at {shown}: {first}",
                     "check ASSISTANT_DATABASE_URL and that the server is running")], None
    head = head_revision(settings.database_url)
    reached = ok("database", f"database reachable at {shown}")
    if current != head:
        return [reached, fail("migrations", f"database schema at {current or 'nothing'}, "
                                            f"the code expects {head}",
                              "run `assistant db upgrade`")], engine
    return [reached, ok("migrations", f"migrations at head ({head})")], engine


def _missing_sqlite_file(url: str) -> str | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return None if Path(parsed.database).exists() else parsed.database


def check_owners(engine: Engine | None, settings: Settings) -> list[CheckResult]:
    from assistant.store.db import session_factory, transaction
    from assistant.store.owners import list_owners

    if engine is None:
        return [skip("owners", "owners not checked: the database is not ready")]
    with transaction(session_factory(engine)) as session:
        profiles = list_owners(session)
    if not profiles:
        return [fail("owners", "no owner registered: the assistant would answer nobody",
                     'assistant owner add "Name <you@example.com>" --timezone Europe/Berlin '
                     "--region DE")]
    return [_owner_result(p.name, p.addresses, p.timezone, settings) for p in profiles]


def _owner_result(name: str, addresses: tuple[str, ...], timezone: str,
                  settings: Settings) -> CheckResult:
    problems = [f"{a!r} is not a valid address" for a in addresses if not _valid_address(a)]
    if settings.assistant_address in addresses:
        problems.append("the assistant's own address is registered as an owner's")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(f"unknown time zone {timezone!r}")
    if problems:
        return fail("owners", f"owner {name}: {'; '.join(problems)}",
                    "fix the owner with `assistant owner add` (a new address) or in the "
                    "database")
    return ok("owners", f"owner {name} <{', '.join(addresses)}> in {timezone}")


def _valid_address(address: str) -> bool:
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def check_clock(now: datetime | None = None) -> list[CheckResult]:
    """Time zone data loads (the IMAP server's clock is compared in doctor_mail.py)."""
    now = now or system_clock()
    broken = []
    for zone in SAMPLE_ZONES:
        try:
            now.astimezone(ZoneInfo(zone))
        except (ZoneInfoNotFoundError, ValueError):
            broken.append(zone)
    if broken:
        return [fail("clock", f"time zone data missing for {', '.join(broken)}",
                     "install tzdata (apt-get install tzdata, or pip install tzdata)")]
    return [ok("clock", f"time zone data loads; now {now:%Y-%m-%d %H:%M} UTC")]


def check_owner_auth(settings: Settings) -> list[CheckResult]:
    """How the assistant tells the owner's mail from a forged From (assistant/trust.py)."""
    mode = getattr(settings, "owner_auth", None)
    if mode is None:
        return []  # this build does not authenticate owner mail
    maildir = settings.inbox_url.startswith("maildir:")
    if mode == "local" and not maildir:
        return [warn("owner-auth", "ASSISTANT_OWNER_AUTH=local: every message in the IMAP "
                                   "mailbox counts as the owner's",
                     "only for a mailbox nobody else can write to; otherwise use auto")]
    if getattr(settings, "trusts_local_mailbox", False):
        return [ok("owner-auth", "owner mail trusted: a local mailbox")]
    ids = ", ".join(getattr(settings, "trusted_authserv_ids", ()))
    if ids:
        return [ok("owner-auth", f"owner mail proven by Authentication-Results from {ids} "
                                 "(RFC 8601), else DKIM or the owner's secret address")]
    return [warn("owner-auth", "no ASSISTANT_TRUSTED_AUTHSERV_IDS: owner mail is accepted "
                               "only with a DKIM signature or sent to the secret address",
                 "set it to your provider's authserv-id: the first word of the "
                 "Authentication-Results header of a message it delivered to you")]


def check_address(settings: Settings) -> list[CheckResult]:
    if _valid_address(settings.assistant_address) and "@localhost" not in \
            settings.assistant_address:
        return [ok("address", f"assistant address {settings.assistant_address}")]
    return [fail("address", f"assistant address {settings.assistant_address!r} is not a real "
                            "mailbox address", "set ASSISTANT_ADDRESS to the dedicated mailbox")]


def run_checks(settings: Settings, *, timeout: float = 10.0, fix: bool = False,
               clock: Clock = system_clock) -> list[CheckResult]:
    """``clock`` is this machine's clock as the assistant reads it (the app's clock)."""
    results = check_address(settings) + check_owner_auth(settings)
    results += check_inbox(settings, timeout=timeout, fix=fix, clock=clock)
    results += check_smtp(settings, timeout=timeout)
    results += check_redis(settings, timeout=timeout)
    database, engine = check_database(settings)
    results += database
    try:
        results += check_owners(engine, settings)
        results += check_owner_sending(engine, settings)
    finally:
        if engine is not None:
            engine.dispose()
    return results + check_clock(clock())


def render(results: list[CheckResult], as_json: bool) -> str:
    if as_json:
        return json.dumps({"ok": not failed(results),
                           "checks": [r.to_json() for r in results]}, ensure_ascii=False,
                          indent=2)
    lines = [r.line() for r in results]
    bad = sum(r.status == FAIL for r in results)
    lines.append(f"\n{bad} problem(s) found" if bad else "\nall checks passed")
    return "\n".join(lines)


def failed(results: list[CheckResult]) -> bool:
    return any(r.status == FAIL for r in results)


@click.command("doctor")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds per connection.")
@click.option("--fix", is_flag=True, help="Create the processed/failed folders when missing.")
def doctor_command(as_json: bool, timeout: float, fix: bool) -> None:
    """Check the mailbox, SMTP, Redis, the database and the owners; exit 1 on a problem."""
    try:
        settings = Settings.from_env()
    except ConfigurationError as exc:
        results = [fail("config", f"configuration: {exc}", "fix the variable named above")]
    else:
        results = run_checks(settings, timeout=timeout, fix=fix)
    click.echo(render(results, as_json))
    sys.exit(1 if failed(results) else 0)

