"""Shared fixtures: a fresh, migrated database for each test, on SQLite and on PostgreSQL. The
migrations run once per session into a template (a SQLite file copied for each test, a PostgreSQL
database each test's database is created from), not once per test.

PostgreSQL is the local server (127.0.0.1:5432, trust auth; SUPPORTPLAN_TEST_POSTGRES to use
another). If it is unreachable the PostgreSQL tests fail, unless SUPPORTPLAN_SKIP_POSTGRES=1."""

from __future__ import annotations

import os
import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from bot.budgets.importer import import_budgets
from bot.cli import DEMO_CSV
from bot.db.migrate import upgrade
from bot.db.session import get_engine, use_database

POSTGRES_ADMIN_URL = os.environ.get("SUPPORTPLAN_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
BACKENDS = ["sqlite"] if os.environ.get("SUPPORTPLAN_SKIP_POSTGRES") == "1" else ["sqlite", "postgresql"]
DEMO_REFERENCE = "PB-100234"


@contextmanager
def sqlite_database(tmp_path: Path, template: Optional[Path] = None) -> Iterator[str]:
    """A SQLite database file: a copy of `template` (a migrated database), or empty."""
    path = tmp_path / "supportplan-test.db"
    if template is not None:
        shutil.copyfile(template, path)
    yield f"sqlite:///{path}"


@contextmanager
def postgres_database(template: Optional[str] = None) -> Iterator[str]:
    """A new PostgreSQL database (a copy of the database `template`, or empty), dropped (WITH
    FORCE) afterwards."""
    name = f"supportplan_test_{uuid.uuid4().hex[:12]}"
    # no pool: the drop may come after the faults suite has restarted the server
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", future=True, poolclass=NullPool)
    copy_of = f' TEMPLATE "{template}"' if template else ""
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"{copy_of}'))
    except OperationalError as error:
        admin.dispose()
        pytest.fail(
            f"PostgreSQL is not reachable at {make_url(POSTGRES_ADMIN_URL).render_as_string(hide_password=True)} "
            f"({error.orig}). Start it, or set SUPPORTPLAN_SKIP_POSTGRES=1 to test on SQLite only.",
            pytrace=False,
        )
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _migrated(url: str) -> None:
    upgrade(url)
    get_engine(url).dispose()
    get_engine.cache_clear()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database with the current schema, migrated once per session."""
    folder = tmp_path_factory.mktemp("template")
    with sqlite_database(folder) as url:
        _migrated(url)
    return folder / "supportplan-test.db"


@pytest.fixture(scope="session")
def postgresql_template() -> Iterator[str]:
    """The name of a PostgreSQL database with the current schema, migrated once per session
    (nothing stays connected to it, so it can be copied)."""
    with postgres_database() as url:
        _migrated(url)
        yield str(make_url(url).database)


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new database with the current schema, used by every bot/ service during the test."""
    template = request.getfixturevalue(f"{request.param}_template")
    fresh = sqlite_database(tmp_path, template) if request.param == "sqlite" else postgres_database(template)
    with fresh as url:
        use_database(url)
        try:
            yield url
        finally:
            use_database(None)
            get_engine(url).dispose()
            get_engine.cache_clear()


@pytest.fixture
def demo_person(database: str) -> str:
    """The demo people loaded; returns the first one's reference (Sam Taylor, born 1956-04-03, £250 a week)."""
    import_budgets(DEMO_CSV, actor="test")
    return DEMO_REFERENCE


def pytest_collection_modifyitems(items: list) -> None:
    """The browser tests run last: Playwright's sync API keeps an event loop running in the main
    thread until the session ends, which would break later tests that call asyncio.run()."""
    items.sort(key=lambda item: "tests/browser/" in str(item.fspath).replace("\\", "/"))
