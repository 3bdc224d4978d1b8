"""A whole review by text message over the real Rasa server's SMS webhook, signed as Twilio signs
them (issue 16): the person texts REVIEW, as the invitation asks; only their date of birth is
asked (the phone stands in for the reference); numbered choices and their own words; a cost goes
up and is confirmed; a service is stopped; spending is told; both plan versions and the review
are exported and checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.chat import expect
from tests.support.reviews import agreed_plan_with_spending
from tests.support.servers import LoggedServers
from tests.support.sms import Phone, say

pytestmark = pytest.mark.e2e

AISHA = "+447700900130"  # PB-100241, Aisha Begum, born 2001-03-09
PERSON = "PB-100241"


def exported(running: LoggedServers, *args: str) -> dict:
    done = running.servers.cli(*args, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_whole_review_by_text_message(sms_servers: LoggedServers, tmp_path: Path) -> None:
    first = agreed_plan_with_spending(sms_servers.servers, PERSON, "sms-review-plan", tmp_path)
    aisha = Phone(AISHA)

    expect(say(aisha, "REVIEW"), "Who is looking at how the support is going", "Reply 1 for")
    reply = say(aisha, "1")
    expect(reply, "date of birth")
    assert "reference number" not in reply.lower()
    reply = say(aisha, "9/3/2001")
    expect(reply, "Go swimming every week", "How is that going", "Reply 1 for Much better", "Reply 4 for Worse")

    expect(say(aisha, "1"), "Cook my own meals")
    expect(say(aisha, "it's got worse tbh"), "A PA to help me cook", "happening as planned")
    expect(say(aisha, "yes"), "still the right support")
    expect(say(aisha, "yes"), "still cost £90.00 a week")
    expect(say(aisha, "no they put the price up"), "hours a week")
    expect(say(aisha, "8"), "each hour")
    expect(say(aisha, "£16 an hour"), "£128.00 a week", "Is that right")
    expect(say(aisha, "1"), "now costs £128.00 a week", "Swimming club", "happening as planned")
    expect(say(aisha, "no"), "still the right support")
    expect(say(aisha, "no not really"), "stop it")
    expect(say(aisha, "yes"), "comes out of the new version", "new support")
    reply = say(aisha, "no")
    expect(reply, "less than planned on a personal assistant", "changed in your life")
    expect(say(aisha, "my mum has moved in with me"), "noted", "anything you would change")
    reply = say(aisha, "more help in the evenings")
    expect(reply, "Swimming club: to stop.", "goes to the council to agree", "next review is due by")

    old = exported(sms_servers, "export-plan", PERSON, "--version", "1")
    new = exported(sms_servers, "export-plan", PERSON, "--version", "2")
    assert (old["plan_reference"], old["status"], [s["weekly_cost"] for s in old["services"]]) == (
        first,
        "agreed",
        ["90.00", "100.00"],
    )
    assert (new["version"], new["replaces"], [s["weekly_cost"] for s in new["services"]]) == (2, first, ["128.00"])

    review = exported(sms_servers, "export-review", PERSON)
    assert (review["status"], review["channel"], review["needs_person"]) == ("done", "sms", True)
    assert [o["rating"] for o in review["outcome_ratings"]] == ["much_better", "worse"]
    assert [s["change"] for s in review["services"]] == ["changed", "stopped"]
    assert review["life_changes"] == "my mum has moved in with me"
    assert review["would_change"] == "more help in the evenings"
