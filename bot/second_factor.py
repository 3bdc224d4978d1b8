"""The optional second factor (IDENTITY_SECOND_FACTOR=sms): once the reference and date of birth
match, a 6-digit one-time code is texted to the phone on file (bot/channels/sender.py) and the
person types it. A code belongs to one conversation and one reference, lasts CODE_LIFETIME and
allows MAX_WRONG_CODES wrong tries; then the check starts again. Codes, conversations and
references are stored only as keyed hashes."""

from __future__ import annotations

import enum
import hashlib
import hmac
import logging
import re
import secrets
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import delete, select

from bot.channels.sender import SmsNotConfigured, SmsSender
from bot.config import Settings, get_settings
from bot.db.models import IdentityCode, utcnow
from bot.db.session import session_scope
from bot.identity import find_person, reference_hash
from bot.secret_keys import derived_key

logger = logging.getLogger(__name__)

#: the HKDF `info` of the key that hashes codes and conversation ids (bot/secret_keys.py)
IDENTITY_CODES = "identity-codes"
CODE_DIGITS = 6
CODE_LIFETIME = timedelta(minutes=10)
MAX_WRONG_CODES = 3


class CodeResult(enum.Enum):
    MATCHED = "matched"
    WRONG = "wrong"
    #: too many wrong codes, too late, or no code for this conversation and reference
    START_AGAIN = "start again"


def _keyed_hash(*parts: str) -> str:
    key = derived_key(get_settings().secret_key, IDENTITY_CODES)
    return hmac.new(key, "\x1f".join(parts).encode(), hashlib.sha256).hexdigest()


def phone_on_file(reference: str) -> Optional[str]:
    """The phone number the council holds for the person with this reference, if any."""
    with session_scope() as session:
        person = find_person(session, reference)
        return person.phone if person is not None and person.phone else None


def new_code(conversation_id: str, reference: str, now: Optional[datetime] = None) -> str:
    """A new code for this conversation and reference (replacing any earlier one); only its
    hash is kept."""
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    conversation = _keyed_hash("conversation", conversation_id)
    with session_scope() as session:
        session.execute(delete(IdentityCode).where(IdentityCode.conversation_hash == conversation))
        session.add(
            IdentityCode(
                conversation_hash=conversation,
                reference_hash=reference_hash(reference),
                code_hash=_keyed_hash("code", conversation, code),
                wrong_tries=0,
                expires_at=(now or utcnow()) + CODE_LIFETIME,
            )
        )
    return code


def check_code(conversation_id: str, reference: str, typed: str, now: Optional[datetime] = None) -> CodeResult:
    """Whether `typed` (spaces and other non-digits ignored) is this conversation's code. A
    matched code is used up; so is one that is out of time or tries."""
    conversation = _keyed_hash("conversation", conversation_id)
    with session_scope() as session:
        row = session.execute(
            select(IdentityCode).where(IdentityCode.conversation_hash == conversation).with_for_update()
        ).scalar_one_or_none()
        if row is None:
            return CodeResult.START_AGAIN
        digits = re.sub(r"\D", "", typed or "")
        usable = row.expires_at > (now or utcnow()) and hmac.compare_digest(
            row.reference_hash, reference_hash(reference)
        )
        if usable and hmac.compare_digest(row.code_hash, _keyed_hash("code", conversation, digits)):
            session.delete(row)
            return CodeResult.MATCHED
        row.wrong_tries += 1
        if not usable or row.wrong_tries >= MAX_WRONG_CODES:
            session.delete(row)
            return CodeResult.START_AGAIN
        return CodeResult.WRONG


def code_message(code: str) -> str:
    return f"Your code is {code}. Type it in the chat to show it's you. It works for 10 minutes. Don't share it with anyone."


def new_sender(settings: Settings) -> SmsSender:
    """The sender for codes (tests put a stand-in HTTP client behind it)."""
    return SmsSender(settings)


async def send_code(settings: Settings, phone: str, code: str) -> bool:
    """Texts the code; False when it could not be sent (SMS not set up, the number sent STOP, or
    the provider failed). Never logs the number or the code."""
    try:
        async with new_sender(settings) as sender:
            return bool(await sender.send(phone, code_message(code)))
    except SmsNotConfigured:
        logger.warning("A one-time code could not be texted: SMS sending is not set up")
    except Exception as error:  # noqa: BLE001 — any provider failure means: tell the person, don't crash
        logger.warning("A one-time code could not be texted (%s)", type(error).__name__)
    return False
