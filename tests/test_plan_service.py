"""The plan service: sections in order, outcomes and services, the over_budget flag, reopening,
submission and agreement rules, and the audit log."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Callable

import pytest
from sqlalchemy import select

from bot.budgets.source import BudgetFigures
from bot.db.models import AuditLog
from bot.db.session import session_scope
from bot.plans import service
from bot.plans.domains import DOMAINS, wellbeing_domain
from bot.plans.service import NewService, PlanError, PlanNotFound
from bot.plans.views import OutcomeView, PlanView, ServiceView
from tests.support.databases import DEMO_REFERENCE

D = Decimal
WEEKLY_250 = BudgetFigures.of(D("250"), "week")


def _draft() -> str:
    return service.open_plan(DEMO_REFERENCE, "supporter", "rest", "c1", WEEKLY_250).plan_reference


@pytest.fixture
def ref(demo_person: str, prepared: Callable[[Callable[[], str]], str]) -> str:
    return prepared(_draft)


def complete(ref: str) -> None:
    """Answer every section."""
    service.set_important_to_me(ref, "My garden")
    service.add_outcome(ref, "Get to the shops on my own")
    service.set_outcomes_complete(ref, True)
    service.add_service(ref, NewService("transport", "Taxi", None, None, D("20")))
    service.set_services_complete(ref, True)
    service.set_management(ref, "direct_payment")
    service.set_contingency(ref, "Call my daughter")


def audit_actions(ref: str) -> list:
    with session_scope() as session:
        return list(
            session.execute(select(AuditLog.action).where(AuditLog.subject == ref).order_by(AuditLog.id)).scalars()
        )


# --- opening and reading -------------------------------------------------------------------


def test_a_new_plan_is_an_empty_draft_with_the_budget_snapshot(demo_person: str) -> None:
    plan = service.open_plan(demo_person, "self", "web", "conv-1", BudgetFigures.of(D("1300"), "month"))
    assert isinstance(plan, PlanView)
    assert plan.plan_reference.startswith("SP-") and len(plan.plan_reference) == 11
    assert plan.plan_reference[3:].isalnum() and plan.plan_reference[3:] == plan.plan_reference[3:].upper()
    assert (plan.status, plan.planned_by, plan.channel, plan.person_reference, plan.given_name) == (
        "draft",
        "self",
        "web",
        "PB-100234",
        "Sam",
    )
    assert plan.budget == BudgetFigures(D("1300.00"), "month", D("300.00"), D("15600.00"))
    assert (plan.outcomes, plan.services, plan.flags) == ((), (), ())
    assert (plan.total_weekly_cost, plan.remaining_weekly) == (D("0.00"), D("300.00"))
    assert plan.created_at.tzinfo is not None and plan.created_at.utcoffset() == timedelta(0)
    assert plan.submitted_at is None
    assert audit_actions(plan.plan_reference) == ["plan-started"]


def test_open_plan_resumes_the_draft_keeping_its_content_and_budget(ref: str, demo_person: str) -> None:
    service.set_important_to_me(ref, "My garden")
    again = service.open_plan("pb 100234", "self", "sms", "c2", BudgetFigures.of(D("999"), "week"))
    assert again.plan_reference == ref
    assert (again.planned_by, again.important_to_me, again.budget.weekly) == ("self", "My garden", D("250.00"))


def test_open_plan_starts_a_new_draft_once_the_last_was_sent(ref: str, demo_person: str) -> None:
    complete(ref)
    service.submit_plan(ref)
    new = service.open_plan(demo_person, "self", "rest", "c2", WEEKLY_250)
    assert new.plan_reference != ref and new.status == "draft"
    assert service.latest_plan(demo_person).plan_reference == new.plan_reference


def test_open_plan_needs_a_known_person_and_planner(database: str, demo_person: str) -> None:
    with pytest.raises(PlanError):
        service.open_plan("PB-999999", "self", "rest", None, WEEKLY_250)
    with pytest.raises(PlanError):
        service.open_plan(demo_person, "robot", "rest", None, WEEKLY_250)


def test_latest_plan_and_get_plan(ref: str, demo_person: str) -> None:
    assert service.latest_plan(demo_person).plan_reference == ref
    assert service.latest_plan("PB-100235") is None
    assert service.latest_plan("PB-999999") is None
    assert service.get_plan(ref).plan_reference == ref
    with pytest.raises(PlanNotFound):
        service.get_plan("SP-NOTHERE")


# --- sections ------------------------------------------------------------------------------


def test_sections_in_order(ref: str) -> None:
    def next_section() -> str:
        return service.get_plan(ref).next_section()

    assert next_section() == "important"
    service.set_important_to_me(ref, "  My garden  ")
    assert service.get_plan(ref).important_to_me == "My garden"
    assert next_section() == "outcomes"
    service.set_outcomes_complete(ref, True)
    assert next_section() == "outcomes", "complete needs at least one outcome"
    service.add_outcome(ref, "Get to the shops on my own")
    assert next_section() == "services"
    service.set_services_complete(ref, True)
    assert next_section() == "services", "complete needs at least one service"
    service.add_service(ref, NewService("transport", "Taxi", None, None, D("20")))
    assert next_section() == "management"
    service.set_management(ref, "council_managed")
    assert next_section() == "contingency"
    service.set_contingency(ref, "Call my daughter")
    assert next_section() == "review"
    service.submit_plan(ref)
    assert next_section() == "submitted"


@pytest.mark.parametrize(
    "section, field, cleared",
    [
        ("important", "important_to_me", None),
        ("management", "management", None),
        ("contingency", "contingency", None),
    ],
)
def test_reopening_a_section_clears_its_answer(ref: str, section: str, field: str, cleared: object) -> None:
    complete(ref)
    service.reopen_section(ref, section)
    plan = service.get_plan(ref)
    assert getattr(plan, field) is cleared and plan.next_section() == section


@pytest.mark.parametrize("section", ["outcomes", "services"])
def test_reopening_outcomes_or_services_keeps_what_is_recorded(ref: str, section: str) -> None:
    complete(ref)
    service.reopen_section(ref, section)
    plan = service.get_plan(ref)
    assert plan.next_section() == section
    assert len(plan.outcomes) == 1 and len(plan.services) == 1


def test_only_real_sections_reopen(ref: str) -> None:
    with pytest.raises(ValueError):
        service.reopen_section(ref, "review")


@pytest.mark.parametrize(
    "change",
    [
        lambda ref: service.set_important_to_me(ref, "   "),
        lambda ref: service.set_contingency(ref, ""),
        lambda ref: service.add_outcome(ref, " "),
        lambda ref: service.set_management(ref, "cash in a tin"),
    ],
)
def test_empty_or_unknown_answers_are_refused(ref: str, change) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        change(ref)
    assert service.get_plan(ref).next_section() == "important"


# --- outcomes and services -----------------------------------------------------------------


def test_outcomes_get_plan_local_ids_and_a_domain(ref: str) -> None:
    assert service.add_outcome(ref, "Cook my own dinner") == OutcomeView(
        1, "Cook my own dinner", "nutrition", ("health_emotional", "control")
    )
    assert service.add_outcome(ref, "See my friends").id == 2
    service.remove_outcome(ref, 1)
    assert service.add_outcome(ref, "Have a bath").id == 3
    assert [o.id for o in service.get_plan(ref).outcomes] == [2, 3]
    with pytest.raises(PlanError):
        service.remove_outcome(ref, 1)


def test_removing_an_outcome_unlinks_it_from_services(ref: str) -> None:
    service.add_outcome(ref, "Cook my dinner")
    service.add_outcome(ref, "Go swimming")
    service.add_service(ref, NewService("personal_assistant", "PA", D("2"), D("15"), None, (2, 1, 1)))
    assert service.get_plan(ref).services[0].outcome_ids == (1, 2)
    service.remove_outcome(ref, 1)
    assert service.get_plan(ref).services[0].outcome_ids == (2,)


def test_a_service_can_only_link_outcomes_in_the_plan(ref: str) -> None:
    with pytest.raises(PlanError):
        service.add_service(ref, NewService("transport", "Taxi", None, None, D("5"), (1,)))
    assert service.get_plan(ref).services == ()


def test_services_by_the_hour_or_by_the_week(ref: str) -> None:
    hourly = service.add_service(ref, NewService("personal_assistant", "PA mornings", D("7.5"), D("15.50"), None))
    assert hourly == ServiceView(1, "personal_assistant", "PA mornings", (), D("7.50"), D("15.50"), D("116.25"))
    fixed = service.add_service(ref, NewService("transport", "Taxi", None, None, D("20")))
    assert (fixed.id, fixed.hours_per_week, fixed.unit_cost, fixed.weekly_cost) == (2, None, None, D("20.00"))
    plan = service.get_plan(ref)
    assert plan.services == (hourly, fixed)
    assert (plan.total_weekly_cost, plan.remaining_weekly) == (D("136.25"), D("113.75"))
    service.remove_service(ref, 1)
    assert [s.id for s in service.get_plan(ref).services] == [2]
    with pytest.raises(PlanError):
        service.remove_service(ref, 1)


def test_hourly_costs_round_to_the_penny_half_up(ref: str) -> None:
    added = service.add_service(ref, NewService("home_care_agency", "Carers", D("1.25"), D("22.10"), None))
    assert added.weekly_cost == D("27.63")  # 27.625
    assert service.get_plan(ref).services[0].hours_per_week == D("1.25")


@pytest.mark.parametrize(
    "bad",
    [
        NewService("spaceship", "x", None, None, D("5")),
        NewService("transport", "  ", None, None, D("5")),
        NewService("transport", "Taxi", None, None, D("-5")),
        NewService("transport", "Taxi", None, None, D("0")),
        NewService("transport", "Taxi", None, None, None),
        NewService("personal_assistant", "PA", D("0"), D("15"), None),
        NewService("personal_assistant", "PA", D("5"), D("-15"), None),
        NewService("personal_assistant", "PA", D("5"), None, None),
        NewService("personal_assistant", "PA", D("169"), D("15"), None),
        NewService("personal_assistant", "PA", D("5"), D("15"), D("80")),  # £80 a week is £16 an hour, not £15
    ],
)
def test_bad_services_are_refused_and_nothing_is_recorded(ref: str, bad: NewService) -> None:
    with pytest.raises(ValueError):
        service.add_service(ref, bad)
    assert service.get_plan(ref).services == ()


def test_over_budget_flag_follows_the_total(ref: str) -> None:
    service.add_service(ref, NewService("home_care_agency", "Carers", D("10"), D("25"), None))  # exactly 250
    assert "over_budget" not in service.get_plan(ref).flags
    service.add_service(ref, NewService("transport", "Bus", None, None, D("0.01")))
    plan = service.get_plan(ref)
    assert "over_budget" in plan.flags and plan.remaining_weekly == D("-0.01")
    service.add_flag(ref, "handoff_requested")
    service.remove_service(ref, 2)
    assert service.get_plan(ref).flags == ("handoff_requested",)


def test_flags_are_idempotent_and_checked(ref: str) -> None:
    service.add_flag(ref, "safeguarding")
    service.add_flag(ref, "safeguarding")
    assert service.get_plan(ref).flags == ("safeguarding",)
    assert audit_actions(ref).count("flag-safeguarding") == 1
    with pytest.raises(ValueError):
        service.add_flag(ref, "vip")


def test_every_write_updates_updated_at(ref: str) -> None:
    stamps = [service.get_plan(ref).updated_at]
    for write in (
        lambda: service.set_important_to_me(ref, "Garden"),
        lambda: service.add_outcome(ref, "Go out"),
        lambda: service.add_service(ref, NewService("transport", "Taxi", None, None, D("5"))),
        lambda: service.set_management(ref, "mixed"),
    ):
        write()
        stamps.append(service.get_plan(ref).updated_at)
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert all(stamp.tzinfo is not None for stamp in stamps)


# --- submitting and agreeing ---------------------------------------------------------------


def test_only_a_complete_draft_can_be_submitted(ref: str) -> None:
    with pytest.raises(PlanError, match="important"):
        service.submit_plan(ref)
    complete(ref)
    service.reopen_section(ref, "management")
    with pytest.raises(PlanError, match="management"):
        service.submit_plan(ref)
    service.set_management(ref, "payment_card")
    before = datetime.now(timezone.utc)
    sent = service.submit_plan(ref)
    assert sent.status == "submitted" and before <= sent.submitted_at <= datetime.now(timezone.utc)
    assert sent.updated_at == sent.submitted_at
    assert service.get_plan(ref).submitted_at == sent.submitted_at
    assert audit_actions(ref) == ["plan-started", "plan-submitted"]


def test_a_sent_plan_can_only_be_flagged_or_agreed(ref: str) -> None:
    complete(ref)
    service.submit_plan(ref)
    for change in (
        lambda: service.set_contingency(ref, "changed"),
        lambda: service.add_outcome(ref, "More"),
        lambda: service.remove_service(ref, 1),
        lambda: service.reopen_section(ref, "services"),
        lambda: service.submit_plan(ref),
    ):
        with pytest.raises(PlanError):
            change()
    service.add_flag(ref, "handoff_requested")
    assert service.get_plan(ref).flags == ("handoff_requested",)
    agreed = service.mark_agreed(ref, "adviser:7")
    assert agreed.status == "agreed" and agreed.next_section() == "submitted"
    with pytest.raises(PlanError):
        service.mark_agreed(ref, "adviser:7")
    with session_scope() as session:
        line = session.execute(select(AuditLog).where(AuditLog.action == "plan-agreed")).scalar_one()
        assert (line.actor, line.subject) == ("adviser:7", ref)


def test_a_draft_cannot_be_agreed(ref: str) -> None:
    with pytest.raises(PlanError):
        service.mark_agreed(ref, "adviser:1")


def test_the_audit_log_holds_no_personal_data(ref: str) -> None:
    complete(ref)
    service.add_flag(ref, "safeguarding")
    service.submit_plan(ref)
    with session_scope() as session:
        for line in session.execute(select(AuditLog)).scalars():
            text = " ".join((line.actor, line.action, line.subject, line.detail))
            for personal in ("Sam", "Taylor", "1956", "250", "garden", "daughter"):
                assert personal not in text


# --- wellbeing domains ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, domain",
    [
        ("Cook my own meals", "nutrition"),
        ("eat a proper dinner", "nutrition"),
        ("buy healthy food", "nutrition"),
        ("Have a shower every day", "personal_hygiene"),
        ("wash my hair", "personal_hygiene"),
        ("have a bath", "personal_hygiene"),
        ("get to the toilet in time", "toileting"),
        ("manage my continence", "toileting"),
        ("get dressed by myself", "dressing"),
        ("choose my own clothes", "dressing"),
        ("not fall at night", "home_safety"),
        ("feel safe at home", "home_safety"),
        ("get up the stairs", "home_safety"),
        ("keep the house clean and tidy", "habitable_home"),
        ("help with the housework", "habitable_home"),
        ("someone to do the washing up", "habitable_home"),
        ("clean the bathroom", "habitable_home"),
        ("see my family more", "relationships"),
        ("spend time with my grandchildren", "relationships"),
        ("meet friends", "relationships"),
        ("visit my partner", "relationships"),
        ("get a job", "work_learning_volunteering"),
        ("go back to college", "work_learning_volunteering"),
        ("volunteer at the charity shop", "work_learning_volunteering"),
        ("keep working part time", "work_learning_volunteering"),
        ("get out of the house", "community"),
        ("go to the shops on my own", "community"),
        ("use the bus", "community"),
        ("go swimming", "community"),
        ("go to my lunch club", "community"),
        ("go to church on Sunday", "community"),
        ("go to the pub", "community"),
        ("work out at the gym", "community"),
        ("take my children to school", "caring_responsibilities"),
        ("do the school run", "caring_responsibilities"),
        ("look after my kids", "caring_responsibilities"),
        ("feel happier", "other"),
        ("", "other"),
    ],
)
def test_wellbeing_domain(text: str, domain: str) -> None:
    assert wellbeing_domain(text) == domain
    assert domain in DOMAINS


def test_a_recorded_service_can_be_corrected(ref: str) -> None:
    service.add_service(ref, NewService("personal_assistant", "PA mornings", D("7"), D("15"), None))
    service.add_service(ref, NewService("transport", "Taxi", None, None, D("20")))
    changed = service.change_service_cost(ref, 1, hours_per_week=D("8"))
    assert (changed.hours_per_week, changed.unit_cost, changed.weekly_cost) == (D("8.00"), D("15.00"), D("120.00"))
    assert service.change_service_cost(ref, 1, unit_cost=D("17")).weekly_cost == D("136.00")
    assert service.change_service_cost(ref, 2, weekly_cost=D("240")).weekly_cost == D("240.00")
    assert "over_budget" in service.get_plan(ref).flags
    with pytest.raises(ValueError):
        service.change_service_cost(ref, 2, hours_per_week=D("3"))  # a fixed cost has no hours
    with pytest.raises(ValueError):
        service.change_service_cost(ref, 1, hours_per_week=D("200"))
    with pytest.raises(PlanError):
        service.change_service_cost(ref, 9, hours_per_week=D("3"))
    assert service.get_plan(ref).total_weekly_cost == D("376.00")


def test_a_later_change_of_the_rate_alone_works_from_the_exact_hours(ref: str) -> None:
    """10 hours a month are 30/13 hours a week, shown as 2.31: £16 an hour on them is £36.92 (not
    2.31 × £16 = £36.96), and a change of the hours forgets the old exact figure."""
    service.add_service(ref, NewService("personal_assistant", "PA outings", Fraction(30, 13), D("15"), None))
    changed = service.change_service_cost(ref, 1, unit_cost=D("16"))
    assert (changed.hours_per_week, changed.weekly_cost, changed.exact_hours) == (
        D("2.31"),
        D("36.92"),
        Fraction(30, 13),
    )
    changed = service.change_service_cost(ref, 1, hours_per_week=D("3"))
    assert (changed.weekly_cost, changed.exact_hours) == (D("48.00"), None)
    assert service.change_service_cost(ref, 1, unit_cost=D("15")).weekly_cost == D("45.00")


def test_services_are_linked_to_outcomes_in_the_plan_only(ref: str) -> None:
    service.add_outcome(ref, "Get to the shops")
    service.add_outcome(ref, "Cook my own meals")
    service.add_service(ref, NewService("transport", "Taxi", None, None, D("20")))
    assert service.link_service_outcomes(ref, 1, [2, 1, 2]).outcome_ids == (1, 2)
    with pytest.raises(PlanError):
        service.link_service_outcomes(ref, 1, [3])
    service.remove_outcome(ref, 1)
    assert service.get_plan(ref).services[0].outcome_ids == (2,)


def test_taking_out_the_last_item_reopens_its_section(ref: str) -> None:
    complete(ref)
    service.remove_service(ref, 1)
    assert service.get_plan(ref).next_section() == "services"


# --- limits on items -------------------------------------------------------------------------


def test_a_plan_holds_at_most_max_outcomes(ref: str) -> None:
    for number in range(service.MAX_OUTCOMES):
        service.add_outcome(ref, f"Outcome number {number}")
    with pytest.raises(service.PlanLimitError, match=f"{service.MAX_OUTCOMES} outcomes"):
        service.add_outcome(ref, "One more")
    assert len(service.get_plan(ref).outcomes) == service.MAX_OUTCOMES
    service.remove_outcome(ref, 1)
    service.add_outcome(ref, "Room again")


def test_a_plan_holds_at_most_max_services(ref: str) -> None:
    for number in range(service.MAX_SERVICES):
        service.add_service(ref, NewService("transport", f"Taxi {number}", None, None, D("1")))
    with pytest.raises(service.PlanLimitError, match=f"{service.MAX_SERVICES} services"):
        service.add_service(ref, NewService("transport", "One more taxi", None, None, D("1")))
    assert len(service.get_plan(ref).services) == service.MAX_SERVICES


@pytest.mark.parametrize(
    "change",
    [
        service.set_important_to_me,
        service.add_outcome,
        service.set_contingency,
        lambda ref, text: service.add_service(ref, NewService("transport", text, None, None, D("20"))),
    ],
)
def test_every_text_is_at_most_max_text_long(ref: str, change) -> None:  # type: ignore[no-untyped-def]
    change(ref, "x" * service.MAX_TEXT)
    with pytest.raises(service.PlanLimitError, match=f"{service.MAX_TEXT} characters") as refused:
        change(ref, "x" * (service.MAX_TEXT + 1))
    assert str(refused.value)[0].isupper() and "x" * 20 not in str(refused.value)


def test_check_text_is_the_one_rule(ref: str) -> None:
    assert service.check_text("  a short answer ") == "a short answer"
    with pytest.raises(service.PlanLimitError):
        service.check_text("y" * (service.MAX_TEXT + 1))
