"""An agreed plan to review, on SQLite and PostgreSQL (tests/conftest.py's `database`)."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

import pytest
from sqlalchemy import select

from bot.db.models import Person, Spend, SpendImport
from bot.db.session import session_scope
from bot.plans import service
from tests.support.plans import agreed  # noqa: F401  (a fixture)


@pytest.fixture
def today() -> date:
    return date.today()
