"""The plan service: every change to a plan goes through here, each call one unit of work.

Plans are found by their reference; callers get PlanView/OutcomeView/ServiceView back."""
from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Optional, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.budgets.source import BudgetFigures
from bot.db.models import AuditLog, Outcome, Plan, Service, utcnow
from bot.db.session import session_scope
from bot.identity import find_person
from bot.money import PENNY, from_pence, to_pence
from bot.plans.domains import wellbeing_domain
from bot.plans.views import OutcomeView, PlanView, ServiceView

CATEGORIES = (
    "personal_assistant", "home_care_agency", "day_opportunities", "short_breaks", "equipment",
    "assistive_technology", "transport", "activities", "other",
)
MANAGEMENT = ("direct_payment", "payment_card", "council_managed", "individual_service_fund", "third_party", "mixed")
FLAGS = ("safeguarding", "handoff_requested", "over_budget")
PLANNERS = ("self", "supporter", "adviser")
REOPENABLE = ("important", "outcomes", "services", "management", "contingency")


class PlanError(Exception):
    """A change the plan's rules don't allow (the message says why)."""


class PlanNotFound(PlanError):
    pass


@dataclass(frozen=True)
class NewService:
    """A service to add: hours and an hourly unit_cost, or a fixed weekly_cost."""

    category: str
    description: str
    hours_per_week: Optional[Decimal]
    unit_cost: Optional[Decimal]
    weekly_cost: Optional[Decimal]
    outcome_ids: Tuple[int, ...] = ()

    def checked_weekly_cost(self) -> Decimal:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown service category {self.category!r}")
        if not (self.description or "").strip():
            raise ValueError("a service needs a description")
        if self.hours_per_week is not None and self.unit_cost is not None:
            if self.hours_per_week <= 0 or self.unit_cost <= 0:
                raise ValueError("hours and cost must be more than 0")
            return (self.hours_per_week * self.unit_cost).quantize(PENNY)
        if self.weekly_cost is None or self.weekly_cost <= 0:
            raise ValueError("a service needs hours and an hourly cost, or a weekly cost more than 0")
        return self.weekly_cost.quantize(PENNY)


# --- reading -------------------------------------------------------------------------------

def _view(plan: Plan) -> PlanView:
    budget = BudgetFigures.of(from_pence(plan.budget_amount_pence), plan.budget_period)
    services = tuple(
        ServiceView(
            id=s.position,
            category=s.category,
            description=s.description,
            outcome_ids=tuple(s.outcome_ids or ()),
            hours_per_week=from_pence(s.hours_per_week_hundredths) if s.hours_per_week_hundredths is not None else None,
            unit_cost=from_pence(s.unit_cost_pence) if s.unit_cost_pence is not None else None,
            weekly_cost=from_pence(s.weekly_cost_pence),
        )
        for s in plan.services
    )
    total = sum((s.weekly_cost for s in services), Decimal("0.00"))
    return PlanView(
        plan_reference=plan.plan_reference,
        person_reference=plan.person.reference,
        given_name=plan.person.given_name,
        status=plan.status,
        planned_by=plan.planned_by,
        channel=plan.channel,
        budget=budget,
        important_to_me=plan.important_to_me,
        outcomes=tuple(OutcomeView(o.position, o.text, o.domain) for o in plan.outcomes),
        services=services,
        total_weekly_cost=total,
        remaining_weekly=budget.weekly - total,
        management=plan.management,
        contingency=plan.contingency,
        flags=tuple(plan.flags or ()),
        outcomes_complete=plan.outcomes_complete,
        services_complete=plan.services_complete,
        created_at=plan.created_at,
        updated_at=plan.updated_at,
        submitted_at=plan.submitted_at,
    )


def _load(session: Session, plan_reference: str) -> Plan:
    plan = session.execute(select(Plan).where(Plan.plan_reference == plan_reference)).scalar_one_or_none()
    if plan is None:
        raise PlanNotFound("no plan with that reference")
    return plan


def get_plan(plan_reference: str) -> PlanView:
    with session_scope() as session:
        return _view(_load(session, plan_reference))


def latest_plan(person_reference: str) -> Optional[PlanView]:
    """The person's newest plan of any status, or None."""
    with session_scope() as session:
        person = find_person(session, person_reference)
        if person is None:
            return None
        plan = session.execute(
            select(Plan).where(Plan.person_id == person.id).order_by(Plan.created_at.desc(), Plan.id.desc()).limit(1)
        ).scalar_one_or_none()
        return _view(plan) if plan else None


# --- changing ------------------------------------------------------------------------------

def _new_reference() -> str:
    alphabet = string.ascii_uppercase + string.digits
    return "SP-" + "".join(secrets.choice(alphabet) for _ in range(8))


def _audit(session: Session, action: str, plan: Plan, actor: str = "assistant", detail: str = "") -> None:
    session.add(AuditLog(actor=actor, action=action, subject=plan.plan_reference, detail=detail))


def open_plan(
    person_reference: str, planned_by: str, channel: str, conversation_id: Optional[str], budget: BudgetFigures
) -> PlanView:
    """The person's latest draft (kept as it is), or a new draft with this budget."""
    if planned_by not in PLANNERS:
        raise PlanError(f"planned_by must be one of {PLANNERS}")
    with session_scope() as session:
        person = find_person(session, person_reference)
        if person is None:
            raise PlanError("no person with that reference")
        plan = session.execute(
            select(Plan).where(Plan.person_id == person.id, Plan.status == "draft").order_by(Plan.id.desc()).limit(1)
        ).scalar_one_or_none()
        if plan is None:
            plan = Plan(
                plan_reference=_new_reference(), person=person, status="draft", flags=[],
                budget_amount_pence=to_pence(budget.amount), budget_period=budget.period,
                outcomes_complete=False, services_complete=False,
            )
            session.add(plan)
            session.flush()
            _audit(session, "plan-started", plan)
        plan.planned_by, plan.channel, plan.conversation_id = planned_by, channel, conversation_id
        plan.updated_at = utcnow()
        session.flush()
        return _view(plan)


def _change(plan_reference: str, change: Callable[[Session, Plan], object], allow_closed: bool = False) -> object:
    """Apply `change` to a draft plan in one unit of work; returns what `change` returned."""
    with session_scope() as session:
        plan = _load(session, plan_reference)
        if plan.status != "draft" and not allow_closed:
            raise PlanError("this plan has been sent and can't be changed here")
        result = change(session, plan)
        plan.updated_at = utcnow()
        return result


def set_important_to_me(plan_reference: str, text: str) -> None:
    _change(plan_reference, lambda s, p: setattr(p, "important_to_me", text.strip()))


def add_outcome(plan_reference: str, text: str) -> OutcomeView:
    def add(session: Session, plan: Plan) -> OutcomeView:
        position = max((o.position for o in plan.outcomes), default=0) + 1
        outcome = Outcome(position=position, text=text.strip(), domain=wellbeing_domain(text))
        plan.outcomes.append(outcome)
        return OutcomeView(outcome.position, outcome.text, outcome.domain)

    return _change(plan_reference, add)  # type: ignore[return-value]


def remove_outcome(plan_reference: str, outcome_id: int) -> None:
    def remove(session: Session, plan: Plan) -> None:
        outcome = next((o for o in plan.outcomes if o.position == outcome_id), None)
        if outcome is None:
            raise PlanError(f"there is no outcome {outcome_id}")
        plan.outcomes.remove(outcome)
        for service in plan.services:
            service.outcome_ids = [i for i in service.outcome_ids or [] if i != outcome_id]

    _change(plan_reference, remove)


def set_outcomes_complete(plan_reference: str, complete: bool) -> None:
    _change(plan_reference, lambda s, p: setattr(p, "outcomes_complete", complete))


def _update_over_budget(plan: Plan) -> None:
    total = sum(s.weekly_cost_pence for s in plan.services)
    flags = [f for f in (plan.flags or []) if f != "over_budget"]
    if total > to_pence(BudgetFigures.of(from_pence(plan.budget_amount_pence), plan.budget_period).weekly):
        flags.append("over_budget")
    plan.flags = flags


def add_service(plan_reference: str, new: NewService) -> ServiceView:
    weekly = new.checked_weekly_cost()

    def add(session: Session, plan: Plan) -> ServiceView:
        known = {o.position for o in plan.outcomes}
        if not set(new.outcome_ids) <= known:
            raise PlanError("a service can only be linked to outcomes in the plan")
        hourly = new.hours_per_week is not None and new.unit_cost is not None
        service = Service(
            position=max((s.position for s in plan.services), default=0) + 1,
            category=new.category,
            description=new.description.strip(),
            hours_per_week_hundredths=to_pence(new.hours_per_week) if hourly else None,  # type: ignore[arg-type]
            unit_cost_pence=to_pence(new.unit_cost) if hourly else None,  # type: ignore[arg-type]
            weekly_cost_pence=to_pence(weekly),
            outcome_ids=list(new.outcome_ids),
        )
        plan.services.append(service)
        _update_over_budget(plan)
        return ServiceView(
            service.position, service.category, service.description, tuple(service.outcome_ids),
            new.hours_per_week if hourly else None, new.unit_cost if hourly else None, weekly,
        )

    return _change(plan_reference, add)  # type: ignore[return-value]


def remove_service(plan_reference: str, service_id: int) -> None:
    def remove(session: Session, plan: Plan) -> None:
        service = next((s for s in plan.services if s.position == service_id), None)
        if service is None:
            raise PlanError(f"there is no service {service_id}")
        plan.services.remove(service)
        _update_over_budget(plan)

    _change(plan_reference, remove)


def set_services_complete(plan_reference: str, complete: bool) -> None:
    _change(plan_reference, lambda s, p: setattr(p, "services_complete", complete))


def set_management(plan_reference: str, option: str) -> None:
    if option not in MANAGEMENT:
        raise ValueError(f"management must be one of {MANAGEMENT}")
    _change(plan_reference, lambda s, p: setattr(p, "management", option))


def set_contingency(plan_reference: str, text: str) -> None:
    _change(plan_reference, lambda s, p: setattr(p, "contingency", text.strip()))


def add_flag(plan_reference: str, flag: str) -> None:
    """Flag the plan for a practitioner (allowed on any plan, sent or not)."""
    if flag not in FLAGS:
        raise ValueError(f"flag must be one of {FLAGS}")

    def add(session: Session, plan: Plan) -> None:
        if flag not in (plan.flags or []):
            plan.flags = [*(plan.flags or []), flag]
            _audit(session, f"flag-{flag}", plan)

    _change(plan_reference, add, allow_closed=True)


def reopen_section(plan_reference: str, section: str) -> None:
    """Open a finished section again, keeping the outcomes and services already recorded."""
    fields = {"important": "important_to_me", "management": "management", "contingency": "contingency",
              "outcomes": "outcomes_complete", "services": "services_complete"}
    if section not in fields:
        raise ValueError(f"section must be one of {REOPENABLE}")
    empty = False if section in ("outcomes", "services") else None
    _change(plan_reference, lambda s, p: setattr(p, fields[section], empty))


def submit_plan(plan_reference: str) -> PlanView:
    def submit(session: Session, plan: Plan) -> PlanView:
        missing = _view(plan).next_section()
        if missing != "review":
            raise PlanError(f"the plan can't be sent yet: the {missing} section is not finished")
        plan.status, plan.submitted_at = "submitted", utcnow()
        _audit(session, "plan-submitted", plan)
        session.flush()
        return _view(plan)

    return _change(plan_reference, submit)  # type: ignore[return-value]


def mark_agreed(plan_reference: str, actor: str) -> PlanView:
    def agree(session: Session, plan: Plan) -> PlanView:
        if plan.status != "submitted":
            raise PlanError("only a plan that has been sent can be agreed")
        plan.status, plan.agreed_at = "agreed", utcnow()
        _audit(session, "plan-agreed", plan, actor=actor)
        session.flush()
        return _view(plan)

    return _change(plan_reference, agree, allow_closed=True)  # type: ignore[return-value]
