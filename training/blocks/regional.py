"""Regional blocks: signatures, cards and one-line notes composed from the invented word lists
of vocab.py (names of many cultures and scripts, companies with the legal forms of many
countries, universities, hospitals, NGOs and public bodies, titles in several languages).

``blocks(rng, count, held)`` composes ``count`` blocks from the training slices of the lists
(held=False, what make_examples.py writes) or from their held-out slices (held=True, what
validate.py measures). Each block comes with the fields a reader should find in it.
"""

from __future__ import annotations

import random
import unicodedata
import zlib
from dataclasses import dataclass, field

import vocab as V

from assistant.parsing.labeller.tokens import tokenize

Line = list[list[str]]
SEPS = {"|", "·", "•", "-", "–", "/"}


def lab(text: str, label: str) -> Line:
    """Tokens of ``text`` under ``label``; separators are SEP outside a title or company."""
    return [[t, "SEP" if t in SEPS and label not in {"TITLE", "COMPANY"} else label]
            for t in tokenize(text)]


def other(text: str) -> Line:
    return [[t, "OTHER"] for t in tokenize(text)]


@dataclass
class Slices:
    """The word lists of vocab.py, the training or the held-out slice of each."""

    held: bool
    exclude: frozenset[str] = frozenset()
    given: dict[str, list[str]] = field(default_factory=dict)
    family: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        def cut(items: list[str]) -> list[str]:
            out = [i for i in V.split(items, self.held) if i not in self.exclude]
            # a slice whose every item the classic blocks hold keeps them (still never in the
            # regional training blocks)
            return out or V.split(items, self.held)

        self.given = {k: cut(v) for k, v in V.GIVEN.items()}
        self.family = {k: cut(v) for k, v in V.FAMILY.items()}
        self.native = cut(V.NATIVE_NAMES)
        self.roots = cut(V.COMPANY_ROOTS)
        self.trades = cut(V.COMPANY_TRADES)
        self.places = cut(V.PLACES)
        self.titles = cut(V.TITLES)
        self.heads = list(V.TITLE_HEADS)
        self.areas = cut(V.TITLE_AREAS)
        self.regions = cut(V.REGIONS)
        self.fields = cut(V.ACADEMIC_FIELDS)
        self.faculty = cut(V.FACULTY)
        self.orgs = {"uni": cut(V.UNIVERSITY), "hosp": cut(V.HOSPITAL), "ngo": cut(V.NGO),
                     "pub": cut(V.PUBLIC)}
        self.phones = cut(V.PHONES) + cut([n for _, n in V.NATIONAL_PHONES])
        self.streets = cut(V.STREETS)
        self.trade_first = cut(V.TRADE_FIRST)
        self.particle_places = cut(V.PARTICLE_PLACES)
        # a title's head is a closed class, known whole; its areas are held out in part
        self.local_heads = list(V.LOCAL_HEADS)
        self.prose = cut(V.PROSE)
        self.lang_areas = {k: cut(v) for k, v in V.LANG_AREAS.items()}
        self.lang_heads = {k: list(v) for k, v in V.LANG_HEADS.items()}
        self.dutch_trades = cut(V.DUTCH_TRADES)


# Regions whose names are often written family name first, and the countries whose legal
# forms their companies carry
FAMILY_FIRST = {"jp": 0.3, "kr": 0.5, "cn": 0.5, "vn": 0.4, "hu": 0.5}
COUNTRIES = {"tr": ["tr"], "ar": ["eg", "ae", "ma", "bh", "qa"], "fa": ["ae", "gb"],
             "in": ["in", "sg", "ae"], "th": ["th"], "vn": ["vn", "sg"], "id": ["id", "my", "sg"],
             "jp": ["jp"], "kr": ["kr"], "cn": ["cn", "tw", "sg"],
             "sl": ["pl", "cz", "sk", "hr", "si", "ee"], "hu": ["hu"], "gr": ["gr"],
             "ro": ["ro"], "ib": ["es", "pt", "br", "mx", "pe", "ec", "cl", "mz"],
             "we": ["de", "at", "ch", "fr", "nl", "be", "se", "no", "dk", "fi", "gb", "ie"],
             "af": ["sn", "za", "ng", "ke", "mz", "ma"]}
MULTI_WORD_FORMS = sorted({f for forms in V.LEGAL_FORMS.values() for f in forms if " " in f})
# A unit on its own line under a name with no title: read as the title's place (the parser
# then keeps it as the unit of the company)
# An owner's title joined to the firm by "of" in its language: the joint goes with the title
OWNERS = [("Owner", "of"), ("Founder", "of"), ("Co-founder", "of"), ("Proprietor", "of"),
          ("Eigenaar", "van"), ("Oprichter", "van"), ("Mede-eigenaar", "van"),
          ("Inhaber", "von"), ("Gründerin", "von"), ("Fundador", "de"), ("Fundadora", "de"),
          ("Propietaria", "de"), ("Fondateur", "de"), ("Gérante", "de"), ("Sócio", "da"),
          ("Proprietária", "da"), ("Titolare", "di"), ("Fondatore", "di")]
UNIT_SHAPES = ["{a} Department", "{a} Dept.", "Department of {a}", "{a} Division", "{a} Team",
               "{a} Unit", "{a} Office", "Dept. of {a}", "Abteilung {a}", "Departamento de {a}",
               "Direction {a}", "Ufficio {a}", "Afdeling {a}"]
SIGN_OFFS = V.bars("""Best regards,|Kind regards,|Regards,|Saygılarımla,|İyi çalışmalar,
|Cordialement,|Bien cordialement,|Mit freundlichen Grüßen|Viele Grüße|Saludos cordiales,
|Atentamente,|Atenciosamente,|Cumprimentos,|Cordiali saluti,|Met vriendelijke groet,
|Üdvözlettel,|Cu stimă,|Με εκτίμηση,|Trân trọng,|Salam,|Hormat saya,|Thanks and regards,
|Warm regards,|Sincerely,|Pozdrawiam,|S pozdravem,|Srdačan pozdrav,|Med vänlig hälsning""")
NOTES = V.bars("""Met at the trade fair in {p}:|From the {p} investment forum:|Card from the
{p} expo:|Met her in {p} last week.|Met him at the {p} port conference.|Contact from {p}:
|Please add:|New contact:|Here is the card I mentioned.|Follow up about the pilot.|Intro
from the {p} roadshow:|Add to contacts.|Met at the {p} summit, wants a call.""")


def ascii_of(text: str) -> str:
    text = text.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("đ", "d")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@dataclass
class Person:
    tokens: Line  # the name as written, honorifics and letters after it included
    name: str  # the name alone
    handle: str  # the email's local part


def person(rng: random.Random, s: Slices, region: str) -> Person:
    if rng.random() < 0.07:
        native = rng.choice(s.native)
        return Person(lab(native, "NAME"), native, rng.choice(["info", "contact", "office"]))
    given, family = rng.choice(s.given[region]), rng.choice(s.family[region])
    shape = rng.random()
    if region in FAMILY_FIRST and shape < FAMILY_FIRST[region]:
        if rng.random() < 0.3 and region != "hu":
            family = family.upper()  # "YAMADA Taro": the family name in capitals
        parts = [family, given]
    elif region == "ib" and shape < 0.5:  # "María Fernández López", "João da Costa Ribeiro"
        second = rng.choice(s.family[region])
        if rng.random() < 0.35:  # "Jordi Roca i Vila", "Ana Costa e Silva"
            parts = [given, family, rng.choice(["i", "e", "y"]), second]
        elif rng.random() < 0.3:  # "Carmen Roca de la Vega", "Luis Mora del Campo"
            parts = [given, family, rng.choice(["de", "de la", "del", "de los", "da", "dos"]),
                     second]
        elif rng.random() < 0.3:
            parts = [given, rng.choice(V.PARTICLES["ib"]), family, second]
        else:
            parts = [given, family, second]
    elif region in V.PARTICLES and shape < 0.3:  # "van der Berg", "El Mansour"
        parts = [given, rng.choice(V.PARTICLES[region]), family]
    elif shape < 0.15:  # two given names, or a middle initial
        parts = [given, rng.choice([rng.choice(s.given[region]), rng.choice("ABDEHKLMNRST") + "."]),
                 family]
    else:
        parts = [given, family]
    name = " ".join(parts)
    local = ascii_of(given).lower().replace(" ", "")
    fam = ascii_of(family).lower().replace(" ", "").replace("'", "")
    handle = rng.choice([f"{local}.{fam}", f"{local[:1]}{fam}", local, f"{fam}.{local}"])
    tokens = lab(name, "NAME")
    if rng.random() < 0.15:
        tokens = other(rng.choice(V.HONORIFICS)) + tokens
    if rng.random() < 0.12:
        letters = rng.choice(V.POSTNOMINALS)
        tokens += ([[",", "SEP"]] if rng.random() < 0.6 else []) + other(letters)
    return Person(tokens, name, handle or "contact")


def title(rng: random.Random, s: Slices) -> str:
    shape = rng.random()
    if shape < 0.18:  # "Gerente de Comercio Exterior", "Director Revenue Management"
        lang = rng.choice(list(s.lang_heads))
        area = rng.choice(s.lang_areas["en" if rng.random() < 0.25 else lang])
        text = f"{rng.choice(s.lang_heads[lang])} {area}"
    elif shape < 0.36:
        text = rng.choice(s.titles)
    elif shape < 0.47:  # "Leiterin Vertrieb", "Jefe de Compras", "Area Manager: Rail Cargo"
        mod = rng.choice(["", "", "Regional ", "Senior ", "Group ", "Deputy ", "Acting ",
                          "Executive ", "General ", "Area "])
        area = rng.choice(s.areas + s.lang_areas["en"])
        text = rng.choice([f"{rng.choice(s.local_heads)} {rng.choice(s.areas)}",
                           f"{mod}{rng.choice(s.heads)}: {area}"])
    elif shape < 0.55:  # "Head of Procurement", "Director for International Relations"
        text = f"{rng.choice(s.heads)} {rng.choice(['of', 'of', 'for'])} {rng.choice(s.areas)}"
    elif shape < 0.62:  # "VP, Sales", "Director, Export Sales & Marketing"
        text = f"{rng.choice(s.heads)}, {rng.choice(s.areas)}"
    elif shape < 0.76:  # "Sales Director", "Procurement Manager"
        text = f"{rng.choice(s.areas)} {rng.choice(['Director', 'Manager', 'Lead', 'Officer'])}"
    elif shape < 0.84:  # "Head of Sales, EMEA", "Regional Manager - MENA"
        text = (f"{rng.choice(s.heads)} of {rng.choice(s.areas)}{rng.choice([',', ' -', ' -'])} "
                f"{rng.choice(s.regions)}")
    elif shape < 0.93:  # "Associate Professor of Marine Biology"
        head = rng.choice(["Professor", "Associate Professor", "Assistant Professor",
                           "Lecturer in", "Senior Lecturer in", "Research Fellow in",
                           "Chair of", "Professor für", "Profesor de", "Professeur de"])
        joint = "" if head.endswith((" in", " of", " für", " de")) else " of"
        text = f"{head}{joint} {rng.choice(s.fields)}"
    else:  # "Dean, Faculty of Law", "Deputy Director-General for Trade Policy"
        text = rng.choice([f"Dean, {rng.choice(s.faculty)}", f"Deputy Director-General for "
                           f"{rng.choice(s.areas)}", f"Director of {rng.choice(s.areas)} and "
                           f"{rng.choice(s.areas)}"])
    if rng.random() < 0.04:
        text = f"{rng.choice(['Sr.', 'Sr', 'Snr', 'Jr.'])} {text}"
    case = rng.random()
    if case < 0.06:
        text = text.lower()
    elif case < 0.12:
        text = text.upper()
    return text


def country_of(rng: random.Random, region: str) -> str:
    return rng.choice(COUNTRIES[region]) if rng.random() < 0.8 else rng.choice(list(V.LEGAL_FORMS))


def company(rng: random.Random, s: Slices, region: str, surname: str | None = None) -> str:
    country = country_of(rng, region)
    form = rng.choice(V.LEGAL_FORMS[country])
    if rng.random() < 0.12:  # a legal form of several words ("Sp. z o.o.", "S.A. de C.V.")
        form = rng.choice(MULTI_WORD_FORMS)
    root = rng.choice(s.roots)
    shape = rng.random()
    if shape < 0.08:  # "Anadolu & Toros", "Mensah and Boateng Partners"
        pair = f"{root} {rng.choice(['&', 'and', '&'])} {rng.choice(s.roots)}"
        return f"{pair} {rng.choice(['Partners', 'Associates', form, 'Group', form])}"
    if shape < 0.16:  # "Porcelanas do Norte Lda.", "Bodegas del Monte S.L."
        named = f"{rng.choice(s.trade_first)} {rng.choice(s.particle_places)}"
        return f"{named} {form}" if rng.random() < 0.6 else named
    if shape < 0.18:  # "Brouwerij De Ketel", "Drukkerij 't Anker"
        article = rng.choice(["De", "De", "Het", "'t", "Den"])
        named = f"{rng.choice(s.dutch_trades)} {article} {rng.choice(s.roots)}"
        return f"{named} {rng.choice(V.LEGAL_FORMS['nl'])}" if rng.random() < 0.3 else named
    if shape < 0.23 and surname:  # a firm named for its owner
        return f"{surname} {rng.choice(s.trades)} {form}"
    if shape < 0.27 and country in V.LEADING_FORMS and V.LEADING_FORMS[country]:
        tail = " Tbk" if rng.random() < 0.4 else ""
        return f"{rng.choice(V.LEADING_FORMS[country])} {root} {rng.choice(s.trades)}{tail}"
    words = [root]
    if rng.random() < 0.25:
        words.append(rng.choice(s.roots))
    if rng.random() < 0.8:
        words.append(rng.choice(s.trades))
    if rng.random() < 0.15:
        words.append(rng.choice(["Group", "Holdings", "Holding", "International", "Global"]))
    joined = " ".join(words)
    if rng.random() < 0.7:
        comma = rng.random() < 0.15 and not form.startswith("(")
        return f"{joined}, {form}" if comma else f"{joined} {form}"
    return joined


def organisation(rng: random.Random, s: Slices) -> str:
    kind = rng.choice(["uni", "uni", "hosp", "ngo", "pub"])
    template = rng.choice(s.orgs[kind])
    place = rng.choice(s.places) if kind != "ngo" or rng.random() < 0.5 else rng.choice(s.roots)
    return template.replace("{p}", place)


def domain(rng: random.Random, org: str) -> str:
    word = next((ascii_of(w).lower() for w in org.split() if len(ascii_of(w)) > 2
                 and ascii_of(w)[:1].isupper()), "mail")
    word = "".join(c for c in word if c.isalnum()) or "mail"
    return f"{word}.{rng.choice(V.WEB_TLDS)}"


def phone(rng: random.Random, s: Slices) -> Line:
    number = lab(rng.choice(s.phones), "PHONE")
    if rng.random() < 0.7:
        return lab(rng.choice(V.PHONE_LABELS), "LABEL") + number
    return number


@dataclass
class Block:
    lines: list[Line]
    name: str | None
    title: str | None
    company: str | None
    layout: str = ""  # where the company sits against the name and title (SIGNATURE_LAYOUTS ...)


def fields(rng: random.Random, s: Slices) -> tuple[str, Person, str | None, str, str]:
    region = rng.choice(list(V.GIVEN))
    who = person(rng, s, region)
    role = title(rng, s) if rng.random() < 0.93 else None
    org = (organisation(rng, s) if rng.random() < 0.25
           else company(rng, s, region, who.name.split()[-1]))
    return region, who, role, org, domain(rng, org)


def contact_lines(rng: random.Random, s: Slices, who: Person, web: str) -> list[Line]:
    mail = [[f"{who.handle}@{web}", "EMAIL"]]
    if rng.random() < 0.4:
        label = rng.choice(["E:", "E", "Email:", "E-mail:", "Mail:", "e-posta:"])
        mail = lab(label, "LABEL") + mail
    out = [phone(rng, s), mail]
    if rng.random() < 0.35:
        out.append(phone(rng, s))
    if rng.random() < 0.3:
        out.append([[rng.choice([f"www.{web}", f"https://{web}", web]), "URL"]])
    for _ in range(rng.choice([0, 0, 1, 2])):
        out.append(other(rng.choice(s.streets)))
    rng.shuffle(out)
    out = out[: rng.randint(1, len(out))]
    if len(out) >= 2 and rng.random() < 0.3:  # "T +90 ... | E name@firm.com.tr"
        out = [out[0] + [[rng.choice(["|", "·", "•", "/"]), "SEP"]] + out[1], *out[2:]]
    return out


def role_lines(rng: random.Random, role: str | None, org: str, faculty: str | None
               ) -> tuple[list[Line], str]:
    """The title and company lines of a signature or card, in one of the usual layouts, and
    the layout's id (``SIGNATURE_LAYOUTS``)."""
    unit = [lab(faculty, "COMPANY")] if faculty else []
    if role is None:
        return unit + [lab(org, "COMPANY")], "no-title"
    shape = rng.random()
    if shape < 0.4 or faculty:
        if rng.random() < 0.1 and len(role.split()) >= 4 and " " in role:
            cut = rng.randint(2, len(role.split()) - 1)  # a title broken over two lines
            head, tail = " ".join(role.split()[:cut]), " ".join(role.split()[cut:])
            return ([lab(head, "TITLE"), lab(tail, "TITLE"), *unit, lab(org, "COMPANY")],
                    "title-two-lines-company")
        return [lab(role, "TITLE"), *unit, lab(org, "COMPANY")], "below"
    if shape < 0.47 and " " not in role:  # "Owner of Fenwick Roofing", "Eigenaar van ..."
        owner = rng.choice(OWNERS)
        return [lab(owner[0], "TITLE") + [[owner[1], "TITLE"]] + lab(org, "COMPANY")], "owner-of"
    if shape < 0.55:
        sep = rng.choice(["|", "·", "•", "-", "–"])
        return ([lab(role, "TITLE") + [[sep, "SEP"]] + lab(org, "COMPANY")],
                "dash" if sep in {"-", "–"} else "bar")
    if shape < 0.72 and "," not in role:
        return [lab(role, "TITLE") + [[",", "SEP"]] + lab(org, "COMPANY")], "comma"
    if shape < 0.8:
        joint = rng.choice(["at", "at", "@", "bei", "chez", "en", "na", "presso"])
        return [lab(role, "TITLE") + [[joint, "SEP"]] + lab(org, "COMPANY")], "at"
    if shape < 0.86:
        return ([lab(org, "COMPANY") + [[rng.choice(["|", "-", "–"]), "SEP"]]
                 + lab(role, "TITLE")], "company-bar-title")
    return [lab(org, "COMPANY"), lab(role, "TITLE")], "above"  # the company above the title


def signature(rng: random.Random, s: Slices) -> Block:
    region, who, role, org, web = fields(rng, s)
    faculty = None
    if rng.random() < 0.04:  # the company and its lines, the name read apart
        lines = [lab(org, "COMPANY"), *contact_lines(rng, s, who, web)]
        return Block(lines, None, None, org, "company-alone")
    lines: list[Line] = []
    if rng.random() < 0.5:
        lines.append(other(rng.choice(SIGN_OFFS)))
    lines.append(who.tokens)
    if role is None and rng.random() < 0.6:  # "Purchasing Department" / the company
        unit = rng.choice(UNIT_SHAPES).format(a=rng.choice(s.areas))
        lines.append(lab(unit, "TITLE"))
        lid = "unit-under-name"
    else:
        lid = ""
    body, shape = role_lines(rng, role, org, faculty)
    lid = lid or shape
    lines += body
    lines += contact_lines(rng, s, who, web)
    if rng.random() < 0.05:  # a logo line with the company on top of a card
        lines = [lab(org, "COMPANY"), *[ln for ln in lines]]
        company_field = org
        lid = "logo-company-top"
    else:
        company_field = None if faculty else org
    if rng.random() < 0.08:
        lines = [[[t.upper() if lb not in {"EMAIL", "URL"} else t, lb] for t, lb in ln]
                 for ln in lines]
        return Block(lines, None, role.upper() if role else None, None, "capitals")
    if rng.random() < 0.25:
        lines.insert(0, other(rng.choice(NOTES).replace("{p}", rng.choice(s.places))))
    if rng.random() < 0.2:
        lines.append(other(sentence(rng, s)))
    return Block(lines, who.name, role, company_field, lid)


def one_line(rng: random.Random, s: Slices) -> Block:
    region, who, role, org, web = fields(rng, s)
    while role and "," in role:  # a comma on a one-line note ends the title
        role = title(rng, s)
    sep = rng.choice(["-", "|", "–", "·", "—"])
    parts: list[Line] = [who.tokens]
    if role and rng.random() < 0.45 and "," not in role:
        parts.append(lab(role, "TITLE") + [[",", "SEP"]] + lab(org, "COMPANY"))
        lid = "note-comma"
    elif role and rng.random() < 0.15:
        parts.append(lab(role, "TITLE") + [["at", "SEP"]] + lab(org, "COMPANY"))
        lid = "note-at"
    else:
        parts += ([lab(role, "TITLE")] if role else []) + [lab(org, "COMPANY")]
        lid = "note-seq"
    contact = [[[f"{who.handle}@{web}", "EMAIL"]]]
    if rng.random() < 0.7:
        contact.append(lab(rng.choice(s.phones), "PHONE"))
    if rng.random() < 0.3:
        contact.reverse()
    parts += contact
    if role and rng.random() < 0.1:  # "Sara Lind from Nordvik Foods (sara@...) – their CFO –"
        joint = rng.choice(["from", "of", "von", "de", "da", "at"])
        line = [*who.tokens, [joint, "SEP"], *lab(org, "COMPANY"),
                [f"({who.handle}@{web})", "EMAIL"], [sep, "SEP"]]
        line += [[rng.choice(["their", "her", "his", "the"]), "OTHER"], *lab(role.lower(), "TITLE")]
        line += [[sep, "SEP"], *other(rng.choice(["wants an intro.", "needs a supplier.",
                                                  "is hiring.", "asked for our deck."]))]
        return Block([line], who.name, role.lower(), org, "note-from")
    if rng.random() < 0.15:  # "Hugo Lambert (hugo@firm.fr), Title, Company"
        parts[0] = parts[0] + [[f"({who.handle}@{web})", "EMAIL"]]
        parts = [p for p in parts if p[0][1] != "EMAIL"]
    line: Line = []
    for index, part in enumerate(parts):
        if index:
            line.append([sep, "SEP"])
        line += part
    if rng.random() < 0.2:  # a list of people: "- Name ...", "• Name ..."
        line = [[rng.choice(["-", "•", "*", "·", "–"]), "SEP"], *line]
    lines = [line]
    if rng.random() < 0.4:
        lines.insert(0, other(rng.choice(NOTES).replace("{p}", rng.choice(s.places))))
    return Block(lines, who.name, role, org, lid)


def sentence(rng: random.Random, s: Slices) -> str:
    region = rng.choice(list(V.GIVEN))
    given = lambda: rng.choice(s.given[region])  # noqa: E731
    return (rng.choice(s.prose).replace("{g2}", given()).replace("{g}", given())
            .replace("{n}", f"{given()} {rng.choice(s.family[region])}")
            .replace("{c}", company(rng, s, region)).replace("{p}", rng.choice(s.places))
            .replace("{t}", title(rng, s).lower()).replace("..", "."))


def prose_block(rng: random.Random, s: Slices) -> Block:
    """A note's sentences alone, or a person and their address joined by "and" ("Hugo Lambert
    (hugo@firm.fr) et"): no title or company in them."""
    if rng.random() < 0.3:
        region = rng.choice(list(V.GIVEN))
        who = person(rng, s, region)
        joint = rng.choice(["and", "et", "und", "y", "e", "en", "ve", ","])
        line = [*who.tokens, [f"({who.handle}@{domain(rng, who.name)})", "EMAIL"],
                [joint, "SEP" if joint == "," else "OTHER"]]
        return Block([line], who.name, None, None, "prose")
    return Block([other(sentence(rng, s)) for _ in range(rng.randint(1, 3))], None, None, None,
                 "prose")


def blocks(rng: random.Random, count: int, held: bool,
           exclude: frozenset[str] = frozenset()) -> list[Block]:
    s = Slices(held, exclude)
    out = []
    for _ in range(count):
        shape = rng.random()
        out.append(prose_block(rng, s) if shape < 0.08 else one_line(rng, s) if shape < 0.33
                   else signature(rng, s))
    return out


# ---------------------------------------------------------------------------------------------
# Layouts: where the company sits against the name and the title. Each layout has an id; the
# ids are split once by a stable hash (one in five held out, as vocab.py splits its words), so
# validate.py can measure layouts the model never trained on. ``blocks`` composes the shipped
# mix (the shapes above, drawn as before, each block with its layout id); ``blocks_v2(...,
# "train" or "held")`` composes from the layouts below, of that slice only.

LAYOUT_SHARE = 5
# Owner's-language company lines: a native name with its legal form, then its Latin letters
NATIVE_COMPANY = [("株式会社{r}", "jp"), ("{r}株式会社", "jp"), ("주식회사 {r}", "kr"),
                  ("{r}有限公司", "cn"), ("ООО «{r}»", "ru"), ("ТОВ «{r}»", "ua"),
                  ("{r} Ε.Π.Ε.", "gr"), ("Công ty TNHH {r}", "vn"), ("บริษัท {r} จำกัด", "th"),
                  ("{r} Sanayi ve Ticaret A.Ş.", "tr"), ("{r} Kereskedelmi Kft.", "hu"),
                  ("Sociedade {r} Lda.", "pt"), ("Entreprise {r} SARL", "fr")]
MEMBER_OF = ["A member of the {g} Group", "Part of {g} Holdings", "A {g} Group company",
             "Member of {g} Group", "Ein Unternehmen der {g} Gruppe", "Une société du groupe {g}"]


def _with_seps(fields_: list[Line], sep: str) -> Line:
    out: Line = []
    for index, part in enumerate(fields_):
        if index:
            out.append([sep, "SEP"])
        out += part
    return out


def _unit(rng: random.Random, s: Slices) -> str:
    return rng.choice(UNIT_SHAPES).format(a=rng.choice(s.areas))


def _caps(text: str) -> str:
    return text.upper()


def layout_lines(rng: random.Random, s: Slices, lid: str, who: Person, role: str, org: str,
                 region: str) -> tuple[list[Line], str | None, str | None]:
    """The name, title and company lines of a signature in layout ``lid``; the title and
    company a reader should find in them."""
    n, t, c = who.tokens, lab(role, "TITLE"), lab(org, "COMPANY")
    bar = rng.choice(["|", "·", "•"])
    dash = rng.choice(["-", "–", "—"])
    if lid == "below":  # Name / Title / Company
        return [n, t, c], role, org
    if lid == "above":  # Name / Company / Title
        return [n, c, t], role, org
    if lid == "bar":  # Title | Company
        return [n, t + [[bar, "SEP"]] + c], role, org
    if lid == "comma" and "," not in role:  # Title, Company
        return [n, t + [[",", "SEP"]] + c], role, org
    if lid == "at":  # Title at Company
        joint = rng.choice(["at", "at", "@", "bei", "chez", "en", "na", "presso", "bij"])
        return [n, t + [[joint, "SEP"]] + c], role, org
    if lid == "dash":  # Title - Company
        return [n, t + [[dash, "SEP"]] + c], role, org
    if lid == "company-bar-title":  # Company | Title
        return [n, c + [[rng.choice([bar, dash]), "SEP"]] + t], role, org
    if lid == "brackets":  # Title (Company), Title [Company]
        left, right = rng.choice([("(", ")"), ("(", ")"), ("[", "]")])
        toks = lab(org, "COMPANY")
        toks[0][0] = left + toks[0][0]
        toks[-1][0] = toks[-1][0] + right
        return [n, t + toks], role, org
    if lid == "name-bar-title":  # Name | Title / Company
        return [n + [[rng.choice([bar, dash, ","]), "SEP"]] + t, c], role, org
    if lid == "one-line-all":  # Name | Title | Company
        sep = rng.choice([bar, dash])
        return [_with_seps([n, t, c], sep)], role, org
    if lid == "unit-above-org":  # Name / Title / Department of X / Institution
        org = organisation(rng, s) if rng.random() < 0.6 else org
        unit = _unit(rng, s)
        return [n, t, lab(unit, "COMPANY"), lab(org, "COMPANY")], role, org
    if lid == "unit-bar-org":  # Name / Title / Unit | Company
        unit = _unit(rng, s)
        return [n, t, lab(unit, "COMPANY") + [[rng.choice([bar, ","]), "SEP"]] + c], role, org
    if lid == "group-member":  # Name / Title / Company / A member of the X Group
        group = rng.choice(s.roots)
        member = rng.choice(MEMBER_OF).format(g=group)
        return [n, t, c, other(member)], role, org
    if lid == "holdings":  # Name / Title / X Group, X Holdings
        kind = ["Group", "Holdings", "Holding", "Gruppe", "Groupe", "Grupo"]
        org = f"{rng.choice(s.roots)} {rng.choice(kind)}"
        return [n, t, lab(org, "COMPANY")], role, org
    if lid == "logo-caps":  # NORDVIK on top of a card, then Name / Title
        org = _caps(rng.choice(s.roots) + (f" {rng.choice(s.trades)}" if rng.random() < 0.5
                                           else ""))
        return [lab(org, "COMPANY"), n, t], role, org
    if lid == "domain-only":  # no company line: the web address names it; the title alone
        return [n, t], role, None
    if lid == "company-first":  # Company / Name / Title
        return [c, n, t], role, org
    if lid == "company-first-bar":  # Company / Name | Title
        return [c, n + [[rng.choice([bar, dash, ","]), "SEP"]] + t], role, org
    if lid == "two-line-company":  # Name / Title / Anadolu Lojistik / Sanayi ve Ticaret A.Ş.
        words = org.split()
        if len(words) >= 3:
            cut = rng.randint(1, len(words) - 1)
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            return [n, t, lab(head, "COMPANY"), lab(tail, "COMPANY")], role, head
        return [n, t, c], role, org
    if lid == "native-company":  # the company in its owner's language, then in Latin letters
        native, _ = rng.choice(NATIVE_COMPANY)
        native = native.format(r=rng.choice(s.roots))
        if rng.random() < 0.5:
            return [n, t, lab(native, "COMPANY")], role, native
        return [n, t, lab(native, "COMPANY"), c], role, native
    if lid == "title-two-lines-company":  # a title over two lines, then the company
        words = role.split()
        if len(words) >= 4:
            cut = rng.randint(2, len(words) - 1)
            return [n, lab(" ".join(words[:cut]), "TITLE"), lab(" ".join(words[cut:]), "TITLE"),
                    c], role, org
        return [n, t, c], role, org
    if lid == "caps-company-below":  # Name / Title / NORDVIK LOGISTICS GMBH
        return [n, t, lab(org.upper(), "COMPANY")], role, org.upper()
    if lid == "owner-of":
        owner = rng.choice(OWNERS)
        return [n, lab(owner[0], "TITLE") + [[owner[1], "TITLE"]] + c], owner[0], org
    return [n, t, c], role, org  # a layout the title or company cannot take: lines


SIGNATURE_LAYOUTS = ["below", "above", "bar", "comma", "at", "dash", "company-bar-title",
                     "brackets", "name-bar-title", "one-line-all", "unit-above-org",
                     "unit-bar-org", "group-member", "holdings", "logo-caps", "domain-only",
                     "company-first", "company-first-bar", "two-line-company", "native-company",
                     "title-two-lines-company", "caps-company-below", "owner-of"]
# ("Company - Name - Title" on one line is left out: with no legal form it reads as well as a
# name first, and training on it made names first on a line read as companies)
NOTE_LAYOUTS = ["note-seq", "note-comma", "note-at", "note-from", "note-paren"]


def layout_held(lid: str) -> bool:
    return zlib.crc32(lid.encode("utf-8")) % LAYOUT_SHARE == 0


def layouts_of(names: list[str], held: bool) -> list[str]:
    return [lid for lid in names if layout_held(lid) == held]


def signature_v2(rng: random.Random, s: Slices, lid: str) -> Block:
    region, who, role, org, web = fields(rng, s)
    role = role or title(rng, s)
    lines: list[Line] = []
    if rng.random() < 0.5:
        lines.append(other(rng.choice(SIGN_OFFS)))
    body, want_title, want_company = layout_lines(rng, s, lid, who, role, org, region)
    lines += body
    lines += contact_lines(rng, s, who, web)
    if rng.random() < 0.2:
        lines.insert(0, other(rng.choice(NOTES).replace("{p}", rng.choice(s.places))))
    return Block(lines, who.name, want_title, want_company, lid)


def one_line_v2(rng: random.Random, s: Slices, lid: str) -> Block:
    region, who, role, org, web = fields(rng, s)
    role = role or title(rng, s)
    while "," in role or any(t in SEPS for t in role.split()):
        role = title(rng, s)
    sep = rng.choice(["-", "|", "–", "·", "—"])
    n, t, c = who.tokens, lab(role, "TITLE"), lab(org, "COMPANY")
    mail = [[f"{who.handle}@{web}", "EMAIL"]]
    tel = lab(rng.choice(s.phones), "PHONE")
    if lid == "note-comma":  # Name - Title, Company - mail
        line = _with_seps([n, t + [[",", "SEP"]] + c, mail], sep)
    elif lid == "note-at":  # Name, Title at Company, mail
        joint = rng.choice(["at", "@", "bei", "chez"])
        line = _with_seps([n, t + [[joint, "SEP"]] + c, mail], rng.choice([sep, ","]))
    elif lid == "note-from":  # Name from Company (mail), Title
        joint = rng.choice(["from", "of", "von", "de", "at"])
        line = [*n, [joint, "SEP"], *c, [f"({who.handle}@{web})", "EMAIL"], [",", "SEP"], *t]
    elif lid == "note-paren":  # Name (Title, Company) mail
        inner = lab(role, "TITLE") + [[",", "SEP"]] + lab(org, "COMPANY")
        inner[0][0] = "(" + inner[0][0]
        inner[-1][0] = inner[-1][0] + ")"
        line = [*n, *inner, *mail]
    elif lid == "note-company-first":  # Company - Name - Title - mail
        line = _with_seps([c, n, t, mail], sep)
    else:  # Name - Title - Company - mail - phone
        line = _with_seps([n, t, c, mail, tel], sep)
    lines = [line]
    if rng.random() < 0.4:
        lines.insert(0, other(rng.choice(NOTES).replace("{p}", rng.choice(s.places))))
    return Block(lines, who.name, role, org, lid)


def blocks_v2(rng: random.Random, count: int, held: bool, exclude: frozenset[str],
              layout_slice: str, drop: frozenset[str] = frozenset()) -> list[Block]:
    """Blocks composed from the layouts of ``layout_slice`` ("train" or "held"), less those of
    ``drop``, and the words of the training (held=False) or held-out (held=True) slices."""
    s = Slices(held, exclude)
    sigs = [x for x in layouts_of(SIGNATURE_LAYOUTS, layout_slice == "held") if x not in drop]
    notes = [x for x in layouts_of(NOTE_LAYOUTS, layout_slice == "held") if x not in drop]
    out = []
    for _ in range(count):
        shape = rng.random()
        if shape < 0.25 and notes:
            out.append(one_line_v2(rng, s, rng.choice(notes)))
        else:
            out.append(signature_v2(rng, s, rng.choice(sigs)))
    return out
