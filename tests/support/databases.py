"""Test databases, on SQLite and on PostgreSQL: a SQLite file (a copy of a migrated template, or
empty) and a PostgreSQL database (created from a template, or empty) dropped afterwards.

PostgreSQL is the local server (127.0.0.1:5432, trust auth; SUPPORTPLAN_TEST_POSTGRES to use
another), made the way bench/stack.py makes them. If it is unreachable the PostgreSQL tests
fail, unless SUPPORTPLAN_SKIP_POSTGRES=1."""

from __future__ import annotations

import io
import os
import shutil
import uuid
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, Optional

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

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


#: everything a test could change in a database's schema, one string (tables and their columns,
#: constraints, types, schemas, the Alembic revision), so a database can be checked against its template
_SCHEMA_FINGERPRINT = """
SELECT md5(coalesce(string_agg(item, ',' ORDER BY item), '')) FROM (
  SELECT 'c:' || n.nspname || '.' || c.relname || ':' || c.relkind::text || ':' || coalesce(a.attname::text, '')
         || ':' || coalesce(a.atttypid::text, '') || ':' || coalesce(a.attnotnull::text, '')
         || ':' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS item
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
   WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_to%'
     AND n.nspname NOT LIKE 'pg\\_temp%'
  UNION ALL
  SELECT 'k:' || conrelid::regclass::text || ':' || conname || ':' || pg_get_constraintdef(oid) FROM pg_constraint
   WHERE connamespace IN (SELECT oid FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema'))
  UNION ALL
  SELECT 'i:' || indexrelid::regclass::text || ':' || pg_get_indexdef(indexrelid) FROM pg_index
   WHERE indrelid IN (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public')
  UNION ALL
  SELECT 't:' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_to%'
     AND n.nspname NOT LIKE 'pg\\_temp%'
  UNION ALL
  SELECT 'f:' || p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  UNION ALL
  SELECT 'n:' || nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_to%' AND nspname NOT LIKE 'pg\\_temp%'
  UNION ALL
  SELECT 'v:' || version_num FROM alembic_version
) AS schema
"""


@dataclass(frozen=True)
class Snapshot:
    """What a test database held: each table's rows (PostgreSQL's COPY text format, so every value
    comes back exactly) and each sequence's last value."""

    rows: Dict[str, bytes]
    sequences: Dict[str, int]


class ReusedPostgres:
    """One PostgreSQL database per test process (so per pytest-xdist worker), copied once from the
    migrated template and put back as it was before each test, instead of a new copy per test (a
    CREATE DATABASE and a DROP take about half a second each; emptying the tables takes
    milliseconds).

    Before each test: the other connections to it are ended, tables and sequences the template
    does not have (Rasa's `events`, made by its SQL tracker store) are dropped, then every table is
    emptied and every sequence started again (then, for a test that starts from a `snapshot`, its
    rows and sequences put back). If anything else in the schema differs from the template (a test
    migrated down, say), the database is dropped and copied from the template again. Each test gets its own URL (`?application_name=…`), so nothing cached by database URL
    (engines, the reporting page's cache) outlives the test that made it."""

    def __init__(self, template: str) -> None:
        self.template = template
        self.admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", future=True, poolclass=NullPool)
        self.name = f"supportplan_test_{uuid.uuid4().hex[:10]}"
        self.url = make_url(POSTGRES_ADMIN_URL).set(database=self.name).render_as_string(hide_password=False)
        self.engine = create_engine(self.url, future=True, poolclass=NullPool)
        self.tests = 0
        self._copy()
        with self.engine.connect() as connection:
            self.fingerprint = connection.execute(text(_SCHEMA_FINGERPRINT)).scalar_one()
            self.tables = set(
                connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
            )
            self.sequences = set(
                connection.execute(text("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")).scalars()
            )

    def _copy(self) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{self.name}" TEMPLATE "{self.template}"'))

    def _emptied(self, snapshot: Optional[Snapshot]) -> bool:
        """Empty the database in place (and put `snapshot` in it); False if its schema is no longer the template's."""
        with self.engine.begin() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
            connection.execute(text("SET LOCAL lock_timeout = '20s'"))
            tables = set(
                connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
            )
            for extra in sorted(tables - self.tables):
                connection.execute(text(f'DROP TABLE IF EXISTS "{extra}" CASCADE'))
            sequences = set(
                connection.execute(text("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")).scalars()
            )
            for extra in sorted(sequences - self.sequences):
                connection.execute(text(f'DROP SEQUENCE IF EXISTS "{extra}" CASCADE'))
            if connection.execute(text(_SCHEMA_FINGERPRINT)).scalar_one() != self.fingerprint:
                return False
            # the foreign keys' triggers are off while the tables are emptied, so the order does not matter
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            connection.execute(text("SET LOCAL synchronous_commit = off"))
            for table in sorted(self.tables - {"alembic_version"}):
                connection.execute(text(f'DELETE FROM "{table}"'))
            connection.execute(
                text(
                    "SELECT setval(quote_ident(schemaname) || '.' || quote_ident(sequencename), start_value, false)"
                    " FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL"
                )
            )
            if snapshot is not None:
                self._restore(connection, snapshot)
        return True

    @staticmethod
    def _restore(connection: Connection, snapshot: Snapshot) -> None:
        """Put the snapshot's rows and sequences back (the foreign keys' triggers are off: any order)."""
        cursor = connection.connection.cursor()
        for table, rows in snapshot.rows.items():
            cursor.copy_expert(f'COPY "{table}" FROM STDIN', io.BytesIO(rows))
        cursor.close()
        for sequence, value in snapshot.sequences.items():
            connection.execute(text("SELECT setval(quote_ident(:name), :value)"), {"name": sequence, "value": value})

    def put(self, snapshot: Snapshot) -> None:
        """Put `snapshot`'s rows and sequences into the database, emptied by `fresh` or `refill`."""
        with self.engine.begin() as connection:
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            self._restore(connection, snapshot)

    def snapshot(self) -> Snapshot:
        """What the database holds now: the rows of the template's tables and the sequences in use.
        Refused when it has tables the template has not (Rasa's `events`): they would be lost."""
        rows: Dict[str, bytes] = {}
        with self.engine.connect() as connection:
            tables = set(
                connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
            )
            if tables - self.tables:
                raise ValueError(f"a snapshot keeps only the template's tables, not {sorted(tables - self.tables)}")
            cursor = connection.connection.cursor()
            for table in sorted(self.tables - {"alembic_version"}):
                copied = io.BytesIO()
                cursor.copy_expert(f'COPY "{table}" TO STDOUT', copied)
                if copied.getvalue():
                    rows[table] = copied.getvalue()
            cursor.close()
            sequences = connection.execute(
                text(
                    "SELECT sequencename, last_value FROM pg_sequences"
                    " WHERE schemaname = 'public' AND last_value IS NOT NULL"
                )
            )
            return Snapshot(rows, {name: value for name, value in sequences})

    def refill(self, snapshot: Optional[Snapshot] = None) -> None:
        """Put the database back as the template has it (with `snapshot`'s rows), in place."""
        try:
            emptied = self._emptied(snapshot)
        except SQLAlchemyError:  # a lock held too long by a connection being ended, say
            emptied = False
        if not emptied:
            self._copy()
            if snapshot is not None:
                self.put(snapshot)

    def fresh(self, snapshot: Optional[Snapshot] = None) -> str:
        """The database as the template has it (with `snapshot`'s rows), under a URL no earlier test was given."""
        self.refill(snapshot)
        self.tests += 1
        return (
            make_url(self.url)
            .update_query_dict({"application_name": f"supportplan_test_{self.tests}"})
            .render_as_string(hide_password=False)
        )

    def close(self) -> None:
        self.engine.dispose()
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()
