"""A copied colleague is found by any word of their name ("Mei Yee, in cc, is our head of
sustainability" for Chong Mei Yee, family name first), and "chief of staff" is a title."""

from __future__ import annotations

from assistant.parsing.contacts import is_title_phrase
from assistant.parsing.draft import ContactDraft
from assistant.parsing.message import _colleague_in, _colleague_title


def test_a_colleague_with_the_family_name_first() -> None:
    body = "Thanks for stopping by. Kenji, in cc, is our head of quality. We need a distributor."
    draft = ContactDraft(name="Watanabe Kenji")
    assert _colleague_title(body, draft) == "head of quality"
    assert _colleague_in(body, draft)


def test_chief_of_staff_is_a_title() -> None:
    assert is_title_phrase("chief of staff")
    body = "Lovely to meet you. Tomás, copied, is our chief of staff."
    assert _colleague_title(body, ContactDraft(name="Tomás Echeverría")) == "chief of staff"


def test_another_person_named_is_no_colleague() -> None:
    body = "Great chatting. Anna, in cc, is our head of quality."
    assert _colleague_title(body, ContactDraft(name="Watanabe Kenji")) is None
