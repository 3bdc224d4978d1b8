"""Real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no browser is
downloaded), screenshots to tests/artifacts/browser/, axe-core from bot/web/frontend (npm ci),
and a person typing on the chat page."""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path
from typing import Any, Dict, List

import pytest

from bot.config import PROJECT_ROOT
from tests.support.ports import BROWSER, local_url

WEB = local_url(BROWSER.web)
CHROMIUM = Path(os.environ.get("SUPPORTPLAN_CHROMIUM", "/usr/bin/chromium"))
AXE = PROJECT_ROOT / "bot" / "web" / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts" / "browser"
ADVISER_EMAIL = "browser.test@council.example"
ADVISER_PASSWORD = "a long test password for the browser"
BOT = "#conversation .chat-message--bot"
#: how to install what the browser tests need
INSTALL = (
    "`make install` installs Playwright for Python (pinned in requirements.lock); the browser is "
    "Debian's chromium (apt-get install chromium), or set SUPPORTPLAN_CHROMIUM to another Chromium"
)


def playwright_api() -> Any:
    """Playwright's sync API; the test fails (never skips) when it is not installed."""
    try:
        return importlib.import_module("playwright.sync_api")
    except ImportError as error:
        pytest.fail(f"Playwright is not installed ({error}). {INSTALL}.", pytrace=False)


def chromium_path() -> Path:
    """The Chromium the tests drive; the test fails (never skips) when it is missing."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}. {INSTALL}.", pytrace=False)
    return CHROMIUM


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


def say(page: Any, text: str) -> str:
    """Type a message and press Enter; returns the assistant's new messages, joined."""
    before = page.locator(BOT).count()
    page.locator("#message").fill(text)
    page.keyboard.press("Enter")
    return wait_for_reply(page, before)


def wait_for_reply(page: Any, before: int) -> str:
    page.wait_for_function(
        "(n) => document.querySelectorAll('#conversation .chat-message--bot').length > n"
        " && !document.querySelector('#message-form button').disabled",
        arg=before,
    )
    return "\n".join(page.locator(BOT).all_inner_texts()[before:])
