"""The real servers, started once per test session on the e2e ports (tests/support/ports.py) and
a fresh SQLite database with the demo people; every test in this suite needs them."""

from __future__ import annotations

import csv
from typing import Dict, Iterator, List

import pytest

from bot.cli import DEMO_CSV
from tests.support.chat import Chat
from tests.support.servers import Servers, launch


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    running = launch(tmp_path_factory.mktemp("e2e") / "supportplan.db")
    yield running
    running.stack.stop()


@pytest.fixture(scope="session")
def demo_people() -> List[Dict[str, str]]:
    with DEMO_CSV.open(newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def chat(servers: Servers) -> Chat:
    return Chat()
