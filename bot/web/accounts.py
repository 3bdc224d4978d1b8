"""Adviser logins: creating them, and checking a password with a lockout after repeated failures.

Passwords are hashed with Argon2id (argon2-cffi); nothing else about a password is kept. After
MAX_FAILURES wrong passwords in a row a login is locked for LOCKOUT; while it is locked even the
right password is refused, and the answer does not say which part was wrong."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from bot.db.models import Adviser, AuditLog, utcnow
from bot.db.session import session_scope

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 12
ROLES = ("adviser", "manager")

_hasher = PasswordHasher()
#: verified against when the email is unknown, so both answers take the same time
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")


class AccountError(ValueError):
    """A login could not be created; the message says why in plain words."""


@dataclass(frozen=True)
class AdviserView:
    id: int
    email: str
    role: str


@dataclass(frozen=True)
class LoginResult:
    adviser: Optional[AdviserView]
    locked: bool = False


def normalise_email(email: str) -> str:
    return email.strip().lower()


def create_adviser(email: str, password: str, role: str = "adviser") -> AdviserView:
    """A new login, or AccountError (bad email, short password, unknown role, email in use)."""
    email = normalise_email(email)
    if "@" not in email or len(email) > 254 or any(c.isspace() for c in email):
        raise AccountError("That does not look like an email address.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"The password must be at least {MIN_PASSWORD_LENGTH} characters long.")
    if role not in ROLES:
        raise AccountError(f"The role must be one of: {', '.join(ROLES)}.")
    with session_scope() as session:
        if session.execute(select(Adviser.id).where(Adviser.email == email)).first():
            raise AccountError("There is already a login with that email address.")
        adviser = Adviser(email=email, password_hash=_hasher.hash(password), role=role, failed_logins=0)
        session.add(adviser)
        session.flush()
        session.add(AuditLog(actor="cli", action="adviser-created", subject="", detail=f"adviser:{adviser.id} role {role}"))
        return AdviserView(adviser.id, adviser.email, adviser.role)


def _refuse(adviser: Adviser, now: datetime) -> None:
    adviser.failed_logins += 1
    if adviser.failed_logins >= MAX_FAILURES:
        adviser.locked_until, adviser.failed_logins = now + LOCKOUT, 0


def authenticate(email: str, password: str, now: Optional[datetime] = None) -> LoginResult:
    """The adviser when the password is right and the login is not locked. A wrong password
    counts towards the lockout; an unknown email gives the same answer as a wrong password."""
    now = now or utcnow()
    with session_scope() as session:
        adviser = session.execute(select(Adviser).where(Adviser.email == normalise_email(email))).scalar_one_or_none()
        if adviser is None:
            _verify(_DUMMY_HASH, password)
            return LoginResult(None)
        if adviser.locked_until is not None and adviser.locked_until > now:
            return LoginResult(None, locked=True)
        if not _verify(adviser.password_hash, password):
            _refuse(adviser, now)
            locked = adviser.locked_until is not None and adviser.locked_until > now
            session.add(AuditLog(actor=f"adviser:{adviser.id}", action="login-locked" if locked else "login-failed"))
            return LoginResult(None, locked=locked)
        if _hasher.check_needs_rehash(adviser.password_hash):
            adviser.password_hash = _hasher.hash(password)
        adviser.failed_logins, adviser.locked_until, adviser.last_login_at = 0, None, now
        session.add(AuditLog(actor=f"adviser:{adviser.id}", action="login"))
        return LoginResult(AdviserView(adviser.id, adviser.email, adviser.role))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def get_adviser(adviser_id: int) -> Optional[AdviserView]:
    with session_scope() as session:
        adviser = session.get(Adviser, adviser_id)
        return AdviserView(adviser.id, adviser.email, adviser.role) if adviser else None
