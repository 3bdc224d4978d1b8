"""The optional second factor (IDENTITY_SECOND_FACTOR=sms): a 6-digit code, kept only as a keyed
hash, for one conversation and reference; 3 wrong codes or 10 minutes and it must start again.
Until the code matches, a matching reference and date of birth count as a failed check, so no
one can have endless codes texted to a person."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.db.models import IdentityCode
from bot.db.session import session_scope
from bot.identity import MAX_FAILURES, check_identity, confirm_identity
from bot.privacy.erasure import purge
from bot.second_factor import CODE_LIFETIME, CodeResult, check_code, new_code, phone_on_file

SAM_BORN = date(1956, 4, 3)
START = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)
CONVERSATION = "web-abc"


def test_the_setting_is_off_by_default_and_only_sms_turns_it_on() -> None:
    assert Settings.from_env({}).identity_second_factor == ""
    assert Settings.from_env({"IDENTITY_SECOND_FACTOR": "SMS"}).identity_second_factor == "sms"
    assert Settings.from_env({"IDENTITY_SECOND_FACTOR": "off"}).identity_second_factor == ""
    with pytest.raises(ValueError):
        Settings.from_env({"IDENTITY_SECOND_FACTOR": "email"})


def test_a_code_is_six_digits_stored_only_as_a_hash(demo_person: str) -> None:
    code = new_code(CONVERSATION, demo_person, START)
    assert len(code) == 6 and code.isdigit()
    with session_scope() as session:
        row = session.execute(select(IdentityCode)).scalar_one()
        stored = " ".join(str(value) for value in (row.conversation_hash, row.reference_hash, row.code_hash))
    assert code not in stored and CONVERSATION not in stored and "100234" not in stored
    assert (
        check_code(CONVERSATION, demo_person, f" {code[:3]} {code[3:]} ", START + timedelta(minutes=1))
        is CodeResult.MATCHED
    )
    assert (
        check_code(CONVERSATION, demo_person, code, START + timedelta(minutes=1)) is CodeResult.START_AGAIN
    )  # used once


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_three_wrong_codes_start_again(demo_person: str) -> None:
    code = new_code(CONVERSATION, demo_person, START)
    assert check_code(CONVERSATION, demo_person, wrong(code), START) is CodeResult.WRONG
    assert check_code(CONVERSATION, demo_person, wrong(code), START) is CodeResult.WRONG
    assert check_code(CONVERSATION, demo_person, wrong(code), START) is CodeResult.START_AGAIN
    assert check_code(CONVERSATION, demo_person, code, START) is CodeResult.START_AGAIN


def test_a_code_lasts_ten_minutes_for_its_own_conversation_and_reference(demo_person: str) -> None:
    code = new_code(CONVERSATION, demo_person, START)
    assert check_code("web-other", demo_person, code, START) is CodeResult.START_AGAIN
    code = new_code(CONVERSATION, demo_person, START)
    assert check_code(CONVERSATION, "PB-100235", code, START) is CodeResult.START_AGAIN
    code = new_code(CONVERSATION, demo_person, START)
    assert (
        check_code(CONVERSATION, demo_person, code, START + CODE_LIFETIME + timedelta(seconds=1))
        is CodeResult.START_AGAIN
    )
    code = new_code(CONVERSATION, demo_person, START)
    new = new_code(CONVERSATION, demo_person, START)  # a new code replaces the old one
    assert code == new or check_code(CONVERSATION, demo_person, code, START) is CodeResult.WRONG


def test_until_the_code_matches_the_check_counts_as_a_failure(demo_person: str) -> None:
    for _ in range(MAX_FAILURES - 1):
        assert check_identity(demo_person, SAM_BORN, START, second_factor=True).person is not None
    third = check_identity(demo_person, SAM_BORN, START, second_factor=True)
    assert third.person is None and third.locked  # no third code texted within 15 minutes


def test_a_matched_code_clears_the_failures(demo_person: str) -> None:
    for _ in range(MAX_FAILURES - 1):
        check_identity(demo_person, SAM_BORN, START, second_factor=True)
    confirm_identity(demo_person)
    assert check_identity(demo_person, SAM_BORN, START, second_factor=True).person is not None


def test_the_phone_on_file(demo_person: str) -> None:
    assert phone_on_file(demo_person) == "+447700900123"
    assert phone_on_file("PB-999999") is None


def test_purge_deletes_codes_out_of_time(demo_person: str) -> None:
    new_code(CONVERSATION, demo_person, START)
    new_code("web-later", demo_person, START + timedelta(days=1))
    purge(30, now=START + timedelta(days=1))
    with session_scope() as session:
        assert len(session.execute(select(IdentityCode)).all()) == 1
