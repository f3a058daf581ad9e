"""The parser: raw message bytes to a ParsedMessage (kind, the owner's note, contacts).

Pure: no I/O. ``parse_message`` is the one entry point the rest of the product calls.
"""

from __future__ import annotations

import logging

from assistant.domain import MessageKind, OwnerIdentity, ParsedMessage
from assistant.errors import UnreadableMessageError
from assistant.parsing.mime import MessageView, looks_like_message, read_message

log = logging.getLogger(__name__)

__all__ = ["parse_message", "UnreadableMessageError"]

UNREADABLE_REASON = "The message could not be read: its structure is too damaged."


def parse_message(raw: bytes, owner: OwnerIdentity,
                  view: MessageView | None = None) -> ParsedMessage:
    """Read one message for ``owner``.

    Never raises for anything that is an email message, however broken (kind ``unknown`` with a
    plain-words ``reason``); raises UnreadableMessageError only when the bytes are not a message.
    ``view`` is ``read_message(raw)`` when the caller has already decoded it.
    """
    from assistant.parsing.message import parse_view

    if not looks_like_message(raw):
        raise UnreadableMessageError("not an email message (no header lines)")
    try:
        return parse_view(view if view is not None else read_message(raw), owner)
    except RecursionError:
        log.warning("message nested too deeply to read")
    except Exception:  # noqa: BLE001 - the contract: a readable message never crashes parse
        log.exception("parser failed on a message; reported as unknown")
    return ParsedMessage(kind=MessageKind.UNKNOWN, reason=UNREADABLE_REASON)
