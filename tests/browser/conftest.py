"""Real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no browser is
downloaded) against the real servers: action server, Rasa server and web app, on the e2e ports
(moved by SUPPORTPLAN_TEST_PORT_OFFSET) plus PORT_SHIFT, with one adviser login made by the CLI.
Screenshots go to tests/artifacts/browser/; axe-core comes from bot/web/frontend (npm ci)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

from bot.config import PROJECT_ROOT
from tests.e2e.conftest import SUPPORTPLAN, Servers, launch, shifted_ports

PORT_SHIFT = 60  # rasa + 60 meets no other suite's action server port (e2e +0, sms +7, security +30)
PORTS = shifted_ports(PORT_SHIFT)
WEB = f"http://127.0.0.1:{PORTS.web}"
CHROMIUM = Path(os.environ.get("SUPPORTPLAN_CHROMIUM", "/usr/bin/chromium"))
AXE = PROJECT_ROOT / "bot" / "web" / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts" / "browser"
ADVISER_EMAIL = "browser.test@council.example"
ADVISER_PASSWORD = "a long test password for the browser"

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="session")
def web_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    running = launch(tmp_path_factory.mktemp("browser") / "supportplan.db", PORTS)
    try:
        made = subprocess.run(
            [SUPPORTPLAN, "--database", running.database_url, "adviser", "add", ADVISER_EMAIL],
            input=ADVISER_PASSWORD + "\n",
            capture_output=True,
            text=True,
            env=running.env,
            timeout=120,
        )
        assert made.returncode == 0, made.stderr
        yield running
    finally:
        running.stack.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium).", pytrace=False)
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
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


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page: Any, name: str) -> List[Dict[str, Any]]:
    """Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the page; writes every finding to
    tests/artifacts/browser/axe-<name>.json and returns the serious and critical ones."""
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated by the browser's devtools, outside the page's CSP
    results = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    findings = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in results["violations"]
    ]
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(findings, indent=2), encoding="utf-8")
    return [f for f in findings if f["impact"] in ("serious", "critical")]
