"""A plan as the DESIGN §5 JSON, and as readable plain text (in the order of DESIGN §6)."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Dict, Optional

from jinja2 import Environment, PackageLoader, StrictUndefined

from bot.choices import MANAGEMENT_OPTIONS, SERVICE_CATEGORIES, label
from bot.money import format_pounds, money_str
from bot.plans.views import PlanView

_templates = Environment(
    loader=PackageLoader("bot", "templates"), undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    autoescape=False,  # plain text output
)
_templates.filters["pounds"] = format_pounds
_templates.filters["category"] = lambda code: label(SERVICE_CATEGORIES, code)
_templates.filters["management"] = lambda code: label(MANAGEMENT_OPTIONS, code) if code else "not chosen yet"


def _iso(moment: Optional[datetime]) -> Optional[str]:
    return moment.isoformat() if moment else None


def _hours(hours: Optional[Decimal]) -> Optional[str]:
    """'7.0', '2.5', '1.25': at least one decimal place, no trailing zeros beyond it."""
    if hours is None:
        return None
    text = f"{hours.normalize():f}"
    return text if "." in text else f"{text}.0"


def plan_to_dict(plan: PlanView) -> Dict[str, Any]:
    return {
        "plan_reference": plan.plan_reference,
        "person_reference": plan.person_reference,
        "status": plan.status,
        "planned_by": plan.planned_by,
        "budget": {
            "amount": money_str(plan.budget.amount),
            "period": plan.budget.period,
            "weekly": money_str(plan.budget.weekly),
            "annual": money_str(plan.budget.annual),
        },
        "important_to_me": plan.important_to_me or "",
        "outcomes": [{"id": o.id, "text": o.text, "domain": o.domain} for o in plan.outcomes],
        "services": [
            {
                "id": s.id,
                "category": s.category,
                "description": s.description,
                "outcome_ids": list(s.outcome_ids),
                "hours_per_week": _hours(s.hours_per_week),
                "unit_cost": money_str(s.unit_cost) if s.unit_cost is not None else None,
                "weekly_cost": money_str(s.weekly_cost),
            }
            for s in plan.services
        ],
        "total_weekly_cost": money_str(plan.total_weekly_cost),
        "remaining_weekly": money_str(plan.remaining_weekly),
        "management": plan.management,
        "contingency": plan.contingency or "",
        "flags": list(plan.flags),
        "created_at": _iso(plan.created_at),
        "updated_at": _iso(plan.updated_at),
        "submitted_at": _iso(plan.submitted_at),
    }


def plan_to_text(plan: PlanView) -> str:
    return _templates.get_template("plan.txt.j2").render(plan=plan)
