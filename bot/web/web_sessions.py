"""Which chat page conversation a browser's cookie reaches (the `web_sessions` table).

The cookie holds a random value; the conversation id is another random value, never shown to
the browser, so a cookie or conversation id seen somewhere cannot be turned into the other. The
value is replaced at the identity check (`rotate`), forgotten after a spell without messages
(`find` treats it as gone) and on "finish and forget this device" (`end`).

Blocking (SQLAlchemy): call these from a thread in async code."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional, Tuple

from sqlalchemy import delete, select

from bot.db.models import WebSession, utcnow
from bot.db.session import session_scope

CONVERSATION_PREFIX = "web-"
#: a cookie longer than any we make is not looked up
MAX_TOKEN_CHARS = 100


@dataclass(frozen=True)
class WebSessionView:
    conversation_id: str
    verified_at: Optional[datetime]

    def verified_within(self, window: timedelta, now: Optional[datetime] = None) -> bool:
        """True when the identity was checked in this browser within `window`."""
        return self.verified_at is not None and self.verified_at >= (now or utcnow()) - window


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _view(row: WebSession) -> WebSessionView:
    return WebSessionView(row.conversation_id, row.verified_at)


def start(idle: timedelta) -> Tuple[str, WebSessionView]:
    """A new conversation for a browser: (the cookie value, the session). Sessions idle for
    longer than `idle` are deleted on the way."""
    now = utcnow()
    token = secrets.token_urlsafe(32)
    row = WebSession(
        token_hash=_hash(token),
        conversation_id=CONVERSATION_PREFIX + secrets.token_urlsafe(24),
        created_at=now,
        last_seen_at=now,
    )
    with session_scope() as session:
        session.execute(delete(WebSession).where(WebSession.last_seen_at < now - idle))
        session.add(row)
        session.flush()
        return token, _view(row)


def find(token: str, idle: timedelta) -> Optional[WebSessionView]:
    """The live session of this cookie value (marked as seen now), or None: unknown, ended, or
    idle for longer than `idle` (then it is deleted)."""
    if not token or len(token) > MAX_TOKEN_CHARS:
        return None
    now = utcnow()
    with session_scope() as session:
        row = session.execute(select(WebSession).where(WebSession.token_hash == _hash(token))).scalar_one_or_none()
        if row is None:
            return None
        if row.last_seen_at < now - idle:
            session.delete(row)
            return None
        row.last_seen_at = now
        return _view(row)


def rotate(token: str) -> Optional[str]:
    """At the identity check: a new cookie value for the same conversation (the old one stops
    working) and the time of the check. None if the session has gone."""
    new_token = secrets.token_urlsafe(32)
    with session_scope() as session:
        row = session.execute(select(WebSession).where(WebSession.token_hash == _hash(token))).scalar_one_or_none()
        if row is None:
            return None
        row.token_hash = _hash(new_token)
        row.verified_at = utcnow()
        return new_token


def end(token: str) -> None:
    """Forget this cookie value's session (the conversation itself stays, for the council)."""
    with session_scope() as session:
        session.execute(delete(WebSession).where(WebSession.token_hash == _hash(token)))
