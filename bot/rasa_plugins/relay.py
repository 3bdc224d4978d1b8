"""The private channel of the chat page: `POST /webhooks/web/webhook`, which only the web app
(bot/web/chat.py) can use. The public REST and socket.io channels refuse `web-…` conversations,
so knowing a conversation id is not enough to join one.

The web app proves itself with a key derived from SUPPORTPLAN_SECRET_KEY (`relay_key`) in the
`X-Relay-Key` header. Its JSON body is `{"sender": "web-…", "message": "…", "client_key": "…"}`
(the key standing for the person's address, bot/channels/metadata.py). The answer is
`{"messages": [as the REST channel's], "responses": ["utter_…", …]}`: the names of the domain
responses said, so the web app can tell when the person's identity was checked."""

from __future__ import annotations

import hmac
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.metadata import CLIENT_KEY
from bot.channels.relay_key import KEY_HEADER, relay_key
from bot.config import get_settings

CHANNEL = "web"
WEB_PREFIX = "web-"
#: Rasa's tracker store keeps the sender id in a VARCHAR(255)
MAX_SENDER_CHARS = 255

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class RelayOutput(CollectingOutputChannel):
    """Collects the replies as the REST channel does (so the same response variations are
    chosen), and the names of the domain responses said."""

    def __init__(self) -> None:
        super().__init__()
        self.responses: List[Text] = []

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        name = message.get("utter_action")
        if isinstance(name, str):
            self.responses.append(name)
        await super().send_response(recipient_id, message)


def _message(request: Request) -> Optional[UserMessage]:
    """The message in the body, or None when the body is not what the web app sends."""
    try:
        body = request.json
    except InvalidUsage:
        return None
    if not isinstance(body, dict):
        return None
    sender, text, client_key = body.get("sender"), body.get("message"), body.get("client_key")
    if not (isinstance(sender, str) and sender.startswith(WEB_PREFIX) and len(sender) <= MAX_SENDER_CHARS):
        return None
    if not isinstance(text, str) or not isinstance(client_key, (str, type(None))):
        return None
    metadata = {CLIENT_KEY: client_key} if client_key else None
    return UserMessage(text, RelayOutput(), sender, input_channel=CHANNEL, metadata=metadata)


class WebRelayInput(InputChannel):
    """Register in credentials.yml as `bot.rasa_plugins.relay.WebRelayInput:` (no settings: the
    key comes from SUPPORTPLAN_SECRET_KEY)."""

    def __init__(self) -> None:
        self._key = relay_key(get_settings().secret_key)

    @classmethod
    def name(cls) -> Text:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "WebRelayInput":
        return cls()

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = Blueprint("web_relay_webhook", __name__)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self._receive(request, on_new_message)

        return webhook

    async def _receive(self, request: Request, on_new_message: OnNewMessage) -> HTTPResponse:
        given = request.headers.get(KEY_HEADER) or ""
        if not hmac.compare_digest(given.encode(), self._key.encode()):
            return response.text("Forbidden: this channel is only for the chat page.", status=403)
        message = _message(request)
        if message is None:
            return response.text(
                'Bad request: send {"sender": "web-…", "message": "…", "client_key": "…"}.', status=400
            )
        await on_new_message(message)
        output = message.output_channel
        assert isinstance(output, RelayOutput)
        return response.json({"messages": output.messages, "responses": output.responses})
