"""Where the owner sat or stood is never the meeting's place: "à côté de Jean-Paul Reding",
"next to Marc", "neben", "al lado de", "accanto a", "ao lado de", "naast" name who was there,
and no draft may carry them or the person's name as the occasion.

The notes run through the real parser and the real draft composition (``preview_drafts``)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.domain import OwnerIdentity
from assistant.drafting.preview import PreviewDraft, preview_drafts
from assistant.drafting.slots import occasion

OWNER = OwnerIdentity("Claire Wagner", ("claire@wagner-conseil.lu",), "LU",
                      ("notes@wagner-conseil.lu",))
READ_AT = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
SPATIAL = ("côté", "next to", "beside", "neben", "lado", "accanto", "naast")


def _eml(note: str) -> bytes:
    return ("From: Claire Wagner <claire@wagner-conseil.lu>\r\nTo: notes@wagner-conseil.lu\r\n"
            "Subject: note\r\nDate: Sat, 21 Nov 2026 09:00:00 +0000\r\n"
            "Message-ID: <n@wagner-conseil.lu>\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"\r\n{note}\r\n").encode()


def drafts(note: str) -> list[PreviewDraft]:
    return preview_drafts(_eml(note), OWNER, read_at=READ_AT, timezone="Europe/Luxembourg")


def contact_facing(draft: PreviewDraft) -> str:
    return f"{draft.subject}\n{draft.body}".lower()


@pytest.mark.parametrize(
    ("note", "first", "place"),
    [
        ("At the Chamber dinner I sat next to Marc Weber of Weber Logistics, "
         "marc@weberlog.com.", "Marc", "the chamber dinner"),
        ("Next to me at the gala was Marc Weber of Weber Logistics, marc@weberlog.com.",
         "Marc", "the gala"),
        ("At the gala I was seated beside Marc Weber of Weber Logistics, marc@weberlog.com.",
         "Marc", "the gala"),
        ("J'étais assise à côté de Jean-Paul Reding au dîner de la Chambre de Commerce. "
         "Il dirige Reding Transports S.à r.l., jp.reding@redingtransports.lu.", "Jean-Paul",
         None),
        ("Beim Abendessen der IHK saß ich neben Marc Weber von Weber Logistik GmbH, "
         "marc.weber@weberlog.de.", "Marc", None),
        ("En la cena de la Cámara estuve al lado de Marc Weber, de Weber Logística, "
         "marc@weberlog.es.", "Marc", None),
        ("Alla cena della Camera di Commercio ero seduta accanto a Marco Weber della Weber "
         "Logistica, marco@weberlog.it.", "Marco", None),
        ("No jantar da Câmara de Comércio fiquei ao lado de Marco Weber, da Weber Logística, "
         "marco@weberlog.pt.", "Marco", None),
        ("Bij het diner van de Kamer van Koophandel zat ik naast Marc Weber van Weber "
         "Logistiek, marc@weberlog.nl.", "Marc", None),
    ],
)
def test_a_seat_next_to_someone_never_reaches_the_draft(note: str, first: str,
                                                         place: str | None) -> None:
    # Given a note telling who the owner sat next to, in one of the seven languages
    [draft] = drafts(note)
    text = contact_facing(draft)
    # Then the person is greeted by name, and no spatial phrase nor surname is in the draft
    assert draft.body.startswith(f"Hi {first},\n")
    for word in SPATIAL:
        assert word not in text
    assert "weber" not in text and "reding" not in text
    if place is not None:  # an English occasion is quoted as the owner wrote it
        assert place in text


@pytest.mark.parametrize(
    "context",
    [
        "J'étais à côté de Jean-Paul Reding",
        "Great meeting at côté de Jean-Paul Reding",
        "Sat next to Marc Weber at dinner",
        "At the Chamber dinner I sat next to of Weber Logistics",
        "Beim Essen neben Marc Weber",
        "En la cena al lado de Marc Weber",
        "Seduta accanto a Marco Weber",
        "Fiquei ao lado de Marco Weber",
        "Zat naast Marc Weber",
    ],
)
def test_no_place_slot_is_a_spatial_phrase(context: str) -> None:
    place = occasion(context, ("Marc Weber", "Jean-Paul Reding", "Marco Weber")).place
    assert not any(word in place.lower() for word in SPATIAL)
    assert not any(name in place for name in ("Weber", "Reding"))


def test_no_place_slot_names_the_person() -> None:
    # "Met her at Maria's" names no event: a word of the person's name is never the place
    assert occasion("Met her at Lucia Ferri's house party", ("Lucia Ferri",)).place == ""
    assert occasion("Met her at the Ferri Summit", ("Lucia Ferri",)).place == ""
    assert occasion("Met her at the Web Summit", ("Lucia Ferri",)).place == "the Web Summit"


_FIRST = st.sampled_from(["Marc", "Jean-Paul", "Sofía", "Jens", "Pieter", "Ana", "Luca"])
_LAST = st.sampled_from(["Weber", "Reding", "Hartmann", "de Vries", "Costa", "Ferri"])
_SEAT = st.sampled_from([
    "I sat next to {n}", "next to me was {n}", "I was seated beside {n}",
    "j'étais assise à côté de {n}", "j'étais à côté de {n}", "saß ich neben {n}",
    "estuve al lado de {n}", "ero seduta accanto a {n}", "fiquei ao lado de {n}",
    "zat ik naast {n}"])
_EVENT = st.sampled_from(["At the Chamber dinner", "Au dîner de la Chambre", "Beim Empfang",
                          "En la cena", "Alla cena", "No jantar", "Bij het diner", ""])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_FIRST, _LAST, _SEAT, _EVENT)
def test_property_no_spatial_word_nor_name_in_a_place(first: str, last: str, seat: str,
                                                      event: str) -> None:
    name = f"{first} {last}"
    context = f"{event}, {seat.format(n=name)}" if event else seat.format(n=name)
    place = occasion(context, (first, name)).place.lower()
    assert not any(word in place for word in SPATIAL)
    assert not any(part.lower() in place.split() for part in name.split() if part[:1].isupper())
