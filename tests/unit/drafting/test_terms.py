"""Phrase terms: folding, stop words in four languages, light suffix folding."""

from __future__ import annotations

import pytest

from assistant.drafting.terms import fold, similarity, stem, terms


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("SRE contractors", "an SRE contractor"),
        ("trail running", "trail runners"),
        ("companies", "company"),
        ("Datenbanken", "Datenbank"),
        ("Steuerberatung", "Steuerberater"),
        ("développeurs Rust", "developpeur rust"),
        ("hiring", "hire"),
    ],
)
def test_variants_share_terms(left: str, right: str) -> None:
    # Given two spellings of the same idea, when both become terms, then they are equal
    assert terms(left) == terms(right)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("looking for a good SRE contractor", ("sre", "contractor")),
        ("Suche einen guten Steuerberater", ("steuerberat",)),
        ("cherche des développeurs pour une startup", ("developpeur", "startup")),
        ("busca un buen abogado para la empresa", ("abogado", "empresa")),
        ("the and of", ()),
    ],
)
def test_stop_words_are_dropped_in_four_languages(phrase: str, expected: tuple[str, ...]) -> None:
    assert terms(phrase) == expected


def test_fold_removes_accents_and_case() -> None:
    assert fold("Café MÜLLER Straße") == "cafe muller strasse"


def test_short_words_and_codes_are_kept_as_is() -> None:
    # Given short tokens and technology names, then stemming leaves them alone
    assert stem("sre") == "sre"
    assert terms("C++ and C# and k8s") == ("c++", "c#", "k8s")


def test_prefix_similarity_needs_four_letters() -> None:
    # Given stems that only share a prefix, then long prefixes count a little, short ones not
    assert similarity("migr", "migrat") == 0.7
    assert similarity("run", "runway") == 0.0
    assert similarity("sre", "sre") == 1.0
    assert similarity("sales", "legal") == 0.0


def test_terms_keep_order_and_are_distinct() -> None:
    assert terms("Kubernetes, kubernetes and more Kubernetes migration") == ("kubernet", "migr")
