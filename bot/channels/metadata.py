"""What a channel may attach to a message as metadata, and how actions read it back.

Only our own channels set metadata (the public REST and socket.io channels drop the client's):
- `client_key`: a keyed hash standing for where the message came from (the web client's address, or
  the phone number by SMS), used to limit identity checks per client without storing the address.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any, Mapping, Optional

from bot.secret_keys import CLIENT_ADDRESSES, derived_key

CLIENT_KEY = "client_key"
#: by SMS, the keyword the whole message was when the assistant answers it (bot/channels/keywords.py):
#: "review" (texting REVIEW starts a review, actions/review.py)
SMS_KEYWORD = "sms_keyword"


def client_key_for(address: str, secret_key: str) -> str:
    """The hash that stands for a client address or phone number (never the address itself)."""
    digest = hmac.new(derived_key(secret_key, CLIENT_ADDRESSES), address.encode("utf-8"), hashlib.sha256)
    return digest.hexdigest()[:32]


def client_key(metadata: Optional[Mapping[str, Any]]) -> Optional[str]:
    """The client key a message carries, if one of our channels set it."""
    value = (metadata or {}).get(CLIENT_KEY)
    return value if isinstance(value, str) and value else None
