"""What the writer of a forwarded message offers or needs, in more shapes: a short lead before
the offer ("As mentioned, we'd be happy to run ..."), the Spanish and Catalan "Necesitamos" /
"Necessitem" before a noun (not before a verb), and the French "Nous proposons à vos clients
..." (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.parsing.context import writers_needs, writers_offers


def test_an_offer_after_a_short_lead() -> None:
    assert writers_offers("Hi Sam,\n\nAs mentioned, we'd be happy to run a free clinic for your "
                          "founders.") == ("to run a free clinic for your founders",)


def test_we_need_in_spanish_and_catalan_before_a_noun() -> None:
    assert writers_needs("Hola,\n\nNecesitamos asesoría para certificar las granjas.") == (
        "asesoría para certificar las granjas",)
    assert writers_needs("Hola,\n\nNecessitem un soci per a França.") == ("un soci per a França",)
    # before a verb it is a task, no need
    assert writers_needs("Hola,\n\nNecesitamos hablar pronto.") == ()


def test_the_french_we_propose_to_your_clients() -> None:
    assert writers_offers("Bonjour,\n\nNous proposons à vos clients un audit énergétique "
                          "gratuit.") == ("un audit énergétique gratuit",)


def test_what_the_writer_would_gladly_welcome() -> None:
    # "Teremos todo o gosto em receber ...", "Tendremos mucho gusto en recibir ...", "Nous serons
    # ravis d'accueillir ...", "Saremo lieti di ospitare ...": the owner's people welcomed
    assert writers_offers("Olá,\n\nFoi um prazer. Teremos todo o gosto em receber os seus "
                          "investidores para uma aula de kitesurf.") == (
        "os seus investidores para uma aula de kitesurf",)
    assert writers_offers("Hola,\n\nTendremos mucho gusto en recibir a sus clientes en la "
                          "bodega.") == ("a sus clientes en la bodega",)
    assert writers_offers("Bonjour,\n\nNous serons ravis d'accueillir vos étudiants.") == (
        "vos étudiants",)
    assert writers_offers("Ciao,\n\nSaremo lieti di ospitare i vostri clienti.") == (
        "i vostri clienti",)
    # a pleasure had, not offered
    assert writers_offers("Olá,\n\nFoi um prazer conhecê-la.") == ()
