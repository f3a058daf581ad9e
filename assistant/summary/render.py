"""Summary figures -> the email's plain-text and HTML bodies.

The HTML is written with a ``<style>`` block for readability and inlined by ``css_inline``
(mail clients such as Gmail drop or ignore ``<style>``; inline ``style`` attributes survive).
Only the phone media query stays in a ``<style>`` tag: clients that honour it narrow the
layout, the others show the 640-pixel table, which still fits. Charts are table cells with
widths in percent: no images, no external request of any kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import css_inline

from assistant.summary.types import GiveAsk, SummaryFigures
from assistant.templating import render

_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False, keep_at_rules=True)
COMMANDS = (("summary", "this summary, now"), ("pending", "drafts waiting for your answer"),
            ("find NAME", "a contact's card and history"),
            ("export", "all contacts as vCard and CSV"), ("pause", "pause all follow-ups"),
            ("resume", "resume follow-ups"), ("help", "what I understand"))


@dataclass(frozen=True)
class RenderedSummary:
    subject: str
    text: str
    html: str


def render_summary(figures: SummaryFigures, assistant_address: str) -> RenderedSummary:
    context = summary_context(figures, assistant_address)
    text = render("summary.txt.j2", **context)
    html = inline_css(render("summary.html.j2", **context))
    return RenderedSummary(subject=summary_subject(figures), text=text, html=html)


def inline_css(html: str) -> str:
    return _INLINER.inline(html)


def summary_subject(figures: SummaryFigures) -> str:
    end = figures.period_end
    return f"Your week in relationships: {end.day} {end:%B %Y}"


def summary_context(figures: SummaryFigures, assistant_address: str) -> dict[str, object]:
    return {
        "f": figures,
        "first_name": figures.owner_name.split()[0] if figures.owner_name else "there",
        "period": _period(figures),
        "reply_rate": _percent(figures.reply_rate),
        "source_bars": _bars([(s.label, s.count) for s in figures.sources]),
        "cold_bars": _bars([(f"{days}+ days", n) for days, n in figures.cold_counts]),
        "history": _history(figures.history),
        "actions": [dict(title=a.title, why=a.why, command=a.command,
                         mailto=command_mailto(assistant_address, a.command))
                    for a in figures.actions],
        "commands": COMMANDS,
        "assistant_address": assistant_address,
        "pending_mailto": command_mailto(assistant_address, "pending"),
    }


def command_mailto(assistant_address: str, command: str) -> str:
    """A mailto: link (RFC 6068) whose subject is the command: one tap, then Send."""
    return f"mailto:{assistant_address}?subject={quote(command)}"


def _period(figures: SummaryFigures) -> str:
    start, end = figures.period_start, figures.period_end
    return f"{start.day} {start:%b} \u2013 {end.day} {end:%b %Y}"


def _percent(rate: float | None) -> str:
    return "n/a" if rate is None else f"{round(rate * 100)}%"


def _bars(rows: list[tuple[str, int]]) -> list[dict[str, object]]:
    top = max((n for _, n in rows), default=0) or 1
    return [{"label": label, "count": n, "width": _width(n, top)} for label, n in rows]


def _width(value: int, top: int) -> int:
    """Bar width in percent; a non-zero value never disappears (at least 2%)."""
    return 0 if value <= 0 else max(2, round(100 * value / top))


def _history(weeks: tuple[GiveAsk, ...]) -> list[dict[str, object]]:
    top = max((max(w.gives, w.asks) for w in weeks), default=0) or 1
    return [{"label": w.label, "gives": w.gives, "asks": w.asks,
             "give_width": _width(w.gives, top), "ask_width": _width(w.asks, top)}
            for w in weeks]
