"""signature_fields.py: a contact's signature mined for title, company, phones and links."""

from __future__ import annotations

from assistant.parsing.signature_fields import mine_signature


def test_stacked_signature() -> None:
    facts = mine_signature("Peter Novak\nIT Director\nCastellum IT Services\n"
                           "Office: +1 214-555-0158", "Peter Novak", "US")
    assert (facts.title, facts.company, facts.phones) == (
        "IT Director", "Castellum IT Services", ("+12145550158",))


def test_one_line_card() -> None:
    facts = mine_signature("Leo Fischer | CEO | Quantum Leaf AI | +1 617 555 0102",
                           "Leo Fischer", "US")
    assert (facts.title, facts.company) == ("CEO", "Quantum Leaf AI")
    assert facts.phones == ("+16175550102",)


def test_title_at_company_and_links() -> None:
    facts = mine_signature("Noah Williams\nPrincipal Architect at CloudForge\nm: 720-555-0166\n"
                           "https://cloudforge.dev\nlinkedin.com/in/noahw", "Noah Williams", "US")
    assert (facts.title, facts.company) == ("Principal Architect", "CloudForge")
    assert facts.urls == ("https://cloudforge.dev", "https://linkedin.com/in/noahw")


def test_german_signature() -> None:
    facts = mine_signature("Mit freundlichen Grüßen\nKatrin Hoffmann\nLeiterin Personal\n"
                           "Nordlicht Software GmbH\nTel. 040 12345678", "Katrin Hoffmann", "DE")
    assert (facts.title, facts.company, facts.phones) == (
        "Leiterin Personal", "Nordlicht Software GmbH", ("+494012345678",))


def test_a_rule_line_and_a_legal_form_after_a_comma() -> None:
    from assistant.parsing.signature_fields import mine_signature

    facts = mine_signature("--\nMarguerite Osei\nDirector, Risk & Compliance\n"
                           "Halcyon Bank Holdings, Inc.\nhalcyonbank.com", "Marguerite Osei", "US")
    assert (facts.title, facts.company) == ("Director, Risk & Compliance",
                                            "Halcyon Bank Holdings, Inc.")
    assert facts.urls == ("https://halcyonbank.com",)


def test_a_company_with_its_legal_form_after_a_comma_is_kept_whole() -> None:
    facts = mine_signature("Lucía Ferrán\nJefa de Ventas · Conservas Ribera, S.L.\n"
                           "Tel. 986 55 31 20", "Lucía Ferrán", "ES")
    assert (facts.title, facts.company) == ("Jefa de Ventas", "Conservas Ribera, S.L.")


def test_a_sole_traders_legal_form_ends_the_company_line() -> None:
    facts = mine_signature("Anja Wendt\nInhaberin\nBlumenhaus Wendt e.K.\nTel. 0711 555 31 20",
                           "Anja Wendt", "DE")
    assert (facts.title, facts.company) == ("Inhaberin", "Blumenhaus Wendt e.K.")


def test_a_title_line_under_a_lone_signoff_name_stays_the_title() -> None:
    facts = mine_signature("Joris\n\nJoris Dekker\nPrincipal | Dekker Capital\n+31 20 555 7710",
                           "Joris Dekker", "NL")
    assert (facts.title, facts.company) == ("Principal", "Dekker Capital")
