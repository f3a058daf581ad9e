"""Writing follow-up drafts: choose what the draft gives, then render it from a plain-text template.

Two pure steps, so each can be tested and reused on its own:

* :func:`plan_draft` picks the value-adds: each promise matched to a resource (else a
  placeholder), one resource for a need or interest, one introduction whose offer fits a need.
  A second draft takes one *new* value-add: a resource not shared before, else an introduction
  not offered before, else (nothing new fits) the earlier introduction again.
* :func:`compose_draft` renders ``templates/emails/followup_{first,second}.txt.j2`` and returns
  the :class:`~assistant.drafting.types.Draft` the approval email shows.

Personal mail: plain text, greeting by first name, one light ask, no tracking of any kind.
Private by default: of the owner's words, only the slots :mod:`.slots` validates (the occasion,
a need or interest, a promised item; another contact's offer or blurb) reach the contact.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from nameparser import HumanName

from assistant.drafting import slots
from assistant.drafting.matching import (
    best_introduction,
    best_resource,
    match_promise,
    rank_introductions,
)
from assistant.drafting.types import (
    SUPPORTED_LANGUAGES,
    ContactProfile,
    Draft,
    DraftInput,
    DraftKind,
    IntroMatch,
    NetworkContact,
    OwnerVoice,
    PromisedItem,
    Resource,
    ResourceMatch,
    ValueAdd,
)
from assistant.drafting.wording import (
    is_send_promise,
    placeholder_for,
    when_met,
    without_contact_details,
)

log = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates" / "emails"
TEMPLATE_NAMES = {
    DraftKind.FIRST: "followup_first.txt.j2",
    DraftKind.SECOND: "followup_second.txt.j2",
}
# German letters close without a comma (DIN 5008); the others with one.
DEFAULT_SIGN_OFF = {"en": "Best,", "de": "Viele Grüße", "fr": "Bien à vous,", "es": "Un saludo,"}

def plan_draft(
    owner: OwnerVoice,
    contact: ContactProfile,
    *,
    today: date,
    language: str = "en",
    resources: Sequence[Resource] = (),
    network: Sequence[NetworkContact] = (),
    kind: DraftKind = DraftKind.FIRST,
    previous: Draft | None = None,
) -> DraftInput:
    """Choose the value-adds of a draft. ``network`` is the owner's *other* contacts; for a
    second draft, ``previous`` is the first draft (its value-adds are not repeated)."""
    language = supported_language(language)
    contact, network = _usable(contact), [_usable_offers(c) for c in network]
    if kind is DraftKind.FIRST:
        promised = tuple(PromisedItem(p, match_promise(p, resources)) for p in contact.promises)
        used = {item.match.resource.url for item in promised if item.match}
        tidbit = best_resource(contact.needs, contact.interests, resources, exclude_urls=used)
        intro = best_introduction(contact.needs, network)
        return DraftInput(owner, contact, today, kind, language, promised, tidbit, intro)
    return _plan_second(owner, contact, today, language, resources, network, previous)


def compose_draft(draft_input: DraftInput) -> Draft:
    """Render a planned draft into its subject and plain-text body."""
    if not draft_input.contact.first_name.strip():
        raise ValueError("a follow-up greets the contact by first name; none was given")
    language = supported_language(draft_input.language)
    template = _environment().get_template(TEMPLATE_NAMES[draft_input.kind])
    subject, body = _split(template.render(**_context(draft_input, language)))
    return Draft(
        subject=subject,
        body=body,
        kind=draft_input.kind,
        language=language,
        value_adds=_value_adds(draft_input),
        placeholders=tuple(_holes(draft_input.promised, language)),
    )


def supported_language(language: str) -> str:
    """The draft language for a language code ("de-AT" -> "de"); English when unsupported."""
    code = (language or "en").strip().lower().replace("_", "-").split("-")[0]
    if code not in SUPPORTED_LANGUAGES:
        log.info("no draft wording for language %s; writing in English", code)
        return "en"
    return code


def _usable(contact: ContactProfile) -> ContactProfile:
    """The profile with only the needs, interests and promises a draft may carry."""
    return replace(
        contact,
        needs=tuple(n for n in contact.needs if slots.topic(n)),
        interests=tuple(i for i in contact.interests if slots.topic(i)),
        promises=tuple(p for p in contact.promises if slots.promised_item(p)),
    )


def _usable_offers(candidate: NetworkContact) -> NetworkContact:
    return replace(candidate, offers=tuple(o for o in candidate.offers if slots.topic(o)))


def _plan_second(
    owner: OwnerVoice,
    contact: ContactProfile,
    today: date,
    language: str,
    resources: Sequence[Resource],
    network: Sequence[NetworkContact],
    previous: Draft | None,
) -> DraftInput:
    earlier = previous.value_adds if previous else ()
    shared = {add.value for add in earlier if add.kind != "introduction"}
    offered = {add.value for add in earlier if add.kind == "introduction"}
    tidbit = best_resource(contact.needs, contact.interests, resources, exclude_urls=shared)
    intro, repeated = None, False
    if tidbit is None:
        ranked = rank_introductions(contact.needs, network)
        fresh = [match for match in ranked if _display_name(match) not in offered]
        intro = fresh[0] if fresh else (ranked[0] if ranked else None)
        repeated = intro is not None and not fresh
    return DraftInput(owner, contact, today, DraftKind.SECOND, language, (), tidbit, intro,
                      repeated, previous.subject if previous else None)


def _context(draft_input: DraftInput, language: str) -> dict[str, object]:
    contact, owner = draft_input.contact, draft_input.owner
    occasion = slots.occasion(contact.met_where, (contact.first_name, contact.name))
    if not contact.met:  # the flag wins over whatever the context says
        occasion = slots.Occasion(met=False)
    return {
        "language": language,
        "first_name": contact.first_name.strip(),
        # "there" greets a nameless contact ("Hi there,") but never ends a subject
        "named": contact.first_name.strip() not in ("", "there"),
        "met": occasion.met,
        "where": occasion.place,
        "when": (when_met(contact.met_on, draft_input.today, language)
                 if occasion.met and not occasion.long_ago else ""),
        "promised": [_promised_context(item, language) for item in draft_input.promised],
        "tidbit": _tidbit_context(draft_input.tidbit),
        "intro": _intro_context(draft_input.intro),
        "intro_repeated": draft_input.intro_repeated,
        "previous_subject": draft_input.previous_subject,
        "sign_off": owner.sign_off.strip() or DEFAULT_SIGN_OFF[language],
        "signature": owner.signature.strip() or HumanName(owner.name).first or owner.name,
    }


def _promised_context(item: PromisedItem, language: str) -> dict[str, object]:
    if item.match is None:
        hole = placeholder_for(item.promise, language)
        return {"url": "", "hole": hole, "is_link": is_send_promise(item.promise)}
    resource = item.match.resource
    return {"url": resource.url, "title": resource.title, "note": resource.note}


def _tidbit_context(match: ResourceMatch | None) -> dict[str, str] | None:
    if match is None:
        return None
    resource = match.resource
    kind = "interest" if match.phrase_kind == "interest" else "need"
    return {"title": resource.title, "note": resource.note, "url": resource.url,
            "phrase": match.phrase, "kind": kind}


def _intro_context(match: IntroMatch | None) -> dict[str, str] | None:
    if match is None:
        return None
    # Another contact's blurb and offer are someone's words too: used only as valid topics.
    about = slots.blurb(without_contact_details(match.candidate.blurb)) or match.offer
    return {"name": _display_name(match), "need": match.need, "about": about}


def _value_adds(draft_input: DraftInput) -> tuple[ValueAdd, ...]:
    adds = [
        ValueAdd("promised", item.match.resource.url,
                 f'promised "{item.promise}"; the resource {item.match.why}')
        for item in draft_input.promised
        if item.match is not None
    ]
    if draft_input.tidbit is not None:
        adds.append(ValueAdd("resource", draft_input.tidbit.resource.url, draft_input.tidbit.why))
    if draft_input.intro is not None:
        why = draft_input.intro.why
        if draft_input.intro_repeated:
            why = f"offered again, as nothing new fits: {why}"
        adds.append(ValueAdd("introduction", _display_name(draft_input.intro), why))
    return tuple(adds)


def _holes(promised: tuple[PromisedItem, ...], language: str) -> list[str]:
    return [placeholder_for(item.promise, language) for item in promised if item.match is None]


def _display_name(match: IntroMatch) -> str:
    """The candidate's name only: an address pasted into the name field must not leak."""
    return without_contact_details(match.candidate.name.replace("<", " ").replace(">", " "))


def _split(rendered: str) -> tuple[str, str]:
    """Line 1 of a rendered template is the subject; the rest, tidied, is the body."""
    subject, _, body = rendered.lstrip().partition("\n")
    body = re.sub(r"[ \t]+\n", "\n", body)
    body = re.sub(r"\n{3,}", "\n\n", body).strip("\n")
    return " ".join(subject.split()), body + "\n"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # Plain-text mail: no autoescape (there is no HTML to protect); StrictUndefined turns a
    # missing value into an error instead of a hole in a message to a real person.
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # the templates ship with the code: compiled once per process
    )
