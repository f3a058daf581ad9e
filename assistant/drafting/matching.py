"""Matching a contact's needs, interests and promises to the owner's resources and network.

Pure and small on purpose: a phrase ("a good SRE contractor") becomes a few stems (see
:mod:`assistant.drafting.terms`); a resource scores by how much of the phrase its tags, title and
note cover, tags counting most because the owner chose them; another contact scores by how much
of the need their offer covers. Below ``MIN_SCORE`` nothing is suggested: a draft with no tidbit
is better than a draft with an irrelevant one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.drafting.terms import best_similarity, term_words, terms
from assistant.drafting.types import IntroMatch, NetworkContact, Resource, ResourceMatch

log = logging.getLogger(__name__)

MIN_SCORE = 0.34
TAG_WEIGHT = 3.0
TITLE_WEIGHT = 2.0
NOTE_WEIGHT = 1.0
# Needs come first: helping with what someone is trying to do beats a hobby link.
INTEREST_FACTOR = 0.8


@dataclass(frozen=True)
class _Hit:
    """One phrase word covered by one resource field."""

    word: str
    field: str  # "tag", "title" or "note"
    matched: str  # the tag, or the title/note word it met
    weight: float


def score_resource(phrase: str, resource: Resource) -> float:
    """How well ``resource`` fits ``phrase``, in [0, 1]."""
    return _score(_resource_hits(phrase, resource), phrase)


def rank_resources(
    phrases: Iterable[str],
    resources: Sequence[Resource],
    *,
    phrase_kind: str = "need",
    min_score: float = MIN_SCORE,
) -> tuple[ResourceMatch, ...]:
    """Resources at or above ``min_score`` for any of ``phrases``, best first, each resource once
    (with the phrase it fits best). Ties keep the order of phrases, then of resources."""
    best: dict[int, ResourceMatch] = {}
    for phrase in phrases:
        for index, resource in enumerate(resources):
            hits = _resource_hits(phrase, resource)
            score = _score(hits, phrase)
            if score >= min_score and (index not in best or score > best[index].score):
                why = _resource_why(phrase_kind, phrase, hits)
                best[index] = ResourceMatch(resource, phrase, phrase_kind, round(score, 3), why)
    return tuple(sorted(best.values(), key=lambda match: -match.score))


def best_resource(
    needs: Sequence[str],
    interests: Sequence[str],
    resources: Sequence[Resource],
    *,
    exclude_urls: Iterable[str] = (),
    min_score: float = MIN_SCORE,
) -> ResourceMatch | None:
    """The one resource that best fits a need or interest, skipping ``exclude_urls`` (already
    promised, or shared in an earlier draft)."""
    excluded = set(exclude_urls)
    for match in ranked_tidbits(needs, interests, resources, min_score=min_score):
        if match.resource.url not in excluded:
            return match
    return None


def ranked_tidbits(
    needs: Sequence[str],
    interests: Sequence[str],
    resources: Sequence[Resource],
    *,
    min_score: float = MIN_SCORE,
) -> tuple[ResourceMatch, ...]:
    """Needs and interests together, interests discounted by ``INTEREST_FACTOR``, best first."""
    by_need = rank_resources(needs, resources, min_score=min_score)
    by_interest = tuple(
        _discounted(match)
        for match in rank_resources(interests, resources, phrase_kind="interest",
                                    min_score=min_score / INTEREST_FACTOR)
    )
    merged: dict[str, ResourceMatch] = {}
    for match in sorted((*by_need, *by_interest), key=lambda m: -m.score):
        merged.setdefault(match.resource.url, match)
    return tuple(merged.values())


def match_promise(
    promise: str, resources: Sequence[Resource], *, min_score: float = MIN_SCORE
) -> ResourceMatch | None:
    """The resource that fulfils a promise ("send her our migration checklist"), if any."""
    ranked = rank_resources([promise], resources, phrase_kind="promise", min_score=min_score)
    return ranked[0] if ranked else None


def score_offer(need: str, offer: str) -> float:
    """How much of ``need`` the ``offer`` covers, in [0, 1]."""
    need_terms = terms(need)
    if not need_terms:
        return 0.0
    offer_terms = terms(offer)
    return sum(best_similarity(term, offer_terms)[0] for term in need_terms) / len(need_terms)


def rank_introductions(
    needs: Sequence[str],
    candidates: Sequence[NetworkContact],
    *,
    exclude_keys: Iterable[str] = (),
    min_score: float = MIN_SCORE,
) -> tuple[IntroMatch, ...]:
    """Other contacts whose offers fit one of ``needs``, best first, each person once."""
    excluded = set(exclude_keys)
    best: dict[str, IntroMatch] = {}
    for need in needs:
        for candidate in candidates:
            if candidate.key in excluded:
                continue
            for offer in candidate.offers:
                score = score_offer(need, offer)
                known = best.get(candidate.key)
                if score >= min_score and (known is None or score > known.score):
                    why = _intro_why(candidate, need, offer)
                    best[candidate.key] = IntroMatch(candidate, need, offer, round(score, 3), why)
    return tuple(sorted(best.values(), key=lambda match: -match.score))


def best_introduction(
    needs: Sequence[str],
    candidates: Sequence[NetworkContact],
    *,
    exclude_keys: Iterable[str] = (),
    min_score: float = MIN_SCORE,
) -> IntroMatch | None:
    """The best introduction candidate for this person's needs, or None."""
    ranked = rank_introductions(needs, candidates, exclude_keys=exclude_keys, min_score=min_score)
    return ranked[0] if ranked else None


def _resource_hits(phrase: str, resource: Resource) -> tuple[_Hit, ...]:
    fields = (
        ("tag", TAG_WEIGHT, _tag_terms(resource.tags)),
        ("title", TITLE_WEIGHT, term_words(resource.title)),
        ("note", NOTE_WEIGHT, term_words(resource.note)),
    )
    hits = []
    for stem, word in term_words(phrase):
        options = [_field_hit(stem, word, *field) for field in fields]
        best = max(options, key=lambda hit: hit.weight)
        if best.weight > 0:
            hits.append(best)
    return tuple(hits)


def _field_hit(
    stem: str, word: str, field: str, weight: float, words: tuple[tuple[str, str], ...]
) -> _Hit:
    similarity, matched_stem = best_similarity(stem, tuple(s for s, _ in words))
    matched = dict(words).get(matched_stem, "")
    return _Hit(word, field, matched, weight * similarity)


def _tag_terms(tags: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Each tag's stems, mapped back to the tag itself so the "why" can name it."""
    pairs: dict[str, str] = {}
    for tag in tags:
        for stem, _ in term_words(tag.replace("-", " ").replace("_", " ")):
            pairs.setdefault(stem, tag.lstrip("#"))
    return tuple(pairs.items())


def _score(hits: tuple[_Hit, ...], phrase: str) -> float:
    count = len(terms(phrase))
    return sum(hit.weight for hit in hits) / (TAG_WEIGHT * count) if count else 0.0


def _resource_why(kind: str, phrase: str, hits: tuple[_Hit, ...]) -> str:
    tags = sorted({f"#{hit.matched}" for hit in hits if hit.field == "tag"})
    words = sorted({hit.matched for hit in hits if hit.field != "tag"})
    reasons = ([f"tagged {', '.join(tags)}"] if tags else []) + (
        [f"mentions {', '.join(repr(w) for w in words)}"] if words else []
    )
    return f'fits the {kind} "{phrase}": {" and ".join(reasons)}'


def _intro_why(candidate: NetworkContact, need: str, offer: str) -> str:
    shared = sorted({word for stem, word in term_words(need)
                     if best_similarity(stem, terms(offer))[0] > 0})
    return (f'{candidate.name} offers "{offer}", which fits the need "{need}" '
            f"(shared: {', '.join(shared)})")


def _discounted(match: ResourceMatch) -> ResourceMatch:
    return ResourceMatch(match.resource, match.phrase, match.phrase_kind,
                         round(match.score * INTEREST_FACTOR, 3), match.why)
