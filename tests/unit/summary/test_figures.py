"""Summary figures on hand-built data: each figure counted as the module documents."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from assistant.summary.figures import compute
from assistant.summary.types import (
    ContactData,
    EventData,
    FactData,
    FollowUpData,
    SummaryData,
)

NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def contact(cid: int, name: str, *, created: float = 200, touched: float | None = None,
            interactions: int = 1, replies: int = 0, introduced_by: str | None = None,
            last_reply: float | None = None, status: str = "active") -> ContactData:
    return ContactData(id=cid, name=name, company=None, status=status, created_at=ago(created),
                       last_touch_at=ago(created if touched is None else touched),
                       last_reply_at=ago(last_reply) if last_reply is not None else None,
                       introduced_by=introduced_by, interactions=interactions, replies=replies)


def data(contacts=(), facts=(), events=(), followups=(), paused=False) -> SummaryData:  # noqa: ANN001
    return SummaryData("Sam Rivera", "America/Chicago", paused, tuple(contacts), tuple(facts),
                       tuple(events), tuple(followups))


def test_new_contacts_this_week_with_their_source() -> None:
    # Given two contacts created this week (a note and an intro) and one a month ago
    contacts = [contact(1, "Jane", created=2), contact(2, "Ali", created=5),
                contact(3, "Old", created=30)]
    events = [EventData(1, "note", ago(2), 10), EventData(2, "intro", ago(5), 11)]
    # When the figures are computed
    figures = compute(data(contacts, events=events), NOW)
    # Then only this week's contacts count, each with the kind of message it came from
    assert [(c.name, c.source) for c in figures.new_contacts] == [("Ali", "introductions"),
                                                                  ("Jane", "notes")]
    assert {(s.label, s.count) for s in figures.sources} == {("notes", 1), ("introductions", 1)}


def test_follow_up_counts_and_reply_rate() -> None:
    # Given follow-ups: two sent this week, one sent 20 days ago, one awaiting, one snoozed
    contacts = [contact(i, f"C{i}") for i in range(1, 6)]
    contacts[0] = contact(1, "C1", last_reply=1)  # replied after its follow-up
    followups = [FollowUpData(1, 1, "sent", ago(3)), FollowUpData(2, 1, "sent", ago(4)),
                 FollowUpData(3, 1, "sent", ago(20)), FollowUpData(4, 1, "awaiting_approval",
                                                                   None),
                 FollowUpData(5, 1, "snoozed", None)]
    # When the figures are computed
    figures = compute(data(contacts, followups=followups), NOW)
    # Then the week's sends, the current states and the 28-day reply rate are right
    assert figures.followups_sent == 2
    assert figures.awaiting_approval == 1 and figures.snoozed == 1
    assert figures.replies == 1
    assert figures.reply_rate_basis == 3
    assert figures.reply_rate is not None and abs(figures.reply_rate - 1 / 3) < 1e-9


def test_going_cold_buckets_strongest_first() -> None:
    # Given contacts silent for 10, 35, 65 and 95 days, the 35-day one most engaged
    contacts = [contact(1, "Fresh", touched=10), contact(2, "Strong", touched=35,
                                                         interactions=9, replies=3),
                contact(3, "Mid", touched=65, interactions=2), contact(4, "Long", touched=95),
                contact(5, "Stopped", touched=99, status="stopped")]
    # When the figures are computed
    figures = compute(data(contacts), NOW)
    # Then the cold list leads with the strongest tie; buckets count each once; stopped ignored
    assert [c.name for c in figures.cold] == ["Strong", "Mid", "Long"]
    assert [c.bucket for c in figures.cold] == [30, 60, 90]
    assert figures.cold_counts == ((30, 1), (60, 1), (90, 1))


def test_promises_owed_until_the_first_follow_up_is_sent() -> None:
    # Given promises to two contacts, one of whom already got the first follow-up
    contacts = [contact(1, "Jane", created=3), contact(2, "Bob", created=10)]
    facts = [FactData(1, "promises", "send the checklist"),
             FactData(2, "promises", "share the deck")]
    followups = [FollowUpData(2, 1, "sent", ago(8))]
    # When the figures are computed
    figures = compute(data(contacts, facts=facts, followups=followups), NOW)
    # Then only the unkept promise is listed
    assert [(p.name, p.promise) for p in figures.promises] == [("Jane", "send the checklist")]


def test_introduction_from_a_need_and_an_offer() -> None:
    # Given a recent contact who needs an SRE contractor and an old one who offers SRE work
    contacts = [contact(1, "Jane", created=2), contact(2, "Bob", created=300),
                contact(3, "Cara", created=300)]
    facts = [FactData(1, "needs", "a good SRE contractor"),
             FactData(2, "offers", "SRE contracting"), FactData(3, "offers", "pottery classes")]
    # When the figures are computed
    figures = compute(data(contacts, facts=facts), NOW)
    # Then Bob is suggested for Jane, and Cara is not
    assert [(i.need_name, i.offer_name) for i in figures.intros] == [("Jane", "Bob")]
    assert any(a.title == "Introduce Jane to Bob" and a.command == "find Jane"
               for a in figures.actions)


def test_gives_and_asks_counted_per_week() -> None:
    # Given this week: an intro the owner wrote (one message, two people), a follow-up with
    # a resource and an introduction offer, a bare follow-up, and an intro made for the owner
    contacts = [contact(1, "A", created=200), contact(2, "B", created=200),
                contact(3, "C"), contact(4, "D"),
                contact(5, "E", created=1, introduced_by="Pat")]
    events = [EventData(1, "intro", ago(2), 50), EventData(2, "intro", ago(2), 50),
              EventData(5, "intro", ago(1), 51)]
    followups = [FollowUpData(3, 1, "sent", ago(3), ("resource", "introduction")),
                 FollowUpData(4, 1, "sent", ago(3)),
                 FollowUpData(1, 1, "sent", ago(10), ("promised",))]
    # When the figures are computed
    figures = compute(data(contacts, events=events, followups=followups), NOW)
    week = figures.gives_asks
    # Then: 1 intro made, 1 resource, 1 referral; 2 asks (bare follow-up, intro received)
    assert (week.intros, week.resources, week.referrals, week.asks) == (1, 1, 1, 2)
    # And last week's promised item shows in the history, which ends with this week
    assert len(figures.history) == 8 and figures.history[-1] == week
    assert figures.history[-2].resources == 1


def test_three_actions_each_with_a_reply_command() -> None:
    # Given drafts waiting, a promise owed, and a strong contact going cold, while paused
    contacts = [contact(1, "Jane", created=3), contact(2, "Old Friend", touched=70,
                                                       interactions=12)]
    facts = [FactData(1, "promises", "send the checklist")]
    followups = [FollowUpData(1, 1, "awaiting_approval", None)]
    # When the figures are computed
    figures = compute(data(contacts, facts=facts, followups=followups, paused=True), NOW)
    # Then the three best moves are drafts, resuming, then the promise
    assert [a.command for a in figures.actions] == ["pending", "resume", "find Jane"]


def test_a_week_with_nothing_is_quiet() -> None:
    # Given an old contact and nothing else this week
    figures = compute(data([contact(1, "Old", created=100, touched=40)]), NOW)
    # Then the week is quiet, though the contact is reported as going cold
    assert figures.quiet
    assert figures.cold_counts[0] == (30, 1)
    # And a draft waiting makes it worth an email
    busy = compute(data([contact(1, "Old", created=100)],
                        followups=[FollowUpData(1, 1, "awaiting_approval", None)]), NOW)
    assert not busy.quiet
