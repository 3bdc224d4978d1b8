"""The chat page for budget holders, and its small JSON API.

The browser never talks to Rasa directly: the page posts to /api/messages, which forwards the
text to Rasa's REST channel with the conversation id `web-<cookie>` (an HttpOnly cookie). The
page restores itself from /api/history (the tracker store) and shows the running budget from
/api/budget once a plan exists, which is only after the person's identity is checked."""
from __future__ import annotations

import asyncio
import secrets
from typing import Any, Dict, List, Optional

import aiohttp
from aiohttp import web
from sqlalchemy import select

from bot.channels.limits import MAX_MESSAGE_CHARS, web_refusal
from bot.db.models import Plan
from bot.db.session import session_scope
from bot.money import format_pounds
from bot.plans.service import get_plan
from bot.plans.views import PlanView
from bot.web.keys import HTTP_KEY, SETTINGS_KEY
from bot.web.pages import render
from bot.web.transcripts import conversation

COOKIE = "supportplan_conversation"
COOKIE_MAX_AGE = 7 * 24 * 3600
SORRY = "Sorry, I can't reply just now. Please try again in a minute. Nothing you told me has been lost."


def sender_id(request: web.Request) -> Optional[str]:
    """The Rasa conversation of this browser, or None before the chat page has set the cookie."""
    cookie = request.cookies.get(COOKIE)
    return f"web-{cookie}" if cookie else None


def _required_sender(request: web.Request) -> str:
    sender = sender_id(request)
    if sender is None:
        raise web.HTTPBadRequest(text="Please reload the page to start a conversation.")
    return sender


async def chat_page(request: web.Request) -> web.Response:
    response = render(request, "chat.html")
    if COOKIE not in request.cookies:
        response.set_cookie(COOKIE, secrets.token_urlsafe(24), httponly=True, samesite="Strict", max_age=COOKIE_MAX_AGE)
    return response


async def save_page(request: web.Request) -> web.Response:
    return render(request, "save.html", retention_days=request.app[SETTINGS_KEY].retention_days)


async def relay_message(request: web.Request) -> web.Response:
    sender = _required_sender(request)
    try:
        payload: Any = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="The message could not be read.")
    if not isinstance(payload, dict):
        raise web.HTTPBadRequest(text="The message could not be read.")
    text = str(payload.get("message") or "").strip()
    if not text:
        raise web.HTTPBadRequest(text="Please type a message.")
    if (refused := await web_refusal(request, sender, text)) is not None:
        return refused
    url = f"{request.app[SETTINGS_KEY].rasa_url}/webhooks/rest/webhook"
    try:
        async with request.app[HTTP_KEY].post(url, json={"sender": sender, "message": text[:MAX_MESSAGE_CHARS]}) as reply:
            reply.raise_for_status()
            messages: List[Dict[str, Any]] = await reply.json()
    except (aiohttp.ClientError, asyncio.TimeoutError):
        messages = [{"text": SORRY}]
    return web.json_response(messages, headers={"Cache-Control": "no-store"})


async def history(request: web.Request) -> web.Response:
    """The conversation so far, for restoring the page after a reload."""
    sender = _required_sender(request)
    messages = await asyncio.to_thread(conversation, sender)
    return web.json_response({"messages": [m.to_json() for m in messages]}, headers={"Cache-Control": "no-store"})


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
    """The running budget of this conversation's plan, or {"plan": null} before there is one."""
    plan = await asyncio.to_thread(plan_of_conversation, _required_sender(request))
    body = {"plan": budget_summary(plan) if plan else None}
    return web.json_response(body, headers={"Cache-Control": "no-store"})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/", chat_page)
    app.router.add_get("/save", save_page)
    app.router.add_post("/api/messages", relay_message)
    app.router.add_get("/api/history", history)
    app.router.add_get("/api/budget", budget)
