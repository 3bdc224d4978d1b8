"""An agreed plan to review, on SQLite and PostgreSQL (tests/conftest.py's `database`)."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

import pytest
from sqlalchemy import select

from bot.db.models import Person, Spend, SpendImport
from bot.db.session import session_scope
from bot.plans import service
from tests.support.plans import agreed_demo_plan


@pytest.fixture
def agreed(demo_person: str, prepared: Callable[[Callable[[], str]], str]) -> str:
    """The demo person's agreed plan: outcomes 1 'Go swimming every week' and 2 'Cook my own
    meals'; services 1, a PA 6 hours at £15 (£90 a week), and 2, a swimming club at £100 a week."""
    return prepared(agreed_demo_plan)


@pytest.fixture
def today() -> date:
    return date.today()
