"""The product functions the evaluation scores, composed the way the pipeline uses them.

The owner's note is ``trim_reply`` then ``split_signature``: that is what reply parsers call the
"visible text". Message files go through the product's own MIME reader.
"""

from __future__ import annotations

from assistant.parsing.forwards import Forward, unwrap_forward
from assistant.parsing.quotes import trim_reply
from assistant.parsing.signatures import split_signature

__all__ = ["Forward", "html_text", "message_text", "signature", "trimmed", "unwrap_forward",
           "visible"]


def trimmed(text: str) -> str:
    """The new text of a reply: quoted history removed, signature kept."""
    return trim_reply(text)


def visible(text: str, sender: str | None = None) -> str:
    """The new text without quoted history and without the signature."""
    return split_signature(trim_reply(text), sender)[0].rstrip()


def signature(text: str, sender: str | None = None) -> str | None:
    """The signature block of the new text, or None."""
    return split_signature(trim_reply(text), sender)[1]


def message_text(raw: bytes, *, prefer_html: bool = False) -> str:
    """The readable body of a MIME message, through the product's MIME reader."""
    from assistant.parsing.mime import read_message

    view = read_message(raw)
    if prefer_html:
        html = _html_part(raw)
        if html is not None:
            return html_text(html)
    return view.text


def html_text(html: str) -> str:
    """HTML to plain text, through the product's HTML reader."""
    from assistant.parsing.mime import html_to_text

    return html_to_text(html)


def _html_part(raw: bytes) -> str | None:
    from email import policy
    from email.parser import BytesParser

    message = BytesParser(policy=policy.default).parsebytes(raw)
    part = message.get_body(preferencelist=("html",))
    if part is None:
        return None
    try:
        return str(part.get_content())
    except (LookupError, ValueError):
        return None
