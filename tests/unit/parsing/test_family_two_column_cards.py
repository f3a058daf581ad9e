"""A card typed as it sits, its two columns flattened into lines set apart by wide spaces, is
read column by column (examples in tests/corpus/dev: note_*two_columns_flattened_card*)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.card_layout import card_layout
from assistant.parsing.context import card_occasion
from assistant.parsing.people import find_people

_CARD = ("Card from the Sheffield cutlery trade fair (two columns):\n\n"
         "STANAGE EDGE FORGE LTD                Tel 0114 496 0231\n"
         "Eleanor Whitcombe-Ade                 Fax 0114 496 0232\n"
         "Sales Director                        Mob 07456 555 231\n"
         "eleanor@stanageforge.co.uk            www.stanageforge.co.uk\n\n"
         "Wants a distributor for their chef knives in Scandinavia.\n")


def test_columns_are_read_one_after_the_other_and_the_length_is_kept() -> None:
    read = card_layout(_CARD)
    assert len(read) == len(_CARD)
    assert read.split("\n\n")[1].rstrip().split("\n") == [
        "STANAGE EDGE FORGE LTD", "Eleanor Whitcombe-Ade", "Sales Director",
        "eleanor@stanageforge.co.uk", "Tel 0114 496 0231", "Fax 0114 496 0232",
        "Mob 07456 555 231", "www.stanageforge.co.uk"]
    assert read.split("\n\n")[2] == _CARD.split("\n\n")[2]


def test_a_flattened_card_gives_its_fields() -> None:
    owner = OwnerIdentity(name="Gareth Pryce", addresses=("gareth@pryceadvisory.co.uk",),
                          region="GB")
    person, = find_people(_CARD, owner)
    assert person.name == "Eleanor Whitcombe-Ade"
    assert person.company == "STANAGE EDGE FORGE LTD"
    assert person.title == "Sales Director"
    assert person.phones == ["+441144960231", "+447456555231"]  # no fax


def test_name_left_company_right() -> None:
    owner = OwnerIdentity(name="Colette Arsenault", addresses=("colette@baiepartners.ca",),
                          region="CA")
    text = ("Her card:\n\nMireille Thibodeau-Kerr              Scotian Tidal Works Inc.\n"
            "Director of Engineering              200 Water Street, Halifax\n"
            "T 902-555-0131                       F 902-555-0132\n"
            "M 902-555-0177                       mireille@scotiantidal.ca\n")
    person, = find_people(text, owner)
    assert (person.name, person.title, person.company) == (
        "Mireille Thibodeau-Kerr", "Director of Engineering", "Scotian Tidal Works Inc.")


def test_lines_not_set_apart_in_columns_are_kept() -> None:
    one = "Met Ana Ruiz at the expo.\nTel 0114 496 0231     Fax 0114 496 0232\n"
    assert card_layout(one) == one  # one line set apart: no columns
    table = ("Ana Ruiz     ana@ruiz.es\nLeo Marr     leo@marr.ie\n")
    assert card_layout(table) == table  # several people's addresses: a table, row by row


def test_a_card_heading_with_a_remark_in_brackets() -> None:
    assert card_occasion("His card, from the Yerevan wine days (two columns):") == (
        "Yerevan wine days")


def test_columns_set_apart_by_tabs() -> None:
    text = ("Katarina Oyelaran-Moss\tRiverbend Filtration LLC\n"
            "VP of Sales\t1200 Blake Street, Denver\nT 303-555-0142\tF 303-555-0143\n")
    assert card_layout(text).rstrip().split("\n") == [
        "Katarina Oyelaran-Moss", "VP of Sales", "T 303-555-0142", "Riverbend Filtration LLC",
        "1200 Blake Street, Denver", "F 303-555-0143"]


def test_labels_set_apart_from_their_values_are_no_columns() -> None:
    text = "Jane Doe\nPhone:      555-0142\nFax:        555-0143\n"
    assert card_layout(text) == text
    owner = OwnerIdentity(name="Gareth Pryce", addresses=("gareth@pryceadvisory.co.uk",),
                          region="GB")
    card = ("Card:\n\nEleanor Whitcombe-Ade\nSales Director\nTel        0114 496 0231\n"
            "Fax        0114 496 0232\neleanor@stanageforge.co.uk\n")
    person, = find_people(card, owner)
    assert person.phones == ["+441144960231"]
