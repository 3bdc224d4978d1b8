"""Plans and audit entries in the test database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Callable, List

import pytest
from sqlalchemy import select

from bot.budgets.source import BudgetFigures
from bot.db.models import AuditLog
from bot.db.session import session_scope
from bot.plans import service
from bot.plans.views import InvolvedView
from tests.support.databases import DEMO_REFERENCE

#: the sign-off plan's advice: a question the person asked and the answer given
ADVICE = (
    "Can I pay a family member?",
    "You can usually pay a relative who lives somewhere else to support you. If a close relative lives in "
    "the same household as you, you can only pay them if the council agrees it is necessary.",
)


#: the slots of a conversation whose person (Sam, PB-100234) has been identified, planning for himself
VERIFIED = {
    "verified": True,
    "person_reference": "PB-100234",
    "planned_by": "self",
    "person_name": "Sam",
    "welcomed": True,
}


def complete_plan() -> str:
    """Sam's plan with every section answered, not yet read back: a PA at £90 a week on a payment card."""
    plan = service.open_plan("PB-100234", "self", "rest", "c", BudgetFigures.of(Decimal("250"), "week"))
    ref = plan.plan_reference
    service.set_important_to_me(ref, "My garden")
    service.add_outcome(ref, "Get to the shops")
    service.set_outcomes_complete(ref, True)
    service.add_service(ref, service.NewService("personal_assistant", "A PA", Decimal("6"), Decimal("15"), None))
    service.set_services_complete(ref, True)
    service.set_management(ref, "payment_card")
    service.set_paid_to(ref, "person")  # a card pays money out: who receives it is part of the plan
    service.set_contingency(ref, "Call my son")
    service.set_communication_needs(ref, ["none"], None)
    return ref


def make_plan(person: str, conversation_id: str, submit: bool = False) -> str:
    """A plan with every section answered: £250 a week budget, two services costing £190."""
    ref = service.open_plan(
        person, "self", "web", conversation_id, BudgetFigures.of(Decimal("250"), "week")
    ).plan_reference
    service.set_important_to_me(ref, "My garden & my cat <Tibbles>")
    service.add_outcome(ref, "Go swimming every week")
    service.add_outcome(ref, "Cook my own meals")
    service.set_outcomes_complete(ref, True)
    service.add_service(
        ref, service.NewService("personal_assistant", "A PA to help me cook", Decimal("6"), Decimal("15"), None, (2,))
    )
    service.add_service(ref, service.NewService("activities", "Swimming club", None, None, Decimal("100"), (1,)))
    service.set_services_complete(ref, True)
    service.set_management(ref, "direct_payment")
    service.set_contingency(ref, "My sister Jo will come round")
    if submit:
        service.submit_plan(ref)
    return ref


def open_demo_plan() -> str:
    """A new draft plan for the demo person, £250 a week (a builder for the `prepared` fixture)."""
    return service.open_plan(
        DEMO_REFERENCE, "self", "rest", "c", BudgetFigures.of(Decimal("250"), "week")
    ).plan_reference


def agreed_demo_plan() -> str:
    """`make_plan`'s plan for the demo person, sent and agreed (a builder for the `prepared` fixture)."""
    ref = make_plan(DEMO_REFERENCE, "c-review", submit=True)
    service.mark_agreed(ref, "adviser:test")
    return ref


@pytest.fixture
def agreed(demo_person: str, prepared: Callable[[Callable[[], str]], str]) -> str:
    """The demo person's agreed plan (`make_plan`'s): outcomes 1 'Go swimming every week' and 2
    'Cook my own meals'; services 1, a PA 6 hours at £15 (£90 a week), and 2, a swimming club at
    £100 a week."""
    return prepared(agreed_demo_plan)


def make_sign_off_plan(person: str, conversation_id: str, agree: bool = False) -> str:
    """A sent plan with everything a council signs off (Care Act s.25): a £250 budget with a £40
    contribution and three assessed needs (one met by a service, one met another way, one not met
    yet), a PA paid £11 an hour who is the person's daughter living with them (two checks), a
    direct payment to a nominated person, advice, who took part and communication needs."""
    budget = BudgetFigures.of(
        Decimal("250"), "week", Decimal("40"), ("personal_hygiene", "nutrition", "community"), date(2026, 3, 3)
    )
    ref = service.open_plan(person, "supporter", "web", conversation_id, budget).plan_reference
    service.set_important_to_me(ref, "Staying in my own home")
    service.add_outcome(ref, "Have a bath every day")
    service.add_outcome(ref, "See my friends at the club")
    service.set_outcomes_complete(ref, True)
    pa = service.add_service(
        ref,
        service.NewService(
            "personal_assistant", "My daughter Sue helps me wash", Decimal("10"), Decimal("11"), None, (1,)
        ),
    )
    service.link_service_needs(ref, pa.id, ["personal_hygiene"])
    service.set_payee_lives_with(ref, pa.id, True)
    club = service.add_service(ref, service.NewService("activities", "Lunch club", None, None, Decimal("30"), (2,)))
    service.link_service_needs(ref, club.id, [])
    service.set_need_met_elsewhere(ref, "nutrition")
    service.set_services_complete(ref, True)
    service.set_management(ref, "direct_payment")
    service.set_paid_to(ref, "nominated")
    service.set_contingency(ref, "Sue's brother Tom will come")
    service.set_involved(ref, [InvolvedView("person"), InvolvedView("supporter", "Sue", "daughter")])
    service.set_communication_needs(ref, ["large_print", "other_language"], "Polish")
    service.record_advice(ref, *ADVICE)
    service.add_flag(ref, "advocacy_requested")
    service.submit_plan(ref)
    if agree:
        service.mark_agreed(ref, "adviser:test")
    return ref


def audit(action: str) -> List[AuditLog]:
    """The audit entries of `action`."""
    with session_scope() as session:
        return list(session.execute(select(AuditLog).where(AuditLog.action == action)).scalars())
