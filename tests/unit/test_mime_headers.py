"""The decoded view reads plain ASCII unstructured headers without the email package's header
objects: the text is the same as policy.default's for every such header of the project's own
corpus (the held-out split left out) and of the benchmark's notes, and for odd shapes."""

from __future__ import annotations

from email.parser import BytesParser
from pathlib import Path

from assistant.parsing import mime
from benchmarks.notes_gen import Addresses, generate_notes

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ODD = [b"X-A: plain  two  spaces\r\n\tfolded line\r\n", b"X-B: \r\n", b"X-C:    lead\r\n",
       b"X-D: tab\there\r\n", b'X-E: a (comment) "q" <x>\r\n', b"X-G: trailing  \r\n",
       b"Received: from a (b [1.2.3.4])\r\n by c; Mon, 1 Jan 2024 10:00:00 +0000\r\n",
       b"X-I: a\\b\r\n", b"Subject: Re:  Fwd:\r\n  folded  subject\r\n", b"Thread-Topic: x\n y\r\n",
       b"X-F: =?utf-8?q?x?=\r\n", b"X-H: \x01ctl\r\n", b"Subject: caf\xc3\xa9\r\n"]


def _messages() -> list[bytes]:
    files = [p for p in sorted(CORPUS.rglob("*.eml")) if "heldout" not in p.parts]
    notes = generate_notes(200, Addresses("sam@bench.example", "Sam Rivera",
                                          "assistant@bench.example", "mx.bench"))
    return ([p.read_bytes() for p in files] + notes
            + [odd + b"From: a@b.example\r\n\r\nbody\r\n" for odd in ODD])


def test_plain_unstructured_headers_read_as_policy_default_reads_them() -> None:
    checked = 0
    for raw in _messages():
        message = BytesParser(policy=mime.once_per_message()).parsebytes(raw)
        for name, value in message.raw_items():
            if not mime._plain_unstructured(name, value):
                continue
            # Given a plain unstructured header, its text read directly is the parsed one's
            parsed = mime._clean(str(message.policy.header_fetch_parse(name, value)))
            assert mime._header_text(message, name, value) == parsed, (name, value)
            checked += 1
    assert checked > 1000
