"""The chat page's API (history, running budget) and who may open /plans/{plan_reference}."""

from __future__ import annotations

from decimal import Decimal
from typing import Dict

import pytest
from aiohttp.test_utils import TestClient

from bot.plans import service
from tests.support.advisers import sign_in
from tests.support.conversations import save_conversation
from tests.support.plans import audit, make_plan
from tests.support.web_app import verified_chat

pytestmark = pytest.mark.asyncio


async def start_chat(client: TestClient) -> str:
    """Open the chat page like a browser and pass the identity check; returns this browser's
    Rasa conversation id."""
    page = await client.get("/")
    html = await page.text()
    assert page.status == 200 and 'role="log"' in html and "/govuk/govuk-frontend.min.css" in html
    return await verified_chat(client)


async def test_the_page_uses_the_design_library(client: TestClient) -> None:
    await start_chat(client)
    css = await client.get("/govuk/govuk-frontend.min.css")
    assert css.status == 200 and ".govuk-button" in await css.text()
    assert (await client.get("/assets/fonts/bold-b542beb274-v2.woff2")).status == 200
    save = await client.get("/save")
    assert save.status == 200 and "Your answers are already saved" in await save.text()


async def test_the_api_needs_the_conversation_cookie(client: TestClient) -> None:
    for path in ("/api/history", "/api/budget"):
        assert (await client.get(path)).status == 400


async def test_history_restores_the_conversation_with_the_last_choices(client: TestClient, database: str) -> None:
    sender = await start_chat(client)
    assert (await (await client.get("/api/history")).json()) == {"messages": []}
    save_conversation(
        database,
        sender,
        [
            (
                "bot",
                "Who is making this plan today?",
                [{"title": "I am, for myself", "payload": "I am planning for myself"}],
            ),
            ("user", "I am planning for myself", []),
            (
                "bot",
                "Which way of managing the money suits you?",
                [{"title": "A direct payment", "payload": "direct payment"}],
            ),
        ],
    )
    save_conversation(database, "web-someone-else", [("user", "not mine", [])])
    messages = (await (await client.get("/api/history")).json())["messages"]
    assert [(m["who"], m["text"]) for m in messages] == [
        ("bot", "Who is making this plan today?"),
        ("you", "I am, for myself"),
        ("bot", "Which way of managing the money suits you?"),
    ]
    assert messages[-1]["buttons"] == [{"title": "A direct payment", "payload": "direct payment"}]


async def test_the_running_budget_appears_once_there_is_a_plan(client: TestClient, demo_person: str) -> None:
    sender = await start_chat(client)
    assert (await (await client.get("/api/budget")).json()) == {"plan": None}
    ref = make_plan(demo_person, sender)
    body = (await (await client.get("/api/budget")).json())["plan"]
    assert body == {
        "plan_reference": ref,
        "weekly": "£250.00",
        "spent": "£190.00",
        "left": "£60.00",
        "over_budget": False,
        "document_url": f"/plans/{ref}",
    }
    service.add_service(ref, service.NewService("other", "Garden help", None, None, Decimal("100"), ()))
    body = (await (await client.get("/api/budget")).json())["plan"]
    assert (body["spent"], body["left"], body["over_budget"]) == ("£290.00", "£40.00", True)


async def test_the_person_can_open_their_own_plan_and_nobody_else_can(
    client: TestClient, demo_person: str, another_browser
) -> None:
    sender = await start_chat(client)
    ref = make_plan(demo_person, sender)
    page = await client.get(f"/plans/{ref}")
    html = await page.text()
    assert page.status == 200 and "A PA to help me cook" in html and 'href="/plan-document.css"' in html
    assert page.headers["Cache-Control"] == "no-store"
    pdf = await client.get(f"/plans/{ref}", params={"format": "pdf"})
    assert pdf.content_type == "application/pdf" and (await pdf.read()).startswith(b"%PDF-")
    assert (await client.get("/plan-document.css")).status == 200
    assert audit("plan-document-viewed") == []  # the person's own views are not adviser views

    stranger = await another_browser()
    await start_chat(stranger)
    for path in (f"/plans/{ref}", f"/plans/{ref}?format=pdf", "/plans/SP-NOSUCH1"):
        response = await stranger.get(path)
        assert response.status == 404 and "Page not found" in await response.text()


async def test_an_adviser_can_open_any_plan_and_it_is_audited(
    client: TestClient, demo_person: str, advisers: Dict[str, int]
) -> None:
    ref = make_plan(demo_person, "web-somebody")
    await sign_in(client)
    assert (await client.get(f"/plans/{ref}")).status == 200
    [line] = audit("plan-document-viewed")
    assert (line.actor, line.subject) == (f"adviser:{advisers['adviser']}", ref)


async def test_an_unknown_page_has_a_plain_words_404(client: TestClient) -> None:
    response = await client.get("/no-such-page")
    assert response.status == 404 and "Page not found" in await response.text()
    assert response.headers["X-Frame-Options"] == "DENY"
