"""A plan as the DESIGN §5 JSON, and as a readable plain-text plan in the order of DESIGN §6
(template: bot/templates/plan.txt.j2)."""

from __future__ import annotations

import re
import textwrap
from datetime import datetime
from decimal import Decimal
from typing import Any, Callable, Dict, Optional

from jinja2 import Environment, PackageLoader, StrictUndefined

from bot.choices import SERVICE_CATEGORIES, label
from bot.money import format_pounds, money_str
from bot.plans.catalogue import (
    CHECKS,
    COMMUNICATION_NEEDS,
    COPY_ROUTES,
    COST_PERIODS,
    FLAGS,
    MANAGEMENT,
    NEEDS,
    PAYEES,
    PERIOD_WORDS,
    STATUSES,
    WELLBEING_AREAS,
)
from bot.plans.coverage import direct_payment_needs, needs_coverage
from bot.plans.views import InvolvedView, PlanView

MANAGEMENT_WORDS = MANAGEMENT.labels(lambda option: option.document_words)
FLAG_WORDS = FLAGS.labels(lambda flag: flag.document_words)
STATUS_WORDS = STATUSES.labels(lambda status: status.document_words)
#: who took part, when the plan does not list them: from who was planning (DESIGN §6 `planned_by`)
PLANNED_BY_WORDS = {
    "self": "Me",
    "supporter": "Me, with someone helping me",
    "adviser": "Me, with an adviser from the council",
}
_POSSESSIVE = re.compile(r"^(my|her|his|their|our)\s+", re.IGNORECASE)


def _iso(moment: Optional[datetime]) -> Optional[str]:
    return moment.isoformat() if moment else None


def hours_str(hours: Optional[Decimal]) -> Optional[str]:
    """'7.0', '2.5', '1.25': at least one decimal place, no trailing zeros beyond it."""
    if hours is None:
        return None
    text = f"{hours.normalize():f}"
    return text if "." in text else f"{text}.0"


def optional_money(amount: Optional[Decimal]) -> Optional[str]:
    return money_str(amount) if amount is not None else None


def _budget_dict(plan: PlanView) -> Dict[str, Any]:
    budget: Dict[str, Any] = {
        "amount": money_str(plan.budget.amount),
        "period": plan.budget.period,
        "weekly": money_str(plan.budget.weekly),
        "annual": money_str(plan.budget.annual),
    }
    if plan.budget.contribution_weekly is not None and plan.budget.council_weekly is not None:
        budget["contribution_weekly"] = money_str(plan.budget.contribution_weekly)
        budget["council_weekly"] = money_str(plan.budget.council_weekly)
    return budget


def _direct_payment_dict(plan: PlanView) -> Optional[Dict[str, Any]]:
    payment = plan.direct_payment
    if payment is None:
        return None
    return {"amount": optional_money(payment.amount), "frequency": payment.frequency, "paid_to": payment.paid_to}


def plan_to_dict(plan: PlanView) -> Dict[str, Any]:
    """The DESIGN §5 JSON: money as '250.00' strings, missing answers as null; with the additions
    for sign-off (contribution split, needs, wellbeing areas, checks, direct payment, who took part,
    communication needs, copy route, review date) and the plan's version."""
    return {
        "plan_reference": plan.plan_reference,
        "person_reference": plan.person_reference,
        "status": plan.status,
        "planned_by": plan.planned_by,
        "budget": _budget_dict(plan),
        "important_to_me": plan.important_to_me,
        "outcomes": [
            {"id": o.id, "text": o.text, "domain": o.domain, "wellbeing_areas": list(o.wellbeing_areas)}
            for o in plan.outcomes
        ],
        "services": [
            {
                "id": s.id,
                "category": s.category,
                "description": s.description,
                "outcome_ids": list(s.outcome_ids),
                "hours_per_week": hours_str(s.hours_per_week),
                "unit_cost": optional_money(s.unit_cost),
                "weekly_cost": money_str(s.weekly_cost),
                "need_codes": None if s.need_codes is None else list(s.need_codes),
            }
            for s in plan.services
        ],
        "total_weekly_cost": money_str(plan.total_weekly_cost),
        "remaining_weekly": money_str(plan.remaining_weekly),
        "management": plan.management,
        "contingency": plan.contingency,
        "flags": list(plan.flags),
        "created_at": _iso(plan.created_at),
        "updated_at": _iso(plan.updated_at),
        "submitted_at": _iso(plan.submitted_at),
        # additions for sign-off (DESIGN §5): after the contract's keys, never instead of them
        "eligible_needs": list(plan.budget.eligible_needs),
        "assessed_on": plan.budget.assessed_on.isoformat() if plan.budget.assessed_on else None,
        "checks": [{"code": c.code, "service_id": c.service_id, "message": c.message} for c in plan.checks],
        "direct_payment": _direct_payment_dict(plan),
        "involved": [
            {"role": person.role, "name": person.name, "relationship": person.relationship} for person in plan.involved
        ],
        "communication_needs": None if plan.communication_needs is None else list(plan.communication_needs),
        "communication_detail": plan.communication_detail,
        "copy_route": plan.copy_route,
        "review_due": plan.review_due.isoformat() if plan.review_due else None,
        "needs_met_elsewhere": list(plan.needs_met_elsewhere),
        "advice": [{"question": a.question, "answer": a.answer} for a in plan.advice],
        # plan versions (bot/plans/versions.py): 1 unless a review changed the plan
        "version": plan.version,
        "replaces": plan.replaces,
        # sign-off questions the person skipped and has not answered since
        "skipped_questions": list(plan.skipped_questions),
    }


def involved_words(person: InvolvedView) -> str:
    """One person who took part, in the document's first person: "Sue, my daughter", "Me"."""
    relationship = _POSSESSIVE.sub("", person.relationship or "")
    if person.role == "person":
        return "Me"
    if person.role == "adviser":
        return f"{person.name}, an adviser from the council" if person.name else "An adviser from the council"
    if person.name and relationship:
        return f"{person.name}, my {relationship}"
    if relationship:
        return f"My {relationship}"
    return person.name or "Someone helping me"


_templates = Environment(
    loader=PackageLoader("bot", "templates"),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    autoescape=False,  # plain text
)
#: the words a plan document uses for codes and figures (the text and the HTML plan share them)
FILTERS: Dict[str, Callable[..., Any]] = dict(
    pounds=format_pounds,
    hours=hours_str,
    category=lambda code: label(SERVICE_CATEGORIES, code),
    period=PERIOD_WORDS.__getitem__,
    management=lambda code: MANAGEMENT_WORDS[code] if code else "Not decided yet.",
    flag=FLAG_WORDS.__getitem__,
    status=STATUS_WORDS.__getitem__,
    day=lambda moment: f"{moment.day} {moment:%B %Y}",
    need=lambda code: NEEDS[code].document_words,
    wellbeing=lambda code: WELLBEING_AREAS[code].label,
    payee=lambda code: f" {PAYEES[code].document_words}." if code else ". Who receives it is not decided yet.",
    paid=lambda frequency: COST_PERIODS[frequency].paid,
    payee_for_adviser=lambda code: PAYEES[code].console_words if code else "not decided yet",
    communication=lambda code: COMMUNICATION_NEEDS[code].label,
    copy_route=lambda code: COPY_ROUTES[code].label if code else "Not asked yet",
    check=lambda code: CHECKS[code].label,
    involved=involved_words,
    planned_by=PLANNED_BY_WORDS.__getitem__,
    needs_coverage=needs_coverage,
    direct_payment_needs=direct_payment_needs,
    wrap=lambda text, width: textwrap.wrap(text, width) or [""],
)
_templates.filters.update(FILTERS)


def plan_to_text(plan: PlanView) -> str:
    """The plan in plain English: budget, then the sections in the order they were planned."""
    return _templates.get_template("plan.txt.j2").render(plan=plan)
