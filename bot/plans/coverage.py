"""How a plan meets the needs from the assessment (Care Act s.25(1)(a)–(c)): for each assessed
need, the services tied to it, or that the person said it is met another way, or that it is not
met yet. Read by the plan documents and the adviser console."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

from bot.plans.views import PlanView, ServiceView


@dataclass(frozen=True)
class NeedCoverage:
    """One assessed need (a NEEDS code) and how the plan meets it."""

    code: str
    services: Tuple[ServiceView, ...]
    met_elsewhere: bool

    @property
    def met(self) -> bool:
        return bool(self.services) or self.met_elsewhere


def needs_coverage(plan: PlanView) -> Tuple[NeedCoverage, ...]:
    """Every assessed need in the order of the assessment."""
    return tuple(
        NeedCoverage(
            code,
            tuple(service for service in plan.services if code in (service.need_codes or ())),
            code in plan.needs_met_elsewhere,
        )
        for code in plan.budget.eligible_needs
    )


def direct_payment_needs(plan: PlanView) -> Tuple[str, ...]:
    """The assessed needs the plan's services meet, in the order of the assessment: what a direct
    payment that pays for all the support covers (s.25(1)(f))."""
    return tuple(need.code for need in needs_coverage(plan) if need.services)
