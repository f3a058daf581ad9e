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


def _mutated(messages: list[bytes], count: int) -> list[bytes]:
    import random

    from benchmarks import hostile_mutations as mutations

    rng = random.Random(11)
    kinds = [mutations.truncate, mutations.bad_boundary, mutations.bad_encoding,
             mutations.nul_bytes, mutations.invalid_utf8, mutations.missing_headers,
             mutations.byte_flip, mutations.duplicate_headers, mutations.header_injection,
             mutations.line_endings, mutations.splice_garbage]
    return [rng.choice(kinds)(rng.choice(messages), rng) for _ in range(count)]


def test_a_single_part_message_reads_the_same_from_its_header_block() -> None:
    # read_message takes a single-part message's view from the header block routing parsed
    # (payload: the rest of the bytes); it must equal the view of the full parse
    messages = _messages()
    single = 0
    for raw in messages + _mutated(messages, 1500):
        full = BytesParser(policy=mime.once_per_message()).parsebytes(raw)
        mime._header_block.cache_clear()
        assert mime.read_message(raw) == mime._view(full, depth=0), raw[:300]
        single += mime._content_type(full).split("/")[0] not in ("multipart", "message")
    assert single > 500


def test_short_header_fields_are_parsed_once_per_process() -> None:
    raw = b"From: Sam Rivera <sam@bench.example>\r\nTo: a@b.example\r\n\r\nbody\r\n"
    first = BytesParser(policy=mime.once_per_message()).parsebytes(raw)["From"]
    second = BytesParser(policy=mime.once_per_message()).parsebytes(raw)["From"]
    assert first is second and first.addresses[0].addr_spec == "sam@bench.example"
    long_to = "To: " + ", ".join(f"p{n}@b.example" for n in range(40))
    message = BytesParser(policy=mime.once_per_message()).parsebytes(
        long_to.encode() + b"\r\n\r\nbody\r\n")
    assert len(message["To"].addresses) == 40  # longer fields: parsed per message, as before


ODD_DATES_AND_IDS = [
    "Mon, 23 Nov 2026 08:00:00 +0000", "Mon, 23 Nov 2026 08:00:00 -0000", "23 Nov 2026 08:00 EST",
    "Tue,  1 Dec 2026 9:05:01 +0530 (IST)", "Thu, 31 Feb 2026 10:00:00 +0000", "not a date", "",
    "Mon, 23 Nov 26 08:00:00 GMT", "Mon, 23 Nov 2026 08:00:00 +0000\r\n (folded)",
    "Sat, 00 Jan 0000 00:00:00 +0000", "Mon, 23 Nov 2026 25:61:00 +0000", "1700000000",
    "<bench-0-1795420800@bench.example>", "<a.b@c>", "<a..b@c>", "<.a@c>", "<a@[127.0.0.1]>",
    "<a@b> (comment)", " <a@b>", "<a@b", "a@b", "<a b@c>", "<a@b><c@d>", "<\"q\"@b>", "<>",
    "<a@b.>", "<CAK=?x@mail>"]


def test_plain_date_and_message_id_read_as_their_header_objects_read_them() -> None:
    checked = 0
    values = [(name, value) for raw in _messages()
              for name, value in BytesParser(policy=mime.once_per_message()).parsebytes(
                  raw).raw_items() if name.lower() in ("date", "message-id")]
    values += [(name, value) for value in ODD_DATES_AND_IDS for name in ("Date", "Message-ID")]
    for name, value in values:
        quick = mime.plain_date_or_id(name, value)
        if quick is None:
            continue
        fresh = BytesParser(policy=mime.once_per_message()).parsebytes(b"\r\n")
        parsed = mime._clean(str(fresh.policy.header_fetch_parse(name, value)))
        assert mime._clean(quick) == parsed, (name, value)
        checked += 1
    assert checked > 200


def test_header_text_of_date_and_message_id_is_the_header_objects() -> None:
    from assistant.mail.headers import header_text

    for raw in _messages()[-230:]:
        message = BytesParser(policy=mime.once_per_message()).parsebytes(raw)
        for name in ("Date", "Message-ID", "message-id"):
            value = message[name]
            expected = None if value is None else " ".join(str(value).split())
            assert header_text(message, name) == expected, (name, value)
