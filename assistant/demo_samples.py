"""Sample messages an owner would forward after an event, for ``assistant demo``."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

OWNER = "Sam Rivera <sam@example.com>"

RESOURCES = ("resources",
             "resource: Kubernetes migration checklist https://example.com/k8s-checklist "
             "#kubernetes #sre - the one we used at Acme\n"
             "resource: Seed investors in climate tech https://example.com/climate-seed-list "
             "#climate #fundraising #investors\n")

NOTES = [RESOURCES,
    ("Met Jane at the SaaS founders breakfast",
     "Met Jane Doe (jane.doe@acmerobotics.com), CTO at Acme Robotics, at the SaaS founders "
     "breakfast this morning.\nShe is looking for a good SRE contractor and is into trail "
     "running.\nI promised to send her our Kubernetes migration checklist.\n\nSam\n"),
    ("Fwd: Great to meet you",
     "Forwarding Raj's email from the conference. He wants an intro to a seed investor in "
     "climate tech.\n\n---------- Forwarded message ---------\nFrom: Raj Patel "
     "<raj@corvidlabs.io>\nDate: {forwarded_date}\nSubject: Great to meet you\nTo: Sam "
     "Rivera <sam@example.com>\n\nHi Sam,\n\nGreat chatting at the Climate Tech Summit. Let's "
     "stay in touch.\n\nBest,\nRaj Patel\nVP Marketing | Corvid Labs\n+1 415 555 0199\n"),
    ("Two people from the meetup",
     "From last night's product meetup:\n- Lena Fischer, lena@fischer-design.de, Head of "
     "Design at Fischer Design GmbH. Needs help hiring a frontend lead.\n- Tom Baker "
     "(tom.baker@northwind.example), CFO at Northwind. Offers advice on fundraising.\n"),
]


def sample_messages(owner_address: str, assistant_address: str,
                    now: datetime) -> list[bytes]:
    messages = []
    for subject, body in NOTES:
        message = EmailMessage()
        message["From"] = OWNER
        message["To"] = assistant_address
        message["Subject"] = subject
        message["Date"] = format_datetime(now)
        message["Message-ID"] = make_msgid(domain=owner_address.split("@")[1])
        # The forwarded email was written an hour before the owner forwarded it.
        forwarded = (now - timedelta(hours=1)).strftime("%a, %d %b %Y at %H:%M")
        message.set_content(body.replace("{forwarded_date}", forwarded))
        messages.append(message.as_bytes())
    return messages
