"""Console sessions kept on the server (the `adviser_sessions` table). The browser's cookie holds
only a random id (32 bytes); the table holds its SHA-256, so the table alone cannot be used to
sign in. A session ends when it is revoked (signing out, `supportplan adviser disable` or
`reset-password`), after IDLE without a request, or LONGEST after it began. A session that waits
for the TOTP code signs nobody in, and lasts CODE_WAIT.

Blocking (SQLAlchemy): call from a thread in async code."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import delete, or_, select

from bot.db.models import Adviser, AdviserSession, utcnow
from bot.db.session import session_scope
from bot.web.accounts import AdviserView

IDLE = timedelta(minutes=30)
LONGEST = timedelta(hours=8)
CODE_WAIT = timedelta(minutes=5)
#: last_seen_at is written at most this often, not on every request
TOUCH_EVERY = timedelta(seconds=30)
#: ended sessions are deleted this long after they were last used
KEEP_ENDED = timedelta(days=1)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(adviser_id: int, awaiting_code: bool = False, now: Optional[datetime] = None) -> str:
    """A new session; returns the id for the cookie. Sessions that ended a while ago are deleted."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    with session_scope() as session:
        session.execute(
            delete(AdviserSession).where(
                or_(
                    AdviserSession.last_seen_at < now - KEEP_ENDED,
                    AdviserSession.created_at < now - LONGEST - KEEP_ENDED,
                )
            )
        )
        session.add(
            AdviserSession(
                id_hash=_hash(token),
                adviser_id=adviser_id,
                awaiting_code=awaiting_code,
                created_at=now,
                last_seen_at=now,
            )
        )
    return token


def _live(row: Optional[AdviserSession], now: datetime) -> bool:
    return (
        row is not None and row.revoked_at is None and now - row.last_seen_at < IDLE and now - row.created_at < LONGEST
    )


def signed_in(token: str, touch: bool = True, now: Optional[datetime] = None) -> Optional[AdviserView]:
    """The adviser whose live session this is (not one waiting for a code, nor a disabled login).
    `touch`: this request counts as activity (the live view's own updates do not)."""
    now = now or utcnow()
    with session_scope() as session:
        found = session.execute(
            select(AdviserSession, Adviser)
            .join(Adviser, Adviser.id == AdviserSession.adviser_id)
            .where(
                AdviserSession.id_hash == _hash(token),
                AdviserSession.awaiting_code.is_(False),
                Adviser.disabled_at.is_(None),
            )
        ).first()
        if found is None or not _live(found[0], now):
            return None
        row, adviser = found
        if touch and now - row.last_seen_at >= TOUCH_EVERY:
            row.last_seen_at = now
        return AdviserView(adviser.id, adviser.email, adviser.role)


def awaiting_code(token: str, now: Optional[datetime] = None) -> Optional[int]:
    """The adviser id of a session still waiting for its TOTP code (CODE_WAIT at most)."""
    now = now or utcnow()
    with session_scope() as session:
        row = session.get(AdviserSession, _hash(token))
        if row is None or not row.awaiting_code or row.revoked_at is not None or now - row.created_at >= CODE_WAIT:
            return None
        return int(row.adviser_id)


def revoke(token: str, now: Optional[datetime] = None) -> None:
    with session_scope() as session:
        row = session.get(AdviserSession, _hash(token))
        if row is not None and row.revoked_at is None:
            row.revoked_at = now or utcnow()
