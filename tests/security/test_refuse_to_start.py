"""In production, every server and command refuses to start without a secret key, with one plain
line and no traceback (issue 18, item 1)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.config import PROJECT_ROOT

ENTRY_POINTS = {
    "web app": ["bot.web", "--port", "1"],
    "action server": ["bot.action_server", "--port", "1"],
    "Rasa server": ["bot.rasa_server", "run"],
    "command line": ["bot.cli", "migrate"],
}


@pytest.mark.parametrize("name", ENTRY_POINTS)
@pytest.mark.parametrize("key", ["", "too-short-and-not-random"])
def test_production_without_a_good_key_refuses_to_start(name: str, key: str) -> None:
    env = dict(os.environ, SUPPORTPLAN_ENV="production", SUPPORTPLAN_SECRET_KEY=key, DATABASE_URL="sqlite://")
    finished = subprocess.run(
        [sys.executable, "-m", *ENTRY_POINTS[name]],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 1, (name, finished.stderr[-500:])
    assert "Traceback" not in finished.stderr
    lines = [line for line in finished.stderr.splitlines() if line.startswith("supportplan: cannot start")]
    assert len(lines) == 1 and "SUPPORTPLAN_SECRET_KEY" in lines[0], finished.stderr[-500:]


def test_a_short_shared_action_token_is_refused() -> None:
    env = dict(os.environ, ACTION_SERVER_TOKEN="short")
    finished = subprocess.run(
        [sys.executable, "-m", "bot.action_server", "--port", "1"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 1 and "ACTION_SERVER_TOKEN" in finished.stderr and "Traceback" not in finished.stderr
