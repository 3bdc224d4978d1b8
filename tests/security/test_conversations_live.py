"""Conversation ids are not passwords, on the real servers: the public REST channel refuses the
chat page's and SMS's ids, the private relay channel refuses callers without its key, and the
chat page reaches Rasa through it (the cookie replaced at the identity check, the plan made on
the `web` channel, which reporting counts as the web)."""

from __future__ import annotations

import pytest
import requests
from sqlalchemy import create_engine, text

from bot.web.chat import COOKIE
from tests.support.ports import SECURITY, local_url
from tests.support.servers import LoggedServers

pytestmark = pytest.mark.e2e

RASA, WEB = local_url(SECURITY.rasa), local_url(SECURITY.web)


@pytest.mark.parametrize("sender", ["web-someone", "sms-0123456789abcdef"])
def test_the_public_rest_channel_refuses_reserved_ids(logged_servers: LoggedServers, sender: str) -> None:
    response = requests.post(RASA + "/webhooks/rest/webhook", json={"sender": sender, "message": "hi"}, timeout=30)
    assert response.status_code == 400 and "web-" in response.text


def test_the_relay_channel_needs_its_key(logged_servers: LoggedServers) -> None:
    body = {"sender": "web-someone", "message": "hi", "client_key": None}
    for headers in ({}, {"X-Relay-Key": "0" * 64}):
        response = requests.post(RASA + "/webhooks/web/webhook", json=body, headers=headers, timeout=30)
        assert response.status_code == 403


def test_the_chat_page_talks_through_the_relay_and_replaces_its_cookie(logged_servers: LoggedServers) -> None:
    browser = requests.Session()
    browser.get(WEB + "/", timeout=30).raise_for_status()
    first = browser.cookies[COOKIE]
    origin = {"Origin": WEB}

    def say(text: str) -> str:
        response = browser.post(WEB + "/api/messages", json={"message": text}, headers=origin, timeout=90)
        response.raise_for_status()
        return "\n".join(m.get("text") or "" for m in response.json())

    assert "personal budget" in say("hello")
    assert "reference number" in say("I am planning for myself")
    say("PB-100241")
    assert browser.cookies[COOKIE] == first
    assert "a week" in say("9/3/2001")
    assert browser.cookies[COOKIE] != first
    plan = browser.get(WEB + "/api/budget", timeout=30).json()["plan"]
    assert plan is not None and plan["weekly"] == "£553.85"
    with create_engine(logged_servers.servers.database_url).connect() as db:
        (channel,) = db.execute(
            text("SELECT channel FROM plans WHERE plan_reference = :r"), {"r": plan["plan_reference"]}
        ).one()
    assert channel == "web"

    stolen = requests.post(WEB + "/api/messages", json={"message": "hi"}, cookies={COOKIE: first}, timeout=30)
    assert stolen.status_code == 400
    elsewhere = requests.post(
        WEB + "/api/messages",
        json={"message": "hi"},
        headers={"Origin": "https://evil.example"},
        cookies={COOKIE: browser.cookies[COOKIE]},
        timeout=30,
    )
    assert elsewhere.status_code == 403
