"""`assistant resource add/list`: the owner's library of things worth sharing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import click
from sqlalchemy.orm import Session

from assistant.clock import system_clock
from assistant.settings import Settings
from assistant.store import followups, owners
from assistant.store.db import make_engine, session_factory, transaction, upgrade


def add_resource_command(settings: Settings, owner_address: str, title: str, url: str,
                         tags: tuple[str, ...], note: str) -> str:
    if not url.lower().startswith(("http://", "https://")):
        raise click.BadParameter(f"{url!r} is not a web link (http:// or https://)",
                                 param_hint="URL")
    clean_tags = tuple(t.lstrip("#").lower() for t in tags if t.strip("#"))
    with _session(settings) as session:
        owner = _owner(session, owner_address)
        added = followups.add_resource(session, owner_id=owner.id, title=title.strip(),
                                       url=url.strip(), tags=clean_tags, note=note.strip(),
                                       now=system_clock())
    return f"{'added' if added else 'already in the library'}: {title} {url}"


def list_resources_command(settings: Settings, owner_address: str, as_json: bool) -> str:
    with _session(settings) as session:
        owner = _owner(session, owner_address)
        rows = [{"title": r.title, "url": r.url, "tags": r.tags.split(), "note": r.note}
                for r in followups.list_resources(session, owner.id)]
    if as_json:
        return json.dumps(rows, indent=2, ensure_ascii=False)
    if not rows:
        return "no resources yet: assistant resource add --owner ADDR TITLE URL --tag TAG"
    return "\n".join(f"{r['title']}\t{r['url']}\t{' '.join('#' + t for t in r['tags'])}"
                     for r in rows)


def _owner(session, address: str):  # type: ignore[no-untyped-def]
    owner = owners.owner_by_address(session, address)
    if owner is None:
        raise click.ClickException(f"no owner is registered with {address}")
    return owner


@contextmanager
def _session(settings: Settings) -> Iterator[Session]:
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    try:
        with transaction(session_factory(engine)) as session:
            yield session
    finally:
        engine.dispose()
