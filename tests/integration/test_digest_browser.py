"""The digest in a real browser: headless Chromium at 390 px and 1024 px, offline.

Reuses the summary's browser harness (fresh profile, names resolving nowhere, a loopback proxy
that records every request): the digest must make none. Screenshots are committed under
benchmarks/results/screenshots/ (digest-390.png, digest-1024.png).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from assistant.domain import OwnerProfile
from assistant.pipeline.digest import Entry, action_links, render_digest
from tests.integration.test_summary_browser import (  # noqa: F401 (fixtures)
    SCREENSHOTS,
    RecordingProxy,
    _need_chromium,
    chromium,
    keep_screenshot,
    proxy,
)

OWNER = OwnerProfile(id=1, name="Sam Rivera", addresses=("sam@example.com",))
DRAFTS = [
    ("Jane Doe", "jane@acmerobotics.com", "Great meeting you, Jane",
     "Hi Jane,\n\nGreat meeting you at the SaaS founders breakfast. You mentioned you are looking "
     "for a good SRE contractor: Bob Stone (SRE contracting) might be a fit, happy to "
     "introduce you.\n\nHere is the migration checklist I promised.\n\nBest,\nSam",
     (("intro", "Bob Stone", "offers SRE contracting, which Jane is looking for"),
      ("promise", "the migration checklist", "you promised it"))),
    ("Omar Haddad", "omar@brightwave.io", "Great meeting you, Omar",
     "Hi Omar,\n\nGreat meeting you at the breakfast. I enjoyed our talk about trail running."
     "\n\nBest,\nSam", (("interest", "trail running", "Omar's interest"),)),
    ("Lena Fischer", "lena@kiteworks.de", "Great meeting you, Lena",
     "Hi Lena,\n\nGreat meeting you. [WHAT YOU TALKED ABOUT]\n\nBest,\nSam", ()),
]


@pytest.fixture
def digest_html(tmp_path: Path) -> Path:
    entries = []
    for number, (name, to, subject, body, why) in enumerate(DRAFTS, start=1):
        token_address = f"assistant+{'a' * 16}{chr(97 + number) * 16}@example.net"
        entries.append(Entry(number, name, to, subject, body, why,
                             ("[WHAT YOU TALKED ABOUT]",) if "[" in body else (), number == 2,
                             action_links(token_address, f"Re: {subject}", body)))
    _, _, html = render_digest(OWNER, entries, "assistant+digest@example.net",
                               "on Tuesday 8 December at 09:00 (America/Chicago)")
    path = tmp_path / "digest.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_digest_at_phone_and_desktop_widths_makes_no_request(
        digest_html: Path, tmp_path: Path, proxy: RecordingProxy) -> None:  # noqa: F811
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # When Chromium renders the digest and reads back the DOM
    dom = chromium(digest_html, tmp_path / "profile-dom", proxy, 390, 2400, "--dump-dom")
    page = BeautifulSoup(dom.stdout, "html.parser")
    text = page.get_text(" ", strip=True)
    # Then every draft is there in full, with its buttons
    assert "3 follow-ups ready" in text and "SRE contractor" in text and "Lena Fischer" in text
    labels = [a.get_text(strip=True) for a in page.find_all("a")]
    assert labels.count("Edit") == 3 and labels.count("Send") == 2
    # When it takes screenshots at both widths
    for width, height in ((390, 2400), (1024, 1800)):
        shot = tmp_path / f"digest-{width}.png"
        chromium(digest_html, tmp_path / f"profile-{width}", proxy, width, height,
                 f"--screenshot={shot}")
        with Image.open(shot) as image:
            assert image.size == (width, height)
        keep_screenshot(shot, f"digest-{width}.png")
    # And the page made not one request
    assert proxy.page_requests() == []
    for tag in page.find_all(href=True):
        assert tag["href"].startswith("mailto:"), tag["href"]
