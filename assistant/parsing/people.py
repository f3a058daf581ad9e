"""People named in the owner's own words: "Met Jane Doe (jane@x.com), CTO at Acme; and Raj...".

A name is taken only with evidence: a cue before it ("met", "with", "traf", "rencontré",
"conocí a"), an address or phone right after it, a role right after it ("Jane Doe, CTO, Acme"),
or a list line starting with it. A name typed in one letter case ("kevin", "EMILY CHEN") or in a
script without case ("王伟") needs its own address right after it. The text from one person's
mention to the next is theirs: addresses, phones, roles and the owner's remarks in it belong to
that person; but when the sentence naming them names someone else too, a later sentence ("He is
looking for...") is theirs only if it names them again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.domain import OwnerIdentity
from assistant.parsing.card_layout import card_layout, company_above, is_company_line
from assistant.parsing.contacts import (
    COMPANY_RE,
    FIRM_WORDS,
    PREPOSITION_RE,
    TITLE_FIELD_WORDS,
    TITLE_WORD,
    Role,
    clean_company,
    clean_name,
    find_emails,
    find_phones,
    find_urls,
    is_legal_form,
    is_title_filler,
    is_title_phrase,
    is_title_word,
    ordinary_case,
    person_phones,
    role_in,
    role_in_list,
    title_and_field,
    title_suffix,
    with_comma_form,
    without_orders,
)
from assistant.parsing.context import (
    ContextFacts,
    card_occasion,
    heading_occasion,
    is_bare_errand,
    meeting_context,
    opens_with_fact,
    read_context,
    sentences,
    tells_not_met,
)
from assistant.parsing.draft import ContactDraft, is_owner_name, merge_drafts, name_key
from assistant.parsing.labeller.tagger import (
    has_legal_form,
    line_names,
    read_block,
    tag_lines,
)
from assistant.parsing.labeller.tokens import tokenize
from assistant.parsing.legal_forms import dotted_form_at
from assistant.parsing.letters import LOWER, UPPER
from assistant.parsing.literal import unattached, whole_words
from assistant.parsing.memo import short_text_memo
from assistant.parsing.name_order import called_by, given_name_after
from assistant.parsing.signature_fields import mine_signature

# Letters of the Latin, Greek and Cyrillic alphabets by case ("Yılmaz", "Łukasz", "Дмитрий").
# Latin letters with accents, Greek and Cyrillic, and the Latin letters Vietnamese writes with
# two marks ("Trần", "Hồ", "Đức": Latin Extended Additional)
_CASED = (*range(0xC0, 0x530), *range(0x1E00, 0x1F00))
_UPPER = "".join(chr(c) for c in _CASED if chr(c).isupper() and chr(c).isalpha())
_LOWER = "".join(chr(c) for c in _CASED if chr(c).islower() and chr(c).isalpha())
# (a second surname after a hyphen goes on after an apostrophe's or a "Mc"'s capital:
# "O'Rourke-Bannerman", "McAllister-Grey")
# ("Fung-A-Ling": a Surinamese Chinese name of three parts)
_TOKEN = (rf"[A-Z{_UPPER}][a-z{_LOWER}'’]+(?:[-’'][A-Za-z{_UPPER}{_LOWER}]+){{0,2}}"
          rf"(?:[A-Z][a-z{_LOWER}]+(?:-[A-Z{_UPPER}][a-z{_LOWER}]+)?)?(?![\w])")
# (a whole word: not "Gmb" of "GmbH")
_PARTICLE = (r"(?:van|von|de|da|del|della|di|du|der|den|ter|la|le|binti|binte|bin|bte|al|dos|das|"
             r"['’]t|ap|"
             r"degli|dei|dalla|dal|delle|dello|Ó)")  # "Cathal Ó Briain"
# "de La", "van Der": a capitalised particle after a lower-case one is still a particle.
_CAP_PARTICLE = r"(?:La|Le|Los|Las|Der|Den|De|Del)"
# ("Wilhelmina (Billie) Carrow": the name she goes by, in brackets after the first name)
# ("Imelda St. John-Varga": "St." of a family name after Saint, before its capital)
NAME_RE = re.compile(rf"\b{_TOKEN}(?:[ \t]+\([A-Z][a-z'’-]+\)(?=[ \t]+[A-Z]))?"
                     rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+(?:{_CAP_PARTICLE}[ \t]+)?){{0,2}}"
                     rf"(?:St\.[ \t]+(?=[A-Z][a-z]))?{_TOKEN}){{0,3}}")
_CUE_BEFORE = re.compile(
    r"(?i)(?:\bmet|\bmeet|\bmeeting|\bwith|\band|\bog|\boch|\bintroduced (?:me |us )?to|"
    r"\bintroduce you to|"
    r"\bcontact|"
    r"\bpresento a|\bprésente|\bvorstellen:?|\bpresentarte a|"
    r"\bname|\btalked to|\bspoke (?:to|with)|\bcall(?:ed)?|\bemail(?:ed)?|\bran into|\bbumped into|"
    r"\bnext to|\bbeside|\bà côté de|\bneben|\bal lado de|\baccanto a|\bao lado de|\bnaast|"
    r"\btraf|\bmit|\bund|\brencontré|\brencontrée|\bavec|\bet|\bconocí a|\bcon|\by|"
    r"\bvu|\bcroisé|\bvi a|\bhablé con|\bintroducing|\bplus|\balso|"
    r"\bconosciut[oa]|\bincontrat[oa]|\bparlato con|\bconheci(?: [oa])?|\bencontrei(?: [oa])?|"
    r"\bcom|\bgesproken met|\bontmoet|\bsproken met|"
    # Catalan: "Vaig dinar amb la Roser", "vaig conèixer en Pere", "amb l'Oriol"
    r"\bamb(?:[ \t]+(?:el|la|en|na|l['’]))?|"
    # Danish, Norwegian, Swedish: "Mødte Sofie Bak på ...", "träffade", "snakkede med"
    r"\bmødte|\bmøtte|\bmötte|\bträffade|\b(?:snakkede|snakket|talte|talade|pratade) med|"
    r"\b(?:vaig|vam) conèixer(?:[ \t]+(?:el|la|en|na|l['’]))?)"
    r"[ \t]*:?[ \t]*\n?[ \t]*$"
)
_PAIR_WORD = (r"(?:both|entrambi|entrambe|beide|tous les deux|toutes les deux|ambos|ambas|"
              r"los dos|las dos|allebei|os dois|as duas)\b")
_CUE_AFTER = re.compile(
    r"^[ \t]*(?:\(|<|[-–—][ \t]*[\w.+-]+@|,?[ \t]*[\w.+-]+@|"
    r"\s*(?:getroffen|kennengelernt|gesprochen)\b|"
    r",?\s+(?:is|was|ist|est|es|from|von|de la|de chez|who|die|der|qui|que|runs|leads|works|"
    r"arbeitet|travaille|trabaja)\b|"
    # "Carlo Russo e Federica degli Esposti, entrambi di ...": two people named as a pair
    r"(?:\s+(?:and|e|und|et|y|en|i)\s+(?:[" + UPPER + r"][\w'’-]*\s+){0,2}?"
    r"(?:(?:de|di|da|van|von|degli|del|della|du|dos|der|den|la|le)\s+){0,2}[" + UPPER
    + r"][\w'’-]*)?"
    rf",\s+{_PAIR_WORD})"
)
_COMPANY_BEFORE = re.compile(r"(?i)(?:\bat|@|\bbei|\bchez|\ben|\bfrom|\bof|\bvon|\bin|\bfür|\bfor|"
                             r"\bde|\bdel|\bdu|\bdi|\bpresso|\bna|\bno|\bem|\bbij|\bvan|"
                             r"\bda|\bdo|\bdos|\bdas|\bdella|\bdello|\bdegli|\bdei|\bd['’]|"
                             r"\bthe|\bder|\bdie|\bdas|\bla|\ble|\bel|\bau|\baux|"
                             # "founder of Les Pêcheries Fournier": an article heading the name
                             r"\b(?:of|de|at|bei|chez|en|di|van|von|for|from)\s+(?:les|los|las|il|lo|"
                             r"het|the|la|le|el|l['’])|"
                             # "she runs Desert Bloom Landscaping (gloria@...)": her company
                             r"\bruns|\bowns|\bheads|\bfounded|\bleitet|\bführt|\bdirige|"
                             r"\bgère|\bgestisce|\bleidt|\bguida|\bconduce|\blidera|"
                             # "Beim Berliner Fintech-Stammtisch getroffen": an event or a place
                             r"\bbeim|\bvom|\bzum|\bzur|\bim|"
                             # "gérante du GIE Femmes Transformatrices": a form heading the name
                             r"(?-i:\bGIE|\bGAEC|\bSCOP|\bSCIC|\bEARL))\s*$")
STOP_WORDS = set("""
I We She He They It You The A An This That These Those My Our Her His Their Its Met Meet Also Great
Good Nice Quick Note Notes Today Yesterday Tomorrow Last Next Both Two Three Spoke Talked Chatted
Ran Promised Need Needs Looking Wants Hiring Please Thanks Thank Hi Hello Hey Dear Cheers Best
Regards Sent Coffee Lunch Dinner Breakfast Call Follow Send Intro Introducing Re Fwd Fw Subject From
To Cc Date Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December Mon Tue Wed Thu Fri Sat Sun Jan Feb Mar Apr Jun
Jul Aug Sep Sept Oct Nov Dec Add Contact Name Email Phone Mobile Tel Web Met With And But Or So If
When After Before During At On In For Of Via Per Just Really Very Super Huge Big Some Any Lots
Habe Hab Heute Gestern Morgen Ich Wir Sie Er Es Der Die Das Ein Eine Und Mit Auf Bei Hat Ist
Kennengelernt Getroffen Beim Vom Zum Zur Kaffee Mittagessen Konferenz Sucht Braucht Kann Versprochen
Treffen Hallo Liebe Lieber Viele Grüße Gruß Je Nous Elle Il Ils Elles Le La Les Un Une Des Et Avec
Chez Pour Hier Aujourd Rencontré Rencontrée Cherche Bonjour Merci Cordialement Yo Nosotros Ella El
Los Las Una Uno Con Para Hoy Ayer Conocí Busca Necesita Hola Gracias Saludos Muchas Buenos Buenas
Mr Mrs Ms Dr Prof Herr Frau Monsieur Madame Mme Señor Señora Sr Sra Don Doña Cllr Councillor
Ask Ping Text Remind Tell Invite Reach Check Schedule Book Connect See Remember Let Maybe Please
Bitte Frag Frage Ruf Schreib Demander Appeler Écrire Pregunta Llamar Escribir Recordar Ver
Conosciuto Conosciuta Incontrato Incontrata Oggi Ieri Lui Lei Ho Ha Il Gli Cerca Offre Nota
Aggiungere Aggiungi Grazie Ciao Buongiorno Conheci Encontrei Ele Ela Eles Elas Hoje Ontem Oferece
Procura Precisa Quer Prometi Obrigado Obrigada Olá Adicionar Op Het Een Hij Zij Ik
Gisteren Vandaag Bij Zoekt Biedt Graag Toevoegen Kaartje Bedankt Groet Groeten Beste Zoals Tijdens
Saw Seen Visited Caught Grabbed Joined Emailed Phoned Texted Messaged Pinged Interviewed Hosted
Heard Found Welcomed Invited Introduced Sat Bumped Crossed Toured Shared Swapped Shook Visto Vista
Visti Vimos Vi Vu Vue Croisé Croisée Gesehen Besucht Sah Traf Encontré Encontrada Encontrado Visitei
Vista Zag Sprak Ontmoette Incontrati Conosciuti Rencontrés Rencontrées Conocimos Conhecemos
I'll I'm I've I'd He's She's It's We'll We're We've They're They'll You're You'll Let's
He'll She'll He'd She'd We'd They'd You'd They've You've
I’ll I’m I’ve I’d He’s She’s It’s We’ll We’re We’ve They’re They’ll You’re You’ll Let’s
He’ll She’ll He’d She’d We’d They’d You’d They’ve You’ve
Says Said Told Mentioned Thinks Reckons Sagt Meint Erzählt Dit Pense Raconte C'est C’est
Dice Dijo Cuenta Comenta Detto Racconta Diz Disse Conta Zegt Vertelt Vond
Außerdem Ausserdem Zudem Ebenfalls Auch Additionally Besides Plus Además También Inoltre Anche
Também Daarnaast Ook Verder Aussi Également Egalement Ensuite Puis Enfin Am Im
Karte Visitenkarte Carte Tarjeta Biglietto Cartão Visitekaartje
Ihr Ihre Sein Seine Mein Meine Unser Unsere Del
Latin Cyrillic Arabic Greek Hebrew Chinese Japanese Korean Khmer English French Spanish German
Mødte Møtte Mötte Mødtes Møttes Träffade Träffades Snakkede Snakket Pratade Talte Talade Jeg Jag
Hej Hei Tak Takk Tack Og Och Hilsen Hälsningar Venlig Vennlig Tilføj Legg Lägg
""".split())
NOT_PERSON_WORDS = set("""
Inc Ltd LLC GmbH AG SA SL SAS SARL BV NV Corp Co Company Group Labs Lab Capital Ventures Partners
Systems Technologies Technology Solutions Software Robotics Bank University Universität Université
Universidad School Institute College Hotel Cafe Café Street Road Avenue Conference Summit
Breakfast Meetup Week Days Festival Expo Forum Night Club Fund Foundation Network Studio Agency
Consulting Media Health Cloud Data Analytics Digital Global International Airport Station Center
Centre Room Office Team Board Council Ministry Trust Authority Association Commission Alliance
Society Cooperative Chamber Berlin Paris Madrid London Munich München
Barcelona Lyon Boston Austin York Francisco SaaS AI API CRM Slack Zoom Teams LinkedIn Twitter
Google Microsoft Apple Amazon Stripe Salesforce Web Summit Congress Kongress Messe Salon Congreso
Airlines Airways Air Insurance Life Motors Holdings Coffee Foods Pharma Pharmaceuticals Energy
Logistics Capital Realty Properties Hospital Clinic Airline Railways Telecom Wireless Mobile Bakery
Restaurant Bar Grill Kitchen Brewery Museum Gallery Theatre Theater Library Church Stadium Arena
Salone Fiera Feria Feira Beurs Salón Congresso Congrès Kongresszentrum Mostra Jornadas Cumbre
Advogados Abogados Avocats Rechtsanwälte Advocaten Avvocati Associados Asociados Associés Associati
Advisors Advisory Consultores Consultoria Consulenze Beratung
Hoteles Hotels Hôtels Hotéis Grupo Gruppo Groupe Gruppe Bodegas Bodega Cantine Cantina Vinhos Vini
Vins Brauerei Bäckerei Autohaus Transportes Trasporti Construcciones Costruzioni Inmobiliaria
Immobiliare Farmacia Pharmacie Apotheke Clínica Clinica Klinik Estudio Taller Servicios Servizi
Logistik Logística Tecnologías Industries Industrias Industrie Holding Ristorante Trattoria
Hacienda Finanzamt Fisco Receita Belastingdienst Agenzia Entrate Treasury Fazenda Zoll Aduana Dogana
Società Sociedad Société Sociedade Cooperativa Coopérative Genossenschaft Asistente Assistente
Assistentin Secretaría Sekretariat Secrétariat Segreteria Recepción Réception Empfang
Limited LIMITED Corporation Incorporated Estates ESTATES Enterprises
Foro Encuentro Rencontres Tagung Vater Mutter Tochter Sohn Bruder Schwester Ehemann Ehefrau Father
Mother Husband Wife Papá Mamá Père Mère Madre Hijo Hija Figlio Figlia
Showcase Roadshow Hackathon Symposium Workshop Webinar Bootcamp Masterclass Exhibition Convention
Jamboree Indaba Conclave
""".split())


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str | None
    is_owner: bool = False


SENTENCE_LOOKBACK = 2_000
# A note about more people than this is a list or an attack; the first ones are kept.
MAX_MENTIONS = 300


def find_people(text: str, owner: OwnerIdentity, *, strong_only: bool = False,
                known: tuple[str, ...] = ()) -> list[ContactDraft]:
    """Each person named with evidence in ``text``, with what the text says about them.

    ``known`` names (from the message's headers) need no further evidence: "Sabine ist
    Geschäftsführerin bei Medicor" is about Sabine Koch when she is in Cc.
    """
    text = _without_post_nominals(card_layout(text))
    emails = find_emails(text)
    known = known + tuple(without_orders(n) for n in card_names(text, owner.region)
                          if not is_owner_name(clean_name(n), owner))
    mentions = _known_mentions(text, known)
    found = _mentions(text, owner, emails, mentions)
    fields = {m.name for m in found if _is_card_field(text, m, owner.region)}
    # a card's company is no person, nor is a later mention of its first word
    mentions += [m for m in found if m.name is None or m.name not in fields]
    mentions = _in_own_script(text, mentions)
    mentions += _uncased_mentions(text, owner, emails, mentions)
    mentions += _lowercase_listed(text, owner, emails, mentions)
    mentions += _script_lines(text, owner, emails, mentions)
    mentions += _cued_script_names(text, owner, emails, mentions)
    mentions += _bare_emails(text, emails, mentions)
    mentions = _without_script_beside_latin(text, mentions)
    mentions = _address_first(text, _coalesce(sorted(mentions, key=lambda m: m.start)))
    mentions = mentions[:MAX_MENTIONS]
    preamble = text[: mentions[0].start] if mentions else text
    drafts: list[ContactDraft] = []
    people = [m for m in mentions if not m.is_owner]
    for index, mention in enumerate(mentions):
        end = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
        if mention.is_owner:
            continue
        draft = _draft(text[mention.start:end], mention, owner,
                       shared=_names_others(text, mention, people))
        draft.context = meeting_context(_sentence_at(text, mention), (mention.name or "",)) or (
            draft.context)
        if (drafts and (draft.context is None or _said_before(draft.context, text, mention))
                and _ALSO_MET.search(_sentence_at(text, mention))):
            draft.context = drafts[-1].context  # "Also met Kaarel Mänd, ...": the same occasion
        if drafts and not draft.company:
            same = _SAME_PLACE.match(text, mention.end)
            if same:  # "Celine, export sales manager at the same outfit": the one before's
                draft.company = drafts[-1].company
                if draft.title is None and is_title_phrase(same.group("title"), loose=True):
                    draft.title = same.group("title").strip()
        if drafts:
            for both in _BOTH.finditer(text, mention.start, end):
                # "Both want a US distributor": the person before too
                said = read_context(both.group())
                drafts[-1].add_facts(ContextFacts(needs=said.needs, offers=said.offers,
                                                  interests=said.interests))
        partner = _THEIR_PARTNER.search(text, max(0, mention.start - 60), mention.start)
        if drafts and partner:
            # "His co-founder Leen Halaseh (CTO, ...) was there too", "Also met her practice
            # manager, Roger Nandlal": the company of the person before, and their occasion when
            # the sentence says so
            draft.company = draft.company or drafts[-1].company
            if draft.title is None and partner.group("role") and is_title_phrase(
                    partner.group("role"), loose=True):
                draft.title = partner.group("role")
            if draft.context is None and _THERE_TOO.search(_sentence_at(text, mention)):
                draft.context = drafts[-1].context
        partner_after = _THEIR_ROLE_AFTER.match(text, mention.end)
        if drafts and partner_after and is_title_phrase(partner_after.group("role"), loose=True):
            # "Nkem Adebayo-Wright, his finance director, nkem@...": the title, at the company of
            # the person before
            draft.company = draft.company or drafts[-1].company
            draft.title = draft.title or partner_after.group("role")
        draft.met = not tells_not_met(_sentence_at(text, mention) + " " + text[mention.start:end])
        # "Carlo Russo e Federica Bianchi, entrambi di Studio Lumina": the pair's company
        draft.company = draft.company or _group_company(_sentence_at(text, mention))
        draft.title = draft.title or _title_line_above(text, mention)
        draft.company = draft.company or company_above(
            text, mention.start, [m.start for m in people if m.start != mention.start])
        draft.company = draft.company or _company_line_below(text, mention, draft.title)
        _add_promise_to_them(draft, text, mention, end)
        if not strong_only or draft.emails or draft.phones:
            drafts.append(draft)
    merged = merge_drafts(drafts)
    _share_preamble(preamble, merged, single=len({m.name for m in people}) == 1)
    for draft in merged:  # "I should talk to Hussain": with the name out, nothing promised
        draft.promises = [p for p in draft.promises if not is_bare_errand(p)]
        if draft.name:  # "Wilhelmina (Billie) Carrow": the name without the one she goes by
            draft.name = _NICKNAME_INSIDE.sub(" ", draft.name)
    return merged


# "Celine Mohammed-Ward, export sales manager at the same outfit", "Armen, finance manager at
# the same company": the company of the person named before.
# ("Rəşad Hüseynli, production manager, same company, ...": the title, then a comma)
# ("Clarisse Zerbo, chargée de projets dans la même boîte": French, Spanish, Portuguese, Italian,
# German)
_SAME_PLACE = re.compile(
    r"[ \t]*,[ \t]*(?P<title>[^,.;()\n@]{2,60}?)(?:(?:[ \t]+(?:at|with|from|of|in)[ \t]+the|"
    r"[ \t]*,(?:[ \t]+the)?)[ \t]+"
    r"same[ \t]+(?:company|outfit|firm|place|organi[sz]ation|shop|business|employer|team|group)\b|"
    r"[ \t]+(?:dans|chez|de) la même (?:boîte|société|entreprise|structure|maison)\b|"
    r"[ \t]+(?:en|de) la misma (?:empresa|compañía|firma)\b|[ \t]+(?:na|da) mesma empresa\b|"
    r"[ \t]+(?:nella|della) stessa (?:azienda|società|ditta)\b|"
    r"[ \t]+(?:in|bei) der(?:selben| gleichen) Firma\b)")
# "Both want a US distributor.", "They both need ...": a sentence about the two just named.
_BOTH = re.compile(r"(?:(?<=[.!?][ \t])|(?<=\n))(?:They[ \t]+both|Both(?:[ \t]+of[ \t]+them)?)\b"
                   r"[^.!?\n]*[.!?]?")


def _said_before(context: str, text: str, mention: Mention) -> bool:
    """Whether a context is only words of its sentence before the person's name ("Also met her
    practice manager" of "Also met her practice manager, Roger Nandlal, ..."): no occasion."""
    start, _ = _sentence_span(text, mention)
    before = set(re.findall(r"\w+", text[start:mention.start].casefold()))
    return set(re.findall(r"\w+", context.casefold())) <= before


_NICKNAME_INSIDE = re.compile(r"[ \t]+[(（\"“][" + UPPER + r"][" + LOWER + r"'’-]+[)）\"”][ \t]+")


def _company_line_below(text: str, mention: Mention, title: str | None) -> str | None:
    """ "Dr Priyanka Oduya-Whitlock, Head of Sustainability" over "Kirkstall Yard Developments
    Ltd": on a card whose name line holds the title too, the line below, a company's name and its
    legal form, is the company."""
    line_end = text.find("\n", mention.end)
    if not title or line_end < 0 or not text[mention.end:line_end].rstrip().endswith(title):
        return None
    next_end = text.find("\n", line_end + 1)
    below = text[line_end + 1:next_end if next_end >= 0 else len(text)].strip()
    return below if below and is_company_line(below) else None


# "His co-founder Leen", "her colleague Tom", "their business partner Ana": the partner of the
# person named before.
_THEIR_PARTNER = re.compile(
    r"(?i)\b(?:his|her|their|sein(?:e[mnrs]?)?|ihr(?:e[mnrs]?)?|son|sa|su|sus)\s+"
    r"(?:co-?founder|cofounder|colleague|co-?worker|business partner|mitgründer(?:in)?|"
    r"kollege|kollegin|associée?|cofondat(?:eur|rice)|collègue|soci[oa]|cofundador(?:a)?|"
    r"colega|"
    # "her practice manager, Roger Nandlal", "his finance director Ama Boateng": a title
    r"(?P<role>(?-i:[" + LOWER + r"])[" + LOWER + r" -]{2,40}?))\s*,?\s*$")
# "Blessing Zvobgo, her practice manager, blessing@...": the partner's role after the name.
_THEIR_ROLE_AFTER = re.compile(
    r"[ \t]*,[ \t]*(?i:his|her|their)[ \t]+(?P<role>[" + LOWER + r"][" + LOWER + r" -]{2,40}?)"
    r"[ \t]*(?=,|\(|$)", re.MULTILINE)
_THERE_TOO = re.compile(r"(?i)\b(?:was|were) there (?:too|as well)\b|\bwar (?:auch )?dabei\b|"
                        r"\bétait là aussi\b|\b(?:estaba|estuvo) también\b")


# "Also met ...", "also swapped cards with ...", "Auch getroffen: ...", "J'ai aussi rencontré ...":
# met at the occasion of the person before.
_ALSO_MET = re.compile(
    r"(?i)\b(?:also|auch|aussi|également|también|anche|também|ook)\b[^.;!?\n]{0,30}?\b(?:met|"
    r"swapped cards|chatted|spoke|talked|getroffen|kennengelernt|rencontr[ée]e?s?|conocí|conheci|"
    r"conosciut[oa]|ontmoet|gesproken)\b|\b(?:met|getroffen|rencontr[ée]e?s?|conocí|conheci|"
    r"ontmoet)\b[^.;!?\n]{0,40}?\b(?:too|as well|auch|aussi|también|também|ook)\b")


# A capitalised word of a people or a region ("Latvian", "Nordic", "Japanese", "Flemish",
# "Baltic", "Swiss") before a plural noun in lower case ("banks", "insurers") is an adjective.
# Given names end so too ("Brian", "Julian"): a verb after them ("Brian leads") is no plural.
_PEOPLE_OF = re.compile(r"(?:[" + UPPER + r"][" + LOWER + r"]+(?:an|ese|ish|ic|ch|ss|i))$")
_LOWER_PLURAL = re.compile(
    r"[ \t]+(?!(?:says|wants|needs|runs|leads|works|has|was|is|does|likes|loves|knows|thinks|"
    r"seems|looks|sells|makes|takes|gives|helps|offers|plans|asks|hopes|lives|goes|manages|"
    r"owns|heads|handles|covers|joins|sits|keeps|gets|sends|promised|also)\b)"
    r"[" + LOWER + r"]{3,}s\b")


# Letters after a name on a card's name line ("ISABELLE GAGNON-ST-PIERRE, ING.", "Marc Roy,
# CPA", "Harjit Sandhu, P.Eng."): a degree or an order, neither the name nor the title. They are
# blanked in place, so that every position in the text stays where it was.
_POST_NOMINAL_LINE = re.compile(
    r"(?m)^(?P<name>[ \t]*[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){1,3})"
    r"(?P<letters>(?:,[ \t]*(?:ING|Ing|ing|P\.[ ]?ENG|P\.[ ]?Eng|CPA|CFA|PHD|PhD|Ph\.D|MBA|"
    r"CRHA|CRIA|FCPA|Adm\.A|Esq|MSc|M\.Sc|LL\.B|LL\.M|"
    # a fellowship of an academy or institute: "FGA", "FAAS", "FRSC", "FIEEE" (two letters
    # or more after the F: "FD" is a finance director)
    r"(?-i:F[A-Z]{2,4}))\.?)+)[ \t]*$")


# A doctor's degrees after the name: "Dr. Marisol Everhart-Quinones, MD" (without "Dr.", "MD" on a
# British card is the managing director).
_DOCTOR_POST_NOMINAL_LINE = re.compile(
    r"(?m)^(?P<name>[ \t]*(?:Dr\.?|Doctor|Dra\.?)[ \t]+[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*)"
    r"{0,3})(?P<letters>(?:,[ \t]*(?:MD|M\.D|DO|D\.O|DDS|DMD|DVM|PharmD|MPH|DrPH|FACS|FACP|"
    r"FRCP|FRCS|MBBS|MBChB|PhD|Ph\.D)\.?)+)[ \t]*$")


def _without_post_nominals(text: str) -> str:
    if "," not in text:
        return text
    for pattern in (_POST_NOMINAL_LINE, _DOCTOR_POST_NOMINAL_LINE):
        text = pattern.sub(
            lambda m: m.group("name") + " " * len(m.group("letters")) + m.group()[
                m.end("letters") - m.start():],
            text)
    return text


def _title_line_above(text: str, mention: Mention) -> str | None:
    """A card's title typed on the line above the name ("Managing Director\nHenrietta ...")."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if line_start < 2 or text[line_start:mention.start].strip(" \t-*•>"):
        return None
    above = text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1].strip(" \t-*•>")
    if (not above or len(above.split()) > 5 or not above[:1].isupper()
            or not is_title_phrase(above, loose=True) or opens_with_fact(above)):
        return None
    return above


# The owner's promise naming its receiver first: "I promised Nadia our pricing sheet".
_PROMISED_TO = re.compile(
    r"(?i)\b(?:I|we)(?: (?:promised|owe|will send|said (?:I|we)'?d send)|['’]ll send)\s+$|"
    # "Promised Sarah our list of ...": the owner's note leaves out the "I"
    r"^\s*(?:promised|owe)\s+$|"
    r"\b(?:ich habe|hab) \s*$|\bj'ai promis à\s+$|\b(?:le )?prometí a\s+$|\bprometi (?:à|ao|a)\s+$|"
    r"\bho promesso a\s+$|\bheb (?:ik )?beloofd aan\s+$")


_ERRAND_VERB = re.compile(r"(?i)^(?:send|email|forward|mail)\s+(?=\S)")
_TO_WHOM = re.compile(r"(?i)^(?:ao|à|a|al|an|to|aan)\s+(?=\S)")
_ERRAND_AFTER = re.compile(r"(?i)^\s*(?:de\s+|di\s+|to\s+)?(?:enviar|mandar|envoyer|inviare|"
                           r"mandare|send|schicken|sturen)(?:-lhe|le)?\s+(?=\S)")


def _add_promise_to_them(draft: ContactDraft, text: str, mention: Mention, end: int) -> None:
    start, _ = _sentence_span(text, mention)
    lead = text[start:mention.start]
    if _PROMISED_TO.search(lead):
        sentence = lead + text[mention.start:end]
        named = text[mention.start:mention.end]
        # "(I'll) send Phúc our grant calendar": the errand's verb and whom it goes to
        # "(Prometi) ao Abdul enviar o nosso guia": whom it goes to, then the errand's verb
        own = [_ERRAND_AFTER.sub("", _ERRAND_VERB.sub("", _TO_WHOM.sub("", p))
                                 .removeprefix(named)).strip(" ,")
               for p in read_context(sentence).promises]
        draft.promises += [p for p in own if p and p not in draft.promises]


def _heads_company_line(text: str, name: str) -> bool:
    """ "MAYA RIVERSTONE" read at the head of "MAYA RIVERSTONE LODGE LTD.": a company's line."""
    key = name.lower()
    return any(is_company_line(line.strip()) for line in text.splitlines()
               if line.strip().lower().startswith(key) and line.strip().lower() != key)


def card_names(text: str, region: str) -> list[str]:
    """Names as the block labeller reads them at the head of a card-like line: a line that is
    a one-line card ("Marcus Bell - Head of Product, Tiller Finance - marcus@..."), or a name
    line followed by a card's title, company, phone or address lines ("DR. EMILY CHEN")."""
    read = line_names(text, region)
    names = [n for n in _capitals_name_lines(text) if n not in read
             and not _heads_company_line(text, n)]
    names += [n for n in _patronymic_name_lines(text) if n not in read and n not in names]
    # "박서연 (Seoyeon Park)": a name in a script without case, and in brackets the name the
    # person uses in Latin letters, which is the name they are written to by
    names += [m.group("latin") or m.group("slashed") or m.group("spaced")
              for m in _SCRIPT_THEN_LATIN_NAME.finditer(text)]
    for name in read:
        # "Zhang Wei (张伟)", "Yuki Tanaka (田中由紀)": the name in another script in brackets
        # after it is no part of the name as written first
        # (or its bracket read without the closing one: "Grace Oh (오은혜")
        name = _without_prefix(re.sub(r"[ \t]*[(（][^()（）]*[)）]?[ \t]*$", "", name))
        # "Montserrat Vilaseca i Puig": a surname joined by "i"/"y"/"e" up to the line's end
        joined = _joined_at_line_end(text, name)
        name = name + joined.group("rest") if joined else name
        at = text.find(name)
        patronymic = _PATRONYMIC_AFTER.match(text, at + len(name)) if at >= 0 else None
        if patronymic:  # "Nur Aisyah" of "Nur Aisyah binte Kamarudin | CFO | ...": her father's
            name += patronymic.group()
        name = _whole_capitals_line(text, name)
        words = name.split()
        own = [w for w in words if w not in _LOWER_PARTICLES]  # "de la" count for no word
        if joined:
            own = [w for w in own if w not in {"e", "y", "i"}]
        # "Ventavas Granulas SIA" opening a card: the company's line, with its legal form (and
        # "LUANGWA HONEY" read at the head of "LUANGWA HONEY PRODUCERS Limited")
        if is_company_line(name) or _heads_company_line(text, name):
            continue
        if 2 <= len(own) <= 4 and not any(w.rstrip(".").capitalize() in STOP_WORDS
                                          # "HALIFAX OCEAN STARTUP SHOWCASE": an event's name
                                          or w.rstrip(".").capitalize() in NOT_PERSON_WORDS
                                          or ":" in w for w in _name_words(name)
                                          if w not in _LOWER_PARTICLES
                                          and not (joined and w in {"e", "y", "i"})):
            names.append(name)
    return names


# A Malay or Tamil patronymic after the given names: "binte Kamarudin", "bin Ismail", "a/l Muthu".
_PATRONYMIC_AFTER = re.compile(
    r"[ \t]+(?:bin|binti|binte|bte|a/l|a/p|s/o|d/o)[ \t]+[" + UPPER + r"][\w'’-]+(?![\w'’-])")


# A card's name line in capitals with a prefix the block labeller reads as a title, or orders
# after the name: "PROFESSOR NKECHI ABARA-WHITFIELD OBE", "DR. HUW PENRY MBE"; a degree written
# before the name, with its dot: "ENG. TAKUDZWA NDLOVU-MPOFU", "ING. ...", "ARQ. ..."
_CAPITALS_PREFIX = (r"(?:PROFESSOR|PROF\.?|DR\.?|ASSOC\.?|MR\.?|MRS\.?|MS\.?|SIR|DAME"
                    r"|ENG\.|ING\.|ARCH\.|ARQ\.|LIC\.|DIPL\.-ING\.)")
_CAPITALS_ORDER = r"(?:OBE|MBE|CBE|KBE|DBE|FRS|FRCP|FRCS|FRENG|FREng|PHD|PhD)"
_CAPITALS_NAME_LINE = re.compile(
    rf"(?m)^[ \t]*(?P<prefix>(?:{_CAPITALS_PREFIX}[ \t]+)*)"
    rf"(?P<name>[A-Z{_UPPER}][A-Z{_UPPER}'’-]+(?:[ \t]+[A-Z{_UPPER}][A-Z{_UPPER}'’-]+){{1,3}}?)"
    rf"(?P<orders>(?:,?[ \t]+{_CAPITALS_ORDER})*)[ \t]*$")


# (or after a slash: "Цветелина Гьорева / Tsvetelina Gyoreva")
_SCRIPT_THEN_LATIN_NAME = re.compile(
    r"(?m)^[ \t]*[^\x00-\u024F\s()（）/]+(?:[ \t]+[^\x00-\u024F\s()（）/]+){0,2}[ \t]*"
    r"(?:[(（](?P<latin>[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*){1,2})[)）]|"
    r"/[ \t]*(?P<slashed>[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*){1,2})|"
    # "何少萍 Stella Ho Sio Peng": a card's name line in both scripts, side by side
    r"[ \t]+(?P<spaced>[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*){1,3}))[ \t]*$")


def _without_script_beside_latin(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "박서연 (Seoyeon Park)": the name in a script without case gives way to the name in
    brackets after it, the one the person uses in Latin letters."""
    latin = {m.start for m in mentions if m.name and m.name.isascii()}
    kept = []
    for mention in mentions:
        bracket = re.match(r"[ \t]*[(（]", text[mention.end:mention.end + 4])
        if (bracket and mention.name and not re.search(r"[A-Za-z]", mention.name)
                and mention.end + bracket.end() in latin):
            continue
        if (mention.name and not re.search(r"[A-Za-z]", mention.name)
                and _latin_name_line_beside(text, mention, latin)):
            continue
        kept.append(mention)
    return kept


def _latin_name_line_beside(text: str, mention: Mention, latin: set[int]) -> bool:
    """ "Eng. Faisal Saad Al Ghamdi" over "م. فيصل سعد الغامدي", "Олена Мартинюк-Шевчук" over
    "Olena Martyniuk-Shevchuk, PhD": a card's name line written again in another script on the
    line above or below is the same person's name."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    if text[mention.end:line_end].strip(" \t,.") and not re.fullmatch(
            r"[ \t]*,?[ \t]*[^\W\d_][\w.]{0,8}[ \t]*", text[mention.end:line_end]):
        return False  # the name's line holds more than the name (and a degree after it)
    above_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1 if line_start else -1
    below_end = text.find("\n", line_end + 1) if line_end < len(text) else -1
    below_end = len(text) if below_end < 0 else below_end
    for start in latin:
        above = 0 <= above_start <= start < line_start - 1
        below = line_end < start < below_end
        if not (above or below):
            continue
        lead = text[text.rfind("\n", 0, start) + 1:start].split()
        if all(_HONORIFIC.match(w) or _DEGREE_BEFORE.match(w) for w in lead):
            return True
    return False


def _capitals_name_lines(text: str) -> list[str]:
    """Names of card lines in capitals set off by a prefix or orders, or by the card's address
    spelling the name, above a title's line."""
    names = []
    emails: list[tuple[int, str]] | None = None
    for match in _CAPITALS_NAME_LINE.finditer(text):
        words = match.group("name").split()
        below = text[match.end():].lstrip("\n").split("\n", 1)[0].strip()
        # ("HEAD: PROJECT FINANCE": a title's colon between the post and its field)
        titled = bool(below) and is_title_phrase(_TITLE_COLON.sub(" ", below).title(), loose=True)
        # ("HEAD OF OFFSHORE WIND, KERNOW TIDAL LTD": the title, then the company after a comma)
        titled = titled or ("," in below and is_title_phrase(below.split(",")[0].title(),
                                                             loose=True))
        set_off = bool(match.group("prefix") or match.group("orders"))
        if not set_off:
            # "GANZORIG TSEND-AYUSH" over "CHIEF PROCUREMENT OFFICER": a name line with no
            # prefix is set off by the card's own address further down, spelling its name; its
            # title may be typed above it ("HEAD OF EXPORTS" over "SIOBHAN NÍ BHRIAIN")
            emails = find_emails(text) if emails is None else emails
            set_off = _card_address_matches(text, match.start("name"), words, emails)
            above = text[:match.start()].rstrip("\n").rsplit("\n", 1)[-1].strip()
            titled = titled or (bool(above) and is_title_phrase(above.title(), loose=True))
        if (not set_off
                or any(is_title_word(w.capitalize()) or is_title_word(w) or is_legal_form(w)
                       or w.capitalize() in STOP_WORDS for w in words)
                or not titled):
            continue
        names.append(match.group("name"))
    return names


_TITLE_COLON = re.compile(r"(?<=\w):(?=[ \t]+\w)")


# A card line naming a person the East Slavic way, with the father's name: "Сергей Павлович
# Лукашук", "Лукашук Сергей Павлович", "Олена Петрівна Бондар"
_CYR_WORD = r"[А-ЯЁІЎЄЇҒӢҚӮҲҶ][а-яёіўєїғӣқӯҳҷ'’-]+"
_PATRONYMIC = (r"[А-ЯЁІЎЄЇҒӢҚӮҲҶ][а-яёіўєїғӣқӯҳҷ]+(?:ович|евич|євич|івна|ївна|овна|евна|ична|"
               r"инична|ьич|ич|іч)")
_PATRONYMIC_NAME_LINE = re.compile(
    rf"(?m)^[ \t]*(?P<name>{_CYR_WORD}[ ]{_PATRONYMIC}[ ]{_CYR_WORD}|"
    rf"{_CYR_WORD}[ ]{_CYR_WORD}[ ]{_PATRONYMIC})[ \t]*$")


def _patronymic_name_lines(text: str) -> list[str]:
    """Names of lines that hold a first name, a patronymic and a family name, above or below a
    title's line."""
    names = []
    for match in _PATRONYMIC_NAME_LINE.finditer(text):
        below = text[match.end():].lstrip("\n").split("\n", 1)[0].strip()
        above = text[:match.start()].rstrip("\n").rsplit("\n", 1)[-1].strip()
        if any(row and is_title_phrase(row, loose=True) for row in (below, above)):
            names.append(match.group("name"))
    return names


def _whole_capitals_line(text: str, name: str) -> str:
    """ "MADS FENGER" of a card's line "MADS FENGER DALSGAARD": a name line printed in capitals,
    read only in part, is the whole line when the rest is more words in capitals and none of
    them a title's, a legal form or a word of a sentence."""
    if not name.isupper():
        return name
    line = re.search(rf"(?m)^[ \t]*{re.escape(name)}(?P<rest>(?:[ \t]+[^\W\d_][\w'’-]*)+)[ \t]*$",
                     text)
    if line is None:
        return name
    rest = line.group("rest").split()
    if (not line.group("rest").isupper() or len(name.split()) + len(rest) > 4
            or any(is_title_word(w) or is_title_word(w.capitalize()) or is_legal_form(w)
                   or w.capitalize() in STOP_WORDS or is_title_filler(w.lower())
                   for w in rest)):
        return name
    return f"{name} {' '.join(rest)}"


def _without_prefix(name: str) -> str:
    """A name as the card prints it, without a professional prefix the labeller took in
    ("Eng.ª Inês Carvalhal")."""
    cleaned = clean_name(name)
    if cleaned and len(cleaned.split()) < len(name.split()) and name.endswith(cleaned):
        return cleaned
    return name


def _is_card_field(text: str, mention: Mention, region: str) -> bool:
    """A "name" that the block labeller reads as the company or title of a one-line card
    ("Marcus Bell - Head of Product, Tiller Finance - ..."): not a person."""
    if mention.name is None or mention.is_owner:
        return False
    start = text.rfind("\n", 0, mention.start) + 1
    end = text.find("\n", mention.end)
    block = read_block(text[start: end if end >= 0 else len(text)], region)
    if block.name is None:
        return _tagged_as_field(text, mention, region)
    if name_key(block.name) == name_key(mention.name):
        return False
    key = name_key(mention.name)
    # "Vini Sala" of "Vini Sala S.p.A.": the company's name without its legal form
    return any(field == key or field.startswith(key + " ")
               for field in (name_key(block.company or ""), name_key(block.title or "")) if field)


_FIELD_LABELS = {"TITLE", "COMPANY"}


def _tagged_as_field(text: str, mention: Mention, region: str) -> bool:
    """Whether the labeller, reading the mention's paragraph as a card, tags the mention's words
    as a title or company ("Director, Programs and Outreach": "Outreach" after "and"); only a
    mention inside its line is asked about."""
    start = max(text.rfind("\n\n", 0, mention.start) + 2, 0)
    end = text.find("\n\n", mention.end)
    paragraph = text[start: end if end >= 0 else len(text)]
    line = tokenize(text[text.rfind("\n", 0, mention.start) + 1: mention.end].strip().strip("*_>"))
    words = tokenize(mention.name or "")
    for tagged in tag_lines(paragraph, region):
        tokens = [token for token, _ in tagged]
        at = len(line) - len(words)
        if at < 0 or tokens[: len(line)] != line:
            continue
        labels = {label for _, label in tagged[at: len(line)]}
        if not any(token.isalpha() for token in line[:at]):
            # a name opening its line ("- Priya Desai (priya@...)") is a person, unless the
            # line is a company with its legal form ("Wiesmann Antriebstechnik GmbH")
            return labels == {"COMPANY"} and has_legal_form(" ".join(tokens))
        return bool(labels) and labels <= _FIELD_LABELS
    return False


def _sentence_at(text: str, mention: Mention) -> str:
    """The whole sentence holding the mention ("Met Jane Doe at the breakfast.")."""
    start, end = _sentence_span(text, mention)
    return text[start:end]


# A sentence's end after the name; "St. George's", "Dr. Ruiz": a title's or a saint's dot ends
# none (before the name, any dot starts the sentence: "... suggested I contact Dr. Ruth ...")
_NO_END_BEFORE = r"(?<!\bSt)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)(?<!\bSte)(?<!\bMt)"
_SPAN_END = re.compile(rf"{_NO_END_BEFORE}[.!?](?=\s|$)|\n")


def _sentence_span(text: str, mention: Mention) -> tuple[int, int]:
    # Look back a bounded distance: a sentence is short, and scanning the whole text before
    # every mention made a note naming thousands of people quadratic.
    window = max(0, mention.start - SENTENCE_LOOKBACK)
    starts = [m.end() for m in re.finditer(r"[.!?](?=\s)|\n", text[window: mention.start])]
    start = window + starts[-1] if starts else window
    end = _SPAN_END.search(text[mention.end:])
    return start, mention.end + (end.end() if end else len(text))


def _names_others(text: str, mention: Mention, people: list[Mention]) -> bool:
    """Whether the sentence naming this person names another person too."""
    start, end = _sentence_span(text, mention)
    return any(other is not mention and start <= other.start < end
               and (other.name is None or other.name != mention.name) for other in people)


def _own_words(passage: str, mention: Mention) -> str:
    """The passage's sentences that are surely about this person, when the sentence naming
    them names someone else too: that sentence, and later ones naming them again. "Met Mark and
    Jo. He is looking for a seed lead": "he" could be either, so it is neither's fact."""
    parts = sentences(passage)
    first = mention.name.split()[0] if mention.name else None
    again = [s for s in parts[1:] if first and any(unattached(s, first))]
    return " ".join(parts[:1] + again)


# "Two from Halden Robotics at ...", "Zwei von Lumatec", "Deux de chez Onde Verte", "Los dos
# de Frutas Sur", "Due di Vini Labs", "Twee van Brouwerij Kees": the people listed after it
# share that company.
_GROUP_FROM = re.compile(
    r"(?i)\b(?:two|three|four|both|all|zwei|drei|vier|beide|deux|trois|quatre|les deux|dos|tres|"
    r"cuatro|los dos|las dos|due|tre|quattro|entrambi|dois|duas|três|quatro|os dois|as duas|twee|"
    r"drie|vier|allebei|people|folks|leute|personnes|personas|persone|pessoas|mensen)"
    r"\s+(?:(?:people|folks|leute|personnes|personas|persone|pessoas|mensen)\s+)?"
    r"(?:from|of|at|von|bei|de chez|chez|de|di|da|do|van|bij)\s+")


def _group_company(preamble: str) -> str | None:
    match = _GROUP_FROM.search(preamble)
    found = COMPANY_RE.match(preamble, match.end()) if match else None
    company = clean_company(found.group()) if found else None
    return company if company and not is_title_phrase(company, loose=True) else None


def _share_preamble(preamble: str, drafts: list[ContactDraft], single: bool) -> None:
    facts = read_context(preamble)
    not_met = tells_not_met(preamble)
    company = None if single else _group_company(preamble)
    occasion = card_occasion(preamble)
    named = heading_occasion(preamble)
    if facts.context and named and facts.context.startswith(f"{named},"):
        # "Dublin medtech breakfast, two to follow up:": the event, not what the heading adds
        facts = replace(facts, context=named)
    named = None if facts.context else named
    for draft in drafts:
        draft.context = draft.context or named
        draft.company = draft.company or company
        draft.context = occasion or draft.context
        draft.met = draft.met and not not_met
        if single:
            draft.add_facts(facts)
        elif draft.context is None and len((facts.context or "").split()) > 1:
            draft.context = facts.context  # a bare "Met" before the first name tells no occasion


_SURNAME_ADDRESS = ("Frau", "Herr", "Herrn", "Mme", "Madame", "Monsieur", "Mr", "Mr.", "Mrs",
                    "Mrs.", "Ms", "Ms.")


_SHARED_FIRST_NAME = re.compile(
    r"^(?:Mohamed|Mohammed|Mohamad|Mohammad|Muhammad|Muhammed|Mohd\.?|Md\.?|Syed|Sayed|"
    r"Siti|Nur|Nurul)$")


def _known_mentions(text: str, known: tuple[str, ...]) -> list[Mention]:
    found: list[Mention] = []
    # Longest first, so "Jane Doe" claims her text before "Jane"; equal lengths keep the
    # headers' order (a set here made the order, and so the output, depend on the hash seed).
    for name in sorted(dict.fromkeys(k for k in known if k), key=len, reverse=True):
        forms = [name, name.split()[0]]
        # "Bae Sung-ho" called "Sung-ho": a Korean given name, hyphenated in lower case after
        # the family name
        if len(name.split()) == 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", name.split()[1]):
            forms.append(name.split()[1])
        # "Mohamed Ishan Cassim" called "Ishan", "Siti Nurhaliza Rahman" called "Nurhaliza": a
        # first given name most bearers share, the person called by the next one
        if len(name.split()) >= 3 and _SHARED_FIRST_NAME.match(name.split()[0]):
            forms.append(name.split()[1])
        # "Chea Visal" called "Visal": a name written family name first (Khmer, Vietnamese,
        # Hungarian), the text calling the person by the other word only, which no other
        # known person's name holds
        words = name.split()
        if (len(words) == 2 and len(words[1]) > 2 and not re.search(
                rf"(?<![\w-]){re.escape(words[0])}(?![\w-])", text)
                and not any(words[1] in other.split() for other in known if other != name)):
            forms.append(words[1])
        # "Frau Wehmeyer ist ...", "Herr Arnsberger", "Mme Diallo": the surname after a form of
        # address names the person the headers give in full
        if len(name.split()) >= 2 and name.split()[-1][:1].isupper():
            forms += [f"{h} {name.split()[-1]}" for h in _SURNAME_ADDRESS]
        for form in dict.fromkeys(forms):
            if form not in text:  # skip building a pattern that cannot match
                continue
            for start, end in unattached(text, form, before="@.", after="@"):
                if not any(m.start <= start < m.end for m in found):
                    given = given_name_after(name, text[end:end + 20]) if form == name else None
                    if given:  # "Kelvin Lam" of the To line is "Kelvin Lam Ka Chon" here
                        end = text.index(given, end) + len(given)
                    full = f"{name} {given}" if given else name
                    found.append(Mention(start, end, ordinary_case(full)))
    return found


_ADDRESS_THEN_NAME = re.compile(r"^[\w.+'-]+@[\w.-]+[ \t]*(?:[-–—|·,:;/][ \t]*)?$")


def _address_first(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "noor.haddad@cedarloop.io - Noor Haddad - COO, Cedarloop": an address written before
    the name on its line is that person's, not a nameless one's."""
    out: list[Mention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if (last is not None and last.name is None and not last.is_owner and mention.name
                and not mention.is_owner
                and _ADDRESS_THEN_NAME.match(text[last.start:mention.start])):
            out[-1] = Mention(last.start, mention.end, mention.name)
            continue
        out.append(mention)
    return out


def _coalesce(mentions: list[Mention]) -> list[Mention]:
    """A repeated mention of the person whose passage is running does not cut a sentence."""
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.name and kept[-1].name == mention.name:
            continue
        kept.append(mention)
    return kept


def _mentions(text: str, owner: OwnerIdentity, emails: list[tuple[int, str]],
              taken: list[Mention]) -> list[Mention]:
    found: list[Mention] = []
    named: list[Mention] = []  # people named so far, in text order, with the name as written
    # names read already (the headers', a card's): a lone given name later may stand for one
    read = [m for m in taken if m.name and not m.is_owner]
    for match in NAME_RE.finditer(text):
        start, name = _strip_stop_words(match.start(), match.group())
        name = _without_family_firm(name)
        if not name or any(m.start <= start < m.end for m in taken):
            continue
        if found and found[-1].start < start < found[-1].end:
            continue  # the joined surname of the name before it ("Sousa e Meneses")
        if (" " not in name and text[start + len(name):start + len(name) + 1] == "."
                and (_HONORIFIC.match(name) or _DEGREE_BEFORE.match(name))):
            continue  # "Eng. Yonas Alemayehu Bekele": the engineer's prefix is nobody
        if " " not in name and _PEOPLE_OF.match(name) and _LOWER_PLURAL.match(text,
                                                                          start + len(name)):
            continue  # "pilots with Latvian banks", "Nordic insurers": who they are, not a name
        name = _joined_surname(text, start, name, emails)
        if (start and text[start - 1] in "'’"
                and _ELIDED_ARTICLE.search(text, max(0, start - 8), start)):
            continue  # "dell'Agriturismo Ca' Venturi", "l'Atelier Pixel": a named thing
        if start and text[start - 1] in "&-/+@.'’_":
            # the rest of a word is no name's start: "Maison&Objet", "IHK-Neujahrsempfang Tobias"
            rest = name.find(" ")
            if rest < 0:
                continue
            start, name = _strip_stop_words(start + rest + 1, name[rest + 1:])
            if not name:
                continue
        if is_owner_name(name, owner) or name_key(name) in _owner_parts(owner):
            found.append(Mention(start, start + len(name), None, is_owner=True))
        elif _named_after(text, start, name, named + [m for m in taken if m.start < start]):
            continue  # "Nuria Prats – diseñadora, Ceràmica Prats – ...": her company
        elif _is_person(text, start, start + len(name), name, emails):
            full = _named_before(name, start, _by_position(named + read) if read else named) or name
            cleaned = clean_name(full)
            found.append(Mention(start, start + len(name),
                                 ordinary_case(cleaned) if cleaned else cleaned))
            named.append(Mention(start, start + len(name), full))
    return found + _repeat_mentions(text, _by_position(named + read), found + taken)


def _by_position(mentions: list[Mention]) -> list[Mention]:
    return sorted(mentions, key=lambda m: m.start)


_FIRM_PARTICLES = {"von", "van", "de", "da", "di", "del", "della", "du", "do", "dos"}


def _without_family_firm(name: str) -> str:
    """ "Jens Hartmann von Hartmann Logistik", "Pieter de Vries van De Vries Installatietechniek":
    a particle followed by the person's own surname again opens their family-named firm."""
    words = name.split()
    for index in range(2, len(words) - 1):
        if (words[index].lower() in _FIRM_PARTICLES
                and words[index + 1].lower() in {w.lower() for w in words[1:index]}):
            return " ".join(words[:index])
    return name


# Portuguese and Spanish double surnames joined by "e"/"y": "Duarte Sousa e Meneses", "José
# Ortega y Gasset". The conjunction also joins two people ("Ana Costa e Rui"), so the joined
# surname counts only when the person's own address holds it with the first name.
_JOINED_SURNAME = re.compile(rf"[ \t]+(?:e|y|i)[ \t]+(?P<last>{_TOKEN})(?![ \t]+[A-Z{_UPPER}])")
_JOINED_AT_LINE_END = re.compile(rf"(?m)(?P<rest>{_JOINED_SURNAME.pattern})[ \t]*$")


def _joined_at_line_end(text: str, name: str) -> re.Match[str] | None:
    """``re.search(rf"(?m){re.escape(name)}(?P<rest>{_JOINED_SURNAME.pattern})[ \t]*$", text)``
    without compiling a pattern for each name: the first place ``name`` is written that a
    joined surname follows up to the line's end."""
    at = text.find(name)
    while at >= 0:
        match = _JOINED_AT_LINE_END.match(text, at + len(name))
        if match is not None:
            return match
        at = text.find(name, at + 1)
    return None


def _joined_surname(text: str, start: int, name: str, emails: list[tuple[int, str]]) -> str:
    words = name.split()
    match = _JOINED_SURNAME.match(text, start + len(name))
    if match is None or len(words) < 2:
        return name
    first, last = name_key(words[0]), name_key(match.group("last"))
    # "Dña. Montserrat Vilaseca i Puig" alone on a card's line: the line is the name
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", match.end())
    before = text[line_start:start].split()
    if (not text[match.end():len(text) if line_end < 0 else line_end].strip()
            and (not before or (len(before) == 1 and before[0].endswith(".")))
            and len(words) >= 2):
        return text[start:match.end()]
    for _, address in emails:
        local = name_key(address.split("@")[0].replace(".", " ").replace("_", " ")).split()
        if last in local and (first in local or local[0][:1] == first[:1]):
            return text[start:match.end()]
    return name


# An article elided before a noun: "dell'", "dall'", "nell'", "all'", "sull'", "l'", "de l'".
_ELIDED_ARTICLE = re.compile(r"(?i)(?<!\w)(?:l|dell|dall|nell|all|sull|coll|dell|quell)['’]$")


_KIN_BEFORE = re.compile(
    r"(?i)\b(?:his|her|their)[ \t]+(?:\w+[ \t]+)?(?:nephew|niece|son|daughter|brother|sister|wife|"
    r"husband|cousin|father|mother|uncle|aunt)[ \t]+$")


def _named_after(text: str, start: int, name: str, named: list[Mention]) -> bool:
    """A company named after the person just named on its line: it ends in their surname and
    opens with no given name ("Ceràmica Prats" after "Nuria Prats", "Fenwick Roofing")."""
    from assistant.parsing.labeller.features import is_given_name

    words = name.split()
    line_start = text.rfind("\n", 0, start) + 1
    same_line = [m for m in named if m.start >= line_start and m.name and " " in m.name]
    if len(words) < 2 or not same_line or _KIN_BEFORE.search(text, max(0, start - 40), start):
        return False  # ("His nephew Tevita Koroi": a relative shares the surname)
    surnames = {m.name.split()[-1] for m in same_line if m.name}
    # "Ceràmica Prats"; or the surname first, then no given name: "Greco Legno" after "Paolo
    # Greco", "Aydın Tech" after "Mehmet Aydın"
    return ((words[-1] in surnames and not is_given_name(words[0]))
            or (words[0] in surnames and not is_given_name(words[-1])))


def _named_before(first: str, position: int, named: list[Mention]) -> str | None:
    """The full name a lone first name stands for: the latest person named so with it before
    ``position`` ("Peter Haddad ... Peter Chen. Peter is hiring": Peter Chen), else the first
    one named after it."""
    same = [m for m in named if m.name and " " in m.name
            and (m.name.split()[0] == first or called_by(m.name) == first)]
    before = [m for m in same if m.start < position]
    chosen = before[-1] if before else (same[0] if same else None)
    return chosen.name if chosen else None


def _owner_parts(owner: OwnerIdentity) -> set[str]:
    key = name_key(owner.name) if owner.name else ""
    return {key, key.split(" ")[0]} if key else set()


def _repeat_mentions(text: str, named: list[Mention], found: list[Mention]) -> list[Mention]:
    """Later mentions of a first name ("Jane also wants...") hand the text back to Jane.

    When two people share the first name, each later mention goes to the one named last before
    it: the text is walked in order, so the result never depends on set or hash order.
    """
    taken = {m.start for m in found}
    extra = []
    # "Phúc" after "Đặng Văn Phúc": the name a person is called by, first or last
    firsts = dict.fromkeys(called_by(m.name) or m.name.split()[0] for m in named if m.name)
    for first in firsts:
        for start, end in whole_words(text, first):
            inside = any(m.start <= start < m.end for m in found)
            full = _named_before(first, start, named) or first
            if not inside and start not in taken:
                extra.append(Mention(start, end, clean_name(full)))
                taken.add(start)
    return extra


_NON_SPACE_RUN = re.compile(r"\S+")


# Given names and surnames that are also stop words: "Jan Becker" (not January), "Omar Said"
# (not the verb): a name's part where a name has them, before or after another name's word.
_FIRST_NAME_STOPS = {"Jan"}
_SURNAME_STOPS = {"Said"}
# "Terence Ong Jun Hao", "Lim May Ling": a month's or a day's short form between two words of a
# name is a given name's syllable there ("Phạm Thu Hương": a Vietnamese middle name)
_MIDDLE_NAME_STOPS = {"Jun", "May", "Jan", "Sun", "Thu", "Said"}  # "Hamisi Said Mbwana"


def _name_part(words: list[str], index: int) -> bool:
    word, others = words[index], [w for i, w in enumerate(words) if i != index]
    if not others or any(w in STOP_WORDS or not w[:1].isupper() for w in others[:1]):
        return False
    if index == 0 and word in _FIRST_NAME_STOPS:
        return others[0] not in STOP_WORDS and others[0][:1].isupper()
    if 0 < index < len(words) - 1 and word in _MIDDLE_NAME_STOPS:
        return all(w not in STOP_WORDS and w[:1].isupper()
                   for w in (words[index - 1], words[index + 1]))
    return index == len(words) - 1 and word in _SURNAME_STOPS and len(words) >= 2


def _strip_stop_words(start: int, name: str) -> tuple[int, str]:
    tokens = [(m.start(), m.group()) for m in _NON_SPACE_RUN.finditer(name)]
    # A name never starts with a particle: "Auf der Logimat" is a place, not "der Logimat".
    while tokens and (tokens[0][1] in STOP_WORDS or tokens[0][1].islower()):
        if _name_part([t for _, t in tokens], 0):
            break
        tokens.pop(0)
    # "Francesca Dell'Orto al Salone del Mobile": a particle before an event or a company's
    # word is the sentence's preposition; the name ends before it.
    for index in range(1, len(tokens) - 1):
        if (tokens[index][1] in _LOWER_PARTICLES and index >= 2
                and (tokens[index + 1][1] in NOT_PERSON_WORDS
                     # "Luca Ferraro al Vinitaly": after a whole name, Italian and Spanish "al"
                     # is the preposition ("Khalid al Mansour" keeps it)
                     or (tokens[index][1] == "al"
                         and tokens[index - 1][1] not in _LOWER_PARTICLES))):
            tokens = tokens[:index]
            break
    while tokens and (tokens[-1][1] in STOP_WORDS or tokens[-1][1] in _TRAILING_PARTICLES):
        if _name_part([t for _, t in tokens], len(tokens) - 1):
            break
        tokens.pop()
    if not tokens:
        return start, ""
    first, (last_offset, last) = tokens[0][0], tokens[-1]
    return start + first, name[first:last_offset + len(last)]


_TRAILING_PARTICLES = frozenset({"de", "von", "van", "la", "le", "del"})


# A particle written with a capital after a lower-case one is part of a surname: "Hélène de La
# Rochefoucauld", "Joost van De Berg", "María de Los Ángeles", "Fatima Zahra El Idrissi".
_CAPITAL_PARTICLES = {"La", "Le", "Los", "Las", "Lo", "Der", "Den", "De", "Del", "Van", "Von",
                      "Da", "Di", "Du", "Des", "Dos", "Das", "El", "Al"}
_LOWER_PARTICLES = {"de", "van", "von", "da", "di", "du", "del", "della", "dos", "das", "der",
                    "den", "ter", "bin", "al", "el", "la", "las", "los", "le", "ibn", "bint",
                    "binti",
                    "'t", "’t", "degli", "dei", "dalla", "dal", "delle", "dello"}


def _name_words(name: str) -> list[str]:
    """The words of a name that must each be a name's word: a capitalised particle after a
    lower-case one is the surname's and is not asked to be one."""
    words = name.split()
    # "Yannick Le Goff", "Jan De Vries": a capitalised particle inside a name is its surname's
    return [w for i, w in enumerate(words)
            if not (i and w in _CAPITAL_PARTICLES
                    and (words[i - 1] in _LOWER_PARTICLES or i < len(words) - 1))]


# The owner's own people, named without an address of their own: "My colleague Tom Alvarez was
# there too", "mit meiner Kollegin Jana", "mon associé Paul", "il mio socio Carlo".
_OWNERS_OWN = re.compile(
    r"(?i)\b(?:my|our|mein(?:e[mnrs]?)?|unser(?:e[mnrs]?)?|ma|mon|mes|notre|nos|mi|mis|"
    r"nuestr[oa]s?|il mio|la mia|i miei|le mie|o meu|a minha|os meus|mijn|onze)\s+"
    r"(?:\w+\s+)?(?:colleague|co-?worker|co-?founder|cofounder|business partner|partner|boss|"
    r"manager|assistant|wife|husband|brother|sister|son|daughter|intern|team ?mate|"
    r"kollege|kollegin|mitgründer(?:in)?|chef(?:in)?|geschäftspartner(?:in)?|frau|mann|"
    r"collègue|associée?|cofondat(?:eur|rice)|femme|mari|colega|soci[oa]|compañer[oa]|"
    r"collega|compagn[oa]|sócio|sócia|collega|zakenpartner|compagnon|vrouw|man)\s*$")


def _in_role_brackets(text: str, start: int) -> bool:
    """Inside a bracket that opens with a title: "Sofia Reyes (CEO, Alturas Pay, sofia@...)"
    names her company there, not another person."""
    opened = text.rfind("(", max(0, start - 80), start)
    if opened < 0 or ")" in text[opened:start]:
        return False
    first = text[opened + 1:start].split(",")[0].strip()
    return "," in text[opened + 1:start] and is_title_phrase(first, loose=True)


# (the field the title heads may follow it in brackets: "Manager (Quality Assurance), ...")
_LISTED_TITLE_BEFORE = re.compile(
    r"[:,;–—]\s*(?P<title>[^\n,:;()]{2,60}?)(?:\s*\([^\n,:;()@\d]{2,40}\))?\s*,\s*$")


def _after_listed_title(text: str, start: int, name: str) -> bool:
    """ "...: caviste, Cave du Marais (mathis@...)": a name right after a listed title is the
    company the title is held at, unless it opens with a given name."""
    from assistant.parsing.labeller.features import is_given_name

    before = max(0, start - 70)
    # (the comma the pattern ends in is the cheap test: most names have none before them)
    match = (_LISTED_TITLE_BEFORE.search(text, before, start)
             if text[before:start].rstrip().endswith(",") else None)
    # "Director of Strategic Partnerships, Bluebonnet Microgrids": a listed title is one field
    # of its own, read loosely (words around the title word need not be known title words)
    return bool(match and (is_title_phrase(match.group("title").strip(), loose=True)
                           or title_and_field(match.group("title")))
                and not is_given_name(name.split()[0]))


# "à Batna et ", "in Leeds and ": a place after its preposition, then the "and" joining the next
_PLACE_JOINED_BEFORE = re.compile(
    r"(?:^|[ \t])(?:à|in|en|to|nach|em|au|between|entre|tra|fra)[ \t]+(?-i:[" + UPPER
    + r"][\w'’-]+)[ \t]+(?:and|et|y|e|und|&|i|en)[ \t]+$")


# "| Directora de Finanzas y Administración |", "Manager for Agriculture and Livelihoods,": a
# title's field, then "and" and the word naming its second field
_TITLE_AND_BEFORE = re.compile(
    r"(?:^|[,;:|·\n]|[ \t][-–—][ \t])[ \t]*(?P<title>[^,;:|·\n]{3,80}?)(?:[ \t]+|[ \t]*\n)"
    r"(?:and|&|y|e|et|und|a|i|en)[ \t]+$")


_AND_WORDS = ("and", "&", "y", "e", "et", "und", "a", "i", "en")


def _ends_in_and(text: str) -> bool:
    """What ``_TITLE_AND_BEFORE`` needs at the end of ``text``: one of its words of "and", then
    spaces or tabs (and a newline last, where its "$" matches too); the cheap test first."""
    text = text[:-1] if text.endswith("\n") else text
    return text[-1:] in (" ", "\t") and text.rstrip(" \t").endswith(_AND_WORDS)


def _joined_to_a_title(text: str, start: int, name: str) -> bool:
    """Whether capitalized words are the second field of the title before its "and"
    ("Directora de Finanzas y Administración", "Jefe de Operaciones Portuarias" / "y Cadena
    de Frío"): a title ends there, no one is named."""
    from assistant.parsing.labeller.features import is_given_name

    before = max(0, start - 90)
    match = (_TITLE_AND_BEFORE.search(text, before, start)
             if _ends_in_and(text[before:start]) else None)
    if match is None or is_given_name(name.split()[0]):
        return False
    title = match.group("title").strip()
    return len(title.split()) >= 2 and is_title_phrase(title, loose=True)


def _in_event_heading(text: str, start: int) -> bool:
    """The words stand in a heading that names an event ("Card from the Expo Café y Cacao de
    Cobán:", "Salone del Mobile 2026:"), on a line of its own ending in a colon."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if not line.rstrip().endswith(":"):
        return False
    return bool(card_occasion(line) or heading_occasion(line))


def _is_person(text: str, start: int, end: int, name: str, emails: list[tuple[int, str]]) -> bool:
    words = name.split()
    if len(words) == 1 and opens_with_fact(text[start:start + 80]):
        return False  # "Interested in licensing deals.": a fact about someone, no one's name
    if (_OWNERS_OWN.search(text[max(0, start - 40):start])
            and not _OWN_ADDRESS_AFTER.match(text[end:end + 60])):
        return False
    if _in_role_brackets(text, start) or _after_listed_title(text, start, name):
        return False
    if _joined_to_a_title(text, start, name):
        return False
    if (len(words) == 1 and _PLACE_JOINED_BEFORE.search(text, max(0, start - 40), start)
            and not _known_given_name(name)):
        return False  # "à Batna et Biskra", "in Leeds and Bradford": one more place
    if _LEGAL_FORM_AFTER.match(text[end:end + 60]):
        return False  # "Micromécanique Rochat & Fils Sàrl": a company's name, not a person's
    form_after = re.match(r"[ \t]+(?P<form>[^\s,;:()]+)", text[end:end + 20])
    if form_after and len(words) >= 2 and is_legal_form(form_after.group("form")):
        return False  # "Hengill Borunartækni ehf.", "Ventavas Granulas SIA": a company's name
    if _in_event_heading(text, start) and not _email_matches(words, start, emails):
        return False  # "Tarjeta de la Expo Café y Cacao de Cobán:": the event's name
    if len(words) >= 2 and _FORM_BEFORE.search(text, max(0, start - 10), start):
        return False  # "CV Mitra Alkes Sejahtera", "TOV Zernova Hvylia": a company's name
    checked = _name_words(name)
    if any(w in NOT_PERSON_WORDS or (w in STOP_WORDS and not _name_part(checked, i))
           or is_title_word(w) for i, w in enumerate(checked)):
        return False
    if is_title_filler(name):  # "Director, Grants and Partnerships": "and" is no cue there
        return False
    if len(words) == 1:
        return _single_name_evidence(text, start, end, words, emails)
    before, after = text[max(0, start - 30):start], text[end:end + 60]
    if _company_before(before):
        return False
    skipped = _STOP_WORD_BEFORE.search(before)
    if (skipped and skipped.group("word") in STOP_WORDS
            and _company_before(before[:skipped.start()])):
        # "runs Great Plains Fleet Services": a company's name, its first word one the names skip
        return False
    if _joined_to_a_field_word(before) and not _email_matches(words, start, emails):
        return False  # "directeur des programmes, Terre et Avenir Maroc": the rest of a name
    if (_FIRM_JOINED_BEFORE.search(text, max(0, start - 60), start)
            and not _email_matches(words, start, emails)
            and not _card_address_matches(text, start, words, emails)):
        return False  # "Partner at Pemberton and Vale Surveyors, gareth@...": the firm's name
    # "Ioanna Theodoridou-Kane, Deputy Director for Regional Development Programmes at ...": a
    # title heading its field runs past the first 60 characters
    if (_CUE_AFTER.match(after) or _role_follows(text[end:end + 160])
            or _email_matches(words, start, emails)):
        return True
    if _card_address_matches(text, start, words, emails):
        return True
    if _CUE_BEFORE.search(before):
        return len(words) >= 2 or not after[:1].isalpha()
    at_line_start = not text[max(0, start - 4):start].strip(" -*•\t>") or start == 0
    # "Two from the Albuquerque workshop:" then a line opening with the name: a list's item
    line_start = text.rfind("\n", 0, start)
    heading = text[text.rfind("\n", 0, max(line_start, 0)) + 1:max(line_start, 0)].strip()
    at_line_start = at_line_start or (
        line_start > 0 and not text[line_start + 1:start].strip(" -*•\t>")
        and heading.endswith(":") and len(heading) <= 120)
    # "...; Diego Fuentes, fotógrafo, ...": an item of a list set apart by semicolons
    # (not a field of one card set apart by semicolons: "...; Aceros del Nervión; ...")
    at_item_start = (text[max(0, start - 4):start].rstrip(" \t").endswith(";")
                     and text[end:end + 1] == ",")
    return (at_line_start or at_item_start) and len(words) >= 2 and _line_has_details(text, end)


# "at Pemberton and ", "chez Diop & ": a firm's first name and the "and" joining the next one,
# after the word heading a company
# Legal forms written before the company's name: Indonesia's "PT", "CV" and "UD", Ukraine's
# and Russia's "TOV", "PrAT", "OOO"
# (and Cameroon's common-initiative groups, "GIC Femmes Rurales de la Lékié", and the economic
# interest groups of French law and OHADA, "GIE ...")
# (and the French forms written before the name: "gérante de la SARL Vanille Bourbon Pays")
_FORM_BEFORE = re.compile(r"(?<![\w.])(?:PT|CV|UD|TOV|ТОВ|PrAT|OOO|ООО|GIC|GIE|SARL|SAS|SASU|EURL|"
                          r"SCI|SCOP|SCIC|EARL|GAEC|SNC|SELARL)[ \t]+$")
_FORM_WORD_AFTER_OF = re.compile(
    r"\s+(?:of|at|di|pada|du|de|del)\s+(?P<form>PT|CV|UD|TOV|PrAT|OOO|GIC|GIE)$")
_FIRM_JOINED_BEFORE = re.compile(
    r"(?:\b(?:at|of|for|bei|für|chez|de|du|des|del|di|van|von)|@)[ \t]+"
    r"(?-i:[" + UPPER + r"][\w'’-]*)(?:[ \t]+(?-i:[" + UPPER
    + r"][\w'’-]*))?[ \t]+(?:and|&|und|et|y|e)[ \t]+$")
_LEGAL_FORM_AFTER = re.compile(
    r"^(?:[ \t]+(?:&|and|et|und|y|e)[ \t]+[\w'’-]+)?[ \t]+(?:Sàrl|SàRL|SARL|S\.à\.r\.l\.|GmbH|AG|"
    r"SA|S\.A\.|SRL|S\.r\.l\.|S\.p\.A\.|SpA|BV|B\.V\.|NV|Ltd\.?|LLC|LLP|PLC|plc|Inc\.?|Pty|Pvt\.?|KG|"
    r"e\.K\.|e\.U\.|Sagl|Lda\.?|S\.L\.|\(Pty\)|\(Pvt\.?\)|\(Private\)|"
    r"Pte\.?|Sdn\.?|S\.à r\.l\.|inc\.|ltée)(?![\w])")
_OWN_ADDRESS_AFTER = re.compile(r"^\s*[(<]\s*[\w.+-]+@")
# Someone the contact is to be put in touch with, named by first name only.
_REFERRED_TO = re.compile(
    r"(?i)(?:in touch with|connect (?:him|her|them) (?:with|to)|introduce (?:him|her|them) to|"
    r"intro (?:him|her|them) to|point (?:him|her|them) to|mit (?:ihm|ihr) in kontakt mit|"
    r"(?:lui|leur) présenter|mettre en (?:contact|relation) avec|presentarle a|"
    r"ponerle en contacto con|presentargli|presentarle|in contatto con|apresentá-l[oa] a|"
    r"in contact brengen met|voorstellen aan)\s*$")


# "..., Terre et Avenir Maroc, une ONG": a field's one capitalized word, then "and"
_FIELD_WORD_AND = re.compile(
    r"(?:^|[,;:(])\s*(?P<word>[" + UPPER + r"][\w'’-]+)[ \t]+(?:and|et|und|y|e|&)[ \t]+$")


def _joined_to_a_field_word(before: str) -> bool:
    from assistant.parsing.labeller.features import is_given_name

    joined = _FIELD_WORD_AND.search(before)
    return joined is not None and not is_given_name(joined.group("word"))


_STOP_WORD_BEFORE = re.compile(r"(?P<word>[" + UPPER + r"][\w'’-]*)[ ]$")


@short_text_memo(1024)  # the same words come before many names
def _company_before(before: str) -> bool:
    """Whether the text before a name ends in a word that heads a company's name ("at", "founder
    of the") and in no cue of a person."""
    return bool(_COMPANY_BEFORE.search(before)) and not _CUE_BEFORE.search(before)


def _single_name_evidence(text: str, start: int, end: int, words: list[str],
                          emails: list[tuple[int, str]]) -> bool:
    """A lone first name needs a cue before it, or its own address right after it."""
    before, after = text[max(0, start - 30):start], text[end:end + 60]
    if _company_before(before):
        return False
    if _REFERRED_TO.search(before) and not _OWN_ADDRESS_AFTER.match(after):
        return False  # "I'll put him in touch with Aoife at Teagasc": whom the owner refers to
    if _OWN_ADDRESS_AFTER.match(after):
        return not after[:1].isalpha()
    if _CUE_BEFORE.search(before):
        if _WITH_NOUN.search(before) and not _known_given_name(words[0]):
            return False  # "sucht einen Beirat mit Bankenerfahrung.": a German noun after "mit"
        if _PEOPLE_NOUN_AFTER.match(after) and not _known_given_name(words[0]):
            return False  # "payments with Gdansk wholesalers": a place or brand naming a group
        return not after[:1].isalpha()
    return _email_matches(words, start, emails)


_WITH_NOUN = re.compile(r"\b(?:mit|und)\s*$")
# A plural noun for a group of people or firms right after a lone capitalized word: the word
# qualifies the noun ("with Gdansk wholesalers", "and Lagos retailers"); no one's name.
_PEOPLE_NOUN_AFTER = re.compile(
    r"^[ \t]+(?!(?:thanks|others|wants|represents|presents|invents|consents|relents|rents"
    r"|hunts|plants|grants|supplies|applies|replies|tries|carries|studies|buries|worries"
    r"|hurries|marries|copies|enters|offers|answers|considers|prefers|gathers|orders"
    r"|wonders|covers|delivers|remembers|registers|suffers|suggests)\b)"
    r"[a-z]{2,}(?:ers|ors|ants|ents|ists|ies|ees|ians|ups)\b")


def _known_given_name(word: str) -> bool:
    from assistant.parsing.labeller.features import is_given_name

    return is_given_name(word)


def _role_follows(after: str) -> bool:
    # ("Тимур Хабибуллин — коммерческий директор ООО «...»": a dash before the role as well)
    match = re.match(r"^(?:\s*,|[ \t]+[–—-])\s*([^,\n;.]+)", after)
    if match is None:
        return False
    # "Julián Zapata, exgerente de Fiduvalle, ahora CFO de ...": a former title is a role too
    phrase = _FORMER.sub("", match.group(1))
    return is_title_phrase(phrase) or bool(role_in(phrase).title)


_FORMER = re.compile(r"(?i)^(?:ex-?|former |ehemalige[rn]? |ancien(?:ne)? |antigu[oa] |"
                     r"voormalig(?:e)? )(?=\w)")


_NOT_LOWER_LETTER = re.compile(r"[^a-z]")


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe",
                          "Ü": "Ue"})


_PLAIN_LETTERS = str.maketrans({"ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae",
                                "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                                "œ": "oe", "Œ": "Oe", "ı": "i"})


def _address_keys(words: list[str]) -> list[str]:
    """How a name's words are written in an address: as they are, with German umlauts spelled
    out ("huerlimann" for Hürlimann), and a surname of two words joined ("elidrissi" for El
    Idrissi, "vanmaele")."""
    keys = [name_key(w) for w in words]
    keys += [name_key(w.translate(_UMLAUTS)) for w in words if w.translate(_UMLAUTS) != w]
    # "gudrun" for Guðrún, "thorunn" for Þórunn, "lukasz" for Łukasz: letters that no accent
    # makes, spelled in an address as their plain letters
    keys += [name_key(w.translate(_PLAIN_LETTERS)) for w in words
             if w.translate(_PLAIN_LETTERS) != w]
    keys += [name_key(a + b) for a, b in zip(words[1:], words[2:], strict=False)]
    # "ouazzani" for Ouazzani-Chahdi: a double surname's first part
    keys += [name_key(w.split("-")[0]) for w in words[1:] if "-" in w and len(w.split("-")[0]) > 2]
    return [k for k in dict.fromkeys(keys) if k]


def _email_matches(words: list[str], start: int, emails: list[tuple[int, str]]) -> bool:
    keys = _address_keys(words)
    for position, address in emails:
        local = _NOT_LOWER_LETTER.sub(" ", address.split("@")[0])
        # (a long title may stand between a full name and its address: "Mehdi Ouazzani-Chahdi,
        # chargé de mission pour ..."; a lone word is nearer its own)
        reach = 200 if len(words) > 1 else 120
        if abs(position - start) < reach and any(k and k in local.split() for k in keys):
            return True
    return False


def _card_address_matches(text: str, start: int, words: list[str],
                          emails: list[tuple[int, str]]) -> bool:
    """A name opening its line whose own address stands further down the same block, below a
    long title, the company and several phone lines."""
    lead = text[text.rfind("\n", 0, start) + 1:start].strip(" -*•\t>")
    # "Dr.", and degrees before the name: "dr inż.", "Mgr.", "Ing. arch."
    if lead and not all(_HONORIFIC.match(w) or _DEGREE_BEFORE.match(w) for w in lead.split()):
        return False
    keys = _address_keys(words)
    for position, address in emails:
        if not 0 < position - start < 400 or "\n\n" in text[start:position]:
            continue
        local = _NOT_LOWER_LETTER.sub(" ", address.split("@")[0])
        if any(k and k in local.split() for k in keys) or _initial_and_surname(words, local):
            return True
    return False


def _initial_and_surname(words: list[str], local: str) -> bool:
    """ "hbrabazon" for Henrietta Loxley-Brabazon, "jsmith", "smithj": an address's initial
    and a surname of the name's."""
    compact = local.replace(" ", "")
    parts = [name_key(p) for w in words[1:] for p in w.replace("‐", "-").split("-")]
    parts = [p for p in parts if len(p) > 2]
    first = name_key(words[0])[:1] if words else ""
    if len(words) == 2 and "-" in words[1]:
        # "sfchang" for Chang Shu-fen: the family name first, the given name's syllables last
        syllables = "".join(name_key(p)[:1] for p in words[1].split("-"))
        family = name_key(words[0])
        if len(family) > 1 and compact in (syllables + family, family + syllables):
            return True
    return bool(first) and any(compact in (first + p, p + first) for p in parts)


def _line_has_details(text: str, end: int) -> bool:
    line_end = text.find("\n", end)
    rest = text[end: line_end if line_end >= 0 else len(text)]
    if re.match(r"^\s*[,(:–—-]", rest):
        return True
    return bool(find_emails(rest) or find_phones(rest, "US"))


_HONORIFIC = re.compile(r"(?i)^(?:dr|mr|mrs|ms|mx|prof|professor|assoc|asst|herr|frau|mme|sr|cllr|"
                        r"sra)\.?$")
# Degrees and professions written before a name on Central European and Latin cards
_DEGREE_BEFORE = re.compile(r"(?i)^(?:inż|mgr|hab|ing|arch|dipl|lic|arq|eng|enga|econ|dott|"
                            r"dott\.ssa|avv|judr|mudr|phdr|rndr|bc|doc|mag|dra|"
                            # Vietnamese: "TS." (a doctorate), "ThS." (a master's)
                            r"(?-i:TS|ThS))\.?$")
_WORD_BEFORE_ADDRESS = re.compile(r"(?P<word>[^\W\d_]+(?:['’-][^\W\d_]+)*\.?)[ \t]*$")
# What stands between a name and its address: "kevin (kevin@...", "tom o'brien — tom@...",
# "met jamal price jamal@..." (nothing but a space).
_OPENS_ADDRESS = re.compile(r"(?:[ \t]*[(<,–—-])?[ \t]+$|[ \t]*[(<]$")
_UNCASED_NAME_LETTERS = 4  # a name's word in a script without case (王伟, 山田 太郎) is short


def _uncased_mentions(text: str, owner: OwnerIdentity, emails: list[tuple[int, str]],
                      taken: list[Mention]) -> list[Mention]:
    """ "kevin (kevin@x.com)", "DR. EMILY CHEN <emily@...>", "王伟 (wei.wang@...)": the words
    right before a person's own address, all in one letter case or in a script without case."""
    found = []
    for position, address in emails:
        opening = _OPENS_ADDRESS.search(text, max(0, position - 3), position)
        if opening is None:
            continue
        words = _uniform_words_before(text, opening.start())
        if not words or any(_continues(text, m, words[0][0]) for m in taken):
            continue
        name = " ".join(word for _, word in words)
        if all(is_legal_form(word) for _, word in words):
            continue  # "Polarlys Seafood AS, t@...": the company's legal form in capitals
        if _is_uncased_name(words, address) and not is_owner_name(name, owner):
            start = words[0][0]
            found.append(Mention(start, start + len(name), name))
    return found


# "quick one from the drinks - sione fifita, producer at long white cloud pictures, sione@...",
# "also jess tamihana, head of risk at ..., jess.tamihana@...": in a note typed in lower case,
# two or three lower-case words set apart before a comma, then the person's role and their
# own address, which holds one of the words
_LOWER_WORD = r"[" + LOWER + r"][" + LOWER + r"'’]+(?:-[" + LOWER + r"]+)?"
_LOWERCASE_LISTED = re.compile(
    # ("also a quick chat with ollie ferreira-mahuta, site manager at ...": after "with")
    r"(?:^|(?<=[-–—:;.][ \t])|(?<=\balso[ \t])|(?<=\band[ \t])|(?<=\bplus[ \t])|"
    r"(?<=\bwith[ \t]))"
    rf"(?P<name>{_LOWER_WORD}(?:[ \t]{_LOWER_WORD}){{1,2}}),[ \t]"
    # "met ms. agnes nyange at the mwanza fish processors' meeting. sales manager, ..."
    r"|(?:^|(?<=[.;:!][ \t]))met[ \t]+(?:(?:ms|mr|mrs|dr|prof)\.?[ \t]+)?"
    rf"(?P<met>{_LOWER_WORD}[ \t]{_LOWER_WORD})[ \t]+(?=(?:at|from|of|during)[ \t])")
_LISTED_REACH = 160
_LISTED_LEAD = re.compile(r"(?:also|and|plus|then|met|saw)[ \t]+")


def _lowercase_listed(text: str, owner: OwnerIdentity, emails: list[tuple[int, str]],
                      taken: list[Mention]) -> list[Mention]:
    found: list[Mention] = []
    for match in _LOWERCASE_LISTED.finditer(text):
        group = "name" if match.group("name") else "met"
        start, name = match.start(group), match.group(group)
        lead = _LISTED_LEAD.match(name)
        if lead:  # "also jess tamihana": the note's word before the name
            start, name = start + lead.end(), name[lead.end():]
        if " " not in name.strip():
            continue
        if any(m.start <= start < m.end or start <= m.start < start + len(name)
               for m in taken + found):
            continue
        address = next((a for p, a in emails if match.end() <= p <= match.end() + _LISTED_REACH
                        and "\n" not in text[match.end():p]), None)
        if address is not None and group == "met" and any(
                match.end() <= m.start < text.find(address, match.end()) for m in taken + found):
            continue  # the address after someone else named in between is theirs
        if address is None:
            continue
        parts = re.split(r"[._+-]", address.split("@")[0])
        words = re.split(r"[ \t-]", name)
        parts += [name_key(p) for p in parts]
        if not any(len(w) >= 3 and (w in parts or name_key(w) in parts) for w in words) or (
                is_owner_name(name, owner)):
            continue
        found.append(Mention(start, start + len(name), name))
    return found


def _cued_script_names(text: str, owner: OwnerIdentity, emails: list[tuple[int, str]],
                       taken: list[Mention]) -> list[Mention]:
    """ "Met נועה ברק at the Cybertech conference: VP R&D at Galitech, noa.barak@...": a name
    in a script without case right after a cue ("met", "with", "conocí a"), with an address
    later in its sentence that no other name has taken."""
    found: list[Mention] = []
    for match in _SCRIPT_RUN.finditer(text):
        name, start = match.group("name"), match.start("name")
        if (not _script_name(name.split()) or is_owner_name(name, owner)
                or not _CUE_BEFORE.search(text[max(0, start - 30):start])
                or any(m.start <= start < max(m.end, m.start + 1) for m in taken + found)):
            continue
        end_of_sentence = re.search(r"[.!?](?:\s|$)|\n", text[match.end():])
        limit = match.end() + (end_of_sentence.start() if end_of_sentence else len(text))
        if any(match.end() < position < limit and not any(
                m.start > match.end() and m.start < position for m in taken)
               for position, _ in emails):
            found.append(Mention(start, match.end(), name))
    return found


def _uncased_letter(char: str) -> bool:
    """A letter without case, or a mark joined to one (the vowel signs of Devanagari)."""
    if unicodedata.category(char).startswith("M"):
        return True
    return char.isalpha() and char.lower() == char.upper()


def _uncased_word(word: str, *, wide: bool) -> bool:
    """A word of a script without letter case: short in the CJK and Hangul scripts, where a
    name's word is one to four signs (王伟, 박지훈), up to twelve letters in the others (سارة)."""
    if not word or not word[0].isalpha() or not all(_uncased_letter(c) for c in word):
        return False
    return len(word) <= (12 if wide else _UNCASED_NAME_LETTERS) if _is_wide(word) is wide else False


def _is_wide(word: str) -> bool:
    """Whether a word is written in a script that is not alphabetic-with-spaces-per-name
    (Arabic, Hebrew, Thai, Devanagari, ... are "wide": long words)."""
    return not any("\u1100" <= c <= "\u11ff" or "\u2e80" <= c <= "\u9fff"
                   or "\uac00" <= c <= "\ud7af" or "\u3040" <= c <= "\u30ff" for c in word)


def _script_name(words: list[str]) -> bool:
    if not 1 <= len(words) <= 3:
        return False
    wide = _is_wide(words[0])
    return all(_uncased_word(w, wide=wide) for w in words) and (len(words) >= 2 or not wide)


# "Met 林雅婷 (Lin Yating)": the name in its own script, then its transliteration in brackets.
# Letters, and the marks joined to them (Devanagari vowel signs); the two never overlap, so a
# long run that fails to match backtracks in linear time.
_LETTERS = (r"(?:[^\W\d_]|(?![^\W\d_])[\u0300-\u036f\u0900-\u0dff\u0e00-\u0e7f"
            r"\u1000-\u109f])+")
_SCRIPT_BEFORE = re.compile(rf"(?P<name>{_LETTERS}(?:[ \t]{_LETTERS}){{0,2}})[ \t]*[(（][ \t]*$")
# Words of letters outside the Latin, Greek and Cyrillic scripts (which have letter case).
_UNCASED_LETTERS = (r"(?:(?![A-Za-z\u00c0-\u052f\u1e00-\u1eff])[^\W\d_]|(?![^\W\d_])[\u0900-\u0dff"
                    r"\u0e00-\u0e7f\u1000-\u109f])+")
_SCRIPT_RUN = re.compile(
    rf"(?<![\w@.])(?P<name>{_UNCASED_LETTERS}(?:[ \t]{_UNCASED_LETTERS}){{0,2}})(?![\w@])")


def _has_bracket(text: str, start: int, end: int) -> bool:
    return text.find("(", start, end) >= 0 or text.find("（", start, end) >= 0


def _in_own_script(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name found in Latin letters right after the same name in a script without case, in
    brackets, is kept as the owner wrote it first."""
    out = []
    for mention in mentions:
        start = max(0, mention.start - 40)  # the bracket is the cheap test: most have none
        before = (_SCRIPT_BEFORE.search(text, start, mention.start)
                  if _has_bracket(text, start, mention.start) else None)
        closed = text[mention.end:mention.end + 3].lstrip(" \t")[:1] in {")", "）"}
        # "박서연 (Seoyeon Park)" alone on a card's name line: the card gives the name the
        # person uses in Latin letters as theirs
        own_line = bool(before and _SCRIPT_THEN_LATIN_NAME.match(
            text, text.rfind("\n", 0, mention.start) + 1))
        if mention.name and before and closed and not own_line:
            words = before.group("name").split()
            while words and not _script_name(words):
                words = words[1:]  # "Met 林雅婷": the cue is no part of the name
            if words:
                name = " ".join(words)
                start = before.end("name") - len(name)
                mention = Mention(start, mention.end, name)
        out.append(mention)
    return out


# A line opening with a name in a script without case, set apart as a card's field: "박지훈 -
# 한빛로보틱스 CTO - jihoon.park@...", or alone above the card's lines ("سارة الهاشمي").
_SCRIPT_LINE = re.compile(
    rf"(?m)^[ \t]*(?:[-*•][ \t]+)?(?P<name>{_LETTERS}(?:[ \t]{_LETTERS}){{0,2}})[ \t]*"
    r"(?:$|[-–—|,·][ \t]|[(<])")
_CARD_REACH = 4  # lines: the person's address is on the name's line or among the next ones


def _script_lines(text: str, owner: OwnerIdentity, emails: list[tuple[int, str]],
                  taken: list[Mention]) -> list[Mention]:
    found = []
    for match in _SCRIPT_LINE.finditer(text):
        name = match.group("name")
        if not _script_name(name.split()) or is_owner_name(name, owner):
            continue
        start = match.start("name")
        if any(m.start <= start < max(m.end, m.start + 1) for m in taken):
            continue
        reach = text[start:].split("\n", _CARD_REACH + 1)[:_CARD_REACH + 1]
        limit = start + sum(len(line) + 1 for line in reach)
        if any(start < position < limit for position, _ in emails):
            found.append(Mention(start, start + len(name), name))
    return found


def _continues(text: str, mention: Mention, start: int) -> bool:
    """Whether a name already found covers ``start`` or runs up to it ("Kevin lee": "lee" is
    the rest of Kevin's name, not another person)."""
    if mention.start <= start < max(mention.end, mention.start + 1):
        return True
    return mention.end <= start and not text[mention.end:start].strip()


def _uniform_words_before(text: str, end: int) -> list[tuple[int, str]]:
    """Up to three words ending at ``end`` written alike (all lower, all upper, or uncased),
    without a leading honorific or cue ("met", "with")."""
    words: list[tuple[int, str]] = []
    while len(words) < 3:
        match = _WORD_BEFORE_ADDRESS.search(text, max(0, end - 40), end)
        if match is None or match.end() != end:
            break
        word = match.group("word")
        if (_HONORIFIC.match(word) or word.rstrip(".").capitalize() in STOP_WORDS
                or word.endswith(".") or (words and _case_of(word) != _case_of(words[0][1]))):
            break
        words.insert(0, (match.start("word"), word))
        end = match.start()
        if end > 0 and text[end - 1] not in " \t":
            break
    return words


def _case_of(word: str) -> str:
    if word.lower() == word.upper():
        return "uncased"
    return "lower" if word == word.lower() else "upper" if word == word.upper() else "mixed"


def _is_uncased_name(words: list[tuple[int, str]], address: str) -> bool:
    case = _case_of(words[0][1])
    if case == "uncased":
        return len(words) <= 2 and all(len(w) <= _UNCASED_NAME_LETTERS for _, w in words)
    if case == "mixed":
        return False
    # In one letter case, a word must be in the address's own part: kevin <kevin@...>.
    local = _NOT_LOWER_LETTER.sub("", address.split("@")[0].lower())
    return any(len(w) >= 2 and name_key(w).replace(" ", "") in local for _, w in words)


def _bare_emails(text: str, emails: list[tuple[int, str]],
                 mentions: list[Mention]) -> list[Mention]:
    """An address with no name before it in its passage starts its own (nameless) person."""
    bare = []
    for position, _address in emails:
        owner_before = [m for m in mentions if m.start <= position]
        last = owner_before[-1] if owner_before else None
        if last is None or (last.is_owner and position - last.end > 40):
            bare.append(Mention(position, position, None))
    return bare


_LABELLED = re.compile(
    r"(?im)^\s*(?P<key>company|organi[sz]ation|org|firma|unternehmen|société|entreprise|empresa|"
    r"title|job title|position|role|titel|poste|fonction|cargo|puesto)\s*:\s*(?P<value>[^\n]+?)\s*$"
)
_COMPANY_KEYS = {"company", "organization", "organisation", "org", "firma", "unternehmen",
                 "société", "entreprise", "empresa"}
_ABBREVIATED = re.compile(
    r"(?:\b(?:Sr|Jr|Dr|St|Inc|Co|Corp|Ltd|Mr|Ms|Mrs|Prof|Pvt|Pty|Soc|Coop|S\.r\.l|S\.p\.A|"
    r"Pte|Sdn|Bhd|Lda|Ltda|Ltée|inc|r\.l)|\b[A-Z]|"
    r"\b[A-Z]{1,2}\.[A-Z]{2})$")  # "RR.HH.", "EE.UU."


def _draft(passage: str, mention: Mention, owner: OwnerIdentity, *,
           shared: bool = False) -> ContactDraft:
    after_name = passage[mention.end - mention.start:]
    beside = _SCRIPT_BESIDE.match(after_name)
    if beside:
        # "Dmytro Savchuk (Дмитро Савчук) / Head of Export / ...": the name in the person's own
        # script stands beside the name; the role is listed after both
        after_name = after_name[beside.end():]
        passage = passage[: mention.end - mention.start] + after_name
    role = _role(passage, after_name, mention.name, owner.region)
    later = _introduced_later(passage, mention)
    if later is not None:
        # "Hola Alejandro, hola Emiliano:" then "Emiliano Fuentes es cofundador de AgroSensa":
        # the role told where the greeted person is introduced
        found = _role(passage[later[0]:], passage[later[1]:], mention.name, owner.region)
        role = found if found.title else role
    draft = ContactDraft(
        name=mention.name,
        emails=list(dict.fromkeys(e for _, e in find_emails(passage))),
        phones=person_phones(passage, owner.region),
        urls=list(dict.fromkeys(u for _, u in find_urls(passage))),
        title=role.title,
        # "Ceylon Loom Works (Pvt) Ltd", "Tidewater Oyster Works, PBC": the legal form after
        # the name the readers stop at is the company's
        company=_latin_side(with_comma_form(role.company or _company_from(after_name)
                                            or _company_run(passage)
                                            or _lowercase_company_run(passage), passage)),
    )
    words = _own_words(passage, mention) if shared else passage
    draft.add_facts(read_context(words, names=(mention.name or "",)))
    return draft


# A name written again in another script, in brackets after the Latin one: "(Дмитро Савчук)",
# "(ماجد القحطاني)"; no Latin letter, no digit.
_SCRIPT_BESIDE = re.compile(r"^[ \t]*[(（](?=[^)）\n]*[^\W\d_])[^A-Za-z\d()（）\n@]{2,60}[)）]")


def _latin_side(company: str | None) -> str | None:
    """ "ТОВ «Карпатські Системи» / Karpatski Systemy LLC": a company line written in two
    scripts, the name in Latin letters the person's English side of the card uses."""
    if not company or " / " not in company:
        return company
    sides = [side.strip() for side in company.split(" / ")]
    latin = [side for side in sides if re.search(r"[A-Za-z]", side)]
    other = [side for side in sides if side not in latin and re.search(r"[^\W\d_]", side)]
    return latin[0] if len(latin) == 1 and other else company


def _introduced_later(passage: str, mention: Mention) -> tuple[int, int] | None:
    """Where a person greeted at the end of a salutation line is named again with their full
    name further on ("hola Emiliano:" ... "Emiliano Fuentes es ..."): that name's span."""
    written = passage[: mention.end - mention.start]
    if (not mention.name or " " not in mention.name or " " in written.strip()
            or not re.match(r"^[ \t]*[:,!]?[ \t]*\n", passage[len(written):])):
        return None
    again = re.search(rf"(?<![\w-]){re.escape(mention.name)}(?![\w-])", passage)
    return (again.start(), again.end()) if again else None


# "Marc Weber of Weber Logistics", "Jens Hartmann von Hartmann Logistik GmbH", "Sophie Muller
# (Muller Immobilier S.A.)": the firm right after the name, named after the person or with its
# legal form.
_FIRM_AFTER_NAME = re.compile(
    r"^[ \t]*(?:,[ \t]*)?(?:(?:of|from|von|van|de|della|dalla|da|do|di|du)[ \t]+"
    r"(?P<c>[" + UPPER + r"](?:[^\n,;.()@]|\.(?=[^\s.])|(?<=\.[A-Za-z])\.)*)|\((?P<b>[" + UPPER
    + r"][^()\n@\d]{1,60})\))")


def _firm_after_name(after_name: str, name: str | None) -> Role | None:
    match = _FIRM_AFTER_NAME.match(after_name)
    if match is None or not name:
        return None
    raw = (match.group("c") or match.group("b") or "").strip()
    words = raw.split()
    surnames = {w.lower() for w in name.split()[1:] if w[:1].isupper()}
    if not words or not ({w.lower() for w in words} & surnames
                         or any(is_legal_form(w) for w in words[1:])):
        return None
    company = clean_company(raw)
    return Role(None, company) if company else None


def _role(passage: str, after_name: str, name: str | None, region: str) -> Role:
    """The first role the passage gives: labelled, listed after the name, "<title> at
    <company>" in the text, or card lines; a need written where a role stands ("Jo Park,
    looking for a seed lead") is never a title."""
    finders: tuple[Callable[[], Role | None], ...] = (
        lambda: _labelled_role(passage), lambda: _works_at(passage),
        lambda: _listed_role(after_name), lambda: _role_after_occasion(after_name),
        lambda: _role_in_text(passage), lambda: _possessive_role(passage),
        lambda: _lowercase_role(passage),
        lambda: _copula_role(after_name), lambda: _firm_after_name(after_name, name),
        lambda: _role_sentence_after(after_name), lambda: _title_with_company(passage),
        lambda: _pronoun_copula_role(after_name),
        lambda: _card_role(passage, name, region), lambda: _bare_company(after_name),
        lambda: _sentence_title(passage))
    lowercase = _lowercase_role(passage)
    if lowercase is not None and lowercase.title and lowercase.company:
        # "founder of sea lane labs": typed all in lower case, the title and its company
        finders = (lambda: lowercase, *finders)
    for find in finders:
        role = find()
        if role is not None and role.title and opens_with_fact(role.title):
            role = Role(None, role.company)
        if role is not None and role.company:
            # "leitet das Firmenkundengeschäft der Donautal Landesbank AG": a title and a company
            # that together spell the company the person heads, or a company read only in its
            # last words, are that one company's name
            run = _company_run(passage)
            if run and run == f"{role.title} {role.company}":
                role = Role(None, run)
            elif run and not role.title and run.endswith(f" {role.company}"):
                role = Role(None, run)
            if role.title:
                role = _card_line_title(passage, role, name, region)
        if role is not None and (role.title or role.company):
            title, company = role.title, role.company
            if company and not title:
                title = _their_title_after(passage, company)
            if title and not company and not any(c.isupper() for c in passage):
                company = _lowercase_listed_company(passage, title)
            form = _FORM_WORD_AFTER_OF.search(title) if title and company else None
            if form and title and company:
                # "owner and director of CV" + "Mitra Alkes Sejahtera": the form opens the
                # company's name
                title, company = title[:form.start()], f"{form.group('form')} {company}"
            return Role(_without_place(title), company)
    return Role(None, None)


# "Ahmed Rasheed from Huvadhoo Dive Resorts Pvt Ltd, their Director of Guest Experience — met
# him at ...": the company, then the person's title there.
_THEIR_TITLE_AFTER = re.compile(
    r"[ \t]*,[ \t]+(?:their|its|his|her)[ \t]+(?P<t>[^,.;:()\n@\d—–]{2,60}?)"
    r"(?=[ \t]*(?:[,;:(—–]|\.(?:[ \t]|$)|$))")


def _their_title_after(passage: str, company: str) -> str | None:
    at = passage.find(company)
    found = _THEIR_TITLE_AFTER.match(passage, at + len(company)) if at >= 0 else None
    if found and is_title_phrase(found.group("t"), loose=True):
        return found.group("t").strip()
    return None


def _without_place(title: str | None) -> str | None:
    """ "packaging designer in Montréal": the title without the city the person works in; and
    without the "now" before it ("früher bei Siemens, jetzt Vertriebsleiter bei Sonnwerk")."""
    owned = _THEIR_BEFORE_TITLE.match(title or "")
    if title and owned and is_title_phrase(title[owned.end():], loose=True):
        title = title[owned.end():]  # "their head of procurement"
    now = _NOW_BEFORE_TITLE.match(title or "")
    if title and now and is_title_phrase(title[now.end():], loose=True):
        title = title[now.end():]
    placed = _TITLE_IN_PLACE.match(title or "")
    if placed and is_title_phrase(placed.group("title"), loose=True) and not is_title_filler(
            placed.group("place")):
        return placed.group("title")
    return title


# "Gil Navarro, gil@sunfold.io - Sunfold. Offers ...": a company alone after a dash, with no
# title, ends the person's listed details.
_BARE_COMPANY = re.compile(
    r"^(?:[^\n.;]|\.(?=\S))*?\s[-–—]\s+(?P<c>(?-i:[" + UPPER + r"0-9])[\w&'’.+-]*"
    r"(?:[ ](?:[A-Z0-9&][\w&'’.+-]*|of|de|and|y|et|und|&)){0,4}?)\s*(?:[.;\n]|$)")


# "Met Ms. Agnes Nyange at the Mwanza meeting. Sales manager, Victoria Fillet Exporters Ltd,
# agnes@...": the sentence after the meeting opens with the title and the company, then details.
_ROLE_SENTENCE_AFTER = re.compile(
    r"^[^.!?\n]{0,160}[.!?][ \t]+"
    # "She's Medical Director, Caroni Valley Medical Centre Ltd., anjali@..."
    r"(?:(?i:(?:she|he)(?:['’]s|[ \t]+is)|they(?:['’]re|[ \t]+are))[ \t]+(?:(?i:the|a|an)[ \t]+)?)?"
    r"(?P<t>[^,.;:\n@\d]{2,60}),[ \t]*(?P<c>[^,;:\n@]{2,80}?),[ \t]*"
    r"(?=[\w.+-]+@|\+?\(?\d)")


# "He's Senior Drilling Engineer with Hengill Borunartækni ehf.", "She is a partner with Ashdown
# & Vane LLP": "with" names the employer when a legal form closes the name.
_TITLE_WITH = re.compile(
    r"(?i:\b(?:he|she)(?:['’]s|[ \t]+is)|\bthey(?:['’]re|[ \t]+are))[ \t]+(?:(?i:the|a|an)[ \t]+)?"
    r"(?P<t>[^,.;:()\n@\d]{2,60}?)[ \t]+with[ \t]+(?P<c>[" + UPPER + r"][^,;:()\n@]{1,80}?)"
    r"(?=[ \t]*(?:[,;:(]|\.(?:[ \t]|$)|$))")


def _title_with_company(passage: str) -> Role | None:
    found = _TITLE_WITH.search(passage)
    if found is None or not is_title_phrase(found.group("t"), loose=True):
        return None
    company = found.group("c").strip()
    if passage[found.end("c"):found.end("c") + 1] == "." and is_legal_form(
            company.split()[-1] + "."):
        company += "."  # "ehf.", "Ltd.": the legal form's own dot
    company = with_comma_form(company, passage)
    words = (company or "").split()
    if not words or not (is_legal_form(words[-1]) or _BODY_WORD.search(company or "")):
        return None
    return Role(found.group("t").strip(), company)


def _role_sentence_after(after_name: str) -> Role | None:
    found = _ROLE_SENTENCE_AFTER.match(after_name)
    if found is None or not is_title_phrase(found.group("t"), loose=True):
        return None
    company = found.group("c").strip()
    if is_title_phrase(company, loose=True) or opens_with_fact(company):
        return None
    return Role(found.group("t").strip(), company)


def _bare_company(after_name: str) -> Role | None:
    match = _BARE_COMPANY.match(after_name)
    if match is None:
        return None
    company = match.group("c").rstrip(".")
    words = company.split()
    if any(w in STOP_WORDS for w in words) or is_title_phrase(company, loose=True):
        return None
    cleaned = clean_company(company)
    return Role(None, cleaned) if cleaned else None


_AFTER_PREPOSITION = re.compile(
    r"\b(?P<prep>at|bei|chez|presso|bij|en|na|no|em|@) (?P<first>[a-z])")


_LOWERCASE_FIELD = re.compile(
    r"\b(?P<prep>at|bei|chez|presso|bij|en|na|no|em|@|"
    r"(?<=founder )of|(?<=owner )of|(?<=ceo )of|(?<=cto )of|(?<=md )of)"
    r" (?P<c>[A-Za-z0-9][a-z0-9&'’-]*"
    r"(?: [a-z0-9&][a-z0-9&'’-]*){1,4})(?=,)")


def _lowercase_listed_company(passage: str, title: str) -> str | None:
    """ "brian okello, ops lead, safiri moto, brian@...": in a note typed in lower case, the
    field listed between the title and the address."""
    listed = re.search(rf"(?<![\w-]){re.escape(title)},[ \t]*(?P<c>[{LOWER}0-9][{LOWER}0-9&'’ .-]"
                       r"{1,40}?),[ \t]*[\w.+-]+@", passage)
    if (listed and not is_title_phrase(listed.group("c"), loose=True)
            and not listed.group("c").startswith("same ")):  # "same company": the one before's
        return listed.group("c").strip()
    return None


_LOWER_OFFICER = re.compile(r"\b(?:ceo|cto|cfo|coo|cmo|cio|cpo|cro|vp|svp|evp)\b")


def _lowercase_role(passage: str) -> Role | None:
    """ "she's head of ops at fernleaf": in a note typed all in lower case, the word after the
    title's preposition is read as a company would be written, and kept as typed."""
    if any(c.isupper() for c in passage):
        return None
    # "cto at paylink balkan dooel": an officer's letters, as titles write them
    passage = _LOWER_OFFICER.sub(lambda m: m.group().upper(), passage)
    capitalized = _AFTER_PREPOSITION.sub(
        lambda m: f"{m.group('prep')} {m.group('first').upper()}", passage)
    # "producer at long white cloud pictures, sione@...": the words up to the comma that sets
    # the company apart are all its own
    capitalized = _LOWERCASE_FIELD.sub(
        lambda m: m.group("prep") + " " + " ".join(w[:1].upper() + w[1:]
                                                    for w in m.group("c").split(" ")),
        capitalized)
    role = role_in(capitalized)
    if not role.title:
        return None
    at = capitalized.find(role.company) if role.company else -1
    company = passage[at:at + len(role.company)] if role.company and at >= 0 else None
    return Role(role.title, company)


# "Anselm Vogler is a fractional controller who ...", "A Renata é advogada especialista em
# proteção de dados no Siqueira & Tavares": the title named by the verb "to be" after the name.
_COPULA = re.compile(
    # ("Gráinne McElhinney-Doyle, who is head of fundraising at ...", "qui est", "que es")
    r"^,?[ \t]+(?:(?:who|qui|que|quien|che)[ \t]+|who['’]s(?=[ \t]))?"
    # (Danish and Norwegian "er", Swedish "är": "Jens er salgschef hos ...")
    r"(?:(?<=['’]s)|is|was|ist|war|est|était|es|és|era|è|é|is|er|var|är)[ \t]+"
    r"(?:(?:a|an|un|une|una|uno|um|uma|een|ein|eine|en|ett)[ \t]+)?(?P<rest>[^\n.;:()!?]+)")
_CLAUSE_END = re.compile(r"(?i),|\s(?:who|that|which|and|but|qui|que|quien|che|die|der|und|et|"
                         r"y|e|mais|pero|ma|mas|maar|aber|with|avec|con|com|mit|met|og|och|"
                         r"men|som)\s")
# "especialista em proteção de dados", "specialist in cold-chain logistics": the field a
# specialist title names, in lower case.
_SPECIALIST_IN = re.compile(
    r"(?i)^(?P<head>.+?)[ \t]+(?:especialista|specialist|spécialiste|specialista|spezialist(?:in)?|"
    r"specialiste|expert[ae]?|experte)[ \t]+(?:em|in|en|na|no|für|für die|de|del|della|dans|"
    r"op het gebied van)[ \t]+(?-i:[" + LOWER + r"][" + LOWER + r" -]*)$")


# "Spent an hour with Given Musonda at the summit. He is the general manager of Mosi Falls
# Safaris Limited (...)": the sentence after the meeting says what the person is.
_PRONOUN_COPULA_AFTER = re.compile(
    # ("Met Joel Kaupa at the mining conference — he's Community Affairs Manager for ...": a
    # dash sets the clause apart as a full stop would)
    r"^[^.!?\n]{0,160}(?:[.!?]|[ \t][—–])[ \t]+"
    r"(?i:(?:she|he)(?:['’]s|[ \t]+is)|they(?:['’]re|[ \t]+are))"
    r"[ \t]+(?:(?i:the|a|an)[ \t]+)?(?P<rest>[^\n.;:()!?]+)")


def _pronoun_copula_role(after_name: str) -> Role | None:
    match = _PRONOUN_COPULA_AFTER.match(after_name)
    return _copula_rest(match.group("rest")) if match else None


def _copula_role(after_name: str) -> Role | None:
    match = _COPULA.match(after_name)
    return _copula_rest(match.group("rest")) if match else None


def _copula_rest(rest: str) -> Role | None:
    """What follows "is": a title, and the company after its preposition."""
    end = _CLAUSE_END.search(rest)
    rest = rest[:end.start()] if end else rest
    at = PREPOSITION_RE.search(rest)
    title_part = (rest[:at.start()] if at else rest).strip()
    company = None
    if at is not None:
        found = COMPANY_RE.match(rest, at.end())
        company = clean_company(found.group()) if found else None
    specialist = _SPECIALIST_IN.match(title_part) or _TITLE_OF_FIELD.match(title_part)
    if is_title_phrase(title_part) or (specialist and is_title_phrase(specialist.group("head"))):
        return Role(title_part, company)
    return None


_THEIR_BEFORE_TITLE = re.compile(
    r"(?i)^(?:their|his|her|our|ihr|ihre|sein|seine|unser|unsere|leur|notre|su|nuestro|nuestra|"
    r"il loro|la loro|il suo|la sua|o seu|a sua|hun|haar|zijn|onze)[ \t]+")
_NOW_BEFORE_TITLE = re.compile(
    r"(?i)^(?:now|currently|jetzt|nun|inzwischen|mittlerweile|maintenant|désormais|"
    r"actuellement|ahora|actualmente|ora|adesso|agora|atualmente|nu|tegenwoordig|inmiddels|"
    # Catalan "ara", "actualment"
    r"ara|actualment)[ \t]+")
# "packaging designer in Montréal", "architecte à Lausanne", "fotógrafa en Valparaíso": a title,
# then the city the person works in
_TITLE_IN_PLACE = re.compile(
    r"^(?P<title>.+?)\s+(?:in|à|en|em|a|aus|based in|basée? à|basad[oa] en|baseado em)\s+"
    r"(?P<place>(?!Residence\b)[" + UPPER + r"][\w'’-]+(?:[ -][" + UPPER + r"][\w'’-]+)?)$")


# "fotografo di still life", "ilustradora de libros infantiles", "photographer of industrial
# interiors": a title word, then the field it works in, in lower case
_TITLE_OF_FIELD = re.compile(
    r"^(?P<head>\S+(?: \S+)?)[ \t]+(?:di|de|of|da|do|van|voor|für|em|en|in)[ \t]+"
    r"(?-i:[" + LOWER + r"][" + LOWER + r"'’-]*(?: [" + LOWER + r"][" + LOWER + r"'’-]*){0,3})$")


def _sentence_title(passage: str) -> Role | None:
    """A later sentence opening with a title and a comma: "Industrial designer, runs Osei
    Design." (the company comes from "runs")."""
    for sentence in sentences(passage)[1:]:
        head = sentence.split(",")[0].strip()
        if "," in sentence and is_title_phrase(head, loose=True) and head[:1].isupper():
            return Role(head, None)
    return None


# "He's Brightline's new CFO", "Kelpworks' head of growth": the company's, then the title
_POSSESSIVE_ROLE = re.compile(
    rf"(?P<c>{COMPANY_RE.pattern})(?:['’]s|(?<=s)['’])[ \t]+(?P<rest>[^\n,.;:()!?]+)")


def _possessive_role(passage: str) -> Role | None:
    for match in _POSSESSIVE_ROLE.finditer(passage):
        named = match.group("c").split()
        # "He's Brightline": the name after the last word with an apostrophe of its own
        cut = max((i + 1 for i, w in enumerate(named) if "'" in w or "’" in w), default=0)
        company = clean_company(" ".join(named[cut:])) if named[cut:] else None
        words = match.group("rest").split()
        while words and words[0].lower() in {"new", "former", "current", "interim", "acting"}:
            words = words[1:]
        title = next((" ".join(words[:n]) for n in range(min(len(words), 6), 0, -1)
                      if is_title_phrase(" ".join(words[:n]))
                      and words[n - 1].lower() not in {"and", "&", "of", "for", "y", "et", "und"}),
                     None)
        if company and title and not TITLE_WORD.match(company.split()[0]):
            return Role(title, company)
    return None


def _role_in_text(passage: str) -> Role | None:
    role = role_in(passage)
    return role if role.title else _comma_qualifier_at(passage)


# "She is Head of Finance, Central Europe at Dunajská Agro a.s. (...)": a title, after its
# comma the region or department it heads, then "at" and the company
_COMMA_THEN_AT = re.compile(r",[ \t]+(?P<rest>[" + UPPER + r"][^\n,;:()@]{1,120}?)"
                            r"(?=[ \t]*[(,;:\n]|\.\s+[" + UPPER + r"]|\.?$)")


def _comma_qualifier_at(passage: str) -> Role | None:
    for found in _COMMA_THEN_AT.finditer(passage):
        before = re.split(r"[\n.;:!?()]", passage[:found.start()])[-1]
        title = title_suffix(before)
        if not title:
            continue
        role = _comma_title_at([title, found.group("rest")])
        if role is not None:
            return role
    return None


def _card_role(passage: str, name: str | None, region: str) -> Role:
    """Name, title and company on lines of their own, as on a business card."""
    facts = mine_signature(passage, name, region)
    words = (facts.company or "").split()
    if len(words) == 2 and words[1].islower() and name and words[0] in name.split():
        # "Jens og" of "Hej Jens og Sofie,": the name and the word joining the next one
        return Role(facts.title, None)
    return Role(facts.title, facts.company)


# "works at Pinegrove Foundation as grants manager", "arbeitet bei Lumatec als Einkäuferin".
_WORKS_AT = re.compile(
    r"\b(?i:works (?:at|for)|arbeitet (?:bei|für)|travaille (?:chez|pour)|trabaja (?:en|para)|"
    r"lavora (?:presso|per|da|in|alla|al|nella|nello)|trabalha (?:na|no|em|para)|"
    r"werkt (?:bij|voor))\s+"
    r"(?P<company>(?-i:[" + UPPER + r"])(?:[^\n,;.()]|\.(?=[^\s.,;()]))*?(?P<dot>\.)?)"
    r"\s+(?:as|als|comme|en tant que|como|come)\s+"
    r"(?:a |an |the |un |une |"
    r"una? |uma? |een )?(?P<title>[^\n,;.()]+)")


# "lavora come designer per Fabbri Arredi", "werkt als planner bij Visser Logistiek", "works
# as a buyer for Northgate": the title first, then the company
_WORKS_AS = re.compile(
    r"\b(?i:works|working|arbeitet|travaille|trabaja|lavora|trabalha|werkt)\s+"
    r"(?i:as|als|comme|en tant que|como|come)\s+(?:a |an |the |un |une |una? |uma? |een )?"
    r"(?P<title>[^\n,;.()]+?)\s+(?i:at|for|bei|für|chez|pour|en|para|per|presso|in|na|no|em|"
    r"bij|voor)\s+(?P<company>(?-i:[" + UPPER + r"0-9])[^\n,;.()]*)")


def _works_at(passage: str) -> Role | None:
    match = _WORKS_AT.search(passage)
    if match and match.group("dot") and not is_legal_form(match.group("company").split()[-1]):
        match = None  # "works at Acme. As ...": the sentence ends; "B.V.", "Ltda." end a company
    if match and not is_title_phrase(match.group("title"), loose=True):
        # "werkt bij Deelkar als financieel directeur en zoekt ...": the title ends at the next
        # clause about the person
        title = re.split(r"\s(?:and|und|et|y|e|en|ed)\s", match.group("title"), maxsplit=1)[0]
        if is_title_phrase(title, loose=True):
            return Role(title.strip(), clean_company(match.group("company")))
    if match is None or not is_title_phrase(match.group("title"), loose=True):
        match = _WORKS_AS.search(passage)
        if match is None or not is_title_phrase(match.group("title"), loose=True):
            return None
        found = COMPANY_RE.match(match.group("company"))
        company = clean_company(found.group()) if found else None
        return Role(match.group("title").strip(), company) if company else None
    return Role(match.group("title").strip(), clean_company(match.group("company")))


def _labelled_role(passage: str) -> Role | None:
    """ "Company: Acme" and "Title: CTO" lines (contact-form and card-scanner notes)."""
    title = company = None
    for match in _LABELLED.finditer(passage):
        if match.group("key").lower() in _COMPANY_KEYS:
            company = company or match.group("value")
        else:
            title = title or match.group("value")
    return Role(title, company) if title or company else None


def _clause(text: str, *, semicolons: bool = True) -> str:
    """Text up to the end of its sentence; "Sr." and "Inc." do not end one; nor does a
    semicolon that sets a card's fields apart (``semicolons`` False)."""
    # "Baobab Cold Chain (Pty) Ltd": a bracketed legal form is the name's
    # and "UG (haftungsbeschränkt)"
    # and Sri Lanka's and Pakistan's "(Pvt) Ltd", "(Private) Limited"
    ends = (r"[.!?](?=\s|$)|\n|\((?!Pty\)|Pvt\)|Private\)|haftungsbeschränkt\))|"
            r"(?<!\(Pty)(?<!\(Pvt)(?<!\(Private)(?<!haftungsbeschränkt)\)"
            + (r"|;" if semicolons else ""))
    for match in re.finditer(ends, text):
        if match.group() == "." and _ABBREVIATED.search(text[: match.start()]):
            continue
        if match.group() == ".":
            form = dotted_form_at(text, match.start())
            if form == "inside":  # "Sp. z o.o.", "s.r.o.": a dot of a legal form
                continue
            if form == "last" and re.match(r"\s+[" + UPPER + r"]", text[match.end():]):
                return text[: match.end()]  # "... Sp. z o.o. Met at": the last dot ends both
            if form == "last":  # "Sp. z o.o. / a@x.pl": the sentence goes on
                continue
        return text[: match.start()]
    return text


# "Ilaria Dell'Anna al Vinitaly di Verona: enologa, Cantina Tre Colli (...)", "X at the
# Cybertech conference in Tel Aviv: VP R&D at Galitech": where they met, a colon, the role.
# ("Met X at the Hudson Valley cider summit; VP of Sales & Distribution, ...; x@...": a semicolon
# in the colon's place)
_OCCASION_COLON = re.compile(
    r"^[ \t]+(?:at|al|alla|all['’]|auf|beim|à|au|en|op|na|no|em|in|bij|sur)\b[^\n:.;!?()]{1,80}"
    r"(?::|;(?=[ \t]*[" + UPPER + r"]))")


def _role_after_occasion(after_name: str) -> Role | None:
    match = _OCCASION_COLON.match(after_name)
    if match is None:
        # "Kate Morgan (kate@...) at the law society dinner — Partner (Morgan & Reid LLP)": past
        # the address, the occasion set apart by a dash
        bare = re.sub(r"^\s*\([^()\n]*@[^()\n]*\)", "", after_name)
        match = _OCCASION_DASH.match(bare)
        return _listed_role("," + bare[match.end():]) if match else None
    return _listed_role("," + after_name[match.end():]) if match else None


# ("Met X at the Dublin Docklands SaaS breakfast - VP Sales, Liffeyside Analytics Ltd, ...": a
# hyphen between spaces as the dash)
_OCCASION_DASH = re.compile(
    r"^[ \t]+(?:at|al|alla|all['’]|auf|beim|à|au|en|op|na|no|em|in|bij|sur)\b[^\n:.;!?()—–]{1,80}?"
    r"[ \t](?:[—–]|-{1,2})[ \t]")


# ("Wyatt Calloway-Ibarra -- Director of Sales -- Front Range Hydrogen Inc. -- wyatt@..."): two
# hyphens as a dash
_LISTED_SPLIT = re.compile(r"\s*[,;]\s*|\s+(?://|--|[|·–—-])\s+")
_SLASH = re.compile(r"\s+/\s+")


_JOINING_WORDS = frozenset({"and", "et", "y", "e", "und", "en", "og", "och", "i", "&"})


def _listed_parts(clause: str) -> list[str]:
    """The parts of a listed role; "CEO / Co-founder", "Direttore Generale / CFO di Rota": a
    slash between two titles joins them, between other fields it parts them; "VP - Engineering":
    a dash between a title and the field it heads joins them."""
    parts: list[str] = []
    pieces_seps = _LISTED_SPLIT_KEEP.split(clause)
    for position in range(0, len(pieces_seps), 2):
        part = pieces_seps[position]
        separator = pieces_seps[position - 1].strip() if position else ""
        if (separator in {"-", "–"} and parts and part and is_title_filler(part)
                and is_title_phrase(parts[-1])):
            parts[-1] = f"{parts[-1]} {separator} {part}"
            continue
        pieces = _SLASH.split(part)
        kept = pieces[:1]
        for piece in pieces[1:]:
            words = piece.split()
            if words and TITLE_WORD.match(words[0]) and is_title_phrase(kept[-1], loose=True):
                kept[-1] = f"{kept[-1]} / {piece}"
            else:
                kept.append(piece)
        parts += kept
    # "Transportes del Norte, S.A. de C.V.": a legal form after a comma stays with its name
    joined: list[str] = []
    for part in parts:
        whole = f"{joined[-1]}, {part}" if joined and joined[-1] else None
        if whole and with_comma_form(joined[-1], whole) == whole:
            joined[-1] = f"{joined[-1]}, {part}"
        else:
            joined.append(part)
    return joined


_LISTED_SPLIT_KEEP = re.compile(r"(\s*[,;]\s*|\s+(?://|--|[|·–—-])\s+)")


# Between a one-line card's fields: "Name | Title | Company", "Name · Title · Company".
_STRONG_SEPARATORS = {"|", "·", "—", "–", "//", "/", "--"}
_STRONG_SPLIT = re.compile(r"\s+(?://?|--|[|·–—])\s+")


def _comma_title_field(clause: str) -> Role | None:
    """ "VP, Fleet & Terminal Operations — Falcon Dunes Logistics L.L.C. — ...": where a card's
    fields are set apart by pipes, middle dots or dashes, a comma inside the title's field goes
    on with the title (its department or region), and the next field is the company."""
    fields = [f.strip() for f in _STRONG_SPLIT.split(clause)]
    if len(fields) < 2 or "," not in fields[0]:
        return None
    head, *rest = [p.strip() for p in fields[0].split(",")]
    company = fields[1].strip()
    if (not rest or not all(rest) or not is_title_phrase(head, loose=True)
            or any(re.search(r"[@\d]", p) or is_legal_form(p.split()[-1]) for p in rest)
            or re.search(r"[@\d]", company) or not company[:1].isupper()
            or is_title_phrase(company, loose=True)):
        return None
    words = company.split()
    if not (len(words) >= 2 or is_legal_form(words[-1])):
        return None
    found = clean_company(company)
    return Role(fields[0], found) if found else None


# "Network Planning & Pricing at Great Lakes Freightways, LLC": a title's department, then
# the company after "at"
_QUALIFIER_AT = re.compile(
    r"^(?P<q>[" + UPPER + r"][^@\d,;()]{1,60}?)\s+(?:at|@)\s+(?P<c>[" + UPPER + r"][^@;()]+)$")


def _comma_title_at(parts: list[str]) -> Role | None:
    """ "VP, Network Planning & Pricing at Great Lakes Freightways, LLC": a short title, and
    after its comma the department it heads at the company: the title is both."""
    if len(parts) < 2 or len(parts[0].split()) > 3 or not is_title_phrase(parts[0], loose=True):
        return None
    found = _QUALIFIER_AT.match(parts[1])
    if found is None or len(found.group("q").split()) > 5:
        return None
    company = clean_company(found.group("c"))
    if not company or is_title_phrase(company, loose=True):
        return None
    return Role(f"{parts[0]}, {found.group('q')}", company)


_NEXT_CLAUSE = re.compile(rf"\s(?:and|et|und|y|e|ed)\s(?!{FIRM_WORDS}\b)(?=\S)")


def _before_next_clause(clause: str) -> str:
    """The clause up to its next "and" ("Priti is a freelance Shopify developer and built
    ours"), unless what follows is one more field of the title to the clause's end ("head of
    finance and operations")."""
    for found in _NEXT_CLAUSE.finditer(clause):
        rest = re.split(r"[.;,(]", clause[found.end():], maxsplit=1)[0].split()
        if rest and len(rest) <= 2 and all(w.lower() in TITLE_FIELD_WORDS for w in rest):
            continue
        if _joins_a_name(clause[:found.start()], rest):
            continue  # "Terre et Avenir Maroc": one organisation's name
        return clause[:found.start()]
    return clause


def _joins_a_name(before: str, rest: list[str]) -> bool:
    """Whether "and" joins the capitalized words of one name ("Terre et Avenir Maroc"): a
    field of one capitalized word, no one's given name, and capitalized words after it."""
    from assistant.parsing.labeller.features import is_given_name

    field = re.split(r"[,;:]", before)[-1].split()
    return (len(field) == 1 and field[0][:1].isupper() and field[0].isalpha()
            and not is_given_name(field[0]) and 0 < len(rest) <= 3
            and all(w[:1].isupper() for w in rest))


def _listed_role(after_name: str) -> Role | None:
    """ "Jane Doe, CTO, Acme" or "Jane Doe (CTO, Acme)" or "Jane Doe - CTO at Acme"."""
    bracket = re.match(r"^\s*\(([^)]*[@\d][^)]*)\)", after_name)
    if bracket:  # "(CEO, Alturas Pay, sofia@...)": the role inside, beside the details
        inside = [p.strip() for p in bracket.group(1).split(",")]
        parts = [p for p in inside if p and "@" not in p and not re.search(r"\d{3}", p)]
        role = role_in_list(parts[:3]) if len(parts) < len(inside) else Role(None, None)
        if role.title:
            return role
    after_name = re.sub(r"^\s*\([^)]*[@\d][^)]*\)", "", after_name)  # "(jane@x.com), CTO..."
    # "Isla Murray, isla@murraywool.co.uk; owner of Murray Wool; ...": past the address
    after_name = re.sub(r"^\s*[,;]?\s*[\w.+'-]+@[\w.-]+\w\s*(?=[,;])", "", after_name)
    match = re.match(r"^\s*(?:,|;|:|\(|//|--(?=\s)|[-–—/|·]|(?:is|ist|est|es|és|è|é)(?!\w))\s*"
                     r"(?:the |a |an |la |le |el |die |der )?"
                     # "Bruno, our CTO": the writer's own colleague's title
                     r"(?:(?:our|unser|unsere|unseren|notre|nuestro|nuestra|(?:il |la )?nostr[oa]|"
                     r"(?:o |a )?noss[oa]|onze|ons) (?=\S))?", after_name)
    if not match:
        return None
    clause = _clause(after_name[match.end():], semicolons=";" not in match.group())
    strong = match.group().strip() in _STRONG_SEPARATORS
    comma_title = _comma_title_field(clause) if strong else None
    if comma_title is not None:
        return comma_title
    whole_clause = clause
    if match.group().strip(" \t(,;/|·-–—"):
        # "Priti is a freelance Shopify developer and built ours": the role ends at the next
        # clause about the person
        # ("Agaves Beltrán e Hijos": a firm's own "e", not the sentence's)
        clause = _before_next_clause(clause)
    # "Jo Park - looking for a seed lead": a need, not a title
    # ("SVP @ Scioto River Utilities, Inc.": an "@" between words is "at", not an address)
    # ("..., boitumelo@..., and Neo Kgosi": the "and" before the next person is no field)
    parts = [p for p in _listed_parts(clause)
             if p and not re.search(r"\S@\S", p) and not opens_with_fact(p)
             and p.strip().lower() not in _JOINING_WORDS]
    for part in parts[:3]:  # "한빛로보틱스 CTO": a company in a script without case, its title
        words = part.split()
        cut = next((i for i, w in enumerate(words) if not all(_uncased_letter(c) for c in w)),
                   len(words))
        if 0 < cut < len(words) and is_title_phrase(" ".join(words[cut:]), loose=True):
            return Role(" ".join(words[cut:]), " ".join(words[:cut]))
    comma_at = _comma_title_at(parts)
    if comma_at is not None:
        return comma_at
    role = role_in_list(parts[:3])
    bracket_after = _BRACKETED_COMPANY.match(after_name[match.end() + len(whole_clause):])
    beside = (_COMPANY_AFTER_BRACKET.match(after_name, match.end() + len(whole_clause)
                                           + bracket_after.end())
              if role.title and not role.company and bracket_after and len(parts) == 1
              else None)
    company_beside = clean_company(beside.group("c")) if beside else None
    if (bracket_after and company_beside and len(bracket_after.group("c").split()) <= 4
            and not any(is_legal_form(w) for w in bracket_after.group("c").split())
            and not is_title_phrase(company_beside, loose=True)):
        # "Assistant Director (Investment Promotion), Central Province Tourism Development
        # Authority": with the company beside it, the bracket holds the field the title heads
        role = Role(f"{role.title} ({bracket_after.group('c').strip()})", company_beside)
    elif role.title and not role.company and bracket_after and len(parts) == 1:
        # "Partner (Morgan & Reid LLP)": the company in brackets after the title
        found = clean_company(bracket_after.group("c"))
        if found and not is_title_phrase(found, loose=True):
            role = Role(role.title, found)
    elif role.title and role.company and bracket_after and len(parts) == 1:
        # "Diretor de Importação (Lins Import Co.)": the field is the title's
        whole = role_in(f"{parts[0]} ({bracket_after.group('c')})")
        role = whole if whole.title and whole.company != role.company else role
    joined_titles = (role_in(re.split(r"[,;]", whole_clause)[0])
                     if role.title and whole_clause != clause else None)
    if (joined_titles and joined_titles.title and role.title
            and joined_titles.title.startswith(role.title + " ")):
        return joined_titles  # "cofundador y director técnico de AgroSensa": both titles
    if role.title and "," in clause:
        joined = role_in(clause)
        if joined.title and len(joined.title) > len(role.title):
            return joined
        if (joined.title == role.title and joined.company and role.company
                and joined.company.startswith(f"{role.company},")):
            return joined  # "socia de Santamaría, Oropeza y Asociados, S.C.": the whole firm
    if role.title:
        return role
    serving = _TITLE_FOR_BODY.match(parts[0].strip()) if parts else None
    if serving and is_title_phrase(serving.group("title"), loose=True):
        # "grants manager for the West of England Combined Authority": the body they work for
        return Role(serving.group("title"), serving.group("body"))
    if (match.group().strip() in {",", *_STRONG_SEPARATORS} and role.company and parts
            and role.company == clean_company(parts[0].strip())
            and _BODY_WORD.search(role.company) and len(role.company.split()) <= 6
            and re.search(r"[@\d]", whole_clause[len(parts[0]):])):
        # "Irakli Tsiklauri, Georgian Innovation Fund, irakli@...": a body's name alone between
        # the name and the address is where the person works
        return Role(None, role.company)
    return None


# The words naming a public or member body ("... Authority", "... University"), which a title's
# "for" may name as the employer; with those of firms and networks, what a body's name ends in.
_PUBLIC_BODY_WORDS = ("Office|Agency|Institute|Center|Centre|Council|Foundation|Association|"
                      "Commission|Fund|Trust|Ministry|Authority|University|College|Bank|Hospital|"
                      "Chamber|Board")
_TITLE_FOR_BODY = re.compile(
    r"^(?P<title>[^,;()@\d]{3,60}?)[ \t]+for[ \t]+(?:the[ \t]+)?(?P<body>(?-i:[" + UPPER
    + r"])[^,;()@\d]{2,80}?\b(?-i:" + _PUBLIC_BODY_WORDS + r"))$")


# The word naming what a body is: "Georgian Innovation Fund", "Tbilisi State University".
_BODY_WORD = re.compile(
    r"(?-i:\b(?:" + _PUBLIC_BODY_WORDS + r"|Alliance|Society|Coalition|Network|Academy|Bureau|"
    r"Clinic|Cooperative|Labs|Group|Holdings|Ventures|Capital|Partners|Studio|Collective)\b)\s*$")


# The company after a bracket and a comma: "(Investment Promotion), Central Province Authority,"
_COMPANY_AFTER_BRACKET = re.compile(
    r"[ \t]*,[ \t]*(?P<c>[" + UPPER + r"][^\n,;()@]*?(?: [" + UPPER
    + r"][^\n,;()@ ]*)+)[ \t]*(?=[,;.]|$)")
_BRACKETED_COMPANY = re.compile(
    r"^\s*\((?!(?i:ex-|ex |former|formerly|früher|ehemals|anciennement|antes|già|voorheen))"
    r"(?P<c>[^()@\d\n]+)\)")
_COMPANY_FROM = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:from|von|de chez|de|del)\s+(?P<c>[" + UPPER + r"][^\n,;.()]*)"
)


# "runs Northwind", "dirige Onde Verte", "leitet Lichtwerk": the company the person heads.
_COMPANY_RUN = re.compile(
    r"\b(?:ist bei|arbeitet bei|arbeitet für|works at|works for|werkt bij|werkt voor|zit bij|"
    r"travaille chez|travaille pour|trabaja en|trabaja para|lavora presso|lavora per|"
    r"trabalha na|trabalha no|trabalha em|trabalha para|"
    r"runs|owns|heads|leads|founded|co-founded|leitet|führt|gründete|dirige|gère|gestisce|"
    r"fondò|fundou|fundó|leidt|runt|"
    # "Maximilien a fondé Thalassa Cosmétiques SAM", "ha fundado", "ha fondato", Catalan "va
    # fundar" and "dirigeix"
    r"a fondé|a cofondé|a co-fondé|a créé|ha fundado|ha fondato|va fundar|dirigeix|"
    # "guida il Birrificio Valsesia S.r.l.", "lidera a Cervejaria Serra Azul", "conduce la
    # Trattoria ...": Italian, Spanish and Portuguese "leads"
    r"guida|conduce|lidera|comanda|"
    # the same verbs opening a sentence about the person just named ("Guida la Cantina ...")
    r"(?<=[.;:!][ ])(?:Runs|Owns|Founded|Co-founded|Leitet|Führt|Dirige|Gère|Gestisce|Guida|"
    r"Conduce|Lidera|Leidt|Ha fundado|Ha fondato|Va fundar|Dirigeix))\s+"
    # "runs fleet operations for Peachline Freight", "leitet den Einkauf bei Lumatec": a part of
    # the company the person heads, then the company
    r"(?:(?:the |den |die |das |le |la |les |el |il |a |o |de )?"
    r"(?-i:[a-z][\w-]*|(?<=den |die |das )[A-ZÄÖÜ][\w-]*)"
    r"(?: (?-i:[a-z&][\w-]*)){0,3} (?:for|at|bei|für|chez|pour|en|para|per|presso|na|no|em|"
    r"bij|voor"
    # "leitet das Firmenkundengeschäft der Nordmark Bank AG", "dirige le service export des
    # Vignobles Arnaud": the part of the company, then the company in the genitive
    r"|der|des|du|de la|del|della|dello) (?:den |dem |der |the |la |le |el |il |de )?|"
    # "dirige la Fromagerie Lavergnat SAS", "runs the Harbour Inn", "gestisce il Caseificio
    # Rossi": an article, then the company's name in two capitalized words or more ("owns the
    # Tesla" names a thing)
    r"(?:the |la |le |el |il |lo |het |l['’])"
    # ("works for the Ministry of Agriculture": a particle between the two)
    r"(?=(?-i:[" + UPPER + r"][\w'’&-]*[ ](?:(?:of|for|de|des|du|del|della|di|da|do)[ ])?"
    r"[" + UPPER + r"0-9]))|"
    # "dirige le studio web Atelier Pixel", "runs the design studio Fernhill": what it is, then
    # its name
    r"(?:the|le|la|el|il|lo|die|das|den|het|o) (?-i:[" + LOWER + r"][\w-]*)(?: (?-i:[" + LOWER
    + r"][\w-]*)){0,2} "
    r")?(?P<c>[" + UPPER + r"](?:[^\n,;.()]|\.(?=[^\s.]))*)")


# "owns clay barn studio met him at ...": in a note typed all in lower case, the words after
# "owns"/"runs" up to the next verb of the note are the company, kept as typed
_LOWERCASE_RUN = re.compile(
    r"\b(?:runs|owns|heads|founded|co-founded|leitet|führt|dirige|gère|gestisce|leidt|runt)\s+"
    r"(?!(?:the|a|an|his|her|their|our|my|den|die|das|le|la|les|el|il|de|het)\s)"
    r"(?P<c>[a-z0-9][\w&'-]*(?:\s+[a-z0-9][\w&'-]*){0,3}?)"
    r"(?=\s+(?:met|meet|wants|needs|need|is|was|and|who|which|looking|interested|said|asked|"
    r"will|promised|saw|spoke|talked|chatted|getroffen|rencontré|conocí|conosciuto|ontmoet)\b"
    r"|\s*[,.;(]|\s*$)")


def _lowercase_company_run(passage: str) -> str | None:
    if any(c.isupper() for c in passage):
        return None
    match = _LOWERCASE_RUN.search(passage)
    return match.group("c") if match else None


def _company_run(passage: str) -> str | None:
    match = _COMPANY_RUN.search(passage)
    company = _capitalized_company(match)
    if (match and company and company == match.group("c").strip()
            and passage[match.end():match.end() + 1] == "."):
        # "dirige la Quesería Valdeón S.L. y busca": the dot is the legal form's
        dotted = clean_company(f"{company}.")
        company = dotted if dotted and dotted.endswith(".") else company
    return company


def _company_from(after_name: str) -> str | None:
    return _capitalized_company(_COMPANY_FROM.match(after_name))


_ELIDED_NAME_WORD = re.compile(r"(?:d|l|dell|dall|sull|all|nell)['’][" + UPPER + r"][\w'’-]*")
_NAME_PARTICLES = {"di", "da", "de", "del", "della", "do", "dos", "das", "du", "des", "von", "van"}


def _capitalized_company(match: re.Match[str] | None) -> str | None:
    if not match:
        return None
    words: list[str] = []
    written = match.group("c").split()
    for index, word in enumerate(written):
        if (words and index == len(written) - 1 and not is_legal_form(word)
                and match.string[match.end("c"):match.end("c") + 1] == "."
                and is_legal_form(f"{word}.")):
            words.append(f"{word}.")  # "runs Lovćen Cargo Ekspres d.o.o. in Bar": its last dot
            break
        if not (word[0].isupper() or word[0].isdigit() or word in {"&", "e.V."}
                or (words and is_legal_form(word))  # "Reding Transports S.à r.l."
                # "Distilleria Val di Cembra": a particle before a capitalized word
                # ("the Ministry of Agriculture", "Bank of Monrovia": "of" as well)
                or (words and (word in _NAME_PARTICLES or word == "of") and index + 1 < len(written)
                    and written[index + 1][:1].isupper())
                # "Miel d'Ankarafantsika": an elided particle before a capitalized word
                or (words and _ELIDED_NAME_WORD.fullmatch(word))):
            break
        words.append(word)
    return clean_company(" ".join(words)) if words else None


def _card_line_title(passage: str, role: Role, name: str | None, region: str) -> Role:
    """A title and a "company" read from one line that stands alone, as on a card ("Gerente de
    Exportaciones Andinas" over "Cacaotera Quilotoa S.A."): when the card reader takes that line
    whole as the title and finds the company on a line of its own, the line names a department
    and the card's reading is the role."""
    assert role.title is not None and role.company is not None
    # (built from the title and company: compiled only for a line that starts with the title
    # and holds the company)
    title, company = role.title, role.company
    line = re.search(rf"(?m)^[ \t]*{re.escape(title)}[ \t]+(?:[^\W\d_]+[ \t]+){{1,2}}?"
                     # "Gerente de Seguridad, Salud y Medio Ambiente": the line goes on
                     rf"{re.escape(company)}(?:[,&][^\n@]*)?[ \t]*$", passage) if any(
        row.strip(" \t").startswith(title) and company in row
        for row in passage.split("\n")) else None
    if line is None:
        return role
    card = _card_role(passage, name, region)
    if (card.title and card.company and card.company != role.company
            # ("Gerente de Proyectos Hídricos" / "y Desalación": the card's title goes on)
            and card.title.split()[:len(line.group().split())] == line.group().split()):
        return card
    return role
