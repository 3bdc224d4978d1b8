"""Test databases, on SQLite and on PostgreSQL: a SQLite file (a copy of a migrated template, or
empty) and a PostgreSQL database (created from a template, or empty) dropped afterwards.

PostgreSQL is the local server (127.0.0.1:5432, trust auth; SUPPORTPLAN_TEST_POSTGRES to use
another), made the way bench/stack.py makes them. If it is unreachable the PostgreSQL tests
fail, unless SUPPORTPLAN_SKIP_POSTGRES=1."""

from __future__ import annotations

import os
import shutil
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterator, Optional

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from bench.stack import POSTGRES_ADMIN_URL
from bench.stack import postgres_database as bench_database

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
    """A new PostgreSQL database (a copy of the database `template`, or empty), dropped afterwards;
    the test fails with what to do when the server is not there."""
    with ExitStack() as stack:
        try:
            url = stack.enter_context(bench_database("supportplan_test", template))
        except OperationalError as error:
            pytest.fail(
                f"PostgreSQL is not reachable at {make_url(POSTGRES_ADMIN_URL).render_as_string(hide_password=True)} "
                f"({error.orig}). Start it, or set SUPPORTPLAN_SKIP_POSTGRES=1 to test on SQLite only.",
                pytrace=False,
            )
        yield url
