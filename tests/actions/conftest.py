"""Running actions as the action server would: real trackers (bot/answers/trackers.py), the real
domain, a real database. The conversation is their subject, so each module is marked
`one_database` and runs on SQLite (tests/conftest.py `pytest_generate_tests`); what differs between
SQLite and PostgreSQL is tested on both by the tests of the services the actions call."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from bot.budgets.source import BudgetFigures
from bot.plans import service
from bot.plans.service import NewService


@pytest.fixture
def demo(database: str, demo_person: Any) -> Any:
    """The demo database: people loaded."""
    return demo_person


def _taxi_costed() -> str:
    reference = service.open_plan(
        "PB-100234", "self", "rest", "c", BudgetFigures.of(Decimal(250), "week")
    ).plan_reference
    service.add_outcome(reference, "Get out to the shops")
    service.add_service(reference, NewService("transport", "a taxi to the day centre", None, None, Decimal(20)))
    return reference


@pytest.fixture
def plan_ref(demo: Any, prepared: Any) -> str:
    """A draft plan with one outcome and one service (a taxi at £20 a week). Modules may define their own."""
    return prepared(_taxi_costed)


#: the needs the assessed plan's assessment found, in its order
ASSESSED_NEEDS = ("personal_hygiene", "dressing", "community")


def _assessed() -> str:
    budget = BudgetFigures.of(Decimal(250), "week", Decimal(40), ASSESSED_NEEDS, date(2026, 11, 2))
    reference = service.open_plan("PB-100235", "self", "rest", "c", budget).plan_reference
    service.add_outcome(reference, "Get out to the shops")
    return reference


@pytest.fixture
def assessed_plan_ref(demo: Any, prepared: Any) -> str:
    """A draft plan whose budget came with the assessment (a £40 contribution and three eligible
    needs), with one outcome and no services yet."""
    return prepared(_assessed)
