"""A copied colleague's title as the writer gives it: "Sadia, copied here, is our head of
risk and compliance", "Rojina, in cc, is our finance and export manager": the whole phrase,
its "and" joining two fields of the title, and "copied here" as "copied"."""

from __future__ import annotations

import pytest

from assistant.parsing.draft import ContactDraft
from assistant.parsing.message import _colleague_title


@pytest.mark.parametrize(("body", "name", "title"), [
    ("Good to meet you. Wiebke, copied here, is our head of quality and sustainability.",
     "Wiebke Hollander", "head of quality and sustainability"),
    ("Thanks for visiting. Anneke, in cc, is our finance and export manager. We need a loan.",
     "Anneke Visser", "finance and export manager"),
    ("Mick, cc'd here, is our head winemaker and is keen to talk.", "Mick Farrell",
     "head winemaker"),
])
def test_the_whole_title(body: str, name: str, title: str) -> None:
    assert _colleague_title(body, ContactDraft(name=name)) == title
