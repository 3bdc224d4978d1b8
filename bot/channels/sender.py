"""Messages the assistant starts itself (a reminder, a copy of the plan…), sent through the
Twilio REST API with twilio's async HTTP client, so the event loop is never blocked.

Replies to incoming texts do not need this: they go back as TwiML. A send that fails for a
reason worth retrying (rate limit, server error, network) is tried again after a growing,
jittered wait. Numbers that have sent STOP get nothing.

SMS_API_URL moves every request to another address (scheme, host and port; the path stays
Twilio's), e.g. a stand-in API for tests: twilio's documented way, a custom HTTP client, here one
wrapped around the real one. Unset, requests go to Twilio itself."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import os
import random
from typing import Any, Awaitable, Callable, List, Mapping, Optional
from urllib.parse import urlsplit

from aiohttp import ClientError
from twilio.base.exceptions import TwilioRestException
from twilio.http import AsyncHttpClient
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from bot.channels import store
from bot.channels.numbers import normalise_e164, number_hash
from bot.channels.segments import split
from bot.config import Settings

logger = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ATTEMPTS = 4
FIRST_WAIT_SECONDS = 0.5
MAX_WAIT_SECONDS = 8.0
API_URL_ENV = "SMS_API_URL"
TWILIO_API = "https://api.twilio.com"


class SmsNotConfigured(RuntimeError):
    """SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM_NUMBER are all needed to start a message."""


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def api_address(env: Optional[Mapping[str, str]] = None) -> str:
    """The Twilio API's scheme and host (SMS_API_URL, default Twilio's). Only https, or plain
    http to this machine (a stand-in): the account's token goes with every request."""
    env = os.environ if env is None else env
    text = (env.get(API_URL_ENV) or TWILIO_API).strip().rstrip("/")
    parts = urlsplit(text)
    secure = parts.scheme == "https" or (parts.scheme == "http" and _loopback(parts.hostname or ""))
    if not parts.hostname or not secure or parts.path or parts.query or parts.username:
        raise SmsNotConfigured(
            f"{API_URL_ENV} must be an https address like {TWILIO_API} (plain http only to this machine)."
        )
    return text


class ApiAddress(AsyncHttpClient):
    """An HTTP client that sends twilio's requests to another address, through `inner`."""

    def __init__(self, inner: AsyncHttpClient, address: str) -> None:
        super().__init__(logger, True, inner.timeout)
        self.inner = inner
        self.address = urlsplit(address)

    async def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:
        moved = urlsplit(url)._replace(scheme=self.address.scheme, netloc=self.address.netloc).geturl()
        return await self.inner.request(method, moved, *args, **kwargs)

    async def close(self) -> None:
        await self.inner.close()


def backoff(attempt: int, first: float = FIRST_WAIT_SECONDS, most: float = MAX_WAIT_SECONDS) -> float:
    """The wait before retry number `attempt` (1, 2, …): doubling, capped, with full jitter."""
    return random.uniform(0, min(most, first * 2 ** (attempt - 1)))


def _worth_retrying(error: BaseException) -> bool:
    if isinstance(error, TwilioRestException):
        return error.status in RETRY_STATUSES
    return isinstance(error, (ClientError, asyncio.TimeoutError))


class SmsSender:
    """Sends texts to one number at a time. Use `async with SmsSender(settings) as sender:`."""

    def __init__(
        self,
        settings: Settings,
        http_client: Optional[AsyncHttpClient] = None,
        attempts: int = ATTEMPTS,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if not (settings.sms_account_sid and settings.sms_auth_token and settings.sms_from_number):
            raise SmsNotConfigured("Set SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM_NUMBER to send texts.")
        self._settings = settings
        address = api_address()
        inner = http_client or AsyncTwilioHttpClient(timeout=30)
        self._http = inner if address == TWILIO_API else ApiAddress(inner, address)
        self._client = Client(settings.sms_account_sid, settings.sms_auth_token, http_client=self._http)
        self._attempts = attempts
        self._sleep = sleep

    async def __aenter__(self) -> "SmsSender":
        return self

    async def __aexit__(self, *_: object) -> None:
        await self._http.close()

    async def send(self, to: str, text: str) -> List[str]:
        """Send `text` (split like a reply, at most 3 segments) to an E.164 number; returns the
        provider's message ids, none when the number has opted out. The rest of a long text
        waits for MORE, as with replies."""
        number = normalise_e164(to)
        if number is None:
            raise ValueError("not an E.164 phone number")
        key = self._settings.sms_number_key or ""
        hashed = number_hash(number, key)
        state = await asyncio.to_thread(store.contact_state, hashed)
        if state.stopped:
            logger.info("Text not sent: the number has opted out")
            return []
        parts = split(text)
        sids = [await self._send_segment(number, segment) for segment in parts.segments]
        await asyncio.to_thread(store.remember_reply, hashed, [], parts.rest)
        return sids

    async def _send_segment(self, number: str, body: str) -> str:
        attempt = 1
        while True:
            try:
                message = await self._client.messages.create_async(
                    to=number, from_=self._settings.sms_from_number, body=body
                )
                return str(message.sid)
            except Exception as error:  # noqa: BLE001 — only some are retried; the rest re-raised
                if attempt >= self._attempts or not _worth_retrying(error):
                    raise
                logger.warning("Sending a text failed (attempt %d of %d); trying again", attempt, self._attempts)
                await self._sleep(backoff(attempt))
                attempt += 1
