"""Adviser sign-in for the console: the password, then (for a login with TOTP) the 6-digit code;
sessions kept on the server (bot/web/adviser_sessions.py) whose random id is all the encrypted
cookie (aiohttp-session) holds besides the CSRF token; CSRF tokens on every POST form;
`require_adviser` for handlers, and `render_console_page` for pages with the console's shared
layout (templates/console/layout.html).

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
from typing import Any, Awaitable, Callable, Optional
from urllib.parse import quote, urlsplit

from aiohttp import hdrs, web
from aiohttp_session import get_session, new_session, session_middleware
from aiohttp_session.cookie_storage import EncryptedCookieStorage
from multidict import MultiDictProxy

from bot.secret_keys import ADVISER_SESSIONS, derived_key
from bot.web import adviser_sessions
from bot.web.accounts import LOCKOUT, MAX_FAILURES, AdviserView, authenticate, check_code
from bot.web.keys import SETTINGS_KEY
from bot.web.pages import render
from bot.web.proxy import is_https

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

SESSION_COOKIE = "supportplan_adviser"
#: the cookie lasts this long; the server ends a session sooner (adviser_sessions: idle, revoked)
SESSION_SECONDS = int(adviser_sessions.LONGEST.total_seconds())
ADVISER_KEY = "adviser"
#: set on a request that does not count as the adviser's activity (the live view's own updates)
PASSIVE_KEY = "adviser_passive"
ROLE_RANK = {"adviser": 1, "manager": 2}
CODE_PAGE = "/adviser/login/code"
#: browsers use only https for the site for a year once they have seen this over https
HSTS = "max-age=31536000"

#: one answer for a wrong password, an unknown email and a locked login, so none is told apart
NOT_SIGNED_IN = (
    "We could not sign you in with those details. Check your email address and password and try again. "
    f"After {MAX_FAILURES} wrong tries, a login is locked for {int(LOCKOUT.total_seconds() // 60)} minutes."
)
TURNED_OFF = "This login has been turned off. If you still need it, please ask your manager."
WRONG_CODE = "That code did not work. Check the 6-digit code in your app and try again."
CODE_LOCKED = (
    f"That code did not work either, so this login is now locked for {int(LOCKOUT.total_seconds() // 60)} minutes. "
    "Please wait, then sign in again."
)


def session_storage(secret_key: str) -> EncryptedCookieStorage:
    """Sessions in a Fernet-encrypted cookie keyed by the adviser-sessions key derived from
    SUPPORTPLAN_SECRET_KEY; HttpOnly and SameSite=Strict (Secure is added on https by
    `secure_cookies`)."""
    key = derived_key(secret_key, ADVISER_SESSIONS)
    return EncryptedCookieStorage(
        key,
        cookie_name=SESSION_COOKIE,
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="Strict",
        path="/",
    )


def sessions(secret_key: str) -> Any:
    """The session middleware for the app."""
    return session_middleware(session_storage(secret_key))


def _https(request: web.Request) -> bool:
    return is_https(request, request.app[SETTINGS_KEY].trusted_proxies)


async def secure_cookies(request: web.Request, response: web.StreamResponse) -> None:
    """On https (a TLS connection, or a trusted proxy's X-Forwarded-Proto), every cookie the app
    sets is Secure and Strict-Transport-Security is sent (an on_response_prepare signal)."""
    if _https(request):
        response.headers.setdefault("Strict-Transport-Security", HSTS)
        # aiohttp has already written the Set-Cookie headers when this signal runs: write them again
        response.headers.popall(hdrs.SET_COOKIE, None)
        for morsel in response.cookies.values():
            morsel["secure"] = True
            response.headers.add(hdrs.SET_COOKIE, morsel.output(header="")[1:])


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
    """The signed-in adviser: the cookie's session id must name a live session on the server, so
    signing out, disabling a login or a new password ends it at once."""
    if ADVISER_KEY in request:
        return request[ADVISER_KEY]
    session = await get_session(request)
    token = session.get("sid")
    adviser = None
    if isinstance(token, str):
        adviser = await asyncio.to_thread(adviser_sessions.signed_in, token, not request.get(PASSIVE_KEY))
    request[ADVISER_KEY] = adviser
    return adviser


def require_adviser(role: str = "adviser", activity: bool = True) -> Callable[[Handler], Handler]:
    """Handler decorator: signed-out people go to the sign-in page (and come back after); a
    signed-in adviser without `role` ("adviser" or "manager") gets 403. With activity=False
    (requests the page makes by itself) the request does not hold off the idle timeout."""
    if role not in ROLE_RANK:
        raise ValueError(f"role must be one of {sorted(ROLE_RANK)}")

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(request: web.Request) -> web.StreamResponse:
            request[PASSIVE_KEY] = not activity
            adviser = await current_adviser(request)
            if adviser is None:
                target = request.path_qs if request.method == "GET" else "/adviser/"
                raise web.HTTPSeeOther(f"/adviser/login?next={quote(target, safe='')}")
            if ROLE_RANK[adviser.role] < ROLE_RANK[role]:
                return await render_console_page(
                    request,
                    "console/message.html",
                    status=403,
                    title="You cannot see this page",
                    message="This page is for managers. Ask a manager if you need it.",
                )
            return await handler(request)

        return guarded

    return decorate


async def render_console_page(
    request: web.Request, template: str, title: str, status: int = 200, **context: Any
) -> web.Response:
    """A console page: `template` should extend "console/layout.html" (which shows `title` as
    the page title, the console's navigation and the sign-out button)."""
    adviser = await current_adviser(request)
    return render(
        request,
        template,
        status=status,
        title=title,
        adviser=adviser,
        csrf_token=await csrf_token(request),
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
    return await render_console_page(
        request, "console/login.html", title="Sign in", next=_safe_next(request.query.get("next"))
    )


async def _begin(request: web.Request, adviser_id: int, awaiting_code: bool = False) -> None:
    """A fresh cookie session (no fixation) holding only a new server session's id and a CSRF token."""
    token = await asyncio.to_thread(adviser_sessions.start, adviser_id, awaiting_code)
    session = await new_session(request)
    session.update({"sid": token, "csrf": secrets.token_urlsafe(32)})


async def _end(request: web.Request) -> None:
    """Revoke the cookie's server session (if any) and empty the cookie."""
    session = await get_session(request)
    token = session.get("sid")
    if isinstance(token, str):
        await asyncio.to_thread(adviser_sessions.revoke, token)
    session.invalidate()


async def login_submit(request: web.Request) -> web.Response:
    form = await check_csrf(request)
    email, password = str(form.get("email") or ""), str(form.get("password") or "")
    target = _safe_next(str(form.get("next") or ""))
    if not email.strip() or not password:
        return await _login_error(request, "Enter your email address and password.", email, target)
    result = await asyncio.to_thread(authenticate, email[:254], password[:1024])
    if result.disabled:
        return await _login_error(request, TURNED_OFF, email, target)
    if result.needs_enrolment:
        return await _login_error(request, _needs_totp(email), email, target)
    if result.adviser is None:
        return await _login_error(request, NOT_SIGNED_IN, email, target)
    await _begin(request, result.adviser.id, awaiting_code=result.needs_code)
    raise web.HTTPSeeOther(f"{CODE_PAGE}?next={quote(target, safe='')}" if result.needs_code else target)


def _needs_totp(email: str) -> str:
    return (
        "Managers need a 6-digit code from an authenticator app to sign in, and this login does not have one yet. "
        f"Please ask whoever looks after the system to set it up with: supportplan adviser totp {email.strip().lower()}"
    )


async def _login_error(request: web.Request, error: str, email: str, target: str) -> web.Response:
    return await render_console_page(
        request, "console/login.html", status=401, title="Sign in", error=error, email=email, next=target
    )


async def _waiting_adviser(request: web.Request) -> Optional[int]:
    token = (await get_session(request)).get("sid")
    return await asyncio.to_thread(adviser_sessions.awaiting_code, token) if isinstance(token, str) else None


def _back_to_sign_in(target: str) -> web.HTTPSeeOther:
    return web.HTTPSeeOther(f"/adviser/login?next={quote(target, safe='')}")


async def code_page(request: web.Request) -> web.Response:
    """The second step: the 6-digit code, for a login with TOTP whose password was right."""
    target = _safe_next(request.query.get("next"))
    if await _waiting_adviser(request) is None:
        raise _back_to_sign_in(target)
    return await _code_page(request, target)


async def _code_page(request: web.Request, target: str, error: Optional[str] = None) -> web.Response:
    return await render_console_page(
        request,
        "console/login_code.html",
        status=401 if error else 200,
        title="Enter your code",
        next=target,
        error=error,
    )


async def code_submit(request: web.Request) -> web.Response:
    form = await check_csrf(request)
    target = _safe_next(str(form.get("next") or ""))
    adviser_id = await _waiting_adviser(request)
    if adviser_id is None:
        raise _back_to_sign_in(target)
    secret_key = request.app[SETTINGS_KEY].secret_key
    result = await asyncio.to_thread(check_code, adviser_id, str(form.get("code") or "")[:20], secret_key)
    if result.locked:
        await _end(request)
        return await _code_page(request, target, CODE_LOCKED)
    if result.adviser is None:
        return await _code_page(request, target, WRONG_CODE)
    await _end(request)
    await _begin(request, result.adviser.id)
    raise web.HTTPSeeOther(target)


async def logout(request: web.Request) -> web.Response:
    await check_csrf(request)
    await _end(request)
    raise web.HTTPSeeOther("/adviser/login")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/adviser/login", login_page)
    app.router.add_post("/adviser/login", login_submit)
    app.router.add_get(CODE_PAGE, code_page)
    app.router.add_post(CODE_PAGE, code_submit)
    app.router.add_post("/adviser/logout", logout)
