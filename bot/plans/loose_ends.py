"""Where a plan left off part-way through a section that the plan already counts as answered (or,
for support, a service recorded whose own questions were not all answered): the sign-off
questions are asked again from there when the person comes back, never lost.

- how the money is managed is recorded, pays money out, and who receives it is not yet said;
- the back-up plan is recorded, and how the person needs information (or, with a helper
  planning, who the helper is, or, with another language chosen, which) is not yet said;
- while support is still being planned, a service is recorded whose paid relative's home or
  assessed needs were not yet asked about.

A question the person skipped is not a loose end: skipped in this conversation (`skipped`) or in
an earlier one (kept on the plan, `PlanView.skipped_questions`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Collection, Dict, Optional

from bot.parsing.numbers import exact_text
from bot.parsing.relations import the_persons_partner
from bot.parsing.seasons import WEEKS_IN_A_YEAR
from bot.plans.catalogue import MANAGEMENT
from bot.plans.catalogue.services import CATEGORIES
from bot.plans.views import PlanView, ServiceView
from bot.slot_names import (
    COMMUNICATION_LANGUAGE,
    COMMUNICATION_NEEDS,
    CONTINGENCY,
    HELPER_DETAILS,
    MANAGEMENT_OPTION,
    PAID_TO,
    PAYEE_LIVES_WITH,
    PAYEE_RELATION,
    SERVICE_CATEGORY,
    SERVICE_COST,
    SERVICE_COST_PERIOD,
    SERVICE_DESCRIPTION,
    SERVICE_HOURS,
    SERVICE_ID,
    SERVICE_NEEDS,
    SERVICE_OUTCOMES,
    SERVICE_RATE,
    SERVICE_WEEKS_A_YEAR,
)


@dataclass(frozen=True)
class LooseEnd:
    """The section to open again, the question asked first, and the answers to fill in so the
    form starts from that question."""

    section: str
    question: str
    known: Dict[str, Any] = field(default_factory=dict)


def _management(plan: PlanView, skipped: Collection[str]) -> Optional[LooseEnd]:
    option = plan.management
    if option is None or option not in MANAGEMENT or not MANAGEMENT[option].paid_out or PAID_TO in skipped:
        return None
    if plan.direct_payment is not None and plan.direct_payment.paid_to is not None:
        return None
    return LooseEnd("management", PAID_TO, {MANAGEMENT_OPTION: option})


def _contingency(plan: PlanView, skipped: Collection[str]) -> Optional[LooseEnd]:
    if not plan.contingency:
        return None
    helper_unnamed = plan.planned_by == "supporter" and not any(e.role == "supporter" for e in plan.involved)
    if helper_unnamed and HELPER_DETAILS not in skipped:
        return LooseEnd("contingency", HELPER_DETAILS, {CONTINGENCY: plan.contingency})
    if plan.communication_needs is None and COMMUNICATION_NEEDS not in skipped:
        return LooseEnd("contingency", COMMUNICATION_NEEDS, {CONTINGENCY: plan.contingency})
    if language_unnamed(plan) and COMMUNICATION_LANGUAGE not in skipped:
        needs = ",".join(plan.communication_needs or ())
        return LooseEnd(
            "contingency", COMMUNICATION_LANGUAGE, {CONTINGENCY: plan.contingency, COMMUNICATION_NEEDS: needs}
        )
    return None


def language_unnamed(plan: PlanView) -> bool:
    """Another language was chosen but not which, and the person has not skipped saying which."""
    return (
        "other_language" in (plan.communication_needs or ())
        and not plan.communication_detail
        and COMMUNICATION_LANGUAGE not in plan.skipped_questions
    )


def _asks_where_relative_lives(service: ServiceView, planned_by: str) -> bool:
    return bool(service.payee_relation) and not the_persons_partner(service.description, planned_by)


def _service_costed(service: ServiceView) -> Dict[str, Any]:
    """The service's answers so far, as the services form holds them once it is costed."""
    known: Dict[str, Any] = {
        SERVICE_ID: service.id,
        SERVICE_CATEGORY: service.category,
        SERVICE_DESCRIPTION: service.description,
    }
    # the figures recorded are already over the whole year ('after school club (39 weeks a year)')
    known[SERVICE_WEEKS_A_YEAR] = str(WEEKS_IN_A_YEAR)
    hourly = service.category in CATEGORIES and CATEGORIES[service.category].hourly
    if hourly and service.hours is not None and service.unit_cost is not None:
        return {**known, SERVICE_HOURS: exact_text(service.hours), SERVICE_RATE: str(service.unit_cost)}
    return {**known, SERVICE_COST: str(service.weekly_cost), SERVICE_COST_PERIOD: "week"}


def _services(plan: PlanView) -> Optional[LooseEnd]:
    if plan.services_complete:
        return None
    assessed = bool(plan.budget.eligible_needs)
    for service in reversed(plan.services):
        known = _service_costed(service)
        if _asks_where_relative_lives(service, plan.planned_by) and service.payee_lives_with is None:
            return LooseEnd("services", PAYEE_LIVES_WITH, {**known, PAYEE_RELATION: service.payee_relation})
        if assessed and service.need_codes is None:
            outcomes = ",".join(str(i) for i in service.outcome_ids) or None
            return LooseEnd("services", SERVICE_NEEDS, {**known, SERVICE_OUTCOMES: outcomes})
    return None


def loose_end(plan: PlanView, skipped: Collection[str] = (), in_a_service: bool = False) -> Optional[LooseEnd]:
    """The first loose end before where the plan would go next (see the module docstring), or None;
    `in_a_service`: the conversation still holds the service being planned (after a pause), so
    the services form carries on from its own answers instead."""
    if plan.status != "draft":
        return None
    section = plan.next_section()
    if section == "services":
        return None if in_a_service else _services(plan)
    skipped = {*skipped, *plan.skipped_questions}
    found = _management(plan, skipped) or _contingency(plan, skipped)
    order = ("management", "contingency", "review")
    if found is None or section not in order or order.index(found.section) >= order.index(section):
        return None
    return found


__all__ = ["LooseEnd", "loose_end"]
