"""The command line: ``assistant <command>``.

Each command builds the one Settings object at entry and passes it down; nothing below reads
the environment.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from assistant.domain import OwnerIdentity
from assistant.errors import UnreadableMessageError


@click.group()
@click.version_option(package_name="networking-assistant")
def main() -> None:
    """Email-driven follow-up assistant."""


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


if __name__ == "__main__":  # pragma: no cover
    main()
