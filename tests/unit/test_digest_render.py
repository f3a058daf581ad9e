"""The digest's text and HTML, rendered from entries (pure)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from assistant.domain import OwnerProfile
from assistant.pipeline.digest import Entry, action_links, render_digest

OWNER = OwnerProfile(id=1, name="Sam Owner", addresses=("sam@example.com",))
TOKEN_ADDRESS = "assistant+abcdefghijklmnopqrstuvwxyz234567@example.com"


def entries() -> list[Entry]:
    body = "Hi Jane,\n\nGreat meeting you at the breakfast.\n\nSam"
    return [Entry(1, "Jane Doe", "jane@acme.example", "Great meeting you", body,
                  (("promise", "migration checklist", "you promised it"),), (),
                  False, action_links(TOKEN_ADDRESS, "Re: Great meeting you", body)),
            Entry(2, "Bob <Stone>", "bob@stone.example", "Hello", "Hi Bob, [TOPIC]", (),
                  ("[TOPIC]",), True, action_links(TOKEN_ADDRESS, "Re: Hello", "x"))]


def test_links_prefill_each_answer_to_the_drafts_own_address() -> None:
    links = action_links(TOKEN_ADDRESS, "Re: Great meeting you", "Hi Jane,\n\nThanks & more")
    for answer, expected in (("send", "send"), ("skip", "skip"), ("snooze", "snooze 3d"),
                             ("edit", "Hi Jane,\n\nThanks & more")):
        url = urlsplit(links[answer])
        assert url.scheme == "mailto" and url.path == TOKEN_ADDRESS
        query = parse_qs(url.query)
        assert query["body"] == [expected] and query["subject"] == ["Re: Great meeting you"]


def test_text_and_html_carry_every_draft_numbered_with_the_same_instructions() -> None:
    subject, text, html = render_digest(OWNER, entries(), "assistant+d@example.com", "soon")
    assert subject == "2 follow-ups ready: answer them all in one reply"
    for part in (text, html):
        assert "send 1 3 5" in part and "send all but 3" in part and "skip 2" in part
        assert "Great meeting you at the breakfast." in part
        assert "migration checklist: you promised it" in part
    assert "1. Jane Doe" in text and "2. Bob <Stone>" in text
    assert f"Answer this one alone: {TOKEN_ADDRESS}" in text
    assert "carried over" in text and "BEFORE YOU SEND: fill in [TOPIC]" in text
    # HTML: escaped names, four answers for a ready draft, no Send for one with a blank
    assert "Bob &lt;Stone&gt;" in html
    assert html.count('href="mailto:') == 7


def test_html_makes_no_external_request() -> None:
    _, _, html = render_digest(OWNER, entries(), "assistant+d@example.com", "soon")
    assert "http://" not in html and "https://" not in html and "<img" not in html
    assert "@import" not in html and "<link" not in html
