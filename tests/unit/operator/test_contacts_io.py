"""Contacts files in and out: Google, Outlook and LinkedIn CSV exports, vCard 2.1/3.0/4.0."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.operator.contacts_io import (
    ContactRecord,
    column_field,
    decode,
    detect_format,
    export_csv,
    export_vcards,
    read_contacts,
)

SAMPLES = Path(__file__).with_name("samples")


def _read(name: str, region: str = "US"):  # type: ignore[no-untyped-def]
    path = SAMPLES / name
    return read_contacts(decode(path.read_bytes()), filename=path.name, region=region)


def _by_name(batch) -> dict[str, ContactRecord]:  # type: ignore[no-untyped-def]
    return {r.name: r for r in batch.records}


def test_google_csv() -> None:
    # Given Google Contacts' CSV export with labels, ' ::: ' joined values and a nameless row
    # When it is read
    batch = _read("google_contacts.csv")
    # Then the format is recognised and the fields land where they belong
    assert batch.format == "google"
    jane = _by_name(batch)["Jane Doe"]
    assert jane.emails == ("jane.doe@acmerobotics.com", "jane@example.org")
    assert jane.phones == ("+14155550142",)
    assert (jane.company, jane.title) == ("Acme Robotics", "CTO")
    assert jane.urls == ("https://linkedin.com/in/janedoe",)
    assert jane.note == "Met at the SaaS founders breakfast"
    luis = _by_name(batch)["Luis Ortega"]
    assert luis.emails == ("luis@northwind.example", "l.ortega@gmail.com")
    assert luis.phones == ("+442079460958",)
    # And the row with only a phone is skipped with its reason
    assert [(s.row, s.reason) for s in batch.skipped] == [(4, "no name and no valid email")]


def test_outlook_csv() -> None:
    # Given Outlook's CSV export: "Title" is the honorific, "Job Title" the role
    batch = _read("outlook_contacts.csv")
    # Then the role comes from Job Title and fax/assistant numbers are left out
    assert batch.format == "outlook"
    priya = _by_name(batch)["Priya Raman"]
    assert (priya.company, priya.title) == ("Contoso Ltd", "CFO")
    assert priya.emails == ("priya.raman@contoso.example",)
    assert priya.phones == ("+14255550101", "+14255550123")
    assert priya.urls == ("https://www.contoso.example",)
    assert priya.note == "Introduced by Tom at the CFO dinner"
    # And an invalid second address is dropped with a warning naming the row
    tom = _by_name(batch)["Tom Becker Jr."]
    assert tom.emails == ("tom@fabrikam.example",)
    assert batch.warnings == ("row 3: 'not-an-address' is not an email address (left out)",)


def test_linkedin_connections_with_note_lines_before_header() -> None:
    # Given LinkedIn's Connections.csv, which opens with a "Notes:" paragraph
    batch = _read("linkedin_connections.csv")
    # Then the header is found below the notes, and "Connected On" becomes the context
    assert batch.format == "linkedin"
    anna = _by_name(batch)["Anna Schmidt"]
    assert (anna.company, anna.title) == ("Siemens AG", "Director, Supply Chain")
    assert anna.emails == ("anna.schmidt@example.de",)
    assert anna.urls == ("https://www.linkedin.com/in/annaschmidt",)
    assert anna.note == "Connected on LinkedIn on 14 Mar 2023"
    assert _by_name(batch)["Kenji Watanabe"].emails == ()
    assert len(batch.skipped) == 1


def test_vcards_of_three_versions() -> None:
    # Given one file with a vCard 2.1, a 3.0 and a 4.0 card
    batch = _read("contacts.vcf")
    # Then all three are read with phones in E.164 and the note kept
    assert batch.format == "vcard"
    people = _by_name(batch)
    assert set(people) == {"Minh Nguyen", "Sara Lind", "Omar Haddad"}
    assert people["Minh Nguyen"].phones == ("+84901234567",)
    assert people["Sara Lind"].phones == ("+12125550175",)
    assert people["Sara Lind"].note == "Met at the climate tech meetup"
    assert people["Omar Haddad"].urls == ("https://haddad.example",)


def test_national_numbers_read_in_the_region() -> None:
    # Given a CSV with a German national number, read for an owner in DE
    text = "Name,E-mail Address,Mobile Phone\nEva Klein,eva@klein.example,030 1234567\n"
    batch = read_contacts(text, filename="x.csv", region="DE")
    # Then the phone is in E.164 with Germany's code
    assert batch.records[0].phones == ("+49301234567",)


def test_not_a_contacts_file() -> None:
    # Given a CSV with no contact column
    # Then reading it says so
    with pytest.raises(ValueError, match="no header row"):
        read_contacts("a,b,c\n1,2,3\n", filename="x.csv", region="US")


@pytest.mark.parametrize(("header", "expected"), [
    ("E-mail 1 - Label", None), ("E-mail 1 - Value", "email"), ("Business Fax", None),
    ("Mobile Phone", "phone"), ("Organization 1 - Title", "title"), ("Web Page", "url"),
    ("E-mail Display Name", None), ("Assistant's Phone", None), ("Connected On", "connected_on"),
])
def test_column_fields(header: str, expected: str | None) -> None:
    assert column_field(header) == expected


def test_detect_format_plain_csv() -> None:
    assert detect_format(["Name", "Email", "Phone"]) == "csv"


RECORDS = [
    ContactRecord(name="Jane Doe", emails=("jane@acme.example", "jd@home.example"),
                  phones=("+14155550142",), company="Acme, Inc.", title="CTO; Founder",
                  urls=("https://linkedin.com/in/janedoe",), note='Met at "Breakfast", SF'),
    ContactRecord(name="José Díaz", emails=("jose@diaz.example",), phones=(),
                  company=None, title=None, urls=(), note=None),
    ContactRecord(name="Wei Zhang", emails=(), phones=("+8613800138000", "+14155550100")),
]


@pytest.mark.parametrize(("writer", "filename"), [(export_vcards, "out.vcf"),
                                                  (export_csv, "out.csv")])
def test_export_then_read_gives_the_same_contacts(writer, filename: str) -> None:  # noqa: ANN001
    # Given contacts with commas, semicolons, quotes, accents and several values
    # When they are exported and the file read back
    batch = read_contacts(writer(RECORDS), filename=filename, region="US")
    # Then every field comes back as it was
    assert list(batch.records) == RECORDS
    assert batch.skipped == () and batch.warnings == ()


def test_vcard_export_is_version_3_with_crlf() -> None:
    text = export_vcards(RECORDS[:1])
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert "ORG:Acme\\, Inc.\r\n" in text


NOT_MET = ContactRecord(name="Ana Lopez", emails=("ana@lopez.example",), met=False)


@pytest.mark.parametrize(("writer", "filename"), [(export_vcards, "out.vcf"),
                                                  (export_csv, "out.csv")])
def test_a_contact_not_met_yet_stays_not_met_through_a_file(writer, filename: str) -> None:  # noqa: ANN001
    # Given a contact the owner has not met yet beside one they met
    # When both are exported and the file read back
    text = writer([NOT_MET, RECORDS[1]])
    batch = read_contacts(text, filename=filename, region="US")
    # Then the label names it in the file, and only it comes back not met
    assert text.count("Not met yet") == 1
    assert list(batch.records) == [NOT_MET, RECORDS[1]]
    assert batch.records[0].to_parsed().met is False


def test_the_not_met_label_is_read_among_other_labels() -> None:
    # Given Google's Labels column and Outlook's Categories column holding several labels
    google = ("Name,E-mail 1 - Value,Labels\r\n"
              "Ana Lopez,ana@lopez.example,* myContacts ::: not met yet\r\n"
              "Bo Berg,bo@berg.example,* myContacts ::: Clients\r\n")
    outlook = ("First Name,Last Name,E-mail Address,Job Title,Categories\r\n"
               "Ana,Lopez,ana@lopez.example,CTO,Clients;Not met yet\r\n"
               "Bo,Berg,bo@berg.example,CEO,Clients\r\n")
    card = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lopez\r\nEMAIL:ana@lopez.example\r\n"
            "CATEGORIES:Clients,Not met yet\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Berg\r\nEMAIL:bo@berg.example\r\n"
            "CATEGORIES:Clients\r\nEND:VCARD\r\n")
    for text, filename in ((google, "g.csv"), (outlook, "o.csv"), (card, "c.vcf")):
        # When each is read
        records = read_contacts(text, filename=filename, region="US").records
        # Then only the contact labelled "not met yet" (in any case) is not met
        assert [(r.name, r.met) for r in records] == [("Ana Lopez", False), ("Bo Berg", True)], \
            filename
