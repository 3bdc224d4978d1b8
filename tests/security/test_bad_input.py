"""Bad input at every channel (Rasa REST, socket.io, the web app's /api/messages): each gets a
clear answer or a 4xx, the servers keep running, and nothing already recorded is lost."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Dict, List

import pytest
import requests
import socketio

from bot.nlu.figures import extract_entities
from bot.parsing.money import parse_money
from tests.support.chat import Chat, expect
from tests.support.ports import SECURITY, local_url
from tests.support.servers import LoggedServers

pytestmark = pytest.mark.e2e

RASA, WEB = local_url(SECURITY.rasa), local_url(SECURITY.web)

BAD_MESSAGES = [
    "x" * 10_000,
    "help " * 2_000,
    "\x00\x01\x02\x07\x08\x1b[31m\x7f",
    "\u202e\u200b\ufeff",
    "😀🎉👵🏽💷🏠" * 20,
    "'; DROP TABLE plans; --",
    "£1e400 a week",
    "£99999999999999999999999999999 an hour",
    "1 OR 1=1; SELECT * FROM people",
    "{{ 7*7 }} {% raw %}{{ config }}{% endraw %} ${7*7} #{7*7}",
    "{council_phone} {person_name} %s %d {0}",
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "-£250",
    "NaN hours",
    "9" * 400,
]
#: answers to "how many hours a week?" that must be refused (none of them a sensible figure)
BAD_HOURS = ["10000000 hours", "-5", "NaN hours", "999999999999999999999999", "1e400 hours", "😀", "lots and lots"]


# Figures no one means are read as no figure at all, so they can't half-change a service when
# sent as a "correction" in the barrage below.
def test_a_number_in_scientific_notation_is_not_read_as_a_small_amount() -> None:
    assert parse_money("£1e400 a week") is None


def test_an_absurd_amount_an_hour_is_not_read_as_one_hour() -> None:
    assert extract_entities("£99999999999999999999999999999 an hour") == []


def exported(logged_servers: LoggedServers, reference: str) -> Dict:
    result = logged_servers.servers.cli("export-plan", reference, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def still_running(logged_servers: LoggedServers) -> None:
    for url in (f"http://127.0.0.1:{SECURITY.actions}/health", RASA + "/", WEB + "/health"):
        assert requests.get(url, timeout=10).status_code == 200
    for process in logged_servers.servers.stack.processes:
        assert process.poll() is None


@pytest.fixture(scope="module")
def recorded_plan(logged_servers: LoggedServers) -> Chat:
    """Daniel Okafor (PB-100238) part way through his plan: what matters, an outcome, and a
    service waiting for its hours."""
    chat = Chat(SECURITY.rasa)
    for text in (
        "hello",
        "me",
        "PB-100238",
        "5/9/1991",
        "football and my mates",
        "to get back to the gym",
        "done",
        "personal assistant",
        "help with cooking and shopping",
    ):
        chat.say(text)
    assert "hours a week" in chat.transcript[-1].lower(), str(chat)
    return chat


def test_bad_input_over_rest_in_the_middle_of_a_plan(logged_servers: LoggedServers, recorded_plan: Chat) -> None:
    for text in BAD_HOURS:  # asked again, explained, or (third time in a row) paused on: never taken
        reply = recorded_plan.say(text).lower()
        assert "hours a week" in reply or "hard to follow" in reply, f"{text!r} was taken as the hours:\n{reply}"
    reply = recorded_plan.say("6 hours a week")
    if "each hour" not in reply.lower():  # paused on the question: coming back asks it again
        expect(reply, "hours a week")
        reply = recorded_plan.say("6 hours a week")
    expect(reply, "each hour")
    expect(recorded_plan.say("£14 an hour"), "£84.00 a week")
    before = exported(logged_servers, "PB-100238")

    for text in BAD_MESSAGES:  # wherever each one leaves the conversation, it gets an answer
        assert recorded_plan.say(text).strip(), f"no answer to {text[:40]!r}"
    still_running(logged_servers)
    assert recorded_plan.say("hello").strip()

    after = exported(logged_servers, "PB-100238")
    for recorded in ("important_to_me", "budget", "planned_by"):
        assert after[recorded] == before[recorded]
    assert after["outcomes"][:1] == before["outcomes"]
    (was,), now = before["services"], after["services"][0]
    assert was["weekly_cost"] == "84.00"
    for recorded in ("category", "description", "hours_per_week", "unit_cost", "weekly_cost"):
        assert now[recorded] == was[recorded], str(recorded_plan)
    assert set(now["outcome_ids"]) >= set(was["outcome_ids"])  # the open question may have been answered


def test_malformed_requests_to_rest_get_4xx(logged_servers: LoggedServers) -> None:
    url = RASA + "/webhooks/rest/webhook"
    for body, content_type in [
        (b"{not json", "application/json"),
        (b"\xff\xfe\x00", "application/json"),
        (b'{"sender": "x"}', "application/json"),
        (b"[1, 2, 3]", "application/json"),
        (b'{"sender": ["a"], "message": {"b": 1}}', "application/json"),
        (b'{"message": "no sender"}', "application/json"),
        (json.dumps({"sender": "s" * 300, "message": "hi"}).encode(), "application/json"),
        (b"sender=x&message=hi", "application/x-www-form-urlencoded"),
    ]:
        response = requests.post(url, data=body, headers={"Content-Type": content_type}, timeout=30)
        assert response.status_code == 400, (body, response.status_code, response.text[:200])
    still_running(logged_servers)


def test_rest_callers_cannot_pose_as_another_channel(logged_servers: LoggedServers) -> None:
    """The SMS channel vouches for a phone's person reference in metadata; REST must not."""
    chat = Chat(SECURITY.rasa)
    chat.say("hello")
    payload = {
        "sender": chat.sender,
        "message": "me",
        "input_channel": "sms",
        "metadata": {"sms_person_reference": "PB-100240"},
    }
    reply = requests.post(RASA + "/webhooks/rest/webhook", json=payload, timeout=60).json()
    assert "reference number" in " ".join(m.get("text", "") for m in reply).lower()


def test_bad_input_over_the_web_app(logged_servers: LoggedServers) -> None:
    browser = requests.Session()
    browser.get(WEB + "/", timeout=10)
    for text in BAD_MESSAGES:
        response = browser.post(WEB + "/api/messages", json={"message": text}, timeout=120)
        assert response.status_code == 200 and response.json(), f"no answer to {text[:40]!r}"
    assert (
        browser.post(
            WEB + "/api/messages", data=b"{not json", headers={"Content-Type": "application/json"}, timeout=10
        ).status_code
        == 400
    )
    assert browser.post(WEB + "/api/messages", json={"message": "   "}, timeout=10).status_code == 400
    assert browser.post(WEB + "/api/messages", json=["a list"], timeout=10).status_code == 400
    assert browser.post(WEB + "/api/messages", data=b"x" * 200_000, timeout=10).status_code == 413
    assert requests.post(WEB + "/api/messages", json={"message": "no cookie"}, timeout=10).status_code == 400
    still_running(logged_servers)


async def socketio_barrage(messages: List[object]) -> List[int]:
    """Sends each message over socket.io (Socket.IO 5, as Rasa speaks it); how many replies each got."""
    client = socketio.AsyncClient(reconnection=False)
    replies: asyncio.Queue = asyncio.Queue()
    session = asyncio.get_running_loop().create_future()
    client.on("bot_uttered", lambda data: replies.put_nowait(data))
    client.on("session_confirm", lambda data: session.done() or session.set_result(data))
    await client.connect(RASA, transports=["polling"], socketio_path="/socket.io")
    await client.emit("session_request", {"session_id": f"sio-{uuid.uuid4().hex[:12]}"})
    session_id = await asyncio.wait_for(session, 30)
    counts = []
    for message in messages:
        await client.emit(
            "user_uttered", message if not isinstance(message, str) else {"message": message, "session_id": session_id}
        )
        got = 0
        try:
            while True:
                await asyncio.wait_for(replies.get(), 60 if got == 0 and isinstance(message, str) else 3)
                got += 1
        except asyncio.TimeoutError:
            pass
        counts.append(got)
    await client.disconnect()
    return counts


def test_bad_input_over_socketio(logged_servers: LoggedServers) -> None:
    malformed: List[object] = ["just a string", 12345, None, {"message": "no session id"}]
    counts = asyncio.run(socketio_barrage(["hello", *BAD_MESSAGES[:10], *malformed, "hello again"]))
    assert all(count > 0 for count in counts[:11]), counts
    assert counts[-1] > 0, "the channel stopped answering after malformed events"
    still_running(logged_servers)
    assert "Traceback" not in logged_servers.log_text(), "a bad event raised inside a server"
