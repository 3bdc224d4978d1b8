"""The reporting tests' database: the known people, plans and conversations of
tests/support/known_data.py."""

from __future__ import annotations

from typing import Iterator

import pytest

from tests.support.known_data import build_known_data


@pytest.fixture
def known_data(database: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The known set in a fresh database (conversations in the same database, as by default)."""
    monkeypatch.delenv("TRACKER_STORE_URL", raising=False)
    build_known_data(database)
    yield database
