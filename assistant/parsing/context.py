"""What the owner's words say about a person: where they met, needs, offers, interests, promises.

Cue phrases in English, German, French and Spanish; each phrase runs to the end of its clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NEEDS = (
    r"(?:is |are |'s |’s )?(?:currently |actively )?(?:looking for|searching for|"
    r"on the lookout for|"
    r"in the market for|is after|'s after|’s after|are after|keen on|keen to)|"
    r"\bwants(?: to)?|\bneeds(?: to)?|"
    r"\bneeded|\bhiring(?: for| an?)?|"
    r"\bhires|\bis raising|\braising|\bsucht(?: nach| gerade)?|\bbraucht|"
    r"\bcherche(?:nt)?(?: à)?|\brecherche(?:nt)?|\ba besoin d[e']|\bveut|\brecrute|"
    r"\bbusca(?:n)?|\bestá buscando|\bnecesita(?:n)?|\bquiere|\bcontratando|"
    r"\b(?:ist )?auf der suche nach|\b(?:sie|er) (?:will|möchte)|\bmöchten"
)
_OFFERS = (
    r"\bcan help(?: us| you| with| out with)?|\bcould help(?: with)?|\bhappy to help(?: with)?|"
    r"\boffer(?:s|ed)(?: to)?|\bcan intro(?:duce)?(?: us| me)? to|\bhas (?:a|"
    r"an) (?=\w+ (?:network|team))|"
    r"\bkann (?:uns |dir |dir bei |bei )?(?:helfen|unterstützen)(?: bei| mit)?|\bkann\b|\bbietet|"
    r"\bpeut (?:nous |vous |t')?aider(?: à| avec| pour)?|\b(?:il|elle|ils|elles) (?:propose|offre)|"
    r"\bpuede (?:ayudar(?:nos|te)?(?: con)?)|\bofrece"
)
_INTERESTS = (
    r"\b(?:is |are |'s |’s )?(?:really |big |very )?into|\bloves|\blove of|\benjoys|"
    r"\bis a big fan of|"
    r"\bbig fan of|\bpassionate about|\binterested in|\bis obsessed with|\bplays|"
    r"\binteressiert sich für|\binteresse an|\binteresse für|\bintéressée? par|"
    r"\binteresad[oa] en|\bliebt|\bbegeistert von|\bpassionnée? (?:de|par)|\badore|"
    r"\baime|\ble gusta|\ble encanta|\bapasionad[oa] (?:por|de)|\binteresad[oa] en|\bfan de"
)
_PROMISES = (
    r"\bI (?:promised|said I'?d|told (?:him|her|them) I'?d|offered)(?: to)?|\bI'?ll|\bI will|"
    r"\bI owe|"
    r"\bI need to|\bI should|\bI'?m going to|\bpromised(?: to)?|\bto send (?:him|her|them)|"
    r"^(?:please )?(?:send|email|call) (?:her|him|them)|^(?:schick|sende) (?:ihr|ihm)|"
    r"\b(?:ich )?(?:habe|hab) (?:ihr|ihm|ihnen) versprochen,?|\bversprochen|\bich schicke|"
    r"\bich werde|\bich soll|\bj'?ai promis(?: de)?|\bpromis|\bje vais|\bje dois|\bje lui enverrai|"
    r"\ble prometí|\bprometí|\bprometido|\ble voy a|\bvoy a|\btengo que|\ble enviaré"
)
_EVENTS = (
    r"conference|summit|meetup|meet-up|breakfast|brunch|lunch|dinner|happy hour|mixer|panel|"
    r"workshop|event|expo|fair|trade show|keynote|forum|demo day|investor day|week|festival|"
    r"congress|roundtable|webinar|hackathon|offsite|retreat|gym|lounge|party|reception|"
    r"konferenz|messe|kongress|veranstaltung|frühstück|abendessen|mittagessen|tagung|"
    r"conférence|salon|soirée|petit-déjeuner|déjeuner|dîner|congrès|"
    r"congreso|evento|feria|desayuno|almuerzo|cena|jornada|encuentro"
)
_MET_WORDS = (
    r"\b(?:met|meeting|ran into|bumped into|sat next to|talked|spoke|chatted|chat|"
    r"coffee|lunch|dinner|breakfast|drinks|café|kaffee|getroffen|kennengelernt|traf|"
    r"gesprochen|rencontrée?s?|croisée?s?|déjeuner|conocí|conocimos|hablamos|encontré|"
    r"swapped cards|card from|cards from|(?:good|great|quick|intro|video|phone) call|call with|"
    r"zoom with)\b"
)
_MET_WORD = re.compile(_MET_WORDS, re.IGNORECASE)
_MET = re.compile(
    r"(?i)" + _MET_WORDS + r"|"
    r"(?:\b(?:at|from|during|after|on|auf|bei|beim|vom|von der|am|au|à la|à l'|lors d[eu]|"
    r"en el|en la|del|durante|tras)\s+(?:\S+\s+){0,5}?(?:\S*-)?(?:" + _EVENTS + r")\b)|"
    r"^(?:from|von|vom|de|du|del) (?:the |der |dem |la |le |el )?\S+"
)
_CLAUSE_END = re.compile(
    r"[.;!?\n]|,\s(?:and|but|und|et|y|aber|mais|pero)\s|"
    r"\s(?:and|und|et|y)\s(?:I|ich|je|yo)\s|\s\(|"
    # "looking for an SRE and is into trail running": a new clause about the same person
    r"\s(?:and|und|et|y)\s(?:is|has|was|she|he|they|ist|hat|sie|er|est|a|elle|il|es|tiene)\s"
)
_CUES = {
    "needs": re.compile(rf"(?i)(?:{_NEEDS})\s*"),
    "offers": re.compile(rf"(?i)(?:{_OFFERS})\s*"),
    "interests": re.compile(rf"(?i)(?:{_INTERESTS})\s*"),
    "promises": re.compile(rf"(?:{_PROMISES})\s*", re.IGNORECASE),
}
# "I'll let you two take it from here" closes an introduction; it promises nothing.
_NOT_PROMISE = re.compile(r"(?i)^(?:let|leave) (?:you|the two|it to)\b")
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=[^\s.!?]))+[.!?]*")


@dataclass(frozen=True)
class ContextFacts:
    """The facts the owner's words give about one person."""

    context: str | None = None
    needs: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    promises: tuple[str, ...] = ()


def read_context(text: str, names: tuple[str, ...] = ()) -> ContextFacts:
    """Facts from a passage about one person; ``names`` are removed from the context sentence."""
    found: dict[str, list[str]] = {key: [] for key in _CUES}
    text = text.replace("’", "'")
    for sentence in sentences(text):
        for key, cue in _CUES.items():
            found[key].extend(_phrases(cue, sentence))
    promises = [p for p in found["promises"]
                if p not in found["needs"] and not _NOT_PROMISE.match(p)]
    return ContextFacts(
        context=meeting_context(text, names),
        needs=tuple(_dedupe(found["needs"])),
        offers=tuple(_dedupe(found["offers"])),
        interests=tuple(_dedupe(found["interests"])),
        promises=tuple(_dedupe(promises)),
    )


def sentences(text: str) -> list[str]:
    """Sentences, each cut to 600 characters: a cue and its clause sit well within that."""
    return [s.strip()[:600] for s in _SENTENCE.findall(text) if s.strip()]


def meeting_context(text: str, names: tuple[str, ...] = ()) -> str | None:
    """The first sentence saying where or when the owner met the person."""
    for sentence in sentences(text):
        if tells_meeting(sentence):
            return _without_names(sentence, names)
    return None


def tells_meeting(sentence: str, *, in_words: bool = False) -> bool:
    """Whether a sentence tells of meeting someone ("met her at the summit", "am Dienstag auf
    der Messe getroffen"), as opposed to asking about it. With ``in_words``, only a word of
    meeting counts ("met", "getroffen", "coffee"), not an event named ("at the expo")."""
    found = _MET_WORD.search(sentence) if in_words else _MET.search(sentence)
    return bool(found) and not _is_question(sentence)


_CONTACT_DETAILS = re.compile(r"\s*\([^)]*[@+\d][^)]*\)|\s*<[^>]*@[^>]*>|\S+@\S+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:])")
_SPACE_RUN = re.compile(r"\s{2,}")


def _without_names(sentence: str, names: tuple[str, ...]) -> str:
    for name in sorted((n for n in names if n), key=len, reverse=True):
        if name in sentence:  # the pattern matches only where the name is written
            sentence = re.sub(rf"\s*\b{re.escape(name)}\b", "", sentence)
    sentence = _CONTACT_DETAILS.sub("", sentence)
    sentence = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", sentence)
    # "Met, CTO at Acme Robotics, at the breakfast": the role is a contact field, not context
    sentence = _ROLE_APPOSITIVE.sub(r"\1 ", sentence)
    return _SPACE_RUN.sub(" ", sentence).strip(" ,;:-").strip()


_ROLE_APPOSITIVE = re.compile(
    r"^(\w+)\s*,\s*[^,]{2,80}?\s(?:at|@|bei|chez|en)\s[^,]{2,80},\s*(?=\S)")


def _is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith("?")


_NOT_A_FACT = re.compile(r"(?i)(?:to )?(?:meet|know|chat)\b")


def _phrases(cue: re.Pattern[str], sentence: str) -> list[str]:
    phrases = []
    for match in cue.finditer(sentence):
        rest = sentence[match.end():]
        end = _CLAUSE_END.search(rest)
        phrase = rest[: end.start() if end else len(rest)].strip(" ,:-–")
        if len(phrase) >= 3 and not _NOT_A_FACT.match(phrase):
            phrases.append(phrase)
    return phrases


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out
