"""Cross-site request refusal for the chat page's POSTs: the browser's Origin header (or, when it
sends none, the Referer's origin) must be the app's own. A request with neither header did not
come from a page of another site in a browser (browsers send Origin on every cross-site POST), and
the conversation cookie is SameSite=Strict besides."""

from __future__ import annotations

from typing import Optional
from urllib.parse import urlsplit

from aiohttp import web

from bot.web.keys import SETTINGS_KEY
from bot.web.proxy import is_https

REFUSED = "This request did not come from this website, so it was not accepted. Please go back to the chat page and try again."


def own_origin(request: web.Request) -> str:
    """The app's origin as the browser sees it: scheme (https behind a trusted TLS proxy) and host."""
    scheme = "https" if is_https(request, request.app[SETTINGS_KEY].trusted_proxies) else "http"
    return f"{scheme}://{request.host}".lower()


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else "null"


def claimed_origin(request: web.Request) -> Optional[str]:
    """The origin the browser says the request came from, or None when it says nothing."""
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin.strip().lower()
    referer = request.headers.get("Referer")
    return _origin_of(referer) if referer is not None else None


def check_origin(request: web.Request) -> None:
    """403 for a request from another origin (an opaque "null" origin included)."""
    claimed = claimed_origin(request)
    if claimed is not None and claimed != own_origin(request):
        raise web.HTTPForbidden(text=REFUSED, content_type="text/plain")
