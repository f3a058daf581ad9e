"""Rebuild the shipped block model from ``training/blocks/*.jsonl``:

    python -m assistant.parsing.labeller.train      (or: make model)

A candidate, from another folder of examples, into another file (nothing shipped changes):

    python training/blocks/make_examples.py --regional 1300 --classic-copies 3 --out /tmp/cand
    python -m assistant.parsing.labeller.train --folder /tmp/cand --model /tmp/cand/blocks.crfsuite
    python training/blocks/validate.py --model /tmp/cand/blocks.crfsuite

Deterministic: the files are read in name order, the examples in file order, and CRFsuite's
L-BFGS trainer has no randomness; its parameters are fixed here. The same examples give a
byte-identical ``blocks.crfsuite``. ``blocks.record.json`` records what built it: each training
file's SHA-256, the parameters, the library version and the model's own SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from assistant.parsing.labeller.features import block_features
from assistant.parsing.labeller.tagger import MODEL_PATH

ROOT = Path(__file__).resolve().parents[3]
TRAINING = ROOT / "training" / "blocks"
RECORD_PATH = MODEL_PATH.with_name("blocks.record.json")
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
REGION = "US"


def examples(folder: Path = TRAINING) -> list[list[list[tuple[str, str]]]]:
    """Every labelled block: lines of (token, label)."""
    blocks = []
    for path in sorted(folder.glob("*.jsonl")):
        for text in path.read_text(encoding="utf-8").splitlines():
            if text.strip():
                blocks.append([[(t, lab) for t, lab in line] for line in json.loads(text)])
    return blocks


def sequence(block: list[list[tuple[str, str]]]) -> tuple[list[list[str]], list[str]]:
    """Features and labels of a block, laid out as the tagger lays out a block it reads."""
    lines = []
    for line in block:
        text, offsets = "", []
        for token, _ in line:
            text += (" " if text else "")
            offsets.append((len(text), token))
            text += token
        lines.append((text, offsets))
    features = [row for rows in block_features(lines, REGION) for row in rows]
    return features, [label for line in block for _, label in line]


def fit(blocks: list[list[list[tuple[str, str]]]], model: Path) -> None:
    """Train a CRF on ``blocks`` (in their order) with the fixed parameters; write it."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(PARAMS)
    for block in blocks:
        trainer.append(*sequence(block))
    trainer.train(str(model))


def train(folder: Path = TRAINING, model: Path = MODEL_PATH) -> dict[str, object]:
    fit(examples(folder), model)
    record = {
        "command": "python -m assistant.parsing.labeller.train",
        "training": {p.relative_to(ROOT).as_posix(): _sha256(p) for p in
                     sorted(folder.glob("*.jsonl"))},
        "examples": len(examples(folder)),
        "algorithm": "lbfgs", "params": PARAMS, "region": REGION,
        "python-crfsuite": _version(),
        "model": {"path": model.relative_to(ROOT).as_posix(), "sha256": _sha256(model),
                  "bytes": model.stat().st_size},
    }
    RECORD_PATH.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _version() -> str:
    from importlib.metadata import version

    return version("python-crfsuite")


def main(argv: list[str] | None = None) -> None:
    """``make model``; with --folder and --model, a candidate trained from another folder of
    examples into another file (no record written), to measure it before it is shipped."""
    import argparse
    import time

    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--model", type=Path)
    args = parser.parse_args(argv)
    if args.folder is None and args.model is None:
        print(json.dumps(train()["model"]))
        return
    started = time.monotonic()
    fit(examples(args.folder or TRAINING), args.model or MODEL_PATH)
    print(json.dumps({"model": str(args.model), "seconds": round(time.monotonic() - started, 1)}))


if __name__ == "__main__":
    main()
    sys.exit(0)
