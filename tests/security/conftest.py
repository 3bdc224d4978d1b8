"""The real servers for the security tests, with every process's output collected in one log
file (the log-scan test reads it), on the security suite's ports (tests/support/ports.py)."""

from __future__ import annotations

from typing import Iterator

import pytest

from tests.support.ports import SECURITY
from tests.support.servers import LoggedServers, running_with_log


@pytest.fixture(scope="session")
def logged_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoggedServers]:
    with running_with_log(tmp_path_factory.mktemp("security"), SECURITY, LOG_LEVEL="INFO") as running:
        yield running
