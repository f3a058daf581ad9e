"""Approval tokens: signed, single-use (by the store), expiring, bound to owner and draft."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from assistant.tokens import (
    TokenClaims,
    new_nonce,
    reply_address,
    sign,
    split,
    token_from_address,
    verify,
)

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
CLAIMS = TokenClaims(owner_id=1, followup_id=7, expires_at=NOW + timedelta(days=14))


def test_a_signed_token_verifies_for_its_claims_only():
    token = sign("key", new_nonce(), CLAIMS)
    assert verify("key", token, CLAIMS, NOW) is None
    assert verify("other key", token, CLAIMS, NOW) is not None
    assert verify("key", token, TokenClaims(2, 7, CLAIMS.expires_at), NOW) is not None
    assert verify("key", token, TokenClaims(1, 8, CLAIMS.expires_at), NOW) is not None


def test_an_expired_token_is_refused():
    token = sign("key", new_nonce(), CLAIMS)
    assert "expired" in verify("key", token, CLAIMS, CLAIMS.expires_at)


def test_the_token_travels_in_a_sub_address_and_survives_case_folding():
    token = sign("key", new_nonce(), CLAIMS)
    address = reply_address("assistant@example.net", token)
    assert token_from_address(address.upper(), "assistant@example.net") == token
    assert token_from_address(address, "someone@example.net") is None
    assert token_from_address("assistant@example.net", "assistant@example.net") is None


@given(st.text(max_size=64))
def test_any_other_text_is_never_a_valid_token(text):
    parts = split(text)
    if parts is not None:
        assert verify("key", text, CLAIMS, NOW) is not None
