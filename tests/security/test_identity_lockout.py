"""Per-reference lockout: three failed checks against one reference, from any conversations,
lock it for 15 minutes; a locked reference answers the same whether or not it exists."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select

from bot.db.models import IdentityLock
from bot.db.session import session_scope
from bot.identity import LOCK_WINDOW, check_identity, normalise_reference

SAM_BORN = date(1956, 4, 3)
WRONG = date(1950, 1, 1)
START = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)


def fail(reference: str, times: int, at: datetime = START) -> None:
    for _ in range(times):
        assert check_identity(reference, WRONG, at).person is None


def test_three_failures_lock_the_reference_even_with_the_right_date(demo_person: str) -> None:
    fail(demo_person, 2)
    third = check_identity("pb 100234", WRONG, START)  # typed another way: the same reference
    assert third.locked and third.person is None
    locked = check_identity(demo_person, SAM_BORN, START + timedelta(minutes=14))
    assert locked.locked and locked.person is None


def test_the_lock_ends_after_15_minutes(demo_person: str) -> None:
    fail(demo_person, 3)
    later = check_identity(demo_person, SAM_BORN, START + LOCK_WINDOW + timedelta(seconds=1))
    assert later.person is not None and later.person.reference == demo_person and not later.locked


def test_failures_spread_over_more_than_15_minutes_do_not_lock(demo_person: str) -> None:
    fail(demo_person, 2)
    fail(demo_person, 1, START + LOCK_WINDOW + timedelta(minutes=1))
    assert check_identity(demo_person, SAM_BORN, START + LOCK_WINDOW + timedelta(minutes=2)).person is not None


def test_a_success_clears_earlier_failures(demo_person: str) -> None:
    fail(demo_person, 2)
    assert check_identity(demo_person, SAM_BORN, START).person is not None
    fail(demo_person, 2)
    assert check_identity(demo_person, SAM_BORN, START).person is not None


def test_a_made_up_reference_locks_and_answers_exactly_like_a_real_one(demo_person: str) -> None:
    made_up = "PB-999999"
    answers = []
    for reference in (demo_person, made_up):
        answers.append([check_identity(reference, WRONG, START) for _ in range(4)])
    assert answers[0] == answers[1]
    assert [a.locked for a in answers[0]] == [False, False, True, True]


def test_the_table_holds_no_reference(demo_person: str) -> None:
    fail(demo_person, 1)
    with session_scope() as session:
        rows = session.execute(select(IdentityLock)).scalars().all()
    assert len(rows) == 1
    stored = f"{rows[0].reference_hash}"
    assert normalise_reference(demo_person) not in stored.upper() and len(stored) == 64
