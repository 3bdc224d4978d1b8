"""Alembic environment. The database is, in order: `-x url=…` on the alembic command line, the
config's sqlalchemy.url (set by bot.db.migrate), else bot.db.session.current_database_url().
Works on SQLite (batch mode for later ALTERs) and PostgreSQL (an advisory lock, so processes
starting together migrate one at a time)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool, text

from bot.db.models import Base
from bot.db.session import current_database_url

#: any fixed number: the PostgreSQL advisory lock held while migrating
MIGRATION_LOCK_ID = 72_657_201


def database_url() -> str:
    config = context.config
    return (
        context.get_x_argument(as_dictionary=True).get("url")
        or config.get_main_option("sqlalchemy.url")
        or current_database_url()
    )


def run_migrations_online() -> None:
    engine = create_engine(database_url(), poolclass=pool.NullPool, future=True)
    try:
        with engine.connect() as connection:
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=connection.dialect.name == "sqlite",
                compare_type=True,
            )
            with context.begin_transaction():
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK_ID})
                context.run_migrations()
    finally:
        engine.dispose()


run_migrations_online()
