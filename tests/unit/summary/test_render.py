"""Rendering the summary: inlined CSS, no external loads, width, plain-text alternative."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from assistant.summary.figures import compute
from assistant.summary.render import command_mailto, render_summary
from assistant.summary.types import ContactData, EventData, FactData, FollowUpData, SummaryData

NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


def sample() -> SummaryData:
    jane = ContactData(1, "Jane <Doe>", "Acme & Co", "active", NOW - timedelta(days=2),
                       NOW - timedelta(days=2), None, None, 1, 0)
    bob = ContactData(2, "Bob Stone", None, "active", NOW - timedelta(days=80),
                      NOW - timedelta(days=70), None, None, 4, 1)
    return SummaryData("Sam Rivera", "Europe/Berlin", False, (jane, bob),
                       (FactData(1, "promises", "send the checklist"),),
                       (EventData(1, "note", NOW - timedelta(days=2), 7),),
                       (FollowUpData(2, 1, "sent", NOW - timedelta(days=1), ("resource",)),))


def test_html_is_inlined_self_contained_and_at_most_640_wide() -> None:
    # Given figures for a small week
    email = render_summary(compute(sample(), NOW), "assistant@example.net")
    html = email.html
    # Then styles are inline attributes, only the phone media query stays in <style>
    assert 'style="' in html and "<style>" in html and "@media" in html
    assert ".tile {" not in html
    # And nothing is loaded from outside: no src, no stylesheet links, no url()
    assert not re.search(r"""\b(?:src|background)\s*=|<link\b|url\(|@import""", html, re.I)
    assert not re.search(r"""href\s*=\s*["']?https?:""", html, re.I)
    # And no table is wider than 640 pixels
    assert max(int(w) for w in re.findall(r'width="(\d+)"', html)) <= 640
    # And text from the store is escaped
    assert "Jane &lt;Doe&gt;" in html and "Acme &amp; Co" in html


def test_plain_text_alternative_holds_the_same_figures() -> None:
    email = render_summary(compute(sample(), NOW), "assistant@example.net")
    assert "New contacts:      1" in email.text
    assert "Follow-ups sent:   1" in email.text
    assert "Jane <Doe>: send the checklist" in email.text
    assert "Reply: find Jane <Doe>" in email.text
    assert email.subject == "Your week in relationships: 23 November 2026"


def test_action_links_are_mailto_with_the_command_as_subject() -> None:
    assert command_mailto("a@x.example", "find Jane Doe") == \
        "mailto:a@x.example?subject=find%20Jane%20Doe"
