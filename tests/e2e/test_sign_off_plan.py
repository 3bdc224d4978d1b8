"""A whole plan over REST by a son helping his mum, with what a council needs to sign it off
(issue 15): the budget told with the council's share and her contribution, a direct payment paid
to someone she chooses, the helper named with his relationship, a communication need, and her
copy by post; then the exported JSON is checked field by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.chat import Chat, expect
from tests.support.servers import Servers

pytestmark = pytest.mark.e2e

HEADER = "reference,given_name,family_name,date_of_birth,postcode,phone,budget_amount,budget_period,contribution_amount"
ROSE = "PB-100299,Rose,Bennett,1950-06-15,LS6 3QQ,,250.00,week,40.00"


def test_a_plan_the_council_can_sign_off(servers: Servers, chat: Chat, tmp_path: Path) -> None:
    budgets = tmp_path / "rose.csv"
    budgets.write_text(f"{HEADER}\n{ROSE}\n", encoding="utf-8")
    loaded = servers.cli("import-budgets", str(budgets))
    assert loaded.returncode == 0, loaded.stderr

    expect(chat.say("Hello"), "Who is making this plan")
    expect(chat.say("I'm helping my mum with hers"), "their reference number")
    expect(chat.say("PB-100299"), "their date of birth")
    reply = chat.say("15/6/1950")
    expect(
        reply,
        "Rose's personal budget is £250.00 a week. The council pays £210.00 of it and Rose pays £40.00.",
        "£13,000.00 a year",
        "the council's estimate to plan with",
        "can change when the plan is agreed",
        "What is important to Rose",
    )

    expect(chat.say("Her garden and her friends at church"), "change")
    expect(chat.say("To get to church every Sunday"), "anything else")
    expect(chat.say("no that's all"), "What kind of support")
    expect(chat.say("a personal assistant"), "Tell me a little about it")
    expect(chat.say("someone to help her get washed and dressed"), "hours a week")
    expect(chat.say("6 hours a week"), "each hour")
    expect(chat.say("£15 an hour"), "£90.00 a week", "Which of")
    expect(chat.say("1"), "another")
    expect(chat.say("no thanks"), "How would you like the money to be managed")

    reply = chat.say("a direct payment please")
    expect(reply, "direct payment", "The council will pay £840.00 every 4 weeks", "£40.00 a week Rose pays")
    expect(reply, "Who should Rose's money be paid to?")
    expect(chat.say("her son will get it for her"), "noted who the money will be paid to", "doesn't turn up")

    expect(chat.say("Her son Tom can come round, or ring the agency"), "what's your name", "how do you know Rose")
    expect(chat.say("I'm Tom, her son"), "put that on the plan", "Does Rose need information in another way")
    reply = chat.say("easy read please")
    expect(reply, "put that on the plan", "Here is Rose's plan", "Is this right")

    reply = chat.say("yes, send it")
    expect(reply, "sent to the council", "SP-", "How would you like your copy of the plan?")
    assert "Download" not in reply  # only on the chat page
    expect(chat.say("by post"), "post a copy")

    exported = servers.cli("export-plan", "PB-100299", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    plan = json.loads(exported.stdout)
    assert plan["status"] == "submitted"
    assert plan["planned_by"] == "supporter"
    assert plan["budget"] == {
        "amount": "250.00",
        "period": "week",
        "weekly": "250.00",
        "annual": "13000.00",
        "contribution_weekly": "40.00",
        "council_weekly": "210.00",
    }
    assert plan["management"] == "direct_payment"
    assert plan["direct_payment"] == {"amount": "840.00", "frequency": "4 weeks", "paid_to": "nominated"}
    assert plan["involved"] == [
        {"role": "person", "name": None, "relationship": None},
        {"role": "supporter", "name": "Tom", "relationship": "son"},
    ]
    assert plan["communication_needs"] == ["easy_read"]
    assert plan["communication_detail"] is None
    assert plan["copy_route"] == "post"
    assert "Tom" in plan["contingency"]
    assert "advocacy_requested" not in plan["flags"]
