"""Follow-up drafts: first and second, four languages, value-adds with reasons, placeholders."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.drafting.compose import TEMPLATES_DIR, compose_draft, plan_draft, supported_language
from assistant.drafting.types import (
    ContactProfile,
    Draft,
    DraftKind,
    NetworkContact,
    OwnerVoice,
    Resource,
)

TODAY = date(2026, 11, 24)  # a Tuesday
OWNER = OwnerVoice("Alex Meyer")
K8S = Resource("Kubernetes migration checklist", "https://ex.com/k8s", ("kubernetes", "sre"),
               "the one we used at Acme")
RUN = Resource("Trail shoes guide", "https://ex.com/run", ("running",))
HIRE = Resource("Engineering hiring playbook", "https://ex.com/hire", ("hiring",))
LIBRARY = (K8S, RUN, HIRE)
BOB = NetworkContact("7", "Bob Stone", ("SRE contracting",),
                     "runs a small SRE consultancy, bob@stone.io, +1 415 555 0142")
ANN = NetworkContact("9", "Ann Lee <ann@lee.dev>", ("SRE hiring",), "")
JANE = ContactProfile(
    first_name="Jane",
    met_where="Met at the SaaS founders breakfast",
    met_on=date(2026, 11, 23),
    needs=("a good SRE contractor", "hiring engineers"),
    interests=("trail running",),
    promises=("send her our migration checklist",),
)


def first(
    contact: ContactProfile = JANE,
    language: str = "en",
    *,
    resources: tuple[Resource, ...] = LIBRARY,
    network: tuple[NetworkContact, ...] = (BOB,),
) -> Draft:
    planned = plan_draft(OWNER, contact, today=TODAY, language=language, resources=resources,
                         network=network)
    return compose_draft(planned)


def second(
    previous: Draft,
    contact: ContactProfile = JANE,
    *,
    language: str = "en",
    resources: tuple[Resource, ...] = LIBRARY,
    network: tuple[NetworkContact, ...] = (BOB,),
) -> Draft:
    planned = plan_draft(OWNER, contact, today=date(2026, 11, 30), kind=DraftKind.SECOND,
                         previous=previous, language=language, resources=resources,
                         network=network)
    return compose_draft(planned)


def test_first_draft_has_every_part_in_order() -> None:
    # Given Jane, met yesterday, who needs an SRE contractor and was promised the checklist
    # When the first draft is written
    draft = first()
    body = draft.body
    # Then it greets her by first name, says where and when, gives the promised item,
    # a tidbit, an introduction offer, one ask, and signs with the owner's first name
    assert body.startswith("Hi Jane,\n\n")
    assert "at the SaaS founders breakfast yesterday" in body
    assert "Met at" not in body
    parts = ["https://ex.com/k8s", "https://ex.com/hire", "Bob Stone", "introduce you?", "Alex"]
    positions = [body.index(part) for part in parts]
    assert positions == sorted(positions)
    assert body.endswith("Best,\nAlex\n")
    assert draft.subject == "Great meeting you at the SaaS founders breakfast"
    assert draft.kind is DraftKind.FIRST and draft.language == "en"
    assert draft.placeholders == ()


def test_first_draft_asks_exactly_one_thing() -> None:
    assert first().body.count("?") == 1
    assert first(network=()).body.count("?") == 1


def test_value_adds_say_why_each_was_chosen() -> None:
    # When the first draft is written
    adds = first().value_adds
    # Then each value-add is a (kind, value, why) triple with a reason for the approval email
    kinds = [kind for kind, _, _ in adds]
    assert kinds == ["promised", "resource", "introduction"]
    promised, resource, intro = adds
    assert promised.value == K8S.url and "send her our migration checklist" in promised.why
    assert resource.value == HIRE.url and "hiring engineers" in resource.why
    assert intro.value == "Bob Stone" and "SRE contracting" in intro.why


def test_promise_without_a_resource_becomes_a_placeholder() -> None:
    # Given a promise that nothing in the library fulfils
    jane = ContactProfile("Jane", promises=("send her the pricing sheet", "intro her to Bob"))
    # When the draft is written
    draft = first(jane)
    # Then the body holds clear placeholders and the draft lists them for the owner
    assert "As promised, here is [link to the pricing sheet]." in draft.body
    assert "As promised: [intro her to Bob]." in draft.body
    assert draft.placeholders == ("[link to the pricing sheet]", "[intro her to Bob]")
    assert all(kind != "promised" for kind, _, _ in draft.value_adds)


def test_promised_resource_is_not_offered_again_as_tidbit() -> None:
    jane = ContactProfile("Jane", needs=("Kubernetes migration",), promises=JANE.promises)
    draft = first(jane)
    assert draft.body.count(K8S.url) == 1
    assert [kind for kind, _, _ in draft.value_adds] == ["promised"]


def test_introduction_never_carries_contact_details() -> None:
    # Given candidates whose name and blurb hold an address and a phone number
    draft = first(ContactProfile("Jane", needs=("SRE",)), network=(ANN, BOB))
    # Then the draft names the person and describes them, and shows no details
    assert "@" not in draft.body
    assert "415" not in draft.body
    assert "runs a small SRE consultancy" in draft.body or "Ann Lee" in draft.body
    assert all("@" not in value for _, value, _ in draft.value_adds)


def test_no_introduction_and_no_tidbit_when_nothing_fits() -> None:
    # Given a contact whose needs fit nothing
    draft = first(ContactProfile("Kim", needs=("a wedding photographer",)))
    # Then the draft is short: greeting, meeting, one call ask
    assert draft.value_adds == ()
    assert "Would a quick call in the next few weeks be useful?" in draft.body
    assert draft.subject == "Great meeting you, Kim"
    assert draft.body.startswith("Hi Kim,\n\nIt was great to meet you.\n")


def test_when_they_met_long_ago_gives_the_date() -> None:
    draft = first(ContactProfile("Jane", met_on=date(2026, 11, 2)))
    assert "It was great to meet you on November 2." in draft.body


def test_second_draft_is_shorter_and_takes_a_new_value_add() -> None:
    # Given the first draft that shared the checklist, the hiring playbook and Bob
    earlier = first()
    # When the second draft is written six days later
    later = second(earlier)
    # Then it is shorter, threads under the first, and shares something not shared before
    assert len(later.body) < len(earlier.body)
    assert later.subject == "Re: " + earlier.subject
    assert later.kind is DraftKind.SECOND
    (add,) = later.value_adds
    assert add.value not in {value for _, value, _ in earlier.value_adds}
    assert add.value == RUN.url
    assert "As promised" not in later.body
    assert later.body.count("?") == 1


def test_second_draft_offers_a_new_introduction_when_no_new_resource() -> None:
    # Given a library with only the already shared checklist, and two candidates
    earlier = first(resources=(K8S,), network=(BOB,))
    # When the second draft is written with Ann also in the network
    later = second(earlier, resources=(K8S,), network=(BOB, ANN))
    # Then it offers Ann, not Bob again
    (add,) = later.value_adds
    assert add.kind == "introduction" and add.value == "Ann Lee"


def test_second_draft_repeats_the_introduction_only_when_nothing_else_exists() -> None:
    earlier = first(resources=(K8S,), network=(BOB,))
    later = second(earlier, resources=(K8S,), network=(BOB,))
    (add,) = later.value_adds
    assert add.value == "Bob Stone" and add.why.startswith("offered again")
    assert "My offer to introduce you to Bob Stone still stands." in later.body


def test_second_draft_with_nothing_new_is_a_light_check_in() -> None:
    earlier = first(ContactProfile("Kim"))
    later = second(earlier, contact=ContactProfile("Kim"))
    assert later.value_adds == ()
    assert "No pressure at all" in later.body


@pytest.mark.parametrize(
    ("language", "greeting", "sign_off", "met"),
    [
        ("de", "Hallo Jane,", "Viele Grüße\nAlex", "Sie gestern bei the SaaS founders breakfast"),
        ("fr", "Bonjour Jane,", "Bien à vous,\nAlex", "connaissance à the SaaS founders breakfast"),
        ("es", "Hola Jane,", "Un saludo,\nAlex", "conocerte en the SaaS founders breakfast ayer"),
        ("de-AT", "Hallo Jane,", "Viele Grüße\nAlex", "gestern"),
        ("pt", "Hi Jane,", "Best,\nAlex", "yesterday"),
    ],
)
def test_languages(language: str, greeting: str, sign_off: str, met: str) -> None:
    draft = first(language=language)
    assert draft.body.startswith(greeting)
    assert draft.body.rstrip().endswith(sign_off)
    assert met in draft.body
    assert draft.language == supported_language(language)
    assert second(draft, language=language).body.startswith(greeting)


def test_owner_sign_off_and_signature_are_used() -> None:
    owner = OwnerVoice("Dr. Alexandra Meyer", sign_off="Cheers,", signature="Alex M.")
    draft = compose_draft(plan_draft(owner, JANE, today=TODAY))
    assert draft.body.endswith("Cheers,\nAlex M.\n")
    default = compose_draft(plan_draft(OwnerVoice("Dr. Alexandra Meyer"), JANE, today=TODAY))
    assert default.body.endswith("Best,\nAlexandra\n")


def test_a_first_name_is_required() -> None:
    with pytest.raises(ValueError, match="first name"):
        first(ContactProfile("  "))


def test_templates_live_in_the_repository() -> None:
    assert (TEMPLATES_DIR / "followup_first.txt.j2").is_file()
    assert (TEMPLATES_DIR / "followup_second.txt.j2").is_file()


phrases = st.lists(st.sampled_from(
    ["a good SRE contractor", "hiring engineers", "trail running", "seed investors", "Kubernetes",
     "x", "", "a wedding photographer", "send her our checklist", "intro to Bob"]), max_size=3)


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=12),
    st.one_of(st.none(), st.text(max_size=40)),
    st.one_of(st.none(), st.dates(date(2025, 1, 1), date(2027, 1, 1))),
    phrases, phrases, phrases,
    st.sampled_from(["en", "de", "fr", "es", "xx"]),
)
def test_any_profile_renders_clean_plain_text(
    name: str, where: str | None, met_on: date | None, needs: list[str], interests: list[str],
    promises: list[str], language: str,
) -> None:
    # Given any contact profile, when both drafts are written
    contact = ContactProfile(name, where, met_on, tuple(needs), tuple(interests), tuple(promises))
    for draft in (earlier := first(contact, language, network=(BOB, ANN)),
                  second(earlier, contact, language=language, network=(BOB, ANN))):
        # Then each is non-empty plain text with no template leftovers and one ask at most
        assert draft.subject and "\n" not in draft.subject
        assert name in draft.body.splitlines()[0]
        # (a contact may be called "None": only a leftover outside the name counts)
        assert not re.search(r"\{\{|\{%|None|\n\n\n", draft.body.replace(name, ""))
        # (the place is written as one line, its whitespace folded)
        assert "@" not in draft.body.replace(" ".join((where or "").split()), "")
        assert draft.body.endswith("\n")
