"""``compose_bytes`` writes the same email as ``build_email``, without header objects: read
back with the ``email`` package, the headers and bodies are the same, with no defect."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime

import pytest

from assistant.mail.compose import Thread, address, build_email, compose_bytes

NOW = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)
HEADERS = ("From", "To", "Subject", "Reply-To", "In-Reply-To", "References", "Date",
           "Auto-Submitted", "X-Auto-Response-Suppress", "MIME-Version")


@pytest.mark.parametrize("subject", ["Re: Met Jane", "Re: 王伟", "Re: " + "long words " * 12,
                                     "Re: Treffen mit Jürgen in München — " + "sehr lang " * 8])
@pytest.mark.parametrize("html", [None, "<p>Grüße</p>", "<p>a</p>\r\n<p>b</p>\n"])
@pytest.mark.parametrize("text", ["Hallo Zoë,\nGrüße " + "x" * 100 + "\n", "ascii\r\nline",
                                  "Hi\n\n-- \nSig\n"])
def test_compose_bytes_reads_back_as_build_email(subject: str, html: str | None,
                                                 text: str) -> None:
    # Given an acknowledgement's parts, with non-ASCII names, long subjects and line endings
    parts = dict(sender=address("Follow-up Assistant", "assistant@x.example"),
                 to=[address("Zoë Ünal-Müller, Jr.", "zoe@x.example")], subject=subject,
                 text=text, html=html, now=NOW, thread=Thread("<abc@x>", ("<d@x>",)),
                 reply_to=address("Follow-up Assistant", "assistant+tok@x.example"))
    # When both builders write it
    composed = compose_bytes(**parts)  # type: ignore[arg-type]
    fast = email.message_from_bytes(composed.raw, policy=email.policy.default)
    slow = build_email(**parts)  # type: ignore[arg-type]
    # Then the headers and bodies read back the same, with no defect
    assert fast["Message-ID"] == composed.message_id
    assert all(str(fast[h]) == str(slow[h]) for h in HEADERS)
    for kind in ("plain", "html") if html else ("plain",):
        assert fast.get_body((kind,)).get_content() == slow.get_body((kind,)).get_content()
    assert all(not part.defects for part in fast.walk())
