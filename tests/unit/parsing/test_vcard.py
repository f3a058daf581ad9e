"""vcard.py: vCard 2.1, 3.0 and 4.0, several cards per file."""

from __future__ import annotations

from assistant.parsing.vcard import parse_vcards

V21 = """BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller
TEL;CELL:0171 2345678
EMAIL;INTERNET:J.Mueller@Example.de
ORG:Foo GmbH;Sales
TITLE:Vertriebsleiter
END:VCARD
"""
V30_V40 = """BEGIN:VCARD
VERSION:3.0
FN:Dr. Jane Doe
TEL;TYPE=CELL:(415) 555-0142
EMAIL:jane@acme.com
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Priya Raman
TEL;VALUE=uri;TYPE=cell:tel:+1-917-555-0148
URL:https://corvid.co/
END:VCARD
"""


def test_version_21_quoted_printable() -> None:
    (card,) = parse_vcards(V21, "DE")
    assert card.name == "Jürgen Müller"
    assert card.phones == ("+491712345678",)
    assert card.emails == ("j.mueller@example.de",)
    assert (card.company, card.title) == ("Foo GmbH", "Vertriebsleiter")


def test_several_cards_and_versions() -> None:
    jane, priya = parse_vcards(V30_V40, "US")
    assert (jane.name, jane.phones) == ("Jane Doe", ("+14155550142",))
    assert (priya.name, priya.phones, priya.urls) == (
        "Priya Raman", ("+19175550148",), ("https://corvid.co",))


def test_broken_card_text_gives_what_it_can() -> None:
    # Given a truncated card and text that is no card, When read, Then no error, no junk
    assert isinstance(parse_vcards("BEGIN:VCARD\nFN:Half", "US"), list)
    assert parse_vcards("not a vcard at all", "US") == []


def test_one_broken_card_does_not_lose_the_next() -> None:
    # Given a card with a line vobject cannot read, then a good card
    text = ("BEGIN:VCARD\nVERSION:3.0\nFN:Broken\nTEL;TYPE=\"cell\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nFN:Ben Carter\nEMAIL:ben@quillbotlabs.dev\nEND:VCARD\n")
    # When read, Then the good card is kept
    assert "Ben Carter" in [c.name for c in parse_vcards(text, "US")]
