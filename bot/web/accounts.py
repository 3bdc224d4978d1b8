"""Adviser logins: creating them, checking a password (and a TOTP code when the login has one)
with a lockout after repeated failures, and the administrator's actions (enrol for TOTP, disable,
reset the password, enable again), each but the last ending the login's console sessions.

Passwords are hashed with Argon2id (argon2-cffi); nothing else about a password is kept. After
MAX_FAILURES wrong passwords or codes in a row a login is locked for LOCKOUT; while it is locked
even the right password is refused. Every refusal checks one password hash (a dummy one for an
unknown email), so a locked login, a wrong password and an unknown email take about as long, and
the sign-in page gives all three the same answer. Managers must have TOTP to sign in.

Blocking (SQLAlchemy, Argon2): call from a thread in async code."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from bot.db.models import Adviser, AdviserSession, AuditLog, utcnow
from bot.db.session import session_scope
from bot.web import totp

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 12
ROLES = ("adviser", "manager")
#: roles that must use a TOTP code as well as the password
ROLES_NEEDING_TOTP = ("manager",)

_hasher = PasswordHasher()
#: verified against when the email is unknown, so both answers take the same time: the hash of "not a
#: real password, only for timing" with _hasher's parameters, written out so that importing this module
#: (every `supportplan` command does) does not spend a quarter of a second hashing; a test checks that
#: it still has the parameters _hasher uses (tests/web/test_accounts.py)
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$Why9LpCboqofhRo9yb+IPA$C0slABRbJxvybzEmDghqhJXtBCC7MYTdDV9ZQAZbwr0"


class AccountError(ValueError):
    """A login could not be made or changed; the message says why in plain words."""


class UnknownAdviser(AccountError):
    """There is no login with that email address."""


@dataclass(frozen=True)
class AdviserView:
    id: int
    email: str
    role: str


@dataclass(frozen=True)
class LoginResult:
    """`adviser` is set when the password is right; with `needs_code` the sign-in still waits for
    the TOTP code (check_code). Without `adviser`, the flags say why (the sign-in page shows
    `locked` and a wrong password alike)."""

    adviser: Optional[AdviserView]
    locked: bool = False
    needs_code: bool = False
    disabled: bool = False
    #: a manager's login that has no TOTP yet
    needs_enrolment: bool = False


@dataclass(frozen=True)
class CodeResult:
    adviser: Optional[AdviserView]
    locked: bool = False


@dataclass(frozen=True)
class Enrolment:
    """Shown once, to add the login to an authenticator app."""

    secret: str
    uri: str


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _view(adviser: Adviser) -> AdviserView:
    return AdviserView(adviser.id, adviser.email, adviser.role)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"The password must be at least {MIN_PASSWORD_LENGTH} characters long.")


def create_adviser(email: str, password: str, role: str = "adviser") -> AdviserView:
    """A new login, or AccountError (bad email, short password, unknown role, email in use)."""
    email = normalise_email(email)
    if "@" not in email or len(email) > 254 or any(c.isspace() for c in email):
        raise AccountError("That does not look like an email address.")
    _check_password(password)
    if role not in ROLES:
        raise AccountError(f"The role must be one of: {', '.join(ROLES)}.")
    with session_scope() as session:
        if session.execute(select(Adviser.id).where(Adviser.email == email)).first():
            raise AccountError("There is already a login with that email address.")
        adviser = Adviser(email=email, password_hash=_hasher.hash(password), role=role, failed_logins=0)
        session.add(adviser)
        session.flush()
        session.add(
            AuditLog(actor="cli", action="adviser-created", subject="", detail=f"adviser:{adviser.id} role {role}")
        )
        return _view(adviser)


# --- signing in ------------------------------------------------------------------------------


def _locked(adviser: Adviser, now: datetime) -> bool:
    return adviser.locked_until is not None and adviser.locked_until > now


def _refuse(session: Session, adviser: Adviser, now: datetime, action: str) -> bool:
    """Count a failure (locking the login at MAX_FAILURES) with an audit line; True when locked."""
    adviser.failed_logins += 1
    if adviser.failed_logins >= MAX_FAILURES:
        adviser.locked_until, adviser.failed_logins = now + LOCKOUT, 0
    locked = _locked(adviser, now)
    session.add(AuditLog(actor=f"adviser:{adviser.id}", action="login-locked" if locked else action))
    return locked


def _signed_in(session: Session, adviser: Adviser, now: datetime) -> AdviserView:
    adviser.failed_logins, adviser.locked_until, adviser.last_login_at = 0, None, now
    session.add(AuditLog(actor=f"adviser:{adviser.id}", action="login"))
    return _view(adviser)


def authenticate(email: str, password: str, now: Optional[datetime] = None) -> LoginResult:
    """Check the password. A wrong one counts towards the lockout; an unknown email, a locked and
    a disabled login are refused after the same hash check as a wrong password."""
    now = now or utcnow()
    with session_scope() as session:
        adviser = session.execute(select(Adviser).where(Adviser.email == normalise_email(email))).scalar_one_or_none()
        if adviser is None:
            _verify(_DUMMY_HASH, password)
            return LoginResult(None)
        right = _verify(adviser.password_hash, password)
        if _locked(adviser, now):
            return LoginResult(None, locked=True)
        if not right:
            return LoginResult(None, locked=_refuse(session, adviser, now, "login-failed"))
        if _hasher.check_needs_rehash(adviser.password_hash):
            adviser.password_hash = _hasher.hash(password)
        if adviser.disabled_at is not None:
            session.add(AuditLog(actor=f"adviser:{adviser.id}", action="login-disabled"))
            return LoginResult(None, disabled=True)
        if adviser.totp_secret:
            return LoginResult(_view(adviser), needs_code=True)  # the lockout count waits for the code
        if adviser.role in ROLES_NEEDING_TOTP:
            session.add(AuditLog(actor=f"adviser:{adviser.id}", action="login-needs-totp"))
            return LoginResult(None, needs_enrolment=True)
        return LoginResult(_signed_in(session, adviser, now))


def check_code(adviser_id: int, code: str, secret_key: str, now: Optional[datetime] = None) -> CodeResult:
    """The second step: the login's TOTP code, accepted once. A wrong (or reused) code counts
    towards the lockout like a wrong password."""
    now = now or utcnow()
    with session_scope() as session:
        adviser = session.get(Adviser, adviser_id)
        if adviser is None or adviser.disabled_at is not None or not adviser.totp_secret:
            return CodeResult(None)
        if _locked(adviser, now):
            return CodeResult(None, locked=True)
        secret = totp.decrypt(secret_key, adviser.totp_secret)
        step = totp.matching_step(secret, code, now) if secret else None
        if step is None or not _claim_step(session, adviser.id, step):
            return CodeResult(None, locked=_refuse(session, adviser, now, "login-code-failed"))
        return CodeResult(_signed_in(session, adviser, now))


def _claim_step(session: Session, adviser_id: int, step: int) -> bool:
    """Record `step` as used, only if it is later than the last one used (atomic, so two requests
    with the same code cannot both succeed)."""
    claimed = session.execute(
        update(Adviser)
        .where(Adviser.id == adviser_id, or_(Adviser.totp_last_step.is_(None), Adviser.totp_last_step < step))
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    return claimed.rowcount == 1


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# --- the administrator's actions (supportplan adviser …) -------------------------------------


def _find(session: Session, email: str) -> Adviser:
    adviser = session.execute(select(Adviser).where(Adviser.email == normalise_email(email))).scalar_one_or_none()
    if adviser is None:
        raise UnknownAdviser(f"There is no login for {normalise_email(email)}.")
    return adviser


def revoke_sessions(session: Session, adviser_id: int, now: datetime) -> None:
    """End every console session of the login."""
    session.execute(
        update(AdviserSession)
        .where(AdviserSession.adviser_id == adviser_id, AdviserSession.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )


def _changed(session: Session, adviser: Adviser, action: str) -> None:
    revoke_sessions(session, adviser.id, utcnow())
    session.add(AuditLog(actor="cli", action=action, detail=f"adviser:{adviser.id}"))


def enrol_totp(email: str, secret_key: str) -> Enrolment:
    """Give the login a new TOTP secret (replacing any old one) and end its sessions."""
    secret = totp.new_secret()
    with session_scope() as session:
        adviser = _find(session, email)
        adviser.totp_secret, adviser.totp_last_step = totp.encrypt(secret_key, secret), None
        _changed(session, adviser, "adviser-totp-enrolled")
        return Enrolment(secret, totp.provisioning_uri(secret, adviser.email))


def disable_adviser(email: str) -> AdviserView:
    """Turn the login off: it cannot sign in, and its sessions end now."""
    with session_scope() as session:
        adviser = _find(session, email)
        adviser.disabled_at = adviser.disabled_at or utcnow()
        _changed(session, adviser, "adviser-disabled")
        return _view(adviser)


def enable_adviser(email: str) -> AdviserView:
    """Turn a disabled login back on (it signs in afresh; no old session comes back)."""
    with session_scope() as session:
        adviser = _find(session, email)
        adviser.disabled_at = None
        session.add(AuditLog(actor="cli", action="adviser-enabled", detail=f"adviser:{adviser.id}"))
        return _view(adviser)


def reset_password(email: str, password: str) -> AdviserView:
    """A new password (which also lifts a lockout); the login's sessions end now."""
    _check_password(password)
    with session_scope() as session:
        adviser = _find(session, email)
        adviser.password_hash, adviser.failed_logins, adviser.locked_until = _hasher.hash(password), 0, None
        _changed(session, adviser, "adviser-password-reset")
        return _view(adviser)
