"""Reply trimming: keep only the new text of a plain-text reply.

Quoted history comes in three shapes: lines prefixed with ">" (RFC 3676 section 4.5 quoting),
an attribution line ("On <date>, <name> wrote:" and its localized forms) above the quote, and
the Outlook style where the whole previous message follows a "-----Original Message-----" line
or a "From: ... Sent: ... To: ... Subject:" header block without any quote prefix. Inline replies
(new text between quoted blocks) are kept; the quotes between them are dropped.

Pure module: no I/O.
"""

from __future__ import annotations

import re

from assistant.parsing.forwards import (
    header_block_at,
    is_marker_line,
    is_rule_line,
    split_flat_headers,
    unquote_line,
)
from assistant.parsing.memo import short_text_memo
from assistant.parsing.signatures import is_mobile_line

# "wrote" as attribution lines say it, in the languages mail clients are localized to.
_WROTE = (
    r"wrote|writes|sent|schrieb|schreibt|a écrit|a ecrit|escribió|escribio|ha scritto|scrisse|"
    r"schreef|geschreven|skrev|skriver|kirjoitti|napisał(?:\(a\)|a)?|napisal|"
    r"napsal(?:\(a\)|a)?|написал(?:\(а\)|а)?|написав(?:\(ла\)|ла)?|пише|escreveu|"
    r"va escriure|ha escrit|pisze|yazdı|a scris|έγραψε|írta|đã viết|写道|寫道|작성|"
    r"のメッセージ|さんは書きました"
)
_WROTE_RE = re.compile(rf"(?:^|[\s,>)\]\"'])(?:{_WROTE})(?=[\s:：.,\-]|$)", re.IGNORECASE)
# "Jane Doe wrote:" or "---- Jane Doe wrote ----": a name, the verb, nothing after it.
_NAME_WROTE_RE = re.compile(
    rf"^[-\s]*(?!(?:i|we|you|he|she|they|ich|je|yo)\b)[^\W\d][\w .'\"’-]{{0,50}}?\s"
    rf"(?:{_WROTE})\s*(?:[:：]|-{{2,}})\s*$",
    re.IGNORECASE,
)
_ENDS_LIKE_HEADER_RE = re.compile(r"(?:[:：]|-{2,}|\.\.\.)\s*$")
# Words attribution lines start with: On, Am, Le, El, Il, Op, Den, W dniu, Em, Dne, Vào, ...
_OPENER = (
    r"on|am|le|el|il|op|den|w dniu|em|dne|dnia|в|у|la|vào|el día|"
    r"\d{1,4}(?:[-/.]\d{1,2}[-/.]\d{1,4}|\.? \w+\.? \d{2,4})"
)
_OPENERS_RE = re.compile(rf"^[\s\-*]*(?:{_OPENER})\b", re.IGNORECASE)
# A reply written on the attribution line itself: "reply On <date>, <name> wrote:".
_INLINE_ATTRIBUTION_RE = re.compile(
    rf"^(?!(?:on|am|le|el|op)\s)(?P<keep>\S.*?)[\s-]+(?=(?:on|am|le|el|op)\s.*\d.*(?:{_WROTE})\s*[:：]\s*$)",
    re.IGNORECASE,
)
# Gmail's attribution without a verb: "2016-03-03 14:45 GMT+01:00 Some One <foo@bar.com>:".
_DATED_ADDRESS_RE = re.compile(
    r"^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b.{0,80}<[^\s@<>]+@[^\s@<>]+>\s*[:：]?\s*$"
)
# Any line naming a time or year and an address, ending like a header: "11:00 AM, November 17,
# 2021, "John - Acme" <john@acme.com>:", "ср, 30 апр. 2025 г. в 15:19, John <j@x.com>:".
_DATE_RE = re.compile(r"\d{1,2}[:.]\d{2}|\b(?:19|20)\d{2}\b")
_ADDRESS_RE = re.compile(r"[^\s@<>\"']+@[^\s@<>\"']+\.[a-z]{2,}", re.IGNORECASE)
# Notification mail asks for replies above a marker line ("Please type your reply above this
# line", "Bitte gib deine Antwort oberhalb dieser Zeile ein"): everything under it is history.
_REPLY_ABOVE_RE = re.compile(
    r"(?:reply|antwort|réponse|respuesta)\s(?:\w+\s){0,2}(?:above|oberhalb|au-dessus|encima)\s"
    r"(?:this|dieser|de cette|de esta)\s(?:line|zeile|ligne|línea)",
    re.IGNORECASE,
)
_MAX_ATTRIBUTION_LINES = 6
_MAX_ATTRIBUTION_CHARS = 400


@short_text_memo(2048, _MAX_ATTRIBUTION_CHARS)  # a body's lines are read from many starts
def _attribution_cue(line: str) -> bool:
    """Whether a line has the address, the "wrote" or the date an attribution opens with."""
    return bool("@" in line or _WROTE_RE.search(line) or _DATE_RE.search(line))


def attribution_span(lines: list[str], start: int) -> int:
    """How many lines from `start` form an "On ... wrote:" attribution (0 when none)."""
    first = lines[start]
    if not first.strip() or len(first) > _MAX_ATTRIBUTION_CHARS:
        return 0
    opener = bool(_OPENERS_RE.match(first))
    if not opener and not _attribution_cue(first):
        return 0
    joined = ""
    limit = _MAX_ATTRIBUTION_LINES if opener else 3
    for count in range(1, min(limit, len(lines) - start) + 1):
        line = lines[start + count - 1].strip()
        if not opener and not line:
            return 0
        joined = f"{joined} {line}".strip()
        if len(joined) > _MAX_ATTRIBUTION_CHARS:
            return 0
        if _is_attribution(joined, single=not opener):
            return count
    return 0


def _is_attribution(text: str, *, single: bool) -> bool:
    if _DATED_ADDRESS_RE.match(text) or _dated_address_header(text):
        return True
    if not (_WROTE_RE.search(text) and _ENDS_LIKE_HEADER_RE.search(text)):
        return False
    # A short "Jane wrote:" line is an attribution; longer prose ending in "wrote:" is one
    # only when it names a date or an address, or opens the way clients write it.
    if not single:
        return True
    if re.search(r"\d|@", text):
        return True
    return bool(_NAME_WROTE_RE.match(text))


def _dated_address_header(text: str) -> bool:
    """A time or year and an address, ending with ":" or a "wrote" verb."""
    if len(text) > 300 or not (_DATE_RE.search(text) and _ADDRESS_RE.search(text)):
        return False
    return bool(re.search(rf"(?:[:：]|(?:{_WROTE}))\s*$", text, re.IGNORECASE))


def inline_attribution(line: str) -> str | None:
    """The reply text in front of an attribution written on the same line, else None."""
    if len(line) > _MAX_ATTRIBUTION_CHARS or not _ENDS_LIKE_HEADER_RE.search(line):
        return None
    match = _INLINE_ATTRIBUTION_RE.match(line)
    return match.group("keep") if match else None


def starts_history(lines: list[str], index: int) -> bool:
    """True when unquoted history (Outlook header block or a forward marker) starts here."""
    line = lines[index]
    if len(line) > _MAX_ATTRIBUTION_CHARS:
        return False
    if is_marker_line(line) or header_block_at(lines, index) or _REPLY_ABOVE_RE.search(line):
        return True
    if is_rule_line(line):
        after = _next_nonblank(lines, index + 1)
        return after < min(len(lines), index + 4) and header_block_at(lines, after)
    return False


def _skip_quoted(lines: list[str], index: int) -> int:
    """Index of the first line after the quoted block (and blank lines) that starts at `index`.

    Unquoted lines wedged between quoted ones with no blank line around them are quoted lines
    that a client re-wrapped without their "> " mark: they belong to the quote.
    """
    while index < len(lines):
        line = lines[index]
        if not line.strip() or unquote_line(line)[0] > 0:
            index += 1
            continue
        wedged = _rewrapped_run_end(lines, index)
        if wedged is None:
            break
        index = wedged
    return index


def _rewrapped_run_end(lines: list[str], index: int) -> int | None:
    """End of a run of unquoted lines directly between two quoted lines, else None."""
    if index == 0 or unquote_line(lines[index - 1])[0] == 0:
        return None
    end = index
    while end < len(lines) and lines[end].strip() and unquote_line(lines[end])[0] == 0:
        end += 1
    if end < len(lines) and lines[end].strip() and unquote_line(lines[end])[0] > 0:
        return end
    return None


def _next_nonblank(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def new_text_lines(lines: list[str]) -> list[str]:
    """The lines of a reply that are the sender's own, in order."""
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if unquote_line(line)[0] > 0:
            index = _skip_quoted(lines, index)
            continue
        if starts_history(lines, index):
            break
        span = attribution_span(lines, index)
        if not span and is_mobile_line(line):
            kept.append(line)  # "Sent from my iPhone" ends what its author wrote
            break
        if not span and (front := inline_attribution(line)) is not None:
            kept.append(front)
            span = 1
        if span:
            after = _next_nonblank(lines, index + span)
            if after >= len(lines) or unquote_line(lines[after])[0] == 0:
                break  # an unquoted copy of the old message follows: everything below is history
            index = _skip_quoted(lines, after)
            continue
        kept.append(line)
        index += 1
    return kept


@short_text_memo(256)  # a message's body is trimmed more than once
def trim_reply(text: str) -> str:
    """Only the new text of a reply: quoted history and attribution headers removed."""
    lines = split_flat_headers(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    kept = [line.rstrip() for line in new_text_lines(lines)]
    while kept and not kept[0].strip():
        kept.pop(0)
    return "\n".join(kept).rstrip()
