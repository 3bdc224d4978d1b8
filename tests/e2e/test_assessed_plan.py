"""A whole plan over the REST channel for a person whose budget came with the assessment (a
contribution and four eligible needs, imported through the CSV's optional columns): a PA below the
living wage (with the answer about being an employer asked for from its button), a PA who is the
person's daughter and lives with them, each service tied to the needs it meets, and one need said
to be covered another way before the summary. Then the exported JSON is checked field by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.chat import Chat, expect
from tests.support.servers import Servers

pytestmark = pytest.mark.e2e

REFERENCE = "PB-900015"
CSV = (
    "reference,given_name,family_name,date_of_birth,postcode,phone,budget_amount,budget_period,"
    "contribution_amount,eligible_needs,assessed_on\n"
    f"{REFERENCE},Ruth,Okafor,1950-06-09,LS6 3CD,,250.00,week,40.00,"
    "personal_hygiene;dressing;community;nutrition,2026-10-01\n"
)


def test_an_assessed_plan_with_checks_and_a_need_covered_another_way(
    servers: Servers, chat: Chat, tmp_path: Path
) -> None:
    budgets = tmp_path / "assessed.csv"
    budgets.write_text(CSV, encoding="utf-8")
    imported = servers.cli("import-budgets", str(budgets))
    assert imported.returncode == 0, imported.stderr

    expect(chat.say("Hello"), "Who is making this plan")
    expect(chat.say("just me"), "reference number")
    expect(chat.say(REFERENCE), "date of birth")
    expect(chat.say("9 June 1950"), "£250.00 a week", "important to you")
    expect(chat.say("My friends at church and cooking for myself"), "written that down")
    expect(chat.say("to get washed and dressed every morning"), "added")
    expect(chat.say("no that's all"), "What kind of support")

    # A PA paid below the living wage: said once, kindly, with the way to the employer's duties.
    expect(chat.say("a personal assistant"), "Tell me a little about it")
    expect(chat.say("someone to help me get washed and dressed"), "hours a week")
    expect(chat.say("10 hours"), "each hour")
    reply = chat.say("£11 an hour")
    expect(
        reply,
        "£110.00 a week",
        "less than the National Living Wage of £12.71 an hour",
        "What does being an employer mean?",
        "Which of your outcomes",
    )
    reply = chat.say("What does being an employer mean?")
    expect(reply, "employer's liability insurance", "holiday pay", "Which of your outcomes")
    reply = chat.say("1")
    expect(reply, "helps with", "Which of them will this help with?")
    expect(reply, "1. getting washed. 2. getting dressed. 3. getting out to local places.")
    expect(chat.say("1 and 2"), "helps with: getting washed; getting dressed", "another")

    # A PA who is the person's daughter: where she lives is asked, and the family check said.
    expect(chat.say("yes"), "What kind of support")
    expect(chat.say("a personal assistant"), "Tell me a little about it")
    expect(chat.say("my daughter Grace to take me to the shops"), "hours a week")
    expect(chat.say("4"), "each hour")
    reply = chat.say("£13 an hour")
    expect(reply, "£52.00 a week", "Does your daughter live with you?")
    assert "National Living Wage" not in reply
    reply = chat.say("yes she does")
    expect(reply, "your daughter, who lives with you,", "council agrees", "Which of your outcomes")
    expect(chat.say("none of them"), "Which of them will this help with?")
    expect(chat.say("3"), "helps with: getting out to local places", "another")

    # One need nothing meets: put kindly before the summary, and covered another way.
    reply = chat.say("no, that's all")
    expect(reply, "Nothing in your plan helps with getting enough to eat and drink yet", "covered another way")
    reply = chat.say("covered another way")
    expect(reply, "noted that getting enough to eat and drink is covered another way")
    expect(reply, "How would you like the money to be managed")

    expect(chat.say("a direct payment please"), "£840.00 every 4 weeks", "Who should the money be paid to?")
    expect(chat.say("to me"), "doesn't turn up")
    expect(chat.say("Grace would ring the council"), "information in another way")
    expect(chat.say("no thanks, this is fine"), "Is this right")
    expect(chat.say("yes, send it"), "sent to the council")

    exported = servers.cli("export-plan", REFERENCE, "--format", "json")
    assert exported.returncode == 0, exported.stderr
    plan = json.loads(exported.stdout)
    assert plan["status"] == "submitted"
    assert plan["budget"]["contribution_weekly"] == "40.00"
    assert plan["budget"]["council_weekly"] == "210.00"
    assert plan["eligible_needs"] == ["personal_hygiene", "dressing", "community", "nutrition"]
    first, second = plan["services"]
    assert (first["category"], first["unit_cost"], first["weekly_cost"]) == ("personal_assistant", "11.00", "110.00")
    assert first["need_codes"] == ["personal_hygiene", "dressing"]
    assert first["outcome_ids"] == [1]
    assert (second["description"], second["weekly_cost"]) == ("my daughter Grace to take me to the shops", "52.00")
    assert second["need_codes"] == ["community"]
    assert second["outcome_ids"] == []
    assert [(c["code"], c["service_id"]) for c in plan["checks"]] == [
        ("living_wage", first["id"]),
        ("family_payment", second["id"]),
    ]
    assert plan["checks"][0]["message"].startswith("£11.00 an hour is less than the National Living Wage")
    assert "your daughter, who lives with you," in plan["checks"][1]["message"]
    assert plan["needs_met_elsewhere"] == ["nutrition"]
