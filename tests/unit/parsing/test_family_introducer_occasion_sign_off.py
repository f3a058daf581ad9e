""""Onalenna Dube recommended a few people at ...": the introducer of everyone listed; "café
franchising" is a trade, not a meeting; "Tarjeta que me dio en el foro ...": where the card came
from; a signer's short name above the full one is no title (examples in tests/corpus/dev)."""

from __future__ import annotations

from email.message import EmailMessage

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message
from assistant.parsing.context import card_occasion, meeting_context
from assistant.parsing.signature_fields import mine_signature

OWNER = OwnerIdentity(name="Kagiso Molefe", addresses=("kagiso@molefeadvisory.example",),
                      region="BW", assistant_addresses=("contacts@molefeadvisory.example",))


def note(body: str) -> bytes:
    message = EmailMessage()
    message["From"] = "Kagiso Molefe <kagiso@molefeadvisory.example>"
    message["To"] = "contacts@molefeadvisory.example"
    message["Subject"] = "people"
    message.set_content(body)
    return bytes(message)


def test_who_recommended_a_few_people_introduced_each() -> None:
    parsed = parse_message(note(
        "Not met yet. Onalenna Dube recommended a few people at Kgale Solar: Boitumelo Sebina, "
        "head of projects, boitumelo@kgalesolar.co.bw, and Neo Kgosi, finance manager, "
        "neo@kgalesolar.co.bw.\n"), OWNER)
    assert [(c.name, c.introduced_by) for c in parsed.contacts] == [
        ("Boitumelo Sebina", "Onalenna Dube"), ("Neo Kgosi", "Onalenna Dube")]


def test_a_cafe_as_a_trade_is_no_meeting() -> None:
    assert meeting_context("I promised him our notes on café franchising.") is None
    assert meeting_context("Met Ciarán for a café in Salthill.") is not None


def test_the_card_someone_gave_at_an_event() -> None:
    assert card_occasion("Tarjeta que me dio en el foro minero de Oruro:\n\nLic. Rosa ...\n") == (
        "foro minero de Oruro")
    assert card_occasion("Card she gave me at the Leeds food fair:\n\nJo Hale\n") == (
        "Leeds food fair")


def test_a_short_name_signed_above_the_full_one_is_no_title() -> None:
    facts = mine_signature("Best,\nTafa\n\nTafadzwa Chikomba\nDirector at Mukwa Ventures\n"
                           "+263 77 555 0123\n", "Tafadzwa Chikomba", "ZW")
    assert (facts.title, facts.company) == ("Director", "Mukwa Ventures")
