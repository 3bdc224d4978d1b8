"""Advisers see identity locks as an alert on the console's home page, and can clear the lock on
a reference with a form that needs the session's CSRF token (audited)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Dict

from aiohttp.test_utils import TestClient
from sqlalchemy import select

from bot.db.models import AuditLog
from bot.db.session import session_scope
from bot.identity import check_identity
from tests.support.advisers import advisers, csrf_of, sign_in  # noqa: F401 — fixtures
from tests.support.web_app import client, rasa  # noqa: F401 — fixtures

SAM_BORN = date(1956, 4, 3)


def lock(reference: str) -> None:
    for _ in range(3):
        check_identity(reference, date(1950, 1, 1), datetime.now(timezone.utc))


async def test_no_alert_when_nothing_is_locked(client: TestClient, advisers: Dict[str, int], demo_person: str) -> None:
    await sign_in(client)
    assert "identity check" not in await (await client.get("/adviser/")).text()


async def test_the_home_page_counts_the_locks_of_the_last_24_hours(
    client: TestClient, advisers: Dict[str, int], demo_person: str
) -> None:
    for reference in ("PB-100234", "PB-999999", "PB-888888"):
        lock(reference)
    await sign_in(client)
    page = await (await client.get("/adviser/")).text()
    assert "3 identity checks locked in the last 24 hours" in page
    assert 'href="/adviser/identity"' in page


async def test_an_adviser_clears_a_lock_with_the_csrf_token(
    client: TestClient, advisers: Dict[str, int], demo_person: str
) -> None:
    lock(demo_person)
    await sign_in(client)
    forged = await client.post("/adviser/identity/unlock", data={"reference": demo_person, "csrf_token": "forged"})
    assert forged.status == 403
    assert check_identity(demo_person, SAM_BORN).locked
    token = await csrf_of(client, "/adviser/identity")
    done = await client.post("/adviser/identity/unlock", data={"reference": "pb 100234", "csrf_token": token})
    assert done.status == 200 and "cleared" in await done.text()
    assert check_identity(demo_person, SAM_BORN).person is not None
    with session_scope() as session:
        [line] = session.execute(select(AuditLog).where(AuditLog.action == "identity-unlocked")).scalars().all()
        assert line.actor == f"adviser:{advisers['adviser']}"


async def test_signed_out_people_cannot_clear_a_lock(
    client: TestClient, advisers: Dict[str, int], demo_person: str
) -> None:
    lock(demo_person)
    response = await client.post("/adviser/identity/unlock", data={"reference": demo_person}, allow_redirects=False)
    assert response.status == 303
    assert check_identity(demo_person, SAM_BORN).locked
