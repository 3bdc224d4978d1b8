"""The adviser console shows what a council needs to sign a plan off (issue 15): communication needs
and a wish for an advocate near the top, before anything else about the plan, who took part, the
copy route, the direct payment, the checks raised and the needs not met yet; the plans list tags
plans with checks raised."""

from __future__ import annotations

import re
from typing import Dict

import pytest
from aiohttp.test_utils import TestClient

from bot.plans import service
from bot.plans.catalogue import CHECKS, NEEDS
from tests.support.advisers import sign_in
from tests.support.plans import make_plan, make_sign_off_plan

pytestmark = pytest.mark.asyncio


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def summary(page: str) -> Dict[str, str]:
    """The 'Before you contact them' list as {key: value} in words."""
    block = page.split('id="before-contact-heading"', 1)[1].split("</dl>", 1)[0]
    pairs = re.findall(r"<dt[^>]*>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", block, re.S)
    return {words(key): words(value) for key, value in pairs}


async def test_a_plan_page_shows_what_the_council_signs_off(
    client: TestClient, advisers: Dict[str, int], demo_person: str
) -> None:
    ref = make_sign_off_plan(demo_person, "web-s")
    service.set_copy_route(ref, "post")
    await sign_in(client)
    page = await (await client.get(f"/adviser/plans/{ref}")).text()
    plan_part = page[page.index('id="live-plan"') :]
    # communication needs and the advocate are the first things said about the plan
    alert = plan_part.index('id="communication-alert"')
    assert alert < plan_part.index("Before you contact them") < plan_part.index("My personal budget")
    assert "Give this person information in these ways: large print, another language (Polish)." in words(plan_part)
    assert plan_part.index('id="advocacy-alert"') < plan_part.index("My personal budget")
    assert summary(page) == {
        "Communication needs": "large print, another language (Polish)",
        "Independent advocate": "Asked for one",
        "Who took part": "The person; Sue (daughter)",
        "Their copy of the plan": "by post",
        "Direct payment": "£840.00 every 4 weeks, paid to a nominated person (s.31)",
        "Checks raised": f"{CHECKS['living_wage'].label} (support 1) {CHECKS['family_payment'].label} (support 1)",
        "Needs not met yet": NEEDS["community"].document_words,
    }
    # the plan itself, with the checks' messages and the needs table
    assert "less than the National Living Wage" in plan_part and "Not met yet." in plan_part
    live = await (await client.get(f"/adviser/plans/{ref}/live")).json()
    assert 'id="communication-alert"' in live["plan_html"]


async def test_a_plan_not_yet_asked_says_so(client: TestClient, advisers: Dict[str, int], demo_person: str) -> None:
    ref = make_plan(demo_person, "web-x")
    await sign_in(client)
    page = await (await client.get(f"/adviser/plans/{ref}")).text()
    assert 'id="communication-alert"' not in page and 'id="advocacy-alert"' not in page
    assert summary(page) == {
        "Communication needs": "Not asked yet",
        "Independent advocate": "Not asked for",
        "Who took part": "Not recorded",
        "Their copy of the plan": "Not asked yet",
        "Direct payment": "£1,000.00 every 4 weeks, paid to not decided yet",
        "Checks raised": "None",
        "Needs not met yet": "No assessed needs were sent with the budget",
    }


async def test_a_question_skipped_says_so(client: TestClient, advisers: Dict[str, int], demo_person: str) -> None:
    ref = make_plan(demo_person, "web-k")
    service.skip_question(ref, "paid_to")
    service.skip_question(ref, "communication_needs")
    await sign_in(client)
    said = summary(await (await client.get(f"/adviser/plans/{ref}")).text())
    assert said["Communication needs"] == "Skipped: to talk about with them"
    assert said["Direct payment"] == "£1,000.00 every 4 weeks, paid to skipped: to talk about with them"


async def test_the_plans_list_tags_plans_with_checks(
    client: TestClient, advisers: Dict[str, int], demo_person: str
) -> None:
    checked = make_sign_off_plan(demo_person, "web-s")
    plain = make_plan("PB-100235", "web-p", submit=True)
    await sign_in(client)
    page = await (await client.get("/adviser/")).text()
    listed = page[page.index("Plans by status") :]
    rows = {ref: listed.split(f">{ref}<", 1)[1].split("</tr>", 1)[0] for ref in (checked, plain)}
    assert "Checks raised: 2" in rows[checked] and "Wants an advocate" in rows[checked]
    assert "Checks raised" not in rows[plain] and "None" in rows[plain]
    # the queue holds the plan that asked for an advocate, with its tag
    queue = page[: page.index("Find a plan by reference")]
    assert checked in queue and "Checks raised: 2" in queue
