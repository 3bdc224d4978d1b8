"""The socket.io channel (DESIGN §7), as Rasa's own with two fixes.

- With python-socketio 5.10 and later, `AsyncServer.enter_room` is a coroutine, and Rasa 3.6
  calls it without awaiting it: with `session_persistence` the client never joins its session's
  room, so it never hears the bot's replies. Here `session_request` awaits it.
- An event that is not an object, or whose message or session id is not text, is ignored
  instead of raising inside the server."""
from __future__ import annotations

import uuid
from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from sanic import Blueprint

from bot.rasa_plugins.ratelimit import limited

#: Rasa's tracker store keeps the sender id in a VARCHAR(255)
MAX_SESSION_ID_CHARS = 255


def _session_id(data: Any) -> Any:
    return data.get("session_id") if isinstance(data, dict) else None


def _valid_session_id(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_SESSION_ID_CHARS


class SocketIOInput(RasaSocketIOInput):
    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None  # set by Rasa's blueprint()
        rasa_handle_message = limited(sio, sio.handlers[self.namespace or "/"][self.user_message_evt], self)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any = None) -> None:
            session_id = _session_id(data) if _valid_session_id(_session_id(data)) else uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any = None) -> None:
            if not isinstance(data, dict) or not isinstance(data.get("message", ""), str):
                return
            if self.session_persistence and not _valid_session_id(data.get("session_id")):
                return
            if not isinstance(data.get(self.metadata_key) or {}, (dict, str)):
                return
            await rasa_handle_message(sid, data)

        return webhook
