"""The adviser console (/adviser/): the queue of people who need a person, plans by status with a
search by reference, a live view of a plan beside its conversation, and agreeing a sent plan.
Every time an adviser opens a person's plan, an audit line is written; the live view's updates
write one every few minutes while the adviser watches (console_queries.record_live_view). The
home page alerts advisers to identity checks locked in the last 24 hours; /adviser/identity
clears a lock. /adviser/reviews is the reviews queue (bot/reviews/queue.py), and a plan's page
shows its reviews and its spending against the plan."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any, Dict, List, Optional

from aiohttp import web

from bot.db.models import utcnow
from bot.identity import locks_since, normalise_reference, unlock_reference
from bot.plans.service import PlanError, PlanNotFound, get_plan, mark_agreed
from bot.plans.views import PlanView
from bot.reviews.queue import DUE_WITHIN, RECENTLY, plan_reviews, reviews_queue, spending_of_plan
from bot.web.auth import check_csrf, current_adviser, render_console_page, require_adviser
from bot.web.console_queries import (
    STATUSES,
    conversation_id_of,
    plans_with_status,
    queue,
    record_live_view,
    record_view,
    reopened_at,
    search,
)
from bot.web.pages import render_html
from bot.web.transcripts import Message, conversation

#: how often the live view asks for changes, in seconds (0: it does not, the plan is closed)
LIVE_REFRESH_SECONDS = 5
#: how far back the home page counts identity locks
IDENTITY_ALERT_PERIOD = timedelta(hours=24)
IDENTITY_NOTICES = {
    "cleared": "The lock is cleared. The person can check who they are again now.",
    "nothing": "There was no lock or failed check to clear for that reference.",
}


def _recent_identity_locks() -> int:
    return locks_since(utcnow() - IDENTITY_ALERT_PERIOD)


@require_adviser()
async def console_home(request: web.Request) -> web.Response:
    status = request.query.get("status", "submitted")
    if status not in STATUSES:
        status = "submitted"
    query = request.query.get("q", "").strip()[:40]
    waiting = await asyncio.to_thread(queue)
    found = await asyncio.to_thread(search, query) if query else None
    listed = await asyncio.to_thread(plans_with_status, status)
    return await render_console_page(
        request,
        "console/plans.html",
        title="Plans",
        queue=waiting,
        query=query,
        found=found,
        shown_status=status,
        statuses=STATUSES,
        plans=listed,
        identity_locks=await asyncio.to_thread(_recent_identity_locks),
    )


async def _plan_or_404(request: web.Request, plan_reference: str) -> PlanView:
    try:
        return await asyncio.to_thread(get_plan, plan_reference)
    except PlanNotFound:
        raise web.HTTPNotFound(text="There is no plan with that reference.") from None


async def _live_parts(request: web.Request, plan: PlanView) -> Dict[str, Any]:
    transcript = await _conversation_of(plan.plan_reference)
    reopened = await asyncio.to_thread(reopened_at, plan.plan_reference)
    return {
        "plan_html": render_html(request, "console/_plan.html", plan=plan, reopened_at=reopened),
        "transcript_html": render_html(request, "console/_transcript.html", transcript=transcript),
        "status": plan.status,
        "refresh": LIVE_REFRESH_SECONDS if plan.status == "draft" else 0,
    }


async def _conversation_of(plan_reference: str) -> List[Message]:
    sender = await asyncio.to_thread(conversation_id_of, plan_reference)
    return await asyncio.to_thread(conversation, sender) if sender else []


@require_adviser()
async def plan_view(request: web.Request) -> web.Response:
    reference = request.match_info["plan_reference"]
    plan = await _plan_or_404(request, reference)
    adviser = await current_adviser(request)
    assert adviser is not None  # require_adviser
    await asyncio.to_thread(record_view, adviser.id, plan.plan_reference)
    parts = await _live_parts(request, plan)
    today = utcnow().date()
    return await render_console_page(
        request,
        "console/plan.html",
        title=f"Plan {plan.plan_reference}",
        plan=plan,
        parts=parts,
        notice=_notice(request.query.get("done")),
        reviewed=await asyncio.to_thread(plan_reviews, plan.plan_reference, today),
        spending=await asyncio.to_thread(spending_of_plan, plan.plan_reference, today),
    )


@require_adviser()
async def reviews_page(request: web.Request) -> web.Response:
    """The reviews queue: overdue, due soon, needing a person (with why), done lately."""
    today = utcnow().date()
    return await render_console_page(
        request,
        "console/reviews.html",
        title="Reviews",
        queue=await asyncio.to_thread(reviews_queue, today),
        due_weeks=DUE_WITHIN.days // 7,
        recent_weeks=RECENTLY.days // 7,
    )


def _notice(done: Optional[str]) -> Optional[str]:
    return {"agreed": "The plan is now agreed."}.get(done or "")


@require_adviser(activity=False)
async def plan_live(request: web.Request) -> web.Response:
    """The plan and conversation as HTML fragments, for the open plan page to refresh itself
    (audited; not counted as the adviser's activity, so an open page does not stop the idle timeout)."""
    plan = await _plan_or_404(request, request.match_info["plan_reference"])
    adviser = await current_adviser(request)
    assert adviser is not None  # require_adviser
    await asyncio.to_thread(record_live_view, adviser.id, plan.plan_reference)
    parts = await _live_parts(request, plan)
    return web.json_response(parts, headers={"Cache-Control": "no-store"})


@require_adviser()
async def agree_plan(request: web.Request) -> web.Response:
    await check_csrf(request)
    plan = await _plan_or_404(request, request.match_info["plan_reference"])
    adviser = await current_adviser(request)
    assert adviser is not None  # require_adviser
    try:
        await asyncio.to_thread(mark_agreed, plan.plan_reference, f"adviser:{adviser.id}")
    except PlanError:
        return await render_console_page(
            request,
            "console/message.html",
            status=409,
            title="This plan cannot be agreed",
            message="Only a plan that the person has sent can be agreed. This one is not waiting to be agreed.",
            back=f"/adviser/plans/{plan.plan_reference}",
        )
    raise web.HTTPSeeOther(f"/adviser/plans/{plan.plan_reference}?done=agreed")


@require_adviser()
async def identity_page(request: web.Request) -> web.Response:
    return await render_console_page(
        request,
        "console/identity.html",
        title="Identity checks",
        locks=await asyncio.to_thread(_recent_identity_locks),
        notice=IDENTITY_NOTICES.get(request.query.get("done", "")),
    )


@require_adviser()
async def identity_unlock(request: web.Request) -> web.Response:
    """Clears the failed checks and lock on the reference typed (audited with the adviser's id)."""
    form = await check_csrf(request)
    reference = str(form.get("reference") or "")[:40]
    adviser = await current_adviser(request)
    assert adviser is not None  # require_adviser
    if not normalise_reference(reference):
        raise web.HTTPSeeOther("/adviser/identity")
    cleared = await asyncio.to_thread(unlock_reference, reference, f"adviser:{adviser.id}")
    raise web.HTTPSeeOther(f"/adviser/identity?done={'cleared' if cleared else 'nothing'}")


async def to_console(_request: web.Request) -> web.Response:
    raise web.HTTPSeeOther("/adviser/")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/adviser/", console_home, name="console")
    app.router.add_get("/adviser", to_console)
    app.router.add_get("/adviser/reviews", reviews_page, name="reviews")
    app.router.add_get("/adviser/plans/{plan_reference}", plan_view)
    app.router.add_get("/adviser/plans/{plan_reference}/live", plan_live)
    app.router.add_post("/adviser/plans/{plan_reference}/agree", agree_plan)
    app.router.add_get("/adviser/identity", identity_page)
    app.router.add_post("/adviser/identity/unlock", identity_unlock)
