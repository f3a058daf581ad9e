"""``assistant eval``: score the parsers on public corpora (one folder each, with manifest.json).

Kinds scored: forward unwrapping, reply/quote trimming, signature detection and name labels;
cases whose assertions have no counterpart in the product are listed as not applicable.
"""

from assistant.evaluation.runner import evaluate, run, tabulate

__all__ = ["evaluate", "run", "tabulate"]
