"""Shared fixtures: a fresh, migrated database for each test, on SQLite and on PostgreSQL. The
migrations run once per session (per pytest-xdist worker) into a template: a SQLite file copied for
each test, and a PostgreSQL database copied once into the database this process's tests use, which
is emptied before each test (and copied again if a test changed its schema). A test that uses the
demo people starts from a database that has them: a second SQLite template, or the rows the demo
people made in this process's PostgreSQL database, put back after emptying it (the import runs
once per session and backend). Data many tests only read (an agreed plan, a set of reviews) is
`prepared` the same way: built once per session and backend, then copied into each test's
database. The databases themselves are made by tests/support/databases.py."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, Optional, Tuple, TypeVar, Union

import psycopg2
import pytest

# skops (the NLU's saved models) looks up the module of every NumPy and SciPy ufunc when first
# imported, by walking sys.modules: under a second while few modules are loaded, several seconds
# once the test modules have imported Rasa. So it is imported here, before them.
import skops.io  # noqa: F401
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from bot.budgets.importer import import_budgets
from bot.cli import DEMO_CSV
from bot.db.migrate import upgrade
from bot.db.session import get_engine, use_database
from tests.support.advisers import quick_password_hashes  # noqa: F401  (for every test; see its docstring)
from tests.support.databases import (
    BACKENDS,
    DEMO_REFERENCE,
    ReusedPostgres,
    Snapshot,
    postgres_database,
    sqlite_database,
)
from tests.support.model import parse  # noqa: F401  (a fixture for every suite)

T = TypeVar("T")

#: whether the test's database was made with the demo people in it (the `database` fixture's note to `demo_person`)
_DEMO_LOADED = pytest.StashKey[bool]()
#: whether the test's PostgreSQL database was left empty for `prepared` (the `database` fixture's note to it)
_LEFT_EMPTY = pytest.StashKey[bool]()


def _done_with(url: str) -> None:
    """Close every connection to `url` (so a template can be copied) and forget its engine."""
    get_engine(url).dispose()
    get_engine.cache_clear()


def _migrated(url: str) -> None:
    upgrade(url)
    _done_with(url)


def _load_demo(url: str) -> None:
    """The demo people, as `demo_person` loads them, into the database at `url`."""
    use_database(url)
    try:
        import_budgets(DEMO_CSV, actor="test")
    finally:
        use_database(None)
        _done_with(url)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database with the current schema, migrated once per session."""
    folder = tmp_path_factory.mktemp("template")
    with sqlite_database(folder) as url:
        _migrated(url)
    return folder / "supportplan-test.db"


@pytest.fixture(scope="session")
def sqlite_demo_template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sqlite_template with the demo people loaded, once per session."""
    folder = tmp_path_factory.mktemp("demo-template")
    with sqlite_database(folder, sqlite_template) as url:
        _load_demo(url)
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


@pytest.fixture(scope="session")
def postgresql_demo(postgresql_reused: ReusedPostgres) -> Snapshot:
    """The rows and sequences the demo people make in this process's PostgreSQL database, loaded once per session."""
    _load_demo(postgresql_reused.fresh())
    return postgresql_reused.snapshot()


@contextmanager
def _reused(database: ReusedPostgres, snapshot: Optional[Snapshot]) -> Iterator[str]:
    yield database.fresh(snapshot)


@pytest.fixture
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with the current schema, used by every bot/ service during the test: with nothing
    in it, or with the demo people already loaded when the test uses `demo_person`."""
    demo = "demo_person" in request.fixturenames
    request.node.stash[_DEMO_LOADED] = demo
    if request.param == "sqlite":
        fresh = sqlite_database(
            tmp_path, request.getfixturevalue("sqlite_demo_template" if demo else "sqlite_template")
        )
    else:
        # the demo rows are made first even for a `prepared` database (making them empties the
        # database), which is left empty here: prepare() puts its rows in
        snapshot = request.getfixturevalue("postgresql_demo") if demo else None
        request.node.stash[_LEFT_EMPTY] = "prepared" in request.fixturenames
        if request.node.stash[_LEFT_EMPTY]:
            snapshot = None
        fresh = _reused(request.getfixturevalue("postgresql_reused"), snapshot)
    with fresh as url:
        use_database(url)
        try:
            yield url
        finally:
            use_database(None)
            _done_with(url)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that uses `database` runs on each backend; one marked `one_database` (its subject
    is the conversation, not what the database does) on SQLite only, the faster, which every
    machine has. What differs between the databases is tested on both by the tests of the
    services under the actions (the plan service, reporting, reviews, privacy, the web app)."""
    if "database" in metafunc.fixturenames:
        one = metafunc.definition.get_closest_marker("one_database") is not None
        metafunc.parametrize("database", BACKENDS[:1] if one else BACKENDS, indirect=True)


@pytest.fixture
def demo_person(database: str, request: pytest.FixtureRequest) -> str:
    """The demo people loaded; returns the first one's reference (Sam Taylor, born 1956-04-03, £250 a week).
    The `database` fixture made the database with them in it, unless this fixture was asked for only
    while the test ran (request.getfixturevalue): then they are imported now."""
    if not request.node.stash.get(_DEMO_LOADED, False):
        import_budgets(DEMO_CSV, actor="test")
    return DEMO_REFERENCE


#: a database `prepared` by a builder: (builder, backend, demo people in it) -> (a SQLite file or
#: PostgreSQL rows to copy, what the builder returned)
_PREPARED: Dict[Tuple[Callable[[], Any], str, bool], Tuple[Union[Path, Snapshot], Any]] = {}


def _put(database: ReusedPostgres, snapshot: Snapshot) -> None:
    """The snapshot's rows into the database `database` left empty, or a failure saying why not."""
    try:
        database.put(snapshot)
    except (IntegrityError, psycopg2.IntegrityError):  # COPY runs on the driver's own cursor
        pytest.fail(
            "A fixture wrote to the database before the one that uses `prepared`: ask for that one first.",
            pytrace=False,
        )


@pytest.fixture
def prepared(
    request: pytest.FixtureRequest, database: str, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[Callable[[], T]], T]:
    """`prepared(build)` fills this test's database by `build` (called with the database in use;
    it returns what the test needs) and returns what it returned. `build` runs once per session,
    backend and demo people: later tests get a copy of what it made (the SQLite file, or the
    PostgreSQL rows put in the database `database` left empty). For data many tests only read.
    A test asks for the fixture that calls it before any other fixture that writes to the
    database (advisers, say): on SQLite those rows would be replaced, on PostgreSQL the test
    fails saying so."""
    url = make_url(database)
    demo = request.node.stash.get(_DEMO_LOADED, False)
    # False when the test asked for `prepared` only while it ran (request.getfixturevalue)
    empty = request.node.stash.get(_LEFT_EMPTY, False)

    def prepare(build: Callable[[], T]) -> T:
        sqlite = url.get_backend_name() == "sqlite"
        key = (build, url.get_backend_name(), demo)
        if key in _PREPARED:
            made, value = _PREPARED[key]
            _done_with(database)
            if isinstance(made, Path):
                shutil.copyfile(made, str(url.database))
            elif empty:
                _put(request.getfixturevalue("postgresql_reused"), made)
            else:
                request.getfixturevalue("postgresql_reused").refill(made)
            return value
        if demo and empty and not sqlite:
            _put(request.getfixturevalue("postgresql_reused"), request.getfixturevalue("postgresql_demo"))
        value = build()
        if sqlite:
            _done_with(database)
            template = tmp_path_factory.mktemp("prepared-template") / "supportplan-test.db"
            shutil.copyfile(str(url.database), template)
            _PREPARED[key] = (template, value)
        else:
            _PREPARED[key] = (request.getfixturevalue("postgresql_reused").snapshot(), value)
        return value

    return prepare


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
