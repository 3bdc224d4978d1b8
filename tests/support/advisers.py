"""Adviser logins for the web app's tests: passwords, TOTP enrolment and fresh codes, CSRF
tokens and signing in."""

from __future__ import annotations

import functools
import re
import time
from contextlib import contextmanager
from typing import Any, Dict, Iterator

import pyotp
import pytest
from aiohttp.test_utils import TestClient

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


_REAL_HASHER = accounts._hasher


@functools.lru_cache(maxsize=None)
def _hash_once(password: str) -> str:
    return _REAL_HASHER.hash(password)


class _OneHashPerPassword:
    """bot.web.accounts' password hasher, except that each password is hashed once per process and
    the hash reused (Argon2id is slow on purpose: about 0.2 s a hash on 2 cores). The hash is the
    real hasher's, with its parameters and a salt of its own; verifying is the real hasher's."""

    def hash(self, password: str) -> str:
        return _hash_once(password)

    def __getattr__(self, name: str) -> Any:
        return getattr(_REAL_HASHER, name)


@contextmanager
def hashed_once() -> Iterator[None]:
    """Logins made in the block get their password's hash made once per process (for fixtures: each
    test still has its own database, and the logins a test makes itself are hashed as always)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", _OneHashPerPassword())
        yield


@pytest.fixture
def advisers(database: str) -> Dict[str, int]:
    """An adviser (password only) and a manager (password and TOTP, which managers need)."""
    with hashed_once():
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
