"""The README's backup and restore of PostgreSQL ("Deploy"), as written: pg_dump in its custom
format, pg_restore into an empty database, `supportplan migrate`, and the same plans come back;
and the README's query for the queues that wait for a person runs on it."""

from __future__ import annotations

import subprocess

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from bot.budgets.importer import import_budgets
from bot.cli import DEMO_CSV
from bot.db.migrate import upgrade
from bot.db.session import get_engine, use_database
from bot.plans import service
from tests.deploy.files import PROJECT_ROOT
from tests.support.databases import BACKENDS, DEMO_REFERENCE, postgres_database
from tests.support.plans import make_plan

pytestmark = pytest.mark.skipif("postgresql" not in BACKENDS, reason="SUPPORTPLAN_SKIP_POSTGRES=1")

#: the README's monitoring query, copied from it so the two cannot drift apart
QUEUE_QUERY = (
    "SELECT count(*), min(updated_at) FROM plans\n"
    "WHERE flags::jsonb ?| array['safeguarding', 'handoff_requested'] AND status <> 'agreed';"
)


def rows(url: str, query: str) -> list:
    engine = create_engine(url, poolclass=NullPool, future=True)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query))]
    finally:
        engine.dispose()


def service_database(url: str) -> None:
    """The demo people, a sent plan and a plan whose person asked for someone, in `url`."""
    use_database(url)
    try:
        import_budgets(DEMO_CSV, actor="test")
        make_plan(DEMO_REFERENCE, "rest-backup-1", submit=True)
        waiting = make_plan(DEMO_REFERENCE, "rest-backup-2")
        service.add_flag(waiting, "handoff_requested")
    finally:
        use_database(None)
        get_engine(url).dispose()
        get_engine.cache_clear()


def test_a_dump_restored_into_an_empty_database_holds_the_same_plans(postgresql_template, tmp_path):
    dump = tmp_path / "supportplan.dump"
    with postgres_database(postgresql_template) as original:
        service_database(original)
        subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", original], check=True, timeout=120)
        expected = rows(original, "SELECT plan_reference, status, flags::text FROM plans ORDER BY 1")
    with postgres_database() as restored:
        subprocess.run(["pg_restore", "--no-owner", f"--dbname={restored}", str(dump)], check=True, timeout=120)
        upgrade(restored)  # what `supportplan migrate` does: nothing to do for a dump of this version
        get_engine(restored).dispose()
        get_engine.cache_clear()
        assert rows(restored, "SELECT plan_reference, status, flags::text FROM plans ORDER BY 1") == expected
        assert rows(restored, "SELECT count(*) FROM people") == [(len(DEMO_CSV.read_text().splitlines()) - 1,)]
        ((count, oldest),) = rows(restored, QUEUE_QUERY.replace("\n", " "))
        assert count == 1 and oldest is not None


def test_the_queue_query_is_the_readmes():
    readme = (PROJECT_ROOT / "README.md").read_text()
    assert all(f"    {line}\n" in readme for line in QUEUE_QUERY.splitlines())
