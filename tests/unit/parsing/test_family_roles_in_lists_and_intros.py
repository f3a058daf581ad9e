"""Roles in lists and introductions: a title in lower case "of" a name in capitals, ", same
company,", "à Banque des Îles Seychelles Ltd", a tour operator, the occasion then a semicolon
before the role, "put forward Dr ...", a name written family name first called by the other
word, a copied colleague who "is our export manager", and the names of scripts and languages
that are nobody (examples in tests/corpus/dev)."""

from __future__ import annotations

from email.message import EmailMessage

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message
from assistant.parsing.contacts import role_in
from assistant.parsing.people import find_people


def owner(region: str) -> OwnerIdentity:
    return OwnerIdentity(name="Amara Lindqvist", addresses=("amara@lindqvist.example",),
                         region=region, assistant_addresses=("contacts@lindqvist.example",))


def roles(text: str, region: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(p.name, p.title, p.company) for p in find_people(text, owner(region))]


def message(sender: str, to: str, body: str, cc: str = "") -> bytes:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = sender, to, "people"
    if cc:
        mail["Cc"] = cc
    mail.set_content(body)
    return bytes(mail)


def test_a_lower_case_title_of_a_name_in_capitals() -> None:
    role = role_in("managing partner of Rioni Valley Cellars")
    assert (role.title, role.company) == ("managing partner", "Rioni Valley Cellars")
    assert role_in("Director of Marketing").company is None  # a field, not an employer


def test_same_company_after_the_title() -> None:
    people = roles("Levan Gelashvili, managing partner of Rioni Valley Cellars, levan@rioni.ge.\n"
                   "Maka Tsereteli, export manager, same company, maka@rioni.ge.\n", "GE")
    assert people[1] == ("Maka Tsereteli", "export manager", "Rioni Valley Cellars")


def test_a_before_a_company_with_its_legal_form() -> None:
    role = role_in("responsable achats à Banque des Îles Seychelles Ltd")
    assert (role.title, role.company) == ("responsable achats", "Banque des Îles Seychelles Ltd")
    assert role_in("architecte à Lausanne").company is None  # a town


def test_a_tour_operator_and_script_names_that_are_nobody() -> None:
    people = roles("Typed from the card (front in Nepali, back in English and Latin):\n\n"
                   "Also there: Pasang Sherpa, independent tour operator, pasang@treks.np.\n", "NP")
    assert people == [("Pasang Sherpa", "independent tour operator", None)]


def test_the_occasion_then_a_semicolon_then_the_role() -> None:
    assert roles("Met Juniper Holloway-Reyes at the Asheville craft beverage summit; Director of "
                 "Retail Partnerships, Blue Ridge Kombucha Co. LLC; juniper@brk.com.", "US") == [
        ("Juniper Holloway-Reyes", "Director of Retail Partnerships",
         "Blue Ridge Kombucha Co. LLC")]


def test_put_forward_by_name() -> None:
    parsed = parse_message(message(
        "Amara Lindqvist <amara@lindqvist.example>", "contacts@lindqvist.example",
        "Not met yet: Cormac Dalton put forward Dr Orla Fitzgerald-Nash, Chief Scientist at "
        "Shannon Algae Ltd (orla@shannonalgae.ie).\n"), owner("IE"))
    assert [(c.name, c.introduced_by) for c in parsed.contacts] == [
        ("Orla Fitzgerald-Nash", "Cormac Dalton")]


def test_a_name_written_family_name_first_called_by_the_other_word() -> None:
    parsed = parse_message(message(
        "Hoang Minh <minh@saigonangels.vn>",
        "Amara Lindqvist <amara@lindqvist.example>, Pham Khoa <khoa@lotuspay.vn>",
        "Hi Amara and Khoa,\n\nHappy to connect you. Khoa is the co-founder and CEO of LotusPay, "
        "and is looking for a licensing advisor.\n\nBest,\nMinh\n",
        cc="contacts@lindqvist.example"), owner("VN"))
    khoa = next(c for c in parsed.contacts if c.name == "Pham Khoa")
    assert (khoa.title, khoa.company, khoa.needs) == (
        "co-founder and CEO", "LotusPay", ("a licensing advisor",))


def test_a_copied_colleague_who_is_our_export_manager() -> None:
    parsed = parse_message(message(
        "Amara Lindqvist <amara@lindqvist.example>", "contacts@lindqvist.example",
        "Add both.\n\n---------- Forwarded message ---------\nFrom: Ruwan Jayasuriya "
        "<ruwan@kandyspice.lk>\nDate: Wed, Dec 2, 2026 at 11:05 AM\nSubject: Kandy\nTo: Amara "
        "Lindqvist <amara@lindqvist.example>\nCc: Dilani Fernando <dilani@kandyspice.lk>\n\n"
        "Dear Amara,\n\nDilani is our export manager and will send the price list.\n\nRegards,\n"
        "Ruwan Jayasuriya | Managing Director | Kandy Spice Mills (Pvt) Ltd\n"), owner("LK"))
    dilani = next(c for c in parsed.contacts if c.name == "Dilani Fernando")
    assert dilani.title == "export manager"
