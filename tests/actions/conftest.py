"""Running actions as the action server would: real trackers, the real domain, a real database
(the `database` fixture in tests/conftest.py runs each test on SQLite and on PostgreSQL)."""
from __future__ import annotations

from typing import Any

import pytest

# the action tests import these from here
from bot.answers.trackers import Outcome, domain, run, tracker  # noqa: F401


@pytest.fixture
def demo(database: str, demo_person: Any) -> Any:
    """The demo database: people loaded, on SQLite and PostgreSQL."""
    return demo_person
