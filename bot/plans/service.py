"""The plan service: every rule about a plan, shared by the actions, the web app and the CLI.

Each function is one unit of work. Plans are found by their reference; callers get
PlanView/OutcomeView/ServiceView back, never ORM objects. Only a draft can change, except
for flags, which a practitioner needs on any plan."""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Sized, Tuple, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from bot.budgets.source import BudgetFigures
from bot.council import council_rules
from bot.db.models import AuditLog, Outcome, Person, Plan, Service, utcnow
from bot.db.session import session_scope
from bot.identity import find_person
from bot.money import PENNY, from_pence, round_to_penny, to_pence
from bot.parsing.numbers import exact_text
from bot.parsing.relations import relation_named
from bot.plans import catalogue, costing
from bot.plans.checks import PAYS_A_PERSON, checks_for
from bot.plans.domains import wellbeing_domain
from bot.plans.sections import REOPENABLE
from bot.plans.views import AdviceView, CheckView, DirectPaymentView, InvolvedView, OutcomeView, PlanView, ServiceView
from bot.plans.wellbeing import wellbeing_areas
from bot.slot_names import COMMUNICATION_LANGUAGE, COMMUNICATION_NEEDS, HELPER_DETAILS, PAID_TO

CATEGORIES = catalogue.CATEGORIES.codes
MANAGEMENT = catalogue.MANAGEMENT.codes
FLAGS = catalogue.FLAGS.codes
PLANNERS = ("self", "supporter", "adviser")
HOURS_IN_A_WEEK = 168
SYSTEM = "system"
#: limits on a plan's items, so that one conversation can't grow a plan (or its documents) without bound
MAX_OUTCOMES = 30
MAX_SERVICES = 40
MAX_TEXT = 500

T = TypeVar("T")


class PlanError(Exception):
    """A change the plan's rules don't allow (the message says why, in plain words)."""


class PlanNotFound(PlanError):
    pass


class PlanLimitError(PlanError):
    """The plan is full, or an answer is too long. The message is written for the person."""


@dataclass(frozen=True)
class NewService:
    """A service to add: hours and an hourly unit_cost, or a fixed weekly_cost; or all three when
    the person said what the hours cost a week (the weekly cost is then kept exactly, and the
    hourly cost is that figure ÷ the hours, to the penny). The hours may be exact ('10 hours a
    month' is 30/13 a week): they are stored to two places, and the weekly cost is worked from
    the exact hours, rounded once."""

    category: str
    description: str
    hours_per_week: Optional[costing.Count]
    unit_cost: Optional[Decimal]
    weekly_cost: Optional[Decimal]
    outcome_ids: Tuple[int, ...] = ()

    @property
    def hourly(self) -> bool:
        return self.hours_per_week is not None or self.unit_cost is not None

    def checked(self) -> Tuple[Optional[Decimal], Optional[Decimal], Decimal]:
        """(hours, unit cost, weekly cost) rounded as stored; ValueError if the service is not valid."""
        if self.category not in CATEGORIES:
            raise ValueError(f"the service category must be one of {CATEGORIES}")
        if not (self.description or "").strip():
            raise ValueError("a service needs a description")
        check_text(self.description)
        if not self.hourly:
            if self.weekly_cost is None or self.weekly_cost <= 0:
                raise ValueError("a service needs hours and an hourly cost, or a weekly cost more than 0")
            return None, None, self.weekly_cost.quantize(PENNY, ROUND_HALF_UP)
        if self.hours_per_week is None or self.unit_cost is None:
            raise ValueError("a service paid by the hour needs both the hours and the hourly cost")
        exact_hours = Fraction(self.hours_per_week)
        hours, rate = round_to_penny(exact_hours), self.unit_cost.quantize(PENNY, ROUND_HALF_UP)
        if hours <= 0 or rate <= 0:
            raise ValueError("hours and the hourly cost must be more than 0")
        if hours > HOURS_IN_A_WEEK:
            raise ValueError(f"there are only {HOURS_IN_A_WEEK} hours in a week")
        if self.weekly_cost is None:
            return hours, rate, costing.by_the_hour(exact_hours, rate)
        weekly = self.weekly_cost.quantize(PENNY, ROUND_HALF_UP)
        if rate != costing.hourly_rate(weekly, exact_hours):
            raise ValueError("the hourly cost must be the weekly cost divided by the hours")
        return hours, rate, weekly


# --- reading -------------------------------------------------------------------------------


def _service_view(service: Service) -> ServiceView:
    return ServiceView(
        id=service.position,
        category=service.category,
        description=service.description,
        outcome_ids=tuple(service.outcome_ids or ()),
        hours_per_week=service.hours_per_week,
        unit_cost=from_pence(service.unit_cost_pence) if service.unit_cost_pence is not None else None,
        weekly_cost=from_pence(service.weekly_cost_pence),
        need_codes=None if service.need_codes is None else tuple(service.need_codes),
        payee_relation=service.payee_relation,
        payee_lives_with=service.payee_lives_with,
        exact_hours=Fraction(service.exact_hours) if service.exact_hours else None,
    )


def _exact_hours(hours: Optional[costing.Count]) -> Optional[str]:
    """The hours a week to keep exactly ('30/13'), when two places would round them; else None."""
    if hours is None or Fraction(hours) == Fraction(round_to_penny(Fraction(hours))):
        return None
    return exact_text(Fraction(hours))


def _outcome_view(outcome: Outcome) -> OutcomeView:
    return OutcomeView(outcome.position, outcome.text, outcome.domain, tuple(outcome.wellbeing_areas or ()))


def _budget(plan: Plan) -> BudgetFigures:
    return BudgetFigures.of(
        from_pence(plan.budget_amount_pence),
        plan.budget_period,
        None if plan.contribution_pence is None else from_pence(plan.contribution_pence),
        plan.eligible_needs or (),
        plan.assessed_on,
    )


def _direct_payment(plan: Plan, budget: BudgetFigures) -> Optional[DirectPaymentView]:
    """What is paid out, net of the person's contribution, when the way chosen pays money out."""
    if plan.management is None or not catalogue.MANAGEMENT[plan.management].paid_out:
        return None
    frequency = plan.payment_frequency or council_rules().payment_frequency
    weekly = budget.council_weekly if budget.council_weekly is not None else budget.weekly
    weeks = catalogue.COST_PERIODS[frequency].weeks or 1
    return DirectPaymentView(None if plan.management == "mixed" else weekly * int(weeks), frequency, plan.paid_to)


def plan_view(plan: Plan) -> PlanView:
    """The read-only view of a loaded plan (its person, outcomes and services are read if not loaded)."""
    budget = _budget(plan)
    services = tuple(_service_view(s) for s in plan.services)
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
        outcomes=tuple(_outcome_view(o) for o in plan.outcomes),
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
        checks=tuple(CheckView(c["code"], c.get("service_id"), c["message"]) for c in plan.checks or ()),
        direct_payment=_direct_payment(plan, budget),
        involved=tuple(InvolvedView(**entry) for entry in plan.involved or ()),
        communication_needs=None if plan.communication_needs is None else tuple(plan.communication_needs),
        communication_detail=plan.communication_detail,
        copy_route=plan.copy_route,
        review_due=plan.review_due,
        agreed_at=plan.agreed_at,
        needs_met_elsewhere=tuple(plan.needs_met_elsewhere or ()),
        advice=tuple(AdviceView(**entry) for entry in plan.advice or ()),
        version=plan.version,
        replaces=plan.replaces.plan_reference if plan.replaces is not None else None,
        skipped_questions=tuple(plan.skipped_questions or ()),
    )


def _refresh_checks(plan: Plan) -> None:
    """Work out the plan's direct-payment checks again after a change to its services or money."""
    plan.checks = [check.as_dict() for check in checks_for(plan_view(plan), council_rules(), date.today())]


#: a plan's person, outcomes and services, read with the plan in three queries, not one per item
_WHOLE_PLAN = (joinedload(Plan.person), selectinload(Plan.outcomes), selectinload(Plan.services))


def _load(session: Session, plan_reference: str) -> Plan:
    query = select(Plan).where(Plan.plan_reference == plan_reference).options(*_WHOLE_PLAN)
    plan = session.execute(query).scalar_one_or_none()
    if plan is None:
        raise PlanNotFound("there is no plan with that reference")
    return plan


def get_plan(plan_reference: str) -> PlanView:
    with session_scope() as session:
        return plan_view(_load(session, plan_reference))


def newest_plan(session: Session, person: Person) -> Optional[Plan]:
    """The person's newest plan of any status (a plan's newest version is its newest row)."""
    query = select(Plan).where(Plan.person_id == person.id).order_by(Plan.created_at.desc(), Plan.id.desc())
    return session.execute(query.limit(1)).scalar_one_or_none()


def latest_plan(person_reference: str) -> Optional[PlanView]:
    """The person's newest plan of any status, or None (also for an unknown person)."""
    with session_scope() as session:
        person = find_person(session, person_reference)
        plan = newest_plan(session, person) if person is not None else None
        return plan_view(plan) if plan else None


# --- changing ------------------------------------------------------------------------------


def new_reference() -> str:
    """A new plan reference: SP- and 8 random capital letters and digits."""
    alphabet = string.ascii_uppercase + string.digits
    return "SP-" + "".join(secrets.choice(alphabet) for _ in range(8))


#: the audit action when a draft is opened from a conversation other than the one it was in
REOPENED = "plan-opened-from-new-conversation"


def _audit(session: Session, action: str, plan: Plan, actor: str = SYSTEM) -> None:
    session.add(AuditLog(actor=actor, action=action, subject=plan.plan_reference, detail=""))


def open_plan(
    person_reference: str, planned_by: str, channel: str, conversation_id: Optional[str], budget: BudgetFigures
) -> PlanView:
    """The person's latest draft, content kept (who is planning and the conversation updated),
    or else a new draft holding a snapshot of `budget`."""
    if planned_by not in PLANNERS:
        raise PlanError(f"planned_by must be one of {PLANNERS}")
    with session_scope() as session:
        person = find_person(session, person_reference)
        if person is None:
            raise PlanError("there is no person with that reference")
        plan = session.execute(
            select(Plan).where(Plan.person_id == person.id, Plan.status == "draft").order_by(Plan.id.desc()).limit(1)
        ).scalar_one_or_none()
        if plan is None:
            plan = Plan(
                plan_reference=new_reference(),
                person=person,
                status="draft",
                channel=channel,
                flags=[],
                budget_amount_pence=to_pence(budget.amount),
                budget_period=budget.period,
                contribution_pence=None if budget.contribution is None else to_pence(budget.contribution),
                eligible_needs=list(budget.eligible_needs),
                assessed_on=budget.assessed_on,
                checks=[],
                involved=[],
                outcomes_complete=False,
                services_complete=False,
            )
            session.add(plan)
            _audit(session, "plan-started", plan)
        elif conversation_id and plan.conversation_id and plan.conversation_id != conversation_id:
            _audit(session, REOPENED, plan)  # the console shows it (bot/web/console_queries.py)
        plan.planned_by, plan.conversation_id, plan.updated_at = planned_by, conversation_id, utcnow()
        session.flush()
        return plan_view(plan)


def _change(plan_reference: str, change: Callable[[Session, Plan], T], allow_closed: bool = False) -> T:
    """Apply `change` to a draft plan (any plan with allow_closed) in one unit of work."""
    with session_scope() as session:
        plan = _load(session, plan_reference)
        if plan.status != "draft" and not allow_closed:
            raise PlanError("this plan has been sent and can't be changed here")
        plan.updated_at = utcnow()
        return change(session, plan)


def _set(plan_reference: str, field: str, value: object) -> None:
    _change(plan_reference, lambda session, plan: setattr(plan, field, value))


def check_text(text: str) -> str:
    """The text, trimmed, if it is at most MAX_TEXT characters long; else PlanLimitError."""
    trimmed = (text or "").strip()
    if len(trimmed) > MAX_TEXT:
        raise PlanLimitError(
            f"That is more than I can keep in one answer. Please say it in {MAX_TEXT} characters "
            "or fewer: a sentence or two is plenty."
        )
    return trimmed


def _check_room(items: Sized, limit: int, name: str) -> None:
    if len(items) >= limit:
        raise PlanLimitError(
            f"The plan already has {limit} {name}, which is as many as it can hold. "
            f"You can take one out, or say that's all to go on."
        )


def _answer(text: str) -> str:
    answer = check_text(text)
    if not answer:
        raise ValueError("the answer is empty")
    return answer


def set_important_to_me(plan_reference: str, text: str) -> None:
    _set(plan_reference, "important_to_me", _answer(text))


def add_outcome(plan_reference: str, text: str) -> OutcomeView:
    wanted = _answer(text)

    def add(session: Session, plan: Plan) -> OutcomeView:
        _check_room(plan.outcomes, MAX_OUTCOMES, "outcomes")
        outcome = Outcome(
            position=max((o.position for o in plan.outcomes), default=0) + 1,
            text=wanted,
            domain=wellbeing_domain(wanted),
        )
        outcome.wellbeing_areas = list(wellbeing_areas(wanted, outcome.domain))
        plan.outcomes.append(outcome)
        return _outcome_view(outcome)

    return _change(plan_reference, add)


def remove_outcome(plan_reference: str, outcome_id: int) -> None:
    """Remove an outcome and unlink it from every service."""

    def remove(session: Session, plan: Plan) -> None:
        outcome = next((o for o in plan.outcomes if o.position == outcome_id), None)
        if outcome is None:
            raise PlanError(f"there is no outcome {outcome_id}")
        plan.outcomes.remove(outcome)
        plan.outcomes_complete = plan.outcomes_complete and bool(plan.outcomes)
        for service in plan.services:
            service.outcome_ids = [i for i in service.outcome_ids or [] if i != outcome_id]

    _change(plan_reference, remove)


def set_outcomes_complete(plan_reference: str, complete: bool) -> None:
    _set(plan_reference, "outcomes_complete", complete)


def _update_over_budget(plan: Plan) -> None:
    total = sum(s.weekly_cost_pence for s in plan.services)
    flags = [f for f in (plan.flags or []) if f != "over_budget"]
    if total > to_pence(_budget(plan).weekly):
        flags.append("over_budget")
    plan.flags = flags


def add_service_to(plan: Plan, new: NewService, position: Optional[int] = None) -> ServiceView:
    """Add a service to a loaded plan (ValueError if it is not valid) and update the over_budget
    flag and the checks. It takes the next free id in the plan unless `position` is given."""
    hours, rate, weekly = new.checked()
    _check_room(plan.services, MAX_SERVICES, "services")
    if not set(new.outcome_ids) <= {o.position for o in plan.outcomes}:
        raise PlanError("a service can only be linked to outcomes in the plan")
    service = Service(
        position=position or max((s.position for s in plan.services), default=0) + 1,
        category=new.category,
        description=new.description.strip(),
        hours_per_week=hours,
        exact_hours=_exact_hours(new.hours_per_week),
        unit_cost_pence=to_pence(rate) if rate is not None else None,
        weekly_cost_pence=to_pence(weekly),
        outcome_ids=sorted(set(new.outcome_ids)),
    )
    relation = relation_named(service.description) if new.category in PAYS_A_PERSON else None
    service.payee_relation = relation.word if relation else None
    plan.services.append(service)
    _update_over_budget(plan)
    _refresh_checks(plan)
    return _service_view(service)


def add_service(plan_reference: str, new: NewService) -> ServiceView:
    """Add a service to a draft (ValueError if it is not valid) and update the over_budget flag."""
    new.checked()
    return _change(plan_reference, lambda session, plan: add_service_to(plan, new))


def remove_service_from(plan: Plan, service_id: int) -> None:
    """Take a service out of a loaded plan and update the over_budget flag and the checks."""
    plan.services.remove(_find_service(plan, service_id))
    plan.services_complete = plan.services_complete and bool(plan.services)
    _update_over_budget(plan)
    _refresh_checks(plan)


def remove_service(plan_reference: str, service_id: int) -> None:
    _change(plan_reference, lambda session, plan: remove_service_from(plan, service_id))


def _find_service(plan: Plan, service_id: int) -> Service:
    service = next((s for s in plan.services if s.position == service_id), None)
    if service is None:
        raise PlanError(f"there is no service {service_id}")
    return service


def change_cost_in(
    plan: Plan,
    service_id: int,
    hours_per_week: Optional[costing.Count] = None,
    unit_cost: Optional[Decimal] = None,
    weekly_cost: Optional[Decimal] = None,
) -> ServiceView:
    """Correct the figures of a service in a loaded plan (see change_service_cost)."""
    service = _find_service(plan, service_id)
    current = _service_view(service)
    if current.hours_per_week is None and weekly_cost is None:
        raise ValueError("this service has a fixed cost, not hours and an hourly rate")
    corrected = NewService(
        category=current.category,
        description=current.description,
        hours_per_week=None if weekly_cost is not None else (hours_per_week or current.hours),
        unit_cost=None if weekly_cost is not None else (unit_cost or current.unit_cost),
        weekly_cost=weekly_cost,
    )
    hours, rate, weekly = corrected.checked()
    service.hours_per_week = hours
    service.exact_hours = _exact_hours(corrected.hours_per_week)
    service.unit_cost_pence = to_pence(rate) if rate is not None else None
    service.weekly_cost_pence = to_pence(weekly)
    _update_over_budget(plan)
    _refresh_checks(plan)
    return _service_view(service)


def change_service_cost(
    plan_reference: str,
    service_id: int,
    hours_per_week: Optional[costing.Count] = None,
    unit_cost: Optional[Decimal] = None,
    weekly_cost: Optional[Decimal] = None,
) -> ServiceView:
    """Correct a recorded service's figures ("actually make that 8 hours"). Figures not given are
    kept; giving hours or an hourly cost to a fixed-cost service is refused (ValueError)."""
    return _change(
        plan_reference, lambda session, plan: change_cost_in(plan, service_id, hours_per_week, unit_cost, weekly_cost)
    )


def link_service_outcomes(plan_reference: str, service_id: int, outcome_ids: Iterable[int]) -> ServiceView:
    """Say which of the plan's outcomes a service serves (replacing any earlier links)."""
    wanted = sorted(set(outcome_ids))

    def link(session: Session, plan: Plan) -> ServiceView:
        if not set(wanted) <= {o.position for o in plan.outcomes}:
            raise PlanError("a service can only be linked to outcomes in the plan")
        service = _find_service(plan, service_id)
        service.outcome_ids = wanted
        return _service_view(service)

    return _change(plan_reference, link)


def link_service_needs(plan_reference: str, service_id: int, need_codes: Iterable[str]) -> ServiceView:
    """Say which of the assessed needs a service meets (replacing any earlier answer; none is an answer)."""
    wanted = list(dict.fromkeys(need_codes))

    def link(session: Session, plan: Plan) -> ServiceView:
        if not set(wanted) <= set(plan.eligible_needs or ()):
            raise PlanError("a service can only be tied to needs from the assessment")
        service = _find_service(plan, service_id)
        service.need_codes = [code for code in plan.eligible_needs if code in wanted]
        return _service_view(service)

    return _change(plan_reference, link)


def set_payee_lives_with(plan_reference: str, service_id: int, lives_with: bool) -> ServiceView:
    """Whether the relative a service pays lives with the person (regulation 3)."""

    def record(session: Session, plan: Plan) -> ServiceView:
        service = _find_service(plan, service_id)
        service.payee_lives_with = lives_with
        _refresh_checks(plan)
        return _service_view(service)

    return _change(plan_reference, record)


def set_services_complete(plan_reference: str, complete: bool) -> None:
    _set(plan_reference, "services_complete", complete)


def set_management(plan_reference: str, option: str) -> None:
    """The way the money is managed; a way that pays money out takes the council's payment
    frequency, and a way that doesn't clears who it is paid to."""
    if option not in MANAGEMENT:
        raise ValueError(f"management must be one of {MANAGEMENT}")

    def record(session: Session, plan: Plan) -> None:
        plan.management = option
        paid_out = catalogue.MANAGEMENT[option].paid_out
        plan.payment_frequency = council_rules().payment_frequency if paid_out else None
        plan.paid_to = plan.paid_to if paid_out else None
        _refresh_checks(plan)

    _change(plan_reference, record)


def set_paid_to(plan_reference: str, payee: str) -> None:
    """Who receives the direct payment (catalogue PAYEES: the person, a nominated or an authorised person)."""
    if payee not in catalogue.PAYEES:
        raise ValueError(f"paid_to must be one of {catalogue.PAYEES.codes}")

    def record(session: Session, plan: Plan) -> None:
        plan.paid_to = payee
        _answered(plan, PAID_TO)

    _change(plan_reference, record)


#: the sign-off questions a person may skip, kept on the plan so they are not asked again
SKIPPABLE_QUESTIONS = (PAID_TO, HELPER_DETAILS, COMMUNICATION_NEEDS, COMMUNICATION_LANGUAGE)


def skip_question(plan_reference: str, question: str) -> None:
    """The person skipped `question` (one of SKIPPABLE_QUESTIONS); kept until it is answered."""
    if question not in SKIPPABLE_QUESTIONS:
        raise ValueError(f"only {SKIPPABLE_QUESTIONS} are kept as skipped")

    def record(session: Session, plan: Plan) -> None:
        plan.skipped_questions = list(dict.fromkeys([*(plan.skipped_questions or ()), question]))

    _change(plan_reference, record)


def _answered(plan: Plan, question: str) -> None:
    if question in (plan.skipped_questions or ()):
        plan.skipped_questions = [q for q in plan.skipped_questions if q != question]


def set_involved(plan_reference: str, involved: Sequence[InvolvedView]) -> None:
    """Who took part in making the plan (replacing the earlier list)."""
    entries: List[Dict[str, Any]] = []
    for entry in involved:
        if entry.role not in catalogue.INVOLVED_ROLES:
            raise ValueError(f"role must be one of {catalogue.INVOLVED_ROLES}")
        entries.append(
            {
                "role": entry.role,
                "name": check_text(entry.name)[:100] if entry.name else None,
                "relationship": check_text(entry.relationship)[:60] if entry.relationship else None,
            }
        )

    def record(session: Session, plan: Plan) -> None:
        plan.involved = entries
        if any(entry["role"] == "supporter" and entry["name"] for entry in entries):
            _answered(plan, HELPER_DETAILS)

    _change(plan_reference, record)


def set_communication_needs(plan_reference: str, codes: Iterable[str], detail: Optional[str] = None) -> None:
    """How the person needs information (catalogue COMMUNICATION_NEEDS; 'none' alone means nothing else),
    with their own words where they gave more (a language, say)."""
    wanted = [code for code in dict.fromkeys(codes) if code != "none"]
    if not set(wanted) <= set(catalogue.COMMUNICATION_NEEDS.codes):
        raise ValueError(f"communication needs must be among {catalogue.COMMUNICATION_NEEDS.codes}")

    def record(session: Session, plan: Plan) -> None:
        plan.communication_needs = wanted
        plan.communication_detail = check_text(detail) or None if detail else None
        _answered(plan, COMMUNICATION_NEEDS)
        if plan.communication_detail or "other_language" not in wanted:
            _answered(plan, COMMUNICATION_LANGUAGE)  # a language named, or none needed: nothing left skipped

    _change(plan_reference, record)


def set_need_met_elsewhere(plan_reference: str, need_code: str) -> None:
    """The person says an assessed need is met another way (not by a service in this plan)."""

    def record(session: Session, plan: Plan) -> None:
        if need_code not in (plan.eligible_needs or ()):
            raise PlanError("only a need from the assessment can be marked as met another way")
        plan.needs_met_elsewhere = list(dict.fromkeys([*(plan.needs_met_elsewhere or ()), need_code]))

    _change(plan_reference, record)


#: advice kept on one plan, so a long conversation can't grow it without bound
MAX_ADVICE = 30


def record_advice(plan_reference: str, question: str, answer: str) -> None:
    """Keep a question the person asked and the answer given (any status: questions come after sending too)."""

    def record(session: Session, plan: Plan) -> None:
        entries = list(plan.advice or ())
        entry = {"question": check_text(question)[:200], "answer": check_text(answer)}
        if entry not in entries and len(entries) < MAX_ADVICE:
            plan.advice = [*entries, entry]

    _change(plan_reference, record, allow_closed=True)


def set_copy_route(plan_reference: str, route: str) -> None:
    """How the person wants their copy of the plan: asked after it is sent, so any status."""
    if route not in catalogue.COPY_ROUTES:
        raise ValueError(f"copy_route must be one of {catalogue.COPY_ROUTES.codes}")
    _change(plan_reference, lambda session, plan: setattr(plan, "copy_route", route), allow_closed=True)


def set_contingency(plan_reference: str, text: str) -> None:
    _set(plan_reference, "contingency", _answer(text))


def add_flag(plan_reference: str, flag: str) -> None:
    """Flag the plan for a practitioner: on any plan, sent or not; adding it twice changes nothing."""
    if flag not in FLAGS:
        raise ValueError(f"flag must be one of {FLAGS}")

    def add(session: Session, plan: Plan) -> None:
        if flag not in (plan.flags or []):
            plan.flags = [*(plan.flags or []), flag]
            _audit(session, f"flag-{flag}", plan)

    _change(plan_reference, add, allow_closed=True)


_REOPEN = {
    "important": ("important_to_me", None),
    "outcomes": ("outcomes_complete", False),
    "services": ("services_complete", False),
    "management": ("management", None),
    "contingency": ("contingency", None),
}


def reopen_section(plan_reference: str, section: str) -> None:
    """Ask a section again: clears its answer; outcomes and services already recorded are kept."""
    if section not in REOPENABLE:
        raise ValueError(f"section must be one of {REOPENABLE}")
    _set(plan_reference, *_REOPEN[section])


def submit_plan(plan_reference: str) -> PlanView:
    """Send a complete draft to the council (PlanError naming the first unfinished section)."""

    def submit(session: Session, plan: Plan) -> PlanView:
        missing = plan_view(plan).next_section()
        if missing != "review":
            raise PlanError(f"the plan can't be sent yet: the {missing} section is not finished")
        plan.status, plan.submitted_at = "submitted", plan.updated_at
        _audit(session, "plan-submitted", plan)
        session.flush()
        return plan_view(plan)

    return _change(plan_reference, submit)


def first_review_due(agreed_on: date) -> date:
    """The first review: the council's number of weeks after the plan is agreed (default 8)."""
    return agreed_on + timedelta(weeks=council_rules().first_review_weeks)


def mark_agreed(plan_reference: str, actor: str) -> PlanView:
    """The council agrees a submitted plan."""

    def agree(session: Session, plan: Plan) -> PlanView:
        if plan.status != "submitted":
            raise PlanError("only a plan that has been sent can be agreed")
        plan.status, plan.agreed_at = "agreed", plan.updated_at
        plan.review_due = first_review_due(plan.agreed_at.date())
        _audit(session, "plan-agreed", plan, actor=actor)
        session.flush()
        return plan_view(plan)

    return _change(plan_reference, agree, allow_closed=True)
