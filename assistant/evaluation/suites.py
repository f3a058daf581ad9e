"""Which scorer reads which corpus: one entry per public corpus folder.

Each corpus encodes its expectations its own way (see its SOURCE.md); the scorers translate them
into checks on the product's functions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

from assistant.evaluation import (
    forward_sets,
    names,
    own_corpus,
    quagga,
    reply_parsers,
    signature_fields,
    signature_sets,
    trimmers,
)
from assistant.evaluation.model import (
    FORWARDS,
    QUOTE_HEADERS,
    SIGNATURES,
    Case,
    Check,
    NotApplicable,
)

Outcome = list[Check] | NotApplicable
Scorer = Callable[[Case], Outcome]


def _by_kind(forwards: Scorer, others: Scorer, kind: str = FORWARDS) -> Scorer:
    return lambda case: forwards(case) if case.kind == kind else others(case)


def _not_applicable(reason: str) -> Scorer:
    return lambda case: NotApplicable(reason)


def _quotequail(case: Case) -> Outcome:
    api = str(case.data.get("api", ""))
    if case.kind == QUOTE_HEADERS:
        return NotApplicable("parses date and sender out of an attribution line (no such API)")
    if api.startswith("quotequail.quote"):
        return trimmers.score_quotequail_quote(case)
    expected = case.data.get("expected")
    if isinstance(expected, dict) and expected.get("type") == "forward":
        return forward_sets.score_quotequail_forward(case)
    return trimmers.score_quotequail_reply(case)


SCORERS: dict[str, Scorer] = {
    "github-email_reply_parser": reply_parsers.score_reply_parser,
    "zapier-email-reply-parser": reply_parsers.score_reply_parser,
    "willdurand-EmailReplyParser": reply_parsers.score_reply_parser,
    "crisp-email-reply-parser": reply_parsers.score_crisp,
    "mail-parser-reply": reply_parsers.score_mail_parser_reply,
    "extended_email_reply_parser": reply_parsers.score_extended,
    "email_reply_trimmer": _by_kind(forward_sets.score_trimmer_embedded,
                                    trimmers.score_reply_trimmer),
    "talon": _by_kind(signature_sets.score_talon_signature, trimmers.score_talon_quotations,
                      SIGNATURES),
    "discourse": _by_kind(forward_sets.score_discourse_forward, trimmers.score_discourse_reply),
    "quotequail": _quotequail,
    "mailgun-forge": signature_sets.score_forge,
    "probablepeople": names.score_names,
    "email_signature_parser": signature_fields.score_signature_fields,
    "usaddress": _not_applicable("the product has no postal-address parser"),
    "quagga-enron": quagga.score_quagga,
    "heldout": own_corpus.score_message,
    "retired": own_corpus.score_message,
    "retired2": own_corpus.score_message,
    "retired3": own_corpus.score_message,
    "retired4": own_corpus.score_message,
    "retired5": own_corpus.score_message,
    "retired6": own_corpus.score_message,
    "retired7": own_corpus.score_message,
    "retired8": own_corpus.score_message,
    "retired9": own_corpus.score_message,
    "retired10": own_corpus.score_message,
    "retired11": own_corpus.score_message,
    "retired12": own_corpus.score_message,
    "retired13": own_corpus.score_message,
    "retired14": own_corpus.score_message,
    "retired15": own_corpus.score_message,
    "retired16": own_corpus.score_message,
    "retired17": own_corpus.score_message,
    "retired18": own_corpus.score_message,
    "retired19": own_corpus.score_message,
    "retired20": own_corpus.score_message,
    "retired21": own_corpus.score_message,
    "retired22": own_corpus.score_message,
    "retired23": own_corpus.score_message,
    "retired24": own_corpus.score_message,
    "retired25": own_corpus.score_message,
    "dev": own_corpus.score_message,
}
_RECORD_CORPORA = {"probablepeople", "usaddress"}


def corpus_cases(folder: Path) -> Iterator[Case]:
    """Every case of one corpus folder (manifest cases, or labelled records)."""
    if folder.name in _RECORD_CORPORA:
        yield from names.name_cases(folder.name, folder)
        return
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for data in manifest.get("cases", []):
        yield Case(folder.name, folder, data)


def scorer_for(corpus: str) -> Scorer:
    return SCORERS.get(corpus, _not_applicable("no scorer for this corpus"))
