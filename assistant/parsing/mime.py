"""Raw mail bytes to a frozen, decoded view that survives real-world breakage.

The ``email`` package (policy=default) does the MIME work (RFC 5322 format, RFC 2045 transfer
encodings, RFC 2046 multiparts and message/rfc822, RFC 2047 encoded words). This module adds the
guards real mail needs: wrong or unknown charsets, headers that make the parser raise, HTML-only
bodies, and bounded nesting of attached messages.
"""

from __future__ import annotations

import codecs
import functools
import logging
import re
from dataclasses import dataclass, field
from email.header import decode_header, make_header
from email.headerregistry import HeaderRegistry, MessageIDHeader, UniqueDateHeader
from email.message import Message
from email.parser import BytesParser
from email.policy import EmailPolicy
from email.utils import format_datetime, getaddresses, parsedate_to_datetime
from typing import Any

from lxml import etree

log = logging.getLogger(__name__)

MAX_DEPTH = 10
MAX_PARTS = 200  # MIME parts read per message
MAX_HTML = 500_000  # characters of HTML given to the HTML parser
MAX_LINKS = 500  # links kept as "text (url)"; the rest stay as their text
MAX_TEXT = 200_000  # characters of body text kept; notes, forwards and intros are far shorter
FALLBACK_CHARSETS = ("utf-8", "windows-1252", "latin-1")
# Names seen in the wild that Python's codec registry does not know (or knows differently).
CHARSET_ALIASES = {
    "ks_c_5601-1987": "cp949",
    "x-user-defined": "windows-1252",
    "ansi_x3.4-1968": "ascii",
    "unicode-1-1-utf-8": "utf-8",
    "utf8mb4": "utf-8",
    "x-mac-roman": "mac_roman",
    "macintosh": "mac_roman",
    "iso-8859-8-i": "iso-8859-8",
    "x-sjis": "shift_jis",
    "windows-874": "cp874",
    "x-unknown": "utf-8",
    "unknown-8bit": "utf-8",
}
VCARD_TYPES = frozenset({"text/vcard", "text/x-vcard", "text/directory"})
# Every byte but the control characters (tab, LF and CR are text): deleting these counts controls.
_TEXT_BYTES = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 13))
_HEADER_LINE = re.compile(rb"^[\x21-\x39\x3b-\x7e]{1,76}[ \t]*:")
_BLOCK_TAGS = frozenset(
    {"p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"})
# Not shown as text: the head, scripts, styles, <template> contents and ruby annotations.
_SKIPPED_TAGS = frozenset({"script", "style", "head", "title", "template", "rt", "rp"})


@dataclass(frozen=True)
class Attachment:
    """A non-text part kept for later stages (card photos)."""

    content_type: str
    filename: str | None
    size: int


@dataclass(frozen=True)
class MessageView:
    """One message, decoded: headers as text, the readable body, and what is attached."""

    headers: tuple[tuple[str, str], ...]
    text: str
    html_only: bool
    content_types: tuple[str, ...]
    vcards: tuple[str, ...]
    images: tuple[Attachment, ...]
    embedded: tuple[MessageView, ...]
    # address pairs read once per set of header names (the parsers ask for From, To and Cc
    # several times per message); not part of the view's value
    _read: dict[tuple[str, ...], list[tuple[str, str]]] = field(
        default_factory=dict, init=False, compare=False, repr=False)

    def header(self, name: str) -> str:
        """The first header of this name as text, or "" when absent."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), "")

    def addresses(self, *names: str) -> list[tuple[str, str]]:
        """(display name, lower-cased address) pairs from address headers (RFC 5322 3.4)."""
        if names not in self._read:
            wanted = {n.lower() for n in names}
            self._read[names] = parse_addresses(
                [value for key, value in self.headers if key.lower() in wanted])
        return list(self._read[names])

    @property
    def subject(self) -> str:
        return self.header("Subject").strip()


def parse_addresses(values: list[str]) -> list[tuple[str, str]]:
    """Address pairs from header-like strings; malformed entries are dropped."""
    pairs = []
    for name, addr in getaddresses(values):
        addr = addr.strip().strip("<>").lower()
        if "@" in addr and " " not in addr:
            pairs.append((name.strip().strip('"').strip(), addr))
    return pairs


def looks_like_message(raw: bytes) -> bool:
    """True when the bytes start like an RFC 5322 message: header lines, mostly text."""
    head = raw.lstrip(b"\r\n\t ")[:4096]
    if not head:
        return False
    controls = len(head[:1024].translate(None, _TEXT_BYTES))
    if controls * 10 > min(len(head), 1024):
        return False
    lines = head.splitlines()[:10]
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]  # mbox separator line
    return bool(lines) and _HEADER_LINE.match(lines[0]) is not None


class _HeaderClasses(HeaderRegistry):
    """The stock header registry, building each header class once.

    ``HeaderRegistry.__getitem__`` creates a new class (``type(...)``) for every header it
    parses, about 10 us each; the class depends only on which registered type the name maps to.
    """

    def __init__(self) -> None:
        super().__init__()
        self._built: dict[type, type] = {}

    def __getitem__(self, name: str) -> type:
        kind = self.registry.get(name.lower(), self.default_class)
        if kind not in self._built:
            self._built[kind] = super().__getitem__(name)
        return self._built[kind]


_HEADER_CLASSES = _HeaderClasses()


class _ReadOncePolicy(EmailPolicy):
    """``policy.default`` that parses each distinct header of one message once.

    The email package parses a header again on every ``get``: the feed parser, then
    ``get_content_type``, ``get_param``, ``get_filename`` and ``get_content_charset`` each
    re-read Content-Type (about eight parses per part). A parsed header depends only on its
    name and raw value, so the result is kept for the message being read (one instance per
    ``read_message``: nothing outlives the message).
    """

    _parsed: dict[tuple[str, str], Any]

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        object.__setattr__(self, "_parsed", {})  # policies are read-only once built

    def header_fetch_parse(self, name: str, value: str) -> Any:
        if hasattr(value, "name"):
            return value
        key = (name, value)
        if key not in self._parsed:
            self._parsed[key] = (_shared_header(name, value) if len(value) <= SHARED_HEADER_CHARS
                                 else super().header_fetch_parse(name, value))
        return self._parsed[key]


# An owner's notes repeat most of their header fields word for word (From, To, MIME-Version,
# Content-Type, Content-Transfer-Encoding), so short fields are parsed once per process, not
# once per message: the header objects depend only on the name and the raw value, and nothing
# changes them (``Message`` replaces a header, never edits its object). Bounded: at most
# SHARED_HEADERS fields of up to SHARED_HEADER_CHARS characters each.
SHARED_HEADER_CHARS = 200
SHARED_HEADERS = 256


@functools.lru_cache(maxsize=SHARED_HEADERS)
def _shared_header(name: str, value: str) -> Any:
    return _PARSING_POLICY.header_fetch_parse(name, value)


_PARSING_POLICY = EmailPolicy(header_factory=_HEADER_CLASSES)


def once_per_message(raw: bytes | None = None) -> EmailPolicy:
    """``policy.default`` for reading one message, parsing each header field once: the same
    instance for the same ``raw`` (up to SHARED_BYTES, the last few messages), so routing's
    header block and the decoded view share their parsed fields; a fresh one without ``raw``."""
    if raw is not None and len(raw) <= SHARED_BYTES:
        return _policy_of(raw)
    return _ReadOncePolicy(header_factory=_HEADER_CLASSES)


SHARED_BYTES = 256 * 1024


@functools.lru_cache(maxsize=32)
def _policy_of(raw: bytes) -> EmailPolicy:
    # bytes cache their hash: a lookup costs one pass over a message the first time only
    return _ReadOncePolicy(header_factory=_HEADER_CLASSES)


def read_message(raw: bytes) -> MessageView:
    """Parse bytes into a MessageView; never raises on malformed MIME."""
    head = header_block(raw)
    if _content_type(head).split("/")[0] in ("multipart", "message"):
        message = BytesParser(policy=once_per_message(raw)).parsebytes(raw)
    else:
        # A single part: the feed parser stores everything after the header block as its
        # payload, exactly as it does reading the header block alone (email.feedparser), so
        # the header block routing has read already is the whole message.
        message = head
    return _view(message, depth=0)


def header_block(raw: bytes) -> Message:
    """The message's header block parsed (``headersonly``), the body its raw payload; the
    same object for the same bytes (up to SHARED_BYTES, the last few messages). Shared: read
    it, never change it."""
    if len(raw) <= SHARED_BYTES:
        return _header_block(raw)
    return BytesParser(policy=once_per_message(raw)).parsebytes(raw, headersonly=True)


@functools.lru_cache(maxsize=32)
def _header_block(raw: bytes) -> Message:
    return BytesParser(policy=once_per_message(raw)).parsebytes(raw, headersonly=True)


def _view(message: Message, depth: int) -> MessageView:
    collected = _Parts()
    _walk(message, depth, collected, top=True)
    plain = "\n".join(t for t in collected.plain if t.strip())
    # The HTML alternative is read only when there is no plain text: the parse is costly and
    # its text is not used beside a plain part (RFC 2046 5.1.4: the parts say the same).
    html = "" if plain else "\n".join(html_to_text(h) for h in collected.html)
    return MessageView(
        headers=_headers(message),
        text=_normalize_newlines(plain or html)[:MAX_TEXT],
        html_only=not plain and bool(html.strip()),
        content_types=tuple(collected.types),
        vcards=tuple(collected.vcards),
        images=tuple(collected.images),
        embedded=tuple(collected.embedded),
    )


class _Parts:
    """Accumulator for one message's walk (private, mutable while walking)."""

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.html: list[str] = []
        self.types: list[str] = []
        self.vcards: list[str] = []
        self.images: list[Attachment] = []
        self.embedded: list[MessageView] = []


def _walk(part: Message, depth: int, acc: _Parts, top: bool = False) -> None:
    if depth > MAX_DEPTH:
        log.info("MIME nesting deeper than %d: rest ignored", MAX_DEPTH)
        return
    if len(acc.types) >= MAX_PARTS:
        return  # a note has a handful of parts; thousands are an attack on the parse time
    ctype = _content_type(part)
    acc.types.append(ctype)
    if ctype in ("message/rfc822", "message/global") and not top:
        _walk_embedded(part, depth, acc)
    elif part.is_multipart():
        for sub in _subparts(part):
            _walk(sub, depth + 1, acc)
    else:
        _leaf(part, ctype, acc)


def _walk_embedded(part: Message, depth: int, acc: _Parts) -> None:
    for inner in _subparts(part)[:1]:
        acc.embedded.append(_view(inner, depth + 1))


def _subparts(part: Message) -> list[Message]:
    try:
        payload = part.get_payload()
    except Exception:  # noqa: BLE001 - broken MIME structure: treat as empty
        log.debug("unreadable multipart payload", exc_info=True)
        return []
    return [p for p in payload if isinstance(p, Message)] if isinstance(payload, list) else []


def _leaf(part: Message, ctype: str, acc: _Parts) -> None:
    filename = _filename(part)
    is_vcf = bool(filename and filename.lower().endswith((".vcf", ".vcard")))
    if ctype in VCARD_TYPES or is_vcf:
        acc.vcards.append(decode_payload(part))
    elif ctype.startswith("image/"):
        acc.images.append(Attachment(ctype, filename, len(_payload_bytes(part))))
    elif _is_attachment(part):
        return
    elif ctype == "text/plain":
        acc.plain.append(decode_payload(part))
    elif ctype == "text/html":
        acc.html.append(decode_payload(part))


def _is_attachment(part: Message) -> bool:
    try:
        return (part.get_content_disposition() or "") == "attachment"
    except Exception:  # noqa: BLE001 - junk Content-Disposition: treat as inline
        return False


def _content_type(part: Message) -> str:
    try:
        return part.get_content_type()
    except Exception:  # noqa: BLE001 - junk Content-Type: RFC 2045 5.2 default
        return "text/plain"


def _filename(part: Message) -> str | None:
    try:
        return part.get_filename()
    except Exception:  # noqa: BLE001 - junk parameters: no file name
        return None


def _payload_bytes(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - broken transfer encoding: no body
        log.debug("undecodable payload", exc_info=True)
        return b""
    if isinstance(data, bytes):
        return data
    return str(data or "").encode("utf-8", "surrogateescape")


def decode_payload(part: Message) -> str:
    """The part's body as text: declared charset first, then the fallbacks."""
    try:
        declared = part.get_content_charset()
    except Exception:  # noqa: BLE001 - junk charset parameter
        declared = None
    return decode_bytes(_payload_bytes(part), declared)


def decode_bytes(data: bytes, declared: str | None) -> str:
    """Decode with the declared charset, else UTF-8, windows-1252, latin-1 (which always works)."""
    for name in _candidates(declared):
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")


def _candidates(declared: str | None) -> list[str]:
    names = []
    if declared:
        name = CHARSET_ALIASES.get(declared.strip().lower(), declared.strip().lower())
        try:
            names.append(codecs.lookup(name).name)
        except (LookupError, ValueError):  # ValueError: a NUL inside the charset name
            log.info("unknown charset %r: trying fallbacks", declared)
    return names + [n for n in FALLBACK_CHARSETS if n not in names]


def _headers(message: Message) -> tuple[tuple[str, str], ...]:
    items = []
    for name, raw in message.raw_items():
        items.append((str(name), _header_text(message, str(name), raw)))
    return tuple(items)


def _header_text(message: Message, name: str, raw: object) -> str:
    if isinstance(raw, str) and _plain_unstructured(name, raw):
        return _clean(_LINE_BREAKS.sub("", raw))
    quick = plain_date_or_id(name, raw) if type(raw) is str else None
    if quick is not None:
        return _clean(quick)
    try:
        return _clean(str(message.policy.header_fetch_parse(name, str(raw))))
    except Exception:  # noqa: BLE001 - the email package raises on some junk headers
        log.debug("header %s unparsable: raw value kept", name)
    try:
        return _clean(str(make_header(decode_header(str(raw)))))
    except Exception:  # noqa: BLE001 - not even RFC 2047 decodable: keep it raw
        return _clean(str(raw))


# Printable ASCII, tabs and line breaks, with no encoded word: an unstructured header's text
# as policy.default reads it is this with its line breaks removed (the header objects of
# RFC 2047 words, 8-bit bytes and control characters are read by the email package).
_PLAIN_TEXT = re.compile(r"[\x20-\x7e\t\r\n]*")
_LINE_BREAKS = re.compile(r"[\r\n]")  # what header_fetch_parse removes before parsing


def _plain_unstructured(name: str, raw: str) -> bool:
    """Whether the header's text is its raw value without line breaks: an unstructured header
    (not an address, date, MIME or Message-ID header) in plain ASCII with no encoded word."""
    lowered = name.lower()
    return ((lowered == "subject" or lowered not in _HEADER_CLASSES.registry)
            and "=?" not in raw and _PLAIN_TEXT.fullmatch(raw) is not None)


def plain_date_or_id(name: str, raw: str) -> str | None:
    """The text of a plain ASCII Date or Message-ID header as its header object reads it,
    without building the object (a parse tree each; every message has both, each new), or
    None for any other header or shape. A Date is its date written again in RFC 5322 form
    (the value as written when it reads no date); a Message-ID of one plain ``<id@domain>``
    is its value."""
    lowered = name.lower()
    if (lowered not in _DATE_OR_ID or _HEADER_CLASSES.registry.get(lowered) is not
            _DATE_OR_ID[lowered] or "=?" in raw or _PLAIN_TEXT.fullmatch(raw) is None):
        return None
    value = _LINE_BREAKS.sub("", raw)
    if lowered == "message-id":
        return value if _PLAIN_MESSAGE_ID.fullmatch(value) else None
    if not value:
        return ""
    try:
        when = parsedate_to_datetime(value)
    except ValueError:  # no date: the header object keeps the value as written
        return value
    except Exception:  # noqa: BLE001 - the header object raises too: its own path decides
        return None
    try:
        return format_datetime(when)
    except Exception:  # noqa: BLE001 - as above
        return None


_DATE_OR_ID = {"date": UniqueDateHeader, "message-id": MessageIDHeader}
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PLAIN_MESSAGE_ID = re.compile(rf"<{_ATEXT}(?:\.{_ATEXT})*@{_ATEXT}(?:\.{_ATEXT})*>")
_FOLD = re.compile(r"\r?\n[ \t]*")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # an 8-bit header byte, surrogate-escaped


def _clean(text: str) -> str:
    """Undo surrogate escapes from 8-bit headers, and unfold (RFC 5322 2.2.3)."""
    if _ESCAPED_BYTE.search(text):
        text = decode_bytes(text.encode("utf-8", "surrogateescape"), None)
    return _FOLD.sub(" ", text).strip()


def _normalize_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def html_to_text(html: str) -> str:
    """HTML to plain text with a real parser (libxml2's, through lxml); links kept as "text (url)".

    The parser streams its events to a reader and builds no tree: libxml2's tree builder stops
    at 256 levels of nesting and drops the rest of the message, its event stream does not.
    Python's html.parser took quadratic time on void tags followed by closing tags (50 s for
    500 KB of "<br>" and "</b>"), on "<a " repeated, and on unclosed comments. libxml2 has one
    such shape left: it looks for each closing tag among the open elements, so tens of thousands
    of unclosed tags followed by as many closing tags that match none cost seconds.
    """
    reader = _HtmlText()
    parser = etree.HTMLParser(target=reader, no_network=True)
    # A lone surrogate (a UTF-7 body can decode to one) cannot be handed to libxml2 as UTF-8.
    parser.feed(_SURROGATE.sub("\ufffd", html[:MAX_HTML]))
    text = parser.close()
    lines = (line.strip() for line in text.splitlines())
    return _normalize_newlines("\n".join(lines))


_PREFORMATTED_TAGS = frozenset({"pre", "textarea"})
_HTML_SPACE = " \t\n\f\r"
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class _Link:
    """A link being read whose text may yet be replaced by "label (url)"."""

    href: str
    depth: int  # elements open around its <a>, the <a> included
    out_start: int  # where its text starts in the output
    words_start: int  # where its label's words start
    links: int  # links read once it was counted
    nested: int = 0  # links inside it


class _HtmlText:
    """The parser's target: one document's text, built from start, end and text events.

    What a browser shows as text (no comments, no <template>, no ruby annotations), with
    scripts, styles and the head left out, a newline for each <br> and around each block, and
    the first MAX_LINKS links written "text (url)". Each event takes constant time, but for the
    labels of links nested in links, which share one allowance.
    """

    def __init__(self) -> None:
        self.out: list[str] = []
        self.pending: list[str] = []  # one text node, which libxml2 delivers in pieces
        self.depth = 0
        self.preformatted = 0  # <pre> and <textarea> open
        self.skipped = 0  # elements open inside a skipped one, itself included
        self.links = 0
        self.open_links: list[_Link] = []
        self.words: list[str] = []  # the words of text inside open links, for their labels
        # Text inside n nested links counts n times towards the labels' allowance.
        self.label_budget = MAX_HTML

    def start(self, tag: str, attrib: Any) -> None:
        self._flush()
        self.depth += 1
        if not self.skipped:
            self._spend(1)
        if self.skipped or tag in _SKIPPED_TAGS:
            self.skipped += 1
            return
        if tag in _PREFORMATTED_TAGS:
            self.preformatted += 1
        if tag == "br" or tag in _BLOCK_TAGS:
            self.out.append("\n")
        elif tag == "a" and attrib.get("href") is not None:
            self._start_link(str(attrib["href"]).strip())

    def end(self, tag: str) -> None:
        self._flush()
        self.depth -= 1
        if self.skipped:
            self.skipped -= 1
            return
        if tag in _PREFORMATTED_TAGS:
            self.preformatted -= 1
        if tag in _BLOCK_TAGS:
            self.out.append("\n")
        if self.open_links and self.open_links[-1].depth == self.depth + 1:
            self._end_link(self.open_links.pop())

    def data(self, text: str) -> None:
        if not self.skipped:
            self.pending.append(text)

    def comment(self, text: str) -> None:
        self._flush()  # a comment ends a text node

    def pi(self, target: str, data: str | None = None) -> None:
        self._flush()

    def close(self) -> str:
        self._flush()
        return "".join(self.out)

    def _flush(self) -> None:
        if not self.pending:
            return
        text = "".join(self.pending)
        self.pending.clear()
        if not self.preformatted and not text.strip(_HTML_SPACE):
            # Layout between tags, kept as one line break or one space (as Beautiful Soup did).
            text = "\n" if "\n" in text else " "
        self.out.append(text)
        if self.open_links and self._spend(1 + len(text)) and text.strip():
            self.words.append(text.strip())

    def _start_link(self, href: str) -> None:
        for link in self.open_links:
            link.nested += 1
        if self.links >= MAX_LINKS:
            return
        self.links += 1
        if href.startswith(("http://", "https://")):
            self.open_links.append(
                _Link(href, self.depth, len(self.out), len(self.words), self.links))

    def _end_link(self, link: _Link) -> None:
        label = " ".join(self.words[link.words_start:])
        if not self.open_links:
            self.words.clear()
        if link.href.rstrip("/") in label:
            return  # its text stays as read, and the links inside it counted in turn
        del self.out[link.out_start:]
        self.out.append(f"{label} ({link.href})" if label else link.href)
        self.links = link.links + link.nested  # replaced by its label, yet its links count

    def _spend(self, cost: int) -> bool:
        """Charge text or a tag to the label of every open link; False once all is spent."""
        self.label_budget -= cost * len(self.open_links)
        if self.label_budget < 0:
            self.open_links.clear()  # their text stays as read
            self.words.clear()
        return self.label_budget >= 0
