"""Adviser logins for the web app's tests: passwords, TOTP enrolment and fresh codes, CSRF
tokens and signing in."""

from __future__ import annotations

import re
import time
from typing import Dict, Iterator

import pyotp
import pytest
from aiohttp.test_utils import TestClient
from argon2 import PasswordHasher

from bot.config import Settings
from bot.web import accounts
from bot.web.accounts import create_adviser, enrol_totp

PASSWORD = "correct horse battery staple"
MANAGER_PASSWORD = "a different long password"


#: each enrolled login's TOTP secret (by email), and the last time step a test used for it
TOTP_SECRETS: Dict[str, str] = {}
_USED_STEPS: Dict[str, int] = {}


def secret_key(database: str) -> str:
    """The secret key the test app uses (the `client` fixture's settings)."""
    return Settings.from_env({"DATABASE_URL": database}).secret_key


def enrol(database: str, email: str) -> str:
    """Enrol a login for TOTP; returns (and remembers) its secret."""
    TOTP_SECRETS[email] = enrol_totp(email, secret_key(database)).secret
    _USED_STEPS.pop(email, None)
    return TOTP_SECRETS[email]


def fresh_code(email: str) -> str:
    """A valid code this test has not used yet (a code is accepted once, within a step either side)."""
    totp = pyotp.TOTP(TOTP_SECRETS[email])
    step = max(totp.timecode(time.time()), _USED_STEPS.get(email, -1) + 1)
    _USED_STEPS[email] = step
    return totp.generate_otp(step)


#: Argon2id with its cheapest parameters: a hash or a check costs about a millisecond instead of
#: 0.17 s (Argon2id is slow on purpose). Every in-process test uses it, except those marked
#: `production_argon2`, which check the real parameters and the timing of refusals.
QUICK_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
QUICK_DUMMY_HASH = QUICK_HASHER.hash("not a real password, only for timing")


@pytest.fixture(autouse=True)
def quick_password_hashes(request: pytest.FixtureRequest) -> Iterator[None]:
    """bot.web.accounts hashes and checks passwords with QUICK_HASHER during the test (real Argon2id
    hashes and checks, with the cheapest parameters), unless it is marked `production_argon2`."""
    if request.node.get_closest_marker("production_argon2"):
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", QUICK_HASHER)
        patch.setattr(accounts, "_DUMMY_HASH", QUICK_DUMMY_HASH)
        yield


@pytest.fixture
def advisers(database: str) -> Dict[str, int]:
    """An adviser (password only) and a manager (password and TOTP, which managers need)."""
    made = {
        "adviser": create_adviser("Ada@Council.example", PASSWORD).id,
        "manager": create_adviser("max@council.example", MANAGER_PASSWORD, role="manager").id,
    }
    enrol(database, "max@council.example")
    return made


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


async def csrf_of(client: TestClient, path: str = "/adviser/login") -> str:
    page = await client.get(path)
    found = CSRF.search(await page.text())
    assert found, f"no CSRF token on {path}"
    return found.group(1)


async def sign_in(client: TestClient, email: str = "ada@council.example", password: str = PASSWORD) -> None:
    """Sign in, giving a fresh TOTP code when the login has one."""
    token = await csrf_of(client)
    response = await client.post(
        "/adviser/login", data={"email": email, "password": password, "csrf_token": token}, allow_redirects=False
    )
    assert response.status == 303, await response.text()
    if response.headers["Location"].startswith("/adviser/login/code"):
        token = await csrf_of(client, response.headers["Location"])
        response = await client.post(
            "/adviser/login/code", allow_redirects=False, data={"code": fresh_code(email), "csrf_token": token}
        )
        assert response.status == 303, await response.text()
