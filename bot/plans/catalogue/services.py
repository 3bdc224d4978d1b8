"""The kinds of support a plan can hold (DESIGN §5) and the periods a cost or budget is given per."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Dict, Optional

from bot.plans.catalogue.terms import Term, Vocabulary


@dataclass(frozen=True)
class Category(Term):
    """`report_label`: the Reporting page's label; `hourly`: paid by the hour (hours and a rate are asked)."""

    report_label: str = ""
    hourly: bool = False


CATEGORIES: Vocabulary[Category] = Vocabulary(
    Category(
        "personal_assistant",
        (
            "a personal assistant",
            "personal assistant",
            "pa",
            "p.a.",
            "carer i employ",
            "employ",
            "my own carer",
            "assistant",
        ),
        report_label="Personal assistant",
        hourly=True,
    ),
    Category(
        "home_care_agency",
        (
            "a home care agency",
            "home care agency",
            "home care",
            "agency",
            "care agency",
            "carers",
            "care worker",
            "domiciliary",
        ),
        report_label="Home care agency",
        hourly=True,
    ),
    Category(
        "day_opportunities",
        (
            "day activities",
            "day opportunities",
            "day centre",
            "day center",
            "day service",
            "day care",
            "day opportunity",
        ),
        report_label="Day opportunities",
    ),
    Category(
        "short_breaks",
        ("short breaks", "short break", "respite", "a break", "holiday", "overnight stay"),
        report_label="Short breaks",
    ),
    Category(
        "equipment",
        (
            "equipment",
            "aids",
            "hoist",
            "wheelchair",
            "walking frame",
            "grab rail",
            "bath seat",
            "mobility aid",
        ),
        report_label="Equipment",
    ),
    Category(
        "assistive_technology",
        (
            "technology for home",
            "assistive technology",
            "technology",
            "tech",
            "alarm",
            "pendant",
            "sensor",
            "tablet",
            "careline",
            "telecare",
            "smart speaker",
            "alexa",
        ),
        report_label="Assistive technology",
    ),
    Category(
        "transport",
        ("transport", "taxi", "cab", "travel", "bus pass", "lift", "driver", "car"),
        report_label="Transport",
    ),
    Category(
        "activities",
        (
            "clubs and activities",
            "activities",
            "activity",
            "club",
            "classes",
            "class",
            "gym",
            "swimming",
            "hobby",
            "sport",
            "course",
            "membership",
        ),
        report_label="Clubs and activities",
    ),
    Category(
        "other",
        ("something else", "other", "anything else", "none of these", "something different"),
        report_label="Other",
    ),
)


@dataclass(frozen=True)
class Period(Term):
    """`paid`: how often an amount is paid, said back to check it ("£30, paid each month");
    `weeks`: how many weeks one period covers, for the periods a budget can be given per (DESIGN §5)."""

    paid: str = ""
    weeks: Optional[Fraction] = None


WEEK = Period("week", ("a week", "week", "weekly", "per week", "wk", "pw"), paid="each week", weeks=Fraction(1))
MONTH = Period(
    "month", ("a month", "month", "monthly", "per month", "pcm", "pm"), paid="each month", weeks=Fraction(52, 12)
)
YEAR = Period(
    "year",
    ("a year", "year", "yearly", "annual", "annually", "per year", "pa", "per annum"),
    paid="each year",
    weeks=Fraction(52),
)
VISIT = Period(
    "visit",
    (
        "each time",
        "every time",
        "per visit",
        "visit",
        "session",
        "a session",
        "a day",
        "per day",
        "each visit",
        "a go",
        "per trip",
        "trip",
    ),
    paid="each time it is used",
)
FOUR_WEEKS = Period(
    "4 weeks",
    (
        "every 4 weeks",
        "4 weeks",
        "four weeks",
        "every four weeks",
        "4 weekly",
        "four weekly",
        "4-weekly",
        "four-weekly",
    ),
    paid="every 4 weeks",
    weeks=Fraction(4),
)
HOUR = Period("hour", ("an hour", "hour", "hourly", "per hour", "ph"), paid="for each hour")
ONE_OFF = Period("one-off", ("one-off", "one off", "once", "one time", "just once", "single payment"), paid="just once")

#: what a service's cost can be given per, in the order of utter_ask_service_cost_period's buttons
COST_PERIODS: Vocabulary[Period] = Vocabulary(WEEK, MONTH, YEAR, VISIT, FOUR_WEEKS, HOUR, ONE_OFF)
#: what a budget can be given per (DESIGN §4, and the budgets table's CHECK constraint)
BUDGET_PERIODS: Vocabulary[Period] = Vocabulary(WEEK, FOUR_WEEKS, MONTH, YEAR)
#: a budget's period in words: "£1,000.00 every 4 weeks"
PERIOD_WORDS: Dict[str, str] = BUDGET_PERIODS.labels(lambda period: period.label)
