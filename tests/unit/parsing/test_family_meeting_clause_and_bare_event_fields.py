"""The meeting's clause ends where one about who the person is starts ("..., he's general
manager at ..."), and a one-line card's field naming a showcase or roadshow is the occasion
(examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.parsing.context import meeting_context


def test_the_meeting_ends_before_who_they_are() -> None:
    said = meeting_context("Met Andreas Georgiou at the Paphos wine tourism evening, he's general "
                           "manager at Troodos Cellars Ltd, 9955 5014.", ("Andreas Georgiou",))
    assert said == "Met at the Paphos wine tourism evening"
    # a clause that is no meeting's keeps the whole sentence as it was
    assert meeting_context("Lunch with Andreas Georgiou, the Troodos man.", ("Andreas Georgiou",))


def test_a_bare_showcase_field_of_a_one_line_card() -> None:
    said = meeting_context("Hafiz bin Yusof | Operations Director | Kedah Rice Mills Sdn Bhd | "
                           "Penang agri-tech showcase | Needs solar dryers", ("Hafiz bin Yusof",))
    assert said == "Penang agri-tech showcase"
