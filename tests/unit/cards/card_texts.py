"""Invented business cards as an OCR engine hands them to the field reader: lines with a
confidence and a box, each card labelled as it was made (the label is written with the card,
before any reader sees it). No card of the benchmark's: every person, company, number and
address is made up here from the lists below.

Many layouts real cards use (name or company first, a logo word on its own line, taglines,
the title above or below the name or on one line with the company, departments, addresses,
several phones with their labels, web sites, emails with and without labels, all capitals,
two columns flattened in the OCR's order) in English, German, French, Spanish, Italian,
Portuguese and Dutch, with the OCR's slips (lines split, spaces lost, O/0 and l/1 misread,
stray symbols).

The cards are in two parts: ``tune`` (two in three) may be looked at while the reader's rules
are made; ``aside`` (every third) is only ever scored::

    .venv/bin/python -m tests.unit.cards.card_texts [--misses]

prints each part's field accuracy (scored as the benchmark scores its cards) and, with
``--misses``, the tune part's wrong fields only.
"""

from __future__ import annotations

import argparse
import random
import unicodedata
from dataclasses import dataclass, field

import phonenumbers

from assistant.cards.lines import OcrLine

CARDS = 180  # of the first family
CARDS_B = 120  # of the second
SEED = 20261206

FIRST = {
    "en": [
        "James",
        "Sarah",
        "Michael",
        "Emily",
        "David",
        "Laura",
        "Robert",
        "Jennifer",
        "Thomas",
        "Rachel",
        "Kevin",
        "Hannah",
        "Oliver",
        "Grace",
    ],
    "de": [
        "Matthias",
        "Katrin",
        "Jürgen",
        "Sabine",
        "Stefan",
        "Annika",
        "Tobias",
        "Ulrike",
        "Lukas",
        "Birgit",
        "Florian",
        "Heike",
    ],
    "fr": [
        "Étienne",
        "Camille",
        "Julien",
        "Sophie",
        "Mathieu",
        "Céline",
        "Nicolas",
        "Amélie",
        "Olivier",
        "Hélène",
        "Baptiste",
        "Margaux",
    ],
    "es": [
        "Alejandro",
        "Lucía",
        "Javier",
        "Carmen",
        "Diego",
        "Elena",
        "Sergio",
        "Marta",
        "Pablo",
        "Rocío",
        "Andrés",
        "Nuria",
    ],
    "it": [
        "Giovanni",
        "Francesca",
        "Lorenzo",
        "Chiara",
        "Matteo",
        "Giulia",
        "Alessandro",
        "Federica",
        "Davide",
        "Silvia",
        "Riccardo",
        "Elisa",
    ],
    "pt": [
        "João",
        "Mariana",
        "Tiago",
        "Beatriz",
        "Rui",
        "Inês",
        "Gonçalo",
        "Catarina",
        "Pedro",
        "Joana",
        "Nuno",
        "Filipa",
    ],
    "nl": [
        "Pieter",
        "Anouk",
        "Joost",
        "Marieke",
        "Bram",
        "Sanne",
        "Thijs",
        "Femke",
        "Daan",
        "Lotte",
        "Sander",
        "Ilse",
    ],
}
LAST = {
    "en": [
        "Whitfield",
        "Harrington",
        "Caldwell",
        "Prescott",
        "Bennett",
        "Thornton",
        "Ashby",
        "Mercer",
        "Langley",
        "Holloway",
        "Pemberton",
        "Radcliffe",
    ],
    "de": [
        "Brandstätter",
        "Hoffmann",
        "Kessler",
        "Vogt",
        "Lindner",
        "Bauer",
        "Zimmermann",
        "Hartmann",
        "Weiß",
        "Krüger",
        "Scholz",
        "Lehmann",
    ],
    "fr": [
        "Delacroix",
        "Moreau",
        "Lefèvre",
        "Girard",
        "Fontaine",
        "Chevalier",
        "Rousseau",
        "Marchand",
        "Duval",
        "Bonnet",
        "Perrin",
        "Lemaire",
    ],
    "es": [
        "Navarro",
        "Morales",
        "Castillo",
        "Herrera",
        "Ortega",
        "Delgado",
        "Romero",
        "Vázquez",
        "Iglesias",
        "Serrano",
        "Cabrera",
        "Medina",
    ],
    "it": [
        "Ferraro",
        "Bianchi",
        "Colombo",
        "Ricci",
        "Marchetti",
        "Esposito",
        "Romano",
        "Galli",
        "Conti",
        "Greco",
        "Barbieri",
        "Mancini",
    ],
    "pt": [
        "Carvalho",
        "Ferreira",
        "Almeida",
        "Sousa",
        "Ribeiro",
        "Pereira",
        "Lopes",
        "Teixeira",
        "Monteiro",
        "Correia",
        "Figueiredo",
        "Antunes",
    ],
    "nl": [
        "de Vries",
        "van Dijk",
        "Bakker",
        "Jansen",
        "Visser",
        "van den Berg",
        "Smit",
        "Mulder",
        "de Boer",
        "Dekker",
        "Hendriks",
        "Vermeulen",
    ],
}
STEMS = [
    "Brightwater",
    "Northgate",
    "Copperfield",
    "Silverline",
    "Bluestone",
    "Harbourview",
    "Kestrel",
    "Ironbridge",
    "Oakhurst",
    "Lumora",
    "Vantix",
    "Quillon",
    "Zephyra",
    "Torvane",
    "Calderon",
    "Marwick",
    "Solvaro",
    "Pinecrest",
    "Altavia",
    "Nordlicht",
    "Veridia",
    "Castelmar",
    "Rivenda",
    "Stellaris",
    "Gransee",
    "Belmondo",
    "Tejovia",
    "Duinwijk",
    "Azurel",
    "Fennmoor",
]
TRADES = {
    "en": [
        "Analytics",
        "Logistics",
        "Consulting",
        "Systems",
        "Partners",
        "Engineering",
        "Design",
        "Capital",
        "Software",
        "Labs",
        "Media",
        "Energy",
        "Foods",
        "Architects",
        "Robotics",
    ],
    "de": [
        "Logistik",
        "Maschinenbau",
        "Beratung",
        "Software",
        "Bau",
        "Energie",
        "Medizintechnik",
        "Verpackung",
        "Immobilien",
    ],
    "fr": [
        "Conseil",
        "Ingénierie",
        "Transports",
        "Logiciels",
        "Études",
        "Distribution",
        "Architecture",
    ],
    "es": [
        "Consultores",
        "Ingeniería",
        "Logística",
        "Soluciones",
        "Construcciones",
        "Distribuciones",
        "Abogados",
    ],
    "it": [
        "Consulenze",
        "Ingegneria",
        "Trasporti",
        "Arredamenti",
        "Impianti",
        "Servizi",
        "Costruzioni",
    ],
    "pt": ["Consultoria", "Engenharia", "Transportes", "Soluções", "Construções", "Imobiliária"],
    "nl": ["Advies", "Techniek", "Logistiek", "Bouw", "Installaties", "Software", "Makelaars"],
}
LEGAL = {
    "en": ["Inc.", "LLC", "Ltd", "Ltd.", "Corp.", "", "plc", "LLP", "Limited"],
    "de": ["GmbH", "AG", "GmbH & Co. KG", "", "KG"],
    "fr": ["SAS", "SARL", "S.A.", ""],
    "es": ["S.L.", "S.A.", "S.L.U.", ""],
    "it": ["S.r.l.", "S.p.A.", "Srl", ""],
    "pt": ["Lda.", "S.A.", "Unipessoal Lda", ""],
    "nl": ["B.V.", "N.V.", "BV", ""],
}
TITLES = {
    "en": [
        "Chief Executive Officer",
        "Senior Account Manager",
        "Head of Operations",
        "Marketing Director",
        "Software Engineer",
        "Project Manager",
        "Sales Representative",
        "Business Development Manager",
        "Chief Financial Officer",
        "Managing Partner",
        "Senior Consultant",
        "Office Manager",
        "Customer Success Lead",
        "Product Owner",
        "Regional Sales Manager",
        "Procurement Specialist",
        "Lead Architect",
        "HR Business Partner",
        "Operations Coordinator",
        "Founder & CEO",
        "Quality Assurance Lead",
        "Creative Director",
        "Financial Controller",
        "Key Account Executive",
    ],
    "de": [
        "Geschäftsführer",
        "Vertriebsleiter",
        "Projektleiterin",
        "Leiter Einkauf",
        "Technischer Leiter",
        "Key Account Manager",
        "Prokurist",
        "Abteilungsleiter Vertrieb",
        "Softwareentwickler",
        "Bereichsleiterin Marketing",
        "Inhaber",
        "Sachbearbeiterin",
        "Vorstand",
        "Kaufmännische Leiterin",
        "Geschäftsführende Gesellschafterin",
        "Vertriebsingenieur",
        "Bauleiter",
        "Steuerberater",
    ],
    "fr": [
        "Directeur Général",
        "Directrice Commerciale",
        "Chef de Projet",
        "Responsable des Achats",
        "Ingénieur Commercial",
        "Chargée de Communication",
        "Gérant",
        "Président",
        "Conseiller Clientèle",
        "Responsable Marketing",
        "Directeur Technique",
        "Chargé d'Affaires",
        "Assistante de Direction",
        "Expert-Comptable",
        "Avocate Associée",
    ],
    "es": [
        "Director General",
        "Directora Comercial",
        "Jefe de Proyecto",
        "Gerente de Ventas",
        "Responsable de Compras",
        "Ingeniero de Software",
        "Consultora Senior",
        "Socio Director",
        "Jefa de Administración",
        "Asesor Comercial",
        "Coordinadora de Logística",
        "Delegado Comercial",
        "Abogada",
        "Técnico de Ventas",
    ],
    "it": [
        "Amministratore Delegato",
        "Direttore Commerciale",
        "Responsabile Acquisti",
        "Ingegnere di Progetto",
        "Consulente Senior",
        "Titolare",
        "Responsabile Marketing",
        "Direttrice Tecnica",
        "Capo Progetto",
        "Agente di Commercio",
        "Socio Fondatore",
        "Commercialista",
        "Direttore Vendite",
        "Impiegata Amministrativa",
    ],
    "pt": [
        "Diretor Geral",
        "Diretora Comercial",
        "Gestor de Projetos",
        "Gerente de Vendas",
        "Engenheira de Software",
        "Consultor Sénior",
        "Responsável de Compras",
        "Sócio-Gerente",
        "Administrador",
        "Técnico Comercial",
        "Advogada",
        "Diretor Financeiro",
        "Gestora de Clientes",
    ],
    "nl": [
        "Directeur",
        "Algemeen Directeur",
        "Accountmanager",
        "Projectleider",
        "Verkoopleider",
        "Adviseur",
        "Bedrijfsleider",
        "Teamleider Inkoop",
        "Eigenaar",
        "Commercieel Medewerker",
        "Hoofd Marketing",
        "Office Manager",
        "Projectmanager",
        "Financieel Directeur",
        "Vennoot",
    ],
}
DEPARTMENTS = {
    "en": [
        "Sales & Marketing",
        "Research & Development",
        "Customer Services",
        "Finance Department",
        "Global Operations",
    ],
    "de": ["Abteilung Vertrieb", "Einkauf & Logistik", "Forschung und Entwicklung", "Kundendienst"],
    "fr": ["Département Export", "Service Client", "Direction Financière"],
    "es": ["Departamento Comercial", "Área de Operaciones", "Servicio Técnico"],
    "it": ["Ufficio Acquisti", "Area Commerciale", "Ufficio Tecnico"],
    "pt": ["Departamento Financeiro", "Direção Comercial", "Apoio ao Cliente"],
    "nl": ["Afdeling Inkoop", "Klantenservice", "Verkoop Binnendienst"],
}
TAGLINES = {
    "en": [
        "Engineering the future",
        "Your partner in logistics",
        "Quality you can trust",
        "Ideas that move",
        "Built to last",
    ],
    "de": ["Innovation mit Leidenschaft", "Qualität aus Tradition", "Ihr Partner vor Ort"],
    "fr": ["L'excellence au quotidien", "Votre partenaire de confiance", "Construire ensemble"],
    "es": ["Soluciones a medida", "Calidad y confianza", "Crecemos contigo"],
    "it": ["Qualità e passione", "Il futuro su misura", "Eccellenza italiana"],
    "pt": ["Construímos confiança", "Inovação com rigor", "Sempre ao seu lado"],
    "nl": ["Samen bouwen aan morgen", "Kwaliteit die blijft", "Slim geregeld"],
}
COUNTRY = {
    "en": ["US", "GB"],
    "de": ["DE"],
    "fr": ["FR"],
    "es": ["ES"],
    "it": ["IT"],
    "pt": ["PT"],
    "nl": ["NL"],
}
TLD = {
    "US": "com",
    "GB": "co.uk",
    "DE": "de",
    "FR": "fr",
    "ES": "es",
    "IT": "it",
    "PT": "pt",
    "NL": "nl",
}
# (pattern of the office number, pattern of the mobile); "#" is a random figure.
PHONES = {
    "US": ("(#2#) 3##-####", "+1 #2# 7##-####"),
    "GB": ("+44 20 7### ####", "+44 7### ######"),
    "DE": ("+49 40 ### ###-#", "+49 17# ### ####"),
    "FR": ("+33 1 4# ## ## ##", "+33 6 ## ## ## ##"),
    "ES": ("+34 91# ### ###", "+34 6## ### ###"),
    "IT": ("+39 02 #### ####", "+39 34# ### ####"),
    "PT": ("+351 21# ### ###", "+351 91# ### ###"),
    "NL": ("+31 20 ### ####", "+31 6 #### ####"),
}
STREETS = {
    "US": [
        ("{n} Market Street, Suite {s}", "San Francisco, CA 941{z}"),
        ("{n} Commerce Drive", "Austin, TX 787{z}"),
        ("{n} Lexington Avenue, {s}th Floor", "New York, NY 100{z}"),
    ],
    "GB": [
        ("{n} Old Gloucester Road", "London WC1N 3AX"),
        ("Unit {s}, Riverside Park", "Leeds LS11 5TD"),
    ],
    "DE": [
        ("Hafenstraße {n}", "20457 Hamburg"),
        ("Industriestr. {n}", "70565 Stuttgart"),
        ("Am Marktplatz {s}", "80331 München"),
    ],
    "FR": [
        ("{n} rue des Lilas", "69003 Lyon"),
        ("{n}, avenue Foch", "75116 Paris"),
        ("ZA du Moulin, {s} allée Verte", "44300 Nantes"),
    ],
    "ES": [("Calle de Alcalá {n}, 3º", "28009 Madrid"), ("Avda. Diagonal {n}", "08019 Barcelona")],
    "IT": [("Via Roma {n}", "20121 Milano MI"), ("Corso Vittorio Emanuele {s}", "10121 Torino")],
    "PT": [
        ("Rua Augusta {n}, 2º Esq.", "1100-053 Lisboa"),
        ("Av. da Boavista {n}", "4100-112 Porto"),
    ],
    "NL": [("Keizersgracht {n}", "1016 DV Amsterdam"), ("Stationsplein {s}", "3511 ED Utrecht")],
}
PHONE_LABELS = {
    "en": (
        ["T", "Tel:", "Phone:", "P", "Office:", "Direct:", "T."],
        ["M", "Mobile:", "Cell:", "M.", "Mob:", "C"],
        ["F", "Fax:", "F."],
    ),
    "de": (
        ["Tel.", "T", "Telefon:", "Fon", "T:"],
        ["Mobil:", "Mobil", "M", "Handy:"],
        ["Fax", "Fax:", "F"],
    ),
    "fr": (
        ["Tél.", "T", "Tél :", "Tel."],
        ["Mob.", "Port.", "M", "Portable :"],
        ["Fax", "F", "Fax :"],
    ),
    "es": (["Tel.", "T", "Tfno.", "Teléfono:"], ["Móvil:", "M", "Móvil", "Mov."], ["Fax", "F"]),
    "it": (["Tel.", "T", "Tel"], ["Cell.", "M", "Cell", "Mob."], ["Fax", "F"]),
    "pt": (["Tel.", "T", "Telefone:"], ["Tlm.", "M", "Telemóvel:", "Móvel"], ["Fax", "F"]),
    "nl": (["T", "Tel.", "Telefoon:"], ["M", "Mob.", "Mobiel:"], ["F", "Fax"]),
}
EMAIL_LABELS = ["", "", "E-mail:", "Email:", "E", "e:", "E-Mail", "mail:", "@"]
WEB_LABELS = ["", "", "Web:", "W", "www:"]
HONORIFICS = {
    "de": ["Dr.", "Dipl.-Ing.", "Prof. Dr."],
    "it": ["Dott.", "Ing.", "Dott.ssa"],
    "en": ["Dr."],
    "fr": ["Dr"],
    "es": ["Dr.", "Lic."],
    "pt": ["Eng.", "Dr."],
    "nl": ["Ir.", "Drs.", "Mr."],
}

# A second family of cards, made with other people, companies, trades and titles than the
# first (none of its words were in the lists above when the reader's rules were made from the
# first family), and layouts of its own.
FIRST_B = {
    "en": ["Nathan", "Olivia", "Patrick", "Megan", "Simon", "Chloe"],
    "de": ["Jonas", "Miriam", "Dieter", "Carina", "Henrik", "Nadine"],
    "fr": ["Antoine", "Manon", "Rémi", "Élodie", "Thibault", "Clémence"],
    "es": ["Álvaro", "Paula", "Raúl", "Inmaculada", "Gonzalo", "Irene"],
    "it": ["Stefano", "Valentina", "Marco", "Alessia", "Tommaso", "Ilaria"],
    "pt": ["Duarte", "Leonor", "Henrique", "Sofia", "Miguel", "Raquel"],
    "nl": ["Wouter", "Esther", "Ruud", "Maaike", "Gijs", "Noor"],
}
LAST_B = {
    "en": ["Fairbanks", "Whitcombe", "Dunmore", "Kingsley", "Sutcliffe", "Garland"],
    "de": ["Pfeiffer", "Wagner", "Schuster", "Engel", "Brenner", "Roth"],
    "fr": ["Gauthier", "Renaud", "Barbier", "Lacroix", "Mercier", "Faure"],
    "es": ["Domínguez", "Gallardo", "Peña", "Vidal", "Fuentes", "Crespo"],
    "it": ["Moretti", "De Luca", "Fontana", "Rinaldi", "Caruso", "Lombardi"],
    "pt": ["Gonçalves", "Marques", "Batista", "Fonseca", "Moura", "Cardoso"],
    "nl": ["Koster", "van Leeuwen", "Brouwer", "de Graaf", "Kuipers", "van der Meer"],
}
STEMS_B = [
    "Quintessa",
    "Blackmoor",
    "Velloria",
    "Tidewell",
    "Ambergate",
    "Corvia",
    "Eastwind",
    "Meravo",
    "Hollisgrove",
    "Saltmarsh",
    "Orvieta",
    "Kaltberg",
    "Montfaucon",
    "Brevik",
    "Ilmara",
    "Sundale",
]
TRADES_B = {
    "en": [
        "Dental Care",
        "Property Group",
        "Legal",
        "Studios",
        "Ventures",
        "Advisory",
        "Healthcare",
    ],
    "de": ["Elektrotechnik", "Steuerberatung", "Werkzeugbau", "Druckerei"],
    "fr": ["Menuiserie", "Immobilier", "Avocats", "Expertise Comptable"],
    "es": ["Asesoría", "Reformas", "Inmobiliaria", "Clínica Dental"],
    "it": ["Edilizia", "Ottica", "Meccanica", "Arredo"],
    "pt": ["Contabilidade", "Imobiliária", "Clínica", "Mobiliário"],
    "nl": ["Accountants", "Tandartsen", "Vastgoed", "Bouwbedrijf"],
}
TITLES_B = {
    "en": [
        "Director of Business Development",
        "VP, Engineering",
        "Senior Product Designer",
        "Head of People",
        "Chief Technology Officer",
        "Account Director",
        "Legal Counsel",
        "Partnerships Manager",
        "Senior Data Scientist",
        "Talent Acquisition Specialist",
        "Store Manager",
        "General Counsel",
        "Principal Engineer",
        "Brand Strategist",
    ],
    "de": [
        "Leiterin Personalwesen",
        "Einkaufsleiter",
        "Geschäftsführender Gesellschafter",
        "Rechtsanwältin",
        "Diplom-Ingenieur",
        "Vertriebsmitarbeiter",
        "Teamleiterin Kundenservice",
        "Architektin",
        "Marketingreferentin",
    ],
    "fr": [
        "Chef des Ventes",
        "Responsable Ressources Humaines",
        "Directeur Administratif et Financier",
        "Ingénieure d'Études",
        "Commerciale Sédentaire",
        "Conseillère Patrimoniale",
        "Architecte d'Intérieur",
        "Cheffe de Produit",
    ],
    "es": [
        "Jefe de Ventas",
        "Directora de Marketing",
        "Responsable de Recursos Humanos",
        "Arquitecta",
        "Técnica de Calidad",
        "Gerente General",
        "Director Técnico",
        "Asesora Fiscal",
    ],
    "it": [
        "Responsabile Commerciale",
        "Direttore Generale",
        "Architetto",
        "Ingegnere Meccanico",
        "Project Manager",
        "Addetta alle Vendite",
        "Consulente Finanziario",
        "Avvocato",
    ],
    "pt": [
        "Diretora de Recursos Humanos",
        "Gestor Comercial",
        "Arquiteta",
        "Engenheiro Civil",
        "Técnica Superior",
        "Coordenadora de Projetos",
        "Consultora Financeira",
    ],
    "nl": [
        "Manager Inkoop",
        "Senior Adviseur",
        "Hoofd Verkoop",
        "Operationeel Directeur",
        "Architect",
        "Directiesecretaresse",
        "Juridisch Adviseur",
        "Bedrijfsleider",
    ],
}
POSTNOMINALS = ["MBA", "CPA", "PhD", "M.Sc.", "LL.M."]


@dataclass
class Card:
    number: int
    part: str
    lines: list[OcrLine]
    label: dict = field(default_factory=dict)
    region: str = "US"


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ß", "ss")


def _phone(rng: random.Random, pattern: str, country: str) -> tuple[str, str]:
    """A printed number and its E.164 form; random figures until the number is a valid one."""
    for _ in range(200):
        printed = "".join(str(rng.randint(0, 9)) if ch == "#" else ch for ch in pattern)
        number = phonenumbers.parse(printed, country)
        if phonenumbers.is_valid_number(number):
            return printed, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    raise AssertionError(pattern)


@dataclass
class _Row:
    text: str
    size: float = 20.0  # print height in pixels
    column: int = 0  # 0 left, 1 right
    noisy: bool = True  # the OCR may slip on it
    phone: str = ""  # the E.164 form of a phone printed on it that is not a fax


def _slip(rng: random.Random, text: str, kind: str) -> str:
    """One OCR slip of the kinds engines make on cards."""
    roll = rng.random()
    if kind == "phone" and roll < 0.5:
        digits = [i for i, ch in enumerate(text) if ch in "01" and i > 4]
        if digits:
            at = rng.choice(digits)
            return text[:at] + {"0": "O", "1": "l"}[text[at]] + text[at + 1 :]
    if kind == "phone" and roll < 0.8:
        return text.replace(" ", "", 1)  # label run into the number
    if kind == "caps" and " " in text and roll < 0.5:
        at = rng.choice([i for i, ch in enumerate(text) if ch == " "])
        return text[:at] + text[at + 1 :]  # a space lost in capitals
    if kind in {"caps", "word"} and roll < 0.7 and "O" in text:
        return text.replace("O", "0", 1)
    if roll < 0.85:
        return rng.choice(["• ", "| ", "", "· "]) + text + rng.choice(["", " |", " ·", "."])
    return text


def make_card(number: int) -> Card:
    """Card ``number``: of the first family below ``CARDS``, of the second from there."""
    second = number >= CARDS
    rng = random.Random(SEED * 1000 + number)
    lang = rng.choice(list(FIRST))
    country = rng.choice(COUNTRY[lang])
    firsts, lasts = (FIRST_B, LAST_B) if second else (FIRST, LAST)
    first, last = rng.choice(firsts[lang]), rng.choice(lasts[lang])
    name = f"{first} {last}"
    stem = rng.choice(STEMS_B if second else STEMS)
    trade = rng.choice((TRADES_B if second else TRADES)[lang])
    legal = rng.choice(LEGAL[lang])
    company = f"{stem} {trade}" + (f" {legal}" if legal else "")
    title = rng.choice((TITLES_B if second else TITLES)[lang])
    joined_trade = trade.replace(" ", "")
    domain_label = rng.choice(
        [stem.lower(), (stem + joined_trade).lower(), f"{stem}-{joined_trade}".lower()]
    )
    domain = f"{_ascii(domain_label)}.{TLD[country]}"
    local_form = rng.choice(["{f}.{l}", "{f}", "{i}{l}", "{f}{l}", "{i}.{l}", "info"])
    flat_last = _ascii(last).lower().replace(" ", "")
    local = local_form.format(f=_ascii(first).lower(), l=flat_last, i=_ascii(first)[0].lower())
    email = f"{local}@{domain}"
    if rng.random() < 0.12:  # a free mail host
        email = f"{_ascii(first).lower()}.{flat_last}{rng.randint(10, 99)}@gmail.com"
    office, office_e164 = _phone(rng, PHONES[country][0], country)
    mobile, mobile_e164 = _phone(rng, PHONES[country][1], country)
    fax, _ = _phone(rng, PHONES[country][0], country)
    tel_labels, mob_labels, fax_labels = PHONE_LABELS[lang]
    street, town = rng.choice(STREETS[country])
    street = street.format(n=rng.randint(2, 240), s=rng.randint(2, 12))
    town = town.format(z=f"{rng.randint(1, 99):02d}")

    caps = rng.random() < 0.25
    layout = rng.choice(
        [
            "name_first",
            "logo_first",
            "logo_word",
            "title_above",
            "one_line",
            "two_columns",
            "company_first",
            "name_split",
        ]
        + (["icon_logo", "right_name", "lower_logo", "title_above"] if second else [])
    )
    honorific = rng.choice(HONORIFICS[lang]) if rng.random() < 0.12 else ""
    printed_name = f"{honorific} {name}" if honorific else name
    printed_name = printed_name.upper() if caps or rng.random() < 0.1 else printed_name
    if second and rng.random() < 0.12:
        printed_name = f"{printed_name}, {rng.choice(POSTNOMINALS)}"
    printed_title = title.upper() if caps else title
    titles = [title]
    if second and rng.random() < 0.1:
        titles = []  # a card without a title
    department = rng.choice(DEPARTMENTS[lang]) if rng.random() < 0.2 else ""
    if department and rng.random() < 0.5 and layout != "one_line":
        printed_title = f"{printed_title}, {department}"
        titles.append(f"{title}, {department}")
        department = ""
    companies = [company]
    logo = ""
    if layout in {"logo_first", "logo_word", "two_columns", "lower_logo"}:
        logo = stem.upper() if rng.random() < 0.6 else stem
        if layout == "lower_logo":
            logo = stem.lower()
            companies.append(stem)
        if second and rng.random() < 0.3:
            logo += rng.choice(["®", "™", " ®"])
        if layout == "logo_word":
            companies.append(stem)  # the logo alone names it; the legal name is further down
    tagline = rng.choice(TAGLINES[lang]) if rng.random() < 0.3 else ""

    phones: list[_Row] = []
    use_office = rng.random() < 0.85
    use_mobile = rng.random() < 0.6 or not use_office
    use_fax = rng.random() < 0.3
    contact_order = ["office", "mobile"] if rng.random() < 0.75 else ["mobile", "office"]
    for kind in contact_order:
        if kind == "office" and use_office:
            phones.append(_Row(f"{rng.choice(tel_labels)} {office}", phone=office_e164))
        if kind == "mobile" and use_mobile:
            phones.append(_Row(f"{rng.choice(mob_labels)} {mobile}", phone=mobile_e164))
    if use_fax:
        phones.insert(rng.randint(0, len(phones)), _Row(f"{rng.choice(fax_labels)} {fax}"))
    if len(phones) >= 2 and rng.random() < 0.3:  # two numbers on one row
        phone = phones[0].phone or phones[1].phone
        phones = [_Row(f"{phones[0].text}  {phones[1].text}", phone=phone), *phones[2:]]
    if second and phones and phones[0].phone and rng.random() < 0.2:
        phones[0].text = "T/F " + phones[0].text.split(" ", 1)[1]  # one number for both
    email_label = rng.choice(EMAIL_LABELS)
    web_label = rng.choice(WEB_LABELS)
    web = rng.choice([f"www.{domain}", domain, f"https://www.{domain}"])
    printed_email = email.replace("@", " @ ") if second and rng.random() < 0.1 else email
    details = [*phones, _Row(f"{email_label} {printed_email}".strip())]
    if "@gmail" not in email or rng.random() < 0.5:
        details.append(_Row(f"{web_label} {web}".strip()))
    address = [_Row(street), _Row(town)]
    if rng.random() < 0.3:
        address = [_Row(f"{street} · {town}")]
    if rng.random() < 0.2:
        rng.shuffle(details)

    name_row = _Row(printed_name, 32.0)
    title_row = _Row(printed_title, 20.0)
    company_row = _Row(company.upper() if caps else company, 24.0)
    rows: list[_Row]
    if layout == "name_first":
        rows = [name_row, title_row, company_row, *address, *details]
    elif layout == "logo_first":
        rows = [_Row(logo, 48.0), name_row, title_row, *details, *address]
        companies.append(stem)
    elif layout == "logo_word":
        rows = [_Row(logo, 52.0), name_row, title_row, *details, _Row(company, 16.0), *address]
    elif layout == "title_above":
        rows = [company_row, title_row, name_row, *details, *address]
    elif layout == "one_line":
        sep = rng.choice([" | ", ", ", " - ", " | "])
        rows = [name_row, _Row(f"{printed_title}{sep}{company_row.text}"), *details, *address]
    elif layout == "company_first":
        rows = [company_row, name_row, title_row, *address, *details]
    elif layout == "icon_logo":  # the logo is a drawing: the company only in small print
        rows = [name_row, title_row, *details, _Row(company, 16.0), *address]
    elif layout == "lower_logo":
        rows = [
            _Row(logo, 46.0),
            *([_Row(tagline, 16.0)] if tagline else []),
            name_row,
            title_row,
            *details,
            *address,
        ]
        tagline = ""
    elif layout == "right_name":  # the company and address left, the person right
        left = [company_row, *address]
        right = [name_row, title_row, *details]
        for row in right:
            row.column = 1
        rows = []
        for index in range(max(len(left), len(right))):
            if index < len(left):
                rows.append(left[index])
            if index < len(right):
                rows.append(right[index])
    elif layout == "name_split":
        first_row = _Row(first.upper() if caps else first, 32.0)
        last_row = _Row(last.upper() if caps else last, 32.0)
        rows = [company_row, first_row, last_row, title_row, *details, *address]
    else:  # two columns: the logo, name and title left; the details right; read by height
        left = [_Row(logo, 44.0), name_row, title_row]
        right = [*details, *address]
        for row in right:
            row.column = 1
        rows = []
        for index in range(max(len(left), len(right))):
            if index < len(right):
                rows.append(right[index])
            if index < len(left):
                rows.append(left[index])
        companies.append(stem)
    if not titles and title_row in rows:
        rows.remove(title_row)
    if department and titles:
        rows.insert(rows.index(title_row) + 1 if title_row in rows else 2, _Row(department, 18.0))
    if tagline:
        at = (
            1
            if layout in {"logo_first", "logo_word", "company_first", "title_above"}
            else len(rows)
        )
        rows.insert(at, _Row(tagline, 16.0))

    lines = []
    top = 20.0
    for row in rows:
        text = row.text
        kind = (
            "phone"
            if any(ch.isdigit() for ch in text)
            and "@" not in text
            and any(
                text.startswith(lab)
                for labs in (tel_labels, mob_labels, fax_labels)
                for lab in labs
            )
            else ("caps" if text.isupper() else "word")
        )
        confidence = round(rng.uniform(0.88, 0.995), 3)
        if row.noisy and rng.random() < 0.18 and row is not name_row:
            text = _slip(rng, text, kind)
            confidence = round(rng.uniform(0.70, 0.9), 3)
        left = 40.0 if row.column == 0 else 520.0
        width = max(len(text), 1) * row.size * 0.55
        if (
            rng.random() < 0.08
            and len(text.split()) >= 4
            and kind != "phone"
            and row is not name_row
        ):  # a long line read as two
            words = text.split()
            cut = len(words) // 2
            for part in (" ".join(words[:cut]), " ".join(words[cut:])):
                lines.append(
                    OcrLine(
                        part,
                        confidence,
                        (left, top, left + len(part) * row.size * 0.55, top + row.size),
                    )
                )
                top += row.size * 1.3
            continue
        lines.append(OcrLine(text, confidence, (left, top, left + width, top + row.size)))
        columns = layout in {"two_columns", "right_name"}
        top += row.size * 1.3 if row.column == 0 or not columns else row.size * 0.6
    main = [row.phone for row in rows if row.phone][:1]  # the first number printed, no fax
    label = {
        "image": f"invented-{number:03d}",
        "name": name,
        "emails_any_of": [[email]],
        "main_phone_any_of": main,
        "company_spans": companies,
        "title_spans": titles,
    }
    part = "aside" if number % 3 == 2 else "tune"
    return Card(number, part, lines, label, "US")


CARDS_C = 90  # of the third family
# The third family: organisations of other kinds (universities, hotels, law firms, public
# bodies), logos set in spaced capitals, domains made of the company's initials, a second
# language's department line, cards with the company only in the e-mail's domain.
UNIVERSITIES = [
    ("Universität", "Kaltenbrunn", "de", "uni-kaltenbrunn.de"),
    ("University of", "Ashcombe", "en", "ashcombe.ac.uk"),
    ("Université de", "Montrevel", "fr", "univ-montrevel.fr"),
    ("Universidad de", "Valdecruz", "es", "uvaldecruz.es"),
    ("Università di", "Castelvero", "it", "unicastelvero.it"),
    ("Universidade de", "Vilarinho", "pt", "uvilarinho.pt"),
    ("Universiteit", "Zeewolde-Noord", "nl", "uzn.nl"),
    ("", "Harwick State University", "en", "harwick.edu"),
]
DEPARTMENTS_C = {
    "en": ["Department of Mechanical Engineering", "School of Public Health", "Faculty of Law"],
    "de": ["Institut für Informatik", "Fakultät für Chemie", "Lehrstuhl für Ökonomie"],
    "fr": ["Laboratoire de Physique", "Faculté de Médecine", "Département de Mathématiques"],
    "es": ["Departamento de Historia", "Facultad de Derecho", "Escuela de Ingeniería"],
    "it": ["Dipartimento di Fisica", "Facoltà di Economia", "Scuola di Architettura"],
    "pt": ["Departamento de Química", "Faculdade de Letras", "Escola de Gestão"],
    "nl": ["Faculteit Rechtsgeleerdheid", "Afdeling Biologie", "Instituut voor Taalkunde"],
}
ACADEMIC_TITLES = {
    "en": [
        "Associate Professor",
        "Research Fellow",
        "Lecturer in Economics",
        "Postdoctoral Researcher",
    ],
    "de": ["Professorin", "Wissenschaftlicher Mitarbeiter", "Doktorandin", "Akademischer Rat"],
    "fr": ["Maître de Conférences", "Professeur des Universités", "Chercheuse"],
    "es": ["Profesora Titular", "Catedrático", "Investigador"],
    "it": ["Professore Associato", "Ricercatrice", "Docente"],
    "pt": ["Professora Auxiliar", "Investigador Principal", "Professor Catedrático"],
    "nl": ["Hoogleraar", "Universitair Docent", "Promovendus"],
}
FIRMS = [
    ("{a} & {b} LLP", "en"),
    ("{a} {b} Rechtsanwälte", "de"),
    ("{a} & Associés", "fr"),
    ("{a} & {b} Abogados", "es"),
    ("Studio Legale {a} {b}", "it"),
    ("{a} & {b} Advogados", "pt"),
    ("{a} {b} Advocaten", "nl"),
]
HOTELS = [
    ("The {s} Hotel", "en"),
    ("Hotel {s}", "de"),
    ("Hôtel {s}", "fr"),
    ("Hotel {s} & Spa", "es"),
    ("Grand Hotel {s}", "it"),
    ("Hotel {s} Lisboa", "pt"),
    ("Hotel {s}", "nl"),
]
HOTEL_TITLES = [
    "Sales Manager",
    "Front Office Manager",
    "Event Coordinator",
    "General Manager",
    "Revenue Manager",
    "Executive Chef",
]
LAW_TITLES = {
    "en": "Partner",
    "de": "Rechtsanwalt",
    "fr": "Avocate Associée",
    "es": "Abogado Asociado",
    "it": "Avvocato",
    "pt": "Advogada Associada",
    "nl": "Advocaat",
}
INITIALS_COMPANIES = [
    ("Blue Harbor Capital", "bhc"),
    ("Northfield Medical Group", "nmg"),
    ("Grüner Kreis Energie", "gke"),
    ("Société Alpine de Transport", "sat"),
    ("Compañía Ibérica de Seguros", "cis"),
    ("Vitale Marchetti Impianti", "vmi"),
    ("Hollandse Bouw Combinatie", "hbc"),
    ("Atlantic Ferry Lines", "afl"),
]


def make_card_c(number: int) -> Card:
    rng = random.Random(SEED * 7000 + number)
    kind = rng.choice(["university", "spaced_logo", "initials", "law", "hotel", "domain_only"])
    lang = rng.choice(list(FIRST))
    first, last = rng.choice(FIRST_B[lang] + FIRST[lang]), rng.choice(LAST_B[lang])
    name = f"{first} {last}"
    country = COUNTRY[lang][0]
    tld = TLD[country]
    title = rng.choice(TITLES_B[lang])
    companies: list[str]
    rows: list[_Row] = []
    local = f"{_ascii(first).lower()}.{_ascii(last).lower().replace(' ', '')}"
    office, office_e164 = _phone(rng, PHONES[country][0], country)
    tel = PHONE_LABELS[lang][0][0]
    street, town = rng.choice(STREETS[country])
    street = street.format(n=rng.randint(2, 240), s=rng.randint(2, 12))
    town = town.format(z=f"{rng.randint(1, 99):02d}")
    if kind == "university":
        lead, place, lang, domain = rng.choice(UNIVERSITIES)
        company = f"{lead} {place}".strip()
        companies = [company]
        title = rng.choice(ACADEMIC_TITLES[lang])
        rows = [
            _Row(company.upper() if rng.random() < 0.5 else company, 30.0),
            _Row(rng.choice(DEPARTMENTS_C[lang]), 18.0),
            _Row(name, 28.0),
            _Row(title),
        ]
    elif kind == "spaced_logo":
        stem = rng.choice(STEMS_B)
        trade = rng.choice(TRADES_B[lang])
        domain = f"{stem.lower()}.{tld}"
        companies = [stem, f"{stem} {trade}"]
        rows = [
            _Row(" ".join(stem.upper()), 40.0),
            _Row(trade.upper(), 16.0),
            _Row(name, 30.0),
            _Row(title),
        ]
    elif kind == "initials":
        company, initials = rng.choice(INITIALS_COMPANIES)
        domain = f"{initials}.{tld}"
        companies = [company]
        rows = [_Row(name, 30.0), _Row(title), _Row(company, 22.0)]
        if rng.random() < 0.5:
            rows = [_Row(initials.upper(), 44.0), *rows]
            companies.append(initials.upper())
    elif kind == "law":
        pattern, lang = rng.choice(FIRMS)
        a, b = rng.sample(LAST[lang] + LAST_B[lang], 2)
        company = pattern.format(a=a, b=b)
        companies = [company]
        title = LAW_TITLES[lang]
        domain = f"{_ascii(a).lower().replace(' ', '')}{_ascii(b).lower().replace(' ', '')}.{tld}"
        rows = [_Row(company, 26.0), _Row(name, 28.0), _Row(title)]
    elif kind == "hotel":
        pattern, hotel_lang = rng.choice(HOTELS)
        stem = rng.choice(STEMS_B)
        company = pattern.format(s=stem)
        companies = [company]
        title = rng.choice(HOTEL_TITLES)
        domain = f"{stem.lower()}hotel.{tld}"
        rows = [_Row(company.upper(), 34.0), _Row(name, 26.0), _Row(title)]
    else:  # the company only in the address's domain, spelt with its words run together
        stem, trade = rng.choice(STEMS_B), rng.choice(TRADES["en"])
        domain = f"{stem.lower()}{trade.lower()}.{tld}"
        companies = [f"{stem} {trade}", f"{stem}{trade}"]
        rows = [_Row(name, 30.0), _Row(title)]
    titles = [title]
    email = f"{local}@{domain}"
    rows += [
        _Row(f"{tel} {office}", phone=office_e164),
        _Row(f"E-mail: {email}"),
        _Row(street),
        _Row(town),
    ]
    if kind != "domain_only":
        rows.append(_Row(f"www.{domain}"))
    lines, top = [], 20.0
    for row in rows:
        confidence = round(rng.uniform(0.88, 0.995), 3)
        width = max(len(row.text), 1) * row.size * 0.55
        lines.append(OcrLine(row.text, confidence, (40.0, top, 40.0 + width, top + row.size)))
        top += row.size * 1.3
    label = {
        "image": f"invented-{number:03d}",
        "name": name,
        "emails_any_of": [[email]],
        "main_phone_any_of": [office_e164],
        "company_spans": companies,
        "title_spans": titles,
    }
    part = "aside" if number % 3 == 2 else "tune"
    return Card(number, part, lines, label, "US")


CARDS_D = 90  # of the fourth family
# The fourth family: two columns whose rows the OCR joined into one line each (the person's
# column left, the details right: "Jane Okafor T +1 415 372 8841"), with the first and second
# families' words and the second family's layouts otherwise.


def make_card_d(number: int) -> Card:
    rng = random.Random(SEED * 9000 + number)
    lang = rng.choice(list(FIRST))
    country = rng.choice(COUNTRY[lang])
    first, last = rng.choice(FIRST_B[lang] + FIRST[lang]), rng.choice(LAST_B[lang] + LAST[lang])
    name = f"{first} {last}"
    stem = rng.choice(STEMS_B + STEMS)
    trade = rng.choice(TRADES_B[lang] + TRADES[lang])
    legal = rng.choice(LEGAL[lang])
    company = f"{stem} {trade}" + (f" {legal}" if legal else "")
    title = rng.choice(TITLES_B[lang] + TITLES[lang])
    domain = f"{_ascii(stem).lower()}.{TLD[country]}"
    email = f"{_ascii(first).lower()}@{domain}"
    office, office_e164 = _phone(rng, PHONES[country][0], country)
    mobile, mobile_e164 = _phone(rng, PHONES[country][1], country)
    tel_labels, mob_labels, _ = PHONE_LABELS[lang]
    street, town = rng.choice(STREETS[country])
    street = street.format(n=rng.randint(2, 240), s=rng.randint(2, 12))
    town = town.format(z=f"{rng.randint(1, 99):02d}")
    caps = rng.random() < 0.3
    left = [
        (name.upper() if caps else name, 30.0),
        (title.upper() if caps else title, 20.0),
        (company.upper() if caps else company, 20.0),
    ]
    if rng.random() < 0.5:
        left = [left[2], left[0], left[1]]
    right = [
        f"{rng.choice(tel_labels)} {office}",
        f"{rng.choice(mob_labels)} {mobile}",
        email,
        f"www.{domain}",
        street,
        town,
    ]
    if rng.random() < 0.4:
        right = [right[4], right[5], *right[:4]]
    main = (
        office_e164
        if right.index(next(r for r in right if office in r))
        < right.index(next(r for r in right if mobile in r))
        else mobile_e164
    )
    offset = rng.randint(0, 2)  # the rows the details start beside the person's column
    lines, top = [], 20.0
    for row in range(max(len(left), len(right) + offset)):
        parts = []
        height = 20.0
        if row < len(left):
            parts.append(left[row][0])
            height = left[row][1]
        if 0 <= row - offset < len(right):
            parts.append(right[row - offset])
        if parts:
            text = " ".join(parts)
            confidence = round(rng.uniform(0.86, 0.99), 3)
            lines.append(
                OcrLine(text, confidence, (40.0, top, 40.0 + 11 * len(text), top + height))
            )
        top += height * 1.3
    label = {
        "image": f"invented-{number:03d}",
        "name": name,
        "emails_any_of": [[email]],
        "main_phone_any_of": [main],
        "company_spans": [company],
        "title_spans": [title],
    }
    part = "aside" if number % 3 == 2 else "tune"
    return Card(number, part, lines, label, "US")


CARDS_E = 60  # of the fifth family
# The fifth family: the second family's cards photographed badly: the OCR lost one letter of
# the title's longest word ("Managing Diector") or read it as another ("Manaqer").


def make_card_e(number: int) -> Card:
    start = CARDS + CARDS_B + CARDS_C + CARDS_D
    card = make_card(CARDS + (number - start) % CARDS_B)
    rng = random.Random(SEED * 11000 + number)
    titles = card.label["title_spans"]
    out = []
    for line in card.lines:
        text = line.text
        if titles and _fold(text) == _fold(titles[0]):
            words = text.split(" ")
            at = max(range(len(words)), key=lambda i: len(words[i]))
            word = words[at]
            if len(word) >= 7:
                place = rng.randint(1, len(word) - 2)
                slip = rng.choice(["", "q" if word[place] == "g" else "l"])
                words[at] = word[:place] + slip + word[place + 1 :]
                text = " ".join(words)
        out.append(OcrLine(text, min(line.confidence, 0.85), line.box))
    label = dict(card.label, image=f"invented-{number:03d}")
    return Card(number, "aside" if number % 3 == 2 else "tune", out, label, card.region)


def _fold(text: str) -> str:
    return _ascii(text).casefold()


def cards(part: str | None = None) -> list[Card]:
    made = [make_card(number) for number in range(CARDS + CARDS_B)]
    made += [make_card_c(number) for number in range(CARDS + CARDS_B, CARDS + CARDS_B + CARDS_C)]
    start = CARDS + CARDS_B + CARDS_C
    made += [make_card_d(number) for number in range(start, start + CARDS_D)]
    start += CARDS_D
    made += [make_card_e(number) for number in range(start, start + CARDS_E)]
    return [card for card in made if part is None or card.part == part]


def main(argv: list[str] | None = None) -> int:
    from assistant.cards.fields import read_card
    from benchmarks.cards_bench import FIELDS, Tally

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--misses",
        action="store_true",
        help="print the tune part's wrong fields (never the aside part's)",
    )
    parser.add_argument("--show", type=int, help="print one tune card's lines and label")
    args = parser.parse_args(argv)
    if args.show is not None:
        start = CARDS + CARDS_B + CARDS_C
        card = (
            make_card_e(args.show)
            if args.show >= start + CARDS_D
            else make_card_d(args.show)
            if args.show >= start
            else make_card_c(args.show)
            if args.show >= CARDS + CARDS_B
            else make_card(args.show)
        )
        if card.part != "tune":
            raise SystemExit("that card is set aside")
        for line in card.lines:
            print(f"  {line.text!r} {line.confidence} h={line.height:.0f}")
        print(card.label)
        return 0
    third = range(CARDS + CARDS_B, CARDS + CARDS_B + CARDS_C)
    for family, numbers in (
        ("first", range(CARDS)),
        ("second", range(CARDS, CARDS + CARDS_B)),
        ("third", third),
        ("fourth", range(third.stop, third.stop + CARDS_D)),
        ("fifth", range(third.stop + CARDS_D, third.stop + CARDS_D + CARDS_E)),
    ):
        for part in ("tune", "aside"):
            tally = Tally()
            for card in (c for c in cards(part) if c.number in numbers):
                tally.add(card.label, read_card(card.lines, card.region), 0.0)
            row = tally.row()
            print(
                f"{family:6} {part:6} cards {tally.cards} all {row['field_accuracy']:.3f} "
                + " ".join(f"{f} {row[f]:.3f}" for f in FIELDS)
            )
            if args.misses and part == "tune":
                print("\n".join(tally.misses))
    for part in ("tune", "aside"):
        total = Tally()
        for card in cards(part):
            total.add(card.label, read_card(card.lines, card.region), 0.0)
        print(f"all    {part:6} cards {total.cards} all {total.field_accuracy:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
