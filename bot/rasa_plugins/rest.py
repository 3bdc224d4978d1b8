"""The REST channel (`POST /webhooks/rest/webhook`, DESIGN §7) with its input checked.

Rasa's own RestInput answers 500 to a JSON body that is not an object, and trusts the client's
`input_channel` and `metadata`, so any caller could claim to be the SMS channel and pass the
metadata it adds. This one answers 400 to a malformed body (not an object; sender or message missing or not text)
and to the conversation ids of the chat page and SMS (bot/rasa_plugins/public.py), and always names itself
`rest`, with no metadata from the client: only the key standing for its address."""

from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic.exceptions import InvalidUsage as BadRequest  # Sanic 21.12: HTTP 400
from sanic.request import Request

from bot.config import get_settings
from bot.rasa_plugins.public import RESERVED_TEXT, client_metadata, is_reserved
from bot.rasa_plugins.ratelimit import check_rest


def _body(request: Request) -> Dict[Text, Any]:
    body = request.json
    if not isinstance(body, dict):
        raise BadRequest('Please send a JSON object like {"sender": "…", "message": "…"}.')
    return body


#: Rasa's tracker store keeps the sender id in a VARCHAR(255)
MAX_SENDER_CHARS = 255


def _text_field(request: Request, name: Text, max_chars: Optional[int] = None) -> Text:
    value = _body(request).get(name)
    if not isinstance(value, str) or (max_chars is not None and not 0 < len(value) <= max_chars):
        limit = f" of 1 to {max_chars} characters" if max_chars else ""
        raise BadRequest(f"'{name}' must be text{limit}.")
    return value


class RestInput(RasaRestInput):
    def __init__(self) -> None:
        super().__init__()
        self._secret_key = get_settings().secret_key

    @classmethod
    def name(cls) -> Text:
        return "rest"

    async def _extract_sender(self, req: Request) -> Optional[Text]:
        await check_rest(req)  # too long or too many: answered kindly, never passed on (bot/channels/limits.py)
        sender = _text_field(req, "sender", MAX_SENDER_CHARS)
        if is_reserved(sender):
            raise BadRequest(RESERVED_TEXT)
        return sender

    def _extract_message(self, req: Request) -> Optional[Text]:
        return _text_field(req, "message")

    def _extract_input_channel(self, req: Request) -> Text:
        return self.name()

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        return client_metadata(request.ip, self._secret_key)
