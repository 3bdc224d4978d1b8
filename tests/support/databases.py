"""Test databases, on SQLite and on PostgreSQL: a SQLite file (a copy of a migrated template, or
empty) and a PostgreSQL database (created from a template, or empty) dropped afterwards.

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
