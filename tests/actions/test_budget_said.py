"""The budget said honestly (issue 15 item 2): with the council's share and the person's own when
a contribution is assessed, and always that it is the council's estimate to plan with."""

from __future__ import annotations

import pytest

from actions.plan import ActionNextSection
from bot.answers.trackers import run, tracker
from bot.db.session import session_scope
from bot.identity import find_person

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

VERIFIED = {"verified": True, "person_reference": "PB-100234", "person_name": "Sam", "welcomed": True}


def assess_contribution(pence: int) -> None:
    with session_scope() as session:
        person = find_person(session, "PB-100234")
        assert person is not None and person.budget is not None
        person.budget.contribution_pence = pence


async def test_a_contribution_is_told_with_the_split(demo) -> None:
    assess_contribution(4000)  # £40 a week of the £250

    out = await run(ActionNextSection(), tracker({**VERIFIED, "planned_by": "self"}, latest_action="identity_form"))

    assert out.responses[:2] == ["utter_budget_split", "utter_budget_estimate"]
    said = out.said("utter_budget_split")
    assert (said["weekly"], said["council_weekly"], said["contribution_weekly"], said["annual"]) == (
        "£250.00",
        "£210.00",
        "£40.00",
        "£13,000.00",
    )
    assert out.slots["current_section"] == "important"


async def test_a_supporter_hears_it_with_the_persons_name(demo) -> None:
    assess_contribution(4000)

    out = await run(
        ActionNextSection(), tracker({**VERIFIED, "planned_by": "supporter"}, latest_action="identity_form")
    )

    assert out.said("utter_budget_split")["person_name"] == "Sam"


async def test_without_a_contribution_the_budget_is_said_as_before_and_called_an_estimate(demo) -> None:
    out = await run(ActionNextSection(), tracker({**VERIFIED, "planned_by": "self"}, latest_action="identity_form"))

    assert out.responses[:2] == ["utter_budget", "utter_budget_estimate"]
    assert out.said("utter_budget")["weekly"] == "£250.00"


async def test_a_contribution_of_nothing_is_not_told_as_a_split(demo) -> None:
    assess_contribution(0)

    out = await run(ActionNextSection(), tracker({**VERIFIED, "planned_by": "self"}, latest_action="identity_form"))

    assert out.responses[:2] == ["utter_budget", "utter_budget_estimate"]
