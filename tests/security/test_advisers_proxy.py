"""Behind a TLS proxy (issue 18 item 7): X-Forwarded-Proto is believed only from an address in
SUPPORTPLAN_TRUSTED_PROXIES; then the console's cookies are Secure and HSTS is sent. Over plain
http, neither."""

from __future__ import annotations

from typing import Dict

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.config import Settings
from bot.web.app import COOKIE, create_app
from bot.web.auth import SESSION_COOKIE
from tests.support.advisers import advisers  # noqa: F401  (fixture)

HSTS = "max-age=31536000"
HTTPS = {"X-Forwarded-Proto": "https"}


@pytest.fixture
async def app_client(database: str):  # type: ignore[no-untyped-def]
    """A test app trusting the proxies given (the test client connects from 127.0.0.1)."""
    made = []

    async def make(trusted: str) -> TestClient:
        settings = Settings.from_env(
            {"DATABASE_URL": database, "RASA_URL": "http://127.0.0.1:9", "SUPPORTPLAN_TRUSTED_PROXIES": trusted}
        )
        client = TestClient(TestServer(create_app(settings)))
        await client.start_server()
        made.append(client)
        return client

    yield make
    for client in made:
        await client.close()


async def test_https_from_a_trusted_proxy_makes_cookies_secure_and_sends_hsts(
    app_client, advisers: Dict[str, int]
) -> None:  # noqa: F811
    client = await app_client("127.0.0.1")
    response = await client.get("/adviser/login", headers=HTTPS)
    assert response.headers.get("Strict-Transport-Security") == HSTS
    assert response.cookies[SESSION_COOKIE]["secure"]
    missing = await client.get("/no-such-page", headers=HTTPS)
    assert missing.headers.get("Strict-Transport-Security") == HSTS  # on errors too
    chat = await client.get("/", headers=HTTPS)
    assert chat.cookies[COOKIE]["secure"] and chat.cookies[COOKIE]["httponly"]  # the chat page's cookie too


async def test_plain_http_from_the_proxy_has_no_hsts(app_client, advisers: Dict[str, int]) -> None:  # noqa: F811
    client = await app_client("127.0.0.1")
    response = await client.get("/adviser/login", headers={"X-Forwarded-Proto": "http"})
    assert "Strict-Transport-Security" not in response.headers
    assert not response.cookies[SESSION_COOKIE]["secure"]


@pytest.mark.parametrize("trusted", ["", "10.0.0.5"])
async def test_the_header_from_anyone_else_is_ignored(app_client, advisers: Dict[str, int], trusted: str) -> None:  # noqa: F811
    client = await app_client(trusted)
    response = await client.get("/adviser/login", headers=HTTPS)
    assert "Strict-Transport-Security" not in response.headers
    assert not response.cookies[SESSION_COOKIE]["secure"]
