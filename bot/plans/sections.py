"""The plan's sections (DESIGN §6, 4–9) in order, and where a plan resumes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.plans import catalogue

if TYPE_CHECKING:
    from bot.plans.views import PlanView

SECTIONS = catalogue.SECTIONS.codes
#: the sections a person can go back to and answer again
REOPENABLE = catalogue.SECTIONS.where(lambda section: section.reopenable)


def section_done(plan: "PlanView", section: str) -> bool:
    """Whether `section` is answered. Outcomes and services need at least one item and the
    person saying that is all; 'review' is never done while the plan is a draft."""
    done = {
        "important": bool(plan.important_to_me),
        "outcomes": plan.outcomes_complete and bool(plan.outcomes),
        "services": plan.services_complete and bool(plan.services),
        "management": bool(plan.management),
        "contingency": bool(plan.contingency),
        "review": False,
    }
    if section not in done:
        raise ValueError(f"section must be one of {SECTIONS}")
    return done[section]


def next_section(plan: "PlanView") -> str:
    """The first unfinished section ('review' once all are answered), or 'submitted' once sent."""
    if plan.status != "draft":
        return "submitted"
    return next(section for section in SECTIONS if not section_done(plan, section))
