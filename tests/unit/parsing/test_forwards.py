"""Forward unwrapping on literal bodies, one per client format and language."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.parsing.forwards import Forward, unwrap_forward

GMAIL = """Jane is the CTO I told you about, follow up next week.

---------- Forwarded message ---------
From: Jane Doe <jane@acme.com>
Date: Tue, Mar 5, 2024 at 9:12 AM
Subject: Intro call
To: Olivia Owner <olivia@owner.example>
Cc: Sam Roe <sam@acme.com>


Hi Olivia, great meeting you at the breakfast.

Jane
"""

OUTLOOK_DE = """Bitte merken: Herr Müller sucht einen Steuerberater.

________________________________
Von: Klaus Müller <klaus.mueller@beispiel.de>
Gesendet: Dienstag, 5. März 2024 10:15
An: Olivia Owner <olivia@owner.example>
Betreff: Unser Gespräch

Guten Tag, danke für das Gespräch.
"""

OUTLOOK_FR = """Voir ci-dessous.

-----Message d'origine-----
De : Claire Martin <claire@exemple.fr>
Envoyé : mardi 5 mars 2024 10:15
À : Olivia Owner <olivia@owner.example>
Objet : Notre rencontre

Bonjour Olivia,
"""

OUTLOOK_ES = """Mira esto.

-----Mensaje original-----
De: "Luis García" <luis@ejemplo.es>
Enviado: martes, 5 de marzo de 2024 10:15
Para: Olivia Owner <olivia@owner.example>
Asunto: Reunión

Hola Olivia,
"""

APPLE_QUOTED = """FYI

> Begin forwarded message:
>
> From: "Some One" <some.one@example.com>
> Subject: Lunch
> Date: 1 August 2023 at 23:28:15 GMT-7
> To: "Other Person" <other@example.com>
>
> Lunch on Friday?

Text below the forward
"""

THUNDERBIRD = """-------- Forwarded Message --------
Subject: 	Newsletter
Date: 	Fri, 19 Jun 2009 19:16:04 +0200
From: 	Ann Lee <ann@example.com>
To: 	olivia@owner.example

OHAI
"""

YAHOO = """See below

----- Forwarded Message -----
From: Bob Smith <bob@example.com>
To: olivia@owner.example
Sent: Monday, March 4, 2024, 10:00:00 AM PST
Subject: Hello

Hi there
"""


def test_gmail_forward_gives_every_embedded_field_and_the_note() -> None:
    # Given a Gmail forward with a note above it
    # When it is unwrapped
    found = unwrap_forward(GMAIL)
    # Then the embedded header fields are kept as written, and the note is the text above
    assert found == Forward(
        note="Jane is the CTO I told you about, follow up next week.",
        sender="Jane Doe <jane@acme.com>",
        to="Olivia Owner <olivia@owner.example>",
        cc="Sam Roe <sam@acme.com>",
        date="Tue, Mar 5, 2024 at 9:12 AM",
        subject="Intro call",
        body="Hi Olivia, great meeting you at the breakfast.\n\nJane",
    )
    assert found.sender_address == "jane@acme.com"


@pytest.mark.parametrize(
    ("text", "address", "subject", "note"),
    [
        (OUTLOOK_DE, "klaus.mueller@beispiel.de", "Unser Gespräch",
         "Bitte merken: Herr Müller sucht einen Steuerberater."),
        (OUTLOOK_FR, "claire@exemple.fr", "Notre rencontre", "Voir ci-dessous."),
        (OUTLOOK_ES, "luis@ejemplo.es", "Reunión", "Mira esto."),
        (YAHOO, "bob@example.com", "Hello", "See below"),
    ],
)
def test_localized_outlook_and_yahoo_headers_are_read(text: str, address: str, subject: str,
                                                      note: str) -> None:
    # Given a forward whose header names are German, French, Spanish or Yahoo's
    found = unwrap_forward(text)
    # Then the sender, subject and note come out; the separator line is not part of the note
    assert found is not None
    assert (found.sender_address, found.subject, found.note) == (address, subject, note)


def test_quoted_apple_mail_forward_is_unquoted_and_text_below_is_left_out() -> None:
    # Given an Apple Mail forward quoted with "> " and followed by unquoted text
    found = unwrap_forward(APPLE_QUOTED)
    # Then the body is unquoted and stops where the quote stops
    assert found is not None
    assert found.body == "Lunch on Friday?"
    assert found.sender == '"Some One" <some.one@example.com>'
    assert found.note == "FYI"


def test_thunderbird_forward_with_tabs_and_no_note() -> None:
    found = unwrap_forward(THUNDERBIRD)
    assert found is not None
    assert found.note == ""
    assert found.sender == "Ann Lee <ann@example.com>"
    assert found.sent_at == datetime.fromisoformat("2009-06-19T19:16:04+02:00")
    assert found.body == "OHAI"


def test_outlook_mailto_form_gives_the_address() -> None:
    # Given an Outlook header "From: Name [mailto:address]" without a marker line
    text = ("Can you look at this?\n\nFrom: Some One [mailto:some@one.com]\n"
            "Sent: Monday, January 1, 2024 9:00 AM\nTo: Ba Bar\nSubject: Hi\n\nXoXo\n")
    found = unwrap_forward(text)
    # Then the address is read from the mailto form
    assert found is not None
    assert found.sender_address == "some@one.com"
    assert found.body == "XoXo"


def test_subject_folded_over_two_lines_is_joined() -> None:
    text = ("---------- Forwarded message ----------\nFrom: A <a@x.com>\n"
            "Subject: A very long subject that\nspans two lines\nTo: b@x.com\n\nBody\n")
    found = unwrap_forward(text)
    assert found is not None
    assert found.subject == "A very long subject that spans two lines"
    assert found.to == "b@x.com"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Met Jane at the breakfast. She needs an SRE.\n\nFrom: the owner's phone",
        "Hi,\n\nOn Mon, Mar 4, 2024 at 9:00 AM Jane <jane@acme.com> wrote:\n> old text\n",
        "Date: Friday\nAgenda: intros\n",
    ],
)
def test_text_without_a_forward_gives_none(text: str) -> None:
    # Given a note, a reply quote, or a "Date:" line that is no header block
    # Then no forward is reported
    assert unwrap_forward(text) is None


def test_outermost_forward_wins_over_a_nested_one() -> None:
    nested = GMAIL.replace("Jane\n", "Jane\n\n---------- Forwarded message ---------\n"
                           "From: Deep <deep@x.com>\nSubject: inner\n\ninner body\n")
    found = unwrap_forward(nested)
    assert found is not None
    assert found.sender_address == "jane@acme.com"
    assert "inner body" in found.body


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("From:Sent>-_ \n\tabc@.<>*Von:De :")), max_size=300))
def test_unwrap_never_raises_on_header_like_noise(text: str) -> None:
    # Given arbitrary text made of header-ish characters
    found = unwrap_forward(text)
    # Then the result is either nothing or a Forward whose note comes from the text
    assert found is None or found.note in text.replace("\r", "")


def test_outlook_header_flattened_onto_one_line_is_split() -> None:
    # Given an Outlook header block that an HTML-to-text step put on one line
    text = ("FYI\n\nFrom: Jane Doe <jane@acme.com> Sent: Tuesday, March 5, 2024 9:12 AM "
            "To: Olivia <o@owner.example> Subject: Hi\n\nText")
    found = unwrap_forward(text)
    # Then each field is read on its own
    assert found is not None
    assert (found.sender_address, found.to, found.subject, found.body) == (
        "jane@acme.com", "Olivia <o@owner.example>", "Hi", "Text")
    assert found.date == "Tuesday, March 5, 2024 9:12 AM"
