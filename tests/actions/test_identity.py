from __future__ import annotations

import re
import time
from datetime import date, datetime, timedelta, timezone
from typing import Any, Dict, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.identity import ValidateIdentityForm
from bot import second_factor
from bot.answers.trackers import domain, run, tracker
from bot.channels.metadata import CLIENT_KEY
from bot.channels.sender import SmsSender
from bot.identity import CLIENT_MAX_FAILURES, MAX_FAILURES, check_identity
from tests.support.fake_twilio import FakeTwilio
from tests.support.trackers import over

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

FORM = "identity_form"
REFERENCE = {"planned_by": "self", "person_reference": "PB-100234"}


async def test_who_is_planning_understands_plain_words(demo) -> None:
    for text, expected in [
        ("just me", "self"),
        ("I'm doing it for my mum", "supporter"),
        ("I am an adviser", "adviser"),
    ]:
        out = await run(ValidateIdentityForm(), tracker(text=text, filled="planned_by", active_loop=FORM))
        assert out.slots["planned_by"] == expected, text


async def test_reference_is_taken_from_a_sentence(demo) -> None:
    out = await run(
        ValidateIdentityForm(),
        tracker({"planned_by": "self"}, "my ref is pb-100234", filled="person_reference", active_loop=FORM),
    )
    assert out.slots["person_reference"].upper().replace(" ", "") == "PB-100234"
    out = await run(
        ValidateIdentityForm(), tracker({"planned_by": "self"}, "no idea", filled="person_reference", active_loop=FORM)
    )
    assert out.slots["person_reference"] is None
    assert out.responses == ["utter_reference_not_understood"]


async def test_a_date_of_birth_said_with_the_reference_is_used(demo) -> None:
    """'PB-100234, and his birthday is 3rd April 1956': not asked for the date again."""
    text = "PB-100234, and his birthday is 3rd April 1956"
    out = await run(
        ValidateIdentityForm(), tracker({"planned_by": "supporter"}, text, filled="person_reference", active_loop=FORM)
    )
    assert out.slots["person_reference"] == "PB-100234" and out.slots["verified"] is True
    assert out.slots["date_of_birth"] == "1956-04-03"
    other = "PB-100234, the assessment was on 3/5/2024"
    out = await run(
        ValidateIdentityForm(), tracker({"planned_by": "self"}, other, filled="person_reference", active_loop=FORM)
    )
    assert "verified" not in out.slots and "identity_failures" not in out.slots  # not taken as a date of birth


async def test_right_details_verify_and_name_the_person(demo) -> None:
    out = await run(
        ValidateIdentityForm(), tracker(REFERENCE, "3rd April 1956", filled="date_of_birth", active_loop=FORM)
    )
    assert out.slots["verified"] is True
    assert out.slots["person_name"] == "Sam"
    assert out.slots["date_of_birth"] == "1956-04-03"
    assert out.said("utter_identity_confirmed")["person_name"] == "Sam"


async def test_wrong_details_say_the_same_whether_or_not_the_reference_exists(demo) -> None:
    wrong_dob = await run(
        ValidateIdentityForm(), tracker(REFERENCE, "4/4/1956", filled="date_of_birth", active_loop=FORM)
    )
    unknown = await run(
        ValidateIdentityForm(),
        tracker(
            {"planned_by": "self", "person_reference": "ZZ-999999"},
            "3/4/1956",
            filled="date_of_birth",
            active_loop=FORM,
        ),
    )
    assert wrong_dob.responses == unknown.responses == ["utter_identity_no_match"]
    assert wrong_dob.slots["person_reference"] is None and wrong_dob.slots["identity_failures"] == 1
    assert "verified" not in wrong_dob.slots


async def test_third_failure_locks_for_fifteen_minutes(demo) -> None:
    slots = {**REFERENCE, "identity_failures": 2}
    out = await run(ValidateIdentityForm(), tracker(slots, "1/1/1900", filled="date_of_birth", active_loop=FORM))
    assert out.slots["requested_slot"] is None
    assert 14 * 60 < out.slots["identity_locked_until"] - time.time() <= 15 * 60


async def test_an_unreadable_date_is_not_a_failed_check(demo) -> None:
    out = await run(ValidateIdentityForm(), tracker(REFERENCE, "the third", filled="date_of_birth", active_loop=FORM))
    assert out.responses == ["utter_date_not_understood"]
    assert "identity_failures" not in out.slots


# --- limits per client and escalating locks (issue 18 item 2) ---------------------------------

CLIENT = "a" * 32


def from_client(t: Tracker, client: str = CLIENT) -> Tracker:
    """`t` with its latest message carrying the client key a channel puts in the metadata."""
    user = next(e for e in reversed(t.events) if e.get("event") == "user")
    user["metadata"] = {CLIENT_KEY: client}
    t.latest_message["metadata"] = {CLIENT_KEY: client}
    return t


async def test_a_client_that_tried_many_references_is_locked_even_with_the_right_details(demo) -> None:
    now = datetime.now(timezone.utc)
    for number in range(CLIENT_MAX_FAILURES):
        check_identity(f"PB-{900000 + number}", date(1950, 1, 1), now, client=CLIENT)
    out = await run(
        ValidateIdentityForm(), from_client(tracker(REFERENCE, "3/4/1956", filled="date_of_birth", active_loop=FORM))
    )
    assert "verified" not in out.slots and out.slots["requested_slot"] is None
    assert out.slots["identity_locked_until"] > time.time()
    other = await run(
        ValidateIdentityForm(),
        from_client(tracker(REFERENCE, "3/4/1956", filled="date_of_birth", active_loop=FORM), "b" * 32),
    )
    assert other.slots["verified"] is True


async def test_the_conversation_is_paused_as_long_as_the_escalated_lock(demo) -> None:
    now = datetime.now(timezone.utc)
    for at in (now - timedelta(minutes=20), now):
        for _ in range(MAX_FAILURES):
            check_identity("PB-100234", date(1950, 1, 1), at)
    out = await run(ValidateIdentityForm(), tracker(REFERENCE, "3/4/1956", filled="date_of_birth", active_loop=FORM))
    assert 59 * 60 < out.slots["identity_locked_until"] - time.time() <= 60 * 60


# --- the optional second factor: a code texted to the phone on file ---------------------------

SMS_ENV = {
    "IDENTITY_SECOND_FACTOR": "sms",
    "SMS_ACCOUNT_SID": "AC" + "0" * 32,
    "SMS_AUTH_TOKEN": "token",
    "SMS_FROM_NUMBER": "+447700900999",
}


@pytest.fixture
def texts(monkeypatch: pytest.MonkeyPatch) -> FakeTwilio:
    """The second factor on, with texts going to a stand-in for Twilio's API."""
    for name, value in SMS_ENV.items():
        monkeypatch.setenv(name, value)
    fake = FakeTwilio([])
    monkeypatch.setattr(second_factor, "new_sender", lambda settings: SmsSender(settings, http_client=fake))
    return fake


def code_step(text: str, slots: Optional[Dict[str, Any]] = None) -> Tracker:
    filled = {**REFERENCE, "date_of_birth": "1956-04-03", **(slots or {})}
    return tracker(filled, text, filled="one_time_code", active_loop=FORM)


async def test_with_the_second_factor_a_code_is_texted_before_verifying(demo, texts: FakeTwilio) -> None:
    out = await run(ValidateIdentityForm(), tracker(REFERENCE, "3/4/1956", filled="date_of_birth", active_loop=FORM))
    assert "verified" not in out.slots and out.slots["requested_slot"] == "one_time_code"
    [sent] = texts.sent
    assert sent["To"] == "+447700900123" and re.search(r"\b\d{6}\b", sent["Body"])
    assert "utter_identity_confirmed" not in out.responses


async def test_the_right_code_verifies(demo, texts: FakeTwilio) -> None:
    await run(ValidateIdentityForm(), tracker(REFERENCE, "3/4/1956", filled="date_of_birth", active_loop=FORM))
    code = re.search(r"\b\d{6}\b", texts.sent[0]["Body"]).group(0)
    out = await run(ValidateIdentityForm(), code_step(f"it's {code}"))
    assert out.slots["verified"] is True and out.slots["person_name"] == "Sam"
    assert out.said("utter_identity_confirmed")["person_name"] == "Sam"


async def test_wrong_codes_then_start_again(demo, texts: FakeTwilio) -> None:
    await run(ValidateIdentityForm(), tracker(REFERENCE, "3/4/1956", filled="date_of_birth", active_loop=FORM))
    code = re.search(r"\b\d{6}\b", texts.sent[0]["Body"]).group(0)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(2):
        out = await run(ValidateIdentityForm(), code_step(wrong))
        assert out.responses == ["utter_one_time_code_wrong"] and out.slots["one_time_code"] is None
    out = await run(ValidateIdentityForm(), code_step(wrong))
    assert out.responses == ["utter_one_time_code_start_again"]
    assert out.slots["person_reference"] is None and out.slots["date_of_birth"] is None
    assert "verified" not in out.slots


async def test_no_phone_on_file_says_to_call_the_council(demo, texts: FakeTwilio) -> None:
    margaret = {"planned_by": "self", "person_reference": "PB-100237"}
    out = await run(ValidateIdentityForm(), tracker(margaret, "30/7/1939", filled="date_of_birth", active_loop=FORM))
    assert out.responses == ["utter_second_factor_no_phone"]
    assert out.said("utter_second_factor_no_phone")["council_phone"]
    assert out.slots["requested_slot"] is None and out.slots["paused"] is True and "verified" not in out.slots
    assert texts.sent == []


async def test_a_code_that_cannot_be_sent_says_to_call_the_council(demo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IDENTITY_SECOND_FACTOR", "sms")  # but SMS sending is not set up
    out = await run(ValidateIdentityForm(), tracker(REFERENCE, "3/4/1956", filled="date_of_birth", active_loop=FORM))
    assert out.responses == ["utter_second_factor_not_sent"] and "verified" not in out.slots


async def test_without_the_setting_no_code_is_asked(demo) -> None:
    form = ValidateIdentityForm()
    slots = await form.required_slots(
        ["planned_by", "person_reference", "date_of_birth"], CollectingDispatcher(), tracker(), domain()
    )
    assert slots == ["planned_by", "person_reference", "date_of_birth"]


async def test_over_sms_a_lock_ends_the_form_too(demo) -> None:
    t = over(
        "sms",
        tracker({"planned_by": "self", "identity_failures": 2}, "1/1/1900", filled="date_of_birth", active_loop=FORM),
    )
    out = await run(ValidateIdentityForm(), t)
    assert out.slots["requested_slot"] is None and out.slots["identity_locked_until"] > time.time()


async def test_the_code_is_taken_from_what_the_person_typed(demo, texts: FakeTwilio) -> None:
    await run(ValidateIdentityForm(), tracker(REFERENCE, "3/4/1956", filled="date_of_birth", active_loop=FORM))
    code = re.search(r"\b\d{6}\b", texts.sent[0]["Body"]).group(0)
    typed = tracker(
        {**REFERENCE, "date_of_birth": "1956-04-03", "requested_slot": "one_time_code"}, code, active_loop=FORM
    )
    out = await run(ValidateIdentityForm(), typed)
    assert out.slots["verified"] is True
