"""Fixtures for the web app's tests: a complete plan, adviser logins, and the app itself on a
real (test) database, with Rasa's tracker table where a test needs a conversation."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pyotp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, select

from bot.budgets.source import BudgetFigures
from bot.config import Settings
from bot.db.models import WebSession
from bot.db.session import get_engine, session_scope
from bot.plans import service
from bot.web import web_sessions
from bot.web.accounts import create_adviser, enrol_totp
from bot.web.app import create_app
from bot.web.chat import COOKIE

PASSWORD = "correct horse battery staple"
MANAGER_PASSWORD = "a different long password"


def make_plan(person: str, conversation_id: str, submit: bool = False) -> str:
    """A plan with every section answered: £250 a week budget, two services costing £190."""
    ref = service.open_plan(
        person, "self", "web", conversation_id, BudgetFigures.of(Decimal("250"), "week")
    ).plan_reference
    service.set_important_to_me(ref, "My garden & my cat <Tibbles>")
    service.add_outcome(ref, "Go swimming every week")
    service.add_outcome(ref, "Cook my own meals")
    service.set_outcomes_complete(ref, True)
    service.add_service(
        ref, service.NewService("personal_assistant", "A PA to help me cook", Decimal("6"), Decimal("15"), None, (2,))
    )
    service.add_service(ref, service.NewService("activities", "Swimming club", None, None, Decimal("100"), (1,)))
    service.set_services_complete(ref, True)
    service.set_management(ref, "direct_payment")
    service.set_contingency(ref, "My sister Jo will come round")
    if submit:
        service.submit_plan(ref)
    return ref


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


@pytest.fixture
def advisers(database: str) -> Dict[str, int]:
    """An adviser (password only) and a manager (password and TOTP, which managers need)."""
    made = {
        "adviser": create_adviser("Ada@Council.example", PASSWORD).id,
        "manager": create_adviser("max@council.example", MANAGER_PASSWORD, role="manager").id,
    }
    enrol(database, "max@council.example")
    return made


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


def save_conversation(
    database: str,
    sender_id: str,
    turns: List[Tuple[str, str, List[Dict[str, str]]]],
    responses: Optional[Dict[int, str]] = None,
) -> None:
    """Events as Rasa's SQL tracker store writes them: (type 'user' or 'bot', text, buttons);
    `responses`: the domain response of a bot turn, by its index."""
    metadata = MetaData()
    events = Table(
        "events",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("sender_id", String(255)),
        Column("type_name", String(255)),
        Column("timestamp", Float),
        Column("intent_name", String(255)),
        Column("action_name", String(255)),
        Column("data", Text),
    )
    engine = get_engine(database)
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(
            events.insert(),
            [
                {
                    "sender_id": sender_id,
                    "type_name": "action",
                    "timestamp": 1.0,
                    "data": json.dumps({"event": "action", "name": "action_listen"}),
                }
            ],
        )
        for i, (kind, text, buttons) in enumerate(turns):
            event = {"event": kind, "timestamp": 10.0 + i, "text": text}
            if kind == "bot":
                event["data"] = {"buttons": buttons or None, "elements": None}
                event["metadata"] = {"utter_action": (responses or {})[i]} if i in (responses or {}) else {}
            connection.execute(
                events.insert(),
                [{"sender_id": sender_id, "type_name": kind, "timestamp": 10.0 + i, "data": json.dumps(event)}],
            )


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
