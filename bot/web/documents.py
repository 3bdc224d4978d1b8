"""The plan document at /plans/{plan_reference} (HTML, or PDF with ?format=pdf): for a signed-in
adviser (each view is audited), or for the person whose web conversation the plan belongs to,
within `web_verified_minutes` of an identity check in that browser (after that, a page says how
to see it again). The person's copy leaves out what only the council sees (the safeguarding
flag). Anyone else gets the same 404 as for a plan that does not exist."""

from __future__ import annotations

import asyncio
from typing import Optional

from aiohttp import web

from bot.plans.documents import STYLESHEET, person_copy, plan_to_html, plan_to_pdf
from bot.plans.service import PlanNotFound, get_plan
from bot.plans.views import PlanView
from bot.web.auth import current_adviser
from bot.web.chat import verified_session, web_session
from bot.web.console_queries import conversation_id_of, record_view
from bot.web.pages import render

STYLESHEET_URL = "/plan-document.css"


class CheckAgain(Exception):
    """The plan is this browser's, but its identity check is too old to show it."""


async def _owned_by_this_browser(request: web.Request, owner: Optional[str]) -> bool:
    """True when this browser's conversation is the plan's, within the verified window;
    CheckAgain when only the window has passed."""
    session = await web_session(request)
    if owner is None or session is None or session.conversation_id != owner:
        return False
    if await verified_session(request) is None:
        raise CheckAgain()
    return True


async def _allowed_plan(request: web.Request, plan_reference: str) -> PlanView:
    owner = await asyncio.to_thread(conversation_id_of, plan_reference)
    adviser = await current_adviser(request)
    if not (adviser or await _owned_by_this_browser(request, owner)):
        raise web.HTTPNotFound()
    try:
        plan = await asyncio.to_thread(get_plan, plan_reference)
    except PlanNotFound:
        raise web.HTTPNotFound() from None
    if not adviser:
        return person_copy(plan)
    await asyncio.to_thread(record_view, adviser.id, plan.plan_reference, "plan-document-viewed")
    return plan


async def plan_document(request: web.Request) -> web.Response:
    try:
        plan = await _allowed_plan(request, request.match_info["plan_reference"])
    except web.HTTPNotFound:
        return render(request, "not_found.html", status=404)
    except CheckAgain:
        return render(request, "check_again.html", status=403)
    headers = {"Cache-Control": "no-store"}
    if request.query.get("format") == "pdf":
        body = await asyncio.to_thread(plan_to_pdf, plan)
        headers["Content-Disposition"] = f'inline; filename="support-plan-{plan.plan_reference}.pdf"'
        return web.Response(body=body, content_type="application/pdf", headers=headers)
    html = plan_to_html(plan, stylesheet_url=STYLESHEET_URL, pdf_url=f"/plans/{plan.plan_reference}?format=pdf")
    return web.Response(text=html, content_type="text/html", headers=headers)


async def stylesheet(_request: web.Request) -> web.FileResponse:
    return web.FileResponse(STYLESHEET)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/plans/{plan_reference}", plan_document)
    app.router.add_get(STYLESHEET_URL, stylesheet)
