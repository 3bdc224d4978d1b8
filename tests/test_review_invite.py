"""`supportplan reviews invite`: one short text, with no care details, to each person due a review
who has a phone on file, has not sent STOP and was not invited lately; a dry run sends nothing;
one failure stops no one else. In process with a stand-in HTTP client, and end to end against a fake
Twilio API server on localhost (never the real one): the command run as a council runs it (the console
script as a new process), and bot.cli.main in this process."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Dict, List, Mapping, Optional

import pytest
import yaml
from sqlalchemy import select, update

from bot.channels import store
from bot.channels.numbers import number_hash
from bot.channels.segments import cost, is_gsm
from bot.channels.sender import SmsNotConfigured, SmsSender, api_address
from bot.config import Settings
from bot.council import CouncilRules, council_rules, rules_from
from bot.db.models import AuditLog, Person, utcnow
from bot.db.session import session_scope
from bot.reviews.invite import (
    FAILED,
    INVITE_FAILED,
    INVITED,
    NO_PHONE,
    RECENTLY,
    SENT,
    STOPPED,
    WOULD_SEND,
    CannotInvite,
    Report,
    invitation_text,
    invite,
    masked,
)
from tests.support.cli import supportplan, supportplan_process
from tests.support.fake_twilio import FakeTwilio, FakeTwilioServer
from tests.support.reviews import agreed_plan_managed_by as agreed_plan

WORKTREE = Path(__file__).resolve().parent.parent
ACCOUNT, TOKEN, FROM = "AC" + "7" * 32, "the-auth-token", "+447700900999"
SMS_ENV = {
    "SMS_ACCOUNT_SID": ACCOUNT,
    "SMS_AUTH_TOKEN": TOKEN,
    "SMS_FROM_NUMBER": FROM,
    "SMS_NUMBER_KEY": "a-fixed-key-for-the-stop-list",
}
COUNCIL = {"COUNCIL_NAME": "Calderdale Council", "COUNCIL_PHONE": "01422 288001"}
SETTINGS = Settings.from_env({**SMS_ENV, **COUNCIL})
RULES = council_rules({})
EXPECTED_TEXT = (
    "Hello from Calderdale Council. It's time to check how your support is going. "
    "Reply REVIEW to start, or call 01422 288001. Reply STOP to stop texts."
)
TODAY = date.today()
#: the demo people (tests/conftest.py) and their phones; Margaret O'Brien (PB-100237) has none
PHONES = {"PB-100234": "+447700900123", "PB-100235": "+447700900124", "PB-100236": "+447700900125"}


async def no_wait(_: float) -> None:
    return None


def stand_in(statuses: List[int]) -> tuple:
    """A sender factory over FakeTwilio answering with `statuses`, and that FakeTwilio."""
    http = FakeTwilio(statuses)
    return (lambda settings: SmsSender(settings, http_client=http, sleep=no_wait)), http


def overdue(reference: str, weeks_ago: int = 10) -> str:
    """An agreed plan for `reference` whose first review (8 weeks) is past."""
    return agreed_plan(reference, "council_managed", TODAY - timedelta(weeks=weeks_ago))


def stop(phone: str) -> None:
    store.set_stopped(number_hash(phone, SETTINGS.sms_number_key), True)


def invited_days_ago(plan_reference: str, days: int) -> None:
    with session_scope() as session:
        session.add(AuditLog(actor="cli", action=INVITED, subject=plan_reference, detail="first review"))
    with session_scope() as session:
        session.execute(
            update(AuditLog).where(AuditLog.subject == plan_reference).values(at=utcnow() - timedelta(days=days))
        )


def audit(action: str) -> List[AuditLog]:
    with session_scope() as session:
        return list(session.execute(select(AuditLog).where(AuditLog.action == action)).scalars())


def results(report: Report) -> Dict[str, str]:
    return {outcome.review.person_reference: outcome.result for outcome in report.outcomes}


# --- the council settings the text needs --------------------------------------------------------


def test_the_councils_name_and_phone_must_be_set_for_invitations() -> None:
    assert Settings.from_env(SMS_ENV).council_contact_missing == ("COUNCIL_NAME", "COUNCIL_PHONE")
    assert SETTINGS.council_contact_missing == ()
    assert council_rules({}).invite_again_after_days == 14
    assert rules_from({"reviews": {"invite_again_after_days": 30}}).invite_again_after_days == 30
    with pytest.raises(ValueError, match="invite_again_after_days"):
        rules_from({"reviews": {"invite_again_after_days": 0}})


# --- the text ---------------------------------------------------------------------------------


def test_the_text_names_the_council_asks_for_review_and_fits_one_sms() -> None:
    text = invitation_text(SETTINGS)
    assert text == EXPECTED_TEXT
    assert "Reply REVIEW" in text and "Reply STOP" in text
    used, limit = cost(text)
    assert is_gsm(text) and used <= limit == 160


@pytest.mark.parametrize("council", [{}, {"COUNCIL_NAME": "Calderdale Council"}])
def test_no_text_is_made_without_the_councils_name_and_phone(council: Dict[str, str]) -> None:
    with pytest.raises(CannotInvite, match="COUNCIL_PHONE"):
        invitation_text(Settings.from_env({**SMS_ENV, **council}))


def test_a_council_name_too_long_for_one_text_is_refused() -> None:
    long_name = {"COUNCIL_NAME": "The Royal Borough of Windsor and Maidenhead", "COUNCIL_PHONE": "+44 1628 683800"}
    with pytest.raises(CannotInvite, match="shorter COUNCIL_NAME"):
        invitation_text(Settings.from_env({**SMS_ENV, **long_name}))


def test_a_phone_is_masked_to_its_start_and_last_three_digits() -> None:
    assert masked("+447700900123") == "07*** ***123"
    assert masked("+33612345678") == "+3*** ***678"


# --- who is texted ------------------------------------------------------------------------------


def test_only_people_due_with_a_phone_not_stopped_and_not_invited_lately_are_texted(
    database: str, demo_person: str
) -> None:
    plans = {reference: overdue(reference) for reference in ("PB-100234", "PB-100235", "PB-100237", "PB-100238")}
    overdue("PB-100236", weeks_ago=10)
    agreed_plan("PB-100239", "council_managed", TODAY - timedelta(weeks=2))  # not due yet
    stop("+447700900124")
    invited_days_ago(plans["PB-100238"], 3)
    invited_days_ago(overdue("PB-100240"), 20)  # longer ago than the council's 14 days
    with session_scope() as session:  # a number that is not a mobile number in E.164 form
        session.execute(update(Person).where(Person.reference == "PB-100236").values(phone="07700 900125"))
    sender, http = stand_in([])
    report = invite(TODAY, False, SETTINGS, RULES, sender)
    assert results(report) == {
        "PB-100234": SENT,
        "PB-100235": STOPPED,
        "PB-100236": NO_PHONE,
        "PB-100237": NO_PHONE,
        "PB-100238": RECENTLY,
        "PB-100240": SENT,
    }
    assert sorted(sent["To"] for sent in http.sent) == ["+447700900123", "+447700900129"]
    assert {sent["Body"] for sent in http.sent} == {EXPECTED_TEXT} and not report.failed


def test_one_text_per_person_for_their_earliest_review(database: str, demo_person: str) -> None:
    overdue("PB-100234", weeks_ago=12)
    overdue("PB-100234", weeks_ago=10)
    sender, http = stand_in([])
    report = invite(TODAY, False, SETTINGS, RULES, sender)
    assert len(http.sent) == 1 and len(report.outcomes) == 1
    assert report.outcomes[0].review.due == TODAY - timedelta(weeks=4)


def test_the_text_carries_nothing_about_the_person_or_the_plan(database: str, demo_person: str) -> None:
    plan = overdue("PB-100234")
    sender, http = stand_in([])
    invite(TODAY, False, SETTINGS, RULES, sender)
    (sent,) = http.sent
    for private in ("Sam", "Taylor", "PB-100234", plan, "Swimming", "Get out more", "garden", "£", "250", "10"):
        assert private not in sent["Body"]


# --- recorded, so no one is texted twice -----------------------------------------------------------


def test_a_second_run_the_same_day_sends_nothing_and_the_audit_log_holds_no_personal_data(
    database: str, demo_person: str
) -> None:
    plan = overdue("PB-100234")
    sender, http = stand_in([])
    assert results(invite(TODAY, False, SETTINGS, RULES, sender)) == {"PB-100234": SENT}
    assert results(invite(TODAY, False, SETTINGS, RULES, sender)) == {"PB-100234": RECENTLY}
    assert len(http.sent) == 1
    (entry,) = audit(INVITED)
    assert (entry.actor, entry.subject, entry.detail) == ("cli", plan, "first review")
    for private in ("7700", "Sam", "Taylor", "PB-100234"):
        assert private not in f"{entry.actor} {entry.subject} {entry.detail}"


def test_the_window_is_the_councils_setting(database: str, demo_person: str) -> None:
    invited_days_ago(overdue("PB-100234"), 20)
    sender, _ = stand_in([])
    longer = rules_from({"reviews": {"invite_again_after_days": 30}})
    assert results(invite(TODAY, False, SETTINGS, longer, sender)) == {"PB-100234": RECENTLY}
    assert results(invite(TODAY, False, SETTINGS, RULES, sender)) == {"PB-100234": SENT}


# --- dry run, failures, refusals ------------------------------------------------------------------


def never_send(_: Settings) -> SmsSender:
    raise AssertionError("a dry run must not make a sender")


def test_a_dry_run_shows_masked_phones_and_sends_and_records_nothing(database: str, demo_person: str) -> None:
    for reference in ("PB-100234", "PB-100236", "PB-100237"):
        overdue(reference)
    stop(PHONES["PB-100236"])
    report = invite(TODAY, True, SETTINGS, RULES, never_send)
    assert results(report) == {"PB-100234": WOULD_SEND, "PB-100236": STOPPED, "PB-100237": NO_PHONE}
    phones = {outcome.review.person_reference: outcome.masked_phone for outcome in report.outcomes}
    assert phones == {"PB-100234": "07*** ***123", "PB-100236": None, "PB-100237": None}
    assert report.text == EXPECTED_TEXT
    assert audit(INVITED) == [] and audit(INVITE_FAILED) == []
    assert results(invite(TODAY, True, SETTINGS, RULES, never_send))["PB-100234"] == WOULD_SEND


def test_a_dry_run_without_the_councils_settings_says_what_to_set(database: str, demo_person: str) -> None:
    overdue("PB-100234")
    report = invite(TODAY, True, Settings.from_env(SMS_ENV), RULES, never_send)
    assert report.text is None and "COUNCIL_NAME and COUNCIL_PHONE" in (report.problem or "")
    assert results(report) == {"PB-100234": WOULD_SEND}


def test_nothing_is_sent_without_the_councils_settings_or_sms(database: str, demo_person: str) -> None:
    overdue("PB-100234")
    sender, http = stand_in([])
    with pytest.raises(CannotInvite, match="COUNCIL_NAME and COUNCIL_PHONE"):
        invite(TODAY, False, Settings.from_env(SMS_ENV), RULES, sender)
    with pytest.raises(CannotInvite, match="SMS_ACCOUNT_SID"):
        invite(TODAY, False, Settings.from_env(COUNCIL), RULES, sender)
    assert http.sent == [] and audit(INVITED) == []


def test_a_failed_text_stops_no_one_else_and_is_tried_again_next_time(database: str, demo_person: str) -> None:
    first = overdue("PB-100234", weeks_ago=11)
    overdue("PB-100235", weeks_ago=10)
    sender, http = stand_in([400])  # Twilio refuses the first text; not worth retrying
    report = invite(TODAY, False, SETTINGS, RULES, sender)
    assert results(report) == {"PB-100234": FAILED, "PB-100235": SENT} and report.failed
    assert [entry.subject for entry in audit(INVITE_FAILED)] == [first]
    again = invite(TODAY, False, SETTINGS, RULES, sender)
    assert results(again) == {"PB-100234": SENT, "PB-100235": RECENTLY} and not again.failed


# --- the Twilio API address -----------------------------------------------------------------------


def test_the_api_address_is_twilio_unless_set() -> None:
    assert api_address({}) == "https://api.twilio.com"
    assert api_address({"SMS_API_URL": "http://127.0.0.1:8099/"}) == "http://127.0.0.1:8099"
    assert api_address({"SMS_API_URL": "https://twilio.proxy.council.example"}).endswith("example")


@pytest.mark.parametrize(
    "address", ["http://twilio.example.org", "ftp://127.0.0.1", "https://api.twilio.com/2010-04-01", "not a url"]
)
def test_an_api_address_that_would_send_the_token_in_the_clear_or_is_not_one_is_refused(address: str) -> None:
    with pytest.raises(SmsNotConfigured, match="SMS_API_URL"):
        api_address({"SMS_API_URL": address})


def test_the_sender_uses_the_api_address_in_the_environment(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with FakeTwilioServer(ACCOUNT, TOKEN) as server:
        monkeypatch.setenv("SMS_API_URL", server.url)

        async def send() -> List[str]:
            async with SmsSender(SETTINGS) as sender:
                return await sender.send("+447700900123", "Hello")

        assert asyncio.run(send()) == ["SM" + "0" * 31 + "1"]
    assert server.messages == [{"To": "+447700900123", "From": FROM, "Body": "Hello"}]


# --- end to end: the command against a fake Twilio API on localhost --------------------------------


def run_invite(
    database: str,
    server: FakeTwilioServer,
    *args: str,
    council: Mapping[str, str] = COUNCIL,
    run: Callable[..., subprocess.CompletedProcess] = supportplan,
    **env: str,
) -> tuple:
    """`supportplan reviews invite` on this worktree's code, in this process unless `run` is
    supportplan_process (its own process); (exit code, stdout, stderr)."""
    environment: Mapping[str, str] = {
        **{name: value for name, value in os.environ.items() if name not in COUNCIL},
        **SMS_ENV,
        **council,
        "PYTHONPATH": str(WORKTREE),
        "SMS_API_URL": server.url,
        **env,
    }
    done = run("--database", database, "reviews", "invite", *args, env=environment)
    return done.returncode, done.stdout, done.stderr


def test_the_command_texts_through_a_fake_twilio_api_on_localhost(
    database: str, demo_person: str, tmp_path: Path
) -> None:
    plans = {reference: overdue(reference) for reference in ("PB-100234", "PB-100235", "PB-100236", "PB-100237")}
    stop(PHONES["PB-100236"])
    with FakeTwilioServer(ACCOUNT, TOKEN, fail_once={PHONES["PB-100235"]}) as server:
        code, out, err = run_invite(database, server, "--due-by", TODAY.isoformat(), run=supportplan_process)
        assert code == 1, err
        assert server.messages == [{"To": PHONES["PB-100234"], "From": FROM, "Body": EXPECTED_TEXT}]
        assert server.failed == [PHONES["PB-100235"]] and server.refused == 0
        assert f"{plans['PB-100234']}  PB-100234  first review due" in out
        assert "PB-100236  first review" in out and "skipped: sent STOP" in out
        assert out.rstrip().endswith(
            "Sent: 1. Skipped: 2 (no phone on file 1, sent STOP 1, invited recently 0). Failed: 1."
        )
        for private in ("7700", "Sam", "Taylor"):
            assert private not in out + err

        code, out, err = run_invite(database, server, "--format", "json")
        assert code == 0, err
        summary = json.loads(out)
        assert summary["counts"] == {
            "sent": 1,
            "would_send": 0,
            "no_phone": 1,
            "stopped": 1,
            "invited_recently": 1,
            "failed": 0,
        }
        assert [message["To"] for message in server.messages] == [PHONES["PB-100234"], PHONES["PB-100235"]]


def test_the_commands_dry_run_texts_no_one(database: str, demo_person: str, tmp_path: Path) -> None:
    plan = overdue("PB-100234")
    with FakeTwilioServer(ACCOUNT, TOKEN) as server:
        code, out, err = run_invite(database, server, "--dry-run", "--format", "json")
        assert code == 0, err
        summary = json.loads(out)
        assert summary["dry_run"] and summary["text"] == EXPECTED_TEXT
        assert summary["people"] == [
            {
                "plan_reference": plan,
                "person_reference": "PB-100234",
                "kind": "first review",
                "due": (TODAY - timedelta(weeks=2)).isoformat(),
                "result": "would_send",
                "phone": "07*** ***123",
            }
        ]
        assert server.messages == [] and server.refused == 0
    assert audit(INVITED) == []


def test_the_command_refuses_without_the_councils_name_and_phone(
    database: str, demo_person: str, tmp_path: Path
) -> None:
    overdue("PB-100234")
    with FakeTwilioServer(ACCOUNT, TOKEN) as server:
        code, out, err = run_invite(database, server, council={})
        assert code == 1 and out == ""
        assert "No invitations were sent. Set COUNCIL_NAME and COUNCIL_PHONE" in err
        assert server.messages == []


def test_a_wrong_token_is_refused_by_the_fake_api_and_every_text_fails(
    database: str, demo_person: str, tmp_path: Path
) -> None:
    overdue("PB-100234")
    overdue("PB-100235")
    with FakeTwilioServer(ACCOUNT, TOKEN) as server:
        code, out, _ = run_invite(database, server, SMS_AUTH_TOKEN="wrong")
        assert code == 1 and server.refused == 2 and server.messages == []
        assert "Sent: 0." in out and "Failed: 2." in out
