"""The role after the occasion and a hyphen ("Met X at the Leeds fintech breakfast - Head of
Partnerships, ... Ltd"), two hyphens as a dash between one-line fields, a Malay patronymic
("binte", "bte"), ", who is <title> at <company>", a doctor's degrees after the name on a card
("Dr. X, MD"), a title's colon on a card in capitals ("HEAD: SUPPLY CHAIN"), and events named
as a conclave, indaba, symposium or "founders meet", in headings "Typed up from the ...:" or with
a digit inside a word ("Pune B2B exporters conclave:") (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.context import _EVENT_WORD, card_occasion, heading_occasion
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Olive Owner", addresses=("olive@owner.example",), region="GB",
                      assistant_addresses=("assistant@owner.example",))


def _one(text: str) -> tuple[str | None, str | None, str | None]:
    found, = find_people(text, OWNER)
    return found.name, found.title, found.company


def test_the_role_after_the_occasion_and_a_hyphen() -> None:
    assert _one("Met Callum Ashworth at the Leeds fintech breakfast - Head of Partnerships, "
                "Aireside Payments Ltd, callum@aireside.example, 0113 496 0177.") == (
        "Callum Ashworth", "Head of Partnerships", "Aireside Payments Ltd")


def test_two_hyphens_part_one_line_fields() -> None:
    assert _one("Renata Oakhurst -- VP of Operations -- Saguaro Water Systems Inc. -- "
                "renata@saguaro.example -- 020 7946 0164. Met at the summit.") == (
        "Renata Oakhurst", "VP of Operations", "Saguaro Water Systems Inc.")


def test_a_malay_patronymic_is_part_of_the_name() -> None:
    name, title, company = _one("Nur Aisyah binte Kamarudin | CFO | Seberang Halal Foods Sdn. "
                                "Bhd. | aisyah@seberang.example")
    assert (name, title, company) == ("Nur Aisyah binte Kamarudin", "CFO",
                                      "Seberang Halal Foods Sdn. Bhd.")


def test_who_is_a_title_at_a_company() -> None:
    assert _one("I got chatting to Peadar Lenihan, who is head of fundraising at Shannon Rural "
                "Energy CLG (peadar@shannon.example).")[1:] == (
        "head of fundraising", "Shannon Rural Energy CLG")
    assert _one("J'ai rencontré Claire Dubois, qui est directrice commerciale chez Vins Lumière "
                "SARL, claire@vl.example.")[1:] == ("directrice commerciale", "Vins Lumière SARL")


def test_a_doctors_degree_is_no_title_but_a_british_md_is() -> None:
    card = ("Dr. Tobias Wexley-Harlan, MD\nChief Clinical Officer\nPlatte Valley Telehealth, "
            "Inc.\nt.wexley@platte.example")
    assert _one(card) == ("Tobias Wexley-Harlan", "Chief Clinical Officer",
                          "Platte Valley Telehealth, Inc.")
    assert _one("Tom Hardwick, MD\nHardwick Joinery Ltd\ntom@hardwick.example")[1] == "MD"


def test_a_title_with_a_colon_on_a_card_in_capitals() -> None:
    card = ("NOMVULA KHUMALO-PRETORIUS\nHEAD: SUPPLY CHAIN\nMIDLANDS MILLING (PTY) LTD\n"
            "Tel: 031 555 0142\nnomvula@midlandsmilling.example")
    assert _one(card) == ("Nomvula Khumalo-Pretorius", "HEAD: SUPPLY CHAIN",
                          "MIDLANDS MILLING (PTY) LTD")


def test_events_by_their_other_names() -> None:
    for event in ("Mumbai brands conclave", "Cape Town energy indaba", "Durban symposium",
                  "Bengaluru SaaS founders meet"):
        assert _EVENT_WORD.search(event), event
    # the verb is no event
    for said in ("Priyanka, meet", "Please meet", "happy to meet."):
        assert not _EVENT_WORD.search(said), said


def test_headings_naming_the_event() -> None:
    assert heading_occasion("Typed up from the Durban agri-processing symposium:\n\n") == (
        "Durban agri-processing symposium")
    assert heading_occasion("Pune B2B exporters conclave:\n") == "Pune B2B exporters conclave"
    assert card_occasion("Card, Bengaluru SaaS founders meet:\n\nMr. X") == (
        "Bengaluru SaaS founders meet")
