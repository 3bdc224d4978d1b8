"""A locked login and an unknown email get the same answer, in about the same time, so the sign-in
page does not tell anyone which emails have logins (issue 18 item 7)."""

from __future__ import annotations

import statistics
import time
from typing import Callable, Dict, List

import pytest
from aiohttp.test_utils import TestClient

from bot.web import accounts
from bot.web.accounts import MAX_FAILURES, authenticate, disable_adviser
from tests.support.advisers import PASSWORD, csrf_of

ADA = "ada@council.example"
NOBODY = "nobody@council.example"


def lock(email: str) -> None:
    for _ in range(MAX_FAILURES):
        authenticate(email, "wrong password")
    assert authenticate(email, PASSWORD).locked


async def login_answer(client: TestClient, email: str, password: str) -> str:
    token = await csrf_of(client)
    response = await client.post("/adviser/login", data={"email": email, "password": password, "csrf_token": token})
    assert response.status == 401
    return (await response.text()).replace(email, "EMAIL").replace(token, "TOKEN")


async def test_a_locked_login_and_an_unknown_email_get_the_same_page(
    client: TestClient, advisers: Dict[str, int]
) -> None:
    lock(ADA)
    locked = await login_answer(client, ADA, PASSWORD)
    unknown = await login_answer(client, NOBODY, PASSWORD)
    wrong = await login_answer(client, "max@council.example", "not the password")
    assert "15 minutes" in locked
    assert _csrf_free(locked) == _csrf_free(unknown) == _csrf_free(wrong)


def _csrf_free(page: str) -> str:
    """The page without its (per-request) CSRF token field."""
    return "\n".join(line for line in page.splitlines() if "csrf_token" not in line)


def test_every_refusal_checks_a_password_hash(
    database: str, advisers: Dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: List[str] = []
    real: Callable[[str, str], bool] = accounts._verify
    monkeypatch.setattr(accounts, "_verify", lambda stored, given: calls.append(given) or real(stored, given))
    lock(ADA)
    disable_adviser("max@council.example")
    for email, password in ((NOBODY, PASSWORD), (ADA, PASSWORD), ("max@council.example", "wrong password")):
        calls.clear()
        assert authenticate(email, password).adviser is None
        assert calls == [password], email


@pytest.mark.production_argon2
@pytest.mark.one_database  # the time is Argon2's, whatever the database
def test_a_locked_login_answers_in_about_the_time_of_an_unknown_one(database: str, advisers: Dict[str, int]) -> None:
    lock(ADA)

    def median_seconds(email: str) -> float:
        times = []
        for _ in range(7):
            started = time.perf_counter()
            authenticate(email, PASSWORD)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    unknown, locked = median_seconds(NOBODY), median_seconds(ADA)
    assert 1 / 3 < locked / unknown < 3, (locked, unknown)
