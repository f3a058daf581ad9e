"""What the owner is showing the assistant: the owner's own note, and the message it carries.

Three shapes: the owner forwards a message (inline, or attached as message/rfc822 per RFC 2046
5.2.1), the owner types a note, or someone else writes with the assistant in Cc/Bcc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain import OwnerIdentity
from assistant.parsing.draft import name_key
from assistant.parsing.forwards import unwrap_forward
from assistant.parsing.mime import MessageView, parse_addresses
from assistant.parsing.quotes import trim_reply
from assistant.parsing.signatures import split_signature

Party = tuple[str, str]  # (display name, lower-cased address)
_VALEDICTION = re.compile(
    r"(?i)^(?:best|best regards|regards|kind regards|cheers|thanks|thank you|many thanks|"
    r"all the best|warm regards|warmly|sincerely|talk soon|viele grüße|beste grüße|liebe grüße|"
    r"mit freundlichen grüßen|grüße|gruß|lg|vg|cordialement|bien à vous|bien cordialement|"
    r"amitiés|bises|merci|saludos|un saludo|atentamente|gracias|abrazos|un abrazo)[\s,.!]*$"
)
_SENT_FROM = re.compile(r"(?i)^(?:sent from my|envoyé de mon|enviado desde mi|von meinem|"
                        r"gesendet von meinem|get outlook for)")


@dataclass(frozen=True)
class Thread:
    """The owner's note (raw) and the carried message: author, recipients, body."""

    note: str
    author: Party | None
    recipients: tuple[Party, ...]
    body: str
    subject: str
    forwarded: bool


def read_thread(view: MessageView, sender: Party | None, owner: OwnerIdentity) -> Thread:
    recipients = tuple(view.addresses("To", "Cc"))
    if sender is not None and not owner.is_owner_address(sender[1]):
        return Thread("", sender, recipients, view.text, view.subject, forwarded=False)
    if view.embedded:
        inner = view.embedded[0]
        author = next(iter(inner.addresses("From")), None)
        return Thread(view.text, author, tuple(inner.addresses("To", "Cc")), inner.text,
                      inner.subject or view.subject, forwarded=True)
    forward = unwrap_forward(view.text)
    if forward is not None and forward.sender:
        author = next(iter(_parties(forward.sender)), None)
        others = _parties(forward.to or "") + _parties(forward.cc or "")
        body = _without_owner_signature(forward.body, owner)
        return Thread(forward.note, author, tuple(others), body,
                      forward.subject or view.subject, forwarded=True)
    return Thread(view.text, sender, recipients, view.text, view.subject, forwarded=False)


_DELIMITER = re.compile(r"^--\s*$")
_OWNER_SIGNATURE_LINES = 8


def _without_owner_signature(body: str, owner: OwnerIdentity) -> str:
    """The forwarded message without the owner's own signature that the mail program put
    below it (Thunderbird signs an inline forward at the bottom): a last "--" block of a few
    lines that opens with the owner's name or holds their address."""
    lines = body.splitlines()
    starts = [i for i, line in enumerate(lines) if _DELIMITER.match(line)]
    if not starts:
        return body
    block = [line.strip() for line in lines[starts[-1] + 1:] if line.strip()]
    if not block or len(block) > _OWNER_SIGNATURE_LINES:
        return body
    own_words = {w.casefold() for w in owner.name.split() if len(w) > 1}
    first = {w.casefold().strip(",.") for w in block[0].split()}
    named = bool(own_words) and own_words <= first
    addressed = any(owner.is_owner_address(address) for line in block
                    for address in re.findall(r"[\w.+-]+@[\w.-]+", line))
    if not (named or addressed):
        return body
    return "\n".join(lines[:starts[-1]]).rstrip()


_OUTLOOK_MAILTO = re.compile(r"\[mailto:([^\]]+)\]")


# "Okoro, Chidi <chidi@x>" unquoted, as Outlook and Gmail print a "Last, First" display name
# in a forwarded header: one person, not "Okoro" and "Chidi <chidi@x>".
_LAST_FIRST = re.compile(
    r'^\s*"?(?P<last>[^,<>"@]+),\s*(?P<first>[^,<>"@]+?)"?\s*<(?P<addr>[^<>]+@[^<>]+)>\s*$')


def _parties(value: str) -> list[Party]:
    """Addresses from a forwarded header line; Outlook writes "Name [mailto:addr]"."""
    value = _OUTLOOK_MAILTO.sub(r"<\1>", value)
    last_first = _LAST_FIRST.match(value)
    if last_first:
        first, last = last_first["first"].strip(), last_first["last"].strip()
        value = f'"{first} {last}" <{last_first["addr"]}>'
    pairs = parse_addresses([value])
    if pairs:
        return pairs
    name = value.strip().strip('"')
    return [(name, "")] if name and "@" not in name else []


def clean_owner_note(note: str, owner: OwnerIdentity) -> str:
    """The owner's words only: quoted history, signature and sign-off removed."""
    text = trim_reply(note) if note.strip() else ""
    text, _signature = split_signature(text, owner.name) if text else ("", None)
    return strip_signoff(text, owner.name, owner.addresses)


def strip_signoff(text: str, name: str | None, addresses: tuple[str, ...] = ()) -> str:
    """Cut a trailing sign-off block: valediction, the writer's name, their address or phone."""
    lines = text.rstrip().split("\n")
    keys = _name_keys(name)
    cut = len(lines)
    for index in range(len(lines) - 1, max(-1, len(lines) - 8), -1):
        line = lines[index].strip()
        if _SENT_FROM.match(line) or _names_writer(line, keys) or any(
            a.lower() in line.lower() for a in addresses
        ):
            cut = index
    while cut > 0 and (_VALEDICTION.match(lines[cut - 1].strip())
                       or not lines[cut - 1].strip(" \t-–—_")):
        cut -= 1
    return "\n".join(lines[:cut]).strip()


_CARD_SEPARATOR = re.compile(r"\s*[|,·•]\s*|\s[-–—]\s")


def _names_writer(line: str, keys: set[str]) -> bool:
    """The line is the writer's name, or starts a one-line card: "Leo Fischer | CEO | ..."."""
    if name_key(line.lstrip("-–—~ ")) in keys:
        return True
    head = _CARD_SEPARATOR.split(line, maxsplit=1)
    full = {k for k in keys if " " in k}
    return len(head) > 1 and name_key(head[0]) in full


def _name_keys(name: str | None) -> set[str]:
    if not name:
        return set()
    key = name_key(name)
    return {key, key.split(" ")[0]}


def body_of(thread: Thread, author_name: str | None) -> tuple[str, str | None]:
    """The carried message's new text (no quotes) and its author's signature block."""
    text = trim_reply(thread.body) or thread.body
    body, signature = split_signature(text, author_name)
    if signature is None:
        stripped = strip_signoff(body, author_name)
        signature = body[len(stripped):].strip() or None
        body = stripped
    return body, signature


_CARD_LINES = 9
_CARD_LINE = 70


def sender_card(text: str, party: Party | None) -> str | None:
    """The sender's own card inside the text when no signature closes it (a rule, a
    disclaimer or an older quoted message may follow): the first short line that is the
    sender's name (from the display name, else the address's own part), with the short lines
    right under it."""
    if party is None:
        return None
    words = _sender_words(party)
    if not words:
        return None
    compact = "".join(sorted(words, key=len)[-1:])  # "nedmarsh" from nedmarsh@example.net
    lines = text.splitlines()
    for index, line in enumerate(lines):
        found = re.findall(r"[^\W\d_]+", name_key(line))
        if not 1 < len(found) <= 5 or len(line.strip()) > 40:
            continue
        ends = {found[0], found[-1]}
        if not (ends <= words or found[-1] in words and len(found[-1]) > 2
                or found[0] in words and len(found[0]) > 2
                or all(len(w) > 1 and w in compact for w in ends)
                or len(found[-1]) > 3 and found[-1] in compact):
            continue
        block = [line.strip()]
        for below in lines[index + 1: index + 1 + _CARD_LINES]:
            if len(below.strip()) > _CARD_LINE or _is_history(below) or below.startswith("\t"):
                break
            if below.strip():
                block.append(below.strip())
        if len(block) > 1:
            return "\n".join(block)
    return None


def _sender_words(party: Party) -> set[str]:
    name, address = party
    text = name_key(name) if name else ""
    local = re.sub(r"[._+-]", " ", address.split("@")[0].lower()) if address else ""
    return {w for w in re.findall(r"[a-z]+", f"{text} {local}") if len(w) > 1}


_HISTORY = re.compile(r"(?i)^\s*(?:-{3,}|_{5,}|\*{5,}|>|from:|von:|de:|to:|sent:|-+ ?forwarded by|"
                      r"-+ ?original message)")


def _is_history(line: str) -> bool:
    return bool(_HISTORY.match(line))


QUOTED_AUTHOR = re.compile(
    r"(?im)^[>\s]*(?:On|Am|Le|El)\s.{0,120}?(?P<who>[^,\n]*<[\w.+'-]+@[\w.-]+>)\s*"
    r"(?:wrote|schrieb|a écrit|escribió)\s*:"
)


def quoted_author(body: str) -> Party | None:
    """The author of the quoted message ("On ..., Alex <alex@x> wrote:"), or a nested forward."""
    match = QUOTED_AUTHOR.search(body)
    if match:
        who = re.sub(r"^.*?\d{1,2}:\d{2}(?:\s*[AP]M)?\s*", "", match.group("who"))
        return next(iter(_parties(who)), None)
    nested = unwrap_forward(body)
    if nested is not None and nested.sender:
        return next(iter(_parties(nested.sender)), None)
    return None
