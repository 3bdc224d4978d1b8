"""The SMS channel's records: the STOP list, the last numbered choices and the rest of a long
reply per number hash, and the reply given to each MessageSid. Blocking database calls: run
them off the event loop (asyncio.to_thread)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Callable, List, Optional

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.channels.numbered import Choice
from bot.db.models import SmsContact, SmsMessage, utcnow
from bot.db.session import session_scope

#: how long the reply to a MessageSid (for retries: the provider retries within minutes) and the
#: held-back rest of a long reply (for MORE) are kept; both may hold personal details
REPLAY_WINDOW = timedelta(days=2)


@dataclass(frozen=True)
class ContactState:
    stopped: bool = False
    choices: List[Choice] = field(default_factory=list)
    more_text: Optional[str] = None


@dataclass(frozen=True)
class Claim:
    """The outcome of claiming a MessageSid: `first` when this request must answer it;
    otherwise `reply` is the stored answer, or None while another request is still answering."""

    first: bool
    reply: Optional[str] = None


def claim_message(message_sid: str) -> Claim:
    """Record that `message_sid` is being answered, unless it already was (a retry)."""
    try:
        with session_scope() as session:
            _forget_old_replies(session)
            session.add(SmsMessage(message_sid=message_sid))
        return Claim(first=True)
    except IntegrityError:
        return Claim(first=False, reply=stored_reply(message_sid))


def _forget_old_replies(session: Session) -> None:
    cutoff = utcnow() - REPLAY_WINDOW
    session.execute(delete(SmsMessage).where(SmsMessage.received_at < cutoff))
    session.execute(
        update(SmsContact)
        .where(SmsContact.updated_at < cutoff, SmsContact.more_text.is_not(None))
        .values(more_text=None, choices=[])
    )


def stored_reply(message_sid: str) -> Optional[str]:
    with session_scope() as session:
        return session.execute(
            select(SmsMessage.reply).where(SmsMessage.message_sid == message_sid)
        ).scalar_one_or_none()


def save_reply(message_sid: str, reply: str) -> None:
    with session_scope() as session:
        message = session.get(SmsMessage, message_sid)
        if message is not None:
            message.reply = reply


def release_message(message_sid: str) -> None:
    """Forget a claim that could not be answered, so the provider's retry is handled afresh."""
    with session_scope() as session:
        session.execute(delete(SmsMessage).where(SmsMessage.message_sid == message_sid))


def contact_state(number_hash: str) -> ContactState:
    with session_scope() as session:
        contact = session.get(SmsContact, number_hash)
        if contact is None:
            return ContactState()
        return ContactState(contact.stopped_at is not None, list(contact.choices or []), contact.more_text)


def _update_contact(number_hash: str, change: Callable[[SmsContact], None]) -> None:
    """Apply `change` to the number's record, creating it if needed (once more if another
    request created it at the same moment)."""
    for attempt in (1, 2):
        try:
            with session_scope() as session:
                contact = session.get(SmsContact, number_hash)
                if contact is None:
                    contact = SmsContact(number_hash=number_hash, choices=[])
                    session.add(contact)
                change(contact)
            return
        except IntegrityError:
            if attempt == 2:
                raise


def set_stopped(number_hash: str, stopped: bool) -> None:
    """STOP (True) or START (False) for this number."""

    def change(contact: SmsContact) -> None:
        contact.stopped_at = utcnow() if stopped else None

    _update_contact(number_hash, change)


def remember_reply(number_hash: str, choices: List[Choice], more_text: Optional[str]) -> None:
    """The choices the last reply offered and what it kept back for MORE."""

    def change(contact: SmsContact) -> None:
        contact.choices, contact.more_text = list(choices), more_text

    _update_contact(number_hash, change)
