from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.budgets.source import BudgetFigures
from bot.db.models import Base
from bot.db.session import get_engine
from bot.identity import verify_identity
from bot.plans import service
from bot.plans.export import plan_to_dict, plan_to_text
from bot.plans.service import NewService, PlanError

D = Decimal
SUPPORTPLAN = str(Path(sys.executable).parent / "supportplan")


@pytest.fixture
def ref(demo_person: str) -> str:
    return service.open_plan(demo_person, "supporter", "rest", "c1", BudgetFigures.of(D("250"), "week")).plan_reference


def test_migrations_match_the_models(database: str) -> None:
    with get_engine(database).connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata) == []


def test_identity_needs_both_reference_and_date_of_birth(demo_person: str) -> None:
    from datetime import date

    assert verify_identity("pb 100234", date(1956, 4, 3)).given_name == "Sam"
    assert verify_identity("PB-100234", date(1956, 4, 4)) is None
    assert verify_identity("nope", date(1956, 4, 3)) is None


def test_open_plan_resumes_the_draft(ref: str, demo_person: str) -> None:
    again = service.open_plan(demo_person, "self", "sms", "c2", BudgetFigures.of(D("999"), "week"))
    assert again.plan_reference == ref and again.budget.weekly == D("250.00") and again.planned_by == "self"


def test_sections_in_order_and_submission_rules(ref: str) -> None:
    assert service.get_plan(ref).next_section() == "important"
    with pytest.raises(PlanError, match="important"):
        service.submit_plan(ref)
    service.set_important_to_me(ref, "My garden")
    one = service.add_outcome(ref, "Get to the shops on my own")
    assert (one.id, one.domain) == (1, "community")
    assert service.get_plan(ref).next_section() == "outcomes"
    service.set_outcomes_complete(ref, True)
    service.add_service(ref, NewService("personal_assistant", "PA mornings", D("7"), D("15"), None, (1,)))
    service.add_service(ref, NewService("transport", "Taxi", None, None, D("20")))
    assert service.get_plan(ref).next_section() == "services"
    service.set_services_complete(ref, True)
    service.set_management(ref, "direct_payment")
    service.set_contingency(ref, "Call my daughter")
    plan = service.get_plan(ref)
    assert plan.next_section() == "review"
    assert (plan.total_weekly_cost, plan.remaining_weekly) == (D("125.00"), D("125.00"))
    service.reopen_section(ref, "services")
    assert service.get_plan(ref).next_section() == "services"
    assert len(service.get_plan(ref).services) == 2
    service.set_services_complete(ref, True)
    sent = service.submit_plan(ref)
    assert sent.status == "submitted" and sent.submitted_at
    with pytest.raises(PlanError):
        service.set_contingency(ref, "changed")
    service.add_flag(ref, "handoff_requested")  # flags still allowed on a sent plan
    assert service.mark_agreed(ref, "adviser:1").status == "agreed"


def test_over_budget_flag_follows_the_total(ref: str) -> None:
    service.add_service(ref, NewService("home_care_agency", "Carers", D("10"), D("26"), None))
    assert "over_budget" in service.get_plan(ref).flags
    service.remove_service(ref, 1)
    assert "over_budget" not in service.get_plan(ref).flags


@pytest.mark.parametrize("bad", [
    NewService("spaceship", "x", None, None, D("5")),
    NewService("transport", "", None, None, D("5")),
    NewService("transport", "Taxi", None, None, D("-5")),
    NewService("personal_assistant", "PA", D("0"), D("15"), None),
])
def test_bad_services_are_refused_and_nothing_is_recorded(ref: str, bad: NewService) -> None:
    with pytest.raises(ValueError):
        service.add_service(ref, bad)
    assert service.get_plan(ref).services == ()


def test_removing_an_outcome_unlinks_it_from_services(ref: str) -> None:
    service.add_outcome(ref, "Cook my dinner")
    service.add_service(ref, NewService("personal_assistant", "PA", D("2"), D("15"), None, (1,)))
    service.remove_outcome(ref, 1)
    assert service.get_plan(ref).services[0].outcome_ids == ()


def test_json_export_has_the_contract_shape(ref: str, database: str, demo_person: str) -> None:
    service.set_important_to_me(ref, "Family")
    service.add_outcome(ref, "Have a bath")
    service.add_service(ref, NewService("personal_assistant", "PA", D("2.5"), D("15.50"), None, (1,)))
    service.add_service(ref, NewService("equipment", "Bath seat", None, None, D("1.15")))
    data = plan_to_dict(service.get_plan(ref))
    assert list(data) == [
        "plan_reference", "person_reference", "status", "planned_by", "budget", "important_to_me", "outcomes", "services",
        "total_weekly_cost", "remaining_weekly", "management", "contingency", "flags", "created_at", "updated_at", "submitted_at",
    ]
    assert data["budget"] == {"amount": "250.00", "period": "week", "weekly": "250.00", "annual": "13000.00"}
    assert data["outcomes"] == [{"id": 1, "text": "Have a bath", "domain": "personal_hygiene"}]
    assert data["services"][0] == {"id": 1, "category": "personal_assistant", "description": "PA", "outcome_ids": [1],
                                   "hours_per_week": "2.5", "unit_cost": "15.50", "weekly_cost": "38.75"}
    assert data["services"][1]["hours_per_week"] is None and data["services"][1]["unit_cost"] is None
    assert (data["total_weekly_cost"], data["remaining_weekly"]) == ("39.90", "210.10")
    assert data["submitted_at"] is None and data["planned_by"] == "supporter"

    done = subprocess.run([SUPPORTPLAN, "--database", database, "export-plan", demo_person, "--format", "json"], capture_output=True, text=True)
    assert done.returncode == 0 and json.loads(done.stdout)["plan_reference"] == ref
    done = subprocess.run([SUPPORTPLAN, "--database", database, "export-plan", demo_person, "--format", "text"], capture_output=True, text=True)
    assert "Have a bath" in done.stdout and "£39.90" in done.stdout and "£210.10" in done.stdout
    done = subprocess.run([SUPPORTPLAN, "--database", database, "export-plan", "NO-SUCH-1", "--format", "json"], capture_output=True, text=True)
    assert done.returncode == 1 and done.stderr


def test_text_export_reads_in_plan_order(ref: str) -> None:
    text = plan_to_text(service.get_plan(ref))
    order = [text.index(h) for h in ("personal budget", "important to me", "change or achieve", "My support", "managed", "turn up")]
    assert order == sorted(order)
