"""A note telling who the owner sat or stood next to, in the seven languages: the person is
read with their name, company and the occasion; the spatial phrase is never the context."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message
from assistant.parsing.contacts import clean_company

OWNER = OwnerIdentity("Claire Wagner", ("claire@wagner-conseil.lu",), "LU",
                      ("notes@wagner-conseil.lu",))


def note(body: str) -> bytes:
    return ("From: Claire Wagner <claire@wagner-conseil.lu>\r\nTo: notes@wagner-conseil.lu\r\n"
            f"Subject: note\r\nMessage-ID: <n1@wagner-conseil.lu>\r\n\r\n{body}\r\n").encode()


@pytest.mark.parametrize(
    ("body", "name", "company", "context"),
    [
        ("At the Chamber dinner I sat next to Marc Weber of Weber Logistics.",
         "Marc Weber", "Weber Logistics", "At the Chamber dinner"),
        ("Next to me at the gala was Marc Weber of Weber Logistics, marc@weberlog.com.",
         "Marc Weber", "Weber Logistics", "At the gala"),
        ("J'étais assise à côté de Marc Weber au dîner de la Chambre de Commerce le 20 novembre. "
         "Il dirige Weber Logistique S.à r.l., marc.weber@weberlog.lu.",
         "Marc Weber", "Weber Logistique S.à r.l.",
         "Au dîner de la Chambre de Commerce le 20 novembre"),
        ("Au dîner de la Chambre, j'étais à côté de Marc Weber (Weber Logistique S.à r.l.).",
         "Marc Weber", "Weber Logistique S.à r.l.", "Au dîner de la Chambre"),
        ("Beim Abendessen der IHK saß ich neben Marc Weber von Weber Logistik GmbH.",
         "Marc Weber", "Weber Logistik GmbH", "Beim Abendessen der IHK"),
        ("En la cena de la Cámara estuve al lado de Marc Weber, de Weber Logística.",
         "Marc Weber", "Weber Logística", "En la cena de la Cámara"),
        ("Alla cena della Camera di Commercio ero seduta accanto a Marco Weber della Weber "
         "Logistica.", "Marco Weber", "Weber Logistica", "Alla cena della Camera di Commercio"),
        ("No jantar da Câmara de Comércio fiquei ao lado de Marco Weber, da Weber Logística.",
         "Marco Weber", "Weber Logística", "No jantar da Câmara de Comércio"),
        ("Bij het diner van de Kamer van Koophandel zat ik naast Pieter de Vries van De Vries "
         "Installatietechniek B.V.", "Pieter de Vries", "De Vries Installatietechniek B.V.",
         "Bij het diner van de Kamer van Koophandel"),
    ],
)
def test_the_person_beside_the_owner_is_read_with_company_and_occasion(
        body: str, name: str, company: str, context: str) -> None:
    [contact] = parse_message(note(body), OWNER).contacts
    assert (contact.name, contact.company, contact.context) == (name, company, context)


def test_luxembourg_legal_form_in_two_words_is_kept() -> None:
    assert clean_company("Reding Transports S.à r.l.") == "Reding Transports S.à r.l."
