"""The summary from a seeded store, on SQLite and PostgreSQL: loader + figures + outbox row."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from assistant.app import build_app
from assistant.settings import Settings
from assistant.store import owners
from assistant.store.db import transaction, upgrade
from assistant.store.models import OutboxMessage
from assistant.summary.deliver import build_summary, queue_summary
from assistant.summary.sample import seed_sample_history
from tests.integration.helpers import TRUSTED_MTA

NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


def make_app(database_url: str, tmp_path):  # type: ignore[no-untyped-def]  # noqa: ANN001
    upgrade(database_url)
    return build_app(Settings.from_env({
        "ASSISTANT_DATABASE_URL": database_url, "ASSISTANT_VAR_DIR": str(tmp_path / "var"),
        "ASSISTANT_ADDRESS": "assistant@example.net", "ASSISTANT_SECRET_KEY": "k",
        "ASSISTANT_TRUSTED_AUTHSERV_IDS": TRUSTED_MTA}))


def add_owner(app, address: str = "sam@example.com", now: datetime = NOW) -> int:  # type: ignore[no-untyped-def]  # noqa: ANN001
    with transaction(app.sessions) as session:
        owner = owners.add_owner(session, name="Sam Rivera", addresses=[address],
                                 timezone="America/Chicago", region="US", now=now)
        return owner.id


def test_figures_from_the_seeded_history(database_url: str, tmp_path) -> None:  # noqa: ANN001
    # Given an owner with the sample history
    app = make_app(database_url, tmp_path)
    owner_id = add_owner(app)
    with transaction(app.sessions) as session:
        seed_sample_history(session, owner_id, NOW)
    # When the summary is built
    with transaction(app.sessions) as session:
        f = build_summary(session, owner_id, NOW, "assistant@example.net").figures
    app.close()
    # Then every figure matches the documented history
    assert sorted((c.name, c.source) for c in f.new_contacts) == [
        ("Ali Khan", "introductions"), ("Jane Doe", "notes")]
    assert (f.followups_sent, f.awaiting_approval, f.snoozed, f.replies) == (2, 1, 0, 1)
    assert f.reply_rate == 0.5 and f.reply_rate_basis == 2
    assert [(c.name, c.bucket) for c in f.cold] == [("Bob Stone", 60)]
    assert [p.name for p in f.promises] == ["Jane Doe"]
    assert [(i.need_name, i.offer_name) for i in f.intros] == [("Jane Doe", "Bob Stone")]
    assert (f.gives_asks.gives, f.gives_asks.resources, f.gives_asks.asks) == (1, 1, 2)
    assert [a.command for a in f.actions] == ["pending", "find Jane Doe", "find Bob Stone"]


def test_one_outbox_row_per_week_and_quiet_weeks_skipped(database_url: str,
                                                         tmp_path) -> None:  # noqa: ANN001
    # Given one busy owner and one with nothing this week
    app = make_app(database_url, tmp_path)
    busy, quiet = add_owner(app), add_owner(app, "quiet@example.com")
    with transaction(app.sessions) as session:
        seed_sample_history(session, busy, NOW)
    # When each week's summary is queued twice (a retry, a second scheduler)
    first = queue_summary(app, busy, "2026-W48", NOW)
    again = queue_summary(app, busy, "2026-W48", NOW + timedelta(minutes=5))
    skipped = queue_summary(app, quiet, "2026-W48", NOW)
    skipped_again = queue_summary(app, quiet, "2026-W48", NOW)
    # Then the busy owner has one pending email, the quiet owner a settled, unsent row
    with transaction(app.sessions) as session:
        rows = session.execute(select(OutboxMessage.idempotency_key, OutboxMessage.status,
                                      OutboxMessage.purpose)
                               .order_by(OutboxMessage.id)).all()
    app.close()
    assert first is not None and again == first
    assert skipped is None and skipped_again is None
    assert [tuple(r) for r in rows] == [(f"summary:{busy}:2026-W48", "pending", "summary"),
                                        (f"summary:{quiet}:2026-W48", "skipped", "summary")]


def test_commands_go_to_the_owners_secret_address(tmp_path) -> None:  # noqa: ANN001
    # Given an owner with a secret sub-address and a busy week
    app = make_app(f"sqlite:///{tmp_path / 'a.db'}", tmp_path)
    with transaction(app.sessions) as session:
        owner_id = owners.add_owner(session, name="Sam Rivera", addresses=["sam@example.com"],
                                    timezone="UTC", region="US", secret_tag="s3cret",
                                    now=NOW).id
        seed_sample_history(session, owner_id, NOW)
    # When the summary is queued
    outbox_id = queue_summary(app, owner_id, "2026-W48", NOW)
    with transaction(app.sessions) as session:
        raw = session.get(OutboxMessage, outbox_id).raw  # type: ignore[union-attr]
    app.close()
    # Then replies and one-tap commands go to the secret address, which the pipeline trusts
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert "assistant+s3cret@example.net" in str(message["Reply-To"])
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "mailto:assistant+s3cret@example.net?subject=pending" in html
