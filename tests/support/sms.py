"""A phone that texts the real servers the way Twilio delivers a text: form-encoded, signed by
the twilio library, with a MessageSid; and the SMS settings those servers are started with."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ElementTree
from typing import Dict, List, Optional

import requests
from twilio.request_validator import RequestValidator

from bot.channels.segments import MAX_SEGMENTS, MORE_PROMPT, fits
from tests.support.ports import SMS

AUTH_TOKEN = "e2e-sms-auth-token"
PUBLIC_URL = "https://chat.council.example"
SIGNED_URL = PUBLIC_URL + "/webhooks/sms/webhook"
#: what `launch` needs to turn the SMS channel on
SMS_SETTINGS = {"SMS_AUTH_TOKEN": AUTH_TOKEN, "SMS_PUBLIC_URL": PUBLIC_URL, "SMS_NUMBER_KEY": "e2e-number-key"}


class Phone:
    """One mobile phone texting the assistant through the provider."""

    def __init__(self, number: str, token: str = AUTH_TOKEN) -> None:
        self.number = number
        self.token = token
        self.url = f"http://127.0.0.1:{SMS.rasa}/webhooks/sms/webhook"
        self.transcript: List[str] = []

    def post(
        self, body: str, message_sid: Optional[str] = None, signature: Optional[str] = "sign"
    ) -> requests.Response:
        params: Dict[str, str] = {
            "ToCountry": "GB",
            "From": self.number,
            "To": "+447700900999",
            "Body": body,
            "NumMedia": "0",
            "MessageSid": message_sid or f"SM{uuid.uuid4().hex}",
            "AccountSid": "AC" + "0" * 32,
            "FromCity": "",
        }
        headers = {}
        if signature == "sign":
            headers["X-Twilio-Signature"] = RequestValidator(self.token).compute_signature(SIGNED_URL, params)
        elif signature is not None:
            headers["X-Twilio-Signature"] = signature
        return requests.post(self.url, data=params, headers=headers, timeout=120)

    def text(self, body: str, message_sid: Optional[str] = None) -> List[str]:
        """Send a text; returns the texts that come back (one per SMS segment)."""
        response = self.post(body, message_sid)
        assert response.status_code == 200, response.text
        assert response.headers["Content-Type"].startswith("text/xml")
        replies = messages(response.text)
        self.transcript += [f"> {body}", *replies]
        return replies

    def say(self, body: str) -> str:
        """Send a text; the replies joined into one string."""
        return "\n".join(self.text(body))

    def __str__(self) -> str:
        return "\n".join(self.transcript)


def messages(twiml: str) -> List[str]:
    """The texts in a TwiML reply."""
    return [m.text or "" for m in ElementTree.fromstring(twiml).iter("Message")]


def whole(phone: Phone, first: List[str]) -> str:
    """The whole reply: the first texts, then MORE until nothing is held back. Every text is
    one segment and no reply is more than 3 of them."""
    texts = list(first)
    batch = first
    while True:
        assert 1 <= len(batch) <= MAX_SEGMENTS and all(fits(t) for t in batch), batch
        if not batch[-1].endswith(MORE_PROMPT):
            return "\n".join(texts).replace("\n" + MORE_PROMPT, "")
        batch = phone.text("more")
        texts += batch


def say(phone: Phone, body: str) -> str:
    """Text `body` and read the whole reply (see `whole`)."""
    return whole(phone, phone.text(body))
