"""The weekly summary's figures: pure, from one owner's loaded data and an injected ``now``.

How each figure is counted (the week is the 7 days ending at ``now``):

- New contacts: contacts created in the week; their source is the kind of the first message
  that touched them (note, intro, vcard, card_image).
- Follow-ups sent: follow-ups whose ``sent_at`` is in the week. Awaiting approval and snoozed:
  the follow-ups in that status now.
- Replies: contacts with a ``reply_received`` interaction or a ``last_reply_at`` in the week.
  Reply rate: of the contacts sent a follow-up in the last 28 days, the share who replied after
  it (28 days, not 7, because replies take days).
- Going cold: active contacts with no touch (message, follow-up, reply) for 30, 60 or 90 days,
  strongest past engagement first (interactions, replies counting double).
- Promises owed: promise facts on contacts whose first follow-up is not sent.
- Introductions: one contact's need met by another's offer
  (:func:`assistant.drafting.matching.rank_introductions`), for needs of contacts touched in the
  last 30 days.
- Gives versus asks, per week:
  intros made = introduction threads the owner wrote (``intro`` interactions on contacts with
  no ``introduced_by``), one per message;
  resources shared = promised items and resources carried by sent follow-ups, one per item;
  referrals given = introductions offered in sent follow-ups;
  asks = sent follow-ups that carried nothing (the owner asked for time) plus introductions
  others made for the owner (contacts with ``introduced_by``, usually at the owner's request).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from assistant.drafting.matching import rank_introductions
from assistant.drafting.types import NetworkContact
from assistant.summary.types import (
    Action,
    ColdContact,
    ContactData,
    EventData,
    FollowUpData,
    GiveAsk,
    IntroIdea,
    NewContact,
    OwedPromise,
    SourceCount,
    SummaryData,
    SummaryFigures,
)

WEEK = timedelta(days=7)
HISTORY_WEEKS = 8
REPLY_WINDOW = timedelta(days=28)
COLD_BUCKETS = (90, 60, 30)
ACTIVE_NEEDS_WINDOW = timedelta(days=30)
MAX_NEED_CONTACTS = 50
MAX_LISTED = 8
SOURCE_LABELS = {"note": "notes", "intro": "introductions", "vcard": "vCards",
                 "card_image": "card photos"}
CONTACT_KINDS = frozenset(SOURCE_LABELS)
GIVE_KINDS = {"promised": "resources", "resource": "resources", "introduction": "referrals"}


def compute(data: SummaryData, now: datetime) -> SummaryFigures:
    start = now - WEEK
    active = [c for c in data.contacts if c.status == "active"]
    by_id = {c.id: c for c in data.contacts}
    sent_week = [f for f in data.followups if f.sent_at and start < f.sent_at <= now]
    history = gives_and_asks(data, now)
    figures = SummaryFigures(
        owner_name=data.owner_name,
        period_start=_local_day(start, data.timezone),
        period_end=_local_day(now, data.timezone),
        new_contacts=new_contacts(data, start, now),
        sources=sources(data, start, now),
        followups_sent=len(sent_week),
        awaiting_approval=_count_status(data.followups, "awaiting_approval"),
        snoozed=_count_status(data.followups, "snoozed"),
        replies=len(replied_contacts(data, start, now)),
        reply_rate=None, reply_rate_basis=0,
        cold=going_cold(active, now), cold_counts=cold_counts(active, now),
        promises=promises_owed(data, by_id, now),
        intros=introductions(data, by_id, now),
        gives_asks=history[-1], history=history,
        actions=(), paused=data.paused, total_contacts=len(data.contacts),
        waiting=waiting_for(data, by_id),
    )
    rate, basis = reply_rate(data, now)
    return replace(figures, reply_rate=rate, reply_rate_basis=basis,
                   actions=top_actions(figures))


def _local_day(moment: datetime, timezone: str) -> date:
    return moment.astimezone(ZoneInfo(timezone)).date()


def waiting_for(data: SummaryData, by_id: dict[int, ContactData]) -> tuple[str, ...]:
    """The people whose drafts wait for the owner's answer (a second touch marked)."""
    return tuple((by_id[f.contact_id].name or "someone") + (" (second touch)" if f.sequence > 1
                                                            else "")
                 for f in data.followups
                 if f.status == "awaiting_approval" and f.contact_id in by_id)


def _count_status(followups: Iterable[FollowUpData], status: str) -> int:
    return sum(1 for f in followups if f.status == status)


def _first_kinds(events: Iterable[EventData]) -> dict[int, str]:
    first: dict[int, EventData] = {}
    for event in events:
        if event.kind in CONTACT_KINDS:
            known = first.get(event.contact_id)
            if known is None or event.occurred_at < known.occurred_at:
                first[event.contact_id] = event
    return {cid: e.kind for cid, e in first.items()}


def new_contacts(data: SummaryData, start: datetime, end: datetime) -> tuple[NewContact, ...]:
    kinds = _first_kinds(data.events)
    rows = sorted((c for c in data.contacts if start < c.created_at <= end),
                  key=lambda c: c.created_at)
    return tuple(NewContact(c.id, c.name, c.company,
                            SOURCE_LABELS.get(kinds.get(c.id, ""), "other")) for c in rows)


def sources(data: SummaryData, start: datetime, end: datetime) -> tuple[SourceCount, ...]:
    counts = Counter(n.source for n in new_contacts(data, start, end))
    kind_of = {label: kind for kind, label in SOURCE_LABELS.items()}
    return tuple(SourceCount(kind_of.get(label, "other"), label, n)
                 for label, n in counts.most_common())


def replied_contacts(data: SummaryData, start: datetime, end: datetime) -> set[int]:
    ids = {e.contact_id for e in data.events
           if e.kind == "reply_received" and start < e.occurred_at <= end}
    ids.update(c.id for c in data.contacts if c.last_reply_at and start < c.last_reply_at <= end)
    return ids


def reply_rate(data: SummaryData, now: datetime) -> tuple[float | None, int]:
    first_sent: dict[int, datetime] = {}
    for f in data.followups:
        if f.sent_at and now - REPLY_WINDOW < f.sent_at <= now:
            first_sent[f.contact_id] = min(f.sent_at, first_sent.get(f.contact_id, f.sent_at))
    if not first_sent:
        return None, 0
    last_reply = _last_replies(data)
    replied = sum(1 for cid, sent in first_sent.items() if last_reply.get(cid, sent) > sent)
    return replied / len(first_sent), len(first_sent)


def _last_replies(data: SummaryData) -> dict[int, datetime]:
    latest = {c.id: c.last_reply_at for c in data.contacts if c.last_reply_at}
    for e in data.events:
        known = latest.get(e.contact_id)
        if e.kind == "reply_received" and (known is None or e.occurred_at > known):
            latest[e.contact_id] = e.occurred_at
    return latest


def _bucket(days: int) -> int | None:
    return next((b for b in COLD_BUCKETS if days >= b), None)


def going_cold(contacts: Iterable[ContactData], now: datetime) -> tuple[ColdContact, ...]:
    cold = []
    for c in contacts:
        days = (now - c.last_touch_at).days
        bucket = _bucket(days)
        if bucket is not None:
            cold.append(ColdContact(c.id, c.name, c.company, days, bucket, c.engagement))
    cold.sort(key=lambda c: (-c.engagement, -c.days_silent, c.id))
    return tuple(cold[:MAX_LISTED])


def cold_counts(contacts: Iterable[ContactData], now: datetime) -> tuple[tuple[int, int], ...]:
    counts = Counter(_bucket((now - c.last_touch_at).days) for c in contacts)
    return tuple((b, counts.get(b, 0)) for b in sorted(COLD_BUCKETS))


def promises_owed(data: SummaryData, by_id: dict[int, ContactData],
                  now: datetime) -> tuple[OwedPromise, ...]:
    first_sent = {f.contact_id for f in data.followups if f.sequence == 1 and f.status == "sent"}
    owed = []
    for fact in data.facts:
        contact = by_id.get(fact.contact_id)
        if (fact.field == "promises" and contact is not None and contact.status == "active"
                and fact.contact_id not in first_sent):
            owed.append(OwedPromise(contact.id, contact.name, fact.value,
                                    (now - contact.created_at).days))
    owed.sort(key=lambda p: (-p.days_waiting, p.contact_id))
    return tuple(owed[:MAX_LISTED])


def introductions(data: SummaryData, by_id: dict[int, ContactData],
                  now: datetime) -> tuple[IntroIdea, ...]:
    needs, offers = _needs_and_offers(data, by_id, now)
    candidates = {cid: NetworkContact(str(cid), by_id[cid].name, tuple(values))
                  for cid, values in offers.items()}
    index = _offer_index(candidates.values())
    ideas: list[IntroIdea] = []
    for cid, wanted in needs.items():
        pool = [candidates[k] for k in _possible(index, wanted) if k != cid]
        for match in rank_introductions(wanted, pool)[:1]:
            other = int(match.candidate.key)
            ideas.append(IntroIdea(cid, by_id[cid].name, match.need, other,
                                   by_id[other].name, match.offer, match.score))
    ideas.sort(key=lambda i: (-i.score, i.need_id))
    return tuple(ideas[:5])


def _needs_and_offers(data: SummaryData, by_id: dict[int, ContactData],
                      now: datetime) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    needs: dict[int, list[str]] = defaultdict(list)
    offers: dict[int, list[str]] = defaultdict(list)
    for fact in data.facts:
        contact = by_id.get(fact.contact_id)
        if contact is None or contact.status != "active":
            continue
        if fact.field == "offers":
            offers[fact.contact_id].append(fact.value)
        elif fact.field == "needs" and now - contact.last_touch_at <= ACTIVE_NEEDS_WINDOW:
            needs[fact.contact_id].append(fact.value)
    recent = sorted(needs, key=lambda cid: by_id[cid].last_touch_at, reverse=True)
    return {cid: needs[cid] for cid in recent[:MAX_NEED_CONTACTS]}, offers


def _keys(phrase: str) -> set[str]:
    # matching.similarity needs the same stem or a shared prefix of >= 4 letters, so two terms
    # can only meet when their first four letters (or whole short stems) agree.
    from assistant.drafting.terms import terms

    return {t[:4] for t in terms(phrase)}


def _offer_index(candidates: Iterable[NetworkContact]) -> dict[str, set[int]]:
    index: dict[str, set[int]] = defaultdict(set)
    for candidate in candidates:
        for offer in candidate.offers:
            for key in _keys(offer):
                index[key].add(int(candidate.key))
    return index


def _possible(index: dict[str, set[int]], needs: Iterable[str]) -> list[int]:
    found: set[int] = set()
    for need in needs:
        for key in _keys(need):
            found |= index.get(key, set())
    return sorted(found)


def gives_and_asks(data: SummaryData, now: datetime) -> tuple[GiveAsk, ...]:
    introduced = {c.id: c.created_at for c in data.contacts if c.introduced_by}
    intros = [e for e in data.events if e.kind == "intro" and e.contact_id not in introduced]
    sent = [f for f in data.followups if f.sent_at]
    weeks = []
    for back in range(HISTORY_WEEKS - 1, -1, -1):
        end = now - back * WEEK
        counts = _week_counts(intros, tuple(introduced.values()), sent, end - WEEK, end)
        local_end = end.astimezone(ZoneInfo(data.timezone))
        weeks.append(GiveAsk(f"{local_end.day} {local_end:%b}", counts["intros"],
                             counts["resources"], counts["referrals"], counts["asks"]))
    return tuple(weeks)


def _week_counts(owner_intros: list[EventData], introduced_at: tuple[datetime, ...],
                 sent: list[FollowUpData], start: datetime, end: datetime) -> Counter[str]:
    counts: Counter[str] = Counter()
    # one introduction message names two people: count the message once
    counts["intros"] = len({e.inbound_id or -e.contact_id for e in owner_intros
                            if start < e.occurred_at <= end})
    counts["asks"] = sum(1 for created in introduced_at if start < created <= end)
    for f in sent:
        if start < f.sent_at <= end:  # type: ignore[operator]
            counts.update([GIVE_KINDS[k] for k in f.value_adds if k in GIVE_KINDS] or ["asks"])
    return counts


def top_actions(f: SummaryFigures) -> tuple[Action, ...]:
    """The three most valuable things to do this week, each with the reply that does it."""
    options: list[Action] = []
    if f.paused:
        options.append(Action("Resume your follow-ups", "they are paused: nothing is drafted",
                              "resume", 95))
    if f.awaiting_approval:
        options.append(Action(f"Answer {f.awaiting_approval} draft(s) waiting for you",
                              "each day a draft waits, the meeting fades", "pending", 100))
    for rank, p in enumerate(f.promises[:2]):
        options.append(Action(f"Keep your promise to {p.name}", f"you said: {p.promise}",
                              f"find {p.name}", 90 - rank * 15))
    for rank, i in enumerate(f.intros[:2]):
        options.append(Action(f"Introduce {i.need_name} to {i.offer_name}",
                              f'{i.need_name} needs "{i.need}"; {i.offer_name} offers '
                              f'"{i.offer}"', f"find {i.need_name}",
                              60 + 30 * i.score - rank * 15))
    for rank, c in enumerate(f.cold[:2]):
        options.append(Action(f"Reconnect with {c.name}",
                              f"no touch for {c.days_silent} days",
                              f"find {c.name}", 50 + min(c.engagement, 20) - rank * 15))
    options.sort(key=lambda a: -a.priority)
    # One action per reply command: two moves that both say "find Jane" are one move.
    unique = {a.command: a for a in reversed(options)}
    return tuple(sorted(unique.values(), key=lambda a: -a.priority)[:3])
