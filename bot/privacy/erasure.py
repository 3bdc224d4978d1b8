"""`supportplan purge` and `supportplan forget` (DESIGN §2): delete conversations and plans,
and write one audit line that holds counts only, never personal data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import delete, select

from bot.db.models import AuditLog, IdentityLock, Plan, Review, WebSession, utcnow
from bot.db.session import session_scope
from bot.identity import IDENTITY_RECORD_DAYS, find_person, prune_identity_locks, reference_hash
from bot.privacy.conversations import conversations_idle_since, conversations_of, delete_conversations


@dataclass(frozen=True)
class Erased:
    conversations: int
    plans: int
    reviews: int = 0


def purge(older_than_days: int, now: Optional[datetime] = None, actor: str = "cli") -> Erased:
    """Deletes conversations idle for more than `older_than_days`, and draft plans not changed in
    that time. Submitted and agreed plans are the council's record and are kept. Failed identity
    check records go after IDENTITY_RECORD_DAYS at most (never while their lock is in force)."""
    if older_than_days < 0:
        raise ValueError("older_than_days must not be negative")
    now = now or utcnow()
    cutoff = now - timedelta(days=older_than_days)
    identity_records = prune_identity_locks(now - timedelta(days=min(older_than_days, IDENTITY_RECORD_DAYS)), now)
    conversations = delete_conversations(conversations_idle_since(cutoff.timestamp()))
    with session_scope() as session:
        stale = session.execute(select(Plan).where(Plan.status == "draft", Plan.updated_at < cutoff)).scalars().all()
        for plan in stale:
            session.delete(plan)
        session.add(
            AuditLog(
                actor=actor,
                action="purge",
                detail=f"{conversations} conversations and {len(stale)} draft plans older than {older_than_days} days deleted"
                f", and {identity_records} identity check records",
            )
        )
    return Erased(conversations, len(stale))


def forget(person_reference: str, actor: str = "cli") -> Optional[Erased]:
    """Erases a person's plans (with their outcomes and services, every version) and the reviews of
    them (with their answers), every conversation in which
    they gave their reference or worked on a plan (and the chat page's hold on it), and their
    identity lockout. The person's
    budget record is the council's and stays. None when no person has that reference."""
    with session_scope() as session:
        person = find_person(session, person_reference)
        if person is None:
            return None
        plans = session.execute(select(Plan).where(Plan.person_id == person.id)).scalars().all()
        sender_ids = {plan.conversation_id for plan in plans if plan.conversation_id}
        reference = person.reference
    sender_ids |= conversations_of(reference)
    conversations = delete_conversations(sender_ids)
    with session_scope() as session:
        person = find_person(session, reference)
        plans = session.execute(select(Plan).where(Plan.person_id == person.id)).scalars().all() if person else []
        reviews = session.execute(delete(Review).where(Review.plan_id.in_([plan.id for plan in plans]))).rowcount
        for plan in plans:
            session.delete(plan)
        session.execute(delete(IdentityLock).where(IdentityLock.reference_hash == reference_hash(reference)))
        session.execute(delete(WebSession).where(WebSession.conversation_id.in_(sender_ids)))  # browsers let go too
        session.add(
            AuditLog(
                actor=actor,
                action="forget",
                detail=f"right to erasure: {len(plans)} plans, {reviews} reviews and {conversations} conversations deleted",
            )
        )
    return Erased(conversations, len(plans), reviews)
