"""The company a person heads, named after the verb with an article ("dirige la Fromagerie X
SAS", "runs the Harbour Inn") or after the part of it they lead, in the genitive ("leitet das
Firmenkundengeschäft der Donautal Landesbank AG"); and a dotted legal form before a word in
lower case ends no sentence."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.context import sentences
from assistant.parsing.people import _company_run, find_people


@pytest.mark.parametrize(("text", "company"), [
    ("Rodrigo dirige la Quesería Valdeón S.L. y busca un distribuidor.", "Quesería Valdeón S.L."),
    ("Paolo gestisce il Caseificio Rossi Srl e cerca un socio.", "Caseificio Rossi Srl"),
    ("Tom runs the Harbour Inn and wants a new chef.", "Harbour Inn"),
    ("Theresa leitet das Firmenkundengeschäft der Donautal Landesbank AG und kennt sich aus.",
     "Donautal Landesbank AG"),
    ("Anne dirige le service export des Vignobles Arnaud SAS et cherche un agent.",
     "Vignobles Arnaud SAS"),
])
def test_the_company_after_a_heading_verb(text: str, company: str) -> None:
    assert _company_run(text) == company


def test_a_german_department_alone_is_no_company() -> None:
    assert _company_run("Jörg leitet die Abteilung Einkauf und sucht Lieferanten.") is None


def test_a_company_split_by_the_card_reader_is_read_whole() -> None:
    owner = OwnerIdentity("Katharina Moser", ("k@moser.at",), "AT", ("a@moser.at",))
    text = ("Liebe Theresa,\n\nTheresa leitet das Firmenkundengeschäft der Donautal Landesbank AG"
            " und kennt die Förderprogramme gut.\n\nLiebe Grüße\nKatharina\n\nKatharina Moser\n"
            "Moser Consulting\nMobil 0664 5550123\n")
    [draft] = find_people(text, owner, known=("Theresa Pichler",))
    assert (draft.title, draft.company) == (None, "Donautal Landesbank AG")


def test_dotted_letters_before_a_lower_case_word_end_no_sentence() -> None:
    assert sentences("Rodrigo dirige Valdeón S.L. y busca un socio. Inés es X.") == [
        "Rodrigo dirige Valdeón S.L. y busca un socio.", "Inés es X."]
    assert sentences("met at acme. wants intro.") == ["met at acme.", "wants intro."]
