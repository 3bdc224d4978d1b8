"""The browser suite's fixtures (tests/support/browser.py): real headless Chromium against the
real servers (action server, Rasa server and web app) on the browser suite's ports
(tests/support/ports.py), with one adviser login made by the CLI. A missing Playwright or
Chromium fails the tests, with how to install it."""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from tests.support.browser import ADVISER_EMAIL, ADVISER_PASSWORD, chromium_path, playwright_api
from tests.support.ports import BROWSER
from tests.support.servers import Servers, launch


@pytest.fixture(scope="session")
def web_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    running = launch(tmp_path_factory.mktemp("browser") / "supportplan.db", BROWSER)
    try:
        made = running.cli("adviser", "add", ADVISER_EMAIL, stdin=ADVISER_PASSWORD + "\n")
        assert made.returncode == 0, made.stderr
        yield running
    finally:
        running.stack.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    api, executable = playwright_api(), chromium_path()
    with api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(executable), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, web_servers: Servers) -> Iterator[Any]:
    """A fresh browser profile (its own cookies) on a laptop-sized window."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(90_000)
    yield page
    context.close()
