"""Whole plans by text message over the real Rasa server's SMS webhook, signed as Twilio signs
them; then the exported plan is checked against what was texted."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import List

import pytest

from bot.channels.segments import MAX_SEGMENTS, MORE_PROMPT, fits
from bot.plans.service import MAX_TEXT
from tests.support.chat import expect
from tests.support.servers import LoggedServers
from tests.support.sms import Phone, say, whole

pytestmark = pytest.mark.e2e

SAM = "+447700900123"  # PB-100234, Sam Taylor, born 1956-04-03, £250 a week
PRIYA = "+447700900124"  # PB-100235, Priya Shah, born 1948-11-21, £1,300 a month


def export(running: LoggedServers, reference: str) -> dict:
    exported = running.servers.cli("export-plan", reference, "--format", "json")
    assert exported.returncode == 0, exported.stderr
    return json.loads(exported.stdout)


def test_a_whole_plan_by_text_message(sms_servers: LoggedServers) -> None:
    sam = Phone(SAM)
    reply = say(sam, "Hi")
    expect(reply, "personal budget", "Who is making this plan", "Reply 1 for", "Reply 2 for")
    # The phone number stands in for the reference: only the date of birth is asked.
    reply = say(sam, " 1 ")
    expect(reply, "date of birth")
    assert "reference number" not in reply.lower()

    reply = say(sam, "3/4/1956")
    expect(reply, "Sam", "£250.00 a week", "£13,000.00 a year", "important to you")

    expect(say(sam, "My garden, my cat Tilly and seeing my grandchildren"), "written that down")
    expect(say(sam, "I want to get out to the shops on my own"), "added", "anything else")
    expect(say(sam, "no that's all"), "What kind of support")

    expect(say(sam, "a personal assistant"), "Tell me a little about it")
    expect(say(sam, "someone to help me get to the shops"), "hours a week")
    expect(say(sam, "6 hours"), "each hour")
    expect(say(sam, "£15 an hour"), "£90.00 a week", "£160.00 a week left", "Which of your outcomes")
    expect(say(sam, "1"), "helps with", "another")
    expect(say(sam, "no"), "How would you like the money to be managed")

    expect(say(sam, "a direct payment please"), "£1,000.00 every 4 weeks", "Reply 1 for To me")
    expect(say(sam, "1"), "doesn't turn up")
    expect(say(sam, "My daughter Jane can come round"), "information in another way", "Reply 3 for Easy read")
    reply = say(sam, "1")
    expect(reply, "garden", "shops", "£90.00", "direct payment", "Jane", "Is this right")

    reply = say(sam, "yes, send it")
    expect(reply, "sent to the council", "SP-", "Reply 1 for By post", "Reply 2 for By email")
    assert "Download" not in reply
    expect(say(sam, "1"), "post a copy")

    plan = export(sms_servers, "PB-100234")
    assert plan["status"] == "submitted" and plan["plan_reference"] in reply
    assert plan["planned_by"] == "self"
    assert plan["budget"]["weekly"] == "250.00"
    assert "Tilly" in plan["important_to_me"]
    (service,) = plan["services"]
    assert (service["category"], service["weekly_cost"], service["outcome_ids"]) == ("personal_assistant", "90.00", [1])
    assert plan["management"] == "direct_payment" and "Jane" in plan["contingency"]
    assert (plan["direct_payment"]["paid_to"], plan["communication_needs"], plan["copy_route"]) == (
        "person",
        [],
        "post",
    )


def test_a_supporter_texting_from_their_own_phone_plans_by_numbers(sms_servers: LoggedServers) -> None:
    helper = Phone("+447700900456")  # nobody on the council's records has this number
    expect(say(helper, "hello"), "Reply 2 for I'm helping someone")
    expect(say(helper, "2"), "reference number")
    expect(say(helper, "PB-100237"), "date of birth")
    expect(say(helper, "30 July 1939"), "Margaret", "£180.00 a week", "important")
    say(helper, "Her church friends and her radio")
    say(helper, "To get to church on Sundays")
    expect(say(helper, "that's all"), "Reply 2 for Home care agency")
    say(helper, "2")
    say(helper, "carers to help her get ready for church")
    say(helper, "3 hours a week")
    expect(say(helper, "£25 an hour"), "£75.00 a week", "Reply 1 for To get to church on Sundays")
    say(helper, "1")
    reply = say(helper, "no")
    expect(reply, "Reply 3 for The council arranges it")
    say(helper, "3")
    expect(say(helper, "Her son Tom will phone the agency"), "what's your name", "Margaret")
    expect(say(helper, "Tom, her son"), "Reply 2 for Large print")
    reply = say(helper, "2")
    expect(reply, "Tom", "Reply 1 for Yes, send")
    expect(say(helper, "1"), "sent to the council", "SP-", "Reply 2 for By email")
    expect(say(helper, "2"), "email a copy")

    plan = export(sms_servers, "PB-100237")
    assert (plan["status"], plan["planned_by"], plan["management"]) == ("submitted", "supporter", "council_managed")
    assert plan["involved"][1] == {"role": "supporter", "name": "Tom", "relationship": "son"}
    assert (plan["communication_needs"], plan["copy_route"]) == (["large_print"], "email")
    (service,) = plan["services"]
    assert (service["category"], service["weekly_cost"], service["outcome_ids"]) == ("home_care_agency", "75.00", [1])


def start_plan(phone: Phone, date_of_birth: str) -> str:
    say(phone, "Hello")
    return say(phone, "1") + "\n" + say(phone, date_of_birth)


def test_a_retried_message_is_answered_once_and_records_one_service(sms_servers: LoggedServers) -> None:
    gareth = Phone("+447700900125")  # PB-100236, born 1972-02-14, £15,600 a year
    expect(start_plan(gareth, "14/2/1972"), "£300.00 a week", "important to you")
    say(gareth, "Football on Saturdays and my brother")
    say(gareth, "I want to keep going to the match")
    say(gareth, "that's all")
    say(gareth, "a personal assistant")
    say(gareth, "someone to come with me to the match")
    say(gareth, "4 hours a week")
    first = gareth.post("£16 an hour", message_sid="SM-retried-once")
    assert first.status_code == 200
    expect(first.text, "£64.00 a week")
    # The provider retries the same MessageSid, twice at once: the same reply, nothing recorded twice.
    with ThreadPoolExecutor(2) as pool:
        retries = list(pool.map(lambda _: gareth.post("£16 an hour", message_sid="SM-retried-once"), range(2)))
    assert [r.status_code for r in retries] == [200, 200]
    assert {r.text for r in retries} == {first.text}
    plan = export(sms_servers, "PB-100236")
    assert [s["weekly_cost"] for s in plan["services"]] == ["64.00"]
    assert plan["status"] == "draft"


def test_stop_ends_texts_until_start_and_help_gives_the_councils_number(sms_servers: LoggedServers) -> None:
    phone = Phone("+447700900777")
    expect(say(phone, "hello"), "Who is making this plan")
    expect(say(phone, "  Stop "), "START")
    assert phone.text("1") == []
    assert phone.text("STOP") == []
    expect(say(phone, " help "), sms_servers.servers.settings.council_phone, "STOP")
    expect(say(phone, "START"), "carry on")
    # The conversation carries on where it was: the choice is still open.
    reply = say(phone, "1")
    expect(reply, "reference number")  # nobody has this number on record, so the reference is asked


def test_forged_or_missing_signatures_reach_no_conversation(sms_servers: LoggedServers) -> None:
    phone = Phone("+447700900888")
    forged = Phone(phone.number, token="not-the-real-token")
    assert forged.post("STOP").status_code == 403
    assert phone.post("STOP", signature=None).status_code == 403
    assert phone.post("STOP", signature="bm90IGEgc2lnbmF0dXJl").status_code == 403
    # Nothing reached the number's conversation or its STOP list: a real text starts afresh.
    expect(say(phone, "hello"), "Who is making this plan")


def test_a_long_non_latin_message_is_kept_whole(sms_servers: LoggedServers) -> None:
    priya = Phone(PRIYA)
    expect(start_plan(priya, "21 November 1948"), "Priya", "£1,300.00 a month", "important to you")
    # as long as an answer may be (bot/plans/service.py MAX_TEXT): several SMS segments of UCS-2
    what_matters = ("Moja rodzina i ogród są dla mnie ważne 🌻. میرے لیے میرا خاندان اور باغ بہت اہم ہیں۔ " * 30)[
        :MAX_TEXT
    ].strip()
    assert len(what_matters) >= MAX_TEXT - 10
    reply = say(priya, what_matters)
    expect(reply, "written that down")
    reply = say(priya, "Chcę sama chodzić do sklepu")
    expect(reply, "added")
    plan = export(sms_servers, "PB-100235")
    assert plan["important_to_me"] == what_matters
    assert plan["outcomes"][0]["text"].startswith("Chcę sama chodzić do sklepu")


def test_no_phone_number_reaches_the_servers_logs(sms_servers: LoggedServers) -> None:
    """Runs last in this module: by now every test above has texted the servers."""
    say(Phone(SAM), "hello")
    logged = sms_servers.log.read_text(encoding="utf-8")
    assert "Identity verified" in logged  # the log is really being collected
    assert "7700900" not in logged and "447700" not in logged
