"""The blocks the line rules read wrong (issue 12), each end to end through parse_message on
literal message bytes: the block labeller and the forwarded-header fixes together."""

from __future__ import annotations

from assistant.domain import OwnerIdentity, ParsedContact
from assistant.parsing import parse_message

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))
LENA = OwnerIdentity("Lena Vogel", ("lena@vogel.de",), "DE", ("assistant@vogel.de",))
NOTE = "From: Sam Rivera <sam@example.com>\r\nTo: assistant@example.net\r\nSubject: note"
GMAIL = ("---------- Forwarded message ---------\nFrom: {sender}\nDate: Mon, Nov 16, 2026 at "
         "3:12 PM\nSubject: Hello\nTo: Sam Rivera <sam@example.com>\n{cc}\n")


def eml(headers: str, body: str) -> bytes:
    return f"{headers}\r\nMessage-ID: <m1@example.com>\r\n\r\n{body}\r\n".encode()


def only(raw: bytes, owner: OwnerIdentity = OWNER) -> ParsedContact:
    (contact,) = parse_message(raw, owner).contacts
    return contact


def test_one_line_note_is_named_after_the_person() -> None:
    # Given "Name - Title, Company - email - phone"
    raw = eml(NOTE, "Marcus Bell - Head of Product, Tiller Finance - marcus@tillerfinance.com"
                    " - 312 555 0190\nMet him at the fintech mixer.")
    # When parsed, then the person is Marcus Bell at Tiller Finance, with his address and phone
    marcus = only(raw)
    assert (marcus.name, marcus.title, marcus.company, marcus.emails, marcus.phones) == (
        "Marcus Bell", "Head of Product", "Tiller Finance", ("marcus@tillerfinance.com",),
        ("+13125550190",))


def test_company_pipe_title_under_a_forwarded_signature() -> None:
    # Given an Outlook forward signed "Ortega Build Co. | General Contractor"
    body = ("Met him at the site visit.\n\n________________________________\nFrom: Luis Ortega "
            "<luis@ortegabuild.com>\nSent: Monday, November 16, 2026 3:12 PM\nTo: Sam Rivera "
            "<sam@example.com>\nSubject: Hello\n\nSam,\n\nThanks for coming by.\n\nLuis Ortega\n"
            "Ortega Build Co. | General Contractor\nCell 480-555-0100")
    # Then both the company and the title are read
    luis = only(eml(NOTE, body))
    assert (luis.company, luis.title, luis.phones) == (
        "Ortega Build Co.", "General Contractor", ("+14805550100",))


def test_capitals_card() -> None:
    raw = eml(NOTE, "Met at the clinic summit:\n\nDR. EMILY CHEN\nChief Medical Officer\n"
                    "Verdant Clinics\nT 312 555 0133\nemily.chen@verdantclinics.com")
    emily = only(raw)
    assert (emily.title, emily.company, emily.phones) == (
        "Chief Medical Officer", "Verdant Clinics", ("+13125550133",))
    assert emily.name is not None and emily.name.casefold() == "emily chen"


def test_german_card() -> None:
    raw = eml(NOTE.replace("sam@example.com", "lena@vogel.de").replace("assistant@example.net",
                                                                         "assistant@vogel.de"),
              "Auf der Expo Real getroffen:\n\nJürgen Weiß\nGeschäftsführer, Weiß & Söhne KG\n"
              "Tel. 089 5554321\nj.weiss@weiss-soehne.de")
    jurgen = only(raw, LENA)
    assert (jurgen.name, jurgen.title, jurgen.company, jurgen.phones) == (
        "Jürgen Weiß", "Geschäftsführer", "Weiß & Söhne KG", ("+49895554321",))


def test_a_title_containing_a_comma_stays_one_title() -> None:
    raw = eml(NOTE, "Met at the insurers lunch\n\nRuth Adler\nVice President, Claims Operations"
                    "\nGranite Mutual\nruth.adler@granitemutual.com")
    ruth = only(raw)
    assert (ruth.title, ruth.company) == ("Vice President, Claims Operations", "Granite Mutual")


def test_last_first_display_name_keeps_the_last_name() -> None:
    # Given a forward whose From line is "Reyes, Carlos <...>" (unquoted, as Gmail prints it)
    body = "Add him.\n\n" + GMAIL.format(sender="Reyes, Carlos <carlos@solana.com>", cc="") + (
        "Sam,\n\nThanks.\n\nCarlos Reyes\nSenior Manager, Grid Projects\nSolana Energy Inc.\n")
    # Then one contact, named Carlos Reyes
    carlos = only(eml(NOTE, body))
    assert (carlos.name, carlos.title, carlos.company) == (
        "Carlos Reyes", "Senior Manager, Grid Projects", "Solana Energy Inc.")


def test_two_people_in_one_note_keep_their_own_phones() -> None:
    raw = eml(NOTE, "Met Anna Berg (anna@bergdesign.se, +46 8 555 012 34) and Carl Mays "
                    "(carl@maysco.com, 206-555-0101) at the design week party.")
    anna, carl = parse_message(raw, OWNER).contacts
    assert (anna.name, anna.phones, anna.title) == ("Anna Berg", ("+46855501234",), None)
    assert (carl.name, carl.phones) == ("Carl Mays", ("+12065550101",))


def test_thunderbird_forward_does_not_give_the_sender_the_owners_phone() -> None:
    # Given the owner's signature (with a phone) above a Thunderbird forward
    body = ("Add her.\n\n-- \nSam Rivera\nRivera Studio\n+1 415 555 0100\n\n"
            "-------- Forwarded Message --------\nSubject: \tHello\nDate: \tMon, 16 Nov 2026 "
            "15:12:09 +0100\nFrom: \tIngrid Holm <ingrid@holmtech.no>\nTo: \tSam Rivera "
            "<sam@example.com>\n\nHi Sam,\n\nGood talk.\n\nIngrid Holm\n"
            "Head of Sales | Holm Tech AS\n")
    ingrid = only(eml(NOTE, body))
    assert (ingrid.phones, ingrid.title, ingrid.company) == ((), "Head of Sales", "Holm Tech AS")


def test_forwarded_recipients_are_not_contacts_unless_the_note_names_them() -> None:
    # Given a forward with two other people in Cc, one of whom the note names
    cc = "Cc: Leela Rao <leela@saffron.in>, Dev Team <dev@saffron.in>\n"
    body = "Follow up with Arjun, and with Leela too.\n\n" + GMAIL.format(
        sender="Arjun Mehta <arjun@saffron.in>", cc=cc) + "Hi Sam,\n\nLooping in the team.\n"
    # Then the author and the named one are contacts, the team list is not
    names = [c.name for c in parse_message(eml(NOTE, body), OWNER).contacts]
    assert names == ["Arjun Mehta", "Leela Rao"]
