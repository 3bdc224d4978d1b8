"""The real servers, started once per test session: action server, Rasa server (trained model
from models/) and web app, on their own ports and a fresh SQLite database with the demo people."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Dict, Iterator, List, Optional

import pytest
import requests

from bot.config import PROJECT_ROOT, Settings
from bot.launcher import Ports, Stack, latest_model, start_stack

#: SUPPORTPLAN_TEST_PORT_OFFSET lets several test runs share one machine without meeting.
_OFFSET = int(os.environ.get("SUPPORTPLAN_TEST_PORT_OFFSET", "0"))
PORTS = Ports(actions=15055 + _OFFSET, rasa=15005 + _OFFSET, web=18080 + _OFFSET)
SUPPORTPLAN = str(Path(sys.executable).parent / "supportplan")
DEMO_CSV = PROJECT_ROOT / "bot" / "demo" / "demo_people.csv"


def shifted_ports(shift: int) -> Ports:
    """The e2e ports moved by `shift`, for a suite whose servers run beside the e2e ones."""
    return Ports(actions=PORTS.actions + shift, rasa=PORTS.rasa + shift, web=PORTS.web + shift)


@dataclass
class Servers:
    env: Dict[str, str]
    settings: Settings
    stack: Stack = field(repr=False)
    ports: Ports = PORTS
    with_web: bool = True

    @property
    def database_url(self) -> str:
        return self.settings.database_url

    def restart(self) -> None:
        """Stop every process and start them again: nothing may be lost."""
        self.stack.stop()
        self.stack = start_stack(self.settings, latest_model(), self.ports, with_web=self.with_web, base_env=self.env)

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [SUPPORTPLAN, "--database", self.database_url, *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=120,
        )


def launch(
    database: Path, ports: Ports = PORTS, with_web: bool = True, output: Optional[IO[Any]] = None, **extra_env: str
) -> Servers:
    """Load the demo people into a new SQLite database and start the servers on `ports`
    (`extra_env` adds settings, e.g. the SMS channel's; `output` collects the servers' logs)."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        ACTION_SERVER_URL=f"http://127.0.0.1:{ports.actions}/webhook",
        RASA_URL=f"http://127.0.0.1:{ports.rasa}",
        **extra_env,
    )
    env.pop("TRACKER_STORE_URL", None)
    env.pop("REDIS_URL", None)
    running = Servers(env, Settings.from_env(env), Stack([]), ports, with_web)
    loaded = running.cli("load-demo")
    assert loaded.returncode == 0, loaded.stderr
    running.stack = start_stack(running.settings, latest_model(), ports, with_web=with_web, base_env=env, output=output)
    return running


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    running = launch(tmp_path_factory.mktemp("e2e") / "supportplan.db")
    yield running
    running.stack.stop()


@pytest.fixture(scope="session")
def demo_people() -> List[Dict[str, str]]:
    with DEMO_CSV.open(newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


class Chat:
    """One person talking to the bot over Rasa's REST channel, as a browser or app would."""

    def __init__(self, port: int = PORTS.rasa) -> None:
        self.sender = f"e2e-{uuid.uuid4().hex[:12]}"
        self.url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        self.transcript: List[str] = []

    def say(self, text: str) -> str:
        """Send a message; returns every reply joined into one string (buttons included)."""
        response = requests.post(self.url, json={"sender": self.sender, "message": text}, timeout=60)
        response.raise_for_status()
        parts: List[str] = []
        for message in response.json():
            if message.get("text"):
                parts.append(message["text"])
            parts += [b["title"] for b in message.get("buttons") or []]
        reply = "\n".join(parts)
        self.transcript += [f"> {text}", reply]
        return reply

    def __str__(self) -> str:
        return "\n".join(self.transcript)


@pytest.fixture
def chat(servers: Servers) -> Chat:
    return Chat()
