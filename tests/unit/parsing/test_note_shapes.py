"""Shapes of owners' notes that once read wrong: a referral without the word "introduced", a
meeting only praised, a verdict in a title's place, a company with a particle in its
name, a German genitive between a title and a company."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message
from assistant.parsing.contacts import is_title_phrase, role_in, role_in_list
from assistant.parsing.context import meeting_context, tells_meeting

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


def note(body: str) -> bytes:
    return (f"From: Sam Rivera <sam@example.com>\r\nTo: assistant@example.net\r\n"
            f"Subject: note\r\nMessage-ID: <n1@example.com>\r\n\r\n{body}\r\n").encode()


@pytest.mark.parametrize(
    ("body", "by"),
    [
        ("Haven't met Lena Ortiz (lena@ortizlabs.com) yet; Marcus suggested I reach out.",
         "Marcus"),
        ("Priya Nair recommended I contact Lena Ortiz (lena@ortizlabs.com).", "Priya Nair"),
        ("Lena Ortiz (lena@ortizlabs.com). Tomás told me to get in touch with her.", "Tomás"),
        ("Lena Ortiz (lena@ortizlabs.com), at Marcus's suggestion.", "Marcus"),
        ("Lena Ortiz (lena@ortizlabs.com), referred by Priya Nair.", "Priya Nair"),
        ("Not met yet: Lena Ortiz (lena@ortizlabs.com). Priya Nair thinks we should talk.",
         "Priya Nair"),
        ("Not met yet: Lena Ortiz (lena@ortizlabs.com). Priya Nair reckons we should meet.",
         "Priya Nair"),
        ("Non l'ho ancora sentita: Lena Ortiz (lena@ortizlabs.com). Me l'ha consigliata "
         "Piero Gatti.", "Piero Gatti"),
        ("Aún no la conozco: Lena Ortiz (lena@ortizlabs.com). Me la presentó Inés Vidal.",
         "Inés Vidal"),
        ("Ainda não a conheci: Lena Ortiz (lena@ortizlabs.com). Indicou-ma a Rita Sousa.",
         "Rita Sousa"),
    ],
)
def test_someone_who_sent_the_owner_to_a_person_introduced_them(body: str, by: str) -> None:
    # Given a note saying who sent the owner to the person, without the word "introduced"
    parsed = parse_message(note(body), OWNER)
    # Then the person is introduced by them, and the one who referred is not a contact
    (lena,) = parsed.contacts
    assert (lena.name, lena.introduced_by) == ("Lena Ortiz", by)


def test_a_pronoun_is_no_introducer() -> None:
    # Given a note where the person herself suggested the owner reach out
    parsed = parse_message(note("Lena Ortiz (lena@ortizlabs.com). She suggested I reach out."),
                           OWNER)
    # Then nobody introduced her
    assert parsed.contacts[0].introduced_by is None


@pytest.mark.parametrize(
    "sentence",
    ["Great call.", "Nice chat today!", "What a productive meeting.", "Super Gespräch."],
)
def test_a_meeting_only_praised_is_no_context(sentence: str) -> None:
    assert not tells_meeting(sentence)
    assert meeting_context(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    ["Met", "Great call with her about the pilot.", "Coffee at the robotics meetup.",
     "Met her at the port expo."],
)
def test_a_meeting_told_is_context(sentence: str) -> None:
    assert tells_meeting(sentence)


@pytest.mark.parametrize(
    "phrase",
    ["best CFO I know", "the smartest designer we have met", "my favourite engineer",
     "Geschäftsführerin der Kessler GmbH", "Partner, Brandt & Vogel LLP"],
)
def test_a_verdict_or_a_company_is_not_a_title(phrase: str) -> None:
    assert not is_title_phrase(phrase, loose=True)


def test_a_title_with_unknown_capitalized_words_is_still_one() -> None:
    assert is_title_phrase("Events Lead", loose=True)
    assert is_title_phrase("Principal Auditor", loose=True)


def test_a_verdict_in_a_title_s_place_gives_no_title() -> None:
    # Given an introduction's praise of someone ("the best CFO I know")
    role = role_in_list(["best CFO I know"])
    # Then no title is read
    assert role.title is None


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Diego es director comercial en Vinos del Valle y busca socios.", "Vinos del Valle"),
        ("She is head of sales at Banco do Norte.", "Banco do Norte"),
        ("He is CTO at Haus der Technik GmbH.", "Haus der Technik GmbH"),
        ("He is CTO at Acme and loves sailing.", "Acme"),
    ],
)
def test_particles_inside_a_company_name_are_kept(text: str, company: str) -> None:
    assert role_in(text).company == company


@pytest.mark.parametrize(
    ("text", "title", "company"),
    [
        ("Anja Roth, Geschäftsführerin der Kessler Bau GmbH, und", "Geschäftsführerin",
         "Kessler Bau GmbH"),
        ("Tim Berg, Leiter Einkauf der Nordwerk AG.", "Leiter Einkauf", "Nordwerk AG"),
    ],
)
def test_a_german_genitive_joins_a_title_and_a_company(text: str, title: str,
                                                        company: str) -> None:
    role = role_in(text)
    assert (role.title, role.company) == (title, company)
