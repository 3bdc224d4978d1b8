"""Rules shared by the public channels (REST and socket.io), which anyone who can reach the Rasa
server may call: they may not use the conversation ids of the chat page (`web-…`, reached only
through the private relay channel) or of the SMS channel (`sms-…`), and the only metadata a
message carries is a key standing for the client's address."""

from __future__ import annotations

from typing import Dict, Text

from bot.channels.metadata import CLIENT_KEY, client_key_for

#: conversation ids only our own channels may use
RESERVED_PREFIXES = ("web-", "sms-")
RESERVED_TEXT = (
    "Conversation ids starting with 'web-' or 'sms-' belong to the chat page and to text messages. "
    "Please use another id."
)


def is_reserved(sender_id: Text) -> bool:
    """True for an id of the chat page or the SMS channel (in any case)."""
    return sender_id.lower().startswith(RESERVED_PREFIXES)


def client_metadata(address: Text, secret_key: Text) -> Dict[Text, Text]:
    """The metadata of a message from `address`: its keyed hash only."""
    return {CLIENT_KEY: client_key_for(address, secret_key)}
