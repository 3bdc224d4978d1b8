"""The SMS webhook handler run directly (without Sanic) against a real database, with a stand-in
for the assistant, and signed requests as Twilio sends them."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

from bot.channels.sms import SmsInput
from bot.config import Settings

TOKEN = "unit-test-token"
PUBLIC = "https://chat.council.example"
URL = PUBLIC + "/webhooks/sms/webhook"
PHONE = "+447700900123"  # Sam Taylor, PB-100234, in the demo people
#: the rate limit is off here: these tests send one number many texts a minute (tests/dos/test_sms_limits.py tests it)
SETTINGS = Settings.from_env(
    {
        "SMS_AUTH_TOKEN": TOKEN,
        "SMS_PUBLIC_URL": PUBLIC,
        "COUNCIL_PHONE": "0300 000 1111",
        "SUPPORTPLAN_CONVERSATION_MESSAGES_PER_MINUTE": "0",
    }
)


@dataclass
class FakeRequest:
    body: bytes
    headers: Dict[str, str]
    query_string: str = ""


@dataclass
class Assistant:
    """Stands in for Rasa: records each message and answers with `answer(text)`."""

    answer: Callable[[str], List[Dict[str, Any]]] = lambda text: [{"text": f"You said {text}"}]
    received: List[Any] = field(default_factory=list)
    delay: float = 0.0

    async def __call__(self, message: Any) -> None:
        self.received.append(message)
        await asyncio.sleep(self.delay)
        for reply in self.answer(message.text):
            if reply.get("buttons"):
                await message.output_channel.send_text_with_buttons(message.sender_id, reply["text"], reply["buttons"])
            else:
                await message.output_channel.send_text_message(message.sender_id, reply["text"])


_sids = iter(range(1, 10**6))


def request(
    body: str, sid: Optional[str] = None, phone: str = PHONE, token: str = TOKEN, sign: bool = True
) -> FakeRequest:
    params = {
        "From": phone,
        "To": "+447700900999",
        "Body": body,
        "MessageSid": sid or f"SM{next(_sids):032d}",
        "NumMedia": "0",
    }
    headers = {"X-Twilio-Signature": RequestValidator(token).compute_signature(URL, params)} if sign else {}
    return FakeRequest(urlencode(params).encode(), headers)


async def send(assistant: Assistant, req: FakeRequest, settings: Settings = SETTINGS):
    return await SmsInput()._receive(req, assistant, settings)  # noqa: SLF001 — the handler itself, without Sanic


def messages(response: Any) -> List[str]:
    return re.findall(r"<Message>(.*?)</Message>", response.body.decode(), flags=re.S)


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)
