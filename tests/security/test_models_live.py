"""The real Rasa server with its HTTP API turned on by RASA_TOKEN: the token works, it is on no
command line, and the model endpoints are refused even with the token.
Ports: tests/support/ports.py."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Iterator

import pytest
import requests

from tests.support.chat import Chat
from tests.support.ports import MODELS_API, local_url
from tests.support.servers import Servers, launch

RASA = local_url(MODELS_API.rasa)
TOKEN = secrets.token_urlsafe(24)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def api_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    running = launch(
        tmp_path_factory.mktemp("models-api") / "supportplan.db", MODELS_API, with_web=False, RASA_TOKEN=TOKEN
    )
    try:
        yield running
    finally:
        running.stack.stop()


def test_the_token_turns_the_api_on(api_servers: Servers) -> None:
    assert requests.get(f"{RASA}/status", params={"token": TOKEN}, timeout=30).status_code == 200
    assert requests.get(f"{RASA}/status", timeout=30).status_code == 401


def test_the_token_is_on_no_command_line(api_servers: Servers) -> None:
    for process in api_servers.stack.processes:
        command_line = Path(f"/proc/{process.pid}/cmdline").read_bytes().decode()
        assert TOKEN not in command_line


@pytest.mark.parametrize(
    "method,path",
    [
        ("PUT", "/model"),
        ("DELETE", "/model"),
        ("POST", "/model/train"),
        ("POST", "/model/test/stories"),
        ("POST", "/model/test/intents"),
    ],
)
def test_the_model_endpoints_are_refused_with_the_token(api_servers: Servers, method: str, path: str) -> None:
    response = requests.request(
        method, f"{RASA}{path}", params={"token": TOKEN}, json={"model_file": "/tmp/elsewhere.tar.gz"}, timeout=30
    )
    assert response.status_code == 403
    assert response.json()["reason"] == "NotAllowed"


def test_the_model_still_answers(api_servers: Servers) -> None:
    assert Chat(MODELS_API.rasa).say("hello")
