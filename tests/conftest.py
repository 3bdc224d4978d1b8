"""Shared fixtures: a fresh, migrated database for each test, on SQLite and on PostgreSQL. The
migrations run once per session (per pytest-xdist worker) into a template: a SQLite file copied for
each test, and a PostgreSQL database copied once into the database this process's tests use, which
is emptied before each test (and copied again if a test changed its schema). The databases
themselves are made by tests/support/databases.py."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

# skops (the NLU's saved models) looks up the module of every NumPy and SciPy ufunc when first
# imported, by walking sys.modules: under a second while few modules are loaded, several seconds
# once the test modules have imported Rasa. So it is imported here, before them.
import skops.io  # noqa: F401
from sqlalchemy.engine import make_url

from bot.budgets.importer import import_budgets
from bot.cli import DEMO_CSV
from bot.db.migrate import upgrade
from bot.db.session import get_engine, use_database
from tests.support.databases import BACKENDS, DEMO_REFERENCE, ReusedPostgres, postgres_database, sqlite_database
from tests.support.model import parse  # noqa: F401  (a fixture for every suite)


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


@pytest.fixture(scope="session")
def postgresql_reused(postgresql_template: str) -> Iterator[ReusedPostgres]:
    """This process's PostgreSQL test database, a copy of the template put back as it was before each test."""
    reused = ReusedPostgres(postgresql_template)
    yield reused
    reused.close()


@contextmanager
def _reused(database: ReusedPostgres) -> Iterator[str]:
    yield database.fresh()


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with the current schema and nothing in it, used by every bot/ service during the test."""
    if request.param == "sqlite":
        fresh = sqlite_database(tmp_path, request.getfixturevalue("sqlite_template"))
    else:
        fresh = _reused(request.getfixturevalue("postgresql_reused"))
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
    thread until the session ends, which would break later tests that call asyncio.run().

    Every test that uses the trained model's `parse` is marked `model` (so `make test-fast`, which
    trains nothing, leaves it to `make test`); under pytest-xdist they would all go to one worker,
    so the model is loaded once, not once per worker."""
    items.sort(key=lambda item: "tests/browser/" in str(item.fspath).replace("\\", "/"))
    for item in items:
        if "parse" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)
            item.add_marker(pytest.mark.xdist_group("model"))
