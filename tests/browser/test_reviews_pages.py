"""Reviews in the adviser console and the report, in real headless Chromium (issue 16 items 5-7): an
adviser opens the reviews queue and a plan with reviews and spending; a manager reads the review and
spending tables on the Reporting page. axe-core finds nothing at all on the new pages (any impact).
The plans and reviews are made by the record API for people of their own (tests/support/reviews.py)
in the servers' database."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Dict, Iterator

import pyotp
import pytest

from bot.db.models import utcnow
from bot.db.session import use_database
from tests.support.browser import ADVISER_EMAIL, ADVISER_PASSWORD, ARTIFACTS, WEB, axe_violations, screenshot
from tests.support.reviews import add_people, review_scenario
from tests.support.servers import Servers

pytestmark = pytest.mark.e2e

PEOPLE = ("PB-400001", "PB-400002", "PB-400003", "PB-400004")
MANAGER_EMAIL = "browser.reviews.manager@council.example"
MANAGER_PASSWORD = "a long test password for the reviews report"


@pytest.fixture(scope="module")
def plans(web_servers: Servers, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dict[str, str]]:
    use_database(web_servers.database_url)
    try:
        add_people(Path(tmp_path_factory.mktemp("review-people")), PEOPLE)
        made = review_scenario(utcnow().date(), PEOPLE)
    finally:
        use_database(None)
    yield made


def no_violations(page: Any, name: str) -> None:
    """axe-core's WCAG A and AA rules: no finding of any impact (all written to the artifacts)."""
    assert axe_violations(page, name) == []
    findings = json.loads((ARTIFACTS / f"axe-{name}.json").read_text(encoding="utf-8"))
    assert findings == [], json.dumps(findings, indent=2)


def test_the_reviews_queue_and_a_plan_with_reviews(page: Any, plans: Dict[str, str]) -> None:
    page.goto(f"{WEB}/adviser/reviews")
    page.locator("#email").fill(ADVISER_EMAIL)
    page.locator("#password").fill(ADVISER_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Reviews')")
    needs = page.locator(f"#needs-person tr:has(a:has-text('{plans['needs']}'))").inner_text()
    assert "An outcome is worse" in needs and "worth talking about" in needs and plans["new_version"] in needs
    assert "Safeguarding concern" in page.locator(f"#due tr:has(a:has-text('{plans['due']}'))").inner_text()
    assert "14 days overdue" in page.locator(f"#overdue tr:has(a:has-text('{plans['overdue']}'))").inner_text()
    screenshot(page, "23-console-reviews-queue")
    no_violations(page, "console-reviews-queue")

    page.locator(f"#needs-person a:has-text('{plans['needs']}')").click()
    page.wait_for_selector(f"h1:has-text('Plan {plans['needs']}')")
    ratings = page.locator("#ratings-over-time").inner_text()
    assert "Go swimming every week\tWorse" in ratings and "Cook my own meals\tA bit better" in ratings
    spending = page.locator("#spending-table").inner_text()
    assert "About £30 a week less than planned on a personal assistant. Worth talking about" in spending
    assert "I moved house" in page.locator(".govuk-summary-card").first.inner_text()
    screenshot(page, "24-console-plan-with-reviews")
    no_violations(page, "console-plan-with-reviews")

    page.goto(f"{WEB}/adviser/plans/{plans['twice']}#reviews-heading")
    header = page.locator("#ratings-over-time thead").inner_text()
    assert len(re.findall(r"Review of", header)) == 2
    no_violations(page, "console-plan-reviewed-twice")


def test_a_manager_reads_the_review_tables(page: Any, web_servers: Servers, plans: Dict[str, str]) -> None:
    made = web_servers.cli("adviser", "add", MANAGER_EMAIL, "--role", "manager", stdin=MANAGER_PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    authenticator = pyotp.parse_uri(re.search(r"otpauth://totp/\S+", made.stdout).group(0))
    # dates of their own: the page keeps a report for the same dates for a minute, and the reporting
    # test before this one may have just read every date
    page.goto(f"{WEB}/adviser/reporting?from=2020-01-01")
    page.locator("#email").fill(MANAGER_EMAIL)
    page.locator("#password").fill(MANAGER_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Enter your code')")
    page.locator("#code").fill(authenticator.now())
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Reporting')")
    page.wait_for_function("() => [...document.images].every(i => i.complete)")
    ratings = page.locator("#table-outcome_ratings_by_wellbeing").inner_text()
    assert "Wellbeing area\tReviews\tMuch better\tA bit better\tNo change\tWorse" in ratings
    kinds = page.locator("#table-spend_against_plan_by_category").inner_text()
    assert "Personal assistant\tfewer than 5\tnot shown\tnot shown\tfewer than 5" in kinds
    assert PEOPLE[0] not in page.content() and plans["needs"] not in page.content()
    screenshot(page, "25-reporting-reviews")
    no_violations(page, "reporting-reviews")
