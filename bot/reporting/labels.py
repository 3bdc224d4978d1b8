"""Plain-English words for the report's codes, headings and figures, for the Reporting page
and its charts (the JSON and CSV keep the codes)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Optional

from bot.money import format_pounds
from bot.plans.catalogue import CATEGORIES, CHECKS, MANAGEMENT, NEEDS, RATINGS, SECTIONS, STATUSES, WELLBEING_AREAS
from bot.reporting.review_figures import TIMELINESS

GROUPS = {
    **STATUSES.labels(lambda status: status.report_label),
    **MANAGEMENT.labels(lambda option: option.report_label),
    "not_recorded": "Not recorded",
    **CATEGORIES.labels(lambda category: category.report_label),
    **CHECKS.labels(lambda check: check.report_label),
    # eligibility outcomes (an outcome's `domain`; not the wellbeing areas of Care Act s.1(2))
    **NEEDS.labels(lambda need: need.document_words),
    "other": "Other",
    # channels
    "web": "Web chat",
    "sms": "Text message (SMS)",
    "adviser_assisted": "With an adviser",
    # funnel stages (DESIGN §6)
    "welcome": "1. Welcome",
    "identity": "2. Checking who they are",
    "budget": "3. Told their budget",
    **SECTIONS.labels(lambda section: section.stage),
    **TIMELINESS.labels(lambda timeliness: timeliness.label),
}
#: the funnel's last stage is a section too, but reads better as what happened; the wellbeing areas
#: (Care Act s.1(2)) share some codes with the eligibility outcomes above
GROUPS_BY_TABLE = {
    "funnel": {"submitted": "10. Plan sent"},
    "outcome_ratings_by_wellbeing": WELLBEING_AREAS.labels(lambda area: area.label[0].upper() + area.label[1:]),
}

MEASURES = {
    "plans": "Plans",
    "services": "Services",
    "outcomes": "Outcomes",
    "conversations": "Conversations",
    "weekly_spend": "Weekly spend",
    "share_of_spend_percent": "Share of spend",
    "share_of_plans_percent": "Share of plans",
    "step": "Step",
    "median_minutes": "Median time (minutes)",
    "plans_with_conversations": "Plans with conversations kept",
    "median_turns": "Median messages from the person",
    "reviews": "Reviews",
    **RATINGS.labels(lambda rating: rating.label),
    "planned_weekly": "Planned a week",
    "spent_weekly": "Spent a week",
    "plans_worth_talking_about": "Plans with a difference worth talking about",
}
#: measures that are money
MONEY = ("weekly_spend", "planned_weekly", "spent_weekly")


#: measures that are percentages
PERCENTAGES = ("share_of_spend_percent", "share_of_plans_percent")


def group_label(table: str, code: str) -> str:
    return GROUPS_BY_TABLE.get(table, {}).get(code) or GROUPS.get(code) or code.replace("_", " ").capitalize()


def number(value: object) -> Optional[float]:
    """A published figure as a number, or None when it is suppressed ("fewer than 5", "not shown")."""
    if isinstance(value, int):
        return float(value)
    try:
        return float(Decimal(str(value)))
    except InvalidOperation:
        return None


def shown(measure: str, value: object) -> str:
    """A figure as the page shows it: £1,250.50, 12.5%, 3; suppressed figures as they are."""
    if number(value) is None:
        return str(value)
    if measure in MONEY:
        return format_pounds(Decimal(str(value)))
    if measure in PERCENTAGES:
        return f"{value}%"
    return f"{value:,}" if isinstance(value, int) else str(value)
