"""What the adviser console lists: plans by status, a search by plan or person reference, and
the queue of conversations that need a person (flags handoff_requested or safeguarding).
Blocking (SQLAlchemy): call from a thread in async code."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import List, Optional, Tuple

from sqlalchemy import func, or_, select

from bot.db.models import AuditLog, Person, Plan, utcnow
from bot.db.session import session_scope
from bot.identity import normalise_reference
from bot.plans.catalogue import FLAGS
from bot.plans.service import REOPENED

#: the console's lists of plans by status, sent plans first (tests/test_catalogue.py: the catalogue's statuses)
STATUSES = ("submitted", "draft", "agreed")
QUEUE_FLAGS = FLAGS.where(lambda flag: flag.needs_a_person)
#: rows per list on one page
PAGE_SIZE = 100
#: an adviser watching a plan's live view leaves an audit line at least this often
LIVE_AUDIT_INTERVAL = timedelta(minutes=5)
VIEW_ACTIONS = ("plan-viewed", "plan-viewed-live")


@dataclass(frozen=True)
class PlanRow:
    plan_reference: str
    person_reference: str
    status: str
    channel: str
    flags: Tuple[str, ...]
    updated_at: datetime
    submitted_at: Optional[datetime]
    #: the codes of the direct-payment checks raised (bot/plans/checks.py), once each
    checks: Tuple[str, ...] = ()


def _row(plan: Plan, person: Person) -> PlanRow:
    return PlanRow(
        plan.plan_reference,
        person.reference,
        plan.status,
        plan.channel,
        tuple(plan.flags or ()),
        plan.updated_at,
        plan.submitted_at,
        tuple(dict.fromkeys(check["code"] for check in plan.checks or ())),
    )


def _plans(*conditions: object, limit: int = PAGE_SIZE) -> List[PlanRow]:
    query = select(Plan, Person).join(Person, Plan.person_id == Person.id)
    query = query.where(*conditions).order_by(Plan.updated_at.desc(), Plan.id.desc()).limit(limit)
    with session_scope() as session:
        return [_row(plan, person) for plan, person in session.execute(query)]


def plans_with_status(status: str) -> List[PlanRow]:
    """The newest-changed plans with this status first."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    return _plans(Plan.status == status)


def search(reference: str) -> List[PlanRow]:
    """Plans whose plan reference or person reference matches what was typed (any case, with or
    without the dash or spaces)."""
    key = normalise_reference(reference)
    if not key:
        return []
    plan_key = key[2:] if key.startswith("SP") else key
    return _plans(or_(Plan.plan_reference == f"SP-{plan_key}", Person.reference_key == key))


def queue() -> List[PlanRow]:
    """Plans flagged for a person (asked to talk to someone, or a safeguarding concern), newest
    first. Flags are a JSON list, filtered here so it works the same on SQLite and PostgreSQL."""
    rows = [row for row in _plans(limit=10_000) if set(row.flags) & set(QUEUE_FLAGS)]
    return rows[:PAGE_SIZE]


def conversation_id_of(plan_reference: str) -> Optional[str]:
    """The Rasa conversation the plan was last worked on in (None for an unknown plan)."""
    with session_scope() as session:
        return session.execute(
            select(Plan.conversation_id).where(Plan.plan_reference == plan_reference)
        ).scalar_one_or_none()


def reopened_at(plan_reference: str) -> Optional[datetime]:
    """When the plan was last opened from a conversation other than the one it was in (a check of
    who the person is from another chat or by text), or None."""
    with session_scope() as session:
        return session.execute(
            select(func.max(AuditLog.at)).where(AuditLog.subject == plan_reference, AuditLog.action == REOPENED)
        ).scalar_one_or_none()


def record_view(adviser_id: int, plan_reference: str, action: str = "plan-viewed") -> None:
    """An audit line for an adviser looking at a person's plan (no personal data)."""
    with session_scope() as session:
        session.add(AuditLog(actor=f"adviser:{adviser_id}", action=action, subject=plan_reference, detail=""))


def record_live_view(adviser_id: int, plan_reference: str, now: Optional[datetime] = None) -> None:
    """An audit line for the live view (the plan and conversation as they change), unless this
    adviser already has a line for viewing this plan within LIVE_AUDIT_INTERVAL, so watching a plan
    is recorded every few minutes rather than on each of the page's 5-second updates."""
    now = now or utcnow()
    actor = f"adviser:{adviser_id}"
    with session_scope() as session:
        recent = session.execute(
            select(AuditLog.id)
            .where(
                AuditLog.actor == actor,
                AuditLog.subject == plan_reference,
                AuditLog.action.in_(VIEW_ACTIONS),
                AuditLog.at > now - LIVE_AUDIT_INTERVAL,
            )
            .limit(1)
        ).first()
        if recent is None:
            session.add(AuditLog(actor=actor, action="plan-viewed-live", subject=plan_reference, detail="", at=now))
