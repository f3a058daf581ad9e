"""Matching needs, interests and promises to resources, and needs to other contacts' offers."""

from __future__ import annotations

import pytest

from assistant.drafting.matching import (
    MIN_SCORE,
    best_introduction,
    best_resource,
    match_promise,
    rank_introductions,
    rank_resources,
    score_offer,
    score_resource,
)
from assistant.drafting.types import NetworkContact, Resource

K8S = Resource("Kubernetes migration checklist", "https://ex.com/k8s", ("kubernetes", "sre"),
               "the one we used at Acme")
RUN = Resource("Trail shoes guide", "https://ex.com/run", ("running",))
HIRE = Resource("Engineering hiring playbook", "https://ex.com/hire", ("hiring", "recruiting"))
DECK = Resource("Seed deck template", "https://ex.com/deck", ("fundraising", "investors"))
TAX = Resource("Steuer-Checkliste für Gründer", "https://ex.de/steuer", ("steuern",))
LIBRARY = (K8S, RUN, HIRE, DECK, TAX)

BOB = NetworkContact("7", "Bob Stone", ("SRE contracting", "Kubernetes consulting"),
                     "runs a small SRE consultancy")
ANN = NetworkContact("9", "Ann Lee", ("angel investing in seed-stage dev tools",), "angel")
CARLA = NetworkContact("11", "Carla Ruiz", ("tax advice for startups",), "tax adviser")
NETWORK = (BOB, ANN, CARLA)


def test_tag_match_outweighs_the_same_word_in_the_title() -> None:
    # Given two resources, one tagged #running and one with "running" only in its title
    tagged = Resource("Shoes", "https://ex.com/a", ("running",))
    titled = Resource("Running shoes", "https://ex.com/b")
    noted = Resource("Shoes", "https://ex.com/c", (), "great for running")
    # When scored against the interest "running"
    scores = [score_resource("running", r) for r in (tagged, titled, noted)]
    # Then tag > title > note
    assert scores[0] > scores[1] > scores[2] > 0


def test_best_resource_for_a_need() -> None:
    # Given a contact migrating to Kubernetes, when the best resource is chosen
    match = best_resource(["migrating our platform to Kubernetes"], [], LIBRARY)
    # Then it is the checklist, with a reason that names the tag
    assert match is not None and match.resource is K8S
    assert match.phrase_kind == "need"
    assert "#kubernetes" in match.why and "migrating our platform to Kubernetes" in match.why


def test_interest_can_be_matched_when_no_need_fits() -> None:
    match = best_resource(["a new office chair"], ["trail running"], LIBRARY)
    assert match is not None and match.resource is RUN
    assert match.phrase_kind == "interest"


def test_needs_beat_interests_of_equal_fit() -> None:
    # Given a need and an interest that each fit one resource equally well
    need_fit = Resource("Hiring", "https://ex.com/h", ("hiring",))
    interest_fit = Resource("Running", "https://ex.com/r", ("running",))
    # When ranked together, then the need wins
    match = best_resource(["hiring"], ["running"], [interest_fit, need_fit])
    assert match is not None and match.resource is need_fit


def test_nothing_below_the_threshold() -> None:
    # Given a need that shares no topic with the library
    assert best_resource(["a good accountant in Lyon"], ["opera"], LIBRARY) is None
    # And a weak overlap (one word of a long need, only in a note) is not enough either
    weak = Resource("Misc", "https://ex.com/m", (), "notes on platform work")
    assert score_resource("platform reliability budget forecast", weak) < MIN_SCORE
    assert rank_resources(["platform reliability budget forecast"], [weak]) == ()


def test_excluded_urls_are_skipped() -> None:
    match = best_resource(["Kubernetes migration"], ["trail running"], LIBRARY,
                          exclude_urls=[K8S.url])
    assert match is not None and match.resource is RUN


def test_rank_lists_each_resource_once_best_first() -> None:
    ranked = rank_resources(["Kubernetes", "SRE help", "Kubernetes migration"], LIBRARY)
    assert [m.resource for m in ranked] == [K8S]
    assert (ranked[0].phrase, ranked[0].score) == ("Kubernetes", 1.0)


def test_promise_matches_the_promised_resource() -> None:
    match = match_promise("send her our migration checklist", LIBRARY)
    assert match is not None and match.resource is K8S
    assert match.phrase_kind == "promise"
    assert match_promise("send him the pricing sheet", LIBRARY) is None


def test_german_need_matches_a_german_resource() -> None:
    match = best_resource(["Hilfe bei Steuern für die Gründung"], [], LIBRARY)
    assert match is not None and match.resource is TAX


def test_best_introduction_for_a_need() -> None:
    # Given a contact who needs an SRE contractor, and Bob who offers SRE contracting
    match = best_introduction(["a good SRE contractor"], NETWORK)
    # Then Bob is suggested, with the offer and a reason naming the shared words
    assert match is not None and match.candidate is BOB
    assert match.offer == "SRE contracting"
    assert "Bob Stone" in match.why and "sre" in match.why


def test_no_introduction_when_offers_do_not_fit() -> None:
    assert best_introduction(["a wedding photographer"], NETWORK) is None
    assert best_introduction([], NETWORK) is None


def test_introduction_excludes_keys_and_ranks_people_once() -> None:
    needs = ["Kubernetes consulting", "SRE contractor", "seed investors"]
    ranked = rank_introductions(needs, NETWORK)
    assert [m.candidate.key for m in ranked].count("7") == 1
    assert ranked[0].candidate is BOB and ranked[0].score == 1.0
    assert best_introduction(needs, NETWORK, exclude_keys=["7"]).candidate is ANN  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("need", "offer", "fits"),
    [
        ("seed investors", "angel investing in seed-stage dev tools", True),
        ("tax advice", "tax advice for startups", True),
        ("Steuerberatung", "Steuerberater für Startups", True),
        ("un abogado laboral", "abogados laborales en Madrid", True),
        ("a designer", "tax advice for startups", False),
        ("marketing help", "engineering help", False),
    ],
)
def test_offer_fit(need: str, offer: str, fits: bool) -> None:
    assert (score_offer(need, offer) >= MIN_SCORE) is fits
