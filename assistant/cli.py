"""The command line: ``assistant <command>``.

Each command builds the one Settings object at entry and passes it down; nothing below reads
the environment.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import click

from assistant.domain import OwnerIdentity
from assistant.errors import UnreadableMessageError


@click.group()
@click.version_option(package_name="networking-assistant")
@click.option("-v", "--verbose", is_flag=True, help="Log debug detail.")
def main(verbose: bool) -> None:
    """Email-driven follow-up assistant."""
    from assistant.logs import configure_logging

    configure_logging(verbose=verbose)


def _settings():  # type: ignore[no-untyped-def]
    from assistant.settings import Settings

    return Settings.from_env()


def _fail(exc: Exception) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(2)


@main.command()
def run() -> None:
    """Run everything in one process: watcher, scheduler and workers."""
    from assistant.errors import ConfigurationError
    from assistant.runtime import run_all, stop_on_signals

    try:
        run_all(_settings(), stop_on_signals())
    except ConfigurationError as exc:
        _fail(exc)


@main.command()
def watch() -> None:
    """Watch the mailbox (one watcher per mailbox holds it; needs Redis)."""
    from assistant.errors import ConfigurationError
    from assistant.runtime import run_watcher, stop_on_signals

    try:
        run_watcher(_settings(), stop_on_signals())
    except ConfigurationError as exc:
        _fail(exc)


@main.command()
def worker() -> None:
    """Run a Dramatiq worker process (needs Redis); start as many as you like."""
    from assistant.errors import ConfigurationError
    from assistant.runtime import run_worker, stop_on_signals

    try:
        run_worker(_settings(), stop_on_signals())
    except ConfigurationError as exc:
        _fail(exc)


@main.command()
def scheduler() -> None:
    """Run the scheduler: due work and recovery sweeps (leader-locked; needs Redis)."""
    from assistant.errors import ConfigurationError
    from assistant.runtime import run_scheduler, stop_on_signals

    try:
        run_scheduler(_settings(), stop_on_signals())
    except ConfigurationError as exc:
        _fail(exc)


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
def db_upgrade(revision: str) -> None:
    """Apply the migrations."""
    from assistant.settings import redact_url
    from assistant.store.db import upgrade

    settings = _settings()
    upgrade(settings.database_url, revision)
    click.echo(f"database at {redact_url(settings.database_url)} is at revision {revision}")


@main.group()
def owner() -> None:
    """Owners: the people whose notes the assistant reads."""


@owner.command("add")
@click.argument("who")
@click.option("--address", "more", multiple=True, help="Another address of the same owner.")
@click.option("--timezone", default="UTC", show_default=True, help="IANA zone (Europe/Berlin).")
@click.option("--region", default="US", show_default=True, help="Country code: phones, holidays.")
@click.option("--followup-hour", default=9, show_default=True, type=click.IntRange(0, 23))
@click.option("--language", default="en", show_default=True)
@click.option("--secret-address", "secret_tag", default=None,
              help="A secret TAG: mail to assistant+TAG@domain counts as this owner's.")
def owner_add(who: str, more: tuple[str, ...], timezone: str, region: str, followup_hour: int,
              language: str, secret_tag: str | None) -> None:
    """Register an owner: assistant owner add "Sam Rivera <sam@example.com>"."""
    from assistant.owners_cli import add_owner_command

    try:
        click.echo(add_owner_command(_settings(), who, list(more), timezone, region,
                                     followup_hour, language, secret_tag))
    except click.ClickException:
        raise
    except ValueError as exc:
        _fail(exc)


@owner.command("list")
@click.option("--json", "as_json", is_flag=True)
def owner_list(as_json: bool) -> None:
    """List the registered owners."""
    from assistant.owners_cli import list_owners_command

    click.echo(list_owners_command(_settings(), as_json))


@owner.command("link")
@click.argument("owner_address")
@click.option("--imap", "imap_url", required=True,
              help="The owner's mailbox: imaps://sam%40example.com@imap.example.com")
@click.option("--smtp", "smtp_url", required=True,
              help="Its submission server: smtps://sam%40example.com@smtp.example.com:465")
@click.option("--auth", type=click.Choice(["password", "xoauth2"]), default="password",
              show_default=True, help="xoauth2: ASSISTANT_OWNER_<id>_PASSWORD is an access token.")
@click.option("--sent-folder", default=None, help="Default: the folder flagged \\Sent.")
def owner_link(owner_address: str, imap_url: str, smtp_url: str, auth: str,
               sent_folder: str | None) -> None:
    """Send an owner's follow-ups through their own mailbox and watch it for replies."""
    from assistant.owners_cli import link_owner_command

    click.echo(link_owner_command(_settings(), owner_address, imap_url, smtp_url, auth,
                                  sent_folder))


@owner.command("unlink")
@click.argument("owner_address")
def owner_unlink(owner_address: str) -> None:
    """Back to relay mode for this owner."""
    from assistant.owners_cli import unlink_owner_command

    click.echo(unlink_owner_command(_settings(), owner_address))


@main.group()
def resource() -> None:
    """The owner's library of things worth sharing in follow-ups."""


@resource.command("add")
@click.option("--owner", "owner_address", required=True, help="The owner's address.")
@click.argument("title")
@click.argument("url")
@click.option("--tag", "tags", multiple=True, help="A tag (repeat for several).")
@click.option("--note", default="", help="One line about it.")
def resource_add(owner_address: str, title: str, url: str, tags: tuple[str, ...],
                 note: str) -> None:
    """Add TITLE at URL to an owner's library."""
    from assistant.resources_cli import add_resource_command

    click.echo(add_resource_command(_settings(), owner_address, title, url, tags, note))


@resource.command("list")
@click.option("--owner", "owner_address", required=True, help="The owner's address.")
@click.option("--json", "as_json", is_flag=True)
def resource_list(owner_address: str, as_json: bool) -> None:
    """List an owner's library."""
    from assistant.resources_cli import list_resources_command

    click.echo(list_resources_command(_settings(), owner_address, as_json))


@main.command()
@click.option("--dir", "directory", type=click.Path(file_okay=False, path_type=Path),
              default=Path("var/demo"), show_default=True, help="Where the demo keeps its files.")
def demo(directory: Path) -> None:
    """Show the whole flow on embedded defaults, with no server to install."""
    from assistant.demo import run_demo

    sys.exit(run_demo(directory))


def _owner_identity(owner: str, region: str, assistant_address: str | None) -> OwnerIdentity:
    from email.headerregistry import Address
    from email.utils import getaddresses

    pairs = [(n, a) for n, a in getaddresses([owner]) if a]
    if not pairs:
        raise click.BadParameter(f"not an address: {owner!r}", param_hint="--owner")
    name = pairs[0][0] or Address(addr_spec=pairs[0][1]).username
    addresses = tuple(a.lower() for _, a in pairs)
    extra = (assistant_address.lower(),) if assistant_address else ()
    return OwnerIdentity(name=name, addresses=addresses, region=region.upper(),
                         assistant_addresses=extra)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--owner", required=True, help='The owner, as "Name <address>".')
@click.option("--region", default="US", show_default=True, help="Region for national phones.")
@click.option("--assistant-address", default=None, help="The assistant's own address.")
@click.option("--json", "as_json", is_flag=True, help="Print the contract JSON object.")
def parse(file: Path, owner: str, region: str, assistant_address: str | None,
          as_json: bool) -> None:
    """Read one .eml file and print the contacts and context found in it."""
    from assistant.parsing import parse_message

    identity = _owner_identity(owner, region, assistant_address)
    try:
        parsed = parse_message(file.read_bytes(), identity)
    except UnreadableMessageError as exc:
        click.echo(f"error: {file}: {exc}", err=True)
        sys.exit(1)
    data = parsed.to_json()
    click.echo(json.dumps(data, ensure_ascii=False, indent=None if as_json else 2))


@main.command("draft")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--owner", required=True, help='The owner, as "Name <address>".')
@click.option("--region", default="US", show_default=True,
              help="Region for national phones and public holidays.")
@click.option("--assistant-address", default=None, help="The assistant's own address.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day the message is read (YYYY-MM-DD)  [default: today]")
@click.option("--timezone", default="UTC", show_default=True,
              help="The owner's IANA zone (America/Chicago): due times are in it.")
@click.option("--json", "as_json", is_flag=True, help="Print the contract JSON object.")
def draft(file: Path, owner: str, region: str, assistant_address: str | None,
          today: datetime | None, timezone: str, as_json: bool) -> None:
    """Print the first follow-ups the assistant would draft for the contacts of one .eml file."""
    from assistant.clock import system_clock
    from assistant.drafting.preview import preview_drafts, reading_time

    identity = _owner_identity(owner, region, assistant_address)
    try:
        read_at = reading_time(today.date() if today else None, timezone, system_clock)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--timezone") from exc
    try:
        drafts = preview_drafts(file.read_bytes(), identity, read_at=read_at, timezone=timezone)
    except UnreadableMessageError as exc:
        click.echo(f"error: {file}: {exc}", err=True)
        sys.exit(1)
    data = {"drafts": [d.to_json() for d in drafts]}
    click.echo(json.dumps(data, ensure_ascii=False, indent=None if as_json else 2))


@main.command("parse-reply")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the contract JSON object.")
def parse_reply_command(file: Path, as_json: bool) -> None:
    """Read the owner's reply to an approval request and print its intent."""
    from assistant.parsing.replies import parse_reply

    try:
        parsed = parse_reply(file.read_bytes())
    except UnreadableMessageError as exc:
        click.echo(f"error: {file}: {exc}", err=True)
        sys.exit(1)
    click.echo(json.dumps(parsed.to_json(), ensure_ascii=False, indent=None if as_json else 2))


@main.command("eval")
@click.option("--corpus", "corpus_dir", required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of public corpora, one sub-folder each with manifest.json.")
@click.option("--json-out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the table as JSON here too.")
@click.option("--enforce-floors/--no-enforce-floors", default=True, show_default=True,
              help="Exit non-zero when a pass rate is below its floor.")
def eval_command(corpus_dir: Path, json_out: Path | None, enforce_floors: bool) -> None:
    """Score the parsers on public corpora and print pass rates per corpus and kind."""
    from assistant.evaluation import run

    sys.exit(run(corpus_dir, json_out=json_out, enforce_floors=enforce_floors))


def _register_command_modules() -> None:
    """Command groups kept in their own modules register themselves on ``main``."""
    import importlib

    for name in ("assistant.operator.cli", "assistant.summary.cli"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise
            continue
        module.register(main)


_register_command_modules()

if __name__ == "__main__":  # pragma: no cover
    main()
