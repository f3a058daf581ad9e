"""What the owner's words say about a person: where they met, needs, offers, interests, promises.

Cue phrases in English, German, French, Spanish, Italian, Portuguese and Dutch; each phrase runs
to the end of its clause.
A cue is a fact only as its clause states it (:func:`read_clause`): not when
the clause denies it ("is not looking for"), supposes it ("if she ever needs"), or has the owner
as its subject ("I'm looking for", "we're hiring"); and a promise is the owner's only when the
owner made it ("I promised", "promised to send her", not "he promised to send me").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from assistant.parsing.letters import LOWER, UPPER
from assistant.parsing.literal import without_whole_words
from assistant.parsing.memo import short_text_memo
from assistant.parsing.required import may_match, required_words

_NEEDS = (
    r"(?:is |are |'s |’s )?(?:currently |actively )?(?:looking for|searching for|"
    r"on the lookout for|"
    r"in the market for|is after|'s after|’s after|are after|'re after|"
    r"keen to(?! (?:hear|learn|know) (?:more )?about)|"
    # "keen on a pilot in Q1" wants a thing; "keen on drone regulation" is an interest
    r"keen on(?= (?:a|an|some|more|getting|finding|hiring)\b))|"
    # "what they actually need is someone to ...", "all she needs is a ..."
    r"\bwhat (?:they|he|she|we)(?: \w+ly)? (?:need|needs|want|wants) (?:is|are)|"
    r"\ball (?:they|he|she) (?:need|needs|want|wants) is|"
    r"\bwants(?! to (?:hear|learn|know) (?:more )?about)(?: to)?|\bneeds(?: to)?|"
    r"\b(?:does|do|still|really) need(?: to)?|"
    r"\bthey(?: really| urgently| still| badly)? (?:need|want)(?: to)?(?= \w)|"
    # "Both want a US distributor", "They both need ...": the people just named
    r"\b(?:they )?both(?: of them)? (?:need|want)(?: to)?(?= \w)|"
    # wishes: "Er hätte gern ...", "Il souhaite ...", "Le gustaría ...", "Vorrebbe ...",
    # "Gostaria de ...", "Hij zou graag ..."
    r"\bhätte gerne?|\bwürde gerne?|\bmöchte gerne?|\bwünscht sich|\bsouhaite(?:rait)?|"
    r"\baimerait|\bvoudrait|\ble gustaría|\bquisiera|\bdesea|\bvorrebbe(?:ro)?|\bdesidera|"
    r"\b(?:gli|le) piacerebbe|\bgostaria de|\bzou(?:den)? graag|"
    r"\bon the hunt for|\bhunting for|\bcould (?:really )?use|\bcould do with|"
    r"\b(?:is |are )?hoping to find|\bshopping (?:around )?for|\basked (?:me )?for|"
    # dative needs: "Le serve uno stand", "le hace falta un socio", "il lui faut un local"
    r"\b(?:le|gli|mi|ci) serv(?:e|ono)|\b(?:le|les) hace(?:n)? falta|\bil (?:lui|leur) faut|"
    # "She'd like our lookbook", "they would love a demo"
    r"\b(?:she|he|they)(?:'d| would) (?:like|love)(?: to)?(?= \w)|"
    r"\bneeded|\bhiring(?: for| an?)?|"
    r"\bhires|\bis raising|\braising|\bsucht(?: nach| gerade)?|\bbraucht|\b(?:sie|wir) brauchen|"
    # (not the noun: "Directrice de la recherche & de l'innovation", "la recherche")
    r"\bcherche(?:nt)?(?: à)?|(?<!\bla )(?<!\bde )\brecherche(?:nt)?|\ba besoin d[e']|\bveut|"
    r"\brecrute|"
    r"\bbusca(?:n)?|\bestá buscando|\bnecesita(?:n)?|\bquiere|\bcontratando|"
    r"\b(?:ist )?auf der suche nach|\b(?:sie|er) (?:will|möchte)|\bmöchten|"
    # Italian, Portuguese, Dutch
    r"\bcerca(?:no)?(?! de\b)|\bsta cercando|\bha(?:nno)? bisogno d[i']|\bvuole|"
    r"\bnecessita(?: di)?|"
    r"\bè alla ricerca di|\bprocura(?:m)?|\bestá procurando|\bprecisa(?:m)?(?: de)?|\bquer|"
    r"\bzoek(?:t|en)(?: naar)?|\bis op zoek naar|\bwil(?:len)?|"
    # Russian, Ukrainian and Belarusian: "ищет покупателя", "шукає інвестора", "шукае інвестара",
    # "ему нужен дистрибьютор"
    r"\bищ(?:ет|ут)|\bшука(?:є|ють|е|юць)|\b(?:ему |ей |им )?нуж(?:ен|на|но|ны)|"
    r"\bпотребу(?:є|ють)|\b(?:яму |ёй )?патрэбн(?:ы|а|ая)|"
    # Danish, Norwegian, Swedish: "søger en distributør", "leder efter", "ser etter", "söker",
    # "letar efter", "har brug for", "trenger", "behöver"
    r"\bsøge[rn]|\bsøker|\bleder efter|\bser etter|\bsöker|\bletar efter|\bhar brug for|"
    r"\btrenger|\bbehøver|\bbehöver|\bmangler"
)
_OFFERS = (
    r"\bcan help(?: us| you| with| out with)?|\bcould help(?: with)?|\bhappy to help(?: with)?|"
    r"\boffer(?:s|ed)(?: to)?|(?<=\bthey )offer|(?<=\bwho )offer|"
    r"\bcan intro(?:duce)?(?: us| me)? to|\bhas (?:a|"
    r"an) (?=\w+ (?:network|team))|"
    # "has spare capacity on two lines", "has two developers free from January": what they have
    # to give (not "Calder Valley Weaving Co. Ltd, which has spare capacity": the company's)
    r"(?<!which )\bha(?:s|ve)(?= (?:(?:spare|free|surplus|unused) \w|"
    r"(?:[\w-]+ ){1,3}(?:free|available|spare) (?:from|in|next|this)\b))|"
    r"\bkann (?:uns |dir |dir bei |bei )?(?:helfen|unterstützen)(?: bei| mit)?|\bkann\b|\bbietet|"
    r"\bpeut (?:nous |vous |t')?aider(?: à| avec| pour)?|\b(?:il|elle|ils|elles) (?:propose|offre)|"
    r"\bpuede (?:ayudar(?:nos|te)?(?: con)?)|\bofrece|\bpropose(?:nt)?|"
    r"\boffre|\bpuò aiutar(?:e|ci|ti)(?: con)?|\boferece(?:m)?|\bpode ajudar(?: com)?|"
    r"\bbiedt|\bbieden|\bkan helpen(?: met)?|"
    r"\bпредлага(?:ет|ют)|\bпропону(?:є|ють)|\bпрапану(?:е|юць)|"
    r"\btilbyder|\btilbyr|\berbjuder|\bkan hjælpe(?: med)?|\bkan hjelpe(?: med)?|"
    r"\bkan hjälpa(?: till)?(?: med)?|"
    # an offer made, the verb first: "Hat angeboten, uns ... vorzustellen", "a proposé de",
    # "ha ofrecido", "si è offert[oa] di", "ofereceu-se para", "heeft aangeboden"
    r"\b(?:hat|haben) (?:uns |mir |mich )?angeboten,?|\bbot (?:uns |mir )?an,?|"
    r"\ba proposé de|\bont proposé de|\b(?:ha|han) ofrecido|\bse ofreció a|\bofreci(?:ó|eron)|"
    r"\bsi è offert[oa] di|\bha offerto di|\bofereceu-se para|\bofereceu|"
    r"\bheeft aangeboden(?: om)?|\bbood aan(?: om)?|"
    # "Il pourrait nous présenter à ...", "Puede presentarnos a ...", "Può presentarci ...",
    # "Pode apresentar-nos ..."
    r"\b(?:pourrait|peut) (?=(?:nous|me) (?:présenter|mettre|aider|recommander))|"
    r"\b(?:puede|podría) (?=(?:presentar|ayudar|poner)\w*)|"
    r"\b(?:può|potrebbe) (?=(?:presentar|aiutar|metter)\w*)|"
    r"\b(?:pode|poderia) (?=(?:apresentar|ajudar)\S*)|"
    # "happy to share their spec sheets", "willing to introduce us"
    # (not "glad to connect you two": the introduction being made)
    r"\b(?:happy|glad|willing|keen) "
    r"(?!to (?:connect|introduce) (?:you|the two of you)(?: two| both| all)?(?:[ \t]*[.!?,;]|$))"
    r"(?=to (?:share|introduce|intro|connect|host|lend|send|give|"
    r"offer|provide|sponsor|mentor|review)\b)"
)
_INTERESTS = (
    # "she's really into climbing", "Into trail running." (not "expansion into Quebec")
    r"(?:\b(?:is |are |'s |’s |really |big |very )(?:really |big |very )?|^|(?<=[.!?:;,]\s))into|"
    r"\bloves|\blove of|\benjoys|"
    r"\bis a big fan of|\bkeen on(?! (?:a|an|some|more|getting|finding|hiring)\b)|"
    r"\bbig fan of|\bpassionate about|\binterested in|\bis obsessed with|\bplays|"
    r"\binteressiert sich für|\binteressiert (?:an|am)\b|\binteresse an|\binteresse für|"
    r"\bintéressée? par|"
    r"\binteresad[oa] en|\bliebt|\bbegeistert von|\bpassionnée? (?:de|par)|\badore|"
    r"\baime|\ble gusta|\ble encanta|\b(?:le |les )?interesan?\b|\bapasionad[oa] (?:por|de)|"
    r"\binteresad[oa] en|\bfan de|"
    r"\binteressat[oaie] (?:a(?:l|lla|i|gli|lle)?|in)|\bappassionat[oaie] di|"
    r"\binteressad[oa]s? (?:em|n[oa]s?)|\bgeïnteresseerd in|\bgeinteresseerd in|\bhoudt van|"
    # Catalan: "Interessat en canons de neu", "interessada en", "s'interessa per"
    r"\binteressad?[ta]s? (?:en|per)|\bs['’]interessa(?:n)? (?:per|en)|"
    # reflexive and dative forms: "s'intéresse à", "se interesa por", "interessa-se por", "gli
    # interessano", "si interessa di", "tem interesse em", "interesseert zich voor"
    r"\bs['’]intéress(?:e|ent) (?:à|au|aux)|\bse interesa(?:n)? (?:por|en)|"
    r"\binteressa(?:m)?-se (?:por|pel[oa]s?)|\b(?:gli|le|mi|ci) interessa(?:no)?|"
    r"\bsi interessa(?:no)? (?:di|a|al|alla|ai|agli|alle)|\btêm? interesse (?:em|n[oa]s?)|"
    r"\binteresseert zich (?:voor|in)|"
    # "Интересуется станками с ЧПУ", "цікавиться", "цікавіцца"
    r"\bинтересу(?:ется|ются)|\bціка(?:виться|вляться|віцца|вяцца)|"
    r"\binteresseret i|\binteressert i|\bintresserad av|\bopptatt av|\boptaget af|"
    # the noun, as a note's clipped sentence opens: "Interest in ...", "Interesse in ons ...",
    # "Intérêt pour ...", "Interés en ...", "Interesse per ...", "Interesse em ..."
    r"\binterest in|\binteresse (?:in|voor|per|em|por|pel[oa]|n[oa])\b|\bintérêt pour|"
    r"\binterés (?:en|por)|"
    r"\basked (?:me |us )?(?:a lot )?about|\bcurious about|"
    r"\bwants to (?:learn|hear|know) (?:more )?about|"
    r"\bkeen to (?:hear|learn|know) (?:more )?about|"
    # "would love to hear about the buyers' tour", "she'd love to learn more about ..." (not the
    # owner's own "I'd love to hear about ...")
    r"(?:(?<!\bI )(?<!\b[Ww]e )\bwould|(?<!\bI)(?<!\b[Ww]e)['’]d) (?:love|like) to "
    r"(?:hear|learn|know) (?:more )?about"
)
# The errands a hurried "ill"/"well" (for "I'll"/"we'll") goes on with: "ill send him the deck".
_HURRIED_ERRANDS = (
    r"send|email|e-mail|forward|mail|share|call|ring|phone|text|ping|intro|introduce|connect|"
    r"loop|put|get|look|check|follow|find|ask|write|pass|set|dig|bring|reach|chase|book|"
    r"arrange|invite|draft|prepare|sort|line|talk|speak|reply"
)
# Promises whose cue names the owner as the one who promised ("I'll", "ich werde", "le prometí")
# or as the sender ("to send him"), and bare ones whose subject the clause tells ("promised").
_OWNER_PROMISES = (
    r"\b(?:I|we) (?:promised|said (?:I|we)'?d|told (?:him|her|them) (?:I|we)'?d|offered)(?: to)?|"
    # "I'll send him the checklist": the thing sent, not the sending
    r"\b(?:I'?ll|I will|we'?ll|we will) (?:send|email|forward|mail) (?:him|her|them)(?: over)?|"
    # "ill" and "well" without the apostrophe are words of their own ("her mother is very ill,
    # go gently", "knows the market well, good contact"): a hurried "ill send" counts only with
    # an errand's verb after it
    r"\bI'll|\bwe'll|\b(?:ill|well)(?= (?:" + _HURRIED_ERRANDS + r")\b)|\bI will|\bwe will|\bI owe|"
    r"\bI need to|\bI should|\bI'?m going to|\bto (?=send (?:him|her|them)\b)|"
    r"\bwe (?:should|must|need to|have to|ought to)(?= (?:send|email|share|forward|mail)\b)|"
    r"^(?:please )?(?:send|email|call) (?:her|him|them)|^(?:schick|sende) (?:ihr|ihm)|"
    r"\b(?:ich )?(?:habe|hab) (?:ihr|ihm|ihnen) versprochen,?|"
    # "Ich schicke ihr unsere Checkliste", "je lui envoie", "le mando", "gli mando": the thing
    r"\bich (?:schicke|sende|maile) (?:ihr|ihm|ihnen)\b|\bich schicke|"
    r"\bje (?:lui|leur) envoie|\b(?:le|les) (?:mando|envío)|\b(?:gli|le) (?:mando|invio)\b|"
    r"\bich werde|\bich soll|\bj'?ai promis(?: de)?|\bje vais|\bje dois|\bje lui enverrai|"
    r"\b(?:le |les )?prometí(?: (?:mandar|enviar)(?:le|les)?(?=\s))?|"
    r"\ble voy a|\bvoy a|\btengo que|\ble enviaré|"
    r"\bje lui ai promis(?: de)?|"
    # Catalan: "Li enviaré el nostre informe", "els faré arribar", "li vaig prometre"
    r"\b(?:li|els) (?:enviaré|passaré|faré arribar)|\b(?:li |els )?vaig prometre(?: (?:enviar|"
    r"passar)(?:-li|-los)?)?|"
    # verb last: "Ich habe ihr unser Musterpaket versprochen"
    r"\b(?:ich |wir )?(?:habe|hab|haben) (?:ihr|ihm|ihnen|(?-i:[A-ZÄÖÜ][\w-]+)) "
    r"(?=(?:\S+ ){1,8}(?:versprochen|zugesagt)\b)|"
    # Italian, Portuguese, Dutch
    r"\b(?:(?:gli|le) )?ho promesso(?: di)?(?: (?:mandar|inviar)(?:gli|le|e))?|"
    r"\b(?:gli|le) (?:manderò|invierò)|\bdevo (?:mandar|inviar)(?:gli|le|e)|"
    r"\bprometi(?:-lhes?)?(?: (?:mandar|enviar)(?:-lhes?)?)?|\bvou (?:mandar|enviar)(?:-lhe)?|"
    # what the owner agreed to do: "fiquei de enviar", "combinei de mandar", "quedé en
    # enviarle", "me comprometí a", "mi sono impegnat[oa] a", "je me suis engagée à"
    r"\b(?:fiquei|ficamos|combinei|combinamos) de (?:(?:mandar|enviar)(?:-lhe)? )?|"
    r"\b(?:me comprometi|comprometi-me) a (?:(?:mandar|enviar)(?:-lhe)? )?|"
    r"\bquedé en (?:(?:enviar|mandar)(?:le)? )?|\bme comprometí a (?:(?:enviar|mandar)(?:le)? )?|"
    r"\bmi sono impegnat[oa] a (?:(?:mandar|inviar)(?:gli|le|e) )?|"
    r"\bje me suis engagée? à (?:(?:lui )?envoyer )?|"
    r"\b(?:ik )?heb (?:(?:hem|haar) )?beloofd(?: om)?|\bik stuur (?:hem|haar)|\bik zal|"
    # Russian, Ukrainian, Belarusian: "Я обещала ему наш обзор", "Я обещала отправить ему ...",
    # "Я абяцала адправіць ёй ...", "пообіцяв надіслати їй ...", "Отправлю ему ..."
    r"\b(?:я |мы )?(?:по)?обещал[аи]?(?: бы)?(?: (?:ему|ей|им))?(?: (?:отправить|прислать|"
    r"переслать|выслать|передать))?(?: (?:ему|ей|им))?|"
    r"\b(?:я |ми )?(?:по)?обіця(?:в|ла|ли)(?: (?:йому|їй|їм))?(?: (?:надіслати|відправити|"
    r"передати))?(?: (?:йому|їй|їм))?|"
    r"\b(?:я |мы )?(?:па)?абяца(?:ў|ла|лі)(?: (?:яму|ёй|ім))?(?: (?:адправіць|даслаць|"
    r"перадаць))?(?: (?:яму|ёй|ім))?|"
    # Danish, Norwegian, Swedish: "Jeg lovede ham vores guide", "jeg har lovet å sende henne",
    # "Jag lovade att skicka henne ...", "Jeg sender hende ..."
    r"\b(?:jeg |jag |vi )?(?:har )?(?:lovede|lovet|lovte|lovade|lovat)(?: (?:at|å|att) (?:sende|"
    r"skicka))?(?: (?:ham|hende|henne|honom|dem|dom))?|"
    r"\b(?:jeg|jag|vi) (?:sender|skickar|sendar) (?:ham|hende|henne|honom|dem)|"
    r"\b(?:я )?(?:отправлю|пришлю|вышлю|надішлю|відправлю|дашлю|адпраўлю) (?:ему|ей|им|йому|їй|"
    r"їм|яму|ёй|ім)|"
    # verb last: "ik heb haar een offerte beloofd"
    r"\b(?:ik |we )?(?:heb|hebben) (?:hem|haar|hun) (?=(?:\S+ ){1,8}(?:beloofd|toegezegd)\b)"
)
_BARE_PROMISES = (r"\bpromised(?: to)?|\bversprochen,?|\bzugesagt,?|\bpromis(?: de)?|\bprometido|"
                  r"\bpromesso|\bbeloofd")
_EVENTS = (
    r"conference|summit|meetup|meet-up|breakfast|brunch|luncheon|lunch|dinner|happy hour|mixer|"
    r"panel|conclave|indaba|symposium|jamboree|"
    # Catalan: "el Sopar d'Emprenedors", "el Fòrum de Turisme", "la trobada", "la fira"
    r"sopar|fòrum|trobada|fira|esmorzar|"
    # Russian, Ukrainian, Belarusian, in their cases: "на выставке", "с форума", "на зустрічі",
    # "з IT-сустрэчы"
    r"выставк[аеиу]|виставц[іи]|виставк[аиу]|выстав[ыа]|форум[аеуі]?|форуми|конференци[яиюей]|намоиш\w*|конфронс\w*|нишаст\w*|"
    r"конференці[їяю]|канферэнцы[іяю]|встреч[аеиу]|зустріч[іиу]?|сустрэч[аыы]|сустрэчы|"
    r"ужин[аеу]?|вечер[аеу]?|завтрак[аеу]?|сніданк[уі]|семинар[аеу]?|саммит[аеу]?|"
    r"ярмарк[аеиу]|кірмаш[ыу]?|фестивал[яюеь]|митап[аеу]?|конгресс[аеу]?|"
    # Danish, Norwegian, Swedish: "fødevaremessen", "på konferencen", "mässan", "frokostmødet",
    # "netværksarrangement"
    r"\w*messen|\w*mässan|\w*mässa|konferencen?|konferansen?|konferensen?|seminaret|"
    r"\w*møde(?:t)?|\w*mødet|\w*arrangement(?:et)?|\w*frokost(?:en)?|\w*frukost(?:en)?|"
    r"\w*middag(?:en)?|\w*träff(?:en)?|\w*treff(?:et)?|fagdag(?:en)?|"
    # "the Bengaluru SaaS founders meet": the noun, ending the event's name
    # (not the verb: "Priyanka, meet Stefan", "please meet", "to meet")
    r"(?<=[^\W\d_]{2}[ ])(?<!please )(?<!to )(?<!and )(?<!you )meet(?=[ \t]*(?:[:,.;)\n]|$))|"
    r"workshop|event|expo|fair|trade show|show|exhibition|convention|keynote|forum|demo day|"
    r"showcase|roadshow|road show|trade mission|masterclass|bootcamp|"
    # (not a rate or a time: "5,000 jars a week", "per week", "next week")
    r"investor day|(?<!\ba )(?<!\bper )(?<!\beach )(?<!\bevery )(?<!\bnext )(?<!\blast )"
    r"(?<!\bthis )week|festival|"
    # a trade's sale where its buyers meet: "the Arusha coffee auction", "a tea auction"
    r"auction|"
    r"congress|roundtable|webinar|hackathon|offsite|retreat|gym|lounge|party|reception|"
    r"konferenz|messe|kongress|veranstaltung|frühstück|abendessen|mittagessen|tagung|"
    r"conférence|salon|soirée|petit-déjeuner|déjeuner|dîner|congrès|colloque|foire|rencontres?|"
    # ("Atelier sur l'énergie solaire": a workshop; "Atelier Brume" is a firm)
    r"atelier(?= sur\b)|séminaire|seminar|seminario|seminário|"
    r"congreso|evento|feria|foro|desayuno|almuerzo|comida|cena|jornada|encuentro|stammtisch|"
    r"fiera|conferenza|congresso|pranzo|colazione|feira|conferência|jantar|almoço|"
    r"beurs|congres|evenement|borrel|diner|aperitivo|apéro|apéritif|afterwork|"
    # tastings: "en la degustación de la Vendimia", "alla degustazione", "à la dégustation"
    r"tasting|degustación|degustazione|dégustation|degustação|proeverij|verkostung|"
    # where at an event: "from our booth at HIMSS", "at their stand", "the farmers market stall"
    r"booth|stall|launch|gala|awards|pitch night|demo night|open day|networking|"
    # German compounds: "Mittelstandstag", "Branchentreff", "Neujahrsempfang", "Digitalgipfel"
    # (not the English words ending so: "Falaj Heritage Tours", "vintage", "cottage")
    r"(?!(?:mon|diens|donners|frei|sonn|sams|mitt|heu|ges)tag)"
    r"(?!\w*(?:heritage|vintage|advantage|percentage|voltage|footage|cottage|hostage|shortage|"
    r"montage|postage|portage|frontage|stoppage|wattage)\b)"
    r"\w{3,}(?:tag|tage|tagung|treff|treffen|"
    r"empfang|gipfel|abend|messe|kongress|konferenz|stammtisch|frühstück)|"
    # Dutch compounds: "Netwerkborrel", "Nieuwjaarsborrel", "Ondernemersbijeenkomst",
    # "netwerkevent", "Ondernemersavond", "Vakbeurs"
    r"\w{3,}(?:borrel|bijeenkomst|lunch|diner|ontbijt|event|avond|congres|beurs)|"
    # hyphenated: "Digital-Gipfel", "IT-Messe", "Gründer-Tag", "Start-up-Treffen"
    r"(?:\w+-)+(?:tag|tage|treff|treffen|empfang|gipfel|abend|messe|kongress|konferenz|stammtisch)"
)
_MET_WORDS = (
    r"\b(?:met|meeting|ran into|bumped into|sat next to|talked|spoke|chatted|chat|"
    r"caught up with|catch-up with|"
    # coffee as a crop or a trade is no meeting: "su cosecha de café especial", "a buyer of
    # coffee", "specialty coffee", "exporta café de altura", "sells green coffee"
    # ("a green-coffee importer", "coffee buyers")
    r"(?<!\bde )(?<!\bdel )(?<!\bof )(?<!specialty )(?<!green )(?<!green-)(?<!exporta )"
    r"(?<!exports )"
    r"(?<!vende )(?<!sells )(?<!grows )(?<!cultiva )(?<!produce )(?<!produces )(?<!roasts )"
    r"(?<!tuesta )(?<!compra )(?<!buys )(?<!much )(?<!drinks )(?<!drink )"
    # what a need is for: "um distribuidor em Lisboa para café do Fogo", "a buyer for coffee"
    r"(?<!para )(?<!for )(?<!pour )(?<!per )(?:coffee|café)"
    r"(?!\s+(?:de (?:altura|especialidad|origen)|"
    r"especial|verde|org[aá]nico|beans|growers?|exports?|farms?|harvest|crop|cherr(?:y|ies)|"
    r"plantations?|roasters?|importers?|buyers?|traders?|"
    # a café as a trade: "our guide to café franchising", "café owners", "coffee chains"
    r"franchis(?:e|es|ing)|owners?|chains?|industry|sector)\b)|"
    r"lunch|dinner|breakfast|"
    # drinks had together, not what someone drinks: "sunna drinks far too much"
    r"(?:(?<=for )|(?<=at )|(?<=over )|(?<=after )|(?<=had )|(?<=grabbed )|(?<=the )|"
    r"(?<=some )|(?<=quick )|(?<=evening )|(?<=^))drinks|drinks (?=with\b)|"
    r"kaffee|getroffen|kennengelernt|traf|"
    r"gesprochen|rencontrée?s?|croisée?s?|déjeuner|conocí|conocimos|hablamos|encontré|vue?|"
    # "we chatted", "got to know": "charlamos", "platicamos", "leren kennen", "chiacchierato"
    r"charlamos|platicamos|conversamos|chiacchierato|leren kennen|leerde kennen|"
    # Catalan: "Ens vam conèixer al sopar", "la vaig conèixer", "vam parlar"
    r"vam conèixer|vaig conèixer|vam coincidir|vam parlar|"
    # Russian, Ukrainian, Belarusian: "Познакомились на выставке", "познайомилися", "пазнаёміліся",
    # "встретились", "зустрілися", "сустрэліся"
    r"познакомил(?:ись|ся|ась)|встретил(?:ись|ся|ась)|пообщались|"
    r"познайомил(?:ися|ася|ся)|зустріл(?:ися|ася|ся)|пазнаёмі(?:ліся|ўся|лася)|"
    r"сустрэ(?:ліся|ўся|лася)|"
    # Danish, Norwegian, Swedish: "Vi mødtes på messen", "møtte", "träffades", "snakkede med"
    r"mødtes|mødte|møttes|møtte|träffades|träffade|träffat|mötte|snakkede|snakket|pratade|"
    r"talte med|talade med|"
    # Tajik: "шинос шудем" (we got to know each other), "вохӯрдем" (we met)
    r"шинос шуд(?:ем|ам|ед|анд)|вохӯрд(?:ем|ам|ед|анд)|"
    r"conosciut[oaie]|incontrat[oaie]|conheci|conhecemos|encontrei|gesproken|ontmoet|"
    # "seen" as "met": "ci siamo visti al Cersaie", "nos vimos en la feria", "on s'est vus au
    # salon", "wir haben uns auf der Messe gesehen", "we zagen elkaar op de beurs"
    r"visti|viste|vimos|vi[ms]o-nos|conhecemo-nos|conheci-[oa]|encontr[aá]mo-nos|"
    r"s'est vus|s’est vus|uns (?:\S+ ){0,5}?gesehen|zagen elkaar|"
    r"spraken elkaar|spraken|hebben elkaar (?:ontmoet|gesproken|gezien)|"
    r"telefoniert|telefonato|gebeld|videocall|telefonema|"
    r"swapped cards|card from|cards from|kaartje van|visitekaartje van|visitenkarte vo[mn]|"
    r"biglietto (?:da visita )?d[ae]l?|cartão d[eoa]|carte de visite d[eu]|tarjeta de|"
    # a card taken at an event: "Biglietto preso al convegno", "Carte récupérée au salon"
    r"biglietto (?:preso|ricevuto|raccolto)|carte (?:récupérée|reçue|prise|échangée)|"
    r"(?:business )?card (?:picked up|collected|taken|grabbed)|"
    r"visitenkarte (?:bekommen|erhalten|mitgenommen)|tarjeta (?:recogida|recibida)|"
    r"cartão (?:recebido|recolhido)|kaartje (?:gekregen|meegenomen|opgehaald)|"
    r"(?:good|great|quick|intro|video|phone) call|call with|"
    r"zoom with)\b"
)
_MET_WORD = re.compile(_MET_WORDS, re.IGNORECASE)
# A meeting told: a word of meeting, an event after "at", "during" and the like, or an
# opening naming where the people come from. Three patterns, each tried only where it can
# match: a sentence without any word one of them needs skips that one.
_MET_WORD_NEEDS = required_words(_MET_WORD)
_AT_EVENT = re.compile(
    r"(?i)(?:\b(?:at|from|during|after|on|auf|bei|beim|vom|von der|am|au|à la|à l'|lors d[eu]|"
    r"de la|du|des|"
    r"en el|en la|del|durante|tras|al|alla|allo|nel|nella|no|na|op|tijdens|do|da|dal|dalla|"
    r"della|van de|van het|на|в|во|у|ў|с|со|з|із|после|пасля|після|дар|på|ved|efter|etter)\s+"
    r"(?:\S+\s+){0,5}?(?:\S*-)?(?:" + _EVENTS + r")\b)")
_AT_EVENT_NEEDS = required_words(_AT_EVENT)
_MET_OPENING = re.compile(
    r"(?i)^(?:from|von|vom|de|du|del) (?:the |der |dem |la |le |el )?\S+|"
    # an event opening a heading: "Jantar da Câmara de Comércio", "Dinner at the Guildhall",
    # "Cena del Círculo de Empresarios", "Abendessen der IHK"
    # "Borrel bij de KvK in Utrecht", "Comida con Íñigo en Bilbao", "Slush side event in Stockholm"
    r"^(?:\S+\s+){0,2}?(?:" + _EVENTS + r")\s+(?:d[aoe]s?|del|della|dell'|der|des|du|of|at|after|"
    r"with|van|bei|beim|na|no|nel|nella|al|alla|in|im|bij|op|con|com|en|em|à|au|chez|presso|met|mit|"
    r"nach|après|después|dopo|depois|na)\b|"
    # a list's heading: "Two from the Leeds festival:", "Due contatti dal Vinitaly:"
    # ("quick one from the grandi design night:", "A few from the ...:")
    r"^(?:(?:a |just )?quick )?(?:one|two|three|four|five|six|a few|a couple|zwei|drei|vier|"
    r"deux|trois|dos|tres|due|tre|dois|duas|três|twee|drie|двое|трое|два|две|тры|дв[аі]|"
    r"троє|двоє)\s+"
    r"(?:\S+\s+){0,2}?(?:from|von|vom|aus|de|du|des|del|dal|dalla|dai|do|da|van|с|со|з|із|из)"
    r"\s+\S+"
)
_CLAUSE_END = re.compile(
    r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bProf)\.|[;!?\n]|\s[·•]\s|,\s(?:and|but|und|et|y|aber|mais|pero|e|ma|mas|maar|en)\s|"
    # "looking for a sample-tracking system, though she's on leave": a concession is the owner's
    # aside, never part of the fact
    r",?\s(?:though|although|even if|even though|except that|unless|obwohl|auch wenn|bien que|"
    r"même si|aunque|anche se|sebbene|embora|mesmo que|hoewel|ook al)\s|"
    # "looking for a seed lead, at Web Summit": the place is not part of the need
    r",\s(?:at|during|bei|beim|auf|lors)\s|"
    r"\s(?:and|und|et|y)\s(?:I|ich|je|yo)\s|\s\(|"
    # "needs a bookkeeper, I said I'd intro her": the owner's own clause starts
    r",\s(?:I|I'd|I'll|we|ich|wir|je|j'|nous|yo|io|eu|ik)\s|"
    # "send the deck and I'll introduce him to ...": the owner's next clause
    r"\s(?:and|und|et|y|e|en)\s(?:I'll|I'd|I'm|we'll|we'd|ich werde|je vais|voy a)\s|"
    # "interested in AR packaging and offers studio space": the person's next clause
    r"\s(?:and|und|et|y|e|en)\s(?:offers|wants|needs|runs|works|likes|loves|plays|leads|"
    r"owns|hires|sells|makes|builds|knows|mentioned|said|asked|offered|wanted|needed|"
    r"bietet|sucht|braucht|cherche|propose|offre|busca|ofrece|cerca|procura|oferece|zoekt|"
    r"biedt)\s|"
    # "looking for an SRE and is into trail running": a new clause about the same person
    r"\s(?:and|und|et|y)\s(?:is|has|was|she|he|they|ist|hat|sie|er|est|a|elle|il|es|tiene)\s"
)
# A cue ends a word: "wil" (Dutch "wants") is not the start of "Willem".
_WORD_END = r"(?:(?<!\w)|(?!\w))"
_CUES = {
    "needs": re.compile(rf"(?i)(?:{_NEEDS}){_WORD_END}\s*"),
    "offers": re.compile(rf"(?i)(?:{_OFFERS}){_WORD_END}\s*"),
    "interests": re.compile(rf"(?i)(?:{_INTERESTS}){_WORD_END}\s*"),
    "promises": re.compile(rf"(?:(?P<owner>{_OWNER_PROMISES})|(?P<bare>{_BARE_PROMISES}))"
                           rf"{_WORD_END}\s*", re.IGNORECASE),
}
# Words one of which each cue's every match contains: a sentence with none skips the cue.
_CUE_WORDS = {key: required_words(cue) for key, cue in _CUES.items()}
# "I'll let you two take it from here" closes an introduction; it promises nothing.
# Nor does "we'll see" ("wir werden sehen", "on verra", "ya veremos", "vedremo", "vamos ver",
# "we zien wel"): the owner's doubt, not a thing promised.
# ("I'll leave it with you", "I'll hand it over to you two": the introducer stepping back)
_NOT_PROMISE = re.compile(r"(?i)^(?:(?:let|leave) (?:you|the two|it to|(?:[\w-]+ ){1,3}with (?:you|"
                          r"the two|both))\b|hand (?:it|things) over\b|step back\b|"
                          r"(?:see|sehen)\W*$)")
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=[^\s.!?])|(?<=\b(?:Dr|Mr|Ms|St|Sr))\.|(?<=\bMrs)\.|"
                       # "Conheci ontem o Eng. Duarte ...": an engineer's or architect's form
                       r"(?<=\b(?:Eng|Ing|Arq|Dra|Sra))\.(?=[ \t]+[" + UPPER + r"])|"
                       r"(?<=\bProf)\.|(?<=\b(?:Hr|Fr))\.|(?<=\bMme)\.|"
                       # "Quesería Valdeón S.L. y busca", "Odra Sp. z o.o. i szuka", "e.g. the":
                       # the last dot of dotted letters before a word in lower case ends nothing
                       r"(?<=\b[^\W\d_]\.[^\W\d_])\.(?=[ \t]+[" + LOWER + r"])|"
                       # "Mingalar Microfinance Co., Ltd. and wants ...": a legal form's dot
                       r"(?:(?<=\bLtd)|(?<=\bInc)|(?<=\bCo)|(?<=\bCorp)|(?<=\bBhd)|(?<=\bPte)|"
                       r"(?<=\bPty)|(?<=\bLtda))\.(?=[ \t]+[" + LOWER + r"]))+[.!?]*")
# Two promises joined in one clause: "send her the case study and to introduce her to Dr. Ng".
_NEXT_PROMISE = re.compile(
    r"(?i)\s+(?:and|und|et|y|e|en)\s+(?:also\s+)?(?:to\s+|zu\s+|de\s+|d'|a\s+)?"
    r"(?=(?:introduce|send|share|connect|email|forward|call|intro|put|invite|look)\b|"
    # "e de apresentá-la ao Diego", "y presentarle a Marta", "et de lui présenter", "e di
    # presentargli", "en haar voorstellen aan"
    r"(?:apresent|present|présent|lui présent|envi|mand|invi|condivid|compart|partag|vorstell|"
    r"voorstel)[\w-]*\b)")


@dataclass(frozen=True)
class ContextFacts:
    """The facts the owner's words give about one person."""

    context: str | None = None
    needs: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    promises: tuple[str, ...] = ()


@short_text_memo(256)  # the same passage is read for several people of a message
def read_context(text: str, names: tuple[str, ...] = ()) -> ContextFacts:
    """Facts from a passage about one person; ``names`` are removed from the context sentence."""
    found: dict[str, list[str]] = {key: [] for key in _CUES}
    text = text.replace("’", "'")
    denied: str | None = None
    for sentence in sentences(text):
        if denied is not None:
            # "Zoekt géén investeerders. Wel een aannemer voor ...": what the next sentence
            # gives instead of the denied need is the fact
            found[denied].extend(_rather(sentence))
        denied = None
        for key, cue in _CUES.items():
            if may_match(_CUE_WORDS[key], sentence):
                phrases = _phrases(key, cue, sentence)
                found[key].extend(phrases)
                if not phrases and key != "promises" and _denied(cue, sentence):
                    denied = key
    promises = [_RECEIVER_PRONOUN.sub("", _RECEIVERS_PEOPLE.sub("", _without_receiver(
                    _WHEN_HEAD.sub("", _WHEN_TAIL.sub("", p)), names)))
                for p in found["promises"] if p not in found["needs"] and not _NOT_PROMISE.match(p)
                and not _ERRAND_ONLY.match(p)]
    return ContextFacts(
        context=meeting_context(text, names),
        needs=tuple(_dedupe(found["needs"])),
        offers=tuple(_dedupe(found["offers"])),
        interests=tuple(_dedupe(found["interests"])),
        promises=tuple(_dedupe(promises)),
    )


# A sentence opening with "rather" after a denied one: "Wel een aannemer", "Maar wel ...",
# "Sondern ...", "Sino ...", "Pero sí ...", "Mais plutôt ...", "Bensì ...", "Rather, ...",
# "Instead, ...".
_RATHER = re.compile(r"(?i)^(?:(?:maar|but) )?(?:wel|rather,?|instead,?|sondern|sino|pero sí|"
                     r"mais plutôt|bensì)\s+(?P<rest>.+)")


def _denied(cue: re.Pattern[str], sentence: str) -> bool:
    found = cue.search(sentence)
    if found is None:
        return False
    return read_clause(sentence, found.start(), sentence[found.end():].strip(" ,:-–")).negated


def _rather(sentence: str) -> list[str]:
    found = _RATHER.match(sentence)
    if found is None:
        return []
    rest = found.group("rest")
    end = _CLAUSE_END.search(rest)
    phrase = rest[: end.start() if end else len(rest)].strip(" ,:-–")
    if len(phrase) < 3 or _NEGATED_PHRASE.match(phrase) or _SUBJECT.match(phrase):
        return []
    return [phrase]


def _without_receiver(promise: str, names: tuple[str, ...]) -> str:
    """ "(I promised) Jason our note on cloud rules": the person it goes to, named by their
    full or first name before the thing, is no part of it; so is the errand's verb before the
    name ("(I'll) send Elijah our term-sheet template")."""
    errand = _ERRAND_BEFORE_NAME.match(promise)
    rest = promise[errand.end():] if errand else promise
    for name in names:
        for said in (name, name.split()[0] if name.split() else ""):
            if len(said) > 1 and rest.startswith(said + " ") and len(rest) > len(said) + 3:
                return rest[len(said) + 1:]
    return promise


_ERRAND_BEFORE_NAME = re.compile(r"(?:send|email|forward|mail)[ ]+(?=[" + UPPER + r"])")


# An errand's verb with nothing after it ("I'll send" before the name of whom it goes to): no
# thing promised.
# ("I should talk to Hussain Latheef": the talking is no thing promised either)
_ERRAND_ONLY = re.compile(r"(?i)^(?:send|email|forward|mail|share|call|intro|introduce|"
                          r"(?:talk|speak|reach out|write|reply) to|contact|meet)\W*$")


def is_bare_errand(promise: str) -> bool:
    """An errand's verb left with nothing after it once the person is taken out ("talk to")."""
    return bool(_ERRAND_ONLY.match(promise.strip()))


# The people a promise goes to, named before the thing: "(I promised) Nadia's team our pricing
# sheet", "Jo Park's colleagues the deck" -> "our pricing sheet", "the deck".
# "(I promised) her our pricing sheet": the pronoun of the person it goes to, before the thing
# ("our", "the", "a" ...), is no part of it.
_RECEIVER_PRONOUN = re.compile(
    r"^(?:her|him|them)\s+(?=(?:our|my|the|a|an|some|this|that|these|those|copies|a copy)\s)",
    re.IGNORECASE)
_RECEIVERS_PEOPLE = re.compile(
    r"^(?-i:[" + UPPER + r"][\w-]+)(?:\s(?-i:[" + UPPER + r"][\w-]+))?'s\s+(?:[\w-]+\s+){1,2}?"
    r"(?=(?:our|my|the|a|an|some|this|that|these|those)\s)", re.IGNORECASE)


# When the owner means to keep a promise is the owner's schedule, not the thing promised:
# "send him the pilot terms on Friday" -> "the pilot terms" (a draft must not quote the day).
_WHEN_TAIL = re.compile(
    r"(?i)\s+(?:(?:on|by|before|until|after|this|next|am|bis|vor|le|avant|el|antes del?|entro|"
    r"per|op|voor)\s+)?(?:(?:the\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|lundi|mardi|mercredi|jeudi|vendredi|lunes|"
    r"martes|miércoles|jueves|viernes|lunedì|martedì|mercoledì|giovedì|venerdì|maandag|dinsdag|"
    r"woensdag|donderdag|vrijdag)|tomorrow|today|tonight|morgen|demain|mañana|domani|"
    r"(?:the )?end of (?:the )?(?:day|week|month)|eod|eow|next week|this week|nächste woche|"
    r"la semaine prochaine|la semana que viene|la próxima semana|la settimana prossima|"
    r"volgende week)\s*[.!]?$")


_WHEN_HEAD = re.compile(
    r"(?i)^(?:by|before|until|bis|vor|avant|d'ici|antes del?|hasta el|entro|per|voor|até|"
    r"uiterlijk)\s+(?:the\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|lundi|mardi|mercredi|jeudi|vendredi|lunes|"
    r"martes|miércoles|jueves|viernes|lunedì|martedì|mercoledì|giovedì|venerdì|maandag|dinsdag|"
    r"woensdag|donderdag|vrijdag|segunda|terça|quarta|quinta|sexta|"
    r"tomorrow|morgen|demain|mañana|domani|amanhã)\s+(?=\S)")


# What the writer of a carried message says their side is looking for: "We're looking for a
# partner for ...", "Wir suchen einen Dienstleister ...", "Nous cherchons ...", "Buscamos un
# estudio que ...", "Cerchiamo un'agenzia ...", "Procuramos ...", "Wij zoeken een partner ...".
_WRITERS_NEED = re.compile(
    r"(?i)(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:(?:at the moment|currently|right now|derzeit|"
    r"aktuell|actuellement|actualmente|attualmente|momenteel),?\s+)?"
    # "Como te comenté, buscamos ...", "As I mentioned, we're looking for ...": a short lead
    r"(?:(?:as (?:(?:I|we) )?(?:mentioned|said|discussed)|wie besprochen|wie erwähnt|comme convenu|"
    r"comme je (?:vous|te) (?:l'ai )?disais|como (?:te|le|les) (?:comenté|dije)|como comentamos|"
    r"come (?:ti|le) dicevo|come detto|como (?:falamos|combinado)|zoals besproken),\s+)?"
    # a search for someone or something (not "we need to redo the site": a task)
    r"(?:we(?:'re| are)(?: still| currently| actively)? (?:looking for|searching for|"
    r"in the market for|after(?= (?:a|an|some|two|three|more|new|local)\b))|"
    r"wir suchen(?: derzeit| aktuell| gerade)?(?: nach)?|"
    r"nous (?:cherchons|recherchons)|on cherche|buscamos|estamos buscando|cerchiamo|"
    r"vi søger(?: efter)?|vi leder efter|vi søker(?: etter)?|vi ser etter|vi söker|vi letar efter|"
    r"busquem|estem buscant|"
    r"stiamo cercando|procuramos|estamos procurando|estamos (?:à|a) procura de|wij zoeken|"
    r"we zoeken|"
    r"wij zijn op zoek naar|we zijn op zoek naar|"
    # "We need a lender for ...", "we're seeking an advisor" (not "we need to ...")
    r"we (?:urgently |really )?need(?=\s+(?:a|an|some|someone|somebody|partners?|investors?|"
    r"funding|buyers?|distributors?)\b)|we(?:'re| are)(?: currently| actively)? seeking|"
    # "We are raising a seed round and are looking for a board advisor ..."
    r"we(?:'re| are)\b[^.!?;\n]{0,80}?\band (?:are |we're )?(?:also |still |currently )?"
    r"(?:looking for|seeking|searching for)|"
    # "We would like help pricing winter packages ...": the help wanted
    r"we(?:'d| would) (?:like|love)(?= (?:help|advice|support|an? |someone|introductions?)\b)|"
    # the Slavic languages' and Romanian "we are looking for": "Tražimo", "Iščemo", "Szukamy",
    # "Hledáme", "Hľadáme", "Търсим", "Ищем", "Шукаємо", "Căutăm"
    r"tražimo|iščemo|szukamy|hledáme|hľadáme|търсим|ищем|шукаємо|căutăm|"
    # "Trebamo konsultanta ...", "Potrebujemo ...": we need
    r"trebamo|potrebujemo|потребни су нам|trebuie să găsim|"
    # "Necesitamos asesoría para ...", "Necessitem un soci" (not "necesitamos hablar": a verb)
    r"necesitamos(?!\s+[a-záéíóú]+(?:ar|er|ir)\b)|necessitem(?!\s+[a-zàèéíòóú]+(?:ar|er|ir)\b))"
    r"\s+(?P<need>[^.!?;\n]{3,160})")


# What the writer of a carried message says their side is interested in: "Wir interessieren
# uns für Ihren Workshop ...", "We're interested in your ...", "Nous nous intéressons à ...".
_WRITERS_INTEREST = re.compile(
    r"(?i)(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:we(?:'re| are)(?: (?:very|really|particularly))? "
    r"interested in|wir interessieren uns (?:sehr |besonders )?für|"
    r"nous nous intéressons (?:à|au|aux)|nos interesa(?:n)?|ci interessa(?:no)?|"
    r"temos interesse (?:em|n[oa]s?)|"
    r"wij zijn geïnteresseerd in|we zijn geïnteresseerd in)\s+(?P<interest>[^.!?;,\n]{3,160})")


def writers_interests(text: str) -> tuple[str, ...]:
    """The interests the writer of a message states for their side, in the first person
    plural (up to the clause's end: "..., gerne auch für unser ganzes Team" is no part)."""
    found = [m.group("interest").strip(" ,:") for m in _WRITERS_INTEREST.finditer(
        text.replace("’", "'"))]
    return tuple(dict.fromkeys(f for f in found if f and not _NEGATED_PHRASE.match(f)))


# What the writer of a carried message offers the owner: "Happy to host your next investor lunch
# at the estate", "We'd be glad to share our supplier list", "I'm happy to introduce you to ...".
_WRITERS_OFFER = re.compile(
    # ("As mentioned, we'd be happy to run ...": a short lead first)
    r"(?i)(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:as (?:(?:I|we) )?(?:mentioned|said|discussed),\s+)?"
    r"(?:(?:I|we)(?:'d| would) be |I'm |I am |we're |we are )?"
    r"(?:more than |very |really )?(?:happy|glad|willing) (?P<offer>to (?:host|share|introduce|"
    r"connect|lend|send|give|offer|provide|sponsor|mentor|review|show|"
    # "Happy to run a soil-sensor trial on one of your farms", "glad to set up a pilot" (not
    # "happy to walk you through the tariff": an answer, no offer)
    r"run|set up|arrange|organi[sz]e|demo|pilot)\b"
    r"[^.!?;,\n]{3,160})"
    # "We'd be glad to do a free data-quality audit for one of your clients": what is done
    r"|(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:(?:I|we)(?:'d| would) be |I'm |I am |we're |we are )?"
    r"(?:more than |very |really )?(?:happy|glad|willing) to do (?P<done>[^.!?;,\n]{3,160})"
    # "We can offer free sample runs of our inserts to your clients": what is offered
    r"|(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:(?:I|we) (?:can|could|would like to|'d like to|'d love to|"
    r"would be able to) (?:offer|provide)|"
    # "Nous pouvons fournir des échantillons ...", "Podemos ofrecer ...", "Wir können ... anbieten"
    r"nous pouvons (?:vous )?(?:offrir|fournir|proposer)|je peux (?:vous )?(?:offrir|fournir|"
    r"proposer)|podemos (?:ofrecer|ofrecerles|ofrecerle|proporcionar|oferecer|fornecer)|"
    r"possiamo (?:offrire|fornire)|"
    # "Nous proposons à vos clients un audit ...": what is offered, after whom it is for
    r"nous (?:proposons|offrons)(?: (?:à|a) (?:vos|votre|tes|ton) [\w-]+)?)"
    r" (?P<offered>[^.!?;,\n]{3,160})"
    # "Podemos apresentar-lhe distribuidores de vinho em Cantão", "Podemos presentarle a ...",
    # "Nous pouvons vous présenter des importateurs": the introductions offered
    r"|(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:podemos|posso|nous pouvons|je peux) "
    r"(?P<introduce>(?:apresentar(?:-lhe|-lhes|-vos)?|presentarle(?:s)?(?: a)?|"
    r"vous présenter|te présenter) [^.!?;,\n]{3,160})"
    # "Teremos todo o gosto em receber os seus investidores ...", "Tendremos mucho gusto en
    # recibir a ...", "Será un placer acoger ...", "Nous serons ravis d'accueillir ...",
    # "Saremo lieti di ospitare ...": what the writer would gladly do for the owner's people
    r"|(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=,\s))\s*(?:(?:teremos|terei|temos|tenho|tendremos|tendré) "
    r"(?:todo o |muito |mucho )?gosto em|(?:tendremos|tendré) (?:mucho )?gusto en|"
    r"(?:será|seria|sería) (?:um|un) (?:prazer|placer)|"
    r"(?:nous serons|je serai|nous serions|je serais) (?:ravie?s?|heureu(?:x|se|ses)) d[e']|"
    r"(?:saremo|sarei|saremmo|sarei) (?:lieti|liet[oa]|felici|felice) di)\s*"
    r"(?:receber|acolher|recibir|acoger|recevoir|accueillir|ospitare|ricevere|hospedar|"
    r"alojar|héberger) (?P<welcomed>[^.!?;,\n]{3,160})")


def writers_offers(text: str) -> tuple[str, ...]:
    """The offers the writer of a message makes the owner in their own words."""
    found = [(m.group("offer") or m.group("offered") or m.group("done") or m.group("welcomed")
              or m.group("introduce")).strip(" ,:")
             for m in _WRITERS_OFFER.finditer(text.replace("’", "'"))]
    return tuple(dict.fromkeys(f for f in found if f and not _THE_INTRODUCTION.match(f)))


# "Glad to connect you two", "happy to introduce you both": the introduction being made, no offer
_THE_INTRODUCTION = re.compile(
    r"(?i)^to (?:connect|introduce) (?:you|the two of you)(?: two| both| all)?$")


_NEXT_CLAUSE = re.compile(r",\s+(?:so|but|and so|which|as|if|donc|mais|así que|pero|also|aber)\s")


def writers_needs(text: str) -> tuple[str, ...]:
    """The needs the writer of a message states for their side, in the first person plural."""
    found = []
    for match in _WRITERS_NEED.finditer(text.replace("’", "'")):
        # "..., so do keep us in mind": the need ends where the next clause starts
        need = _NEXT_CLAUSE.split(match.group("need"), maxsplit=1)[0].strip(" ,:")
        if need and not _NEGATED_PHRASE.match(need):
            found.append(need)
    return tuple(dict.fromkeys(found))


def opens_with_fact(text: str) -> bool:
    """Whether ``text`` starts with a need, offer, interest or promise ("looking for a seed
    lead"): such a phrase is a fact about the person, never their job title."""
    text = text.strip()
    return any(cue.match(text) for cue in _CUES.values())


def sentences(text: str) -> list[str]:
    """Sentences, each cut to 600 characters: a cue and its clause sit well within that."""
    return list(_sentences(text))


@short_text_memo(256)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s.strip()[:600] for s in _SENTENCE.findall(text) if s.strip())


@short_text_memo(256)
def meeting_context(text: str, names: tuple[str, ...] = ()) -> str | None:
    """The first sentence saying where or when the owner met the person; of a long sentence
    running on about other things ("So, long day at the show, but one good one: Nkechi, she's
    the plant manager ..."), the clause that tells the meeting."""
    occasion = card_occasion(text)
    if occasion:
        return occasion
    for sentence in sentences(text):
        if tells_meeting(sentence):
            context = _without_names(_meeting_clause(sentence), names)
            if _only_denial(context):
                continue  # "Pas encore rencontrée : Soizic ...": no meeting, no occasion
            if context and tells_not_met(context) and not tells_meeting(
                    _NOT_MET_YET.sub("", context.replace("’", "'"))):
                continue  # "Haven't met yet; Jordan suggested I reach out": a referral
            if context and _DESCRIBES.match(context) and not tells_meeting(context, in_words=True):
                continue  # "(Sofía) is project director at ... and spoke at the summit": hers
            if context and _only_met_words(context):
                continue  # "Ho conosciuto", "Conocí a": the verb alone tells no occasion
            return _occasion_before_role(_without_seat(context))
    # "jo mcintyre jo@... 617 555 0154 farmers market stall.": a terse card whose words left
    # after the name and details are a short phrase naming an event are the occasion
    for sentence in sentences(text):
        rest = _without_names(sentence, names)
        words = re.findall(r"[^\W\d_][\w'-]*", rest)
        if rest != sentence.strip() and 0 < len(words) <= _TERSE_WORDS and _EVENT_WORD.search(rest):
            return rest.strip(" .")
        # "Fenella Okafor, Operations Director, ..., 0161 496 0723 — Manchester beer festival
        # trade day.": a one-line card's last dashed part, a short phrase naming an event
        parts = re.split(r"\s[—–|·•]\s", sentence)
        for part in parts[:0:-1]:  # "... · Tallinn Digital Summit · interested in ...": any part
            last = part.strip(" .")
            if (last and 0 < len(last.split()) <= _TERSE_WORDS + 1 and _EVENT_WORD.search(last)
                    and not re.search(r"[@\d]", last) and not _is_title(last)):
                return last
    return None


# Where the owner sat or stood tells who was beside them, never the occasion: "next to Marc
# Weber", "à côté de", "neben", "al lado de", "accanto a", "ao lado de", "naast", "beside".
SEAT = re.compile(r"(?i)\b(?:next to|beside|à côté d(?:e|u|es)\b|neben|al lado d(?:e|el)\b|"
                  r"accanto a|ao lado d[eoa]s?\b|naast)\b")
# The owner's clause around the seat ("I sat", "j'étais assise", "saß ich", "estuve", "ero
# seduta", "fiquei", "zat ik") and what is left of the person after the name ("of Weber ...").
_SEAT_STOP = re.compile(
    r"(?i),|\s\(|(?<![\w'’])(?:I|j['’]|je|ich|yo|io|eu|ik|me|moi|mir|mí|mi)(?![\w'’])|"
    r"\b(?:sat|sit|stood|seated|was|were|étais|était|assise?|saß|sass|stand|estuve|estaba|"
    r"ero|era|stavo|seduta?|fiquei|estava|sentei|zat|stond)\b")
# What is left of the person after their name: "of Weber Logistics", "della Weber Logistica".
_SEAT_PERSON_LEFT = re.compile(r"(?i)^\s*(?:of|von|de|della|da|van|from)\b")


def _without_seat(context: str | None) -> str | None:
    """The occasion of a sentence telling where the owner sat: "At the Chamber dinner I sat next
    to of Weber Logistics." -> "At the Chamber dinner"; no spatial phrase is ever an occasion."""
    if not context or not SEAT.search(context):
        return context
    seat = SEAT.search(context)
    assert seat is not None
    before, after = context[:seat.start()], context[seat.end():]
    stop = _SEAT_STOP.search(before)
    before = before[:stop.start()] if stop else before
    after = re.sub(r"(?i)^\s*(?:me|moi|mir|mí|mi)\b", "", after).strip(" ,.")
    stop = _SEAT_STOP.search(after)
    after = after[:stop.start()] if stop else after
    after = "" if _SEAT_PERSON_LEFT.match(after) else after
    for piece in (before, after):
        piece = piece.strip(" ,.;:")
        if piece and tells_meeting(piece) and not SEAT.search(piece):
            return piece[:1].upper() + piece[1:]
    return None


# The words for a business card in the corpus's languages
_CARD_WORDS = (r"card|karte|visitenkarte|carte(?:[ \t]+de[ \t]+visite)?|tarjeta|(?:visite)?kaartje|"
               r"biglietto(?:[ \t]+da[ \t]+visita)?|cartão")


# A card's heading naming the occasion in brackets or after a dash: "Typed from her card (Pune
# fintech conclave):", "Von seiner Karte – Logistiktag Bremen:", "De su tarjeta (Expo Agro):"
_CARD_HEADING = re.compile(
    r"(?im)^[ \t]*(?:\w+[ \t]+){0,2}(?:from|off|von|aus|de|du|van|uit|dal|dalla|do|da)[ \t]+"
    r"(?:(?:his|her|their|the|a|seiner|ihrer|der|einer|son|sa|la|leur|su|la|zijn|haar|het|"
    r"een|suo|sua|il|seu|o)[ \t]+)?(?:business[ \t]+)?"
    r"(?:" + _CARD_WORDS + r")[ \t]*"
    r"(?:\((?P<bracket>[^()\n@\d]{3,60})\)|[–—-][ \t]*(?P<dash>[^\n@\d:]{3,60}?)|"
    # "From a card, Abu Dhabi finance forum:": after a comma, a phrase naming an event
    r",[ \t]*(?P<comma>[^\n@\d:,]{3,60}?))[ \t]*:?[ \t]*$")


# "Typed from the card I got at the Belgrade construction expo (both sides):", "His card, which
# I picked up at the ... fair:": the card, who got it, then where (a remark in brackets after)
_CARD_GOT_AT = re.compile(
    r"(?im)^[ \t]*(?:typed(?: up)? from |from |copied from )?(?:the |his |her |their |a )?"
    r"(?:business )?card,?[ \t]+(?:that |which )?(?:I|we)[ \t]+(?:got|picked up|was given|were "
    r"given|collected|received|took)[ \t]+(?:at|during)[ \t]+(?:the[ \t]+)?"
    r"(?P<event>[^\n@\d:()]{3,60}?)[ \t]*(?:\([^()\n@]{3,60}\)[ \t]*)?:?[ \t]*$")
# A card's heading with the occasion in brackets and no preposition before the card: "Carte de
# visite (forum de l'hôtellerie, Grand Baie) :", "Business card (Leeds food fair):"
_CARD_BRACKET_HEADING = re.compile(
    r"(?im)^[ \t]*(?:business[ \t]+)?(?:" + _CARD_WORDS + r")(?:[ \t]+de[ \t]+visita)?[ \t]*"
    r"\((?P<event>[^()\n@\d]{3,60})\)[ \t]*:?[ \t]*$")


# What is left of a sentence describing the person once their name is taken out: "is project
# director at ...", "ist Leiterin ...", "est directrice ...", "es CTO de ...", "è titolare ...".
_DESCRIBES = re.compile(r"(?i)^(?:is|ist|est|es|è|é|e|was|war|era|foi|works|arbeitet|travaille|"
                        r"trabaja|lavora|trabalha|werkt)\s")


_MET_FILLER = re.compile(r"(?i)\b(?:ho|hab|habe|ich|wir|j'ai|j’ai|je|nous|a|o|la|le|i|we|heb|ik|"
                         r"have|eu|yo|al|à|au|op|de|het|hebben|abbiamo|hemos|today|heute|hier|"
                         # "Also met", "Also swapped cards with": the occasion is the one before
                         r"also|auch|aussi|également|também|anche|também|ook|"
                         # "Conheci ontem o Eng.": a day and the person's form of address
                         r"yesterday|gestern|ayer|ontem|ieri|gisteren|hoje|hoy|oggi|vandaag|"
                         r"eng|ing|arq|dr|dra|sr|sra|mr|mrs|ms|prof|"
                         # "also a long chat with": how the talk went, not where
                         r"long|quick|short|brief|good|great|nice|lovely|another|proper)\b")
_ALSO_WITH = re.compile(r"(?i)^\W*(?:also|auch|aussi|también|anche|também|ook)\b.*?"
                        r"\b(?:with|mit|avec|con|com|met)\W*$")


@short_text_memo(256)  # the same few words before a name come back
def _only_met_words(context: str) -> bool:
    if _ALSO_WITH.match(context):  # "Also swapped cards with": nothing but the verb
        context = re.sub(r"(?i)\b(?:with|mit|avec|con|com|met)\W*$", "", context)
    rest = _MET_FILLER.sub("", _MET_WORD.sub("", context))
    return not re.search(r"[^\W\d_]{3,}", rest)


def _occasion_before_role(context: str | None) -> str | None:
    """ "Rencontré au salon de Lille : gérante de Boulangerie Dubois SARL": the occasion before
    the colon, without the role the sentence goes on with."""
    from assistant.parsing.contacts import role_in

    head, sep, tail = (context or "").partition(":")
    tail = tail.strip(" ,.;")
    if not sep or not tells_meeting(head) or len(head.split()) < 2:
        return context
    tail = re.sub(r"(?i)\b(?:herr|frau|dr|mr|mrs|ms|mme|m|sr|sra|prof|dott|dottssa|eng|o|a|il|la|"
                  r"le|el|der|die|the)\b\.?",
                  "", tail).strip(" ,.;")  # "Am Stand getroffen: Herr Dr. [Klaus Meier]"
    if not tail or role_in(tail).title or _is_title(tail.split(",")[0].strip()):
        return head.strip()
    return context


# A note's heading that is a proper name, before the people listed after its colon: "Alimentaria
# Barcelona:", "Salone del Mobile 2026:", "Vivatech Paris:" (an event's own name, no event word).
_NAMED_HEADING = re.compile(
    r"^\s*(?P<name>[" + UPPER + r"][\w'&.-]*(?:[ \t]+(?:[" + UPPER
    + r"0-9][\w'&.-]*|de|del|della|di|du|des|"
    r"do|da|van|von|der))+)[ \t]*:\s*(?:[-–•*]|\d{1,2}[.)])?\s*$")
_NOT_OCCASION_HEADING = re.compile(
    r"(?i)\b(?:contacts?|kontakte?|contactos?|contatti|contatos?|contacten|people|leute|personnes|"
    r"personas|persone|pessoas|mensen|notes?|notizen?|leads?|new|neue[nr]?|nouveaux|nouvelles|"
    r"nuev[oa]s|nuovi|nuove|nov[oa]s|nieuwe|follow|ups?|todo|fyi|updates?|info|for|für|pour|para|"
    r"per|voor|crm|list[ae]?|lijst|intros?|introductions?|vorstellungen?|re|fwd?|wg|tr|rv|"
    r"heute|today|yesterday|gestern|hier|ayer|ieri|ontem|gisteren|this|week|woche|semaine|semana|"
    r"settimana|monday|montag|lundi|lunes|lunedì)\b")


# A list's heading naming what it lists, then where from: "Notes from the Novi Sad fintech
# evening:", "Three from the Nizwa heritage tourism forum:", "Contacts from the ... :"
_LISTED_FROM = re.compile(
    r"(?i)^\s*(?:(?:my |some |a few |quick )?(?:notes?|contacts?|people|leads?|cards?)|two|three|"
    r"four|five|six|several|a few|"
    # "Typed up from the Cape Town energy indaba:", "Written up from the ... expo:"
    r"(?:typed|written|jotted|noted)(?:[ \t]+(?:up|down))?)[ \t]+(?:from|at)[ \t]+(?:the[ \t]+)?"
    r"(?P<event>(?-i:[" + UPPER + r"])[^\n:@.!?()]{2,60}?)[ \t]*:")
# A form of address before the first name, on the heading's line: "At the ... evening: Dr. "
_ADDRESS_BEFORE_NAME = re.compile(
    r"(?:(?<=\s)|^)(?:Dr|Mr|Mrs|Ms|Mx|Prof|Mme|Mlle|Herr|Frau|Sr|Sra|Dott|Ing|Eng)\.?[ \t]*$")


def heading_occasion(preamble: str) -> str | None:
    """The occasion a list's heading names by its own name ("Alimentaria Barcelona: ...") or
    as an event ("Lyon biotech evening, two to keep:", "Austin climate mixer - three people:")."""
    preamble = _ADDRESS_BEFORE_NAME.sub("", preamble)
    listed = _LISTED_FROM.match(preamble)
    if listed and (_EVENT_WORD.search(listed.group("event"))
                   or _TIME_OF_DAY_EVENT.search(listed.group("event"))):
        return listed.group("event").strip()
    # a note typed all in lower case: its heading too ("skopje fintech night: dimitar ...")
    lower = not any(c.isupper() for c in preamble)
    probe = re.sub(r"^(\s*)(\w)", lambda m: m.group(1) + m.group(2).upper(), preamble) if (
        lower) else preamble
    found = _NAMED_HEADING.match(probe) or _EVENT_HEADING.match(probe)
    if found is None or _NOT_OCCASION_HEADING.search(found.group("name")):
        return None
    if found.re is _EVENT_HEADING and found.group("bare") is not None and not (
            found.group("name").isupper()):
        return None
    if lower:
        name = found.group("name")
        return (preamble[found.start("name"):found.end("name")]
                if found.re is _EVENT_HEADING and not _VERDICT_OPENING.match(name)
                and (_EVENT_WORD.search(name) or _TIME_OF_DAY_EVENT.search(name)) else None)
    if found.re is _EVENT_HEADING and not (_EVENT_WORD.search(found.group("name"))
                                           or _TIME_OF_DAY_EVENT.search(found.group("name"))):
        return None
    if found.re is _EVENT_HEADING and _VERDICT_OPENING.match(found.group("name")):
        return None  # "Great event, loved it.": a verdict, not the event's name
    name = found.group("name")
    return None if _is_title(name) else name


# A list's heading naming an event in words, then what follows it ("Warsaw fintech evening,
# three to keep:", "Salon Vinexpo – deux contacts :"): the event is the part before the comma
_EVENT_HEADING = re.compile(
    r"^\s*(?P<name>[" + UPPER
    # ("Mumbai D2C brands conclave:": a digit inside a word, not a date's or a number's)
    + r"](?:[^\n,:;.!?()@\d–—]|(?<=[^\W\d_])\d(?=[^\W\d_])){2,60}?)[ \t]*"
    r"(?:(?:,|[ \t][-–—])[^\n:@.]{0,40})?"
    # ("Arima craft-rum tasting. Marlon ...", "Vanadzor job fair, two worth keeping. Sona ...":
    # the heading a sentence of its own before the first person)
    # ("HALIFAX OCEAN STARTUP SHOWCASE" over a list: a line in capitals, with no stop)
    r"[ \t]*(?::|(?<=\w)\.|(?P<bare>(?<=[A-Z0-9])(?=[ \t]*\n)))\s*(?:[-–•*]|\d{1,2}[.)])?\s*$")
_VERDICT_OPENING = re.compile(r"(?i)^(?:great|good|nice|lovely|fun|busy|long|quick|short|"
                              r"productive|excellent|awesome|interesting|useful|what|such)\b")
# "fintech evening", "Gründerabend", "soirée réseau", "noche de networking": an evening's event
_TIME_OF_DAY_EVENT = re.compile(r"(?i)\b(?:evening|night|soirée|noche|serata|avond)\b|abend\b")


# "Karte vom Stuttgarter Handwerkerfrühstück:", "Card from the Leeds food fair:", "Carte du salon
# Vinexpo :", "Tarjeta de la feria de Zaragoza:", "Biglietto dal convegno ANCE:", "Kaartje van de
# beurs:": the card, then where it came from (an event, not a person).
_CARD_FROM_HEADING = re.compile(
    # ("His card, from the ...": a comma after the card)
    r"(?im)^[ \t]*(?:\w+[ \t]+)?(?:business[ \t]+)?(?:" + _CARD_WORDS + r"),?[ \t]+"
    # "Carte reçue à la foire ...", "Card received at the ...": a participle, then where
    r"(?:(?:reçue?|received|picked up|erhalten|bekommen|recibida|ricevut[oa]|recebido|ontvangen)"
    r"[ \t]+(?:à[ \t]+la|à[ \t]+l'|au|at|auf[ \t]+der|auf[ \t]+dem|en[ \t]+la|en|alla|al|na|no|"
    r"op[ \t]+de|op[ \t]+het)|"
    # "Tarjeta que me dio en el foro de ...", "Card she gave me at the ...", "Carte qu'il m'a
    # donnée au salon ...": who gave it, then where
    r"(?:(?:that[ \t]+)?(?:he|she|they)[ \t]+gave[ \t]+me[ \t]+at|"
    r"que[ \t]+me[ \t]+(?:dio|dieron|entregó|entregaron|pasó)[ \t]+en(?:[ \t]+(?:el|la))?|"
    r"qu['’](?:il|elle|ils|elles)[ \t]+m['’]a(?:nt)?[ \t]+(?:donnée|remise)[ \t]+"
    r"(?:à[ \t]+la|à[ \t]+l'|au|à))|"
    r"from|vom|von[ \t]+der|von[ \t]+dem|von|du|de[ \t]+la|de[ \t]+l'|des|del|de|"
    r"dal|dalla|dallo|della|do|da|van[ \t]+de|van[ \t]+het|van)[ \t]+(?:the[ \t]+)?"
    r"(?P<event>[^\n@\d:()]{3,60}?)[ \t]*"
    # "(two columns)": a remark on how the card was typed, after the occasion
    r"(?:\([^()\n@]{3,60}\)[ \t]*)?:?[ \t]*$")


_WITH_ARTICLE = re.compile(r"(?i)\b(?:dal|dalla|dallo|du|vom|del|au|the|della|des|à la|al|alla)"
                           r"[ \t]+$")
_PROPER_EVENT = re.compile(r"[" + UPPER + r"][\w&'-]*(?: [" + UPPER + r"0-9][\w&'-]*){0,3}")


# A heading that is the word "card" and the occasion: "CARD - London Infrastructure Week",
# "Karte – Logistiktag Bremen", "Tarjeta: Expo Agro" (an event's words, never a person's name).
_BARE_CARD_HEADING = re.compile(
    # ("Business card, Iringa tea auction:": a comma after the card)
    r"(?im)^[ \t]*(?:business[ \t]+)?(?:" + _CARD_WORDS + r")[ \t]*[–—:,-][ \t]*"
    r"(?P<event>[^\n@\d:]{3,60}?)[ \t]*:?[ \t]*$")


def card_occasion(text: str) -> str | None:
    """The occasion a card's heading names ("Typed from her card (Pune fintech conclave):")."""
    heading = _CARD_HEADING.search(text)
    if heading and heading.group("comma"):
        said = heading.group("comma").strip(" .")
        if _EVENT_WORD.search(said) or (
                # "From a card, Antwerp port day:": a place's name, then words in lower case
                # (not a person's name; nor "typed on the train")
                said[:1].isupper() and re.search(r"(?<![\w'’-])[" + LOWER + r"]{3,}\b", said)
                and len(said.split()) <= _TERSE_WORDS + 1 and not _is_title(said)):
            return said
    elif heading:
        return (heading.group("bracket") or heading.group("dash")).strip(" .")
    got = _CARD_GOT_AT.search(text)
    if got and _EVENT_WORD.search(got.group("event")):
        return got.group("event").strip(" .")  # "Typed from the card I got at the ... expo"
    bracketed = _CARD_BRACKET_HEADING.search(text)
    if bracketed and _EVENT_WORD.search(bracketed.group("event")):
        # "Carte de visite (forum de l'hôtellerie, Grand Baie) :"
        return bracketed.group("event").strip(" .")
    bare = _BARE_CARD_HEADING.search(text)
    if bare and _EVENT_WORD.search(bare.group("event")):
        return bare.group("event").strip(" .")  # "CARD - London Infrastructure Week"
    came = _CARD_FROM_HEADING.search(text)
    # "Biglietto da visita dal Vinitaly:": an event's own name after a preposition with its
    # article is one too ("Card from Jo Hale" names a person)
    if came and (_EVENT_WORD.search(came.group("event"))
                 or ((_PROPER_EVENT.fullmatch(came.group("event").strip(" ."))
                      # "from the Yerevan wine days": a place's name, then words in lower case
                      or _place_then_lower(came.group("event").strip(" .")))
                     and _WITH_ARTICLE.search(text, 0, came.start("event")))):
        return came.group("event").strip(" .")
    return None


def _place_then_lower(said: str) -> bool:
    return bool(said[:1].isupper() and re.search(r"(?<![\w'’-])[" + LOWER + r"]{3,}\b", said)
                and len(said.split()) <= _TERSE_WORDS + 1 and not _is_title(said))


def _is_title(text: str) -> bool:
    from assistant.parsing.contacts import is_title_phrase

    return is_title_phrase(text, loose=True)


_TERSE_WORDS = 5
_DENIAL_FILLER = re.compile(r"(?i)\b(?:yet|encore|ainda|todavía|aún|ancora|nog|noch|her|him|them|"
                            r"la|le|les|lo|los|sie|ihn|hem|haar)\b")


def _only_denial(context: str | None) -> bool:
    """Whether a meeting sentence says only that the owner has not met the person."""
    if not context or not tells_not_met(context):
        return False
    rest = _DENIAL_FILLER.sub("", _NOT_MET_YET.sub("", context.replace("’", "'")))
    return not re.search(r"[^\W\d_]{2,}", rest)
_EVENT_WORD = re.compile(rf"(?i)\b(?:{_EVENTS})\b")


# "Re: Fwd:" and the like before a subject.
_SUBJECT_PREFIX = re.compile(r"(?i)^(?:\s*(?:re|fwd?|aw|wg|tr|rv|enc|res|doorst)\s*:\s*)+")
_SUBJECT_WORDS = 8


def subject_occasion(subject: str, note: str) -> str | None:
    """The subject as the occasion, when it names an event ("Jantar do Clube Lusófono de
    Empresários") and the note tells of meeting without saying where ("Conheci ontem o Eng.
    Duarte ..."); else None."""
    named = _SUBJECT_PREFIX.sub("", subject or "").strip(" .:-")
    words = named.split()
    if (not words or len(words) > _SUBJECT_WORDS or re.search(r"[@\d]", named)
            or not _EVENT_WORD.search(named) or _is_title(named)):
        return None
    if not any(tells_meeting(s, in_words=True) for s in sentences(note)):
        return None
    return named


_LONG_SENTENCE = 16  # words
_ROLE_PARTS = re.compile(r"(?<=,)(?=\s)|(?=\s[-–—]\s)")
_DASH_START = re.compile(r"^\s[-–—]\s")
_FIRST_MET = re.compile(r"(?i)\b(?:first|originally)[ \t]+met\b|\bmet[ \t]+(?:\w+[ \t]+)?first\b")
_LOWERCASE_NEXT = re.compile(
    r"\s(?:wants|needs|need|is looking|looking for|owns|runs|said|asked|will|promised|"
    r"interested|offered|keen)\b")
_RUN_ON_BREAK = re.compile(r",\s+(?:but|so|and then|aber|mais|pero|ma|mas|maar)\s+|:\s+|;\s+")


# Between a one-line card's fields: "Name // Title // ...", "Met at X | Name | ...", "X · Name"
_CARD_FIELD_SEPARATOR = re.compile(r"\s(?://?|\||·|•)(?:\s*(?://?|\||·|•))*\s")


# "..., she's general manager at ...", "; he is the CTO of ...": a clause about who the person
# is, after the meeting's
_WHO_CLAUSE = re.compile(r"(?i)[,;][ \t]+(?:she|he|they)(?:['’]s|['’]re|[ \t]+is|[ \t]+are)[ \t]")


def _meeting_clause(sentence: str) -> str:
    clause = _meeting_part(sentence)
    who = _WHO_CLAUSE.search(clause)
    if who and tells_meeting(clause[:who.start()]):
        clause = clause[:who.start()]  # "Met X at the Gozo evening, she's GM at ...": where
    return clause


def _meeting_part(sentence: str) -> str:
    # "Cormac Delaney // Head of Partnerships // ... // met him at the Galway food festival": of
    # a one-line card's fields, the one telling the meeting
    fields = [f.strip() for f in _CARD_FIELD_SEPARATOR.split(sentence) if f.strip()]
    telling_fields = [f for f in fields if tells_meeting(f)] if len(fields) > 2 else []
    if telling_fields:
        return telling_fields[-1][:1].upper() + telling_fields[-1][1:]
    # "enólogo da Quinta da Ribeira, conheci na prova ...", "Ran into her at the summit - head of
    # design over at Brightfold": the parts before and beside the meeting's say who, not where
    parts = _ROLE_PARTS.split(sentence)
    # "Lunch today with X, Director at Y — we first met at the London finance dinner last
    # month": where they first met is the occasion, not the day's lunch
    first_met = [p for p in parts if _FIRST_MET.search(p) and tells_meeting(p)]
    if len(parts) > 1 and first_met:
        part = first_met[0].strip(" ,-–—")
        return part[:1].upper() + part[1:]
    if len(parts) > 1:
        first = next((i for i, p in enumerate(parts) if tells_meeting(p)), len(parts))
        kept: list[str] = []
        dropping = False
        for index, part in enumerate(parts):
            tells = tells_meeting(part)
            # a dashed part not telling the meeting, and the comma parts after it, say who
            dropping = (index < first or (dropping and not tells)
                        or (bool(_DASH_START.match(part)) and not tells))
            if not dropping:
                kept.append(part)
        if kept and len(kept) < len(parts):
            sentence = "".join(kept).strip(" ,-–—")
            sentence = sentence[:1].upper() + sentence[1:]
    if len(sentence.split()) <= _LONG_SENTENCE:
        return sentence
    clauses = [c for c in _RUN_ON_BREAK.split(sentence) if c.strip()]
    met = _MET_WORD.search(sentence)
    if len(clauses) < 2 and met and sentence == sentence.lower():
        # "... owns clay barn studio met him at the brooklyn ceramics fair wants a booking
        # system": a run-on typed in lower case, from the meeting to the next thing said
        end = _LOWERCASE_NEXT.search(sentence, met.end())
        return sentence[met.start():end.start() if end else len(sentence)].strip(" ,.")
    telling = [c for c in clauses if tells_meeting(c)]
    if len(clauses) < 2 or not telling:
        return sentence
    clause = telling[0].strip()
    # "So, long day at the show": the speaker's filler before the meeting's place goes
    place = re.search(r"(?i)\b(?:at|during|after|auf|bei|beim|au|lors d[eu]|en|al|alla|na|no|"
                      r"op|tijdens)\s", clause)
    if place and not _MET_WORD.search(clause[:place.start()]):
        clause = clause[place.start():]
    return clause[:1].upper() + clause[1:]


# The owner has not met the person yet: "Not met yet:", "Haven't met him yet", "noch nicht
# persönlich getroffen", "pas encore rencontrée", "aún no nos conocemos", "non l'ho ancora
# incontrata", "ainda não conheci", "nog niet ontmoet".
_NOT_MET_YET = re.compile(
    r"(?i)\b(?:not|never|haven't|have not|hasn't|has not|didn't|did not|we've not|i've not)\s+"
    r"(?:\w+\s+){0,2}?(?:met|spoken)\b|"
    r"\bnoch nicht (?:\w+ ){0,3}?(?:getroffen|kennengelernt|gesprochen|gesehen)\b|"
    r"\b(?:pas encore|jamais) (?:\w+ ){0,2}?(?:rencontr\w*|vu[es]?|parlé)\b|"
    r"\b(?:aún|todavía) no (?:\w+ ){0,2}?(?:conoc\w*|vist[oa]s?|hablado)\b|"
    r"\bnon (?:\S+ ){0,2}?ancora (?:\S+ ){0,2}?(?:incontrat\w*|conosciut\w*|vist\w*|sentit\w*)\b|"
    r"\bainda não (?:\w+ ){0,2}?(?:conhec\w*|encontr\w*|falei|falamos)\b|"
    r"\bnog niet (?:\w+ ){0,3}?(?:ontmoet|gesproken|gezien)\b")


def tells_not_met(text: str) -> bool:
    """Whether the owner says they have not met the person yet (their own flag for drafts,
    which then never say "great meeting you")."""
    return bool(_NOT_MET_YET.search(text.replace("’", "'")))


# A meal's word ending a capitalized name is the name's: "Herrera Café", "Blue Bottle Coffee".
# "Herrera Café", "Café Alto de Caldas S.A.S.": a company named for its coffee, not a coffee
_NAMED_MEAL = re.compile(r"(?<![\w'’-])(?-i:[" + UPPER
                         + r"][\w'’-]+) (?-i:Café|Coffee|Kaffee|Caffè)\b|"
                         r"(?<![\w'’-])(?-i:Café|Coffee|Kaffee|Caffè) (?-i:[" + UPPER
                         + r"][\w'’-]+)"
                         r"(?: (?:de|del|do|da|di|du|des|la|le|[" + UPPER + r"][\w'’-]+))* "
                         r"(?:S\.A\.S\.|S\.A\.|SAS|S\.L\.|Ltda\.?|Lda\.?|Ltd\.?|Inc\.?|LLC|GmbH|SARL|"
                         r"S\.r\.l\.|Pty|Pte|BV|NV|inc\.)|"
                         # a card's company in capitals: "KILIMANJARO HIGHLANDS COFFEE ESTATES"
                         r"(?<![\w'’-])(?-i:[A-Z" + UPPER + r"]{2,}) "
                         r"(?-i:COFFEE|CAFÉ|KAFFEE|CAFFÈ)\b")


# Each named meal has one of these words, as written: a sentence with none has no named meal.
_MEAL_WORDS = ("Café", "Coffee", "Kaffee", "Caffè", "COFFEE", "CAFÉ", "KAFFEE", "CAFFÈ")


@short_text_memo(1024)
def tells_meeting(sentence: str, *, in_words: bool = False) -> bool:
    """Whether a sentence tells of meeting someone ("met her at the summit", "am Dienstag auf
    der Messe getroffen"), as opposed to asking about it or only praising it ("Great call.").
    With ``in_words``, only a word of meeting counts ("met", "getroffen", "coffee"), not an
    event named ("at the expo"). A denied meeting ("haven't met her yet") is kept: the drafts
    read it to say nothing of a meeting."""
    if any(word in sentence for word in _MEAL_WORDS) and _NAMED_MEAL.search(sentence):
        sentence = _NAMED_MEAL.sub(" ", sentence)  # "Herrera Café": a company, not a coffee
    found = (may_match(_MET_WORD_NEEDS, sentence) and _MET_WORD.search(sentence)) or (
        not in_words and ((may_match(_AT_EVENT_NEEDS, sentence) and _AT_EVENT.search(sentence))
                          or _MET_OPENING.match(sentence)))
    if found and _OWNERS_PROMISE.match(sentence) and not _MET_WORD.search(sentence):
        return False  # "I promised him the deck from our workshop": what, not where they met
    return (bool(found) and not _is_question(sentence) and not _REMARK.match(sentence)
            and not _TO_SELF.match(sentence))


# A sentence opening with the owner's promise is about what the owner sends: "I promised him
# the deck from our ASEAN workshop", "Le prometí el informe del foro", "Je lui envoie ...".
_OWNERS_PROMISE = re.compile(
    r"(?i)^\s*(?:(?:I|we) (?:promised|owe|said (?:I|we)['’]?d send|will send)|"
    r"I['’]ll send|we['’]ll send|(?:le|les) prometí|prometí|je (?:lui|leur) (?:ai promis|envoie|"
    r"enverrai)|ik (?:stuur|beloofde|heb .{1,20} beloofd)|prometi|ich (?:schicke|habe .{1,20} "
    r"versprochen)|gli ho promesso|le ho promesso)\b")


# The owner's note to self is about the owner's errands, never the meeting: "Reminder to self:
# expense the dinner", "Note to self", "Memo an mich", "Pense-bête", "Recordatorio", "Promemoria".
_TO_SELF = re.compile(
    r"(?i)^\s*(?:(?:reminder|note|memo)s? (?:to|for) (?:self|myself|me)|to-?do|todo|"
    r"memo an mich|notiz an mich|erinnerung|pense-bête|note pour moi|rappel|recordatorio|"
    r"nota para mí|promemoria|nota per me|lembrete|nota para mim|herinnering|notitie voor mezelf)"
    r"\b")


# A verdict on a meeting says nothing of where or when it was: "Great call.", "Nice chat!"
_REMARK = re.compile(
    r"(?i)^\s*(?:(?:what|such) an? |an? )?(?:really |very |so |super )?(?:great|good|nice|lovely|"
    r"fun|quick|short|productive|excellent|awesome|wonderful|interesting|fantastic|useful|"
    r"helpful|amazing|solid|fruitful|gute[sr]?|tolle[sr]?|super|excellente?|bonne|buen[ao]?|"
    r"genial)\s+(?:call|chat|meeting|conversation|coffee|lunch|dinner|breakfast|talk|"
    r"gespräch|telefonat|treffen|appel|échange|rendez-vous|llamada|charla|reunión)"
    r"(?:\s+(?:today|yesterday|earlier|this morning|heute|gestern|aujourd'hui|hoy|ayer))?"
    r"\s*[.!]*\s*$")


_CONTACT_DETAILS = re.compile(r"\s*\([^)]*[@+\d][^)]*\)|\s*<[^>]*@[^>]*>|\S+@\S+")
# "met jamal price 971 555 0118 at the home show": a phone number is a field, not context.
_NUMBER_RUN = re.compile(r"\s*\+?\(?\d[\d ()./-]{6,}\d")
_PHONE_DIGITS = 9


def _is_phone_like(run: str) -> bool:
    digits = sum(c.isdigit() for c in run)
    return digits >= _PHONE_DIGITS and not re.search(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}", run)


_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:])")
_SPACE_RUN = re.compile(r"\s{2,}")


# After the name, its card's fields set apart by a dash or a comma: "Coffee with Maya Lin
# (maya@...) - founder, Quarry Design, quarry.design": not part of the occasion.
_FIELDS_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?[-–—,]\s")


@short_text_memo(1024)
def _without_names(sentence: str, names: tuple[str, ...]) -> str:
    for name in sorted((n for n in names if n), key=len, reverse=True):
        at = sentence.find(name)
        tail = sentence[at + len(name):] if at >= 0 else ""
        if at > 0 and _FIELDS_AFTER.match(tail) and not tells_meeting(tail):
            sentence = sentence[:at]
    for name in sorted((n for n in names if n), key=len, reverse=True):
        if name in sentence:  # the pattern matches only where the name is written
            at = sentence.find(name)
            # "Comida con Íñigo Arrizabalaga en Bilbao": the "with" goes with the name
            with_word = _WITH_BEFORE.search(sentence[:at])
            if with_word and _EVENT_WORD.search(sentence[:with_word.start()]):
                sentence = sentence[:with_word.start()] + " " + sentence[at:]
            sentence = without_whole_words(sentence, name)
    sentence = _CONTACT_DETAILS.sub("", sentence)
    sentence = _NUMBER_RUN.sub(lambda m: "" if _is_phone_like(m.group()) else m.group(), sentence)
    sentence = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", sentence)
    # "Met, CTO at Acme Robotics, at the breakfast": the role is a contact field, not context
    sentence = _ROLE_APPOSITIVE.sub(r"\1 ", sentence)
    return _SPACE_RUN.sub(" ", sentence).strip(" ,;:-").strip()


_WITH_BEFORE = re.compile(r"(?i)(?<=\s)(?:with|mit|avec|con|com)\s+$")
_ROLE_APPOSITIVE = re.compile(
    r"^(\w+)\s*,\s*[^,]{2,80}?\s(?:at|@|bei|chez|en)\s[^,]{2,80},\s*(?=\S)")


def _is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith("?")


_NOT_A_FACT = re.compile(r"(?i)(?:to )?(?:meet|know|chat)\b")


@short_text_memo(1024)  # one list per sentence and cue: callers extend theirs with it
def _phrases(key: str, cue: re.Pattern[str], sentence: str) -> list[str]:
    phrases: list[str] = []
    for match in cue.finditer(sentence):
        rest = sentence[match.end():]
        end = _CLAUSE_END.search(rest)
        phrase = rest[: end.start() if end else len(rest)].strip(" ,:-–")
        if _DISMISSED.search(phrase):
            continue  # "a personal loan – ignore, not doing that": the owner waves it away
        phrase = _VERB_LAST.sub("", phrase)
        if _HEDGED.match(phrase):
            continue  # "willen ze misschien een distributeur", "möchte sie vielleicht ...": a maybe
        phrase = _AFFIRMING.sub("", phrase)  # "zoekt wel een boekhouder": the thing sought
        phrase = _TRAILING_TOO.sub("", phrase)  # "the Japan trade mission too": the mission
        if len(phrase) < 3 or _NOT_A_FACT.match(phrase):
            continue
        if _is_fact(key, match, sentence, phrase):
            phrases += _NEXT_PROMISE.split(phrase) if key == "promises" else [phrase]
        elif key != "promises" and read_clause(sentence, match.start(), phrase).negated:
            # "Zoekt geen investeerder, wel een ontwerper", "Non cerca un consulente ma vorrebbe
            # un sito": the contrast inside the denied clause; else after its end
            contrast = _CONTRAST.search(phrase)
            if contrast:
                phrases += _instead(phrase[contrast.start():], cue)
            elif end:
                phrases += _instead(rest[end.start():], cue)
    return phrases


_TRAILING_TOO = re.compile(r"(?i)\s+(?:too|as well|also|auch|aussi|también|anche|também|ook)$")


# The owner's aside after a dash waving the thing away: "– ignore, not doing that", "— ignorieren",
# "– à ignorer", "– ignorar", "– da ignorare", "– negeren", "– not happening", "– no way".
_DISMISSED = re.compile(
    r"(?i)\s[-–—]+\s*(?:(?:please |bitte )?ignore\b|ignorieren|(?:à |a )?ignorer|ignorar|"
    r"(?:da )?ignorare|negeren|not (?:doing|happening|going to)\b|no way\b|forget it\b|"
    r"vergessen\b|laisse[rz]? tomber|olvídalo|lascia(?:mo)? perdere|esquece|vergeet het)")


# After a verb put second, its subject and a hedge: "(willen) ze misschien", "(möchte) sie
# vielleicht", "(veut) peut-être", "(wants) maybe".
_HEDGED = re.compile(
    r"(?i)^(?:(?:ze|zij|hij|sie|er|il|elle|ils|elles|they|she|he|lei|lui|ella|él|ela|ele)\s+)?"
    r"(?:misschien|wellicht|eventueel|vielleicht|eventuell|peut-être|maybe|perhaps|possibly|"
    r"forse|magari|quizás|quizá|tal vez|talvez)\b")
_AFFIRMING = re.compile(r"(?i)^(?:wel|toch)\s+(?=\S)")


# "sucht keine Investoren, aber einen Statiker": what the denial gives way to is the fact.
_INSTEAD = re.compile(r"(?i)^,?\s*(?:but (?:rather |instead )?|aber |sondern |mais plutôt |mais |"
                      r"sino |pero sí |ma |però |bensì |mas |maar wel |maar |wel )(?P<rest>.+)")
_CONTRAST = re.compile(r"(?i),\s*(?:but|aber|sondern|mais|sino|pero|ma|però|bensì|mas|maar|wel)\s|"
                       r"\s(?:sondern|sino|ma|bensì|mas|maar wel)\s")


def _instead(rest: str, cue: re.Pattern[str] | None = None) -> list[str]:
    found = _INSTEAD.match(rest)
    if found is None:
        return []
    after = found.group("rest")
    if cue is not None and cue.match(after):
        return []  # "ma vorrebbe un sito": the cue there reads its own clause
    end = _CLAUSE_END.search(after)
    phrase = after[: end.start() if end else len(after)].strip(" ,:-–")
    if len(phrase) < 3 or _NEGATED_PHRASE.match(phrase) or _SUBJECT.match(phrase):
        return []
    return [phrase]


# A verb that closes a German or Dutch clause is no part of the thing named: "(habe ihr) unser
# Musterpaket versprochen", "(heb beloofd) ons portfolio te sturen".
_VERB_LAST = re.compile(r"(?i)\s+(?:(?:zu|te) \w+(?:en|n)|versprochen|zugesagt|toegezegd|beloofd)$")


def _is_fact(key: str, match: re.Match[str], sentence: str, phrase: str) -> bool:
    """Whether the clause states the cue's fact about the contact (see the module docstring)."""
    reading = read_clause(sentence, match.start(), phrase)
    if reading.negated or reading.hypothetical:
        return False
    if key != "promises":
        return reading.subject is not Subject.OWNER
    if match.group("owner"):
        return True
    # "promised to send her the deck": a note's missing subject is its writer, the owner;
    # but not when the owner is the one receiving ("promised to send me the deck").
    if reading.subject is Subject.OWNER:
        return True
    return reading.subject is None and not owner_receives(phrase)


def _dedupe(items: list[str]) -> list[str]:
    """Each phrase once; one that ends another ("her first UK sales team" in "help hiring her
    first UK sales team", read by two cues) is not a second fact."""
    seen: set[str] = set()
    out = []
    for item in items:
        low = item.lower()
        if low not in seen and not any(o.lower().endswith(" " + low) for o in items):
            seen.add(low)
            out.append(item)
    return out


# The clause a cue stands in -------------------------------------------------------------------
#
# A cue's clause runs back from the cue to the nearest clause break; its negation and its
# subject are read there. A condition ("if", "wenn", "si") or a hedge ("maybe", "might") makes
# the rest of the sentence (up to a semicolon) hypothetical: "If she raises, she'll need a CFO".

_CLAUSE_BREAK = re.compile(
    r"[;:,()\[\]\u2014\u2013|]|\s-\s|\s/\s|\s[·•]\s|"
    r"\b(?P<conj>and|but|although|though|whereas|while|because|und|aber|sondern|doch|weil|"
    r"mais|et|car|pero|y|sino|porque|ma|però|mas|maar|omdat|perché)\b", re.IGNORECASE)
_NEGATION = re.compile(
    r"n't\b|\bn'(?!(?-i:[A-Z]))|\b(?:not|no|never|nor|neither|nobody|without|nicht|kein\w*|nie|niemals|"
    r"ne|pas|jamais|nunca|tampoco|non|não|nao|niet|geen|géén|nooit)\b", re.IGNORECASE)
# A phrase that is itself a denial: "needs nothing", "sucht keine Investoren".
_NEGATED_PHRASE = re.compile(
    # "Braucht derzeit keinen Onlineshop": a word of time may come before the denial
    r"^(?:(?:derzeit|aktuell|gerade|momentan|im moment|zurzeit|currently|right now|at the moment|"
    r"actuellement|en ce moment|actualmente|por ahora|ahora|attualmente|al momento|momenteel|"
    r"op dit moment|atualmente|no momento)\s+)?"
    r"(?:no|none|nothing|nobody|not|never|kein\w*|nicht\w*|nie|aucun\w*|rien|pas|"
    r"ningun\w*|ningún|nada|nunca|nessun\w*|niente|nulla|nenhu\w*|geen|géén|niets)\b",
    re.IGNORECASE)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|in case|whether|maybe|perhaps|possibly|probably|might|could|would|"
    r"wenn|falls|ob|vielleicht|eventuell|si|peut-être|éventuellement|quizás?|tal vez|"
    r"a lo mejor|forse|talvez|misschien|indien)\b|\b(?-i:may)\b", re.IGNORECASE)
# Idioms that look like conditions and are not: "if I remember right".
_NOT_HYPOTHETICAL = re.compile(r"(?i)\bif I (?:remember|recall)\b[^,;]*")
_FIRST_PERSON = (r"I|I'm|I've|I'd|I'll|we|we're|we've|we'd|we'll|ich|wir|je|j'|nous|yo|"
                 r"nosotros|nosotras|io|noi|eu|nós|ik|wij")
_THIRD_PERSON = (r"he|he's|she|she's|they|they're|who|er|sie|il|elle|ils|elles|él|ella|ellos|ellas|"
                 r"lui|lei|loro|ele|ela|eles|elas|hij|zij|ze")
_SUBJECT = re.compile(rf"(?i)(?:^|(?<=[\s(\"']))(?P<first>{_FIRST_PERSON})(?=\s|$)|"
                      rf"\b(?P<third>{_THIRD_PERSON})\b")
# A name right before the verb: "Jane promised", "Jane hat versprochen"; not an adverb opening
# a note's subjectless sentence ("Also promised to send her the deck").
_NAMED_SUBJECT = re.compile(r"\b(?P<word>[" + UPPER + r"][" + LOWER
                            + r"]+)\s+(?:(?:has|had|hat|a|ha)\s+)?$")
_NOT_A_NAME = {"Also", "And", "But", "So", "Then", "Just", "Already", "Finally", "Today",
               "Yesterday", "Later", "Both", "Definitely", "Apparently", "Actually", "Originally",
               "Again", "Auch", "Heute", "Gestern", "Aussi", "Hier", "También", "Ayer", "Hoy"}
# The owner as the one receiving: "send me", "mir ... schicken", "m'envoyer".
_OWNER_RECEIVES = re.compile(r"(?i)\b(?:me|us|mir|uns|mich|moi|nous|mij)\b|\bm'")


class Subject(Enum):
    OWNER = "owner"
    OTHER = "other"


@dataclass(frozen=True)
class ClauseReading:
    """How the clause holding a cue states it."""

    negated: bool
    hypothetical: bool
    subject: Subject | None  # None: not said (a note's usual voice)


def read_clause(sentence: str, cue_at: int, phrase: str = "") -> ClauseReading:
    """Read the clause of ``sentence`` whose cue starts at ``cue_at``; ``phrase`` is what the
    cue introduces ("nothing from us" denies a need)."""
    head = sentence[:cue_at]
    scope = _NOT_HYPOTHETICAL.sub("", head[head.rfind(";") + 1:])
    conj_i = _AND_I.search(head)
    if conj_i and not _ENGLISH_AFTER_I.match(sentence[cue_at:]):
        # "és el gerent de Farga i busca un assessor", "i szuka": before a verb of another
        # language, a lower-case "i" is the Catalan or Slavic "and", not the owner
        head = head[:conj_i.start()] + " and "
    clause, joined = _last_clause(head)
    return ClauseReading(
        negated=bool(_NEGATION.search(clause) or _NEGATED_PHRASE.match(phrase)),
        hypothetical=bool(_HYPOTHETICAL.search(scope)),
        subject=_subject(clause) or (_subject(joined) if joined else None),
    )


_AND_I = re.compile(r"\si\s+$")
# What the English pronoun "i" of a lower-case note is followed by at a cue.
_ENGLISH_AFTER_I = re.compile(
    r"(?i)(?:['’]|(?:am|was|have|had|will|would|can|could|should|might|may|must|also|really|"
    r"just|still|definitely|probably|need|want|look|promis|offer|said|told|owe|hope|think|plan|"
    r"agree|mention|sen[dt]|intro|get|got|could|did|do|don)\w*\b)")


def owner_receives(phrase: str) -> bool:
    """Whether the owner is the one a promised thing goes to ("send me his deck")."""
    return bool(_OWNER_RECEIVES.search(phrase))


def _last_clause(head: str) -> tuple[str, str]:
    """The clause before a cue, and the clause before it when a conjunction joins them
    ("I'm looking for a designer and hiring": the subject of both is "I")."""
    breaks = list(_CLAUSE_BREAK.finditer(head))
    if not breaks:
        return head, ""
    last = breaks[-1]
    clause = head[last.end():]
    if not last.group("conj"):
        return clause, ""
    start = breaks[-2].end() if len(breaks) > 1 else 0
    return clause, head[start:last.start()]


def _subject(clause: str) -> Subject | None:
    found = list(_SUBJECT.finditer(clause))
    if found:
        return Subject.OWNER if found[-1].group("first") else Subject.OTHER
    named = _NAMED_SUBJECT.search(clause.strip() + " ")
    return Subject.OTHER if named and named.group("word") not in _NOT_A_NAME else None
