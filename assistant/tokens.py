"""Approval tokens (pure): signed, single-use, expiring, bound to an owner and a draft.

The token travels in the local part of the approval request's Reply-To
(``assistant+<token>@domain``, RFC 5233 sub-addressing), so the owner's reply carries it back
whatever their mail client does to the thread headers. It is lower-case base32, since some
servers fold the case of local parts. The nonce finds the database row (which makes the token
single-use); the HMAC binds the nonce to that row's owner, draft and expiry, so a guessed or
altered token, or one moved to another draft, fails.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

NONCE_BYTES = 10
SIG_BYTES = 10
TOKEN_LENGTH = 32  # 16 base32 characters each for the nonce and the signature


@dataclass(frozen=True)
class TokenClaims:
    owner_id: int
    followup_id: int
    expires_at: datetime


def new_nonce() -> str:
    return _b32(secrets.token_bytes(NONCE_BYTES))


def sign(secret: str, nonce: str, claims: TokenClaims) -> str:
    return nonce + _signature(secret, nonce, claims)


def split(token: str) -> tuple[str, str] | None:
    """(nonce, signature) of a well-formed token, else None."""
    token = token.strip().lower()
    if len(token) != TOKEN_LENGTH or not all(c in "abcdefghijklmnopqrstuvwxyz234567"
                                               for c in token):
        return None
    return token[:16], token[16:]


def verify(secret: str, token: str, claims: TokenClaims, now: datetime) -> str | None:
    """None when the token is valid for these claims now, else the reason in plain words."""
    parts = split(token)
    if parts is None:
        return "the approval code is malformed"
    nonce, signature = parts
    if not hmac.compare_digest(signature, _signature(secret, nonce, claims)):
        return "the approval code does not match this draft"
    if now >= claims.expires_at:
        return "the approval code has expired"
    return None


def token_from_address(address: str, assistant_address: str) -> str | None:
    """The token in ``assistant+<token>@domain`` when that is the assistant's address."""
    local, _, domain = address.strip().lower().rpartition("@")
    base_local, _, base_domain = assistant_address.lower().rpartition("@")
    if domain != base_domain or "+" not in local:
        return None
    head, _, tag = local.partition("+")
    return tag if head == base_local and split(tag) else None


def reply_address(assistant_address: str, token: str) -> str:
    local, _, domain = assistant_address.partition("@")
    return f"{local}+{token}@{domain}"


def _signature(secret: str, nonce: str, claims: TokenClaims) -> str:
    message = f"{claims.owner_id}:{claims.followup_id}:{nonce}:{int(claims.expires_at.timestamp())}"
    digest = hmac.new(secret.encode(), message.encode(), hashlib.sha256).digest()
    return _b32(digest[:SIG_BYTES])


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=").lower()
