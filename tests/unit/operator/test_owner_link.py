"""`assistant owner link` / `unlink`: URLs stored without secrets, relay mode back on unlink."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main


def test_link_and_unlink(tmp_path: Path) -> None:
    env = {"ASSISTANT_VAR_DIR": str(tmp_path), "ASSISTANT_SECRET_KEY": "k",
           "ASSISTANT_DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}"}
    runner = CliRunner(env=env)
    assert runner.invoke(main, ["owner", "add", "Sam Rivera <sam@rivera.io>"]).exit_code == 0
    imap, smtp = ("imaps://sam%40rivera.io@imap.fastmail.com/INBOX",
                  "smtps://sam%40rivera.io@smtp.fastmail.com:465")
    # Given a password inside a URL; Then it is refused, and not echoed
    bad = runner.invoke(main, ["owner", "link", "sam@rivera.io", "--imap",
                               "imaps://sam:hunter2@imap.fastmail.com", "--smtp", smtp])
    assert bad.exit_code != 0 and "hunter2" not in bad.output
    # When linked properly; Then the secret's variable is named
    done = runner.invoke(main, ["owner", "link", "sam@rivera.io", "--imap", imap, "--smtp", smtp,
                                "--auth", "xoauth2"])
    assert done.exit_code == 0, done.output
    assert "ASSISTANT_OWNER_1_PASSWORD" in done.output and "access token" in done.output
    listed = runner.invoke(main, ["owner", "list"]).output
    assert "sends via smtps://sam%40rivera.io@smtp.fastmail.com:465" in listed
    # And unlinking goes back to relay mode
    assert "back to relay mode" in runner.invoke(main, ["owner", "unlink", "sam@rivera.io"]).output
    assert "relay mode" in runner.invoke(main, ["owner", "list"]).output
    unknown = runner.invoke(main, ["owner", "link", "nobody@x.io", "--imap", imap, "--smtp", smtp])
    assert unknown.exit_code != 0 and "no owner" in unknown.output
