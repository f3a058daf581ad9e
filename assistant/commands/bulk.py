"""Bulk answers to a digest (pure): "send 1 3 5", "send 1-4", "skip 2", "send all but 3".

Each line of the owner's new text names drafts by their numbers in the digest and says what to
do with them. The numbers are taken out first (one at a time, ranges, "all", "all but N"); what
remains of the line is read by the approval-reply reader (``assistant.parsing.replies``), so a
line says send, skip or snooze in every language that reader knows, and its doubts (a
negation, a question, words it does not know) are doubts here too.

Safety first: when anything is unclear (a line not understood, a number the digest does not
have, a draft given two answers, "send" with no number in a digest of several), the answer is
``clear=False`` and nothing is done; the owner is asked one question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.domain import ReplyIntent
from assistant.parsing.replies import decide, normalize, read_signals

SEND, SKIP, SNOOZE = "send", "skip", "snooze"
_ACTIONS = {ReplyIntent.APPROVE: SEND, ReplyIntent.SKIP: SKIP, ReplyIntent.SNOOZE: SNOOZE}

_ALL = r"(?:all|everything|every one|alle|alles|tout|tous|toutes|todo|todos|todas)"
_BUT = r"(?:but|except(?: for)?|apart from|ausser|außer|bis auf|sauf|excepte|menos|excepto|salvo)"
_AND = r"(?:,|&|\+|and|und|et|y)"
# A number followed by a unit is a duration ("snooze 4 3d", "in 2 weeks"), never a draft.
_UNIT = (r"(?:d|days?|tagen?|tg|j|jours?|dias?|w|wks?|weeks?|wochen?|semaines?|semanas?|"
         r"months?|monaten?|mois|mes|meses)")
_DURATION = re.compile(rf"(?<![\w-])\d{{1,3}} ?{_UNIT}(?!\w)")
_RANGE = re.compile(r"(?<![\w-])(\d{1,3}) ?(?:-|–|to|bis|a|au|hasta) ?(\d{1,3})(?![\w-])")
_NUMBER = re.compile(r"(?<![\w-])#?(\d{1,3})(?![\w-])")
_ALL_BUT = re.compile(rf"(?<!\w){_ALL} {_BUT}((?: ?(?:{_AND}|#?\d{{1,3}}|(?:\d{{1,3}} ?(?:-|to) ?"
                      rf"\d{{1,3}})))+)")
_ALL_WORD = re.compile(rf"(?<!\w){_ALL}(?!\w)")


@dataclass(frozen=True)
class Step:
    """What one line asks: ``action`` (send, skip, snooze) for the drafts numbered ``items``."""

    action: str
    items: tuple[int, ...]
    days: int | None = None


@dataclass(frozen=True)
class BulkAnswer:
    """The owner's answer: the steps when ``clear``, else ``doubts`` in plain words."""

    steps: tuple[Step, ...] = ()
    doubts: tuple[str, ...] = field(default=())

    @property
    def clear(self) -> bool:
        return bool(self.steps) and not self.doubts

    def chosen(self, action: str) -> tuple[int, ...]:
        return tuple(sorted({n for s in self.steps if s.action == action for n in s.items}))


def parse_bulk(text: str, count: int) -> BulkAnswer:
    """Read the owner's new text (above the quote) against a digest of ``count`` drafts."""
    steps: list[Step] = []
    doubts: list[str] = []
    for line in _lines(text):
        step, doubt = _read_line(line, count)
        if doubt:
            doubts.append(doubt)
        elif step is not None:
            steps.append(step)
    if not steps and not doubts:
        doubts.append("I found no answer in your reply")
    doubts.extend(_conflicts(steps))
    return BulkAnswer(tuple(steps), tuple(doubts))


def _lines(text: str) -> list[str]:
    kept = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = normalize(raw).strip(" .!")
        if not line:
            continue
        if line.startswith("--") or _is_closing(line):
            break  # the signature or "Thanks, Bob": nothing below is an answer
        kept.append(line)
    return kept


def _is_closing(line: str) -> bool:
    return bool(re.fullmatch(r"(?:thanks?|thank you|cheers|best|danke|merci|gracias|saludos|"
                             r"gruss|grusse|cordialement)[ ,!a-z]{0,30}", line))


def _read_line(line: str, count: int) -> tuple[Step | None, str | None]:
    items, rest, problem = _selection(line, count)
    if problem:
        return None, problem
    intent, days = decide(read_signals(rest or "?"))
    action = _ACTIONS.get(intent)
    if action is None:
        return None, f"I did not understand “{line}”"
    if items is None:
        if count != 1:
            return None, f"“{line}” does not say which drafts (a number, or all)"
        items = (1,)
    return Step(action, items, days if action == SNOOZE else None), None


def _selection(line: str, count: int) -> tuple[tuple[int, ...] | None, str, str | None]:
    """(the numbers named, the line without them, a problem); numbers None when none named."""
    durations: list[str] = []

    def keep(match: re.Match[str]) -> str:
        durations.append(match.group(0))
        return f" @{chr(ord('a') + len(durations) - 1)} "

    work = _DURATION.sub(keep, f" {line} ")
    chosen: set[int] = set()
    named = False
    but = _ALL_BUT.search(work)
    if but:
        excluded = _numbers(but.group(1), count)
        if isinstance(excluded, str):
            return None, "", excluded
        chosen |= set(range(1, count + 1)) - excluded
        named, work = True, work[:but.start()] + " " + work[but.end():]
    elif _ALL_WORD.search(work):
        chosen |= set(range(1, count + 1))
        named, work = True, _ALL_WORD.sub(" ", work)
    found = _numbers(work, count)
    if isinstance(found, str):
        return None, "", found
    if found and named:  # "all 2": all, or only 2? ("all but 2" was read above)
        return None, "", f"“{line.strip()}” names all the drafts and some numbers"
    if found:
        chosen |= found
        named = True
        work = _NUMBER.sub(" ", _RANGE.sub(" ", work))
    work = re.sub(rf"(?<!\w){_AND}(?!\w)", " ", work)
    work = re.sub(r"@([a-z])", lambda m: durations[ord(m.group(1)) - ord("a")], work)
    return (tuple(sorted(chosen)) if named else None), " ".join(work.split()), None


def _numbers(text: str, count: int) -> set[int] | str:
    """The draft numbers in ``text`` ("1 3 5", "1-4", "#2"), or a problem in plain words."""
    numbers: set[int] = set()
    for match in _RANGE.finditer(text):
        low, high = int(match.group(1)), int(match.group(2))
        if low > high:
            return f"the range {low}-{high} runs backwards"
        numbers |= set(range(low, high + 1))
    for match in _NUMBER.finditer(_RANGE.sub(" ", text)):
        numbers.add(int(match.group(1)))
    outside = sorted(n for n in numbers if not 1 <= n <= count)
    if outside:
        listed = ", ".join(str(n) for n in outside)
        return f"the digest has drafts 1 to {count}, not {listed}"
    return numbers


def _conflicts(steps: list[Step]) -> list[str]:
    seen: dict[int, str] = {}
    doubts = []
    for step in steps:
        for number in step.items:
            earlier = seen.setdefault(number, step.action)
            if earlier != step.action:
                doubts.append(f"draft {number} is given two answers ({earlier} and "
                              f"{step.action})")
    return doubts
