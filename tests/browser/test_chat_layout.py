"""The chat page's message box and Send button are on screen without scrolling, on a laptop
(1280×900) and on a phone (390×844), when the page opens and after a few messages."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from tests.support.browser import WEB, axe_violations, say, screenshot, wait_for_reply
from tests.support.chat import expect
from tests.support.servers import Servers

pytestmark = pytest.mark.e2e

SCREENS: Dict[str, Dict[str, Any]] = {
    "laptop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}


def assert_message_box_on_screen(page: Any, when: str) -> None:
    screen = page.viewport_size
    assert page.evaluate("window.scrollY") == 0, f"{when}: the page had to scroll"
    for selector in ("#message", "#message-form button[type=submit]"):
        box = page.locator(selector).bounding_box()
        assert box is not None, f"{when}: {selector} is not shown"
        inside = box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= screen["width"]
        assert inside and box["y"] + box["height"] <= screen["height"], f"{when}: {selector} at {box}, screen {screen}"


@pytest.mark.parametrize("screen", SCREENS)
def test_the_message_box_is_on_screen_without_scrolling(browser: Any, web_servers: Servers, screen: str) -> None:
    context = browser.new_context(locale="en-GB", **SCREENS[screen])
    page = context.new_page()
    page.set_default_timeout(90_000)
    try:
        page.goto(f"{WEB}/")
        expect(wait_for_reply(page, 0), "Who is making this plan")
        assert_message_box_on_screen(page, "when the page opens")
        expect(say(page, "I am planning for myself"), "reference number")
        expect(say(page, "PB-100234"), "date of birth")
        say(page, "3/4/1956")
        say(page, "What is a personal budget?")
        assert_message_box_on_screen(page, "after four messages")
        screenshot(page, f"11-message-box-{screen}")
        assert axe_violations(page, f"chat-{screen}") == []
    finally:
        context.close()
