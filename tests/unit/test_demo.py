"""`assistant demo`: the whole loop on embedded defaults, no server."""

from __future__ import annotations

import mailbox

from click.testing import CliRunner

from assistant.cli import main


def test_the_demo_walks_the_whole_loop(tmp_path):
    # When the demo runs in a fresh folder
    result = CliRunner().invoke(main, ["demo", "--dir", str(tmp_path / "demo")])
    # Then every step happened and the emails are where it says
    assert result.exit_code == 0, result.output
    for step in ("acknowledgements emailed", "drafts emailed", "went out from",
                 "second, shorter draft", "weekly relationship summary"):
        assert step in result.output
    outbox = tmp_path / "demo" / "outbox"
    assert len(mailbox.Maildir(outbox / "jane.doe@acmerobotics.com", create=False)) == 1
    # (the notes forwarded together share one combined acknowledgement)
    assert len(mailbox.Maildir(outbox / "sam@example.com", create=False)) >= 9
