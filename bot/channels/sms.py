"""The SMS channel (DESIGN §7): Twilio's form-encoded webhook in, TwiML out.

`POST /webhooks/sms/webhook` on the Rasa server. Each request must carry a valid
X-Twilio-Signature made with SMS_AUTH_TOKEN over SMS_PUBLIC_URL + the webhook path; anything
else gets 403 and reaches no conversation. A MessageSid is answered once: a retry gets the
stored reply. STOP/START/HELP are handled here; MORE sends the rest of a long reply. Buttons
become numbered choices and the reply is split into at most 3 SMS segments.

The conversation id is 'sms-' + a keyed hash of the sender's number. When exactly one person
on the council's records has that number, their reference goes with the message as metadata
(`sms_person_reference`), so the identity form only asks the date of birth. Every message carries
the client key (a keyed hash of the number, bot/channels/metadata.py), so identity checks are
limited per phone. The number itself is never stored, logged or passed on."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence, Text, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.twiml.messaging_response import MessagingResponse

from bot.channels import store, texts
from bot.channels.keywords import Keyword, keyword
from bot.channels.limits import sms_refusal
from bot.channels.metadata import CLIENT_KEY, SMS_KEYWORD, client_key_for
from bot.channels.numbered import Choice, choices_of, chosen_payload, numbered_text, shown_choices
from bot.channels.numbers import conversation_id, normalise_e164, number_hash
from bot.channels.segments import split
from bot.channels.signature import form_params, is_signed
from bot.config import Settings, get_settings
from bot.identity import reference_for_phone

logger = logging.getLogger(__name__)

CHANNEL = "sms"
PERSON_REFERENCE_KEY = "sms_person_reference"
#: how long a retry waits for the first request of the same MessageSid to be answered
RETRY_WAIT_SECONDS = 60.0
RETRY_POLL_SECONDS = 0.2
TWIML_CONTENT_TYPE = "text/xml; charset=utf-8"

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class SmsOutput(CollectingOutputChannel):
    """Collects the assistant's messages for the TwiML reply; named 'sms' so responses can
    have `channel: sms` variations in the domain."""

    @classmethod
    def name(cls) -> Text:
        return CHANNEL


@dataclass(frozen=True)
class Sender:
    number: str
    number_hash: str
    conversation_id: str


def reply_text(messages: Sequence[Dict[str, Any]]) -> Tuple[str, List[Choice]]:
    """The assistant's messages as one text with numbered choices, and those choices in order."""
    parts: List[str] = []
    choices: List[Choice] = []
    for message in messages:
        offered = choices_of(message.get("buttons") or [])
        text = " ".join(str(message[k]) for k in ("text", "image", "attachment") if message.get(k))
        parts.append(numbered_text(text, offered, first=len(choices) + 1))
        choices += offered
    return "\n".join(part for part in parts if part), choices


def twiml(segments: Sequence[str]) -> str:
    reply = MessagingResponse()
    for segment in segments:
        reply.message(segment)
    return str(reply)


class SmsInput(InputChannel):
    """Rasa input channel for Twilio SMS; register it in credentials.yml as
    `bot.channels.sms.SmsInput:` (settings come from the environment, bot/config.py)."""

    @classmethod
    def name(cls) -> Text:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "SmsInput":
        return cls()

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = Blueprint("sms_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self._receive(request, on_new_message, get_settings())

        return webhook

    async def _receive(self, request: Request, on_new_message: OnNewMessage, settings: Settings) -> HTTPResponse:
        try:
            params = form_params(request.body or b"")
        except ValueError:
            params = None
        signature = request.headers.get("X-Twilio-Signature")
        if params is None or not is_signed(
            settings.sms_auth_token, settings.sms_public_url, request.query_string, params, signature
        ):
            logger.warning("SMS webhook request refused: missing or wrong signature")
            return response.text("Forbidden: the request is not signed by the SMS provider.", status=403)
        number = normalise_e164(params.get("From", ""))
        message_sid = params.get("MessageSid", "").strip()
        if number is None or not message_sid or len(message_sid) > 64:
            return response.text("Bad request: From (E.164) and MessageSid are needed.", status=400)
        key = settings.sms_number_key or ""
        sender = Sender(number, number_hash(number, key), conversation_id(number, key))
        return await self._answer_once(message_sid, sender, params.get("Body", ""), on_new_message, settings)

    async def _answer_once(
        self, message_sid: str, sender: Sender, body: str, on_new_message: OnNewMessage, settings: Settings
    ) -> HTTPResponse:
        """Answer a MessageSid once. A retry gets the stored reply, waiting while the first
        request is still answering; if that one failed, the retry answers it itself."""
        waited = 0.0
        while True:
            claim = await asyncio.to_thread(store.claim_message, message_sid)
            if claim.first:
                break
            if claim.reply is not None:
                logger.info("SMS message retried: answering with the stored reply")
                return response.text(claim.reply, content_type=TWIML_CONTENT_TYPE)
            if waited >= RETRY_WAIT_SECONDS:
                return response.text(
                    "Still answering this message; try again shortly.", status=503, headers={"Retry-After": "5"}
                )
            await asyncio.sleep(RETRY_POLL_SECONDS)
            waited += RETRY_POLL_SECONDS
        try:
            reply = twiml(await self._answer(sender, body, on_new_message, settings))
            await asyncio.to_thread(store.save_reply, message_sid, reply)
        except BaseException:
            await asyncio.to_thread(store.release_message, message_sid)
            raise
        return response.text(reply, content_type=TWIML_CONTENT_TYPE)

    async def _answer(self, sender: Sender, body: str, on_new_message: OnNewMessage, settings: Settings) -> List[str]:
        """The segments to reply with (none at all while the number has opted out)."""
        state = await asyncio.to_thread(store.contact_state, sender.number_hash)
        said = keyword(body)
        if said is Keyword.STOP:
            if state.stopped:
                return []
            await asyncio.to_thread(store.set_stopped, sender.number_hash, True)
            return split(texts.STOPPED).segments
        if said is Keyword.START:
            await asyncio.to_thread(store.set_stopped, sender.number_hash, False)
            return split(texts.STARTED).segments
        if said is Keyword.HELP:
            return split(texts.help_text(settings)).segments
        if state.stopped:
            return []
        if said is Keyword.MORE:  # never passed on as an answer ('MORE' is not an outcome)
            if state.more_text:
                return await self._send(sender, state.more_text, state.choices)
            return split(texts.NOTHING_MORE).segments
        if not body.strip():
            return split(texts.NO_TEXT).segments
        if (refused := await sms_refusal(sender.conversation_id, body, settings)) is not None:
            return refused
        text = chosen_payload(body, shown_choices(state.choices, state.more_text)) or body
        collected = await self._ask_assistant(sender, text, on_new_message, settings, said)
        reply, choices = reply_text(collected)
        return await self._send(sender, reply, choices)

    @staticmethod
    async def _send(sender: Sender, text: str, choices: List[Choice]) -> List[str]:
        """The first segments of `text`; the rest is kept for MORE along with the choices."""
        parts = split(text)
        await asyncio.to_thread(store.remember_reply, sender.number_hash, choices, parts.rest)
        return parts.segments

    @staticmethod
    async def _ask_assistant(
        sender: Sender, text: str, on_new_message: OnNewMessage, settings: Settings, said: Optional[Keyword] = None
    ) -> List[Dict[str, Any]]:
        """The assistant's reply to `text`; a keyword it answers (REVIEW) goes with it as metadata."""
        reference = await asyncio.to_thread(reference_for_phone, sender.number)
        metadata = {CLIENT_KEY: client_key_for(sender.number, settings.secret_key)}
        if said is Keyword.REVIEW:
            metadata[SMS_KEYWORD] = said.value
        if reference:
            metadata[PERSON_REFERENCE_KEY] = reference
        output = SmsOutput()
        await on_new_message(
            UserMessage(text, output, sender.conversation_id, input_channel=CHANNEL, metadata=metadata)
        )
        return output.messages
