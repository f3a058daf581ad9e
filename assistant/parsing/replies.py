"""The owner's answer to an approval request: approve, edit, skip, snooze, stop or unknown.

Safety first (DESIGN.md, ``assistant parse-reply`` contract): nothing reaches a contact without
a clear yes. The classifier finds known phrases (in English, German, French and Spanish), removes
them, and decides only when what is left is unambiguous. A negation, a question, an instruction
to change something, words it does not understand, or conflicting answers give ``unknown``, and
the owner is asked. A time ("tomorrow", "next week") with a yes or a no gives ``snooze``: the
draft comes back later and nothing is sent now. Pure module: no I/O.

Decisions the contract leaves open:
- A plain refusal ("skip", "no", "don't send", "nicht senden", "no lo envíes") is ``skip``; a
  deferral without a time ("not yet", "wait", "noch nicht") is ``unknown``.
- ``text`` is the new text with the signature ("-- " block, "Sent from my iPhone") removed; for
  commands the closing ("Thanks,\\nBob") is removed too, for an edit it is kept: it is the letter.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.domain import ParsedReply, ReplyIntent
from assistant.errors import UnreadableMessageError
from assistant.parsing.forwards import unquote_line
from assistant.parsing.mime import looks_like_message, read_message
from assistant.parsing.quotes import attribution_span, starts_history, trim_reply
from assistant.parsing.signatures import is_mobile_line, is_signoff_line

log = logging.getLogger(__name__)

DEFAULT_SNOOZE_DAYS = 3  # the default the approval email offers ("snooze 3d")
MAX_UNKNOWN_WORDS = 2  # more words the classifier does not know than this: ask (1 for a yes)
MIN_LETTER_WORDS = 6  # a rewritten draft has a body of at least this many words

# Signals found in the owner's text; the _DOUBTS always mean "ask the owner".
APPROVE, SKIP, STOP, SNOOZE, DEFER = "approve", "skip", "stop", "snooze", "defer"
NEGATION, QUESTION, INSTRUCTION, UNSURE_TIME, SOFT_YES = "neg", "ask", "instr", "when", "soft"
_DOUBTS = frozenset({QUESTION, INSTRUCTION, UNSURE_TIME})

_B = r"(?<![\w'])"  # word start (apostrophes join: "don't", "l'envoie")
_E = r"(?![\w'])"  # word end
_PRON = r"(?: (?:him|her|them|this (?:person|contact|guy|one)|that (?:person|one)))"
_SEND_DE = r"(?:senden|schicken|abschicken|absenden|verschicken|versenden|rausschicken)"
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10,
    "ein": 1, "eine": 1, "einen": 1, "einer": 1, "einem": 1, "zwei": 2, "drei": 3, "vier": 4,
    "funf": 5, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "uno": 1,
    "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "couple of": 2, "few": 3,
}  # fmt: skip
# Digits may touch their unit ("3d"); words may not ("and" is no "an" + "d").
_NUM = "(?:(" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r") |(\d{1,3}) ?)"
_UNITS = {r"d|days?|tagen?|tg|j|jours?|dias?": 1, r"w|wks?|weeks?|wochen?|semaines?|semanas?": 7,
          r"months?|monaten?|mois|mes|meses": 30}  # fmt: skip

_POLITE = [  # consumed first, without a signal: polite phrases holding words read elsewhere
    r"no (?:problem|worries)|kein problem|pas de (?:probleme|souci)|(?:sin|no hay) problema|as is|"
    r"guten (?:morgen|tag|abend)|(?:vielen )?danke?|thank you|for now|wie es ist|tel quel|tal cual"]
_TIME_WORDS: list[tuple[str, int]] = [
    (r"(?:the )?day after tomorrow|ubermorgen|uebermorgen|apres-? ?demain|pasado manana", 2),
    (r"tomorrow|tmrw|morgen|demain|manana", 1),
    (r"(?:next|following) week|(?:nachste|naechste|kommende) woche|(?:la )?semaine prochaine"
     r"|(?:la )?(?:proxima semana|semana (?:que viene|proxima))", 7),
    (r"(?:next|following) month|(?:im )?(?:nachsten|naechsten) monat|(?:le )?mois prochain"
     r"|(?:el )?(?:proximo mes|mes que viene)", 30),
]  # fmt: skip
_LATER = r"(?:remind me |erinnere mich |rappelle-moi )?(?:later|spater|spaeter|plus tard|mas tarde)"
_WEEKDAYS = (  # a date or weekday needs a calendar this pure module does not have: ask
    r"(?:until |till |bis |jusqu'a |hasta )?(?:(?:next|this|on) )?(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day|weekend|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|wochenende|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo|"
    r"fin de semana|\d{1,2}[./-]\d{1,2}|"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{1,2}|tonight|"
    r"this (?:afternoon|evening)|end of|today|heute(?: abend)?|ce soir|aujourd'hui|esta noche|hoy"
)
_SNOOZE_WORDS = (
    r"snooze[d]?|snoozen|remind me(?: again)?|postpone|defer|erinnere? mich(?: nochmal)?|"
    r"zuruckstellen|verschieben|reporter|reporte|remettre a plus tard|rappelle-?moi|rappelez-?moi|"
    r"posponer|pospon(?:lo|la)?|aplazar|aplaza(?:lo|la)?|recuerdamelo|recuerdame"
)
_DEFER_WORDS = (  # a deferral: with a time it is a snooze, alone the owner is asked
    r"not (?:yet|now|today)|yet|wait|hold(?: off| on| it)?|noch nicht|nicht (?:jetzt|heute)|warte|"
    r"warten|pas (?:encore|maintenant|aujourd'hui)|attends|attendez|attendre|todavia no|aun no|"
    r"ahora no|hoy no|espera|esperar"
)
_STOP_WORDS = [
    rf"stop(?:ping)?(?: (?:following up|follow[- ]?ups?|the follow[- ]?ups?|all follow[- ]?ups?"
    rf"|contacting|emailing|reaching out|reminders))?(?: (?:with|to|for){_PRON})?",
    rf"no more (?:follow[- ]?ups?|emails|reminders|drafts)(?: (?:for|to|with){_PRON})?",
    rf"never (?:contact|email|follow up with|reach out to|write to){_PRON}?(?: again)?",
    rf"(?:don't|do not|dont) (?:contact|email|follow up with|write to|reach out to){_PRON}?"
    r" (?:again|anymore|any more|ever again)",
    rf"(?:unsubscribe|remove){_PRON}?(?: from (?:the )?(?:list|follow[- ]?ups))?",
    r"stopp(?:en)?|aufhoren|aufhoeren|hoe?r auf|abbestellen|nicht mehr (?:kontaktieren|nachfassen|"
    r"anschreiben|schreiben|nachhaken)|keine (?:weiteren )?(?:follow[- ]?ups|nachfassungen|"
    r"erinnerungen|e-?mails)(?: mehr)?|kein follow[- ]?up mehr|nie (?:wieder|mehr) kontaktieren",
    r"arret(?:e|er|ez)(?: (?:les relances|le suivi|de (?:le |la |les )?relancer))?|"
    r"ne (?:plus|jamais) (?:le |la |les )?(?:relancer|contacter|recontacter)|"
    r"ne (?:le |la |les )?(?:relance|contacte|recontacte)z? plus|plus de relances?|desabonner",
    r"deten(?:er|te)?|parar|deja de (?:dar seguimiento|hacer seguimiento|contactar(?:lo|la|le)?|"
    r"escribir(?:le)?)|no (?:vuelvas a|volver a) (?:contactar|escribir)(?:lo|la|le)?|no (?:lo |la "
    r"|le )?contactes mas|no mas seguimientos?|nunca mas|dar de baja|basta",
]  # fmt: skip
_NEGATED_SEND = [  # a plain refusal to send: skip (never approve, whatever else is said)
    r"(?:please |pls )?(?:don't|do not|dont|never) (?:send|mail|email|ship|forward)(?: (?:it|this|"
    r"that|this one|that one|the (?:email|draft|mail|message|follow[- ]?up)))?",
    rf"(?:bitte )?nicht {_SEND_DE}|(?:sende|schick|schicke)(?: es| sie| ihn| das)? nicht",
    r"(?:ne |n')(?:l'|le |la |les |lui )?envo(?:ie|ies|yez|yer)(?:-le|-la)? pas|"
    r"ne pas (?:l'|le |la )?envoyer|not this one|nicht diese(?:s|n)?|pas celui-ci|este no|"
    r"don't bother|never ?mind|(?:better|rather) not|(?:lieber|besser) nicht|plutot pas|mejor no|"
    r"not needed|no need|nicht (?:mehr )?no(?:e)?tig|pas (?:besoin|la peine)|no hace falta",
    r"no (?:lo |la |le |los |se )?(?:envies|envie|envien|envia|enviar|mandes|mandar|mande)",
]  # fmt: skip
_SKIP_WORDS = (
    r"skip(?:ped)?(?: it| this| this one| that one)?|no|nope|nah|pass|drop it|discard(?: it)?|"
    r"cancel(?: it)?|ignore(?: it)?|uberspringen|ueberspringen|nein|verwerfen|auslassen|weglassen|"
    r"abbrechen|passer|passe|non|laisse tomber|ignorer|annuler|omitir|omitelo|omite|saltar|saltalo|"
    r"salta|descartar|descartalo|cancelar|paso|forget it|vergiss es|oublie|olvidalo"
)
_APPROVE_WORDS = (
    r"send(?: it| this| that)?(?: out| off| away)?|go(?: ahead| for it)?|ship it|yes|yep|yeah|"
    r"yup|approved?|lgtm|looks (?:good|great|fine|perfect)|sounds (?:good|great)|good to go|"
    rf"do it|confirmed?|all good|ja|jawohl|sende(?: es| sie| ihn)?|{_SEND_DE}|"
    r"schicke?(?: es| sie| ihn| das)?(?: ab| los)?|passt|genehmigt|einverstanden|sieht gut aus|"
    r"los|mach(?: es|s)?|oui|envoie(?:-le|-la|-les)?|envoyez(?:-le|-la)?|envoyer|vas-y|allez-y|"
    r"ca me va|c'est (?:bon|parfait)|approuve|valide|si|envialo|enviala|envia(?:lo|la)?|enviar|"
    r"mandalo|mandala|adelante|aprobado|me parece bien|dale|fire away|raus damit|schaut gut aus"
)
_SOFT_YES_WORDS = (  # a yes only when nothing else is answered: "ok" approves, "ok, skip" skips
    r"sure|ok|okay|k|perfect|great|fine|alright|got it|klar|gerne|perfekt|gut|alles klar|super|"
    r"d'accord|parfait|nickel|tres bien|bien|perfecto|de acuerdo|vale|esta bien|listo|claro|bueno"
)
_INSTRUCTION_WORDS = (
    r"change|changes|edit|modify|rewrite|reword|rephrase|fix|correct|add|remove|delete|replace|"
    r"shorten|shorter|longer|mention|include|tweak|adjust|update|but|except|instead|however|first|"
    r"after|before|unless|if|only|twice|though|although|other|different|version|make it|tone|typo|"
    r"(?:not )?like this|like that|this way|so nicht|pas comme ca|asi no|umschreiben|cc|bcc|aber|"
    r"andern|aendern|andere|kurzer|kuerzer|langer|hinzufugen|fuge|entfernen|ersetzen|korrigieren|"
    r"statt|stattdessen|erst|zuerst|vorher|nur|wenn|falls|ausser|obwohl|mais|changer|modifie|"
    r"modifier|corrige|corriger|ajoute|ajouter|enleve|supprime|remplace|plus court|plus long|sauf|"
    r"d'abord|avant|seulement|autre|pero|aunque|cambia|cambiar|modifica|anade|agrega|quita|elimina|"
    r"reemplaza|hazlo|mas corto|mas largo|excepto|salvo|primero|antes|solo|without|ohne|sans|sin"
)
_NEGATION_WORDS = (
    r"not|don't|dont|do not|never|no longer|nothing|none|nicht|nichts|kein\w*|nie|niemals|ne|n'\w*|"
    r"pas|jamais|rien|nunca|nada|tampoco|ni"
)
_QUESTION_STARTS = (
    r"(?:should|shall) (?:i|we)|(?:can|could|would|will) (?:you|we|i|it)|do (?:you|we|i)|"
    r"does (?:it|this|she|he)|(?:is|was) (?:it|this|that|she|he)|are (?:you|we)|what|why|how|when|"
    r"who|which|soll(?:en)? (?:ich|wir)|kannst du|konnen sie|konntest du|warum|wann|wie|was|wer|"
    r"est-ce|dois-je|devrais-je|peux-tu|pouvez-vous|pourquoi|quand|comment|faut-il|debo|deberia|"
    r"puedes|puede|por que|cuando|como|quien"
)
_FILLER = frozenset(
    "please pls plz thanks thank thx ty you it this that one now the a an email mail draft "
    "message follow up her him them for me right just and ahead is all anymore too so very much "
    "really then hi hey hello until till bitte es das die den dem der sie ihn ihm jetzt gleich "
    "und ab mal doch ruhig bis merci le la les l lui s il te vous plait stp svp maintenant et "
    "beaucoup tout de ce ca c est jusqu por favor gracias lo el ya y ahora correo mensaje muchas "
    "hasta contact kontakt contacto personne persona fur pour diesen diese cette este esta".split()
)
_EMOJI = {APPROVE: "👍|✅|👌|🙌|💯|🚀|✔️|✔", SKIP: "👎|❌|🙅", STOP: "🛑|⛔"}  # skin tones: any
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hallo|liebe[rs]?|"
    r"sehr geehrte[rs]?(?: (?:frau|herr))?|guten (?:morgen|tag|abend)|moin|servus|bonjour|"
    r"bonsoir|salut|cher|chere|coucou|hola|querid[oa]|estimad[oa]|buen(?:os|as) (?:dias|tardes))"
    r"\s+(?!assistant|bot\b)[^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*)?\s*[,:!.]?$"
)
# Apple Mail and Thunderbird in German put the name after the verb: "Am <date> schrieb <name>:".
_GERMAN_ATTRIBUTION = re.compile(r"^\s*am\s.{4,120}?\sschrieb\s.{1,200}:\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class _Reading:
    """What the classifier found: the signals, snooze days, and the words it did not know."""

    signals: frozenset[str]
    days: int | None
    unknown_words: tuple[str, ...]


def parse_reply(raw: bytes) -> ParsedReply:
    """Read an owner's reply email (bytes as received) into the parse-reply contract.

    Raises UnreadableMessageError only when the bytes are not an email message at all.
    """
    if not looks_like_message(raw):
        raise UnreadableMessageError("not an email message (no RFC 5322 header block)")
    view = read_message(raw)
    reply = read_reply_intent(trim_reply(above_quote(view.text)))
    if view.header("Auto-Submitted").strip().lower() not in ("", "no"):
        return ParsedReply(ReplyIntent.UNKNOWN, None, reply.text)  # RFC 3834: not the owner's yes
    return reply


def above_quote(body: str) -> str:
    """The lines above the first quote, attribution or history block.

    The contract reads only what is *above* the quote: an answer typed below or inside the quoted
    request is not taken as a yes (trim_reply alone keeps inline answers).
    """
    lines = body.replace("\r\n", "\n").split("\n")
    for index, line in enumerate(lines):
        if unquote_line(line)[0] or starts_history(lines, index) or _attribution(lines, index):
            return "\n".join(lines[:index])
    return body


def _attribution(lines: list[str], index: int) -> bool:
    if any(_GERMAN_ATTRIBUTION.match(" ".join(lines[index : index + n])) for n in (1, 2)):
        return True
    span = attribution_span(lines, index)  # no blank line inside: "La semaine prochaine" is text
    return span > 0 and all(line.strip() for line in lines[index : index + span])


def read_reply_intent(new_text: str) -> ParsedReply:
    """Classify the owner's new text (already above the quote) into an intent."""
    lines = _own_lines(new_text)
    letter = _letter_text(lines)
    if letter is not None:
        return _read_letter(letter)
    text = "\n".join(_drop_closing(lines)).strip()
    if not text:
        return ParsedReply(ReplyIntent.UNKNOWN, None, "")
    intent, days = decide(read_signals(text))
    if intent is ReplyIntent.UNKNOWN:
        intent, days = _first_clause_with_reason(text)
    log.debug("reply read as %s", intent)
    return ParsedReply(intent, days, text)


def _first_clause_with_reason(text: str) -> tuple[ReplyIntent, int | None]:
    """ "Skip this one, she already has it": a no, stop or snooze followed by a plain reason."""
    match = re.match(r"^(.+?)(?:[.,;:!\n]| [-–—] )(.+)$", text, re.DOTALL)
    if not match or read_signals(match.group(2)).signals:
        return ReplyIntent.UNKNOWN, None
    intent, days = decide(read_signals(match.group(1)))
    refusals = (ReplyIntent.SKIP, ReplyIntent.STOP, ReplyIntent.SNOOZE)
    return (intent, days) if intent in refusals else (ReplyIntent.UNKNOWN, None)


def _read_letter(letter: str) -> ParsedReply:
    # A rewrite that also tells the assistant not to send it is no rewrite to send.
    refused = any(re.search(rf"{_B}(?:{p}){_E}", normalize(letter)) for p in _NEGATED_SEND)
    return ParsedReply(ReplyIntent.UNKNOWN if refused else ReplyIntent.EDIT, None, letter)


def decide(reading: _Reading) -> tuple[ReplyIntent, int | None]:
    """The intent (and snooze days) from the signals; ``unknown`` whenever in doubt."""
    found = reading.signals
    given = found & {APPROVE, SKIP, STOP, SNOOZE, DEFER} or found & {SOFT_YES}
    answers = {APPROVE if answer == SOFT_YES else answer for answer in given}
    limit = MAX_UNKNOWN_WORDS - 1 if answers == {APPROVE} else MAX_UNKNOWN_WORDS  # "send to Sam"
    doubt = found & _DOUBTS or len(reading.unknown_words) > limit
    if doubt or NEGATION in found or not answers:
        return ReplyIntent.UNKNOWN, None
    if STOP in answers and answers <= {STOP, SKIP} and reading.days is None:
        return ReplyIntent.STOP, None
    if SNOOZE in answers and STOP not in answers:
        return ReplyIntent.SNOOZE, reading.days or DEFAULT_SNOOZE_DAYS
    single = {frozenset({SKIP}): ReplyIntent.SKIP, frozenset({APPROVE}): ReplyIntent.APPROVE}
    return single.get(frozenset(answers), ReplyIntent.UNKNOWN), None


def read_signals(text: str) -> _Reading:
    """Find the known phrases in `text`; what remains unmatched is counted as unknown words."""
    work = " " + normalize(text) + " "
    signals: set[str] = set()
    if "?" in work or "¿" in work or _starts_question(work):
        signals.add(QUESTION)
    work, _ = _consume(work, _POLITE)
    work, days = _consume_times(work, signals)
    for signal, patterns in _ORDERED_PATTERNS:
        work, hit = _consume(work, patterns)
        signals.update([signal] if hit else [])
    for signal, pattern in _EMOJI.items():
        work, count = re.subn(rf"(?:{pattern})[\U0001F3FB-\U0001F3FF\ufe0f]*", " ", work)
        signals.update([signal] if count else [])
    words = tuple(w for w in re.findall(r"[^\W_]+", work) if w not in _FILLER)
    return _Reading(frozenset(signals), days, words)


def normalize(text: str) -> str:
    """Lower case, accents and typographic apostrophes folded, whitespace collapsed."""
    text = re.sub(r"[’‘´`]", "'", unicodedata.normalize("NFKC", text).lower())
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = unicodedata.normalize("NFC", bare)
    return re.sub(r"\s+", " ", text).strip()


def _starts_question(work: str) -> bool:
    pattern = re.compile(rf"^\W*(?:{_QUESTION_STARTS}){_E}")
    return any(pattern.match(sentence.strip()) for sentence in re.split(r"[.!;:\n]|, ", work))


def _consume(work: str, patterns: Iterable[str]) -> tuple[str, bool]:
    hit = False
    for pattern in patterns:
        work, count = re.subn(rf"{_B}(?:{pattern}){_E}", " ", work)
        hit = hit or count > 0
    return work, hit


def _consume_times(work: str, signals: set[str]) -> tuple[str, int | None]:
    """Remove time phrases, returning their days; two different times are a doubt, not a pick."""
    found: list[int] = []
    for match in re.finditer(rf"{_B}(?:snooze|snoozen) (\d{{1,3}}){_E}", work):
        found.append(int(match.group(1)))  # "snooze 5": days, as the approval email counts them
    work = re.sub(rf"{_B}(snooze|snoozen) \d{{1,3}}{_E}", r"\1", work)
    for unit, size in _UNITS.items():
        pattern = rf"{_B}(?:(?:in|for|um|fur|dans|pendant|en|por|durante) )?{_NUM}(?:{unit}){_E}"
        for match in re.finditer(pattern, work):
            found.append((_NUMBERS.get(match.group(1) or "") or int(match.group(2))) * size)
        work = re.sub(pattern, " ", work)
    for pattern, days in _TIME_WORDS:
        work, hit = _consume(work, [rf"(?:in |dans |en )?(?:{pattern})(?: morning| fruh| matin)?"])
        found.extend([days] if hit else [])
    work, later = _consume(work, [_LATER])
    work, unsure = _consume(work, [_WEEKDAYS])
    if unsure or len(set(found)) > 1 or any(not 0 < days <= 365 for days in found):
        signals.add(UNSURE_TIME)
    if found or later:
        signals.add(SNOOZE)
    return work, found[0] if found else None


def _own_lines(new_text: str) -> list[str]:
    """The owner's lines: the signature block ("-- ", RFC 3676 4.3) and device footers cut."""
    lines = [line.rstrip() for line in new_text.replace("\r\n", "\n").split("\n")]
    for index, line in enumerate(lines):
        if line in ("--", "-- ") or is_mobile_line(line):
            return _strip_blank(lines[:index])
    return _strip_blank(lines)


def _strip_blank(lines: list[str]) -> list[str]:
    return "\n".join(lines).strip("\n").split("\n") if "".join(lines).strip() else []


def _drop_closing(lines: list[str]) -> list[str]:
    """A command without its closing ("Thanks,", "Best,\\nBob Smith", a signature block)."""
    for index in range(1, len(lines)):
        if _is_closing(lines, index):
            return _strip_blank(lines[:index])
    return lines


def _is_closing(lines: list[str], index: int) -> bool:
    rest = [line for line in lines[index:] if line.strip()]
    if len(rest) > 5 or any(read_signals(line).signals for line in rest):
        return False  # never drop a line that answers: "Thanks,\ndon't send" is not a closing
    if is_signoff_line(lines[index]):
        return True
    if not lines[index - 1].strip():  # a signature paragraph: short lines, no sentences
        return all(len(line.split()) <= 5 and line.rstrip()[-1] not in ".!?:" for line in rest)
    words = lines[index].split()  # a bare name under the command: "Send\nBob"
    return len(rest) == 1 and len(words) <= 3 and all(w.istitle() and w.isalpha() for w in words)


def _letter_text(lines: list[str]) -> str | None:
    """The rewritten draft when the owner wrote a letter to the contact, else None."""
    if len(lines) > 2 and _is_preface(lines[0]):  # "Send this instead:" above the letter
        lines = _strip_blank(lines[1:])
    if not lines or not _GREETING.match(normalize(lines[0])):
        return None
    body = [line for line in lines[1:] if line.strip()]
    if not body or _COMMAND_LINE.search(normalize(body[0])):
        return None  # "Hi Max,\nplease skip this one": a note to the assistant, not a letter
    if sum(len(line.split()) for line in body) < MIN_LETTER_WORDS:
        return None
    return "\n".join(lines).strip()


def _is_preface(line: str) -> bool:
    found = read_signals(line).signals
    short = line.rstrip().endswith(":") and len(line.split()) <= 6
    return short and found <= {APPROVE, SOFT_YES, INSTRUCTION}  # no negation, question or refusal


# Order matters: "noch nicht senden" is a deferral before "nicht senden" is a refusal, a refusal
# before "senden" is a yes, and "así no" an instruction before "no" is a refusal.
_ORDERED_PATTERNS: list[tuple[str, list[str]]] = [
    (STOP, _STOP_WORDS), (DEFER, [_DEFER_WORDS]), (SKIP, _NEGATED_SEND),
    (INSTRUCTION, [_INSTRUCTION_WORDS]), (SNOOZE, [_SNOOZE_WORDS]), (SKIP, [_SKIP_WORDS]),
    (APPROVE, [_APPROVE_WORDS]), (SOFT_YES, [_SOFT_YES_WORDS]), (NEGATION, [_NEGATION_WORDS]),
]  # fmt: skip
_COMMAND_LINE = re.compile(
    rf"{_B}(?:{'|'.join(_STOP_WORDS + _NEGATED_SEND)}|{_SNOOZE_WORDS}|{_DEFER_WORDS}|skip|"
    rf"send it|please send|make it|change|rewrite|shorten|the draft|this draft|the email|"
    rf"this one|schick|sende|envoie|envia|enviar|manda|uberspringen|omitir|passer){_E}"
)
