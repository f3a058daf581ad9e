"""parse_message: the entry point, end to end on literal .eml bytes."""

from __future__ import annotations

import pytest

from assistant.domain import MessageKind, OwnerIdentity
from assistant.errors import UnreadableMessageError
from assistant.parsing import parse_message

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


def eml(headers: str, body: str) -> bytes:
    return f"{headers}\r\nMessage-ID: <m1@example.com>\r\n\r\n{body}\r\n".encode()


def test_typed_note_with_owner_signature() -> None:
    # Given a note from the owner ending with the owner's own signature
    raw = eml("From: Sam Rivera <Sam@Example.com>\r\nTo: assistant@example.net\r\nSubject: Jane",
              "Met Jane Doe (jane@acme.com) at the breakfast. CTO at Acme. 415-555-0142.\r\n\r\n"
              "--\r\nSam Rivera\r\nRivera Advisory | +1 (415) 555-0100")
    # When parsed
    parsed = parse_message(raw, OWNER)
    # Then the person is found and the owner's signature is neither a contact nor in the note
    assert parsed.kind == MessageKind.NOTE
    assert (parsed.sender, parsed.subject, parsed.message_id) == (
        "sam@example.com", "Jane", "<m1@example.com>")
    (jane,) = parsed.contacts
    assert (jane.name, jane.emails, jane.phones, jane.title, jane.company) == (
        "Jane Doe", ("jane@acme.com",), ("+14155550142",), "CTO", "Acme")
    assert "Rivera Advisory" not in parsed.owner_note


def test_forwarded_message_sender_becomes_the_contact() -> None:
    body = ("Wants a demo.\r\n\r\n---------- Forwarded message ---------\r\n"
            "From: Leo Fischer <leo@quantumleaf.ai>\r\nDate: Mon, Nov 9, 2026\r\n"
            "Subject: Demo\r\nTo: <sam@example.com>\r\n\r\nThanks Sam.\r\n\r\n"
            "Leo Fischer | CEO | Quantum Leaf AI | +1 617 555 0102")
    parsed = parse_message(eml("From: sam@example.com\r\nSubject: Fwd: Demo", body), OWNER)
    (leo,) = parsed.contacts
    assert (leo.name, leo.title, leo.company, leo.phones) == (
        "Leo Fischer", "CEO", "Quantum Leaf AI", ("+16175550102",))
    assert leo.needs and parsed.owner_note == "Wants a demo."


def test_a_cc_the_note_excludes_is_not_added() -> None:
    # Given a forward whose note asks for the sender and not the colleague in Cc
    body = ("Please add Leo (not Mia).\r\n\r\n---------- Forwarded message ---------\r\n"
            "From: Leo Fischer <leo@quantumleaf.ai>\r\nDate: Mon, Nov 9, 2026\r\n"
            "Subject: Demo\r\nTo: <sam@example.com>\r\nCc: Mia Roth <mia@quantumleaf.ai>\r\n"
            "\r\nThanks Sam. Mia will send the slides.\r\n\r\nLeo Fischer | CEO")
    parsed = parse_message(eml("From: sam@example.com\r\nSubject: Fwd: Demo", body), OWNER)
    # Then only the sender is a contact
    assert [c.name for c in parsed.contacts] == ["Leo Fischer"]


def test_an_introducer_the_note_does_not_ask_for_is_not_added() -> None:
    body = ("Please add Ingrid, Kofi introduced us.\r\n\r\n"
            "---------- Forwarded message ---------\r\n"
            "From: Kofi Mensah <kofi@mensahcap.com>\r\nDate: Tue, 10 Nov 2026\r\n"
            "Subject: Introduction: Sam / Ingrid\r\n"
            "To: Sam Rivera <sam@example.com>, Ingrid Halvorsen <ingrid@fjordlabs.no>\r\n\r\n"
            "Sam, Ingrid - introducing you as discussed.\r\n\r\nOver to you both,\r\nKofi")
    parsed = parse_message(eml("From: sam@example.com\r\nSubject: Fwd: Introduction", body),
                           OWNER)
    (ingrid,) = parsed.contacts
    assert (ingrid.name, ingrid.introduced_by) == ("Ingrid Halvorsen", "Kofi Mensah")


def test_cc_intro_names_the_introducer() -> None:
    # Given a friend introducing the owner, with the assistant in Cc
    raw = eml("From: Alex Kim <alex@northwind.vc>\r\nTo: sam@example.com, Jane Doe <jane@acme.com>"
              "\r\nCc: assistant@example.net\r\nSubject: Intro",
              "Sam, meet Jane Doe. Jane is CTO at Acme and is hiring SREs.\r\n\r\nAlex")
    parsed = parse_message(raw, OWNER)
    # Then Jane is introduced by Alex, Alex is listed, the owner and assistant are not
    assert parsed.kind == MessageKind.INTRO
    by_name = {c.name: c for c in parsed.contacts}
    assert set(by_name) == {"Jane Doe", "Alex Kim"}
    assert by_name["Jane Doe"].introduced_by == "Alex Kim"
    assert by_name["Jane Doe"].needs


def test_owner_introduces_two_people() -> None:
    raw = eml("From: sam@example.com\r\nTo: Jane Okafor <jane@gridwise.energy>, "
              "Raj Patel <raj@carbonlane.com>\r\nCc: assistant@example.net\r\nSubject: Intro",
              "Jane, meet Raj Patel. Raj is founder of Carbonlane.\r\n"
              "Raj, meet Jane, COO at Gridwise.")
    parsed = parse_message(raw, OWNER)
    assert parsed.kind == MessageKind.INTRO
    assert {c.name for c in parsed.contacts} == {"Jane Okafor", "Raj Patel"}
    assert all(c.introduced_by is None for c in parsed.contacts)


@pytest.mark.parametrize(
    ("headers", "kind"),
    [
        ("From: jane@acme.com\r\nSubject: Out of Office: hi", MessageKind.AUTO_REPLY),
        ("From: MAILER-DAEMON@mx.org\r\nSubject: Undelivered Mail", MessageKind.BOUNCE),
        ("From: sam@example.com\r\nSubject: summary", MessageKind.COMMAND),
    ],
)
def test_automated_and_command_mail_have_no_contacts(headers: str, kind: MessageKind) -> None:
    parsed = parse_message(eml(headers, "Contact Jane Doe, jane@acme.com"), OWNER)
    assert parsed.kind == kind and parsed.contacts == ()


def test_no_text_part_is_unknown_with_a_reason() -> None:
    raw = (b"From: sam@example.com\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
           b"--b\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--b--\r\n")
    parsed = parse_message(raw, OWNER)
    assert parsed.kind == MessageKind.UNKNOWN
    assert parsed.reason == "The message has no readable text part."


def test_missing_or_malformed_from() -> None:
    assert parse_message(b"Subject: hi\r\n\r\nMet Jane Doe (jane@acme.com).", OWNER).sender is None
    assert parse_message(b"From: not-an-address\r\n\r\nhello", OWNER).sender is None


@pytest.mark.parametrize("raw", [b"", b"   \r\n", b"\x00\x89PNG\r\n\x1a\n" + bytes(range(256))])
def test_not_a_message_raises(raw: bytes) -> None:
    with pytest.raises(UnreadableMessageError):
        parse_message(raw, OWNER)


@pytest.mark.timeout(60)  # a guard only: the conversion takes well under a second
def test_html_only_note_nested_fifty_thousand_deep() -> None:
    # Given an HTML-only note whose text sits inside 50,000 nested <div>s
    depth = 50_000
    body = "<div>" * depth + "Met Jane Okafor (jane@gridwise.energy), COO at Gridwise." + (
        "</div>" * depth)
    raw = eml("From: Sam Rivera <sam@example.com>\r\nTo: assistant@example.net\r\n"
              "Subject: Jane\r\nContent-Type: text/html; charset=utf-8", body)
    # When parsed
    parsed = parse_message(raw, OWNER)
    # Then it returns, and the person inside the nesting is found
    (jane,) = parsed.contacts
    assert (jane.name, jane.emails) == ("Jane Okafor", ("jane@gridwise.energy",))


@pytest.mark.parametrize("note, excluded", [
    ("Bitte Lena speichern, nicht an Vertrieb.", "Vertrieb Kaltenbach"),
    ("Aggiungi Lena, non a Ordini.", "Ordini Kaltenbach"),
    ("Ajoute Lena, pas à Commandes.", "Commandes Kaltenbach"),
])
def test_a_cc_the_note_excludes_with_a_preposition_is_not_added(note: str, excluded: str) -> None:
    # Given a forward whose note excludes a team inbox in Cc, with "an", "a", "à" before it
    body = (f"{note}\r\n\r\n---------- Forwarded message ---------\r\n"
            "From: Lena Kaltenbach <lena@kaltenbach.de>\r\nDate: Mon, Nov 9, 2026\r\n"
            f"Subject: Muster\r\nTo: <sam@example.com>\r\nCc: {excluded} "
            "<team@kaltenbach.de>\r\n\r\nAnbei die Muster.\r\n\r\nLena Kaltenbach")
    parsed = parse_message(eml("From: sam@example.com\r\nSubject: Fwd: Muster", body), OWNER)
    # Then only the sender is a contact
    assert [c.name for c in parsed.contacts] == ["Lena Kaltenbach"]


@pytest.mark.parametrize("note", [
    "Dani Okoro (dani@okoro.io), runs a cidery. Paola Ruiz me recomendó escribirle.",
    "Dani Okoro (dani@okoro.io), runs a cidery. Paola Ruiz mi ha consigliato di scriverle.",
    "Dani Okoro (dani@okoro.io), runs a cidery. Paola Ruiz hat mir empfohlen, ihr zu schreiben.",
    "Dani Okoro (dani@okoro.io), runs a cidery. C'est Paola Ruiz qui m'a recommandé de lui écrire.",
])
def test_whoever_sent_the_owner_to_the_person_introduced_them(note: str) -> None:
    parsed = parse_message(eml("From: sam@example.com\r\nSubject: Dani", note), OWNER)
    (dani,) = parsed.contacts
    assert (dani.name, dani.introduced_by) == ("Dani Okoro", "Paola Ruiz")


@pytest.mark.parametrize("note", [
    "Met Dani Okoro (dani@okoro.io) at the cider fair. Says the harvest was late.",
    "Met Dani Okoro (dani@okoro.io) at the cider fair. Owes money to the Finanzamt, apparently.",
])
def test_a_reporting_verb_or_an_authority_is_no_person(note: str) -> None:
    parsed = parse_message(eml("From: sam@example.com\r\nSubject: Dani", note), OWNER)
    assert [c.name for c in parsed.contacts] == ["Dani Okoro"]


def test_the_title_after_is_a_is_read_in_an_intro_body() -> None:
    body = ("Priya, Tomasz - as promised.\r\n\r\nPriya Raman is COO at Loomfield and needs a "
            "designer. Tomasz Wolny is a freelance designer who works with small brands.\r\n"
            "\r\nOver to you,\r\nSam")
    raw = eml("From: Sam Rivera <sam@example.com>\r\nTo: Priya Raman <priya@loomfield.com>, "
              "Tomasz Wolny <tomasz@wolny.pl>\r\nSubject: Intro: Priya / Tomasz", body)
    parsed = parse_message(raw, OWNER)
    titles = {c.name: c.title for c in parsed.contacts}
    assert titles == {"Priya Raman": "COO", "Tomasz Wolny": "freelance designer"}


def test_a_company_name_going_on_after_a_studio_word_is_kept_whole() -> None:
    note = ("Kasia Nowak, principal at Studio Wisla (studiowisla.pl), kasia@studiowisla.pl. "
            "Portfolio at https://www.behance.net/kasianowak\r\nMet her at the Gdansk design fair.")
    (kasia,) = parse_message(eml("From: sam@example.com\r\nSubject: Kasia", note), OWNER).contacts
    assert (kasia.name, kasia.company) == ("Kasia Nowak", "Studio Wisla")


def test_a_double_surname_joined_by_y_is_one_name_when_the_address_holds_it() -> None:
    note = ("Conocí a Javier Ortega y Gasset en el foro de Bilbao. javier.gasset@ortegafilms.es\r\n"
            "Busca un coproductor en Portugal.")
    (javier,) = parse_message(eml("From: sam@example.com\r\nSubject: Javier", note),
                              OWNER).contacts
    assert (javier.name, list(javier.emails)) == ("Javier Ortega y Gasset",
                                                  ["javier.gasset@ortegafilms.es"])


def test_two_people_joined_by_e_stay_two() -> None:
    note = "Jantei com a Ana Costa (ana.costa@costa.pt) e Rui Lima (rui@lima.pt) em Braga."
    parsed = parse_message(eml("From: sam@example.com\r\nSubject: Braga", note), OWNER)
    assert sorted(c.name for c in parsed.contacts) == ["Ana Costa", "Rui Lima"]


@pytest.mark.parametrize("note, interest", [
    ("Met Dani Okoro (dani@okoro.io) at the cider fair. Interest in our bottling line.",
     "our bottling line"),
    ("Rencontré Dani Okoro (dani@okoro.io) au salon. Intérêt pour notre ligne d'embouteillage.",
     "notre ligne d'embouteillage"),
])
def test_an_interest_noun_opening_a_clipped_sentence(note: str, interest: str) -> None:
    (dani,) = parse_message(eml("From: sam@example.com\r\nSubject: Dani", note), OWNER).contacts
    assert list(dani.interests) == [interest]


@pytest.mark.parametrize("note, need", [
    ("Dani Okoro (dani@okoro.io), runs a cidery. C'est Paola Ruiz qui m'a recommandé de lui "
     "écrire ; il cherche un caviste à Lyon.", "un caviste à Lyon"),
    ("Dani Okoro (dani@okoro.io), runs a cidery. Paola Ruiz suggested I reach out; he needs a "
     "new bottling partner.", "a new bottling partner"),
])
def test_the_introducers_sentence_going_on_about_the_person_gives_their_facts(
        note: str, need: str) -> None:
    (dani,) = parse_message(eml("From: sam@example.com\r\nSubject: Dani", note), OWNER).contacts
    assert (dani.introduced_by, list(dani.needs)) == ("Paola Ruiz", [need])


def test_the_title_a_writer_gives_a_colleague_in_copy() -> None:
    from assistant.parsing.draft import ContactDraft
    from assistant.parsing.message import _colleague_title

    for body, name, title in (
            ("Copio o Bruno, nosso CTO. Até breve.", "Bruno Kato", "CTO"),
            ("In Kopie ist Jana, unsere Leiterin Einkauf.", "Jana Wolf", "Leiterin Einkauf"),
            ("Looping in Dana Reyes, our Head of Finance, for the numbers.", "Dana Reyes",
             "Head of Finance"),
            ("Looping in Dana, our Head of Finance.", "Omar Diaz", None)):
        assert _colleague_title(body, ContactDraft(name=name)) == title


def test_the_one_the_note_says_only_to_add() -> None:
    from assistant.parsing.message import _ONLY

    for note, first in (("Agregar solo a Mariana; Héctor en copia es de su equipo legal.",
                         "Mariana"), ("Nur Jana aufnehmen.", "Jana"),
                        ("Add only Priya, not Tom.", "Priya")):
        found = _ONLY.search(note)
        assert found is not None and found.group("first") == first
    assert _ONLY.search("Add both, they run it together.") is None


def test_a_header_name_written_surname_first_takes_the_signed_order() -> None:
    from assistant.parsing.message import _fuller_name

    party = ("Gerber Nadja", "nadja.gerber@rotsee.ch")
    assert _fuller_name("Gerber Nadja", "Nadja Gerber", party) == "Nadja Gerber"
    assert _fuller_name("Gerber Nadja", "Lukas Imhof", party) == "Gerber Nadja"
