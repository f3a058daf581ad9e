"""Families of cue phrasings in the owner's words, in several languages: a meeting told by
"seeing" someone, interests in dative and reflexive forms, offers with the verb first, needs
told as "what they need is", "keen on" a thing (a need) or a topic (an interest), two clauses
joined by "and", and the owner's notes to self. Invented people and wording."""

from __future__ import annotations

import pytest

from assistant.parsing.context import read_context


@pytest.mark.parametrize("text", [
    "Ci siamo visti alla fiera di Rimini.", "Nos vimos en la feria de Zaragoza.",
    "On s'est vus au salon Batimat.", "Wir haben uns auf der Bauma gesehen.",
    "We spraken elkaar op de Vakbeurs Energie.",
])
def test_seeing_someone_tells_the_meeting(text: str) -> None:
    assert read_context(text).context


@pytest.mark.parametrize(("text", "topic"), [
    ("Gli interessano i droni agricoli.", "i droni agricoli"),
    ("Elle s'intéresse aux énergies marines.", "énergies marines"),
    ("Interessa-se por logística portuária.", "logística portuária"),
    ("Se interesa por la robótica educativa.", "la robótica educativa"),
    ("Hij interesseert zich voor zonnepanelen.", "zonnepanelen"),
    ("She's keen on coastal erosion policy.", "coastal erosion policy"),
])
def test_interest_forms(text: str, topic: str) -> None:
    assert topic in " ".join(read_context(text).interests)


def test_keen_on_a_thing_is_a_need() -> None:
    facts = read_context("He's keen on a pilot before summer.")
    assert facts.needs and not facts.interests


@pytest.mark.parametrize(("text", "offer"), [
    ("Hat angeboten, uns seinem Einkauf vorzustellen.", "seinem Einkauf vorzustellen"),
    ("Elle a proposé de nous présenter à son directeur.", "présenter à son directeur"),
    ("Heeft aangeboden om ons te helpen met de aanvraag.", "de aanvraag"),
    ("Si è offerta di farci visitare lo stabilimento.", "visitare lo stabilimento"),
])
def test_offer_with_the_verb_first(text: str, offer: str) -> None:
    assert offer in " ".join(read_context(text).offers)


def test_what_they_need_is() -> None:
    facts = read_context("They're NOT shopping for software, what they actually need is a "
                         "data cleanup before the audit.")
    assert facts.needs == ("a data cleanup before the audit",)


def test_two_owner_promises_and_a_clause_of_the_person() -> None:
    facts = read_context("I told her I'd send the rate card and I'll introduce her to Femi.")
    assert len(facts.promises) == 2
    facts = read_context("She's interested in kiln automation and offers a factory tour.")
    assert facts.interests == ("kiln automation",)
    assert facts.offers == ("a factory tour",)


@pytest.mark.parametrize("text", ["Note to self: expense the lunch under sales.",
                                  "Reminder to self: book the dinner for March.",
                                  "Promemoria: rimborso della cena al congresso."])
def test_notes_to_self_tell_no_meeting(text: str) -> None:
    assert read_context(text).context is None


@pytest.mark.parametrize("note", [
    "Met Lena Ito (lena@example.jp) at the expo. My colleague Tom Alvarez was there too.",
    "Met Lena Ito (lena@example.jp) at the expo, mit meiner Kollegin Jana Roth.",
    "Rencontré Lena Ito (lena@example.jp) au salon avec mon associé Paul Girard.",
])
def test_the_owners_own_people_are_no_contacts(note: str) -> None:
    from assistant.domain import OwnerIdentity
    from assistant.parsing.people import find_people

    owner = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))
    assert [p.name for p in find_people(note, owner)] == ["Lena Ito"]


@pytest.mark.parametrize("title", ["head of R&D", "VP M&A", "Director, P&L Planning"])
def test_ampersand_acronyms_are_title_words(title: str) -> None:
    from assistant.parsing.contacts import is_title_phrase

    assert is_title_phrase(title, loose=True)


@pytest.mark.parametrize(("line", "company"), [
    ("Nuria Prats – diseñadora de producto, Ceràmica Prats – nuria@example.cat", "Ceràmica Prats"),
    ("Wade Fenwick - owner, Fenwick Roofing - wade@example.com", "Fenwick Roofing"),
])
def test_a_company_named_after_the_person_is_no_person(line: str, company: str) -> None:
    from assistant.domain import OwnerIdentity
    from assistant.parsing.people import find_people

    owner = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))
    (person,) = find_people(line, owner)
    assert person.company == company and person.emails


def test_an_address_before_the_name_on_its_line_is_theirs() -> None:
    from assistant.domain import OwnerIdentity
    from assistant.parsing.people import find_people

    owner = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))
    (person,) = find_people("li.na@example.io | Li Na | CFO, Quarto\nMet at the expo.", owner)
    assert (person.name, person.emails, person.title) == ("Li Na", ["li.na@example.io"], "CFO")


@pytest.mark.parametrize(("text", "told"), [
    ("Kontakt vom Mittelstandstag in Stuttgart:", True),
    ("Beim Branchentreff in Ulm kennengelernt.", True),
    ("Auf dem Digitalgipfel getroffen.", True),
    ("Ruf sie am Dienstag an.", False),
])
def test_german_compound_events(text: str, told: bool) -> None:
    assert bool(read_context(text).context) is told


@pytest.mark.parametrize(("text", "key", "phrase"), [
    ("He's on the hunt for a packaging partner.", "needs", "a packaging partner"),
    ("They could use a part-time CFO.", "needs", "a part-time CFO"),
    ("She asked for our pricing.", "needs", "our pricing"),
    ("Happy to share their benchmark data.", "offers", "share their benchmark data"),
    ("He asked about our API limits.", "interests", "our API limits"),
    ("Le serve un fornitore di vetro.", "needs", "un fornitore di vetro"),
])
def test_more_cue_phrasings(text: str, key: str, phrase: str) -> None:
    assert phrase in " ".join(getattr(read_context(text), key))


@pytest.mark.parametrize(("text", "key", "phrase"), [
    ("Sie hätte gern eine Demo im Januar.", "needs", "eine Demo im Januar"),
    ("Elle aimerait un devis avant Noël.", "needs", "un devis avant Noël"),
    ("Vorrebbe un nuovo sito.", "needs", "un nuovo sito"),
    ("Gostaria de um catálogo impresso.", "needs", "um catálogo impresso"),
    ("Elle peut nous présenter à son associé.", "offers", "présenter à son associé"),
    ("Podría presentarnos al director.", "offers", "presentarnos al director"),
    ("Può presentarci al consorzio.", "offers", "presentarci al consorzio"),
])
def test_wishes_and_offers_in_other_languages(text: str, key: str, phrase: str) -> None:
    assert phrase in " ".join(getattr(read_context(text), key))


@pytest.mark.parametrize(("text", "company"), [
    ("É diretora de operações da Têxteis Minho, S.A. (x@example.pt).", "Têxteis Minho, S.A."),
    ("He is CFO at Harbour Tools, Inc. and likes sailing.", "Harbour Tools, Inc."),
])
def test_a_legal_form_after_a_comma_stays_with_the_company(text: str, company: str) -> None:
    from assistant.parsing.contacts import role_in

    assert role_in(text).company == company


def test_a_later_sentence_opening_with_a_title() -> None:
    from assistant.domain import OwnerIdentity
    from assistant.parsing.people import find_people

    owner = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))
    (person,) = find_people("Met Ada Quist (ada@example.com) at the fair. Landscape architect, "
                            "runs Quist Gardens. Needs a nursery partner.", owner)
    assert (person.title, person.company) == ("Landscape architect", "Quist Gardens")


def test_a_list_item_with_its_address_before_the_role() -> None:
    from assistant.domain import OwnerIdentity
    from assistant.parsing.people import find_people

    owner = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))
    (person,) = find_people("- Bea Lund, bea@example.se; owner of Lund Linen; wants a stockist",
                            owner)
    assert (person.title, person.company) == ("owner", "Lund Linen")


@pytest.mark.parametrize(("text", "promise"), [
    ("I'll send him the pilot terms on Friday.", "the pilot terms"),
    ("Ich schicke ihr das Angebot bis Freitag.", "das Angebot"),
    ("Je vais lui envoyer le devis demain.", "le devis"),
])
def test_when_the_owner_keeps_a_promise_is_not_the_promise(text: str, promise: str) -> None:
    (got,) = read_context(text).promises
    assert got.endswith(promise)


def test_a_title_beside_a_company_in_a_list_is_kept_whole() -> None:
    from assistant.parsing.contacts import role_in_list

    role = role_in_list(["Directora Creativa", "Estudio Jacaranda"])
    assert (role.title, role.company) == ("Directora Creativa", "Estudio Jacaranda")


@pytest.mark.parametrize(("text", "key", "phrase"), [
    ("She's looking for a CRM, though she's on leave till March.", "needs", "a CRM"),
    ("He's interested in offline sync, even if his stack is a mess.", "interests", "offline sync"),
    ("Sucht einen Steuerberater, obwohl die Firma klamm ist.", "needs", "einen Steuerberater"),
    ("Cherche un graphiste, même si le budget est serré.", "needs", "un graphiste"),
])
def test_a_concession_is_no_part_of_the_fact(text: str, key: str, phrase: str) -> None:
    assert getattr(read_context(text), key) == (phrase,)


@pytest.mark.parametrize(("text", "occasion"), [
    ("Aperitivo con Marta Ricci a Torino, dopo il Salone del Gusto.", "Aperitivo"),
    ("Cena con Paula Ríos en Sevilla, después de la feria.", "Cena"),
    ("Borrel bij het Startup Huis in Delft:", "Borrel bij het Startup Huis in Delft"),
    ("Growth dinner in Dublin · Aoife Byrne · CTO, Lumen · aoife@lumen.ie",
     "Growth dinner in Dublin"),
])
def test_an_occasion_opening_the_note(text: str, occasion: str) -> None:
    context = read_context(text, ("Marta Ricci", "Paula Ríos", "Aoife Byrne")).context
    assert context and context.startswith(occasion)
    assert "con " not in context  # the "with" goes with the name removed


@pytest.mark.parametrize(("text", "occasion"), [
    ("Conosciuto al Cibus | Marco Neri | Buyer, Coop Sud | marco@coopsud.it | cerca olio bio",
     "Conosciuto al Cibus"),
    ("Met at the Riga startup night / Ilze Kalna / CEO, Vejo / ilze@vejo.lv", "Met at the Riga"),
])
def test_the_meeting_field_of_a_one_line_card(text: str, occasion: str) -> None:
    assert (read_context(text).context or "").startswith(occasion)


@pytest.mark.parametrize(("text", "occasion"), [
    ("Karte vom Münchner Unternehmerfrühstück:\n\nEva Lang\nCEO", "Münchner Unternehmerfrühstück"),
    ("Card from the Bristol food fair:\n\nJo Hale\nOwner", "Bristol food fair"),
    ("Tarjeta de la feria Expoelectric:\n\nLuis Mora", "feria Expoelectric"),
])
def test_a_card_from_an_event(text: str, occasion: str) -> None:
    from assistant.parsing.context import card_occasion

    assert card_occasion(text) == occasion


def test_a_card_from_a_person_names_no_occasion() -> None:
    from assistant.parsing.context import card_occasion

    assert card_occasion("Card from Jo Hale:\n\nJo Hale\nOwner") is None


@pytest.mark.parametrize(("heading", "occasion"), [
    ("Vinexpo Paris:", "Vinexpo Paris"), ("Salone del Mobile:\n- ", "Salone del Mobile"),
    ("Neue Kontakte:", None), ("Follow Ups:", None), ("Notes:", None), ("CEO:", None),
])
def test_a_named_heading_is_the_occasion(heading: str, occasion: str | None) -> None:
    from assistant.parsing.context import heading_occasion

    assert heading_occasion(heading) == occasion


@pytest.mark.parametrize(("text", "need"), [
    ("Zoekt geen subsidie, wel een accountant voor de jaarrekening.", "een accountant"),
    ("Non cerca soci ma vorrebbe un magazzino a Verona.", "un magazzino a Verona"),
    ("Não procura investidores, mas um contabilista.", "um contabilista"),
    ("Sucht keine Investoren, sondern einen Statiker.", "einen Statiker"),
])
def test_a_denied_need_gives_way_to_the_need(text: str, need: str) -> None:
    needs = read_context(text).needs
    assert len(needs) == 1 and needs[0].startswith(need)


@pytest.mark.parametrize(("text", "promise"), [
    ("I'll send her the onboarding deck. She'll think about it, we'll see.", "the onboarding deck"),
    ("We'll email them the price list.", "the price list"),
    ("Le prometí enviarle el dossier.", "el dossier"),
])
def test_the_thing_the_owner_will_send(text: str, promise: str) -> None:
    assert read_context(text).promises == (promise,)


@pytest.mark.parametrize("text", [
    "He asked me for a bridging loan – ignore, not doing that.",
    "Sucht einen Bürgen für ihren Kredit — ignorieren.",
    "Busca un préstamo personal – olvídalo.",
])
def test_a_need_the_owner_waves_away_is_no_need(text: str) -> None:
    assert read_context(text).needs == ()


def test_the_thing_promised_not_the_pronoun() -> None:
    assert read_context("Ich schicke ihm unseren Leitfaden.").promises == ("unseren Leitfaden",)


@pytest.mark.parametrize("text", [
    "Charlamos en la degustación de la bodega.", "Anna leren kennen op de havenlunch in Gent.",
    "Platicamos en la feria de Monterrey.",
])
def test_more_ways_of_telling_the_meeting(text: str) -> None:
    assert read_context(text).context


@pytest.mark.parametrize(("text", "key", "phrase"), [
    ("Interessiert an Kreislaufwirtschaft.", "interests", "Kreislaufwirtschaft"),
    ("Sie brauchen einen Partner für Recycling.", "needs", "einen Partner für Recycling"),
    ("Ofreció presentarnos a su importador.", "offers", "presentarnos a su importador"),
    ("Ich schicke ihr bis Montag unsere Referenzliste.", "promises", "unsere Referenzliste"),
    ("I'll send her by Friday the pricing sheet.", "promises", "the pricing sheet"),
])
def test_cues_in_more_forms(text: str, key: str, phrase: str) -> None:
    assert getattr(read_context(text), key) == (phrase,)


@pytest.mark.parametrize(("body", "need"), [
    ("Hola Ana:\nComo te comenté, buscamos un despacho de aduanas.", "un despacho de aduanas"),
    ("Hi Sam,\nAs I mentioned, we're looking for a freight partner.", "a freight partner"),
])
def test_a_writers_need_after_a_short_lead(body: str, need: str) -> None:
    from assistant.parsing.context import writers_needs

    assert writers_needs(body) == (need,)


def test_a_referral_after_a_denied_meeting_tells_no_occasion() -> None:
    assert read_context("Haven't met yet; Jordan suggested I reach out.").context is None
    assert read_context("Haven't met her yet, but we spoke at the Lisbon summit.").context


def test_a_coffee_ending_a_company_name_is_no_meeting() -> None:
    from assistant.parsing.context import tells_meeting

    assert not tells_meeting("Fundadora de Molina Café, busca un tostador.")
    assert tells_meeting("Coffee with Jo at Blue Bottle Coffee.")


@pytest.mark.parametrize(("text", "name"), [
    ("Sofia Lind is project director at Mareas and exhibited at the Bilbao summit.",
     "Sofia Lind"),
    ("Marc Ferrer es fundador de Telas Ferrer y habló en la feria de Hostelco.", "Marc Ferrer"),
])
def test_what_a_described_person_did_at_an_event_is_not_the_owners_meeting(text: str,
                                                                          name: str) -> None:
    assert read_context(text, (name,)).context is None


def test_a_described_person_the_owner_met_keeps_the_occasion() -> None:
    facts = read_context("Jo Park is CTO at Lumen; met her at the Leeds summit.", ("Jo Park",))
    assert facts.context
