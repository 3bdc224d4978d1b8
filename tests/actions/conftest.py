"""Running actions as the action server would: real trackers (bot/answers/trackers.py), the real
domain, a real database (the `database` fixture in tests/conftest.py runs each test on SQLite
and on PostgreSQL)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from bot.budgets.source import BudgetFigures
from bot.plans import service
from bot.plans.service import NewService


@pytest.fixture
def demo(database: str, demo_person: Any) -> Any:
    """The demo database: people loaded, on SQLite and PostgreSQL."""
    return demo_person


@pytest.fixture
def plan_ref(demo: Any) -> str:
    """A draft plan with one outcome and one service (a taxi at £20 a week). Modules may define their own."""
    reference = service.open_plan(
        "PB-100234", "self", "rest", "c", BudgetFigures.of(Decimal(250), "week")
    ).plan_reference
    service.add_outcome(reference, "Get out to the shops")
    service.add_service(reference, NewService("transport", "a taxi to the day centre", None, None, Decimal(20)))
    return reference
