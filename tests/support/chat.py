"""A person talking to the bot over Rasa's REST channel, as a browser or app would."""

from __future__ import annotations

import uuid
from typing import List

import requests

from tests.support.ports import E2E


class Chat:
    """One conversation with the Rasa server on `port` (the e2e servers' by default)."""

    def __init__(self, port: int = E2E.rasa) -> None:
        self.sender = f"e2e-{uuid.uuid4().hex[:12]}"
        self.url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        self.transcript: List[str] = []

    def say(self, text: str) -> str:
        """Send a message; returns every reply joined into one string (buttons included)."""
        response = requests.post(self.url, json={"sender": self.sender, "message": text}, timeout=60)
        response.raise_for_status()
        parts: List[str] = []
        for message in response.json():
            if message.get("text"):
                parts.append(message["text"])
            parts += [b["title"] for b in message.get("buttons") or []]
        reply = "\n".join(parts)
        self.transcript += [f"> {text}", reply]
        return reply

    def __str__(self) -> str:
        return "\n".join(self.transcript)


def expect(reply: str, *fragments: str) -> None:
    """Every fragment is in the reply (case ignored)."""
    for fragment in fragments:
        assert fragment.lower() in reply.lower(), f"expected {fragment!r} in:\n{reply}"
