"""A seeded mutator of email messages: the shapes of mail that break parsers.

Pure: bytes in, bytes out, no I/O. Each mutation is named, so a failure can be reproduced from
the run's seed and the message's number. The operators follow what real hostile or broken mail
does: truncated MIME, wrong or missing boundaries, huge and repeated headers, bad transfer
encodings and charsets, broken RFC 2047 encoded words, deep multipart and message/rfc822
nesting, NUL bytes, invalid UTF-8, missing headers, thousands of parts, very long lines,
header injection through encoded CR/LF, and addresses of the CVE-2023-27043 kind.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

Mutation = Callable[[bytes, random.Random], bytes]
HEAD_END = re.compile(rb"\r?\n\r?\n")
BOUNDARY = re.compile(rb'boundary="?([^";\r\n]*)"?', re.IGNORECASE)


@dataclass(frozen=True)
class Owner:
    """Who the mutated mail claims to come from, and the header that proves it."""

    name: str
    address: str
    assistant: str
    auth: str  # an Authentication-Results value the assistant trusts

    def headers(self, uid: str, subject: str = "notes", extra: str = "") -> bytes:
        return (f"Authentication-Results: {self.auth}\r\nFrom: {self.name} <{self.address}>\r\n"
                f"To: {self.assistant}\r\nSubject: {subject}\r\n"
                f"Message-ID: <{uid}@hostile.example>\r\n"
                f"Date: Mon, 23 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n{extra}"
                ).encode()


def split(raw: bytes) -> tuple[bytes, bytes]:
    match = HEAD_END.search(raw)
    if match is None:
        return raw, b""
    return raw[:match.start()], raw[match.end():]


def join(head: bytes, body: bytes) -> bytes:
    return head + b"\r\n\r\n" + body


def as_owner(raw: bytes, owner: Owner) -> bytes:
    """The message's own headers kept, but sent (authenticated) by the owner."""
    head, body = split(raw)
    lines = [line for line in re.split(rb"\r?\n(?![ \t])", head)
             if not re.match(rb"(?i)(from|authentication-results|to):", line)]
    prefix = (f"Authentication-Results: {owner.auth}\r\nFrom: {owner.name} <{owner.address}>"
              f"\r\nTo: {owner.assistant}").encode()
    return join(b"\r\n".join([prefix, *lines]), body)


def under_owner(raw: bytes, owner: Owner, uid: str) -> bytes:
    """The whole message, headers and all, as the body of a plain note from the owner."""
    return (owner.headers(uid, "fwd", "Content-Type: text/plain; charset=utf-8\r\n")
            + b"\r\n" + raw)


# -- operators -------------------------------------------------------------------------------

def truncate(raw: bytes, rng: random.Random) -> bytes:
    return raw[:rng.randrange(max(1, len(raw)))]


def bad_boundary(raw: bytes, rng: random.Random) -> bytes:
    found = BOUNDARY.search(raw)
    if found is None:
        return raw.replace(b"\r\n\r\n", b"\r\nContent-Type: multipart/mixed; boundary=\"q\""
                           b"\r\n\r\n--q\r\n", 1)
    boundary = found.group(1)
    choice = rng.randrange(5)
    if choice == 0:  # the header names a boundary the body never uses
        return raw[:found.start(1)] + b"nope" + raw[found.end(1):]
    if choice == 1:  # no closing delimiter
        return raw.replace(b"--" + boundary + b"--", b"")
    if choice == 2:  # an empty boundary
        return raw[:found.start(1)] + raw[found.end(1):]
    if choice == 3:  # an unterminated quoted boundary
        return raw[:found.start()] + b'boundary="' + boundary + b"\r\n" + raw[found.end():]
    return raw.replace(b"--" + boundary, b"--" + boundary[: len(boundary) // 2])


def huge_header(raw: bytes, rng: random.Random) -> bytes:
    head, body = split(raw)
    return join(head + b"\r\n" + big_header(rng.randrange(4), rng.choice((1, 5))), body)


def big_header(choice: int, scale: int) -> bytes:
    """A long Subject, many headers, a header folded thousands of times, or many recipients
    (``scale`` 1 for the mutated mix; 10 for the few pathological messages of the run)."""
    if choice == 0:
        return b"Subject: " + b"x" * (4_000 * scale)
    if choice == 1:
        return b"\r\n".join(b"X-Spam-%d: %s" % (i, b"y" * 40) for i in range(60 * scale))
    if choice == 2:
        return b"X-Folded: a" + b"\r\n b" * (400 * scale)
    return b"To: " + b", ".join(b"p%d@example.com" % i for i in range(10 * scale))


def bad_encoding(raw: bytes, rng: random.Random) -> bytes:
    head, body = split(raw)
    options = (
        b"Content-Transfer-Encoding: base64",
        b"Content-Transfer-Encoding: quoted-printable",
        b"Content-Transfer-Encoding: x-uuencode",
        b"Content-Type: text/plain; charset=\"x-klingon\"",
        b"Content-Type: text/plain; charset=utf-7",
        b"Content-Type: text/plain; charset=utf-16",
        b"Subject: =?utf-8?B?!!!not-base64?= =?x-unknown?Q?=FF=FE?= =?utf-8?q?=E2=82?=",
        b"From: =?utf-8?B?U2Ft?= =?iso-2022-jp?B?GyRCJEgbKEI?= <broken",
    )
    head = re.sub(rb"(?im)^content-(type|transfer-encoding):.*$", b"X-Was: gone", head)
    garbage = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
    return join(head + b"\r\n" + rng.choice(options), body + b"\r\n=Z=\r\n" + garbage)


def nul_bytes(raw: bytes, rng: random.Random) -> bytes:
    return _insert(raw, rng, lambda: b"\x00" * rng.randrange(1, 4), rng.randrange(1, 20))


def invalid_utf8(raw: bytes, rng: random.Random) -> bytes:
    pieces = (b"\xff", b"\xc3\x28", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80",
              b"\xc0\xaf")
    return _insert(raw, rng, lambda: rng.choice(pieces), rng.randrange(1, 30))


def missing_headers(raw: bytes, rng: random.Random) -> bytes:
    head, body = split(raw)
    choice = rng.randrange(4)
    if choice == 0:
        return body
    if choice == 1:
        return head + b"\r\n" + body  # no blank line between header and body
    name = rng.choice((b"from", b"content-type", b"mime-version", b"to", b"message-id"))
    kept = [line for line in re.split(rb"\r?\n(?![ \t])", head)
            if not line.lower().startswith(name + b":")]
    return join(b"\r\n".join(kept), body)


def long_lines(raw: bytes, rng: random.Random) -> bytes:
    word = rng.choice((b"a", b"word ", b"<jane@acme.example> ", b"https://x.example/?"))
    size = 2_000 if word == b"a" else rng.choice((2_000, 20_000))  # 'a' * n: see PATHOLOGICAL
    return raw + b"\r\n" + long_line(word, size)


def long_line(word: bytes, size: int) -> bytes:
    return word * (size // len(word))


def byte_flip(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randrange(1, 40)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def duplicate_headers(raw: bytes, rng: random.Random) -> bytes:
    head, body = split(raw)
    extra = rng.choice((b"From: Mallory <mallory@evil.example>",
                        b"Content-Type: multipart/mixed; boundary=\"other\"",
                        b"Content-Type: text/html", b"Message-ID: <dup@x>\r\nMessage-ID: <dup2@x>",
                        b"Authentication-Results: mx.test; dmarc=fail header.from=evil.example"))
    return join(head + b"\r\n" + extra, body)


def header_injection(raw: bytes, rng: random.Random) -> bytes:
    head, body = split(raw)
    extra = rng.choice((b"Subject: =?utf-8?q?hi=0D=0ABcc:_victim@evil.example?=",
                        b"Subject: hi\rBcc: victim@evil.example",
                        b"Reply-To: =?utf-8?q?a=0D=0ATo:_x@evil.example?= <a@b.example>",
                        b"From: \"sam@hostile.example\"@evil.example",
                        b"From: <sam@hostile.example>@evil.example",
                        b"From: sam@hostile.example (comment (nested) ) <x@evil.example>"))
    return join(head + b"\r\n" + extra, body)


def line_endings(raw: bytes, rng: random.Random) -> bytes:
    return raw.replace(b"\r\n", rng.choice((b"\r", b"\n\r", b"\n", b"\r\r\n")))


def splice_garbage(raw: bytes, rng: random.Random) -> bytes:
    garbage = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 2_000)))
    cut = rng.randrange(len(raw) + 1)
    return raw[:cut] + garbage + raw[cut:]


def _insert(raw: bytes, rng: random.Random, piece: Callable[[], bytes], count: int) -> bytes:
    data = raw
    for _ in range(count):
        cut = rng.randrange(len(data) + 1)
        data = data[:cut] + piece() + data[cut:]
    return data


OPERATORS: dict[str, Mutation] = {
    "truncate": truncate, "bad_boundary": bad_boundary, "huge_header": huge_header,
    "bad_encoding": bad_encoding, "nul_bytes": nul_bytes, "invalid_utf8": invalid_utf8,
    "missing_headers": missing_headers, "long_lines": long_lines, "byte_flip": byte_flip,
    "duplicate_headers": duplicate_headers, "header_injection": header_injection,
    "line_endings": line_endings, "splice_garbage": splice_garbage,
}
# Expensive operators are drawn less often so a quick run stays quick.
WEIGHTS = {"long_lines": 0.5, "huge_header": 0.5}


def mutate(raw: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One to three operators applied in turn; returns their names and the result."""
    names = rng.choices(list(OPERATORS), weights=[WEIGHTS.get(n, 1.0) for n in OPERATORS],
                        k=rng.choice((1, 1, 2, 3)))
    for name in names:
        raw = OPERATORS[name](raw, rng)
    return "+".join(names), raw
