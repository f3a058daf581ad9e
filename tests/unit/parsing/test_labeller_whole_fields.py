"""Fields the model splits across two are kept whole by rule, whatever the model: a title's last
word before "| Company", a company line's first words read as a title or as nothing, a title's
last words read as a name; and a person a card names is called by their given name later.
Invented people and organisations, each a literal block."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.labeller.tagger import _line_fields
from assistant.parsing.labeller.tokens import spans
from assistant.parsing.people import find_people


def fields(text: str, labels: list[list[str]]) -> list[list[str]]:
    lines = [(line, spans(line)) for line in text.splitlines()]
    assert [len(tokens) for _, tokens in lines] == [len(labs) for labs in labels]
    return _line_fields(lines, labels)


def test_a_title_ends_at_the_separator_before_the_company() -> None:
    # Given a title whose last word the model read as the company's, before a bar
    text = "Jefa de Compras Regionales | Grupo Harinero Talavén"
    labels = [["TITLE"] * 3 + ["COMPANY", "SEP"] + ["COMPANY"] * 3]
    # Then the word is the title's
    assert fields(text, labels) == [["TITLE"] * 4 + ["SEP"] + ["COMPANY"] * 3]


def test_a_line_under_the_title_that_is_no_title_is_the_company() -> None:
    # Given an institute's line whose first words the model read as a title
    text = "Ferro Quellan\nResponsable des achats\nInstitut Varennois des Polymères"
    labels = [["NAME", "NAME"], ["TITLE"] * 3, ["TITLE", "TITLE", "COMPANY", "COMPANY"]]
    # Then the whole line is the company
    assert fields(text, labels)[2] == ["COMPANY"] * 4


def test_a_second_title_line_stays_the_title_when_another_line_is_the_company() -> None:
    # Given a title over two lines, then the company
    text = "Head of Research\nSoil Microbiology\nOrvane Agrisystems"
    labels = [["TITLE"] * 3, ["TITLE", "TITLE"], ["COMPANY", "COMPANY"]]
    # Then the second line is still the title's
    assert fields(text, labels)[1] == ["TITLE", "TITLE"]


def test_a_name_holds_no_lower_case_word() -> None:
    # Given a title under the name whose last words the model read as a name
    text = "Trịnh Văn Hòa\nTrưởng phòng Kế hoạch\nCông ty Cổ phần Gạch Đông Lâm"
    labels = [["NAME"] * 3, ["TITLE", "TITLE", "NAME", "NAME"], ["COMPANY"] * 7]
    # Then they are the title's
    assert fields(text, labels)[1] == ["TITLE"] * 4


def test_a_card_named_person_is_called_by_the_given_name_later() -> None:
    # Given a note listing a Vietnamese name, then a promise to her by her given name
    owner = OwnerIdentity("Sam Rivera", ("sam@example.com",), "VN", ("assistant@example.net",))
    text = ("Two from the expo:\n"
            "1. Phan Thị Ngọc Lan, chair of Delta Orchard Growers Union, lan@deltaorchard.example\n"
            "2. Marcus Tran, buyer at Quillon Foods, marcus@quillon.example\n"
            "I'll send Lan our cold-chain figures.")
    # Then the promise is hers
    drafts = {d.name: d.promises for d in find_people(text, owner)}
    assert drafts.get("Phan Thị Ngọc Lan") == ["our cold-chain figures"]
    assert not drafts.get("Marcus Tran")
