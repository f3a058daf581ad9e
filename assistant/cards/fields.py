"""A business card's lines read as one contact: name, title, company, emails, phones, links.

This is the seam between OCR and understanding: :func:`read_card` takes lines with the
engine's confidence (whatever engine read them) and returns the fields, each value read from
a line whose confidence is known, so doubtful values are told to the owner, not stored
silently. The emails, phones and URLs go through the same readers as typed notes
(``email-validator``, ``phonenumbers``); a phone's label (T, M, Cell, Tel., Mob., Fax) says
what it is, and a fax number is never the contact's phone.

Pure module: no I/O (the given-names list is read once from the installed package).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher, get_close_matches
from statistics import median

import phonenumbers
from cleanco import basename

from assistant.cards.emails import (
    ROLE_LOCALS,
    address_in_site,
    bare_domains,
    bars_mended,
    confused,
    name_locals,
    repair_emails,
)
from assistant.cards.lines import OcrLine, clean_text
from assistant.cards.names import fold, is_given_name
from assistant.cards.titles import is_title_word, misread_title_word
from assistant.cards.words import is_common_word, split_run_words
from assistant.parsing.contacts import find_emails, find_phones, find_urls, is_title_phrase
from assistant.parsing.labeller import read_block
from assistant.parsing.legal_forms import form_words_at, is_form_word

DOUBTFUL = 0.80  # a value read from a line below this confidence is shown as "check it"
LOGO_HEIGHTS = 1.4  # a line this many times the card's usual print height is a logo's
SPELLS_DOMAIN = 0.85  # a line this close to the card's domain (difflib ratio) names it
SPELLS_DOMAIN_CLOSELY = 0.9
LOGO_SURE = 0.70  # lettering read less surely than this is a drawing, not the logo's words

_FAX = r"fax|fx|f|telefax|t[ée]l[ée]copie|facsimile"
_MOBILE = (r"mobile|mobil|mob|m|cell(?:ular)?|cel|c|handy|portable|port|gsm|m[óo]vil|celular|hp|"
           r"mobiel|tlm|telem[óo]vel|m[óo]vel")
_PHONE = (r"tel|t[ée]l|t|phone|ph|p|office|off|o|direct|dir|d|main|work|w|telefon|fon|"
          r"t[ée]l[ée]phone|tel[ée]fono|fijo|switchboard|desk|b|ext|tfno|tlf|telefoon|telefone")
# One number for both ("T/F", "Tel./Fax"): the phone.
_PHONE_AND_FAX = r"(?:tel|t[ée]l|t|phone|ph|p)\.?\s*/\s*(?:fax|f)"
_LABEL = re.compile(rf"(?i)(?<![\w@.])(?P<label>{_PHONE_AND_FAX}|{_FAX}|{_MOBILE}|{_PHONE})\b\.?\s*"
                    rf"[:.]?\s*$")
_FAX_RE = re.compile(rf"(?i)^(?:{_FAX})$")
_MOBILE_RE = re.compile(rf"(?i)^(?:{_MOBILE})$")
_DIGIT_RUN = re.compile(r"(?<![^\W\d_])[+(]?[\dOoIl][\d\sOoIl().\-/]{6,}[\dOoIl](?![^\W\d_])")
# A number spelt in letters on the keypad ("1-888-FLY-AWAY", "(800) GO-ACME"): three letters
# at least in its last seven places.
_VANITY = re.compile(r"(?<![\w@./-])(?:1[-. ]?)?\(?[2-9]\d{2}\)?[-. ]?"
                     r"(?=(?:[A-Z\d]-?){7}(?![\w@.]))(?=(?:[\d-]*[A-Z]){3})(?:[A-Z\d]-?){6}[A-Z\d]"
                     r"(?![\w@.])")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1"})
_EMAIL_SPACES = re.compile(r"\s*@\s*")
_EMAIL_LABEL = re.compile(r"(?i)\be-?mail\s*[:.]?\s*")
_DEGREES = re.compile(
    r"(?i)(?:,?\s*\b(?:ph\.?\s?d|d\.?m\.?d|d\.?d\.?s|m\.?d|mba|m\.?sc|b\.?sc|esq|cpa|p\.?e|dipl\.?-?\s?ing|"
    r"dr|prof|mr|mrs|ms|mme|m|sr|jr)\.?)+\s*$|^(?:(?:dr|prof|mr|mrs|ms|mme|dipl\.?-?\s?ing|"
    r"ing|dott|dott\.?ssa|dr\.?ssa|prof\.?ssa|avv|arch|geom|rag|lic|lcdo|lcda|eng|ir|drs|mag|"
    r"dhr|mevr|sra|srta)\.?\s+|"  # and the honorifics of Italy, Spain, Portugal, the Netherlands
    r"(?:dr|prof|dipl\.?-?\s?ing)\.(?=[^\W\d_]))+")  # also glued on: "Dr.Jane", "Dipl.-Ing.Jo"
_PARTICLES = {"van", "von", "de", "da", "del", "della", "di", "du", "der", "den", "ter", "la",
              "le", "bin", "al", "el", "dos", "das", "y"}
_NAME_WORD = re.compile(r"^(?:[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*|[^\W\d_]\.)$")
_ADDRESS = re.compile(
    r"(?i)\b(?:street|st\.|avenue|ave\.?|road|rd\.?|blvd|boulevard|bd|suite|ste\.?|floor|fl\.|"
    r"drive|dr\.|lane|way|plaza|building|bldg|p\.?o\.? box|straße|strasse|str\.|platz|weg|rue|"
    r"allée|chemin|calle|avenida|plaza|piso|cedex|zip|road)\b|\b\d{5}(?:-\d{4})?\b|"
    r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|\b[A-Z]{2}\s+\d{5}\b|"
    # a street named in one word with its house number ("Hafenstraße 12", "Keizersgracht 221"),
    # a street of the Romance languages before its name and number ("Rua Augusta 210"), the
    # postcodes of Portugal ("1100-053") and the Netherlands ("1016 DV")
    r"[^\W\d_]{2,}(?:straße|strasse|str\.|gasse|weg|platz|allee|damm|ufer|straat|plein|"
    r"laan|gracht|kade|singel|dijk|steeg)\s+\d|"
    r"\b(?:rua|av|avda|via|viale|corso|piazza|calle|paseo|rue|place|largo|pra[çc]a|travessa|"
    r"estrada|carrer|vicolo)\.?\s+[^\d@]+\d|\b\d{4}-\d{3}\b|(?-i:\b\d{4}\s?[A-Z]{2}\b)")
_COMPANY_WORDS = re.compile(
    r"(?i)\b(?:inc|llc|ltd|limited|gmbh|ag|sa|s\.a|sas|sarl|s\.l|bv|b\.v|nv|plc|corp|"
    r"corporation|company|co|group|groupe|grupo|holdings?|bank|university|universit[äéy]|"
    r"universidad|institute|institut|laborator(?:y|ies)|labs?|partners|associates|consulting|"
    r"solutions|technolog(?:y|ies)|systems|international|foundation|hotels?|restaurant|grill|"
    r"caf[ée]|studio|agency|ventures|capital|school|college|hospital|clinic|center|centre|"
    r"services|industries|communications|media|network|networks|software|pharma|motors|"
    r"association|federation|society|council|ministry|authority|"
    # trades and bodies in German, French, Spanish, Italian, Portuguese, Dutch
    r"logistics|engineering|analytics|robotics|consultants|construction|insurance|"
    r"logistik|beratung|maschinenbau|immobilien|gruppe|stiftung|verband|kanzlei|versicherungen|"
    r"conseil|ing[ée]nierie|transports|logiciels|assurances|cabinet|soci[ée]t[ée]|avocats|"
    r"distribuciones|construcciones|consultores|soluciones|ingenier[íi]a|log[íi]stica|servicios|"
    r"transportes|abogados|asesores|inmobiliaria|seguros|sociedad|fundaci[óo]n|"
    r"consulenze|ingegneria|trasporti|arredamenti|impianti|servizi|costruzioni|avvocati|"
    r"societ[àa]|gruppo|fondazione|universit[àa]|"
    r"consultoria|engenharia|solu[çc][õo]es|constru[çc][õo]es|imobili[áa]ria|advogados|"
    r"servi[çc]os|sociedade|"
    r"advies|techniek|logistiek|installaties|makelaars|adviseurs|advocaten|groep|stichting|"
    r"vereniging|associ[ée]s|asociados|associati|associados|rechtsanw[äa]lte|anw[äa]lte|"
    r"attorneys|solicitors|notaires|architects|architekten|architectes|arquitectos|architetti|"
    r"arquitetos|architecten|universidade|universiteit|universit[ée]|hochschule|faculdade|"
    r"hotel|h[ôo]tel|hogeschool|politecnico|polit[ée]cnica|"
    # the trades of small businesses, whose cards often give a free mail address
    r"dental|dentistry|bakery|realty|plumbing|heating|roofing|landscaping|catering|florists?|"
    r"salon|spa|printing|cleaning|photography|interiors|furniture|travel|tours|fitness|"
    r"pharmacy|opticians|veterinary|boutique|gallery|bistro|brewery|winery|garage|trucking|"
    r"movers|storage|supplies|supply|equipment|electrical|builders|properties|rentals|"
    r"b[äa]ckerei|autohaus|zahnarztpraxis|boulangerie|pharmacie|panader[íi]a|farmacia|"
    r"cl[íi]nica|peluquer[íi]a|ristorante|trattoria|pizzeria|farm[áa]cia|padaria|bakkerij|"
    r"apotheek)\b\.?")
_NOT_NAME = re.compile(
    r"(?i)\b(?:the|and|of|for|your|our|with|www|http|inc|llc|ltd|gmbh|tel|fax|phone|mobile|"
    r"email|e-mail|web|office|street|road|avenue|suite|department|division|unit|management)\b")
_PLACE = re.compile(r",\s*[A-Z]{2,3}$")  # "Cambridge, UK", "Austin, TX"
_CARD_TITLE_WORDS = {
    "researcher", "representative", "member", "chef", "apprentice", "intern", "student",
    "agent", "broker", "realtor", "owner", "secretary", "treasurer", "trustee", "fellow",
    "scientist", "technician", "administrator", "supervisor", "superintendent", "dean",
    "chair", "chairman", "president", "vice", "director", "manager", "engineer", "professor",
    "lecturer", "editor", "writer", "photographer", "artist", "teacher", "nurse", "physician",
    "pharmacist", "dentist", "surgeon", "lawyer", "attorney", "paralegal", "accountant",
    "auditor", "banker", "planner", "advisor", "adviser", "counselor", "therapist", "coach",
    "trainer", "instructor", "curator", "librarian", "producer", "officer", "executive",
    "ceo", "cto", "cfo", "coo", "founder", "co-founder", "partner", "principal", "associate",
    "consultant", "specialist", "coordinator", "assistant", "analyst", "architect", "designer",
    "developer", "programmer", "sales", "marketing", "leader", "head", "chief", "vp",
    "in-chief", "gérant", "directeur", "directrice", "ingénieur", "ingenieur", "geschäftsführer",
    "leiter", "leiterin", "gerente", "directora", "jefe", "responsable", "minister",
    "scholar", "candidate", "graduate", "postdoc", "post-doc", "ambassador", "attaché",
    "commissioner", "secretary-general", "mayor", "councillor", "senator", "judge",
}


_LONG_TITLE_WORDS = sorted(w for w in _CARD_TITLE_WORDS if len(w) >= 8)


@dataclass(frozen=True)
class CardReading:
    """The fields read from one card; ``doubtful`` names (field, value) pairs read from a line
    the engine was unsure of. ``phones`` never holds a fax number; the main phone is first."""

    name: str | None = None
    title: str | None = None
    company: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    faxes: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    address: str | None = None
    doubtful: tuple[tuple[str, str], ...] = ()
    lines: tuple[str, ...] = field(default=(), repr=False)

    @property
    def is_person(self) -> bool:
        return bool(self.name or self.emails)


@dataclass
class _Found:
    """Values as they are found, with the confidence of the line each came from."""

    emails: dict[str, float] = field(default_factory=dict)
    phones: dict[str, float] = field(default_factory=dict)
    mobiles: dict[str, float] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)  # every number but faxes, in order
    faxes: dict[str, float] = field(default_factory=dict)
    urls: dict[str, float] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)  # lines that held contact details


def read_card(lines: Sequence[OcrLine], region: str = "US") -> CardReading:
    """The contact on a card, from its lines in reading order (top to bottom)."""
    printed = {fold(word) for line in lines for word in clean_text(line.text).split()}
    lines = [OcrLine(_title_comma(split_run_words(_unspaced(_unbulleted(
        _marks_apart(_capital_i_words(clean_text(line.text))))))), line.confidence, line.box)
        for line in lines]
    lines = repair_emails([replace(line, text=_capital_i(line.text))
                           for line in lines if line.text])
    lines = _split_name_lines(lines, _domains(_read_all(lines, region)))
    found = _read_all(lines, region)
    domains = _domains(found)
    joined = _split_title_company(
        _join_name_lines(_join_spelled_domains(lines, domains), domains), domains)
    if joined != lines:
        lines, found = joined, _read_all(joined, region)
    taken = set(found.used) | {i for i, line in enumerate(lines) if _is_address(line.text)}
    companies = {i for i, line in enumerate(lines) if _names_company(line.text, domains)}
    title_at = _title_index(lines, taken | companies)
    name_at = _name_index(lines, taken | ({title_at} if title_at is not None else set()),
                          found, domains, title_at)
    if name_at is not None and (title_at is None or abs(title_at - name_at) > 1
                                or _title_strength(lines[title_at].text) < 2):
        beside = _title_near(lines, name_at, taken | companies)  # the title is by the name
        if beside is not None and (title_at is None or _title_strength(lines[beside].text)
                                   >= _title_strength(lines[title_at].text)):
            title_at = beside
    title_line: OcrLine | None = None
    if title_at is not None:
        title_line = lines[title_at]
        near = taken | companies | ({name_at} if name_at is not None else set())
        goes_on = _title_goes_on(lines, title_at, near)
        if goes_on is not None:
            title_line = _joined(lines[title_at], lines[goes_on])
            taken = taken | {goes_on}
        if _title_opens_above(lines, title_at, near):
            title_line = _joined(lines[title_at - 1], title_line)
            taken = taken | {title_at - 1}
    skip = taken | {i for i in (title_at, name_at) if i is not None}
    if name_at is not None and _addresses_by_name(found, lines,
                                                  _name_text(lines[name_at].text)):
        domains = _domains(found)
    company_at = _logo_over_kind(lines, _company_index(lines, skip, domains), skip, domains,
                                 _name_text(lines[name_at].text) if name_at is not None else None)
    phones = found.numbers
    ordered = [p for p in phones if p not in found.faxes]
    values: dict[str, tuple[str, float]] = {}
    if name_at is not None:
        above = _name_line_above(lines, name_at, skip, found)
        name_line = _joined(lines[above], lines[name_at]) if above is not None else lines[name_at]
        values["name"] = (_rejoined(_without_brand(_name_text(name_line.text), domains),
                                    printed), name_line.confidence)
    if title_line is not None:
        values["title"] = (_title_text(_title_head(title_line.text)), title_line.confidence)
    if company_at is not None:
        company_line = _spelled_out(lines, company_at, skip) or _company_block(
            lines, company_at, skip)
        head, comma, tail = company_line.text.strip(" ,;").partition(",")
        if comma and _is_title(head) and _COMPANY_WORDS.search(tail):  # "Teacher, X School"
            values.setdefault("title", (head.strip(), company_line.confidence))
            values["company"] = (tail.strip(), company_line.confidence)
        else:
            values["company"] = (_company_text(_as_printed(head + comma + tail, printed),
                                               domains), company_line.confidence)
    logo_at = None if "company" in values else _logo_index(
        lines, skip, values.get("name", (None, 0.0))[0])
    if logo_at is not None:
        logo = lines[logo_at]
        below = _line_below(lines, logo_at, skip) if len(logo.text.split()) == 1 else None
        logo = _joined(logo, lines[below]) if below is not None else logo
        values["company"] = (_as_printed(logo.text.strip(" ,;"), printed), logo.confidence)
    _fill_from_labeller(values, lines, region, taken - found.used,
                        [_compact(e.split("@")[0]) for e in found.emails])
    if "company" not in values:
        # the brand the card opens with, in capitals, before a name made from the domain (a
        # mail host may be a provider's or an abbreviation: "QUILLMARK" beside qmk-mail.example)
        not_brands = skip | {i for i in range(len(lines)) if _is_address(lines[i].text)}
        brand_at = _brand_on_top(lines, not_brands)
        if brand_at is None and not _domain_labels(found):
            brand_at = _lone_brand(lines, not_brands)
        if brand_at is not None:
            values["company"] = (_as_printed(lines[brand_at].text.strip(" ,;"), printed),
                                 DOUBTFUL / 2)
    if "company" not in values and (guess := _company_from_domain(found)):
        # a guess: the owner is asked to check it
        values["company"] = (_as_printed(guess, printed), DOUBTFUL / 2)
    if "company" in values:
        company, sure = values["company"]
        values["company"] = (_last_word_whole(
            _without_tagline(_without_strays(company), domains), printed), sure)
    if "company" in values and domains:
        company, sure = values["company"]
        values["company"] = (_logo_by_domain(_respelled_by_domain(company, domains), sure,
                                             _domain_labels(found)), sure)
    if "title" in values:
        values["title"] = (_title_without_company(values["title"][0],
                                                  values.get("company", ("", 0.0))[0], domains),
                           values["title"][1])
    if "company" in values:
        found.emails = _hosts_by_company(found, *values["company"])
    if "name" in values:
        found.emails = _initial_by_name(found, values["name"][0])
    found.emails = dict(sorted(found.emails.items(), key=lambda item: _is_role_address(item[0])))
    doubtful = [(key, value) for key, (value, conf) in values.items() if conf < DOUBTFUL]
    doubtful += [("email", e) for e, conf in found.emails.items() if conf < DOUBTFUL]
    doubtful += [("phone", p) for p in ordered if phones[p] < DOUBTFUL]
    return CardReading(
        name=values.get("name", (None, 0))[0], title=values.get("title", (None, 0))[0],
        company=values.get("company", (None, 0))[0], emails=tuple(found.emails),
        phones=tuple(ordered), faxes=tuple(found.faxes), urls=tuple(found.urls),
        address=_address(lines, taken - found.used), doubtful=tuple(doubtful),
        lines=tuple(line.text for line in lines))


_EDGE_MARKS = " •·|▪►*∙◦‣"


def _unbulleted(text: str) -> str:
    """The line without the bullets, dots and bars printed (or seen by the OCR in a rule or a
    dot of the design) before or after it: "• Kevin |", "| 08019 Barcelona |"."""
    return text.strip(_EDGE_MARKS)


_SPACED_LETTERS = re.compile(r"^(?:[^\W\d_] ){3,}[^\W\d_]$")


def _unspaced(text: str) -> str:
    """Lettering set with a space between its letters, as logos often are ("K E S T R E L"),
    read as the word it is; words apart by two spaces or more stay apart."""
    words = re.split(r"\s{2,}", text.strip())
    if len(words) > 1 and all(_SPACED_LETTERS.match(w) for w in words):
        return " ".join(w.replace(" ", "") for w in words)
    return text.replace(" ", "") if _SPACED_LETTERS.match(text.strip()) else text


_GLUED_PERIOD = re.compile(r"(?<=[^\W\d_]{3})\.(?=[^\W\d_]{2})")


def _title_comma(text: str) -> str:
    """A comma the OCR read as a period after a title word, glued to what follows
    ("DIRECTOR.MIDDLE EAST"), written as the comma it is; links and addresses untouched."""
    if "." not in text:
        return text
    tokens = []
    for token in text.split(" "):
        if "@" not in token and not find_urls(token) and not bare_domains(token):
            token = _GLUED_PERIOD.sub(
                lambda m: ", " if _title_word(fold(re.split(r"[^\w-]", m.string[:m.start()])[-1]))
                else ".", token)
        tokens.append(token)
    return " ".join(tokens)


def _is_role_address(email: str) -> bool:
    """An address of an office or a role ("info@", "sales@", "kontakt@"), not a person's."""
    return email.partition("@")[0].lower() in ROLE_LOCALS


_MAIL_LABEL = re.compile(r"(?i)(?:\be-?mail|\bmail|^e)\s*[:.]?\s*$")


def _addresses_by_name(found: _Found, lines: Sequence[OcrLine], name: str) -> bool:
    """Web sites that are the person's address, its "@" read as a letter after the name's
    own part: moved to the addresses when an e-mail label comes before it, the letter is no
    letter ("jane.okafor©example.com") or the rest is a host the card names elsewhere. True
    when one was."""
    locals_ = name_locals(name)
    hosts = {h.lower() for h in _hosts(found)}
    moved = False
    for url, sure in list(found.urls.items()):
        host = url.split("://", 1)[-1]
        email = None if "/" in host else address_in_site(host, locals_)
        if email is None:
            continue
        local, _, rest = email.partition("@")
        labelled = any(_MAIL_LABEL.search(line.text[:line.text.lower().find(host.lower())])
                       for line in lines if host.lower() in line.text.lower())
        if labelled or not host[len(local)].isalpha() or rest in hosts - {host.lower()}:
            del found.urls[url]
            found.emails.setdefault(email, sure)
            moved = True
    return moved


def _hosts_by_company(found: _Found, company: str, confidence: float) -> dict[str, float]:
    """Addresses whose host misspells by one letter the company's name, read more surely than
    the address, with no web site on the card to say otherwise ("jane@ihinkers-doers.example"
    under the logo "MAKERS & MENDERS"), or whose host is a word of the company's but for a
    figure the OCR read for a letter ("jane@kestre1.example" under "Kestrel Hotels")."""
    sites = {u.split("://", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")
             for u in found.urls}
    name = _compact(company)
    words = [_compact(word) for word in company.split() if len(_compact(word)) >= 4]
    mended: dict[str, float] = {}
    for email, sure in found.emails.items():
        local, _, host = email.rpartition("@")
        label, dot, rest = host.partition(".")
        if host not in sites and sure < confidence and len(name) >= 5:
            label = _respelled(label, name)
        if host not in sites:  # "jane@kestre1.example" under "Kestrel Hotels"
            label = next((word for word in words if _figures(label) > _figures(word)
                          and confused(label, word)), label)
        mended.setdefault(f"{local}@{label}{dot}{rest}", sure)
    return mended


def _figures(text: str) -> int:
    return sum(ch.isdigit() or ch == "|" for ch in text)


_FIGURE_INITIAL = re.compile(r"^1(?=[._-]?[^\W\d_]{2,}$)")


def _initial_by_name(found: _Found, name: str) -> dict[str, float]:
    """Addresses that open with the initial of a given name in "l" or "I" the OCR read as the
    figure one ("1.okafor@..." on Lena Okafor's card), the initial put back: only when the
    rest of the local part is the name's last word."""
    words = [_compact(word) for word in name.split()]
    if len(words) < 2 or not words[0] or words[0][0] not in "li":
        return found.emails
    mended: dict[str, float] = {}
    for email, sure in found.emails.items():
        local, at, host = email.rpartition("@")
        if _FIGURE_INITIAL.match(local) and _compact(local[1:]) == words[-1]:
            local = words[0][0] + local[1:]
        mended.setdefault(f"{local}{at}{host}", sure)
    return mended


def _respelled(label: str, name: str) -> str:
    """``label`` with the one letter that differs from ``name`` (letters and digits compared,
    hyphens kept) put right."""
    places = [i for i, ch in enumerate(label) if ch.isalnum()]
    if len(places) != len(name):
        return label
    wrong = [(i, ch) for i, ch in zip(places, name, strict=True) if label[i] != ch]
    if len(wrong) != 1:
        return label
    at, ch = wrong[0]
    return label[:at] + ch + label[at + 1:]


def _is_address(text: str) -> bool:
    """A line of the address; a title without figures is none, whatever its words ("Building
    Manager", "Floor Supervisor"), nor is a company named after a street or a place, without
    figures, that says its trade or legal form ("Harbor Lane Consulting", "Kingsway Plaza
    Hotel", "Broad Street Partners LLC")."""
    return bool(_ADDRESS.search(text)) and (any(ch.isdigit() for ch in text)
                                            or not (_is_title(text) or _named_firm(text)))


def _named_firm(text: str) -> bool:
    """The line names a firm by a word of a trade or an organisation (of four letters or more:
    "Co." is also a county's) or ends in a legal form."""
    return (any(len(m.group().strip(".")) >= 4 for m in _COMPANY_WORDS.finditer(text))
            or _legal_form(text))


def _read_all(lines: Sequence[OcrLine], region: str) -> _Found:
    found = _Found()
    for index, line in enumerate(lines):
        _read_details(index, line, region, found)
    return found


def _fill_from_labeller(values: dict[str, tuple[str, float]], lines: Sequence[OcrLine],
                        region: str, address_at: set[int] | None = None,
                        locals_: Sequence[str] = ()) -> None:
    """A name, title or company the card's layout rules did not find, as the trained block
    labeller (the one that reads signatures and typed cards) reads the card's lines; its
    confidence is that of the line it came from. The rules come first: on OCR'd cards they
    read every field better than the labeller (on the tuning cards, taking the labeller's
    fields instead of theirs got 29 names right of 64, 29 titles of 60, 8 companies of 54,
    against 62, 58 and 45), so the labeller fills only what they left empty. A name is
    taken only when it is name-shaped and opens with a given name or is the own part of an
    address on the card. Nothing is taken from an address line (``address_at``: "Palo Alto
    California" before its ZIP code is a town), and a degree ("D.M.D.") is no company."""
    if all(key in values for key in ("name", "title", "company")):
        return
    block = read_block("\n".join(line.text for line in lines), region)
    if "name" not in values and block.name and _labelled_name(block.name, lines, locals_ or []):
        confidence = min((line.confidence for line in lines if block.name in line.text),
                         default=DOUBTFUL / 2)
        values["name"] = (_name_text(block.name), confidence)
        company = values.get("company", ("", 0.0))
        rest = company[0][len(block.name):].strip(" ,;|·-")
        if company[0].startswith(block.name + " ") and block.company and rest == block.company:
            values["company"] = (rest, company[1])  # the name and the company on one row
    addresses = [_compact(lines[i].text) for i in address_at or set()]
    for key, value in (("title", block.title), ("company", block.company)):
        if key in values:
            continue
        taken = [_compact(text) for text, _ in values.values()]
        if key == "company" and value and "," in value:
            head, _, tail = value.partition(",")
            value = tail.strip() if _is_title(head) and _COMPANY_WORDS.search(tail) else value
        if key == "company" and value and (
                _DETAIL_LABEL.match(value.strip()) is not None
                or any(_compact(value) in address for address in addresses)
                or _town_under_street(value, lines, address_at or set())
                or any(value in line.text and _SLOGAN.search(line.text) for line in lines)
                or not _DEGREES.sub("", value).strip(" ,.;")):
            continue
        if (value and key not in values and _plain_phrase(value)
                and not any(_compact(value) in text or text in _compact(value) for text in taken)):
            confidence = min((line.confidence for line in lines if value in line.text),
                             default=DOUBTFUL / 2)
            values[key] = (value, confidence)


def _labelled_name(name: str, lines: Sequence[OcrLine], locals_: Sequence[str]) -> bool:
    """The labeller's name is a person's: name-shaped, no title, company or address, and
    opening with a given name or spelt by an address's own part ("okafor" in
    "j.okafor@...")."""
    words = _name_words(name)
    if (words is None or _is_title(name) or _COMPANY_WORDS.search(name) or _legal_form(name)
            or _is_address(name) or not any(name in line.text for line in lines)):
        return False
    folded = [_compact(word) for word in words]
    return is_given_name(words[0]) or any(
        len(word) >= 3 and any(word in local for local in locals_) for word in folded)


def _town_under_street(value: str, lines: Sequence[OcrLine], address_at: set[int]) -> bool:
    """One word alone on the line right under a street's line: the town of the address
    ("12 Orchard Way" over "Cambridge", its postcode lost), not a company."""
    if len(value.split()) != 1:
        return False
    return any(line.text.strip(" ,;") == value.strip(" ,;") and index - 1 in address_at
               for index, line in enumerate(lines))


def _plain_phrase(text: str) -> bool:
    """Words a title or company can be: no address, phone, email or link among them."""
    return ("@" not in text and sum(ch.isdigit() for ch in text) <= 2
            and not _ADDRESS.search(text) and not _LABELLED_DETAIL.search(text)
            and not find_urls(text) and not bare_domains(text))


_DETAIL_AFTER = re.compile(r"(?i)(?<=\s)(?:e-?mail|tel|phone|mobile|cell|fax)\s*[:.]\s*\S")
_LABELLED_DETAIL = re.compile(r"(?i)(?:e-?mail|tel|fax|phone|mobile|web(?:site)?)\s*[:.]")


def _read_details(index: int, line: OcrLine, region: str, found: _Found) -> None:
    text = _EMAIL_SPACES.sub("@", line.text) if "@" in line.text else line.text
    emails = find_emails(_EMAIL_LABEL.sub(" ", text))
    for _, email in emails:
        found.emails.setdefault(email, line.confidence)
    if emails:
        found.used.add(index)
    for _, url in find_urls(text) + bare_domains(text):
        if "@" not in url:
            found.urls.setdefault(url, line.confidence)
            found.used.add(index)
    text = _VANITY.sub(lambda m: phonenumbers.convert_alpha_characters_in_number(m.group()),
                       text)
    digits = _DIGIT_RUN.sub(_as_digits, _unglued(_CODE_MARK.sub(r"\1 ", text)))
    previous_end = 0
    for start, number in find_phones(digits, region):
        label = _LABEL.search(digits[previous_end:start])
        kind = _kind(label.group("label") if label else "")
        bucket = {"fax": found.faxes, "mobile": found.mobiles}.get(kind, found.phones)
        bucket.setdefault(number, line.confidence)
        if kind != "fax":
            found.numbers.setdefault(number, line.confidence)
        found.used.add(index)
        previous_end = start + 1
    if _LABEL.search(text.split(" ")[0] + " ") and any(ch.isdigit() for ch in text):
        found.used.add(index)


# A middle dot or a bullet the OCR read for the space after a country's code ("+234·803 ..."):
# the number is one, not a national number after a stray "+234".
_CODE_MARK = re.compile(r"(\+\d{1,3})\s*[·•]\s*(?=\(?\d)")


def _as_digits(match: re.Match[str]) -> str:
    """A run of figures with the letters the OCR reads for figures (O, I, l) read as figures;
    a word of such letters alone at either end of the run is a word ("Oll Coker Road")."""
    run = match.group()
    start, end = 0, len(run)
    parts = list(re.finditer(r"\S+", run))
    while parts and not any(ch.isdigit() for ch in parts[-1].group()):
        end = parts.pop().start()
    while parts and not any(ch.isdigit() for ch in parts[0].group()):
        parts.pop(0)
        start = parts[0].start() if parts else end
    return run[:start] + run[start:end].translate(_OCR_DIGITS) + run[end:]


_GLUED = re.compile(r"(?<=[^\W\d_])(?=[+(]?\d)|(?<=\d)(?=[^\W\d_])")


def _unglued(text: str) -> str:
    """Labels and numbers the OCR ran together set apart ("T+44 20 3525 8120M+44 7788",
    "t847273-5617"): a number must stand apart for the phone matcher to see it. Addresses and
    links keep their text."""
    return " ".join(token if "@" in token or find_urls(token) else _GLUED.sub(" ", token)
                    for token in text.split(" "))


def _kind(label: str) -> str:
    if _FAX_RE.match(label):
        return "fax"
    return "mobile" if _MOBILE_RE.match(label) else "phone"


def _domains(found: _Found) -> set[str]:
    """The organisation's names as its addresses spell them: "zelvora" from zelvora.com."""
    return {label.replace("-", "") for label in _domain_labels(found)}


def _hosts(found: _Found) -> list[str]:
    """The hosts of the card's addresses and web sites."""
    return ([e.split("@", 1)[1] for e in found.emails]
            + [u.split("://", 1)[-1].split("/", 1)[0] for u in found.urls])


def _domain_labels(found: _Found) -> list[str]:
    """The organisation's own domain names, as spelt (hyphens kept), the addresses' first,
    then the web sites'; free mail hosts are no organisation's."""
    hosts = [e.split("@", 1)[1] for e in found.emails]
    hosts += [u.split("://", 1)[-1].split("/", 1)[0] for u in found.urls]
    labels: list[str] = []
    for host in hosts:
        parts = [p for p in host.lower().split(".") if p not in {"www", "mail"}]
        if len(parts) >= 2:
            second_level = len(parts) > 2 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL
            label = parts[-3] if second_level else parts[-2]
            if label not in _FREEMAIL and label not in labels:
                labels.append(label)
    return labels


def _company_from_domain(found: _Found) -> str | None:
    """The company as the card's own domain names it, when no line does: "Lumen Field" from
    lumenfield.example (its common words set apart), "QRX" from qrx.example."""
    labels = _domain_labels(found)
    if not labels or len(labels[0]) < 2 or any(ch.isdigit() for ch in labels[0]):
        return None
    label = labels[0]
    if len(label.replace("-", "")) <= 4:
        return label.upper()
    words = " ".join(split_run_words(part) for part in label.split("-")).split()
    return " ".join(word.capitalize() for word in words)


# Registries that sell names one level down: example.co.uk, example.com.au, example.ac.za.
_SECOND_LEVEL = {"co", "com", "ac", "org", "net", "gov", "edu", "ne", "or", "go", "gob", "gouv",
                 "ltd", "plc", "nic", "mil", "sch"}
_FREEMAIL = {"gmail", "yahoo", "hotmail", "outlook", "aol", "icloud", "me", "gmx", "web",
             "verizon", "comcast", "live", "msn", "orange", "free", "wanadoo", "t-online",
             "protonmail", "proton", "mail", "qq", "163"}


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


# Possessives of the seven languages: a line that holds one speaks to the reader (a slogan:
# "Your partner in logistics", "Ihr Partner vor Ort", "Sempre ao seu lado").
_SLOGAN = re.compile(
    r"(?i)\b(?:your|our|ihr|ihre|ihren|unser|unsere|votre|vos|notre|nos|su|sus|nuestro|"
    r"nuestra|nuestros|vostro|vostra|nostro|nostra|seu|sua|nosso|nossa|uw|jouw|onze)\b")
_TITLE_JOINS = re.compile(r"(?i)^(?:of|for|and|&|de|des|du|di|del|della|da|do|dos|für|pour|"
                          r"para|per|voor|et|y|e|und|en)$")


# Words that qualify a title and open it ("Key Account Executive", "Regional Sales Manager"):
# no name is made of them.
_TITLE_OPENERS = frozenset({
    "key", "account", "senior", "junior", "regional", "general", "global", "national",
    "international", "area", "deputy", "managing", "technical", "commercial", "executive",
    "assistant", "associate", "principal", "interim", "acting", "sr", "jr", "lead",
})


def _title_opens_above(lines: Sequence[OcrLine], at: int, taken: set[int]) -> bool:
    """The line right above a title, in its print, holds only words that open a title
    ("Regional" / "Sales Manager"): the OCR read one title as two lines."""
    above = at - 1
    if above < 0 or above in taken:
        return False
    line, title = lines[above], lines[at]
    words = [fold(w.strip(".,")) for w in line.text.split()]
    return (0 < len(words) <= 3 and all(w in _TITLE_OPENERS for w in words)
            and abs(line.height - title.height) <= 0.2 * max(title.height, 1.0))


def _title_goes_on(lines: Sequence[OcrLine], at: int, taken: set[int]) -> int | None:
    """The line a title goes on to, read apart by the OCR: right below it in the same print,
    when the title ends on a joining word or the next line starts with one ("Jefe de" /
    "Proyecto", "CHEF" / "DE PROJET")."""
    after = at + 1
    if after >= len(lines) or after in taken:
        return None
    line, following = lines[at], lines[after]
    words, next_words = line.text.split(), following.text.split()
    if (not words or not next_words or len(next_words) > 4
            or abs(following.height - line.height) > 0.2 * max(line.height, 1.0)
            or any(ch.isdigit() for ch in following.text) or not _plain_phrase(following.text)
            or _maybe_name(following.text) or _SLOGAN.search(following.text)):
        return None
    if _TITLE_JOINS.match(words[-1]) or _TITLE_JOINS.match(next_words[0]) and len(next_words) > 1:
        return after
    # "Director of Business" / "Development": a title whose field, after its joining word,
    # goes on to a common word or two set flush below it (no brand, no organisation)
    height = max(line.height, 1.0)
    if (len(words) >= 3 and any(_TITLE_JOINS.match(w) for w in words[-3:-1])
            and len(next_words) <= 2
            and all(w[:1].isupper() and is_common_word(w) and not is_given_name(w)
                    for w in next_words)
            and abs(following.box[0] - line.box[0]) <= 0.5 * height
            and -0.3 * height <= following.box[1] - line.box[3] <= 0.6 * height
            and not _is_title(following.text) and not _COMPANY_WORDS.search(following.text)
            and not _legal_form(following.text)):
        return after
    return None


# No title opens with an article or says whose part the company is ("A member of the Brandt
# Group", "Part of Halvik Hotels"): a line of the company's, not the person's title.
_NO_TITLE_OPENING = re.compile(r"(?i)^(?:an?|the|part of|proud members? of)\s")


def _is_title(text: str) -> bool:
    return _title_strength(text) > 0


def _title_strength(text: str) -> int:
    """2 for a title by its words, 1 for one by a title word the OCR misread by a letter
    ("Managing Diector"), 0 for no title."""
    if (any(ch.isdigit() for ch in text) or "@" in text or len(text) > 70
            or _SLOGAN.search(text) or _NO_TITLE_OPENING.match(text)):
        return 0
    if is_title_phrase(text, loose=True):
        return 2
    words = [fold(w.strip(".")) for w in re.split(r"[\s/&|,:;]+", text) if w.strip(".")]
    if len(words) <= 7 and any(_title_word(w) for w in words):
        return 2
    # a title word the OCR misread by a letter, on a line that names no organisation and no
    # one, or before the organisation's name ("Managing Diector Kestrel Centre": the words
    # before the one that names the organisation's own name)
    organisation = _COMPANY_WORDS.search(text)
    if organisation:
        words = [fold(w.strip(".")) for w in re.split(r"[\s/&|,:;]+", text[:organisation.start()])
                 if w.strip(".")][:-1]
    return int(len(words) <= 5 and any(misread_title_word(w) for w in words)
               and not _legal_form(text) and not _maybe_name(text))


def _title_head(text: str) -> str:
    """The title without the area or department after its comma ("Sales Director, Middle
    East" -> "Sales Director"); two titles joined by a comma stay together."""
    head, comma, tail = text.partition(",")
    if comma and _is_title(head) and not _is_title(tail):
        return head.strip()
    return text


def _title_text(text: str) -> str:
    """The title as printed, a long title word the OCR misread by a letter put right."""
    words = []
    for word in text.strip(" ,;").split(" "):
        fixed = misread_title_word(fold(word))  # one letter misread or lost
        if fixed:
            word = fixed.upper() if word.isupper() else (
                fixed.capitalize() if word[0].isupper() else fixed)
        words.append(word)
    return " ".join(words)


def _title_word(word: str) -> bool:
    """A word of a job title, also when the OCR misread one letter of a long one
    ("Representatite")."""
    if word in _CARD_TITLE_WORDS or word.split("-")[-1] in _CARD_TITLE_WORDS:
        return True
    if is_title_word(word):
        return True
    close = get_close_matches(word, _LONG_TITLE_WORDS, n=1, cutoff=0.88) if len(word) >= 8 else []
    return bool(close) and len(close[0]) == len(word)


_ORG_WORDS = re.compile(
    r"(?i)\b(?:inc|llc|llp|ltd|limited|gmbh|corp|corporation|company|group|holdings?|bank|"
    r"university|universit[äéy]|institute|institut|foundation|association)\b")
_DEPARTMENT_WORDS = {"sales", "marketing"}  # title words that also name a company's trade


def _names_company(text: str, domains: set[str]) -> bool:
    """A company's line, not a title, though a word of it is a title's ("Lumenfield Marketing
    Group", "Acme Sales Inc."): it spells the card's domain, ends in a legal form or holds an
    organisation word, and no word of it is a title's but a trade's."""
    words = [fold(w.strip(".")) for w in re.split(r"[\s/&|,:;]+", text) if w.strip(".")]
    if _legal_form(text) and _spells_domain(_compact(text), domains):
        return True  # "Sundale Expertise Comptable SAS" beside sundale-expertisecomptable.fr
    if any(_title_word(w) and w not in _DEPARTMENT_WORDS for w in words):
        return False
    return (_spells_domain(_compact(text), domains) or _legal_form(text)
            or bool(_ORG_WORDS.search(text)))


def _title_index(lines: Sequence[OcrLine], taken: set[int]) -> int | None:
    """The first line that is a title by its words, else the first that is one by a word
    misread."""
    found = [(_title_strength(line.text), i) for i, line in enumerate(lines)
             if i not in taken and not _maybe_name(line.text)]
    found = [(strength, i) for strength, i in found if strength]
    return min(found, key=lambda item: (-item[0], item[1]))[1] if found else None


def _maybe_name(text: str) -> bool:
    """Could be a person's name: name-shaped and starting with a given name ("Software
    Engineer" is name-shaped, but no one is called Software)."""
    words = _name_words(text)
    return (words is not None and is_given_name(words[0])
            and (not _title_word(fold(words[-1])) or is_given_name(words[-1])))  # "Brand
    # Strategist" is no one; "James Dean" is someone


def _title_near(lines: Sequence[OcrLine], name_at: int, taken: set[int]) -> int | None:
    """The title right below or above the name, one by its words first."""
    found = [(_title_strength(lines[i].text), i) for i in (name_at + 1, name_at - 1)
             if 0 <= i < len(lines) and i not in taken]
    found = [(strength, i) for strength, i in found if strength]
    return max(found, key=lambda item: (item[0], item[1]))[1] if found else None


_SMALL_L_FOR_I = re.compile(r"(?<![\w@./-])l(?=[bcdfgkmnpsvz][a-z]{2,}\b(?![@.]\w))"
                            r"|(?<![\w@./-])l(?=[A-Z]{2,}\b(?![@.]\w))")


def _capital_i_words(text: str) -> str:
    """A capital I the OCR read as a small l at the start of a word, where no word starts so:
    "lnstitute", "lmperial", "lsland", "lBM" (before a consonant other than l, r, t, h, j, w
    or y, or before capitals); addresses and web names are left as they are."""
    return _SMALL_L_FOR_I.sub("I", text)


_GLUED_MARK = re.compile(r"\s*([·•|▪])\s*")


def _marks_apart(text: str) -> str:
    """A mark set between the parts of a row spaced from them, where the OCR glued it to the
    words ("Acme Labs Ltd·12 Harbour Road"), so the parts read as words of their own."""
    if not any(mark in text for mark in "·•|▪"):
        return text
    text = bars_mended(text)
    return _GLUED_MARK.sub(lambda m: f" {m.group(1)} ", text).strip()


def _capital_i(text: str) -> str:
    """A capital I the OCR read as a small l at the start of a name: "lan Thornbury"."""
    words = text.split(" ")
    if (len(words) >= 2 and len(words[0]) >= 3 and words[0][0] == "l" and words[0][1:].islower()
            and words[1][:1].isupper() and is_given_name("i" + words[0][1:])):
        words[0] = "I" + words[0][1:]
    return " ".join(words)


def _join_name_lines(lines: list[OcrLine], domains: set[str]) -> list[OcrLine]:
    """A given name printed alone in large print right above the family name in the same
    print ("CÉLINE" / "LEMAIRE", "Pieter" / "van den Berg"), one line again; not a logo word
    that spells the card's domain ("Corvane" above a name beside corvane.com)."""
    heights = [line.height for line in lines if line.height > 0]
    usual = median(heights) if heights else 0.0
    out: list[OcrLine] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        after = lines[index + 1] if index + 1 < len(lines) else None
        words = line.text.split()
        if (after is not None and usual and len(words) == 1 and is_given_name(words[0])
                and not _spells_domain(_compact(words[0]), domains)
                and _NAME_WORD.match(words[0]) and line.height > 1.15 * usual
                and abs(after.height - line.height) <= 0.15 * line.height
                and 1 <= len(after.text.split()) <= 3 and not _is_title(after.text)
                and not _COMPANY_WORDS.search(after.text) and not _legal_form(after.text)
                and _name_words(f"{line.text} {after.text}") is not None):
            out.append(_joined(line, after))
            index += 2
            continue
        out.append(line)
        index += 1
    return out


_SEPARATOR = re.compile(r"\s+[|·•–—/-]\s*|\s*[|·•–—]\s+|(?<=\w)-\s+|\s*,\s*")


def _split_title_company(lines: list[OcrLine], domains: set[str]) -> list[OcrLine]:
    """A title and the company printed on one line ("Sales Director | Acme Robotics Ltd",
    "Directeur Général, Solvaro SAS", "ADMINISTRADOR- LUMORA LDA."), made two lines: the
    title, then the company (its legal form, an organisation word or the card's domain says
    it is one)."""
    out: list[OcrLine] = []
    for line in lines:
        parts = None
        for match in _SEPARATOR.finditer(line.text):
            head, tail = line.text[:match.start()].strip(), line.text[match.end():].strip()
            if (head and tail and _is_title(head)
                    and (not _maybe_name(head) or fold(head.split()[0]) in _TITLE_OPENERS)
                    and not _is_title(tail) and _plain_phrase(tail)
                    and (_COMPANY_WORDS.search(tail) or _legal_form(tail)
                         or _spells_domain(_compact(tail), domains))):
                parts = head, tail
                break
        if parts is None:
            parts = _title_then_firm(line.text, domains)
        if parts is None:
            out.append(line)
            continue
        out += _split_in_two(line, parts)
    return out


def _title_then_firm(text: str, domains: set[str]) -> tuple[str, str] | None:
    """A title and the company read on one row with no mark between them, the company
    registered by its legal form or spelling the card's domain ("Data Engineer Kestrel
    Analytics Ltd"): the title ends on a title word, the company opens with a capital."""
    words = text.split()
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if (_title_word(fold(words[cut - 1].strip(".,"))) and words[cut][:1].isupper()
                and not _title_word(fold(words[cut].strip(".,"))) and _is_title(head)
                and not _maybe_name(head) and not _is_title(tail) and _plain_phrase(tail)
                and (_ends_in_form(tail) or _spells_domain(_compact(tail), domains))):
            return head, tail
    return None


def _split_in_two(line: OcrLine, parts: tuple[str, str]) -> list[OcrLine]:
    """One OCR line read as two: the first text in the top half of its box, the second below."""
    left, top, right, bottom = line.box
    middle = (top + bottom) / 2
    # the mark set between them goes: "Jane Okafor | Partner", "Jane Okafor – Partner"
    first, second = (part.strip(_EDGE_MARKS + "–—-") for part in parts)
    return [replace(line, text=first or parts[0], box=(left, top, right, middle)),
            replace(line, text=second or parts[1], box=(left, middle, right, bottom))]


def _split_name_lines(lines: list[OcrLine], domains: set[str] | None = None) -> list[OcrLine]:
    """A name set on one row with something else, read as one line, made two: the name, then
    the rest ("Jane Okafor, Owner", "Jane Okafor Head of Sales", "ZAVRIX Jane Okafor")."""
    out: list[OcrLine] = []
    for line in lines:
        parts = _beside_details(line.text)
        if parts is None and not _names_by_domain(line.text, domains or set()):
            parts = _name_and_rest(line.text)
        if parts is None:
            out.append(line)
            continue
        out += _split_in_two(line, parts)
    return out


def _names_by_domain(text: str, domains: set[str]) -> bool:
    """The line spells the card's domain, or its words' initials do ("Blue Harbor Capital"
    beside bhc.example): the organisation's name, not a person's beside a brand."""
    return bool(domains) and (_spells_domain(_compact(text), domains)
                              or _initials(text) in domains)


def _initials(text: str) -> str:
    """The initials of the line's words, joining words and legal forms left out."""
    words = [w for w in re.split(r"[\s&,.]+", basename(text) if _legal_form(text) else text)
             if w and not _TITLE_JOINS.match(w) and w[0].isalpha()]
    return "".join(fold(w[0]) for w in words) if len(words) >= 2 else ""


_DETAIL_LABEL = re.compile(rf"(?i)^(?:(?:{_PHONE_AND_FAX}|{_FAX}|{_MOBILE}|{_PHONE}|e-?mail|mail|"
                           rf"web|www|internet|site|e|w)\.?:?|:)$")


_ROW_MARKS = {"·", "•", "|", "-", "–", "—", "/", "∙", "▪"}  # set between the parts of a row


def _names_firm(text: str) -> bool:
    """Ends in a legal form, or names an organisation by its kind, and is no address."""
    return ((_legal_form(text) or bool(_COMPANY_WORDS.search(text)))
            and not _ADDRESS.search(text) and not any(ch.isdigit() for ch in text))


_GLUED_LABEL = re.compile(r"^([^\W\d_]+\.?:?)(?=[+(]?\d)")


def _beside_details(text: str) -> tuple[str, str] | None:
    """A name, title or company read on one row with a detail of the other column ("Jane
    Okafor T +1 415 372 8841", "Sales Director jane@acme.example", "ACME LTD Hafenstraße 12"):
    the phrase, then the detail with its label."""
    words = text.split()
    for cut in range(1, len(words)):
        first, tail = words[cut], " ".join(words[cut:])
        glued = _GLUED_LABEL.match(first)  # "Office+44 20 7946 0712", "M:555-0134"
        detail = (first[0] in "+(" or first[0].isdigit() or "@" in first
                  or first.lower().startswith(("www.", "http")) or bool(bare_domains(first))
                  or _is_site(first)
                  or bool(_ADDRESS.match(tail))
                  or glued is not None and bool(_DETAIL_LABEL.match(glued.group(1))))
        if not detail:
            continue
        head = words[:cut]
        while head and (_DETAIL_LABEL.match(head[-1]) or head[-1] in _ROW_MARKS):
            head = head[:-1]
        phrase = " ".join(head).rstrip(":")
        address = _ADDRESS.search(text)
        if phrase.endswith(",") and _names_firm(phrase.rstrip(",")):
            phrase = phrase.rstrip(",")  # "Acme Robotics Inc., 12 Main Street"
        if (not phrase or any(ch.isdigit() for ch in phrase) or "@" in phrase
                or phrase.endswith(",") or address and address.start() < len(phrase)):
            return None  # "San Francisco, CA 94103", "ZA du Moulin, 6 allée Verte"
        # before a bare number (a house number, a postcode) only someone named by a given
        # name is a person: "Mill Valley California 94941" is a town
        person = _maybe_name(phrase) if first[0].isdigit() else _name_words(phrase)
        if not _is_address(phrase) and (person or _is_title(phrase)
                                        or _COMPANY_WORDS.search(phrase) or _legal_form(phrase)):
            return phrase, " ".join(words[len(head):]).lstrip("".join(_ROW_MARKS) + " ")
    return None


def _is_site(word: str) -> bool:
    """A web site written bare, the word whole ("lumenfield.com")."""
    urls = find_urls(word)
    return len(urls) == 1 and urls[0][0] == 0 and urls[0][1].endswith(word.lower().rstrip(".,;"))


_DEGREE_THEN = re.compile(r"(?i)^(?P<name>[^,\d@]+,\s*(?:ph\.?\s?d|mba|m\.?d|m\.?sc|cpa|esq|"
                          r"d\.?d\.?s|ll\.?m)\.?)\s+(?P<rest>[^\W\d_].*)$")


def _name_and_rest(text: str) -> tuple[str, str] | None:
    degree = _DEGREE_THEN.match(text)  # "Jane Okafor, PhD The Education Centre"
    if degree and _name_words(degree.group("name")) and not _is_address(degree.group("rest")):
        return degree.group("name"), degree.group("rest")
    detail = _DETAIL_AFTER.search(text)
    if detail and detail.start() > 0 and not any(ch.isdigit() for ch in text[:detail.start()]):
        return text[:detail.start()].strip(" ,;|"), text[detail.start():]
    if "@" in text:
        return None
    words = text.split()
    if (len(words) >= 4 and _HOUSE_NUMBER.match(words[-1]) and len(words[-2]) >= 4
            and words[-2].isalpha() and _is_named(" ".join(words[:-2]))):
        return " ".join(words[:-2]), " ".join(words[-2:])  # the name, then the street beside it
    tail = " ".join(words[1:])
    organisation = bool(_COMPANY_WORDS.search(text))  # "UNIVERSIDADE DE VILARINHO"
    if (not organisation and 2 <= len(words) - 1 <= 3 and len(words[0]) >= 3 and words[0].isupper()
            and words[0].isalpha()
            and not tail.isupper() and _name_words(tail) and not _is_title(tail)
            and not _COMPANY_WORDS.search(tail)):
        return tail, words[0]  # a brand in capitals, then the name
    if (not organisation and 3 <= len(words) <= 4 and not is_given_name(words[0])
            and is_common_word(words[0])
            and _is_named(tail) and not _COMPANY_WORDS.search(tail)
            and not _title_word(fold(words[0]))):  # not "CHEF DE PROJET"
        return tail, words[0]  # a place or brand word, then the name
    if _name_words(text) and not _is_title(text):
        return None
    head, comma, tail = text.partition(",")
    if comma and tail.strip() and (_is_named(head) or _name_words(head) and _is_title(tail)
                                   and not _is_title(head)):
        return head.strip(), tail.strip(" ,")
    for count in (2, 3):
        head, rest = " ".join(words[:count]), " ".join(words[count:])
        if any(fold(word) in _TITLE_OPENERS for word in words[:count]):
            break  # "Key Account Executive" is no Key Account
        if rest and _is_named(head) and _is_title(rest):
            return head, rest
    return None


_HOUSE_NUMBER = re.compile(r"^\d{1,4}[a-zA-Z]?,?$")


def _is_named(text: str) -> bool:
    """A person's name that starts with a known given name."""
    words = _name_words(text)
    return words is not None and is_given_name(words[0]) and not _is_title(text)


def _name_text(text: str) -> str:
    text = _DEGREES.sub("", text.strip(" ,;")).strip(" ,;")
    if " " not in text:
        text = " ".join(_split_run_together(text))
    if text.isupper() or text.islower():
        text = " ".join(w if w.lower() in _PARTICLES and text.islower() else w.capitalize()
                        for w in text.split())
    else:  # "Jane okafor": the engine took a capital for a small letter
        text = " ".join(w if w.lower() in _PARTICLES or not w[0].islower() else w.capitalize()
                        for w in text.split())
    return text


def _name_words(text: str) -> list[str] | None:
    """The words of a line that can be a person's name, or None."""
    text = _DEGREES.sub("", text.strip(" ,;")).strip(" ,;")
    if not text or any(ch.isdigit() for ch in text) or "@" in text or _NOT_NAME.search(text):
        return None
    if _PLACE.search(text):
        return None
    words = text.replace(",", " ").split()
    if len(words) == 1:
        words = _split_run_together(words[0])
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
        return None
    if not words[0][0].isupper() and not text.islower():
        return None
    return words


def _split_run_together(word: str) -> list[str]:
    """ "FERASHASBINI" read without its space: a given name, then the rest."""
    if not word.isupper() or len(word) < 7 or is_given_name(word) or is_common_word(word):
        return [word]
    for cut in range(len(word) - 3, 2, -1):
        if is_given_name(word[:cut]):
            return [word[:cut], word[cut:]]
    return [word]


def _rejoined(name: str, printed: set[str]) -> str:
    """The name with a family name the word splitter cut in two common words ("Green Field")
    whole again, as the card printed it ("GREENFIELD")."""
    words = name.split()
    out: list[str] = []
    for word in words:
        if (out and len(words) >= 3 and fold(out[-1] + word) in printed
                and fold(word) not in printed):
            out[-1] = out[-1] + word.lower()
        else:
            out.append(word)
    return " ".join(out)


def _as_printed(text: str, printed: set[str]) -> str:
    """A company's words the word splitter set apart ("BRIGHT STONE") whole again, as the
    card printed them ("BRIGHTSTONE")."""
    out: list[str] = []
    for word in text.split(" "):
        if (out and out[-1].isalpha() and word.isalpha() and fold(out[-1] + word) in printed
                and (fold(word) not in printed or fold(out[-1]) not in printed)):
            out[-1] += word if out[-1].isupper() and word.isupper() else word.lower()
        else:
            out.append(word)
    return " ".join(out)


_WORD_CUT = re.compile(r"[^\W\d_]{5,}$")


def _last_word_whole(text: str, printed: set[str]) -> str:
    """A name whose last word lost its last letter or two at the card's edge ("Department
    of Control Engineerin"), whole again from the one word printed elsewhere on the card that
    it opens ("Engineering Building"), when the cut word is no word of its own."""
    cut = _WORD_CUT.search(text)
    if cut is None or is_common_word(cut.group()) or is_given_name(cut.group()):
        return text
    start = fold(cut.group())
    whole = {word for word in (re.sub(r"[^\w-]", "", w) for w in printed)
             if word.startswith(start) and 1 <= len(word) - len(start) <= 2
             and word.isalpha() and is_common_word(word)}
    if len(whole) != 1:
        return text
    rest = whole.pop()[len(start):]
    return text + (rest.upper() if cut.group().isupper() else rest)


def _brand_on_top(lines: Sequence[OcrLine], skip: set[int]) -> int | None:
    """The first line of a card, in capitals, of one to three words that are no name, title,
    address or detail: the brand the card opens with ("NORTHWIND" above the name), taken
    for the company when no line names it by its kind, form or domain."""
    for index, line in enumerate(lines[:2]):
        if index in skip:
            continue
        return index if _brand_shaped(line) else None
    return None


def _lone_brand(lines: Sequence[OcrLine], skip: set[int]) -> int | None:
    """The one line in capitals shaped as a brand wherever it is printed ("BRIGHTFORGE" under
    a free mail address), on a card whose domain does not name the company."""
    found = [i for i, line in enumerate(lines) if i not in skip and _brand_shaped(line)]
    return found[0] if len(found) == 1 else None


def _brand_shaped(line: OcrLine) -> bool:
    text = line.text.strip(" ,;")
    return (text.isupper() and 1 <= len(text.split()) <= 3 and len(_compact(text)) >= 3
            and line.confidence >= LOGO_SURE and _logo_words(text)
            and not _is_title(text) and not _maybe_name(text))


def _without_brand(name: str, domains: set[str]) -> str:
    """The name without a brand word read on its row before or after it that is the card's
    domain ("HOLLOWAY DANA KRESTIN" beside holloway.edu, "Jane Okafor QUILLMARK")."""
    words = name.split()
    rest = " ".join(words[1:])
    if len(words) >= 3 and _compact(words[0]) in domains and _name_words(rest):
        return rest
    for size in (1, 2):  # after it: "Jane Okafor QUILLMARK" beside quillmark.example
        brand, rest = words[-size:], " ".join(words[:-size])
        if (len(words) >= size + 2 and all(w.isupper() for w in brand)
                and len(_compact("".join(brand))) >= 4
                and _compact("".join(brand)) in domains and _name_words(rest)):
            return rest
    return name


def _name_line_above(lines: Sequence[OcrLine], name_at: int, skip: set[int],
                     found: _Found) -> int | None:
    """A given name printed on its own line right above the family name, in the same size,
    when the address spells both (its initials or its words: "mdv@" for "MORVAN" above
    "DE VILLECOURT")."""
    above = name_at - 1
    if above < 0 or above in skip:
        return None
    line, name = lines[above], lines[name_at]
    words = line.text.split()
    if (len(words) != 1 or not _NAME_WORD.match(words[0]) or not words[0][0].isupper()
            or _is_title(line.text) or _COMPANY_WORDS.search(line.text)
            or abs(line.height - name.height) > 0.25 * max(name.height, 1.0)):
        return None
    joined = [_compact(w) for w in (words[0], *name.text.split())]
    initials = "".join(w[:1] for w in joined if w)
    for email in found.emails:
        local = _compact(email.split("@")[0])
        if local == initials or len(joined[0]) >= 3 and joined[0] in local:
            return above
    return None


def _name_index(lines: Sequence[OcrLine], taken: set[int], found: _Found, domains: set[str],
                title_at: int | None) -> int | None:
    heights = [line.height for line in lines if line.height > 0]
    typical = median(heights) if heights else 0.0
    locals_ = [_compact(e.split("@")[0]) for e in found.emails]
    best, best_score = None, 0.0
    for index, line in enumerate(lines):
        words = None if index in taken else _name_words(line.text)
        if words is None or _is_title(line.text) or _COMPANY_WORDS.search(line.text):
            continue
        score = 1.0
        folded = [_compact(w) for w in words]
        if any(len(w) >= 3 and any(w in local for local in locals_) for w in folded):
            score += 3
        if any(is_given_name(w) for w in words[:2]):
            score += 2
        if title_at is not None and abs(title_at - index) == 1:
            score += 1.5
        if typical and line.height > 1.15 * typical:
            score += 0.5
        if any(d and (d in _compact(line.text) or _compact(line.text) in d) for d in domains):
            score -= 4
        if score > best_score:
            best, best_score = index, score
    return best if best_score >= 1.0 else None


def _company_index(lines: Sequence[OcrLine], skip: set[int], domains: set[str]) -> int | None:
    best, best_score = None, 0.0
    for index, line in enumerate(lines):
        text = line.text.strip()
        compact = _compact(text)
        if index in skip or len(compact) < 2 or len(text) > 60 or "@" in text:
            continue
        if sum(ch.isdigit() for ch in text) > 2 or _is_address(text):
            continue
        score = 0.0
        if _spells_domain(compact, domains) or len(_initials(text)) >= 3 and _initials(
                text) in domains:
            score += 3
        elif _SLOGAN.search(text):
            continue  # "Solutions for your business": a slogan, not the company
        # a company's kind or legal form, or the domain among other words (as much as a legal
        # form, less than spelling it alone: "Quinta do Miravel" beside miravel.example, but
        # "KESTRAL" over "Deutsche Kestral OHG")
        registered = _ends_in_form(text)  # the registered name, wherever it is printed
        if (_COMPANY_WORDS.search(text) or _legal_form(text) or registered
                or not score and _holds_domain(text, domains)):
            score += 2
        if registered:
            score += LEGAL_NAME
        if score and index < 3:
            score += 0.5
        if score > best_score:
            best, best_score = index, score
    return best


LOGO_OVER_KIND = 1.4  # a logo this many times as tall as a line naming a kind of business


def _logo_over_kind(lines: Sequence[OcrLine], company_at: int | None, skip: set[int],
                    domains: set[str], name: str | None) -> int | None:
    """The logo's words for the company when the line found for it only names a kind of
    business in the card's small print ("Creative Media Studio" under "NORTHWIND" in large
    type): the largest type names the company; a line with a legal form or the card's
    domain stands."""
    if company_at is None:
        return None
    text = lines[company_at].text
    if (_legal_form(text) or _ends_in_form(text)
            or _spells_domain(_compact(text), domains) or _holds_domain(text, domains)):
        return company_at
    logo_at = _logo_index(lines, skip, name)
    if logo_at is None or lines[logo_at].height <= LOGO_OVER_KIND * lines[company_at].height:
        return company_at
    return logo_at


# A line that ends in a legal form outweighs one that only holds a kind of business and sits
# near the top ("Creative Media Studio" over the name, "Ambervale Ltd" in the address block),
# not one that spells the card's own domain (the logo).
LEGAL_NAME = 0.75
_FORM_NAMES = frozenset({"incorporated", "corporation", "limited", "company"})
# The OCR's slips in a legal form: a capital I read as a small l ("Acme lnc."), the form run
# into the name when the space was lost ("AcmeSystemsInc.", "NordlichtGmbH").
_FORM_SLIP = re.compile(r"(?<![\w.])lnc\b")
_GLUED_FORM = re.compile(r"(?<=[a-z])(Inc|Ltd|LLC|LLP|GmbH|Corp|PLC|Pty|AG|SpA|BV|NV|AB|Oy)"
                         r"\.?$")


def _ends_in_form(text: str) -> bool:
    """The line ends in a company's legal form ("Ambervale Ltd", "Tarvex Corporation",
    "KORIMA TRADING CO., LTD.", "Halden Sdn. Bhd."), also as the OCR misreads it ("Acme lnc.",
    "AcmeSystemsInc."); a town and its state ("Louisville, KY") is none."""
    text = _GLUED_FORM.sub(r" \1", _FORM_SLIP.sub("Inc", text.strip(" ,;")))
    words = text.replace(",", ", ").split()
    if len(words) < 2:
        return False
    last = words[-1].rstrip(",;")
    if is_form_word(last) or is_form_word(last.rstrip(".")):
        return True
    if last.lower().rstrip(".") in _FORM_NAMES and last[0].isupper():
        return True
    return any(form_words_at(words, len(words) - size) == size for size in (2, 3, 4)
               if len(words) > size)


def _without_strays(company: str) -> str:
    """The company without marks the OCR read at its ends from a rule, a dot or a corner of
    the logo's drawing ("| NORTHGALE .", "ORVELLA -"): words with no letter or figure, and a
    small letter alone before the name ("o Veltrona Inc", a ring of the drawing)."""
    words = company.split()
    while words and not any(ch.isalnum() for ch in words[-1]):
        words.pop()
    while words and (not any(ch.isalnum() for ch in words[0])
                     or len(words) > 1 and len(words[0]) == 1 and words[0].islower()
                     and words[1][:1].isupper()):  # "o Veltrona Inc": a round mark read
        words.pop(0)
    return " ".join(words) or company


def _without_tagline(company: str, domains: set[str]) -> str:
    """The logo's name without the tagline the OCR read on its row ("ORVELLA Designing better
    homes" beside orvella.example): the words in capitals that spell the card's domain, when
    the rest is a phrase in small letters that names no kind of organisation."""
    words = company.split()
    for size in (1, 2, 3):
        head, rest = words[:size], words[size:]
        if (len(rest) < 2 or not all(w.isupper() for w in head)
                or not _spells_domain(_compact(" ".join(head)), domains)):
            continue
        tail = " ".join(rest)
        if (not tail.isupper() and any(w[:1].islower() and not _CONNECTOR.match(w) for w in rest)
                and not _COMPANY_WORDS.search(tail) and not _legal_form(tail)):
            return " ".join(head)
    return company


def _respelled_by_domain(company: str, domains: set[str]) -> str:
    """The company with a word (or up to three words together) that is the card's domain but
    for letters the OCR confuses ("LUMENFlELD", "0RBIT", "Lurnenfield" beside
    lumenfield.example, orbit.example) spelt as the domain spells it, in the word's case."""
    words = company.split(" ")
    for domain in sorted(domains, key=len, reverse=True):
        if len(domain) < 4:
            continue
        for size in (1, 2, 3):
            for start in range(len(words) - size + 1):
                run = words[start:start + size]
                compact = "".join(_compact(word) for word in run)
                if (compact == domain or not confused(compact, domain)
                        or _figures(domain) > _figures(compact)):
                    continue  # a figure in the domain for a letter printed: the domain misread
                mended = _in_case_of(run, domain)
                if mended is not None:
                    return " ".join(words[:start] + mended + words[start + size:])
    return company


DOUBTFUL_LOGO_RATIO = 0.75  # a doubtful logo this close to the card's domain is its name


def _logo_by_domain(company: str, confidence: float, labels: list[str]) -> str:
    """A company of one or two words read doubtfully (a logo's lettering, most of all in a
    photo) that comes close to the card's own domain but does not spell it ("LUMFNFIELO"
    beside lumenfield.example): the domain's spelling, in the logo's case. Read surely, the
    line stands: a brand may be spelt otherwise than its domain ("BRIGHTWAVE" beside
    brigtwave.example)."""
    compact = _compact(company)
    if confidence >= DOUBTFUL or len(company.split()) > 2 or len(compact) < 4:
        return company
    for label in labels:
        domain = label.replace("-", "")
        if (domain == compact or len(domain) < 4 or _figures(domain)
                or abs(len(domain) - len(compact)) > 2
                or SequenceMatcher(None, compact, domain).ratio() < DOUBTFUL_LOGO_RATIO):
            continue
        spelt = " ".join(label.split("-"))
        return spelt.upper() if company.isupper() else spelt.capitalize()
    return company


def _in_case_of(run: list[str], domain: str) -> list[str] | None:
    """``domain``'s letters put in the places of the run's letters and figures, in their case
    (the run's words as many letters long as the domain), or the one word spelt as the
    domain, in its case; None when neither can be done."""
    places = [(i, j) for i, word in enumerate(run) for j, ch in enumerate(word) if ch.isalnum()]
    if len(places) == len(domain):
        out = [list(word) for word in run]
        upper = all(ch.isupper() for word in run for ch in word if ch.isalpha() and ch != "l")
        for (i, j), letter in zip(places, domain, strict=True):
            ch = out[i][j]
            if ch.lower() != letter:
                out[i][j] = letter.upper() if upper or ch.isupper() else letter
        return ["".join(word) for word in out]
    if len(run) != 1 or not run[0].isalnum():
        return None
    word = run[0]
    return [domain.upper() if word.isupper() else domain.capitalize() if word[0].isupper()
            else domain]


def _spells_domain(compact: str, domains: set[str]) -> bool:
    """The line names the card's web or mail domain: starts with it ("acmerobotics" for
    acme.com), is its start, or is it with a letter or two misread by the OCR or by the
    domain's own spelling ("BRIGHTWAVE" beside brigtwave.com, "ACMEGWIDGETS" for acme-widgets)."""
    for domain in domains:
        if len(domain) < 3:
            continue
        if compact.startswith(domain) or domain.startswith(compact) and len(compact) >= 3:
            return True
        if (len(domain) >= 6 and abs(len(compact) - len(domain)) <= 2
                and SequenceMatcher(None, compact, domain).ratio() >= SPELLS_DOMAIN):
            return True
        if len(domain) >= 4 and confused(compact, domain):  # "0RBIT" beside orbit.example
            return True
    return False


_ARTICLE = re.compile(r"(?i)^(?:the|die|der|das|la|le|les|el|los|il|lo|o|os|de|het)\s+")


def _holds_domain(text: str, domains: set[str]) -> bool:
    """The line names the card's domain among other words: without its article and its legal
    form it spells the domain ("The Lumen Group Ltd" beside lumengroup.example), or holds it
    whole as a word or words of five letters or more ("Hotel Kestrel Lisboa" beside
    kestrel.example)."""
    bare = _ARTICLE.sub("", basename(text) if _legal_form(text) else text)
    compact = _compact(bare)
    if len(compact) < 3:
        return False
    if _spells_domain(compact, domains):
        return True
    words = [_compact(word) for word in re.split(r"[\s&,/|-]+", bare) if _compact(word)]
    for domain in domains:
        if len(domain) < 5:
            continue
        for start in range(len(words)):
            for end in range(start + 1, len(words) + 1):
                if "".join(words[start:end]) == domain:
                    return True
    return False


def _legal_form(text: str) -> bool:
    """Ends in a legal form of a company ("Pty Ltd", "S.p.A.", "Oy", "K.K."), by cleanco's
    list of legal forms of many countries."""
    words = text.replace(",", ", ").split()
    return len(words) >= 2 and basename(" ".join(words)).casefold() != " ".join(words).casefold()


def _join_spelled_domains(lines: list[OcrLine], domains: set[str]) -> list[OcrLine]:
    """A logo the OCR read as two lines ("TEP" in large print above "CENTRE"), one line again
    when together they spell the card's web or mail domain (kelcentre.com) and neither does
    alone."""
    out: list[OcrLine] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        after = lines[index + 1] if index + 1 < len(lines) else None
        if (after is not None and domains and _logo_words(line.text) and _logo_words(after.text)
                and _compact(line.text + after.text) in domains
                and _compact(line.text) not in domains and _compact(after.text) not in domains):
            out.append(_joined(line, after))
            index += 2
            continue
        out.append(line)
        index += 1
    return out


def _logo_words(text: str) -> bool:
    return (0 < len(text.split()) <= 3 and not any(ch.isdigit() for ch in text)
            and _plain_phrase(text) and len(_compact(text)) >= 2)


def _joined(first: OcrLine, second: OcrLine) -> OcrLine:
    box = (min(first.box[0], second.box[0]), min(first.box[1], second.box[1]),
           max(first.box[2], second.box[2]), max(first.box[3], second.box[3]))
    text = " ".join(" ".join(first.text.split() + second.text.split()).split())
    return OcrLine(text, min(first.confidence, second.confidence), box)


_CONNECTOR = re.compile(r"(?i)^(?:and|of|for|&|und|et|y|de|der|des|du|für|pour|para)$")


def _company_block(lines: Sequence[OcrLine], at: int, skip: set[int]) -> OcrLine:
    """The company's line with the lines its name goes on to: a line that starts or ends on a
    joining word ("Institute for Computer Sciences" / "and Telecommunications"), and a word of
    the logo set in the same print size just above it ("Nordic" / "Export Promotion Council")."""
    line = lines[at]
    after = at + 1
    if (after < len(lines) and after not in skip and _logo_words_long(lines[after].text)
            and not _UNIT.match(lines[after].text)):
        next_words = lines[after].text.split()
        if (_kind_only(lines[after].text) and not _kind_only(line.text)
                and _flush_below(lines[after], line)):  # "Halvik" / "Consulting Group"
            line = _joined(line, lines[after])
        elif (_CONNECTOR.match(line.text.split()[-1]) or
                _CONNECTOR.match(next_words[0]) and next_words[0][0].islower()):
            line = _joined(line, lines[after])
        elif (not _COMPANY_WORDS.sub("", line.text).strip(" ,.&")  # "Institut" alone
              or _COMPANY_WORDS.search(line.text)  # "Institute for Applied" / "Ocean Optics"
              and any(_CONNECTOR.match(word) for word in line.text.split()[1:-1])):
            for index in range(after, min(after + 2, len(lines))):
                if index in skip or not _flush_below(lines[index], lines[index - 1]):
                    break
                line = _joined(line, lines[index])
    above = _word_above(lines, lines[at], skip | {at})
    if above is not None:
        line = _joined(lines[above], line)
    elif _kind_only(lines[at].text) and _name_above(lines, at, skip):
        line = _joined(lines[at - 1], line)  # "Harbourside Marine" / "Engineering Group"
    elif at > 0 and at - 1 not in skip and _opens_name(lines[at - 1].text) and _flush_below(
            lines[at], lines[at - 1]):  # "Institute for Applied" / "Seabed Acoustics"
        line = _joined(lines[at - 1], line)
    return line


# A unit of an organisation, printed under its name: a line of its own, not the name's end
# ("University of Tarrowmere" / "Department of Physics").
_UNIT = re.compile(r"(?i)^(?:department|dept\.?|faculty|division|school of|office of|"
                   r"chair of|graduate school|college of)\b")


def _kind_only(text: str) -> bool:
    """The line holds only what kind of organisation it is and its legal form ("Engineering
    Group", "Consulting Ltd", "Hotels & Resorts"): the name itself is on another line."""
    bare = _COMPANY_WORDS.sub("", basename(text) if _legal_form(text) else text)
    return bool(_COMPANY_WORDS.search(text)) and not bare.strip(" ,.&-+")


def _name_above(lines: Sequence[OcrLine], at: int, skip: set[int]) -> bool:
    """The line right above is the first part of the company's name: flush with it, in its
    print, words of a name that are no person's, title or organisation of their own."""
    above = at - 1
    if above < 0 or above in skip:
        return False
    text = lines[above].text
    return (_flush_below(lines[at], lines[above]) and len(text.split()) <= 4
            and not _COMPANY_WORDS.search(text) and not _legal_form(text)
            and not _SLOGAN.search(text) and text[:1].isupper())


_ACRONYM = re.compile(r"^[A-Z]{2,5}$")


def _spelled_out(lines: Sequence[OcrLine], at: int, skip: set[int]) -> OcrLine | None:
    """The organisation's name in full, for a company read as letters that abbreviate it
    ("KTI" over "Institut für Kältetechnik" / "Kessler-Tamm-Institut"): the first other
    name of an organisation on the card whose words' initials (hyphened words counted
    apart) hold the letters in their order, with the lines its name goes on to."""
    acronym = lines[at].text.strip(" ,;")
    if not _ACRONYM.match(acronym):
        return None
    for index, line in enumerate(lines):
        if index == at or index in skip or not (_COMPANY_WORDS.search(line.text)
                                                or _ends_in_form(line.text)):
            continue
        block = _company_block(lines, index, skip | {at})
        words = [w for w in re.split(r"[\s&,/-]+", block.text)
                 if w and w[0].isalpha() and not _TITLE_JOINS.match(w)]
        if acronym.lower() in "".join(fold(w[0]) for w in words):  # initials in a row
            return block
    return None


def _opens_name(text: str) -> bool:
    """The first line of an organisation's name set over two: its kind, and a joining word
    after it ("National Institute of", "Institute for Applied")."""
    words = text.split()
    return (bool(_COMPANY_WORDS.search(text)) and _logo_words_long(text)
            and any(_CONNECTOR.match(word) for word in words[1:]))


def _flush_below(line: OcrLine, above: OcrLine) -> bool:
    """A line of a name set over several lines: right below the one before, flush left with
    it, in the same print size, words without figures."""
    height = max(above.height, 1.0)
    return (_logo_words_long(line.text) and not _maybe_name(line.text)
            and abs(line.box[0] - above.box[0]) <= 0.5 * height
            and abs(line.height - above.height) <= 0.25 * height
            and -0.3 * height <= line.box[1] - above.box[3] <= 0.6 * height)


def _logo_words_long(text: str) -> bool:
    return (0 < len(text.split()) <= 6 and not any(ch.isdigit() for ch in text)
            and _plain_phrase(text) and not _is_title(text))


def _word_above(lines: Sequence[OcrLine], line: OcrLine, skip: set[int]) -> int | None:
    """A line of one word printed in the line's size right above it and over it."""
    height = line.height
    if height <= 0:
        return None
    for index, other in enumerate(lines):
        words = other.text.split()
        if (index in skip or len(words) != 1 or not words[0][:1].isupper()
                or not _logo_words(other.text) or _is_title(other.text)
                or _maybe_name(other.text) or abs(other.height - height) > 0.25 * height):
            continue
        gap = line.box[1] - other.box[3]
        overlap = min(line.box[2], other.box[2]) - max(line.box[0], other.box[0])
        width = min(line.box[2] - line.box[0], other.box[2] - other.box[0])
        if -0.3 * height <= gap <= 0.6 * height and width > 0 and overlap >= 0.8 * width:
            return index
    return None


def _line_below(lines: Sequence[OcrLine], at: int, skip: set[int]) -> int | None:
    """The words of the logo printed in the same size right below a logo word of one line."""
    for index, other in enumerate(lines):
        if (index not in skip and index != at and _logo_words_long(other.text)
                and not _maybe_name(other.text)
                and _word_above(lines, other, (skip | set(range(len(lines)))) - {at}) == at):
            return index
    return None


def _company_text(text: str, domains: set[str]) -> str:
    """The company as printed, an "&" the OCR read as a letter put back where the domain
    spells the words apart ("MAKERSGMENDERS" beside makers-menders.com)."""
    if not text.isupper() or len(text.split()) > 3:
        return text
    for at, char in enumerate(text):
        without = _compact(text[:at] + text[at + 1:])
        if (char in _AMPERSAND_MISREAD and 2 <= at <= len(text) - 3
                and any(without == domain or len(domain) >= 8 and _closer(without, text, domain)
                        for domain in domains)):
            spaced = text[at - 1] == " " or text[at + 1] == " "
            return (f"{text[:at].rstrip()} & {text[at + 1:].lstrip()}" if spaced
                    else f"{text[:at]}&{text[at + 1:]}")
    return text


_AMPERSAND_MISREAD = "G8B"


def _closer(without: str, text: str, domain: str) -> bool:
    """``without`` (the line less one letter) spells ``domain`` but for one letter misread
    (in either), and closer than the whole line does."""
    near = SequenceMatcher(None, without, domain).ratio()
    return near >= SPELLS_DOMAIN_CLOSELY and near > SequenceMatcher(
        None, _compact(text), domain).ratio()


def _title_without_company(title: str, company: str, domains: set[str]) -> str:
    """The title without the company's name printed after it on its line ("Managing Director
    Acme Centre", the company being "ACME CENTRE" or acmecentre.com)."""
    words = title.split()
    names = {_compact(company)} | domains
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), _compact(" ".join(words[cut:]))
        if (len(tail) >= 3 and tail in names and _is_title(head)
                and not _CONNECTOR.match(words[cut - 1]) and words[cut - 1].lower() != "at"):
            return head  # not "Head of" from "Head of Acme Labs"
    return title


def _logo_index(lines: Sequence[OcrLine], skip: set[int], name: str | None) -> int | None:
    """The line printed largest, when it is much larger than the card's usual print and
    reads like a short name: the logo's words, which name the company."""
    heights = [line.height for line in lines if line.height > 0]
    if not heights:
        return None
    usual = median(heights)
    name_words = {fold(word) for word in (name or "").split()}
    best, best_height = None, LOGO_HEIGHTS * usual
    for index, line in enumerate(lines):
        text = line.text.strip()
        if (index in skip or line.confidence < LOGO_SURE
                or any(ch.isdigit() for ch in text) or len(_compact(text)) < 2
                or len(text.split()) > 4 or _ADDRESS.search(text) or not _plain_phrase(text)
                or {fold(word) for word in text.split()} <= name_words or _is_title(text)):
            continue
        if line.height > best_height:
            best, best_height = index, line.height
    return best


def _address(lines: Sequence[OcrLine], address_lines: set[int]) -> str | None:
    parts = [lines[i].text.strip(" ,") for i in sorted(address_lines)]
    return ", ".join(parts) if parts else None
