"""Contact fields from free text: names, emails, phones, URLs, titles and companies.

Each field goes through its field's library: names through ``nameparser``, addresses through
``email-validator`` (syntax only), phones through ``phonenumbers`` (E.164 out). Titles and
companies are read from the phrasings people use ("CTO at Acme", "VP Marketing @ Corvid",
"Head of Growth bei Foo GmbH", "directrice commerciale chez Bar SA") and from signature blocks.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from nameparser import HumanName

from assistant.parsing.legal_forms import form_words_at, is_form_word, tail_pattern
from assistant.parsing.letters import UPPER
from assistant.parsing.memo import short_text_memo

log = logging.getLogger(__name__)

_MEMO_LIMIT = 200  # characters: longer strings are never remembered by the memoized helpers

# Bounded runs and a left boundary keep this linear: "a" * 100_000 took 29 s unbounded.
EMAIL_RE = re.compile(r"(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+", re.UNICODE)
URL_RE = re.compile(
    r"\b(?:https?://[^\s<>()\"']+|www\.[^\s<>()\"']+|(?:[a-z]{2,3}\.)?linkedin\.com/[^\s<>()\"']+)",
    re.IGNORECASE,
)
# Title words read case-sensitively (ambiguous in lower case: "lead", "head", "chief").
_TITLE_CAPS = (
    r"CEO|CTO|CFO|COO|CMO|CIO|CPO|CRO|CSO|CDO|CISO|CHRO|VP|SVP|EVP|AVP|GM|MD|PDG|DG|DRH|SRE|PM|EM|GC"
    r"|DAF|DSI|DAJ|DGA|BDR|SDR|AE"
    r"|Chief|Head|Lead|President|Présidente?|Presidenta?|Chair|Chairman|Chairwoman|Officer|Owner"
    r"|Principal|Partner|Partnerin|Associate|Executive|Evangelist|Editor|Producer|Professor"
    r"|Inhaber(?:in)?|Geschäftsführer(?:in)?|Leiter(?:in)?|Vertriebsleiter(?:in)?|Teamleiter(?:in)?"
    r"|Gründer(?:in)?|Mitgründer(?:in)?|Mitbegründer(?:in)?|Entwickler(?:in)?|Ingenieur(?:in)?"
    r"|Berater(?:in)?|Referent(?:in)?|Prokurist(?:in)?|Vorstand|Chef|Jefe|Jefa|Gerente|Leitung"
)
# Title words that are unambiguous in any case.
_TITLE_ANY = (
    r"founder|co-?founder|co-?fondat(?:eur|rice|ore)|fondat(?:eur|rice)|co-?fundador(?:a)?|fundador(?:a)?"
    r"|director(?:a)?|directeur|directrice|manager(?:in)?|engineer|ingénieure?|ingenier[oa]"
    r"|designer|consultant(?:e)?|consultor(?:a)?|recruiter|investor|advisor|adviser|analyst"
    r"|analista|developer|desarrollador(?:a)?|développeu(?:r|se)|scientist|architect|architecte"
    r"|responsable|coordinat(?:or|eur|rice)|coordinador(?:a)?|specialist|strategist|attorney"
    r"|lawyer|counsel|avocate?|abogad[oa]|accountant|journalist|journaliste|periodista|"
    r"recruteu(?:r|se)"
    r"|gérante?|jefe|jefa|gerente|chargée?|commercial(?:e)?|partner|auditor|auditeur|controller"
    r"|lead|head"
    r"|recruteur|editor|producer|officer|directora|vorstand|soci[oa]|associée?|gesellschafter(?:in)?"
    r"|rechtsanw(?:alt|ältin)|anw(?:alt|ältin)|steuerberater(?:in)?|notar(?:in)?|architekt(?:in)?"
    r"|ärztin|arzt|professor(?:in)?|médecin|avocat|notaire|médic[oa]|doctor(?:a)?|profesor(?:a)?"
    r"|fachanw(?:alt|ältin)|responsabile|consulente|rappresentante|direttore|direttrice|titolare|fondat(?:ore|rice)"
    r"|amministratore|ingegnere|avvocat[oa]|commercialista|diretor(?:a)?|gestor(?:a)?"
    r"|engenheir[oa]|advogad[oa]|sóci[oa]|coordenador(?:a)?|eigenaar|eigenares|oprichter"
    r"|medeoprichter|inkoper|adviseur|projectleider|bedrijfsleider|teamleider|advocaat"
    # German and Dutch compounds end in their title word: "Projektleiter", "Vertriebsberaterin"
    r"|\w+(?:leiter|leiterin|berater|beraterin|entwickler|entwicklerin|ingenieur|ingenieurin"
    r"|referent|referentin|leider|adviseur)|vorständin|vorstandsvorsitzender?|aufsichtsrätin"
)
# Trades and occupations people are met as ("caviste chez ...", "enologo presso ..."): title
# words for the rules, added after the block model was trained.
_TITLE_TRADES = (
    r"caviste|sommeli(?:er|ère|ere)|vigneron(?:ne)?|winemaker|enolog[oa]|œnologue|oenologue"
    r"|(?:master )?blender|distiller|cellar master|roaster|head brewer"
    r"|brewmaster|braumeister(?:in)?|cuisini(?:er|ère)|boulang(?:er|ère)|pâtissi(?:er|ère)"
    r"|photographer|photographe|fotograf(?:in)?|fotógraf[oa]|illustrat(?:or|eur|rice)"
    r"|copywriter|translator|tradu(?:cteur|ctrice|ctor|ctora)|acheteu(?:r|se)|einkäufer(?:in)?"
    r"|comprador(?:a)?|buyer|estimator|pharmacist|pharmacien(?:ne)?|farmac[eé]utic[oa]"
    r"|veterinarian|vétérinaire|broker|courtier|makelaar|agronom[oe]|agrónom[oa]"
    r"|dise[nñ]ador(?:a)?|progettista|ontwerper|vormgever|gestalter(?:in)?|grafiker(?:in)?"
    r"|graphiste|grafista|redactor(?:a)?|rédact(?:eur|rice)|redattore|redattrice|author|writer"
    r"|artist|artiste|künstler(?:in)?|kunstenaar|musician|musicien(?:ne)?|cociner[oa]|cuoc[oa]"
    r"|köchin|chef|ceramicist|jewell?er|woodworker|blacksmith"
    r"|glassblower|florist|distiller|grower|roaster"
    r"|coordonnat(?:eur|rice)|président(?:e)?|president|co-president|(?:tour )?operator"
    r"|guide|comptable|contable|buchhalter(?:in)?|boekhouder|contabile|bookkeeper"
    r"|chocolatier|cheesemaker|owner|co-?owner|propriétaire|dueñ[oa]|proprietári[oa]"
    # heads and officers the block model was not trained with ("Hoofd Inkoop", "Chefe de
    # Produção", "Administradora", "Pressesprecherin")
    r"|hoofd|\w+hoofd|chefe|chief|administrador(?:a)?|amministratrice|pressesprecher(?:in)?"
    # board members who run the company: "Consejero Delegado", "Conselheira Delegada"
    r"|consejer[oa]|conselheir[oa]"
    # who chairs a board or a cooperative: "chair of Lam Vien Coffee Cooperative"
    r"|chair|chairperson|chairwoman|chairman"
    # think tanks' and universities' "Senior Fellow", "Research Fellow"
    r"|fellow"
    # Vietnamese heads: "Giám đốc" (director), "Trưởng phòng" (head of a department)
    r"|giám|trưởng"
    r"|woordvoer(?:der|ster)|beleidsadviseur|mede-oprichter|co-oprichter|mede-eigenaar"
    r"|cheffe|planner|planificador(?:a)?|pianificat(?:ore|rice)"
    # Belgian managers: "zaakvoerder van Leiedal Bouwteam BV", "gedelegeerd bestuurder"
    r"|zaakvoerder|zaakvoerster|bestuurder|bestuurster"
    # Portuguese "Responsável de Compras e Qualidade"
    r"|respons[aá]vel"
    # compounds: "Produktmanagerin", "Marketingmanager"; "Sócia-diretora", "Socio-director"
    r"|\w+manager(?:in)?|ilustrador(?:a)?|sóci[oa]-\w+|socio-\w+"
    # hyphenated: "Channel-Manager", "Key-Account-Managerin", "Vertriebs-Leiter"
    r"|[\w-]+-(?:manager|managerin|leiter|leiterin|berater|beraterin)"
    r"|direktor(?:in)?|hoteldirektor(?:in)?|geschäftsleiter(?:in)?"
    # "enólogo-chefe", "sous-chef", "redattore-capo", "ingeniero-jefe"
    r"|\w+-(?:chefe|chef|jefe|jefa|capo)"
    r"|\w+-(?:diretor|diretora|director|directora|gerente|fundador|fundadora)"
    # professions as Italian, Spanish, Portuguese and Dutch write them without accents
    r"|fotograf[oa]|fotograaf|architett[oa]|arquitect[oa]|arquitet[oa]|illustratore|notaio"
    r"|medic[oa]|giornalista|jornalista|geometra|contador(?:a)?"
    r"|enólog[oa]|sommelière|gerenta"
    # co-owners: "Mitinhaber von TicinoSoft SA", "Teilhaberin der Kanzlei Roth"
    r"|mitinhaber(?:in)?|teilhaber(?:in)?|miteigentümer(?:in)?|eigentümer(?:in)?"
    # chairs: "Präsidentin des Verwaltungsrates", "Vizepräsident", "presidenta del consejo"
    r"|präsident(?:in)?|vizepräsident(?:in)?|presidente|presidenta|vicepresidente|vicepresidenta"
    r"|vice-president|vice-présidente?|vicepresident"
    # deputies: "Subdirectora Comercial", "Subgerente de Ventas", "Vicedirector", "Subjefe"
    r"|sub-?(?:director|directora|diretor|diretora|gerente|jefe|jefa|direttore|direttrice)"
    r"|vice-?(?:director|directora|diretor|diretora|gerente|direttore|direttrice)"
    # Czech, Slovak and Polish heads and officers: "Ředitelka pro rozvoj", "jednatel",
    # "Riaditeľ predaja", "Kierownik ds. zakupów"
    r"|ředitel(?:ka)?|\w+ředitel(?:ka)?|jednatel(?:ka)?|vedoucí|manažer(?:ka)?|majitel(?:ka)?"
    r"|zakladatel(?:ka)?|spoluzakladatel(?:ka)?|předsed(?:a|kyně)|místopředsed(?:a|kyně)"
    r"|riaditeľ(?:ka)?|konateľ(?:ka)?|dyrektor(?:ka)?|kierownik|kierowniczka|wiceprezes"
    r"|właściciel(?:ka)?|współwłaściciel(?:ka)?|założyciel(?:ka)?|współzałożyciel(?:ka)?"
    # universities' and public bodies' officers: "senior lecturer in tourism", "Vice-Rector
    # for Research", "Secretary General", "Deputy Registrar", "Treasurer", "Commissioner"
    r"|lecturer|rector|vice-rector|pro-?rector|vice-chancellor|pro-vice-chancellor|registrar"
    r"|secretary|secretary-general|treasurer|commissioner"
    # "vice-dean for research and development", "investigadora, Fundación ...": a faculty's
    # deputy heads and researchers ("Dean" alone is also a given name)
    r"|vice-dean|pro-?dean|vice-provost|researcher|investigador(?:a)?|pesquisador(?:a)?"
    r"|chercheur|chercheuse|forscher(?:in)?|ricercatore|ricercatrice|onderzoeker"
    # Baltic and Icelandic heads and officers: "Valdes priekšsēdētājs" (chair of the board),
    # "Direktorius", "Tegevjuht", "Framkvæmdastjóri" (managing director), "Sölustjóri"
    r"|priekšsēdētāj[sa]|vadītāj[sa]|direktors|direktore|īpašniek[se]|dibinātāj[sa]"
    r"|direktorius|direktorė|vadovas|vadovė|pirmininkas|pirmininkė|savininkas|savininkė"
    r"|juhataja|tegevjuht|esimees|omanik|asutaja|liige|loceklis|locekle"
    r"|framkvæmdastjóri|forstjóri|\w+stjóri|eigandi|stofnandi|formaður"
)
# Crafts that are also common family names ("Tom Baker", "Ann Potter", "Joe Farmer") are
# Catalan title words ("gerent", "advocada i sòcia", "enginyera", "assessor fiscal"), added
# for the rules after the block model was trained.
_TITLE_TRADES += (r"|gerent|advocad?[ta]|sòci[oa]|enginyer(?:a)?|assessora?|comptable"
                  r"|conseller(?:a)?")
# Portuguese titles joined by a hyphen: "administrador-delegado", "diretora-geral", "director-
# adjunto", "secretário-geral"
_TITLE_TRADES += (r"|(?:administrador|diretor|director|secretári[oa]|gerente|presidente)a?"
                  r"-(?:delegad[oa]|geral|adjunt[oa]|executiv[oa])")
# Russian, Ukrainian and Belarusian title words in their cases ("директор", "Заместитель
# директора по развитию", "тэхнічны дырэктар", "заснавальніца", "партнёр")
_TITLE_TRADES += (r"|директор\w*|дырэктар\w*|инженер\w*|інженер\w*|інжынер\w*|партн[её]р\w*"
                  r"|основател\w*|сооснова\w*|засновни\w*|заснавальні\w*|менеджер\w*"
                  r"|руководител\w*|керівни\w*|кіраўні\w*|начальни\w*|заместител\w*|заступни\w*"
                  r"|намеснік\w*|председател\w*|старшын\w*|бухгалтер\w*|юрист\w*|консультант\w*"
                  r"|аналитик\w*|аналітик\w*|экономист\w*|архитектор\w*|дизайнер\w*|маркетолог\w*"
                  r"|технолог\w*|программист\w*|разработчик\w*|эксперт\w*|специалист\w*"
                  # Tajik: "роҳбари шуъба", "муовини директор", "асосгузор", "мудир"
                  r"|роҳбар\w*|муовин\w*|асосгузор\w*|мудир\w*|сардор\w*|сармуҳосиб\w*")
# Danish, Norwegian, Swedish and Faroese titles: "administrerende direktør", "salgschef",
# "daglig leder", "innkjøpssjef", "grundare", "medstifter", "indehaver", "projektleder"
_TITLE_TRADES += (r"|direktør|direktör|direktørinne|\w+chef|\w+sjef|\w+sjefe|"
                  r"stifter|medstifter|grundlægger|grundare|medgrundare|gründer|medgründer|"
                  r"indehaver|innehavare|innehaver|ejer|ägare|delägare|medejer|konsulent|"
                  r"konsult|rådgiver|rådgivare|rådgjevar|projektleder|projektledare|"
                  r"prosjektleder|formand|ordförande|styreleder|bestyrelsesformand|"
                  r"stjórnarformaður|nevndarformaður|leiðari|\w+leiðari")
# the keepers of collections and the members of a firm's staff: "curator at the Folk Trust",
# "conservatrice du musée", "archivist", "Senior Associate"
_TITLE_TRADES += (r"|curator|curatrice|curat(?:eur|rice)|conservat(?:eur|rice|or|ora)|archivist"
                  r"|archiviste|archivista|librarian|registrar")
# title words only as written in lower case, so a capitalized one still ends a name.
_TITLE_TRADE_SURNAMES = r"potter|weaver|carpenter|tailor|baker|butcher|brewer|farmer"
# "a principal at Doyle & Achterberg Lawyers": in lower case, "principal" is the title of a
# firm's partner (capitalized, "Principal" is already a title word)
_TITLE_TRADE_SURNAMES += r"|principal"
# "daglig leder", "projektledare": the Nordic "leader" in lower case ("Jane Leder" is a name)
_TITLE_TRADE_SURNAMES += r"|leder|ledare"
TITLE_WORD = re.compile(
    rf"^(?:(?:{_TITLE_CAPS})|(?i:{_TITLE_ANY}|{_TITLE_TRADES})|(?:{_TITLE_TRADE_SURNAMES}))$")


@short_text_memo(4096, _MEMO_LIMIT)  # a message's words are asked of again and again
def is_title_word(word: str) -> bool:
    """Whether ``TITLE_WORD`` matches ``word``, once per distinct word."""
    return TITLE_WORD.match(word) is not None


# The title words the block model's features were computed with when it was trained: the
# labeller reads with these, so the rules' list can grow without changing the model's inputs
# (``make model`` rebuilds the shipped model byte for byte).
LABELLER_TITLE_WORD = re.compile(rf"^(?:(?:{_TITLE_CAPS})|(?i:{_TITLE_ANY}))$")
_TITLE_EXTRA = {
    # Russian, Ukrainian and Belarusian: "Главный инженер", "генеральный директор",
    # "Заместитель директора по развитию", "тэхнічны дырэктар"
    "главный", "генеральный", "технический", "коммерческий", "финансовый", "исполнительный",
    "старший", "ведущий", "головний", "генеральний", "технічний", "комерційний", "фінансовий",
    "виконавчий", "галоўны", "генеральны", "тэхнічны", "камерцыйны", "фінансавы",
    "выканаўчы", "по", "з", "па", "развитию", "продажам", "маркетингу", "закупкам", "финансам",
    "логистике", "производству", "персоналу", "развитку", "продажів", "закупівель", "развіццю",
    "продажах", "продажы",
    # "administrerende direktør", "Adm. direktør", "verkställande direktör", "daglig leder"
    "administrerende", "adm.", "adm", "verkställande", "daglig", "teknisk", "tekniske",
    "kommerciel", "kommersiell", "kommersiel", "økonomi", "ekonomi", "salg", "salgs",
    "försäljning", "ansvarlig", "ansvarig", "för", "og", "och", "adm.direktør",
    # "Directeur Administratif et Financier", "Director Administrativo", "Directora Jurídica"
    "administratif", "administrative", "administrativo", "administrativa", "amministrativo",
    "amministrativa", "juridique", "jurídico", "jurídica", "giuridico", "juridisch",
    "senior", "sr.", "sr", "junior", "jr", "staff", "global", "regional", "managing", "general",
    "country", "phó",
    "deputy", "assistant", "interim", "executive", "associate", "vice", "of", "de", "des", "du",
    "del", "de la", "für", "for", "and", "&", "y", "et", "und", "-", "/", "product", "marketing",
    "sales", "engineering", "growth", "operations", "partnerships", "business", "development",
    "people", "talent", "finance", "data", "design", "communications", "research", "technology",
    "strategy", "content", "customer", "success", "ventas", "ventes", "vertrieb", "commerciale",
    "commercial", "technique", "technical", "software", "platform", "security",
    "brand", "community", "digital", "innovation", "investments", "legal", "procurement", "hr",
    "it", "ux", "ui", "ai", "ml", "devops", "infrastructure", "account", "accounts", "partner",
    "principal", "lead", "head", "chief", "financier", "financière", "financiero", "financiera",
    "comercial", "técnico", "técnica", "produit", "producto", "la", "el", "los", "las",
    "recursos", "humanos", "ressources", "humaines", "personal", "einkauf", "technik", "emea",
    "dach", "apac", "americas", "europe", "north", "america", "latam", "iberia", "france", "us",
    "uk", "revenue", "b2b", "saas", "cloud", "mobile", "web", "frontend", "backend",
    "full-stack", "fullstack", "information", "international", "national", "relations",
    "investor", "program", "project", "projects", "programme", "office", "studio", "creative",
    "art", "editorial", "news", "a.i.", "hardware", "supply", "chain", "logistics", "fund",
    "startup", "freelance", "independent", "fractional", "founding", "compliance", "risk", "audit",
    # a lecturer's subject: "Senior Lecturer in Materials"
    "materials", "chemistry", "physics", "mathematics", "economics", "biology", "geology",
    # "consultor independiente", "consultant indépendant", "consulente indipendente"
    "independiente", "indépendant", "indépendante", "independente", "indipendente",
    "experience", "channel", "events", "event", "solutions", "services", "client", "support",
    "quality", "field", "partnership", "ops", "revops", "enterprise", "analytics", "sustainability",
    "impact", "education", "health", "clinical", "medical", "policy", "public", "affairs",
    "government", "real", "estate", "estates", "property", "i", "ii", "iii", "vp,",
    "svp,",
    # "VP, Finance and Administration", "General Manager, Procurement and Contracts"
    "administration", "admin", "contracts",
    # "Deputy Director of Investment Promotion and Facilitation"
    "promotion", "facilitation",
    "operaciones", "opérations", "finanzas", "finances", "tecnología", "technologie", "compras",
    "achats", "logística", "logistique", "proyectos", "projets", "innovación", "estrategia",
    "stratégie", "comunicación", "communication", "desarrollo", "développement", "negocio",
    "negocios", "affaires", "clientes", "clients", "betrieb", "entwicklung", "finanzen", "produkt",
    "marketing,", "général", "générale", "generalo", "adjoint", "adjointe", "de l'",
    "bd", "biz", "dev", "gtm", "médica", "médico", "médical", "médicale", "medizinische",
    "di", "do", "da", "van", "voor", "tecnico", "tecnica", "vendite", "acquisti", "commerciali",
    "delegato", "delegata", "financeiro", "financeira", "parcerias", "vendas", "operações",
    "innovazione", "inovação", "inkoop", "verkoop", "installaties", "techniek", "financieel",
    "kommunikation", "gewerblichen", "rechtsschutz", "grants", "partnerships,", "export",
    # departments a title names ("Head of Trading", "Director of Purchasing")
    "trading", "treasury", "purchasing", "production", "manufacturing", "maintenance", "payroll",
    "facilities", "safety", "training", "recruitment", "recruiting", "culture", "portfolio",
    "underwriting", "claims", "credit", "lending", "tax", "accounting", "payments", "retail",
    "wholesale", "distribution", "exports", "imports", "sourcing", "buying", "merchandising",
    "nursing", "pharmacy", "radiology", "cardiology", "oncology", "admissions", "development,",
    "regulatory", "corporate", "scientific", "environmental", "governance", "pricing", "customs",
    "import", "diagnostics", "internal", "external", "institutional", "commercial,", "r&d",
    "réglementaires", "regulatorische", "regulatorio", "regolatori", "regulatória", "zaken",
    "douanezaken", "asuntos", "assuntos", "affari", "relaciones", "relações", "relazioni",
    "market", "markets", "access", "planning", "insights", "excellence", "medical,",
    "qualità", "qualité", "calidad", "qualidade", "qualität", "kwaliteit", "qualitätssicherung",
    "acquisitions", "m&a", "estero", "exportación", "exportação",
    # "Investment Director", "Geschäftsführende Gesellschafterin", "Kaufmännischer Leiter"
    "investment", "geschäftsführende", "geschäftsführender", "kaufmännische", "kaufmännischer",
    # "socio fondatore e direttore creativo", "Fondatrice & directrice artistique"
    "e", "ed", "creativo", "creativa", "creatief", "creatieve", "créatif", "créative",
    "artistique", "artístico", "artística", "artistico", "artistica", "kreativ", "kreative",
    "fondatore", "fondatrice", "fundadora", "fundador",
    # Czech, Slovak and Polish: "for" and "in charge of" ("Ředitelka pro rozvoj", "Dyrektor ds.
    # Technicznych"), the adjectives of a head ("obchodní ředitel") and the fields they head
    "pro", "pre", "ds.", "obchodní", "technický", "technická", "finanční", "výkonný", "výkonná",
    "generální", "provozní", "personální", "obchodný", "technický,", "rozvoj", "obchod",
    "nákup", "prodej", "výrobu", "výroba", "provoz", "inovace", "rozvoja", "predaja",
    "obchodu", "nákupu", "sprzedaży", "zakupów", "rozwoju", "marketingu", "technicznych",
    "finansowych", "eksportu", "handlowy", "handlowa", "techniczny", "finansowy", "zarządu",
    "mercadotecnia", "mercadeo",
    # Baltic boards a chair or member sits on: "Valdes priekšsēdētājs", "Juhatuse liige"
    "valdes", "padomes", "juhatuse", "valdybos",
    # departments a "de"/"des" phrase names ("directora de RR.HH.", "Directora de Exportaciones",
    # "Präsidentin des Verwaltungsrates")
    "operating", "rr.hh.", "rr.hh", "rrhh", "exportaciones", "importaciones", "verwaltungsrates",
    "verwaltungsrats", "aufsichtsrates", "aufsichtsrats", "vorstandes", "vorstands",
    "stiftungsrates", "stiftungsrats", "beirates", "beirats",
}
# The words of a title's field ("sales", "operations"), for the readers of other modules
TITLE_FIELD_WORDS = frozenset(_TITLE_EXTRA)
_NOT_IN_TITLE = {"at", "en", "bei", "chez", "bij", "@", "with", "from", "is", "was", "who", "and"}
_ACRONYM = re.compile(r"^(?:[A-Z]{2,4}|[A-Z]{1,3}&[A-Z]{1,3})s?$")  # "CX", "R&D", "M&A"
# Words that end a company name read after "at"/"chez"/...: a verb or connector follows.
_COMPANY_TOKEN = (r"(?:P/F|Sp/f|A/S|I/S|K/S|"  # the Nordic forms with a slash: "P/F Fiskavirkið"
                  r"[" + UPPER + r"0-9][\w&'’.+-]*|&|e\.V\.|e\.K\.?|e\.U\.|eG|mbH|"
                  r"plc\b|"
                  r"(?:of|de|and|für|y|et|und)(?!\w))")
# Particles inside a name ("Frutas del Sur", "Banco do Brasil", "Haus der Musik") are kept
# only when a capitalized word follows them.
# "Agence ... pour l'Innovation Agricole", "Stiftung ... für Bildung": a name for its purpose
_FOR_AFTER = ("Office", "Agency", "Institute", "Center", "Centre", "Council", "Foundation",
              "Alliance", "Society", "Association", "Commission", "Fund", "Trust", "Coalition",
              "Network", "Partnership", "Department", "Ministry", "Academy", "Bureau", "Authority",
              "Initiative", "Programme", "Program", "Laboratory", "Campaign")
_COMPANY_PARTICLE = (r"(?:del|della|di|da|do|dos|das|du|des|der|den|van|von|la|le|the|pour|para|"
                     r"für|"
                     # "Fairways to Work CLG", "Pathways to Employment Ltd": "to" inside a name
                     # that a legal form closes
                     r"to(?=(?:[ ][" + UPPER + r"][\w'’-]*){1,3}[ ](?:CLG|DAC|CIC|CIO|Ltd|"
                     r"Limited|LLC|Inc|Trust|Foundation)\b)|"
                     # "Massachusetts Office for Offshore Wind Workforce": a body named for its
                     # purpose after the word naming what it is
                     + "(?:" + "|".join(f"(?<={w} )" for w in dict.fromkeys(_FOR_AFTER)) + ")for"
                     r")(?=[ ](?:[dl]['’])?[" + UPPER + r"])")
# An elided article or particle before a capitalized word inside a name: "Algues d'Iroise",
# "Biscuiterie de l'Odet", "Cantina dell'Etna".
_ELIDED_WORD = r"(?:d|l|dell|dall|sull|all|nell)['’][" + UPPER + r"][\w&'’.+-]*"
# "Brasserie de la Vallée de l'Ourthe SRL": a legal form after a long name is still the name's
_TAIL_FORM = (r"(?:SRL|S\.R\.L\.|S\.r\.l\.|SA|S\.A\.|BV|B\.V\.|NV|N\.V\.|GmbH|AG|Ltd\.?|Inc\.?|"
              r"LLC|LLP|Sàrl|SàRL|Sagl|e\.U\.|e\.K\.|KG|SAS|SARL|S\.L\.|S\.p\.A\.|Lda\.|Ltda\.|"
              # "Érablière Boréale inc.", "Moselle Fintech S.à r.l.", "Umoya Wind (Pty) Ltd"
              r"inc\.?|ltée|r\.l\.|\(Pty\)[ ]Ltd\.?|(?<=UG[ ])\(haftungsbeschränkt\)|"
              # the South Asian private company: "Southern Sails Leisure (Pvt) Ltd"
              r"\((?i:pvt|private)\)[ ](?i:ltd\.?|limited)|"
              # every form cleanco knows written with a dot, slash or space: "Fjordkapital A/S",
              # "Mleczarnia Odra Sp. z o.o.", "Tatra Stroj s.r.o."
              rf"{tail_pattern()})"
              r"(?![\w&'’+-]|\.\w)")
_DOTTED_FORM = rf"{tail_pattern()}(?![\w&'’+/-]|\.\w)"
# Czech, Slovak and Polish names go on in lower case, and end in a legal form written with a
# dot: "Jihomoravské pivovary a.s.", "Tatranská mliekareň a.s.": a word or two in lower case
# is kept only before such a form.
_LOWER_BEFORE_FORM = (r"(?!(?:at|in|of|on|to|by|is|as|an|a|and|or|for|the|with|from)[ ])"
                      rf"[^\W\d_][\w'’-]*(?=(?:[ ][^\W\d_][\w'’-]*)?[ ]{_DOTTED_FORM})")
# Central and Eastern European institutions are named in sentence case, what they are in
# lower case before their proper name: "Klinička bolnica Medvednica", "Opća bolnica Varaždin",
# "Fakultní nemocnice Olomouc", "Wojewódzki szpital Specjalistyczny", "Dom zdravlja Centar"
_LOWER_INSTITUTION = (r"(?:bolnica|bolnice|bolnišnica|bolnički|centar|zdravlja|klinika|"
                      r"poliklinika|ljekarna|lekarna|fakultet|zavod|komora|udruga|zaklada|"
                      r"nemocnice|nemocnica|szpital|przychodnia|lecznica|centrum|ústav|instytut|"
                      r"izba|fundacja|spółdzielnia|nadace|družstvo|bolnitsa|likarnia|"
                      r"lékárna|apteka|banka|knjižnica|galerija|muzej)(?=[ ][" + UPPER + r"])")
COMPANY_RE = re.compile(
    # a form of several words or with a slash is read whole before its words ("A/S" is no "A")
    rf"{_COMPANY_TOKEN}(?:[ ](?:{_DOTTED_FORM}|{_COMPANY_TOKEN}|{_COMPANY_PARTICLE}"
    rf"|{_ELIDED_WORD}|{_LOWER_BEFORE_FORM}|{_LOWER_INSTITUTION})){{0,5}}"
    rf"(?:[ ]{_TAIL_FORM})?(?:[ ](?:Agricola|Benefit)(?![\w&'’+-]))?")
_KEEP_DOT = re.compile(
    r"(?:Inc|Co|Ltd|Corp|S\.A|S\.L|e\.V|e\.K|B\.V|N\.V|S\.p\.A|S\.r\.l|Cie|Bros|Lda"
    r"|Ltda|Pvt|Pty|S\.R\.L|S\.n\.c|s\.n\.c|S\.a\.s|S\.A\.S|S\.L\.U|A\.C|e\.U|S\.A\.R\.L|Coop|r\.l|S\.àr\.l|S\.à\.r\.l"
    r"|Pte|Sdn|Bhd|inc|[Ll]tée|LTÉE|E\.I\.R\.L|S\.E\.N\.C\.R\.L|S\.A\.C)\.$")
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.|Sr|Jr|St|Dr|Mr|Ms|Mrs|Prof|Co|e\.V|e\.K|S\.A|S\.L|Cie|"
                           r"Soc|Coop)\.$")
_STRONG_PREPOSITIONS = {"at", "@", "bei", "chez", "en", "bij", "a", "presso", "na", "no", "em"}
_STRONG_PREPOSITIONS |= {"au", "à la"}
_STRONG_PREPOSITIONS |= {"en la", "en el"}
_STRONG_PREPOSITIONS |= {"beim"}  # "Leiter Vertrieb beim Autohaus Berger": at the
_STRONG_PREPOSITIONS |= {"hos", "ved", "på", "hjá", "i"}
_OWNING_PREPOSITIONS = {"of", "de", "del", "von", "der", "des", "di", "van", "da", "do", "vom",
                        "af", "av"}
# "of"-words after which a company with a legal form is the employer: "Leiterin Vertrieb der
# Lichtwerk GmbH", "Direttore tecnico di Caffè Brera S.r.l."; Italian "di" names the employer
# whatever its form ("Responsabile marketing di Vini Labs").
_GENITIVE_PREPOSITIONS = {"der", "des", "di", "de", "van", "of", "da", "do", "della", "dello",
                          "dos", "das", "du", "de la", "vom", "af", "av"}
# In these languages a title's "of" before a capitalised name names the employer ("directeur
# général de Brasserie Lumen"); English "Director of Marketing" names a field.
_EMPLOYER_OF = {"di", "de", "da", "do", "van", "della", "dello", "dos", "das", "du", "de la",
                "vom", "des"}
PREPOSITION_RE = re.compile(
    rf"(?:(?:\b(?P<prep>at|bei|chez|en|bij|of|de|del|von|der|des|for|with|di|presso|na|no|em|van"
    rf"|da|do|della|dello|dos|das|du|de la|beim|vom"
    # Spanish "at the": "gerente de créditos en la Cooperativa de Ahorro Intibucá Limitada"
    rf"|en la|en el"
    # French "at the": "responsable innovation au Pôle Numérique de Rennes", "directrice à la
    # Banque Alpine"
    rf"|au|à la|à"
    # Catalan "at": "directora financera a Pirineu Solar, S.A." (a company with its legal form
    # after it, below)
    rf"|(?-i:a)(?=\s+[{UPPER}])"
    # Danish, Norwegian, Swedish and Faroese "at": "salgschef hos Nordlys ApS", "daglig leder
    # ved Fjordlaks AS", "inköpschef på Svea Bygg AB", "stjóri hjá P/F Fiskavirkið"; "i" (in)
    # before a company with its legal form: "administrerende direktør i Nordlys ApS"
    rf"|hos|ved|på|hjá|af|av(?=\s+[{UPPER}])|(?-i:i)(?=\s+(?:P/F|Sp/f|[{UPPER}][^\n,;]{{0,40}}?\s(?:ApS|A/S|AS|AB|"
    rf"ASA|P/F|Sp/f|IVS)\b)))\b"
    # "bei der Berger Holzbau GmbH", "von der Kanzlei Weiss": the German article after it
    rf"(?:\s+(?:der|dem)(?=\s+[A-ZÄÖÜ]))?"
    # "Chief Operating Officer of the Port of Fremantle ...": "of the" before a name
    # and "at the"/"for the": "Deputy Director at the Busan Port Innovation Agency"
    rf"(?:(?:(?<=of)|(?<=\bat)|(?<=\bfor)|(?<=\bwith))\s+(?P<the>the)(?=\s+[{UPPER}]))?"
    rf"|(?P<sign>@))\s+"
    # elided: "fondatrice d'Atelier Garnier", "direttore dell'Enoteca Sala"
    rf"|(?P<elided>\b(?:d|dell|dall)['’])"
    # "chargé de mission à l'Agence Régionale ...": French "at the" before a vowel
    rf"|(?P<at_elided>(?<!\w)à l['’]))"
    rf"(?={_COMPANY_TOKEN})"
)
# "directora de RR.HH. en ...": a doubled-letter abbreviation's dot starts no fragment
_FRAGMENT_START = re.compile(r"[\n,;:!?()|]|(?<!\bSr)(?<!\bJr)(?<!\bDr)(?<!\bSt)"
                             r"(?<![A-Z]\.[A-Z]{2})\.\s|\s[-–—]\s")
_OWNING_TITLES = re.compile(r"(?i)^(?:co-?founder|founder|fondat\w+|cofondat\w+|fundador\w*|"
                            r"cofundador\w*|CEO|CTO|CFO|COO|CMO|President|Présidente?|Owner|"
                            r"Gründer\w*|Mitgründer\w*|Inhaber\w*|Geschäftsführer\w*|PDG|"
                            r"Eigenaar|Eigenares|Oprichter|Titolare|Fondat\w+|Sóci[oa]|"
                            r"Mitinhaber\w*|Teilhaber\w*|Miteigentümer\w*)$")
_LEAD_FILLERS = {
    "a", "an", "the", "is", "was", "she's", "he's", "they're", "ist", "est", "es", "as", "als",
    "comme", "como", "un", "une", "una", "uno", "el", "la", "le", "der", "die", "works", "working",
    "now", "currently", "new", "former", "ex", "is now", "she", "he", "they", "sie", "er", "elle",
    "il", "ella", "él", "our", "their", "his", "her", "and", "und", "et", "y", "also", "auch",
    # "la nouvelle DRH", "el nuevo director", "die neue Leiterin", "de nieuwe inkoper"
    "nouvelle", "nouveau", "nuevo", "nueva", "nuovo", "nuova", "novo", "nova", "neue", "neuer",
    "nieuwe", "o", "os", "lo", "de", "het",
}
_BAD_COMPANY_START = {"The", "This", "That", "Our", "My", "His", "Her", "I", "We", "She", "He",
                      "They", "Der", "Die", "Das", "Le", "La", "El", "Les", "Los"}
_NAME_ARTICLES = {"Le", "La", "El", "Les", "Los"}


@dataclass(frozen=True)
class Role:
    """A title and/or company read from text."""

    title: str | None
    company: str | None


def clean_name(raw: str | None) -> str | None:
    """A person's name as written, without honorifics (nameparser), diacritics kept."""
    if not raw:
        return None
    if len(raw) > _MEMO_LIMIT:
        return _clean_name(raw)
    return _clean_name_memo(raw)


# Honorifics and professional prefixes nameparser does not know ("Eng.ª", "Dott.ssa", "Mevr.").
# Vietnamese "TS." (tiến sĩ, a doctorate) and "ThS." (thạc sĩ, a master's).
_PREFIX = re.compile(r"^(?:(?:Eng|Enga|Arq|Dra|Dott|Ing|Mevr|Dhr|Sig|Avv|Sra|Srta|TS|ThS|PGS\.TS)"
                     r"\.(?:ª|º|ssa|ra)?|Prof\.ª|Dr\.-Ing\.|"
                     # the school of a Swiss or Austrian degree: "Dipl. Ing. ETH Stefan Zürcher"
                     r"Dipl\.(?:-Ing\.)?|Mag\.|(?:ETH|EPFL|FH|HTL|HSG)(?=\s+\S+\s+\S)|"
                     # Myanmar's "Daw" (a woman) and "Ko" (a young man) before the name
                     r"(?:Daw|Ko)(?=\s+\S+\s+\S))\s+")


# Fellowships and orders written after a name without a comma, in their own mixed case even on
# a card typed in capitals ("DR ANGHARAD PRICE-MELLOR FREng", "Jane Doe OBE"): no part of it.
_ORDERS_AFTER = re.compile(
    r"(?:,?\s+(?:FREng|FRS|FRSE|FRSA|FRCP|FRCS|FRICS|MRICS|FIMechE|FICE|FIET|CEng|OBE|MBE|CBE|"
    r"KBE|DBE|FCA|FCCA|FMedSci|"
    # institutions' members and fellows: "IEng MICE", "CEng MIStructE", "FRAeS", "MCIPS"
    r"IEng|MIMechE|MICE|MIET|[FM]IStructE|[FM]IChemE|[FM]RAeS|MRSC|[FM]CIOB|[FM]RTPI|"
    r"[FM]CIPS|[FM]CILT|[FM]CIPD|[FM]CIM|FCMI|CMgr|FIoD))+$")


def without_orders(name: str) -> str:
    """A name without the fellowships and orders written after it ("... FREng", "... OBE")."""
    return _ORDERS_AFTER.sub("", name)


def _clean_name(raw: str) -> str | None:
    # "Grace Oh (오은혜)": the name in another script in brackets after it is no part of it
    raw = re.sub(r"\s*[(（][^()（）\x00-\x7f]+[)）]?\s*$", "", raw.strip())
    raw = re.sub(r"\s+", " ", raw.strip().strip("\"'<>()[],;:")).strip()
    while _PREFIX.match(raw):
        raw = _PREFIX.sub("", raw, count=1)
    raw = _ORDERS_AFTER.sub("", raw)
    if not raw or "@" in raw or any(ch.isdigit() for ch in raw):
        return None
    if "," in raw and raw.count(",") == 1:
        last, first = (s.strip() for s in raw.split(","))
        if first and last and " " not in last and " " not in first:
            raw = f"{first} {last}"  # "Doe, Jane" as address books write it
    name = HumanName(raw)
    parts = [name.first, name.middle, name.last]
    # (a generation suffix is part of the name: "Jr.", "III", "Edvaldo Capemba Júnior")
    if name.suffix and re.fullmatch(r"(?i)jr\.?|sr\.?|ii|iii|iv|j[uú]nior", name.suffix):
        parts.append(name.suffix)
    text = " ".join(p for p in parts if p).strip()
    return text or None


_LOWER_PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der",
                    "den", "la", "le", "ter", "ten"}


def ordinary_case(name: str) -> str:
    """A name a card prints in capitals, as it is written in a sentence: "AYŞEGÜL
    TÜRKMENOĞLU-ŞAHİN" is "Ayşegül Türkmenoğlu-Şahin" (a dotted "İ" is Turkish "i", and beside
    Turkish letters a plain "I" is "ı"), "SOPHIE VAN DEN EYNDE" is "Sophie van den Eynde"."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 4 or not name.isupper():
        return name
    turkish = any(c in "İŞĞ" for c in name)

    def lower(text: str) -> str:
        return "".join("i" if c == "İ" else "ı" if c == "I" and turkish else c.lower()
                       for c in text)

    def word(text: str, first: bool) -> str:
        if not first and lower(text) in _LOWER_PARTICLES:
            return lower(text)
        return re.sub(r"[^\W\d_]+", lambda m: m.group()[0] + lower(m.group()[1:]), text)

    return " ".join(word(w, not i) for i, w in enumerate(name.split()))


# The same names come back within a message (header, note, signature, every later mention) and
# across an owner's mail, and nameparser takes about 0.1 ms a name. Only short strings are
# remembered: a name is short; a hostile header need not be.
_clean_name_memo = lru_cache(maxsize=4096)(_clean_name)


def normalize_email(raw: str) -> str | None:
    """Syntax-checked, normalized, lower-cased address (no DNS: check_deliverability=False)."""
    try:
        result = validate_email(raw.strip().strip("<>.,;:"), check_deliverability=False)
    except EmailNotValidError:
        return None
    return result.normalized.lower()


def find_emails(text: str) -> list[tuple[int, str]]:
    """(position, address) for each valid address in the text."""
    found = []
    for match in EMAIL_RE.finditer(text):
        address = _normalize_found(match.group().rstrip("."))
        if address:
            found.append((match.start(), address))
    return found


# An address found in a text is short (EMAIL_RE bounds it) and comes back in the headers, the
# note, every mention and the signature: each is checked once.
_normalize_found = lru_cache(maxsize=1024)(normalize_email)


def find_phones(text: str, region: str) -> list[tuple[int, str]]:
    """(position, E.164) for each phone number; national numbers read in ``region``."""
    if not any(map(str.isdigit, text)):  # phonenumbers finds no number without a digit
        return []
    return list(_phones_in(text, region))


# A signature is read for its numbers three times (its phones, then its fax and its other
# labelled numbers line by line), and the owner's own comes back in every note: each text is
# read by phonenumbers once, up to a bound.
@short_text_memo(1024, 1_000)
def _phones_in(text: str, region: str) -> tuple[tuple[int, str], ...]:
    found: list[tuple[int, str]] = []
    try:
        matcher = phonenumbers.PhoneNumberMatcher(
            text, region or "US", leniency=phonenumbers.Leniency.POSSIBLE
        )
        for match in matcher:
            if not (phonenumbers.is_valid_number(match.number) or _dialled_whole(match.raw_string)):
                continue
            if _STANDARD_BEFORE.search(text, max(0, match.start - 16), match.start):
                continue  # "ISO 27001", "ISO/IEC 17025", "EN 1090": a standard's number
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            found.append((match.start, e164))
    except Exception:  # noqa: BLE001 - phonenumbers raises on odd regions; no phones then
        log.debug("phone matching failed", exc_info=True)
    return tuple(found)


# A standard is named by its body and number: "ISO 27001", "ISO/IEC 17025", "IEC 62443",
# "EN 1090", "DIN 276", "NEN 2580", "IATF 16949"; the number is no phone.
_STANDARD_BEFORE = re.compile(r"\b(?:ISO|IEC|EN|DIN|NEN|NF|UNE|BS|ASTM|IEEE|IATF|AS|NBR)"
                              r"(?:[ /-](?:IEC|EN|ISO|TS))*[ \t]*-?[ \t]*\Z")
# A number written whole, with its country code or its trunk prefix ("+353 91 555 0183",
# "07700 900447"), is a phone even in a range the numbering plan keeps unassigned (the ranges
# kept for fiction and examples are such): the writer dialled it as a phone number.
_DIALLED = re.compile(r"^(?:\+\d|\(?0\d)[\d ()./-]{7,}$")
_MIN_DIALLED_DIGITS = 10


def _dialled_whole(raw: str) -> bool:
    return bool(_DIALLED.match(raw)) and sum(c.isdigit() for c in raw) >= _MIN_DIALLED_DIGITS


# A number labelled a fax, or given as the writer's own ("my number is", "call me on"), is
# not the person's phone.
# A card's "F: 020 ..." or "F 020 ..." line is a fax too.
# The fax's label in the languages of the corpus and their neighbours' ("Fakss" in Latvian,
# "Faksas", "Faksi", "Факс", "Φαξ", "Bréfsími", "传真", "팩스", "ファックス", "فاكس", "פקס").
FAX_WORDS = (r"fax|faks|fakss|faksas|faksi|facsimile|telefax|t[ée]l[ée]copie|t[ée]l[ée]c|факс|φαξ"
             r"|bréfsími|传真|傳真|팩스|ファックス|ファクス|فاكس|פקס")
_FAX_BEFORE = re.compile(r"(?i)(?:\b(?:" + FAX_WORDS + r")\b"
                         r"[\s.:#-]*|"
                         # ("f: 0113 496 0121" at a line's start, in lower case)
                         r"(?<!\w)(?-i:F)\s*:\s*|(?:^|\n)[ \t]*(?-i:[Ff]|Fx|FX|fx)[ \t.:]*|"
                         # "T 212.555.0147 | F 212.555.0148": a fax after a card's separator
                         r"[|·•/][ \t]*(?-i:[Ff]|Fx|FX|fx)[ \t.:]*)$")
_OWN_BEFORE = re.compile(
    r"(?i)(?:\b(?:my|mein(?:e)?|ma|mon|mi)\s+(?:\w+\s+)?(?:number|phone|cell|mobile|nummer"
    r"|handy|telefon|handynummer|num[ée]ro|portable|t[ée]l[ée]phone|n[úu]mero|celular|m[óo]vil"
    r"|tel[ée]fono)\b|\b(?:reach|call|text|ring)\s+me\b)[^.;!?\n]*$")


_DIGIT_WORDS = {
    **dict.fromkeys(("zero", "oh", "o", "null", "zéro", "cero", "nul"), "0"),
    **dict.fromkeys(("one", "eins", "un", "une", "uno", "één", "een"), "1"),
    **dict.fromkeys(("two", "zwei", "deux", "dos", "due", "dois", "twee"), "2"),
    **dict.fromkeys(("three", "drei", "trois", "tres", "tre", "três", "drie"), "3"),
    **dict.fromkeys(("four", "vier", "quatre", "cuatro", "quattro", "quatro"), "4"),
    **dict.fromkeys(("five", "fünf", "cinq", "cinco", "cinque", "vijf"), "5"),
    **dict.fromkeys(("six", "sechs", "seis", "sei", "zes"), "6"),
    **dict.fromkeys(("seven", "sieben", "sept", "siete", "sette", "sete", "zeven"), "7"),
    **dict.fromkeys(("eight", "acht", "huit", "ocho", "otto", "oito"), "8"),
    **dict.fromkeys(("nine", "neun", "neuf", "nueve", "nove", "negen"), "9"),
}
_DIGIT_WORD = "|".join(sorted(map(re.escape, _DIGIT_WORDS), key=len, reverse=True))
# "four oh four, five five five, zero one eight eight": a number spelled out, digit by digit.
_SPELLED_RUN = re.compile(
    rf"(?i)(?<!\w)(?:{_DIGIT_WORD})(?:[ ,-]+(?:{_DIGIT_WORD})(?!\w)){{6,14}}")
_MIN_SPELLED_DIGITS = 7


def spelled_phones(text: str, region: str) -> list[tuple[int, str]]:
    """(position, E.164) for numbers written in words, digit by digit, in several languages."""
    found = []
    for match in _SPELLED_RUN.finditer(text):
        digits = "".join(_DIGIT_WORDS[w.lower()] for w in re.findall(r"[^\W\d_]+", match.group()))
        if len(digits) >= _MIN_SPELLED_DIGITS:
            found += [(match.start(), phone) for _, phone in find_phones(digits, region)]
    return found


def person_phones(text: str, region: str) -> list[str]:
    """The phone numbers in a passage about someone, without faxes and the writer's own."""
    found = []
    for position, phone in sorted(find_phones(text, region) + spelled_phones(text, region)):
        before = text[max(0, position - 60):position]
        if not (_FAX_BEFORE.search(before) or _OWN_BEFORE.search(before)):
            found.append(phone)
    return list(dict.fromkeys(found))


# A web site written bare on a line of its own, as signatures and cards print it
# ("ironpinecabins.com"); in prose a bare name with a dot ("Node.js") is not read as one.
# A site alone on its line, or a field of a line set apart by pipes or dots ("Executive Producer
# | Taf Valley Productions | tafvalleyproductions.co.uk | 07456 ...")
_BARE_SITE = re.compile(r"(?im)(?:^[ \t]*|(?<=[|·•][ ]))"
                        r"(?P<site>(?:[a-z0-9-]{1,63}\.){1,3}(?:com|org|net|io|co|"
                        r"co\.uk|org\.uk|de|fr|es|it|nl|pt|be|ch|at|ie|se|no|dk|fi|pl|eu|ca|"
                        r"com\.br|com\.au|app|dev|ai|health|energy|"
                        # newer generic domains a company's site ends in ("ridgeline.bio")
                        r"bio|tech|design|studio|agency|consulting|digital|media|solutions|"
                        r"systems|works|group|legal|finance|capital|ventures|partners|farm|"
                        r"wine|coffee|shop|store|info|biz|xyz|me|us|uk|at|lu|cat|eus|gal|"
                        r"com\.mx|com\.ar|co\.nz|com\.es|nz|mx|ar|cl|br|au|in|jp|"
                        # any other country's domain, and its second level ("southernsails.lk",
                        # "ahus.edu.gh", "kb-medvednica.hr", "rsgla.gov.sa")
                        r"(?:com|co|org|net|ac|gov|edu|or|ne|go)\.[a-z]{2}|[a-z]{2})"
                        r"(?:/\S*)?)(?=[ \t]*(?:$|[|·•][ ]))")


def find_urls(text: str) -> list[tuple[int, str]]:
    """(position, normalized URL) for LinkedIn profiles and websites."""
    found = []
    for match in URL_RE.finditer(text):
        url = normalize_url(match.group())
        if url:
            found.append((match.start(), url))
    for match in _BARE_SITE.finditer(text):
        url = normalize_url(match.group("site"))
        if url and not any(match.start("site") <= at < match.end() for at, _ in found):
            found.append((match.start("site"), url))
    # "maya@quarry.design ... quarry.design, linkedin.com/...": a bare word that is the domain of
    # an address in the text is that organisation's site, inline too
    domains = {e.split("@")[1].lower() for _, e in find_emails(text)} if "@" in text else set()
    for match in _INLINE_SITE.finditer(text) if domains else ():
        if match.group("domain").lower() not in domains:
            continue
        url = normalize_url(match.group())
        if url and not any(at <= match.start() < at + len(u) for at, u in found):
            found.append((match.start(), url))
    return sorted(found)


_INLINE_SITE = re.compile(r"(?<![\w@.-])(?:www\.)?(?P<domain>[\w-]{1,63}(?:\.[\w-]{1,63}){1,4})"
                          r"(?![\w@-]|\.\w)")


def normalize_url(raw: str) -> str | None:
    url = raw.strip().rstrip(".,;:!?)>]'\"").rstrip("/")
    if not url or "@" in url.split("/")[0]:
        return None
    if not re.match(r"(?i)https?://", url):
        url = "https://" + url
    scheme, _, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{path}"


@short_text_memo(2048, _MEMO_LIMIT)  # the same lines and parts are asked of often
def is_title_phrase(text: str, *, loose: bool = False) -> bool:
    """True when every word can belong to a job title and one is a title word.

    ``loose`` (for signature lines and comma-separated parts, where a line is one field) also
    accepts unknown capitalized words around a title word: "Events Lead", "Principal Auditor".
    """
    served = _TO_THE_HEAD.search(text)
    if served and served.start() > 0:
        text = text[:served.start()]  # "chief of staff to the CEO": the title, serving the head
    words = [w.strip(",") for w in text.split()]
    if not words or len(words) > (6 if loose else 8):
        return False
    headed = _heads_faculty(words)
    if not headed and not any(TITLE_WORD.match(w) for w in words):
        return False
    return all(_title_word_ok(w, loose) or _joins_titles(words, i) or (headed and i < 2)
               # "chair of the rural affairs committee": the article of what the title heads
               or (w == "the" and 0 < i < len(words) - 1 and words[i - 1] in ("of", "for"))
               for i, w in enumerate(words))


# The head a title serves: "Chief of Staff to the CEO", "Executive Assistant to the Managing
# Director", "Adviser to the Minister".
_TO_THE_HEAD = re.compile(
    r"\s+to\s+the\s+(?:CEO|CFO|COO|CTO|President|Chair(?:man|woman|person)?|Board|Minister|"
    r"Mayor|Founder|Founders|Managing Director|Governor|Secretary[- ]General|Director[- ]General|"
    r"Prime Minister|Vice[- ]Chancellor|Chancellor)$", re.IGNORECASE)


# "Dean of Engineering", "Rector of ...", "Dekanin der Fakultät ...": a university's heads,
# title words only before what they head ("Dean Walsh" is a name)
_FACULTY_HEAD = re.compile(r"^(?:Dean|Rector|Provost|Dekan(?:in)?|Doyen(?:ne)?|Decan[oa]|"
                           r"Rektor(?:in)?|Prorektor(?:in)?|Vice-Dean|Prodekan(?:in)?)$")
_OF_WORDS = {"of", "for", "de", "der", "des", "du", "für", "del", "de la"}


def _heads_faculty(words: list[str]) -> bool:
    return (len(words) >= 3 and bool(_FACULTY_HEAD.match(words[0]))
            and words[1] in _OF_WORDS and words[2][:1].isupper())


def _joins_titles(words: list[str], index: int) -> bool:
    """Dutch "en" (and) between two titles: "oprichter en creatief directeur"."""
    return (words[index] == "en" and 0 < index < len(words) - 1
            and bool(TITLE_WORD.match(words[index - 1]))
            and _title_word_ok(words[index + 1], False))


def _title_word_ok(word: str, loose: bool) -> bool:
    word = _ELIDED_ARTICLE.sub("", word)  # "Directrice de l'innovation"
    if is_legal_form(word):  # "Geschäftsführerin der Lichtwerk GmbH": the company's name
        return False
    if TITLE_WORD.match(word) or word.lower() in _TITLE_EXTRA or _ACRONYM.match(word):
        return True
    return (loose and word.lower() not in _NOT_IN_TITLE and _plain_word(word)
            and not _NOT_A_TITLE_WORD.match(word))


_ELIDED_ARTICLE = re.compile(r"^(?i:l|d)['’](?=\w)")


# A title is a noun phrase: no pronoun, article or verb of a sentence, and no verdict on the
# person ("the best CFO I know", "my favourite designer").
_NOT_A_TITLE_WORD = re.compile(
    r"^(?:I|me|my|you|your|we|our|he|she|his|her|him|they|them|their|it|who|that|which|the|"
    r"der|die|das|des|dem|den|ein|eine|einer|know|knows|knew|met|ever|have|has|had|think|"
    r"favou?rite|top|nicest|[a-z]+est)$")
_LEGAL_FORM = re.compile(
    r"^(?:GmbH|gGmbH|AG|KG|SE|UG|OHG|GbR|e\.V\.|e\.K\.|eG|Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Corp\.?|PLC|plc|"
    r"LLP|L\.L\.P\.|LP|SA|S\.A\.|SAS|SARL|S\.L\.|SL|SRL|S\.r\.l\.|S\.p\.A\.|SpA|BV|B\.V\.|"
    r"NV|N\.V\.|Oy|AB|ASA|K\.K\.|Pty|Bhd|Lda\.?|"
    r"Ltda\.?|S\.R\.L\.|Pty\.|Pvt\.?|S\.n\.c\.|s\.n\.c\.|S\.a\.s\.|s\.a\.s\.|S\.A\.S\.|SLU|"
    r"S\.L\.U\.|A\.C\.|Sàrl|SàRL|Sagl|e\.U\.|BVBA|VOF|SPRL|SRL\.|S\.A\.R\.L\.|S\.C\.|S\.A\.C\.|"
    r"SpA\.|CommV|CVBA|AS|ApS|GesmbH|KGaA|"
    # Singapore's "Pte. Ltd.", Malaysia's "Sdn. Bhd.", South Africa's "(Pty) Ltd", Québec's "inc."
    # and "ltée", Peru's "E.I.R.L."
    r"Pte\.?|Sdn\.?|Bhd\.|\(Pty\)|inc\.?|[Ll]tée\.?|LTÉE|E\.I\.R\.L\.|S\.E\.N\.C\.R\.L\.|S\.A\.C\.|"
    # Luxembourg's "S.à r.l.", written in two words
    r"S\.à|r\.l\.|S\.àr\.l\.|S\.à\.r\.l\.)[,;]?$")


def is_legal_form(text: str) -> bool:
    """Whether the text is a legal form alone ("S.A.", "GmbH", "Lda.", "A/S", "Oyj"): no
    company's name."""
    text = text.strip()
    return bool(_LEGAL_FORM.match(text)) or is_form_word(text)


def is_title_filler(text: str) -> bool:
    """Whether every word of ``text`` is one a title is made of around its title word
    ("Partnerships", "Sales Operations"): such words never name a person."""
    words = text.split()
    return bool(words) and all(w.lower() in _TITLE_EXTRA for w in words)


def title_suffix(text: str) -> str | None:
    """The longest tail of ``text`` that reads as a job title ("... is the VP Sales")."""
    words = text.split()
    best = None
    for start in range(len(words) - 1, max(-1, len(words) - 9), -1):
        candidate = " ".join(words[start:])
        if is_title_phrase(candidate):
            best = candidate
        elif words[start].lower() not in _TITLE_EXTRA:
            break
    if best is None:
        return None
    return _strip_fillers(best)


def _plain_word(word: str) -> bool:
    return word.replace("-", "").isalpha()


def _strip_fillers(title: str) -> str | None:
    words = title.split()
    # ("She’s director of ...": a typographic apostrophe is the typed one)
    while words and (words[0].lower().replace("’", "'") in _LEAD_FILLERS
                     or words[0] in {"of", "de", "&", "-"}):
        words = words[1:]
    while words and words[-1].lower() in {"of", "de", "and", "&", "-", "y", "et", "und", "for",
                                          "over", "now", "currently", "also", "still"}:
        words = words[:-1]
    return " ".join(words) or None


def clean_company(raw: str) -> str | None:
    words = _until_sentence_end(raw.strip().split())
    while words and words[-1] in {"of", "de", "and", "für", "y", "et", "und", "&"}:
        words = words[:-1]
    if not words or words[0] in {"of", "de", "and", "&"}:
        return None
    # "La Cave du Port", "Le Bon Marché", "Los Pinos Hotel": an article heads many companies'
    # names; alone before one word ("the Acme") or a pronoun it is no name
    if words[0] in _BAD_COMPANY_START and (words[0] not in _NAME_ARTICLES or len(words) < 3):
        return None
    company = " ".join(words).rstrip(",;:")
    if company.endswith(".") and not _KEEP_DOT.search(company) and not _ends_in_dotted_form(
            company):
        company = company.rstrip(".")
    if not company or TITLE_WORD.match(company.split()[0]) or "@" in company:
        return None
    if not any(c.isalpha() for c in company):  # "512-555-0133": a number, not a name
        return None
    if " " not in company and company.islower() and len(company) <= 3:
        return None  # "et", "and", "y": a conjunction, not a name
    return company


def _ends_in_dotted_form(company: str) -> bool:
    """ "Mleczarnia Odra Sp. z o.o.", "Tatra Stroj s.r.o.": the dot is the legal form's."""
    words = company.split()
    return any(form_words_at(words, i) == len(words) - i for i in range(1, len(words))) or (
        len(words) > 1 and "." in words[-1][:-1] and is_form_word(words[-1]))


# "Borgo Digitale S.r.l. Società Benefit", "Soc. Coop. Agricola": an Italian form goes on
_FORM_GOES_ON = re.compile(r"^(?:Società|Soc\.|Coop\.|Benefit|Agricola|Cooperativa)[,;]?$")


def _until_sentence_end(words: list[str]) -> list[str]:
    """Words up to the one ending a sentence ("Acme. Looking" -> "Acme."), abbreviations kept."""
    skip_to = 0
    for index, word in enumerate(words):
        if index < skip_to:
            continue
        spanned = form_words_at(words, index) if index else 0
        if spanned:  # "Bursztyn Logistics Sp. z o.o.": a form of several words, dots and all
            skip_to = index + spanned
            if words[skip_to - 1].endswith(".") and skip_to < len(words):
                return words[:skip_to]
            continue
        if word.endswith(".") and index + 1 < len(words) and not _ABBREVIATION.search(word):
            if is_legal_form(word) and (is_legal_form(words[index + 1])
                                             or _FORM_GOES_ON.match(words[index + 1])):
                continue  # "Pvt. Ltd.", "S.r.l. Società Benefit": one legal form in words
            return words[: index + 1]
        # "Aegean Freight Lines S.A. Wants a partner": a legal form with its dot ends the name
        # before a capitalized word that is no legal form ("S.A. de C.V." goes on in lower case)
        if (index and word.endswith(".") and is_legal_form(word) and index + 1 < len(words)
                and words[index + 1][:1].isupper() and not is_legal_form(words[index + 1])
                and not _FORM_GOES_ON.match(words[index + 1])):
            return words[: index + 1]
    return words


def _title_before(text: str, starts: list[int], end: int) -> str | None:
    """The title just before a preposition; "Sr. Director, Partnerships" joins two fragments."""
    start = starts[-1]
    title = title_suffix(text[start:end])
    loose = _loose_title(text[start:end])
    if loose and (title is None or (loose.endswith(title) and len(loose) > len(title))):
        title = loose  # "sourcing lead": the whole fragment, not only "lead"
    fragment = text[start:end].strip()
    if title and len(starts) > 1 and text[start - 1:start] == "," and fragment == title:
        # "GM, Commercial at Ironbark": a short title, then the field it heads, itself a title word
        previous = _strip_fillers(text[starts[-2]:start - 1].strip())
        if (previous and len(previous.split()) <= 2 and is_title_phrase(previous)
                and all(w.lower() in _TITLE_EXTRA for w in fragment.split())):
            return f"{previous}, {fragment}"
    if (not title and not fragment and len(starts) >= 3 and text[start - 1:start] == ","
            and text[starts[-2] - 1:starts[-2]] == ","):
        # "Head of Decommissioning, North Sea, at Grampian ...": the title, then the region or
        # field it covers set apart by commas, then the company
        qualifier = text[starts[-2]:start - 1].strip()
        previous = _loose_title(text[starts[-3]:starts[-2] - 1])
        words = qualifier.split()
        # "Director, Supply Chain Development, at Clyde Turbine ...": a short title, then
        # the field it heads set apart the same way
        short = bool(previous and len(previous.split()) <= 2 and is_title_phrase(previous))
        if (previous and (" of " in f" {previous} " or short) and 0 < len(words) <= 3 + short
                and all(w[:1].isupper() and _plain_word(w) for w in words)
                and not is_title_phrase(qualifier, loose=True)):
            return f"{previous}, {qualifier}"
    if title or len(starts) < 2 or text[start - 1:start] != "," or not fragment:
        return title
    if all(w.lower() in _TITLE_EXTRA for w in fragment.split()):
        previous = title_suffix(text[starts[-2]:start - 1])
        return f"{previous}, {fragment}" if previous else None
    return None


_JOINING_SIGNS = {"&", "/", "+", "-", "–"}


def _loose_title(fragment: str) -> str | None:
    """A short fragment starting with a title word: "directora médica" before "en Red Salud"."""
    title = _strip_fillers(fragment.strip())
    # "Head of Knowledge & Innovation": a sign joining two fields is no word of its own; a
    # title heading its field ("Deputy Director of Smart Port Policy") runs longer
    if not title:
        return None
    # (or "chargé de mission pour l'investissement": a French title's own "de" first)
    # ("senior lecturer in circular economy": a title's field after "in")
    heads = bool({"of", "for", "in"} & set(title.split()[1:3])
                 or {"pour", "para", "für"} & set(title.split()[2:4]))
    if len([w for w in title.split() if w not in _JOINING_SIGNS]) > (
            6 if heads else 4):
        return None
    words = title.split()
    if TITLE_WORD.match(words[0]) or (heads and words[0].lower() in _TITLE_EXTRA
                                      and TITLE_WORD.match(words[1])):
        return title if is_title_phrase(title, loose=True) else None
    # "sourcing lead", "growth engineer": a word naming the field, then the title word
    field = words[0]
    if (len(words) == 2 and TITLE_WORD.match(words[1]) and len(field) > 2 and field.islower()
            and _plain_word(field) and field not in _NOT_IN_TITLE
            and not _NOT_A_TITLE_WORD.match(field)):
        return title
    return None


_COMMA_LEGAL_FORM = re.compile(
    r",\s*(?P<form>S\.A\. de C\.V\.|S\.A\.P\.I\. de C\.V\.|S\. de R\.L\. de C\.V\.|"
    r"S\.A\.|S\.L\.|Lda\.|S\.r\.l\.|S\.p\.A\.|S\.A\.S\.|Inc\.|Ltd\.|LLC|GmbH|AG|"
    r"B\.V\.|N\.V\.|SAS|SARL|Oy|AB|plc|LLP|A\.C\.|S\.C\.|S\.A\. de C\.V\.|Ltda\.|S\.R\.L\.|"
    r"S\.n\.c\.|s\.n\.c\.|S\.L\.U\.|Pty Ltd|Pvt\. Ltd\.|LLC\.|Sàrl|e\.K\.|e\.V\.|"
    # the American public-benefit corporation: "Tidewater Oyster Works, PBC"
    r"PBC|P\.B\.C\.|"
    # Central America's cooperatives and limited companies: "Cooperativa Integral Tazumal, R.L."
    r"R\.L\.|"
    # Puerto Rico's professional services corporation: "Cintrón Vélez & Asociados, P.S.C."
    r"P\.S\.C\.|C\.S\.P\.|PSC|"
    # Venezuela's compañía anónima: "Inversiones Ávila, C.A."; the Dominican "C. por A."
    r"C\.A\.|CA(?=[ \t]*(?:[,.;\n]|$))|C\. por A\.|"
    # Mexico's investment-promotion company: "Grupo Altavista, S.A.P.I. de C.V."
    r"S\.A\.P\.I\.)(?![\w.])")
# The South Asian private company, its kind in brackets: "Kandy Weaves (Pvt) Ltd",
# "LANKA TEA MILLS (PRIVATE) LIMITED"
# The kind of a joint-stock company in brackets after its form: "Qahwa Loop B.S.C. (c)",
# "Sitra Aluminium Extrusions B.S.C. (closed)"
_FORM_KIND = re.compile(r"[ ]\((?i:c|closed|public|holding)\)(?![\w.])")
_BRACKETED_FORM = re.compile(r"[ ]?\((?i:pvt|private)\.?\)[ ]?(?i:ltd\.?|limited)(?![\w.])")


def with_comma_form(company: str | None, text: str) -> str | None:
    """A company written with its legal form after a comma ("Red Emprende MX, A.C."): whole."""
    if not company:
        return company
    at = text.find(company)
    bracketed = _BRACKETED_FORM.match(text, at + len(company)) if at >= 0 else None
    if bracketed and "(" not in company:
        return f"{company}{bracketed.group()}"
    kind = _FORM_KIND.match(text, at + len(company)) if at >= 0 else None
    if kind and is_legal_form(company.split()[-1]):
        return f"{company}{kind.group()}"
    form = _COMMA_LEGAL_FORM.match(text, at + len(company)) if at >= 0 else None
    if form is None and at >= 0:
        # "Red Emprende" of "Red Emprende MX, A.C.": the name's last capitalized words were
        # left out before the form's comma
        more = _MORE_BEFORE_COMMA_FORM.match(text, at + len(company))
        if more and not any(TITLE_WORD.match(w) for w in more.group("more").split()):
            return f"{company}{more.group('more')}, {more.group('form')}"
    return f"{company}, {form.group('form')}" if form else company


_MORE_BEFORE_COMMA_FORM = re.compile(
    rf"(?P<more>(?:[ ][{UPPER}][\w&'’-]*){{1,2}}){_COMMA_LEGAL_FORM.pattern}")


# A firm named after its partners or family: "Santamaría, Oropeza y Asociados", "Agaves
# Beltrán e Hijos", "Rossi, Bianchi & Partners".
FIRM_WORDS = (r"(?:Asociados|Associados|Associati|Associés|Associates|Partners|Partner|Hijos|"
               r"Hijas|Figli|Filhos|Fils|Söhne|Hermanos|Irmãos|Fratelli|Frères|Kollegen|Sons)")
_PARTNERS_TAIL = re.compile(
    rf"(?:,[ ](?-i:[{UPPER}][\w'’-]+))*[ ](?:y|e|&|and|et|und)[ ]{FIRM_WORDS}(?![\w])"
    # "Crossley, Hartington and Webb LLP": the partners' names up to the firm's legal form
    r"|(?:,[ ](?-i:[" + UPPER + r"][\w'’-]+))+[ ](?:and|&|y|e|et|und)[ ](?-i:[" + UPPER
    + r"][\w'’-]+)[ ]"
    r"(?:LLP|LLC|Ltd\.?|Limited|PLC|plc|Inc\.?|GmbH|S\.C\.|S\.L\.P\.|SCP|Sàrl|SARL)(?![\w])")


_BRACKET_AFTER = re.compile(r"[ \t]*\((?P<c>[^()@\d\n]{2,60})\)")
# "ex-Djarmai Telecom, agora Diretor de Tecnologia na ...": "now" before a title is no part of it
_NOW_BEFORE_TITLE = re.compile(r"(?i)(?<=[,;(][ ])(?:now|currently|agora|atualmente|ahora|"
                               r"actualmente|adesso|ora|maintenant|désormais|jetzt|nu)[ ]+"
                               r"(?=(?-i:[" + UPPER + r"]))")
_ADDRESS_LIKE = re.compile(r"(?i)://|^\s*www\.|^\s*[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/?\s*$")


# A company of the former Soviet states written as its form, then its name in quotes or
# guillemets: "ЧУП «Лесная Поляна Эко»", "ЗАО "Буг Транс Логистик"", "ТОВ «Карпатські Системи»"
CYRILLIC_FORMS = (r"ООО|ОАО|ЗАО|ПАО|АО|ЧУП|УП|ЧП|ИП|ОДО|СООО|ИООО|ТАА|ААТ|ЗАТ|ПАТ|ТОВ|ПрАТ|ПП|ТДВ|"
                  r"ФОП|НАО|ГУП|МУП|АНО|НКО|"
                  # Tajik ("ҶДММ «Помир Нақлиёт»"), Kazakh and Kyrgyz, Uzbek
                  r"ҶДММ|ҶСК|ҶСП|ТОО|ЖШС|ОсОО|МЧЖ|ХК|АЖ")
_CYRILLIC_COMPANY = re.compile(
    r"(?<![\w])(?:" + CYRILLIC_FORMS + r")[ \t]*(?:«[^«»\n]+(?:«[^«»\n]*»[^«»\n]*)*»|"
    r"[\"“„][^\"“”„\n]+[\"”“])")
# The title just before it, with a preposition between or none: "директор ЧУП «...»",
# "партнёр в ООО «...»", "тэхнічны дырэктар ТАА «...»"
_CYRILLIC_TITLE_BEFORE = re.compile(
    r"(?P<title>[А-ЯЁІЎЄЇҒӢҚӮҲҶа-яёіўєїғӣқӯҳҷ'-]+(?:[ ][А-ЯЁІЎЄЇҒӢҚӮҲҶа-яёіўєїғӣқӯҳҷ'-]+){0,4})"
    r"[ ](?:(?:в|во|у|ў|дар)[ ])?$")


def is_cyrillic_company(line: str) -> bool:
    """A line that is a company of those forms and nothing else: "ОАО «Припять Станкомаш»"."""
    return _CYRILLIC_COMPANY.fullmatch(line.strip()) is not None


def cyrillic_role(text: str) -> Role | None:
    """A title and a company of the former Soviet states' forms read from Cyrillic prose."""
    found = _CYRILLIC_COMPANY.search(text)
    if found is None:
        return None
    before = _CYRILLIC_TITLE_BEFORE.search(text, max(0, found.start() - 80), found.start())
    title = None
    if before:
        words = before.group("title").split()
        if words and words[-1] in ("в", "во", "у", "ў", "дар"):
            words = words[:-1]
        for cut in range(len(words)):  # the longest tail of the words that is a title
            tail = " ".join(words[cut:])
            if is_title_phrase(tail):
                title = tail
                break
    return Role(title, found.group())


@short_text_memo(256)  # a passage is read for its role by several readers
def role_in(text: str) -> Role:
    """The "<title> at <company>" phrase in the text (also @, bei, chez, en; "founder of")."""
    fallback = None
    if "«" in text or '"' in text or "„" in text or "“" in text:
        cyrillic = cyrillic_role(text)
        if cyrillic is not None:
            return cyrillic
    if _NOW_BEFORE_TITLE.search(text):
        text = _NOW_BEFORE_TITLE.sub("", text)
    for match in PREPOSITION_RE.finditer(text):
        window = max(0, match.start() - 160)  # a title is short: look back a bounded stretch
        starts = [window] + [m.end() for m in _FRAGMENT_START.finditer(text, window, match.start())]
        title = _title_before(text, starts, match.start())
        company_match = COMPANY_RE.match(text, match.end())
        company = clean_company(company_match.group()) if company_match else None
        firm = (_PARTNERS_TAIL.match(text, company_match.end())
                if company and company_match else None)
        if company and firm:  # "Santamaría, Oropeza y Asociados": the partners' names
            company = f"{company}{firm.group()}"
        if company and company_match:  # "Têxteis Minho, S.A.": the legal form after a comma
            form = _COMMA_LEGAL_FORM.match(text, firm.end() if firm else company_match.end())
            company = f"{company}, {form.group('form')}" if form else company
        if not title:
            continue
        prep = (match.group("prep") or match.group("sign")
                or ("à la" if match.group("at_elided") else "de")).lower()
        inside = title.split()
        if (match.group("prep") and prep in _NAME_PARTICLE_WORDS and len(inside) >= 2 and company
                and inside[-2].lower() not in _TITLE_JOINERS
                and inside[-1][:1].isupper() and not is_title_word(inside[-1])
                and inside[-1].lower() not in _TITLE_EXTRA
                and is_legal_form(company.split()[-1])
                and is_title_phrase(" ".join(inside[:-1]))):
            # "eigenaar Kas di Pan B.V.": the particle joins the company's own name ("Kas di
            # Pan"), the title ends before it
            return Role(" ".join(inside[:-1]), f"{inside[-1]} {match.group('prep')} {company}")
        bracket = (_BRACKET_AFTER.match(text, company_match.end())
                   if company and company_match and prep in _GENITIVE_PREPOSITIONS else None)
        kind_form = (_COMMA_LEGAL_FORM.match(text, bracket.end())
                     if bracket and company and re.fullmatch(r"[A-Z]{1,4}", bracket.group("c"))
                     else None)
        if kind_form and company and bracket:
            # "Planalto Verde Agro (SU), Lda.": the company's kind in brackets, then its form
            company, bracket = f"{company} ({bracket.group('c')}), {kind_form.group('form')}", None
        employer = (clean_company(bracket.group("c"))
                    if bracket and not _ADDRESS_LIKE.search(bracket.group("c"))
                    and COMPANY_RE.fullmatch(bracket.group("c").strip()) else None)
        if employer and bracket and company and is_legal_form(company.split()[-1]):
            # "managing partner of Phoenicia Boutique Hotels S.A.L. (Holding)": after a legal
            # form the bracket is the company's own
            return Role(title, f"{company} ({bracket.group('c').strip()})")
        if employer and company_match and not is_title_phrase(employer, loose=True):
            # "Diretor de Importação (Lins Import Co.)": the field is the title's, the
            # bracket names the employer
            return Role(f"{title} {text[match.start():company_match.end()].strip()}", employer)
        if prep == "a" and not (company and is_legal_form(company.split()[-1])):
            continue  # "a CRO partner for a Baltic trial": the English article
        if prep in _STRONG_PREPOSITIONS:
            return Role(title, company)
        if prep == "à" and company and is_legal_form(company.split()[-1]):
            # "responsable conformité à Banque des Îles Maritimes Ltd" (not "architecte à
            # Lausanne": a town)
            return Role(title, company)
        owning = _OWNING_TITLES.match(title.split()[-1]) and prep in _OWNING_PREPOSITIONS
        # German genitive: "Leiterin Vertrieb der Lichtwerk GmbH" names a legal entity
        genitive = prep in _GENITIVE_PREPOSITIONS and company and (
            is_legal_form(company.split()[-1]) or prep in _EMPLOYER_OF
            or match.group("the") or company.split()[-1] in _FORMS_IN_WORDS
            or (prep == "of" and len(company.split()) >= 2 and company.split()[-1] in _BODY_HEADS
                and is_title_word(title.split()[-1])))
        # "head of procurement for Oakmere Hotels": a title's "for" names the employer
        serving = prep == "for" and " of " in f" {title} "
        # "Project Officer with the New Amsterdam Women's Enterprise Fund", "analyst with Kestrel
        # Ltd": "with" names the employer when a legal form or "the" and a name in capitals follow
        serving = serving or bool(
            prep == "with" and company and is_title_phrase(title)
            and (is_legal_form(company.split()[-1])
                 or (match.group("the") and len(company.split()) >= 2)))
        # "managing partner of Qafqaz Dizayn Studiyası": a title in lower case, then a name in
        # capitals with no field word in it ("director of Marketing" names a field)
        prose = (prep == "of" and title.islower() and company is not None
                 and not match.group("the")
                 and not any(w.lower() in _TITLE_EXTRA for w in company.split()))
        if (fallback is None and (owning or genitive or serving or prose) and company
                and not is_title_phrase(company) and not _department_then_name(company)
                and not all(w.lower() in _TITLE_EXTRA for w in company.split())):
            fallback = Role(title, company)
    return fallback or Role(None, None)


# Legal forms written as words, which end a company's name after "of" ("managing director of
# Harbour Events Limited"; "Limited" alone is an ordinary word too, so not a form everywhere).
_FORMS_IN_WORDS = {"Limited", "LIMITED", "Limitada", "LIMITADA", "Incorporated", "Corporation"}
# The word naming what a body is, which ends its name after "of" as a legal form does
# ("Medical Director of Harbor Lung & Sleep Institute", "trustee of the Quay Heritage Trust")
_BODY_HEADS = set(_FOR_AFTER) | {"University", "Hospital", "College", "Museum", "Clinic",
                                 "Institution", "Observatory", "Library", "Cooperative"}


# "Director de Operaciones de Transportes del Norte": the title's department, then the company
# after its own particle; the company is read at that particle
_DEPARTMENT_THEN_NAME = re.compile(
    r"^(?P<dept>[\w.&-]+(?: [\w.&-]+)?) (?:de|of|des|der|di|du|del|della|van|von)\s")


def _department_then_name(company: str) -> bool:
    match = _DEPARTMENT_THEN_NAME.match(company)
    words = match.group("dept").lower().split() if match else []
    # "Van der Laan Meubels": a particle of the name is no department
    return bool(words) and all(w in _TITLE_EXTRA and w not in _NAME_PARTICLE_WORDS for w in words)


_TITLE_JOINERS = {"&", "and", "e", "y", "et", "und", "/", "+", "en", "of", "de", "del", "la", "di",
                  "da", "do", "du", "des", "van", "von", "i", "-", "–", "for", "für", "per"}
_NAME_PARTICLE_WORDS = {"di", "do", "da", "van", "de", "des", "e", "ed", "voor", "i", "ii", "iii"}


_TRAILING_PARTICLE = re.compile(r"(?i)\s+(?:of|de|des|du|del|della|di|da|do|dos|das|van|von|der|"
                                r"vom)$")


def _title_then_company(part: str) -> tuple[str, str] | None:
    """ "COO Verde Vida": a title phrase, then a capitalized name that holds no title word."""
    words = part.split()
    for cut in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        tail_is_title = any(TITLE_WORD.match(w) or w.lower() in _TITLE_EXTRA for w in words[cut:])
        if is_title_phrase(head) and not tail_is_title and COMPANY_RE.fullmatch(tail):
            company = clean_company(tail)
            # "directeur commercial des Vignobles Delacroix": the particle goes with neither
            head = _TRAILING_PARTICLE.sub("", head) or head
            return (head, company) if company else None
    return None


_TITLE_BRACKET_COMPANY = re.compile(r"(?P<title>[^()]+?)\s*\((?P<company>[^()@\d]+)\)")


_TWO_FIELDS = re.compile(r"[\w-]+ (?:&|and|e|y|et|und|en) [\w-]+")


_LAST_AND = re.compile(
    r"^(?P<head>.+)\s(?:and|&|y|e|et|und|a|i)\s(?P<tail>[^\s@\d]+(?:\s[^\s@\d]+){0,2})$")
_HEADS_FIELD = re.compile(r"\s(?:of|for|de|del|des|du|für|pre|per|da|do|di)\s")


def title_and_field(part: str) -> bool:
    """ "Senior Programme Manager for Agriculture and Livelihoods": a title heading a field,
    then "and" and one more field of up to three words."""
    found = _LAST_AND.match(part.strip())
    return bool(found and len(found.group("head").split()) >= 3
                and _HEADS_FIELD.search(found.group("head"))
                and is_title_phrase(found.group("head"), loose=True)
                and not any(is_legal_form(w) for w in found.group("tail").split()))


_DEPARTMENT_JOIN = re.compile(r"(?i)\s(?:de|del|de la|des|du|of|for|für|pre|da|do|di|della)\s")


def _department_of_title(part: str, inner: Role, nxt: str) -> bool:
    """Whether the "company" read inside a title field ("Gerenta de Sostenibilidad") is the
    department the title heads, the next field being the company itself ("Viña Piedra Alta
    S.A.")."""
    assert inner.title is not None and inner.company is not None
    between = part[len(inner.title):len(part) - len(inner.company)]
    words = nxt.rstrip(".").split()
    return bool(part.startswith(inner.title) and part.endswith(inner.company)
                and _DEPARTMENT_JOIN.fullmatch(between)
                and len(inner.company.split()) <= 4 and not is_legal_form(inner.company.split()[-1])
                and words and not re.search(r"[@\d]", nxt)
                and (is_legal_form(nxt.split()[-1]) or (len(words) >= 2
                                                  and COMPANY_RE.fullmatch(nxt.rstrip("."))))
                and not is_title_phrase(nxt, loose=True)
                # "socia de Quiroga, Lindner y Asociados, S.C.": one firm named after partners
                and not _PARTNERS_TAIL.match(f"{part}, {nxt}", len(part)))


def role_in_list(parts: list[str]) -> Role:
    """Title and company from comma-separated parts: "CTO, Acme" or "Acme, CTO"."""
    title = company = None
    stripped = [p.strip() for p in parts]
    for index, part in enumerate(stripped):
        if not part:
            continue
        inner = role_in(part)
        nxt = stripped[index + 1] if index + 1 < len(stripped) else ""
        if (inner.title and inner.company and _TWO_FIELDS.fullmatch(inner.company)
                and part.endswith(inner.company) and len(nxt.split()) >= 2
                and COMPANY_RE.fullmatch(nxt.rstrip(".")) and not is_title_phrase(nxt, loose=True)):
            # "Gerente de Parcerias & Ecossistema, Banco do Sertão": two fields of the title's,
            # the company beside it
            return Role(part, clean_company(nxt))
        if (inner.title and inner.company and _department_of_title(part, inner, nxt)):
            # "Gerenta de Sostenibilidad | Viña Piedra Alta S.A.", "Directora de Finanzas y
            # Administración, Textiles del Altiplano, S.A.": with a company beside it, what
            # follows the title's "de"/"of" is the department it heads
            return Role(part, clean_company(nxt))
        if inner.title:
            return Role(inner.title, inner.company or company)
        bracketed = _TITLE_BRACKET_COMPANY.fullmatch(part.rstrip("."))
        if bracketed and is_title_phrase(bracketed.group("title"), loose=True):
            # "Partner (Morgan & Reid LLP)", "Leiterin Marketing (Alpina AG)"
            found = clean_company(bracketed.group("company"))
            if found and not is_title_phrase(found, loose=True):
                return Role(bracketed.group("title").strip(), found)
        # "Kestrel Analytics | Head of Data Science", "Directora Creativa | Estudio Jacaranda":
        # with a company beside it, a title phrase is not cut into a title and a company
        beside = company is not None or any(
            COMPANY_RE.fullmatch(other.rstrip(".")) and not is_title_phrase(other, loose=True)
            for other in stripped[index + 1:index + 2] if other)
        whole = is_title_phrase(part) or (beside and is_title_phrase(part, loose=True))
        split = None if whole else _title_then_company(part)
        if title is None and split is not None:
            title, company = split[0], company or split[1]
        elif title is None and is_title_phrase(part, loose=True):
            title = _strip_fillers(part)
        elif title is None and beside and title_and_field(part):
            # "Senior Programme Manager for Agriculture and Livelihoods, Janakpur Rural
            # Development Society": a title heading two fields, the company beside it
            title = part
        elif (title and company is None and is_title_filler(part) and index
              and stripped[index - 1].endswith(title)):
            # "Senior Manager, Regulatory Affairs": the department the title goes on with
            title = f"{title}, {part}"
        elif company is None and COMPANY_RE.fullmatch(part.rstrip(".")):
            company = clean_company(part)
        elif (company is None and "," in part
              and COMPANY_RE.fullmatch(part.split(",")[0])
              and with_comma_form(clean_company(part.split(",")[0]), part) == part):
            company = part  # "Empaques del Bajío, S.A. de C.V.": the name and its form
    return Role(title, company)
