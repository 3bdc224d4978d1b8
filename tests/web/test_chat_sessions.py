"""The chat page's hold on its conversation (issue 18, items 4, 5 and 9): the relay reaches Rasa
only through the private channel; the cookie is not the conversation id, is replaced at the
identity check, ends after inactivity and on "finish and forget this device"; the history, the
running budget and the plan need a recent identity check; safeguarding stays with the council;
the chat page's POSTs refuse other origins."""

from __future__ import annotations

from typing import Dict

import pytest
from aiohttp.test_utils import TestClient

from bot.channels.metadata import CLIENT_KEY, client_key_for
from bot.channels.relay_key import KEY_HEADER, relay_key
from bot.config import Settings, get_settings
from bot.plans import service
from bot.plans.export import FLAG_WORDS
from bot.privacy.erasure import forget
from bot.web.chat import COOKIE
from tests.support.advisers import sign_in
from tests.support.conversations import save_conversation
from tests.support.plans import make_plan
from tests.support.web_app import (
    DATE_OF_BIRTH,
    FakeRasa,
    age_session,
    conversation_of,
    cookie_of,
    own_origin,
    say,
    verified_chat,
)

pytestmark = pytest.mark.asyncio

SAFEGUARDING_WORDS = FLAG_WORDS["safeguarding"]


async def test_the_relay_uses_the_private_channel_with_its_key_and_the_client_key(
    client: TestClient, rasa: FakeRasa
) -> None:
    await client.get("/")
    cookie = cookie_of(client)
    assert (await say(client, "hello")).status == 200
    ((headers, body),) = rasa.calls
    secret = get_settings().secret_key
    assert headers[KEY_HEADER] == relay_key(secret)
    assert body["sender"].startswith("web-") and cookie not in body["sender"]
    assert body["sender"] == conversation_of(client)
    assert body["client_key"] == client_key_for("127.0.0.1", secret)
    assert CLIENT_KEY == "client_key"


async def test_the_cookie_is_replaced_at_the_identity_check_and_the_conversation_goes_on(
    client: TestClient, rasa: FakeRasa, another_browser
) -> None:
    await client.get("/")
    before = cookie_of(client)
    conversation = conversation_of(client)
    assert (await say(client, "PB-100234")).cookies.get(COOKIE) is None  # no new cookie before the check
    checked = await say(client, DATE_OF_BIRTH)
    assert checked.status == 200 and checked.cookies[COOKIE].value != before
    assert checked.cookies[COOKIE]["httponly"] and checked.cookies[COOKIE]["samesite"] == "Strict"
    assert (await say(client, "carry on")).status == 200
    assert [body["sender"] for _, body in rasa.calls] == [conversation] * 3

    thief = await another_browser()
    thief.session.cookie_jar.update_cookies({COOKIE: before})
    stolen = await thief.post("/api/messages", json={"message": "hi"})
    assert stolen.status == 400 and "ended" in await stolen.text()
    assert len(rasa.calls) == 3


async def test_a_conversation_ends_after_30_idle_minutes_and_the_page_starts_again_kindly(
    client: TestClient, rasa: FakeRasa
) -> None:
    conversation = await verified_chat(client)
    age_session(conversation, idle=31)
    late = await say(client, "I'm back")
    assert late.status == 400 and "reload the page" in await late.text()
    assert len(rasa.calls) == 1
    page = await client.get("/")
    html = await page.text()
    assert "We have started a new conversation" in html and "reference number and date of birth" in html
    assert conversation_of(client) != conversation


async def test_finish_and_forget_this_device(client: TestClient) -> None:
    await verified_chat(client)
    page = await (await client.get("/")).text()
    assert 'action="/forget"' in page and "Finish and forget this device" in page
    old = cookie_of(client)
    done = await client.post("/forget", headers=own_origin(client), allow_redirects=False)
    assert done.status == 303 and done.headers["Location"] == "/finished"
    assert done.cookies[COOKIE].value == ""  # the browser is told to drop it
    assert "You have finished" in await (await client.get("/finished")).text()
    client.session.cookie_jar.update_cookies({COOKIE: old})
    assert (await client.get("/api/history")).status == 400


@pytest.mark.parametrize(
    "headers", [{"Origin": "https://evil.example"}, {"Origin": "null"}, {"Referer": "https://evil.example/page"}]
)
async def test_posts_from_another_origin_are_refused(
    client: TestClient, rasa: FakeRasa, headers: Dict[str, str]
) -> None:
    await verified_chat(client)
    message = await client.post("/api/messages", json={"message": "hi"}, headers=headers)
    assert message.status == 403 and "did not come from this website" in await message.text()
    forget = await client.post("/forget", headers=headers, allow_redirects=False)
    assert forget.status == 403
    assert len(rasa.calls) == 1
    assert (await client.get("/api/history")).status == 200  # the session was not ended


async def test_posts_from_the_page_itself_are_accepted(client: TestClient) -> None:
    await client.get("/")
    referer = {"Referer": str(client.make_url("/"))}
    assert (await client.post("/api/messages", json={"message": "hi"}, headers=referer)).status == 200
    assert (await client.post("/api/messages", json={"message": "hi"})).status == 200  # no browser: no origin


async def test_history_budget_and_plan_need_a_recent_identity_check(
    client: TestClient, database: str, demo_person: str
) -> None:
    await client.get("/")
    conversation = conversation_of(client)
    save_conversation(database, conversation, [("bot", "Hello", []), ("user", "PB-100234", [])])
    ref = make_plan(demo_person, conversation)
    assert (await (await client.get("/api/history")).json()) == {"messages": []}
    assert (await (await client.get("/api/budget")).json()) == {"plan": None}
    assert (await client.get(f"/plans/{ref}")).status == 403  # "check who you are again"

    await say(client, DATE_OF_BIRTH)
    assert [m["text"] for m in (await (await client.get("/api/history")).json())["messages"]] == ["Hello", "PB-100234"]
    assert (await (await client.get("/api/budget")).json())["plan"]["plan_reference"] == ref
    assert (await client.get(f"/plans/{ref}")).status == 200

    age_session(conversation, verified=61)
    history = await (await client.get("/api/history")).json()
    assert history["messages"] == [] and "reference number and date of birth" in history["notice"]
    assert (await (await client.get("/api/budget")).json()) == {"plan": None}
    page = await client.get(f"/plans/{ref}")
    html = await page.text()
    assert page.status == 403 and "Check who you are again" in html and "A PA to help me cook" not in html
    reloaded = await client.get("/")
    assert "We have started a new conversation" in await reloaded.text() and conversation_of(client) != conversation


async def test_safeguarding_is_not_on_the_persons_plan_but_advisers_see_it(
    client: TestClient, demo_person: str, advisers, another_browser
) -> None:
    conversation = await verified_chat(client)
    ref = make_plan(demo_person, conversation)
    service.add_flag(ref, "safeguarding")
    service.add_flag(ref, "handoff_requested")
    for path in (f"/plans/{ref}",):
        html = await (await client.get(path)).text()
        assert SAFEGUARDING_WORDS not in html and "safeguarding" not in html.lower()
        assert FLAG_WORDS["handoff_requested"] in html
    adviser = await another_browser()
    await sign_in(adviser)
    assert SAFEGUARDING_WORDS in await (await adviser.get(f"/plans/{ref}")).text()


async def test_the_persons_history_leaves_out_the_safeguarding_exchange(client: TestClient, database: str) -> None:
    conversation = await verified_chat(client)
    save_conversation(
        database,
        conversation,
        [
            ("bot", "What is important to you?", []),
            ("user", "my son hits me", []),
            ("bot", "I'm sorry this is happening. Call 999. Call the safeguarding team.", []),
            ("bot", "I've let the council's team know.", []),
            ("bot", "What is important to you?", []),
            ("user", "my garden", []),
            ("bot", "Thank you.", []),
        ],
        responses={
            0: "utter_ask_important_to_me",
            2: "utter_safeguarding",
            3: "utter_safeguarding_followup",
            4: "utter_ask_important_to_me",
            6: "utter_important_saved",
        },
    )
    texts = [m["text"] for m in (await (await client.get("/api/history")).json())["messages"]]
    assert texts == ["What is important to you?", "What is important to you?", "my garden", "Thank you."]


async def test_the_persons_history_leaves_out_a_safety_check_in(client: TestClient, database: str) -> None:
    conversation = await verified_chat(client)
    save_conversation(
        database,
        conversation,
        [
            ("bot", "What would you like to change?", []),
            ("user", "I'd like it all to stop", []),
            ("bot", "That sounds hard. I want to check you're all right.", []),
            ("bot", "What would you like to change?", []),
        ],
        responses={0: "utter_ask_first_outcome", 2: "utter_safety_check_in", 3: "utter_ask_first_outcome"},
    )
    texts = [m["text"] for m in (await (await client.get("/api/history")).json())["messages"]]
    assert texts == ["What would you like to change?", "What would you like to change?"]


async def test_erasing_a_person_ends_their_browsers_hold_on_the_conversation(
    client: TestClient, demo_person: str
) -> None:
    conversation = await verified_chat(client)
    make_plan(demo_person, conversation)
    assert (await client.get("/api/history")).status == 200
    forget(demo_person)
    assert (await client.get("/api/history")).status == 400


async def test_the_time_limits_are_settings_of_at_least_a_minute() -> None:
    settings = Settings.from_env({"SUPPORTPLAN_WEB_IDLE_MINUTES": "10", "SUPPORTPLAN_WEB_VERIFIED_MINUTES": "20"})
    assert (settings.web_idle_minutes, settings.web_verified_minutes) == (10, 20)
    assert (Settings.from_env({}).web_idle_minutes, Settings.from_env({}).web_verified_minutes) == (30, 60)
    with pytest.raises(ValueError, match="SUPPORTPLAN_WEB_IDLE_MINUTES"):
        Settings.from_env({"SUPPORTPLAN_WEB_IDLE_MINUTES": "0"})
