"""Words the templates need: when people met, placeholders, and stripping contact details."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.wording import placeholder_for, when_met, without_contact_details

TUESDAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("met_on", "language", "expected"),
    [
        (date(2026, 11, 24), "en", "earlier today"),
        (date(2026, 11, 23), "en", "yesterday"),
        (date(2026, 11, 20), "en", "on Friday"),
        (date(2026, 11, 18), "en", "on Wednesday"),
        (date(2026, 11, 17), "en", "last week"),
        (date(2026, 11, 23), "de", "gestern"),
        (date(2026, 11, 20), "de", "am Freitag"),
        (date(2026, 3, 3), "de", "am 3. März"),
        (date(2026, 11, 20), "fr", "vendredi"),
        (date(2026, 2, 1), "fr", "le 1er février"),
        (date(2026, 11, 23), "es", "ayer"),
        (date(2026, 3, 3), "es", "el 3 de marzo"),
    ],
)
def test_when_met(met_on: date, language: str, expected: str) -> None:
    assert when_met(met_on, TUESDAY, language) == expected


def test_unknown_or_future_meeting_day_says_nothing() -> None:
    assert when_met(None, TUESDAY, "en") == ""
    assert when_met(date(2026, 11, 25), TUESDAY, "en") == ""


@pytest.mark.parametrize(
    ("promise", "language", "expected"),
    [
        ("send her our migration checklist", "en", "[link to the migration checklist]"),
        ("share my deck", "en", "[link to the deck]"),
        ("send him the book title", "en", "[link to the book title]"),
        ("forward the job post to her", "en", "[link to the job post]"),
        ("ihr die Checkliste schicken", "de", "[Link zu die Checkliste]"),
        ("lui envoyer la présentation", "fr", "[lien vers présentation]"),
        ("enviarle el informe", "es", "[enlace a el informe]"),
        ("enviar el informe", "es", "[enlace a el informe]"),
        ("intro her to Bob.", "en", "[intro her to Bob]"),
    ],
)
def test_placeholder_for(promise: str, language: str, expected: str) -> None:
    assert placeholder_for(promise, language) == expected


@pytest.mark.parametrize(
    ("blurb", "expected"),
    [
        ("runs an SRE shop (bob@stone.io, +1 415 555 0142)", "runs an SRE shop"),
        ("SRE consultant, see https://stone.io or www.stone.io", "SRE consultant, see or"),
        ("Berlin office: 030 12345678", "Berlin office"),
        ("ex-CTO of Foo (2015-2020), 20 years", "ex-CTO of Foo (2015-2020), 20 years"),
        ("", ""),
    ],
)
def test_without_contact_details(blurb: str, expected: str) -> None:
    # Given a line about a third person, when cleaned, then no address, link or phone remains
    cleaned = without_contact_details(blurb)
    assert cleaned == expected
    assert "@" not in cleaned and "http" not in cleaned
