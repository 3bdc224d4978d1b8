"""What a council needs to sign a plan off (issue 15): the assessment read in with the budget, the
council settings file, the direct-payment checks, and the plan service's new records."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Dict

import pytest

from bot.budgets.importer import BudgetImportError, import_budgets
from bot.budgets.source import BudgetFigures, DatabaseBudgetSource
from bot.council import council_rules, rules_from
from bot.parsing.relations import relation_named
from bot.plans import service
from bot.plans.checks import checks_for
from bot.plans.service import NewService, PlanError
from bot.plans.views import InvolvedView
from bot.plans.wellbeing import wellbeing_areas

D = Decimal
HEADER = "reference,given_name,family_name,date_of_birth,postcode,phone,budget_amount,budget_period"
ASSESSED = HEADER + ",contribution_amount,eligible_needs,assessed_on\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "budgets.csv"
    path.write_text(text, encoding="utf-8")
    return path


# --- the assessment in the budget file and the finance API ---------------------------------


async def test_the_optional_columns_are_read_and_a_file_without_them_keeps_them(database: str, tmp_path: Path) -> None:
    import_budgets(
        write(
            tmp_path,
            ASSESSED + "AB-1,Ann,Smith,1950-01-31,LS6 2AB,,1000,4 weeks,160, Nutrition;community ,2026-09-01\n",
        )
    )
    budget = await DatabaseBudgetSource().budget_for("AB-1")
    assert budget is not None
    assert (budget.weekly, budget.contribution_weekly, budget.council_weekly) == (D("250.00"), D("40.00"), D("210.00"))
    assert (budget.eligible_needs, budget.assessed_on) == (("nutrition", "community"), date(2026, 9, 1))

    import_budgets(write(tmp_path, HEADER + "\nAB-1,Ann,Smith,1950-01-31,LS6 2AB,,1100,4 weeks\n"))
    again = await DatabaseBudgetSource().budget_for("AB-1")
    assert again is not None and again.weekly == D("275.00")
    assert (again.contribution_weekly, again.eligible_needs) == (D("40.00"), ("nutrition", "community"))

    import_budgets(write(tmp_path, ASSESSED + "AB-1,Ann,Smith,1950-01-31,LS6 2AB,,1100,4 weeks,,,\n"))
    cleared = await DatabaseBudgetSource().budget_for("AB-1")
    assert cleared is not None and (cleared.contribution, cleared.eligible_needs, cleared.assessed_on) == (
        None,
        (),
        None,
    )


def test_bad_assessment_columns_are_refused_with_line_numbers(database: str, tmp_path: Path) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    rows = [
        "AB-1,Ann,Smith,1950-01-31,LS6 2AB,,250,week,300,,",
        "AB-2,Bob,Smith,1950-01-31,LS6 2AB,,250,week,-1,,",
        "AB-3,Cy,Smith,1950-01-31,LS6 2AB,,250,week,lots,,",
        "AB-4,Di,Smith,1950-01-31,LS6 2AB,,250,week,,washing;nutrition,",
        f"AB-5,Ed,Smith,1950-01-31,LS6 2AB,,250,week,,,{tomorrow}",
        "AB-6,Fi,Smith,1950-01-31,LS6 2AB,,250,week,,,20-10-2026",
        "AB-7,Gus,Smith,1950-01-31,LS6 2AB,,250,week,40,toileting,2026-01-05",
    ]
    with pytest.raises(BudgetImportError) as error:
        import_budgets(write(tmp_path, ASSESSED + "\n".join(rows) + "\n"))
    reasons: Dict[int, str] = dict(error.value.errors)
    assert sorted(reasons) == [2, 3, 4, 5, 6, 7]
    assert "contribution_amount is more than budget_amount" in reasons[2]
    assert "contribution_amount" in reasons[3] and "not an amount" in reasons[4]
    assert "eligible_needs" in reasons[5] and "washing" not in reasons[5]
    assert "future" in reasons[6] and "assessed_on is not a date" in reasons[7]


def test_budget_figures_refuse_a_contribution_above_the_budget_and_unknown_needs() -> None:
    with pytest.raises(ValueError):
        BudgetFigures.of(D("100"), "week", D("100.01"))
    with pytest.raises(ValueError):
        BudgetFigures.of(D("100"), "week", None, ["bathing"])
    figures = BudgetFigures.of(D("13000"), "year", D("2080"))
    assert (figures.contribution_weekly, figures.council_weekly) == (D("40.00"), D("210.00"))


# --- the council settings file -------------------------------------------------------------


def test_the_shipped_settings_file_holds_the_living_wage_table() -> None:
    rules = council_rules({})
    assert rules.living_wage_on(date(2025, 3, 31)) is None
    assert rules.living_wage_on(date(2025, 4, 1)) == D("12.21")
    assert rules.living_wage_on(date(2026, 3, 31)) == D("12.21")
    assert rules.living_wage_on(date(2026, 4, 1)) == D("12.71")
    assert rules.payment_frequency == "4 weeks" and rules.first_review_weeks == 8


@pytest.mark.parametrize(
    "raw, named",
    [
        ({"direct_payments": {"frequency": "fortnight"}}, "frequency"),
        ({"direct_payments": {"card_cash_allowed": "no"}}, "card_cash_allowed"),
        ({"direct_payments": {"in_house_services": "day centre"}}, "in_house_services"),
        ({"living_wage": [{"from": "soon", "hourly": "12"}]}, "living_wage"),
        ({"living_wage": [{"from": date(2026, 4, 1), "hourly": "-1"}]}, "living_wage"),
        ({"reviews": {"first_after_weeks": 0}}, "first_after_weeks"),
        ({"reviews": []}, "reviews"),
    ],
)
def test_a_bad_setting_is_named(raw: dict, named: str) -> None:
    with pytest.raises(ValueError, match=named):
        rules_from(raw)


def test_a_settings_file_that_is_not_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "council.yml"
    path.write_text("living_wage: [\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not readable YAML"):
        council_rules({"SUPPORTPLAN_COUNCIL_SETTINGS": str(path)})


# --- the words the checks and outcomes are read from ---------------------------------------


@pytest.mark.parametrize(
    "text, word, partner",
    [
        ("My wife Jean, 10 hours a week", "wife", True),
        ("our son helps with the shopping", "son", False),
        ("her daughter-in-law drives her", "daughter-in-law", False),
        ("my other half", "other half", True),
        ("A PA from the agency", None, None),
        ("someone's son", None, None),
    ],
)
def test_the_relative_a_service_pays(text: str, word: str, partner: bool) -> None:
    relation = relation_named(text)
    assert (relation.word, relation.partner) == (word, partner) if word else relation is None


def test_wellbeing_areas_come_from_the_need_and_the_words() -> None:
    assert wellbeing_areas("Have a bath on my own", "personal_hygiene") == ("dignity", "health_emotional", "control")
    assert wellbeing_areas("See my grandchildren", "relationships") == ("relationships",)
    assert wellbeing_areas("Something", "other") == ("control",)


# --- the direct-payment checks ---------------------------------------------------------------


@pytest.fixture
def plan(database: str) -> str:
    """A draft for the assessed demo person (£250 a week, £40 of it theirs; three needs)."""
    import_budgets(Path(__file__).resolve().parent.parent / "bot" / "demo" / "demo_people.csv")
    budget = BudgetFigures.of(
        D("250"), "week", D("40"), ["personal_hygiene", "nutrition", "community"], date(2026, 10, 20)
    )
    return service.open_plan("PB-100242", "self", "rest", "c1", budget).plan_reference


def pa(description: str, rate: str = "13.00") -> NewService:
    return NewService("personal_assistant", description, D("10"), D(rate), None)


def codes(plan_reference: str) -> list:
    return [(check.code, check.service_id) for check in service.get_plan(plan_reference).checks]


def test_a_pa_below_the_living_wage_is_checked_against_the_date(plan: str) -> None:
    service.add_service(plan, pa("PA for mornings", "12.50"))
    view = service.get_plan(plan)
    rules = council_rules({})
    assert [c.code for c in checks_for(view, rules, date(2026, 3, 31))] == []
    assert [c.code for c in checks_for(view, rules, date(2026, 4, 1))] == ["living_wage"]
    assert codes(plan) == ([("living_wage", 1)] if date.today() >= date(2026, 4, 1) else [])
    message = service.get_plan(plan).checks[0].message
    assert "£12.50 an hour" in message and "£12.71" in message and "pension" in message
    service.change_service_cost(plan, 1, unit_cost=D("13.00"))
    assert codes(plan) == []


def test_paying_a_partner_or_a_relative_at_home_is_flagged_until_the_money_is_council_arranged(plan: str) -> None:
    service.add_service(plan, pa("My husband Dave"))
    service.add_service(plan, pa("my daughter, weekends"))
    assert codes(plan) == [("family_payment", 1)]
    service.set_payee_lives_with(plan, 2, True)
    assert codes(plan) == [("family_payment", 1), ("family_payment", 2)]
    assert "your daughter, who lives with you," in service.get_plan(plan).checks[1].message
    service.set_management(plan, "council_managed")
    assert codes(plan) == []
    service.set_management(plan, "direct_payment")
    assert codes(plan) == [("family_payment", 1), ("family_payment", 2)]
    service.remove_service(plan, 1)
    assert codes(plan) == [("family_payment", 2)]


def test_a_long_term_care_home_is_checked_but_a_short_stay_is_not(plan: str) -> None:
    service.add_service(plan, NewService("other", "A room in a nursing home", None, None, D("900")))
    service.add_service(plan, NewService("other", "Two weeks respite at a care home", None, None, D("50")))
    service.add_service(plan, NewService("short_breaks", "Care home stays", None, None, D("30")))
    assert codes(plan) == [("care_home", 1)]


def test_local_rules_come_from_the_settings_file(plan: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    strict = tmp_path / "council.yml"
    strict.write_text(
        "direct_payments:\n  in_house_services_allowed: false\n  in_house_services: [Council Day Centre]\n"
        "  card_cash_allowed: false\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("SUPPORTPLAN_COUNCIL_SETTINGS", str(strict))
    service.add_service(plan, NewService("day_opportunities", "The council day centre on Fridays", None, None, D("40")))
    service.add_service(plan, NewService("activities", "Cash for the swimming club", None, None, D("5")))
    assert codes(plan) == [("in_house_service", 1)]
    service.set_management(plan, "payment_card")
    assert codes(plan) == [("in_house_service", 1), ("card_cash", 2)]
    assert service.get_plan(plan).direct_payment is not None


# --- the plan service's new records ----------------------------------------------------------


def test_the_direct_payment_is_the_councils_share_each_payment(plan: str) -> None:
    assert service.get_plan(plan).direct_payment is None
    service.set_management(plan, "direct_payment")
    service.set_paid_to(plan, "nominated")
    payment = service.get_plan(plan).direct_payment
    assert payment is not None and (payment.amount, payment.frequency, payment.paid_to) == (
        D("840.00"),
        "4 weeks",
        "nominated",
    )
    service.set_management(plan, "mixed")
    mixed = service.get_plan(plan).direct_payment
    assert mixed is not None and mixed.amount is None
    service.set_management(plan, "council_managed")
    assert service.get_plan(plan).direct_payment is None
    with pytest.raises(ValueError):
        service.set_paid_to(plan, "my son")


def test_needs_are_tied_to_services_or_met_another_way(plan: str) -> None:
    assert service.get_plan(plan).unmet_needs == ("personal_hygiene", "nutrition", "community")
    service.add_service(plan, pa("PA"))
    service.link_service_needs(plan, 1, ["community", "personal_hygiene"])
    assert service.get_plan(plan).services[0].need_codes == ("personal_hygiene", "community")
    assert service.get_plan(plan).unmet_needs == ("nutrition",)
    service.set_need_met_elsewhere(plan, "nutrition")
    assert service.get_plan(plan).unmet_needs == ()
    with pytest.raises(PlanError):
        service.link_service_needs(plan, 1, ["toileting"])
    with pytest.raises(PlanError):
        service.set_need_met_elsewhere(plan, "toileting")


def test_people_communication_advice_and_the_copy(plan: str) -> None:
    service.set_involved(plan, [InvolvedView("person"), InvolvedView("supporter", "Sam", "her son")])
    service.set_communication_needs(plan, ["none", "easy_read", "other_language"], "Polish")
    service.record_advice(plan, "What is a direct payment?", "Money paid to you.")
    service.record_advice(plan, "What is a direct payment?", "Money paid to you.")
    with pytest.raises(ValueError):
        service.set_involved(plan, [InvolvedView("neighbour")])
    with pytest.raises(ValueError):
        service.set_communication_needs(plan, ["semaphore"])
    view = service.get_plan(plan)
    assert view.involved == (InvolvedView("person"), InvolvedView("supporter", "Sam", "her son"))
    assert (view.communication_needs, view.communication_detail) == (("easy_read", "other_language"), "Polish")
    assert len(view.advice) == 1 and view.copy_route is None


def test_the_copy_route_is_asked_after_sending_and_review_is_set_when_agreed(plan: str) -> None:
    service.set_important_to_me(plan, "My garden")
    service.add_outcome(plan, "Get washed every day")
    service.set_outcomes_complete(plan, True)
    service.add_service(plan, pa("PA"))
    service.set_services_complete(plan, True)
    service.set_management(plan, "council_managed")
    service.set_contingency(plan, "Ring my son")
    service.submit_plan(plan)
    service.set_copy_route(plan, "post")
    with pytest.raises(ValueError):
        service.set_copy_route(plan, "pigeon")
    agreed = service.mark_agreed(plan, "adviser@example.org")
    assert agreed.copy_route == "post"
    assert agreed.agreed_at is not None and agreed.review_due == agreed.agreed_at.date() + timedelta(weeks=8)
