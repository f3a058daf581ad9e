"""Property tests: mutated and random bytes never crash parse_message.

Either a ParsedMessage comes back (kind ``unknown`` with a reason when nothing is readable), or
UnreadableMessageError when the bytes are not a message at all.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.domain import MessageKind, OwnerIdentity, ParsedMessage
from assistant.errors import UnreadableMessageError
from assistant.parsing import parse_message

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "notes"
SEEDS = [path.read_bytes() for path in sorted(CORPUS.glob("*.eml"))]
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


def check(raw: bytes) -> None:
    try:
        parsed = parse_message(raw, OWNER)
    except UnreadableMessageError:
        return
    assert isinstance(parsed, ParsedMessage)
    if parsed.kind == MessageKind.UNKNOWN and not parsed.contacts:
        assert parsed.reason
    json.dumps(parsed.to_json(), ensure_ascii=False).encode("utf-8")  # printable as the CLI does
    for contact in parsed.contacts:
        assert not any(OWNER.is_owner_address(e) or OWNER.is_assistant_address(e)
                       for e in contact.emails)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A corpus message with bytes flipped, cut, duplicated or spliced in."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, max(0, len(data) - 1)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "dup"]))
        if action == "flip" and data:
            data[position] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[position:position + draw(st.integers(1, 200))]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=40))
        else:
            data[position:position] = data[position:position + draw(st.integers(1, 300))]
    return bytes(data)


@SETTINGS
@given(mutated())
def test_mutated_messages_never_crash(raw: bytes) -> None:
    check(raw)


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(raw: bytes) -> None:
    check(raw)


@SETTINGS
@given(st.text(max_size=500))
def test_random_text_after_headers_never_crashes(body: str) -> None:
    head = b"From: Jane <jane@acme.com>\r\nSubject: x\r\n\r\n"
    check(head + body.encode("utf-8", "surrogatepass"))
