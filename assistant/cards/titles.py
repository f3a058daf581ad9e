"""Words of job titles as cards print them, in English, German, French, Spanish, Italian,
Portuguese, Dutch, the Nordic languages, Finnish, Polish and Malay, folded (lower case, no
accents). A word that is also a common family name ("Kaufmann", "Richter", "Koster", "Leder")
is left out: a name must not read as a title.

German and Dutch join a title's head to its field in one word ("Vertriebsleiter",
"Steuerberater", "Accountmanager", "Projectleider"): such a word is a title's when it ends in
one of the heads below after a field of three letters or more.

Pure module: no I/O.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_ENGLISH = """
researcher representative member chef apprentice intern student agent broker realtor owner
secretary treasurer trustee fellow scientist technician administrator supervisor
superintendent dean chair chairman chairwoman chairperson president vice director manager
engineer professor lecturer editor writer photographer artist teacher nurse physician
pharmacist dentist surgeon lawyer attorney paralegal accountant auditor banker planner advisor
adviser counselor counsellor therapist coach trainer instructor curator librarian producer
officer executive ceo cto cfo coo cio cmo cso founder co-founder cofounder partner principal
associate consultant specialist coordinator assistant analyst architect designer developer
programmer sales marketing leader head chief vp svp evp avp in-chief minister scholar
candidate graduate postdoc post-doc ambassador attache commissioner secretary-general mayor
councillor senator judge controller clerk estimator inspector foreman buyer recruiter
strategist evangelist underwriter actuary surveyor notary solicitor barrister receptionist
merchandiser hygienist optometrist veterinarian psychologist stylist mechanic electrician
contractor installer technologist economist journalist reporter correspondent translator
interpreter publisher investor entrepreneur proprietor lead deputy counsel postdoctoral
cashier bookkeeper concierge sommelier optician midwife paramedic radiologist
pathologist cardiologist pediatrician paediatrician psychiatrist orthodontist chiropractor
physiotherapist physio dietitian nutritionist doctor headmaster headmistress headteacher
registrar bursar detective sergeant lieutenant reverend rabbi imam vicar chaplain webmaster
operator dispatcher scheduler purchaser negotiator valuer appraiser adjuster investigator
examiner comptroller copywriter illustrator animator videographer cinematographer
choreographer musician composer hairdresser beautician esthetician manageress ombudsman
pilot conveyancer landscaper plumber sonographer podiatrist osteopath anaesthetist
anesthetist obstetrician gynecologist gynaecologist dermatologist neurologist oncologist
urologist audiologist mediator arbitrator liquidator
professora professore professeur profesor profesora professorin ricercatore ricercatrice
investigador investigadora investigadores chercheur chercheuse forscher forscherin doktorand
doktorandin promovendus hoogleraar docent docente catedratico catedratica maitre
"""
_GERMAN = """
geschaftsfuhrer geschaftsfuhrerin geschaftsfuhrende geschaftsfuhrender gesellschafter
gesellschafterin inhaber inhaberin leiter leiterin prokurist prokuristin vorstand
vorsitzender vorsitzende sachbearbeiter sachbearbeiterin referent referentin berater
beraterin ingenieurin entwickler entwicklerin rechtsanwalt rechtsanwaltin architektin
techniker technikerin mitarbeiter mitarbeiterin assistentin einkaufer
einkauferin verkaufer verkauferin grunder grunderin mitgrunder mitgrunderin direktor
direktorin vertreter vertreterin managerin spezialist spezialistin koordinatorin
steuerberater steuerberaterin wirtschaftsprufer
"""
_FRENCH = """
directeur directrice gerant gerante president presidente responsable chef charge chargee
ingenieur ingenieure conseiller conseillere assistante attache attachee associe associee
avocat avocate expert-comptable technicien technicienne consultante fondateur
fondatrice cofondateur cofondatrice delegue deleguee secretaire tresorier tresoriere
architecte notaire medecin gestionnaire vendeur vendeuse administrateur administratrice
coordinateur coordinatrice developpeur developpeuse stagiaire adjoint adjointe pdg dg
"""
_SPANISH = """
director directora gerente jefe jefa socio socia asesor asesora consultor consultora
ingeniero ingeniera tecnico tecnica delegado delegada coordinador coordinadora abogado abogada
administrador administradora presidenta fundador fundadora cofundador cofundadora vendedor
vendedora agente arquitecto arquitecta analista desarrollador desarrolladora
programador programadora secretario secretaria tesorero tesorera gestor gestora becario
becaria representante encargado encargada especialista supervisora
"""
_ITALIAN = """
direttore direttrice amministratore amministratrice titolare fondatore fondatrice consulente
ingegnere capo commercialista impiegato impiegata avvocato avvocata geometra architetto
ragioniere segretario coordinatore coordinatrice sviluppatore sviluppatrice progettista
addetto addetta referente venditore venditrice funzionario funzionaria dirigente procuratore
delegato responsabile
"""
_PORTUGUESE = """
diretor diretora gestor gestora socio-gerente engenheiro engenheira advogado advogada
responsavel coordenador coordenadora assessor assessora assistente contabilista
desenvolvedor estagiario estagiaria chefe encarregado encarregada vendedora arquiteto
arquiteta
"""
_DUTCH = """
directeur adviseur adviseuse projectleider verkoopleider bedrijfsleider teamleider eigenaar
eigenaresse medewerker medewerkster vennoot hoofd accountmanager beheerder consulent
bestuurder voorzitter secretaris penningmeester ondernemer makelaar notaris advocaat
ontwikkelaar oprichter mede-oprichter stagiair
"""
# Danish, Norwegian and Swedish; Finnish; Polish; Malay (folded: "direktør" keeps its "ø",
# "päällikkö" is "paallikko").
_NORDIC = """
direktør direktor direktör administrerende ledare styreleder ordforande
konsulent konsult radgiver radgivare saelger selger saljare indehaver ejer agare
ingeniør ingenjor ingenjör revisor advokat projektleder prosjektleder projektledare
salgschef salgssjef forsaljningschef utvecklare udvikler utvikler grundare grundlaegger
handlaggare vd
"""
_FINNISH = """
toimitusjohtaja johtaja myyntipaallikko paallikko asiantuntija konsultti insinoori
suunnittelija kehittaja myyja yrittaja omistaja puheenjohtaja projektipaallikko
tuotepaallikko myyntijohtaja
"""
_POLISH = """
dyrektor dyrektorka kierownik kierowniczka prezes wiceprezes specjalista specjalistka
konsultant doradca inzynier przedstawiciel prokurent asystent asystentka ksiegowa prawnik
radca adwokat projektant programista menedzer własciciel włascicielka wspolnik wspolniczka
"""
_MALAY = """
pengurus pengarah eksekutif pegawai penolong pembantu jurutera perunding setiausaha
"""
TITLE_WORDS = frozenset(
    " ".join((_ENGLISH, _GERMAN, _FRENCH, _SPANISH, _ITALIAN, _PORTUGUESE, _DUTCH, _NORDIC,
              _FINNISH, _POLISH, _MALAY)).split()
)
# Heads of German and Dutch compound titles ("Vertriebs|leiter", "Account|manager").
COMPOUND_HEADS = (
    "leiter",
    "leiterin",
    "fuhrer",
    "fuhrerin",
    "berater",
    "beraterin",
    "ingenieur",
    "ingenieurin",
    "entwickler",
    "entwicklerin",
    "manager",
    "managerin",
    "referent",
    "referentin",
    "techniker",
    "technikerin",
    "kaufmann",
    "kauffrau",
    "assistent",
    "assistentin",
    "direktor",
    "direktorin",
    "vertreter",
    "vertreterin",
    "bearbeiter",
    "bearbeiterin",
    "architekt",
    "architektin",
    "spezialist",
    "spezialistin",
    "koordinator",
    "koordinatorin",
    "leider",
    "medewerker",
    "medewerkster",
    "adviseur",
    "ontwikkelaar",
    "beheerder",
    "consultant",
    "designer",
    "engineer",
    "developer",
    "leder",
    "ledare",
    "chef",
    "sjef",
    "johtaja",
    "paallikko",
)
_MIN_FIELD = 3  # letters before a compound's head


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_title_word(word: str) -> bool:
    """A folded word that is a title's in one of the seven languages, or a compound ending
    in a title's head."""
    if word in TITLE_WORDS or word.split("-")[-1] in TITLE_WORDS:
        return True
    return is_compound_title(word)


def is_compound_title(word: str) -> bool:
    return word.isalpha() and any(
        word.endswith(head) and len(word) - len(head) >= _MIN_FIELD for head in COMPOUND_HEADS
    )


MISREAD_MIN = 7  # letters of a word the OCR may have misread by one letter, or lost one of


@lru_cache(maxsize=1)
def _long_words() -> dict[int, list[str]]:
    by_length: dict[int, list[str]] = {}
    for word in TITLE_WORDS:
        if len(word) >= MISREAD_MIN and word.isalpha():
            by_length.setdefault(len(word), []).append(word)
    return by_length


def misread_title_word(word: str) -> str | None:
    """The title word a folded word of seven letters or more is, but for one letter the OCR
    misread ("malager") or lost from a word of eight letters or more ("geschaftsfuher",
    "diector"); None when it is no such word or could be more than one. ("Delgado" is a
    name, not "delegado".)"""
    if len(word) < MISREAD_MIN or not word.isalpha() or word in TITLE_WORDS:
        return None
    words = _long_words()
    found = {
        w
        for w in words.get(len(word), [])
        if sum(a != b for a, b in zip(word, w, strict=True)) == 1
    }
    found |= {
        w
        for w in words.get(len(word) + 1, [])
        if any(w[:i] + w[i + 1 :] == word for i in range(len(w)))
    }
    return found.pop() if len(found) == 1 else None
