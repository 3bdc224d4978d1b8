"""Every figure of the report from the known set of plans and conversations (conftest.py), on
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from bot.reporting.period import Period
from bot.reporting.report import build_report
from tests.support.known_data import MARCH

F5, HIDDEN = "fewer than 5", "not shown"
ZERO_SPEND = {"plans": 0, "services": 0, "weekly_spend": "0.00", "share_of_spend_percent": "0.0"}
ZERO_OUTCOMES = {"plans": 0, "outcomes": 0}


def rows(report: dict, table: str) -> dict:
    """A table as {group code: the rest of its row}."""
    return {next(iter(row.values())): dict(list(row.items())[1:]) for row in report[table]}


def test_plans_by_status(known_data: str) -> None:
    assert rows(build_report(MARCH), "plans_by_status") == {
        "draft": {"plans": 6},
        "submitted": {"plans": 8},
        "agreed": {"plans": 5},
    }


def test_spend_by_management_option_hides_small_groups_and_the_next_smallest(known_data: str) -> None:
    assert rows(build_report(MARCH), "management") == {
        "direct_payment": {"plans": 6, "services": 13, "weekly_spend": "690.00", "share_of_spend_percent": "69.7"},
        "payment_card": {"plans": HIDDEN, "services": HIDDEN, "weekly_spend": HIDDEN, "share_of_spend_percent": HIDDEN},
        "council_managed": {"plans": F5, "services": F5, "weekly_spend": HIDDEN, "share_of_spend_percent": HIDDEN},
        "individual_service_fund": ZERO_SPEND,
        "third_party": ZERO_SPEND,
        "mixed": ZERO_SPEND,
    }


def test_spend_by_service_category(known_data: str) -> None:
    zero = {c: ZERO_SPEND for c in ("day_opportunities", "short_breaks", "equipment", "assistive_technology", "other")}
    assert rows(build_report(MARCH), "service_categories") == {
        "personal_assistant": {"plans": 6, "services": 7, "weekly_spend": "630.00", "share_of_spend_percent": "63.6"},
        "home_care_agency": {"plans": F5, "services": F5, "weekly_spend": HIDDEN, "share_of_spend_percent": HIDDEN},
        "transport": {"plans": 6, "services": 6, "weekly_spend": "60.00", "share_of_spend_percent": "6.1"},
        "activities": {"plans": HIDDEN, "services": HIDDEN, "weekly_spend": HIDDEN, "share_of_spend_percent": HIDDEN},
        **zero,
    }


def test_outcomes_by_wellbeing_domain_count_finished_plans_only(known_data: str) -> None:
    report = rows(build_report(MARCH), "outcomes_by_domain")
    assert report.pop("community") == {"plans": 13, "outcomes": 13}
    assert report.pop("nutrition") == {"plans": 6, "outcomes": 7}
    assert report.pop("toileting") == {"plans": F5, "outcomes": F5}
    assert report == {code: ZERO_OUTCOMES for code in report} and len(report) == 8


def test_channel_mix(known_data: str) -> None:
    assert rows(build_report(MARCH), "channels") == {
        "web": {"plans": 9},
        "sms": {"plans": HIDDEN},
        "adviser_assisted": {"plans": F5},
    }


def test_share_of_finished_plans_with_each_check(known_data: str) -> None:
    # 6 of the 13 finished plans raised the living-wage check (a plan raising it twice counts once);
    # 2 paid a relative (a small count: no share); the drafts' checks and February's are not counted
    assert rows(build_report(MARCH), "checks") == {
        "living_wage": {"plans": 6, "share_of_plans_percent": "46.2"},
        "family_payment": {"plans": F5, "share_of_plans_percent": HIDDEN},
        "care_home": {"plans": 0, "share_of_plans_percent": "0.0"},
        "in_house_service": {"plans": 0, "share_of_plans_percent": "0.0"},
        "card_cash": {"plans": 0, "share_of_plans_percent": "0.0"},
    }
    everything = rows(build_report(Period()), "checks")
    assert everything["living_wage"] == {"plans": 6, "share_of_plans_percent": "40.0"}
    assert everything["care_home"] == {"plans": F5, "share_of_plans_percent": HIDDEN}


def test_checks_from_fewer_than_5_finished_plans_show_no_share(known_data: str) -> None:
    # 31 March: one draft, no finished plan; 1 to 3 March: 3 finished plans, each with the living-wage check
    assert {
        row["share_of_plans_percent"] for row in build_report(Period(date(2026, 3, 31), date(2026, 3, 31)))["checks"]
    } == {"0.0"}
    first_days = rows(build_report(Period(date(2026, 3, 1), date(2026, 3, 3))), "checks")
    assert first_days["living_wage"] == {"plans": F5, "share_of_plans_percent": HIDDEN}
    assert first_days["card_cash"] == {"plans": 0, "share_of_plans_percent": HIDDEN}


def test_median_time_and_turns_from_verification_to_submission(known_data: str) -> None:
    assert build_report(MARCH)["verification_to_submission"] == [
        {"plans": 13, "median_minutes": "35.0", "plans_with_conversations": 12, "median_turns": "13.5"},
    ]


def test_drop_off_funnel(known_data: str) -> None:
    funnel = build_report(MARCH)["funnel"]
    assert [row["step"] for row in funnel] == list(range(1, 11))
    assert {row["stage"]: row["conversations"] for row in funnel} == {
        "welcome": 26,
        "identity": 24,
        "budget": 18,
        "important": 18,
        "outcomes": 18,
        "services": 16,
        "management": 15,
        "contingency": 12,
        "review": 12,
        "submitted": 12,
    }


def test_without_dates_every_plan_counts(known_data: str) -> None:
    report = build_report(Period())
    assert rows(report, "plans_by_status")["submitted"] == {"plans": 10}
    management = rows(report, "management")
    # two small groups hide each other, so the group of 5 is shown
    assert management["payment_card"] == {
        "plans": 5,
        "services": 5,
        "weekly_spend": "100.00",
        "share_of_spend_percent": "5.0",
    }
    assert management["mixed"] == {
        "plans": F5,
        "services": F5,
        "weekly_spend": HIDDEN,
        "share_of_spend_percent": HIDDEN,
    }
    assert management["direct_payment"]["share_of_spend_percent"] == "34.7"
    assert report["funnel"][0] == {"stage": "welcome", "step": 1, "conversations": 27}


def test_a_day_with_one_conversation(known_data: str) -> None:
    report = build_report(Period(date(2026, 2, 20), date(2026, 2, 20)))
    assert [row["conversations"] for row in report["funnel"]] == ["fewer than 5", "fewer than 5"] + [0] * 8
    assert report["verification_to_submission"] == [
        {"plans": 0, "median_minutes": HIDDEN, "plans_with_conversations": 0, "median_turns": HIDDEN},
    ]
    assert all(row["plans"] == 0 for row in report["plans_by_status"] + report["management"])


def test_an_empty_database_with_no_conversations_stored(database: str) -> None:
    report = build_report()
    assert [row["conversations"] for row in report["funnel"]] == [0] * 10
    assert report["period"] == {"from": None, "to": None}
