"""Owner authentication: Authentication-Results, DKIM, secret sub-address (RFC 8601, 7489)."""

from __future__ import annotations

import email
import email.policy

import dkim
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from assistant.trust import (
    aligned,
    authenticate,
    from_authentication_results,
    parse_authentication_results,
)

TRUSTED = ["mx.example.net"]


def _message(headers: str, body: str = "Met Jane.\n") -> tuple[email.message.EmailMessage, bytes]:
    raw = (headers.strip() + "\r\n\r\n" + body).replace("\n", "\r\n").replace("\r\r", "\r")
    data = raw.encode()
    return email.message_from_bytes(data, policy=email.policy.default), data


def test_results_are_parsed_with_comments_and_properties():
    # Given a header with comments and several methods
    value = ("mx.example.net (Postfix); dkim=pass (2048-bit key) header.d=example.com "
             "header.s=s1; spf=pass smtp.mailfrom=sam@example.com; dmarc=pass "
             "header.from=example.com")
    # When it is parsed
    authserv, results = parse_authentication_results(value)
    # Then each method, result and property is read
    assert authserv == "mx.example.net"
    assert [(r.method, r.result) for r in results] == [("dkim", "pass"), ("spf", "pass"),
                                                       ("dmarc", "pass")]
    assert results[0].prop("header.d") == "example.com"


def test_relaxed_alignment():
    assert aligned("example.com", "example.com")
    assert aligned("example.com", "mail.example.com")
    assert not aligned("example.org", "example.com")
    assert not aligned("badexample.com", "example.com")
    assert not aligned(None, "example.com")


def test_only_a_trusted_server_counts_and_the_topmost_one_decides():
    # Given a forged pass written by the sender below the real server's fail
    headers = ["mx.example.net; dmarc=fail header.from=example.com",
               "mx.example.net; dmarc=pass header.from=example.com"]
    # Then the topmost trusted header decides: not authenticated
    verdict = from_authentication_results(headers, TRUSTED, "example.com")
    assert verdict is not None and not verdict.trusted
    # And a pass from a server nobody trusts proves nothing
    assert from_authentication_results(["evil.example; dmarc=pass header.from=example.com"],
                                       TRUSTED, "example.com") is None


def test_unaligned_dkim_pass_is_not_enough():
    headers = ["mx.example.net; dkim=pass header.d=attacker.example; dmarc=none"]
    verdict = from_authentication_results(headers, TRUSTED, "example.com")
    assert verdict is not None and not verdict.trusted
    aligned_headers = ["mx.example.net; dkim=pass header.d=example.com"]
    assert from_authentication_results(aligned_headers, TRUSTED, "example.com").trusted


def _keys() -> tuple[bytes, bytes]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    private = key.private_bytes(serialization.Encoding.PEM,
                                serialization.PrivateFormat.TraditionalOpenSSL,
                                serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.DER,
                                           serialization.PublicFormat.SubjectPublicKeyInfo)
    import base64

    return private, b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)


def test_a_dkim_signature_is_verified_by_the_assistant_itself():
    # Given a message signed by the owner's domain, and DNS answering with its key
    private, record = _keys()
    _, raw = _message("From: Sam <sam@example.com>\nTo: a@x.net\nSubject: note")
    signed = dkim.sign(raw, b"s1", b"example.com", private,
                       include_headers=[b"from", b"to", b"subject"]) + raw
    dns = {b"s1._domainkey.example.com.": record}

    def lookup(name, **_):  # noqa: ANN001, ANN003
        return dns.get(name)

    message = email.message_from_bytes(signed, policy=email.policy.default)
    # When it is authenticated with no Authentication-Results header
    verdict = authenticate(message, signed, "sam@example.com", trusted_ids=TRUSTED,
                           assistant_address="a@x.net", owner_secrets=[], recipients=["a@x.net"],
                           dnsfunc=lookup)
    # Then the signature is accepted; and a tampered body is not
    assert verdict.trusted and verdict.method == "dkim"
    tampered = signed.replace(b"Met Jane.", b"Met Eve.")
    bad = authenticate(email.message_from_bytes(tampered, policy=email.policy.default),
                       tampered, "sam@example.com", trusted_ids=TRUSTED,
                       assistant_address="a@x.net", owner_secrets=[], recipients=[],
                       dnsfunc=lookup)
    assert not bad.trusted


def test_secret_sub_address_and_nothing_at_all():
    message, raw = _message("From: Sam <sam@example.com>\nTo: a+opensesame42@x.net")
    kwargs = {"trusted_ids": TRUSTED, "assistant_address": "a@x.net", "check_dkim": False}
    assert authenticate(message, raw, "sam@example.com", owner_secrets=["opensesame42"],
                        recipients=["a+opensesame42@x.net"], **kwargs).trusted
    verdict = authenticate(message, raw, "sam@example.com", owner_secrets=["other-secret"],
                           recipients=["a+opensesame42@x.net"], **kwargs)
    assert not verdict.trusted and "no proof" in verdict.reason
