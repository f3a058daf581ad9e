"""Letters after a name on a card's name line ("ISABELLE ROY, ING.", "Marc Roy, P.Eng.") are
blanked in place, and a Québec "Téléc." line is a fax."""

from __future__ import annotations

import pytest

from assistant.parsing.contacts import person_phones
from assistant.parsing.people import _without_post_nominals


@pytest.mark.parametrize(("line", "kept"), [
    ("ISABELLE ROY, ING.", "ISABELLE ROY"),
    ("Marc-André Tremblay, P.Eng.", "Marc-André Tremblay"),
    ("Julie Caron, CRHA", "Julie Caron"),
    ("Harjit Sandhu, P.ENG., MBA", "Harjit Sandhu"),
])
def test_letters_after_a_name_line_are_blanked_in_place(line: str, kept: str) -> None:
    text = f"Carte :\n{line}\nDIRECTRICE\n"
    out = _without_post_nominals(text)
    assert len(out) == len(text)
    assert out.splitlines()[1].rstrip() == kept


def test_a_sentence_with_a_comma_is_left_alone() -> None:
    text = "Met Julie at the expo, MBA students everywhere."
    assert _without_post_nominals(text) == text


def test_a_telec_line_is_a_fax() -> None:
    card = "Tél. : 819 555-0147\nTéléc. : 819 555-0148\n"
    assert person_phones(card, "CA") == ["+18195550147"]
