"""The owner's own mailbox, pure parts: secrets, the message as the owner's, header matching,
and whether the relay can send as the owner (SPF/DMARC with a resolver passed in)."""

from __future__ import annotations

from assistant.mail.accounts import owner_secret
from assistant.mail.owner_message import as_owner
from assistant.mail.reply_headers import match, read_fields
from assistant.operator.sender_policy import dmarc_policy, relay_verdict, reserved, spf_networks
from assistant.settings import Settings

FOLLOWUP_ID = "<sam.0123456789abcdef0123456789abcdef@example.com>"
SENT = {FOLLOWUP_ID: 7}
AWAITING = {"jane@acme.example": 7}


def test_an_owners_secret_comes_from_the_environment_or_a_file_and_never_shows(tmp_path):
    # Given an app password for owner 3 and a token file for owner 4
    (tmp_path / "token").write_text("ya29.token-1\n")
    env = {"ASSISTANT_VAR_DIR": str(tmp_path), "ASSISTANT_SECRET_KEY": "k",
           "ASSISTANT_OWNER_3_PASSWORD": "app-pass-3",
           "ASSISTANT_OWNER_4_PASSWORD_FILE": str(tmp_path / "token")}
    # When the settings are built
    settings = Settings.from_env(env)
    # Then each owner has theirs, the file is read again at each use, and no repr shows them
    assert owner_secret(settings, 3).value == "app-pass-3"
    assert owner_secret(settings, 4).value == "ya29.token-1"
    (tmp_path / "token").write_text("ya29.token-2\n")
    assert owner_secret(settings, 4).value == "ya29.token-2"
    assert "app-pass-3" not in repr(settings) and not owner_secret(settings, 5)


def test_the_follow_up_leaves_as_the_owners_own_message():
    # Given a stored follow-up with the assistant as Sender (relay mode's headers)
    raw = (b"From: Sam <sam@example.com>\nTo: jane@acme.example\nSubject: Hi\n"
           b"Sender: Assistant\n <assistant@example.net>\n\nSender: stays in the body\n")
    # When it is made the owner's own; Then only the header goes, the body is untouched
    assert as_owner(raw) == (b"From: Sam <sam@example.com>\nTo: jane@acme.example\n"
                             b"Subject: Hi\n\nSender: stays in the body\n")
    assert as_owner(as_owner(raw)) == as_owner(raw)


def test_a_reply_is_matched_by_its_thread_then_by_its_sender():
    # Given header fields as BODY.PEEK[HEADER.FIELDS (...)] returns them
    threaded = read_fields(b"From: Someone Else <other@acme.example>\r\n"
                           b"In-Reply-To: " + FOLLOWUP_ID.encode() + b"\r\n"
                           b"Message-ID: <r1@acme.example>\r\n\r\n")
    by_sender = read_fields(b"From: Jane <Jane@Acme.example>\r\nSubject: lunch?\r\n\r\n")
    stranger = read_fields(b"From: news@shop.example\r\n\r\n")
    # Then the thread names the contact, the sender does when the thread does not
    found = match(threaded, SENT, AWAITING, "imap:1/1")
    assert found is not None and (found.contact_id, found.kind, found.key) == (
        7, "reply", "<r1@acme.example>")
    found = match(by_sender, SENT, AWAITING, "imap:1/2")
    assert found is not None and (found.kind, found.key) == ("reply", "imap:1/2")
    assert match(stranger, SENT, AWAITING, "imap:1/3") is None


def test_an_out_of_office_or_a_bounce_is_never_a_reply():
    # Given Jane's vacation robot (RFC 3834) and a delivery report about her address
    ooo = read_fields(b"From: jane@acme.example\r\nAuto-Submitted: auto-replied\r\n"
                      b"Subject: Out of office\r\n\r\n")
    outlook = read_fields(b"From: jane@acme.example\r\nSubject: Automatic reply: Hi\r\n"
                          b"X-Auto-Response-Suppress: All\r\n\r\n")
    bounce = read_fields(b"From: Mail Delivery System <MAILER-DAEMON@mx.acme.example>\r\n"
                         b"References: " + FOLLOWUP_ID.encode() + b"\r\n"
                         b"Content-Type: multipart/report; report-type=delivery-status;\r\n"
                         b" boundary=x\r\n\r\n")
    # Then each is matched as what it is
    assert [m.kind if m else None for m in (match(ooo, SENT, AWAITING, "a"),
                                            match(outlook, SENT, AWAITING, "b"),
                                            match(bounce, SENT, AWAITING, "c"))] == [
        "auto_reply", "auto_reply", "bounce"]


def _resolver(records: dict[tuple[str, str], list[str]]):  # noqa: ANN202
    return lambda name, kind: records.get((name, kind), [])


RELAY = {("smtp.relay.net", "A"): ["203.0.113.5"]}


def test_dmarc_reject_without_alignment_means_the_relay_cannot_send_as_the_owner():
    # Given an owner domain with p=reject and an assistant on another domain
    resolve = _resolver({**RELAY, ("_dmarc.rivera.io", "TXT"): ["v=DMARC1; p=reject; rua=x"],
                         ("rivera.io", "TXT"): ["v=spf1 include:_spf.google.com ~all"]})
    # When doctor asks; Then it says so plainly, and how to fix it
    verdict = relay_verdict("rivera.io", "assist.net", "smtp.relay.net", resolve)
    assert verdict.status == "fail" and "cannot send as this owner" in verdict.message
    assert "refused" in verdict.message and "owner link" in verdict.hint


def test_an_aligned_assistant_with_the_relay_in_spf_may_send():
    # Given the assistant on the owner's domain and SPF including the relay's network
    resolve = _resolver({**RELAY, ("_dmarc.rivera.io", "TXT"): ["v=DMARC1; p=quarantine"],
                         ("rivera.io", "TXT"): ["v=spf1 include:spf.relay.net -all"],
                         ("spf.relay.net", "TXT"): ["v=spf1 ip4:203.0.113.0/24 -all"]})
    verdict = relay_verdict("rivera.io", "mail.rivera.io", "smtp.relay.net", resolve)
    # Then it passes
    assert verdict.status == "ok", verdict
    assert dmarc_policy("rivera.io", resolve) == "quarantine"
    networks, found = spf_networks("rivera.io", resolve)
    assert found and [str(n) for n in networks] == ["203.0.113.0/24"]


def test_no_dmarc_record_is_a_warning_and_test_domains_are_never_looked_up():
    resolve = _resolver(dict(RELAY))
    verdict = relay_verdict("rivera.io", "assist.net", "smtp.relay.net", resolve)
    assert verdict.status == "warn" and "no record" in verdict.message
    assert reserved("example.com") and reserved("acme.example") and not reserved("rivera.io")
