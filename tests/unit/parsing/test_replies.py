"""The owner's answer to an approval request: read_reply_intent on literal text, parse_reply on
the labelled .eml set in tests/corpus/replies/, and properties that must hold for any text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.domain import ReplyIntent
from assistant.errors import UnreadableMessageError
from assistant.parsing.replies import parse_reply, read_reply_intent

CORPUS = Path(__file__).parents[2] / "corpus" / "replies"
CASES = sorted(CORPUS.glob("*.eml"))
NEVER_SENT = {ReplyIntent.APPROVE, ReplyIntent.EDIT}
APPROVE, EDIT, SKIP, SNOOZE, STOP, UNKNOWN = (
    ReplyIntent.APPROVE, ReplyIntent.EDIT, ReplyIntent.SKIP, ReplyIntent.SNOOZE,
    ReplyIntent.STOP, ReplyIntent.UNKNOWN,
)  # fmt: skip
SEND_NEGATIONS = [
    "don't send", "do not send", "dont send", "never send", "please don't send it", "not yet",
    "nicht senden", "bitte nicht schicken", "noch nicht senden", "schick es nicht",
    "ne l'envoie pas", "n'envoie pas", "ne pas envoyer", "pas encore",
    "no lo envíes", "no enviar", "todavía no", "aún no",
]  # fmt: skip


def _expected(eml: Path) -> dict[str, object]:
    return json.loads(eml.with_suffix(".json").read_text(encoding="utf-8"))


# --- the labelled set -------------------------------------------------------------------------


def test_corpus_is_large_and_covers_every_intent_and_language() -> None:
    # Given the labelled set
    labels = [_expected(eml) for eml in CASES]
    # Then it has at least 60 replies, every intent, every language and many safety cases
    assert len(CASES) >= 60
    assert {label["intent"] for label in labels} == {i.value for i in ReplyIntent}
    assert {eml.name[:3] for eml in CASES} == {"en_", "de_", "fr_", "es_"}
    assert sum(1 for label in labels if label.get("_safety")) >= 25


@pytest.mark.parametrize("eml", CASES, ids=lambda path: path.stem)
def test_corpus_reply_is_read_as_labelled(eml: Path) -> None:
    # Given a reply as a mail client wrote it, and its label
    expected = _expected(eml)
    # When it is parsed
    got = parse_reply(eml.read_bytes()).to_json()
    # Then intent, snooze days and text are the labelled ones
    assert (got["intent"], got["snooze_days"]) == (expected["intent"], expected["snooze_days"])
    if "text" in expected:
        assert got["text"] == expected["text"]
    assert str(expected.get("_text_contains", "")) in str(got["text"])


def test_no_negation_question_instruction_or_empty_reply_is_ever_sent() -> None:
    # Given every labelled reply that negates, asks, instructs or says nothing new
    unsafe = [eml for eml in CASES if _expected(eml).get("_safety")]
    # When they are parsed
    intents = {eml.stem: parse_reply(eml.read_bytes()).intent for eml in unsafe}
    # Then none of them approves or edits
    assert {name: i for name, i in intents.items() if i in NEVER_SENT} == {}
    assert {"negation", "question", "instruction", "empty"} <= {
        _expected(eml)["_safety"] for eml in unsafe
    }


# --- read_reply_intent on literal text -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent", "days"),
    [
        ("send", APPROVE, None), ("Send it!", APPROVE, None), ("yes", APPROVE, None),
        ("Approved", APPROVE, None), ("go ahead", APPROVE, None), ("Looks good", APPROVE, None),
        ("👍", APPROVE, None), ("👍🏼", APPROVE, None), ("✅", APPROVE, None),
        ("ok", APPROVE, None),
        ("Ja, senden", APPROVE, None), ("Passt", APPROVE, None), ("Oui, envoie-le", APPROVE, None),
        ("Vas-y", APPROVE, None), ("Sí, envíalo", APPROVE, None), ("Adelante", APPROVE, None),
        ("skip", SKIP, None), ("no", SKIP, None), ("pass", SKIP, None), ("Nein", SKIP, None),
        ("don't send this one", SKIP, None), ("überspringen", SKIP, None), ("passer", SKIP, None),
        ("omitir", SKIP, None), ("ok, skip it", SKIP, None), ("nicht senden", SKIP, None),
        ("snooze", SNOOZE, 3), ("snooze 3d", SNOOZE, 3), ("snooze 2 days", SNOOZE, 2),
        ("next week", SNOOZE, 7), ("tomorrow", SNOOZE, 1), ("in a week", SNOOZE, 7),
        ("snooze 2w", SNOOZE, 14), ("later", SNOOZE, 3), ("später", SNOOZE, 3),
        ("nächste Woche", SNOOZE, 7), ("in drei Tagen", SNOOZE, 3), ("demain", SNOOZE, 1),
        ("la semaine prochaine", SNOOZE, 7), ("la próxima semana", SNOOZE, 7),
        ("mañana", SNOOZE, 1), ("send it next week", SNOOZE, 7), ("not yet, tomorrow", SNOOZE, 1),
        ("stop", STOP, None), ("stop following up", STOP, None), ("stopp", STOP, None),
        ("never contact her again", STOP, None), ("unsubscribe this contact", STOP, None),
        ("arrête", STOP, None), ("detener", STOP, None), ("keine Follow-ups mehr", STOP, None),
        ("ne plus le relancer", STOP, None), ("no más seguimientos", STOP, None),
    ],
)  # fmt: skip
def test_clear_answers_are_read(text: str, intent: ReplyIntent, days: int | None) -> None:
    # Given the owner's short answer / When it is read
    reply = read_reply_intent(text)
    # Then the intent and days are the obvious ones, and the text is kept
    assert (reply.intent, reply.snooze_days) == (intent, days)
    assert reply.text == text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Yes go ahead and send", APPROVE), ("Looks perfect, send away", APPROVE),
        ("Great draft, send it", APPROVE), ("Sounds good to me", APPROVE),
        ("Absolutely, send it", APPROVE), ("sí, mándalo", APPROVE), ("Perfekt so", APPROVE),
        ("Envoie stp", APPROVE), ("Listo, envíalo", APPROVE), ("Let's skip it", SKIP),
        ("Don't bother", SKIP), ("Nein danke", SKIP), ("Lieber nicht", SKIP),
        ("Non, laisse tomber", SKIP), ("No, mejor no", SKIP),
        ("Don't send it, I already called her", SKIP), ("snooze until next week", SNOOZE),
        ("Remind me in a few days", SNOOZE), ("Ask me again tomorrow", SNOOZE),
        ("Dans 3 jours", SNOOZE), ("Recuérdamelo mañana", SNOOZE),
        ("Please remove her from follow-ups", STOP), ("Deja de escribirle", STOP),
        ("Keine weiteren Erinnerungen für diesen Kontakt", STOP),
        ("Yep, fire away", APPROVE), ("Schaut gut aus, raus damit", APPROVE),
        ("C'est parfait, envoie", APPROVE), ("Perfecto, mándalo ya", APPROVE),
        ("Not needed anymore", SKIP), ("No need", SKIP), ("Bitte nicht verschicken", SKIP),
        ("Non, ne l'envoie pas", SKIP), ("Mejor no lo envíes", SKIP), ("Snooze a week", SNOOZE),
        ("remind me in two weeks", SNOOZE), ("Rappelle-moi dans deux jours", SNOOZE),
        ("Pospón una semana", SNOOZE), ("Stop reminding me about her", STOP),
        ("Don't follow up with him anymore", STOP), ("No vuelvas a contactarle", STOP),
    ],
)  # fmt: skip
def test_everyday_phrasings_are_read(text: str, intent: ReplyIntent) -> None:
    # Given phrasings written apart from the vocabulary lists / When read / Then understood
    assert read_reply_intent(text).intent is intent


@pytest.mark.parametrize(
    "text",
    [
        "Send it but without the last paragraph", "Could you make it more casual?",
        "Hmm not sure", "Why this link?", "Wait", "Send... actually no", "Fix the typo then send",
        "Please send it to her colleague instead", "Nicht so, bitte umschreiben", "Pas comme ça",
        "Así no", "Yes but from my work address", "send it without the intro offer",
        "Let me think about it", "I'll handle this one myself", "send the shorter version",
        "Ja, aber ohne den letzten Satz", "Oui, sans le lien", "Sí, pero sin el enlace",
        "Send but cc my cofounder", "Is the link right?", "Hmm, not convinced", "Warte noch",
        "Change 'Hi' to 'Hello' and send", "Send it later today after 5", "Attends, je relis",
        "Espera un momento", "send it to her personal email instead", "Yes, but mention the meetup",
        "send again tonight", "send twice", "yes ce soir", "vale esta noche", "send to Sam",
        "", "   \n  ", "not yet", "Not now", "wait", "noch nicht", "pas encore", "todavía no",
        "send it?", "should I send?", "Soll ich das senden?", "Je l'envoie ?", "¿Lo envío?",
        "send but change the second line", "make it shorter", "send, but add the link",
        "Senden, aber kürzer", "Envoie, mais plus court", "Envíalo pero más corto",
        "yes no", "No, send it", "send it to me first", "don't stop", "send on Friday",
        "send it tomorrow or next week", "I don't think so", "hmm", "what is this",
        "Yes, and mention that we met at the conference in Berlin",
        "stop, send it", "snooze and stop", "don't send it like this",
    ],
)  # fmt: skip
def test_doubtful_answers_are_unknown(text: str) -> None:
    # Given a negation, question, instruction, contradiction or nothing / When it is read
    reply = read_reply_intent(text)
    # Then the owner is asked
    assert reply.intent is UNKNOWN
    assert reply.snooze_days is None


def test_rewritten_draft_is_an_edit_without_the_owner_signature() -> None:
    # Given a letter to the contact above the quote, with the owner's signature block
    letter = "Hi Jane,\n\nGreat to meet you on Tuesday. Here is the checklist.\n\nBest,\nBob"
    # When it is read
    reply = read_reply_intent(letter + "\n\n-- \nBob Owner\n+1 415 555 0100")
    # Then it is an edit whose text is the letter with its sign-off, without the signature
    assert (reply.intent, reply.text) == (EDIT, letter)


@pytest.mark.parametrize("preface", ["Send this instead:", "Here is my version:", "So besser:"])
def test_rewrite_under_a_short_preface_is_an_edit_of_the_letter_alone(preface: str) -> None:
    # Given "use this" above a letter to the contact
    letter = "Hi Jane,\n\nGreat to meet you on Tuesday. Here is the checklist.\n\nBest,\nBob"
    # When it is read / Then the letter alone is the edit
    assert read_reply_intent(f"{preface}\n\n{letter}").to_json()["text"] == letter
    assert read_reply_intent(f"{preface}\n\n{letter}").intent is EDIT


@pytest.mark.parametrize(
    "text",
    [
        "Don't send this:\n\nHi Jane,\n\nGreat to meet you on Tuesday. Here is the checklist.",
        "Should I send this instead:\n\nHi Jane,\n\nGreat to meet you on Tuesday, here it is.",
        "Hi Max,\nplease skip this one, she already has it.\nThanks",
        "Hi Jane,\n\nDon't send this yet, I will fix the link first.\nBob",
        "Hello Assistant,\nthe second paragraph is too long, can you cut it?",
        "Hi Jane,\nok",
    ],
)
def test_notes_to_the_assistant_are_not_edits(text: str) -> None:
    # Given a greeting followed by a command or too little to be a letter / When it is read
    # Then it is never sent as a rewrite
    assert read_reply_intent(text).intent is not EDIT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Send\n\nSent from my iPhone", "Send"),
        ("Ja\n\nVon meinem iPhone gesendet", "Ja"),
        ("Yes, send it.\n\nThanks,\nBob", "Yes, send it."),
        ("Send it\n\nBob Owner\nFounder, Owner Ventures\n+1 415 555 0100", "Send it"),
        ("skip\n-- \nBob", "skip"),
        ("Send\nBob", "Send"),
    ],
)
def test_text_has_no_signature_or_device_footer(text: str, expected: str) -> None:
    # Given an answer with a closing, signature or "Sent from" footer / When it is read
    reply = read_reply_intent(text)
    # Then the text is the answer alone, and the answer still counts
    assert reply.text == expected
    assert reply.intent is not UNKNOWN


def test_closing_that_answers_is_not_dropped() -> None:
    # Given a yes followed by a "closing" that takes it back
    reply = read_reply_intent("send\nthanks\ndon't send")
    # Then nothing is dropped and the contradiction is unknown
    assert reply.intent is UNKNOWN
    assert "don't send" in reply.text


def test_refusal_with_a_reason_is_still_a_refusal() -> None:
    # Given a skip or stop followed by a plain reason / When read / Then the refusal counts
    assert read_reply_intent("Skip this one, she already has the checklist").intent is SKIP
    assert read_reply_intent("Stop following up, he left the company.").intent is STOP
    # But a yes with a reason is too wordy to be a clear yes
    assert read_reply_intent("Send it, she will love the checklist we made").intent is UNKNOWN


# --- parse_reply on bytes ---------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"", b"\x00\x01\x02\xff" * 50, b"just some words\nno headers"])
def test_bytes_that_are_not_an_email_raise(raw: bytes) -> None:
    # Given bytes that are not a message / When parsed / Then UnreadableMessageError
    with pytest.raises(UnreadableMessageError):
        parse_reply(raw)


def test_message_without_body_is_unknown() -> None:
    # Given a message with headers only
    raw = b"From: bob@owner.example\r\nSubject: Re: Approve\r\n\r\n"
    # When parsed / Then it is read, as nothing new: unknown
    assert parse_reply(raw).to_json() == {"intent": "unknown", "snooze_days": None, "text": ""}


def test_answer_below_the_quote_is_not_taken() -> None:
    # Given "send" typed under the quoted request (bottom posting)
    raw = (
        b"From: bob@owner.example\r\nSubject: Re: Approve\r\n\r\n"
        b"On Mon, Nov 23, 2026 at 9:00 AM Assistant <a@assistant.example> wrote:\r\n"
        b"> Reply send to send it.\r\n\r\nsend\r\n"
    )
    # When parsed / Then nothing new is above the quote: unknown
    assert parse_reply(raw).intent is UNKNOWN


# --- properties -------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_read_without_raising(text: str) -> None:
    # Given any text / When read / Then a reply comes back with a known intent
    reply = read_reply_intent(text)
    assert reply.intent in set(ReplyIntent)
    assert reply.snooze_days is None or (reply.intent is SNOOZE and reply.snooze_days > 0)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_cleanly(raw: bytes) -> None:
    # Given any bytes / When parsed / Then a reply, or UnreadableMessageError, never another error
    try:
        parse_reply(raw)
    except UnreadableMessageError:
        pass


_LINE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Zl", "Zp", "Cc")), max_size=60
)


@settings(max_examples=400, deadline=None)
@given(_LINE, st.sampled_from(SEND_NEGATIONS), _LINE)
def test_text_with_a_negation_of_send_is_never_approve(
    before: str, negation: str, after: str
) -> None:
    # Given any text with a negation of "send" in it
    text = f"{before} {negation} {after}"
    # When it is read / Then it is never a yes
    assert read_reply_intent(text).intent is not APPROVE
