"""The real servers for the security tests, with every process's output collected in one log
file (the log-scan test reads it). Ports: tests/e2e/conftest.py's (moved by
SUPPORTPLAN_TEST_PORT_OFFSET) plus PORT_SHIFT, so they run beside the e2e servers in one session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from tests.e2e.conftest import Chat, Servers, launch, shifted_ports

PORT_SHIFT = 30
PORTS = shifted_ports(PORT_SHIFT)
RASA = f"http://127.0.0.1:{PORTS.rasa}"
WEB = f"http://127.0.0.1:{PORTS.web}"


def new_chat() -> Chat:
    """A person talking to these servers over REST."""
    return Chat(PORTS.rasa)


@dataclass
class LoggedServers:
    servers: Servers
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="session")
def logged_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoggedServers]:
    folder = tmp_path_factory.mktemp("security")
    log = folder / "servers.log"
    with log.open("wb") as output:
        running = launch(folder / "supportplan.db", PORTS, output=output, LOG_LEVEL="INFO")
        try:
            yield LoggedServers(running, log)
        finally:
            running.stack.stop()
