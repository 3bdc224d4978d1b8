"""A whole plan over the REST channel, typed as a person would, from greeting to submission;
then the exported plan JSON is checked against what was said."""

from __future__ import annotations

import json

import pytest

from tests.support.chat import Chat, expect
from tests.support.servers import Servers

pytestmark = pytest.mark.e2e


def test_a_whole_plan_from_greeting_to_submission(servers: Servers, chat: Chat) -> None:
    reply = chat.say("Hi there")
    expect(reply, "personal budget", "Who is making this plan")
    expect(chat.say("it's just me"), "reference number")
    expect(chat.say("my reference is pb-100234"), "date of birth")

    reply = chat.say("3rd April 1956")
    # The budget comes first, before any planning question.
    expect(reply, "Sam", "£250.00 a week", "£13,000.00 a year", "important to you")
    assert reply.lower().index("£250.00") < reply.lower().index("important to you")

    expect(chat.say("My garden, my cat Tilly and seeing my grandchildren"), "written that down", "change")
    expect(chat.say("I want to get out to the shops on my own"), "added", "anything else")
    expect(chat.say("to have a shower every morning without being scared of falling"), "added")
    expect(chat.say("no that's all"), "What kind of support")

    expect(chat.say("a personal assistant"), "Tell me a little about it")
    expect(chat.say("someone to help me get washed and dressed in the mornings"), "hours a week")
    expect(chat.say("an hour each morning"), "each hour")
    reply = chat.say("£15 an hour")
    expect(
        reply,
        "£105.00 a week",
        "So far you've planned £105.00",
        "£145.00 a week left",
        "Which of your outcomes",
        "1. I want to get out to the shops on my own.",
    )
    # A correction while another question is open changes the recorded service.
    expect(
        chat.say("actually make that 8 hours"),
        "changed",
        "£120.00 a week",
        "£130.00 a week left",
        "Which of your outcomes",
    )
    expect(chat.say("the shower one"), "helps with", "shower", "another")

    expect(chat.say("yes please"), "What kind of support")
    expect(chat.say("a taxi to the shops on Saturdays"), "How much will it cost")
    expect(chat.say("£20 each time"), "How many times a week")
    expect(chat.say("once a week"), "£20.00 a week", "£140.00", "£110.00 a week left", "Which of your outcomes")
    expect(chat.say("1"), "helps with", "shops", "another")
    expect(chat.say("nope, that's everything"), "How would you like the money to be managed")

    reply = chat.say("a direct payment please")
    expect(reply, "direct payment", "The council will pay £1,000.00 every 4 weeks", "Who should the money be paid to")
    expect(chat.say("to me"), "doesn't turn up")
    expect(
        chat.say("My daughter Jane can come round, or I'd ring the agency"), "Do you need information in another way"
    )
    reply = chat.say("no, this way is fine")
    expect(reply, "Here is your plan", "garden", "shops", "£140.00", "direct payment", "Jane", "Is this right")
    expect(
        chat.say("Actually remove the taxi"),
        "taken a taxi to the shops on Saturdays out",
        "£120.00 a week",
        "Is this right",
    )

    reply = chat.say("yes, send it")
    expect(reply, "sent to the council", "SP-", "How would you like your copy")
    expect(chat.say("by email please"), "email a copy")

    exported = servers.cli("export-plan", "PB-100234", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    plan = json.loads(exported.stdout)
    assert plan["status"] == "submitted"
    assert plan["planned_by"] == "self"
    assert plan["plan_reference"] in reply
    assert plan["budget"] == {"amount": "250.00", "period": "week", "weekly": "250.00", "annual": "13000.00"}
    assert plan["direct_payment"] == {"amount": "1000.00", "frequency": "4 weeks", "paid_to": "person"}
    assert plan["involved"] == [{"role": "person", "name": None, "relationship": None}]
    assert (plan["communication_needs"], plan["copy_route"]) == ([], "email")
    assert "grandchildren" in plan["important_to_me"]
    assert [o["id"] for o in plan["outcomes"]] == [1, 2]
    assert "shops" in plan["outcomes"][0]["text"]
    (pa,) = plan["services"]
    assert (pa["category"], pa["weekly_cost"], pa["unit_cost"]) == ("personal_assistant", "120.00", "15.00")
    assert float(pa["hours_per_week"]) == 8.0
    assert pa["outcome_ids"] == [2]
    assert plan["total_weekly_cost"] == "120.00"
    assert plan["remaining_weekly"] == "130.00"
    assert plan["management"] == "direct_payment"
    assert "Jane" in plan["contingency"]
    assert plan["submitted_at"]
    assert plan["flags"] == []
