"""A card that opens with the company, and a company whose legal form sits on a line of its own:
a whole line of a company's name ending in a legal form is the company wherever it sits on the
card; a fax is no phone in more languages ("Fakss"); Baltic and Icelandic titles (examples in
tests/corpus/dev: note_ke_card_company_first_*, note_lv_card_company_first_*,
note_us_card_inc_own_line_*)."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.card_layout import card_layout, company_above, is_company_line
from assistant.parsing.contacts import is_title_phrase, person_phones
from assistant.parsing.legal_forms import is_form_word
from assistant.parsing.people import card_names, find_people


@pytest.mark.parametrize(("text", "joined"), [
    ("X\n\nNAIVASHA GREENHOUSE SUPPLIES\nLIMITED\nWanjiru Kamau\n",
     "X\n\nNAIVASHA GREENHOUSE SUPPLIES LIMITED\nWanjiru Kamau\n"),
    ("Director\nChesapeake Sensorworks\nInc.\n617-555-0142\n",
     "Director\nChesapeake Sensorworks Inc.\n617-555-0142\n"),
    ("COMPAGNIE DU CAJOU\nSA\n", "COMPAGNIE DU CAJOU SA\n"),
])
def test_a_legal_form_alone_on_its_line_ends_the_company_above(text: str, joined: str) -> None:
    assert card_layout(text) == joined


@pytest.mark.parametrize("text", [
    "Managing Director\nLimited\n",  # a title above: no company's name
    "Tel 555 0142\nInc.\n",  # a number above
    "Daugavas Koka Nami SIA\nAS\n",  # a form above already
])
def test_a_form_alone_stays_where_the_line_above_is_no_company(text: str) -> None:
    assert card_layout(text) == text


@pytest.mark.parametrize(("line", "company"), [
    ("Daugavas Koka Nami SIA", True), ("HOLBECK FIBRE RECOVERY LTD", True),
    ("Areni Hill Winery CJSC", True), ("Sales Director", False), ("Ilze Ozoliņa", False),
    ("Tel 0113 496 0177", False), ("Marcus Reid - Founder, Tinmouse Games Ltd", False),
    ("Met at Foss Systems GmbH", False), ("Compagnie du Cajou de Katiola SA", True),
])
def test_a_company_line(line: str, company: bool) -> None:
    assert is_company_line(line) is company


def test_sia_is_a_form_only_in_capitals() -> None:
    assert is_form_word("SIA") and is_form_word("CJSC")
    assert not is_form_word("Sia")  # a given name


def test_the_company_above_the_name() -> None:
    text = "Card:\n\nDaugavas Koka Nami SIA\nIlze Ozoliņa-Bērziņa\nValdes locekle\n"
    assert company_above(text, text.index("Ilze"), []) == "Daugavas Koka Nami SIA"
    # someone else's line above is theirs
    two = "Tom Hale, CTO, Foss Ltd\nAna Ruiz\n"
    assert company_above(two, two.index("Ana"), [0]) is None


def test_a_company_line_opening_a_card_is_no_name() -> None:
    text = ("Card:\n\nDaugavas Koka Nami SIA\nIlze Ozoliņa-Bērziņa\nValdes locekle\n"
            "Tālr. 6755 5014\nilze@daugavaskoks.lv\n")
    assert "Daugavas Koka Nami SIA" not in card_names(text, "LV")


def test_a_company_first_card_gives_its_fields() -> None:
    owner = OwnerIdentity(name="Jānis Kalniņš", addresses=("janis@kalninsconsulting.lv",),
                          region="LV")
    text = ("Card from the Riga furniture fair:\n\nDaugavas Koka Nami SIA\nIlze Ozoliņa-Bērziņa\n"
            "Valdes locekle\nTālr. 6755 5014\nFakss 6755 5015\nMob. 2655 0142\n"
            "ilze@daugavaskoks.lv\n")
    person, = find_people(text, owner)
    assert (person.name, person.company, person.title) == (
        "Ilze Ozoliņa-Bērziņa", "Daugavas Koka Nami SIA", "Valdes locekle")
    assert person.phones == ["+37167555014", "+37126550142"]


@pytest.mark.parametrize("label", ["Fakss", "Faksas", "Faksi", "Факс"])
def test_fax_labels_in_more_languages(label: str) -> None:
    assert person_phones(f"Tālr. 6755 5014\n{label} 6755 5015\n", "LV") == ["+37167555014"]


@pytest.mark.parametrize("title", ["Valdes priekšsēdētājs", "Valdes locekle",
                                   "Framkvæmdastjóri", "Juhatuse liige", "Direktorius"])
def test_baltic_and_icelandic_titles(title: str) -> None:
    assert is_title_phrase(title, loose=True)


@pytest.mark.parametrize("prefix", ["Dipl.-Ing. ", "Mme ", "M. ", "Dr. "])
def test_the_company_above_a_name_after_its_prefix(prefix: str) -> None:
    text = f"Karte:\n\nMüller Präzisionstechnik GmbH\n{prefix}Hans-Jörg Wendler\nLeiter Vertrieb\n"
    assert company_above(text, text.index("Hans"), []) == "Müller Präzisionstechnik GmbH"


def test_irish_forms_only_in_capitals() -> None:
    assert is_form_word("DAC") and is_form_word("CLG")
    assert not is_form_word("Dac")
