"""Token features for the block labeller, one function per family (as parserator's
``tokens2features``): the word, its shape, gazetteers (title words, legal forms from cleanco,
organisation words), what the field's own libraries find (email-validator, phonenumbers, a URL),
the token's place in its line and the line's place in the block, and the neighbours'."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from assistant.parsing.labeller.tokens import SEPARATORS
from assistant.parsing.memo import short_text_memo

Line = list[tuple[int, str]]
_TITLE_EXTRA_WORDS = frozenset("""senior sr junior jr staff global regional managing general
deputy assistant interim executive associate vice of for and & product marketing sales
engineering growth operations partnerships business development people talent finance data design
communications research technology strategy content customer success technical software platform
security brand community digital innovation legal procurement hr it account accounts principal
overseas fleet claims risk analytics projects grid de des du del la el y et und für
einkauf vertrieb technik personal exportaciones operaciones acquisti financeira financiera
commerciale commercial technischer""".split())
_ORG_WORDS = frozenset("""group labs lab capital ventures partners systems technologies technology
solutions software robotics bank university school institute college hotel clinics clinic health
finance financial insurance mutual logistics realty properties hospital energy foods pharma
analytics consulting media studio agency holdings industries services marine build construction
design medical foundation fund network digital cloud telecom motors airlines trading kanzlei
logistiek tessuti maschinenbau druck software filhos söhne töchter sons brothers company
corporation pipeline gas power oil utilities exploration resources brouwerij bakkerij drukkerij
kwekerij panificio pasticceria tipografia cantina padaria oficina atelier""".split())
# Words that name an organisation's unit ("Regulatory Affairs", "Corporate Finance", "Gas
# Desk"): on a line of its own under a name, a unit is where the person works; after a title
# and a comma it is part of the title ("Vice President, Claims Operations").
_UNIT_WORDS = frozenset("""affairs relations operations finance treasury desk audit trading
department dept dept. development services management markets resources planning regulation
origination risk analysis support legal accounting compliance procurement research
engineering administration abteilung rechtsabteilung direction servicios""".split())
# How the names of occupations end ("Hydrologist", "Technician", "Auctioneer", "Analyst",
# "Inspector", "Curator").
_AGENT_ENDING = re.compile(r"(?:ist|ian|eer|yst|ary|visor|ector|ator|itor)$")
_LEGAL_EXTRA = frozenset("""gmbh kg ag se ug mbh sas sarl sa s.a. sl s.l. lda lda. srl s.r.l.
spa s.p.a. k.k. kk llp lp pvt pvt. ltd ltd. inc inc. llc corp corp. co co. plc bv b.v. nv n.v.
ab as asa oy oyj a/s aps partg mbb e.v. gbr ohg kgaa pty bhd""".split())
_PHONE_LABELS = frozenset("""t tel tel. phone ph m mob mobile cell office o direct d p mobil
handy tél téléphone teléfono telefono telefon móvil cel celular portable telephone""".split())
_FAX_LABELS = frozenset({"f", "fax", "telefax", "télécopie", "facsimile"})
# Letters after a name ("Jane Doe, CFA"): a qualification, not the person's title.
_POSTNOMINALS = frozenset("""cfa cpa phd ph.d. mba md m.d. pe p.e. esq esq. jd j.d. cfp pmp
llm ll.m. rn dds frcs msc m.sc. bsc acca aca cima cissp""".split())
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "herr", "frau", "mme", "m.",
                         "sr", "sra", "dott", "ing", "mevr", "dhr", "sig", "sig.ra", "dott.ssa"})
# Lower-case particles inside a surname ("von Bredow", "de la Rosa", "van der Laan").
_NAME_PARTICLES = frozenset("""von van de der den da di du la le del della dos das ter ten
zu""".split())
_URL = re.compile(r"(?i)^(?:https?://|www\.)|^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|de|fr|es|"
                  r"co|ai|uk|it|nl|pt|ie|se|no|jp|cn|mx|cl|vc|health|energy)(?:/\S*)?$")


@lru_cache(maxsize=1)
def legal_forms() -> frozenset[str]:
    """Legal-form suffixes in every language cleanco knows, plus common spellings."""
    from cleanco.termdata import terms_by_type

    terms = {t.strip().lower() for values in terms_by_type.values() for t in values}
    return frozenset(t for t in terms if " " not in t) | _LEGAL_EXTRA


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """gender-guesser's list of given names in many languages (a gazetteer, not a guess),
    read from its data file as its Detector reads it (a "+" joins spellings: none, space,
    hyphen), without the Detector's per-country tables: about 25 MB less in every worker."""
    from importlib import resources

    names: set[str] = set()
    data = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if not line or line[0] in "#=":
                continue
            name = line.split()[1].lower()
            names.update(name.replace("+", joint) for joint in ("", " ", "-"))
    return frozenset(names)


@lru_cache(maxsize=8192)
def is_given_name(token: str) -> bool:
    word = token.strip(".,:;()")
    if len(word) < 2 or not word.replace("-", "").isalpha():
        return False
    # "Jean-Baptiste", "Karl-Heinz": a compound given name, listed whole or by its first part
    return word.lower() in given_names() or word.split("-")[0].lower() in given_names()


def word_features(token: str) -> list[str]:
    low = token.lower().strip(",:")
    return [f"w={low}", f"suffix3={low[-3:]}", f"len={min(len(low), 8)}"]


def shape_features(token: str) -> list[str]:
    letters = [c for c in token if c.isalpha()]
    if token in SEPARATORS:
        shape = "sep"
    elif not letters:
        shape = "digits" if any(c.isdigit() for c in token) else "punct"
    elif token.lower() == token.upper():
        shape = "uncased"
    elif all(c.isupper() for c in letters):
        shape = "upper" if len(letters) > 1 else "initial"
    elif letters[0].isupper():
        shape = "title"
    else:
        shape = "lower"
    out = [f"shape={shape}"]
    if token.endswith(":"):  # "Company:" labels a field; "Company" ends a name
        out.append("colon")
    if shape in {"title", "upper"} and _AGENT_ENDING.search(token.lower()):
        out.append("agent_ending")
    if token.endswith("."):
        out.append("dot")
    if any(c.isdigit() for c in token):
        out.append("has_digit")
    return out


def gazetteer_features(token: str) -> list[str]:
    from assistant.parsing.contacts import LABELLER_TITLE_WORD as TITLE_WORD

    low = token.lower().strip(",:")
    out = []
    if TITLE_WORD.match(token.strip(",")) or TITLE_WORD.match(token.strip(",").capitalize()):
        out.append("title_word")
    if low in _TITLE_EXTRA_WORDS:
        out.append("title_extra")
    if low in legal_forms():
        out.append("legal_form")
    if low in _ORG_WORDS:
        out.append("org_word")
    if low in _UNIT_WORDS:
        out.append("unit_word")
    if low.rstrip(".") in _HONORIFICS:
        out.append("honorific")
    if low in _POSTNOMINALS:
        out.append("postnominal")
    if is_given_name(token):
        out.append("given_name")
    if low.rstrip(".:") in _PHONE_LABELS:
        out.append("phone_label")
    if low.rstrip(".:") in _FAX_LABELS:
        out.append("fax_label")
    if token in {"&", "+"}:
        out.append("ampersand")
    if token in _NAME_PARTICLES:
        out.append("name_particle")
    return out


def library_features(token: str, phone_tokens: set[int], offset: int) -> list[str]:
    out = []
    if "@" in token and _is_email(token):
        out.append("email")
    elif _URL.match(token.strip("<>")):
        out.append("url")
    if offset in phone_tokens:
        out.append("phone")
    return out


@lru_cache(maxsize=1024)
def _is_email(token: str) -> bool:
    try:
        validate_email(token.strip("<>(),;:"), check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def phone_offsets(line: str, tokens: Line, region: str) -> set[int]:
    """Offsets of the tokens inside a number phonenumbers finds in the line."""
    found: set[int] = set()
    for start, end in _phone_ranges(line, region):
        found.update(o for o, _ in tokens if start <= o < end)
    return found


@short_text_memo(1024)
def _phone_ranges(line: str, region: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each number phonenumbers finds in the line (read once per line)."""
    found: list[tuple[int, int]] = []
    if not any(map(str.isdigit, line)):  # phonenumbers finds no number without a digit
        return ()
    try:
        for match in phonenumbers.PhoneNumberMatcher(line, region or "US"):
            found.append((match.start, match.end))
    except Exception:  # noqa: BLE001 - an odd region: no phones on this line
        return tuple(found)
    return tuple(found)


def position_features(index: int, count: int, line_index: int, lines: int) -> list[str]:
    return [f"tok={min(index, 3)}", f"tok_from_end={min(count - 1 - index, 3)}",
            f"line={min(line_index, 4)}", f"line_from_end={min(lines - 1 - line_index, 3)}",
            f"line_len={min(count, 6)}"]


@lru_cache(maxsize=1024)
def _positions(index: int, count: int, line_index: int, lines: int) -> tuple[str, ...]:
    """``position_features`` made once per place (the same few places come back in every block)."""
    return tuple(position_features(index, count, line_index, lines))


def comma_features(tokens: Line, index: int) -> list[str]:
    """Whether a comma came before the token on its line ("Senior Director, Risk Analytics":
    what follows a title's comma is its unit or the company)."""
    return ["after_comma"] if any(t == "," for _, t in tokens[:index]) else []


_FIELD_BREAKS = frozenset({"|", "·", "•", "-", "–", "—", ";"})


def field_features(tokens: Line, index: int) -> list[str]:
    """Which of a one-line card's fields the token is in ("Name - Title - Company - ..."):
    the fields set apart by dashes or bars before it, on a line of three breaks or more (a
    card's "Title | Company" line is not a one-line card)."""
    if sum(1 for _, t in tokens if t in _FIELD_BREAKS) < _ONE_LINE_CARD_BREAKS:
        return []
    before = sum(1 for _, t in tokens[:index] if t in _FIELD_BREAKS)
    return [f"field={min(before, 3)}"]


_ONE_LINE_CARD_BREAKS = 3


def line_features(summary: dict[str, bool]) -> list[str]:
    return [f"line_{key}" for key, value in sorted(summary.items()) if value]


def block_features(lines: list[tuple[str, Line]], region: str) -> list[list[list[str]]]:
    """Features of every token of every line, with the neighbours' own features."""
    out: list[list[list[str]]] = []
    for line_index, (line, tokens) in enumerate(lines):
        own, tails, lead = _line_features(line, tuple(tokens), region)
        rows = []
        for index, features in enumerate(own):
            place = index - lead if index >= lead else index
            rows.append(["bias", *features, *_positions(place, len(tokens) - lead,
                                                        line_index, len(lines)),
                         *tails[index]])
        out.append(rows)
    return out


@short_text_memo(512)
def _line_features(line: str, tokens: tuple[tuple[int, str], ...], region: str
                   ) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], int]:
    """What ``block_features`` reads of one line whatever its place in the block, once per
    line: each token's own features, the features after its position ones, and the lead."""
    tails: list[tuple[str, ...]] = []
    phones = phone_offsets(line, list(tokens), region)
    own = [[*_token_features(t), *library_features(t, phones, o)] for o, t in tokens]
    letters = [c for c in line if c.isalpha()]
    summary = {
        "email": any("email" in f for f in own), "phone": bool(phones),
        "upper": bool(letters) and all(c.isupper() for c in letters),
        "sep": any(t in SEPARATORS for _, t in tokens),
        "title": any("title_word" in f for f in own),
        "legal": any("legal_form" in f for f in own)}
    summary["first_title"] = bool(own) and "title_word" in own[0]
    # "Herr Dr. Ole Brandt | ...": a name's place on its line is counted after its honorifics
    lead = next((i for i, f in enumerate(own) if "honorific" not in f), len(own))
    on_line = line_features(summary)
    # what _neighbour, comma_features and field_features give each token, in one pass over
    # the line rather than one per token (a note's paragraph line has dozens of tokens)
    shared = [[f for f in row if f.startswith(_NEIGHBOUR_KEYS)] for row in own]
    before = [[f"-1:{f}" for f in row] for row in shared]
    after = [[f"+1:{f}" for f in row] for row in shared]
    one_line_card = sum(1 for _, t in tokens if t in _FIELD_BREAKS) >= _ONE_LINE_CARD_BREAKS
    comma_before, breaks_before = False, 0
    for index, (_, token) in enumerate(tokens[: len(own)]):
        row = [*on_line, *(before[index - 1] if index > 0 else ("-1:edge",)),
               *(after[index + 1] if index + 1 < len(own) else ("+1:edge",))]
        if comma_before:
            row.append("after_comma")
        if one_line_card:
            row.append(f"field={min(breaks_before, 3)}")
        tails.append(tuple(row))
        comma_before = comma_before or token == ","
        breaks_before += token in _FIELD_BREAKS
    return tuple(map(tuple, own)), tuple(tails), lead


@lru_cache(maxsize=4096)
def _token_features(token: str) -> tuple[str, ...]:
    """The features of a token that depend on the token alone (read once per distinct token)."""
    return (*word_features(token), *shape_features(token), *gazetteer_features(token))


_NEIGHBOUR_KEYS = ("w=", "shape=", "title_word", "title_extra", "legal_form", "org_word",
                   "phone", "email", "honorific", "phone_label", "fax_label", "given_name",
                   "agent_ending", "unit_word", "postnominal", "name_particle")


def _neighbour(tag: str, own: list[list[str]], index: int) -> list[str]:
    if not 0 <= index < len(own):
        return [f"{tag}:edge"]
    return [f"{tag}:{f}" for f in own[index] if f.startswith(_NEIGHBOUR_KEYS)]
