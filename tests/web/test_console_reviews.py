"""The console's reviews queue and a plan's Reviews and Spending parts (issue 16 item 5), through the
real aiohttp app on SQLite and PostgreSQL, with plans and reviews made by the record API
(tests/support/reviews.py)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Callable, Dict, List

import pytest
from aiohttp.test_utils import TestClient

from bot.db.models import utcnow
from bot.reviews import record
from bot.reviews.queue import REASONS, reviews_queue
from tests.support.advisers import sign_in
from tests.support.html_tables import cell_text, table_by_id
from tests.support.plans import make_plan
from tests.support.reviews import agreed_plan, review, review_scenario

#: what the reviews queue must never show: names, the person's words, outcomes and services
PERSONAL = ("Sam", "Priya", "Gareth", "Margaret", "pool shut", "moved house", "More hours", "swimming", "PA to help")


def _scenario() -> Dict[str, str]:
    return review_scenario(utcnow().date())


@pytest.fixture
def plans(demo_person: str, prepared: Callable[[Callable[[], Dict[str, str]]], Dict[str, str]]) -> Dict[str, str]:
    return prepared(_scenario)


def test_the_queue_lists_due_overdue_needing_a_person_and_done(plans: Dict[str, str]) -> None:
    queue = reviews_queue(utcnow().date())
    assert [(row.due.plan_reference, row.days_overdue) for row in queue.overdue] == [(plans["overdue"], 14)]
    [due] = queue.due
    assert (due.due.plan_reference, due.in_progress, due.reasons) == (plans["due"], True, ("safeguarding",))
    needs = {row.plan_reference: row.reasons for row in queue.needs_person}
    assert needs == {plans["needs"]: ("worse", "life_changes", "spending"), plans["due"]: ("safeguarding",)}
    assert [row.plan_reference for row in queue.done] == [plans["needs"], plans["twice"]]  # newest first
    assert [row.new_plan_reference for row in queue.done] == [plans["new_version"], None]
    assert queue.done[1].reasons == ()  # spending as planned, better outcomes


def test_asking_for_a_person_is_a_reason_on_its_own(demo_person: str) -> None:
    today = utcnow().date()
    agreed_plan(demo_person, today - timedelta(weeks=9))
    asked = review(demo_person, {1: "much_better"})
    record.set_needs_person(asked.id, True)
    [row] = reviews_queue(today).needs_person
    assert row.reasons == ("asked",) and row.status == "in_progress"


async def test_the_reviews_page(plans: Dict[str, str], client: TestClient, advisers: Dict[str, int]) -> None:
    await sign_in(client)
    home = await (await client.get("/adviser/")).text()
    assert 'href="/adviser/reviews"' in home
    response = await client.get("/adviser/reviews")
    page = await response.text()
    assert response.status == 200 and 'aria-current="page">Reviews' in page
    [overdue] = table_by_id(page, "overdue")
    assert overdue[:3] == [plans["overdue"], "PB-100234", "Direct payment"]
    assert overdue[3] == "First review" and "14 days overdue" in overdue[4] and overdue[5] == "None"
    [due] = table_by_id(page, "due")
    assert due[0] == plans["due"] and "Review started" in due[3] and due[5] == "Safeguarding concern"
    needs = {row[0]: row for row in table_by_id(page, "needs-person")}
    assert needs[plans["needs"]][3] == plans["new_version"]
    assert needs[plans["needs"]][4] == " ".join(REASONS[code].label for code in ("worse", "life_changes", "spending"))
    assert needs[plans["due"]][2].startswith("Being reviewed") and needs[plans["due"]][3] == "None: nothing changed"
    done = table_by_id(page, "done")
    assert [row[0] for row in done] == [plans["needs"], plans["twice"]] and done[1][4] == "None"
    assert "worth talking about" in page and "blame" not in page.lower()
    assert not [word for word in PERSONAL if word in page]


async def test_a_plan_with_reviews_and_spending(
    plans: Dict[str, str], client: TestClient, advisers: Dict[str, int]
) -> None:
    await sign_in(client)
    page = await (await client.get(f"/adviser/plans/{plans['twice']}")).text()
    ratings = table_by_id(page, "ratings-over-time")
    assert ratings == [
        ["Go swimming every week", "No change", "Much better"],
        ["Cook my own meals", "No change", "A bit better"],
    ]
    header = page.split('id="ratings-over-time"', 1)[1].split("</thead>", 1)[0]
    assert header.count('scope="col"') == 3  # the outcome, then each review's date
    spending = table_by_id(page, "spending-table")
    assert spending == [
        ["Personal assistant", "£90.00", "£90.00", "About the same as planned on a personal assistant."],
        ["Clubs and activities", "£100.00", "£100.00", "About the same as planned on clubs and activities."],
    ]
    assert "Worth talking about" not in page

    page = await (await client.get(f"/adviser/plans/{plans['needs']}")).text()
    assert table_by_id(page, "ratings-over-time") == [
        ["Go swimming every week", "Worse"],
        ["Cook my own meals", "A bit better"],
    ]
    assert "“The pool shut”" in page and "I moved house" in page and "More hours with my PA" in page
    review = page.split('class="govuk-summary-card"', 1)[1]
    services = re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', review, re.S)
    pa = cell_text(services[1])
    assert pa.startswith("A PA to help me cook") and "Cost changed" in pa and "£90.00 £120.00" in pa
    assert plans["new_version"] in review and "An outcome is worse" in review
    assert table_by_id(page, "spending-table") == [
        [
            "Personal assistant",
            "£90.00",
            "£60.00",
            "About £30 a week less than planned on a personal assistant. Worth talking about",
        ],
        [
            "Clubs and activities",
            "£100.00",
            "£0.00",
            "About £100 a week less than planned on clubs and activities. Worth talking about",
        ],
    ]

    page = await (await client.get(f"/adviser/plans/{plans['overdue']}")).text()
    assert "This plan has not been reviewed yet." in page and "No spending on file for this plan yet." in page
    page = await (await client.get(f"/adviser/plans/{plans['new_version']}")).text()
    assert (
        "compared with the agreed plan it replaces, <a" in page
        and table_by_id(page, "spending-table")[0][2] == "£60.00"
    )
    assert table_by_id(page, "ratings-over-time")[0] == [
        "Go swimming every week",
        "Worse",
    ]  # the reviews of every version


async def test_a_plan_not_agreed_has_no_spending_to_compare(
    client: TestClient, advisers: Dict[str, int], demo_person: str
) -> None:
    draft = make_plan(demo_person, "web-draft")
    await sign_in(client)
    page = await (await client.get(f"/adviser/plans/{draft}")).text()
    assert "Spending is compared with a plan once it is agreed." in page and "not been reviewed yet" in page


async def test_the_reviews_page_needs_a_login(client: TestClient, advisers: Dict[str, int]) -> None:
    assert (await client.get("/adviser/reviews", allow_redirects=False)).status == 303
