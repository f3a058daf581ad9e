"""The block labeller: tokens, features, tagging, the shipped model's record, and the blocks
the line rules read wrong (each a literal input)."""

from __future__ import annotations

import json

from assistant.domain import OwnerIdentity
from assistant.parsing.labeller.features import block_features, legal_forms
from assistant.parsing.labeller.tagger import MODEL_PATH, read_block
from assistant.parsing.labeller.tokens import spans, tokenize
from assistant.parsing.labeller.train import RECORD_PATH, _sha256
from assistant.parsing.people import find_people
from assistant.parsing.signature_fields import mine_signature

OWNER = OwnerIdentity(name="Sam Rivera", addresses=("sam@example.com",), region="US")


def test_separators_are_tokens_and_words_keep_their_dots() -> None:
    assert tokenize("Ortega Build Co. | General Contractor") == [
        "Ortega", "Build", "Co.", "|", "General", "Contractor"]
    assert tokenize("Marcus Bell - Head of Product, Tiller Finance") == [
        "Marcus", "Bell", "-", "Head", "of", "Product", ",", "Tiller", "Finance"]
    assert tokenize("co-founder") == ["co-founder"]


def test_features_use_the_libraries_and_gazetteers() -> None:
    line = "Weiß & Söhne KG | +49 89 5554 3210 | j@weiss.de"
    (rows,) = block_features([(line, spans(line))], "DE")
    assert "legal_form" in rows[3] and "phone" in rows[5] and "email" in rows[-1]
    assert "gmbh" in legal_forms()


def test_the_shipped_model_is_small_and_recorded() -> None:
    # (its load time is measured by `benchmarks/parse_bench.py`: labeller_load_ms)
    record = json.loads(RECORD_PATH.read_text())
    assert record["model"]["sha256"] == _sha256(MODEL_PATH)
    assert MODEL_PATH.stat().st_size < 1_000_000


def test_capitals_card() -> None:
    block = read_block("DR. EMILY CHEN\nChief Medical Officer\nVerdant Clinics\nT 312 555 0133")
    assert (block.name, block.title, block.company) == (
        "EMILY CHEN", "Chief Medical Officer", "Verdant Clinics")


def test_german_card_with_title_and_legal_form_on_one_line() -> None:
    facts = mine_signature("Jürgen Weiß\nGeschäftsführer, Weiß & Söhne KG\nTel. 089 5554321",
                           "Jürgen Weiß", "DE")
    assert (facts.title, facts.company, facts.phones) == (
        "Geschäftsführer", "Weiß & Söhne KG", ("+49895554321",))


def test_company_then_title_after_a_pipe() -> None:
    facts = mine_signature("Luis Ortega\nOrtega Build Co. | General Contractor\nCell 480-555-0100",
                           "Luis Ortega", "US")
    assert (facts.title, facts.company) == ("General Contractor", "Ortega Build Co.")


def test_a_title_containing_a_comma_stays_one_title() -> None:
    facts = mine_signature("Ruth Adler\nVice President, Claims Operations\nGranite Mutual",
                           "Ruth Adler", "US")
    assert (facts.title, facts.company) == ("Vice President, Claims Operations", "Granite Mutual")


def test_a_card_with_particles_and_a_title_joining_two_areas_is_one_person() -> None:
    # Given a card whose surname has lower-case particles and whose title has "and" in it
    people = find_people("Met him at the summit.\n\nTobias van der Meer\n"
                         "Director, Programs and Outreach\nHeathland Trust\n"
                         "tobias@heathland.org\n(303) 555-0144", OWNER)
    # Then one person is read, with the whole title and the company
    (tobias,) = people
    assert (tobias.name, tobias.title, tobias.company, tobias.emails) == (
        "Tobias van der Meer", "Director, Programs and Outreach", "Heathland Trust",
        ["tobias@heathland.org"])


def test_one_line_note_with_honorifics_particles_and_a_compound_given_name() -> None:
    (henrike,) = find_people("Frau Dr. Henrike von Bredow | Inhaberin | Bredow Solar GmbH | "
                             "+49 (0)511 555 4410 | hvb@bredow-solar.de",
                             OwnerIdentity(name="Lena Vogel", addresses=("l@v.de",), region="DE"))
    assert (henrike.name, henrike.title, henrike.company, henrike.phones) == (
        "Henrike von Bredow", "Inhaberin", "Bredow Solar GmbH", ["+495115554410"])
    (anne,) = find_people("Anne-Laure Giraud – directrice, Studio Pluvier – al@pluvier.fr",
                          OwnerIdentity(name="Claire Morel", addresses=("c@m.fr",), region="FR"))
    assert (anne.name, anne.title, anne.company) == ("Anne-Laure Giraud", "directrice",
                                                     "Studio Pluvier")


def test_a_unit_line_gives_way_to_the_company_with_its_legal_form() -> None:
    block = read_block("Marcos Soler\nJefe de Compras\nDepartamento Comercial\n"
                       "Soler Interiores S.L.\nTel. 961 555 320", "ES")
    assert block.company == "Soler Interiores S.L."
    kept = read_block("Nadia Faris\nSenior Counsel\nHollis Energy Corp. - Structured Trading")
    assert kept.company == "Hollis Energy Corp. - Structured Trading"


def test_a_one_line_card_with_a_double_surname_and_an_honorific() -> None:
    block = read_block("Sra. Inés Robles de la Fuente - Jefa de Ventas - Textiles Sol S.L. - "
                       "91 555 23 41 - ines@textilessol.es", "ES")
    assert (block.name, block.title, block.company) == (
        "Inés Robles de la Fuente", "Jefa de Ventas", "Textiles Sol S.L.")


def test_a_company_named_after_the_person_after_a_bar() -> None:
    block = read_block("Tobias Brandt\nLeitung Einkauf | Brandt Logistik GmbH\n"
                       "Tel.: +49 (0)40 555 21 90", "DE")
    assert (block.title, block.company) == ("Leitung Einkauf", "Brandt Logistik GmbH")


def test_fax_is_not_a_phone() -> None:
    facts = mine_signature("MARGARET O'NEILL\nMANAGING DIRECTOR\nTEL +1 212 555 0161\n"
                           "FAX +1 212 555 0162", "Margaret O'Neill", "US")
    assert facts.phones == ("+12125550161",)


def test_one_line_note_names_the_person_not_the_company() -> None:
    (marcus,) = find_people("Marcus Bell - Head of Product, Tiller Finance - "
                            "marcus@tillerfinance.com - 312 555 0190", OWNER)
    assert (marcus.name, marcus.title, marcus.company, marcus.emails, marcus.phones) == (
        "Marcus Bell", "Head of Product", "Tiller Finance", ["marcus@tillerfinance.com"],
        ["+13125550190"])


def test_capitals_card_in_a_note_is_a_person() -> None:
    (emily,) = find_people("Met at the clinic summit:\n\nDR. EMILY CHEN\nChief Medical Officer\n"
                           "Verdant Clinics\nT 312 555 0133\nemily.chen@verdantclinics.com", OWNER)
    assert (emily.title, emily.company, emily.phones) == (
        "Chief Medical Officer", "Verdant Clinics", ["+13125550133"])
    assert emily.name and emily.name.casefold() == "emily chen"


def test_a_number_labelled_facsimile_after_it_is_a_fax() -> None:
    facts = mine_signature("Ryan Ortiz\nSenior Geologist\nWest Basin Geoscience\n"
                           "713.555.0139 Telephone\n713.555.0110 Facsimile", "Ryan Ortiz", "US")
    assert facts.phones == ("+17135550139",)


def test_the_senders_card_is_found_above_older_quoted_mail() -> None:
    from assistant.parsing.thread import sender_card

    # Given a message whose card is followed by a quoted Lotus Notes header, not a signature
    text = ("Please review.\n\nRosa M. Delgado\nCompliance Specialist\nAcme North America Corp.\n"
            "713-555-0194 Phone\n\n\tLena Fairbanks\n\t04/17/2001 04:20 PM\n")
    # When the card is looked for with only the sender's address
    card = sender_card(text, ("", "rosa.delgado@acme.com"))
    # Then it is the name line and the short lines under it, up to the quoted header
    assert card == ("Rosa M. Delgado\nCompliance Specialist\nAcme North America Corp.\n"
                    "713-555-0194 Phone")


def test_training_is_deterministic(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from assistant.parsing.labeller.train import examples, fit

    # Given the first labelled blocks, trained twice into two files
    blocks = examples()[:60]
    fit(blocks, tmp_path / "a.crfsuite")
    fit(blocks, tmp_path / "b.crfsuite")
    # Then the two models are byte-identical
    assert (tmp_path / "a.crfsuite").read_bytes() == (tmp_path / "b.crfsuite").read_bytes()
