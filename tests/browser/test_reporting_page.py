"""The Reporting page in real headless Chromium: a manager signs in, picks the dates, and sees
every chart load as an image (the page's CSP allows it) beside its table; axe-core finds no
serious problem. The known plans and conversations (tests/support/known_data.py) are added to
the servers' database first."""

from __future__ import annotations

import re
from typing import Any, Iterator, List, Tuple

import pyotp
import pytest

from bot.db.session import use_database
from bot.reporting.charts import CHARTS
from tests.support.browser import WEB, axe_violations, screenshot
from tests.support.known_data import build_known_data
from tests.support.servers import Servers

pytestmark = pytest.mark.e2e

MANAGER_EMAIL = "browser.manager@council.example"
MANAGER_PASSWORD = "another long test password for reporting"


@pytest.fixture(scope="module")
def manager(web_servers: Servers) -> Iterator[Tuple[str, pyotp.TOTP]]:
    """A manager's login, and its authenticator (managers give a TOTP code too; the CLI prints its address)."""
    made = web_servers.cli("adviser", "add", MANAGER_EMAIL, "--role", "manager", stdin=MANAGER_PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    authenticator = pyotp.parse_uri(re.search(r"otpauth://totp/\S+", made.stdout).group(0))
    use_database(web_servers.database_url)
    try:
        build_known_data(web_servers.database_url)
    finally:
        use_database(None)
    yield MANAGER_EMAIL, authenticator


def test_a_manager_reads_the_report(page: Any, manager: Tuple[str, pyotp.TOTP]) -> None:
    email, authenticator = manager
    problems: List[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text) if message.type == "error" and "status of 404" not in message.text else None
        ),
    )  # 404s are told apart by address below
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}")
            if response.status >= 400 and not response.url.endswith("/favicon.ico")
            else None
        ),
    )
    page.goto(f"{WEB}/adviser/reporting")
    page.locator("#email").fill(email)
    page.locator("#password").fill(MANAGER_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Enter your code')")
    screenshot(page, "19-console-code")
    serious = axe_violations(page, "console-code")
    assert serious == [], serious
    page.locator("#code").fill(authenticator.now())
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Reporting')")
    page.locator("#from").fill("2026-03-01")
    page.locator("#to").fill("2026-03-31")
    page.locator("button:has-text('Show')").click()
    page.wait_for_url("**/adviser/reporting?from=2026-03-01&to=2026-03-31")

    images = page.locator(".report-chart img")
    assert images.count() == len(CHARTS)
    page.wait_for_function("() => [...document.images].every(i => i.complete)")
    widths = page.evaluate("() => [...document.querySelectorAll('.report-chart img')].map(i => i.naturalWidth)")
    assert all(width > 0 for width in widths), widths
    assert page.evaluate("() => [...document.querySelectorAll('.report-chart img')].every(i => i.alt.length > 20)")
    funnel = page.locator("table:has(caption:has-text('how far conversations got'))").inner_text()
    assert "1. Welcome\t26" in funnel and "10. Plan sent\t12" in funnel
    assert problems == []
    screenshot(page, "20-reporting")
    serious = axe_violations(page, "reporting")
    assert serious == [], serious
