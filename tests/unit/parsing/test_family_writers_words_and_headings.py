"""What a forwarded message's writer needs and offers in their own words ("We need a partner
for ...", "We can offer ...", "Tražimo ..."), a copied colleague "is our export manager", a
list's heading "Notes from the Tartu startup evening:", a card's heading "Carte de visite
(salon ...)" or "the card I got at the ... expo (remark)", a form of address on the heading's
line, and English words ending in "-tage" that are no German event (examples in
tests/corpus/dev)."""

from __future__ import annotations

from assistant.parsing.context import (
    _EVENT_WORD,
    card_occasion,
    heading_occasion,
    writers_needs,
    writers_offers,
)


def test_what_the_writer_needs_and_offers() -> None:
    text = ("Thanks for the chat at the fair. We need a partner for cold storage in Gdańsk. We "
            "can offer spare pallet space in our Poznań hub to your clients.")
    assert writers_needs(text) == ("a partner for cold storage in Gdańsk",)
    assert writers_offers(text) == ("spare pallet space in our Poznań hub to your clients",)
    assert writers_needs("We need to redo the website first.") == ()


def test_we_are_looking_for_in_slavic_languages_and_romanian() -> None:
    assert writers_needs("hvala na razgovoru. Tražimo uvoznika za naša vina u Njemačkoj.") == (
        "uvoznika za naša vina u Njemačkoj",)
    assert writers_needs("Dziękuję. Szukamy dystrybutora w Czechach.") == (
        "dystrybutora w Czechach",)


def test_a_lists_heading_names_where_it_is_from() -> None:
    assert heading_occasion("Notes from the Tartu startup evening:\n1) ") == (
        "Tartu startup evening")
    assert heading_occasion("Three from the Nizwa heritage tourism forum:\n1. ") == (
        "Nizwa heritage tourism forum")
    assert heading_occasion("Notes from Anna:\n") is None


def test_a_form_of_address_after_the_heading_on_its_line() -> None:
    assert heading_occasion("At the Pärnu women in energy evening: Dr. ") == (
        "At the Pärnu women in energy evening")


def test_card_headings_with_the_occasion_in_brackets_or_got_at() -> None:
    assert card_occasion("Carte de visite (salon du tourisme, Victoria) :\n\nM. Didier\n") == (
        "salon du tourisme, Victoria")
    assert card_occasion("Typed from the card I got at the Pokhara trekking expo (front in "
                         "Nepali, back in English):\n\nBikash Gurung\n") == "Pokhara trekking expo"
    assert card_occasion("Card (two columns):\n\nJo Hale\n") is None


def test_english_words_ending_in_tage_are_no_event() -> None:
    assert _EVENT_WORD.findall("Falaj Heritage Tours, a vintage cottage") == []
    assert _EVENT_WORD.findall("am Mittelstandstag") == ["Mittelstandstag"]


def test_what_the_writer_would_be_glad_to_do_can_provide_or_still_looks_for() -> None:
    assert writers_offers("Great to meet you. We'd be glad to do a free security review for one "
                          "of your clients.") == ("a free security review for one of your clients",)
    assert writers_offers("Merci. Nous pouvons fournir des échantillons de fil biologique.") == (
        "des échantillons de fil biologique",)
    assert writers_needs("We're still looking for a reseller in Romania, so do keep us in "
                         "mind.") == ("a reseller in Romania",)
