"""Forward unwrapping: find the outermost forwarded message in a plain-text body.

Mail clients write a forward as a marker line (Gmail "---------- Forwarded message ---------",
Thunderbird "-------- Original Message --------", Apple Mail "Begin forwarded message:", Outlook
"-----Original Message-----"), an Outlook header block ("From: ... Sent: ... To: ... Subject:")
or both, in the user's language, sometimes quoted with "> ". The embedded header lines follow
RFC 5322 field syntax closely enough for `email.utils` to read their addresses and dates.

Pure module: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import getaddresses, parsedate_to_datetime

from assistant.parsing.memo import short_text_memo

# Localized field names as clients print them above a forwarded or quoted message. Keys are the
# canonical fields of `Forward`; "reply_to" and "other" are recognised but not kept.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "sender": ("from", "von", "de", "от кого", "da", "van", "från", "fra", "od", "от", "від",
               "lähettäjä",
               "kimden", "feladó", "发件人", "寄件者", "差出人", "보낸 사람", "expéditeur",
               "mittente", "remitente", "remetente", "afzender", "absender"),
    "date": ("sent", "date", "gesendet", "datum", "envoyé", "enviado", "fecha", "inviato", "data",
             "verzonden", "skickat", "sendt", "wysłano", "отправлено", "дата", "надіслано",
             "lähetetty", "gönderildi", "tarih", "发送时间", "日期", "送信日時", "날짜", "odesláno",
             "enviada", "envoyé le", "sent at"),
    "to": ("to", "an", "à", "a", "para", "aan", "till", "til", "do", "кому", "vastaanottaja",
           "kime", "címzett", "pour", "收件人", "宛先", "받는 사람", "komu", "destinatario"),
    "cc": ("cc", "kopie", "kopie an", "copie à", "copie", "cco", "kopia", "копия", "копія", "bcc",
           "抄送", "kopio", "cc :"),
    "subject": ("subject", "betreff", "objet", "sujet", "asunto", "oggetto", "onderwerp", "ämne",
                "emne", "temat", "тема", "aihe", "konu", "tárgy", "assunto", "主题", "主旨", "件名",
                "제목", "předmět"),
    "reply_to": ("reply-to", "antwort an", "répondre à", "responder a", "rispondi a",
                 "risposta", "svara till", "beantwoorden"),
}
_NAME_TO_FIELD = {name: field for field, names in HEADER_NAMES.items() for name in names}
_NAMES_ALT = "|".join(sorted((re.escape(n) for n in _NAME_TO_FIELD), key=len, reverse=True))
# "*From:* x" (Gmail bold), "De : x" (French spacing), "Subject:\tx" (Thunderbird tabs).
_HEADER_RE = re.compile(
    rf"^\s*\*?(?P<name>{_NAMES_ALT})\*?\s*:\*?(?:[ \t\u00a0]+|$|(?=[<\"'\w]))(?P<value>.*)$",
    re.IGNORECASE,
)

_MARKER_WORDS = (
    r"forward|original|weitergeleitet|ursprüngliche|transféré|d'origine|réexpédié|reenviado|"
    r"inoltrato|originale|doorgestuurd|oorspronkelijk|vidarebefordrat|videresendt|"
    r"videresendt|encaminhada|reencaminhada|przekazana|oryginalna|пересылаемое|переслане|"
    r"исходное|välitetty|alkuperäinen|转发|原始邮件|転送|message|nachricht|meddelelse|"
    r"meddelande|bericht|mensaje|messaggio|mensagem|wiadomość|сообщение|viesti|"
    r"oprindelig"
)
# A phrase between runs of dashes/underscores: "-----Original Message-----".
_DASH_MARKER_RE = re.compile(
    rf"^[\s*]*[-_=]{{2,}}\s*(?=[^\n]{{0,60}}(?:{_MARKER_WORDS}))[^-_=\n]{{3,60}}?\s*[-_=]{{2,}}[\s*]*$",
    re.IGNORECASE,
)
# A phrase ending in a colon: "Begin forwarded message:", "Début du message réexpédié :".
_COLON_MARKER_RE = re.compile(
    r"^\s*(?:begin forwarded message|forwarded message|début du message réexpédié|"
    r"anfang der weitergeleiteten nachricht|inicio del mensaje reenviado|"
    r"início da mensagem reencaminhada|inizio messaggio inoltrato|"
    r"doorgestuurd bericht begint|vidarebefordrat brev|start of forwarded message)\s*:\s*$",
    re.IGNORECASE,
)
# Outlook sometimes flattens the header block into one line when it turns HTML into text:
# "From: Jane <j@x.com> Sent: Tuesday 9:12 To: Olivia Subject: Hi".
_FLAT_NAMES = sorted(
    (n for f in ("date", "to", "cc", "subject") for n in HEADER_NAMES[f]
     if n not in ("a", "do", "da")),
    key=len, reverse=True,
)
_FLAT_SPLIT_RE = re.compile(
    rf"\s+(?=\*?(?:{'|'.join(re.escape(n) for n in _FLAT_NAMES)})\*?\s?:)", re.IGNORECASE
)
_RULE_RE = re.compile(r"^\s*(?:[-_=*]\s*){8,}$")
_QUOTE_RE = re.compile(r"^(?P<marks>(?:[ \t]*>)+)[ \t]?(?P<rest>.*)$")
_MAILTO_RE = re.compile(r"<mailto:[^>]*>|\[mailto:([^\]]*)\]", re.IGNORECASE)
_MAX_HEADER_SPAN = 14


@dataclass(frozen=True)
class Forward:
    """A forwarded message found in a body, with the forwarder's own note above it."""

    note: str
    sender: str | None
    to: str | None
    cc: str | None
    date: str | None
    subject: str | None
    body: str

    @property
    def sender_address(self) -> str | None:
        """The embedded From address, lower-cased, or None when there is none."""
        addresses = parse_addresses(self.sender)
        return addresses[0][1] if addresses else None

    @property
    def sent_at(self) -> datetime | None:
        """The embedded Date when it is an RFC 5322 date, else None (clients localize it)."""
        if not self.date:
            return None
        try:
            return parsedate_to_datetime(self.date)
        except (TypeError, ValueError, IndexError):
            return None


def parse_addresses(value: str | None) -> list[tuple[str, str]]:
    """(name, address) pairs of an embedded header value, Outlook "[mailto:x]" forms included."""
    if not value:
        return []
    cleaned = _MAILTO_RE.sub(lambda m: f"<{m.group(1)}>" if m.group(1) else "", value)
    pairs = getaddresses([cleaned.replace("*", "")])
    return [(name.strip(), addr.lower()) for name, addr in pairs if "@" in addr]


def split_flat_headers(lines: list[str]) -> list[str]:
    """Lines with any one-line Outlook header block ("From: a Sent: b To: c") split up."""
    result: list[str] = []
    for line in lines:
        parsed = header_field(line) if len(line) < 1000 else None
        parts = _FLAT_SPLIT_RE.split(line) if parsed and parsed[0] == "sender" else [line]
        result.extend(parts if len(parts) >= 3 else [line])
    return result


def unquote_line(line: str) -> tuple[int, str]:
    """The quote depth of a line ("> > x" is 2) and its text without the quote marks."""
    match = _QUOTE_RE.match(line)
    if not match:
        return 0, line
    return match.group("marks").count(">"), match.group("rest")


def strip_quotes(line: str, depth: int) -> str:
    """Remove `depth` levels of "> " quoting from one line."""
    for _ in range(depth):
        match = re.match(r"^[ \t]*>[ \t]?", line)
        if not match:
            break
        line = line[match.end():]
    return line


def header_field(line: str) -> tuple[str, str] | None:
    """(canonical field, value) when a line is an embedded header line such as "Von: x"."""
    if ":" not in line[:40]:
        return None  # cheap test first: this runs on every line of every body
    match = _HEADER_RE.match(line)
    if not match:
        return None
    return _NAME_TO_FIELD[match.group("name").lower()], match.group("value").strip()


def is_marker_line(line: str) -> bool:
    """True for a forward / original-message marker line, in any supported language."""
    if len(line) > 120:
        return False
    return bool(_DASH_MARKER_RE.match(line) or _COLON_MARKER_RE.match(line))


def is_rule_line(line: str) -> bool:
    """True for a bare separator rule ("________", "-----") that Outlook puts above headers."""
    return bool(_RULE_RE.match(line))


def header_block_at(lines: list[str], start: int) -> bool:
    """True when lines[start] opens an embedded header block: From plus another known field."""
    first = header_field(lines[start])
    if first is None or first[0] not in ("sender", "date"):
        return False
    fields, _ = _read_headers(lines, start)
    if len(fields) < 2 or len(fields.get("sender", "")) > 300:
        return False
    # A "Date:" line alone is common in notes; it opens a block only beside To/From/Subject.
    return first[0] == "sender" or bool({"sender", "to", "subject"} & fields.keys())


def _read_headers(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """Read header lines from `start`; return the fields and the index of the first body line."""
    fields: dict[str, str] = {}
    last: str | None = None
    index = start
    while index < len(lines) and index - start < _MAX_HEADER_SPAN:
        line = lines[index]
        parsed = header_field(line)
        if parsed is not None and (parsed[0] not in fields or parsed[0] == last):
            last = parsed[0]
            fields.setdefault(last, parsed[1])
            if not parsed[1]:
                index = _value_below(lines, index, fields, last)
        elif not line.strip() and fields and _next_is_header(lines, index):
            pass  # some clients leave blank lines between header lines
        elif line.strip() and last and _continues(lines, index, last):
            fields[last] = f"{fields[last]} {line.strip()}".strip()  # folded long value
        else:
            break
        index += 1
    return fields, index


def _value_below(lines: list[str], index: int, fields: dict[str, str], name: str) -> int:
    """HTML tables put a header's value on the line below its name ("Subject:" / "Re: x")."""
    below = index + 1
    while below < len(lines) and below - index <= 2 and not lines[below].strip():
        below += 1
    if below < len(lines) and lines[below].strip() and header_field(lines[below]) is None:
        fields[name] = lines[below].strip()
        return below
    return index


def _continues(lines: list[str], index: int, last: str) -> bool:
    """True when a non-header line continues the previous field (a folded value).

    Outlook may also put "On Behalf Of x" under From, with a blank line before the next field.
    """
    if _next_is_header(lines, index, blank_ok=False):
        return True
    return last == "sender" and len(lines[index]) < 80 and _next_is_header(lines, index)


def _next_is_header(lines: list[str], index: int, *, blank_ok: bool = True) -> bool:
    for line in lines[index + 1:index + 4]:
        if not line.strip() and blank_ok:
            continue
        return header_field(line) is not None
    return False


def _find_start(lines: list[str]) -> tuple[int, int, bool] | None:
    """(line index, quote depth, is_marker) of the outermost forward, or None."""
    for index, line in enumerate(lines):
        depth, content = unquote_line(line)
        if is_marker_line(content):
            return index, depth, True
        if header_field(content) and _header_block_at_depth(lines, index, depth):
            return index, depth, False
    return None


def _header_block_at_depth(lines: list[str], index: int, depth: int) -> bool:
    view = [strip_quotes(line, depth) for line in lines[index:index + _MAX_HEADER_SPAN]]
    return header_block_at(view, 0)


def _region(lines: list[str], start: int, depth: int) -> list[str]:
    """The lines of the forwarded block from `start`, unquoted by its own quote depth."""
    first = next((line for line in lines[start:] if line.strip()), None)
    inner = max(depth, unquote_line(first)[0]) if first is not None else depth
    if inner == 0:
        return lines[start:]
    region: list[str] = []
    for line in lines[start:]:
        line_depth = unquote_line(line)[0]
        if line.strip() and line_depth < inner:
            break
        region.append(strip_quotes(line, inner))
    return region


def _note_above(lines: list[str], start: int) -> str:
    above = lines[:start]
    while above and (not above[-1].strip() or is_rule_line(unquote_line(above[-1])[1])):
        above.pop()
    return "\n".join(above).strip()


def _clean_body(lines: list[str]) -> str:
    return "\n".join(line.rstrip() for line in lines).strip("\n").strip()


@short_text_memo(64)  # routing and the parser both unwrap the same body (Forward is frozen)
def unwrap_forward(text: str) -> Forward | None:
    """The outermost forward in a plain-text body; None when the text contains no forward."""
    lines = split_flat_headers(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    found = _find_start(lines)
    if found is None:
        return None
    start, depth, is_marker = found
    region = _region(lines, start + 1 if is_marker else start, depth)
    while region and not region[0].strip():
        region.pop(0)
    fields, body_start = _read_headers(region, 0) if region else ({}, 0)
    return Forward(
        note=_note_above(lines, start),
        sender=fields.get("sender") or None,
        to=fields.get("to") or None,
        cc=fields.get("cc") or None,
        date=fields.get("date") or None,
        subject=fields.get("subject") or None,
        body=_clean_body(region[body_start:]),
    )
