"""`assistant summary --owner ADDR --preview out.html --now ISO` writes the email to files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main
from assistant.store.db import transaction
from assistant.summary.sample import seed_sample_history
from tests.integration.test_summary_figures import add_owner, make_app

NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


def test_preview_writes_html_and_text(tmp_path: Path) -> None:
    # Given an owner with the sample history in a SQLite store
    url = f"sqlite:///{tmp_path / 'a.db'}"
    app = make_app(url, tmp_path)
    owner_id = add_owner(app, "sam@example.com")
    with transaction(app.sessions) as session:
        seed_sample_history(session, owner_id, NOW)
    app.close()
    env = {"ASSISTANT_DATABASE_URL": url, "ASSISTANT_VAR_DIR": str(tmp_path / "var"),
           "ASSISTANT_ADDRESS": "assistant@example.net"}
    out = tmp_path / "preview" / "out.html"
    # When the preview is asked for at that time, by one of the owner's addresses
    result = CliRunner().invoke(main, ["summary", "--owner", "SAM@example.com", "--preview",
                                       str(out), "--now", "2026-11-23T14:00:00Z"], env=env)
    # Then the HTML and the text alternative are written, with the history's figures
    assert result.exit_code == 0, result.output
    assert 'id="fig-rate"' in out.read_text() and ">50%<" in out.read_text()
    assert "Follow-ups sent:   2" in out.with_suffix(".txt").read_text()
    # And an unknown owner or a bad time is a one-line error
    unknown = CliRunner().invoke(main, ["summary", "--owner", "x@example.com", "--preview",
                                        str(out)], env=env)
    bad_time = CliRunner().invoke(main, ["summary", "--owner", "sam@example.com", "--preview",
                                         str(out), "--now", "yesterday"], env=env)
    assert unknown.exit_code != 0 and "no owner with the address" in unknown.output
    assert bad_time.exit_code != 0 and "not an ISO 8601 time" in bad_time.output
