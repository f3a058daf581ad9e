"""Names in scripts without letter case beyond the one right before an address: kept in the
script the owner wrote first when a transliteration follows in brackets; at the head of a card's
line ("박지훈 - ...") or alone above a card's lines ("سارة الهاشمي"); and a company in such a
script before its title ("星河科技 CFO"). Invented people."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


@pytest.mark.parametrize(("note", "name"), [
    ("Met 周婷 (Zhou Ting) at the Shenzhen expo, ting.zhou@example.cn.", "周婷"),
    ("Lunch with 김민지 (Minji Kim), minji@example.kr, at the Seoul forum.", "김민지"),
    ("Met 佐藤 健 (Ken Sato) at the Tokyo meetup. ken.sato@example.jp", "佐藤 健"),
])
def test_the_name_as_written_first_wins_over_its_transliteration(note: str, name: str) -> None:
    (person,) = find_people(note, OWNER)
    assert person.name == name


def test_a_card_line_opening_with_a_hangul_name() -> None:
    (person,) = find_people("이서연 - 누리소프트 COO - seoyeon@example.kr\nmet at the expo.", OWNER)
    assert (person.name, person.company, person.title) == ("이서연", "누리소프트", "COO")


@pytest.mark.parametrize("name", ["ليلى حداد", "נועה כהן", "अनन्या शर्मा"])
def test_a_name_alone_above_a_card(name: str) -> None:
    note = f"Card from the expo:\n{name}\nHead of Partnerships, Dunecrest Bank\nx@dunecrest.example"
    (person,) = find_people(note, OWNER)
    assert (person.name, person.title, person.company) == (
        name, "Head of Partnerships", "Dunecrest Bank")


def test_a_line_of_such_words_without_an_address_near_is_no_one() -> None:
    assert not find_people("会议纪要\n\n\n\n\n\nSee you.", OWNER)


@pytest.mark.parametrize("line, name", [
    ("Yuki Tanaka (田中由紀) - buyer, Sakura Foods KK - yuki.tanaka@sakurafoods.jp - "
     "+81 3 5555 0101",
     "Yuki Tanaka"),
    ("Park Jihoon (박지훈) – CTO, Hanbit Robotics – jihoon@hanbit.kr – +82 2 555 0199",
     "Park Jihoon"),
])
def test_a_card_line_in_latin_letters_keeps_no_bracketed_script_form(line: str, name: str) -> None:
    (person,) = find_people(line, OWNER)
    assert person.name == name


@pytest.mark.parametrize("note, name", [
    ("Met سارة الهاشمي at the Gitex expo in Dubai: Head of Growth at Qamar Pay, "
     "sara.hashemi@qamarpay.ae. Wants a UK payments partner.", "سارة الهاشمي"),
    ("Met 山田 太郎 at the Osaka food fair: buyer at Kansai Deli, t.yamada@kansaideli.jp.",
     "山田 太郎"),
])
def test_a_script_name_after_a_cue_with_its_address_later_in_the_sentence(
        note: str, name: str) -> None:
    (person,) = find_people(note, OWNER)
    assert person.name == name
