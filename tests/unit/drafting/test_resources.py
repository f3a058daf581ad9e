"""Resource lines sent by email: title, link, tags, note; plain-words errors."""

from __future__ import annotations

import pytest

from assistant.drafting.resources import (
    ResourceLineError,
    is_resource_line,
    parse_resource_line,
    parse_resource_lines,
)
from assistant.drafting.types import Resource
from assistant.errors import PermanentError


def test_the_documented_example() -> None:
    # Given the line from the product description
    line = (
        "resource: Kubernetes migration checklist https://example.com/k8s #kubernetes #sre"
        " - the one we used at Acme"
    )
    # When it is read, then every part lands in its field
    assert parse_resource_line(line) == Resource(
        title="Kubernetes migration checklist",
        url="https://example.com/k8s",
        tags=("kubernetes", "sre"),
        note="the one we used at Acme",
    )


def test_several_lines_per_message_with_other_text_around() -> None:
    # Given a message with a greeting, two resource lines and a signature
    text = (
        "Hi assistant,\n\n"
        "resource: Trail running guide https://example.com/run #running\n"
        "Resource: Seed deck template https://example.com/deck #fundraising #investors\n\n"
        "Thanks,\nAlex\n"
    )
    # When read
    found = parse_resource_lines(text)
    # Then both resources are there, in order, and nothing is reported
    assert [r.title for r in found.resources] == ["Trail running guide", "Seed deck template"]
    assert found.resources[1].tags == ("fundraising", "investors")
    assert found.problems == ()


def test_a_line_without_a_link_is_reported_and_the_others_still_count() -> None:
    # Given one good line and one without a URL
    text = "resource: Hiring playbook #hiring\nresource: Deck https://example.com/deck\n"
    # When read
    found = parse_resource_lines(text)
    # Then the good one is kept and the bad one explained in plain words, with its line number
    assert [r.url for r in found.resources] == ["https://example.com/deck"]
    (problem,) = found.problems
    assert problem.line_number == 1
    assert problem.line == "resource: Hiring playbook #hiring"
    assert "no link" in problem.reason and "https://" in problem.reason


def test_single_line_without_link_raises_a_permanent_error() -> None:
    with pytest.raises(ResourceLineError) as caught:
        parse_resource_line("resource: Kubernetes migration checklist #k8s")
    assert isinstance(caught.value, PermanentError)
    assert "no link found" in caught.value.reason


def test_empty_resource_line_is_reported() -> None:
    (problem,) = parse_resource_lines("resource:   \n").problems
    assert "nothing follows" in problem.reason


def test_url_fragment_is_not_a_tag_and_tags_are_lowercased_once() -> None:
    # Given a URL with a #fragment and a tag written twice in different case
    resource = parse_resource_line("resource: Guide https://ex.com/a#part2 #Running #running")
    # Then the fragment stays in the URL and the tag appears once
    assert resource.url == "https://ex.com/a#part2"
    assert resource.tags == ("running",)


@pytest.mark.parametrize(
    ("line", "title", "url", "note"),
    [
        ("- resource: Deck (https://ex.com/deck).", "Deck", "https://ex.com/deck", ""),
        ("* Resource: Guide <https://ex.com/g>", "Guide", "https://ex.com/g", ""),
        ("RESSOURCE: Checkliste https://ex.de/c – die gute", "Checkliste", "https://ex.de/c",
         "die gute"),
        ("recurso: Guía https://ex.es/g — la mejor", "Guía", "https://ex.es/g", "la mejor"),
        ("resource: https://ex.com/k8s K8s checklist", "K8s checklist", "https://ex.com/k8s", ""),
        ("resource: www.example.org/post", "www.example.org/post", "https://www.example.org/post",
         ""),
        ("resource: State-of-the-art guide https://ex.com/s", "State-of-the-art guide",
         "https://ex.com/s", ""),
    ],
)
def test_line_variants(line: str, title: str, url: str, note: str) -> None:
    resource = parse_resource_line(line)
    assert (resource.title, resource.url, resource.note) == (title, url, note)


def test_quoted_and_ordinary_lines_are_not_resource_lines() -> None:
    assert not is_resource_line("> resource: quoted https://ex.com")
    assert not is_resource_line("Here is a resource: https://ex.com")
    assert is_resource_line("  resource: x https://ex.com")
    assert parse_resource_lines("> resource: quoted https://ex.com\n").resources == ()


def test_non_web_link_is_reported() -> None:
    (problem,) = parse_resource_lines("resource: Files ftp://ex.com/f\n").problems
    assert "no link" in problem.reason
