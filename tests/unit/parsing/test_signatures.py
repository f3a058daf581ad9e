"""Signature detection on literal bodies: delimiters, mobile lines, sign-offs and name blocks in
English, German, French and Spanish."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.parsing.signatures import split_signature


def test_rfc3676_delimiter_splits_the_signature() -> None:
    # Given a body with a "-- " delimiter (RFC 3676 section 4.3)
    text = "Let's talk Friday.\n\n-- \nJane Doe\nCTO, Acme Robotics\n+1 415 555 0142"
    # When it is split
    body, signature = split_signature(text)
    # Then the body ends above the delimiter and the block is the signature
    assert body == "Let's talk Friday."
    assert signature == "-- \nJane Doe\nCTO, Acme Robotics\n+1 415 555 0142".strip()


@pytest.mark.parametrize(
    "mobile",
    [
        "Sent from my iPhone",
        "Von meinem iPhone gesendet",
        "Envoyé de mon iPhone",
        "Enviado desde mi iPhone",
        "Get Outlook for iOS",
        "Sent from my Samsung Galaxy smartphone.",
    ],
)
def test_mobile_client_lines_are_signatures(mobile: str) -> None:
    body, signature = split_signature(f"Yes, Friday works.\n\n{mobile}")
    assert (body, signature) == ("Yes, Friday works.", mobile)


def test_sentence_starting_like_a_mobile_line_is_text() -> None:
    text = "Here is another email\n\nSent from my desk, is much easier than from my phone."
    assert split_signature(text) == (text, None)


@pytest.mark.parametrize(
    ("closing", "name"),
    [
        ("Best regards,", "Jane"),
        ("Mit freundlichen Grüßen", "Klaus Müller"),
        ("Cordialement,", "Claire Martin"),
        ("Un saludo,", "Luis García"),
        ("Thanks!", "Roman"),
    ],
)
def test_sign_off_and_name_form_the_signature(closing: str, name: str) -> None:
    # Given a body closed by a sign-off and a name, in one of four languages
    body, signature = split_signature(f"Hi,\n\nThe deck is attached.\n\n{closing}\n{name}")
    # Then both lines are the signature
    assert body == "Hi,\n\nThe deck is attached."
    assert signature == f"{closing}\n{name}"


def test_closing_word_alone_on_the_last_line_is_text() -> None:
    text = "yes we're fine\n\nthanks"
    assert split_signature(text) == (text, None)


def test_name_block_without_delimiter_is_found() -> None:
    # Given a name followed by title, company and phone lines, and no delimiter
    text = ("Great meeting you today.\n\nJane Doe\nVP Marketing\nCorvid Inc.\n"
            "+1 (415) 555-0142\nwww.corvid.example")
    body, signature = split_signature(text)
    assert body == "Great meeting you today."
    assert signature is not None and signature.startswith("Jane Doe\nVP Marketing")


def test_sender_name_marks_the_start_of_the_signature() -> None:
    text = "Thanks Sasha, I can't go any higher.\n\nStavros Papadakis\nvia mobile"
    body, signature = split_signature(text, "Stavros Papadakis <s@example.com>")
    assert (body, signature) == ("Thanks Sasha, I can't go any higher.",
                                 "Stavros Papadakis\nvia mobile")


def test_dash_name_is_a_signature_but_a_dash_list_is_not() -> None:
    assert split_signature("Hey!\n-roman") == ("Hey!", "-roman")
    listing = "Bring:\n\n- A\n- B\n- C"
    assert split_signature(listing) == (listing, None)


@pytest.mark.parametrize("text", ["", "Hey man!", "--\nRoman"])
def test_short_bodies_have_no_signature(text: str) -> None:
    # A signature never starts on the first line: there must be text above it
    assert split_signature(text) == (text, None)


def test_newsletter_section_rule_is_not_a_signature() -> None:
    long_line = "For information on advertising in e-mail newsletters or other creative ads"
    text = f"News of the day.\n\nHOW TO ADVERTISE\n---------\n{long_line}\n{long_line}\n"
    assert split_signature(text)[1] is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=40)))
def test_split_never_raises_and_loses_no_text(text: str, sender: str | None) -> None:
    # Given any text and any sender
    body, signature = split_signature(text, sender)
    # Then the body is a prefix of the text and the signature comes from the rest
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    assert normalized.startswith(body) or body == text
    assert signature is None or signature in normalized


@pytest.mark.parametrize(
    ("text", "sender", "first_line"),
    [
        ("Danke für gestern.\n\nKlaus Müller\nGeschäftsführer\nBeispiel GmbH\nTel. +49 30 1234567",
         "Klaus Müller <k@beispiel.de>", "Klaus Müller"),
        ("Merci pour hier.\n\nBien à vous,\nClaire Martin\nDirectrice commerciale\n"
         "Tél. : +33 1 23 45 67 89", None, "Bien à vous,"),
        ("Gracias por la reunión.\n\nUn saludo,\nLuis García\nDirector de Ventas\n"
         "Móvil: +34 612 345 678", None, "Un saludo,"),
        ("Great to meet you!\n\nJane\n\nJane Doe | CTO | Acme Robotics\n"
         "m: +1 415 555 0142 | jane@acme.com", "Jane Doe <jane@acme.com>", "Jane"),
    ],
)
def test_cards_in_four_languages_start_where_the_closing_starts(text: str, sender: str | None,
                                                                first_line: str) -> None:
    signature = split_signature(text, sender)[1]
    assert signature is not None and signature.split("\n")[0] == first_line


def test_someone_elses_card_at_the_end_of_a_note_stays_in_the_note() -> None:
    # Given the owner's note ending with the contact's details, and the owner as sender
    text = ("Met Jane at the breakfast, she needs an SRE.\n\n"
            "Jane Doe\nCTO, Acme Robotics\njane@acme.com")
    # Then the contact's card is not taken for the owner's signature
    assert split_signature(text, "Olivia Owner <olivia@owner.example>") == (text, None)


def test_a_card_in_a_note_is_not_the_senders_for_a_shared_particle() -> None:
    from assistant.parsing.signatures import split_signature

    # Given Sanne de Wit's note holding Anouk de Jong's card ("de" in both names)
    body = ("Kaartje van de beurs:\n\nAnouk de Jong\nInkoper | Brouwerij Zonneveld\n"
            "T 020 555 7612\nanouk@zonneveld.nl\n")
    # Then the card stays in the note's text
    text, _signature = split_signature(body, "Sanne de Wit <sanne@dewit.nl>")
    assert "Anouk de Jong" in text
