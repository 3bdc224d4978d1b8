"""How the web app opens Rasa's private relay channel (bot/rasa_plugins/relay.py): the header and
the key derived from SUPPORTPLAN_SECRET_KEY. Kept apart from the channel, which needs Rasa, so
the web app (which runs without Rasa, in .venv-web) can import it."""
from __future__ import annotations

from bot.secret_keys import WEB_RELAY, derived_key

KEY_HEADER = "X-Relay-Key"


def relay_key(secret_key: str) -> str:
    """The header value that opens the relay channel."""
    return derived_key(secret_key, WEB_RELAY).hex()
