"""Server-side console sessions (issue 18 item 7): the cookie holds only a random session id; a
row says whose it is; signing out, `disable` and `reset-password` revoke it; 30 minutes without
a request ends it (the live view's own updates do not count), and so do 8 hours in all."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import timedelta
from typing import Any, Awaitable, Callable, Dict

from aiohttp.test_utils import TestClient
from cryptography.fernet import Fernet
from sqlalchemy import select, update

from bot.db.models import AdviserSession, utcnow
from bot.db.session import session_scope
from bot.secret_keys import ADVISER_SESSIONS, derived_key
from bot.web.accounts import authenticate, disable_adviser, reset_password
from bot.web.auth import SESSION_COOKIE
from tests.support.advisers import PASSWORD, csrf_of, secret_key, sign_in
from tests.support.plans import make_plan

NEW_PASSWORD = "a brand new long password"


def cookie_of(client: TestClient) -> str:
    return client.session.cookie_jar.filter_cookies(client.make_url("/"))[SESSION_COOKIE].value


def cookie_contents(database: str, client: TestClient) -> Dict[str, Any]:
    fernet = Fernet(base64.urlsafe_b64encode(derived_key(secret_key(database), ADVISER_SESSIONS)))
    return json.loads(fernet.decrypt(cookie_of(client).encode()))["session"]


def rows() -> list:
    with session_scope() as session:
        return list(session.execute(select(AdviserSession)).scalars())


def age_sessions(**ages: timedelta) -> None:
    """Move every session's times back (created_at=…, last_seen_at=…)."""
    with session_scope() as session:
        session.execute(update(AdviserSession).values({name: utcnow() - age for name, age in ages.items()}))


async def signed_in(client: TestClient) -> bool:
    response = await client.get("/adviser/", allow_redirects=False)
    return response.status == 200


async def test_the_cookie_holds_only_a_random_session_id(
    client: TestClient, advisers: Dict[str, int], database: str
) -> None:
    await sign_in(client)
    contents = cookie_contents(database, client)
    assert set(contents) == {"sid", "csrf"} and len(contents["sid"]) >= 43
    [row] = rows()
    assert row.id_hash == hashlib.sha256(contents["sid"].encode()).hexdigest()  # only its hash is stored
    assert (row.adviser_id, row.awaiting_code, row.revoked_at) == (advisers["adviser"], False, None)


async def test_signing_out_revokes_the_session_so_a_copied_cookie_stops_working(
    client: TestClient, advisers: Dict[str, int], another_browser: Callable[[], Awaitable[TestClient]]
) -> None:
    await sign_in(client)
    copied = cookie_of(client)
    token = await csrf_of(client, "/adviser/")
    await client.post("/adviser/logout", data={"csrf_token": token})
    [row] = rows()
    assert row.revoked_at is not None
    other = await another_browser()
    other.session.cookie_jar.update_cookies({SESSION_COOKIE: copied})
    assert not await signed_in(other)


async def test_half_an_hour_without_a_request_ends_the_session(client: TestClient, advisers: Dict[str, int]) -> None:
    await sign_in(client)
    age_sessions(last_seen_at=timedelta(minutes=29))
    assert await signed_in(client)
    [row] = rows()
    assert utcnow() - row.last_seen_at < timedelta(minutes=1)  # the request counted
    age_sessions(last_seen_at=timedelta(minutes=31))
    assert not await signed_in(client)


async def test_the_live_views_own_updates_do_not_keep_a_session_alive(
    client: TestClient, advisers: Dict[str, int], demo_person: str
) -> None:
    ref = make_plan(demo_person, "web-live")
    await sign_in(client)
    age_sessions(last_seen_at=timedelta(minutes=20))
    assert (await client.get(f"/adviser/plans/{ref}/live")).status == 200
    [row] = rows()
    assert utcnow() - row.last_seen_at > timedelta(minutes=19)
    age_sessions(last_seen_at=timedelta(minutes=31))
    response = await client.get(f"/adviser/plans/{ref}/live", allow_redirects=False)
    assert response.status == 303 and response.headers["Location"].startswith("/adviser/login")


async def test_a_session_ends_after_eight_hours_however_busy(client: TestClient, advisers: Dict[str, int]) -> None:
    await sign_in(client)
    age_sessions(created_at=timedelta(hours=8, minutes=1), last_seen_at=timedelta(minutes=1))
    assert not await signed_in(client)


async def test_disabling_a_login_ends_its_sessions_and_stops_it_signing_in(
    client: TestClient, advisers: Dict[str, int]
) -> None:
    await sign_in(client)
    disable_adviser("ADA@council.example")
    assert not await signed_in(client)
    assert all(row.revoked_at is not None for row in rows())
    token = await csrf_of(client)
    response = await client.post(
        "/adviser/login", data={"email": "ada@council.example", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status == 401 and "turned off" in await response.text()
    assert authenticate("ada@council.example", "wrong password").adviser is None


async def test_a_new_password_ends_every_session(client: TestClient, advisers: Dict[str, int]) -> None:
    await sign_in(client)
    reset_password("ada@council.example", NEW_PASSWORD)
    assert not await signed_in(client)
    assert authenticate("ada@council.example", PASSWORD).adviser is None
    await sign_in(client, password=NEW_PASSWORD)
    assert await signed_in(client)
