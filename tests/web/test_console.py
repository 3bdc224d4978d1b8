"""The adviser console through the real aiohttp app: sign-in with CSRF and lockout, the queue,
search, plans by status, the live view with its audit line, and agreeing a sent plan."""

from __future__ import annotations

from typing import Dict

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from yarl import URL

from bot.plans import service
from bot.web.accounts import MAX_FAILURES
from bot.web.auth import SESSION_COOKIE, render_console_page, require_adviser
from tests.support.advisers import MANAGER_PASSWORD, PASSWORD, csrf_of, sign_in
from tests.support.conversations import save_conversation
from tests.support.plans import audit, make_plan

pytestmark = pytest.mark.asyncio


async def test_the_console_needs_a_login_and_comes_back_after_it(client: TestClient, advisers: Dict[str, int]) -> None:
    response = await client.get("/adviser/plans/SP-1?x=1", allow_redirects=False)
    location = URL(response.headers["Location"])
    assert (
        response.status == 303
        and location.path == "/adviser/login"
        and location.query["next"] == "/adviser/plans/SP-1?x=1"
    )
    page = await client.get(response.headers["Location"])
    assert 'name="next" value="/adviser/plans/SP-1?x=1"' in await page.text()


async def test_the_session_cookie_flags(client: TestClient, advisers: Dict[str, int]) -> None:
    response = await client.get("/adviser/login")
    cookie = response.cookies[SESSION_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"


async def test_a_form_without_the_csrf_token_is_refused(client: TestClient, advisers: Dict[str, int]) -> None:
    await client.get("/adviser/login")
    for token in ("", "forged"):
        response = await client.post(
            "/adviser/login", data={"email": "ada@council.example", "password": PASSWORD, "csrf_token": token}
        )
        assert response.status == 403 and "expired" in await response.text()
    assert (await client.get("/adviser/", allow_redirects=False)).status == 303


async def test_wrong_passwords_then_the_lockout(client: TestClient, advisers: Dict[str, int]) -> None:
    for _attempt in range(MAX_FAILURES):
        token = await csrf_of(client)
        response = await client.post(
            "/adviser/login", data={"email": "ada@council.example", "password": "nope", "csrf_token": token}
        )
        assert response.status == 401
    page = await response.text()
    assert "locked" in page and "15 minutes" in page and 'role="alert"' in page
    token = await csrf_of(client)
    response = await client.post(
        "/adviser/login", data={"email": "ada@council.example", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status == 401 and "locked" in await response.text()


async def test_an_outside_next_address_is_ignored(client: TestClient, advisers: Dict[str, int]) -> None:
    for target in ("https://evil.example/", "//evil.example/adviser/", "/plans/SP-1"):
        token = await csrf_of(client)
        response = await client.post(
            "/adviser/login",
            allow_redirects=False,
            data={"email": "ada@council.example", "password": PASSWORD, "csrf_token": token, "next": target},
        )
        assert response.headers["Location"] == "/adviser/"


async def test_signing_in_gives_a_new_session_and_signing_out_ends_it(
    client: TestClient, advisers: Dict[str, int]
) -> None:
    before = await csrf_of(client)
    await sign_in(client)
    home = await client.get("/adviser/")
    assert home.status == 200 and "Sign out" in await home.text()
    after = await csrf_of(client, "/adviser/")
    assert after != before
    response = await client.post("/adviser/logout", data={"csrf_token": after}, allow_redirects=False)
    assert response.status == 303
    assert (await client.get("/adviser/", allow_redirects=False)).status == 303


async def test_the_queue_search_and_plans_by_status(
    client: TestClient, advisers: Dict[str, int], demo_person: str
) -> None:
    sent = make_plan(demo_person, "web-a", submit=True)
    handoff = make_plan("PB-100235", "web-b")
    service.add_flag(handoff, "handoff_requested")
    risk = make_plan("PB-100236", "web-c")
    service.add_flag(risk, "safeguarding")
    await sign_in(client)
    page = await (await client.get("/adviser/")).text()
    queue = page[: page.index("Find a plan by reference")]
    assert queue.index(risk) < queue.index(handoff) and sent not in queue  # newest first
    assert "Safeguarding" in queue and "Wants a person" in queue
    listed = page[page.index("Plans by status") :]
    assert sent in listed and handoff not in listed
    drafts = await (await client.get("/adviser/?status=draft")).text()
    assert handoff in drafts[drafts.index("Plans by status") :]
    found = await (await client.get("/adviser/", params={"q": sent.lower().replace("-", " ")})).text()
    assert "Plans matching" in found and found.count(f">{sent}<") == 2  # in the search results and the list
    by_person = await (await client.get("/adviser/", params={"q": "pb100235"})).text()
    results = by_person[by_person.index("Plans matching") : by_person.index("Plans by status")]
    assert handoff in results and sent not in results


async def test_the_live_view_shows_plan_and_conversation_and_is_audited(
    client: TestClient, advisers: Dict[str, int], demo_person: str, database: str
) -> None:
    ref = make_plan(demo_person, "web-live")
    save_conversation(
        database,
        "web-live",
        [
            (
                "bot",
                "Who is making this plan today?",
                [{"title": "I am, for myself", "payload": "I am planning for myself"}],
            ),
            ("user", "I am planning for myself", []),
            ("bot", "What is your reference number?", []),
        ],
    )
    await sign_in(client)
    page = await (await client.get(f"/adviser/plans/{ref}")).text()
    assert "A PA to help me cook" in page and "Go swimming every week" in page
    assert "I am, for myself" in page and "What is your reference number?" in page
    assert 'data-refresh="5"' in page and "Mark this plan as agreed" not in page  # a draft: live, not agreeable
    [line] = audit("plan-viewed")
    assert (line.actor, line.subject, line.detail) == (f"adviser:{advisers['adviser']}", ref, "")
    live = await (await client.get(f"/adviser/plans/{ref}/live")).json()
    assert "Swimming club" in live["plan_html"] and "What is your reference number?" in live["transcript_html"]
    assert live["refresh"] == 5


async def test_an_unknown_plan_is_404(client: TestClient, advisers: Dict[str, int]) -> None:
    await sign_in(client)
    assert (await client.get("/adviser/plans/SP-NOPE")).status == 404


async def test_agreeing_a_sent_plan(client: TestClient, advisers: Dict[str, int], demo_person: str) -> None:
    ref = make_plan(demo_person, "web-a", submit=True)
    await sign_in(client)
    page = await (await client.get(f"/adviser/plans/{ref}")).text()
    assert "Mark this plan as agreed" in page
    token = await csrf_of(client, f"/adviser/plans/{ref}")
    refused = await client.post(f"/adviser/plans/{ref}/agree", data={"csrf_token": "forged"})
    assert refused.status == 403 and service.get_plan(ref).status == "submitted"
    response = await client.post(f"/adviser/plans/{ref}/agree", data={"csrf_token": token}, allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == f"/adviser/plans/{ref}?done=agreed"
    assert service.get_plan(ref).status == "agreed"
    [line] = audit("plan-agreed")
    assert (line.actor, line.subject) == (f"adviser:{advisers['adviser']}", ref)
    again = await client.post(f"/adviser/plans/{ref}/agree", data={"csrf_token": token})
    assert again.status == 409 and "cannot be agreed" in await again.text()


async def test_a_draft_cannot_be_agreed(client: TestClient, advisers: Dict[str, int], demo_person: str) -> None:
    ref = make_plan(demo_person, "web-a")
    await sign_in(client)
    token = await csrf_of(client, "/adviser/")
    assert (await client.post(f"/adviser/plans/{ref}/agree", data={"csrf_token": token})).status == 409
    assert service.get_plan(ref).status == "draft"


async def test_require_adviser_with_the_manager_role(client: TestClient, advisers: Dict[str, int]) -> None:
    @require_adviser("manager")
    async def managers_only(request: web.Request) -> web.Response:
        return await render_console_page(request, "console/message.html", title="Managers", message="Hello managers")

    client.server.app.router._frozen = False  # add a route to the running test app
    client.server.app.router.add_get("/adviser/managers-only", managers_only)
    await sign_in(client)
    response = await client.get("/adviser/managers-only")
    assert response.status == 403 and "for managers" in await response.text()
    assert 'href="/adviser/reporting"' not in await (await client.get("/adviser/")).text()  # no link for an adviser
    token = await csrf_of(client, "/adviser/")
    await client.post("/adviser/logout", data={"csrf_token": token})
    await sign_in(client, "max@council.example", MANAGER_PASSWORD)
    response = await client.get("/adviser/managers-only")
    assert response.status == 200 and "Hello managers" in await response.text()
    assert 'href="/adviser/reporting"' in await (await client.get("/adviser/")).text()


async def test_the_console_shows_when_a_plan_was_opened_from_a_new_conversation(
    client: TestClient, advisers: Dict[str, int], demo_person: str
) -> None:
    """Issue 18: a check of who the person is from another conversation moves the plan to it;
    the adviser sees that it happened (and the audit log has it), not just a new transcript."""
    ref = make_plan(demo_person, "web-first")
    await sign_in(client)
    assert "new conversation" not in await (await client.get(f"/adviser/plans/{ref}")).text()
    service.open_plan(demo_person, "self", "sms", "sms-second", service.get_plan(ref).budget)
    page = await (await client.get(f"/adviser/plans/{ref}")).text()
    assert "Opened from a new conversation" in page
    assert [line.subject for line in audit("plan-opened-from-new-conversation")] == [ref]
    service.open_plan(demo_person, "self", "sms", "sms-second", service.get_plan(ref).budget)  # the same one again
    assert len(audit("plan-opened-from-new-conversation")) == 1
