"""Create or migrate the database to the newest schema (`alembic upgrade heads`; idempotent)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from alembic import command
from alembic.config import Config

from bot.db.session import current_database_url

HERE = Path(__file__).resolve().parent


def alembic_config(url: Optional[str] = None) -> Config:
    """The Alembic config for bot/db/alembic.ini, aimed at `url` (default: the current database)."""
    config = Config(str(HERE / "alembic.ini"))
    config.set_main_option("script_location", str(HERE / "migrations"))
    config.set_main_option("sqlalchemy.url", (url or current_database_url()).replace("%", "%%"))
    return config


def upgrade(url: Optional[str] = None) -> None:
    command.upgrade(alembic_config(url), "heads")
