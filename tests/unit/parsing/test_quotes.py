"""Reply trimming on literal bodies: attributions in several languages, Outlook blocks, inline
replies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.parsing.quotes import trim_reply


@pytest.mark.parametrize(
    "attribution",
    [
        "On Tue, Mar 5, 2024 at 9:12 AM Jane Doe <jane@acme.com> wrote:",
        "Am 05.03.2024 um 09:12 schrieb Jane Doe <jane@acme.com>:",
        "Le mar. 5 mars 2024 à 09:12, Jane Doe <jane@acme.com> a écrit :",
        "El mar, 5 mar 2024 a las 9:12, Jane Doe (<jane@acme.com>) escribió:",
        "Op 5 mrt. 2024 om 09:12 heeft Jane Doe <jane@acme.com> het volgende geschreven:",
        "2024-03-05 9:12 GMT+01:00 Jane Doe <jane@acme.com>:",
        "Jane Doe wrote:",
    ],
)
def test_attribution_and_quote_are_removed(attribution: str) -> None:
    # Given a top-posted reply above a localized attribution and a quote
    text = f"Thanks, see you Friday.\n\n{attribution}\n> Are you free on Friday?\n> Jane\n"
    # When it is trimmed
    # Then only the new text remains
    assert trim_reply(text) == "Thanks, see you Friday."


def test_attribution_split_over_lines_is_removed() -> None:
    text = ("Sounds good.\n\nOn Tue, Mar 5, 2024 at 9:12 AM Jane Doe\n<jane@acme.com>\nwrote:\n\n"
            "> Lunch?\n")
    assert trim_reply(text) == "Sounds good."


@pytest.mark.parametrize(
    "history",
    [
        "-----Original Message-----\nFrom: Jane\nSent: Monday\nTo: Olivia\nSubject: x\n\nold",
        "-----Ursprüngliche Nachricht-----\nVon: Jane\nGesendet: Montag\n\nalt",
        "-----Message d'origine-----\nDe : Jane\nEnvoyé : lundi\n\nancien",
        "________________________________\nFrom: Jane <jane@acme.com>\nSent: Monday\n"
        "To: Olivia\nSubject: x\n\nold",
        "From: Jane <jane@acme.com>\nSent: Monday, March 4, 2024 9:00 AM\nTo: Olivia\n\nold",
        "De: Jane <jane@acme.com>\nEnviado: lunes\nPara: Olivia\nAsunto: x\n\nviejo",
    ],
)
def test_outlook_history_without_quote_marks_is_removed(history: str) -> None:
    # Given new text above an Outlook-style copy of the previous message
    text = f"New text here.\n\n{history}\n"
    # Then everything from the separator or header block down is cut
    assert trim_reply(text) == "New text here."


def test_inline_reply_keeps_new_text_between_quotes() -> None:
    # Given an inline reply (quotes separated from answers by blank lines)
    text = ("Hi,\nOn Mon, Mar 4, 2024 at 9:00 AM Jane <j@x.com> wrote:\n> Question one?\n\n"
            "Answer one.\n\n> Question two?\n\nAnswer two.\n")
    # Then the answers are kept, the quotes and the attribution are not
    assert trim_reply(text) == "Hi,\nAnswer one.\n\nAnswer two."


def test_rewrapped_quote_line_between_quoted_lines_stays_in_the_quote() -> None:
    text = "Reply.\n\n> a long quoted line that the client\nwrapped without a mark\n> more quote\n"
    assert trim_reply(text) == "Reply."


def test_mobile_signature_line_ends_the_new_text() -> None:
    # Given a phone reply with the old message pasted below without quote marks
    text = "Yes, Friday works.\n\nSent from my iPhone\n\nOld message text that was not quoted.\n"
    # Then the text stops after the mobile line (the signature splitter removes that line)
    assert trim_reply(text) == "Yes, Friday works.\n\nSent from my iPhone"


@pytest.mark.parametrize(
    "text",
    [
        "Met Jane Doe (CTO, Acme) at the breakfast.\nShe wrote: we need an SRE.\n",
        "I had a hard time with the guide, so when I finally\nfigured it out, I wrote my own:\n\n"
        "https://example.com/guide\n",
        "Invitation:\n\nDate: Wednesday 3 October\nTime: 7:00am\nAddress: 130 Fox St\n",
        "This is not a ---------- delimiter.\n",
    ],
)
def test_notes_without_history_are_kept_whole(text: str) -> None:
    # Given text that merely mentions writing, dates or dashes
    # Then nothing is cut
    assert trim_reply(text) == text.rstrip()


def test_only_quoted_text_gives_empty_string() -> None:
    assert trim_reply("> just a quote\n> nothing new\n") == ""


def test_reply_above_this_line_marker_cuts_the_notification() -> None:
    text = "My answer.\n\n## Please type your reply above this line ##\n\nOld notification\n"
    assert trim_reply(text) == "My answer."


def test_crlf_line_endings_are_handled() -> None:
    text = "Reply\r\n\r\nOn Mon, Mar 4, 2024, Jane <j@x.com> wrote:\r\n> old\r\n"
    assert trim_reply(text) == "Reply"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("On wrote:>-_ \n\t2024@.<>Am schrieb")), max_size=300))
def test_trim_never_raises_and_only_keeps_lines_of_the_input(text: str) -> None:
    # Given arbitrary attribution-ish text
    trimmed = trim_reply(text)
    # Then every kept line is a line of the input (trimming never invents text)
    source = [line.rstrip() for line in text.replace("\r", "\n").split("\n")]
    assert all(line in source or any(line in s for s in source) for line in trimmed.split("\n"))
