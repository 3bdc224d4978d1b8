"""The action server answers only our Rasa server, listens on loopback, and a failing action
writes nothing personal to its log or its answer (issue 18, item 6)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, Iterator

import pytest
import requests

from bot.answers.trackers import domain, tracker
from bot.config import PROJECT_ROOT, Settings
from tests.support.ports import SECOND_FACTOR, local_url, outside_address

pytestmark = pytest.mark.e2e

PORT = SECOND_FACTOR.actions
URL = local_url(PORT)
PERSONAL = ("PB-100239", "PB100239", "Helen", "Walsh", "1965", "01/12/1965", "I was born on the first of December")


@pytest.fixture(scope="module")
def action_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dict[str, Any]]:
    """An action server whose database cannot be opened, so actions that read it fail."""
    folder = tmp_path_factory.mktemp("actions")
    log = folder / "actions.log"
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{folder / 'missing' / 'no.db'}",
        LOG_LEVEL="INFO",
        PYTHONPATH=str(PROJECT_ROOT),
    )
    env.pop("SUPPORTPLAN_HOST", None)
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.action_server", "--port", str(PORT)],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_for_health(process)
            yield {"token": Settings.from_env(env).action_server_token, "log": log}
        finally:
            process.terminate()
            process.wait(timeout=15)


def _wait_for_health(process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "the action server stopped while starting"
        try:
            if requests.get(URL + "/health", timeout=2).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.5)
    raise TimeoutError("the action server did not start")


def _identity_call() -> Dict[str, Any]:
    """What Rasa sends to check Helen's reference and date of birth."""
    state = tracker(
        slots={"planned_by": "self", "person_reference": "PB-100239"},
        text="I was born on the first of December 1965 01/12/1965",
        active_loop="identity_form",
        filled="date_of_birth",
    ).current_state()
    return {
        "next_action": "validate_identity_form",
        "sender_id": "test-conversation",
        "tracker": state,
        "domain": domain(),
        "version": "3.6.2",
    }


def test_calls_without_the_token_are_refused(action_server: Dict[str, Any]) -> None:
    assert requests.get(URL + "/health", timeout=10).ok
    assert requests.get(URL + "/actions", timeout=10).status_code == 401
    assert requests.post(URL + "/webhook", json=_identity_call(), timeout=10).status_code == 401
    wrong = {"X-Action-Token": "x" * 64}
    assert requests.post(URL + "/webhook", json=_identity_call(), headers=wrong, timeout=10).status_code == 401


def test_the_token_is_let_in(action_server: Dict[str, Any]) -> None:
    listed = requests.get(URL + "/actions", headers={"X-Action-Token": action_server["token"]}, timeout=10)
    assert listed.ok and {"name": "validate_identity_form"} in listed.json()


def test_a_failing_action_echoes_and_logs_nothing_personal(action_server: Dict[str, Any]) -> None:
    answer = requests.post(
        URL + "/webhook", json=_identity_call(), headers={"X-Action-Token": action_server["token"]}, timeout=30
    )
    assert answer.status_code == 500
    assert answer.json() == {"error": "The action failed.", "action_name": "validate_identity_form"}
    time.sleep(0.5)  # let the log reach the file
    log = Path(action_server["log"]).read_text(errors="replace")
    assert "validate_identity_form failed" in log, "the failure was not logged at all: the scan would prove nothing"
    assert [word for word in PERSONAL if word.lower() in log.lower()] == []


def test_it_listens_on_loopback_only(action_server: Dict[str, Any]) -> None:
    address = outside_address()
    if address is None:
        pytest.skip("this machine has no network address other than loopback")
    with socket.socket() as client:
        client.settimeout(2)
        assert client.connect_ex((address, PORT)) != 0
