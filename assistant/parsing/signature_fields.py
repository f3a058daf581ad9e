"""A contact's signature block mined for title, company, phones, emails and websites.

Signatures are short lines in a loose order (name, title, company, phones, links), often joined
with "|", "·" or ",". Each line is read on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.parsing.card_layout import is_company_line
from assistant.parsing.contacts import (
    COMPANY_RE,
    FAX_WORDS,
    TITLE_WORD,
    clean_company,
    find_emails,
    find_phones,
    find_urls,
    is_legal_form,
    is_title_phrase,
    role_in,
    role_in_list,
    with_comma_form,
)
from assistant.parsing.draft import name_key
from assistant.parsing.labeller import read_block
from assistant.parsing.labeller.tagger import is_unit
from assistant.parsing.legal_forms import form_words_at
from assistant.parsing.letters import UPPER
from assistant.parsing.signatures import is_signoff_line

_SPLIT = re.compile(r"\s*(?:\||·|•|,|\s[-–—]\s)\s*")
_NOISE = re.compile(
    r"(?i)^(?:sent from|gesendet von|envoyé de|enviado desde|get outlook|this (?:e-?mail|message)|"
    r"confidential|disclaimer|t:|m:|p:|e:|w:|tel|phone|mobile|cell|fax|mobil|tél|móvil)"
)
_LABEL = re.compile(
    r"(?i)^(?:t|m|p|e|w|tel|phone|mobile|cell|office|mobil|tél|móvil|web|email)\.?\s*:"
)
_VALEDICTION_WORDS = re.compile(r"(?i)^(?:best|regards|cheers|thanks|thank you|sincerely|warmly|"
                                r"viele grüße|beste grüße|grüße|cordialement|saludos|un saludo|"
                                r"atentamente|bien à vous|merci|gracias|lg|vg)\b")
# A street, a postcode and town, or a plot, box or private bag: "Plot 5014, Freedom Way, Kitwe",
# "P/BAG 5014, BULAWAYO", "14 Freedom Way"
_ADDRESS = re.compile(r"\d+\s+\w+.*\b(?:st|street|ave|avenue|road|rd|blvd|straße|str\.|rue|calle|"
                      r"suite|floor|way|lane|drive|close|crescent|boulevard|highway)\b"
                      r"|\b\d{4,5}\s+[" + UPPER + r"]\w+"
                      r"|^(?:plot|stand|erf|p/bag|private bag|p\.?\s?o\.?\s?box|box)\s*\d+",
                      re.IGNORECASE)


@dataclass(frozen=True)
class SignatureFacts:
    title: str | None
    company: str | None
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    urls: tuple[str, ...]
    name: str | None = None  # the name line as the block labeller reads it


_FIELD_SEPARATOR = re.compile(r"\s+[|·•]\s+")


def _field_beside(signature: str, title: str) -> str | None:
    """The field after the title's on a line of fields set apart by bars or dots, when it is
    a company's name."""
    for line in signature.splitlines():
        fields = _FIELD_SEPARATOR.split(line.strip())
        if title in fields and fields.index(title) + 1 < len(fields):
            beside = fields[fields.index(title) + 1].strip()
            if (COMPANY_RE.fullmatch(beside.rstrip(".")) and not re.search(r"[@\d]", beside)
                    and not is_title_phrase(beside, loose=True)):
                return beside
    return None


def mine_signature(signature: str, name: str | None, region: str) -> SignatureFacts:
    """Fields from a signature block: title and company as the trained block labeller reads
    them (the line rules below when it finds neither); phones outside fax lines."""
    block = read_block(_card_lines(signature), region, person=name)
    if block.company and any(_ADDRESS.search(line) for line in signature.splitlines()
                             if line.strip().startswith(block.company)):
        # "Plot 5014, Freedom Way, Kitwe": an address the labeller read as the company
        block = replace(block, company=None)
    title, company = _rule_role(signature, name)
    own = {name_key(name), name_key(name).split(" ")[0]} if name else set()
    # "Partner | Sala Ventures" under a lone sign-off name: a company the labeller read where
    # the line rules read the title is the title, and the rules' reading stands
    mistaken = bool(block.company and title and not block.title
                    and name_key(block.company) == name_key(title))
    # "Chefe de Produção na Quinta do Seixo Lda.": the labeller read the tail of the company
    # and no title where the rules read both on one line
    mistaken = mistaken or bool(block.company and title and company and not block.title
                                and name_key(company).endswith(name_key(block.company)))
    # "General Partner, Lonestar Catalyst Fund" read as the title up to the last word: the rules
    # read the title before the comma and the company after it
    mistaken = mistaken or bool(block.title and block.company and title and company
                                and block.title.startswith(title + ", ")
                                and company == f"{block.title[len(title) + 2:]} {block.company}")
    # "Founder | Lumentide" read whole as the title: the rules read the title and the company
    # the separator sets apart
    mistaken = mistaken or bool(block.title and title and company and not block.company
                                and _SPLIT.search(block.title)
                                and ((block.title.startswith(title)
                                      and block.title.endswith(company))
                                     # "Ortega Auditores — Socia Directora": the company
                                     # first, or its last words only
                                     or (block.title.endswith(title)
                                         and _company_tail(block.title[:-len(title)],
                                                           company))))
    # "Eigentümerin, Kessler Drechslerei e.K." read whole as the title and a street below as
    # the company: the rules read the title and the company with its legal form beside it
    mistaken = mistaken or bool(block.title and block.company and title and company
                                and block.title.startswith(title) and block.title != title
                                and _company_tail(block.title[len(title):], company)
                                and is_legal_form(company.split()[-1])
                                and name_key(block.company) not in name_key(company))
    # "Weber Steuerberatung — Steuerberater & Partner": the labeller read the company as the
    # title, where the rules read the company and the title beside it
    mistaken = mistaken or bool(block.title and not block.company and title and company
                                and name_key(block.title) == name_key(company))
    # "Responsabile Relazioni con le Imprese – Incubatore ...": the labeller read the title's
    # field as the company, where the rules read the whole title and the company beside it
    mistaken = mistaken or bool(block.company and title and company
                                and (not block.title
                                     or name_key(title).startswith(name_key(block.title)))
                                and name_key(block.company) in name_key(title)
                                and name_key(company) not in name_key(title)
                                and is_title_phrase(title, loose=True))
    # "Director, Investment Promotion | Anguilla Investment Office": the labeller cut the
    # title's field at its comma and read its department as the company; the rules' title
    # stands, and the field beside it is the company
    if (block.title and block.company and title
            and name_key(title) == name_key(f"{block.title}, {block.company}")):
        mistaken = True
        company = company or _field_beside(signature, title)
    # "Kuda" above "Kudakwashe Sibanda": the short name the signer signs with, read as the title
    short = name_key(block.title or "") if block.title and " " not in block.title.strip() else ""
    mistaken = mistaken or bool(name and short and name_key(name).split(" ")[0].startswith(short)
                                and not is_title_phrase(block.title or "", loose=True))
    # "PROFESSOR JANE DOE OBE" read as the title: the name's own line, with its orders
    mistaken = mistaken or bool(name and block.title
                                and name_key(block.title).startswith(name_key(name) + " "))
    if (block.title or block.company) and not mistaken and not {
            name_key(block.title or ""), name_key(block.company or "")} & own:
        rule_company = company if title and name_key(title) == name_key(block.title or "") else None
        rule_title = title
        title, company = block.title, block.company or rule_company
        if rule_company and company and _cut_short(company, rule_company):
            company = rule_company  # "Blumenhaus" of "Blumenhaus Wendt e.K.": the whole line
        title = _whole_title(title, rule_title)
        if (title is None and rule_title and company
                and name_key(rule_title) not in name_key(company)
                and name_key(company) not in name_key(rule_title)):
            title = rule_title  # "Leiterin Einkauf" below the company, read as a second company
    company = _with_name_before_form(_whole_company(company, signature), signature)
    company = with_comma_form(_company_line_head(company, signature), signature)
    if title and not company and is_legal_form(title.split()[-1]) and not is_title_phrase(
            title, loose=True):
        # "Fromagerie des Aravis SARL" read as the title: a name with its legal form is the
        # company, and the rules' title line (if any) is the title
        rule_title = _rule_role(signature, name)[0]
        title, company = (rule_title if rule_title != title else None), title
    if company and not title:  # "Hoofd Inkoop bij Polderfruit B.V." read whole as the company
        inner = role_in(company)
        if inner.title and inner.company:
            title, company = inner.title, inner.company
    company = _with_form_after(_entity_after_unit(company, signature), signature)
    title = _title_without_company(title, company)
    if title and company and is_legal_form(company):
        # "Diretor Financeiro na Cortiça Viva, S.A." read up to the comma: the whole line
        inner = role_in(f"{title}, {company}")
        if inner.title and inner.company and inner.company != company:
            title, company = inner.title, inner.company
    if title is None and name:
        # "Joris Peeters, Zaakvoerder": the title on the name's line
        # (the pattern is built from the name: compiled only when the name is there at all)
        beside = re.search(rf"(?m)^\s*{re.escape(name)}\s*[,|–—-]\s*(?P<t>[^,|\n]+?)\s*$",
                           signature) if name in signature else None
        if beside and is_title_phrase(beside.group("t"), loose=True):
            title = beside.group("t")
    title, company = _qualifier_read_as_company(title, company, signature)
    title = _with_qualifier(title, company, signature)
    title = _title_line_head(title, signature)
    if title and company:
        # "Responsabile Relazioni" of "Responsabile Relazioni con le Imprese – Incubatore ...":
        # the rules' title of the same line, beside the same company, is the whole title
        ruled_title, ruled_company = _rule_role(signature, name)
        if (ruled_title and ruled_company and name_key(ruled_company) == name_key(company)
                and ruled_title.startswith(title + " ")
                and is_title_phrase(ruled_title, loose=True)):
            title = ruled_title
    if title and _POST_NOMINAL.fullmatch(title):
        # "Harjit Sandhu, P.Eng.": letters after the name are a degree, not the title
        rule_title = _rule_role(signature, name)[0]
        title = rule_title if rule_title and not _POST_NOMINAL.fullmatch(rule_title) else None
    title = _title_before_colon(title, signature)
    title, company = _whole_company_segment(title, company, signature)
    title, company = _title_on_two_lines(title, company, signature)
    title, company = _role_line_fields(title, company, signature)
    company = _with_form_before(_with_particle_rest(company, signature), signature)
    title = _lowercase_title_line(title or _title_line_above_company(company, signature, name),
                                  signature)
    if title and company and any(line.strip() == f"{title} {company}" and is_company_line(line)
                                 for line in signature.splitlines()):
        # "USAMBARA MOUNTAIN" + "COFFEE GROWERS LIMITED": a company's name and its legal form on
        # a line of their own, read as a title and a company, are the one company
        title, company = None, f"{title} {company}"
    if company is None:
        # "Areni Hill Winery CJSC" under the name's column: a line of a company's name and its
        # legal form, and nothing else, is the company wherever it sits on the card
        company = next((line for line in _card_lines(signature).splitlines()
                        if is_company_line(line)), None)
    faxes = {p for line in block.fax_lines for _, p in find_phones(line, region)}
    faxes |= _labelled_fax(signature, region)
    faxes -= _labelled_not_fax(signature, region)
    return SignatureFacts(
        title=title,
        company=company,
        phones=tuple(dict.fromkeys(p for _, p in find_phones(signature, region) if p not in faxes)),
        emails=tuple(dict.fromkeys(e for _, e in find_emails(signature))),
        urls=tuple(dict.fromkeys(u for _, u in find_urls(signature) if not u.startswith("mailto"))),
        name=block.name,
    )


# Degrees and professional letters written after a name: "P.Eng.", "CPA", "PhD", "MBA, CFA".
_POST_NOMINAL = re.compile(
    r"(?:(?:P\.\s?Eng\.?|Eng\.|CPA|CA|CFA|CFP|PhD|Ph\.D\.?|MBA|MSc|M\.Sc\.?|BSc|FCA|ACA|ACCA|"
    r"CMA|PMP|Esq\.?|LL\.?M\.?|MD|M\.D\.|RN|FRICS|MRICS|CEng|MIET|PE|P\.E\.|QC|KC|SC|"
    # British engineering and professional institutions' members and fellows: "CEng
    # FIMechE", "IEng MICE", "FIStructE", "FRAeS", "MCIPS", "FRSA"
    r"IEng|FREng|[FM]IMechE|[FM]ICE|[FM]IStructE|[FM]IChemE|FIET|[FM]RAeS|[FM]RSC|[FM]CIOB|"
    r"[FM]RTPI|[FM]CIPS|[FM]CILT|[FM]CIPD|[FM]CIM|FCMI|CMgr|FIoD|FRSA)"
    r"(?:,?\s+|$))+")
# A number behind its own label that is no fax ("Office: 403-555-0186 | Fax: 403-555-0187")
_NOT_FAX_LABEL = re.compile(
    r"(?i)(?:^|[|·•,;]|\s{2,})\s*(?:office|tel|tél|phone|ph|direct|dir|mobile|mob|cell|cel|m|t|p|c)"
    r"\.?\s*:?\s*$")


# A number behind its own fax label on a line of several ("Tel: ... | Fax: ... | Cell: ...",
# "Téléc. : 819 555-0143")
_FAX_LABEL = re.compile(
    r"(?i)(?:^|[|·•,;/]|\s{2,})\s*"
    r"(?:faksimile|" + FAX_WORDS + r"|f)\.?\s*:?\s*$")


def _labelled_fax(signature: str, region: str) -> set[str]:
    found = set()
    for line in signature.splitlines():
        for at, number in find_phones(line, region):
            if _FAX_LABEL.search(line[:at]):
                found.add(number)
    return found


# The separators between a signature line's fields: "Cacau do Sul Chocolates Ltda. — Diretor de
# Marketing", "Diretora Comercial | Quinta do Souto Lda"
_FIELD_SEPARATOR = re.compile(r"\s+[—–|·/-]\s+")
_JOINING_PARTICLES = {"de", "do", "da", "dos", "das", "del", "du", "des", "di", "della", "van",
                      "von", "der", "den", "e", "&", "and", "y", "et"}


def _whole_company_segment(title: str | None, company: str | None,
                           signature: str) -> tuple[str | None, str | None]:
    """A company read short of its field ("Chocolates Ltda." of "Cacau do Sul Chocolates Ltda.",
    "Souto Lda" of "Quinta do Souto Lda"): the whole field when the words before it are
    capitalised words and particles with no title word; "Gérante de Marchetti" before "Épicerie
    Fine SARL": the title's "de" names the company's first word."""
    if not company or not is_legal_form(company.split()[-1]):
        return title, company
    for line in signature.splitlines():
        for field in _FIELD_SEPARATOR.split(line.strip()):
            field = field.strip(" ,;")
            if field == company or not field.endswith(" " + company):
                continue
            before = field[: -len(company)].split()
            if "," in field[: -len(company)]:
                continue  # "Investment Manager, Norrland Growth Fund AB": two fields
            if before and all(w in _JOINING_PARTICLES or (w[:1].isupper()
                                                          and not TITLE_WORD.match(w))
                              for w in before) and before[0][:1].isupper():
                return title, field
            head, particle, named = (title or "").rpartition(" de ")
            if (title and " ".join(before) == title and particle and head
                    and is_title_phrase(head) and named[:1].isupper()
                    and not TITLE_WORD.match(named.split()[0])):
                return head, f"{named} {company}"
    return title, company


# "Senior Manager: Terminal Planning": a title, a colon, then the field it heads, on one line
_TITLE_COLON_FIELD = re.compile(r"^\s*(?P<head>[^:\n]{2,40}):\s+(?P<field>[^:\n]{2,60}?)\s*$")


def _title_before_colon(title: str | None, signature: str) -> str | None:
    if not title:
        return title
    for line in signature.splitlines():
        match = _TITLE_COLON_FIELD.match(line)
        if (match and match.group("field") == title and is_title_phrase(match.group("head"))
                and not _PHONE_LABEL_WORD.search(match.group("head"))):
            return f"{match.group('head').strip()}: {title}"
    return title


_PHONE_LABEL_WORD = re.compile(r"(?i)\b(?:tel|phone|mobile|cell|fax|e-?mail|web|direct|office)\b")


def _labelled_not_fax(signature: str, region: str) -> set[str]:
    found = set()
    for line in signature.splitlines():
        for at, number in find_phones(line, region):
            if at > 0 and _NOT_FAX_LABEL.search(line[:at]):
                found.add(number)
    return found


_QUALIFIER_WORDS = 4
_JOINER_START = re.compile(r"(?i)^(?:[&/+,–—-]|and|und|et|y|e|en|o|or|oder|ou)\s")
_PARTICLE_START = re.compile(r"^(?:of|for|de|del|des|du|da|do|di|für|van|von)\s")
_REGION_START = re.compile(r"^(?:for|für|pour|para|per|voor)\s+[" + UPPER + r"]")


_TITLE_PARTICLES = {"of", "for", "für", "de", "del", "des", "du", "der", "di", "van", "von", "pour",
                    "para"}


def _title_on_two_lines(title: str | None, company: str | None,
                        signature: str) -> tuple[str | None, str | None]:
    """A title a card breaks over two lines above the company ("Deputy Director for Medical
    Services" / "and International Patients", "Leiterin für Elektrochemische" /
    "Verfahrenstechnik" over "Technische Hochschule ..."): the second line goes on with the
    title (from a joiner, or after a title ending in what its "für"/"for" heads), and the line
    below it is the company."""
    if not title:
        return title, company
    lines = [line.strip().strip("*_") for line in signature.splitlines() if line.strip()]
    for index, line in enumerate(lines[:-2]):
        if line != title:
            continue
        second, below = lines[index + 1], lines[index + 2]
        words = second.split()
        # ("for Defence & Dual-Use Products": a sign joining two fields is no word of its own)
        if (len([w for w in words if w not in {"&", "/", "+"}]) > 4 or _is_contact_bit(second)
                or re.search(r"\d", second)
                or is_legal_form(words[-1]) or _LABEL.match(second)
                or _is_contact_bit(below)
                or not (_is_company_line(below) or (company and below == company))
                or is_title_phrase(below, loose=True)
                or (company and name_key(company) not in {name_key(second), name_key(below)})):
            return title, company
        # "Director of Clinical Partnerships" / "for Asia-Pacific": the region it covers, in
        # lower case after the title's own line
        joined = bool(_JOINER_START.match(second) or _REGION_START.match(second)
                      # "Riaditeľ pre nákup" / "a logistiku", "Directeur Général Adjoint" /
                      # "chargé du développement": a line in lower case goes on with the title
                      or (second[:1].islower() and second[:1].isalpha()))
        # "... für Elektrochemische" / "Verfahrenstechnik": the field the title's
        # particle heads runs on to the next line, a line of no title of its own
        headed = (title.split()[-2:-1] and title.split()[-2] in _TITLE_PARTICLES
                  and title[-1:].isalpha() and len(words) == 1 and second[:1].isupper()
                  and not is_title_phrase(second, loose=True) and not is_unit(second))
        if joined or headed:
            return f"{title} {second}", clean_company(below) or company
        return title, company
    return title, company


def _title_line_head(title: str | None, signature: str) -> str | None:
    """ "VICE-PRESIDENT, BUSINESS DEVELOPMENT" read from its field on: the title word before the
    comma on the same line is the title's head."""
    if not title:
        return title
    for line in signature.splitlines():
        line = line.strip()
        if line != title and line.endswith(f", {title}"):
            head = line[: -len(title) - 2].strip()
            if head and "," not in head and is_title_phrase(head, loose=True):
                return line
    return title


def _whole_title(title: str | None, rule_title: str | None) -> str | None:
    """A title the labeller read from its joiner on ("& Logística" of "Gerenta de Compras &
    Logística", "/ Inkoop"): the rules' reading of the whole line stands."""
    if (title and rule_title and (_JOINER_START.match(title) or _PARTICLE_START.match(title))
            and len(rule_title) > len(title) and rule_title.endswith(title)):
        return rule_title  # and "de Mercadeo" of "Subgerente Comercial y de Mercadeo"
    # "Compras & Logística" of "Gerenta de Compras & Logística", its head read as no title:
    # the rules' whole line, every word of it a title's
    if (title and rule_title and rule_title.endswith(" " + title)
            and is_title_phrase(rule_title)):
        return rule_title
    # "Head of Growth / Partnerships" read up to its "/": the rules' whole title
    if (title and rule_title and rule_title.startswith(title)
            and _JOINER_START.match(rule_title[len(title):].lstrip())
            and rule_title[len(title):].startswith(" ")
            and is_title_phrase(rule_title, loose=True)):
        return rule_title
    return title


_QUALIFIER_SEP = re.compile(r"\s[-–—]\s|,\s*")


# Between the fields of a signature's role line: "Title | Company", "Title – Company"
_FIELD_SEP = re.compile(r"\s+(?://?|[|·•–—])\s+")


def _role_line_fields(title: str | None, company: str | None,
                      signature: str) -> tuple[str | None, str | None]:
    """The title and the company of one role line whose fields a pipe or a dash sets apart:
    "Senior Manager, Factory Automation Sales | Chubu Servo Co., Ltd." read as the title and
    the department (the comma's part goes with the title, the next field is the company), and
    "Administrador Delegado – Caju do Norte, S.A." read the other way round or whole as the
    company."""
    if not title or not company:
        return title, company
    sep = _FIELD_SEP.match(company, len(title)) if company.startswith(title) else None
    if sep and is_title_phrase(title, loose=True):
        # "Consejero Delegado – Almazaras Olivar Sur, S.A." read whole as the company
        company = clean_company(company[sep.end():]) or company
    for raw in signature.splitlines():
        line = raw.strip().strip("*_")
        fields = [f.strip() for f in _FIELD_SEP.split(line)]
        if len(fields) < 2:
            continue
        if fields[0] == f"{title}, {company}" and is_title_phrase(title, loose=True):
            found = clean_company(fields[1])
            if (found and not _is_contact_bit(fields[1]) and not is_title_phrase(found, loose=True)
                    and (len(found.split()) >= 2 or is_legal_form(found.split()[-1]))):
                return fields[0], found
        if (fields[0] == company and fields[1].startswith(title)
                and is_title_phrase(company, loose=True)
                and not is_title_phrase(title, loose=True)):
            return company, with_comma_form(title, signature)
        if (len(fields) == 2 and fields[0] == f"{title} {company}"
                and is_title_phrase(fields[1], loose=True)
                and not is_title_phrase(fields[0], loose=True)):
            # "Tanzanite Angels Network | Chair" read as title "Tanzanite": the company first,
            # then the title
            return fields[1], clean_company(fields[0]) or fields[0]
    return title, company


def _qualifier_read_as_company(title: str | None, company: str | None,
                               signature: str) -> tuple[str | None, str | None]:
    """ "Director de Expansión – Zona Levante" over "Grupo Mediterráneo de Hoteles": the region
    after the title's dash or comma was read as the company; the line below is the company."""
    if not title or not company:
        return title, company
    lines = [line.strip().strip("*_") for line in signature.splitlines() if line.strip()]
    for index, line in enumerate(lines[:-1]):
        # the title, a dash or a comma, then the company, and nothing else on the line
        match = (line.startswith(title) and line.endswith(company)
                 and len(line) > len(title) + len(company)
                 and _QUALIFIER_SEP.fullmatch(line[len(title):len(line) - len(company)]))
        below = lines[index + 1]
        if (match and len(company.split()) <= _QUALIFIER_WORDS and _is_company_line(below)
                and not is_legal_form(company.split()[-1]) and re.search(r"[^\W\d_]{3}", below)
                and not _is_contact_bit(below) and not is_title_phrase(below, loose=True)
                and not set(company.split()) & set(below.split())):
            return line, clean_company(below) or company
    return title, company


def _with_qualifier(title: str | None, company: str | None, signature: str) -> str | None:
    """A title line that goes on after a comma with a site, region or field while the company
    stands on a line of its own ("Directeur des opérations, site de Reims" over "Verrerie
    SAS", "Manager HR, regio Oost"): the whole line is the title."""
    if not title or not company:
        return title
    lines = [line.strip().strip("*_") for line in signature.splitlines()]
    if not any(company in line and not line.startswith(title) for line in lines):
        return title
    for line in lines:
        # "Manager HR, regio Oost", "Jefa de Ventas - Zona Sur"
        sep = next((s for s in (",", " - ", " – ", " — ") if line.startswith(title + s)), None)
        if sep is None:
            continue
        rest = line[len(title) + len(sep):].strip()
        words = rest.split()
        if (not words or len(words) > _QUALIFIER_WORDS or _SPLIT.search(rest)
                or _is_contact_bit(rest) or is_legal_form(words[-1])
                or words[0] in company.split()):
            return title
        return line
    return title


# Heads of a line naming a unit that the block model may read as the company
_UNIT_LINE = re.compile(
    r"(?i)^(?:stabsstelle|referat|zentralbereich|geschäftsbereich|segreteria|dienst|servicio|"
    r"serviço|délégation|secretaría|secretaria|secretariaat|sekretariat|unidad|unità|"
    r"afdeling|direzione|dirección|direção|direction)\s")


def _entity_after_unit(company: str | None, signature: str) -> str | None:
    """A unit read as the company ("Referat Kommunikation", "Segreteria Organizzativa") with
    the organisation on the next line, or a company read without a legal form over a line that
    ends in one: the next line is the company."""
    if not company:
        return company
    lines = [line.strip().strip("*_") for line in signature.splitlines() if line.strip()]
    for index, line in enumerate(lines[:-1]):
        if line != company:
            continue
        below = lines[index + 1]
        if (_is_contact_bit(below) or _SPLIT.search(below.replace(", ", " "))
                or is_title_phrase(below, loose=True)):
            return company
        unit = bool(_UNIT_LINE.match(company)) or is_unit(company)
        formed = is_legal_form(below.split()[-1]) and not is_legal_form(company.split()[-1])
        if (unit or formed) and _is_company_line(below):
            return clean_company(below) or company
        return company
    return company


def _with_form_after(company: str | None, signature: str) -> str | None:
    """A company read without the legal form its line ends in ("Mleczarnia Odra" of
    "Mleczarnia Odra Sp. z o.o.", "Fjordkapital" of "Fjordkapital A/S"): the whole line."""
    if not company:
        return company
    for line in signature.splitlines():
        line = line.strip().strip("*_")
        if not line.startswith(company + " "):
            continue
        rest = line[len(company):].split()
        if is_legal_form(" ".join(rest)) or form_words_at(rest, 0) == len(rest):
            return clean_company(line) or company
    return company


def _whole_company(company: str | None, signature: str) -> str | None:
    """A one-word company the labeller read where the name goes on in capitalized words
    ("principal at Studio Ruska (studioruska.com)" read "Studio"): the whole name."""
    if not company or " " in company:
        return company
    for match in re.finditer(rf"(?<![\w'’-]){re.escape(company)}(?=[ ])", signature):
        whole = COMPANY_RE.match(signature, match.start())
        if whole and whole.group().startswith(company + " "):
            cleaned = clean_company(whole.group())
            if cleaned and cleaned != company and not is_title_phrase(cleaned, loose=True):
                return cleaned
    return company


_DANGLING = re.compile(
    r"(?i)\s+(?:of|at|for|de|du|des|d'|van|von|bei|der|di|del|della|da|do|dos|das|chez|en|na|"
    r"no|em|bij|presso)$")


def _title_without_company(title: str | None, company: str | None) -> str | None:
    """A title read with the company's first word or the preposition before it ("CTO, Acme"
    above "Acme Labs Inc.", "Gérant de" before "Olivier Menuiserie SARL"): the title alone."""
    if not title or not company:
        return title
    first = company.split()[0]
    cut = re.sub(rf"\s*[,|·–—-]\s*{re.escape(first)}$", "", title)
    named = company.rsplit(",", 1)[0]  # "Sócio-gerente, Mendes & Filhos" of "Mendes & Filhos, Lda."
    cut = re.sub(rf"\s*[,|·–—-]\s*{re.escape(named)}$", "", cut)
    if cut != title and is_title_phrase(cut, loose=True):
        title = cut
    bare = _DANGLING.sub("", title)
    if bare != title and bare and is_title_phrase(bare, loose=True):
        title = bare
    return title


def _company_line_head(company: str | None, signature: str) -> str | None:
    """A company with its legal form read without the first words of its line ("Kwekerijen
    B.V." of "Van Leeuwen Kwekerijen B.V.", "do Vale Lda." of "Cerâmica do Vale Lda."): the
    whole line, when it holds nothing else."""
    if not company or not is_legal_form(company.split()[-1]):
        return company
    for line in signature.splitlines():
        line = line.strip().strip("*_")
        head = line[: -len(company)].strip() if line.endswith(" " + company) else ""
        if (head and re.fullmatch(r"[" + UPPER + r"][\w'’&-]*(?: [\w'’&-]+){0,3}", head)
                and not _is_contact_bit(line) and not is_title_phrase(line, loose=True)
                and not _SPLIT.search(line) and not role_in(line).title
                and not any(TITLE_WORD.match(w) for w in head.split())):
            return line
    return company


# Legal forms written before the name: Vietnamese "Công ty TNHH" (a limited company), "Công ty
# Cổ phần" / "Công ty CP" (a joint-stock company), "Tổng Công ty" (a corporation).
_FORM_BEFORE = re.compile(r"(?i)^(?:Tổng )?Công ty(?: (?:TNHH(?: MTV)?|Cổ phần|CP))?$")
_FORM_OPENS = re.compile(r"^(?:Tổng )?Công ty (?:TNHH(?: MTV)?|Cổ phần|CP) \S")


def _with_form_before(company: str | None, signature: str) -> str | None:
    """A company read without the legal form its line opens with ("Cảng Cạn Miền Trung" of
    "Công ty TNHH Cảng Cạn Miền Trung"): the whole line."""
    for line in signature.splitlines():
        line = line.strip().strip("*_")
        if company and line.endswith(" " + company) and _FORM_BEFORE.match(
                line[: -len(company)].strip()):
            return line
        # "Công ty Cổ phần Thép ..." with "Phó" of the title line above read as the company
        opening = _FORM_OPENS.match(line)
        if opening and not (company and company in line) and not _is_contact_bit(line):
            return line
    return company


# The rest of an institution's name after its particle: "des Biomatériaux", "of Applied Optics"
_PARTICLE_REST = re.compile(r"^[ ](?:des|de|du|de la|of|for|für|der|del|della|di|do|da|dos)"
                            r"(?:[ ](?:l['’])?[" + UPPER + r"][\w'’-]*){1,3}$")


def _with_particle_rest(company: str | None, signature: str) -> str | None:
    """ "Institut Lorrain" read of the line "Institut Lorrain des Biomatériaux": the whole line,
    when what follows is a particle and capitalized words only."""
    if not company:
        return company
    for line in signature.splitlines():
        line = line.strip().strip("*_")
        if line.startswith(company + " ") and _PARTICLE_REST.match(line[len(company):]):
            return line
    return company


# Words of a sentence about someone ("she is the new director"), never of a card's title line
_SENTENCE_WORDS = {"is", "was", "are", "be", "the", "a", "an", "our", "my", "his", "her", "he",
                   "she", "they", "we", "i", "new", "former", "also", "now", "their", "your"}


def _lowercase_title_line(title: str | None, signature: str) -> str | None:
    """ "igazgató" of the card line "beszerzési és logisztikai igazgató": in languages that put
    the title word last, the field before it in lower case is the title's, and the whole line
    (of a few lower-case words, nothing else) is the title."""
    if not title or " " in title.strip():
        return title
    for line in signature.splitlines():
        line = line.strip().strip("*_")
        head = line[: -len(title)].split() if line.endswith(" " + title) else []
        if (head and len(head) <= 5 and all(w.isalpha() and w.islower() for w in head)
                and not set(head) & _SENTENCE_WORDS and not _is_contact_bit(line)):
            return line
    return title


def _title_line_above_company(company: str | None, signature: str,
                              name: str | None) -> str | None:
    """A card's title on the line right above its company, read as neither ("Giám đốc Phát
    triển Kinh doanh" over "Công ty TNHH ..."): that line, when it is a title's words."""
    if not company:
        return None
    lines = [line.strip().strip("*_") for line in signature.splitlines()]
    for index, line in enumerate(lines[1:], 1):
        above = lines[index - 1]
        if (line == company and above and is_title_phrase(above, loose=True)
                and not _is_contact_bit(above) and not _SPLIT.search(above)
                and not (name and name_key(name) in name_key(above))):
            return above
    return None


def _cut_short(company: str, whole: str) -> bool:
    """Whether the company read is the first words of a whole company line that ends in a
    legal form (a surname inside a sole trader's name cut it), or its last words after a
    particle."""
    head = whole[:-len(company)].split() if whole.endswith(" " + company) else []
    if (len(head) >= 2 and head[-1] in _JOINING_PARTICLES | {"la", "l'"}
            and head[0][:1].isupper() and len(head) <= 4):
        # "Soummam SPA" of "Ciments de la Soummam SPA": the labeller read the name after its
        # particle only
        return True
    if not whole.startswith(company + " ") or len(whole.split()) < 2:
        return False
    if is_legal_form(whole.split()[-1]):
        return True
    # "Cooperativa Agrària" of "Cooperativa Agrària del Ter": a particle, then capitalized words
    rest = whole[len(company) + 1:].split()
    return (len(rest) <= 3 and rest[0] in _JOINING_PARTICLES
            and all(w[:1].isupper() for w in rest[1:]) and len(rest) > 1)


# Legal forms of several words the labeller may read alone: "S.A. de C.V.", "S. de R.L. de C.V."
_FORM_OF_WORDS = re.compile(r"S\.A\.(?:P\.I\.)? de C\.V\.|S\. de R\.L\.(?: de C\.V\.)?")


def _with_name_before_form(company: str | None, signature: str) -> str | None:
    """A company read as its legal form alone ("S.A." of "Gestora | Cortiça Nova, S.A.") is
    the name before the form's comma and the form."""
    if not company or not (is_legal_form(company) or _FORM_OF_WORDS.fullmatch(company)):
        return company
    match = re.search(
        rf"(?m)(?:^|[|·•,]|\s[-–—]\s)\s*(?P<name>[^|·•,\n]+?),\s*{re.escape(company)}", signature)
    name = match.group("name").strip() if match else ""
    if not name or is_title_phrase(name, loose=True) or _is_contact_bit(name):
        return company
    return f"{name}, {company}"


def _company_tail(head: str, company: str) -> bool:
    """Whether ``head`` is the company, or its last words, and a separator ("Chocolates Ltda.
    — " of "Cacau do Sul Chocolates Ltda.")."""
    if not _SPLIT.search(head):
        return False
    text = _SPLIT.sub(" ", head).strip()
    return bool(text) and (company == text or company.endswith(" " + text))


def _card_lines(signature: str) -> str:
    """The block without sign-off, noise and rule lines ("Best,", "Sent from my iPhone",
    "--")."""
    lines = [line.strip().strip("*_") for line in signature.splitlines()]
    kept = [line for line in lines if any(c.isalnum() for c in line)
            and not _VALEDICTION_WORDS.match(line)
            and not is_signoff_line(line) and not _NOISE_ONLY.match(line)]
    # "Sione" signed above "Sione Latu": the sign-off's first name alone is no card line
    if len(kept) > 2 and " " not in kept[0] and kept[1].startswith(kept[0] + " "):
        kept = kept[1:]
    return "\n".join(kept)


_NOISE_ONLY = re.compile(r"(?i)^(?:sent from|gesendet von|envoyé de|enviado desde|get outlook|"
                         r"this (?:e-?mail|message)|confidential|disclaimer)")


def _rule_role(signature: str, name: str | None) -> tuple[str | None, str | None]:
    title = company = None
    lines = [line.strip().strip("*_") for line in signature.splitlines()]
    after_title = False
    for line in lines:
        if not _is_role_line(line, name):
            after_title = False
            continue
        line_title, line_company = _role_of_line(line, name)
        if title is None and line_title:
            title, company, after_title = line_title, line_company, line_company is None
        elif after_title and company is None and line_company is None:
            company, after_title = _company_line(line), False
        elif after_title and company is None and line_title is None and _is_formed_line(line):
            company, after_title = _company_line(line), False  # "Cerâmicas do Alentejo, Lda."
    return title, company


def _is_role_line(line: str, name: str | None) -> bool:
    if not line or len(line) > 120 or _VALEDICTION_WORDS.match(line):
        return False
    if name and name_key(line) in {name_key(name), name_key(name).split(" ")[0]}:
        return False
    if _NOISE.match(line) or _LABEL.match(line):
        return False
    if len(_SPLIT.split(line)) > 1:  # a one-line card: "Leo Fischer | CEO | Acme | +1 ..."
        return True
    return not (_ADDRESS.search(line) or _is_contact_bit(line))


def _role_of_line(line: str, name: str | None) -> tuple[str | None, str | None]:
    role = role_in(line)
    if role.title:
        return role.title, role.company
    own = {name_key(name), name_key(name).split(" ")[0]} if name else set()
    parts = [p for p in _SPLIT.split(line)
             if p and name_key(p) not in own and not _is_contact_bit(p) and not is_unit(p)]
    if len(parts) > 1:
        role = role_in_list(parts)
        return _joined_titles(line, parts) or role.title, role.company
    if is_title_phrase(line):
        return line, None
    return None, None


def _joined_titles(line: str, parts: list[str]) -> str | None:
    """Two titles side by side ("Rechtsanwältin | Partnerin") are kept as written."""
    titles = [p for p in parts if is_title_phrase(p, loose=True)]
    if len(titles) < 2 or parts.index(titles[-1]) - parts.index(titles[0]) != len(titles) - 1:
        return None
    return line[line.index(titles[0]): line.index(titles[-1]) + len(titles[-1])]


_CONTACT_BIT = re.compile(r"\d{3}|@|https?:|www\.")


def _is_contact_bit(part: str) -> bool:
    """A phone, address or link inside a one-line card: not a title or company."""
    return bool(_CONTACT_BIT.search(part))


def _company_line(line: str) -> str | None:
    if any(ch.isdigit() for ch in line) and not re.search(r"[A-Za-z]{3}", line):
        return None
    if _ADDRESS.search(line):
        return None
    if COMPANY_RE.fullmatch(line.rstrip(".")) or _is_company_line(line):
        return clean_company(line)
    return None


def _is_formed_line(line: str) -> bool:
    words = line.split()
    return len(words) > 1 and is_legal_form(words[-1]) and _is_company_line(line)


def _is_company_line(line: str) -> bool:
    """A name in capitalized words, with its legal form after it or after a comma
    ("Cerâmicas do Alentejo, Lda.", "Marienhaus Pflegeheime gGmbH")."""
    words = line.split()
    if len(words) > 1 and is_legal_form(words[-1]):
        return bool(COMPANY_RE.fullmatch(" ".join(words[:-1]).rstrip(",")))
    return bool(COMPANY_RE.fullmatch(line.rstrip(".")))
