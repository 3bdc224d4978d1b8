"""The outbound sender: twilio's async client over a stand-in HTTP client, retried with backoff
on rate limits and server errors, never to a number that sent STOP."""

from __future__ import annotations

import asyncio
from typing import List, Optional

import pytest
from twilio.base.exceptions import TwilioRestException

from bot.channels import store
from bot.channels.numbers import number_hash
from bot.channels.segments import MORE_PROMPT
from bot.channels.sender import SmsNotConfigured, SmsSender, backoff
from bot.config import Settings
from tests.support.fake_twilio import FakeTwilio

SETTINGS = Settings.from_env(
    {
        "SMS_ACCOUNT_SID": "AC" + "0" * 32,
        "SMS_AUTH_TOKEN": "token",
        "SMS_FROM_NUMBER": "+447700900999",
    }
)
TO = "+447700900123"


class Waits:
    def __init__(self) -> None:
        self.seconds: List[float] = []

    async def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)


def send(http: FakeTwilio, text: str, waits: Optional[Waits] = None, to: str = TO) -> List[str]:
    async def go() -> List[str]:
        async with SmsSender(SETTINGS, http_client=http, sleep=waits or Waits()) as sender:
            return await sender.send(to, text)

    return asyncio.run(go())


def test_a_text_is_sent_from_the_councils_number(database: str) -> None:
    http = FakeTwilio([])
    assert send(http, "Your plan has been sent.") == ["SM" + "0" * 31 + "1"]
    (sent,) = http.sent
    assert (sent["To"], sent["From"], sent["Body"]) == (TO, "+447700900999", "Your plan has been sent.")
    assert http.closed


def test_rate_limits_and_server_errors_are_retried_with_growing_waits(database: str) -> None:
    http, waits = FakeTwilio([429, 503, 500]), Waits()
    assert len(send(http, "Hello", waits)) == 1
    assert len(http.sent) == 4 and len(waits.seconds) == 3


def test_it_gives_up_after_the_last_attempt(database: str) -> None:
    http = FakeTwilio([503] * 10)
    with pytest.raises(TwilioRestException):
        send(http, "Hello")
    assert len(http.sent) == 4


def test_a_rejected_request_is_not_retried(database: str) -> None:
    http = FakeTwilio([400])
    with pytest.raises(TwilioRestException):
        send(http, "Hello")
    assert len(http.sent) == 1


def test_numbers_that_sent_stop_get_nothing(database: str) -> None:
    store.set_stopped(number_hash(TO, SETTINGS.sms_number_key), True)
    http = FakeTwilio([])
    assert send(http, "Hello") == [] and http.sent == []


def test_a_long_text_is_three_segments_and_the_rest_waits_for_more(database: str) -> None:
    http = FakeTwilio([])
    assert len(send(http, "Your plan has these parts. " * 30)) == 3
    assert http.sent[-1]["Body"].endswith(MORE_PROMPT)
    assert store.contact_state(number_hash(TO, SETTINGS.sms_number_key)).more_text


def test_backoff_doubles_up_to_a_cap() -> None:
    assert all(0 <= backoff(1, first=1, most=8) <= 1 for _ in range(50))
    assert max(backoff(3, first=1, most=8) for _ in range(200)) > 2
    assert all(backoff(10, first=1, most=8) <= 8 for _ in range(50))


def test_it_needs_an_account_to_send() -> None:
    with pytest.raises(SmsNotConfigured):
        SmsSender(Settings.from_env({}))
    with pytest.raises(ValueError):
        send(FakeTwilio([]), "hi", to="07700 900123")
