""" "Finish and forget this device" in real Chromium: the form's POST carries the page's own
Origin (so it is accepted), the browser loses its conversation, and the chat starts afresh."""

from __future__ import annotations

from typing import Any

import pytest

from bot.web.chat import COOKIE
from tests.support.browser import WEB, say, screenshot, wait_for_reply
from tests.support.chat import expect
from tests.support.servers import Servers

pytestmark = pytest.mark.e2e


def test_finish_and_forget_this_device(page: Any, web_servers: Servers) -> None:
    page.goto(f"{WEB}/")
    wait_for_reply(page, 0)
    expect(say(page, "I am planning for myself"), "reference number")
    first = next(c["value"] for c in page.context.cookies() if c["name"] == COOKIE)

    page.get_by_role("button", name="Finish and forget this device").click()
    page.wait_for_selector("h1:has-text('You have finished')")
    screenshot(page, "10-finished")
    assert all(c["name"] != COOKIE for c in page.context.cookies())

    page.get_by_role("link", name="Start a new conversation").click()
    expect(wait_for_reply(page, 0), "Who is making this plan")
    assert "reference number" not in page.locator("#conversation").inner_text()
    assert next(c["value"] for c in page.context.cookies() if c["name"] == COOKIE) != first
