"""Reading the owner's resource lines from an email body.

One line per resource, anywhere in the message::

    resource: K8s migration checklist https://example.com/k8s #kubernetes #sre - used at Acme

gives ``Resource(title="K8s migration checklist", url="https://example.com/k8s",
tags=("kubernetes", "sre"), note="used at Acme")``. The keyword may be written
"resource", "ressource" (German, French) or "recurso" (Spanish), in any case, after a list
bullet. The note follows a spaced dash (" - ", " – ", " — "). Quoted lines (``>``) are someone
else's words and are skipped. A line without a web link is reported in plain words, so the
acknowledgement email can tell the owner what to fix; the other lines still count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from assistant.drafting.types import Resource
from assistant.errors import PermanentError

_KEYWORD = re.compile(r"^\s*(?:[-*•]\s+)?(?:resource|ressource|recurso)\s*:\s*(?P<rest>.*)$",
                      re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_TAG = re.compile(r"(?:^|\s)#(?P<tag>[\w][\w+\-]*)", re.UNICODE)
_NOTE_SEPARATOR = re.compile(r"\s+[-–—]\s+|\s+[-–—]$")
_EMPTY_BRACKETS = re.compile(r"[(\[<]\s*[)\]>]")
_TRAILING = ".,;:!?)]}>\"'"


class ResourceLineError(PermanentError):
    """Raised when a resource line cannot be read; ``reason`` is in plain words for the owner."""

    def __init__(self, line: str, reason: str) -> None:
        super().__init__(f"{reason}: {line.strip()!r}")
        self.line = line.strip()
        self.reason = reason


@dataclass(frozen=True)
class ResourceLineProblem:
    """A resource line that was skipped, with its 1-based line number and the reason."""

    line_number: int
    line: str
    reason: str


@dataclass(frozen=True)
class ResourceLines:
    """Every resource line of a message: the ones read and the ones that could not be."""

    resources: tuple[Resource, ...] = ()
    problems: tuple[ResourceLineProblem, ...] = ()


def is_resource_line(line: str) -> bool:
    """Whether a line starts with the resource keyword (and is not quoted)."""
    return _KEYWORD.match(line) is not None and not line.lstrip().startswith(">")


def parse_resource_lines(text: str) -> ResourceLines:
    """Read every resource line in ``text``; other lines are ignored."""
    resources: list[Resource] = []
    problems: list[ResourceLineProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not is_resource_line(line):
            continue
        try:
            resources.append(parse_resource_line(line))
        except ResourceLineError as error:
            problems.append(ResourceLineProblem(number, error.line, error.reason))
    return ResourceLines(tuple(resources), tuple(problems))


def parse_resource_line(line: str) -> Resource:
    """Read one resource line (with or without the keyword); raise ``ResourceLineError``."""
    keyword = _KEYWORD.match(line)
    rest = keyword["rest"] if keyword else line
    if not rest.strip():
        raise ResourceLineError(line, "nothing follows 'resource:'; add a title and a link")
    url_match = _URL.search(rest)
    if url_match is None:
        raise ResourceLineError(
            line, "no link found; add the web address, starting with https://, after the title"
        )
    url = _clean_url(url_match.group())
    without_url = rest[: url_match.start()] + " " + rest[url_match.end():]
    tags = tuple(dict.fromkeys(m["tag"].lower() for m in _TAG.finditer(without_url)))
    title, note = _title_and_note(_TAG.sub(" ", without_url))
    return Resource(title=title or _title_from_url(url), url=url, tags=tags, note=note)


def _clean_url(raw: str) -> str:
    url = raw.rstrip(_TRAILING)
    if url.lower().startswith("www."):
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or "." not in parts.netloc:
        raise ResourceLineError(raw, "the link is not a web address (https://...)")
    return url


def _title_and_note(text: str) -> tuple[str, str]:
    pieces = _NOTE_SEPARATOR.split(text.strip(), maxsplit=1)
    title = " ".join(_EMPTY_BRACKETS.sub(" ", pieces[0]).split()).strip(" -–—:([<")
    note = " ".join(pieces[1].split()) if len(pieces) > 1 else ""
    return title, note


def _title_from_url(url: str) -> str:
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")
