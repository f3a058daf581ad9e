"""people.py: people named in the owner's own words, each with their passage's facts."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


def test_two_people_in_one_note() -> None:
    # Given a note naming two people with their details
    note = ("Met two people at the climate tech dinner: Jane Okafor (jane@gridwise.energy), COO at "
            "Gridwise; and Raj Patel (raj.patel@carbonlane.com), founder of Carbonlane, who is "
            "raising a seed round. I promised Raj an intro to Dana at Northwind.")
    # When people are found
    jane, raj = find_people(note, OWNER)
    # Then each gets their own fields, and the shared context
    assert (jane.name, jane.emails, jane.title, jane.company) == (
        "Jane Okafor", ["jane@gridwise.energy"], "COO", "Gridwise")
    assert (raj.name, raj.title, raj.company) == ("Raj Patel", "founder", "Carbonlane")
    assert raj.needs and raj.promises and not jane.needs
    assert jane.context and raj.context


def test_comma_listed_role_and_phone() -> None:
    (tom,) = find_people("- Tom Becker, VP Engineering @ Kraftwerk Data, tom@kw.com, "
                         "312-555-0190", OWNER)
    assert (tom.title, tom.company, tom.phones) == (
        "VP Engineering", "Kraftwerk Data", ["+13125550190"])


def test_owner_and_places_are_not_people() -> None:
    # Given a note mentioning the owner, a company and an event
    found = find_people("Sam Rivera met Acme Robotics folks at the Berlin Conference.", OWNER)
    # Then nobody is returned
    assert found == []


def test_known_names_need_no_cue() -> None:
    (sabine,) = find_people("Sabine ist Geschäftsführerin bei Medicor GmbH.", OWNER,
                            known=("Sabine Koch",))
    assert (sabine.name, sabine.title, sabine.company) == (
        "Sabine Koch", "Geschäftsführerin", "Medicor GmbH")


def test_labelled_lines() -> None:
    (carlos,) = find_people("Name: Carlos Mendes\nEmail: carlos@tidewater.io\n"
                            "Company: Tidewater Logistics\nTitle: Head of Operations", OWNER)
    assert (carlos.company, carlos.title) == ("Tidewater Logistics", "Head of Operations")


def test_imperatives_and_organisations_are_not_people() -> None:
    # Given notes naming an airline, a café and a to-do
    notes = [
        "Note to self: call United Airlines re refund.",
        "Flying to Berlin Monday for the Acme Robotics board meeting.",
        "Ask Michael Chen about the wholesale program, michael@bluebottle.com",
    ]
    # Then only the person is found, without the verb before his name
    found = [d.name for note in notes for d in find_people(note, OWNER)]
    assert found == ["Michael Chen"]


def test_shared_first_name_goes_to_the_person_named_last() -> None:
    # Given two people with the same first name, each followed by a remark using it alone
    note = ("- Peter Haddad, peter.haddad@bluefin.ai, VP Engineering at Bluefin Analytics. "
            "Peter is hiring a frontend lead.\n"
            "- Peter Chen, peter.chen@bluefin.ai, Director of Sales at Bluefin Analytics. "
            "Peter is looking for banks to pilot with.\n")
    # When people are found
    haddad, chen = find_people(note, OWNER)
    # Then each remark belongs to the Peter named just before it
    assert (haddad.name, haddad.needs) == ("Peter Haddad", ["frontend lead"])
    assert (chen.name, chen.needs) == ("Peter Chen", ["banks to pilot with"])


def test_names_in_turkish_polish_and_cyrillic_letters() -> None:
    # Given names whose letters lie outside Western European Latin
    note = ("Met Ayşe Yıldırım (ayse@korfez.com.tr) and Łukasz Wróbel (lukasz@wrobel.pl). "
            "Also met Ирина Волкова (i.volkova@sever.ru) at the expo.")
    # Then each name is read whole
    names = [p.name for p in find_people(note, OWNER)]
    assert names == ["Ayşe Yıldırım", "Łukasz Wróbel", "Ирина Волкова"]


def test_a_lower_case_name_set_apart_from_its_own_address_is_a_person() -> None:
    # Given names in lower case before their own address, after a dash or a space
    listed = find_people("- dave mcbride — dave@mcbridecanvas.com — 208-555-0162, wants a "
                         "distributor.", OWNER)
    run_on = find_people("met rosa delgado rosa@delgadopools.com 480 555 0137 at the pool "
                         "expo, wants a quote", OWNER)
    # Then each is a person with their details, and the number is no part of the context
    assert [(p.name, p.phones) for p in listed] == [("dave mcbride", ["+12085550162"])]
    assert [p.name for p in run_on] == ["rosa delgado"]
    assert run_on[0].context and "555" not in run_on[0].context


def test_the_company_a_person_runs_and_a_field_before_a_title_word() -> None:
    (oskar,) = find_people("Oskar Lund, oskar@fjellpack.no, runs Fjellpack; offers desks.",
                           OWNER)
    assert oskar.company == "Fjellpack"
    (priya,) = find_people("- Priya Desai (priya@ridgeline.com), sourcing lead at Ridgeline "
                           "Gear.", OWNER)
    assert (priya.name, priya.title, priya.company) == (
        "Priya Desai", "sourcing lead", "Ridgeline Gear")


def test_a_card_company_named_after_the_person_is_no_second_person() -> None:
    # Given a card whose company line starts with the person's surname
    card = ("Prof. Dr.-Ing. Jürgen Wiesmann\nLeiter Forschung & Entwicklung\n"
            "Wiesmann Antriebstechnik GmbH & Co. KG\nMobil: 0172 555 8090\n"
            "j.wiesmann@wiesmann-antriebe.de")
    owner = OwnerIdentity("Lena Vogel", ("lena@vogel.de",), "DE", ())
    # Then one person is read, with the company line as the company
    (juergen,) = find_people(card, owner)
    assert (juergen.name, juergen.company, juergen.emails) == (
        "Jürgen Wiesmann", "Wiesmann Antriebstechnik GmbH & Co. KG",
        ["j.wiesmann@wiesmann-antriebe.de"])


def test_a_promise_naming_its_receiver_first_is_theirs() -> None:
    nadia, tom = find_people("Met Nadia Rahman (nadia@tidewell.io) and Tom Ellery "
                             "(tom@greenspan.vc). I promised Nadia our pricing sheet.", OWNER)
    assert nadia.promises == ["our pricing sheet"] and tom.promises == []


def test_works_at_a_company_as_a_title() -> None:
    (dana,) = find_people("Met Dana Whitcombe (dana@pinegrove.org). She works at Pinegrove "
                          "Foundation as grants manager.", OWNER)
    assert (dana.title, dana.company) == ("grants manager", "Pinegrove Foundation")


def test_a_professional_prefix_is_not_part_of_the_name() -> None:
    owner = OwnerIdentity("Rafael Moura", ("r@m.pt",), "PT", ())
    (ines,) = find_people("Eng.ª Inês Carvalhal\nDiretora de Operações\nSoluções Atlântico, Lda.\n"
                          "inescarvalhal@solatlantico.pt", owner)
    assert ines.name == "Inês Carvalhal"


def test_a_company_sharing_the_persons_surname_on_a_one_line_card_is_no_person() -> None:
    owner = OwnerIdentity("Chiara Fontana", ("c@f.it",), "IT", ())
    people = find_people("Due contatti dal Vinitaly:\nMarta Sala - Export Manager, Vini Sala "
                         "S.p.A. - marta.sala@vinisala.it - 348 555 2290", owner)
    assert [(p.name, p.company) for p in people] == [("Marta Sala", "Vini Sala S.p.A.")]
    assert people[0].context


def test_the_company_a_person_runs_keeps_no_address_from_them() -> None:
    (gloria,) = find_people("bumped into Gloria Fuentes at the expo, she runs Desert Bloom "
                            "Landscaping (gloria@desertbloom.co, 602 555 0174).", OWNER)
    assert (gloria.name, gloria.emails, gloria.company) == (
        "Gloria Fuentes", ["gloria@desertbloom.co"], "Desert Bloom Landscaping")


def test_a_named_place_after_an_elided_article_is_no_person() -> None:
    # "dell'Agriturismo Ca' Venturi": the person's company, whose address the person gave
    (only,) = find_people("Piero Rossi, titolare dell'Osteria Ca' Bianca, piero@cabianca.it, "
                          "per un sito nuovo.", OWNER)
    assert (only.name, only.company, only.emails) == (
        "Piero Rossi", "Osteria Ca' Bianca", ["piero@cabianca.it"])


def test_a_company_opening_with_the_surname_is_no_person() -> None:
    (only,) = find_people("Anna Moretti, Titolare | Moretti Vetri, anna@morettivetri.it.", OWNER)
    assert (only.name, only.company) == ("Anna Moretti", "Moretti Vetri")


def test_a_slash_between_two_titles_joins_them() -> None:
    (only,) = find_people("Rosa Vidal (rosa@tintalab.es), CEO / cofundadora Tintalab.", OWNER)
    assert (only.title, only.company) == ("CEO / cofundadora", "Tintalab")


def test_a_title_with_two_fields_joined_by_an_ampersand() -> None:
    (only,) = find_people("Met Ben Ode, Head of Sales & Partnerships at Kelp Foods Ltd, "
                          "ben@kelpfoods.com.", OWNER)
    assert (only.title, only.company) == ("Head of Sales & Partnerships", "Kelp Foods Ltd")


def test_each_item_of_a_semicolon_list_is_a_person() -> None:
    people = find_people("Expo: Ana Ruiz, CFO, ana@lumo.es; Pablo Gil, carpintero, pablogil.es, "
                         "hola@pablogil.es, ofrece un presupuesto gratis.", OWNER)
    assert [(p.name, p.emails) for p in people] == [
        ("Ana Ruiz", ["ana@lumo.es"]), ("Pablo Gil", ["hola@pablogil.es"])]


def test_a_card_with_its_title_above_the_name_and_an_initial_address() -> None:
    (only,) = find_people("From the Leeds expo:\n\nFinance Director\nMarcus Ashdown-Reeve\n"
                          "Ashdown Tiles Ltd\nmreeve@ashdowntiles.co.uk\n", OWNER)
    assert (only.name, only.title, only.emails) == (
        "Marcus Ashdown-Reeve", "Finance Director", ["mreeve@ashdowntiles.co.uk"])
