"""Writes the labelled set of owner replies: one .eml and one expected .json per case.

Each case is the owner's new text, written the way one mail client writes a reply (Gmail,
Outlook, Apple Mail, iOS Mail, Thunderbird, an HTML-only webmail) in the owner's language, above
the quoted approval request. Run from the repository root:

    .venv/bin/python tests/corpus/replies/generate.py

The expected .json has the keys of the ``assistant parse-reply --json`` contract; "text" is the
exact expected text unless "_text_contains" is given instead (then "text" is not checked). The
key "_safety" marks negations, questions, instructions and empty replies: never approve or edit.
"""

from __future__ import annotations

import html
import json
from email.message import EmailMessage
from pathlib import Path

HERE = Path(__file__).parent
OWNER = "Bob Owner <bob@owner.example>"
ASSISTANT = "Networking Assistant <reply+tok3n@assistant.example>"
DRAFT = """Here is the follow-up to Jane Doe <jane.doe@acmerobotics.com>, ready to send.
Subject: Great meeting you at the SaaS founders breakfast

Hi Jane,

Great meeting you at the SaaS founders breakfast on Tuesday. As promised, here is our
Kubernetes migration checklist: https://example.com/k8s-checklist

Would a short call next week help? Don't hesitate to ask.

Best,
Bob

How to answer: reply "send" to send it as is, rewrite it above the quote to send your
version, "skip", "snooze 3d", or "stop" to stop follow-ups to Jane."""

NAME, ADDR = "Networking Assistant", "reply+tok3n@assistant.example"
ATTRIBUTION = {
    "gmail": {  # Gmail wraps the attribution line before the address
        "en": f"On Mon, Nov 23, 2026 at 9:00 AM {NAME} <\n{ADDR}> wrote:",
        "de": f"Am Mo., 23. Nov. 2026 um 09:00 Uhr schrieb {NAME} <\n{ADDR}>:",
        "fr": f"Le lun. 23 nov. 2026 à 09:00, {NAME} <\n{ADDR}> a écrit :",
        "es": f"El lun, 23 nov 2026 a las 9:00, {NAME} (<\n{ADDR}>) escribió:",
    },
    "apple": {
        "en": f"On Nov 23, 2026, at 09:00, {NAME} <{ADDR}> wrote:",
        "de": f"Am 23.11.2026 um 09:00 schrieb {NAME} <{ADDR}>:",
        "fr": f"Le 23 nov. 2026 à 09:00, {NAME} <{ADDR}> a écrit :",
        "es": f"El 23 nov 2026, a las 9:00, {NAME} <{ADDR}> escribió:",
    },
    "thunderbird": {
        "en": f"On 23/11/2026 09:00, {NAME} wrote:",
        "de": f"Am 23.11.26 um 09:00 schrieb {NAME}:",
        "fr": f"Le 23/11/2026 à 09:00, {NAME} a écrit :",
        "es": f"El 23/11/26 a las 9:00, {NAME} escribió:",
    },
}
OUTLOOK_FIELDS = {
    "en": ("From", "Sent", "To", "Subject", "Monday, November 23, 2026 9:00 AM"),
    "de": ("Von", "Gesendet", "An", "Betreff", "Montag, 23. November 2026 09:00"),
    "fr": ("De ", "Envoyé ", "À ", "Objet ", "lundi 23 novembre 2026 09:00"),
    "es": ("De", "Enviado el", "Para", "Asunto", "lunes, 23 de noviembre de 2026 9:00"),
}
IPHONE = {
    "en": "Sent from my iPhone",
    "de": "Von meinem iPhone gesendet",
    "fr": "Envoyé de mon iPhone",
    "es": "Enviado desde mi iPhone",
}
HEADERS = {
    "gmail": [],
    "outlook": [("X-Mailer", "Microsoft Outlook 16.0"), ("Thread-Topic", "Follow-up to Jane Doe")],
    "apple": [("X-Mailer", "Apple Mail (2.3774.200.91.1.1)")],
    "ios": [("X-Mailer", "iPhone Mail (21F90)")],
    "thunderbird": [("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Thunderbird/115")],
    "webmail": [("X-Mailer", "Roundcube Webmail/1.6.5")],
    "outlook-html": [("X-Mailer", "Microsoft Outlook 16.0")],
    "apple-html": [("X-Mailer", "Apple Mail (2.3774.200.91.1.1)")],
    "outlook-original": [("X-Mailer", "Microsoft Outlook 16.0")],
}


def quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def plain_body(client: str, lang: str, new: str) -> str:
    if client == "gmail":
        return f"{new}\n\n{ATTRIBUTION['gmail'][lang]}\n\n{quoted(DRAFT)}\n"
    if client == "outlook":
        frm, sent, to, subj, date = OUTLOOK_FIELDS[lang]
        block = (f"{frm}: {ASSISTANT}\n{sent}: {date}\n{to}: {OWNER}\n"
                 f"{subj}: Approve: follow-up to Jane Doe")
        return f"{new}\n\n________________________________\n{block}\n\n{DRAFT}\n"
    if client == "apple":
        return f"{new}\n\n{ATTRIBUTION['apple'][lang]}\n\n{quoted(DRAFT)}\n"
    if client == "ios":
        new = f"{new}\n\n{IPHONE[lang]}" if new else IPHONE[lang]
        return f"{new}\n\n> {ATTRIBUTION['apple'][lang]}\n> \n{quoted(DRAFT)}\n"
    if client == "outlook-original":
        frm, sent, to, subj, date = OUTLOOK_FIELDS[lang]
        return (f"{new}\n\n-----Original Message-----\n{frm}: {ASSISTANT}\n{sent}: {date}\n"
                f"{to}: {OWNER}\n{subj}: Approve: follow-up to Jane Doe\n\n{DRAFT}\n")
    if client == "thunderbird-bottom":
        return f"{ATTRIBUTION['thunderbird'][lang]}\n{quoted(DRAFT)}\n\n{new}\n"
    return f"{new}\n\n{ATTRIBUTION['thunderbird'][lang]}\n{quoted(DRAFT)}\n"


def html_lines(text: str) -> str:
    return "<br>\n".join(html.escape(line) for line in text.split("\n"))


def html_body(client: str, lang: str, new: str) -> str:
    draft = html_lines(DRAFT)
    if client == "apple":
        attribution = html.escape(ATTRIBUTION["apple"][lang])
        return (
            f'<html><body style="overflow-wrap: break-word;"><div>{html_lines(new)}</div>'
            f'<div><br><blockquote type="cite"><div>{attribution}</div><br>'
            f"<div><div>{draft}</div></div></blockquote></div></body></html>"
        )
    if client == "outlook":
        frm, sent, to, subj, date = OUTLOOK_FIELDS[lang]
        return (
            f'<html><body><div class="WordSection1"><p class="MsoNormal">{html_lines(new)}</p>'
            '</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%">'
            f'<div id="divRplyFwdMsg" dir="ltr"><b>{frm}:</b> {html.escape(ASSISTANT)}<br>'
            f"<b>{sent}:</b> {date}<br><b>{to}:</b> {html.escape(OWNER)}<br>"
            f"<b>{subj}:</b> Approve: follow-up to Jane Doe</div><div>{draft}</div></body></html>"
        )
    attribution = html.escape(ATTRIBUTION["gmail"][lang].replace("\n", ""))
    return (
        f'<div dir="ltr">{html_lines(new)}</div><br><div class="gmail_quote">'
        f'<div dir="ltr" class="gmail_attr">{attribution}<br></div>'
        f'<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">{draft}</blockquote>'
        "</div>"
    )


def build(case: dict) -> bytes:
    client, lang, new = case["client"], case["lang"], case["new"]
    msg = EmailMessage()
    msg["From"] = OWNER
    msg["To"] = ASSISTANT
    msg["Subject"] = "Re: Approve: follow-up to Jane Doe"
    msg["Date"] = "Mon, 23 Nov 2026 09:14:02 +0100"
    msg["Message-ID"] = f"<{case['name']}@owner.example>"
    msg["In-Reply-To"] = "<approval-42@assistant.example>"
    msg["References"] = "<approval-42@assistant.example>"
    for name, value in HEADERS.get(client, HEADERS[client.split("-")[0]]) + case.get("headers", []):
        msg[name] = value
    charset = case.get("charset", "utf-8")
    cte = case.get("cte", "quoted-printable")
    if client in ("webmail", "outlook-html"):  # HTML only, no text/plain part
        kind = "outlook" if client == "outlook-html" else "gmail"
        msg.set_content(html_body(kind, lang, new), subtype="html", charset=charset, cte=cte)
        return msg.as_bytes()
    params = {"format": "flowed"} if client.startswith("thunderbird") else {}
    plain_client = "apple" if client == "apple-html" else client
    msg.set_content(plain_body(plain_client, lang, new), charset=charset, cte=cte, params=params)
    if client in ("gmail", "outlook", "apple-html"):
        kind = client.split("-")[0]
        msg.add_alternative(html_body(kind, lang, new), subtype="html", cte=cte)
    return msg.as_bytes()


def expected(case: dict) -> dict:
    data = {"intent": case["intent"], "snooze_days": case.get("days"), "text": case.get("text")}
    if data["text"] is None:
        data["text"] = case["new"].strip()
    if "contains" in case:
        data["_text_contains"] = case["contains"]
        del data["text"]
    if case.get("safety"):
        data["_safety"] = case["safety"]
    return data


def case(name: str, client: str, lang: str, new: str, intent: str, **extra: object) -> dict:
    return {"name": name, "client": client, "lang": lang, "new": new, "intent": intent, **extra}


LETTER_EN = """Hi Jane,

Lovely to meet you at the breakfast on Tuesday. Here is the migration checklist I mentioned:
https://example.com/k8s-checklist

If it helps, I can also introduce you to Sam, who ran our SRE hiring last year.

Best,
Bob"""
LETTER_EN_DEAR = """Dear Jane,

Thank you for the chat at the founders breakfast. I promised you our Kubernetes checklist,
so here it is: https://example.com/k8s-checklist

Warm regards,
Bob"""
LETTER_DE = """Hallo Jana,

schön, dass wir uns beim Gründerfrühstück kennengelernt haben. Anbei wie versprochen
die Checkliste zur Kubernetes-Migration: https://example.com/k8s-checklist

Viele Grüße
Bob"""
LETTER_FR = """Bonjour Marie,

Ravie de vous avoir rencontrée au petit-déjeuner des fondateurs. Voici la checklist
promise : https://example.com/k8s-checklist

Bien à vous,
Bob"""
LETTER_ES = """Hola Juan,

Fue un placer conocerte en el desayuno de fundadores. Aquí tienes la lista de
verificación que te prometí: https://example.com/k8s-checklist

Saludos,
Bob"""
SIG = "\n\n-- \nBob Owner | Owner Ventures\n+1 415 555 0100"
NEG, QUE, INS, EMPTY = "negation", "question", "instruction", "empty"

CASES = [
    # English: clear yes
    case("en_gmail_send", "gmail", "en", "Send", "approve"),
    case("en_ios_yes_thumbs", "ios", "en", "Yes, send it 👍", "approve"),
    case("en_outlook_looks_good", "outlook", "en", "Looks good, go ahead.\n\nThanks,\nBob",
         "approve", text="Looks good, go ahead."),
    case("en_apple_approved", "apple", "en", "Approved", "approve"),
    case("en_thunderbird_lgtm", "thunderbird", "en", "LGTM", "approve"),
    case("en_gmail_thumbs_only", "gmail", "en", "👍🏽", "approve"),
    case("en_gmail_send_signature", "gmail", "en",
         "Send it!\n\nBob Owner\nFounder, Owner Ventures\n+1 415 555 0100", "approve",
         text="Send it!"),
    case("en_gmail_ok", "gmail", "en", "ok", "approve"),
    case("en_apple_yes_please", "apple", "en", "Yes please, thank you!", "approve"),
    case("en_gmail_send_to_her", "gmail", "en", "Send it to her 🚀", "approve"),
    case("en_webmail_go_ahead", "webmail", "en", "Go ahead", "approve"),
    case("en_gmail_send_dashdash_sig", "gmail", "en", "send it, looks great" + SIG, "approve",
         text="send it, looks great"),
    # English: negations, questions, instructions, empty
    case("en_gmail_dont_send", "gmail", "en", "Don't send", "skip", safety=NEG),
    case("en_gmail_do_not_send_reason", "gmail", "en",
         "Do not send this one, she already has the checklist.", "skip", safety=NEG),
    case("en_ios_not_yet", "ios", "en", "Not yet", "unknown", safety=NEG),
    case("en_gmail_dont_send_like_this", "gmail", "en", "Don't send it like this", "unknown",
         safety=NEG),
    case("en_gmail_dont_think", "gmail", "en", "I don't think we should send this", "unknown",
         safety=NEG),
    case("en_gmail_no_send_it", "gmail", "en", "No, send it", "unknown", safety=NEG),
    case("en_gmail_hold_off", "gmail", "en", "Hold off for now", "unknown", safety=NEG),
    case("en_gmail_send_question", "gmail", "en", "Send it?", "unknown", safety=QUE),
    case("en_outlook_should_i", "outlook", "en",
         "Should I send this now or wait until she replies", "unknown", safety=QUE),
    case("en_outlook_can_you_add", "outlook", "en",
         "Can you add the link to the webinar recording?", "unknown", safety=QUE),
    case("en_gmail_send_but_change", "gmail", "en",
         "Send, but change the second line to mention the webinar", "unknown", safety=INS),
    case("en_apple_shorter", "apple", "en", "Make it shorter please", "unknown", safety=INS),
    case("en_outlook_send_after", "outlook", "en", "please send after the conference",
         "unknown", safety=INS),
    case("en_gmail_ok_but", "gmail", "en", "ok but send it from my other address", "unknown",
         safety=INS),
    case("en_gmail_dont_send_this_letter", "gmail", "en", "Don't send this:\n\n" + LETTER_EN,
         "unknown", contains="Don't send this:", safety=NEG),
    case("en_gmail_empty", "gmail", "en", "", "unknown", safety=EMPTY),
    case("en_ios_empty", "ios", "en", "", "unknown", safety=EMPTY),
    case("en_webmail_empty", "webmail", "en", "", "unknown", safety=EMPTY),
    case("en_thunderbird_bottom_post", "thunderbird-bottom", "en", "Send", "unknown", text="",
         safety=EMPTY),
    case("en_gmail_yes_actually_no", "gmail", "en", "Yes! Actually no, skip it", "unknown",
         safety=NEG),
    # English: edits
    case("en_gmail_edit", "gmail", "en", LETTER_EN + SIG, "edit", text=LETTER_EN),
    case("en_outlook_edit_dear", "outlook", "en", LETTER_EN_DEAR, "edit"),
    case("en_ios_edit", "ios", "en", LETTER_EN, "edit"),
    case("en_gmail_instead", "gmail", "en", "Send this instead:\n\n" + LETTER_EN, "edit",
         text=LETTER_EN),
    # English: skip, snooze, stop
    case("en_gmail_skip", "gmail", "en", "skip", "skip"),
    case("en_outlook_no", "outlook", "en", "No", "skip"),
    case("en_ios_pass", "ios", "en", "Pass on this one", "skip"),
    case("en_ios_thumbs_down", "ios", "en", "👎", "skip"),
    case("en_gmail_skip_reason", "gmail", "en", "Skip this one, she already has the checklist",
         "skip"),
    case("en_outlook_hi_skip", "outlook", "en", "Hi,\n\nplease skip this one.\n\nThanks,\nBob",
         "skip", text="Hi,\n\nplease skip this one."),
    case("en_gmail_snooze_3d", "gmail", "en", "snooze 3d", "snooze", days=3),
    case("en_apple_snooze_2_days", "apple", "en", "Snooze 2 days please", "snooze", days=2),
    case("en_gmail_next_week", "gmail", "en", "Next week", "snooze", days=7),
    case("en_ios_remind_tomorrow", "ios", "en", "Remind me tomorrow", "snooze", days=1),
    case("en_gmail_snooze_alone", "gmail", "en", "snooze", "snooze", days=3),
    case("en_thunderbird_in_a_week", "thunderbird", "en", "in a week", "snooze", days=7),
    case("en_gmail_not_now_next_week", "gmail", "en", "not now, next week", "snooze", days=7),
    case("en_gmail_send_tomorrow", "gmail", "en", "Send it tomorrow morning", "snooze", days=1),
    case("en_gmail_send_monday", "gmail", "en", "Send on Monday", "unknown"),
    case("en_gmail_stop", "gmail", "en", "stop", "stop"),
    case("en_outlook_stop_reason", "outlook", "en",
         "Stop following up with her, she moved to another company.", "stop"),
    case("en_ios_never_contact", "ios", "en", "Never contact him again", "stop"),
    case("en_gmail_unsubscribe", "gmail", "en", "unsubscribe this contact", "stop"),
    case("en_outlook_no_more", "outlook", "en", "No more follow-ups for this person please",
         "stop"),
    # German
    case("de_gmail_ja_senden", "gmail", "de", "Ja, bitte senden.", "approve"),
    case("de_ios_passt", "ios", "de", "Passt, schick es ab 👍", "approve"),
    case("de_outlook_nicht_senden", "outlook", "de", "Bitte nicht senden.", "skip", safety=NEG),
    case("de_gmail_noch_nicht", "gmail", "de", "Noch nicht senden", "unknown", safety=NEG),
    case("de_apple_frage", "apple", "de", "Sollen wir das wirklich schicken?", "unknown",
         safety=QUE),
    case("de_outlook_aber", "outlook", "de", "Senden, aber den zweiten Satz kürzer machen",
         "unknown", safety=INS),
    case("de_gmail_ueberspringen", "gmail", "de", "Überspringen", "skip"),
    case("de_thunderbird_naechste_woche", "thunderbird", "de", "Nächste Woche bitte", "snooze",
         days=7),
    case("de_ios_spaeter", "ios", "de", "Später", "snooze", days=3),
    case("de_gmail_in_2_tagen", "gmail", "de", "Erinnere mich in 2 Tagen", "snooze", days=2),
    case("de_gmail_stopp", "gmail", "de", "Stopp – keine Follow-ups mehr an ihn.", "stop"),
    case("de_outlook_edit", "outlook", "de", LETTER_DE, "edit"),
    case("de_gmail_empty", "gmail", "de", "", "unknown", safety=EMPTY),
    case("de_gmail_nein", "gmail", "de", "Nein", "skip"),
    case("de_apple_morgen", "apple", "de", "Morgen", "snooze", days=1),
    case("de_outlook_latin1", "outlook", "de", "Bitte überspringen, danke", "skip",
         charset="iso-8859-1"),
    # French
    case("fr_gmail_oui", "gmail", "fr", "Oui, envoie-le !", "approve"),
    case("fr_ios_parfait", "ios", "fr", "Parfait, merci 👍", "approve"),
    case("fr_outlook_ne_pas", "outlook", "fr", "Ne l'envoie pas", "skip", safety=NEG),
    case("fr_gmail_pas_encore", "gmail", "fr", "Pas encore", "unknown", safety=NEG),
    case("fr_gmail_question", "gmail", "fr", "Je l'envoie ?", "unknown", safety=QUE),
    case("fr_apple_mais", "apple", "fr", "Envoie, mais change la deuxième phrase", "unknown",
         safety=INS),
    case("fr_thunderbird_passer", "thunderbird", "fr", "Passer", "skip"),
    case("fr_gmail_semaine", "gmail", "fr", "La semaine prochaine", "snooze", days=7),
    case("fr_outlook_demain", "outlook", "fr", "Rappelle-moi demain", "snooze", days=1),
    case("fr_gmail_arrete", "gmail", "fr", "Arrête les relances pour ce contact", "stop"),
    case("fr_gmail_edit", "gmail", "fr", LETTER_FR, "edit"),
    case("fr_ios_non_merci", "ios", "fr", "Non merci", "skip"),
    case("fr_gmail_plus_tard", "gmail", "fr", "Plus tard", "snooze", days=3),
    # Spanish
    case("es_gmail_si", "gmail", "es", "Sí, envíalo", "approve"),
    case("es_ios_adelante", "ios", "es", "Adelante 👍", "approve"),
    case("es_outlook_no_lo_envies", "outlook", "es", "No lo envíes", "skip", safety=NEG),
    case("es_gmail_todavia_no", "gmail", "es", "Todavía no", "unknown", safety=NEG),
    case("es_gmail_pregunta", "gmail", "es", "¿Lo envío?", "unknown", safety=QUE),
    case("es_apple_pero", "apple", "es", "Envíalo pero hazlo más corto", "unknown", safety=INS),
    case("es_thunderbird_omitir", "thunderbird", "es", "Omitir", "skip"),
    case("es_gmail_semana", "gmail", "es", "La próxima semana", "snooze", days=7),
    case("es_outlook_3_dias", "outlook", "es", "Recuérdamelo en 3 días", "snooze", days=3),
    case("es_gmail_deja", "gmail", "es", "Deja de dar seguimiento a este contacto", "stop"),
    case("es_gmail_edit", "gmail", "es", LETTER_ES, "edit", cte="base64"),
    case("es_webmail_perfecto", "webmail", "es", "Perfecto, gracias", "approve"),
    case("es_gmail_manana", "gmail", "es", "Mañana", "snooze", days=1),
    # More client shapes: HTML-only Outlook, Apple Mail with HTML, "-----Original Message-----"
    case("en_outlookhtml_send", "outlook-html", "en", "Send it, thanks", "approve"),
    case("en_outlookhtml_dont_send_yet", "outlook-html", "en", "Please don't send yet", "unknown",
         safety=NEG),
    case("en_outlookhtml_empty", "outlook-html", "en", "", "unknown", safety=EMPTY),
    # HTML-to-text keeps source newlines after <br> as extra breaks: the words are checked
    case("de_outlookhtml_edit", "outlook-html", "de", LETTER_DE, "edit",
         contains="die Checkliste zur Kubernetes-Migration: https://example.com/k8s-checklist"),
    case("en_applehtml_yes", "apple-html", "en", "Yes 👍", "approve"),
    case("fr_applehtml_stop", "apple-html", "fr", "Ne plus la relancer, merci", "stop"),
    case("es_applehtml_question", "apple-html", "es", "¿Seguro que quieres enviarlo ya?",
         "unknown", safety=QUE),
    case("en_original_skip", "outlook-original", "en", "Skip\n\nBob", "skip", text="Skip"),
    case("de_original_snooze", "outlook-original", "de", "Bitte in einer Woche nochmal",
         "snooze", days=7),
    case("en_original_edit", "outlook-original", "en", LETTER_EN_DEAR, "edit"),
    # An auto-responder answering the approval request is never the owner's yes (RFC 3834)
    case("en_autoreply_ok", "gmail", "en", "OK", "unknown", safety="auto",
         headers=[("Auto-Submitted", "auto-replied")]),
]


def main() -> None:
    for case in CASES:
        (HERE / f"{case['name']}.eml").write_bytes(build(case))
        text = json.dumps(expected(case), ensure_ascii=False, indent=2) + "\n"
        (HERE / f"{case['name']}.json").write_text(text, encoding="utf-8")
    print(f"wrote {len(CASES)} cases")


if __name__ == "__main__":
    main()
