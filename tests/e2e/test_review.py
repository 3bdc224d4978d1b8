"""A whole review over REST against the trained model (issue 16): an agreed plan with spending
imported; the person asks in their own words, their identity is checked, each outcome is rated,
one service's cost goes up (costed as in planning, with the figure confirmed), spending is told
without blame and flagged for an adviser, then the read-back and what happens next. Both plan
versions and the review are exported and checked."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.db.session import use_database
from bot.plans import service
from tests.support.chat import Chat, expect
from tests.support.reviews import agreed_plan_with_spending
from tests.support.servers import Servers

pytestmark = pytest.mark.e2e

PERSON = "PB-100240"  # Tomasz Nowak, born 1983-05-17


def exported(servers: Servers, *args: str) -> dict:
    done = servers.cli(*args, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_whole_review_over_rest(servers: Servers, chat: Chat, tmp_path: Path) -> None:
    first = agreed_plan_with_spending(servers, PERSON, "e2e-review-plan", tmp_path)

    expect(chat.say("hiya can we look at how my support is going"), "Who is looking at how the support is going")
    expect(chat.say("just me"), "reference number")
    expect(chat.say(PERSON), "date of birth")
    reply = chat.say("17/5/1983")
    expect(reply, "Let's look at how your plan is going", "Go swimming every week", "How is that going")
    assert "important to you" not in reply.lower()  # the review, not a new plan

    expect(chat.say("loads better, I go every Tuesday now"), "Cook my own meals", "How is that going")
    expect(chat.say("about the same"), "A PA to help me cook", "happening as planned")
    expect(chat.say("yes"), "still the right support")
    expect(chat.say("yes"), "still cost £90.00 a week")
    expect(chat.say("no it's gone up"), "work out what it costs now", "hours a week")
    expect(chat.say("8 hours"), "each hour")
    expect(chat.say("£16 an hour"), "8 hours at £16.00 an hour is £128.00 a week", "Is that right")
    expect(chat.say("yes"), "now costs £128.00 a week", "Swimming club", "happening as planned")
    expect(chat.say("yes"), "still the right support")
    expect(chat.say("yep"), "still cost £100.00 a week")
    expect(chat.say("yes"), "new support")
    reply = chat.say("no")
    expect(
        reply,
        "About £50 a week less than planned on a personal assistant.",
        "Money you don't spend",
        "An adviser may get in touch",
        "haven't done anything wrong",
        "changed in your life",
    )
    expect(chat.say("no"), "anything you would change")
    reply = chat.say("nothing")
    expect(
        reply,
        "Go swimming every week: much better.",
        "Cook my own meals: no change.",
        "A PA to help me cook: now £128.00 a week.",
        "goes to the council to agree",
        "old plan is kept",
        "An adviser will get in touch",
        "next review is due by",
    )

    old = exported(servers, "export-plan", PERSON, "--version", "1")
    new = exported(servers, "export-plan", PERSON, "--version", "2")
    assert (old["plan_reference"], old["version"], old["replaces"], old["status"]) == (first, 1, None, "agreed")
    assert [s["weekly_cost"] for s in old["services"]] == ["90.00", "100.00"]
    assert (new["version"], new["replaces"], new["status"]) == (2, first, "submitted")
    assert [s["weekly_cost"] for s in new["services"]] == ["128.00", "100.00"]
    assert new["services"][0]["hours_per_week"] == "8.0"

    review = exported(servers, "export-review", PERSON)
    assert (review["status"], review["channel"], review["needs_person"]) == ("done", "rest", True)
    assert (review["plan_reference"], review["new_plan_reference"]) == (first, new["plan_reference"])
    assert [(o["rating"], o["words"]) for o in review["outcome_ratings"]] == [
        ("much_better", "loads better, I go every Tuesday now"),
        ("no_change", "about the same"),
    ]
    pa, swimming = review["services"]
    assert (pa["happening"], pa["still_right"], pa["cost_same"], pa["change"]) == (True, True, False, "changed")
    assert (pa["weekly_cost_before"], pa["weekly_cost_after"]) == ("90.00", "128.00")
    assert (swimming["change"], swimming["cost_same"]) == ("kept", True)
    assert review["life_changes"] is None and review["would_change"] is None
    assert review["next_review_due"]
