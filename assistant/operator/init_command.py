"""The ``assistant init`` command: ask (or read flags and the environment), write, apply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from assistant.operator import init as setup

Check = Callable[[str], str]


@dataclass(frozen=True)
class Question:
    """One answer ``init`` needs: its flag, variable, prompt, default and validator."""

    key: str
    flag: str
    envvar: str
    prompt: str
    check: Check
    hide: bool = False
    required: bool = True
    ask: bool = True  # False: only from a flag or the environment, never prompted


QUESTIONS = (
    Question("assistant_address", "--address", "ASSISTANT_ADDRESS",
             "The assistant's own email address (a dedicated mailbox)", setup.check_address),
    Question("inbox_url", "--inbox-url", "ASSISTANT_INBOX_URL", "Inbox URL",
             setup.check_inbox_url),
    Question("inbox_password", "--inbox-password", "ASSISTANT_INBOX_PASSWORD",
             "Inbox password (an app password for Gmail, Fastmail, iCloud)", str, hide=True),
    Question("smtp_url", "--smtp-url", "ASSISTANT_SMTP_URL", "SMTP URL", setup.check_smtp_url),
    Question("smtp_password", "--smtp-password", "ASSISTANT_SMTP_PASSWORD",
             "SMTP password (Enter: the same as the inbox's)", str, hide=True, required=False),
    Question("database_url", "--database-url", "ASSISTANT_DATABASE_URL", "Database URL",
             setup.check_database_url),
    Question("redis_url", "--redis-url", "ASSISTANT_REDIS_URL",
             "Redis URL (empty: everything in one process)", setup.check_redis_url,
             required=False),
    Question("owner", "--owner", "ASSISTANT_OWNER", 'First owner, as "Name <address>"',
             setup.check_owner),
    Question("timezone", "--timezone", "ASSISTANT_OWNER_TIMEZONE",
             "The owner's time zone (IANA name)", setup.check_timezone),
    Question("region", "--region", "ASSISTANT_OWNER_REGION",
             "The owner's country code (phones, holidays)", setup.check_region),
    Question("tls_ca_file", "--tls-ca-file", "ASSISTANT_TLS_CA_FILE",
             "Extra CA bundle for IMAP/SMTP TLS (a private CA)", setup.check_ca_file,
             required=False, ask=False),
    Question("trusted_authserv_ids", "--trusted-authserv-ids", "ASSISTANT_TRUSTED_AUTHSERV_IDS",
             "Mail servers whose Authentication-Results header proves the owner's mail",
             setup.check_authserv_ids, required=False, ask=False),
    Question("owner_auth", "--owner-auth", "ASSISTANT_OWNER_AUTH",
             "How owner mail is proven: auto, required or local", setup.check_owner_auth,
             required=False, ask=False),
)


def _default(key: str, answers: dict[str, str], directory: Path) -> str | None:
    address = answers.get("assistant_address", "")
    defaults = {
        "inbox_url": setup.default_inbox_url(address) if address else None,
        "smtp_url": setup.default_smtp_url(address) if address else None,
        "smtp_password": answers.get("inbox_password", ""),
        "database_url": setup.default_database_url(directory),
        "redis_url": "",
        "timezone": "UTC",
        "region": "US",
    }
    return defaults.get(key)


def _skip(key: str, answers: dict[str, str]) -> bool:
    """Passwords are asked only for a URL that names a user (not for a Maildir)."""
    url_key = {"inbox_password": "inbox_url", "smtp_password": "smtp_url"}.get(key)
    return url_key is not None and not setup.needs_password(answers[url_key])


def ask_all(given: dict[str, str | None], directory: Path) -> setup.InitAnswers:
    answers: dict[str, str] = {}
    for question in QUESTIONS:
        value = given.get(question.key)
        if value is not None:
            answers[question.key] = question.check(value)
        elif not question.ask or _skip(question.key, answers):
            answers[question.key] = ""
        else:
            answers[question.key] = click.prompt(
                question.prompt, default=_default(question.key, answers, directory),
                hide_input=question.hide, value_proc=question.check,
                show_default=not question.hide)
        if question.key == "assistant_address":
            _provider_note(answers["assistant_address"])
    return setup.InitAnswers(**answers)


def _provider_note(address: str) -> None:
    from assistant.operator.providers import provider_for

    provider = provider_for(address)
    if provider.note:
        click.echo(f"  {provider.name}: {provider.note}")


def read_all(given: dict[str, str | None], directory: Path) -> setup.InitAnswers:
    """Non-interactive: flags or variables; missing required answers are named all at once."""
    answers: dict[str, str] = {}
    missing = []
    for question in QUESTIONS:
        value = given.get(question.key)
        if value is None and not _skip(question.key, answers):
            value = _default(question.key, answers, directory)
            if value is None and question.required:
                missing.append(f"{question.flag} (or {question.envvar})")
                continue
        try:
            answers[question.key] = question.check(value or "") if value else ""
        except click.BadParameter as exc:
            raise click.BadParameter(exc.message, param_hint=question.flag) from None
    if missing:
        raise click.UsageError("--non-interactive: missing " + ", ".join(missing))
    return setup.InitAnswers(**answers)


def _options(command: Callable[..., None]) -> Callable[..., None]:
    for question in reversed(QUESTIONS):
        command = click.option(question.flag, question.key, envvar=question.envvar,
                               default=None, help=f"{question.prompt} [${question.envvar}]",
                               show_envvar=False)(command)
    return command


@click.command("init")
@click.option("--env-file", type=click.Path(dir_okay=False, path_type=Path),
              default=Path(".env"), show_default=True, help="Where to write the settings.")
@click.option("--force", is_flag=True, help="Overwrite an existing env file.")
@click.option("--non-interactive", is_flag=True,
              help="Ask nothing: take flags and ASSISTANT_* variables, fail on what is missing.")
@_options
def init_command(env_file: Path, force: bool, non_interactive: bool, **given: str | None) -> None:
    """Set up: settings into .env (mode 0600), database migrations, the first owner."""
    if env_file.exists() and not force:
        raise click.ClickException(f"{env_file} exists: pass --force to overwrite it")
    directory = env_file.resolve().parent
    answers = (read_all if non_interactive else ask_all)(given, directory)
    secret_key = setup.new_secret_key()
    setup.write_env(env_file, setup.render_env(answers, secret_key), force=force)
    click.echo(f"✓ wrote {env_file} (mode 0600) with a new ASSISTANT_SECRET_KEY")
    owner_line = setup.apply(answers)
    click.echo(f"✓ database migrated: {_redacted(answers.database_url)}")
    click.echo(f"✓ {owner_line}")
    if not non_interactive:
        linked = _offer_link(answers, env_file)
        if linked:
            click.echo(f"✓ {linked}")
    click.echo("\nNext:\n  set -a; . ./" + env_file.name + "; set +a\n"
               "  assistant doctor\n  assistant run")


def _offer_link(answers: setup.InitAnswers, env_file: Path) -> str | None:
    """Optionally link the owner's own mailbox: follow-ups leave from it, replies are seen.
    No answer (end of input) is a no: relay mode stays."""
    try:
        if not click.confirm("Link the owner's own mailbox (follow-ups leave from it, with a "
                             "copy in Sent; replies there are seen)?", default=False):
            return None
    except click.Abort:
        return None
    from assistant.owners_cli import link_for_init

    _, address = setup.parse_owner(answers.owner)
    imap_url = click.prompt("The owner's IMAP URL", default=setup.default_inbox_url(address),
                            value_proc=setup.check_inbox_url)
    smtp_url = click.prompt("The owner's SMTP submission URL",
                            default=setup.default_smtp_url(address),
                            value_proc=setup.check_smtp_url)
    auth = click.prompt("Login", type=click.Choice(["password", "xoauth2"]), default="password")
    secret = click.prompt("The owner's app password (xoauth2: an access token)",
                          hide_input=True)
    owner_id = link_for_init(answers.database_url, address, imap_url, smtp_url, auth)
    with env_file.open("a", encoding="utf-8") as handle:
        handle.write(f"ASSISTANT_OWNER_{owner_id}_PASSWORD={setup.env_quote(secret)}\n")
    return (f"owner {owner_id}'s mailbox linked; its secret is ASSISTANT_OWNER_{owner_id}"
            f"_PASSWORD in {env_file.name}")


def _redacted(url: str) -> str:
    from assistant.settings import redact_url

    return redact_url(url)
