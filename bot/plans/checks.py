"""The direct-payment rules checked while planning (../shared/DOMAIN.md "Direct payments"): each is
explained in plain words, never blocks the plan, and is recorded in the plan JSON's `checks` so the
council sees it. What each rule looks at is here; the words for a check's code are in the
catalogue (CHECKS); the council's own rules come from its settings file (bot/council.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Dict, Iterator, Optional, Tuple

from bot.council import CouncilRules
from bot.money import format_pounds
from bot.parsing.relations import relation_named, the_persons_partner
from bot.plans.catalogue import MANAGEMENT
from bot.plans.views import PlanView, ServiceView

_CARE_HOME = re.compile(r"\b(care|nursing|residential|rest) homes?\b|\bresidential care\b", re.IGNORECASE)
_SHORT_STAY = re.compile(
    r"\brespite\b|\bshort[- ](stay|break|term)s?\b|\bbreaks?\b|\bholiday|\b(a|one|two|few|\d+) (days?|nights?|weeks?)\b"
    r"|\bemergenc|\btemporar|\btrial\b",
    re.IGNORECASE,
)
_CASH = re.compile(r"\bcash\b|\bwithdraw|\bcash ?point|\batm\b", re.IGNORECASE)
#: the kinds of support in which the person themselves pays someone
PAYS_A_PERSON = ("personal_assistant", "transport", "other")


@dataclass(frozen=True)
class RaisedCheck:
    code: str
    service_id: Optional[int]
    message: str

    def as_dict(self) -> Dict[str, object]:
        return {"code": self.code, "service_id": self.service_id, "message": self.message}


def _direct_payment_rules_apply(plan: PlanView) -> bool:
    """Until the way is chosen, the person may still pick a direct payment, so the rules are said."""
    return plan.management is None or MANAGEMENT[plan.management].paid_out


def _living_wage(service: ServiceView, rules: CouncilRules, on: date) -> Optional[RaisedCheck]:
    wage = rules.living_wage_on(on)
    if service.category != "personal_assistant" or service.unit_cost is None or wage is None:
        return None
    if service.unit_cost >= wage:
        return None
    return RaisedCheck(
        "living_wage",
        service.id,
        f"{format_pounds(service.unit_cost)} an hour is less than the National Living Wage of "
        f"{format_pounds(wage)} an hour. A personal assistant must be paid at least that. "
        "Their employer also pays for insurance, a pension and holiday pay. A payroll service can help.",
    )


def _family_payment(service: ServiceView, plan: PlanView) -> Optional[RaisedCheck]:
    if service.category not in PAYS_A_PERSON or service.payee_relation is None:
        return None
    partner = the_persons_partner(service.description, plan.planned_by)
    if not partner and not service.payee_lives_with:
        return None
    return RaisedCheck(
        "family_payment",
        service.id,
        f"A direct payment can only pay {_relative_words(service, plan, partner)} if the council agrees it is "
        "needed. I've noted it, so the council can talk it through with you.",
    )


def _relative_words(service: ServiceView, plan: PlanView, partner: bool) -> str:
    """'your daughter, who lives with you,' to the person; to a helper, whose relative it is
    ('Priya's daughter, who lives with Priya,', or the helper's own: 'your son, who lives with Priya,')."""
    if plan.planned_by == "self":
        return f"your {service.payee_relation}" + ("" if partner else ", who lives with you,")
    named = relation_named(service.description)
    whose = "your" if named is not None and named.owner == "my" else f"{plan.given_name}'s"
    return f"{whose} {service.payee_relation}" + ("" if partner else f", who lives with {plan.given_name},")


def _care_home(service: ServiceView) -> Optional[RaisedCheck]:
    if service.category == "short_breaks" or not _CARE_HOME.search(service.description):
        return None
    if _SHORT_STAY.search(service.description):
        return None
    return RaisedCheck(
        "care_home",
        service.id,
        "A direct payment can't pay for a long-term place in a care home. Short stays and respite "
        "breaks are fine. The council can arrange a long-term place in another way.",
    )


def _in_house_service(service: ServiceView, rules: CouncilRules) -> Optional[RaisedCheck]:
    if rules.in_house_services_allowed:
        return None
    text = service.description.lower()
    if not any(name in text for name in rules.in_house_services):
        return None
    return RaisedCheck(
        "in_house_service",
        service.id,
        "The council's own services can't be bought with a direct payment here. "
        "The council can arrange this one for you instead, as part of a mix.",
    )


def _card_cash(plan: PlanView, service: ServiceView, rules: CouncilRules) -> Optional[RaisedCheck]:
    if rules.card_cash_allowed or plan.management != "payment_card" or not _CASH.search(service.description):
        return None
    return RaisedCheck(
        "card_cash",
        service.id,
        "Cash can't be taken out with the payment card here. You can pay with the card instead, "
        "or ask the council about another way to pay for this.",
    )


def _raised(plan: PlanView, rules: CouncilRules, on: date) -> Iterator[Optional[RaisedCheck]]:
    for service in plan.services:
        yield _living_wage(service, rules, on)
        if _direct_payment_rules_apply(plan):
            yield _family_payment(service, plan)
            yield _care_home(service)
            yield _in_house_service(service, rules)
        yield _card_cash(plan, service, rules)


def checks_for(plan: PlanView, rules: CouncilRules, on: date) -> Tuple[RaisedCheck, ...]:
    """Every check the plan raises today, in the order of its services."""
    return tuple(check for check in _raised(plan, rules, on) if check is not None)
