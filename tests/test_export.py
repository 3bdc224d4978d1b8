"""Plan export: the DESIGN §5 JSON exactly (keys, types, money strings), and the plain-text plan."""

from __future__ import annotations

import json
import re
from datetime import datetime
from decimal import Decimal

import pytest

from bot.budgets.source import BudgetFigures
from bot.plans import service
from bot.plans.export import hours_str, plan_to_dict, plan_to_text
from bot.plans.service import NewService

D = Decimal
MONEY = re.compile(r"^-?\d+\.\d{2}$")
TOP_KEYS = [
    "plan_reference",
    "person_reference",
    "status",
    "planned_by",
    "budget",
    "important_to_me",
    "outcomes",
    "services",
    "total_weekly_cost",
    "remaining_weekly",
    "management",
    "contingency",
    "flags",
    "created_at",
    "updated_at",
    "submitted_at",
]
#: DESIGN §5's additions, after the contract's keys
ADDED_KEYS = [
    "eligible_needs",
    "assessed_on",
    "checks",
    "direct_payment",
    "involved",
    "communication_needs",
    "communication_detail",
    "copy_route",
    "review_due",
    "needs_met_elsewhere",
    "advice",
    "version",
    "replaces",
    "skipped_questions",
]
SERVICE_KEYS = [
    "id",
    "category",
    "description",
    "outcome_ids",
    "hours_per_week",
    "unit_cost",
    "weekly_cost",
    "need_codes",
]


@pytest.fixture
def ref(demo_person: str) -> str:
    return service.open_plan(demo_person, "supporter", "rest", "c1", BudgetFigures.of(D("250"), "week")).plan_reference


@pytest.fixture
def full_plan(ref: str) -> str:
    service.set_important_to_me(ref, "Being near my family")
    service.add_outcome(ref, "Have a bath")
    service.add_outcome(ref, "Get to the shops")
    service.set_outcomes_complete(ref, True)
    service.add_service(ref, NewService("personal_assistant", "PA", D("2.5"), D("15.50"), None, (1,)))
    service.add_service(ref, NewService("equipment", "Bath seat", None, None, D("1.15")))
    service.set_services_complete(ref, True)
    service.set_management(ref, "individual_service_fund")
    service.set_contingency(ref, "Ring my son")
    return ref


def is_iso(text: str) -> bool:
    return datetime.fromisoformat(text).utcoffset() is not None


def test_json_has_the_contract_shape_and_types(full_plan: str) -> None:
    data = plan_to_dict(service.get_plan(full_plan))
    assert list(data) == TOP_KEYS + ADDED_KEYS
    assert data["plan_reference"] == full_plan and data["person_reference"] == "PB-100234"
    assert (data["status"], data["planned_by"]) == ("draft", "supporter")
    assert data["budget"] == {"amount": "250.00", "period": "week", "weekly": "250.00", "annual": "13000.00"}
    assert data["important_to_me"] == "Being near my family"
    assert data["outcomes"] == [
        {
            "id": 1,
            "text": "Have a bath",
            "domain": "personal_hygiene",
            "wellbeing_areas": ["dignity", "health_emotional"],
        },
        {"id": 2, "text": "Get to the shops", "domain": "community", "wellbeing_areas": ["participation"]},
    ]
    assert [list(s) for s in data["services"]] == [SERVICE_KEYS, SERVICE_KEYS]
    assert data["services"][0] == {
        "id": 1,
        "category": "personal_assistant",
        "description": "PA",
        "outcome_ids": [1],
        "hours_per_week": "2.5",
        "unit_cost": "15.50",
        "weekly_cost": "38.75",
        "need_codes": None,
    }
    assert data["services"][1] == {
        "id": 2,
        "category": "equipment",
        "description": "Bath seat",
        "outcome_ids": [],
        "hours_per_week": None,
        "unit_cost": None,
        "weekly_cost": "1.15",
        "need_codes": None,
    }
    assert (data["total_weekly_cost"], data["remaining_weekly"]) == ("39.90", "210.10")
    assert (data["management"], data["contingency"], data["flags"]) == ("individual_service_fund", "Ring my son", [])
    assert is_iso(data["created_at"]) and is_iso(data["updated_at"]) and data["submitted_at"] is None
    assert data["skipped_questions"] == []
    assert json.loads(json.dumps(data)) == data


def test_every_money_field_is_a_two_decimal_string(full_plan: str) -> None:
    data = plan_to_dict(service.get_plan(full_plan))
    money = [data["budget"][k] for k in ("amount", "weekly", "annual")] + [
        data["total_weekly_cost"],
        data["remaining_weekly"],
    ]
    money += [s[k] for s in data["services"] for k in ("unit_cost", "weekly_cost") if s[k] is not None]
    assert len(money) == 8 and all(isinstance(value, str) and MONEY.match(value) for value in money)


def test_missing_answers_are_null_and_submission_is_timestamped(ref: str, full_plan: str) -> None:
    empty = plan_to_dict(service.open_plan("PB-100235", "self", "web", None, BudgetFigures.of(D("1300"), "month")))
    assert (empty["important_to_me"], empty["management"], empty["contingency"]) == (None, None, None)
    assert (empty["outcomes"], empty["services"], empty["flags"]) == ([], [], [])
    assert empty["budget"] == {"amount": "1300.00", "period": "month", "weekly": "300.00", "annual": "15600.00"}
    assert (empty["total_weekly_cost"], empty["remaining_weekly"]) == ("0.00", "300.00")

    service.add_flag(full_plan, "handoff_requested")
    sent = plan_to_dict(service.submit_plan(full_plan))
    assert sent["status"] == "submitted" and is_iso(sent["submitted_at"]) and sent["flags"] == ["handoff_requested"]


def test_over_budget_shows_a_negative_remainder_and_the_flag(ref: str) -> None:
    service.add_service(ref, NewService("home_care_agency", "Carers", D("10"), D("26"), None))
    data = plan_to_dict(service.get_plan(ref))
    assert (data["total_weekly_cost"], data["remaining_weekly"], data["flags"]) == ("260.00", "-10.00", ["over_budget"])


@pytest.mark.parametrize(
    "hours, text", [(None, None), ("6", "6.0"), ("6.00", "6.0"), ("2.50", "2.5"), ("1.25", "1.25"), ("100", "100.0")]
)
def test_hours_have_at_least_one_decimal(hours: str, text: str) -> None:
    assert hours_str(D(hours) if hours else None) == text


def test_text_follows_the_plan_order(full_plan: str) -> None:
    text = plan_to_text(service.get_plan(full_plan))
    headings = [
        "My personal budget",
        "What is important to me",
        "What I want to change",
        "My support and what it costs",
        "How my budget will be managed",
        "If things go wrong",
        "Status",
    ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    for expected in (
        "£250.00 a week",
        "£13,000.00 a year",
        "Being near my family",
        "1. Have a bath",
        "2. Get to the shops",
        "£38.75",
        "£1.15",
        "2.5 hours a week at £15.50 an hour",
        "£39.90",
        "£210.10",
        "a provider holds the money",
        "Ring my son",
        "Draft",
        full_plan,
    ):
        assert expected in text, expected
    assert "individual_service_fund" not in text and "personal_assistant" not in text


def test_text_of_an_unfinished_over_budget_plan(ref: str) -> None:
    service.add_service(ref, NewService("home_care_agency", "Carers every morning and evening", D("10"), D("26"), None))
    service.add_flag(ref, "handoff_requested")
    text = plan_to_text(service.get_plan(ref))
    assert "Not answered yet." in text and "Not decided yet." in text and "Nothing yet." in text
    assert re.search(r"Over my budget by\s+£10\.00 a week", text)
    assert "talk to a person" in text and "costs more than my weekly budget" in text


def test_text_of_a_monthly_budget_and_a_sent_plan(demo_person: str) -> None:
    ref = service.open_plan("PB-100235", "self", "web", None, BudgetFigures.of(D("1300"), "month")).plan_reference
    text = plan_to_text(service.get_plan(ref))
    assert "£1,300.00 a month: that is £300.00 a week, or £15,600.00 a year." in text
    assert "Sent on" not in text


def test_a_question_skipped_is_exported_until_it_is_answered(full_plan: str) -> None:
    service.skip_question(full_plan, "communication_needs")
    service.skip_question(full_plan, "communication_needs")
    assert plan_to_dict(service.get_plan(full_plan))["skipped_questions"] == ["communication_needs"]
    service.set_communication_needs(full_plan, ["large_print"])
    assert plan_to_dict(service.get_plan(full_plan))["skipped_questions"] == []
    with pytest.raises(ValueError):
        service.skip_question(full_plan, "important_to_me")
