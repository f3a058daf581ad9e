"""Is a message really from the owner it claims to be from? (pure, apart from DKIM's DNS)

A From header proves nothing. A message counts as the owner's only when it is authenticated:

1. the topmost Authentication-Results header (RFC 8601) added by a server the operator trusts
   (its authserv-id is configured) shows a DMARC pass for the From domain, or a DKIM pass
   (header.d) or SPF pass (smtp.mailfrom) aligned with the From domain (RFC 7489 3.1,
   relaxed alignment); only the topmost trusted header counts, since anything below it could
   have been written by the sender;
2. where the mail server adds no such header, a DKIM signature the assistant verifies itself
   (dkimpy), aligned with the From domain;
3. or the owner's secret sub-address: mail sent to ``assistant+<secret>@domain``.

Mail from a local Maildir is trusted as the owner's when the operator says so (only local
users can write there).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.message import EmailMessage

log = logging.getLogger(__name__)

DnsLookup = Callable[..., bytes | None]
RESULT = re.compile(r"(?P<method>[a-z0-9_-]+)\s*=\s*(?P<result>[a-z]+)(?P<props>[^;]*)", re.I)
PROPERTY = re.compile(r"(?P<key>[a-z]+\.[a-z0-9_-]+)\s*=\s*(?P<value>[^\s;]+)", re.I)


@dataclass(frozen=True)
class Verdict:
    trusted: bool
    method: str
    reason: str


@dataclass(frozen=True)
class AuthResult:
    method: str
    result: str
    properties: tuple[tuple[str, str], ...]

    def prop(self, key: str) -> str | None:
        return next((v for k, v in self.properties if k == key), None)


def parse_authentication_results(value: str) -> tuple[str, list[AuthResult]]:
    """(authserv-id, results) of one Authentication-Results header value (RFC 8601 2.2)."""
    value = re.sub(r"\([^)]*\)", " ", value)  # comments carry no meaning
    authserv, _, rest = value.partition(";")
    results = []
    for clause in rest.split(";"):
        match = RESULT.match(clause.strip())
        if match is None:
            continue
        props = tuple((p["key"].lower(), p["value"].strip('"').lower())
                      for p in PROPERTY.finditer(match["props"]))
        results.append(AuthResult(match["method"].lower(), match["result"].lower(), props))
    return authserv.strip().split()[0].lower() if authserv.strip() else "", results


def aligned(domain: str | None, from_domain: str) -> bool:
    """Relaxed alignment: the same domain, or one a parent of the other."""
    if not domain:
        return False
    domain, from_domain = domain.lower().strip("."), from_domain.lower().strip(".")
    return (domain == from_domain or from_domain.endswith("." + domain)
            or domain.endswith("." + from_domain))


def from_authentication_results(headers: list[str], trusted_ids: Iterable[str],
                                from_domain: str) -> Verdict | None:
    """The verdict of the topmost header from a trusted server, or None when there is none."""
    trusted = {t.lower() for t in trusted_ids}
    for value in headers:  # topmost first, as they appear in the message
        authserv, results = parse_authentication_results(value)
        if authserv not in trusted:
            continue
        for result in results:
            if result.result != "pass":
                continue
            if result.method == "dmarc" and aligned(result.prop("header.from") or from_domain,
                                                    from_domain):
                return Verdict(True, "dmarc", f"DMARC pass reported by {authserv}")
            signer = result.prop("header.d") or _domain_of(result.prop("header.i"))
            if result.method == "dkim" and aligned(signer, from_domain):
                return Verdict(True, "dkim", f"aligned DKIM pass reported by {authserv}")
            if result.method == "spf" and aligned(_domain_of(result.prop("smtp.mailfrom")),
                                                  from_domain):
                return Verdict(True, "spf", f"aligned SPF pass reported by {authserv}")
        return Verdict(False, "authentication-results",
                       f"{authserv} reports no DMARC, DKIM or SPF pass for {from_domain}")
    return None


def from_dkim(raw: bytes, from_domain: str, dnsfunc: DnsLookup | None = None) -> Verdict | None:
    """Verify the message's own DKIM signature; None when it carries none."""
    import dkim

    if b"dkim-signature:" not in raw[:65536].lower():
        return None
    try:
        checker = dkim.DKIM(raw)
        ok = checker.verify(dnsfunc=dnsfunc) if dnsfunc else checker.verify()
    except (dkim.DKIMException, ValueError, IndexError, UnicodeError) as exc:
        return Verdict(False, "dkim", f"the DKIM signature could not be checked: {exc}")
    signer = (checker.domain or b"").decode("ascii", "replace")
    if ok and aligned(signer, from_domain):
        return Verdict(True, "dkim", f"DKIM signature of {signer} verified")
    return Verdict(False, "dkim", f"the DKIM signature of {signer or 'an unknown domain'} "
                                  "does not verify for the From domain")


def from_secret_address(recipients: Iterable[str], assistant_address: str,
                        secrets: Iterable[str]) -> Verdict | None:
    local, _, domain = assistant_address.lower().partition("@")
    wanted = {f"{local}+{s.lower()}@{domain}" for s in secrets if s}
    if wanted & {r.lower() for r in recipients}:
        return Verdict(True, "secret-address", "sent to the owner's secret address")
    return None


def authenticate(message: EmailMessage, raw: bytes, from_address: str, *,
                 trusted_ids: Iterable[str], assistant_address: str,
                 owner_secrets: Iterable[str], recipients: Iterable[str],
                 dnsfunc: DnsLookup | None = None, check_dkim: bool = True) -> Verdict:
    from_domain = from_address.rpartition("@")[2]
    secret = from_secret_address(recipients, assistant_address, owner_secrets)
    if secret is not None:
        return secret
    # Raw values, topmost first: a header the email package cannot parse must not crash this.
    headers = [v for k, v in message.raw_items() if k.lower() == "authentication-results"]
    verdict = from_authentication_results(headers, trusted_ids, from_domain)
    if verdict is not None:
        return verdict
    if check_dkim:
        verdict = from_dkim(raw, from_domain, dnsfunc)
        if verdict is not None:
            return verdict
    return Verdict(False, "none", "the message carries no proof that the owner sent it "
                                  "(no trusted Authentication-Results, no DKIM signature, "
                                  "not sent to the owner's secret address)")


def _domain_of(address: str | None) -> str | None:
    return address.rpartition("@")[2] if address else None
