"""A console cookie made by someone else is refused (issue 18 items 1 and 7): one encrypted with
the key the project used to derive from its old public constant, one that names an adviser
directly, and one with a made-up session id."""

from __future__ import annotations

import base64
import json
import secrets
import time
from typing import Any, Dict

from aiohttp.test_utils import TestClient
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bot.secret_keys import ADVISER_SESSIONS, derived_key
from bot.web.auth import SESSION_COOKIE
from tests.support.advisers import advisers, secret_key  # noqa: F401  (fixtures)
from tests.support.web_app import client, rasa  # noqa: F401  (fixtures)


def old_public_key() -> bytes:
    """The adviser-session key derived from the old constant "supportplan-development-key"."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"supportplan adviser sessions").derive(
        b"supportplan-development-key"
    )


def cookie(key: bytes, session: Dict[str, Any]) -> str:
    """A cookie in aiohttp_session's EncryptedCookieStorage format."""
    data = json.dumps({"created": int(time.time()), "session": session}).encode()
    return Fernet(base64.urlsafe_b64encode(key)).encrypt(data).decode()


async def refused(client: TestClient, value: str) -> bool:  # noqa: F811
    client.session.cookie_jar.update_cookies({SESSION_COOKIE: value})
    response = await client.get("/adviser/", allow_redirects=False)
    return response.status == 303 and response.headers["Location"].startswith("/adviser/login")


async def test_a_cookie_forged_with_the_old_public_key_is_refused(client: TestClient, advisers: Dict[str, int]) -> None:  # noqa: F811
    assert advisers["adviser"] == 1
    assert await refused(client, cookie(old_public_key(), {"adviser_id": 1, "signed_in_at": int(time.time())}))


async def test_a_cookie_naming_an_adviser_is_refused_even_with_the_right_key(
    client: TestClient,
    advisers: Dict[str, int],
    database: str,  # noqa: F811
) -> None:
    key = derived_key(secret_key(database), ADVISER_SESSIONS)
    assert await refused(client, cookie(key, {"adviser_id": advisers["adviser"], "signed_in_at": int(time.time())}))
    assert await refused(client, cookie(key, {"sid": secrets.token_urlsafe(32)}))
