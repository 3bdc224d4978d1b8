"""A known set of people, plans, outcomes, services and stored conversations for the report.

Everything in MARCH is dated 2026-03-01 to 2026-03-31 (UTC); a few plans and a conversation
fall just outside it. The figures each test expects are worked out by hand from this module."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import List, Optional, Sequence, Tuple

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.db.models import Outcome, Person, Plan, Service
from bot.db.session import session_scope
from bot.reporting.period import Period
from tests.support.conversations import tracker_store

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))
START = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)
SECTIONS = ("important", "outcomes", "services", "management", "contingency", "review", "submitted")
#: words that must never appear in a report: names, references, free text, conversation ids
PERSONAL = ("Ayesha", "Khan", "PB-9", "SP-T", "web-", "sms-", "church", "my own words", "1950-")


@dataclass
class PlanSpec:
    status: str
    management: Optional[str] = None
    channel: str = "rest"
    planned_by: str = "self"
    #: (category, weekly pence)
    services: Sequence[Tuple[str, int]] = ()
    domains: Sequence[str] = ()
    minutes_to_submit: Optional[int] = None
    #: messages the person sent between the plan's start and its submission (None: no conversation kept)
    turns: Optional[int] = None
    #: the section the plan's conversation stopped at (drafts)
    stopped_at: str = "submitted"
    created_at: Optional[datetime] = None
    #: the codes of the direct-payment checks the plan raised (each about its first service)
    checks: Sequence[str] = ()


@dataclass
class Chat:
    """A stored conversation being written: events with their Unix times."""

    sender_id: str
    events: List[Event] = field(default_factory=list)

    def user(self, at: float) -> "Chat":
        self.events += [UserUttered("in my own words", timestamp=at), ActionExecuted("action_listen", timestamp=at)]
        return self

    def slot(self, name: str, value: object, at: float) -> "Chat":
        self.events += [SlotSet(name, value, timestamp=at), BotUttered("Thank you", timestamp=at)]
        return self

    def through(self, sections: Sequence[str], at: float) -> "Chat":
        for offset, section in enumerate(sections):
            self.slot("current_section", section, at + offset)
        return self


def finished(
    management: str,
    services: Sequence[Tuple[str, int]],
    domains: Sequence[str],
    minutes: int,
    turns: Optional[int],
    status: str = "submitted",
    **more: object,
) -> PlanSpec:
    return PlanSpec(
        status, management, services=services, domains=domains, minutes_to_submit=minutes, turns=turns, **more
    )


PA, TRANSPORT, ACTIVITIES, HOME_CARE = (
    ("personal_assistant", 9000),
    ("transport", 1000),
    ("activities", 2000),
    ("home_care_agency", 10000),
)

#: checks raised: the living wage; and (two services) the living wage and paying a relative
LOW_PAY, FAMILY = ("living_wage",), ("living_wage", "family_payment", "living_wage")
#: 13 finished plans (8 submitted, 5 agreed), minutes to submit 10…120 (median 35), turns median 13.5;
#: 6 raised the living-wage check, 2 of them also the family-payment one
FINISHED_PLANS = [
    finished("direct_payment", [PA, PA, TRANSPORT], ["community", "nutrition", "nutrition"], 10, 8, checks=FAMILY),
    finished("direct_payment", [PA, TRANSPORT], ["community", "nutrition"], 12, 9, channel="socketio", checks=FAMILY),
    finished("direct_payment", [PA, TRANSPORT], ["community", "nutrition"], 15, 10, channel="socketio", checks=LOW_PAY),
    finished("direct_payment", [PA, TRANSPORT], ["community", "nutrition"], 20, 11, channel="sms", checks=LOW_PAY),
    finished("direct_payment", [PA, TRANSPORT], ["community", "nutrition"], 25, 12, channel="sms", checks=LOW_PAY),
    finished(
        "direct_payment",
        [PA, TRANSPORT],
        ["community", "nutrition", "toileting"],
        30,
        13,
        status="agreed",
        channel="sms",
        checks=LOW_PAY,
    ),
    finished(
        "payment_card", [ACTIVITIES], ["community"], 35, 14, status="agreed", channel="sms", planned_by="supporter"
    ),
    finished("payment_card", [ACTIVITIES], ["community"], 40, 15, status="agreed", channel="sms"),
    finished("payment_card", [ACTIVITIES], ["community"], 45, 16, status="agreed", channel="sms", planned_by="adviser"),
    finished("payment_card", [ACTIVITIES], ["community"], 50, 17, status="agreed", planned_by="adviser"),
    finished("payment_card", [ACTIVITIES], ["community"], 60, 18, planned_by="adviser"),
    finished("council_managed", [HOME_CARE], ["community"], 90, 30, planned_by="adviser"),
    finished("council_managed", [HOME_CARE], ["community"], 120, None),  # its conversations were purged
]
#: 5 drafts: their services and outcomes are not counted as planned spend
DRAFT_PLANS = [
    PlanSpec(
        "draft", "mixed", services=[PA], domains=["dressing"], turns=3, stopped_at=stop, planned_by=by, checks=LOW_PAY
    )
    for stop, by in (
        ("outcomes", "self"),
        ("outcomes", "supporter"),
        ("management", "self"),
        ("management", "self"),
        ("management", "supporter"),
    )
]
#: just outside March (a second before, and the first moment after), and just inside at the end
EDGE_PLANS = [
    finished(
        "mixed",
        [("equipment", 50000)],
        ["relationships"],
        5,
        None,
        created_at=datetime(2026, 2, 28, 23, 59, 59, tzinfo=timezone.utc),
        checks=("care_home",),
    ),
    finished(
        "mixed",
        [("equipment", 50000)],
        ["relationships"],
        5,
        None,
        created_at=datetime(2026, 4, 1, tzinfo=timezone.utc),
    ),
    PlanSpec("draft", created_at=datetime(2026, 3, 31, 23, 59, 59, tzinfo=timezone.utc), channel="sms"),
]


def _add_plan(session, number: int, spec: PlanSpec, created: datetime) -> Plan:  # type: ignore[no-untyped-def]
    person = Person(
        reference=f"PB-9{number:05d}",
        reference_key=f"PB9{number:05d}",
        given_name="Ayesha",
        family_name="Khan",
        date_of_birth=date(1950, 1, number % 28 + 1),
        postcode="LS1 1AA",
    )
    submitted = created + timedelta(minutes=spec.minutes_to_submit) if spec.minutes_to_submit is not None else None
    plan = Plan(
        plan_reference=f"SP-T{number:07d}",
        person=person,
        status=spec.status,
        planned_by=spec.planned_by,
        channel=spec.channel,
        conversation_id=f"web-{number}",
        budget_amount_pence=30000,
        budget_period="week",
        important_to_me="church",
        management=spec.management,
        contingency="call my sister",
        flags=[],
        checks=[{"code": code, "service_id": 1, "message": "A rule to check."} for code in spec.checks],
        created_at=created,
        updated_at=created,
        submitted_at=submitted,
    )
    plan.outcomes = [Outcome(position=i, text="church on Sundays", domain=d) for i, d in enumerate(spec.domains, 1)]
    plan.services = [
        Service(position=i, category=c, description="my own words", weekly_cost_pence=pence)
        for i, (c, pence) in enumerate(spec.services, 1)
    ]
    session.add(plan)
    return plan


def _chats(number: int, spec: PlanSpec, reference: str, created: datetime, submitted: Optional[datetime]) -> List[Chat]:
    """The plan's conversations: hello and identity before the plan starts, `turns` messages from
    its start to its submission (the last one exactly at submission), one 'thanks' after."""
    if spec.turns is None:
        return []
    start = created.timestamp()
    first = (
        Chat(f"web-{number}").user(start - 300).through(["identity"], start - 290).user(start - 200).user(start - 100)
    )
    first.slot("verified", True, start - 1).slot("plan_reference", reference, start)
    if spec.status == "draft":
        sections = SECTIONS[: SECTIONS.index(spec.stopped_at) + 1]
        return [first.through(sections, start + 1).user(start + 2)]
    end = submitted.timestamp()

    def turn(n: int) -> float:  # the n-th of `turns` messages, evenly spread, the last exactly at submission
        return start + (end - start) * n / spec.turns

    if number == 0:  # paused after choosing services, finished in a second conversation over SMS
        second = Chat(f"sms-{number}").user(start + 2).through(["identity"], start + 3).user(start + 4)
        second.slot("plan_reference", reference, start + 5).through(SECTIONS[3:], start + 6)
        for n in range(4, spec.turns + 1):
            second.user(turn(n))
        return [first.through(SECTIONS[:3], start + 1).user(start + 1.5), second.user(end + 60)]
    first.through(SECTIONS, start + 1)
    for n in range(1, spec.turns + 1):
        first.user(turn(n))
    return [first.user(end + 60)]


def _other_chats() -> List[Chat]:
    """Conversations with no plan: 2 said hello only, 6 stopped at identity (one got locked out),
    one has no message from the person, and one began in February."""
    march = START.timestamp()
    hello = [Chat(f"web-hello-{n}").user(march + n) for n in range(2)]
    identity = [
        Chat(f"web-identity-{n}").user(march + n).through(["identity"], march + n + 1).user(march + n + 2)
        for n in range(6)
    ]
    identity[0].slot("current_section", "locked", march + 50)
    silent = Chat("web-silent").slot("current_section", "identity", march)
    february = Chat("web-february").user(datetime(2026, 2, 20, 12, tzinfo=timezone.utc).timestamp())
    return hello + identity + [silent, february.through(["identity"], march - 9 * 86400)]


def build_known_data(database: str) -> None:
    chats = _other_chats()
    with session_scope() as session:
        specs = FINISHED_PLANS + DRAFT_PLANS + EDGE_PLANS
        for number, spec in enumerate(specs):
            created = spec.created_at or START + timedelta(days=number, hours=number % 5)
            plan = _add_plan(session, number, spec, created)
            chats += _chats(number, spec, plan.plan_reference, created, plan.submitted_at)
    # Rasa's own SQL tracker store writes the events, on a thread of its own so that the loop of
    # an async test (or Playwright's) is left alone
    with ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(asyncio.run, _save(tracker_store(database), chats)).result()


async def _save(store: SQLTrackerStore, chats: List[Chat]) -> None:
    for chat in chats:
        await store.save(DialogueStateTracker.from_events(chat.sender_id, chat.events))
