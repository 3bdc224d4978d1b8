"""The REST channel (`POST /webhooks/rest/webhook`, DESIGN §7) with its input checked.

Rasa's own RestInput answers 500 to a JSON body that is not an object, and trusts the client's
`input_channel` and `metadata`, so any caller could claim to be the SMS channel and pass the
metadata it adds. This one answers 400 to a malformed body (not an object; sender or message missing or not text), and always names itself `rest`
with no metadata from the client."""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic.exceptions import InvalidUsage as BadRequest  # Sanic 21.12: HTTP 400
from sanic.request import Request

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
    @classmethod
    def name(cls) -> Text:
        return "rest"

    async def _extract_sender(self, req: Request) -> Optional[Text]:
        await check_rest(req)  # too long or too many: answered kindly, never passed on (bot/channels/limits.py)
        return _text_field(req, "sender", MAX_SENDER_CHARS)

    def _extract_message(self, req: Request) -> Optional[Text]:
        return _text_field(req, "message")

    def _extract_input_channel(self, req: Request) -> Text:
        return self.name()

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        return None
