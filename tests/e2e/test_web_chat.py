"""The chat page and its relay to Rasa, through the real web app and Rasa server."""

from __future__ import annotations

import pytest
import requests

from tests.support.ports import E2E
from tests.support.servers import Servers

pytestmark = pytest.mark.e2e

WEB = f"http://127.0.0.1:{E2E.web}"


def test_the_chat_page_starts_a_conversation_and_relays_messages(servers: Servers) -> None:
    browser = requests.Session()
    page = browser.get(f"{WEB}/", timeout=10)
    assert page.status_code == 200
    assert 'aria-live="polite"' in page.text
    assert page.headers["X-Frame-Options"] == "DENY"
    assert "supportplan_conversation" in browser.cookies

    replies = browser.post(f"{WEB}/api/messages", json={"message": "hello"}, timeout=60).json()
    texts = " ".join(r.get("text", "") for r in replies)
    assert "personal budget" in texts
    assert any(r.get("buttons") for r in replies)


@pytest.mark.parametrize("body", [b"{not json", b'{"message": ""}', b'{"message": "   "}'])
def test_bad_requests_get_a_clear_400(servers: Servers, body: bytes) -> None:
    browser = requests.Session()
    browser.get(f"{WEB}/", timeout=10)
    response = browser.post(f"{WEB}/api/messages", data=body, headers={"Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 400
    assert response.text


def test_a_message_without_a_conversation_cookie_is_refused(servers: Servers) -> None:
    response = requests.post(f"{WEB}/api/messages", json={"message": "hello"}, timeout=10)
    assert response.status_code == 400
