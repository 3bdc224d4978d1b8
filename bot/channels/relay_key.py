"""How the web app proves itself to the Rasa server's private relay channel
(bot/rasa_plugins/relay.py): a key derived from SUPPORTPLAN_SECRET_KEY, sent in a header. Kept
apart from the channel so the web app, which runs without Rasa, can import it."""

from __future__ import annotations

from bot.secret_keys import WEB_RELAY, derived_key

KEY_HEADER = "X-Relay-Key"
#: where the relay channel listens on the Rasa server
RELAY_PATH = "/webhooks/web/webhook"


def relay_key(secret_key: str) -> str:
    """The header value that opens the relay channel."""
    return derived_key(secret_key, WEB_RELAY).hex()
