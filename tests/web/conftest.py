"""Fixtures for the web app's tests: a complete plan, adviser logins, and the app itself on a
real (test) database, with Rasa's tracker table where a test needs a conversation."""
from __future__ import annotations

import json
import re
import time
from decimal import Decimal
from typing import Dict, Iterator, List, Tuple

import pyotp
import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text

from bot.budgets.source import BudgetFigures
from bot.config import Settings
from bot.db.session import get_engine
from bot.plans import service
from bot.web.accounts import create_adviser, enrol_totp
from bot.web.app import create_app

PASSWORD = "correct horse battery staple"
MANAGER_PASSWORD = "a different long password"


def make_plan(person: str, conversation_id: str, submit: bool = False) -> str:
    """A plan with every section answered: £250 a week budget, two services costing £190."""
    ref = service.open_plan(person, "self", "web", conversation_id, BudgetFigures.of(Decimal("250"), "week")).plan_reference
    service.set_important_to_me(ref, "My garden & my cat <Tibbles>")
    service.add_outcome(ref, "Go swimming every week")
    service.add_outcome(ref, "Cook my own meals")
    service.set_outcomes_complete(ref, True)
    service.add_service(ref, service.NewService("personal_assistant", "A PA to help me cook", Decimal("6"), Decimal("15"), None, (2,)))
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


@pytest.fixture
async def client(database: str) -> Iterator[TestClient]:  # type: ignore[misc]
    settings = Settings.from_env({"DATABASE_URL": database, "RASA_URL": "http://127.0.0.1:9"})
    async with TestClient(TestServer(create_app(settings))) as client:
        yield client


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


async def csrf_of(client: TestClient, path: str = "/adviser/login") -> str:
    page = await client.get(path)
    found = CSRF.search(await page.text())
    assert found, f"no CSRF token on {path}"
    return found.group(1)


async def sign_in(client: TestClient, email: str = "ada@council.example", password: str = PASSWORD) -> None:
    """Sign in, giving a fresh TOTP code when the login has one."""
    token = await csrf_of(client)
    response = await client.post("/adviser/login", data={"email": email, "password": password, "csrf_token": token},
                                 allow_redirects=False)
    assert response.status == 303, await response.text()
    if response.headers["Location"].startswith("/adviser/login/code"):
        token = await csrf_of(client, response.headers["Location"])
        response = await client.post("/adviser/login/code", allow_redirects=False,
                                     data={"code": fresh_code(email), "csrf_token": token})
        assert response.status == 303, await response.text()


def save_conversation(database: str, sender_id: str, turns: List[Tuple[str, str, List[Dict[str, str]]]]) -> None:
    """Events as Rasa's SQL tracker store writes them: (type 'user' or 'bot', text, buttons)."""
    metadata = MetaData()
    events = Table(
        "events", metadata,
        Column("id", Integer, primary_key=True), Column("sender_id", String(255)), Column("type_name", String(255)),
        Column("timestamp", Float), Column("intent_name", String(255)), Column("action_name", String(255)),
        Column("data", Text),
    )
    engine = get_engine(database)
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(events.insert(), [{"sender_id": sender_id, "type_name": "action", "timestamp": 1.0,
                                             "data": json.dumps({"event": "action", "name": "action_listen"})}])
        for i, (kind, text, buttons) in enumerate(turns):
            event = {"event": kind, "timestamp": 10.0 + i, "text": text}
            if kind == "bot":
                event["data"] = {"buttons": buttons or None, "elements": None}
            connection.execute(events.insert(), [{"sender_id": sender_id, "type_name": kind,
                                                 "timestamp": 10.0 + i, "data": json.dumps(event)}])


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
