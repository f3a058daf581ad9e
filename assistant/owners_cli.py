"""`assistant owner add/list`: registering the people whose notes the assistant reads."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import getaddresses
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click
from email_validator import EmailNotValidError, validate_email
from sqlalchemy.orm import Session

from assistant.clock import Clock, system_clock
from assistant.errors import ConfigurationError
from assistant.mail.accounts import check_urls
from assistant.settings import Settings, redact_url
from assistant.store import linked, owners
from assistant.store.db import make_engine, session_factory, transaction, upgrade


def parse_owner(who: str) -> tuple[str, str]:
    pairs = [(name, addr) for name, addr in getaddresses([who]) if addr]
    if len(pairs) != 1:
        raise click.BadParameter(f'expected "Name <address>", got {who!r}')
    name, addr = pairs[0]
    return name.strip() or addr.split("@")[0], normalize_address(addr)


def normalize_address(addr: str) -> str:
    try:
        return validate_email(addr, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise click.BadParameter(f"{addr!r} is not an email address: {exc}") from None


def add_owner_command(settings: Settings, who: str, more: list[str], timezone: str,
                      region: str, followup_hour: int, language: str,
                      secret_tag: str | None = None, clock: Clock = system_clock) -> str:
    name, primary = parse_owner(who)
    if secret_tag is not None and not re.fullmatch(r"[a-z0-9][a-z0-9._-]{7,63}", secret_tag, re.I):
        raise click.BadParameter("8 to 64 letters, digits, dots, dashes or underscores",
                                 param_hint="--secret-address")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter(f"unknown time zone {timezone!r}",
                                 param_hint="--timezone") from None
    addresses = [primary] + [normalize_address(a) for a in more]
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    try:
        with transaction(session_factory(engine)) as session:
            profile = owners.add_owner(session, name=name, addresses=addresses,
                                       timezone=timezone, region=region, language=language,
                                       followup_hour=followup_hour, secret_tag=secret_tag,
                                       now=clock())
    except owners.DuplicateOwnerAddress as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        engine.dispose()
    return (f"owner {profile.id}: {profile.name} <{', '.join(profile.addresses)}> "
            f"{profile.timezone} {profile.region}, follow-ups at {profile.followup_hour:02d}:00")


def list_owners_command(settings: Settings, as_json: bool) -> str:
    with _session(settings.database_url) as session:
        rows = owners.list_owners(session)
        links = {box.owner_id: box for box in linked.all_linked(session)}
    if as_json:
        return json.dumps([{"id": o.id, "name": o.name, "addresses": list(o.addresses),
                            "timezone": o.timezone, "region": o.region,
                            "language": o.language, "followup_hour": o.followup_hour,
                            "linked": o.id in links} for o in rows], indent=2)
    if not rows:
        return "no owners yet: assistant owner add \"Name <address>\""
    return "\n".join(f"{o.id}\t{o.name}\t{', '.join(o.addresses)}\t{o.timezone}\t{o.region}"
                     f"\t{_sending(links.get(o.id))}" for o in rows)


def _sending(box: linked.LinkedMailbox | None) -> str:
    return f"sends via {redact_url(box.smtp_url)}" if box else "relay mode"


def link_owner_command(settings: Settings, owner_address: str, imap_url: str, smtp_url: str,
                       auth: str, sent_folder: str | None, clock: Clock = system_clock) -> str:
    """Link an owner's own mailbox; the URLs are stored without any password in them."""
    try:
        imap, smtp = check_urls(imap_url, smtp_url)
    except ConfigurationError as exc:
        raise click.BadParameter(str(exc)) from None
    if imap.password or smtp.password:
        raise click.BadParameter("put no password in the URLs: set ASSISTANT_OWNER_<id>_PASSWORD"
                                 " or ASSISTANT_OWNER_<id>_PASSWORD_FILE")
    with _session(settings.database_url) as session:
        profile = owners.owner_by_address(session, normalize_address(owner_address))
        if profile is None:
            raise click.ClickException(f"no owner has the address {owner_address}")
        linked.link(session, profile.id, imap_url=imap_url, smtp_url=smtp_url, auth=auth,
                    sent_folder=sent_folder, now=clock())
    secret = "an XOAUTH2 access token" if auth == "xoauth2" else "the mailbox's app password"
    return (f"owner {profile.id}: follow-ups go through {redact_url(smtp_url)} as "
            f"{profile.primary_address}; replies are watched in {redact_url(imap_url)}.\n"
            f"Set ASSISTANT_OWNER_{profile.id}_PASSWORD (or _PASSWORD_FILE) to {secret}, then "
            "run `assistant doctor`.")


def unlink_owner_command(settings: Settings, owner_address: str) -> str:
    with _session(settings.database_url) as session:
        profile = owners.owner_by_address(session, normalize_address(owner_address))
        if profile is None:
            raise click.ClickException(f"no owner has the address {owner_address}")
        done = linked.unlink(session, profile.id)
    return (f"owner {profile.id}: back to relay mode" if done
            else f"owner {profile.id} had no linked mailbox")


def link_for_init(database_url: str, owner_address: str, imap_url: str, smtp_url: str,
                  auth: str, clock: Clock = system_clock) -> int:
    """``init``'s link of the first owner's mailbox; returns the owner's id (for the secret's
    variable name)."""
    check_urls(imap_url, smtp_url)
    with _session(database_url) as session:
        profile = owners.owner_by_address(session, normalize_address(owner_address))
        if profile is None:
            raise click.ClickException(f"no owner has the address {owner_address}")
        linked.link(session, profile.id, imap_url=imap_url, smtp_url=smtp_url, auth=auth,
                    sent_folder=None, now=clock())
        return profile.id


@contextmanager
def _session(database_url: str) -> Iterator[Session]:
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as session:
            yield session
    finally:
        engine.dispose()
