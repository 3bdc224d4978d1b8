"""The report's review and spending tables (issue 16 item 6) from a known set of reviews made by the
record API, on SQLite and PostgreSQL: outcome ratings by wellbeing area, reviews on time, and planned
against actual spend by kind of support and by management option, with small numbers suppressed, in
the CLI's JSON and CSV and on the Reporting page.

The set (tests/support/reviews.py's plan: outcome 1 "Go swimming every week" touches participation;
outcome 2 "Cook my own meals" touches health and control; a PA £90 and swimming £100 a week; a
direct payment), 8 people, every plan agreed on 7 September 2026, so the first review is due on
2 November 2026:
- people 1-5 reviewed on 30 October (on time): swimming much better; cooking a bit better (1-3) or
  no change (4-5); person 6 reviewed on 10 November (late): swimming worse, cooking no change;
- person 7 never reviewed (overdue on TODAY); person 8 agreed on 18 January 2027 (not due yet);
- spending for 4 weeks from 7 September for people 1-6: as planned, except person 5 (£60 on the PA)
  and person 6 (nothing on swimming).
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Dict

import pytest
from aiohttp.test_utils import TestClient

from bot.cli import main
from bot.plans.catalogue import CATEGORIES, MANAGEMENT, RATINGS, WELLBEING_AREAS
from bot.reporting.labels import MEASURES, group_label
from bot.reporting.period import Period
from bot.reporting.report import build_report
from bot.reporting.review_figures import TIMELINESS
from tests.support.advisers import MANAGER_PASSWORD, advisers, sign_in  # noqa: F401  (fixtures)
from tests.support.html_tables import table_rows
from tests.support.reviews import add_people, agreed_plan, review, spend
from tests.support.web_app import client, rasa  # noqa: F401  (fixtures)

F5, HIDDEN = "fewer than 5", "not shown"
TODAY = date(2027, 3, 1)
AGREED = date(2026, 9, 7)
PEOPLE = [f"PB-3000{n:02d}" for n in range(1, 9)]
#: words that must never be in a report: references, outcomes, the person's words
PERSONAL = ("PB-3", "SP-", "swimming", "Cook", "pool", "Robin")


def _reviews() -> None:
    """The set above, made once per backend (the `prepared` fixture)."""
    with tempfile.TemporaryDirectory() as folder:
        add_people(Path(folder), PEOPLE)
    for n, person in enumerate(PEOPLE, 1):
        agreed_plan(person, AGREED if n < 8 else date(2027, 1, 18), f"web-{n}")
    for n, person in enumerate(PEOPLE[:5], 1):
        cooking = "a_bit_better" if n <= 3 else "no_change"
        review(person, {1: "much_better", 2: cooking}, finished_on=date(2026, 10, 30), words={1: "The pool is great"})
    review(PEOPLE[5], {1: "worse", 2: "no_change"}, finished_on=date(2026, 11, 10))
    weeks = [AGREED + timedelta(days=6 + 7 * k) for k in range(4)]
    for n, person in enumerate(PEOPLE[:6], 1):
        planned = {"personal_assistant": 9000 if n != 5 else 6000, "activities": 10000 if n != 6 else 0}
        spend(person, [(day, pence, kind) for day in weeks for kind, pence in planned.items() if pence], f"p{n}")


@pytest.fixture
def reviewed(database: str, prepared: Callable[[Callable[[], None]], None]) -> str:
    prepared(_reviews)
    return database


def rows(report: dict, table: str) -> Dict[str, dict]:
    return {next(iter(row.values())): dict(list(row.items())[1:]) for row in report[table]}


def test_outcome_ratings_by_wellbeing_area(reviewed: str) -> None:
    report = rows(build_report(Period(), TODAY), "outcome_ratings_by_wellbeing")
    # swimming: 5 much better and 1 worse; the worse is small, so the next smallest is hidden too
    assert report.pop("participation") == {
        "reviews": 6,
        "much_better": HIDDEN,
        "a_bit_better": 0,
        "no_change": 0,
        "worse": F5,
    }
    cooking = {"reviews": 6, "much_better": 0, "a_bit_better": F5, "no_change": F5, "worse": 0}
    assert report.pop("health_emotional") == cooking and report.pop("control") == cooking
    empty = {"reviews": 0, "much_better": 0, "a_bit_better": 0, "no_change": 0, "worse": 0}
    assert report == {area: empty for area in report} and len(report) == 6
    # only the late review was finished in November: too few reviews to show any rating
    november = rows(build_report(Period(date(2026, 11, 1), date(2026, 11, 30)), TODAY), "outcome_ratings_by_wellbeing")
    assert november["participation"] == {
        "reviews": F5,
        "much_better": 0,
        "a_bit_better": 0,
        "no_change": 0,
        "worse": F5,
    }


def test_reviews_on_time_late_and_overdue(reviewed: str) -> None:
    expected = {"on_time": {"reviews": 5}, "late": {"reviews": F5}, "overdue": {"reviews": F5}}
    assert rows(build_report(Period(), TODAY), "reviews_on_time") == expected
    assert rows(build_report(Period(date(2026, 11, 2), date(2026, 11, 2)), TODAY), "reviews_on_time") == expected
    # before the first review was due, nothing was overdue; later dates have no review due yet
    assert rows(build_report(Period(), date(2026, 11, 2)), "reviews_on_time")["overdue"] == {"reviews": 0}
    later = rows(build_report(Period(date(2026, 11, 3)), TODAY), "reviews_on_time")
    assert later == {"on_time": {"reviews": 0}, "late": {"reviews": 0}, "overdue": {"reviews": 0}}


def test_planned_against_actual_spend(reviewed: str) -> None:
    report = build_report(Period(), TODAY)
    categories = rows(report, "spend_against_plan_by_category")
    assert categories.pop("personal_assistant") == {
        "plans": 6,
        "planned_weekly": "540.00",
        "spent_weekly": "510.00",
        "plans_worth_talking_about": F5,
    }
    assert categories.pop("activities") == {
        "plans": 6,
        "planned_weekly": "600.00",
        "spent_weekly": "500.00",
        "plans_worth_talking_about": F5,
    }
    zero = {"plans": 0, "planned_weekly": "0.00", "spent_weekly": "0.00", "plans_worth_talking_about": 0}
    assert categories == {code: zero for code in categories}
    options = rows(report, "spend_against_plan_by_management")
    assert options.pop("direct_payment") == {
        "plans": 6,
        "planned_weekly": "1140.00",
        "spent_weekly": "1010.00",
        "plans_worth_talking_about": F5,
    }
    assert options == {code: zero for code in options}
    # the first two weeks only: the same spending a week
    fortnight = rows(build_report(Period(AGREED, AGREED + timedelta(days=13)), TODAY), "spend_against_plan_by_category")
    assert fortnight["personal_assistant"]["spent_weekly"] == "510.00"


def test_the_cli_report_has_the_tables_in_every_format(reviewed: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["--database", reviewed, "report", "--format", "json"]) == 0
    out = capsys.readouterr().out
    report = json.loads(out)
    assert report["reviews_on_time"][0] == {"timeliness": "on_time", "reviews": 5}
    assert "Reviews:" in report["rules"] and not [word for word in PERSONAL if word in out]
    assert main(["--database", reviewed, "report", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    lines = list(csv.reader(io.StringIO(out)))
    assert ["outcome_ratings_by_wellbeing", "participation", "much_better", "not shown"] in lines
    assert ["reviews_on_time", "late", "reviews", "fewer than 5"] in lines
    assert ["spend_against_plan_by_management", "direct_payment", "spent_weekly", "1010.00"] in lines
    assert not [word for word in PERSONAL if word in out]


async def test_the_reporting_page_shows_the_tables(reviewed: str, client: TestClient, advisers: Dict[str, int]) -> None:
    await sign_in(client, "max@council.example", MANAGER_PASSWORD)
    page = await (await client.get("/adviser/reporting")).text()
    ratings = table_rows(page, "outcome ratings at reviews by wellbeing area")
    assert ratings["Work, learning, training or things I enjoy"] == ["6", "not shown", "0", "0", "fewer than 5"]
    header = page.split("Table: outcome ratings at reviews by wellbeing area", 1)[1].split("</thead>", 1)[0]
    for words in ("Wellbeing area", "Reviews", "Much better", "A bit better", "No change", "Worse"):
        assert f">{words}</th>" in header
    on_time = table_rows(page, "reviews due, done on time or not")
    assert on_time == {
        "Done by the date it was due": ["5"],
        "Done after the date it was due": ["fewer than 5"],
        "Overdue, not done yet": ["fewer than 5"],
    }
    kinds = table_rows(page, "planned against actual spend a week by kind of support")
    assert kinds["Personal assistant"] == ["6", "£540.00", "£510.00", "fewer than 5"]
    options = table_rows(page, "planned against actual spend a week by how the budget is managed")
    assert options["Direct payment"] == ["6", "£1,140.00", "£1,010.00", "fewer than 5"]
    assert not [word for word in PERSONAL if word in page]


def test_the_review_tables_cover_exactly_the_catalogue_with_its_labels(database: str) -> None:
    report = build_report()
    areas = report["outcome_ratings_by_wellbeing"]
    assert [row["area"] for row in areas] == list(WELLBEING_AREAS.codes)
    assert list(areas[0])[2:] == list(RATINGS.codes)
    for area in WELLBEING_AREAS:
        assert group_label("outcome_ratings_by_wellbeing", area.code).lower() == area.label.lower()
    for rating in RATINGS:
        assert MEASURES[rating.code] == rating.label
    assert [row["category"] for row in report["spend_against_plan_by_category"]] == list(CATEGORIES.codes)
    assert [row["option"] for row in report["spend_against_plan_by_management"]] == list(MANAGEMENT.codes)
    assert [row["timeliness"] for row in report["reviews_on_time"]] == list(TIMELINESS.codes)
