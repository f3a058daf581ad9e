"""Whole hostile messages built from scratch, and the good owner mail mutations start from.

Pure: returns bytes. Shapes: deep multipart and message/rfc822 nesting, 10,000-part messages,
an HTML body with 50,000 links, a message over the 25 MB size limit, an empty message, and a
header block with no body. Bases: a plain note, a forward with an HTML alternative, and a note
with a vCard attachment, all from the owner.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from benchmarks.hostile_mutations import Owner, big_header, long_line

Shape = Callable[[Owner, str, random.Random], bytes]


def note(owner: Owner, uid: str, person: str, email: str) -> bytes:
    body = f"Met {person} <{email}>, Head of Partnerships at Kestrel Bio.\r\n"
    return owner.headers(uid, f"Met {person.split()[0]}",
                         "Content-Type: text/plain; charset=utf-8\r\n") + b"\r\n" + body.encode()


def forward(owner: Owner, uid: str, rng: random.Random) -> bytes:
    boundary = f"alt{rng.getrandbits(32):x}"
    text = ("FYI, great chat.\r\n\r\n---------- Forwarded message ---------\r\n"
            "From: Ana Lima <ana.lima@orbit.example>\r\nDate: Sun, 22 Nov 2026\r\n"
            "Subject: Intro\r\n\r\nHi Sam, happy to help with hiring.\r\nAna Lima\r\n"
            "COO, Orbit Labs\r\n+1 415 555 0100\r\n")
    html = "<p>" + text.replace("\r\n", "<br>") + "</p>"
    return owner.headers(uid, "Fwd: Intro",
                         f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n') + (
        f"\r\n--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n"
        f"--{boundary}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n"
        f"--{boundary}--\r\n").encode()


def vcard(owner: Owner, uid: str, rng: random.Random) -> bytes:
    boundary = f"mix{rng.getrandbits(32):x}"
    card = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Omar Haddad\r\nN:Haddad;Omar;;;\r\n"
            "EMAIL:omar@dune.example\r\nORG:Dune Analytics\r\nEND:VCARD\r\n")
    return owner.headers(uid, "card", f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n'
                         ) + (
        f"\r\n--{boundary}\r\nContent-Type: text/plain\r\n\r\nMet him at the expo.\r\n"
        f"--{boundary}\r\nContent-Type: text/vcard; name=omar.vcf\r\n"
        f"Content-Disposition: attachment; filename=omar.vcf\r\n\r\n{card}\r\n"
        f"--{boundary}--\r\n").encode()


def deep_multipart(owner: Owner, uid: str, rng: random.Random) -> bytes:
    depth = rng.choice((20, 200, 2_000))
    opening = "".join(f"--b{i}\r\nContent-Type: multipart/mixed; boundary=\"b{i + 1}\"\r\n\r\n"
                      for i in range(depth))
    closing = "".join(f"\r\n--b{i}--" for i in reversed(range(depth + 1)))
    body = f"{opening}--b{depth}\r\nContent-Type: text/plain\r\n\r\nMet Zoe Park.{closing}\r\n"
    return owner.headers(uid, "deep", 'Content-Type: multipart/mixed; boundary="b0"\r\n'
                         ) + b"\r\n" + body.encode()


def deep_rfc822(owner: Owner, uid: str, rng: random.Random) -> bytes:
    inner = b"From: Zoe Park <zoe@park.example>\r\nSubject: hi\r\n\r\nHello.\r\n"
    for _ in range(rng.choice((15, 150, 1_000))):
        inner = (b"Content-Type: message/rfc822\r\nFrom: a@b.example\r\n\r\n" + inner)
    return owner.headers(uid, "Fwd: nested", "Content-Type: message/rfc822\r\n"
                         ) + b"\r\n" + inner


def many_parts(owner: Owner, uid: str, rng: random.Random) -> bytes:
    count = 10_000
    parts = "".join(f"--p\r\nContent-Type: text/plain\r\n\r\npart {i} <x{i}@y.example>\r\n"
                    for i in range(count))
    return owner.headers(uid, "parts", 'Content-Type: multipart/mixed; boundary="p"\r\n'
                         ) + b"\r\n" + (parts + "--p--\r\n").encode()


def link_bomb(owner: Owner, uid: str, rng: random.Random) -> bytes:
    links = "".join(f'<a href="https://t{i}.example/{i}">l{i}</a> ' for i in range(50_000))
    return owner.headers(uid, "links", "Content-Type: text/html; charset=utf-8\r\n"
                         ) + b"\r\n" + f"<html><body>{links}</body></html>".encode()


def oversized(owner: Owner, uid: str, rng: random.Random) -> bytes:
    return owner.headers(uid, "big", "Content-Type: text/plain\r\n") + b"\r\n" + (
        b"Met Ivy Chen <ivy@chen.example>.\r\n" + b"z" * (26 * 1024 * 1024))


def empty(owner: Owner, uid: str, rng: random.Random) -> bytes:
    return rng.choice((b"", b"\r\n", b"\x00", owner.headers(uid)))


def _with_header(header: bytes) -> Shape:
    def build(owner: Owner, uid: str, rng: random.Random) -> bytes:
        raw = note(owner, uid, "Zoe Park", "zoe@park.example")
        head, _, body = raw.partition(b"\r\n\r\n")
        return head + b"\r\n" + header + b"\r\n\r\n" + body
    return build


def _with_line(word: bytes, size: int) -> Shape:
    def build(owner: Owner, uid: str, rng: random.Random) -> bytes:
        return note(owner, uid, "Zoe Park", "zoe@park.example") + long_line(word, size)
    return build


# Few but extreme: each once per run, on top of the mutated messages.
PATHOLOGICAL: dict[str, Shape] = {
    "subject_200k": _with_header(big_header(0, 50)),
    "headers_3000": _with_header(big_header(1, 50)),
    "folded_20000": _with_header(big_header(2, 50)),
    "recipients_5000": _with_header(big_header(3, 500)),
    "line_100k_letters": _with_line(b"a", 100_000),
    "line_1m_words": _with_line(b"word ", 1_000_000),
}

SHAPES: dict[str, Shape] = {
    "deep_multipart": deep_multipart, "deep_rfc822": deep_rfc822, "many_parts": many_parts,
    "link_bomb": link_bomb, "empty": empty,
}
BASES = (forward, vcard)
