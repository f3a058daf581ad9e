"""``assistant demo``: the whole flow on embedded defaults, with no server to install.

A Maildir stands in for the mailbox and a folder of Maildirs for the SMTP server (one per
recipient); SQLite and the in-process broker stand in for PostgreSQL and Redis; a simulated
clock stands in for the days that pass. The demo registers an owner, drops sample notes into
the mailbox, and then walks the loop: acknowledgements, next-morning drafts, the owner's
"send", the follow-up from the owner's address, no reply for a week, the second-touch reminder,
the owner's "skip", and the weekly summary. It prints what happened and where the emails are.
"""

from __future__ import annotations

import email
import email.policy
import mailbox
import shutil
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from time import monotonic, sleep
from zoneinfo import ZoneInfo

import click
import holidays
from sqlalchemy import func, select

from assistant.clock import system_clock
from assistant.demo_samples import OWNER, sample_messages
from assistant.owners_cli import add_owner_command
from assistant.runtime import run_all
from assistant.settings import Settings
from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.models import Contact, FollowUp, InboundMessage, OutboxMessage

ASSISTANT = "assistant@demo.local"
OWNER_ADDRESS = "sam@example.com"
ZONE = ZoneInfo("America/Chicago")


def demo_start(today: date) -> datetime:
    """The Monday after ``today``, 16:00 in Chicago, when the owner forwards notes after an
    event: the first such Monday with two weeks free of US public holidays ahead, so the
    walk (next morning, a week later) meets plain business days on any date it is run."""
    day = today + timedelta(days=7 - today.weekday())
    while any(d in holidays.country_holidays("US", years=range(day.year, day.year + 2))
              for d in (day + timedelta(days=n) for n in range(15))):
        day += timedelta(days=7)
    return local(day, time(16, 0))


def local(day: date, at: time) -> datetime:
    """``day`` at ``at`` on the Chicago wall clock, in UTC (correct across DST changes)."""
    return datetime.combine(day, at, tzinfo=ZONE).astimezone(UTC)


class DemoClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def run_demo(directory: Path, timeout: float = 60.0) -> int:
    if directory.exists():
        shutil.rmtree(directory)
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(directory),
                                  "ASSISTANT_ADDRESS": ASSISTANT, "ASSISTANT_POLL_SECONDS": "1",
                                  "ASSISTANT_TICK_SECONDS": "0.2"})
    clock = DemoClock(demo_start(system_clock().astimezone(ZONE).date()))
    click.echo(add_owner_command(settings, OWNER, [], "America/Chicago", "US", 9, "en",
                                 clock=clock))
    demo = Demo(settings, directory, clock, timeout)
    stop = threading.Event()
    thread = threading.Thread(target=run_all, args=(settings, stop, clock), daemon=True)
    thread.start()
    try:
        ok = demo.walk()
    finally:
        stop.set()
        thread.join(timeout=10)
    demo.report()
    return 0 if ok else 1


class Demo:
    def __init__(self, settings: Settings, directory: Path, clock: DemoClock,
                 timeout: float) -> None:
        self.settings, self.directory, self.clock, self.timeout = (settings, directory, clock,
                                                                  timeout)
        self.inbox = mailbox.Maildir(directory / "inbox", factory=None, create=True)
        self.outbox = directory / "outbox"

    def walk(self) -> bool:
        notes = sample_messages(OWNER_ADDRESS, ASSISTANT, self.clock.now)
        for raw in notes:
            self.inbox.add(raw)
        self.say(f"Monday 16:00  the owner's resource list and {len(notes) - 1} forwarded notes "
                 f"dropped into {self.directory / 'inbox'}")
        if not self.wait(lambda: self.count(InboundMessage, InboundMessage.status == "pending")
                         == 0 and self.owner_mail() >= 2, "acknowledgements"):
            return False
        # Notes that arrive together are acknowledged together once the burst window ends
        self.clock.now += timedelta(seconds=self.settings.ack_burst_seconds + 60)
        if not self.wait(lambda: self.count(OutboxMessage, OutboxMessage.status.in_(
                ("held", "pending", "sending"))) == 0, "acknowledgements"):
            return False
        self.say(f"              {self.owner_mail()} acknowledgements emailed to the owner "
                 "(what was understood, when the drafts will come; notes forwarded together "
                 "are acknowledged together)")
        start = self.clock.now.astimezone(ZONE).date()
        self.clock.now = local(start + timedelta(days=1), time(9, 5))
        self.say("Tuesday 09:05 the next business morning in Chicago")
        if not self.wait(lambda: self.count(FollowUp, FollowUp.status == "scheduled") == 0,
                         "drafts"):
            return False
        drafts = self.count(FollowUp, FollowUp.status == "awaiting_approval")
        self.say(f"              {drafts} follow-up drafts emailed to the owner for approval")
        request = self.latest_request()
        self.answer(request, "send")
        contact = str(request["Subject"]).removeprefix("Follow-up to ").removesuffix(": send?")
        self.say(f"              the owner answers \"send\" to the draft for {contact}")
        if not self.wait(lambda: self.count(FollowUp, FollowUp.status == "sent") == 1, "send"):
            return False
        self.say(f"              the follow-up went out from {OWNER_ADDRESS}, once")
        self.clock.now += timedelta(days=7)
        self.say("a week later  no reply from the contact")
        if not self.wait(lambda: self.reminder() is not None, "second touch"):
            return False
        reminder = self.reminder()
        assert reminder is not None
        self.say("              reminder with a second, shorter draft: "
                 f"\"{reminder['Subject']}\"")
        self.answer(reminder, "skip")
        self.say("              the owner answers \"skip\": nothing more is sent")
        if not self.wait(lambda: self.count(FollowUp, FollowUp.status == "skipped") == 1,
                         "skip"):
            return False
        if not self.wait(lambda: self.count(OutboxMessage, OutboxMessage.purpose == "summary",
                                            OutboxMessage.status == "sent") == 1, "summary"):
            return False
        self.say("              and the weekly relationship summary (HTML and text) arrived "
                 "on Monday at 08:00")
        return True

    # -- helpers ----------------------------------------------------------------------------
    def say(self, line: str) -> None:
        click.echo(line)

    def wait(self, condition: Callable[[], bool], what: str) -> bool:
        deadline = monotonic() + self.timeout
        while monotonic() < deadline:
            if condition():
                return True
            sleep(0.2)
        click.echo(f"demo: gave up waiting for {what}", err=True)
        return False

    def count(self, model, *where) -> int:  # type: ignore[no-untyped-def]
        engine = make_engine(self.settings.database_url)
        try:
            with transaction(session_factory(engine)) as session:
                return int(session.scalar(select(func.count()).select_from(model)
                                          .where(*where)) or 0)
        finally:
            engine.dispose()

    def mails(self, address: str) -> list[EmailMessage]:
        box = self.outbox / address
        if not box.exists():
            return []
        found = []
        for path in sorted((box / "new").glob("*")) + sorted((box / "cur").glob("*")):
            found.append(email.message_from_bytes(path.read_bytes(), policy=email.policy.default))
        return sorted(found, key=lambda m: str(m["Date"]))

    def owner_mail(self) -> int:
        return len(self.mails(OWNER_ADDRESS))

    def latest_request(self) -> EmailMessage:
        requests = [m for m in self.mails(OWNER_ADDRESS) if "send?" in str(m["Subject"])]
        return next((m for m in requests if "Jane" in str(m["Subject"])), requests[0])

    def reminder(self) -> EmailMessage | None:
        return next((m for m in self.mails(OWNER_ADDRESS)
                     if str(m["Subject"]).startswith("Second touch")), None)

    def answer(self, request: EmailMessage, text: str) -> None:
        """The owner's reply, as a mail client writes it: to the Reply-To, quoting."""
        reply = EmailMessage()
        reply["From"] = OWNER
        reply["To"] = request["Reply-To"]
        reply["Subject"] = "Re: " + str(request["Subject"])
        reply["Date"] = format_datetime(self.clock.now)
        reply["Message-ID"] = make_msgid(domain="example.com")
        reply["In-Reply-To"] = request["Message-ID"]
        body = request.get_body(preferencelist=("plain",))
        quoted = "\n".join("> " + line for line in (body.get_content() if body else "")
                           .splitlines())
        reply.set_content(f"{text}\n\nOn Tuesday, the assistant wrote:\n{quoted}\n")
        self.inbox.add(reply.as_bytes())

    def report(self) -> None:
        engine = make_engine(self.settings.database_url)
        with transaction(session_factory(engine)) as session:
            contacts = session.scalars(select(Contact).order_by(Contact.id)).all()
            click.echo(f"\ncontacts stored ({len(contacts)}):")
            for c in contacts:
                emails = ", ".join(e.email for e in c.emails)
                role = ", ".join(filter(None, [c.title, c.company]))
                click.echo(f"  - {c.name} <{emails}>{' - ' + role if role else ''}")
            statuses = session.execute(select(OutboxMessage.purpose, func.count())
                                       .group_by(OutboxMessage.purpose)).all()
            handled = session.scalar(select(func.count()).select_from(InboundMessage))
        engine.dispose()
        click.echo(f"messages read: {handled}; emails written: "
                   + ", ".join(f"{n} {p}" for p, n in sorted(statuses)))
        click.echo(f"\nthe emails are Maildirs under {self.outbox}/<recipient>/new/:")
        for box in sorted(self.outbox.glob("*")) if self.outbox.exists() else []:
            click.echo(f"  {box.name}: {len(list((box / 'new').glob('*')))} message(s)")
        requests = [m for m in self.mails(OWNER_ADDRESS)
                    if "Jane" in str(m["Subject"]) and "send?" in str(m["Subject"])]
        if requests:
            click.echo("\n--- the approval request for Jane, as the owner receives it ---")
            body = requests[0].get_body(preferencelist=("plain",))
            click.echo(f"Subject: {requests[0]['Subject']}\n\n"
                       f"{body.get_content() if body else ''}")
