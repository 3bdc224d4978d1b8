"""`supportplan reviews`: agreed plans due or overdue a review, from the council's intervals."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import update

from bot.budgets.source import BudgetFigures
from bot.cli import main
from bot.council import council_rules
from bot.db.models import Plan
from bot.db.session import session_scope
from bot.plans import service
from bot.plans.service import NewService
from bot.reviews.due import DIRECT_PAYMENT_CHECK, FIRST, YEARLY, reviews_due, schedule
from tests.support.reviews import agreed_plan_managed_by as agreed_plan

D = Decimal


def test_the_schedule_follows_the_council_settings() -> None:
    rules = council_rules({})
    agreed = date(2026, 1, 31)
    assert schedule(agreed, None, False, rules) == [(date(2026, 3, 28), FIRST), (date(2027, 1, 31), YEARLY)]
    assert schedule(agreed, None, True, rules)[1] == (date(2026, 7, 31), DIRECT_PAYMENT_CHECK)


def test_only_agreed_plans_due_by_the_date_are_listed(
    database: str, demo_person: str, capsys: pytest.CaptureFixture
) -> None:
    today = date.today()
    late = agreed_plan("PB-100234", "direct_payment", today - timedelta(weeks=10))
    soon = agreed_plan("PB-100235", "council_managed", today - timedelta(weeks=7))
    agreed_plan("PB-100236", "council_managed", today)
    service.open_plan("PB-100237", "self", "rest", None, BudgetFigures.of(D("100"), "week"))

    assert [r.plan_reference for r in reviews_due(today)] == [late]
    assert [r.plan_reference for r in reviews_due(today + timedelta(weeks=1))] == [late, soon]
    assert reviews_due(today)[0].days_overdue(today) == 14

    assert (
        main(
            [
                "--database",
                database,
                "reviews",
                "--due-by",
                (today + timedelta(weeks=1)).isoformat(),
                "--format",
                "json",
            ]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert [row["plan_reference"] for row in rows] == [late, soon]
    assert rows[0] == {
        "plan_reference": late,
        "person_reference": "PB-100234",
        "management": "direct_payment",
        "agreed_on": (today - timedelta(weeks=10)).isoformat(),
        "kind": FIRST,
        "due": (today - timedelta(weeks=2)).isoformat(),
        "days_overdue": 14,
    }
    assert main(["--database", database, "reviews", "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["plan_reference"] for row in table] == [late]
    assert main(["--database", database, "reviews", "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert late in text and "14 days overdue" in text and "Sam" not in text and "Taylor" not in text


def test_nothing_due_says_so(database: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["--database", database, "reviews"]) == 0
    assert "No plans are due a review" in capsys.readouterr().out


def test_a_bad_date_is_refused(database: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--database", database, "reviews", "--due-by", "next week"])
    assert stopped.value.code == 2 and "2026-04-01" in capsys.readouterr().err
