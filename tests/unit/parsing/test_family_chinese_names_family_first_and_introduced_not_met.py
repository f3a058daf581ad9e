"""A Chinese name written family name first, as Singapore, Malaysia, Brunei and Hong Kong write
it ("Tan Kok Leong"), is called by its given name ("Kok Leong"): the greeting uses it, and an
introduction that says "Kok Leong is the owner of ..." describes the person in its To line;
someone introduced by another person has not met the owner yet (examples in tests/corpus/dev)."""

from __future__ import annotations

from datetime import UTC, datetime

from assistant.domain import OwnerIdentity
from assistant.drafting.preview import preview_drafts
from assistant.parsing import parse_message
from assistant.parsing.draft import ContactDraft
from assistant.parsing.name_order import called_by

OWNER = OwnerIdentity(name="Daniel Fairweather", addresses=("daniel@fair.example",), region="SG",
                      assistant_addresses=("contacts@fair.example",))


def test_the_given_name_of_a_chinese_name_family_first() -> None:
    assert called_by("Tan Kok Leong") == "Kok Leong"
    assert called_by("Wong Mei-Ling") == "Mei-Ling"
    assert called_by("Đặng Văn Phúc") == "Phúc"
    # western names, and a family name used as a given name, stay called by their first word
    assert called_by("Rachel Koh") is None
    assert called_by("Lee Ann Womack") is None
    assert called_by("Tang Wellington Harcourt") is None
    assert called_by("Tan Wei") is None


def test_the_given_name_is_the_same_person() -> None:
    assert ContactDraft(name="Tan Kok Leong").same_person(ContactDraft(name="Kok Leong"))
    assert ContactDraft(name="Kok Leong").same_person(ContactDraft(name="Tan Kok Leong"))
    assert not ContactDraft(name="Tan Kok Leong").same_person(ContactDraft(name="Lim Kok Leong"))


def _intro(body: str) -> bytes:
    return (
        "From: Rachel Koh <rachel@angels.example>\n"
        "To: Daniel Fairweather <daniel@fair.example>, Lim Wei Ming <weiming@harbour.example>\n"
        "Cc: contacts@fair.example\nSubject: Daniel <> Wei Ming\n"
        "Date: Mon, 16 Nov 2026 10:00:00 +0800\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{body}\n").encode()


def test_an_introduction_describes_the_person_by_the_given_name() -> None:
    raw = _intro("Hi both,\n\nDaniel, Wei Ming is the managing director of Jurong Harbour "
                 "Logistics Pte Ltd and needs a customs adviser.\n\n"
                 "I'll let you two take it from here.\nRachel")
    contacts = {c.name: c for c in parse_message(raw, OWNER).contacts}
    assert contacts["Lim Wei Ming"].company == "Jurong Harbour Logistics Pte Ltd"
    assert contacts["Lim Wei Ming"].title == "managing director"
    assert contacts["Lim Wei Ming"].met is False


def test_the_follow_up_to_someone_introduced_says_no_meeting() -> None:
    raw = _intro("Hi both,\n\nDaniel, Wei Ming needs a customs adviser.\n\n"
                 "I'll let you two take it from here.\nRachel")
    drafts = {d.contact: d for d in preview_drafts(
        raw, OWNER, read_at=datetime(2026, 11, 17, 9, tzinfo=UTC), timezone="Asia/Singapore")}
    draft = drafts["Lim Wei Ming"]
    assert draft.body.startswith("Hi Wei Ming,")
    assert "great to meet you" not in draft.body
    assert "introduce myself" in draft.body


def test_lee_opens_a_chinese_name_only_before_chinese_syllables() -> None:
    assert called_by("Lee Hui Min") == "Hui Min"
    assert called_by("Goh Siew Chye") == "Siew Chye"
    assert called_by("Lee Ann Womack") is None


def test_an_introducer_written_family_name_first() -> None:
    raw = (
        b"From: Daniel Fairweather <daniel@fair.example>\nTo: contacts@fair.example\n"
        b"Subject: via Kah Wai\nDate: Mon, 16 Nov 2026 10:00:00 +0800\n"
        b"Content-Type: text/plain; charset=utf-8\n\n"
        b"Haven't met her yet - Priya Ong, Head of Treasury, Klang Payments Sdn. Bhd., "
        b"priya@klang.example. Lee Kah Wai put her forward.\n")
    (contact,) = parse_message(raw, OWNER).contacts
    assert contact.introduced_by == "Lee Kah Wai"
