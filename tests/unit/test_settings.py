"""Settings: the environment read once; secrets from files and never printed."""

from __future__ import annotations

import pytest

from assistant.errors import ConfigurationError
from assistant.settings import ServerURL, Settings, redact_url


def test_secrets_come_from_files_and_never_show(tmp_path):
    # Given passwords in files, as Docker and systemd hand them over
    (tmp_path / "imap").write_text("imap-pass-123\n")
    env = {"ASSISTANT_VAR_DIR": str(tmp_path), "ASSISTANT_SECRET_KEY": "k-456",
           "ASSISTANT_INBOX_PASSWORD_FILE": str(tmp_path / "imap")}
    # When the settings are built
    settings = Settings.from_env(env)
    # Then the values are there but no repr shows them
    assert settings.inbox_password.value == "imap-pass-123"
    assert "imap-pass-123" not in repr(settings) and "k-456" not in repr(settings)


def test_embedded_defaults_need_no_server(tmp_path):
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path)})
    assert settings.database_url.startswith("sqlite:///")
    assert settings.inbox_url.startswith("maildir://")
    assert settings.smtp_url.startswith("maildir://")
    assert settings.redis_url is None
    assert settings.trusts_local_mailbox
    assert Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path)}).secret_key == \
        settings.secret_key  # the generated key is kept


def test_imap_mail_must_be_authenticated_by_default(tmp_path):
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_INBOX_URL": "imaps://a%40x.net@imap.x.net/INBOX"})
    assert not settings.trusts_local_mailbox


@pytest.mark.parametrize("name,value", [("ASSISTANT_FETCH_BATCH", "many"),
                                        ("ASSISTANT_OWNER_AUTH", "whatever")])
def test_bad_values_are_named(tmp_path, name, value):
    with pytest.raises(ConfigurationError, match=name):
        Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path), name: value})


def test_urls_keep_passwords_secret():
    url = ServerURL.parse("imaps://sam%40example.com:p%40ss@imap.example.com:993/INBOX")
    assert (url.username, url.host, url.port, url.password.value) == (
        "sam@example.com", "imap.example.com", 993, "p@ss")
    assert "p%40ss" not in redact_url("imaps://sam:p%40ss@imap.example.com/INBOX")


def test_imap_idle_can_be_turned_off_for_polling() -> None:
    assert Settings.from_env({}).imap_idle is True
    for value in ("0", "false", "no"):
        assert Settings.from_env({"ASSISTANT_IMAP_IDLE": value}).imap_idle is False
