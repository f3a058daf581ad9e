"""Well-known mail providers' IMAP and SMTP hosts, for ``init``'s defaults and the guide.

Ports follow RFC 8314: implicit TLS (993, 465) where the provider offers it, STARTTLS on
587 (RFC 3207) where it is the only submission port.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Provider:
    name: str
    imap_host: str
    smtp_host: str
    smtp_port: int
    note: str = ""


GMAIL = Provider("Gmail", "imap.gmail.com", "smtp.gmail.com", 465,
                 "turn on 2-Step Verification and use an app password")
FASTMAIL = Provider("Fastmail", "imap.fastmail.com", "smtp.fastmail.com", 465,
                    "use an app password (Settings > Privacy & Security)")
MICROSOFT = Provider("Outlook / Microsoft 365", "outlook.office365.com", "smtp.office365.com",
                     587, "Microsoft 365 tenants may require OAuth2: see deploy/GUIDE.md")
ICLOUD = Provider("iCloud", "imap.mail.me.com", "smtp.mail.me.com", 587,
                  "use an app-specific password")
YAHOO = Provider("Yahoo", "imap.mail.yahoo.com", "smtp.mail.yahoo.com", 465,
                 "use an app password")

_BY_DOMAIN = {
    "gmail.com": GMAIL, "googlemail.com": GMAIL,
    "fastmail.com": FASTMAIL, "fastmail.fm": FASTMAIL,
    "outlook.com": MICROSOFT, "hotmail.com": MICROSOFT, "live.com": MICROSOFT,
    "icloud.com": ICLOUD, "me.com": ICLOUD,
    "yahoo.com": YAHOO,
}


def provider_for(address: str) -> Provider:
    """The provider an address's domain names, else ``imap.<domain>``/``smtp.<domain>``."""
    domain = address.rpartition("@")[2].lower()
    return _BY_DOMAIN.get(domain) or Provider(domain, f"imap.{domain}", f"smtp.{domain}", 465)
