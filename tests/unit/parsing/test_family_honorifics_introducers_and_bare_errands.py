"""Myanmar's "Daw" and "Ko" before a name, "binti" inside one, a nickname in brackets, an
introducer "at the chamber" or "from the ministry" before the verb, "I should talk to X" and
"I will leave the next step with you" promising nothing, a legal form's dot before "and wants",
"(Pvt) Ltd", a lecturer's subject, and titles of trades and independents (examples in
tests/corpus/dev)."""

from __future__ import annotations

from email.message import EmailMessage

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message
from assistant.parsing.contacts import clean_name, is_title_phrase
from assistant.parsing.context import read_context, sentences
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Amara Lindqvist", addresses=("amara@lindqvist.example",),
                      region="GB", assistant_addresses=("contacts@lindqvist.example",))


def note(body: str) -> bytes:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = (
        "Amara Lindqvist <amara@lindqvist.example>", "contacts@lindqvist.example", "people")
    mail.set_content(body)
    return bytes(mail)


def test_daw_and_ko_are_honorifics() -> None:
    assert clean_name("Daw Thida Myint") == "Thida Myint"
    assert clean_name("Ko Aung Zaw Lin") == "Aung Zaw Lin"
    assert clean_name("Ko Gyi") == "Ko Gyi"  # a two-word name keeps its words


def test_binti_and_a_nickname_in_brackets() -> None:
    people = find_people("Met Nurul Aisyah binti Rahman at the Kuching halal expo, "
                         "nurul@sarawaksago.com.my.\n2. Philippa (Pip) Quartermaine, founder of "
                         "Refill Exe, 07456 555 164.", OWNER)
    assert [p.name for p in people] == ["Nurul Aisyah binti Rahman", "Philippa Quartermaine"]


def test_introducers_named_with_where_they_work() -> None:
    for text in ("Not met yet — Ruvini Perera at the chamber said I should talk to Kasun "
                 "Bandara, CEO of Galle Seaplanes (Pvt) Ltd (kasun@galleseaplanes.lk).",
                 "Haven't met him yet. Ruvini Perera from the chamber suggested I contact Kasun "
                 "Bandara, CEO of Galle Seaplanes (Pvt) Ltd (kasun@galleseaplanes.lk)."):
        contacts = parse_message(note(text), OWNER).contacts
        assert [(c.name, c.introduced_by, c.company, c.promises) for c in contacts] == [
            ("Kasun Bandara", "Ruvini Perera", "Galle Seaplanes (Pvt) Ltd", ())]


def test_stepping_back_promises_nothing() -> None:
    assert read_context("I will leave the next step with you.").promises == ()
    assert read_context("I'll send her the next steps.").promises == ("the next steps",)


def test_a_legal_forms_dot_before_a_word_in_lower_case_ends_no_sentence() -> None:
    text = "Aye Chan Moe is head of operations at Shwe Pay Co., Ltd. and wants a gateway. Next."
    assert sentences(text)[0].endswith("wants a gateway.")


def test_titles_of_a_lecturers_subject_trades_and_independents() -> None:
    people = find_people("Dr Caspar Melling, Senior Lecturer in Chemistry, University of Exmoor, "
                         "c.melling@exmoor.ac.uk.", OWNER)
    assert [p.title for p in people] == ["Senior Lecturer in Chemistry"]
    assert is_title_phrase("comptable") and is_title_phrase("consultor independiente")
