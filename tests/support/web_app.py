"""The web app on a real (test) database, with a stand-in for the Rasa server's relay channel, and
a browser's view of it: its cookie, its messages and its chat session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from bot.config import Settings
from bot.db.models import WebSession
from bot.db.session import session_scope
from bot.web import web_sessions
from bot.web.app import create_app
from bot.web.chat import COOKIE

#: what the stand-in Rasa takes as a successful identity check
DATE_OF_BIRTH = "3/4/1956"


@dataclass
class FakeRasa:
    """Stands in for the Rasa server's relay channel (bot/rasa_plugins/relay.py): records each
    call and says the identity check succeeded when given DATE_OF_BIRTH."""

    calls: List[Tuple[Dict[str, str], Dict[str, Any]]] = field(default_factory=list)
    url: str = ""

    async def relay(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.calls.append((dict(request.headers), body))
        checked = body["message"] == DATE_OF_BIRTH
        text = "Thank you, Sam." if checked else f"You said {body['message']}"
        return web.json_response(
            {
                "messages": [{"recipient_id": body["sender"], "text": text}],
                "responses": ["utter_identity_confirmed"] if checked else [],
            }
        )


@pytest.fixture
async def rasa() -> Iterator[FakeRasa]:  # type: ignore[misc]
    fake = FakeRasa()
    app = web.Application()
    app.router.add_post("/webhooks/web/webhook", fake.relay)
    async with TestServer(app) as server:
        fake.url = str(server.make_url("")).rstrip("/")
        yield fake


@pytest.fixture
async def client(database: str, rasa: FakeRasa) -> Iterator[TestClient]:  # type: ignore[misc]
    settings = Settings.from_env({"DATABASE_URL": database, "RASA_URL": rasa.url})
    async with TestClient(TestServer(create_app(settings))) as client:
        yield client


def cookie_of(client: TestClient) -> Optional[str]:
    """The browser's conversation cookie, if it has one."""
    found = client.session.cookie_jar.filter_cookies(client.make_url("/")).get(COOKIE)
    return found.value if found else None


def own_origin(client: TestClient) -> Dict[str, str]:
    return {"Origin": str(client.make_url("")).rstrip("/")}


async def say(client: TestClient, text: str) -> Any:
    """A message from the chat page (which sends its own origin)."""
    return await client.post("/api/messages", json={"message": text}, headers=own_origin(client))


async def verified_chat(client: TestClient) -> str:
    """Open the chat page and pass the identity check; returns the conversation id."""
    await client.get("/")
    reply = await say(client, DATE_OF_BIRTH)
    assert reply.status == 200, await reply.text()
    return conversation_of(client)


def conversation_of(client: TestClient) -> str:
    """The Rasa conversation this browser's cookie reaches (never shown to the browser)."""
    session = web_sessions.find(cookie_of(client) or "", timedelta(minutes=30))
    assert session is not None, "the browser has no live chat session"
    return session.conversation_id


def age_session(conversation_id: str, **minutes: int) -> None:
    """Move a session's last message (`idle=…`) or identity check (`verified=…`) into the past."""
    columns = {"idle": "last_seen_at", "verified": "verified_at"}
    now = datetime.now(timezone.utc)
    with session_scope() as db:
        row = db.execute(select(WebSession).where(WebSession.conversation_id == conversation_id)).scalar_one()
        for name, ago in minutes.items():
            setattr(row, columns[name], now - timedelta(minutes=ago))


@pytest.fixture
async def another_browser(client: TestClient):  # type: ignore[no-untyped-def]
    """Another browser (its own cookies) on the same running app."""
    made: List[TestClient] = []

    async def another() -> TestClient:
        other = TestClient(client.server)
        await other.start_server()
        made.append(other)
        return other

    yield another
    for other in made:
        await other._session.close()
