"""`supportplan purge` and `supportplan forget` against conversations saved by Rasa's own SQL
tracker store and plans made by the plan service, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import subprocess
import time
from datetime import date, timedelta
from decimal import Decimal
from typing import List

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import select

from bot.budgets.source import BudgetFigures
from bot.db.models import AuditLog, IdentityLock, Outcome, Person, Plan, utcnow
from bot.db.session import session_scope
from bot.identity import check_identity
from bot.plans import service
from bot.plans.service import latest_plan
from bot.privacy.erasure import forget, purge
from tests.support.cli import supportplan, supportplan_process
from tests.support.conversations import tracker_store

BUDGET = BudgetFigures.of(Decimal("250"), "week")
DAY = 24 * 3600


def conversation(sender_id: str, reference: str, at: float) -> DialogueStateTracker:
    """A short conversation in which `reference` is given, every event stamped `at`."""
    events = [
        ActionExecuted("action_listen", timestamp=at),
        UserUttered("it's " + reference, timestamp=at),
        SlotSet("person_reference", reference, timestamp=at),
        BotUttered("What is your date of birth?", timestamp=at),
    ]
    return DialogueStateTracker.from_events(sender_id, events)


@pytest.fixture
def store(database: str) -> SQLTrackerStore:
    return tracker_store(database)


def save(store: SQLTrackerStore, *trackers: DialogueStateTracker) -> None:
    for tracker in trackers:
        asyncio.run(store.save(tracker))


def stored(store: SQLTrackerStore, sender_id: str) -> bool:
    return asyncio.run(store.retrieve(sender_id)) is not None


def audit_lines(action: str) -> List[AuditLog]:
    with session_scope() as session:
        return session.execute(select(AuditLog).where(AuditLog.action == action)).scalars().all()


def test_forget_erases_plans_conversations_and_lockout_but_keeps_the_budget(
    store: SQLTrackerStore, demo_person: str
) -> None:
    now = time.time()
    plan = service.open_plan(demo_person, "self", "rest", "web-first", BUDGET)
    service.add_outcome(plan.plan_reference, "get to church on Sundays")
    service.open_plan(demo_person, "self", "rest", "web-second", BUDGET)  # resumed in a new conversation
    save(
        store,
        conversation("web-first", "pb 100234", now),
        conversation("web-second", demo_person, now),
        conversation("web-someone-else", "PB-100235", now),
    )
    assert check_identity(demo_person, date(1900, 1, 1)).person is None  # a failed check: a lockout row

    erased = forget("PB100234")

    assert erased is not None and erased.plans == 1 and erased.conversations == 2
    assert latest_plan(demo_person) is None
    assert not stored(store, "web-first") and not stored(store, "web-second")
    assert stored(store, "web-someone-else")
    with session_scope() as session:
        assert session.execute(select(Outcome)).first() is None
        assert session.execute(select(IdentityLock)).first() is None
        person = session.execute(select(Person).where(Person.reference == demo_person)).scalar_one()
        assert person.budget is not None
    [line] = audit_lines("forget")
    assert (
        demo_person not in f"{line.subject} {line.detail}" and "Sam" not in line.detail and "Taylor" not in line.detail
    )


def test_forget_an_unknown_reference_changes_nothing(store: SQLTrackerStore, demo_person: str) -> None:
    service.open_plan(demo_person, "self", "rest", "web-first", BUDGET)
    assert forget("ZZ-999999") is None
    assert latest_plan(demo_person) is not None
    assert audit_lines("forget") == []


def test_purge_deletes_old_conversations_and_old_drafts_only(store: SQLTrackerStore, demo_person: str) -> None:
    now = time.time()
    save(store, conversation("old", demo_person, now - 40 * DAY), conversation("recent", demo_person, now - 2 * DAY))
    old_draft = service.open_plan(demo_person, "self", "rest", "old", BUDGET)
    submitted = service.open_plan("PB-100235", "self", "rest", "old", BUDGET)
    service.add_outcome(old_draft.plan_reference, "see my friends")
    with session_scope() as session:
        for plan in session.execute(select(Plan)).scalars():
            plan.updated_at = utcnow() - timedelta(days=40)
            if plan.plan_reference == submitted.plan_reference:
                plan.status, plan.submitted_at = "submitted", plan.updated_at
    fresh = service.open_plan("PB-100236", "self", "rest", "recent", BUDGET)

    erased = purge(30)

    assert (erased.conversations, erased.plans) == (1, 1)
    assert not stored(store, "old") and stored(store, "recent")
    with session_scope() as session:
        left = set(session.execute(select(Plan.plan_reference)).scalars())
    assert left == {submitted.plan_reference, fresh.plan_reference}
    [line] = audit_lines("purge")
    assert "1 conversations and 1 draft plans" in line.detail


def test_purge_with_nothing_stored_yet(database: str) -> None:
    assert purge(0) == purge(0)  # no events table: nothing to delete, no error


def test_purge_refuses_negative_days(database: str) -> None:
    with pytest.raises(ValueError):
        purge(-1)


def test_the_commands(store: SQLTrackerStore, demo_person: str, database: str) -> None:
    service.open_plan(demo_person, "self", "rest", "web-first", BUDGET)
    save(store, conversation("web-first", demo_person, time.time()))

    def run(*args: str) -> subprocess.CompletedProcess:
        return supportplan("--database", database, *args)

    purged = run("purge", "--older-than", "30")
    assert purged.returncode == 0 and "Deleted 0 conversations and 0 draft plans older than 30 days" in purged.stdout
    forgotten = supportplan_process("--database", database, "forget", demo_person)  # the console script itself
    assert forgotten.returncode == 0 and "Erased 1 plans and 1 conversations" in forgotten.stdout
    assert demo_person not in forgotten.stdout
    unknown = run("forget", "ZZ-1")
    assert unknown.returncode == 1 and "nobody with the reference" in unknown.stderr
    bad = run("purge", "--older-than", "soon")
    assert bad.returncode == 2 and "whole number of days" in bad.stderr
