"""The owner's own signature below an inline forward (as Thunderbird signs it) is no part of the
forwarded person's; a body's name after "of" ends at the word naming what it is ("Medical
Director of Narragansett Lung & Sleep Institute"); keepers of collections are titled
("curator at the ... Trust"); a company after "runs" keeps a first word the names skip ("Great
Plains Fleet Services"); "I'll send Owen our checklist" promises the checklist; a short title
and its field set apart by commas before "at" (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message
from assistant.parsing.contacts import role_in as _role_in
from assistant.parsing.people import find_people

OWNER = OwnerIdentity("Oksana Hrytsenko", ("oksana@hrytsenko.example",), "UA",
                      ("notes@hrytsenko.example",))


def role_in(text: str) -> tuple[str | None, str | None]:
    role = _role_in(text)
    return role.title, role.company


US = OwnerIdentity("Dana Whitlow", ("dana@whitlow.example",), "US", ("assist@whitlow.example",))

FORWARD = (
    "From: Oksana Hrytsenko <oksana@hrytsenko.example>\r\nTo: notes@hrytsenko.example\r\n"
    "Subject: Fwd: Kharkiv\r\nMessage-ID: <m1@hrytsenko.example>\r\n\r\n"
    "Please add Taras.\n\n-------- Forwarded Message --------\nSubject: \tKharkiv\n"
    "Date: \tThu, 12 Nov 2026 10:02:11 +0200\nFrom: \tTaras Melnyk <taras@cargo.example>\n"
    "To: \tOksana Hrytsenko <oksana@hrytsenko.example>\n\n\nHello Oksana,\n\nOur rates are "
    "attached.\n\nBest regards,\nTaras Melnyk\nHead of Business Development\nCargo Lviv LLC\n"
    "Tel.: +380 57 555 0142\n\n--\n{signature}\n")


def test_the_owners_signature_below_the_forward_is_not_the_senders() -> None:
    raw = FORWARD.format(signature="Oksana Hrytsenko\nHrytsenko Consulting LLC\n+380 67 555 0101")
    (taras,) = parse_message(raw.encode(), OWNER).contacts
    assert taras.phones == ("+380575550142",)
    assert (taras.title, taras.company) == ("Head of Business Development", "Cargo Lviv LLC")


def test_a_block_below_the_forward_that_is_not_the_owners_stays() -> None:
    # someone else's lines below the rule are the forwarded message's own
    raw = FORWARD.format(signature="Night desk\n+380 57 555 0199")
    (taras,) = parse_message(raw.encode(), OWNER).contacts
    assert "+380575550199" in taras.phones


def test_a_body_named_after_of_ends_at_what_it_is() -> None:
    assert role_in("Medical Director of Narragansett Lung & Sleep Institute") == (
        "Medical Director", "Narragansett Lung & Sleep Institute")
    # after a title that ends in no title word, "of" is no employer's
    assert role_in("grants manager for the West of England Combined Authority")[1] != (
        "England Combined Authority")


def test_a_curator_at_a_trust() -> None:
    assert role_in("curator at the Slater Mill Textile Trust") == (
        "curator", "Slater Mill Textile Trust")


def test_a_company_after_runs_keeps_a_first_word_the_names_skip() -> None:
    people = find_people("Owen Pratt runs Great Plains Fleet Services, owen@gpfleet.example. "
                         "I'll send Owen our fleet checklist.", US)
    assert [(p.name, p.company, p.emails) for p in people] == [
        ("Owen Pratt", "Great Plains Fleet Services", ["owen@gpfleet.example"])]
    assert people[0].promises == ["our fleet checklist"]


def test_a_short_title_and_its_field_in_commas_before_at() -> None:
    assert role_in("She's Head, Asset Integrity Services, at Dee Valve Systems Ltd") == (
        "Head, Asset Integrity Services", "Dee Valve Systems Ltd")
