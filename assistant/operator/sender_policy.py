"""Can the relay send as the owner? The owner domain's SPF (RFC 7208) and DMARC (RFC 7489)
records, read with a resolver passed in (pure apart from it; tests pass a dictionary).

In relay mode a follow-up carries the owner in From but the assistant in the envelope, so
DMARC passes only through SPF when the assistant's address is on the owner's organizational
domain and the owner's SPF lets the relay's addresses send, or through a DKIM signature for the
owner's domain, which only the relay's operator can set up. Under ``p=quarantine`` or
``p=reject`` anything else lands in spam or is refused.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass

Resolve = Callable[[str, str], list[str]]  # (name, "TXT" | "A" | "AAAA" | "MX") -> answers

MAX_LOOKUPS = 10  # RFC 7208 4.6.4


@dataclass(frozen=True)
class Verdict:
    status: str  # "ok", "warn" or "fail"
    message: str
    hint: str = ""


def dns_resolver(timeout: float = 5.0) -> Resolve:
    import dns.exception
    import dns.resolver

    resolver = dns.resolver.Resolver()
    resolver.lifetime = timeout

    def resolve(name: str, rdtype: str) -> list[str]:
        try:
            answer = resolver.resolve(name, rdtype)
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer, dns.resolver.NoNameservers):
            return []
        except dns.exception.Timeout:
            raise OSError(f"DNS timed out for {name} {rdtype}") from None
        if rdtype == "TXT":
            return [b"".join(r.strings).decode("utf-8", "replace") for r in answer]
        if rdtype == "MX":
            return [str(r.exchange).rstrip(".") for r in answer]
        return [r.to_text() for r in answer]

    return resolve


def dmarc_policy(domain: str, resolve: Resolve) -> str | None:
    """``none``, ``quarantine``, ``reject``; None without a record (RFC 7489 6.3). The
    organizational domain's record is not looked up when a subdomain has none: good enough
    for the owner's own domain, which is what mail clients put in From."""
    for record in resolve(f"_dmarc.{domain}", "TXT"):
        tags = dict(part.strip().split("=", 1) for part in record.split(";") if "=" in part)
        if tags.get("v", "").strip().upper() == "DMARC1":
            return tags.get("p", "none").strip().lower()
    return None


def spf_networks(domain: str, resolve: Resolve) -> tuple[list[ipaddress._BaseNetwork], bool]:
    """The networks the domain's SPF record lets send (following include, a, mx, redirect),
    and whether a record was found at all."""
    networks: list[ipaddress._BaseNetwork] = []
    lookups = [0]

    def walk(name: str) -> bool:
        records = [r for r in resolve(name, "TXT") if r.lower().startswith("v=spf1")]
        if not records:
            return False
        for term in records[0].split()[1:]:
            mechanism = term.lstrip("+~?-")
            if term.startswith(("-", "~", "?")):
                continue
            parts = re.match(r"([a-z0-9]+)[:=]?(.*)", mechanism, re.I)
            if parts is None:
                continue
            key, value = parts[1].lower(), parts[2]
            if key in ("ip4", "ip6"):
                try:
                    networks.append(ipaddress.ip_network(value, strict=False))
                except ValueError:
                    continue
            elif key in ("include", "redirect") and lookups[0] < MAX_LOOKUPS:
                lookups[0] += 1
                walk(value)
            elif key in ("a", "mx") and lookups[0] < MAX_LOOKUPS:
                lookups[0] += 1
                target = value.split("/")[0] or name
                hosts = resolve(target, "MX") if key == "mx" else [target]
                for host in hosts:
                    for kind in ("A", "AAAA"):
                        for ip in resolve(host, kind):
                            networks.append(ipaddress.ip_network(ip))
        return True

    return networks, walk(domain)


def relay_verdict(owner_domain: str, assistant_domain: str, relay_host: str,
                  resolve: Resolve) -> Verdict:
    """Says plainly whether follow-ups sent through the relay will be taken as the owner's."""
    policy = dmarc_policy(owner_domain, resolve)
    networks, has_spf = spf_networks(owner_domain, resolve)
    relay_ips = [ipaddress.ip_address(ip) for kind in ("A", "AAAA")
                 for ip in resolve(relay_host, kind)] if not _local(relay_host) else []
    authorized = bool(relay_ips) and all(any(ip in n for n in networks) for ip in relay_ips)
    aligned = _org(assistant_domain) == _org(owner_domain)
    link = (f"link the owner's own mailbox (`assistant owner link {owner_domain}-address "
            "--imap ... --smtp ...`), or have the relay sign with DKIM for "
            f"{owner_domain}; see the README's relay section (Gmail \"Send mail as\", Fastmail "
            "identities, Microsoft 365 SendAs)")
    where = f"{owner_domain}: DMARC p={policy or 'none (no record)'}, SPF " + (
        "not checked (the relay is on this machine: its smarthost sends)"
        if _local(relay_host) else "authorizes the relay" if authorized else
        "does not list the relay" if has_spf else "missing")
    if policy in ("quarantine", "reject") and not (aligned and authorized):
        return Verdict("fail", f"{where}: the relay cannot send as this owner; follow-ups "
                       f"would be {'refused' if policy == 'reject' else 'sent to spam'} "
                       "unless the relay signs with DKIM for the owner's domain", link)
    if not authorized or not aligned:
        return Verdict("warn", f"{where}: follow-ups through the relay may be marked "
                       "\"on behalf of\" or land in spam", link)
    return Verdict("ok", f"{where}: the relay may send as this owner")


def reserved(domain: str) -> bool:
    """Names that never have real records (RFC 2606, RFC 6761): nothing to look up."""
    labels = domain.lower().strip(".").split(".")
    return labels[-1] in ("test", "example", "invalid", "localhost", "local") or \
        ".".join(labels[-2:]) in ("example.com", "example.net", "example.org")


def _local(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host.lower() in ("localhost", "")


def _org(domain: str) -> str:
    """A rough organizational domain (last two labels); enough to compare two domains."""
    return ".".join(domain.lower().strip(".").split(".")[-2:])
