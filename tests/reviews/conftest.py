"""An agreed plan to review, on SQLite and PostgreSQL (tests/conftest.py's `database`)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from bot.db.models import Person, Spend, SpendImport
from bot.db.session import session_scope
from bot.plans import service
from tests.support.plans import make_plan


@pytest.fixture
def agreed(demo_person: str) -> str:
    """The demo person's agreed plan: outcomes 1 'Go swimming every week' and 2 'Cook my own
    meals'; services 1, a PA 6 hours at £15 (£90 a week), and 2, a swimming club at £100 a week."""
    ref = make_plan(demo_person, "c-review", submit=True)
    service.mark_agreed(ref, "adviser:test")
    return ref


def spend(person: str, *payments: Any) -> None:
    """Spending rows for `person`: (day, pence, category) each."""
    with session_scope() as session:
        owner = session.scalars(select(Person).where(Person.reference == person)).one()
        upload = SpendImport(sha256=f"review-{len(payments)}-{payments[0][1]}", rows=len(payments))
        session.add(upload)
        session.flush()
        for day, pence, category in payments:
            session.add(
                Spend(person_id=owner.id, import_id=upload.id, spent_on=day, amount_pence=pence, category=category)
            )


@pytest.fixture
def today() -> date:
    return date.today()
