"""The only pieces of the owner's words a follow-up may carry, each validated before use.

The owner's note is private by default. A draft is built from slots: the occasion they met at
("the SaaS founders breakfast"), a topic the contact raised (a need or an interest: "a good SRE
contractor"), a promised item ("send her our migration checklist"). Each is read as a short
phrase of its kind and checked; a phrase that fails (too long, another clause in it, a pronoun
or verb of a remark about someone, a negation, an instruction to self, a word about health,
money, family or an opinion of the person) is left out of the draft, which then uses its neutral
wording ("Great meeting you"). Nothing is cleaned up by guesswork: a slot is used as written or
not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_PLACE_WORDS = 6
MAX_TOPIC_WORDS = 8
MAX_ITEM_WORDS = 6  # a promised item, after its verb and recipient ("send her ...")

# Clause separators: what follows one is another clause, never part of the slot.
_CLAUSE_SEPARATOR = re.compile(
    r"[;:,()\[\]{}!?\"\n\u2014\u2013]|\s-\s|\.\s|\s(?:but|aber|mais|pero)\s", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

# Words of a remark about someone: third-person pronouns (the contact is "you" in a draft),
# the owner as a clause's subject, and finite verbs.
_PRONOUNS = {"he", "she", "him", "his", "her", "hers", "they", "them", "their", "theirs",
             "himself", "herself", "themselves", "i", "me", "myself", "we", "i'm", "i've",
             "i'd", "i'll", "he's", "she's", "they're", "we're", "er", "ihm", "ihn", "il",
             "elle", "ils", "elles", "lui", "él", "ella", "ellos", "ellas",
             # Dutch, Italian, Portuguese
             "hij", "zij", "ze", "hem", "haar", "hun", "ik", "wij", "lei", "gli", "io", "noi",
             "ele", "ela", "eles", "elas", "lhe", "eu", "nós"}
_VERBS = {"is", "are", "was", "were", "am", "be", "been", "being", "has", "had", "have", "do",
          "does", "did", "will", "would", "should", "shall", "must", "might", "may", "can",
          "could", "said", "says", "told", "tells", "thinks", "think", "thought", "seems",
          "seemed", "got", "gets", "goes", "went", "looks", "feels", "felt", "ist", "war",
          "hat", "sind", "wird", "est", "était", "sont", "es", "está", "era", "tiene"}
_NEGATIONS = {"not", "no", "never", "nothing", "none", "nobody", "nor", "neither", "nicht",
              "kein", "keine", "keinen", "nie", "ne", "pas", "jamais", "rien", "nunca", "nada",
              "ningún", "ninguna"}
# Instructions to self: "don't mention", "remember to ask about", "note to self".
_INSTRUCTIONS = {"remember", "remind", "reminder", "mention", "mentioned", "avoid", "careful",
                 "forget", "todo", "self", "secret", "confidential", "private", "privately",
                 "quiet", "discreet", "discretion", "hush", "gossip", "rumor", "rumour",
                 "erwähnen", "erinnern", "mentionner", "rappeler", "mencionar", "recordar"}
# Private subjects, as whole words or word beginnings ("divorc" covers divorced, divorcing).
_PRIVATE = re.compile(r"""(?ix)^(?:
    # health
    sick|ill|illness|ills|cancer|tumou?r|surg\w*|hospital\w*|pregnan\w*|miscarr\w*|died|dies|
    death|dying|dead|funeral|depress\w*|anxiety|burnout|therap\w*|rehab\w*|diagnos\w*|chemo\w*|
    disease|injur\w*|accident|addict\w*|alcohol\w*|drunk|sober|mental|psychiatr\w*|stroke|
    krank\w*|malad\w*|enferm\w*|
    # money
    broke|debt\w*|salary|salaries|paycheck|mortgage|bankrupt\w*|owes?|owed|lend|lent|borrow\w*|
    unemployed|laid|layoffs?|fired|evict\w*|poor|rich|inheritance|schulden|dettes?|deudas?|
    # family and relationships
    wife|husband|spouse|girlfriend|boyfriend|ex|affair|divorc\w*|custody|widow\w*|dating|
    marriage|married|kids?|children|son|daughter|father|mother|dad|mom|mum|parents?|
    frau|mann|femme|mari|esposa|esposo|
    # opinions of the person
    annoying|annoyed|arrogant|boring|bored|rude|creepy|weird|dumb|stupid|lazy|pushy|sleazy|
    jerk|idiot|awkward|obnoxious|smug|fake|overrated|shady|clueless|incompetent|useless|
    desperate|hate|hated|hates|dislike\w*|ugly|flak\w*|unreliable|liar|lying|tbh|honestly|
    # legal trouble
    lawsuits?|sued|arrest\w*|jail|prison|dui|police
    )$""")
_NOT_MET = re.compile(
    r"(?i)(?:n't|\b(?:not|never|noch nicht|pas encore|jamais|todavía no|aún no|nunca))\b"
    r"[^;,]*?\b(?:met|meet|getroffen|kennengelernt|rencontr\w*|conoc\w*)\b")

# Reading the occasion out of the owner's sentence.
_ROLE_APPOSITIVE = re.compile(r"^(\w+)\s*,\s*[^,]{2,80}?\s(?:at|@|bei|chez|en)\s[^,]{2,80},\s*")
_OCCASION_PREPOSITION = re.compile(
    r"(?:^|\s)(?:at|during|bei|beim|auf|à|au|lors\s+d[eu]|en|"
    # "From the Hannover Messe", "cards from the robotics expo"; not "Jane from Acme"
    r"^(?:from|von|vom|desde)|(?:from|von|desde)(?=\s+(?:the|der|dem|la|le|el)\s))\s+(?=\S)",
    re.IGNORECASE)
# The meeting's frame around the place: a time ("last week") or the participle ("getroffen").
_TRAILING_FRAME = re.compile(
    r"(?:^|\s+)(?:this\s+(?:morning|afternoon|evening|week)|today|yesterday|last\s+(?:night|week)|"
    # a period long ago: "last month", "in March", "in 2024", "two years ago"
    r"(?:last|past)\s+(?:month|year|spring|summer|autumn|fall|winter)|"
    r"(?:a\s+few\s+|some\s+|\d+\s+|two\s+|three\s+)?(?:years?|months?)\s+ago|"
    r"a\s+while\s+(?:ago|back)|earlier\s+this\s+year|"
    r"in\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)(?:\s+\d{4})?|in\s+(?:19|20)\d\d|"
    r"tonight|heute(?:\s+morgen)?|gestern(?:\s+abend)?|ce\s+matin|hier(?:\s+soir)?|"
    # the day of the week: "on Tuesday", "last Thursday evening", "am Dienstag", "le mardi"
    r"(?:(?:on|last|this|am|le|el|lunedì|op)\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|"
    r"domingo)(?:\s+(?:morning|afternoon|evening|night|morgen|abend|matin|soir))?|"
    r"aujourd'hui|hoy|ayer|esta\s+mañana|anoche|"
    r"getroffen|kennengelernt|gesprochen|rencontrée?s?|conocid[oa]s?)$", re.IGNORECASE)
# Where someone sat or stood is no occasion, and names who was there: "côté de Jean-Paul
# Reding", "next to Marc", "neben", "al lado de", "accanto a", "ao lado de", "naast".
_SPATIAL = re.compile(r"(?i)\b(?:next\s+to|beside|besides|alongside|côté|neben|nebenan|lado|"
                      r"accanto|vicino|naast|opposite|across\s+from|gegenüber|en\s+face|"
                      r"frente|di\s+fronte|tegenover)\b")
_MEETING_WORD = re.compile(
    r"(?i)\b(?:met|meet|meeting|coffee|lunch|dinner|breakfast|drinks|chat|chatted|talked|spoke|"
    r"getroffen|kennengelernt|rencontr\w*|conoc\w*)\b")
# A recipient right after the verb of an errand: "send her ...", "intro him to ...".
_RECIPIENT = {"her", "him", "them", "ihr", "ihm", "ihnen", "lui", "leur", "le", "la"}
# A place is named ("Web Summit", "the 2026 expo") or has its article ("the breakfast", "der
# Hannover Messe"): a bare lower-case word after a preposition ("à ajouter") is no place.
_ARTICLES = {"the", "a", "an", "this", "our", "der", "die", "das", "dem", "den", "einem", "einer",
             "le", "la", "les", "l", "un", "une", "el", "los", "las", "il", "lo", "gli", "o", "os",
             "as", "um", "uma", "het", "de", "een"}
_WITH_ARTICLE = {"au", "aux", "beim", "vom", "im", "am", "zum", "zur"}  # "au salon du livre"


# The card a note was typed from is no place: "the card", "her business card", "sa carte"
_A_CARD = re.compile(
    r"(?i)^(?:(?:the|his|her|their|a|my|la|sa|su|seine|ihre|die|der|de|il|o)\s+)?(?:business\s+)?"
    r"(?:cards?|carte|tarjeta|karte|visitenkarte|biglietto|cartão|kaartje)(?:\s+de\s+visite)?$")


@dataclass(frozen=True)
class Occasion:
    """What a draft may say about meeting: ``place`` ("" when none may be said) and ``met``
    (False when the owner says they have not met yet)."""

    place: str = ""
    met: bool = True
    # "we first met at the dinner last month", "met in March": a meeting long enough ago that
    # its day is not the note's, so a draft says no "yesterday" about it
    long_ago: bool = False


# A meeting weeks, months or years back, named by its period rather than its day.
_LONG_AGO = re.compile(
    r"(?i)\b(?:(?:last|past)\s+(?:month|year|spring|summer|autumn|fall|winter)|"
    r"(?:a\s+few\s+|some\s+|\d+\s+|two\s+|three\s+)?(?:years?|months?)\s+ago|"
    r"a\s+while\s+(?:ago|back)|earlier\s+this\s+year|"
    r"in\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)(?:\s+\d{4})?|in\s+(?:19|20)\d\d)\b")


def occasion(context: str | None, names: tuple[str, ...] = ()) -> Occasion:
    """The occasion of the owner's meeting sentence (see :func:`_occasion`), marked
    ``long_ago`` when the sentence names the meeting's period ("last month", "in March")."""
    found = _occasion(context, names)
    if found.met and context and _LONG_AGO.search(context):
        return Occasion(place=found.place, met=True, long_ago=True)
    return found


def _occasion(context: str | None, names: tuple[str, ...] = ()) -> Occasion:
    """The occasion of the owner's meeting sentence ("Met her at SaaStr last week" -> "SaaStr").

    The place is the phrase after the meeting's preposition, to the end of its clause, in the
    first clause that tells of meeting; used only when it is a valid place slot, which never
    tells where someone sat ("côté de ...") nor holds a word of a person's ``names``."""
    if not context:
        return Occasion()
    if _SPATIAL.search(context):
        context = _SPATIAL.split(context)[0]  # what the owner says before where they sat
        if not _MEETING_WORD.search(context) and not _OCCASION_PREPOSITION.search(context):
            return Occasion()
    text = _ROLE_APPOSITIVE.sub(r"\1 ", " ".join(context.split())).rstrip(".!")
    clauses = [c.strip() for c in _CLAUSE_SEPARATOR.split(text) if c.strip()]
    meeting = [c for c in clauses if _MEETING_WORD.search(c)]
    if meeting and all(_NOT_MET.search(c) for c in meeting):
        return Occasion(met=False)  # "Haven't met yet; Jordan suggested I reach out"
    telling = [c for c in clauses if _MEETING_WORD.search(c) or _OCCASION_PREPOSITION.match(c)]
    for clause in telling or clauses[:1]:
        if _NOT_MET.search(clause):
            continue
        place = _place_in(clause)
        if place is not None and not _names_someone(place, names):
            return Occasion(place=place)
    return Occasion()


def _names_someone(place: str, names: tuple[str, ...]) -> bool:
    """Whether ``place`` holds a word of a person's name ("Jean-Paul Reding")."""
    own = {w.lower() for w in _words(place)}
    return any(len(part) > 1 and part.lower() in own
               for name in names for part in _words(name) if part[:1].isupper())


def topic(phrase: str) -> str | None:
    """A need or interest as a draft may quote it ("Since you mentioned ..."), else None."""
    phrase = " ".join(phrase.split())
    return phrase if _clean(phrase, MAX_TOPIC_WORDS) else None


def blurb(text: str) -> str | None:
    """A line about another contact ("CTO, Acme Robotics"): short phrases, each valid."""
    text = " ".join(text.split())
    parts = [part.strip() for part in text.split(",")]
    return text if text and all(_clean(part, MAX_TOPIC_WORDS) for part in parts) else None


def promised_item(promise: str) -> str | None:
    """The owner's promise as a draft may carry it, else None: a short errand whose verb may be
    followed by its recipient ("send her our migration checklist", "intro him to Dana")."""
    promise = " ".join(promise.split())
    words = _words(promise)
    rest = words[2:] if len(words) > 2 and words[1].lower() in _RECIPIENT else words[1:]
    if not words or len(rest) > MAX_ITEM_WORDS + 1:  # the item and one errand word ("over")
        return None
    item = " ".join(rest)
    return promise if _clean(item, MAX_ITEM_WORDS + 1) and _clean_word(words[0]) else None


def _place_in(clause: str) -> str | None:
    """The valid place after the first occasion preposition of ``clause`` that has one."""
    for found in _OCCASION_PREPOSITION.finditer(clause):
        candidate = clause[found.end():].strip()
        while candidate and _TRAILING_FRAME.search(candidate):
            candidate = _TRAILING_FRAME.sub("", candidate)
        if candidate[:1].isdigit():  # "at 3pm at the Hilton": a time, not the place
            continue
        if _A_CARD.match(candidate):  # "Typed up from the card - ...": the card, not where
            continue
        named = _names_a_place(candidate) or found.group(0).strip().lower() in _WITH_ARTICLE
        spatial = bool(_SPATIAL.search(candidate))
        return candidate if _clean(candidate, MAX_PLACE_WORDS) and named and not spatial else None
    return None


def _names_a_place(phrase: str) -> bool:
    words = _words(phrase)
    return bool(words) and (words[0].lower() in _ARTICLES
                            or any(w[:1].isupper() or w[:1].isdigit() for w in words))


def _clean(phrase: str, max_words: int) -> bool:
    words = _words(phrase)
    if not words or len(words) > max_words or _CLAUSE_SEPARATOR.search(phrase):
        return False
    return all(_clean_word(word) for word in words)


def _clean_word(word: str) -> bool:
    lower = word.lower().replace("’", "'")
    if lower.endswith("n't") or lower in _NEGATIONS or lower in _PRONOUNS or lower in _VERBS:
        return False
    return lower not in _INSTRUCTIONS and not _PRIVATE.match(lower)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)
