"""A person makes a whole plan on the chat page in real Chromium (keyboard only), watching the
running budget; the page is reloaded and restores itself; an adviser signs in, finds the plan
and marks it agreed. axe-core checks every page; screenshots of each step go to tests/artifacts/."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.support.browser import (
    ADVISER_EMAIL,
    ADVISER_PASSWORD,
    BOT,
    WEB,
    axe_violations,
    say,
    screenshot,
    wait_for_reply,
)
from tests.support.chat import expect
from tests.support.servers import Servers

pytestmark = pytest.mark.e2e


def budget(page: Any, *fragments: str) -> str:
    """The running budget panel once it shows every fragment (it is refreshed just after each
    reply is shown), or as it is after 10 seconds."""
    for _ in range(50):
        shown = page.locator("#budget").inner_text()
        if all(f.lower() in shown.lower() for f in fragments):
            break
        page.wait_for_timeout(200)
    return shown


def no_serious_violations(page: Any, name: str) -> None:
    serious = axe_violations(page, name)
    assert serious == [], json.dumps(serious, indent=2)


def test_a_whole_plan_on_the_page_then_an_adviser_agrees_it(page: Any, web_servers: Servers, browser: Any) -> None:
    page.goto(f"{WEB}/")
    expect(wait_for_reply(page, 0), "Who is making this plan")
    assert page.locator("#budget").is_hidden()  # nothing about money before identity is checked
    screenshot(page, "01-welcome")
    no_serious_violations(page, "chat-welcome")

    # keyboard only: Tab from the message box back to the last choice, then Enter
    page.locator("#message").focus()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "I'm an adviser"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "I am, for myself"
    outline = page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).boxShadow"
    )
    assert outline != "none none", "the focused button has no visible focus style"
    before = page.locator(BOT).count()
    page.keyboard.press("Enter")
    expect(wait_for_reply(page, before), "reference number")
    assert page.locator(".chat-message--you").last.inner_text().endswith("I am, for myself")
    assert page.locator(".chat-choices").count() == 0  # old choices go once one is made

    expect(say(page, "PB-100234"), "date of birth")
    expect(say(page, "3/4/1956"), "£250.00 a week", "important to you")
    page.wait_for_selector("#budget:not([hidden])")
    expect(budget(page, "Spent\t£0.00 a week"), "£250.00", "Spent\t£0.00 a week", "Left\t£250.00 a week")
    screenshot(page, "02-budget-up-front")

    expect(say(page, "My garden and seeing my grandchildren"), "change")
    expect(say(page, "I want to get out to the shops on my own"), "anything else")
    expect(say(page, "no that's all"), "What kind of support")
    expect(say(page, "a personal assistant"), "Tell me a little about it")
    expect(say(page, "someone to help me get washed and dressed"), "hours a week")
    expect(say(page, "8 hours a week"), "each hour")
    expect(say(page, "£15 an hour"), "£120.00 a week", "£130.00 a week left")
    expect(budget(page, "Spent\t£120.00 a week"), "Spent\t£120.00 a week", "Left\t£130.00 a week")
    screenshot(page, "03-running-budget")

    expect(say(page, "1"), "another")
    expect(say(page, "no, that's everything"), "How would you like the money to be managed")
    expect(say(page, "a direct payment please"), "Who should the money be paid to")
    expect(say(page, "to me"), "doesn't turn up")
    expect(say(page, "My daughter Jane can come round"), "information in another way")
    expect(say(page, "no, this way is fine"), "Here is your plan", "Is this right")
    reply = say(page, "yes, send it")
    expect(reply, "sent to the council", "How would you like your copy")
    reference = re.search(r"SP-[A-Z0-9]{8}", reply).group(0)
    screenshot(page, "04-sent")
    no_serious_violations(page, "chat-sent")

    # a reload restores the conversation and the budget, and says nothing new
    shown = page.locator(BOT).count()
    page.reload()
    page.wait_for_function(
        "(n) => document.querySelectorAll('#conversation .chat-message--bot').length >= n", arg=shown
    )
    page.wait_for_selector("#budget:not([hidden])")
    assert page.locator(BOT).count() == shown
    expect(page.locator("#conversation").inner_text(), "sent to the council", "I am, for myself", reference)
    expect(page.locator("#chat-status").inner_text(), "Welcome back")
    screenshot(page, "05-restored-after-reload")

    # the plan document, from the budget panel's link
    page.locator("#plan-link").click()
    page.wait_for_selector("h1:has-text('My support plan')")
    table = page.locator("table.plan-budget").inner_text()
    expect(table, "someone to help me get washed and dressed", "£120.00", "Total", "Left", "£130.00")
    screenshot(page, "06-plan-document")
    no_serious_violations(page, "plan-document")

    # the adviser, in another browser profile
    adviser = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    adviser.set_default_timeout(60_000)
    adviser.goto(f"{WEB}/adviser/")
    assert "/adviser/login" in adviser.url
    no_serious_violations(adviser, "console-login")
    adviser.locator("#email").focus()
    adviser.keyboard.type(ADVISER_EMAIL)
    adviser.keyboard.press("Tab")
    adviser.keyboard.type(ADVISER_PASSWORD)
    adviser.keyboard.press("Enter")
    adviser.wait_for_selector("h1:has-text('Plans')")
    screenshot(adviser, "07-console-plans")
    no_serious_violations(adviser, "console-plans")
    adviser.locator(f"a:has-text('{reference}')").first.click()
    adviser.wait_for_selector(f"h1:has-text('Plan {reference}')")
    expect(adviser.locator("#live-transcript").inner_text(), "PB-100234", "sent to the council")
    expect(adviser.locator("#live-plan").inner_text(), "someone to help me get washed and dressed", "£130.00")
    screenshot(adviser, "08-console-plan-beside-conversation")
    no_serious_violations(adviser, "console-plan")
    adviser.locator("#agree-button").click()
    adviser.wait_for_selector("text=The plan is now agreed.")
    screenshot(adviser, "09-agreed")
    adviser.context.close()

    exported = json.loads(web_servers.cli("export-plan", "PB-100234", "--format", "json").stdout)
    assert (exported["plan_reference"], exported["status"]) == (reference, "agreed")


def test_the_chat_page_at_200_percent_zoom_and_by_keyboard(page: Any, web_servers: Servers) -> None:
    # 200% zoom of a 1280-pixel window: the page lays out as in a 640-pixel one, at double size
    page.set_viewport_size({"width": 640, "height": 900})
    page.goto(f"{WEB}/")
    wait_for_reply(page, 0)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), (
        "sideways scrolling"
    )
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"
    log = page.locator("#conversation")
    assert log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite"
    expect(say(page, "I'm helping someone"), "reference number")
    screenshot(page, "10-zoom-200")
    no_serious_violations(page, "chat-zoom-200")
