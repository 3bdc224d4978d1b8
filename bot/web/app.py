"""aiohttp application: the chat page and a small relay to Rasa's REST channel.

The browser never talks to Rasa directly: the page posts to /api/messages, which forwards the
text to Rasa with a conversation id kept in an HttpOnly cookie."""
from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any, Dict, List

import aiohttp
from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot.config import Settings

HERE = Path(__file__).parent
COOKIE = "supportplan_conversation"
MAX_MESSAGE_CHARS = 2000
SETTINGS_KEY = web.AppKey("settings", Settings)
HTTP_KEY = web.AppKey("http", aiohttp.ClientSession)

_templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape())


async def chat_page(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS_KEY]
    html = _templates.get_template("chat.html").render(council_name=settings.council_name)
    response = web.Response(text=html, content_type="text/html")
    if COOKIE not in request.cookies:
        response.set_cookie(COOKIE, secrets.token_urlsafe(24), httponly=True, samesite="Strict", max_age=7 * 24 * 3600)
    return response


async def relay_message(request: web.Request) -> web.Response:
    conversation = request.cookies.get(COOKIE)
    if not conversation:
        raise web.HTTPBadRequest(text="Please reload the page to start a conversation.")
    try:
        payload: Dict[str, Any] = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="The message could not be read.")
    if not isinstance(payload, dict):
        raise web.HTTPBadRequest(text="The message could not be read.")
    text = str(payload.get("message") or "").strip()
    if not text:
        raise web.HTTPBadRequest(text="Please type a message.")
    settings = request.app[SETTINGS_KEY]
    url = f"{settings.rasa_url}/webhooks/rest/webhook"
    try:
        async with request.app[HTTP_KEY].post(url, json={"sender": f"web-{conversation}", "message": text[:MAX_MESSAGE_CHARS]}) as reply:
            reply.raise_for_status()
            messages: List[Dict[str, Any]] = await reply.json()
    except (aiohttp.ClientError, TimeoutError):
        messages = [{"text": "Sorry, I can't reply just now. Please try again in a minute. Nothing you told me has been lost."}]
    return web.json_response(messages)


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def secure_headers(_request: web.Request, response: web.StreamResponse) -> None:
    """On every response, errors (404, 413…) included: an on_response_prepare signal, because
    a middleware does not see the responses aiohttp makes for raised HTTP errors."""
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("Content-Security-Policy", "default-src 'self'")


def create_app(settings: Settings) -> web.Application:
    app = web.Application(client_max_size=64 * 1024)
    app.on_response_prepare.append(secure_headers)
    app[SETTINGS_KEY] = settings

    async def http_client(app: web.Application):  # type: ignore[no-untyped-def]
        app[HTTP_KEY] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60))
        yield
        await app[HTTP_KEY].close()

    app.cleanup_ctx.append(http_client)
    app.router.add_get("/", chat_page)
    app.router.add_post("/api/messages", relay_message)
    app.router.add_get("/health", health)
    app.router.add_static("/static/", HERE / "static")
    return app
