"""The tagger's own clean-up of the spans the block model reads: separators, conjunctions and
a sentence's full stop at a field's ends, an area between a title and its company, the joiner
of two surnames, a company read in the middle of a sentence."""

from __future__ import annotations

from assistant.parsing.labeller.tagger import (
    _area_before_company,
    _joiner_after_name,
    _mid_sentence,
    _without_end_separators,
    _without_full_stop,
)
from assistant.parsing.labeller.tokens import spans


def test_a_field_loses_separators_and_a_conjunction_at_its_ends() -> None:
    assert _without_end_separators("Fernhollow Capital -") == "Fernhollow Capital"
    assert _without_end_separators("| Founder ·") == "Founder"
    assert _without_end_separators("Verrerie Isnard et") == "Verrerie Isnard"


def test_a_company_at_a_sentences_end_loses_the_full_stop_not_its_legal_forms_dot() -> None:
    assert _without_full_stop("Nordkai Logistik.") == "Nordkai Logistik"
    assert _without_full_stop("Acme Corp.") == "Acme Corp."
    assert _without_full_stop("Vela S.p.A.") == "Vela S.p.A."


def _runs(line: str, labels: list[str]) -> list[tuple[str, list[tuple[int, str]]]]:
    out: list[tuple[str, list[tuple[int, str]]]] = []
    for token, label in zip(spans(line), labels, strict=True):
        if out and out[-1][0] == label:
            out[-1][1].append(token)
        else:
            out.append((label, [token]))
    return out


def test_an_area_between_a_title_and_its_company_is_the_titles() -> None:
    line = "Category Lead, Dairy & Bakery, Glenholm Foods Ltd"
    runs = _runs(line, ["TITLE", "TITLE", "SEP", "COMPANY", "COMPANY", "COMPANY", "SEP",
                        "COMPANY", "COMPANY", "COMPANY"])
    assert [lab for lab, _ in _area_before_company(line, runs)] == ["TITLE", "SEP", "COMPANY"]


def test_a_name_stops_before_the_joiner_of_two_surnames() -> None:
    runs = _runs("Montse Vilar i Soler", ["NAME", "NAME", "NAME", "TITLE"])
    assert [(lab, [t for _, t in span]) for lab, span in _joiner_after_name(runs)] == [
        ("NAME", ["Montse", "Vilar"]), ("OTHER", ["i"]), ("TITLE", ["Soler"])]


def test_a_company_in_the_middle_of_a_sentence_is_left_to_the_prose_rules() -> None:
    runs = _runs("arbeitet bei Kältewerk im Einkauf",
                 ["OTHER", "OTHER", "COMPANY", "OTHER", "OTHER"])
    assert "COMPANY" not in [lab for lab, _ in _mid_sentence(runs)]
