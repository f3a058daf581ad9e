"""The shipped block model in use: loaded once, lazily; tags each token of a block and
assembles the fields a contact keeps (the first name, title and company spans; phones read by
phonenumbers outside fax lines).

Labels: NAME, TITLE, COMPANY, EMAIL, PHONE, FAX, URL, LABEL ("Tel.", "M:"), SEP, OTHER.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.parsing.labeller.features import block_features
from assistant.parsing.labeller.tokens import join, spans

MODEL_PATH = Path(__file__).with_name("blocks.crfsuite")
MAX_LINES = 16  # a block is short: anything longer is read up to here
MAX_LINE = 200
MAX_TOKENS = 16  # a longer line is prose, not a field of a card: it is not read
# ... unless fields are set apart on it: a one-line card ("Name | Title | Company | phone | mail")
MAX_SEPARATED_TOKENS = 28
_FIELD_SEPARATORS = frozenset({"|", "·", "•", "-", "–", "—"})
_MIN_FIELD_SEPARATORS = 3
_HONORIFIC_WORDS = 2
_LOCK = threading.Lock()
_FAX_WORD = re.compile(r"(?i)(?<![^\W\d_])(?:fax|telefax|télécopie|facsimile|f)(?![^\W\d_])")
_PHONE_WORD = re.compile(r"(?i)(?<![^\W\d_])(?:t|tel|phone|telephone|mobile|cell|office|direct|"
                         r"m|p|ph|mobil|handy|tél|téléphone|teléfono|móvil)(?![^\W\d_])")


@dataclass(frozen=True)
class BlockFields:
    """What the labeller read in a block (values as written; None when absent)."""

    name: str | None
    title: str | None
    company: str | None
    fax_lines: tuple[str, ...] = ()  # the text of each number labelled a fax


@lru_cache(maxsize=1)
def _tagger() -> object:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


def tag_lines(text: str, region: str = "US") -> list[list[tuple[str, str]]]:
    """(token, label) for each token of each non-empty line of ``text``."""
    lines = _lines(text)
    if not lines:
        return []
    features = block_features(lines, region)
    flat = [row for rows in features for row in rows]
    with _LOCK:  # a CRFsuite tagger is not safe to share between threads
        labels = _tagger().tag(flat)  # type: ignore[attr-defined]
    out, at = [], 0
    for _line, tokens in lines:
        out.append([(t, labels[at + i]) for i, (_, t) in enumerate(tokens)])
        at += len(tokens)
    return out


def _lines(text: str) -> list[tuple[str, list[tuple[int, str]]]]:
    lines = []
    for line in text.splitlines():
        line = line.strip().strip("*_>")[:MAX_LINE]
        tokens = spans(line)
        if tokens and _is_readable(tokens):
            lines.append((line, tokens))
        if len(lines) >= MAX_LINES:
            break
    return lines


def _is_readable(tokens: list[tuple[int, str]]) -> bool:
    if len(tokens) <= MAX_TOKENS:
        return True
    separators = sum(token in _FIELD_SEPARATORS for _, token in tokens)
    return len(tokens) <= MAX_SEPARATED_TOKENS and separators >= _MIN_FIELD_SEPARATORS


def read_block(text: str, region: str = "US") -> BlockFields:
    """The first name, title and company spans of a block, as written."""
    lines = _lines(text)
    tagged = tag_lines(text, region)
    found: dict[str, str] = {}
    faxes = []
    for (line, tokens), labels in zip(lines, tagged, strict=True):
        runs = _with_legal_form(list(_spans(tokens, _company_heads([lab for _, lab in labels]))))
        for label, span in runs:
            text = _unbracketed(join(line, span).strip(" ,;|"))
            if label in {"NAME", "TITLE", "COMPANY"} and not any(c.isalnum() for c in text):
                continue  # a bullet or a dash alone is no field
            if label in {"NAME", "TITLE", "COMPANY"} and label not in found:
                found[label] = text
            elif label == "COMPANY" and _names_the_entity(found[label], text, line):
                found[label] = text
            elif label == "NAME" and _signs_in_full(found[label], text):
                found[label] = text
            if label in {"FAX", "PHONE"} and _is_fax(line, label):
                faxes.append(join(line, span))
    return BlockFields(found.get("NAME"), found.get("TITLE"), found.get("COMPANY"),
                       tuple(faxes))


_HEAD_WORDS = 2


def _company_heads(labels: list[str]) -> list[str]:
    """A field starts after a separator and keeps one label: a word or two read as a title
    right after the separator and running on into the company without one is the company's
    head ("Leitung Vertrieb | Hartmann Logistik GmbH": "Hartmann" is no title)."""
    labels = list(labels)
    for start in range(1, len(labels)):
        if labels[start - 1] != "SEP" or labels[start] != "TITLE":
            continue
        end = start
        while end < len(labels) and labels[end] == "TITLE":
            end += 1
        if end - start <= _HEAD_WORDS and end < len(labels) and labels[end] == "COMPANY":
            labels[start:end] = ["COMPANY"] * (end - start)
    return labels


def _with_legal_form(runs: list) -> list:  # type: ignore[type-arg]
    """A company's legal form after a comma is part of it ("Meridian Health Systems, Inc.")."""
    out: list = []  # type: ignore[type-arg]
    for label, span in runs:
        if (label == "COMPANY" and len(out) >= 2 and out[-1][0] == "SEP"
                and [t for _, t in out[-1][1]] == [","] and out[-2][0] == "COMPANY"
                and all(has_legal_form("x " + t) for _, t in span)):
            comma = out.pop()
            previous = out.pop()
            out.append(("COMPANY", previous[1] + comma[1] + span))
            continue
        out.append((label, span))
    return out


def _names_the_entity(first: str, later: str, line: str) -> bool:
    """A unit on a line of its own, then the company with its legal form on the next
    ("Commercial Property Department" / "Stonebridge Hale LLP"): the company is where the
    person works; a unit whose line names its company ("Acme Corp. - Treasury") keeps it."""
    return later == line.strip(" ,;|") and has_legal_form(later) and not has_legal_form(first)


def has_legal_form(text: str) -> bool:
    """Whether a word after the first is a legal form ("Acme GmbH", "Meridian Systems, Inc.")."""
    from assistant.parsing.labeller.features import legal_forms

    return any(word.lower().strip(",") in legal_forms() for word in text.split()[1:])


def _unbracketed(text: str) -> str:
    """A field written in brackets loses them ("(Treasury Team)" -> "Treasury Team"); a
    bracket the field does not close is not part of it ("Team)")."""
    if text[:1] in "([" and text[-1:] in ")]":
        return text[1:-1].strip()
    if text.count("(") != text.count(")") or text.count("[") != text.count("]"):
        return text.strip("()[] ")
    return text


def _signs_in_full(first: str, later: str) -> bool:
    """A sign-off with the first name, then the full name on the card ("John" above "John Van
    Gelder"): the full name is the person's."""
    words = later.split()
    return " " not in first and len(words) > 1 and words[0].casefold() == first.casefold()


def _is_fax(line: str, label: str) -> bool:
    """A fax says so on its line: the model's FAX when the line names a fax, and every number
    of a line that names a fax and no phone ("713.555.0110 Facsimile")."""
    if not _FAX_WORD.search(line):
        return False
    return label == "FAX" or not _PHONE_WORD.search(line)


def line_names(text: str, region: str = "US") -> list[str]:
    """The NAME span of each line that has one, in order (several people in one note)."""
    names = []
    for (line, tokens), labels in zip(_lines(text), tag_lines(text, region), strict=True):
        runs = list(_spans(tokens, [lab for _, lab in labels]))
        if runs and runs[0][0] == "OTHER" and len(runs[0][1]) <= _HONORIFIC_WORDS:
            runs = runs[1:]  # honorifics before the name ("DR. EMILY CHEN", "Herr Dr. ...")
        if runs and runs[0][0] == "NAME":
            names.append(join(line, runs[0][1]).strip(" ,;|"))
    return names


def _spans(tokens: list[tuple[int, str]], labels: list[str]):  # type: ignore[no-untyped-def]
    """(label, tokens) for each run of one label."""
    run: list[tuple[int, str]] = []
    current = None
    for token, label in zip(tokens, labels, strict=True):
        if label != current and run:
            yield current, run
            run = []
        current = label
        run.append(token)
    if run:
        yield current, run
