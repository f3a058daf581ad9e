"""A typed business card's layout put into the one field a line that the readers expect.

Cards are typed as they sit: two columns flattened into lines set apart by wide spaces
("Vahe Galstyan-Norents            Areni Hill Winery CJSC"), and a company's legal form on a
line of its own under its name ("COUVA TANK & TERMINAL SERVICES" / "LIMITED"). Each rewrite
keeps the text's length and every paragraph where it was, so that positions found in the
rewritten text hold in the original.
"""

from __future__ import annotations

import re

from assistant.parsing.contacts import (
    find_emails,
    is_cyrillic_company,
    is_legal_form,
    is_title_phrase,
)
from assistant.parsing.draft import name_key

# A gap of three spaces or more (or a tab) between two fields of one line
_GAP = re.compile(r"(?<=\S)(?:[ ]{3,}|[ ]*\t[ \t]*)(?=\S)")
_ALIGN = 3  # columns: a cell starts within this many characters of its column's start
_PARAGRAPH = re.compile(r"(\n[ \t]*\n)")


def card_layout(text: str) -> str:
    """The text with each card's columns read one after the other, each legal form alone on
    its line joined to its company's name above, and a family name in capitals on a card's name
    line written as a name ("M. Boukary NIKIÈMA")."""
    return _surnames_in_capitals(_form_lines_joined(_columns_apart(text)))


# A card's name line with the family name in capitals, as French and West African cards print
# it: "M. Boukary NIKIÈMA", "Aminata TRAORÉ KONÉ"
_SURNAME_CAPITALS_LINE = re.compile(
    r"(?m)^(?P<lead>[ \t]*(?:(?:M|Mme|Mlle|Me|Dr|Pr|Mr|Mrs|Ms|Sr|Sra|Ing)\.?[ \t]+)?"
    r"[A-Z\u00c0-\u00dd][a-z\u00df-\u00ff'’-]+(?:[ \t]+[A-Z\u00c0-\u00dd][a-z\u00df-\u00ff'’-]+)?)"
    r"(?P<family>(?:[ \t]+[A-Z\u00c0-\u00dd][A-Z\u00c0-\u00dd'’-]{2,}){1,2})[ \t]*$")
_CARD_REACH = 8  # lines: the person's own address is among the next ones


def _surnames_in_capitals(text: str) -> str:
    """The family name in capitals spelled as a name, when the card's own address below spells
    it ("b.nikiema@..."): the same length, so every position holds."""
    if not _SURNAME_CAPITALS_LINE.search(text):
        return text
    chars = list(text)
    for match in _SURNAME_CAPITALS_LINE.finditer(text):
        family = match.group("family")
        written = " ".join(w.capitalize() if w.isupper() else w for w in family.split(" "))
        if len(written) != len(family) or any(is_legal_form(w) for w in family.split()):
            continue
        below = "\n".join(text[match.end():].split("\n")[:_CARD_REACH])
        locals_ = [_plain(address.split("@")[0]) for _, address in find_emails(below)]
        if not any(_plain(w) in local for w in family.split() for local in locals_):
            continue
        chars[match.start("family"):match.end("family")] = list(written)
    return "".join(chars)


def _plain(text: str) -> str:
    return re.sub(r"[^a-z]", "", name_key(text))


def _columns_apart(text: str) -> str:
    if not _GAP.search(text):
        return text
    parts = _PARAGRAPH.split(text)
    return "".join(part if at % 2 else _paragraph_columns(part) for at, part in enumerate(parts))


def _paragraph_columns(paragraph: str) -> str:
    """ "Vahe Galstyan-Norents      Areni Hill Winery CJSC" / "Export Director      12 Vineyard
    Street": a card whose two columns were typed side by side, line by line, is read column by
    column (the left one's name, title and phones, then the right one's company and address).
    Only a paragraph of two lines or more set apart at the same place (or by tabs), naming one
    address at most (a table of several people is read row by row), is a card's columns."""
    lines = paragraph.split("\n")
    rows = [_cells(line) for line in lines]
    split = [row for row in rows if len(row) > 1]
    if len(split) < 2 or len({e for _, e in find_emails(paragraph)}) > 1:
        return paragraph
    if any(_LABEL_CELL.match(row[0][1]) for row in split):
        return paragraph  # "Fax:        0113 496 0178": a label and its value, a row's two halves
    if "\t" in paragraph:
        # tabs stop where the typist's tab stops were: the n-th field of a line is the n-th
        # column's
        if max(len(row) for row in rows) > _MAX_COLUMNS:
            return paragraph
        return _read([[row[i][1] for row in rows if len(row) > i]
                      for i in range(_MAX_COLUMNS)], paragraph)
    starts: list[int] = []
    for row in split:
        for start, _ in row[1:]:
            if not any(abs(start - s) <= _ALIGN for s in starts):
                starts.append(start)
    starts.sort()
    # every line split at the same places: the columns line up
    if any(not all(any(abs(start - s) <= _ALIGN for s in starts) for start, _ in row[1:])
           for row in split) or len(starts) >= _MAX_COLUMNS:
        return paragraph
    columns: list[list[str]] = [[] for _ in range(len(starts) + 1)]
    for row in rows:
        for start, cell in row:
            column = sum(1 for s in starts if start >= s - _ALIGN)
            columns[column].append(cell)
    return _read(columns, paragraph)


_MAX_COLUMNS = 3
# A field's label alone, set apart from its value ("Tel:", "Fax", "E-mail:", "Adresse :")
_LABEL_CELL = re.compile(r"(?i)^(?:[^\W\d_][\w.\- ]{0,20}[ ]?:|t|f|m|p|e|w|tel|tél|fax|phone|"
                         r"mobile|mob|cell|email|e-mail|web|office|direct)\.?$")


def _cells(line: str) -> list[tuple[int, str]]:
    """(column where it starts, tabs expanded; text) of each field of a line, the fields set
    apart by a tab or three spaces or more."""
    cells = []
    at = 0
    for gap in [*_GAP.finditer(line), None]:
        end = gap.start() if gap else len(line)
        cell = line[at:end].strip()
        if cell:
            start = at + len(line[at:end]) - len(line[at:end].lstrip())
            cells.append((len(line[:start].expandtabs(8)), cell))
        at = gap.end() if gap else at
    return cells


def _read(columns: list[list[str]], paragraph: str) -> str:
    read = "\n".join(cell for column in columns for cell in column)
    if len(read) > len(paragraph):
        return paragraph
    # the paragraph's length is kept: its last line padded with spaces
    return read + " " * (len(paragraph) - len(read))


# A line of one legal form alone ("SA", "LIMITED", "Inc.") under the company's name
_FORM_LINE = re.compile(r"(?m)(?<=\S)(?P<gap>[ \t]*\n[ \t]*)(?P<form>[^\W\d_][\w.&/-]*[ \t]*)$")
_CAPITALS_LINE = re.compile(r"^[ \t]*[^\W\d_][^\W\d_&'’.-]*(?:[ \t]+[^\W\d_&'’.-]+|[ \t]+&){0,5}"
                            r"[ \t]*$")


def _form_lines_joined(text: str) -> str:
    """ "COMPAGNIE DU CAJOU DE KATIOLA" / "SA", "Allegheny Autonomy Labs" / "Inc.": a legal form
    on a line of its own ends the company's name on the line above; the line break between
    them is a space. A company's name in capitals on two lines above its form
    ("KILIMANJARO HIGHLANDS" / "COFFEE ESTATES" / "LIMITED"), on a card whose other lines are
    not in capitals, is one name."""
    if "\n" not in text:
        return text
    chars = list(text)
    for match in _FORM_LINE.finditer(text):
        form = match.group("form").strip()
        if not _is_form_alone(form):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        above = text[line_start:match.start()]
        if not _names_company(above, form):
            continue
        for i in range(match.start("gap"), match.end("gap")):
            chars[i] = " "
        if above.strip().isupper():
            _join_capitals_above(text, chars, line_start, match.end())
    return "".join(chars)


def _is_form_alone(form: str) -> bool:
    # "LIMITED", "Limited": cleanco's word that the company reader keeps as a word of the name,
    # alone on its line a form all the same
    return is_legal_form(form) or form.lower() in {"limited", "incorporated", "corporation"}


def _names_company(above: str, form: str) -> bool:
    """Whether the line above a form alone can be the company's name: words that begin in a
    capital, no digit, no address, no field label, not a title, not ending in a form itself."""
    line = above.strip()
    words = line.split()
    if not words or len(words) > 8 or any(c.isdigit() or c in "@:/|" for c in line):
        return False
    if not all(w[:1].isupper() or w in _JOINING for w in words):
        return False
    if is_legal_form(words[-1].rstrip(",")) or is_title_phrase(line, loose=True):
        return False
    # a form in capitals goes with a name in capitals, and a form in mixed case with one that is;
    # a form of initials with their dots ("S.A.L.", "B.V.") with either
    return form.isupper() == line.isupper() or not form.isupper() or "." in form.rstrip(".")


def _join_capitals_above(text: str, chars: list[str], line_start: int, form_end: int) -> None:
    """The line above a company's line in capitals, in capitals too and no title, on a card
    with lines not in capitals (the name, the title): the first line of the company's name.
    So too when the three lines stand alone as the card's opening paragraph ("KAFUE VALLEY" /
    "AGGREGATES" / "Limited", then the name in a paragraph of its own)."""
    if line_start < 2 or text[line_start - 1] != "\n":
        return
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    above = text[above_start:line_start - 1]
    if (not _CAPITALS_LINE.match(above) or not above.strip().isupper()
            or len(above.split()) < 2 or is_title_phrase(above.strip().title(), loose=True)):
        return
    paragraph_start = text.rfind("\n\n", 0, above_start)
    before = text[paragraph_start + 1 if paragraph_start >= 0 else 0:above_start]
    if not before.strip() and text.startswith("\n\n", form_end):
        # the company's lines are a paragraph of their own: the name is in another paragraph
        # (one not all in capitals after it)
        before = text[form_end + 2:form_end + 400].split("\n\n", 1)[0]
    if not any(line.strip() and not line.isupper() and any(c.isalpha() for c in line)
               for line in before.split("\n")):
        return  # a card all in capitals: its name line may be the one above
    chars[line_start - 1] = " "


# What may stand before a card's name on its line: a prefix or two ("M.", "Dr.", "Lic.",
# "Dipl.-Ing.", "Mme")
_NAME_PREFIX = re.compile(
    r"[ \t>*•-]*(?:(?:[^\W\d_]{1,5}\.(?:-[^\W\d_]{1,5}\.)?|Mme|Mlle|Mr|Mrs|Ms|Mx|Dr|Herr|Frau|"
    r"Sr|Sra|Srta|Dott|Ing|Prof)[ \t]+){0,3}")
_COMPANY_ABOVE_LINES = 2


def company_above(text: str, start: int, others: list[int]) -> str | None:
    """ "HOLBECK FIBRE RECOVERY LTD" over "Priya Chaudhry-Walsh": a card that opens with the
    company. A line of its own ending in a legal form, right above the name's line or above the
    title over it, in the same paragraph, and naming nobody else (``others``: where the other
    people's names start) is the company of the person whose name opens the line below."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _NAME_PREFIX.fullmatch(text[line_start:start]):
        return None
    end = line_start - 1
    for step in range(_COMPANY_ABOVE_LINES):
        if end <= 0:
            return None
        above_start = text.rfind("\n", 0, end) + 1
        line = text[above_start:end].strip()
        if not line and step == 0:
            return _company_paragraph_above(text, above_start, others)
        if not line or any(above_start <= at < end for at in others):
            return None
        if is_company_line(line):
            return line
        end = above_start - 1
    return None


def _company_paragraph_above(text: str, blank_start: int, others: list[int]) -> str | None:
    """ "KAFUE VALLEY AGGREGATES Limited", a blank line, then the name: a card's opening
    paragraph of one line, the company's name and its legal form, is the company of the person
    whose name opens the next paragraph."""
    end = blank_start - 1
    if end <= 0:
        return None
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end].strip()
    if start > 0 and text[max(0, start - 2):start] != "\n\n":
        return None  # more lines in that paragraph
    if any(start <= at < end for at in others) or not is_company_line(line):
        return None
    return line


def is_company_line(line: str) -> bool:
    """ "Ventavas Granulas SIA", "COMPAGNIE DU CAJOU DE KATIOLA SA": a line that is a company's
    name and its legal form, and nothing else (no title, no field, no separator)."""
    words = line.split()
    if is_cyrillic_company(line):
        return True
    if len(words) < 2 or len(words) > 8 or any(c.isdigit() or c in "@:|·•;()" for c in line):
        return False
    last = words[-1]
    if not (_is_form_alone(last) or is_legal_form(" ".join(words[-2:]))):
        return False
    name = words[:-1]
    return (all(w[:1].isupper() or w in _JOINING for w in name)
            and name[0][:1].isupper() and not is_title_phrase(" ".join(name), loose=True))


# The words joining a company's name in lower case ("Compagnie du Cajou", "Vins de Loire")
_JOINING = frozenset("""& + - – and of the for de du des la le les et y e i da do dos das di del
della van von der den für und""".split())
