"""E-mail addresses on a card that the OCR broke, mended against the hosts the card itself names
(its web site) and the common mail hosts.

Pure module: no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher, get_close_matches

from assistant.cards.lines import OcrLine
from assistant.cards.names import is_given_name
from assistant.cards.words import is_common_word
from assistant.parsing.contacts import find_urls, normalize_email

_BARE_DOMAIN = re.compile(r"(?i)(?<![@\w.-])(?:[a-z0-9-]{2,}\.)+(?:com|org|net|edu|gov|io|co|"
                          r"[a-z]{2})(?:/[^\s]*)?(?![\w@])")

# (Labels of two letters at least: "M.Sc." is a degree, not a site.)
# Mail hosts that many cards use besides the card's own web site.
_MAIL_HOSTS = ("gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com",
               "verizon.net", "comcast.net", "gmx.de", "web.de", "orange.fr", "free.fr")
_COMMON_TLDS = ("com", "org", "net", "edu")  # what a last label cut to one letter most often is
_AT_MISREAD = "aeogq©@&®"  # what the recogniser reads for an "@" it cannot place
_TLD_MISREAD = {"tom": "com", "con": "com", "corn": "com", "c0m": "com", "cem": "com",
                "coin": "com", "0rg": "org", "orq": "org", "nct": "net"}
# A web site whose ending the OCR misread ("example.c0m"): the ending put right.
_SITE_TLD_MISREAD = re.compile(
    r"(?i)(?<![@\w.-])((?:[a-z0-9-]+\.)+)(c0m|corn|con|cem|0rg|orq)(?![\w@])")


# What the OCR ran into the end of an address when it sits on one row with the next detail,
# the space between them lost: the web site ("jane@example.comwww.example.com",
# "jane@example.comhttp://...") or a phone's label in capitals ("jane@example.comT+1 ...").
_GLUED_AFTER_HOST = re.compile(r"(@[a-z0-9-]+(?:\.[a-z0-9-]+)*?\.[a-z]{2,}?)"
                               r"(?=(?i:www\.|https?(?::|$|\s))|[A-Z][a-z]{0,4}[:.]?\s?[+(\d])")


def _apart_after_host(text: str) -> str:
    """A space put back between an address and what the OCR ran into its end."""
    return _GLUED_AFTER_HOST.sub(r"\1 ", text) if "@" in text else text


def _site_tld(match: re.Match[str]) -> str:
    return match.group(1) + _TLD_MISREAD[match.group(2).lower()]


# A label in capitals run into an address in small letters: "Ejane@...", "MAILjane@...".
_GLUED_LABEL = re.compile(r"^(?:E-?(?:MAIL|[Mm]ail)|MAIL|Mail|E)[:.]?(?=[a-z][a-z0-9._+-]*$)")


# Spaces the OCR put into an address, most of all in photos: around its "@", after a dot in
# its own part ("jane. okafor@"), after the dot before its ending ("@example. com"), and a
# comma read for that dot ("@example,com").
_SPACED_AT = re.compile(r"(?<=[\w.])\s+@\s*(?=\w)|(?<=\w)@\s+(?=\w)")
_SPACED_DOT = re.compile(r"(?<![\w.])(?!(?:e-?mail|mail|web|tel)[._-])([a-z][a-z0-9]*[._-])\s+"
                         r"(?=[a-z0-9][\w.+-]*@)")
_HOST_SPACED = re.compile(r"(@[\w-]+(?:\.(?:co|com|ac|org|net|gov|edu|ne|or))?)\.\s+"
                          r"(?=(?:com|org|net|edu|gov|[a-z]{2})\b)")
_HOST_COMMA = re.compile(r"(@[\w-]+)\s*,\s*(?=(?:com|org|net|edu|gov)\b)")
# A space before the dot of the ending ("@example .com", "@example . com").
_HOST_SPACED_BEFORE = re.compile(r"(@[\w-]+(?:\.[\w-]+)*)\s+\.\s*"
                                 r"(?=(?:com|org|net|edu|gov|[a-z]{2})\b)")
# The "@" and the dots written out to keep robots off ("jane (at) example (dot) com",
# "jane[at]example.de"), in brackets only: a bare "at" is a word of the card.
_WRITTEN_AT = re.compile(r"(?i)(?<=[\w.])\s*[(\[{<]\s*at\s*[)\]}>]\s*(?=[a-z0-9])")
_WRITTEN_DOT = re.compile(r"(?i)(?<=[\w])\s*[(\[{<]\s*dot\s*[)\]}>]\s*(?=[a-z0-9])")


# A dot of the own part read with a space before it ("jane .okafor@") or as a comma glued
# between two words ("jane,okafor@"); an "@" or a dot of the host read twice ("jane@@example",
# "@example..com").
_SPACE_BEFORE_DOT = re.compile(r"(?<![\w.])([a-z][a-z0-9]*)\s+(?=[._][a-z0-9][\w.+-]*@)")
_COMMA_IN_LOCAL = re.compile(r"(?<![\w.,])([a-z][a-z0-9]*),(?=[a-z][\w.+-]*@)")
_DOUBLED_AT = re.compile(r"(?<=\w)@{2,}(?=\w)")
_DOUBLED_HOST_DOT = re.compile(r"(@[\w-]+(?:\.[\w-]+)*)\.{2,}(?=[a-z])")


# A bracket or a bar the OCR saw beside the "@" ("jane(@example.com"); a bar inside an address
# is a small l ("jane@examp|e.com"): no address holds one.
_BRACKET_AT = re.compile(r"(?<=[\w.])[(\[{|]@|@[)\]}|](?=\w)")
# The "@" read as a small a in brackets, its ring taken for them ("jane(a)example.com"); kept
# only where the address is then one.
_BRACKETED_A = re.compile(r"(?<=[\w.])\s?[(\[]a[)\]]\s?(?=[a-z0-9])")
_LETTER_BAR = re.compile(r"(?<=[a-z])\|(?=[a-z])")
# A bar set between an address and the next detail of its row, the spaces around it lost
# ("jane@example.com|www.example.com"): a mark between the two, not an l of the host.
_BAR_AFTER_ADDRESS = re.compile(r"(?<=@)([\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov))\|"
                                r"|(?<=@)([\w-]+(?:\.[\w-]+)*\.[a-z]{2,})\|(?=www\.|https?:)")
# The dot before a host's ending read as another mark ("@example:com", "@example·com").
_HOST_MARK = re.compile(r"(@[\w-]+)(?:[:;_-]|\s?[·•]\s?)(?=(?:com|org|net|edu|gov)(?![\w.@-]))")
# The dot after a second-level label read as a comma ("@example.co,uk").
_COUNTRY_COMMA = re.compile(r"(@[\w-]+\.(?:co|ac|or|ne|go|com)),(?=[a-z]{2}(?![\w.@-]))")
# A dot of the own part read twice, or a speck read as a dot before the "@"
# ("jane..okafor@", "jane.okafor.@"); an exclamation mark read for a small l ("fie!d").
_DOUBLED_LOCAL_DOT = re.compile(r"(?<=[a-z0-9])\.{2,}(?=[a-z0-9][\w.+-]*@)")
_DOT_BEFORE_AT = re.compile(r"(?<=[a-z0-9])\.(?=@)")
_BANG_FOR_L = re.compile(r"(?<=[a-z])!(?=[a-z])")
# The dot before a common ending read as a space ("jane@example com"), and a host cut in two
# by a space before its dot ("jane@exam ple.com"): the host before it has no dot yet.
_TLD_APART = re.compile(r"(@[\w-]+)\s+(?=(?:com|org|net|edu|gov)(?![\w.@-]))")
_HOST_APART = re.compile(r"(@[\w-]+)\s+(?!www\.)(?=[\w-]+\.(?:com|org|net|edu|gov|[a-z]{2})"
                         r"(?![\w@.-]))")


def _checked(text: str, pattern: re.Pattern[str], repl: str) -> str:
    """``pattern`` replaced by ``repl`` in each address it is found in, where the mended
    address is one (``email-validator``) and the address as read was none."""
    def mend(match: re.Match[str]) -> str:
        start = max(text.rfind(" ", 0, match.start()) + 1, 0)
        end = text.find(" ", match.end())
        end = len(text) if end < 0 else end
        before = text[start:end]
        after = before[:match.start() - start] + match.expand(repl) + before[match.end() - start:]
        after_word = after.split(" ")[0] if " " in match.group() else after
        whole = _valid(after_word) and not (" " not in match.group() and _valid(before))
        return match.expand(repl) if whole else match.group()
    return pattern.sub(mend, text)


def bars_mended(text: str) -> str:
    """A bar between two small letters of an address read as the small l it is
    ("jane@lumenfie|d.example"), and a bar seen beside its "@" dropped, when the address is
    one then."""
    if "|" not in text or "@" not in text:
        return text
    text = _BAR_AFTER_ADDRESS.sub(lambda m: f"{m.group(1) or m.group(2)} | ", text)
    tokens = []
    for token in text.split(" "):
        if "@" in token and "|" in token:
            mended = _LETTER_BAR.sub("l", token.replace("|@", "@").replace("@|", "@"))
            token = mended if "|" not in mended and _valid(mended) else token
        tokens.append(token)
    return " ".join(tokens)


def _valid(token: str) -> bool:
    candidate = token.strip("<>()[],;:")
    return "@" in candidate and normalize_email(candidate) is not None


def _closed_up(text: str) -> str:
    if _WRITTEN_AT.search(text):
        text = _WRITTEN_DOT.sub(".", _WRITTEN_AT.sub("@", text))
    text = _checked(text, _BRACKETED_A, "@")
    if "@" not in text:
        return text
    text = bars_mended(_checked(text, _BRACKET_AT, "@"))
    text = _checked(_checked(text, _DOUBLED_LOCAL_DOT, "."), _DOT_BEFORE_AT, "")
    text = _checked(_checked(_checked(text, _HOST_MARK, r"\1."), _COUNTRY_COMMA, r"\1."),
                    _BANG_FOR_L, "l")
    text = _checked(_checked(text, _TLD_APART, r"\1."), _HOST_APART, r"\1")
    text = _DOUBLED_HOST_DOT.sub(r"\1.", _DOUBLED_AT.sub("@", text))
    text = _HOST_SPACED_BEFORE.sub(r"\1.", _SPACED_AT.sub("@", text))
    text = _SPACED_DOT.sub(r"\1", text)
    text = _COMMA_IN_LOCAL.sub(r"\1.", _SPACE_BEFORE_DOT.sub(r"\1", text))
    return _HOST_COMMA.sub(r"\1.", _HOST_SPACED.sub(r"\1.", text))


def repair_emails(lines: list[OcrLine]) -> list[OcrLine]:
    """Addresses the OCR broke, mended against the hosts the card itself names (its web
    site) and the common mail hosts: the "@" read as a letter or dropped
    ("jane.dogexample.com" beside "www.example.com") and a host cut short at its dot
    ("jane@example." beside "www.example.com")."""
    lines = _rejoined_addresses(
        [replace(line, text=_closed_up(_SITE_TLD_MISREAD.sub(_site_tld,
                                                              _apart_after_host(line.text))))
         for line in lines])
    sites: dict[str, float] = {}
    for line in lines:
        for _, url in find_urls(line.text) + bare_domains(line.text):
            host = url.split("://", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")
            sites[host] = max(sites.get(host, 0.0), line.confidence)
    hosts = {h for h in sites if "." in h} | set(_MAIL_HOSTS)
    addressed = Counter(token.rpartition("@")[2].lower().rstrip(".,;")
                        for line in lines for token in line.text.split(" ") if "@" in token)
    # an address the OCR read whole names its host for another that lost its "@"
    read_whole = {h for h in addressed if _WHOLE_HOST.match(h)}
    mended = []
    for line in lines:
        surer = {h for h in hosts if sites.get(h, 0.0) > line.confidence}
        text = " ".join(_mended(token, hosts, surer, addressed, read_whole)
                        for token in line.text.split(" "))
        mended.append(replace(line, text=text))
    return _locals_mended(mended)


# The own parts of addresses that reach an office, not a person, in the seven languages.
ROLE_LOCALS = frozenset({
    "info", "information", "sales", "contact", "contacts", "office", "hello", "hi", "admin",
    "support", "mail", "email", "enquiries", "enquiry", "inquiries", "inquiry", "service",
    "services", "team", "reception", "welcome", "booking", "bookings", "reservations",
    "reservation", "accounts", "billing", "marketing", "press", "media", "hr", "jobs",
    "careers", "noreply", "no-reply", "orders", "help", "general", "studio", "kontakt",
    "buero", "büro", "verkauf", "contacto", "ventas", "oficina", "contatto", "ufficio",
    "vendite", "contato", "geral", "bureau", "accueil", "ventes", "secretariat", "secretaria",
    "verkoop", "kantoor", "post", "mailbox",
})


_HOST_ALONE = re.compile(r"(?i)^@?[a-z0-9-]+(?:\.[a-z0-9-]+)+$")
_LOCAL_ALONE = re.compile(r"(?i)^[a-z0-9][a-z0-9._+-]*$")


def _rejoined_addresses(lines: list[OcrLine]) -> list[OcrLine]:
    """An address the OCR read as two lines, cut at its "@" ("jane.okafor@" / "example.com",
    "jane.okafor" / "@example.com"), one address again on the first line."""
    out = list(lines)
    for at in range(len(out) - 1):
        line, following = out[at], out[at + 1]
        words, next_words = line.text.split(), following.text.split()
        if not words or not next_words or not _HOST_ALONE.match(next_words[0]):
            continue
        last, first = words[-1], next_words[0]
        cut_after = last.endswith("@") and len(last) > 1 and not first.startswith("@")
        cut_before = (first.startswith("@") and "@" not in last and _LOCAL_ALONE.match(last)
                      is not None)
        if not cut_after and not cut_before:
            continue
        out[at] = replace(line, text=f"{line.text.rstrip()}{first}",
                          confidence=min(line.confidence, following.confidence))
        out[at + 1] = replace(following, text=" ".join(next_words[1:]))
    return [line for line in out if line.text.strip()]


_WORD = re.compile(r"[^\W\d_]{4,}")
_LOCAL_PIECE = re.compile(r"[^._+\-]+")


def _locals_mended(lines: list[OcrLine]) -> list[OcrLine]:
    """An address's own part mended against the words printed on the card (most often the
    person's name), when a word was read more surely than the address: a piece that differs
    from the word only by letters the OCR confuses ("jane.okafcr" beside "Okafor" is not
    one; "jane.okaf0r" is), or that lost its last letter or two before the "@"
    ("jane.okaf@" beside "Jane Okafor")."""
    words: dict[str, float] = {}
    for line in lines:
        if "@" in line.text:
            continue
        for word in _WORD.findall(line.text):
            words[word.lower()] = max(words.get(word.lower(), 0.0), line.confidence)
    if not words:
        return lines
    out = []
    for line in lines:
        if "@" not in line.text:
            out.append(line)
            continue
        tokens: list[str] = []
        for token in line.text.split(" "):
            local, at, host = token.rpartition("@")
            if at and local and tokens and _word_cut(tokens[-1], local, words):
                local = tokens.pop() + local
            if at and local:
                token = f"{_local_mended(local, words, line.confidence)}@{host}"
            tokens.append(token)
        out.append(replace(line, text=" ".join(tokens)))
    return out


_LOCAL_HEAD = re.compile(r"^[a-z0-9][a-z0-9._+-]*$")


def _word_cut(before: str, local: str, words: dict[str, float]) -> bool:
    """An own part the OCR cut in two with a space inside a word printed on the card
    ("jane.oka for@" beside "Jane Okafor"): the piece before the space and the first piece
    after it make that word, and neither is one alone."""
    if not _LOCAL_HEAD.match(before) or not _LOCAL_HEAD.match(local):
        return False
    head = re.split(r"[._+-]", before)[-1]
    tail = re.split(r"[._+-]", local)[0]
    return (bool(head) and bool(tail) and (head + tail) in words
            and head not in words and tail not in words)


def _local_mended(local: str, words: dict[str, float], confidence: float) -> str:
    pieces = list(_LOCAL_PIECE.finditer(local))
    for number, match in enumerate(reversed(pieces)):
        piece = match.group()
        lowered = piece.lower()
        if len(piece) < 4 or lowered in words or not (piece.islower() or piece.isupper()
                                                       or piece[1:].islower()):
            continue
        last = number == 0 and match.end() == len(local)
        unknown = not _known_word(lowered)
        found = {w for w, sure in words.items() if (
            sure > confidence or sure >= confidence and unknown and _known_word(w)) and (
            confused(lowered, w) or last and len(piece) >= 5 and w.startswith(lowered)
            and 1 <= len(w) - len(piece) <= 2)}
        if len(found) == 1:
            word = found.pop()
            word = word.upper() if piece.isupper() else (
                word.capitalize() if piece[0].isupper() else word)
            local = local[:match.start()] + word + local[match.end():]
    return local


def _known_word(word: str) -> bool:
    """A given name or a common word: what an own part is made of when it is read right."""
    return is_given_name(word) or is_common_word(word)


_WHOLE_HOST = re.compile(r"^[a-z0-9-]{2,}(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|[a-z]{2})$")


def _mended(token: str, hosts: set[str], surer: set[str],
            addressed: Counter[str] | None = None,
            address_hosts: set[str] | None = None) -> str:
    """The token, an address in it mended; ``surer`` are the web hosts read with more
    confidence than the token's line, which may correct its host; ``addressed`` counts the
    hosts of the card's addresses as read (two addresses that agree on a host keep it)."""
    lowered = token.lower()
    if "@" in token:
        local, _, host = token.rpartition("@")
        local = _without_label(local)
        if host.endswith(".") or "." not in host:
            whole = [h for h in hosts if h.startswith(host.lower().rstrip(".") + ".")]
            host = whole[0] if len(whole) == 1 else _ending_put_back(
                _dot_put_back(host, hosts))
        name, dot, tld = host.rpartition(".")
        tld = _TLD_MISREAD.get(tld.lower(), tld)
        if dot and len(tld) == 1 and tld.isalpha():  # the host cut short in its last label
            whole = [h for h in hosts if h.startswith(f"{name}.{tld}".lower())]
            tld = whole[0].rpartition(".")[2] if len(whole) == 1 else next(
                (t for t in _COMMON_TLDS if t.startswith(tld.lower())), tld)
        host = name + dot + tld
        if addressed and addressed[host.lower()] >= 2:
            return f"{local}@{host}"
        return f"{local}@{_near_host(host, surer, hosts)}"
    if lowered.startswith(("www.", "http")) or ":" in token:
        return token
    for host in sorted(hosts | (address_hosts or set()), key=len, reverse=True):
        before = lowered[: -len(host)]
        if not lowered.endswith(host) or len(before) < 3 or before.endswith((".", "-")):
            continue
        misread = before not in ROLE_LOCALS and (  # "info" ends in a letter read for "@"
            before[-1] in _AT_MISREAD or before[:-1] in ROLE_LOCALS)
        local = token[: len(before) - 1] if misread else token[: len(before)]
        return f"{local}@{token[len(before):]}"
    return _role_address(token, hosts | (address_hosts or set()))


ROLE_HOST_LIKE = 0.85  # how close (difflib ratio) the rest of "info<host>" is to a known host
_ROLE_FIRST = sorted(ROLE_LOCALS, key=len, reverse=True)


def _role_address(token: str, hosts: set[str]) -> str:
    """An office's address that lost its "@" ("infolumenfield.com") where the card's site or
    another address was itself misread by a letter ("www.lumenfie1d.com"): the token opens
    with an office's own part, perhaps with the "@" read as a letter after it, and the rest
    is a host close to one the card names while the whole token is not. The host is kept as
    read (``_near_host`` may still correct it against a surer site)."""
    lowered = token.lower()
    if not _BARE_HOST.match(lowered):
        return token
    sites = [h for h in hosts if h not in _MAIL_HOSTS and h != lowered]  # not the token itself
    if not sites or get_close_matches(lowered, sites, n=1, cutoff=ROLE_HOST_LIKE):
        return token
    for local in _ROLE_FIRST:
        if not lowered.startswith(local):
            continue
        cuts = [len(local)] + ([len(local) + 1] if lowered[len(local)] in _AT_MISREAD else [])
        likeness = {cut: max(SequenceMatcher(None, lowered[cut:], site).ratio()
                             for site in sites)
                    for cut in cuts if _BARE_HOST.match(lowered[cut:])}
        if likeness and max(likeness.values()) >= ROLE_HOST_LIKE:
            cut = max(likeness, key=lambda c: likeness[c])
            return f"{token[:len(local)]}@{token[cut:]}"
        return token
    return token


_BARE_HOST = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}$")


_DOTLESS_END = re.compile(r"(?i)^([a-z0-9-]{3,})(com|org|net|edu|gov)$")


# The second-level labels after which a country's ending follows ("example.co.uk").
_BEFORE_COUNTRY = frozenset({"co", "com", "ac", "org", "net", "gov", "edu", "ne", "or", "go"})


def _ending_put_back(host: str) -> str:
    """A host cut at its last dot ("example.", the card's edge or the OCR's box ending
    there) with no site on the card to say how it ends: the commonest ending, ".com" (a
    guess, as the ending of one letter is), unless the label before the dot is one a
    country's ending follows ("example.co.")."""
    if not host.endswith(".") or host.endswith(".."):
        return host
    labels = host.rstrip(".").split(".")
    if len(labels[-1]) < 2 or (len(labels) > 1 and labels[-1].lower() in _BEFORE_COUNTRY):
        return host
    return f"{host}com"


def _dot_put_back(host: str, hosts: set[str]) -> str:
    """A host whose last dot the OCR lost ("examplecom"): a known host spelt with it, or the
    common ending set apart ("example.com")."""
    if "." in host:
        return host
    known = [h for h in hosts if h.replace(".", "") == host.lower()]
    if len(known) == 1:
        return known[0]
    ending = _DOTLESS_END.match(host)
    return f"{ending.group(1)}.{ending.group(2)}" if ending else host


def _near_host(host: str, hosts: set[str], every: set[str] | None = None) -> str:
    """The card's web site's host for an address host the OCR misread by a letter or two
    ("brghtvale.com" beside "www.brightvale.com"), among ``hosts`` (the sites read more
    surely than the address); among ``every`` site, only a host that differs by letters the
    OCR confuses with one another (i, l, 1; o, 0: "exampie.com" beside "example.com")."""
    lowered = host.lower()
    alike = [h for h in every or set() if confused(lowered, h) and not _less_lettered(h, lowered)]
    if len(alike) == 1:
        return alike[0]
    sites = [h for h in hosts if h not in _MAIL_HOSTS and not _less_lettered(h, lowered)]
    if not sites:
        return host
    close = get_close_matches(lowered, sites, n=1, cutoff=0.88)
    return close[0] if close else host


def _less_lettered(site: str, read: str) -> bool:
    """The site holds more figures or bars than the address as read: the OCR read a letter of
    the site as one ("examp1e.com" beside "jane@example.com"), not the other way."""
    def marks(text: str) -> int:
        return sum(ch.isdigit() or ch == "|" for ch in text)
    return marks(site) > marks(read)


_CONFUSED = (frozenset("il1|"), frozenset("o0"))
# Letters the OCR reads as one letter or two, most of all in photos: "rn" for "m" and back,
# "cl" for "d", "vv" for "w".
_RUNS = (("rn", "m"), ("cl", "d"), ("vv", "w"))


def confused(read: str, site: str) -> bool:
    """The same host (or word) but for one or two letters the OCR confuses."""
    if read == site:
        return False
    if len(read) != len(site):
        for run, letter in _RUNS:
            read, site = read.replace(run, letter), site.replace(run, letter)
        if read == site:
            return True
        if len(read) != len(site):
            return False
    pairs = [(a, b) for a, b in zip(read, site, strict=True) if a != b]
    return len(pairs) <= 2 and all(any({a, b} <= group for group in _CONFUSED) for a, b in pairs)


def _without_label(local: str) -> str:
    """The address's own part without a label glued before it, unless the whole reads as a
    name or a word ("Emma", "Events")."""
    first = re.split(r"[._+\-\d]", local, maxsplit=1)[0]
    if not _GLUED_LABEL.match(local) or is_given_name(first) or is_common_word(first):
        return local
    return _GLUED_LABEL.sub("", local)


def bare_domains(text: str) -> list[tuple[int, str]]:
    """Web sites written without a scheme ("example.com"), as https URLs with their place."""
    if "@" in text or find_urls(text):
        return []
    return [(m.start(), "https://" + m.group().lower()) for m in _BARE_DOMAIN.finditer(text)
            if not m.group()[0].isdigit()]


def name_locals(name: str) -> list[str]:
    """The own parts an address is most often made of from a person's name, longest first:
    "jane.okafor", "janeokafor", "jokafor", "okafor.jane", "jane", ..."""
    words = [re.sub(r"[^a-z]", "", _plain(word)) for word in name.split()]
    words = [word for word in words if word]
    if len(words) < 2:
        return []
    first, last = words[0], words[-1]
    made = {f"{first}.{last}", f"{first}{last}", f"{first}_{last}", f"{first}-{last}",
            f"{first[0]}{last}", f"{first[0]}.{last}", f"{last}.{first}", f"{last}{first}",
            f"{last}{first[0]}", f"{first}.{last[0]}", first, last}
    return sorted((local for local in made if len(local) >= 4), key=len, reverse=True)


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def address_in_site(host: str, locals_: list[str]) -> str | None:
    """The address a "web site" is, whose "@" the OCR read as a letter after the person's own
    part ("jane.okaforaexample.com" beside the name Jane Okafor): None when the host does not
    start that way."""
    lowered = host.lower()
    if lowered.startswith("www."):
        return None
    for local in locals_:
        rest = lowered[len(local) + 1:]
        label = rest.split(".", 1)[0]
        if (lowered.startswith(local) and lowered[len(local)] in _AT_MISREAD
                and "." in rest and len(label) >= 2):
            return f"{local}@{rest}"
    return None
