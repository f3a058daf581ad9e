"""Invented business cards drawn as pictures, with their labels, for the cards benchmark.

    .venv/bin/python -m benchmarks.cards_invented --out /tmp/invented-cards [--cards 48]
    .venv/bin/python -m benchmarks.cards_bench --cards /tmp/invented-cards --engines rapidocr \
        --json-out /tmp/invented-cards/result.json

Every person, company, domain, street and number is made up here (phones in the fictional
555-01xx block of North America and Ofcom's drama ranges); nothing comes from a real card.
The drawing is seeded, so every run writes the same pictures. The labels are written with
the cards, in the benchmark's format (``labels.json``: name, emails, main phone, company and
title spans), before any reader sees them. The cards are drawn in the layouts real cards use,
with the DejaVu faces (sans, serif, condensed, bold, oblique) in several sizes:

- ``classic``: the company as a logo line on top, then the name, title, details;
- ``centred``: the name large in the middle, the company with its legal form at the foot;
- ``columns``: the person on the left, the details on the right, the logo top right;
- ``acronym``: a logo of initials on top, the company's full legal name in the address line;
- ``brand``: a short brand word in capitals whose letters open the web domain
  ("KESTREL" for kestrel-robotics.example), the legal name nowhere;
- ``institute``: a long organisation name over two lines, a department under the title;
- ``tagline``: the company, a slogan under it, the title before the name;
- ``shop``: a small business named by its trade ("Brisa Bakery"), a free mail address;
- ``department``: the name and title in capitals, a department's line under the company.

``--extra`` draws nine more layouts instead (the cards above keep their pictures and labels
for the same numbers):

- ``portrait``: a vertical card, everything centred, the street and town at the foot;
- ``logo``: a stylised brand word and a slogan, the legal name only in small print at the foot;
- ``title_first``: the title above the name, the company top right;
- ``one_line``: the name and title on one line, apart by a comma, a bar or a dash;
- ``foreign_phones``: office, mobile and fax labels of other languages (Tél., Móvil, Handy,
  Télécopie, Cellulare), the fax sometimes first;
- ``university``: a university or hospital over its department, an academic title, the
  mail at an ``.ac`` domain with an initial;
- ``spaced``: the company in capitals with a space between its letters;
- ``address_top``: the street and town on two lines right under the company;
- ``other_domain``: a mail and web domain of a parent firm, unlike the company's name.

The odd-numbered cards may be looked at when the field reader's rules are made; the even ones
are only ever scored (as ``cards_bench``'s halves)."""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import phonenumbers
from PIL import Image, ImageDraw, ImageFont

FONTS = Path("/usr/share/fonts/truetype/dejavu")
FACES = {
    "sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "condensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "oblique": ("DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
}
SEED = 20261207
LAYOUTS = ("classic", "centred", "columns", "acronym", "brand", "institute", "tagline", "shop",
           "department")
# Drawn only with ``--extra`` (so the cards above keep their pictures for the same numbers).
EXTRA_LAYOUTS = ("portrait", "logo", "title_first", "one_line", "foreign_phones", "university",
                 "spaced", "address_top", "other_domain")

FIRST = ["Marisol", "Dorian", "Ingrid", "Tobias", "Yusra", "Anselm", "Leonie", "Caspar",
         "Noor", "Emeric", "Rosalind", "Thaddeus", "Priya", "Joaquin", "Saskia", "Benedikt",
         "Imogen", "Ravi", "Odette", "Lucian"]
LAST = ["Quennell", "Faraway", "Brightmore", "Ostrander", "Vellacott", "Hallgarth",
        "Dunmire", "Pemberton-Lyle", "Castellanos", "Wintergreen", "Albrecht", "Okonkwo",
        "Thistlewood", "Marchetti", "Lindqvist", "Ashdown", "Delacroix", "Fairweather"]
STEMS = ["Kestrel", "Lumenfield", "Orrin", "Talvane", "Brisa", "Quorra", "Halvard", "Zentria",
         "Mossbank", "Corvana", "Tideline", "Emberly", "Ostara", "Velmont", "Arkwell", "Nimbra"]
TRADES = ["Robotics", "Analytics", "Logistics", "Consulting", "Engineering", "Biosciences",
          "Capital Partners", "Energy Systems", "Architects", "Software", "Medical Devices",
          "Freight", "Advisory", "Materials"]
LEGAL = ["Inc.", "LLC", "Ltd", "Ltd.", "Corp.", "GmbH", "AG", "S.A.", "B.V.", "S.r.l.", "plc",
         "Limited", "SAS", "Pty Ltd"]
TITLES = ["Chief Technology Officer", "Senior Account Manager", "Head of Procurement",
          "Regional Sales Director", "Research Scientist", "Managing Director",
          "Vice President, Operations", "Business Development Manager", "Lead Engineer",
          "Geschäftsführer", "Leiter Vertrieb", "Directeur Commercial", "Responsable Achats",
          "Director de Operaciones", "Direttore Tecnico", "Projectleider", "Gerente de Ventas",
          "Office Manager", "Principal Consultant", "Partner", "Founder & CEO",
          "Product Marketing Lead", "Senior Research Fellow", "Key Account Manager"]
SHOP_TRADES = ["Dental Care", "Bakery", "Realty", "Plumbing & Heating", "Landscaping",
               "Hair Salon", "Photography", "Catering", "Auto Garage", "Fitness Studio"]
SHOP_TITLES = ["Owner", "Proprietor", "Master Plumber", "Head Baker", "Realtor", "Stylist",
               "Photographer", "Owner & Chef"]
FREEMAIL = ["gmail.com", "yahoo.com", "outlook.com"]
TEAMS = ["Sales & Marketing", "Research & Development", "Customer Services", "Global Operations"]
DEPARTMENTS = ["Department of Applied Optics", "Faculty of Marine Sciences",
               "Division of Sensor Networks", "Centre for Coastal Studies"]
INSTITUTES = [("Institute for Applied", "Ocean Acoustics"),
              ("Hallgarth Centre for", "Materials and Surface Research"),
              ("Velmont University of", "Technology and Design"),
              ("National Institute of", "Soil and Water Studies")]
SLOGANS = ["Engineering tomorrow, today", "Moving ideas forward", "Precision you can feel",
           "Growing together since 1987", "Smarter freight, happier planet"]
STREETS = [("{n} Juniper Lane, Suite {s}", "Springfield, IL 627{z}"),
           ("{n} Harbour Road", "Portsmouth PO1 {s}QA"),
           ("{n} Orchard Way", "Cambridge CB2 {s}RT"),
           ("{n} Commerce Park Drive", "Dayton, OH 454{z}")]
# (office, mobile) patterns in fictional ranges: "#" is a random figure.
PHONES = {"US": ("({a}) 555-01##", "+1 {a} 555 01##"),
          "GB": ("+44 20 7946 0###", "+44 161 496 0###")}
AREAS = ["212", "312", "415", "617", "206", "303", "512", "919"]
OFFICE_LABELS = ["T", "Tel.", "Phone:", "Office", "P:", ""]
MOBILE_LABELS = ["M", "Mobile:", "Cell", "Mob."]
# (office, mobile, fax) labels of other languages
FOREIGN_LABELS = [("Tél.", "Port.", "Fax"), ("Tel.", "Móvil", "Fax"), ("Tel.", "Handy", "Fax"),
                  ("Tél. :", "Mobile :", "Télécopie :"), ("Telefono", "Cellulare", "Fax")]
UNIVERSITIES = ["Velmont University Hospital", "University of Ostara", "Arkwell Medical Centre",
                "Mossbank College of Engineering", "Corvana Children's Hospital"]
UNIT_LINES = ["Department of Cardiology", "School of Computing Science",
              "Department of Radiology", "Faculty of Law", "Institute of Neurosciences"]
ACADEMIC_TITLES = ["Professor of Robotics", "Consultant Cardiologist", "Senior Lecturer",
                   "Research Associate", "Clinical Nurse Specialist", "Associate Professor"]
PARENTS = ["nordvale-group", "tessaro-holdings", "brightpath", "ovarin-mail", "kx-partners"]


def _phone(rng: random.Random, pattern: str, country: str) -> tuple[str, str]:
    """A printed number and its E.164 form (a valid number of the fictional ranges)."""
    area = rng.choice(AREAS)
    for _ in range(200):
        printed = "".join(str(rng.randint(0, 9)) if ch == "#" else ch
                          for ch in pattern.format(a=area))
        number = phonenumbers.parse(printed, country)
        if phonenumbers.is_valid_number(number):
            return printed, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    raise AssertionError(pattern)


def _compact(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _font(face: str, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / FACES[face][bold]), size)


def make_card(number: int, layouts: tuple[str, ...] = LAYOUTS) -> tuple[Image.Image, dict]:
    """One invented card and its label (drawn from ``layouts`` by its number)."""
    rng = random.Random(SEED * 1000 + number)
    layout = layouts[number % len(layouts)]
    face = rng.choice(list(FACES))
    first, last = rng.choice(FIRST), rng.choice(LAST)
    name = f"{first} {last}"
    stem, trade, legal = rng.choice(STEMS), rng.choice(TRADES), rng.choice(LEGAL)
    company = f"{stem} {trade}"
    legal_name = f"{company} {legal}" if legal in ("GmbH", "AG", "LLC", "plc", "Limited",
                                                  "SAS", "Pty Ltd") else f"{company}, {legal}"
    title = rng.choice(TITLES)
    country = rng.choice(list(PHONES))
    host = f"{stem.lower()}{rng.choice(['', '-', ''])}{trade.split()[0].lower()}"
    if layout in ("classic", "centred", "tagline"):
        host = stem.lower()
    domain = f"{host}.example"
    email = f"{first.lower()}.{last.lower().replace('-', '')}@{domain}"
    office, office_e164 = _phone(rng, PHONES[country][0], country)
    mobile, mobile_e164 = _phone(rng, PHONES[country][1], country)
    street, town = rng.choice(STREETS)
    street = street.format(n=rng.randint(2, 480), s=rng.randint(1, 9))
    town = town.format(z=f"{rng.randint(1, 99):02d}", s=rng.randint(1, 9))
    office_line = f"{rng.choice(OFFICE_LABELS)} {office}".strip()
    mobile_line = f"{rng.choice(MOBILE_LABELS)} {mobile}"
    phones = [office_line, mobile_line]
    main = office_e164
    if rng.random() < 0.3:
        phones.reverse()
        main = mobile_e164
    details = [*phones, email, f"www.{domain}"]
    companies = [company, legal_name]
    size = (600, 1050) if layout == "portrait" else (1050, 600)
    card = Image.new("RGB", size, rng.choice(["white", (250, 248, 240), (240, 244, 250)]))
    draw = ImageDraw.Draw(card)
    ink = rng.choice([(20, 20, 30), (30, 40, 90), (60, 20, 20)])
    accent = rng.choice([(0, 90, 160), (170, 40, 40), (20, 110, 70), ink])

    def text(xy: tuple[float, float], words: str, size: int, bold: bool = False,
             colour: tuple[int, int, int] = ink, anchor: str = "la") -> None:
        room = {"l": card.width - 30 - xy[0], "r": xy[0] - 30,
                "m": 2 * min(xy[0], card.width - xy[0]) - 60}[anchor[0]]
        while size > 14 and draw.textlength(words, font=_font(face, size, bold)) > room:
            size -= 1  # set smaller to fit on the card
        draw.text(xy, words, fill=colour, font=_font(face, size, bold), anchor=anchor)

    def column(x: float, y: float, rows: list[str], size: int, anchor: str = "la") -> None:
        for row in rows:
            text((x, y), row, size, anchor=anchor)
            y += size + 12

    if layout == "classic":
        logo = company.upper() if rng.random() < 0.5 else company
        text((60, 50), logo, 50, bold=True, colour=accent)
        text((60, 190), name, 44, bold=True)
        text((60, 245), title, 30)
        column(60, 340, [*details, f"{street}, {town}"], 26)
        companies = [logo, company]
    elif layout == "centred":
        text((525, 150), name, 56, bold=True, anchor="mm")
        text((525, 215), title, 32, anchor="mm")
        column(525, 300, details[:3], 26, anchor="ma")
        text((525, 520), legal_name, 30, bold=True, colour=accent, anchor="mm")
        text((525, 560), f"{street} · {town}", 22, anchor="mm")
    elif layout == "columns":
        text((990, 50), company, 40, bold=True, colour=accent, anchor="ra")
        text((50, 260), name, 46, bold=True)
        text((50, 318), title, 28)
        column(600, 260, details, 26)
        text((50, 540), f"{street}, {town}", 22)
    elif layout == "acronym":
        initials = "".join(word[0] for word in company.split()).upper()
        text((60, 40), initials, 90, bold=True, colour=accent)
        text((60, 230), name, 44, bold=True)
        text((60, 285), title, 28)
        column(560, 230, details, 24)
        text((60, 530), f"{legal_name} · {street}", 22)
        text((60, 560), town, 22)
        companies = [legal_name, company]
    elif layout == "brand":
        brand = stem.upper()
        text((990, 45), brand, 64, bold=True, colour=accent, anchor="ra")
        text((60, 220), name, 44, bold=True)
        text((60, 275), title, 28)
        column(60, 360, [*details, f"{street}, {town}"], 24)
        companies = [brand]
    elif layout == "institute":
        top, bottom = rng.choice(INSTITUTES)
        text((60, 40), top, 38, bold=True, colour=accent)
        text((60, 88), bottom, 38, bold=True, colour=accent)
        text((60, 220), name, 42, bold=True)
        text((60, 272), title, 28)
        department = rng.choice(DEPARTMENTS)
        text((60, 312), department, 26)
        column(60, 380, details[:3], 24)
        text((60, 540), f"{street}, {town}", 22)
        companies = [f"{top} {bottom}"]
    elif layout == "shop":
        shop = f"{stem} {rng.choice(SHOP_TRADES)}"
        email = (f"{_compact(shop)}@{rng.choice(FREEMAIL)}" if rng.random() < 0.5
                 else f"{first.lower()}.{last.lower().replace('-', '')}@{rng.choice(FREEMAIL)}")
        title = rng.choice(SHOP_TITLES)
        text((525, 70), shop, 50, bold=True, colour=accent, anchor="ma")
        text((525, 200), name, 40, bold=True, anchor="ma")
        text((525, 250), title, 28, anchor="ma")
        column(525, 340, [*phones, email], 26, anchor="ma")
        text((525, 540), f"{street}, {town}", 22, anchor="ma")
        companies = [shop]
    elif layout == "department":
        text((60, 45), legal_name, 40, bold=True, colour=accent)
        text((60, 100), rng.choice(TEAMS), 26, colour=accent)
        text((60, 210), name.upper(), 42, bold=True)
        text((60, 262), title.upper(), 26)
        column(560, 350, details, 24)
        text((60, 540), f"{street}, {town}", 22)
    elif layout == "portrait":
        text((300, 70), company.upper(), 40, bold=True, colour=accent, anchor="ma")
        text((300, 330), name, 40, bold=True, anchor="ma")
        text((300, 385), title, 26, anchor="ma")
        column(300, 520, details, 24, anchor="ma")
        text((300, 900), street, 22, anchor="ma")
        text((300, 935), town, 22, anchor="ma")
        companies = [company.upper(), company]
    elif layout == "logo":
        brand = stem.upper() if rng.random() < 0.5 else stem.lower()
        text((60, 40), brand, 72, bold=True, colour=accent)
        text((60, 128), rng.choice(SLOGANS), 24, colour=accent)
        text((60, 230), name, 42, bold=True)
        text((60, 282), title, 28)
        column(60, 350, details[:3], 24)
        text((60, 555), f"{legal_name} · {street} · {town}", 18)
        companies = [legal_name, company, brand]
    elif layout == "title_first":
        text((990, 45), company, 40, bold=True, colour=accent, anchor="ra")
        text((60, 200), title, 26)
        text((60, 240), name, 46, bold=True)
        column(60, 340, [*details, f"{street}, {town}"], 24)
    elif layout == "one_line":
        sep = rng.choice([", ", " | ", " – "])
        text((60, 45), legal_name, 40, bold=True, colour=accent)
        text((60, 210), f"{name}{sep}{title}", 36, bold=True)
        column(60, 320, [*details, f"{street}, {town}"], 24)
    elif layout == "foreign_phones":
        office_label, mobile_label, fax_label = rng.choice(FOREIGN_LABELS)
        fax, _ = _phone(rng, PHONES[country][0], country)
        phones = [f"{office_label} {office}", f"{mobile_label} {mobile}", f"{fax_label} {fax}"]
        if rng.random() < 0.5:
            phones = [phones[2], phones[0], phones[1]]
        main = office_e164
        text((60, 45), legal_name, 42, bold=True, colour=accent)
        text((60, 190), name, 44, bold=True)
        text((60, 245), title, 28)
        column(560, 330, [*phones, email], 24)
        column(60, 330, [street, town, f"www.{domain}"], 24)
    elif layout == "university":
        institution, unit = rng.choice(UNIVERSITIES), rng.choice(UNIT_LINES)
        title = rng.choice(ACADEMIC_TITLES)
        domain = f"{_compact(institution.split()[0])}.ac.example"
        email = f"{first[0].lower()}.{last.lower().replace('-', '')}@{domain}"
        text((60, 40), institution, 40, bold=True, colour=accent)
        text((60, 95), unit, 28, colour=accent)
        text((60, 220), name, 44, bold=True)
        text((60, 272), title, 28)
        column(60, 350, [*phones, email, f"{street}, {town}"], 24)
        companies = [institution, f"{institution} {unit}", f"{unit}, {institution}"]
    elif layout == "spaced":
        spaced = "  ".join(" ".join(word.upper()) for word in company.split())
        text((525, 50), spaced, 34, bold=True, colour=accent, anchor="ma")
        text((525, 190), name, 46, bold=True, anchor="ma")
        text((525, 245), title, 28, anchor="ma")
        column(525, 330, [*details, f"{street}, {town}"], 24, anchor="ma")
        companies = [company, spaced]
    elif layout == "address_top":
        text((60, 40), legal_name, 40, bold=True, colour=accent)
        text((60, 95), street, 22)
        text((60, 125), town, 22)
        text((60, 240), name, 44, bold=True)
        text((60, 292), title, 28)
        column(560, 380, details, 24)
    elif layout == "other_domain":
        domain = f"{rng.choice(PARENTS)}.example"
        email = f"{first[0].lower()}{last.lower().replace('-', '')}@{domain}"
        details = [*phones, email, f"www.{domain}"]
        text((60, 45), company, 44, bold=True, colour=accent)
        text((60, 200), name, 44, bold=True)
        text((60, 255), title, 28)
        column(60, 340, [*details, f"{street}, {town}"], 24)
    else:  # tagline
        text((60, 45), company, 46, bold=True, colour=accent)
        text((60, 105), rng.choice(SLOGANS), 26, colour=accent)
        text((60, 220), title, 28)
        text((60, 260), name, 46, bold=True)
        column(60, 350, [*details, f"{street}, {town}"], 24)
    label = {"image": f"images/{number:03d}.png", "name": name, "emails_any_of": [[email]],
             "main_phone_any_of": [main], "company_spans": companies, "title_spans": [title],
             "layout": layout}
    return card, label


def write_cards(out: Path, count: int, layouts: tuple[str, ...] = LAYOUTS) -> None:
    (out / "images").mkdir(parents=True, exist_ok=True)
    labels = []
    for number in range(1, count + 1):
        card, label = make_card(number, layouts)
        card.save(out / label["image"])
        labels.append(label)
    (out / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cards", type=int, default=48)
    parser.add_argument("--extra", action="store_true",
                        help="draw the extra layouts (portrait, logo, title first, ...) instead")
    args = parser.parse_args(argv)
    write_cards(args.out, args.cards, EXTRA_LAYOUTS if args.extra else LAYOUTS)
    print(f"wrote {args.cards} invented cards to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
