"""Introductions: does a text introduce people to each other, and whom does it name?

English ("A, meet B", "introducing", "connecting you two", "I'd like to introduce", "glad to
connect you", "double intro"), German ("darf ich vorstellen", "ich möchte euch bekannt
machen"), French ("je vous présente"), Spanish ("te presento"), Italian ("vi presento"),
Portuguese ("apresento vocês"), Catalan ("us presento", "us deixo parlar"), Dutch ("ik stel
jullie aan elkaar voor"), Russian, Ukrainian and Belarusian ("знакомлю вас") and Danish,
Norwegian and Swedish ("introducere jer for hinanden").
"""

from __future__ import annotations

import re

from assistant.parsing.letters import UPPER
from assistant.parsing.required import may_match, required_words

_NAME = (r"[" + UPPER + r"][\w'’-]+(?:\s+(?:van|von|de|da|del|la|le|di|du|der|den)?\s*[" + UPPER
         + r"][\w'’-]+){0,2}")
_INTRO_CUES = re.compile(
    r"(?i)\bmeet\s+(?-i:[" + UPPER + r"])|\bintroducing\b|\bconnecting you(?: two| both)?\b|"
    r"\b(?:I'?d|I would|let me|allow me to|I want to|wanted to|happy to|great to|I'm happy to|"
    r"excited to)\s+(?:(?:like|love) to\s+)?(?:introduce|connect)\b|"
    # "I'm glad to connect you", "pleased to introduce Hina", "I'm introducing you to each other"
    r"\b(?:glad|pleased|delighted|thrilled|keen|honou?red)\s+to\s+(?:introduce\b|connect\s+you\b)|"
    r"\b(?:introduce|connect)\s+you\s+(?:two\b|both\b|to each other\b|with each other\b)|"
    r"\bdouble[- ](?:opt[- ]in )?intro\b|"
    r"\bintro(?:ducing)? you (?:two|both)\b|\bputting you (?:two |both )?in touch\b|"
    r"\b(?:intro|introduction)\s*:|\bmeet each other\b|"
    r"\bdarf ich (?:euch|ihnen|dir)\b.{0,60}\bvorstellen|\bbekannt machen\b|\bstelle (?:euch|"
    r"ihnen|dir)\b|"
    r"\bmiteinander (?:verbinden|vernetzen)\b|"
    r"\bje (?:vous|te) présente\b|\bje vous mets en (?:contact|relation)\b|\bmettre en relation\b|"
    r"\b(?:te|os|les) presento\b|\bpresentaros\b|\bpresentarte\b|\bponeros en contacto\b|"
    r"\b(?:vi|ti|le) presento\b|\bvi metto in contatto\b|\bmettervi in contatto\b|"
    # (not "Podemos apresentar-lhe distribuidores": what the writer can offer)
    r"(?<!podemos )(?<!posso )(?<!poderíamos )\bapresent(?:o|ar)\b|"
    r"\bcolocar (?:vocês|voces) em contato\b|"
    r"\bpôr (?:vocês|voces) em contato\b|"
    r"\b(?:stel|wil) (?:ik )?(?:jullie|u) (?:graag )?(?:aan elkaar )?(?:voor|voorstellen)\b|"
    r"\bin contact (?:brengen|met elkaar)\b|\baan elkaar voorstellen\b|"
    # the verb before its pronoun: "breng ik jullie met elkaar in contact", "stelle ich euch
    # einander vor", "einander vorstellen"
    r"\bmet elkaar in contact\b|\bstelle ich (?:euch|ihnen|dir)\b|"
    r"\beinander vor(?:stellen|zustellen)?\b|"
    # "Priti, Eilidh, quick intro.", "a brief introduction"; and the introducer's leave-taking:
    # "I'll leave you two to it", "je vous laisse échanger", "os dejo hablar", "vi lascio"
    r"\b(?:quick|short|brief|virtual|e-?mail)\s+intro(?:duction)?\b|"
    r"\b(?:leave|let) you (?:two|both)\b|\bje vous laisse (?:échanger|discuter|faire)\b|"
    r"\bos dejo (?:hablar|que habléis|en contacto)\b|\bvi lascio (?:parlare|in contatto|"
    r"continuare)\b|\bich überlasse (?:euch|ihnen) (?:den rest|das weitere)\b|"
    r"\bdeixo (?:vocês|voces) (?:conversarem|à vontade)\b|\bik laat jullie verder\b|"
    # "Los presento.", "Les hago la presentación", "Je me permets de vous mettre en contact",
    # "Faço a apresentação", "even voorstellen", "Los dejo en contacto", "Deixo-vos conversar",
    # "je vous laisse poursuivre"
    r"\b(?:los|las) presento\b|\b(?:les|os|te) hago (?:la )?presentaci[oó]n\b|"
    r"\b(?:vous|te) mettre en (?:contact|relation)\b|\bfaço (?:a|as) apresentaç(?:ão|ões)\b|"
    r"\beven (?:aan elkaar )?voorstellen\b|"
    r"\b(?:los|las|les) dejo (?:en contacto|hablar|conversar|para que)\b|"
    r"\bdeixo-(?:vos|os) (?:conversar|em contacto|em contato|à vontade)\b|"
    r"\bje vous laisse (?:poursuivre|continuer|en discuter)\b|"
    # Catalan: "Us presento", "us poso en contacte", "Us deixo parlar"
    r"\b(?:us|et) presento\b|\bus (?:poso|posem) en contacte\b|"
    r"\bus deixo (?:parlar|en contacte|continuar)\b|"
    # Russian, Ukrainian and Belarusian: "Знакомлю вас", "Познакомьтесь", "Хочу вас
    # познакомить", "Знайомлю вас", "Пазнаёмцеся"
    r"\b(?:знакомлю|знайомлю|знаёмлю) вас\b|\bпознакомьтесь\b|\bпознайомтеся\b|"
    r"\bпазнаёмцеся\b|\b(?:хочу|хотел[аи]? бы) (?:вас )?(?:познакомить|познайомити|"
    r"пазнаёміць)\b|"
    # Danish, Norwegian and Swedish: "Jeg vil gerne introducere jer for hinanden", "presentere
    # dere for hverandre", "presentera er för varandra", "I tager den herfra"
    r"\b(?:introducere|introdusere|introducera|præsentere|presentere|presentera) "
    r"(?:jer|dere|er|dig|deg)\b|\bfor hinanden\b|\bfor hverandre\b|\bför varandra\b|"
    r"\b(?:i tager|dere tar|ni tar) (?:den|det) herfra\b|\bni tar det härifrån\b"
)
# Words one of which every cue contains: a text with none is no introduction's.
_INTRO_CUE_WORDS = required_words(_INTRO_CUES)
_MEET = re.compile(rf"(?:^|[\s,.;!])(?P<a>{_NAME})\s*[,:]?\s+meet\s+(?P<b>{_NAME})")
_NAMED = re.compile(
    rf"(?i:\bintroducing|\bintroduce(?: you to)?|\bmeet|\bpresento a|\bprésente|\bvorstellen:?|"
    rf"\b(?:vi|ti) presento|\bapresento(?: a| o)?)"
    rf"\s+(?P<b>{_NAME})"
)
_GERMAN_NAMED = re.compile(rf"(?i:darf ich (?:euch|ihnen|dir))\s+(?P<b>{_NAME})\s+vorstellen")
_NOT_NAMES = {"You", "Each", "Other", "Both", "Everyone", "Team", "The", "My", "Our", "Sie",
              "Euch", "Dir", "Ihnen", "Vous", "Te", "Os", "Les", "Hi", "Hello", "Hey", "Dear",
              "Hallo", "Bonjour", "Hola", "Liebe", "Lieber", "Chère", "Cher", "Querida", "Querido"}


def is_intro(text: str, subject: str = "") -> bool:
    """True when the text (or subject) introduces people to each other."""
    if re.search(r"(?i)\b(?:intro(?:duction)?|vorstellung|présentation|presentación|presentazione|"
                 r"apresentação|presentació|introductie|kennismaking|voorstellen)\b\s*[:(-]|"
                 r"^(?:(?:les|los|las|vi|us|je vous) presento|je vous présente)\b|"
                 r"<>|\bintro\b.*\b(?:and|&|/|x|<>)\b", subject) or _MEET.search(subject):
        return True  # "Intro: Dana <> Hugo", "Priti, meet Eilidh"
    return may_match(_INTRO_CUE_WORDS, text) and bool(_INTRO_CUES.search(text))


def introduced_names(text: str) -> list[str]:
    """Names written right after "meet", "introducing", "je vous présente" and the like."""
    names: list[str] = []
    for pattern in (_MEET, _NAMED, _GERMAN_NAMED):
        for match in pattern.finditer(text):
            for group in ("a", "b"):
                if group in pattern.groupindex and match.group(group):
                    names.append(_trim(match.group(group)))
    return [n for n in dict.fromkeys(names) if n and n.split()[0] not in _NOT_NAMES]


def _trim(name: str) -> str:
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    return " ".join(words)
