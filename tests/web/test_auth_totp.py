"""The optional second step (TOTP, pyotp) at sign-in, required for managers (issue 18 item 7)."""

from __future__ import annotations

from datetime import timedelta
from typing import Dict

import pyotp
import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import select, update

from bot.db.models import Adviser, AdviserSession, utcnow
from bot.db.session import session_scope
from bot.web.accounts import MAX_FAILURES, check_code, create_adviser, enrol_totp
from tests.support.advisers import MANAGER_PASSWORD, PASSWORD, csrf_of, enrol, fresh_code, secret_key, sign_in

ADA = "ada@council.example"


async def password_step(client: TestClient, email: str = ADA, password: str = PASSWORD, next_: str = "") -> str:
    token = await csrf_of(client)
    response = await client.post(
        "/adviser/login",
        allow_redirects=False,
        data={"email": email, "password": password, "csrf_token": token, "next": next_},
    )
    assert response.status == 303, await response.text()
    return response.headers["Location"]


async def code_step(client: TestClient, location: str, code: str):  # type: ignore[no-untyped-def]
    token = await csrf_of(client, location)
    page = await (await client.get(location)).text()
    next_ = page.split('name="next" value="', 1)[1].split('"', 1)[0]
    return await client.post(
        "/adviser/login/code", allow_redirects=False, data={"code": code, "csrf_token": token, "next": next_}
    )


async def signed_in(client: TestClient) -> bool:
    return (await client.get("/adviser/", allow_redirects=False)).status == 200


def test_enrolling_gives_the_secret_once_and_keeps_it_encrypted(database: str) -> None:
    create_adviser(ADA, PASSWORD)
    enrolment = enrol_totp("ADA@council.example", secret_key(database))
    assert enrolment.uri.startswith("otpauth://totp/") and f"secret={enrolment.secret}" in enrolment.uri
    assert "ada%40council.example" in enrolment.uri.lower() and "issuer=" in enrolment.uri
    with session_scope() as session:
        stored = session.execute(select(Adviser.totp_secret)).scalar_one()
    assert stored and enrolment.secret not in stored


async def test_with_totp_the_code_is_asked_after_the_password(
    client: TestClient, advisers: Dict[str, int], database: str
) -> None:
    enrol(database, ADA)
    location = await password_step(client, next_="/adviser/?status=draft")
    assert location.startswith("/adviser/login/code")
    assert not await signed_in(client)  # the password alone is not enough
    [pending] = _sessions()
    assert pending.awaiting_code
    wrong = await code_step(client, location, "000000" if fresh_code(ADA) != "000000" else "111111")
    assert wrong.status == 401 and "did not work" in await wrong.text()
    right = await code_step(client, location, fresh_code(ADA))
    assert right.status == 303 and right.headers["Location"] == "/adviser/?status=draft"
    assert await signed_in(client)
    assert {s.awaiting_code for s in _sessions() if s.revoked_at is None} == {False}


async def test_a_code_cannot_be_used_twice(client: TestClient, advisers: Dict[str, int], database: str) -> None:
    secret = enrol(database, ADA)
    code = pyotp.TOTP(secret).now()
    assert (await code_step(client, await password_step(client), code)).status == 303
    await client.post("/adviser/logout", data={"csrf_token": await csrf_of(client, "/adviser/")})
    again = await code_step(client, await password_step(client), code)
    assert again.status == 401 and not await signed_in(client)


def test_an_earlier_code_is_refused_after_a_later_one(database: str) -> None:
    adviser = create_adviser(ADA, PASSWORD)
    key = secret_key(database)
    totp = pyotp.TOTP(enrol_totp(ADA, key).secret)
    now = utcnow()
    step = totp.timecode(now)
    assert check_code(adviser.id, totp.generate_otp(step + 1), key, now).adviser is not None
    assert check_code(adviser.id, totp.generate_otp(step), key, now).adviser is None
    assert check_code(adviser.id, totp.generate_otp(step + 3), key, now).adviser is None  # outside the window


async def test_wrong_codes_count_towards_the_lockout(
    client: TestClient, advisers: Dict[str, int], database: str
) -> None:
    enrol(database, ADA)
    location = await password_step(client)
    for _ in range(MAX_FAILURES):
        response = await code_step(client, location, "12345x")
        assert response.status == 401
    assert "locked" in await response.text()
    response = await code_step(client, location, fresh_code(ADA))
    assert response.status in (303, 401) and not await signed_in(client)


async def test_the_code_must_come_within_five_minutes(
    client: TestClient, advisers: Dict[str, int], database: str
) -> None:
    enrol(database, ADA)
    location = await password_step(client)
    with session_scope() as session:
        session.execute(update(AdviserSession).values(created_at=utcnow() - timedelta(minutes=6)))
    response = await code_step(client, location, fresh_code(ADA))
    assert response.status == 303 and response.headers["Location"].startswith("/adviser/login")
    assert not await signed_in(client)


async def test_a_manager_without_totp_is_told_how_to_set_it_up(client: TestClient, advisers: Dict[str, int]) -> None:
    create_adviser("new.manager@council.example", PASSWORD, role="manager")
    token = await csrf_of(client)
    response = await client.post(
        "/adviser/login",
        allow_redirects=False,
        data={"email": "new.manager@council.example", "password": PASSWORD, "csrf_token": token},
    )
    page = await response.text()
    assert response.status == 401 and "supportplan adviser totp" in page
    assert not await signed_in(client) and not _sessions()


async def test_a_manager_with_totp_reaches_reporting(client: TestClient, advisers: Dict[str, int]) -> None:
    await sign_in(client, "max@council.example", MANAGER_PASSWORD)
    assert 'href="/adviser/reporting"' in await (await client.get("/adviser/")).text()


def _sessions() -> list:
    with session_scope() as session:
        return list(session.execute(select(AdviserSession)).scalars())
