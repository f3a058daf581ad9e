"""Realistic forwarded notes for the ingestion benchmark (pure: no I/O, seeded).

The mix follows what an owner sends after events: typed notes about one person, notes about
two or three people, Gmail forwards ("---------- Forwarded message ---------") and Outlook
forwards ("-----Original Message-----") with the contact's signature block and the owner's
own signature, Apple Mail forwards ("Begin forwarded message:"), and a share of
multipart/alternative messages with an HTML part, as Gmail and Outlook send them.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

FIRST = ("Jane", "Raj", "Lena", "Tom", "Priya", "Megan", "Peter", "Aisha", "Carlos", "Mei",
         "Olu", "Sofia", "Daniel", "Hannah", "Kenji", "Fatima", "Lucas", "Grace", "Mateo",
         "Ingrid", "Samuel", "Chloe", "Arjun", "Nadia", "Victor", "Elena", "Omar", "Julia")
LAST = ("Doe", "Patel", "Fischer", "Baker", "Nair", "Brooks", "Novak", "Khan", "Mendes",
        "Chen", "Adeyemi", "Rossi", "Kim", "Schmidt", "Tanaka", "Haddad", "Martin", "Okafor",
        "Garcia", "Larsen", "Wright", "Dubois", "Iyer", "Petrova", "Silva", "Cohen", "Moreau")
COMPANIES = (("Acme Robotics", "acmerobotics.com"), ("Corvid Labs", "corvidlabs.io"),
             ("Helium HQ", "heliumhq.com"), ("Ledgerly", "ledgerly.com"),
             ("Kraftwerk Data", "kraftwerkdata.com"), ("Northwind Traders", "northwind.example"),
             ("Castellum IT", "castellum-it.com"), ("Bluefin Analytics", "bluefin.ai"),
             ("Orbital Foods", "orbitalfoods.co"), ("Tessellate", "tessellate.dev"),
             ("Juniper Health", "juniperhealth.org"), ("Quarry Capital", "quarrycap.com"))
TITLES = ("CTO", "VP Engineering", "Head of Partnerships", "Founder & CEO", "Product Lead",
          "Director of Sales", "Head of Design", "CFO", "Principal Engineer",
          "VP Marketing", "Chief of Staff", "Engineering Manager")
EVENTS = ("the SaaS founders breakfast", "the fintech meetup", "Web Summit", "SaaStr",
          "the climate tech dinner", "the AWS re:Invent party", "the product meetup",
          "the alumni mixer", "KubeCon", "a friend's rooftop party")
NEEDS = ("is looking for a good SRE contractor", "wants an intro to a seed investor",
         "is hiring a frontend lead", "needs a partner for their Azure migration",
         "is raising a Series A next quarter", "wants feedback on their pricing page",
         "is looking for banks to pilot with", "needs help with SOC 2")
PROMISES = ("I promised to send the case study.", "I said I'd share our hiring rubric.",
            "Promised an intro to Dana at Quarry.", "I'll send the Kubernetes checklist.",
            "Follow up in two weeks.", "Send her the benchmark repo next week.")


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    company: str
    domain: str
    title: str
    phone: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def email(self) -> str:
        return f"{self.first.lower()}.{self.last.lower()}@{self.domain}"


@dataclass(frozen=True)
class Addresses:
    owner: str
    owner_name: str
    assistant: str
    authserv_id: str | None = None  # the receiving server that vouches for the owner's mail


def person(rng: random.Random) -> Person:
    company, domain = rng.choice(COMPANIES)
    phone = f"+1 {rng.randint(201, 989)} 555 {rng.randint(100, 199):04d}"
    return Person(rng.choice(FIRST), rng.choice(LAST), company, domain, rng.choice(TITLES),
                  phone)


def owner_signature(addresses: Addresses) -> str:
    return (f"--\n{addresses.owner_name}\nPrincipal, Rivera Advisory\n"
            f"+1 (415) 555-0100 | {addresses.owner}\n")


def contact_signature(p: Person) -> str:
    return f"--\n{p.name}\n{p.title} | {p.company}\n{p.phone}\nlinkedin.com/in/{p.first.lower()}\n"


def typed_single(rng: random.Random, a: Addresses) -> tuple[str, str]:
    p = person(rng)
    body = (f"Met {p.name} ({p.email}), {p.title} at {p.company}, at {rng.choice(EVENTS)}.\n"
            f"{p.first} {rng.choice(NEEDS)}.\n{rng.choice(PROMISES)}\n\n"
            f"{a.owner_name.split()[0]}\n")
    return f"Met {p.first} at {rng.choice(EVENTS)}", body


def typed_several(rng: random.Random, a: Addresses) -> tuple[str, str]:
    people = [person(rng) for _ in range(rng.choice((2, 2, 3)))]
    lines = [f"- {p.name}, {p.email}, {p.title} at {p.company}. {p.first} {rng.choice(NEEDS)}."
             for p in people]
    event = rng.choice(EVENTS)
    body = f"People from {event}:\n" + "\n".join(lines) + f"\n\n{owner_signature(a)}"
    return f"{len(people)} people from {event}", body


def gmail_forward(rng: random.Random, a: Addresses) -> tuple[str, str]:
    p = person(rng)
    subject = rng.choice(("Great meeting you", "Nice to meet you", "Following up"))
    sent = datetime(2026, 11, rng.randint(2, 20), rng.randint(8, 18), rng.randint(0, 59))
    body = (f"Met {p.first} at {rng.choice(EVENTS)}. {rng.choice(PROMISES)}\n\n"
            f"{owner_signature(a)}\n---------- Forwarded message ---------\n"
            f"From: {p.name} <{p.email}>\nDate: {sent:%a, %b %d, %Y at %I:%M %p}\n"
            f"Subject: {subject}\nTo: {a.owner_name} <{a.owner}>\n\n\n"
            f"Hi {a.owner_name.split()[0]},\n\nGreat meeting you! We {rng.choice(NEEDS)[3:]}"
            f" - let's find time next week.\n\nBest,\n{p.first}\n\n{contact_signature(p)}")
    return f"Fwd: {subject}", body


def outlook_forward(rng: random.Random, a: Addresses) -> tuple[str, str]:
    p = person(rng)
    topic = rng.choice(("Azure migration", "pilot next steps", "intro", "our call"))
    sent = datetime(2026, 11, rng.randint(2, 20), rng.randint(8, 18), rng.randint(0, 59))
    body = (f"{rng.choice(PROMISES)} He {rng.choice(NEEDS)}.\n\n"
            f"{a.owner_name.split()[0]}\n\n-----Original Message-----\n"
            f"From: {p.name} <{p.email}>\nSent: {sent:%A, %B %d, %Y %I:%M %p}\n"
            f"To: {a.owner_name} <{a.owner}>\nSubject: RE: {topic}\n\n"
            f"{a.owner_name.split()[0]},\n\nThanks for the call today. Sending over our "
            f"requirements doc later this week.\n\nRegards,\n{p.name}\n{p.title}\n"
            f"{p.company}\nOffice: {p.phone}\n")
    return f"FW: {topic}", body


def apple_forward(rng: random.Random, a: Addresses) -> tuple[str, str]:
    p = person(rng)
    body = (f"From {rng.choice(EVENTS)}. {rng.choice(PROMISES)}\n\nSent from my iPhone\n\n"
            f"Begin forwarded message:\n\n> From: {p.name} <{p.email}>\n"
            f"> Subject: Hello from {p.company}\n> To: {a.owner}\n\n"
            f"> Hi! Lovely to meet you. My cell is {p.phone}.\n> {p.first}\n")
    return f"Fwd: Hello from {p.company}", body


KINDS: tuple[tuple[Callable[[random.Random, Addresses], tuple[str, str]], int], ...] = (
    (typed_single, 35), (typed_several, 15), (gmail_forward, 25), (outlook_forward, 15),
    (apple_forward, 10))


def as_html(text: str) -> str:
    paragraphs = "".join(f"<div>{html.escape(line) or '<br>'}</div>"
                         for line in text.splitlines())
    return f'<div dir="ltr">{paragraphs}</div>'


def build(subject: str, body: str, a: Addresses, when: datetime, index: int,
          with_html: bool) -> bytes:
    message = EmailMessage()
    if a.authserv_id:
        # What the owner's receiving MX adds at the top (RFC 8601): DMARC passed for From.
        domain = a.owner.rpartition("@")[2]
        message["Authentication-Results"] = f"{a.authserv_id}; dmarc=pass header.from={domain}"
    message["From"] = f"{a.owner_name} <{a.owner}>"
    message["To"] = a.assistant
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message["Message-ID"] = f"<bench-{index}-{when.timestamp():.0f}@{a.owner.split('@')[1]}>"
    message.set_content(body)
    if with_html:
        message.add_alternative(as_html(body), subtype="html")
    return message.as_bytes()


def generate_notes(count: int, addresses: Addresses, seed: int = 2026) -> list[bytes]:
    """``count`` distinct notes from the owner to the assistant, the same for the same seed."""
    rng = random.Random(seed)
    makers = [maker for maker, _ in KINDS]
    weights = [weight for _, weight in KINDS]
    start = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    notes = []
    for index in range(count):
        subject, body = rng.choices(makers, weights)[0](rng, addresses)
        when = start + timedelta(seconds=37 * index)
        notes.append(build(subject, body, addresses, when, index, rng.random() < 0.4))
    return notes
