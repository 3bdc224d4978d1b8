"""A machine without Playwright or Chromium fails the browser tests, saying how to install them
(they are never skipped)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.support import browser


def test_without_playwright_the_browser_tests_fail_saying_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # importing it now raises ImportError
    with pytest.raises(pytest.fail.Exception, match=r"Playwright is not installed .*`make install`"):
        browser.playwright_api()


def test_without_chromium_the_browser_tests_fail_saying_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "chromium")
    with pytest.raises(pytest.fail.Exception, match=r"Chromium is not installed .*apt-get install chromium"):
        browser.chromium_path()
