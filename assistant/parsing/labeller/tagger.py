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
from assistant.parsing.letters import UPPER
from assistant.parsing.memo import short_text_memo

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
_FAX_WORD = re.compile(r"(?i)(?<![^\W\d_])(?:fax|telefax|télécopie|facsimile|f|faks|fakss|faksas"
                       r"|faksi|факс|φαξ|bréfsími)(?![^\W\d_])")
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
    return [list(line) for line in _tagged(text, region)]


@short_text_memo(256)
def _tagged(text: str, region: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    """``tag_lines``, read once per distinct block (a message asks for the same block often)."""
    lines = _lines(text)
    if not lines:
        return ()
    features = block_features(lines, region)
    flat = [row for rows in features for row in rows]
    with _LOCK:  # a CRFsuite tagger is not safe to share between threads
        labels = _tagger().tag(flat)  # type: ignore[attr-defined]
    out, at = [], 0
    for _line, tokens in lines:
        out.append(tuple((t, labels[at + i]) for i, (_, t) in enumerate(tokens)))
        at += len(tokens)
    return tuple(out)


def _lines(text: str) -> list[tuple[str, list[tuple[int, str]]]]:
    return [(line, list(tokens)) for line, tokens in _read_lines(text)]


@short_text_memo(256)
def _read_lines(text: str) -> tuple[tuple[str, tuple[tuple[int, str], ...]], ...]:
    """``_lines``, read once per distinct block."""
    lines = []
    for line in text.splitlines():
        line = line.strip().strip("*_>")[:MAX_LINE]
        tokens = _line_spans(line)
        if tokens and _is_readable(tokens):
            lines.append((line, tokens))
        if len(lines) >= MAX_LINES:
            break
    return tuple(lines)


@short_text_memo(1024, MAX_LINE)  # a line comes back in the other blocks read around it
def _line_spans(line: str) -> tuple[tuple[int, str], ...]:
    return tuple(spans(line))


def _is_readable(tokens: tuple[tuple[int, str], ...]) -> bool:
    if len(tokens) <= MAX_TOKENS:
        return True
    separators = sum(token in _FIELD_SEPARATORS for _, token in tokens)
    return len(tokens) <= MAX_SEPARATED_TOKENS and separators >= _MIN_FIELD_SEPARATORS


@short_text_memo(256)  # a signature or a line is read again by later readers of the message
def read_block(text: str, region: str = "US", person: str | None = None) -> BlockFields:
    """The first name, title and company spans of a block, as written.

    A unit's line of its own ("Ufficio Acquisti", "Purchasing Dept.", "Abteilung Einkauf") is
    neither the title nor the company when another line names the company: the person works
    in that unit of it. ``person``: the signer's name, never their title or company (a
    one-line card opening with the name the model took for a company)."""
    own = _own_keys(person)
    lines = _lines(text)
    tagged = tag_lines(text, region)
    found: dict[str, str] = {}
    units: dict[str, str] = {}
    faxes = []
    whole = False  # the company found first is a line of its own
    fixed = _line_fields(lines, [[lab for _, lab in labels] for labels in tagged])
    for (line, tokens), labels, line_labels in zip(lines, tagged, fixed, strict=True):
        runs = _with_legal_form(list(_spans(tokens, _company_heads(line_labels))))
        runs = _name_runs_on(line, _brand_before_title(line, _name_opens_line(runs)))
        runs = _company_after_title(line, runs, own)
        runs = _area_before_company(line, runs)
        runs = _mid_sentence(runs)
        for label, span in runs:
            text = _unbracketed(_without_end_separators(join(line, span)))
            if label == "COMPANY" and _company_line_whole(line, labels, span):
                text = line.strip(" ,;|")  # "Corticeira do Sul, Lda.": the line to its legal form
            if label == "COMPANY":
                text = _without_full_stop(_LEADING_PREPOSITION.sub("", text))
                if " " not in text and text.islower() and len(text) <= 3:
                    continue  # "et", "and", "y" after a name: a conjunction, not a company
            elif label == "TITLE":
                text = _TRAILING_PREPOSITION.sub("", text)
                head, bar, tail = text.rpartition(" | ")
                if bar and is_unit(tail):  # "Production Manager | Procurement Department"
                    units.setdefault("COMPANY", tail)
                    text = head
                if text.lower() in _CONJUNCTIONS:
                    continue  # "und" between two people: a conjunction, not a title
            if label in {"NAME", "TITLE", "COMPANY"} and not any(c.isalnum() for c in text):
                continue  # a bullet or a dash alone is no field
            if label in {"TITLE", "COMPANY"} and own and _key(text) in own:
                continue
            if label in {"TITLE", "COMPANY"} and is_unit(text):
                # a unit line is where the person works, whichever field the model read it as
                units.setdefault("COMPANY", text)
                continue
            if label == "TITLE" and "TITLE" not in found:
                joined = _title_at_company(text)
                if joined is not None:  # "Director of Lab Operations at HelixGen Therapeutics"
                    found["TITLE"] = joined[0]
                    found.setdefault("COMPANY", joined[1])
                    continue
            if label in {"NAME", "TITLE", "COMPANY"} and label not in found:
                found[label] = text
                whole = whole or (label == "COMPANY" and text == line.strip(" ,;|"))
            elif label == "COMPANY" and _names_the_entity(found[label], text, line, whole):
                found[label] = text
            elif label == "NAME" and _signs_in_full(found[label], text):
                found[label] = text
            if label in {"FAX", "PHONE"} and _is_fax(line, label):
                faxes.append(join(line, span))
    if "COMPANY" not in found:  # the unit is all the block says of where the person works
        found.update({k: v for k, v in units.items() if k not in found})
    return BlockFields(found.get("NAME"), found.get("TITLE"), found.get("COMPANY"),
                       tuple(faxes))


_JOINED = re.compile(r"\s(?:at|@|bei|chez|presso|bij)\s+(?=[" + UPPER + r"0-9])")


_CONJUNCTIONS = frozenset({"and", "und", "et", "e", "y", "i", "en", "&", "/", "of", "de", "di"})


def _without_end_separators(text: str) -> str:
    """A field without the separators at its ends ("Fernhollow Capital -" -> "Fernhollow
    Capital"): a dash or a bar between two fields belongs to neither."""
    text = re.sub(r"^[\s,;|·•/–—-]+|[\s,;|·•/–—-]+$", "", text)
    return _TRAILING_CONJUNCTION.sub("", text)


# "Verrerie Isnard et cherche ...": a field ends before a conjunction the model ran on to
_TRAILING_CONJUNCTION = re.compile(
    r"(?<=\S)\s+(?:and|und|et|y|e|en|of|de|des|di|du|da|do|van|von)$")


def _title_at_company(text: str) -> tuple[str, str] | None:
    """A title run that holds "<title> at <Company>" whole: the two fields."""
    from assistant.parsing.contacts import clean_company, is_title_phrase

    match = _JOINED.search(text)
    if match is None:
        return None
    title, company = text[:match.start()].strip(), clean_company(text[match.end():])
    if company and is_title_phrase(title, loose=True) and company == text[match.end():].strip():
        return title, company
    return None


_OTHER_FIELDS = frozenset({"NAME", "TITLE", "EMAIL", "PHONE", "FAX", "URL", "LABEL"})


def _company_line_whole(line: str, labels: list, span: list) -> bool:  # type: ignore[type-arg]
    """A line that opens with the company and ends in a legal form, with no other field on it:
    the whole line is the company, though the model read only its head."""
    if not span or span[0][0] != 0 or any(lab in _OTHER_FIELDS for _, lab in labels):
        return False
    last = line.split()[-1].lower().strip(",;")
    from assistant.parsing.labeller.features import legal_forms

    return last in legal_forms() and len(line.split()) <= 8


def _key(text: str) -> str:
    from assistant.parsing.draft import name_key

    return name_key(text)


def _own_keys(person: str | None) -> set[str]:
    """The signer's name, and each of its words (a field holding only a word of the name is the
    name the model misread: "כהן" of "נועה כהן")."""
    key = _key(person) if person else ""
    return ({key, *key.split(" ")} - {""}) if key else set()


# "Architetto presso Ceramiche Vela", "Inkoper bij Groenhof": the preposition joining a title to
# its company is no part of the company.
_LEADING_PREPOSITION = re.compile(
    r"^(?:at|@|bei|chez|presso|bij|em|na|no|en|à|auprès de|für|for)\s+(?=\S)", re.IGNORECASE)
_TRAILING_PREPOSITION = re.compile(
    r"(?<=\S)\s+(?:at|@|bei|chez|presso|bij|em|na|no|en|à|auprès de)$", re.IGNORECASE)
# A unit's own words, first or last on its line, in the languages of the corpus.
_UNIT_HEAD = re.compile(
    r"(?i)^(?:ufficio|servizio|dipartimento|divisione|settore|reparto|direzione|area|"
    r"department|dept\.?|division|service|direction|département|pôle|departamento|depto\.?|"
    r"área|sección|división|abteilung|bereich|fachbereich|afdeling|divisie|departement|"
    r"sector|setor|divisão)\s")
_UNIT_TAIL = re.compile(r"(?i)\s(?:department|dept\.?|division|abteilung|afdeling|team|desk|"
                        r"unit|office)$")


def is_unit(text: str) -> bool:
    """Whether a line names a unit of an organisation and no job ("Ufficio Acquisti", "Legal
    Department"; not "Service Manager")."""
    from assistant.parsing.contacts import TITLE_WORD

    if not (_UNIT_HEAD.match(text) or _UNIT_TAIL.search(text)) or len(text.split()) > 5:
        return False
    words = text.split()
    return not any(TITLE_WORD.match(w.strip(",.")) for w in words[1:-1] + [words[0], words[-1]]
                   if w.lower() not in _UNIT_WORDS_OK)


_UNIT_WORDS_OK = frozenset({"office", "desk", "service", "direction"})


_NAME_PARTICLES = frozenset("""de la las los del van von der den da di du le dos das ter ten
bin al el""".split())


def _name_runs_on(line: str, runs: list) -> list:  # type: ignore[type-arg]
    """A "title" right after the name with no separator, made of particles and capitalised
    words and no title word, is the rest of the name ("María José de" + "la Fuente Olmos")."""
    from assistant.parsing.contacts import is_title_phrase

    out: list = []  # type: ignore[type-arg]
    for label, span in runs:
        cut = next((i for i, (_, t) in enumerate(span) if t in {",", "|", "·", "•", ";"}),
                   len(span))
        head = span[:cut]
        words = [t for _, t in head]
        if (label in {"TITLE", "OTHER"} and out and out[-1][0] == "NAME" and head
                and (label == "TITLE" or cut < len(span))
                and not is_title_phrase(join(line, head), loose=True)
                and all(w in _NAME_PARTICLES or (w[:1].isupper() and w[1:].islower()
                                                 or "-" in w and w[:1].isupper())
                        for w in words)
                and any(w[:1].isupper() for w in words)):
            out[-1] = ("NAME", out[-1][1] + head)
            if cut < len(span):
                out.append(("SEP", span[cut:cut + 1]))
            if cut + 1 < len(span):
                out.append((label, span[cut + 1:]))
            continue
        out.append((label, span))
    return out


def _name_opens_line(runs: list) -> list:  # type: ignore[type-arg]
    """Words opening a line right before the name, the first a given name, each capitalised
    ("Jon St." before "Pierre"): the name's own first words."""
    from assistant.parsing.labeller.features import is_given_name

    if len(runs) < 2 or runs[0][0] != "OTHER" or runs[1][0] != "NAME":
        return runs
    words = [t for _, t in runs[0][1]]
    # (two words or three: a lone word before the name is an honorific, "Me", "Ing.", "Bayan")
    if (2 <= len(words) <= 3 and is_given_name(words[0]) and not words[0].endswith(".")
            and all(w[:1].isupper() and w.rstrip(".").isalpha() for w in words)):
        return [("NAME", runs[0][1] + runs[1][1]), *runs[2:]]
    return runs


# Words that make a phrase an organisation's name in the languages of the corpus.
_FIRM_WORDS = frozenset("""asociados associados associés associati associates abogados advogados
avocats avvocati advocaten rechtsanwälte partners partner partnerschaft hermanos irmãos frères
fratelli brothers sons söhne filhos hijos figli fils""".split())


def _company_after_title(line: str, runs: list, own: set[str]) -> list:  # type: ignore[type-arg]
    """A title run that a comma splits, whose tail names a firm ("Socia directora, Navarro y
    Asociados": a firm's word, a legal form, or the signer's own surname first): the tail is the
    company. A unit after a title's comma stays the title's ("Vice President, Claims")."""
    from assistant.parsing.contacts import is_title_phrase
    from assistant.parsing.labeller.features import legal_forms

    if any(label == "COMPANY" for label, _ in runs):
        return runs
    out: list = []  # type: ignore[type-arg]
    for label, span in runs:
        cut = max((i for i, (_, t) in enumerate(span) if t == ","), default=None)
        if label != "TITLE" or not cut or cut + 1 >= len(span):
            out.append((label, span))
            continue
        head, tail = join(line, span[:cut]), join(line, span[cut + 1:])
        words = [w.lower().strip(",.") for w in tail.split()]
        firm = (any(w in _FIRM_WORDS or w in legal_forms() for w in words)
                or (bool(own) and _key(tail.split()[0]) in own) or _initials(tail))
        if firm and tail[:1].isupper() and is_title_phrase(head, loose=True):
            out += [("TITLE", span[:cut]), ("SEP", [span[cut]]), ("COMPANY", span[cut + 1:])]
        else:
            out.append((label, span))
    return out


# Capitals after a title's comma that name an area or a unit, not a company
_AREA_INITIALS = frozenset("""HR IT IR PR QA BD CX UX UI ESG EMEA APAC AMER LATAM MENA DACH
CEE EU US UK R&D""".split())


def _initials(tail: str) -> bool:
    """A company written as its initials ("Senior Counsel, QVX"): one word of 3 to 5 capitals
    that names no area or unit."""
    return bool(re.fullmatch(r"[A-Z]{3,5}", tail)) and tail not in _AREA_INITIALS


def _area_before_company(line: str, runs: list) -> list:  # type: ignore[type-arg]
    """A title, a comma, an area, a comma and the company with its legal form on one line
    ("Category Lead, Dairy & Bakery, Glenholm Foods Ltd"): the area is the title's."""
    shape = [label for label, _ in runs]
    for at in range(len(runs) - 4):
        if (shape[at:at + 5] == ["TITLE", "SEP", "COMPANY", "SEP", "COMPANY"]
                and [t for _, t in runs[at + 1][1]] == [","]
                and [t for _, t in runs[at + 3][1]] == [","]
                and has_legal_form(join(line, runs[at + 4][1]))
                and not has_legal_form(join(line, runs[at + 2][1]))):
            title = runs[at][1] + runs[at + 1][1] + runs[at + 2][1]
            return [*runs[:at], ("TITLE", title), *runs[at + 3:]]
    return runs


def _brand_before_title(line: str, runs: list) -> list:  # type: ignore[type-arg]
    """A title run that a separator splits, whose first part is no title and the rest is
    ("Kitewing | Director of Partnerships"): the first part is the company."""
    from assistant.parsing.contacts import is_title_phrase

    shape = [label for label, _ in runs]
    if (shape == ["TITLE", "SEP", "TITLE"] and [t for _, t in runs[1][1]][0] in {"|", "·", "•"}
            and is_title_phrase(join(line, runs[2][1]), loose=True)
            and not is_title_phrase(join(line, runs[0][1]), loose=True)):
        return [("COMPANY", runs[0][1]), *runs[1:]]  # the same, the separator read on its own
    out: list = []  # type: ignore[type-arg]
    for label, span in runs:
        cut = next((i for i, (_, t) in enumerate(span) if t in {"|", "·", "•"}), None)
        if label != "TITLE" or cut is None or cut == 0 or any(lab == "COMPANY" for lab, _ in runs):
            out.append((label, span))
            continue
        head, rest = join(line, span[:cut]), join(line, span[cut + 1:])
        if rest and is_title_phrase(rest, loose=True) and not is_title_phrase(head, loose=True):
            out += [("COMPANY", span[:cut]), ("SEP", [span[cut]]), ("TITLE", span[cut + 1:])]
        else:
            out.append((label, span))
    return out


_HEAD_WORDS = 2
_BETWEEN_FIELDS = frozenset({"|", "·", "•", "–", "—", "-", "/"})
_LOOSE_LABELS = frozenset({"TITLE", "OTHER", "COMPANY"})


def _line_fields(lines: list, labels: list[list[str]]) -> list[list[str]]:  # type: ignore[type-arg]
    """Each line's labels, with fields kept whole where the model split one across two:
    ``_title_before_separator``, ``_title_runs_on`` and ``_company_line``."""
    out: list[list[str]] = []
    for at, ((line, tokens), own) in enumerate(zip(lines, labels, strict=True)):
        words = [t for _, t in tokens]
        own = _field_with_form(words, _title_before_separator(words, list(own)))
        own = _title_runs_on(line, words, own, any("NAME" in labs for labs in labels[:at]))
        earlier = out[at - 1] if at else []
        others = any("COMPANY" in labs for i, labs in enumerate(labels) if i != at)
        out.append(_company_line(line, words, own, earlier, others))
    return out


def _field_with_form(words: list[str], labels: list[str]) -> list[str]:
    """A field between separators that ends in a legal form the model's gazetteer lacks
    ("PagoShpejt sh.p.k.", read as nothing) is a company."""
    from assistant.parsing.legal_forms import is_form_word

    start = 0
    for end in [*(i for i, w in enumerate(words) if w in _BETWEEN_FIELDS), len(words)]:
        field = range(start, end)
        if (end - start >= 2 and words[start][:1].isupper() and is_form_word(words[end - 1])
                and all(labels[i] == "OTHER" for i in field)):
            labels[start:end] = ["COMPANY"] * (end - start)
        start = end + 1
    return labels


def _title_before_separator(words: list[str], labels: list[str]) -> list[str]:
    """A field ends at a separator: a title, a word or two read as a company, a bar and the
    company ("Jefe de Compras Regionales | Grupo Norteño"): those words end the title."""
    for at, word in enumerate(words):
        if word not in _BETWEEN_FIELDS or labels[at] != "SEP" or at + 1 >= len(words):
            continue
        if labels[at + 1] != "COMPANY":
            continue
        start = at
        while start > 0 and labels[start - 1] == "COMPANY":
            start -= 1
        if start < at and start > 0 and labels[start - 1] == "TITLE":
            labels[start:at] = ["TITLE"] * (at - start)
    return labels


def _title_runs_on(line: str, words: list[str], labels: list[str], named: bool) -> list[str]:
    """A title whose last words the model read as a name, under a name already read, on a line
    of its own ("Trưởng phòng Kế hoạch" ending in a lower-case word): a name has no
    lower-case word but its particles, so the words are the title's."""
    from assistant.parsing.contacts import is_title_phrase

    if not named or not labels or labels[0] != "TITLE" or labels[-1] != "NAME":
        return labels
    cut = next(i for i, lab in enumerate(labels) if lab != "TITLE")
    tail = words[cut:]
    if (set(labels[cut:]) != {"NAME"} or not is_title_phrase(line, loose=True)
            or not any(w[:1].islower() and w not in _NAME_PARTICLES for w in tail)):
        return labels
    return ["TITLE"] * len(labels)


def _company_line(line: str, words: list[str], labels: list[str], earlier: list[str],
                  others: bool) -> list[str]:
    """A line under the title line, with no separator and no other field, that is no title:
    the company's line, though the model read its first words as a title or as nothing
    ("Instituto Andino de Suelos" under "Jefa de Laboratorio"), or all of it as the title's
    second line when no other line names a company."""
    from assistant.parsing.contacts import is_title_phrase

    if (len(words) < 2 or not earlier or set(earlier) != {"TITLE"} or not line[:1].isupper()
            or not set(labels) <= _LOOSE_LABELS or is_title_phrase(line, loose=True)):
        return labels
    if ("COMPANY" in labels and labels[-1] == "COMPANY") or (not others and "OTHER" not in labels):
        return ["COMPANY"] * len(labels)
    return labels


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


def _names_the_entity(first: str, later: str, line: str, whole: bool = False) -> bool:
    """A unit on a line of its own, then the company with its legal form on the next
    ("Commercial Property Department" / "Stonebridge Hale LLP"): the company is where the
    person works; a unit whose line names its company ("Acme Corp. - Treasury") keeps it.
    So too a line of its own read as a company (the name line), then the company with its
    legal form beside the title ("Vell Tiling LLC | Foreman")."""
    return ((later == line.strip(" ,;|") or whole) and has_legal_form(later)
            and not has_legal_form(first))


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
        runs = _name_runs_on(line, _joiner_after_name(list(_spans(tokens,
                                                                  [lab for _, lab in labels]))))
        initials: list[tuple[int, str]] = []
        if runs and runs[0][0] == "OTHER" and len(runs[0][1]) <= _HONORIFIC_WORDS:
            if all(_INITIAL.match(token) for _, token in runs[0][1]):
                initials = runs[0][1]  # "S. Lakshmi Narayanan": the initial is the name's
            runs = runs[1:]  # honorifics before the name ("DR. EMILY CHEN", "Herr Dr. ...")
        if runs and runs[0][0] == "NAME":
            names.append(join(line, initials + runs[0][1]).strip(" ,;|"))
    return names


# An initial before a name, as South Indian names are written ("S. Lakshmi Narayanan", "R. K.
# Sharma"); not a title's abbreviation ("Dr.", "Mr."), nor French "M." (Monsieur) or Spanish
# "D." (Don)
_INITIAL = re.compile(r"^[A-CE-LN-Z]\.$")


def _without_full_stop(text: str) -> str:
    """A company at a sentence's end without the full stop ("runs Nordhafen Cargo." ->
    "Nordhafen Cargo"); an abbreviation keeps its dot ("Acme Corp.", "Vela S.p.A.")."""
    from assistant.parsing.labeller.features import legal_forms

    last = text.split()[-1] if text.split() else ""
    if (last.endswith(".") and "." not in last[:-1] and len(last) > 4
            and last.lower() not in legal_forms() and not last[:-1].isupper()):
        return text[:-1]
    return text


def _mid_sentence(runs: list) -> list:  # type: ignore[type-arg]
    """A company read in the middle of a sentence, lower-case words on both sides and no
    separator ("arbeitet bei Kältewerk im Einkauf"): the prose rules read it."""
    out = list(runs)
    for at in range(1, len(out) - 1):
        label, span = out[at]
        before, after = out[at - 1], out[at + 1]
        if (label == "COMPANY" and before[0] == "OTHER" and after[0] == "OTHER"
                and before[1][-1][1].islower() and after[1][0][1].islower()):
            out[at] = ("OTHER", span)
    return out


def _joiner_after_name(runs: list) -> list:  # type: ignore[type-arg]
    """A name run ending in the "i"/"y"/"e" that joins two surnames ("Montse Vilar i" +
    "Soler"): the name stops before it, as the rules join the second surname themselves."""
    if runs and runs[0][0] == "NAME" and len(runs[0][1]) > 2 and runs[0][1][-1][1] in _JOINERS:
        return [("NAME", runs[0][1][:-1]), ("OTHER", runs[0][1][-1:]), *runs[1:]]
    out = list(runs)
    for at in range(1, len(out)):
        label, span = out[at]
        if (label == "NAME" and out[at - 1][0] == "OTHER" and len(span) > 2
                and span[-1][1] in _JOINERS):
            out[at:at + 1] = [("NAME", span[:-1]), ("OTHER", span[-1:])]
            break
    return out


_JOINERS = frozenset({"i", "y", "e"})


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
