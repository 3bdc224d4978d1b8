"""Adviser sign-in for the console: sessions (aiohttp-session, an encrypted cookie), CSRF tokens
on every POST form, `require_adviser` for handlers, and `render_console_page` for pages with the
console's shared layout (templates/console/layout.html).

A console page elsewhere (e.g. bot/web/reporting.py) looks like:

    @require_adviser("manager")
    async def reporting_page(request):
        return await render_console_page(request, "console/reporting.html", title="Reporting", rows=...)

and a POST handler checks its form with `await check_csrf(request)` (it returns the form).
"""
from __future__ import annotations

import asyncio
import functools
import hmac
import secrets
import time
from typing import Any, Awaitable, Callable, Optional
from urllib.parse import quote, urlsplit

from aiohttp import web
from aiohttp_session import get_session, new_session, session_middleware
from aiohttp_session.cookie_storage import EncryptedCookieStorage
from multidict import MultiDictProxy

from bot.secret_keys import ADVISER_SESSIONS, derived_key
from bot.web.accounts import LOCKOUT, AdviserView, authenticate, get_adviser
from bot.web.pages import render

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

SESSION_COOKIE = "supportplan_adviser"
#: a console session ends after this long, signed in or not
SESSION_SECONDS = 8 * 3600
ADVISER_KEY = "adviser"
ROLE_RANK = {"adviser": 1, "manager": 2}


def session_storage(secret_key: str) -> EncryptedCookieStorage:
    """Sessions in a Fernet-encrypted cookie keyed by the adviser-sessions key derived from
    SUPPORTPLAN_SECRET_KEY; HttpOnly and SameSite=Strict (Secure is added on https by
    `secure_cookies`)."""
    key = derived_key(secret_key, ADVISER_SESSIONS)
    return EncryptedCookieStorage(
        key, cookie_name=SESSION_COOKIE, max_age=SESSION_SECONDS,
        httponly=True, samesite="Strict", path="/",
    )


def sessions(secret_key: str) -> Any:
    """The session middleware for the app."""
    return session_middleware(session_storage(secret_key))


async def secure_cookies(request: web.Request, response: web.StreamResponse) -> None:
    """On https, every cookie the app sets is Secure (an on_response_prepare signal)."""
    if request.secure:
        for morsel in response.cookies.values():
            morsel["secure"] = True


# --- CSRF ----------------------------------------------------------------------------------

async def csrf_token(request: web.Request) -> str:
    """This session's CSRF token, made on first use; every console form carries it."""
    session = await get_session(request)
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return str(session["csrf"])


async def check_csrf(request: web.Request) -> MultiDictProxy:
    """The POSTed form, or 403 when its CSRF token is not this session's."""
    form = await request.post()
    session = await get_session(request)
    expected, given = session.get("csrf"), form.get("csrf_token")
    if not (isinstance(expected, str) and isinstance(given, str) and hmac.compare_digest(expected, given)):
        raise web.HTTPForbidden(
            text="This form has expired. Please go back, reload the page and try again.", content_type="text/plain"
        )
    return form


# --- who is signed in ------------------------------------------------------------------------

async def current_adviser(request: web.Request) -> Optional[AdviserView]:
    """The signed-in adviser (checked against the database, so a removed login ends at once)."""
    if ADVISER_KEY in request:
        return request[ADVISER_KEY]
    session = await get_session(request)
    adviser_id = session.get("adviser_id")
    adviser = await asyncio.to_thread(get_adviser, adviser_id) if isinstance(adviser_id, int) else None
    request[ADVISER_KEY] = adviser
    return adviser


def require_adviser(role: str = "adviser") -> Callable[[Handler], Handler]:
    """Handler decorator: signed-out people go to the sign-in page (and come back after); a
    signed-in adviser without `role` ("adviser" or "manager") gets 403."""
    if role not in ROLE_RANK:
        raise ValueError(f"role must be one of {sorted(ROLE_RANK)}")

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(request: web.Request) -> web.StreamResponse:
            adviser = await current_adviser(request)
            if adviser is None:
                target = request.path_qs if request.method == "GET" else "/adviser/"
                raise web.HTTPSeeOther(f"/adviser/login?next={quote(target, safe='')}")
            if ROLE_RANK[adviser.role] < ROLE_RANK[role]:
                return await render_console_page(
                    request, "console/message.html", status=403, title="You cannot see this page",
                    message="This page is for managers. Ask a manager if you need it.",
                )
            return await handler(request)

        return guarded

    return decorate


async def render_console_page(request: web.Request, template: str, title: str, status: int = 200, **context: Any) -> web.Response:
    """A console page: `template` should extend "console/layout.html" (which shows `title` as
    the page title, the console's navigation and the sign-out button)."""
    adviser = await current_adviser(request)
    return render(
        request, template, status=status, title=title, adviser=adviser, csrf_token=await csrf_token(request),
        reporting=bool(adviser and adviser.role == "manager" and "reporting" in request.app.router.named_resources()),
        **context,
    )


# --- signing in and out --------------------------------------------------------------------

def _safe_next(target: Optional[str]) -> str:
    """Only a path inside the console, never another site."""
    if not target:
        return "/adviser/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/adviser/") or "\\" in target:
        return "/adviser/"
    return target


async def login_page(request: web.Request) -> web.Response:
    return await render_console_page(request, "console/login.html", title="Sign in", next=_safe_next(request.query.get("next")))


async def login_submit(request: web.Request) -> web.Response:
    form = await check_csrf(request)
    email, password = str(form.get("email") or ""), str(form.get("password") or "")
    target = _safe_next(str(form.get("next") or ""))
    if not email.strip() or not password:
        return await _login_error(request, "Enter your email address and password.", email, target)
    result = await asyncio.to_thread(authenticate, email[:254], password[:1024])
    if result.locked:
        minutes = int(LOCKOUT.total_seconds() // 60)
        return await _login_error(request, f"This login is locked after too many tries. Please wait {minutes} minutes and try again.", email, target)
    if result.adviser is None:
        return await _login_error(request, "The email address or password is not right. Please try again.", email, target)
    session = await new_session(request)  # a fresh session: no fixation
    session.update({"adviser_id": result.adviser.id, "signed_in_at": int(time.time()), "csrf": secrets.token_urlsafe(32)})
    raise web.HTTPSeeOther(target)


async def _login_error(request: web.Request, error: str, email: str, target: str) -> web.Response:
    return await render_console_page(
        request, "console/login.html", status=401, title="Sign in", error=error, email=email, next=target
    )


async def logout(request: web.Request) -> web.Response:
    await check_csrf(request)
    session = await get_session(request)
    session.invalidate()
    raise web.HTTPSeeOther("/adviser/login")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/adviser/login", login_page)
    app.router.add_post("/adviser/login", login_submit)
    app.router.add_post("/adviser/logout", logout)
