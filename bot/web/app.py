"""The aiohttp web app: the chat page (bot/web/chat.py), the adviser console (adviser.py, with
sign-in in auth.py) and the plan document (documents.py), styled with GOV.UK Frontend from
bot/web/frontend/node_modules (installed by `make install` with `npm ci`)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import AsyncIterator

import aiohttp
from aiohttp import web

from bot.channels.limits import MAX_BODY_BYTES
from bot.config import Settings
from bot.web import adviser, auth, chat, documents, reporting
from bot.web.chat import COOKIE  # noqa: F401  (the conversation cookie's name, used by tests)
from bot.web.keys import HTTP_KEY, SETTINGS_KEY
from bot.web.pages import render

HERE = Path(__file__).resolve().parent
GOVUK_FRONTEND = HERE / "frontend" / "node_modules" / "govuk-frontend" / "dist" / "govuk"

log = logging.getLogger(__name__)


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def secure_headers(request: web.Request, response: web.StreamResponse) -> None:
    """On every response, errors (404, 413…) included: an on_response_prepare signal, because
    a middleware does not see the responses aiohttp makes for raised HTTP errors. On https
    (also behind a trusted proxy) cookies are Secure and HSTS is sent (auth.secure_cookies)."""
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault(
        "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'"
    )
    await auth.secure_cookies(request, response)


@web.middleware
async def friendly_not_found(request: web.Request, handler: auth.Handler) -> web.StreamResponse:
    """A page in plain words, with the site's layout, for an address that does not exist."""
    try:
        return await handler(request)
    except web.HTTPNotFound:
        unrouted = request.match_info.http_exception is not None
        if (
            not unrouted
            or request.method != "GET"
            or request.path.startswith(("/api/", "/static/", "/govuk/", "/assets/"))
        ):
            raise
        return render(request, "not_found.html", status=404)


def _add_design_library(app: web.Application) -> None:
    if not GOVUK_FRONTEND.is_dir():
        log.warning("GOV.UK Frontend is not installed (run `make install`): pages will have no styles")
        return
    app.router.add_static("/govuk/", GOVUK_FRONTEND)
    app.router.add_static("/assets/", GOVUK_FRONTEND / "assets")


def create_app(settings: Settings) -> web.Application:
    app = web.Application(
        client_max_size=MAX_BODY_BYTES, middlewares=[friendly_not_found, auth.sessions(settings.secret_key)]
    )
    # aiosignal 1.4's types for Signal do not fit aiohttp 3.9's; the web app's own environment has a newer aiohttp
    app.on_response_prepare.append(secure_headers)  # type: ignore[arg-type]
    app[SETTINGS_KEY] = settings

    async def http_client(app: web.Application) -> AsyncIterator[None]:
        app[HTTP_KEY] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60))
        yield
        await app[HTTP_KEY].close()

    app.cleanup_ctx.append(http_client)
    chat.add_routes(app)
    auth.add_routes(app)
    adviser.add_routes(app)
    documents.add_routes(app)
    reporting.add_routes(app)
    app.router.add_get("/health", health)
    app.router.add_static("/static/", HERE / "static")
    _add_design_library(app)
    return app
