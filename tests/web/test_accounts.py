"""Adviser logins: Argon2 hashes, wrong passwords, and the lockout after five failures."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.db.models import Adviser, AuditLog, utcnow
from bot.db.session import session_scope
from bot.web import accounts
from bot.web.accounts import LOCKOUT, MAX_FAILURES, AccountError, authenticate, create_adviser
from tests.support.advisers import PASSWORD


@pytest.mark.production_argon2
def test_the_dummy_hash_costs_what_a_real_one_does() -> None:
    """An unknown email is checked against _DUMMY_HASH, written out in the module: it must be the
    dummy password's hash with the parameters new hashes get, or the two answers would take
    different times."""
    assert not accounts._hasher.check_needs_rehash(accounts._DUMMY_HASH)
    assert accounts._hasher.verify(accounts._DUMMY_HASH, "not a real password, only for timing")


@pytest.mark.production_argon2
def test_passwords_are_hashed_with_argon2s_recommended_parameters(database: str) -> None:
    """RFC 9106's second recommended option (argon2-cffi's default): 64 MiB, 3 passes, 4 lanes.
    The other tests use cheaper parameters (tests/support/advisers.py QUICK_HASHER)."""
    create_adviser("ada@council.example", PASSWORD)
    with session_scope() as session:
        stored = session.execute(select(Adviser)).scalar_one().password_hash
    assert "$m=65536,t=3,p=4$" in stored
    assert authenticate("ada@council.example", PASSWORD).adviser is not None


def test_a_login_keeps_only_an_argon2_hash(database: str) -> None:
    made = create_adviser("  Ada@Council.Example ", PASSWORD)
    assert (made.email, made.role) == ("ada@council.example", "adviser")
    with session_scope() as session:
        stored = session.execute(select(Adviser)).scalar_one()
        assert stored.password_hash.startswith("$argon2id$") and PASSWORD not in stored.password_hash


@pytest.mark.parametrize(
    "email, password, role, why",
    [
        ("not-an-email", PASSWORD, "adviser", "email"),
        ("a@b.example", "short", "adviser", "12 characters"),
        ("a@b.example", PASSWORD, "boss", "role"),
    ],
)
def test_a_bad_login_is_not_made(database: str, email: str, password: str, role: str, why: str) -> None:
    with pytest.raises(AccountError, match=why):
        create_adviser(email, password, role)


def test_the_same_email_cannot_have_two_logins(database: str) -> None:
    create_adviser("ada@council.example", PASSWORD)
    with pytest.raises(AccountError, match="already"):
        create_adviser("ADA@council.example", PASSWORD)


def test_signing_in_with_the_right_and_wrong_password(database: str) -> None:
    create_adviser("ada@council.example", PASSWORD)
    assert authenticate("ADA@council.example", PASSWORD).adviser.role == "adviser"
    assert authenticate("ada@council.example", PASSWORD + "x").adviser is None
    assert authenticate("nobody@council.example", PASSWORD).adviser is None


def test_five_wrong_passwords_lock_the_login_for_15_minutes(database: str) -> None:
    create_adviser("ada@council.example", PASSWORD)
    now = utcnow()
    results = [authenticate("ada@council.example", "wrong password", now) for _ in range(MAX_FAILURES)]
    assert [r.locked for r in results] == [False] * (MAX_FAILURES - 1) + [True]
    # locked: even the right password is refused until the time is up
    assert authenticate("ada@council.example", PASSWORD, now + LOCKOUT - timedelta(seconds=1)).locked
    assert authenticate("ada@council.example", PASSWORD, now + LOCKOUT + timedelta(seconds=1)).adviser is not None
    with session_scope() as session:
        actions = session.execute(select(AuditLog.action).where(AuditLog.actor.like("adviser:%"))).scalars().all()
    assert actions.count("login-failed") == MAX_FAILURES - 1 and "login-locked" in actions and "login" in actions


def test_a_right_password_resets_the_count(database: str) -> None:
    create_adviser("ada@council.example", PASSWORD)
    for _ in range(MAX_FAILURES - 1):
        authenticate("ada@council.example", "wrong password")
    assert authenticate("ada@council.example", PASSWORD).adviser is not None
    assert not authenticate("ada@council.example", "wrong password").locked
