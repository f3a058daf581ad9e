"""Measures the block labeller on blocks it never trained on: regional blocks composed with a
different seed from the held-out slices of vocab.py's word lists (surnames, given names,
company roots and trades, places, whole titles, title heads and areas held out), less any word
the training blocks hold anyway.

    PYTHONPATH=$PWD python training/blocks/validate.py [--model PATH] [--count N]

Then the same on blocks of the layouts regional.py holds out (where the company sits against
the name and title: one layout id in five, by a stable hash), from the held-out words: layouts
no training block of a candidate mixing them in has.

Prints token accuracy (all tokens, and the NAME, TITLE and COMPANY tokens) and field accuracy
(the name, title and company ``read_block`` returns, as written, against the block's own).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import regional  # noqa: E402

from assistant.parsing.labeller import tagger  # noqa: E402

SEED = 31337  # make_examples.py uses another


def training_words() -> frozenset[str]:
    """Every word of the classic training blocks, and every item of the training slices: a
    held-out item that is one of them is no held-out item."""
    import make_examples

    words: set[str] = set()
    for block in make_examples.classic(random.Random(20261206)):
        for line in block:
            words.update(t for t, _ in line)
    s = regional.Slices(held=False)
    for items in [*s.given.values(), *s.family.values(), s.native, s.roots, s.trades,
                  s.places, s.titles, s.heads, s.areas, s.regions, s.fields, s.faculty]:
        words.update(items)
    return frozenset(words)


def text_of(line: list[list[str]]) -> str:
    out = ""
    for token, _ in line:
        out += token if token == "," or not out else " " + token
    return out


def measure(count: int, layouts: str | None = None) -> dict[str, object]:
    """Held-out words in the shipped mix's shapes (layouts=None); or blocks of regional.py's
    layouts of one slice ("held": layouts no training block has; "train"), from held-out
    words."""
    seen = training_words()
    rng = random.Random(SEED)
    if layouts is None:
        blocks = regional.blocks(rng, count, held=True, exclude=seen)
    else:
        blocks = regional.blocks_v2(rng, count, True, seen, layouts)
    by_layout: dict[str, Counter[str]] = {}
    tokens, right = Counter(), Counter()
    fields, found = Counter(), Counter()
    unseen = Counter()
    for block in blocks:
        text = "\n".join(text_of(line) for line in block.lines)
        tagged = tagger.tag_lines(text)
        if [[t for t, _ in ln] for ln in tagged] != [[t for t, _ in ln] for ln in block.lines]:
            continue  # a line the tagger does not read (too long): not measured
        for gold, got in zip(block.lines, tagged, strict=True):
            for (token, label), (_, guess) in zip(gold, got, strict=True):
                for key in ("all", label if label in {"NAME", "TITLE", "COMPANY"} else None):
                    if key:
                        tokens[key] += 1
                        right[key] += guess == label
                if label in {"NAME", "TITLE", "COMPANY"} and token not in seen:
                    unseen["tokens"] += 1
                    unseen["right"] += guess == label
        read = tagger.read_block(text)
        for key, want, have in (("name", block.name, read.name), ("title", block.title,
                                                                   read.title),
                                ("company", block.company, read.company)):
            if want is None:
                continue
            fields[key] += 1
            hit = (have or "").casefold() == want.casefold()
            found[key] += hit
            if layouts is not None:
                tally = by_layout.setdefault(block.layout, Counter())
                tally[key] += 1
                tally[key + "_ok"] += hit
    out: dict[str, object] = {"blocks": len(blocks)}
    out["token"] = {k: round(right[k] / tokens[k], 3) for k in ("all", "NAME", "TITLE",
                                                                "COMPANY")}
    out["unseen_field_tokens"] = round(unseen["right"] / max(unseen["tokens"], 1), 3)
    out["field"] = {k: f"{found[k]}/{fields[k]} {found[k] / fields[k]:.3f}" for k in fields}
    if by_layout:
        out["company_by_layout"] = {
            lid: f"{c['company_ok']}/{c['company']}" for lid, c in sorted(by_layout.items())
            if c["company"]}
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, default=tagger.MODEL_PATH)
    parser.add_argument("--count", type=int, default=600)
    args = parser.parse_args()
    tagger.MODEL_PATH = args.model
    tagger._tagger.cache_clear()
    report = {"held-out words": measure(args.count),
              "held-out layouts": measure(args.count, "held")}
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
