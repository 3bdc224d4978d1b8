"""Shared fixtures: a fresh, migrated database for each test, on SQLite and on PostgreSQL.

PostgreSQL is the local server (127.0.0.1:5432, trust auth). If it is unreachable the tests
fail, unless SUPPORTPLAN_SKIP_POSTGRES=1 is set (for a machine without it)."""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import create_engine, text

from bot.budgets.importer import import_budgets
from bot.config import PROJECT_ROOT
from bot.db.migrate import upgrade
from bot.db.session import get_engine, use_database

POSTGRES_ADMIN_URL = os.environ.get("SUPPORTPLAN_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
DEMO_CSV = PROJECT_ROOT / "bot" / "demo" / "demo_people.csv"
BACKENDS = ["sqlite"] if os.environ.get("SUPPORTPLAN_SKIP_POSTGRES") == "1" else ["sqlite", "postgresql"]


def _postgres_database() -> Iterator[str]:
    name = f"supportplan_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        get_engine.cache_clear()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new database with the current schema, used by every bot/ service in this test."""
    if request.param == "sqlite":
        urls: Iterator[str] = iter([f"sqlite:///{tmp_path / 'test.db'}"])
    else:
        urls = _postgres_database()
    url = next(urls)
    upgrade(url)
    use_database(url)
    try:
        yield url
    finally:
        use_database(None)
        get_engine(url).dispose()
        get_engine.cache_clear()
        next(urls, None)  # lets the PostgreSQL generator drop its database


@pytest.fixture
def demo_person(database: str) -> str:
    """The demo people loaded; returns the first one's reference (Sam Taylor, £250 a week)."""
    import_budgets(DEMO_CSV, actor="test")
    return "PB-100234"
