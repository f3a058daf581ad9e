"""Writes generated.jsonl: labelled contact blocks composed from the word lists below, in the
layouts people use (cards, signatures, one-line notes; English, German, French, Spanish,
Italian, Portuguese, Dutch and more). Deterministic: a seeded generator and fixed lists, so the
file is the same every run.

Each line of the output is one block: a list of lines, each a list of [token, label].

By default the blocks above are written three times (their weight), then 1,300 regional
blocks (regional.py: names, companies, organisations and titles of many countries, from the
training slices of vocab.py): the shipped mix. --regional N and --classic-copies K change the
mix, --out DIR writes a candidate's examples elsewhere (README.md).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))
import regional  # noqa: E402

from assistant.parsing.labeller.tokens import tokenize  # noqa: E402

FIRST = """Alice Bruno Chiara Deepa Erik Fatima Gustavo Hiro Ilse Jamal Katja Lars Mónica Nils
Olga Pablo Quentin Rania Sven Tamsin Ulrich Valeria Wen Xavier Yusuf Zofia Adaeze Björn Céline
Dmitri Elif Fernando Greta Hassan Ingrid Joaquín Kwame Lucía Matteo Noor Oscar Paula Renée
Sanjay Thandiwe Ugo Vera William Yara Zane Anke François Grace Heinz Isabel Jun Kofi Leila
Jean-Luc Anne-Laure Karl-Heinz Marie-Claire Hans-Jörg Ana-Lucía Pier-Luigi Eva-Maria""".split()  # noqa: E501
LAST = """Anders Baptiste Castillo Dubois Eriksen Fischer García Haas Ibrahim Jansen Kowalski
Lindqvist Moreau Nakamura Okafor Petrov Quinn Rossi Schmidt Tanaka Unger Vasquez Wagner Xu Yilmaz
Zimmermann O'Brien McAllister Van Dijk Da Silva De Luca Müller Schröder Lefèvre Núñez Peña
Novák Larsen Brennan Choi Osei Mendes Hoffmann Kaur Singh Walsh Becker Morgan Reyes""".split()
TITLES = """CEO|CTO|CFO|COO|Founder|Co-Founder|Founder & CEO|Managing Partner|Partner
|Head of Product|Head of Sales|Head of Growth|VP Engineering|VP of Marketing|Vice President
|Senior Director, Risk Analytics|Vice President, Strategic Accounts|General Manager, Overseas Sales
|Director of Engineering|Engineering Manager|Product Manager|Senior Software Engineer
|Chief Medical Officer|Chief Revenue Officer|Chief Operating Officer|Operations Manager
|Account Executive|Sales Director|Marketing Manager|Business Development Manager|General Counsel
|Senior Counsel|Compliance Specialist|Consultant|Senior Consultant|Principal Architect
|Solutions Architect|Project Estimator|General Contractor|Broker Associate|Service Manager
|Research Scientist|Data Scientist|Designer|Creative Director|Editor|Investor|Advisor
|Geschäftsführer|Geschäftsführerin|Leiter Einkauf|Leiterin Vertrieb|Vertriebsleiter
|Prokuristin|Technischer Leiter|Rechtsanwältin|Inhaber|Gründerin
|Directrice commerciale|Directeur général|Fondatrice|Responsable marketing|Associé
|Gerente de Operaciones|Directora de Exportaciones|Director Comercial|Fundador
|Responsabile Acquisti|Diretora Financeira|Accountmanager|Senior Auditor|Sales Support Lead
|Managing Director|Head of Cardiology|Community Outreach Manager
|Direttore commerciale|Responsabile vendite|Titolare|Amministratore delegato|Direttrice tecnica
|Diretor Comercial|Gerente de Vendas|Sócia-gerente|Coordenadora de Projetos|Engenheiro Civil
|Eigenaar|Inkoper|Projectleider|Directeur|Accountmanager Zakelijk|Bedrijfsleider
|Fachanwalt für Arbeitsrecht|Leiterin Marketing|Leitung Einkauf|Leitung Personal|Projektleiterin
|Directora de Compras|Jefa de Ventas|Vorständin|Chargée d'affaires|Directrice des opérations
""".replace("\n", "").split("|")  # noqa: E501
# Occupations written as a title, many in no title gazetteer: read from their shape ("-ist",
# "-ian", "-eer") and their place on the card.
TITLES += """Geophysicist|Hydrologist|Economist|Senior Economist|Chemist|Biologist|Meteorologist
|Petroleum Engineer|Reservoir Engineer|Paralegal|Senior Paralegal|Technician|Field Technician
|Pharmacist|Physician|Statistician|Actuary|Landman|Archivist|Therapist|Dietitian|Librarian
|Scheduler|Dispatcher|Trader|Senior Trader|Analyst|Senior Analyst|Specialist|Sr. Specialist
|Executive Assistant|Administrative Assistant|Legal Assistant|Senior Landman|Auctioneer
|Toxicologist|Agronomist|Surveyor|Volkswirtin|Géologue|Ingeniera de Minas|Field Supervisor
|Safety Inspector|Plant Operator|Superintendent|Curator|Administrator|Credit Administrator
|Claims Adjuster|Underwriter|Senior Underwriter""".replace(
    "\n", "").split("|")
# Two titles side by side, kept as one ("Rechtsanwältin | Partnerin").
TITLES += ["Rechtsanwältin | Partnerin", "Steuerberater | Partner", "Attorney | Partner",
           "Avocate | Associée", "Founder | CEO"]  # noqa: E501
COMPANY_HEADS = """Acme Tiller Verdant Harbor Lumen Crescent Ortega Nordlys Amberline Delgado
Baobab Saffron Hikari Walsh Cipherline Kaiser Lehmann Sandberg Rousseau Spoke Andes Sousa
Vries Ferri Granite Solana Holm Owens Petit Lang Northwind Bluefin Redwood Keystone Meridian
Quarry Silverline Ironbridge Fjord Kumo Blake Vidal Brightpath Tidewater
Weiß Bäumer Lichtwerk Vigneti Aurora Tejo Caju Kroon Molen Zonneveld Brina Serra Lago
Pietra Cedro Rivabella Horizonte""".split()
COMPANY_MIDS = """Finance Clinics Mutual Freight Ventures Robotics Cloud Health Logistics Pay
Systems Solar Realty Marine Build Energy Foods Design Analytics Capital Labs Software Druck
Maschinenbau Revision Tessuti Consulting Partners Media Group Insurance Medical Services
Pipeline Gas Power Oil Utilities Transmission Chemicals Exploration Resources Interieur Bouw
Techniek Holzbau Pagamentos Renováveis Alimentare Trasporti Brouwerij Advies Atelier""".split()
# An organisation's unit, written on a card's line of its own or after its company with a dash
# ("Kaiser Energy - Corporate Finance"): the unit is part of where the person works.
DEPARTMENTS = """Regulatory Affairs|Public Affairs|Corporate Affairs|Investor Relations
|Corporate Development|Structured Finance|Corporate Finance|Project Finance|Risk Management
|Treasury|Tax Department|Legal Affairs|Internal Audit|Human Resources|Supply Chain
|Gas Trading|Power Trading|East Desk|Gulf Coast Desk|Origination|Credit Risk|Market Analysis
|Research Group|Capital Markets|Asset Management|Customer Operations|Field Services
|Legal Services|Rates & Regulation|Commercial Operations|Facilities Planning
|Engineering Services|Pipeline Operations|Retail Services|Europe - Legal|Tariff Group
|Rechtsabteilung|Zentraleinkauf|Direction juridique|Servicios Jurídicos""".replace(
    "\n", "").split("|")
SUFFIXES = """Inc.|LLC|Ltd|Ltd.|GmbH|AG|KG|GmbH & Co. KG|SAS|SARL|S.A.|S.L.|Lda.|S.r.l.|SpA|B.V.|AB
|AS|ASA|K.K.|LLP|Corp.|Co.|Pvt. Ltd.|plc|Oy|& Söhne KG|& Partners LLP|PartG mbB|& Partner
|& Partners|Company|Corporation|Company|Incorporated|Limited""".replace(
    "\n", "").split("|")
REGIONS = ["North America", "Europe", "Net Works", "Global", "International", "Texas",
           "Pacific", "Wholesale", "Broadband", "Energy Services", "Gas Resources"]
DOMAINS = ["acme.com", "tiller.io", "verdant.health", "harbor.co", "nordlys.no", "kaiser.at",
           "lehmann.de", "rousseau.fr", "andes.cl", "sousa.pt", "vries.nl", "ferri.it"]
PHONES = ["+1 312 555 0133", "(415) 555-0142", "212-555-0161", "+49 89 5554 3210",
          "0511 4567890", "+33 1 45 55 01 23", "+34 912 555 014", "+44 20 7946 0321",
          "+39 02 5550 1234", "713.853.6577", "+31 20 555 0147", "+81 3 5550 1234",
          "+49 (0)40 555 3190", "+44 (0)161 496 0777", "06-23456789", "(11) 98765-4321",
          "347 555 9876", "+351 21 555 0199", "07700 900654", "+31 (0)10 555 4411"]
PHONE_LABELS = ["", "T", "Tel.", "Tel:", "Phone:", "M:", "Mobile", "Cell", "Office:", "Mobil",
                "Tél. :", "P", "Direct:"]
FAX_LABELS = ["Fax", "F", "Fax:", "Telefax", "Facsimile:", "Fax -"]
STREETS = ["1400 Smith Street", "Friedrichstraße 12", "12 rue de Rivoli", "Calle Mayor 5",
           "Suite 300", "Houston, TX 77002", "10117 Berlin", "75001 Paris",
           "1200 Main Street, Room 3801a", "Dallas, Texas 75201", "P.O. Box 1188",
           "600 Travis, Suite 4200", "San Francisco, CA 94105", "Denver, Colorado 80202"]
HONORIFICS = ["Dr.", "DR.", "Prof.", "Mr.", "Ms.", "Herr", "Frau", "Herr Dr.", "Frau Prof.",
              "Mme", "M.", "Mevr.", "Dhr.", "Sig.ra", "Dott.", "Sr.", "Sra."]
# Surnames with lower-case particles ("de la Rosa", "van den Heuvel"), read as part of the name.
PARTICLE_LAST = ["de la Rosa", "van den Heuvel", "von Bredow", "van der Laan", "da Costa",
                 "dos Santos", "di Stefano", "le Goff", "ter Horst", "de Wit-Bakker",
                 "del Monte", "van Rijn", "von der Heide", "de Souza"]
EVENTS = ["clinic leaders summit", "fintech mixer", "Hannover Messe", "Web Summit",
          "builders fair", "design week party", "SaaStr", "port expo", "Slush", "robotics meetup"]
PROSE = ["Met at the {e}:", "Met him at the {e}.", "Met her at the {e}", "Great to meet you.",
         "Heute auf der {e} getroffen:", "Two from the {e}:", "Met {n} at the {e}.",
         "Rencontré au {e}.", "Conocí en la {e}.", "Add him.", "Follow up next week.",
         "Thanks for the chat about payments.", "Here are my details as promised.",
         "She needs a data engineering contractor.", "Lunch with {n} and {m} at the {e}.",
         "Met {n} (x@y.com, 415-555-0123) and {m} at the {e}.",
         "Met {n} (x@y.com, +46 8 555 012 34) and", "and {m} (y@z.com) at the {e}.",
         "Kaartje van de {e}:", "Visitenkarte von der {e}:", "Biglietto da visita dal {e}:",
         "Cartão do {e}:", "Carte de visite du {e} :", "Card from the {e}:",
         "Vu au {e}.", "Conosciuto alla {e}.", "Conheci no {e}.", "Gesproken op de {e}.",
         "Abraços,", "Atenciosamente,", "Cordiali saluti,", "Un saluto,",
         "Met vriendelijke groet,", "Mit freundlichen Grüßen", "Best regards,", "Saludos,"]


def labelled(text: str, label: str) -> list[list[str]]:
    return [[t, "SEP" if t in {"|", "·", "•", "-", "–", "/"} and label != "TITLE" else label]
            for t in tokenize(text)]


def prose(rng: random.Random) -> list[list[str]]:
    text = rng.choice(PROSE).format(e=rng.choice(EVENTS), n=name(rng), m=name(rng))
    return [[t, "OTHER"] for t in tokenize(text)]


# One-word companies: brands written together and initials ("Senior Counsel, NWX").
BRANDS = """BrightPay KUMO Nordlys Tidely FinchLab Quillo Brava SolarEdgeworth Pivotta
NWX ACX TGS BKR HPL EMX QRS DLV Zentrix Lumio Corvid Orbix Helix""".split()


# A trade named first ("Bakkerij De Molen", "Drukkerij 't Anker", "Panificio Serra").
TRADES = ["Bakkerij", "Drukkerij", "Kwekerij", "Brouwerij", "Panificio", "Pasticceria",
          "Tipografia", "Cantina", "Padaria", "Oficina", "Atelier", "Boulangerie"]


def company(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.1:
        return rng.choice(BRANDS)
    if shape < 0.18:
        article = rng.choice(["", "", "'t ", "'t ", "De ", "La ", "Il "])
        return f"{rng.choice(TRADES)} {article}{rng.choice(COMPANY_HEADS)}"
    if shape < 0.12:  # a partnership of two surnames: "Andrade & Kessler L.L.P."
        return f"{rng.choice(LAST)} & {rng.choice(LAST)} {rng.choice(['LLP', 'L.L.P.', 'P.C.'])}"
    words = [rng.choice(COMPANY_HEADS)]
    if shape < 0.35:  # a longer name: "Meridian North America Corp."
        words.append(rng.choice(REGIONS))
    if rng.random() < 0.7:
        words.append(rng.choice(COMPANY_MIDS))
    if rng.random() < 0.6:
        words.append(rng.choice(SUFFIXES))
    return " ".join(words)


def name(rng: random.Random) -> str:
    if rng.random() < 0.15:  # a surname with particles: "Marta de la Rosa"
        return f"{rng.choice(FIRST)} {rng.choice(PARTICLE_LAST)}"
    if rng.random() < 0.1:  # two surnames, the second with particles: "Marta Ruiz de la Rosa"
        return f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(PARTICLE_LAST)}"
    if rng.random() < 0.2:  # a middle initial: "Rosa M. Delgado"
        return f"{rng.choice(FIRST)} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {rng.choice(LAST)}"
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


TRAILING_PHONE = ["Phone", "(phone)", "(office)", "(cell)", "Office", "Direct", "(work)",
                  "Telephone"]
TRAILING_FAX = ["Fax", "(fax)", "FAX", "Facsimile"]


def phone_line(rng: random.Random, fax: bool = False) -> list[list[str]]:
    if rng.random() < 0.3:  # "713-555-0134 (fax)": the label after the number
        label = rng.choice(TRAILING_FAX if fax else TRAILING_PHONE)
        return labelled(rng.choice(PHONES), "FAX" if fax else "PHONE") + labelled(label, "LABEL")
    label = rng.choice(FAX_LABELS if fax else PHONE_LABELS)
    out = labelled(label, "LABEL") if label else []
    return out + labelled(rng.choice(PHONES), "FAX" if fax else "PHONE")


def email(person: str, rng: random.Random) -> str:
    local = person.lower().replace(" ", ".").replace("'", "")
    return f"{local}@{rng.choice(DOMAINS)}"


def whole(text: str, label: str) -> list[list[str]]:
    """Every token of ``text`` under one label, dashes included ("Acme Corp. - Treasury")."""
    return [[t, label] for t in tokenize(text)]


def own_company(person: str, rng: random.Random) -> str:
    """A company named after the person ("Fenwick Roofing Inc." signed by Wade Fenwick)."""
    words = [person.split()[-1], rng.choice(COMPANY_MIDS)]
    if rng.random() < 0.7:
        words.append(rng.choice(SUFFIXES))
    return " ".join(words)


def unit_lines(rng: random.Random, title: str, org: str) -> list[list[list[str]]]:
    """A card whose company line carries the person's unit, or whose unit stands alone (where
    the person works); with no title, a unit above its company is the person's role."""
    unit = rng.choice(DEPARTMENTS)
    shape = rng.random()
    if shape < 0.4:  # "Senior Counsel" / "Kaiser Energy - Corporate Finance"
        return [labelled(title, "TITLE"), whole(f"{org} - {unit}", "COMPANY")]
    if shape < 0.6:  # the unit alone under the name
        return [whole(unit, "COMPANY")]
    if shape < 0.8:  # "Economist" / "Market Analysis" / "Kaiser Energy"
        return [labelled(title, "TITLE"), whole(unit, "COMPANY"), labelled(org, "COMPANY")]
    return [whole(unit, "TITLE"), labelled(org, "COMPANY")]


UNIT_HEADS = ["Vice President", "Senior Vice President", "Director", "Senior Director",
              "Manager", "Senior Manager", "VP", "General Manager", "Head", "Counsel",
              "Associate", "Analyst"]
# Two areas joined in one unit ("Director, Programs and Outreach"): the last word after "and"
# is still the title, never a name.
JOINED_UNITS = ["Programs and Outreach", "Research and Policy", "Sales and Marketing",
                "Grants and Giving", "Events and Partnerships", "Risk and Compliance",
                "Membership and Development", "Audit and Assurance", "People and Culture",
                "Trust & Safety", "Tax & Treasury", "Research & Insights", "Risk & Compliance",
                "Brand & Content"]


def unit_title(rng: random.Random) -> str:
    """A title that names its unit after a comma ("Vice President, Claims Operations"): the
    unit belongs to the title there."""
    if rng.random() < 0.4:
        return f"{rng.choice(UNIT_HEADS)}, {rng.choice(JOINED_UNITS)}"
    return f"{rng.choice(UNIT_HEADS)}, {rng.choice(DEPARTMENTS).split(' - ')[0]}"


def card(rng: random.Random) -> list[list[list[str]]]:
    person, title, org = name(rng), rng.choice(TITLES), company(rng)
    if rng.random() < 0.12:
        title = unit_title(rng)
    if rng.random() < 0.12:
        org = own_company(person, rng)
    if rng.random() < 0.05:  # "(Senior Analyst)": a title written in brackets
        title = f"({title})"
    upper = rng.random() < 0.2
    lines = []
    name_line = labelled(person, "NAME")
    if rng.random() < 0.15:
        name_line = labelled(rng.choice(HONORIFICS), "OTHER") + name_line
    lines.append(name_line)
    joined = rng.random()
    if joined < 0.15:
        lines += unit_lines(rng, title, org)
    elif joined < 0.25:
        lines.append(labelled(title, "TITLE") + [[",", "SEP"]] + labelled(org, "COMPANY"))
    elif joined < 0.4:
        lines.append(labelled(org, "COMPANY") + [["|", "SEP"]] + labelled(title, "TITLE"))
    elif joined < 0.5:
        lines.append(labelled(title, "TITLE") + [[rng.choice(["at", "@", "bei", "chez", "en"]),
                                                   "SEP"]] + labelled(org, "COMPANY"))
    elif joined < 0.6:
        lines.append(labelled(title, "TITLE") + [[rng.choice(["|", "·"]), "SEP"]]
                     + labelled(org, "COMPANY"))
    else:
        lines += [labelled(title, "TITLE"), labelled(org, "COMPANY")]
    extras = [phone_line(rng), [[email(person, rng), "EMAIL"]]]
    if rng.random() < 0.3:
        extras.append(phone_line(rng, fax=True))
    for _ in range(rng.choice([0, 0, 1, 2])):
        extras.append(labelled(rng.choice(STREETS), "OTHER"))
    if rng.random() < 0.3:
        extras.append([[f"www.{rng.choice(DOMAINS)}", "URL"]])
    rng.shuffle(extras)
    lines += extras[: rng.randint(1, len(extras))]
    if upper:
        lines = [[[t.upper() if lab not in {"EMAIL", "URL"} else t, lab] for t, lab in line]
                 for line in lines]
    if rng.random() < 0.4:
        lines.insert(0, prose(rng))
    return lines


POSTNOMINALS = ["CFA", "CPA", "PhD", "Ph.D.", "MBA", "P.E.", "Esq.", "J.D.", "CFP", "PMP"]


def letters_after(rng: random.Random) -> list[list[str]]:
    """Sometimes a qualification after the name ("Mark Hale, CPA"): not a title."""
    if rng.random() < 0.25:
        return [[",", "SEP"], [rng.choice(POSTNOMINALS), "OTHER"]]
    return []


def unit_card(rng: random.Random) -> list[list[list[str]]]:
    """A card or signature naming the person's unit; as a card is read, the contact lines
    may come between the name and the rest."""
    person, title, org = name(rng), rng.choice(TITLES), company(rng)
    details = [phone_line(rng), [[email(person, rng), "EMAIL"]]]
    rng.shuffle(details)
    details = details[: rng.randint(1, 2)]
    middle = unit_lines(rng, title, org)
    lines = [labelled(person, "NAME") + letters_after(rng)]
    lines += details + middle if rng.random() < 0.3 else middle + details
    if rng.random() < 0.3:
        lines.append(labelled(rng.choice(STREETS), "OTHER"))
    if rng.random() < 0.2:
        lines = [[[t.upper() if lab not in {"EMAIL", "URL"} else t, lab] for t, lab in line]
                 for line in lines]
    return lines


TRAILING_WORDS = ["bietet Schulungen an.", "sucht einen Steuerberater.", "looking for a CFO.",
                  "wants intros to retailers", "cherche un associé.", "busca socios.",
                  "cerca un fornitore.", "procura investidores.", "zoekt een installateur.",
                  "interested in our pilot", "offers free desk space.", "met at the expo"]


def one_line(rng: random.Random) -> list[list[list[str]]]:
    person, title, org = name(rng), rng.choice(TITLES), company(rng)
    if rng.random() < 0.2:  # "fondateur, Atelier Brume": a title in lower case
        title = title.lower()
    if rng.random() < 0.15:
        org = own_company(person, rng)
    sep = rng.choice(["-", "|", "–"])
    parts = [labelled(person, "NAME")]
    if rng.random() < 0.15:  # "Herr Dr. Ole Brandt | ..."
        parts[0] = labelled(rng.choice(HONORIFICS), "OTHER") + parts[0]
    if rng.random() < 0.5:
        parts.append(labelled(title, "TITLE") + [[",", "SEP"]] + labelled(org, "COMPANY"))
    else:
        parts += [labelled(title, "TITLE"), labelled(org, "COMPANY")]
    contact = [[[email(person, rng), "EMAIL"]]]
    if rng.random() < 0.7:
        contact.append(labelled(rng.choice(PHONES), "PHONE"))
    if rng.random() < 0.3:  # the phone first
        contact.reverse()
    parts += contact
    if rng.random() < 0.2:  # the owner's words after the card's fields: "– bietet X an"
        parts.append([[t, "OTHER"] for t in tokenize(rng.choice(TRAILING_WORDS))])
    line: list[list[str]] = []
    for index, part in enumerate(parts):
        if index:
            line.append([sep, "SEP"])
        line += part
    block = [line]
    if rng.random() < 0.4:
        block.insert(rng.choice([0, 1]), prose(rng))
    return block


def form(rng: random.Random) -> list[list[list[str]]]:
    """A contact form or card scanner's labelled lines ("Name: ...", "Company: ...")."""
    person, title, org = name(rng), rng.choice(TITLES), company(rng)
    keys = [("Name:", labelled(person, "NAME")), ("Email:", [[email(person, rng), "EMAIL"]]),
            ("Company:", labelled(org, "COMPANY")), ("Title:", labelled(title, "TITLE")),
            ("Phone:", labelled(rng.choice(PHONES), "PHONE"))]
    rng.shuffle(keys)
    return [[[key, "LABEL"], *value] for key, value in keys[: rng.randint(2, 5)]]


REGIONAL_SEED = 20261207
# The shipped mix: the classic blocks three times (their weight), then 1,300 regional blocks
# (README.md: the held-out regional blocks of validate.py are read far better with them).
REGIONAL_BLOCKS = 1300
CLASSIC_COPIES = 3
# Blocks composed from the training layouts of regional.py (none in the shipped mix)
LAYOUT_BLOCKS = 0
LAYOUT_SEED = 20261208


def classic(rng: random.Random) -> list[list[list[list[str]]]]:
    """The blocks composed from the word lists above."""
    blocks = [card(rng) for _ in range(700)] + [one_line(rng) for _ in range(300)]
    blocks += [form(rng) for _ in range(100)]
    blocks += [unit_card(rng) for _ in range(200)]
    return blocks


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--regional", type=int, default=REGIONAL_BLOCKS,
                        help="regional blocks (regional.py) to add after the classic ones")
    parser.add_argument("--classic-copies", type=int, default=CLASSIC_COPIES,
                        help="times the classic blocks are written (their weight in training)")
    parser.add_argument("--out", type=Path, default=HERE,
                        help="folder to write generated.jsonl in (a candidate's own folder)")
    parser.add_argument("--layouts", type=int, default=LAYOUT_BLOCKS,
                        help="blocks composed from regional.py's training layouts, added last")
    parser.add_argument("--layout-split", action="store_true",
                        help="leave out the regional blocks of the layouts regional.py holds "
                             "out (a candidate validate.py can measure on unseen layouts)")
    parser.add_argument("--drop-layouts", default="",
                        help="layout ids (comma-separated) the --layouts blocks leave out")
    args = parser.parse_args(argv)
    blocks = classic(random.Random(20261206)) * args.classic_copies
    # Then the regional blocks, from the training slices of vocab.py's lists (regional.py)
    blocks += [b.lines for b in regional.blocks(random.Random(REGIONAL_SEED), args.regional,
                                                held=False)
               if not (args.layout_split and regional.layout_held(b.layout))]
    if args.layouts:
        blocks += [b.lines for b in regional.blocks_v2(random.Random(LAYOUT_SEED), args.layouts,
                                                       False, frozenset(), "train",
                                                       frozenset(args.drop_layouts.split(",")))]
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "generated.jsonl").open("w", encoding="utf-8") as handle:
        for block in blocks:
            handle.write(json.dumps(block, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
