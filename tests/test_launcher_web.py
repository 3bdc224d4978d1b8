"""The internet-facing web app runs in its own environment (.venv-web, made by `make install`
from requirements-web.lock) with a current aiohttp and no Rasa; the launcher starts it from there."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from bot.config import PROJECT_ROOT, Settings
from bot.db.migrate import upgrade
from bot.launcher import WEB_PYTHON, require_web_python, service_environment, wait_until_ready, web_command

LOCK = PROJECT_ROOT / "requirements-web.lock"
#: what the web app must never carry: Rasa and what only Rasa needs
RASA_ONLY = ("rasa", "rasa-sdk", "sanic", "tensorflow", "spacy", "skops")


def _pins() -> dict:
    pins = {}
    for line in LOCK.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.lower()] = version
    return pins


def _version(text: str) -> tuple:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:2])


def _web_python() -> str:
    if not WEB_PYTHON.exists():
        pytest.fail("The web app's environment .venv-web is missing: run `make install`.", pytrace=False)
    return str(WEB_PYTHON)


def test_the_lock_pins_a_current_aiohttp_and_no_rasa() -> None:
    pins = _pins()
    assert _version(pins["aiohttp"]) >= (3, 12)
    assert not set(RASA_ONLY) & set(pins)
    assert all(re.fullmatch(r"[\w.+-]+", version) for version in pins.values())


def test_the_launcher_starts_the_web_app_from_its_own_environment() -> None:
    assert WEB_PYTHON == PROJECT_ROOT / ".venv-web" / "bin" / "python"
    assert web_command(8080)[:3] == [str(WEB_PYTHON), "-m", "bot.web"]


def test_a_missing_web_environment_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="make install"):
        require_web_python(tmp_path / "python")


def test_importing_the_web_app_imports_no_rasa() -> None:
    """In Rasa's environment too: the app and its entry point need nothing of Rasa's."""
    script = (
        "import sys, bot.web.app, bot.web.__main__; "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {('rasa', 'rasa_sdk', 'sanic', 'tensorflow', 'spacy', 'skops')!r}))"
    )
    probe = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120
    )
    assert probe.returncode == 0, probe.stderr[-2000:]
    assert probe.stdout.strip() == "[]"


def test_the_web_environment_has_the_locked_aiohttp_and_no_rasa() -> None:
    script = (
        "import importlib.util, aiohttp, bot.web.app, bot.web.__main__; "
        "print(aiohttp.__version__, [m for m in ('rasa', 'rasa_sdk', 'sanic', 'tensorflow', 'spacy', 'skops') "
        "if importlib.util.find_spec(m)])"
    )
    env = service_environment(Settings.from_env({}), {})
    probe = subprocess.run(
        [_web_python(), "-c", script], capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, timeout=120
    )
    assert probe.returncode == 0, probe.stderr[-2000:]
    assert probe.stdout.split(" ", 1) == [_pins()["aiohttp"], "[]\n"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_web_app_serves_from_its_own_environment(tmp_path: Path) -> None:
    """The web command answers pages (from a migrated database), and the server that answers is
    the locked aiohttp."""
    _web_python()
    port = _free_port()
    base = {"DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}"}
    upgrade(base["DATABASE_URL"])  # Alembic is in Rasa's environment only: `supportplan migrate`
    env = service_environment(Settings.from_env(base), base)
    web = subprocess.Popen(
        web_command(port), cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        wait_until_ready(f"http://127.0.0.1:{port}/health", web, timeout=60)
        for path in ("/", "/adviser/login"):
            response = requests.get(f"http://127.0.0.1:{port}{path}", timeout=10)
            assert response.status_code == 200, path
        assert f"aiohttp/{_pins()['aiohttp']}" in response.headers["Server"]
    finally:
        web.terminate()
        web.wait(timeout=15)
