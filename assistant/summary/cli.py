"""`assistant summary --owner ADDR --preview out.html [--now ISO]`: the summary, to a file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from assistant.clock import system_clock


def register(main: click.Group) -> None:
    main.add_command(summary_command)


def _parse_now(value: str | None) -> datetime:
    if not value:
        return system_clock()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not an ISO 8601 time: {value!r}", param_hint="--now") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@click.command("summary")
@click.option("--owner", "owner_address", required=True, help="One of the owner's addresses.")
@click.option("--preview", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Write the HTML here (the plain text goes beside it as .txt).")
@click.option("--now", "now_text", default=None, help="Pretend it is this time (ISO 8601).")
def summary_command(owner_address: str, preview: Path, now_text: str | None) -> None:
    """Render an owner's weekly summary to a file, without sending anything."""
    from assistant.settings import Settings
    from assistant.store import owners
    from assistant.store.db import make_engine, session_factory, transaction, upgrade
    from assistant.summary.deliver import build_summary

    settings = Settings.from_env()
    now = _parse_now(now_text)
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    try:
        with transaction(session_factory(engine)) as session:
            owner = owners.owner_by_address(session, owner_address)
            if owner is None:
                raise click.ClickException(f"no owner with the address {owner_address}")
            built = build_summary(session, owner.id, now, settings.assistant_address)
    finally:
        engine.dispose()
    preview.parent.mkdir(parents=True, exist_ok=True)
    preview.write_text(built.email.html, encoding="utf-8")
    preview.with_suffix(".txt").write_text(built.email.text, encoding="utf-8")
    click.echo(f"{built.email.subject}: written to {preview} and {preview.with_suffix('.txt')}")
