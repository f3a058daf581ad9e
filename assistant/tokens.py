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


def is_assistant_address(address: str, assistant_address: str) -> bool:
    """The assistant's address or any ``+tag`` sub-address of it (RFC 5233): approval
    addresses, owners' secret addresses and whatever tag someone invents all reach the
    assistant's mailbox, so all of them are the assistant, never a person.

    The tag is what follows the assistant's whole local part, so an assistant that is itself a
    sub-address (``sam+assistant@``) never takes in the owner's ``sam@``.
    """
    local, _, domain = address.strip().lower().rpartition("@")
    base_local, _, base_domain = assistant_address.strip().lower().rpartition("@")
    return bool(base_local) and domain == base_domain and (
        local == base_local or local.startswith(base_local + "+"))


def token_from_address(address: str, assistant_address: str) -> str | None:
    """The token in ``assistant+<token>@domain`` when that is the assistant's address."""
    if not is_assistant_address(address, assistant_address):
        return None
    base_local = assistant_address.strip().lower().rpartition("@")[0]
    tag = address.strip().lower().rpartition("@")[0][len(base_local) + 1:]
    return tag if split(tag) else None


def reply_address(assistant_address: str, token: str) -> str:
    local, _, domain = assistant_address.partition("@")
    return f"{local}+{token}@{domain}"


def _signature(secret: str, nonce: str, claims: TokenClaims) -> str:
    message = f"{claims.owner_id}:{claims.followup_id}:{nonce}:{int(claims.expires_at.timestamp())}"
    digest = hmac.new(secret.encode(), message.encode(), hashlib.sha256).digest()
    return _b32(digest[:SIG_BYTES])


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=").lower()
