"""``assistant contacts import FILE --owner ADDR`` and ``assistant contacts export``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.orm import Session, sessionmaker

from assistant.clock import system_clock
from assistant.domain import OwnerProfile
from assistant.operator import contacts_io
from assistant.operator.contacts_store import import_records, load_contacts
from assistant.settings import Settings


@click.group("contacts")
def contacts() -> None:
    """Bring contacts in from vCard/CSV files and take them out again."""


@contextmanager
def _owner_sessions(address: str) -> Iterator[tuple[sessionmaker[Session], OwnerProfile]]:
    from assistant.store.db import make_engine, session_factory, transaction, upgrade
    from assistant.store.owners import owner_by_address

    settings = Settings.from_env()
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    try:
        sessions = session_factory(engine)
        with transaction(sessions) as session:
            owner = owner_by_address(session, address)
        if owner is None:
            raise click.BadParameter(f"no owner registered with {address!r} "
                                     "(see `assistant owner list`)", param_hint="--owner")
        yield sessions, owner
    finally:
        engine.dispose()


@contacts.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--owner", "owner_address", required=True, help="The owner's address.")
@click.option("--region", default=None,
              help="Country for national phone numbers [default: the owner's region].")
def import_command(file: Path, owner_address: str, region: str | None) -> None:
    """Import a vCard (.vcf) or CSV file (Google, Outlook, LinkedIn Connections.csv)."""
    with _owner_sessions(owner_address) as (sessions, owner):
        try:
            batch = contacts_io.read_contacts(contacts_io.decode(file.read_bytes()),
                                              filename=file.name,
                                              region=(region or owner.region).upper())
        except ValueError as exc:
            raise click.ClickException(f"{file}: {exc}") from None
        with _progress() as progress:
            task = progress.add_task(f"importing {file.name}", total=len(batch.records))
            summary = import_records(sessions, owner.id, batch, now=system_clock(),
                                     advance=lambda n: progress.advance(task, n))
    click.echo("\n".join(summary.lines()))


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=Console(stderr=True), transient=False)


@contacts.command("export")
@click.option("--owner", "owner_address", required=True, help="The owner's address.")
@click.option("--format", "fmt", type=click.Choice(["vcard", "csv"]), default="vcard",
              show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here instead of standard output.")
def export_command(owner_address: str, fmt: str, output: Path | None) -> None:
    """Export an owner's contacts as vCard 3.0 or CSV (Google Contacts' columns)."""
    from assistant.store.db import transaction

    with _owner_sessions(owner_address) as (sessions, owner):
        with transaction(sessions) as session:
            records = load_contacts(session, owner.id)
    text = (contacts_io.export_vcards if fmt == "vcard" else contacts_io.export_csv)(records)
    if output is None:
        click.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8", newline="")
    click.echo(f"{len(records)} contact(s) written to {output}", err=True)
