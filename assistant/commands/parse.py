"""Reading an owner's command from the subject or the first line of the body (pure).

The subject wins over the body; reply and forward prefixes ("Re:", "AW:", "Fwd:") are ignored,
so ``undo`` typed in a reply to an acknowledgement is read from the body's first line while the
subject still says "Re: Re: ...". A command word stands alone (trailing "." or "!" allowed);
only ``find`` takes an argument. Anything else is not a command (None): a note that happens to
start with "Summary of our call" must never be mistaken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COMMANDS = ("help", "summary", "pending", "find", "export", "pause", "resume", "undo", "digest",
            "each", "renew")
UNKNOWN = "unknown"
_PREFIXES = re.compile(r"(?i)^\s*(?:(?:re|aw|sv|antw|réf|rif|r|fwd?|wg|tr|rv|enc)\s*:\s*)+")
_FIND = re.compile(r"(?i)^find\s+(?P<name>\S.{0,80})$")
_ALIASES = {"?": "help", "commands": "help", "menu": "help",
            "start": "resume", "unpause": "resume", "report": "summary", "drafts": "pending"}


@dataclass(frozen=True)
class Command:
    """``name`` is one of ``COMMANDS`` (or ``unknown``); ``argument`` is ``find``'s name."""

    name: str
    argument: str = ""


def parse_command(subject: str, body_first_line: str) -> Command | None:
    for candidate in (_PREFIXES.sub("", subject or ""), body_first_line or ""):
        command = _read(candidate)
        if command is not None:
            return command
    return None


def _read(line: str) -> Command | None:
    text = " ".join(line.split()).rstrip(".!").strip()
    if not text:
        return None
    found = _FIND.match(text)
    if found:
        return Command("find", found["name"].strip().strip("\"'"))
    word = text.lower()
    word = _ALIASES.get(word, word)
    return Command(word) if word in COMMANDS else None


def first_line(body: str) -> str:
    """The first non-blank line of a plain-text body."""
    return next((line.strip() for line in body.splitlines() if line.strip()), "")
