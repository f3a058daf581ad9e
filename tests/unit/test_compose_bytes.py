"""``compose_bytes`` writes the same email as ``build_email``, without header objects: read
back with the ``email`` package, the headers and bodies are the same, with no defect."""

from __future__ import annotations

import email
import email.policy
import random
import re
from datetime import UTC, datetime

import pytest

from assistant.mail.compose import (
    Thread,
    _compose_with_generator,
    address,
    build_email,
    compose_bytes,
)

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


_WORDS = ["Met", "Jane", "Zoë", "王伟", "Jürgen", "—", "Re:", "x" * 90, "a,b;c", '"quoted"',
          "(note)", "  ", "\t", "=?utf-8?q?x?=", "émoji 🙂", "From", ".", "=", "=41", "\u00a0",
          "line\nbreak", "cr\r\nlf", "trailing "]


def _random_text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))


def _same_bytes(**parts: object) -> None:
    composed = compose_bytes(**parts)  # type: ignore[arg-type]
    found = re.search(rb'boundary="([^"]+)"', composed.raw)
    reference = _compose_with_generator(
        **parts, message_id=composed.message_id,  # type: ignore[arg-type]
        boundary=found.group(1).decode() if found else None)
    assert composed.raw == reference


@pytest.mark.parametrize("subject", ["Re: Met Jane", "Re: 王伟", "Re: " + "long words " * 12,
                                     "Re: Treffen mit Jürgen in München — " + "sehr lang " * 8,
                                     "", "Re:  two  spaces ", "x" * 120])
@pytest.mark.parametrize("html", [None, "<p>Grüße</p>", "<p>a</p>\r\n<p>b</p>\n", ""])
@pytest.mark.parametrize("text", ["Hallo Zoë,\nGrüße " + "x" * 100 + "\n", "ascii\r\nline",
                                  "Hi\n\n-- \nSig\n", "", "From here\n.\n=\n"])
def test_compose_bytes_writes_the_generators_bytes(subject: str, html: str | None,
                                                   text: str) -> None:
    # Given an acknowledgement's parts, with non-ASCII names, long subjects and line endings
    # When it is written by hand and through the email package's generator
    # Then the bytes are the same
    _same_bytes(sender=address("Follow-up Assistant", "assistant@x.example"),
                to=[address("Zoë Ünal-Müller, Jr.", "zoe@x.example")], subject=subject,
                text=text, html=html, now=NOW, thread=Thread("<abc@x>", ("<d@x>",)),
                reply_to=address("Follow-up Assistant", "assistant+tok@x.example"))


def test_compose_bytes_writes_the_generators_bytes_for_random_parts() -> None:
    # Given random names, subjects, bodies and threads (folding, encoded words, line endings)
    rng = random.Random(20261206)
    for _ in range(600):
        refs = tuple(f"<{rng.randrange(10**12)}.{'r' * rng.randrange(60)}@x>"
                     for _ in range(rng.randrange(12)))
        thread = rng.choice([None, Thread(None), Thread(f"<{rng.randrange(10**9)}@x.example>",
                                                        refs)])
        owner = address(_random_text(rng, rng.randrange(4)), rng.choice(
            ["sam@bench.example", "o'neil+tag@example.com", "x@" + "d" * 70 + ".example"]))
        # When each is written by hand and through the generator, the bytes are the same
        _same_bytes(sender=address("Follow-up Assistant", "assistant@bench.example"),
                    to=[owner] * rng.randrange(1, 3), subject=_random_text(rng, rng.randrange(20)),
                    text=_random_text(rng, rng.randrange(80)),
                    html=rng.choice([None, _random_text(rng, rng.randrange(80))]),
                    now=datetime(2026, 1 + rng.randrange(12), 1 + rng.randrange(28),
                                 rng.randrange(24), rng.randrange(60), tzinfo=UTC),
                    thread=thread,
                    reply_to=rng.choice([None, address("Follow-up Assistant",
                                                       "assistant+tok.abc@bench.example")]))
