"""The chat page for budget holders, and its small JSON API.

The browser never talks to Rasa directly: the page posts to /api/messages, which forwards the
text to Rasa's private relay channel (bot/rasa_plugins/relay.py) for the browser's conversation.
The HttpOnly cookie holds a random value that the `web_sessions` table maps to the conversation
(bot/web/web_sessions.py): a new value replaces it when the person's identity is checked, it
stops working after `web_idle_minutes` without a message, and "Finish and forget this device"
ends it. The page restores itself from /api/history and shows the running budget from
/api/budget, both only within `web_verified_minutes` of an identity check in this browser."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any, Dict, Optional

import aiohttp
from aiohttp import web
from sqlalchemy import select

from bot.channels.limits import web_refusal
from bot.channels.metadata import client_key_for
from bot.channels.relay_key import KEY_HEADER, RELAY_PATH, relay_key
from bot.db.models import Plan
from bot.db.session import session_scope
from bot.money import format_pounds
from bot.plans.service import get_plan
from bot.plans.views import PlanView
from bot.web import web_sessions
from bot.web.keys import HTTP_KEY, SETTINGS_KEY
from bot.web.origin import check_origin
from bot.web.pages import render
from bot.web.proxy import client_address
from bot.web.transcripts import conversation
from bot.web.web_sessions import WebSessionView

COOKIE = "supportplan_conversation"
#: the domain response said when the identity check succeeds (actions/identity.py)
IDENTITY_CONFIRMED = "utter_identity_confirmed"
SORRY = "Sorry, I can't reply just now. Please try again in a minute. Nothing you told me has been lost."
ENDED = (
    "This conversation has ended, to keep your answers private. Please reload the page to start again. "
    "Your plan is saved."
)
CHECK_AGAIN = (
    "To keep your plan private, your conversation is only shown for an hour after we check who you are. "
    "To carry on, tell me your reference number and date of birth again."
)
_SESSION = "web_session"


def _idle(request: web.Request) -> timedelta:
    return timedelta(minutes=request.app[SETTINGS_KEY].web_idle_minutes)


def _verified_window(request: web.Request) -> timedelta:
    return timedelta(minutes=request.app[SETTINGS_KEY].web_verified_minutes)


def _set_cookie(response: web.StreamResponse, token: str) -> None:
    """A browser-session cookie: the server ends the conversation's hold long before any expiry."""
    response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")


async def web_session(request: web.Request) -> Optional[WebSessionView]:
    """This browser's live chat session (looked up once per request), or None."""
    if _SESSION not in request:
        token = request.cookies.get(COOKIE)
        request[_SESSION] = await asyncio.to_thread(web_sessions.find, token, _idle(request)) if token else None
    return request[_SESSION]


async def verified_session(request: web.Request) -> Optional[WebSessionView]:
    """This browser's session if the identity was checked in it within `web_verified_minutes`."""
    session = await web_session(request)
    return session if session and session.verified_within(_verified_window(request)) else None


async def _required_session(request: web.Request) -> WebSessionView:
    session = await web_session(request)
    if session is None:
        raise web.HTTPBadRequest(text=ENDED)
    return session


async def chat_page(request: web.Request) -> web.Response:
    """The page. A browser keeps its conversation only within the verified window; otherwise
    (or after the old one ended) it starts a new one, and is told kindly when it had one."""
    if await verified_session(request):
        return render(request, "chat.html")
    had_one = COOKIE in request.cookies
    if had_one:
        await asyncio.to_thread(web_sessions.end, request.cookies[COOKIE])
    token, _ = await asyncio.to_thread(web_sessions.start, _idle(request))
    response = render(request, "chat.html", restarted=had_one)
    _set_cookie(response, token)
    return response


async def save_page(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS_KEY]
    return render(request, "save.html", retention_days=settings.retention_days, idle_minutes=settings.web_idle_minutes)


async def _message_text(request: web.Request) -> str:
    try:
        payload: Any = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="The message could not be read.") from None
    if not isinstance(payload, dict):
        raise web.HTTPBadRequest(text="The message could not be read.") from None
    text = str(payload.get("message") or "").strip()
    if not text:
        raise web.HTTPBadRequest(text="Please type a message.")
    return text


async def _ask_rasa(request: web.Request, session: WebSessionView, text: str) -> Dict[str, Any]:
    """Rasa's answer through the relay channel: {"messages": […], "responses": […]}."""
    settings = request.app[SETTINGS_KEY]
    body = {
        "sender": session.conversation_id,
        "message": text,
        "client_key": client_key_for(client_address(request, settings.trusted_proxies), settings.secret_key),
    }
    headers = {KEY_HEADER: relay_key(settings.secret_key)}
    try:
        async with request.app[HTTP_KEY].post(settings.rasa_url + RELAY_PATH, json=body, headers=headers) as reply:
            reply.raise_for_status()
            answer = await reply.json()
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        answer = None
    if not isinstance(answer, dict) or not isinstance(answer.get("messages"), list):
        return {"messages": [{"text": SORRY}], "responses": []}
    return answer


async def relay_message(request: web.Request) -> web.Response:
    check_origin(request)
    session = await _required_session(request)
    text = await _message_text(request)
    if (refused := await web_refusal(request, session.conversation_id, text)) is not None:
        return refused  # too long or too many (bot/channels/limits.py)
    answer = await _ask_rasa(request, session, text)
    response = web.json_response(answer["messages"], headers={"Cache-Control": "no-store"})
    if IDENTITY_CONFIRMED in (answer.get("responses") or []):
        new_token = await asyncio.to_thread(web_sessions.rotate, request.cookies[COOKIE])
        if new_token:
            _set_cookie(response, new_token)
    return response


async def forget(request: web.Request) -> web.Response:
    """ "Finish and forget this device": the session ends here and in the browser."""
    check_origin(request)
    token = request.cookies.get(COOKIE)
    if token:
        await asyncio.to_thread(web_sessions.end, token)
    response = web.Response(status=303, headers={"Location": "/finished"})
    response.del_cookie(COOKIE, path="/")
    return response


async def finished_page(request: web.Request) -> web.Response:
    return render(request, "finished.html")


async def history(request: web.Request) -> web.Response:
    """The conversation so far, for restoring the page after a reload (safeguarding exchanges
    left out, bot/web/transcripts.py); nothing unless the identity was checked recently."""
    session = await _required_session(request)
    body: Dict[str, Any] = {"messages": []}
    if session.verified_within(_verified_window(request)):
        messages = await asyncio.to_thread(conversation, session.conversation_id, for_person=True)
        body["messages"] = [m.to_json() for m in messages]
    elif session.verified_at is not None:
        body["notice"] = CHECK_AGAIN
    return web.json_response(body, headers={"Cache-Control": "no-store"})


def plan_of_conversation(conversation_id: str) -> Optional[PlanView]:
    """The newest plan worked on in this conversation (blocking)."""
    with session_scope() as session:
        reference = session.execute(
            select(Plan.plan_reference).where(Plan.conversation_id == conversation_id).order_by(Plan.id.desc()).limit(1)
        ).scalar_one_or_none()
    return get_plan(reference) if reference else None


def budget_summary(plan: PlanView) -> Dict[str, Any]:
    over = plan.remaining_weekly < 0
    return {
        "plan_reference": plan.plan_reference,
        "weekly": format_pounds(plan.budget.weekly),
        "spent": format_pounds(plan.total_weekly_cost),
        "left": format_pounds(-plan.remaining_weekly if over else plan.remaining_weekly),
        "over_budget": over,
        "document_url": f"/plans/{plan.plan_reference}",
    }


async def budget(request: web.Request) -> web.Response:
    """The running budget of this conversation's plan, or {"plan": null} before there is one
    (or when the identity was not checked recently in this browser)."""
    await _required_session(request)
    session = await verified_session(request)
    plan = await asyncio.to_thread(plan_of_conversation, session.conversation_id) if session else None
    body = {"plan": budget_summary(plan) if plan else None}
    return web.json_response(body, headers={"Cache-Control": "no-store"})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/", chat_page)
    app.router.add_get("/save", save_page)
    app.router.add_post("/forget", forget)
    app.router.add_get("/finished", finished_page)
    app.router.add_post("/api/messages", relay_message)
    app.router.add_get("/api/history", history)
    app.router.add_get("/api/budget", budget)
