"""The real servers with the SMS channel configured, and a phone that texts them the way Twilio
delivers a text: form-encoded, signed by the twilio library, with a MessageSid."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import pytest
import requests
from twilio.request_validator import RequestValidator

from tests.e2e.conftest import Servers, launch, shifted_ports

#: the SMS end-to-end tests have their own ports, so they can run beside tests/e2e's servers
#: (a small odd shift: port offsets are multiples of 100, and the e2e ports are 50 apart)
SMS_PORT_SHIFT = 7
SMS_PORTS = shifted_ports(SMS_PORT_SHIFT)
AUTH_TOKEN = "e2e-sms-auth-token"
PUBLIC_URL = "https://chat.council.example"
SIGNED_URL = PUBLIC_URL + "/webhooks/sms/webhook"


@dataclass
class SmsServers:
    servers: Servers
    #: everything the servers wrote to stdout and stderr
    log: Path


@pytest.fixture(scope="module")
def sms_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmsServers]:
    directory = tmp_path_factory.mktemp("sms")
    log = directory / "servers.log"
    with log.open("w", encoding="utf-8") as output:
        running = launch(
            directory / "supportplan.db",
            SMS_PORTS,
            with_web=False,
            output=output,
            SMS_AUTH_TOKEN=AUTH_TOKEN,
            SMS_PUBLIC_URL=PUBLIC_URL,
            SMS_NUMBER_KEY="e2e-number-key",
        )
        yield SmsServers(running, log)
        running.stack.stop()


class Phone:
    """One mobile phone texting the assistant through the provider."""

    def __init__(self, number: str, token: str = AUTH_TOKEN) -> None:
        self.number = number
        self.token = token
        self.url = f"http://127.0.0.1:{SMS_PORTS.rasa}/webhooks/sms/webhook"
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
    return [m.text or "" for m in ElementTree.fromstring(twiml).iter("Message")]
