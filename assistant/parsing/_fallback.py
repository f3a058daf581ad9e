"""Small stand-ins for forwards.py, quotes.py and signatures.py, used only while those modules
(written in parallel by another engineer) are missing. Same signatures as the agreed interfaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEYS = {
    "from": "sender", "von": "sender", "de": "sender", "da": "sender", "van": "sender",
    "to": "to", "an": "to", "à": "to", "a": "to", "para": "to", "aan": "to",
    "cc": "cc", "kopie": "cc", "copie": "cc", "cc ": "cc",
    "date": "date", "sent": "date", "gesendet": "date", "datum": "date", "envoyé": "date",
    "enviado": "date", "fecha": "date", "envoyé le": "date",
    "subject": "subject", "betreff": "subject", "objet": "subject", "asunto": "subject",
}
_HEADER = re.compile(r"^[>\s*]*(?P<key>[A-Za-zÀ-ÿ ]{1,12}?)\s*:\s*(?P<value>.*?)\**\s*$")
_SEPARATOR = re.compile(
    r"(?im)^[>\s]*(?:-{2,}\s*(?:Forwarded message|Original Message|Forwarded Message|"
    r"Weitergeleitete Nachricht|Ursprüngliche Nachricht|Message transféré|Message d'origine|"
    r"Mensaje reenviado|Mensaje original)\s*-*|Begin forwarded message:|"
    r"Anfang der weitergeleiteten Nachricht:|Début du message réexpédié\s*:|"
    r"Inicio del mensaje reenviado:|_{10,})\s*$"
)
_ATTRIBUTION = re.compile(
    r"(?ims)^[>\s]*(?:On|Am|Le|El)\s.{0,200}?(?:wrote|schrieb|a écrit|escribió)\s*:\s*$"
)
_VALEDICTION = re.compile(
    r"(?i)^(?:best|best regards|regards|kind regards|cheers|thanks|thank you|many thanks|"
    r"all the best|warm regards|warmly|sincerely|viele grüße|beste grüße|liebe grüße|"
    r"mit freundlichen grüßen|grüße|gruß|lg|vg|cordialement|bien à vous|bien cordialement|"
    r"amitiés|bises|merci|saludos|un saludo|atentamente|gracias|abrazos|un abrazo)[,.!]*$"
)


@dataclass(frozen=True)
class Forward:
    note: str
    sender: str | None
    to: str | None
    cc: str | None
    date: str | None
    subject: str | None
    body: str


def unwrap_forward(text: str) -> Forward | None:
    lines = text.split("\n")
    for index in range(len(lines)):
        block = _header_block(lines, index)
        if block is None:
            continue
        fields, end = block
        note = "\n".join(lines[:index])
        note = _SEPARATOR.sub("", note).rstrip()
        body = "\n".join(line[1:].lstrip() if line.startswith(">") else line for line in lines[end:])
        return Forward(note.strip(), fields.get("sender"), fields.get("to"), fields.get("cc"),
                       fields.get("date"), fields.get("subject"), body.strip())
    return None


def _header_block(lines: list[str], start: int) -> tuple[dict[str, str], int] | None:
    fields: dict[str, str] = {}
    index = start
    while index < len(lines):
        match = _HEADER.match(lines[index])
        key = _KEYS.get(match.group("key").strip().lower()) if match else None
        if key is None:
            if not lines[index].strip() and not fields:
                return None
            break
        fields[key] = match.group("value").strip()
        index += 1
    if "sender" not in fields or len(fields) < 2:
        return None
    if _HEADER.match(lines[start]) and _KEYS.get(_HEADER.match(lines[start]).group("key").strip().lower()) not in ("sender", "subject"):
        return None
    return fields, index


def trim_reply(text: str) -> str:
    cut = len(text)
    for pattern in (_ATTRIBUTION, _SEPARATOR):
        match = pattern.search(text)
        if match:
            cut = min(cut, match.start())
    lines = [line for line in text[:cut].split("\n") if not line.startswith(">")]
    return "\n".join(lines).strip()


def split_signature(text: str, sender_name: str | None = None) -> tuple[str, str | None]:
    lines = text.rstrip().split("\n")
    for index, line in enumerate(lines):
        if line.rstrip() in ("--", "-- ", "—") or re.match(r"(?i)^sent from my ", line.strip()):
            return "\n".join(lines[:index]).rstrip(), "\n".join(lines[index:]).strip() or None
    for index in range(len(lines) - 1, max(-1, len(lines) - 12), -1):
        if _VALEDICTION.match(lines[index].strip()):
            return "\n".join(lines[:index]).rstrip(), "\n".join(lines[index:]).strip() or None
    first = (sender_name or "").split(" ")[0]
    for index in range(len(lines) - 1, max(0, len(lines) - 10), -1):
        stripped = lines[index].strip().lstrip("-–— ")
        if first and (stripped == sender_name or stripped == first):
            return "\n".join(lines[:index]).rstrip(), "\n".join(lines[index:]).strip() or None
    return text.strip(), None
