"""Signature detection: split a plain-text body into the text and its trailing signature.

Three kinds of signature are found, in this order:
1. a delimiter line: "-- " (RFC 3676 section 4.3), and the "--", "__" and "-Name" forms people
   type by hand;
2. a sign-off ("Best regards,", "Mit freundlichen Grüßen", "Cordialement", "Saludos") or a
   mobile client line ("Sent from my iPhone", "Von meinem iPhone gesendet") near the end;
3. a closing block without any delimiter: the sender's name or a name line followed by short
   title / company / phone / URL lines.

Pure module: no I/O.
"""

from __future__ import annotations

import re

from assistant.parsing.letters import LOWER, UPPER

# Closing words before a name, in English, German, French, Spanish (and a few neighbours).
_SIGNOFFS = (
    r"thanks|thank you|thank you very much|thanks a lot|thanks so much|"
    r"thanks again|thanks in advance|thank you in advance|many thanks|thx|ty|"
    r"cheers|best|all best|all the best|best regards|best wishes|kind regards|warm regards|"
    r"warmest regards|warmly|regards|sincerely|yours sincerely|sincerely yours|yours truly|"
    r"yours|cordially|respectfully|talk soon|speak soon|take care|br|rgds|"
    r"mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|freundliche grüsse|"
    r"viele grüße|viele grüsse|beste grüße|beste grüsse|liebe grüße|herzliche grüße|"
    r"schöne grüße|grüße|grüsse|gruß|gruss|mfg|lg|vg|danke|vielen dank|"
    r"cordialement|bien cordialement|très cordialement|bien à vous|bien a vous|amitiés|"
    r"amicalement|merci|merci beaucoup|merci d'avance|bonne journée|à bientôt|a bientot|"
    r"salutations|sincères salutations|"
    r"saludos|un saludo|saludos cordiales|atentamente|un abrazo|abrazos|gracias|"
    r"muchas gracias|cordiales saludos|besos|"
    r"cumprimentos|obrigado|obrigada|grazie|cordiali saluti|distinti saluti|"
    r"abraços|um abraço|abraço|atenciosamente|saudações|beijos|até breve|"
    r"un saluto|saluti|cari saluti|un caro saluto|a presto|"
    r"met vriendelijke groeten|vriendelijke groet|hartelijke groet|groet|beste groeten|"
    r"met vriendelijke groet|groeten|hälsningar|med vänlig hälsning|mvh|venlig hilsen|"
    r"pozdrawiam|z poważaniem|z powazaniem|pozdrowienia|с уважением|"
    r"med venlig hilsen|venlig hilsen|venlige hilsner|hilsen|kh|vh|mvh|med vennlig hilsen|"
    r"vennlig hilsen|med vänlig hälsning|vänliga hälsningar|hälsningar|ystävällisin terveisin|"
    r"terveisin|thanks & regards|thanks and regards|many thanks and best regards"
)
# A sign-off may carry the name on the same line ("Thanks, BT"), never more words ("Thanks for
# checking!" is a sentence).
_SIGNOFF_RE = re.compile(
    rf"^\s*(?:{_SIGNOFFS})(?:[ ,.]+(?-i:[{UPPER}])[\w'.]*){{0,2}}?\s*[,.!:;]*\s*$", re.I)
_BARE_SIGNOFF_RE = re.compile(rf"^\s*(?:{_SIGNOFFS})\s*[,.!:;]*\s*$", re.I)
# "Sent from my iPhone" and its translations; "Get Outlook for iOS"; "從我的 iPhone 傳送".
_SENT_RE = re.compile(
    r"\b(?:sent|envoyé|enviado|enviada|gesendet|verzonden|verstuurd|inviato|skickat|sendt|"
    r"wysłane|отправлено|lähetetty)\b|傳送|发送|送信|^get (?:\[)?outlook|^(?:\w+ )?from my\b",
    re.IGNORECASE,
)
# Devices and mail apps; not "e-mail" or "email", which prose says ("the e-mail previously
# sent regarding...").
_DEVICE_RE = re.compile(
    r"iphone|ipad|ipod|android|blackberry|mobile|mobil|phone|handy|galaxy|samsung|htc|"
    r"outlook|(?<![\w-])mail\b|airmail|hotmail|protonmail|mailbox|yahoo|windows|device|"
    r"smartphone|\bcell\b|tablet|ti-85|"
    r"alcatel|k-9|móvil|portable|telefono|appareil|gerät|telefoon|sparrow|superhuman|"
    r"spark|gmail|nokia|huawei|pixel|xiaomi|motorola|\bpc\b|\bmac\b|(?-i:\bi[A-Z][a-z]+)",
    re.IGNORECASE,
)
_PRONOUN_RE = re.compile(r"^(?:i|we|you|ich|wir|je|nous|yo|nosotros)\b", re.IGNORECASE)
# "-- " (RFC 3676 4.3), "--" and "__" mark a signature; longer rules ("-----", "*****") also
# separate sections of newsletters, so they count only above a short, card-like block.
_DELIMITER_RE = re.compile(r"^\s*(?:--\s*|_{2,}\s*)$")
_LOOSE_DELIMITER_RE = re.compile(r"^\s*(?:—\s*|-{3,}\s*|={3,}\s*|\*{3,}\s*)$")
_DASH_NAME_RE = re.compile(
    r"^ ?(?:[-—~]|//?)\s?[^\W\d_][^\W\d_'’]*\.?(?:\s[^\W\d_][^\W\d_.'’]*){0,2}\s*$")
_PHONE_RE = re.compile(r"(?:\+|\b)\(?\d[\d\s().\-/]{6,}\d\b")
_CONTACT_RE = re.compile(
    r"@|https?://|\bwww\.|\.(?:com|org|net|io|de|fr|es|co\.uk)\b|linkedin|"
    r"\b(?:tel|phone|mobile|mob|cell|fax|direct|office|tél|téléphone|teléfono|móvil|telefon|"
    r"handy|portable)\b\s*[.:]?",
    re.IGNORECASE,
)
_DEGREE_RE = re.compile(r"^(?:ph\.?d\.?|m\.?d\.?|mba|msc|bsc|dipl\.?-?\w*|esq\.?|jr\.?|sr\.?)$",
                        re.IGNORECASE)
_TITLE_RE = re.compile(
    r"\b(?:manager|director|president|ceo|cto|cfo|coo|cmo|vp|vice president|founder|"
    r"co-founder|partner|head of|lead|engineer|analyst|consultant|officer|coordinator|"
    r"specialist|associate|assistant|counsel|attorney|advisor|architect|developer|designer|"
    r"recruiter|sales|marketing|operations|planning|desk|department|team|"
    r"geschäftsführer|leiter|leiterin|gérant|directeur|directrice|responsable|"
    r"gerente|directora|jefe|fundador|fundadora|inc\.?|ltd\.?|llc|gmbh|corp\.?|s\.a\.?|sas)\b",
    re.IGNORECASE,
)
_NAME_WORD_RE = re.compile(r"^(?:[" + UPPER + r"][\w'’.\-]*|[" + LOWER + r"]{1,3}|[A-Z]\.)$")
_MAX_SIGNATURE_LINES = 11
_MAX_DELIMITED_LINES = 25
_LONG_LINE = 60


# A list of the files attached, written under the signature by some clients (" - deal.wpd",
# "<<terms.doc>>"): not part of the signature, and not text to read one from.
_ATTACHMENT_LINE = re.compile(
    r"(?i)^\s*(?:-\s+)?<{0,2}[\w .()\-]{1,80}\.(?:wpd|docx?|xlsx?|xls|pdf|pptx?|txt|zip|csv|"
    r"rtf|jpe?g|png|gif|tiff?|msg|html?|vcf)>{0,2}\s*$")


def _without_attachment_list(lines: list[str]) -> list[str]:
    end = len(lines)
    while end and (not lines[end - 1].strip() or _ATTACHMENT_LINE.match(lines[end - 1])):
        end -= 1
    listed = any(_ATTACHMENT_LINE.match(line) for line in lines[end:])
    return lines[:end] if listed else lines


def split_signature(text: str, sender_name: str | None = None) -> tuple[str, str | None]:
    """(body without the signature, the signature block or None)."""
    lines = _without_attachment_list(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    filled = [index for index, line in enumerate(lines) if line.strip()]
    if len(filled) < 2:
        return text, None
    start = _delimiter_start(lines, filled)
    if start is not None:
        start = _extend_upward(lines, filled, start)
    else:
        start = _starter_start(lines, filled) or _block_start(
            lines, filled, _name_tokens(sender_name))
    if start is None:
        return text, None
    body = "\n".join(lines[:start]).rstrip()
    return body, "\n".join(lines[start:]).strip()


def _delimiter_start(lines: list[str], filled: list[int]) -> int | None:
    """The topmost delimiter line among the last lines, with body text above it."""
    tail = filled[1:][-_MAX_DELIMITED_LINES:]
    for position, index in enumerate(tail):
        if _DELIMITER_RE.match(lines[index]):
            return index
        if _LOOSE_DELIMITER_RE.match(lines[index]) and _short_block(lines, tail[position + 1:]):
            return index
    return None


def _short_block(lines: list[str], indexes: list[int]) -> bool:
    long_lines = sum(1 for index in indexes if len(lines[index].strip()) > _LONG_LINE)
    closings_only = all(_BARE_SIGNOFF_RE.match(lines[index]) for index in indexes)
    prose = any(_is_prose(lines[index]) for index in indexes)
    return len(indexes) <= _MAX_SIGNATURE_LINES and long_lines <= 1 and not (closings_only or prose)


def _extend_upward(lines: list[str], filled: list[int], start: int) -> int:
    """Move a signature start up over the sign-off or "-Name" lines right above it."""
    above = [index for index in filled[1:] if index < start]
    while above and _is_starter(lines[above[-1]]) and not is_signoff_line(lines[above[-1]]):
        start = above.pop()
    if above and above[-1] == start - 1 and _is_name_line(lines[above[-1]]) and len(
            lines[above[-1]].split()) <= 2:
        start = above.pop()  # "Frank" typed right above the "-----" of a mobile signature
    return start


def _short_tail(lines: list[str], filled: list[int]) -> list[int]:
    """The last non-blank lines that could be a signature: short, few, never the first line.

    Mobile-client lines do not count towards the limit: some clients stack several of them.
    """
    tail: list[int] = []
    counted = 0
    for index in reversed(filled[1:]):
        mobile = is_mobile_line(lines[index])
        if counted >= _MAX_SIGNATURE_LINES and not mobile:
            break
        if len(lines[index].strip()) > _LONG_LINE and not mobile:
            break
        tail.insert(0, index)
        counted += 0 if mobile else 1
    return tail


def is_signoff_line(line: str) -> bool:
    """True for a closing line such as "Best regards," or "Mit freundlichen Grüßen"."""
    return len(line.strip()) <= 40 and bool(_SIGNOFF_RE.match(line))


_MOBILE_HEAD_END = re.compile(r",|[.!?](?:\s|$)")


def is_mobile_line(line: str) -> bool:
    """True for a mobile client line such as "Sent from my iPhone"."""
    text = line.strip().strip("()<>*_[] ")
    if not text or len(text) > 90 or len(text.split()) > 16 or _PRONOUN_RE.match(text):
        return False
    head = _MOBILE_HEAD_END.split(text)[0]
    return bool(_SENT_RE.search(head) and _DEVICE_RE.search(head))


def _is_starter(line: str) -> bool:
    return bool(is_signoff_line(line) or is_mobile_line(line) or _DASH_NAME_RE.match(line))


def _is_dash_list(lines: list[str], tail: list[int], position: int) -> bool:
    """True when a "- x" line is one item of a list rather than a "-Name" sign-off."""
    neighbours = [tail[p] for p in (position - 1, position + 1) if 0 <= p < len(tail)]
    return any(lines[i].lstrip().startswith(("-", "*", "•")) for i in neighbours)


def _starter_start(lines: list[str], filled: list[int]) -> int | None:
    """The lowest sign-off / mobile / "-Name" line, extended upward over adjacent starters."""
    tail = _short_tail(lines, filled)
    starters = [p for p, index in enumerate(tail) if _is_starter(lines[index])
                and not (_DASH_NAME_RE.match(lines[index]) and _is_dash_list(lines, tail, p))]
    # A closing word as the very last line ("Thanks!") is part of the text, not a signature.
    while starters and starters[-1] == len(tail) - 1 and _BARE_SIGNOFF_RE.match(lines[tail[-1]]):
        starters.pop()
    if not starters:
        return None
    position = starters[-1]
    if _prose_lines_after(lines, tail[position + 1:]) > 1:
        return None
    while position > 0 and _is_starter(lines[tail[position - 1]]):
        position -= 1
    return tail[position]


def _prose_lines_after(lines: list[str], indexes: list[int]) -> int:
    return sum(1 for index in indexes if _is_prose(lines[index]))


_WORD_CHAR = re.compile(r"\w")


def _is_prose(line: str) -> bool:
    stripped = line.strip()
    if _CONTACT_RE.search(stripped) or _PHONE_RE.search(stripped) or is_mobile_line(stripped):
        return False
    words = [word for word in stripped.split() if _WORD_CHAR.search(word)]
    return len(words) > 6 or stripped.endswith(("?", ":"))


def _block_start(lines: list[str], filled: list[int], name_tokens: set[str]) -> int | None:
    """A closing block without delimiter: a name line, then title/company/phone/URL lines.

    The topmost name line under which nothing reads as prose wins; a lone name line closing
    the message ("Tom", "J. E. McGrath") after a blank line is a signature by itself.
    """
    tail = _short_tail(lines, filled)
    for position, index in enumerate(tail):
        line = lines[index]
        rest = [lines[i] for i in tail[position + 1:]]
        if any(_is_prose(r) for r in rest) or _is_prose(line):
            continue
        if _names_sender(line, name_tokens) and len(rest) <= 6:
            return index
        if not _is_name_line(line):
            continue
        if _closing_name(lines, index, rest):
            return index
        # When the sender is known, a card must be theirs: a note ending with someone else's
        # details (the contact the note is about) keeps them in its text.
        if _looks_like_card(rest) and (not name_tokens or _mentions(name_tokens, [line, *rest])):
            return index
    return None


def _mentions(name_tokens: set[str], block: list[str]) -> bool:
    words = set(re.findall(r"[^\W\d_]+", " ".join(block).lower()))
    return bool(name_tokens & words)


def _closing_name(lines: list[str], index: int, rest: list[str]) -> bool:
    """A short name alone on the last line, set apart from the text by a blank line."""
    words = lines[index].split()
    if rest or index == 0 or lines[index - 1].strip() or is_signoff_line(lines[index]):
        return False
    if sum(1 for line in lines[:index] if line.strip()) < 2:
        return False  # "Hi,\n\nSure." is a greeting and an answer, not a body and a name
    if len(words) == 1:
        return not words[0].endswith((".", "!", "?", ":"))
    return all(len(w.strip(".")) == 1 for w in words[:-1])


def _looks_like_card(rest: list[str]) -> bool:
    if not rest or any(_is_prose(line) for line in rest):
        return False
    return any(_CONTACT_RE.search(line) or _PHONE_RE.search(line) or _TITLE_RE.search(line)
               for line in rest)


def _is_name_line(line: str) -> bool:
    words = [w.rstrip(",") for w in line.strip().split()]
    words = [w for w in words if w and not _DEGREE_RE.match(w)]
    if not 1 <= len(words) <= 4 or not words[0][:1].isupper():
        return False
    return all(_NAME_WORD_RE.match(word) for word in words)


def _names_sender(line: str, name_tokens: set[str]) -> bool:
    words = re.findall(r"[^\W\d_]+", line.lower())
    if not name_tokens or not 1 <= len(words) <= 5:
        return False
    if name_tokens & set(words):
        return True
    compact = "".join(words)  # "JohnAnderson" written without a space
    # (at the start or the end: "Ana" is in "Export Manager" but names no one there)
    return len(words) <= 2 and any(len(t) > 2 and (compact.startswith(t) or compact.endswith(t))
                                   for t in name_tokens)


def _name_tokens(sender: str | None) -> set[str]:
    """Lower-cased name words of a sender: "Jane Doe", "jane.doe@x.com" or "Jane <j@x.com>"."""
    if not sender:
        return set()
    text = sender.split("<")[0].strip().strip('"') or sender
    if "@" in text:  # only an address: its local part ("jane.doe") names the person
        text = re.sub(r"[._+-]", " ", text.split("@")[0])
    # A particle ("de" in "Sanne de Wit") is in many names: it ties no block to the sender.
    return {word for word in re.findall(r"[^\W\d_]+", text.lower())
            if len(word) > 1 and word not in _PARTICLES}


_PARTICLES = frozenset("""de van von der den da di du la le del della dos das ter ten zu al
bin""".split())
