"""A follow-up as the owner's own message (pure)."""

from __future__ import annotations


def as_owner(raw: bytes) -> bytes:
    """The stored follow-up without its Sender header: sent through the owner's own server,
    the owner is both author and sender (RFC 5322 3.6.2), so nothing says "on behalf of".
    Only the header block is touched; the same bytes come out on every attempt."""
    crlf = raw.find(b"\r\n\r\n")
    lf = raw.find(b"\n\n")
    end = crlf if crlf != -1 and (lf == -1 or crlf < lf) else lf
    if end == -1:
        return raw
    head, rest = raw[:end], raw[end:]
    kept: list[bytes] = []
    dropping = False
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):  # a folded continuation belongs to the line above
            if not dropping:
                kept.append(line)
            continue
        dropping = line.lower().startswith(b"sender:")
        if not dropping:
            kept.append(line)
    return b"".join(kept).rstrip(b"\r\n") + rest
