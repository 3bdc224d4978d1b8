"""Identity checks cannot be guessed at scale: escalating locks per reference and per client,
audited, cleared by a success or an adviser, and pruned (issue 18 items 2 and 9)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import List

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.db.models import AuditLog, ClientLock, IdentityLock
from bot.db.session import session_scope
from bot.identity import (
    CLIENT_MAX_FAILURES,
    check_identity,
    locks_since,
    normalise_reference,
    prune_identity_locks,
    unlock_reference,
)
from bot.privacy.erasure import purge

SAM_BORN = date(1956, 4, 3)
WRONG = date(1950, 1, 1)
START = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)
CLIENT = "c" * 32


def fail(reference: str, times: int, at: datetime, client: str = "") -> None:
    for _ in range(times):
        assert check_identity(reference, WRONG, at, client=client or None).person is None


def verifies(reference: str, at: datetime, client: str = "") -> bool:
    return check_identity(reference, SAM_BORN, at, client=client or None).person is not None


def audit(action: str) -> List[AuditLog]:
    with session_scope() as session:
        rows = session.execute(select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)).scalars().all()
        session.expunge_all()
    return rows


def test_locks_escalate_15_minutes_then_an_hour_then_a_day(demo_person: str) -> None:
    fail(demo_person, 3, START)
    second = START + timedelta(minutes=16)
    fail(demo_person, 3, second)
    assert not verifies(demo_person, second + timedelta(minutes=59))
    third = second + timedelta(minutes=61)
    fail(demo_person, 3, third)
    assert not verifies(demo_person, third + timedelta(hours=23))
    assert verifies(demo_person, third + timedelta(days=1, minutes=1))


def test_the_second_lock_lasts_an_hour(demo_person: str) -> None:
    fail(demo_person, 3, START)
    later = START + timedelta(minutes=16)
    fail(demo_person, 3, later)
    assert check_identity(demo_person, SAM_BORN, later + timedelta(minutes=30)).locked
    assert verifies(demo_person, later + timedelta(minutes=61))


def test_a_success_resets_the_escalation(demo_person: str) -> None:
    fail(demo_person, 3, START)
    later = START + timedelta(minutes=16)
    assert verifies(demo_person, later)
    fail(demo_person, 3, later)
    assert verifies(demo_person, later + timedelta(minutes=16))  # 15 minutes again, not an hour


def test_one_client_trying_many_references_is_locked(demo_person: str) -> None:
    for number in range(CLIENT_MAX_FAILURES):
        fail(f"PB-{900000 + number}", 1, START, client=CLIENT)
    locked = check_identity(demo_person, SAM_BORN, START + timedelta(minutes=1), client=CLIENT)
    assert locked.locked and locked.person is None
    assert verifies(demo_person, START + timedelta(minutes=1), client="d" * 32)  # someone else is not
    assert verifies(demo_person, START + timedelta(minutes=16), client=CLIENT)


def test_a_client_lock_is_not_reset_by_a_success_and_escalates(demo_person: str) -> None:
    for number in range(CLIENT_MAX_FAILURES - 1):
        fail(f"PB-{900000 + number}", 1, START, client=CLIENT)
    assert verifies(demo_person, START, client=CLIENT)
    fail("PB-999999", 1, START, client=CLIENT)
    assert check_identity(demo_person, SAM_BORN, START, client=CLIENT).locked
    later = START + timedelta(minutes=16)
    for number in range(CLIENT_MAX_FAILURES):
        fail(f"PB-{800000 + number}", 1, later, client=CLIENT)
    assert check_identity(demo_person, SAM_BORN, later + timedelta(minutes=30), client=CLIENT).locked


def test_a_client_lock_answers_alike_for_real_and_made_up_references(demo_person: str) -> None:
    for number in range(CLIENT_MAX_FAILURES):
        fail(f"PB-{900000 + number}", 1, START, client=CLIENT)
    assert check_identity(demo_person, WRONG, START, client=CLIENT) == check_identity(
        "PB-123123", WRONG, START, client=CLIENT
    )


def test_each_lock_is_audited_with_the_hash_and_counts_only(demo_person: str) -> None:
    fail(demo_person, 3, START)
    [line] = audit("identity-locked")
    assert line.actor == "system" and line.subject == ""
    assert "3 failed checks" in line.detail and "15 minutes" in line.detail
    assert normalise_reference(demo_person) not in line.detail.upper() and demo_person not in line.detail
    with session_scope() as session:
        stored = session.execute(select(IdentityLock.reference_hash)).scalar_one()
    assert stored[:16] in line.detail
    assert locks_since(START - timedelta(hours=24)) == 1


def test_an_adviser_clears_a_lock_and_it_is_audited(demo_person: str) -> None:
    fail(demo_person, 3, START)
    fail(demo_person, 3, START + timedelta(minutes=16))
    assert unlock_reference("pb 100234", actor="adviser:7") is True
    assert verifies(demo_person, START + timedelta(minutes=17))
    [line] = audit("identity-unlocked")
    assert line.actor == "adviser:7" and demo_person not in line.detail
    assert unlock_reference(demo_person, actor="adviser:7") is False


def test_old_records_are_pruned_and_locks_in_force_kept(demo_person: str) -> None:
    fail("PB-555555", 1, START, client=CLIENT)
    fail(demo_person, 3, START + timedelta(days=40))  # still locked at "now"
    now = START + timedelta(days=40, minutes=1)
    assert prune_identity_locks(now - timedelta(days=30), now) == 2
    with session_scope() as session:
        assert len(session.execute(select(IdentityLock)).all()) == 1
        assert session.execute(select(ClientLock)).first() is None


def test_purge_prunes_old_identity_records(demo_person: str) -> None:
    fail("PB-555555", 1, START, client=CLIENT)
    purge(30, now=START + timedelta(days=31))
    with session_scope() as session:
        assert session.execute(select(IdentityLock)).first() is None
        assert session.execute(select(ClientLock)).first() is None
    [line] = audit("purge")
    assert "2 identity check records" in line.detail


def test_the_unlock_command(database: str, capsys: pytest.CaptureFixture) -> None:
    fail("PB-100234", 3, datetime.now(timezone.utc))
    assert main(["--database", database, "identity", "unlock", "pb-100234"]) == 0
    assert "cleared" in capsys.readouterr().out
    assert main(["--database", database, "identity", "unlock", "PB-100234"]) == 0
    assert "nothing to clear" in capsys.readouterr().out.lower()
    [line, _] = audit("identity-unlocked")
    assert line.actor == "cli"
