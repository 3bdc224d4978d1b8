"""Phone numbers: checking the E.164 form and turning a number into a conversation id.

The number itself never leaves the SMS channel: conversations and the STOP list hold only a
keyed hash (HMAC-SHA256), so the tracker store and logs cannot be read back into numbers."""

from __future__ import annotations

import hashlib
import hmac
import re
from typing import Optional

E164 = re.compile(r"^\+[1-9]\d{7,14}$", re.ASCII)
CONVERSATION_PREFIX = "sms-"


def normalise_e164(text: str) -> Optional[str]:
    """'+44 7700 900123' → '+447700900123'; None when it is not an international number."""
    number = re.sub(r"[\s\-().]", "", text or "")
    return number if E164.match(number) else None


def number_hash(number: str, key: str) -> str:
    """The keyed hash of an E.164 number (hex, 64 characters)."""
    return hmac.new(key.encode("utf-8"), number.encode("ascii"), hashlib.sha256).hexdigest()


def conversation_id(number: str, key: str) -> str:
    """The Rasa sender id of the conversation with this number: 'sms-' + its keyed hash."""
    return CONVERSATION_PREFIX + number_hash(number, key)
