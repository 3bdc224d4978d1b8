"""The published report: the raw figures with small numbers suppressed, as plain data.

Money is pounds with two decimals; shares are percentages of the finished plans' planned weekly
spend (or, for checks, of the finished plans), one decimal; medians are one decimal. Codes are the plan JSON's (DESIGN §5)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from statistics import median
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

from bot.council import council_rules
from bot.db.models import utcnow
from bot.db.session import session_scope
from bot.money import from_pence, money_str
from bot.plans.catalogue import CATEGORIES, CHECKS, MANAGEMENT, RATINGS, STATUSES, WELLBEING_AREAS
from bot.plans.domains import DOMAINS
from bot.reporting import conversation_figures, plan_figures, review_figures
from bot.reporting.period import Period
from bot.reporting.plan_figures import Group
from bot.reporting.review_figures import TIMELINESS, AreaRatings, SpendGroup
from bot.reporting.suppression import NOT_SHOWN, THRESHOLD, hidden_parts, is_small, shown_count, shown_figure

Row = Dict[str, Any]
Report = Dict[str, Any]

CHANNELS = ("web", "sms", "adviser_assisted")
#: the report's tables, in order
TABLES = (
    "plans_by_status",
    "management",
    "service_categories",
    "outcomes_by_domain",
    "channels",
    "checks",
    "verification_to_submission",
    "funnel",
    "outcome_ratings_by_wellbeing",
    "reviews_on_time",
    "spend_against_plan_by_category",
    "spend_against_plan_by_management",
)
RULES = (
    f"Counts from 1 to {THRESHOLD - 1} are shown as 'fewer than {THRESHOLD}'; 0 is shown as 0. "
    f"Spend, shares and medians worked out from fewer than {THRESHOLD} plans are 'not shown'. "
    "Where one part of a breakdown is hidden, the next smallest is hidden too. "
    "Dates filter on when each plan was started (identity verified and budget told), both dates included, "
    "in UTC; conversations count from their first message. Spend, management, outcomes and checks cover "
    "submitted and agreed plans; a plan can raise several checks. "
    "Reviews: outcome ratings count the reviews finished in the period, each rated outcome once for each "
    "wellbeing area it touches; reviews on time count the reviews due in the period; spending against the plan "
    "counts the spending on file in the period, against each agreed plan on the days it was in force."
)
_TENTH = Decimal("0.1")


def _tenth(value: Decimal | float) -> str:
    return str(Decimal(str(value)).quantize(_TENTH, rounding=ROUND_HALF_UP))


def _ordered(known: Iterable[str], found: Mapping[str, object]) -> List[str]:
    """The known codes in their usual order, then any others found in the data."""
    known = list(known)
    return known + sorted(key for key in found if key not in known)


def _counts(key: str, counts: Dict[str, int], order: Iterable[str], measure: str = "plans") -> List[Row]:
    hidden = hidden_parts(counts)
    return [{key: code, measure: shown_count(counts.get(code, 0), code in hidden)} for code in _ordered(order, counts)]


def _spending(key: str, groups: Dict[str, Group], order: Iterable[str], items: str) -> List[Row]:
    hidden = hidden_parts({code: group.plans for code, group in groups.items()})
    total = sum(group.weekly_pence for group in groups.values())
    rows = []
    for code in _ordered(order, groups):
        group = groups.get(code, Group(0))
        hide = code in hidden
        share = Decimal(group.weekly_pence * 100) / total if total else Decimal(0)
        rows.append(
            {
                key: code,
                "plans": shown_count(group.plans, hide),
                items: shown_count(group.items, hide or is_small(group.plans)),
                "weekly_spend": shown_figure(money_str(from_pence(group.weekly_pence)), group.plans, hide),
                "share_of_spend_percent": shown_figure(_tenth(share), group.plans, hide),
            }
        )
    return rows


def _outcomes(groups: Dict[str, Group]) -> List[Row]:
    return [
        {"domain": code, "plans": shown_count(group.plans), "outcomes": shown_count(group.items, is_small(group.plans))}
        for code, group in ((code, groups.get(code, Group(0))) for code in _ordered(DOMAINS, groups))
    ]


def _channels(by_channel: Dict[Tuple[str, str], int]) -> List[Row]:
    counts: Dict[str, int] = {}
    for (channel, planned_by), plans in by_channel.items():
        group = "adviser_assisted" if planned_by == "adviser" else "sms" if channel == "sms" else "web"
        counts[group] = counts.get(group, 0) + plans
    return _counts("channel", counts, CHANNELS)


def _checks(plans: int, counts: Dict[str, int]) -> List[Row]:
    """The share of finished plans that raised each check. A plan can raise several, so the rows
    are not parts of one whole: each small count is suppressed on its own."""
    rows = []
    for code in _ordered(CHECKS.codes, counts):
        raised = counts.get(code, 0)
        share = Decimal(raised * 100) / plans if plans else Decimal(0)
        rows.append(
            {
                "check": code,
                "plans": shown_count(raised),
                "share_of_plans_percent": shown_figure(_tenth(share), raised, hide=is_small(plans)),
            }
        )
    return rows


def _median(values: List[float]) -> str:
    return _tenth(median(values)) if len(values) >= THRESHOLD else NOT_SHOWN


def _time_to_submit(submitted: List[Tuple[str, datetime, datetime]], turns: Dict[str, int]) -> List[Row]:
    minutes = [(done - started).total_seconds() / 60 for _, started, done in submitted]
    return [
        {
            "plans": shown_count(len(minutes)),
            "median_minutes": _median(minutes),
            "plans_with_conversations": shown_count(len(turns)),
            "median_turns": _median(list(turns.values())),
        }
    ]


def _funnel(reached: Dict[str, int]) -> List[Row]:
    return [
        {"stage": stage, "step": step, "conversations": shown_count(reached[stage])}
        for step, stage in enumerate(conversation_figures.STAGES, start=1)
    ]


def _ratings(areas: Dict[str, AreaRatings]) -> List[Row]:
    """Each wellbeing area's ratings: a breakdown of its rated outcomes, so one hidden rating hides
    the next smallest; every rating is hidden when fewer than 5 reviews rated the area."""
    rows = []
    for area in _ordered(WELLBEING_AREAS.codes, areas):
        group = areas.get(area, AreaRatings(0, {}))
        hidden = hidden_parts(group.ratings)
        row: Row = {"area": area, "reviews": shown_count(group.reviews)}
        for rating in RATINGS.codes:
            row[rating] = shown_count(group.ratings.get(rating, 0), rating in hidden or is_small(group.reviews))
        rows.append(row)
    return rows


def _against_plan(key: str, groups: Dict[str, SpendGroup], order: Iterable[str]) -> List[Row]:
    hidden = hidden_parts({code: group.plans for code, group in groups.items()})
    rows = []
    for code in _ordered(order, groups):
        group = groups.get(code, SpendGroup())
        hide = code in hidden
        rows.append(
            {
                key: code,
                "plans": shown_count(group.plans, hide),
                "planned_weekly": shown_figure(money_str(group.planned), group.plans, hide),
                "spent_weekly": shown_figure(money_str(group.spent), group.plans, hide),
                "plans_worth_talking_about": shown_count(group.flagged, hide or is_small(group.plans)),
            }
        )
    return rows


def build_report(period: Optional[Period] = None, today: Optional[date] = None) -> Report:
    """Every table of the report for plans started (and conversations begun) in `period` (all time
    if None); review tables by their own dates (see RULES). `today` (UTC) decides what is overdue."""
    period = period or Period()
    today = today or utcnow().date()
    rules = council_rules()
    with session_scope() as session:
        status = plan_figures.plans_by_status(session, period)
        management = plan_figures.spend_by_management(session, period)
        categories = plan_figures.spend_by_category(session, period)
        domains = plan_figures.outcomes_by_domain(session, period)
        channels = plan_figures.plans_by_channel(session, period)
        submitted = plan_figures.submissions(session, period)
        finished, checks = plan_figures.plans_with_checks(session, period)
        ratings = review_figures.ratings_by_area(session, period)
        timeliness = review_figures.review_timeliness(session, period, today, rules)
        spend_kinds, spend_options = review_figures.spend_against_plans(session, period, today, rules)
    turns = conversation_figures.turns_to_submit(submitted)
    return {
        "period": period.as_dict(),
        "rules": RULES,
        "plans_by_status": _counts("status", status, STATUSES.codes),
        "management": _spending("option", management, MANAGEMENT.codes, "services"),
        "service_categories": _spending("category", categories, CATEGORIES.codes, "services"),
        "outcomes_by_domain": _outcomes(domains),
        "channels": _channels(channels),
        "checks": _checks(finished, checks),
        "verification_to_submission": _time_to_submit(submitted, turns),
        "funnel": _funnel(conversation_figures.funnel(period)),
        "outcome_ratings_by_wellbeing": _ratings(ratings),
        "reviews_on_time": _counts("timeliness", timeliness, TIMELINESS.codes, measure="reviews"),
        "spend_against_plan_by_category": _against_plan("category", spend_kinds, CATEGORIES.codes),
        "spend_against_plan_by_management": _against_plan("option", spend_options, MANAGEMENT.codes),
    }
