"""The cards benchmark's scoring: fixed halves, and a company read with or without its legal
form (invented labels; no card of the benchmark's)."""

from __future__ import annotations

from assistant.cards.fields import CardReading
from benchmarks.cards_bench import (
    half_of,
    new_tallies,
    score,
    shown_misses,
    table_rows,
    tally_reading,
)


def label(number: int, company: list[str]) -> dict:
    return {"image": f"images/{number:03d}.png", "name": "Jane Okafor", "emails_any_of": [],
            "main_phone_any_of": [], "company_spans": company, "title_spans": []}


def test_cards_fall_in_fixed_halves_by_image_number() -> None:
    assert half_of(label(7, [])) == "odd"
    assert half_of(label(12, [])) == "even"


def test_a_company_is_right_with_or_without_its_legal_form() -> None:
    logo = label(1, ["LUMENFIELD"])
    assert score(logo, CardReading(name="Jane Okafor", company="Lumenfield, Ltd."))["company"]
    assert score(label(1, ["Lumenfield Robotics,Inc."]),
                 CardReading(company="Lumenfield Robotics"))["company"]
    assert not score(logo, CardReading(company="Lumenfield Research Laboratory"))["company"]


def test_an_unlabelled_company_is_not_scored() -> None:
    assert "company" not in score(label(1, []), CardReading(company="Anything"))


def test_each_half_is_tallied_apart_and_only_the_odd_halfs_misses_are_shown() -> None:
    tallies = new_tallies()
    tally_reading(tallies, label(1, ["Lumenfield"]), "scan", CardReading(company="Other"), 0.0)
    tally_reading(tallies, label(2, ["Lumenfield"]), "scan", CardReading(company="Other2"), 0.0)
    rows = table_rows(tallies)
    assert rows["scan"]["cards"] == 2
    assert rows["odd scan"]["cards"] == rows["even scan"]["cards"] == 1
    misses = shown_misses(tallies, None)
    assert any("001" in miss for miss in misses)
    assert not any("002" in miss for miss in misses)
    assert any("002" in miss for miss in shown_misses(tallies, "even"))
