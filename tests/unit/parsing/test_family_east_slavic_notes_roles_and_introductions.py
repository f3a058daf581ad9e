"""Notes and introductions in Russian, Ukrainian and Belarusian: where people met ("Познакомились
на выставке ..."), what they need, offer and are interested in, what the owner promised ("Я
обещала отправить ему ..."), a title before a company of the former Soviet states' forms in
guillemets ("директор ЧУП «...»", "партнёр в ООО «...»"), a name with a dash before its role, a
card line naming a person with the father's name, and "Знакомлю вас" as an introduction
(examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import role_in
from assistant.parsing.context import meeting_context, read_context
from assistant.parsing.intros import is_intro
from assistant.parsing.people import find_people

BY = OwnerIdentity("Алеся Дубовік", ("alesia@dubovik.example",), "BY", ("c@dubovik.example",))
RU = OwnerIdentity("Ирина Соколова", ("irina@sokolova.example",), "RU", ("c@sokolova.example",))


@pytest.mark.parametrize(("text", "met"), [
    ("Познакомились на выставке логистики в Бресте.", True),
    ("Пазнаёміліся на IT-сустрэчы ў Віцебску.", True),
    ("Зустрілися на форумі аграріїв у Вінниці.", True),
    ("Шукае інвестара для мабільнай гульні.", False),
])
def test_where_they_met(text: str, met: bool) -> None:
    assert (meeting_context(text) is not None) is met


def test_what_the_owner_promised_and_what_the_person_wants() -> None:
    facts = read_context("Интересуется станками с ЧПУ из Тайваня. Я обещала отправить ему наш "
                         "обзор лизинговых программ.")
    assert facts.interests == ("станками с ЧПУ из Тайваня",)
    assert facts.promises == ("наш обзор лизинговых программ",)
    assert read_context("Шукае інвестара для мабільнай гульні.").needs == (
        "інвестара для мабільнай гульні",)
    assert read_context("Я абяцала адправіць ёй наш спіс.").promises == ("наш спіс",)


def test_the_contacts_own_promise_is_not_the_owners() -> None:
    assert read_context("Ён дашле мне іх прэзентацыю.").promises == ()


@pytest.mark.parametrize(("text", "title", "company"), [
    ("Павел — директор ЧУП «Лесная Поляна Эко» и ищет покупателя", "директор",
     "ЧУП «Лесная Поляна Эко»"),
    ("Ольга — партнёр в ООО «Минск Трейд Консалтинг», которое помогает", "партнёр",
     "ООО «Минск Трейд Консалтинг»"),
    ("тэхнічны дырэктар ТАА «Дзвіна Софт», ales@dzvina.example", "тэхнічны дырэктар",
     "ТАА «Дзвіна Софт»"),
    ('Заместитель директора по развитию ЗАО "Буг Транс"', "Заместитель директора по развитию",
     'ЗАО "Буг Транс"'),
])
def test_a_title_before_a_company_in_guillemets(text: str, title: str, company: str) -> None:
    role = role_in(text)
    assert (role.title, role.company) == (title, company)


def test_a_name_with_a_dash_before_its_role() -> None:
    people = find_people("Познакомилась с ним на форуме в Казани. Тимур Хабибуллин — "
                         "коммерческий директор ООО «Волжские Теплицы», timur@vt.example.", RU)
    assert [(p.name, p.title, p.company) for p in people] == [
        ("Тимур Хабибуллин", "коммерческий директор", "ООО «Волжские Теплицы»")]


def test_a_card_line_with_the_fathers_name() -> None:
    people = find_people("Сергей Павлович Лукашук\nГлавный технолог\nОАО «Неман Керамика»\n"
                         "Тел.: +375 152 55-50-31", BY)
    assert [(p.name, p.title, p.company) for p in people] == [
        ("Сергей Павлович Лукашук", "Главный технолог", "ОАО «Неман Керамика»")]


def test_introductions() -> None:
    assert is_intro("Павел, Ольга, добрый день!\n\nЗнакомлю вас, как договаривались.")
    assert is_intro("Богдане, Мирославо!\n\nЗнайомлю вас, як домовлялися.")
    assert not is_intro("Добрый день! Спасибо за встречу в Бресте.")


def test_tajik_forms_titles_and_meetings() -> None:
    role = role_in("муовини директор дар ҶСК «Роғун Сохтмон», jamshed@rogun.example")
    assert (role.title, role.company) == ("муовини директор", "ҶСК «Роғун Сохтмон»")
    assert role_in("директор ТОО «Алатау Агро»").company == "ТОО «Алатау Агро»"
    assert meeting_context("Дар форуми энергетикӣ дар Душанбе шинос шудем.") is not None
