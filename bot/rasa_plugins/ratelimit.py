"""The message cap and rate limits (bot/channels/limits.py) in the Rasa server's channels.

- `install()` (one of bot/rasa_plugins/patches.py's, installed before Rasa builds its Sanic app)
  makes every app Rasa configures read at most MAX_BODY_BYTES of a request (Sanic's
  REQUEST_MAX_SIZE is 100 MB by default) and answer a refused message kindly. Rasa has no
  setting for either. (The socket.io channel gives its server the same limit itself.)
- `check_rest(request)` (REST channel) raises MessageRefused before Rasa reads the message.
- `limited(...)` wraps the socket.io channel's message handler: a refused message gets the kind
  text as the assistant's reply instead of reaching Rasa.
"""

from __future__ import annotations

import functools
from typing import Any, Awaitable, Callable, Mapping, NamedTuple, Optional, Text, cast

import rasa.core.run
import socketio
from sanic import Sanic, response
from sanic.exceptions import InvalidUsage, SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.limits import MAX_BODY_BYTES, RETRY_AFTER_SECONDS, Refusal, refusal
from bot.config import get_settings
from bot.web.proxy import Network, client_address

SocketHandler = Callable[..., Awaitable[Any]]


class MessageRefused(SanicException):
    """A message the REST channel does not pass on; answered in the channel's own format."""

    def __init__(self, refused: Refusal, recipient_id: Text) -> None:
        super().__init__(refused.text, status_code=refused.status)
        self.recipient_id = recipient_id


class _Peer(NamedTuple):
    """What bot.web.proxy.client_address reads of a request."""

    remote: str
    headers: Mapping[str, str]


def sanic_client_address(request: Request, proxies: tuple[Network, ...]) -> str:
    """The client's address, believing X-Forwarded-For only from a trusted proxy."""
    return client_address(cast(Any, _Peer(request.ip, request.headers)), proxies)


async def check_rest(request: Request) -> None:
    """Raises MessageRefused when the REST message is too long or over a rate limit. A malformed
    body is left to the channel, which answers 400."""
    try:
        body = request.json
    except InvalidUsage:
        return
    if (
        not isinstance(body, dict)
        or not isinstance(body.get("sender"), str)
        or not isinstance(body.get("message"), str)
    ):
        return
    settings = get_settings()
    address = sanic_client_address(request, settings.trusted_proxies)
    refused = await refusal(body["message"], body["sender"], address, settings)
    if refused is not None:
        raise MessageRefused(refused, body["sender"])


def refused_response(_request: Request, error: MessageRefused) -> HTTPResponse:
    """The kind text as the assistant's reply, with the refusal's status (429: with Retry-After)."""
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if error.status_code == 429 else {}
    return response.json(
        [{"recipient_id": error.recipient_id, "text": str(error)}], status=error.status_code, headers=headers
    )


def limited(sio: socketio.AsyncServer, handle: SocketHandler, channel: Any) -> SocketHandler:
    """The socket.io channel's message handler, answering a refused message itself. `channel` is the
    SocketIOInput (its bot_message_evt, namespace and session_persistence)."""

    async def handle_limited(sid: Text, data: Any = None) -> None:
        settings = get_settings()
        conversation = data["session_id"] if channel.session_persistence else sid
        request = (sio.get_environ(sid, channel.namespace) or {}).get("sanic.request")
        address = sanic_client_address(request, settings.trusted_proxies) if request is not None else None
        refused = await refusal(data.get("message") or "", conversation, address, settings)
        if refused is not None:
            await sio.emit(channel.bot_message_evt, {"text": refused.text}, room=sid, namespace=channel.namespace)
            return
        await handle(sid, data)

    return handle_limited


def limit_app(app: Sanic) -> Sanic:
    """`app` reading at most MAX_BODY_BYTES a request and answering MessageRefused kindly."""
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES
    app.error_handler.add(MessageRefused, refused_response)
    return app


_installed: Optional[Callable[..., Sanic]] = None


def install() -> None:
    """Make Rasa's configure_app limit each app it makes (idempotent)."""
    global _installed
    if _installed is not None:
        return
    configure_app = rasa.core.run.configure_app

    @functools.wraps(configure_app)
    def limited_configure_app(*args: Any, **kwargs: Any) -> Sanic:
        return limit_app(configure_app(*args, **kwargs))

    rasa.core.run.configure_app = limited_configure_app
    _installed = limited_configure_app
