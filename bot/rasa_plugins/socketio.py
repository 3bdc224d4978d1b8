"""The socket.io channel (DESIGN §7), as Rasa's own with these changes.

- With python-socketio 5.10 and later, `AsyncServer.enter_room` is a coroutine, and Rasa 3.6
  calls it without awaiting it: with `session_persistence` the client never joins its session's
  room, so it never hears the bot's replies. Here `session_request` awaits it. (Pinning
  python-socketio below 5.10 instead would bring back advisories fixed since: README "Changes
  to Rasa's internals".)
- An event that is not an object, or whose message or session id is not text, is ignored
  instead of raising inside the server.
- Messages go through the rate limits (bot/rasa_plugins/ratelimit.py), and the server reads at
  most MAX_BODY_BYTES of a message (python-socketio reads up to 1 MB by default).

Like the REST channel (bot/rasa_plugins/public.py), it refuses the conversation ids of the chat
page and SMS (the client is disconnected), and a message carries no metadata from the client:
only the key standing for its address."""

from __future__ import annotations

import uuid
from typing import Any, Awaitable, Callable, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from rasa.core.channels.socketio import SocketIOOutput
from sanic import Blueprint

from bot.channels.limits import MAX_BODY_BYTES
from bot.config import get_settings
from bot.rasa_plugins.public import client_metadata, is_reserved
from bot.rasa_plugins.ratelimit import limited

#: Rasa's tracker store keeps the sender id in a VARCHAR(255)
MAX_SESSION_ID_CHARS = 255


def _session_id(data: Any) -> Any:
    return data.get("session_id") if isinstance(data, dict) else None


def _valid_session_id(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_SESSION_ID_CHARS


def _address(environ: Optional[dict]) -> str:
    """The client's address: python-engineio's Sanic driver puts a constant in REMOTE_ADDR, so
    the Sanic request's own address comes first."""
    environ = environ or {}
    request = environ.get("sanic.request")
    return str(getattr(request, "ip", None) or environ.get("REMOTE_ADDR") or "unknown")


class SocketIOInput(RasaSocketIOInput):
    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None  # set by Rasa's blueprint()
        sio.eio.max_http_buffer_size = MAX_BODY_BYTES
        secret_key = get_settings().secret_key

        async def deliver(sid: Text, data: Any) -> None:
            """What Rasa's own handler does with a checked message, with our metadata."""
            address = _address(sio.get_environ(sid, namespace=self.namespace))
            await on_new_message(
                UserMessage(
                    data.get("message", ""),
                    SocketIOOutput(sio, self.bot_message_evt),
                    data["session_id"] if self.session_persistence else sid,
                    input_channel=self.name(),
                    metadata=client_metadata(address, secret_key),
                )
            )

        deliver_limited = limited(sio, deliver, self)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any = None) -> None:
            session_id = _session_id(data) if _valid_session_id(_session_id(data)) else uuid.uuid4().hex
            if is_reserved(session_id):
                await sio.disconnect(sid, namespace=self.namespace)
                return
            if self.session_persistence:
                await sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any = None) -> None:
            if not isinstance(data, dict) or not isinstance(data.get("message", ""), str):
                return
            if self.session_persistence and not _valid_session_id(data.get("session_id")):
                return
            if is_reserved(data["session_id"] if self.session_persistence else sid):
                return
            await deliver_limited(sid, data)

        return webhook
