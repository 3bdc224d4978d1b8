"""Checking a person's identity against the council's records: reference and date of birth."""
from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Optional

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.config import get_settings
from bot.db.models import IdentityLock, Person, utcnow
from bot.db.session import session_scope
from bot.secret_keys import IDENTITY_LOCKS, derived_key

#: failed checks against one reference, within LOCK_WINDOW, that lock it for LOCK_WINDOW
MAX_FAILURES = 3
LOCK_WINDOW = timedelta(minutes=15)


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
    """The outcome of a check: the person when it matched; `locked` when the reference is locked
    (then nothing was checked, and the answer is the same whether or not the reference exists)."""

    person: Optional[VerifiedPerson]
    locked: bool = False


def reference_hash(reference: str) -> str:
    """The keyed hash that stands for a typed reference in the identity_locks table."""
    key = derived_key(get_settings().secret_key, IDENTITY_LOCKS)
    return hmac.new(key, normalise_reference(reference).encode(), hashlib.sha256).hexdigest()


def check_identity(reference: str, date_of_birth: date, now: Optional[datetime] = None) -> IdentityCheck:
    """verify_identity with a lock per reference: MAX_FAILURES failed checks within LOCK_WINDOW,
    from any conversations, lock the reference for LOCK_WINDOW."""
    try:
        return _check_identity(reference, date_of_birth, now or utcnow())
    except IntegrityError:  # another conversation recorded the reference's first failure at the same moment
        return _check_identity(reference, date_of_birth, now or utcnow())


def _check_identity(reference: str, date_of_birth: date, now: datetime) -> IdentityCheck:
    key = reference_hash(reference)
    with session_scope() as session:
        lock = session.execute(select(IdentityLock).where(IdentityLock.reference_hash == key).with_for_update()).scalar_one_or_none()
        if lock is not None and lock.locked_until is not None and lock.locked_until > now:
            return IdentityCheck(None, locked=True)
        person = _verified(session, reference, date_of_birth)
        if person is not None:
            if lock is not None:
                session.delete(lock)
            return IdentityCheck(person)
        if lock is None:
            lock = IdentityLock(reference_hash=key, failures=0, first_failure_at=now)
            session.add(lock)
        elif lock.first_failure_at <= now - LOCK_WINDOW:
            lock.failures, lock.first_failure_at, lock.locked_until = 0, now, None
        lock.failures += 1
        if lock.failures >= MAX_FAILURES:
            lock.locked_until = now + LOCK_WINDOW
        return IdentityCheck(None, locked=lock.locked_until is not None)
