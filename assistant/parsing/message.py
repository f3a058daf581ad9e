"""One message read end to end: classify, unwrap, find the people, attach the owner's context."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict
from typing import TypedDict

from assistant.domain import MessageKind, OwnerIdentity, ParsedContact, ParsedMessage
from assistant.parsing import classify
from assistant.parsing.contacts import (
    TITLE_FIELD_WORDS,
    Role,
    clean_name,
    is_title_phrase,
    role_in,
)
from assistant.parsing.context import (
    ContextFacts,
    read_context,
    subject_occasion,
    writers_interests,
    writers_needs,
    writers_offers,
)
from assistant.parsing.draft import ContactDraft, keep_for_owner, merge_drafts, name_key
from assistant.parsing.intros import introduced_names, is_intro
from assistant.parsing.letters import UPPER
from assistant.parsing.literal import unattached
from assistant.parsing.mime import MessageView
from assistant.parsing.name_order import called_by
from assistant.parsing.people import find_people
from assistant.parsing.signature_fields import mine_signature
from assistant.parsing.thread import (
    Party,
    Thread,
    body_of,
    clean_owner_note,
    quoted_author,
    read_thread,
    sender_card,
    strip_signoff,
    trim_reply,
)
from assistant.parsing.vcard import parse_vcards

log = logging.getLogger(__name__)
NO_TEXT = "The message has no readable text part."
# The introducer's name after the words that cue it: up to three words, for double surnames
# ("Me la recomendó Gonzalo Benavides Tello") and particles ("recommended by Anouk de Wit")
_BY_NAME = (r"[" + UPPER + r"][\w'’-]+(?:\s+(?:(?:de|del|da|do|dos|van|von|de la)\s+)?"
            r"[" + UPPER + r"][\w'’-]+){0,2}")
_INTRODUCED_BY_NOTE = re.compile(
    r"(?:\b(?i:intro(?:duced)?)\s+(?:to (?:me|us) )?by|\bvia|\bvorgestellt von|\bpresentée? par|"
    r"\bprésentée? par|\bpresentad[oa] por|"
    rf"\bthrough)\s+(?P<by>{_BY_NAME})"
    r"|(?P<by2>[" + UPPER + r"][\w'’-]+(?:\s+[" + UPPER
    + r"][\w'’-]+)?)\s+(?:introduced|intro'?d) (?:me|us)\b"
    # Someone who sent the owner to the person introduced them, as an intro does: "Jordan
    # suggested I reach out", "at Jordan's suggestion", "auf Empfehlung von Jordan".
    r"|(?P<by3>[" + UPPER + r"][\w'’-]+(?:\s+[" + UPPER
    # ("Dwayne Charles (from the Chamber) suggested I reach out", "Grace Morobe from the chamber
    # suggested I contact ...", "Aminath Shiuna at the bank said I should talk to ...")
    + r"][\w'’-]+)?)(?:\s+\([^()\n@]{1,40}\)|\s+(?:from|at|of|with)\s+the\s+[a-z][\w'’-]+"
    r"(?:\s+[a-z][\w'’-]+)?)?\s+(?:suggested|recommended|"
    r"told (?:me|us)|asked (?:me|us)|wants (?:me|us)|thought (?:I|we)|"
    # "Hamish thinks we should talk", "Mereana reckons we should meet"
    r"(?:thinks|reckons|says|said|feels|believes)(?: that)? (?:I|we))\s+(?:that\s+)?(?:I|we)?"
    r"\s*(?:should\s+|to\s+)?(?:reach out|get in touch|contact|connect|talk|speak|email|"
    r"write|call|meet)\b"
    r"|(?P<by4>[" + UPPER + r"][\w'’-]+(?:\s+[" + UPPER + r"][\w'’-]+)?)\s+"
    r"(?:(?:referred|sent|pointed|connected) (?:me|us)|put (?:me|us) in touch)\b"
    # "Put forward by Hugo Lindqvist", "Passed on by ...", "Flagged by ...", "Proposed by ..."
    r"|\b(?i:referred|recommended|suggested|sent(?: to (?:me|us))?|put forward|proposed|"
    r"passed (?:on|along)|flagged|mentioned|pointed out)\s+(?i:by)\s+"
    rf"(?P<by5>{_BY_NAME})"
    r"|\b(?:at|on) (?P<by6>[" + UPPER + r"][\w'’-]+(?:\s+[" + UPPER
    + r"][\w'’-]+)?)'s (?:suggestion|"
    r"recommendation|advice)"
    r"|\b(?:auf (?:Empfehlung|Anraten) von|sur (?:la )?recommandation de|"
    r"por recomendación de|"
    # "Empfohlen von Ulrike Sommer", "Aanbevolen door Kees Mulder", "Recommandée par ...",
    # "Recomendada por ...", "Consigliato da ...", "Indicado por ..."
    r"(?i:empfohlen von|vermittelt von|aanbevolen door|aangeraden door|doorverwezen door|"
    r"recommandée? par|recomendad[oa] por|consigliat[oa] da|segnalat[oa] da|indicad[oa] por|"
    # Portuguese "pelo"/"pela": "Recomendada pelo Vasco Lobo", "Indicado pela Rita Sousa"
    r"(?:recomendad|indicad|sugerid|apresentad)[oa] pel[oa]))"
    rf"\s+(?P<by7>{_BY_NAME})"
    # "C'est Erwan qui m'a conseillé de la contacter", "Paola me recomendó escribirle", "Gianni
    # mi ha consigliato di", "o Rui sugeriu-me", "Jonas hat mir empfohlen", "Joost raadde me aan".
    r"|(?P<by8>[" + UPPER + r"][\w'’-]+(?:\s+[" + UPPER
    + r"][\w'’-]+)?)\s+(?:(?:qui|que|quien|che|die|der)\s+)?"
    # ("C'est Olivier qui me l'a recommandée", "Paola me la recomendó", "Gianni me l'ha
    # consigliata": the person introduced as an object pronoun before the verb)
    r"(?:m['’]a (?:conseillé|recommandé|suggéré|orienté|envoyé)|"
    r"me l['’]a (?:conseillé|recommandé|suggéré|présenté|envoyé)|"
    r"me l[oa] (?:recomendó|presentó|sugirió|pasó)|"
    r"me l['’]ha (?:consigliat|suggerit|segnalat|presentat)[oa]|"
    r"me (?:recomendó|aconsejó|sugirió|recomendou|sugeriu|indicou|aconselhou)|"
    r"(?:recomendou|sugeriu|indicou|aconselhou)-me|mi ha (?:consigliato|suggerito|indicato)|"
    r"hat (?:mir|uns) (?:empfohlen|geraten)|(?:raadde|adviseerde) (?:me|mij|ons)|"
    r"heeft (?:me|mij|ons) (?:aangeraden|doorverwezen))"
    # the verb first: "Me l'ha segnalata Matteo Crespi", "Me la recomendó Fernando Quiroga",
    # "Indicou-ma a Rita Sousa", "Me l'a recommandée Claire Petit", "Mi ha consigliato Gianni"
    r"|(?i:\b(?:me|mi|nos|ci)\s+(?:l[oa]s?\s+|l['’])?(?:ha\s+|han\s+|a\s+)?"
    r"(?:recomendó|recomendaron|presentó|pasó|sugirió|segnalat[oa]|consigliat[oa]|"
    r"presentat[oa]|indicat[oa]|passat[oa]|recommandée?|conseillée?|présentée?|consigliato|"
    r"segnalato)|\b(?:indicou|recomendou|apresentou|passou)-(?:ma|mo|me|nos))\s+"
    r"(?:(?:il|el|la|o|a)\s+)?"
    rf"(?P<by9>{_BY_NAME})"
    # "Andre Whyte recommended her:", "Greg Tillotson put her forward:", "Ama flagged him"
    r"|(?P<by10>[" + UPPER + r"][\w'’-]+(?:\s+[" + UPPER + r"][\w'’-]+)?)\s+"
    # "Tinashe Gumbo recommended two people at Msasa Heights Clinic: ..."
    r"(?:(?:recommended|suggested|referred|flagged|mentioned)\s+(?:her|him|them|(?:two|three|four|"
    r"a couple of|a few|some|several)\s+(?:people|contacts|names|colleagues))|"
    r"(?:put|passed)\s+(?:her|him|them)\s+(?:forward|on|along)|"
    # "Huw Llewellyn-Carys put forward Dr Eleri Vaughan-Tudor, ...": the person put forward by
    # name
    r"(?:recommended|suggested|referred|put forward|passed on)\s+"
    r"(?=(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[" + UPPER + r"][\w'’-]+\s+[" + UPPER + r"][\w'’-]+))\b"
)
# A pronoun or a word opening a sentence is no one's name ("She suggested I reach out").
_NOT_AN_INTRODUCER = {"I", "We", "She", "He", "They", "It", "Someone", "Somebody", "Everyone",
                      "Sie", "Er", "Elle", "Il", "Ella", "Él", "Also", "And", "But", "So"}


class _Meta(TypedDict):
    sender: str | None
    subject: str
    message_id: str | None


def parse_view(view: MessageView, owner: OwnerIdentity) -> ParsedMessage:
    """The ParsedMessage for a decoded message view."""
    sender = next(iter(view.addresses("From")), None)
    meta = _Meta(sender=sender[1] if sender else None, subject=view.subject,
                 message_id=view.header("Message-ID").strip() or None)
    early = _early_kind(view, sender, owner)
    if early is not None:
        note = clean_owner_note(view.text, owner) if early in _OWNER_KINDS else ""
        return ParsedMessage(kind=early, owner_note=note, **meta)
    vcards = list(view.vcards) + [v for inner in view.embedded for v in inner.vcards]
    images = list(view.images) + [i for inner in view.embedded for i in inner.images]
    if not view.text.strip() and not vcards and not images and not view.embedded:
        return ParsedMessage(kind=MessageKind.UNKNOWN, reason=NO_TEXT, **meta)
    thread = read_thread(view, sender, owner)
    note = clean_owner_note(thread.note, owner)
    kind, drafts = _read_people(thread, note, vcards, owner)
    contacts = tuple(d.freeze() for d in keep_for_owner(merge_drafts(drafts), owner))
    if not contacts and images and kind == MessageKind.NOTE:
        kind = MessageKind.CARD_IMAGE
    return ParsedMessage(kind=kind, owner_note=note, contacts=contacts, **meta)


_OWNER_KINDS = {MessageKind.COMMAND, MessageKind.REPLY}


def _early_kind(view: MessageView, sender: Party | None,
                owner: OwnerIdentity) -> MessageKind | None:
    address = sender[1] if sender else None
    if classify.is_bounce(view, address):
        return MessageKind.BOUNCE
    if classify.is_auto_reply(view):
        return MessageKind.AUTO_REPLY
    if classify.command_of(view, address, owner):
        return MessageKind.COMMAND
    if classify.is_reply_to_assistant(view, owner):
        return MessageKind.REPLY
    return None


def _read_people(thread: Thread, note: str, vcards: list[str],
                 owner: OwnerIdentity) -> tuple[MessageKind, list[ContactDraft]]:
    if vcards:
        drafts = [_from_contact(c) for text in vcards for c in parse_vcards(text, owner.region)]
        _add_note_facts(drafts, note)
        return MessageKind.VCARD, drafts
    if _is_intro_thread(thread, owner):
        return MessageKind.INTRO, _intro_people(thread, note, owner)
    if thread.forwarded or not _is_owner(thread.author, owner):
        return MessageKind.NOTE, _forwarded_people(thread, note, owner)
    return MessageKind.NOTE, _note_people(thread, note, owner)


def _from_contact(contact: ParsedContact) -> ContactDraft:
    fields = asdict(contact)
    return ContactDraft(**{k: list(v) if isinstance(v, tuple) else v  # type: ignore[arg-type]
                           for k, v in fields.items()})


def _add_note_facts(drafts: list[ContactDraft], note: str) -> None:
    if len(drafts) == 1:
        drafts[0].add_facts(read_context(note, names=_name_forms(drafts[0].name)))
    else:
        context = read_context(note).context
        for draft in drafts:
            draft.context = draft.context or context


def _is_owner(party: Party | None, owner: OwnerIdentity) -> bool:
    return party is None or owner.is_owner_address(party[1])


def _is_intro_thread(thread: Thread, owner: OwnerIdentity) -> bool:
    text = trim_reply(thread.body) if not thread.forwarded else thread.body
    if not is_intro(text, thread.subject):
        return False
    others = [p for p in thread.recipients if _is_other(p, thread.author, owner)]
    named = [n for n in introduced_names(text) if not _is_owner_named(n, owner)]
    return bool(others or named)


def _is_other(party: Party, author: Party | None, owner: OwnerIdentity) -> bool:
    address = party[1]
    if not address:
        return bool(re.fullmatch(r"[" + UPPER + r"][\w'’-]+(?: [" + UPPER
                                 + r"][\w'’-]+){1,3}", party[0]))
    return not (owner.is_owner_address(address) or owner.is_assistant_address(address)
                or (author is not None and author[1] == address))


def _is_owner_named(name: str, owner: OwnerIdentity) -> bool:
    key, owner_key = name_key(name), name_key(owner.name or "")
    return bool(owner_key) and (key == owner_key or key == owner_key.split(" ")[0])


def _name_forms(name: str | None) -> tuple[str, ...]:
    return (name, name.split()[0]) if name else ()


def _party_draft(party: Party) -> ContactDraft:
    name, address = party
    return ContactDraft(name=party_name(name, address), emails=[address] if address else [])


def party_name(name: str | None, address: str | None) -> str | None:
    """A header's name, without honorifics; a first word read as one ("Cheikh", "Imam") that
    the person's own address spells ("cheikh@...") is their given name and stays."""
    cleaned = clean_name(name)
    words = (name or "").split()
    local = (address or "").split("@")[0].lower()
    if (cleaned and len(words) >= 3 and not words[0].endswith(".")
            and " ".join(words[1:]) == cleaned and words[0][:1].isupper()
            and len(words[0]) > 3 and name_key(words[0]) in local):
        return f"{words[0]} {cleaned}"
    return cleaned


def _author_draft(thread: Thread, owner: OwnerIdentity) -> tuple[ContactDraft | None, str]:
    """The carried message's author with their signature mined; and the body without it."""
    author_name = party_name(*thread.author) if thread.author else None
    body, signature = body_of(thread, author_name)
    if thread.author is None or _is_owner(thread.author, owner):
        return None, body
    draft = _party_draft(thread.author)
    card = sender_card(thread.body, thread.author)
    if card and not (signature and _signed_by(signature, card)):
        signature = card  # the sender's card sits above a rule, a disclaimer or older mail
    if signature:
        facts = mine_signature(signature, author_name, owner.region)
        draft.name = _fuller_name(draft.name, facts.name, thread.author)
        draft.title, draft.company = facts.title, facts.company
        draft.phones = list(facts.phones)
        draft.urls = list(facts.urls)
        draft.emails += [e for e in facts.emails if e not in draft.emails]
    if draft.title is None:
        own = _self_described_role(body)
        if own is not None:
            draft.title, draft.company = own.title, draft.company or own.company
    return draft, body


# The writer's own words about their job: "je suis directrice financière chez Eaux d'Ardenne
# SA depuis janvier", "I'm head of procurement at Kiwi Freight", "sono responsabile acquisti
# presso ...", "soy gerente de compras en ...", "ik ben inkoper bij ...".
_SELF_ROLE = re.compile(
    r"(?i)(?:^|(?<=[\s:;,.]))(?:I am|I'm|I’m|je suis|soy|sono|sou|ik ben)\s+"
    r"(?:(?:now|currently|actuellement|désormais|ahora|actualmente|ora|adesso|agora|nu)\s+)?"
    r"(?:(?:the|a|an|la|le|el|il|o|de)\s+)?(?P<rest>[^\n;!?]{3,160})")


def _self_described_role(body: str) -> Role | None:
    for match in _SELF_ROLE.finditer(body[:_SELF_ROLE_SPAN]):
        role = role_in(match.group("rest"))
        if role.title and role.company and is_title_phrase(role.title, loose=True):
            return role
    return None


_SELF_ROLE_SPAN = 3_000


def _signed_by(signature: str, card: str) -> bool:
    """Whether the signature found already holds the card's name line."""
    return name_key(card.splitlines()[0]) in name_key(signature)


def _fuller_name(name: str | None, signed: str | None, party: Party) -> str | None:
    """The signature's name when the header gave none or only its first word ("Drew" from
    "Hall, Drew"; drew.hall@example.com with no display name), and it is this sender's: one of
    its words is in the header's name or address; or the header's name as the sender spells
    it in the signature."""
    signed = clean_name(signed)
    if not signed or (len(signed.split()) < 2 and name):
        return name
    if name and name_key(signed) == name_key(name) and not signed.isupper():
        return signed  # the same name as the person spells it ("Joan St. Aubyn")
    if (name and len(name.split()) == 2 and not signed.isupper()
            and name_key(signed).split() == name_key(name).split()[::-1]):
        return signed  # "Gerber Nadja" in the header, signed "Nadja Gerber": surname first
    header_words, signed_words = name_key(name or "").split(), name_key(signed).split()
    if (len(header_words) >= 2 and not signed.isupper()
            and signed_words[:len(header_words)] == header_words
            and len(signed_words) - len(header_words) == 1):
        return signed  # "Rosario Benavente" in the header, signed with her second surname
    if name and name_key(signed).split(" ")[0] != name_key(name):
        return name
    own = set(re.findall(r"[a-z]{2,}", f"{name_key(party[0])} {party[1].split('@')[0].lower()}"))
    words = set(name_key(signed).split())
    compact = "".join(re.findall(r"[a-z]", party[1].split("@")[0].lower()))
    # Addresses cut names short ("halld" for Drew Hall, "mvanrijn"): a name word's first
    # four letters in the address count too.
    fits = bool(words & own) or any(len(w) > 2 and w in compact for w in words) or any(
        len(w) >= 4 and w[:4] in compact for w in words)
    return signed if fits else name


def _forwarded_people(thread: Thread, note: str, owner: OwnerIdentity) -> list[ContactDraft]:
    author, body = _author_draft(thread, owner)
    if author is None:  # the owner forwarded their own mail: its recipients are the people
        drafts = [_party_draft(p) for p in thread.recipients if _is_other(p, None, owner)]
        _add_note_facts(drafts, note)
        return drafts + find_people(note, owner, strong_only=True)
    named = [_party_draft(p) for p in thread.recipients
             if thread.forwarded and _is_other(p, thread.author, owner) and _named_in(note, p)]
    only = _ONLY.search(note)
    if only:  # "Agregar solo a Mariana; Héctor en copia es de su equipo legal"
        named = [d for d in named if (d.name or "").split(" ")[0] == only.group("first")]
    # "Add both. Dara leads their data team and needs a contractor.": a sentence of the note
    # naming a Cc'd person and not the sender is about that person
    theirs = {id(d): _sentences_naming(note, d.name, author.name) for d in named}
    own_note = note
    for sentences_of in theirs.values():
        for sentence in sentences_of:
            own_note = own_note.replace(sentence, " ")
    author.add_facts(read_context(own_note, names=_name_forms(author.name)))
    # "Wij zoeken een partner voor ...": what the sender says their side needs, when the
    # owner's note does not already say it in the owner's words
    if not author.needs:
        author.needs += [n for n in writers_needs(body) if n not in author.needs]
    if not author.offers:  # "Happy to host your next investor lunch at the estate"
        author.offers += [o for o in writers_offers(body) if o not in author.offers]
    if not author.interests:  # "Wir interessieren uns für Ihren Workshop ..."
        author.interests += [i for i in writers_interests(body) if i not in author.interests]
    extras = [d for d in find_people(note, owner, strong_only=True) if not d.same_person(author)]
    if thread.forwarded:  # the message's other recipients only when the owner's note names them
        for draft in named:  # "met them together at ...": the occasion is theirs too
            if theirs[id(draft)]:
                draft.add_facts(read_context(" ".join(theirs[id(draft)]),
                                             names=_name_forms(draft.name)))
            draft.context = draft.context or author.context
            if author.company and _same_workplace(draft, author) and _colleague_in(body, draft):
                draft.company = author.company  # "Harriet (cc'd) looks after our accounts"
            if draft.title is None and _same_workplace(draft, author):
                draft.title = _colleague_title(body, draft)  # "Copio o Bruno, nosso CTO"
            if _same_workplace(draft, author):  # "... and is keen to hear about the mission"
                draft.interests += [i for i in _colleague_interests(body, draft)
                                    if i not in draft.interests]
        extras += named
    return [author] + extras


# "Add only Mariana", "Nur Jana aufnehmen", "Ajoute seulement Inès", "Agregar solo a Mariana",
# "Aggiungi solo Marco", "Adicionar só a Rita", "Alleen Bram toevoegen": the one to add.
_ONLY = re.compile(
    r"(?i:\b(?:only|nur|seulement|uniquement|solo|sólo|solamente|soltanto|apenas|só|"
    r"alleen)\s+(?:(?:a|à|ao|o|de|die|den|the)\s+)?)(?P<first>[" + UPPER + r"][\w'’-]+)")


def _sentences_naming(note: str, name: str | None, other: str | None) -> list[str]:
    """The note's sentences naming this person by first name and not the other."""
    first = (name or "").split(" ")[0]
    other_first = (other or "").split(" ")[0]
    if not first:
        return []
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", note)
            if any(unattached(s, first))
            and not (other_first and any(unattached(s, other_first)))]


# Mail hosts anyone can sign up to: two people on one of them share no workplace.
_MAIL_HOSTS = frozenset("""gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr yahoo.de
yahoo.es yahoo.it ymail.com hotmail.com hotmail.co.uk hotmail.fr hotmail.de hotmail.it
hotmail.es outlook.com outlook.fr outlook.de live.com live.fr msn.com aol.com icloud.com me.com
mac.com gmx.de gmx.net gmx.at gmx.ch gmx.com web.de t-online.de freenet.de orange.fr wanadoo.fr
free.fr laposte.net sfr.fr libero.it virgilio.it alice.it tiscali.it sapo.pt terra.com.br
uol.com.br bol.com.br proton.me protonmail.com pm.me zoho.com yandex.ru mail.ru qq.com 163.com
126.com naver.com hanmail.net daum.net""".split())


# The author presents someone as their colleague: "looks after our wholesale accounts", "my
# colleague", "meine Kollegin", "ma collègue", "mi compañera", "la mia collega", "nossa equipe".
_COLLEAGUE = re.compile(
    r"(?i)\b(?:our|my (?:colleague|co-?worker|teammate|partner|business partner)|"
    r"unser(?:e[mnrs]?)?|mein(?:e)? (?:kollegin|kollege)|notre|nos|ma collègue|mon collègue|"
    r"nuestr[oa]s?|mi (?:colega|compañer[oa])|nostr[oaie]|la mia collega|il mio collega|"
    r"noss[oa]s?|minha colega|meu colega|onze|ons|mijn collega)\b")


def _colleague_in(body: str, draft: ContactDraft) -> bool:
    """Whether a sentence of the author's naming this person presents them as a colleague."""
    forms = _called(draft)
    if not forms:
        return False
    return any(any(any(unattached(s, form)) for form in forms) and _COLLEAGUE.search(s)
               for s in re.split(r"(?<=[.!?])\s+|\n{2,}", body))


def _called(draft: ContactDraft) -> list[str]:
    """The words a colleague is called by: the first name, or a given name written after the
    family name ("Mei Yee" of "Chong Mei Yee", "Hiroshi" of "Tanaka Hiroshi")."""
    words = (draft.name or "").split()
    return [w for w in words if len(w) > 1]


# "Bruno, our CTO", "Bruno, nosso CTO", "Bruno, unser CTO", "Bruno, notre DAF": the title the
# writer gives a colleague of theirs.
_OUR_TITLE = re.compile(
    r"(?P<first>[" + UPPER + r"][\w'’-]+)(?:[ \t]+[" + UPPER + r"][\w'’-]+)?"
    # "Mick, copied, is our head winemaker", "Ana (en copia) es nuestra CFO"
    # "Zola, in copy, is our head of finance", "Ruth, on cc, is our COO"
    # ("Jean-Paul (our CTO, in cc)": the title in the bracket)
    r"(?:,[ \t]+|[ \t]+\((?=our[ \t])|(?:,[ \t]+|[ \t]+\()(?:copied(?: in)?(?: here)?|"
    r"cc['’]?e?d(?: in)?(?: here)?|"
    r"in cc|on cc|in copy|"
    r"on copy|en copie|en copia|in copia|in kopie|"
    r"em cópia|in de cc)\)?,?[ \t]+(?:is|ist|est|es|è|é)[ \t]+|"
    # "Sreyleak is our finance manager and will follow up"
    r"[ \t]+(?:is|ist|est|es|è|é)[ \t]+)(?:our|unser(?:e[nmrs]?)?|"
    r"notre|nuestr[oa]|(?:il |la )?nostr[oa]|(?:o |a )?noss[oa]|onze|ons)[ \t]+"
    r"(?P<title>[^,.;:()\n]{2,60})")


_TRAILING_PARTICLE = re.compile(r"\s(?:of|de|du|des|da|do|di|del|van|von|der|für|for)$")


def _colleague_title(body: str, draft: ContactDraft) -> str | None:
    forms = _called(draft)
    for match in _OUR_TITLE.finditer(body):
        if match.group("first") not in forms:
            continue
        # "our head winemaker and is keen to ...": the title ends before the next clause
        # (but "our head of finance and operations": one more field of the title to its end)
        title_text = match.group("title")
        words = title_text.split()
        # ("our finance and export manager", "our head of risk and compliance": every word a
        # title's, the whole phrase is the title)
        whole_title = is_title_phrase(title_text.strip())
        for joint in re.finditer(r"\s(?:and|und|et|y|e|en|who|which|qui|que|der|die)\s",
                                 "" if whole_title else title_text):
            rest = title_text[joint.end():].split()
            if not (len(rest) <= 2 and joint.group().strip() in {"and", "und", "et", "y", "e"}
                    and all(w.lower() in TITLE_FIELD_WORDS for w in rest)):
                words = title_text[:joint.start()].split()
                break
        # "our head of viticulture", "notre directrice scientifique": the whole short phrase
        # when it reads as a title, not its head alone
        whole = " ".join(words) if 1 < len(words) <= (6 if whole_title else 4) else ""
        if whole and is_title_phrase(whole, loose=True) and not _TRAILING_PARTICLE.search(whole):
            return whole
        title = next((" ".join(words[:n]) for n in range(min(len(words), 6), 0, -1)
                      if is_title_phrase(" ".join(words[:n]))), None) or next(
            (" ".join(words[:n]) for n in range(min(len(words), 2), 0, -1)
             if is_title_phrase(" ".join(words[:n]), loose=True)), None)
        if title:
            return title
    return None


def _colleague_interests(body: str, draft: ContactDraft) -> list[str]:
    """What the sentence introducing a copied colleague says they are interested in."""
    first = (draft.name or "").split(" ")[0]
    found: list[str] = []
    for match in _OUR_TITLE.finditer(body):
        if match.group("first") == first:
            end = re.search(r"[.!?](?:\s|$)", body[match.start():])
            sentence = body[match.start(): match.start() + end.start() if end else len(body)]
            found += read_context(sentence).interests
    return found


def _same_workplace(draft: ContactDraft, other: ContactDraft) -> bool:
    domains = {e.rsplit("@", 1)[-1].lower() for e in other.emails}
    return any(e.rsplit("@", 1)[-1].lower() in domains - _MAIL_HOSTS for e in draft.emails)


# "Please add both", "alle beide", "les deux": the note names everyone on the message.
_EVERYONE = re.compile(r"(?i)\b(?:both|all of them|everyone|each of them|them all|beide|alle|"
                       r"les deux|tous|toutes|ambos|ambas|todos|todas|"
                       # "Adicionar os dois", "Agrega a los dos", "Aggiungi entrambi", "allebei"
                       r"(?:os|as|los|las) (?:dois|duas|dos)|i due|le due|entrambi|entrambe|"
                       r"allebei|alle twee)\b")


def _named_in(note: str, party: Party) -> bool:
    name, address = party
    if (address and address in note.lower()) or _EVERYONE.search(note):
        return True
    words = name_key(clean_name(name) or "").split()
    found = next(unattached(name_key(note), words[0]), None) if words else None
    # "Please add Claire (not Tom)": a name the note excludes is not one it asks for; so is
    # one the note denies after it ("Bram niet, dat is haar stagiair", "Jonas nicht.")
    return (found is not None and not _EXCLUDED.search(name_key(note)[: found[0]])
            and not _denied_after(note, clean_name(name) or "")
            # "the sales inbox in cc": a team's mailbox, no person
            and not (len(words) == 1
                     and _MAILBOX_AFTER.match(name_key(note), found[0] + len(words[0]))))


_MAILBOX_AFTER = re.compile(r"\s+(?:inbox|mailbox|alias|address|mailing list|distribution list|"
                            r"team (?:inbox|mailbox|address))\b")


# "not Tom", "no a pedidos", "pas à Luc", "non a Marco", "não o Rui", "nicht an Jan": a
# preposition or article may stand between the cue and the name.
_EXCLUDED = re.compile(r"(?:\b(?:not|nicht|pas|non|no|niet|não|nao|ignore|without|ohne|sans|sin|"
                       r"senza|zonder|sem|except|außer|sauf|excepto|tranne)\s+"
                       r"(?:(?:to|the|a|al|à|au|ad|o|os|as|an|de|den|die|der|el|la|le|il|lo)\s+)?"
                       # "no a su asistente", "not his assistant", "nicht seine Assistentin"
                       r"(?:(?:his|her|their|su|sus|son|sa|ses|leur|sein|seine|seinen|ihr|ihre|"
                       r"ihren|suo|sua|zijn|haar|seu)\s+)?)$")


_EXCLUDED_AFTER = re.compile(r"(?i)\s+(?:not|nicht|pas|non|no|niet|não|nao)\s*(?:[,.;:!)]|$)")


def _denied_after(note: str, name: str) -> bool:
    first = name.split(" ")[0] if name else ""
    return bool(first) and any(
        _EXCLUDED_AFTER.match(note, m.end())
        for m in re.finditer(rf"(?i)(?<!\w){re.escape(first)}(?!\w)", note))


def _note_people(thread: Thread, note: str, owner: OwnerIdentity) -> list[ContactDraft]:
    drafts = find_people(note, owner)
    by = _introducer_in_note(note)
    if by:
        dropped = [d for d in drafts if name_key(d.name or "") == name_key(by)]
        drafts = [d for d in drafts if name_key(d.name or "") != name_key(by)]
        for draft in drafts:
            draft.introduced_by = draft.introduced_by or by
        if dropped and len(drafts) == 1:  # "C'est Erwan qui m'a conseillé de la contacter ;
            drafts[0].add_facts(_about_them_after(note, by))  # elle cherche ...": hers
            # "C'est Olivier qui me l'a recommandée. Elle s'intéresse à ...": the sentences
            # after the introducer's name are about the one person introduced
            for gone in dropped:
                drafts[0].add_facts(ContextFacts(needs=tuple(gone.needs),
                                                 offers=tuple(gone.offers),
                                                 interests=tuple(gone.interests)))
    drafts += [_party_draft(p) for p in thread.recipients if _is_other(p, None, owner)]
    unplaced = [d for d in drafts if d.met and not d.context and not d.introduced_by]
    placed = {d.context for d in drafts if d.context}
    # one occasion in a note of one paragraph: the others met there too ("He was with
    # Carbonquill's data lead, Mireille ...", "Me presentó a su ingeniero jefe, Wilmer ...");
    # none: the subject may name the event
    one_paragraph = not re.search(r"\n[ \t]*\n", note.strip())
    occasion = None
    if unplaced and len(placed) == 1 and one_paragraph:
        occasion = next(iter(placed))
    elif unplaced and not placed:
        occasion = subject_occasion(thread.subject, note)
    for draft in unplaced if occasion else ():
        draft.context = occasion
    return drafts


# A clause of the introducer's sentence that goes on about the person introduced, by a pronoun.
_THEM_CLAUSE = re.compile(r"(?i)[;,]\s+(?=(?:she|he|they|elle|il|ils|elles|sie|er|ella|él|ellos|"
                          r"lei|lui|loro|ela|ele|eles|elas|zij|hij|ze)\s)")


def _about_them_after(note: str, by: str) -> ContextFacts:
    """Facts of the clauses, after the introducer's own, of the sentence naming them."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", note):
        if by in sentence:
            clauses = _THEM_CLAUSE.split(sentence)[1:]
            facts = read_context(" ".join(clauses)) if clauses else ContextFacts()
            return ContextFacts(needs=facts.needs, offers=facts.offers, interests=facts.interests)
    return ContextFacts()


def _introducer_in_note(note: str) -> str | None:
    for match in _INTRODUCED_BY_NOTE.finditer(note):
        group = next(i for i, g in enumerate(match.groups(), 1) if g)
        by = match.group(group)
        if re.split(r"['’]", by.split()[0])[0] not in _NOT_AN_INTRODUCER:  # nor "I'll"
            return clean_name(_family_first_before(note, match.start(group), by))
    return None


def _family_first_before(note: str, start: int, by: str) -> str:
    """ "Lê Thị Hồng Nhung suggested ...", "Lee Hui Min put him forward": a name written family
    name first runs on before the words the introducer's pattern reads; the whole name, when it
    opens with one."""
    words = note[max(0, start - 40):start].split()
    for count in (1, 2):
        head = words[-count:] if len(words) >= count else []
        if (head and all(w[:1].isupper() and w.isalpha() for w in head)
                and called_by(" ".join([*head, by])) in (by, by.split()[-1])):
            return " ".join([*head, by])
    return by


def _intro_people(thread: Thread, note: str, owner: OwnerIdentity) -> list[ContactDraft]:
    """Who introduced whom: the introduced people carry ``introduced_by``; an introducer who is
    not the owner is listed too; when the owner introduces, everyone introduced is a contact."""
    author_draft, intro_text = _author_draft(thread, owner)
    introducer, introducer_draft = thread.author, author_draft
    named = introduced_names(thread.body)
    if thread.author and any(_same_party(ContactDraft(name=n), thread.author) for n in named):
        quoted = quoted_author(thread.body)  # the introduced person replied on top of the intro
        if quoted is not None:
            introducer, intro_text = quoted, re.sub(r"(?m)^>+ ?", "", thread.body)
            introducer_draft = None if _is_owner(quoted, owner) else _party_draft(quoted)
    people = [_party_draft(p) for p in thread.recipients if _is_other(p, introducer, owner)]
    if author_draft is not None and introducer is not thread.author:
        people.append(author_draft)
    people += [ContactDraft(name=clean_name(n)) for n in named if not _is_owner_named(n, owner)]
    people = merge_drafts([d for d in people if not _same_party(d, introducer)])
    introducer_name = clean_name(introducer[0]) if introducer else None
    text = strip_signoff(intro_text, introducer_name)
    found = find_people(text, owner, known=tuple(d.name for d in people if d.name))
    if introducer_draft is not None:
        for other in found:  # "Making the intro I promised at the mixer": the introducer's
            other.context, other.promises = None, []  # occasion and promise, not the owner's
    _enrich(people, found)
    by = introducer_name if introducer_draft is not None else None
    for draft in people:
        draft.introduced_by = by
        if by is not None:
            draft.add_facts(read_context(note, names=_name_forms(draft.name)))
            # introduced by someone else and no meeting in the owner's words: not met yet, so
            # the follow-up never thanks them for a meeting that did not happen
            draft.met = draft.met and bool(draft.context)
    keep_introducer = introducer_draft is not None and _may_add(note, introducer_draft)
    return people + ([introducer_draft] if introducer_draft and keep_introducer else [])


# "Please add Saoirse", "Aggiungere Alessandro", "Cadastrar só a Camila": the owner names whom
# to add; an introducer the note does not name there is not added.
_ADD = re.compile(
    r"(?i)\b(?:add|save|aggiungere|aggiungi|añadir|añade|agregar|ajouter|ajoute|hinzufügen|"
    r"toevoegen|cadastrar|adicionar)\b(?:\s+(?:only|just|nur|seulement|solo|só|alleen|a|o|à))*"
    r"\s+(?P<names>(?-i:[" + UPPER + r"][\w'’-]+)(?:\s*(?:,|and|und|et|y|e|en)\s*(?-i:[" + UPPER
    + r"][\w'’-]+))*)"
    # the list ends where a sentence goes on: "add Saoirse, Ben introduced us"
    r"(?![\w'’-]|\s+(?-i:[a-z]))")


# The verb last, as German and Dutch put it: "Bitte Lea aufnehmen", "Graag Joost toevoegen".
_ADD_LAST = re.compile(
    r"(?P<names>(?<![\w'’-])[" + UPPER + r"][\w'’-]+(?:\s*(?:,|und|en)\s*[" + UPPER
    + r"][\w'’-]+)*)\s+"
    r"(?:(?:bitte|noch|auch|ook|nog)\s+)?(?:aufnehmen|hinzufügen|speichern|anlegen|eintragen|"
    r"erfassen|toevoegen|opslaan|bewaren)\b")


def _may_add(note: str, draft: ContactDraft) -> bool:
    asked = [m.group("names") for m in (*_ADD.finditer(note), *_ADD_LAST.finditer(note))]
    if not asked or _EVERYONE.search(note):
        return True
    first = name_key(draft.name or "").split(" ")[0]
    return bool(first) and any(first in name_key(names).split() for names in asked)


def _same_party(draft: ContactDraft, party: Party | None) -> bool:
    if party is None:
        return False
    if party[1] and party[1] in draft.emails:
        return True
    return bool(draft.name and party[0]) and name_key(draft.name or "") in {
        name_key(party[0]), name_key(party[0]).split(" ")[0]}


def _enrich(people: list[ContactDraft], found: list[ContactDraft]) -> None:
    for draft in people:
        for other in found:
            if draft.same_person(other) or (other.emails and set(other.emails) & set(draft.emails)):
                other.introduced_by = None
                draft.absorb(other)
