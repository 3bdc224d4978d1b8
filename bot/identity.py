"""Checking a person's identity against the council's records: reference and date of birth."""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Dict, Iterable, List, Optional, Type

from sqlalchemy import and_, delete, func, not_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.config import get_settings
from bot.db.models import AuditLog, ClientLock, FailedChecks, IdentityCode, IdentityLock, Person, utcnow
from bot.db.session import session_scope
from bot.secret_keys import IDENTITY_LOCKS, derived_key

#: failed checks against one reference, within FAILURE_WINDOW, that lock it
MAX_FAILURES = 3
#: failed checks from one client (web address or phone), across any references, that lock it
CLIENT_MAX_FAILURES = 10
FAILURE_WINDOW = timedelta(minutes=15)
#: the first lock, then the second, then every later one (until a success or an adviser)
LOCK_STEPS = (timedelta(minutes=15), timedelta(hours=1), timedelta(days=1))
#: the first (shortest) lock
LOCK_WINDOW = LOCK_STEPS[0]
#: the longest a failed-check record is kept after its last failure (`supportplan purge`)
IDENTITY_RECORD_DAYS = 30
LOCKED_ACTION = "identity-locked"
UNLOCKED_ACTION = "identity-unlocked"


@dataclass(frozen=True)
class VerifiedPerson:
    reference: str
    given_name: str
    family_name: str


def normalise_reference(text: str) -> str:
    """'pb-100 234' → 'PB100234': what people type, matched however they punctuate it."""
    return re.sub(r"[^A-Z0-9]", "", (text or "").upper())


def find_person(session: Session, reference: str) -> Optional[Person]:
    """The person whose reference matches however it was typed, within `session`."""
    key = normalise_reference(reference)
    if not key:
        return None
    return session.execute(select(Person).where(Person.reference_key == key)).scalar_one_or_none()


def reference_for_phone(phone: str) -> Optional[str]:
    """The reference of the one person whose phone is this E.164 number; None when nobody or
    more than one person has it (then the reference is asked for, as on the web)."""
    with session_scope() as session:
        found = session.execute(select(Person.reference).where(Person.phone == phone).limit(2)).scalars().all()
    return found[0] if len(found) == 1 else None


def verify_identity(reference: str, date_of_birth: date) -> Optional[VerifiedPerson]:
    """The person if both match; None otherwise, the same whether or not the reference exists."""
    with session_scope() as session:
        return _verified(session, reference, date_of_birth)


def _verified(session: Session, reference: str, date_of_birth: date) -> Optional[VerifiedPerson]:
    person = find_person(session, reference)
    if person is None or person.date_of_birth != date_of_birth:
        return None
    return VerifiedPerson(person.reference, person.given_name, person.family_name)


@dataclass(frozen=True)
class IdentityCheck:
    """The outcome of a check: the person when it matched; `locked_until` when the reference or
    the client is locked (then the answer is the same whether or not the reference exists)."""

    person: Optional[VerifiedPerson]
    locked_until: Optional[datetime] = None

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


def reference_hash(reference: str) -> str:
    """The keyed hash that stands for a typed reference in the identity_locks table."""
    key = derived_key(get_settings().secret_key, IDENTITY_LOCKS)
    return hmac.new(key, normalise_reference(reference).encode(), hashlib.sha256).hexdigest()


def check_identity(
    reference: str,
    date_of_birth: date,
    now: Optional[datetime] = None,
    client: Optional[str] = None,
    second_factor: bool = False,
) -> IdentityCheck:
    """verify_identity, unless the reference or the client (a channel's client key) is locked.
    MAX_FAILURES failed checks against a reference, or CLIENT_MAX_FAILURES from a client, within
    FAILURE_WINDOW lock it for the next of LOCK_STEPS. A success clears the reference's record
    (not the client's, so a person's own details cannot be used to keep guessing others').
    With `second_factor`, a match counts as a failure until `confirm_identity` (the code texted
    matched), so the codes texted to a person are limited like guesses."""
    try:
        return _check_identity(reference, date_of_birth, now or utcnow(), client, second_factor)
    except IntegrityError:  # another conversation recorded the same first failure at the same moment
        return _check_identity(reference, date_of_birth, now or utcnow(), client, second_factor)


def confirm_identity(reference: str) -> None:
    """The second factor matched: clear the reference's failed checks, as a success does."""
    with session_scope() as session:
        session.execute(delete(IdentityLock).where(IdentityLock.reference_hash == reference_hash(reference)))


def _check_identity(
    reference: str, date_of_birth: date, now: datetime, client: Optional[str], second_factor: bool
) -> IdentityCheck:
    key = reference_hash(reference)
    with session_scope() as session:
        by_reference = _record(session, IdentityLock, IdentityLock.reference_hash, key)
        by_client = _record(session, ClientLock, ClientLock.client_key, client) if client else None
        in_force = _locks_in_force((by_reference, by_client), now)
        if in_force:
            return IdentityCheck(None, locked_until=max(in_force))
        person = _verified(session, reference, date_of_birth)
        if person is not None and not second_factor:
            if by_reference is not None:
                session.delete(by_reference)
            return IdentityCheck(person)
        by_reference = by_reference or IdentityLock(reference_hash=key, **_first_failure(now))
        _fail(session, by_reference, MAX_FAILURES, now, f"reference {key[:16]}")
        if client:
            by_client = by_client or ClientLock(client_key=client, **_first_failure(now))
            _fail(session, by_client, CLIENT_MAX_FAILURES, now, f"client {client[:16]}")
        in_force = _locks_in_force((by_reference, by_client), now)
        if in_force:
            return IdentityCheck(None, locked_until=max(in_force))
        return IdentityCheck(person)


def _record(session: Session, model: Type[FailedChecks], column: Any, key: str) -> Optional[FailedChecks]:
    return session.execute(select(model).where(column == key).with_for_update()).scalar_one_or_none()


def _locks_in_force(records: Iterable[Optional[FailedChecks]], now: datetime) -> List[datetime]:
    """When each of `records`' locks in force ends."""
    return [r.locked_until for r in records if r is not None and r.locked_until is not None and r.locked_until > now]


def lock_length(lock_count: int) -> timedelta:
    """How long lock number `lock_count` (1, 2, …) lasts."""
    return LOCK_STEPS[min(lock_count, len(LOCK_STEPS)) - 1]


def _describe(length: timedelta) -> str:
    return {LOCK_STEPS[0]: "15 minutes", LOCK_STEPS[1]: "1 hour", LOCK_STEPS[2]: "1 day"}[length]


def _first_failure(now: datetime) -> Dict[str, Any]:
    """The columns of a new failed-check record, before its first failure is counted."""
    return {"failures": 0, "first_failure_at": now, "lock_count": 0}


def _fail(session: Session, record: FailedChecks, limit: int, now: datetime, label: str) -> None:
    """Counts one failed check on `record` (added when new), locking it at `limit`. Each lock
    writes an audit line with the hashed key and the counts only."""
    session.add(record)
    if record.first_failure_at <= now - FAILURE_WINDOW or record.locked_until is not None:
        record.failures, record.first_failure_at, record.locked_until = 0, now, None
    record.failures += 1
    record.last_failure_at = now
    if record.failures < limit:
        return
    record.lock_count += 1
    length = lock_length(record.lock_count)
    record.locked_until = now + length
    session.add(
        AuditLog(
            actor="system",
            action=LOCKED_ACTION,
            detail=f"{label}: {record.failures} failed checks, lock number {record.lock_count}, for {_describe(length)}",
        )
    )


def unlock_reference(reference: str, actor: str) -> bool:
    """An adviser clears a reference's failed checks and lock (and its escalation); audited.
    False when nothing was recorded for it."""
    key = reference_hash(reference)
    with session_scope() as session:
        cleared = session.execute(delete(IdentityLock).where(IdentityLock.reference_hash == key)).rowcount
        outcome = "cleared" if cleared else "nothing to clear"
        session.add(AuditLog(actor=actor, action=UNLOCKED_ACTION, detail=f"reference {key[:16]}: {outcome}"))
    return bool(cleared)


def locks_since(since: datetime) -> int:
    """How many identity locks (of references or clients) began since `since`."""
    with session_scope() as session:
        return session.execute(
            select(func.count()).select_from(AuditLog).where(AuditLog.action == LOCKED_ACTION, AuditLog.at >= since)
        ).scalar_one()


def prune_identity_locks(cutoff: datetime, now: Optional[datetime] = None) -> int:
    """Deletes the failed-check records last touched before `cutoff` that hold no lock in force,
    and the one-time codes (bot/second_factor.py) that are out of time."""
    now = now or utcnow()
    deleted = 0
    with session_scope() as session:
        for model in (IdentityLock, ClientLock):
            last = func.coalesce(model.last_failure_at, model.first_failure_at)
            in_force = and_(model.locked_until.is_not(None), model.locked_until > now)
            stale = delete(model).where(last < cutoff, not_(in_force)).execution_options(synchronize_session=False)
            deleted += session.execute(stale).rowcount
        deleted += session.execute(delete(IdentityCode).where(IdentityCode.expires_at <= now)).rowcount
    return deleted
