"""Plans and audit entries in the test database."""

from __future__ import annotations

from decimal import Decimal
from typing import List

from sqlalchemy import select

from bot.budgets.source import BudgetFigures
from bot.db.models import AuditLog
from bot.db.session import session_scope
from bot.plans import service


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


def audit(action: str) -> List[AuditLog]:
    """The audit entries of `action`."""
    with session_scope() as session:
        return list(session.execute(select(AuditLog).where(AuditLog.action == action)).scalars())
