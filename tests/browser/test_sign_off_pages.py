"""The plan document and the console's plan page with every sign-off part filled in (issue 15:
needs, the budget split, the direct payment, questions asked, checks raised, who took part,
communication needs, an advocate asked for, the council's sign-off), in real headless Chromium:
axe-core finds no serious problem, and the adviser sees the communication needs first."""

from __future__ import annotations

import json
from typing import Any, Iterator

import pytest

from bot.db.session import use_database
from bot.plans import service
from tests.support.browser import ADVISER_EMAIL, ADVISER_PASSWORD, WEB, axe_violations, screenshot
from tests.support.plans import ADVICE, make_sign_off_plan
from tests.support.servers import Servers

pytestmark = pytest.mark.e2e

PERSON = "PB-100236"


@pytest.fixture(scope="module")
def plan_reference(web_servers: Servers) -> Iterator[str]:
    """A sent sign-off plan in the servers' database, with the person's copy asked for by post."""
    use_database(web_servers.database_url)
    try:
        reference = make_sign_off_plan(PERSON, "web-sign-off")
        service.set_copy_route(reference, "post")
    finally:
        use_database(None)
    yield reference


def no_serious_violations(page: Any, name: str) -> None:
    serious = axe_violations(page, name)
    assert serious == [], json.dumps(serious, indent=2)


def test_the_console_plan_page_and_the_document_with_every_sign_off_part(page: Any, plan_reference: str) -> None:
    page.goto(f"{WEB}/adviser/")
    page.locator("#email").fill(ADVISER_EMAIL)
    page.locator("#password").fill(ADVISER_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Plans')")
    row = page.locator(f"tr:has(a:has-text('{plan_reference}'))").first
    assert "Checks raised: 2" in row.inner_text() and "Wants an advocate" in row.inner_text()
    no_serious_violations(page, "console-plans-with-checks")

    page.goto(f"{WEB}/adviser/plans/{plan_reference}")
    page.wait_for_selector(f"h1:has-text('Plan {plan_reference}')")
    alert = page.locator("#communication-alert")
    assert alert.is_visible() and "large print, another language (Polish)" in alert.inner_text()
    budget = page.locator("#live-plan h3:has-text('My personal budget')")
    assert alert.bounding_box()["y"] < budget.bounding_box()["y"]  # seen before anything else about the plan
    assert page.locator("#advocacy-alert").is_visible()
    summary = page.locator("#checks-summary").inner_text()
    assert "pay below the National Living Wage" in summary and "paying a close family member" in summary
    assert "£840.00 every 4 weeks" in page.locator("#direct-payment-summary").inner_text()
    screenshot(page, "21-console-plan-sign-off")
    no_serious_violations(page, "console-plan-sign-off")

    page.goto(f"{WEB}/plans/{plan_reference}")
    page.wait_for_selector("h1:has-text('My support plan')")
    headings = page.locator("h2").all_inner_texts()
    for heading in (
        "My needs and how they are met",
        "Questions I asked",
        "Things the council will check",
        "Who helped make this plan",
        "How I would like information",
        "For the council: signing off this plan",
    ):
        assert heading in headings, heading
    needs = page.locator("table.plan-needs").inner_text()
    assert "Not met yet." in needs and "Met another way" in needs
    assert ADVICE[0] in page.locator("dl.plan-advice").inner_text()
    screenshot(page, "22-plan-document-sign-off")
    no_serious_violations(page, "plan-document-sign-off")
