"""The web app's secure headers and cookie flags, on every kind of response."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.config import Settings
from bot.web.app import COOKIE, create_app

pytestmark = pytest.mark.asyncio

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


@pytest.fixture
async def client(database: str):  # type: ignore[no-untyped-def]
    settings = Settings.from_env({"DATABASE_URL": database, "RASA_URL": "http://127.0.0.1:9"})
    async with TestClient(TestServer(create_app(settings))) as client:
        yield client


@pytest.mark.parametrize("path", ["/", "/health", "/no-such-page"])
async def test_every_response_has_the_secure_headers(client: TestClient, path: str) -> None:
    response = await client.get(path)
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value
    assert "default-src 'self'" in response.headers.get("Content-Security-Policy", "")
    assert response.headers.get("Referrer-Policy")


async def test_the_conversation_cookie_is_http_only_and_same_site(client: TestClient) -> None:
    response = await client.get("/")
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"].lower() == "strict"
    assert len(cookie.value) >= 32
